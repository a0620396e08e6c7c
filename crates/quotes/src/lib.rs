//! Finds quotations in an article and who said them: fills `Article.quotes`.
//!
//! Steps, in order, over the frozen clean text; the rules read its words from the token layer
//! (`article.tokens`, see `tok`) and its names from `article.entities`:
//!
//! 1. Pair quotation marks (straight, curly, low-9, guillemets; single marks only where they
//!    cannot be apostrophes), joining wire-style quotes that run over several paragraphs.
//! 2. Keep speech: drop names and titles in quotes ("Sunday Time"), terms after naming words
//!    (`nicknamed "Londongrad"`), quoted terms used as clause subjects, headline scare quotes;
//!    keep one- and two-word quotes only when a cue attributes them. Kind: `direct` when the
//!    quote opens its sentence (or follows `:` / `,` with a capital), else `partial`.
//! 3. Attribute: a name after a dash that ends the quote's line (`“…” ― Dana Whitfield`);
//!    else the cue whose reported clause (on the parse) is the quote, with its source
//!    phrase; else the cue after the quote (`"…," he said`, `"…," said X`), else the cue before
//!    it in its sentence (`X said it was "…"`), subject phrases resolved to canonical entity
//!    names, role phrases ("Boris Johnson's spokesman"), or pronoun antecedents.
//! 4. Lend speakers to quotes without a cue: split quotes and runs of quote paragraphs.
//!
//! Paragraphs that open with a speaker label (`labels`: transcript turns, `WALLACE: Let's
//! start …`; headline attributions, `Pence: Flowers won't be at debate`) give that speaker's
//! words, cue ":".
//!
//! Reported speech and thought (`Lavrov said that …`, `the ministry believes …`) come from the
//! dependency parse (`attribution`): cue, source phrase and reported clause; each becomes a quote
//! of kind `indirect` unless its content is a quotation in marks, whose speaker it then names.
//! Open-class candidates (`open`): every other verb with a complement or direct object proposes
//! an indirect attribution too (`criticized the plan`).
//! 5. Judge (`judge`): a learned two-class perceptron, trained on PolNeAR by `storyline train
//!    attribution` and shipped as `models/attribution.stlm`, drops reported-speech candidates
//!    that are not attributions (weak cues, open-class verbs that report nothing).
//!
//! `speaker_span` is the local mention the cue attaches to ("he", "who" in `X, who said`); `speaker` the canonical name
//! it resolves to; `speaker_entity` that entity's index.
//!
//! ```
//! use storyline_quotes::QuoteFinder;
//! use storyline_record::Article;
//!
//! let mut article = Article::new("x.txt", "");
//! article.set_text("\"We were poor today,\" said coach Erik ten Hag.".to_string());
//! storyline_segment::Segmenter::new().annotate(&mut article);
//! QuoteFinder::new().annotate(&mut article);
//! let q = &article.quotes[0];
//! assert_eq!(q.span.slice(&article.text), "We were poor today");
//! assert_eq!(q.speaker.as_deref(), Some("Erik ten Hag"));
//! ```
#![deny(missing_docs)]

mod attribution;
mod cues;
mod filter;
mod finder;
mod judge;
mod labels;
mod layout;
mod marks;
mod open;
mod reported;
mod roles;
mod speaker;
mod tok;
mod tree;
mod words;

use std::borrow::Cow;

use storyline_record::{Article, Token};

pub use crate::judge::{example_features, is_judged, Candidate, Judge};
use crate::speaker::Resolver;
use crate::tok::Page;
use crate::tree::Tree;

/// Finds quotations and their speakers.
#[derive(Debug, Default, Clone)]
pub struct QuoteFinder;

impl QuoteFinder {
    /// Builds the stage.
    pub fn new() -> QuoteFinder {
        // Parse the shipped word lists now, not inside the first `annotate`.
        let _ = storyline_lexicon::Lexicon::get();
        let _ = judge::shipped();
        QuoteFinder
    }

    /// Fills `article.quotes` (replacing what was there): quotations in marks and reported
    /// speech, in text order, as the shipped judge keeps them.
    pub fn annotate(&self, article: &mut Article) {
        let found = self.candidates(article);
        let tokens = token_layer(article);
        let keep = judge::shipped().verdicts(&article.text, &tokens, &found);
        article.quotes = found
            .into_iter()
            .zip(keep)
            .filter_map(|(c, k)| k.then_some(c.quote))
            .collect();
    }

    /// Every quotation and reported clause the rules and the open-class cue candidates find,
    /// in text order, before the judge weighs them (what `storyline train attribution` learns
    /// from).
    pub fn candidates(&self, article: &Article) -> Vec<Candidate> {
        let tokens = token_layer(article);
        let page = Page {
            text: &article.text,
            tokens: &tokens,
        };
        let tree = Tree::new(&tokens, &article.text).with_names(&article.entities);
        let mut attributions = attribution::find_attributions(&tree);
        let quotes = finder::find_quotes(page, &tree, &article.entities, &attributions);
        attributions.extend(open::open_attributions(&tree, &attributions));
        let mut resolver = Resolver::new(&article.text, &tokens, &article.entities, Vec::new());
        let indirect = reported::indirect_quotes(page, &attributions, &mut resolver, &quotes);
        let labelled = labels::label_quotes(&article.text, &tokens, &article.entities, &quotes);
        let mut found: Vec<Candidate> = quotes
            .into_iter()
            .filter(|q| !labels::within_turns(q, &labelled))
            .map(|quote| Candidate {
                quote,
                cue_token: None,
                via: "",
                open: false,
                source_type: None,
            })
            .collect();
        found.extend(labelled.into_iter().map(|quote| Candidate {
            quote,
            cue_token: None,
            via: labels::VIA,
            open: false,
            source_type: None,
        }));
        found.extend(indirect.into_iter().map(|(quote, n)| {
            let a = &attributions[n];
            let source_type = quote
                .speaker_entity
                .and_then(|e| article.entities.get(e))
                .map(|e| e.kind);
            Candidate {
                quote,
                cue_token: Some(a.cue_token),
                via: a.via,
                open: a.open,
                source_type,
            }
        }));
        found.sort_by_key(|c| (c.quote.span.start(), c.quote.span.end()));
        found
    }
}
/// The article's token layer; made here when the article has text but skipped the segment
/// stage (its `tokens` are empty), so the stage also runs on its own.
fn token_layer(article: &Article) -> Cow<'_, [Token]> {
    if article.tokens.is_empty() && !article.text.trim().is_empty() {
        Cow::Owned(storyline_segment::tokenize(&article.text))
    } else {
        Cow::Borrowed(&article.tokens)
    }
}
