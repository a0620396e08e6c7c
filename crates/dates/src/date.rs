//! Calendar dates without a time zone, on `chrono`: the record's ISO dates, weekday and month
//! arithmetic for resolving relative dates, English month and weekday names.

use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A civil date. Ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

/// How precisely a date is known: a resolved "last week" is a week, "in July" a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// The exact day.
    Day,
    /// Some day of the week starting on the date.
    Week,
    /// Some day of the month starting on the date.
    Month,
    /// Some day of the year starting on the date.
    Year,
}

impl Date {
    /// The date of a year, month (1–12) and day (1–31), when it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// Parses the date part of an ISO 8601 string (`2022-01-30`, `2022-01-27T20:06:00+05:30`).
    /// The local date is kept as written: a publication date means the outlet's day.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let head = text.trim().get(..10)?;
        NaiveDate::parse_from_str(head, "%Y-%m-%d").ok().map(Date)
    }

    /// Year, month (1–12), day.
    pub fn ymd(self) -> (i32, u32, u32) {
        (self.0.year(), self.0.month(), self.0.day())
    }

    /// Days since 1970-01-01 (negative before).
    pub fn num_days(self) -> i32 {
        (self.0 - NaiveDate::default()).num_days() as i32
    }

    /// The date `n` days later (earlier when negative); the same date past chrono's range.
    pub fn add_days(self, n: i32) -> Date {
        let days = Days::new(u64::from(n.unsigned_abs()));
        let moved = if n >= 0 {
            self.0.checked_add_days(days)
        } else {
            self.0.checked_sub_days(days)
        };
        Date(moved.unwrap_or(self.0))
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        self.0.weekday().num_days_from_monday()
    }

    /// The first day of the month `n` months after this date's month.
    pub fn add_months(self, n: i32) -> Date {
        let first = self.0.with_day(1).unwrap_or(self.0);
        let months = Months::new(n.unsigned_abs());
        let moved = if n >= 0 {
            first.checked_add_months(months)
        } else {
            first.checked_sub_months(months)
        };
        Date(moved.unwrap_or(first))
    }
}

/// English month names and their abbreviations as a regular-expression alternation ("jan",
/// "january", "sept", "september", …), without a group or a final full stop: for patterns
/// compiled case-insensitively; [`month_number`] reads what it matches.
pub const MONTH_NAMES: &str = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

/// The month (1–12) an English month name or its abbreviation names ("Jan", "sept.",
/// "December"), case-insensitively.
pub fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.');
    let head = name.get(..3)?;
    let month: chrono::Month = head.parse().ok()?;
    // The rest of the word must continue the month's own name ("Marching" is no month).
    let full = month.name();
    let rest_ok = name.len() <= full.len() && full[..name.len()].eq_ignore_ascii_case(name);
    let sept = name.eq_ignore_ascii_case("sept");
    (rest_ok || sept).then(|| month.number_from_month())
}

/// The weekday (0 = Monday … 6 = Sunday) an English weekday name or its abbreviation names,
/// case-insensitively.
pub fn weekday_number(name: &str) -> Option<u32> {
    let day: chrono::Weekday = name.trim_end_matches('.').parse().ok()?;
    Some(day.num_days_from_monday())
}

/// Whether `name` is an English month's full name or its usual abbreviation (three letters or
/// "sept", with or without a final full stop), case-insensitively: stricter than
/// [`month_number`], which also reads other prefixes ("Marc").
pub fn is_month_name(name: &str) -> bool {
    let name = name.trim_end_matches('.');
    month_number(name).is_some_and(|m| {
        let full = chrono::Month::try_from(m as u8).map_or("", |m| m.name());
        name.len() == 3 || name.eq_ignore_ascii_case("sept") || name.len() == full.len()
    })
}

/// Whether `name` is an English weekday's full name ("Monday"), case-insensitively; unlike
/// [`weekday_number`], abbreviations ("sat", "sun") are not read, as they are common words.
pub fn is_weekday_name(name: &str) -> bool {
    name.len() >= 6 && weekday_number(name).is_some() && !name.ends_with('.')
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Reads what [`Serialize`] writes: `YYYY-MM-DD`.
impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a YYYY-MM-DD date: {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        let d = Date::parse_iso("2022-01-30").expect("date");
        assert_eq!(d.to_string(), "2022-01-30");
        assert_eq!(d.weekday(), 6, "30 January 2022 was a Sunday");
        let json = serde_json::to_string(&d).expect("json");
        assert_eq!(json, "\"2022-01-30\"");
        assert_eq!(serde_json::from_str::<Date>(&json).expect("back"), d);
        assert!(serde_json::from_str::<Date>("\"30/01/2022\"").is_err());
        let t = Date::parse_iso("2022-01-27T20:06:00+05:30").expect("date");
        assert_eq!(t.to_string(), "2022-01-27");
        assert_eq!(
            Date::parse_iso("1999-12-31").map(|d| d.add_days(1).to_string()),
            Some("2000-01-01".into())
        );
        assert_eq!(Date::parse_iso("2024-02-29").map(|d| d.weekday()), Some(3));
        assert_eq!(Date::parse_iso("1970-01-02").map(Date::num_days), Some(1));
        assert_eq!(Date::parse_iso("1969-12-31").map(Date::num_days), Some(-1));
        assert_eq!(d.add_days(-30).to_string(), "2021-12-31");
        assert_eq!(serde_json::to_string(&d).expect("json"), "\"2022-01-30\"");
    }

    #[test]
    fn rejects_bad_dates() {
        assert!(Date::parse_iso("2022-02-30").is_none());
        assert!(Date::parse_iso("yesterday").is_none());
        assert!(Date::parse_iso("").is_none());
        assert!(Date::parse_iso("2022-1").is_none());
        assert!(Date::from_ymd(2022, 13, 1).is_none());
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let d = Date::parse_iso("2021-12-13").expect("date");
        assert_eq!(d.add_months(1).to_string(), "2022-01-01");
        assert_eq!(d.add_months(-12).to_string(), "2020-12-01");
    }

    #[test]
    fn month_pattern_matches_only_what_month_number_reads() {
        let re = regex::Regex::new(&format!("(?i)^(?:{MONTH_NAMES})$")).expect("pattern");
        for name in ["jan", "January", "SEPT", "sep", "June", "jul", "december"] {
            assert!(re.is_match(name), "{name}");
            assert!(month_number(name).is_some(), "{name}");
        }
        assert!(!re.is_match("marching"));
        assert!(!re.is_match("ja"));
    }

    #[test]
    fn strict_month_and_weekday_names() {
        for m in ["January", "sept", "Sept.", "dec", "MAY", "june"] {
            assert!(is_month_name(m), "{m}");
        }
        for w in ["Marc", "janu", "mayo", "juni", "d"] {
            assert!(!is_month_name(w), "{w}");
        }
        assert!(is_weekday_name("friday") && is_weekday_name("Wednesday"));
        assert!(!is_weekday_name("sat") && !is_weekday_name("sun") && !is_weekday_name("mon."));
    }

    #[test]
    fn names_months_and_weekdays() {
        assert_eq!(month_number("January"), Some(1));
        assert_eq!(month_number("sept."), Some(9));
        assert_eq!(month_number("Sep"), Some(9));
        assert_eq!(month_number("dec"), Some(12));
        assert_eq!(month_number("Marching"), None);
        assert_eq!(month_number("Ma"), None);
        assert_eq!(weekday_number("Sunday"), Some(6));
        assert_eq!(weekday_number("mon"), Some(0));
        assert_eq!(weekday_number("Sundays"), None);
    }
}
