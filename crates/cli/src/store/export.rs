//! `storyline export`: stream the current records out of the store into a format writer.

use std::ops::ControlFlow;

use anyhow::Result;
use storyline_export::Format;
use storyline_store::Store;

use super::{ExportArgs, ExportFormat};

/// Opens the database read-only and writes every current record in the chosen format.
pub fn run(args: ExportArgs) -> Result<()> {
    let store = Store::open_read_only(&args.db.db)?;
    let format = match args.format {
        ExportFormat::Jsonl => Format::Jsonl,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Gkg => Format::Gkg,
        ExportFormat::Plover => Format::Plover,
    };
    let mut sink = format.writer(args.out.as_deref())?;
    let mut failed = None;
    store.for_each_record(true, |record| match sink.record(&record) {
        Ok(()) => ControlFlow::Continue(()),
        Err(e) => {
            failed = Some(e);
            ControlFlow::Break(())
        }
    })?;
    if let Some(e) = failed {
        return Err(e.into());
    }
    sink.finish()?;
    Ok(())
}
