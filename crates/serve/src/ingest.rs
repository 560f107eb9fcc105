//! Ingest through the API: the same steps as `sitrep ingest` (clean, extract,
//! store each document in one transaction, then merge every stored report into
//! incidents again).

use serde::Serialize;
use sitrep_assemble::Assembler;
use sitrep_core::{Document, Event};
use sitrep_store::{Outcome, Store};
use utoipa::ToSchema;

use crate::error::ApiError;

/// Most records kept per document (as `sitrep ingest`'s default).
const MAX_EVENTS_PER_DOC: usize = 200;
/// Most documents in one request.
pub(crate) const MAX_DOCS: usize = 1000;

/// What happened to one document of a request.
#[derive(Debug, Serialize, ToSchema)]
pub struct IngestedDocument {
    /// Position in the request (0-based).
    pub index: usize,
    /// The document's id.
    pub id: String,
    /// `added`, `replaced` or `unchanged`.
    pub outcome: String,
    /// Report-level records extracted from it (0 when unchanged).
    pub reports: usize,
}

/// A record of the request that could not be read.
#[derive(Debug, Serialize, ToSchema)]
pub struct IngestFailure {
    /// Position in the request (0-based).
    pub index: usize,
    /// Why.
    pub error: String,
}

/// The answer to `POST /api/documents`.
#[derive(Debug, Serialize, ToSchema)]
pub struct IngestResult {
    /// Documents stored (or found unchanged).
    pub documents: Vec<IngestedDocument>,
    /// Records refused.
    pub errors: Vec<IngestFailure>,
    /// Incidents in the database afterwards (rejected ones included).
    pub incidents: u64,
}

/// Parses a request body: one JSON object, a JSON array of objects, or JSON
/// Lines, each `{id, text | html, published, url, outlet}`.
pub(crate) fn parse_body(body: &[u8]) -> Result<Vec<Result<Document, String>>, ApiError> {
    let text = std::str::from_utf8(body)
        .map_err(|_| ApiError::bad_request("request body is not UTF-8"))?;
    let trimmed = text.trim_start();
    let lines: Vec<String> = if trimmed.starts_with('[') {
        let values: Vec<serde_json::Value> = serde_json::from_str(trimmed)
            .map_err(|e| ApiError::bad_request(format!("request body: {e}")))?;
        values.iter().map(|v| v.to_string()).collect()
    } else if trimmed.starts_with('{') {
        // One object (possibly pretty-printed), else JSON Lines.
        match serde_json::from_str::<serde_json::Value>(trimmed) {
            Ok(v) => vec![v.to_string()],
            Err(_) => trimmed
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect(),
        }
    } else {
        return Err(ApiError::bad_request(
            "request body: expected a JSON object {id, text|html, published, url, outlet}, \
             an array of them, or JSON Lines",
        ));
    };
    if lines.is_empty() {
        return Err(ApiError::bad_request("request body holds no documents"));
    }
    if lines.len() > MAX_DOCS {
        return Err(ApiError::bad_request(format!(
            "too many documents in one request ({}; at most {MAX_DOCS})",
            lines.len()
        )));
    }
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let mut parsed: Vec<_> = sitrep_ingest::read_jsonl(line.as_bytes(), "request").collect();
        out.push(match parsed.pop() {
            Some(Ok(mut d)) => {
                d.source = format!("api:{i}");
                Ok(d)
            }
            Some(Err(e)) => Err(e.to_string().trim_start_matches("request:1: ").to_string()),
            None => Err("empty record".into()),
        });
    }
    Ok(out)
}

/// Cleans and extracts one document (CPU only: run it off the async threads).
pub(crate) fn extract(doc: &Document) -> (sitrep_core::CleanDoc, Vec<Event>) {
    let cleaned = sitrep_clean::clean(doc);
    let mut events = Assembler::embedded().assemble(&cleaned);
    events.truncate(MAX_EVENTS_PER_DOC);
    (cleaned, events)
}

/// Stores extracted documents, then recomputes incidents if anything changed.
pub(crate) fn store_all(
    store: &mut Store,
    docs: Vec<(usize, Document, sitrep_core::CleanDoc, Vec<Event>)>,
    errors: Vec<IngestFailure>,
) -> Result<IngestResult, ApiError> {
    let mut documents = Vec::new();
    for (index, doc, cleaned, events) in docs {
        let outcome = store.put_document(&doc, &cleaned, &events)?;
        documents.push(IngestedDocument {
            index,
            id: doc.id.clone(),
            outcome: match outcome {
                Outcome::Added => "added",
                Outcome::Replaced => "replaced",
                Outcome::Unchanged => "unchanged",
            }
            .into(),
            reports: if outcome == Outcome::Unchanged {
                0
            } else {
                events.len()
            },
        });
    }
    if store.incidents_dirty()? {
        store.recompute_incidents()?;
    }
    Ok(IngestResult {
        documents,
        errors,
        incidents: store.counts()?.incidents,
    })
}
