//! HTML pages to article text and page metadata.
//!
//! [`extract`] takes one page and returns its main text (paragraphs and headings separated by
//! blank lines) and the metadata the page states about itself. Steps, in order:
//! 1. guard: refuse inputs too large or nested too deep to parse in bounded time (`guard`);
//! 2. parse once into a DOM (html5ever via `dom_query`);
//! 3. metadata from `<head>` markup: Open Graph, Twitter cards, `<meta>`, JSON-LD, canonical
//!    link, `<html lang>` (`meta`, `jsonld`, `urls`; dates through `storyline_dates`);
//! 4. main text: prune figures, comment threads, small furniture, pop-ups and link-dense
//!    blocks, score with dom_smoothie, tidy paragraphs (`prune`, `comments`, `density`,
//!    `tokens`, `text`).
#![deny(missing_docs)]

mod comments;
mod density;
mod error;
mod guard;
mod jsonld;
mod meta;
mod prune;
#[cfg(test)]
mod test_support;
mod text;
mod tokens;
mod urls;

pub use error::HtmlError;
pub use guard::{MAX_BYTES, MAX_DEPTH};
pub use storyline_record::Metadata;
pub use text::MAX_ELEMENTS;

/// What a page yields: its article text and what it says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// Main text, one paragraph or heading per block, blocks separated by a blank line.
    pub text: String,
    /// Title, outlet, date, byline, language and URL as stated by the page's markup.
    pub meta: Metadata,
}

/// Extracts the article text and the page metadata from one HTML page.
///
/// `url` is where the page came from, if known: it resolves a relative canonical link and is
/// the last resort for `meta.url` and for the outlet (its domain). Never panics; refuses
/// pages over [`MAX_BYTES`] or nested deeper than [`MAX_DEPTH`] before parsing them.
pub fn extract(html: &str, url: Option<&str>) -> Result<HtmlArticle, HtmlError> {
    guard::check(html)?;
    if !has_tag(html) {
        // Not HTML at all: keep its lines as paragraphs rather than let HTML rules fold them.
        let text = text::paragraphs(html);
        let meta = Metadata {
            url: url.and_then(|u| urls::absolute(u, None)),
            ..Metadata::default()
        };
        return if text.is_empty() {
            Err(HtmlError::NoBody)
        } else {
            Ok(HtmlArticle { text, meta })
        };
    }
    let doc = dom_query::Document::from(html);
    let meta = meta::read(&doc, url);
    let text = text::main_text(doc)?;
    Ok(HtmlArticle { text, meta })
}

/// Whether `s` contains anything shaped like a tag, comment or doctype (`<p`, `</`, `<!`).
fn has_tag(s: &str) -> bool {
    s.as_bytes().windows(2).any(|w| {
        w.first() == Some(&b'<')
            && w.get(1)
                .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!'))
    })
}

/// Reads only the page metadata (no main-text extraction), with the same limits as [`extract`].
pub fn metadata(html: &str, url: Option<&str>) -> Result<Metadata, HtmlError> {
    guard::check(html)?;
    Ok(meta::read(&dom_query::Document::from(html), url))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Startup raises $12m for battery recycling plant - Tech Ledger</title>
<meta property="og:site_name" content="Tech Ledger">
<meta property="og:title" content="Startup raises $12m for battery recycling plant">
<meta property="article:published_time" content="2024-05-06T10:00:00+02:00">
<link rel="canonical" href="https://techledger.example.com/2024/05/06/battery-recycling">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Startup raises $12m for battery recycling plant",
"author":{"@type":"Person","name":"Jonas Weber"},"publisher":{"@type":"Organization","name":"Tech Ledger"},
"datePublished":"2024-05-06T10:00:00+02:00"}</script></head>
<body><header><a href="/">Tech Ledger</a><ul><li><a href="/ai">AI</a></li><li><a href="/energy">Energy</a></li></ul></header>
<main><article><h1>Startup raises $12m for battery recycling plant</h1>
<p>A Leipzig startup that recovers lithium and cobalt from used electric-car batteries has raised
$12 million to build its first commercial plant, the company said on Monday.</p>
<h2>From pilot to plant</h2>
<p>The plant is due to process 5,000 tonnes of batteries a year from 2026, up from about 200 tonnes
at its pilot line, chief executive Marta Kos told reporters at the company's offices.</p>
<p>Investors in the round include two regional utilities and a venture fund backed by carmakers,
which have been looking for local sources of battery metals as demand rises.</p></article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Ten gadgets for summer</a></li></ul></aside>
<footer>Copyright Tech Ledger 2024</footer></body></html>"#;

    #[test]
    fn page_text_and_metadata() {
        let a = extract(PAGE, Some("https://techledger.example.com/x")).unwrap_or_default();
        assert_eq!(
            a.meta.title.as_deref(),
            Some("Startup raises $12m for battery recycling plant")
        );
        assert_eq!(a.meta.outlet.as_deref(), Some("Tech Ledger"));
        assert_eq!(a.meta.author.as_deref(), Some("Jonas Weber"));
        assert_eq!(
            a.meta.published.as_deref(),
            Some("2024-05-06T10:00:00+02:00")
        );
        assert_eq!(a.meta.language.as_deref(), Some("en"));
        assert_eq!(
            a.meta.url.as_deref(),
            Some("https://techledger.example.com/2024/05/06/battery-recycling")
        );
        let paras: Vec<&str> = a.text.split("\n\n").collect();
        assert!(paras.contains(&"From pilot to plant"), "{}", a.text);
        assert!(paras.iter().any(|p| p.starts_with("A Leipzig startup")));
        assert!(paras.iter().any(|p| p.ends_with("as demand rises.")));
        assert!(!a.text.contains("Ten gadgets"), "{}", a.text);
        assert!(!a.text.contains("Copyright"), "{}", a.text);
    }

    #[test]
    fn truncated_page_still_yields_text() {
        let cut = PAGE.find("Investors in the round").unwrap_or(PAGE.len());
        let a = extract(PAGE.get(..cut + 30).unwrap_or(PAGE), None).unwrap_or_default();
        assert!(a.text.contains("chief executive Marta Kos"), "{}", a.text);
        assert!(a.text.contains("Investors in the round"));
    }

    #[test]
    fn plain_text_keeps_lines() {
        let a = extract("Tide tables for the week.\n\nHigh water at 06:12.", None);
        assert_eq!(
            a.map(|a| a.text).as_deref(),
            Ok("Tide tables for the week.\n\nHigh water at 06:12.")
        );
    }

    #[test]
    fn no_body_no_text() {
        assert_eq!(extract("", None), Err(HtmlError::NoBody));
        assert_eq!(extract("   \n ", None), Err(HtmlError::NoBody));
        assert_eq!(
            extract("<html><head><title>T</title></head></html>", None),
            Err(HtmlError::NoBody)
        );
        assert_eq!(
            extract("<html><body><script>x()</script></body></html>", None),
            Err(HtmlError::NoText)
        );
    }

    #[test]
    fn binary_ish_input_does_not_panic() {
        let junk: String = (0u32..5000)
            .filter_map(|i| char::from_u32((i * 7919) % 0x2FFF))
            .collect();
        let _ = extract(&junk, None);
        let _ = extract("<<<>>></</<!--<!<?x<a b='<'", None);
        let _ = extract(
            "<html><body><p>\u{0}\u{1}\u{FFFD}</p></body></html>",
            Some("not a url"),
        );
    }

    #[test]
    fn fifty_megabytes_of_nested_tags_is_refused_fast() {
        let page = "<div>".repeat(10 * 1024 * 1024);
        let t = Instant::now();
        assert!(matches!(
            extract(&page, None),
            Err(HtmlError::TooLarge { .. })
        ));
        assert!(t.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn deep_nesting_under_the_size_limit_is_refused_fast() {
        let page = format!("<html><body>{}text", "<div><span>".repeat(400_000));
        let t = Instant::now();
        assert!(matches!(
            extract(&page, None),
            Err(HtmlError::TooDeep { .. })
        ));
        assert!(t.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn nesting_at_the_limit_parses_without_overflow() {
        let depth = MAX_DEPTH - 10;
        let page = format!(
            "<html><body>{}<p>Deep but legal: the archive page nests its story in many boxes.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let a = extract(&page, None);
        assert!(a
            .map(|a| a.text.contains("Deep but legal"))
            .unwrap_or(false));
    }
}
