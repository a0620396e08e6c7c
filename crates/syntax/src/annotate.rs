//! The pipeline's syntax stage: tags, lemmas and a dependency parse for every sentence of an
//! article, written onto its tokens (`article.tokens`), which every later stage reads.

use std::cell::RefCell;

use storyline_record::{Article, Deprel, Token, Upos, Xpos};

use crate::form::push_model_form;
use crate::models::{shipped, Models};
use crate::parser::ParseBuffers;

/// Tags, lemmatises and parses each sentence of an article.
#[derive(Debug, Clone, Copy)]
pub struct SyntaxAnnotator {
    models: &'static Models,
}

impl Default for SyntaxAnnotator {
    fn default() -> Self {
        SyntaxAnnotator::new()
    }
}

/// Per-thread buffers, reused from sentence to sentence.
#[derive(Default)]
struct Buffers {
    forms: String,
    bounds: Vec<(usize, usize)>,
    tags: Vec<(Upos, Xpos)>,
    arcs: Vec<(Option<u32>, Deprel)>,
    parse: ParseBuffers,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

impl SyntaxAnnotator {
    /// The stage with the models shipped in the binary.
    pub fn new() -> SyntaxAnnotator {
        SyntaxAnnotator { models: shipped() }
    }

    /// The stage with other models (e.g. freshly trained ones), kept for the whole process.
    pub fn with_models(models: &'static Models) -> SyntaxAnnotator {
        SyntaxAnnotator { models }
    }

    /// Fills `upos`, `xpos`, `lemma`, `head` and `deprel` of every token, sentence by
    /// sentence (tokens grouped by their `sentence` index).
    pub fn annotate(&self, article: &mut Article) {
        BUFFERS.with(|b| {
            let mut b = b.borrow_mut();
            let mut start = 0;
            while start < article.tokens.len() {
                let sentence = article.tokens[start].sentence;
                let len = article.tokens[start..]
                    .iter()
                    .take_while(|t| t.sentence == sentence)
                    .count();
                let end = start + len.max(1);
                let tokens = &mut article.tokens[start..end];
                self.sentence(&article.text, tokens, start as u32, &mut b);
                start = end;
            }
        });
    }

    /// Annotates the tokens of one sentence; heads become indices into the article's tokens.
    fn sentence(&self, text: &str, tokens: &mut [Token], base: u32, b: &mut Buffers) {
        let Buffers {
            forms,
            bounds,
            tags,
            arcs,
            parse,
        } = b;
        forms.clear();
        bounds.clear();
        for t in tokens.iter() {
            let at = forms.len();
            push_model_form(t.span.slice(text), forms);
            bounds.push((at, forms.len()));
        }
        let words: Vec<&str> = bounds.iter().map(|&(s, e)| &forms[s..e]).collect();
        self.models.tagger.tag(&words, tags);
        self.models.parser.parse(&words, tags, parse, arcs);
        for (i, t) in tokens.iter_mut().enumerate() {
            let (upos, xpos) = tags.get(i).copied().unwrap_or_default();
            t.upos = upos;
            t.xpos = xpos;
            t.lemma = self.models.tagger.lemma(words[i], upos, xpos);
            let (head, rel) = arcs.get(i).copied().unwrap_or((None, Deprel::root()));
            t.head = head.map(|h| h + base);
            t.deprel = rel;
        }
    }
}
