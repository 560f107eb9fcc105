//! Pairwise links between events of different documents, and how strong each is.

use std::collections::HashMap;

use crate::clusters::dates_compatible;
use crate::features::{place_km, Key, Place, Prep};
use crate::MergeOptions;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Same,
    Reversed,
    Unknown,
}

/// How the two events' sides relate; `None` when they are not the same two sides.
pub(crate) fn actor_relation(a: &Prep, b: &Prep) -> Option<Direction> {
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

pub(crate) fn candidate_links(preps: &[Prep], opts: &MergeOptions) -> Vec<(f64, usize, usize)> {
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
