//! Very long texts split into parts at paragraph boundaries, so that no document handed to
//! the pipeline is larger than a bound: the pipeline's memory grows with the length of one
//! document (tokens, parse, mentions), so a 50 MB text read as one article would need
//! gigabytes. A text that long is a dump of many articles, not one.

use crate::Document;

/// `doc` as it is when its text is at most `max_bytes` long; else its consecutive parts, each
/// at most `max_bytes`, cut after a blank line where one falls in the second half of the
/// part, else after a line break, else at a space, else between characters. Each part keeps
/// the metadata and is named `SOURCE#part-N` (and its URL `URL#part-N`, so that the store does
/// not take the parts for revisions of one page), N from 1.
pub fn split(doc: Document, max_bytes: usize) -> Vec<Document> {
    if doc.text.len() <= max_bytes || max_bytes == 0 {
        return vec![doc];
    }
    let mut parts = Vec::with_capacity(doc.text.len() / max_bytes + 1);
    let mut rest = doc.text.as_str();
    while !rest.is_empty() {
        let cut = cut_point(rest, max_bytes);
        let (part, tail) = rest.split_at(cut);
        let n = parts.len() + 1;
        let mut meta = doc.meta.clone();
        meta.url = meta.url.map(|url| format!("{url}#part-{n}"));
        parts.push(Document {
            source: format!("{}#part-{n}", doc.source),
            text: part.to_string(),
            meta,
            stub: doc.stub,
        });
        rest = tail;
    }
    parts
}

/// Where the first part of `text` ends: a byte offset in `1..=max_bytes` on a character
/// boundary (all of `text` when it fits). Looks only at the first `max_bytes`, so splitting a
/// whole text is linear.
fn cut_point(text: &str, max_bytes: usize) -> usize {
    if text.len() <= max_bytes {
        return text.len();
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[..end];
    let half = end / 2;
    let after = |at: Option<usize>, len: usize| at.map(|i| i + len).filter(|&i| i > half);
    after(window.rfind("\n\n"), 2)
        .or_else(|| after(window.rfind('\n'), 1))
        .or_else(|| after(window.rfind(' '), 1))
        .unwrap_or_else(|| {
            // One unbroken run of text: cut between characters (at least one character).
            if end == 0 {
                text.chars().next().map_or(text.len(), char::len_utf8)
            } else {
                end
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document {
            source: "dump.txt".into(),
            text: text.into(),
            meta: storyline_record::Metadata {
                url: Some("https://example.org/a".into()),
                ..Default::default()
            },
            stub: false,
        }
    }

    #[test]
    fn short_texts_are_one_document_unchanged() {
        let parts = split(doc("One paragraph.\n\nTwo."), 100);
        assert_eq!(parts, vec![doc("One paragraph.\n\nTwo.")]);
    }

    #[test]
    fn long_texts_are_cut_after_paragraphs_and_lose_nothing() {
        let text = "First paragraph here.\n\nSecond one, a bit longer.\n\nThird.\nSame para.";
        let parts = split(doc(text), 30);
        let texts: Vec<&str> = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "First paragraph here.\n\n",
                "Second one, a bit longer.\n\n",
                "Third.\nSame para."
            ]
        );
        assert!(parts.iter().all(|p| p.text.len() <= 30));
        assert_eq!(texts.concat(), text);
        assert_eq!(parts[1].source, "dump.txt#part-2");
        assert_eq!(
            parts[2].meta.url.as_deref(),
            Some("https://example.org/a#part-3")
        );
    }

    #[test]
    fn unbroken_text_is_cut_between_characters() {
        let text = "é".repeat(10);
        let parts = split(doc(&text), 5);
        assert!(parts
            .iter()
            .all(|p| p.text.len() <= 5 && !p.text.is_empty()));
        assert_eq!(
            parts.iter().map(|p| p.text.as_str()).collect::<String>(),
            text
        );
        let words = "word ".repeat(20);
        let parts = split(doc(&words), 12);
        assert!(parts.iter().all(|p| p.text.ends_with(' ')), "{parts:?}");
    }
}
