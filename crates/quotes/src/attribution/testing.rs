//! Test support: articles with the shipped models' parse, or with a parse given token by
//! token (for rules that are there for a parse that goes wrong on news).

use storyline_record::{Article, Deprel, Upos, Xpos};

/// The article with its tokens and the shipped models' parse.
pub(crate) fn parsed(text: &str) -> Article {
    let mut a = Article::new("x", "");
    a.set_text(text.into());
    storyline_segment::Segmenter::new().annotate(&mut a);
    storyline_syntax::SyntaxAnnotator::new().annotate(&mut a);
    a
}

/// The article with the parse `rows` gives, one (UPOS, XPOS, head counted from 1 with 0 for
/// the root, relation) per token.
pub(crate) fn given(text: &str, rows: &[(&str, &str, u32, &str)]) -> Article {
    let mut a = parsed(text);
    let forms: Vec<&str> = a.tokens.iter().map(|t| t.norm.as_str()).collect();
    assert_eq!(forms.len(), rows.len(), "tokens: {forms:?}");
    for (t, &(upos, xpos, head, rel)) in a.tokens.iter_mut().zip(rows) {
        t.upos = Upos::parse(upos).expect("a UPOS tag");
        t.xpos = Xpos::parse(xpos).expect("an XPOS tag");
        t.head = head.checked_sub(1);
        t.deprel = Deprel::parse(rel).expect("a relation");
    }
    a
}
