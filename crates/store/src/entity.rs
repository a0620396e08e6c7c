//! `storyline entity NAME`: where an entity is mentioned, with what role, alongside whom, and
//! what it said. Matching is per article, on names and aliases; merging variants across
//! articles ("Sergei" / "Sergey") is cross-article analysis, not the store's job.

use rusqlite::params;
use serde::Serialize;

use crate::error::{AtPath, StoreError};
use crate::query::{article_ref, contains_pattern, span, ArticleRef, QuoteRow};
use crate::SqliteStore;

/// Everything stored about the entities matching one name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityReport {
    /// The name asked for.
    pub query: String,
    /// Whether names matched exactly (case-insensitive); else they contain the query.
    pub exact: bool,
    /// One row per article whose entity matched.
    pub occurrences: Vec<EntityOccurrence>,
    /// Other entities of those articles, most frequent first.
    pub co_mentions: Vec<CoMention>,
    /// Quotes whose speaker is a matched entity (by its name or an alias), in article order.
    pub quotes: Vec<QuoteRow>,
}

/// A matched entity in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityOccurrence {
    /// The article.
    #[serde(flatten)]
    pub article: ArticleRef,
    /// Canonical name in that article.
    pub name: String,
    /// `PERSON`, `ORG` or `PLACE`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Other names used there.
    pub aliases: Vec<String>,
    /// Title or role given there.
    pub role: Option<String>,
    /// Character spans of its mentions.
    pub mentions: Vec<[u64; 2]>,
}

/// An entity named in the same articles as the one asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoMention {
    /// Its canonical name.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: String,
    /// In how many of the matched articles it is named.
    pub num_articles: u64,
}

/// Most co-mentioned entities listed: beyond a few dozen the list stops informing.
const MAX_CO_MENTIONS: i64 = 40;

impl SqliteStore {
    /// Entities named `name` (or with it as an alias) in current articles; when none matches
    /// exactly, those whose names contain it.
    pub fn entity(&self, name: &str) -> Result<EntityReport, StoreError> {
        let name = name.trim();
        let mut report = self.entity_matching(name, true)?;
        if report.occurrences.is_empty() && !name.is_empty() {
            report = self.entity_matching(name, false)?;
        }
        Ok(report)
    }

    fn entity_matching(&self, name: &str, exact: bool) -> Result<EntityReport, StoreError> {
        // Only these two fixed fragments are spliced into the SQL; the name is a parameter.
        let (condition, needle) = if exact {
            ("en.name = ?1", name.to_string())
        } else {
            ("en.name LIKE ?1 ESCAPE '\\'", contains_pattern(name))
        };
        let hit = format!(
            "WITH hit AS (SELECT DISTINCT e.id AS id, e.article AS article
                 FROM entity_names en JOIN entities e ON e.id = en.entity
                 JOIN articles a ON a.seq = e.article
                 WHERE {condition} AND a.current = 1)"
        );
        let path = &self.path;

        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "{hit}
                 SELECT a.id, a.outlet, a.published, a.title, e.name, e.kind, e.role, e.mentions,
                        (SELECT json_group_array(n.name) FROM entity_names n
                         WHERE n.entity = e.id AND n.name <> e.name)
                 FROM hit JOIN entities e ON e.id = hit.id JOIN articles a ON a.seq = e.article
                 ORDER BY a.published, a.seq, e.id"
            ))
            .at(path)?;
        let occurrences = stmt
            .query_map([&needle], |r| {
                let mentions: String = r.get(7)?;
                let aliases: String = r.get(8)?;
                Ok(EntityOccurrence {
                    article: article_ref(r, 0)?,
                    name: r.get(4)?,
                    kind: r.get(5)?,
                    role: r.get(6)?,
                    // Both columns are JSON this crate wrote; an unreadable one lists nothing
                    // rather than failing the whole report.
                    mentions: serde_json::from_str(&mentions).unwrap_or_default(),
                    aliases: serde_json::from_str(&aliases).unwrap_or_default(),
                })
            })
            .at(path)?
            .collect::<Result<Vec<_>, _>>()
            .at(path)?;

        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "{hit}
                 SELECT min(o.name) AS name, o.kind, count(DISTINCT o.article) AS n
                 FROM hit JOIN entities o ON o.article = hit.article
                 WHERE o.id NOT IN (SELECT id FROM hit)
                 GROUP BY o.name COLLATE NOCASE, o.kind
                 ORDER BY n DESC, name, o.kind LIMIT ?2"
            ))
            .at(path)?;
        let co_mentions = stmt
            .query_map(params![needle, MAX_CO_MENTIONS], |r| {
                Ok(CoMention {
                    name: r.get(0)?,
                    kind: r.get(1)?,
                    num_articles: r.get::<_, i64>(2)?.max(0) as u64,
                })
            })
            .at(path)?
            .collect::<Result<Vec<_>, _>>()
            .at(path)?;

        // Both speaker and entity_names.name compare case-insensitively (NOCASE columns).
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "{hit}
                 SELECT DISTINCT a.id, a.outlet, a.published, a.title, q.speaker, q.text, q.cue,
                        q.kind, q.start, q.end, a.seq
                 FROM hit JOIN quotes q ON q.article = hit.article
                 JOIN articles a ON a.seq = q.article
                 WHERE q.speaker IN (SELECT n.name FROM entity_names n WHERE n.entity = hit.id)
                 ORDER BY a.published, a.seq, q.start, q.end, q.text"
            ))
            .at(path)?;
        let quotes = stmt
            .query_map([&needle], |r| {
                Ok(QuoteRow {
                    article: article_ref(r, 0)?,
                    speaker: r.get(4)?,
                    text: r.get(5)?,
                    cue: r.get(6)?,
                    kind: r.get(7)?,
                    span: span(r, 8)?,
                })
            })
            .at(path)?
            .collect::<Result<Vec<_>, _>>()
            .at(path)?;

        Ok(EntityReport {
            query: name.to_string(),
            exact,
            occurrences,
            co_mentions,
            quotes,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{record, store_with};

    fn corpus() -> crate::Store {
        let a = "Coach Maria Lopez praised Ruiz. \"We defended well,\" Lopez said in Leeds.";
        let b = "Lopez signed for Rovers. Ruiz stayed in Leeds.";
        let c = "The Lopez Foundation opened a clinic.";
        store_with(&[
            record("a", a)
                .entity(
                    "Maria Lopez",
                    "PERSON",
                    &["Lopez"],
                    &["Maria Lopez", "Lopez said"],
                )
                .entity("Ruiz", "PERSON", &[], &["Ruiz"])
                .entity("Leeds", "PLACE", &[], &["Leeds"])
                .quote(Some("Maria Lopez"), "We defended well,"),
            record("b", b)
                .entity("Lopez", "PERSON", &[], &["Lopez"])
                .entity("Ruiz", "PERSON", &[], &["Ruiz"])
                .entity("Rovers", "ORG", &[], &["Rovers"]),
            record("c", c).entity("Lopez Foundation", "ORG", &[], &["Lopez Foundation"]),
        ])
    }

    #[test]
    fn matches_names_and_aliases_exactly_first() {
        let store = corpus();
        let report = store.entity("lopez").expect("entity");
        assert!(report.exact);
        let names: Vec<&str> = report.occurrences.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["Maria Lopez", "Lopez"], "the foundation is not her");
        assert_eq!(report.occurrences[0].aliases, ["Lopez"]);
        assert_eq!(report.occurrences[0].mentions.len(), 2);
        assert_eq!(report.co_mentions[0].name, "Ruiz");
        assert_eq!(report.co_mentions[0].num_articles, 2);
        assert_eq!(report.quotes.len(), 1);
        assert_eq!(report.quotes[0].text, "We defended well,");
    }

    #[test]
    fn falls_back_to_substring_and_never_fails_on_odd_names() {
        let store = corpus();
        let report = store.entity("Foundation").expect("entity");
        assert!(!report.exact);
        assert_eq!(report.occurrences.len(), 1);
        for odd in ["", "%", "'; DROP TABLE articles; --", "\u{0}"] {
            store.entity(odd).expect("odd names are just names");
        }
        assert_eq!(store.num_articles().expect("count"), 3);
    }
}
