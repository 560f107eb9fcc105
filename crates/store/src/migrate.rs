//! Versioned schema migrations: the numbered SQL files of `migrations/`, applied
//! in order, each in its own transaction, and recorded in `schema_version`.

use rusqlite::{params, Connection, OptionalExtension};

use crate::StoreError;

/// Every migration: (version, name, SQL). Append new files here; never edit an
/// applied one.
pub const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "0001_init", include_str!("../migrations/0001_init.sql")),
    (
        2,
        "0002_review",
        include_str!("../migrations/0002_review.sql"),
    ),
];

/// The schema version this build writes.
pub fn latest() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.0)
}

/// Applies the migrations the database has not seen; returns the version it is at.
pub fn migrate(conn: &mut Connection, sitrep_version: &str) -> Result<i64, StoreError> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version        INTEGER PRIMARY KEY,
             name           TEXT NOT NULL,
             applied_at     TEXT NOT NULL,
             sitrep_version TEXT NOT NULL
         );",
    )?;
    let found = current(conn)?;
    if found > latest() {
        return Err(StoreError::TooNew {
            found,
            supported: latest(),
        });
    }
    for (version, name, sql) in MIGRATIONS.iter().filter(|m| m.0 > found) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_version (version, name, applied_at, sitrep_version)
             VALUES (?1, ?2, ?3, ?4)",
            params![version, name, crate::now(), sitrep_version],
        )?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    current(conn)
}

fn current(conn: &Connection) -> Result<i64, StoreError> {
    let v: Option<i64> = conn
        .query_row("SELECT MAX(version) FROM schema_version", [], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(v.unwrap_or(0))
}
