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
    /// Lower-case form of `text`, apostrophes written `'` ("won’t" → "won't").
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
            lower: text.to_lowercase().replace(['’', 'ʼ'], "'"),
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

/// The words of a sentence of `text` from its tokens (`article.tokens`).
///
/// The token layer follows Universal Dependencies and cuts words apart ("Russia" "'s", "do"
/// "n't", "Secretary" "-" "General", "can" "not"); the coder reads whole words (possessive
/// bases, hyphenated names), so the parts of a word written without a space are joined back:
/// see [`joined_parts`]. A word without a letter or digit is punctuation.
pub(crate) fn words_from_tokens<'t>(text: &'t str, tokens: &[Token]) -> Vec<Word<'t>> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut k = 0;
    while let Some(first) = tokens.get(k) {
        let mut span = first.span;
        k += 1;
        while let Some(n) = joined_parts(text, span, tokens.get(k..).unwrap_or(&[])) {
            span = Span::new(span.start(), tokens[k + n - 1].span.end());
            k += n;
        }
        if let Some(s) = text.get(span.range()) {
            let punct = !s.chars().any(char::is_alphanumeric);
            out.push(Word::new(s, span, punct));
        }
    }
    out
}

/// How many of the tokens `rest` continue the word at `span`, when it starts with a letter and
/// ends in a letter, digit or mark and the next token touches it: a clitic ("'s", "n't"), a
/// hyphen with the part after it ("-" "General"), or the rest of a fused form ("not" after
/// "can"). A capital touching a lower-case letter starts a new word ("UkraineThe" is two).
fn joined_parts(text: &str, span: Span, rest: &[Token]) -> Option<usize> {
    let word = text.get(span.range())?;
    let last = word.chars().next_back()?;
    let ends_word = last.is_alphanumeric() || !last.is_ascii();
    if !word.starts_with(char::is_alphabetic) || !ends_word {
        return None;
    }
    let next = rest.first().filter(|t| t.span.start() == span.end())?;
    let s = text.get(next.span.range())?;
    let mut chars = s.chars();
    let (first, second) = (chars.next()?, chars.next());
    if is_apostrophe(first) && second.is_some() {
        return Some(1);
    }
    let negation = matches!(
        (first, second, chars.next(), chars.next()),
        ('n' | 'N', Some(a), Some('t' | 'T'), None) if is_apostrophe(a)
    );
    if negation {
        return Some(1);
    }
    if matches!(first, '-' | '‐' | '‑') && second.is_none() {
        let part = rest.get(1).filter(|t| t.span.start() == next.span.end())?;
        let starts_word = text
            .get(part.span.range())?
            .starts_with(|c: char| c.is_alphanumeric() || !is_apostrophe(c) && !c.is_ascii());
        let word_kind = matches!(part.kind, TokenKind::Word | TokenKind::Number);
        return (word_kind && starts_word).then_some(2);
    }
    let new_word = last.is_lowercase() && first.is_uppercase();
    (next.kind == TokenKind::Word && first.is_alphabetic() && !new_word).then_some(1)
}

/// Apostrophes, straight, curly or modifier letter.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
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
                .is_some_and(|w: &Word| w.span.end() == start + i && w.text.contains('.'))
        {
            if let Some(w) = out.pop() {
                let s = w.span.start();
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

    /// Tokens of `text` as the segmenter cuts them (UD: clitics and hyphens apart).
    fn tokens(text: &str, cuts: &[(&str, TokenKind)]) -> Vec<Token> {
        let mut at = 0;
        cuts.iter()
            .map(|&(s, kind)| {
                let start = at + text[at..].find(s).unwrap_or(0);
                at = start + s.len();
                Token {
                    span: Span::new(start, at),
                    kind,
                    ..Token::default()
                }
            })
            .collect()
    }

    #[test]
    fn joins_clitics_hyphens_and_fused_forms_written_together() {
        use TokenKind::*;
        let t = "Russia's Secretary-General can't, cannot; the fans' UkraineThe 2014-2022 U.S.-led";
        let toks = tokens(
            t,
            &[
                ("Russia", Word),
                ("'s", Word),
                ("Secretary", Word),
                ("-", Punct),
                ("General", Word),
                ("ca", Word),
                ("n't", Word),
                (",", Punct),
                ("can", Word),
                ("not", Word),
                (";", Punct),
                ("the", Word),
                ("fans", Word),
                ("'", Word),
                ("Ukraine", Word),
                ("The", Word),
                ("2014", Number),
                ("-", Punct),
                ("2022", Number),
                ("U.S.", Word),
                ("-", Punct),
                ("led", Word),
            ],
        );
        let w = words_from_tokens(t, &toks);
        let texts: Vec<&str> = w.iter().map(|w| w.text).collect();
        assert_eq!(
            texts,
            [
                "Russia's",
                "Secretary-General",
                "can't",
                ",",
                "cannot",
                ";",
                "the",
                "fans",
                "'",
                "Ukraine",
                "The",
                "2014",
                "-",
                "2022",
                "U.S.",
                "-",
                "led"
            ]
        );
        assert!(w[0].possessive && w[0].base == "Russia");
        assert!(w[8].punct && !w[1].punct);
    }
}
