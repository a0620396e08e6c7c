//! Test fixtures: article records built from inline sentences, spans found by searching the text.

use storyline_record::{Record, RecordClaim, RecordEntity, RecordQuote};

/// Builds one record; every span is located by finding its words in the text.
pub struct Rec(pub Record);

/// Character span of the first occurrence of `needle` in `text` (empty span when absent).
pub fn find_span(text: &str, needle: &str) -> [usize; 2] {
    match text.find(needle) {
        Some(b) => {
            let start = text.get(..b).map_or(0, |s| s.chars().count());
            [start, start + needle.chars().count()]
        }
        None => [0, 0],
    }
}

impl Rec {
    /// A record with metadata and a body; sentences split at ". ".
    pub fn new(id: &str, outlet: Option<&str>, published: Option<&str>, text: &str) -> Rec {
        let mut sentences = Vec::new();
        let mut start = 0;
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            let end_here = matches!(c, '.' | '!' | '?')
                && chars.get(i + 1).is_none_or(|n| *n == ' ' || *n == '\n');
            if end_here {
                sentences.push([start, i + 1]);
                start = i + 2;
            }
        }
        if start < chars.len() {
            sentences.push([start, chars.len()]);
        }
        // Built through JSON so fields added to the record later get their defaults.
        let json = serde_json::json!({
            "id": id, "source": format!("{id}.txt"), "outlet": outlet, "title": null,
            "published": published, "author": null, "language": "en", "text": text,
            "removed": [], "sentences": sentences, "entities": [], "quotes": [],
            "claims": [], "events": [],
        });
        match serde_json::from_value::<Record>(json) {
            Ok(r) => Rec(r),
            Err(e) => panic!("test record does not match the contract: {e}"),
        }
    }

    /// Adds an entity (mentions: first occurrence of its name).
    pub fn entity(mut self, name: &str, kind: &str, aliases: &[&str], role: Option<&str>) -> Rec {
        let span = find_span(&self.0.text, name);
        self.0.entities.push(RecordEntity {
            name: name.into(),
            kind: kind.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            role: role.map(str::to_string),
            mentions: vec![span],
        });
        self
    }

    /// Adds a quote attributed to `speaker`, whose mention is `speaker_text` in the text.
    pub fn quote(mut self, words: &str, speaker: &str, speaker_text: &str) -> Rec {
        self.0.quotes.push(RecordQuote {
            text: words.into(),
            span: find_span(&self.0.text, words),
            speaker: Some(speaker.into()),
            speaker_span: Some(find_span(&self.0.text, speaker_text)),
            speaker_entity: None,
            cue: Some("said".into()),
            kind: "direct".into(),
        });
        self
    }

    /// Adds a claim written as `written`.
    #[allow(clippy::too_many_arguments)]
    pub fn claim(
        mut self,
        value: f64,
        noun: &str,
        subject: Option<&str>,
        place: Option<&str>,
        hedge: Option<&str>,
        claimant: Option<&str>,
        written: &str,
    ) -> Rec {
        self.0.claims.push(RecordClaim {
            value,
            unit: None,
            noun: noun.into(),
            subject: subject.map(str::to_string),
            place: place.map(str::to_string),
            hedge: hedge.map(str::to_string),
            claimant: claimant.map(str::to_string),
            text: written.into(),
            span: find_span(&self.0.text, written),
            vague: false,
            upper: None,
        });
        self
    }
}
