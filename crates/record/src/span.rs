//! Byte spans into an article's text.

use std::ops::Range;

/// A half-open byte range `[start, end)` into a text.
///
/// Invariant: `start <= end`. Both ends sit on `char` boundaries of the text they were made
/// for; [`Span::slice`] relies on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// Builds a span.
    ///
    /// # Panics
    /// When `start > end`: that is a bug in the stage that built it, never a property of input.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// First byte of the span.
    pub fn start(&self) -> usize {
        self.start
    }

    /// One past the last byte of the span.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The text this span covers, or `""` when it does not fit `text` (a stale span).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The byte range, for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_bytes() {
        let text = "Kyiv – Kiev";
        let s = Span::new(9, 13);
        assert_eq!(s.slice(text), "Kiev");
        assert_eq!(Span::new(0, 100).slice(text), "");
    }

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(0, 10);
        assert!(a.contains(Span::new(2, 5)));
        assert!(a.overlaps(Span::new(9, 12)));
        assert!(!a.overlaps(Span::new(10, 12)));
    }

    #[test]
    #[should_panic]
    fn rejects_reversed() {
        let _ = Span::new(3, 2);
    }
}
