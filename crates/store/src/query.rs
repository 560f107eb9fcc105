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

/// Which slice of a listing to return, and in which order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Most rows (`None`: all).
    pub limit: Option<u64>,
    /// Rows skipped first.
    pub offset: u64,
    /// Newest first (date descending, then id descending).
    pub descending: bool,
    /// Include incidents an analyst rejected.
    pub include_rejected: bool,
}

impl Page {
    /// Every row, oldest first, rejected incidents left out.
    pub fn all() -> Page {
        Page {
            limit: None,
            offset: 0,
            descending: false,
            include_rejected: false,
        }
    }
}

impl Default for Page {
    fn default() -> Page {
        Page::all()
    }
}

/// Incidents and fatalities (best figures) for one value of a grouping.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GroupCount {
    /// The value (a day, a country code, a type); `None` when unknown.
    pub key: Option<String>,
    /// Incidents.
    pub incidents: u64,
    /// Sum of their best fatality figures.
    pub fatalities: u64,
}

/// Counts of the incidents matching a filter, for charts.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Stats {
    /// Incidents matching.
    pub incidents: u64,
    /// Sum of their best fatality figures.
    pub fatalities: u64,
    /// By first day, ascending.
    pub by_day: Vec<GroupCount>,
    /// By country code, most incidents first.
    pub by_country: Vec<GroupCount>,
    /// By event type, most incidents first.
    pub by_event_type: Vec<GroupCount>,
    /// By sub-event type, most incidents first.
    pub by_sub_event_type: Vec<GroupCount>,
}

impl crate::Store {
    /// Counts by day, country and type of the incidents matching `filter`
    /// (rejected ones left out unless `include_rejected`).
    pub fn stats(&self, filter: &Filter, include_rejected: bool) -> crate::Result<Stats> {
        let (cond, args) = filter.to_sql();
        let cond = if include_rejected {
            cond
        } else {
            format!("{cond} AND review IS NOT 'rejected'")
        };
        let group = |col: &str, order: &str| -> crate::Result<Vec<GroupCount>> {
            let sql = format!(
                "SELECT {col}, COUNT(*), COALESCE(SUM(fatalities_best), 0) FROM incidents
                 WHERE {cond} GROUP BY {col} ORDER BY {order}"
            );
            let mut st = self.connection().prepare(&sql)?;
            let rows = st.query_map(rusqlite::params_from_iter(args.iter()), |r| {
                Ok(GroupCount {
                    key: r.get(0)?,
                    incidents: r.get::<_, i64>(1)? as u64,
                    fatalities: r.get::<_, i64>(2)? as u64,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let by_day = group("date", "date IS NULL, date")?;
        let (incidents, fatalities) = by_day
            .iter()
            .fold((0, 0), |(n, f), g| (n + g.incidents, f + g.fatalities));
        Ok(Stats {
            incidents,
            fatalities,
            by_day,
            by_country: group("country", "COUNT(*) DESC, country")?,
            by_event_type: group("event_type", "COUNT(*) DESC, event_type")?,
            by_sub_event_type: group("sub_event_type", "COUNT(*) DESC, sub_event_type")?,
        })
    }
}
