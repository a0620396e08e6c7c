//! The in-engine article: source text, frozen clean text, metadata and every layer of annotation.

use crate::{ArticleId, Claim, Deprel, Entity, Event, Framing, Quote, Span, Tone, Upos, Xpos};

/// One article as it flows through the pipeline.
///
/// Invariants: `text` is frozen once `clean` has set it (later stages only add spans into it);
/// every span in `paragraphs`, `sentences`, `tokens`, `entities`, `quotes`, `claims` and
/// `events`, `framing` is a byte span of `text`; every span in `removed` is a byte span of `raw`.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// Stable id: hash of the normalised `text`; set by [`Article::set_text`].
    pub id: ArticleId,
    /// Path, URL or `FILE:LINE` this article was read from.
    pub source: String,
    /// The decoded source text, as read (HTML already reduced to text by its reader).
    pub raw: String,
    /// Title, outlet, date, author, language, URL.
    pub meta: Metadata,
    /// The cleaned body. All annotation spans point into it.
    pub text: String,
    /// For each piece of `text`, the byte where it starts in `text` and in `raw`, ascending.
    pub origin: Vec<(usize, usize)>,
    /// What cleaning took out of `raw`, and why, in source order.
    pub removed: Vec<Removal>,
    /// Wire datelines that open a paragraph ("WASHINGTON (Reuters) —", "LONDON 1996-08-31"),
    /// kept in `text` for the places they name: segmentation makes each a sentence of its own.
    pub datelines: Vec<Span>,
    /// Paragraphs of `text`.
    pub paragraphs: Vec<Span>,
    /// Sentences of `text`, in order, never overlapping.
    pub sentences: Vec<Span>,
    /// Tokens of `text`, in order.
    pub tokens: Vec<Token>,
    /// Named persons, organisations and places.
    pub entities: Vec<Entity>,
    /// Quotations with their speakers: in marks (direct and partial) and reported speech or
    /// thought without marks (indirect), in text order.
    pub quotes: Vec<Quote>,
    /// Numeric claims.
    pub claims: Vec<Claim>,
    /// Actor–action–target events.
    pub events: Vec<Event>,
    /// Scare quotes, distancing labels, hedges and loaded terms, with whose voice each is in.
    pub framing: Vec<Framing>,
    /// Document tone (positive minus negative word share), once the framing stage has run.
    pub tone: Option<Tone>,
}

impl Article {
    /// A fresh article read from `source`; `text` stays empty until cleaning sets it.
    pub fn new(source: impl Into<String>, raw: impl Into<String>) -> Article {
        Article {
            source: source.into(),
            raw: raw.into(),
            ..Article::default()
        }
    }

    /// Freezes the clean body and derives the id from it.
    pub fn set_text(&mut self, text: String) {
        self.id = ArticleId::of_body(&text);
        self.text = text;
    }

    /// Maps a byte offset of `text` back to the byte offset in `raw` it came from.
    pub fn raw_offset(&self, text_byte: usize) -> usize {
        let i = self.origin.partition_point(|&(t, _)| t <= text_byte);
        match i.checked_sub(1).map(|i| self.origin[i]) {
            Some((t, r)) => r + (text_byte - t),
            None => text_byte,
        }
    }

    /// Number of whitespace-separated words in `raw`: what throughput is measured in, counted
    /// as the spaCy anchor counts its input so that words/s compare like for like.
    pub fn num_words(&self) -> usize {
        self.raw.split_whitespace().count()
    }
}

/// What is known about an article besides its body. Unknown stays `None`: never guessed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Headline.
    pub title: Option<String>,
    /// Publisher ("DW", "Reuters").
    pub outlet: Option<String>,
    /// Publication date as ISO 8601: `2022-01-30`, or with time and zone when the source gives them.
    pub published: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Language code (`en`).
    pub language: Option<String>,
    /// URL of the article, when the source names it.
    pub url: Option<String>,
}

impl Metadata {
    /// Whether the text may be English: its language is English (`en`, `en-GB`) or not known.
    /// The stages whose models and word lists are English read only such articles.
    pub fn may_be_english(&self) -> bool {
        self.language
            .as_deref()
            .is_none_or(|l| primary_subtag(l) == "en")
    }
}

/// The language part of a language tag, lowercased: `en` for `en-GB`, `en_US` or `EN`.
pub fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// One piece of the source that cleaning removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removal {
    /// Byte span of `raw`.
    pub span: Span,
    /// Why it was removed.
    pub reason: RemovalReason,
}

/// Why cleaning removed a piece of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RemovalReason {
    /// Site navigation ("Skip to content", "Go to homepage", numbered menu lines).
    Navigation,
    /// Photo captions and credits ("Image: …/AP", "Photograph:(…)").
    Credit,
    /// Teasers and section headers of other stories after or inside the body.
    Teaser,
    /// Sign-up, subscription, consent and sharing prompts.
    Prompt,
    /// Agency sign-offs and input notes ("ar/aw (AFP, Reuters)", "(With inputs from agencies)").
    SignOff,
    /// Raw metadata lines of page dumps: URLs, XPaths, e-mails, phones, tags, publisher lines.
    Metadata,
    /// The headline line, moved to `title`.
    Title,
    /// A date or byline line, moved to `published` / `author`.
    Dateline,
    /// A second copy of text already kept.
    Duplicate,
}

impl RemovalReason {
    /// The reason's name in the JSON record.
    pub fn as_str(&self) -> &'static str {
        match self {
            RemovalReason::Navigation => "navigation",
            RemovalReason::Credit => "credit",
            RemovalReason::Teaser => "teaser",
            RemovalReason::Prompt => "prompt",
            RemovalReason::SignOff => "signoff",
            RemovalReason::Metadata => "metadata",
            RemovalReason::Title => "title",
            RemovalReason::Dateline => "dateline",
            RemovalReason::Duplicate => "duplicate",
        }
    }
}

/// A token of `text`: the one token layer every stage after `segment` reads.
///
/// `segment` fills the span, kind, shape, normalised form and the sentence and paragraph it
/// belongs to (tokens follow Universal Dependencies English conventions: "Russia's" is
/// `Russia` + `'s`, "don't" is `do` + `n't`, "Secretary-General" is `Secretary` + `-` +
/// `General`, while "anti-war" and "U.S." stay whole; see `storyline_segment::tokenize`).
/// The `syntax` stage adds the part-of-speech tags, lemma and the dependency arc.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Token {
    /// Byte span of `text`.
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
    /// Normalised form: lowercased, typographic quotes, apostrophes and dashes made plain.
    pub norm: String,
    /// Capitalisation and character classes.
    pub shape: Shape,
    /// Index of its sentence in `sentences`.
    pub sentence: u32,
    /// Index of its paragraph in `paragraphs`.
    pub paragraph: u32,
    /// Universal part-of-speech tag (set by the syntax stage; `X` before it).
    pub upos: Upos,
    /// Penn Treebank tag (set by the syntax stage; `XX` before it).
    pub xpos: Xpos,
    /// Dictionary form (set by the syntax stage; empty before it).
    pub lemma: String,
    /// Index in `tokens` of its syntactic head; `None` for the root of its sentence (and
    /// before the syntax stage has run).
    pub head: Option<u32>,
    /// Relation to its head (`root` for the root).
    pub deprel: Deprel,
}

/// Capitalisation and character classes of a token, as one small class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Shape {
    /// All letters lower case ("troops").
    #[default]
    Lower,
    /// First letter upper case, the rest lower ("Kyiv").
    Title,
    /// Every letter upper case, two or more letters ("NATO").
    Upper,
    /// Upper and lower case mixed otherwise ("iPhone", "McCain").
    Mixed,
    /// Digits only, with separators ("100,000").
    Digits,
    /// Digits and letters ("MH17", "70k").
    Alnum,
    /// No letter or digit.
    Symbol,
}

/// Token classes, shown on "U.S. troops, 8,500 of them—'now'":
/// `U.S.` Word, `troops` Word, `,` Punct, `8,500` Number, `—` Punct, `'` Quote; and on
/// "Kyiv's anti-war allies' $5": `Kyiv` Word, `'s` Word, `anti-war` Word, `allies` Word,
/// `'` Word (a possessive, not a quotation mark), `$` Punct, `5` Number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TokenKind {
    /// Letters, with abbreviation dots ("U.S."), apostrophes of names ("O'Brien") and
    /// hyphens after a bound prefix ("anti-war"); also clitics ("'s", "n't"), the possessive
    /// apostrophe after a plural, and web and e-mail addresses.
    Word,
    /// Digits with separators, decimals and a letter suffix ("100,000", "3.5", "70k").
    Number,
    /// Quotation marks, straight or curly.
    Quote,
    /// Any other punctuation or symbol.
    #[default]
    Punct,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_or_unknown_may_be_english() {
        let meta = |l: Option<&str>| Metadata {
            language: l.map(str::to_string),
            ..Metadata::default()
        };
        for l in [None, Some("en"), Some("en-GB"), Some("EN_us")] {
            assert!(meta(l).may_be_english(), "{l:?}");
        }
        for l in [Some("ru"), Some("de-CH"), Some("eng")] {
            assert!(!meta(l).may_be_english(), "{l:?}");
        }
    }

    #[test]
    fn maps_text_offsets_back_to_raw() {
        let mut a = Article::new("x", "NAV\nBody one.\nJUNK\nBody two.");
        a.set_text("Body one.\nBody two.".into());
        a.origin = vec![(0, 4), (10, 19)];
        assert_eq!(a.raw_offset(0), 4);
        assert_eq!(a.raw_offset(12), 21);
        assert_eq!(&a.raw[a.raw_offset(10)..a.raw_offset(14)], "Body");
    }

    #[test]
    fn counts_words() {
        let a = Article::new("x", "NATO's 100,000 troops — now.");
        assert_eq!(a.num_words(), 5);
    }
}
