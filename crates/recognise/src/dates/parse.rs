//! The date grammar: turns tokens into unresolved date pieces.

use jiff::civil::{Date, Weekday};
use sitrep_core::DatePrecision;

use super::lex::{Kind, Tok};
use super::words::{
    month_of, month_stands_alone, number_word, weekday_of, DAY_PARTS, PREPOSITIONS, YEAR_CUES,
};

/// How the year of a month or year mention is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearSpec {
    /// Written out.
    Given(i16),
    /// Relative to the anchor's year ("last year" = -1).
    Offset(i16),
    /// Not given: the most recent fitting year.
    Infer,
}

/// A month and day, with the year when written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Md {
    pub year: Option<i16>,
    pub month: i8,
    pub day: i8,
}

/// Which occurrence of a weekday is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WdRule {
    /// The most recent, the anchor's own day included ("on Friday").
    OnOrBefore,
    /// The most recent before the anchor ("last Friday").
    Before,
    /// The next after the anchor ("next Friday").
    After,
}

/// An unresolved date expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Raw {
    /// A day or a range of days written with month names or numbers.
    Days { from: Md, to: Option<Md> },
    /// A weekday, or a pair of weekdays ("Thursday-Friday night").
    Weekday {
        wd: Weekday,
        rule: WdRule,
        to: Option<Weekday>,
    },
    /// Days counted from the anchor.
    Rel {
        from: i64,
        to: i64,
        precision: DatePrecision,
    },
    /// Days counted from the previous day mention in the text ("the day before").
    PrevMention { offset: i64 },
    /// A day of the month with no month ("on the 5th"): the latest such day up to the
    /// anchor.
    DayOfMonth { day: i8 },
    /// A calendar week (Monday to Sunday) counted back from the anchor's week.
    CalWeek { back: i64, until_anchor: bool },
    /// A calendar month counted back from the anchor's month.
    CalMonth { back: i64, until_anchor: bool },
    /// A named month.
    Month {
        month: i8,
        year: YearSpec,
        strictly_before: bool,
    },
    /// A year or a range of years.
    Year {
        from: YearSpec,
        to: YearSpec,
        historical: bool,
    },
}

/// One recognised piece: token range `[start, end)` and what it says.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    pub start: usize,
    pub end: usize,
    pub raw: Raw,
}

/// Words after a number that make it a clock time rather than a year.
const TIME_WORDS: &[&str] = &[
    "hours", "hrs", "hr", "h", "local", "gmt", "utc", "msk", "moscow", "baku", "yerevan", "kyiv",
    "am", "pm",
];

/// The grammar over one token slice.
pub(crate) struct Parser<'a> {
    t: &'a [Tok<'a>],
}

impl<'a> Parser<'a> {
    pub fn new(t: &'a [Tok<'a>]) -> Self {
        Parser { t }
    }

    fn tok(&self, i: usize) -> Option<&Tok<'_>> {
        self.t.get(i)
    }

    fn word(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is_word(w))
    }

    fn any(&self, i: usize, ws: &[&str]) -> bool {
        self.tok(i).is_some_and(|t| t.is_any(ws))
    }

    /// Punctuation `c` at `i`, glued to the previous token.
    fn glued(&self, i: usize, c: char) -> bool {
        self.tok(i)
            .is_some_and(|t| t.is_punct(c) && !t.space_before)
    }

    fn dash(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.is_dash())
    }

    /// Token `i` is a number glued to the previous token.
    fn glued_num(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Num && !t.space_before)
    }

    /// A day-of-month number (1-31) that is not part of a time, decimal or
    /// thousands group.
    fn day_num(&self, i: usize) -> Option<i8> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || t.digits > 2 || !(1..=31).contains(&t.value) {
            return None;
        }
        if !t.ordinal {
            for c in [':', '.', ',', '/'] {
                if self.glued(i + 1, c) && self.glued_num(i + 2) {
                    return None;
                }
            }
            if self.any(i + 1, &["am", "pm"]) || self.a_m(i + 1) {
                return None;
            }
        }
        // A number glued after a letter or digit ("A4", "T-72") is no day.
        if !t.space_before && i > 0 {
            let p = &self.t[i - 1];
            let glued_dash =
                p.is_dash() && !p.space_before && i > 1 && self.t[i - 2].kind == Kind::Word;
            if p.kind != Kind::Punct || glued_dash {
                return None;
            }
        }
        Some(t.value as i8)
    }

    /// True when the word at `i` makes the number before it a clock time.
    fn time_after(&self, i: usize) -> bool {
        self.any(i, TIME_WORDS) || self.a_m(i)
    }

    /// "a.m." / "p.m." starting at `i` (letter, dot, m).
    fn a_m(&self, i: usize) -> bool {
        self.any(i, &["a", "p"]) && self.glued(i + 1, '.') && self.word(i + 2, "m")
    }

    /// A month name at `i`; returns the month and the index after it (an
    /// abbreviation's dot included).
    fn month_at(&self, i: usize, strict: bool) -> Option<(i8, usize)> {
        let t = self.tok(i)?;
        let m = month_of(t, strict)?;
        let mut k = i + 1;
        let abbrev = t.norm.len() <= 4 && !matches!(t.norm.as_ref(), "june" | "july" | "may");
        if abbrev && self.glued(k, '.') {
            k += 1;
        }
        Some((m, k))
    }

    /// Month then day: "June 4", "Sept. 1", "June 4th".
    fn md(&self, i: usize) -> Option<(i8, i8, usize)> {
        let (m, k) = self.month_at(i, false)?;
        let k = if self.word(k, "the") { k + 1 } else { k };
        let d = self.day_num(k)?;
        valid_md(m, d).then_some((m, d, k + 1))
    }

    /// Day then month: "4 June", "4th of June", "16 сентября".
    fn dm(&self, i: usize) -> Option<(i8, i8, usize)> {
        let d = self.day_num(i)?;
        let mut k = i + 1;
        if self.word(k, "of") {
            k += 1;
        }
        let (m, k) = self.month_at(k, false)?;
        valid_md(m, d).then_some((m, d, k))
    }

    /// A four-digit year that is not a clock time.
    fn year_num(&self, i: usize) -> Option<i16> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || t.digits != 4 || t.ordinal || !(1900..=2100).contains(&t.value) {
            return None;
        }
        for c in [':', '.', ',', '/'] {
            if self.glued(i + 1, c) && self.glued_num(i + 2) {
                return None;
            }
        }
        if self
            .tok(i + 1)
            .is_some_and(|n| n.kind == Kind::Word && !n.space_before)
        {
            return None;
        }
        Some(t.value as i16)
    }

    /// An optional year after a day: ", 2023", "2023", "2022 года", "2022 г.".
    fn year_tail(&self, i: usize) -> Option<(i16, usize)> {
        let k = if self.tok(i).is_some_and(|t| t.is_punct(',')) {
            i + 1
        } else {
            i
        };
        let y = self.year_num(k)?;
        if self.time_after(k + 1) {
            return None;
        }
        let mut k = k + 1;
        if self.any(k, &["года", "год", "г"]) {
            k += 1;
            if self.glued(k, '.') {
                k += 1;
            }
        }
        Some((y, k))
    }

    /// A range connector at `i`: dash, to, till, until, through; "and" only
    /// after "between".
    fn connector(&self, i: usize, between: bool) -> Option<usize> {
        if self.dash(i) || self.any(i, &["to", "till", "until", "through", "into", "по"]) {
            return Some(i + 1);
        }
        // "late on June 9 and into the early hours of June 10"
        if self.word(i, "and") && self.any(i + 1, &["into", "until", "till"]) {
            return Some(i + 2);
        }
        if between && self.any(i, &["and", "и"]) {
            return Some(i + 1);
        }
        None
    }

    /// After a range connector, the words that lead to its last day: "until the
    /// early hours of July 28", "to the morning of June 3", "till late on May 2".
    fn range_end_lead(&self, c: usize) -> usize {
        let mut k = c;
        if self.any(k, &["the"]) {
            k += 1;
        }
        if self.any(k, &["early", "late", "small", "wee"]) {
            k += 1;
        }
        if self.any(k, &["hours", "morning", "night", "evening", "afternoon"])
            && self.any(k + 1, &["of", "on"])
        {
            k += 2;
        } else if self.any(k, &["on"]) {
            k += 1;
        }
        k
    }

    /// Skips leading words that belong with a date ("on", "late on", "the night
    /// of", "mid-"). Returns the index after them and the last preposition.
    fn prefix(&self, i: usize) -> (usize, Option<&'a str>) {
        let mut k = i;
        let mut cue = None;
        for _ in 0..6 {
            let Some(t) = self.tok(k) else { break };
            if t.is_any(&["early", "late", "mid"]) {
                k += 1;
                if self.dash(k) {
                    k += 1;
                }
            } else if t.is_any(&["the", "a"])
                && self.any(
                    k + 1,
                    &[
                        "night",
                        "morning",
                        "evening",
                        "afternoon",
                        "end",
                        "beginning",
                        "start",
                        "middle",
                        "course",
                    ],
                )
                && self.any(k + 2, &["of", "from", "on", "to"])
            {
                k += 3;
            } else if t.is_any(&["night", "morning", "evening"]) && self.any(k + 1, &["of", "from"])
            {
                k += 2;
            } else if t.kind == Kind::Word && PREPOSITIONS.contains(&t.norm.as_ref()) {
                cue = Some(self.t[k].norm.as_ref());
                k += 1;
            } else {
                break;
            }
        }
        (k, cue)
    }

    /// All pieces of the longest date expression starting at token `i`.
    pub fn parse_at(&self, i: usize) -> Option<Vec<Piece>> {
        let mut best: Option<Vec<Piece>> = None;
        let mut consider = |c: Option<Vec<Piece>>| {
            if let Some(c) = c {
                let end = c.last().map_or(0, |p| p.end);
                if best
                    .as_ref()
                    .is_none_or(|b| b.last().map_or(0, |p| p.end) < end)
                {
                    best = Some(c);
                }
            }
        };
        let (j, cue) = self.prefix(i);
        if j > i {
            let mut c = self.body(j, cue);
            if let Some(first) = c.as_mut().and_then(|c| c.first_mut()) {
                first.start = i;
            }
            consider(c);
        }
        consider(self.body(i, None));
        best
    }

    fn body(&self, i: usize, cue: Option<&str>) -> Option<Vec<Piece>> {
        let one = |r: Option<(usize, Raw)>| r.map(|(end, raw)| vec![Piece { start: i, end, raw }]);
        let cands = [
            one(self.day_of_month(i)),
            one(self.days(i, cue)),
            one(self.iso(i)),
            one(self.weekday(i)),
            one(self.relative(i)),
            self.months(i, cue),
            one(self.years(i, cue)),
        ];
        cands
            .into_iter()
            .flatten()
            .max_by_key(|c| (c.last().map_or(0, |p| p.end), std::cmp::Reverse(c.len())))
    }

    /// "the 5th" (an ordinal after "the", no month after it): a day of the current month.
    fn day_of_month(&self, i: usize) -> Option<(usize, Raw)> {
        if !self.any(i, &["the"]) {
            return None;
        }
        let t = self.tok(i + 1)?;
        if !t.ordinal || t.kind != Kind::Num {
            return None;
        }
        let day = self.day_num(i + 1)?;
        // "the 5th of March", "the 5th March" are whole dates; "the 5th battalion" no day.
        if self.dm(i + 1).is_some() || self.any(i + 2, &["of"]) {
            return None;
        }
        const AFTER_DAY: &[&str] = &[
            "and",
            "or",
            "at",
            "in",
            "when",
            "as",
            "from",
            "on",
            "to",
            "until",
            "till",
            "around",
            "about",
            "after",
            "before",
            "between",
            "near",
            "along",
            "against",
            "with",
            "by",
            "night",
            "morning",
            "evening",
            "afternoon",
            "while",
            "but",
            "the",
            "a",
            "an",
            "that",
            "which",
            "into",
            "over",
            "across",
            "through",
            "during",
        ];
        if self
            .tok(i + 2)
            .is_some_and(|n| n.kind == Kind::Word && !n.is_any(AFTER_DAY))
        {
            return None;
        }
        Some((i + 2, Raw::DayOfMonth { day }))
    }

    /// Days written with month names, and their ranges.
    fn days(&self, i: usize, cue: Option<&str>) -> Option<(usize, Raw)> {
        let between = cue == Some("between");
        let md = |m: i8, d: i8, y: Option<i16>| Md {
            year: y,
            month: m,
            day: d,
        };
        // Month first or day first.
        let first = self.md(i).or_else(|| self.dm(i));
        if let Some((m1, d1, k)) = first {
            let (y1, k1) = match self.year_tail(k) {
                Some((y, k1)) => (Some(y), k1),
                None => (None, k),
            };
            if let Some(c) = self.connector(k1, between) {
                let c = self.range_end_lead(c);
                if let Some((m2, d2, k2)) = self.md(c).or_else(|| self.dm(c)) {
                    let (y2, k3) = match self.year_tail(k2) {
                        Some((y, k3)) => (Some(y), k3),
                        None => (None, k2),
                    };
                    return Some((
                        k3,
                        Raw::Days {
                            from: md(m1, d1, y1),
                            to: Some(md(m2, d2, y2)),
                        },
                    ));
                }
                // "June 10-11", "June 10 to 12, 2023" (month first only).
                if y1.is_none() && self.md(i).is_some() {
                    if let Some(d2) = self.day_num(c) {
                        if d2 > d1 && valid_md(m1, d2) {
                            let (y2, k3) = match self.year_tail(c + 1) {
                                Some((y, k3)) => (Some(y), k3),
                                None => (None, c + 1),
                            };
                            return Some((
                                k3,
                                Raw::Days {
                                    from: md(m1, d1, y2),
                                    to: Some(md(m1, d2, y2)),
                                },
                            ));
                        }
                    }
                }
            }
            return Some((
                k1,
                Raw::Days {
                    from: md(m1, d1, y1),
                    to: None,
                },
            ));
        }
        // "10-11 June", "between 3 and 5 August", "from 3 to 5 August 2023".
        let d1 = self.day_num(i)?;
        let c = self.connector(i + 1, between)?;
        let (m2, d2, k2) = self.dm(c)?;
        if d1 >= d2 || !valid_md(m2, d1) {
            return None;
        }
        let (y2, k3) = match self.year_tail(k2) {
            Some((y, k3)) => (Some(y), k3),
            None => (None, k2),
        };
        Some((
            k3,
            Raw::Days {
                from: md(m2, d1, y2),
                to: Some(md(m2, d2, y2)),
            },
        ))
    }

    /// "2023-09-01" and "01.09.2023".
    fn iso(&self, i: usize) -> Option<(usize, Raw)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num {
            return None;
        }
        let num = |k: usize, digits: &[usize]| {
            self.tok(k)
                .filter(|t| t.kind == Kind::Num && !t.space_before && digits.contains(&t.digits))
                .map(|t| t.value)
        };
        let (y, m, d) = if t.digits == 4 {
            if !(self.glued(i + 1, '-') && self.glued(i + 3, '-')) {
                return None;
            }
            (t.value, num(i + 2, &[1, 2])?, num(i + 4, &[1, 2])?)
        } else if t.digits <= 2 {
            if !(self.glued(i + 1, '.') && self.glued(i + 3, '.')) {
                return None;
            }
            (num(i + 4, &[4])?, num(i + 2, &[1, 2])?, t.value)
        } else {
            return None;
        };
        // Not part of a longer dotted or dashed number.
        if (self.glued(i + 5, '.') || self.glued(i + 5, '-')) && self.glued_num(i + 6) {
            return None;
        }
        if !(1900..=2100).contains(&y) {
            return None;
        }
        let date = Date::new(y as i16, m as i8, d as i8).ok()?;
        Some((
            i + 5,
            Raw::Days {
                from: Md {
                    year: Some(date.year()),
                    month: date.month(),
                    day: date.day(),
                },
                to: None,
            },
        ))
    }

    /// "Friday", "on Thursday night", "last Monday", "Friday, June 4",
    /// "Thursday-Friday night".
    fn weekday(&self, i: usize) -> Option<(usize, Raw)> {
        let mut k = i;
        let mut rule = WdRule::OnOrBefore;
        if self.any(k, &["last", "past", "previous"]) {
            rule = WdRule::Before;
            k += 1;
        } else if self.any(k, &["next", "coming"]) {
            rule = WdRule::After;
            k += 1;
        } else if self.word(k, "this") {
            k += 1;
        }
        let wd = weekday_of(self.tok(k)?)?;
        k += 1;
        // A written date next to the weekday wins: "Friday, June 4".
        let mut d = k;
        if self
            .tok(d)
            .is_some_and(|t| t.is_punct(',') || t.is_punct('('))
        {
            d += 1;
        }
        if self.word(d, "the") {
            d += 1;
        }
        if let Some((mut e, raw)) = self.days(d, None).or_else(|| self.iso(d)) {
            if self.glued(e, ')') {
                e += 1;
            }
            return Some((e, raw));
        }
        let mut to = None;
        // "the (intervening) night of Saturday and Sunday": the night between them.
        let night_of = i >= 2 && self.word(i - 1, "of") && self.word(i - 2, "night");
        let and_next = night_of && self.word(k, "and");
        if (self.dash(k) || self.any(k, &["to", "into"]) || and_next) && self.tok(k + 1).is_some() {
            if let Some(w2) = weekday_of(&self.t[k + 1]).filter(|w2| !and_next || *w2 == wd.next())
            {
                to = Some(w2);
                k += 2;
            }
        }
        if self.any(k, DAY_PARTS) {
            k += 1;
        }
        Some((k, Raw::Weekday { wd, rule, to }))
    }

    /// Relative expressions: yesterday, last week, the past 24 hours, ...
    fn relative(&self, i: usize) -> Option<(usize, Raw)> {
        use DatePrecision::{Day, Month, Week};
        let rel = |from: i64, to: i64, precision| Raw::Rel {
            from,
            to,
            precision,
        };
        let part = |k: usize| if self.any(k, DAY_PARTS) { k + 1 } else { k };
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let w = t.norm.as_ref();
        let w1 = self.tok(i + 1).map_or("", |t| t.norm.as_ref());
        let w2 = self.tok(i + 2).map_or("", |t| t.norm.as_ref());
        let w3 = self.tok(i + 3).map_or("", |t| t.norm.as_ref());
        match (w, w1) {
            ("today" | "tonight" | "сегодня", _) => return Some((i + 1, rel(0, 0, Day))),
            ("yesterday" | "вчера", _) => return Some((part(i + 1), rel(-1, -1, Day))),
            ("this", "morning" | "afternoon" | "evening") => return Some((i + 2, rel(0, 0, Day))),
            // "A short while ago", "moments ago", "a few hours ago": today.
            ("short", "while") if w2 == "ago" => return Some((i + 3, rel(0, 0, Day))),
            ("moments" | "minutes", "ago") => return Some((i + 2, rel(0, 0, Day))),
            ("few", "hours" | "minutes") if w2 == "ago" => return Some((i + 3, rel(0, 0, Day))),
            ("last", "night") | ("overnight", _) => {
                let e = if w == "last" { i + 2 } else { i + 1 };
                return Some((e, rel(-1, 0, Day)));
            }
            ("last", "week") => {
                return Some((
                    i + 2,
                    Raw::CalWeek {
                        back: 1,
                        until_anchor: false,
                    },
                ))
            }
            ("this", "week") => {
                return Some((
                    i + 2,
                    Raw::CalWeek {
                        back: 0,
                        until_anchor: false,
                    },
                ))
            }
            ("earlier", "this") if w2 == "week" => {
                return Some((
                    i + 3,
                    Raw::CalWeek {
                        back: 0,
                        until_anchor: true,
                    },
                ))
            }
            ("last", "month") => {
                return Some((
                    i + 2,
                    Raw::CalMonth {
                        back: 1,
                        until_anchor: false,
                    },
                ))
            }
            ("this", "month") => {
                return Some((
                    i + 2,
                    Raw::CalMonth {
                        back: 0,
                        until_anchor: false,
                    },
                ))
            }
            ("earlier", "this") if w2 == "month" => {
                return Some((
                    i + 3,
                    Raw::CalMonth {
                        back: 0,
                        until_anchor: true,
                    },
                ))
            }
            ("last", "year") => {
                return Some((
                    i + 2,
                    Raw::Year {
                        from: YearSpec::Offset(-1),
                        to: YearSpec::Offset(-1),
                        historical: false,
                    },
                ))
            }
            ("this", "year") => {
                return Some((
                    i + 2,
                    Raw::Year {
                        from: YearSpec::Offset(0),
                        to: YearSpec::Offset(0),
                        historical: false,
                    },
                ))
            }
            ("the", "previous" | "preceding") if w2 == "week" => {
                return Some((
                    i + 3,
                    Raw::CalWeek {
                        back: 1,
                        until_anchor: false,
                    },
                ))
            }
            ("the", "previous" | "preceding") if w2 == "month" => {
                return Some((
                    i + 3,
                    Raw::CalMonth {
                        back: 1,
                        until_anchor: false,
                    },
                ))
            }
            ("the", "day") if w2 == "before" && w3 == "yesterday" => {
                return Some((i + 4, rel(-2, -2, Day)))
            }
            _ => {}
        }
        // Counted from the previous day mention.
        let prev = |offset: i64, e: usize| Some((e, Raw::PrevMention { offset }));
        match (w, w1, w2) {
            ("the" | "that", "same", "day" | "night" | "morning" | "evening") => {
                return prev(0, i + 3)
            }
            ("that", "day" | "night", _) => return prev(0, i + 2),
            ("the", "day" | "night" | "evening", "before" | "earlier")
            | ("a", "day", "before" | "earlier")
            | ("the", "previous" | "preceding", "day" | "night" | "evening") => {
                return prev(-1, i + 3)
            }
            ("the", "next" | "following", "day" | "morning" | "night")
            | ("the", "day", "after")
            | ("a", "day", "later") => return prev(1, i + 3),
            ("next", "morning" | "day", _) => return prev(1, i + 2),
            _ => {}
        }
        // "the past 24 hours", "past day", "the last two days", "past week".
        let mut k = i;
        let the = self.word(k, "the");
        if the {
            k += 1;
        }
        if self.any(k, &["past", "last", "previous"]) {
            k += 1;
            let n = self
                .tok(k)
                .and_then(number_word)
                .filter(|n| (1..=1000).contains(n));
            if n.is_some() {
                k += 1;
            }
            let n = i64::from(n.unwrap_or(1));
            if self.any(k, &["hours", "hour"]) {
                let days = ((n + 23) / 24).max(1);
                return Some((k + 1, rel(-days, 0, Day)));
            }
            if self.any(k, &["day", "days"]) {
                return Some((k + 1, rel(-n, 0, Day)));
            }
            if self.any(k, &["week", "weeks"]) && (the || self.word(i, "past")) {
                return Some((k + 1, rel(-7 * n, 0, Week)));
            }
            if self.any(k, &["month", "months"]) && (the || self.word(i, "past")) {
                return Some((k + 1, rel(-30 * n, 0, Month)));
            }
            return None;
        }
        // "two days ago", "a week ago".
        let n = i64::from(number_word(t).filter(|n| (1..=60).contains(n))?);
        if self.any(i + 1, &["day", "days"]) && self.word(i + 2, "ago") {
            return Some((i + 3, rel(-n, -n, Day)));
        }
        if self.any(i + 1, &["week", "weeks"]) && self.word(i + 2, "ago") {
            return Some((i + 3, rel(-7 * n, -7 * n, Week)));
        }
        None
    }

    /// Named months: "in August", "mid-August", "December 2020",
    /// "In November and December of the last year", "last August".
    fn months(&self, i: usize, cue: Option<&str>) -> Option<Vec<Piece>> {
        let mut k = i;
        let mut strictly_before = false;
        let mut this = false;
        let mut modified = cue.is_some();
        if self.word(k, "last") {
            strictly_before = true;
            modified = true;
            k += 1;
        } else if self.word(k, "this") {
            this = true;
            modified = true;
            k += 1;
        }
        let (m, mut e) = self.month_at(k, true)?;
        // "February 30": an impossible day is not a month mention either.
        if self
            .tok(e)
            .is_some_and(|t| t.kind == Kind::Num && t.digits <= 2)
        {
            return None;
        }
        if !modified && !month_stands_alone(&self.t[k]) {
            let prev_ok = k > 0
                && self.t[k - 1].is_any(&["of", "early", "late", "mid", "in", "since", "until"]);
            if !prev_ok {
                return None;
            }
        }
        let mut months = vec![(k, e, m)];
        // Lists: "November and December", "June, July or August".
        loop {
            let c = if self.tok(e).is_some_and(|t| t.is_punct(','))
                || self.any(e, &["and", "or", "и"])
            {
                e + 1
            } else {
                break;
            };
            let c = if self.any(c, &["and", "or"]) {
                c + 1
            } else {
                c
            };
            let Some((m2, e2)) = self.month_at(c, true) else {
                break;
            };
            months.push((c, e2, m2));
            e = e2;
        }
        let mut year = if this {
            YearSpec::Offset(0)
        } else {
            YearSpec::Infer
        };
        if let Some((y, e2)) = self.year_tail(e) {
            year = YearSpec::Given(y);
            e = e2;
        } else {
            let mut k = e;
            if self.word(k, "of") {
                k += 1;
            }
            if self.word(k, "the") {
                k += 1;
            }
            let off = if self.any(k, &["last", "previous", "past"]) {
                Some(-1)
            } else if self.any(k, &["this", "current"]) {
                Some(0)
            } else {
                None
            };
            if let Some(off) = off {
                if self.word(k + 1, "year") {
                    year = YearSpec::Offset(off);
                    e = k + 2;
                }
            }
        }
        let n = months.len();
        let pieces = months
            .into_iter()
            .enumerate()
            .map(|(idx, (s, me, month))| Piece {
                start: if idx == 0 { i } else { s },
                end: if idx + 1 == n { e } else { me },
                raw: Raw::Month {
                    month,
                    year,
                    strictly_before,
                },
            })
            .collect();
        Some(pieces)
    }

    /// Years after a cue word: "since 1991", "in 2020", "from 2016 to 2020".
    fn years(&self, i: usize, cue: Option<&str>) -> Option<(usize, Raw)> {
        let cue = cue?;
        if !YEAR_CUES.contains(&cue) {
            return None;
        }
        let y1 = self.year_num(i)?;
        if self.time_after(i + 1) || self.glued(i + 1, '\'') {
            return None;
        }
        let mut e = i + 1;
        let mut y2 = y1;
        if let Some(c) = self.connector(e, cue == "between") {
            if let Some(y) = self.year_num(c).filter(|y| *y > y1) {
                if self.time_after(c + 1) {
                    return None;
                }
                y2 = y;
                e = c + 1;
            }
        }
        Some((
            e,
            Raw::Year {
                from: YearSpec::Given(y1),
                to: YearSpec::Given(y2),
                historical: true,
            },
        ))
    }
}

/// True when day `d` exists in month `m` of some year (29 February included).
fn valid_md(m: i8, d: i8) -> bool {
    Date::new(2024, m, d).is_ok()
}
