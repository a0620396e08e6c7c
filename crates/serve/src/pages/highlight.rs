//! An article's text cut into segments at every boundary of an extracted item, so that each
//! entity mention, quote, claim and event shows at its exact characters, however the items
//! overlap (a quote inside an event's sentence, a name inside a quote).

use storyline_record::Record;

/// What kind of item covers a segment; the CSS class it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// An entity mention.
    Entity,
    /// A quote or reported speech.
    Quote,
    /// A numeric claim.
    Claim,
    /// An event's trigger (or, without one, its sentence).
    Event,
}

impl ItemKind {
    fn class(self) -> &'static str {
        match self {
            ItemKind::Entity => "ent",
            ItemKind::Quote => "quote",
            ItemKind::Claim => "claim",
            ItemKind::Event => "event",
        }
    }
}

/// One item's place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Its kind.
    pub kind: ItemKind,
    /// Character span `[start, end)` in the text.
    pub span: [usize; 2],
}

/// A run of text covered by the same items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The characters.
    pub text: String,
    /// Space-separated classes of the items covering it (empty: plain text).
    pub classes: String,
    /// Space-separated keys (`START-END`) of the quotes covering it.
    pub quotes: String,
    /// Whether the selected quote covers it.
    pub selected: bool,
    /// Whether it is the first segment of the selected quote (where the page scrolls to).
    pub anchor: bool,
}

/// The key of a quote: its span, as links and the page's script name it.
pub fn quote_key(span: [usize; 2]) -> String {
    format!("{}-{}", span[0], span[1])
}

/// Every item of a record with its span.
pub fn marks(record: &Record) -> Vec<Mark> {
    let mut marks = Vec::new();
    for e in &record.entities {
        marks.extend(e.mentions.iter().map(|&span| Mark {
            kind: ItemKind::Entity,
            span,
        }));
    }
    for q in &record.quotes {
        marks.push(Mark {
            kind: ItemKind::Quote,
            span: q.span,
        });
    }
    for c in &record.claims {
        marks.push(Mark {
            kind: ItemKind::Claim,
            span: c.span,
        });
    }
    for e in &record.events {
        marks.push(Mark {
            kind: ItemKind::Event,
            span: e.trigger.unwrap_or(e.span),
        });
    }
    marks
}

/// Cuts `text` at every mark boundary. Marks past the end of the text (a record from a
/// broken writer) are clipped, never a panic; `selected` is the key of the quote to mark.
pub fn segments(text: &str, marks: &[Mark], selected: Option<&str>) -> Vec<Segment> {
    // Byte offset of every character offset, plus the end.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let num_chars = bytes.len() - 1;
    let clip = |span: [usize; 2]| {
        let end = span[1].min(num_chars);
        [span[0].min(end), end]
    };
    let marks: Vec<Mark> = marks
        .iter()
        .map(|m| Mark {
            kind: m.kind,
            span: clip(m.span),
        })
        .filter(|m| m.span[0] < m.span[1])
        .collect();
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| m.span).collect();
    cuts.extend([0, num_chars]);
    cuts.sort_unstable();
    cuts.dedup();
    // Marks sorted by start, and the ones open at the current segment: each mark enters and
    // leaves the open list once, so the cost is the number of segments times the open marks.
    let mut by_start = marks;
    by_start.sort_by_key(|m| m.span[0]);
    let mut next = 0;
    let mut open: Vec<&Mark> = Vec::new();
    let mut out = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        open.retain(|m| m.span[1] > start);
        while next < by_start.len() && by_start[next].span[0] <= start {
            if by_start[next].span[1] > start {
                open.push(&by_start[next]);
            }
            next += 1;
        }
        let mut classes: Vec<&str> = open.iter().map(|m| m.kind.class()).collect();
        classes.sort_unstable();
        classes.dedup();
        let quotes: Vec<String> = open
            .iter()
            .filter(|m| m.kind == ItemKind::Quote)
            .map(|m| quote_key(m.span))
            .collect();
        let is_selected = selected.is_some_and(|key| quotes.iter().any(|q| q == key));
        let anchor = is_selected && !out.iter().any(|s: &Segment| s.selected);
        if is_selected {
            classes.push("sel");
        }
        out.push(Segment {
            text: text[bytes[start]..bytes[end]]
                .chars()
                .map(visible)
                .collect(),
            classes: classes.join(" "),
            quotes: quotes.join(" "),
            selected: is_selected,
            anchor,
        });
    }
    out
}

/// A control character (an escape sequence that would recolour a terminal, a NUL) as its
/// visible picture (`␛`), one character for one, so the text keeps its offsets; line breaks
/// and tabs stay.
fn visible(c: char) -> char {
    match c {
        '\n' | '\r' | '\t' => c,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        '\u{80}'..='\u{9f}' => '\u{fffd}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(kind: ItemKind, text: &str, words: &str) -> Mark {
        let at = text.find(words).expect("words in text");
        let start = text[..at].chars().count();
        Mark {
            kind,
            span: [start, start + words.chars().count()],
        }
    }

    #[test]
    fn overlapping_items_cut_the_text_and_the_selection_covers_the_quote() {
        let text = "Ms Ünal said “Kyiv will hold” on Monday.";
        let quote = mark(ItemKind::Quote, text, "Kyiv will hold");
        let key = quote_key(quote.span);
        let marks = [
            mark(ItemKind::Entity, text, "Ünal"),
            quote,
            mark(ItemKind::Entity, text, "Kyiv"),
            mark(ItemKind::Event, text, "said “Kyiv"),
        ];
        let segs = segments(text, &marks, Some(&key));
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, text, "nothing lost or repeated");
        let selected: String = segs
            .iter()
            .filter(|s| s.selected)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(selected, "Kyiv will hold");
        assert_eq!(segs.iter().filter(|s| s.anchor).count(), 1);
        let kyiv = segs
            .iter()
            .find(|s| s.text == "Kyiv")
            .expect("Kyiv segment");
        assert_eq!(kyiv.classes, "ent event quote sel");
        assert_eq!(kyiv.quotes, key);
    }

    #[test]
    fn control_characters_show_as_pictures() {
        let segs = segments("a\u{1b}[31mb\u{7}\n", &[], None);
        assert_eq!(segs[0].text, "a\u{241b}[31mb\u{2407}\n");
    }

    #[test]
    fn spans_past_the_end_are_clipped() {
        let marks = [Mark {
            kind: ItemKind::Claim,
            span: [3, 99],
        }];
        let segs = segments("short", &marks, None);
        assert_eq!(segs.len(), 2);
        assert_eq!(
            (segs[1].text.as_str(), segs[1].classes.as_str()),
            ("rt", "claim")
        );
        assert!(segments("", &marks, None).iter().all(|s| s.text.is_empty()));
    }
}
