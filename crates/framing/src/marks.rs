//! Pairs quotation marks of the token layer: each pair's opening and closing token, within one
//! paragraph, double and single marks apart (so 'scare' quotes nest inside "speech").

use storyline_record::{Span, Token, TokenKind};

/// One pair of quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MarkPair {
    /// Index of the opening mark's token.
    pub open: usize,
    /// Index of the closing mark's token.
    pub close: usize,
    /// From the opening mark through the closing one.
    pub outer: Span,
    /// Between the marks.
    pub inner: Span,
}

impl MarkPair {
    /// Word and number tokens between the marks.
    pub fn num_words(&self, tokens: &[Token]) -> usize {
        tokens[self.open + 1..self.close]
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .count()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

/// Whether a mark is double (0) or single (1), and whether it opens or closes.
fn classify(text: &str, tok: &Token) -> Option<(usize, Role)> {
    let c = tok.span.slice(text).chars().next()?;
    let family = usize::from(matches!(c, '\'' | '‘' | '’' | '‚' | '‹' | '›'));
    let role = match c {
        '“' | '„' | '«' | '‘' | '‚' | '‹' => Role::Open,
        '”' | '»' | '’' | '›' => Role::Close,
        _ => {
            let before = text[..tok.span.start()].chars().next_back();
            match before {
                None => Role::Open,
                Some(b) if b.is_whitespace() || "([{—–-/".contains(b) => Role::Open,
                Some(b) if "\"“‘'".contains(b) => Role::Open,
                _ => Role::Close,
            }
        }
    };
    Some((family, role))
}

/// Every pair of quotation marks, ordered by opening mark.
pub(crate) fn pair_marks(text: &str, tokens: &[Token]) -> Vec<MarkPair> {
    let mut pairs = Vec::new();
    let mut open: [Option<usize>; 2] = [None, None];
    let mut paragraph = u32::MAX;
    for (i, tok) in tokens.iter().enumerate() {
        if tok.kind != TokenKind::Quote {
            continue;
        }
        if tok.paragraph != paragraph {
            paragraph = tok.paragraph;
            open = [None, None];
        }
        let Some((family, role)) = classify(text, tok) else {
            continue;
        };
        match (role, open[family]) {
            (Role::Close, Some(o)) => {
                open[family] = None;
                let start = tokens[o].span;
                pairs.push(MarkPair {
                    open: o,
                    close: i,
                    outer: Span::new(start.start(), tok.span.end()),
                    inner: Span::new(start.end(), tok.span.start().max(start.end())),
                });
            }
            (Role::Open, _) => open[family] = Some(i),
            (Role::Close, None) => {}
        }
    }
    pairs.sort_by_key(|p| p.open);
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::tokens_of;

    fn pairs(text: &str) -> Vec<String> {
        let toks = tokens_of(text);
        pair_marks(text, &toks)
            .iter()
            .map(|p| p.inner.slice(text).to_string())
            .collect()
    }

    #[test]
    fn pairs_straight_and_curly_marks() {
        assert_eq!(
            pairs("He called it \"a disgrace\" today."),
            vec!["a disgrace"]
        );
        assert_eq!(pairs("The “referendum” was held."), vec!["referendum"]);
    }

    #[test]
    fn nests_single_marks_inside_double_ones() {
        let got = pairs("\"This 'deal' is dead,\" she said.");
        assert_eq!(got.len(), 2);
        assert!(got.contains(&"deal".to_string()));
    }

    #[test]
    fn leaves_unclosed_marks_and_apostrophes_alone() {
        assert!(pairs("Russia's troops' positions \"moved.").is_empty());
    }
}
