//! Whose words a stretch of text is: a quoted speaker's, a paraphrased speaker's, or the
//! outlet's own. Built once per article from the quotes stage's output (quotes and reported
//! speech, with their speakers) and from long quoted stretches the quotes stage left out.

use storyline_record::{Article, Quote, QuoteKind, Span, Voice};

use crate::marks::MarkPair;

/// Quoted stretches longer than this many words are someone's words even when the quotes stage
/// found no speaker for them; shorter ones may be scare quotes.
pub(crate) const MAX_SCARE_WORDS: usize = 4;

/// A stretch of text in someone else's voice.
#[derive(Debug, Clone)]
struct Region {
    span: Span,
    voice: Voice,
    speaker: Option<String>,
}

/// The voice map of one article.
#[derive(Debug, Default)]
pub(crate) struct Voices {
    /// Regions sorted by start; quotes before reported speech that starts at the same byte.
    regions: Vec<Region>,
}

impl Voices {
    /// Builds the map from the quotes stage's output and the article's mark pairs.
    pub fn build(article: &Article, pairs: &[MarkPair]) -> Voices {
        let region = |q: &Quote| Region {
            span: q.span,
            voice: if q.kind == QuoteKind::Indirect {
                Voice::Reported
            } else {
                Voice::Quote
            },
            speaker: q.speaker.clone(),
        };
        let mut regions: Vec<Region> = article
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .map(region)
            .collect();
        for p in pairs {
            let long = p.num_words(&article.tokens) > MAX_SCARE_WORDS;
            if long && !regions.iter().any(|r| r.span.overlaps(p.inner)) {
                regions.push(Region {
                    span: p.inner,
                    voice: Voice::Quote,
                    speaker: None,
                });
            }
        }
        regions.extend(
            article
                .quotes
                .iter()
                .filter(|q| q.kind == QuoteKind::Indirect)
                .map(region),
        );
        regions.sort_by_key(|r| (r.span.start(), r.voice != Voice::Quote));
        Voices { regions }
    }

    /// The voice `span` is in and its speaker when known: a quote wins over reported speech.
    pub fn of(&self, span: Span) -> (Voice, Option<String>) {
        let end = self
            .regions
            .partition_point(|r| r.span.start() <= span.start());
        let mut best: Option<&Region> = None;
        for r in self.regions[..end].iter().filter(|r| r.span.contains(span)) {
            let better = match best {
                None => true,
                Some(b) => b.voice != Voice::Quote && r.voice == Voice::Quote,
            };
            if better {
                best = Some(r);
            }
        }
        best.map_or((Voice::Outlet, None), |r| (r.voice, r.speaker.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(span: Span, speaker: &str, kind: QuoteKind) -> Quote {
        Quote {
            span,
            speaker: Some(speaker.into()),
            speaker_span: None,
            speaker_entity: None,
            cue: Some("said".into()),
            kind,
        }
    }

    #[test]
    fn quotes_win_over_indirect_speech() {
        let mut a = Article::new("x", "");
        a.set_text("Lavrov said the claims were \"utterly baseless\" and false.".into());
        a.quotes
            .push(quote(Span::new(12, 57), "Lavrov", QuoteKind::Indirect));
        a.quotes
            .push(quote(Span::new(29, 45), "Lavrov", QuoteKind::Partial));
        let v = Voices::build(&a, &[]);
        assert_eq!(v.of(Span::new(37, 45)).0, Voice::Quote);
        assert_eq!(
            v.of(Span::new(51, 56)),
            (Voice::Reported, Some("Lavrov".into()))
        );
        assert_eq!(v.of(Span::new(0, 6)), (Voice::Outlet, None));
    }
}
