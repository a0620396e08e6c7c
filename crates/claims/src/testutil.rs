//! Test helpers shared by the rule modules' unit tests.

use storyline_record::{Article, Claim};
use storyline_segment::Segmenter;
use storyline_syntax::SyntaxAnnotator;

use crate::lex::{text_of, Tok};

/// An article whose cleaned text is `text`, published by the outlet "Gazette".
pub(crate) fn article(text: &str) -> Article {
    let mut a = Article::new("t.txt", text);
    a.set_text(text.to_string());
    a.meta.outlet = Some("Gazette".into());
    a
}

/// Index of the first token that reads `needle`.
pub(crate) fn at(text: &str, toks: &[Tok], needle: &str) -> usize {
    toks.iter()
        .position(|t| text_of(text, t) == needle)
        .expect("needle")
}

/// The claims of `text` after segmentation and parsing, as in the pipeline.
pub(crate) fn claims_parsed(text: &str) -> Vec<Claim> {
    let mut a = article(text);
    Segmenter::new().annotate(&mut a);
    SyntaxAnnotator::new().annotate(&mut a);
    crate::ClaimFinder::new().annotate(&mut a);
    a.claims
}
