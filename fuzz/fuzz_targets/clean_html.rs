//! Arbitrary bytes, read as an HTML page, through `sitrep_clean::clean`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_core::{Document, InputFormat};

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data).into_owned();
    let doc = Document {
        id: "fuzz".into(),
        source: "fuzz.html".into(),
        raw,
        format: InputFormat::Html,
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
});
