//! Dates in the lines of a page's text, in the forms news pages use ("January 30, 2022", "30 January 2022",
//! "Jan. 30, 2022", "Updated: Jan 27, 2022, 08:06 PM IST", "2022-02-07T12:31+0000",
//! "12:31 GMT 07.02.2022", "2022/01/30"), validated with chrono and written as ISO 8601.

use chrono::NaiveDate;
use regex::Regex;

use crate::date::{month_number, MONTH_NAMES};
use crate::zone::{offset_suffix, zone_offset};

/// One date found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// ISO 8601: the date alone, or date, time and offset when the page gives all three.
    pub iso: String,
    /// Whether a label marks it as an update rather than the publication.
    pub updated: bool,
    /// Byte range in the line of the whole group: label, weekday, time, date, zone.
    pub start: usize,
    /// End of that range.
    pub end: usize,
}

/// How a line holds dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateLine {
    /// The whole line is a dateline (dates, labels, at most a place name).
    Whole(Vec<FoundDate>),
    /// The whole line is a place in capitals and its date, as wire copy opens
    /// ("LONDON 1996-08-31", "WIGAN, England 1996-08-31"): a dateline that names a place.
    Place(Vec<FoundDate>),
    /// The line opens with a dateline, then the body starts at this byte offset.
    Prefix(Vec<FoundDate>, usize),
}

/// Hour, minute, second and offset in minutes east of UTC, when the page gives them.
type Clock = (u32, u32, u32, Option<i32>);
/// A date match: its byte range in the line, the date, and a time read inside it.
type Core = (usize, usize, NaiveDate, Option<Clock>);

/// A zone after a time: a named zone of the lexicon, `GMT+1`, or a numeric offset.
fn zone_pattern() -> String {
    let names = storyline_lexicon::time_zone_names().join("|");
    format!(
        r"(?:\(?\s*((?:gmt|utc)\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?|{names}|[+-]\d{{2}}:?\d{{2}})\s*\)?)"
    )
}

/// Date patterns, compiled once.
#[derive(Debug, Clone)]
pub struct DateRules {
    /// ISO dates with optional time and offset.
    iso: Regex,
    /// "January 30, 2022".
    month_first: Regex,
    /// "30 January 2022".
    day_first: Regex,
    /// "07.02.2022" (day first, as European pages write it).
    dotted: Regex,
    /// "2022/01/30".
    ymd_slash: Regex,
    /// "30/01/2022" or "01/30/2022", used only when unambiguous.
    dmy_slash: Regex,
    /// A time (and zone) right after a date.
    time_after: Regex,
    /// A time (and zone) right before a date.
    time_before: Regex,
    /// Labels, weekdays and relative-time words that may surround a date on a dateline.
    label_word: Regex,
    /// An update label just before a date group.
    updated: Regex,
    /// A clock time anywhere on a dateline ("12:21 AM", "1:16pm"), besides the one read with
    /// the date: not a word of the line's residue.
    clock: Regex,
}

impl DateRules {
    /// Compiles the patterns.
    pub fn new() -> DateRules {
        let zone = zone_pattern();
        DateRules {
            iso: re(
                r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(z|[+-]\d{2}:?\d{2})?)?",
            ),
            month_first: re(&format!(
                r"\b({MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
            )),
            day_first: re(&format!(
                r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_NAMES})\.?,?\s+(\d{{4}})\b"
            )),
            dotted: re(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"),
            ymd_slash: re(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b"),
            dmy_slash: re(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"),
            time_after: re(&format!(
                r"^\s*(?:,|at|-|–|\||/)?\s*(\d{{1,2}}):(\d{{2}})(?::(\d{{2}}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*{zone}?"
            )),
            time_before: re(&format!(
                r"(\d{{1,2}}):(\d{{2}})(?::(\d{{2}}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*{zone}?\s*(?:,|on|-|–|\|)?\s*$"
            )),
            label_word: re(
                r"^(?:published|updated|last|posted|first|on|at|modified|date|time|created|issued|uploaded|edited|am|pm|ago|hours?|hrs?|minutes?|mins?|days?|read|and|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)$",
            ),
            updated: re(r"(?:updated|modified|edited|amended)\W{0,4}$"),
            clock: re(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?"),
        }
    }

    /// Every date in `text`, in order, with its surrounding time and zone.
    pub fn find(&self, text: &str) -> Vec<FoundDate> {
        // Every supported form holds a four-digit year: skip the regexes without one.
        let has_year = text
            .as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_digit));
        if !has_year {
            return Vec::new();
        }
        let mut cores: Vec<Core> = Vec::new();
        for c in self.iso.captures_iter(text) {
            let (Some(m), Some(date)) = (c.get(0), ymd(&c, 1, 2, 3)) else {
                continue;
            };
            let time = c.get(4).zip(c.get(5)).and_then(|(h, mi)| {
                let s = c.get(6).map_or(Some(0), |s| s.as_str().parse().ok())?;
                Some((
                    h.as_str().parse().ok()?,
                    mi.as_str().parse().ok()?,
                    s,
                    c.get(7).and_then(|z| zone_offset(z.as_str())),
                ))
            });
            cores.push((m.start(), m.end(), date, time));
        }
        let named = [(&self.month_first, 2, 1, 3), (&self.day_first, 1, 2, 3)];
        for (regex, d, mo, y) in named {
            for c in regex.captures_iter(text) {
                let month = c.get(mo).and_then(|m| month_number(m.as_str()));
                let day = c.get(d).and_then(|m| m.as_str().parse().ok());
                let year = c.get(y).and_then(|m| m.as_str().parse().ok());
                if let (Some(m), Some(date)) = (c.get(0), valid(year, month, day)) {
                    cores.push((m.start(), m.end(), date, None));
                }
            }
        }
        for c in self.dotted.captures_iter(text) {
            if let (Some(m), Some(date)) = (c.get(0), ymd(&c, 3, 2, 1)) {
                cores.push((m.start(), m.end(), date, None));
            }
        }
        for c in self.ymd_slash.captures_iter(text) {
            if let (Some(m), Some(date)) = (c.get(0), ymd(&c, 1, 2, 3)) {
                cores.push((m.start(), m.end(), date, None));
            }
        }
        for c in self.dmy_slash.captures_iter(text) {
            let a: u32 = c.get(1).and_then(|m| m.as_str().parse().ok()).unwrap_or(0);
            let b: u32 = c.get(2).and_then(|m| m.as_str().parse().ok()).unwrap_or(0);
            // Day and month are told apart only when one of them exceeds 12: never guess.
            let (d, mo) = match (a > 12, b > 12) {
                (true, false) => (1, 2),
                (false, true) => (2, 1),
                _ => continue,
            };
            if let (Some(m), Some(date)) = (c.get(0), ymd(&c, 3, mo, d)) {
                cores.push((m.start(), m.end(), date, None));
            }
        }
        cores.sort_by_key(|c| c.0);
        cores.dedup_by(|b, a| b.0 < a.1);
        let mut out = Vec::with_capacity(cores.len());
        let mut prev_end = 0;
        for (start, end, date, time) in cores {
            let (mut s, mut e, mut time) = (start, end, time);
            if time.is_none() {
                if let Some(c) = text.get(end..).and_then(|t| self.time_after.captures(t)) {
                    if let Some(t) = clock(&c) {
                        time = Some(t);
                        e = end + c.get(0).map_or(0, |m| m.end());
                    }
                }
            }
            let before = text.get(prev_end..s).unwrap_or("");
            if let Some(c) = self.time_before.captures(before) {
                if let (Some(m), Some(t)) = (c.get(0), clock(&c)) {
                    if time.is_none() || time.is_some_and(|t| t.3.is_none()) {
                        time = Some(t);
                    }
                    s = prev_end + m.start();
                }
            }
            let updated = self.updated.is_match(text.get(prev_end..s).unwrap_or(""));
            out.push(FoundDate {
                iso: iso(date, time),
                updated,
                start: s,
                end: e,
            });
            prev_end = e;
        }
        out
    }

    /// Whether a word left on a dateline beside its dates says nothing against it: a label
    /// or weekday, a time zone, or a small number (of "14 hours ago", a list number: "1.
    /// Wednesday 20 Nov 2019").
    fn noise(&self, w: &str) -> bool {
        self.label_word.is_match(w)
            || (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
            || (w.len() <= 4
                && w.bytes().all(|b| b.is_ascii_uppercase())
                && zone_offset(w).is_some())
    }

    /// Whether the line is a dateline (whole, or as the opening of a body line).
    pub fn dateline(&self, text: &str) -> Option<DateLine> {
        let found = self.find(text);
        let first = found.first()?;
        let mut residue = String::with_capacity(text.len());
        let mut at = 0;
        for f in &found {
            residue.push_str(text.get(at..f.start).unwrap_or(""));
            residue.push(' ');
            at = f.end;
        }
        let tail = text.get(at..).unwrap_or("");
        residue.push_str(tail);
        let residue = self.clock.replace_all(&residue, " ");
        let mut rest: Vec<&str> = residue
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !self.noise(w))
            .collect();
        // A byline after the date ("… 7:45 am PST by Joe Rossignol") or before it ("By
        // Sherif Saed, Wednesday, 20 November 2019"), with nothing else beside the dates
        // ("Signed by President Obama on …" is a sentence).
        let upper = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        if rest.first().is_some_and(|w| w.eq_ignore_ascii_case("by"))
            && (2..=5).contains(&rest.len())
            && rest[1..].iter().all(upper)
        {
            rest.clear();
        }
        let capitalised = rest.iter().all(upper);
        // A place in capitals opening the line, maybe with its region, then only dates.
        let head: Vec<&str> = text
            .get(..first.start)
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !self.noise(w))
            .collect();
        let caps = |w: &str| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        };
        if capitalised
            && !head.is_empty()
            && head.len() == rest.len()
            && rest.len() <= 4
            && head.first().is_some_and(|w| caps(w) && w.len() >= 3)
        {
            return Some(DateLine::Place(found));
        }
        // A place name or two may precede the date ("London", "LondonUpdated:").
        if rest.len() <= 2 && capitalised {
            return Some(DateLine::Whole(found));
        }
        if first.start > 0 {
            return None;
        }
        // The line opens with a date group, maybe "(Updated: …)", then the body starts.
        let mut end = first.end;
        let mut dates = vec![first.clone()];
        for f in found.iter().skip(1) {
            let gap = text.get(end..f.start).unwrap_or("x");
            if gap.chars().all(|c| !c.is_alphanumeric()) || self.updated.is_match(gap) {
                end = f.end;
                dates.push(f.clone());
            }
        }
        let after = text.get(end..).unwrap_or("");
        let skip = after.len()
            - after
                .trim_start_matches(|c: char| {
                    c == ')'
                        || c.is_whitespace()
                        || c == ','
                        || c == '-'
                        || c == '–'
                        || c == '—'
                        || c == '|'
                })
                .len();
        let body = after.get(skip..).unwrap_or("");
        let starts_upper = body
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '\''));
        (starts_upper && body.split_whitespace().count() >= 6)
            .then_some(DateLine::Prefix(dates, end + skip))
    }
}

impl Default for DateRules {
    fn default() -> Self {
        DateRules::new()
    }
}

/// Compiles one case-insensitive pattern with ASCII-only word boundaries (a Unicode `\\b`
/// forces the slow regex engine on any line with a non-ASCII character). The patterns are
/// constants of this module, so a failure is a bug the tests catch, and matches nothing.
fn re(pattern: &str) -> Regex {
    Regex::new(&format!("(?i){}", pattern.replace(r"\b", r"(?-u:\b)")))
        .unwrap_or_else(|_| Regex::new("$^").unwrap_or_else(|_| unreachable!()))
}

/// A validated date from three numeric groups.
fn ymd(c: &regex::Captures<'_>, y: usize, m: usize, d: usize) -> Option<NaiveDate> {
    let n = |i: usize| c.get(i).and_then(|g| g.as_str().parse::<u32>().ok());
    valid(n(y).map(|y| y as i32), n(m), n(d))
}

/// A date when it exists and is a plausible publication year.
fn valid(y: Option<i32>, m: Option<u32>, d: Option<u32>) -> Option<NaiveDate> {
    let (y, m, d) = (y?, m?, d?);
    if !(1990..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Hour, minute, second and offset (minutes east of UTC) from a time match.
fn clock(c: &regex::Captures<'_>) -> Option<Clock> {
    let mut h: u32 = c.get(1)?.as_str().parse().ok()?;
    let m: u32 = c.get(2)?.as_str().parse().ok()?;
    let s: u32 = c.get(3).map_or(Some(0), |s| s.as_str().parse().ok())?;
    if let Some(ampm) = c.get(4) {
        let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
        if h == 0 || h > 12 {
            return None;
        }
        h = match (pm, h) {
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, 12) => 0,
            (false, h) => h,
        };
    }
    (h < 24 && m < 60 && s < 60).then_some((
        h,
        m,
        s,
        c.get(5).and_then(|z| zone_offset(z.as_str())),
    ))
}

/// ISO 8601: with time and offset only when both are known.
fn iso(date: NaiveDate, time: Option<Clock>) -> String {
    match time {
        Some((h, m, s, Some(off))) => format!(
            "{}T{h:02}:{m:02}:{s:02}{}",
            date.format("%Y-%m-%d"),
            offset_suffix(off)
        ),
        _ => date.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Option<String> {
        DateRules::new().find(text).first().map(|d| d.iso.clone())
    }

    #[test]
    fn reads_common_forms() {
        assert_eq!(first("March 4, 2023").as_deref(), Some("2023-03-04"));
        assert_eq!(first("Sat 4 March 2023").as_deref(), Some("2023-03-04"));
        assert_eq!(
            first("Published: Sept. 12, 2021").as_deref(),
            Some("2021-09-12")
        );
        assert_eq!(first("2023/03/04").as_deref(), Some("2023-03-04"));
        assert_eq!(first("04.03.2023").as_deref(), Some("2023-03-04"));
        assert_eq!(first("25/12/2022").as_deref(), Some("2022-12-25"));
        assert_eq!(first("05/06/2022"), None);
        assert_eq!(first("February 30, 2022"), None);
    }

    #[test]
    fn keeps_time_and_zone_when_given() {
        assert_eq!(
            first("ManchesterUpdated: Nov 3, 2021, 09:15 PM IST").as_deref(),
            Some("2021-11-03T21:15:00+05:30")
        );
        assert_eq!(
            first("2021-11-03T09:15+0000").as_deref(),
            Some("2021-11-03T09:15:00+00:00")
        );
        assert_eq!(
            first("2021-11-03T09:15:30Z").as_deref(),
            Some("2021-11-03T09:15:30+00:00")
        );
        assert_eq!(
            first("18:45 GMT 03.11.2021").as_deref(),
            Some("2021-11-03T18:45:00+00:00")
        );
        assert_eq!(
            first("Nov 3, 2021 7:02 p.m. EDT").as_deref(),
            Some("2021-11-03T19:02:00-04:00")
        );
        assert_eq!(first("Nov 3, 2021 7:02 pm").as_deref(), Some("2021-11-03"));
    }

    #[test]
    fn tells_datelines_from_body_lines() {
        let rules = DateRules::new();
        assert!(matches!(
            rules.dateline("October 2, 2022"),
            Some(DateLine::Whole(_))
        ));
        assert!(matches!(
            rules.dateline("LeedsUpdated: Oct 2, 2022, 10:06 AM IST"),
            Some(DateLine::Whole(_))
        ));
        assert!(matches!(
            rules.dateline("Last updated on Monday, 3 October 2022 at 10:06 BST"),
            Some(DateLine::Whole(_))
        ));
        for place in [
            "LONDON 1996-08-31",
            "HONG KONG 1996-08-30",
            "WIGAN, England 1996-08-31",
        ] {
            assert!(
                matches!(rules.dateline(place), Some(DateLine::Place(_))),
                "{place}"
            );
        }
        assert!(matches!(
            rules.dateline("UPDATED 2022-10-02"),
            Some(DateLine::Whole(_))
        ));
        // Times, zones, list numbers, relative times and bylines beside the date.
        for line in [
            "By Joseph Tsidulko November 19, 2019, 07:47 PM EST",
            "Monday November 18, 2019 7:45 am PST by Joe Rossignol",
            "November 19, 2019 / 12:21 AM / Updated 14 hours ago",
            "November 18, 2019 -- 19:14 GMT (19:14 GMT)",
            "PUBLISHED:  10:48, Tue, Nov 19, 2019",
            "4:00 am CST, Wednesday, November 20, 2019",
            "1. Wednesday 20 Nov 2019",
        ] {
            assert!(
                matches!(rules.dateline(line), Some(DateLine::Whole(_))),
                "{line}"
            );
        }
        assert_eq!(
            rules.dateline("Signed by President Obama on December 18, 2015"),
            None
        );
        assert_eq!(
            rules.dateline("By March 3, 2020, 14 schools had closed"),
            None
        );
        assert_eq!(
            rules.dateline("The plant closed on October 2, 2022, after a fire damaged the roof."),
            None
        );
        let line = "09:10 GMT 02.10.2022 (Updated: 10:00 GMT 02.10.2022) Shares in the miner rose sharply after the results.";
        match rules.dateline(line) {
            Some(DateLine::Prefix(dates, at)) => {
                assert_eq!(&line[at..at + 6], "Shares");
                assert!(!dates[0].updated);
                assert!(dates[1].updated);
                assert_eq!(dates[0].iso, "2022-10-02T09:10:00+00:00");
            }
            other => panic!("{other:?}"),
        }
    }
}
