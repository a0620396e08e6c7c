//! Helpers shared by the unit tests of the pruning rules.

use dom_query::Document;

/// The words of `<body>` after `rule` ran on the parsed `html`, joined by single spaces.
pub fn body_after(html: &str, rule: impl Fn(&Document)) -> String {
    let doc = Document::from(html);
    rule(&doc);
    doc.select("body")
        .text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
