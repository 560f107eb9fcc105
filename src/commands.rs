//! The subcommands.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use sitrep_assemble::Assembler;
use sitrep_geocode::{Gazetteer, Hints};
use sitrep_ingest::IngestError;

use crate::cli::{CleanArgs, Cli, Command, ExtractArgs, PlaceArgs};
use crate::output::EventWriter;
use crate::pipeline::{batches, clean, process, set_jobs, Stats};

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract(a) => extract(a),
        Command::Clean(a) => clean_cmd(a),
        Command::Place(a) => place(a),
        Command::Bench(a) => crate::bench::bench(a),
        Command::Ingest(a) => crate::db_commands::ingest(a),
        Command::Events(a) => crate::db_commands::events(a),
        Command::Export(a) => crate::db_commands::export(a),
        Command::Show(a) => crate::db_commands::show(a),
        Command::Reprocess(a) => crate::db_commands::reprocess(a),
        Command::Serve(a) => crate::serve::serve(a),
    }
}

fn exit_code(failed: usize) -> ExitCode {
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints an input's error on stderr.
fn report(e: &IngestError) {
    eprintln!("sitrep: {e}");
}

fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    set_jobs(args.input.jobs);
    let asm = Assembler::embedded();
    let max = args.max_events_per_doc;
    let stdout = std::io::stdout();
    let mut out = EventWriter::new(BufWriter::new(stdout.lock()), args.format);
    let mut failed = 0;
    let mut stats = Stats::start();
    for batch in batches(&args.input) {
        stats.add(&batch);
        let per_doc = process(&batch, |doc| {
            let mut events = asm.assemble(&clean(doc));
            events.truncate(max);
            events
        });
        for r in per_doc {
            match r {
                Ok(events) => out.write(&events).context("writing events")?,
                Err(e) => {
                    report(e);
                    failed += 1;
                }
            }
        }
    }
    out.finish().context("writing events")?;
    if args.input.stats {
        eprintln!("sitrep: extract: {}", stats.line());
    }
    Ok(exit_code(failed))
}

fn clean_cmd(args: CleanArgs) -> anyhow::Result<ExitCode> {
    set_jobs(args.input.jobs);
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0;
    let mut stats = Stats::start();
    for batch in batches(&args.input) {
        stats.add(&batch);
        let cleaned = process(&batch, clean);
        for (item, r) in batch.iter().zip(cleaned) {
            let (doc, cleaned) = match (item, r) {
                (Ok(doc), Ok(c)) => (doc, c),
                (_, Err(e)) | (Err(e), _) => {
                    report(e);
                    failed += 1;
                    continue;
                }
            };
            match &args.out_dir {
                Some(dir) => {
                    let name = format!("{}.txt", sanitize(&doc.id));
                    let path = dir.join(name);
                    if let Err(e) = std::fs::write(&path, format!("{}\n", cleaned.text)) {
                        eprintln!("sitrep: {}: cannot write: {e}", path.display());
                        failed += 1;
                    }
                }
                None => {
                    writeln!(out, "{}", cleaned.text).context("writing text")?;
                    writeln!(out).ok();
                }
            }
        }
    }
    out.flush().ok();
    if args.input.stats {
        eprintln!("sitrep: clean: {}", stats.line());
    }
    Ok(exit_code(failed))
}

/// A document id made safe as a file name.
fn sanitize(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn place(args: PlaceArgs) -> anyhow::Result<ExitCode> {
    let gaz = Gazetteer::embedded();
    let mut hints = Hints::new();
    if let Some(r) = args.region {
        hints = hints.admin(r);
    }
    for c in args.country {
        hints = hints.country(c);
    }
    if args.region_only {
        hints = hints.region();
    }
    let ranked = gaz.rank(&args.name, &hints);
    if ranked.is_empty() {
        eprintln!("sitrep: no place named {:?} in the gazetteer", args.name);
        return Ok(ExitCode::from(1));
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for c in ranked.iter().take(args.limit) {
        let shown: Vec<&str> = c
            .place
            .aliases
            .iter()
            .take(12)
            .map(String::as_str)
            .collect();
        let names = if shown.is_empty() {
            String::new()
        } else {
            format!("\n          names: {}", shown.join(", "))
        };
        // A closed pipe (`| head`) ends the listing quietly.
        if writeln!(out, "{c}{names}").is_err() {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}
