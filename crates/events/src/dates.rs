//! Event dates: a weekday, "today", "yesterday", "tomorrow" or "March 3" in the sentence,
//! resolved against the publication date; else the publication date itself.

use storyline_dates::{day_offset, month_number, weekday_number, Date};

use crate::words::Word;

/// The event date of a sentence published on `published`; `future` prefers the next
/// matching weekday over the last one ("will meet on Friday").
pub(crate) fn event_date(
    words: &[Word<'_>],
    published: Option<&str>,
    future: bool,
) -> Option<String> {
    let published = Date::parse_iso(published?)?;
    let (year, _, _) = published.ymd();
    let today = published.weekday() as i32;
    // Only capitalised names: "may" and "march" are also a verb and a noun.
    let capitalised = |w: &Word<'_>| w.text.chars().next().is_some_and(char::is_uppercase);
    for (i, w) in words.iter().enumerate() {
        if let Some(wd) = weekday_number(w.base).filter(|_| capitalised(w) && w.base.len() > 3) {
            let wd = wd as i32;
            let delta = if future {
                (wd - today).rem_euclid(7)
            } else {
                -(today - wd).rem_euclid(7)
            };
            return Some(published.add_days(delta).to_string());
        }
        if let Some(s) = day_offset(&w.lower) {
            return Some(published.add_days(s).to_string());
        }
        let month = month_number(w.text).filter(|_| capitalised(w) && w.text.len() >= 3);
        if let Some(month) = month.filter(|_| w.text.chars().all(char::is_alphabetic)) {
            let day = words
                .get(i + 1)
                .and_then(|n| n.text.parse::<u32>().ok())
                .or_else(|| i.checked_sub(1).and_then(|p| words[p].text.parse().ok()));
            if let Some(day) = day.filter(|d| (1..=31).contains(d)) {
                let this_year = Date::from_ymd(year, month, day);
                let date = match this_year {
                    Some(d) if d.num_days() > published.num_days() + 31 && !future => {
                        Date::from_ymd(year - 1, month, day)
                    }
                    other => other,
                };
                if let Some(d) = date {
                    return Some(d.to_string());
                }
            }
        }
    }
    Some(published.to_string())
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
