//! Frames: one candidate event per sentence and target place.

use std::sync::LazyLock;

use regex::Regex;
use sitrep_core::{Claim, Date, DatePrecision, Event, Location, Span, Stance, SubEventType};
use sitrep_recognise::actors::{says_it_acted, ActorKind};
use sitrep_recognise::casualties::{names_troops, Harm};
use sitrep_recognise::claimants::institution;
use sitrep_recognise::pattern::regex;
use sitrep_recognise::places::{find_places, PlaceHint, PlaceMention, PlaceRole};
use sitrep_recognise::triggers::{Trigger, TriggerKind};

use crate::document::{DocContext, SentenceInfo};
use crate::figures::{totals, Figure};
use crate::place::resolve;
use crate::roles::{role_of, Role};
use crate::scan::{in_aside, scan_sentences};
use crate::sides::{
    actor_country, actor_name, karabakh_forces, military, side_country, speaker_side,
};
use crate::{classify, Assembler};

/// A candidate event.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Index of the sentence that created it.
    pub sentence: usize,
    /// Paragraph of that sentence.
    pub paragraph: usize,
    /// First and last day and precision.
    pub date: Option<(Date, Date, DatePrecision)>,
    /// Time as reported.
    pub time: Option<String>,
    /// Sub-event type.
    pub sub: SubEventType,
    /// Acting side.
    pub agent: Option<String>,
    /// Other side.
    pub patient: Option<String>,
    /// Where.
    pub location: Location,
    /// Identity of the place for merging (normalised name).
    pub place_key: String,
    /// Where fire came from.
    pub origin: Option<Location>,
    /// Weapons.
    pub weapons: Vec<String>,
    /// Figures given for it.
    pub figures: Vec<Figure>,
    /// Who states it.
    pub claimant: Option<String>,
    /// True when the outlet states it in its own voice: no later source takes it over.
    pub own_voice: bool,
    /// Other sides' versions.
    pub claims: Vec<Claim>,
    /// Background incident.
    pub context: bool,
    /// Byte spans of the supporting sentences.
    pub evidence: Vec<Span>,
    /// True when the place is only a region (precision 3).
    pub regional: bool,
    /// True when the place is the region named with a line ("along the Line of Control
    /// in Uri sector"): any settlement the report places the same act at covers it.
    pub along_line: bool,
    /// True when the frame comes from the headline.
    pub headline: bool,
    /// True when the text names the place as a region ("the Shusha region").
    pub named_region: bool,
    /// Byte offset of the place's name in its sentence.
    pub mention: usize,
}

/// An item of a list headed by its place: "Kok-Tash village:", "Maksat village (Leilek
/// district):", "- In the area of Yaroun:", "Krasnopillia community:".
static LIST_ITEM_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\s*(?:[-–—•*]\s*)?(?:in the area of\s+|(?:the\s+)?(?:village|town|settlement|community) of\s+)?[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3}(?:\s+(?:village|town|city|settlement|community|hromada|district|area))?(?:\s*\([^)]{1,40}\))?\s*:\s",
    )
});

/// The forces of country `cc`, unless they are `other` (one side is not both).
fn military_other_than(
    ctx: &DocContext<'_>,
    cc: Option<&str>,
    other: Option<&String>,
) -> Option<String> {
    cc.and_then(|c| military(ctx, c))
        .filter(|m| other != Some(m))
}

static CIVILIAN_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?-u:\b)(?:residential|civilian|settlements|communities|hromadas?|houses?|homes?|apartments?|church|school|hospital|neighbo(?:u)?rhoods?|infrastructure|displaced|refugees?|damage was recorded|farmers?|villagers?|shepherds?|market|minibus|bus stop)(?-u:\b)",
    )
});

/// Towns and villages named as what was hit ("shelled the town of Berd and the villages
/// of Aygepar and Movses"): civilians, when no military target is named with them.
static SETTLEMENT_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)(?-u:\b)(?:villages|towns|cities|the (?:village|town|city) of)(?-u:\b)")
});

/// What a source says its unowned craft or troops did: "said fighter jets struck",
/// "said that troops had returned fire".
static SAID_CRAFT_ACTED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s+(?:said|says|reported|stated|announced)\s+(?:that\s+)?(?:(?:an?|its|the)\s+)?(?:(?:fighter\s+)?jets?|warplanes?|aircraft|artillery|troops|soldiers|helicopters?|drones?|air defen[cs]e (?:units|systems|forces))\s+(?:had\s+|have\s+|has\s+)?(?:later\s+|then\s+|also\s+)?(?:struck|hit|shelled|bombed|targeted|attacked|fired|opened|returned fire|retaliated|shot down|downed|intercepted|destroyed|killed)(?-u:\b)",
    )
});

/// A sentence that opens on unowned craft acting, told by its source at the end:
/// "Fighter jets then struck a cell near Maroun al-Ras, the military said."
static CRAFT_ACTED_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s*(?:(?:an?|the)\s+)?(?:(?:fighter\s+)?jets?|warplanes?|aircraft|artillery|helicopters?)\s+(?:had\s+|have\s+|has\s+)?(?:later\s+|then\s+|also\s+)?(?:struck|hit|shelled|bombed|targeted|attacked|fired)(?-u:\b)",
    )
});

/// True for a source that is an army or a defence ministry (it speaks for the
/// forces it commands).
fn is_military_source(name: &str) -> bool {
    [
        "Army",
        "Defence",
        "Defense",
        "Forces",
        "Military",
        "Inter-Services",
    ]
    .iter()
    .any(|w| name.contains(w))
}

/// A sentence told as coming after the one before: "later", "then", "in the morning".
static LATER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:later|afterwards|subsequently|in the (?:morning|afternoon)|this morning|at (?:dawn|daybreak|noon))(?-u:\b)",
    )
});

static USE_VERB: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)(?-u:\b)(?:used|using|uses|with|employed|from)(?-u:\b)"));

/// A group owning an attack just told: "Hezbollah claimed responsibility for the attack".
static CLAIMED_RESPONSIBILITY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:claimed|claims|has claimed|took|takes) (?:responsibility|credit)(?: for (?:the|this|that|it|these)(?-u:\b)|\s*[,.;])|(?-u:\b)claimed (?:the|this|that) (?:[\w-]+ )?(?:attacks?|strikes?|operation|barrage|launch(?:es)?)(?-u:\b)",
    )
});

/// Trigger words that only report a toll ("were killed", "lost their lives").
static TOLL_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:(?:was|were|been) (?:killed|wounded|injured|martyred)|lost (?:their|his|her) lives|martyring)$",
    )
});

/// After an earlier report, the words that bring the correction.
static CORRECTION: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i);|(?-u:\b)(?:but|later|subsequently|has since|have since)(?-u:\b)")
});

static SUPERSEDED: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)(?-u:\b)(?:after )?(?:earlier|initially|previously) report(?:ed|ing)(?-u:\b)")
});

static BACKGROUND: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:earlier|previously|back in|last (?:week|month|year)|in (?:november|december|january|february|march|april|may|june|july|august|september|october)(?-u:\b))",
    )
});

/// "Earlier today", "Earlier on Monday": the same news cycle, no background (a day
/// before the report's main one is still read as such by its date).
static EARLIER_SAME_CYCLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^earlier\s+(?:today|tonight|in the day|this (?:morning|afternoon|evening)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))(?-u:\b)",
    )
});

/// Whether a sentence opens on an earlier, background time.
fn opens_on_background(text: &str) -> bool {
    BACKGROUND.is_match(text) && !EARLIER_SAME_CYCLE.is_match(text)
}

fn specificity(sub: SubEventType) -> u8 {
    match sub {
        SubEventType::ArmedClash => 1,
        SubEventType::Attack => 2,
        SubEventType::Shelling => 3,
        SubEventType::GovernmentRegainsTerritory => 4,
        _ => 5,
    }
}

impl Frame {
    /// How specific its type is (higher wins when frames merge).
    pub fn specificity(&self) -> u8 {
        specificity(self.sub)
    }

    /// The record, with figures totalled and offsets in characters.
    pub fn into_event(self, ctx: &DocContext<'_>) -> Event {
        let (fatalities, injuries) = totals(&self.figures);
        let text = &ctx.doc.text;
        let mut evidence: Vec<Span> = self
            .evidence
            .iter()
            .map(|s| sitrep_core::char_span(text, *s))
            .collect();
        evidence.sort();
        evidence.dedup();
        Event {
            doc: ctx.doc.id.clone(),
            date: self.date.map(|d| d.0),
            date_end: self.date.map(|d| d.1),
            date_precision: self.date.map(|d| d.2),
            time: self.time,
            event_type: self.sub.event_type(),
            sub_event_type: self.sub,
            actor1: self.agent,
            actor2: self.patient,
            location: Some(self.location),
            origin: self.origin,
            weapons: self.weapons,
            fatalities,
            injuries,
            claimant: self.claimant,
            claims: self.claims,
            context: self.context,
            evidence,
        }
    }
}

/// Figures of a sentence, split into those for the first place of the sentence
/// and those given per place ("one each in A and B"), with the byte offset
/// after which the per-place figure applies.
fn split_each(
    text: &str,
    figures: &[Figure],
    harm_killed: bool,
) -> (Vec<Figure>, Option<(usize, Figure)>) {
    static EACH: LazyLock<Regex> =
        LazyLock::new(|| regex(r"(?i)(?-u:\b)(one|two|three|four|five|\d+) each in(?-u:\b)"));
    let Some(m) = EACH.captures(text) else {
        return (figures.to_vec(), None);
    };
    let n = sitrep_recognise::numbers::parse_number(&m[1]).unwrap_or(1);
    let template = figures.first().cloned().unwrap_or(Figure {
        claimant: None,
        side: String::new(),
        killed: None,
        injured: None,
        superseded: false,
        revised: false,
        of_wounded: false,
    });
    let each = Figure {
        killed: harm_killed.then_some(n),
        injured: (!harm_killed).then_some(n),
        ..template
    };
    (figures.to_vec(), Some((m.get(0).expect("m").end(), each)))
}

/// Clause breaks within a sentence: ", while", ", whereas", "; ".
static CLAUSE_BREAK_FIG: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i),?\s+(?:while|whereas)\s+|;\s+"));

/// For a sentence whose places lie in two clauses or more, the place (index into
/// `place_starts`, the first of its clause) each figure's clause names; `None` for a
/// figure in a clause without a place. `None` when the places share one clause.
fn figures_by_clause(
    text: &str,
    figure_starts: &[usize],
    place_starts: &[usize],
) -> Option<Vec<Option<usize>>> {
    let breaks: Vec<usize> = CLAUSE_BREAK_FIG.find_iter(text).map(|m| m.end()).collect();
    if breaks.is_empty() || figure_starts.is_empty() {
        return None;
    }
    let clause = |at: usize| breaks.iter().filter(|&&b| b <= at).count();
    let place_clauses: Vec<usize> = place_starts.iter().map(|&p| clause(p)).collect();
    let mut distinct = place_clauses.clone();
    distinct.dedup();
    if distinct.len() < 2 {
        return None;
    }
    Some(
        figure_starts
            .iter()
            .map(|&f| {
                let c = clause(f);
                place_clauses.iter().position(|&pc| pc == c)
            })
            .collect(),
    )
}

/// The triggers that govern a place: those between the previous target group and it,
/// else all of the sentence's.
fn triggers_for(triggers: &[Trigger], floor: usize, place_start: usize) -> Vec<Trigger> {
    let local: Vec<Trigger> = triggers
        .iter()
        .filter(|t| t.span.start >= floor && t.span.end <= place_start)
        .cloned()
        .collect();
    if local
        .iter()
        .any(|t| t.kind.is_violent() || !matches!(t.kind, TriggerKind::Damage))
    {
        local
    } else {
        triggers.to_vec()
    }
}

/// The role of each actor mention of a sentence, by index.
fn roles_of(s: &SentenceInfo) -> Vec<(usize, Role)> {
    s.actors
        .iter()
        .enumerate()
        .map(|(i, m)| (i, role_of(&s.text, m)))
        .collect()
}

/// The places a sentence names (its agents, `roles`, read as firing positions), less
/// those inside the name of its source.
fn sentence_places(s: &SentenceInfo, roles: &[(usize, Role)]) -> Vec<PlaceMention> {
    let agents: Vec<Span> = roles
        .iter()
        .filter(|(_, r)| *r == Role::Agent)
        .map(|(i, _)| s.actors[*i].span)
        .collect();
    let mut places = find_places(&s.text, &s.known_places, &agents);
    if let Some(source) = s.claimant_span {
        // "In Rawalpindi, the ISPR said ...": where the source spoke.
        let seat = |p: &PlaceMention| {
            s.text[..p.span.start].trim().eq_ignore_ascii_case("in")
                && s.text
                    .get(p.span.end..source.start)
                    .and_then(|gap| gap.trim_start().strip_prefix(','))
                    // ", the Inter-Services Public Relations (ISPR) said"
                    .is_some_and(|gap| gap.len() <= 60 && !gap.contains([',', ';', '.']))
        };
        places.retain(|p| !p.span.overlaps(&source) && !seat(p));
    }
    places
}

/// Who states an event: the sentence's claimant; a ministry or army that is never named
/// is the one of the side hit (its positions are the ones reported under fire); a
/// background event told in the outlet's own voice has none; else the report's first
/// named source.
fn claimant_for(
    ctx: &DocContext<'_>,
    s: &SentenceInfo,
    // The side whose unnamed ministry or service speaks: the side hit, or the side
    // that detained or shot down.
    patient: Option<&str>,
    place: &Location,
    context: bool,
) -> Option<String> {
    if s.own_voice {
        return None;
    }
    let place_country = place.country.as_deref();
    let side_hit = || {
        patient
            .and_then(|p| side_country(p, ctx))
            .and_then(|cc| ctx.asm.gazetteer().country(&cc))
    };
    let place_state = || place_country.and_then(|cc| ctx.asm.gazetteer().country(cc));
    // A national service named without its country ("the Border Service of the
    // State Committee for National Security") is the one of the side hit, else of
    // the country where the event took place.
    // The report's default source is one institution for all its events: only the
    // side hit names its country, not each event's place.
    let with_country = |c: &String, own: bool| -> String {
        let service = c.split_whitespace().any(|w| w == "Service")
            || c.contains("Border Troops")
            || c.contains("Border Guard");
        if let Some(full) = national_service(ctx, c) {
            return full;
        }
        if service && !names_country(ctx, c) {
            let country = side_hit().or_else(|| if own { place_state() } else { None });
            if let Some(country) = country {
                return sitrep_recognise::claimants::service_of(c, &country.name, &country.iso2);
            }
        }
        c.clone()
    };
    if let Some(c) = &s.claimant {
        return Some(with_country(c, true));
    }
    // "..., Syniehubov wrote": the source of the sentences before goes on.
    let carried_office = match &s.carried {
        Some(crate::document::Source::Named(c)) if !context => return Some(with_country(c, true)),
        Some(crate::document::Source::Office(o)) if !context => Some(*o),
        _ => None,
    };
    // For a sentence without a source, the report's named source of the side hit
    // comes before the report's unnamed office.
    let default_of_side_hit = ctx.default_claimant.as_deref().is_some_and(|d| {
        let hit = side_hit().map(|c| c.iso2.clone());
        hit.is_some()
            && speaker_side(d, ctx)
                .and_then(|a| side_country(&a, ctx))
                .is_some_and(|c| Some(c) == hit)
    });
    let office = s
        .unnamed_office
        .or(carried_office)
        .or(if context || default_of_side_hit {
            None
        } else {
            ctx.unnamed_office
        });
    match office {
        Some("administration") => return regional_administration(place),
        Some("governor") => return place.admin1.as_ref().map(|a| format!("Governor of {a}")),
        Some("village head") => return Some(format!("{} village head", place.name)),
        Some("police") => return police_of(ctx, place),
        _ => {}
    }
    if let Some(office) = office {
        if let Some(c) = side_hit() {
            return Some(institution(office, &c.name, &c.iso2));
        }
    }
    // "..., officials said" before any source is named: an unnamed source, not the
    // report's first named one when that one speaks for the other side.
    let unnamed_source = s.carried.is_none()
        && sitrep_recognise::claimants::is_attributed(&s.text)
        && !default_of_side_hit
        && side_hit().is_some()
        && ctx.default_claimant.as_deref().is_some_and(|d| {
            let hit = side_hit().map(|c| c.iso2.clone());
            let speaks_for = speaker_side(d, ctx).and_then(|a| side_country(&a, ctx));
            speaks_for.is_some() && speaks_for != hit
        });
    if context || unnamed_source {
        None
    } else {
        ctx.default_claimant
            .as_ref()
            .map(|c| with_country(c, false))
    }
}

/// Words naming a military target in a sentence.
static MILITARY_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:positions?|posts?|outposts?|military|troops|soldiers?|servicem[ae]n|units?|army|base|barracks|equipment|checkpoints?|trenches|fighters|militants)(?-u:\b)",
    )
});

/// True when the sentence, its source's name and the attacker's left out ("the
/// Kherson Regional Military Administration said", "Russian troops shelled"), names a
/// military target.
fn names_military_target(text: &str, left_out: &[Span]) -> bool {
    let mut from = 0;
    let mut spans: Vec<Span> = left_out
        .iter()
        .copied()
        .filter(|sp| {
            sp.end <= text.len() && text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end)
        })
        .collect();
    spans.sort_by_key(|sp| sp.start);
    for sp in spans {
        if sp.start >= from {
            if MILITARY_TARGET.is_match(&text[from..sp.start]) {
                return true;
            }
            from = sp.end;
        }
    }
    MILITARY_TARGET.is_match(&text[from..])
}

/// True for a civil authority's name: an administration, a governor or mayor, a
/// health ministry, a news agency.
fn is_civil_authority(name: &str) -> bool {
    [
        "Administration",
        "Governor",
        "Mayor",
        "Ministry of Health",
        "News Agency",
        "Police",
    ]
    .iter()
    .any(|w| name.contains(w))
}

/// The local authority that reports on a place: in Ukraine, the regional military
/// administration of its oblast ("Kherson Regional Military Administration").
fn regional_administration(place: &Location) -> Option<String> {
    if place.country.as_deref() != Some("UA") {
        return None;
    }
    let oblast = place.admin1.as_deref()?.strip_suffix(" Oblast")?;
    Some(format!("{oblast} Regional Military Administration"))
}

/// The region a regional official speaks for: "Governor of Bryansk Oblast",
/// "Kherson Regional Military Administration", "Tavush Region administration".
fn official_region(claimant: &str) -> Option<&str> {
    if let Some(r) = claimant.strip_prefix("Governor of ") {
        return Some(r);
    }
    [
        " Regional Military Administration",
        " Oblast Military Administration",
        " Region administration",
        " Province administration",
        " Oblast administration",
    ]
    .iter()
    .find_map(|suffix| claimant.strip_suffix(suffix))
}

/// The police of an event's place: "Jammu and Kashmir Police" (a state force, as it
/// names itself), else "Police of <country>".
fn police_of(ctx: &DocContext<'_>, place: &Location) -> Option<String> {
    // India's and Pakistan's police forces are their states' and provinces': the
    // Jammu and Kashmir Police, the Azad Jammu and Kashmir Police, the Punjab Police.
    if matches!(place.country.as_deref(), Some("IN" | "PK")) {
        if let Some(state) = place.admin1.as_deref() {
            return Some(format!("{state} Police"));
        }
    }
    let country = ctx.asm.gazetteer().country(place.country.as_deref()?)?;
    Some(format!("Police of {}", country.name))
}

/// A border service named with its country ("Border Troops of Tajikistan", "Kyrgyz
/// Border Service", "the Tajik State Committee for National Security"), under the
/// service's full name.
fn national_service(ctx: &DocContext<'_>, name: &str) -> Option<String> {
    let gaz = ctx.asm.gazetteer();
    const SERVICES: &[&str] = &[
        "Border Guard Service",
        "Border Service",
        "Border Troops",
        "Border Guard",
        "State Committee for National Security",
    ];
    SERVICES.iter().find_map(|svc| {
        let country = name
            .strip_prefix(svc)
            .and_then(|r| r.strip_prefix(" of "))
            .and_then(|c| gaz.country_by_name(c.trim()))
            .or_else(|| {
                name.strip_suffix(svc)
                    .and_then(|d| gaz.country_by_demonym(d.trim()))
            })?;
        Some(if *svc == "State Committee for National Security" {
            format!("{svc} of {}", country.name)
        } else {
            sitrep_recognise::claimants::service_of(svc, &country.name, &country.iso2)
        })
    })
}

/// How many lines head the text before its first paragraph of prose, when they are
/// few (a masthead, a headline, a standfirst): their sentences restate the story.
/// None (0) when the first prose comes later than the sixth line.
fn header_lines(text: &str) -> usize {
    const MOST: usize = 6;
    text.lines()
        .take(MOST + 1)
        .position(|l| {
            let l = l.trim_end();
            l.split_whitespace().count() >= 12 && l.ends_with(['.', '”', '"'])
        })
        .filter(|&i| i <= MOST)
        .unwrap_or(0)
}

/// True when a word of `name` names a country or its people ("Kyrgyz Border Service").
fn names_country(ctx: &DocContext<'_>, name: &str) -> bool {
    let gaz = ctx.asm.gazetteer();
    name.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .any(|w| gaz.country_by_name(w).is_some() || gaz.country_by_demonym(w).is_some())
}

impl Frame {
    /// A background incident known only by month or year and by a whole region
    /// ("during the fighting in September 2022 in the Batken region"): history told
    /// in summary, not an event of its own (CODEBOOK §1).
    pub(crate) fn is_background_aggregate(&self) -> bool {
        self.context
            && self
                .date
                .is_none_or(|d| d.2 != DatePrecision::Day || d.1 > d.0)
            && (self.location.geo_precision >= 3 || self.location.name.is_empty())
    }
}

/// Builds the frames of a document, sentence by sentence.
pub fn build_frames(asm: &Assembler, ctx: &DocContext<'_>) -> Vec<Frame> {
    let mut frames: Vec<Frame> = Vec::new();
    let mut last_date = ctx.main_date;
    // The paragraph of the sentence that gave `last_date` (none for the main date).
    let mut last_date_paragraph: Option<usize> = None;
    let mut near: Vec<(f64, f64)> = Vec::new();
    let mut last_country: Option<String> = None;
    let mut last_frame_sentence: Option<usize> = None;
    let title = ctx.doc.title;
    let header_lines = header_lines(&ctx.doc.text);
    let mut placeless: Vec<Frame> = Vec::new();
    // The last sentence that reported no act: the next may take its places.
    let mut carried: Option<usize> = None;
    // The weapons of the last sentence that named some, and its paragraph.
    let mut scene_weapons: Option<(usize, Vec<&'static str>)> = None;
    let scans = scan_sentences(&ctx.sentences);
    // The act a lead ending in a colon tells, which the list after it itemises by place.
    let mut list_lead: Option<SubEventType> = None;
    for ((si, s), scan) in ctx.sentences.iter().enumerate().zip(&scans) {
        let text = s.text.as_str();
        let headline = title.is_some_and(|t| t.contains(&s.sentence.span))
            || (title.is_none() && s.sentence.paragraph == 0 && !text.ends_with('.'))
            || header_lines > s.sentence.paragraph && !text.trim_end().ends_with(['.', '”', '"']);
        // The date of this sentence, else the last one seen.
        // A wire dateline's date ("SRINAGAR, Oct 21 (PTI) -") is when the report was
        // filed, not when the event it tells happened.
        let dateline_end = crate::document::wire_dateline(text).map_or(0, |m| m.end());
        let usable: Vec<&sitrep_recognise::dates::DateMention> = s
            .dates
            .iter()
            .filter(|d| !d.historical && d.span.start >= dateline_end)
            .collect();
        // "Vovchansk, where troops have fought since May, came under fire on Sunday":
        // a date inside an aside dates no event of the sentence.
        let asides = &scan.asides;
        let usable: Vec<&sitrep_recognise::dates::DateMention> = usable
            .into_iter()
            .filter(|d| !in_aside(asides, d.span.start, d.span.end))
            .collect();
        // "Earlier this month, on April 2, ...": a day inside the period named first
        // is the date.
        let own_date = usable
            .first()
            .map(|first| {
                usable
                    .iter()
                    .skip(1)
                    .find(|d| {
                        first.precision != DatePrecision::Day
                            && d.precision == DatePrecision::Day
                            && matches!(
                                (first.start, first.end, d.start),
                                (Some(a), Some(b), Some(x)) if a <= x && x <= b
                            )
                    })
                    .unwrap_or(first)
            })
            .map(|d| match (d.start, d.end) {
                (Some(a), Some(b)) => Some((a, b, d.precision)),
                _ => None,
            });
        // A day before the report's own, told in an earlier paragraph ("The conflict
        // began on April 28, when ..."), dates no undated paragraph after it: the story
        // goes back to its own day.
        if own_date.is_none()
            && last_date_paragraph.is_some_and(|p| p < s.sentence.paragraph)
            && matches!((last_date, ctx.main_date), (Some(l), Some(m)) if l.0 < m.0)
        {
            last_date = ctx.main_date;
            last_date_paragraph = None;
        }
        let date = match own_date {
            Some(d) => d,
            // "Overnight, a drone fell near X. Jets later struck Y": what came later than
            // a night is on its last day.
            None => last_date.map(|d| match d {
                (a, b, p) if b > a && LATER.is_match(text) => (b, b, p),
                d => d,
            }),
        };
        // A background day ("last month, on October 17") is no anchor for the undated
        // sentences after it: they go back to the report's own events.
        if let Some(Some(d)) = own_date {
            if d.2 == DatePrecision::Day && !before_main_date(ctx, Some(d)) {
                last_date = Some(d);
                last_date_paragraph = Some(s.sentence.paragraph);
            }
        }
        // "Hezbollah claimed responsibility for the attack": the group is the side that
        // acted in the events just told, where they named none or only its country.
        if CLAIMED_RESPONSIBILITY.is_match(text) {
            let group = s
                .claimant
                .as_deref()
                .and_then(sitrep_recognise::actors::non_state_group);
            if let Some((group, cc)) = group {
                let country_forces = cc.and_then(|c| military(ctx, c));
                for f in frames.iter_mut().filter(|f| f.sentence + 2 >= si) {
                    let unnamed = f.agent.as_deref().is_none_or(|a| {
                        a.starts_with("Unidentified Armed Group")
                            || country_forces.as_deref() == Some(a)
                    });
                    if unnamed && f.patient.as_deref() != Some(group) {
                        f.agent = Some(group.to_string());
                    }
                }
            }
        }
        if scan.history
            || (s.dates.iter().any(|d| d.historical) || scan.habitual || scan.cumulative)
                && own_date.is_none()
        {
            continue;
        }
        let triggers = &scan.triggers;
        let casualties = &scan.casualties;
        // "The NNA initially reported two killed; the ministry later said one": figures
        // after the correction stand.
        let superseded_until = SUPERSEDED.find(text).map(|m| {
            CORRECTION
                .find(&text[m.end()..])
                .map_or(text.len(), |c| m.end() + c.start())
        });
        let weapons = &scan.weapons;
        // "Russian forces struck the district with artillery. Two communities came under
        // fire.": fire on towns told without weapons is of the ones just named.
        if !weapons.is_empty() {
            scene_weapons = Some((s.sentence.paragraph, weapons.clone()));
        } else if scene_weapons
            .as_ref()
            .is_some_and(|(p, _)| *p != s.sentence.paragraph)
        {
            scene_weapons = None;
        }
        let scene: &[&str] = scene_weapons.as_ref().map_or(&[], |(_, w)| w);
        let roles = roles_of(s);
        let lower = text.to_lowercase();
        // Fire on towns and homes with no military target named hits civilians.
        let civilian_hit = casualties.iter().any(|c| c.civilian)
            || CIVILIAN_TARGET.is_match(&lower)
                && !lower.contains("position")
                && !lower.contains("military facilit");
        let sub = classify(
            triggers,
            if civilian_hit && weapons.is_empty() {
                scene
            } else {
                weapons
            },
            text,
            civilian_hit,
        );
        // "As a result of shelling on September 16, the following damage was recorded:"
        // then "Kok-Tash village: 4 houses damaged, one resident wounded;": each item
        // headed by its place tells the lead's act there.
        let list_item = LIST_ITEM_HEAD.is_match(text);
        let from_lead = sub.is_none() && list_item && list_lead.is_some();
        let sub = if from_lead { list_lead } else { sub };
        list_lead = match sub {
            Some(lead) if text.trim_end().ends_with(':') => Some(lead),
            _ if list_item => list_lead,
            _ => None,
        };
        // "abducted a shepherd", "detained two farmers": the people taken are civilians.
        let civilian_hit = civilian_hit
            || matches!(
                sub,
                Some(SubEventType::Abduction) | Some(SubEventType::Arrests)
            ) && triggers.iter().any(|t| {
                let rest = &text[t.span.end..];
                let clause = rest.split([',', ';', '.']).next().unwrap_or("");
                // "Two residents of Chartar ... were detained by ...": before a passive.
                let before = text[..t.span.start].trim_end();
                let passive = ["was", "were", "been"].iter().any(|w| before.ends_with(w));
                let subject = before.rsplit([',', ';']).next().unwrap_or("");
                sitrep_recognise::casualties::is_civilian(clause)
                    || passive && sitrep_recognise::casualties::is_civilian(subject)
                    // "a resident ... was captured": the trigger names who was taken.
                    || sitrep_recognise::casualties::is_civilian(t.span.slice(text))
            });
        // "Two women were injured in Antonivka": a toll at a place just reported hit
        // belongs to that event.
        let toll_only = !triggers.is_empty()
            && triggers
                .iter()
                .all(|t| TOLL_ONLY.is_match(t.span.slice(text)));
        // Places matter to a sentence that reports an act; a sentence that only sets
        // the scene has its places found if the next one borrows them (below).
        let places = if sub.is_some() {
            sentence_places(s, &roles)
        } else {
            Vec::new()
        };
        let figure_side = |victims: &str, civilian: bool| -> String {
            if civilian {
                return "civ".into();
            }
            for a in &s.actors {
                let label = &text[a.span.start..a.span.end];
                if !victims.is_empty() && (victims.contains(label) || label.contains(victims)) {
                    if let Some(c) = &a.country {
                        return c.clone();
                    }
                }
            }
            let low = victims.to_lowercase();
            if low.contains("its ") || low.contains("our ") {
                if let Some(c) = s.claimant.as_ref().and_then(|c| c.rsplit(" of ").next()) {
                    if let Some(cc) = ctx.asm.gazetteer().country_by_name(c) {
                        return cc.iso2.clone();
                    }
                }
            }
            // "Armenian soldiers": the side a demonym names.
            if let Some(cc) = victims
                .split_whitespace()
                .next()
                .and_then(|w| ctx.asm.gazetteer().country_by_demonym(w))
            {
                return cc.iso2.clone();
            }
            String::new()
        };
        // "Four Armenian servicemen were killed and six wounded": a bare count goes
        // with the victims named just before it.
        let mut last_side = String::new();
        let figures: Vec<Figure> = casualties
            .iter()
            .map(|c| {
                let side = figure_side(&c.victims, c.civilian);
                if c.victims.is_empty() && side.is_empty() {
                    return last_side.clone();
                }
                last_side = side.clone();
                side
            })
            .zip(casualties)
            .map(|(side, c)| Figure {
                claimant: s.claimant.clone().or(ctx.default_claimant.clone()),
                side,
                killed: (c.harm == Harm::Killed).then_some(c.count),
                injured: (c.harm == Harm::Injured).then_some(c.count),
                superseded: superseded_until.is_some_and(|u| c.span.start < u),
                revised: c.revised || superseded_until.is_some_and(|u| c.span.start >= u),
                of_wounded: c.of_wounded,
            })
            .collect();
        // Country names are no targets: "a soldier of the Azerbaijan Army".
        let targets: Vec<&PlaceMention> = places
            .iter()
            .filter(|p| p.role == PlaceRole::Target)
            .filter(|p| asm.gazetteer().country_by_name(&p.name).is_none())
            .collect();
        let origin_pm = places.iter().find(|p| p.role == PlaceRole::Origin);
        // "A soldier was killed by sniper fire from Armenian positions in the Kalbajar
        // direction": casualties told only with where the fire came from happened near
        // it; that place (approximately) is the event's.
        let no_target = targets.is_empty();
        // So is a person taken: "detained a shepherd from Tsovak".
        let taken = matches!(
            sub,
            Some(SubEventType::Arrests) | Some(SubEventType::Abduction)
        );
        let origin_as_place: Option<PlaceMention> = origin_pm
            .filter(|_| no_target && (!casualties.is_empty() || taken))
            .map(|o| PlaceMention {
                role: PlaceRole::Target,
                approximate: true,
                ..o.clone()
            });
        let targets: Vec<&PlaceMention> = match &origin_as_place {
            Some(o) => vec![o],
            None => targets,
        };
        let origin_pm = origin_pm.filter(|_| origin_as_place.is_none());
        // What the sentence adds to the event(s) of the last event sentence: figures
        // (to its first place), weapons used, the time, a denial or dispute.
        let uses_weapons = sub.is_some() || USE_VERB.is_match(text);
        // "Another soldier received a gunshot wound near Kut": figures told with a
        // place of their own belong to the event there.
        let own_targets: Vec<PlaceMention> =
            if sub.is_none() && !figures.is_empty() && s.stance == Stance::Asserts {
                sentence_places(s, &roles)
                    .into_iter()
                    // Not a place inside a quote ("martyred on the road to Jerusalem").
                    .filter(|p| p.role == PlaceRole::Target && !inside_quote(text, p.span.start))
                    .collect()
            } else {
                Vec::new()
            };
        let own_resolve = |p: &PlaceMention| {
            resolve(asm, ctx, p, &near, last_country.as_deref())
                .filter(|(_, key, regional)| key.contains('@') && !regional)
        };
        let own_at = own_targets.first().and_then(own_resolve);
        // "X was killed in Keran, while the two injured, posted in Machil, ...": each
        // clause's figures go to the event at the place it names (the places' keys are
        // resolved only then).
        let own_by_clause = {
            let starts: Vec<usize> = own_targets.iter().map(|p| p.span.start).collect();
            let figure_starts: Vec<usize> = casualties.iter().map(|c| c.span.start).collect();
            (figures.len() == casualties.len())
                .then(|| figures_by_clause(text, &figure_starts, &starts))
                .flatten()
                .map(|to| {
                    let keys: Vec<Option<String>> = own_targets
                        .iter()
                        .map(|p| own_resolve(p).map(|(_, key, _)| key))
                        .collect();
                    (to, keys)
                })
        };
        let attach = |frames: &mut Vec<Frame>| {
            let Some(last) = frames.last() else {
                return;
            };
            let near_enough = last_frame_sentence.is_some_and(|l| si <= l + 3)
                && last.paragraph + 2 >= s.sentence.paragraph;
            // A revised toll ("by Sunday the toll had risen to 16") updates the event
            // it follows, whatever day it is told on.
            // So does a death among its wounded ("one of them died on Wednesday").
            let revision = figures.iter().any(|f| f.revised || f.of_wounded);
            let same_day = revision
                || match own_date {
                    Some(Some(d)) => last.date.is_none_or(|l| l.0 == d.0),
                    _ => true,
                };
            if !near_enough || !same_day {
                return;
            }
            let last_sentence = last.sentence;
            let last_date = last.date.map(|d| d.0);
            // A denial answers the whole report: every recent event of that day.
            let group: Vec<usize> = if s.stance != Stance::Asserts {
                (0..frames.len())
                    .filter(|&i| {
                        frames[i].sentence + 6 >= si && frames[i].date.map(|d| d.0) == last_date
                    })
                    .collect()
            } else {
                (0..frames.len())
                    .filter(|&i| frames[i].sentence == last_sentence)
                    .collect()
            };
            let adds = !figures.is_empty()
                || s.stance != Stance::Asserts
                || (uses_weapons && !weapons.is_empty());
            // The frame whose place the sentence names takes its figures; a place no
            // frame has is a new event of the same kind there.
            let mut figures_to = group.first().copied();
            if let (Some((loc, key, _)), Some(&first)) = (&own_at, group.first()) {
                match group.iter().find(|&&i| frames[i].place_key == *key) {
                    Some(&i) => figures_to = Some(i),
                    // A place of the same scene, not one far away.
                    None if !revision && same_scene(&frames[first].location, loc) => {
                        let mut f = frames[first].clone();
                        f.sentence = si;
                        f.paragraph = s.sentence.paragraph;
                        f.location = loc.clone();
                        f.place_key = key.clone();
                        f.figures = figures.clone();
                        f.evidence = vec![s.sentence.span];
                        f.claims = Vec::new();
                        f.origin = None;
                        f.regional = false;
                        f.named_region = false;
                        f.mention = 0;
                        f.headline = headline;
                        if let Some(Some(d)) = own_date {
                            f.date = Some(d);
                        }
                        frames.push(f);
                        return;
                    }
                    None => {}
                }
            }
            // Per clause, the frame of the place it names (all of them in this group).
            let clause_frames: Option<Vec<Option<usize>>> =
                own_by_clause.as_ref().and_then(|(to, keys)| {
                    let frame_of = |place: usize| {
                        let key = keys[place].as_ref()?;
                        group.iter().copied().find(|&i| frames[i].place_key == *key)
                    };
                    let mapped: Vec<Option<usize>> =
                        to.iter().map(|t| t.and_then(frame_of)).collect();
                    to.iter()
                        .zip(&mapped)
                        .all(|(t, m)| t.is_none() || m.is_some())
                        .then_some(mapped)
                });
            for &i in &group {
                let f = &mut frames[i];
                if adds {
                    f.evidence.push(s.sentence.span);
                }
                match &clause_frames {
                    Some(to) => f.figures.extend(
                        figures
                            .iter()
                            .zip(to)
                            .filter(|(_, t)| **t == Some(i) || t.is_none() && Some(i) == figures_to)
                            .map(|(fig, _)| fig.clone()),
                    ),
                    None if Some(i) == figures_to => f.figures.extend(figures.iter().cloned()),
                    None => {}
                }
                if uses_weapons {
                    for w in weapons {
                        if !f.weapons.iter().any(|x| x == w) {
                            f.weapons.push(w.to_string());
                        }
                    }
                }
                if f.time.is_none() && (uses_weapons || !figures.is_empty()) {
                    f.time = s.times.first().map(|t| t.render());
                }
                if s.stance != Stance::Asserts {
                    f.claims.push(Claim {
                        claimant: s.claimant.clone(),
                        stance: s.stance,
                        fatalities: None,
                        injuries: None,
                        text: Some(s.text.chars().take(160).collect()),
                    });
                }
            }
        };
        // A sentence that sets the scene ("a quadcopter ... over the positions in the
        // direction of the Aghdam region was observed") lends its places to the next.
        let carried_here: Vec<PlaceMention>;
        let targets: Vec<&PlaceMention> = match (&sub, targets.is_empty(), &carried) {
            // Only outcomes ("was suppressed", "were detained") take the scene's places;
            // an act of its own needs its own place.
            (Some(sub), true, Some(at))
                if si <= at + 1
                    && sub.event_type() == sitrep_core::EventType::StrategicDevelopments =>
            {
                let scene = &ctx.sentences[*at];
                let scene_roles = roles_of(scene);
                carried_here = sentence_places(scene, &scene_roles)
                    .into_iter()
                    .filter(|p| p.role == PlaceRole::Target)
                    .map(|p| PlaceMention {
                        span: Span::new(text.len(), text.len()),
                        ..p
                    })
                    .collect();
                carried_here.iter().collect()
            }
            _ => targets,
        };
        carried = sub.is_none().then_some(si);
        let Some(sub) = sub else {
            if !figures.is_empty()
                || s.stance != Stance::Asserts
                || uses_weapons && !weapons.is_empty()
            {
                attach(&mut frames);
            }
            continue;
        };
        // Countries are not places of an event ("shelling of the Azerbaijan forces"),
        // nor of the scene whose places this sentence takes.
        let targets: Vec<&PlaceMention> = targets
            .into_iter()
            .filter(|t| asm.gazetteer().country_by_name(&t.name).is_none())
            .collect();
        // "The army denied targeting civilians in Mellit, saying it had struck depots":
        // a denial of an event just told is a claim about it, not another event.
        let answers_told = s.stance != Stance::Asserts
            && !targets.is_empty()
            && targets.iter().all(|t| {
                let n = sitrep_geocode::normalise(&t.name);
                let key = resolve(asm, ctx, t, &near, last_country.as_deref()).map(|r| r.1);
                frames.iter().any(|f| {
                    f.sentence + 6 >= si
                        && (sitrep_geocode::normalise(&f.location.name) == n
                            || key.as_deref() == Some(f.place_key.as_str()))
                })
            });
        if answers_told {
            attach(&mut frames);
            continue;
        }
        if targets.is_empty() && figures.iter().any(|f| f.revised || f.of_wounded) {
            // "On Tuesday the toll had risen to 34": an update of the event told before.
            attach(&mut frames);
            continue;
        }
        if targets.is_empty() {
            // A dated act with no place of its own ("the ministry reported shelling on
            // Thursday, as well"): kept aside, placed at the report's main place below.
            let dated = matches!(own_date, Some(Some(d)) if d.2 == DatePrecision::Day);
            let differs = !frames
                .iter()
                .any(|f| f.date.map(|d| d.0) == date.map(|d| d.0));
            if dated
                && differs
                && sub.event_type() != sitrep_core::EventType::StrategicDevelopments
                && !s.actors.is_empty()
            {
                let name = |r: Role| {
                    roles
                        .iter()
                        .find(|(_, x)| *x == r)
                        .and_then(|(i, _)| actor_name(&s.actors[*i], ctx, None))
                };
                placeless.push(Frame {
                    sentence: si,
                    paragraph: s.sentence.paragraph,
                    date,
                    time: s.times.first().map(|t| t.render()),
                    sub,
                    agent: name(Role::Agent),
                    patient: name(Role::Patient),
                    location: Location::default(),
                    place_key: String::new(),
                    origin: None,
                    weapons: weapons.iter().map(|w| w.to_string()).collect(),
                    figures: figures.clone(),
                    claimant: if s.own_voice {
                        None
                    } else {
                        s.claimant.clone().or(ctx.default_claimant.clone())
                    },
                    own_voice: s.own_voice,
                    claims: Vec::new(),
                    context: false,
                    evidence: vec![s.sentence.span],
                    regional: false,
                    along_line: false,
                    headline,
                    named_region: false,
                    mention: 0,
                });
                continue;
            }
            attach(&mut frames);
            continue;
        }
        // Habitual plurals ("provocations", "attacks") with no day and no toll are no event.
        let habitual = !from_lead
            && triggers.iter().all(|t| {
                let w = t.span.slice(text).to_lowercase();
                matches!(t.kind, TriggerKind::Attack | TriggerKind::Mobilise)
                    && (w.ends_with('s') || w == "sabotage")
            });
        if habitual && figures.is_empty() && own_date.is_none() {
            continue;
        }
        // Where fire came from is sought near where it went ("units near Chinarli fired
        // at our positions near Alibeyli": Chinari in Tavush, not Chinarli in Khojavend).
        let origin = origin_pm.and_then(|o| {
            let mut around = near.clone();
            let target_at = targets
                .first()
                .and_then(|t| resolve(asm, ctx, t, &near, last_country.as_deref()))
                .and_then(|(loc, _, _)| loc.lat.zip(loc.lon));
            around.extend(target_at);
            resolve(asm, ctx, o, &around, last_country.as_deref()).map(|r| r.0)
        });
        let mut agent = None;
        let mut patient = None;
        for (i, r) in &roles {
            let m = &s.actors[*i];
            match r {
                Role::Agent if agent.is_none() => agent = Some(m),
                Role::Patient if patient.is_none() => patient = Some(m),
                _ => {}
            }
        }
        let context = opens_on_background(text) || before_main_date(ctx, date);
        let harm_killed = casualties.last().is_none_or(|c| c.harm == Harm::Killed);
        let (sentence_figs, each) = split_each(text, &figures, harm_killed);
        let distinct_groups = {
            let mut g: Vec<usize> = targets.iter().map(|t| t.group).collect();
            g.dedup();
            g.len()
        };
        // "A woman was killed in Bilozerka, while three people were injured in
        // Beryslav": each clause's figures go to the place it names.
        let target_starts: Vec<usize> = targets.iter().map(|t| t.span.start).collect();
        let casualty_starts: Vec<usize> = casualties.iter().map(|c| c.span.start).collect();
        let by_clause = (each.is_none() && sentence_figs.len() == casualties.len())
            .then(|| figures_by_clause(text, &casualty_starts, &target_starts))
            .flatten();
        let mut floor = 0;
        let mut prev_group = None;
        let mut first_place = true;
        for (ti, pm) in targets.iter().enumerate() {
            if prev_group != Some(pm.group) {
                if let Some(prev) = targets.iter().rev().find(|t| Some(t.group) == prev_group) {
                    floor = prev.span.end;
                }
                prev_group = Some(pm.group);
            }
            // "fired on Indian posts": a demonym with no place it qualifies is none.
            if pm.admin.is_none() && asm.gazetteer().country_by_demonym(&pm.name).is_some() {
                continue;
            }
            // "into the Sumy region near the village of Ryzhivka": a place named with no
            // region of its own lies in the region the sentence names.
            let in_region: PlaceMention;
            let pm: &PlaceMention = match targets
                .iter()
                .find(|t| t.hint == PlaceHint::Region && t.span != pm.span)
            {
                Some(r) if pm.admin.is_none() && pm.hint != PlaceHint::Region => {
                    in_region = PlaceMention {
                        admin: Some(r.name.clone()),
                        ..(*pm).clone()
                    };
                    &in_region
                }
                // "Klimovo ..., Bryansk governor Alexander Bogomaz said": a regional
                // official speaks of places in the region.
                _ if pm.admin.is_none() && pm.hint != PlaceHint::Region => {
                    match s.claimant.as_deref().and_then(official_region) {
                        Some(region) => {
                            in_region = PlaceMention {
                                admin: Some(region.to_string()),
                                ..(*pm).clone()
                            };
                            &in_region
                        }
                        None => pm,
                    }
                }
                _ => pm,
            };
            // "... in an Israeli strike in Majdal Selm on Friday": a day named right after
            // a place is that place's.
            let own_day = s
                .dates
                .iter()
                .find(|d| {
                    d.span.start >= pm.span.end
                        && d.span.start <= pm.span.end + 2
                        && !d.historical
                        && d.precision == DatePrecision::Day
                })
                .and_then(|d| Some((d.start?, d.end?, d.precision)));
            let (date, context) = match own_day {
                Some(day) if Some(day) != date => (
                    Some(day),
                    opens_on_background(text) || before_main_date(ctx, Some(day)),
                ),
                _ => (date, context),
            };
            let town =
                crate::place::part_of_town(asm, ctx, pm, text, &near, last_country.as_deref());
            let pm = town.as_ref().unwrap_or(pm);
            let Some((loc, key, regional)) = resolve(asm, ctx, pm, &near, last_country.as_deref())
            else {
                continue;
            };
            // Lines and rivers are not places of an event; the region named with one
            // ("near the Line of Control in Kupwara district") is.
            let along_line = loc.name.contains("Line of")
                || loc.name.contains("International Border")
                || loc.name.contains("Working Boundary")
                || loc.name.to_lowercase().contains("contact line")
                || key.ends_with("@river");
            let (loc, key, regional) = if along_line {
                match crate::place::admin_region(asm, ctx, pm) {
                    Some(r) => r,
                    None => continue,
                }
            } else {
                (loc, key, regional)
            };
            if let (Some(la), Some(lo)) = (loc.lat, loc.lon) {
                near.push((la, lo));
            }
            if loc.country.is_some() {
                last_country = loc.country.clone();
            }
            let sub = if distinct_groups > 1 {
                classify(
                    &triggers_for(triggers, floor, pm.span.start),
                    weapons,
                    text,
                    civilian_hit,
                )
                .unwrap_or(sub)
            } else {
                sub
            };
            let cc = loc.country.clone();
            // Several acts in one sentence ("X says it shelled A in retaliation for Y's
            // attack on B"): each place takes the agent named nearest before it, after
            // the previous place group, as it takes the triggers there.
            let local_agent = (distinct_groups > 1)
                .then(|| {
                    roles.iter().rev().find(|(i, r)| {
                        let span = s.actors[*i].span;
                        *r == Role::Agent && span.start >= floor && span.end <= pm.span.start
                    })
                })
                .flatten()
                .map(|(i, _)| &s.actors[*i]);
            let mut a1 = local_agent
                .or(agent)
                .and_then(|m| actor_name(m, ctx, cc.as_deref()));
            // "fired on army posts near Metula": the army hit is that of the place.
            let mut a2 = patient.and_then(|m| match (m.kind, cc.as_deref()) {
                (ActorKind::Army, Some(c)) => military(ctx, c),
                _ => actor_name(m, ctx, cc.as_deref()),
            });
            if civilian_hit
                && a2.as_deref().is_none_or(|a| a.starts_with("Military"))
                && sub != SubEventType::ArmedClash
            {
                a2 = cc.as_ref().map(|c| format!("Civilians ({c})"));
            }
            // "Two soldiers and three civilians were killed": the forces were the target.
            if a2.as_deref().is_some_and(|a| a.starts_with("Civilians"))
                && !civilian_hit
                && casualties
                    .iter()
                    .any(|c| names_troops(text.get(c.span.start..c.span.end).unwrap_or("")))
            {
                if let Some(m) = cc.as_deref().and_then(|c| military(ctx, c)) {
                    a2 = Some(m);
                }
            }
            // "Positions near Kut also came under fire": the sides of the event before.
            // "An anti-tank missile was also fired at an army post near Metula": the
            // side hit is named, the one acting is that of the event before.
            let no_agent = s.actors.is_empty()
                || local_agent.or(agent).is_none() && sub != SubEventType::RemoteExplosive;
            if a1.is_none() && no_agent {
                // the latest recent event on the same side of the line, hitting the same side
                if let Some(prev) = frames
                    .iter()
                    .rev()
                    .take_while(|p| p.sentence + 3 >= si)
                    .find(|p| p.location.country == loc.country)
                    .filter(|p| {
                        let side =
                            |a: &Option<String>| a.as_deref().and_then(|a| side_country(a, ctx));
                        a2.is_none() || side(&p.patient) == side(&a2)
                    })
                {
                    // A crowd is no side of what follows.
                    let attacker = prev.agent.clone().filter(|a| {
                        !["Civilians", "Protesters", "Rioters"]
                            .iter()
                            .any(|c| a.starts_with(c))
                    });
                    if sub == SubEventType::DisruptedWeaponsUse && a2.is_none() {
                        // "Air defence forces shot down two more drones": the side hit
                        // before stopped the attacker's weapons.
                        let defender = military_other_than(ctx, cc.as_deref(), attacker.as_ref());
                        if defender.is_some() {
                            a1 = defender;
                            a2 = attacker;
                        }
                    } else {
                        a1 = attacker;
                    }
                }
            }
            // A mine or explosive device that no one is said to have laid: an unnamed
            // armed group of the place (ACLED practice), not the other side.
            if a1.is_none() && sub == SubEventType::RemoteExplosive {
                a1 = cc
                    .as_deref()
                    .map(|c| format!("Unidentified Armed Group ({c})"));
            }
            // "a drone launched from Lebanon", in a report naming Hezbollah: the armed
            // group of that country, not its army.
            if a1.is_none() {
                a1 = origin_pm
                    .and_then(|o| asm.gazetteer().country_by_name(&o.name))
                    .and_then(|c| {
                        ctx.non_state.iter().find(|n| {
                            sitrep_recognise::actors::non_state_group(n)
                                .is_some_and(|(_, cc)| cc == Some(c.iso2.as_str()))
                        })
                    })
                    .cloned();
            }
            if a1.is_none() {
                let victim_country =
                    a2.as_deref()
                        .and_then(|p| actor_country(p, ctx))
                        .or_else(|| {
                            if a2.as_deref().is_some_and(|p| p.starts_with("Civilians")) {
                                cc.clone()
                            } else {
                                None
                            }
                        });
                if let Some(p) = victim_country {
                    a1 = ctx.other_party(&p).and_then(|o| military(ctx, o));
                    // "detained an Armenian serviceman in the Lachin district": the
                    // forces of the country where it happened, when that is another.
                    if a1.is_none()
                        && matches!(
                            sub,
                            SubEventType::Arrests | SubEventType::DisruptedWeaponsUse
                        )
                    {
                        a1 = cc
                            .as_deref()
                            .filter(|c| *c != p)
                            .and_then(|c| military(ctx, c));
                    }
                    // "Units of the Centre group repelled four Ukrainian counterattacks,
                    // the Russian Defence Ministry said": the speaker's side acted.
                    if a1.is_none() {
                        a1 = s
                            .claimant
                            .as_deref()
                            .and_then(|c| speaker_side(c, ctx))
                            .filter(|a| {
                                a2.as_ref() != Some(a)
                                    && actor_country(a, ctx).is_some_and(|c| c != p)
                            });
                    }
                }
                if a1.is_none() {
                    let launcher = match origin.as_ref().and_then(|o| o.country.clone()) {
                        Some(o) => military(ctx, &o),
                        // "rockets were fired from Lebanon": an unnamed group in that country.
                        None => origin_pm
                            .and_then(|o| asm.gazetteer().country_by_name(&o.name))
                            .map(|c| format!("Unidentified Armed Group ({})", c.iso2)),
                    };
                    if sub == SubEventType::DisruptedWeaponsUse && launcher.is_some() {
                        // "an aerial target that crossed from Lebanon was intercepted": the
                        // side that stopped it acted; the launcher's weapon was stopped.
                        a1 = s
                            .claimant
                            .as_deref()
                            .and_then(|c| speaker_side(c, ctx))
                            .or_else(|| cc.as_deref().and_then(|c| military(ctx, c)));
                        a2 = launcher;
                    } else {
                        a1 = launcher;
                    }
                }
            }
            // "the ministry said its forces had destroyed ...": the speaker's side acts.
            let speaker_acted = s
                .claimant_span
                .and_then(|sp| text.get(sp.end..))
                .is_some_and(says_it_acted);
            // "the Israel Defense Forces said fighter jets struck ...": a military
            // source's unowned craft and troops are its own.
            let speaker_acted = speaker_acted
                || s.claimant.as_deref().is_some_and(is_military_source)
                    && (s
                        .claimant_span
                        .and_then(|sp| text.get(sp.end..))
                        .is_some_and(|after| SAID_CRAFT_ACTED.is_match(after))
                        || s.claimant_span.is_some_and(|sp| sp.start > 0)
                            && CRAFT_ACTED_FIRST.is_match(text));
            if a1.is_none() && speaker_acted {
                a1 = s
                    .claimant
                    .as_deref()
                    .and_then(|c| speaker_side(c, ctx))
                    .filter(|a| a2.as_ref() != Some(a));
            }
            // "air defences shot down 30 drones over the Bryansk region, the Russian
            // Defence Ministry said": the side that speaks stopped them.
            if a1.is_none() && a2.is_none() && sub == SubEventType::DisruptedWeaponsUse {
                a1 = s.claimant.as_deref().and_then(|c| speaker_side(c, ctx));
            }
            if a2.is_none()
                && !matches!(
                    sub,
                    SubEventType::Other | SubEventType::HeadquartersEstablished
                )
            {
                let a1c = a1
                    .as_deref()
                    .and_then(|a| actor_country(a, ctx))
                    .or_else(|| {
                        agent
                            .filter(|m| {
                                m.kind == ActorKind::NonState && m.name.contains("Karabakh")
                            })
                            .map(|_| "AM".to_string())
                    });
                // Else fire across the line hits the forces of the place's country.
                let other = match a1c.as_deref() {
                    Some(c) => ctx
                        .other_party(c)
                        .map(str::to_string)
                        .or_else(|| cc.clone().filter(|p| p != c)),
                    None => cc.clone(),
                };
                a2 = other
                    .and_then(|o| military(ctx, &o))
                    .or_else(|| {
                        // a state acting against the only non-state group the report names
                        (ctx.non_state.len() == 1
                            && a1.as_deref().is_some_and(|a| a.starts_with("Military")))
                        .then(|| ctx.non_state[0].clone())
                    })
                    .or_else(|| {
                        // "... attacks repelled, the Russian Defence Ministry said": the
                        // side that speaks is the other one.
                        s.claimant
                            .as_deref()
                            .and_then(|c| speaker_side(c, ctx))
                            .filter(|sp| a1.is_some() && a1.as_ref() != Some(sp))
                    });
                if a2 == a1 {
                    a2 = None;
                }
            }
            // "wounded by a sniper at X": the side hit is known, the shooter is the other party.
            if a1.is_none()
                && !matches!(
                    sub,
                    SubEventType::Other | SubEventType::HeadquartersEstablished
                )
            {
                if let Some(p) = a2.as_deref().and_then(|p| actor_country(p, ctx)) {
                    a1 = ctx.other_party(&p).and_then(|o| military(ctx, o));
                }
            }
            // One side cannot stop its own weapon: the stopper is the place's forces.
            if a1.is_some() && a1 == a2 && sub == SubEventType::DisruptedWeaponsUse {
                a1 = military_other_than(ctx, cc.as_deref(), a2.as_ref());
            }
            // Civilians fight no battle: "24 people were killed in the clashes with Tajik
            // forces" tells of the forces of the victims' country.
            if sub == SubEventType::ArmedClash
                && a1.as_deref().is_some_and(|a| a.starts_with("Civilians"))
            {
                let own = a1.as_deref().and_then(|a| side_country(a, ctx));
                a1 = military_other_than(ctx, own.as_deref(), a2.as_ref());
            }
            // Fire from inside Armenia is Armenia's, whatever the target district.
            if origin.as_ref().and_then(|o| o.country.as_deref()) != Some("AM") {
                karabakh_forces(ctx, &loc, &mut a1);
                karabakh_forces(ctx, &loc, &mut a2);
            }
            crate::sides::armed_group_forces(ctx, &s.actors, &loc, a1.as_deref(), &mut a2);
            // A sentence's figures go to its first place (CODEBOOK §6), unless given per place.
            let fig = match (&each, &by_clause) {
                (Some((after, f)), _) if pm.span.start >= *after => vec![f.clone()],
                // Figures of a clause with no place go to the first place.
                (_, Some(to)) => sentence_figs
                    .iter()
                    .zip(to)
                    .filter(|(_, t)| **t == Some(ti) || first_place && t.is_none())
                    .map(|(f, _)| f.clone())
                    .collect(),
                _ if first_place => sentence_figs.clone(),
                _ => Vec::new(),
            };
            first_place = false;
            // An event told again in more detail keeps the weapons named just before.
            let mut weapons: Vec<String> = weapons.iter().map(|w| w.to_string()).collect();
            if weapons.is_empty() {
                if let Some(prev) = frames
                    .last()
                    .filter(|p| p.sub == sub && p.date == date && p.sentence + 2 >= si)
                {
                    weapons = prev.weapons.clone();
                }
            }
            if toll_only {
                if let Some(f) = frames
                    .iter_mut()
                    .rev()
                    .find(|f| f.sentence + 3 >= si && f.place_key == key && f.date == date)
                {
                    f.figures.extend(fig);
                    f.evidence.push(s.sentence.span);
                    continue;
                }
            }
            // Ground taken by a group that is not a state's forces.
            let sub = if sub == SubEventType::GovernmentRegainsTerritory
                && a1
                    .as_deref()
                    .is_some_and(|a| ctx.non_state.iter().any(|n| n == a))
            {
                SubEventType::NonStateActorOvertakesTerritory
            } else {
                sub
            };
            // Of a detention or a downed drone, the side that acted reports it.
            let (first, other) = if matches!(
                sub,
                SubEventType::Arrests | SubEventType::DisruptedWeaponsUse
            ) {
                (a1.as_deref(), a2.as_deref())
            } else {
                (a2.as_deref(), a1.as_deref())
            };
            // An armed group has no ministry or army to speak for it: then the state
            // on the other side does ("Army aircraft bombed RSF positions, the army said").
            let speaking_side = match first {
                Some(p) if side_country(p, ctx).is_none() => {
                    other.filter(|o| side_country(o, ctx).is_some()).or(first)
                }
                _ => first,
            };
            let claimant = claimant_for(ctx, s, speaking_side, &loc, context);
            // Shelling or strikes a civil authority reports, or told as hitting towns
            // and villages, with no military target named, hit civilians (ACLED
            // practice): "Russian artillery shelled Bilozerka, the regional
            // administration said", "shelled the town of Berd".
            if matches!(sub, SubEventType::Shelling | SubEventType::AirDroneStrike)
                && (claimant.as_deref().is_some_and(is_civil_authority)
                    || SETTLEMENT_TARGET.is_match(text))
                && !names_military_target(
                    text,
                    &s.claimant_span
                        .into_iter()
                        .chain(local_agent.or(agent).map(|m| m.span))
                        .collect::<Vec<_>>(),
                )
                && a2
                    .as_deref()
                    .is_none_or(|a| a.starts_with("Military Forces") && actor_country(a, ctx) == cc)
            {
                a2 = cc.as_ref().map(|c| format!("Civilians ({c})"));
            }
            // Protesters and rioters are the crowd of the place's country; the police
            // face them when they step in.
            // A mob keeps those it attacked ("a mob lynched a man": civilians).
            // "Tajik citizens threw stones near Ak-Tatyr": the crowd's own nationality.
            let crowd_cc = s
                .actors
                .iter()
                .find(|a| a.kind == ActorKind::Civilians && a.country.is_some())
                .and_then(|a| a.country.clone())
                .or_else(|| cc.clone());
            if let Some((crowd, police)) = crowd_sides(ctx, sub, crowd_cc.as_deref(), cc.as_deref())
            {
                let riot = matches!(
                    sub,
                    SubEventType::ViolentDemonstration | SubEventType::MobViolence
                );
                a2 = match police {
                    Some(p) => Some(p),
                    // Only a side the sentence names, not one inferred from the place.
                    None if riot && (patient.is_some() || civilian_hit) => a2.filter(|a| {
                        !a.starts_with("Protesters") && !a.starts_with("Rioters") && *a != crowd
                    }),
                    None => None,
                };
                a1 = Some(crowd);
            }
            frames.push(Frame {
                sentence: si,
                paragraph: s.sentence.paragraph,
                date,
                time: s.times.first().map(|t| t.render()),
                sub,
                agent: a1,
                patient: a2,
                location: loc,
                place_key: key,
                origin: origin.clone(),
                weapons,
                figures: fig,
                own_voice: claimant.is_none()
                    && (s.own_voice || ctx.outlet_voice && s.claimant.is_none()),
                claimant,
                claims: Vec::new(),
                context,
                evidence: vec![s.sentence.span],
                regional,
                along_line,
                headline,
                named_region: pm.hint == PlaceHint::Region,
                mention: pm.span.start,
            });
        }
        last_frame_sentence = Some(si);
    }
    place_at_main_place(ctx, &mut frames, placeless);
    frames
}

/// Whether byte `at` of `text` lies inside a quotation.
fn inside_quote(text: &str, at: usize) -> bool {
    let before = &text[..at.min(text.len())];
    let straight = before.matches('"').count();
    let open = before.matches('“').count();
    let close = before.matches('”').count();
    straight % 2 == 1 || open > close
}

/// Within this distance, a place told after an event belongs to its scene.
const SCENE_KM: f64 = 60.0;

/// Whether two locations are close enough to be one scene (unknown coordinates are not).
fn same_scene(a: &Location, b: &Location) -> bool {
    match (a.lat, a.lon, b.lat, b.lon) {
        (Some(la), Some(lo), Some(lb), Some(lob)) => {
            sitrep_geocode::distance_km((la, lo), (lb, lob)) <= SCENE_KM
        }
        _ => false,
    }
}

/// The sides of a demonstration or riot in country `cc`: "Protesters (CC)" or
/// "Rioters (CC)", and the police when they intervened.
fn crowd_sides(
    ctx: &DocContext<'_>,
    sub: SubEventType,
    cc: Option<&str>,
    place_cc: Option<&str>,
) -> Option<(String, Option<String>)> {
    let cc = cc?;
    let police = || {
        ctx.asm
            .gazetteer()
            .country(place_cc.unwrap_or(cc))
            .map(|c| format!("Police Forces of {}", c.name))
    };
    match sub {
        SubEventType::PeacefulProtest => Some((format!("Protesters ({cc})"), None)),
        SubEventType::ProtestWithIntervention | SubEventType::ExcessiveForce => {
            Some((format!("Protesters ({cc})"), police()))
        }
        SubEventType::ViolentDemonstration | SubEventType::MobViolence => {
            Some((format!("Rioters ({cc})"), None))
        }
        _ => None,
    }
}

/// True for a day more than two days before the report's main date: an earlier
/// incident told as background (CODEBOOK §1, `context`).
fn before_main_date(ctx: &DocContext<'_>, date: Option<(Date, Date, DatePrecision)>) -> bool {
    match (date, ctx.main_date) {
        (Some(d), Some(m)) => m.0.since(d.0).map(|sp| sp.get_days()).unwrap_or(0) > 2,
        _ => false,
    }
}

/// Places the dated but placeless frames at the report's most named event place.
fn place_at_main_place(ctx: &DocContext<'_>, frames: &mut Vec<Frame>, placeless: Vec<Frame>) {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for (i, f) in frames.iter().enumerate().filter(|(_, f)| !f.headline) {
        match counts.iter_mut().find(|c| c.0 == f.place_key) {
            Some(c) => c.1 += 1,
            None => counts.push((f.place_key.clone(), 1, i)),
        }
    }
    let Some(best) = counts.iter().max_by_key(|c| (c.1, std::cmp::Reverse(c.2))) else {
        return;
    };
    let main = frames[best.2].clone();
    for mut f in placeless {
        if frames
            .iter()
            .any(|o| o.date.map(|d| d.0) == f.date.map(|d| d.0))
        {
            continue;
        }
        f.location = main.location.clone();
        f.place_key = main.place_key.clone();
        f.regional = main.regional;
        f.agent = f.agent.or_else(|| main.agent.clone());
        f.patient = f.patient.or_else(|| main.patient.clone());
        f.context = before_main_date(ctx, f.date);
        frames.push(f);
    }
}
