//! The world base (GeoNames cities500) behind the curated packs.

use sitrep_geocode::{Gazetteer, Hints, Kind};

fn g() -> &'static Gazetteer {
    Gazetteer::embedded()
}

#[test]
fn world_base_is_loaded_and_counted() {
    let s = g().stats();
    eprintln!(
        "curated {} places; world {} places kept ({} duplicates of curated rows dropped), {} names, {} keys, {} scan patterns",
        s.curated_places, s.world_places, s.world_duplicates, s.world_names, s.world_keys, s.world_patterns
    );
    assert!(g().has_world());
    assert!(s.world_places > 200_000, "{s:?}");
    assert!(s.world_names > s.world_places);
    assert!(s.world_patterns > 10_000 && s.world_patterns < s.world_keys);
    assert!(s.curated_places > 1_000);
}

#[test]
fn a_world_only_town_resolves() {
    // Mali has no curated pack.
    let c = g().resolve("Kidal", &Hints::new()).expect("Kidal");
    assert_eq!(c.place.country, "ML", "{c}");
    assert!(g().is_world(c.place.id));
    assert_eq!(c.place.kind, Kind::City);
    assert_eq!(c.precision(), 1);
    assert!(
        c.place.admin1.is_some(),
        "admin1 name from the admin1 table"
    );
    // With a country hint the Indonesian namesake (no population) stays behind.
    let ranked = g().rank("Kidal", &Hints::new().country("ML"));
    assert_eq!(ranked[0].place.country, "ML");
    // Towns below the scan threshold still resolve, by population among namesakes.
    let c = g().resolve("Reading", &Hints::new()).expect("Reading");
    assert_eq!(
        (c.place.country.as_str(), c.place.admin1.is_some()),
        ("GB", true)
    );
    let c = g().resolve("Reading", &Hints::new().country("US")).unwrap();
    assert_eq!(c.place.country, "US");
    assert_eq!(
        c.place.population,
        Some(87879),
        "the largest US Reading: {c}"
    );
}

#[test]
fn curated_rows_win_over_world_namesakes() {
    // Kut (Gegharkunik) is curated; GeoNames also has Kut in Ukraine and Al-Kut.
    let ranked = g().rank("Kut", &Hints::new());
    assert!(!g().is_world(ranked[0].place.id), "{}", ranked[0]);
    assert_eq!(ranked[0].place.country, "AM");
    let first_world = ranked.iter().position(|c| g().is_world(c.place.id));
    let last_curated = ranked.iter().rposition(|c| !g().is_world(c.place.id));
    if let (Some(w), Some(c)) = (first_world, last_curated) {
        assert!(c < w, "every curated Kut before every world one");
    }
    // Even against a country hint that favours the world namesake.
    let c = g().resolve("Kut", &Hints::new().country("UA")).unwrap();
    assert!(!g().is_world(c.place.id), "{c}");
    // The GeoNames copy of a curated village (same name, < 5 km) is dropped.
    for p in g().lookup("Sotk") {
        assert!(!g().is_world(p.id) || p.country != "AM", "duplicate {p:?}");
    }
    assert!(g().stats().world_duplicates > 100);
}

#[test]
fn find_names_skips_common_words_and_small_towns() {
    for text in [
        "The attack came on Friday.",
        "Shelling resumed in April.",
        "Talks were held in Reading.",
        "Mobile units arrived on Tuesday.",
        "A drone was shot down in May and in March.",
        "David said the UN was told.",
        "SHELLING IN KAAN",
    ] {
        let found: Vec<String> = g()
            .find_names(text)
            .into_iter()
            .filter(|m| m.places.iter().all(|&id| g().is_world(id)))
            .map(|m| m.matched)
            .collect();
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
    // A town of the world base (≥ 15,000 inhabitants) is found, with a generic word.
    let text = "Fighting was reported in Kidal town and near Gao.";
    let found = g().find_names(text);
    let names: Vec<&str> = found.iter().map(|m| m.span.slice(text)).collect();
    assert_eq!(names, ["Kidal", "Gao"]);
    assert!(found[0].generic.is_some());
    assert!(found[0].places.iter().all(|&id| g().is_world(id)));
    // A curated name found in text yields the curated places only.
    let text = "Shelling hit Kut.";
    let m = &g().find_names(text)[0];
    assert!(m.places.iter().all(|&id| !g().is_world(id)));
}

#[test]
fn world_places_are_stable_and_round_trip() {
    let a = g().resolve("Kidal", &Hints::new()).unwrap().place;
    let b = g().get(a.id).unwrap();
    assert!(std::ptr::eq(a, b), "built once");
    assert!(a.source.starts_with("GeoNames "));
    assert!(g().lookup("Kidal").iter().any(|p| p.id == a.id));
    assert!(g().get(u32::MAX).is_none());
}

#[test]
fn a_namesake_far_from_every_country_the_report_names_is_ruled_out() {
    // "Karari" is a town in Uttar Pradesh; a report on Sudan means the Omdurman area.
    let bare = g().resolve("Karari", &Hints::new()).expect("Karari");
    assert_eq!(bare.place.country, "IN", "{bare}");
    let sudan = g().resolve("Karari", &Hints::new().country("SD"));
    assert!(sudan.is_none(), "{}", sudan.unwrap());
    // Neighbouring countries stay possible: Kurakhove (UA) for a report naming Russia only.
    let c = g()
        .resolve("Kurakhove", &Hints::new().country("RU"))
        .expect("Kurakhove");
    assert_eq!(c.place.country, "UA", "{c}");
    // A large city needs no country named with it.
    let c = g()
        .resolve("Donetsk", &Hints::new().country("AM"))
        .expect("Donetsk");
    assert!(c.place.population.unwrap_or(0) > 100_000, "{c}");
}

#[test]
fn a_world_place_outside_a_named_world_region_is_ruled_out() {
    // No curated row names North Darfur, but the world base knows it as an admin1:
    // the Ivorian, Australian and Italian Toras are not in it.
    let ranked = g().rank("Tora", &Hints::new().admin("North Darfur"));
    assert!(!ranked.is_empty());
    assert!(ranked.iter().all(|c| c.contradicted), "{}", ranked[0]);
    assert!(g()
        .resolve("Tora", &Hints::new().admin("North Darfur"))
        .is_none());
    // An unknown region name rules nothing out.
    let c = g().resolve("Tora", &Hints::new().admin("Xyzzy Plateau"));
    assert!(c.is_some());
}

#[test]
fn a_world_namesake_among_the_report_s_places_outranks_a_far_curated_one() {
    // A curated village in Sumy Oblast is also called Vasylivka; a report whose other
    // places are around Enerhodar means the Zaporizhzhia town.
    let enerhodar = (47.4989, 34.6558);
    let mut hints = Hints::new().country("UA");
    hints.near = vec![enerhodar];
    let c = g().resolve("Vasylivka", &hints).expect("Vasylivka");
    assert_eq!(
        c.place.admin1.as_deref(),
        Some("Zaporizhzhia Oblast"),
        "{c}"
    );
    // Without such places the curated row still wins.
    let c = g()
        .resolve("Vasylivka", &Hints::new().country("UA"))
        .unwrap();
    assert!(!g().is_world(c.place.id), "{c}");
}

#[test]
fn world_spellings_shared_by_two_towns_and_places_the_world_base_lacks() {
    // GeoNames lists "Sloviansk" among Nikopol's names too (both 105,000 people);
    // the curated row settles it.
    let c = g().resolve("Sloviansk", &Hints::new()).expect("Sloviansk");
    assert_eq!(c.place.admin1.as_deref(), Some("Donetsk Oblast"), "{c}");
    // The town of 26,000 whose official spelling is a GeoNames alias, not the
    // village of 500 that GeoNames names so.
    let c = g().resolve("Balakliia", &Hints::new()).expect("Balakliia");
    assert_eq!(c.place.admin1.as_deref(), Some("Kharkiv Oblast"), "{c}");
    // A Darfur town the world base lacks (a Yemeni namesake is all it has).
    let c = g().resolve("Tawila", &Hints::new()).expect("Tawila");
    assert_eq!(c.place.country, "SD", "{c}");
}

#[test]
fn first_level_regions_of_the_world_base_resolve_to_their_mean_point() {
    // Nigeria has no curated pack: its states come from the admin1 table.
    let c = g()
        .resolve("Zamfara", &Hints::new().region())
        .expect("Zamfara");
    assert_eq!(c.place.kind, Kind::Province, "{c}");
    assert_eq!(c.place.country, "NG");
    assert_eq!(c.precision(), 3);
    let (lat, lon) = (c.place.lat.unwrap(), c.place.lon.unwrap());
    // Inside the state (Gusau, its capital, lies at 12.17 N 6.66 E).
    assert!(
        (11.0..13.7).contains(&lat) && (5.0..7.5).contains(&lon),
        "{c}"
    );
    // A town of the region's name still wins without a region word.
    let c = g().resolve("Kano", &Hints::new()).expect("Kano");
    assert_eq!(c.place.kind, Kind::City, "{c}");
    // A curated region hides the world's region of the same name in its country.
    let ranked = g().rank("Sughd Region", &Hints::new().region());
    assert_eq!(
        ranked
            .iter()
            .filter(|c| c.place.kind == Kind::Province && c.place.country == "TJ")
            .count(),
        1,
        "{ranked:?}"
    );
}

#[test]
fn a_town_folded_onto_a_country_name_is_no_country() {
    // The transliteration fold meets "Qana" and "Ghana".
    assert!(g().country_by_name("Qana").is_none());
    assert_eq!(
        g().country_by_name("Ghana").map(|c| c.iso2.as_str()),
        Some("GH")
    );
    assert_eq!(
        g().country_by_name("the Republic of Armenia")
            .map(|c| c.iso2.as_str()),
        Some("AM")
    );
}

#[test]
fn a_namesake_near_the_hinted_country_outranks_one_far_from_it() {
    // Only India is hinted ("Indian troops shelled Chinari"): the Chinari across the
    // Line of Control, not the Armenian village.
    let c = g()
        .resolve("Chinari", &Hints::new().country("IN"))
        .expect("Chinari");
    assert_eq!(c.place.country, "PK", "{c}");
    // With Armenia hinted, the Armenian one.
    let c = g()
        .resolve("Chinari", &Hints::new().country("AZ"))
        .expect("Chinari");
    assert_eq!(c.place.country, "AM", "{c}");
}
