//! Resolver behaviour on a small hand-written fixture (`tests/fixture/`).

use sitrep_geocode::{normalise, Gazetteer, Generic, Hints, Kind};

const PLACES: &str = include_str!("fixture/places.tsv");
const COUNTRIES: &str = include_str!("fixture/countries.tsv");

fn gaz() -> Gazetteer {
    let g = Gazetteer::from_tsv(PLACES, COUNTRIES).expect("fixture loads");
    assert!(g.warnings().is_empty(), "{:?}", g.warnings());
    g
}

fn best(g: &Gazetteer, name: &str, h: &Hints) -> u32 {
    g.resolve(name, h)
        .unwrap_or_else(|| panic!("{name:?} unresolved"))
        .place
        .id
}

fn id_of(g: &Gazetteer, name: &str, kind: Kind, admin1: &str) -> u32 {
    g.places()
        .iter()
        .find(|p| p.name == name && p.kind == kind && p.admin1.as_deref() == Some(admin1))
        .unwrap_or_else(|| panic!("no {name} {kind} in {admin1}"))
        .id
}

#[test]
fn both_naming_traditions_resolve_to_one_place() {
    let g = gaz();
    let none = Hints::new();
    for (a, b) in [
        ("Basarkechar", "Vardenis"),
        ("Zod", "Sotk"),
        ("Khankendi", "Stepanakert"),
        ("Xankəndi", "Степанакерт"),
        ("Tovuzgala", "Berd"),
        ("Istisu", "Jermuk"),
        ("Karvachar", "Kalbajar"),
        ("Ստեփանակերտ", "Khankendi"),
    ] {
        assert_eq!(best(&g, a, &none), best(&g, b, &none), "{a} = {b}");
    }
    let c = g.rank("Zod", &none).remove(0);
    assert_eq!(c.place.name, "Sotk");
    assert!(c.reasons[0].contains("alias"), "{:?}", c.reasons);
    let c = g.rank("Sotk", &none).remove(0);
    assert!(c.reasons[0].contains("name"), "{:?}", c.reasons);
}

#[test]
fn transliteration_variants_meet() {
    let g = gaz();
    let upper = id_of(&g, "Yukhari Shorzha", Kind::Settlement, "Kalbajar");
    let lower = id_of(&g, "Ashaghi Shorzha", Kind::Settlement, "Kalbajar");
    for v in [
        "Yuxarı Şorca",
        "Yukhari Shorzha",
        "Verin Shorzha",
        "Upper Shorzha",
        "Yukhary Shorja",
        "Verkhnyaya Shorzha",
        "Վերին Շորժա",
        "YUXARI ŞORCA",
    ] {
        assert_eq!(best(&g, v, &Hints::new()), upper, "{v}");
    }
    for v in [
        "Aşağı Şorca",
        "Nerkin Shorzha",
        "Lower Shorzha",
        "Ashagi Shorzha",
    ] {
        assert_eq!(best(&g, v, &Hints::new()), lower, "{v}");
    }
    // Loose match (e/a) still finds Khankendi, ranked as such.
    let c = g.resolve("Khankandi", &Hints::new()).unwrap();
    assert_eq!(c.place.name, "Khankendi");
    assert_eq!(g.lookup("Kəlbəcər").len(), 2);
}

#[test]
fn admin_hint_disambiguates_namesakes() {
    let g = gaz();
    let zk = id_of(&g, "Zeylik", Kind::Settlement, "Kalbajar");
    let zl = id_of(&g, "Zeylik (Lachin)", Kind::Settlement, "Lachin");
    assert_eq!(best(&g, "Zeylik", &Hints::new().admin("Kalbajar")), zk);
    assert_eq!(best(&g, "Zeylik", &Hints::new().admin("Lachin")), zl);
    // A disambiguating parenthesis is not part of the name.
    let r = g.rank("Zeylik", &Hints::new().admin("Lachin"));
    assert!(r[0].reasons[0].starts_with("name"), "{:?}", r[0].reasons);
    assert_eq!(g.place(zl).location().name, "Zeylik");
    assert_eq!(g.place(zl).location().geo_precision, 1);
    // The hint in another tradition, with its generic word.
    assert_eq!(
        best(&g, "Zəylik", &Hints::new().admin("Kəlbəcər rayonu")),
        zk
    );
    assert_eq!(
        best(&g, "Zeylik", &Hints::new().admin("Berdzor region")),
        zl
    );
    // "Kut of the Basarkechar region": the hint names Vardenis, Kut is 8 km away.
    let kut = id_of(&g, "Kut", Kind::Settlement, "Gegharkunik");
    let r = g.rank("Kut", &Hints::new().admin("Basarkechar"));
    assert_eq!(r[0].place.id, kut);
    assert!(
        r[0].reasons.iter().any(|s| s.contains("Vardenis")),
        "{:?}",
        r[0].reasons
    );
    assert!(r[0].score > r[1].score);
}

#[test]
fn district_mention_resolves_to_the_district_row() {
    let g = gaz();
    let district = id_of(&g, "Kalbajar", Kind::District, "Kalbajar");
    let town = id_of(&g, "Kalbajar", Kind::City, "Kalbajar");
    for s in [
        "Kalbajar region",
        "Kalbajar district",
        "Kəlbəcər rayonu",
        "Karvachar region",
    ] {
        let c = g.resolve(s, &Hints::new()).unwrap();
        assert_eq!(c.place.id, district, "{s}");
        assert_eq!(c.precision(), 3);
    }
    assert_eq!(best(&g, "Kalbajar", &Hints::new().region()), district);
    assert_eq!(best(&g, "Kalbajar", &Hints::new()), town);
    assert_eq!(best(&g, "Kalbajar settlement", &Hints::new()), town);
    assert_eq!(best(&g, "Kalbajar city", &Hints::new().region()), town);
}

#[test]
fn a_village_named_like_its_region_yields_the_bare_name() {
    let g = gaz();
    let province = id_of(&g, "Tavush", Kind::Province, "Tavush");
    let village = id_of(&g, "Tavush", Kind::Settlement, "Tavush");
    // The village lies 22 km from the province's point: no capital.
    assert_eq!(best(&g, "Tavush", &Hints::new()), province);
    assert_eq!(best(&g, "Tavush village", &Hints::new()), village);
    // A capital at its region's point keeps the bare name.
    assert_eq!(
        best(&g, "Kalbajar", &Hints::new()),
        id_of(&g, "Kalbajar", Kind::City, "Kalbajar")
    );
}

#[test]
fn a_height_is_found_with_the_word_mount_before_it() {
    let g = gaz();
    let height = id_of(&g, "Mets Ishkhanasar", Kind::Height, "Syunik");
    for s in [
        "Mount Mets Ishkhanasar",
        "Mt. Boyuk Ishigli",
        "Mets Ishkhanasar",
    ] {
        assert_eq!(best(&g, s, &Hints::new()), height, "{s}");
    }
    assert!(g.resolve("Mount Nowhere", &Hints::new()).is_none());
}

#[test]
fn near_points_pick_the_close_namesake() {
    let g = gaz();
    let zk = id_of(&g, "Zeylik", Kind::Settlement, "Kalbajar");
    let zl = id_of(&g, "Zeylik (Lachin)", Kind::Settlement, "Lachin");
    // Reported together with Kalbajar town / with Lachin.
    assert_eq!(best(&g, "Zeylik", &Hints::new().near(40.1056, 46.0378)), zk);
    assert_eq!(best(&g, "Zeylik", &Hints::new().near(39.64, 46.55)), zl);
    // A far point and a near one: the minimum distance counts.
    let h = Hints::new().near(55.0, 37.0).near(39.64, 46.55);
    assert_eq!(best(&g, "Zeylik", &h), zl);
    // Near beats a weaker alias-vs-name difference and population.
    let kut_s = id_of(&g, "Kut", Kind::Settlement, "Shirak");
    assert_eq!(best(&g, "Kut", &Hints::new().near(40.78, 43.84)), kut_s);
}

#[test]
fn country_hints_rank_in_order() {
    let g = gaz();
    let r = g.rank("Zeylik", &Hints::new().country("AM").country("AZ"));
    assert!(r
        .iter()
        .all(|c| c.reasons.iter().any(|s| s.contains("hint #2"))));
    assert_eq!(
        g.resolve("Kalbajar", &Hints::new().country("Armenia"))
            .unwrap()
            .place
            .country,
        "AZ"
    );
}

#[test]
fn countries_by_name_demonym_capital() {
    let g = gaz();
    assert_eq!(g.country_by_name("Azerbaijan").unwrap().iso2, "AZ");
    assert_eq!(g.country_by_name("Republic of Armenia").unwrap().iso2, "AM");
    assert_eq!(
        g.country_by_name("the Russian Federation").unwrap().iso2,
        "RU"
    );
    assert_eq!(g.country_by_name("Russia").unwrap().iso2, "RU");
    assert_eq!(g.country_by_demonym("Azerbaijani").unwrap().iso2, "AZ");
    assert_eq!(g.country_by_demonym("Azeri").unwrap().iso2, "AZ");
    assert_eq!(g.country_by_demonym("Armenians").unwrap().iso2, "AM");
    assert_eq!(g.country_by_capital("Baku").unwrap().iso2, "AZ");
    assert_eq!(g.country_by_capital("Yerevan").unwrap().iso2, "AM");
    assert_eq!(g.country("am").unwrap().name, "Armenia");
    assert!(g.country_by_name("Atlantis").is_none());
    // Countries are places too.
    assert_eq!(
        g.resolve("Armenia", &Hints::new()).unwrap().place.kind,
        Kind::Country
    );
}

#[test]
fn find_names_spans_are_exact_on_multibyte_text() {
    let g = gaz();
    let text = "Ermənistan qüvvələri Yuxarı Şorca kəndini və Zəylik kəndini atəşə tutub. \
                «Shelling of Verin Shorzha’s outskirts» — Lake Sevan, Sevan; Stepanakert's \
                residents. Kalbajar region, kalbajar, KARVACHAR. Victory Day. Vardenis, Kut-Sotk.";
    let found = g.find_names(text);
    let got: Vec<&str> = found.iter().map(|m| m.span.slice(text)).collect();
    assert_eq!(
        got,
        [
            "Yuxarı Şorca",
            "Zəylik",
            "Verin Shorzha",
            "Lake Sevan",
            "Sevan",
            "Stepanakert",
            "Kalbajar",
            "KARVACHAR",
            "Vardenis",
            "Kut",
            "Sotk"
        ]
    );
    for m in &found {
        assert_eq!(m.matched, m.span.slice(text));
        assert_eq!(normalise(&m.matched), m.key);
        assert!(!m.places.is_empty());
    }
    assert_eq!(found[0].places, found[2].places);
    assert_eq!(found[0].generic, Some(Generic::Settlement)); // "kəndini"
    let kal = &found[6];
    assert_eq!(kal.generic, Some(Generic::Admin));
    assert_eq!(kal.extended.slice(text), "Kalbajar region");
    assert_eq!(
        g.resolve(kal.extended.slice(text), &Hints::new())
            .unwrap()
            .place
            .kind,
        Kind::District
    );
}

#[test]
fn malformed_rows_are_skipped_with_reasons() {
    let places = "name\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\taliases\tsource\n\
        Good\tsettlement\tAM\tShirak\t40.1\t44.1\t\t\tx\n\
        \tsettlement\tAM\tShirak\t40.1\t44.1\t\t\tx\n\
        Bad kind\thamlet\tAM\tShirak\t40.1\t44.1\t\t\tx\n\
        Bad lat\tsettlement\tAM\tShirak\t140.1\t44.1\t\t\tx\n\
        Half\tsettlement\tAM\tShirak\t40.1\t\t\t\tx\n\
        Pop\tsettlement\tAM\tShirak\t40.1\t44.1\tmany\t\tx\n\
        Country\tsettlement\tArmenia\tShirak\t40.1\t44.1\t\t\tx\n\
        Short\tsettlement\n\
        Long\tsettlement\tAM\tShirak\t40.1\t44.1\t\t\tx\textra\n\
        # a comment\n\
        Fine too\tborder_post\tam\t\t\t\t\t\n";
    let g = Gazetteer::from_tsv(places, "").unwrap();
    assert_eq!(g.places().len(), 2);
    let lines: Vec<usize> = g.warnings().iter().map(|w| w.line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7, 8, 9, 10]);
    assert!(g.warnings()[1].reason.contains("hamlet"));
    assert!(Gazetteer::from_tsv("nom\tgenre\n", "").is_err());
}
