//! Scare quotes: quotation marks around a word or short phrase that no speaker is quoted as
//! saying (`Russia's 'invasion'`, `the "peace" talks`).
//!
//! A short quoted stretch (one to [`MAX_SCARE_WORDS`] words, no sentence punctuation) is a scare
//! quote unless the quotes stage attributed it, its sentence attributes speech (a cue verb or
//! "according to"), an attributed quote of the article holds the same words (the outlet echoing
//! a speaker), the word before names a term (`dubbed "Londongrad"`, `the word "genocide"`), or
//! its words are all capitalised, as names and titles are.

use storyline_lexicon::{FramingLexicon, Lexicon};
use storyline_record::{Article, Quote, QuoteKind, Shape, Token, TokenKind, Upos};

use crate::marks::MarkPair;
use crate::voice::MAX_SCARE_WORDS;

/// The mark pairs of `article` that are scare quotes.
pub(crate) fn scare_quotes<'p>(article: &Article, pairs: &'p [MarkPair]) -> Vec<&'p MarkPair> {
    let echoes: Vec<String> = article
        .quotes
        .iter()
        .filter(|q| is_attributed(q))
        .map(|q| q.span.slice(&article.text).to_lowercase())
        .collect();
    pairs
        .iter()
        .filter(|p| is_scare_quote(article, p, &echoes))
        .collect()
}

/// Whether `q` is words in marks someone is quoted as saying (indirect speech has no marks,
/// so a scare quote inside it is still the outlet's or the reporter's choice).
fn is_attributed(q: &Quote) -> bool {
    q.kind != QuoteKind::Indirect && (q.speaker.is_some() || q.cue.is_some())
}

fn is_scare_quote(article: &Article, p: &MarkPair, echoes: &[String]) -> bool {
    let tokens = &article.tokens;
    let inside = &tokens[p.open + 1..p.close];
    let num_words = p.num_words(tokens);
    if num_words == 0 || num_words > MAX_SCARE_WORDS {
        return false;
    }
    let sentence_punct = |t: &Token| matches!(t.norm.as_str(), "." | "!" | "?" | ";" | ":");
    if inside.iter().any(sentence_punct) {
        return false;
    }
    if article
        .quotes
        .iter()
        .any(|q| is_attributed(q) && q.span.overlaps(p.inner))
    {
        return false;
    }
    if names_or_titles(inside) || follows_naming_word(tokens, p.open) {
        return false;
    }
    if sentence_attributes_speech(tokens, p) {
        return false;
    }
    let words = p.inner.slice(&article.text).trim().to_lowercase();
    !echoes
        .iter()
        .any(|e| e.len() > words.len() && e.contains(&words))
}

/// All words capitalised: a name or a title ("Operation Barbarossa", "Sunday Times"); a single
/// capitalised word counts only when tagged as a proper noun.
fn names_or_titles(inside: &[Token]) -> bool {
    let words: Vec<&Token> = inside
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let capitalised = |t: &&Token| !t.span.is_empty() && t.shape != Shape::Lower;
    match words[..] {
        [] => true,
        [one] => capitalised(&one) && one.upos == Upos::Propn,
        _ => words.iter().all(capitalised),
    }
}

/// The word before the opening mark names a term: `dubbed "…"`, `known as "…"`.
fn follows_naming_word(tokens: &[Token], open: usize) -> bool {
    let lex = FramingLexicon::get();
    let before: Vec<&Token> = tokens[..open]
        .iter()
        .rev()
        .filter(|t| t.kind != TokenKind::Punct)
        .take(2)
        .collect();
    match before[..] {
        [w, ..] if lex.is_naming_word(&w.norm) => true,
        [w, k, ..] => w.norm == "as" && k.norm == "known",
        _ => false,
    }
}

/// The pair's sentence has a speech verb, a naming verb (`called the meeting "a stunt"`) or
/// "according to": the words may be the speaker's.
fn sentence_attributes_speech(tokens: &[Token], p: &MarkPair) -> bool {
    let lex = Lexicon::get();
    let naming = FramingLexicon::get();
    let sentence = tokens[p.open].sentence;
    let start = tokens[..p.open].partition_point(|t| t.sentence < sentence);
    let end = p.close + tokens[p.close..].partition_point(|t| t.sentence <= sentence);
    let s = &tokens[start..end];
    s.iter().enumerate().any(|(i, t)| {
        (matches!(t.upos, Upos::Verb | Upos::Aux | Upos::X)
            && (lex.is_cue_verb(&t.norm) || naming.is_naming_word(&t.norm)))
            || (t.norm == "according" && s.get(i + 1).is_some_and(|n| n.norm == "to"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::pair_marks;
    use crate::testutil::article_of;

    fn scares(text: &str) -> Vec<String> {
        let a = article_of(text);
        let pairs = pair_marks(&a.text, &a.tokens);
        scare_quotes(&a, &pairs)
            .iter()
            .map(|p| p.outer.slice(text).to_string())
            .collect()
    }

    #[test]
    fn finds_unattributed_short_quotes() {
        assert_eq!(
            scares("The West keeps warning of a Russian 'invasion' of Ukraine."),
            vec!["'invasion'"]
        );
        assert_eq!(
            scares("Troops held \"peace talks\" with the rebels on Monday."),
            vec!["\"peace talks\""]
        );
    }

    #[test]
    fn leaves_attributed_quotes_alone() {
        assert!(scares("The minister said the plan was \"reckless\" and dangerous.").is_empty());
        assert!(scares("According to the report, the talks were \"productive\".").is_empty());
        assert!(scares("The opposition called the meeting \"a cynical stunt\".").is_empty());
    }

    #[test]
    fn leaves_names_titles_and_named_terms_alone() {
        assert!(scares("The ship was dubbed \"Moskva\" in 2000.").is_empty());
        assert!(scares("She reviewed \"The Sunday Times\" edition.").is_empty());
        assert!(scares("The word \"genocide\" appears twice in the ruling.").is_empty());
    }

    #[test]
    fn leaves_long_quotes_alone() {
        assert!(scares("Protesters waved \"we want peace and bread now\" signs.").is_empty());
    }

    #[test]
    fn an_echo_of_an_attributed_quote_is_not_a_scare_quote() {
        let text = "\"This is a special military operation to protect people,\" Putin said. \
                    The \"special military operation\" began at dawn.";
        assert!(scares(text).is_empty());
    }
}
