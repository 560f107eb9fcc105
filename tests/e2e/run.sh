#!/usr/bin/env bash
# End-to-end test of `sitrep serve` in headless Chromium (Debian's /usr/bin/chromium
# driven by playwright-core): ingest example reports into a temporary database,
# serve it on a free loopback port, load the page, filter, open an incident, check
# the claims and the highlighted evidence, review it through the API and see the
# reviewed value in `sitrep export`. Saves docs/screenshots/map.png.
#
# Installs what it needs when missing: chromium (apt-get) and playwright-core
# (npm, into tests/e2e/node_modules, not saved). Exits 0 with a "skipping" message
# only when apt-get or npm themselves are unavailable.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

skip() { echo "e2e: skipping: $*"; exit 0; }

if [[ ! -x /usr/bin/chromium ]]; then
    command -v apt-get >/dev/null 2>&1 || skip "no /usr/bin/chromium and no apt-get to install it"
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "e2e: installing chromium (apt-get)"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
if [[ ! -d "$here/node_modules/playwright-core" ]]; then
    command -v npm >/dev/null 2>&1 || skip "no npm to install playwright-core"
    echo "e2e: installing playwright-core (npm)"
    (cd "$here" && npm install --no-save --no-audit --no-fund --silent playwright-core)
fi
command -v node >/dev/null 2>&1 || skip "no node"
command -v curl >/dev/null 2>&1 || skip "no curl"

# The profile to build and run: debug by default, which `cargo test` has already built
# (CI runs this after the test step); SITREP_PROFILE=release for the optimised binary.
profile="${SITREP_PROFILE:-debug}"
echo "e2e: building sitrep ($profile)"
if [[ "$profile" == release ]]; then cargo build --release --quiet; else cargo build --quiet; fi
bin="$root/target/$profile/sitrep"

tmp=$(mktemp -d)
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

"$bin" ingest --quiet --db "$tmp/e2e.db" examples/reports crates/serve/tests/data/reports.jsonl

# A free loopback port: the server binds port 0 and prints the address it got.
token="e2e-$RANDOM$RANDOM"
SITREP_TOKEN="$token" "$bin" serve --db "$tmp/e2e.db" --addr 127.0.0.1:0 2>"$tmp/serve.log" &
server_pid=$!
base=""
for _ in $(seq 1 100); do
    base=$(sed -nE 's#.*on (http://127\.0\.0\.1:[0-9]+)/ .*#\1#p' "$tmp/serve.log" | head -n 1)
    [[ -n "$base" ]] && curl -fsS "$base/health" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/serve.log" >&2; echo "e2e: server died" >&2; exit 1; }
    sleep 0.1
done
[[ -n "$base" ]] || { cat "$tmp/serve.log" >&2; echo "e2e: server did not start" >&2; exit 1; }
echo "e2e: server at $base"

SITREP_BASE="$base" SITREP_SHOT="${SITREP_E2E_SCREENSHOT:-$root/docs/screenshots/map.png}" SITREP_PROFILE="$tmp/profile" \
    node "$here/page.mjs"

# Review through the API, then the export shows the reviewed value.
id=$(curl -fsS "$base/api/incidents?country=AM&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
code=$(curl -sS -o "$tmp/review.json" -w '%{http_code}' -X POST "$base/api/incidents/$id/review" \
    -H 'Content-Type: application/json' -d '{"action":"correct","reviewer":"e2e","changes":{"fatalities":7}}')
[[ "$code" == 401 ]] || { echo "e2e: review without token gave $code" >&2; exit 1; }
curl -fsS -X POST "$base/api/incidents/$id/review" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"action":"correct","reviewer":"e2e","changes":{"fatalities":7}}' >/dev/null
"$bin" export --db "$tmp/e2e.db" --format jsonl | python3 -c "
import json, sys
rows = {r['incident']: r for r in map(json.loads, sys.stdin)}
r = rows['$id']
assert r['fatalities'] == 7 and r['review'] == 'corrected', r
print('e2e: export shows the reviewed value (fatalities 7, corrected)')
"
"$bin" export --db "$tmp/e2e.db" --format acled-csv | grep -q "^$id,.*,7,sitrep incident" \
    || { echo "e2e: acled-csv lacks the reviewed figure" >&2; exit 1; }
echo "e2e: passed"
