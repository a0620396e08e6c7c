//! `storyline framing` and the report's "Framing" section: per outlet, its framing markers in
//! its own voice by kind, the rate per 1,000 own-voice words and its most frequent terms; per
//! story, the outlets side by side.

use std::collections::HashMap;

use storyline_analyse::{framing_by_outlet, framing_by_story, Analysis, OutletFraming};
use storyline_record::Record;

use super::render::{count, Table};
use super::report::Block;

/// The rows of `storyline framing`: corpus totals per outlet, then each story's outlets; or only
/// the given story's outlets.
pub fn select(records: &[Record], a: &Analysis, story: Option<&str>) -> Vec<OutletFraming> {
    let per_story = framing_by_story(records, &a.stories);
    match story {
        Some(id) => per_story
            .into_iter()
            .filter(|r| r.story.as_deref() == Some(id))
            .collect(),
        None => framing_by_outlet(records)
            .into_iter()
            .chain(per_story)
            .collect(),
    }
}

/// `12 loaded (regime 5, baseless 3)`-style list of an outlet's most frequent terms.
fn top_terms(r: &OutletFraming) -> String {
    r.top_terms
        .iter()
        .map(|t| format!("{} ({}) {}", t.term, t.kind, t.count))
        .collect::<Vec<_>>()
        .join("; ")
}

fn tone(r: &OutletFraming) -> String {
    r.tone.map_or_else(|| "-".into(), |t| format!("{t:.2}"))
}

const HEADERS: [&str; 13] = [
    "story",
    "outlet",
    "articles",
    "words",
    "markers",
    "per_1000_words",
    "scare_quote",
    "so_called",
    "hedge",
    "loaded",
    "in_others_words",
    "tone",
    "top_terms",
];

fn cells(r: &OutletFraming) -> Vec<String> {
    vec![
        r.story.clone().unwrap_or_else(|| "all".into()),
        r.outlet.clone(),
        r.articles.to_string(),
        r.words.to_string(),
        r.markers.to_string(),
        format!("{:.2}", r.per_1000_words),
        r.scare_quote.to_string(),
        r.so_called.to_string(),
        r.hedge.to_string(),
        r.loaded.to_string(),
        r.in_others_words.to_string(),
        tone(r),
        top_terms(r),
    ]
}

/// One row per outlet (and story): the table and CSV of `storyline framing`.
pub fn table(rows: &[OutletFraming]) -> Table {
    let mut t = Table::new(&HEADERS);
    for r in rows {
        t.row(cells(r));
    }
    t
}

/// The report's "Framing" section: outlets over the corpus, then each story's outlets side by
/// side (stories reported by one outlet only are left out: nothing to compare).
pub fn report_section(records: &[Record], a: &Analysis) -> Vec<Block> {
    let mut b = vec![Block::Heading(2, "Framing".into())];
    let outlets = framing_by_outlet(records);
    let markers: usize = outlets.iter().map(|o| o.markers).sum();
    let others: usize = outlets.iter().map(|o| o.in_others_words).sum();
    b.push(Block::Para(format!(
        "{} in the outlets' own voice (scare quotes, \"so-called\", hedges, loaded terms), {} \
         inside quoted or reported speakers' words; rate per 1,000 words of the outlet's own \
         voice; tone is GDELT-style (positive minus negative word share, %).",
        count(markers, "framing marker", "framing markers"),
        count(others, "more", "more"),
    )));
    let row = |r: &OutletFraming| cells(r)[1..].to_vec();
    b.push(Block::Table(
        HEADERS[1..].to_vec(),
        outlets.iter().map(row).collect(),
    ));
    let per_story = framing_by_story(records, &a.stories);
    // Each story's rows, found once: filtering all rows per story was stories × rows.
    let mut by_story: HashMap<&str, Vec<&OutletFraming>> = HashMap::new();
    for r in &per_story {
        if let Some(story) = r.story.as_deref() {
            by_story.entry(story).or_default().push(r);
        }
    }
    for s in &a.stories.stories {
        let rows = by_story.remove(s.id.as_str()).unwrap_or_default();
        if rows.len() < 2 {
            continue;
        }
        b.push(Block::Heading(3, format!("Story {}", s.id)));
        b.push(Block::Table(
            HEADERS[1..].to_vec(),
            rows.into_iter().map(row).collect(),
        ));
    }
    b
}
