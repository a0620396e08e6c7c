//! Speakers resolved from phrases and pronouns, on texts of our own.

use super::*;
use crate::tok::with_page;

fn entity(text: &str, name: &str, kind: EntityType, surface: &str) -> Entity {
    Entity {
        name: name.into(),
        kind,
        aliases: vec![],
        role: None,
        mentions: text
            .match_indices(surface)
            .map(|(i, _)| Span::new(i, i + surface.len()))
            .collect(),
    }
}

/// Resolves the phrase `phrase` (its last occurrence in `text`).
fn resolve(text: &str, entities: &[Entity], phrase: &str) -> Option<String> {
    let at = text.rfind(phrase)?;
    with_page(text, |page| {
        let toks = page.words(at, at + phrase.len());
        Resolver::new(text, &[], entities, Vec::new())
            .resolve_phrase(&toks, &[])
            .map(|s| s.name)
    })
}

#[test]
fn nationality_epithets_refer_back() {
    let text = "Coach Arne Slot praised his side. The Dutchman told reporters it was fine.";
    let e = entity(text, "Arne Slot", EntityType::Person, "Arne Slot");
    assert_eq!(
        resolve(text, std::slice::from_ref(&e), "The Dutchman").as_deref(),
        Some("Arne Slot")
    );
    let text = "Rafael Nadal won in Paris. The Spaniard said he was tired.";
    let e = entity(text, "Rafael Nadal", EntityType::Person, "Rafael Nadal");
    assert_eq!(
        resolve(text, &[e], "The Spaniard").as_deref(),
        Some("Rafael Nadal")
    );
}

#[test]
fn a_place_after_a_preposition_qualifies_the_speaker() {
    let text = "Talks began in Britain. China's ambassador to Britain warned of unrest.";
    let e = [
        entity(text, "China", EntityType::Place, "China"),
        entity(text, "United Kingdom", EntityType::Place, "Britain"),
    ];
    let got = resolve(text, &e, "China's ambassador to Britain");
    assert_eq!(got.as_deref(), Some("China's ambassador"));
    // Only a preposition a place follows qualifies: "for Disease Control" does not.
    let text = "Cases rose in the US. The Centre for Disease Control in the US said so.";
    let e = [entity(text, "United States", EntityType::Place, "US")];
    let got = resolve(text, &e, "The Centre for Disease Control in the US");
    assert!(got.is_some_and(|n| n.contains("Disease Control")));
}

#[test]
fn he_or_she_is_a_name_or_a_role_not_any_phrase() {
    assert!(super::personal_phrase("Hawk Sawyer"));
    assert!(super::personal_phrase("the police spokesman"));
    assert!(super::personal_phrase("a spokeswoman"));
    assert!(!super::personal_phrase(
        "significant staffing shortages Tuesday"
    ));
    assert!(!super::personal_phrase("The script"));
}

#[test]
fn she_skips_a_known_man() {
    let text = "Angela Ruiz met John Park. she said";
    let e = [
        entity(text, "Angela Ruiz", EntityType::Person, "Angela Ruiz"),
        entity(text, "John Park", EntityType::Person, "John Park"),
    ];
    assert_eq!(resolve(text, &e, "she").as_deref(), Some("Angela Ruiz"));
    assert_eq!(resolve(text, &e, "John Park").as_deref(), Some("John Park"));
}

#[test]
fn a_speaker_outranks_the_other_names_of_its_sentence() {
    let he = |text: &str| {
        let e = [
            entity(text, "Jack Scarola", EntityType::Person, "Jack Scarola"),
            entity(
                text,
                "Jeffrey Epstein",
                EntityType::Person,
                "Jeffrey Epstein",
            ),
        ];
        let scarola = Speaker {
            name: "Jack Scarola".into(),
            span: Some(e[0].mentions[0]),
            entity: Some(0),
            at: 0,
            gender: None,
        };
        let mut r = Resolver::new(text, &[], &e, Vec::new());
        let at = text.rfind("he said").unwrap_or(0);
        r.resolve_pronoun(Pronoun::Male, at, &[scarola])
            .map(|s| s.name)
    };
    let same = "Jack Scarola, who represents Jeffrey Epstein's accusers, said so. he said";
    assert_eq!(he(same).as_deref(), Some("Jack Scarola"));
    let later = "Jack Scarola said so. Jeffrey Epstein arrived. he said";
    assert_eq!(he(later).as_deref(), Some("Jeffrey Epstein"));
}

#[test]
fn it_means_an_organisation() {
    let text = "Ofgem fined Thames Water on Monday, and Jo Smith spoke. it said";
    let e = [
        entity(text, "Thames Water", EntityType::Org, "Thames Water"),
        entity(text, "Jo Smith", EntityType::Person, "Jo Smith"),
    ];
    assert_eq!(resolve(text, &e, "it").as_deref(), Some("Thames Water"));
}

#[test]
fn possessive_roles_keep_the_role_with_a_canonical_owner() {
    let text = "Mayor Lena Ortiz spoke. Ortiz's deputy said";
    let mut e = entity(text, "Lena Ortiz", EntityType::Person, "Ortiz");
    e.mentions[0] = Span::new(e.mentions[0].start() - "Lena ".len(), e.mentions[0].end());
    assert_eq!(
        resolve(text, &[e], "Ortiz's deputy").as_deref(),
        Some("Lena Ortiz's deputy")
    );
}

#[test]
fn role_anaphors_find_their_entity() {
    let text = "Shares in Rolls-Royce rose. the company said";
    let e = [entity(text, "Rolls-Royce", EntityType::Org, "Rolls-Royce")];
    assert_eq!(
        resolve(text, &e, "the company").as_deref(),
        Some("Rolls-Royce")
    );
    assert_eq!(
        resolve("a police spokeswoman said", &[], "a police spokeswoman").as_deref(),
        Some("a police spokeswoman")
    );
}

#[test]
fn a_person_before_an_appositive_speaks() {
    let text = "Eswar Prasad, a professor at Cornell, said";
    let e = [
        entity(text, "Eswar Prasad", EntityType::Person, "Eswar Prasad"),
        entity(text, "Cornell", EntityType::Person, "Cornell"),
    ];
    let phrase = "Eswar Prasad, a professor at Cornell";
    assert_eq!(resolve(text, &e, phrase).as_deref(), Some("Eswar Prasad"));
    let role = "Marco Villa, the company's chief operating officer, said";
    let e = [entity(
        role,
        "Marco Villa",
        EntityType::Person,
        "Marco Villa",
    )];
    let phrase = "Marco Villa, the company's chief operating officer";
    assert_eq!(resolve(role, &e, phrase).as_deref(), Some("Marco Villa"));
    let son = "Joe Biden's son Hunter Biden said";
    let e = [
        entity(son, "Joe Biden", EntityType::Person, "Joe Biden"),
        entity(son, "Hunter Biden", EntityType::Person, "Hunter Biden"),
    ];
    let phrase = "Joe Biden's son Hunter Biden";
    assert_eq!(resolve(son, &e, phrase).as_deref(), Some("Hunter Biden"));
    let lawyer = "An attorney for Bryan Pagliano, Mark MacDougall, said";
    let e = [
        entity(
            lawyer,
            "Bryan Pagliano",
            EntityType::Person,
            "Bryan Pagliano",
        ),
        entity(
            lawyer,
            "Mark MacDougall",
            EntityType::Person,
            "Mark MacDougall",
        ),
    ];
    let phrase = "An attorney for Bryan Pagliano, Mark MacDougall";
    assert_eq!(
        resolve(lawyer, &e, phrase).as_deref(),
        Some("Mark MacDougall")
    );
    let like = "Democratic candidate Hillary Clinton, like Barack Obama, has said";
    let e = [
        entity(
            like,
            "Hillary Clinton",
            EntityType::Person,
            "Hillary Clinton",
        ),
        entity(like, "Barack Obama", EntityType::Person, "Barack Obama"),
    ];
    let phrase = "Democratic candidate Hillary Clinton, like Barack Obama";
    assert_eq!(
        resolve(like, &e, phrase).as_deref(),
        Some("Hillary Clinton")
    );
}

#[test]
fn unknown_names_lose_their_titles() {
    assert_eq!(
        resolve("Coach Sam Ode said", &[], "Coach Sam Ode").as_deref(),
        Some("Sam Ode")
    );
    assert_eq!(
        resolve("the report said", &[], "the report").as_deref(),
        Some("the report")
    );
}

/// Resolves the phrase `phrase` (its last occurrence in `text`) with the shipped models'
/// parse of the text, as the pipeline does.
fn resolve_parsed(text: &str, entities: &[Entity], phrase: &str) -> Option<String> {
    let a = crate::attribution::testing::parsed(text);
    let at = text.rfind(phrase)?;
    let page = crate::tok::Page {
        text,
        tokens: &a.tokens,
    };
    let toks = page.words(at, at + phrase.len());
    Resolver::new(text, &a.tokens, entities, Vec::new())
        .resolve_phrase(&toks, &[])
        .map(|s| s.name)
}

#[test]
fn a_pronoun_goes_to_the_most_prominent_person_not_the_latest_name() {
    let people = |text: &str, names: &[&str]| -> Vec<Entity> {
        names
            .iter()
            .map(|n| entity(text, n, EntityType::Person, n))
            .collect()
    };
    // A subject outweighs a name in a phrase after it.
    let text = "Mark Lee spoke after a meeting with Paul Green. He said the talks went well.";
    let e = people(text, &["Mark Lee", "Paul Green"]);
    assert_eq!(resolve_parsed(text, &e, "He").as_deref(), Some("Mark Lee"));
    // The person the text goes on calling "he" stays prominent.
    let text = "John Smith was recruited by Peter Brown in 1776. He arrived in 1777 and served \
                with Paul Green. He was commissioned in 1779.";
    let e = people(text, &["John Smith", "Peter Brown", "Paul Green"]);
    assert_eq!(
        resolve_parsed(text, &e, "He").as_deref(),
        Some("John Smith")
    );
    // Without a parse, the latest compatible name.
    assert_eq!(resolve(text, &e, "He").as_deref(), Some("Paul Green"));
}

#[test]
fn he_or_she_is_neither_the_writer_nor_a_group() {
    assert!(!personal_phrase("I"));
    assert!(!personal_phrase("we"));
    assert!(!personal_phrase("his parents"));
    assert!(!personal_phrase("officials"));
    assert!(personal_phrase("the spokesman"));
    assert!(personal_phrase("a spokeswoman"));
    assert!(personal_phrase("Hawk Sawyer"));
}
