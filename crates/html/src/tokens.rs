//! The words an element's `class` and `id` name it by.
//!
//! Class names are compound ("article-comments", "commentList", "c-comments__header"); a role
//! is recognised by whole words of them, not substrings, so "comments" is found in all three
//! while "commentary" (an opinion column) is not.

use dom_query::NodeRef;
use storyline_lexicon::{page_role, PageRole};

/// Lower-case words of the `class` and `id` attributes: split at any non-alphanumeric
/// character and at lower-to-upper case changes ("commentList" → "comment", "list").
pub fn words(node: &NodeRef) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["class", "id"] {
        if let Some(v) = node.attr(attr) {
            split_into(&v, &mut out);
        }
    }
    out
}

fn split_into(value: &str, out: &mut Vec<String>) {
    let mut word = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        if !c.is_alphanumeric() {
            flush(&mut word, out);
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower {
            flush(&mut word, out);
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        word.extend(c.to_lowercase());
    }
    flush(&mut word, out);
}

fn flush(word: &mut String, out: &mut Vec<String>) {
    if !word.is_empty() {
        out.push(std::mem::take(word));
    }
}

/// Whether any of the node's words, or two neighbouring words joined ("hover", "card" →
/// "hovercard"), names `role` in the lexicon's page roles (`page_roles.tsv`).
pub fn names(node: &NodeRef, role: PageRole) -> bool {
    let words = words(node);
    let hit = |w: &str| page_role(w) == Some(role);
    words.iter().any(|w| hit(w))
        || words.windows(2).any(|p| match p {
            [a, b] => hit(&format!("{a}{b}")),
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn words_of(html: &str) -> Vec<String> {
        let doc = Document::from(html);
        let nodes = doc.select("div").nodes().to_vec();
        nodes.first().map(words).unwrap_or_default()
    }

    #[test]
    fn compound_names_split_into_words() {
        assert_eq!(
            words_of(r#"<div class="article-comments c-x__y" id="commentList2"></div>"#),
            vec!["article", "comments", "c", "x", "y", "comment", "list2"]
        );
        assert_eq!(words_of("<div class='  '></div>"), Vec::<String>::new());
        let doc =
            Document::from(r#"<div class="author-hoverCard"></div><p class="hover-red"></p>"#);
        let div = doc.select("div").nodes().to_vec();
        let p = doc.select("p").nodes().to_vec();
        assert!(div.first().is_some_and(|n| names(n, PageRole::Popup)));
        assert!(!p.first().is_some_and(|n| names(n, PageRole::Popup)));
        assert_eq!(words_of("<div></div>"), Vec::<String>::new());
    }
}
