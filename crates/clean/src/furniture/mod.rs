//! Line classification: one rule family per kind of page furniture, each judging a line from
//! its own text and shape only. Context rules (position, neighbours) live in `crate::context`.

mod credit;
mod dump;
mod nav;
mod prompt;
mod signoff;
mod teaser;

use regex::RegexSet;
use storyline_record::RemovalReason;

use crate::lines::Line;

pub use credit::CreditRules;
pub use dump::DumpRules;
pub use nav::NavRules;
pub use prompt::PromptRules;
pub use signoff::SignOffRules;
pub use teaser::TeaserRules;

/// Words of a photo credit ("© 2024 Getty Images", "Photo: AFP"): a line holding one is no
/// page's copyright notice, and names no publisher.
pub(crate) const PHOTO_CREDIT_WORDS: &str = r"\b(?:getty|shutterstock|alamy|istock|unsplash|pexels|imago|photos?|images?|pictures?|pool|handout|afp|epa|dpa)\b";

/// Lazy-DFA cache of each rule set, per thread (bytes).
const DFA_CACHE: usize = 8 << 20;

/// Compiles a set of case-insensitive patterns; the patterns are constants of this crate, so
/// a failure is a bug caught by the unit tests, and yields an empty set rather than a panic.
pub(crate) fn set(patterns: &[&str]) -> RegexSet {
    let ci: Vec<String> = patterns
        .iter()
        .map(|p| format!("(?i){}", ascii_bounds(p)))
        .collect();
    // The sets' bounded repetitions (`.{0,300}`) need more lazy-DFA states than the default
    // 2 MB cache holds; with less, the search falls back to the slowest engine on every line
    // (2.6% of the whole pipeline's time).
    regex::RegexSetBuilder::new(&ci)
        .dfa_size_limit(DFA_CACHE)
        .build()
        .unwrap_or_else(|_| RegexSet::empty())
}

/// Makes word boundaries ASCII-only: Unicode `\b` forces the slow regex engine on any line
/// with a non-ASCII character, and every boundary in these rules sits next to ASCII words.
pub(crate) fn ascii_bounds(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// Compiles one case-insensitive pattern (see [`set`] for why a failure is not a panic).
pub(crate) fn re(pattern: &str) -> regex::Regex {
    regex::Regex::new(&format!("(?i){}", ascii_bounds(pattern)))
        .unwrap_or_else(|_| regex::Regex::new("$^").unwrap_or_else(|_| unreachable!()))
}

/// Every context-free furniture rule family, compiled once.
#[derive(Debug, Clone)]
pub struct Furniture {
    /// Navigation and site UI labels.
    pub nav: NavRules,
    /// Photo captions and credits.
    pub credit: CreditRules,
    /// Sign-up, consent and sharing prompts.
    pub prompt: PromptRules,
    /// Agency sign-offs.
    pub signoff: SignOffRules,
    /// Raw metadata lines of page dumps.
    pub dump: DumpRules,
    /// Teasers of other stories and section headers.
    pub teaser: TeaserRules,
}

impl Furniture {
    /// Compiles every family.
    pub fn new() -> Furniture {
        Furniture {
            nav: NavRules::new(),
            credit: CreditRules::new(),
            prompt: PromptRules::new(),
            signoff: SignOffRules::new(),
            dump: DumpRules::new(),
            teaser: TeaserRules::new(),
        }
    }

    /// Classifies a line from its text alone; `None` when no family claims it.
    pub fn classify(&self, line: &Line<'_>) -> Option<RemovalReason> {
        // Every family judges short lines only: long prose lines are the body (a long cookie
        // notice aside).
        if line.words > 60 {
            return self.prompt.is_notice(line).then_some(RemovalReason::Prompt);
        }
        if self.dump.matches(line) {
            Some(RemovalReason::Metadata)
        } else if self.nav.matches(line) {
            Some(RemovalReason::Navigation)
        } else if self.signoff.matches(line) {
            Some(RemovalReason::SignOff)
        } else if self.credit.matches(line) {
            Some(RemovalReason::Credit)
        } else if self.prompt.matches(line) {
            Some(RemovalReason::Prompt)
        } else if self.teaser.matches(line) || self.teaser.is_end_marker(line) {
            Some(RemovalReason::Teaser)
        } else if self.dump.is_tag(line) {
            Some(RemovalReason::Metadata)
        } else {
            None
        }
    }
}

impl Default for Furniture {
    fn default() -> Self {
        Furniture::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    #[test]
    fn long_lines_are_the_body_unless_a_cookie_notice() {
        let notice = "We use cookies and other tracking technologies to improve your browsing \
                      experience on our site, show personalized content and targeted ads, analyze \
                      site traffic, and understand where our audience is coming from. To find out \
                      more or to opt-out, please read our Cookie Policy. In addition, please read \
                      our Privacy Policy, which has also been updated and became effective May \
                      23rd, 2018, and our Terms of Use.";
        let lines = split_lines(notice);
        assert!(lines[0].words > 60);
        let furniture = Furniture::new();
        assert_eq!(furniture.classify(&lines[0]), Some(RemovalReason::Prompt));
        let prose =
            "Sign up for the sports bundle using the same email as your streaming account, \
                     the company said, adding that subscribers who join before the end of the \
                     month would keep the lower price for a year and that the offer would be \
                     extended to families, students and pensioners across the country once the \
                     new service opens to the public in the spring, with more channels planned.";
        let lines = split_lines(prose);
        assert!(lines[0].words > 60);
        assert_eq!(furniture.classify(&lines[0]), None);
    }
}
