//! Recognisers for conflict reports.
pub mod dates;
