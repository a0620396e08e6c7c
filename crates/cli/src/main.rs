//! The `storyline` binary: parses flags, builds the library objects, loops over inputs and
//! reports. No domain rules live here.

mod analyse_cmds;
mod args;
mod bench;
mod crawl_cmd;
mod extract;
mod messages;
mod output;
mod parse_cmd;
mod serve_cmd;
mod store_cmds;
mod table;
mod train;
mod train_attribution;
mod train_clusters;
mod train_ner;
mod workers;

use clap::Parser;

/// mimalloc instead of the system allocator: the pipeline and the corpus analysis allocate
/// many small, short-lived strings and vectors, and glibc's allocator spent 10 to 20% of their
/// time (docs/BENCHMARKS.md). Built without transparent huge pages (`no_thp`): the kernel
/// zeroing 2 MiB pages for the model tables made a process's start take 0.12 to 0.45 s from
/// run to run, and throughput is the same without them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = args::Cli::parse();
    let result = match cli.command {
        args::Command::Extract(a) => extract::run(a),
        args::Command::Bench(a) => bench::run(a),
        args::Command::Parse(a) => parse_cmd::run(a),
        args::Command::Train(a) => train::run(a),
        args::Command::Crawl(a) => crawl_cmd::run(a),
        args::Command::Store(c) => store_cmds::run(c),
        args::Command::Analyse(c) => analyse_cmds::run(c),
        args::Command::Serve(a) => serve_cmd::run(a),
    };
    match result {
        Ok(()) if messages::errored() => std::process::exit(1),
        Ok(()) => {}
        // A closed pipe (`storyline stats | head`) is the reader's choice, not a failure.
        Err(err) if messages::is_broken_pipe(&err) => {}
        Err(err) => {
            messages::fatal(&err);
            std::process::exit(2);
        }
    }
}
