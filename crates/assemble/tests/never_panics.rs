//! Property test: assembly gives output, never a panic, on any text.

use proptest::prelude::*;
use sitrep_assemble::Assembler;
use sitrep_core::CleanDoc;

fn doc(text: String) -> CleanDoc {
    CleanDoc {
        id: "p".into(),
        text,
        title: None,
        published: Some(jiff::civil::date(2024, 2, 29)),
        outlet: None,
        url: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text(text in "\\PC{0,400}") {
        let events = Assembler::embedded().assemble(&doc(text.clone()));
        for e in events {
            for s in e.evidence {
                prop_assert!(s.start <= s.end && s.end <= text.chars().count());
            }
        }
    }

    #[test]
    fn genre_words_in_any_order(words in proptest::collection::vec(prop_oneof![
        Just("Armenian"), Just("units"), Just("fired"), Just("on"), Just("positions"), Just("in"),
        Just("the"), Just("direction"), Just("of"), Just("Kut"), Just("settlement"), Just("region"),
        Just("Kalbajar"), Just("two"), Just("killed"), Just("wounded"), Just("and"), Just(","),
        Just("."), Just("\n"), Just("on Friday"), Just("(Zod)"), Just("said"), Just("99999999999999999999"),
        Just("February 30"), Just("’s"), Just("ə"), Just("from"), Just("at 0815"), Just("each"),
    ], 0..60)) {
        let text = words.join(" ");
        let _ = Assembler::embedded().assemble(&doc(text));
    }
}
