//! Cross-report merging, behind one function so the database commands do not
//! depend on how it is done: `sitrep-merge` groups report-level records into
//! incidents with the default thresholds.

use sitrep_core::Event;
use sitrep_merge::{merge, Incident, MergeOptions};

/// Groups report-level records into incidents.
pub fn merge_events(events: &[Event]) -> Vec<Incident> {
    merge(events, &MergeOptions::default())
}
