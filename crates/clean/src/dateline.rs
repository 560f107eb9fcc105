//! Dates in datelines: spotting them in a line and finding an article's own
//! publication date near its top.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;
use sitrep_core::Date as CoreDate;

/// How many non-empty lines from the top may hold the dateline.
const HEADER_LINES: usize = 15;

/// Month names (English full and short, Russian nominative and genitive).
const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("jan", 1),
    ("январь", 1),
    ("января", 1),
    ("february", 2),
    ("feb", 2),
    ("февраль", 2),
    ("февраля", 2),
    ("march", 3),
    ("mar", 3),
    ("март", 3),
    ("марта", 3),
    ("april", 4),
    ("apr", 4),
    ("апрель", 4),
    ("апреля", 4),
    ("may", 5),
    ("май", 5),
    ("мая", 5),
    ("june", 6),
    ("jun", 6),
    ("июнь", 6),
    ("июня", 6),
    ("july", 7),
    ("jul", 7),
    ("июль", 7),
    ("июля", 7),
    ("august", 8),
    ("aug", 8),
    ("август", 8),
    ("августа", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("сентябрь", 9),
    ("сентября", 9),
    ("october", 10),
    ("oct", 10),
    ("октябрь", 10),
    ("октября", 10),
    ("november", 11),
    ("nov", 11),
    ("ноябрь", 11),
    ("ноября", 11),
    ("december", 12),
    ("dec", 12),
    ("декабрь", 12),
    ("декабря", 12),
];

pub(crate) fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    // Longest first so that "sept" wins over "sep".
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.join("|")
}

pub(crate) fn month_number(name: &str) -> Option<i8> {
    let lower = name.to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == lower).map(|(_, m)| *m)
}

/// `2023-09-01`, optionally followed by a time (ISO 8601 / RFC 3339).
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b").unwrap()
});
/// `05 June 2023`, `04 August, 2022`, `16 сентября 2022`.
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({})\.?,?\s+(\d{{4}})(?:\s*(?:г\.|года))?",
        month_alternation()
    ))
    .unwrap()
});
/// `September 1, 2023`, `Sept. 1st 2023`, `March 4/2021` (the Ethiopian News
/// Agency's form).
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+|/)(\d{{4}})\b",
        month_alternation()
    ))
    .unwrap()
});
/// `01.09.2023` (day first).
static DOTTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b").unwrap());
/// Times of day and separators that go with a date in a dateline.
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|gmt|utc)?").unwrap()
});
/// A leading `date 2023-09-01` marker some scrapes put before the text.
static DATE_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*date:?\s+(\d{4}-\d{1,2}-\d{1,2})\b\s*").unwrap());

fn ymd(y: &str, m: i8, d: &str) -> Option<Date> {
    let y: i16 = y.parse().ok()?;
    let d: i8 = d.parse().ok()?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    Date::new(y, m, d).ok()
}

/// Finds the first full date (day, month and year) in `line`, with its byte range.
pub fn date_in_line(line: &str) -> Option<(CoreDate, Range<usize>)> {
    // Every form below has a four-digit year.
    if !has_digit_run(line, 4) {
        return None;
    }
    let mut best: Option<(CoreDate, Range<usize>)> = None;
    let mut consider = |found: Option<(Date, Range<usize>)>| {
        if let Some((date, range)) = found {
            if best.as_ref().is_none_or(|(_, r)| range.start < r.start) {
                best = Some((date, range));
            }
        }
    };
    consider(ISO.captures_iter(line).find_map(|c| {
        let m: i8 = c[2].parse().ok()?;
        Some((ymd(&c[1], m, &c[3])?, c.get(0)?.range()))
    }));
    consider(
        DAY_MONTH_YEAR
            .captures_iter(line)
            .find_map(|c| Some((ymd(&c[3], month_number(&c[2])?, &c[1])?, c.get(0)?.range()))),
    );
    consider(
        MONTH_DAY_YEAR
            .captures_iter(line)
            .find_map(|c| Some((ymd(&c[3], month_number(&c[1])?, &c[2])?, c.get(0)?.range()))),
    );
    consider(DOTTED.captures_iter(line).find_map(|c| {
        let m: i8 = c[2].parse().ok()?;
        Some((ymd(&c[3], m, &c[1])?, c.get(0)?.range()))
    }));
    best
}

/// Parses a machine-readable timestamp (`2023-09-01`, `2023-09-01T10:00:00Z`, or a
/// date written out) into its calendar date.
pub fn parse_timestamp(value: &str) -> Option<CoreDate> {
    date_in_line(value.trim()).map(|(d, _)| d)
}

/// Splits off a leading `date YYYY-MM-DD` marker: returns the date and the rest.
pub fn strip_date_prefix(line: &str) -> Option<(CoreDate, &str)> {
    let caps = DATE_PREFIX.captures(line)?;
    let date = parse_timestamp(&caps[1])?;
    Some((date, &line[caps.get(0)?.end()..]))
}

/// Most words with letters a line of dates and times alone can hold
/// (`10:00 a.m. GMT, 16 сентября 2022 года - 17 сентября 2022 года`).
const MAX_STAMP_WORDS: usize = 12;

/// How many whitespace-separated words of `line` hold a letter, counted up to
/// `cap + 1` only (enough to tell whether there are more than `cap`).
fn words_with_letters(line: &str, cap: usize) -> usize {
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .take(cap + 1)
        .count()
}

/// True when `line` has a run of at least `n` ASCII digits.
fn has_digit_run(line: &str, n: usize) -> bool {
    let mut run = 0;
    for b in line.bytes() {
        if b.is_ascii_digit() {
            run += 1;
            if run >= n {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// What is left of `line` once dates, times and separators are taken out.
fn residue(line: &str) -> String {
    let mut rest = line.to_string();
    while let Some((_, range)) = date_in_line(&rest) {
        rest.replace_range(range, " ");
    }
    TIME.replace_all(&rest, " ").into_owned()
}

/// True for a line that holds only a date and/or time (`24 July 2024 - 15:08`).
pub fn is_timestamp_line(line: &str) -> bool {
    // Dates and times need digits, and leave few words: a month, "GMT", "года".
    if !line.bytes().any(|b| b.is_ascii_digit())
        || words_with_letters(line, MAX_STAMP_WORDS) > MAX_STAMP_WORDS
    {
        return false;
    }
    let has_date = date_in_line(line).is_some();
    let has_time = TIME.is_match(line);
    if !has_date && !has_time {
        return false;
    }
    !residue(line).chars().any(char::is_alphanumeric)
}

/// True for a dateline: a short line holding a full date, and maybe a place,
/// an agency or an author, but no sentence (`KARABAKH  05 June 2023 - 09:23`).
pub fn is_dateline(line: &str) -> bool {
    // At most ten words besides the date and time (checked below on the residue).
    if words_with_letters(line, 10 + MAX_STAMP_WORDS) > 10 + MAX_STAMP_WORDS
        || date_in_line(line).is_none()
    {
        return false;
    }
    let rest = residue(line);
    let words = rest
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    let trimmed = rest.trim_end();
    let sentence_end = trimmed.ends_with('.') && words > 4;
    words <= 10 && !sentence_end
}

/// What may come before a wire dateline's date: nothing, or its place and maybe
/// a country ("YEREVAN, ", "Goma, Democratic Republic of Congo, ").
static WIRE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][A-Za-z .'’/-]{1,40},\s*(?:[A-Z][A-Za-z .'’-]{1,40},\s*)?)?$").unwrap()
});
/// What follows a wire dateline's date: the agency in brackets or after a comma, then
/// the separator before the story ("(AFP) -", "(AZERTAC).", ", Asia-Plus:", " -").
static WIRE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\([^)]{1,30}\)\s*[-–—:.]?|,\s*[A-Z][A-Za-z.+-]{1,25}(?:\s[A-Z][A-Za-z.+-]{1,25})?\s*(?:[-–—]{1,2}|[:.])|\s[-–—]{1,2}|:)\s").unwrap()
});

/// The date of a wire dateline opening a paragraph, when it gives the year:
/// "YEREVAN, Sept 15, 2022 (AFP) - Troops ...", "Baku, June 18, 2021 (AZERTAC).
/// On June 17 ...", "May 18, 2021 (KHARTOUM) - ...". The place, when there is none,
/// is in the brackets.
pub fn wire_dateline_date(line: &str) -> Option<CoreDate> {
    let (date, range) = date_in_line(line)?;
    let before = &line[..range.start];
    let after = &line[range.end..];
    (before.len() <= 60
        && WIRE_PLACE.is_match(before)
        && (!before.is_empty() || after.trim_start().starts_with('('))
        && WIRE_AFTER.is_match(after))
    .then_some(date)
}

/// True when a line reads as running prose rather than a heading or a link.
pub(crate) fn looks_like_prose(line: &str) -> bool {
    crate::lines::is_paragraph(line)
}

/// Finds the article's own publication date in a raw page.
///
/// HTML pages are searched in their metadata first (`article:published_time`,
/// JSON-LD `datePublished`, `<time datetime>`); text (and the text of HTML pages) is
/// searched in its first lines, before the body starts: a `date YYYY-MM-DD` marker
/// or a dateline. Dates in the body and in link lists further down are never taken.
///
/// ```
/// use sitrep_clean::find_publication_date;
/// let raw = "Shelling reported near the border\nNORTH  05 June 2023 - 09:23\n\
///            The ministry said positions came under fire overnight, and no one was hurt.\n\
///            Latest news\nOther story\n24 July 2024 - 15:08";
/// assert_eq!(find_publication_date(raw).unwrap().to_string(), "2023-06-05");
/// assert_eq!(find_publication_date("No date here, just a sentence about things."), None);
/// ```
pub fn find_publication_date(raw: &str) -> Option<CoreDate> {
    if crate::html::looks_like_html(raw) {
        if let Some(date) = crate::html::meta_date(raw) {
            return Some(date);
        }
        let text = crate::html::visible_lines(raw).join("\n");
        return date_in_header(&text);
    }
    date_in_header(raw)
}

/// The date of the dateline in the header of a text (its first lines before the body).
pub(crate) fn date_in_header(text: &str) -> Option<CoreDate> {
    let mut prose = 0;
    for (i, line) in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if i >= HEADER_LINES {
            break;
        }
        if let Some((date, _)) = strip_date_prefix(line) {
            return Some(date);
        }
        if is_dateline(line) {
            return date_in_line(line).map(|(d, _)| d);
        }
        if let Some(date) = wire_dateline_date(line) {
            return Some(date);
        }
        if let Some(date) = crate::partial_date::short_year_date(line, text)
            .or_else(|| crate::partial_date::yearless_wire_date(line, text))
        {
            return Some(date);
        }
        if looks_like_prose(line) && !crate::lines::is_caption(line) {
            // A standfirst may come before the dateline; after a second paragraph the
            // body has started, and later dates belong to the story or to lists.
            prose += 1;
            if prose >= 2 {
                break;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<CoreDate> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn shapes() {
        assert_eq!(
            parse_timestamp("KARABAKH  05 June 2023 - 09:23"),
            d("2023-06-05")
        );
        assert_eq!(parse_timestamp("September 1, 2023"), d("2023-09-01"));
        assert_eq!(parse_timestamp("21:12 - 04 August, 2022"), d("2022-08-04"));
        assert_eq!(
            parse_timestamp("10:00, 16 сентября 2022, Osh - agency"),
            d("2022-09-16")
        );
        assert_eq!(parse_timestamp("2023-09-01T10:00:00Z"), d("2023-09-01"));
        assert_eq!(parse_timestamp("Sept. 3rd 2021"), d("2021-09-03"));
        assert_eq!(parse_timestamp("31 February 2023"), None);
        assert_eq!(parse_timestamp("On June 4, at about 20:10"), None);
    }

    #[test]
    fn timestamps_and_datelines() {
        assert!(is_timestamp_line("24 July 2024 - 15:08"));
        assert!(is_timestamp_line("21:12 - 04 August, 2022"));
        assert!(!is_timestamp_line("Troops withdrew on 4 July 2024"));
        assert!(is_dateline("NORTH  05 June 2023 - 09:23"));
        assert!(is_dateline(
            "10:00, 16 сентября 2022, Osh - agency , Ivan PETROV"
        ));
        assert!(!is_dateline(
            "The treaty signed on November 10, 2020, obliged both sides to withdraw their troops."
        ));
    }

    #[test]
    fn wire_datelines_open_the_story() {
        assert_eq!(
            wire_dateline_date("YEREVAN, Sept 15, 2022 (AFP) - Troops fired on border posts."),
            d("2022-09-15")
        );
        assert_eq!(
            wire_dateline_date("Baku, June 18, 2021 (AZERTAC). On June 17, posts came under fire."),
            d("2021-06-18")
        );
        assert_eq!(
            wire_dateline_date("May 18, 2021 (KHARTOUM) - Gunmen attacked farmers on Sunday."),
            d("2021-05-18")
        );
        assert_eq!(
            wire_dateline_date("DUSHANBE, September 17, 2022, Asia-Plus: Shelling resumed."),
            d("2022-09-17")
        );
        assert_eq!(
            wire_dateline_date("DUSHANBE, September 17, 2022, Asia-Plus -- Shelling resumed."),
            d("2022-09-17")
        );
        assert_eq!(
            wire_dateline_date("KHARTOUM, May 18, 2021 - Gunmen attacked farmers."),
            d("2021-05-18")
        );
        assert_eq!(
            wire_dateline_date("ADDIS ABABA, March 4/2021 (ENA) - Troops crossed the border."),
            d("2021-03-04")
        );
        // A date inside the story is no dateline.
        assert_eq!(
            wire_dateline_date(
                "The truce signed on November 10, 2020, obliged both sides to withdraw."
            ),
            None
        );
        assert_eq!(
            wire_dateline_date("On September 13, 2022 - the first day - troops advanced."),
            None
        );
        // A bare date line without brackets or a place is left to `is_dateline`.
        assert_eq!(
            wire_dateline_date("June 4, 2023 - shelling resumed at dawn."),
            None
        );
    }

    #[test]
    fn wire_dateline_dates_an_undated_report() {
        let raw = "Troops exchange fire on the border\n\nYEREVAN, Sept 15, 2022 (AFP) - Azerbaijani \
                   troops fired small arms at Armenian positions on Thursday, the ministry said.\n\n\
                   On Wednesday, air defence shot down three drones, it said.";
        assert_eq!(date_in_header(raw), d("2022-09-15"));
    }

    #[test]
    fn prefix() {
        let (date, rest) = strip_date_prefix(" date 2023-09-01 Troops clashed.").unwrap();
        assert_eq!(date.to_string(), "2023-09-01");
        assert_eq!(rest, "Troops clashed.");
    }
}
