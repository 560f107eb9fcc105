//! Prints the gazetteer names found in text files (or stdin), with the places
//! each name may mean.
//!
//! ```text
//! cargo run -p sitrep-geocode --example names -- FILE...
//! ```

use std::io::Read;

use sitrep_geocode::Gazetteer;

fn main() {
    let g = Gazetteer::embedded();
    let mut texts = Vec::new();
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        let mut s = String::new();
        let _ = std::io::stdin().read_to_string(&mut s);
        texts.push(("<stdin>".to_string(), s));
    }
    for f in files {
        match std::fs::read_to_string(&f) {
            Ok(s) => texts.push((f, s)),
            Err(e) => eprintln!("{f}: {e}"),
        }
    }
    for (f, text) in texts {
        println!("== {f}");
        for m in g.find_names(&text) {
            let places: Vec<String> = m
                .places
                .iter()
                .map(|&id| {
                    let p = g.place(id);
                    format!("{} ({}, {})", p.name, p.kind, p.country)
                })
                .collect();
            let world = if m.places.iter().all(|&id| g.is_world(id)) {
                " [world]"
            } else {
                ""
            };
            println!(
                "{:>6}..{:<6} {:?}{}{world} -> {}",
                m.span.start,
                m.span.end,
                m.matched,
                m.generic.map(|g| format!(" +{g:?}")).unwrap_or_default(),
                places.join("; ")
            );
        }
    }
}
