//! Bylines: "By Jane Doe", "Written by …", team bylines ("Gazette Web Team", which name the
//! outlet, not a person), and bare author-name lines of page dumps.

use regex::Regex;
use storyline_lexicon::{is_metadata_word, MetadataClass};

use crate::furniture::re;
use crate::metadata::FoundDate;

/// What a byline line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Byline {
    /// A person (or several) wrote it.
    Person(String),
    /// An outlet's team wrote it ("WION Web Team" → "WION").
    Team(String),
}

/// Byline patterns.
#[derive(Debug, Clone)]
pub struct AuthorRules {
    /// "By Jane Doe", "By Jane Doe and John Roe, Reuters".
    by: Regex,
    /// "Gazette Web Team", "Reuters Staff".
    team: Regex,
    /// A bare personal name: two or three capitalised words.
    name: Regex,
    /// Words that mark an organisation, never a person.
    org_word: Regex,
    /// Job titles that follow a name in bylines.
    role: Regex,
}

impl AuthorRules {
    /// Compiles the patterns.
    pub fn new() -> AuthorRules {
        let name = r"\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|da|di|al|bin|el|le|la|du|dos))*";
        AuthorRules {
            by: Regex::new(&format!(
                r"^(?i:by|written by|words by|author|authors|posted by|story by)\s*:?\s+({name}(?:\s+(?:and|&)\s+{name}|,\s*\p{{Lu}}[\p{{L}}'’.-]+\s+\p{{Lu}}[\p{{L}}'’.-]+)*)(?:\s*(?:,|\||–|—|-|\bin\b)\s*(.{{1,60}}))?$"
            ))
            .unwrap_or_else(|_| re("$^")),
            team: re(r"^(.{2,30}?)\s+(?:(?:web|news|online|digital|sports?|editorial|business|world)\s+)?(?:team|desk|staff|bureau)$"),
            role: re(r"\b(?:reporter|correspondent|editor|writer|columnist|journalist|contributor|analyst|producer|staff|chief|senior|deputy|political|economics|science|health|diplomatic)\b"),
            name: Regex::new(r"^\p{Lu}\p{Ll}+(?:[-’']\p{Lu}?\p{Ll}+)?(?:\s+\p{Lu}\p{Ll}+(?:[-’']\p{Lu}?\p{Ll}+)?){1,2}$")
                .unwrap_or_else(|_| re("$^")),
            org_word: re(r"\b(?:international|news|media|group|agency|press|times|post|daily|team|network|tv|radio|online|service|services|ministry|office|council|university|foundation|institute|company|limited|ltd|inc|corp|world|sport|sports|business|politics|europe|asia|africa|america|opinion|video|live|home|about|contact|more|menu|search|related|latest|league|club|party|bank|union|association|federation|committee|army|forces|police|court|parliament|government|airlines|airways|republic|kingdom|states|nations|city|county|street|road|square|park|centre|center|cup|championship|series|open|trophy|summit|treaty|highlights|story|stories)\b"),
        }
    }

    /// Reads a byline line of at most 14 words.
    pub fn byline(&self, text: &str) -> Option<Byline> {
        if text.split_whitespace().count() > 14 {
            return None;
        }
        // "By Umair Irfan Updated": the label of a date the page shows beside the byline.
        let text = text.trim_end().trim_end_matches(':');
        let text = ["Updated", "Published", "Posted", "Modified"]
            .iter()
            .find_map(|label| text.strip_suffix(label))
            .filter(|rest| rest.ends_with(char::is_whitespace))
            .map_or(text, str::trim_end);
        if let Some(c) = self.by.captures(text) {
            let names = c.get(1)?.as_str().trim();
            // "By Sam Wright, Sports Reporter": keep the parts that name people, drop roles.
            let people: Vec<&str> = names
                .split(',')
                .map(str::trim)
                .filter(|p| {
                    p.split_whitespace().count() >= 2
                        && !self.org_word.is_match(p)
                        && !self.role.is_match(p)
                })
                .collect();
            if !people.is_empty() {
                return Some(Byline::Person(people.join(", ")));
            }
            // "By Reuters": an outlet; a failed name with a job title in it is neither.
            let short = names.split_whitespace().count() <= 3;
            return (short && !self.role.is_match(names)).then(|| Byline::Team(names.to_string()));
        }
        let c = self.team.captures(text)?;
        let outlet = c.get(1)?.as_str().trim();
        let generic = is_metadata_word(
            MetadataClass::TeamGeneric,
            outlet.split_whitespace().next().unwrap_or(""),
        );
        if generic || outlet.contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let capitalised = outlet.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit())
        });
        (outlet.split_whitespace().count() <= 3 && capitalised)
            .then(|| Byline::Team(outlet.to_string()))
    }

    /// The byline on a dateline, before its first date ("By Joseph Tsidulko November 19,
    /// 2019") or after its last ("5:45 AM PST 11/19/2019 by Patrick Shanley"); `dates` are
    /// the line's dates, in order.
    pub fn dateline_byline(&self, text: &str, dates: &[FoundDate]) -> Option<Byline> {
        let trim = |c: char| c.is_whitespace() || matches!(c, ',' | '|' | '-' | '–' | '—' | '•');
        let before = text.get(..dates.first()?.start)?.trim_matches(trim);
        let after = text.get(dates.last()?.end..)?.trim_matches(trim);
        [before, after].into_iter().find_map(|part| {
            // ASCII lowercasing keeps byte offsets.
            let lower = part.to_ascii_lowercase();
            let at = lower
                .match_indices("by ")
                .map(|(i, _)| i)
                .find(|&i| i == 0 || lower[..i].ends_with(' '))?;
            self.byline(&part[at..])
        })
    }

    /// Whether a bare line looks like a personal name ("Tim Korso"), not an organisation.
    pub fn is_person_name(&self, text: &str) -> bool {
        self.name.is_match(text) && !self.org_word.is_match(text)
    }
}

impl Default for AuthorRules {
    fn default() -> Self {
        AuthorRules::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bylines() {
        let rules = AuthorRules::new();
        assert_eq!(
            rules.byline("By Sarah O'Connor"),
            Some(Byline::Person("Sarah O'Connor".into()))
        );
        assert_eq!(
            rules.byline("By Mark Lee and Ana Ruiz, Reuters"),
            Some(Byline::Person("Mark Lee and Ana Ruiz".into()))
        );
        assert_eq!(
            rules.byline("Evening Post Web Team"),
            Some(Byline::Team("Evening Post".into()))
        );
        assert_eq!(
            rules.byline("Reuters Staff"),
            Some(Byline::Team("Reuters".into()))
        );
        assert_eq!(
            rules.byline("By Sam Wright, Sports Reporter"),
            Some(Byline::Person("Sam Wright".into()))
        );
        assert_eq!(
            rules.byline("By  Umair Irfan   Updated"),
            Some(Byline::Person("Umair Irfan".into()))
        );
        assert_eq!(rules.byline("By the numbers: how the season went"), None);
        assert_eq!(rules.byline("The home team"), None);
        assert_eq!(rules.byline("Our Staff"), None);
    }

    #[test]
    fn reads_bylines_on_datelines() {
        let rules = AuthorRules::new();
        let dates = storyline_dates::DateRules::new();
        for (line, name) in [
            (
                "By Joseph Tsidulko November 19, 2019, 07:47 PM EST",
                "Joseph Tsidulko",
            ),
            (
                "5:45 AM PST 11/19/2019  by   Patrick Shanley",
                "Patrick Shanley",
            ),
            (
                "By Sherif Saed, Wednesday, 20 November 2019 08:05 GMT",
                "Sherif Saed",
            ),
        ] {
            let found = dates.find(line);
            assert_eq!(
                rules.dateline_byline(line, &found),
                Some(Byline::Person(name.into())),
                "{line}"
            );
        }
        let line = "Published November 19, 2019 at 5:00 pm";
        assert_eq!(rules.dateline_byline(line, &dates.find(line)), None);
    }

    #[test]
    fn tells_names_from_organisations() {
        let rules = AuthorRules::new();
        assert!(rules.is_person_name("Maria Gonzalez"));
        assert!(rules.is_person_name("Jean-Luc Picard"));
        assert!(!rules.is_person_name("Evening Post International"));
        assert!(!rules.is_person_name("Business News"));
        assert!(!rules.is_person_name("Premier League"));
    }
}
