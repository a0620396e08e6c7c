//! Link-dense blocks: share bars, related-story lists and teaser grids.
//!
//! What such blocks have in common, whatever a site calls them, is that nearly all their text
//! is link text: a list of headlines, a row of "Facebook Twitter Email" buttons, cards of
//! "More from …". A block is removed when
//! - it is a container (`section`, `aside`, `ul`, `ol`, `table`, `footer`), or a `div` holding
//!   no other block (a flat row of links: a `div` of boxes is page layout, and removing
//!   layout shifts what the scorer picks),
//! - it holds at least [`MIN_LINKS`] links and at least [`MIN_DENSITY`] of its text is link
//!   text,
//! - it is small: at most [`MAX_SHARE`] of the page's text,
//! - and holds no quotation or embedded post (`<blockquote>`) and no `<h1>`.
//!
//! Link text and text are counted in one bottom-up pass over the tree: linear in its size.

use dom_query::{Document, NodeRef};

/// Fewest links a removed block holds: one or two links in a short box can be a source credit.
pub const MIN_LINKS: usize = 3;

/// Smallest share of a removed block's text that is link text.
pub const MIN_DENSITY: f64 = 0.7;

/// Largest share of the page's text a removed block may hold.
pub const MAX_SHARE: f64 = 0.25;

/// Tags of blocks that may be removed.
const CONTAINERS: &[&str] = &["section", "aside", "ul", "ol", "table", "footer"];

/// Tags that make a `div` a layout box rather than a flat row of links.
const BLOCKS: &[&str] = &["div", "section", "article", "ul", "ol", "table", "aside"];

/// What one subtree holds.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    /// Non-space text bytes.
    text: usize,
    /// Non-space text bytes inside links.
    link: usize,
    /// Links.
    links: usize,
    /// Whether a `blockquote` or `h1` is inside.
    keep: bool,
    /// Whether a block of [`BLOCKS`] is inside.
    blocks: bool,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.text += other.text;
        self.link += other.link;
        self.links += other.links;
        self.keep |= other.keep;
        self.blocks |= other.blocks;
    }
}

/// Removes the link-dense blocks of the page's body.
pub fn remove(doc: &Document) {
    let Some(body) = doc.body() else {
        return;
    };
    let mut dense = Vec::new();
    let total = count(&body, &mut dense);
    let limit = (total.text as f64 * MAX_SHARE) as usize;
    for (node, c) in dense {
        if c.text <= limit {
            node.remove_from_parent();
        }
    }
}

/// Counts text and links under `root` in one post-order pass; pushes the dense containers.
fn count<'a>(root: &NodeRef<'a>, dense: &mut Vec<(NodeRef<'a>, Counts)>) -> Counts {
    // Frames of the walk: a node, its counts so far, and whether it is a link.
    let mut stack: Vec<(NodeRef<'a>, Counts, Vec<NodeRef<'a>>)> =
        vec![(*root, Counts::default(), children(root))];
    let mut in_links = 0usize;
    loop {
        let Some(frame) = stack.last_mut() else {
            return Counts::default();
        };
        if let Some(child) = frame.2.pop() {
            if child.is_text() {
                let n = non_space(&child.text());
                frame.1.text += n;
                if in_links > 0 {
                    frame.1.link += n;
                }
            } else if child.is_element() {
                if is(&child, "a") {
                    in_links += 1;
                }
                let kids = children(&child);
                stack.push((child, Counts::default(), kids));
            }
            continue;
        }
        let Some((node, mut c, _)) = stack.pop() else {
            return Counts::default();
        };
        if is(&node, "a") {
            in_links = in_links.saturating_sub(1);
            c.links += 1;
        }
        if is(&node, "blockquote") || is(&node, "h1") {
            c.keep = true;
        }
        let container = CONTAINERS.iter().any(|t| is(&node, t)) || (is(&node, "div") && !c.blocks);
        let is_dense = c.links >= MIN_LINKS
            && c.text > 0
            && !c.keep
            && c.link as f64 >= c.text as f64 * MIN_DENSITY
            && container;
        if is_dense {
            dense.push((node, c));
        }
        if BLOCKS.iter().any(|t| is(&node, t)) {
            c.blocks = true;
        }
        match stack.last_mut() {
            Some(parent) => parent.1.add(c),
            None => return c,
        }
    }
}

/// Children in reverse order, so that popping visits them in document order.
fn children<'a>(node: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    node.children_it(true).collect()
}

fn is(node: &NodeRef, tag: &str) -> bool {
    node.node_name().is_some_and(|n| &*n == tag)
}

fn non_space(s: &str) -> usize {
    s.split_whitespace().map(str::len).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(html: &str) -> String {
        crate::test_support::body_after(html, remove)
    }

    const STORY: &str = "<p>The city will plant four thousand trees along its ring road this \
        winter, officials said, to cool streets that reached record temperatures in July. \
        Work starts in the northern districts and should be finished by March.</p>";

    #[test]
    fn related_lists_and_share_bars_go() {
        let t = after(&format!(
            "<article>{STORY}<div class=box><a href=/f>Facebook</a> <a href=/t>Twitter</a> \
             <a href=/e>Email</a></div><ul><li><a href=/1>Bus fares frozen</a></li>\
             <li><a href=/2>Library hours extended</a></li><li><a href=/3>New cycle lanes</a></li></ul></article>"
        ));
        assert!(t.starts_with("The city will plant"), "{t}");
        assert!(t.ends_with("finished by March."), "{t}");
    }

    #[test]
    fn prose_with_links_and_embeds_stay() {
        let t = after(&format!(
            "<div>{STORY}<p>See <a href=/a>the plan</a>, <a href=/b>the map</a> and \
             <a href=/c>the budget</a> for details of every street on the list.</p></div>\
             <div><blockquote class=embed><a href=/p>pic</a> <a href=/u>@user</a> \
             <a href=/d>May 2</a></blockquote></div>"
        ));
        assert!(t.contains("See the plan, the map and the budget"), "{t}");
        assert!(t.contains("@user"), "{t}");
    }

    #[test]
    fn a_page_that_is_all_links_keeps_its_big_blocks() {
        let t = after(
            "<ul><li><a href=/1>One long headline about the harbour</a></li>\
             <li><a href=/2>Two</a></li><li><a href=/3>Three</a></li></ul>",
        );
        assert!(t.contains("harbour"), "{t}");
        assert_eq!(after(""), "");
    }
}
