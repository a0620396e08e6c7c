//! DOM pruning before scoring: page furniture that sits inside article containers.
//!
//! The readability scorer picks the best container and keeps most of what is inside it. News
//! pages put figures, captions and photo credits, bylines and timestamps, author bios,
//! galleries, sharing bars, newsletter boxes and related-story lists there, and article bodies
//! as publishers define them (schema.org `articleBody`) leave all of these out.
//!
//! Each rule names an element's role by tag (`time`, `nav`, `header`) or by a class word of
//! role `furniture` in the lexicon's `page_roles.tsv` ("caption", "byline", "share",
//! "related"...), found anywhere in the class in any case ("imageEmbedCaption",
//! "publish-date"). A class substring also hits wrappers ("date" in "updated-content"), so a match is only removed when it is
//! small: under [`MAX_SHARE`] of the page's text, and not inside a paragraph. That guard
//! is what makes broad class rules safe: on the benchmark the same rules without it removed
//! whole articles on some pages. A match that holds a `<blockquote>` (a quotation, an embedded
//! post inside a "social" box) is kept too.
//!
//! Pop-ups that sit inside the text they annotate (hover cards on a name, tooltips: class or
//! id words of role `popup` in the lexicon's `page_roles.tsv`, or `role="tooltip"`) are
//! removed even inside a paragraph, else their text is glued into the sentence.
//!
//! Comment threads ([`crate::comments`]) and link-dense blocks ([`crate::density`]) are
//! removed by their own rules, the first whatever its size.

use dom_query::{Document, NodeRef};
use storyline_lexicon::{page_words, PageRole};

use crate::{comments, density, tokens};

/// Largest share of the page's text a pruned element may hold.
pub const MAX_SHARE: f64 = 0.1;

/// Elements that are not article text whatever their size.
const ALWAYS: &str = "figure, figcaption, script, style";

/// Tags of furniture; removed when small (see the module doc). Class words of furniture
/// are the lexicon's page role `furniture`.
const SMALL_TAGS: &[&str] = &["time", "nav", "header"];

/// Removes figures, scripts and styles, comment threads, the small furniture of
/// furniture (see the module doc), pop-ups and link-dense blocks.
pub fn before_scoring(doc: &Document) {
    doc.select(ALWAYS).remove();
    comments::remove(doc);
    let Some(body) = doc.select("body").nodes().first().cloned() else {
        return;
    };
    let total = text_len(&body);
    if total == 0 {
        return;
    }
    let limit = (total as f64 * MAX_SHARE) as usize;
    let class_rules = furniture_words().map(|w| format!("[class*={w} i]"));
    for rule in SMALL_TAGS.iter().map(|t| t.to_string()).chain(class_rules) {
        for node in doc.select(&rule).nodes() {
            if !inside_paragraph(node) && text_len(node) <= limit && !holds_quote(node) {
                node.remove_from_parent();
            }
        }
    }
    remove_where(doc, |node| {
        is_popup(node) && (1..=limit).contains(&text_len(node))
    });
    density::remove(doc);
}

/// Removes every element under `<body>` for which `doomed` holds, walking the tree once from
/// the top and never looking inside an element once it is removed.
pub fn remove_where(doc: &Document, doomed: impl Fn(&NodeRef) -> bool) {
    let Some(body) = doc.body() else {
        return;
    };
    let mut stack: Vec<NodeRef> = body.element_children();
    while let Some(node) = stack.pop() {
        if doomed(&node) {
            node.remove_from_parent();
        } else {
            stack.extend(node.element_children());
        }
    }
}

/// The class words of furniture, in the lexicon's order; only plain lower-case words, so that
/// each makes a valid selector.
fn furniture_words() -> impl Iterator<Item = &'static str> {
    page_words(PageRole::Furniture)
        .iter()
        .copied()
        .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Whether the element is a pop-up over the text (hover card, tooltip).
fn is_popup(node: &NodeRef) -> bool {
    node.attr("role")
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("tooltip"))
        || tokens::names(node, PageRole::Popup)
}

/// Whether a `<blockquote>` is inside: quoted text or an embedded post, never furniture.
fn holds_quote(node: &NodeRef) -> bool {
    node.descendants_it()
        .any(|d| d.node_name().is_some_and(|n| &*n == "blockquote"))
}

/// Length in bytes of the non-space text under `node`.
fn text_len(node: &NodeRef) -> usize {
    node.text().split_whitespace().map(str::len).sum()
}

/// Whether `node` sits inside a `<p>`: furniture never does, inline dates in sentences do.
fn inside_paragraph(node: &NodeRef) -> bool {
    node.ancestors_it(Some(8))
        .any(|a| a.node_name().is_some_and(|n| &*n == "p"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pruned(html: &str) -> String {
        crate::test_support::body_after(html, before_scoring)
    }

    const LONG: &str =
        "The reservoir held more water this spring than in any year since records began, \
        engineers said, after weeks of heavy rain across the catchment and a late snowmelt. ";

    #[test]
    fn figures_and_captions_go() {
        let t = pruned(&format!(
            "<article><p>{LONG}</p><figure><img src=d.jpg>\
             <figcaption>The dam at dusk. Photograph: Staff</figcaption></figure></article>"
        ));
        assert!(!t.contains("Photograph"), "{t}");
        assert!(t.starts_with("The reservoir held"));
    }

    #[test]
    fn small_furniture_goes_inline_dates_stay() {
        let body = LONG.repeat(5);
        let t = pruned(&format!(
            "<article><div class=\"byline\">By Ann Lee</div><span class=\"publish-date\">3 May</span>\
             <p>{body} The board meets on <time>Friday</time>.</p>\
             <ul class=\"related-links\"><li><a href=/x>Town fair returns</a></li></ul></article>"
        ));
        assert!(
            !t.contains("Ann Lee") && !t.contains("3 May") && !t.contains("Town fair"),
            "{t}"
        );
        assert!(t.contains("meets on Friday."), "{t}");
    }

    #[test]
    fn class_words_match_in_any_case() {
        let body = LONG.repeat(5);
        let t = pruned(&format!(
            "<article><p>{body}</p><div class=\"InlineImage-imageEmbedCaption\">The dam at dusk, \
             seen from the north bank.</div><p>{LONG}</p></article>"
        ));
        assert!(!t.contains("The dam at dusk"), "{t}");
        assert!(t.ends_with("a late snowmelt."), "{t}");
    }

    #[test]
    fn large_matches_are_kept() {
        // A wrapper whose class happens to contain "date" holds the whole story.
        let t = pruned(&format!(
            "<div class=\"content-updated\"><p>{LONG}</p></div><p>Short.</p>"
        ));
        assert!(t.contains("The reservoir held"), "{t}");
    }

    #[test]
    fn hover_cards_go_even_inside_paragraphs() {
        let body = LONG.repeat(5);
        let t = pruned(&format!(
            "<article><p>{body} said <a href=/p/lee>Ann Lee<span class=\"author-hoverCard\">\
             Ann Lee is our science editor. Follow</span></a>, who chairs the panel.</p></article>"
        ));
        assert!(t.contains("said Ann Lee, who chairs"), "{t}");
    }

    #[test]
    fn embedded_posts_in_social_boxes_stay() {
        let body = LONG.repeat(5);
        let t = pruned(&format!(
            "<article><p>{body}</p><div class=\"social-embed\"><blockquote class=\"post\">\
             <p>Water levels at the dam are the highest we have seen.</p></blockquote></div></article>"
        ));
        assert!(t.contains("highest we have seen"), "{t}");
    }

    #[test]
    fn empty_page() {
        assert_eq!(pruned(""), "");
        assert_eq!(pruned("<header>Menu</header>"), "Menu");
    }
}
