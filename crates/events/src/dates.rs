//! Event dates: a weekday, "today", "yesterday", "tomorrow" or "March 3" in the sentence,
//! resolved against the publication date; else the publication date itself.

use crate::words::Word;

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// Parses the `YYYY-MM-DD` prefix of an ISO date or timestamp.
fn parse_ymd(s: &str) -> Option<(i64, i64, i64)> {
    let y = s.get(0..4)?.parse().ok()?;
    let m = s.get(5..7)?.parse().ok()?;
    let d = s.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

fn fmt(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The event date of a sentence published on `published`; `future` prefers the next
/// matching weekday over the last one ("will meet on Friday").
pub(crate) fn event_date(
    words: &[Word<'_>],
    published: Option<&str>,
    future: bool,
) -> Option<String> {
    let (y, m, d) = parse_ymd(published?)?;
    let pub_days = days_from_civil(y, m, d);
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    let pub_wd = (pub_days + 3).rem_euclid(7);
    for (i, w) in words.iter().enumerate() {
        if let Some(wd) = WEEKDAYS.iter().position(|x| *x == w.base) {
            let wd = wd as i64;
            let delta = if future {
                (wd - pub_wd).rem_euclid(7)
            } else {
                -(pub_wd - wd).rem_euclid(7)
            };
            return Some(fmt(pub_days + delta));
        }
        let shift = match w.lower.as_str() {
            "today" | "tonight" => Some(0),
            "yesterday" => Some(-1),
            "tomorrow" => Some(1),
            _ => None,
        };
        if let Some(s) = shift {
            return Some(fmt(pub_days + s));
        }
        if let Some(mi) = MONTHS.iter().position(|x| *x == w.text) {
            let day = words
                .get(i + 1)
                .and_then(|n| n.text.parse::<i64>().ok())
                .or_else(|| i.checked_sub(1).and_then(|p| words[p].text.parse().ok()));
            if let Some(day) = day.filter(|d| (1..=31).contains(d)) {
                let mo = mi as i64 + 1;
                let mut days = days_from_civil(y, mo, day);
                if days > pub_days + 31 && !future {
                    days = days_from_civil(y - 1, mo, day);
                }
                return Some(fmt(days));
            }
        }
    }
    Some(fmt(pub_days))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words_of;

    fn date(text: &str, published: &str, future: bool) -> Option<String> {
        event_date(&words_of(text, 0, text.len()), Some(published), future)
    }

    #[test]
    fn resolves_weekdays_against_publication() {
        // 2022-01-30 was a Sunday.
        assert_eq!(
            date("Fans rioted on Friday.", "2022-01-30", false).as_deref(),
            Some("2022-01-28")
        );
        assert_eq!(
            date("The club will meet on Tuesday.", "2022-01-30", true).as_deref(),
            Some("2022-02-01")
        );
        assert_eq!(
            date("Rain fell on Sunday.", "2022-01-30T10:00Z", false).as_deref(),
            Some("2022-01-30")
        );
    }

    #[test]
    fn relative_and_calendar_dates() {
        assert_eq!(
            date("It opened yesterday.", "2021-03-01", false).as_deref(),
            Some("2021-02-28")
        );
        assert_eq!(
            date("Talks began on March 3.", "2021-03-10", false).as_deref(),
            Some("2021-03-03")
        );
        assert_eq!(
            date("Talks began on 29 December.", "2021-01-05", false).as_deref(),
            Some("2020-12-29")
        );
        assert_eq!(
            date("No date here.", "2021-01-05", false).as_deref(),
            Some("2021-01-05")
        );
        assert_eq!(date("No date.", "garbage", false), None);
    }
}
