//! Regexes whose lazy DFA needs more room than the `regex` crate's default cache.

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// Lazy-DFA cache per regex. Large patterns over Unicode classes (place names,
/// trigger families) outgrow the default cache on long reports, and their automata
/// are then rebuilt again and again.
const DFA_CACHE: usize = 16 << 20;

/// Compiles `pattern` with the larger cache; panics on an invalid pattern (the
/// patterns are constants of the crate).
pub(crate) fn large_regex(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .dfa_size_limit(DFA_CACHE)
        .build()
        .unwrap_or_else(|e| panic!("invalid regex: {e}"))
}

/// A set of `patterns` with the larger cache.
pub(crate) fn large_regex_set<I, S>(patterns: I) -> RegexSet
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    RegexSetBuilder::new(patterns)
        .dfa_size_limit(DFA_CACHE)
        .build()
        .unwrap_or_else(|e| panic!("invalid regex set: {e}"))
}
