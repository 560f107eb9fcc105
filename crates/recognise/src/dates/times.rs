//! Clock times and time ranges.

use sitrep_core::Span;

use super::lex::{lines, tokenize, Kind, Tok};

/// A clock time or time range found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// Byte offsets into the input text (the times, any "a.m."/"p.m." and
    /// "hours" included; not the preposition before them).
    pub span: Span,
    /// First time as 24-hour (hour, minute).
    pub start: (u8, u8),
    /// Last time of a range.
    pub end: Option<(u8, u8)>,
}

impl TimeMention {
    /// `HH:MM`, or `HH:MM-HH:MM` for a range.
    pub fn render(&self) -> String {
        let (h, m) = self.start;
        match self.end {
            Some((h2, m2)) => format!("{h:02}:{m:02}-{h2:02}:{m2:02}"),
            None => format!("{h:02}:{m:02}"),
        }
    }
}

/// Words before a four-digit number that make it a clock time ("at 0815").
const AT: &[&str] = &["at", "around", "about", "approximately", "circa", "near"];
/// Words before the first time of a range.
const RANGE_START: &[&str] = &["from", "between", "since", "starting", "at"];
/// Words after a time that belong to it.
const HOURS: &[&str] = &["hours", "hrs", "hr"];
/// Words after a four-digit number that may follow a clock time.
const AFTER_OK: &[&str] = &[
    "hours", "hrs", "hr", "h", "local", "gmt", "utc", "msk", "moscow", "baku", "yerevan", "kyiv",
    "time", "on", "and", "to", "until", "till", "the", "when", "while", "in", "near", "from",
    "after", "before", "that", "as", "with",
];

/// A recognised time: index after it, start, end of a range.
type Found = (usize, (u8, u8), Option<(u8, u8)>);

/// A time candidate.
#[derive(Debug, Clone, Copy)]
struct T {
    h: u8,
    m: u8,
    /// Index after the time.
    end: usize,
    /// Meridiem: Some(false) = a.m., Some(true) = p.m.
    pm: Option<bool>,
    /// Written as a bare hour ("from 3 to 5 p.m."): needs a meridiem later.
    bare: bool,
}

struct P<'a> {
    t: &'a [Tok<'a>],
}

impl P<'_> {
    fn tok(&self, i: usize) -> Option<&Tok<'_>> {
        self.t.get(i)
    }

    fn any(&self, i: usize, ws: &[&str]) -> bool {
        self.tok(i).is_some_and(|t| t.is_any(ws))
    }

    fn glued(&self, i: usize, c: char) -> bool {
        self.tok(i)
            .is_some_and(|t| t.is_punct(c) && !t.space_before)
    }

    fn num(&self, i: usize) -> Option<&Tok<'_>> {
        self.tok(i).filter(|t| t.kind == Kind::Num && !t.ordinal)
    }

    fn glued_num(&self, i: usize, digits: usize) -> Option<u32> {
        self.num(i)
            .filter(|t| !t.space_before && t.digits == digits)
            .map(|t| t.value)
    }

    /// The previous word, skipping nothing.
    fn prev_word(&self, i: usize) -> Option<&str> {
        i.checked_sub(1)
            .and_then(|k| self.tok(k))
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.norm.as_ref())
    }

    /// "a.m.", "p.m.", "am", "pm", "A.M" at `i`: meridiem and index after.
    fn meridiem(&self, i: usize) -> Option<(bool, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let pm = match t.norm.as_ref() {
            "am" => return Some((false, i + 1)),
            "pm" => return Some((true, i + 1)),
            "a" => false,
            "p" => true,
            _ => return None,
        };
        if self.glued(i + 1, '.')
            && self
                .tok(i + 2)
                .is_some_and(|t| t.is_word("m") && !t.space_before)
        {
            return Some((pm, self.after_dot(i + 3)));
        }
        None
    }

    fn after_dot(&self, i: usize) -> usize {
        if self.glued(i, '.') {
            i + 1
        } else {
            i
        }
    }

    /// A number glued to letters or digits before it ("A4", "T-72") is no time.
    fn free_start(&self, i: usize) -> bool {
        let t = &self.t[i];
        t.space_before || i == 0 || {
            let p = &self.t[i - 1];
            p.kind == Kind::Punct && !p.is_dash() && !p.is_punct('.') && !p.is_punct(',')
        }
    }

    /// One time at `i`. `range_second` relaxes the cue for four-digit times
    /// after "to"/"and".
    fn time(&self, i: usize, range_second: bool) -> Option<T> {
        let t = self.tok(i)?;
        if t.kind == Kind::Word {
            const CUES: &[&str] = &[
                "at", "around", "by", "until", "after", "before", "from", "to", "till",
            ];
            let h = match t.norm.as_ref() {
                "noon" | "midday" => 12,
                "midnight" => 0,
                _ => return None,
            };
            if !(i > 0 && self.any(i - 1, CUES)) {
                return None;
            }
            return Some(T {
                h,
                m: 0,
                end: i + 1,
                pm: None,
                bare: false,
            });
        }
        let t = self.num(i)?;
        if !self.free_start(i) {
            return None;
        }
        let mut out = if t.digits <= 2 && (self.glued(i + 1, ':') || self.glued(i + 1, '.')) {
            let colon = self.glued(i + 1, ':');
            let m = self.glued_num(i + 2, 2)?;
            if t.value > 24 || m > 59 {
                return None;
            }
            let mut end = i + 3;
            // Seconds.
            if colon && self.glued(end, ':') && self.glued_num(end + 1, 2).is_some() {
                end += 2;
            }
            // No further dotted or colon part ("1.25.3", "10:30:15:20").
            if (self.glued(end, '.') || self.glued(end, ':'))
                && self.num(end + 1).is_some_and(|n| !n.space_before)
            {
                return None;
            }
            if !colon {
                // "6.30" needs a meridiem, "hours", or a cue word before it.
                let cue = self
                    .prev_word(i)
                    .is_some_and(|w| AT.contains(&w) || RANGE_START.contains(&w) || range_second);
                let after = self.meridiem(end).is_some() || self.any(end, HOURS);
                if !(after || cue) || t.value > 12 && !self.any(end, HOURS) && !cue {
                    return None;
                }
                if self
                    .tok(end)
                    .is_some_and(|n| n.is_punct('%') || n.is_any(&["percent", "per"]))
                {
                    return None;
                }
            }
            T {
                h: t.value as u8,
                m: m as u8,
                end,
                pm: None,
                bare: false,
            }
        } else if t.digits == 4 {
            let (h, m) = (t.value / 100, t.value % 100);
            if h > 23 || m > 59 {
                return None;
            }
            if (self.glued(i + 1, ',') || self.glued(i + 1, '.'))
                && self.num(i + 2).is_some_and(|n| !n.space_before)
            {
                return None;
            }
            let prev = self.prev_word(i);
            let hours_after =
                self.any(i + 1, HOURS) || self.any(i + 1, &["local", "gmt", "utc", "msk"]);
            let at = prev.is_some_and(|w| AT.contains(&w));
            let next_ok = self
                .tok(i + 1)
                .is_none_or(|n| n.kind != Kind::Word || n.is_any(AFTER_OK));
            if !(hours_after || (at || range_second) && next_ok) {
                // "from 1750 to 2245": left to the range rule, as a bare start.
                if prev.is_some_and(|w| RANGE_START.contains(&w)) && next_ok {
                    return Some(T {
                        h: h as u8,
                        m: m as u8,
                        end: i + 1,
                        pm: None,
                        bare: true,
                    });
                }
                return None;
            }
            T {
                h: h as u8,
                m: m as u8,
                end: i + 1,
                pm: None,
                bare: false,
            }
        } else if t.digits <= 2 && (1..=12).contains(&t.value) {
            // "6 a.m.", "12 noon", or a bare hour starting a range.
            if self.any(i + 1, &["noon", "midday"]) {
                return Some(T {
                    h: 12,
                    m: 0,
                    end: i + 2,
                    pm: None,
                    bare: false,
                });
            }
            if t.value == 12 && self.any(i + 1, &["midnight"]) {
                return Some(T {
                    h: 0,
                    m: 0,
                    end: i + 2,
                    pm: None,
                    bare: false,
                });
            }
            if self.any(i + 1, &["o"]) && self.glued(i + 2, '\'') && self.any(i + 3, &["clock"]) {
                return Some(T {
                    h: t.value as u8,
                    m: 0,
                    end: i + 4,
                    pm: None,
                    bare: true,
                });
            }
            T {
                h: t.value as u8,
                m: 0,
                end: i + 1,
                pm: None,
                bare: true,
            }
        } else {
            return None;
        };
        if let Some((pm, e)) = self.meridiem(out.end) {
            if out.h > 12 || out.h == 0 {
                return None;
            }
            out.pm = Some(pm);
            out.end = e;
            out.bare = false;
        } else if self.any(out.end, HOURS) {
            out.end += 1;
            if self.glued(out.end, '.') && self.tok(out.end - 1).is_some_and(|t| t.norm != "hours")
            {
                out.end += 1;
            }
            out.bare = false;
        }
        Some(out)
    }

    /// The longest time or time range at `i`.
    fn at(&self, i: usize) -> Option<Found> {
        let first = self.time(i, false)?;
        let between = self.prev_word(i) == Some("between");
        let c = first.end;
        let conn = self.tok(c).is_some_and(|t| t.is_dash())
            || self.any(c, &["to", "till", "until", "through"])
            || (between && self.any(c, &["and"]));
        let mut second = None;
        let mut second_at = c;
        if conn {
            // A range end may be followed by "hours" or "p.m.".
            let k = if self.any(c + 1, &["about", "around", "approximately"]) {
                c + 2
            } else {
                c + 1
            };
            second_at = k;
            second = self
                .time(k, true)
                .filter(|s| !s.bare || first.bare && s.pm.is_some());
        }
        match second {
            Some(s) => {
                let mut f = first;
                if f.pm.is_none() && s.pm.is_some() && f.h <= 12 {
                    f.pm = s.pm;
                    if to24(f) > to24(s) {
                        f.pm = Some(!s.pm.unwrap_or(false));
                    }
                }
                if f.bare && f.pm.is_none() && self.num(i).is_none_or(|t| t.digits != 4) {
                    return None;
                }
                // "from 2000 to 2010" reads as years unless "hours" or the
                // like follows.
                let year_like = |k: usize| {
                    self.num(k)
                        .is_some_and(|t| t.digits == 4 && (1900..=2100).contains(&t.value))
                };
                if year_like(i) && year_like(second_at) && s.end == second_at + 1 {
                    return None;
                }
                Some((s.end, to24(f), Some(to24(s))))
            }
            None if first.bare => None,
            None => Some((first.end, to24(first), None)),
        }
    }
}

/// Converts to 24-hour time.
fn to24(t: T) -> (u8, u8) {
    let h = match t.pm {
        Some(true) if t.h < 12 => t.h + 12,
        Some(false) if t.h == 12 => 0,
        _ => t.h,
    };
    (h % 24, t.m)
}

/// Finds clock times and time ranges in `text`, sorted by span start and not
/// overlapping.
///
/// Recognised: `13:45`, `12:20:05`, `7:50 a.m.`, `6.30 a.m.`, `at 6 a.m.`,
/// `12 noon`, `at noon`, `3 pm`, four-digit military times after
/// at/around/about or in a range (`from 1750 to 2245`, `at 0815`,
/// `0600 hours`), and ranges joined by a dash, to, till, until or (after
/// "between") and. Four-digit numbers elsewhere (`1750 soldiers`, `since
/// 2014`) and thousands (`10,000`) are not times.
pub fn find_times(text: &str) -> Vec<TimeMention> {
    times_in(&tokenize(text))
}

/// The times of a tokenised text.
pub(super) fn times_in(toks: &[Tok<'_>]) -> Vec<TimeMention> {
    let mut out = Vec::new();
    for line in lines(toks) {
        let line = &toks[line];
        let p = P { t: line };
        let mut i = 0;
        while i < line.len() {
            if let Some((end, start, range_end)) = p.at(i) {
                out.push(TimeMention {
                    span: Span::new(line[i].start, line[end - 1].end),
                    start,
                    end: range_end,
                });
                i = end.max(i + 1);
            } else {
                i += 1;
            }
        }
    }
    out
}
