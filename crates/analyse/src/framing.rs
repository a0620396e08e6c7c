//! How each outlet frames what it reports: framing markers in the outlet's own voice per outlet,
//! over the corpus and per story, as counts by kind and a rate per 1,000 words of its own voice.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use storyline_record::{FramingKind, Record};

use crate::StorySet;

/// Terms listed per outlet.
pub const MAX_TOP_TERMS: usize = 5;

/// The label of articles whose outlet is unknown.
pub const UNKNOWN_OUTLET: &str = "(unknown outlet)";

/// One outlet's framing over a set of articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletFraming {
    /// The story these articles belong to; `None` for the whole corpus.
    pub story: Option<String>,
    /// The outlet.
    pub outlet: String,
    /// Articles counted.
    pub articles: usize,
    /// Words in the outlet's own voice (outside quotes and reported speech).
    pub words: usize,
    /// Markers in the outlet's own voice.
    pub markers: usize,
    /// Own-voice markers per 1,000 own-voice words.
    pub per_1000_words: f64,
    /// Own-voice scare quotes.
    pub scare_quote: usize,
    /// Own-voice "so-called" labels.
    pub so_called: usize,
    /// Own-voice hedges.
    pub hedge: usize,
    /// Own-voice loaded terms.
    pub loaded: usize,
    /// Markers in quoted or reported speakers' words (not the outlet's framing).
    pub in_others_words: usize,
    /// The outlet's most frequent own-voice terms, most frequent first.
    pub top_terms: Vec<TermCount>,
    /// Mean document tone of the articles that have one.
    pub tone: Option<f64>,
}

/// A framing term and how often an outlet used it in its own voice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermCount {
    /// The lexicon term, or a scare quote's words in lower case.
    pub term: String,
    /// Its kind (`scare_quote`, `so_called`, `hedge`, `loaded`).
    pub kind: String,
    /// How many times.
    pub count: usize,
}

impl OutletFraming {
    /// The own-voice count of one kind.
    pub fn count(&self, kind: FramingKind) -> usize {
        match kind {
            FramingKind::ScareQuote => self.scare_quote,
            FramingKind::SoCalled => self.so_called,
            FramingKind::Hedge => self.hedge,
            FramingKind::Loaded => self.loaded,
        }
    }
}

#[derive(Default)]
struct Tally {
    articles: usize,
    words: usize,
    kinds: [usize; 4],
    others: usize,
    terms: HashMap<(String, FramingKind), usize>,
    tone_sum: f64,
    num_tones: usize,
}

impl Tally {
    fn add(&mut self, r: &Record) {
        self.articles += 1;
        self.words += own_voice_words(r);
        if let Some(t) = r.tone {
            self.tone_sum += t.tone;
            self.num_tones += 1;
        }
        for f in &r.framing {
            let Some(kind) = FramingKind::parse(&f.kind) else {
                continue;
            };
            if !f.is_outlet_voice() {
                self.others += 1;
                continue;
            }
            self.kinds[kind as usize] += 1;
            let term = match &f.term {
                Some(t) => t.to_lowercase(),
                None => f
                    .text
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase(),
            };
            *self.terms.entry((term, kind)).or_default() += 1;
        }
    }

    fn finish(self, story: Option<&str>, outlet: String) -> OutletFraming {
        let markers: usize = self.kinds.iter().sum();
        let mut terms: Vec<TermCount> = self
            .terms
            .into_iter()
            .map(|((term, kind), count)| TermCount {
                term,
                kind: kind.as_str().to_string(),
                count,
            })
            .collect();
        terms.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
        terms.truncate(MAX_TOP_TERMS);
        OutletFraming {
            story: story.map(str::to_string),
            outlet,
            articles: self.articles,
            words: self.words,
            markers,
            per_1000_words: per_1000(markers, self.words),
            scare_quote: self.kinds[FramingKind::ScareQuote as usize],
            so_called: self.kinds[FramingKind::SoCalled as usize],
            hedge: self.kinds[FramingKind::Hedge as usize],
            loaded: self.kinds[FramingKind::Loaded as usize],
            in_others_words: self.others,
            top_terms: terms,
            tone: (self.num_tones > 0).then(|| self.tone_sum / self.num_tones as f64),
        }
    }
}

/// `n` per 1,000 of `words`, rounded to two decimals; 0 without words.
fn per_1000(n: usize, words: usize) -> f64 {
    if words == 0 {
        return 0.0;
    }
    (100_000.0 * n as f64 / words as f64).round() / 100.0
}

/// Words of the body (whitespace-separated, with a letter or digit) whose first letter or digit
/// is outside every quote (direct or indirect): a word's opening quotation mark is not a word.
pub fn own_voice_words(r: &Record) -> usize {
    let mut others: Vec<[usize; 2]> = r.quotes.iter().map(|q| q.span).collect();
    others.sort_unstable();
    let mut next = 0;
    let mut words = 0;
    let mut counted = false;
    for (i, c) in r.text.chars().enumerate() {
        if c.is_whitespace() {
            counted = false;
            continue;
        }
        if counted || !c.is_alphanumeric() {
            continue;
        }
        counted = true;
        while next < others.len() && others[next][1] <= i {
            next += 1;
        }
        let quoted = others[next..]
            .iter()
            .take_while(|s| s[0] <= i)
            .any(|s| i < s[1]);
        words += usize::from(!quoted);
    }
    words
}

fn outlet_of(r: &Record) -> String {
    r.outlet
        .clone()
        .filter(|o| !o.trim().is_empty())
        .unwrap_or_else(|| UNKNOWN_OUTLET.to_string())
}

/// Per outlet over the records at `indices` (all records when `None`), by outlet name.
fn tally(records: &[Record], indices: &[usize], story: Option<&str>) -> Vec<OutletFraming> {
    let mut by_outlet: BTreeMap<String, Tally> = BTreeMap::new();
    for &i in indices {
        if let Some(r) = records.get(i) {
            by_outlet.entry(outlet_of(r)).or_default().add(r);
        }
    }
    by_outlet
        .into_iter()
        .map(|(outlet, t)| t.finish(story, outlet))
        .collect()
}

/// Each outlet's framing over the whole corpus, by outlet name.
pub fn framing_by_outlet(records: &[Record]) -> Vec<OutletFraming> {
    let all: Vec<usize> = (0..records.len()).collect();
    tally(records, &all, None)
}

/// For each story (in the story set's order), its outlets side by side; near-duplicate copies
/// count once, under the outlet of the copy kept.
pub fn framing_by_story(records: &[Record], stories: &StorySet) -> Vec<OutletFraming> {
    stories
        .stories
        .iter()
        .flat_map(|s| {
            let indices: Vec<usize> = s
                .articles
                .iter()
                .filter(|a| a.duplicate_of.is_none())
                .map(|a| a.index)
                .collect();
            tally(records, &indices, Some(&s.id))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(
        outlet: &str,
        text: &str,
        framing: &[(&str, &str, &str)],
        quote: Option<&str>,
    ) -> Record {
        let span = |w: &str| {
            let at = text.find(w).expect("words in text");
            let s = text[..at].chars().count();
            [s, s + w.chars().count()]
        };
        let framing: Vec<serde_json::Value> = framing
            .iter()
            .map(|(kind, words, voice)| {
                serde_json::json!({"kind": kind, "text": words, "span": span(words),
                                   "term": if *kind == "scare_quote" { None } else { Some(words.to_lowercase()) },
                                   "voice": voice})
            })
            .collect();
        let quotes: Vec<serde_json::Value> = quote
            .map(|q| {
                serde_json::json!({"text": q, "span": span(q), "speaker": "X",
                                         "speaker_span": null, "cue": "said", "kind": "direct"})
            })
            .into_iter()
            .collect();
        serde_json::from_value(serde_json::json!({
            "id": text.len().to_string(), "source": "s", "outlet": outlet, "title": null,
            "published": null, "author": null, "language": "en", "text": text, "removed": [],
            "entities": [], "quotes": quotes, "claims": [], "events": [], "framing": framing,
            "tone": {"tone": -1.0, "positive": 1.0, "negative": 2.0, "words": 10}
        }))
        .expect("valid record")
    }

    #[test]
    fn counts_own_voice_words_outside_quotes() {
        let r = record(
            "A",
            "One two \"three four five\" six.",
            &[],
            Some("three four five"),
        );
        assert_eq!(own_voice_words(&r), 3);
    }

    #[test]
    fn rates_only_the_outlets_own_voice() {
        let records = vec![
            record(
                "Pravda",
                "The regime's 'invasion' talk is baseless, a \"baseless smear\" he said.",
                &[
                    ("loaded", "regime", "outlet"),
                    ("scare_quote", "'invasion'", "outlet"),
                    ("loaded", "baseless", "outlet"),
                    ("loaded", "smear", "quote"),
                ],
                Some("baseless smear"),
            ),
            record("Wire", "Troops moved near the border on Monday.", &[], None),
        ];
        let rows = framing_by_outlet(&records);
        assert_eq!(rows.len(), 2);
        let p = &rows[0];
        assert_eq!(
            (p.outlet.as_str(), p.markers, p.loaded, p.scare_quote),
            ("Pravda", 3, 2, 1)
        );
        assert_eq!(p.in_others_words, 1);
        assert_eq!(p.words, 9);
        assert!((p.per_1000_words - 333.33).abs() < 1e-9);
        assert_eq!(p.top_terms[0].term, "baseless");
        assert_eq!(p.tone, Some(-1.0));
        let w = &rows[1];
        assert_eq!((w.markers, w.per_1000_words), (0, 0.0));
        assert_eq!(w.count(FramingKind::Hedge), 0);
    }

    #[test]
    fn no_words_means_a_zero_rate() {
        assert_eq!(per_1000(3, 0), 0.0);
        assert_eq!(per_1000(1, 3), 333.33);
    }
}
