//! Shipped word lists and gazetteers (work in progress).
#![deny(missing_docs)]
