//! [`EventCoder`]: one event per sentence that names a political action, with its actors,
//! modality, date and place.
//!
//! Per sentence: cut a trailing attribution (", officials said Thursday") and a leading
//! adverbial ("On Tuesday, "); take the first strong trigger of the main clause (weak ones
//! only when there is none); the source is the first actor of the clause before it (or the
//! agent of a passive), the target the first coded actor after it; coordinated sources with
//! no target act on each other.

use storyline_lexicon::{is_event_word, EventClass, Lexicon};
use storyline_record::{Article, Event, QuoteKind, Span};

use crate::actors::{find_actors, index_mentions, Actor, MentionIndex};
use crate::clauses::{
    agent_after, attribution_start, clause_start, is_passive, place_after, subject_pronoun,
    target_end,
};
use crate::dates::event_date;
use crate::modality::{fold, modality};
use crate::parsed::{is_transfer, parsed_roles};
use crate::pronouns::{personal, pronoun_target};
use crate::roles::{domestic, first_coded, group, pairs};
use crate::tables::Tables;
use crate::tree::Tree;
use crate::triggers::{Action, Hit, Triggers};
use crate::words::{words_from_tokens, words_of, Word};

/// Sentences longer than this (in words) are not coded: they are run-on page furniture or
/// lists, and scanning them would cost more than they yield.
const MAX_SENTENCE_WORDS: usize = 200;

/// Codes political events in an article's sentences.
///
/// Construction parses the shipped lexicons once per process; [`EventCoder::annotate`] is
/// linear in the number of tokens.
#[derive(Debug, Clone)]
pub struct EventCoder {
    triggers: &'static Triggers,
    tables: &'static Tables,
}

impl Default for EventCoder {
    fn default() -> EventCoder {
        EventCoder::new()
    }
}

impl EventCoder {
    /// Builds the stage, parsing the trigger lexicon and actor tables.
    pub fn new() -> EventCoder {
        EventCoder {
            triggers: Triggers::get(),
            tables: Tables::get(),
        }
    }

    /// Fills `article.events`, one event (or one per actor pair) per sentence that names an
    /// action. Never panics, whatever the text.
    pub fn annotate(&self, article: &mut Article) {
        let mentions = index_mentions(&article.entities);
        let mut events = Vec::new();
        let mut last_source: Option<Actor> = None;
        let sentences: Vec<Span> = if article.sentences.is_empty() && !article.text.is_empty() {
            vec![Span::new(0, article.text.len())]
        } else {
            article.sentences.clone()
        };
        let mut tok = 0;
        for sentence in sentences {
            let (words, range) = if article.tokens.is_empty() {
                (
                    words_of(&article.text, sentence.start(), sentence.end()),
                    0..0,
                )
            } else {
                while tok < article.tokens.len()
                    && article.tokens[tok].span.start() < sentence.start()
                {
                    tok += 1;
                }
                let end = tok
                    + article.tokens[tok..]
                        .iter()
                        .take_while(|t| t.span.end() <= sentence.end())
                        .count();
                let words = words_from_tokens(&article.text, &article.tokens[tok..end]);
                (words, tok..end)
            };
            let tree = Tree::new(&words, &article.tokens[range.clone()], range.start);
            if words.is_empty() || words.len() > MAX_SENTENCE_WORDS {
                continue;
            }
            let ctx = Sentence {
                words: &words,
                tree: tree.as_ref(),
                span: sentence,
                article,
                mentions: &mentions,
            };
            self.code_sentence(&ctx, &mut last_source, &mut events);
        }
        article.events = events;
    }

    fn code_sentence(&self, s: &Sentence<'_>, last: &mut Option<Actor>, out: &mut Vec<Event>) {
        let words = s.words;
        let main_end = attribution_start(words);
        let clause_start = clause_start(words, main_end);
        let actors = find_actors(words, s.mentions);
        let found = match s.tree {
            Some(tree) => self
                .parsed_trigger(words, &actors, tree, clause_start..main_end)
                .map(|(h, d, a)| (h, d, Some(a))),
            // The main clause's trigger first; a leading phrase's ("In a meeting on
            // Thursday, …") only when the main clause has none.
            None => self
                .main_trigger(words, &actors, clause_start, main_end)
                .or_else(|| self.main_trigger(words, &actors, 0, clause_start))
                .map(|(h, d)| (h, d, None)),
        };
        let Some((hit, denied, anchor)) = found else {
            // Keep the subject for a pronoun in the next sentence.
            if let Some(a) = actors
                .iter()
                .find(|a| a.start >= clause_start && a.base.is_some())
            {
                *last = Some(a.clone());
            }
            return;
        };
        let mut m = modality(words, hit.start);
        m.negated |= denied;
        // A noun event as subject takes its predicate's modality ("Talks are set to …").
        if let Some(v) = s
            .tree
            .zip(anchor)
            .and_then(|(t, a)| t.predicate_of_subject(a))
        {
            let p = modality(words, v);
            m.intent |= p.intent;
            m.negated |= p.negated;
        }
        let mut action = hit.pattern.action;
        if hit.pattern.intent && self.hostile_complement(words, &actors, hit.end, main_end) {
            action = Action::Threaten;
        }
        let (action, hypothetical) = fold(action, m);
        let surface = self.surface_roles(words, &actors, hit, clause_start, main_end, m.obliged);
        let passive = is_passive(words, hit.start);
        let mut agentless = false;
        let mut home_subject = false;
        let (mut sources, targets, pronoun, by_order, pronoun_object) = match (s.tree, anchor) {
            (Some(tree), Some(a)) => {
                // The parse's actors where it finds them; word order where it finds none (a
                // misparsed clause, an actor cut differently), except for a passive without
                // an agent, which names no one acting, and a pronoun, resolved below.
                let p = parsed_roles(tree, a, hit, words, &actors, m.obliged);
                agentless = (p.passive && p.sources.is_empty()) || p.indefinite;
                // A group acting, named or as a pronoun ("their hunger strike"), not a person
                // ("he sought refuge") nor an event noun ("a roadside bombing"); whether a
                // country names them is seen below.
                home_subject = !p.passive
                    && !p.indefinite
                    && !p.subject.is_empty()
                    && p.subject.iter().all(|&w| {
                        self.triggers.at(words, w).is_none() && !personal(&words[w].lower)
                    });
                let pronoun = p.pronoun.filter(|_| !p.indefinite);
                let by_order = p.sources.is_empty() && !p.passive && !p.indefinite;
                let by_order = if by_order { surface.0 } else { Vec::new() };
                let src = match (pronoun, p.sources.is_empty()) {
                    (None, true) => by_order.clone(),
                    _ => p.sources,
                };
                let tgt = if p.targets.is_empty() && p.pronoun_object.is_none() {
                    surface
                        .1
                        .into_iter()
                        .filter(|t| {
                            !src.iter()
                                .chain(&by_order)
                                .any(|s| s.start == t.start || s.code() == t.code())
                        })
                        .filter(|t| {
                            t.base.is_some() || t.person || !is_transfer(hit.pattern.action)
                        })
                        // Never from what another verb reports ("acknowledged a troop build-up
                        // …, stating that it was a response to the US military's presence").
                        .filter(|t| !tree.reported_apart(tree.top(t.start..t.end), a))
                        .collect()
                } else {
                    p.targets
                };
                (src, tgt, pronoun, by_order, p.pronoun_object)
            }
            _ => (
                surface.0,
                surface.1,
                subject_pronoun(words, clause_start, hit.start),
                Vec::new(),
                None,
            ),
        };
        let mut targets = targets;
        if let Some(p) = pronoun.filter(|_| sources.is_empty() && !passive) {
            sources = self.pronoun_sources(s, hit, p, anchor, &actors, last, by_order);
        }
        // "Ukraine's freedom is under attack," he said: the speaker is not the attacker; nor
        // is anyone the speaker when "anyone" acts.
        if sources.is_empty() && !agentless {
            if let Some(a) = self.quote_speaker(s, hit) {
                sources.push(a);
            }
        }
        if let Some(w) = pronoun_object.filter(|_| targets.is_empty()) {
            targets.extend(pronoun_target(words, &actors, w, &sources));
        }
        // No one acts on themselves ("we won't allow our interests to be trampled," he said).
        targets.retain(|t| !sources.iter().any(|s| s.name == t.name));
        if targets.is_empty() && action == Action::Threaten {
            // A threat's condition names whom it is aimed at ("… if the United States goes
            // ahead").
            targets.extend(condition_subject(words, &actors, hit.end));
        }
        let place = place_after(words, hit.end, main_end);
        // A withdrawal or resignation is from a place, not done to it.
        let placed = !symmetric_action(action) && action != Action::Retreat;
        if targets.is_empty() && placed && sources.len() == 1 {
            // Coders code a domestic act ("lifted the curfew in Abidjan") on the country
            // where it happens.
            targets.extend(place.as_deref().and_then(|p| self.place_actor(p)));
        }
        // A concession in words ("conceded that …") is speech, aimed at no one in particular.
        let spoken = s
            .tree
            .zip(anchor)
            .is_some_and(|(t, a)| Lexicon::get().attribution_cue(t.lemma(a)).is_some());
        if targets.is_empty() && sources.len() == 1 && domestic_action(action) && !spoken {
            // A protest, a crackdown or a lifted restriction with no one else named is aimed
            // at the actor's own country: its government or its people.
            targets.extend(self.own_country(&sources[0]));
        }
        // "Islamic fundamentalists continued their hunger strike to demand the resignation of
        // Algerian President …": a group that no country names, protesting, demanding or
        // threatening at home, acts in the one country the clause names (as coders code
        // domestic actors by where they act).
        let uncoded = sources.iter().all(|a| a.base.is_none());
        if home_subject && uncoded && targets.len() == 1 && home_action(action) {
            if let Some(home) = self.own_country(&targets[0]) {
                match sources.first_mut() {
                    Some(a) => a.base = home.base,
                    None => sources.push(home),
                }
            }
        }
        // "Jordan and Britain agreed to joint exercises", "Israel and Lebanon renewed talks on
        // an Israeli pullback": coordinated sources whose only targets are themselves act on
        // each other.
        let reciprocal = reciprocal(&sources, &targets, symmetric_action(action));
        if reciprocal {
            targets.clear();
        }
        domestic(&mut sources, &mut targets);
        if let Some(a) = sources.first() {
            *last = Some(a.clone());
        }
        let trigger = Span::new(
            words[hit.start].span.start(),
            words[hit.end - 1]
                .span
                .end()
                .max(words[hit.start].span.start()),
        );
        let base = Event {
            action: action.as_str().to_string(),
            mode: hit.pattern.mode.map(str::to_string),
            cameo: hit.pattern.cameo.map(str::to_string),
            negated: m.negated,
            hypothetical,
            date: event_date(words, s.article.meta.published.as_deref(), m.intent),
            place,
            span: s.span,
            trigger,
            ..Event::default()
        };
        let symmetric = reciprocal
            || symmetric_action(action)
            || (hit.pattern.action == Action::Assault && mutual(&words[hit.start].lower));
        let mut seen: Vec<(Option<String>, Option<String>)> = Vec::new();
        for (src, tgt) in pairs(&sources, &targets, symmetric) {
            let key = (src.and_then(Actor::code), tgt.and_then(Actor::code));
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let mut e = base.clone();
            if let Some(a) = src {
                e.source = Some(a.name.clone());
                e.source_actor = a.code();
            }
            if let Some(a) = tgt {
                e.target = Some(a.name.clone());
                e.target_actor = a.code();
            }
            out.push(e);
        }
    }

    /// Every trigger in words `from..end` outside actor phrases and names, in order.
    pub(crate) fn hits(
        &self,
        words: &[Word<'_>],
        actors: &[Actor],
        from: usize,
        end: usize,
    ) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut i = from;
        while i < end {
            let in_actor = actors.iter().any(|a| a.start <= i && i < a.end);
            let named = words[i].cap && i > 0 && !words[i - 1].punct;
            // "Striking workers …": a sentence-initial participle modifies the actor after it.
            let modifier = i == 0
                && words[0].lower.ends_with("ing")
                && actors.iter().any(|a| a.start <= 3 && a.start > 0);
            match self.triggers.at(words, i) {
                Some(h) if !in_actor && !named && !modifier && h.end <= end => {
                    hits.push(h);
                    i = h.end;
                }
                _ => i += 1,
            }
        }
        hits
    }

    /// The first strong trigger before `end` outside actor phrases and names (else the first
    /// weak one), and whether it is a denial of the action that follows it ("denied
    /// sending troops" → the sending, negated).
    fn main_trigger(
        &self,
        words: &[Word<'_>],
        actors: &[Actor],
        from: usize,
        end: usize,
    ) -> Option<(Hit, bool)> {
        let hits = self.hits(words, actors, from, end);
        let first = hits
            .iter()
            .position(|h| !h.pattern.weak)
            .or(if hits.is_empty() { None } else { Some(0) })?;
        Some(denial(words, &hits, first))
    }

    /// Sources and targets read from word order: the source is the first actor of the clause
    /// before the trigger (or the agent of a passive), the target the first coded actor
    /// after it; for sentences without a parse.
    fn surface_roles(
        &self,
        words: &[Word<'_>],
        actors: &[Actor],
        hit: Hit,
        clause_start: usize,
        main_end: usize,
        obliged: bool,
    ) -> (Vec<Actor>, Vec<Actor>) {
        let passive = is_passive(words, hit.start);
        let before: Vec<&Actor> = if hit.start >= clause_start {
            actors
                .iter()
                .filter(|a| a.start >= clause_start && a.end <= hit.start)
                .collect()
        } else {
            // A trigger in the leading phrase: its actor is the main clause's subject.
            actors
                .iter()
                .filter(|a| a.start >= clause_start && a.end <= main_end)
                .take(1)
                .collect()
        };
        let after_end = target_end(words, hit.end, main_end);
        // Actors inside a phrase trigger's gap count ("expelled two Russian diplomats").
        let after: Vec<&Actor> = actors
            .iter()
            .filter(|a| a.start >= hit.end || (a.start > hit.start && a.base.is_some()))
            .filter(|a| a.end <= after_end)
            .filter(|a| !before.iter().any(|b| b.start == a.start))
            .collect();
        let (sources, mut targets) = if passive {
            let agent = agent_after(words, &after);
            (agent, group(words, &before, first_coded(&before)))
        } else {
            (group(words, &before, first_coded(&before)), Vec::new())
        };
        if obliged && !passive {
            // "X said Y must do Z": Y is asked, X asks.
            if let Some(k) = before
                .iter()
                .rposition(|a| !sources.iter().any(|s| s.start == a.start))
            {
                targets = vec![before[k].clone()];
            }
        }
        if !passive && targets.is_empty() {
            // Coordinated sources act on each other: a place of their own after the trigger
            // ("signed an accord in Santiago") is not a target.
            let src_bases: Vec<Option<&str>> = sources.iter().map(|a| a.base).collect();
            let rest: Vec<&Actor> = after
                .iter()
                .copied()
                .filter(|a| a.base.is_some() || a.sector.is_some() || a.person)
                .filter(|a| sources.len() < 2 || !src_bases.contains(&a.base))
                .collect();
            targets = group(words, &rest, rest.first().map(|_| 0));
        }
        (sources, targets)
    }

    /// Whether an intent verb's complement names a hostile act ("vowed to retaliate").
    fn hostile_complement(
        &self,
        words: &[Word<'_>],
        actors: &[Actor],
        from: usize,
        end: usize,
    ) -> bool {
        let stop = target_end(words, from, end).min(from + 8);
        (from..stop).any(|i| {
            !actors.iter().any(|a| a.start <= i && i < a.end)
                && self.triggers.at(words, i).is_some_and(|h| {
                    h.pattern.action.is_hostile() || h.pattern.action == Action::Threaten
                })
        })
    }

    /// The country of a place named as where an event happened, as an actor.
    fn place_actor(&self, place: &str) -> Option<Actor> {
        let code = self.tables.name_code(place, Lexicon::get())?;
        Some(Actor::country(place, code.get(..3)?))
    }

    /// The country of actor `a` as an actor of its own (none for international bodies and
    /// actors without a country).
    fn own_country(&self, a: &Actor) -> Option<Actor> {
        let base = a.base.filter(|b| !matches!(*b, "IGO" | "NGO" | "IMG"))?;
        Some(Actor::country(self.tables.country_name(base)?, base))
    }

    /// The speaker of a quote that holds the trigger, as an actor.
    pub(crate) fn quote_speaker(&self, s: &Sentence<'_>, hit: Hit) -> Option<Actor> {
        let at = s.words.get(hit.start)?.span;
        // Words in marks only: an indirect clause names its own actors.
        let q = s
            .article
            .quotes
            .iter()
            .find(|q| q.kind != QuoteKind::Indirect && q.span.contains(at))?;
        let name = q.speaker.clone()?;
        let lex = Lexicon::get();
        let code = self
            .tables
            .leader(&name)
            .or_else(|| self.tables.name_code(&name, lex));
        let role_code = s
            .article
            .entities
            .iter()
            .find(|e| e.name == name)
            .and_then(|e| e.role.as_deref())
            .and_then(|r| {
                r.split(' ').find_map(|w| {
                    self.tables
                        .demonym_code(w, lex)
                        .or_else(|| self.tables.name_code(w.trim_end_matches("'s"), lex))
                })
            });
        let code = code.or(role_code);
        Some(Actor {
            start: 0,
            end: 0,
            name,
            base: code.map(|c| c.get(..3).filter(|_| c.len() == 6).unwrap_or(c)),
            sector: code.and_then(|c| c.get(3..).filter(|_| c.len() == 6 && !c.starts_with("IGO"))),
            person: true,
            lent: false,
        })
    }
}

/// The hit at `k` of `hits`, or the act a denial at `k` denies ("denied sending troops" →
/// the sending, negated), with whether it is denied.
pub(crate) fn denial(words: &[Word<'_>], hits: &[Hit], k: usize) -> (Hit, bool) {
    let hit = hits[k];
    let is_denial = is_event_word(EventClass::Denial, &words[hit.start].lower);
    if is_denial {
        if let Some(next) = hits.get(k + 1).filter(|n| n.start <= hit.end + 2) {
            return (*next, true);
        }
    }
    (hit, false)
}

/// Whether the assault word `w` (lower case) names an act whose sides act on each other: it
/// begins with a mutual stem ("clashes", "fighting", "fought").
fn mutual(w: &str) -> bool {
    (1..=w.len()).any(|k| w.is_char_boundary(k) && is_event_word(EventClass::MutualStem, &w[..k]))
}

/// Actions that, with no other party named, concern the actor's own country.
fn domestic_action(action: Action) -> bool {
    matches!(action, Action::Protest | Action::Coerce | Action::Concede)
}

/// Actions that coordinated actors do to each other.
/// Acts of a country's own opposition or people towards it: protests, demands, threats.
fn home_action(action: Action) -> bool {
    matches!(action, Action::Protest | Action::Request | Action::Threaten)
}

fn symmetric_action(action: Action) -> bool {
    matches!(
        action,
        Action::Agree | Action::Consult | Action::Support | Action::Cooperate
    )
}

/// Whether two or more sources of different countries have targets that are all among
/// themselves (or, for a joint act, that name no country: "joint military exercises").
fn reciprocal(sources: &[Actor], targets: &[Actor], joint: bool) -> bool {
    let mut countries: Vec<&str> = sources.iter().filter_map(|s| s.base).collect();
    countries.sort_unstable();
    countries.dedup();
    countries.len() >= 2
        && !targets.is_empty()
        && targets.iter().all(|t| match t.base {
            Some(b) => countries.contains(&b),
            None => joint && !t.person,
        })
}

/// The first coded actor of an "if" or "unless" clause after word `from`.
fn condition_subject(words: &[Word<'_>], actors: &[Actor], from: usize) -> Option<Actor> {
    let cond =
        (from..words.len()).find(|&i| is_event_word(EventClass::ConditionMark, &words[i].lower))?;
    actors
        .iter()
        .find(|a| a.start > cond && a.start <= cond + 4 && a.base.is_some())
        .cloned()
}

/// What the coder needs to know about one sentence.
pub(crate) struct Sentence<'a> {
    pub(crate) words: &'a [Word<'a>],
    /// The sentence's parse, when the syntax stage has run.
    pub(crate) tree: Option<&'a Tree<'a>>,
    pub(crate) span: Span,
    pub(crate) article: &'a Article,
    pub(crate) mentions: &'a MentionIndex<'a>,
}

#[cfg(test)]
mod tests;
