//! Event triggers: the words that say something happened, mapped to the kind of
//! interaction they name (CODEBOOK §4).

use std::sync::LazyLock;

use regex::{Regex, RegexSet};
use sitrep_core::Span;

use crate::pattern::{regex, regex_set};

/// What a trigger says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TriggerKind {
    /// Gunfire, "subjected to fire", "opened fire", ceasefire violations.
    Fire,
    /// Clashes, fighting, exchanges of fire, skirmishes.
    Clash,
    /// Shelling, artillery, mortar, rocket or missile fire.
    Shelling,
    /// Air or drone strike.
    AirStrike,
    /// Mines and IEDs.
    Explosive,
    /// Hand grenades.
    Grenade,
    /// A weapon use stopped: drone suppressed or shot down, attack foiled, mine defused.
    Disrupted,
    /// Detentions.
    Arrest,
    /// Abductions.
    Abduction,
    /// State forces take heights, villages or positions.
    Seize,
    /// New positions or fortifications.
    Fortify,
    /// Mobilisation, build-ups, works stopped.
    Mobilise,
    /// Ceasefires, truces, exchanges of prisoners.
    Agreement,
    /// A generic attack or provocation.
    Attack,
    /// Retaliation ("retaliatory measures", "returned fire").
    Retaliation,
    /// Damage or impacts recorded at places.
    Damage,
    /// Property destroyed on purpose: houses blown up, demolished, set on fire.
    Destroy,
    /// Demonstrations: protests, rallies, road blockades.
    Protest,
    /// Riots: stone-throwing, rioting crowds.
    Riot,
}

impl TriggerKind {
    /// True for kinds that are violence (as opposed to strategic developments).
    pub fn is_violent(self) -> bool {
        !matches!(
            self,
            TriggerKind::Disrupted
                | TriggerKind::Arrest
                | TriggerKind::Seize
                | TriggerKind::Fortify
                | TriggerKind::Mobilise
                | TriggerKind::Agreement
                | TriggerKind::Damage
                | TriggerKind::Destroy
                | TriggerKind::Protest
        )
    }
}

/// A trigger found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// Bytes of the trigger words.
    pub span: Span,
    /// What it names.
    pub kind: TriggerKind,
    /// True when the words are negated or hypothetical ("did not carry out any attack").
    pub negated: bool,
}

/// The trigger table: each kind with its pattern, and a set of all the patterns
/// that tells in one pass which kinds a sentence has at all.
struct Patterns {
    kinds: Vec<(TriggerKind, Regex)>,
    any: RegexSet,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    use TriggerKind::*;
    let table: &[(TriggerKind, &str)] = &[
        (
            Riot,
            r"(?-u:\b)(?:riot(?:s|ed|ing|ers)?|lynch(?:ed|ing)|mobs? (?:of [\w-]+ )?(?:lynched|beat|attacked|killed|stoned|burned|torched|stormed|ransacked|set fire)|threw stones|throwing stones|stone[- ]throwing|stone[- ]pelting|pelted (?:[\w-]+ ){0,3}?with stones)(?-u:\b)",
        ),
        (
            Protest,
            r"(?-u:\b)(?:protest(?:ed|s|ing)?|protesters|demonstrat(?:ed|ions?|ors)|(?:held|staged|organi[sz]ed|joined) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:rally|rallies|march|picket|sit-in)|rallied|took to the streets|blocked (?:the|a) (?:[\w-]+ )?(?:road|highway|street|bridge)|(?:gathered|assembled|marched) (?:[\w,'’-]+ ){0,8}?(?:demanding|to demand|to protest|in protest|calling for|to call for|chanting)|marched (?:through|to|on) (?:the )?(?:[\w-]+ )?(?:streets?|town hall|city hall|governor's office|parliament))(?-u:\b)",
        ),
        (
            Destroy,
            r"(?-u:\b)(?:blew up|blown up|demolished|bulldozed|razed|torched|set fire to|set on fire|burned down|burnt down)\s+(?:an? |the |several |dozens of |a number of |\w+ )?(?:[\w-]+ ){0,2}?(?:houses?|homes?|buildings?|shops?|properties|property|dwellings?|residential buildings?|cabinets?|vehicles?|cars?|trucks?|locomotives?|trains?|railway lines?|rail tracks?|substations?|transformers?|towers?|equipment)(?-u:\b)|(?-u:\b)(?:houses?|homes?|buildings?|shops?)(?: [\w-]+){0,4} (?:were|was) (?:blown up|demolished|bulldozed|razed|torched|set on fire|burned down|burnt down)(?-u:\b)",
        ),
        (
            Disrupted,
            r"(?:was|were|been|being)\s+(?:suppressed|shot down|neutrali[sz]ed|intercepted|downed|destroyed in the air|destroyed (?:by (?:[\w-]+ ){1,6}?)?over)|(?-u:\b)(?:suppressed|shot down|brought down|intercepted|downed|neutrali[sz]ed|defused|foiled|thwarted|prevented)(?-u:\b)|(?-u:\b)destroyed (?:\w+ ){0,3}?(?:drones?|UAVs?|quadcopters?|missiles?|rockets?|unmanned aerial vehicles?)(?: \w+)? (?:over|in the air|in the sky)(?-u:\b)",
        ),
        (
            Arrest,
            r"(?-u:\b)(?:detained|arrested|apprehended|taken (?:into custody|prisoner)|captured (?:an? |the |two |three |four |five |\d+ )?(?:[\w-]+ ){0,2}?(?:soldiers?|servicem[ae]n|saboteurs?|residents?|civilians?|shepherds?|farmers?|villagers?|m[ae]n|wom[ae]n|people|persons?|insurgents?|militants?|fighters?|suspects?)|(?:residents?|shepherds?|farmers?|civilians?|villagers?|servicem[ae]n|soldiers?|m[ae]n|wom[ae]n)(?: [\w,'’-]+){0,10}? (?:was|were|had been|has been) captured)(?-u:\b)",
        ),
        (
            Abduction,
            r"(?-u:\b)(?:abducted|kidnapped|abduction|kidnapping|(?:seized|snatched|grabbed) (?:an? |the |two |three |several )?(?:[\w-]+ ){0,2}?(?:shepherds?|farmers?|residents?|civilians?|villagers?|citizens?|fishermen|fisherman|people|person|m[ae]n|wom[ae]n|boys?|girls?))(?-u:\b)",
        ),
        (
            Seize,
            r"(?-u:\b)(?:seized control|took control|taken control|gained control|took (?:up )?positions on|captured|regained control|(?:has |have |had |was |were )liberated|(?:forces|troops|army|units|soldiers|servicemen|military|fighters|militants|rebels|battalions?|brigades?) (?:have |had |also |reportedly )?liberated|seized|recaptured|retook|retaken)(?-u:\b)",
        ),
        (
            Fortify,
            r"(?-u:\b)(?:fortification|fortifications|engineering work|established a (?:new )?(?:border )?checkpoint|set up (?:new )?positions|(?:set up|built|established|dug|dig(?:ging)?) (?:an? |two |several )?(?:new )?(?:combat |military |firing |observation |forward )?(?:positions?|posts?|outposts?|bases?|trenches|dugouts?)|dig(?:ging)? trenches|new combat positions)(?-u:\b)",
        ),
        (
            Mobilise,
            r"(?-u:\b)(?:mobili[sz]ation|mobili[sz]ed|build(?:ing)?[- ]up|concentrating|assembling|amassing|reinforcements?)(?-u:\b)",
        ),
        (
            Agreement,
            r"(?-u:\b)(?:agreed (?:to|on) a (?:ceasefire|truce)|(?:complete |full )?cessation of hostilities|agreed (?:on )?(?:a |an |the )?(?:ceasefire|truce|mutual withdrawal|withdrawal|disengagement)|agreed to (?:withdraw|pull back|pull out|disengage|cease fire|stop firing|observe the ceasefire|restore the ceasefire)|(?:signed|reached) (?:a|an) (?:ceasefire|truce|agreement)|prisoner exchange|prisoner swap|exchange of prisoners|(?:exchanged|swapped) (?:[\w-]+ ){0,3}?(?:prisoners|detainees|captives|servicem[ae]n|soldiers|POWs)|handed over)(?-u:\b)",
        ),
        (
            AirStrike,
            r"(?i:(?-u:\b)(?:air ?strikes?|airstrikes?|air raids?|drone (?:attacks?|strikes?)|(?:UAV|unmanned aerial vehicle)(?: \(drone\))? attacks?|attack drones?|kamikaze drones?|drop(?:s|ped|ping)? (?:(?:an? )?explosives?|(?:an? )?explosive devices?|(?:an? )?(?:[\w-]+ ){0,2}bombs?|(?:a |two |three )?grenades?)|bombed|bombing|struck by (?:a )?drones?|(?:launched|sent|flew) (?:an? |\d+ |two |three |several |dozens of |a (?:swarm|wave|squadron) of )?(?:(?:attack|kamikaze|suicide|explosive-laden|armed|assault) )?(?:drones?|UAVs?) (?:at|on|against|toward|towards|into)|(?:explosive-laden|kamikaze|suicide|attack) drones? (?:hit|struck|exploded|crashed))(?-u:\b)|(?:^|(?-u:\b)(?:an?|the|in|by|out|conducted|launched|several|two|three|multiple|new|more|series of)\s+)(?:(?-i:[A-Z])[\w-]+\s+)?strikes?(?-u:\b)(?:\s+(?:on|against|near|in|at|that|which|targeting|hit|killed|wounded)(?-u:\b)|\s*[,.;]))",
        ),
        (
            Explosive,
            r"(?-u:\b)(?:mine explosion|landmine|land mine|roadside bombs?|car bombs?|improvised bombs?|bomb blasts?|bomb exploded|stepped on (?:a|an) (?:[\w-]+ )?mine|(?:hit|struck|ran over|drove over) (?:a|an) (?:[\w-]+ )?mine|IED|improvised explosive|explosive device|blew up|exploded|detonated)(?-u:\b)",
        ),
        (
            Grenade,
            r"(?-u:\b)(?:threw (?:a )?(?:hand )?grenades?|grenade attack)(?-u:\b)",
        ),
        (
            Shelling,
            r"(?-u:\b)(?:shell(?:ed|ing|s)?|shelling attacks?|pounded|(?:artillery|missile|rocket) (?:fire|strikes?|attacks?)|mortar (?:fire|shelling|attacks?)|fired (?:(?:an? )?(?:barrage|salvo|volley|series|number|dozens?|hundreds?) of |\d+ |\w+ )(?:[\w-]+ ){0,2}?(?:shells|rockets|missiles|mortars|mortar rounds|projectiles)|rockets? (?:were |was )?(?:fired|launched)|missiles? (?:were |was )?(?:fired|launched)|mortars? (?:were |was )?(?:fired|launched)|bombard(?:ed|ment)|explosions? (?:were |was )?(?:recorded|registered)|launched (?:\w+ )?(?:rockets|missiles|shelling attacks))(?-u:\b)",
        ),
        (
            Clash,
            r"(?-u:\b)(?:clash(?:es|ed)?|skirmish(?:es)?|fighting|fought|firefights?|exchanges? of fire|exchanged fire|gun ?battles?|gunfights?|hostilities|shoot-?outs?|offensive|cross-border fire|border conflict|(?:in|during) an encounter|(?:was|were) (?:repelled|repulsed)|(?:repelled|repulsed) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:attacks?|counter-?attacks?|assaults?|attempts?|offensives?|infiltrations?)|encounters? (?:with|between|broke out|took place))(?-u:\b)",
        ),
        (
            Retaliation,
            r"(?-u:\b)(?:retaliatory (?:measures|actions?|fire|operation)|returned fire|retaliated|response measures|counter-?attack(?:ed)?)(?-u:\b)",
        ),
        (
            Fire,
            r"(?-u:\b)(?:used (?:[\w-]+ ){0,3}(?:mortars?|artillery|rockets?|drones?|UAVs?|missiles?|weapons|small arms|grenade launchers?|tanks?|machine guns?|howitzers?)|fire (?:was |had been )?opened|subjected to (?:intensive )?fire|subjected [^.;:]{3,140}? to (?:intensive |heavy )?(?:[\w-]+ ){0,2}?fire|subjecting to fire|opened (?:(?:intensive|heavy|unprovoked|indiscriminate|intense|sporadic|intermittent|random|automatic|sniper|small[- ]arms|machine[- ]gun|mortar|artillery|rifle) ){0,2}fire|open(?:ing)? (?:(?:unprovoked|indiscriminate|heavy) )?fire|(?:responded|retaliated) to (?:the |an? )?(?:[\w-]+ ){0,3}?(?:fire|firing|shelling|attack)|fired (?:on|at|upon|toward|towards)|fired|firing|shooting|shot at|ceasefire violations?|violat(?:ed|ing|ion of) (?:the )?(?:ceasefire|truce)|gunfire|sniper fire|were shot|was shot|shot dead|(?:fatally|mortally) wounded by (?:an? |the )?(?:[\w-]+ )?sniper|(?:came|come|comes|were|was) under (?:[\w-]+ ){0,2}fire|(?:was|were) hit by (?:[\w-]+ ){0,2}fire|targeted)(?-u:\b)",
        ),
        (
            Attack,
            r"(?-u:\b)(?:attack(?:ed|s|ing)?|advance|struck|provocations?|assault(?:ed)?|raid(?:s|ed)?|ambush(?:ed)?|stormed|incursion|infiltrat(?:ed|ion)|sabotage|(?:was|were|been) (?:killed|wounded|injured|martyred)|lost (?:their|his|her) lives|martyring|destroyed (?:an? |the )?(?:[\w-]+ ){0,3}?(?:depots?|warehouses?|command posts?|launchers?|radars?|headquarters|tanks?|armou?red vehicles?|howitzers?)|(?:killed|wounded|injured|shot dead|gunned down|beheaded|executed|massacred|murdered|abducted and killed) (?:at least |up to |more than |some |about )?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens of) (?:[\w-]+ ){0,2}(?:militants|insurgents|terrorists|rebels|fighters|gunmen|soldiers|servicem[ae]n|troops|civilians|villagers|policem[ae]n|border guards|militant|insurgent|terrorist|rebel|fighter|soldier|civilian|villager|policeman|border guard|men|women|people|persons|residents|children|man|woman|person|resident|child|boy|girl|infiltrators?|intruders?|fisherm[ae]n|farmers?|herders?|herdsm[ae]n|shepherds?|traders?|worshippers?|vigilantes?|jihadists?|suspects?|drivers?|passengers?|students?|teachers?|workers?|miners?|hunters?|members|peacekeepers?|gendarmes?|officers?|police officers?|guards?))(?-u:\b)",
        ),
        (
            Damage,
            r"(?-u:\b)(?:damage was recorded|were damaged|was damaged|landed in|hit (?:a|an|the|two|three|several) |hit (?-i:[A-Z])|(?:was|were) hit by|fell (?:in|on|near)|landed (?:near|close to))",
        ),
    ];
    let sources: Vec<String> = table.iter().map(|(_, p)| format!("(?i){p}")).collect();
    Patterns {
        kinds: table
            .iter()
            .zip(&sources)
            .map(|((k, _), p)| (*k, regex(p)))
            .collect(),
        any: regex_set(&sources),
    }
});

/// Words that make a trigger a reference to an earlier act ("in response to the
/// strike"), not one the sentence reports.
static RESPONSE_TO: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:in (?:response|retaliation|reply|revenge) (?:to|for)|retaliation for|revenge for|to avenge)\s+(?:the\s+|an?\s+|this\s+|that\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}$",
    )
});

static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:not|never|no|denied|deny|denies|without|could|would|may|might|threaten(?:ed|s)? to)\s+(?:\w+\s+){0,3}$|(?-u:\b)(?:denied|deny|denies|rejected|refuted)\s+(?:claims?\s+|reports?\s+)?that\s+(?:[\w'’-]+\s+){0,6}$|(?-u:\b)no\s+(?:information|knowledge|record|confirmation)\s+(?:about|of|on)\s+(?:any\s+)?$",
    )
});

/// Every trigger in a sentence, in order, overlapping ones resolved to the
/// earliest table entry (more specific kinds come first).
pub fn find_triggers(sentence: &str) -> Vec<Trigger> {
    let mut found: Vec<Trigger> = Vec::new();
    let present = PATTERNS.any.matches(sentence);
    for (kind, re) in present.iter().map(|i| &PATTERNS.kinds[i]) {
        for m in re.find_iter(sentence) {
            let span = Span::new(m.start(), m.end());
            if found.iter().any(|t| t.span.overlaps(&span)) {
                continue;
            }
            let before = sitrep_core::tail(&sentence[..m.start()], 80);
            let negated = NEGATION.is_match(before) || RESPONSE_TO.is_match(before);
            found.push(Trigger {
                span,
                kind: *kind,
                negated,
            });
        }
    }
    found.sort_by_key(|t| t.span.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<TriggerKind> {
        find_triggers(s).into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn finds_the_genre_s_triggers() {
        use TriggerKind::*;
        assert_eq!(
            kinds("Armenian units subjected to fire the positions near Kut."),
            vec![Fire]
        );
        assert_eq!(
            kinds("A quadcopter was suppressed over the positions."),
            vec![Disrupted]
        );
        assert_eq!(
            kinds("The army launched a UAV attack on the post."),
            vec![AirStrike]
        );
        assert_eq!(
            kinds("Six saboteurs were detained in the forest."),
            vec![Arrest]
        );
        assert_eq!(
            kinds("Government forces liberated the town of Eastbrook on Saturday."),
            vec![Seize]
        );
        assert_eq!(
            kinds("Residents of the liberated territories returned home."),
            vec![]
        );
        assert_eq!(
            kinds("Mortar fire hit the village."),
            vec![Shelling, Damage]
        );
        assert_eq!(
            kinds("Our units took retaliatory measures."),
            vec![Retaliation]
        );
    }

    #[test]
    fn marks_negated_and_attempted_triggers() {
        let t = find_triggers("The ministry said its army did not carry out any attack.");
        assert!(t[0].negated);
        let t = find_triggers("Units attempted to install long-term fortification devices.");
        assert_eq!(t[0].kind, TriggerKind::Fortify);
        assert!(!find_triggers("Units opened fire on the post.")[0].negated);
    }
}
