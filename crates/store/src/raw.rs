//! A stored record as read, before its JSON is decoded: reading many records (the corpus
//! analysis reads them all) decodes them in pages on all cores, in the order they were read.

use std::path::Path;

use rayon::prelude::*;
use storyline_record::Record;

use crate::StoreError;

/// Records decoded together: enough to keep every core busy, few enough to hold.
pub(crate) const DECODE_PAGE: usize = 1024;

/// One stored article: its id, its text and its record's JSON (which leaves the text out).
pub(crate) struct RawRecord {
    pub id: String,
    pub text: String,
    pub json: String,
}

impl RawRecord {
    /// The record, with its text; a JSON that does not read names the database and the id.
    pub fn decode(self, path: &Path) -> Result<Record, StoreError> {
        let mut record: Record =
            serde_json::from_str(&self.json).map_err(|source| StoreError::BadRecord {
                path: path.to_path_buf(),
                id: self.id,
                source,
            })?;
        record.text = self.text;
        Ok(record)
    }
}

/// Decodes `page` on all cores and appends the records to `out` in order; the first record
/// that does not read is the error.
pub(crate) fn decode_page(
    page: &mut Vec<RawRecord>,
    path: &Path,
    out: &mut Vec<Record>,
) -> Result<(), StoreError> {
    let decoded: Vec<Result<Record, StoreError>> =
        page.par_drain(..).map(|raw| raw.decode(path)).collect();
    for record in decoded {
        out.push(record?);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::record;

    fn raw(id: &str) -> RawRecord {
        let mut r = record(id, &format!("Text of {id}.")).build();
        let text = std::mem::take(&mut r.text);
        RawRecord {
            id: id.to_string(),
            text,
            json: serde_json::to_string(&r).unwrap_or_else(|e| panic!("{e}")),
        }
    }

    #[test]
    fn pages_decode_in_order_and_name_the_first_bad_record() {
        let path = Path::new("news.db");
        let mut page: Vec<RawRecord> = (0..2 * DECODE_PAGE + 3)
            .map(|i| raw(&format!("a{i}")))
            .collect();
        let mut out = Vec::new();
        decode_page(&mut page, path, &mut out).unwrap_or_else(|e| panic!("{e}"));
        assert!(page.is_empty());
        assert_eq!(out.len(), 2 * DECODE_PAGE + 3);
        assert!(out.iter().enumerate().all(|(i, r)| r.id == format!("a{i}")));
        assert_eq!(out[7].text, "Text of a7.");

        let mut bad = vec![raw("ok"), raw("b1"), raw("b2")];
        bad[1].json = "{not json".into();
        bad[2].json = "[]".into();
        match decode_page(&mut bad, path, &mut Vec::new()) {
            Err(StoreError::BadRecord { id, path, .. }) => {
                assert_eq!((id.as_str(), path.as_path()), ("b1", Path::new("news.db")));
            }
            other => panic!("{other:?}"),
        }
    }
}
