//! The sides of an event: canonical actor names for a mention, a country's forces,
//! and the Karabakh rule of CODEBOOK §5.

use sitrep_core::Location;
use sitrep_recognise::actors::{ActorKind, ActorMention};

use crate::document::DocContext;

pub(crate) fn actor_name(
    m: &ActorMention,
    ctx: &DocContext<'_>,
    location_cc: Option<&str>,
) -> Option<String> {
    match m.kind {
        ActorKind::Civilians if m.nationals => Some(m.name.clone()),
        ActorKind::Civilians => location_cc
            .map(|c| format!("Civilians ({c})"))
            .or(Some(m.name.clone())),
        ActorKind::Enemy => {
            let own = location_cc.unwrap_or("");
            ctx.other_party(own)
                .or_else(|| adversary(own))
                .and_then(|p| ctx.asm.gazetteer().country(p))
                .map(|c| format!("Military Forces of {}", c.name))
        }
        // "the army": the report's main state party's, else the country of the armed
        // group it fights ("the army and the RSF"), else the place's.
        ActorKind::Army => ctx
            .parties
            .first()
            .cloned()
            .or_else(|| {
                ctx.non_state.iter().find_map(|n| {
                    sitrep_recognise::actors::non_state_group(n)
                        .and_then(|(_, cc)| cc.map(str::to_string))
                })
            })
            .or_else(|| location_cc.map(str::to_string))
            .and_then(|cc| military(ctx, &cc)),
        // "police", "a police station": the police of the place's country.
        ActorKind::Police if m.country.is_none() => location_cc
            .and_then(|c| ctx.asm.gazetteer().country(c))
            .map(|c| format!("Police Forces of {}", c.name)),
        ActorKind::Unidentified => Some(format!(
            "Unidentified Armed Group ({})",
            m.country.as_deref().or(location_cc).unwrap_or("XX")
        )),
        _ => Some(m.name.clone()),
    }
}

pub(crate) fn military(ctx: &DocContext<'_>, iso2: &str) -> Option<String> {
    ctx.asm
        .gazetteer()
        .country(iso2)
        .map(|c| format!("Military Forces of {}", c.name))
}

/// The country whose forces or civilians an actor name stands for ("Military Forces
/// of Armenia", "Civilians (AZ)").
pub(crate) fn side_country(name: &str, ctx: &DocContext<'_>) -> Option<String> {
    actor_country(name, ctx).or_else(|| {
        name.strip_prefix("Civilians (")
            .and_then(|r| r.strip_suffix(')'))
            .map(str::to_string)
    })
}

pub(crate) fn actor_country(name: &str, ctx: &DocContext<'_>) -> Option<String> {
    let n = name.strip_prefix("Military Forces of ")?;
    ctx.asm
        .gazetteer()
        .country_by_name(n)
        .map(|c| c.iso2.clone())
}

/// Districts of Azerbaijan where, until 2023, Armenian forces were those of the
/// Nagorno-Karabakh authorities rather than Armenia's army (CODEBOOK §5: "Armenian
/// troops" are Armenia's only at the state border).
const KARABAKH_AREAS: &[&str] = &[
    "Karabakh",
    "Khankendi",
    "Khojaly",
    "Khojavend",
    "Shusha",
    "Aghdara",
    "Lachin",
    "Aghdam",
];

/// In a report that names the Karabakh Armenian forces, Armenian forces acting
/// inside Karabakh are those forces.
pub(crate) fn karabakh_forces(ctx: &DocContext<'_>, loc: &Location, actor: &mut Option<String>) {
    const NK: &str = "Nagorno-Karabakh Armenian forces";
    let inside = loc.country.as_deref() == Some("AZ")
        && loc
            .admin1
            .as_deref()
            .is_some_and(|a| KARABAKH_AREAS.iter().any(|k| a.starts_with(k)));
    if inside
        && ctx.non_state.iter().any(|n| n == NK)
        && actor.as_deref() == Some("Military Forces of Armenia")
    {
        *actor = Some(NK.to_string());
    }
}

/// Where a report names an armed group of the place's country (Hezbollah in Lebanon),
/// that country's forces the sentence does not name itself are the group's: "an
/// Israeli drone struck a cell near Kfar Kila" hits Hezbollah, not Lebanon's army.
pub(crate) fn armed_group_forces(
    ctx: &DocContext<'_>,
    sentence_actors: &[ActorMention],
    loc: &Location,
    other: Option<&str>,
    actor: &mut Option<String>,
) {
    let Some(cc) = loc.country.as_deref() else {
        return;
    };
    if actor.as_deref() != military(ctx, cc).as_deref()
        || sentence_actors
            .iter()
            .any(|m| m.kind != ActorKind::NonState && m.country.as_deref() == Some(cc))
    {
        return;
    }
    let group = ctx
        .non_state
        .iter()
        .find_map(|n| sitrep_recognise::actors::non_state_group(n).filter(|(_, c)| *c == Some(cc)));
    if let Some((group, _)) = group.filter(|(g, _)| other != Some(*g)) {
        *actor = Some(group.to_string());
    }
}

/// The side a source speaks for ("Ministry of Defence of Russia" → Russia's forces,
/// "Hezbollah" → Hezbollah): the actor behind "its forces" in its statement.
pub(crate) fn speaker_side(claimant: &str, ctx: &DocContext<'_>) -> Option<String> {
    if let Some((group, _)) = sitrep_recognise::actors::non_state_group(claimant) {
        return Some(group.to_string());
    }
    let gaz = ctx.asm.gazetteer();
    let country = claimant
        .rsplit_once(" of ")
        .and_then(|(_, c)| gaz.country_by_name(c.trim()))
        .or_else(|| {
            let first = claimant.split_whitespace().next()?;
            gaz.country_by_demonym(first)
                .or_else(|| gaz.country_by_name(first))
        })
        .or_else(|| {
            (claimant == "Inter-Services Public Relations").then(|| gaz.country("PK"))?
        })?;
    military(ctx, &country.iso2)
}

/// The state across the line from `iso2` in the border conflicts the reports cover,
/// for "the enemy" in a report that names no other side: Armenia and Azerbaijan, India
/// and Pakistan, Kyrgyzstan and Tajikistan, Ukraine and Russia, Sudan and Ethiopia, and
/// Israel as Lebanon's (Israel's enemy in Lebanon is a group, not a state).
pub(crate) fn adversary(iso2: &str) -> Option<&'static str> {
    const DYADS: &[(&str, &str)] = &[
        ("AM", "AZ"),
        ("AZ", "AM"),
        ("IN", "PK"),
        ("PK", "IN"),
        ("KG", "TJ"),
        ("TJ", "KG"),
        ("UA", "RU"),
        ("RU", "UA"),
        ("SD", "ET"),
        ("ET", "SD"),
        ("LB", "IL"),
    ];
    DYADS.iter().find(|(a, _)| *a == iso2).map(|(_, b)| *b)
}
