//! Feeds and web archives through `storyline ingest` (issue 6): an RSS feed, an Atom feed and a
//! small WARC, all built here, become stored articles with the right URL, outlet and date.

use storyline_record::Record;
use storyline_store::Store;

use crate::util::Dir;

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Valley Courier</title>
  <link>https://courier.example.org/</link>
  <item>
    <title>Reservoir levels fall to 58%</title>
    <link>https://courier.example.org/2024/07/reservoir</link>
    <pubDate>Mon, 08 Jul 2024 09:15:00 +0000</pubDate>
    <content:encoded><![CDATA[<p>Reservoir levels across the valley fell to 58% last week, down from 71% a month ago, the water company said on Monday.</p>
<p>"We are asking customers to take shorter showers," said Helen Marsh, the company's operations director.</p>]]></content:encoded>
  </item>
  <item>
    <title>School sports day moved</title>
    <link>https://courier.example.org/2024/07/sports-day</link>
    <pubDate>Tue, 09 Jul 2024 14:00:00 +0000</pubDate>
    <description>Sports day at Hill Road primary school moves to Friday because of rain.</description>
  </item>
</channel>
</rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Orbit Science Desk</title>
  <id>urn:example:orbit</id>
  <updated>2024-05-20T12:00:00Z</updated>
  <entry>
    <title>Probe returns asteroid dust</title>
    <link rel="alternate" href="https://orbit.example.net/probe-dust"/>
    <id>urn:example:orbit:probe</id>
    <published>2024-05-20T10:30:00Z</published>
    <updated>2024-05-20T11:00:00Z</updated>
    <content type="html">&lt;p&gt;A capsule carrying 120 grams of asteroid dust landed in the desert on Sunday, the space agency said.&lt;/p&gt;&lt;p&gt;Scientists will spend two years studying the samples.&lt;/p&gt;</content>
  </entry>
</feed>"#;

const PAGE: &str = "<!DOCTYPE html><html><head><title>Tram line opens</title>\
<meta property=\"og:site_name\" content=\"City Ledger\"></head><body><article>\
<p>The new tram line between the station and the university opened on Saturday, carrying 9,000 passengers on its first day, the transport authority said.</p>\
<p>Fares will be free until the end of the month.</p></article></body></html>";

const REQUEST: &str = "GET /tram-line HTTP/1.1\r\nHost: ledger.example.com\r\n\r\n";

fn warc_record(kind: &str, uri: &str, block: &str) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-1>\r\n\
         WARC-Date: 2024-04-13T18:20:00Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
}

fn warc() -> String {
    let uri = "https://ledger.example.com/tram-line";
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: {}\r\n\r\n{PAGE}",
        PAGE.len()
    );
    [
        warc_record("warcinfo", "", "software: storyline-test\r\n"),
        warc_record("request", uri, REQUEST),
        warc_record("response", uri, &response),
        warc_record("metadata", uri, "fetchTimeMs: 85\r\n"),
    ]
    .concat()
}

fn stored(dir: &Dir) -> Vec<Record> {
    let db = dir.path.join("news.db");
    Store::open_read_only(&db)
        .and_then(|s| s.records())
        .expect("read the store")
}

fn find<'a>(records: &'a [Record], url: &str) -> &'a Record {
    records
        .iter()
        .find(|r| r.url.as_deref() == Some(url))
        .unwrap_or_else(|| panic!("no article with url {url} in {records:#?}"))
}

#[test]
fn feeds_and_a_warc_become_stored_articles() {
    let dir = Dir::new("web-formats");
    dir.write("courier.rss", RSS);
    // No extension: detected by content.
    dir.write("orbit-feed", ATOM);
    dir.write("crawl.warc", warc());
    for input in ["courier.rss", "orbit-feed", "crawl.warc"] {
        dir.run(&["ingest", input, "--db", "news.db"])
            .expect_code(0);
    }
    let records = stored(&dir);
    assert_eq!(records.len(), 4, "{records:#?}");

    let reservoir = find(&records, "https://courier.example.org/2024/07/reservoir");
    assert_eq!(reservoir.outlet.as_deref(), Some("Valley Courier"));
    assert_eq!(
        reservoir.published.as_deref().map(|d| d.get(..10)),
        Some(Some("2024-07-08"))
    );
    assert!(
        reservoir.text.contains("fell to 58% last week"),
        "{}",
        reservoir.text
    );
    assert!(!reservoir.text.contains("<p>"));
    let stub = find(&records, "https://courier.example.org/2024/07/sports-day");
    assert!(stub.text.contains("moves to Friday"), "{}", stub.text);

    let probe = find(&records, "https://orbit.example.net/probe-dust");
    assert_eq!(probe.outlet.as_deref(), Some("Orbit Science Desk"));
    assert_eq!(
        probe.published.as_deref().map(|d| d.get(..10)),
        Some(Some("2024-05-20"))
    );
    assert_eq!(probe.title.as_deref(), Some("Probe returns asteroid dust"));

    let tram = find(&records, "https://ledger.example.com/tram-line");
    assert_eq!(tram.source, "https://ledger.example.com/tram-line");
    assert_eq!(tram.outlet.as_deref(), Some("City Ledger"));
    assert_eq!(
        tram.published.as_deref().map(|d| d.get(..10)),
        Some(Some("2024-04-13"))
    );
    assert!(tram.text.contains("9,000 passengers"), "{}", tram.text);
}

#[test]
fn bad_feeds_and_archives_are_named_and_the_rest_goes_on() {
    let dir = Dir::new("web-formats-bad");
    dir.write("broken.rss", "this feed is not XML at all");
    let good = warc();
    // Claim ten bytes more for the request record than it holds.
    let bad = good.replacen(
        &format!("Content-Length: {}\r\n", REQUEST.len()),
        &format!("Content-Length: {}\r\n", REQUEST.len() + 10),
        1,
    );
    assert_ne!(good, bad, "the request record's length changed");
    dir.write("bad.warc", bad);
    let run = dir.run(&["ingest", "broken.rss", "bad.warc", "--db", "news.db"]);
    let stderr = run.stderr();
    assert!(stderr.contains("broken.rss"), "{stderr}");
    assert!(stderr.contains("bad.warc: WARC record at byte"), "{stderr}");
    let records = stored(&dir);
    assert_eq!(records.len(), 1, "{records:#?}");
    assert_eq!(
        records[0].url.as_deref(),
        Some("https://ledger.example.com/tram-line")
    );
}
