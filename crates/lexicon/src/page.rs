//! Roles that the words of an HTML element's `class` and `id` name (`data/page_roles.tsv`):
//! the HTML extractor's vocabulary for comment threads and pop-ups.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::load::rows;

/// What a class or id word says an element is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageRole {
    /// A reader comment thread, one comment or the comment form.
    Comments,
    /// A pop-up over the text it annotates: hover card, tooltip, popover.
    Popup,
    /// The reply link of a comment.
    Reply,
}

static ROLES: LazyLock<HashMap<&'static str, PageRole>> = LazyLock::new(|| {
    rows(include_str!("../data/page_roles.tsv"))
        .filter_map(|r| {
            let role = match *r.get(1)? {
                "comments" => PageRole::Comments,
                "popup" => PageRole::Popup,
                "reply" => PageRole::Reply,
                _ => return None,
            };
            Some((*r.first()?, role))
        })
        .collect()
});

/// The role a lower-case class or id word names ("comments", "hovercard"), if any.
///
/// ```
/// use storyline_lexicon::{page_role, PageRole};
/// assert_eq!(page_role("disqus"), Some(PageRole::Comments));
/// assert_eq!(page_role("hovercard"), Some(PageRole::Popup));
/// assert_eq!(page_role("commentary"), None);
/// ```
pub fn page_role(word: &str) -> Option<PageRole> {
    ROLES.get(word).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_a_known_role_and_a_lower_case_word() {
        let data = include_str!("../data/page_roles.tsv");
        let n = rows(data).count();
        assert!(n > 0);
        assert_eq!(
            ROLES.len(),
            n,
            "a row with an unknown role or a repeated word"
        );
        for w in ROLES.keys() {
            assert!(w.chars().all(|c| c.is_ascii_lowercase()), "{w}");
        }
        assert_eq!(page_role("reply"), Some(PageRole::Reply));
        assert_eq!(page_role("Comments"), None);
    }
}
