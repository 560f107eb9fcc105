//! Reading inputs and running the pipeline over them: documents are read lazily
//! and handed out in bounded batches, each processed in parallel, in input order.

use std::path::PathBuf;

use rayon::prelude::*;
use sitrep_core::{CleanDoc, Document};
use sitrep_ingest::{expand_inputs, stream_input, DocStream, IngestError, Limits};

use crate::cli::InputArgs;

/// A document read, or the error of an input that could not be read.
pub type Item = Result<Document, IngestError>;

/// Most documents in one batch.
const BATCH_DOCS: usize = 1024;
/// Most bytes of document text in one batch (a batch always takes one document).
const BATCH_BYTES: usize = 16 * 1024 * 1024;

/// Every input's documents, in order, in batches of at most [`BATCH_DOCS`]
/// documents and about [`BATCH_BYTES`] bytes: memory stays bounded by a batch
/// however large the corpus.
pub struct Batches {
    paths: std::vec::IntoIter<Result<PathBuf, IngestError>>,
    current: Option<DocStream>,
    limits: Limits,
    published: Option<jiff::civil::Date>,
}

impl Batches {
    fn next_item(&mut self) -> Option<Item> {
        loop {
            if let Some(stream) = &mut self.current {
                if let Some(item) = stream.next() {
                    return Some(item.map(|mut d| {
                        if d.published.is_none() {
                            d.published = self.published;
                        }
                        d
                    }));
                }
                self.current = None;
            }
            match self.paths.next()? {
                Ok(path) => self.current = Some(stream_input(&path, self.limits)),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

impl Iterator for Batches {
    type Item = Vec<Item>;

    fn next(&mut self) -> Option<Vec<Item>> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < BATCH_DOCS && bytes < BATCH_BYTES {
            let Some(item) = self.next_item() else { break };
            bytes += item.as_ref().map_or(0, |d| d.raw.len());
            batch.push(item);
        }
        (!batch.is_empty()).then_some(batch)
    }
}

/// The documents of every input, read lazily, in batches.
pub fn batches(args: &InputArgs) -> Batches {
    Batches {
        paths: expand_inputs(&args.inputs).into_iter(),
        current: None,
        limits: Limits {
            max_doc_bytes: args.max_doc_bytes,
        },
        published: args.published,
    }
}

/// Reads every input into memory (for benchmarks, which time the pipeline alone).
pub fn read_all(args: &InputArgs) -> Vec<Item> {
    batches(args).flatten().collect()
}

/// Runs `f` over the documents of a batch in parallel; errors stay in place.
pub fn process<T: Send>(
    batch: &[Item],
    f: impl Fn(&Document) -> T + Sync + Send,
) -> Vec<Result<T, &IngestError>> {
    batch.par_iter().map(|i| i.as_ref().map(&f)).collect()
}

/// Documents and bytes read, for `--stats`.
#[derive(Debug)]
pub struct Stats {
    started: std::time::Instant,
    docs: usize,
    bytes: usize,
}

impl Stats {
    /// Starts the clock.
    pub fn start() -> Self {
        Stats {
            started: std::time::Instant::now(),
            docs: 0,
            bytes: 0,
        }
    }

    /// Counts the documents of a batch.
    pub fn add(&mut self, batch: &[Item]) {
        for d in batch.iter().flatten() {
            self.docs += 1;
            self.bytes += d.raw.len();
        }
    }

    /// Documents read so far.
    pub fn docs(&self) -> usize {
        self.docs
    }

    /// One line: documents, MB, seconds, throughput and peak memory.
    pub fn line(&self) -> String {
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        let peak = peak_rss_mb().map_or("unknown".to_string(), |m| format!("{m:.0} MB"));
        format!(
            "{} documents, {mb:.1} MB in {secs:.2} s ({:.2} MB/s, {:.0} documents/s); peak memory {peak}",
            self.docs,
            mb / secs,
            self.docs as f64 / secs
        )
    }
}

/// This process's peak resident memory in MB (Linux: `VmHWM`), if known.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Cleans one document.
pub fn clean(doc: &Document) -> CleanDoc {
    sitrep_clean::clean(doc)
}

/// Sets the size of the worker pool.
pub fn set_jobs(jobs: Option<usize>) {
    if let Some(n) = jobs {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
}
