//! The trigger lexicon (`event_triggers.tsv` in `storyline-lexicon`): words and phrases that name a PLOVER action,
//! with their inflections generated once, and the matcher that finds them in a sentence.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::words::Word;

/// The sixteen event types of current PLOVER.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Agree to, promise, offer.
    Agree,
    /// Meet, talk, visit, mediate.
    Consult,
    /// Praise, endorse, sign, apologise.
    Support,
    /// Yield, ease restrictions, allow.
    Concede,
    /// Material cooperation: joint exercises, extradition, sharing.
    Cooperate,
    /// Give aid, asylum, arms.
    Aid,
    /// Withdraw, release, surrender, resign.
    Retreat,
    /// Demand, appeal, urge.
    Request,
    /// Accuse, criticise, investigate, sue.
    Accuse,
    /// Reject, refuse, veto.
    Reject,
    /// Threaten, warn.
    Threaten,
    /// Demonstrate, strike, riot, block roads.
    Protest,
    /// Sanctions, embargoes, cut ties.
    Sanction,
    /// Mobilise or deploy forces.
    Mobilize,
    /// Arrest, deport, ban, curfew, seize.
    Coerce,
    /// Attack, kill, shell, bomb.
    Assault,
}

impl Action {
    /// The PLOVER label ("MOBILIZE").
    pub fn as_str(&self) -> &'static str {
        match self {
            Action::Agree => "AGREE",
            Action::Consult => "CONSULT",
            Action::Support => "SUPPORT",
            Action::Concede => "CONCEDE",
            Action::Cooperate => "COOPERATE",
            Action::Aid => "AID",
            Action::Retreat => "RETREAT",
            Action::Request => "REQUEST",
            Action::Accuse => "ACCUSE",
            Action::Reject => "REJECT",
            Action::Threaten => "THREATEN",
            Action::Protest => "PROTEST",
            Action::Sanction => "SANCTION",
            Action::Mobilize => "MOBILIZE",
            Action::Coerce => "COERCE",
            Action::Assault => "ASSAULT",
        }
    }

    fn parse(s: &str) -> Option<Action> {
        Some(match s {
            "AGREE" => Action::Agree,
            "CONSULT" => Action::Consult,
            "SUPPORT" => Action::Support,
            "CONCEDE" => Action::Concede,
            "COOPERATE" => Action::Cooperate,
            "AID" => Action::Aid,
            "RETREAT" => Action::Retreat,
            "REQUEST" => Action::Request,
            "ACCUSE" => Action::Accuse,
            "REJECT" => Action::Reject,
            "THREATEN" => Action::Threaten,
            "PROTEST" => Action::Protest,
            "SANCTION" => Action::Sanction,
            "MOBILIZE" => Action::Mobilize,
            "COERCE" => Action::Coerce,
            "ASSAULT" => Action::Assault,
            _ => return None,
        })
    }

    /// Cooperative actions: promising one of them is AGREE, refusing one is REJECT.
    pub(crate) fn is_cooperative(&self) -> bool {
        matches!(
            self,
            Action::Agree
                | Action::Consult
                | Action::Support
                | Action::Concede
                | Action::Cooperate
                | Action::Aid
        )
    }

    /// Cooperative or de-escalating actions: promising one of them is AGREE, refusing one is
    /// REJECT (CAMEO's "express intent to" categories fold into PLOVER's AGREE).
    pub(crate) fn is_promisable(&self) -> bool {
        self.is_cooperative() || *self == Action::Retreat
    }

    /// Hostile material actions: announcing one of them is THREATEN.
    pub(crate) fn is_hostile(&self) -> bool {
        matches!(
            self,
            Action::Sanction | Action::Coerce | Action::Assault | Action::Protest
        )
    }
}

/// One trigger entry.
#[derive(Debug)]
pub(crate) struct Pattern {
    /// The action it names.
    pub(crate) action: Action,
    /// Word slots; `gap` on a slot lets up to [`MAX_GAP`] words stand before it.
    slots: Vec<Slot>,
    /// CAMEO code.
    pub(crate) cameo: Option<&'static str>,
    /// PLOVER mode.
    pub(crate) mode: Option<&'static str>,
    /// Used only when the sentence has no strong trigger.
    pub(crate) weak: bool,
    /// An intent verb ("vow", "promise") whose hostile complement makes a threat.
    pub(crate) intent: bool,
}

#[derive(Debug)]
struct Slot {
    forms: Vec<String>,
    gap: bool,
}

/// Words allowed between two slots joined by `~` ("imposed *tough new* sanctions").
const MAX_GAP: usize = 4;

/// A trigger found in a sentence: words `start..end` of the sentence's word list.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    /// The matched entry.
    pub(crate) pattern: &'static Pattern,
    /// First word.
    pub(crate) start: usize,
    /// One past the last word.
    pub(crate) end: usize,
}

/// The parsed lexicon with an index from every form of a first slot to its entries.
#[derive(Debug)]
pub(crate) struct Triggers {
    patterns: Vec<Pattern>,
    index: HashMap<String, Vec<usize>>,
}

static TRIGGERS: LazyLock<Triggers> =
    LazyLock::new(|| Triggers::parse(storyline_lexicon::event_triggers()));

/// Regular inflections of a base word: plural/3rd person, past, gerund, with and without a
/// doubled final consonant. Over-generation ("visitted") is harmless: such words never occur.
fn inflect(base: &str) -> Vec<String> {
    let mut out = vec![base.to_string()];
    if base.contains(' ') || base.len() < 2 {
        return out;
    }
    let b = base.as_bytes();
    let last = b[b.len() - 1];
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let stem_y = base
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']));
    if let Some(s) = stem_y {
        out.extend([format!("{s}ies"), format!("{s}ied"), format!("{base}ing")]);
    } else if let Some(s) = base.strip_suffix('e') {
        out.extend([format!("{base}s"), format!("{base}d"), format!("{s}ing")]);
    } else {
        let es = ["s", "sh", "ch", "x", "z", "o"]
            .iter()
            .any(|e| base.ends_with(e));
        out.push(format!("{base}{}", if es { "es" } else { "s" }));
        out.extend([format!("{base}ed"), format!("{base}ing")]);
        let cvc = b.len() >= 3
            && !vowel(last)
            && !matches!(last, b'w' | b'x' | b'y')
            && vowel(b[b.len() - 2])
            && !vowel(b[b.len() - 3]);
        if cvc {
            let c = last as char;
            out.extend([format!("{base}{c}ed"), format!("{base}{c}ing")]);
        }
    }
    out
}

impl Triggers {
    /// The shared lexicon.
    pub(crate) fn get() -> &'static Triggers {
        &TRIGGERS
    }

    fn parse(data: &'static str) -> Triggers {
        let mut patterns = Vec::new();
        for line in data.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&'static str> = line.split('\t').map(str::trim).collect();
            let (Some(action), Some(pat)) =
                (cols.first().and_then(|a| Action::parse(a)), cols.get(1))
            else {
                continue;
            };
            let opt = |i: usize| cols.get(i).copied().filter(|c| !c.is_empty() && *c != "-");
            let flags = opt(4).unwrap_or("");
            let mut slots = Vec::new();
            let mut gap = false;
            for w in pat.split(' ') {
                if w == "~" {
                    gap = true;
                    continue;
                }
                let forms = w.split('/').flat_map(inflect).collect();
                slots.push(Slot { forms, gap });
                gap = false;
            }
            if slots.is_empty() {
                continue;
            }
            patterns.push(Pattern {
                action,
                slots,
                cameo: opt(2),
                mode: opt(3),
                weak: flags.contains('w'),
                intent: flags.contains('i'),
            });
        }
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in patterns.iter().enumerate() {
            for f in &p.slots[0].forms {
                let v = index.entry(f.clone()).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
        Triggers { patterns, index }
    }

    /// Whether a lower-case word is the first word of any trigger ("expelled", "sent").
    pub(crate) fn is_trigger_word(&self, lower: &str) -> bool {
        self.index.contains_key(lower)
    }

    /// The longest trigger starting at word `i` of `words`, if any.
    pub(crate) fn at(&'static self, words: &[Word<'_>], i: usize) -> Option<Hit> {
        let first = words.get(i)?;
        if first.punct {
            return None;
        }
        let cands = self.index.get(first.lower.as_str())?;
        let mut best: Option<Hit> = None;
        for &p in cands {
            let pattern = &self.patterns[p];
            if let Some(end) = match_rest(pattern, words, i + 1) {
                if best.is_none_or(|b| end > b.end) {
                    best = Some(Hit {
                        pattern,
                        start: i,
                        end,
                    });
                }
            }
        }
        best
    }
}

/// Matches the slots after the first from word `at`; returns one past the last word.
fn match_rest(p: &Pattern, words: &[Word<'_>], mut at: usize) -> Option<usize> {
    for slot in &p.slots[1..] {
        let max = if slot.gap { MAX_GAP } else { 0 };
        let mut found = None;
        for k in 0..=max {
            let w = words.get(at + k)?;
            if w.punct {
                return None;
            }
            if slot.forms.contains(&w.lower) {
                found = Some(at + k + 1);
                break;
            }
        }
        at = found?;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words_of;

    fn first_hit(text: &str) -> Option<(String, &'static str)> {
        let words = words_of(text, 0, text.len());
        let t = Triggers::get();
        (0..words.len()).find_map(|i| {
            t.at(&words, i).map(|h| {
                let s = words[h.start].span.start();
                let e = words[h.end - 1].span.end();
                (text[s..e].to_string(), h.pattern.action.as_str())
            })
        })
    }

    #[test]
    fn inflects_regular_and_doubled_forms() {
        let f = inflect("ban");
        assert!(f.contains(&"banned".to_string()) && f.contains(&"bans".to_string()));
        assert!(inflect("deny").contains(&"denied".to_string()));
        assert!(inflect("seize").contains(&"seizing".to_string()));
    }

    #[test]
    fn finds_phrases_with_gaps() {
        assert_eq!(
            first_hit("The council imposed tough new sanctions on the club."),
            Some(("imposed tough new sanctions".into(), "SANCTION"))
        );
        assert_eq!(
            first_hit("Strikers opened fire on the goal."),
            Some(("opened fire".into(), "ASSAULT"))
        );
        assert_eq!(
            first_hit("The mayor called for calm."),
            Some(("called for".into(), "REQUEST"))
        );
        assert_eq!(first_hit("The weather was mild."), None);
    }

    #[test]
    fn gaps_never_cross_punctuation() {
        assert_eq!(
            first_hit("They imposed, it seems, sanctions."),
            Some(("sanctions".into(), "SANCTION"))
        );
    }
}
