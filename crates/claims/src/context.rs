//! What and where around a claim: the article context (tokens, entity mentions, quotes), the
//! subject a number is about and the place it sits in. The claimant lives in `claimant`.

use crate::lex::{is_capitalised, lower, text_of, Kind, Tok};
use crate::noun::Noun;
use crate::nouns::{currency_word, is_place_word};
use crate::number::{is_word, word_at};
use crate::verbs::is_cue;
use crate::words::{cardinal, hedges, is_function, is_month, vague};
use storyline_lexicon::{is_claim_word, ClaimClass};
use storyline_record::{Article, Entity, EntityType, Quote, Span};

/// The article around the claims: tokens, entity mentions and quotes.
pub(crate) struct Context<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Tok],
    pub(crate) entities: &'a [Entity],
    /// Every entity mention with its entity's index, by start.
    pub(crate) mentions: Vec<(Span, usize)>,
    pub(crate) quotes: &'a [Quote],
    pub(crate) outlet: Option<&'a str>,
    /// The article, for its dependency parse.
    pub(crate) article: &'a Article,
}

/// Prepositions: a name right after one sits in a phrase and is not the clause's subject.
fn is_preposition(w: &str) -> bool {
    is_claim_word(ClaimClass::Preposition, w)
}

/// Words that open a new clause and so end the search for a place.
fn is_clause_break(w: &str) -> bool {
    is_claim_word(ClaimClass::ClauseBreak, w)
}

/// Days of the week, which are capitalised but never what a number is about.
pub(crate) fn is_weekday(w: &str) -> bool {
    storyline_dates::is_weekday_name(w)
}

/// Capitalised sentence openers that are not names.
fn is_opener(w: &str) -> bool {
    w.ends_with("ly") || is_weekday(w) || is_claim_word(ClaimClass::Opener, w)
}

impl<'a> Context<'a> {
    /// Indexes the article's entity mentions.
    pub(crate) fn new(article: &'a Article, toks: &'a [Tok]) -> Context<'a> {
        let mut mentions: Vec<(Span, usize)> = article
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |&m| (m, i)))
            .collect();
        mentions.sort_by_key(|(m, _)| (m.start(), m.end()));
        Context {
            text: &article.text,
            toks,
            entities: &article.entities,
            mentions,
            quotes: &article.quotes,
            outlet: article.meta.outlet.as_deref(),
            article,
        }
    }

    /// The entity mention covering token `k`, with its first token.
    pub(crate) fn entity_at(&self, k: usize) -> Option<(usize, &'a Entity)> {
        let t = self.toks.get(k)?;
        let i = self.mentions.partition_point(|(m, _)| m.start() <= t.start);
        let &(m, e) = self.mentions.get(i.checked_sub(1)?)?;
        if m.end() < t.end {
            return None;
        }
        let mut first = k;
        while first > 0 && self.toks[first - 1].start >= m.start() {
            first -= 1;
        }
        Some((first, self.entities.get(e)?))
    }

    /// Whether token `k` looks like part of a name, for when no entity covers it.
    fn proper(&self, k: usize, floor: usize) -> bool {
        let Some(t) = self.toks.get(k) else {
            return false;
        };
        let raw = text_of(self.text, t);
        if !matches!(t.kind, Kind::Word | Kind::Ident) || !is_capitalised(raw) {
            return false;
        }
        let w = lower(raw);
        let hedge = hedges().iter().any(|h| h.first() == Some(&w.as_ref()));
        let number = cardinal(&w).is_some()
            || vague(&w).is_some()
            || currency_word(&w).is_some()
            || w == "rs";
        !(is_function(&w)
            || is_month(&w)
            || hedge
            || number
            || is_cue(&w)
            || is_weekday(&w)
            || (k == floor && is_opener(&w)))
    }

    /// A name as written, without a possessive ending.
    pub(crate) fn name(&self, first: usize, last: usize) -> String {
        let s = self
            .text
            .get(self.toks[first].start..self.toks[last].end)
            .unwrap_or("");
        s.trim_end_matches("'s").trim_end_matches("’s").to_string()
    }

    /// The name ending at token `k`: an entity's canonical name or a capitalised run.
    fn name_ending_at(&self, k: usize, floor: usize) -> Option<(usize, String)> {
        if let Some((first, e)) = self.entity_at(k) {
            return Some((first.max(floor), e.name.clone()));
        }
        if !self.proper(k, floor) {
            return None;
        }
        let mut first = k;
        while first > floor && self.proper(first - 1, floor) && self.entity_at(first - 1).is_none()
        {
            first -= 1;
        }
        if self.mentions.is_empty() {
            return Some((first, self.name(first, k)));
        }
        // With entities known, a capitalised word they missed is a short form of one
        // ("United" → "Manchester United") or, opening the sentence, a common word
        // ("Revenue", "Floods").
        if first == k {
            let word = text_of(self.text, &self.toks[k]);
            if let Some(name) = self.abbreviated(word) {
                return Some((first, name));
            }
        }
        (first > floor).then(|| (first, self.name(first, k)))
    }

    /// Whether the name starting at token `s` follows a preposition ("over eastern Ukraine").
    pub(crate) fn in_phrase(&self, s: usize, floor: usize) -> bool {
        let mut m = s;
        let mut skipped = 0;
        while m > floor {
            let Some(w) = word_at(self.text, self.toks, m - 1) else {
                return false;
            };
            if is_preposition(&w) {
                return true;
            }
            let raw = text_of(self.text, &self.toks[m - 1]);
            let modifier = w == "the" || (!is_function(&w) && !is_capitalised(raw) && skipped < 2);
            if !modifier {
                return false;
            }
            skipped += 1;
            m -= 1;
        }
        false
    }

    /// What the number is about: an entity or demonym inside the counted phrase, else the
    /// nearest name before the number that is not inside a prepositional phrase.
    pub(crate) fn subject(&self, floor: usize, lead: usize, noun: Option<&Noun>) -> Option<String> {
        if let Some(n) = noun.filter(|n| n.after) {
            for k in n.start..=n.end {
                if let Some((_, e)) = self.entity_at(k) {
                    return Some(e.name.clone());
                }
            }
            if let Some(c) = n.country {
                return Some(c.to_string());
            }
        }
        let stop = floor.max(lead.saturating_sub(40));
        let mut k = lead;
        while k > stop {
            k -= 1;
            if let Some((first, name)) = self.name_ending_at(k, floor) {
                if !self.in_phrase(first, floor) {
                    return Some(name);
                }
                k = first;
            }
        }
        None
    }

    /// Where the counted things are: the first prepositional phrase after `from` (in the same
    /// clause) that names a place or holds a border or region word.
    pub(crate) fn place(&self, from: usize, ceil: usize) -> Option<String> {
        let limit = ceil.min(from + 16);
        let mut k = from;
        while k < limit {
            let t = self.toks[k];
            if let Kind::Punct(c) = t.kind {
                if matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '—' | '.') {
                    return None;
                }
                k += 1;
                continue;
            }
            let w = lower(text_of(self.text, &t));
            if is_clause_break(&w) {
                return None;
            }
            if !is_claim_word(ClaimClass::LocationPreposition, w.as_ref()) {
                k += 1;
                continue;
            }
            let s = k + 1;
            if w == "in" && is_word(self.text, self.toks, s, "front") {
                // "in front of a crowd": a position, not a place.
                k = s + 1;
                continue;
            }
            let mut e = s;
            let mut evidence = false;
            while e < ceil && e < s + 7 {
                let t = self.toks[e];
                if !matches!(t.kind, Kind::Word | Kind::Ident) {
                    break;
                }
                let raw = text_of(self.text, &t);
                let w = lower(raw);
                // "the border with Niger": "with" joins a border to its other side.
                let joins = is_claim_word(ClaimClass::PlaceJoiner, &w)
                    || (w == "with"
                        && word_at(self.text, self.toks, e - 1)
                            .is_some_and(|p| p.starts_with("border") || p.starts_with("frontier")));
                if is_function(&w) && !joins {
                    break;
                }
                let place_entity = self
                    .entity_at(e)
                    .is_some_and(|(_, x)| x.kind == EntityType::Place);
                let named = self.mentions.is_empty()
                    && is_capitalised(raw)
                    && !is_month(&w)
                    && !is_opener(&w);
                if place_entity || is_place_word(&w) || named {
                    evidence = true;
                }
                e += 1;
                // "in the UK live with…": a place name ends the phrase unless a place word
                // or "of" continues it ("the Donbas region", "the Gulf of Mexico").
                let continues = self.entity_at(e).is_some_and(|(f, _)| f < e)
                    || word_at(self.text, self.toks, e)
                        .is_some_and(|n| is_place_word(&n) || n == "of");
                if place_entity && !continues {
                    break;
                }
            }
            while e > s
                && word_at(self.text, self.toks, e - 1)
                    .is_some_and(|w| is_claim_word(ClaimClass::PlaceJoiner, &w) || w == "with")
            {
                e -= 1;
            }
            if evidence && e > s {
                return self
                    .text
                    .get(self.toks[s].start..self.toks[e - 1].end)
                    .map(str::to_string);
            }
            k = e.max(k + 1);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::lex_text;
    use crate::testutil::{article, at};

    #[test]
    fn subject_skips_names_inside_phrases() {
        let a = article("In Leeds, the council has shed 40 jobs.");
        let toks = lex_text(&a.text);
        let ctx = Context::new(&a, &toks);
        assert_eq!(ctx.subject(0, at(&a.text, &toks, "40"), None), None);
        let a = article("Over eastern Syria, the Turkish army lost 12 drones.");
        let toks = lex_text(&a.text);
        let ctx = Context::new(&a, &toks);
        assert_eq!(
            ctx.subject(0, at(&a.text, &toks, "12"), None).as_deref(),
            Some("Turkish")
        );
    }

    #[test]
    fn place_needs_a_place() {
        let a = article("They sent 500 medics in recent days to the flooded region.");
        let toks = lex_text(&a.text);
        let ctx = Context::new(&a, &toks);
        let from = at(&a.text, &toks, "medics") + 1;
        assert_eq!(
            ctx.place(from, toks.len()).as_deref(),
            Some("the flooded region")
        );
    }
}
