//! The merged record of one incident: its representative, dates, claims, figures and id.

use sitrep_core::{Claim, Event, Location, Stance};

use crate::features::{place_km, Place, Prep};
use crate::sides::side_of_claimant;
use crate::Incident;

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

pub(crate) fn build_incident(events: &[Event], preps: &[Prep], members: Vec<usize>) -> Incident {
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
