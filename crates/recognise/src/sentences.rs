//! Sentence splitting, one paragraph (line) at a time.

use sitrep_core::Span;

/// A sentence of the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Bytes of the sentence, trimmed of surrounding white space.
    pub span: Span,
    /// Index of the paragraph (line) it belongs to.
    pub paragraph: usize,
}

/// Splits `text` into sentences. Paragraph breaks (newlines) always end a
/// sentence, so titles and headings without a full stop stand alone; within a
/// paragraph the Wikimedia `sentencex` segmenter decides (it keeps "Dr.",
/// "U.S." and quotations intact).
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (paragraph, line) in text.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            continue;
        }
        for b in sentencex::get_sentence_boundaries("en", body) {
            let (s, e) = (b.start_byte.min(body.len()), b.end_byte.min(body.len()));
            if s >= e || !body.is_char_boundary(s) || !body.is_char_boundary(e) {
                continue;
            }
            let piece = &body[s..e];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            if piece.trim().is_empty() {
                continue;
            }
            push_bounded(
                &mut out,
                body,
                Span::new(s + lead, e - trail),
                line_start,
                paragraph,
            );
        }
    }
    out
}

/// Longest sentence kept whole, in bytes. Real sentences are far shorter; longer runs
/// (tables, scraped link lists, a whole page on one line without full stops) are cut at
/// white space so that the per-sentence work stays linear in the size of the text.
pub const MAX_SENTENCE_BYTES: usize = 1_500;

fn push_bounded(out: &mut Vec<Sentence>, body: &str, span: Span, offset: usize, paragraph: usize) {
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE_BYTES {
        let mut cut = start + MAX_SENTENCE_BYTES;
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        let piece = &body[start..cut];
        let at = piece
            .rfind(char::is_whitespace)
            .filter(|&i| i > 0)
            .map_or(cut, |i| start + i);
        out.push(Sentence {
            span: Span::new(offset + start, offset + at),
            paragraph,
        });
        start = at;
        while start < span.end && body[start..].starts_with(char::is_whitespace) {
            start += body[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if start < span.end {
        out.push(Sentence {
            span: Span::new(offset + start, offset + span.end),
            paragraph,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_within_and_across_paragraphs() {
        let text = "Border clash in Tavush\nOn May 2, fire was opened at Dr. Aram's post. Two soldiers were hurt.\n";
        let s: Vec<&str> = split_sentences(text)
            .iter()
            .map(|s| s.span.slice(text))
            .collect();
        assert_eq!(
            s,
            vec![
                "Border clash in Tavush",
                "On May 2, fire was opened at Dr. Aram's post.",
                "Two soldiers were hurt."
            ]
        );
    }

    #[test]
    fn overlong_runs_are_cut_at_white_space() {
        let text = "fire near Kut ".repeat(500);
        let s = split_sentences(&text);
        assert!(s.len() > 1);
        assert!(s.iter().all(|x| x.span.len() <= MAX_SENTENCE_BYTES));
        assert!(s
            .iter()
            .all(|x| !x.span.slice(&text).starts_with(' ') && !x.span.slice(&text).is_empty()));
    }

    #[test]
    fn paragraphs_are_numbered() {
        let text = "One.\n\nTwo. Three.";
        let s = split_sentences(text);
        assert_eq!(
            s.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
            vec![0, 2, 2]
        );
    }
}
