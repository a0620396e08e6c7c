//! Subcommands over the embedded store: `ingest` writes articles into a database; `stats`,
//! `search`, `entity`, `quotes`, `claims` and `events` query it. Glue only: the schema, the
//! write path and the queries live in `storyline-store`.

#[path = "store/export.rs"]
mod export;
#[path = "store/ingest.rs"]
mod ingest;
#[path = "store/queries.rs"]
mod queries;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};

pub use crate::table::QueryFormat;

/// Store subcommands.
#[derive(Subcommand, Debug)]
pub enum StoreCommand {
    /// Extract articles on all cores and store them in a database.
    ///
    /// PATHs are read as by `extract`. An article already stored (same id: the hash of its
    /// normalised body) is not stored again; a new body under a known URL (else source) is
    /// stored as a revision of the old one. Articles are committed in batches: a run killed
    /// at any moment loses at most the batch in flight, and running it again completes the
    /// rest. Prints a one-line summary; the exit status is 1 if any input failed.
    Ingest(IngestArgs),
    /// Count what the database holds: articles, revisions, entities, quotes, claims, events,
    /// and stories (clustered as by `storyline stories`, so it reads every current article).
    Stats(StatsArgs),
    /// Full-text search over titles and bodies, best matches first, with snippets.
    Search(SearchArgs),
    /// Where an entity is named, its roles, who is named beside it, and its quotes.
    ///
    /// NAME matches entity names and aliases, case-insensitively; when nothing matches
    /// exactly, names containing it.
    Entity(EntityArgs),
    /// Quotes, by speaker and/or about a word.
    Quotes(QuotesArgs),
    /// Numeric claims, by counted noun and/or subject.
    Claims(ClaimsArgs),
    /// Actor–action–target events, by actor and/or PLOVER type.
    Events(EventsArgs),
    /// Write the stored articles in another tool's format.
    ///
    /// `jsonl`: the article records; `csv`: one file per table (articles, entities, quotes,
    /// claims, events) in the folder --out; `gkg`: GDELT GKG 2.1 rows, one per article, the
    /// codebook's 27 tab-separated columns (empty where storyline has nothing); `plover`: one
    /// PLOVER JSON line per event. Current articles only (replaced revisions are left out), in
    /// ingest order.
    Export(ExportArgs),
}

/// The database flag shared by every store subcommand.
#[derive(Args, Debug, Clone)]
pub struct DbArgs {
    /// The database: an SQLite file, or a `postgres://user:password@host:port/db` URL.
    #[arg(long, value_name = "FILE|URL", default_value = "storyline.db")]
    pub db: PathBuf,
}

/// Output flags of the query subcommands.
#[derive(Args, Debug, Clone)]
pub struct QueryArgs {
    /// The database: an SQLite file, or a `postgres://user:password@host:port/db` URL.
    #[arg(long, value_name = "FILE|URL", default_value = "storyline.db")]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
}

/// Flags of `storyline ingest`.
#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Files, directories, or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub db: DbArgs,
    /// Refuse input files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_bytes: u64,
    #[command(flatten)]
    pub workers: crate::workers::WorkerArgs,
}

/// Flags of `storyline stats`.
#[derive(Args, Debug)]
pub struct StatsArgs {
    #[command(flatten)]
    pub query: QueryArgs,
    /// Also print, on stderr, how long counting, reading the articles, resolving entities
    /// and clustering stories took (for benchmarks).
    #[arg(long)]
    pub timings: bool,
}

/// Flags of `storyline search`.
#[derive(Args, Debug)]
pub struct SearchArgs {
    /// Words to find (all of them, in any order).
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
    /// Most results shown; stderr says when more match.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    #[command(flatten)]
    pub query: QueryArgs,
}

/// Flags of `storyline entity`.
#[derive(Args, Debug)]
pub struct EntityArgs {
    /// The entity's name or alias.
    #[arg(required = true, value_name = "NAME")]
    pub name: Vec<String>,
    #[command(flatten)]
    pub query: QueryArgs,
}

/// Flags of `storyline quotes`.
#[derive(Args, Debug)]
pub struct QuotesArgs {
    /// Speaker's name contains this.
    #[arg(long, value_name = "X")]
    pub speaker: Option<String>,
    /// Quoted words contain this.
    #[arg(long, value_name = "Y")]
    pub about: Option<String>,
    /// Most rows shown (default: all); stderr says when more match.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub query: QueryArgs,
}

/// Flags of `storyline claims`.
#[derive(Args, Debug)]
pub struct ClaimsArgs {
    /// Counted noun contains this (`troops` finds "Russian troops").
    #[arg(long, value_name = "NOUN")]
    pub noun: Option<String>,
    /// Subject contains this.
    #[arg(long, value_name = "SUBJECT")]
    pub subject: Option<String>,
    /// Most rows shown (default: all); stderr says when more match.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub query: QueryArgs,
}

/// Flags of `storyline events`.
#[derive(Args, Debug)]
pub struct EventsArgs {
    /// Acting entity contains this.
    #[arg(long, value_name = "X")]
    pub actor: Option<String>,
    /// PLOVER event type (`MOBILIZE`, `THREATEN`, …).
    #[arg(long = "type", value_name = "T")]
    pub action: Option<String>,
    /// Leave out negated and hypothetical events.
    #[arg(long)]
    pub asserted_only: bool,
    /// Most rows shown (default: all); stderr says when more match.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub query: QueryArgs,
}

/// The formats of `storyline export`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Article records, one JSON object per line.
    Jsonl,
    /// One CSV file per table, in the folder --out.
    Csv,
    /// GDELT GKG 2.1 article-level rows, tab-separated.
    Gkg,
    /// PLOVER event JSON, one line per event.
    Plover,
}

/// Flags of `storyline export`.
#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Output file (default: standard output); for `csv`, the folder to write the tables in.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
}

/// Runs a store subcommand.
pub fn run(command: StoreCommand) -> Result<()> {
    match command {
        StoreCommand::Ingest(a) => ingest::run(a),
        StoreCommand::Stats(a) => queries::stats(a),
        StoreCommand::Search(a) => queries::search(a),
        StoreCommand::Entity(a) => queries::entity(a),
        StoreCommand::Quotes(a) => queries::quotes(a),
        StoreCommand::Claims(a) => queries::claims(a),
        StoreCommand::Events(a) => queries::events(a),
        StoreCommand::Export(a) => export::run(a),
    }
}

#[cfg(test)]
mod tests {
    use crate::args::{Cli, Command};
    use clap::Parser;

    use super::*;

    #[test]
    fn query_flags_parse() {
        let cli = Cli::try_parse_from([
            "storyline",
            "events",
            "--type",
            "mobilize",
            "--asserted-only",
            "--format",
            "csv",
            "--db",
            "x.db",
        ])
        .expect("parses");
        match cli.command {
            Command::Store(StoreCommand::Events(a)) => {
                assert!(a.asserted_only);
                assert_eq!(a.action.as_deref(), Some("mobilize"));
                assert_eq!(a.query.format, QueryFormat::Csv);
                assert_eq!(a.query.db, PathBuf::from("x.db"));
            }
            other => panic!("parsed {other:?}"),
        }
        let cli = Cli::try_parse_from(["storyline", "ingest", "a.txt"]).expect("parses");
        match cli.command {
            Command::Store(StoreCommand::Ingest(a)) => {
                assert_eq!(a.db.db, PathBuf::from("storyline.db"))
            }
            other => panic!("parsed {other:?}"),
        }
    }
}
