//! Subcommands of cross-article analysis: stories, disagreements, timelines, report (being written).

use anyhow::Result;
use clap::Subcommand;

/// Analysis subcommands.
#[derive(Subcommand, Debug)]
pub enum AnalyseCommand {}

/// Runs an analysis subcommand.
pub fn run(command: AnalyseCommand) -> Result<()> {
    match command {}
}
