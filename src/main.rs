//! `sitrep`: raw conflict news in, coded, geocoded incident records out.
//!
//! A thin command-line layer over the pipeline crates: `sitrep-ingest` reads
//! inputs, `sitrep-clean` strips boilerplate, `sitrep-recognise` and
//! `sitrep-assemble` code the events, `sitrep-geocode` places them.

mod cli;
mod commands;
mod output;
mod pipeline;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("sitrep: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
