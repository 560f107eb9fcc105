//! Tests of the date and time recognisers on sentences written for the genre.

use jiff::civil::{date, Date};
use proptest::prelude::*;
use sitrep_core::DatePrecision;
use sitrep_recognise::dates::{find_dates, find_times, DateMention};

fn d(y: i16, m: i8, day: i8) -> Date {
    date(y, m, day)
}

/// The single date mention in `text`, asserting there is exactly one.
fn one(text: &str, anchor: Option<Date>) -> DateMention {
    let v = find_dates(text, anchor);
    assert_eq!(v.len(), 1, "{text}: {v:#?}");
    v.into_iter().next().unwrap()
}

fn days(text: &str, anchor: Date) -> Vec<(Option<Date>, Option<Date>)> {
    find_dates(text, Some(anchor))
        .into_iter()
        .map(|m| (m.start, m.end))
        .collect()
}

fn times(text: &str) -> Vec<String> {
    find_times(text).iter().map(|t| t.render()).collect()
}

#[test]
fn month_day_with_time_range() {
    let text = "On March 3, starting from 05:10 to 11:40, units of the armed forces opened fire on the positions near Aghdam.";
    let m = one(text, Some(d(2024, 3, 4)));
    assert_eq!(m.start, Some(d(2024, 3, 3)));
    assert_eq!(m.end, Some(d(2024, 3, 3)));
    assert_eq!(m.precision, DatePrecision::Day);
    assert_eq!(m.month_day, Some((3, 3)));
    assert!(m.relative);
    assert_eq!(&text[m.span.start..m.span.end], "On March 3");
    assert_eq!(times(text), ["05:10-11:40"]);
}

#[test]
fn absolute_forms() {
    let a = d(2023, 9, 5);
    for (text, want) in [
        ("Shelling was reported on 4 September.", d(2023, 9, 4)),
        (
            "The ministry said that on September 2 a drone was downed.",
            d(2023, 9, 2),
        ),
        ("Posted 05 June 2023 by the press service.", d(2023, 6, 5)),
        ("The statement of September 1, 2023 said so.", d(2023, 9, 1)),
        (
            "On 1 September 2023 the border post was hit.",
            d(2023, 9, 1),
        ),
        ("Report dated 2023-09-01 on the incident.", d(2023, 9, 1)),
        ("The 04 August, 2022 incident was recalled.", d(2022, 8, 4)),
        (
            "Обстрел произошел 16 сентября 2022 года у села.",
            d(2022, 9, 16),
        ),
        ("On Sept. 1 the post came under fire.", d(2023, 9, 1)),
        ("The attack on Aug 3 killed two soldiers.", d(2023, 8, 3)),
        ("By the 4th of September the line was quiet.", d(2023, 9, 4)),
        ("Published 01.09.2023 by the agency.", d(2023, 9, 1)),
        (
            "On Friday, September 1, troops shelled the village.",
            d(2023, 9, 1),
        ),
    ] {
        let m = one(text, Some(a));
        assert_eq!(m.start, Some(want), "{text}");
        assert_eq!(m.end, Some(want), "{text}");
    }
}

#[test]
fn span_covers_the_expression() {
    let text = "Fire was opened late on Thursday night, officials said.";
    let m = one(text, Some(d(2024, 5, 10)));
    assert_eq!(m.span.slice(text), "late on Thursday night");
    let text = "The exchange of fire of 16 сентября 2022 года lasted an hour.";
    let m = one(text, None);
    assert_eq!(m.span.slice(text), "16 сентября 2022 года");
}

#[test]
fn year_less_dates_near_new_year_go_back_a_year() {
    let m = one(
        "Positions were shelled on December 30.",
        Some(d(2024, 1, 2)),
    );
    assert_eq!(m.start, Some(d(2023, 12, 30)));
    // A few days ahead of the anchor stays in the anchor's year.
    let m = one("A truce is expected from January 5.", Some(d(2024, 1, 2)));
    assert_eq!(m.start, Some(d(2024, 1, 5)));
}

#[test]
fn without_anchor_month_day_is_kept() {
    let m = one("On June 4 the ministry reported fire.", None);
    assert_eq!(m.start, None);
    assert_eq!(m.end, None);
    assert_eq!(m.month_day, Some((6, 4)));
    let m = one("Shelling late on Thursday night.", None);
    assert_eq!(m.start, None);
    assert!(m.relative);
    // A written year needs no anchor.
    let m = one("On 5 June 2023 a soldier was wounded.", None);
    assert_eq!(m.start, Some(d(2023, 6, 5)));
    assert!(!m.relative);
}

#[test]
fn impossible_dates_do_not_panic_or_resolve() {
    let v = find_dates("On February 30 the post was attacked.", Some(d(2024, 3, 4)));
    assert!(v.iter().all(|m| m.start.is_none()), "{v:?}");
    let v = find_dates("It happened on 31 April 2023.", None);
    assert!(
        v.iter()
            .all(|m| m.start.is_none() || m.precision != DatePrecision::Day),
        "{v:?}"
    );
    // 29 February in a year-less text resolves to the latest leap year.
    let m = one("Fire was opened on February 29.", Some(d(2025, 3, 1)));
    assert_eq!(m.start, Some(d(2024, 2, 29)));
}

#[test]
fn ranges() {
    let a = d(2023, 8, 10);
    let text = "Fire continued on the night of July 31-August 1 along the border.";
    let m = one(text, Some(a));
    assert_eq!(
        (m.start, m.end),
        (Some(d(2023, 7, 31)), Some(d(2023, 8, 1)))
    );
    assert_eq!(m.span.slice(text), "on the night of July 31-August 1");
    assert_eq!(
        days(
            "From late on the night of July 27 until the early hours of July 28, machine guns fired at the posts.",
            a
        ),
        [(Some(d(2023, 7, 27)), Some(d(2023, 7, 28)))]
    );
    assert_eq!(
        days("The shelling went on from May 2 till late on May 3.", a),
        [(Some(d(2023, 5, 2)), Some(d(2023, 5, 3)))]
    );
    assert_eq!(
        days("Exercises ran from June 10 to 12.", a),
        [(Some(d(2023, 6, 10)), Some(d(2023, 6, 12)))]
    );
    assert_eq!(
        days("Shelling was recorded between 3 and 5 August.", a),
        [(Some(d(2023, 8, 3)), Some(d(2023, 8, 5)))]
    );
    assert_eq!(
        days("Clashes on June 10-11 left three dead.", a),
        [(Some(d(2023, 6, 10)), Some(d(2023, 6, 11)))]
    );
    assert_eq!(
        days("On 31 July – 1 August 2022 the posts were shelled.", a),
        [(Some(d(2022, 7, 31)), Some(d(2022, 8, 1)))]
    );
    assert_eq!(
        days(
            "Between December 30 and January 2 the front was quiet.",
            d(2024, 1, 5)
        ),
        [(Some(d(2023, 12, 30)), Some(d(2024, 1, 2)))]
    );
}

#[test]
fn weekdays_resolve_on_or_before_the_anchor() {
    // 2024-05-10 is a Friday.
    let fri = d(2024, 5, 10);
    assert_eq!(
        one("The village was shelled on Friday.", Some(fri)).start,
        Some(fri)
    );
    assert_eq!(
        one("The village was shelled on Thursday night.", Some(fri)).start,
        Some(d(2024, 5, 9))
    );
    let m = one(
        "Early on Wednesday morning a drone struck the depot.",
        Some(d(2024, 5, 13)),
    );
    assert_eq!(m.start, Some(d(2024, 5, 8)));
    assert!(m.relative);
    assert_eq!(
        one("On Monday evening the post was hit.", Some(fri)).start,
        Some(d(2024, 5, 6))
    );
    assert_eq!(
        one("Last Friday the post was hit.", Some(fri)).start,
        Some(d(2024, 5, 3))
    );
}

#[test]
fn weekday_until_weekday_is_one_mention() {
    let text = "The shelling began late on Thursday night and continued until Friday morning, the ministry said.";
    let m = one(text, Some(d(2024, 5, 11)));
    assert_eq!(
        (m.start, m.end),
        (Some(d(2024, 5, 9)), Some(d(2024, 5, 10)))
    );
    assert_eq!(
        m.span.slice(text),
        "late on Thursday night and continued until Friday morning"
    );
    // In separate sentences they stay apart.
    let v = find_dates(
        "Fire was opened on Thursday. Until Friday it was calm.",
        Some(d(2024, 5, 11)),
    );
    assert_eq!(v.len(), 2);
}

#[test]
fn relative_expressions() {
    let a = d(2024, 5, 15); // a Wednesday
    let y = d(2024, 5, 14);
    for (text, s, e, p) in [
        ("The post was shelled yesterday.", y, y, DatePrecision::Day),
        ("Today two soldiers were wounded.", a, a, DatePrecision::Day),
        (
            "A short while ago, a drone fell near the town.",
            a,
            a,
            DatePrecision::Day,
        ),
        (
            "Moments ago, sirens sounded in the north.",
            a,
            a,
            DatePrecision::Day,
        ),
        (
            "Fire was opened last night near the village.",
            y,
            a,
            DatePrecision::Day,
        ),
        (
            "Overnight, drones attacked the depot.",
            y,
            a,
            DatePrecision::Day,
        ),
        (
            "In the past 24 hours the enemy fired 40 times.",
            y,
            a,
            DatePrecision::Day,
        ),
        (
            "Over the past day, the positions came under fire.",
            y,
            a,
            DatePrecision::Day,
        ),
        (
            "Shelling went on during the past 48 hours.",
            d(2024, 5, 13),
            a,
            DatePrecision::Day,
        ),
        (
            "Last week three soldiers were killed.",
            d(2024, 5, 6),
            d(2024, 5, 12),
            DatePrecision::Week,
        ),
        (
            "This week the talks resumed.",
            d(2024, 5, 13),
            d(2024, 5, 19),
            DatePrecision::Week,
        ),
        (
            "Last month the border was calm.",
            d(2024, 4, 1),
            d(2024, 4, 30),
            DatePrecision::Month,
        ),
        (
            "Earlier this month the village was shelled.",
            d(2024, 5, 1),
            a,
            DatePrecision::Month,
        ),
        (
            "In April the positions were fortified.",
            d(2024, 4, 1),
            d(2024, 4, 30),
            DatePrecision::Month,
        ),
        (
            "In August the positions were fortified.",
            d(2023, 8, 1),
            d(2023, 8, 31),
            DatePrecision::Month,
        ),
        (
            "The attack happened two days ago.",
            d(2024, 5, 13),
            d(2024, 5, 13),
            DatePrecision::Day,
        ),
        (
            "A soldier was wounded in December 2020.",
            d(2020, 12, 1),
            d(2020, 12, 31),
            DatePrecision::Month,
        ),
    ] {
        let m = one(text, Some(a));
        assert_eq!(
            (m.start, m.end, m.precision),
            (Some(s), Some(e), p),
            "{text}"
        );
        assert!(!m.historical, "{text}");
    }
}

#[test]
fn the_day_before_counts_from_the_previous_date() {
    let v = find_dates(
        "On June 4 a drone was downed. The day before, the post was shelled.",
        Some(d(2023, 6, 6)),
    );
    assert_eq!(v.len(), 2);
    assert_eq!(v[1].start, Some(d(2023, 6, 3)));
    let m = one("The day before, the post was shelled.", Some(d(2023, 6, 6)));
    assert_eq!(m.start, Some(d(2023, 6, 5)));
}

#[test]
fn month_lists_with_last_year() {
    let text = "In November and December of the last year, the positions came under fire.";
    let v = find_dates(text, Some(d(2024, 2, 1)));
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(
        (v[0].start, v[0].end),
        (Some(d(2023, 11, 1)), Some(d(2023, 11, 30)))
    );
    assert_eq!(
        (v[1].start, v[1].end),
        (Some(d(2023, 12, 1)), Some(d(2023, 12, 31)))
    );
    assert!(v.iter().all(|m| m.precision == DatePrecision::Month));
    assert!(!v[0].span.overlaps(&v[1].span));
}

#[test]
fn historical_years() {
    let a = Some(d(2023, 9, 20));
    let m = one("The region has been contested since 1991.", a);
    assert!(m.historical);
    assert_eq!(m.precision, DatePrecision::Year);
    assert_eq!(
        (m.start, m.end),
        (Some(d(1991, 1, 1)), Some(d(1991, 12, 31)))
    );
    let m = one("A similar attack took place in 2020.", a);
    assert!(m.historical);
    // A bare number is no year.
    assert!(find_dates("The army has 2020 tanks and 1991 guns.", a).is_empty());
    // "last year" is a year but not history.
    let m = one("Last year the post was attacked.", a);
    assert_eq!(m.start, Some(d(2022, 1, 1)));
    assert!(!m.historical);
}

#[test]
fn may_and_march_need_a_cue() {
    let a = Some(d(2024, 6, 1));
    assert!(find_dates("The troops may march to the border.", a).is_empty());
    let m = one("The village was shelled in May.", a);
    assert_eq!(m.start, Some(d(2024, 5, 1)));
    assert_eq!(
        one("On May 3 a drone was downed.", a).start,
        Some(d(2024, 5, 3))
    );
}

#[test]
fn time_forms() {
    assert_eq!(times("At about 12:20, fire was opened."), ["12:20"]);
    assert_eq!(times("The post was hit at 0815."), ["08:15"]);
    assert_eq!(
        times("Firing lasted from 1750 to 2245 local time."),
        ["17:50-22:45"]
    );
    assert_eq!(
        times("The blast came around 3:00 p.m. on Friday."),
        ["15:00"]
    );
    assert_eq!(times("At 7:50 a.m. a drone was spotted."), ["07:50"]);
    assert_eq!(times("The alarm sounded at 6.30 a.m."), ["06:30"]);
    assert_eq!(
        times("Shelling began at 6 a.m. and stopped at 12 noon."),
        ["06:00", "12:00"]
    );
    assert_eq!(times("Updated 13:45."), ["13:45"]);
    assert_eq!(
        times("As of 3:15 p.m., no casualties were reported."),
        ["15:15"]
    );
    assert_eq!(
        times("Between 2100 and 2330 hours the post was shelled."),
        ["21:00-23:30"]
    );
    assert_eq!(times("Fire continued from 3 to 5 p.m."), ["15:00-17:00"]);
    assert_eq!(
        times("Clashes from 11 p.m. to 1 a.m. were reported."),
        ["23:00-01:00"]
    );
    assert_eq!(times("The strike at 0600 hours hit a depot."), ["06:00"]);
}

#[test]
fn numbers_that_are_not_times() {
    for text in [
        "Some 10,000 people fled the area.",
        "Fighting since 2014 has displaced thousands.",
        "In 2020 the war lasted 44 days.",
        "The brigade had 1750 soldiers.",
        "The score was 2-1.",
        "Growth was 6.30 percent.",
        "A T-72 tank and 1200 shells.",
        "Casualties rose to 1200 by evening.",
        "The army has 2020 tanks.",
    ] {
        assert!(
            find_times(text).is_empty(),
            "{text}: {:?}",
            find_times(text)
        );
    }
}

#[test]
fn more_weekday_and_relative_forms() {
    let sat = d(2024, 5, 11);
    // A weekday pair, and a night spanning two weekdays.
    let m = one("Thursday-Friday night the post was shelled.", Some(sat));
    assert_eq!(
        (m.start, m.end),
        (Some(d(2024, 5, 9)), Some(d(2024, 5, 10)))
    );
    let m = one(
        "On the night from Thursday to Friday drones attacked.",
        Some(sat),
    );
    assert_eq!(
        (m.start, m.end),
        (Some(d(2024, 5, 9)), Some(d(2024, 5, 10)))
    );
    // "the next day" counts from the previous day mention.
    let v = find_dates(
        "On May 2 the post was hit. The next day a drone fell.",
        Some(sat),
    );
    assert_eq!(v[1].start, Some(d(2024, 5, 3)));
    // Russian relative words.
    assert_eq!(
        one("Вчера был обстрел.", Some(sat)).start,
        Some(d(2024, 5, 10))
    );
}

#[test]
fn expressions_do_not_cross_line_breaks() {
    let text = "Tensions rose by early August\n\n24 July 2024 - 15:08";
    let v = find_dates(text, Some(d(2024, 7, 25)));
    let spans: Vec<&str> = v.iter().map(|m| m.span.slice(text)).collect();
    assert_eq!(spans, ["by early August", "24 July 2024"]);
    assert_eq!(times(text), ["15:08"]);
}

#[test]
fn year_ranges_are_history_not_times() {
    let text = "The area was disputed from 2000 to 2010.";
    let m = one(text, Some(d(2024, 1, 1)));
    assert!(m.historical);
    assert_eq!(
        (m.start, m.end),
        (Some(d(2000, 1, 1)), Some(d(2010, 12, 31)))
    );
    assert!(find_times(text).is_empty());
    // With "hours" they are times.
    assert_eq!(
        times("Fire lasted from 2000 to 2010 hours."),
        ["20:00-20:10"]
    );
}

#[test]
fn time_spans_and_seconds() {
    let text = "The report, updated 09:23:15, said fire began at around 7:50 a.m. near the post.";
    let t = find_times(text);
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].render(), "09:23");
    assert_eq!(t[1].span.slice(text), "7:50 a.m.");
    assert_eq!(t[1].start, (7, 50));
    assert_eq!(t[1].end, None);
}

#[test]
fn dates_joined_across_times_and_sentence_final_dots() {
    let text = "From 23:00 on June 4 until 03:00 on June 5 fire continued.";
    let m = one(text, Some(d(2023, 6, 6)));
    assert_eq!((m.start, m.end), (Some(d(2023, 6, 4)), Some(d(2023, 6, 5))));
    assert_eq!(times(text), ["23:00", "03:00"]);
    let text = "The road was mined on 12 June. Fire at 5pm.";
    let m = one(text, Some(d(2023, 6, 20)));
    assert_eq!(m.span.slice(text), "on 12 June");
    assert_eq!(find_times(text)[0].span.slice(text), "5pm");
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_on_char_boundaries(
        text in "(\\PC|[0-9:.,\\- ]|June|Friday|a\\.m\\.|since|to|сентября|ə){0,60}",
        y in 1990i16..2030, m in 1i8..=12, day in 1i8..=28,
    ) {
        let anchor = date(y, m, day);
        for a in [Some(anchor), None] {
            let v = find_dates(&text, a);
            let mut last = 0;
            for m in &v {
                prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
                prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
                prop_assert!(m.span.start >= last);
                last = m.span.end;
            }
        }
        let mut last = 0;
        for t in find_times(&text) {
            prop_assert!(t.span.start < t.span.end && t.span.end <= text.len());
            prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            prop_assert!(t.span.start >= last);
            last = t.span.end;
            prop_assert!(t.start.0 < 24 && t.start.1 < 60);
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,200}") {
        let _ = find_dates(&text, Some(date(2024, 2, 29)));
        let _ = find_times(&text);
    }
}

#[test]
fn birth_dates_are_no_event_dates() {
    let a = d(2023, 5, 11);
    assert!(days(
        "Two residents, born in 1958 and 1990, were killed and a third, born on 4 March 2001, was wounded.",
        a
    )
    .is_empty());
    assert_eq!(
        days("A man born in 1975 was wounded on Tuesday.", a),
        [(Some(d(2023, 5, 9)), Some(d(2023, 5, 9)))]
    );
}

#[test]
fn a_bare_day_of_the_month() {
    let a = d(2023, 5, 14);
    assert_eq!(
        days("Fire was opened on the 5th from grenade launchers.", a),
        [(Some(d(2023, 5, 5)), Some(d(2023, 5, 5)))]
    );
    // Still to come this month: last month's.
    assert_eq!(
        days("Fire was opened on the 28th at around 23:00.", a),
        [(Some(d(2023, 4, 28)), Some(d(2023, 4, 28)))]
    );
    // Ordinals that are no days.
    assert!(days("The 5th battalion moved in.", a).is_empty());
    assert_eq!(
        days("On the 5th of May the posts came under fire.", a),
        [(Some(d(2023, 5, 5)), Some(d(2023, 5, 5)))]
    );
}
