//! Date and time expressions, resolved against the publication date.
//!
//! [`find_dates`] finds absolute dates ("June 4", "05 June 2023", "2023-09-01",
//! "16 сентября 2022"), ranges ("July 31-August 1", "between 3 and 5 August"),
//! weekdays ("late on Thursday night"), relative expressions ("yesterday",
//! "last week", "in the past 24 hours", "the day before"), months ("in
//! August", "December 2020") and cue-word years ("since 1991"), and resolves
//! each to a first and last day using the anchor (the publication date).
//! [`find_times`] finds clock times and time ranges ("from 04:20 to 13:55",
//! "at 0815", "around 3:00 p.m.").
//!
//! ```
//! use sitrep_recognise::dates::{find_dates, find_times};
//! use jiff::civil::date;
//! let text = "On June 4, starting from 04:20 to 13:55, the positions came under fire.";
//! let d = find_dates(text, Some(date(2023, 6, 5)));
//! assert_eq!(d[0].start, Some(date(2023, 6, 4)));
//! assert_eq!(find_times(text)[0].render(), "04:20-13:55");
//! ```

mod lex;
mod parse;
mod times;
pub(crate) mod words;

use jiff::civil::Weekday;
use sitrep_core::{Date, DatePrecision, Span};

use lex::{lines, tokenize, Kind, Tok};
use parse::{Md, Parser, Raw, WdRule, YearSpec};

pub use times::{find_times, TimeMention};

/// A date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offsets into the input text. The span includes a leading
    /// preposition or modifier that belongs with the date ("on", "since",
    /// "late on", "the night of").
    pub span: Span,
    /// Resolved first day; `None` when it cannot be fixed (no anchor for a
    /// relative or year-less expression, or an impossible date).
    pub start: Option<Date>,
    /// Resolved last day (equal to `start` for a single day).
    pub end: Option<Date>,
    /// Day, week, month or year.
    pub precision: DatePrecision,
    /// Month and day as written, when a day was written (kept even when the
    /// year is unknown).
    pub month_day: Option<(i8, i8)>,
    /// True when the expression needs the anchor (weekday, yesterday, last
    /// week, a month or day without a year, ...).
    pub relative: bool,
    /// True for year-only background mentions introduced by a cue word
    /// ("since 1991", "in 2020", "until 2015").
    pub historical: bool,
}

/// Finds the date expressions of `text`, resolved against `anchor` (the
/// publication date). Results are sorted by span start and do not overlap.
///
/// Dates without a year take the anchor's year, or the year before when that
/// would put them more than seven days after the anchor. Weekdays resolve to
/// the most recent such day on or before the anchor. A weekday or date joined
/// to a later one in the same sentence by "until", "till", "to", "into" or
/// "through" ("late on Thursday night until Friday morning") gives one mention
/// spanning both.
pub fn find_dates(text: &str, anchor: Option<Date>) -> Vec<DateMention> {
    dates_in(&tokenize(text), anchor)
}

/// [`find_dates`] and [`find_times`] together, reading the text once.
pub fn find_dates_and_times(
    text: &str,
    anchor: Option<Date>,
) -> (Vec<DateMention>, Vec<TimeMention>) {
    let toks = tokenize(text);
    (dates_in(&toks, anchor), times::times_in(&toks))
}

fn dates_in(toks: &[Tok<'_>], anchor: Option<Date>) -> Vec<DateMention> {
    let mut found: Vec<(DateMention, Raw, usize, usize)> = Vec::new();
    let mut prev_day: Option<Date> = None;
    for line in lines(toks) {
        let base = line.start;
        let line = &toks[line];
        let parser = Parser::new(line);
        let mut i = 0;
        while i < line.len() {
            if born_before(line, i) {
                i = past_birth_dates(&parser, line, i);
                continue;
            }
            let Some(pieces) = parser.parse_at(i) else {
                i += 1;
                continue;
            };
            let next = pieces.last().map_or(i + 1, |p| p.end.max(i + 1));
            for p in pieces {
                let span = Span::new(line[p.start].start, line[p.end - 1].end);
                let m = resolve(&p.raw, span, anchor, prev_day);
                if m.precision == DatePrecision::Day && m.start.is_some() {
                    prev_day = m.start;
                }
                found.push((m, p.raw, base + p.start, base + p.end));
            }
            i = next;
        }
    }
    join_ranges(toks, found, anchor)
}

/// True when the date at `i` follows "born" ("born in 1961", "born on 3 May 1990").
fn born_before(line: &[Tok<'_>], i: usize) -> bool {
    let word = |k: usize, ws: &[&str]| k < line.len() && line[k].is_any(ws);
    (i >= 1 && word(i - 1, &["born"]))
        || (i >= 2 && word(i - 1, &["in", "on"]) && word(i - 2, &["born"]))
}

/// The token after a list of birth dates starting at `i` ("born in 1961 and 1994"):
/// a person's birth is not an event's date.
fn past_birth_dates(parser: &Parser<'_>, line: &[Tok<'_>], i: usize) -> usize {
    let mut k = i;
    loop {
        k = parser
            .parse_at(k)
            .and_then(|p| p.last().map(|p| p.end))
            .unwrap_or(k + 1)
            .max(k + 1);
        let joined = k + 1 < line.len() && (line[k].is_any(&["and"]) || line[k].is_punct(','));
        if !joined || parser.parse_at(k + 1).is_none() {
            return k;
        }
        k += 1;
    }
}

/// `d` moved by `n` days.
fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

/// The most recent `wd` on or before `d`.
fn on_or_before(d: Date, wd: Weekday) -> Option<Date> {
    add_days(d, -i64::from(d.weekday().since(wd)))
}

/// The year a day without a year most likely falls in: the anchor's, unless
/// that is more than seven days after the anchor.
fn infer_year(month: i8, day: i8, anchor: Date) -> Option<Date> {
    let limit = add_days(anchor, 7)?;
    (0..8)
        .filter_map(|back| Date::new(anchor.year().checked_sub(back)?, month, day).ok())
        .find(|d| *d <= limit)
}

fn year_of(spec: YearSpec, anchor: Option<Date>) -> Option<i16> {
    match spec {
        YearSpec::Given(y) => Some(y),
        YearSpec::Offset(o) => anchor?.year().checked_add(o),
        YearSpec::Infer => None,
    }
}

/// Resolves the days of a written day range.
fn resolve_days(from: Md, to: Option<Md>, anchor: Option<Date>) -> (Option<Date>, Option<Date>) {
    let at = |y: Option<i16>, m: i8, d: i8| y.and_then(|y| Date::new(y, m, d).ok());
    let Some(to) = to else {
        let s = match from.year {
            Some(y) => at(Some(y), from.month, from.day),
            None => anchor.and_then(|a| infer_year(from.month, from.day, a)),
        };
        return (s, s);
    };
    let e = match (to.year, from.year) {
        (Some(y), _) => at(Some(y), to.month, to.day),
        (None, Some(y)) => {
            let y = if (to.month, to.day) < (from.month, from.day) {
                y.checked_add(1)
            } else {
                Some(y)
            };
            at(y, to.month, to.day)
        }
        (None, None) => anchor.and_then(|a| infer_year(to.month, to.day, a)),
    };
    let s = match (from.year, e) {
        (Some(y), _) => at(Some(y), from.month, from.day),
        (None, Some(e)) => {
            let y = if (from.month, from.day) > (to.month, to.day) {
                e.year().checked_sub(1)
            } else {
                Some(e.year())
            };
            at(y, from.month, from.day)
        }
        (None, None) => None,
    };
    match (s, e) {
        (Some(s), Some(e)) if e < s => (Some(s), Some(s)),
        (s, None) => (s, s),
        (s, e) => (s, e),
    }
}

/// Resolves one piece against the anchor and the previous day mention.
fn resolve(raw: &Raw, span: Span, anchor: Option<Date>, prev_day: Option<Date>) -> DateMention {
    let mut m = DateMention {
        span,
        start: None,
        end: None,
        precision: DatePrecision::Day,
        month_day: None,
        relative: true,
        historical: false,
    };
    match *raw {
        Raw::Days { from, to } => {
            m.month_day = Some((from.month, from.day));
            m.relative = from.year.is_none() && to.is_none_or(|t| t.year.is_none());
            (m.start, m.end) = resolve_days(from, to, anchor);
        }
        Raw::Weekday { wd, rule, to } => {
            let end = anchor.and_then(|a| match (rule, to) {
                (_, Some(w2)) => on_or_before(a, w2),
                (WdRule::OnOrBefore, None) => on_or_before(a, wd),
                (WdRule::Before, None) => a.nth_weekday(-1, wd).ok(),
                (WdRule::After, None) => a.nth_weekday(1, wd).ok(),
            });
            m.end = end;
            m.start = match to {
                Some(_) => end.and_then(|e| e.nth_weekday(-1, wd).ok()),
                None => end,
            };
        }
        Raw::Rel {
            from,
            to,
            precision,
        } => {
            m.precision = precision;
            m.start = anchor.and_then(|a| add_days(a, from));
            m.end = anchor.and_then(|a| add_days(a, to));
        }
        Raw::PrevMention { offset } => {
            m.start = prev_day.or(anchor).and_then(|a| add_days(a, offset));
            m.end = m.start;
        }
        Raw::DayOfMonth { day } => {
            // The anchor's month, or the month before when that day is still to come.
            m.start = anchor.and_then(|a| {
                if day <= a.day() {
                    Date::new(a.year(), a.month(), day).ok()
                } else {
                    let prev = a
                        .first_of_month()
                        .checked_sub(jiff::Span::new().days(1))
                        .ok()?;
                    Date::new(prev.year(), prev.month(), day).ok()
                }
            });
            m.end = m.start;
        }
        Raw::CalWeek { back, until_anchor } => {
            m.precision = DatePrecision::Week;
            if let Some(a) = anchor {
                let monday = on_or_before(a, Weekday::Monday).and_then(|d| add_days(d, -7 * back));
                m.start = monday;
                m.end = if until_anchor {
                    Some(a)
                } else {
                    monday.and_then(|d| add_days(d, 6))
                };
            }
        }
        Raw::CalMonth { back, until_anchor } => {
            m.precision = DatePrecision::Month;
            if let Some(a) = anchor {
                let first = jiff::Span::new()
                    .try_months(back)
                    .ok()
                    .and_then(|s| a.first_of_month().checked_sub(s).ok());
                m.start = first;
                m.end = if until_anchor {
                    Some(a)
                } else {
                    first.map(|d| d.last_of_month())
                };
            }
        }
        Raw::Month {
            month,
            year,
            strictly_before,
        } => {
            m.precision = DatePrecision::Month;
            m.relative = !matches!(year, YearSpec::Given(_));
            let y = match year {
                YearSpec::Infer => anchor.and_then(|a| {
                    let back = month > a.month() || (month == a.month() && strictly_before);
                    a.year().checked_sub(i16::from(back))
                }),
                _ => year_of(year, anchor),
            };
            m.start = y.and_then(|y| Date::new(y, month, 1).ok());
            m.end = m.start.map(|d| d.last_of_month());
        }
        Raw::Year {
            from,
            to,
            historical,
        } => {
            m.precision = DatePrecision::Year;
            m.relative = !matches!(from, YearSpec::Given(_));
            m.historical = historical;
            m.start = year_of(from, anchor).and_then(|y| Date::new(y, 1, 1).ok());
            m.end = year_of(to, anchor).and_then(|y| Date::new(y, 12, 31).ok());
        }
    }
    m
}

/// True when the tokens `[from, to)` hold no sentence end.
fn same_sentence(toks: &[Tok<'_>], from: usize, to: usize) -> bool {
    (from..to.min(toks.len())).all(|k| {
        let t = &toks[k];
        if t.newline_before && k > from {
            return false;
        }
        if t.kind != Kind::Punct {
            return true;
        }
        match t.norm.as_ref() {
            "!" | "?" | ";" => false,
            // A dot ends a sentence unless it closes an abbreviation ("a.m.").
            "." => {
                let abbrev = k > 0 && {
                    let p = &toks[k - 1];
                    p.kind == Kind::Word && p.norm.chars().count() <= 4 && !t.space_before
                };
                abbrev && toks.get(k + 1).is_none_or(|n| !n.upper)
            }
            _ => true,
        }
    })
}

/// True when a joining word ("until", "to", ...) comes before token `b`,
/// after token `a`, with only a time or filler words between ("until 03:00 on
/// June 5").
fn joiner_before(toks: &[Tok<'_>], a: usize, b: usize) -> bool {
    const FILLER: &[&str] = &[
        "on", "the", "at", "about", "around", "a", "p", "m", "am", "pm", "hours", "hrs", "early",
        "late", "local", "time",
    ];
    const JOINERS: &[&str] = &["until", "till", "to", "into", "through", "до"];
    for k in (a.max(b.saturating_sub(8))..b).rev() {
        let t = &toks[k];
        if t.is_any(JOINERS) {
            return true;
        }
        let filler = t.kind == Kind::Num || t.is_punct(':') || t.is_punct('.') || t.is_any(FILLER);
        if !filler {
            return false;
        }
    }
    false
}

/// Joins "Thursday night until Friday morning" style pairs into one mention.
fn join_ranges(
    toks: &[Tok<'_>],
    found: Vec<(DateMention, Raw, usize, usize)>,
    anchor: Option<Date>,
) -> Vec<DateMention> {
    const JOINERS: &[&str] = &["until", "till", "to", "into", "through", "до"];
    let mut out: Vec<(DateMention, Raw, usize, usize)> = Vec::with_capacity(found.len());
    for cur in found {
        if let Some(prev) = out.last_mut() {
            let (a, ra, _, a_end) = (&prev.0, &prev.1, prev.2, prev.3);
            let (b, rb, b_start, _) = (&cur.0, &cur.1, cur.2, cur.3);
            let single = |m: &DateMention| m.precision == DatePrecision::Day && m.start == m.end;
            // The joining word: the first word of b's span or the word before it.
            let joined = toks[b_start].is_any(JOINERS) || joiner_before(toks, a_end, b_start);
            let close = b_start - a_end <= 12 && same_sentence(toks, a_end, b_start + 1);
            if joined && close && single(a) && single(b) {
                let merged = match (ra, rb) {
                    (
                        Raw::Weekday {
                            wd: w1, to: None, ..
                        },
                        Raw::Weekday {
                            wd: w2,
                            rule: WdRule::OnOrBefore,
                            to: None,
                        },
                    ) => {
                        let end = anchor.and_then(|a| on_or_before(a, *w2));
                        let start = end.and_then(|e| e.nth_weekday(-1, *w1).ok());
                        Some((start, end))
                    }
                    _ => match (a.start, b.start) {
                        (Some(s), Some(e))
                            if s < e && add_days(s, 6).is_some_and(|lim| e <= lim) =>
                        {
                            Some((Some(s), Some(e)))
                        }
                        _ => None,
                    },
                };
                if let Some((start, end)) = merged {
                    let m = &mut prev.0;
                    m.span = Span::new(m.span.start, cur.0.span.end);
                    m.start = start;
                    m.end = end;
                    m.relative |= cur.0.relative;
                    prev.3 = cur.3;
                    continue;
                }
            }
        }
        out.push(cur);
    }
    out.into_iter().map(|(m, ..)| m).collect()
}
