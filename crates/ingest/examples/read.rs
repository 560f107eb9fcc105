//! Lists the documents that ingest reads from the given inputs (files, folders,
//! JSON Lines, `-`), with their ids, formats and sizes, and the inputs it cannot read:
//! `cargo run -p sitrep-ingest --example read -- examples/reports`.
use std::path::PathBuf;

use sitrep_ingest::{expand_inputs, read_input, Limits};

fn main() {
    let inputs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    for path in expand_inputs(&inputs) {
        let docs = match path {
            Ok(p) => read_input(&p, Limits::default()),
            Err(e) => vec![Err(e)],
        };
        for d in docs {
            match d {
                Ok(d) => println!(
                    "{}\t{:?}\t{} bytes\t{}",
                    d.id,
                    d.format,
                    d.raw.len(),
                    d.source
                ),
                Err(e) => eprintln!("error: {e}"),
            }
        }
    }
}
