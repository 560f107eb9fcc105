//! Cross-report merging, behind one function so the database commands do not
//! depend on how it is done: `sitrep-merge` groups report-level records into
//! incidents.

use sitrep_core::Event;
use sitrep_merge::{merge, MergeOptions};

/// One incident: the reports (indices into the merged slice) it groups.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// Stable id (the same reports give the same id).
    pub id: String,
    /// Indices of its reports in the input slice.
    pub members: Vec<usize>,
    /// The merged record.
    pub event: Event,
    /// Lowest fatalities figure across claims.
    pub fatalities_low: u32,
    /// Best (conservative) figure, CODEBOOK §6.
    pub fatalities_best: u32,
    /// Highest figure across claims.
    pub fatalities_high: u32,
    /// Its sources (document ids).
    pub sources: Vec<String>,
}

/// Groups report-level records into incidents.
pub fn merge_events(events: &[Event]) -> Vec<Merged> {
    merge(events, &MergeOptions::default())
        .into_iter()
        .map(|i| Merged {
            id: i.id,
            members: i.members,
            event: i.event,
            fatalities_low: i.fatalities_low,
            fatalities_best: i.fatalities_best,
            fatalities_high: i.fatalities_high,
            sources: i.sources,
        })
        .collect()
}
