//! Who states a claim: the speaker of the quote it sits in, the source in "according to X",
//! the subject of an attribution verb ("NATO warned", "said the minister"), else the outlet.

use crate::context::Context;
use crate::lex::{is_capitalised, lower, text_of, Kind};
use crate::nouns::singular;
use crate::number::{is_word, word_at};
use crate::resolve::is_filler;
use crate::verbs::is_cue;
use crate::words::is_function;
use storyline_lexicon::{is_claim_word, ClaimClass};
use storyline_record::{EntityType, Span};

impl Context<'_> {
    /// Who states the claim at `span` in the sentence `floor..ceil`.
    pub(crate) fn claimant(&self, floor: usize, ceil: usize, span: Span) -> Option<String> {
        for q in self.quotes {
            if q.span.start() <= span.start() && span.start() < q.span.end() {
                if let Some(s) = &q.speaker {
                    return Some(s.clone());
                }
            }
        }
        for k in floor..ceil {
            if is_word(self.text, self.toks, k, "according")
                && is_word(self.text, self.toks, k + 1, "to")
            {
                if let Some(n) = self.according(k + 2, ceil) {
                    return Some(n);
                }
            }
        }
        for k in floor..ceil {
            let is_cue_word = word_at(self.text, self.toks, k).is_some_and(|w| is_cue(&w));
            if !is_cue_word {
                continue;
            }
            if let Some(s) = self.speaker_before(k, floor, span) {
                return Some(s);
            }
            // '"…," said the minister.': the speaker follows the cue and ends the clause
            // ("told the Gazette" names the listener, not the speaker).
            let told = word_at(self.text, self.toks, k)
                .is_some_and(|w| w.starts_with("tel") || w == "told");
            let inverted = !told && k > floor && matches!(self.toks[k - 1].kind, Kind::Punct(_));
            if inverted {
                if let Some((s, e)) = self.phrase_end(k + 1, ceil) {
                    if e >= ceil || matches!(self.toks[e].kind, Kind::Punct(_)) {
                        return Some(s);
                    }
                }
            }
        }
        self.outlet.map(str::to_string)
    }

    /// The source after "according to" ("US intelligence", "the ministry", "its annual
    /// filing" → the organisation "its" stands for), resolved to an entity when it can be.
    fn according(&self, s: usize, ceil: usize) -> Option<String> {
        let at = self.toks.get(s)?.start;
        let possessive = word_at(self.text, self.toks, s)
            .is_some_and(|w| is_claim_word(ClaimClass::PluralPossessive, &w));
        if possessive {
            return self.recent_company(at);
        }
        self.phrase_end(s, ceil).map(|(n, _)| n)
    }

    /// Like `phrase_from`, also giving the token after the phrase.
    fn phrase_end(&self, mut s: usize, ceil: usize) -> Option<(String, usize)> {
        if is_word(self.text, self.toks, s, "the") {
            s += 1;
        }
        let mut e = s;
        while e < ceil && e < s + 6 {
            let t = self.toks[e];
            if !matches!(t.kind, Kind::Word | Kind::Ident) {
                break;
            }
            let w = lower(text_of(self.text, &t));
            let of_name = w == "of"
                && self
                    .toks
                    .get(e + 1)
                    .is_some_and(|n| is_capitalised(text_of(self.text, n)));
            if (is_function(&w) && !of_name) || is_cue(&w) {
                break;
            }
            e += 1;
        }
        if e == s {
            return None;
        }
        if let Some((first, ent)) = self.entity_at(s) {
            let whole = self
                .entity_at(e - 1)
                .is_some_and(|(f, x)| f == first && x.name == ent.name);
            if whole {
                return Some((ent.name.clone(), e));
            }
        }
        let at = self.toks[s].start;
        Some((self.resolve(s, e - 1, at)?, e))
    }

    /// The speaker right before cue token `c` ("NATO warned", "health officials said").
    fn speaker_before(&self, c: usize, floor: usize, claim: Span) -> Option<String> {
        let mut m = c;
        // "AMD has said", "the ministry also said", "police previously said".
        while m > floor
            && m + 2 > c
            && word_at(self.text, self.toks, m - 1)
                .is_some_and(|w| is_claim_word(ClaimClass::CueAuxiliary, &w) || w.ends_with("ly"))
        {
            m -= 1;
        }
        // "Johnson, 57, said": step over the age in apposition.
        let age = m >= floor + 4
            && self.toks[m - 1].kind == Kind::Punct(',')
            && matches!(self.toks[m - 2].kind, Kind::Num(_))
            && self.toks[m - 3].kind == Kind::Punct(',');
        if age {
            m -= 3;
        }
        // "its director, Maria Lopez, told": a named speaker in apposition before the cue.
        if m > floor + 1 && self.toks[m - 1].kind == Kind::Punct(',') {
            return self
                .entity_at(m - 2)
                .filter(|(_, e)| e.kind != EntityType::Place)
                .map(|(_, e)| e.name.clone());
        }
        if m == floor {
            return None;
        }
        let w = word_at(self.text, self.toks, m - 1)?;
        if w == "he" || w == "she" {
            let before = self.toks[m - 1].start;
            return self
                .mentions
                .iter()
                .rev()
                .filter(|(sp, i)| {
                    sp.end() <= before
                        && self
                            .entities
                            .get(*i)
                            .is_some_and(|e| e.kind == EntityType::Person)
                })
                .find_map(|(_, i)| self.entities.get(*i).map(|e| e.name.clone()));
        }
        if let Some((f, e)) = self.entity_at(m - 1) {
            // "Health officials in Ohio reported": the place qualifies the speakers before it.
            let qualified = e.kind == EntityType::Place
                && f > floor + 1
                && word_at(self.text, self.toks, f - 1)
                    .is_some_and(|w| is_claim_word(ClaimClass::QualifyingPreposition, &w))
                && word_at(self.text, self.toks, f - 2).is_some_and(|w| !is_function(&w));
            if !qualified {
                return Some(e.name.clone());
            }
            m = f - 1;
        }
        let mut first = m;
        while first > floor && first + 4 > m {
            let t = self.toks[first - 1];
            if t.kind != Kind::Word {
                break;
            }
            if is_function(&lower(text_of(self.text, &t))) {
                break;
            }
            first -= 1;
        }
        if first == m
            || self.toks[first].start < claim.end() && claim.start() < self.toks[m - 1].end
        {
            return None;
        }
        // The phrase must end in a name or in a noun that can state a figure ("analysts",
        // "a study"): "hopes of a truce earlier in the day", "the force" state nothing.
        let mut h = m - 1;
        while h > first && is_filler(&lower(text_of(self.text, &self.toks[h]))) {
            h -= 1;
        }
        let raw = text_of(self.text, &self.toks[h]);
        let head = lower(raw);
        let states = is_capitalised(raw)
            || [head.as_ref(), singular(&head)].into_iter().any(|w| {
                is_claim_word(ClaimClass::ClaimantNoun, w)
                    || is_claim_word(ClaimClass::PersonNoun, w)
                    || is_claim_word(ClaimClass::PublicBodyNoun, w)
                    || is_claim_word(ClaimClass::CompanyNoun, w)
            });
        if !states {
            return None;
        }
        self.resolve(first, m - 1, self.toks[first].start)
    }
}

#[cfg(test)]
mod tests {
    use crate::context::Context;
    use crate::lex::lex_text;
    use crate::testutil::{article, at};
    use storyline_record::{Entity, EntityType, Quote, QuoteKind, Span};

    #[test]
    fn claimants() {
        let a = article("Smith, 61, said the mill would hire 200 staff. Sales hit 9,000 cars.");
        let toks = lex_text(&a.text);
        let ctx = Context::new(&a, &toks);
        let dot = at(&a.text, &toks, "Sales");
        let span = Span::new(a.text.len(), a.text.len());
        assert_eq!(ctx.claimant(0, dot, span).as_deref(), Some("Smith"));
        assert_eq!(
            ctx.claimant(dot, toks.len(), span).as_deref(),
            Some("Gazette")
        );
        let a = article("The plant will close, according to the GMB union, cutting 300 jobs.");
        let toks = lex_text(&a.text);
        let ctx = Context::new(&a, &toks);
        let span = Span::new(a.text.len(), a.text.len());
        assert_eq!(
            ctx.claimant(0, toks.len(), span).as_deref(),
            Some("GMB union")
        );
    }

    #[test]
    fn reported_speech_names_its_speaker() {
        // Indirect speech is a quote of kind `indirect` (the quotes stage): a number inside
        // it is the speaker's, though no attribution cue stands in the sentence.
        let text = "Lopez expects the library to lend 80,000 books a year.";
        let mut a = article(text);
        let s = text.find("the library").expect("clause");
        a.quotes.push(Quote {
            span: Span::new(s, text.len() - 1),
            speaker: Some("Maria Lopez".into()),
            speaker_span: None,
            speaker_entity: None,
            cue: Some("expects".into()),
            kind: QuoteKind::Indirect,
        });
        let toks = lex_text(&a.text);
        let ctx = Context::new(&a, &toks);
        let n = text.find("80,000").expect("figure");
        let span = Span::new(n, n + 6);
        assert_eq!(
            ctx.claimant(0, toks.len(), span).as_deref(),
            Some("Maria Lopez")
        );
        // Outside the reported clause the outlet states it.
        let before = Span::new(0, 5);
        assert_eq!(
            ctx.claimant(0, toks.len(), before).as_deref(),
            Some("Gazette")
        );
    }

    /// The claimant of a sentence, with entities given as (name, kind, mention).
    fn claimant_of(text: &str, ents: &[(&str, EntityType, &str)]) -> Option<String> {
        let mut a = article(text);
        for (name, kind, mention) in ents {
            let s = text.find(mention).expect("mention");
            a.entities.push(Entity {
                name: name.to_string(),
                kind: *kind,
                aliases: vec![],
                role: None,
                mentions: vec![Span::new(s, s + mention.len())],
            });
        }
        let toks = lex_text(&a.text);
        let ctx = Context::new(&a, &toks);
        let span = Span::new(a.text.len(), a.text.len());
        ctx.claimant(0, toks.len(), span)
    }

    #[test]
    fn only_a_name_or_a_noun_that_can_state_a_figure_claims_it() {
        assert_eq!(
            claimant_of("The new deal shows a 51% stake for the buyer.", &[]).as_deref(),
            Some("Gazette")
        );
        assert_eq!(
            claimant_of("Independent analysts estimated 300 job losses.", &[]).as_deref(),
            Some("Independent analysts")
        );
    }

    #[test]
    fn appositions_auxiliaries_and_fillers() {
        let person = EntityType::Person;
        assert_eq!(
            claimant_of(
                "It will buy 40 laptops, its director, Ann Lee, told the Gazette.",
                &[("Ann Lee", person, "Ann Lee")]
            )
            .as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(
            claimant_of(
                "Globex has said it will sell 9,000 chips.",
                &[("Globex", EntityType::Org, "Globex")]
            )
            .as_deref(),
            Some("Globex")
        );
        assert_eq!(
            claimant_of("The two mayors together said 300 homes flooded.", &[]).as_deref(),
            Some("two mayors")
        );
        assert_eq!(
            claimant_of(
                "Health officials in Ohio reported 1,300 new cases.",
                &[("Ohio", EntityType::Place, "Ohio")]
            )
            .as_deref(),
            Some("Health officials")
        );
        assert_eq!(
            claimant_of("Official figures show 3.4 million people wait.", &[]).as_deref(),
            Some("Official figures")
        );
    }
}
