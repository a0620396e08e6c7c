//! A sentence as the coder reads it: its tokens with lower-case forms, possessive bases and
//! punctuation marks kept in place (they bound clauses and phrase gaps).

use storyline_record::{Span, Token, TokenKind};

/// One token of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Word<'t> {
    /// The token as written.
    pub(crate) text: &'t str,
    /// Without a possessive "'s" ("Israel's" → "Israel").
    pub(crate) base: &'t str,
    /// Lower-case form of `text`.
    pub(crate) lower: String,
    /// Byte span in the article text.
    pub(crate) span: Span,
    /// Punctuation or a quotation mark: never part of a name or a phrase gap.
    pub(crate) punct: bool,
    /// Starts with an upper-case letter.
    pub(crate) cap: bool,
    /// Ends in a possessive "'s" or "s'".
    pub(crate) possessive: bool,
}

impl<'t> Word<'t> {
    fn new(text: &'t str, span: Span, punct: bool) -> Word<'t> {
        let stripped = text
            .strip_suffix("'s")
            .or_else(|| text.strip_suffix("’s"))
            .filter(|s| !s.is_empty());
        let plural_poss = text.len() > 2 && (text.ends_with("s'") || text.ends_with("s’"));
        let base = match (stripped, plural_poss) {
            (Some(s), _) => s,
            (None, true) => text.trim_end_matches(['\'', '’']),
            _ => text,
        };
        Word {
            text,
            base,
            lower: text.to_lowercase(),
            span,
            punct,
            cap: text.chars().next().is_some_and(char::is_uppercase),
            possessive: stripped.is_some() || plural_poss,
        }
    }

    /// Whether this is the given punctuation mark.
    pub(crate) fn is(&self, mark: &str) -> bool {
        self.punct && self.text == mark
    }
}

/// The words of the sentence `sentence` of `text`, from the article's tokens.
pub(crate) fn words_from_tokens<'t>(text: &'t str, tokens: &[Token]) -> Vec<Word<'t>> {
    tokens
        .iter()
        .filter_map(|t| {
            let s = text.get(t.span.range())?;
            let punct = matches!(t.kind, TokenKind::Punct | TokenKind::Quote);
            Some(Word::new(s, t.span, punct))
        })
        .collect()
}

/// The words of `text[start..end]` by a simple split (letters, digits, inner apostrophes,
/// hyphens and dots stay in a word): for tests and for articles that were never segmented.
pub(crate) fn words_of(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let Some(slice) = text.get(start..end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut word_start: Option<usize> = None;
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next_alnum = chars.get(k + 1).is_some_and(|&(_, d)| d.is_alphanumeric());
        let inner = matches!(c, '\'' | '’' | '-' | '.' | ',') && word_start.is_some() && next_alnum;
        // A comma inside a number ("8,500") stays; elsewhere it ends the word.
        let inner = inner
            && (c != ','
                || chars
                    .get(k.wrapping_sub(1))
                    .is_some_and(|&(_, d)| d.is_ascii_digit()));
        if c.is_alphanumeric() || inner {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(ws) = word_start.take() {
            let s = start + ws;
            out.push(Word::new(
                &text[s..start + i],
                Span::new(s, start + i),
                false,
            ));
        }
        // A dot closing an abbreviation ("U.S.") stays on the word.
        if c == '.'
            && out
                .last()
                .is_some_and(|w: &Word| w.span.end == start + i && w.text.contains('.'))
        {
            if let Some(w) = out.pop() {
                let s = w.span.start;
                let e = start + i + 1;
                out.push(Word::new(&text[s..e], Span::new(s, e), false));
            }
            continue;
        }
        if !c.is_whitespace() {
            let s = start + i;
            let e = s + c.len_utf8();
            out.push(Word::new(&text[s..e], Span::new(s, e), true));
        }
    }
    if let Some(ws) = word_start {
        let s = start + ws;
        out.push(Word::new(&text[s..end], Span::new(s, end), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_and_marks() {
        let t = "Israel's army, U.S. troops and 8,500 others.";
        let w = words_of(t, 0, t.len());
        let texts: Vec<&str> = w.iter().map(|w| w.text).collect();
        assert_eq!(
            texts,
            vec!["Israel's", "army", ",", "U.S.", "troops", "and", "8,500", "others", "."]
        );
        assert_eq!(w[0].base, "Israel");
        assert!(w[0].possessive && w[0].cap);
        assert!(w[2].is(","));
        assert_eq!(w[1].lower, "army");
    }
}
