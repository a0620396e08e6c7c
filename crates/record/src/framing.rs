//! The framing layer: scare quotes, distancing labels, hedges and loaded terms, each with whose
//! voice it is in.

use serde::{Deserialize, Serialize};

use crate::Span;

/// What kind of framing marker a stretch of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FramingKind {
    /// Quotation marks around a word or short phrase that no speaker is quoted as saying:
    /// `Russian 'invasion'`.
    ScareQuote,
    /// A distancing label before a name or noun: "so-called", "self-styled", "would-be".
    SoCalled,
    /// A hedge: "allegedly", "reportedly", "claimed" where a neutral report says "said",
    /// "without evidence", "could not be independently verified".
    Hedge,
    /// A term from the lexicon of loaded and partisan vocabulary: "regime", "baseless".
    Loaded,
}

impl FramingKind {
    /// Every kind, in record order.
    pub const ALL: [FramingKind; 4] = [
        FramingKind::ScareQuote,
        FramingKind::SoCalled,
        FramingKind::Hedge,
        FramingKind::Loaded,
    ];

    /// The kind's name in the JSON record.
    pub fn as_str(&self) -> &'static str {
        match self {
            FramingKind::ScareQuote => "scare_quote",
            FramingKind::SoCalled => "so_called",
            FramingKind::Hedge => "hedge",
            FramingKind::Loaded => "loaded",
        }
    }

    /// Parses a record's kind name.
    pub fn parse(name: &str) -> Option<FramingKind> {
        FramingKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// Whose words a framing marker is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Voice {
    /// The outlet's own voice: its framing.
    #[default]
    Outlet,
    /// Inside quotation marks: a quoted speaker's words.
    Quote,
    /// Inside reported speech without marks (`Lavrov said the claims were baseless`): the
    /// outlet's paraphrase of a speaker.
    Reported,
}

impl Voice {
    /// The voice's name in the JSON record.
    pub fn as_str(&self) -> &'static str {
        match self {
            Voice::Outlet => "outlet",
            Voice::Quote => "quote",
            Voice::Reported => "reported",
        }
    }

    /// Parses a record's voice name.
    pub fn parse(name: &str) -> Option<Voice> {
        [Voice::Outlet, Voice::Quote, Voice::Reported]
            .into_iter()
            .find(|v| v.as_str() == name)
    }
}

/// One framing marker of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Framing {
    /// Scare quote, distancing label, hedge or loaded term.
    pub kind: FramingKind,
    /// The marker as written (a scare quote with its marks, "so-called" with its noun).
    pub span: Span,
    /// The lexicon entry it matched ("regime", "allegedly", "so-called"); `None` for scare
    /// quotes.
    pub term: Option<String>,
    /// The lexicon's category of a loaded term ("dismissive"); `None` otherwise.
    pub category: Option<String>,
    /// Whose words these are.
    pub voice: Voice,
    /// The speaker, when the marker sits in an attributed quote or reported speech.
    pub speaker: Option<String>,
}

/// A framing marker in the record.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RecordFraming {
    /// `scare_quote`, `so_called`, `hedge` or `loaded`.
    pub kind: String,
    /// The marker as written.
    pub text: String,
    /// Its span.
    pub span: [usize; 2],
    /// The lexicon entry it matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    /// Category of a loaded term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `outlet`, `quote` or `reported`: only `outlet` is the outlet's own framing.
    #[serde(default = "outlet_voice")]
    pub voice: String,
    /// The speaker whose words these are, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

fn outlet_voice() -> String {
    Voice::Outlet.as_str().to_string()
}

impl RecordFraming {
    /// Whether the marker is in the outlet's own voice.
    pub fn is_outlet_voice(&self) -> bool {
        self.voice == Voice::Outlet.as_str()
    }
}

/// Document tone as GDELT computes it: the share of positive words minus the share of
/// negative words, in percent of all words.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Default)]
pub struct Tone {
    /// `positive - negative`, from -100 to +100.
    pub tone: f64,
    /// Percent of words that are positive.
    pub positive: f64,
    /// Percent of words that are negative.
    pub negative: f64,
    /// Words counted.
    pub words: usize,
}

impl Tone {
    /// The tone of `words` words of which `num_positive` are positive and `num_negative`
    /// negative; all zero for no words.
    pub fn from_counts(words: usize, num_positive: usize, num_negative: usize) -> Tone {
        if words == 0 {
            return Tone::default();
        }
        let pct = |n: usize| 100.0 * n as f64 / words as f64;
        Tone {
            tone: pct(num_positive) - pct(num_negative),
            positive: pct(num_positive),
            negative: pct(num_negative),
            words,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in FramingKind::ALL {
            assert_eq!(FramingKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Voice::parse("reported"), Some(Voice::Reported));
        assert_eq!(FramingKind::parse("tone"), None);
    }

    #[test]
    fn old_records_default_to_the_outlet_voice() {
        let f: RecordFraming =
            serde_json::from_str(r#"{"kind":"hedge","text":"allegedly","span":[0,9]}"#)
                .expect("parses");
        assert!(f.is_outlet_voice());
        assert_eq!(f.term, None);
    }

    #[test]
    fn tone_is_positive_minus_negative_share() {
        let t = Tone::from_counts(200, 6, 10);
        assert!((t.tone + 2.0).abs() < 1e-9);
        assert!((t.positive - 3.0).abs() < 1e-9);
        assert_eq!(Tone::from_counts(0, 0, 0), Tone::default());
    }
}
