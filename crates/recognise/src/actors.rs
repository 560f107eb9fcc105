//! Actor mentions: partisan labels mapped to canonical names (CODEBOOK §5), the
//! general "Military Forces of <Country>" rule, non-state groups and civilians.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexSet};
use sitrep_core::Span;

use crate::countries::{Countries, CountryRef};
use crate::pattern::{regex, regex_set};

/// What sort of actor a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A state's military or border forces.
    State,
    /// A state's police.
    Police,
    /// A named non-state armed group.
    NonState,
    /// Peacekeepers.
    Peacekeepers,
    /// Civilians (country fixed later from the place).
    Civilians,
    /// An unnamed attacker.
    Unidentified,
    /// "the enemy": the side opposite the claimant.
    Enemy,
    /// "the army", "army aircraft": a state's army named without its country,
    /// resolved from the report.
    Army,
}

/// An actor named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// Bytes of the label.
    pub span: Span,
    /// Canonical name ("Military Forces of Armenia"); for civilians and the enemy,
    /// a placeholder completed by the assembler.
    pub name: String,
    /// ISO2 of the actor's country, when known.
    pub country: Option<String>,
    /// Sort of actor.
    pub kind: ActorKind,
    /// True when the label is only a country or capital name ("Pakistan violated").
    pub bare: bool,
    /// True for civilians named by their citizenship ("two citizens of Tajikistan"):
    /// their country stays theirs wherever the event is.
    pub nationals: bool,
}

/// The canonical name and country of the non-state group `name` is a label of, when
/// it is one as a whole ("Hezbollah", "Al-Shabaab", "Houthis").
pub fn non_state_group(name: &str) -> Option<(&'static str, Option<&'static str>)> {
    let n = name.trim();
    // "The Houthis said": the article is no part of the name.
    let n = n
        .strip_prefix("The ")
        .or_else(|| n.strip_prefix("the "))
        .unwrap_or(n);
    FIXED
        .labels
        .iter()
        .filter(|(_, _, _, kind)| *kind == ActorKind::NonState)
        .find(|(re, ..)| {
            re.find(n)
                .is_some_and(|m| m.start() == 0 && m.end() == n.len())
        })
        .map(|(_, group, cc, _)| (*group, *cc))
}

/// Canonical name of a state's forces.
pub fn military_of(country: &CountryRef) -> String {
    format!("Military Forces of {}", country.name)
}

/// Named groups and labels with fixed canonical names.
/// A fixed label: its pattern, canonical name, country and kind.
type FixedLabel = (Regex, &'static str, Option<&'static str>, ActorKind);

/// The fixed labels, and a set of their patterns that tells in one pass which
/// of them a sentence holds at all.
struct Fixed {
    labels: Vec<FixedLabel>,
    any: RegexSet,
}

static FIXED: LazyLock<Fixed> = LazyLock::new(|| {
    use ActorKind::*;
    let nk = "Nagorno-Karabakh Armenian forces";
    let rows: &[(&str, &str, Option<&str>, ActorKind)] = &[
        (
            r"(?i)illegal Armenian (?:armed )?(?:gangs?|detachments?|formations?|groups?|units?|militants?)",
            nk,
            Some("AZ"),
            NonState,
        ),
        (
            r"(?i)(?:Nagorno-)?Karabakh(?:'s|’s)? (?:Defen[cs]e Army|militias?|armed forces|forces|separatists)",
            nk,
            Some("AZ"),
            NonState,
        ),
        (
            r"(?i)Artsakh(?:'s|’s)? (?:Defen[cs]e Army|armed forces|forces)|Defen[cs]e Army of (?:Artsakh|Nagorno-Karabakh)|armed forces of (?:Nagorno-Karabakh|Artsakh)|(?:the )?Artsakh Defense Ministry|Defen[cs]e Ministry of Artsakh|(?-i:Defen[cs]e Army)",
            nk,
            Some("AZ"),
            NonState,
        ),
        (
            r"(?i)Russian peacekeep\w*(?: (?:forces?|contingent|troops|mission))?|(?:the )?peacekeeping (?:contingent|force|troops|mission)",
            "Russian peacekeeping forces",
            Some("RU"),
            Peacekeepers,
        ),
        (
            r"(?-u:\b)IDF(?-u:\b)|Israel Defen[cs]e Forces|Israeli Defen[cs]e Forces",
            "Military Forces of Israel",
            Some("IL"),
            State,
        ),
        (
            r"Border Security Force|(?-u:\b)BSF(?-u:\b)|Indian Army|Indian troops",
            "Military Forces of India",
            Some("IN"),
            State,
        ),
        (
            r"Hezbollah|Hizbollah|Hizbullah|Islamic Resistance(?: in Lebanon)?",
            "Hezbollah",
            Some("LB"),
            NonState,
        ),
        (r"(?-u:\b)Hamas(?-u:\b)", "Hamas", Some("PS"), NonState),
        (
            r"Islamic Jihad",
            "Palestinian Islamic Jihad",
            Some("PS"),
            NonState,
        ),
        (
            r"Rapid Support Forces|(?-u:\b)RSF(?-u:\b)",
            "Rapid Support Forces",
            Some("SD"),
            NonState,
        ),
        (
            r"Sudan(?:ese)? Armed Forces|(?-u:\b)SAF(?-u:\b)",
            "Military Forces of Sudan",
            Some("SD"),
            State,
        ),
        (
            r"Ethiopian National Defen[cs]e Force|Ethiopian Defen[cs]e Force",
            "Military Forces of Ethiopia",
            Some("ET"),
            State,
        ),
        (r"(?-u:\b)Taliban(?-u:\b)", "Taliban", None, NonState),
        (
            r"(?-u:\b)ISWAP(?-u:\b)|Islamic State(?:'s)? West Africa(?: Province)?",
            "Islamic State West Africa Province",
            Some("NG"),
            NonState,
        ),
        (
            r"Boko Haram|(?-u:\b)JAS(?-u:\b)",
            "Boko Haram",
            Some("NG"),
            NonState,
        ),
        (
            r"Civilian Joint Task Force|(?-u:\b)CJTF(?-u:\b)",
            "Civilian JTF",
            Some("NG"),
            NonState,
        ),
        (
            r"(?-u:\b)ELN(?-u:\b)|National Liberation Army \(ELN\)|Ej[eé]rcito de Liberaci[oó]n Nacional",
            "ELN: National Liberation Army",
            Some("CO"),
            NonState,
        ),
        (
            r"(?-u:\b)EMC(?-u:\b)|Estado Mayor Central|FARC dissidents",
            "EMC: Estado Mayor Central",
            Some("CO"),
            NonState,
        ),
        (
            r"Syrian Democratic Forces|(?-u:\b)SDF(?-u:\b)",
            "SDF: Syrian Democratic Forces",
            Some("SY"),
            NonState,
        ),
        (
            r"Hay['’]?at Tahrir al-Sham|(?-u:\b)HTS(?-u:\b)",
            "Hayat Tahrir al-Sham",
            Some("SY"),
            NonState,
        ),
        (
            r"Security Service of Ukraine|(?-u:\b)SBU(?-u:\b)",
            "Police Forces of Ukraine",
            Some("UA"),
            Police,
        ),
        (
            r"(?:(?-u:\b)US|U\.S\.) (?:[A-Z][\w-]*\s+){0,2}(?:forces|troops|military|warplanes|jets|fighter jets|aircraft|drones?|navy|Navy|Air Force|strikes?|destroyer|warship)|(?-u:\b)CENTCOM(?-u:\b)|(?:US|U\.S\.) Central Command",
            "Military Forces of the United States",
            Some("US"),
            State,
        ),
        (
            r"(?-u:\b)(?:ISIS|ISIL|Islamic State|Daesh)(?-u:\b)",
            "Islamic State",
            None,
            NonState,
        ),
        (
            r"(?-u:\b)Houthis?(?-u:\b)|Ansar Allah",
            "Houthis",
            Some("YE"),
            NonState,
        ),
        (
            r"(?i)(?-u:\b)al-Shabaa?b(?-u:\b)",
            "Al Shabaab",
            Some("SO"),
            NonState,
        ),
        (r"(?-u:\b)PKK(?-u:\b)", "PKK", None, NonState),
        (
            r"(?-u:\b)M23(?-u:\b)|March 23 Movement",
            "M23",
            Some("CD"),
            NonState,
        ),
        (
            r"(?-u:\b)JNIM(?-u:\b)|Jama['’]?at Nus?rat al-Islam wal-Muslimin|Group for (?:the )?Support of Islam and Muslims",
            "JNIM",
            None,
            NonState,
        ),
        (
            r"Allied Democratic Forces|(?-u:\b)ADF(?-u:\b)",
            "Allied Democratic Forces",
            Some("CD"),
            NonState,
        ),
        (r"Arakan Army", "Arakan Army", Some("MM"), NonState),
        (
            r"People['’]s Defen[cs]e Forces?",
            "People's Defence Force",
            Some("MM"),
            NonState,
        ),
        (
            r"(?-u:\b)FARDC(?-u:\b)",
            "Military Forces of Democratic Republic of the Congo",
            Some("CD"),
            State,
        ),
        (
            r"(?-u:\b)AFRICOM(?-u:\b)|(?:US|U\.S\.) Africa Command",
            "Military Forces of the United States",
            Some("US"),
            State,
        ),
        (
            r"Wagner Group|(?-u:\b)Wagner(?-u:\b)",
            "Wagner Group",
            Some("RU"),
            NonState,
        ),
        (r"(?i)(?-u:\b)(?:the )?enemy(?-u:\b)", "enemy", None, Enemy),
        (
            r"(?i)(?-u:\b)(?:police(?:m[ae]n| officers?| stations?| posts?| patrols?| checkpoints?| vehicles?| forces)?|policem[ae]n)(?-u:\b)",
            "Police Forces",
            None,
            Police,
        ),
        (
            r"(?i)(?-u:\b)(?:unknown|unidentified) (?:gunmen|assailants|attackers|persons)|(?-u:\b)(?:gunmen|militants|terrorists|militiamen|militias?|armed men|insurgents|jihadists|bandits|armed youths?)(?-u:\b)",
            "Unidentified Armed Group",
            None,
            Unidentified,
        ),
        (
            r"(?i)(?-u:\b)(?:civilians?|residents?|villagers?|people|persons?|woman|women|child(?:ren)?|boy|girl|farmers?|shepherds?|journalists|employees|citizens?|local residents)(?-u:\b)",
            "Civilians",
            None,
            Civilians,
        ),
    ];
    Fixed {
        labels: rows
            .iter()
            .map(|(p, n, c, k)| (regex(p), *n, *c, *k))
            .collect(),
        any: regex_set(rows.iter().map(|r| r.0)),
    }
});

/// Words that, after a demonym or country, make it a reference to armed forces.
const FORCE_NOUNS: &[&str] = &[
    "army",
    "armed forces",
    "forces",
    "force",
    "troops",
    "military",
    "units",
    "unit",
    "soldiers",
    "soldier",
    "servicemen",
    "serviceman",
    "side",
    "border guards",
    "border guard",
    "guards",
    "border service",
    "positions",
    "position",
    "posts",
    "post",
    "personnel",
    "formations",
    "detachments",
    "subdivisions",
    "sniper",
    "snipers",
    "shelling",
    "shells",
    "shell",
    "artillery",
    "attack",
    "attacks",
    "counterattack",
    "counterattacks",
    "counter-attack",
    "counter-attacks",
    "assault",
    "assaults",
    "assault groups",
    "assault group",
    "fire",
    "provocation",
    "officers",
    "officer",
    "private",
    "defence forces",
    "defense forces",
    "servicemembers",
    "border detachments",
    "border posts",
    "border post",
    "border outposts",
    "border positions",
    "outposts",
    "outpost",
    "border outpost",
    "border patrol",
    "border patrols",
    "patrol",
    "patrols",
    "military units",
    "army units",
    "armed forces units",
    "drone",
    "drones",
    "quadcopter",
    "quadcopters",
    "uav",
    "uavs",
    "unmanned aerial vehicle",
    "unmanned aerial vehicles",
    "aerial bomb",
    "aerial bombs",
    "guided bomb",
    "guided bombs",
    "guided aerial bomb",
    "guided aerial bombs",
    "glide bomb",
    "glide bombs",
    "spy drone",
    "spying drone",
    "spy quadcopter",
    "spying quadcopter",
    "reconnaissance drone",
    "reconnaissance drones",
    "saboteurs",
    "saboteur",
    "sabotage group",
    "sabotage groups",
    "reconnaissance-sabotage group",
    "reconnaissance-sabotage groups",
    "aggression",
    "military-political leadership",
    "sabotage groups",
    "saboteurs",
    "commandos",
    "tanks",
    "aircraft",
    "warplanes",
    "fighter jets",
    "air force",
    "fighter aircraft",
    "helicopters",
    "combat helicopter",
    "jets",
    "gunners",
    "militaries",
    "rangers",
    "air defence",
    "air defense",
    "air defences",
    "air defenses",
    "air defence systems",
    "air defense systems",
    "air defence forces",
    "air defense forces",
    "strikes",
    "strike",
    "airstrike",
    "airstrikes",
    "air strike",
    "air strikes",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "bombardment",
    "mortar",
];

/// Words that, after a demonym, make it civilians.
const CIVILIAN_NOUNS: &[&str] = &[
    "civilians",
    "civilian",
    "citizens",
    "residents",
    "villagers",
    "farmers",
    "journalists",
    "people",
    "children",
    "women",
    "shepherd",
    "shepherds",
];

/// "Azerbaijan says it shelled ...", "X said (that on Friday) its forces had hit ...":
/// the words after a name or a source that make its bearer the one who acted.
static SAYS_IT_ACTED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s+(?:says|said|claims|claimed|announced|reported|reports|stated|states|confirmed|confirms)\s+(?:(?:on|late on|early on)\s+\w+\s+)?(?:that\s+)?(?:(?:on|late on|early on)\s+\w+\s+)?(?:it|they|(?:its|their)\s+(?:forces|troops|army|military|units|servicemen|soldiers|fighters|members|militants|men|aircraft|artillery|jets|air defen[cs]e (?:units|systems|forces)|air defen[cs]es?|drones)(?:\s+and\s+(?:allied\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:forces|troops|units|fighters|militias?|groups?))?)\s+(?:had\s+|has\s+|have\s+)?(?:opened|fired|shelled|struck|hit|launched|attacked|targeted|bombed|carried out|conducted|retaliated|returned fire|responded|shot down|downed|intercepted|destroyed|killed|eliminated|neutrali[sz]ed|detained|captured|seized|taken|took|repelled|foiled|thwarted|regained|recaptured|retook|retaken|liberated|cleared|pushed back)(?-u:\b)",
    )
});

/// True when `after` (the text right after a name) says that the name's bearer acted:
/// " says it shelled ...", " said its forces had returned fire".
pub fn says_it_acted(after: &str) -> bool {
    SAYS_IT_ACTED.is_match(after)
}

/// True when `after` says that the name's bearer repelled an attack (" said its
/// forces had repelled 12 assaults"): the side attacked, not the attacker.
pub fn says_it_repelled(after: &str) -> bool {
    SAYS_IT_ACTED.find(after).is_some_and(|m| {
        let verb = m.as_str().to_lowercase();
        verb.ends_with("repelled") || verb.ends_with("pushed back")
    })
}

/// Verbs that make a bare country name an acting state ("Pakistan violated ...").
const STATE_VERBS: &[&str] = &[
    "violated",
    "fired",
    "shelled",
    "attacked",
    "opened",
    "launched",
    "struck",
    "used",
    "targeted",
    "initiated",
    "bombed",
    "resumed",
    "mounted",
    "deliberately",
    "is shelling",
    "has shelled",
    "has attacked",
    "had fired",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Name,
    Demonym,
    Capital,
}

/// Finds actor mentions; build once, use for every sentence.
pub struct ActorFinder {
    forms: AhoCorasick,
    info: Vec<(CountryRef, Form)>,
    /// Surface form -> its index in `info`.
    form_index: HashMap<String, usize>,
}

impl std::fmt::Debug for ActorFinder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ActorFinder({} forms)", self.info.len())
    }
}

/// Craft a model name may precede ("Bayraktar drones", "Su-25 jets").
const MODEL_CRAFT: &[&str] = &[
    "drone",
    "drones",
    "uav",
    "uavs",
    "quadcopter",
    "quadcopters",
    "jet",
    "jets",
    "fighter jets",
    "warplanes",
    "aircraft",
    "helicopters",
    "tanks",
];

/// Bytes of one or two capitalised or numbered model words at the start of `text`
/// ("Bayraktar TB2 drones" -> "Bayraktar TB2 "), 0 when there are none.
fn model_name_len(text: &str) -> usize {
    let mut len = 0;
    for _ in 0..2 {
        let rest = &text[len..];
        let word = rest.split(' ').next().unwrap_or("");
        let model = word.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
            && word.chars().all(|c| c.is_alphanumeric() || c == '-')
            && rest.len() > word.len();
        if !model {
            break;
        }
        len += word.len() + 1;
    }
    len
}

fn after_words(rest: &str) -> String {
    rest.trim_start_matches(['\'', '’'])
        .trim_start_matches('s')
        .trim_start()
        .to_lowercase()
}

fn word_boundary(text: &str, start: usize, end: usize) -> bool {
    let b = text[..start].chars().next_back();
    let a = text[end..].chars().next();
    !b.is_some_and(|c| c.is_alphanumeric()) && !a.is_some_and(|c| c.is_alphanumeric())
}

fn starts_with_phrase(rest: &str, phrase: &str) -> bool {
    rest.starts_with(phrase)
        && !rest[phrase.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
}

impl ActorFinder {
    /// Builds the finder from the country table.
    pub fn new(countries: &dyn Countries) -> Self {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut patterns = Vec::new();
        let mut info = Vec::new();
        for form in countries.surface_forms() {
            if form.chars().count() < 3 || !form.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            if seen.contains_key(&form) {
                continue;
            }
            let (cref, kind) = if let Some(c) = countries.by_demonym(&form) {
                (c, Form::Demonym)
            } else if let Some(c) = countries.by_name(&form) {
                (c, Form::Name)
            } else if let Some(c) = countries.by_capital(&form) {
                (c, Form::Capital)
            } else {
                continue;
            };
            seen.insert(form.clone(), patterns.len());
            patterns.push(form);
            info.push((cref, kind));
        }
        let forms = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("country automaton");
        ActorFinder {
            forms,
            info,
            form_index: seen,
        }
    }

    /// The demonym that ends `before` (one space allowed after it): its start and
    /// country.
    fn demonym_before(&self, before: &str) -> Option<(usize, &CountryRef)> {
        let trimmed = before.strip_suffix(' ')?;
        let word_start = trimmed
            .rfind(|c: char| !(c.is_alphanumeric() || c == '-'))
            .map_or(0, |i| {
                i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
            });
        let i = *self.form_index.get(&trimmed[word_start..])?;
        let (cref, form) = &self.info[i];
        (*form == Form::Demonym).then_some((word_start, cref))
    }

    /// The countries `text` names by name, demonym or capital ("Ukraine:",
    /// "Sudanese", "Baku"), ISO2 codes in order of first mention.
    pub fn countries_named(&self, text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for m in self.forms.find_iter(text) {
            if !word_boundary(text, m.start(), m.end()) {
                continue;
            }
            let iso2 = &self.info[m.pattern().as_usize()].0.iso2;
            if !out.contains(iso2) {
                out.push(iso2.clone());
            }
        }
        out
    }

    /// Every actor mention in a sentence, in order, without overlaps.
    pub fn find(&self, s: &str) -> Vec<ActorMention> {
        let mut out: Vec<ActorMention> = Vec::new();
        let push = |out: &mut Vec<ActorMention>, m: ActorMention| {
            if !out.iter().any(|o| o.span.overlaps(&m.span)) {
                out.push(m);
            }
        };
        // "Al-Shabaab militants", "Hezbollah fighters": the group noun belongs to the name.
        static GROUP_NOUN: LazyLock<Regex> = LazyLock::new(|| {
            regex(r"^\s+(?:militants|fighters|gunmen|insurgents|rebels|members|operatives)(?-u:\b)")
        });
        let present = FIXED.any.matches(s);
        for (re, name, cc, kind) in present.iter().map(|i| &FIXED.labels[i]) {
            for m in re.find_iter(s) {
                let mut end = m.end();
                if *kind == ActorKind::NonState {
                    if let Some(g) = GROUP_NOUN.find(&s[end..]) {
                        end += g.end();
                    }
                }
                let mut start = m.start();
                let mut country = cc.map(str::to_string);
                let (mut name, mut kind) = (name.to_string(), *kind);
                // "Ethiopian militiamen": an unnamed group of that country; "the
                // Israeli enemy('s artillery)", "the Zionist enemy": that state's forces.
                if matches!(kind, ActorKind::Unidentified | ActorKind::Enemy) {
                    if let Some((at, cref)) = self.demonym_before(&s[..m.start()]) {
                        start = at;
                        country = Some(cref.iso2.clone());
                        if kind == ActorKind::Enemy {
                            name = military_of(cref);
                            kind = ActorKind::State;
                        }
                    }
                }
                push(
                    &mut out,
                    ActorMention {
                        span: Span::new(start, end),
                        name,
                        country,
                        kind,
                        bare: false,
                        nationals: false,
                    },
                );
            }
        }
        // "armed forces of (the Republic of) X"
        static OF_FORM: LazyLock<Regex> = LazyLock::new(|| {
            regex(
                r"(?i)(?-u:\b)(?:armed forces|army|troops|military|units|forces|soldiers|servicemen|border guards)\s+of\s+(?:the\s+)?(?:Republic of\s+)?$",
            )
        });
        static CIVIL_OF_FORM: LazyLock<Regex> = LazyLock::new(|| {
            regex(
                r"(?i)(?-u:\b)(?:citizens?|nationals?|residents?|civilians?)\s+of\s+(?:the\s+)?(?:Republic of\s+)?$",
            )
        });
        for m in self.forms.find_iter(s) {
            if !word_boundary(s, m.start(), m.end()) {
                continue;
            }
            let (cref, form) = &self.info[m.pattern().as_usize()];
            let rest = after_words(&s[m.end()..]);
            let before = &s[..m.start()];
            let mut span = Span::new(m.start(), m.end());
            let mut kind = None;
            let mut bare = false;
            let mut nationals = false;
            // "armed forces of (the Republic of) Armenia"; not "units of the Armenian armed forces"
            if let Some(pre) = OF_FORM.find(before).filter(|_| *form != Form::Demonym) {
                span.start = pre.start();
                kind = Some(ActorKind::State);
            } else if let Some(pre) = CIVIL_OF_FORM
                .find(before)
                .filter(|_| *form != Form::Demonym)
            {
                // "two citizens of Tajikistan"
                span.start = pre.start();
                kind = Some(ActorKind::Civilians);
                nationals = true;
            }
            if kind.is_none() {
                let rest_no_adj = rest
                    .trim_start_matches("armenian ")
                    .trim_start_matches("azerbaijani ");
                // "Azerbaijani Bayraktar TB2 drones": the model between the demonym and
                // the craft.
                let tail = &s[m.end()..];
                let rest_no_adj = match tail.len().checked_sub(rest_no_adj.len()) {
                    Some(at) if *form == Form::Demonym && tail.is_char_boundary(at) => {
                        let skip = model_name_len(&tail[at..]);
                        if skip > 0
                            && MODEL_CRAFT
                                .iter()
                                .any(|n| starts_with_phrase(&rest_no_adj[skip..], n))
                        {
                            &rest_no_adj[skip..]
                        } else {
                            rest_no_adj
                        }
                    }
                    _ => rest_no_adj,
                };
                if let Some(noun) = FORCE_NOUNS
                    .iter()
                    .filter(|n| starts_with_phrase(rest_no_adj, n))
                    .max_by_key(|n| n.len())
                {
                    if *form != Form::Capital {
                        kind = Some(ActorKind::State);
                        let full = s[m.end()..].len() - rest_no_adj.len() + noun.len();
                        span.end = (m.end() + full).min(s.len());
                    }
                } else if CIVILIAN_NOUNS.iter().any(|n| starts_with_phrase(&rest, n)) {
                    kind = Some(ActorKind::Civilians);
                } else if *form == Form::Demonym && cref_plural(&s[m.start()..m.end()]) {
                    // "Russians shelled ..."
                    kind = Some(ActorKind::State);
                } else if *form != Form::Demonym
                    // "a drone launched from Lebanon struck ...": where it came from.
                    && !before.trim_end().to_lowercase().ends_with(" from")
                    && (STATE_VERBS.iter().any(|v| starts_with_phrase(&rest, v))
                        || says_it_acted(&s[m.end()..]))
                {
                    kind = Some(ActorKind::State);
                    bare = true;
                }
            }
            let Some(kind) = kind else { continue };
            if !span.is_empty() && !s.is_char_boundary(span.end) {
                continue;
            }
            let name = match kind {
                ActorKind::Civilians => format!("Civilians ({})", cref.iso2),
                _ => military_of(cref),
            };
            // A civilian noun right after was also matched by FIXED: replace it.
            if kind == ActorKind::Civilians {
                out.retain(|o| {
                    !(o.kind == ActorKind::Civilians
                        && (o.span.start >= span.end && o.span.start <= span.end + 1
                            || nationals && o.span.overlaps(&span)))
                });
            }
            push(
                &mut out,
                ActorMention {
                    span,
                    name,
                    country: Some(cref.iso2.clone()),
                    kind,
                    bare,
                    nationals,
                },
            );
        }
        // "the army", "Army aircraft": after the country forms, so "the Sudanese army"
        // keeps its country.
        static BARE_ARMY: LazyLock<Regex> = LazyLock::new(|| {
            regex(
                r"(?-u:\b)(?:[Tt]he\s+)?[Aa]rmy(?:\s+(?:aircraft|troops|forces|units|soldiers|artillery|drones?|jets?|warplanes?|helicopters?|air defen[cs]es?(?:\s+units)?))?(?-u:\b)",
            )
        });
        if s.contains("rmy") {
            for m in BARE_ARMY.find_iter(s) {
                // "an army spokesman", "army sources": a speaker, not a side in the act.
                let next = s[m.end()..].trim_start().to_lowercase();
                if [
                    "spokes",
                    "official",
                    "source",
                    "chief",
                    "commander",
                    "statement",
                    "press",
                    "said",
                    "says",
                    "officer",
                ]
                .iter()
                .any(|w| next.starts_with(w))
                {
                    continue;
                }
                push(&mut out, army_mention(m.start(), m.end()));
            }
        }
        // "opened fire on the Kayragach border outpost": a post of the army of the place.
        static BARE_POST: LazyLock<Regex> = LazyLock::new(|| {
            regex(
                r"(?-u:\b)(?:[Tt]he\s+)?(?:[A-Z][\w-]+\s+)?(?:border\s+(?:out)?posts?|forward\s+posts?)(?-u:\b)",
            )
        });
        if s.contains("post") {
            for m in BARE_POST.find_iter(s) {
                push(&mut out, army_mention(m.start(), m.end()));
            }
        }
        out.sort_by_key(|m| m.span.start);
        out
    }
}

/// An army named without its country ("the army", "the Kayragach border outpost"),
/// resolved by the assembler.
fn army_mention(start: usize, end: usize) -> ActorMention {
    ActorMention {
        span: Span::new(start, end),
        name: "army".to_string(),
        country: None,
        kind: ActorKind::Army,
        bare: false,
        nationals: false,
    }
}

fn cref_plural(word: &str) -> bool {
    word.ends_with("ians") || word.ends_with("ans") || word.ends_with("is") && word.len() > 6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::countries::StaticCountries;

    fn names(s: &str) -> Vec<String> {
        let f = ActorFinder::new(&StaticCountries::sample());
        f.find(s).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn armed_groups_of_other_theatres_and_abbreviations() {
        let mut iswap =
            names("Islamic State West Africa Province (ISWAP) fighters attacked the base.");
        iswap.dedup();
        assert_eq!(iswap, vec!["Islamic State West Africa Province"]);
        assert_eq!(
            names("ELN guerrillas attacked a police station."),
            vec!["ELN: National Liberation Army", "Police Forces"]
        );
        assert_eq!(
            names("U.S. warplanes struck Houthi targets."),
            vec!["Military Forces of the United States", "Houthis"]
        );
        assert_eq!(
            names("The SBU detained a suspect."),
            vec!["Police Forces of Ukraine"]
        );
        assert_eq!(
            names("The rebels shot down a U.S. MQ-9 Reaper drone."),
            vec!["Military Forces of the United States"]
        );
        assert_eq!(
            names("Insurgents ambushed a convoy."),
            vec!["Unidentified Armed Group"]
        );
    }

    #[test]
    fn partisan_labels_map_to_canonical_names() {
        assert_eq!(
            names("Illegal Armenian armed gangs fired at the Azerbaijani army positions."),
            vec![
                "Nagorno-Karabakh Armenian forces",
                "Military Forces of Azerbaijan"
            ]
        );
        assert_eq!(
            names("the Karabakh Defense Army said"),
            vec!["Nagorno-Karabakh Armenian forces"]
        );
        assert_eq!(
            names("units of the armed forces of the Republic of Armenia"),
            vec!["Military Forces of Armenia"]
        );
    }

    #[test]
    fn armed_groups_of_other_theatres() {
        assert_eq!(names("M23 rebels shelled the town."), vec!["M23"]);
        assert_eq!(names("JNIM fighters attacked the post."), vec!["JNIM"]);
        assert_eq!(
            names("The Islamic Resistance said it fired rockets."),
            vec!["Hezbollah"]
        );
        assert_eq!(
            names("Arakan Army fighters took the base."),
            vec!["Arakan Army"]
        );
    }

    #[test]
    fn unnamed_groups_take_the_country_of_their_demonym() {
        let f = ActorFinder::new(&StaticCountries::sample());
        let m = f.find("Troops clashed with Pakistani militiamen near the post.");
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].kind, ActorKind::Unidentified);
        assert_eq!(m[0].country.as_deref(), Some("PK"));
        let m = f.find("Gunmen fired at the post.");
        assert_eq!(
            (m[0].kind, m[0].country.as_deref()),
            (ActorKind::Unidentified, None)
        );
    }

    #[test]
    fn general_rule_for_states_and_civilians() {
        assert_eq!(
            names("Pakistan violated the ceasefire"),
            vec!["Military Forces of Pakistan"]
        );
        assert_eq!(
            names("three Indian civilians were hurt"),
            vec!["Civilians (IN)"]
        );
        assert_eq!(
            names("Russians shelled the town"),
            vec!["Military Forces of Russia"]
        );
        assert!(names("Armenia said on Monday").is_empty());
        assert_eq!(
            names("the Russian peacekeepers reported"),
            vec!["Russian peacekeeping forces"]
        );
    }
}
