//! Main text: prune the DOM, run dom_smoothie's readability scorer, tidy its paragraphs.
//!
//! dom_smoothie was chosen by measurement on the extraction benchmark (see the crate README):
//! in `TextMode::Formatted` it keeps paragraph and heading boundaries as blank lines and
//! scored best among the crates that meet the time budget. Around it, this module:
//! - removes before scoring what news pages put inside the article container but is not
//!   article text (figures, captions, bylines, share boxes: see [`crate::prune`]);
//! - falls back to the whole body's text when the scorer finds no candidate (short pages,
//!   plain text handed in as HTML);
//! - turns the output into paragraphs separated by one blank line.

use dom_query::Document;
use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};

use crate::{prune, HtmlError};

/// Most elements the scorer is asked to handle; the largest real pages have tens of thousands.
pub const MAX_ELEMENTS: usize = 300_000;

/// Extracts the article text of a parsed page, paragraphs separated by blank lines.
pub fn main_text(doc: Document) -> Result<String, HtmlError> {
    let body_empty = match doc.select("body").nodes().first() {
        Some(b) => b
            .children_it(false)
            .all(|c| !c.is_element() && c.text().trim().is_empty()),
        None => true,
    };
    if body_empty {
        return Err(HtmlError::NoBody);
    }
    prune::before_scoring(&doc);
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut reader = match Readability::with_document(doc, None, Some(cfg)) {
        Ok(r) => r,
        // Only a relative document URL fails here, and none is passed.
        Err(_) => return Err(HtmlError::NoText),
    };
    let raw = match reader.parse() {
        Ok(article) => article.text_content.to_string(),
        Err(ReadabilityError::TooManyElements(found, limit)) => {
            return Err(HtmlError::TooManyElements { found, limit })
        }
        Err(_) => String::new(),
    };
    let mut text = paragraphs(&raw);
    if text.is_empty() {
        // The scorer found no candidate; the reader's tree still holds the page.
        let doc = &reader.doc;
        doc.select("script, style, noscript, template").remove();
        text = paragraphs(&doc.select("body").formatted_text());
    }
    if text.is_empty() {
        return Err(HtmlError::NoText);
    }
    Ok(text)
}

/// One paragraph per non-empty line, whitespace collapsed, joined by blank lines.
pub fn paragraphs(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        for (i, w) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(html: &str) -> Result<String, HtmlError> {
        main_text(Document::from(html))
    }

    const ARTICLE: &str = r#"<html><body>
        <nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/business">Business</a></nav>
        <article>
          <h1>Rovers clinch the league on the final day</h1>
          <p>Rovers won the league title on Saturday after a 2-1 victory at Eastfield, finishing two
             points clear of their rivals in a season that went down to the last ninety minutes.</p>
          <figure><img src="a.jpg"><figcaption>Fans celebrate at Eastfield. Photo: J. Smith</figcaption></figure>
          <h2>A late winner</h2>
          <p>The decisive goal came in the 88th minute, when the captain headed in a corner that the
             visiting goalkeeper could only watch sail over his outstretched hands.</p>
          <p>"We never stopped believing," the manager said after the match, as supporters filled the
             pitch and the players lifted the trophy in front of the away end.</p>
        </article>
        <footer>© 2024 Example Media. All rights reserved.</footer></body></html>"#;

    #[test]
    fn keeps_paragraphs_and_headings_drops_furniture() {
        let t = text_of(ARTICLE).unwrap_or_default();
        let paras: Vec<&str> = t.split("\n\n").collect();
        assert!(paras.contains(&"A late winner"), "{t}");
        assert!(paras
            .iter()
            .any(|p| p.starts_with("The decisive goal came in the 88th minute")));
        assert!(paras
            .iter()
            .any(|p| p.starts_with("\"We never stopped believing,\"")));
        assert!(!t.contains("Photo: J. Smith"), "{t}");
        assert!(!t.contains("All rights reserved"), "{t}");
        assert!(!t.contains("Business"), "{t}");
        assert!(!t.contains("\n\n\n"));
    }

    #[test]
    fn short_page_falls_back_to_body() {
        let t =
            text_of("<html><body><p>Road closed on Main Street until Friday.</p></body></html>");
        assert_eq!(t.as_deref(), Ok("Road closed on Main Street until Friday."));
    }

    #[test]
    fn plain_text_input_is_one_body() {
        // HTML collapses line breaks in text; `extract` keeps them for tag-free input.
        let t = text_of("The council met on Tuesday.\nIt approved the budget.");
        assert_eq!(
            t.as_deref(),
            Ok("The council met on Tuesday. It approved the budget.")
        );
    }

    #[test]
    fn empty_and_headless_pages() {
        assert_eq!(text_of(""), Err(HtmlError::NoBody));
        assert_eq!(
            text_of("<html><head><title>Only a title</title></head></html>"),
            Err(HtmlError::NoBody)
        );
        assert_eq!(
            text_of("<html><body><div><img src=x></div></body></html>"),
            Err(HtmlError::NoText)
        );
    }

    #[test]
    fn paragraph_tidying() {
        assert_eq!(paragraphs("  a  b \n\n\n c\t\n \n"), "a b\n\nc");
        assert_eq!(paragraphs(""), "");
    }
}
