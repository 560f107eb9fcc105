//! Plain-text scrapes written for these tests in the genre of news scrapes.

use sitrep_clean::{clean, find_publication_date};
use sitrep_core::{Document, InputFormat};

fn doc(raw: &str) -> Document {
    Document {
        id: "t".into(),
        source: "-".into(),
        raw: raw.into(),
        format: InputFormat::Text,
        published: None,
        url: None,
        outlet: None,
    }
}

const MINISTRY_REPORT: &str = "\
POLITICS
2 MIN READ
Westland army repels attack on northern positions
Defence ministry reports overnight fire from across the line

    NORTHVALE  14 March 2024 - 10:42

Border guards patrol near a frontier village. / Photo: Example Agency

On March 13, from 22:15 to 23:40, units of the neighbouring army subjected to fire the positions of the Westland army stationed near the village of Eastbrook.

Army units took adequate retaliatory measures, the Ministry of Defence of Westland said in a statement.

Subscribe to our Telegram channel

Read also

Talks on border demarcation resume in the capital PHOTO

12 March 2024 - 15:08

Drone downed over eastern district

11 March 2024 - 09:30

Latest news

    Parliament approves new budget

    20 March 2024 - 07:09

    Weather warning issued for the coast

    19 March 2024 - 21:10

All news
";

#[test]
fn ministry_report_keeps_title_standfirst_and_body() {
    let out = clean(&doc(MINISTRY_REPORT));
    let lines: Vec<&str> = out.text.lines().collect();
    assert_eq!(
        lines[0],
        "Westland army repels attack on northern positions"
    );
    assert_eq!(
        lines[1],
        "Defence ministry reports overnight fire from across the line"
    );
    assert!(lines[2].starts_with("On March 13, from 22:15 to 23:40"));
    assert!(lines[3].starts_with("Army units took adequate retaliatory measures"));
    assert_eq!(lines.len(), 4, "{}", out.text);
    let title = out.title.expect("title span");
    assert_eq!(&out.text[title.start..title.end], lines[0]);
}

#[test]
fn ministry_report_drops_each_kind_of_boilerplate() {
    let out = clean(&doc(MINISTRY_REPORT));
    for junk in [
        "POLITICS",
        "MIN READ",
        "NORTHVALE",
        "Photo:",
        "Subscribe",
        "Read also",
        "Talks on border demarcation",
        "Drone downed",
        "Latest news",
        "Parliament approves",
        "2024 - ",
        "All news",
    ] {
        assert!(!out.text.contains(junk), "{junk:?} left in:\n{}", out.text);
    }
}

#[test]
fn date_comes_from_dateline_not_lists() {
    assert_eq!(
        find_publication_date(MINISTRY_REPORT).map(|d| d.to_string()),
        Some("2024-03-14".into())
    );
    assert_eq!(
        clean(&doc(MINISTRY_REPORT))
            .published
            .map(|d| d.to_string()),
        Some("2024-03-14".into())
    );
}

#[test]
fn no_dateline_means_no_date() {
    let raw = "\
Border guard wounded in sniper fire
A border guard was wounded by sniper fire on Tuesday morning, the border service said in a statement.
The treaty signed on November 10, 2020, obliged both sides to keep their positions unchanged.
Latest news
Markets close higher
21 July 2024 - 10:00
";
    assert_eq!(find_publication_date(raw), None);
    assert_eq!(clean(&doc(raw)).published, None);
}

#[test]
fn metadata_date_wins() {
    let mut d = doc(MINISTRY_REPORT);
    d.published = Some("2024-03-15".parse().unwrap());
    assert_eq!(clean(&d).published.unwrap().to_string(), "2024-03-15");
}

#[test]
fn captions_bylines_inline_links_and_comment_prompts() {
    let raw = "\
Convoy hit by roadside bomb in the south
By John Smith
Three soldiers were injured when a roadside bomb hit an army convoy near the town of Southport on Sunday.
Soldiers inspect a damaged truck on the highway.
EXA Archive
READ MORE: Army vows response after convoy attack
Loading...
Investigation
Police said they had opened an investigation and detained two suspects near the scene of the blast.
A damaged truck on the highway (archive photo)
RelatedWhy the southern highway matters for supply lines
Recommended
The army said patrols on the highway would be stepped up over the coming weeks.
Be the first to comment
Leave a Reply
Your email address will not be published.
";
    let out = clean(&doc(raw));
    let lines: Vec<&str> = out.text.lines().collect();
    assert_eq!(
        lines,
        [
            "Convoy hit by roadside bomb in the south",
            "Three soldiers were injured when a roadside bomb hit an army convoy near the town of Southport on Sunday.",
            "Investigation",
            "Police said they had opened an investigation and detained two suspects near the scene of the blast.",
            "The army said patrols on the highway would be stepped up over the coming weeks.",
        ]
    );
}

#[test]
fn outlet_byline_and_foreign_script_line() {
    let raw = "\
Հասանելիության հղումներ
Dailynews By

Jane Roe

On May 3, from 18:00 to 19:30, positions near the village of Hilltop were fired on with small arms, the ministry said.
Translate »
";
    let out = clean(&doc(raw));
    assert_eq!(
        out.text,
        "On May 3, from 18:00 to 19:30, positions near the village of Hilltop were fired on with small arms, the ministry said."
    );
    assert_eq!(out.title, None);
}

#[test]
fn duplicated_title_and_russian_dateline() {
    let raw = "\
Four border guards wounded in clashes
10:00, 16 сентября 2022, Southtown - Example news agency , Ivan PETROV
Four border guards wounded in clashes
Four border guards were wounded in clashes on the border, the head of the region told reporters.
";
    let out = clean(&doc(raw));
    assert_eq!(out.text.lines().count(), 2, "{}", out.text);
    assert_eq!(out.published.unwrap().to_string(), "2022-09-16");
}

#[test]
fn date_marker_prefix() {
    let raw = " date 2023-09-01 Two soldiers were wounded by drone fire, the defence ministry said on Friday.\n\nThe ministry said it was taking response measures.";
    let out = clean(&doc(raw));
    assert!(out.text.starts_with("Two soldiers were wounded"));
    assert_eq!(out.published.unwrap().to_string(), "2023-09-01");
}

#[test]
fn menus_between_bars_are_no_title() {
    let raw = "Northvale Daily\n\
        Politics | Society | Borderlands | Economy | World | Video\n\
        EN  RU\n\
        12.05.2024 | 09:10\n\n\
        Mortar rounds hit two border villages\n\n\
        Units of the neighbouring army fired mortar rounds at the villages of Eastbrook and Westford late on May 11, the defence army said.\n\n\
        No one was hurt, but a barn in Eastbrook was damaged.\n";
    let c = clean(&doc(raw));
    let first = c.text.lines().next().unwrap();
    assert_eq!(first, "Mortar rounds hit two border villages");
    assert_eq!(c.title.map(|t| &c.text[t.start..t.end]), Some(first));
    assert!(!c.text.contains("Politics |"), "{}", c.text);
}
