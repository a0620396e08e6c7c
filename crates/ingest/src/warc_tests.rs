//! Tests for WARC record framing, pages from responses, skips and recoveries.

use super::*;
use std::io::{Cursor, Write};

const PAGE: &str = "<!DOCTYPE html><html><head><title>Mill fire</title></head><body><article>\
<p>Firefighters spent the night at the old paper mill after a blaze broke out in a storage shed, the fire service said.</p>\
<p>No one was hurt, and the road past the mill reopened at seven on Thursday morning.</p></article></body></html>";

const DATED_PAGE: &str = "<html><head><meta property=\"article:published_time\" content=\"2024-06-01T05:00:00Z\"></head>\
<body><p>The county show drew a record crowd of 41,000 over two days, organisers said on Sunday.</p></body></html>";

fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}>\r\n\
         WARC-Date: 2024-06-03T12:00:00Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http(status: &str, content_type: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// An archive with a page, a request, a metadata record, a redirect, a dated page.
fn records() -> Vec<Vec<u8>> {
    vec![
        record("warcinfo", "", b"software: test\r\n"),
        record(
            "request",
            "https://news.example.com/mill-fire",
            b"GET /mill-fire HTTP/1.1\r\n\r\n",
        ),
        record(
            "response",
            "https://news.example.com/mill-fire",
            &http("200 OK", "text/html; charset=utf-8", PAGE),
        ),
        record(
            "metadata",
            "https://news.example.com/mill-fire",
            b"fetchTimeMs: 120\r\n",
        ),
        // A crawler's DNS lookup: a response, but not an HTTP one.
        String::from_utf8_lossy(&record(
            "response",
            "dns:news.example.com",
            b"news.example.com. 300 IN A 192.0.2.7\n",
        ))
        .replace("application/http; msgtype=response", "text/dns")
        .into_bytes(),
        record(
            "response",
            "https://news.example.com/old",
            &http("301 Moved", "text/html", ""),
        ),
        record(
            "response",
            "https://news.example.com/county-show",
            &http("200 OK", "text/html", DATED_PAGE),
        ),
    ]
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).expect("compress");
    enc.finish().expect("finish")
}

/// Runs an archive (raw, not yet decompressed) through `open` and the record reader.
fn steps(name: &str, bytes: &[u8], cap: u64) -> (Vec<Document>, usize, Vec<IngestError>) {
    let path = std::env::temp_dir().join(format!("storyline-warc-{name}-{}", std::process::id()));
    std::fs::write(&path, bytes).expect("write");
    let path = path.to_string_lossy().into_owned();
    let Ok(crate::open::Opened::Stream { stream, gzip, .. }) =
        crate::open::open(std::path::Path::new(&path), cap)
    else {
        panic!("{name} is not opened as an archive");
    };
    let mut reader = WarcRecords::new(name.to_string(), stream, gzip, cap);
    let (mut docs, mut skipped, mut errors) = (Vec::new(), 0, Vec::new());
    while let Some(step) = reader.next_step() {
        match step {
            Step::Document(doc) => docs.push(doc),
            Step::Skipped => skipped += 1,
            Step::Error(err) => errors.push(err),
        }
    }
    let _ = std::fs::remove_file(path);
    (docs, skipped, errors)
}

fn check_pages(docs: &[Document]) {
    assert_eq!(docs.len(), 2, "{docs:?}");
    assert_eq!(docs[0].source, "https://news.example.com/mill-fire");
    assert_eq!(
        docs[0].meta.url.as_deref(),
        Some("https://news.example.com/mill-fire")
    );
    assert!(
        docs[0].text.starts_with("Firefighters spent the night"),
        "{}",
        docs[0].text
    );
    // No date on the page: the capture time stands in.
    assert_eq!(
        docs[0].meta.published.as_deref(),
        Some("2024-06-03T12:00:00Z")
    );
    assert!(docs[0].meta.outlet.is_some());
    // The page's own date wins over the capture time.
    assert_eq!(
        docs[1].meta.published.as_deref(),
        Some("2024-06-01T05:00:00Z")
    );
}

#[test]
fn plain_archive() {
    let (docs, skipped, errors) = steps("plain", &records().concat(), 1 << 20);
    assert!(errors.is_empty(), "{errors:?}");
    check_pages(&docs);
    assert_eq!(skipped, 5);
}

#[test]
fn gzipped_per_record_and_whole() {
    let per_record: Vec<u8> = records().iter().flat_map(|r| gzip(r)).collect();
    let (docs, skipped, errors) = steps("per-record", &per_record, 1 << 20);
    assert!(errors.is_empty(), "{errors:?}");
    check_pages(&docs);
    assert_eq!(skipped, 5);
    let (docs, skipped, errors) = steps("whole", &gzip(&records().concat()), 1 << 20);
    assert!(errors.is_empty(), "{errors:?}");
    check_pages(&docs);
    assert_eq!(skipped, 5);
}

#[test]
fn wrong_content_length_is_an_error_and_reading_goes_on() {
    for (name, delta) in [("short", -10i64), ("long", 40)] {
        let mut all = records();
        let text = String::from_utf8_lossy(&all[2]).into_owned();
        let claimed: i64 = text
            .split("Content-Length: ")
            .nth(1)
            .and_then(|v| v.split("\r\n").next())
            .and_then(|v| v.parse().ok())
            .expect("length");
        all[2] = text
            .replacen(
                &format!("Content-Length: {claimed}\r\n\r\nHTTP"),
                &format!("Content-Length: {}\r\n\r\nHTTP", claimed + delta),
                1,
            )
            .into_bytes();
        let offset: usize = all[..2].iter().map(Vec::len).sum();
        let (docs, _, errors) = steps(name, &all.concat(), 1 << 20);
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        let message = errors[0].to_string();
        assert!(
            message.starts_with(&format!(
                "{name}: WARC record at byte {offset}: Content-Length"
            )),
            "{message}"
        );
        // The broken record is lost; the dated page after it is still read.
        assert_eq!(docs.len(), 1, "{name}");
        assert_eq!(docs[0].source, "https://news.example.com/county-show");
    }
}

#[test]
fn truncated_gzip_keeps_what_came_before() {
    let whole = gzip(&records().concat());
    let cut = whole.get(..whole.len() - 30).unwrap_or_default();
    let (_, _, errors) = steps("cut", cut, 1 << 20);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        matches!(errors[0].kind, ErrorKind::Gzip(_)),
        "{}",
        errors[0]
    );
    let per_record: Vec<Vec<u8>> = records().iter().map(|r| gzip(r)).collect();
    let mut cut = per_record[..3].concat();
    cut.extend_from_slice(per_record[3].get(..10).unwrap_or_default());
    let (docs, _, errors) = steps("cut-record", &cut, 1 << 20);
    assert_eq!(docs.len(), 1);
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn bodiless_pages_oversized_and_headerless_records_are_errors() {
    let empty_page = http(
        "200 OK",
        "text/html",
        "<html><head><title>x</title></head><body></body></html>",
    );
    let mut all = vec![record(
        "response",
        "https://news.example.com/empty",
        &empty_page,
    )];
    let big = http("200 OK", "text/html", &"<p>word </p>".repeat(200));
    all.push(record("response", "https://news.example.com/big", &big));
    all.push(b"WARC/1.0\r\nWARC-Type: response\r\n\r\nstray bytes\r\n\r\n".to_vec());
    all.push(records()[6].clone());
    let (docs, _, errors) = steps("bad", &all.concat(), 1024);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        messages[0].contains("https://news.example.com/empty"),
        "{}",
        messages[0]
    );
    assert!(messages[1].contains("per-record limit"), "{}", messages[1]);
    assert!(messages[2].contains("Content-Length"), "{}", messages[2]);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].source, "https://news.example.com/county-show");
}

#[test]
fn pushback_counts_offsets() {
    let mut input = Pushback::new(Box::new(Cursor::new(b"abc\ndef\n".to_vec())));
    assert_eq!(
        input.read_line(2).ok().flatten().as_deref(),
        Some(&b"ab"[..])
    );
    assert_eq!(input.offset, 4);
    input.push_back(b"c\n");
    assert_eq!(input.offset, 2);
    assert_eq!(
        input.read_line(64).ok().flatten().as_deref(),
        Some(&b"c\n"[..])
    );
    assert_eq!(
        input.read_line(64).ok().flatten().as_deref(),
        Some(&b"def\n"[..])
    );
    assert_eq!(input.read_line(64).ok().flatten(), None);
    assert_eq!(input.offset, 8);
}

proptest::proptest! {
    #[test]
    fn never_panics(tail in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
        let mut bytes = b"WARC/1.0\r\nContent-Length: 12\r\nWARC-Type: response\r\n\r\n".to_vec();
        bytes.extend_from_slice(&tail);
        let mut reader = WarcRecords::new("p".into(), Box::new(Cursor::new(bytes)), false, 256);
        let mut n = 0;
        while reader.next_step().is_some() {
            n += 1;
            proptest::prop_assert!(n < 1000);
        }
    }
}
