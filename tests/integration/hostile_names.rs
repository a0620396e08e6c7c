//! Inputs that attack the reader rather than the parser: FIFOs and devices where files are
//! expected, file names that are not UTF-8, control characters in names and article text.
//! None may block a run, abort it, or reach the terminal raw.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::util::Dir;

/// Longest a run over a handful of small files may take before it counts as blocked.
const BLOCKED_AFTER: Duration = Duration::from_secs(120);

/// Runs `storyline ARGS...` in `dir`, killing it (and failing the test) if it blocks.
fn run_bounded(dir: &Dir, args: &[&OsStr]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .current_dir(&dir.path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn storyline");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("poll storyline").is_some() {
            return child.wait_with_output().expect("collect output");
        }
        if started.elapsed() > BLOCKED_AFTER {
            let _ = child.kill();
            let out = child.wait_with_output().expect("collect output");
            panic!(
                "storyline {args:?} blocked; stderr so far:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

const STORY: &str = "The harbour reopened on Friday after repairs, the port authority said.\n";

#[test]
fn fifos_and_devices_get_an_error_and_the_run_goes_on() {
    let dir = Dir::new("fifo");
    dir.write("corpus/a.txt", STORY);
    dir.write("corpus/c.txt", STORY.replace("Friday", "Monday"));
    for fifo in ["corpus/b_pipe", "named_pipe"] {
        let made = Command::new("mkfifo")
            .arg(dir.path.join(fifo))
            .status()
            .expect("run mkfifo");
        assert!(made.success(), "mkfifo {fifo}");
    }
    let out = run_bounded(
        &dir,
        &[
            os("extract"),
            os("named_pipe"),
            os("corpus"),
            os("/dev/zero"),
            os("corpus/a.txt"),
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stdout.lines().count(),
        3,
        "a, c, a again:\n{stdout}\n{stderr}"
    );
    for name in ["named_pipe", "b_pipe"] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(name) && l.contains("FIFO")),
            "no error naming {name}:\n{stderr}"
        );
    }
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("/dev/zero") && l.contains("device")),
        "{stderr}"
    );
}

#[test]
fn names_that_are_not_utf8_are_read_inside_folders_and_as_arguments() {
    let dir = Dir::new("latin1");
    std::fs::create_dir_all(dir.path.join("corpus")).expect("mkdir");
    let inside = dir
        .path
        .join("corpus")
        .join(OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(&inside, STORY).expect("write latin-1 name");
    let argument = dir.path.join(OsStr::from_bytes(b"r\xe9sum\xe9.txt"));
    std::fs::write(&argument, STORY.replace("Friday", "Sunday")).expect("write");
    let out = run_bounded(
        &dir,
        &[
            os("extract"),
            os("corpus"),
            OsStr::from_bytes(b"r\xe9sum\xe9.txt"),
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let sources: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let record: serde_json::Value = serde_json::from_str(l).expect("JSONL record");
            record["source"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    assert_eq!(sources.len(), 2, "{sources:?} {stderr}");
    assert!(sources[0].ends_with("caf\u{fffd}.txt"), "{sources:?}");
    assert_eq!(sources[1], "r\u{fffd}sum\u{fffd}.txt");
}

#[test]
fn control_characters_in_names_and_text_never_reach_the_terminal_raw() {
    let dir = Dir::new("ctrl");
    let evil_name = "evil\x1b]0;pwned\x07\nstoryline: fake.txt: all good";
    dir.write(&format!("corpus/{evil_name}"), "");
    dir.write(
        "corpus/story.txt",
        "Ferry \x1b[2Jservice resumed on Monday, the \u{202e}operator said.\n\
         Officials said the \u{9b}31m crossing was safe.\n"
            .to_string()
            + &STORY.repeat(8),
    );
    let out = run_bounded(
        &dir,
        &[os("extract"), os("corpus"), os("--format"), os("text")],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for (what, printed) in [("stdout", &stdout), ("stderr", &stderr)] {
        assert!(
            !printed.contains(['\x1b', '\x07', '\u{202e}', '\u{9b}']),
            "raw control character on {what}:\n{printed:?}"
        );
    }
    assert_eq!(
        stderr.lines().count(),
        1,
        "one line per bad input:\n{stderr}"
    );
    assert!(
        stderr.contains("evil\\x1b]0;pwned\\x07\\nstoryline: fake.txt"),
        "{stderr}"
    );
    assert!(stdout.contains("Ferry \\x1b[2Jservice"), "{stdout}");
}
