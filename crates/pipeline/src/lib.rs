//! The ordered stages that turn one raw document into a finished article record.
//!
//! Every stage takes the same [`Article`] by mutable reference and fills its own layer:
//!
//! 1. `clean`: furniture removal, the `removed` list, metadata; freezes `text`.
//! 2. `segment`: paragraphs, sentences, tokens (the one token layer).
//! 3. `syntax`: part-of-speech tags, lemmas and a dependency parse on those tokens.
//! 4. `entities`: persons, organisations, places with aliases, roles, mentions.
//! 5. `quotes`: quotations with cues and speakers (reads entities).
//! 6. `framing`: scare quotes, "so-called", hedges, loaded terms with their voice, and tone
//!    (reads quotes and reported speech).
//! 7. `claims`: numeric claims with claimants (reads entities and quotes).
//! 8. `events`: PLOVER actor–action–target events with modality (reads entities and quotes).
//!
//! The order lives here and nowhere else. Stages 4 to 8 read the text as English (their models
//! and word lists are English): they are skipped for an article whose text is reliably in
//! another language (`language` set by `clean` to anything but `en`), which then keeps its text,
//! metadata, tokens and tags, and no entities, quotes, framing, claims or events.
//!
//! ```
//! use storyline_pipeline::Pipeline;
//! use storyline_record::Article;
//!
//! let pipeline = Pipeline::standard();
//! let mut article = Article::new("note.txt", "NATO said it would not send troops.");
//! pipeline.run(&mut article);
//! assert!(!article.text.is_empty());
//! assert_eq!(article.id.as_str().len(), 32);
//! ```
#![deny(missing_docs)]

use storyline_claims::ClaimFinder;
use storyline_clean::Cleaner;
use storyline_entities::EntityRecognizer;
use storyline_events::EventCoder;
use storyline_framing::FramingFinder;
use storyline_quotes::QuoteFinder;
use storyline_record::{Article, Metadata};
use storyline_segment::Segmenter;
use storyline_syntax::SyntaxAnnotator;

/// One step of the pipeline.
///
/// A stage must not edit `article.text` once `clean` has set it, and every span it adds must
/// be a byte span of that text on `char` boundaries. A stage never panics on any text.
pub trait Stage: Send + Sync {
    /// Short name, used in benchmarks and errors.
    fn name(&self) -> &'static str;
    /// Adds this stage's annotations to the article.
    fn process(&self, article: &mut Article);
    /// Whether the stage reads the text as English, and so runs only on an article that may be
    /// English ([`Metadata::may_be_english`]).
    fn reads_english(&self) -> bool;
}

/// Whether `stage` runs on `article`.
fn applies(stage: &dyn Stage, article: &Article) -> bool {
    !stage.reads_english() || article.meta.may_be_english()
}

macro_rules! stage {
    ($ty:ty, $name:literal, $english:literal) => {
        impl Stage for StageAdapter<$ty> {
            fn name(&self) -> &'static str {
                $name
            }
            fn process(&self, article: &mut Article) {
                self.0.annotate(article)
            }
            fn reads_english(&self) -> bool {
                $english
            }
        }
    };
}

/// Wraps a stage crate's runner so it can sit in the stage list.
struct StageAdapter<T>(T);

stage!(Cleaner, "clean", false);
stage!(Segmenter, "segment", false);
stage!(SyntaxAnnotator, "syntax", false);
stage!(EntityRecognizer, "entities", true);
stage!(QuoteFinder, "quotes", true);
stage!(FramingFinder, "framing", true);
stage!(ClaimFinder, "claims", true);
stage!(EventCoder, "events", true);

/// The ordered list of stages.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// Every stage, in order, with default settings.
    pub fn standard() -> Pipeline {
        Pipeline {
            stages: vec![
                Box::new(StageAdapter(Cleaner::new())),
                Box::new(StageAdapter(Segmenter::new())),
                Box::new(StageAdapter(SyntaxAnnotator::new())),
                Box::new(StageAdapter(EntityRecognizer::new())),
                Box::new(StageAdapter(QuoteFinder::new())),
                Box::new(StageAdapter(FramingFinder::new())),
                Box::new(StageAdapter(ClaimFinder::new())),
                Box::new(StageAdapter(EventCoder::new())),
            ],
        }
    }

    /// The stages up to the token layer's syntax (clean, segment, syntax): what
    /// `storyline parse` needs. `syntax` runs with `annotator`'s models.
    pub fn through_syntax(annotator: SyntaxAnnotator) -> Pipeline {
        Pipeline {
            stages: vec![
                Box::new(StageAdapter(Cleaner::new())),
                Box::new(StageAdapter(Segmenter::new())),
                Box::new(StageAdapter(annotator)),
            ],
        }
    }

    /// The stages up to the entities (clean, segment, syntax, entities): what the quotes
    /// stage reads, so all that `storyline train attribution` needs to find the quotes its
    /// judge learns from.
    pub fn through_entities() -> Pipeline {
        let mut p = Pipeline::through_syntax(SyntaxAnnotator::new());
        p.stages
            .push(Box::new(StageAdapter(EntityRecognizer::new())));
        p
    }

    /// Names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Runs every stage that applies over one article.
    pub fn run(&self, article: &mut Article) {
        for stage in &self.stages {
            if applies(stage.as_ref(), article) {
                stage.process(article);
            }
        }
    }

    /// A new article read from `source` with body `text` and the metadata its input stated
    /// (which wins over detected values), run through every stage.
    pub fn process(&self, source: String, text: String, meta: Metadata) -> Article {
        let mut article = Pipeline::article(source, text, meta);
        self.run(&mut article);
        article
    }

    /// [`Pipeline::process`], unless `keep` says otherwise once the first stage has run: the
    /// cleaner, which fixes the body and with it the article's id. `None` when `keep` refused
    /// the cleaned article (an empty body, an id already stored): the later and costlier stages
    /// are not run over it.
    pub fn process_if(
        &self,
        source: String,
        text: String,
        meta: Metadata,
        keep: impl FnOnce(&Article) -> bool,
    ) -> Option<Article> {
        let mut article = Pipeline::article(source, text, meta);
        let (first, rest) = self
            .stages
            .split_first()
            .map_or((None, &[][..]), |(f, r)| (Some(f), r));
        if let Some(first) = first {
            first.process(&mut article);
        }
        if !keep(&article) {
            return None;
        }
        for stage in rest {
            if applies(stage.as_ref(), &article) {
                stage.process(&mut article);
            }
        }
        Some(article)
    }

    /// The article a read document becomes before any stage runs: its source, body and the
    /// metadata its input stated. [`Pipeline::process`] runs the stages over it; a benchmark
    /// times them with [`Pipeline::run_timed`].
    pub fn article(source: String, text: String, meta: Metadata) -> Article {
        let mut article = Article::new(source, text);
        article.meta = meta;
        article
    }

    /// Runs every stage that applies over one article, adding each stage's elapsed time to
    /// `timings` (one slot per stage, in order).
    pub fn run_timed(&self, article: &mut Article, timings: &mut [std::time::Duration]) {
        for (stage, slot) in self.stages.iter().zip(timings.iter_mut()) {
            if applies(stage.as_ref(), article) {
                let start = std::time::Instant::now();
                stage.process(article);
                *slot += start.elapsed();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Mayor Anna Keller said 300 homes were flooded in Leeds on Monday.";

    #[test]
    fn process_if_stops_after_cleaning_when_told() {
        let pipeline = Pipeline::standard();
        let meta = Metadata::default;
        let mut seen = None;
        let refused = pipeline.process_if("a.txt".into(), TEXT.into(), meta(), |a| {
            seen = Some((a.id.clone(), a.text.clone(), a.tokens.len()));
            false
        });
        assert!(refused.is_none());
        let (id, text, num_tokens) = seen.expect("asked");
        assert_eq!(text, TEXT, "cleaned before asking");
        assert_eq!(num_tokens, 0, "nothing after cleaning ran before asking");

        let kept = pipeline.process_if("a.txt".into(), TEXT.into(), meta(), |_| true);
        let full = pipeline.process("a.txt".into(), TEXT.into(), meta());
        let kept = kept.expect("kept");
        assert_eq!(
            (&kept.id, &id),
            (&full.id, &full.id),
            "the id is known after cleaning"
        );
        assert_eq!(kept.claims.len(), full.claims.len());
        assert!(!kept.claims.is_empty() && !kept.tokens.is_empty());
    }

    #[test]
    fn english_stages_skip_a_text_in_another_language() {
        let pipeline = Pipeline::standard();
        let russian =
            "Мэр Анна Келлер заявила, что в понедельник в Лидсе были затоплены 300 домов. \
                       Строительство дамбы заняло три года и обошлось дороже, чем ожидалось.";
        let article = pipeline.process("a.txt".into(), russian.into(), Metadata::default());
        assert_eq!(article.meta.language.as_deref(), Some("ru"));
        assert!(!article.tokens.is_empty(), "the token layer is built");
        assert!(article.entities.is_empty() && article.claims.is_empty());

        // A page that states another language than its English text is read as English.
        let stated = Metadata {
            language: Some("de".into()),
            ..Metadata::default()
        };
        let english = format!(
            "{TEXT} The river rose two metres overnight and the council opened three shelters."
        );
        let article = pipeline.process("b.html".into(), english, stated);
        assert_eq!(article.meta.language.as_deref(), Some("en"));
        assert!(!article.entities.is_empty() && !article.claims.is_empty());
    }
}
