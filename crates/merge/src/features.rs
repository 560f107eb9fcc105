//! What linking needs of each report-level event: its family, days, sides, places and time.

use std::collections::HashMap;

use sitrep_core::{Date, Event, EventType, Location, SubEventType};

use crate::sides::{self, country_in, side_of_actor, side_of_claimant};
use crate::MergeOptions;

/// A short string kept inline (sides, country codes, admin regions, place names):
/// linking features hold several per report, and most fit in 24 bytes.
pub(crate) type Key = compact_str::CompactString;

/// Event family for linking (CODEBOOK §4 types grouped as the merge rules say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
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
pub(crate) struct Place {
    pub(crate) coords: Option<(f64, f64)>,
    pub(crate) precision: u8,
    pub(crate) admin1: Key,
    pub(crate) country: Option<Key>,
    pub(crate) name: Key,
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

    pub(crate) fn same_country(&self, other: &Place) -> bool {
        match (&self.country, &other.country) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }

    /// A region-level place (precision 3) that holds a precise place of its region.
    pub(crate) fn contains(&self, other: &Place) -> bool {
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

pub(crate) fn place_km(a: &Place, b: &Place) -> Option<f64> {
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

pub(crate) struct Prep {
    pub(crate) doc: Key,
    pub(crate) span: Option<(i64, i64)>,
    pub(crate) family: Family,
    pub(crate) a1: Option<Key>,
    pub(crate) a2: Option<Key>,
    pub(crate) claimant: Option<Key>,
    /// Country of the target's state forces or civilians.
    pub(crate) target_home: Option<Key>,
    pub(crate) loc: Option<Place>,
    pub(crate) origin: Option<Place>,
    /// For an undated event: the days of the other events of its document, when
    /// they all share a day (a filter on its links, never a reason to link).
    pub(crate) implied: Option<(i64, i64)>,
    /// An interstate event that a claimant of the other side (or an unnamed one)
    /// places in the attacker's own country, with no firing position: the place is
    /// likely where the fire came from, not where it landed (CODEBOOK §3), so its
    /// links are tried last.
    pub(crate) misplaced: bool,
    /// Reported local time, minutes after midnight (start, end).
    pub(crate) minutes: Option<(u32, u32)>,
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

impl Prep {
    pub(crate) fn new(e: &Event) -> Prep {
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
pub(crate) fn imply_dates(preps: &mut [Prep], opts: &MergeOptions) {
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
