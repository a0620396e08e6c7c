//! Dates as page metadata writes them (`<meta>` values, `<time datetime>`, JSON-LD), normalised
//! to `YYYY-MM-DD` or RFC 3339 with a zone.
//!
//! A time is kept only when the page also states its zone: a local time without a zone
//! cannot be placed on the time line, and the record never guesses, so it becomes a date.

use chrono::NaiveDate;

use crate::date::month_number;
use crate::zone::{offset_suffix, zone_offset};

/// Normalises a page date: ISO 8601 (`2019-11-19`, `2019-11-19T10:48:00.000Z`,
/// `2019-11-19 10:48:00 +0000`), compact `20191119`, slashed `2019/11/19`, RFC 2822
/// (`Tue, 19 Nov 2019 10:48:00 GMT`) and written dates (`November 19, 2019`, `19 Nov 2019`).
/// Returns `None` for anything else or for a date not in the calendar.
///
/// ```
/// use storyline_dates::normalise_page_date as n;
/// assert_eq!(n("Tue, 19 Nov 2019 10:48:00 GMT").as_deref(), Some("2019-11-19T10:48:00Z"));
/// assert_eq!(n("2019-02-29"), None);
/// ```
pub fn normalise_page_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    iso(s).or_else(|| written(s))
}

/// A calendar date (year, month, day) before it is checked.
#[derive(Debug, Clone, Copy)]
struct Ymd(u32, u32, u32);

impl Ymd {
    /// The date, when the calendar has it and the year is a plausible page date.
    fn valid(self) -> Option<NaiveDate> {
        let Ymd(y, m, d) = self;
        (1900..=2100)
            .contains(&y)
            .then(|| NaiveDate::from_ymd_opt(y as i32, m, d))?
    }
}

/// `YYYY-MM-DD`.
fn fmt(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Parses `n` ASCII digits at the start of `s`.
fn digits(s: &str, n: usize) -> Option<u32> {
    let d = s.get(..n)?;
    if d.bytes().all(|b| b.is_ascii_digit()) {
        d.parse().ok()
    } else {
        None
    }
}

/// ISO-like forms: the date part, then optionally `T`/space, time, zone.
fn iso(s: &str) -> Option<String> {
    let (date, rest) = if let (Some(y), Some(m), Some(d)) =
        (digits(s, 4), digits(s.get(5..)?, 2), digits(s.get(8..)?, 2))
    {
        let sep = s.as_bytes().get(4).copied();
        if !matches!(sep, Some(b'-' | b'/' | b'.')) || s.as_bytes().get(7).copied() != sep {
            return None;
        }
        (Ymd(y, m, d), s.get(10..)?)
    } else {
        // Compact `20191119`, alone or before `T…`.
        let d = Ymd(
            digits(s, 4)?,
            digits(s.get(4..)?, 2)?,
            digits(s.get(6..)?, 2)?,
        );
        let rest = s.get(8..)?;
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        (d, rest)
    };
    let date = date.valid()?;
    match time_and_zone(rest) {
        Some((hms, zone)) => Some(format!("{}T{hms}{zone}", fmt(date))),
        None => Some(fmt(date)),
    }
}

/// `T10:48[:00[.123]]` plus a zone; `None` when there is no time or no zone.
fn time_and_zone(rest: &str) -> Option<(String, String)> {
    let rest = rest.strip_prefix(['T', 't', ' '])?.trim_start();
    let h = digits(rest, 2)?;
    let mi = digits(rest.get(3..)?, 2)?;
    if rest.as_bytes().get(2) != Some(&b':') || h > 23 || mi > 59 {
        return None;
    }
    let mut tail = rest.get(5..)?;
    let mut sec = 0;
    if let Some(t) = tail.strip_prefix(':') {
        sec = digits(t, 2).filter(|&s| s <= 60)?;
        tail = t.get(2..)?;
        if let Some(frac) = tail.strip_prefix(['.', ',']) {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            tail = frac.get(n..)?;
        }
    }
    let zone = zone(tail.trim_start())?;
    Some((format!("{h:02}:{mi:02}:{sec:02}"), zone))
}

/// A zone as `Z` (when written as a UTC name) or `±HH:MM`.
fn zone(z: &str) -> Option<String> {
    let z = z.trim_end();
    let named_utc = ["z", "utc", "gmt"]
        .iter()
        .any(|u| z.eq_ignore_ascii_case(u));
    let offset = zone_offset(z)?;
    Some(if named_utc {
        "Z".to_string()
    } else {
        offset_suffix(offset)
    })
}

/// Written dates: `Tue, 19 Nov 2019 10:48:00 GMT`, `19 November 2019`, `November 19, 2019`.
fn written(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // Drop a leading weekday.
    let words = match words.first() {
        Some(w)
            if w.len() >= 3 && month_number(w).is_none() && w.chars().all(char::is_alphabetic) =>
        {
            words.get(1..)?
        }
        _ => &words[..],
    };
    let num = |w: &str| -> Option<u32> {
        let t = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())?
    };
    let (a, b, c) = (words.first()?, words.get(1)?, words.get(2)?);
    let date = if let Some(m) = month_number(a) {
        Ymd(num(c)?, m, num(b)?)
    } else {
        Ymd(num(c)?, month_number(b)?, num(a)?)
    }
    .valid()?;
    // RFC 2822 time and zone follow the year.
    let time = words.get(3).zip(words.get(4)).and_then(|(t, z)| {
        let (hms, zone) = time_and_zone(&format!("T{t}{z}"))?;
        Some(format!("T{hms}{zone}"))
    });
    Some(format!("{}{}", fmt(date), time.unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::normalise_page_date as n;

    #[test]
    fn iso_forms() {
        assert_eq!(n("2021-03-04").as_deref(), Some("2021-03-04"));
        assert_eq!(
            n("2021-03-04T09:15:00Z").as_deref(),
            Some("2021-03-04T09:15:00Z")
        );
        assert_eq!(
            n("2021-03-04T09:15:00.000Z").as_deref(),
            Some("2021-03-04T09:15:00Z")
        );
        assert_eq!(
            n("2021-03-04T09:15:22+01:00").as_deref(),
            Some("2021-03-04T09:15:22+01:00")
        );
        assert_eq!(
            n("2021-03-04 09:15 -0500").as_deref(),
            Some("2021-03-04T09:15:00-05:00")
        );
        assert_eq!(
            n("2021-03-04T09:15:00+05").as_deref(),
            Some("2021-03-04T09:15:00+05:00")
        );
        assert_eq!(n(" 2021/03/04 ").as_deref(), Some("2021-03-04"));
        assert_eq!(n("20210304").as_deref(), Some("2021-03-04"));
    }

    #[test]
    fn time_without_zone_keeps_the_date_only() {
        assert_eq!(n("2021-03-04T09:15:00").as_deref(), Some("2021-03-04"));
        assert_eq!(n("2021-03-04 09:15").as_deref(), Some("2021-03-04"));
    }

    #[test]
    fn written_forms() {
        assert_eq!(
            n("Thu, 04 Mar 2021 09:15:00 GMT").as_deref(),
            Some("2021-03-04T09:15:00Z")
        );
        assert_eq!(
            n("Thu, 4 Mar 2021 09:15:00 +0000").as_deref(),
            Some("2021-03-04T09:15:00+00:00")
        );
        assert_eq!(n("March 4, 2021").as_deref(), Some("2021-03-04"));
        assert_eq!(n("4 March 2021").as_deref(), Some("2021-03-04"));
        assert_eq!(n("Sept. 14, 2020").as_deref(), Some("2020-09-14"));
    }

    #[test]
    fn nonsense_is_none() {
        for s in [
            "",
            "yesterday",
            "2021-13-04",
            "2021-02-40",
            "2021-02-30",
            "2023-02-29",
            "12345",
            "Mayday 3 2020",
            "２０２１-03-04",
            "9999-99-99T",
        ] {
            assert_eq!(n(s), None, "{s}");
        }
    }
}
