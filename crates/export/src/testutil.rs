//! A sample record shared by the format tests.

use storyline_record::Record;

/// One article with two entities, a quote, a claim and an event.
pub(crate) fn sample() -> Record {
    serde_json::from_value(serde_json::json!({
        "id": "a1b2",
        "source": "ferry.txt",
        "outlet": "Riverton Gazette",
        "title": "Ferry & flood",
        "published": "2024-03-05T10:20:30Z",
        "url": "https://news.example/ferry",
        "text": "The Riverton Council met.",
        "removed": [],
        "paragraphs": [],
        "sentences": [],
        "entities": [
            {"name": "Riverton Council", "type": "ORG", "aliases": [], "role": null,
             "mentions": [[4, 20]]},
            {"name": "Ann Ellis", "type": "PERSON", "aliases": ["Ellis"], "role": "mayor",
             "mentions": [[90, 95], [40, 49]]},
            {"name": "Riverton", "type": "PLACE", "aliases": [], "role": null,
             "mentions": [[120, 128]]}
        ],
        "quotes": [
            {"text": "We will rebuild\tit|all", "span": [60, 82], "speaker": "Ann Ellis",
             "speaker_span": [40, 49], "cue": "said", "kind": "direct"}
        ],
        "claims": [
            {"value": 300.0, "unit": null, "noun": "homes", "subject": "flood",
             "place": "Riverton", "hedge": null, "claimant": null, "text": "300 homes",
             "span": [10, 19]}
        ],
        "events": [
            {"source": "Riverton Council", "source_actor": "GOV", "action": "AID",
             "mode": "provide", "cameo": "070", "target": "Ann Ellis", "target_actor": null,
             "negated": false, "hypothetical": false, "date": "2024-03-04",
             "place": "Riverton", "span": [0, 25], "trigger": [4, 7]}
        ],
        "framing": [],
        "tone": {"tone": -1.5, "positive": 2.0, "negative": 3.5, "words": 200}
    }))
    .expect("sample record")
}
