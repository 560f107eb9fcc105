//! Helpers shared by the assembly tests: assemble a report text, find an event.

#![allow(dead_code)]

use sitrep_assemble::Assembler;
use sitrep_core::{CleanDoc, Event};

/// Assembles `text` as a report published on `published` (YYYY-MM-DD).
pub fn assemble(text: &str, published: Option<&str>) -> Vec<Event> {
    assemble_from(text, published, None)
}

/// Assembles `text` as a report of `outlet` published on `published` (YYYY-MM-DD).
pub fn assemble_from(text: &str, published: Option<&str>, outlet: Option<&str>) -> Vec<Event> {
    let doc = CleanDoc {
        id: "t".into(),
        text: text.into(),
        title: None,
        published: published.map(|p| p.parse().expect("date")),
        outlet: outlet.map(str::to_string),
        url: None,
    };
    Assembler::embedded().assemble(&doc)
}

/// The event at `place`; panics with every event when there is none.
pub fn at<'a>(events: &'a [Event], place: &str) -> &'a Event {
    events
        .iter()
        .find(|e| e.location.as_ref().is_some_and(|l| l.name == place))
        .unwrap_or_else(|| panic!("no event at {place}: {events:#?}"))
}
