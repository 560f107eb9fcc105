//! HTML pages written for these tests (see `tests/fixtures/`).

use sitrep_clean::{clean, find_publication_date};
use sitrep_core::{Document, InputFormat};

fn html_doc(raw: &str) -> Document {
    Document {
        id: "h".into(),
        source: "-".into(),
        raw: raw.into(),
        format: InputFormat::Html,
        published: None,
        url: Some("https://example.invalid/a".into()),
        outlet: Some("Example Daily".into()),
    }
}

const REPORT: &str = include_str!("fixtures/ministry_report.html");
const BULLETIN: &str = include_str!("fixtures/no_article.html");

#[test]
fn article_page_keeps_main_text_only() {
    let out = clean(&html_doc(REPORT));
    let lines: Vec<&str> = out.text.lines().collect();
    assert_eq!(lines[0], "Border posts shelled in Northvale district");
    let title = out.title.expect("title");
    assert_eq!(&out.text[title.start..title.end], lines[0]);
    assert!(lines.contains(&"The defence ministry says mortar fire hit two positions overnight."));
    assert!(lines.contains(&"No casualties"), "{}", out.text);
    assert!(out
        .text
        .contains("came under mortar fire between 23:10 and 02:40"));
    assert!(out.text.contains("accused Westland of firing first"));
    for junk in [
        "Home",
        "Politics",
        "Contact us",
        "Photo:",
        "Tweet",
        "Related news",
        "Talks on border demarcation",
        "All rights reserved",
        "Subscribe",
        "dataLayer",
        "font-family",
    ] {
        assert!(!out.text.contains(junk), "{junk:?} left in:\n{}", out.text);
    }
    assert_eq!(out.published.unwrap().to_string(), "2024-03-12");
    assert_eq!(out.outlet.as_deref(), Some("Example Daily"));
    assert_eq!(out.url.as_deref(), Some("https://example.invalid/a"));
}

#[test]
fn page_without_article_falls_back_to_paragraphs() {
    let out = clean(&html_doc(BULLETIN));
    assert_eq!(
        out.text,
        "Short bulletin\n\
         Two drones were shot down near the southern border crossing on Thursday evening, a spokesman said.\n\
         Nobody was hurt."
    );
    assert_eq!(out.published.unwrap().to_string(), "2023-11-02");
}

#[test]
fn dates_from_html_metadata() {
    assert_eq!(
        find_publication_date(REPORT).unwrap().to_string(),
        "2024-03-12"
    );
    assert_eq!(
        find_publication_date(BULLETIN).unwrap().to_string(),
        "2023-11-02"
    );
    let time_only = "<html><body><article><h1>Title here</h1>\
        <time datetime=\"2022-05-07T09:00:00Z\">7 May</time><p>Text of the story.</p></article></body></html>";
    assert_eq!(
        find_publication_date(time_only).unwrap().to_string(),
        "2022-05-07"
    );
    assert_eq!(
        find_publication_date("<html><body><p>Nothing dated.</p></body></html>"),
        None
    );
}

#[test]
fn live_pages_are_dated_by_their_newest_entry_stamp() {
    let live = "<html><body><nav><time>Jan. 2, 2020</time></nav><main><h1>War latest</h1>\
        <div class=\"promo\">Support independent journalism and get our newsletter, events and more.</div>\
        <p>Key developments on May 4-5. This page is updated throughout the day.</p>\
        <section><time>May 5, 2023, 9:40 AM</time><h2>Drone hits bus</h2>\
        <p>A drone struck a bus on Thursday, injuring the driver, the governor said.</p></section>\
        <section><time>May 4, 2023, 6:30 PM</time><h2>Shelling in the north</h2>\
        <p>Shelling damaged two houses, officials said.</p></section></main></body></html>";
    assert_eq!(
        find_publication_date(live).unwrap().to_string(),
        "2023-05-05"
    );
}

#[test]
fn broken_markup_and_empty_pages() {
    for raw in [
        "",
        "<",
        "<html><body><p>unclosed <b>bold <div>",
        "<<<>>>",
        "\u{0}\u{1}<p>\u{FFFD}",
    ] {
        let _ = clean(&html_doc(raw));
    }
}

#[test]
fn tickers_and_consent_notices_are_boilerplate() {
    let page = r#"<!DOCTYPE html><html><head><title>Mortar fire hits Northvale post</title></head><body>
<div class="breaking-ticker"><b>Breaking:</b> Riverside bridge to stay closed on Sunday for repairs</div>
<div id="cookie-consent">We value your privacy. We and our partners use cookies to improve your experience.</div>
<article><h1>Mortar fire hits Northvale post</h1>
<p>Two soldiers were wounded when mortar shells hit a border post near Northvale late on Thursday, the defence ministry said in a statement on Friday.</p>
<p>The ministry said the fire came from positions across the river and lasted about forty minutes before it stopped.</p>
<p>Local officials said that no civilians were hurt and that the road to the village stayed open throughout the night.</p>
</article></body></html>"#;
    let out = clean(&html_doc(page));
    assert!(
        out.text.contains("Two soldiers were wounded"),
        "{}",
        out.text
    );
    for junk in ["Riverside bridge", "We value your privacy"] {
        assert!(!out.text.contains(junk), "{junk:?} left in:\n{}", out.text);
    }
}
