//! Reading inputs and running the pipeline over them, in parallel, keeping input order.

use std::path::PathBuf;

use rayon::prelude::*;
use sitrep_core::{CleanDoc, Document};
use sitrep_ingest::{expand_inputs, read_input, IngestError, Limits};

use crate::cli::InputArgs;

/// A document read, or the error of an input that could not be read.
pub type Item = Result<Document, IngestError>;

/// Reads every input; errors stay in place so they are reported in order.
pub fn read_all(args: &InputArgs) -> Vec<Item> {
    let limits = Limits {
        max_doc_bytes: args.max_doc_bytes,
    };
    let paths: Vec<Result<PathBuf, IngestError>> = expand_inputs(&args.inputs);
    paths
        .into_par_iter()
        .flat_map_iter(|p| match p {
            Ok(path) => read_input(&path, limits),
            Err(e) => vec![Err(e)],
        })
        .map(|r| {
            r.map(|mut d| {
                if d.published.is_none() {
                    d.published = args.published;
                }
                d
            })
        })
        .collect()
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
