//! CSV: one file per table in a folder, each with a header row, every row keyed by article id.
//!
//! | file | columns |
//! |---|---|
//! | `articles.csv` | id, source, url, outlet, title, published, author, language, text |
//! | `entities.csv` | article, name, kind, role, aliases (`;`-separated), mentions, first_start |
//! | `quotes.csv` | article, speaker, cue, kind, text, start, end |
//! | `claims.csv` | article, value, unit, noun, subject, place, hedge, claimant, text, start, end |
//! | `events.csv` | article, source, source_code, action, mode, target, target_code, negated, hypothetical, date, place, start, end |
//!
//! Spans are character offsets into the article text.

use std::fs::File;
use std::path::{Path, PathBuf};

use storyline_record::Record;

use crate::{ExportError, Sink};

/// The tables and their header rows.
const TABLES: [(&str, &[&str]); 5] = [
    (
        "articles",
        &[
            "id",
            "source",
            "url",
            "outlet",
            "title",
            "published",
            "author",
            "language",
            "text",
        ],
    ),
    (
        "entities",
        &[
            "article",
            "name",
            "kind",
            "role",
            "aliases",
            "mentions",
            "first_start",
        ],
    ),
    (
        "quotes",
        &["article", "speaker", "cue", "kind", "text", "start", "end"],
    ),
    (
        "claims",
        &[
            "article", "value", "unit", "noun", "subject", "place", "hedge", "claimant", "text",
            "start", "end",
        ],
    ),
    (
        "events",
        &[
            "article",
            "source",
            "source_code",
            "action",
            "mode",
            "target",
            "target_code",
            "negated",
            "hypothetical",
            "date",
            "place",
            "start",
            "end",
        ],
    ),
];

/// The five CSV files of one export.
pub struct Tables {
    writers: Vec<(PathBuf, csv::Writer<File>)>,
}

impl Tables {
    /// Creates `folder` (when absent) and the table files in it, each with its header row.
    pub fn create(folder: &Path) -> Result<Tables, ExportError> {
        std::fs::create_dir_all(folder).map_err(|source| ExportError::Io {
            path: folder.to_path_buf(),
            source,
        })?;
        let mut writers = Vec::with_capacity(TABLES.len());
        for (name, header) in TABLES {
            let path = folder.join(format!("{name}.csv"));
            let mut writer = csv::Writer::from_path(&path).map_err(|e| io(&path, e))?;
            writer.write_record(header).map_err(|e| io(&path, e))?;
            writers.push((path, writer));
        }
        Ok(Tables { writers })
    }

    /// Writes one row to table number `table`.
    fn write(&mut self, table: usize, row: &[String]) -> Result<(), ExportError> {
        let (path, writer) = &mut self.writers[table];
        writer.write_record(row).map_err(|e| io(path, e))
    }
}

/// A CSV error as an I/O error on `path`.
fn io(path: &Path, e: csv::Error) -> ExportError {
    ExportError::Io {
        path: path.to_path_buf(),
        source: e.into(),
    }
}

/// An optional field as text (empty when absent).
fn opt(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

impl Sink for Tables {
    fn record(&mut self, r: &Record) -> Result<(), ExportError> {
        self.write(
            0,
            &[
                r.id.clone(),
                r.source.clone(),
                opt(&r.url),
                opt(&r.outlet),
                opt(&r.title),
                opt(&r.published),
                opt(&r.author),
                opt(&r.language),
                r.text.clone(),
            ],
        )?;
        for e in &r.entities {
            self.write(
                1,
                &[
                    r.id.clone(),
                    e.name.clone(),
                    e.kind.clone(),
                    opt(&e.role),
                    e.aliases.join(";"),
                    e.mentions.len().to_string(),
                    e.mentions
                        .iter()
                        .map(|m| m[0])
                        .min()
                        .map(|s| s.to_string())
                        .unwrap_or_default(),
                ],
            )?;
        }
        for q in &r.quotes {
            self.write(
                2,
                &[
                    r.id.clone(),
                    opt(&q.speaker),
                    opt(&q.cue),
                    q.kind.clone(),
                    q.text.clone(),
                    q.span[0].to_string(),
                    q.span[1].to_string(),
                ],
            )?;
        }
        for c in &r.claims {
            self.write(
                3,
                &[
                    r.id.clone(),
                    c.value.to_string(),
                    opt(&c.unit),
                    c.noun.clone(),
                    opt(&c.subject),
                    opt(&c.place),
                    opt(&c.hedge),
                    opt(&c.claimant),
                    c.text.clone(),
                    c.span[0].to_string(),
                    c.span[1].to_string(),
                ],
            )?;
        }
        for e in &r.events {
            self.write(
                4,
                &[
                    r.id.clone(),
                    opt(&e.source),
                    opt(&e.source_actor),
                    e.action.clone(),
                    opt(&e.mode),
                    opt(&e.target),
                    opt(&e.target_actor),
                    e.negated.to_string(),
                    e.hypothetical.to_string(),
                    opt(&e.date),
                    opt(&e.place),
                    e.span[0].to_string(),
                    e.span[1].to_string(),
                ],
            )?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        for (path, writer) in &mut self.writers {
            writer.flush().map_err(|source| ExportError::Io {
                path: path.clone(),
                source,
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::sample;

    #[test]
    fn one_file_per_table_with_headers_and_rows() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut tables = Tables::create(dir.path()).expect("create");
        tables.record(&sample()).expect("record");
        tables.finish().expect("finish");
        for (name, header) in TABLES {
            let mut reader =
                csv::Reader::from_path(dir.path().join(format!("{name}.csv"))).expect("read");
            let head: Vec<String> = reader
                .headers()
                .expect("header")
                .iter()
                .map(String::from)
                .collect();
            assert_eq!(head, header);
            let rows: Vec<csv::StringRecord> =
                reader.records().collect::<Result<_, _>>().expect("rows");
            let expected = match name {
                "entities" => 3,
                _ => 1,
            };
            assert_eq!(rows.len(), expected, "{name}");
            assert!(rows.iter().all(|r| &r[0] == "a1b2"), "{name}");
        }
        let mut quotes = csv::Reader::from_path(dir.path().join("quotes.csv")).expect("read");
        let row = quotes.records().next().expect("row").expect("parse");
        assert_eq!(&row[4], "We will rebuild\tit|all");
    }
}
