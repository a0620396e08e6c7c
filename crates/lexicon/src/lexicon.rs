//! The [`Lexicon`]: every gazetteer and word list behind one typed, read-only API.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use crate::entity_words::{is_entity_word, EntityClass};
use crate::lists::WordList;
use crate::load::{capitalised, fold, rows, with_lower, words};

/// What kind of place a gazetteer name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A sovereign state or dependent territory ("Ukraine", "Britain").
    Country,
    /// A city or town ("Moscow", "Springfield").
    City,
    /// A region, state, province or nation within a country ("Crimea", "Texas", "Wales").
    Region,
    /// A continent ("Europe").
    Continent,
    /// A named geographic feature: sea, river, mountain range ("Black Sea", "Alps").
    Feature,
    /// A named site: a stadium, street, square or building ("Anfield", "Maple Street").
    Site,
}

/// A gazetteer entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Its kind.
    pub kind: PlaceKind,
    /// The canonical name of the place ("UK" and "Britain" → "United Kingdom").
    pub canonical: &'static str,
    /// Whether the name is also a common English word ("Reading", "Bath"): trust it only
    /// where capitalisation means something, i.e. not at a sentence start.
    pub common_word: bool,
}

/// The likely sex of a given name's bearers, as a hint for resolving "he" and "she".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Mostly men ("Sergey", "John").
    Male,
    /// Mostly women ("Liz", "Angela").
    Female,
}

/// What an attributing verb reports (`data/attribution_cues.tsv`, column 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// Words said or written ("say", "warn", "tweet").
    Speech,
    /// A belief, hope or piece of knowledge ("believe", "hope", "know").
    Thought,
}

/// The shipped gazetteers and word lists, parsed once.
///
/// Multi-word names ("United States of America", "Sky News") are stored with single spaces
/// between words; callers join tokens the same way before looking them up.
#[derive(Debug)]
pub struct Lexicon {
    places: FxHashMap<&'static str, Place>,
    orgs: FxHashMap<&'static str, &'static str>,
    given: FxHashMap<&'static str, Gender>,
    demonyms: FxHashMap<&'static str, Option<&'static str>>,
    /// Demonyms lower-cased, for case-blind [`Lexicon::country_of_demonym`].
    demonyms_lower: FxHashMap<String, &'static str>,
    titles: WordList,
    role_nouns: WordList,
    org_words: WordList,
    org_heads: WordList,
    not_names: WordList,
    cue_verbs: WordList,
    attribution_cues: WordList,
    /// Class and to-infinitive flag of each attribution cue lemma.
    attribution_cue_kinds: FxHashMap<&'static str, (CueClass, bool)>,
    /// The fourth column of `attribution_cues.tsv`, where a verb reports a noun phrase.
    attribution_cue_objects: FxHashMap<&'static str, &'static str>,
    place_words: WordList,
    non_entity_words: WordList,
    common_words: WordList,
    role_modifiers: WordList,
    sport_words: WordList,
    abbreviations_leading: WordList,
    abbreviations_trailing: WordList,
    abbreviations_numbered: WordList,
    sentence_openers: WordList,
    /// Places by case- and accent-folded name ("porto alegre", "sao paulo").
    folded: FxHashMap<String, Place>,
    /// Well-known leaders by surname.
    leaders: FxHashMap<&'static str, &'static str>,
    /// Short names of sports clubs.
    clubs: FxHashMap<&'static str, &'static str>,
    /// For each first word of a multi-word place or organisation, its largest word count.
    multi: FxHashMap<&'static str, usize>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

/// How a listed abbreviation behaves at a possible sentence end (`data/abbreviations.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    /// Sits before what it qualifies (titles, months, "e.g."): never ends a sentence.
    Leading,
    /// May close a sentence ("Inc.", "Ill."): ends one only before a sentence opener.
    Trailing,
    /// An abbreviation only before a number ("No. 10"); otherwise a word ("no").
    BeforeNumber,
}

/// The abbreviations of one class of `data/abbreviations.tsv`, as the list
/// `abbreviations.CLASS`.
fn abbreviations(class: &'static str) -> WordList {
    let name = match class {
        "leading" => "abbreviations.leading",
        "trailing" => "abbreviations.trailing",
        _ => "abbreviations.numbered",
    };
    let rows = rows(include_str!("../data/abbreviations.tsv"));
    WordList::new(
        name,
        rows.filter(|r| r.get(1) == Some(&class))
            .filter_map(|r| r.first().copied()),
    )
}

/// The rows of `data/attribution_cues.tsv`: each lemma with its class and whether it also
/// reports a to-infinitive.
fn attribution_rows() -> impl Iterator<Item = (&'static str, (CueClass, bool))> {
    rows(include_str!("../data/attribution_cues.tsv")).filter_map(|r| match r[..] {
        [lemma, class, infinitive, ..] => {
            let class = if class == "thought" {
                CueClass::Thought
            } else {
                CueClass::Speech
            };
            Some((lemma, (class, infinitive == "yes")))
        }
        _ => None,
    })
}

fn place_kind(code: &str) -> Option<(PlaceKind, bool)> {
    Some(match code {
        "country" => (PlaceKind::Country, false),
        "city" | "place" => (PlaceKind::City, false),
        "city?" => (PlaceKind::City, true),
        "region" => (PlaceKind::Region, false),
        "continent" => (PlaceKind::Continent, false),
        "feature" => (PlaceKind::Feature, false),
        "site" => (PlaceKind::Site, false),
        _ => return None,
    })
}

impl Lexicon {
    /// The shared lexicon, parsed on first use (a few milliseconds) and kept for the process.
    pub fn get() -> &'static Lexicon {
        &LEXICON
    }

    fn build() -> Lexicon {
        let mut places = FxHashMap::default();
        // Curated regions and short forms come first so that they win over generated rows.
        for data in [
            include_str!("../data/regions.tsv"),
            include_str!("../data/venues.tsv"),
            include_str!("../data/places.tsv"),
            include_str!("../data/admin1.tsv"),
        ] {
            for r in rows(data) {
                if let [name, kind, canon, ..] = r[..] {
                    if let Some((kind, common_word)) = place_kind(kind) {
                        places.entry(name).or_insert(Place {
                            kind,
                            canonical: canon,
                            common_word,
                        });
                    }
                }
            }
        }
        let mut orgs: FxHashMap<_, _> = rows(include_str!("../data/orgs.tsv"))
            .filter_map(|r| match r[..] {
                [name, canon, ..] => Some((name, canon)),
                _ => None,
            })
            .collect();
        for (name, canon) in crate::domains::outlet_name_forms() {
            orgs.entry(name).or_insert(canon);
        }
        let mut given = FxHashMap::default();
        for data in [
            include_str!("../data/given_names_extra.tsv"),
            include_str!("../data/given_names.tsv"),
        ] {
            for r in rows(data) {
                if let [name, g, ..] = r[..] {
                    let g = if g == "f" {
                        Gender::Female
                    } else {
                        Gender::Male
                    };
                    given.entry(name).or_insert(g);
                }
            }
        }
        let demonyms = rows(include_str!("../data/demonyms.tsv"))
            .filter_map(|r| {
                let name = *r.first()?;
                let country = r.get(1).copied().filter(|c| !c.is_empty());
                Some((name, country))
            })
            .collect::<FxHashMap<_, _>>();
        let demonyms_lower = demonyms
            .iter()
            .filter_map(|(d, c)| Some((d.to_lowercase(), (*c)?)))
            .collect();
        let mut folded = FxHashMap::default();
        for (name, place) in &places {
            // The spelling without accents wins ("Chandigarh" over "Chandīgarh"), so that a
            // dateline in capitals names the place as the body spells it.
            let plain = place.canonical.is_ascii();
            folded
                .entry(fold(name))
                .and_modify(|p: &mut Place| {
                    if plain && !p.canonical.is_ascii() {
                        *p = *place;
                    }
                })
                .or_insert(*place);
        }
        let pairs = |data: &'static str| -> FxHashMap<&'static str, &'static str> {
            rows(data)
                .filter_map(|r| match r[..] {
                    [name, value, ..] => Some((name, value)),
                    _ => None,
                })
                .collect()
        };
        let mut multi: FxHashMap<&'static str, usize> = FxHashMap::default();
        for name in places.keys().chain(orgs.keys()) {
            let n = name.split(' ').count();
            if n > 1 {
                if let Some(first) = name.split(' ').next() {
                    let e = multi.entry(first).or_insert(0);
                    *e = (*e).max(n);
                }
            }
        }
        Lexicon {
            places,
            orgs,
            given,
            demonyms,
            demonyms_lower,
            titles: WordList::new("titles", words(include_str!("../data/titles.txt"))),
            role_nouns: WordList::new("role_nouns", words(include_str!("../data/role_nouns.txt"))),
            org_words: WordList::new("org_words", words(include_str!("../data/org_words.txt"))),
            org_heads: WordList::new("org_heads", words(include_str!("../data/org_heads.txt"))),
            not_names: WordList::new("not_names", words(include_str!("../data/not_names.txt"))),
            cue_verbs: WordList::new("cue_verbs", words(include_str!("../data/cue_verbs.txt"))),
            attribution_cues: WordList::new(
                "attribution_cues",
                attribution_rows().map(|(lemma, _)| lemma),
            ),
            attribution_cue_kinds: attribution_rows().collect(),
            attribution_cue_objects: rows(include_str!("../data/attribution_cues.tsv"))
                .filter_map(|r| Some((*r.first()?, *r.get(3)?)))
                .collect(),
            place_words: WordList::new(
                "place_words",
                words(include_str!("../data/place_words.txt")),
            ),
            non_entity_words: WordList::new(
                "non_entity_words",
                words(include_str!("../data/non_entity_words.txt")),
            ),
            common_words: WordList::new(
                "common_words",
                words(include_str!("../data/common_words.txt")),
            ),
            role_modifiers: WordList::new(
                "role_modifiers",
                words(include_str!("../data/role_modifiers.txt")),
            ),
            folded,
            sport_words: WordList::new(
                "sport_words",
                words(include_str!("../data/sport_words.txt")),
            ),
            abbreviations_leading: abbreviations("leading"),
            abbreviations_trailing: abbreviations("trailing"),
            abbreviations_numbered: abbreviations("numbered"),
            sentence_openers: WordList::new(
                "sentence_openers",
                words(include_str!("../data/sentence_openers.txt")),
            ),
            leaders: pairs(include_str!("../data/leaders.tsv")),
            clubs: pairs(include_str!("../data/clubs.tsv")),
            multi,
        }
    }

    /// The gazetteer entry for a place name as written ("Kiev", "U.S.", "Black Sea").
    pub fn place(&self, name: &str) -> Option<Place> {
        self.places.get(name).copied()
    }

    /// The gazetteer entry for a place name in any case and with or without accents
    /// ("PORTO ALEGRE", "Sao Paulo"): for datelines and copy that drops diacritics.
    pub fn place_folded(&self, name: &str) -> Option<Place> {
        self.place(name)
            .or_else(|| self.folded.get(&fold(name)).copied())
    }

    /// The full name of a well-known head of state, government or international body
    /// written by surname alone ("Putin" → "Vladimir Putin").
    pub fn leader(&self, surname: &str) -> Option<&'static str> {
        self.leaders.get(surname).copied()
    }

    /// The canonical name of a sports club written by its short name ("Spurs" → "Tottenham
    /// Hotspur", "Liverpool" → "Liverpool"): a club only in sports copy, where context says so.
    pub fn club(&self, name: &str) -> Option<&'static str> {
        self.clubs.get(name).copied()
    }

    /// Whether lower-case `word` marks sports copy ("striker", "goalless", "innings").
    pub fn is_sport_word(&self, word: &str) -> bool {
        self.sport_words.contains(word)
    }

    /// The kind of place `name` denotes, if the gazetteer knows it.
    pub fn place_kind(&self, name: &str) -> Option<PlaceKind> {
        self.place(name).map(|p| p.kind)
    }

    /// The canonical name of a well-known organisation, outlet or agency written as `name`
    /// ("OSCE" → "Organization for Security and Cooperation in Europe", "Kremlin" → "Kremlin").
    pub fn org(&self, name: &str) -> Option<&'static str> {
        self.orgs.get(name).copied()
    }

    /// Whether `word` is a known given name (any case: "Sergey", "LIZ").
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_name_gender(word).is_some()
    }

    /// The likely sex of the bearers of given name `word`, if it is a known given name.
    pub fn given_name_gender(&self, word: &str) -> Option<Gender> {
        let found = with_lower(word, |w| self.given.get(w).copied());
        if found.is_some() || !word.contains('-') {
            return found;
        }
        // "Anne-Marie", "Jean-Pierre": every part a given name; the first one gives the sex.
        let mut parts = word.split('-');
        let first = parts
            .next()
            .and_then(|p| with_lower(p, |w| self.given.get(w).copied()));
        let rest = parts.all(|p| with_lower(p, |w| self.given.contains_key(w)));
        first.filter(|_| rest)
    }

    /// Whether `word` is a demonym or similar capitalised adjective ("Russian", "British",
    /// "Western", "Republican"): such words are never places or entities by themselves.
    pub fn is_demonym(&self, word: &str) -> bool {
        // Plurals name peoples, never one entity ("Americans", "Ukrainians").
        self.demonyms.contains_key(word)
            || word
                .strip_suffix('s')
                .is_some_and(|w| self.demonyms.contains_key(w))
    }

    /// The canonical place a demonym refers to, in any case ("Ukrainian" or "ukrainian" →
    /// "Ukraine").
    pub fn country_of_demonym(&self, word: &str) -> Option<&'static str> {
        match self.demonyms.get(word) {
            Some(c) => *c,
            None => with_lower(word, |w| self.demonyms_lower.get(w).copied()),
        }
    }

    /// Whether `word`, last in a capitalised name, marks an organisation ("Ministry", "FC").
    pub fn is_org_word(&self, word: &str) -> bool {
        self.org_words.contains(word)
    }

    /// Whether `word`, first in a capitalised name, marks an organisation whose name may run
    /// on through "of", "for", "and" ("University" of Oxford, "Ministry" of Defence).
    pub fn is_org_head(&self, word: &str) -> bool {
        self.org_heads.contains(word)
    }

    /// Whether capitalised `word` belongs to a title or role before a name ("Minister",
    /// "Secretary-General", "Dr.").
    pub fn is_title_word(&self, word: &str) -> bool {
        // A compound of titles is one ("Lieutenant-Colonel", "Attorney-General"), as is a
        // title after its modifiers ("Rear-Admiral", "Vice-Chancellor", "Ex-Senator").
        let title =
            |part: &str| self.titles.contains(part) || self.titles.contains(&capitalised(part));
        let modifier = |part: &str| is_entity_word(EntityClass::TitleModifier, &capitalised(part));
        self.titles.contains(word)
            || word.rsplit_once('-').is_some_and(|(front, last)| {
                title(last)
                    && front
                        .split('-')
                        .all(|part| !part.is_empty() && (title(part) || modifier(part)))
            })
    }

    /// Whether lower-case `word` is a role noun that can stand before a name ("coach",
    /// "spokesman", "striker").
    pub fn is_role_noun(&self, word: &str) -> bool {
        with_lower(word, |w| self.role_nouns.contains(w))
    }

    /// Whether capitalised `word` can never be a name by itself: function words and sentence
    /// openers ("The", "Meanwhile"), months, weekdays, holidays, common acronyms ("CEO").
    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(word)
    }

    /// Whether `word` is a speech verb that marks its subject as a speaker ("said", "told").
    pub fn is_cue_verb(&self, word: &str) -> bool {
        with_lower(word, |w| self.cue_verbs.contains(w))
    }

    /// Whether lemma `lemma` is a verb that attributes a reported clause to its subject
    /// ("say", "warn", "believe"): its class, and whether it also reports a to-infinitive
    /// ("promised to resign").
    pub fn attribution_cue(&self, lemma: &str) -> Option<(CueClass, bool)> {
        with_lower(lemma, |w| {
            if !self.attribution_cues.contains(w) {
                return None;
            }
            self.attribution_cue_kinds.get(w).copied()
        })
    }

    /// Where attribution cue `lemma` reports a noun phrase instead of a clause: `"obj"` for
    /// its direct object ("denied the report"), a preposition for the phrase it heads
    /// ("called for a ban": `"for"`); `None` when it reports clauses only.
    pub fn attribution_cue_object(&self, lemma: &str) -> Option<&'static str> {
        with_lower(lemma, |w| self.attribution_cue_objects.get(w).copied())
    }

    /// Whether `word`, last in a capitalised name, makes it a place ("River", "Province").
    pub fn is_place_word(&self, word: &str) -> bool {
        self.place_words.contains(word)
    }

    /// Whether `word`, last in a capitalised name, makes it something that is not a person,
    /// organisation or place ("Cold War", "Paris Agreement", "World Cup").
    pub fn is_non_entity_word(&self, word: &str) -> bool {
        self.non_entity_words.contains(word)
    }

    /// Whether `word`, lower-cased, is a common English word ("claims", "possible", "brown"):
    /// a capitalised run made only of such words is rarely a person's name.
    pub fn is_common_word(&self, word: &str) -> bool {
        with_lower(word, |w| self.common_words.contains(w))
    }

    /// How `word` (written without its final dot: "Gen", "Inc", "e.g", "No") behaves as an
    /// abbreviation, when it is a listed one.
    pub fn abbreviation(&self, word: &str) -> Option<Abbreviation> {
        if self.abbreviations_numbered.contains(word) {
            Some(Abbreviation::BeforeNumber)
        } else if self.abbreviations_leading.contains(word) {
            Some(Abbreviation::Leading)
        } else if self.abbreviations_trailing.contains(word) {
            Some(Abbreviation::Trailing)
        } else {
            None
        }
    }

    /// Whether `word` (as written) commonly opens a news sentence ("The", "However").
    pub fn is_sentence_opener(&self, word: &str) -> bool {
        self.sentence_openers.contains(word)
    }

    /// Whether lower-case `word` may qualify a role noun ("national" security adviser,
    /// "former" coach).
    pub fn is_role_modifier(&self, word: &str) -> bool {
        with_lower(word, |w| self.role_modifiers.contains(w))
    }

    /// The largest number of words of a known multi-word place or organisation starting with
    /// `first` ("United" → 5 for "United States of America ..."), or 0 when there is none.
    pub fn max_words_from(&self, first: &str) -> usize {
        self.multi.get(first).copied().unwrap_or(0)
    }
}

/// The likely sex of the bearers of a given name, from the shipped lists: a hint for resolving
/// "he said" / "she said" to a person. `None` when the name is unknown.
pub fn given_name_gender(name: &str) -> Option<Gender> {
    Lexicon::get().given_name_gender(name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn outlets_of_several_words_are_known_organisations() {
        let lex = super::Lexicon::get();
        assert_eq!(lex.org("USA Today"), Some("USA Today"));
        assert_eq!(lex.org("Japan Times"), Some("The Japan Times"));
        assert_eq!(lex.org("France 24"), Some("France 24"));
        assert_eq!(lex.org("Atlantic"), None);
        assert_eq!(lex.org("Time"), None);
    }
    use super::*;

    #[test]
    fn places_have_kinds_and_canonical_names() {
        let lex = Lexicon::get();
        assert_eq!(lex.place_kind("Moscow"), Some(PlaceKind::City));
        assert_eq!(lex.place_kind("Texas"), Some(PlaceKind::Region));
        assert_eq!(lex.place_kind("Europe"), Some(PlaceKind::Continent));
        assert_eq!(lex.place_kind("Black Sea"), Some(PlaceKind::Feature));
        assert_eq!(
            lex.place("Britain").map(|p| p.canonical),
            Some("United Kingdom")
        );
        assert_eq!(
            lex.place("U.S.").map(|p| p.canonical),
            Some("United States")
        );
        assert_eq!(lex.place("Kiev").map(|p| p.canonical), Some("Kyiv"));
        assert_eq!(lex.place("Russian"), None);
        assert_eq!(lex.place("Bath").map(|p| p.common_word), Some(true));
    }

    #[test]
    fn first_level_regions_sites_and_folded_names() {
        let lex = Lexicon::get();
        for region in [
            "Haryana",
            "Rajasthan",
            "Rio Grande do Sul",
            "Bavaria",
            "Saxony",
        ] {
            let kind = lex
                .place_kind(region)
                .or_else(|| lex.place_folded(region).map(|p| p.kind));
            assert!(kind.is_some(), "{region}");
        }
        assert_eq!(lex.place_kind("New South Wales"), Some(PlaceKind::Region));
        assert_eq!(lex.place_kind("Anfield"), Some(PlaceKind::Site));
        assert_eq!(
            lex.place_folded("PORTO ALEGRE").map(|p| p.canonical),
            Some("Porto Alegre")
        );
        assert!(lex.place_folded("sao paulo").is_some());
        assert_eq!(
            lex.place_folded("CHANDIGARH").map(|p| p.canonical),
            Some("Chandigarh")
        );
        // Regions named like common words stay out.
        assert_eq!(lex.place("Meta"), None);
        assert_eq!(lex.leader("Putin"), Some("Vladimir Putin"));
        assert_eq!(lex.club("Spurs"), Some("Tottenham Hotspur"));
        assert!(lex.is_sport_word("striker"));
        assert!(lex.is_demonym("Dutchman"));
    }

    #[test]
    fn demonyms_are_not_places() {
        let lex = Lexicon::get();
        assert!(lex.is_demonym("Ukrainian"));
        assert!(lex.is_demonym("Americans"));
        assert_eq!(lex.country_of_demonym("British"), Some("United Kingdom"));
        assert_eq!(lex.country_of_demonym("Western"), None);
        assert!(lex.is_demonym("Western"));
    }

    #[test]
    fn a_compound_of_titles_is_a_title() {
        let lex = Lexicon::get();
        assert!(lex.is_title_word("Lieutenant-Colonel"));
        assert!(lex.is_title_word("Attorney-general"));
        assert!(!lex.is_title_word("Jean-Pierre"));
        assert!(!lex.is_title_word("General-"));
        assert!(lex.is_title_word("Rear-Admiral"));
        assert!(lex.is_title_word("Vice-Chancellor"));
        assert!(lex.is_title_word("Ex-Senator"));
        assert!(!lex.is_title_word("Deputy-Smith"));
        assert!(!lex.is_title_word("-Admiral"));
    }

    #[test]
    fn given_names_carry_gender() {
        assert_eq!(given_name_gender("Sergey"), Some(Gender::Male));
        assert_eq!(given_name_gender("jane"), Some(Gender::Female));
        assert_eq!(given_name_gender("Nvidia"), None);
        assert_eq!(given_name_gender("Anne-Marie"), Some(Gender::Female));
        assert_eq!(given_name_gender("Anne-Nvidia"), None);
    }

    #[test]
    fn word_classes() {
        let lex = Lexicon::get();
        assert!(lex.is_title_word("Secretary-General"));
        assert!(lex.is_role_noun("Striker"));
        assert!(lex.is_org_word("Airlines"));
        assert!(lex.is_org_head("University"));
        assert!(lex.is_not_name("Meanwhile"));
        assert!(lex.is_not_name("Tuesday"));
        assert!(lex.is_cue_verb("Said"));
        assert_eq!(lex.org("AP"), Some("Associated Press"));
        assert!(lex.max_words_from("United") >= 4);
        assert!(lex.is_place_word("River"));
        assert!(lex.is_non_entity_word("War"));
        assert!(lex.is_common_word("Claims"));
        assert!(lex.is_role_modifier("former"));
        assert!(!lex.is_common_word("Stoltenberg"));
    }
}
