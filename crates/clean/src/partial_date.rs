//! Header dates given only in part: a two-digit year ("Published: 06.12.24, 08:15"),
//! or no year at all ("MOSCOW, March 12. /TASS/.", the year in the page's copyright
//! line).

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use regex::Regex;

use crate::dateline::{month_alternation, month_number};

/// A labelled stamp with a two-digit year: "Published: 06.12.24, 08:15".
static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:published|updated|last updated|posted)\s*:?\s*(\d{1,2})[./](\d{1,2})[./](\d{2})(?:[^\d./]|$)",
    )
    .unwrap()
});

/// A wire dateline without its year: "MOSCOW, March 12. /TASS/.", "KYIV, Oct 3 (Reuters) -".
static YEARLESS_WIRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[A-Z][A-Za-z .'/-]{{1,40}},\s*((?i:{}))\.?\s+(\d{{1,2}})\s*(?:\.\s*/[A-Za-z-]{{2,20}}/|\([^)]{{1,30}}\)\s*[-:.]|[-:])",
        month_alternation()
    ))
    .unwrap()
});

/// A copyright line's (last) year: "(c) 2024 TASS", "© 2019-2024".
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?(\d{4})\b").unwrap()
});

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b").unwrap()
});

/// The date of a labelled stamp with a two-digit year. Day and month are told apart
/// by the numbers (a 13 or more is the day) or else by the weekdays the report names:
/// it tells of the day it was published or the day before ("on Tuesday night").
pub(crate) fn short_year_date(line: &str, text: &str) -> Option<Date> {
    let c = SHORT_YEAR.captures(line)?;
    let (a, b): (i8, i8) = (c[1].parse().ok()?, c[2].parse().ok()?);
    let year = 2000 + c[3].parse::<i16>().ok()?;
    let day_first = Date::new(year, b, a).ok();
    let month_first = Date::new(year, a, b).ok();
    match (day_first, month_first) {
        (Some(d), Some(m)) if d != m => Some(if weekday_fit(text, m) > weekday_fit(text, d) {
            m
        } else {
            d
        }),
        (d, m) => d.or(m),
    }
}

/// How many weekdays named near the top of `text` are `date`'s or the day before's.
fn weekday_fit(text: &str, date: Date) -> usize {
    let mut end = text.len().min(3000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (today, yesterday) = (date.weekday(), date.weekday().previous());
    WEEKDAY
        .find_iter(&text[..end])
        .filter_map(|m| weekday(m.as_str()))
        .filter(|w| *w == today || *w == yesterday)
        .count()
}

fn weekday(name: &str) -> Option<Weekday> {
    Some(match name.to_ascii_lowercase().as_str() {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// The date of a wire dateline without a year, the year taken from the page's
/// copyright line.
pub(crate) fn yearless_wire_date(line: &str, text: &str) -> Option<Date> {
    let c = YEARLESS_WIRE.captures(line)?;
    let month = month_number(&c[1])?;
    let day: i8 = c[2].parse().ok()?;
    let year: i16 = COPYRIGHT
        .captures_iter(text)
        .filter_map(|y| y[1].parse().ok())
        .filter(|y| (1990..=2100).contains(y))
        .last()?;
    Date::new(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn two_digit_years_read_the_day_from_the_weekdays_told() {
        // 06.12.24: June 12 2024 was a Wednesday, December 6 a Friday.
        let text = "A drone hit a house in Metula on Tuesday night, the army said.";
        assert_eq!(
            short_year_date("Published: 06.12.24, 08:15", text),
            d("2024-06-12")
        );
        let text = "A drone hit a house in Metula on Thursday night, the army said.";
        assert_eq!(
            short_year_date("Published: 06.12.24, 08:15", text),
            d("2024-12-06")
        );
        // A 13 or more can only be the day; without weekdays, the day comes first.
        assert_eq!(
            short_year_date("Updated: 11.25.23", "No days."),
            d("2023-11-25")
        );
        assert_eq!(
            short_year_date("Posted 03.04.22 10:00", "No days."),
            d("2022-04-03")
        );
        assert_eq!(short_year_date("Published: 06.12.2024", "x"), None);
        assert_eq!(short_year_date("Shelling hit 06.12.24 targets", "x"), None);
    }

    #[test]
    fn yearless_datelines_take_the_copyright_year() {
        let text =
            "MOSCOW, March 12. /TASS/. Drones were downed.\n\n(c) 2024 TASS. All rights reserved.";
        assert_eq!(
            yearless_wire_date("MOSCOW, March 12. /TASS/. Drones were downed.", text),
            d("2024-03-12")
        );
        let text = "KYIV, Oct 3 (Reuters) - Shelling.\n© 2019-2023 Reuters";
        assert_eq!(
            yearless_wire_date("KYIV, Oct 3 (Reuters) - Shelling.", text),
            d("2023-10-03")
        );
        // No copyright line, no year.
        assert_eq!(
            yearless_wire_date("MOSCOW, March 12. /TASS/. Drones.", "MOSCOW, March 12."),
            None
        );
        // A sentence that starts with a name and a date is no dateline.
        assert_eq!(
            yearless_wire_date("Russia, March 12 was quiet, officials said.", "(c) 2024 X"),
            None
        );
    }
}
