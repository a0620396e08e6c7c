//! Sign-up, subscription, consent, sharing and comment prompts.

use regex::RegexSet;
use storyline_lexicon::{is_metadata_word, MetadataClass};

use super::set;
use crate::lines::Line;

/// Prompt rules.
#[derive(Debug, Clone)]
pub struct PromptRules {
    /// Patterns for lines of up to 25 words.
    lines: RegexSet,
    /// Cookie and consent notices, which run long (up to [`NOTICE_WORDS`] words); each
    /// names cookies.
    notices: RegexSet,
}

/// Longest cookie or consent notice, in words.
const NOTICE_WORDS: usize = 150;

impl PromptRules {
    /// Compiles the rules.
    pub fn new() -> PromptRules {
        PromptRules {
            lines: set(&[
                // Short calls to sign up name little; longer ones name the site's own offer (a
                // how-to's "Sign up for a Hulu ad-free account for $11.99" is no prompt).
                r"^(?:sign up|subscribe|register|join|opt in)\b(?:\s+\S+){0,6}?\s+(?:for )?(?:newsletters?|news|updates|inbox|e-?mails?|free|now|today|here|alerts|our|us|daily|weekly|briefing)\b\S*(?:\s+\S+){0,2}$",
                r"^(?:sign up|subscribe|register|join|opt in)\b.{0,100}\b(?:newsletters?|inbox|alerts|our|us|briefing)\b",
                r"\bby (?:submitting|signing up|clicking|subscribing|registering|continuing|entering)\b.{0,120}\b(?:agree|consent|accept|terms|privacy)",
                r"^i (?:agree|accept|consent|have read)\b",
                r"\b(?:privacy policy|privacy notice|terms of (?:use|service)|terms and conditions|cookie (?:policy|settings|preferences)|accept (?:all )?cookies|manage (?:cookies|preferences|consent|privacy))\b",
                r"^(?:we use cookies|this (?:site|website) uses cookies|we care about your privacy)",
                r"^(?:follow|like|find) us on\b",
                r"^(?:follow|find) (?:\S+ ){0,3}(?:on|at) (?:twitter|facebook|instagram|x|youtube|tiktok|linkedin|threads|bluesky|mastodon|telegram|whatsapp)\b",
                r"^subscribe to\b",
                r"^join (?:our|us)\b",
                r"^(?:have|got) a (?:news )?tip\b",
                r"^(?:like|liked|enjoy|enjoyed|love|loved) this (?:story|article|post|piece)\s*\?",
                r"^if you (?:enjoyed|liked|value|appreciate|found value in) (?:this|our|what)\b",
                // Affiliate disclosures.
                r"\bmay (?:earn|receive|get|collect) (?:an? )?(?:small )?(?:share of (?:sales|revenue)|(?:affiliate )?commissions?)\b",
                r"\b(?:contains?|may contain|includes?) (?:affiliate|sponsored|referral)\b.{0,20}\blinks\b",
                r"\b(?:requires|needs) javascript\b",
                r"\b(?:to|in|meet|hits?) your inbox\b",
                r"^(?:share|share this|share on|share via|share this (?:article|story|page))\b.{0,40}$",
                r"^(?:download|get|install) (?:our|the) (?:free )?(?:[\w]+ )?app\b",
                r"^click (?:here|to)\b",
                r"\b(?:enable|turn on) javascript\b",
                r"^(?:turn on|allow|enable) (?:notifications|push|alerts)\b",
                r"^(?:already a (?:subscriber|member)|already have an account|create (?:an|a free) account|log in to|sign in to|register to (?:continue|read))\b",
                r"^(?:support (?:our|independent|quality) journalism|donate\b|become a (?:member|subscriber|supporter|patron))",
                r"^(?:leave a comment|comments?|\d+ comments?|post a comment|view comments|show comments|report an error|report a correction|send us feedback|contact us|write to us|got a (?:news )?tip)\b.{0,30}$",
                r"^(?:continue|keep) reading\b.{0,30}$",
                r"^(?:show|load|see|view) (?:more|all)\b.{0,20}$",
                r"^get (?:the latest|our|breaking|the best)\b.{0,60}\b(?:news|updates|alerts|inbox|newsletter|stories)",
                r"^(?:enter your e-?mail|your e-?mail address|e-?mail address|your name)\b.{0,30}$",
                r"^thank you for (?:reading|subscribing|signing up|your feedback)\b",
                r"^(?:you have|you've) (?:reached|read) (?:your|\d+|the) .{0,40}\b(?:articles?|limit|stories)\b",
                r"^(?:was this (?:article|story) (?:helpful|useful))\b",
            ]),
            notices: set(&[
                r"^(?:we use cookies|we use them to give you|(?:this|our) (?:web)?site (?:uses|is using) cookies|necessary cookies are|the cookie settings on this)\b",
                r"\bcookies\b.{0,300}\b(?:you (?:consent|agree|accept)|(?:you are|you're) agreeing|assume (?:you're|you are) (?:ok|happy)|happy to receive)\b",
                r"\b(?:you (?:consent|agree) to|accept) (?:our|the) use of cookies\b",
            ]),
        }
    }

    /// Whether the line is a prompt; reported speech ("said", quotes) never is.
    pub fn matches(&self, line: &Line<'_>) -> bool {
        (line.words <= 25 && plain(line.text) && self.lines.is_match(line.text))
            || self.is_notice(line)
    }

    /// Whether the line is a cookie or consent notice (of any length up to [`NOTICE_WORDS`]
    /// words: the other furniture rules judge short lines only).
    pub fn is_notice(&self, line: &Line<'_>) -> bool {
        line.words <= NOTICE_WORDS
            && line.text.contains("ookie")
            && plain(line.text)
            && self.notices.is_match(line.text)
    }
}

/// Whether the text neither quotes nor reports speech, which mark it as article prose.
fn plain(text: &str) -> bool {
    !text.contains(['“', '"']) && !contains_speech_verb(text)
}

/// Whether the text reports speech, which marks it as article prose.
fn contains_speech_verb(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| is_metadata_word(MetadataClass::ProseMarker, w))
}

impl Default for PromptRules {
    fn default() -> Self {
        PromptRules::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn prompt(text: &str) -> bool {
        let rules = PromptRules::new();
        split_lines(text).iter().all(|l| rules.matches(l))
    }

    #[test]
    fn finds_prompts() {
        assert!(prompt("Sign up for our daily business briefing"));
        assert!(prompt("Subscribe to our newsletter"));
        assert!(prompt(
            "By clicking Sign Up, you agree to our Terms of Use and Privacy Policy."
        ));
        assert!(prompt("Follow us on Twitter and Facebook"));
        assert!(prompt("Download the free Gazette app"));
        assert!(prompt("Share this article"));
        assert!(prompt("12 comments"));
        assert!(prompt("We use cookies to improve your experience."));
        assert!(prompt(
            "We use cookies and other tracking technologies to improve your browsing experience \
             on our site, show personalized content and targeted ads, analyze site traffic, and \
             understand where our audiences come from. To learn more or opt-out, read our Cookie \
             Policy. Please also read our Privacy Notice and Terms of Use, which became effective \
             December 20, 2019."
        ));
        assert!(prompt(
            "This website uses cookies to improve your experience while you navigate through \
             the website. Out of these cookies, the cookies that are categorized as necessary are \
             stored on your browser as they are essential for the working of basic \
             functionalities of the website."
        ));
        assert!(prompt(
            "Subscribe to the Valley Post YouTube channel for match highlights."
        ));
        assert!(prompt(
            "Follow Valley Sport on Instagram, Facebook and TikTok."
        ));
        assert!(prompt(
            "Have a news tip? Email newsdesk@example.org or call 555 0134."
        ));
        assert!(prompt("Like this story? Share it with a friend!"));
        assert!(prompt(
            "This post may contain affiliate links. Please see our disclosure page."
        ));
        assert!(prompt(
            "We may earn a commission if you buy something through links in this article."
        ));
        assert!(prompt("This slideshow requires JavaScript."));
        assert!(prompt(
            "The day's biggest stories, delivered to your inbox every morning."
        ));
        assert!(prompt("Join our forums to keep talking about the match."));
    }

    #[test]
    fn leaves_reporting_alone() {
        assert!(!prompt(
            "Sign up for a streaming account with ads for $7.99 a month, then add the sports bundle."
        ));
        assert!(!prompt(
            "Sign up for the sports bundle using the same email as your streaming account"
        ));
        assert!(!prompt(
            "Followers of the club on Twitter reacted angrily to the news, the fan group said."
        ));
        assert!(!prompt(
            "Subscribers to the streaming service rose 8% in the quarter."
        ));
        assert!(!prompt(
            "Sign up numbers for the marathon were up, organisers said."
        ));
        assert!(!prompt(
            "Voters must register to vote by Friday, the county clerk told reporters."
        ));
        assert!(!prompt(
            "The club's new privacy policy drew criticism from fans, the trust said."
        ));
        // A story about cookie rules is prose, however long.
        assert!(!prompt(
            "Regulators in Brussels want websites that use cookies to track visitors across the \
             web to ask before they do so, and to make refusing as easy as accepting, under rules \
             that the European Parliament is expected to approve next month after two years of \
             talks with member states and the advertising industry."
        ));
    }
}
