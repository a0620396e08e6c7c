//! Command output shared by the store queries and the analysis commands: one [`Table`] of
//! strings, written as aligned text or CSV; JSON comes straight from serialisable rows.

use std::io::{self, Write};

use anyhow::Result;
use clap::ValueEnum;
use storyline_record::terminal::{escape, Breaks};
use unicode_width::UnicodeWidthStr;

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
        write_aligned(&self.headers, || self.rows.iter().map(Vec::as_slice), out)
    }

    /// Writes CSV (RFC 4180, by the `csv` crate): a header row, then every row in full.
    pub fn write_csv(&self, out: &mut impl Write) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(&self.headers)?;
        for row in &self.rows {
            w.write_record(row)?;
        }
        w.flush()
    }

    /// Writes the table in `format` (which must be table or CSV).
    pub fn write(&self, format: QueryFormat, out: &mut impl Write) -> io::Result<()> {
        match format {
            QueryFormat::Csv => self.write_csv(out),
            _ => self.write_text(out),
        }
    }
}

/// Writes `rows` under `headers` as aligned columns (two spaces between columns, each as wide
/// as its widest shortened cell), or `(none)` when there are no rows. `rows` is called twice,
/// once to measure and once to write, so that a long answer is never held as a table.
pub fn write_aligned<I, R>(
    headers: &[&str],
    rows: impl Fn() -> I,
    out: &mut impl Write,
) -> io::Result<()>
where
    I: Iterator<Item = R>,
    R: AsRef<[String]>,
{
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    let mut any = false;
    for row in rows() {
        any = true;
        for (w, cell) in widths.iter_mut().zip(row.as_ref()) {
            *w = (*w).max(shorten(cell).width());
        }
    }
    if !any {
        return writeln!(out, "(none)");
    }
    let mut line = String::new();
    let mut write_line = |cells: &mut dyn Iterator<Item = std::borrow::Cow<'_, str>>| {
        line.clear();
        for (cell, &width) in cells.zip(&widths) {
            line.push_str(&cell);
            line.extend(std::iter::repeat_n(
                ' ',
                width.saturating_sub(cell.width()) + 2,
            ));
        }
        writeln!(out, "{}", line.trim_end())
    };
    write_line(&mut headers.iter().map(|&h| h.into()))?;
    for row in rows() {
        write_line(&mut row.as_ref().iter().map(|c| shorten(c).into()))?;
    }
    Ok(())
}

/// One line, at most [`MAX_CELL_CHARS`] characters: line breaks and tabs become spaces, other
/// control characters visible escapes (article text reaches a terminal here); a longer cell
/// is cut at the last word boundary that fits (mid-word only when a single word is that long)
/// and marked with `…`.
fn shorten(cell: &str) -> String {
    let spaced = cell.replace(['\n', '\t', '\r'], " ");
    let flat = escape(&spaced, Breaks::Escape);
    if flat.chars().count() <= MAX_CELL_CHARS {
        return flat.into_owned();
    }
    let cut = flat
        .char_indices()
        .nth(MAX_CELL_CHARS - 1)
        .map_or(flat.len(), |(i, _)| i);
    let head = &flat[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space >= cut / 2 => head[..space].trim_end(),
        _ => head,
    };
    format!("{head}…")
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
                    writeln!(out, "{}", escape(&h, Breaks::Escape))?;
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
        assert!(lines[2].chars().count() <= "-        ".len() + MAX_CELL_CHARS);
        let mut empty = Vec::new();
        Table::new(&["a"]).write_text(&mut empty).expect("write");
        assert_eq!(empty, b"(none)\n");
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let mut t = Table::new(&["city", "n"]);
        t.row(vec!["東京".into(), "1".into()]);
        t.row(vec!["Kyiv".into(), "2".into()]);
        let mut buf = Vec::new();
        t.write_text(&mut buf).expect("write");
        let text = String::from_utf8(buf).expect("utf8");
        assert_eq!(text, "city  n\n東京  1\nKyiv  2\n");
    }

    #[test]
    fn long_cells_are_cut_between_words() {
        let title = "Amid Ukraine crisis, Kremlin says tensions between Russia and US not at lowest point yet";
        let short = shorten(title);
        assert_eq!(
            short,
            "Amid Ukraine crisis, Kremlin says tensions between Russia and…"
        );
        assert!(short.chars().count() <= MAX_CELL_CHARS);
        assert_eq!(shorten("short\ttitle"), "short title");
        assert_eq!(shorten("red\x1b[31m\u{202e}"), "red\\x1b[31m\\u{202e}");
        assert_eq!(shorten(&"x".repeat(100)).chars().count(), MAX_CELL_CHARS);
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(number(100000.0), "100000");
        assert_eq!(number(2.5), "2.5");
    }
}
