//! Web domains: well-known news domains and their outlets (`data/news_domains.tsv`), social
//! networks and link shorteners (`data/social_domains.txt`), and the second-level labels of
//! country domains (`data/second_level_domains.txt`).

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use crate::load::{rows, words};

static DOMAINS: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    rows(include_str!("../data/news_domains.tsv"))
        .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
        .collect()
});

/// Outlet names, lower-cased → as written.
static NAMES: LazyLock<FxHashMap<String, &'static str>> = LazyLock::new(|| {
    rows(include_str!("../data/news_domains.tsv"))
        .filter_map(|r| Some((r.get(1)?.to_lowercase(), *r.get(1)?)))
        .collect()
});

static SOCIAL: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("../data/social_domains.txt")).collect());

static SECOND_LEVEL: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("../data/second_level_domains.txt")).collect());

/// The names of the well-known outlets that are safe to read as organisation names in text,
/// with their canonical form: names of two words or more ("USA Today", "France 24"), also
/// without a leading "The" ("The Japan Times" is often "the Japan Times"). A "The" and one
/// word ("The Atlantic", "The Independent") is left out: at a sentence's start it is as often
/// a common noun phrase.
pub(crate) fn outlet_name_forms() -> impl Iterator<Item = (&'static str, &'static str)> {
    rows(include_str!("../data/news_domains.tsv"))
        .filter_map(|r| r.get(1).copied())
        .flat_map(|name| {
            let bare = name.strip_prefix("The ").unwrap_or(name);
            let several = bare.contains(' ') || bare.bytes().any(|b| b.is_ascii_digit());
            let forms = several.then_some([(name, name), (bare, name)]);
            forms.into_iter().flatten()
        })
}

/// The outlet name of a well-known news domain, for a lower-case `host` that is the domain
/// or any subdomain of it.
///
/// ```
/// assert_eq!(storyline_lexicon::outlet_of_domain("edition.cnn.com"), Some("CNN"));
/// assert_eq!(storyline_lexicon::outlet_of_domain("notcnn.com"), None);
/// ```
pub fn outlet_of_domain(host: &str) -> Option<&'static str> {
    let mut rest = host;
    loop {
        if let Some(name) = DOMAINS.get(rest) {
            return Some(name);
        }
        rest = rest.split_once('.')?.1;
    }
}

/// The outlet name as the news domain table writes it, when `name` is one (any case).
///
/// ```
/// assert_eq!(storyline_lexicon::known_outlet_name("the guardian"), Some("The Guardian"));
/// ```
pub fn known_outlet_name(name: &str) -> Option<&'static str> {
    NAMES.get(&name.to_lowercase()).copied()
}

/// Whether `label` is a generic second level of country domains ("co" in `bbc.co.uk`).
///
/// ```
/// assert!(storyline_lexicon::is_second_level_label("co"));
/// assert!(!storyline_lexicon::is_second_level_label("bbc"));
/// ```
pub fn is_second_level_label(label: &str) -> bool {
    SECOND_LEVEL.contains(label)
}

/// Whether lower-case `host` is a social network, link shortener or platform domain, or a
/// subdomain of one.
///
/// ```
/// assert!(storyline_lexicon::is_social_domain("mobile.twitter.com"));
/// assert!(!storyline_lexicon::is_social_domain("example.com"));
/// ```
pub fn is_social_domain(host: &str) -> bool {
    let mut rest = host;
    loop {
        if SOCIAL.contains(rest) {
            return true;
        }
        match rest.split_once('.') {
            Some((_, r)) => rest = r,
            None => return false,
        }
    }
}
