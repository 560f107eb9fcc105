//! Lists `data/gazetteer/*.tsv` at build time and generates `packs.rs`, which
//! embeds every place pack (and `countries.tsv` separately) into the binary.
//!
//! It also compiles the world base (`data/gazetteer/world/`, GeoNames cities500
//! converted by `tools/gazetteer/build_world.py`) into compact binary tables in
//! `OUT_DIR` (see `src/world.rs` for the layout): an fst of normalised name keys, an
//! fst of the scan patterns of towns with population >= 15,000, fixed-size place
//! records and a string blob. The keys are folded with the crate's own
//! `src/normalise.rs` (included below), so build-time and run-time keys agree.
//!
//! The files are embedded with `include_bytes!` rather than `include_str!`: the
//! packs are hand-written and may be caught half-written or with a stray
//! non-UTF-8 byte, which must become a load warning, never a build failure.

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    env,
    fmt::Write as _,
    fs,
    io::Read as _,
    path::{Path, PathBuf},
};

#[allow(dead_code)]
#[path = "src/normalise.rs"]
mod normalise;
#[allow(dead_code)]
#[path = "src/stoplist.rs"]
mod stoplist;

/// Towns at least this large are found by `find_names` (text scanning); smaller
/// world places only resolve through `rank`.
const WORLD_SCAN_POPULATION: u64 = 15_000;
/// Aliases (exonyms) are scanned only for places at least this large.
const WORLD_SCAN_ALIAS_POPULATION: u64 = 100_000;
/// Bytes per place record (see `src/world.rs`).
const RECORD: usize = 28;

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let dir = manifest.join("../../data/gazetteer");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={}", dir.display());

    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "tsv"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();

    let mut out = String::new();
    out.push_str("/// Place packs: (file name, raw bytes), sorted by file name.\n");
    out.push_str("pub(crate) static PACKS: &[(&str, &[u8])] = &[\n");
    let mut countries = None;
    for p in &files {
        println!("cargo:rerun-if-changed={}", p.display());
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let abs = p.canonicalize().unwrap_or_else(|_| p.clone());
        let abs = abs.to_string_lossy().into_owned();
        if name == "countries.tsv" {
            countries = Some(abs);
            continue;
        }
        let _ = writeln!(out, "    ({name:?}, include_bytes!({abs:?})),");
    }
    out.push_str("];\n");
    out.push_str("/// The country pack (`countries.tsv`), empty when absent.\n");
    match countries {
        Some(abs) => {
            let _ = writeln!(
                out,
                "pub(crate) static COUNTRIES: &[u8] = include_bytes!({abs:?});"
            );
        }
        None => out.push_str("pub(crate) static COUNTRIES: &[u8] = b\"\";\n"),
    }
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    fs::write(out_dir.join("packs.rs"), out).expect("write packs.rs");
    world(&dir.join("world"), &out_dir);
}

/// One row of `cities500.tsv.gz`.
struct Row {
    gid: u32,
    names: Vec<String>,
    lat: f64,
    lon: f64,
    cc: [u8; 2],
    admin: u16,
    pop: u64,
}

/// The mean point of a region's places; `None` when they straddle the 180th
/// meridian (a mean there would fall on the far side of the globe).
#[derive(Default)]
struct Centroid {
    lat: f64,
    lon: f64,
    min_lon: f64,
    max_lon: f64,
    n: u32,
}

impl Centroid {
    fn add(&mut self, lat: f64, lon: f64) {
        if self.n == 0 {
            (self.min_lon, self.max_lon) = (lon, lon);
        }
        self.lat += lat;
        self.lon += lon;
        self.min_lon = self.min_lon.min(lon);
        self.max_lon = self.max_lon.max(lon);
        self.n += 1;
    }

    fn point(&self) -> Option<(f64, f64)> {
        (self.n > 0 && self.max_lon - self.min_lon < 180.0)
            .then(|| (self.lat / f64::from(self.n), self.lon / f64::from(self.n)))
    }
}

fn world(dir: &Path, out_dir: &Path) {
    for f in ["cities500.tsv.gz", "admin1.tsv", "stoplist.txt"] {
        println!("cargo:rerun-if-changed={}", dir.join(f).display());
    }
    println!("cargo:rerun-if-changed=src/normalise.rs");
    println!("cargo:rerun-if-changed=src/stoplist.rs");
    let mut rows = Vec::new();
    let mut cities = 0;
    let mut admin_names: Vec<String> = Vec::new();
    let mut stop: HashSet<String> = stoplist::STOPLIST
        .iter()
        .map(|s| normalise::normalise(s))
        .collect();
    if let Ok(gz) = fs::read(dir.join("cities500.tsv.gz")) {
        let mut text = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut text)
            .expect("cities500.tsv.gz: gzip of UTF-8 text");
        // admin1 code → name
        let mut admin_map: HashMap<(String, String), String> = HashMap::new();
        if let Ok(a) = fs::read_to_string(dir.join("admin1.tsv")) {
            for l in a.lines().skip(1) {
                let f: Vec<&str> = l.split('\t').collect();
                if f.len() == 3 {
                    admin_map.insert((f[0].into(), f[1].into()), f[2].trim().into());
                }
            }
        }
        if let Ok(s) = fs::read_to_string(dir.join("stoplist.txt")) {
            for l in s.lines().map(str::trim) {
                if !l.is_empty() && !l.starts_with('#') {
                    stop.insert(normalise::normalise(l));
                }
            }
        }
        let mut admin_ix: HashMap<String, u16> = HashMap::new();
        let mut regions: BTreeMap<(u8, u8, u16), Centroid> = BTreeMap::new();
        for l in text.lines().skip(1) {
            let f: Vec<&str> = l.split('\t').collect();
            if f.len() < 8 {
                continue;
            }
            let (Ok(gid), Ok(lat), Ok(lon)) = (f[0].parse(), f[2].parse(), f[3].parse()) else {
                continue;
            };
            let cc = f[4].as_bytes();
            if cc.len() != 2 || f[1].is_empty() {
                continue;
            }
            let admin = if f[5].is_empty() {
                u16::MAX
            } else {
                let name = admin_map
                    .get(&(f[4].to_string(), f[5].to_string()))
                    .cloned()
                    .unwrap_or_else(|| f[5].to_string());
                let n = admin_ix.len() as u16;
                *admin_ix.entry(name.clone()).or_insert_with(|| {
                    admin_names.push(name);
                    n
                })
            };
            let mut names = vec![f[1].to_string()];
            names.extend(f[7].split('|').filter(|a| !a.is_empty()).map(String::from));
            if admin != u16::MAX {
                let r = regions.entry((cc[0], cc[1], admin)).or_default();
                r.add(lat, lon);
            }
            rows.push(Row {
                gid,
                names,
                lat,
                lon,
                cc: [cc[0], cc[1]],
                admin,
                pop: f[6].parse().unwrap_or(0),
            });
        }
        // First-level regions ("Zamfara", "Khyber Pakhtunkhwa"), placed at the mean
        // point of their places, after all the towns.
        cities = rows.len();
        for ((c0, c1, admin), r) in &regions {
            let Some((lat, lon)) = r.point() else {
                continue;
            };
            // A code the admin1 table has no name for ("ENG", "09") names no place.
            let name = &admin_names[*admin as usize];
            if !name.chars().any(char::is_lowercase) || name.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            rows.push(Row {
                gid: 0,
                names: vec![name.clone()],
                lat,
                lon,
                cc: [*c0, *c1],
                admin: *admin,
                pop: 0,
            });
        }
    }

    // Records and strings.
    let mut records = Vec::with_capacity(rows.len() * RECORD);
    let mut strings = Vec::new();
    for r in &rows {
        let joined = r.names.join("\x1f");
        records.extend_from_slice(&r.gid.to_le_bytes());
        records.extend_from_slice(&((r.lat * 1e4).round() as i32).to_le_bytes());
        records.extend_from_slice(&((r.lon * 1e4).round() as i32).to_le_bytes());
        records.extend_from_slice(&(r.pop.min(u32::MAX as u64) as u32).to_le_bytes());
        records.extend_from_slice(&r.cc);
        records.extend_from_slice(&r.admin.to_le_bytes());
        records.extend_from_slice(&(strings.len() as u32).to_le_bytes());
        records.extend_from_slice(&(joined.len() as u32).to_le_bytes());
        strings.extend_from_slice(joined.as_bytes());
    }

    // Keys → postings (place index << 1 | canonical), largest population first.
    let mut keys: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut scan: BTreeMap<Vec<u8>, String> = BTreeMap::new();
    let mut names = 0usize;
    for (i, r) in rows.iter().enumerate() {
        let mut seen: Vec<String> = Vec::new();
        for (j, n) in r.names.iter().enumerate() {
            let toks = normalise::name_tokens(n);
            let (lo, hi, _) = normalise::generic_range(&toks);
            let toks = &toks[lo..hi];
            let key = toks
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if key.is_empty() {
                continue;
            }
            if !seen.contains(&key) {
                keys.entry(key.clone())
                    .or_default()
                    .push(((i as u32) << 1) | u32::from(j == 0));
                seen.push(key.clone());
                names += 1;
            }
            // Scanned: the canonical name of a town (aliases only of cities, where
            // exonyms matter: Kiev, Kharkov), never shortened by a generic word
            // ("Times City" is not "Times").
            if r.pop >= WORLD_SCAN_POPULATION
                && (j == 0 || r.pop >= WORLD_SCAN_ALIAS_POPULATION)
                && (lo, hi) == (0, normalise::name_tokens(n).len())
                && key.chars().filter(|c| *c != ' ').count() >= 3
                && !stop.contains(&key)
                && !key.bytes().all(|b| b.is_ascii_digit() || b == b' ')
            {
                let mut pat = Vec::with_capacity(key.len() + 2 * toks.len());
                for (k, t) in toks.iter().enumerate() {
                    pat.push(if k > 0 && t.lower { 2u8 } else { 1u8 });
                    pat.extend_from_slice(t.norm.as_bytes());
                    pat.push(3u8);
                }
                scan.entry(pat).or_insert(key);
            }
        }
    }
    let mut postings: Vec<u8> = Vec::new();
    let mut offsets: HashMap<&str, u64> = HashMap::new();
    let mut kb = fst::MapBuilder::memory();
    for (k, ids) in &keys {
        let mut ids = ids.clone();
        ids.sort_by_key(|&x| (std::cmp::Reverse(rows[(x >> 1) as usize].pop), x));
        let off = (postings.len() / 4) as u64;
        postings.extend_from_slice(&(ids.len() as u32).to_le_bytes());
        for x in ids {
            postings.extend_from_slice(&x.to_le_bytes());
        }
        kb.insert(k, off).expect("sorted keys");
        offsets.insert(k, off);
    }
    let mut sb = fst::MapBuilder::memory();
    for (p, k) in &scan {
        sb.insert(p, offsets[k.as_str()]).expect("sorted patterns");
    }
    let files: [(&str, Vec<u8>); 6] = [
        ("world_keys.fst", kb.into_inner().expect("keys fst")),
        ("world_scan.fst", sb.into_inner().expect("scan fst")),
        ("world_postings.bin", postings),
        ("world_records.bin", records),
        ("world_strings.bin", strings),
        ("world_admin1.txt", admin_names.join("\n").into_bytes()),
    ];
    let mut rs = String::from("// Generated by build.rs from data/gazetteer/world/.\n");
    for (f, bytes) in &files {
        let p = out_dir.join(f);
        fs::write(&p, bytes).expect("write world table");
        let ident = f.split('.').next().unwrap_or(f).to_ascii_uppercase();
        let _ = writeln!(
            rs,
            "pub(crate) static {ident}: &[u8] = include_bytes!({:?});",
            p.to_string_lossy()
        );
    }
    let _ = writeln!(rs, "pub(crate) const WORLD_PLACES: usize = {};", rows.len());
    let _ = writeln!(rs, "pub(crate) const WORLD_TOWNS: usize = {cities};");
    let _ = writeln!(rs, "pub(crate) const WORLD_NAMES: usize = {names};");
    let _ = writeln!(
        rs,
        "pub(crate) const WORLD_KEY_COUNT: usize = {};",
        keys.len()
    );
    let _ = writeln!(
        rs,
        "pub(crate) const WORLD_PATTERNS: usize = {};",
        scan.len()
    );
    let _ = writeln!(rs, "pub(crate) const RECORD: usize = {RECORD};");
    fs::write(out_dir.join("world_data.rs"), rs).expect("write world_data.rs");
}
