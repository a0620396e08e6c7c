//! Stored results of cross-article analysis on PostgreSQL: the same parts and generations as
//! on SQLite (see `crate::analysis`), bodies packed the same way into `bytea`.

use super::PgStore;
use crate::analysis::{pack, unpack, PutPart};
use crate::error::{AtUrl, StoreError};

impl PgStore {
    /// The corpus generation: the ingest number of the newest stored article (0 when empty).
    pub fn generation(&self) -> Result<i64, StoreError> {
        let row = self
            .client
            .borrow_mut()
            .query_one("SELECT coalesce(max(seq), 0) FROM articles", &[])
            .at(&self.url)?;
        row.try_get(0).at(&self.url)
    }

    /// Replaces every stored part with those `produce` puts, computed at `generation`, in one
    /// transaction; does nothing (and answers `false`) when the stored parts are from a later
    /// generation. Concurrent ingesters updating at once take turns (the table is locked for
    /// the update).
    pub fn save_analysis<E: From<StoreError>>(
        &mut self,
        generation: i64,
        produce: impl FnOnce(&mut PutPart<'_>) -> Result<(), E>,
    ) -> Result<bool, E> {
        let url = self.url.clone();
        let client = self.client.get_mut();
        let mut tx = client.transaction().at(&url)?;
        tx.batch_execute("LOCK TABLE analysis IN EXCLUSIVE MODE")
            .at(&url)?;
        let stored: Option<i64> = tx
            .query_one("SELECT max(generation) FROM analysis", &[])
            .at(&url)?
            .try_get(0)
            .at(&url)?;
        if stored.is_some_and(|g| g > generation) {
            return Ok(false);
        }
        tx.batch_execute("DELETE FROM analysis").at(&url)?;
        let insert = tx
            .prepare("INSERT INTO analysis(kind, generation, body) VALUES ($1, $2, $3)")
            .at(&url)?;
        produce(&mut |kind, body| {
            tx.execute(&insert, &[&kind, &generation, &pack(body)])
                .map(drop)
                .at(&url)
        })?;
        tx.commit().at(&url)?;
        Ok(true)
    }

    /// The stored part `kind`, if it was computed at the current generation.
    pub fn analysis(&self, kind: &str) -> Result<Option<String>, StoreError> {
        let row = self
            .client
            .borrow_mut()
            .query_opt(
                "SELECT body FROM analysis
                 WHERE kind = $1 AND generation = (SELECT coalesce(max(seq), 0) FROM articles)",
                &[&kind],
            )
            .at(&self.url)?;
        let packed: Option<Vec<u8>> = row.map(|r| r.try_get(0).at(&self.url)).transpose()?;
        Ok(packed.and_then(|p| unpack(&p)))
    }
}
