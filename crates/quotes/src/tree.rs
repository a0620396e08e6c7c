//! The dependency parse of an article's token layer as a tree the attribution rules walk:
//! children of a token, the extent of a subtree, the tokens of a sentence.

use storyline_record::{Entity, EntityType, Span, Token};

/// Children lists over `article.tokens` (heads set by the syntax stage).
pub(crate) struct Tree<'a> {
    /// The token layer.
    pub tokens: &'a [Token],
    /// The article text its spans index.
    pub text: &'a str,
    /// `kids[first[i]..first[i + 1]]` are the children of token `i`, in text order.
    first: Vec<u32>,
    kids: Vec<u32>,
    /// Whether each token lies inside a mention of a person or an organisation (empty until
    /// [`Tree::with_names`]).
    names: Vec<bool>,
}

impl<'a> Tree<'a> {
    /// Indexes the heads of `tokens` (a counting sort: linear time).
    pub fn new(tokens: &'a [Token], text: &'a str) -> Tree<'a> {
        let n = tokens.len();
        let mut first = vec![0u32; n + 1];
        for t in tokens {
            if let Some(h) = t.head.filter(|&h| (h as usize) < n) {
                first[h as usize + 1] += 1;
            }
        }
        for i in 0..n {
            first[i + 1] += first[i];
        }
        let mut fill = first.clone();
        let mut kids = vec![0u32; first[n] as usize];
        for (i, t) in tokens.iter().enumerate() {
            if let Some(h) = t.head.filter(|&h| (h as usize) < n) {
                kids[fill[h as usize] as usize] = i as u32;
                fill[h as usize] += 1;
            }
        }
        Tree {
            tokens,
            text,
            first,
            kids,
            names: Vec::new(),
        }
    }

    /// Marks the tokens inside a mention of a person or an organisation of `entities`, so
    /// that a name the tagger misread (a surname tagged as an adverb at a sentence's start)
    /// still reads as one.
    pub fn with_names(mut self, entities: &[Entity]) -> Tree<'a> {
        let mut spans: Vec<Span> = entities
            .iter()
            .filter(|e| matches!(e.kind, EntityType::Person | EntityType::Org))
            .flat_map(|e| e.mentions.iter().copied())
            .collect();
        spans.sort_unstable_by_key(|s| (s.start(), s.end()));
        let mut m = 0;
        self.names = self
            .tokens
            .iter()
            .map(|t| {
                while m < spans.len() && spans[m].end() <= t.span.start() {
                    m += 1;
                }
                spans
                    .get(m)
                    .is_some_and(|s| s.start() <= t.span.start() && t.span.end() <= s.end())
            })
            .collect();
        self
    }

    /// Whether token `i` lies inside a mention of a person or an organisation.
    pub fn is_name(&self, i: usize) -> bool {
        self.names.get(i).copied().unwrap_or(false)
    }

    /// Whether the syntax stage has run (some token has a head).
    pub fn is_parsed(&self) -> bool {
        !self.kids.is_empty()
    }

    /// The children of token `i`, in text order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.kids[self.first[i] as usize..self.first[i + 1] as usize]
            .iter()
            .map(|&k| k as usize)
    }

    /// The relation of token `i` to its head ("nsubj", "acl:relcl").
    pub fn rel(&self, i: usize) -> &'static str {
        self.tokens[i].deprel.name()
    }

    /// The head of token `i`, if it has one.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.tokens[i]
            .head
            .map(|h| h as usize)
            .filter(|&h| h < self.tokens.len())
    }

    /// The heads above token `i`, nearest first: at most `n` of them, fewer below the root.
    pub fn ancestors(&self, i: usize, n: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.head(i), move |&h| self.head(h)).take(n)
    }

    /// The children of `i` with relation `rel` (exactly, subtype included).
    pub fn children_with<'s>(&'s self, i: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children(i).filter(move |&k| self.rel(k) == rel)
    }

    /// First and last token of the subtree of `i`, leaving out the subtrees of children whose
    /// relation `skip` rejects (relative clauses of a subject, say). Bounded by the sentence.
    pub fn extent(&self, i: usize, skip: impl Fn(&str) -> bool) -> (usize, usize) {
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        let sentence = self.tokens[i].sentence;
        while let Some(t) = stack.pop() {
            for k in self.children(t) {
                if skip(self.rel(k)) || self.tokens[k].sentence != sentence {
                    continue;
                }
                lo = lo.min(k);
                hi = hi.max(k);
                stack.push(k);
            }
        }
        (lo, hi)
    }

    /// First and last token of the sentence of token `i`.
    pub fn sentence(&self, i: usize) -> (usize, usize) {
        let s = self.tokens[i].sentence;
        let mut lo = i;
        while lo > 0 && self.tokens[lo - 1].sentence == s {
            lo -= 1;
        }
        let mut hi = i;
        while hi + 1 < self.tokens.len() && self.tokens[hi + 1].sentence == s {
            hi += 1;
        }
        (lo, hi)
    }

    /// Byte span from the start of token `lo` to the end of token `hi`.
    pub fn span(&self, lo: usize, hi: usize) -> Span {
        Span::new(self.tokens[lo].span.start(), self.tokens[hi].span.end())
    }

    /// Whether token `i` is punctuation or a quotation mark.
    pub fn is_punct(&self, i: usize) -> bool {
        !self.tokens[i].norm.chars().any(char::is_alphanumeric)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::testing::parsed;

    #[test]
    fn children_and_extents_follow_the_parse() {
        let a = parsed("The old mayor, who resigned, said the road was closed.");
        let tree = Tree::new(&a.tokens, &a.text);
        assert!(tree.is_parsed());
        let said = a.tokens.iter().position(|t| t.norm == "said").unwrap();
        let subj = tree.children_with(said, "nsubj").next().unwrap();
        assert_eq!(a.tokens[subj].norm, "mayor");
        let (lo, hi) = tree.extent(subj, |r| r == "acl:relcl" || r == "punct");
        assert_eq!(tree.span(lo, hi).slice(&a.text), "The old mayor");
        assert_eq!(tree.sentence(said), (0, a.tokens.len() - 1));
    }

    #[test]
    fn unparsed_tokens_make_an_empty_tree() {
        let tokens = storyline_segment::tokenize("He said so.");
        let tree = Tree::new(&tokens, "He said so.");
        assert!(!tree.is_parsed());
        assert_eq!(tree.children(0).count(), 0);
    }
}
