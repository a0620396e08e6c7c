//! Photo captions and credits: "Image: …/AP", "Photograph:(…)", agency credit lines, bare
//! image labels. (A caption line just before a credit line is a context rule.)

use regex::{Regex, RegexSet};

use super::{re, set};
use crate::lines::{ends_period, Line};

/// Caption and credit rules.
#[derive(Debug, Clone)]
pub struct CreditRules {
    /// A credit label and its credit at the end of a line (captions run into it on DW pages).
    tail: Regex,
    /// Words and marks found in photo credits.
    vocab: Regex,
    /// Bare image labels.
    labels: RegexSet,
    /// A caption label opening a caption ("Image caption, Fans outside the ground").
    caption: Regex,
    /// A caption ending in its credit in brackets: "(AP Photo/Jane Doe)", "(credit: NASA)",
    /// "(NASA via AP, File)".
    bracket: Regex,
    /// Words that mark a bracketed credit.
    bracket_word: Regex,
}

impl CreditRules {
    /// Compiles the rules.
    pub fn new() -> CreditRules {
        CreditRules {
            // Case-sensitive label (capitalised), so "picture" inside a sentence does not count;
            // no word boundary before it because scraped captions run into it ("KyivImage:").
            tail: Regex::new(
                r"(?:Image|Images|Photo|Photos|Photograph|Picture|Pic|Foto|Fotos|Фото|Bild|Credit|Credits|Photo credit|Image credit|Image source|Illustration|Source)\s*:\s*(.{1,120})$",
            )
            .unwrap_or_else(|_| re("$^")),
            vocab: re(
                r"getty images|shutterstock|picture[- ]alliance|\bap photo\b|\bafp\b|reuters/|/reuters\b|/ap\b|/afp\b|/dpa\b|\bdpa\b|\bepa\b|epa-efe|via reuters|\bhandout\b|pool photo|file photo|\bphoto by\b|©|\bcourtesy\b|\bimago\b|\balamy\b|\bunsplash\b|\bpexels\b|\bistock\b|\bsputnik\s*/|\bpti\b|\bani\b|\bians\b|\bxinhua\b|\btass\b|\banadolu\b|\bwikimedia\b|creative commons|\bcc by\b",
            ),
            caption: re(r"^(?:image|photo|picture|video|media) caption\s*[,:]\s*\S"),
            bracket: re(r"\(([^()]{2,80})\)\.?$"),
            bracket_word: re(
                r"\b(?:credit|credits|photo|photos|image|images|picture|pictures|courtesy|via|file|handout|illustration)\b",
            ),
            labels: set(&[
                r"^(?:main|lead|hero|top|featured|representative|file|cover|article|story) (?:img|image|photo|picture|pic)$",
                r"^(?:image|photo|picture) (?:source|caption|credit|gallery)\b.{0,60}$",
                r"^(?:click to enlarge|enlarge this image|enlarge image|hide caption|show caption|toggle caption|view gallery|open gallery|photo gallery|in pictures|in photos)$",
                r"^\(?(?:representational|representative|file|archive) (?:image|photo|picture|pic)\)?\.?$",
                r"^(?:img|image|photo|picture|pic|images|photos)$",
                r"^\d+\s*(?:of|/)\s*\d+$",
            ]),
        }
    }

    /// Whether the line is a caption-with-credit, a credit or an image label.
    pub fn matches(&self, line: &Line<'_>) -> bool {
        if line.words <= 8 && self.labels.is_match(line.text) {
            return true;
        }
        if line.words <= 40 && self.caption.is_match(line.text) {
            return true;
        }
        if line.words <= 60 && self.bracketed_credit(line.text) {
            return true;
        }
        let labelled = line.text.contains(':');
        if let Some(tail) = labelled
            .then(|| self.tail.captures(line.text))
            .flatten()
            .and_then(|c| c.get(1))
        {
            if self.is_credit(tail.as_str()) {
                return true;
            }
        }
        self.is_credit_line(line)
    }

    /// Whether this is a short line that is all credit ("REUTERS/Gleb Garanich", "AFP via
    /// Getty Images"): short, not prose, with credit vocabulary.
    pub fn is_credit_line(&self, line: &Line<'_>) -> bool {
        line.words <= 10
            && !(line.words >= 6 && ends_period(line.text))
            && !line.text.contains(['“', '"'])
            && self.vocab.is_match(line.text)
            && !line.text.contains(" said")
    }

    /// Whether the line ends with a credit in brackets: slashed agency credits, or a bracket
    /// naming a photo, a credit, a handout or "via" an agency. A bare agency in brackets
    /// ("(Reuters)") is a sign-off, not a caption.
    fn bracketed_credit(&self, text: &str) -> bool {
        let Some(inner) = self.bracket.captures(text).and_then(|c| c.get(1)) else {
            return false;
        };
        let inner = inner.as_str();
        let capital = inner
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let slashed = capital
            && inner.contains('/')
            && inner.split('/').count() <= 5
            && !inner.contains(|c: char| c.is_ascii_digit());
        slashed || self.bracket_word.is_match(inner)
    }

    /// Whether the text after a credit label looks like a credit: short, no sentence inside,
    /// and agency-like (slashes, agency names, parentheses) or a few capitalised words.
    fn is_credit(&self, tail: &str) -> bool {
        let words: Vec<&str> = tail.split_whitespace().collect();
        if words.is_empty() || words.len() > 10 || tail.contains(". ") {
            return false;
        }
        let capitalised = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
            .count();
        tail.contains('/')
            || tail.trim_start().starts_with('(')
            || self.vocab.is_match(tail)
            || (words.len() <= 6 && capitalised * 2 >= words.len())
    }
}

impl Default for CreditRules {
    fn default() -> Self {
        CreditRules::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn credit(text: &str) -> bool {
        let rules = CreditRules::new();
        split_lines(text).iter().all(|l| rules.matches(l))
    }

    #[test]
    fn finds_credits_and_captions_with_credits() {
        assert!(credit(
            "Fans celebrate outside the stadium in MadridPhoto: Juan Medina/Reuters"
        ));
        assert!(credit("Image: picture-alliance/dpa"));
        assert!(credit("Photograph:(Getty Images)"));
        assert!(credit("REUTERS/Toby Melville"));
        assert!(credit("AFP via Getty Images"));
        assert!(credit("File photo"));
        assert!(credit("main img"));
        assert!(credit("Photo credit: City of Leeds Council"));
        assert!(credit(
            "Image caption, The striker celebrates his second goal in front of the away fans"
        ));
        assert!(credit("Image source, Getty Images"));
        assert!(credit(
            "A rover crosses the crater floor. (NASA/JPL-Caltech)"
        ));
        assert!(credit(
            "Firefighters battle the blaze on Main Street on Tuesday. (AP Photo/Sam Reed)"
        ));
        assert!(credit("The new stadium roof. (credit: Valley Council)"));
        assert!(credit(
            "In this 2019 file photo, the mayor speaks at a rally. (City Hall via AP, File)"
        ));
        assert!(credit("Фото: личный архив Анны Петровой"));
    }

    #[test]
    fn leaves_sentences_alone() {
        assert!(!credit(
            "Unemployment fell to 3.9% in March (seasonally adjusted/revised)."
        ));
        assert!(!credit(
            "The ruling was reported first by the news agency (Reuters)."
        ));
        assert!(!credit(
            "Sales rose 4% in the year to March (2023/24), the company said."
        ));
        assert!(!credit(
            "The picture is clearer now, the central bank said on Thursday."
        ));
        assert!(!credit(
            "Analysts at AFP and elsewhere expect the vote to be delayed until spring."
        ));
        assert!(!credit(
            "Source: the rate rise will be the first since 2018, officials said. More follows."
        ));
    }
}
