//! Recomputing the incidents from the stored reports and writing them in place of the old ones.

use rusqlite::{params, Connection};
use sitrep_core::Event;

use crate::rows::Columns;
use crate::{now, review, set_meta, NewIncident, Producer, Result, Store};

impl Store {
    /// Merges every stored report into incidents (`sitrep-merge` with its default
    /// thresholds) and stores them in place of the old ones; returns their number.
    ///
    /// Memory stays proportional to the reports' linking features, not to the
    /// reports: they are grouped from their features first, then each incident's
    /// reports are read back, merged and written one incident at a time.
    pub fn recompute_incidents(&mut self) -> Result<usize> {
        let (ids, features) = self.report_features()?;
        let groups = sitrep_merge::group(features, &sitrep_merge::MergeOptions::default());
        let n = groups.len();
        let tx = self.conn.transaction()?;
        {
            // Every report is in exactly one group: each is linked again below.
            let mut rows = IncidentRows::start(&tx, &self.producer, false)?;
            let mut read = tx.prepare("SELECT event FROM reports WHERE id = ?1")?;
            let mut unique = sitrep_merge::IncidentIds::default();
            for members in groups {
                let mut events = Vec::with_capacity(members.len());
                for &i in &members {
                    let json: String = read.query_row([ids[i]], |r| r.get(0))?;
                    events.push(serde_json::from_str::<Event>(&json)?);
                }
                let m = sitrep_merge::incident(members, &events);
                rows.insert(&NewIncident {
                    id: unique.unique(m.id),
                    reports: m.members.iter().map(|&i| ids[i]).collect(),
                    event: m.event,
                    fatalities_low: m.fatalities_low,
                    fatalities_best: m.fatalities_best,
                    fatalities_high: m.fatalities_high,
                    sources: m.sources,
                })?;
            }
        }
        finish_incidents(&tx)?;
        tx.commit()?;
        Ok(n)
    }

    /// Row id and linking features of every report, in the order of [`Store::reports`].
    fn report_features(&self) -> Result<(Vec<i64>, Vec<sitrep_merge::Features>)> {
        let mut st = self
            .conn
            .prepare("SELECT id, event FROM reports ORDER BY doc_id, ordinal")?;
        let mut rows = st.query([])?;
        let (mut ids, mut features) = (Vec::new(), Vec::new());
        while let Some(r) = rows.next()? {
            ids.push(r.get::<_, i64>(0)?);
            let event: Event =
                serde_json::from_str(r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?)?;
            features.push(sitrep_merge::Features::of(&event));
        }
        Ok((ids, features))
    }

    /// Replaces every incident (one transaction) and points each report at its
    /// incident; clears the recompute mark.
    pub fn replace_incidents(&mut self, incidents: &[NewIncident]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut rows = IncidentRows::start(&tx, &self.producer, true)?;
            for inc in incidents {
                rows.insert(inc)?;
            }
        }
        finish_incidents(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

/// Writes incidents in place of the old ones, inside a transaction.
struct IncidentRows<'t> {
    insert: rusqlite::Statement<'t>,
    link: rusqlite::Statement<'t>,
    producer: &'t Producer,
}

impl<'t> IncidentRows<'t> {
    /// Deletes every incident; with `unlink`, also every report's link to one (not
    /// needed when every report will be linked again).
    fn start(tx: &'t Connection, producer: &'t Producer, unlink: bool) -> Result<IncidentRows<'t>> {
        tx.execute("DELETE FROM incidents", [])?;
        if unlink {
            tx.execute("UPDATE reports SET incident_id = NULL", [])?;
        }
        Ok(IncidentRows {
            insert: tx.prepare(
                "INSERT INTO incidents (id, record, date, date_end, country, admin1, location,
                     event_type, sub_event_type, actor1, actor2, lat, lon, fatalities_low,
                     fatalities_best, fatalities_high, sources, n_reports, sitrep_version, gazetteer)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18, ?19, ?20)",
            )?,
            // Rows whose link is unchanged are not rewritten.
            link: tx.prepare(
                "UPDATE reports SET incident_id = ?1 WHERE id = ?2 AND incident_id IS NOT ?1",
            )?,
            producer,
        })
    }

    /// Stores one incident and points its reports at it.
    fn insert(&mut self, inc: &NewIncident) -> Result<()> {
        let c = Columns::of(&inc.event);
        let record = serde_json::json!({
            "event": inc.event,
            "reports": inc.reports,
            "sources": inc.sources,
        });
        self.insert.execute(params![
            inc.id,
            record.to_string(),
            c.date,
            c.date_end,
            c.country,
            c.admin1,
            c.location,
            c.event_type,
            c.sub_event_type,
            inc.event.actor1,
            inc.event.actor2,
            c.lat,
            c.lon,
            inc.fatalities_low,
            inc.fatalities_best,
            inc.fatalities_high,
            serde_json::to_string(&inc.sources)?,
            inc.reports.len() as i64,
            self.producer.sitrep_version,
            self.producer.gazetteer,
        ])?;
        for r in &inc.reports {
            self.link.execute(params![inc.id, r])?;
        }
        Ok(())
    }
}

/// After new incidents: analysts' reviews applied again (they outlive recomputes),
/// the recompute mark cleared.
fn finish_incidents(tx: &Connection) -> Result<()> {
    review::reapply(tx)?;
    set_meta(tx, "incidents_dirty", "0")?;
    set_meta(tx, "incidents_computed_at", &now())?;
    Ok(())
}
