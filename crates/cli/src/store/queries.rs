//! The query subcommands: open the database read-only, ask the store, print the rows.

use anyhow::{Context, Result};
use storyline_store::{ArticleRef, ClaimFilter, EventFilter, QuoteFilter, QuoteRow, Store};

use super::table::{emit, number, or_dash, Table};
use super::{ClaimsArgs, EntityArgs, EventsArgs, QueryArgs, QuotesArgs, SearchArgs, StatsArgs};

/// Opens the database for queries: never creates or changes it.
fn open(args: &QueryArgs) -> Result<Store> {
    Ok(Store::open_read_only(&args.db)?)
}

/// `outlet date` of an article, for one table cell.
fn source_cell(a: &ArticleRef) -> String {
    format!("{} {}", or_dash(&a.outlet), or_dash(&a.published))
}

/// `[start, end]` as `start-end`.
fn span_cell(span: [u64; 2]) -> String {
    format!("{}-{}", span[0], span[1])
}

/// Runs `storyline stats`.
pub fn stats(args: StatsArgs) -> Result<()> {
    let store = open(&args.query)?;
    let stats = store.stats().context("cannot count")?;
    let pairs = [
        ("articles", stats.articles),
        ("revisions", stats.revisions),
        ("entities", stats.entities),
        ("quotes", stats.quotes),
        ("claims", stats.claims),
        ("events", stats.events),
    ];
    emit(
        args.query.format,
        || serde_json::to_string_pretty(&stats),
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
    let hits = store.search(&text, args.limit).context("search failed")?;
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
            limit: args.limit,
        })
        .context("quote query failed")?;
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
            limit: args.limit,
        })
        .context("claim query failed")?;
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
            limit: args.limit,
        })
        .context("event query failed")?;
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
