//! Line-level features of scraped text: prose or heading, boilerplate phrases,
//! captions, bylines, link-list headers and cut-off markers.

use std::sync::LazyLock;

use regex::Regex;

/// Collapses runs of whitespace (including no-break spaces) to one space and trims.
pub fn normalize_ws(line: &str) -> String {
    if !line.is_ascii() {
        return line.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    // ASCII: one pass over the bytes (the whitespace of `char::is_whitespace`).
    let mut out = String::with_capacity(line.len());
    let mut gap = false;
    for word in line
        .split([' ', '\t', '\n', '\x0B', '\x0C', '\r'])
        .filter(|w| !w.is_empty())
    {
        if gap {
            out.push(' ');
        }
        out.push_str(word);
        gap = true;
    }
    out
}

/// Number of whitespace-separated words.
pub fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// The number of words of `line`, counted up to `cap + 1` only (enough to tell
/// whether there are more than `cap`, without reading a long line to its end).
fn words_up_to(line: &str, cap: usize) -> usize {
    line.split_whitespace().take(cap + 1).count()
}

/// A key for spotting repeated lines: lower case, letters and digits only.
pub fn dedup_key(line: &str) -> String {
    let mut key = String::with_capacity(line.len());
    for c in line.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                key.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// True when the line ends like a sentence (closing quotes and brackets aside).
pub fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '“')
    });
    core.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// True for running prose: a sentence of some length, or a long line.
pub fn is_paragraph(line: &str) -> bool {
    let words = words_up_to(line, 16);
    (words >= 8 && ends_sentence(line)) || words >= 16
}

/// Longest line [`bare`] lowers whole; every phrase of the lists below is shorter.
const BARE_MAX: usize = 64;

/// Lower-cased line with trailing decoration (`:`, `»`, `...`) taken off. Of a
/// longer line only the first [`BARE_MAX`] bytes are lowered: enough for the
/// prefix lists, and longer than any whole-line phrase, so exact comparisons
/// still fail as they should.
fn bare(line: &str) -> String {
    let t = line.trim().trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '»' | '›' | '>' | '.' | '…' | '-' | '|')
    });
    if t.len() <= BARE_MAX {
        return t.to_lowercase();
    }
    let mut cut = BARE_MAX;
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    t[..cut].to_lowercase()
}

/// True when `line` contains `word` in any ASCII case.
fn contains_ascii_ci(line: &str, word: &str) -> bool {
    line.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// Whole lines that are navigation or widget text, dropped wherever they stand.
const DROP_EXACT: &[&str] = &[
    "loading",
    "recommended",
    "advertisement",
    "advertising",
    "sponsored",
    "share",
    "share this",
    "print",
    "email",
    "tweet",
    "to comment",
    "comments",
    "menu",
    "search",
    "home",
    "skip to content",
    "skip to main content",
    "listen",
    "listen to this article",
    "subscribe",
    "sign in",
    "log in",
    "follow us",
    "close",
    "back to top",
    "previous article",
    "next article",
    "previous",
    "next",
    "photo",
    "video",
    "gallery",
    "*",
    "",
];

/// Line beginnings of widget text, dropped wherever they stand.
const DROP_PREFIX: &[&str] = &[
    "subscribe to",
    "follow us on",
    "follow our",
    "sign up for",
    "click here",
    "download the app",
    "download our app",
    "join our",
    "share on ",
    "share this article",
    "listen to the article",
];

/// Whole lines that begin the trailing sections (lists, comments, footer).
const CUT_EXACT: &[&str] = &[
    "latest news",
    "latest",
    "all news",
    "more news",
    "news feed",
    "most read",
    "most popular",
    "popular",
    "popular news",
    "related news",
    "related articles",
    "related stories",
    "related posts",
    "related topics",
    "more stories",
    "more on this story",
    "you may also like",
    "you might also like",
    "trending",
    "top stories",
    "editor's picks",
    "editors' picks",
    "explore",
    "be the first to comment",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "comments",
    "tags",
    "topics",
    "translate",
];

/// Line beginnings of the trailing sections.
const CUT_PREFIX: &[&str] = &[
    "comment.count",
    "if you have found a typo",
    "if you find a typo",
    "if you notice an error",
    "your email address will not be published",
    "source:",
    "sources:",
    "copyright ©",
    "copyright (c)",
    "©",
    "all rights reserved",
    "tags:",
    "translate »",
    "more from ",
    "read more news",
    "you must be logged in",
];

/// Headers of "read also" link lists; the lines after them are links.
const LINK_HEADERS: &[&str] = &[
    "read also",
    "read more",
    "see also",
    "also read",
    "more on this",
    "more on the topic",
    "on the topic",
    "related",
    "read next",
    "further reading",
];

/// Inline related-link lines: `READ MORE: Some title`, `RelatedSome title`.
static INLINE_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:read also|read more|see also|also read|read next|related|recommended|watch|listen|more)\s*[:\-–—|»]|related(?-i:[A-Z]))",
    )
    .unwrap()
});

/// `3 MIN READ`, `5 minutes read`.
static READ_TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\d+\s*(?:min|mins|minute|minutes)\.?\s*read$").unwrap());

/// Photo captions: end in a credit (`/ Photo: AFP`, `(ANI Photo)`, `(archive photo)`).
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?: [/|]\s*(?:photo|image|picture|photograph|credit)s?\b[^/|]{0,60}$
          | \((?:[^()]{0,40}\b)?(?:photo|image|file\s+photo|archive|pic)s?\b[^()]{0,40}\)\s*\.?$
          | \b(?:photo|image|picture)s?\s*(?:by|credit|courtesy)?\s*:\s*[^.]{1,60}$
          | \b(?:getty\s+images|shutterstock)\S*\s*$
        )",
    )
    .unwrap()
});

/// A credit alone on a line, below a caption (`AA Archive`, `Photo: Reuters`).
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:photo|image|picture|credit|source)s?\s*(?:by)?\s*:\s*\S.{0,50}
          | (?-i:\p{Lu}[\p{Lu}.&]{1,10})\s+(?:archive|photo|file\s+photo|images?)
          | (?:getty\s+images|afp|reuters|ap|anadolu(?:\s+agency)?)(?:\s*/\s*\S+)?
        )$",
    )
    .unwrap()
});

/// `By Jane Doe`, `Written by ...`, `Reporting by ...`.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:by|written by|reporting by|author|authors|text)\s*:?\s+\p{Lu}").unwrap()
});

/// An author note: `Jane Doe is Outlet's military correspondent`.
static AUTHOR_BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bis\s+(?:a|an|the|\p{Lu}\S*).{0,60}\b(?:correspondent|reporter|editor|journalist|writer|columnist|contributor)\.?$",
    )
    .unwrap()
});

/// True for navigation and widget lines to drop wherever they stand.
pub fn is_widget(line: &str) -> bool {
    let b = bare(line);
    DROP_EXACT.contains(&b.as_str())
        || DROP_PREFIX.iter().any(|p| b.starts_with(p))
        || READ_TIME.is_match(line.trim())
}

/// True for a line that begins the trailing sections of a page.
pub fn is_cut_marker(line: &str) -> bool {
    let b = bare(line);
    CUT_EXACT.contains(&b.as_str())
        || (words_up_to(line, 25) <= 25 && CUT_PREFIX.iter().any(|p| b.starts_with(p)))
}

/// True for the header of a link list (`Read also`).
pub fn is_link_header(line: &str) -> bool {
    LINK_HEADERS.contains(&bare(line).as_str())
}

/// True for a single related-link line (`READ MORE: title`).
pub fn is_inline_link(line: &str) -> bool {
    words_up_to(line, 30) <= 30 && INLINE_LINK.is_match(line.trim())
}

/// True for a photo caption ending in a credit.
pub fn is_caption(line: &str) -> bool {
    // Every form of `CAPTION` needs one of these marks or agency names.
    let marked = line.contains(['/', '|', '(', ':'])
        || contains_ascii_ci(line, "getty")
        || contains_ascii_ci(line, "shutterstock");
    marked && words_up_to(line, 60) <= 60 && CAPTION.is_match(line)
}

/// True for a photo credit standing alone on its line.
pub fn is_credit_line(line: &str) -> bool {
    words_up_to(line, 6) <= 6 && !ends_sentence(line) && CREDIT_LINE.is_match(line.trim())
}

/// True for a byline or author note. Returns `Some(true)` when the author's name
/// is still to come on the next line (`Outlet By`).
pub fn byline(line: &str) -> Option<bool> {
    let t = line.trim();
    let words = words_up_to(t, 16);
    if words <= 6 && t.to_lowercase().ends_with(" by") || t.eq_ignore_ascii_case("by") {
        return Some(true);
    }
    if words <= 8 && !t.ends_with('.') && BYLINE.is_match(t) {
        return Some(false);
    }
    if words <= 16 && AUTHOR_BIO.is_match(t) {
        return Some(false);
    }
    None
}

/// True for a short line of capitalised words (a name, a section, a site).
pub fn is_name_like(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && !ends_sentence(line)
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
}

/// True for a menu: three or more short items between bars or dots ("Politics |
/// Society | Karabakh | World", "Home · Jammu · Kashmir").
pub fn is_menu_line(line: &str) -> bool {
    const BARS: [char; 3] = ['|', '·', '•'];
    // Most lines hold no bar: leave them before splitting.
    line.matches(BARS).nth(1).is_some()
        && line
            .split(BARS)
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .count()
            >= 3
        && line
            .split(BARS)
            .map(str::trim)
            .all(|i| i.split_whitespace().count() <= 3 && !i.ends_with(['.', '!', '?', ':', ',']))
}

/// True for a navigation-style line at the top: very short, or upper case.
pub fn is_nav_like(line: &str) -> bool {
    let words = words_up_to(line, 4);
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = !letters.is_empty() && letters.iter().all(|c| !c.is_lowercase());
    words < 3 || (upper && words <= 4)
}

/// Writing systems told apart for spotting lines in another script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// Latin letters.
    Latin,
    /// Cyrillic letters.
    Cyrillic,
    /// Armenian letters.
    Armenian,
    /// Georgian letters.
    Georgian,
    /// Greek letters.
    Greek,
    /// Arabic letters.
    Arabic,
    /// Hebrew letters.
    Hebrew,
    /// Any other letters.
    Other,
}

/// Every script, in the order of its discriminant.
const SCRIPTS: [Script; 8] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Armenian,
    Script::Georgian,
    Script::Greek,
    Script::Arabic,
    Script::Hebrew,
    Script::Other,
];

/// The script of one letter.
pub fn script_of(c: char) -> Script {
    match c as u32 {
        0x0041..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F => Script::Cyrillic,
        0x0530..=0x058F | 0xFB13..=0xFB17 => Script::Armenian,
        0x0590..=0x05FF => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F => Script::Arabic,
        0x10A0..=0x10FF | 0x1C90..=0x1CBF => Script::Georgian,
        _ => Script::Other,
    }
}

/// The script most letters of `lines` are written in.
pub fn dominant_script<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<Script> {
    let mut counts = [0usize; SCRIPTS.len()];
    for line in lines {
        if line.is_ascii() {
            counts[Script::Latin as usize] += ascii_letters(line);
            continue;
        }
        for c in line.chars().filter(|c| c.is_alphabetic()) {
            counts[script_of(c) as usize] += 1;
        }
    }
    // The first of equal counts wins, as in the order of `SCRIPTS`.
    let (best, n) = counts
        .iter()
        .enumerate()
        .fold((0, 0), |acc, (i, &n)| if n > acc.1 { (i, n) } else { acc });
    (n > 0).then_some(SCRIPTS[best])
}

/// True when most letters of `line` are in a script other than `main`.
pub fn is_foreign(line: &str, main: Script) -> bool {
    let (mut letters, mut own) = (0usize, 0usize);
    if line.is_ascii() {
        letters = ascii_letters(line);
        if main == Script::Latin {
            own = letters;
        }
    } else {
        for c in line.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            own += usize::from(script_of(c) == main);
        }
    }
    letters >= 3 && own * 10 < letters * 3
}

/// The letters of an ASCII line (all Latin).
fn ascii_letters(line: &str) -> usize {
    line.bytes().filter(u8::is_ascii_alphabetic).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The fast paths agree with the general (Unicode) definitions on `line`.
    fn check_fast_paths(line: &str) -> Result<(), TestCaseError> {
        prop_assert_eq!(
            normalize_ws(line),
            line.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        let count = |script: Option<Script>| {
            line.chars()
                .filter(|c| c.is_alphabetic() && script.is_none_or(|s| script_of(*c) == s))
                .count()
        };
        let (letters, latin) = (count(None), count(Some(Script::Latin)));
        prop_assert_eq!(
            is_foreign(line, Script::Latin),
            letters >= 3 && latin * 10 < letters * 3
        );
        // Ties go to the script listed first in `SCRIPTS`.
        let expected = SCRIPTS
            .iter()
            .map(|&s| (s, count(Some(s))))
            .filter(|&(_, n)| n > 0)
            .fold(None, |best: Option<(Script, usize)>, (s, n)| match best {
                Some((_, m)) if m >= n => best,
                _ => Some((s, n)),
            })
            .map(|(s, _)| s);
        prop_assert_eq!(dominant_script([line]), expected);
        Ok(())
    }

    /// The bounded [`bare`] and the caption pre-check decide as the whole-line
    /// forms would.
    fn check_bare_and_caption(line: &str) -> Result<(), TestCaseError> {
        let full = line
            .trim()
            .trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, ':' | '»' | '›' | '>' | '.' | '…' | '-' | '|')
            })
            .to_lowercase();
        let short = bare(line);
        for list in [DROP_EXACT, CUT_EXACT, LINK_HEADERS] {
            for p in list {
                prop_assert_eq!(short == *p, full == *p, "{:?} = {:?}", line, p);
            }
        }
        for list in [DROP_PREFIX, CUT_PREFIX] {
            for p in list {
                prop_assert_eq!(
                    short.starts_with(p),
                    full.starts_with(p),
                    "{:?} ^ {:?}",
                    line,
                    p
                );
            }
        }
        prop_assert_eq!(
            is_caption(line),
            words_up_to(line, 60) <= 60 && CAPTION.is_match(line)
        );
        Ok(())
    }

    fn phrase() -> impl Strategy<Value = String> {
        let all: Vec<&str> = [DROP_EXACT, DROP_PREFIX, CUT_EXACT, CUT_PREFIX, LINK_HEADERS]
            .concat()
            .into_iter()
            .chain([
                "Photo: AFP",
                "(Getty Images)",
                "/ image credit",
                "SHUTTERSTOCK",
            ])
            .collect();
        prop::sample::select(all).prop_map(str::to_string)
    }

    proptest! {
        #[test]
        fn bounded_bare_and_caption_agree(
            head in phrase(),
            upper in any::<bool>(),
            tail in "[ a-zA-Zа-я.:»|()/-]{0,90}",
            lead in "[ a-z]{0,70}",
        ) {
            let head = if upper { head.to_uppercase() } else { head };
            check_bare_and_caption(&format!("{head}{tail}"))?;
            check_bare_and_caption(&format!("{lead}{head}"))?;
        }

        #[test]
        fn ascii_fast_paths_agree(line in "[ a-zA-Z0-9.,\t\n\x0B\x0C\r\x1C]{0,60}") {
            check_fast_paths(&line)?;
        }

        #[test]
        fn mixed_script_lines_agree(line in "[ a-zA-Z.,\t\x0B\u{a0}\u{85}\u{2003}ա-ֆа-я]{0,40}") {
            check_fast_paths(&line)?;
        }
    }

    #[test]
    fn features() {
        assert!(is_paragraph(
            "The ministry said that two positions came under fire overnight."
        ));
        assert!(!is_paragraph("Ministry reports calm night"));
        assert!(is_widget("Loading..."));
        assert!(is_widget("4 MIN READ"));
        assert!(is_widget("Subscribe to our Telegram channel"));
        assert!(is_cut_marker("Latest news"));
        assert!(is_cut_marker("SOURCE:Agencies"));
        assert!(is_cut_marker("Translate »"));
        assert!(is_link_header("Read also"));
        assert!(is_inline_link("READ MORE: Talks resume in the capital"));
        assert!(is_inline_link("RelatedTalks resume in the capital"));
        assert!(!is_inline_link("Related talks resumed in the capital."));
        assert!(is_caption("Soldiers at a checkpoint. / Photo: AFP"));
        assert!(is_caption("A soldier on watch (archive photo)"));
        assert!(is_caption("The army said it hit depots. (XYZ Photo)"));
        assert!(is_credit_line("AA Archive"));
        assert!(is_credit_line("Photo: Reuters"));
        assert!(!is_credit_line("Last week's fighting"));
        assert!(!is_credit_line("The archive"));
        assert_eq!(byline("By Jane Roe"), Some(false));
        assert_eq!(byline("Dailynews By"), Some(true));
        assert_eq!(
            byline("Jane Roe is The Daily Planet's defence correspondent"),
            Some(false)
        );
        assert_eq!(byline("By the evening the fire had stopped."), None);
        assert!(is_foreign("Մատչելիության հղումներ", Script::Latin));
        assert!(!is_foreign("Border guards wounded", Script::Latin));
    }
}
