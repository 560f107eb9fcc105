//! HTML pages: main content through `dom_smoothie` (Readability), its conversion
//! to paragraphs, a `<p>` fallback, and publication dates from metadata.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::LazyLock;

use dom_smoothie::{Article, Config, Readability};
use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};
use sitrep_core::Date;

use crate::dateline::{date_in_header, parse_timestamp};
use crate::lines::{dedup_key, normalize_ws, word_count};
use crate::text::{clean_lines, Cleaned};

/// Elements whose text is never main text.
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "canvas",
    "select",
    "button",
    "form",
    "nav",
    "footer",
    "aside",
    "figcaption",
    "head",
    "title",
];

/// Elements that start and end a line of text.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "main",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "hr",
    "address",
    "details",
    "summary",
    "time",
];

/// Below this many words, Readability's result counts as nothing found.
const MIN_CONTENT_WORDS: usize = 15;

/// True when `raw` looks like markup rather than plain text.
pub fn looks_like_html(raw: &str) -> bool {
    let head: String = raw.chars().take(2000).collect::<String>().to_lowercase();
    [
        "<html",
        "<!doctype",
        "<body",
        "<p>",
        "<p ",
        "<div",
        "<article",
        "<meta",
        "<head",
    ]
    .iter()
    .any(|t| head.contains(t))
}

/// Text of the subtree under `root`, one block element a line, skipping
/// scripts, navigation, footers and captions. Iterative: deep markup is safe.
fn block_lines(root: NodeRef<'_, Node>) -> Vec<String> {
    let mut lines = Vec::new();
    let mut buf = String::new();
    let mut skip_depth = 0usize;
    let flush = |buf: &mut String, lines: &mut Vec<String>| {
        let line = normalize_ws(buf);
        if !line.is_empty() {
            lines.push(line);
        }
        buf.clear();
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if skip_depth > 0 || SKIP.contains(&name) {
                        skip_depth += 1;
                    } else if name == "br" || BLOCK.contains(&name) {
                        flush(&mut buf, &mut lines);
                    }
                }
                Node::Text(t) if skip_depth == 0 => {
                    buf.push_str(t);
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                    } else if BLOCK.contains(&e.name()) {
                        flush(&mut buf, &mut lines);
                    }
                }
            }
        }
    }
    flush(&mut buf, &mut lines);
    lines
}

/// All visible text of a page, one block a line.
pub fn visible_lines(raw: &str) -> Vec<String> {
    let html = Html::parse_document(raw);
    block_lines(*html.root_element())
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

/// A CSS selector parsed once, on first use.
struct Css(LazyLock<Option<Selector>>);

impl Css {
    const fn new(parse: fn() -> Option<Selector>) -> Css {
        Css(LazyLock::new(parse))
    }

    fn get(&self) -> Option<&Selector> {
        self.0.as_ref()
    }
}

static P: Css = Css::new(|| selector("p"));
static H1: Css = Css::new(|| selector("h1"));
static TITLE: Css = Css::new(|| selector("title"));
static LD_JSON: Css = Css::new(|| selector(r#"script[type="application/ld+json" i]"#));
static STANDFIRST_BLOCKS: Css = Css::new(|| selector("p, h2, h3, div, span"));
/// News tickers, "breaking" bars and cookie or consent notices, by class or id.
static WIDGET_BOXES: Css = Css::new(|| {
    selector(
        r#"[class*="ticker" i], [id*="ticker" i], [class*="breaking" i], [id*="breaking" i], [class*="consent" i], [id*="consent" i], [class*="cookie" i], [id*="cookie" i]"#,
    )
});

/// Above this many words, a box with a widget's class is taken for content.
const MAX_WIDGET_WORDS: usize = 60;

/// The texts of the page's small widget boxes (tickers, "breaking" bars, consent
/// notices), whitespace-normalised.
fn widget_texts(html: &Html) -> Vec<String> {
    let Some(sel) = WIDGET_BOXES.get() else {
        return Vec::new();
    };
    html.select(sel)
        .map(|el| normalize_ws(&el.text().collect::<String>()))
        .filter(|t| !t.is_empty() && word_count(t) <= MAX_WIDGET_WORDS)
        .collect()
}

/// `<meta>` tags that carry the publication time, most specific first.
static META_DATES: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    [
        r#"meta[property="article:published_time" i]"#,
        r#"meta[name="article:published_time" i]"#,
        r#"meta[itemprop="datePublished" i]"#,
        r#"meta[property="og:published_time" i]"#,
        r#"meta[name="pubdate" i]"#,
        r#"meta[name="publishdate" i]"#,
        r#"meta[name="publish-date" i]"#,
        r#"meta[name="parsely-pub-date" i]"#,
        r#"meta[name="dc.date.issued" i]"#,
        r#"meta[name="dcterms.created" i]"#,
        r#"meta[name="date" i]"#,
    ]
    .iter()
    .filter_map(|css| selector(css))
    .collect()
});

/// `<time datetime>` elements marked as the publication time.
static TIME_DATES: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    [
        r#"time[itemprop="datePublished" i]"#,
        "time[pubdate]",
        "article header time[datetime]",
        "article time[datetime]",
        "main time[datetime]",
    ]
    .iter()
    .filter_map(|css| selector(css))
    .collect()
});

/// `<time>` elements of the article's own content, read by their text.
static TIME_TEXT: Css = Css::new(|| selector("article time, main time"));

/// Text of every `<p>` outside navigation, asides and footers: the fallback body.
fn paragraph_lines(html: &Html) -> Vec<String> {
    let Some(p) = P.get() else {
        return Vec::new();
    };
    html.select(p)
        .filter(|el| {
            !el.ancestors().any(|a| match a.value() {
                Node::Element(e) => SKIP.contains(&e.name()),
                _ => false,
            })
        })
        .flat_map(|el| block_lines(*el))
        .collect()
}

/// Text of the first element matching `css`.
fn first_text(html: &Html, css: &Css) -> Option<String> {
    let sel = css.get()?;
    html.select(sel)
        .map(|el| normalize_ws(&el.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

/// Deeper element nesting than this skips Readability (which recurses) and uses
/// the iterative `<p>` fallback instead; real pages stay far below it.
const MAX_DEPTH: usize = 1000;

/// Greatest element nesting depth of a parsed page, measured without recursion.
fn max_depth(html: &Html) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(_) => {
                depth += 1;
                max = max.max(depth);
            }
            Edge::Close(_) => depth = depth.saturating_sub(1),
        }
    }
    max
}

/// Runs Readability, shielding the caller from any panic inside it.
fn readability(raw: &str) -> Option<Article> {
    catch_unwind(AssertUnwindSafe(|| {
        let cfg = Config {
            max_elements_to_parse: 200_000,
            ..Config::default()
        };
        Readability::new(raw, None, Some(cfg)).ok()?.parse().ok()
    }))
    .ok()
    .flatten()
}

/// The publication date in a page's metadata: `article:published_time` and kin,
/// JSON-LD `datePublished`, or a `<time datetime>` marked as the publication time.
pub fn meta_date(raw: &str) -> Option<Date> {
    let html = Html::parse_document(raw);
    meta_date_in(&html)
}

fn meta_date_in(html: &Html) -> Option<Date> {
    for sel in META_DATES.iter() {
        if let Some(date) = html
            .select(sel)
            .filter_map(|el| el.attr("content"))
            .find_map(parse_timestamp)
        {
            return Some(date);
        }
    }
    if let Some(date) = json_ld_date(html) {
        return Some(date);
    }
    for sel in TIME_DATES.iter() {
        if let Some(date) = html
            .select(sel)
            .filter_map(|el| el.attr("datetime"))
            .find_map(parse_timestamp)
        {
            return Some(date);
        }
    }
    // A live page's entries are stamped in words only ("<time>Oct. 3, 2024, 9:40
    // AM</time>"), the newest first.
    let sel = TIME_TEXT.get()?;
    html.select(sel)
        .map(|el| el.text().collect::<String>())
        .find_map(|t| parse_timestamp(&t))
}

/// `datePublished` anywhere in the page's JSON-LD blocks.
fn json_ld_date(html: &Html) -> Option<Date> {
    let sel = LD_JSON.get()?;
    html.select(sel).find_map(|el| {
        let text: String = el.text().collect();
        let value: serde_json::Value = serde_json::from_str(text.trim()).ok()?;
        find_key(&value, "datePublished", 0)
            .and_then(|v| v.as_str())
            .and_then(parse_timestamp)
    })
}

fn find_key<'a>(
    v: &'a serde_json::Value,
    key: &str,
    depth: usize,
) -> Option<&'a serde_json::Value> {
    if depth > 32 {
        return None;
    }
    match v {
        serde_json::Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|x| find_key(x, key, depth + 1))),
        serde_json::Value::Array(items) => items.iter().find_map(|x| find_key(x, key, depth + 1)),
        _ => None,
    }
}

/// The standfirst: the page's description, when it also stands as its own
/// paragraph or heading on the page (a meta description alone may be generic).
fn standfirst(html: &Html, excerpt: Option<&str>, body: &[String]) -> Option<String> {
    let excerpt = normalize_ws(excerpt?);
    if word_count(&excerpt) < 5 {
        return None;
    }
    let key = dedup_key(&excerpt);
    let body_key: String = body.iter().map(|l| dedup_key(l)).collect();
    if body_key.contains(&key) {
        return None;
    }
    let sel = STANDFIRST_BLOCKS.get()?;
    html.select(sel)
        .any(|el: ElementRef<'_>| normalize_ws(&el.text().collect::<String>()) == excerpt)
        .then_some(excerpt)
}

/// An HTML page reduced to its main text, with the date its metadata gives.
pub fn clean_html(raw: &str) -> (Cleaned, Option<Date>) {
    let html = Html::parse_document(raw);
    let article = if max_depth(&html) <= MAX_DEPTH {
        readability(raw)
    } else {
        None
    };

    let mut body = article
        .as_ref()
        .map(|a| {
            let fragment = Html::parse_fragment(&a.content);
            block_lines(*fragment.root_element())
        })
        .unwrap_or_default();
    if body.iter().map(|l| word_count(l)).sum::<usize>() < MIN_CONTENT_WORDS {
        body = paragraph_lines(&html);
    }

    let title = article
        .as_ref()
        .map(|a| normalize_ws(&a.title))
        .filter(|t| !t.is_empty())
        .or_else(|| first_text(&html, &H1))
        .or_else(|| first_text(&html, &TITLE));

    let mut lines: Vec<String> = Vec::with_capacity(body.len() + 2);
    let known_title = title.is_some();
    lines.extend(title);
    lines.extend(standfirst(
        &html,
        article.as_ref().and_then(|a| a.excerpt.as_deref()),
        &body,
    ));
    lines.extend(body);
    // A ticker or consent line Readability kept ("Breaking: road closed on Sunday").
    let widgets = widget_texts(&html);
    if !widgets.is_empty() {
        let from = usize::from(known_title);
        let kept: Vec<String> = lines
            .drain(from..)
            .filter(|line| {
                let line = normalize_ws(line);
                !widgets.iter().any(|w| w.contains(&line))
            })
            .collect();
        lines.extend(kept);
    }
    let cleaned = clean_lines(&lines, known_title);

    let published = meta_date_in(&html)
        .or_else(|| {
            article
                .as_ref()
                .and_then(|a| a.published_time.as_deref())
                .and_then(parse_timestamp)
        })
        .or_else(|| date_in_header(&block_lines(*html.root_element()).join("\n")));
    (cleaned, published)
}
