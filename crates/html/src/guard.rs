//! Cheap checks before parsing: input size and tag nesting depth.
//!
//! The HTML parser checks element scopes by walking its stack of open elements, so a page of
//! millions of nested tags costs time quadratic in its depth; extraction then walks the tree
//! again. A linear pre-scan of the raw bytes estimates the nesting depth and refuses hostile
//! pages before any tree is built. The estimate only counts elements that must be closed
//! explicitly: void elements (`<br>`, `<img>`) and elements whose end tag is optional (`<p>`,
//! `<li>`, `<td>`) never nest in the parsed tree, so counting them would refuse sloppy but
//! real pages.

use crate::HtmlError;

/// Largest page accepted, in bytes. Real article pages, inline scripts and all, stay well
/// under 8 MB; anything larger is a dump or an attack.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// Deepest tag nesting accepted. Browsers' parsers stop nesting at 512 levels; real pages
/// stay under 100, and unclosed tags inflate the estimate, hence the margin.
pub const MAX_DEPTH: usize = 1024;

/// Elements that never hold children, or whose end tag is implied by the next sibling.
const NOT_NESTING: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"source",
    b"track",
    b"wbr",
    b"param",
    b"keygen",
    b"frame",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"option",
    b"optgroup",
    b"tr",
    b"td",
    b"th",
    b"thead",
    b"tbody",
    b"tfoot",
    b"colgroup",
    b"rb",
    b"rt",
    b"rp",
    b"html",
    b"head",
    b"body",
];

/// Elements whose content is raw text: tags inside them are not tags.
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"plaintext",
];

/// Refuses inputs over [`MAX_BYTES`] or nesting deeper than [`MAX_DEPTH`].
pub fn check(html: &str) -> Result<(), HtmlError> {
    if html.len() > MAX_BYTES {
        return Err(HtmlError::TooLarge {
            size: html.len(),
            limit: MAX_BYTES,
        });
    }
    check_depth(html.as_bytes(), MAX_DEPTH)
}

/// Linear scan of the tags of `b`, failing when the estimated open-element depth passes `limit`.
fn check_depth(b: &[u8], limit: usize) -> Result<(), HtmlError> {
    let mut depth = 0usize;
    let mut i = 0usize;
    while let Some(off) = memchr_lt(b, i) {
        let start = off;
        i = off + 1;
        let rest = b.get(i..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            i = find(b, i + 3, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name = tag_name(b, name_start);
        if name.is_empty() {
            // `<!doctype>`, `<?xml ?>`, `</ >` or a bare `<` in text: not a nesting tag.
            continue;
        }
        let end = find(b, name_start + name.len(), b">").unwrap_or(b.len());
        let lower = name.to_ascii_lowercase();
        i = end + 1;
        if closing {
            if !is_in(&lower, NOT_NESTING) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if is_in(&lower, RAW_TEXT) {
            // Skip to the matching end tag so `"<div>"` inside a script is not counted.
            let mut close = Vec::with_capacity(lower.len() + 2);
            close.extend_from_slice(b"</");
            close.extend_from_slice(&lower);
            i = find_ci(b, i, &close).unwrap_or(b.len());
            continue;
        }
        let self_closing = end > 0 && b.get(end - 1) == Some(&b'/');
        if self_closing || is_in(&lower, NOT_NESTING) {
            continue;
        }
        depth += 1;
        if depth > limit {
            return Err(HtmlError::TooDeep { limit, at: start });
        }
    }
    Ok(())
}

/// Position of the next `<` at or after `from`.
fn memchr_lt(b: &[u8], from: usize) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|&c| c == b'<')
        .map(|p| p + from)
}

/// ASCII tag name starting at `at`: a letter, then letters, digits, `-`, `:` or `_`.
fn tag_name(b: &[u8], at: usize) -> &[u8] {
    let rest = b.get(at..).unwrap_or_default();
    if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
        return &[];
    }
    let len = rest
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_')))
        .unwrap_or(rest.len());
    rest.get(..len).unwrap_or_default()
}

fn is_in(name: &[u8], set: &[&[u8]]) -> bool {
    set.contains(&name)
}

/// Position of `needle` in `b` at or after `from`.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = b.get(from..)?;
    hay.windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Like [`find`], ignoring ASCII case.
fn find_ci(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = b.get(from..)?;
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_page_passes() {
        let page = "<!doctype html><html><head><title>Council votes</title>\
            <script>var s = '<div><div><div>';</script></head><body><div><p>One<p>Two\
            <br><img src=x><ul><li>a<li>b</ul></div></body></html>";
        assert_eq!(check_depth(page.as_bytes(), 3), Ok(()));
    }

    #[test]
    fn nested_divs_are_refused() {
        let page = "<div>".repeat(50);
        assert_eq!(
            check_depth(page.as_bytes(), 10),
            Err(HtmlError::TooDeep { limit: 10, at: 50 })
        );
    }

    #[test]
    fn closed_siblings_do_not_accumulate() {
        let page = "<div><span>x</span></div>".repeat(10_000);
        assert_eq!(check_depth(page.as_bytes(), 3), Ok(()));
    }

    #[test]
    fn unclosed_paragraphs_do_not_count() {
        let page = format!("<body>{}</body>", "<p>Rain fell on the town.".repeat(5_000));
        assert_eq!(check_depth(page.as_bytes(), 3), Ok(()));
    }

    #[test]
    fn comments_and_bare_angles_are_skipped() {
        let page = "<!-- <div><div><div> --> a < b <3 <div></div>";
        assert_eq!(check_depth(page.as_bytes(), 1), Ok(()));
        assert_eq!(check_depth(b"<", 1), Ok(()));
        assert_eq!(check_depth(b"<div", 1), Ok(()));
        assert_eq!(check_depth(b"<script>", 1), Ok(()));
        assert_eq!(check_depth(b"<!--", 1), Ok(()));
    }

    #[test]
    fn size_limit() {
        let big = "a".repeat(MAX_BYTES + 1);
        assert!(matches!(check(&big), Err(HtmlError::TooLarge { .. })));
    }
}
