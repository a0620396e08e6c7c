//! Stored results of cross-article analysis (stories, disagreements, timelines, event counts,
//! the report): computed once at the end of an ingest and read by the analysis commands, so
//! they need not recompute over the whole corpus on every call.
//!
//! Each result is a named part (`kind`) with an opaque body (the caller's serialisation) and
//! the corpus *generation* it was computed at: the ingest number (`seq`) of the newest stored
//! article. Articles are never deleted, so a part is current exactly when its generation is
//! the database's; any later ingest makes every part stale until the next update.
//!
//! Bodies are stored LZ4-compressed ([`pack`], [`unpack`]): a corpus's parts are mostly JSON,
//! which shrinks about tenfold, so they cost a tenth of the disk and of the reading (a 629 MB
//! part took 2.8 s to read back uncompressed at 100k articles).

use rusqlite::{params, OptionalExtension, TransactionBehavior};

use crate::error::{AtPath, StoreError};
use crate::SqliteStore;

/// Stores one analysis part (`kind`, `body`) inside [`crate::Store::save_analysis`].
pub type PutPart<'a> = dyn FnMut(&str, &str) -> Result<(), StoreError> + 'a;

impl SqliteStore {
    /// The corpus generation: the ingest number of the newest stored article (0 when empty).
    pub fn generation(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT coalesce(max(seq), 0) FROM articles", [], |r| {
                r.get(0)
            })
            .at(&self.path)
    }

    /// Replaces every stored part with those `produce` puts, computed at `generation`, in one
    /// transaction; does nothing (and answers `false`) when the stored parts are from a later
    /// generation. Each part is written as it is put, so the caller need not hold them all.
    pub fn save_analysis<E: From<StoreError>>(
        &mut self,
        generation: i64,
        produce: impl FnOnce(&mut PutPart<'_>) -> Result<(), E>,
    ) -> Result<bool, E> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .at(&path)?;
        let stored: Option<i64> = tx
            .query_row("SELECT max(generation) FROM analysis", [], |r| r.get(0))
            .at(&path)?;
        if stored.is_some_and(|g| g > generation) {
            return Ok(false);
        }
        tx.execute("DELETE FROM analysis", []).at(&path)?;
        {
            let mut insert = tx
                .prepare("INSERT INTO analysis(kind, generation, body) VALUES (?1, ?2, ?3)")
                .at(&path)?;
            produce(&mut |kind, body| {
                insert
                    .execute(params![kind, generation, pack(body)])
                    .map(drop)
                    .at(&path)
            })?;
        }
        tx.commit().at(&path)?;
        Ok(true)
    }

    /// The stored part `kind`, if it was computed at the current generation.
    /// A body that does not unpack (damaged) reads as absent: the caller recomputes it.
    pub fn analysis(&self, kind: &str) -> Result<Option<String>, StoreError> {
        let packed: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT body FROM analysis
                 WHERE kind = ?1 AND generation = (SELECT coalesce(max(seq), 0) FROM articles)",
                [kind],
                |r| r.get(0),
            )
            .optional()
            .at(&self.path)?;
        Ok(packed.and_then(|p| unpack(&p)))
    }
}

/// A part's body as stored: LZ4 block, its length first.
pub(crate) fn pack(body: &str) -> Vec<u8> {
    lz4_flex::compress_prepend_size(body.as_bytes())
}

/// A stored body back as text; `None` when damaged.
pub(crate) fn unpack(packed: &[u8]) -> Option<String> {
    let bytes = lz4_flex::decompress_size_prepended(packed).ok()?;
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use crate::error::StoreError;
    use crate::testutil::save_parts as save;
    use crate::testutil::{provenance, record};
    use crate::{Store, STATS_PART};

    #[test]
    fn counts_are_kept_with_the_analysis_and_recounted_once_stale() {
        let mut store = Store::open_in_memory().expect("store");
        let batch = [record("a", "Rain.").build(), record("b", "Snow.").build()];
        store.insert_batch(&provenance(), &batch).expect("insert");
        let generation = store.generation().expect("generation");
        assert!(save(&mut store, generation, &[("stories", "[]")]));
        let kept = store.analysis(STATS_PART).expect("read").expect("kept");
        let kept: crate::Stats = serde_json::from_str(&kept).expect("counts");
        assert_eq!(kept.articles, 2);
        assert_eq!(store.stats().expect("stats"), kept);
        store
            .insert_batch(&provenance(), &[record("c", "Hail.").build()])
            .expect("insert");
        assert_eq!(store.analysis(STATS_PART).expect("read"), None, "stale");
        assert_eq!(store.stats().expect("stats").articles, 3);
    }

    #[test]
    fn bodies_are_packed_and_a_damaged_one_reads_as_absent() {
        use super::{pack, unpack};
        let body =
            "{\"stories\": [1, 2, 3], \"text\": \"Ünïcödé \\u0000 and NUL \u{0}\"}".repeat(50);
        let packed = pack(&body);
        assert!(
            packed.len() < body.len() / 4,
            "{} of {}",
            packed.len(),
            body.len()
        );
        assert_eq!(unpack(&packed).as_deref(), Some(body.as_str()));
        assert_eq!(unpack(&packed[..packed.len() / 2]), None);
        assert_eq!(unpack(b"not lz4 at all"), None);
        assert_eq!(unpack(&pack("")).as_deref(), Some(""));
    }

    #[test]
    fn a_failing_producer_leaves_the_stored_parts_alone() {
        let mut store = Store::open_in_memory().expect("store");
        assert!(save(&mut store, 0, &[("stories", "[]")]));
        /// The producer's own failure, or the store's.
        #[derive(Debug)]
        enum Failure {
            Producer,
            Store,
        }
        impl From<StoreError> for Failure {
            fn from(_: StoreError) -> Failure {
                Failure::Store
            }
        }
        let failed = store.save_analysis(0, |put| {
            put("stories", "[2]")?;
            Err(Failure::Producer)
        });
        assert!(matches!(failed, Err(Failure::Producer)), "{failed:?}");
        assert_eq!(
            store.analysis("stories").expect("read").as_deref(),
            Some("[]")
        );
    }

    #[test]
    fn parts_are_current_until_the_next_article_arrives() {
        let mut store = Store::open_in_memory().expect("store");
        assert_eq!(store.generation().expect("generation"), 0);
        assert!(save(&mut store, 0, &[("stories", "[]")]));
        assert_eq!(
            store.analysis("stories").expect("read").as_deref(),
            Some("[]")
        );
        store
            .insert_batch(&provenance(), &[record("a", "Rain.").build()])
            .expect("insert");
        assert_eq!(store.analysis("stories").expect("read"), None, "stale");
        let generation = store.generation().expect("generation");
        assert!(generation > 0);
        assert!(save(
            &mut store,
            generation,
            &[("stories", "[1]"), ("stats", "{}")]
        ));
        assert_eq!(
            store.analysis("stories").expect("read").as_deref(),
            Some("[1]")
        );
        assert_eq!(store.analysis("missing").expect("read"), None);
        // An older computation never replaces a newer one.
        assert!(!save(&mut store, 0, &[("stories", "[]")]));
        assert_eq!(
            store.analysis("stats").expect("read").as_deref(),
            Some("{}")
        );
    }
}
