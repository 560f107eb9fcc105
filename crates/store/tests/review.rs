//! Reviews, the audit log, paging and chart counts.

use sitrep_core::{CleanDoc, Document, Event, EventType, InputFormat, Location, SubEventType};
use sitrep_store::{
    Corrections, Filter, NewIncident, Page, Producer, ReviewAction, Store, StoreError,
};

fn store_with(days: &[(&str, &str, &str)]) -> Store {
    let mut s = Store::open_in_memory(&Producer::new("9.9.9", "gaz-test")).unwrap();
    for (id, place, day) in days {
        let d = Document {
            id: (*id).into(),
            source: "-".into(),
            raw: format!("Fire at {place}."),
            format: InputFormat::Text,
            published: Some(day.parse().unwrap()),
            url: None,
            outlet: Some("Agency".into()),
        };
        let c = CleanDoc {
            id: (*id).into(),
            text: d.raw.clone(),
            title: None,
            published: d.published,
            outlet: None,
            url: None,
        };
        s.put_document(&d, &c, &[event(id, place, day)]).unwrap();
    }
    recompute(&mut s);
    s
}

/// One incident per report, id `inc-<doc>` (stable, as sitrep-merge's are).
fn recompute(s: &mut Store) {
    let incidents: Vec<NewIncident> = s
        .reports()
        .unwrap()
        .into_iter()
        .map(|r| NewIncident {
            id: format!("inc-{}", r.doc_id),
            reports: vec![r.id],
            event: r.event.clone(),
            fatalities_low: 1,
            fatalities_best: 1,
            fatalities_high: 2,
            sources: vec![r.doc_id.clone()],
        })
        .collect();
    s.replace_incidents(&incidents).unwrap();
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
        weapons: vec![],
        fatalities: 1,
        injuries: 0,
        claimant: None,
        claims: vec![],
        context: false,
        evidence: vec![],
    }
}

#[test]
fn pages_are_stable_and_counted() {
    let s = store_with(&[
        ("a", "Alibayli", "2024-05-14"),
        ("b", "Vahidli", "2024-05-14"),
        ("c", "Kokhanebi", "2024-05-16"),
    ]);
    let page = |limit, offset, descending| {
        let (rows, total) = s
            .incidents_page(
                &Filter::default(),
                &Page {
                    limit: Some(limit),
                    offset,
                    descending,
                    include_rejected: false,
                },
            )
            .unwrap();
        assert_eq!(total, 3);
        rows.into_iter().map(|i| i.id).collect::<Vec<_>>()
    };
    assert_eq!(page(2, 0, false), ["inc-a", "inc-b"]);
    assert_eq!(page(2, 2, false), ["inc-c"]);
    assert_eq!(page(2, 0, true), ["inc-c", "inc-b"]);

    let st = s.stats(&Filter::default(), false).unwrap();
    assert_eq!(st.incidents, 3);
    assert_eq!(st.fatalities, 3);
    assert_eq!(st.by_day.len(), 2);
    assert_eq!(st.by_day[0].key.as_deref(), Some("2024-05-14"));
    assert_eq!(st.by_day[0].incidents, 2);
    assert_eq!(st.by_country[0].key.as_deref(), Some("AZ"));
    assert_eq!(st.by_event_type[0].key.as_deref(), Some("Battles"));
}

#[test]
fn reviews_apply_are_logged_and_survive_recompute() {
    let mut s = store_with(&[
        ("a", "Alibayli", "2024-05-14"),
        ("b", "Vahidli", "2024-05-15"),
    ]);
    let fix = Corrections {
        sub_event_type: Some(SubEventType::Shelling),
        fatalities: Some(4),
        date: Some("2024-05-13".parse().unwrap()),
        ..Corrections::default()
    };
    let entry = s
        .review_incident("inc-a", ReviewAction::Correct, "analyst1", &fix)
        .unwrap()
        .unwrap();
    assert_eq!(entry.before["fatalities_best"], 1);
    assert_eq!(entry.after["fatalities_best"], 4);
    assert_eq!(entry.after["review"], "corrected");
    let inc = s.incident("inc-a").unwrap().unwrap();
    assert_eq!(inc.event.event_type, EventType::ExplosionsRemoteViolence);
    assert_eq!(inc.fatalities_best, 4);
    assert_eq!(inc.fatalities_high, 4);
    assert_eq!(inc.review.as_deref(), Some("corrected"));
    assert_eq!(inc.to_json(&[])["review"], "corrected");
    // Filters see the reviewed values.
    let typed = Filter {
        event_type: Some("Shelling/artillery/missile attack".into()),
        ..Filter::default()
    };
    assert_eq!(s.incidents(&typed).unwrap().len(), 1);

    // Rejected incidents leave listings (not `incident`).
    s.review_incident(
        "inc-b",
        ReviewAction::Reject,
        "analyst2",
        &Corrections::default(),
    )
    .unwrap()
    .unwrap();
    let ids: Vec<String> = s
        .incidents(&Filter::default())
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(ids, ["inc-a"]);
    let all = Page {
        include_rejected: true,
        ..Page::all()
    };
    assert_eq!(s.incidents_page(&Filter::default(), &all).unwrap().1, 2);
    assert_eq!(s.stats(&Filter::default(), false).unwrap().incidents, 1);

    // Recomputing incidents keeps the reviews.
    recompute(&mut s);
    let inc = s.incident("inc-a").unwrap().unwrap();
    assert_eq!(inc.fatalities_best, 4);
    assert_eq!(inc.event.date.unwrap().to_string(), "2024-05-13");
    assert_eq!(s.incidents(&Filter::default()).unwrap().len(), 1);

    let log = s.review_log(None).unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].reviewer, "analyst1");
    assert_eq!(log[1].action, "reject");
    assert_eq!(s.review_log(Some("inc-b")).unwrap().len(), 1);
    let r = s.review("inc-a").unwrap().unwrap();
    assert_eq!(r.changes.fatalities, Some(4));

    // Inconsistent or empty corrections are refused; unknown incidents are None.
    let bad = Corrections {
        event_type: Some(EventType::Protests),
        sub_event_type: Some(SubEventType::Shelling),
        ..Corrections::default()
    };
    assert!(matches!(
        s.review_incident("inc-a", ReviewAction::Correct, "x", &bad),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        s.review_incident("inc-a", ReviewAction::Correct, "x", &Corrections::default()),
        Err(StoreError::Invalid(_))
    ));
    assert!(s
        .review_incident("nope", ReviewAction::Confirm, "x", &Corrections::default())
        .unwrap()
        .is_none());
    assert_eq!(s.review_log(None).unwrap().len(), 2);
}
