//! Builds the clean text from the line verdicts: kept pieces joined with the page's own
//! paragraph breaks, the origin map back to raw, and the removal list.

use storyline_record::{Removal, Span};

use crate::lines::{ends_sentence, Line, Verdict};

/// The clean body, its origin map and its removals.
#[derive(Debug, Default)]
pub struct Assembled {
    /// The clean body.
    pub text: String,
    /// (byte start in text, byte start in raw) for each kept piece, ascending.
    pub origin: Vec<(usize, usize)>,
    /// Removed pieces of raw, in source order.
    pub removed: Vec<Removal>,
    /// Datelines kept in the text (spans of the text).
    pub datelines: Vec<Span>,
}

/// Joins the kept pieces of `lines` (spans of `raw`).
pub fn assemble(raw: &str, lines: &[Line<'_>]) -> Assembled {
    let mut out = Assembled {
        text: String::with_capacity(raw.len()),
        ..Assembled::default()
    };
    // The previous kept piece: its line index and text.
    let mut prev: Option<(usize, &str)> = None;
    for (i, line) in lines.iter().enumerate() {
        let start = match line.verdict {
            Verdict::Drop(reason) => {
                out.removed.push(Removal {
                    span: line.span,
                    reason,
                });
                continue;
            }
            Verdict::DropPrefix(at, reason) if at > line.span.start() && at < line.span.end() => {
                out.removed.push(Removal {
                    span: Span::new(line.span.start(), at),
                    reason,
                });
                at
            }
            _ => line.span.start(),
        };
        let Some(piece) = raw.get(start..line.span.end()) else {
            continue;
        };
        if let Some((p, ptext)) = prev {
            let blank = lines[p + 1..=i].iter().any(|l| l.blank_before);
            let wrapped = p + 1 == i
                && !ends_sentence(ptext)
                && ptext.split_whitespace().count() >= 8
                && piece.chars().next().is_some_and(char::is_lowercase);
            out.text.push_str(if blank {
                "\n\n"
            } else if wrapped {
                // A hard-wrapped sentence: one paragraph, so the two lines join with a space.
                " "
            } else {
                "\n"
            });
        }
        out.origin.push((out.text.len(), start));
        if let Verdict::Dateline(at) = line.verdict {
            let len = piece
                .get(..at.saturating_sub(start).min(piece.len()))
                .map_or(0, |d| d.trim_end().len());
            if len > 0 {
                out.datelines
                    .push(Span::new(out.text.len(), out.text.len() + len));
            }
        }
        out.text.push_str(piece);
        prev = Some((i, piece));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;
    use storyline_record::RemovalReason;

    #[test]
    fn joins_pieces_and_maps_them_back() {
        let raw = "Skip to content\n\nFirst paragraph of the story here.\nNEXT\n\n\
                   12:00 GMT Later the council met to discuss the plan for the town.\n\
                   Its members voted to approve the scheme after a long and heated\n\
                   debate in the chamber.";
        let mut lines = split_lines(raw);
        lines[0].verdict = Verdict::Drop(RemovalReason::Navigation);
        lines[2].verdict = Verdict::Drop(RemovalReason::Teaser);
        let at = raw.find("Later").unwrap_or(0);
        lines[3].verdict = Verdict::DropPrefix(at, RemovalReason::Dateline);
        let a = assemble(raw, &lines);
        assert_eq!(
            a.text,
            "First paragraph of the story here.\n\nLater the council met to discuss the plan for the town.\n\
             Its members voted to approve the scheme after a long and heated debate in the chamber."
        );
        assert_eq!(a.removed.len(), 3);
        assert_eq!(a.removed[2].span.slice(raw), "12:00 GMT ");
        for &(t, r) in &a.origin {
            assert_eq!(&a.text[t..t + 4], &raw[r..r + 4]);
        }
    }

    #[test]
    fn nothing_kept_gives_empty_text() {
        let raw = "Menu";
        let mut lines = split_lines(raw);
        lines[0].verdict = Verdict::Drop(RemovalReason::Navigation);
        let a = assemble(raw, &lines);
        assert!(a.text.is_empty() && a.origin.is_empty());
        assert_eq!(a.removed.len(), 1);
    }
}
