//! Shared types of the sitrep pipeline.
//!
//! Every stage speaks in these types: ingest produces [`Document`]s, clean turns
//! them into [`CleanDoc`]s, recognise and assemble produce [`Event`]s whose fields
//! point back at the text through [`Span`]s, and geocode fills in [`Location`]s.
//! The JSON shape of [`Event`] is the contract of `CODEBOOK.md` §2.
//!
//! ```
//! use sitrep_core::{Span, char_span};
//! let text = "Kəlbəcər fire";
//! let s = Span::new(12, 16); // byte offsets of "fire"
//! assert_eq!(s.slice(text), "fire");
//! assert_eq!(char_span(text, s), Span::new(9, 13)); // each ə is two bytes
//! ```

mod document;
mod event;
mod span;

pub use document::{CleanDoc, Document, InputFormat};
pub use event::{
    Claim, DatePrecision, Event, EventType, Location, Stance, SubEventType, ACLED_TYPES,
};
pub use span::{char_span, tail, Span};

/// Calendar date used throughout (a re-export of `jiff::civil::Date`).
pub type Date = jiff::civil::Date;
