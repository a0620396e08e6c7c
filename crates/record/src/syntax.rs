//! The grammatical layer of a token: universal and treebank part-of-speech tags and dependency
//! relations, as closed inventories (Universal Dependencies v2 as used by UD English EWT and GUM).
//!
//! Tags are one byte each so that a token stays small; [`Upos::name`], [`Xpos::name`] and
//! [`Deprel::name`] give the names CoNLL-U uses, and `parse` reads them back.
//!
//! ```
//! use storyline_record::{Deprel, Upos, Xpos};
//! assert_eq!(Upos::parse("PROPN"), Some(Upos::Propn));
//! assert_eq!(Xpos::parse("NNP").unwrap().name(), "NNP");
//! assert_eq!(Deprel::parse("nsubj:pass").unwrap().name(), "nsubj:pass");
//! assert_eq!(Deprel::parse("nsubj:pass").unwrap().universal(), "nsubj");
//! ```

macro_rules! closed_set {
    ($(#[$doc:meta])* $name:ident, $table:ident, [$($s:literal),* $(,)?]) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u8);

        const $table: &[&str] = &[$($s),*];

        impl $name {
            /// Every member, in inventory order.
            pub fn all() -> impl Iterator<Item = $name> {
                (0..$table.len()).map(|i| $name(i as u8))
            }
            /// The member named `s` exactly, if the inventory has it.
            pub fn parse(s: &str) -> Option<$name> {
                $table.iter().position(|&t| t == s).map(|i| $name(i as u8))
            }
            /// Its name as CoNLL-U writes it.
            pub fn name(self) -> &'static str {
                $table[self.0 as usize]
            }
            /// Its position in the inventory (stable: models store it).
            pub fn index(self) -> usize {
                self.0 as usize
            }
            /// The member at `index`, if any.
            pub fn from_index(index: usize) -> Option<$name> {
                (index < $table.len()).then_some($name(index as u8))
            }
            /// Size of the inventory.
            pub fn count() -> usize {
                $table.len()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

closed_set!(
    /// A Universal Dependencies part-of-speech tag (the 17 UPOS tags).
    UposTag,
    UPOS,
    [
        "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
        "PUNCT", "SCONJ", "SYM", "VERB", "X"
    ]
);

/// Short alias: the universal part-of-speech tag.
pub type Upos = UposTag;

#[allow(non_upper_case_globals)]
impl UposTag {
    /// Adjective.
    pub const Adj: Upos = UposTag(0);
    /// Adposition.
    pub const Adp: Upos = UposTag(1);
    /// Adverb.
    pub const Adv: Upos = UposTag(2);
    /// Auxiliary.
    pub const Aux: Upos = UposTag(3);
    /// Coordinating conjunction.
    pub const Cconj: Upos = UposTag(4);
    /// Determiner.
    pub const Det: Upos = UposTag(5);
    /// Interjection.
    pub const Intj: Upos = UposTag(6);
    /// Noun.
    pub const Noun: Upos = UposTag(7);
    /// Numeral.
    pub const Num: Upos = UposTag(8);
    /// Particle.
    pub const Part: Upos = UposTag(9);
    /// Pronoun.
    pub const Pron: Upos = UposTag(10);
    /// Proper noun.
    pub const Propn: Upos = UposTag(11);
    /// Punctuation.
    pub const Punct: Upos = UposTag(12);
    /// Subordinating conjunction.
    pub const Sconj: Upos = UposTag(13);
    /// Symbol.
    pub const Sym: Upos = UposTag(14);
    /// Verb.
    pub const Verb: Upos = UposTag(15);
    /// Other.
    pub const X: Upos = UposTag(16);
}

impl Default for UposTag {
    fn default() -> Self {
        UposTag::X
    }
}

closed_set!(
    /// A Penn Treebank tag as UD English EWT and GUM write it in the XPOS column.
    Xpos,
    XPOS,
    [
        "$", "''", ",", "-LRB-", "-RRB-", ".", ":", "ADD", "AFX", "CC", "CD", "DT", "EX", "FW",
        "GW", "HYPH", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NFP", "NN", "NNP", "NNPS", "NNS",
        "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD",
        "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "XX", "``"
    ]
);

impl Default for Xpos {
    fn default() -> Self {
        Xpos::parse("XX").expect("XX is in the inventory")
    }
}

closed_set!(
    /// A Universal Dependencies relation, with the English subtypes EWT and GUM use.
    Deprel,
    DEPREL,
    [
        "dep", "acl", "acl:relcl", "advcl", "advcl:relcl", "advmod", "amod", "appos", "aux",
        "aux:pass", "case", "cc", "cc:preconj", "ccomp", "clf", "compound", "compound:prt",
        "conj", "cop", "csubj", "csubj:outer", "csubj:pass", "det", "det:predet", "discourse",
        "dislocated", "expl", "fixed", "flat", "goeswith", "iobj", "list", "mark", "nmod",
        "nmod:desc", "nmod:poss", "nmod:unmarked", "nsubj", "nsubj:outer", "nsubj:pass",
        "nummod", "obj", "obl", "obl:agent", "obl:unmarked", "orphan", "parataxis", "punct",
        "reparandum", "root", "vocative", "xcomp", "det:poss", "nmod:tmod", "nmod:npmod",
        "obl:tmod", "obl:npmod", "flat:foreign", "expl:pv", "compound:lvc"
    ]
);

impl Deprel {
    /// The universal part of the relation, before any `:` subtype.
    pub fn universal(self) -> &'static str {
        let name = self.name();
        name.split(':').next().unwrap_or(name)
    }

    /// The relation named `s`, or its universal part when the subtype is not in the
    /// inventory (`obl:foo` reads as `obl`); `None` when neither is known.
    pub fn parse_lenient(s: &str) -> Option<Deprel> {
        Deprel::parse(s).or_else(|| Deprel::parse(s.split(':').next().unwrap_or(s)))
    }

    /// `root`.
    pub fn root() -> Deprel {
        Deprel::parse("root").expect("root is in the inventory")
    }
}

/// `dep`, the unspecified relation.
impl Default for Deprel {
    #[allow(clippy::derivable_impls)] // the struct comes from a macro shared with other sets
    fn default() -> Self {
        Deprel(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inventories_round_trip_and_have_no_duplicates() {
        for t in Upos::all() {
            assert_eq!(Upos::parse(t.name()), Some(t));
        }
        for t in Xpos::all() {
            assert_eq!(Xpos::parse(t.name()), Some(t));
        }
        for t in Deprel::all() {
            assert_eq!(Deprel::parse(t.name()), Some(t));
        }
        assert_eq!(Upos::Verb.name(), "VERB");
        assert_eq!(Upos::count(), 17);
    }

    #[test]
    fn unknown_subtypes_fall_back_to_the_universal_relation() {
        assert_eq!(Deprel::parse_lenient("obl:foo").unwrap().name(), "obl");
        assert!(Deprel::parse_lenient("nonsense").is_none());
        assert_eq!(Deprel::root().universal(), "root");
    }
}
