//! Stage 7, store: the incident database of sitrep.
//!
//! An embedded SQLite database (WAL journal) that keeps, for years:
//! - every **document** as ingested (raw content, cleaned text, metadata, content hash),
//!   with a full-text index (FTS5) over the cleaned text;
//! - every **report**: one report-level record per row (who says what happened,
//!   where, when, with which figures and evidence spans), as JSON plus indexed columns;
//! - the **incidents** merged from the reports, with low / best / high fatalities
//!   and their sources.
//!
//! Each document is written in one transaction, so an interrupted ingest loses
//! nothing it committed and can simply be run again. Re-ingesting an unchanged
//! document (same id and content hash) writes nothing; a new version (same id or
//! url, new content) replaces the document and its reports. Every document and
//! record carries the sitrep version and gazetteer fingerprint that produced it.
//!
//! The schema is versioned by numbered SQL files in `migrations/`.
//!
//! ```
//! use sitrep_store::{Producer, Store};
//! let store = Store::open_in_memory(&Producer::new("0.1.0", "test")).unwrap();
//! assert_eq!(store.schema_version().unwrap(), sitrep_store::migrate::latest());
//! ```

mod documents;
mod incidents;
pub mod migrate;
mod query;
mod review;
mod rows;

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use sitrep_core::{Document, Event, InputFormat};

pub use documents::content_hash;
pub use query::{Filter, GroupCount, Page, Stats};
pub use review::{Corrections, Review, ReviewAction, ReviewEntry};
use rows::{incident_row, load_incident, opt_date, parse_incident, update_incident, value_text};

/// Default database file name (in the current folder).
pub const DEFAULT_DB: &str = "sitrep.db";

/// Environment variable naming the database when `--db` is not given.
pub const DB_ENV: &str = "SITREP_DB";

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored JSON record could not be read.
    #[error("stored record: {0}")]
    Json(#[from] serde_json::Error),
    /// A request the store refuses (an inconsistent correction, ...).
    #[error("{0}")]
    Invalid(String),
    /// The database was written by a newer sitrep.
    #[error("database schema version {found} is newer than this sitrep supports ({supported})")]
    TooNew {
        /// Version found.
        found: i64,
        /// Latest version known here.
        supported: i64,
    },
}

/// Result of the store.
pub type Result<T> = std::result::Result<T, StoreError>;

/// What produced a record: the sitrep version and the gazetteer fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Producer {
    /// sitrep version (`CARGO_PKG_VERSION`).
    pub sitrep_version: String,
    /// Fingerprint of the gazetteer.
    pub gazetteer: String,
}

impl Producer {
    /// A producer.
    pub fn new(sitrep_version: impl Into<String>, gazetteer: impl Into<String>) -> Producer {
        Producer {
            sitrep_version: sitrep_version.into(),
            gazetteer: gazetteer.into(),
        }
    }
}

/// What writing a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Same id and content hash as stored: nothing written.
    Unchanged,
    /// A document not seen before.
    Added,
    /// A new version of a stored document (same id or url): replaced with its reports.
    Replaced,
}

/// A report-level record as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredReport {
    /// Row id.
    pub id: i64,
    /// Id of its document.
    pub doc_id: String,
    /// Position among the document's records.
    pub ordinal: i64,
    /// The record.
    pub event: Event,
    /// The incident it was merged into.
    pub incident: Option<String>,
}

/// An incident to store: the merge of one or more reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewIncident {
    /// Stable id.
    pub id: String,
    /// Row ids of its reports ([`StoredReport::id`]).
    pub reports: Vec<i64>,
    /// The merged record.
    pub event: Event,
    /// Lowest fatalities figure across claims.
    pub fatalities_low: u32,
    /// Best (conservative) figure, CODEBOOK §6.
    pub fatalities_best: u32,
    /// Highest figure across claims.
    pub fatalities_high: u32,
    /// Its sources.
    pub sources: Vec<String>,
}

/// Report row id -> (document id, position among the document's reports).
pub type ReportKeys = std::collections::HashMap<i64, (String, i64)>;

/// An incident as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredIncident {
    /// Id.
    pub id: String,
    /// The merged record.
    pub event: Event,
    /// Lowest fatalities figure.
    pub fatalities_low: u32,
    /// Best figure.
    pub fatalities_best: u32,
    /// Highest figure.
    pub fatalities_high: u32,
    /// Its sources.
    pub sources: Vec<String>,
    /// Row ids of its reports.
    pub reports: Vec<i64>,
    /// Review status (`confirmed`, `corrected`, `rejected`), when reviewed.
    pub review: Option<String>,
}

impl StoredIncident {
    /// The incident as one JSON object: the merged record's fields, then `incident`,
    /// `fatalities_low` / `_best` / `_high`, `sources` and `reports` (`doc#ordinal`).
    pub fn to_json(&self, report_keys: &[String]) -> serde_json::Value {
        let mut v = serde_json::to_value(&self.event).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.insert("incident".into(), self.id.clone().into());
            o.insert("fatalities_low".into(), self.fatalities_low.into());
            o.insert("fatalities_best".into(), self.fatalities_best.into());
            o.insert("fatalities_high".into(), self.fatalities_high.into());
            o.insert("sources".into(), self.sources.clone().into());
            o.insert("reports".into(), report_keys.to_vec().into());
            if let Some(r) = &self.review {
                o.insert("review".into(), r.clone().into());
            }
        }
        v
    }
}

/// A document as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDocument {
    /// The document as it was read (enough to run extraction again).
    pub document: Document,
    /// Its cleaned text.
    pub cleaned: String,
    /// Content hash.
    pub content_hash: String,
    /// When it was last written (UTC).
    pub ingested_at: String,
    /// What extracted its reports.
    pub producer: Producer,
}

/// Counts of the database's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Documents.
    pub documents: u64,
    /// Reports.
    pub reports: u64,
    /// Incidents.
    pub incidents: u64,
}

/// The database.
pub struct Store {
    conn: Connection,
    producer: Producer,
}

/// Current UTC time, as stored in `*_at` columns.
pub(crate) fn now() -> String {
    jiff::Timestamp::now().to_string()
}

impl Store {
    /// Opens (creating if needed) the database at `path`, in WAL mode, and
    /// applies pending migrations.
    pub fn open(path: &Path, producer: &Producer) -> Result<Store> {
        let conn = Connection::open(path)?;
        Store::setup(conn, producer)
    }

    /// Opens an existing database read-only, without migrating (for watching a
    /// database that another process writes).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        Ok(Store {
            conn,
            producer: Producer::new("-", "-"),
        })
    }

    /// An in-memory database (tests).
    pub fn open_in_memory(producer: &Producer) -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, producer)
    }

    fn setup(mut conn: Connection, producer: &Producer) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        let _mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        // With WAL, NORMAL keeps every committed transaction across a process kill
        // (only a power loss may roll back the last ones).
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        migrate::migrate(&mut conn, &producer.sitrep_version)?;
        Ok(Store {
            conn,
            producer: producer.clone(),
        })
    }

    /// The underlying connection (read-only use by callers is fine).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// The producer this handle writes with.
    pub fn producer(&self) -> &Producer {
        &self.producer
    }

    /// Schema version of the database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT MAX(version) FROM schema_version", [], |r| {
                r.get::<_, Option<i64>>(0)
            })?
            .unwrap_or(0))
    }

    /// Row counts.
    pub fn counts(&self) -> Result<Counts> {
        let n = |t: &str| -> Result<u64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| {
                    r.get::<_, i64>(0)
                })? as u64)
        };
        Ok(Counts {
            documents: n("documents")?,
            reports: n("reports")?,
            incidents: n("incidents")?,
        })
    }

    /// Content hash of every stored document, by id.
    pub fn known_hashes(&self) -> Result<HashMap<String, String>> {
        let mut st = self
            .conn
            .prepare("SELECT id, content_hash FROM documents")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// True when `doc` is stored with the same id and content hash.
    pub fn is_unchanged(&self, id: &str, hash: &str) -> Result<bool> {
        let stored: Option<String> = self
            .conn
            .query_row(
                "SELECT content_hash FROM documents WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(stored.as_deref() == Some(hash))
    }

    /// True when reports changed since incidents were last computed.
    pub fn incidents_dirty(&self) -> Result<bool> {
        Ok(get_meta(&self.conn, "incidents_dirty")?.as_deref() == Some("1"))
    }

    /// Every report, ordered by document id and position (a stable order).
    pub fn reports(&self) -> Result<Vec<StoredReport>> {
        self.reports_where("1", [])
    }

    /// The reports of one incident.
    pub fn reports_of_incident(&self, incident: &str) -> Result<Vec<StoredReport>> {
        self.reports_where("incident_id = ?1", [incident])
    }

    /// The reports of one document.
    pub fn reports_of_document(&self, doc_id: &str) -> Result<Vec<StoredReport>> {
        self.reports_where("doc_id = ?1", [doc_id])
    }

    fn reports_where<P: rusqlite::Params>(&self, cond: &str, p: P) -> Result<Vec<StoredReport>> {
        let mut out = Vec::new();
        self.each_report_where(cond, p, |r| -> Result<()> {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `f` with every report in the order of [`Store::reports`], one at a time
    /// (an export of a whole archive need not hold them all).
    pub fn for_each_report<E: From<StoreError>>(
        &self,
        f: impl FnMut(StoredReport) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_report_where("1", [], f)
    }

    fn each_report_where<P: rusqlite::Params, E: From<StoreError>>(
        &self,
        cond: &str,
        p: P,
        mut f: impl FnMut(StoredReport) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut st = self
            .conn
            .prepare(&format!(
                "SELECT id, doc_id, ordinal, event, incident_id FROM reports WHERE {cond}
                 ORDER BY doc_id, ordinal"
            ))
            .map_err(StoreError::from)?;
        let mut rows = st.query(p).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let report = (|| -> Result<StoredReport> {
                Ok(StoredReport {
                    id: r.get(0)?,
                    doc_id: r.get(1)?,
                    ordinal: r.get(2)?,
                    event: serde_json::from_str(
                        r.get_ref(3)?.as_str().map_err(rusqlite::Error::from)?,
                    )?,
                    incident: r.get(4)?,
                })
            })()?;
            f(report)?;
        }
        Ok(())
    }

    /// Document id and position of every report, by row id: what an incident's
    /// [`StoredIncident::reports`] point at, without reading the reports themselves.
    pub fn report_keys(&self) -> Result<ReportKeys> {
        let mut st = self
            .conn
            .prepare("SELECT id, doc_id, ordinal FROM reports")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, (r.get(1)?, r.get(2)?))))?;
        let mut keys = ReportKeys::new();
        for row in rows {
            let (id, key) = row?;
            keys.insert(id, key);
        }
        Ok(keys)
    }

    /// Incidents matching `filter`, ordered by date then id, with analysts'
    /// corrections applied; incidents an analyst rejected are left out.
    pub fn incidents(&self, filter: &Filter) -> Result<Vec<StoredIncident>> {
        Ok(self.incidents_page(filter, &Page::all())?.0)
    }

    /// One page of the incidents matching `filter` (stable order: date, then id;
    /// undated last), and how many match in all.
    pub fn incidents_page(
        &self,
        filter: &Filter,
        page: &Page,
    ) -> Result<(Vec<StoredIncident>, u64)> {
        let mut out = Vec::new();
        let total = self.for_each_incident(filter, page, |inc| -> Result<()> {
            out.push(inc);
            Ok(())
        })?;
        Ok((out, total))
    }

    /// Calls `f` with each incident of [`Store::incidents_page`], one at a time, and
    /// returns the number of incidents matching `filter` (before paging).
    pub fn for_each_incident<E: From<StoreError>>(
        &self,
        filter: &Filter,
        page: &Page,
        mut f: impl FnMut(StoredIncident) -> std::result::Result<(), E>,
    ) -> std::result::Result<u64, E> {
        let (cond, mut args) = filter.to_sql();
        let cond = if page.include_rejected {
            cond
        } else {
            format!("{cond} AND review IS NOT 'rejected'")
        };
        let total: i64 = self
            .conn
            .query_row(
                &format!("SELECT COUNT(*) FROM incidents WHERE {cond}"),
                rusqlite::params_from_iter(args.iter()),
                |r| r.get(0),
            )
            .map_err(StoreError::from)?;
        let order = if page.descending {
            "date IS NULL, date DESC, id DESC"
        } else {
            "date IS NULL, date, id"
        };
        let n = args.len();
        args.push(rusqlite::types::Value::Integer(
            page.limit.map_or(-1, |l| l.min(i64::MAX as u64) as i64),
        ));
        args.push(rusqlite::types::Value::Integer(
            page.offset.min(i64::MAX as u64) as i64,
        ));
        let sql = format!(
            "SELECT id, record, fatalities_low, fatalities_best, fatalities_high, review
             FROM incidents WHERE {cond} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        );
        let mut st = self.conn.prepare(&sql).map_err(StoreError::from)?;
        let rows = st
            .query_map(rusqlite::params_from_iter(args.iter()), incident_row)
            .map_err(StoreError::from)?;
        for r in rows {
            f(parse_incident(r.map_err(StoreError::from)?)?)?;
        }
        Ok(total as u64)
    }

    /// One incident by id (rejected ones too: see [`StoredIncident::review`]).
    pub fn incident(&self, id: &str) -> Result<Option<StoredIncident>> {
        load_incident(&self.conn, id)
    }

    /// One document by id.
    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>> {
        self.documents_where("id = ?1", [id]).map(|mut v| v.pop())
    }

    /// Every document, ordered by id.
    pub fn documents(&self) -> Result<Vec<StoredDocument>> {
        self.documents_where("1", [])
    }

    /// Ids of every document, ordered.
    pub fn document_ids(&self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare("SELECT id FROM documents ORDER BY id")?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn documents_where<P: rusqlite::Params>(
        &self,
        cond: &str,
        p: P,
    ) -> Result<Vec<StoredDocument>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT id, source, url, outlet, published, format, raw, cleaned, content_hash,
                 ingested_at, sitrep_version, gazetteer FROM documents WHERE {cond} ORDER BY id"
        ))?;
        let rows = st.query_map(p, |r| {
            let format: String = r.get(5)?;
            Ok(StoredDocument {
                document: Document {
                    id: r.get(0)?,
                    source: r.get(1)?,
                    url: r.get(2)?,
                    outlet: r.get(3)?,
                    published: opt_date(r.get(4)?),
                    format: if format == "html" {
                        InputFormat::Html
                    } else {
                        InputFormat::Text
                    },
                    raw: r.get(6)?,
                },
                cleaned: r.get(7)?,
                content_hash: r.get(8)?,
                ingested_at: r.get(9)?,
                producer: Producer::new(r.get::<_, String>(10)?, r.get::<_, String>(11)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A canonical text dump of the database's content (documents, reports,
    /// incidents), without write times or row ids: two databases holding the same
    /// data give the same dump, whatever order or how many runs wrote them.
    pub fn canonical_dump(&self) -> Result<String> {
        let mut out = String::new();
        let mut st = self.conn.prepare(
            "SELECT id, source, url, outlet, published, format, content_hash, cleaned,
                 sitrep_version, gazetteer FROM documents ORDER BY id",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let cols: Vec<String> = (0..10).map(|i| value_text(r, i)).collect();
            out.push_str(&format!("doc\t{}\n", cols.join("\t")));
        }
        let mut st = self.conn.prepare(
            "SELECT doc_id, ordinal, event, incident_id FROM reports ORDER BY doc_id, ordinal",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let cols: Vec<String> = (0..4).map(|i| value_text(r, i)).collect();
            out.push_str(&format!("report\t{}\n", cols.join("\t")));
        }
        // Incident records name reports by row id, which depends on write order:
        // dump them by their reports' document keys instead.
        let keys: HashMap<i64, String> = self
            .reports()?
            .into_iter()
            .map(|r| (r.id, format!("{}#{}", r.doc_id, r.ordinal)))
            .collect();
        for inc in self
            .incidents_page(
                &Filter::default(),
                &Page {
                    include_rejected: true,
                    ..Page::all()
                },
            )?
            .0
        {
            let mut members: Vec<&str> = inc
                .reports
                .iter()
                .filter_map(|r| keys.get(r).map(String::as_str))
                .collect();
            members.sort_unstable();
            out.push_str(&format!(
                "incident\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                inc.id,
                serde_json::to_string(&inc.event)?,
                inc.fatalities_low,
                inc.fatalities_best,
                inc.fatalities_high,
                inc.sources.join(","),
                members.join(",")
            ));
        }
        Ok(out)
    }

    /// Ids of documents whose stored text matches an FTS5 query.
    pub fn search_documents(&self, query: &str) -> Result<Vec<String>> {
        let mut st = self.conn.prepare(
            "SELECT id FROM documents WHERE num IN
                 (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1)
             ORDER BY id",
        )?;
        let rows = st.query_map([query], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A value of the `meta` table.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        get_meta(&self.conn, key)
    }

    /// Folds the write-ahead log into the database file (for measuring its size).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

fn set_meta(tx: &Connection, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

fn get_meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

/// SHA-256 of `text`, in hex: for fingerprints and stable ids.
pub fn short_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
