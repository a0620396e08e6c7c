//! DOM pruning before scoring: elements inside article containers that are not article text.
//!
//! Figures hold photos, their captions and credits ("Photo: …", "(Image: GETTY)"); news
//! article bodies as publishers define them (schema.org `articleBody`) leave them out, and
//! the readability scorer keeps them because they sit inside the article container.

use dom_query::Document;

/// Removes figures and captions from the page.
pub fn before_scoring(doc: &Document) {
    doc.select("figure, figcaption").remove();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_go_paragraphs_stay() {
        let doc = Document::from(
            "<article><p>The dam opened in 1962.</p><figure><img src=d.jpg>\
             <figcaption>The dam at dusk. Photograph: Staff</figcaption></figure></article>",
        );
        before_scoring(&doc);
        let t = doc.select("article").text();
        assert_eq!(t.trim(), "The dam opened in 1962.");
    }
}
