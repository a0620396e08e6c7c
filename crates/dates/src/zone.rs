//! Time zones as pages write them after a time: an abbreviation from the lexicon
//! (`time_zones.tsv`: "IST", "EDT"), `Z`, or a numeric offset with or without a `GMT`/`UTC`
//! prefix ("+0530", "+05:30", "GMT+1", "−03").

/// Minutes east of UTC of a zone written after a time; `None` for anything else or an offset
/// beyond ±14 hours.
///
/// ```
/// use storyline_dates::zone_offset;
/// assert_eq!(zone_offset("IST"), Some(330));
/// assert_eq!(zone_offset("GMT +1"), Some(60));
/// assert_eq!(zone_offset("-05:00"), Some(-300));
/// assert_eq!(zone_offset("+2500"), None);
/// ```
pub fn zone_offset(zone: &str) -> Option<i32> {
    let z: String = zone
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    if let Some(named) = storyline_lexicon::time_zone_offset(&z) {
        return Some(named);
    }
    let num = z.trim_start_matches("gmt").trim_start_matches("utc");
    let (sign, digits) = match num.chars().next()? {
        '+' => (1, num.get(1..)?),
        '-' => (-1, num.get(1..)?),
        '\u{2212}' => (-1, num.get('\u{2212}'.len_utf8()..)?),
        _ => return None,
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == ':') {
        return None;
    }
    let digits: String = digits.chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 | 4 => {
            let cut = digits.len() - 2;
            (
                digits.get(..cut)?.parse::<i32>().ok()?,
                digits.get(cut..)?.parse::<i32>().ok()?,
            )
        }
        _ => return None,
    };
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

/// An offset in minutes east of UTC as ISO 8601 writes it: `+05:30`, `-04:00`.
///
/// ```
/// assert_eq!(storyline_dates::offset_suffix(330), "+05:30");
/// assert_eq!(storyline_dates::offset_suffix(-240), "-04:00");
/// ```
pub fn offset_suffix(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

#[cfg(test)]
mod tests {
    use super::zone_offset;

    #[test]
    fn reads_names_and_numbers() {
        assert_eq!(zone_offset("Z"), Some(0));
        assert_eq!(zone_offset("utc"), Some(0));
        assert_eq!(zone_offset("EEST"), Some(180));
        assert_eq!(zone_offset("+0000"), Some(0));
        assert_eq!(zone_offset("+01"), Some(60));
        assert_eq!(zone_offset("+530"), Some(330));
        assert_eq!(zone_offset("UTC-3"), Some(-180));
        assert_eq!(zone_offset("\u{2212}02:00"), Some(-120));
    }

    #[test]
    fn refuses_what_is_not_a_zone() {
        for z in ["", "+", "abc", "+123456", "+15", "+05:75", "gmt+x1"] {
            assert_eq!(zone_offset(z), None, "{z}");
        }
    }
}
