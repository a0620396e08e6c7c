//! HTML pages to article text and page metadata (being written).
#![deny(missing_docs)]
