//! Boilerplate removal for plain-text scrapes, line by line.

use std::collections::HashSet;

use crate::dateline::{is_dateline, is_timestamp_line, strip_date_prefix};
use crate::lines::{
    byline, dedup_key, dominant_script, ends_sentence, is_caption, is_credit_line, is_cut_marker,
    is_foreign, is_inline_link, is_link_header, is_menu_line, is_name_like, is_nav_like,
    is_paragraph, is_widget, normalize_ws, word_count,
};

/// Main text of a scrape: kept paragraphs, and which one is the title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Kept paragraphs, in order, trimmed and non-empty.
    pub lines: Vec<String>,
    /// Index in `lines` of the title, when the text starts with one.
    pub title: Option<usize>,
}

/// True for a line that can be a headline: short-ish and not a full sentence.
fn looks_like_title(line: &str) -> bool {
    let words = word_count(line);
    (2..=30).contains(&words) && !(words >= 8 && line.trim_end().ends_with('.'))
}

/// Reduces a plain-text scrape to its title, standfirst and body paragraphs.
pub fn clean_text(raw: &str) -> Cleaned {
    let input: Vec<String> = raw
        .lines()
        .map(normalize_ws)
        .filter(|l| !l.is_empty())
        .map(|l| match strip_date_prefix(&l) {
            Some((_, rest)) => rest.to_string(),
            None => l,
        })
        .filter(|l| !l.is_empty())
        .collect();
    clean_lines(&input, false)
}

/// Cleans lines that are already split, trimmed and non-empty. With `known_title`,
/// the first line is the title (taken from page metadata) and is kept as such.
pub fn clean_lines(input: &[String], known_title: bool) -> Cleaned {
    let script = dominant_script(input.iter().map(String::as_str));
    let mut out: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut input = input;
    if known_title {
        if let Some((first, rest)) = input.split_first() {
            seen.insert(dedup_key(first));
            out.push(first.clone());
            input = rest;
        }
    }
    let mut body_started = false;
    let mut title_set = !out.is_empty();
    let mut in_link_list = false;
    let mut link_list_fresh = false;
    let mut expect_name = false;
    let mut last_kept: Option<usize> = None;

    for (i, line) in input.iter().enumerate() {
        let line = line.as_str();
        let next = input.get(i + 1).map(String::as_str);
        let key = dedup_key(line);

        if script.is_some_and(|s| is_foreign(line, s)) {
            continue;
        }
        if is_cut_marker(line) {
            if body_started {
                break;
            }
            continue;
        }
        if std::mem::take(&mut expect_name) && is_name_like(line) {
            continue;
        }
        if let Some(name_follows) = byline(line) {
            expect_name = name_follows;
            continue;
        }
        if is_widget(line) || is_inline_link(line) || is_menu_line(line) {
            continue;
        }
        if is_link_header(line) {
            in_link_list = true;
            link_list_fresh = true;
            continue;
        }
        if in_link_list {
            let fresh = std::mem::take(&mut link_list_fresh);
            let leads_into_body = next.is_some_and(is_paragraph);
            if is_paragraph(line) {
                in_link_list = false;
            } else if fresh || !leads_into_body || is_timestamp_line(line) {
                continue;
            } else {
                in_link_list = false;
            }
        }
        if is_credit_line(line) {
            // The line above a lone credit is its caption.
            if out.len() > 1 && last_kept == Some(i.wrapping_sub(1)) {
                if let Some(caption) = out.pop() {
                    seen.insert(dedup_key(&caption));
                }
            }
            continue;
        }
        if is_caption(line) {
            seen.insert(key);
            continue;
        }
        if key.is_empty() || seen.contains(&key) {
            continue;
        }
        if is_timestamp_line(line) || (!body_started && is_dateline(line)) {
            continue;
        }
        if body_started && !is_paragraph(line) && next.is_some_and(is_timestamp_line) {
            // An item of a link list: a title followed by its timestamp.
            continue;
        }
        if !title_set && !body_started && is_nav_like(line) {
            continue;
        }
        seen.insert(key);
        if !title_set {
            title_set = true;
        }
        if is_paragraph(line) {
            body_started = true;
        }
        out.push(line.to_string());
        last_kept = Some(i);
    }

    // Trailing short lines after the last paragraph are page furniture.
    while out.len() > 1
        && out
            .last()
            .is_some_and(|l| !is_paragraph(l) && !ends_sentence(l))
    {
        out.pop();
    }

    let title = match out.first() {
        Some(_) if known_title => Some(0),
        Some(first) if looks_like_title(first) => Some(0),
        _ => None,
    };
    Cleaned { lines: out, title }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty() {
        assert_eq!(clean_text(""), Cleaned::default());
        assert_eq!(clean_text("\n \n\t"), Cleaned::default());
    }
}
