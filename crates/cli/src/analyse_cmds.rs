//! Subcommands of cross-article analysis: `disagreements`, `stories`, `timeline`,
//! `event-counts`, `framing` and `report`.
//! Glue only: records are read from the store, analysed by `storyline-analyse`, and written
//! as a table, CSV, JSON, Markdown or HTML.

#[path = "analyse/events.rs"]
mod events;
#[path = "analyse/framing.rs"]
mod framing;
#[path = "analyse/render.rs"]
mod render;
#[path = "analyse/report.rs"]
mod report;
#[path = "analyse/stored.rs"]
pub mod stored;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use clap::{Args, Subcommand, ValueEnum};

use stored::Corpus;

/// Analysis subcommands.
#[derive(Subcommand, Debug)]
pub enum AnalyseCommand {
    /// Claims about the same quantity whose values differ across articles or claimants.
    ///
    /// A quantity is a subject, a counted noun (troops = soldiers = forces) and a place,
    /// within one story; figures from an earlier phase of the story are listed apart.
    Disagreements(AnalyseArgs),
    /// Articles grouped into developing stories, with near-duplicates and earlier phases.
    Stories(AnalyseArgs),
    /// Dated articles, quotes and claims, relative dates resolved against publication.
    Timeline(TimelineArgs),
    /// Events per story, each counted once however many outlets reported it.
    ///
    /// Reports of one event (same story, action, source and target, dates within a day or
    /// two, same modality) are one row with its number of mentions and outlets; a denial is
    /// its own row, listed as conflicting with what it denies.
    EventCounts(EventCountsArgs),
    /// How each outlet frames the news in its own voice: scare quotes, "so-called", hedges,
    /// loaded terms.
    ///
    /// Per outlet: articles, words of its own voice (outside quotes and reported speech),
    /// markers in that voice by kind and per 1,000 of those words, markers inside speakers'
    /// words (not counted as the outlet's), mean tone and its most frequent terms; first over
    /// the corpus (story `all`), then per story with the outlets side by side.
    Framing(FramingArgs),
    /// A readable briefing: stories, timeline, who said what, disagreements, events, framing,
    /// outlets.
    Report(ReportArgs),
}

/// Database and output flags of the analysis subcommands.
#[derive(Args, Debug, Clone)]
pub struct AnalyseArgs {
    /// The database: an SQLite file, or a `postgres://user:password@host:port/db` URL.
    #[arg(long, value_name = "FILE|URL", default_value = "storyline.db")]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

/// Flags of `storyline timeline`.
#[derive(Args, Debug)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub common: AnalyseArgs,
    /// Only this story (an id from `storyline stories`).
    #[arg(long, value_name = "ID", conflicts_with = "entity")]
    pub story: Option<String>,
    /// Only items involving this entity (any spelling: "Lavrov", "Britain").
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
}

/// Flags of `storyline event-counts`.
#[derive(Args, Debug)]
pub struct EventCountsArgs {
    #[command(flatten)]
    pub common: AnalyseArgs,
    /// Only this story (an id from `storyline stories`).
    #[arg(long, value_name = "ID")]
    pub story: Option<String>,
    /// Leave out denied and hypothetical events.
    #[arg(long)]
    pub asserted_only: bool,
}

/// Flags of `storyline framing`.
#[derive(Args, Debug)]
pub struct FramingArgs {
    #[command(flatten)]
    pub common: AnalyseArgs,
    /// Only this story's outlets (an id from `storyline stories`).
    #[arg(long, value_name = "ID")]
    pub story: Option<String>,
}

/// Flags of `storyline report`.
#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The database: an SQLite file, or a `postgres://user:password@host:port/db` URL.
    #[arg(long, value_name = "FILE|URL", default_value = "storyline.db")]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
}

/// Output of the table-shaped analysis commands: the same formats as the store's queries.
pub use crate::table::QueryFormat as TableFormat;

/// How the report is written.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ReportFormat {
    /// Markdown.
    #[default]
    Md,
    /// A standalone HTML page.
    Html,
}

/// Runs an analysis subcommand.
pub fn run(command: AnalyseCommand) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match command {
        AnalyseCommand::Disagreements(a) => {
            let mut corpus = Corpus::open(&a.db)?;
            let stored = corpus.printed("disagreements", a.format)?;
            if let Some(text) = stored {
                out.write_all(text.as_bytes())?;
            } else {
                let disagreements = corpus.disagreements()?;
                match a.format {
                    TableFormat::Json => json(&mut out, serde_json::to_value(&disagreements)?)?,
                    f => render::disagreements(&disagreements).write(f, &mut out)?,
                }
            }
        }
        AnalyseCommand::Stories(a) => {
            let mut corpus = Corpus::open(&a.db)?;
            let stored = corpus.printed("stories", a.format)?;
            if let Some(text) = stored {
                out.write_all(text.as_bytes())?;
            } else {
                let stories = corpus.stories()?;
                match a.format {
                    TableFormat::Json => json(&mut out, serde_json::to_value(&stories)?)?,
                    f => render::stories(&stories).write(f, &mut out)?,
                }
            }
        }
        AnalyseCommand::Timeline(t) => {
            let mut corpus = Corpus::open(&t.common.db)?;
            if let Some(id) = &t.story {
                known_story(&mut corpus, id, &t.common.db)?;
            }
            let entity = match &t.entity {
                Some(name) => match corpus.entity(name)? {
                    Some(id) => Some(id),
                    None => bail!(
                        "no entity named {name:?} in {}",
                        storyline_store::shown(&t.common.db)
                    ),
                },
                None => None,
            };
            let timeline = match (&t.story, entity) {
                (Some(id), _) => corpus.story_timeline(id)?,
                (None, Some(id)) => corpus.entity_timeline(id)?,
                (None, None) => corpus.timeline()?,
            };
            let mut out = io::BufWriter::new(&mut out);
            match t.common.format {
                TableFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &timeline)?;
                    writeln!(out)?;
                }
                f => render::write_timeline(&timeline, f, &mut out)?,
            }
            out.flush()?;
        }
        AnalyseCommand::EventCounts(e) => {
            let mut corpus = Corpus::open(&e.common.db)?;
            if let Some(id) = &e.story {
                known_story(&mut corpus, id, &e.common.db)?;
            }
            let stored = match (&e.story, e.asserted_only) {
                (None, false) => corpus.printed("event-counts", e.common.format)?,
                _ => None,
            };
            if let Some(text) = stored {
                out.write_all(text.as_bytes())?;
            } else {
                let all = corpus.events()?;
                let groups = events::select(&all, e.story.as_deref(), e.asserted_only);
                match e.common.format {
                    TableFormat::Json => {
                        let mut out = io::BufWriter::new(&mut out);
                        events::write_json(&groups, &mut out)?;
                        out.flush()?;
                    }
                    f => events::table(&groups).write(f, &mut out)?,
                }
            }
        }
        AnalyseCommand::Framing(f) => {
            let mut corpus = Corpus::open(&f.common.db)?;
            if let Some(id) = &f.story {
                known_story(&mut corpus, id, &f.common.db)?;
            }
            let rows = corpus.framing(f.story.as_deref())?;
            match f.common.format {
                TableFormat::Json => json(&mut out, serde_json::to_value(&rows)?)?,
                fmt => framing::table(&rows).write(fmt, &mut out)?,
            }
        }
        AnalyseCommand::Report(r) => {
            let doc = Corpus::open(&r.db)?.report(r.format == ReportFormat::Html)?;
            out.write_all(doc.as_bytes())?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Fails unless `id` is a story of the corpus.
fn known_story(corpus: &mut Corpus, id: &str, db: &Path) -> Result<()> {
    if corpus.story_ids()?.iter().any(|s| s == id) {
        return Ok(());
    }
    bail!(
        "no story with id {id:?} (see `storyline stories --db {}`)",
        storyline_store::shown(db)
    )
}

/// Writes `value` as the analysis commands print JSON (the text the stored `*.json` parts
/// hold).
fn json(out: &mut impl Write, value: serde_json::Value) -> Result<()> {
    out.write_all(stored::pretty(value)?.as_bytes())?;
    Ok(())
}
