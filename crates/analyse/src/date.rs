//! Calendar dates without a time zone: parsing the record's ISO dates, weekday and month
//! arithmetic for resolving relative dates. A day count keeps comparisons and windows trivial.

use serde::{Serialize, Serializer};
use std::fmt;

/// A civil date, stored as days since 1970-01-01. Ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i32,
}

/// How precisely a date is known: a resolved "last week" is a week, "in July" a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date {
            days: era * 146_097 + doe - 719_468,
        })
    }

    /// Parses the date part of an ISO 8601 string (`2022-01-30`, `2022-01-27T20:06:00+05:30`).
    /// The local date is kept as written: a publication date means the outlet's day.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let head = text.trim().get(..10)?;
        let mut parts = head.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::from_ymd(year, month, day)
    }

    /// Year, month (1–12), day.
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn num_days(self) -> i32 {
        self.days
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i32) -> Date {
        Date {
            days: self.days.saturating_add(n),
        }
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3 when Monday is 0).
        (self.days + 3).rem_euclid(7) as u32
    }

    /// The first day of the month `n` months after this date's month.
    pub fn add_months(self, n: i32) -> Date {
        let (y, m, _) = self.ymd();
        let total = y * 12 + (m as i32 - 1) + n;
        let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        Date::from_ymd(year, month, 1).unwrap_or(self)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
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
        let t = Date::parse_iso("2022-01-27T20:06:00+05:30").expect("date");
        assert_eq!(t.to_string(), "2022-01-27");
        assert_eq!(
            Date::parse_iso("1999-12-31").map(|d| d.add_days(1).to_string()),
            Some("2000-01-01".into())
        );
        assert_eq!(Date::parse_iso("2024-02-29").map(|d| d.weekday()), Some(3));
    }

    #[test]
    fn rejects_bad_dates() {
        assert!(Date::parse_iso("2022-02-30").is_none());
        assert!(Date::parse_iso("yesterday").is_none());
        assert!(Date::parse_iso("").is_none());
        assert!(Date::parse_iso("2022-1").is_none());
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let d = Date::parse_iso("2021-12-13").expect("date");
        assert_eq!(d.add_months(1).to_string(), "2022-01-01");
        assert_eq!(d.add_months(-12).to_string(), "2020-12-01");
    }
}
