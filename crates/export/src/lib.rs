//! Writers of article records in the formats other tools read.
//!
//! 1. [`Format`] names the format; [`Format::writer`] opens a [`Sink`] for it.
//! 2. [`Sink::record`] writes one article record (the caller streams them from the store, so
//!    memory stays bounded); [`Sink::finish`] flushes.
//!
//! Formats: [`jsonl`] (the article records as storyline writes them), [`csv`] (one file per
//! table: articles, entities, quotes, claims, events), [`gkg`] (GDELT GKG 2.1 article-level rows,
//! the codebook's 27 tab-separated columns) and [`plover`] (one PLOVER JSON line per event).
#![deny(missing_docs)]

pub mod csv;
pub mod gkg;
pub mod jsonl;
pub mod plover;
#[cfg(test)]
mod testutil;

use std::io::Write;
use std::path::{Path, PathBuf};

use storyline_record::Record;

/// What went wrong while exporting.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Writing the output failed (disk full, closed pipe, …).
    #[error("writing {path}: {source}")]
    Io {
        /// The output (`-` for standard output).
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The CSV format writes a folder of files and was given none.
    #[error("--format csv writes one file per table: name a folder with --out DIR")]
    NeedsFolder,
}

/// A destination that takes article records one at a time.
pub trait Sink {
    /// Writes one article record.
    fn record(&mut self, record: &Record) -> Result<(), ExportError>;
    /// Flushes everything written.
    fn finish(&mut self) -> Result<(), ExportError>;
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article record per line, as `storyline extract --format jsonl` prints them.
    Jsonl,
    /// One CSV file per table in a folder.
    Csv,
    /// GDELT Global Knowledge Graph 2.1 rows, one per article.
    Gkg,
    /// PLOVER event JSON, one line per event.
    Plover,
}

impl Format {
    /// Opens a sink writing this format to `out`: a file (`None` = standard output) for the
    /// line formats, a folder (created when absent) for CSV.
    pub fn writer(self, out: Option<&Path>) -> Result<Box<dyn Sink>, ExportError> {
        let line: fn(&Record) -> String = match self {
            Format::Jsonl => jsonl::line,
            Format::Gkg => gkg::row,
            Format::Plover => plover::lines,
            Format::Csv => {
                let folder = out.ok_or(ExportError::NeedsFolder)?;
                return Ok(Box::new(csv::Tables::create(folder)?));
            }
        };
        let (stream, path): (Box<dyn Write>, PathBuf) = match out {
            Some(path) => (
                Box::new(
                    std::fs::File::create(path).map_err(|source| ExportError::Io {
                        path: path.to_path_buf(),
                        source,
                    })?,
                ),
                path.to_path_buf(),
            ),
            None => (Box::new(std::io::stdout().lock()), PathBuf::from("-")),
        };
        Ok(Box::new(LineSink {
            lines: Lines {
                out: std::io::BufWriter::new(stream),
                path,
            },
            line,
        }))
    }
}

/// A buffered text output and its name for errors.
struct Lines {
    out: std::io::BufWriter<Box<dyn Write>>,
    path: PathBuf,
}

/// A line format: `line` renders a record as zero or more newline-terminated lines.
struct LineSink {
    lines: Lines,
    line: fn(&Record) -> String,
}

impl Sink for LineSink {
    fn record(&mut self, record: &Record) -> Result<(), ExportError> {
        let text = (self.line)(record);
        self.lines
            .out
            .write_all(text.as_bytes())
            .map_err(|source| ExportError::Io {
                path: self.lines.path.clone(),
                source,
            })
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.lines.out.flush().map_err(|source| ExportError::Io {
            path: self.lines.path.clone(),
            source,
        })
    }
}
