//! The one date module: every calendar date the engine parses, resolves or prints goes
//! through [`Date`] (on `chrono`), month and weekday names through [`month_number`] and
//! [`weekday_number`], and relative expressions ("on Friday", "last week", "December 13")
//! through [`DateResolver`] and [`day_offset`]; the dates of a page, in its metadata
//! ([`normalise_page_date`]) and in its lines ([`DateRules`]), with their times and zones
//! ([`zone_offset`]); and the instants that archives, feeds and servers state ([`rfc3339_utc`],
//! [`http_date_utc`], [`format_utc`]).

mod date;
mod lines;
mod page;
mod relative;
mod timestamp;
mod zone;

pub use date::{
    is_month_name, is_weekday_name, month_number, weekday_number, Date, Precision, MONTH_NAMES,
};
pub use lines::{DateLine, DateRules, FoundDate};
pub use page::normalise_page_date;
pub use relative::{day_offset, DateResolver, Resolved};
pub use timestamp::{compact_utc, format_utc, http_date_utc, rfc3339_utc};
pub use zone::{offset_suffix, zone_offset};
