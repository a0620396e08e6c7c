//! Wire datelines that open the first paragraph: "KYIV, Jan 30 (Reuters) - …",
//! "BERLIN (dpa) — …", "WASHINGTON — …". The dateline is cut from the body; the agency in
//! brackets names the outlet when nothing better does.

use regex::Regex;

use crate::furniture::re;

/// Wire dateline pattern.
#[derive(Debug, Clone)]
pub struct AgencyRules {
    /// Place in capitals, optional region and date, optional agency, then a dash.
    dateline: Regex,
}

/// A wire dateline at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireDateline {
    /// Byte offset in the line where the body starts.
    pub body: usize,
    /// The agency in brackets, if any.
    pub agency: Option<String>,
}

impl AgencyRules {
    /// Compiles the pattern.
    pub fn new() -> AgencyRules {
        let agency = r"Reuters|AP|AFP|Bloomberg|dpa|DPA|PTI|ANI|IANS|UPI|Xinhua|TASS|EFE|ANSA|Kyodo|Yonhap|Anadolu|AA|CNN|Sputnik|RIA Novosti|Interfax|IRNA|WAFA";
        AgencyRules {
            dateline: Regex::new(&format!(
                r"^(?:((?:\p{{Lu}}[\p{{Lu}}'.-]+)(?:[ /]\p{{Lu}}[\p{{Lu}}'.-]+)*)(?:,\s*\p{{Lu}}[\w.'-]+(?:\s\p{{Lu}}[\w.'-]+)*)?(?:,\s*\p{{Lu}}[a-z]{{2,8}}\.?\s+\d{{1,2}})?\s*)?(?:\(({agency})\))?\s*(-|–|—|--)\s+"
            ))
            .unwrap_or_else(|_| re("$^")),
        }
    }

    /// Reads a wire dateline at the start of `text`: with an agency in brackets, or a place of
    /// five capitals or more before a long dash (so "NATO - …" in prose is not one).
    pub fn dateline(&self, text: &str) -> Option<WireDateline> {
        let c = self.dateline.captures(text)?;
        let end = c.get(0)?.end();
        let agency = c.get(2).map(|m| m.as_str().to_string());
        // The place may be missing when the agency is there: "(Reuters) - …".
        let place = c.get(1).map_or("", |m| m.as_str());
        let long_dash = matches!(c.get(3)?.as_str(), "—" | "--");
        let letters = place.chars().filter(|c| c.is_alphabetic()).count();
        let body = text.get(end..)?;
        let starts = body
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || "\"“'‘".contains(c));
        let wire = agency.is_some() || (long_dash && letters >= 5);
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
}
