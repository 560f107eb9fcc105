//! Measures the load time of [`Gazetteer::embedded`] (with the world base; set
//! `SITREP_NO_WORLD=1` to compare without it), the first world lookup, and the
//! throughput of
//! [`Gazetteer::find_names`] on generated news-like text (default 5 MB).
//!
//! ```text
//! cargo run --release -p sitrep-geocode --example throughput -- [MB]
//! ```

use std::time::Instant;

use sitrep_geocode::Gazetteer;

const FILLER: &[&str] = &[
    "the",
    "Armenian",
    "armed",
    "forces",
    "fired",
    "at",
    "positions",
    "of",
    "near",
    "village",
    "on",
    "Tuesday",
    "using",
    "mortars",
    "and",
    "large-caliber",
    "weapons,",
    "the",
    "Ministry",
    "of",
    "Defence",
    "said.",
    "No",
    "casualties",
    "were",
    "reported",
    "in",
    "region.",
    "According",
    "to",
    "officials",
    "ceasefire",
    "was",
    "violated",
    "times",
    "Army",
    "Border",
    "Post",
    "units",
    "returned",
    "fire",
    "Kəlbəcər",
    "qəsəbəsi",
    "Şuşa",
    "—",
    "«",
    "»",
    "Ереван",
    "заявил",
    "Минобороны",
    "Հայաստանի",
    "զինված",
    "ուժերը",
];

fn main() {
    let mb: f64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5.0);
    let t = Instant::now();
    let g = Gazetteer::embedded();
    let load = t.elapsed();
    let s = g.stats();
    println!(
        "embedded(): {:.1} ms: {} places ({} countries), {} names, {} keys, {} patterns, {} merged, {} skipped rows",
        load.as_secs_f64() * 1e3,
        s.places,
        s.countries,
        s.names,
        s.keys,
        s.patterns,
        s.merged,
        s.warnings
    );
    println!(
        "world base: {} places kept ({} duplicates of curated rows dropped), {} names, {} keys, {} scan patterns",
        s.world_places, s.world_duplicates, s.world_names, s.world_keys, s.world_patterns
    );
    let t = Instant::now();
    let n = g.rank("Kidal", &sitrep_geocode::Hints::new()).len();
    println!(
        "first world lookup (rank \"Kidal\", {n} candidates): {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );

    // Names to sprinkle: every 50th place's name and first alias.
    let names: Vec<&str> = g
        .places()
        .iter()
        .step_by(50)
        .flat_map(|p| std::iter::once(p.name.as_str()).chain(p.aliases.first().map(|a| a.as_str())))
        .collect();
    let target = (mb * 1e6) as usize;
    let mut text = String::with_capacity(target + 100);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut n = 0usize;
    while text.len() < target {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        n += 1;
        if n % 12 == 0 && !names.is_empty() {
            text.push_str(names[(x as usize / 7) % names.len()]);
        } else {
            text.push_str(FILLER[(x as usize) % FILLER.len()]);
        }
        text.push(if n % 97 == 0 { '\n' } else { ' ' });
    }
    let mut cut = 10_000.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let _ = g.find_names(&text[..cut]); // warm-up
    let t = Instant::now();
    let found = g.find_names(&text);
    let dt = t.elapsed().as_secs_f64();
    println!(
        "find_names: {:.2} MB in {:.1} ms = {:.1} MB/s, {} matches",
        text.len() as f64 / 1e6,
        dt * 1e3,
        text.len() as f64 / 1e6 / dt,
        found.len()
    );
}
