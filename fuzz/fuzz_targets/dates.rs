//! Arbitrary text through `sitrep_recognise::dates::find_dates`, anchored on a fixed date.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let anchor = jiff::civil::date(2020, 10, 14);
    for m in sitrep_recognise::dates::find_dates(text, Some(anchor)) {
        assert!(
            text.get(m.span.start..m.span.end).is_some(),
            "date span {:?} off the text",
            m.span
        );
    }
    let _ = sitrep_recognise::dates::find_dates(text, None);
});
