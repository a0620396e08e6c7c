//! Relative dates resolved against the publication date: "on Friday", "last week",
//! "next month", "on December 13", "in July", "three days ago".
//!
//! Weekdays point back to the most recent such day (the day itself included, as "on Sunday"
//! in a Sunday paper means that day) unless the sentence speaks of the future ("will",
//! "is set to", "next"). A day and month without a year take the year that puts the date
//! closest to publication ("December 13" in late January is last December).

use regex::Regex;

use crate::date::{month_number, weekday_number, Date, Precision};

/// A date found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The date (first day of the week, month or year for coarser precisions).
    pub date: Date,
    /// How precise it is.
    pub precision: Precision,
    /// The words it was resolved from ("last week").
    pub expression: String,
}

/// The day a deictic day word points to, in days from the day it is written: "today" and
/// "tonight" 0, "yesterday" −1, "tomorrow" 1; in any case.
///
/// ```
/// assert_eq!(storyline_dates::day_offset("Yesterday"), Some(-1));
/// assert_eq!(storyline_dates::day_offset("Friday"), None);
/// ```
pub fn day_offset(word: &str) -> Option<i32> {
    match word.to_ascii_lowercase().as_str() {
        "today" | "tonight" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    }
}

/// Finds and resolves date expressions; build once, use for every sentence.
#[derive(Debug, Clone)]
pub struct DateResolver {
    /// `None` only if a pattern failed to compile (a bug the tests catch): then nothing resolves.
    expr: Option<Regex>,
    future: Option<Regex>,
}

impl Default for DateResolver {
    fn default() -> DateResolver {
        DateResolver::new()
    }
}

impl DateResolver {
    /// Compiles the patterns.
    pub fn new() -> DateResolver {
        let month = r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";
        let pattern = format!(
            r"(?i)\b(?:(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)? (?P<dm_month>{month})|(?P<md_month>{month}) (?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?)\b(?:,? (?P<year>(?:19|20)\d\d))?|\b(?P<rel>today|tonight|yesterday|tomorrow)\b|\b(?P<which>last|this|next|earlier this|later this) (?P<unit>week|month|year)\b|\b(?P<ago>\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?P<ago_unit>days?|weeks?|months?|years?) ago\b|\b(?P<wd_mod>last |next |this |on |late on |early )?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bin (?P<in_month>{month})\b(?: (?P<in_year>(?:19|20)\d\d))?|\bin (?P<only_year>(?:19|20)\d\d)\b"
        );
        let expr = Regex::new(&pattern).ok();
        let future = Regex::new(r"(?i)\b(will|is set to|are set to|plans? to|scheduled|is expected to|are expected to|next|upcoming|planned)\b").ok();
        DateResolver { expr, future }
    }

    /// The first date expression of `sentence`, resolved against `published`.
    pub fn resolve(&self, sentence: &str, published: Date) -> Option<Resolved> {
        let future = self.future.as_ref().is_some_and(|f| f.is_match(sentence));
        let expr = self.expr.as_ref()?;
        for caps in expr.captures_iter(sentence) {
            let whole = caps.get(0).map_or("", |m| m.as_str()).trim().to_string();
            let resolved = if let Some(m) = caps.name("dm_month").or_else(|| caps.name("md_month"))
            {
                let day = caps
                    .name("dm_day")
                    .or_else(|| caps.name("md_day"))
                    .and_then(|d| d.as_str().parse().ok());
                let month = month_number(m.as_str());
                let year = caps.name("year").and_then(|y| y.as_str().parse().ok());
                day.zip(month)
                    .and_then(|(d, m)| day_month(published, year, m, d))
                    .map(|d| (d, Precision::Day))
            } else if let Some(r) = caps.name("rel") {
                day_offset(r.as_str()).map(|offset| (published.add_days(offset), Precision::Day))
            } else if let (Some(w), Some(u)) = (caps.name("which"), caps.name("unit")) {
                let step = match w.as_str().to_lowercase().as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                Some(unit_shift(published, &u.as_str().to_lowercase(), step))
            } else if let (Some(n), Some(u)) = (caps.name("ago"), caps.name("ago_unit")) {
                let n = number(n.as_str());
                let unit = u.as_str().to_lowercase();
                Some(match unit.trim_end_matches('s') {
                    "day" => (published.add_days(-n), Precision::Day),
                    "week" => (published.add_days(-7 * n), Precision::Week),
                    "month" => (published.add_months(-n), Precision::Month),
                    _ => (published.add_months(-12 * n), Precision::Year),
                })
            } else if let Some(wd) = caps.name("weekday") {
                let target = weekday_number(wd.as_str()).unwrap_or(0) as i32;
                let modifier = caps
                    .name("wd_mod")
                    .map(|m| m.as_str().trim().to_lowercase())
                    .unwrap_or_default();
                // A bare weekday before a capitalised word is part of a name ("Sunday Times").
                let after = sentence.get(wd.end()..).unwrap_or("");
                if modifier.is_empty()
                    && after
                        .strip_prefix(' ')
                        .and_then(|r| r.chars().next())
                        .is_some_and(char::is_uppercase)
                {
                    continue;
                }
                let today = published.weekday() as i32;
                let back = (today - target).rem_euclid(7);
                let date = match modifier.as_str() {
                    "next" => published.add_days(match (target - today).rem_euclid(7) {
                        0 => 7,
                        d => d,
                    }),
                    "last" => published.add_days(-(if back == 0 { 7 } else { back })),
                    _ if future => published.add_days((target - today).rem_euclid(7)),
                    _ => published.add_days(-back),
                };
                Some((date, Precision::Day))
            } else if let Some(m) = caps.name("in_month") {
                let year = caps.name("in_year").and_then(|y| y.as_str().parse().ok());
                month_number(m.as_str())
                    .and_then(|m| day_month(published, year, m, 1))
                    .map(|d| (d, Precision::Month))
            } else if let Some(y) = caps.name("only_year") {
                y.as_str()
                    .parse()
                    .ok()
                    .and_then(|y| Date::from_ymd(y, 1, 1))
                    .map(|d| (d, Precision::Year))
            } else {
                None
            };
            if let Some((date, precision)) = resolved {
                return Some(Resolved {
                    date,
                    precision,
                    expression: whole,
                });
            }
        }
        None
    }
}

/// A count written in digits or as a number word ("three days ago"); 0 when neither.
fn number(word: &str) -> i32 {
    let lower = word.to_lowercase();
    storyline_lexicon::cardinal(&lower).map_or_else(|| lower.parse().unwrap_or(0), |v| v as i32)
}

/// A day and month; without a year, the year putting it closest to `published`.
fn day_month(published: Date, year: Option<i32>, month: u32, day: u32) -> Option<Date> {
    if let Some(y) = year {
        return Date::from_ymd(y, month, day);
    }
    let (py, _, _) = published.ymd();
    [py - 1, py, py + 1]
        .iter()
        .filter_map(|&y| Date::from_ymd(y, month, day))
        .min_by_key(|d| (d.num_days() - published.num_days()).abs())
}

/// "last/this/next week|month|year": the first day of that unit.
fn unit_shift(published: Date, unit: &str, step: i32) -> (Date, Precision) {
    match unit {
        "week" => (
            published.add_days(7 * step - published.weekday() as i32),
            Precision::Week,
        ),
        "month" => (published.add_months(step), Precision::Month),
        _ => (
            published.add_months(12 * step - (published.ymd().1 as i32 - 1)),
            Precision::Year,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(pub_date: &str, sentence: &str) -> Option<(String, Precision)> {
        let d = Date::parse_iso(pub_date)?;
        DateResolver::new()
            .resolve(sentence, d)
            .map(|r| (r.date.to_string(), r.precision))
    }

    #[test]
    fn patterns_compile() {
        let r = DateResolver::new();
        assert!(r.expr.is_some() && r.future.is_some());
    }

    #[test]
    fn weekdays_point_back_unless_future() {
        // 2024-03-08 was a Friday.
        assert_eq!(
            at("2024-03-08", "The minister resigned on Tuesday."),
            Some(("2024-03-05".into(), Precision::Day))
        );
        assert_eq!(
            at("2024-03-08", "The striker scored on Friday."),
            Some(("2024-03-08".into(), Precision::Day))
        );
        assert_eq!(
            at("2024-03-08", "The council will vote on Monday."),
            Some(("2024-03-11".into(), Precision::Day))
        );
        assert_eq!(
            at("2024-03-08", "Shares fell last Friday."),
            Some(("2024-03-01".into(), Precision::Day))
        );
        assert_eq!(
            at("2024-03-08", "She told the Sunday Times it was over."),
            None
        );
    }

    #[test]
    fn weeks_months_and_days_of_months() {
        assert_eq!(
            at("2024-03-08", "Prices rose last week."),
            Some(("2024-02-26".into(), Precision::Week))
        );
        assert_eq!(
            at("2024-03-08", "The trial opens next month."),
            Some(("2024-04-01".into(), Precision::Month))
        );
        assert_eq!(
            at("2022-01-27", "On December 13, the mayor spoke."),
            Some(("2021-12-13".into(), Precision::Day))
        );
        assert_eq!(
            at("2022-02-07", "The visit is planned for 10 February."),
            Some(("2022-02-10".into(), Precision::Day))
        );
        assert_eq!(
            at("2014-08-07", "The standoff escalated in July."),
            Some(("2014-07-01".into(), Precision::Month))
        );
        assert_eq!(
            at("2024-03-08", "The lab opened three years ago."),
            Some(("2021-03-01".into(), Precision::Year))
        );
        assert_eq!(at("2024-03-08", "Nothing to see here."), None);
    }
}
