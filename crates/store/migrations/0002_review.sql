-- sitrep database, schema version 2: analysts' review of incidents.
-- `reviews` holds the standing decision on each incident (its corrections are
-- applied again whenever incidents are recomputed); `review_log` keeps every
-- review action ever taken, with the incident before and after it.

CREATE TABLE reviews (
    incident_id TEXT PRIMARY KEY,
    status      TEXT NOT NULL CHECK (status IN ('confirmed', 'corrected', 'rejected')),
    changes     TEXT NOT NULL,                -- JSON object: the corrected fields, cumulative
    reviewer    TEXT NOT NULL,
    reviewed_at TEXT NOT NULL                 -- UTC timestamp of the last action
);

CREATE TABLE review_log (
    id          INTEGER PRIMARY KEY,
    incident_id TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('confirm', 'correct', 'reject')),
    reviewer    TEXT NOT NULL,
    at          TEXT NOT NULL,                -- UTC timestamp
    changes     TEXT NOT NULL,                -- JSON object: what this action changed
    before      TEXT NOT NULL,                -- JSON: the incident before the action
    after       TEXT NOT NULL                 -- JSON: the incident after it
);
CREATE INDEX review_log_incident ON review_log(incident_id, id);

-- The review status of each incident (NULL: not reviewed), kept on the row so
-- that listings can hide rejected incidents without a join.
ALTER TABLE incidents ADD COLUMN review TEXT;
