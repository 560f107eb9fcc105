//! Numbers written as numerals or words ("three", "twenty-five", "10,000"),
//! with the qualifiers news uses for bounds ("at least", "more than").

use std::sync::LazyLock;

use regex::Regex;

use crate::pattern::regex;
use sitrep_core::Span;

/// How a count is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Given as is.
    Exact,
    /// "at least", "more than", "over": a lower bound.
    AtLeast,
    /// "up to", "nearly", "almost", "less than": an upper bound or approximation.
    AtMost,
    /// "about", "around", "some": an approximation.
    About,
}

/// A count found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// Bytes of the count, qualifier included.
    pub span: Span,
    /// The value.
    pub value: u64,
    /// Its qualifier.
    pub bound: Bound,
}

const UNITS: &[(&str, u64)] = &[
    ("zero", 0),
    ("no", 0),
    ("one", 1),
    ("a", 1),
    ("an", 1),
    ("another", 1),
    ("single", 1),
    ("two", 2),
    ("both", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("dozen", 12),
];

/// Value of one number word or numeral ("three", "3", "10,000", "twenty-five").
pub fn parse_number(word: &str) -> Option<u64> {
    let w = word.trim().to_lowercase();
    if w.is_empty() {
        return None;
    }
    if w.chars().all(|c| c.is_ascii_digit() || c == ',')
        && w.starts_with(|c: char| c.is_ascii_digit())
    {
        let digits: String = w.chars().filter(|c| c.is_ascii_digit()).collect();
        return digits.parse().ok();
    }
    if w == "half a dozen" {
        return Some(6);
    }
    if w.contains(' ') || w.contains("hundred") || w.contains("thousand") || w == "dozen" {
        return parse_phrase(&w);
    }
    if let Some((tens, unit)) = w.split_once('-') {
        let t = word_value(tens)?;
        let u = word_value(unit)?;
        if (20..=90).contains(&t) && (1..=9).contains(&u) {
            return Some(t + u);
        }
        return None;
    }
    word_value(&w)
}

/// Value of a number phrase with hundreds and thousands ("a hundred and
/// forty-four", "two thousand three hundred").
fn parse_phrase(w: &str) -> Option<u64> {
    let (mut total, mut current) = (0u64, 0u64);
    let mut any = false;
    for word in w.split_whitespace().filter(|x| *x != "and") {
        match word {
            "hundred" => current = current.max(1).checked_mul(100)?,
            "dozen" => current = current.max(1).checked_mul(12)?,
            "thousand" => {
                total = total.checked_add(current.max(1).checked_mul(1000)?)?;
                current = 0;
            }
            _ => current = current.checked_add(parse_number(word)?)?,
        }
        any = true;
    }
    any.then(|| total + current)
}

fn word_value(w: &str) -> Option<u64> {
    UNITS.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    let words = UNITS
        .iter()
        .map(|(w, _)| *w)
        .filter(|w| {
            !matches!(
                *w,
                "a" | "an" | "no" | "dozen" | "hundred" | "both" | "single"
            )
        })
        .collect::<Vec<_>>()
        .join("|");
    regex(&format!(
        r"(?i)(?-u:\b)(?:(at least|more than|over|nearly|almost|up to|about|around|some|approximately|less than|fewer than)\s+)?(\d{{1,3}}(?:,\d{{3}})+|\d+|(?:a|an|one|two|three|four|five|six|half a)\s+dozen(?-u:\b)|(?:(?:a|an|{words})\s+)?(?:hundred|thousand)(?-u:\b)(?:\s+(?:and\s+)?(?:{words})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)?|(?:{words})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)(?-u:\b)"
    ))
});

fn is_month(word: &str) -> bool {
    crate::dates::words::english_month(&word.trim_end_matches('.').to_lowercase()).is_some()
}

/// True when the number at `start..end` of `text` is a day or a year: right after
/// a month ("September 13", "Sept. 13"), right before one ("13 May"), or a year of
/// four digits ("2024", "in 2020").
fn is_date_part(text: &str, start: usize, end: usize, value: u64) -> bool {
    let digits = text[start..end].trim_start_matches(|c: char| !c.is_ascii_digit());
    if !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if digits.len() == 4 && (1900..=2100).contains(&value) {
        return true;
    }
    let before = text[..start].trim_end();
    let prev = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let next = text[end..]
        .trim_start()
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("");
    value <= 31 && (is_month(prev) || is_month(next))
}

/// True for an age: "Name, 34,", "the driver, 52,", "aged 24", "age 24".
fn is_age_after_name(text: &str, start: usize, end: usize) -> bool {
    let digits = text[start..end].bytes().all(|b| b.is_ascii_digit());
    let before = text[..start].trim_end();
    let lower_before = before.to_ascii_lowercase();
    if digits && (lower_before.ends_with(" aged") || lower_before.ends_with(" age")) {
        return true;
    }
    // "aged 60 and 34", "aged 19, 23 and 41": the ages after the first.
    if digits {
        let words: Vec<&str> = lower_before
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .rev()
            .take(8)
            .collect();
        for w in words {
            if w == "aged" || w == "ages" {
                return true;
            }
            if !(w == "and" || w.bytes().all(|b| b.is_ascii_digit())) {
                break;
            }
        }
    }
    // "Petro Ivanenko (35)": an age in brackets after a name.
    if digits && before.ends_with('(') && text[end..].starts_with(')') {
        let name = before[..before.len() - 1].trim_end();
        let prev = name.rsplit(char::is_whitespace).next().unwrap_or("");
        if prev.chars().next().is_some_and(char::is_uppercase)
            && text[start..end].parse::<u32>().is_ok_and(|age| age <= 110)
        {
            return true;
        }
    }
    let Some(before) = before.strip_suffix(',') else {
        return false;
    };
    let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
    prev.chars().next().is_some_and(char::is_alphabetic)
        && digits
        && text[start..end].parse::<u32>().is_ok_and(|age| age <= 110)
        && text[end..].trim_start().starts_with(',')
}

/// Every count in `text`, in order.
pub fn find_counts(text: &str) -> Vec<Count> {
    COUNT
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let value = parse_number(c.get(2)?.as_str())?;
            // "On September 13, two soldiers ...", "13 May", "in 2024": dates, not counts.
            if is_date_part(text, whole.start(), whole.end(), value) {
                return None;
            }
            // "at around 17:45": a time of day.
            let num = c.get(2)?;
            if text[..num.start()].ends_with([':', '.'])
                && text[..num.start()]
                    .trim_end_matches([':', '.'])
                    .ends_with(|ch: char| ch.is_ascii_digit())
                || text[num.end()..]
                    .strip_prefix([':', '.'])
                    .is_some_and(|r| r.starts_with(|ch: char| ch.is_ascii_digit()))
            {
                return None;
            }
            // "Elvin Mammadov, 34, was wounded", "aged 24": an age.
            if is_age_after_name(text, whole.start(), whole.end()) {
                return None;
            }
            // "a 46-year-old officer": an age, not a count.
            if text[whole.end()..].starts_with("-year")
                || text[whole.end()..].starts_with(" year")
                || text[whole.end()..].starts_with("-day")
            {
                return None;
            }
            let bound = match c.get(1).map(|m| m.as_str().to_lowercase()) {
                None => Bound::Exact,
                Some(q) => match q.as_str() {
                    "at least" | "more than" | "over" => Bound::AtLeast,
                    "nearly" | "almost" | "up to" | "less than" | "fewer than" => Bound::AtMost,
                    _ => Bound::About,
                },
            };
            Some(Count {
                span: Span::new(whole.start(), whole.end()),
                value,
                bound,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_numerals() {
        assert_eq!(parse_number("three"), Some(3));
        assert_eq!(parse_number("Twenty-five"), Some(25));
        assert_eq!(parse_number("10,000"), Some(10_000));
        assert_eq!(parse_number("14"), Some(14));
        assert_eq!(parse_number("dozens"), None);
        assert_eq!(parse_number("a dozen"), Some(12));
        assert_eq!(parse_number("two dozen"), Some(24));
        assert_eq!(parse_number("half a dozen"), Some(6));
        let values = |t: &str| find_counts(t).iter().map(|c| c.value).collect::<Vec<_>>();
        assert_eq!(values("Two dozen people were hurt."), vec![24]);
        assert_eq!(values("Dozens of people were hurt."), Vec::<u64>::new());
        assert_eq!(
            values("Petro Ivanenko (35) and two others were hurt."),
            vec![2]
        );
        assert_eq!(parse_number("one hundred"), Some(100));
        assert_eq!(parse_number("a hundred and forty-four"), Some(144));
        assert_eq!(parse_number("two thousand three hundred"), Some(2300));
        let c = find_counts("killing a hundred and forty-four civilians, and hundreds more");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].value, 144);
        assert_eq!(parse_number("99999999999999999999999"), None);
    }

    #[test]
    fn times_of_day_are_not_counts() {
        let values = |t: &str| find_counts(t).iter().map(|c| c.value).collect::<Vec<_>>();
        assert_eq!(
            values("At around 17:45, a serviceman was killed."),
            Vec::<u64>::new()
        );
        assert_eq!(
            values("From 22.10 to 23.40 posts came under fire."),
            Vec::<u64>::new()
        );
        assert_eq!(values("At 05:10, 3 soldiers were wounded."), vec![3]);
    }

    #[test]
    fn days_and_years_are_not_counts() {
        let values = |t: &str| find_counts(t).iter().map(|c| c.value).collect::<Vec<_>>();
        assert_eq!(
            values("On September 13, two soldiers were killed."),
            vec![2]
        );
        assert_eq!(values("On May 16, 2024, three civilians died."), vec![3]);
        assert_eq!(values("On 13 May, 4 soldiers were wounded."), vec![4]);
        assert_eq!(
            values("Earlier on Sept. 19, a serviceman and 2 others"),
            vec![2]
        );
        assert_eq!(
            values("Since 2020, 27 people were killed by mines."),
            vec![27]
        );
        assert!(values("His passenger, Elvin Mammadov, 34, was wounded.").is_empty());
        assert_eq!(values("Two men, aged 60 and 34, were wounded."), vec![2]);
        assert_eq!(values("Three women aged 19, 23 and 41 died."), vec![3]);
        assert_eq!(values("Four were killed and 12 wounded."), vec![4, 12]);
    }

    #[test]
    fn counts_carry_their_bounds() {
        let t = "at least two soldiers and more than 200 troops; 5 others";
        let c = find_counts(t);
        assert_eq!(c.len(), 3);
        assert_eq!((c[0].value, c[0].bound), (2, Bound::AtLeast));
        assert_eq!((c[1].value, c[1].bound), (200, Bound::AtLeast));
        assert_eq!((c[2].value, c[2].bound), (5, Bound::Exact));
        assert_eq!(c[1].span.slice(t), "more than 200");
    }
}
