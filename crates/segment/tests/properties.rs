//! Property tests: on any text, segmentation never panics and its layers are well formed.
//!
//! Well formed: every span lies inside the text on char boundaries and is non-empty; each
//! layer is in order and non-overlapping; no token, sentence or paragraph starts or ends with
//! whitespace; every sentence lies inside one paragraph; every token inside one sentence.
//! The token layer also carries its sentence and paragraph indices, in order and in range,
//! and a normalised form for every token.

use proptest::prelude::*;
use storyline_record::{Article, Span, Token};
use storyline_segment::{span_index, tokenize, Segmenter};

/// Panics with a message when `spans` break a layer invariant over `text`.
fn check_layer(text: &str, spans: &[Span], layer: &str) {
    let mut prev_end = 0;
    for s in spans {
        assert!(s.start() < s.end(), "{layer}: empty span {s:?}");
        assert!(
            s.start() >= prev_end,
            "{layer}: {s:?} overlaps or is out of order"
        );
        assert!(s.end() <= text.len(), "{layer}: {s:?} past the end");
        assert!(text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()));
        let piece = s.slice(text);
        assert_eq!(piece.trim(), piece, "{layer}: {s:?} has outer whitespace");
        prev_end = s.end();
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
        let p = span_index(&a.paragraphs, s.start()).map(|i| a.paragraphs[i]);
        assert!(
            p.is_some_and(|p| p.contains(*s)),
            "sentence {s:?} outside every paragraph"
        );
    }
    for t in &spans {
        let s = span_index(&a.sentences, t.start()).map(|i| a.sentences[i]);
        assert!(
            s.is_some_and(|s| s.contains(*t)),
            "token {t:?} outside every sentence"
        );
    }
    check_token_fields(text, &a.tokens, &a.sentences, &a.paragraphs);
    // Every non-whitespace character belongs to some token.
    let covered: usize = spans.iter().map(|s| s.slice(text).chars().count()).sum();
    assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
}

/// Panics when a token holds whitespace, when its sentence or paragraph index is out of range,
/// decreasing, or not the sentence and paragraph containing it, or when its normalised form
/// is empty.
fn check_token_fields(text: &str, tokens: &[Token], sentences: &[Span], paragraphs: &[Span]) {
    let mut prev = (0, 0);
    for t in tokens {
        let form = t.span.slice(text);
        assert!(
            !form.contains(char::is_whitespace),
            "{t:?}: whitespace in {form:?}"
        );
        let (s, p) = (t.sentence as usize, t.paragraph as usize);
        assert!(
            s < sentences.len() && p < paragraphs.len(),
            "{t:?}: index out of range"
        );
        assert!(s >= prev.0 && p >= prev.1, "{t:?}: indices decrease");
        assert!(sentences[s].contains(t.span), "{t:?}: not in sentence {s}");
        assert!(
            paragraphs[p].contains(t.span),
            "{t:?}: not in paragraph {p}"
        );
        assert!(!t.norm.is_empty(), "{t:?}: empty norm");
        prev = (s, p);
    }
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
            "Russia's", "countries'", "can't", "cannot", "anti-war", "Secretary-General's",
            "2014-2022", "$5", "3.5%", "https://dw.com/a.", "press@un.org", "'fans'", "’90s",
        ]),
        0..60,
    )) {
        check(&words.join(" "));
    }
}

/// Text mixing every script and symbol with the characters the token rules cut at.
fn unicode_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        1 => prop::sample::select(vec![
            '\'', '’', 'ʼ', '-', '‐', '‑', '@', '/', ':', '.', ' ', '\n', 's', 'n', 't', 'w',
        ]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The token layer on its own: in order, non-overlapping, non-empty, on char boundaries,
    /// without whitespace, with sentence and paragraph indices non-decreasing and in range.
    #[test]
    fn token_layer_is_well_formed_on_arbitrary_unicode(
        chars in prop::collection::vec(unicode_char(), 0..300)
    ) {
        let text: String = chars.into_iter().collect();
        let tokens = tokenize(&text);
        let spans: Vec<Span> = tokens.iter().map(|t| t.span).collect();
        check_layer(&text, &spans, "tokens");
        let (mut sentence, mut paragraph) = (0, 0);
        for t in &tokens {
            prop_assert!(!t.span.slice(&text).contains(char::is_whitespace));
            prop_assert!(t.sentence >= sentence && t.paragraph >= paragraph);
            (sentence, paragraph) = (t.sentence, t.paragraph);
        }
        let mut a = Article::new("prop", text.as_str());
        a.set_text(text.clone());
        Segmenter::new().annotate(&mut a);
        prop_assert_eq!(&a.tokens, &tokens);
        check_token_fields(&text, &a.tokens, &a.sentences, &a.paragraphs);
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
