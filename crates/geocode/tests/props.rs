//! Property tests: normalisation, ranking and name finding never panic, and
//! `find_names` spans always slice the original text exactly.

use proptest::prelude::*;
use sitrep_geocode::{normalise, Gazetteer, Hints};
use std::sync::OnceLock;

fn gaz() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        Gazetteer::from_tsv(
            include_str!("fixture/places.tsv"),
            include_str!("fixture/countries.tsv"),
        )
        .unwrap()
    })
}

/// Text mixing fixture names, multibyte letters, apostrophes and punctuation.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Yuxarı Şorca".to_string()),
        Just("Zəylik".to_string()),
        Just("Verin Shorzha’s".to_string()),
        Just("Kalbajar region".to_string()),
        Just("Lake Sevan".to_string()),
        Just("Степанакерт".to_string()),
        Just("Վերին Շորժա".to_string()),
        Just("K'arvachar".to_string()),
        Just("-".to_string()),
        Just("'s".to_string()),
        Just("ʼ".to_string()),
        Just("\u{301}".to_string()),
        "[ ,.;\n]{1,3}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn normalise_never_panics(s in "\\PC*") {
        let k = normalise(&s);
        prop_assert!(k.is_ascii());
        prop_assert_eq!(normalise(&k), k.clone(), "idempotent on keys");
    }

    #[test]
    fn rank_never_panics(s in "\\PC*", a in "\\PC{0,12}", lat in -90.0f64..90.0, lon in -180.0f64..180.0) {
        let g = gaz();
        let h = Hints { admin: Some(a.clone()), countries: vec![a, "AM".into()], near: vec![(lat, lon)], want_region: lat > 0.0 };
        let r = g.rank(&s, &h);
        for w in r.windows(2) {
            prop_assert!(w[0].score >= w[1].score);
        }
        let _ = g.describe_ranking(&s, &h);
        let _ = g.country_by_name(&s);
        let _ = g.country_by_demonym(&s);
    }

    #[test]
    fn find_names_spans_are_exact(s in texty()) {
        let g = gaz();
        let mut last_end = 0;
        for m in g.find_names(&s) {
            let slice = s.get(m.span.start..m.span.end);
            prop_assert!(slice.is_some(), "span off char boundary");
            prop_assert_eq!(slice.unwrap(), m.matched.as_str());
            prop_assert!(m.span.start >= last_end, "overlap");
            prop_assert!(m.extended.contains(&m.span));
            prop_assert_eq!(normalise(&m.matched), m.key.clone());
            last_end = m.span.end;
        }
    }

    #[test]
    fn find_names_never_panics_on_anything(s in "\\PC*") {
        let _ = gaz().find_names(&s);
    }
}
