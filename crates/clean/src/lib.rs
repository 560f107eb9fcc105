//! Boilerplate removal: reduces a scraped page (plain text or HTML) to its title,
//! standfirst and body, one paragraph a line, and finds its publication date.
//!
//! Plain text is cleaned line by line with general rules (prose or not, timestamps,
//! link lists, captions, bylines, a small dictionary of widget phrases, and markers
//! that begin the trailing "Latest news" / comments sections). HTML goes through
//! `dom_smoothie` (a Readability port), then through the same line rules.
//!
//! ```
//! use sitrep_clean::clean;
//! use sitrep_core::{Document, InputFormat};
//!
//! let raw = "WORLD\nBorder post shelled overnight\n\
//!            EASTLAND  05 June 2023 - 09:23\n\
//!            The ministry said a border post came under mortar fire overnight.\n\
//!            Latest news\nTalks resume in the capital\n24 July 2024 - 15:08";
//! let doc = Document {
//!     id: "x".into(),
//!     source: "-".into(),
//!     raw: raw.into(),
//!     format: InputFormat::Text,
//!     published: None,
//!     url: None,
//!     outlet: None,
//! };
//! let out = clean(&doc);
//! assert_eq!(
//!     out.text,
//!     "Border post shelled overnight\n\
//!      The ministry said a border post came under mortar fire overnight."
//! );
//! assert_eq!(out.published.unwrap().to_string(), "2023-06-05");
//! ```

mod dateline;
mod html;
mod lines;
mod partial_date;
mod text;

pub use dateline::find_publication_date;
pub use text::{clean_text, Cleaned};

use sitrep_core::{CleanDoc, Document, InputFormat, Span};

/// Cleans one document: main text (title first, one paragraph a line), the
/// title's span, and the publication date (metadata first, else the dateline).
pub fn clean(doc: &Document) -> CleanDoc {
    let (cleaned, found) = match doc.format {
        InputFormat::Text => (clean_text(&doc.raw), None),
        InputFormat::Html => html::clean_html(&doc.raw),
    };
    let text = cleaned.lines.join("\n");
    let title = cleaned.title.and_then(|i| {
        let start: usize = cleaned.lines.get(..i)?.iter().map(|l| l.len() + 1).sum();
        Some(Span::new(start, start + cleaned.lines.get(i)?.len()))
    });
    let published = doc.published.or(found).or_else(|| match doc.format {
        InputFormat::Text => dateline::date_in_header(&doc.raw),
        InputFormat::Html => None,
    });
    CleanDoc {
        id: doc.id.clone(),
        text,
        title,
        published,
        outlet: doc.outlet.clone(),
        url: doc.url.clone(),
    }
}
