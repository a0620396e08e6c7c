//! `storyline event-counts` and the report's "Events" section: each story's events counted
//! once, with how many mentions and which outlets reported them.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;
use storyline_analyse::{Analysis, EventGroup};

use super::render::{count, date, more, Table};
use super::report::Block;

/// Events shown per story in the report: the most reported first.
const MAX_EVENTS_PER_STORY: usize = 10;

/// One story's events.
pub struct StoryEvents<'a> {
    /// Story id.
    pub story: &'a str,
    /// Distinct events.
    pub num_events: usize,
    /// Reports of them, over all articles.
    pub num_mentions: usize,
    /// The events, by first date.
    pub events: Vec<&'a EventGroup>,
}

/// The grouped events to list: one story's or all, asserted ones only when asked.
pub fn select<'a>(
    events: &'a [EventGroup],
    story: Option<&str>,
    asserted_only: bool,
) -> Vec<&'a EventGroup> {
    events
        .iter()
        .filter(|g| story.is_none_or(|s| g.story == s))
        .filter(|g| !asserted_only || g.is_asserted())
        .collect()
}

/// Groups the selected events by story, stories in analysis order.
pub fn per_story<'a>(groups: &[&'a EventGroup]) -> Vec<StoryEvents<'a>> {
    let mut out: Vec<StoryEvents<'a>> = Vec::new();
    for &g in groups {
        match out.last_mut() {
            Some(s) if s.story == g.story => {
                s.num_events += 1;
                s.num_mentions += g.num_mentions;
                s.events.push(g);
            }
            _ => out.push(StoryEvents {
                story: &g.story,
                num_events: 1,
                num_mentions: g.num_mentions,
                events: vec![g],
            }),
        }
    }
    out
}

/// One story's entry in `event-counts --format json`.
#[derive(Serialize)]
struct StoryEventsJson<'a> {
    events: &'a [&'a EventGroup],
    num_events: usize,
    num_mentions: usize,
    story: &'a str,
}

/// Writes `event-counts --format json`: per story, its counts and its events with their
/// mentions; pretty, with a final newline. Serialised as it is written: at 100k articles it
/// is hundreds of megabytes, which a JSON value tree would hold several times over.
pub fn write_json(groups: &[&EventGroup], out: &mut impl Write) -> Result<()> {
    let stories = per_story(groups);
    let rows: Vec<StoryEventsJson> = stories
        .iter()
        .map(|s| StoryEventsJson {
            events: &s.events,
            num_events: s.num_events,
            num_mentions: s.num_mentions,
            story: s.story,
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &rows)?;
    writeln!(out)?;
    Ok(())
}

fn or_dash(v: Option<&str>) -> String {
    v.unwrap_or("-").to_string()
}

/// Actor as shown: its name, with its code when both are known.
fn actor(name: Option<&str>, code: Option<&str>) -> String {
    match (name, code.filter(|c| !c.is_empty())) {
        (Some(n), Some(c)) => format!("{n} ({c})"),
        (Some(n), None) => n.to_string(),
        (None, Some(c)) => c.to_string(),
        (None, None) => "-".into(),
    }
}

/// One row per event of `event-counts`.
pub fn table(groups: &[&EventGroup]) -> Table {
    let mut t = Table::new(&[
        "story",
        "event",
        "first date",
        "action",
        "source",
        "target",
        "modality",
        "mentions",
        "outlets",
        "conflicts",
        "first report",
    ]);
    for g in groups {
        t.row(vec![
            g.story.clone(),
            g.id.clone(),
            date(g.first_date),
            g.action.clone(),
            actor(g.source.as_deref(), g.source_actor.as_deref()),
            actor(g.target.as_deref(), g.target_actor.as_deref()),
            g.modality.as_str().to_string(),
            g.num_mentions.to_string(),
            g.outlets.join("; "),
            or_dash(
                Some(g.conflicts.join("; "))
                    .filter(|c| !c.is_empty())
                    .as_deref(),
            ),
            g.mentions
                .first()
                .map(|m| m.text.clone())
                .unwrap_or_default(),
        ]);
    }
    t
}

/// The report's "Events" section: a summary, then each story's most reported events.
pub fn report_section(a: &Analysis) -> Vec<Block> {
    let mut b = vec![Block::Heading(2, "Events".into())];
    if a.events.is_empty() {
        b.push(Block::Para("No events were coded.".into()));
        return b;
    }
    let all: Vec<&EventGroup> = a.events.iter().collect();
    let stories = per_story(&all);
    let mentions: usize = a.events.iter().map(|g| g.num_mentions).sum();
    let not_asserted = a.events.iter().filter(|g| !g.is_asserted()).count();
    let conflicting = a.events.iter().filter(|g| !g.conflicts.is_empty()).count();
    b.push(Block::Para(format!(
        "{} in {} from {} (an event reported by several outlets counts once); {not_asserted} denied or hypothetical; {conflicting} with conflicting reports.",
        count(a.events.len(), "distinct event", "distinct events"),
        count(stories.len(), "story", "stories"),
        count(mentions, "mention", "mentions"),
    )));
    for s in stories {
        let mut top = s.events.clone();
        top.sort_by(|x, y| {
            y.num_mentions
                .cmp(&x.num_mentions)
                .then(x.first_date.is_none().cmp(&y.first_date.is_none()))
                .then(x.first_date.cmp(&y.first_date))
        });
        b.push(Block::Heading(
            3,
            format!(
                "Story {}: {}, {}",
                s.story,
                count(s.num_events, "event", "events"),
                count(s.num_mentions, "mention", "mentions")
            ),
        ));
        let rows = top
            .iter()
            .take(MAX_EVENTS_PER_STORY)
            .map(|g| {
                let mut status = g.modality.as_str().to_string();
                if !g.conflicts.is_empty() {
                    status.push_str(&format!(
                        "; conflicting reports: {}",
                        g.conflicts.join(", ")
                    ));
                }
                vec![
                    date(g.first_date),
                    g.action.clone(),
                    actor(g.source.as_deref(), g.source_actor.as_deref()),
                    actor(g.target.as_deref(), g.target_actor.as_deref()),
                    status,
                    g.num_mentions.to_string(),
                    g.outlets.join(", "),
                    g.mentions
                        .first()
                        .map(|m| m.text.clone())
                        .unwrap_or_default(),
                ]
            })
            .collect();
        b.push(Block::Table(
            vec![
                "first date",
                "action",
                "source",
                "target",
                "status",
                "mentions",
                "outlets",
                "as first reported",
            ],
            rows,
        ));
        b.extend(more(top.len(), MAX_EVENTS_PER_STORY, "event", "events").map(Block::Para));
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};
    use storyline_record::Record;

    /// A harbour strike story: two outlets report the same walkout, one a planned march.
    fn records() -> Vec<Record> {
        let article = |id: &str, outlet: &str, published: &str, text: &str, events: Value| {
            let r = json!({
                "id": id, "source": format!("{id}.txt"), "outlet": outlet, "title": null,
                "published": published, "author": null, "language": "en", "text": text,
                "removed": [], "quotes": [], "claims": [], "events": events,
                "entities": [
                    {"name": "Rotterdam", "type": "PLACE", "aliases": [], "role": null, "mentions": [[0, 9]]},
                    {"name": "FNV", "type": "ORG", "aliases": [], "role": null, "mentions": [[0, 0]]},
                ],
            });
            serde_json::from_value::<Record>(r).unwrap_or_else(|e| panic!("bad record: {e}"))
        };
        let event = |action: &str, hypothetical: bool, end: usize| {
            json!({"source": "FNV", "source_actor": "NLDLAB", "action": action, "target": "Rotterdam",
                   "target_actor": "NLD", "negated": false, "hypothetical": hypothetical,
                   "span": [0, end], "trigger": null})
        };
        let walkout = "Rotterdam dock workers of the FNV union walked out over pay.";
        let march = "Rotterdam dock workers of the FNV union will march on Friday.";
        vec![
            article(
                "a1",
                "Harbour News",
                "2024-09-02",
                walkout,
                json!([event("PROTEST", false, 10)]),
            ),
            article(
                "a2",
                "Port FM",
                "2024-09-03",
                walkout,
                json!([event("PROTEST", false, 10)]),
            ),
            article(
                "a3",
                "Port FM",
                "2024-09-03",
                march,
                json!([event("PROTEST", true, 10)]),
            ),
        ]
    }

    #[test]
    fn counts_per_story_and_report_rows() {
        let recs = records();
        let a = Analysis::run(&recs);
        let all = select(&a.events, None, false);
        assert_eq!(all.len(), 2);
        let mut text = Vec::new();
        write_json(&all, &mut text).unwrap_or_else(|e| panic!("{e}"));
        let doc: serde_json::Value =
            serde_json::from_slice(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(doc[0]["num_events"], 2);
        assert_eq!(doc[0]["num_mentions"], 3);
        assert_eq!(select(&a.events, None, true).len(), 1);
        assert!(select(&a.events, Some("no-such-story"), false).is_empty());
        let blocks = report_section(&a);
        let rows = blocks.iter().find_map(|b| match b {
            Block::Table(_, rows) => Some(rows),
            _ => None,
        });
        let first = rows.and_then(|r| r.first()).cloned().unwrap_or_default();
        assert_eq!(first.get(5).map(String::as_str), Some("2"), "{first:?}");
        assert_eq!(
            first.get(6).map(String::as_str),
            Some("Harbour News, Port FM")
        );
    }

    #[test]
    fn actors_show_name_and_code() {
        assert_eq!(actor(Some("Serbia"), Some("SRBGOV")), "Serbia (SRBGOV)");
        assert_eq!(actor(None, Some("")), "-");
        assert_eq!(actor(None, Some("IGONATO")), "IGONATO");
    }
}
