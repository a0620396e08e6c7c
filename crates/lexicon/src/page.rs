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
    /// Furniture inside article containers (captions, bylines, share bars): matched anywhere
    /// in a class, in any case, and removed only when small.
    Furniture,
}

/// The role column's values.
static ROLES_BY_NAME: LazyLock<HashMap<&'static str, PageRole>> = LazyLock::new(|| {
    HashMap::from([
        ("comments", PageRole::Comments),
        ("popup", PageRole::Popup),
        ("reply", PageRole::Reply),
        ("furniture", PageRole::Furniture),
    ])
});

static ROLES: LazyLock<HashMap<&'static str, PageRole>> = LazyLock::new(|| {
    rows(include_str!("../data/page_roles.tsv"))
        .filter_map(|r| {
            let role = ROLES_BY_NAME.get(r.get(1)?)?;
            Some((*r.first()?, *role))
        })
        .collect()
});

/// Words of each role, in file order.
static BY_ROLE: LazyLock<HashMap<PageRole, Vec<&'static str>>> = LazyLock::new(|| {
    let mut by_role: HashMap<PageRole, Vec<&'static str>> = HashMap::new();
    for row in rows(include_str!("../data/page_roles.tsv")) {
        if let (Some(&word), Some(&role)) =
            (row.first(), row.get(1).and_then(|r| ROLES_BY_NAME.get(r)))
        {
            by_role.entry(role).or_default().push(word);
        }
    }
    by_role
});

/// The words naming `role`, in file order (empty for a role without words).
///
/// ```
/// use storyline_lexicon::{page_words, PageRole};
/// assert!(page_words(PageRole::Furniture).contains(&"caption"));
/// ```
pub fn page_words(role: PageRole) -> &'static [&'static str] {
    BY_ROLE.get(&role).map(Vec::as_slice).unwrap_or(&[])
}

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
        let all: usize = [
            PageRole::Comments,
            PageRole::Popup,
            PageRole::Reply,
            PageRole::Furniture,
        ]
        .iter()
        .map(|&r| page_words(r).len())
        .sum();
        assert_eq!(all, n);
        assert_eq!(page_words(PageRole::Furniture).first(), Some(&"caption"));
    }
}
