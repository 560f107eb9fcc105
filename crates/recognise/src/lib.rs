//! Recognisers for conflict reports: the words of a cleaned report that say
//! when, where, who, with what and how many, and who says so.
//!
//! Each module finds one kind of mention and returns byte [`Span`]s into the
//! sentence or text it was given, so that every field of an incident record can
//! be traced back to its words. The assembler (`sitrep-assemble`) combines them.
//!
//! ```
//! use sitrep_recognise::{triggers::{find_triggers, TriggerKind}, weapons::weapon_names};
//! let s = "Armenian units subjected to fire the positions near Kut using small arms.";
//! assert_eq!(find_triggers(s)[0].kind, TriggerKind::Fire);
//! assert_eq!(weapon_names(s), vec!["small arms"]);
//! ```
//!
//! [`Span`]: sitrep_core::Span

pub mod actors;
pub mod casualties;
pub mod claimants;
pub mod countries;
pub mod dates;
pub mod numbers;
pub mod officials;
pub mod pattern;
pub mod places;
pub mod sentences;
pub mod triggers;
pub mod weapons;
