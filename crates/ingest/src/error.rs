//! Errors that name the input they come from.

/// An input that could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file or folder could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The input's path.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The content is not text (NUL bytes, undecodable).
    #[error("{path}: not a text document ({reason})")]
    NotText {
        /// The input's path.
        path: String,
        /// Why it was rejected.
        reason: String,
    },
    /// A JSON Lines record that does not parse or lacks text.
    #[error("{path}:{line}: bad record: {reason}")]
    BadRecord {
        /// The input's path.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// The document exceeds the configured size limit.
    #[error("{path}: too large ({size} bytes; limit {limit}, see --max-doc-bytes)")]
    TooLarge {
        /// The input's path.
        path: String,
        /// Its size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
}
