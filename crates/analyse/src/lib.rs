//! Cross-article analysis: canonical entities, story clusters, disagreements, quote reuse, timelines. (being written).
#![deny(missing_docs)]
