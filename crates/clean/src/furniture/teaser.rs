//! Teasers of other stories and the section headers that introduce them ("More stories
//! from …", "Related", "You may also like", "READ MORE: …").

use regex::RegexSet;

use super::set;
use crate::lines::{ends_period, Line};

/// Teaser rules.
#[derive(Debug, Clone)]
pub struct TeaserRules {
    /// Section headers after which the page holds no more of the article.
    end: RegexSet,
    /// Single teaser links inside or after the body.
    inline: RegexSet,
}

impl TeaserRules {
    /// Compiles the rules.
    pub fn new() -> TeaserRules {
        TeaserRules {
            end: set(&[
                r"^skip next section\b.*$",
                r"^more (?:stories|news|articles|videos|coverage|content|reading|to read|from|on this|top stories|in)\b.{0,40}$",
                // "More Great WIRED Stories", "More Sports News", a bare "More:".
                r"^more (?:[\w'’&.-]+ ){1,3}(?:stories|news|articles|videos|coverage|reads|headlines)\s*:?$",
                r"^more\s*:$",
                r"^(?:recent|latest|popular|top) (?:articles|posts|stories|news)(?: this (?:week|month))?\s*:?$",
                r"^popular this (?:week|month)\s*:?$",
                r"^related(?: (?:stories|articles|content|coverage|topics|news|posts|reading|links|videos?|items))?\s*:?$",
                r"^you (?:may|might) (?:also )?(?:like|enjoy|be interested in|have missed)\b.{0,20}$",
                r"^recommended(?: (?:for you|stories|articles|reading|videos))?\s*:?$",
                r"^most (?:read|popular|viewed|shared|watched|commented|recent)\b.{0,20}$",
                r"^(?:top|latest|trending|featured|popular|breaking) (?:stories|story|news|headlines|picks|videos|articles|now|topics)\s*:?$",
                r"^[\w.'’ -]{1,25}['’]s (?:top|latest|most read) stor(?:y|ies)$",
                r"^explore more\b.{0,20}$",
                r"^trending\s*:?$",
                r"^editor(?:'|’)?s?(?:'|’)? (?:picks?|choice)\s*:?$",
                r"^(?:next|previous) (?:article|story|post)\b.{0,80}$",
                r"^(?:up next|what to read next|read next|don['’]t miss|must read|popular now|in other news|elsewhere on [\w ]{1,30}|around the web|from the web|promoted stories|sponsored stories|more like this)\s*:?$",
                r"^(?:also|more) (?:on|in|from) (?:this|the) (?:topic|story|site|section)\b.{0,20}$",
            ]),
            inline: set(&[
                r"^[\[(]?(?:read|see|also read|read also|read more|see more|more|also|watch|watch video|watch now|listen|related|related posts?|related articles?|related stories|related coverage|related reading|video|also see|also watch|opinion|analysis|explainer|live|live updates|podcast|gallery|in pictures|factbox|timeline|q&a|leggi anche|leggi anche su|lesen sie auch|lire aussi|à lire aussi|lea también|leia também|leia mais|читайте также)\s*[:|>»–—-]\s*\S.{0,200}$",
                // "Also on example.com Headline of another story".
                r"^also on (?:[\w-]+\.)+[a-z]{2,}\b.{0,200}$",
            ]),
        }
    }

    /// Whether the line is a section header after which only other stories follow.
    pub fn is_end_marker(&self, line: &Line<'_>) -> bool {
        line.words <= 12 && self.end.is_match(line.text)
    }

    /// Whether the line is a single teaser link ("READ MORE: …", "Watch | …", or a headline
    /// of six words or more set in capitals, as pages set links to other stories).
    pub fn matches(&self, line: &Line<'_>) -> bool {
        line.words <= 30 && (self.inline.is_match(line.text) || shouted_headline(line))
    }
}

/// A headline in capitals: nine words or more, at least thirty capitals, no lowercase letter
/// and no final full stop. Crossheads in capitals are short ("HOW TO MAKE THE JAM"); longer
/// lines in capitals are links. Scripts without case never qualify.
fn shouted_headline(line: &Line<'_>) -> bool {
    let capitals = line.text.chars().filter(|c| c.is_uppercase()).count();
    line.words >= 9
        && capitals >= 30
        && !line.text.chars().any(char::is_lowercase)
        && !ends_period(line.text)
}

impl Default for TeaserRules {
    fn default() -> Self {
        TeaserRules::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    #[test]
    fn finds_section_headers_and_teaser_links() {
        let rules = TeaserRules::new();
        let raw = "More stories from the Gazette\nRelated\nYou may also like\nMost read\n\
                   The Gazette's Top Stories\nSkip next section Related topics\nTop stories\n\
                   More Great Tech Stories\nMore:\nRECENT ARTICLES\nPopular this week\nRead Next\n\
                   Related Stories\nMost Popular\nRelated Topics";
        assert!(split_lines(raw).iter().all(|l| rules.is_end_marker(l)));
        let raw = "READ MORE: Council tax to rise 5% in April\nWatch | Highlights of the derby\n\
                   Also read: Why bond yields matter\n[Related: Chipmaker shares slide on export curbs]\n\
                   Related post: Easy plum jam for beginners\nSEE MORE: Flooding closes the ring road\n\
                   Also on citynews.example Mayor unveils bus plan\n\
                   STRIKER SIGNS NEW DEAL AMID INTEREST FROM RIVALS IN SPAIN AND ITALY";
        assert!(split_lines(raw).iter().all(|l| rules.matches(l)));
    }

    #[test]
    fn leaves_body_lines_alone() {
        let rules = TeaserRules::new();
        let raw = "More than 200 people attended the vigil on Saturday evening.\n\
                   Related companies also saw their shares fall.\n\
                   Watch the match live on BBC One from 3pm.\n\
                   GOALS\nWHAT YOU NEED TO MAKE THE JAM\n\
                   \"WE WILL FIGHT ON,\" SAID THE UNION LEADER TO CHEERING CROWDS.\n\
                   More than 40 stories were collected in the book.";
        for l in split_lines(raw) {
            assert!(!rules.is_end_marker(&l) && !rules.matches(&l), "{}", l.text);
        }
    }
}
