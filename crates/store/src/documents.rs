//! Writing documents and their reports: a new version replaces the stored one.

use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use sitrep_core::{CleanDoc, Document, Event, InputFormat};

use crate::rows::Columns;
use crate::{now, set_meta, Outcome, Producer, Result, Store};

/// The content hash of a document: SHA-256 of its raw content and the metadata
/// that extraction depends on (publication date, url, outlet, format).
pub fn content_hash(doc: &Document) -> String {
    let mut h = Sha256::new();
    h.update(doc.raw.as_bytes());
    for part in [
        doc.published.map(|d| d.to_string()),
        doc.url.clone(),
        doc.outlet.clone(),
        Some(format_name(doc.format).to_string()),
    ] {
        h.update([0u8]);
        h.update(part.unwrap_or_default().as_bytes());
    }
    let digest = h.finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn format_name(f: InputFormat) -> &'static str {
    match f {
        InputFormat::Text => "text",
        InputFormat::Html => "html",
    }
}

impl Store {
    /// Writes one document, its cleaned text and its report-level records, in one
    /// transaction. Unchanged documents are left alone; a new version (same id, or
    /// same url under another id) replaces the stored one and its reports. Marks
    /// the incidents as needing a recompute when anything changed.
    pub fn put_document(
        &mut self,
        doc: &Document,
        cleaned: &CleanDoc,
        events: &[Event],
    ) -> Result<Outcome> {
        let mut out = self.put_documents(&[(doc, cleaned, events)])?;
        Ok(out.pop().unwrap_or(Outcome::Unchanged))
    }

    /// Writes several documents as [`Store::put_document`] does, in one
    /// transaction for all of them (much faster than one each): either all are
    /// stored or, on an error or a crash, none.
    pub fn put_documents(
        &mut self,
        docs: &[(&Document, &CleanDoc, &[Event])],
    ) -> Result<Vec<Outcome>> {
        let tx = self.conn.transaction()?;
        let mut outcomes = Vec::with_capacity(docs.len());
        let mut changed = false;
        for (doc, cleaned, events) in docs {
            let outcome = put_in(&tx, &self.producer, doc, cleaned, events)?;
            changed |= outcome != Outcome::Unchanged;
            outcomes.push(outcome);
        }
        if changed {
            set_meta(&tx, "incidents_dirty", "1")?;
        }
        tx.commit()?;
        Ok(outcomes)
    }

    /// Replaces the cleaned text and reports of a stored document (after
    /// extraction was run again over it), recording the current producer.
    pub fn replace_extraction(
        &mut self,
        doc_id: &str,
        cleaned: &CleanDoc,
        events: &[Event],
    ) -> Result<()> {
        self.replace_extractions(&[(doc_id, cleaned, events)])
    }

    /// [`Store::replace_extraction`] for several documents, in one transaction.
    pub fn replace_extractions(&mut self, docs: &[(&str, &CleanDoc, &[Event])]) -> Result<()> {
        let tx = self.conn.transaction()?;
        for &(doc_id, cleaned, events) in docs {
            unindex_document(&tx, doc_id)?;
            tx.execute(
                "UPDATE documents SET cleaned = ?2, clean_published = ?3, sitrep_version = ?4,
                     gazetteer = ?5, ingested_at = ?6 WHERE id = ?1",
                params![
                    doc_id,
                    cleaned.text,
                    cleaned.published.map(|d| d.to_string()),
                    self.producer.sitrep_version,
                    self.producer.gazetteer,
                    now()
                ],
            )?;
            tx.execute(
                "INSERT INTO documents_fts (rowid, cleaned) SELECT num, cleaned FROM documents
                 WHERE id = ?1",
                [doc_id],
            )?;
            tx.execute("DELETE FROM reports WHERE doc_id = ?1", [doc_id])?;
            insert_reports(&tx, doc_id, events, &self.producer)?;
        }
        if !docs.is_empty() {
            set_meta(&tx, "incidents_dirty", "1")?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// Writes one document within `tx` (see [`Store::put_document`]).
fn put_in(
    tx: &rusqlite::Transaction<'_>,
    producer: &Producer,
    doc: &Document,
    cleaned: &CleanDoc,
    events: &[Event],
) -> Result<Outcome> {
    let hash = content_hash(doc);
    let stored: Option<String> = tx
        .query_row(
            "SELECT content_hash FROM documents WHERE id = ?1",
            [&doc.id],
            |r| r.get(0),
        )
        .optional()?;
    if stored.as_deref() == Some(hash.as_str()) {
        return Ok(Outcome::Unchanged);
    }
    let mut old: Vec<String> = Vec::new();
    {
        let mut st = tx.prepare_cached(
            "SELECT id FROM documents WHERE id = ?1 OR (?2 IS NOT NULL AND url = ?2)",
        )?;
        let rows = st.query_map(params![doc.id, doc.url], |r| r.get(0))?;
        for r in rows {
            old.push(r?);
        }
    }
    for id in &old {
        delete_document(tx, id)?;
    }
    tx.prepare_cached(
        "INSERT INTO documents (id, source, url, outlet, published, format, raw, cleaned,
             clean_published, content_hash, bytes, ingested_at, sitrep_version, gazetteer)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        doc.id,
        doc.source,
        doc.url,
        doc.outlet,
        doc.published.map(|d| d.to_string()),
        format_name(doc.format),
        doc.raw,
        cleaned.text,
        cleaned.published.map(|d| d.to_string()),
        hash,
        doc.raw.len() as i64,
        now(),
        producer.sitrep_version,
        producer.gazetteer,
    ])?;
    tx.prepare_cached(
        "INSERT INTO documents_fts (rowid, cleaned) VALUES (last_insert_rowid(), ?1)",
    )?
    .execute(params![cleaned.text])?;
    insert_reports(tx, &doc.id, events, producer)?;
    Ok(if old.is_empty() {
        Outcome::Added
    } else {
        Outcome::Replaced
    })
}

fn delete_document(tx: &Connection, id: &str) -> Result<()> {
    tx.execute("DELETE FROM reports WHERE doc_id = ?1", [id])?;
    unindex_document(tx, id)?;
    tx.execute("DELETE FROM documents WHERE id = ?1", [id])?;
    Ok(())
}

/// Removes a document's text from the full-text index (an external-content
/// index is told the old text to remove).
pub(crate) fn unindex_document(tx: &Connection, id: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO documents_fts (documents_fts, rowid, cleaned)
         SELECT 'delete', num, cleaned FROM documents WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

pub(crate) fn insert_reports(
    tx: &Connection,
    doc_id: &str,
    events: &[Event],
    p: &Producer,
) -> Result<()> {
    let mut st = tx.prepare_cached(
        "INSERT INTO reports (doc_id, ordinal, event, date, date_end, country, admin1, location,
             event_type, sub_event_type, actor1, actor2, lat, lon, fatalities, claimant, context,
             sitrep_version, gazetteer)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
    )?;
    for (i, e) in events.iter().enumerate() {
        let c = Columns::of(e);
        st.execute(params![
            doc_id,
            i as i64,
            serde_json::to_string(e)?,
            c.date,
            c.date_end,
            c.country,
            c.admin1,
            c.location,
            c.event_type,
            c.sub_event_type,
            e.actor1,
            e.actor2,
            c.lat,
            c.lon,
            e.fatalities,
            e.claimant,
            e.context,
            p.sitrep_version,
            p.gazetteer,
        ])?;
    }
    Ok(())
}
