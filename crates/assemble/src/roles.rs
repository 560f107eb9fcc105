//! Who acted and who was acted upon, read from the words around an actor mention.

use std::sync::LazyLock;

use regex::Regex;
use sitrep_recognise::actors::{says_it_acted, ActorMention};
use sitrep_recognise::pattern::regex;

/// The part an actor plays in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Said to act (actor1).
    Agent,
    /// Acted upon (actor2).
    Patient,
    /// Not clear from the words around it.
    Unclear,
}

static AGENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:['’]s\s+)?(?:\s*(?:(?-i:[A-Z][A-Za-z0-9-]*)\s+(?:fighter jets?|jets?|drones?|helicopters?|aircraft|warplanes?|howitzers?|tanks?)|units?|forces|troops|members|side|army|military|personnel|servicemen|soldiers|fighters|militants|guerrillas|rebels|insurgents|\((?-i:[A-Z]{2,6})\)|fighter jets|jets|warplanes|aircraft|drones?|helicopters|artillery|air force|aviation|have|has|had|been|also|again|later|then|subsequently|afterwards|periodically|reportedly|allegedly|deliberately|overnight|that|who|which|(?:late\s+|early\s+)?on\s+(?:\d{1,2}\s+)?[A-Z][a-z]+(?:\s+\d{1,2})?|(?:backed|supported|aided|assisted|accompanied|reinforced)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:militias?|militiamen|fighters|tribesmen|gunmen|allies|groups?)|(?:deployed|stationed|positioned|located|based)\s+(?:in|near|at|along|around)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?(?:region|district|direction|area|sector|province|village|settlement)|again|,)\s*)*\s*(?:opened|open|fired|fire[sd]?|subjected|subjecting|shell(?:ed|ing|s)|launched|attacked|attack|used|using|violated|began|begun|started|struck|targeted|dropped|killed|resorted|tried|attempted|aggravating|mounted|conducted|initiated|carried out|committed|shot|resumed|shelling|attack|provocation|sniper|drone|seized|captured|recaptured|retook|liberated|set up|built|established|dug|set fire|detained|arrested|apprehended|abducted|kidnapped|took|mounted|retaliated|returned fire|launches|fire|fires|hit|bombed|bombarded|pounded|hammered|pummell?ed|blasted|rocketed|mortared|strafed|rained|thwarted|foiled|repelled|clashed|ambushed|raided|stormed|planted|laid|mined|downed|brought down|intercepted|destroyed|neutrali[sz]ed|regained)(?-u:\b)",
    )
});

static AGENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:(?-u:\b)by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:means|systems|crews?)\s+of|(?-u:\b)by|(?-u:\b)from(?: the)?(?: positions?| side| direction)?(?: of)?|(?-u:\b)members of|(?-u:\b)units of|(?-u:\b)subdivisions of|(?-u:\b)groups of)\s+(?:the\s+|an?\s+)?(?:units of\s+)?(?:the\s+)?$",
    )
});

/// "recaptured Sinja from the RSF": the side ground is taken from.
static TAKEN_FROM: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:captured|recaptured|seized|retook|retaken|liberated|wrested|took)(?-u:\b)[^.;]{0,110}(?-u:\b)from\s+(?:the\s+)?$",
    )
});

static ACTOR_AT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s*(?:units?\s+)?(?:located |stationed |deployed |positioned )?(?:in|from) the directions? of(?-u:\b)",
    )
});

static PATIENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:(?-u:\b)on|(?-u:\b)at|(?-u:\b)against|(?-u:\b)toward|(?-u:\b)towards|(?-u:\b)targeting|(?-u:\b)targeted|(?-u:\b)positions of|(?-u:\b)posts of|(?-u:\b)fire on|(?-u:\b)fire at|(?-u:\b)with|(?-u:\b)killed|(?-u:\b)killing|(?-u:\b)wounding|(?-u:\b)injuring|(?-u:\b)of the positions of|(?-u:\b)(?:struck|hit|shelled|bombed|attacked|raided|stormed|ambushed|detained|arrested|captured|apprehended|shot down|brought down|downed|intercepted|suppressed|neutrali[sz]ed))\s+(?:the\s+|an?\s+)?(?:positions of\s+(?:the\s+)?)?(?:\w+\s+){0,1}$",
    )
});

static PATIENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s*(?:['’]s?\s+)?(?:\s*(?:army|armed forces|units?|military)\s*)?(?:positions?|posts?|border detachments|outposts?|servicem[ae]n|soldiers?|personnel|were|was|have been|has been|suffered|lost)(?-u:\b)",
    )
});

/// After a weapon's label, the passive of stopping it: "(drone) over our positions was
/// neutralised", "(missiles) were intercepted".
static STOPPED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[^.;]{0,160}?(?-u:\b)(?:was|were|had been|has been|have been)\s+(?:successfully\s+)?(?:shot down|brought down|downed|intercepted|neutrali[sz]ed|destroyed|suppressed|jammed|forced to land)(?-u:\b)",
    )
});

/// Before a weapon's label, a verb of stopping it: "air defences destroyed six
/// (Ukrainian drones)", "shot down an (Indian quadcopter)".
static STOPPED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:shot down|brought down|downed|intercepted|destroyed|neutrali[sz]ed|suppressed|jammed)\s+(?:[\w-]+\s+){0,2}$",
    )
});

/// "a quadcopter of the (Armenian armed forces)": the owner of a weapon named just before.
static WEAPON_OF: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:drones?|quadcopters?|UAVs?|unmanned aerial vehicles?|aircraft|missiles?|rockets?)\s+(?:belonging to|of)\s+(?:the\s+)?$",
    )
});

/// A verb of stopping a few words before: "intercepted a drone of the".
static STOPPED_WELL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:shot down|brought down|downed|intercepted|destroyed|neutrali[sz]ed|suppressed|jammed)\s+(?:[\w-]+\s+){0,6}$",
    )
});

/// "a building used by (Hezbollah)": the owner of what was hit.
static OWNED_BY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:used|operated|run|occupied|controlled|held|owned) by\s+(?:the\s+)?$|(?-u:\b)belonging to\s+(?:the\s+)?$",
    )
});

/// "the information spread by the Azerbaijani side that ...": the side a claim comes
/// from, not one that acted.
static CLAIM_BY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:(?:information|reports?|claims?|allegations?|statements?|news|disinformation|misinformation)\s+(?:(?:spread|disseminated|circulated|made|voiced|issued|released|published|put forward)\s+)?|(?:spread|disseminated|circulated|voiced|put forward)\s+)by\s+(?:the\s+)?$",
    )
});

/// After a side, its repelling an attack: that side was attacked ("the army and allied
/// forces repelled an RSF attack").
static REPELLED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:\s+(?:and\s+(?:allied|its|their)\s+)?(?:forces|troops|units|fighters|militias?|guards|army|soldiers|servicemen))*\s+(?:have\s+|has\s+|had\s+|successfully\s+)*(?:repelled|repulsed|beat back|fought off|pushed back)\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+|multiple\s+)?(?:[\w-]+\s+){0,2}?(?:attacks?|assaults?|offensives?|counter-?attacks?|attempts?|raids?|advances?)(?-u:\b)",
    )
});

/// After a side, its answering fire: "(the Indian Army) said it had only responded to
/// unprovoked fire".
static RESPONDED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:['’]s)?(?:\s+(?:troops|forces|army|units|soldiers))?\s+(?:(?:says|said|stated|claimed|maintained|insisted)\s+(?:(?:on|late on)\s+\w+\s+)?(?:that\s+)?(?:it|its\s+(?:troops|forces|soldiers|units)|they)\s+)?(?:had\s+|has\s+|have\s+)?(?:only\s+)?(?:responded|retaliated|reacted)\s+to(?-u:\b)",
    )
});

/// Last words of an actor label that name an act or a weapon of its bearer.
const ACT_LABELS: &[&str] = &[
    "shelling",
    "shells",
    "shell",
    "attack",
    "attacks",
    "counterattack",
    "counterattacks",
    "counter-attack",
    "counter-attacks",
    "assault",
    "assaults",
    "fire",
    "sniper",
    "drone",
    "drones",
    "quadcopter",
    "quadcopters",
    "uav",
    "uavs",
    "aerial vehicle",
    "aerial vehicles",
    "provocation",
    "aggression",
    "strike",
    "strikes",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "bombardment",
    "bomb",
    "bombs",
];

/// The role of `m` in sentence `s`.
pub fn role_of(s: &str, m: &ActorMention) -> Role {
    let before = sitrep_core::tail(&s[..m.span.start], 80);
    let after = &s[m.span.end..];
    let label = &s[m.span.start..m.span.end].to_lowercase();
    // A label naming an act or a weapon is its author: "Azerbaijani shelling",
    // "an Israeli strike", "Russian missiles".
    let act = ACT_LABELS.iter().any(|w| label.ends_with(w));
    if TAKEN_FROM.is_match(before) || OWNED_BY.is_match(before) && !act {
        return Role::Patient;
    }
    if CLAIM_BY.is_match(before) {
        return Role::Unclear;
    }
    // "an Armenian drone ... was shot down by ...": the side whose weapon was stopped.
    if act && (STOPPED_AFTER.is_match(after) || STOPPED_BEFORE.is_match(before)) {
        return Role::Patient;
    }
    if WEAPON_OF.is_match(before)
        && (STOPPED_AFTER.is_match(after) || STOPPED_WELL_BEFORE.is_match(before))
    {
        return Role::Patient;
    }
    // "Kyrgyz border guards repelled an attack by Tajik forces", "the Indian Army said
    // it had responded to Pakistani fire": the side attacked.
    if !act
        && (REPELLED_AFTER.is_match(after)
            || RESPONDED_AFTER.is_match(after)
            || sitrep_recognise::actors::says_it_repelled(after))
    {
        return Role::Patient;
    }
    if act || AGENT_BEFORE.is_match(before) || says_it_acted(after) {
        return Role::Agent;
    }
    // "were killed when Pakistani troops shelled ...": a new clause begins, so the
    // verb before it has no hold on the actor.
    let clause_start = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "when" | "as" | "after" | "while" | "and" | "but" | "since" | "because" | "before"
            )
        });
    if PATIENT_BEFORE.is_match(before) && !clause_start {
        return Role::Patient;
    }
    // "Tajik military personnel opened fire": acting troops, not victims.
    if AGENT_AFTER.is_match(after) {
        return Role::Agent;
    }
    // A label that ends in a victim noun is a patient ("Four Armenian soldiers have been killed").
    if PATIENT_AFTER.is_match(after) || label.ends_with("positions") || label.ends_with("posts") {
        return Role::Patient;
    }
    // "the units of X in the direction of P launched ...": X acts from P.
    if ACTOR_AT.is_match(after) {
        return Role::Agent;
    }
    if AGENT_AFTER.is_match(after) {
        return Role::Agent;
    }
    Role::Unclear
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_recognise::actors::ActorFinder;
    use sitrep_recognise::countries::StaticCountries;

    fn roles(s: &str) -> Vec<(String, Role)> {
        let f = ActorFinder::new(&StaticCountries::sample());
        f.find(s)
            .into_iter()
            .map(|m| (m.name.clone(), role_of(s, &m)))
            .collect()
    }

    #[test]
    fn the_side_a_claim_comes_from_did_not_act() {
        let r = roles("The ministry denied the claims made by the Azerbaijani side that Armenian units had fired on the village.");
        assert_eq!(r[0].1, Role::Unclear, "{r:?}");
        assert_eq!(r[1].1, Role::Agent, "{r:?}");
        let r = roles("The village came under fire by the Azerbaijani side.");
        assert_eq!(r[0].1, Role::Agent, "{r:?}");
    }

    #[test]
    fn active_passive_and_possessive() {
        let r = roles("Armenian units opened fire on the Azerbaijani army positions.");
        assert_eq!(r[0].1, Role::Agent);
        assert_eq!(r[1].1, Role::Patient);
        let r = roles("The positions of the Azerbaijani army were subjected to fire from the positions of the Armenian armed forces.");
        assert_eq!(
            r[0],
            ("Military Forces of Azerbaijan".to_string(), Role::Patient)
        );
        assert_eq!(
            r[1],
            ("Military Forces of Armenia".to_string(), Role::Agent)
        );
        let r = roles("Two Armenian soldiers were killed after Azerbaijani shelling.");
        assert_eq!(r[0].1, Role::Patient);
        assert_eq!(r[1].1, Role::Agent);
    }

    #[test]
    fn a_speaker_who_says_it_acted_is_the_agent() {
        let r = roles("Azerbaijan says it shelled the positions near the border.");
        assert_eq!(
            r[0],
            ("Military Forces of Azerbaijan".to_string(), Role::Agent)
        );
        let r = roles("Armenia said its forces had returned fire.");
        assert_eq!(r[0].1, Role::Agent);
        // Not an act of its own: the speaker reports what was done to it.
        let r = roles("Armenia said its positions came under fire.");
        assert!(r.iter().all(|(_, role)| *role != Role::Agent), "{r:?}");
    }

    #[test]
    fn an_army_named_with_its_aircraft_acted() {
        let r = roles("An Azerbaijani army Sukhoi jet bombed Armenian positions.");
        assert_eq!(
            r[0],
            ("Military Forces of Azerbaijan".to_string(), Role::Agent)
        );
        assert_eq!(
            r[1],
            ("Military Forces of Armenia".to_string(), Role::Patient)
        );
    }

    #[test]
    fn a_drone_stopped_by_the_means_of_an_army() {
        let r = roles("A quadcopter of the Armenian armed forces that tried to fly over the positions of our units in the direction of the village was neutralised by the special means of the Azerbaijan Army.");
        assert_eq!(
            r[0],
            ("Military Forces of Armenia".to_string(), Role::Patient)
        );
        assert_eq!(
            r[1],
            ("Military Forces of Azerbaijan".to_string(), Role::Agent)
        );
    }

    #[test]
    fn a_speaker_who_says_it_repelled_an_attack_was_attacked() {
        let r = roles("Armenia's military said its forces had repelled 12 Azerbaijani assaults.");
        assert_eq!(
            r[0],
            ("Military Forces of Armenia".to_string(), Role::Patient)
        );
        assert_eq!(
            r[1],
            ("Military Forces of Azerbaijan".to_string(), Role::Agent)
        );
    }
}
