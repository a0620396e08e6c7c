//! Command output shared by the store queries and the analysis commands: one [`Table`] of
//! strings, written as aligned text or CSV; JSON comes straight from serialisable rows.

use std::io::{self, Write};

use anyhow::Result;
use clap::ValueEnum;

/// How query results are written.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum QueryFormat {
    /// Aligned columns for reading; long cells are shortened with `…`.
    #[default]
    Table,
    /// One JSON document (an array of rows, or an object for `stats` and `entity`).
    Json,
    /// Comma-separated values with a header row, cells in full (RFC 4180 quoting).
    Csv,
}

/// Widest cell shown in table output: keeps a row on a terminal line; CSV and JSON keep all.
const MAX_CELL_CHARS: usize = 64;

/// Rows of text cells under a header.
pub struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// An empty table with these column names.
    pub fn new(headers: &[&'static str]) -> Table {
        Table {
            headers: headers.to_vec(),
            rows: Vec::new(),
        }
    }

    /// Adds a row (one cell per header).
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Writes aligned columns, or `(none)` when there are no rows.
    pub fn write_text(&self, out: &mut impl Write) -> io::Result<()> {
        if self.rows.is_empty() {
            return writeln!(out, "(none)");
        }
        let shown: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|c| shorten(c)).collect())
            .collect();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &shown {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |out: &mut dyn Write, cells: &[String]| -> io::Result<()> {
            let mut text = String::new();
            for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
                if i > 0 {
                    text.push_str("  ");
                }
                text.push_str(cell);
                if i + 1 < cells.len() {
                    text.push_str(&" ".repeat(w - cell.chars().count()));
                }
            }
            writeln!(out, "{}", text.trim_end())
        };
        let headers: Vec<String> = self.headers.iter().map(|h| h.to_string()).collect();
        line(out, &headers)?;
        for row in &shown {
            line(out, row)?;
        }
        Ok(())
    }

    /// Writes CSV: a header row, then every row in full.
    pub fn write_csv(&self, out: &mut impl Write) -> io::Result<()> {
        let line = |out: &mut dyn Write, cells: &mut dyn Iterator<Item = &str>| {
            let joined: Vec<String> = cells.map(csv_cell).collect();
            writeln!(out, "{}", joined.join(","))
        };
        line(out, &mut self.headers.iter().copied())?;
        for row in &self.rows {
            line(out, &mut row.iter().map(String::as_str))?;
        }
        Ok(())
    }

    /// Writes the table in `format` (which must be table or CSV).
    pub fn write(&self, format: QueryFormat, out: &mut impl Write) -> io::Result<()> {
        match format {
            QueryFormat::Csv => self.write_csv(out),
            _ => self.write_text(out),
        }
    }
}

/// One line, at most [`MAX_CELL_CHARS`] characters.
fn shorten(cell: &str) -> String {
    let flat: String = cell
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= MAX_CELL_CHARS {
        return flat;
    }
    let mut s: String = flat.chars().take(MAX_CELL_CHARS - 1).collect();
    s.push('…');
    s
}

/// A CSV cell, quoted when it holds a comma, quote or line break.
fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// `-` for a missing value.
pub fn or_dash(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "-".to_string())
}

/// A number without a trailing `.0` for whole values (`100000`, `2.5`).
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Writes a query's answer to stdout: the JSON that `json` serialises (pretty), or the
/// table that `table` builds.
pub fn emit(
    format: QueryFormat,
    json: impl FnOnce() -> serde_json::Result<String>,
    table: impl FnOnce() -> Vec<(Option<String>, Table)>,
) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match format {
        QueryFormat::Json => writeln!(out, "{}", json()?)?,
        _ => {
            // Several tables (the entity report) are separated by a blank line, each under
            // its heading in table output.
            for (i, (heading, t)) in table().into_iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                if let (Some(h), QueryFormat::Table) = (heading, format) {
                    writeln!(out, "{h}")?;
                }
                t.write(format, &mut out)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut t = Table::new(&["speaker", "quote"]);
        t.row(vec!["Mayor".into(), "We will, \"soon\", rebuild.".into()]);
        t.row(vec!["-".into(), "x".repeat(100)]);
        t
    }

    #[test]
    fn csv_quotes_cells_that_need_it() {
        let mut buf = Vec::new();
        sample().write_csv(&mut buf).expect("write");
        let text = String::from_utf8(buf).expect("utf8");
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("speaker,quote"));
        assert_eq!(
            lines.next(),
            Some("Mayor,\"We will, \"\"soon\"\", rebuild.\"")
        );
        assert_eq!(lines.next().map(str::len), Some(102));
    }

    #[test]
    fn text_aligns_and_shortens() {
        let mut buf = Vec::new();
        sample().write_text(&mut buf).expect("write");
        let text = String::from_utf8(buf).expect("utf8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "speaker  quote");
        assert!(lines[1].starts_with("Mayor    We will"));
        assert!(lines[2].ends_with('…'));
        let mut empty = Vec::new();
        Table::new(&["a"]).write_text(&mut empty).expect("write");
        assert_eq!(empty, b"(none)\n");
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(number(100000.0), "100000");
        assert_eq!(number(2.5), "2.5");
    }
}
