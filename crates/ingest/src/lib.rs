//! Ingest: reads report files, folders, HTML pages, JSON Lines and stdin into
//! [`Document`]s.
//!
//! A document's id is the one its record gives, else its file stem, else a hash
//! of its content, so re-reading the same input gives the same ids. Every input
//! that cannot be read gives an [`IngestError`] naming it, and reading goes on
//! with the rest.
//!
//! ```
//! use sitrep_ingest::read_jsonl;
//! let line = r#"{"id": "r1", "text": "Shelling near the border.", "published": "2024-03-04"}"#;
//! let docs: Vec<_> = read_jsonl(line.as_bytes(), "batch.jsonl").collect();
//! let doc = docs[0].as_ref().unwrap();
//! assert_eq!(doc.id, "r1");
//! assert_eq!(doc.published.unwrap().to_string(), "2024-03-04");
//! ```

mod decode;
mod error;
mod jsonl;
mod source;

pub use decode::{content_id, decode_bytes};
pub use error::IngestError;
pub use jsonl::{max_line_bytes, read_jsonl, read_jsonl_with};
pub use sitrep_core::Document;
pub use source::{
    expand_inputs, is_jsonl, read_bytes, read_input, read_path, read_stdin, stream_input,
    stream_reader, DocStream, Limits,
};
