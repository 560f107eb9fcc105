//! Documents as read from input, and as cleaned.

use serde::{Deserialize, Serialize};

use crate::{Date, Span};

/// How a document's raw content is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// A plain-text scrape (may still hold navigation and link lists).
    Text,
    /// An HTML page.
    Html,
}

/// One input document: raw content plus whatever metadata came with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the given id, else the file stem, else a content hash.
    pub id: String,
    /// Where it came from (a path, `path:line` for JSON Lines, or `-`).
    pub source: String,
    /// Raw content.
    pub raw: String,
    /// Encoding of `raw`.
    pub format: InputFormat,
    /// Publication date from metadata, when given.
    pub published: Option<Date>,
    /// Address of the page, when given.
    pub url: Option<String>,
    /// Name of the outlet, when given.
    pub outlet: Option<String>,
}

/// A document reduced to its main text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CleanDoc {
    /// The document's id.
    pub id: String,
    /// Main text: title, standfirst, dateline and body, one paragraph a line.
    pub text: String,
    /// The title line inside `text`, when one was found.
    pub title: Option<Span>,
    /// Publication date: from metadata, else from a dateline in the text.
    pub published: Option<Date>,
    /// Name of the outlet, when known.
    pub outlet: Option<String>,
    /// Address of the page, when known.
    pub url: Option<String>,
}
