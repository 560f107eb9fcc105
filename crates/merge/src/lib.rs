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

mod sides;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use sitrep_core::{Claim, Date, Event, EventType, Location, Stance, SubEventType};

use sides::{country_in, side_of_actor, side_of_claimant};

/// A short string kept inline (sides, country codes, admin regions, place names):
/// linking features hold several per report, and most fit in 24 bytes.
type Key = compact_str::CompactString;

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

fn group_preps(preps: &mut [Prep], opts: &MergeOptions) -> Vec<Vec<usize>> {
    imply_dates(preps, opts);
    let preps = &*preps;
    let mut links = candidate_links(preps, opts);
    links.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));

    let mut uf = Clusters::new(preps);
    let debug = std::env::var_os("SITREP_DEBUG_MERGE").is_some();
    for &(k, i, j) in &links {
        let ok = uf.try_union(i, j, preps, opts);
        if debug {
            let name = |n: usize| {
                let p = &preps[n];
                format!(
                    "{}:{}",
                    p.doc.chars().take(5).collect::<String>(),
                    p.loc.as_ref().map_or("-", |l| l.name.as_str())
                )
            };
            eprintln!(
                "link {k:.1} {} ~ {} {}",
                name(i),
                name(j),
                if ok { "joined" } else { "refused" }
            );
        }
    }

    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot = vec![usize::MAX; preps.len()];
    for i in 0..preps.len() {
        let r = uf.find(i);
        if slot[r] == usize::MAX {
            slot[r] = groups.len();
            groups.push(Vec::new());
        }
        groups[slot[r]].push(i);
    }
    groups
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

// ---------------------------------------------------------------------------
// Per-event features

/// Event family for linking (CODEBOOK §4 types grouped as the merge rules say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// Battles, Explosions/Remote violence, Violence against civilians.
    Violence,
    /// Strategic developments, by sub-type.
    Strategic(SubEventType),
    /// Protests or Riots, by type.
    Other(EventType),
}

fn family(e: &Event) -> Family {
    match e.event_type {
        EventType::Battles
        | EventType::ExplosionsRemoteViolence
        | EventType::ViolenceAgainstCivilians => Family::Violence,
        EventType::StrategicDevelopments => Family::Strategic(e.sub_event_type),
        t => Family::Other(t),
    }
}

/// A location reduced to what linking needs.
struct Place {
    coords: Option<(f64, f64)>,
    precision: u8,
    admin1: Key,
    country: Option<Key>,
    name: Key,
}

impl Place {
    fn new(l: &Location) -> Place {
        let coords = match (l.lat, l.lon) {
            (Some(a), Some(b)) if a.is_finite() && b.is_finite() => Some((a, b)),
            _ => None,
        };
        Place {
            coords,
            precision: l.geo_precision,
            admin1: l
                .admin1
                .as_deref()
                .map(admin_key)
                .unwrap_or_default()
                .into(),
            country: l.country.as_ref().map(|c| c.to_ascii_uppercase().into()),
            name: sides::norm_words(&l.name).into(),
        }
    }

    fn same_country(&self, other: &Place) -> bool {
        match (&self.country, &other.country) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }

    /// A region-level place (precision 3) that holds a precise place of its region.
    fn contains(&self, other: &Place) -> bool {
        self.precision >= 3
            && other.precision <= 2
            && !self.admin1.is_empty()
            && self.admin1 == other.admin1
            && self.same_country(other)
    }
}

/// Admin region name without generic words ("Batken Region" = "Batken").
fn admin_key(s: &str) -> String {
    const GENERIC: &[&str] = &[
        "region",
        "district",
        "province",
        "oblast",
        "rayon",
        "raion",
        "marz",
        "state",
        "governorate",
        "county",
        "prefecture",
        "territory",
    ];
    sides::norm_words(s)
        .split(' ')
        .filter(|w| !GENERIC.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Great-circle distance in kilometres.
fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    6371.0 * 2.0 * h.sqrt().min(1.0).asin()
}

fn place_km(a: &Place, b: &Place) -> Option<f64> {
    Some(km(a.coords?, b.coords?))
}

/// Days since 1970-01-01 of a civil date.
fn day_number(d: Date) -> i64 {
    let (y, m, dd) = (d.year() as i64, d.month() as i64, d.day() as i64);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The country whose state forces (or civilians) an actor names, if any.
fn home_country(actor: &str) -> Option<String> {
    let lower = actor.to_lowercase();
    if lower.starts_with("civilians") {
        return side_of_actor(actor).filter(|s| s.len() == 2);
    }
    if lower.contains("military forces of") || lower.contains("police forces of") {
        return country_in(actor).map(str::to_string);
    }
    None
}

struct Prep {
    doc: Key,
    span: Option<(i64, i64)>,
    family: Family,
    a1: Option<Key>,
    a2: Option<Key>,
    claimant: Option<Key>,
    /// Country of the target's state forces or civilians.
    target_home: Option<Key>,
    loc: Option<Place>,
    origin: Option<Place>,
    /// For an undated event: the days of the other events of its document, when
    /// they all share a day (a filter on its links, never a reason to link).
    implied: Option<(i64, i64)>,
    /// An interstate event that a claimant of the other side (or an unnamed one)
    /// places in the attacker's own country, with no firing position: the place is
    /// likely where the fire came from, not where it landed (CODEBOOK §3), so its
    /// links are tried last.
    misplaced: bool,
    /// Reported local time, minutes after midnight (start, end).
    minutes: Option<(u32, u32)>,
}

/// Parses `HH:MM` or `HH:MM-HH:MM` into minutes after midnight.
fn minutes_of(time: &str) -> Option<(u32, u32)> {
    let one = |t: &str| -> Option<u32> {
        let (h, m) = t.trim().split_once(':')?;
        Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?)
    };
    match time.split_once('-') {
        Some((a, b)) => Some((one(a)?, one(b)?)),
        None => one(time).map(|m| (m, m)),
    }
}

/// Two reports of the same side telling of fire from different firing positions, or
/// at hours that do not overlap, are two clashes, however near their targets.
fn distinct_clashes(a: &Prep, b: &Prep, strong_km: f64) -> bool {
    let apart_origins = match (&a.origin, &b.origin) {
        (Some(x), Some(y)) => place_km(x, y).is_some_and(|d| d > strong_km),
        _ => false,
    };
    // An hour's slack: reports round their times.
    let apart_hours = match (a.minutes, b.minutes) {
        (Some(x), Some(y)) => x.0.max(y.0) > x.1.min(y.1) + 60,
        _ => false,
    };
    apart_origins || apart_hours
}

impl Prep {
    fn new(e: &Event) -> Prep {
        let span = e.date.map(|d| {
            let s = day_number(d);
            let end = e.date_end.map(day_number).unwrap_or(s).max(s);
            (s, end)
        });
        let side = |a: &Option<String>| a.as_deref().and_then(side_of_actor).map(Key::from);
        let loc = e.location.as_ref().map(Place::new);
        let home1 = e.actor1.as_deref().and_then(home_country).map(Key::from);
        let target_home = e.actor2.as_deref().and_then(home_country).map(Key::from);
        let claimant = e
            .claimant
            .as_deref()
            .and_then(side_of_claimant)
            .map(Key::from);
        let misplaced = e.origin.is_none()
            && match (
                &home1,
                &target_home,
                loc.as_ref().and_then(|l| l.country.as_ref()),
            ) {
                (Some(h1), Some(h2), Some(c)) => {
                    h1 != h2 && c == h1 && claimant.as_ref().is_none_or(|s| s != c)
                }
                _ => false,
            };
        Prep {
            doc: e.doc.as_str().into(),
            span,
            family: family(e),
            a1: side(&e.actor1),
            a2: side(&e.actor2),
            claimant,
            target_home,
            loc,
            origin: e.origin.as_ref().map(Place::new),
            implied: None,
            misplaced,
            minutes: e.time.as_deref().and_then(minutes_of),
        }
    }
}

/// Gives each undated event the days its document's dated events share, if they
/// all share at least one.
fn imply_dates(preps: &mut [Prep], opts: &MergeOptions) {
    let mut by_doc: HashMap<&str, (i64, i64, i64, i64)> = HashMap::new();
    for p in preps.iter() {
        if let Some((s, e)) = p.span {
            let r = by_doc.entry(&p.doc).or_insert((s, e, s, e));
            // (earliest start, latest end, latest start, earliest end)
            *r = (r.0.min(s), r.1.max(e), r.2.max(s), r.3.min(e));
        }
    }
    let implied: Vec<Option<(i64, i64)>> = preps
        .iter()
        .map(|p| match (p.span, by_doc.get(&*p.doc)) {
            (None, Some(&(s, e, ls, ee))) if ls - ee < opts.max_days.max(1) => Some((s, e)),
            _ => None,
        })
        .collect();
    for (p, i) in preps.iter_mut().zip(implied) {
        p.implied = i;
    }
}

// ---------------------------------------------------------------------------
// Pairwise links

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Same,
    Reversed,
    Unknown,
}

/// How the two events' sides relate; `None` when they are not the same two sides.
fn actor_relation(a: &Prep, b: &Prep) -> Option<Direction> {
    // Each event's set of sides (at most two): one set must hold the other.
    let sa = [a.a1.as_deref(), a.a2.as_deref()];
    let sb = [b.a1.as_deref(), b.a2.as_deref()];
    let subset = |x: &[Option<&str>; 2], y: &[Option<&str>; 2]| {
        x.iter().flatten().all(|s| y.contains(&Some(*s)))
    };
    if !(subset(&sa, &sb) || subset(&sb, &sa)) {
        return None;
    }
    let dir = match (&a.a1, &a.a2, &b.a1, &b.a2) {
        (Some(x1), Some(x2), Some(y1), Some(y2)) if x1 != x2 && x1 == y2 && x2 == y1 => {
            Direction::Reversed
        }
        (Some(x1), _, Some(y1), _) if x1 == y1 => Direction::Same,
        (Some(x1), _, _, Some(y2)) if x1 == y2 => Direction::Reversed,
        (_, Some(x2), Some(y1), _) if x2 == y1 => Direction::Reversed,
        _ => Direction::Unknown,
    };
    Some(dir)
}

/// Whether two events are the opposing sides' accounts: each names the other as the
/// attacker, or their claimants speak for the two different sides of the event.
fn opposing(a: &Prep, b: &Prep, dir: Direction) -> bool {
    if dir == Direction::Reversed {
        return true;
    }
    match (&a.claimant, &b.claimant) {
        (Some(x), Some(y)) if x != y => {
            let sides = [&a.a1, &a.a2, &b.a1, &b.a2];
            let has = |s: &Key| sides.iter().any(|o| o.as_ref() == Some(s));
            has(x) && has(y)
        }
        _ => false,
    }
}

fn dates_compatible(a: (i64, i64), b: (i64, i64), max_days: i64) -> bool {
    let gap = a.0.max(b.0) - a.1.min(b.1);
    gap < max_days.max(1)
}

/// The strength of the link between two events of different documents: a sort key,
/// lower is stronger; `None` when they cannot be one incident.
fn link(a: &Prep, b: &Prep, opts: &MergeOptions) -> Option<f64> {
    if a.family != b.family {
        return None;
    }
    let dir = actor_relation(a, b)?;
    let dated = match (a.span, b.span) {
        (Some(x), Some(y)) => {
            if !dates_compatible(x, y, opts.max_days) {
                return None;
            }
            true
        }
        _ => {
            if let (Some(x), Some(y)) = (a.span.or(a.implied), b.span.or(b.implied)) {
                if !dates_compatible(x, y, opts.max_days) {
                    return None;
                }
            }
            false
        }
    };
    let max_km = opts.max_km;
    let strong_km = max_km / 5.0;
    let opp = opposing(a, b, dir);
    if !opp && distinct_clashes(a, b, strong_km) {
        return None;
    }
    let mut best: Option<f64> = None;
    let mut offer = |k: f64| {
        if best.is_none_or(|b| k < b) {
            best = Some(k);
        }
    };

    // A place that may be the firing position links only where it is the same place.
    let misplaced = a.misplaced || b.misplaced;
    if let (Some(la), Some(lb)) = (&a.loc, &b.loc) {
        let d = place_km(la, lb);
        if dated {
            if let Some(d) = d {
                if d <= if misplaced { strong_km } else { max_km } {
                    offer(d);
                }
            }
            if !misplaced && (la.contains(lb) || lb.contains(la)) {
                offer(d.unwrap_or(max_km).min(max_km));
            }
            // Each side's target positions, facing each other across the border.
            // A district centroid says nothing of where positions face each other: it
            // links only weakly, after every link between named places.
            // A report that names where the fire came from rules out other firing places.
            let origin_elsewhere = |x: &Prep, other: &Place| {
                x.origin
                    .as_ref()
                    .is_some_and(|o| place_km(o, other).is_some_and(|k| k > strong_km))
            };
            let named_elsewhere = origin_elsewhere(a, lb) || origin_elsewhere(b, la);
            if !misplaced && opp && !named_elsewhere && facing(a, la, b, lb) {
                if let Some(d) = d.filter(|&d| d <= 2.0 * max_km) {
                    let vague = la.precision > 2 || lb.precision > 2;
                    offer(d.max(max_km) + if vague { 4.0 * max_km } else { 0.0 });
                }
            }
        } else if la.precision <= 2 && lb.precision <= 2 && la.same_country(lb) {
            match d {
                Some(d) if d <= strong_km => offer(d),
                None if la.coords.is_none()
                    && lb.coords.is_none()
                    && !la.name.is_empty()
                    && la.name == lb.name =>
                {
                    offer(0.0)
                }
                _ => {}
            }
        }
    }

    // One side's firing position at the other side's target.
    if opp {
        let lim = if dated { max_km } else { strong_km };
        let cross = |o: &Option<Place>, l: &Option<Place>| -> Option<f64> {
            let (o, l) = (o.as_ref()?, l.as_ref()?);
            if !dated && (o.precision > 2 || l.precision > 2) {
                return None;
            }
            place_km(o, l)
        };
        let ab = cross(&a.origin, &b.loc);
        let ba = cross(&b.origin, &a.loc);
        let k = match (a.origin.is_some() && b.origin.is_some(), ab, ba) {
            (true, Some(x), Some(y)) => Some(x.max(y)),
            (true, _, _) => None,
            (false, Some(x), _) | (false, _, Some(x)) => Some(x),
            _ => None,
        };
        if let Some(k) = k.filter(|&k| k <= lim) {
            offer(k);
        }
    }

    let tier = if dated { 0.0 } else { 1000.0 } + if misplaced { 2000.0 } else { 0.0 };
    best.map(|k| k + tier)
}

/// Both targets in different countries, each in the country of its own target side.
fn facing(a: &Prep, la: &Place, b: &Prep, lb: &Place) -> bool {
    match (&la.country, &lb.country, &a.target_home, &b.target_home) {
        (Some(ca), Some(cb), Some(ta), Some(tb)) => ca != cb && ca == ta && cb == tb,
        _ => false,
    }
}

fn candidate_links(preps: &[Prep], opts: &MergeOptions) -> Vec<(f64, usize, usize)> {
    let mut out = Vec::new();
    let mut push = |i: usize, j: usize| {
        let (i, j) = (i.min(j), i.max(j));
        if preps[i].doc != preps[j].doc {
            if let Some(k) = link(&preps[i], &preps[j], opts) {
                out.push((k, i, j));
            }
        }
    };
    let mut dated: Vec<usize> = (0..preps.len())
        .filter(|&i| preps[i].span.is_some())
        .collect();
    let undated: Vec<usize> = (0..preps.len())
        .filter(|&i| preps[i].span.is_none())
        .collect();
    dated.sort_by_key(|&i| preps[i].span.map(|s| s.0));
    for (k, &i) in dated.iter().enumerate() {
        let (_, end) = preps[i].span.unwrap_or_default();
        for &j in &dated[k + 1..] {
            let (start, _) = preps[j].span.unwrap_or_default();
            if start - end >= opts.max_days.max(1) {
                break;
            }
            push(i, j);
        }
    }
    // Undated events link only to places within `max_km / 5` (loc or origin): look
    // them up in a grid of cells that size.
    let cell = (opts.max_km / 5.0 / 111.0).max(1e-6);
    let key = |p: &Place| {
        p.coords
            .map(|(la, lo)| ((la / cell).floor() as i64, (lo / cell).floor() as i64))
    };
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, p) in preps.iter().enumerate() {
        let mut cells: Vec<(i64, i64)> = [p.loc.as_ref(), p.origin.as_ref()]
            .into_iter()
            .flatten()
            .filter_map(key)
            .collect();
        cells.dedup();
        for c in cells {
            grid.entry(c).or_default().push(i);
        }
    }
    let named: Vec<usize> = (0..preps.len())
        .filter(|&i| preps[i].loc.as_ref().is_some_and(|l| l.coords.is_none()))
        .collect();
    for &i in &undated {
        let p = &preps[i];
        let mut near: Vec<usize> = Vec::new();
        for c in [p.loc.as_ref(), p.origin.as_ref()]
            .into_iter()
            .flatten()
            .filter_map(key)
        {
            // Longitude degrees shrink towards the poles: widen the search there.
            let lat = (c.0 as f64 + 0.5) * cell;
            let wide = (1.0 / lat.to_radians().cos().max(0.05)).ceil() as i64;
            for dy in -1..=1 {
                for dx in -wide..=wide {
                    if let Some(v) = grid.get(&(c.0 + dy, c.1 + dx)) {
                        near.extend(v);
                    }
                }
            }
        }
        if p.loc.as_ref().is_some_and(|l| l.coords.is_none()) {
            near.extend(&named);
        }
        near.sort_unstable();
        near.dedup();
        for j in near {
            if j != i && (preps[j].span.is_some() || j > i) {
                push(i, j);
            }
        }
    }
    // An undated event that matches dated reports of different days is ambiguous:
    // it joins none of them.
    let mut ambiguous = vec![false; preps.len()];
    // (latest start, earliest end) of the dated partners: they share a day when the
    // latest start is not after the earliest end.
    let mut shared: Vec<Option<(i64, i64)>> = vec![None; preps.len()];
    for &(_, i, j) in &out {
        for (u, d) in [(i, j), (j, i)] {
            if let (None, Some((s, e))) = (preps[u].span, preps[d].span) {
                let (ls, ee) = shared[u].map_or((s, e), |(ls, ee)| (ls.max(s), ee.min(e)));
                shared[u] = Some((ls, ee));
                if ls - ee >= opts.max_days.max(1) {
                    ambiguous[u] = true;
                }
            }
        }
    }
    out.retain(|&(_, i, j)| {
        let undated_to_dated = |u: usize, d: usize| ambiguous[u] && preps[d].span.is_some();
        !undated_to_dated(i, j) && !undated_to_dated(j, i)
    });
    out
}

// ---------------------------------------------------------------------------
// Union-find with constraints

struct Clusters {
    parent: Vec<usize>,
    members: Vec<Vec<usize>>,
    span: Vec<Option<(i64, i64)>>,
}

impl Clusters {
    fn new(preps: &[Prep]) -> Clusters {
        Clusters {
            parent: (0..preps.len()).collect(),
            members: (0..preps.len()).map(|i| vec![i]).collect(),
            span: preps.iter().map(|p| p.span).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn try_union(&mut self, i: usize, j: usize, preps: &[Prep], opts: &MergeOptions) -> bool {
        let (ri, rj) = (self.find(i), self.find(j));
        if ri == rj {
            return true;
        }
        if let (Some(x), Some(y)) = (self.span[ri], self.span[rj]) {
            if !dates_compatible(x, y, opts.max_days) {
                return false;
            }
        }
        let (big, small) = if self.members[ri].len() >= self.members[rj].len() {
            (ri, rj)
        } else {
            (rj, ri)
        };
        // Two events of one document join only as its accounts of each side of one
        // exchange; and one incident has one place on each side (CODEBOOK §1): two
        // named places of one country, farther apart than the same place could be,
        // are two incidents.
        let strong_km = opts.max_km / 5.0;
        for &n in &self.members[small] {
            for &m in &self.members[big] {
                if preps[n].doc == preps[m].doc && !same_doc_sides(&preps[m], &preps[n]) {
                    return false;
                }
                if let (Some(x), Some(y)) = (&preps[n].loc, &preps[m].loc) {
                    if x.precision <= 2
                        && y.precision <= 2
                        && x.same_country(y)
                        && place_km(x, y).is_some_and(|d| d > strong_km)
                    {
                        return false;
                    }
                }
            }
        }
        self.parent[small] = big;
        let moved = std::mem::take(&mut self.members[small]);
        self.members[big].extend(moved);
        self.span[big] = match (self.span[big], self.span[small]) {
            (Some(x), Some(y)) => Some((x.0.min(y.0), x.1.max(y.1))),
            (x, y) => x.or(y),
        };
        true
    }
}

/// Two events of one document that are its account of each side of one exchange:
/// the same days, the same family and sides, and either each side named as the
/// attacker in one of them or each placed on its own side of a border. An event
/// whose place may be the other's firing position does not count.
fn same_doc_sides(a: &Prep, b: &Prep) -> bool {
    if a.span != b.span
        || a.family != b.family
        || a.a1.is_none()
        || a.a2.is_none()
        || a.misplaced
        || b.misplaced
    {
        return false;
    }
    let Some(dir) = actor_relation(a, b) else {
        return false;
    };
    let countries = (
        a.loc.as_ref().and_then(|l| l.country.as_ref()),
        b.loc.as_ref().and_then(|l| l.country.as_ref()),
    );
    dir == Direction::Reversed || matches!(countries, (Some(x), Some(y)) if x != y)
}

// ---------------------------------------------------------------------------
// The merged record

/// Where the fire came from, for a representative that does not say: the first
/// member's firing position. A member whose firing position is the representative's
/// own place is the other side's account of the exchange (each side's positions are
/// the other's target): its target is where the fire came from.
fn borrowed_origin(
    events: &[Event],
    preps: &[Prep],
    members: &[usize],
    rep: usize,
) -> Option<Location> {
    const SAME_PLACE_KM: f64 = 1.0;
    let here = preps[rep].loc.as_ref();
    let at_here = |p: Option<&Place>| match (p, here) {
        (Some(p), Some(h)) => {
            place_km(p, h).is_some_and(|d| d <= SAME_PLACE_KM)
                || (p.coords.is_none() && !p.name.is_empty() && p.name == h.name)
        }
        _ => false,
    };
    members.iter().find_map(|&i| {
        let origin = events[i].origin.as_ref()?;
        if !at_here(preps[i].origin.as_ref()) {
            return Some(origin.clone());
        }
        events[i]
            .location
            .clone()
            .filter(|_| !at_here(preps[i].loc.as_ref()))
    })
}

fn build_incident(events: &[Event], preps: &[Prep], members: Vec<usize>) -> Incident {
    // The most precise location; ties go to the first member.
    let rep = *members
        .iter()
        .min_by_key(|&&i| {
            let l = events[i].location.as_ref();
            (
                l.map_or(9, |l| l.geo_precision.max(1)),
                l.is_none_or(|l| l.lat.is_none()),
                i,
            )
        })
        .unwrap_or(&members[0]);
    let mut event = events[rep].clone();

    let dated: Vec<&Event> = members
        .iter()
        .map(|&i| &events[i])
        .filter(|e| e.date.is_some())
        .collect();
    if let Some(first) = dated.iter().filter_map(|e| e.date).min() {
        let last = dated
            .iter()
            .filter_map(|e| e.date_end.or(e.date))
            .max()
            .unwrap_or(first)
            .max(first);
        event.date = Some(first);
        event.date_end = Some(last);
        event.date_precision = dated.iter().filter_map(|e| e.date_precision).min();
    }
    if event.origin.is_none() {
        event.origin = borrowed_origin(events, preps, &members, rep);
    }
    for &i in &members {
        for w in &events[i].weapons {
            if !event.weapons.contains(w) {
                event.weapons.push(w.clone());
            }
        }
    }
    event.context = members.iter().all(|&i| events[i].context);

    // Every claim of every member, then each member's own statement as a claim.
    let mut claims: Vec<Claim> = Vec::new();
    for &i in &members {
        let e = &events[i];
        for c in &e.claims {
            if !claims.contains(c) {
                claims.push(c.clone());
            }
        }
        let own = Claim {
            claimant: e.claimant.clone(),
            stance: Stance::Asserts,
            fatalities: (e.fatalities > 0).then_some(e.fatalities),
            injuries: (e.injuries > 0).then_some(e.injuries),
            text: None,
        };
        let dup = claims.iter().any(|c| {
            c.claimant == own.claimant
                && c.fatalities.unwrap_or(0) == e.fatalities
                && c.injuries.unwrap_or(0) == e.injuries
        });
        if !dup {
            claims.push(own);
        }
    }
    event.claims = claims;

    // Members in the order their reports were made (date, then input order).
    let mut ordered = members.clone();
    ordered.sort_by_key(|&i| (preps[i].span.map(|s| s.0), i));
    let (f_low, f_best, f_high) =
        figures(events, preps, &ordered, |c| c.fatalities, |e| e.fatalities);
    let (_, i_best, _) = figures(events, preps, &ordered, |c| c.injuries, |e| e.injuries);
    event.fatalities = f_best;
    event.injuries = i_best;

    let mut sources: Vec<String> = Vec::new();
    for &i in &members {
        if !sources.contains(&events[i].doc) {
            sources.push(events[i].doc.clone());
        }
    }
    Incident {
        id: incident_id(events, &members),
        members,
        event,
        fatalities_low: f_low,
        fatalities_best: f_best,
        fatalities_high: f_high,
        sources,
    }
}

/// Low, best and high of one figure across the members' claims (CODEBOOK §6).
fn figures(
    events: &[Event],
    preps: &[Prep],
    ordered: &[usize],
    of_claim: impl Fn(&Claim) -> Option<u32>,
    of_event: impl Fn(&Event) -> u32,
) -> (u32, u32, u32) {
    // (claimant's side, figure, is a denial, victim side of the member)
    let mut given: Vec<(Option<String>, u32, bool, Option<&str>)> = Vec::new();
    for &i in ordered {
        let e = &events[i];
        let victim = preps[i].a2.as_deref();
        for c in &e.claims {
            if let Some(f) = of_claim(c) {
                let side = c.claimant.as_deref().and_then(side_of_claimant);
                given.push((side, f, c.stance == Stance::Denies, victim));
            }
        }
        let f = of_event(e);
        if f > 0 {
            given.push((
                preps[i].claimant.as_deref().map(str::to_string),
                f,
                false,
                victim,
            ));
        }
    }
    if given.is_empty() {
        return (0, 0, 0);
    }
    // The latest figure each suffering side gives for its own losses, summed over
    // the sides (both sides may report their own dead).
    let mut own: Vec<(&str, u32)> = Vec::new();
    for (side, f, denial, victim) in &given {
        if let (Some(side), Some(victim), false) = (side.as_deref(), victim, denial) {
            if side == *victim {
                own.retain(|(s, _)| *s != side);
                own.push((side, *f));
            }
        }
    }
    let low = given.iter().map(|g| g.1).min().unwrap_or(0);
    let high = given.iter().map(|g| g.1).max().unwrap_or(0);
    let best = if own.is_empty() {
        low
    } else {
        own.iter().map(|o| o.1).sum()
    };
    (low.min(best), best, high.max(best))
}

/// 64-bit FNV-1a, stable across platforms and compiler versions.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// `inc-` and a hash of the members' sorted (document, date, place).
fn incident_id(events: &[Event], members: &[usize]) -> String {
    let mut keys: Vec<String> = members
        .iter()
        .map(|&i| {
            let e = &events[i];
            format!(
                "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
                e.doc,
                e.date.map(|d| d.to_string()).unwrap_or_default(),
                e.location.as_ref().map(|l| l.name.as_str()).unwrap_or(""),
                e.sub_event_type.label(),
                e.time.as_deref().unwrap_or("")
            )
        })
        .collect();
    keys.sort();
    format!("inc-{:016x}", fnv1a(keys.join("\u{1e}").as_bytes()))
}
