//! Paragraph splitting: every line break ends a paragraph.
//!
//! Scraped text often puts one paragraph per line with no blank line between, so a single
//! newline separates paragraphs as surely as a blank line does. Spans are trimmed of
//! surrounding whitespace and whitespace-only lines yield nothing.

use storyline_record::Span;

/// Whether `c` ends a line: `\n`, `\r`, vertical tab, form feed, NEL and the Unicode line and
/// paragraph separators (all of which scraped pages use).
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Byte spans of the paragraphs of `text`, in order, trimmed, never empty.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // Start and end of the non-whitespace stretch of the current line, once it has one.
    let mut first: Option<usize> = None;
    let mut last_end = 0;
    for (i, c) in text.char_indices() {
        if is_line_break(c) {
            if let Some(s) = first.take() {
                out.push(Span::new(s, last_end));
            }
        } else if !c.is_whitespace() {
            if first.is_none() {
                first = Some(i);
            }
            last_end = i + c.len_utf8();
        }
    }
    if let Some(s) = first {
        out.push(Span::new(s, last_end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn splits_on_blank_lines_and_single_newlines() {
        let text =
            "Council approves new bus lane.\n\n  The vote was 7-2. \nWork starts in May.\r\n";
        assert_eq!(
            texts(text),
            [
                "Council approves new bus lane.",
                "The vote was 7-2.",
                "Work starts in May."
            ]
        );
    }

    #[test]
    fn skips_whitespace_only_lines() {
        let text = "\n \t\n\u{a0}\nShares rose 3%.\u{2029}\n";
        assert_eq!(texts(text), ["Shares rose 3%."]);
        assert!(paragraphs("").is_empty());
        assert!(paragraphs(" \n\n ").is_empty());
    }
}
