//! Per-item queries: corpus counts, ranked full-text search, and filtered lists of quotes,
//! claims and events. Every query reads current articles only (a replaced revision is kept but
//! not listed), and every row points back to its article and character span.

use rusqlite::{params, Row};
use serde::{Deserialize, Serialize};

use crate::error::{AtPath, StoreError};
use crate::page::ItemList;
use crate::SqliteStore;

/// Counts over the whole database.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Stored articles (distinct ids, revisions included).
    pub articles: u64,
    /// Articles stored as a revision of an earlier one.
    pub revisions: u64,
    /// Entities, counted per article.
    pub entities: u64,
    /// Quotes.
    pub quotes: u64,
    /// Numeric claims.
    pub claims: u64,
    /// Events.
    pub events: u64,
}

/// The article a row comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleRef {
    /// Article id.
    #[serde(rename = "article")]
    pub id: String,
    /// Publisher.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Headline.
    pub title: Option<String>,
}

/// One full-text search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// The article.
    #[serde(flatten)]
    pub article: ArticleRef,
    /// Relevance (BM25, higher is better).
    pub score: f64,
    /// A few words around the best match, matched terms in `[brackets]`.
    pub snippet: String,
}

/// Which quotes to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteFilter {
    /// Speaker name contains this (case-insensitive).
    pub speaker: Option<String>,
    /// Quoted words contain this (case-insensitive).
    pub about: Option<String>,
    /// Publisher, exactly (case-insensitive).
    pub outlet: Option<String>,
    /// Published on or after this ISO date.
    pub from: Option<String>,
    /// Published on or before this ISO date (the whole day).
    pub to: Option<String>,
    /// Skip this many rows first (the next page).
    pub offset: usize,
    /// At most this many rows.
    pub limit: Option<usize>,
}

/// A stored quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteRow {
    /// The article.
    #[serde(flatten)]
    pub article: ArticleRef,
    /// Speaker's canonical name.
    pub speaker: Option<String>,
    /// The quoted words.
    pub text: String,
    /// Attribution cue.
    pub cue: Option<String>,
    /// `direct`, `partial` or `indirect`.
    pub kind: String,
    /// Character span in the article text.
    pub span: [u64; 2],
}

/// Which claims to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimFilter {
    /// Counted noun contains this (case-insensitive): `troops` finds "Russian troops".
    pub noun: Option<String>,
    /// Subject contains this (case-insensitive).
    pub subject: Option<String>,
    /// Skip this many rows first (the next page).
    pub offset: usize,
    /// At most this many rows.
    pub limit: Option<usize>,
}

/// A stored numeric claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    /// The article.
    #[serde(flatten)]
    pub article: ArticleRef,
    /// Normalised value.
    pub value: f64,
    /// Unit.
    pub unit: Option<String>,
    /// Counted noun.
    pub noun: String,
    /// What it is about.
    pub subject: Option<String>,
    /// Where.
    pub place: Option<String>,
    /// Hedge word.
    pub hedge: Option<String>,
    /// Who claims it.
    pub claimant: Option<String>,
    /// The claim as written.
    pub text: String,
    /// Character span in the article text.
    pub span: [u64; 2],
}

/// Which events to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Acting entity contains this (case-insensitive).
    pub actor: Option<String>,
    /// PLOVER type, exactly (case-insensitive).
    pub action: Option<String>,
    /// Leave out negated and hypothetical events.
    pub asserted_only: bool,
    /// Skip this many rows first (the next page).
    pub offset: usize,
    /// At most this many rows.
    pub limit: Option<usize>,
}

/// A stored event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventRow {
    /// The article.
    #[serde(flatten)]
    pub article: ArticleRef,
    /// Acting entity.
    pub source: Option<String>,
    /// PLOVER type.
    pub action: String,
    /// Target entity.
    pub target: Option<String>,
    /// Denied.
    pub negated: bool,
    /// Conditional, future or proposed.
    pub hypothetical: bool,
    /// The sentence that reports it.
    pub text: String,
    /// Character span in the article text.
    pub span: [u64; 2],
}

/// An FTS5 query for a trigram table: rows whose `column` contains `needle`, for every pair
/// whose needle has at least three characters (shorter ones have no trigram to look up).
/// `None` when no needle qualifies. Trigram matching folds case at least as widely as `LIKE`,
/// so it finds every row the `LIKE` filter keeps; the filter still decides.
pub(crate) fn trigram_query(terms: &[(&str, Option<&str>)]) -> Option<String> {
    let parts: Vec<String> = terms
        .iter()
        .filter_map(|(column, needle)| {
            let needle = (*needle)?.trim();
            (needle.chars().count() >= 3)
                .then(|| format!("{column} : \"{}\"", needle.replace('"', "\"\"")))
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

/// A `LIKE` pattern matching `needle` anywhere, its wildcards escaped with `\`.
pub(crate) fn contains_pattern(needle: &str) -> String {
    let mut out = String::with_capacity(needle.len() + 2);
    out.push('%');
    for c in needle.trim().chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// The distinct words of a search (letters and digits; a word repeated in any letter case,
/// which both indexes fold, is kept once: search cost grows with the number of terms, and
/// repeating a word changes no answer).
pub(crate) fn search_words(text: &str) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && seen.insert(w.to_lowercase()))
        .collect()
}

/// An FTS5 query that ANDs the words of `text`, each quoted so that user input can never be
/// read as FTS5 syntax (a stray `"` or `NOT` would otherwise be an error or change meaning).
fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = search_words(text)
        .into_iter()
        .map(|w| format!("\"{w}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// `LIMIT` value: SQLite reads a negative limit as "no limit".
fn limit(l: Option<usize>) -> i64 {
    l.map_or(-1, |n| n.min(i64::MAX as usize) as i64)
}

/// `OFFSET` value.
fn offset(n: usize) -> i64 {
    n.min(i64::MAX as usize) as i64
}

/// The upper bound of a date range: a date may carry a time ("2022-01-30T10:00"), so the
/// highest character is appended to keep that whole day in.
pub(crate) fn date_upper_bound(to: Option<&str>) -> Option<String> {
    to.map(|d| format!("{}\u{10FFFF}", d.trim()))
}

/// Reads the four article columns starting at `at`.
pub(crate) fn article_ref(row: &Row<'_>, at: usize) -> rusqlite::Result<ArticleRef> {
    Ok(ArticleRef {
        id: row.get(at)?,
        outlet: row.get(at + 1)?,
        published: row.get(at + 2)?,
        title: row.get(at + 3)?,
    })
}

/// Reads a span stored as two integer columns starting at `at`.
pub(crate) fn span(row: &Row<'_>, at: usize) -> rusqlite::Result<[u64; 2]> {
    let start: i64 = row.get(at)?;
    let end: i64 = row.get(at + 1)?;
    Ok([start.max(0) as u64, end.max(0) as u64])
}

impl SqliteStore {
    /// Counts of articles, revisions and stored items.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        Ok(Stats {
            articles: self.num_articles()?,
            revisions: self.count("SELECT count(*) FROM articles WHERE revision_of IS NOT NULL")?,
            entities: self.count("SELECT count(*) FROM entities")?,
            quotes: self.count("SELECT count(*) FROM quotes")?,
            claims: self.count("SELECT count(*) FROM claims")?,
            events: self.count("SELECT count(*) FROM events")?,
        })
    }

    /// Full-text search over titles and bodies: articles containing every word of `text`,
    /// best first, at most `max_hits`.
    pub fn search(&self, text: &str, max_hits: usize) -> Result<Vec<SearchHit>, StoreError> {
        let Some(query) = fts_query(text) else {
            return Ok(Vec::new());
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.outlet, a.published, a.title, bm25(articles_fts),
                        snippet(articles_fts, 1, '[', ']', '…', 16)
                 FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
                 WHERE articles_fts MATCH ?1 AND a.current = 1
                 ORDER BY bm25(articles_fts), a.seq LIMIT ?2",
            )
            .at(&self.path)?;
        let rows = stmt
            .query_map(params![query, limit(Some(max_hits))], |r| {
                Ok(SearchHit {
                    article: article_ref(r, 0)?,
                    // BM25 in SQLite is "lower is better"; flipped so callers read it naturally.
                    score: -r.get::<_, f64>(4)?,
                    snippet: r.get(5)?,
                })
            })
            .at(&self.path)?;
        rows.collect::<Result<_, _>>().at(&self.path)
    }

    /// Quotes by speaker and/or about a word, in article (publication, ingest) and text order.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRow>, StoreError> {
        let trigrams = trigram_query(&[
            ("speaker", filter.speaker.as_deref()),
            ("text", filter.about.as_deref()),
        ]);
        let list = ItemList {
            table: "quotes",
            alias: "q",
            columns: "q.speaker, q.text, q.cue, q.kind, q.start, q.end",
            conditions: "AND (?1 IS NULL OR q.speaker LIKE ?1 ESCAPE '\\')
                 AND (?2 IS NULL OR q.text LIKE ?2 ESCAPE '\\')
                 AND (?3 IS NULL OR a.outlet = ?3 COLLATE NOCASE)
                 AND (?4 IS NULL OR a.published >= ?4)
                 AND (?5 IS NULL OR a.published <= ?5)",
            trigram_table: "quotes_trgm",
            narrow_param: "?8",
            narrow: &trigrams,
            limit_offset: "?6 OFFSET ?7",
        };
        self.item_page(
            &list,
            params![
                filter.speaker.as_deref().map(contains_pattern),
                filter.about.as_deref().map(contains_pattern),
                filter.outlet.as_deref().map(str::trim),
                filter.from.as_deref().map(str::trim),
                date_upper_bound(filter.to.as_deref()),
                limit(filter.limit),
                offset(filter.offset),
                trigrams
            ],
            filter.limit,
            |r| {
                Ok(QuoteRow {
                    article: article_ref(r, 0)?,
                    speaker: r.get(4)?,
                    text: r.get(5)?,
                    cue: r.get(6)?,
                    kind: r.get(7)?,
                    span: span(r, 8)?,
                })
            },
        )
    }

    /// Numeric claims by counted noun and/or subject.
    pub fn claims(&self, filter: &ClaimFilter) -> Result<Vec<ClaimRow>, StoreError> {
        let trigrams = trigram_query(&[
            ("noun", filter.noun.as_deref()),
            ("subject", filter.subject.as_deref()),
        ]);
        let list = ItemList {
            table: "claims",
            alias: "c",
            columns: "c.value, c.unit, c.noun, c.subject, c.place, c.hedge, c.claimant, c.text,
                 c.start, c.end",
            conditions: "AND (?1 IS NULL OR c.noun LIKE ?1 ESCAPE '\\')
                 AND (?2 IS NULL OR c.subject LIKE ?2 ESCAPE '\\')",
            trigram_table: "claims_trgm",
            narrow_param: "?5",
            narrow: &trigrams,
            limit_offset: "?3 OFFSET ?4",
        };
        self.item_page(
            &list,
            params![
                filter.noun.as_deref().map(contains_pattern),
                filter.subject.as_deref().map(contains_pattern),
                limit(filter.limit),
                offset(filter.offset),
                trigrams
            ],
            filter.limit,
            |r| {
                Ok(ClaimRow {
                    article: article_ref(r, 0)?,
                    value: r.get(4)?,
                    unit: r.get(5)?,
                    noun: r.get(6)?,
                    subject: r.get(7)?,
                    place: r.get(8)?,
                    hedge: r.get(9)?,
                    claimant: r.get(10)?,
                    text: r.get(11)?,
                    span: span(r, 12)?,
                })
            },
        )
    }

    /// Events by actor and/or PLOVER type, optionally asserted ones only.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>, StoreError> {
        let trigrams = trigram_query(&[("source", filter.actor.as_deref())]);
        // substr counts characters in SQLite, as the stored spans do.
        let list = ItemList {
            table: "events",
            alias: "e",
            columns: "e.source, e.action, e.target, e.negated, e.hypothetical,
                 substr(a.text, e.start + 1, e.end - e.start), e.start, e.end",
            conditions: "AND (?1 IS NULL OR e.source LIKE ?1 ESCAPE '\\')
                 AND (?2 IS NULL OR e.action = upper(?2))
                 AND (?3 = 0 OR (e.negated = 0 AND e.hypothetical = 0))",
            trigram_table: "events_trgm",
            narrow_param: "?6",
            narrow: &trigrams,
            limit_offset: "?4 OFFSET ?5",
        };
        self.item_page(
            &list,
            params![
                filter.actor.as_deref().map(contains_pattern),
                filter.action.as_deref().map(str::trim),
                filter.asserted_only,
                limit(filter.limit),
                offset(filter.offset),
                trigrams
            ],
            filter.limit,
            |r| {
                Ok(EventRow {
                    article: article_ref(r, 0)?,
                    source: r.get(4)?,
                    action: r.get(5)?,
                    target: r.get(6)?,
                    negated: r.get(7)?,
                    hypothetical: r.get(8)?,
                    text: r.get(9)?,
                    span: span(r, 10)?,
                })
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{record, store_with};

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(contains_pattern(" 50%_off "), "%50\\%\\_off%");
    }

    #[test]
    fn fts_query_quotes_every_word() {
        assert_eq!(
            fts_query("flood \"defences\" NOT"),
            Some("\"flood\" \"defences\" \"NOT\"".into())
        );
        assert_eq!(fts_query(" -- "), None);
    }

    #[test]
    fn fts_query_asks_for_a_repeated_word_once() {
        let query = "harbour Harbour HARBOUR ".repeat(300) + "storm";
        assert_eq!(fts_query(&query), Some("\"harbour\" \"storm\"".into()));
    }

    #[test]
    fn search_ranks_and_snippets() {
        let store = store_with(&[
            record(
                "a",
                "Floods closed the bridge. The council said the bridge would reopen.",
            ),
            record("b", "The striker scored twice as the bridge club watched."),
            record("c", "Shares in the chipmaker rose 4% on Tuesday."),
        ]);
        let hits = store.search("bridge", 10).expect("search");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].article.id, "a", "two mentions rank first");
        assert!(hits[0].snippet.contains("[bridge]"), "{}", hits[0].snippet);
        assert!(store.search("\"unbalanced", 10).expect("safe").is_empty());
        assert!(store.search("", 10).expect("empty").is_empty());
    }

    #[test]
    fn filters_quotes_claims_and_events() {
        let a = "The mayor said: \"We will rebuild the pier.\" About 300 homes flooded.";
        let b = "Police would not arrest the protesters, the chief said.";
        let store = store_with(&[
            record("a", a)
                .quote(Some("the Mayor"), "We will rebuild the pier.")
                .claim(300.0, "homes", Some("town"), "About 300 homes")
                .event("Mayor", "AID", (false, false), "The mayor said"),
            record("b", b).event("police", "COERCE", (true, true), b),
        ]);
        let by = |speaker: &str| QuoteFilter {
            speaker: Some(speaker.into()),
            ..QuoteFilter::default()
        };
        let quotes = store.quotes(&by("MAYOR")).expect("quotes");
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].text, "We will rebuild the pier.");
        assert!(store.quotes(&by("chief")).expect("quotes").is_empty());
        let about = QuoteFilter {
            about: Some("PIER".into()),
            ..QuoteFilter::default()
        };
        assert_eq!(store.quotes(&about).expect("quotes").len(), 1);
        let dated = |outlet: &str, from: &str, to: &str, offset: usize| QuoteFilter {
            outlet: Some(outlet.into()),
            from: Some(from.into()),
            to: Some(to.into()),
            offset,
            ..QuoteFilter::default()
        };
        let n = |f: &QuoteFilter| store.quotes(f).expect("quotes").len();
        assert_eq!(n(&dated("gazette", "2023-05-01", "2023-05-01", 0)), 1);
        assert_eq!(n(&dated("gazette", "2023-05-01", "2023-05-01", 1)), 0);
        assert_eq!(n(&dated("Herald", "2023-05-01", "2023-05-01", 0)), 0);
        assert_eq!(n(&dated("Gazette", "2023-05-02", "2023-06-01", 0)), 0);

        let claims = store
            .claims(&ClaimFilter {
                noun: Some("home".into()),
                subject: Some("town".into()),
                ..ClaimFilter::default()
            })
            .expect("claims");
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].value, 300.0);
        assert_eq!(claims[0].text, "About 300 homes");

        let all = store.events(&EventFilter::default()).expect("events");
        assert_eq!(all.len(), 2);
        let asserted = store
            .events(&EventFilter {
                asserted_only: true,
                ..EventFilter::default()
            })
            .expect("events");
        assert_eq!(asserted.len(), 1);
        assert_eq!(asserted[0].text, "The mayor said");
        let typed = store
            .events(&EventFilter {
                action: Some("coerce".into()),
                actor: Some("POLICE".into()),
                ..EventFilter::default()
            })
            .expect("events");
        assert_eq!(typed.len(), 1);
        assert_eq!(typed[0].text, b);
        assert!(typed[0].negated && typed[0].hypothetical);

        let stats = store.stats().expect("stats");
        assert_eq!(
            (stats.articles, stats.quotes, stats.claims, stats.events),
            (2, 1, 1, 2)
        );
    }
}
