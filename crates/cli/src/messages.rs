//! Error reporting on stderr, and the sticky "something failed" flag behind the exit status.
//!
//! The flag is the binary's one piece of global state: set by any per-input error, read once
//! by `main` to choose the exit status.

use std::sync::atomic::{AtomicBool, Ordering};

use storyline_record::terminal::{escape, Breaks};

static ERRORED: AtomicBool = AtomicBool::new(false);

/// Reports one input that failed, and remembers that something did. The message names the
/// input, so it is printed with control characters escaped, on one line.
pub fn input_error(err: &dyn std::fmt::Display) {
    ERRORED.store(true, Ordering::Relaxed);
    eprintln!("storyline: {}", escape(&err.to_string(), Breaks::Escape));
}

/// Whether any input failed.
pub fn errored() -> bool {
    ERRORED.load(Ordering::Relaxed)
}

/// Reports an error that stops the whole run, with its chain of causes.
pub fn fatal(err: &anyhow::Error) {
    eprintln!(
        "storyline: error: {}",
        escape(&format!("{err:#}"), Breaks::Escape)
    );
}

/// Whether an error comes from writing to a pipe whose reader has gone.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
