//! Subcommands over the embedded store: ingest and per-item queries (being written).

use anyhow::Result;
use clap::Subcommand;

/// Store subcommands.
#[derive(Subcommand, Debug)]
pub enum StoreCommand {}

/// Runs a store subcommand.
pub fn run(command: StoreCommand) -> Result<()> {
    match command {}
}
