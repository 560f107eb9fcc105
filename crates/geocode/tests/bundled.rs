//! The packs bundled from `data/gazetteer/`: every row must parse, so bad data
//! shows up here. Run with `--nocapture` to see the counts.

use sitrep_geocode::{normalise, Gazetteer};

#[test]
fn every_bundled_row_parses() {
    let g = Gazetteer::embedded();
    let s = g.stats();
    eprintln!(
        "bundled gazetteer: {} places ({} countries), {} names, {} keys, {} find patterns, {} merged duplicates, {} skipped rows",
        s.places, s.countries, s.names, s.keys, s.patterns, s.merged, s.warnings
    );
    for w in g.warnings() {
        eprintln!("  skipped {w}");
    }
    assert!(
        g.warnings().is_empty(),
        "{} malformed rows (see above)",
        g.warnings().len()
    );
}

#[test]
fn every_bundled_name_looks_itself_up() {
    let g = Gazetteer::embedded();
    for p in g.places() {
        for n in std::iter::once(&p.name).chain(&p.aliases) {
            if normalise(n).is_empty() {
                continue;
            }
            assert!(
                g.lookup(n).iter().any(|q| q.id == p.id),
                "{n:?} does not find {} #{}",
                p.name,
                p.id
            );
        }
    }
}

/// Measures over-merging by the folding: keys shared by places whose names differ
/// even after plain lowercasing and diacritic stripping (printed, not asserted:
/// namesakes are legitimate, but a long list means the folding is too loose).
#[test]
fn report_folding_collisions() {
    use std::collections::HashMap;
    let g = Gazetteer::embedded();
    let plain = |s: &str| s.to_lowercase().replace(['-', '\'', '’'], " ");
    let mut by_key: HashMap<String, Vec<(u32, String)>> = HashMap::new();
    for p in g.places() {
        for n in std::iter::once(&p.name).chain(&p.aliases) {
            by_key
                .entry(normalise(n))
                .or_default()
                .push((p.id, plain(n)));
        }
    }
    let mut n = 0;
    for (k, v) in &by_key {
        let mut ids: Vec<u32> = v.iter().map(|x| x.0).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut spellings: Vec<&str> = v.iter().map(|x| x.1.as_str()).collect();
        spellings.sort_unstable();
        spellings.dedup();
        if ids.len() > 1 && spellings.len() > 1 {
            n += 1;
            if n <= 40 {
                let names: Vec<String> = ids
                    .iter()
                    .map(|&i| {
                        let p = g.place(i);
                        format!("{} ({} {})", p.name, p.kind, p.country)
                    })
                    .collect();
                eprintln!("  key {k:?}: {spellings:?} -> {}", names.join(", "));
            }
        }
    }
    eprintln!("{n} keys join different spellings of different places");
}
