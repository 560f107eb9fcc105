//! Ranking of the places a name may refer to, with one human-readable reason per
//! scoring factor.
//!
//! | factor | score |
//! |---|---|
//! | canonical name / alias / loose (skeleton) match | +3 / +2 / +0.8 |
//! | generic word in the name ("Kalbajar *region*") agrees / disagrees with kind | +5 / −2 |
//! | admin hint: admin1, own name, other name of the hint, ≤ 30 km from it | +4 … +3.5 |
//! | admin hint: same admin1 as a hinted town only / no relation | +1 / −1.5 |
//! | country hint, i-th in the list / not listed | +2/(i+1) / −1 |
//! | nearest `near` point ≤ 50 km / ≤ 300 km / farther | +4…+3 / +2.5…0 / −1 |
//! | `want_region` and an admin kind / a country | +3 / +2.5 |
//! | kind (city > settlement > border post > height, lake > … > region) | ≤ +0.6 |
//! | population | ≤ +0.3; world towns also +0.75 per tenfold above 1,000 |
//!
//! World-base places (GeoNames cities500) are matched by exact key only and
//! scored the same way, but when a curated place (other than a river) has the
//! exact name, every world place ranks below every curated one
//! (curated rows win); equal scores go to the larger population.

use crate::index::Via;
use crate::normalise::{name_tokens, split_generic, Generic};
use crate::{Candidate, Gazetteer, Hints, Kind, Place};

/// A world-base place of a country the report does not name, farther than this
/// from every other place of the report, is never resolved to.
const FAR_ABROAD_KM: f64 = 500.0;

/// A world-base place farther than this from every place of every country the
/// report names (on a one-degree grid) is never resolved to.
const BEYOND_NAMED_KM: f64 = 300.0;

/// A place this close to another place of the report is among them.
const NEAR_KM: f64 = 100.0;
/// Two records of one name this close are one place recorded twice.
const TWIN_KM: f64 = 15.0;

/// Cities this large need no country named with them.
const WELL_KNOWN_POPULATION: u64 = 100_000;
/// A village smaller than this that bears its region's name yields the name to the
/// region.
const REGION_NAMESAKE_POPULATION: u64 = 10_000;
/// How far from its region's point a namesake village lies to be no capital.
const REGION_CENTRE_KM: f64 = 5.0;

/// Great-circle distance in km.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

fn coords(p: &Place) -> Option<(f64, f64)> {
    Some((p.lat?, p.lon?))
}

/// `reason()` when explaining, else an empty string (no allocation): resolving
/// in the pipeline needs the scores only, `sitrep place` the reasons too.
fn why(explain: bool, reason: impl FnOnce() -> String) -> String {
    if explain {
        reason()
    } else {
        String::new()
    }
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The admin hint, resolved once per call.
struct AdminHint<'a> {
    /// The hint as given.
    text: &'a str,
    /// Its key.
    key: String,
    /// Places the hint may name (in any tradition).
    places: Vec<&'a Place>,
    /// Whether the hint names a region the gazetteer knows (a place or a world
    /// admin1 name): a world place outside a known region is ruled out.
    known: bool,
}

impl<'a> AdminHint<'a> {
    fn new(g: &'a Gazetteer, text: &'a str) -> Option<Self> {
        // "the Tovuz district of Azerbaijan": a country is not an admin region.
        if g.country_by_name(text).is_some() {
            return None;
        }
        let (key, _) = split_generic(&name_tokens(text));
        if key.is_empty() {
            return None;
        }
        let mut ids: Vec<u32> = g.index.exact(&key).iter().map(|(id, _)| *id).collect();
        if ids.is_empty() {
            ids = g.index.loose(&key).to_vec();
        }
        let places: Vec<&Place> = ids.into_iter().map(|id| g.place(id)).collect();
        let known = !places.is_empty() || g.is_world_admin1(&key);
        Some(AdminHint {
            text,
            key,
            places,
            known,
        })
    }

    /// Score and reason of candidate `c` against the hint.
    fn score(&self, c: &Place, explain: bool) -> (f64, String) {
        let c_admin = &c.keys().admin1;
        if c_admin.as_deref() == Some(self.key.as_str()) {
            return (
                4.0,
                why(explain, || {
                    format!(
                        "admin1 {:?} matches the region hint {:?}",
                        c.admin1.as_deref().unwrap_or(""),
                        self.text
                    )
                }),
            );
        }
        if c.kind.is_admin() && c.keys().names.contains(&self.key) {
            return (
                4.0,
                why(explain, || {
                    format!("is the hinted region {:?} itself", self.text)
                }),
            );
        }
        let mut best: (f64, String) = (
            -1.5,
            why(explain, || {
                format!("not in or near the hinted region {:?}", self.text)
            }),
        );
        for p in &self.places {
            if p.id == c.id {
                continue;
            }
            let mut consider = |s: f64, r: String| {
                if s > best.0 {
                    best = (s, r);
                }
            };
            if let Some(a) = c_admin {
                if p.keys().names.contains(a) {
                    consider(
                        4.0,
                        why(explain, || {
                            format!(
                                "admin1 {:?} is another name of the hinted {:?} ({})",
                                c.admin1.as_deref().unwrap_or(""),
                                self.text,
                                p.name
                            )
                        }),
                    );
                }
                if p.keys().admin1.as_ref() == Some(a) {
                    if p.kind.is_admin() {
                        consider(
                            3.5,
                            why(explain, || {
                                format!(
                                    "admin1 {:?} is that of the hinted region {}",
                                    c.admin1.as_deref().unwrap_or(""),
                                    p.name
                                )
                            }),
                        );
                    } else {
                        consider(
                            1.0,
                            why(explain, || {
                                format!(
                                    "same admin1 {:?} as the hinted {}",
                                    c.admin1.as_deref().unwrap_or(""),
                                    p.name
                                )
                            }),
                        );
                    }
                }
            }
            if let (Some(a), Some(b)) = (coords(c), coords(p)) {
                let d = distance_km(a, b);
                if d <= 30.0 {
                    // A place in the unit named ("Khoja Alo in the Vorukh jamoat") lies
                    // in that unit's country: a namesake across the border is only near.
                    let same_country = c.country == p.country;
                    consider(
                        if same_country { 5.0 } else { 3.5 },
                        why(explain, || {
                            format!(
                                "{} km from the hinted {} ({:?}){}",
                                round(d),
                                p.name,
                                self.text,
                                if same_country { ", same country" } else { "" }
                            )
                        }),
                    );
                }
            }
        }
        best
    }
}

/// Resolves country hints (ISO2 codes, or names / demonyms) to ISO2 codes.
fn country_codes(g: &Gazetteer, hints: &Hints) -> Vec<String> {
    hints
        .countries
        .iter()
        .filter_map(|c| {
            let c = c.trim();
            if c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Some(c.to_ascii_uppercase());
            }
            g.country_by_name(c)
                .or_else(|| g.country_by_demonym(c))
                .map(|k| k.iso2.clone())
        })
        .collect()
}

/// Small tie-breaking weight per kind.
fn kind_weight(k: Kind) -> f64 {
    match k {
        Kind::City => 0.6,
        Kind::Settlement => 0.5,
        Kind::BorderPost => 0.45,
        Kind::Height | Kind::Lake => 0.4,
        Kind::Pass => 0.35,
        Kind::River => 0.3,
        Kind::Country => 0.3,
        Kind::Area | Kind::Sector => 0.25,
        Kind::District => 0.2,
        Kind::Province => 0.15,
        Kind::Region => 0.1,
    }
}

/// See [`Gazetteer::rank`].
///
/// With `explain` false the candidates carry no reasons (the scores and order
/// are the same): the pipeline resolves thousands of names a second and reads
/// only the winner.
pub(crate) fn rank<'a>(
    g: &'a Gazetteer,
    name: &str,
    hints: &Hints,
    explain: bool,
) -> Vec<Candidate<'a>> {
    let (key, generic) = split_generic(&name_tokens(name));
    if key.is_empty() {
        return Vec::new();
    }
    // "Mount Mets Ishkhanasar": a height known without the word.
    let (key, generic) = match key
        .strip_prefix("mount ")
        .or_else(|| key.strip_prefix("mt "))
    {
        Some(rest) if g.index.exact(&key).is_empty() && g.world_exact(&key).is_empty() => {
            (rest.to_string(), Some(Generic::Height))
        }
        _ => (key, generic),
    };
    let mut out: Vec<Candidate<'a>> = Vec::new();
    for &(id, via) in g.index.exact(&key) {
        let p = g.place(id);
        let (s, r) = match via {
            Via::Canonical => (3.0, why(explain, || format!("name {:?} matches", p.name))),
            Via::Alias => (
                2.0,
                why(explain, || format!("alias of {:?} matches", p.name)),
            ),
        };
        if let Some(c) = out.iter_mut().find(|c| c.place.id == id) {
            if s > c.score {
                c.score = s;
                c.reasons[0] = r;
            }
            continue;
        }
        out.push(Candidate {
            place: p,
            score: s,
            reasons: vec![r],
            contradicted: false,
        });
    }
    // Curated rows outrank world namesakes; a curated river does not outrank a world
    // town by that name ("Dnipro" the city, not the river) and is ranked with it by
    // score.
    let curated_exact = out.iter().any(|c| !c.place.kind.is_river());
    for (id, canonical) in g.world_exact(&key) {
        let p = g.place(id);
        let (s, r) = if canonical {
            (
                3.0,
                why(explain, || {
                    format!("name {:?} matches (world base)", p.name)
                }),
            )
        } else {
            (
                2.0,
                why(explain, || {
                    format!("alias of {:?} matches (world base)", p.name)
                }),
            )
        };
        out.push(Candidate {
            place: p,
            score: s,
            reasons: vec![r],
            contradicted: false,
        });
    }
    for &id in g.index.loose(&key) {
        if out.iter().any(|c| c.place.id == id) {
            continue;
        }
        let p = g.place(id);
        out.push(Candidate {
            place: p,
            score: 0.8,
            reasons: vec![why(explain, || {
                format!("loose transliteration match to {:?}", p.name)
            })],
            contradicted: false,
        });
    }
    if out.is_empty() {
        return out;
    }
    if explain {
        for c in &mut out {
            c.reasons[0] = format!("{} ({:+})", c.reasons[0], c.score);
        }
    }

    // Which candidates the name is the name of (not an alias or a loose match).
    let named: Vec<bool> = out.iter().map(|c| c.score >= 3.0).collect();
    let admin = hints.admin.as_deref().and_then(|a| AdminHint::new(g, a));
    let codes = country_codes(g, hints);
    // Per candidate, in `out`'s order: whether it lies outside the (known) region
    // named with it, and its distance to the nearest other place of the report.
    let mut off_region: Vec<bool> = Vec::with_capacity(out.len());
    let mut nearest_km: Vec<Option<f64>> = Vec::with_capacity(out.len());
    for c in &mut out {
        let p = c.place;
        let admin_score = admin.as_ref().map(|h| h.score(p, explain));
        let outside_region = admin
            .as_ref()
            .zip(admin_score.as_ref())
            .is_some_and(|(h, (s, _))| h.known && *s < 0.0);
        let nearest = coords(p).filter(|_| !hints.near.is_empty()).map(|pc| {
            hints
                .near
                .iter()
                .map(|&q| distance_km(pc, q))
                .fold(f64::INFINITY, f64::min)
        });
        off_region.push(outside_region);
        nearest_km.push(nearest);
        // A world-base namesake the report rules out: outside the (known) region
        // named with it, or, in a country the report does not name, more than 500 km
        // from every other place of the report. (A report on shelling need not name
        // the country shelled: "Russian forces shelled Huliaipole".)
        let unnamed_country = !codes.is_empty() && !codes.contains(&p.country);
        let far_abroad = unnamed_country && nearest.is_some_and(|d| d > FAR_ABROAD_KM);
        // A town far from every country the report names ("Karari" in India for a
        // report on Omdurman): the report would have named that country, unless the
        // town is a large city or lies in the region named with it.
        let beyond_named = unnamed_country
            && p.population.unwrap_or(0) < WELL_KNOWN_POPULATION
            && !admin_score.as_ref().is_some_and(|(s, _)| *s > 0.0)
            && coords(p).is_some_and(|pc| {
                codes
                    .iter()
                    .all(|cc| g.country_within(cc, pc, BEYOND_NAMED_KM) == Some(false))
            });
        c.contradicted = g.is_world(p.id) && (far_abroad || beyond_named || outside_region);
        let mut add = |s: f64, r: &dyn Fn() -> String| {
            c.score += s;
            if explain {
                c.reasons.push(format!("{} ({s:+})", r()));
            }
        };
        match generic {
            Some(Generic::Admin) if p.kind.is_admin() => {
                add(5.0, &|| "the name says district/region".into())
            }
            Some(Generic::Admin) => add(-2.0, &|| {
                "the name says district/region, this is not one".into()
            }),
            Some(Generic::Settlement) if matches!(p.kind, Kind::City | Kind::Settlement) => {
                add(5.0, &|| "the name says settlement".into())
            }
            Some(Generic::Settlement) if p.kind.is_admin() => add(-2.0, &|| {
                "the name says settlement, this is a region".into()
            }),
            Some(Generic::Height) if p.kind == Kind::Height => {
                add(5.0, &|| "the name says height".into())
            }
            _ => {}
        }
        // A place the text puts in a named unit of its country (admin1 or 5 points
        // for a same-country unit nearby) needs no country hint of the report.
        let contained = admin_score.as_ref().is_some_and(|(s, _)| *s >= 4.0);
        if let Some((s, r)) = admin_score {
            add(s, &|| r.clone());
        }
        if !codes.is_empty() && (!contained || codes.contains(&p.country)) {
            match codes.iter().position(|k| *k == p.country) {
                Some(i) => add(round(2.0 / (i as f64 + 1.0) * 100.0) / 100.0, &|| {
                    format!("country {} is hint #{}", p.country, i + 1)
                }),
                None => {
                    add(-1.0, &|| {
                        format!("country {} not among the hints", p.country)
                    });
                    // Far from every country the report names: a namesake elsewhere
                    // ("Chinari" in Armenia for Indian shelling near the Line of Control).
                    let far = coords(p).is_some_and(|pc| {
                        codes
                            .iter()
                            .all(|cc| g.country_within(cc, pc, BEYOND_NAMED_KM) == Some(false))
                    });
                    if far {
                        add(-0.5, &|| "far from every country hinted".to_string());
                    }
                }
            }
        }
        if !hints.near.is_empty() {
            match nearest {
                Some(d) => {
                    if d <= 50.0 {
                        add(round((4.0 - d / 50.0) * 10.0) / 10.0, &|| {
                            format!("{} km from another place of the report", round(d))
                        });
                    } else if d <= 300.0 {
                        add(
                            round(2.5 * (1.0 - (d - 50.0) / 250.0) * 10.0) / 10.0,
                            &|| format!("{} km from the nearest place of the report", round(d)),
                        );
                    } else {
                        add(-1.0, &|| {
                            format!("{} km from every other place of the report", round(d))
                        });
                    }
                }
                None => add(0.0, &|| "no coordinates to compare with the report".into()),
            }
        }
        if hints.want_region {
            if p.kind.is_admin() {
                add(3.0, &|| "a region is wanted".into());
            } else if p.kind == Kind::Country {
                add(2.5, &|| "a region is wanted (country)".into());
            }
        }
        add(kind_weight(p.kind), &|| format!("kind {}", p.kind.as_str()));
        if let Some(pop) = p.population {
            let mut s = 0.3 * ((pop as f64 + 1.0).log10() / 7.0).min(1.0);
            // A world town of 1,000+ people gains with its size (0.75 per tenfold):
            // news naming "Zaporizhzhia" or "Balakliia" means the city, not the village
            // of a few hundred whose GeoNames name is that spelling.
            if g.is_world(p.id) {
                s += ((pop as f64 + 1.0).log10() - 3.0).max(0.0) * 0.75;
            }
            let s = round(s * 100.0) / 100.0;
            add(s, &|| format!("population {pop}"));
        }
    }
    // A village named like the province or district it lies in, away from its centre
    // ("Tavush", a village of Tavush Province): a bare name means the region. (A
    // region's capital at its centre keeps the name.)
    let region_namesake: Vec<bool> = out
        .iter()
        .map(|c| {
            let p = c.place;
            p.kind == Kind::Settlement
                && p.population.unwrap_or(0) < REGION_NAMESAKE_POPULATION
                && coords(p).is_some_and(|pc| {
                    out.iter().any(|r| {
                        r.place.kind.is_admin()
                            && r.place.country == p.country
                            && r.place.admin1.is_some()
                            && r.place.admin1 == p.admin1
                            && coords(r.place)
                                .is_some_and(|rc| distance_km(pc, rc) > REGION_CENTRE_KM)
                    })
                })
        })
        .collect();
    for (c, namesake) in out.iter_mut().zip(region_namesake) {
        if namesake && generic.is_none() {
            c.score -= 1.0;
            if explain {
                c.reasons
                    .push("a village named like the region it lies in (-1)".into());
            }
        }
    }
    // One town recorded twice a few km apart (GeoNames' "L’gov" the town and
    // "L’govskiy", whose alias is "Lgov"): the record the name is the name of wins.
    // (A region and its capital are two places.)
    let twins: Vec<Option<f64>> = (0..out.len())
        .map(|i| {
            let town = |p: &Place| matches!(p.kind, Kind::City | Kind::Settlement);
            let pi = coords(out[i].place).filter(|_| !named[i] && town(out[i].place))?;
            (0..out.len())
                .filter(|&j| named[j] && out[j].place.country == out[i].place.country)
                .filter(|&j| town(out[j].place))
                .filter(|&j| coords(out[j].place).is_some_and(|pj| distance_km(pi, pj) <= TWIN_KM))
                .map(|j| out[j].score)
                .reduce(f64::max)
        })
        .collect();
    for (c, twin) in out.iter_mut().zip(twins) {
        if let Some(t) = twin.filter(|t| c.score >= *t) {
            c.score = t - 0.1;
            if explain {
                c.reasons
                    .push("a record under this very name lies within 15 km (below it)".into());
            }
        }
        c.score = (c.score * 100.0).round() / 100.0;
    }
    // Curated rows outrank world namesakes unless the region named with the place
    // rules every curated one out ("Prymorske in Zaporizhzhia district"), or every
    // curated one lies far from the report's other places while a world namesake lies
    // among them ("Vasylivka" in a report on Zaporizhzhia, not Sumy's).
    let world_among = out
        .iter()
        .zip(&nearest_km)
        .any(|(c, d)| g.is_world(c.place.id) && !c.contradicted && d.is_some_and(|d| d <= NEAR_KM));
    let curated_exact = curated_exact
        && out
            .iter()
            .zip(off_region.iter().zip(&nearest_km))
            .any(|(c, (&outside, d))| {
                !g.is_world(c.place.id)
                    && !c.place.kind.is_river()
                    && !outside
                    && (!world_among
                        || c.place.kind == Kind::City
                        || d.is_none_or(|d| d <= NEAR_KM))
            });
    let tier = |c: &Candidate<'_>| curated_exact && g.is_world(c.place.id);
    out.sort_by(|a, b| {
        tier(a)
            .cmp(&tier(b))
            .then(b.score.total_cmp(&a.score))
            .then_with(|| {
                // Among world namesakes the larger town; curated rows keep their order.
                if g.is_world(a.place.id) && g.is_world(b.place.id) {
                    b.place.population.cmp(&a.place.population)
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .then(a.place.id.cmp(&b.place.id))
    });
    out
}
