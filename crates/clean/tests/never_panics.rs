//! `clean` and `find_publication_date` never panic, whatever the input.

use proptest::prelude::*;
use sitrep_clean::{clean, find_publication_date};
use sitrep_core::{Document, InputFormat};

fn doc(raw: String, format: InputFormat) -> Document {
    Document {
        id: "p".into(),
        source: "-".into(),
        raw,
        format,
        published: None,
        url: None,
        outlet: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn text_never_panics(raw in any::<String>()) {
        let out = clean(&doc(raw.clone(), InputFormat::Text));
        if let Some(t) = out.title {
            prop_assert!(out.text.get(t.start..t.end).is_some());
        }
        let _ = find_publication_date(&raw);
    }

    #[test]
    fn html_never_panics(raw in any::<String>()) {
        let _ = clean(&doc(raw, InputFormat::Html));
    }

    #[test]
    fn html_like_never_panics(raw in "(<[a-z]{1,6}( [a-z]+=\"[^\"]{0,8}\")?>|</[a-z]{1,6}>|[ -~\n]{0,30}|\\d{1,2} (June|мая) \\d{4}){0,40}") {
        let _ = clean(&doc(raw.clone(), InputFormat::Html));
        let _ = clean(&doc(raw, InputFormat::Text));
    }
}

#[test]
fn huge_and_binaryish_inputs() {
    let long_line = "word ".repeat(200_000);
    let _ = clean(&doc(long_line.clone(), InputFormat::Text));
    let _ = clean(&doc(format!("<p>{long_line}</p>"), InputFormat::Html));
    let binaryish: String = (0u32..5000).filter_map(char::from_u32).collect();
    let _ = clean(&doc(binaryish.clone(), InputFormat::Text));
    let _ = clean(&doc(binaryish, InputFormat::Html));
    let deep = "<div>".repeat(5_000);
    let _ = clean(&doc(deep, InputFormat::Html));
}
