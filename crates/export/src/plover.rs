//! PLOVER event JSON: one line per event, with the fields of the PLOVER manual's JSON table.
//!
//! | field | from |
//! |---|---|
//! | `id` | `ARTICLE-N`, N the event's index in the article |
//! | `date` | the event's own date, else the article's publication date (`YYYY-MM-DD`) |
//! | `event` | the PLOVER type, as a list |
//! | `mode` | the PLOVER mode (empty when none) |
//! | `context` | empty list (storyline codes no contexts) |
//! | `actor`, `recipient` | lists of `{"text", "code"}` entity objects (empty when absent) |
//! | `event_text` | the sentence that reports the event |
//! | `text` | the article text |
//! | `url`, `publisher`, `headline` | the article's |
//! | `negated`, `hypothetical` | storyline's flags, kept so a consumer can drop such events |

use serde_json::{json, Value};
use storyline_record::Record;

/// Every event of the article, one PLOVER JSON line each.
pub fn lines(record: &Record) -> String {
    let mut out = String::new();
    for (i, event) in record.events.iter().enumerate() {
        let date = event
            .date
            .as_deref()
            .or(record.published.as_deref())
            .map(|d| d.chars().take(10).collect::<String>());
        let party = |name: &Option<String>, code: &Option<String>| -> Value {
            match name {
                Some(name) => json!([{ "text": name, "code": code.as_deref().unwrap_or("") }]),
                None => json!([]),
            }
        };
        let line = json!({
            "id": format!("{}-{}", record.id, i + 1),
            "date": date,
            "event": [event.action],
            "mode": event.mode.as_deref().unwrap_or(""),
            "context": [],
            "actor": party(&event.source, &event.source_actor),
            "recipient": party(&event.target, &event.target_actor),
            "event_text": char_slice(&record.text, event.span),
            "text": record.text,
            "url": record.url,
            "publisher": record.outlet,
            "headline": record.title,
            "negated": event.negated,
            "hypothetical": event.hypothetical,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// The characters `[start, end)` of `text` (clamped to its length).
fn char_slice(text: &str, [start, end]: [usize; 2]) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::sample;

    #[test]
    fn one_line_per_event_with_the_plover_fields() {
        let text = lines(&sample());
        let rows: Vec<Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect();
        assert_eq!(rows.len(), 1);
        let e = &rows[0];
        assert_eq!(e["id"], "a1b2-1");
        assert_eq!(e["date"], "2024-03-04");
        assert_eq!(e["event"], json!(["AID"]));
        assert_eq!(e["mode"], "provide");
        assert_eq!(e["context"], json!([]));
        assert_eq!(
            e["actor"],
            json!([{"text": "Riverton Council", "code": "GOV"}])
        );
        assert_eq!(e["recipient"], json!([{"text": "Ann Ellis", "code": ""}]));
        assert_eq!(e["event_text"], "The Riverton Council met.");
        assert_eq!(e["url"], "https://news.example/ferry");
    }

    #[test]
    fn an_article_without_events_writes_nothing() {
        let mut record = sample();
        record.events.clear();
        assert_eq!(lines(&record), "");
    }
}
