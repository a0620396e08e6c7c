//! Organisations named by the words that describe them: an appositive noun before the name
//! ("the research firm Gartner", "the streaming service Hulu", "the chipmaker Arm"), a
//! medium noun after it ("Variety magazine", "Time magazine's"), a source phrase before it
//! ("according to Nielsen", "a survey by Kantar"), and social platforms ("posted on X").
//!
//! These only ever turn a piece into an organisation (see `context::refine`).

use storyline_lexicon::{is_entity_word, EntityClass};
/// Nouns that describe an organisation and stand right before its name: "the research firm
/// Gartner", "the trade publication Billboard", "the ratings agency Moody's".
pub(crate) fn is_org_descriptor(w: &str) -> bool {
    is_entity_word(EntityClass::OrgDescriptor, w) || (w.len() > 5 && w.ends_with("maker"))
}

/// Nouns right after a medium's name: "Variety magazine", "Time magazine's cover".
pub(crate) fn is_medium_noun(w: &str) -> bool {
    is_entity_word(EntityClass::MediumNoun, w)
}

/// Word pairs before a name that is the source of figures or a claim: "according to X",
/// "a survey by X", "figures from X".
pub(crate) fn is_source_cue(prev2: &str, prev: &str) -> bool {
    crate::context::is_pair(EntityClass::SourceCuePair, prev2, prev)
}

/// Verbs of posting before "on X": "wrote on X", "posted on Threads".
pub(crate) fn is_post_verb(w: &str) -> bool {
    is_entity_word(EntityClass::PostVerb, w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{has, kinds};
    use storyline_record::EntityType;

    #[test]
    fn word_classes() {
        assert!(is_org_descriptor("drugmaker"));
        assert!(!is_org_descriptor("maker"));
        assert!(is_source_cue("according", "to"));
    }

    #[test]
    fn culture_and_business_descriptors() {
        let got = kinds(
            "The single debuted at No. 2, according to the trade publication Pressfold, and \
             the research firm Quillon said streams rose. The streaming service Vantro lost \
             users, Lumen magazine reported, and the drugmaker Ostrava fell. Quillon said \
             more cuts were likely.",
        );
        for org in ["Pressfold", "Quillon", "Vantro", "Lumen", "Ostrava"] {
            assert!(has(&got, org, EntityType::Org), "{org}");
        }
        assert!(!has(&got, "Quillon", EntityType::Person));
    }

    #[test]
    fn sources_and_platforms() {
        let got = kinds(
            "Turnout fell, according to Brevik, a survey by Marlow showed. The mayor wrote \
             on X, formerly Twitter, that the council would act, and posted on Threads too.",
        );
        assert!(has(&got, "Brevik", EntityType::Org));
        assert!(has(&got, "Marlow", EntityType::Org));
        assert!(has(&got, "X", EntityType::Org));
        assert!(has(&got, "Twitter", EntityType::Org));
    }

    #[test]
    fn persons_stay_persons() {
        let got = kinds(
            "Coach Dana Brevik said the side was ready, according to Brevik. The company \
             founder, Ann Marlow, said a report by John Keel was wrong.",
        );
        assert!(has(&got, "Dana Brevik", EntityType::Person));
        assert!(!has(&got, "Brevik", EntityType::Org));
        assert!(has(&got, "John Keel", EntityType::Person));
        assert!(has(&got, "Ann Marlow", EntityType::Person));
    }

    #[test]
    fn one_name_one_type() {
        let got = kinds(
            "Shoppers cut back, data from Kestrom showed. Kestrom said spending fell. \
             \"It is tough,\" said Kestrom.",
        );
        assert!(has(&got, "Kestrom", EntityType::Org));
        assert!(!has(&got, "Kestrom", EntityType::Person));
    }
}
