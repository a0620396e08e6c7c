//! Wire datelines that open the first paragraph: "KYIV, Jan 30 (Reuters) - …",
//! "BERLIN (dpa) — …", "WASHINGTON — …", "ROTTERDAM (Harbour Times) - …". The dateline stays
//! in the body as a span of its own (its place is an entity of the article); the name in
//! brackets names the outlet when nothing better does. A known wire agency may stand alone
//! ("(Reuters) - …"); any other name of one to four capitalised words counts only after a
//! place in capitals, so "Apple (Nasdaq) - …" in prose is not one.

use regex::Regex;

use crate::furniture::re;

/// Wire dateline pattern.
#[derive(Debug, Clone)]
pub struct AgencyRules {
    /// Place in capitals, optional region and date, optional agency or outlet, then a dash.
    dateline: Regex,
}

/// A wire dateline at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireDateline {
    /// Byte offset in the line where the body starts.
    pub body: usize,
    /// The agency or outlet in brackets, if any.
    pub agency: Option<String>,
}

impl AgencyRules {
    /// Compiles the pattern.
    pub fn new() -> AgencyRules {
        let agency = storyline_lexicon::wire_agencies()
            .iter()
            .map(|a| regex::escape(a))
            .collect::<Vec<_>>()
            .join("|");
        AgencyRules {
            dateline: Regex::new(&format!(
                r"^(?:((?:\p{{Lu}}[\p{{Lu}}'.-]+)(?:[ /]\p{{Lu}}[\p{{Lu}}'.-]+)*)(?:,\s*\p{{Lu}}[\w.'-]+(?:\s\p{{Lu}}[\w.'-]+)*)?(?:,\s*\p{{Lu}}[a-z]{{2,8}}\.?\s+\d{{1,2}})?\s*)?(?:\((?:({agency})|(\p{{Lu}}[\p{{L}}&.'-]*(?:\s\p{{Lu}}[\p{{L}}&.'-]*){{0,3}}))\))?\s*(-|–|—|--)\s+"
            ))
            .unwrap_or_else(|_| re("$^")),
        }
    }

    /// Reads a wire dateline at the start of `text`: with an agency in brackets, or a place of
    /// five capitals or more before a long dash (so "NATO - …" in prose is not one).
    pub fn dateline(&self, text: &str) -> Option<WireDateline> {
        let c = self.dateline.captures(text)?;
        let end = c.get(0)?.end();
        // The place may be missing when the agency is there: "(Reuters) - …".
        let place = c.get(1).map_or("", |m| m.as_str());
        let letters = place.chars().filter(|c| c.is_alphabetic()).count();
        let outlet = c.get(3).map(|m| m.as_str());
        if outlet.is_some() && letters < 3 {
            return None;
        }
        let agency = c.get(2).map(|m| m.as_str()).or(outlet).map(str::to_string);
        let long_dash = matches!(c.get(4)?.as_str(), "—" | "--");
        let body = text.get(end..)?;
        let starts = body
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || "\"“'‘".contains(c));
        // Without an agency, a place of at most three words: a longer run of capitals before
        // a dash is a subhead ("CONGRESS HAS INVESTIGATED HIM — …").
        let words = place.split([' ', '/']).filter(|w| !w.is_empty()).count();
        let wire = agency.is_some() || (long_dash && letters >= 5 && words <= 3);
        (wire && starts && body.split_whitespace().count() >= 4)
            .then_some(WireDateline { body: end, agency })
    }
}

impl Default for AgencyRules {
    fn default() -> Self {
        AgencyRules::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_wire_datelines() {
        let rules = AgencyRules::new();
        let line =
            "LAGOS, Nigeria, March 3 (Reuters) - Nigeria's central bank raised rates on Tuesday.";
        let d = rules.dateline(line);
        assert_eq!(
            d.as_ref().and_then(|d| d.agency.as_deref()),
            Some("Reuters")
        );
        assert_eq!(d.map(|d| &line[d.body..d.body + 7]), Some("Nigeria"));
        let line = "WASHINGTON — The Senate passed the spending bill late on Friday night.";
        assert_eq!(rules.dateline(line).map(|d| d.agency), Some(None));
        assert_eq!(
            rules.dateline("NATO - the alliance said it would send more jets."),
            None
        );
        assert_eq!(
            rules.dateline("CONGRESS HAS INVESTIGATED HIM — His advice drew complaints."),
            None
        );
        let line = "(Reuters) - Oil prices rose on Monday as supply worries grew.";
        let d = rules.dateline(line);
        assert_eq!(
            d.as_ref().and_then(|d| d.agency.as_deref()),
            Some("Reuters")
        );
        assert_eq!(d.map(|d| &line[d.body..d.body + 3]), Some("Oil"));
        assert_eq!(
            rules.dateline("- The bridge reopened on Monday after repairs."),
            None
        );
        assert_eq!(
            rules.dateline("UK - Growth slowed in the third quarter, data showed."),
            None
        );
        assert_eq!(
            rules.dateline("The mayor said the road would reopen on Monday."),
            None
        );
    }

    #[test]
    fn any_outlet_after_a_place_in_capitals() {
        let rules = AgencyRules::new();
        let line = "ROTTERDAM (Harbour Times) - The council approved the plan on Tuesday.";
        let d = rules.dateline(line);
        assert_eq!(
            d.as_ref().and_then(|d| d.agency.as_deref()),
            Some("Harbour Times")
        );
        assert_eq!(d.map(|d| &line[d.body..d.body + 3]), Some("The"));
        let line = "ST. LOUIS, Missouri (KSDK) — Voters approved the measure on Tuesday night.";
        assert_eq!(
            rules.dateline(line).and_then(|d| d.agency),
            Some("KSDK".to_string())
        );
        // Without a place, only a known agency opens a dateline.
        assert_eq!(
            rules.dateline("(Harbour Times) - The council approved the plan on Tuesday."),
            None
        );
        assert_eq!(
            rules.dateline("Apple (Nasdaq) - Shares rose after the results on Thursday."),
            None
        );
        assert_eq!(
            rules.dateline("ROTTERDAM (the port city) - The council met on Tuesday."),
            None
        );
    }
}
