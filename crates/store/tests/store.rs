//! The store on its own: migrations, idempotent writes, new versions, incidents.

use sitrep_core::{CleanDoc, Document, Event, EventType, InputFormat, Location, SubEventType};
use sitrep_store::{content_hash, migrate, Filter, NewIncident, Outcome, Producer, Store};

fn producer() -> Producer {
    Producer::new("9.9.9", "gaz-test")
}

fn doc(id: &str, url: Option<&str>, raw: &str) -> (Document, CleanDoc) {
    let d = Document {
        id: id.into(),
        source: format!("{id}.txt"),
        raw: raw.into(),
        format: InputFormat::Text,
        published: Some("2024-05-15".parse().unwrap()),
        url: url.map(str::to_string),
        outlet: Some("Test Agency".into()),
    };
    let c = CleanDoc {
        id: id.into(),
        text: raw.trim().into(),
        title: None,
        published: d.published,
        outlet: d.outlet.clone(),
        url: d.url.clone(),
    };
    (d, c)
}

fn event(doc: &str, place: &str, day: &str) -> Event {
    Event {
        doc: doc.into(),
        date: Some(day.parse().unwrap()),
        date_end: Some(day.parse().unwrap()),
        date_precision: None,
        time: None,
        event_type: EventType::Battles,
        sub_event_type: SubEventType::ArmedClash,
        actor1: Some("Military Forces of Armenia".into()),
        actor2: Some("Military Forces of Azerbaijan".into()),
        location: Some(Location {
            name: place.into(),
            country: Some("AZ".into()),
            admin1: Some("Tovuz".into()),
            lat: Some(40.96),
            lon: Some(45.56),
            geo_precision: 1,
        }),
        origin: None,
        weapons: vec!["small arms".into()],
        fatalities: 1,
        injuries: 0,
        claimant: None,
        claims: vec![],
        context: false,
        evidence: vec![],
    }
}

#[test]
fn migrations_are_recorded_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    for _ in 0..2 {
        let s = Store::open(&path, &producer()).unwrap();
        assert_eq!(s.schema_version().unwrap(), migrate::latest());
        let n: i64 = s
            .connection()
            .query_row("SELECT COUNT(*) FROM schema_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, migrate::MIGRATIONS.len() as i64);
        let mode: String = s
            .connection()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }
}

#[test]
fn writes_are_idempotent_and_versions_replace() {
    let mut s = Store::open_in_memory(&producer()).unwrap();
    let (d, c) = doc("a", Some("https://x.test/1"), "Fire at Alibayli.");
    let e = [event("a", "Alibayli", "2024-05-14")];
    assert_eq!(s.put_document(&d, &c, &e).unwrap(), Outcome::Added);
    assert!(s.incidents_dirty().unwrap());
    assert_eq!(s.put_document(&d, &c, &e).unwrap(), Outcome::Unchanged);
    assert!(s.is_unchanged("a", &content_hash(&d)).unwrap());

    // Same id, new content.
    let (d2, c2) = doc("a", Some("https://x.test/1"), "Fire at Kokhanebi.");
    let e2 = [
        event("a", "Kokhanebi", "2024-05-14"),
        event("a", "Alibayli", "2024-05-15"),
    ];
    assert_eq!(s.put_document(&d2, &c2, &e2).unwrap(), Outcome::Replaced);
    assert_eq!(s.reports().unwrap().len(), 2);
    // Same url, another id.
    let (d3, c3) = doc("b", Some("https://x.test/1"), "Fire at Vahidli.");
    assert_eq!(
        s.put_document(&d3, &c3, &[event("b", "Vahidli", "2024-05-14")])
            .unwrap(),
        Outcome::Replaced
    );
    assert_eq!(s.document_ids().unwrap(), ["b"]);
    let reports = s.reports().unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(s.search_documents("Vahidli").unwrap(), ["b"]);
    assert!(s.search_documents("Kokhanebi").unwrap().is_empty());

    let stored = s.document("b").unwrap().unwrap();
    assert_eq!(stored.document, d3);
    assert_eq!(stored.producer, producer());

    s.replace_incidents(&[NewIncident {
        id: "inc-1".into(),
        reports: vec![reports[0].id],
        event: reports[0].event.clone(),
        fatalities_low: 1,
        fatalities_best: 1,
        fatalities_high: 3,
        sources: vec!["b".into()],
    }])
    .unwrap();
    assert!(!s.incidents_dirty().unwrap());
    assert_eq!(s.reports().unwrap()[0].incident.as_deref(), Some("inc-1"));
    let inc = s.incident("inc-1").unwrap().unwrap();
    assert_eq!(inc.fatalities_high, 3);
    let f = |f: Filter| s.incidents(&f).unwrap().len();
    assert_eq!(f(Filter::default()), 1);
    assert_eq!(
        f(Filter {
            country: Some("az".into()),
            admin1: Some("tovuz".into()),
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        f(Filter {
            since: Some("2024-05-15".parse().unwrap()),
            ..Filter::default()
        }),
        0
    );
    assert_eq!(
        f(Filter {
            text: Some("Vahidli".into()),
            actor: Some("Azerbaijan".into()),
            bbox: Some([45.0, 40.0, 46.0, 41.0]),
            ..Filter::default()
        }),
        1
    );
}

#[test]
fn a_batch_is_written_in_one_call_with_an_outcome_per_document() {
    let mut s = Store::open_in_memory(&producer()).unwrap();
    let (a, ca) = doc("a", None, "Fire at Alibayli.");
    let (b, cb) = doc("b", Some("https://x.test/2"), "Drone strike on Sotk.");
    let ea = [event("a", "Alibayli", "2024-05-14")];
    let eb = [event("b", "Sotk", "2024-05-15")];
    let out = s
        .put_documents(&[(&a, &ca, &ea[..]), (&b, &cb, &eb[..])])
        .unwrap();
    assert_eq!(out, [Outcome::Added, Outcome::Added]);
    assert_eq!(s.document_ids().unwrap(), ["a", "b"]);
    assert_eq!(s.reports().unwrap().len(), 2);
    // Again, with a new version of b under another id but the same url.
    s.replace_incidents(&[]).unwrap();
    let (b2, cb2) = doc("b2", Some("https://x.test/2"), "Drone strike on Kut.");
    let out = s
        .put_documents(&[(&a, &ca, &ea[..]), (&b2, &cb2, &eb[..])])
        .unwrap();
    assert_eq!(out, [Outcome::Unchanged, Outcome::Replaced]);
    assert_eq!(s.document_ids().unwrap(), ["a", "b2"]);
    assert!(s.incidents_dirty().unwrap());
    // Nothing changed: the incidents stay clean.
    s.replace_incidents(&[]).unwrap();
    assert_eq!(
        s.put_documents(&[(&a, &ca, &ea[..])]).unwrap(),
        [Outcome::Unchanged]
    );
    assert!(!s.incidents_dirty().unwrap());
}
