//! GDELT Global Knowledge Graph 2.1, article level: one tab-separated row of the codebook's 27
//! columns per article, in the codebook's order, empty where storyline has nothing to say.
//!
//! | # | column | from |
//! |---|---|---|
//! | 1 | GKGRECORDID | article id |
//! | 2 | V2.1DATE | publication date as `YYYYMMDDHHMMSS` |
//! | 3 | V2SOURCECOLLECTIONIDENTIFIER | `1` (WEB) with a URL, else `2` (CITATIONONLY) |
//! | 4 | V2SOURCECOMMONNAME | outlet |
//! | 5 | V2DOCUMENTIDENTIFIER | URL, else the source the article was read from |
//! | 6–7 | V1COUNTS, V2.1COUNTS | empty (no GDELT count-type taxonomy) |
//! | 8–9 | V1THEMES, V2ENHANCEDTHEMES | empty (no GDELT theme taxonomy) |
//! | 10–11 | V1LOCATIONS, V2ENHANCEDLOCATIONS | empty (no geocoding) |
//! | 12 | V1PERSONS | person names, `;`-separated |
//! | 13 | V2ENHANCEDPERSONS | `name,offset` per mention, `;`-separated |
//! | 14–15 | V1ORGANIZATIONS, V2ENHANCEDORGANIZATIONS | as 12–13 for organisations |
//! | 16 | V1.5TONE | tone, positive, negative, polarity, activity density (empty), self/group density (empty), word count |
//! | 17 | V2.1ENHANCEDDATES | empty |
//! | 18 | V2GCAM | empty |
//! | 19–22 | images and embeds | empty |
//! | 23 | V2.1QUOTATIONS | `offset\|length\|verb\|quote` per quote, `#`-separated |
//! | 24 | V2.1ALLNAMES | `name,offset` per entity mention, `;`-separated |
//! | 25 | V2.1AMOUNTS | `amount,object,offset` per numeric claim, `;`-separated |
//! | 26 | V2.1TRANSLATIONINFO | empty (articles are not translated) |
//! | 27 | V2EXTRASXML | `<PAGE_TITLE>` with the headline, as GDELT does |
//!
//! Offsets are character offsets into the article text, as GDELT's are into the document.
//! Delimiters of the enclosing field (tab, newline, `;`, `,`, `#`, `|`) inside names and quotes
//! are replaced by spaces so that every row parses.

use storyline_record::{EntityType, Record, RecordEntity};

/// The number of columns of a GKG 2.1 row.
pub const NUM_COLUMNS: usize = 27;

/// The article as one GKG 2.1 row, newline-terminated.
pub fn row(record: &Record) -> String {
    let mut columns: Vec<String> = vec![String::new(); NUM_COLUMNS];
    columns[0] = clean(&record.id, "");
    columns[1] = record.published.as_deref().map(date).unwrap_or_default();
    columns[2] = if record.url.is_some() { "1" } else { "2" }.into();
    columns[3] = clean(record.outlet.as_deref().unwrap_or(""), "");
    columns[4] = clean(record.url.as_deref().unwrap_or(&record.source), "");
    columns[11] = names(record, EntityType::Person);
    columns[12] = enhanced(record, Some(EntityType::Person));
    columns[13] = names(record, EntityType::Org);
    columns[14] = enhanced(record, Some(EntityType::Org));
    columns[15] = tone(record);
    columns[22] = quotations(record);
    columns[23] = enhanced(record, None);
    columns[24] = amounts(record);
    columns[26] = record
        .title
        .as_deref()
        .map(|t| format!("<PAGE_TITLE>{}</PAGE_TITLE>", xml_escape(&clean(t, ""))))
        .unwrap_or_default();
    let mut out = columns.join("\t");
    out.push('\n');
    out
}

/// `text` with tabs, line breaks, other control characters and the given delimiters replaced
/// by spaces.
fn clean(text: &str, delimiters: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || delimiters.contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// A record date as GKG's `YYYYMMDDHHMMSS` in UTC; empty when it is not one.
fn date(iso: &str) -> String {
    storyline_dates::compact_utc(iso).unwrap_or_default()
}

/// The entities of `kind`.
fn of_kind(record: &Record, kind: EntityType) -> impl Iterator<Item = &RecordEntity> {
    record
        .entities
        .iter()
        .filter(move |e| EntityType::parse(&e.kind) == Some(kind))
}

/// V1 list: each name once, `;`-separated.
fn names(record: &Record, kind: EntityType) -> String {
    of_kind(record, kind)
        .map(|e| clean(&e.name, ";,#"))
        .collect::<Vec<_>>()
        .join(";")
}

/// V2 list: `name,offset` per mention, in text order; all entity kinds when `kind` is `None`.
fn enhanced(record: &Record, kind: Option<EntityType>) -> String {
    let mut mentions: Vec<(usize, String)> = record
        .entities
        .iter()
        .filter(|e| kind.is_none_or(|k| EntityType::parse(&e.kind) == Some(k)))
        .flat_map(|e| {
            let name = clean(&e.name, ";,#");
            e.mentions.iter().map(move |m| (m[0], name.clone()))
        })
        .collect();
    mentions.sort();
    mentions
        .iter()
        .map(|(at, name)| format!("{name},{at}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// V1.5TONE: tone, positive, negative, polarity (positive + negative), two densities storyline
/// does not measure, word count.
fn tone(record: &Record) -> String {
    record
        .tone
        .as_ref()
        .map(|t| {
            format!(
                "{},{},{},{},,,{}",
                t.tone,
                t.positive,
                t.negative,
                t.positive + t.negative,
                t.words
            )
        })
        .unwrap_or_default()
}

/// V2.1QUOTATIONS: `offset|length|verb|quote` blocks joined by `#`, for words in marks only
/// (GDELT's quotations are quoted statements; indirect speech has no counterpart there).
fn quotations(record: &Record) -> String {
    record
        .quotes
        .iter()
        .filter(|q| q.kind != "indirect")
        .map(|q| {
            format!(
                "{}|{}|{}|{}",
                q.span[0],
                q.span[1].saturating_sub(q.span[0]),
                clean(q.cue.as_deref().unwrap_or(""), "|#"),
                clean(&q.text, "|#")
            )
        })
        .collect::<Vec<_>>()
        .join("#")
}

/// V2.1AMOUNTS: `amount,object,offset` per numeric claim, `;`-separated.
fn amounts(record: &Record) -> String {
    record
        .claims
        .iter()
        .map(|c| format!("{},{},{}", c.value, clean(&c.noun, ";,#"), c.span[0]))
        .collect::<Vec<_>>()
        .join(";")
}

/// Escapes the characters XML gives meaning to.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::sample;

    #[test]
    fn a_row_has_the_27_columns_in_codebook_order() {
        let line = row(&sample());
        assert!(line.ends_with('\n'));
        let cols: Vec<&str> = line.trim_end_matches('\n').split('\t').collect();
        assert_eq!(cols.len(), NUM_COLUMNS, "{line}");
        assert_eq!(cols[1], "20240305102030");
        assert_eq!(cols[2], "1");
        assert_eq!(cols[3], "Riverton Gazette");
        assert_eq!(cols[4], "https://news.example/ferry");
        assert_eq!(cols[11], "Ann Ellis");
        assert_eq!(cols[12], "Ann Ellis,40;Ann Ellis,90");
        assert_eq!(cols[13], "Riverton Council");
        assert_eq!(cols[14], "Riverton Council,4");
        assert_eq!(cols[15], "-1.5,2,3.5,5.5,,,200");
        assert_eq!(cols[22], "60|22|said|We will rebuild it all");
        assert_eq!(
            cols[23],
            "Riverton Council,4;Ann Ellis,40;Ann Ellis,90;Riverton,120"
        );
        assert_eq!(cols[24], "300,homes,10");
        assert_eq!(cols[26], "<PAGE_TITLE>Ferry &amp; flood</PAGE_TITLE>");
        assert!(cols[5..11].iter().all(|c| c.is_empty()));
    }

    #[test]
    fn dates_and_missing_fields() {
        assert_eq!(date("2024-03-05"), "20240305000000");
        assert_eq!(date("2024-03-05T10:20:00Z"), "20240305102000");
        assert_eq!(date("last Tuesday"), "");
        let mut record = sample();
        record.url = None;
        record.published = None;
        record.tone = None;
        let cols: Vec<String> = row(&record)
            .trim_end_matches('\n')
            .split('\t')
            .map(String::from)
            .collect();
        assert_eq!(cols.len(), NUM_COLUMNS);
        assert_eq!((cols[1].as_str(), cols[2].as_str()), ("", "2"));
        assert_eq!(cols[4], "ferry.txt");
        assert_eq!(cols[15], "");
    }
}
