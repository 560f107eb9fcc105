//! Code shared by the fuzz targets.

use sitrep_core::{Document, InputFormat};

/// Cleans arbitrary bytes (read as lossy UTF-8) as a document of `format`, and
/// checks that the title span, if any, lies in the cleaned text.
pub fn clean_bytes(data: &[u8], format: InputFormat) {
    let doc = Document {
        id: "fuzz".into(),
        source: "fuzz".into(),
        raw: String::from_utf8_lossy(data).into_owned(),
        format,
        published: None,
        url: None,
        outlet: None,
    };
    let out = sitrep_clean::clean(&doc);
    if let Some(t) = out.title {
        assert!(
            out.text.get(t.start..t.end).is_some(),
            "title span off the text"
        );
    }
}
