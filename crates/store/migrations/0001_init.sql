-- sitrep database, schema version 1.
-- Documents as ingested, one row per report-level record (one claim: who says
-- what happened, where and when), and the incidents merged from them.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE documents (
    num            INTEGER PRIMARY KEY,       -- row number (the full-text index's rowid)
    id             TEXT NOT NULL UNIQUE,      -- the document id (`doc` of its records)
    source         TEXT NOT NULL,             -- path, path:line, or `-`
    url            TEXT,
    outlet         TEXT,
    published      TEXT,                      -- YYYY-MM-DD from metadata
    format         TEXT NOT NULL,             -- text | html
    raw            TEXT NOT NULL,             -- content as read
    cleaned        TEXT NOT NULL,             -- main text; evidence offsets point into it
    clean_published TEXT,                     -- publication date after cleaning (dateline)
    content_hash   TEXT NOT NULL,             -- sha256 of raw content and metadata
    bytes          INTEGER NOT NULL,          -- size of raw in bytes
    ingested_at    TEXT NOT NULL,             -- UTC timestamp of the last write
    sitrep_version TEXT NOT NULL,             -- sitrep version that extracted its reports
    gazetteer      TEXT NOT NULL              -- fingerprint of the gazetteer used
);
CREATE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;

CREATE TABLE reports (
    id             INTEGER PRIMARY KEY,
    doc_id         TEXT NOT NULL,
    ordinal        INTEGER NOT NULL,          -- position among the document's records
    event          TEXT NOT NULL,             -- the record as `sitrep extract` prints it (JSON)
    date           TEXT,
    date_end       TEXT,
    country        TEXT,
    admin1         TEXT,
    location       TEXT,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1         TEXT,
    actor2         TEXT,
    lat            REAL,
    lon            REAL,
    fatalities     INTEGER NOT NULL,
    claimant       TEXT,
    context        INTEGER NOT NULL,
    incident_id    TEXT,                      -- the incident it was merged into
    sitrep_version TEXT NOT NULL,
    gazetteer      TEXT NOT NULL,
    UNIQUE (doc_id, ordinal)
);
CREATE INDEX reports_date ON reports(date);
CREATE INDEX reports_country ON reports(country, admin1);
CREATE INDEX reports_type ON reports(event_type, sub_event_type);
CREATE INDEX reports_actor1 ON reports(actor1);
CREATE INDEX reports_actor2 ON reports(actor2);
CREATE INDEX reports_incident ON reports(incident_id);

CREATE TABLE incidents (
    id              TEXT PRIMARY KEY,
    record          TEXT NOT NULL,            -- merged record (JSON)
    date            TEXT,
    date_end        TEXT,
    country         TEXT,
    admin1          TEXT,
    location        TEXT,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    actor1          TEXT,
    actor2          TEXT,
    lat             REAL,
    lon             REAL,
    fatalities_low  INTEGER NOT NULL,
    fatalities_best INTEGER NOT NULL,
    fatalities_high INTEGER NOT NULL,
    sources         TEXT NOT NULL,            -- JSON array
    n_reports       INTEGER NOT NULL,
    sitrep_version  TEXT NOT NULL,
    gazetteer       TEXT NOT NULL
);
CREATE INDEX incidents_date ON incidents(date);
CREATE INDEX incidents_country ON incidents(country, admin1);
CREATE INDEX incidents_type ON incidents(event_type, sub_event_type);
CREATE INDEX incidents_lat_lon ON incidents(lat, lon);

-- Full-text search over the cleaned text of documents (an external-content
-- index: the text itself stays in `documents.cleaned`).
CREATE VIRTUAL TABLE documents_fts USING fts5(
    cleaned,
    content = 'documents',
    content_rowid = 'num',
    tokenize = 'unicode61 remove_diacritics 2'
);
