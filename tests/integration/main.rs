//! Integration tests: run the built `storyline` binary in fresh temporary directories.

mod util;

mod analyse;
mod bad_input;
mod browser;
mod crawl;
mod event_counts;
mod extract;
mod framing;
mod hostile_names;
mod lexicon;
mod limits;
mod postgres;
mod serve;
mod store;
mod syntax;
mod web_formats;
