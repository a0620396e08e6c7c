//! Property tests: on any text, segmentation never panics and its layers are well formed.
//!
//! Well formed: every span lies inside the text on char boundaries and is non-empty; each
//! layer is in order and non-overlapping; no token, sentence or paragraph starts or ends with
//! whitespace; every sentence lies inside one paragraph; every token inside one sentence.

use proptest::prelude::*;
use storyline_record::{Article, Span};
use storyline_segment::{span_index, Segmenter};

/// Panics with a message when `spans` break a layer invariant over `text`.
fn check_layer(text: &str, spans: &[Span], layer: &str) {
    let mut prev_end = 0;
    for s in spans {
        assert!(s.start < s.end, "{layer}: empty span {s:?}");
        assert!(
            s.start >= prev_end,
            "{layer}: {s:?} overlaps or is out of order"
        );
        assert!(s.end <= text.len(), "{layer}: {s:?} past the end");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let piece = s.slice(text);
        assert_eq!(piece.trim(), piece, "{layer}: {s:?} has outer whitespace");
        prev_end = s.end;
    }
}

/// Segments `text` and checks every invariant.
fn check(text: &str) {
    let mut a = Article::new("prop", text);
    a.set_text(text.to_string());
    Segmenter::new().annotate(&mut a);
    let spans: Vec<Span> = a.tokens.iter().map(|t| t.span).collect();
    check_layer(text, &a.paragraphs, "paragraphs");
    check_layer(text, &a.sentences, "sentences");
    check_layer(text, &spans, "tokens");
    // Layers are sorted, so the container of each span is found by binary search.
    for s in &a.sentences {
        let p = span_index(&a.paragraphs, s.start).map(|i| a.paragraphs[i]);
        assert!(
            p.is_some_and(|p| p.contains(*s)),
            "sentence {s:?} outside every paragraph"
        );
    }
    for t in &spans {
        let s = span_index(&a.sentences, t.start).map(|i| a.sentences[i]);
        assert!(
            s.is_some_and(|s| s.contains(*t)),
            "token {t:?} outside every sentence"
        );
    }
    // Every non-whitespace character belongs to some token.
    let covered: usize = spans.iter().map(|s| s.slice(text).chars().count()).sum();
    assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
}

/// Characters that exercise the rules: quotes, terminators, abbreviation pieces, separators.
fn news_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            ' ', ' ', '\n', '\r', '\t', '.', '.', ',', '!', '?', '"', '\'', '“', '”', '‘', '’',
            '«', '»', '…', '-', '—', '(', ')', '&', '%', '$', '\u{a0}', '\u{2028}', '\u{301}',
        ]),
        4 => prop::sample::select(vec!['a', 'e', 's', 'U', 'S', 'T', 'M', 'r', 'g', 'i', 'J']),
        2 => prop::char::range('0', '9'),
        1 => any::<char>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn layers_are_well_formed_on_news_like_text(chars in prop::collection::vec(news_char(), 0..200)) {
        let text: String = chars.into_iter().collect();
        check(&text);
    }

    #[test]
    fn layers_are_well_formed_on_arbitrary_strings(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn never_panics_on_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn layers_are_well_formed_on_mixed_words(words in prop::collection::vec(
        prop::sample::select(vec![
            "U.S.", "Gen.", "No.", "e.g.", "p.m.", "J.", "3.5", "100,000", "said", "The",
            "he", "\"We", "win.\"", "“Yes,”", "'No'", "...", "…", "dw.com", "ends.The",
            "(so.)", "!", "?", "don’t", "\n", "\n\n", "Inc.", "70k", "U.S.The", "CoastThe",
        ]),
        0..60,
    )) {
        check(&words.join(" "));
    }
}

#[test]
fn empty_and_whitespace_only_texts_have_no_spans() {
    for text in ["", " ", "\n\n\t", "\u{a0}\u{2029}"] {
        let mut a = Article::new("prop", text);
        a.set_text(text.to_string());
        Segmenter::new().annotate(&mut a);
        assert!(a.paragraphs.is_empty() && a.sentences.is_empty() && a.tokens.is_empty());
    }
}

#[test]
fn a_huge_single_line_is_handled() {
    let text = "Prices rose 3.5% in the U.S. on Friday, said Gen. Smith. ".repeat(20_000);
    check(&text);
}

#[test]
fn deeply_nested_and_unmatched_quotes_stay_linear() {
    // Quadratic pairing would take minutes here; linear pairing takes milliseconds.
    let nested = format!("{}{}", "\"a ".repeat(50_000), "b,\" ".repeat(50_000));
    check(&nested);
    let unmatched = format!("{}{}", "‘a ".repeat(50_000), "b” ".repeat(50_000));
    check(&unmatched);
}

#[test]
fn long_camel_case_and_dotted_runs_stay_linear() {
    check(&"aB".repeat(200_000));
    check(&"aThe".repeat(100_000));
    check(&"a.".repeat(200_000));
    check(&format!("x{}", ".a".repeat(200_000)));
}
