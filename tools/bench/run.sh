#!/usr/bin/env bash
# Corpus benchmark (issue 6): throughput and peak memory of `sitrep clean`,
# `extract` and `ingest` over a generated corpus of reports, on one core and on
# all cores, plus start-up time and, when a spaCy virtualenv is present, spaCy's
# small English NER over a sample of the same corpus.
#
#   bash tools/bench/run.sh                 # 100,000 reports (~204 MB)
#   DOCS=20000 bash tools/bench/run.sh      # a quicker run
#   SPACY_PYTHON=/path/to/venv/bin/python SPACY_DOCS=2000 bash tools/bench/run.sh
#
# Figures are printed as a Markdown table and kept in target/bench/report.md.
# A measurement, not a test: nothing is asserted.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DOCS=${DOCS:-100000}
SPACY_DOCS=${SPACY_DOCS:-2000}
SPACY_PYTHON=${SPACY_PYTHON:-/work/venv-spacy/bin/python}
OUT=target/bench
CORPUS=$OUT/corpus-$DOCS.jsonl
mkdir -p "$OUT"

cargo build --release --quiet
BIN=./target/release/sitrep
[[ -s $CORPUS ]] || python3 tools/bench/make_corpus.py --docs "$DOCS" --out "$CORPUS"
CORES=$(nproc)
# Warm the page cache so the first run does not pay for the disk.
cat "$CORPUS" > /dev/null

report=$OUT/report.md
{
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
    echo "corpus: $CORPUS ($DOCS reports, $(du -m "$CORPUS" | cut -f1) MB on disk); sitrep $($BIN --version | cut -d' ' -f2)"
    echo
    echo "| run | threads | seconds | MB/s | documents/s | peak RSS |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
} > "$report"

# "sitrep: extract: 100000 documents, 204.2 MB in 38.61 s (5.29 MB/s, 2590 documents/s); peak memory 72 MB"
row() {
    local label=$1 threads=$2 line=$3
    python3 - "$label" "$threads" "$line" >> "$report" <<'EOF'
import re, sys
label, threads, line = sys.argv[1:4]
m = re.search(r"in ([\d.]+) s \(([\d.]+) MB/s, (\d+) documents/s\); peak memory (\d+) MB", line)
if not m:
    sys.exit(f"cannot read figures from: {line}")
s, mbs, dps, rss = m.groups()
print(f"| {label} | {threads} | {s} | {mbs} | {dps} | {rss} MB |")
EOF
}

for cmd in clean extract; do
    for j in 1 "$CORES"; do
        line=$($BIN "$cmd" --stats -j "$j" "$CORPUS" 2>&1 >/dev/null | grep "sitrep: $cmd:")
        row "$cmd" "$j" "$line"
    done
done
for j in 1 "$CORES"; do
    db=$OUT/bench-$j.db
    rm -f "$db" "$db-wal" "$db-shm"
    line=$($BIN ingest --quiet --stats -j "$j" --db "$db" "$CORPUS" 2>&1 | grep "sitrep: ingest:")
    row "ingest (new database, incidents included)" "$j" "$line"
    echo "ingest, $j threads: ${line#*; }; database $(du -m "$db" | cut -f1) MB" >> "$OUT/ingest-notes.txt"
    rm -f "$db" "$db-wal" "$db-shm"
done

# Start-up to first output: one short report, best of five runs.
one=$OUT/one-report.txt
echo "On May 3, units of the Armenian armed forces opened fire on positions near Kokhanebi village of the Tovuz region, the Ministry of Defence said." > "$one"
startup=$(python3 - "$BIN" "$one" <<'EOF'
import subprocess, sys, time
best = 1e9
for _ in range(5):
    t = time.perf_counter()
    p = subprocess.Popen([sys.argv[1], "extract", "--published", "2024-05-04", sys.argv[2]], stdout=subprocess.PIPE)
    p.stdout.readline()
    best = min(best, time.perf_counter() - t)
    p.wait()
print(f"{best * 1000:.0f}")
EOF
)
echo >> "$report"
echo "start-up to first output (world gazetteer loaded, one report): $startup ms (best of 5)" >> "$report"

if [[ -x $SPACY_PYTHON ]]; then
    sample=$OUT/sample-$SPACY_DOCS.jsonl
    head -n "$SPACY_DOCS" "$CORPUS" > "$sample"
    echo >> "$report"
    echo "same $SPACY_DOCS-report sample, one process each:" >> "$report"
    echo >> "$report"
    echo "| run | threads | seconds | MB/s | documents/s | peak RSS |" >> "$report"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |" >> "$report"
    line=$($BIN extract --stats -j 1 "$sample" 2>&1 >/dev/null | grep "sitrep: extract:")
    row "sitrep clean+extract (places geocoded)" 1 "$line"
    sitrep_dps=$(sed -nE 's/.*MB\/s, ([0-9]+) documents\/s.*/\1/p' <<<"$line")
    json=$("$SPACY_PYTHON" -B tools/bench/spacy_ner.py --json "$sample")
    python3 - "$json" "$sitrep_dps" >> "$report" <<'EOF'
import json, sys
j = json.loads(sys.argv[1]); sitrep = float(sys.argv[2])
m = j["model"]
print(f"| spaCy {j['spacy_version']} {m['name']} {m['version']}, NER only (no geocoding) | 1 | {j['seconds']:.2f} | {j['mb_per_s']:.3f} | {j['docs_per_s']:.0f} | {j['peak_rss_mb']:.0f} MB |")
print()
print(f"ratio: sitrep clean+extract+geocode handles {sitrep / j['docs_per_s']:.0f}x as many reports per second as spaCy NER alone, on one core, same reports (documents/s; spaCy's MB counts only the text left after HTML stripping).")
EOF
else
    echo >> "$report"
    echo "spaCy comparison skipped: no $SPACY_PYTHON (see tools/bench/README.md)" >> "$report"
fi

cat "$report"
