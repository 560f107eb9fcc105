//! What each sentence says on its own, before the frames read them in order: its
//! asides, whether it tells background, its triggers, casualties and weapons.
//!
//! Each recogniser runs over all the sentences of a report before the next one
//! starts. Interleaved per sentence, their lazy-DFA tables evicted each other from
//! the CPU caches, and one pattern cost ten times what it costs run alone.

use std::sync::LazyLock;

use regex::Regex;
use sitrep_recognise::casualties::{find_casualties, Casualty};
use sitrep_recognise::pattern::regex;
use sitrep_recognise::triggers::{find_triggers, Trigger};
use sitrep_recognise::weapons::weapon_names;

use crate::document::SentenceInfo;

/// Habits, not events: "the ministry regularly accuses ...", "shelled almost daily"
/// (only in a sentence with no day of its own).
static HABITUAL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:regularly|routinely|frequently|constantly|habitually|often) (?:accuses?|accused|reports?|reported|claims?|claimed|denies|denied|fires?|fired|shells?|shelled|violates?|violated|says|said)(?-u:\b)|(?-u:\b)(?:almost|nearly) (?:daily|every day)(?-u:\b)|(?-u:\b)on a (?:daily|regular) basis(?-u:\b)",
    )
});

static HISTORY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)since (?:the )?(?:\d{4}|ceasefire|war|signing|start|beginning|early)|(?-u:\b)(?:\d+)-day war(?-u:\b)|(?-u:\b)since the (?:end|collapse)|(?-u:\b)in the (?:fall|spring|summer|winter) of \d{4}|(?-u:\b)back in \d{4}|(?-u:\b)have been common(?-u:\b)|(?-u:\b)over the years(?-u:\b)|(?-u:\b)first (?:war|conflict)(?-u:\b)|(?-u:\b)since (?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)|(?-u:\b)(?:have|has|had) been (?:killed|wounded|injured|martyred)(?-u:\b)[^.;]{0,100}?(?-u:\b)since(?-u:\b)|(?-u:\b)(?:killed|wounded|injured|dead|died|deaths)(?-u:\b)[^.;]{0,80}?(?-u:\b)since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last (?:week|month))(?-u:\b)|(?-u:\b)since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last (?:week|month))(?-u:\b)[^.;]{0,80}?(?-u:\b)(?:killed|wounded|injured|dead|died)(?-u:\b)|^\s*(?:in|during) (?:that|those) (?:fighting|war|escalation|clashes|offensive|hostilities|battles?)(?-u:\b)|(?-u:\b)(?:a|one|two|three|four|five|six|\d+) (?:years?|decades?) (?:after|since)(?-u:\b)|(?-u:\b)anniversary of(?-u:\b)|(?-u:\b)the (?:\d{4}|\d+-day) (?:war|conflict)(?-u:\b)[^.;]{0,40}?(?-u:\b)(?:in which|which|that)(?-u:\b)|(?-u:\b)(?:fighting|war|conflict|clashes|hostilities|offensive|escalation) (?:that|which) (?:began|started|broke out|erupted) on(?-u:\b)|(?-u:\b)(?:fighting|war|conflict|hostilities|offensive) (?:that|which) ended(?-u:\b)",
    )
});

/// A relative clause or bracket set off from the sentence ("Vovchansk, which has been
/// shelled since May, came under fire on Sunday"): background told in passing.
static ASIDE: LazyLock<Regex> =
    LazyLock::new(|| regex(r",\s+(?:which|where|who|whose)(?-u:\b)[^,;.()]*,|\([^()]*\)"));

/// True when the bytes `start..end` lie inside one of `asides`.
pub(crate) fn in_aside(asides: &[(usize, usize)], start: usize, end: usize) -> bool {
    asides.iter().any(|&(a, b)| a <= start && end <= b)
}

/// True when `re` matches `text` outside its `asides`: a history or habit told in a
/// relative clause does not make the whole sentence background, nor does "since the
/// start of the day".
fn outside_asides(re: &Regex, text: &str, asides: &[(usize, usize)]) -> bool {
    re.find_iter(text).any(|m| {
        let today = ["of the day", "of today", "of this day"]
            .iter()
            .any(|w| text[m.end()..].trim_start().starts_with(w));
        !today && !in_aside(asides, m.start(), m.end())
    })
}

/// A running total, not an act ("so far this year", "according to an AFP tally",
/// "In total, 24 citizens have died as a result of the aggression").
static CUMULATIVE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:so far|to date|tally)(?-u:\b)|(?-u:\b)(?:in total|a total of|overall|altogether)(?-u:\b)[^.;]{0,120}?(?-u:\b)(?:have|has)\s+(?:died|been killed|been injured|been wounded)(?-u:\b)",
    )
});

/// One sentence's own findings.
#[derive(Debug, Default)]
pub(crate) struct SentenceScan {
    /// Byte ranges of its relative clauses and brackets.
    pub asides: Vec<(usize, usize)>,
    /// True when it tells history outside its asides ("since the 1994 ceasefire").
    pub history: bool,
    /// True when it tells a habit outside its asides ("shelled almost daily").
    pub habitual: bool,
    /// True when it tells a running total ("so far this year", "an AFP tally").
    pub cumulative: bool,
    /// Its triggers that are not negated, those in asides dropped when others remain.
    pub triggers: Vec<Trigger>,
    /// Its casualty figures.
    pub casualties: Vec<Casualty>,
    /// The weapons it names.
    pub weapons: Vec<&'static str>,
}

/// The findings of every sentence, in order, found recogniser by recogniser.
pub(crate) fn scan_sentences(sentences: &[SentenceInfo]) -> Vec<SentenceScan> {
    let mut scans: Vec<SentenceScan> = sentences
        .iter()
        .map(|s| SentenceScan {
            asides: ASIDE
                .find_iter(&s.text)
                .map(|a| (a.start(), a.end()))
                .collect(),
            ..SentenceScan::default()
        })
        .collect();
    for (scan, s) in scans.iter_mut().zip(sentences) {
        scan.history = outside_asides(&HISTORY, &s.text, &scan.asides);
    }
    for (scan, s) in scans.iter_mut().zip(sentences) {
        scan.habitual = outside_asides(&HABITUAL, &s.text, &scan.asides);
    }
    for (scan, s) in scans.iter_mut().zip(sentences) {
        scan.cumulative = CUMULATIVE.is_match(&s.text);
    }
    for (scan, s) in scans.iter_mut().zip(sentences) {
        let mut triggers: Vec<Trigger> = find_triggers(&s.text)
            .into_iter()
            .filter(|t| !t.negated)
            .collect();
        // What an aside says happened before ("where troops have been fighting since
        // May") gives way to what the sentence itself reports.
        let told_aside = |t: &Trigger| in_aside(&scan.asides, t.span.start, t.span.end);
        if triggers.iter().any(|t| !told_aside(t)) {
            triggers.retain(|t| !told_aside(t));
        }
        scan.triggers = triggers;
    }
    for (scan, s) in scans.iter_mut().zip(sentences) {
        scan.casualties = find_casualties(&s.text);
    }
    for (scan, s) in scans.iter_mut().zip(sentences) {
        scan.weapons = weapon_names(&s.text);
    }
    scans
}
