//! Cross-report deduplication (pipeline stage 6): groups the report-level events of
//! many documents into incidents.
//!
//! Each document yields report-level events (one claim each: who says what happened,
//! where, when, with which figures). Different documents often report the same
//! incident: agency copy and a ministry statement, or the two sides of a border each
//! describing an exchange of fire at its own positions. [`merge`] links two events of
//! different documents when
//!
//! - their dates agree (the same day or overlapping `date`..`date_end` ranges; an
//!   event without a date links only on a strong place identity, within a fifth of
//!   `max_km`, and not at all when it would fit reports of different days),
//! - their places agree: within [`MergeOptions::max_km`], one inside the other's
//!   district (a region-level location and a settlement of that region), or, for the
//!   two sides' accounts of one exchange, one's firing position (`origin`) at the
//!   other's location, or each side's target positions facing each other across the
//!   border,
//! - their actors are compatible (the same two sides in either order; forces named
//!   after a country, and civilians of a country, are on that country's side), and
//! - they are of the same event family (Battles, Explosions/Remote violence and
//!   Violence against civilians are one family; Strategic developments only with the
//!   same sub-type).
//!
//! An interstate event that the other side (or an unnamed source) places in the
//! attacker's own country, with no `origin`, probably names where the fire came
//! from rather than where it landed (CODEBOOK §3): it links only on the same place,
//! and last.
//!
//! Links are joined strongest first (closest places, dated before undated) with
//! union-find, and a link is refused when it would put into one incident two events
//! of one document or events on days that cannot be one incident. The one exception
//! is a report that gives both sides' versions of one exchange (the same day, each
//! side named as the attacker in one, or each placed on its own side of the border):
//! its two records may join one incident when other reports link them. The merged record keeps every claim, the most
//! precise place, the earliest date and latest end, and the conservative fatality
//! figure of CODEBOOK §6 with a low / best / high range across the sources.
//!
//! For archives too large to hold in memory, [`group`] takes only each event's
//! linking [`Features`] and returns the groups; [`incident`] then builds one merged
//! record from one group's events (what `sitrep-store` does, one incident at a time).
//!
//! ```
//! use sitrep_core::{Event, EventType, Location, SubEventType};
//! use sitrep_merge::{merge, MergeOptions};
//!
//! let place = |name: &str, country: &str, lat: f64, lon: f64| Location {
//!     name: name.into(),
//!     country: Some(country.into()),
//!     admin1: None,
//!     lat: Some(lat),
//!     lon: Some(lon),
//!     geo_precision: 1,
//! };
//! let report = |doc: &str, a1: &str, a2: &str, at: Location, from: Location, claimant: &str, dead: u32| Event {
//!     doc: doc.into(),
//!     date: Some("2024-05-02".parse().unwrap()),
//!     date_end: None,
//!     date_precision: None,
//!     time: None,
//!     event_type: EventType::Battles,
//!     sub_event_type: SubEventType::ArmedClash,
//!     actor1: Some(a1.into()),
//!     actor2: Some(a2.into()),
//!     location: Some(at),
//!     origin: Some(from),
//!     weapons: vec![],
//!     fatalities: dead,
//!     injuries: 0,
//!     claimant: Some(claimant.into()),
//!     claims: vec![],
//!     context: false,
//!     evidence: vec![],
//! };
//! // Each side says the other fired on its own village across the border.
//! let north = place("Northvale", "KG", 40.10, 70.60);
//! let south = place("Southford", "TJ", 40.02, 70.62);
//! let events = vec![
//!     report("kg-report", "Military Forces of Tajikistan", "Military Forces of Kyrgyzstan",
//!            north.clone(), south.clone(), "Ministry of Defence of Kyrgyzstan", 2),
//!     report("tj-report", "Military Forces of Kyrgyzstan", "Military Forces of Tajikistan",
//!            south, north, "Ministry of Defence of Tajikistan", 1),
//! ];
//! let incidents = merge(&events, &MergeOptions::default());
//! assert_eq!(incidents.len(), 1);
//! assert_eq!(incidents[0].members, vec![0, 1]);
//! assert_eq!(incidents[0].sources, vec!["kg-report", "tj-report"]);
//! // Each side's figure for its own losses counts: 2 + 1.
//! let inc = &incidents[0];
//! assert_eq!((inc.fatalities_low, inc.fatalities_best, inc.fatalities_high), (1, 3, 3));
//! assert_eq!(inc.event.fatalities, 3);
//! assert_eq!(inc.event.claims.len(), 2);
//! ```

#![warn(missing_docs)]

mod clusters;
mod features;
mod links;
mod record;
mod sides;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use sitrep_core::Event;

use clusters::group_preps;
use features::Prep;
use record::build_incident;

/// One incident: the report-level events of several documents that describe it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// Stable id derived from the members (a hash of their sorted document, date and
    /// place), so that the same reports always give the same id.
    pub id: String,
    /// Indexes of the member events in the slice given to [`merge`], ascending.
    pub members: Vec<usize>,
    /// The merged record: the member with the most precise location (its `doc`,
    /// actors, type, claimant and evidence), with the earliest date and latest end
    /// of all members, every member's weapons, every member's claim in `claims`,
    /// and the conservative `fatalities` and `injuries` (CODEBOOK §6); `context` only
    /// when every member is background.
    pub event: Event,
    /// Lowest fatality figure any source gives (0 when none gives one; at most the
    /// best estimate).
    pub fatalities_low: u32,
    /// Best estimate: the latest figure the side that suffered the losses gives for
    /// its own losses (summed when both sides give their own), else the lowest
    /// figure any side gives (CODEBOOK §6).
    pub fatalities_best: u32,
    /// Highest fatality figure any source gives (at least the best estimate).
    pub fatalities_high: u32,
    /// Ids of the source documents, in order of first appearance, without repeats.
    pub sources: Vec<String>,
}

/// Thresholds for linking two reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MergeOptions {
    /// Greatest distance in kilometres between two reported places (or between one
    /// side's firing position and the other side's location) that can still be one
    /// incident. Default 15. Events without a date link only within a fifth of it.
    pub max_km: f64,
    /// Two date ranges `date..=date_end` can be one incident when the later one
    /// starts less than `max_days` days after the earlier one ends. The default 1
    /// links only the same day or overlapping ranges.
    pub max_days: i64,
}

impl Default for MergeOptions {
    fn default() -> Self {
        MergeOptions {
            max_km: 15.0,
            max_days: 1,
        }
    }
}

/// Groups report-level events into incidents.
///
/// Every event belongs to exactly one incident (an unlinked event is an incident of
/// its own). Incidents come in the order of their first member. Two events of the
/// same document are never put together, except a document's accounts of each side
/// of one exchange (same day, reversed attacker and target) that other reports link.
pub fn merge(events: &[Event], opts: &MergeOptions) -> Vec<Incident> {
    let mut preps: Vec<Prep> = events.iter().map(Prep::new).collect();
    let groups = group_preps(&mut preps, opts);
    let mut ids = IncidentIds::default();
    groups
        .into_iter()
        .map(|members| {
            let mut inc = build_incident(events, &preps, members);
            inc.id = ids.unique(inc.id);
            inc
        })
        .collect()
}

/// What linking needs of one report-level event (its days, sides, places, time):
/// a fraction of the event's size, so that a store can group a whole archive
/// without holding every report in memory ([`group`], then [`incident`] per group).
pub struct Features(Prep);

impl Features {
    /// The linking features of `event`.
    pub fn of(event: &Event) -> Features {
        Features(Prep::new(event))
    }
}

/// Groups events, given by their [`Features`], into incidents: the member indexes
/// of each incident, ascending, incidents in the order of their first member. The
/// same grouping as [`merge`].
pub fn group(features: Vec<Features>, opts: &MergeOptions) -> Vec<Vec<usize>> {
    let mut preps: Vec<Prep> = features.into_iter().map(|f| f.0).collect();
    group_preps(&mut preps, opts)
}

/// The merged record of one group of [`group`]: `events` are its members' events,
/// in the order of `members` (their indexes in the grouped slice). Its id is not yet
/// unique: pass it through [`IncidentIds::unique`] in incident order, as [`merge`]
/// does.
pub fn incident(members: Vec<usize>, events: &[Event]) -> Incident {
    let preps: Vec<Prep> = events.iter().map(Prep::new).collect();
    let mut inc = build_incident(events, &preps, (0..events.len()).collect());
    inc.members = members;
    inc
}

/// Numbers the repeats of incident ids (identical reports give identical ids).
#[derive(Debug, Default)]
pub struct IncidentIds(HashMap<String, u32>);

impl IncidentIds {
    /// `id` itself the first time, then `id-2`, `id-3` ...
    pub fn unique(&mut self, id: String) -> String {
        let n = self.0.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            format!("{id}-{n}")
        } else {
            id
        }
    }
}
