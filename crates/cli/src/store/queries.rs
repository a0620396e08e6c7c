//! The query subcommands: open the database read-only, ask the store, print the rows.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use storyline_analyse::{EntityIndex, StoryBuilder};
use storyline_store::{ArticleRef, ClaimFilter, EventFilter, QuoteFilter, QuoteRow, Store};

use super::{ClaimsArgs, EntityArgs, EventsArgs, QueryArgs, QuotesArgs, SearchArgs, StatsArgs};
use crate::table::{emit, number, or_dash, Table};

/// Opens the database for queries: never creates or changes it.
fn open(args: &QueryArgs) -> Result<Store> {
    Ok(Store::open_read_only(&args.db)?)
}

/// `outlet date` of an article, for one table cell.
fn source_cell(a: &ArticleRef) -> String {
    format!("{} {}", or_dash(&a.outlet), or_dash(&a.published))
}

/// One row more than `limit`, so that a listing can tell it was cut.
fn probe(limit: Option<usize>) -> Option<usize> {
    limit.map(|l| l.saturating_add(1))
}

/// `rows` cut to `limit`, saying on stderr when rows were left out (the store counts no
/// further than one past the limit).
fn capped<T>(mut rows: Vec<T>, limit: Option<usize>) -> Vec<T> {
    if let Some(l) = limit.filter(|&l| rows.len() > l) {
        rows.truncate(l);
        eprintln!("storyline: showing the first {l}; more match (raise --limit to see them)");
    }
    rows
}

/// `[start, end]` as `start-end`.
fn span_cell(span: [u64; 2]) -> String {
    format!("{}-{}", span[0], span[1])
}

/// Number of stories among `store`'s current articles: the count stored by the last ingest
/// when no article came since, else the same clustering as `storyline stories` (reading every
/// current record, the cost of the count), so the two always agree.
/// Each phase's duration is added to `timings`.
fn num_stories(store: &Store, timings: &mut Vec<(&'static str, Duration)>) -> Result<u64> {
    let started = Instant::now();
    if let Some(n) = crate::analyse_cmds::stored::num_stories(store)? {
        timings.push(("read stored analysis", started.elapsed()));
        return Ok(n);
    }
    let records = store
        .current_records()
        .context("cannot read articles to count stories")?;
    let read = Instant::now();
    let entities = EntityIndex::build(&records);
    let resolved = Instant::now();
    let stories = StoryBuilder::default().build(&records, &entities);
    timings.extend([
        ("read articles", read - started),
        ("resolve entities", resolved - read),
        ("cluster stories", resolved.elapsed()),
    ]);
    Ok(stories.stories.len() as u64)
}

/// Runs `storyline stats`.
pub fn stats(args: StatsArgs) -> Result<()> {
    let started = Instant::now();
    let store = open(&args.query)?;
    let stats = store.stats().context("cannot count")?;
    let mut timings = vec![("count items", started.elapsed())];
    let num_stories = num_stories(&store, &mut timings)?;
    if args.timings {
        let line: Vec<String> = timings
            .iter()
            .map(|(what, d)| format!("{what} {:.3}s", d.as_secs_f64()))
            .collect();
        eprintln!("storyline: stats timings: {}", line.join(", "));
    }
    let pairs = [
        ("articles", stats.articles),
        ("revisions", stats.revisions),
        ("entities", stats.entities),
        ("quotes", stats.quotes),
        ("claims", stats.claims),
        ("events", stats.events),
        ("stories", num_stories),
    ];
    emit(
        args.query.format,
        || {
            // The store's counts plus `stories`, which comes last in struct and in sorted order.
            let mut json = serde_json::to_value(stats)?;
            if let Some(map) = json.as_object_mut() {
                map.insert("stories".into(), num_stories.into());
            }
            serde_json::to_string_pretty(&json)
        },
        || {
            if args.query.format == super::QueryFormat::Csv {
                let mut t = Table::new(&pairs.map(|(k, _)| k));
                t.row(pairs.iter().map(|(_, v)| v.to_string()).collect());
                vec![(None, t)]
            } else {
                let mut t = Table::new(&["what", "count"]);
                for (k, v) in pairs {
                    t.row(vec![k.to_string(), v.to_string()]);
                }
                vec![(None, t)]
            }
        },
    )
}

/// Runs `storyline search`.
pub fn search(args: SearchArgs) -> Result<()> {
    let store = open(&args.query)?;
    let text = args.text.join(" ");
    let hits = store
        .search(&text, args.limit.saturating_add(1))
        .context("search failed")?;
    let hits = capped(hits, Some(args.limit));
    emit(
        args.query.format,
        || serde_json::to_string_pretty(&hits),
        || {
            let mut t = Table::new(&[
                "score",
                "article",
                "outlet",
                "published",
                "title",
                "snippet",
            ]);
            for h in &hits {
                t.row(vec![
                    format!("{:.2}", h.score),
                    h.article.id.clone(),
                    or_dash(&h.article.outlet),
                    or_dash(&h.article.published),
                    or_dash(&h.article.title),
                    h.snippet.clone(),
                ]);
            }
            vec![(None, t)]
        },
    )
}

fn quote_table(quotes: &[QuoteRow]) -> Table {
    let mut t = Table::new(&[
        "speaker", "quote", "kind", "cue", "source", "article", "span",
    ]);
    for q in quotes {
        t.row(vec![
            or_dash(&q.speaker),
            q.text.clone(),
            q.kind.clone(),
            or_dash(&q.cue),
            source_cell(&q.article),
            q.article.id.clone(),
            span_cell(q.span),
        ]);
    }
    t
}

/// Runs `storyline entity`.
pub fn entity(args: EntityArgs) -> Result<()> {
    let store = open(&args.query)?;
    let name = args.name.join(" ");
    let report = store.entity(&name).context("entity query failed")?;
    emit(
        args.query.format,
        || serde_json::to_string_pretty(&report),
        || {
            let mut mentions = Table::new(&[
                "name", "type", "role", "aliases", "mentions", "source", "article", "title",
            ]);
            for o in &report.occurrences {
                mentions.row(vec![
                    o.name.clone(),
                    o.kind.clone(),
                    or_dash(&o.role),
                    o.aliases.join("; "),
                    o.mentions.len().to_string(),
                    source_cell(&o.article),
                    o.article.id.clone(),
                    or_dash(&o.article.title),
                ]);
            }
            let mut co = Table::new(&["co-mentioned", "type", "articles"]);
            for c in &report.co_mentions {
                co.row(vec![
                    c.name.clone(),
                    c.kind.clone(),
                    c.num_articles.to_string(),
                ]);
            }
            let how = if report.exact {
                "named"
            } else {
                "names containing"
            };
            vec![
                (
                    Some(format!("Mentions ({how} \"{}\")", report.query)),
                    mentions,
                ),
                (Some("Co-mentioned".to_string()), co),
                (Some("Quotes".to_string()), quote_table(&report.quotes)),
            ]
        },
    )
}

/// Runs `storyline quotes`.
pub fn quotes(args: QuotesArgs) -> Result<()> {
    let store = open(&args.query)?;
    let rows = store
        .quotes(&QuoteFilter {
            speaker: args.speaker,
            about: args.about,
            limit: probe(args.limit),
            ..QuoteFilter::default()
        })
        .context("quote query failed")?;
    let rows = capped(rows, args.limit);
    emit(
        args.query.format,
        || serde_json::to_string_pretty(&rows),
        || vec![(None, quote_table(&rows))],
    )
}

/// Runs `storyline claims`.
pub fn claims(args: ClaimsArgs) -> Result<()> {
    let store = open(&args.query)?;
    let rows = store
        .claims(&ClaimFilter {
            noun: args.noun,
            subject: args.subject,
            limit: probe(args.limit),
            ..ClaimFilter::default()
        })
        .context("claim query failed")?;
    let rows = capped(rows, args.limit);
    emit(
        args.query.format,
        || serde_json::to_string_pretty(&rows),
        || {
            let mut t = Table::new(&[
                "value", "unit", "noun", "subject", "place", "hedge", "claimant", "text", "source",
                "article", "span",
            ]);
            for c in &rows {
                t.row(vec![
                    number(c.value),
                    or_dash(&c.unit),
                    c.noun.clone(),
                    or_dash(&c.subject),
                    or_dash(&c.place),
                    or_dash(&c.hedge),
                    or_dash(&c.claimant),
                    c.text.clone(),
                    source_cell(&c.article),
                    c.article.id.clone(),
                    span_cell(c.span),
                ]);
            }
            vec![(None, t)]
        },
    )
}

/// Runs `storyline events`.
pub fn events(args: EventsArgs) -> Result<()> {
    let store = open(&args.query)?;
    let rows = store
        .events(&EventFilter {
            actor: args.actor,
            action: args.action,
            asserted_only: args.asserted_only,
            limit: probe(args.limit),
            ..EventFilter::default()
        })
        .context("event query failed")?;
    let rows = capped(rows, args.limit);
    emit(
        args.query.format,
        || serde_json::to_string_pretty(&rows),
        || {
            let mut t = Table::new(&[
                "actor",
                "action",
                "target",
                "negated",
                "hypothetical",
                "sentence",
                "source",
                "article",
                "span",
            ]);
            for e in &rows {
                t.row(vec![
                    or_dash(&e.source),
                    e.action.clone(),
                    or_dash(&e.target),
                    e.negated.to_string(),
                    e.hypothetical.to_string(),
                    e.text.clone(),
                    source_cell(&e.article),
                    e.article.id.clone(),
                    span_cell(e.span),
                ]);
            }
            vec![(None, t)]
        },
    )
}

#[cfg(test)]
mod tests {
    use storyline_record::Record;
    use storyline_store::Provenance;

    use super::*;

    /// A record dated `published` whose body is `text`, with one entity named `person`.
    fn record(id: &str, published: &str, person: &str, text: &str) -> Record {
        let json = serde_json::json!({
            "id": id, "source": format!("{id}.txt"), "outlet": "Gazette", "title": null,
            "published": published, "author": null, "language": "en", "text": text,
            "removed": [], "entities": [{"name": person, "type": "PERSON", "aliases": [],
            "role": null, "mentions": []}], "quotes": [], "claims": [], "events": []
        });
        serde_json::from_value(json).unwrap_or_else(|e| panic!("fixture: {e}"))
    }

    #[test]
    fn stats_counts_stories_among_current_articles() {
        let mut store = Store::open_in_memory().expect("store");
        assert_eq!(num_stories(&store, &mut Vec::new()).expect("empty"), 0);
        let provenance = Provenance {
            storyline_version: "test".into(),
            settings: "{}".into(),
        };
        let flood =
            "Mayor Ingrid Falk said the river at Welby had peaked after three days of rain.";
        let match_report = "Striker Tomas Berg scored twice as Rovers beat the league leaders 3-1.";
        store
            .insert_batch(
                &provenance,
                &[
                    record("a", "2024-03-04", "Ingrid Falk", flood),
                    record("b", "2021-09-18", "Tomas Berg", match_report),
                ],
            )
            .expect("insert");
        let mut timings = Vec::new();
        assert_eq!(num_stories(&store, &mut timings).expect("count"), 2);
        assert_eq!(timings.len(), 3, "one duration per phase");
    }
}
