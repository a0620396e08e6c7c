//! Turns a subject phrase ("he", "Johnson's spokesman", "UK Foreign Secretary Liz Truss",
//! "the company") into a speaker: an entity's canonical name with the mention it came through,
//! or a role phrase kept as written (its possessor canonicalised).
//!
//! Pronouns resolve to a compatible antecedent outside quotes: a person of compatible gender
//! for he/she (gender from given names, titles, roles and earlier pronouns), an organisation
//! or place for "it"; of those in the pronoun's sentence and the three before, the most
//! prominent (`salience`: a subject outweighs a name in a phrase, and a person the text goes
//! on calling "he" stays prominent), else the most recent. A previous speaker that is more
//! recent than any such mention wins, so `"…," a police spokeswoman said. "…," she added.`
//! stays with the spokeswoman, as does one whose own sentence holds the mention (a subject
//! outranks the other names of its sentence).

use std::cell::OnceCell;
use std::collections::HashMap;

use storyline_lexicon::{is_claim_word, ClaimClass};
use storyline_record::{Entity, EntityType, Span, Token, Upos};

use crate::layout::covering;
use crate::roles::{gender_of_word, is_org_anaphor, is_plural_role_noun, is_role_noun, Gender};
use crate::tok::Tok;
use crate::words::{pronoun, Pronoun};

mod names;
mod salience;

use names::{entity_gender, given_name, is_epithet, is_title, trailing_name};

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Speaker {
    /// Canonical entity name or role phrase.
    pub name: String,
    /// The mention (or role phrase) it was resolved through.
    pub span: Option<Span>,
    /// The entity, when the speaker is one.
    pub entity: Option<usize>,
    /// Where in the text the attribution sits (for recency).
    pub at: usize,
    /// Gender evidence, for later pronouns.
    pub gender: Option<Gender>,
}

/// Entity lookups for one article, plus what pronouns have taught about genders.
pub(crate) struct Resolver<'a> {
    text: &'a str,
    entities: &'a [Entity],
    /// Every mention as (span, entity index), by start.
    mentions: Vec<(Span, usize)>,
    /// The mentions that lend salience, in text order: those of `mentions` the parse covers,
    /// and each "he" and "she" outside quotations, as the entity it resolves to
    /// ([`Resolver::chain`]); made at the first pronoun asked about.
    salient: OnceCell<Vec<salience::Item>>,
    /// The token layer (empty when there is none: then pronouns go to the latest mention).
    tokens: &'a [Token],
    /// Lowercased names and aliases.
    by_name: HashMap<String, usize>,
    /// Lowercased last word of person names, when it names one person only.
    by_last: HashMap<String, Option<usize>>,
    genders: Vec<Option<Gender>>,
    /// Kept quotes (opening to closing mark): no antecedent hides in them.
    quoted: Vec<Span>,
}

impl<'a> Resolver<'a> {
    /// Indexes the entities of an article, with the roles its parsed `tokens` give their
    /// mentions.
    pub fn new(
        text: &'a str,
        tokens: &'a [Token],
        entities: &'a [Entity],
        quoted: Vec<Span>,
    ) -> Resolver<'a> {
        let mut mentions: Vec<(Span, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |&m| (m, i)))
            .filter(|(m, _)| text.get(m.range()).is_some())
            .collect();
        mentions.sort_by_key(|(m, _)| (m.start(), m.end()));
        let mut by_name = HashMap::new();
        let mut by_last: HashMap<String, Option<usize>> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                by_name.entry(n.to_lowercase()).or_insert(i);
            }
            if e.kind == EntityType::Person {
                if let Some(last) = e.name.split_whitespace().last() {
                    let slot = by_last.entry(last.to_lowercase()).or_insert(Some(i));
                    if *slot != Some(i) {
                        *slot = None;
                    }
                }
            }
        }
        // Each entity's mentions in text order, bucketed in one pass (a scan of every mention
        // per entity was quadratic on name-dense pages).
        let mut own: Vec<Vec<(Span, usize)>> = vec![Vec::new(); entities.len()];
        for &(m, e) in &mentions {
            own[e].push((m, e));
        }
        let genders = entities
            .iter()
            .zip(&own)
            .map(|(e, own)| entity_gender(text, e, own.iter()))
            .collect();
        Resolver {
            text,
            entities,
            mentions,
            salient: OnceCell::new(),
            tokens,
            by_name,
            by_last,
            genders,
            quoted,
        }
    }

    /// The mentions that lend salience (Lappin and Leass's equivalence classes): the entity
    /// mentions the parse covers and, in text order, each "he" or "she" outside quotations
    /// resolved to the most salient compatible entity before it, so that a person goes on
    /// being prominent while the text calls them "he".
    fn chain(&self) -> Vec<salience::Item> {
        let weights = salience::weights(self.tokens, &self.mentions);
        let mut items = Vec::with_capacity(self.mentions.len());
        let mut next = 0;
        for t in self.tokens {
            while let Some(&(m, e)) = self.mentions.get(next) {
                if m.start() >= t.span.end() {
                    break;
                }
                if let Some(w) = weights[next] {
                    items.push((m, e, w));
                }
                next += 1;
            }
            let Some(p @ (Pronoun::Male | Pronoun::Female)) = pronoun(&t.norm) else {
                continue;
            };
            if self.in_quote(t.span) {
                continue;
            }
            let found = salience::most(&items, t.sentence, |m, e| self.may_be(p, m, e));
            if let Some((_, e)) = found {
                items.push((t.span, e, salience::weight_of(t)));
            }
        }
        for (k, &(m, e)) in self.mentions.iter().enumerate().skip(next) {
            if let Some(w) = weights[k] {
                items.push((m, e, w));
            }
        }
        items
    }

    /// Whether a person or organisation is mentioned inside `span`.
    pub fn names_someone(&self, span: Span) -> bool {
        let from = self
            .mentions
            .partition_point(|(m, _)| m.start() < span.start());
        self.mentions[from..]
            .iter()
            .take_while(|(m, _)| m.start() < span.end())
            .any(|&(m, e)| {
                span.contains(m)
                    && matches!(self.entities[e].kind, EntityType::Person | EntityType::Org)
            })
    }

    /// Whether `speaker` is a place entity.
    pub fn is_place(&self, speaker: &Speaker) -> bool {
        speaker
            .entity
            .is_some_and(|e| self.entities[e].kind == EntityType::Place)
    }

    /// Whether `span` lies inside one of the article's quotations.
    pub fn in_quote(&self, span: Span) -> bool {
        covering(&self.quoted, span.start()).is_some_and(|q| q.contains(span))
    }

    fn speaker_of(&self, entity: usize, span: Span) -> Speaker {
        Speaker {
            name: self.entities[entity].name.clone(),
            span: Some(span),
            entity: Some(entity),
            at: span.start(),
            gender: self.genders[entity],
        }
    }

    /// The speaker named by a subject phrase, or `None` when the phrase names nobody.
    pub fn resolve_phrase(&mut self, phrase: &[Tok<'_>], history: &[Speaker]) -> Option<Speaker> {
        let (first, last) = (phrase.first()?, phrase.last()?);
        let span = Span::new(first.span.start(), last.span.end());
        if phrase.len() == 1 {
            match pronoun(&first.text.to_lowercase()) {
                // "we found that …" in a review: the writers, as the text names them.
                Some(Pronoun::Writer) => {
                    return Some(Speaker {
                        name: first.text.to_string(),
                        span: Some(span),
                        entity: None,
                        at: span.start(),
                        gender: None,
                    })
                }
                Some(p) => return self.resolve_pronoun(p, first.span.start(), history),
                None => {}
            }
        }
        let from = self
            .mentions
            .partition_point(|(m, _)| m.start() < span.start());
        let inside: Vec<(Span, usize)> = self.mentions[from..]
            .iter()
            .take_while(|(m, _)| m.start() < span.end())
            .filter(|(m, _)| span.contains(*m))
            .copied()
            .collect();
        let person = |&(_, e): &(Span, usize)| self.entities[e].kind == EntityType::Person;
        // "Eswar Prasad, a trade professor at Cornell", "Marco Villa, the company's chief
        // operating officer": a person opening the phrase before a comma is its head; what
        // follows the comma describes them.
        let appositive = inside.first().filter(|m| {
            // Only titles and role nouns before it ("Democratic candidate Hillary Clinton, like
            // Obama, …"), no phrase the name sits in ("An attorney for Pagliano, Mark …").
            let opens = phrase
                .iter()
                .take_while(|t| t.span.start() < m.0.start())
                .all(|t| {
                    let w = t.lower();
                    !t.word
                        || t.is_capitalized()
                        || is_role_noun(&w)
                        || matches!(w.as_str(), "the" | "a" | "an")
                });
            person(m)
                && opens
                && phrase
                    .iter()
                    .find(|t| t.span.start() >= m.0.end())
                    .is_some_and(|t| t.text == ",")
        });
        if let Some(&(m, e)) = appositive {
            return Some(self.speaker_of(e, m));
        }
        // A named person speaks whatever places qualify them.
        if !inside.iter().any(person) {
            if let Some(k) = self.place_qualifier(phrase) {
                return self.resolve_phrase(&phrase[..k], history);
            }
        }
        let head = last.lower();
        let role_headed = !last.is_capitalized() && is_role_noun(&head);
        if role_headed {
            let capitalised = phrase.iter().any(Tok::is_capitalized);
            if !capitalised && phrase.len() <= 3 {
                if let Some(s) = self.role_anaphor(&head, span) {
                    return Some(s);
                }
            }
            return Some(self.role_phrase(phrase, span, &inside));
        }
        if !last.is_capitalized() {
            return None;
        }
        // A named subject: prefer a person, else the last mention in the phrase.
        let pick = inside
            .iter()
            .rev()
            .find(|m| person(m))
            .or_else(|| inside.last());
        if let Some(&(m, e)) = pick {
            return Some(self.speaker_of(e, m));
        }
        // "the Dutchman told reporters": an epithet for someone already named, most likely
        // the person last quoted, else the person last mentioned.
        if phrase.len() == 2 && first.lower() == "the" && is_epithet(last.text) {
            let last_speaker = history.iter().rev().find(|h| {
                h.entity
                    .is_some_and(|e| self.entities[e].kind == EntityType::Person)
            });
            if let Some(s) = last_speaker.cloned().or_else(|| self.latest_person(span)) {
                return Some(s);
            }
        }
        let mut run = trailing_name(phrase);
        // "Councillor Maria Lopez": titles are not part of the name.
        while run.len() > 1 && is_title(run[0].text) {
            run = &run[1..];
        }
        let (a, b) = (run.first()?, run.last()?);
        let name_span = Span::new(a.span.start(), b.span.end());
        let name = name_span.slice(self.text);
        let key = name.to_lowercase();
        let key = key.strip_prefix("the ").unwrap_or(&key);
        if let Some(&e) = self.by_name.get(key) {
            return Some(self.speaker_of(e, name_span));
        }
        if let Some(&Some(e)) = self.by_last.get(&b.lower()) {
            return Some(self.speaker_of(e, name_span));
        }
        let gender =
            given_name(a.text).or_else(|| phrase.iter().find_map(|t| gender_of_word(&t.lower())));
        Some(Speaker {
            name: name.to_string(),
            span: Some(name_span),
            entity: None,
            at: name_span.start(),
            gender,
        })
    }

    /// Where a place after a preposition starts to qualify who speaks ("officials in Kyiv",
    /// "the US Embassy in New Delhi", "China's ambassador to Britain", "a study by Harvard and
    /// Berkeley at X"): the index of the first such preposition that a place follows (after
    /// "the", if any), when the words before it hold more than a determiner and every name
    /// after it is a place ("the Centre for Disease Control in the US" cuts at "in").
    fn place_qualifier(&self, phrase: &[Tok<'_>]) -> Option<usize> {
        let end = phrase.last()?.span.end();
        let first_named = phrase
            .iter()
            .position(|t| t.word && !matches!(t.lower().as_str(), "the" | "a" | "an"))?;
        // The first few prepositions only: a phrase is read in time linear in its length.
        let prepositions = (first_named + 1..phrase.len())
            .filter(|&k| {
                phrase[k].word
                    && is_claim_word(ClaimClass::QualifyingPreposition, &phrase[k].lower())
            })
            .take(4);
        prepositions.into_iter().find(|&k| {
            let Some(next) = phrase[k + 1..].iter().find(|t| t.lower() != "the") else {
                return false;
            };
            let rest = Span::new(next.span.start(), end);
            let from = self
                .mentions
                .partition_point(|(m, _)| m.start() < rest.start());
            let mut names = self.mentions[from..]
                .iter()
                .take_while(|(m, _)| m.start() < rest.end())
                .peekable();
            let starts_place = names.peek().is_some_and(|&&(m, e)| {
                m.start() == rest.start() && self.entities[e].kind == EntityType::Place
            });
            starts_place && names.all(|&(_, e)| self.entities[e].kind == EntityType::Place)
        })
    }

    /// The latest person mentioned before `span`, outside quotations.
    fn latest_person(&self, span: Span) -> Option<Speaker> {
        let before = self
            .mentions
            .partition_point(|(m, _)| m.start() < span.start());
        let (m, e) = self.mentions[..before]
            .iter()
            .rev()
            .take(60)
            .find(|(m, e)| self.entities[*e].kind == EntityType::Person && !self.in_quote(*m))?;
        Some(self.speaker_of(*e, *m))
    }

    /// "the company" → the latest organisation; "the minister" → the latest person with that role.
    fn role_anaphor(&self, head: &str, span: Span) -> Option<Speaker> {
        let before = self
            .mentions
            .partition_point(|(m, _)| m.start() < span.start());
        let candidates = self.mentions[..before].iter().rev().take(60);
        if is_org_anaphor(head) {
            let (m, e) = candidates
                .clone()
                .find(|(m, e)| self.entities[*e].kind == EntityType::Org && !self.in_quote(*m))?;
            return Some(self.speaker_of(*e, *m));
        }
        let (m, e) = candidates.clone().find(|(m, e)| {
            self.entities[*e].kind == EntityType::Person
                && !self.in_quote(*m)
                && self.entities[*e]
                    .role
                    .as_deref()
                    .is_some_and(|r| r.to_lowercase().split_whitespace().any(|w| w == head))
        })?;
        Some(self.speaker_of(*e, *m))
    }

    /// A short description opening with an article that names no one and no role ("a
    /// narrator", "the editorial"), as written: what a cue right after a quotation makes speak
    /// (`"…," says a narrator`), where [`Resolver::resolve_phrase`] finds no speaker in it.
    pub fn description(&self, phrase: &[Tok<'_>]) -> Option<Speaker> {
        let (first, last) = (phrase.first()?, phrase.last()?);
        let article = matches!(first.lower().as_str(), "a" | "an" | "the");
        if !article || !(2..=6).contains(&phrase.len()) || phrase.iter().any(|t| !t.word) {
            return None;
        }
        // The phrase ends in its head noun, where the parse has one ("the authors of the",
        // cut at a title in marks, does not).
        let at = self
            .tokens
            .partition_point(|t| t.span.end() <= last.span.start());
        if self.tokens.get(at).is_some_and(|t| t.upos != Upos::Noun) {
            return None;
        }
        let span = Span::new(first.span.start(), last.span.end());
        Some(self.role_phrase(phrase, span, &[]))
    }

    /// A role phrase as written, possessors canonicalised ("Johnson's spokesman" →
    /// "Boris Johnson's spokesman").
    fn role_phrase(&self, phrase: &[Tok<'_>], span: Span, inside: &[(Span, usize)]) -> Speaker {
        let mut name = String::new();
        let mut pos = span.start();
        for &(m, e) in inside {
            let possessor = self
                .text
                .get(m.end()..)
                .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"));
            if possessor && m.start() >= pos {
                name.push_str(self.text.get(pos..m.start()).unwrap_or(""));
                name.push_str(&self.entities[e].name);
                pos = m.end();
            }
        }
        name.push_str(self.text.get(pos..span.end()).unwrap_or(""));
        let gender = phrase.iter().find_map(|t| gender_of_word(&t.lower()));
        Speaker {
            name,
            span: Some(span),
            entity: None,
            at: span.start(),
            gender,
        }
    }

    /// Resolves a pronoun at `pos` to the latest compatible antecedent.
    pub fn resolve_pronoun(
        &mut self,
        p: Pronoun,
        pos: usize,
        history: &[Speaker],
    ) -> Option<Speaker> {
        let before = self.mentions.partition_point(|(m, _)| m.start() < pos);
        let mention = self.most_salient(p, pos).or_else(|| {
            self.mentions[..before]
                .iter()
                .rev()
                .take(80)
                .find(|&&(m, e)| self.may_be(p, m, e))
                .copied()
        });
        let previous = history
            .iter()
            .rev()
            .find(|s| s.at < pos && self.speaker_compatible(p, s))
            .cloned();
        let mut found = match (mention, previous) {
            (Some((m, e)), Some(s)) if s.at < m.start() && !self.same_sentence(s.at, m.start()) => {
                self.speaker_of(e, m)
            }
            (_, Some(s)) => s,
            (Some((m, e)), None) => self.speaker_of(e, m),
            (None, None) => return None,
        };
        let learned = match p {
            Pronoun::Male => Some(Gender::Male),
            Pronoun::Female => Some(Gender::Female),
            _ => None,
        };
        if let (Some(g), Some(e)) = (learned, found.entity) {
            if self.genders[e].is_none() {
                self.genders[e] = Some(g);
            }
        }
        found.gender = found.gender.or(learned);
        found.at = pos;
        Some(found)
    }

    /// The compatible entity that the mentions before `pos` in its sentence and the
    /// [`salience::WINDOW`] before make most prominent, with its latest mention (ties: the
    /// latest); `None` when none is there or the text has no parse.
    fn most_salient(&self, p: Pronoun, pos: usize) -> Option<(Span, usize)> {
        let at = self.tokens.partition_point(|t| t.span.end() <= pos);
        let now = self
            .tokens
            .get(at.min(self.tokens.len().checked_sub(1)?))?
            .sentence;
        let salient = self.salient.get_or_init(|| self.chain());
        let before = salient.partition_point(|(m, _, _)| m.start() < pos);
        salience::most(&salient[..before], now, |m, e| self.may_be(p, m, e))
    }

    /// Whether mention `m` of entity `e` may be what pronoun `p` stands for: outside
    /// quotations, of a compatible kind and gender.
    fn may_be(&self, p: Pronoun, m: Span, e: usize) -> bool {
        !self.in_quote(m) && self.compatible(p, self.entities[e].kind, self.genders[e])
    }

    /// Whether no sentence ends between `a` and `b`: a mention after a speaker in the
    /// speaker's own sentence ("Jack Scarola, who represents some of Epstein's accusers,
    /// said …") is no subject, and a later "he" goes on with the speaker.
    fn same_sentence(&self, a: usize, b: usize) -> bool {
        let between = self.text.get(a..b).unwrap_or("\n");
        let ends = between.char_indices().any(|(i, c)| {
            c == '\n'
                || (matches!(c, '.' | '!' | '?')
                    && between[i + 1..].starts_with(char::is_whitespace))
        });
        !ends
    }

    fn compatible(&self, p: Pronoun, kind: EntityType, gender: Option<Gender>) -> bool {
        match p {
            Pronoun::Male => kind == EntityType::Person && gender != Some(Gender::Female),
            Pronoun::Female => kind == EntityType::Person && gender != Some(Gender::Male),
            // a place does not speak: "it added" is the ministry, not the city
            Pronoun::Neuter | Pronoun::Plural => kind == EntityType::Org,
            Pronoun::Writer => false,
        }
    }

    fn speaker_compatible(&self, p: Pronoun, s: &Speaker) -> bool {
        let kind = s.entity.map(|e| self.entities[e].kind);
        match p {
            Pronoun::Male | Pronoun::Female => {
                let g = s.entity.and_then(|e| self.genders[e]).or(s.gender);
                let person = match kind {
                    Some(k) => k == EntityType::Person,
                    None => personal_phrase(&s.name),
                };
                person && self.compatible(p, EntityType::Person, g)
            }
            // A place that has just spoken for its government ("Moscow has denied …. It
            // also condemned …") goes on speaking as "it"; a place never starts to (only
            // speakers are read here, `compatible` keeps places out of the mentions).
            Pronoun::Neuter => {
                kind.is_some_and(|k| matches!(k, EntityType::Org | EntityType::Place))
            }
            Pronoun::Plural => {
                kind != Some(EntityType::Person)
                    && pronoun(&s.name.to_lowercase()) != Some(Pronoun::Writer)
            }
            Pronoun::Writer => false,
        }
    }

    /// The first mention starting inside `span` (a clause's opening words), as a speaker.
    pub fn first_mention_in(&self, span: Span) -> Option<Speaker> {
        let i = self
            .mentions
            .partition_point(|(m, _)| m.start() < span.start());
        let &(m, e) = self.mentions[i..]
            .iter()
            .take_while(|(m, _)| m.start() < span.end())
            .find(|(m, _)| span.contains(*m) && !self.in_quote(*m))?;
        Some(self.speaker_of(e, m))
    }
}

/// Whether a speaker phrase that resolved to no entity can be "he" or "she": a name (every
/// word capitalised: "Hawk Sawyer") or a phrase headed by a role noun or a gendered word
/// ("the police spokesman", "a spokeswoman"), not "significant staffing shortages Tuesday".
fn personal_phrase(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    // "I" and "we" (the writer, or whoever a quotation has speak) are no third person, and a
    // group ("his parents", "officials") is no one person.
    if let [w] = words[..] {
        if pronoun(&w.to_lowercase()) == Some(Pronoun::Writer) {
            return false;
        }
    }
    let named = !words.is_empty() && words.iter().all(|w| w.starts_with(char::is_uppercase));
    named
        || words.last().is_some_and(|w| {
            let w = w.to_lowercase();
            is_role_noun(&w) && !is_plural_role_noun(&w) || gender_of_word(&w).is_some()
        })
}

#[cfg(test)]
mod tests;
