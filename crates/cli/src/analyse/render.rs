//! Tables of analysis results: aligned text for reading, CSV for spreadsheets.

use std::io::{self, Write};

use storyline_analyse::{Date, Disagreement, Story, TimelineItem};

/// Widest cell in aligned output; CSV keeps cells whole.
const MAX_CELL_CHARS: usize = 60;

/// Rows of text cells under a header.
pub struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// An empty table.
    pub fn new(headers: &[&'static str]) -> Table {
        Table {
            headers: headers.to_vec(),
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Writes CSV (`csv`) or aligned columns.
    pub fn write(&self, out: &mut impl Write, csv: bool) -> io::Result<()> {
        if csv {
            writeln!(
                out,
                "{}",
                self.headers
                    .iter()
                    .map(|h| csv_cell(h))
                    .collect::<Vec<_>>()
                    .join(",")
            )?;
            for r in &self.rows {
                writeln!(
                    out,
                    "{}",
                    r.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",")
                )?;
            }
            return Ok(());
        }
        if self.rows.is_empty() {
            return writeln!(out, "(none)");
        }
        let shown: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|c| shorten(c)).collect())
            .collect();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for r in &shown {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.chars().count());
            }
        }
        let header: Vec<String> = self.headers.iter().map(|h| h.to_string()).collect();
        for r in std::iter::once(&header).chain(&shown) {
            let cells: Vec<String> = r
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c:<w$}"))
                .collect();
            writeln!(out, "{}", cells.join("  ").trim_end())?;
        }
        Ok(())
    }
}

fn shorten(cell: &str) -> String {
    let one_line = cell.replace(['\n', '\r', '\t'], " ");
    if one_line.chars().count() <= MAX_CELL_CHARS {
        one_line
    } else {
        let mut s: String = one_line.chars().take(MAX_CELL_CHARS - 1).collect();
        s.push('…');
        s
    }
}

fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// `2022-01-30`, or `undated`.
pub fn date(d: Option<Date>) -> String {
    d.map_or_else(|| "undated".to_string(), |d| d.to_string())
}

/// A figure without a needless `.0`.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        format!("{v}")
    }
}

fn or_dash(v: Option<&str>) -> String {
    v.unwrap_or("-").to_string()
}

/// One row per figure: the current phase's figures, then earlier phases'.
pub fn disagreements(list: &[Disagreement]) -> Table {
    let mut t = Table::new(&[
        "story", "quantity", "phase", "value", "hedge", "claimant", "outlet", "date", "text",
        "article", "span",
    ]);
    for d in list {
        let quantity = format!(
            "{} {}{}",
            d.subject,
            d.noun,
            d.place
                .as_deref()
                .map(|p| format!(" @ {p}"))
                .unwrap_or_default()
        );
        let rows = d
            .claims
            .iter()
            .map(|c| ("current", c))
            .chain(d.earlier_phases.iter().map(|c| ("earlier", c)));
        for (phase, c) in rows {
            t.row(vec![
                d.story.clone(),
                quantity.clone(),
                phase.to_string(),
                number(c.value),
                or_dash(c.hedge.as_deref()),
                or_dash(c.claimant.as_deref()),
                or_dash(c.outlet.as_deref()),
                date(c.date),
                c.text.clone(),
                c.article.clone(),
                format!("{}-{}", c.span[0], c.span[1]),
            ]);
        }
    }
    t
}

/// One row per story.
pub fn stories(list: &[Story]) -> Table {
    let mut t = Table::new(&[
        "story",
        "phase",
        "earlier",
        "start",
        "end",
        "articles",
        "duplicates",
        "outlets",
        "entities",
        "first title",
    ]);
    for s in list {
        let mut outlets: Vec<&str> = s
            .articles
            .iter()
            .filter_map(|a| a.outlet.as_deref())
            .collect();
        outlets.sort_unstable();
        outlets.dedup();
        t.row(vec![
            s.id.clone(),
            s.phase.to_string(),
            or_dash(s.earlier_phase.as_deref()),
            date(s.start),
            date(s.end),
            s.articles.len().to_string(),
            s.articles
                .iter()
                .filter(|a| a.duplicate_of.is_some())
                .count()
                .to_string(),
            outlets.join("; "),
            s.top_entities.join("; "),
            s.articles
                .iter()
                .find_map(|a| a.title.clone())
                .unwrap_or_default(),
        ]);
    }
    t
}

/// One row per dated item.
pub fn timeline(items: &[&TimelineItem]) -> Table {
    let mut t = Table::new(&[
        "date",
        "precision",
        "from",
        "kind",
        "who",
        "text",
        "outlet",
        "story",
        "article",
    ]);
    for i in items {
        t.row(vec![
            date(i.date),
            format!("{:?}", i.precision).to_lowercase(),
            or_dash(i.resolved_from.as_deref()),
            format!("{:?}", i.kind).to_lowercase(),
            or_dash(i.who.as_deref()),
            i.text.clone(),
            or_dash(i.outlet.as_deref()),
            i.story.clone(),
            i.article.clone(),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_cells() {
        assert_eq!(number(130000.0), "130,000");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(csv_cell("a, \"b\""), "\"a, \"\"b\"\"\"");
        let mut t = Table::new(&["a", "b"]);
        t.row(vec!["x".into(), "y,z".into()]);
        let mut buf = Vec::new();
        t.write(&mut buf, true).expect("write");
        assert_eq!(String::from_utf8_lossy(&buf), "a,b\nx,\"y,z\"\n");
    }
}
