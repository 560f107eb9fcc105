//! `sitrep bench`: throughput of cleaning and extraction over a corpus, on one
//! core and on all cores. A measurement, printed; nothing is asserted.

use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;
use sitrep_assemble::Assembler;
use sitrep_core::Document;

use crate::cli::BenchArgs;
use crate::pipeline::{clean, read_all, set_jobs};

/// Runs the benchmark and prints its figures.
pub fn bench(args: BenchArgs) -> anyhow::Result<ExitCode> {
    set_jobs(args.input.jobs);
    let t0 = Instant::now();
    let asm = Assembler::embedded();
    let load_ms = t0.elapsed().as_secs_f64() * 1e3;
    let docs: Vec<Document> = read_all(&args.input)
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    if docs.is_empty() {
        anyhow::bail!("no readable documents in the inputs");
    }
    let bytes: usize = docs.iter().map(|d| d.raw.len()).sum();
    let repeat = args.repeat.max(1);
    let total_docs = docs.len() * repeat;
    let total_mb = (bytes * repeat) as f64 / 1e6;
    println!(
        "corpus: {} documents, {:.3} MB, repeated {repeat} times ({total_docs} documents, {total_mb:.1} MB)",
        docs.len(),
        bytes as f64 / 1e6
    );
    println!("gazetteer and assembler load: {load_ms:.1} ms");
    let report = |label: &str, secs: f64, events: usize| {
        println!(
            "{label:<28} {secs:>8.3} s  {:>8.2} MB/s  {:>10.0} documents/s  ({events} events)",
            total_mb / secs,
            total_docs as f64 / secs
        );
    };
    let t = Instant::now();
    for _ in 0..repeat {
        for d in &docs {
            std::hint::black_box(clean(d));
        }
    }
    report("clean, 1 thread", t.elapsed().as_secs_f64(), 0);
    let t = Instant::now();
    let mut events = 0;
    for _ in 0..repeat {
        for d in &docs {
            events += asm.assemble(&clean(d)).len();
        }
    }
    report("clean+extract, 1 thread", t.elapsed().as_secs_f64(), events);
    let threads = rayon::current_num_threads();
    let t = Instant::now();
    let events: usize = (0..repeat)
        .into_par_iter()
        .flat_map_iter(|_| docs.iter())
        .map(|d| asm.assemble(&clean(d)).len())
        .sum();
    report(
        &format!("clean+extract, {threads} threads"),
        t.elapsed().as_secs_f64(),
        events,
    );
    Ok(ExitCode::SUCCESS)
}
