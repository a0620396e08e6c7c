//! Instants that containers and protocols state (`WARC-Date`, HTTP `Last-Modified`, a feed
//! entry's date), written as RFC 3339 in UTC to the second: the form the record stores.

use chrono::{DateTime, SecondsFormat, Utc};

/// An instant as the record writes it: RFC 3339, UTC, whole seconds (`2024-04-02T08:00:00Z`).
pub fn format_utc(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A W3C/ISO 8601 timestamp with a zone (as in `WARC-Date`), as RFC 3339 in UTC.
///
/// ```
/// assert_eq!(
///     storyline_dates::rfc3339_utc("2024-04-02T10:00:00+02:00").as_deref(),
///     Some("2024-04-02T08:00:00Z")
/// );
/// assert_eq!(storyline_dates::rfc3339_utc("2024-04-02"), None);
/// ```
pub fn rfc3339_utc(value: &str) -> Option<String> {
    DateTime::parse_from_rfc3339(value.trim())
        .ok()
        .map(|d| format_utc(d.to_utc()))
}

/// An HTTP or e-mail date (RFC 2822: `Tue, 02 Apr 2024 08:00:00 GMT`), as RFC 3339 in UTC.
///
/// ```
/// assert_eq!(
///     storyline_dates::http_date_utc("Tue, 02 Apr 2024 08:00:00 GMT").as_deref(),
///     Some("2024-04-02T08:00:00Z")
/// );
/// assert_eq!(storyline_dates::http_date_utc("yesterday"), None);
/// ```
pub fn http_date_utc(value: &str) -> Option<String> {
    DateTime::parse_from_rfc2822(value.trim())
        .ok()
        .map(|d| format_utc(d.to_utc()))
}

/// A record date or date-time (`2024-03-05`, `2024-03-05T10:20:30+02:00`) as the compact
/// `YYYYMMDDHHMMSS` of GDELT's tables: a time with a zone is moved to UTC, a date alone is
/// its midnight; `None` for anything else.
///
/// ```
/// use storyline_dates::compact_utc;
/// assert_eq!(compact_utc("2024-03-05").as_deref(), Some("20240305000000"));
/// assert_eq!(compact_utc("2024-03-05T01:20:30+02:00").as_deref(), Some("20240304232030"));
/// assert_eq!(compact_utc("last Tuesday"), None);
/// ```
pub fn compact_utc(iso: &str) -> Option<String> {
    let iso = iso.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(iso) {
        return Some(d.to_utc().format("%Y%m%d%H%M%S").to_string());
    }
    let date = crate::Date::parse_iso(iso).filter(|_| iso.len() == 10)?;
    let (y, m, d) = date.ymd();
    Some(format!("{y:04}{m:02}{d:02}000000"))
}
