//! Property test over the whole pipeline: any text, however odd, goes through every stage
//! without a panic, and every span each stage adds slices the frozen text on char boundaries.

use proptest::prelude::*;
use storyline_pipeline::Pipeline;
use storyline_record::{Article, Span};

/// Pieces that trip tokenizers and quote pairing: curly and straight quotes, multi-byte letters,
/// numbers with separators, abbreviations, cue verbs, names, line breaks.
const PIECES: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ".",
    ",",
    "!",
    "?",
    "—",
    "…",
    "(",
    ")",
    "[",
    "]",
    "$",
    "€",
    "£",
    "%",
    "said",
    "told",
    "according to",
    "he",
    "she",
    "Zoë",
    "Kyiv",
    "Москва",
    "Über",
    "NATO",
    "U.S.",
    "Jan.",
    "Gen.",
    "Mr.",
    "Jens Stoltenberg",
    "Prime Minister",
    "the",
    "of",
    "troops",
    "100,000",
    "3.5",
    "two million",
    "tens of thousands",
    "70k",
    "$5bn",
    "2022",
    "1990s",
    "MH17",
    "invade",
    "warned",
    "sanctions",
    "would not",
    "Image:",
    "Skip to content",
    "http://x.y/z",
    "😀",
    "\u{200b}",
    "\u{feff}",
    "e\u{301}",
];

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start() <= span.end() && span.end() <= text.len(),
        "{what} span {span:?} out of text"
    );
    assert!(
        text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()),
        "{what} span {span:?} not on char boundaries"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_goes_through_every_stage(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..120)) {
        let raw: String = pieces.concat();
        let mut article = Article::new("prop.txt", raw);
        Pipeline::standard().run(&mut article);
        let text = &article.text;
        for s in article.paragraphs.iter().chain(&article.sentences) {
            check_span(text, *s, "segment");
        }
        for t in &article.tokens {
            check_span(text, t.span, "token");
            if let Some(h) = t.head {
                let head = &article.tokens[h as usize];
                prop_assert_eq!(head.sentence, t.sentence, "a head stays in its sentence");
            }
        }
        for e in &article.entities {
            for m in &e.mentions {
                check_span(text, *m, "mention");
            }
        }
        for q in &article.quotes {
            check_span(text, q.span, "quote");
            if let Some(s) = q.speaker_span {
                check_span(text, s, "speaker");
            }
        }
        for c in &article.claims {
            check_span(text, c.span, "claim");
        }
        for e in &article.events {
            check_span(text, e.span, "event");
        }
        for f in &article.framing {
            check_span(text, f.span, "framing");
        }
        for r in &article.removed {
            check_span(&article.raw, r.span, "removed");
        }
    }
}
