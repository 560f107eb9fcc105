//! The ACLED sub-event type of a sentence's interaction (CODEBOOK §4).

use std::sync::LazyLock;

use regex::Regex;
use sitrep_core::SubEventType;
use sitrep_recognise::pattern::regex;
use sitrep_recognise::triggers::{Trigger, TriggerKind};

/// What follows a verb of seizing when ground is taken: a place name or a place word.
static TERRITORY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\s+(?:full\s+)?(?:control\s+)?(?:(?:of|over)\s+)?(?:the\s+)?(?:(?:more than|over|at least|about|some|nearly)\s+)?(?:\d+\s+)?(?:\p{Ll}[\w'’-]*\s+){0,2}(?:(?i:villages?|towns?|city|settlements?|heights?|hills?|positions?|(?:combat\s+|military\s+)?(?:out)?posts?|strongholds?|territory|district|area|outskirts|headquarters|base|barracks|garrison)(?-u:\b)|\p{Lu})",
    )
});

/// A fired projectile: "a shell", "mortar rounds", "a rocket".
static PROJECTILE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:shells?|mortar (?:rounds?|bombs?|shells?)|mortars?|rockets?|missiles?|projectiles?|artillery rounds?)(?-u:\b)",
    )
});

/// An exchange of prisoners, whatever the detainees are called.
static EXCHANGE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:exchanged|swapped|exchange of|swap of) (?:[\w-]+ ){0,3}?(?:prisoners|detainees|captives|servicem[ae]n|soldiers|POWs)(?-u:\b)|prisoner (?:exchange|swap)",
    )
});

/// "the fire was suppressed": the return fire of a clash, not a weapon stopped.
static FIRE_SUPPRESSED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)fire (?:was|were|had been|has been) (?:immediately |promptly )?suppressed|suppressed (?:the |their |its |this )?(?:enemy(?:'s)? )?fire(?-u:\b)",
    )
});

/// People in numbers: who demonstrates or riots (a ministry that "protested" does not).
static CROWD: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:people|residents|villagers|locals|protesters|demonstrators|rioters|crowds?|hundreds|thousands|dozens|farmers|students|women|activists|workers|traders|families|youths?|mob|citizens|inhabitants|group of [\w-]+|men)(?-u:\b)",
    )
});

/// Police or troops stepping in: the protest meets an intervention.
static INTERVENTION: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:dispersed|tear ?gas|water cannons?|rubber bullets|broke up|detained|arrested|batons?)(?-u:\b)",
    )
});

/// What a crowd protests about, before the act it names.
static CAUSE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:condemn\w*|denounc\w*|protest\w*|against|over|mourn\w*|demand\w* justice for)\s+(?:the\s+)?(?:recent\s+)?$",
    )
});

/// Protesters killed or shot by the forces facing them.
static EXCESSIVE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:opened fire on|fired (?:live (?:ammunition|rounds) )?(?:on|at|into)|shot dead|killed|killing)(?-u:\b)",
    )
});

/// A demonstration or riot by people in numbers, when no armed violence is told with
/// it: stones thrown make a riot; protesters shot at, excessive force; dispersed or
/// detained, a protest with intervention; else a peaceful protest.
fn demonstration(triggers: &[Trigger], sentence: &str) -> Option<SubEventType> {
    use TriggerKind::*;
    let has = |k: TriggerKind| triggers.iter().any(|t| t.kind == k && !t.negated);
    if !(has(Riot) || has(Protest)) || !CROWD.is_match(sentence) {
        return None;
    }
    let armed = triggers.iter().any(|t| {
        !t.negated
            && matches!(
                t.kind,
                Shelling | AirStrike | Explosive | Grenade | Clash | Disrupted | Seize
            )
    });
    if armed {
        return None;
    }
    Some(if has(Riot) {
        if sentence.to_lowercase().contains("mob") {
            SubEventType::MobViolence
        } else {
            SubEventType::ViolentDemonstration
        }
    } else if EXCESSIVE.find_iter(sentence).any(|m| {
        // "to condemn the killing of civilians": the cause, not the crowd's fate.
        !CAUSE.is_match(sitrep_core::tail(&sentence[..m.start()], 40))
    }) {
        SubEventType::ExcessiveForce
    } else if INTERVENTION.is_match(sentence) {
        SubEventType::ProtestWithIntervention
    } else {
        SubEventType::PeacefulProtest
    })
}

/// Chooses the sub-event type from a sentence's (non-negated) triggers, the
/// weapons it names and whether the other side is civilians. `None` when the
/// triggers name no event.
pub fn classify(
    triggers: &[Trigger],
    weapons: &[&str],
    sentence: &str,
    civilian_target: bool,
) -> Option<SubEventType> {
    use TriggerKind::*;
    let has = |k: TriggerKind| triggers.iter().any(|t| t.kind == k && !t.negated);
    if let Some(sub) = demonstration(triggers, sentence) {
        return Some(sub);
    }
    let attempted =
        triggers.iter().any(|t| t.negated) || sentence.to_lowercase().contains("attempt");
    let w = |n: &str| weapons.contains(&n);
    let heavy = w("artillery") || w("mortar") || w("rocket") || w("missile") || w("tank");
    let light = w("small arms") || w("machine gun") || w("sniper") || w("grenade launcher");
    let lower = sentence.to_lowercase();
    // A weapon stopped: a drone or missile downed, a mine defused, an attack foiled.
    // Positions "neutralised by artillery" are shelled; an infiltration foiled in a
    // firefight that killed its men is a clash.
    // "About 10 rockets were fired at Baram; some were intercepted and the rest fell
    // in open areas": the barrage is the event, its interception a part of it.
    let partly = [
        "some ", "most ", "several ", "part of", "the rest", "others", "one was",
    ]
    .iter()
    .any(|k| lower.contains(k));
    if has(Disrupted) && has(Shelling) && partly {
        return Some(SubEventType::Shelling);
    }
    if has(Disrupted) {
        let weapon_stopped =
            w("drone") || w("missile") || w("rocket") || w("aircraft") || w("landmine");
        let foiled = [
            "attack",
            "attempt",
            "infiltration",
            "provocation",
            "sabotage",
            "plot",
        ]
        .iter()
        .any(|k| lower.contains(k));
        let deadly = lower.contains("killed") || lower.contains("killing");
        if !weapon_stopped && has(Fire) && FIRE_SUPPRESSED.is_match(sentence) {
            return Some(SubEventType::ArmedClash);
        }
        if weapon_stopped || foiled && !deadly {
            return Some(SubEventType::DisruptedWeaponsUse);
        }
        if foiled && deadly {
            return Some(SubEventType::ArmedClash);
        }
        if !heavy {
            return Some(SubEventType::DisruptedWeaponsUse);
        }
        return Some(SubEventType::Shelling);
    }
    // "exchanged two detained servicemen": the exchange, not the detention.
    if (has(Agreement) || has(Arrest)) && EXCHANGE.is_match(sentence) {
        return Some(SubEventType::Agreement);
    }
    // "an agreement on the complete cessation of hostilities was reached": the
    // hostilities are what the agreement ends.
    if has(Agreement)
        && (lower.contains("cessation of hostilities") || lower.contains("ceasefire agreement"))
    {
        return Some(SubEventType::Agreement);
    }
    if has(Arrest) {
        return Some(SubEventType::Arrests);
    }
    if has(Abduction) {
        return Some(SubEventType::Abduction);
    }
    if has(Seize)
        && (has(Fire)
            || has(Clash)
            || has(Attack)
            || has(Retaliation)
            || lower.contains("heights")
            || lower.contains("positions"))
    {
        return Some(SubEventType::GovernmentRegainsTerritory);
    }
    // "recaptured Sinja", "seized the town of X" with no fighting named: still a
    // taking of territory (the assembler makes it a non-state group's when one acts).
    let takes_ground = triggers.iter().any(|t| {
        t.kind == Seize
            && !t.negated
            && TERRITORY_AFTER.is_match(sentence.get(t.span.end..).unwrap_or(""))
    });
    if takes_ground && !has(Shelling) && !has(AirStrike) {
        return Some(SubEventType::GovernmentRegainsTerritory);
    }
    // "a drone dropped an explosive device on a house": a drone strike. "A shell
    // exploded near her house": the shell's (a verb of exploding is no mine by itself).
    let projectile = PROJECTILE.is_match(sentence);
    let mine = triggers.iter().any(|t| {
        t.kind == Explosive
            && !(projectile
                && matches!(
                    sentence
                        .get(t.span.start..t.span.end)
                        .map(str::to_lowercase)
                        .as_deref(),
                    Some("exploded" | "detonated" | "blew up")
                ))
    });
    if mine && !(has(AirStrike) && w("drone")) {
        return Some(SubEventType::RemoteExplosive);
    }
    if has(Grenade) {
        return Some(SubEventType::Grenade);
    }
    // "A drone hit an apartment block": a weapon's impact is an act.
    let weapon_hit = has(Damage) && (heavy || w("drone") || w("aircraft"));
    let violent = has(Fire)
        || has(Clash)
        || has(Shelling)
        || has(AirStrike)
        || has(Attack)
        || has(Retaliation)
        || weapon_hit;
    if !violent {
        if has(Fortify) {
            return Some(
                if attempted || lower.contains("stopped") || lower.contains("prevented") {
                    SubEventType::Other
                } else {
                    SubEventType::HeadquartersEstablished
                },
            );
        }
        if has(Mobilise) {
            return Some(SubEventType::Other);
        }
        if has(Agreement) {
            return Some(SubEventType::Agreement);
        }
        if has(Destroy) {
            return Some(SubEventType::LootingPropertyDestruction);
        }
        return None;
    }
    // Aircraft that struck are an air strike even when what they hit is a weapon
    // ("fighter jets struck rocket launchers").
    let air = w("aircraft") && !has(Shelling) && !has(Clash);
    if has(AirStrike) || air || (w("drone") || w("aircraft")) && !light && !heavy && !has(Clash) {
        return Some(SubEventType::AirDroneStrike);
    }
    let shelling_word = has(Shelling);
    if heavy || shelling_word {
        // Ministry idiom: "shelled the positions" with no heavy weapon named, or mixed
        // calibres, or an exchange, is an armed clash.
        let positions_only = !heavy && (lower.contains("positions") || lower.contains("posts"));
        if light || has(Clash) || has(Retaliation) || positions_only {
            return Some(SubEventType::ArmedClash);
        }
        return Some(SubEventType::Shelling);
    }
    if civilian_target && !has(Clash) && !has(Retaliation) && !lower.contains("ceasefire") {
        return Some(SubEventType::Attack);
    }
    Some(SubEventType::ArmedClash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_recognise::{triggers::find_triggers, weapons::weapon_names};

    fn sub(s: &str) -> Option<SubEventType> {
        classify(&find_triggers(s), &weapon_names(s), s, false)
    }

    #[test]
    fn weapons_and_triggers_decide() {
        assert_eq!(
            sub("Units fired on the posts using small arms."),
            Some(SubEventType::ArmedClash)
        );
        assert_eq!(
            sub("Mortar shelling hit the village."),
            Some(SubEventType::Shelling)
        );
        // A verb of exploding is the projectile's; a mine is a mine.
        assert_eq!(
            sub("A shell exploded near her house, injuring a woman."),
            Some(SubEventType::Shelling)
        );
        assert_eq!(
            sub("An anti-tank mine exploded under a tractor."),
            Some(SubEventType::RemoteExplosive)
        );
        assert_eq!(
            sub("The army launched a drone attack on the base."),
            Some(SubEventType::AirDroneStrike)
        );
        assert_eq!(
            sub("A reconnaissance quadcopter was suppressed."),
            Some(SubEventType::DisruptedWeaponsUse)
        );
        assert_eq!(
            sub("Units shelled the positions of the army."),
            Some(SubEventType::ArmedClash)
        );
        assert_eq!(
            sub("Two saboteurs were detained."),
            Some(SubEventType::Arrests)
        );
        assert_eq!(sub("The talks resumed."), None);
        // What a crowd protests about is no force used on it.
        assert_eq!(
            sub("Hundreds of people staged a demonstration to condemn the killing of civilians."),
            Some(SubEventType::PeacefulProtest)
        );
        assert_eq!(
            sub("Police opened fire on protesters, killing two."),
            Some(SubEventType::ExcessiveForce)
        );
    }
}
