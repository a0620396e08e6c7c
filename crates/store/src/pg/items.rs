//! The per-item rows of a PostgreSQL batch (entities and their names, quotes, claims, events),
//! collected column by column and written with one `unnest` insert per table.

use postgres::Transaction;
use storyline_record::Record;

use super::pg_text;
use super::write::next_ids;

/// Per-item rows of a batch, column by column, written with one `unnest` insert per table.
#[derive(Default)]
pub(super) struct Items {
    entities: Vec<Entity>,
    quotes: Columns<7>,
    claims: Columns<11>,
    events: Columns<8>,
}

/// An entity of a stored article, with its other names.
struct Entity {
    article: i64,
    name: String,
    kind: String,
    role: Option<String>,
    mentions: Vec<[usize; 2]>,
    aliases: Vec<String>,
}

/// `N` columns of values rendered as text (numbers and booleans too: the insert casts them),
/// `None` for SQL NULL.
struct Columns<const N: usize>([Vec<Option<String>>; N]);

impl<const N: usize> Default for Columns<N> {
    fn default() -> Self {
        Columns(std::array::from_fn(|_| Vec::new()))
    }
}

impl<const N: usize> Columns<N> {
    fn push(&mut self, row: [Option<String>; N]) {
        for (column, value) in self.0.iter_mut().zip(row) {
            column.push(value.map(|v| pg_text(&v).into_owned()));
        }
    }
}

/// An optional text value.
fn o(s: &Option<String>) -> Option<String> {
    s.clone()
}

/// A present value.
fn v(s: impl ToString) -> Option<String> {
    Some(s.to_string())
}

impl Items {
    /// Adds the items of the article stored as `seq`.
    pub(super) fn add(&mut self, seq: i64, r: &Record) {
        for e in &r.entities {
            self.entities.push(Entity {
                article: seq,
                name: pg_text(&e.name).into_owned(),
                kind: pg_text(&e.kind).into_owned(),
                role: e.role.as_deref().map(|s| pg_text(s).into_owned()),
                mentions: e.mentions.clone(),
                aliases: e
                    .aliases
                    .iter()
                    .filter(|a| !a.eq_ignore_ascii_case(&e.name))
                    .map(|a| pg_text(a).into_owned())
                    .collect(),
            });
        }
        for q in &r.quotes {
            self.quotes.push([
                v(seq),
                v(&q.text),
                o(&q.speaker),
                o(&q.cue),
                v(&q.kind),
                v(q.span[0]),
                v(q.span[1]),
            ]);
        }
        for c in &r.claims {
            let value = if c.value.is_finite() { c.value } else { 0.0 };
            self.claims.push([
                v(seq),
                v(value),
                o(&c.unit),
                v(&c.noun),
                o(&c.subject),
                o(&c.place),
                o(&c.hedge),
                o(&c.claimant),
                v(&c.text),
                v(c.span[0]),
                v(c.span[1]),
            ]);
        }
        for e in &r.events {
            self.events.push([
                v(seq),
                o(&e.source),
                v(&e.action),
                o(&e.target),
                v(e.negated),
                v(e.hypothetical),
                v(e.span[0]),
                v(e.span[1]),
            ]);
        }
    }

    /// Writes every collected item.
    pub(super) fn insert(&self, tx: &mut Transaction<'_>) -> Result<(), postgres::Error> {
        if !self.entities.is_empty() {
            self.insert_entities(tx)?;
        }
        let [a, b, c, d, e, f, g] = &self.quotes.0;
        if !a.is_empty() {
            tx.execute(
                "INSERT INTO quotes(article, text, speaker, cue, kind, span_start, span_end)
                 SELECT a::bigint, b, c, d, e, f::bigint, g::bigint
                 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                             $6::text[], $7::text[]) WITH ORDINALITY AS t(a, b, c, d, e, f, g, n)
                 ORDER BY n",
                &[a, b, c, d, e, f, g],
            )?;
        }
        let [a, b, c, d, e, f, g, h, i, j, k] = &self.claims.0;
        if !a.is_empty() {
            tx.execute(
                "INSERT INTO claims(article, value, unit, noun, subject, place, hedge, claimant,
                     text, span_start, span_end)
                 SELECT a::bigint, b::double precision, c, d, e, f, g, h, i, j::bigint, k::bigint
                 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                             $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                             $11::text[]) WITH ORDINALITY AS t(a, b, c, d, e, f, g, h, i, j, k, n)
                 ORDER BY n",
                &[a, b, c, d, e, f, g, h, i, j, k],
            )?;
        }
        let [a, b, c, d, e, f, g, h] = &self.events.0;
        if !a.is_empty() {
            tx.execute(
                "INSERT INTO events(article, source, action, target, negated, hypothetical,
                     span_start, span_end)
                 SELECT a::bigint, b, c, d, e::boolean, f::boolean, g::bigint, h::bigint
                 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                             $6::text[], $7::text[], $8::text[])
                      WITH ORDINALITY AS t(a, b, c, d, e, f, g, h, n)
                 ORDER BY n",
                &[a, b, c, d, e, f, g, h],
            )?;
        }
        Ok(())
    }

    /// Entities get their ids first (one round trip), so their names can point at them.
    fn insert_entities(&self, tx: &mut Transaction<'_>) -> Result<(), postgres::Error> {
        let ids = next_ids(tx, "entities", "id", self.entities.len())?;
        let (mut articles, mut names, mut kinds, mut roles, mut counts, mut mentions) =
            (vec![], vec![], vec![], vec![], vec![], vec![]);
        let (mut name_of, mut name_text) = (vec![], vec![]);
        for (e, id) in self.entities.iter().zip(&ids) {
            articles.push(e.article);
            names.push(e.name.as_str());
            kinds.push(e.kind.as_str());
            roles.push(e.role.as_deref());
            counts.push(e.mentions.len() as i64);
            mentions.push(serde_json::to_string(&e.mentions).unwrap_or_else(|_| "[]".into()));
            name_of.push(*id);
            name_text.push(e.name.as_str());
            for alias in &e.aliases {
                name_of.push(*id);
                name_text.push(alias.as_str());
            }
        }
        tx.execute(
            "INSERT INTO entities(id, article, name, kind, role, num_mentions, mentions)
             SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[],
                                  $6::bigint[], $7::text[])",
            &[&ids, &articles, &names, &kinds, &roles, &counts, &mentions],
        )?;
        tx.execute(
            "INSERT INTO entity_names(entity, name)
             SELECT e, n FROM unnest($1::bigint[], $2::text[]) WITH ORDINALITY AS t(e, n, i)
             ORDER BY i",
            &[&name_of, &name_text],
        )?;
        Ok(())
    }
}
