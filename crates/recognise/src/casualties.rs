//! Casualty figures: "four servicemen were killed and one wounded",
//! "killing at least three soldiers", "casualties of 4 killed and 1 wounded".

use std::sync::LazyLock;

use regex::Regex;

use crate::pattern::regex;
use sitrep_core::Span;

use crate::numbers::{find_counts, Bound, Count};

/// Killed or injured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Harm {
    /// Deaths.
    Killed,
    /// Injuries.
    Injured,
}

/// A casualty figure in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Casualty {
    /// Bytes of the figure and its verb.
    pub span: Span,
    /// Killed or injured.
    pub harm: Harm,
    /// How many.
    pub count: u64,
    /// Qualifier of the count.
    pub bound: Bound,
    /// The words naming who was hit ("Azerbaijani soldiers", "civilians").
    pub victims: String,
    /// True when the victims are named as civilians.
    pub civilian: bool,
    /// True for a revised toll ("the death toll rose to 16"): it replaces the
    /// figures given before it.
    pub revised: bool,
    /// True for wounded who later died ("one of them died of his wounds"): the
    /// count moves from the injured to the dead.
    pub of_wounded: bool,
}

static VERB: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(shot dead|shooting dead|shot and killed|gunned down|lynched|beheaded|(?:beaten|stabbed|hacked|stoned|burned|burnt) to death|killed|killing|dead|died|deaths?|death toll|fatalities|martyred|martyring|embraced (?:shahadat|martyrdom)|injured|injuring|wounded|wounding|hurt|hospitali[sz]ed|casualties|(?:sustained|suffered) (?:an? )?(?:[\w-]+ ){0,3}?(?:injur(?:y|ies)|wounds?)|received (?:an? )?(?:\w+ )?(?:wounds?|injury|injuries))(?-u:\b)",
    )
});

static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:[\w’'-]+\s+){0,3}?(?:soldiers?|servicem[ae]ns?|service ?members?|troops|people|persons?|civilians?|officers?|officials?|privates?|guards?|border guards?|employees|others?|members|representatives|personnel|child(?:ren)?|wom[ae]n|m[ae]n|boys?|girls?|fighters|militants|policem[ae]n|police officers|constables?|head constables?|residents?|villagers?|journalists?|sergeants?|conscripts|contract soldiers|militiam[ae]n|crew|pilots?|farmers?|shepherds?|workers?|reservists?|deminers?|sappers?|operatives?|commanders?|drivers?|passengers?|riders?|motorcyclists?|pensioners?|jawans?|militants?|sepoys?|students?|doctors?|medics?|paramedics?|volunteers?|citizens?|terrorists?|insurgents?|rebels?|gunm[ae]n|infiltrators?|intruders?|attackers?|combatants?|fisherm[ae]n|vigilantes?|hunters?|herders?|herdsm[ae]n|traders?|miners?|teachers?|nurses?|worshippers?|pilgrims?|relatives|daughters?|sons|family members|peacekeepers?|gendarmes?|jihadists?|suspects?|detainees|prisoners|refugees|protesters?|demonstrators?|labou?rers?|porters?|photographers?|camera(?:m[ae]n|operators?)|reporters?|correspondents?|rescuers?|firefighters?|electricians?|engineers?|(?-i:[A-Z])\w+(?:ians|anis|is|ese))(?-u:\b)",
    )
});

static ARTICLE_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(an?|another|its|his|her|their)\s+((?:[\w’'-]+\s+){0,3}?(?:soldier|jawan|serviceman|service member|civilian|officer|official|private|guard|border guard|employee|member|person|child|woman|man|boy|girl|fighter|policeman|constable|resident|villager|journalist|sergeant|conscript|reservist|deminer|sapper|shepherd|farmer|driver|rider|motorcyclist|passenger|wife|husband|son|daughter|mother|father|brother|sister|owner|pensioner|worker|fisherman|vigilante|herder|herdsman|trader|teacher|nurse|peacekeeper|gendarme|suspect|protester|militant|insurgent|rebel|gunman|infiltrator|intruder|attacker|assailant|terrorist|porter|photographer|cameraman|reporter|correspondent|rescuer|firefighter|electrician|engineer|paramedic|medic|doctor|volunteer|student))(?-u:\b)",
    )
});

/// "killing the driver", "The driver, 52, was killed": one person of a vehicle or
/// flock the sentence has just named (a soldier or civilian after "the" is someone
/// already counted).
static THE_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(the)\s+(driver|rider|motorcyclist|passenger|shepherd|pilot|tractor driver|car owner)(?-u:\b)",
    )
});

/// A victim named with a rank: "Private Ilgar Mammadov", "Junior Sergeant A. Petrosyan",
/// "Head Constable R. Singh".
static NAMED_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?-u:\b)((?i:(?:(?:Junior|Senior|Staff|Chief|Lance|Head|Naib|Assistant)\s+)?(?:Private|Sergeant|Corporal|Lieutenant|Captain|Major|Colonel|Ensign|Warrant Officer|Rifleman|Sepoy|Havildar|Naik|Subedar|Soldier|Constable|Sub-Inspector|Inspector|Gunner|Sapper|Trooper|Jawan|(?:Contract\s+)?Serviceman|Conscript))(?:\s+of\s+the(?:\s+[A-Z][\w-]*){1,2})?\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'-]+){1,2})",
    )
});

/// "Petro Ivanenko (35)", "Narek Hovhannisyan (born 2001)": an age or a birth year
/// in brackets, no clause of its own.
fn age_in_brackets(rest: &str) -> bool {
    let (rest, max) = match ["born ", "b. ", "aged "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    {
        Some(r) => (r, 4),
        None => (rest, 3),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=max).contains(&digits) && rest[digits..].starts_with(')')
}

/// A status given to the victim before the verb ("listed as missing"): no new clause.
static LISTED: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)(?-u:\b)(?:listed|registered|reported|identified|described|named)\s*$")
});

/// A determiner before the victims of an active verb: "killing *the* two men".
static DETERMINER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^\s*(?:all\s+(?:the\s+)?|both\s+|the\s+|its\s+|their\s+)"));

/// After a bare count, a verb that makes it a number of people: "and one was wounded".
static ELLIPTICAL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:others?\s+|more\s+)?(?:was|were|have been|has been|had been)(?:\s+(?:also|seriously|severely|slightly|lightly|critically|badly|gravely))*(?:\s*$|\s+(?:killed|wounded|injured|hurt|hospitali[sz]ed)(?-u:\b))",
    )
});

/// Where a clause ends: punctuation (a colon, unless inside a time of day, "17:45")
/// or a conjunction or reporting verb.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:[;“”\x22(]|:(?:[^0-9]|$)|(?-u:\b)(?:that|said|says|after|when|which|while|as|where|adding|but|reported|informed|since)(?-u:\b))",
    )
});

/// True when `rest` starts with a short capitalised abbreviation and its closing
/// bracket: "BSF)", "IDF)".
fn is_abbreviation(rest: &str) -> bool {
    let Some((word, _)) = rest.split_once(')') else {
        return false;
    };
    (2..=6).contains(&word.len())
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().all(|c| c.is_ascii_alphabetic())
}

/// True when casualty words name soldiers ("two soldiers and three civilians",
/// "a jawan", "border guards").
pub fn names_troops(words: &str) -> bool {
    let w = words.to_lowercase();
    [
        "soldier",
        "servicem",
        "troop",
        "jawan",
        "guard",
        "personnel",
        "reservist",
        "conscript",
    ]
    .iter()
    .any(|k| w.contains(k))
}

/// True when words name civilians ("a shepherd", "two women", "residents").
pub fn is_civilian(words: &str) -> bool {
    let w = words.to_lowercase();
    if names_troops(&w) || w.contains("officer") || w.contains("fighter") {
        return false;
    }
    [
        "civilian",
        "resident",
        "villager",
        "child",
        "woman",
        "women",
        "boy",
        "girl",
        "journalist",
        "photographer",
        "cameram",
        "reporter",
        "correspondent",
        "rescuer",
        "firefighter",
        "paramedic",
        "employee",
        "people",
        "person",
        "shepherd",
        "farmer",
        "deminer",
        "citizens",
        "driver",
        "passenger",
        "owner",
        "fisherm",
        "herder",
        "herdsm",
        "trader",
        "teacher",
        "nurse",
        "worshipper",
        "pilgrim",
        "daughter",
        "relatives",
        "family",
        "refugee",
        "protester",
        "demonstrator",
    ]
    .iter()
    .any(|k| w.contains(k))
        // "two men", "an elderly man": whole words only ("gunmen" are not).
        || w.split(|c: char| !c.is_alphanumeric()).any(|x| {
            matches!(
                x,
                "men"
                    | "man"
                    | "pensioner"
                    | "pensioners"
                    | "worker"
                    | "workers"
                    | "rider"
                    | "riders"
                    | "motorcyclist"
                    | "motorcyclists"
            )
        })
}

fn harm_of(verb: &str) -> Option<Harm> {
    let v = verb.to_lowercase();
    if v.starts_with("kill")
        || v.starts_with("lynch")
        || v.starts_with("behead")
        || v.ends_with("to death")
        || v.starts_with("shot")
        || v.starts_with("shooting")
        || v.starts_with("gunned")
        || v.starts_with("martyr")
        || v.starts_with("embraced")
        || v.starts_with("dead")
        || v.starts_with("die")
        || v.starts_with("death")
        || v.starts_with("fatal")
    {
        Some(Harm::Killed)
    } else if v == "casualties" {
        None
    } else {
        Some(Harm::Injured)
    }
}

/// Counts in `window` that name people (followed by a person noun, or "a soldier").
fn person_counts(window: &str) -> Vec<(Count, String)> {
    let mut out: Vec<(Count, String)> = Vec::new();
    let counts = find_counts(window);
    for (i, c) in counts.iter().enumerate() {
        let c = c.clone();
        let after = &window[c.span.end..];
        let after_t = after.trim_start();
        // "Another 9 people": the figure is the one that follows.
        if counts
            .get(i + 1)
            .is_some_and(|next| window[c.span.end..next.span.start].trim().is_empty())
        {
            continue;
        }
        if let Some(m) = PERSON.find(after_t) {
            out.push((c, m.as_str().to_string()));
        } else if after_t.is_empty()
            || after_t.starts_with(['.', ',', ';', ')'])
            || after_t.to_lowercase().starts_with("of ")
            // "four were killed and one was wounded": a count that continues a list.
            || ELLIPTICAL.is_match(after_t) && window[..c.span.start].trim_end().ends_with("and")
        {
            out.push((c, String::new()));
        }
    }
    let mut singles: Vec<_> = ARTICLE_PERSON
        .captures_iter(window)
        .chain(THE_PERSON.captures_iter(window))
        .collect();
    singles.sort_by_key(|m| m.get(0).map_or(0, |w| w.start()));
    for m in singles {
        let whole = m.get(0).expect("match");
        let span = Span::new(whole.start(), whole.end());
        // "The tractor driver, a 46-year-old resident of the village,": one person.
        let apposed =
            |c: &Count| c.span.end <= span.start && window[c.span.end..span.start].trim() == ",";
        if out
            .iter()
            .any(|(c, _)| c.span.overlaps(&span) || apposed(c))
        {
            continue;
        }
        out.push((
            Count {
                span,
                value: 1,
                bound: Bound::Exact,
            },
            m[2].to_string(),
        ));
    }
    for m in NAMED_PERSON.find_iter(window) {
        let span = Span::new(m.start(), m.end());
        // "another soldier, 19-year-old private A. B.,": the name is the one counted.
        if out
            .iter()
            .any(|(c, _)| c.span.overlaps(&span) || c.span.end <= span.start)
        {
            continue;
        }
        out.push((
            Count {
                span,
                value: 1,
                bound: Bound::Exact,
            },
            m.as_str().to_string(),
        ));
    }
    out.sort_by_key(|(c, _)| c.span.start);
    out
}

/// "the death toll had risen to 16", "the toll was later revised to 19".
static TOLL_REVISED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:death\s+)?toll\s+(?:(?:in|from|of)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}\s+)?(?:had\s+|has\s+|was\s+|later\s+|since\s+|then\s+)*(?:risen|rose|climbed|increased|grown|jumped|reached|revised(?:\s+upwards?|\s+up)?)\s+to\s+",
    )
});

/// "Other monitors put the toll at 54", "the death toll stood at 12": a toll given as is.
static TOLL_AT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:(?:put|puts|putting|placed|estimated|estimates)\s+the\s+(?:death\s+)?toll\s+at|(?:death\s+)?toll\s+(?:stands|stood|is|was)\s+at)\s+",
    )
});

/// "the number of dead had risen to two and the number of injured to eleven": a
/// revised count of the dead or of the injured.
static NUMBER_REVISED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)number\s+of\s+(?P<what>dead|killed|deaths|fatalities|injured|wounded|injuries)\s+(?:(?:had|has|was|later|since|then)\s+)*(?:(?:risen|rose|climbed|increased|grown|jumped|reached|revised)\s+)?to\s+",
    )
});

/// Revised counts of the dead or injured ("the number of dead had risen to two").
fn revised_numbers(s: &str) -> Vec<Casualty> {
    NUMBER_REVISED
        .captures_iter(s)
        .filter_map(|m| {
            let whole = m.get(0)?;
            let what = m["what"].to_lowercase();
            let harm = if what.starts_with("injur") || what == "wounded" {
                Harm::Injured
            } else {
                Harm::Killed
            };
            stated_figure(s, whole.start(), whole.end(), harm, true)
        })
        .collect()
}

/// "the ministry updated the casualty figures: four servicemen were killed": every
/// figure of the sentence replaces those given before.
static UPDATED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:updated|revised|corrected|raised) (?:the |its )?(?:casualty |death |final )?(?:figures?|toll|numbers?|count)(?-u:\b)",
    )
});

/// "one of them ... died of his wounds", "two of the wounded later died".
static DIED_OF_WOUNDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(one|two|three|four|five|\d+) of (?:them|the (?:wounded|injured)(?: [\w-]+)?)(?-u:\b)[^.;]{0,80}?(?-u:\b)(?:later |subsequently )?(?:died|succumbed|passed away)(?-u:\b)|(?-u:\b)(?:had |has )?(?:died|succumbed) (?:of|from|to) (?P<one>his|her) (?:wounds|injuries)(?-u:\b)",
    )
});

/// The figure a phrase at `start..end` introduces, when a count follows it directly.
fn stated_figure(s: &str, start: usize, end: usize, harm: Harm, revised: bool) -> Option<Casualty> {
    let c = find_counts(&s[end..])
        .into_iter()
        .next()
        .filter(|c| c.span.start == 0)?;
    Some(Casualty {
        span: Span::new(start, end + c.span.end),
        harm,
        count: c.value,
        bound: c.bound,
        victims: String::new(),
        civilian: false,
        revised,
        of_wounded: false,
    })
}

/// The death toll a pattern introduces, when a count follows it directly.
fn toll(s: &str, re: &Regex, revised: bool) -> Option<Casualty> {
    let m = re.find(s)?;
    let mut c = stated_figure(s, m.start(), m.end(), Harm::Killed, revised)?;
    // "The toll rose to two wounded": a toll of the wounded.
    let after = s[c.span.end..].trim_start().to_lowercase();
    if ["wounded", "injured", "hurt"]
        .iter()
        .any(|w| after.starts_with(w))
    {
        c.harm = Harm::Injured;
    }
    Some(c)
}

/// Every casualty figure in a sentence.
pub fn find_casualties(s: &str) -> Vec<Casualty> {
    // "One of them, sergeant A. B., died of his wounds": a death among the wounded.
    // (Found by the DFA first: resolving the groups over a whole sentence would cost
    // the backtracker a pass over every sentence.)
    let died = (s.contains("died") || s.contains("succumbed") || s.contains("passed away"))
        .then(|| DIED_OF_WOUNDS.find(s))
        .flatten();
    if let Some(m) = died.and_then(|f| {
        DIED_OF_WOUNDS
            .captures(&s[f.start()..f.end()])
            .map(|c| (f.start(), c))
    }) {
        let (offset, m) = m;
        let whole = m.get(0).expect("match");
        let whole = offset + whole.start()..offset + whole.end();
        // "Grigoryan had died of his wounds": one.
        let n = match m.get(1) {
            Some(n) => crate::numbers::parse_number(n.as_str()),
            None => m.name("one").map(|_| 1),
        };
        if let Some(n) = n {
            return vec![Casualty {
                span: Span::new(whole.start, whole.end),
                harm: Harm::Killed,
                count: n,
                bound: Bound::Exact,
                victims: String::new(),
                civilian: false,
                revised: false,
                of_wounded: true,
            }];
        }
    }
    // A toll stated as such: "the toll had risen to 16", "monitors put the toll at 54".
    // "The death toll has risen to two, and the number of injured to four": both.
    let mut stated = revised_numbers(s);
    if let Some(t) = [(&*TOLL_AT, false), (&*TOLL_REVISED, true)]
        .into_iter()
        .find_map(|(re, revised)| toll(s, re, revised))
    {
        if stated
            .iter()
            .all(|x| x.harm != t.harm && !x.span.overlaps(&t.span))
        {
            stated.push(t);
            stated.sort_by_key(|c| c.span.start);
        }
    }
    if stated.is_empty() {
        let mut figures = verb_figures(s);
        if UPDATED.is_match(s) {
            for f in &mut figures {
                f.revised = true;
            }
        }
        return figures;
    }
    // "the number of dead had risen to 34 ... and more than 50 people had been
    // injured": a stated toll, and the figures of the other kind told with it.
    let others: Vec<Casualty> = verb_figures(s)
        .into_iter()
        .filter(|c| {
            stated
                .iter()
                .all(|t| t.harm != c.harm && !t.span.overlaps(&c.span))
        })
        .collect();
    stated.extend(others);
    stated
}

/// The figures told with a verb of harm ("three soldiers were killed", "wounding two").
fn verb_figures(s: &str) -> Vec<Casualty> {
    let mut out = Vec::new();
    let mut last_end = 0;
    for v in VERB.find_iter(s) {
        let verb = v.as_str().to_lowercase();
        let Some(mut harm) = harm_of(&verb) else {
            continue;
        };
        // "fatally / mortally wounded" is a death.
        let lead = s[..v.start()].trim_end().to_lowercase();
        // "mourned one of the dead", "among the dead": part of a toll given before.
        if verb == "dead" && (lead.ends_with(" of the") || lead.ends_with(" among the")) {
            continue;
        }
        if lead.ends_with("fatally") || lead.ends_with("mortally") {
            harm = Harm::Killed;
        }
        // "the two wounded soldiers were taken to hospital": an attribute, not a report.
        let next = s[v.end()..].trim_start();
        if !verb.ends_with("ing")
            && PERSON
                .find(next)
                .is_some_and(|m| m.start() == 0 && !next.starts_with("and"))
            && !s[..v.start()]
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit())
        {
            let first = next.split_whitespace().next().unwrap_or("");
            if PERSON.is_match(first) {
                continue;
            }
        }
        let active = verb.ends_with("ing")
            || matches!(
                verb.as_str(),
                "killed"
                    | "wounded"
                    | "injured"
                    | "shot dead"
                    | "shot and killed"
                    | "gunned down"
                    | "lynched"
                    | "beheaded"
            ) && {
                let after = s[v.end()..].trim_start();
                find_counts(after)
                    .first()
                    .is_some_and(|c| c.span.start == 0)
                    || ARTICLE_PERSON.find(after).is_some_and(|m| m.start() == 0)
                    || THE_PERSON.find(after).is_some_and(|m| m.start() == 0)
                    || NAMED_PERSON.find(after).is_some_and(|m| m.start() == 0)
            };
        if active {
            // "killing at least three soldiers", "killed an Azerbaijani soldier"
            let rest = &s[v.end()..];
            let end = CLAUSE_BREAK.find(rest).map_or(rest.len(), |m| m.start());
            let window = &rest[..end];
            // The victim list ends at "and", unless it joins a number ("a hundred and
            // forty-four").
            let stop = window
                .match_indices(" and ")
                .map(|(i, _)| i)
                .find(|&i| {
                    let before = window[..i].to_lowercase();
                    !(before.ends_with("hundred") || before.ends_with("thousand"))
                })
                .unwrap_or(window.len());
            let counts = person_counts(&window[..stop]);
            // "killed four Armenian and three Azerbaijani soldiers": each side's dead.
            if counts.is_empty() {
                let split = national_split(window);
                if !split.is_empty() {
                    out.extend(each_side(split, harm, |c| {
                        Span::new(v.start(), v.end() + c.span.end)
                    }));
                    last_end = v.end();
                    continue;
                }
            }
            // "killing the two men inside", "killing all three crew members"
            let lead = DETERMINER.find(window).map_or(0, |m| m.end());
            if let Some((c, victims)) = counts.first() {
                if c.span.start <= 3.max(lead) {
                    // "killing a 64-year-old man and a 58-year-old woman": every person
                    // of the list joined by "and".
                    let (mut count, mut end, mut civilian) =
                        (c.value, c.span.end, is_civilian(victims));
                    let mut at = stop;
                    while let Some(next) = window.get(at..).and_then(|r| r.strip_prefix(" and ")) {
                        let from = at + 5;
                        let seg_end = next.find(" and ").map_or(window.len(), |i| from + i);
                        let more = person_counts(&window[from..seg_end]);
                        let Some((m, more_victims)) =
                            more.first().filter(|(m, _)| m.span.start <= 3)
                        else {
                            break;
                        };
                        count = count.saturating_add(m.value);
                        end = from + m.span.end;
                        civilian |= is_civilian(more_victims);
                        at = seg_end;
                    }
                    out.push(Casualty {
                        span: Span::new(v.start(), v.end() + end),
                        harm,
                        count,
                        bound: c.bound,
                        civilian,
                        victims: victims.clone(),
                        revised: false,
                        of_wounded: false,
                    });
                    last_end = v.end();
                    continue;
                }
            }
        }
        // Passive or nominal: the figure is before the verb, in the same clause.
        // An abbreviation in brackets ("a Border Security Force (BSF) officer") does not
        // end the clause.
        let start = last_end.max(
            CLAUSE_BREAK
                .find_iter(&s[..v.start()])
                .filter(|m| {
                    !(m.as_str() == "("
                        && (is_abbreviation(&s[m.end()..]) || age_in_brackets(&s[m.end()..])))
                })
                // "a fourth serviceman, listed as missing, was found dead"
                .filter(|m| !(m.as_str() == "as" && LISTED.is_match(&s[..m.start()])))
                .last()
                .map_or(0, |m| m.end()),
        );
        let window = &s[start..v.start()];
        // "deaths of at least two of its soldiers"
        if verb.starts_with("death") {
            let rest = &s[v.end()..];
            if let Some(c) = rest.trim_start().strip_prefix("of ").and_then(|r| {
                find_counts(r)
                    .into_iter()
                    .next()
                    .filter(|c| c.span.start == 0)
            }) {
                out.push(Casualty {
                    span: Span::new(v.start(), v.end() + c.span.end + 4),
                    harm,
                    count: c.value,
                    bound: c.bound,
                    victims: String::new(),
                    civilian: false,
                    revised: false,
                    of_wounded: false,
                });
                last_end = v.end();
                continue;
            }
        }
        // "Four Kyrgyz and two Tajik citizens were injured": each side's.
        let split = national_split(window);
        if !split.is_empty() {
            out.extend(each_side(split, harm, |c| {
                Span::new(start + c.span.start, v.end())
            }));
            last_end = v.end();
            continue;
        }
        let counts = person_counts(window);
        if counts.is_empty() {
            // "was seriously injured on Tuesday and died overnight": the wounded died.
            if harm == Harm::Killed && verb.starts_with("died") {
                if let Some(prev) = out.last_mut().filter(|p| {
                    p.harm == Harm::Injured
                        && p.span.end <= v.start()
                        && s[p.span.end..v.start()].contains(" and ")
                        && !s[p.span.end..v.start()].contains([',', ';'])
                }) {
                    prev.harm = Harm::Killed;
                }
            }
            continue;
        }
        let lower = window.to_lowercase();
        let chosen: Vec<&(Count, String)> =
            if let Some(i) = lower.find("including").or_else(|| lower.find("among them")) {
                // "Four soldiers, including an officer, and six civilians": the aside
                // closes and the list goes on.
                let resumes = lower[i..].find(", and ").map(|j| i + j + 2);
                let mut chosen: Vec<&(Count, String)> = counts
                    .iter()
                    .filter(|(c, _)| c.span.start < i)
                    .take(1)
                    .collect();
                if let Some(j) = resumes {
                    chosen.extend(counts.iter().filter(|(c, _)| c.span.start >= j));
                }
                chosen
            } else {
                // Coordinated victims are summed: "two employees and an official died".
                counts.iter().collect()
            };
        if chosen.is_empty() {
            continue;
        }
        let count: u64 = chosen.iter().map(|(c, _)| c.value).sum();
        let bound = chosen[0].0.bound;
        let victims = chosen
            .iter()
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        out.push(Casualty {
            span: Span::new(start + chosen[0].0.span.start, v.end()),
            harm,
            count,
            bound,
            // "eight people including three soldiers ..." are not all civilians
            civilian: is_civilian(&victims) && is_civilian(window),
            victims,
            revised: false,
            of_wounded: false,
        });
        last_end = v.end();
    }
    // "a fourth serviceman was found dead": the toll is now four.
    for c in &mut out {
        if let Some(n) = ordinal_total(&c.victims).filter(|_| c.count == 1) {
            c.count = n;
            c.revised = true;
        }
    }
    out
}

/// "four Armenian and three Azerbaijani soldiers": two counts of one noun, each with
/// its own adjective; each count with its victims ("Armenian soldiers").
static NATIONAL_SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\s*(?P<a>[\w-]+)\s+(?P<adj_a>[A-Z][\w-]+)\s+and\s+(?P<b>[\w-]+)\s+(?P<adj_b>[A-Z][\w-]+)\s+(?P<noun>[a-z])",
    )
});

/// The figures of each side [`national_split`] found, spanned by `span`.
fn each_side(
    split: Vec<(Count, String)>,
    harm: Harm,
    span: impl Fn(&Count) -> Span,
) -> impl Iterator<Item = Casualty> {
    split.into_iter().map(move |(count, victims)| Casualty {
        span: span(&count),
        harm,
        count: count.value,
        bound: count.bound,
        civilian: is_civilian(&victims),
        victims,
        revised: false,
        of_wounded: false,
    })
}

fn national_split(window: &str) -> Vec<(Count, String)> {
    let Some(m) = NATIONAL_SPLIT.captures(window) else {
        return Vec::new();
    };
    let at = m.name("noun").expect("noun").start();
    let Some(noun) = PERSON.find(&window[at..]).map(|p| p.as_str()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (n, adj) in [("a", "adj_a"), ("b", "adj_b")] {
        let word = m.name(n).expect("count");
        let Some(c) = find_counts(word.as_str())
            .into_iter()
            .find(|c| c.span.start == 0 && c.span.end == word.len())
        else {
            return Vec::new();
        };
        out.push((
            Count {
                span: Span::new(word.start() + c.span.start, word.start() + c.span.end),
                ..c
            },
            format!("{} {noun}", &m[adj]),
        ));
    }
    out
}

/// The total an ordinal victim implies: "fourth serviceman" is the fourth one.
fn ordinal_total(victims: &str) -> Option<u64> {
    const ORDINALS: [&str; 9] = [
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    ];
    let first = victims.split_whitespace().next()?.to_lowercase();
    let i = ORDINALS.iter().position(|o| *o == first)?;
    Some(i as u64 + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(s: &str) -> Vec<(Harm, u64)> {
        find_casualties(s)
            .into_iter()
            .map(|c| (c.harm, c.count))
            .collect()
    }

    #[test]
    fn each_side_s_dead_in_one_phrase() {
        let c = find_casualties("The clash killed five Kyrgyz and two Tajik border guards.");
        let got: Vec<(u64, &str)> = c.iter().map(|c| (c.count, c.victims.as_str())).collect();
        assert_eq!(
            got,
            vec![(5, "Kyrgyz border guards"), (2, "Tajik border guards")]
        );
    }

    #[test]
    fn each_side_s_wounded_told_before_the_verb() {
        let c = find_casualties("Four Kyrgyz and two Tajik citizens were injured.");
        let got: Vec<(u64, &str)> = c.iter().map(|c| (c.count, c.victims.as_str())).collect();
        assert_eq!(got, vec![(4, "Kyrgyz citizens"), (2, "Tajik citizens")]);
    }

    #[test]
    fn every_person_of_a_victim_list_counts() {
        assert_eq!(
            figs("Shells hit the market, killing a 70-year-old man and a 66-year-old woman."),
            vec![(Harm::Killed, 2)]
        );
        assert_eq!(
            figs("The strike killed two soldiers and a civilian driver."),
            vec![(Harm::Killed, 3)]
        );
        // Trades and crafts are people too.
        assert_eq!(
            figs("An army porter was killed and a photographer was wounded in the blast."),
            vec![(Harm::Killed, 1), (Harm::Injured, 1)]
        );
        // The minutes of a time of day are no victims.
        assert_eq!(
            figs("At around 17:45, a soldier of the army, Private Aram Petrosyan, was killed."),
            vec![(Harm::Killed, 1)]
        );
        // A second verb is no second victim.
        assert_eq!(
            figs("Sniper fire killed a soldier and wounded two others."),
            vec![(Harm::Killed, 1), (Harm::Injured, 2)]
        );
        // An intruder or an attacker is a person.
        assert_eq!(
            figs("Troops shot dead an armed intruder along the border."),
            vec![(Harm::Killed, 1)]
        );
        // "one resident", "one villager": a count before the singular.
        assert_eq!(
            figs("Kilo village: 4 houses damaged, one resident wounded;"),
            vec![(Harm::Injured, 1)]
        );
        assert_eq!(
            figs("One villager was killed when the shell hit."),
            vec![(Harm::Killed, 1)]
        );
    }

    #[test]
    fn a_wounded_one_after_the_dead_and_a_birth_year_in_brackets() {
        assert_eq!(
            figs("Three guards were killed and one was seriously wounded."),
            vec![(Harm::Killed, 3), (Harm::Injured, 1)]
        );
        assert_eq!(
            figs("Contract serviceman Arman Petrosyan (born 2003) received a shrapnel wound."),
            vec![(Harm::Injured, 1)]
        );
    }

    #[test]
    fn determiners_possessives_idioms_and_revised_numbers() {
        assert_eq!(
            figs("A drone struck a car, killing the two men inside."),
            vec![(Harm::Killed, 2)]
        );
        let c = find_casualties("A drone attacked a car, killing its driver.");
        assert_eq!(
            (c[0].harm, c[0].count, c[0].civilian),
            (Harm::Killed, 1, true)
        );
        assert_eq!(
            figs("A 55-year-old resident embraced shahadat."),
            vec![(Harm::Killed, 1)]
        );
        assert_eq!(
            figs("Two women sustained serious injuries."),
            vec![(Harm::Injured, 2)]
        );
        assert_eq!(
            figs("The driver, 37, suffered a concussion and shrapnel wounds."),
            vec![(Harm::Injured, 1)]
        );
        assert_eq!(
            figs("A boy suffered splinter injuries."),
            vec![(Harm::Injured, 1)]
        );
        assert_eq!(
            figs("As a result, private Hayk Sargsyan received a gunshot wound."),
            vec![(Harm::Injured, 1)]
        );
        assert_eq!(
            figs("As a result, soldier of the Azerbaijan Army Rashad Aliyev received a gunshot wound near Tugh."),
            vec![(Harm::Injured, 1)]
        );
        assert_eq!(
            figs("The tractor driver, a 46-year-old resident of the village, was wounded."),
            vec![(Harm::Injured, 1)]
        );
        assert_eq!(
            figs("A drone hit a car. The driver, 52, was killed."),
            vec![(Harm::Killed, 1)]
        );
        assert_eq!(
            figs("Hezbollah later mourned one of the dead as a fighter."),
            vec![]
        );
        let c = find_casualties("The ministry said that Grigoryan, 24, had died of his wounds.");
        assert_eq!(
            c.iter()
                .map(|c| (c.harm, c.count, c.of_wounded))
                .collect::<Vec<_>>(),
            vec![(Harm::Killed, 1, true)]
        );
        let c = find_casualties(
            "Later the ministry updated the casualty figures: four servicemen were killed and one was wounded.",
        );
        assert!(c.iter().all(|c| c.revised), "{c:?}");
        assert_eq!(c.len(), 2);
        // The name in apposition is the soldier already counted.
        assert_eq!(
            figs("Another soldier, 19-year-old private Arman Hakobian, was killed."),
            vec![(Harm::Killed, 1)]
        );
        let c = find_casualties(
            "By morning the number of dead had risen to two and the number of injured to eleven.",
        );
        let got: Vec<_> = c.iter().map(|c| (c.harm, c.count, c.revised)).collect();
        assert_eq!(
            got,
            vec![(Harm::Killed, 2, true), (Harm::Injured, 11, true)]
        );
    }

    #[test]
    fn passive_and_elliptical_figures() {
        assert_eq!(
            figs("Three servicemen were killed and two wounded near the post."),
            vec![(Harm::Killed, 3), (Harm::Injured, 2)]
        );
        assert_eq!(
            figs("which resulted in casualties of 2 killed and 5 wounded"),
            vec![(Harm::Killed, 2), (Harm::Injured, 5)]
        );
        assert_eq!(
            figs("Another Azerbaijani serviceman was injured."),
            vec![(Harm::Injured, 1)]
        );
    }

    #[test]
    fn revised_tolls() {
        let c =
            find_casualties("By Sunday morning the death toll had risen to 16, officials said.");
        assert_eq!((c.len(), c[0].count, c[0].revised), (1, 16, true));
        let c = find_casualties("The toll was later revised to 19.");
        assert_eq!((c[0].count, c[0].harm), (19, Harm::Killed));
    }

    #[test]
    fn tolls_given_as_is() {
        let c = find_casualties("Other monitors put the toll at 54.");
        assert_eq!((c.len(), c[0].count, c[0].revised), (1, 54, false));
        let c = find_casualties("By evening the death toll stood at 12, officials said.");
        assert_eq!((c[0].count, c[0].harm), (12, Harm::Killed));
    }

    #[test]
    fn elliptical_counts() {
        assert_eq!(
            figs("Four servicemen were killed and one was wounded."),
            vec![(Harm::Killed, 4), (Harm::Injured, 1)]
        );
    }

    #[test]
    fn the_wounded_who_died() {
        assert_eq!(
            figs("Junior sergeant Ali Aliyev was seriously injured on Tuesday and died overnight in hospital."),
            vec![(Harm::Killed, 1)]
        );
        assert_eq!(
            figs("Two soldiers were wounded, and a civilian died in the shelling."),
            vec![(Harm::Injured, 2), (Harm::Killed, 1)]
        );
    }

    #[test]
    fn a_toll_of_the_wounded() {
        let c =
            find_casualties("By evening the toll had risen to three wounded, the ministry said.");
        assert_eq!(
            (c[0].harm, c[0].count, c[0].revised),
            (Harm::Injured, 3, true)
        );
    }

    #[test]
    fn an_ordinal_victim_is_a_new_total() {
        let c = find_casualties(
            "A fourth serviceman, listed as missing, was found dead near the positions.",
        );
        assert_eq!(
            (c[0].harm, c[0].count, c[0].revised),
            (Harm::Killed, 4, true)
        );
        let c = find_casualties("A second border guard was wounded by sniper fire.");
        assert_eq!(
            (c[0].harm, c[0].count, c[0].revised),
            (Harm::Injured, 2, true)
        );
        let c = find_casualties("A soldier was wounded in the second attack.");
        assert_eq!((c[0].count, c[0].revised), (1, false));
    }

    #[test]
    fn named_victims_large_numbers_and_other_victim_words() {
        assert_eq!(
            figs("Private Ilgar Mammadov was killed by sniper fire."),
            vec![(Harm::Killed, 1)]
        );
        assert_eq!(
            figs("Head constable Devender Rawat was hit in the neck and died on the way to hospital."),
            vec![(Harm::Killed, 1)]
        );
        assert_eq!(
            figs("The firing killed Naib Subedar Mohan Lal and injured two civilians."),
            vec![(Harm::Killed, 1), (Harm::Injured, 2)]
        );
        assert_eq!(
            figs("The shelling killed a hundred and forty-four civilians."),
            vec![(Harm::Killed, 144)]
        );
        assert_eq!(
            figs("Gunmen shot dead two farmers near the border post."),
            vec![(Harm::Killed, 2)]
        );
        assert_eq!(
            figs("Two farmers were shot dead near the border post."),
            vec![(Harm::Killed, 2)]
        );
        assert_eq!(
            figs("Troops returned fire, killing two terrorists."),
            vec![(Harm::Killed, 2)]
        );
        assert_eq!(
            figs("The strike hit the market, martyring three citizens."),
            vec![(Harm::Killed, 3)]
        );
    }

    #[test]
    fn active_figures_and_totals() {
        assert_eq!(
            figs("Return fire killed at least four soldiers and wounded one."),
            vec![(Harm::Killed, 4), (Harm::Injured, 1)]
        );
        assert_eq!(
            figs("Nine people including two soldiers and seven civilians were killed."),
            vec![(Harm::Killed, 9)]
        );
        assert_eq!(
            figs("Two farmers and a shepherd died in the blast."),
            vec![(Harm::Killed, 3)]
        );
        // A bracketed abbreviation inside the list of victims.
        let c = find_casualties(
            "Six people including two soldiers, a Border Security Force (BSF) officer and three civilians were killed.",
        );
        assert_eq!((c[0].count, c[0].civilian), (6, false), "{c:?}");
        let c = find_casualties("Five civilians were wounded by shelling.");
        assert!(c[0].civilian);
        assert_eq!(
            figs("Another 9 people were injured."),
            vec![(Harm::Injured, 9)]
        );
        assert_eq!(
            figs("The death toll in Bohodukhiv has risen to two."),
            vec![(Harm::Killed, 2)]
        );
        assert_eq!(
            figs("The death toll has risen to two, and the number of injured has grown to four."),
            vec![(Harm::Killed, 2), (Harm::Injured, 4)]
        );
        assert_eq!(
            figs("A mob lynched a man on Monday."),
            vec![(Harm::Killed, 1)]
        );
        assert_eq!(
            figs("Two fishermen were beaten to death."),
            vec![(Harm::Killed, 2)]
        );
        assert_eq!(figs("Another soldier was killed."), vec![(Harm::Killed, 1)]);
        // An aside that closes before the list goes on.
        assert_eq!(
            figs("Four soldiers, including a sub-inspector, and six civilians were killed."),
            vec![(Harm::Killed, 10)]
        );
        assert_eq!(
            figs("Seven soldiers, including an officer and two sergeants, and three civilians were wounded."),
            vec![(Harm::Injured, 10)]
        );
    }

    #[test]
    fn a_time_of_day_after_the_verb_is_no_victim() {
        // "this" is no demonym ("Azerbaijanis"), so "killed this morning" is passive.
        assert_eq!(
            figs("Four servicemen were killed this morning when a drone struck their position."),
            vec![(Harm::Killed, 4)]
        );
        assert_eq!(
            figs("Two Pakistanis were killed near the border."),
            vec![(Harm::Killed, 2)]
        );
    }

    #[test]
    fn no_figure_no_casualty() {
        assert!(figs("The ministry did not report casualties.").is_empty());
        assert!(figs("Tensions killed the talks.").is_empty());
    }
}
