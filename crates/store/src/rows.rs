//! Records to and from table rows: indexed columns, incident rows, values as text.

use rusqlite::{params, Connection, OptionalExtension, Row};
use sitrep_core::{Date, Event};

use crate::{Result, StoredIncident};

pub(crate) fn opt_date(s: Option<String>) -> Option<Date> {
    s.and_then(|s| s.parse().ok())
}

pub(crate) fn value_text(r: &Row<'_>, i: usize) -> String {
    use rusqlite::types::ValueRef;
    match r.get_ref(i) {
        Ok(ValueRef::Null) | Err(_) => "-".into(),
        Ok(ValueRef::Integer(n)) => n.to_string(),
        Ok(ValueRef::Real(x)) => x.to_string(),
        Ok(ValueRef::Text(t)) | Ok(ValueRef::Blob(t)) => String::from_utf8_lossy(t).into_owned(),
    }
}

/// Indexed columns of a record.
pub(crate) struct Columns {
    pub(crate) date: Option<String>,
    pub(crate) date_end: Option<String>,
    pub(crate) country: Option<String>,
    pub(crate) admin1: Option<String>,
    pub(crate) location: Option<String>,
    pub(crate) event_type: String,
    pub(crate) sub_event_type: String,
    pub(crate) lat: Option<f64>,
    pub(crate) lon: Option<f64>,
}

impl Columns {
    pub(crate) fn of(e: &Event) -> Columns {
        let loc = e.location.as_ref();
        let label = |v: serde_json::Value| v.as_str().unwrap_or_default().to_string();
        Columns {
            date: e.date.map(|d| d.to_string()),
            date_end: e.date_end.or(e.date).map(|d| d.to_string()),
            country: loc.and_then(|l| l.country.clone()),
            admin1: loc.and_then(|l| l.admin1.clone()),
            location: loc.map(|l| l.name.clone()),
            event_type: label(serde_json::to_value(e.event_type).unwrap_or_default()),
            sub_event_type: e.sub_event_type.label().to_string(),
            lat: loc.and_then(|l| l.lat),
            lon: loc.and_then(|l| l.lon),
        }
    }
}

pub(crate) type IncidentRow = (String, String, u32, u32, u32, Option<String>);

pub(crate) fn incident_row(r: &Row<'_>) -> rusqlite::Result<IncidentRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

pub(crate) fn parse_incident(
    (id, record, low, best, high, review): IncidentRow,
) -> Result<StoredIncident> {
    #[derive(serde::Deserialize)]
    struct Record {
        event: Event,
        reports: Vec<i64>,
        sources: Vec<String>,
    }
    let rec: Record = serde_json::from_str(&record)?;
    Ok(StoredIncident {
        id,
        event: rec.event,
        fatalities_low: low,
        fatalities_best: best,
        fatalities_high: high,
        sources: rec.sources,
        reports: rec.reports,
        review,
    })
}

/// One incident by id, on any connection (a transaction too).
pub(crate) fn load_incident(conn: &Connection, id: &str) -> Result<Option<StoredIncident>> {
    let row = conn
        .query_row(
            "SELECT id, record, fatalities_low, fatalities_best, fatalities_high, review
             FROM incidents WHERE id = ?1",
            [id],
            incident_row,
        )
        .optional()?;
    row.map(parse_incident).transpose()
}

/// Rewrites an incident's record and indexed columns (after a review).
pub(crate) fn update_incident(conn: &Connection, inc: &StoredIncident) -> Result<()> {
    let c = Columns::of(&inc.event);
    let record = serde_json::json!({
        "event": inc.event,
        "reports": inc.reports,
        "sources": inc.sources,
    });
    conn.execute(
        "UPDATE incidents SET record = ?2, date = ?3, date_end = ?4, country = ?5, admin1 = ?6,
             location = ?7, event_type = ?8, sub_event_type = ?9, lat = ?10, lon = ?11,
             fatalities_low = ?12, fatalities_best = ?13, fatalities_high = ?14, review = ?15
         WHERE id = ?1",
        params![
            inc.id,
            record.to_string(),
            c.date,
            c.date_end,
            c.country,
            c.admin1,
            c.location,
            c.event_type,
            c.sub_event_type,
            c.lat,
            c.lon,
            inc.fatalities_low,
            inc.fatalities_best,
            inc.fatalities_high,
            inc.review,
        ],
    )?;
    Ok(())
}
