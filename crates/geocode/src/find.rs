//! Finding every gazetteer name in a text in one pass.
//!
//! The text is cut into word tokens, each folded with the same function as the
//! gazetteer names, and laid out as `M token E M token E …` where `M` is `\x01`
//! for a word that does not begin lowercase and `\x02` for one that does, `E` is
//! `\x03`, and `\x04` marks a break (punctuation other than spaces and hyphens
//! between two words). Every name becomes the pattern `\x01 tok E (M tok E)*`, so
//! an Aho-Corasick automaton (leftmost-longest) over that layout only matches
//! whole words, names beginning with a non-lowercase letter, and never across
//! punctuation. Token positions map matches back to exact byte spans of the
//! original text.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, MatchKind};
use sitrep_core::Span;

use crate::index::NameIndex;
use crate::normalise::{
    generic_of, generic_range, name_tokens, norm_token_with, normalise, starts_lower, Scratch,
    Tokens,
};
use crate::{NameMatch, Place};

const WORD: char = '\x01';
const LOWER: char = '\x02';
const END: char = '\x03';
const BREAK: char = '\x04';

/// Common English words (and news words) that are also place names somewhere:
/// never reported by `find_names` (they still resolve through `rank`).
const STOPLIST: &[&str] = &[
    "army",
    "border",
    "post",
    "centre",
    "center",
    "victory",
    "unity",
    "hope",
    "may",
    "mine",
    "ministry",
    "bar",
    "defence",
    "defense",
    "police",
    "state",
    "union",
    "republic",
    "north",
    "south",
    "east",
    "west",
    "central",
    "new",
    "old",
    "upper",
    "lower",
    "great",
    "little",
    "saint",
    "lake",
    "river",
    "mount",
    "red",
    "white",
    "black",
    "green",
    "gold",
    "golden",
    "star",
    "park",
    "liberty",
    "freedom",
    "peace",
    "march",
    "april",
    "june",
    "july",
    "august",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "the",
    "and",
    "for",
    "are",
    "was",
    "his",
    "her",
    "president",
    "minister",
    "government",
    "office",
    "press",
    "news",
    "agency",
    "today",
    "said",
    "service",
    "security",
    "council",
    "forces",
    "force",
    "national",
    "people",
    "world",
    "region",
    "district",
    "village",
    "city",
    "town",
    "height",
    "heights",
    "hill",
    "valley",
    "field",
    "camp",
    "base",
    "school",
    "church",
    "station",
    "bridge",
    "road",
    "highway",
    "airport",
    "port",
    "market",
    "square",
    "garden",
    "memorial",
    "independence",
    "october",
    "november",
    "december",
    "january",
    "february",
    "september",
    "spring",
    "summer",
    "winter",
    "autumn",
    "sun",
    "moon",
    "eagle",
    "lion",
    "tiger",
    "hero",
    "heroes",
    "martyrs",
];

/// The name automaton.
#[derive(Debug)]
pub(crate) struct Finder {
    ac: Option<AhoCorasick>,
    /// Pattern id → normalised key.
    keys: Vec<String>,
}

impl Finder {
    /// Builds the automaton over every name of `places` (length ≥ 3, not stoplisted,
    /// not only digits).
    pub fn build(places: &[Place], index: &NameIndex) -> Finder {
        let stop: HashSet<String> = STOPLIST.iter().map(|s| normalise(s)).collect();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        for p in places {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                let toks = name_tokens(n);
                let (lo, hi, _) = generic_range(&toks);
                let toks = &toks[lo..hi];
                let key = toks
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                if key.chars().filter(|c| *c != ' ').count() < 3
                    || stop.contains(&key)
                    || key.bytes().all(|b| b.is_ascii_digit() || b == b' ')
                    || index.exact(&key).is_empty()
                {
                    continue;
                }
                let mut pat = String::with_capacity(key.len() + 2 * toks.len());
                for (i, t) in toks.iter().enumerate() {
                    pat.push(if i > 0 && t.lower { LOWER } else { WORD });
                    pat.push_str(&t.norm);
                    pat.push(END);
                }
                if seen.contains_key(&pat) {
                    continue;
                }
                seen.insert(pat.clone(), patterns.len());
                patterns.push(pat);
                keys.push(key);
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        Finder { ac, keys }
    }

    /// Number of distinct patterns.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// See [`crate::Gazetteer::find_names`].
    pub fn find(&self, index: &NameIndex, text: &str) -> Vec<NameMatch> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let mut norm = String::with_capacity(text.len() + text.len() / 3 + 16);
        // Per token: position of its marker in `norm`, and its byte range in `text`.
        let mut marks: Vec<usize> = Vec::new();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut joined: Vec<bool> = Vec::new();
        let mut scratch = Scratch::default();
        for t in Tokens::new(text) {
            let raw = &text[t.start..t.end];
            if !t.joined {
                norm.push(BREAK);
            }
            marks.push(norm.len());
            spans.push((t.start, t.end));
            joined.push(t.joined);
            norm.push(if starts_lower(raw) { LOWER } else { WORD });
            norm_token_with(raw, &mut norm, &mut scratch);
            norm.push(END);
        }
        let mut out = Vec::new();
        for m in ac.find_iter(&norm) {
            let first = marks.partition_point(|&p| p < m.start());
            let last = marks.partition_point(|&p| p < m.end()).saturating_sub(1);
            if first >= spans.len() || last < first {
                continue;
            }
            let span = Span::new(spans[first].0, spans[last].1);
            let key = &self.keys[m.pattern().as_usize()];
            let mut places: Vec<u32> = index.exact(key).iter().map(|(id, _)| *id).collect();
            places.dedup();
            // A generic word right after the name ("Kalbajar region").
            let (generic, extended) = match spans.get(last + 1) {
                Some(&(s, e)) if joined[last + 1] => {
                    let next_start = marks[last + 1] + 1;
                    let next_end = marks.get(last + 2).copied().unwrap_or(norm.len());
                    let tok = norm[next_start..next_end].trim_end_matches([END, BREAK]);
                    match generic_of(tok) {
                        Some(g) => (Some(g), Span::new(span.start, e.max(s))),
                        None => (None, span),
                    }
                }
                _ => (None, span),
            };
            out.push(NameMatch {
                span,
                matched: text[span.start..span.end].to_string(),
                key: key.clone(),
                places,
                generic,
                extended,
            });
        }
        out
    }
}
