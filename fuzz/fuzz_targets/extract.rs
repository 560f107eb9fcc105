//! Arbitrary text through the whole extraction: clean, then assemble events.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sitrep_assemble::Assembler;
use sitrep_core::{Document, InputFormat};

static ASSEMBLER: OnceLock<&'static Assembler> = OnceLock::new();

fuzz_target!(|text: &str| {
    let assembler = ASSEMBLER.get_or_init(Assembler::embedded);
    let doc = Document {
        id: "fuzz".into(),
        source: "fuzz.txt".into(),
        raw: text.to_owned(),
        format: InputFormat::Text,
        published: Some(jiff::civil::date(2020, 10, 14)),
        url: None,
        outlet: None,
    };
    let clean = sitrep_clean::clean(&doc);
    let chars = clean.text.chars().count();
    for event in assembler.assemble(&clean) {
        for span in &event.evidence {
            assert!(
                span.start <= span.end && span.end <= chars,
                "evidence span {span:?} off the text ({chars} chars)"
            );
        }
    }
});
