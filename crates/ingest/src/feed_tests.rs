//! Tests for feed detection and items to documents.

use super::*;

const RSS_FULL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://gazette.example.org/</link>
  <description>Local news</description>
  <language>en-gb</language>
  <item>
    <title>Ferry timetable changes from June</title>
    <link>https://gazette.example.org/news/ferry-timetable</link>
    <pubDate>Tue, 14 May 2024 07:30:00 +0100</pubDate>
    <dc:creator>Aileen Brodie</dc:creator>
    <description>Fewer sailings on Sundays.</description>
    <content:encoded><![CDATA[<p>The island ferry will run two fewer sailings on Sundays from June, the operator said on Monday.</p>
<p>Councillors said the change would hit weekend visitors and asked for a review in the autumn.</p>]]></content:encoded>
  </item>
  <item>
    <title>Lifeboat crew called out twice</title>
    <link>https://gazette.example.org/news/lifeboat</link>
    <pubDate>Wed, 15 May 2024 18:00:00 +0100</pubDate>
    <description><![CDATA[Volunteers were called to <b>two</b> incidents on Wednesday.]]></description>
  </item>
  <item>
  </item>
</channel>
</rss>"#;

#[test]
fn rss_items_with_full_content_and_stubs() {
    assert!(looks_like_feed("feed", RSS_FULL));
    let results = parse("gazette.rss", RSS_FULL.as_bytes());
    assert_eq!(results.len(), 3, "{results:?}");
    let full = results[0].as_ref().expect("first item");
    assert!(!full.stub);
    assert_eq!(
        full.source,
        "https://gazette.example.org/news/ferry-timetable"
    );
    assert!(full
        .text
        .starts_with("The island ferry will run two fewer sailings"));
    assert!(full.text.contains("\n\nCouncillors said"), "{}", full.text);
    assert!(!full.text.contains("<p>"));
    assert_eq!(full.meta.outlet.as_deref(), Some("Harbour Gazette"));
    assert_eq!(
        full.meta.title.as_deref(),
        Some("Ferry timetable changes from June")
    );
    assert_eq!(full.meta.published.as_deref(), Some("2024-05-14T06:30:00Z"));
    assert_eq!(full.meta.author.as_deref(), Some("Aileen Brodie"));
    assert_eq!(full.meta.language.as_deref(), Some("en-gb"));
    assert_eq!(full.meta.url.as_deref(), Some(full.source.as_str()));

    let stub = results[1].as_ref().expect("second item");
    assert!(stub.stub);
    assert_eq!(
        stub.text,
        "Volunteers were called to two incidents on Wednesday."
    );
    assert_eq!(
        stub.meta.url.as_deref(),
        Some("https://gazette.example.org/news/lifeboat")
    );

    // An empty item is an error; the good items are still there.
    let bad = results[2].as_ref().expect_err("empty item");
    assert!(
        bad.to_string().starts_with("gazette.rss: feed: item 3:"),
        "{bad}"
    );
}

#[test]
fn atom_entries() {
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Lab Notes Weekly</title>
  <id>urn:uuid:60a76c80-d399-11d9-b91C-0003939e0af6</id>
  <updated>2024-03-02T10:00:00Z</updated>
  <entry>
    <title>Telescope spots a comet's second tail</title>
    <link rel="alternate" href="https://labnotes.example.net/comet-tail"/>
    <id>tag:labnotes.example.net,2024:comet</id>
    <published>2024-03-01T21:15:00+01:00</published>
    <updated>2024-03-02T08:00:00Z</updated>
    <author><name>Priya Natarajan</name></author>
    <content type="html">&lt;p&gt;Astronomers at the observatory said the comet grew a faint second tail of sodium gas as it neared the Sun.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Seminar moved to Thursday</title>
    <link href="https://labnotes.example.net/seminar"/>
    <id>tag:labnotes.example.net,2024:seminar</id>
    <updated>2024-03-02T09:00:00Z</updated>
    <summary>The weekly seminar moves to Thursday this month.</summary>
  </entry>
</feed>"#;
    assert!(looks_like_feed("download", atom));
    let docs: Vec<_> = parse("lab.atom", atom.as_bytes())
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].source, "https://labnotes.example.net/comet-tail");
    assert!(!docs[0].stub);
    assert!(docs[0]
        .text
        .starts_with("Astronomers at the observatory said"));
    assert_eq!(docs[0].meta.outlet.as_deref(), Some("Lab Notes Weekly"));
    assert_eq!(docs[0].meta.author.as_deref(), Some("Priya Natarajan"));
    assert_eq!(
        docs[0].meta.published.as_deref(),
        Some("2024-03-01T20:15:00Z")
    );
    assert!(docs[1].stub);
    assert_eq!(
        docs[1].text,
        "The weekly seminar moves to Thursday this month."
    );
    // No <published>: the update time stands in.
    assert_eq!(
        docs[1].meta.published.as_deref(),
        Some("2024-03-02T09:00:00Z")
    );
}

#[test]
fn json_feed_items() {
    let json = r#"{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Market Wire",
  "items": [
    {"id": "1", "url": "https://wire.example.com/copper", "title": "Copper hits two-year high",
     "content_html": "<p>Copper rose 3% to its highest in two years on Friday as stocks in London warehouses fell.</p>",
     "date_published": "2024-02-09T16:45:00Z", "authors": [{"name": "Tom Alvarez"}]},
    {"id": "2", "url": "https://wire.example.com/wheat", "title": "Wheat slips",
     "content_text": "Wheat futures slipped 1% in Chicago."}
  ]
}"#;
    assert!(looks_like_feed("items.json", json));
    let docs: Vec<_> = parse("items.json", json.as_bytes())
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].source, "https://wire.example.com/copper");
    assert!(docs[0].text.starts_with("Copper rose 3%"));
    assert_eq!(docs[0].meta.outlet.as_deref(), Some("Market Wire"));
    assert_eq!(docs[0].meta.author.as_deref(), Some("Tom Alvarez"));
    assert_eq!(
        docs[0].meta.published.as_deref(),
        Some("2024-02-09T16:45:00Z")
    );
    assert!(!docs[1].stub);
    assert_eq!(docs[1].text, "Wheat futures slipped 1% in Chicago.");
}

#[test]
fn detection_by_content_and_extension() {
    assert!(looks_like_feed(
        "x",
        "<?xml version=\"1.0\"?>\n<!-- generated -->\n<rdf:RDF xmlns:rdf=\"r\">"
    ));
    assert!(!looks_like_feed(
        "page",
        "<?xml version=\"1.0\"?><html><body>Hi</body></html>"
    ));
    assert!(!looks_like_feed(
        "story.txt",
        "The <feed> was late, said the farmer."
    ));
    assert!(!looks_like_feed(
        "a.json",
        "{\"text\": \"A plain JSON object.\"}"
    ));
    assert!(looks_like_feed("news.rss", "this is not XML at all"));
    assert!(looks_like_feed("news.xml.gz", "nor is this"));
}

#[test]
fn a_feed_that_is_not_a_feed_is_one_clear_error() {
    let results = parse("news.rss", b"this is not XML at all");
    assert_eq!(results.len(), 1);
    let err = results[0].as_ref().expect_err("refused");
    let message = err.to_string();
    assert!(
        message.starts_with("news.rss: feed: not a readable"),
        "{message}"
    );
    let broken = parse(
        "cut.rss",
        RSS_FULL.get(..200).unwrap_or_default().as_bytes(),
    );
    assert!(broken.iter().all(Result::is_err), "{broken:?}");
    let empty = parse(
        "empty.xml",
        b"<rss version=\"2.0\"><channel><title>T</title></channel></rss>",
    );
    assert!(matches!(&empty[..], [Err(e)] if e.to_string().contains("no items")));
}

proptest::proptest! {
    #[test]
    fn never_panics(text in "(<rss version=\"2.0\"><channel>|<feed>|<item>|<title>|</item>|<entry>|<content type=\"html\">|&lt;p&gt;|x|é| |\\{)*") {
        let _ = looks_like_feed("f", &text);
        let _ = parse("f", text.as_bytes());
    }
}
