//! The one date module: every calendar date the engine parses, resolves or prints goes
//! through [`Date`] (on `chrono`), month and weekday names through [`month_number`] and
//! [`weekday_number`], and relative expressions ("on Friday", "last week", "December 13")
//! through [`DateResolver`].

mod date;
mod relative;

pub use date::{
    is_month_name, is_weekday_name, month_number, weekday_number, Date, Precision, MONTH_NAMES,
};
pub use relative::{DateResolver, Resolved};
