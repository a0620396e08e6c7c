//! Navigation: skip links, menu and account links, breadcrumbs and bare site-UI labels.

use regex::{Regex, RegexSet};

use super::{re, set};
use crate::lines::Line;

/// A menu, account or tool label of a site's interface.
const UI_LABEL: &str = "(?:main )?(?:menu|navigation|search|home|homepage|sign in|sign up|log ?in|log out|register|my account|account|close|open menu|toggle navigation|accessibility links|print|print this page|share|share via|tweet|e-?mail|more|live|watch live|listen live|sections|all sections|subscribe|newsletters?|podcasts?|weather|settings|edition|change edition|select language|language|english|next|previous|prev|back|top|back to top|keep me (?:logged|signed) in|remember me|forgot (?:your )?password\\??|send us a tip|submit a (?:tip|topic|story|correction)|comments?)";

/// Navigation and site-UI label rules.
#[derive(Debug, Clone)]
pub struct NavRules {
    /// Whole-line patterns for short lines.
    lines: RegexSet,
    /// Breadcrumb trails and pipe-separated menus.
    crumbs: Regex,
    /// Two short section labels joined by a separator ("Science | Health"): too short to be
    /// a headline with its outlet, which names more than two words on one side.
    section_pair: Regex,
}

impl NavRules {
    /// Compiles the rules.
    pub fn new() -> NavRules {
        NavRules {
            lines: set(&[
                // Skip links, optionally numbered as accessibility menus are.
                r"^(?:\d{1,2}\.\s*)?skip (?:to|navigation|ad|advertisement|links?)\b.{0,40}$",
                r"^(?:\d{1,2}\.\s*)?(?:go|back|return|jump) to (?:the )?(?:homepage|home|top|main page|main menu|content|navigation|search)\b.{0,20}$",
                // Bare menu, account and tool labels, alone or two to four in a row ("Subscribe
                // Sign in", "English Main navigation", "X Share via").
                &format!(r"^(?:{UI_LABEL})$"),
                &format!(r"^(?:(?:{UI_LABEL}|x)\s*[|•·/,]?\s*){{2,4}}$"),
                // Share and follow buttons, numbered as a dump numbers a list of links.
                r"^(?:\d{1,2}\.\s*)?(?:share (?:this )?(?:on|via|to|with) |follow (?:us )?on )?(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|flipboard|instagram|youtube|telegram|tumblr|snapchat|tiktok|messenger|email|e-mail|copy link)$",
                // Relative times and counters of teaser cards ("2 days ago", "New, 6
                // comments", "[ 167 comments ]", "Rating: 36 Votes", "1.2K shares").
                r"^(?:updated\s+)?\d{1,3}\s*(?:s|m|h|d|w|mins?|mons?|hrs?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago$",
                r"^[\[(]?\s*(?:rating\s*:\s*)?(?:new,?\s*)?\d[\d,.]*[km]?\s+(?:comments?|votes?|replies|shares|views|likes)\s*[\])]?$",
                // Section labels of the page layout, not of the article.
                r"^(?:story highlights|highlights|key points|key facts|at a glance|in brief|in short|advertisement|advertisment|advert|adverts|anzeige|publicidad|publicité|pubblicità|publicidade|iklan|реклама|sponsored(?: content)?|promoted|ad|ads|listen to (?:this )?article|listen|audio|play|play video|watch video|video|loading|loading\.\.\.|follow|follow us|text size|font size|read more|learn more|find out more|see more|read full (?:story|article)|read the full (?:story|article))\s*[:.…]*$",
                // Reading time and view counters.
                r"^(?:\d{1,3}\s*(?:-\s*)?min(?:ute)?s?\.? read|reading time|read time|estimated reading time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit|время чтения)\b.{0,24}$",
                r"^you are here\b.{0,80}$",
                r"^(?:this (?:article|story|page) (?:is|was) (?:also )?(?:available|printed) (?:in|from))\b.{0,60}$",
                r"^(?:read|view) (?:this|in) (?:article )?in (?:english|german|french|spanish|russian|arabic|hindi)\b.{0,20}$",
            ]),
            crumbs: re(
                r"^(?:[\w'’&.-]+(?: [\w'’&.-]+){0,3}(?:\s*(?:>|»|›|\||•)\s*|\s+/\s+)){2,}[\w'’&.-]+(?: [\w'’&.-]+){0,3}$",
            ),
            section_pair: re(
                r"^[\w'’&.-]+(?: [\w'’&.-]+)?\s*(?:>|»|›|\||•)\s*[\w'’&.-]+(?: [\w'’&.-]+)?$",
            ),
        }
    }

    /// Whether the line is navigation.
    pub fn matches(&self, line: &Line<'_>) -> bool {
        if line.words > 16 {
            return false;
        }
        self.lines.is_match(line.text)
            || follow_label(line.text)
            || self.crumbs.is_match(line.text)
            || self.section_pair.is_match(line.text)
    }
}

/// A follow button naming the site or its section ("Follow CNN Politics", "Follow NBC News"):
/// "Follow" and one to three capitalised words. "Follow the money" is a phrase.
fn follow_label(text: &str) -> bool {
    let mut words = text.split_whitespace();
    words.next() == Some("Follow") && {
        let rest: Vec<&str> = words.collect();
        (1..=3).contains(&rest.len())
            && rest
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    }
}

impl Default for NavRules {
    fn default() -> Self {
        NavRules::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn nav(text: &str) -> bool {
        let rules = NavRules::new();
        split_lines(text).iter().all(|l| rules.matches(l))
    }

    #[test]
    fn finds_skip_links_and_menus() {
        assert!(nav("1. Skip to content\n  2. Skip to main navigation"));
        assert!(nav("Go to homepage"));
        assert!(nav("Back to top"));
        assert!(nav("Sign in"));
        assert!(nav("Home > Sport > Football"));
        assert!(nav("News | Sport | Business | Weather"));
        assert!(nav("Science | Health"));
        assert!(nav("Local News | Crime"));
        assert!(nav("World » Europe"));
        assert!(nav("Story highlights"));
        assert!(nav("Advertisement"));
        assert!(nav("Advert"));
        assert!(nav("Text size"));
        assert!(nav("LEARN MORE"));
        assert!(nav("Read more..."));
        assert!(nav("5 min read"));
        assert!(nav("Reading time: 3 minutes"));
        for label in [
            "Keep Me Logged In",
            "Subscribe   Sign in",
            "X Share via",
            "English Main navigation",
            "Send Us a Tip",
            "Submit a Topic",
            "New,    6  comments",
            "1 day ago",
            "32M ago",
            "updated 15M ago",
            "1. Facebook",
            "3.    Flipboard",
            "Share this on Facebook",
            "Pinterest",
            "Follow CNN Politics",
            "[ 167 comments ]",
            "Rating: 36 Votes",
            "1.2K shares",
        ] {
            assert!(nav(label), "{label}");
        }
    }

    #[test]
    fn leaves_body_lines_alone() {
        assert!(!nav(
            "The striker went home early after the 2-1 defeat at Anfield."
        ));
        assert!(!nav(
            "Markets closed higher on Friday, with the FTSE 100 up 0.4%."
        ));
        assert!(!nav(
            "Share prices of the lender fell 12% in early trading."
        ));
        assert!(!nav(
            "Search teams found the missing hikers on Sunday morning."
        ));
        assert!(!nav(
            "Floods in Brazil force thousands from homes | World News"
        ));
        assert!(!nav("Read more about the council's plans on its website."));
        assert!(!nav("Two days ago the council voted to close the pool."));
        assert!(!nav("Home secretary signs new deal"));
        assert!(!nav("Comments were closed after 200 replies."));
        assert!(!nav("Facebook shares fell 4% on Tuesday."));
        assert!(!nav("Follow the money"));
        assert!(!nav("36 votes were cast against the bill."));
        assert!(!nav(
            "Reading time for pupils rose by 20 minutes a day, the survey found."
        ));
    }
}
