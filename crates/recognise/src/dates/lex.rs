//! A small tokeniser for the date and time recognisers: words, digit runs and
//! single punctuation characters, each with its byte span.

use std::borrow::Cow;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters (any script).
    Word,
    /// A run of ASCII digits, possibly with an attached ordinal suffix
    /// (`4th`); `ord_suffix` then records the suffix length.
    Num,
    /// One character that is neither a letter, a digit nor whitespace.
    Punct,
}

/// One token.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub kind: Kind,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Lower-cased text (for words), the digits (for numbers), the character
    /// (for punctuation); borrowed from the text unless lower-casing changed it.
    pub norm: Cow<'a, str>,
    /// True when the token starts with an upper-case letter.
    pub upper: bool,
    /// True when whitespace (or nothing, at the start) precedes the token.
    pub space_before: bool,
    /// True when a line break lies between the previous token and this one.
    pub newline_before: bool,
    /// Numeric value of a `Num` token (saturating), else 0.
    pub value: u32,
    /// Number of digits of a `Num` token.
    pub digits: usize,
    /// True when a `Num` token carries an ordinal suffix (st, nd, rd, th).
    pub ordinal: bool,
}

impl Tok<'_> {
    /// True for a word token equal (lower-cased) to `w`.
    pub fn is_word(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.norm == w
    }

    /// True for a word token equal to any of `ws`.
    pub fn is_any(&self, ws: &[&str]) -> bool {
        self.kind == Kind::Word && ws.contains(&self.norm.as_ref())
    }

    /// True for the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.norm.starts_with(c)
    }

    /// True for a hyphen or dash.
    pub fn is_dash(&self) -> bool {
        self.kind == Kind::Punct
            && matches!(
                self.norm.chars().next(),
                Some('-' | '–' | '—' | '‒' | '−' | '‐' | '‑')
            )
    }
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut space = true;
    let mut newline = false;
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            space = true;
            if c == '\n' || c == '\r' || c == '\u{2029}' || c == '\u{2028}' {
                newline = true;
            }
            continue;
        }
        let mut tok = Tok {
            kind: Kind::Punct,
            start: i,
            end: i + c.len_utf8(),
            norm: Cow::Borrowed(""),
            upper: c.is_uppercase(),
            space_before: space,
            newline_before: newline,
            value: 0,
            digits: 0,
            ordinal: false,
        };
        space = false;
        newline = false;
        if c.is_ascii_digit() {
            tok.kind = Kind::Num;
            let mut value: u32 = c as u32 - '0' as u32;
            let mut digits = 1;
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_digit() {
                    value = value
                        .saturating_mul(10)
                        .saturating_add(d as u32 - '0' as u32);
                    digits += 1;
                    tok.end = j + 1;
                    it.next();
                } else {
                    break;
                }
            }
            tok.norm = Cow::Borrowed(&text[tok.start..tok.end]);
            tok.value = value;
            tok.digits = digits;
            // An ordinal suffix directly attached: 1st, 2nd, 3rd, 4th.
            let rest = &text[tok.end..];
            let suf_len = rest
                .char_indices()
                .find(|(_, c)| !c.is_alphabetic())
                .map_or(rest.len(), |(k, _)| k);
            let suf = &rest[..suf_len];
            if ["st", "nd", "rd", "th"]
                .iter()
                .any(|o| suf.eq_ignore_ascii_case(o))
            {
                tok.ordinal = true;
                tok.end += suf.len();
                for _ in 0..suf.chars().count() {
                    it.next();
                }
            }
        } else if c.is_alphabetic() {
            tok.kind = Kind::Word;
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() {
                    tok.end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            tok.norm = lower(&text[tok.start..tok.end]);
        } else {
            tok.norm = Cow::Borrowed(&text[tok.start..tok.end]);
        }
        toks.push(tok);
    }
    toks
}

/// `word` in lower case, borrowed when it already is.
fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Token index ranges of the lines of a token list (a line break separates
/// them); no expression is read across a line break.
pub(crate) fn lines(toks: &[Tok<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, t) in toks.iter().enumerate() {
        if t.newline_before && k > start {
            out.push(start..k);
            start = k;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let t = tokenize("On June 4th, at 12:20 — Кəlbəcər");
        let norms: Vec<&str> = t.iter().map(|t| t.norm.as_ref()).collect();
        assert_eq!(
            norms,
            [
                "on",
                "june",
                "4",
                ",",
                "at",
                "12",
                ":",
                "20",
                "—",
                "кəlbəcər"
            ]
        );
        assert!(t[2].ordinal);
        assert_eq!(&"On June 4th,"[t[2].start..t[2].end], "4th");
        assert!(!t[6].space_before && !t[7].space_before);
    }
}
