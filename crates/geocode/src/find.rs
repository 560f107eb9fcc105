//! Finding every gazetteer name in a text in one pass.
//!
//! The text is cut into word tokens, each folded with the same function as the
//! gazetteer names, and laid out as `M token E M token E …` where `M` is `\x01`
//! for a word that does not begin lowercase and `\x02` for one that does, `E` is
//! `\x03`, and `\x04` marks a break (punctuation other than spaces and hyphens
//! between two words). Every name becomes the pattern `\x01 tok E (M tok E)*`, so
//! a leftmost-longest search over that layout only matches whole words, names
//! beginning with a non-lowercase letter, and never across punctuation. Token
//! positions map matches back to exact byte spans of the original text.
//!
//! The patterns are held in two fsts: the curated names (built at load, a few
//! thousand) and the world base's towns of at least 15,000 inhabitants (built by
//! `build.rs`, see `world.rs`). At each token the longest match of either is taken
//! (a curated one on a tie: curated rows win), then the search goes on after it.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use sitrep_core::Span;

use crate::index::NameIndex;
use crate::normalise::{
    generic_of, generic_range, name_tokens, norm_token_with, normalise, starts_lower, Scratch,
    Tokens,
};
use crate::stoplist::STOPLIST;
use crate::world::{longest, World};
use crate::{NameMatch, Place};

const WORD: char = '\x01';
const LOWER: char = '\x02';
const END: char = '\x03';
const BREAK: char = '\x04';

/// A world-base match must hold a lowercase letter: all-caps words are
/// headlines, acronyms and codes ("KAAN", "ORLOVA") far more often than towns.
fn world_text_ok(s: &str) -> bool {
    s.chars().any(char::is_lowercase)
}

/// "al-Fashaga", "el-Khiam": a lowercase Arabic article hyphened to a capitalised
/// word begins a name like a capital does.
fn article_before_name(token: &str, rest: &str) -> bool {
    matches!(
        token,
        "al" | "el" | "an" | "ad" | "as" | "ash" | "at" | "ar" | "az"
    ) && rest
        .strip_prefix('-')
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase)
}

/// The name automaton.
#[derive(Debug)]
pub(crate) struct Finder {
    fst: fst::Map<Vec<u8>>,
    /// Pattern id → normalised key.
    keys: Vec<String>,
}

impl Finder {
    /// Builds the automaton over every name of `places` (length ≥ 3, not stoplisted,
    /// not only digits).
    pub fn build(places: &[Place], index: &NameIndex) -> Finder {
        let stop: HashSet<String> = STOPLIST.iter().map(|s| normalise(s)).collect();
        let mut seen: HashMap<String, usize> = HashMap::default();
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
        let mut order: Vec<usize> = (0..patterns.len()).collect();
        order.sort_by(|&a, &b| patterns[a].cmp(&patterns[b]));
        let fst = fst::Map::from_iter(order.into_iter().map(|i| (&patterns[i], i as u64)))
            .unwrap_or_default();
        Finder { fst, keys }
    }

    /// Number of distinct patterns.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// See [`crate::Gazetteer::find_names`].
    pub fn find(&self, index: &NameIndex, world: Option<&World>, text: &str) -> Vec<NameMatch> {
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
            let lower = starts_lower(raw) && !article_before_name(raw, &text[t.end..]);
            norm.push(if lower { LOWER } else { WORD });
            norm_token_with(raw, &mut norm, &mut scratch);
            norm.push(END);
        }
        let mut out = Vec::new();
        let hay = norm.as_bytes();
        let curated = self.fst.as_fst();
        let mut i = 0;
        while i < marks.len() {
            let at = marks[i];
            if hay[at] != WORD as u8 {
                i += 1;
                continue;
            }
            let c = longest(curated, hay, at);
            let w = world
                .and_then(|w| longest(w.scan(), hay, at).map(|m| (w, m)))
                .filter(|(_, (we, _))| {
                    let last = marks.partition_point(|&p| p < *we).saturating_sub(1);
                    world_text_ok(&text[spans[i].0..spans[last].1])
                });
            // (end in `norm`, key, places)
            let found: Option<(usize, String, Vec<u32>)> = match (c, w) {
                (Some((ce, v)), w) if w.is_none_or(|(_, (we, _))| ce >= we) => {
                    let key = &self.keys[v as usize];
                    let mut places: Vec<u32> = index.exact(key).iter().map(|(id, _)| *id).collect();
                    places.dedup();
                    Some((ce, key.clone(), places))
                }
                (_, Some((w, (we, off)))) => {
                    let last = marks.partition_point(|&p| p < we) - 1;
                    let key = (i..=last)
                        .map(|t| norm[marks[t] + 1..].split(END).next().unwrap_or(""))
                        .collect::<Vec<_>>()
                        .join(" ");
                    let curated: Vec<u32> = index.exact(&key).iter().map(|(id, _)| *id).collect();
                    // Country names and demonyms ("Ukrainian") are not towns.
                    let country_word = index.country_name.contains_key(&key)
                        || index.demonym.contains_key(&key)
                        || key
                            .strip_suffix('s')
                            .is_some_and(|k| index.demonym.contains_key(k));
                    let places = if country_word {
                        Vec::new()
                    } else if curated.is_empty() {
                        w.postings_at(off)
                            .into_iter()
                            .map(|(ix, _)| w.id(ix))
                            .collect()
                    } else {
                        curated
                    };
                    Some((we, key, places))
                }
                _ => None,
            };
            let Some((end, key, mut places)) = found else {
                i += 1;
                continue;
            };
            places.dedup();
            let first = i;
            let last = marks.partition_point(|&p| p < end).saturating_sub(1);
            i = last + 1;
            if places.is_empty() {
                continue;
            }
            let span = Span::new(spans[first].0, spans[last].1);
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
                key,
                places,
                generic,
                extended,
            });
        }
        out
    }
}
