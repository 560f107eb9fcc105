//! Merging frames that are one event: same place, same day, same family of interaction.

use sitrep_core::{EventType, Location, SubEventType};

use crate::frame::Frame;

fn family(sub: SubEventType) -> u8 {
    match sub.event_type() {
        EventType::Battles
        | EventType::ExplosionsRemoteViolence
        | EventType::ViolenceAgainstCivilians => 0,
        _ => 1 + sub as u8,
    }
}

/// "Stanislav and Darivka came under fire. In Darivka, a man was killed when a shell
/// hit his yard": an attack on a place's people and the shelling that did it, between
/// the same sides (or with a side unnamed), are one event.
fn attack_told_twice(a: &Frame, b: &Frame) -> bool {
    let remote = |s: SubEventType| s.event_type() == EventType::ExplosionsRemoteViolence;
    // The attack names no weapon of its own ("came under fire"): small-arms fire on
    // homes and a drone strike the same day are two events.
    let pair = a.sub == SubEventType::Attack && a.weapons.is_empty() && remote(b.sub)
        || b.sub == SubEventType::Attack && b.weapons.is_empty() && remote(a.sub);
    let fits = |x: &Option<String>, y: &Option<String>| x.is_none() || y.is_none() || x == y;
    // The people of a place or its forces: the side hit, told two ways ("came under
    // fire" hits the community, "the enemy fired mortars" its forces).
    let of_place = |f: &Frame| {
        f.patient.as_deref().is_some_and(|p| {
            p.starts_with("Military Forces of ")
                || f.location
                    .country
                    .as_deref()
                    .is_some_and(|c| p == format!("Civilians ({c})"))
        })
    };
    let same_side = fits(&a.patient, &b.patient) || of_place(a) && of_place(b);
    pair && fits(&a.agent, &b.agent) && same_side
}

/// "The army repelled an RSF attack near Al Fau ... RSF fighters killed nine civilians
/// in a village on its outskirts": a clash between armed sides and an attack on
/// civilians by one of them, in separate sentences, are two events.
fn clash_and_massacre(a: &Frame, b: &Frame) -> bool {
    // Some(true) for civilians hit, Some(false) for an armed side.
    let civilians = |f: &Frame| f.patient.as_deref().map(|p| p.starts_with("Civilians"));
    let (clash, attack) = match (a.sub, b.sub) {
        (SubEventType::ArmedClash, SubEventType::Attack) => (a, b),
        (SubEventType::Attack, SubEventType::ArmedClash) => (b, a),
        _ => return false,
    };
    clash.sentence != attack.sentence
        && civilians(clash) == Some(false)
        && civilians(attack) == Some(true)
}

/// The country or body a claimant speaks for: what follows its last " of "
/// ("Ministry of Defence of Azerbaijan", "Government of Azerbaijan": "Azerbaijan"), else
/// its whole name ("Nagorno-Karabakh Police").
fn speaks_for(claimant: &Option<String>) -> Option<&str> {
    claimant
        .as_deref()
        .map(|c| c.rsplit_once(" of ").map_or(c, |(_, country)| country))
}

/// Merges frames of one event and drops region-level frames covered by a
/// settlement-level frame of the same day inside that region.
pub fn merge_frames(frames: Vec<Frame>) -> Vec<Frame> {
    // Headlines restate the body: they only count when the body names no event.
    let body = frames.iter().any(|f| !f.headline);
    let (heads, frames): (Vec<Frame>, Vec<Frame>) =
        frames.into_iter().partition(|f| f.headline && body);
    let mut out: Vec<Frame> = Vec::new();
    for f in frames {
        let same = out.iter_mut().find(|o| {
            o.place_key == f.place_key
                && o.date.map(|d| d.0) == f.date.map(|d| d.0)
                && family(o.sub) == family(f.sub)
                && (o.sub == f.sub
                    || (o.sub == SubEventType::ArmedClash || f.sub == SubEventType::ArmedClash)
                        && !clash_and_massacre(o, &f)
                    || attack_told_twice(o, &f))
        });
        match same {
            Some(o) => {
                if f.specificity() > o.specificity() {
                    o.sub = f.sub;
                }
                for w in f.weapons {
                    if !o.weapons.contains(&w) {
                        o.weapons.push(w);
                    }
                }
                o.figures.extend(f.figures);
                o.claims.extend(f.claims);
                o.evidence.extend(f.evidence);
                o.context &= f.context;
                o.time = o.time.take().or(f.time);
                o.origin = o.origin.take().or(f.origin);
                o.agent = o.agent.take().or(f.agent);
                o.patient = o.patient.take().or(f.patient);
                // What the outlet told in its own voice keeps it.
                if o.claimant.is_none() && f.own_voice {
                    o.own_voice = true;
                }
                if !o.own_voice {
                    o.claimant = o.claimant.take().or(f.claimant);
                }
            }
            None => out.push(f),
        }
    }
    for h in heads {
        if let Some(o) = out
            .iter_mut()
            .find(|o| o.place_key == h.place_key && family(o.sub) == family(h.sub))
        {
            o.evidence.extend(h.evidence);
        }
    }
    // Region-level frames covered by a settlement-level frame in that region, same day.
    let covered: Vec<bool> = out
        .iter()
        .map(|r| {
            r.regional
                && out.iter().any(|o| {
                    !o.regional
                        && o.date.map(|d| d.0) == r.date.map(|d| d.0)
                        && family(o.sub) == family(r.sub)
                        // Another attacker's act told by the other side is another
                        // event: one side's account of fire on its positions in a
                        // district does not restate the other side's report of fire on a
                        // village there (a source's own retaliation still does).
                        && (o.agent.is_none()
                            || r.agent.is_none()
                            || o.agent == r.agent
                            || speaks_for(&o.claimant) == speaks_for(&r.claimant))
                        && (r.along_line && o.location.country == r.location.country
                            || o.sentence == r.sentence && inside_told_with(o, r)
                            || o.location
                                .admin1
                                .as_deref()
                                .map(sitrep_geocode::normalise)
                                .is_some_and(|a| {
                                    a == r.place_key.split('@').next().unwrap_or_default()
                                        || r.location
                                            .admin1
                                            .as_deref()
                                            .map(sitrep_geocode::normalise)
                                            .is_some_and(|ra| {
                                                // a district or province row carries its own name as admin1
                                                ra == a && r.place_key.starts_with(&ra)
                                            })
                                }))
                })
        })
        .collect();
    // The figures and sentences of a covered region frame go to the first frame covering it.
    for r in 0..out.len() {
        if !covered[r] {
            continue;
        }
        let admin = out[r].location.admin1.clone();
        let key = out[r]
            .place_key
            .split('@')
            .next()
            .unwrap_or_default()
            .to_string();
        let date = out[r].date.map(|d| d.0);
        let along_line = out[r].along_line;
        let country = out[r].location.country.clone();
        let (sentence, fam) = (out[r].sentence, family(out[r].sub));
        // The settlement of the same sentence first ("In the Kursk region, a drone hit a
        // car in Lgov"), else the first one in the region.
        let same_sentence = (0..out.len()).find(|&t| {
            !covered[t]
                && out[t].sentence == sentence
                && family(out[t].sub) == fam
                && inside_told_with(&out[t], &out[r])
        });
        if let Some(t) = same_sentence.or_else(|| {
            (0..out.len()).find(|&t| {
                !covered[t]
                    && out[t].date.map(|d| d.0) == date
                    && family(out[t].sub) == fam
                    && (along_line && out[t].location.country == country
                        || out[t]
                            .location
                            .admin1
                            .as_deref()
                            .map(sitrep_geocode::normalise)
                            .is_some_and(|a| {
                                a == key
                                    || admin.as_deref().map(sitrep_geocode::normalise)
                                        == Some(a.clone())
                            }))
            })
        }) {
            let (figures, evidence, claims) = (
                out[r].figures.clone(),
                out[r].evidence.clone(),
                out[r].claims.clone(),
            );
            if out[t].figures.is_empty() {
                out[t].figures = figures;
            }
            if out[t].origin.is_none() {
                out[t].origin = out[r].origin.clone();
            }
            out[t].evidence.extend(evidence);
            out[t].claims.extend(claims);
        }
    }
    let mut i = 0;
    out.retain(|_| {
        let keep = !covered[i];
        i += 1;
        keep
    });
    out
}

/// A settlement named in the same sentence as a district or region lies in it when it is
/// this close to the point the region is placed at.
const REGION_REACH_KM: f64 = 40.0;

/// "attacked the Grayvoron district: a drone ... in Kozinka": the place `o` told after
/// region `r` in one sentence lies in it when it is not named as a region itself
/// ("the directions of the Shusha and Khojaly regions" are two places), is in the same
/// country and close, and the same sides act (or a side is unnamed).
/// ("Saribaba ..., as well as in the Martakert region": the region comes after.)
fn inside_told_with(o: &Frame, r: &Frame) -> bool {
    let fits = |x: &Option<String>, y: &Option<String>| x.is_none() || y.is_none() || x == y;
    !o.named_region
        && !o.regional
        && r.mention < o.mention
        && o.location.country == r.location.country
        && fits(&o.agent, &r.agent)
        && fits(&o.patient, &r.patient)
        && within_reach(&o.location, &r.location)
}

fn within_reach(place: &Location, region: &Location) -> bool {
    match (place.lat, place.lon, region.lat, region.lon) {
        (Some(a), Some(b), Some(c), Some(d)) => {
            sitrep_geocode::distance_km((a, b), (c, d)) <= REGION_REACH_KM
        }
        _ => false,
    }
}
