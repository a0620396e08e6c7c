//! `extract --lexicon-hits`: which word lists decided a run, and switching a list off.

use std::process::Command;

use crate::util::Dir;

const TEXT: &str = "Gen. Mark Hale met Sen. Ana Ruiz in Springfield on Monday. \
                    The talks ended early. Acme Inc. said it would hire 40 workers.\n";

/// The hits column of `list` in the table printed on stderr.
fn hits_of(stderr: &str, list: &str) -> Option<(u64, String)> {
    stderr.lines().find_map(|l| {
        let cols: Vec<&str> = l.split_whitespace().collect();
        (cols.first() == Some(&list)).then(|| (cols[1].parse().unwrap_or(0), cols[2].to_string()))
    })
}

#[test]
fn counts_the_lists_that_answered() {
    let dir = Dir::new("lexicon-hits");
    dir.write("a.txt", TEXT);
    let run = dir.run(&["extract", "a.txt", "--lexicon-hits"]);
    run.expect_code(0);
    let err = run.stderr();
    let (hits, state) = hits_of(&err, "abbreviations.leading").expect("the list is reported");
    assert!(hits >= 2, "Gen. and Sen. are leading abbreviations:\n{err}");
    assert_eq!(state, "on");
    assert!(hits_of(&err, "sentence_openers").is_some(), "{err}");
    // Without the flag nothing is printed.
    let quiet = dir.run(&["extract", "a.txt"]);
    assert!(!quiet.stderr().contains("abbreviations.leading"));
}

#[test]
fn a_list_switched_off_answers_no() {
    let dir = Dir::new("lexicon-off");
    dir.write("a.txt", TEXT);
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["extract", "a.txt", "--lexicon-hits", "--format", "text"])
        .env("STORYLINE_LEXICON_OFF", "abbreviations.leading")
        .current_dir(&dir.path)
        .output()
        .expect("run storyline");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        hits_of(&err, "abbreviations.leading"),
        Some((0, "off".to_string())),
        "{err}"
    );
}
