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
            out.push(Sentence {
                span: Span::new(line_start + s + lead, line_start + e - trail),
                paragraph,
            });
        }
    }
    out
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
    fn paragraphs_are_numbered() {
        let text = "One.\n\nTwo. Three.";
        let s = split_sentences(text);
        assert_eq!(
            s.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
            vec![0, 2, 2]
        );
    }
}
