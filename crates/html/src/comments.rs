//! Reader comment threads, removed whatever their size.
//!
//! A long thread can hold more text than the article, and readability-style scorers then take
//! it for the body; class names such as "article-comments" or "comment-content" even score as
//! content. A thread is recognised by general markup, never by site:
//! - class or id words naming comments ("comments", "commentList", "disqus_thread",
//!   "comment-respond"): role `comments` in the lexicon's `page_roles.tsv`, see [`crate::tokens`];
//! - schema.org microdata: `itemtype` `Comment` or `UserComments`, `itemprop="comment"`;
//! - a nested reply structure: a list whose items hold lists of their own and whose items
//!   each carry a reply link.
//!
//! A container that also holds the article's own markers (an `<h1>`, `itemprop="articleBody"`)
//! is a page wrapper with a comment-ish class, not a thread, and stays.

use dom_query::{Document, NodeRef};
use storyline_lexicon::PageRole;

use crate::{prune, tokens};

/// Most nodes looked at under one list item: bounds the work on deeply nested lists.
const SCAN: usize = 400;

/// Removes comment threads and comment forms from the page.
pub fn remove(doc: &Document) {
    prune::remove_where(doc, |node| is_thread(node) && !holds_article(node));
}

/// Whether the element's markup names it a comment thread, a comment or a comment form.
fn is_thread(node: &NodeRef) -> bool {
    if node.node_name().is_some_and(|n| &*n == "body") {
        return false;
    }
    if node.attr("itemtype").is_some_and(|t| {
        let t = t.trim_end_matches('/');
        t.ends_with("/Comment") || t.ends_with("/UserComments")
    }) {
        return true;
    }
    if node
        .attr("itemprop")
        .is_some_and(|p| p.split_whitespace().any(|w| w == "comment"))
    {
        return true;
    }
    tokens::names(node, PageRole::Comments) || is_reply_tree(node)
}

/// A list of at least two items, each with a reply link, some holding nested lists.
fn is_reply_tree(node: &NodeRef) -> bool {
    if !node.node_name().is_some_and(|n| &*n == "ol" || &*n == "ul") {
        return false;
    }
    let items: Vec<NodeRef> = node
        .element_children()
        .into_iter()
        .filter(|c| c.node_name().is_some_and(|n| &*n == "li"))
        .collect();
    if items.len() < 2 {
        return false;
    }
    let replies = |li: &NodeRef| {
        li.descendants_it()
            .take(SCAN)
            .any(|d| d.node_name().is_some_and(|n| &*n == "a") && is_reply_link(&d))
    };
    let nested = items.iter().any(|li| {
        li.descendants_it()
            .take(SCAN)
            .any(|d| d.node_name().is_some_and(|n| &*n == "ol" || &*n == "ul"))
    });
    nested && items.iter().all(replies)
}

/// A link whose text is "Reply" (any case) or whose class says so.
fn is_reply_link(a: &NodeRef) -> bool {
    let text = a.text();
    let t = text.trim();
    t.eq_ignore_ascii_case("reply") || tokens::names(a, PageRole::Reply)
}

/// Whether the element holds the article's own markers.
fn holds_article(node: &NodeRef) -> bool {
    node.descendants_it().any(|d| {
        d.node_name().is_some_and(|n| &*n == "h1")
            || d.attr("itemprop")
                .is_some_and(|p| p.split_whitespace().any(|w| w == "articleBody"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(html: &str) -> String {
        crate::test_support::body_after(html, remove)
    }

    #[test]
    fn class_named_threads_go() {
        let t = after(
            r#"<article><p>The ferry resumes service on Monday.</p></article>
            <section class="article-comments"><h3>12 comments</h3>
            <div class="comment-content"><p>About time, the bus took hours.</p></div></section>
            <div id="disqus_thread"><p>Loading</p></div>"#,
        );
        assert_eq!(t, "The ferry resumes service on Monday.");
    }

    #[test]
    fn microdata_and_reply_trees_go() {
        let t = after(
            r#"<p>Rates held at 4%.</p>
            <div itemscope itemtype="https://schema.org/Comment"><p>Told you so.</p></div>
            <ol><li><b>ann</b> Agreed. <a href="/r1">Reply</a><ul><li>No. <a href="/r2">reply</a></li></ul></li>
            <li><b>bo</b> Wrong. <a href="/r3">Reply</a></li></ol>"#,
        );
        assert_eq!(t, "Rates held at 4%.");
    }

    #[test]
    fn commentary_and_wrappers_with_the_article_stay() {
        let t = after(
            r#"<div class="commentary"><p>Our view: the plan is sound.</p></div>
            <div class="post comments-open"><h1>Bridge reopens</h1><p>Traffic flows again.</p></div>
            <ul><li><a href="/a">Reply all</a></li><li>Plain item</li></ul>"#,
        );
        for kept in [
            "Our view",
            "Bridge reopens",
            "Traffic flows again",
            "Reply all",
            "Plain item",
        ] {
            assert!(t.contains(kept), "{t}");
        }
    }
}
