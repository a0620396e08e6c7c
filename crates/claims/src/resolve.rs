//! Resolving what a claimant or subject phrase refers to: a role noun to the person holding
//! the role ("the mayor" → the PERSON whose role holds "Mayor"), an organisation noun to the
//! organisation named earlier ("the company" → the latest company, "the foundation" → the
//! latest ORG with "Foundation" in its name), "it"/"its" to the latest organisation, and a
//! lone surname or short name to the entity it abbreviates ("United" → "Manchester United").

use crate::context::Context;
use crate::lex::{is_capitalised, lower, text_of};
use crate::words::is_function;
use storyline_lexicon::{is_claim_word, ClaimClass};
use storyline_record::{Entity, EntityType, Span};

/// How many earlier entity mentions a reference looks back over: a role or "the company"
/// refers to something named recently, and the bound keeps each claim's cost fixed.
const LOOKBACK: usize = 200;

/// Nouns that stand for a company named earlier ("the company said").
fn is_company_noun(w: &str) -> bool {
    is_claim_word(ClaimClass::CompanyNoun, w)
}

/// Words in an organisation's name that make it a public body rather than a company.
fn is_public_body_word(w: &str) -> bool {
    is_claim_word(ClaimClass::PublicBodyNoun, w)
}

/// Words that never name a claimant on their own ("said together", "also said").
pub(crate) fn is_filler(w: &str) -> bool {
    w.ends_with("ly") || is_claim_word(ClaimClass::Filler, w)
}

impl Context<'_> {
    /// The latest entity mentioned before byte `before` that satisfies `keep`.
    pub(crate) fn recent(&self, before: usize, keep: impl Fn(&Entity) -> bool) -> Option<&Entity> {
        let end = self.mentions.partition_point(|(m, _)| m.start() < before);
        self.mentions[end.saturating_sub(LOOKBACK)..end]
            .iter()
            .rev()
            .filter_map(|&(_, i)| self.entities.get(i))
            .find(|e| keep(e))
    }

    /// The company a story is about as of byte `before`: of the companies named so far (not
    /// public bodies, not the outlet), the most mentioned, the first named on a tie. "The company"
    /// in a results story is the reporting company, not the analyst firm named last.
    pub(crate) fn recent_company(&self, before: usize) -> Option<String> {
        let end = self.mentions.partition_point(|(m, _)| m.start() < before);
        let mut counts = vec![0usize; self.entities.len()];
        let mut best: Option<(usize, usize)> = None;
        for &(_, i) in &self.mentions[end.saturating_sub(LOOKBACK)..end] {
            let Some(e) = self.entities.get(i) else {
                continue;
            };
            let company = e.kind == EntityType::Org
                && Some(e.name.as_str()) != self.outlet
                && !e
                    .name
                    .split_whitespace()
                    .any(|w| is_public_body_word(&w.to_lowercase()));
            if !company {
                continue;
            }
            counts[i] += 1;
            let count = counts[i];
            if best.is_none_or(|(b, c)| b == i || count > c) {
                best = Some((i, count));
            }
        }
        best.and_then(|(i, _)| self.entities.get(i))
            .map(|e| e.name.clone())
    }

    /// What the phrase in tokens `first..=last` refers to, read before byte `before`: an
    /// entity for role, organisation and pronoun phrases, else the phrase itself; `None` for
    /// fillers ("together").
    pub(crate) fn resolve(
        &self,
        mut first: usize,
        mut last: usize,
        before: usize,
    ) -> Option<String> {
        // "the two presidents together": fillers at either end are not part of the name.
        let filler = |k: usize| {
            self.toks
                .get(k)
                .is_some_and(|t| is_filler(&lower(text_of(self.text, t))))
        };
        while last > first && filler(last) {
            last -= 1;
        }
        while first < last && filler(first) {
            first += 1;
        }
        let words: Vec<String> = (first..=last)
            .filter_map(|k| self.toks.get(k))
            .map(|t| lower(text_of(self.text, t)).into_owned())
            .collect();
        let content: Vec<&String> = words
            .iter()
            .filter(|w| !is_function(w) && !is_filler(w))
            .collect();
        if content.is_empty() {
            if words.iter().any(|w| w == "it" || w == "its") {
                return self.recent_company(before);
            }
            return None;
        }
        let head_tok = self.toks.get(last)?;
        let head = lower(text_of(self.text, head_tok)).into_owned();
        if head.ends_with("ing") {
            // "beating estimates": a participle before a noun-like cue, not a source.
            return None;
        }
        if is_capitalised(text_of(self.text, head_tok)) {
            return Some(self.name(first, last));
        }
        // "the mayor", "the chief executive": the person holding that role.
        let role = self.recent(before, |e| {
            e.kind == EntityType::Person
                && e.role
                    .as_deref()
                    .is_some_and(|r| r.to_lowercase().split_whitespace().any(|w| w == head))
        });
        if let Some(e) = role {
            return Some(e.name.clone());
        }
        // "the foundation", "the ministry": the organisation with that word in its name.
        let named = self.recent(before, |e| {
            e.kind == EntityType::Org
                && e.name
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(&head))
        });
        if let Some(e) = named {
            return Some(e.name.clone());
        }
        if is_company_noun(&head) && content.len() == 1 {
            if let Some(c) = self.recent_company(before) {
                return Some(c);
            }
        }
        Some(self.name(first, last))
    }

    /// What an amount or percentage in the sentence `floor..ceil` is about when no name
    /// precedes it: an organisation or place named in the sentence, else the company that
    /// "its" or "the company" stands for ("it" is too often an object to trust).
    pub(crate) fn measured_subject(&self, floor: usize, ceil: usize) -> Option<String> {
        let (a, b) = (self.toks.get(floor)?.start, self.toks.get(ceil - 1)?.end);
        let from = self.mentions.partition_point(|(m, _)| m.start() < a);
        // The first organisation or place that is not inside a phrase ("since Russia's
        // invasion"), else the first at all.
        let candidates = || {
            self.mentions[from..]
                .iter()
                .take_while(|(m, _)| m.end() <= b)
                .filter(|&&(_, i)| {
                    self.entities.get(i).is_some_and(|e| {
                        e.kind != EntityType::Person && Some(e.name.as_str()) != self.outlet
                    })
                })
        };
        let first_tok = |m: Span| (floor..ceil).find(|&k| self.toks[k].start >= m.start());
        let named = candidates()
            .find(|&&(m, _)| first_tok(m).is_some_and(|k| !self.in_phrase(k, floor)))
            .or_else(|| candidates().next())
            .and_then(|&(_, i)| self.entities.get(i));
        if let Some(e) = named {
            return Some(e.name.clone());
        }
        let anaphor = (floor..ceil).any(|k| {
            self.toks.get(k).is_some_and(|t| {
                let w = lower(text_of(self.text, t));
                w == "its" || is_company_noun(&w)
            })
        });
        anaphor.then(|| self.recent_company(a)).flatten()
    }

    /// The entity whose longer name a lone capitalised word abbreviates ("United" →
    /// "Manchester United", "Klopp" → "Jurgen Klopp").
    pub(crate) fn abbreviated(&self, word: &str) -> Option<String> {
        self.entities
            .iter()
            .find(|e| {
                e.name.split_whitespace().count() > 1
                    && e.name.split_whitespace().any(|w| w == word)
            })
            .map(|e| e.name.clone())
    }
}

#[cfg(test)]
mod tests {
    use crate::context::Context;
    use crate::lex::{lex_text, text_of};
    use storyline_record::{Article, Entity, EntityType, Span};

    fn article(text: &str, ents: &[(&str, EntityType, &str, Option<&str>)]) -> Article {
        let mut a = Article::new("t.txt", text);
        a.set_text(text.to_string());
        for (name, kind, mention, role) in ents {
            let s = text.find(mention).expect("mention");
            a.entities.push(Entity {
                name: name.to_string(),
                kind: *kind,
                aliases: vec![],
                role: role.map(str::to_string),
                mentions: vec![Span::new(s, s + mention.len())],
            });
        }
        a
    }

    fn resolve(a: &Article, phrase: &str) -> Option<String> {
        let toks = lex_text(&a.text);
        let ctx = Context::new(a, &toks);
        let words: Vec<&str> = phrase.split(' ').collect();
        let first = (0..toks.len())
            .rev()
            .find(|&k| {
                words
                    .iter()
                    .enumerate()
                    .all(|(i, w)| toks.get(k + i).is_some_and(|t| text_of(&a.text, t) == *w))
            })
            .expect("phrase");
        let last = first + words.len() - 1;
        ctx.resolve(first, last, toks[first].start)
    }

    #[test]
    fn roles_companies_and_bodies() {
        let a = article(
            "Mayor Ann Rowe backed the plan. Acme Corp and the Leeds Rugby Foundation agreed. \
             The mayor said so. The company said so. The foundation said so. It said so. \
             The state power utility said so. Together said so.",
            &[
                ("Ann Rowe", EntityType::Person, "Ann Rowe", Some("Mayor")),
                ("Acme Corp", EntityType::Org, "Acme Corp", None),
                (
                    "Leeds Rugby Foundation",
                    EntityType::Org,
                    "Leeds Rugby Foundation",
                    None,
                ),
            ],
        );
        assert_eq!(resolve(&a, "mayor").as_deref(), Some("Ann Rowe"));
        assert_eq!(resolve(&a, "company").as_deref(), Some("Acme Corp"));
        assert_eq!(
            resolve(&a, "foundation").as_deref(),
            Some("Leeds Rugby Foundation")
        );
        assert_eq!(resolve(&a, "It").as_deref(), Some("Acme Corp"));
        assert_eq!(
            resolve(&a, "state power utility").as_deref(),
            Some("state power utility")
        );
        assert_eq!(resolve(&a, "Together"), None);
    }
}
