//! Agency sign-offs and input notes: "ar/aw (AFP, Reuters)", "(With inputs from agencies)",
//! "Reporting by …; Editing by …".

use regex::RegexSet;

use super::set;
use crate::lines::Line;

/// Sign-off rules.
#[derive(Debug, Clone)]
pub struct SignOffRules {
    /// Whole-line patterns.
    lines: RegexSet,
}

impl SignOffRules {
    /// Compiles the rules.
    pub fn new() -> SignOffRules {
        SignOffRules {
            lines: set(&[
                // Editors' initials, optionally with the agencies used: "ar/aw (AFP, Reuters)".
                r"^[a-z]{1,5}(?:\s*/\s*[a-z]{1,5})+\s*(?:\([^()]{1,60}\))?\.?$",
                r"^\(?\s*with (?:inputs?|additional inputs?|additional reporting|agency inputs?|reporting) (?:from|by)\b[^()]{0,100}\)?\.?$",
                r"^\(?\s*(?:additional )?reporting by\b.{0,300}$",
                r"^\(?\s*(?:editing|edited|compiled|written|writing|produced|fact-checked|translated) by\b[^.]{0,120}\)?\.?$",
                r"^\(?\s*(?:sources?|agencies|with agencies|agency inputs|inputs from agencies)\s*[:)]?\s*[\w ,/&.()-]{0,40}$",
                r"^[-–—]{1,2}\s*(?:ap|afp|reuters|dpa|pti|ani|ians|xinhua|tass|upi|bloomberg|efe|ansa|kyodo|yonhap)\.?$",
                r"^\((?:ap|afp|reuters|dpa|pti|ani|ians|xinhua|tass|upi|bloomberg|efe|ansa|kyodo|yonhap)(?:\s*[,/]\s*\w+){0,4}\)\.?$",
                r"^this (?:story|article|report) (?:has been|was) (?:edited|published|generated|auto-generated) from (?:a|an) (?:wire|agency|syndicated) (?:agency )?(?:feed|copy)\b.{0,80}$",
                // "Associated Press writer Ana Ruiz contributed to this report from Lima."
                r"^.{3,120}\bcontributed (?:to )?(?:this |the )?(?:report|reporting|story|article)\b.{0,80}$",
                r"^contributing\s*:.{1,120}$",
                r"^write to .{1,60}\bat\s+\S+@\S+$",
                r"^via (?:[\w-]+\.)+[a-z]{2,}\.?$",
                r"^[-–—]{0,2}\s*(?:the )?(?:associated press|reuters|agence france-presse|bloomberg news|press association|canadian press)\.?$",
            ]),
        }
    }

    /// Whether the line is a sign-off; long lines and reported speech never are.
    pub fn matches(&self, line: &Line<'_>) -> bool {
        line.words <= 40
            && !line.text.contains(['“', '"'])
            && !line.text.contains(" said")
            && self.lines.is_match(line.text)
    }
}

impl Default for SignOffRules {
    fn default() -> Self {
        SignOffRules::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn signoff(text: &str) -> bool {
        let rules = SignOffRules::new();
        split_lines(text).iter().all(|l| rules.matches(l))
    }

    #[test]
    fn finds_sign_offs() {
        assert!(signoff("jsi/rt (Reuters, dpa)"));
        assert!(signoff("nm/sms"));
        assert!(signoff("(With inputs from PTI)"));
        assert!(signoff(
            "Reporting by Anna Smith in Berlin; Editing by John Doe"
        ));
        assert!(signoff("(Additional reporting by Lee Kim in Seoul)"));
        assert!(signoff("Edited by Priya Nair"));
        assert!(signoff("— AP"));
        assert!(signoff("(AFP)"));
        assert!(signoff(
            "Associated Press writer Ana Ruiz contributed to this report from Lima."
        ));
        assert!(signoff("Tom Reed contributed reporting from Leeds."));
        assert!(signoff("Contributing: Lee Park, Valley Post"));
        assert!(signoff("Write to Sam Hill at sam.hill@example.com"));
        assert!(signoff("Via NewsWire.example"));
        assert!(signoff("The Associated Press"));
    }

    #[test]
    fn leaves_body_lines_alone() {
        assert!(!signoff(
            "Fans contributed to the appeal, the club said, raising £20,000 in a week."
        ));
        assert!(!signoff(
            "The club said reporting by fans of racist abuse had doubled."
        ));
        assert!(!signoff(
            "Prices rose 3.2% year on year, the statistics office said."
        ));
    }
}
