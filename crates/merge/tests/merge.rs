//! Merging reports written for these tests (invented places and figures).

use sitrep_core::{Claim, Event, EventType, Location, Stance, SubEventType};
use sitrep_merge::{group, incident, merge, Features, Incident, IncidentIds, MergeOptions};

fn place(name: &str, country: &str, admin1: &str, lat: f64, lon: f64, precision: u8) -> Location {
    Location {
        name: name.into(),
        country: Some(country.into()),
        admin1: Some(admin1.into()),
        lat: Some(lat),
        lon: Some(lon),
        geo_precision: precision,
    }
}

/// A clash report: `a1` fired at `a2`'s positions at `at`.
fn report(doc: &str, date: Option<&str>, a1: &str, a2: &str, at: Location) -> Event {
    Event {
        doc: doc.into(),
        date: date.map(|d| d.parse().unwrap()),
        date_end: None,
        date_precision: None,
        time: None,
        event_type: EventType::Battles,
        sub_event_type: SubEventType::ArmedClash,
        actor1: Some(a1.into()),
        actor2: Some(a2.into()),
        location: Some(at),
        origin: None,
        weapons: vec![],
        fatalities: 0,
        injuries: 0,
        claimant: None,
        claims: vec![],
        context: false,
        evidence: vec![],
    }
}

const NORTH: &str = "Military Forces of Kyrgyzstan";
const SOUTH: &str = "Military Forces of Tajikistan";
const DAY: Option<&str> = Some("2024-03-07");

// Two invented villages facing each other across a border, 9 km apart, and two
// more villages of the northern region, 30 km apart.
fn upper_bek() -> Location {
    place("Upper Bek", "KG", "Lowland Region", 40.10, 70.60, 1)
}
fn lower_sai() -> Location {
    place("Lower Sai", "TJ", "Southern Province", 40.02, 70.62, 1)
}
fn east_kol() -> Location {
    place("East Kol", "KG", "Lowland Region", 40.12, 70.95, 1)
}

fn group_of(incidents: &[Incident], i: usize) -> &str {
    &incidents
        .iter()
        .find(|inc| inc.members.contains(&i))
        .expect("every event is in an incident")
        .id
}

#[test]
fn opposing_reports_of_one_clash_at_their_own_positions_merge() {
    let mut north = report("north-mod", DAY, SOUTH, NORTH, upper_bek());
    north.origin = Some(lower_sai());
    north.claimant = Some("Border Service of Kyrgyzstan".into());
    north.fatalities = 2;
    let mut south = report("south-mod", DAY, NORTH, SOUTH, lower_sai());
    south.origin = Some(upper_bek());
    south.claimant = Some("Border Troops of Tajikistan".into());
    let incidents = merge(&[north, south], &MergeOptions::default());
    assert_eq!(incidents.len(), 1);
    let inc = &incidents[0];
    assert_eq!(inc.members, vec![0, 1]);
    assert_eq!(inc.sources, vec!["north-mod", "south-mod"]);
    // Each side's version stays in the claims.
    let claimants: Vec<_> = inc
        .event
        .claims
        .iter()
        .filter_map(|c| c.claimant.as_deref())
        .collect();
    assert_eq!(
        claimants,
        vec![
            "Border Service of Kyrgyzstan",
            "Border Troops of Tajikistan"
        ]
    );
    assert_eq!(inc.event.fatalities, 2);
}

#[test]
fn opposing_reports_without_origins_merge_across_the_border() {
    let north = report("north", DAY, SOUTH, NORTH, upper_bek());
    let south = report("south", DAY, NORTH, SOUTH, lower_sai());
    let incidents = merge(&[north, south], &MergeOptions::default());
    assert_eq!(incidents.len(), 1);
}

#[test]
fn two_clashes_on_one_day_in_one_district_stay_apart() {
    // Two agencies each report fire at both villages of the same region.
    let events = vec![
        report("agency-a", DAY, SOUTH, NORTH, upper_bek()),
        report("agency-a", DAY, SOUTH, NORTH, east_kol()),
        report("agency-b", DAY, SOUTH, NORTH, east_kol()),
        report("agency-b", DAY, SOUTH, NORTH, upper_bek()),
    ];
    let incidents = merge(&events, &MergeOptions::default());
    assert_eq!(incidents.len(), 2);
    assert_eq!(group_of(&incidents, 0), group_of(&incidents, 3));
    assert_eq!(group_of(&incidents, 1), group_of(&incidents, 2));
    assert_ne!(group_of(&incidents, 0), group_of(&incidents, 1));
}

#[test]
fn events_of_one_document_never_merge() {
    // One statement lists two nearby places; another report names one of them.
    let near = place("Bek Heights", "KG", "Lowland Region", 40.13, 70.62, 2);
    let events = vec![
        report("statement", DAY, SOUTH, NORTH, upper_bek()),
        report("statement", DAY, SOUTH, NORTH, near),
        report("agency", DAY, SOUTH, NORTH, upper_bek()),
    ];
    let incidents = merge(&events, &MergeOptions::default());
    assert_eq!(incidents.len(), 2);
    assert_eq!(group_of(&incidents, 0), group_of(&incidents, 2));
    assert_ne!(group_of(&incidents, 0), group_of(&incidents, 1));
    // The same document alone: nothing merges.
    let alone = merge(&events[..2], &MergeOptions::default());
    assert_eq!(alone.len(), 2);
}

#[test]
fn a_district_report_merges_with_a_village_of_that_district() {
    let district = place("Lowland Region", "KG", "Lowland Region", 40.30, 70.90, 3);
    let events = vec![
        report("ministry", DAY, SOUTH, NORTH, district),
        report("agency", DAY, SOUTH, NORTH, upper_bek()),
    ];
    let incidents = merge(&events, &MergeOptions::default());
    assert_eq!(incidents.len(), 1);
    // The merged record keeps the most precise place.
    assert_eq!(
        incidents[0].event.location.as_ref().unwrap().name,
        "Upper Bek"
    );
}

#[test]
fn different_days_families_and_sides_stay_apart() {
    let mut shelling = report("b", DAY, SOUTH, NORTH, upper_bek());
    shelling.event_type = EventType::ExplosionsRemoteViolence;
    shelling.sub_event_type = SubEventType::Shelling;
    let mut arrest = report("c", DAY, NORTH, SOUTH, upper_bek());
    arrest.event_type = EventType::StrategicDevelopments;
    arrest.sub_event_type = SubEventType::Arrests;
    let mut agreement = arrest.clone();
    agreement.doc = "d".into();
    agreement.sub_event_type = SubEventType::Agreement;
    let events = vec![
        report("a", DAY, SOUTH, NORTH, upper_bek()),
        shelling,                                                   // same family: merges
        arrest,                                                     // other family
        agreement,                                                  // other sub-type
        report("e", Some("2024-03-09"), SOUTH, NORTH, upper_bek()), // two days later
        report(
            "f",
            DAY,
            "Military Forces of Uzbekistan",
            NORTH,
            upper_bek(),
        ), // other sides
    ];
    let incidents = merge(&events, &MergeOptions::default());
    assert_eq!(group_of(&incidents, 0), group_of(&incidents, 1));
    for i in 2..6 {
        assert_ne!(
            group_of(&incidents, 0),
            group_of(&incidents, i),
            "event {i}"
        );
    }
    assert_ne!(group_of(&incidents, 2), group_of(&incidents, 3));
}

#[test]
fn civilians_are_on_their_countrys_side() {
    let events = vec![
        report("a", DAY, SOUTH, "Civilians (KG)", upper_bek()),
        report("b", DAY, SOUTH, NORTH, upper_bek()),
    ];
    assert_eq!(merge(&events, &MergeOptions::default()).len(), 1);
}

#[test]
fn an_undated_report_merges_only_on_the_same_place() {
    let events = vec![
        report("dated", DAY, SOUTH, NORTH, upper_bek()),
        report("undated-same", None, NORTH, SOUTH, upper_bek()),
        report(
            "undated-near",
            None,
            SOUTH,
            NORTH,
            place("Bek Heights", "KG", "Lowland Region", 40.13, 70.62, 2),
        ),
    ];
    let incidents = merge(&events, &MergeOptions::default());
    assert_eq!(group_of(&incidents, 0), group_of(&incidents, 1));
    assert_ne!(group_of(&incidents, 0), group_of(&incidents, 2));
}

#[test]
fn an_undated_report_matching_two_days_joins_neither() {
    let events = vec![
        report("monday", Some("2024-03-04"), SOUTH, NORTH, upper_bek()),
        report("wednesday", Some("2024-03-06"), SOUTH, NORTH, upper_bek()),
        report("undated", None, SOUTH, NORTH, upper_bek()),
    ];
    let incidents = merge(&events, &MergeOptions::default());
    assert_eq!(incidents.len(), 3);
}

#[test]
fn figures_low_best_high() {
    let claim = |claimant: &str, stance, dead| Claim {
        claimant: Some(claimant.into()),
        stance,
        fatalities: Some(dead),
        injuries: None,
        text: None,
    };
    // The northern ministry first says 2 of its soldiers died, later 4; the southern
    // ministry denies any deaths; an agency counts 6.
    let mut first = report("north-early", DAY, SOUTH, NORTH, upper_bek());
    first.claimant = Some("Ministry of Defence of Kyrgyzstan".into());
    first.fatalities = 2;
    let mut later = report("north-late", DAY, SOUTH, NORTH, upper_bek());
    later.claimant = Some("Ministry of Defence of Kyrgyzstan".into());
    later.fatalities = 4;
    let mut denial = report("south", DAY, SOUTH, NORTH, upper_bek());
    denial.claimant = Some("Ministry of Defence of Tajikistan".into());
    denial.claims = vec![claim(
        "Ministry of Defence of Tajikistan",
        Stance::Denies,
        0,
    )];
    let mut agency = report("agency", DAY, SOUTH, NORTH, upper_bek());
    agency.fatalities = 6;
    let incidents = merge(&[first, later, denial, agency], &MergeOptions::default());
    assert_eq!(incidents.len(), 1);
    let inc = &incidents[0];
    assert_eq!(
        (inc.fatalities_low, inc.fatalities_best, inc.fatalities_high),
        (0, 4, 6)
    );
    assert_eq!(inc.event.fatalities, 4);
    assert!(inc.event.claims.len() >= 4, "{:?}", inc.event.claims);

    // Without the suffering side's own figure: the lowest figure any side gives.
    let mut a = report("a", DAY, SOUTH, NORTH, upper_bek());
    a.fatalities = 5;
    a.claimant = Some("Ministry of Defence of Tajikistan".into());
    let mut b = report("b", DAY, SOUTH, NORTH, upper_bek());
    b.fatalities = 3;
    let incidents = merge(&[a, b], &MergeOptions::default());
    let inc = &incidents[0];
    assert_eq!(
        (inc.fatalities_low, inc.fatalities_best, inc.fatalities_high),
        (3, 3, 5)
    );
}

#[test]
fn dates_span_the_members_and_ids_are_stable() {
    let mut long = report("a", Some("2024-03-06"), SOUTH, NORTH, upper_bek());
    long.date_end = Some("2024-03-07".parse().unwrap());
    let events = vec![long, report("b", DAY, SOUTH, NORTH, upper_bek())];
    let incidents = merge(&events, &MergeOptions::default());
    assert_eq!(incidents.len(), 1);
    let e = &incidents[0].event;
    assert_eq!(e.date.unwrap().to_string(), "2024-03-06");
    assert_eq!(e.date_end.unwrap().to_string(), "2024-03-07");
    let reversed: Vec<Event> = events.iter().rev().cloned().collect();
    let again = merge(&reversed, &MergeOptions::default());
    assert_eq!(again[0].id, incidents[0].id);
    assert!(incidents[0].id.starts_with("inc-"));
}

#[test]
fn a_report_of_both_versions_joins_each_sides_own_report() {
    // An agency gives both versions: the south fired at Upper Bek (north's claim) and
    // the north fired at Lower Sai (south's claim). Each ministry reports its own side.
    let events = vec![
        report("agency", DAY, SOUTH, NORTH, upper_bek()),
        report("agency", DAY, NORTH, SOUTH, lower_sai()),
        report("north-mod", DAY, SOUTH, NORTH, upper_bek()),
        report("south-mod", DAY, NORTH, SOUTH, lower_sai()),
    ];
    let incidents = merge(&events, &MergeOptions::default());
    assert_eq!(incidents.len(), 1);
    assert_eq!(
        incidents[0].sources,
        vec!["agency", "north-mod", "south-mod"]
    );
}

#[test]
fn grouping_by_features_then_building_each_incident_equals_merge() {
    // Two sides' reports of one clash, a district report, an unrelated clash, an
    // undated report of its place, and a report far away given twice by one
    // document (two incidents of one id).
    let mut kg = report("kg", DAY, SOUTH, NORTH, upper_bek());
    kg.origin = Some(lower_sai());
    kg.fatalities = 2;
    kg.claimant = Some("Ministry of Defence of Kyrgyzstan".into());
    let mut tj = report("tj", DAY, NORTH, SOUTH, lower_sai());
    tj.origin = Some(upper_bek());
    let region = place("Lowland Region", "KG", "Lowland Region", 40.3, 70.8, 3);
    let far = place("Far Tor", "KG", "Upland Region", 41.5, 72.9, 1);
    let events = vec![
        kg,
        tj,
        report("district", DAY, SOUTH, NORTH, region),
        report("other", DAY, SOUTH, NORTH, east_kol()),
        report("undated", None, SOUTH, NORTH, east_kol()),
        report("lone", DAY, SOUTH, NORTH, far.clone()),
        report("lone", DAY, SOUTH, NORTH, far),
    ];
    let opts = MergeOptions::default();
    let whole = merge(&events, &opts);
    let groups = group(events.iter().map(Features::of).collect(), &opts);
    let mut ids = IncidentIds::default();
    let parts: Vec<Incident> = groups
        .into_iter()
        .map(|members| {
            let own: Vec<Event> = members.iter().map(|&i| events[i].clone()).collect();
            let mut inc = incident(members, &own);
            inc.id = ids.unique(inc.id);
            inc
        })
        .collect();
    assert_eq!(parts, whole);
    assert!(whole.len() >= 4, "{whole:#?}");
    let lone: Vec<&str> = whole
        .iter()
        .filter(|inc| inc.sources == ["lone"])
        .map(|inc| inc.id.as_str())
        .collect();
    assert_eq!(lone.len(), 2);
    assert_eq!(format!("{}-2", lone[0]), lone[1]);
}
