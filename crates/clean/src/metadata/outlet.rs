//! Outlet names: from a URL's domain (with a table of well-known news domains), from site-name
//! phrases ("Skip to more DW sites", "More stories from DW"), and from copyright lines.

use regex::Regex;
use storyline_lexicon::{is_metadata_word, MetadataClass};

use crate::furniture::{re, PHOTO_CREDIT_WORDS};

/// Outlet patterns.
#[derive(Debug, Clone)]
pub struct OutletRules {
    /// "Skip to more DW sites".
    more_sites: Regex,
    /// "More stories from DW", "More from the Gazette".
    more_from: Regex,
    /// "© 2023 Example Media. All rights reserved."
    copyright: Regex,
    /// Company suffixes to strip from publisher names.
    suffix: Regex,
    /// Footers that name the wire service ("Our Standards: The Thomson Reuters Trust
    /// Principles.").
    standards: Regex,
    /// Words of a photo credit: a holder named with one is no publisher.
    photo: Regex,
}

impl OutletRules {
    /// Compiles the patterns.
    pub fn new() -> OutletRules {
        OutletRules {
            more_sites: re(
                r"^(?:\d{1,2}\.\s*)?skip to more (.{1,30}?) (?:sites|websites|services)$",
            ),
            more_from: re(
                r"(?:^|section\s+)more (?:stories|news|articles|videos|content)? ?from (.{1,30})$",
            ),
            copyright: re(
                // A list number or two words may come first ("1. © 2019 …", "IPSO Regulated
                // Copyright ©2019 …"); the name ends at a full stop, a comma, a bar or a
                // bracket.
                r"^(?:\d{1,2}\.\s+)?(?:[\w-]+\s+){0,2}?(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?[.,]?\s*(?:by\s+)?(.{2,60}?)\s*(?:[.,|(]|\ball rights reserved\b|$)",
            ),
            photo: re(PHOTO_CREDIT_WORDS),
            standards: re(r"^our standards\s*:\s*the thomson reuters trust principles\b"),
            suffix: re(
                r"\s*,?\s*\b(?:ltd|limited|inc|llc|plc|gmbh|ag|s\.a\.|corp|corporation|co|company|group|media group)\.?$",
            ),
        }
    }

    /// The outlet named by a site-name phrase ("Skip to more DW sites"), when it is a known
    /// outlet or an acronym (so "More stories from Ukraine" names no outlet).
    pub fn phrase(&self, text: &str) -> Option<String> {
        if self.standards.is_match(text) {
            return Some("Reuters".to_string());
        }
        // A line that is nothing but a well-known outlet's name: the site's name bar.
        let line = text.trim();
        if let Some(name) = storyline_lexicon::known_outlet_name(line) {
            return Some(name.to_string());
        }
        let name = self
            .more_sites
            .captures(text)
            .or_else(|| self.more_from.captures(text))?
            .get(1)?
            .as_str()
            .trim();
        let acronym =
            name.len() >= 2 && name.len() <= 6 && name.chars().all(|c| c.is_ascii_uppercase());
        (acronym || known_name(name)).then(|| name.to_string())
    }

    /// The publisher named by a copyright line.
    pub fn copyright_holder(&self, text: &str) -> Option<String> {
        let name = self.copyright.captures(text)?.get(1)?.as_str().trim();
        let name = self.suffix.replace(name, "");
        let name = name
            .trim()
            .trim_end_matches(" &")
            .trim_end_matches(" and")
            .trim();
        let words = name.split_whitespace().count();
        let capitalised = name.chars().next().is_some_and(char::is_uppercase);
        let first = name.split_whitespace().next().unwrap_or("");
        let generic = is_metadata_word(MetadataClass::OutletGeneric, first);
        let plain = !name.contains(|c: char| c.is_ascii_digit() || c == ':' || c == '|');
        (capitalised
            && plain
            && !generic
            && (1..=5).contains(&words)
            && !name.to_lowercase().contains("all rights")
            && !self.photo.is_match(name))
        .then(|| name.to_string())
    }
}

impl Default for OutletRules {
    fn default() -> Self {
        OutletRules::new()
    }
}

/// Whether the name is one of the lexicon's news outlet names.
fn known_name(name: &str) -> bool {
    storyline_lexicon::known_outlet_name(name).is_some()
}

/// The table's outlet name for a URL's domain, if it is a well-known news domain.
pub fn known_domain(url: &str) -> Option<String> {
    storyline_lexicon::outlet_of_domain(&host(url)?).map(str::to_string)
}

/// The host of a URL (without port, user info or `www.`), lowercased.
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.trim_start_matches("www.").to_string();
    (host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'))
    .then_some(host)
}

/// The readable outlet name of a URL's domain: the table's name, else the registrable label
/// with a "news" affix stripped ("examplenews.com" → "Example"; short labels in capitals).
pub fn from_url(url: &str) -> Option<String> {
    if let Some(name) = known_domain(url) {
        return Some(name);
    }
    let host = host(url)?;
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let label = match n {
        0 | 1 => return None,
        2 => labels[0],
        _ if storyline_lexicon::is_second_level_label(labels[n - 2])
            && labels[n - 1].len() == 2 =>
        {
            labels[n - 3]
        }
        _ => labels[n - 2],
    };
    let mut core = label;
    for affix in ["news", "-news"] {
        if let Some(s) = core.strip_suffix(affix) {
            if s.len() >= 4 {
                core = s;
            }
        }
    }
    let core = core.trim_matches('-');
    if core.len() < 2 {
        return None;
    }
    if core.len() <= 4 {
        return Some(core.to_ascii_uppercase());
    }
    let words: Vec<String> = core
        .split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_ascii_uppercase().to_string() + c.as_str()
            })
        })
        .collect();
    Some(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outlets_from_urls() {
        assert_eq!(
            from_url("https://www.bbc.co.uk/news/uk-123").as_deref(),
            Some("BBC")
        );
        assert_eq!(
            from_url("https://cdn.img.sputniknews.com/img/1.jpg").as_deref(),
            Some("Sputnik")
        );
        assert_eq!(
            from_url("https://www.yorkshireeveningnews.co.uk/sport").as_deref(),
            Some("Yorkshireevening")
        );
        assert_eq!(
            from_url("https://www.lbc.co.uk/politics").as_deref(),
            Some("LBC")
        );
        assert_eq!(
            from_url("https://dailyherald-news.com/a").as_deref(),
            Some("Dailyherald")
        );
        assert_eq!(from_url("not a url"), None);
    }

    #[test]
    fn names_outlets_from_their_name_bar() {
        let rules = OutletRules::new();
        assert_eq!(rules.phrase("ABC News").as_deref(), Some("ABC News"));
        assert_eq!(rules.phrase("Sky News ").as_deref(), Some("Sky News"));
        assert_eq!(rules.phrase("ABC News reported the fire on Sunday."), None);
    }

    #[test]
    fn names_outlets_from_phrases_and_copyright() {
        let rules = OutletRules::new();
        assert_eq!(
            rules.phrase("Skip to more CBC sites").as_deref(),
            Some("CBC")
        );
        assert_eq!(
            rules
                .phrase("Skip next section More stories from NPR")
                .as_deref(),
            Some("NPR")
        );
        assert_eq!(rules.phrase("More stories from Ukraine"), None);
        assert_eq!(
            rules
                .phrase("Our Standards: The Thomson Reuters Trust Principles.")
                .as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            rules
                .copyright_holder("© 2023 Riverside Gazette Ltd. All rights reserved.")
                .as_deref(),
            Some("Riverside Gazette")
        );
        assert_eq!(
            rules
                .copyright_holder("Copyright 2021 The Associated Press")
                .as_deref(),
            Some("The Associated Press")
        );
        assert_eq!(rules.copyright_holder("Copyright Policy"), None);
        assert_eq!(
            rules
                .copyright_holder("Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved.")
                .as_deref(),
            Some("Dow Jones")
        );
        assert_eq!(rules.copyright_holder("© 2019 Our Network"), None);
        for (line, holder) in [
            ("1. © 2019 The New York Times Company", "The New York Times"),
            (
                "Copyright 2019. Washington Examiner. All Rights Reserved.",
                "Washington Examiner",
            ),
            (
                "Copyright © 2019, Los Angeles Times | Terms of Service | Privacy Policy",
                "Los Angeles Times",
            ),
            (
                "IPSO Regulated Copyright ©2019 Express Newspapers. All rights reserved.",
                "Express Newspapers",
            ),
            ("© 2000 - 2019 Al Bawaba (www.albawaba.com)", "Al Bawaba"),
        ] {
            assert_eq!(
                rules.copyright_holder(line).as_deref(),
                Some(holder),
                "{line}"
            );
        }
        assert_eq!(rules.copyright_holder("Image copyright Getty Images"), None);
        assert_eq!(rules.copyright_holder("© 2024 Getty Images"), None);
    }
}
