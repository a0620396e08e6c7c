//! Command-line flags: one definition per flag, carrying its help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// storyline: a local, fast news-intelligence engine.
///
/// Reads news articles (scraped text, HTML pages, RSS/Atom/JSON feeds, WARC archives, JSONL) and
/// tells who is named, who said what, which numbers are claimed by whom and what happened to
/// whom, each answer pointing back to the exact characters of its source; stores them and
/// answers across articles: stories, disagreements, timelines.
///
/// Start with `storyline extract examples/seeds --format text`, then
/// `storyline ingest examples/seeds` and `storyline report`.
#[derive(Parser, Debug)]
#[command(name = "storyline", version, about, long_about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Read articles, clean them and write one article record per article.
    ///
    /// PATHs are files, directories (read recursively, in name order, hidden entries skipped)
    /// or `-` for standard input. Text may be UTF-8, UTF-16 with a byte-order mark, or a
    /// legacy encoding such as Windows-1252. A `.jsonl` file (or any file whose first line is a
    /// JSON object) holds one article per line: {"text": ..., "id"?, "url"?, "title"?,
    /// "published"?, "outlet"?}; given fields win over detected ones. Bad inputs are reported
    /// on stderr, one line each, and skipped; the exit status is 1 if any input failed.
    Extract(ExtractArgs),
    /// Measure throughput: run the extract pipeline in memory, on one thread.
    ///
    /// Loads the inputs once, then processes them --repeat times and prints words/s (words
    /// counted as whitespace-separated input words, as the spaCy anchor counts them),
    /// articles/s and each stage's share of the time. Pin it to one core to compare runs:
    /// `taskset -c 0 storyline bench examples/seeds`.
    Bench(BenchArgs),
    /// Write the token layer: tokens, part-of-speech tags, lemmas and a dependency parse.
    ///
    /// Runs cleaning, segmentation and the syntax models over any input storyline reads and
    /// writes CoNLL-U (`TokenRange=start:end` in MISC gives each token's character span in
    /// the cleaned text of `storyline extract`) or JSONL. On CoNLL-U input (`.conllu`), the
    /// words and sentences are kept exactly as given and tags, lemmas, heads and relations are
    /// predicted: the standard way to score a parser against a treebank.
    Parse(crate::parse_cmd::ParseArgs),
    /// Train the part-of-speech tagger or the dependency parser on CoNLL-U treebanks.
    ///
    /// `storyline train pos` writes models/tagger.stlm, `storyline train parse`
    /// models/parser.stlm; both read UD English EWT and GUM from ../shared/corpora by default.
    Train(crate::train::TrainArgs),
    /// Fetch feeds and pages over HTTP(S), politely, and store their articles.
    Crawl(crate::crawl_cmd::CrawlArgs),
    /// Store and per-item query subcommands.
    #[command(flatten)]
    Store(crate::store_cmds::StoreCommand),
    /// Cross-article analysis subcommands.
    #[command(flatten)]
    Analyse(crate::analyse_cmds::AnalyseCommand),
    /// Serve the store over HTTP: a JSON API under /api/v1 and a dashboard at /.
    ///
    /// The API is described at /api/v1/openapi.json. Storing articles (POST /api/v1/articles,
    /// one JSON article or a JSONL batch) needs `Authorization: Bearer TOKEN`, the token
    /// taken from STORYLINE_TOKEN or --token-file. Listens on loopback unless told otherwise.
    Serve(crate::serve_cmd::ServeArgs),
}

/// Flags of `storyline extract`.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Files, directories, or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<String>,
    /// Refuse input files larger than this many bytes (for WARC archives and files named
    /// `.jsonl`, which are streamed: records and lines larger than this).
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_bytes: u64,
    #[command(flatten)]
    pub workers: crate::workers::WorkerArgs,
    /// After the run, print on stderr how often each lexicon word list answered yes: which
    /// lists decided these articles. Lists named in STORYLINE_LEXICON_OFF (comma-separated)
    /// are switched off, so that their contribution can be re-scored.
    #[arg(long)]
    pub lexicon_hits: bool,
}

/// Flags of `storyline bench`.
#[derive(Args, Debug)]
pub struct BenchArgs {
    /// Files or directories to process.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// How many times to process the whole input.
    #[arg(long, default_value_t = 40, value_name = "N")]
    pub repeat: usize,
}

/// How article records are written.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line (the article record of the spec).
    Jsonl,
    /// One JSON array of article records, indented.
    Json,
    /// A readable summary per article: metadata, what was removed, then the clean text.
    Text,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn flags_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn extract_defaults_to_jsonl() {
        let cli = Cli::try_parse_from(["storyline", "extract", "a.txt"]).expect("parses");
        match cli.command {
            Command::Extract(a) => assert_eq!(a.format, Format::Jsonl),
            _ => unreachable!("parsed extract"),
        }
    }
}
