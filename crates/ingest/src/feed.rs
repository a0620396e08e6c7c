//! Feeds: RSS (0.9x, 1.0, 2.0), Atom and JSON Feed, parsed with `feed-rs`, one document per
//! item. An item carrying its full content (`content:encoded`, Atom `<content>`, JSON Feed
//! `content_html`/`content_text`) becomes a full document; one with only a title, link, date
//! and summary becomes a stub ([`Document::stub`]) that a crawler can complete from its link.

use feed_rs::model::{Entry, Feed};
use storyline_record::Metadata;

use crate::{Document, ErrorKind, IngestError};

/// How far into a JSON file the JSON Feed version marker is looked for (it is the first key
/// of every feed the spec shows, so 4 KiB is generous).
const JSON_FEED_WINDOW: usize = 4096;

/// File name endings that promise a feed: such a file that does not parse as one is an error
/// rather than text to analyse.
const FEED_EXTENSIONS: [&str; 4] = [".rss", ".atom", ".rdf", ".xml"];

/// Whether an input is a feed: by its root element (`<rss>`, `<feed>`, `<rdf:RDF>`) or JSON
/// Feed version marker, or by a feed extension.
pub fn looks_like_feed(path: &str, text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return false;
    }
    if FEED_EXTENSIONS.iter().any(|ext| lower.ends_with(ext)) {
        return true;
    }
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.starts_with('{') {
        let window = start.get(..JSON_FEED_WINDOW).unwrap_or(start);
        return window.contains("jsonfeed.org/version");
    }
    root_element(start).is_some_and(|name| {
        let local = name.rsplit(':').next().unwrap_or(name);
        ["rss", "feed", "rdf"]
            .iter()
            .any(|n| local.eq_ignore_ascii_case(n))
    })
}

/// The name of the first element of an XML text, skipping the prolog, comments, processing
/// instructions and doctype.
fn root_element(mut rest: &str) -> Option<&str> {
    for _ in 0..64 {
        rest = rest.trim_start();
        let after = rest.strip_prefix('<')?;
        let skip_to = if after.starts_with("!--") {
            "-->"
        } else if after.starts_with('?') || after.starts_with('!') {
            ">"
        } else {
            let end = after
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(after.len());
            return after.get(..end).filter(|n| !n.is_empty());
        };
        let end = rest.find(skip_to)?;
        rest = rest.get(end + skip_to.len()..)?;
    }
    None
}

/// Reads a feed's raw bytes (undecoded: the XML parser honours the feed's declared encoding),
/// named `path` (a file or the URL it was fetched from): one result per item, or one error for
/// the whole input when it does not parse as a feed. Items without a link are named
/// `PATH#itemN`.
pub fn parse(path: &str, bytes: &[u8]) -> Vec<Result<Document, IngestError>> {
    // The parser meets hostile input from the web; should it ever panic, that costs this one
    // input, not the whole run.
    let parsed = std::panic::catch_unwind(|| feed_rs::parser::parse(bytes));
    let feed = match parsed {
        Ok(Ok(feed)) => feed,
        Ok(Err(err)) => {
            let reason = format!("not a readable RSS, Atom or JSON feed: {err}");
            return vec![Err(IngestError::new(path, ErrorKind::Feed(reason)))];
        }
        Err(_) => {
            let reason = "the feed parser failed on this input".to_string();
            return vec![Err(IngestError::new(path, ErrorKind::Feed(reason)))];
        }
    };
    if feed.entries.is_empty() {
        let reason = "the feed has no items".to_string();
        return vec![Err(IngestError::new(path, ErrorKind::Feed(reason)))];
    }
    feed.entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            item(path, i + 1, &feed, entry).map_err(|reason| {
                IngestError::new(path, ErrorKind::Feed(format!("item {}: {reason}", i + 1)))
            })
        })
        .collect()
}

/// One item as a document: the full content when the item carries it, else a stub.
fn item(path: &str, number: usize, feed: &Feed, entry: &Entry) -> Result<Document, String> {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|h| !h.is_empty())
        // An RSS guid is often the permalink even when <link> is missing.
        .or_else(|| Some(entry.id.trim().to_string()).filter(|id| id.starts_with("http")));
    let title = entry
        .title
        .as_ref()
        .map(|t| one_line(&t.content))
        .filter(|t| !t.is_empty());
    let mut meta = Metadata {
        title: title.clone(),
        outlet: feed
            .title
            .as_ref()
            .map(|t| one_line(&t.content))
            .filter(|t| !t.is_empty()),
        published: entry
            .published
            .or(entry.updated)
            .map(storyline_dates::format_utc),
        author: entry
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref().map(one_line))
            .find(|n| !n.is_empty()),
        language: entry.language.clone().or_else(|| feed.language.clone()),
        url: link.clone(),
    };
    let source = link.unwrap_or_else(|| format!("{path}#item{number}"));
    let full = entry
        .content
        .as_ref()
        .and_then(|c| Some((c.body.as_deref()?, c.content_type.to_string())))
        .and_then(|(body, kind)| body_text(body, kind.contains("html"), &source, &mut meta));
    if let Some(text) = full {
        return Ok(Document {
            source,
            text,
            meta,
            stub: false,
        });
    }
    let summary = entry
        .summary
        .as_ref()
        .and_then(|s| body_text(&s.content, true, &source, &mut Metadata::default()));
    let text = summary.or(title).ok_or("no content, summary or title")?;
    Ok(Document {
        source,
        text,
        meta,
        stub: true,
    })
}

/// The text of an item body: HTML through the page extractor (which keeps the paragraphs of a
/// bare fragment), plain text as it is. Metadata the HTML states fills fields the item left
/// empty. `None` when nothing readable is left.
fn body_text(body: &str, is_html: bool, source: &str, meta: &mut Metadata) -> Option<String> {
    if body.trim().is_empty() {
        return None;
    }
    if !is_html {
        return Some(body.trim().to_string());
    }
    let url = meta.url.clone().or_else(|| Some(source.to_string()));
    let page = storyline_html::extract(body, url.as_deref()).ok()?;
    let fill = |field: &mut Option<String>, value: Option<String>| {
        if field.is_none() {
            *field = value;
        }
    };
    fill(&mut meta.title, page.meta.title);
    fill(&mut meta.published, page.meta.published);
    fill(&mut meta.author, page.meta.author);
    fill(&mut meta.language, page.meta.language);
    Some(page.text).filter(|t| !t.trim().is_empty())
}

/// Whitespace collapsed to single spaces (feed titles often carry line breaks and indents).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[path = "feed_tests.rs"]
mod tests;
