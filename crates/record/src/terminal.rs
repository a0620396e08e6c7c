//! Untrusted text (article text, file names, URLs) made safe to print on a terminal: control
//! characters that could move the cursor, rewrite or forge lines, set the window title or
//! reorder what is shown are written as visible escapes instead.
//!
//! Escaped: C0 controls (`\x1b` and the like; line breaks and tabs too unless kept), DEL, C1
//! controls (`\u{9b}`, a one-byte CSI on some terminals), the Unicode bidirectional formatting
//! characters (overrides, embeddings, isolates and marks) and the line and paragraph
//! separators. Everything else, including all other non-ASCII text, is kept as is.
//!
//! ```
//! use storyline_record::terminal::{escape, Breaks};
//!
//! assert_eq!(escape("a\x1b]0;pwned\x07b", Breaks::Escape), "a\\x1b]0;pwned\\x07b");
//! assert_eq!(escape("two\nlines", Breaks::Keep), "two\nlines");
//! ```

use std::borrow::Cow;
use std::fmt::Write;

/// What happens to line breaks (`\n`) and tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    /// Kept: for multi-line text such as an article body. Carriage returns are still escaped
    /// (one can overwrite the start of the line).
    Keep,
    /// Escaped as `\n` and `\t`: for text that must stay on one line, such as a file name in
    /// an error message, so that it cannot forge a line of its own.
    Escape,
}

/// `text` with every character that a terminal would act on written as a visible escape
/// (`\x1b`, `\r`, `\u{202e}`); borrowed when nothing needed escaping.
pub fn escape(text: &str, breaks: Breaks) -> Cow<'_, str> {
    let Some(first) = text.find(|c| needs_escape(c, breaks)) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if !needs_escape(c, breaks) {
            out.push(c);
            continue;
        }
        // Writing to a String cannot fail.
        let _ = match c {
            '\n' => out.write_str("\\n"),
            '\t' => out.write_str("\\t"),
            '\r' => out.write_str("\\r"),
            '\u{0}'..='\u{7f}' => write!(out, "\\x{:02x}", c as u32),
            _ => write!(out, "\\u{{{:x}}}", c as u32),
        };
    }
    Cow::Owned(out)
}

/// Whether `c` is written escaped.
fn needs_escape(c: char, breaks: Breaks) -> bool {
    match c {
        '\n' | '\t' => breaks == Breaks::Escape,
        // C0, DEL and C1 controls.
        c if c.is_control() => true,
        // Bidirectional formatting: Arabic letter mark, left-to-right and right-to-left
        // marks, embeddings and overrides, isolates.
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            true
        }
        // Line and paragraph separators: line breaks to some terminals and log viewers.
        '\u{2028}' | '\u{2029}' => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let text = "Kyiv, Zürich and 東京: “quoted” — fine.";
        assert!(matches!(escape(text, Breaks::Escape), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn escape_sequences_and_c1_controls_become_visible() {
        assert_eq!(
            escape("\x1b[2J\x1b]0;title\x07", Breaks::Keep),
            "\\x1b[2J\\x1b]0;title\\x07"
        );
        assert_eq!(
            escape("a\u{9b}31mb\u{85}", Breaks::Keep),
            "a\\u{9b}31mb\\u{85}"
        );
        assert_eq!(escape("nul\0del\x7f", Breaks::Keep), "nul\\x00del\\x7f");
    }

    #[test]
    fn bidi_overrides_and_separators_are_escaped() {
        assert_eq!(
            escape("invoice\u{202e}fdp.exe", Breaks::Keep),
            "invoice\\u{202e}fdp.exe"
        );
        assert_eq!(
            escape("\u{2066}x\u{2069}", Breaks::Keep),
            "\\u{2066}x\\u{2069}"
        );
        assert_eq!(escape("a\u{2028}b", Breaks::Keep), "a\\u{2028}b");
    }

    #[test]
    fn line_breaks_are_kept_or_escaped_as_asked() {
        let forged = "a.txt\nstoryline: b.txt: all good\r";
        assert_eq!(
            escape(forged, Breaks::Escape),
            "a.txt\\nstoryline: b.txt: all good\\r"
        );
        assert_eq!(
            escape(forged, Breaks::Keep),
            "a.txt\nstoryline: b.txt: all good\\r"
        );
        assert_eq!(escape("col\tcol", Breaks::Escape), "col\\tcol");
        assert_eq!(escape("col\tcol", Breaks::Keep), "col\tcol");
    }
}
