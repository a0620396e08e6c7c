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

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use storyline_analyse::{entity_timeline, story_timeline, Analysis, TimelineItem};
use storyline_record::Record;

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
            let (_, analysis) = load(&a.db)?;
            match a.format {
                TableFormat::Json => {
                    json(&mut out, serde_json::to_value(&analysis.disagreements)?)?
                }
                f => render::disagreements(&analysis.disagreements).write(f, &mut out)?,
            }
        }
        AnalyseCommand::Stories(a) => {
            let (_, analysis) = load(&a.db)?;
            match a.format {
                TableFormat::Json => {
                    json(&mut out, serde_json::to_value(&analysis.stories.stories)?)?
                }
                f => render::stories(&analysis.stories.stories).write(f, &mut out)?,
            }
        }
        AnalyseCommand::Timeline(t) => {
            let (_, analysis) = load(&t.common.db)?;
            let items: Vec<&TimelineItem> = match (&t.story, &t.entity) {
                (Some(id), _) => {
                    if analysis.stories.get(id).is_none() {
                        bail!(
                            "no story with id {id:?} (see `storyline stories --db {}`)",
                            storyline_store::shown(&t.common.db)
                        );
                    }
                    story_timeline(&analysis.timeline, id)
                }
                (None, Some(name)) => match analysis.entities.find(name) {
                    Some(id) => entity_timeline(&analysis.timeline, id),
                    None => bail!(
                        "no entity named {name:?} in {}",
                        storyline_store::shown(&t.common.db)
                    ),
                },
                (None, None) => analysis.timeline.iter().collect(),
            };
            match t.common.format {
                TableFormat::Json => json(&mut out, serde_json::to_value(&items)?)?,
                f => render::timeline(&items).write(f, &mut out)?,
            }
        }
        AnalyseCommand::EventCounts(e) => {
            let (_, analysis) = load(&e.common.db)?;
            if let Some(id) = &e.story {
                if analysis.stories.get(id).is_none() {
                    bail!(
                        "no story with id {id:?} (see `storyline stories --db {}`)",
                        storyline_store::shown(&e.common.db)
                    );
                }
            }
            let groups = events::select(&analysis, e.story.as_deref(), e.asserted_only);
            match e.common.format {
                TableFormat::Json => json(&mut out, events::to_json(&groups)?)?,
                f => events::table(&groups).write(f, &mut out)?,
            }
        }
        AnalyseCommand::Framing(f) => {
            let (records, analysis) = load(&f.common.db)?;
            if let Some(id) = &f.story {
                if analysis.stories.get(id).is_none() {
                    bail!(
                        "no story with id {id:?} (see `storyline stories --db {}`)",
                        storyline_store::shown(&f.common.db)
                    );
                }
            }
            let rows = framing::select(&records, &analysis, f.story.as_deref());
            match f.common.format {
                TableFormat::Json => json(&mut out, serde_json::to_value(&rows)?)?,
                fmt => framing::table(&rows).write(fmt, &mut out)?,
            }
        }
        AnalyseCommand::Report(r) => {
            let (records, analysis) = load(&r.db)?;
            let doc = report::build(&records, &analysis);
            match r.format {
                ReportFormat::Md => doc.write_markdown(&mut out)?,
                ReportFormat::Html => doc.write_html(&mut out)?,
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Reads the current records of a database and analyses them.
fn load(db: &PathBuf) -> Result<(Vec<Record>, Analysis)> {
    let store = storyline_store::Store::open_read_only(db)
        .with_context(|| format!("opening {}", storyline_store::shown(db)))?;
    let records = store
        .current_records()
        .with_context(|| format!("reading articles from {}", storyline_store::shown(db)))?;
    let analysis = Analysis::run(&records);
    Ok((records, analysis))
}

fn json(out: &mut impl Write, value: serde_json::Value) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)?;
    Ok(())
}
