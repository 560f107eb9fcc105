//! Live pages: each entry's relative dates ("this morning", "since last night")
//! count from the stamp that opens it ("May 18, 2018 13:30 IST"), not from the
//! page's last update.

use sitrep_core::{Date, DatePrecision, Span};
use sitrep_recognise::dates::{find_dates_and_times, DateMention, TimeMention};

/// Longest line read as an entry's stamp.
const STAMP_MAX_BYTES: usize = 48;

/// The dates and times of `text`, those after each entry stamp resolved against it.
/// A text with fewer than two stamps is read as one piece against `anchor`.
pub(crate) fn dates_by_entry(
    text: &str,
    anchor: Option<Date>,
) -> (Vec<DateMention>, Vec<TimeMention>) {
    let (dates, times) = find_dates_and_times(text, anchor);
    let stamps: Vec<(usize, Date)> = dates
        .iter()
        .filter_map(|d| stamp_line(text, d, &times))
        .collect();
    if stamps.len() < 2 {
        return (dates, times);
    }
    let mut all_dates = Vec::new();
    let mut all_times = Vec::new();
    let mut pieces = vec![(0, anchor)];
    pieces.extend(stamps.iter().map(|&(at, day)| (at, Some(day))));
    for (i, &(from, day)) in pieces.iter().enumerate() {
        let to = pieces.get(i + 1).map_or(text.len(), |p| p.0);
        let (d, t) = find_dates_and_times(&text[from..to], day);
        let shift = |s: Span| Span::new(s.start + from, s.end + from);
        all_dates.extend(d.into_iter().map(|d| DateMention {
            span: shift(d.span),
            ..d
        }));
        all_times.extend(t.into_iter().map(|t| TimeMention {
            span: shift(t.span),
            ..t
        }));
    }
    (all_dates, all_times)
}

/// The start of the line and the day, when `d` is a full date standing on a line of
/// its own with at most a time and a zone ("May 18, 2018 13:30 IST").
fn stamp_line(text: &str, d: &DateMention, times: &[TimeMention]) -> Option<(usize, Date)> {
    if d.precision != DatePrecision::Day || d.relative || d.historical {
        return None;
    }
    let day = d.start?;
    let start = text[..d.span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[d.span.end..]
        .find('\n')
        .map_or(text.len(), |i| d.span.end + i);
    if end - start > STAMP_MAX_BYTES {
        return None;
    }
    let mut rest = format!("{}{}", &text[start..d.span.start], &text[d.span.end..end]);
    for t in times
        .iter()
        .filter(|t| t.span.start >= start && t.span.end <= end)
    {
        rest = rest.replace(t.span.slice(text), " ");
    }
    let words = rest
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    (words <= 1).then_some((start, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_entry_counts_from_its_own_stamp() {
        let text = "Live: shelling on the border\n\
                    May 19, 2018 09:40 IST\n\
                    A drone was shot down this morning.\n\
                    May 18, 2018 13:30 IST\n\
                    A shell hit a house this morning.";
        let published = "2018-05-19".parse().ok();
        let (dates, _) = dates_by_entry(text, published);
        let mornings: Vec<String> = dates
            .iter()
            .filter(|d| d.span.slice(text) == "this morning")
            .map(|d| d.start.unwrap().to_string())
            .collect();
        assert_eq!(mornings, ["2018-05-19", "2018-05-18"]);
    }

    #[test]
    fn a_single_dated_line_is_no_live_page() {
        let text = "May 18, 2018\nA shell hit a house this morning.";
        let published = "2018-05-20".parse().ok();
        let (dates, _) = dates_by_entry(text, published);
        let morning = dates
            .iter()
            .find(|d| d.span.slice(text) == "this morning")
            .unwrap();
        assert_eq!(morning.start.unwrap().to_string(), "2018-05-20");
    }
}
