//! Embedded SQLite store of article records: schema, migrations, idempotent writes, revisions, queries. (being written).
#![deny(missing_docs)]
