//! Offset lookups over the sorted, non-overlapping span layers of an article, by binary
//! search: which sentence, paragraph or token holds a byte, and which tokens lie in a span;
//! and each sentence's tokens in one linear walk.

use std::ops::Range;

use storyline_record::{Article, Span, Token};

/// Index of the span of `spans` (sorted, non-overlapping) that contains byte `byte`.
pub fn span_index(spans: &[Span], byte: usize) -> Option<usize> {
    let i = spans.partition_point(|s| s.end() <= byte);
    spans.get(i).filter(|s| s.start() <= byte).map(|_| i)
}

/// Index of the sentence of `article` that contains byte `byte` of its text.
pub fn sentence_of(article: &Article, byte: usize) -> Option<usize> {
    span_index(&article.sentences, byte)
}

/// Index of the paragraph of `article` that contains byte `byte` of its text.
pub fn paragraph_of(article: &Article, byte: usize) -> Option<usize> {
    span_index(&article.paragraphs, byte)
}

/// Index of the token of `article` that contains byte `byte` of its text.
pub fn token_at(article: &Article, byte: usize) -> Option<usize> {
    let i = article.tokens.partition_point(|t| t.span.end() <= byte);
    article
        .tokens
        .get(i)
        .filter(|t| t.span.start() <= byte)
        .map(|_| i)
}

/// Index range of the tokens of `tokens` (sorted, non-overlapping) lying entirely inside `span`:
/// `&tokens[tokens_in(tokens, sentence)]` are a sentence's tokens.
pub fn tokens_in(tokens: &[Token], span: Span) -> Range<usize> {
    let lo = tokens.partition_point(|t| t.span.start() < span.start());
    let hi = tokens.partition_point(|t| t.span.end() <= span.end());
    lo..hi.max(lo)
}

/// Each sentence of `article` with the index range of its tokens in `article.tokens`, in
/// order: `&article.tokens[range]` are the sentence's tokens (the unit a tagger or parser
/// reads). One linear walk over both layers; a sentence without tokens gets an empty range.
///
/// ```
/// use storyline_record::Article;
/// use storyline_segment::{sentence_tokens, Segmenter};
///
/// let text = "Rain fell. Roads didn't close.";
/// let mut article = Article::new("t", text);
/// article.set_text(text.to_string());
/// Segmenter::new().annotate(&mut article);
/// let ranges: Vec<_> = sentence_tokens(&article).map(|(_, r)| r).collect();
/// assert_eq!(ranges, [0..3, 3..8]);
/// ```
pub fn sentence_tokens(article: &Article) -> impl Iterator<Item = (Span, Range<usize>)> + '_ {
    let tokens = &article.tokens;
    let mut next = 0;
    article.sentences.iter().map(move |&sentence| {
        let lo = next
            + tokens
                .get(next..)
                .unwrap_or(&[])
                .iter()
                .take_while(|t| t.span.start() < sentence.start())
                .count();
        let hi = lo
            + tokens
                .get(lo..)
                .unwrap_or(&[])
                .iter()
                .take_while(|t| t.span.end() <= sentence.end())
                .count();
        next = hi;
        (sentence, lo..hi)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Segmenter;

    fn article(text: &str) -> Article {
        let mut a = Article::new("t", text);
        a.set_text(text.to_string());
        Segmenter::new().annotate(&mut a);
        a
    }

    #[test]
    fn finds_sentence_paragraph_and_token_of_a_byte() {
        let a = article("Rain fell. Roads closed.\nThe mayor spoke.");
        let at = |s: &str| a.text.find(s).unwrap_or(usize::MAX);
        assert_eq!(sentence_of(&a, at("Roads")), Some(1));
        assert_eq!(sentence_of(&a, at("mayor")), Some(2));
        assert_eq!(sentence_of(&a, at(" Roads")), None);
        assert_eq!(paragraph_of(&a, at("mayor")), Some(1));
        let t = token_at(&a, at("oads")).map(|i| a.tokens[i].span.slice(&a.text));
        assert_eq!(t, Some("Roads"));
        assert_eq!(sentence_of(&a, 10_000), None);
    }

    #[test]
    fn lists_the_tokens_of_a_sentence() {
        let a = article("Rain fell. Roads closed.");
        let words: Vec<&str> = a.tokens[tokens_in(&a.tokens, a.sentences[1])]
            .iter()
            .map(|t| t.span.slice(&a.text))
            .collect();
        assert_eq!(words, ["Roads", "closed", "."]);
        assert!(tokens_in(&a.tokens, Span::new(1, 2)).is_empty());
    }

    #[test]
    fn gives_each_sentence_its_token_range() {
        let a = article(
            "NATO's chief spoke.
“We can't wait,” she said. Talks end.",
        );
        let got: Vec<(&str, Vec<&str>)> = sentence_tokens(&a)
            .map(|(s, r)| {
                let toks = a.tokens[r].iter().map(|t| t.span.slice(&a.text)).collect();
                (s.slice(&a.text), toks)
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "NATO's chief spoke.",
                    vec!["NATO", "'s", "chief", "spoke", "."]
                ),
                (
                    "“We can't wait,” she said.",
                    vec!["“", "We", "ca", "n't", "wait", ",", "”", "she", "said", "."]
                ),
                ("Talks end.", vec!["Talks", "end", "."]),
            ]
        );
        for (i, (_, r)) in sentence_tokens(&a).enumerate() {
            assert!(a.tokens[r].iter().all(|t| t.sentence as usize == i));
        }
    }
}
