//! Date and time expressions. (stub)
