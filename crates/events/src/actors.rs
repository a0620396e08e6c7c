//! Actor phrases in a sentence and their codes: "Russian President Boris Yeltsin" → RUS GOV,
//! "the Kremlin" → RUS GOV, "rebels in Chad" → TCD REB, "UN peacekeepers" → IGO.
//!
//! An actor phrase is built from pieces: a named actor (entity mention, curated or gazetteer
//! name), a demonym, a sector noun or title. A country piece may be followed by modifiers and
//! then a sector head; titles run into a person's name; a phrase without a country takes the
//! one named by a following "in/of/from Country".

use std::collections::HashMap;
use storyline_lexicon::{is_event_word, EventClass};

use storyline_dates::month_number;
use storyline_lexicon::Lexicon;
use storyline_record::{Entity, EntityType, Span};

use crate::tables::Tables;
use crate::words::Word;

mod grow;

use grow::build;

/// An actor phrase found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Actor {
    /// First word index.
    pub(crate) start: usize,
    /// One past the last word index.
    pub(crate) end: usize,
    /// Canonical name: the entity's name, else the country's, else the phrase as written.
    pub(crate) name: String,
    /// Country (ISO alpha-3) or organisation code ("IGONATO", "IMG").
    pub(crate) base: Option<&'static str>,
    /// PLOVER sector.
    pub(crate) sector: Option<&'static str>,
    /// Whether the phrase names a person.
    pub(crate) person: bool,
    /// Whether its country comes from a word of an organisation's name ("Malaysia
    /// Airlines"): the organisation's country, not the nationality of those around it.
    pub(crate) lent: bool,
}

impl Actor {
    /// A country or a place standing for it, named outside the sentence's words (no span):
    /// `name` with country code `base`, no sector.
    pub(crate) fn country(name: &str, base: &'static str) -> Actor {
        Actor {
            start: 0,
            end: 0,
            name: name.to_string(),
            base: Some(base),
            sector: None,
            person: false,
            lent: false,
        }
    }

    /// The actor code: base followed by the sector for country actors ("RUSGOV").
    pub(crate) fn code(&self) -> Option<String> {
        let base = self.base?;
        Some(match self.sector {
            Some(s) if base.len() == 3 && !matches!(base, "IGO" | "NGO" | "IMG") => {
                format!("{base}{s}")
            }
            _ => base.to_string(),
        })
    }
}

/// A code as stored in the tables ("RUSGOV", "IGONATO") split into base and sector.
fn split_code(code: &'static str) -> (Option<&'static str>, Option<&'static str>) {
    if code.starts_with("---") {
        return (None, code.get(3..).filter(|s| !s.is_empty()));
    }
    let org = ["IGO", "NGO", "IMG"].iter().any(|p| code.starts_with(p));
    match (org, code.len() == 6, code.get(..3), code.get(3..)) {
        (false, true, Some(c), Some(s)) => (Some(c), Some(s)),
        _ => (Some(code), None),
    }
}

/// Entity mentions of an article keyed by their first byte.
pub(crate) type MentionIndex<'a> = HashMap<usize, (&'a Entity, Span)>;

/// Indexes every entity mention by its start byte.
pub(crate) fn index_mentions(entities: &[Entity]) -> MentionIndex<'_> {
    let mut map = HashMap::new();
    for e in entities {
        for &m in &e.mentions {
            map.entry(m.start()).or_insert((e, m));
        }
    }
    map
}

/// One piece of an actor phrase.
#[derive(Debug, Clone)]
enum Piece {
    /// A named actor with its code, if known.
    Named {
        name: String,
        code: Option<&'static str>,
        person: bool,
        /// The code is the country named inside an organisation's name.
        lent: bool,
    },
    /// A nationality adjective or plural noun ("Russian", "Palestinians").
    Demonym { code: &'static str, plural: bool },
    /// A sector head noun or title ("troops", "President").
    Sector(&'static str),
}

/// The suffix of a country leading a force ("US-led"): the force is coded as that country's.
const LED: &str = "-led";

struct Finder<'a, 'w> {
    words: &'a [Word<'w>],
    mentions: &'a MentionIndex<'a>,
    tables: &'static Tables,
    lex: &'static Lexicon,
}

impl Finder<'_, '_> {
    /// The piece starting at word `i` and its length in words.
    fn piece(&self, i: usize) -> Option<(usize, Piece)> {
        let w = self.words.get(i)?;
        if w.punct {
            return None;
        }
        if let Some(p) = self.entity_piece(i) {
            return Some(p);
        }
        if w.cap {
            if let Some(p) = self.name_piece(i) {
                return Some(p);
            }
            if let Some(p) = self.demonym_piece(i) {
                return Some(p);
            }
        }
        let sector = self.tables.sector(&w.lower)?;
        // Capitalised sector words stand only as titles or at a sentence start.
        let after_stop = i == 0 || self.words[i - 1].punct;
        let title = self.lex.is_title_word(w.base) || after_stop || !w.cap;
        title.then_some((1, Piece::Sector(sector)))
    }

    fn entity_piece(&self, i: usize) -> Option<(usize, Piece)> {
        let w = &self.words[i];
        let &(e, m) = self.mentions.get(&w.span.start())?;
        let len = self.words[i..]
            .iter()
            .take_while(|x| x.span.start() < m.end())
            .count()
            .max(1);
        let person = e.kind == EntityType::Person;
        let mut lent = false;
        let code = if person {
            let last = e.name.rsplit(' ').next().unwrap_or(&e.name);
            self.tables
                .leader(&e.name)
                .or_else(|| self.tables.leader(last))
        } else {
            let written = m.slice_base(self.words, i, len);
            self.tables
                .name_code(&e.name, self.lex)
                .or_else(|| self.tables.name_code(&written, self.lex))
                .or_else(|| {
                    lent = e.kind == EntityType::Org;
                    self.org_country(i, len)
                })
        };
        if code.is_none() && e.kind == EntityType::Place {
            // Towns and regions are places, not actors; a phrase may still take them as
            // its "in/of" country.
            return None;
        }
        Some((
            len,
            Piece::Named {
                name: e.name.clone(),
                code,
                person,
                lent,
            },
        ))
    }

    /// The country named inside an organisation's name ("Serbian Workers' Union" → SRB).
    fn org_country(&self, i: usize, len: usize) -> Option<&'static str> {
        self.words[i..i + len].iter().find_map(|w| {
            self.tables
                .demonym_code(w.base, self.lex)
                .or_else(|| self.tables.name_code(w.base, self.lex))
        })
    }

    /// A curated or gazetteer name of one or more capitalised words.
    fn name_piece(&self, i: usize) -> Option<(usize, Piece)> {
        let first = self.words[i].base;
        let max = self
            .tables
            .max_words_from(first)
            .max(self.lex.max_words_from(first))
            .max(1);
        let mut key = String::new();
        for n in (1..=max).rev() {
            let Some(run) = self.words.get(i..i + n) else {
                continue;
            };
            if run.iter().any(|w| w.punct) {
                continue;
            }
            key.clear();
            for (k, w) in run.iter().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(if k == n - 1 { w.base } else { w.text });
            }
            let month = n == 1 && self.month_not_name(i);
            if let Some(code) = self
                .tables
                .leader(&key)
                .filter(|_| (n > 1 || run[0].cap) && !month)
            {
                // An office holder the entity stage missed ("Putin offered …").
                return Some((
                    n,
                    Piece::Named {
                        name: key.clone(),
                        code: Some(code),
                        person: true,
                        lent: false,
                    },
                ));
            }
            if let Some(code) = self.tables.name_code(&key, self.lex) {
                let name = self
                    .lex
                    .place(&key)
                    .map(|p| p.canonical.to_string())
                    .or_else(|| self.lex.org(&key).map(str::to_string))
                    .unwrap_or_else(|| key.clone());
                return Some((
                    n,
                    Piece::Named {
                        name,
                        code: Some(code),
                        person: false,
                        lent: false,
                    },
                ));
            }
        }
        None
    }

    /// Whether the word at `i` is a month name used as one ("in May", "May 3"), not the
    /// surname of an office holder ("May said").
    fn month_not_name(&self, i: usize) -> bool {
        let w = &self.words[i];
        let prev_lower = i
            .checked_sub(1)
            .and_then(|k| self.words.get(k))
            .is_some_and(|p| !p.punct && !p.cap);
        let next_digit = self
            .words
            .get(i + 1)
            .is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit()));
        month_number(w.text).is_some() && (prev_lower || next_digit)
    }

    /// A demonym of one or two words, or its plural noun ("Palestinians"); a country or
    /// demonym leading a force ("Vietnamese-led forces", "the US-led coalition") codes it as
    /// that country's, as event coders do (one it only backs, "Iranian-backed", does not).
    fn demonym_piece(&self, i: usize) -> Option<(usize, Piece)> {
        let w = &self.words[i];
        if let Some(leader) = w.base.strip_suffix(LED) {
            let code = self
                .tables
                .demonym_code(leader, self.lex)
                .or_else(|| self.tables.name_code(leader, self.lex))?;
            return Some((
                1,
                Piece::Demonym {
                    code,
                    plural: false,
                },
            ));
        }
        if let Some(next) = self.words.get(i + 1).filter(|n| !n.punct) {
            let two = format!("{} {}", w.text, next.base);
            if let Some(code) = self.tables.demonym_code(&two, self.lex) {
                return Some((
                    2,
                    Piece::Demonym {
                        code,
                        plural: false,
                    },
                ));
            }
        }
        if let Some(code) = self.tables.demonym_code(w.base, self.lex) {
            return Some((
                1,
                Piece::Demonym {
                    code,
                    plural: false,
                },
            ));
        }
        let singular = w.base.strip_suffix('s')?;
        let code = self.tables.demonym_code(singular, self.lex)?;
        Some((1, Piece::Demonym { code, plural: true }))
    }
}

trait SliceBase {
    fn slice_base(&self, words: &[Word<'_>], i: usize, len: usize) -> String;
}

impl SliceBase for Span {
    /// The mention's words joined by single spaces, the last without its possessive.
    fn slice_base(&self, words: &[Word<'_>], i: usize, len: usize) -> String {
        let run = words.get(i..i + len).unwrap_or(&[]);
        let mut s = String::new();
        for (k, w) in run.iter().enumerate() {
            if k > 0 {
                s.push(' ');
            }
            s.push_str(if k + 1 == run.len() { w.base } else { w.text });
        }
        s
    }
}

/// Every actor phrase of the sentence `words`, in order, never overlapping.
pub(crate) fn find_actors(words: &[Word<'_>], mentions: &MentionIndex<'_>) -> Vec<Actor> {
    let f = Finder {
        words,
        mentions,
        tables: Tables::get(),
        lex: Lexicon::get(),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match f.piece(i) {
            Some((len, piece)) => {
                let actor = build(&f, i, len, piece);
                i = actor.end.max(i + 1);
                if actor.base.is_some() || actor.person || !is_bound(words, &actor) {
                    out.push(actor);
                }
            }
            None => i += 1,
        }
    }
    out
}

/// Whether a phrase is a lone bound sector word ("officials", "state") with no country.
fn is_bound(words: &[Word<'_>], a: &Actor) -> bool {
    a.end == a.start + 1
        && words
            .get(a.start)
            .is_some_and(|w| is_event_word(EventClass::BoundSector, w.lower.as_str()))
}

/// The words `start..end` as written, joined by single spaces.
fn phrase(words: &[Word<'_>], start: usize, end: usize) -> String {
    let mut s = String::new();
    for w in words.get(start..end).unwrap_or(&[]) {
        if !s.is_empty() && !w.punct {
            s.push(' ');
        }
        s.push_str(w.text);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words_of;

    fn codes(text: &str) -> Vec<(String, Option<String>)> {
        let words = words_of(text, 0, text.len());
        let m = MentionIndex::new();
        find_actors(&words, &m)
            .into_iter()
            .map(|a| (phrase(&words, a.start, a.end), a.code()))
            .collect()
    }

    fn code_of(text: &str, phrase_text: &str) -> Option<String> {
        codes(text)
            .into_iter()
            .find(|(p, _)| p == phrase_text)
            .and_then(|(_, c)| c)
    }

    #[test]
    fn demonyms_take_their_sector_head() {
        let t = "Senior Kenyan officials met striking Ghanaian farmers on Monday.";
        assert_eq!(code_of(t, "Kenyan officials").as_deref(), Some("KENGOV"));
        assert_eq!(code_of(t, "Ghanaian farmers").as_deref(), Some("GHAAGR"));
    }

    #[test]
    fn capitals_institutions_and_bodies() {
        let t = "The Kremlin told Washington that NATO and the Arab League were wrong.";
        let c: Vec<Option<String>> = codes(t).into_iter().map(|(_, c)| c).collect();
        assert_eq!(
            c,
            vec![
                Some("RUSGOV".into()),
                Some("USAGOV".into()),
                Some("IGONATO".into()),
                Some("IGOAL".into())
            ]
        );
    }

    #[test]
    fn possessive_country_with_head() {
        let t = "Chile's supreme court and Peru's navy spoke.";
        assert_eq!(
            code_of(t, "Chile's supreme court").as_deref(),
            Some("CHLJUD")
        );
        assert_eq!(code_of(t, "Peru's navy").as_deref(), Some("PERMIL"));
    }

    #[test]
    fn following_place_gives_the_country() {
        let t = "Rebels in northern Chad attacked. Protesters from Bolivia marched.";
        assert_eq!(
            code_of(t, "Rebels in northern Chad").as_deref(),
            Some("TCDREB")
        );
        assert_eq!(
            code_of(t, "Protesters from Bolivia").as_deref(),
            Some("BOLCVL")
        );
    }

    #[test]
    fn a_leading_country_codes_the_force_but_a_backer_does_not() {
        let t = "The US-led coalition and Iranian-backed groups met.";
        let c = codes(t);
        assert!(
            c.iter()
                .any(|(p, c)| p.starts_with("US-led") && c.as_deref() == Some("USA")),
            "{c:?}"
        );
        assert!(
            c.iter()
                .all(|(_, c)| c.as_deref().is_none_or(|c| !c.starts_with("IRN"))),
            "{c:?}"
        );
        let t = "Vietnamese-led forces retook the village.";
        assert_eq!(
            code_of(t, "Vietnamese-led forces").as_deref(),
            Some("VNMMIL")
        );
    }

    #[test]
    fn ethnic_demonyms_name_no_nationality() {
        let t = "Ethnic Serbs in Kosovo marched. Serbs marched.";
        assert_eq!(code_of(t, "Serbs in Kosovo").as_deref(), Some("XKXCVL"));
        assert!(codes("Ethnic Serbs marched on Monday.")
            .iter()
            .all(|(_, c)| c.as_deref().is_none_or(|c| !c.starts_with("SRB"))));
    }

    #[test]
    fn lone_bound_words_are_not_actors() {
        assert!(codes("Officials said the state would pay.").is_empty());
    }
}
