//! Word lists: month and weekday names, number words, cue words.

use super::lex::{Kind, Tok};
use jiff::civil::Weekday;

/// Month number of an English month name or abbreviation in lower case
/// ("september", "sept"), and whether it was abbreviated.
pub(crate) fn english_month(w: &str) -> Option<(i8, bool)> {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const ABBR: [(&str, i8); 12] = [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ];
    if let Some(i) = FULL.iter().position(|m| *m == w) {
        return Some((i as i8 + 1, false));
    }
    ABBR.iter().find(|(a, _)| *a == w).map(|(_, m)| (*m, true))
}

/// Month number of a month-name token, when it is one. `strict` asks for the
/// name to be unambiguous on its own (not "May"/"March" in lower case, not a
/// bare abbreviation); callers pass `false` when a day number or year sits
/// next to the name.
pub(crate) fn month_of(t: &Tok<'_>, strict: bool) -> Option<i8> {
    if t.kind != Kind::Word {
        return None;
    }
    let w = t.norm.as_ref();
    match english_month(w) {
        // "may" and "march" are also verbs: ask for a capital.
        Some((_, false)) if (w == "may" || w == "march") && !t.upper => return None,
        Some((m, false)) => return Some(m),
        Some((m, true)) => return (t.upper && !strict).then_some(m),
        None => {}
    }
    // Russian: genitive (16 сентября), nominative, prepositional (в сентябре).
    let ru = [
        ["января", "январь", "январе"],
        ["февраля", "февраль", "феврале"],
        ["марта", "март", "марте"],
        ["апреля", "апрель", "апреле"],
        ["мая", "май", "мае"],
        ["июня", "июнь", "июне"],
        ["июля", "июль", "июле"],
        ["августа", "август", "августе"],
        ["сентября", "сентябрь", "сентябре"],
        ["октября", "октябрь", "октябре"],
        ["ноября", "ноябрь", "ноябре"],
        ["декабря", "декабрь", "декабре"],
    ];
    ru.iter()
        .position(|forms| forms.contains(&w))
        .map(|i| i as i8 + 1)
}

/// True when the month name may stand alone without a cue word before it.
pub(crate) fn month_stands_alone(t: &Tok<'_>) -> bool {
    !matches!(t.norm.as_ref(), "may" | "march" | "май" | "март")
}

/// Weekday named by a token.
pub(crate) fn weekday_of(t: &Tok<'_>) -> Option<Weekday> {
    if t.kind != Kind::Word {
        return None;
    }
    Some(match t.norm.as_ref() {
        "monday" | "понедельник" => Weekday::Monday,
        "tuesday" | "вторник" => Weekday::Tuesday,
        "wednesday" | "среда" | "среду" => Weekday::Wednesday,
        "thursday" | "четверг" => Weekday::Thursday,
        "friday" | "пятница" | "пятницу" => Weekday::Friday,
        "saturday" | "суббота" | "субботу" => Weekday::Saturday,
        "sunday" | "воскресенье" => Weekday::Sunday,
        _ => return None,
    })
}

/// Parts of a day that may follow a day expression ("Thursday night").
pub(crate) const DAY_PARTS: &[&str] = &[
    "morning",
    "evening",
    "afternoon",
    "night",
    "midnight",
    "noon",
    "daytime",
];

/// Small number words ("two days ago").
pub(crate) fn number_word(t: &Tok<'_>) -> Option<u32> {
    if t.kind == Kind::Num {
        return (t.digits <= 4 && !t.ordinal).then_some(t.value);
    }
    if t.kind != Kind::Word {
        return None;
    }
    Some(match t.norm.as_ref() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => return None,
    })
}

/// Words that may introduce a date and are kept in its span.
pub(crate) const PREPOSITIONS: &[&str] = &[
    "on",
    "in",
    "from",
    "between",
    "since",
    "until",
    "till",
    "during",
    "by",
    "through",
    "throughout",
    "before",
    "after",
    "over",
    "within",
    "starting",
    "beginning",
];

/// Cue words that make a bare year a date mention ("since 1991").
pub(crate) const YEAR_CUES: &[&str] = &[
    "since",
    "in",
    "until",
    "till",
    "before",
    "after",
    "from",
    "by",
    "during",
    "between",
    "throughout",
];
