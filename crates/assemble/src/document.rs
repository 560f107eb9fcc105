//! What the whole report says, which single sentences leave implicit: its
//! sentences, dates, the parties, the countries, the main date, the claimants.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use sitrep_core::{CleanDoc, Date, DatePrecision, Span};
use sitrep_recognise::actors::{ActorKind, ActorMention};
use sitrep_recognise::claimants::find_claimant;
use sitrep_recognise::dates::{find_dates_and_times, DateMention, TimeMention};
use sitrep_recognise::pattern::regex;
use sitrep_recognise::sentences::{split_sentences, Sentence};

use crate::{Assembler, GazetteerCountries};

/// One sentence with its mentions (spans relative to the sentence).
#[derive(Debug)]
pub struct SentenceInfo {
    /// The sentence.
    pub sentence: Sentence,
    /// Its text.
    pub text: String,
    /// Actor mentions.
    pub actors: Vec<ActorMention>,
    /// Date mentions that date the events of the sentence (statement dates removed).
    pub dates: Vec<DateMention>,
    /// The days its source spoke ("the ministry said on Tuesday that ...").
    pub statement_dates: Vec<DateMention>,
    /// Time mentions.
    pub times: Vec<TimeMention>,
    /// Spans of gazetteer names.
    pub known_places: Vec<Span>,
    /// The claimant, resolved through earlier sentences.
    pub claimant: Option<String>,
    /// Where the sentence names its source ("the head of the Kherson Regional
    /// Military Administration"): the places in it are not the event's.
    pub claimant_span: Option<Span>,
    /// A ministry or army that speaks here without being named ("the Defence
    /// Ministry said" in a report that names none): its head, `"ministry"` (of
    /// defence), `"foreign ministry"`, `"interior ministry"` or `"army"`.
    pub unnamed_office: Option<&'static str>,
    /// The stance of the claimant's reporting verb.
    pub stance: sitrep_core::Stance,
    /// For a sentence that names no source: the source of the last sentence that
    /// named one (a named body or an unnamed office), which "he said" continues.
    pub carried: Option<Source>,
    /// True when the source named is the news agency that publishes the report ("NNA's
    /// correspondent reported" in an NNA dispatch): the outlet's own voice.
    pub own_voice: bool,
}

/// A source a sentence names.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A named body ("Ministry of Defence of Armenia").
    Named(String),
    /// An office named without its body ("the governor said"); its head.
    Office(&'static str),
}

/// Whether a source's name and an outlet's name are one agency ("National News
/// Agency" and "National News Agency - Lebanon").
fn same_outlet(name: &str, outlet: &str) -> bool {
    let key = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (n, o) = (key(name), key(outlet));
    n.len() >= 3 && (o.contains(&n) || n.contains(&o) && o.len() >= 3)
}

/// A wire dateline at a sentence's start: place (in capitals or title case), its
/// country when given ("GOMA, Democratic Republic of Congo, Feb 10"), date, then
/// "(AGENCY)", a dash, or ", Agency." ("Baku, December 2, Trend."); or the date first
/// with the place in brackets ("May 18, 2021 (KHARTOUM) -"); the date may be written
/// in figures ("Bishkek, 17.09.2022 (Kabar) -").
pub(crate) static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // ASCII letters: Unicode classes under these bounded repeats outgrow the lazy DFA,
    // and the fallback engine then runs on every sentence.
    regex(
        r"^\s*(?:(?:[A-Z][A-Z .'’/-]{2,40}|[A-Z][a-z]+(?:(?:[ -]|\s?/\s?)[A-Z][a-z]+){0,2}),\s*(?:[A-Z][a-z]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][a-z]+){0,3},\s*)?(?:[A-Z][A-Za-z.]{2,9}\s+\d{1,2}|\d{1,2}\s+[A-Z][A-Za-z.]{2,9}|\d{1,2}\.\d{1,2}\.\d{4})(?:,?\s+\d{4}|/\d{4})?\s*(?:\([^)]{1,30}\)\s*[-–—:]?|[-–—:]|\.(?:\s|$)|,\s*[A-Z][A-Za-z.-]{1,20}(?:[.:](?:\s|$)|\s*[-–—]{1,2}\s|\s*$))|(?:[A-Z][A-Za-z.]{2,9}\s+\d{1,2}|\d{1,2}\s+[A-Z][A-Za-z.]{2,9}),?\s+\d{4}\s*\([^)]{1,30}\)\s*[-–—:]?)",
    )
});

/// The wire dateline at the start of `text`, looked for in its first 120 bytes only
/// (the pattern is large; the regex engine's fallback costs grow with the text given).
pub(crate) fn wire_dateline(text: &str) -> Option<regex::Match<'_>> {
    let mut end = text.len().min(120);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    WIRE_DATELINE.find(&text[..end])
}

/// The day a wire dateline near the top of the text gives, when it falls in the
/// week before publication.
fn dateline_day(text: &str, published: Option<Date>) -> Option<Date> {
    let published = published?;
    let head_end = text.char_indices().nth(600).map_or(text.len(), |(i, _)| i);
    let line = text[..head_end]
        .split_inclusive('\n')
        .find(|line| wire_dateline(line).is_some())?;
    let m = wire_dateline(line)?;
    let (dates, _) = find_dates_and_times(&line[..m.end()], Some(published));
    let day = dates
        .iter()
        .filter(|d| d.precision == DatePrecision::Day)
        .find_map(|d| d.start)?;
    let behind = published.since(day).ok()?.get_days();
    (1..=7).contains(&behind).then_some(day)
}

/// Document-level context.
#[derive(Debug)]
pub struct DocContext<'a> {
    /// The assembler (gazetteer, finders).
    pub asm: &'a Assembler,
    /// The document.
    pub doc: &'a CleanDoc,
    /// Its sentences with their mentions.
    pub sentences: Vec<SentenceInfo>,
    /// The two state parties most mentioned, strongest first (ISO2).
    pub parties: Vec<String>,
    /// Countries mentioned, strongest first (ISO2), as geocoding hints.
    pub countries: Vec<String>,
    /// The report's main event date, the default for undated sentences.
    pub main_date: Option<(Date, Date, DatePrecision)>,
    /// The first named claimant, the default for unattributed sentences.
    pub default_claimant: Option<String>,
    /// True when the report's first source is the news agency that publishes it: what
    /// no source states is in the outlet's own voice.
    pub outlet_voice: bool,
    /// The first ministry or army that speaks in the report without being named.
    pub unnamed_office: Option<&'static str>,
    /// Canonical names of the non-state groups the report names.
    pub non_state: Vec<String>,
}

/// A sentence whose subject is a pronoun for the last source, denier or not ("It
/// claimed instead that ...", "He added that ...").
static PRONOUN_SAYS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\s*(?:It|He|She|They)\s+(?:(?:also|further|later|then|instead)\s+)?(?:said|says|claimed|claims|added|stated|states|reported|alleged|insisted|noted|wrote|accused|announced)(?-u:\b)",
    )
});

static STATEMENT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:said|says|stated|statement|reported|announced|informed|told \S+|report|message|press release)(?:\s+(?:issued|released|published))?(?:\s+(?:in|on)\s+a\s+\w+)?\s*$",
    )
});

/// The items (sorted by span start) whose spans start inside `span`.
fn starting_in<T>(items: &[T], span: Span, of: impl Fn(&T) -> Span) -> &[T] {
    let from = items.partition_point(|x| of(x).start < span.start);
    let to = items.partition_point(|x| of(x).start < span.end);
    &items[from..to.max(from)]
}

impl<'a> DocContext<'a> {
    /// Reads the document once and gathers its context.
    pub fn build(asm: &'a Assembler, doc: &'a CleanDoc) -> Self {
        let text = &doc.text;
        let countries_api = GazetteerCountries(asm.gazetteer);
        // "POONCH, Mar 12: ... this evening": a wire dateline's day, up to a week before
        // publication, is what the story's relative dates count from.
        let anchor = dateline_day(text, doc.published).or(doc.published);
        let (mut all_dates, mut all_times) = crate::entries::dates_by_entry(text, anchor);
        let mut names = asm.gazetteer.find_names(text);
        // Sorted by start, so each sentence finds its own mentions by binary search
        // (a linear scan per sentence is quadratic on a long document).
        all_dates.sort_by_key(|d| d.span.start);
        all_times.sort_by_key(|t| t.span.start);
        names.sort_by_key(|n| n.span.start);
        let mut sentences = Vec::new();
        let mut last_named: Option<String> = None;
        let mut last_source: Option<(Source, usize)> = None;
        // The last source of any stance, and the last spokesperson's: "It claimed
        // instead" after a denial, "the spokesman added".
        let mut last_any: Option<Source> = None;
        let mut last_spokes: Option<Source> = None;
        let mut by_head: HashMap<&'static str, String> = HashMap::new();
        // An institution's own channel (the IDF's press page, a regional military
        // administration's Telegram) speaks for it where no one else is named.
        let outlet_party = doc
            .outlet
            .as_deref()
            .and_then(|o| outlet_party(o, &countries_api));
        let mut default_claimant = outlet_party.clone();
        let mut outlet_first = false;
        let mut country_count: HashMap<String, usize> = HashMap::new();
        let mut party_count: HashMap<String, usize> = HashMap::new();
        let mut non_state: Vec<String> = Vec::new();
        // Each recogniser over every sentence before the next: interleaved, their
        // automata evict each other from the CPU caches.
        let split = split_sentences(text);
        let texts: Vec<String> = split
            .iter()
            .map(|s| s.span.slice(text).to_string())
            .collect();
        let found_actors: Vec<Vec<ActorMention>> =
            texts.iter().map(|t| asm.actors.find(t)).collect();
        let found_claimants: Vec<_> = texts
            .iter()
            .map(|t| find_claimant(t, &countries_api))
            .collect();
        for (((sentence, stext), actors), found) in split
            .into_iter()
            .zip(texts)
            .zip(found_actors)
            .zip(found_claimants)
        {
            let span = sentence.span;
            for a in &actors {
                if let Some(c) = &a.country {
                    *country_count.entry(c.clone()).or_default() += 1;
                    if a.kind == ActorKind::State {
                        *party_count.entry(c.clone()).or_default() += 1;
                    }
                }
                if a.kind == ActorKind::NonState && !non_state.contains(&a.name) {
                    non_state.push(a.name.clone());
                }
            }
            let rel = |s: Span| Span::new(s.start - span.start, s.end - span.start);
            let (dates, statement_dates): (Vec<DateMention>, Vec<DateMention>) =
                starting_in(&all_dates, span, |d| d.span)
                    .iter()
                    .filter(|d| span.contains(&d.span))
                    .map(|d| DateMention {
                        span: rel(d.span),
                        ..d.clone()
                    })
                    .partition(|d| {
                        !STATEMENT_DATE.is_match(sitrep_core::tail(&stext[..d.span.start], 80))
                    });
            let times: Vec<TimeMention> = starting_in(&all_times, span, |t| t.span)
                .iter()
                .filter(|t| span.contains(&t.span))
                .map(|t| TimeMention {
                    span: rel(t.span),
                    ..t.clone()
                })
                .collect();
            let known_places: Vec<Span> = starting_in(&names, span, |n| n.span)
                .iter()
                .filter(|n| span.contains(&n.span))
                .map(|n| rel(n.span))
                .collect();
            let mut claimant = None;
            let mut claimant_span = None;
            let mut unnamed_office = None;
            let mut stance = sitrep_core::Stance::Asserts;
            // A news agency naming itself speaks in the outlet's own voice.
            let own_voice = found.as_ref().is_some_and(|c| {
                c.head == "agency"
                    && c.name
                        .as_deref()
                        .zip(doc.outlet.as_deref())
                        .is_some_and(|(n, o)| same_outlet(n, o))
            });
            outlet_first |= own_voice && default_claimant.is_none();
            // "residents told OC Media": people on the spot, no institution's claim and no
            // earlier source's.
            let witness = found.as_ref().is_some_and(|c| c.head == "witness");
            if let Some(c) = found.filter(|_| !own_voice && !witness) {
                stance = c.stance;
                // A national source speaks mostly of its own country's ground.
                if let Some(cc) = &c.country {
                    *country_count.entry(cc.clone()).or_default() += 2;
                }
                claimant_span = Some(c.span);
                match c.name.map(|n| governor_of_region(asm, n)) {
                    Some(n) => {
                        by_head.insert(c.head, n.clone());
                        // "the ministry said" after a named foreign ministry means it.
                        if c.head.ends_with("ministry") {
                            by_head.insert("ministry", n.clone());
                        }
                        last_named = Some(n.clone());
                        // A source that only denies is no default for what others assert.
                        // An agency that first speaks in its own name keeps the report
                        // in the outlet's voice.
                        if stance == sitrep_core::Stance::Asserts && !outlet_first {
                            default_claimant.get_or_insert_with(|| n.clone());
                        }
                        claimant = Some(n);
                    }
                    None => {
                        // "the ministry said": the ministry named before; a ministry or army
                        // never named is the one of the side hit (resolved per event).
                        claimant = by_head.get(c.head).cloned();
                        if claimant.is_none()
                            && matches!(
                                c.head,
                                "ministry"
                                    | "foreign ministry"
                                    | "interior ministry"
                                    | "army"
                                    | "administration"
                                    | "governor"
                                    | "police"
                                    | "village head"
                            )
                        {
                            unnamed_office = Some(c.head);
                        } else if claimant.is_none() && c.head != "spokesman" {
                            claimant = last_named.clone();
                        }
                    }
                }
            }
            // "the spokesman added": the spokesperson who spoke last.
            let spokes_anaphor = claimant.is_none()
                && unnamed_office.is_none()
                && claimant_span.is_some_and(|sp| sp.slice(&stext).contains("spokes"));
            if spokes_anaphor {
                match &last_spokes {
                    Some(Source::Named(n)) => claimant = Some(n.clone()),
                    Some(Source::Office(o)) => unnamed_office = Some(o),
                    None => {}
                }
            }
            // In the paragraph of the last source, or where "he said" refers back.
            let pronoun =
                claimant.is_none() && unnamed_office.is_none() && PRONOUN_SAYS.is_match(&stext);
            let carried = match &last_source {
                _ if witness => None,
                _ if pronoun => last_any.clone(),
                Some((source, paragraph))
                    if claimant.is_none()
                        && unnamed_office.is_none()
                        && (*paragraph == sentence.paragraph
                            || sitrep_recognise::claimants::is_attributed(&stext)) =>
                {
                    Some(source.clone())
                }
                _ => None,
            };
            let source = claimant
                .clone()
                .map(Source::Named)
                .or(unnamed_office.map(Source::Office));
            if source.is_some() {
                last_any = source.clone();
                if claimant_span.is_some_and(|sp| {
                    let t = sp.slice(&stext);
                    t.contains("spokes") || t.contains("PRO")
                }) {
                    last_spokes = source;
                }
            }
            // Denials are no source for what follows.
            if stance == sitrep_core::Stance::Asserts {
                if let Some(c) = &claimant {
                    last_source = Some((Source::Named(c.clone()), sentence.paragraph));
                } else if let Some(o) = unnamed_office {
                    last_source = Some((Source::Office(o), sentence.paragraph));
                }
            }
            if own_voice {
                last_source = None;
            }
            sentences.push(SentenceInfo {
                own_voice,
                carried: carried.filter(|_| !own_voice),
                unnamed_office,
                claimant_span,
                sentence,
                text: stext,
                actors,
                dates,
                statement_dates,
                times,
                known_places,
                claimant,
                stance,
            });
        }
        let mut parties: Vec<(String, usize)> = party_count.into_iter().collect();
        parties.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut countries: Vec<(String, usize)> = country_count.into_iter().collect();
        countries.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut countries: Vec<String> = countries.into_iter().map(|c| c.0).collect();
        // Countries only named ("Ukraine: shelling reported in Kherson") come after
        // those whose forces or people act.
        for c in asm.actors.countries_named(text) {
            if !countries.contains(&c) {
                countries.push(c);
            }
        }
        let main_date = main_date(&sentences, doc.published);
        let unnamed_office = sentences.iter().find_map(|s| s.unnamed_office);
        DocContext {
            asm,
            doc,
            sentences,
            parties: parties.into_iter().take(2).map(|p| p.0).collect(),
            countries,
            main_date,
            default_claimant,
            outlet_voice: outlet_first,
            unnamed_office,
            non_state,
        }
    }

    /// The other party of the report's two.
    pub fn other_party(&self, iso2: &str) -> Option<&str> {
        self.parties.iter().map(String::as_str).find(|p| *p != iso2)
    }
}

/// The institution an outlet is, when it is one ("Sumy Regional Military
/// Administration (Telegram)", "IDF Spokesperson's Unit"), not a news agency or a
/// broadcaster named with its country ("Al-Manar TV Lebanon").
fn outlet_party(outlet: &str, countries: &GazetteerCountries) -> Option<String> {
    let name = outlet.split(" (").next().unwrap_or(outlet).trim();
    if name.is_empty() || name.len() > 80 {
        return None;
    }
    let found = find_claimant(&format!("Shells fell, the {name} said."), countries)?;
    (!matches!(found.head, "agency" | "government"))
        .then_some(found.name)
        .flatten()
}

/// "Governor of Belgorod" is the governor of the region of that name ("Governor of
/// Belgorod Oblast"), as the governor of an event's region is named.
fn governor_of_region(asm: &Assembler, name: String) -> String {
    let Some(place) = name.strip_prefix("Governor of ") else {
        return name;
    };
    let region = asm
        .gazetteer()
        .resolve(place, &sitrep_geocode::Hints::new().region())
        .filter(|c| c.place.kind == sitrep_geocode::Kind::Province)
        .map(|c| c.place.name.clone())
        .filter(|r| r.starts_with(place) && r.len() > place.len());
    match region {
        Some(r) => format!("Governor of {r}"),
        None => name,
    }
}

/// The first day-precision date of an event in the report (not a background
/// year, not after publication), else the first day its source spoke ("the ministry
/// said on Tuesday that ..."), else the publication date.
fn main_date(
    sentences: &[SentenceInfo],
    published: Option<Date>,
) -> Option<(Date, Date, DatePrecision)> {
    let lead = &sentences[..sentences.len().min(12)];
    // A wire dateline's day is when the report was filed, not when its events were.
    lead.iter()
        .flat_map(|s| {
            let filed = wire_dateline(&s.text).map_or(0, |m| m.end());
            s.dates
                .iter()
                .filter(move |d| d.span.start >= filed && !is_byline(&s.text, d.span))
        })
        .find_map(|d| day_up_to(d, published))
        .or_else(|| {
            lead.iter()
                .flat_map(|s| &s.statement_dates)
                .find_map(|d| day_up_to(d, published))
        })
        .or_else(|| published.map(|p| (p, p, DatePrecision::Day)))
}

/// A byline or stamp line: a date with a name or a few words and no sentence ("Ani
/// Mejlumyan Apr 12, 2023", "Updated 14:05, 12 April 2023"). Its day is when the report
/// was written.
fn is_byline(text: &str, date: Span) -> bool {
    let text = text.trim_end();
    if text.len() > 80 || text.ends_with(['.', '!', '?', '"', '”']) {
        return false;
    }
    let words = |t: &str| {
        t.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
    };
    let (start, end) = (date.start.min(text.len()), date.end.min(text.len()));
    words(&text[..start]) + words(&text[end..]) <= 5
}

/// The day `d` names when it is no background date and falls in the week up to
/// publication.
fn day_up_to(d: &DateMention, published: Option<Date>) -> Option<(Date, Date, DatePrecision)> {
    if d.historical || d.precision != DatePrecision::Day {
        return None;
    }
    let (start, end) = (d.start?, d.end?);
    if let Some(p) = published {
        let age = p.since(start).map(|s| s.get_days()).unwrap_or(0);
        if !(0..=7).contains(&age) {
            return None;
        }
    }
    Some((start, end, DatePrecision::Day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starting_in_takes_the_spans_that_start_inside() {
        let spans = [
            Span::new(0, 4),
            Span::new(5, 9),
            Span::new(9, 12),
            Span::new(20, 25),
        ];
        let got = |a, b| starting_in(&spans, Span::new(a, b), |s| *s).to_vec();
        assert_eq!(got(5, 12), [Span::new(5, 9), Span::new(9, 12)]);
        assert_eq!(got(1, 5), Vec::<Span>::new());
        assert_eq!(got(0, 30), spans);
        assert_eq!(got(12, 20), Vec::<Span>::new());
    }
}
