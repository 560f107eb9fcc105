//! Prints the place mentions of a sentence given on the command line (without
//! gazetteer names), with their roles: `cargo run -p sitrep-recognise --example places -- "..."`.
use sitrep_recognise::places::find_places;

fn main() {
    let s = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    for p in find_places(&s, &[], &[]) {
        println!(
            "{:?} {:?} {:?} admin={:?} group={} alt={:?}",
            p.name, p.role, p.hint, p.admin, p.group, p.alt_names
        );
    }
}
