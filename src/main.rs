//! `sitrep`: raw conflict news in, coded, geocoded incident records out.
//!
//! A thin command-line layer over the pipeline crates: `sitrep-ingest` reads
//! inputs, `sitrep-clean` strips boilerplate, `sitrep-recognise` and
//! `sitrep-assemble` code the events, `sitrep-geocode` places them.

mod bench;
mod cli;
mod commands;
mod db_commands;
mod incident_writers;
mod output;
mod parquet_export;
mod pipeline;
mod serve;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // Output cut short by a closed pipe is not an error of sitrep's.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("sitrep: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
