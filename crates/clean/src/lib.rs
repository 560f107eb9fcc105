//! Boilerplate removal: reduces a scraped page to its title, standfirst and body.
//! (stub: replaced by the real implementation)
use sitrep_core::{CleanDoc, Document};

/// Cleans one document.
pub fn clean(doc: &Document) -> CleanDoc {
    CleanDoc {
        id: doc.id.clone(),
        text: doc.raw.clone(),
        title: None,
        published: doc.published,
        outlet: doc.outlet.clone(),
        url: doc.url.clone(),
    }
}
