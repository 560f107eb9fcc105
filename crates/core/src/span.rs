//! Byte spans into a text, and their conversion to character offsets.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of byte offsets into a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The text the span covers, or `""` when it does not fall on char boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The span shifted right by `offset` bytes.
    pub fn shift(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

/// The last `max` bytes of `text` (fewer, to stay on a character boundary): the
/// window that cue patterns anchored at the end (`...$`) need to look at.
pub fn tail(text: &str, max: usize) -> &str {
    let mut start = text.len().saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Converts a byte span of `text` into character (Unicode scalar) offsets, the
/// unit that `evidence` uses in output records.
pub fn char_span(text: &str, span: Span) -> Span {
    let to_char = |b: usize| {
        let b = b.min(text.len());
        let mut b2 = b;
        while b2 > 0 && !text.is_char_boundary(b2) {
            b2 -= 1;
        }
        text[..b2].chars().count()
    };
    Span::new(to_char(span.start), to_char(span.end))
}
