//! Tables of analysis results: aligned text for reading, CSV for spreadsheets.

use storyline_analyse::{Date, Disagreement, Story, TimelineItem};

use std::io::{self, Write};

pub use crate::table::Table;
use crate::table::{write_aligned, QueryFormat as TableFormat};

/// `2022-01-30`, or `undated`.
pub fn date(d: Option<Date>) -> String {
    d.map_or_else(|| "undated".to_string(), |d| d.to_string())
}

/// A figure without a needless `.0`, thousands separated.
pub fn number(v: f64) -> String {
    storyline_analyse::figure(v)
}

/// `n` with its noun in the right number: `1 article`, `3 articles` (`plural` for irregular
/// nouns such as `stories`).
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// The line under a capped list: `and 12 more speakers.`, or nothing when all are shown.
pub fn more(total: usize, shown: usize, singular: &str, plural: &str) -> Option<String> {
    let n = total.saturating_sub(shown);
    (n > 0).then(|| format!("… and {n} more {}.", if n == 1 { singular } else { plural }))
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
        let outlets = s.outlets();
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

/// Columns of the timeline, one row per dated item.
const TIMELINE_COLUMNS: [&str; 9] = [
    "date",
    "precision",
    "from",
    "kind",
    "who",
    "text",
    "outlet",
    "story",
    "article",
];

/// One timeline item's cells.
fn timeline_row(i: &TimelineItem) -> [String; 9] {
    [
        date(i.date),
        format!("{:?}", i.precision).to_lowercase(),
        or_dash(i.resolved_from.as_deref()),
        format!("{:?}", i.kind).to_lowercase(),
        or_dash(i.who.as_deref()),
        i.text.clone(),
        or_dash(i.outlet.as_deref()),
        i.story.clone(),
        i.article.clone(),
    ]
}

/// Writes the timeline as a table or CSV, row by row: a corpus's timeline has millions of
/// items, too many to hold again as a table of strings.
pub fn write_timeline(
    items: &[TimelineItem],
    format: TableFormat,
    out: &mut impl Write,
) -> io::Result<()> {
    match format {
        TableFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(TIMELINE_COLUMNS)?;
            for item in items {
                w.write_record(timeline_row(item))?;
            }
            w.flush()
        }
        _ => write_aligned(&TIMELINE_COLUMNS, || items.iter().map(timeline_row), out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(count(1, "quote", "quotes"), "1 quote");
        assert_eq!(count(0, "story", "stories"), "0 stories");
        assert_eq!(count(2, "story", "stories"), "2 stories");
        assert_eq!(
            more(30, 25, "speaker", "speakers").as_deref(),
            Some("… and 5 more speakers.")
        );
        assert_eq!(
            more(26, 25, "entity", "entities").as_deref(),
            Some("… and 1 more entity.")
        );
        assert_eq!(more(25, 25, "entity", "entities"), None);
    }

    #[test]
    fn formats_cells() {
        assert_eq!(number(130000.0), "130,000");
        assert_eq!(number(2.5), "2.5");
    }
}
