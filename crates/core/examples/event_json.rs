//! Prints one incident record as JSON.
use sitrep_core::{Event, Location, Span, SubEventType};

fn main() {
    let ev = Event {
        doc: "example".into(),
        date: Some(jiff::civil::date(2023, 6, 4)),
        date_end: Some(jiff::civil::date(2023, 6, 4)),
        date_precision: Some(sitrep_core::DatePrecision::Day),
        time: Some("18:25".into()),
        event_type: SubEventType::ArmedClash.event_type(),
        sub_event_type: SubEventType::ArmedClash,
        actor1: Some("Military Forces of Armenia".into()),
        actor2: Some("Military Forces of Azerbaijan".into()),
        location: Some(Location {
            name: "Yukhari Ayrim".into(),
            geo_precision: 2,
            ..Default::default()
        }),
        origin: None,
        weapons: vec!["small arms".into()],
        fatalities: 0,
        injuries: 0,
        claimant: Some("Ministry of Defence of Azerbaijan".into()),
        claims: vec![],
        context: false,
        evidence: vec![Span::new(0, 120)],
    };
    println!("{}", serde_json::to_string_pretty(&ev).unwrap());
}
