//! Integration tests: run the built `storyline` binary in fresh temporary directories.

mod util;

mod bad_input;
mod extract;
mod store;
mod analyse;
