//! Ingest. (stub)
