//! Test harness: a temporary directory with files the test writes, and a runner for the
//! built binary that prints everything useful when an assertion fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT_DIR: AtomicUsize = AtomicUsize::new(0);

/// A fresh temporary directory, removed when dropped.
pub struct Dir {
    pub path: PathBuf,
}

impl Dir {
    /// Creates an empty directory for one test.
    pub fn new(name: &str) -> Dir {
        let n = NEXT_DIR.fetch_add(1, Ordering::SeqCst);
        let path =
            std::env::temp_dir().join(format!("storyline-it-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create temp dir");
        Dir { path }
    }

    /// Writes a file (creating parent directories).
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent");
        }
        std::fs::write(&path, contents).expect("write fixture");
        path
    }

    /// Runs `storyline ARGS...` in this directory.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, None)
    }

    /// Runs `storyline ARGS...` with `stdin` piped in.
    pub fn run_with_stdin(&self, args: &[&str], stdin: Option<&[u8]>) -> Run {
        use std::io::Write;
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_storyline"));
        cmd.args(args)
            .current_dir(&self.path)
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn storyline");
        if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
            pipe.write_all(input).expect("write stdin");
        }
        let output = child.wait_with_output().expect("wait for storyline");
        Run {
            description: format!("storyline {} (cwd {})", args.join(" "), self.path.display()),
            output,
        }
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// The result of one run, with helpers that explain failures.
pub struct Run {
    pub description: String,
    pub output: Output,
}

impl Run {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    /// Panics with the command, stdout and stderr unless the exit code is `code`.
    pub fn expect_code(&self, code: i32) -> &Run {
        if self.output.status.code() != Some(code) {
            panic!(
                "{}\nexpected exit code {code}, got {:?}\n--- stdout\n{}\n--- stderr\n{}",
                self.description,
                self.output.status.code(),
                self.stdout(),
                self.stderr()
            );
        }
        self
    }

    /// Parses stdout as JSONL records.
    pub fn records(&self) -> Vec<serde_json::Value> {
        self.stdout()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                serde_json::from_str(l).unwrap_or_else(|e| {
                    panic!("{}\nstdout line is not JSON ({e}): {l}", self.description)
                })
            })
            .collect()
    }
}

/// The bundled sample corpus.
pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/seeds")
}

/// Slices `text` by character offsets `[start, end)`.
pub fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}
