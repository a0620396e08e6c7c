//! Test helpers: run the stages before framing over a made-up text.

use storyline_record::{Article, Token};

/// The token layer of `text` (segment only).
pub(crate) fn tokens_of(text: &str) -> Vec<Token> {
    let mut a = Article::new("t.txt", "");
    a.set_text(text.to_string());
    storyline_segment::Segmenter::new().annotate(&mut a);
    a.tokens
}

/// `text` through segment, syntax, entities and quotes: what the framing stage reads.
pub(crate) fn article_of(text: &str) -> Article {
    let mut a = Article::new("t.txt", "");
    a.set_text(text.to_string());
    storyline_segment::Segmenter::new().annotate(&mut a);
    storyline_syntax::SyntaxAnnotator::new().annotate(&mut a);
    storyline_entities::EntityRecognizer::new().annotate(&mut a);
    storyline_quotes::QuoteFinder::new().annotate(&mut a);
    a
}
