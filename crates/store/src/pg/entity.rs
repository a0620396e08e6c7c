//! `storyline entity NAME` on PostgreSQL: the same report as the SQLite query in
//! `crate::entity` (names compared ignoring ASCII letter case, as SQLite's NOCASE does).

use super::query::{article_ref, span};
use super::PgStore;
use crate::query::contains_pattern;
use crate::{CoMention, EntityOccurrence, EntityReport, QuoteRow, StoreError};

/// Most co-mentioned entities listed (as on SQLite).
const MAX_CO_MENTIONS: i64 = 40;

impl PgStore {
    /// Entities named `name` (or with it as an alias) in current articles; when none matches
    /// exactly, those whose names contain it.
    pub fn entity(&self, name: &str) -> Result<EntityReport, StoreError> {
        let name = super::pg_text(name.trim()).into_owned();
        let mut report = self.entity_matching(&name, true)?;
        if report.occurrences.is_empty() && !name.is_empty() {
            report = self.entity_matching(&name, false)?;
        }
        Ok(report)
    }

    fn entity_matching(&self, name: &str, exact: bool) -> Result<EntityReport, StoreError> {
        // Only these two fixed fragments are spliced into the SQL; the name is a parameter.
        let (condition, needle) = if exact {
            ("lower(en.name) = lower($1)", name.to_string())
        } else {
            (r"en.name ILIKE $1 ESCAPE '\'", contains_pattern(name))
        };
        let hit = format!(
            "WITH hit AS (SELECT DISTINCT e.id AS id, e.article AS article
                 FROM entity_names en JOIN entities e ON e.id = en.entity
                 JOIN articles a ON a.seq = e.article
                 WHERE {condition} AND a.is_current)"
        );
        let occurrences = self.rows(
            &format!(
                "{hit}
                 SELECT a.id, a.outlet, a.published, a.title, e.name, e.kind, e.role, e.mentions,
                        (SELECT coalesce(json_agg(n.name ORDER BY n.id), '[]')::text
                         FROM entity_names n
                         WHERE n.entity = e.id AND lower(n.name) <> lower(e.name))
                 FROM hit JOIN entities e ON e.id = hit.id JOIN articles a ON a.seq = e.article
                 ORDER BY a.published NULLS FIRST, a.seq, e.id"
            ),
            &[&needle],
            |r| {
                let mentions: &str = r.try_get(7)?;
                let aliases: &str = r.try_get(8)?;
                Ok(EntityOccurrence {
                    article: article_ref(r, 0)?,
                    name: r.try_get(4)?,
                    kind: r.try_get(5)?,
                    role: r.try_get(6)?,
                    // Both columns are JSON this crate wrote; an unreadable one lists nothing
                    // rather than failing the whole report.
                    mentions: serde_json::from_str(mentions).unwrap_or_default(),
                    aliases: serde_json::from_str(aliases).unwrap_or_default(),
                })
            },
        )?;
        let co_mentions = self.rows(
            &format!(
                "{hit}
                 SELECT min(o.name) AS name, o.kind, count(DISTINCT o.article) AS n
                 FROM hit JOIN entities o ON o.article = hit.article
                 WHERE o.id NOT IN (SELECT id FROM hit)
                 GROUP BY lower(o.name), o.kind
                 ORDER BY n DESC, name, o.kind LIMIT $2"
            ),
            &[&needle, &MAX_CO_MENTIONS],
            |r| {
                Ok(CoMention {
                    name: r.try_get(0)?,
                    kind: r.try_get(1)?,
                    num_articles: r.try_get::<_, i64>(2)?.max(0) as u64,
                })
            },
        )?;
        let quotes = self.rows(
            &format!(
                "{hit}
                 SELECT DISTINCT a.id, a.outlet, a.published, a.title, q.speaker, q.text, q.cue,
                        q.kind, q.span_start, q.span_end, a.seq
                 FROM hit JOIN quotes q ON q.article = hit.article
                 JOIN articles a ON a.seq = q.article
                 WHERE lower(q.speaker) IN
                       (SELECT lower(n.name) FROM entity_names n WHERE n.entity = hit.id)
                 ORDER BY a.published NULLS FIRST, a.seq, q.span_start, q.span_end, q.text"
            ),
            &[&needle],
            |r| {
                Ok(QuoteRow {
                    article: article_ref(r, 0)?,
                    speaker: r.try_get(4)?,
                    text: r.try_get(5)?,
                    cue: r.try_get(6)?,
                    kind: r.try_get(7)?,
                    span: span(r, 8)?,
                })
            },
        )?;
        Ok(EntityReport {
            query: name.to_string(),
            exact,
            occurrences,
            co_mentions,
            quotes,
        })
    }
}
