//! Segmentation: splits an article's clean text into paragraphs, sentences and tokens, the
//! units every later stage reads. All spans are byte spans of `article.text`.
//!
//! Steps, each one pass over the text or its pieces:
//! 1. paragraphs: every line break ends one; trimmed, never empty;
//! 2. pieces: words (with their clitics and hyphens), numbers, quotation marks and
//!    punctuation: the coarse units the sentence rules read (internal to this crate);
//! 3. sentences: over each paragraph's pieces, with abbreviation, initial, decimal, ellipsis
//!    and quotation rules;
//! 4. tokens: the pieces cut (and address pieces joined) as Universal Dependencies English
//!    does, within sentences, with normalised form, shape, sentence and paragraph
//!    ([`tokenize`] describes the conventions).
//!
//! ```
//! use storyline_record::Article;
//! use storyline_segment::{sentence_of, Segmenter};
//!
//! let text = "“We lost. It hurts,” the coach said. Gen. Ruiz agreed.";
//! let mut article = Article::new("example.txt", text);
//! article.set_text(text.to_string());
//! Segmenter::new().annotate(&mut article);
//! let sentences: Vec<&str> = article.sentences.iter().map(|s| s.slice(&article.text)).collect();
//! assert_eq!(sentences, ["“We lost. It hurts,” the coach said.", "Gen. Ruiz agreed."]);
//! assert_eq!(sentence_of(&article, text.find("Ruiz").unwrap()), Some(1));
//! ```
#![deny(missing_docs)]

mod abbrev;
mod forms;
mod links;
mod lookup;
mod paragraphs;
mod quotemarks;
mod scan;
mod sentences;
mod split;
mod tokens;

use storyline_record::{Article, Span, Token};

pub use lookup::{paragraph_of, sentence_of, sentence_tokens, span_index, token_at, tokens_in};
pub use paragraphs::paragraphs;

/// Splits the clean text into paragraphs, sentences and tokens.
#[derive(Debug, Default, Clone)]
pub struct Segmenter {}

impl Segmenter {
    /// Builds the stage (it has no settings and loads nothing).
    pub fn new() -> Segmenter {
        Segmenter {}
    }

    /// Fills `paragraphs`, `tokens` and `sentences` of `article` from its frozen `text`,
    /// replacing whatever they held.
    pub fn annotate(&self, article: &mut Article) {
        let ends: Vec<usize> = article.datelines.iter().map(|d| d.end()).collect();
        let (paragraphs, sentences, tokens) = segment(&article.text, &ends);
        article.paragraphs = paragraphs;
        article.sentences = sentences;
        article.tokens = tokens;
    }
}

/// The tokens of `text`, as [`Segmenter::annotate`] puts them in `article.tokens`: in order,
/// never overlapping, never empty, without whitespace, each inside one sentence, with
/// `norm`, `shape`, `sentence` and `paragraph` filled (the syntax fields stay at their
/// defaults).
///
/// Tokens follow Universal Dependencies English (EWT, GUM):
/// - clitics are tokens: "Russia's" → `Russia` `'s`, "countries'" → `countries` `'`,
///   "don't" → `do` `n't`, "can't" → `ca` `n't`, "we'll" → `we` `'ll`, "cannot" → `can` `not`;
/// - a hyphen between word parts is a token ("Secretary-General" → `Secretary` `-`
///   `General`, "2014-2022" → `2014` `-` `2022`), except after a bound prefix or before a
///   bound suffix, which the treebanks keep ("anti-war", "e-mail", "co-founder");
/// - abbreviations keep their dot ("U.S.", "Gen.", "e.g."); numbers keep separators,
///   decimals and letter suffixes ("100,000", "3.5", "70k", "1990s", "3rd"); "$" and "%"
///   are tokens of their own ("$5" → `$` `5`); web and e-mail addresses and "..." are one
///   token each.
///
/// ```
/// use storyline_segment::tokenize;
///
/// let text = "Russia's envoy didn't back the anti-war Secretary-General's plan.";
/// let tokens: Vec<&str> = tokenize(text).iter().map(|t| t.span.slice(text)).collect();
/// assert_eq!(
///     tokens,
///     ["Russia", "'s", "envoy", "did", "n't", "back", "the", "anti-war", "Secretary", "-",
///      "General", "'s", "plan", "."]
/// );
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    segment(text, &[]).2
}

/// Paragraphs, sentences and tokens of `text`; a sentence also ends at each offset of `ends`
/// (the end of a dateline) that falls between two of its tokens, and after a run-in head.
fn segment(text: &str, ends: &[usize]) -> (Vec<Span>, Vec<Span>, Vec<Token>) {
    let paragraphs = paragraphs(text);
    let pieces = scan::pieces(text);
    let mut sentences = sentences::sentences(text, &paragraphs, &pieces);
    let mut ends = [ends, &sentences::run_in_heads(text, &paragraphs, &pieces)].concat();
    ends.sort_unstable();
    ends.dedup();
    sentences::end_at(&mut sentences, &pieces, &ends);
    let tokens = tokens::refine(text, &pieces, &paragraphs, &sentences);
    (paragraphs, sentences, tokens)
}
