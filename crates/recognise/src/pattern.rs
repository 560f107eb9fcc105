//! How the crate's patterns are compiled: word characters are Latin letters and
//! digits, and large patterns get a large lazy-DFA cache.
//!
//! The reports are English: the words the patterns read (verbs, nouns, names, fillers
//! such as `(?:[\w-]+ ){0,3}`) are written in the Latin script, with diacritics in
//! transliterated names ("Zəylik", "Şuşa"). Unicode's `\w` covers every script; under
//! `(?i)` and bounded repeats its automata are several times larger, which cost about
//! a quarter of start-up and a fifth of extraction time. So `\w` here means
//! [`WORD`].

use std::borrow::Cow;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// The word characters of a pattern: ASCII letters and digits, `_`, Latin-1 and the
/// Latin Extended blocks (including IPA's `ə`) and Latin Extended Additional.
pub const WORD: &str = r"[0-9A-Za-z_\x{C0}-\x{2AF}\x{1E00}-\x{1EFF}]";

/// Lazy-DFA cache per regex. Large patterns (place names, trigger families) outgrow
/// the default cache on long reports, and their automata are then rebuilt again and
/// again.
const DFA_CACHE: usize = 16 << 20;

/// `pattern` with every `\w` read as [`WORD`] (inside a class too: nested classes
/// are unions).
pub fn latin_words(pattern: &str) -> Cow<'_, str> {
    if pattern.contains(r"\w") {
        Cow::Owned(pattern.replace(r"\w", WORD))
    } else {
        Cow::Borrowed(pattern)
    }
}

/// Compiles one of the crate's patterns; panics on an invalid pattern (they are
/// constants, and every one is compiled by the tests).
pub fn regex(pattern: &str) -> Regex {
    RegexBuilder::new(&latin_words(pattern))
        .dfa_size_limit(DFA_CACHE)
        .build()
        .unwrap_or_else(|e| panic!("invalid regex: {e}"))
}

/// A set of the crate's patterns, compiled like [`regex`].
pub fn regex_set<I, S>(patterns: I) -> RegexSet
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    RegexSetBuilder::new(
        patterns
            .into_iter()
            .map(|p| latin_words(p.as_ref()).into_owned()),
    )
    .dfa_size_limit(DFA_CACHE)
    .build()
    .unwrap_or_else(|e| panic!("invalid regex set: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_latin_inside_and_outside_classes() {
        let re = regex(r"(?i)^(?:[\w'-]+ ){2}\w+$");
        assert!(re.is_match("Zəylik's old Şuşa"));
        assert!(!re.is_match("Зейлик old road"));
        assert!(regex(r"^[\w-]+$").is_match("Verin-Shorzha_2"));
    }

    #[test]
    fn sets_read_words_alike() {
        let set = regex_set([r"^\w+$", r"^\d+$"]);
        assert_eq!(set.matches("Ağdam").iter().collect::<Vec<_>>(), vec![0]);
        assert!(set.matches("Ağdam!").iter().next().is_none());
    }
}
