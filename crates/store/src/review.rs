//! Analysts' review of incidents: confirm, correct or reject, with an audit log.
//!
//! The standing decision on an incident is kept in `reviews` (its corrections are
//! cumulative) and applied to the `incidents` row, so listings, `show` and every
//! export read the reviewed values. Because incidents are recomputed from their
//! reports after each ingest, [`reapply`] applies the standing reviews again to
//! the new rows (incident ids are stable for the same reports). Every action is
//! appended to `review_log` with who, when, and the incident before and after.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sitrep_core::{Date, DatePrecision, EventType, Location, SubEventType};

use crate::{load_incident, update_incident, Result, Store, StoreError, StoredIncident};

/// What an analyst does to an incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewAction {
    /// The incident is right as coded (corrections may come with it).
    Confirm,
    /// Some fields are wrong: `changes` holds the right values.
    Correct,
    /// Not an incident (or not one for this dataset): hidden from listings and exports.
    Reject,
}

impl ReviewAction {
    /// The action's name in the log.
    pub fn name(self) -> &'static str {
        match self {
            ReviewAction::Confirm => "confirm",
            ReviewAction::Correct => "correct",
            ReviewAction::Reject => "reject",
        }
    }

    /// The status an incident has after the action.
    fn status(self, had_changes: bool) -> &'static str {
        match self {
            ReviewAction::Reject => "rejected",
            ReviewAction::Correct => "corrected",
            ReviewAction::Confirm if had_changes => "corrected",
            ReviewAction::Confirm => "confirmed",
        }
    }
}

/// Corrected values; `None` leaves a field as coded.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corrections {
    /// ACLED event type (must be the parent of `sub_event_type` when both are given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_type: Option<EventType>,
    /// ACLED sub-event type (sets the event type to its parent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_event_type: Option<SubEventType>,
    /// The day it happened (a one-day incident after the correction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Deaths (becomes the best figure; low and high widen to include it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fatalities: Option<u32>,
    /// Injuries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injuries: Option<u32>,
}

impl Corrections {
    /// True when nothing is corrected.
    pub fn is_empty(&self) -> bool {
        *self == Corrections::default()
    }

    /// These corrections with `later` ones laid over them.
    pub fn merged(&self, later: &Corrections) -> Corrections {
        let mut out = self.clone();
        if later.sub_event_type.is_some() || later.event_type.is_some() {
            // A new type replaces both halves of the old one.
            out.event_type = later.event_type;
            out.sub_event_type = later.sub_event_type;
        }
        out.date = later.date.or(out.date);
        if later.location.is_some() {
            out.location = later.location.clone();
        }
        out.fatalities = later.fatalities.or(out.fatalities);
        out.injuries = later.injuries.or(out.injuries);
        out
    }

    /// Checks that the corrections agree with each other (and with `inc`'s
    /// current sub-event type when only the event type is corrected).
    pub fn validate(&self, inc: &StoredIncident) -> Result<()> {
        match (self.event_type, self.sub_event_type) {
            (Some(t), Some(s)) if s.event_type() != t => Err(StoreError::Invalid(format!(
                "sub_event_type {:?} is not a kind of {:?}",
                s.label(),
                type_label(t)
            ))),
            (Some(t), None) if inc.event.sub_event_type.event_type() != t => {
                Err(StoreError::Invalid(format!(
                    "event_type {:?} needs a sub_event_type (the coded one, {:?}, belongs to {:?})",
                    type_label(t),
                    inc.event.sub_event_type.label(),
                    type_label(inc.event.sub_event_type.event_type())
                )))
            }
            _ => Ok(()),
        }?;
        if let Some(l) = &self.location {
            if l.name.trim().is_empty() {
                return Err(StoreError::Invalid("location needs a name".into()));
            }
            let bad_lat = l.lat.is_some_and(|x| !(-90.0..=90.0).contains(&x));
            let bad_lon = l.lon.is_some_and(|x| !(-180.0..=180.0).contains(&x));
            if bad_lat || bad_lon {
                return Err(StoreError::Invalid(
                    "location coordinates out of range".into(),
                ));
            }
        }
        Ok(())
    }

    /// Applies the corrections to an incident.
    pub fn apply(&self, inc: &mut StoredIncident) {
        let e = &mut inc.event;
        if let Some(s) = self.sub_event_type {
            e.sub_event_type = s;
            e.event_type = s.event_type();
        } else if let Some(t) = self.event_type {
            e.event_type = t;
        }
        if let Some(d) = self.date {
            e.date = Some(d);
            e.date_end = Some(d);
            e.date_precision = Some(DatePrecision::Day);
        }
        if let Some(l) = &self.location {
            e.location = Some(l.clone());
        }
        if let Some(f) = self.fatalities {
            e.fatalities = f;
            inc.fatalities_best = f;
            inc.fatalities_low = inc.fatalities_low.min(f);
            inc.fatalities_high = inc.fatalities_high.max(f);
        }
        if let Some(i) = self.injuries {
            e.injuries = i;
        }
    }
}

fn type_label(t: EventType) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The standing review of an incident.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    /// Incident id.
    pub incident_id: String,
    /// `confirmed`, `corrected` or `rejected`.
    pub status: String,
    /// Every correction made so far.
    pub changes: Corrections,
    /// Who acted last.
    pub reviewer: String,
    /// When (UTC).
    pub reviewed_at: String,
}

/// One action of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewEntry {
    /// Position in the log.
    pub id: i64,
    /// Incident id.
    pub incident_id: String,
    /// `confirm`, `correct` or `reject`.
    pub action: String,
    /// Who.
    pub reviewer: String,
    /// When (UTC).
    pub at: String,
    /// What this action corrected.
    pub changes: Value,
    /// The incident's reviewable fields before the action.
    pub before: Value,
    /// And after it.
    pub after: Value,
}

/// The reviewable fields of an incident, as the log records them.
pub fn snapshot(inc: &StoredIncident) -> Value {
    let e = &inc.event;
    serde_json::json!({
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "date": e.date,
        "date_end": e.date_end,
        "location": e.location,
        "fatalities": e.fatalities,
        "fatalities_low": inc.fatalities_low,
        "fatalities_best": inc.fatalities_best,
        "fatalities_high": inc.fatalities_high,
        "injuries": e.injuries,
        "review": inc.review,
    })
}

impl Store {
    /// Reviews an incident: records the action in the audit log (who, when,
    /// before, after), keeps the standing decision and applies it to the incident.
    /// `Ok(None)` when there is no such incident.
    pub fn review_incident(
        &mut self,
        id: &str,
        action: ReviewAction,
        reviewer: &str,
        changes: &Corrections,
    ) -> Result<Option<ReviewEntry>> {
        let reviewer = reviewer.trim();
        if reviewer.is_empty() {
            return Err(StoreError::Invalid("a review needs a reviewer".into()));
        }
        if action == ReviewAction::Correct && changes.is_empty() {
            return Err(StoreError::Invalid(
                "`correct` needs at least one change".into(),
            ));
        }
        let tx = self.conn.transaction()?;
        let Some(before) = load_incident(&tx, id)? else {
            return Ok(None);
        };
        changes.validate(&before)?;
        let standing = standing_changes(&tx, id)?.unwrap_or_default();
        let all = standing.merged(changes);
        let mut after = before.clone();
        changes.apply(&mut after);
        after.review = Some(action.status(!all.is_empty()).to_string());
        update_incident(&tx, &after)?;
        let at = crate::now();
        tx.execute(
            "INSERT INTO reviews (incident_id, status, changes, reviewer, reviewed_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(incident_id) DO UPDATE SET status = excluded.status,
                 changes = excluded.changes, reviewer = excluded.reviewer,
                 reviewed_at = excluded.reviewed_at",
            params![id, after.review, serde_json::to_string(&all)?, reviewer, at],
        )?;
        let (changes_v, before_v, after_v) = (
            serde_json::to_value(changes)?,
            snapshot(&before),
            snapshot(&after),
        );
        tx.execute(
            "INSERT INTO review_log (incident_id, action, reviewer, at, changes, before, after)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                id,
                action.name(),
                reviewer,
                at,
                changes_v.to_string(),
                before_v.to_string(),
                after_v.to_string()
            ],
        )?;
        let log_id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(Some(ReviewEntry {
            id: log_id,
            incident_id: id.to_string(),
            action: action.name().to_string(),
            reviewer: reviewer.to_string(),
            at,
            changes: changes_v,
            before: before_v,
            after: after_v,
        }))
    }

    /// The standing review of an incident, if any.
    pub fn review(&self, id: &str) -> Result<Option<Review>> {
        let row = self
            .conn
            .query_row(
                "SELECT incident_id, status, changes, reviewer, reviewed_at FROM reviews
                 WHERE incident_id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                    ))
                },
            )
            .optional()?;
        row.map(|(incident_id, status, changes, reviewer, reviewed_at)| {
            Ok(Review {
                incident_id,
                status,
                changes: serde_json::from_str(&changes)?,
                reviewer,
                reviewed_at,
            })
        })
        .transpose()
    }

    /// The audit log, oldest first: of one incident, or of all.
    pub fn review_log(&self, incident: Option<&str>) -> Result<Vec<ReviewEntry>> {
        let mut st = self.conn.prepare(
            "SELECT id, incident_id, action, reviewer, at, changes, before, after FROM review_log
             WHERE ?1 IS NULL OR incident_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([incident], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, incident_id, action, reviewer, at, changes, before, after) = row?;
            out.push(ReviewEntry {
                id,
                incident_id,
                action,
                reviewer,
                at,
                changes: serde_json::from_str(&changes)?,
                before: serde_json::from_str(&before)?,
                after: serde_json::from_str(&after)?,
            });
        }
        Ok(out)
    }
}

fn standing_changes(conn: &Connection, id: &str) -> Result<Option<Corrections>> {
    let s: Option<String> = conn
        .query_row(
            "SELECT changes FROM reviews WHERE incident_id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(s.map(|s| serde_json::from_str(&s)).transpose()?)
}

/// Applies every standing review to the (freshly recomputed) incidents rows.
pub(crate) fn reapply(conn: &Connection) -> Result<()> {
    let mut st = conn.prepare(
        "SELECT r.incident_id, r.status, r.changes FROM reviews r
         JOIN incidents i ON i.id = r.incident_id ORDER BY r.incident_id",
    )?;
    let rows: Vec<(String, String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, status, changes) in rows {
        let Some(mut inc) = load_incident(conn, &id)? else {
            continue;
        };
        let changes: Corrections = serde_json::from_str(&changes)?;
        changes.apply(&mut inc);
        inc.review = Some(status);
        update_incident(conn, &inc)?;
    }
    Ok(())
}
