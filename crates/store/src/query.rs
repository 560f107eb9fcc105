//! Filters over incidents.

use rusqlite::types::Value;
use sitrep_core::Date;

/// Which incidents to list. Every set field must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Incidents that end on or after this day.
    pub since: Option<Date>,
    /// Incidents that start on or before this day.
    pub until: Option<Date>,
    /// ISO 3166-1 alpha-2 of the location (case-insensitive).
    pub country: Option<String>,
    /// First-level region of the location (case-insensitive).
    pub admin1: Option<String>,
    /// Event type or sub-event type (case-insensitive, exact label).
    pub event_type: Option<String>,
    /// Part of the name of either actor (case-insensitive).
    pub actor: Option<String>,
    /// West, south, east, north (degrees).
    pub bbox: Option<[f64; 4]>,
    /// FTS5 query over the text of the incident's documents.
    pub text: Option<String>,
}

impl Filter {
    /// The WHERE condition over `incidents` and its parameters.
    pub(crate) fn to_sql(&self) -> (String, Vec<Value>) {
        let mut conds: Vec<String> = vec!["1".into()];
        let mut args: Vec<Value> = Vec::new();
        let mut push = |cond: &str, vals: Vec<Value>, conds: &mut Vec<String>| {
            // Number each `?` after the parameters already taken.
            let mut c = String::with_capacity(cond.len() + 8);
            let mut vals = vals.into_iter();
            for ch in cond.chars() {
                if ch == '?' {
                    args.push(vals.next().unwrap_or(Value::Null));
                    c.push_str(&format!("?{}", args.len()));
                } else {
                    c.push(ch);
                }
            }
            conds.push(c);
        };
        let text = |s: &str| Value::Text(s.to_string());
        if let Some(d) = self.since {
            push(
                "COALESCE(date_end, date) >= ?",
                vec![text(&d.to_string())],
                &mut conds,
            );
        }
        if let Some(d) = self.until {
            push("date <= ?", vec![text(&d.to_string())], &mut conds);
        }
        if let Some(c) = &self.country {
            push("country = upper(?)", vec![text(c.trim())], &mut conds);
        }
        if let Some(a) = &self.admin1 {
            push(
                "admin1 = ? COLLATE NOCASE",
                vec![text(a.trim())],
                &mut conds,
            );
        }
        if let Some(t) = &self.event_type {
            push(
                "(event_type = ? COLLATE NOCASE OR sub_event_type = ? COLLATE NOCASE)",
                vec![text(t.trim()), text(t.trim())],
                &mut conds,
            );
        }
        if let Some(a) = &self.actor {
            let pat = format!("%{}%", a.trim());
            push(
                "(actor1 LIKE ? OR actor2 LIKE ?)",
                vec![text(&pat), text(&pat)],
                &mut conds,
            );
        }
        if let Some([w, s, e, n]) = self.bbox {
            let lon = if w <= e {
                "lon BETWEEN ? AND ?"
            } else {
                // Crosses the antimeridian.
                "(lon >= ? OR lon <= ?)"
            };
            push(
                &format!("lat BETWEEN ? AND ? AND {lon}"),
                vec![
                    Value::Real(s),
                    Value::Real(n),
                    Value::Real(w),
                    Value::Real(e),
                ],
                &mut conds,
            );
        }
        if let Some(q) = &self.text {
            push(
                "id IN (SELECT incident_id FROM reports WHERE doc_id IN
                     (SELECT id FROM documents WHERE num IN
                     (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)))",
                vec![text(q)],
                &mut conds,
            );
        }
        (conds.join(" AND "), args)
    }
}
