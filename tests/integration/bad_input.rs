//! A broken-input corpus, built by the test: every bad input gets one error line naming it,
//! the good inputs are still processed, and the exit status says something failed.

use crate::util::Dir;

#[test]
fn bad_inputs_are_reported_and_skipped() {
    let dir = Dir::new("bad");
    dir.write(
        "corpus/a_good.txt",
        "The harbour reopened on Friday after repairs, the port authority said.\n",
    );
    dir.write("corpus/b_empty.txt", "");
    dir.write(
        "corpus/c_image.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".as_slice(),
    );
    dir.write("corpus/d_nul.txt", b"Some text\0with a NUL byte".as_slice());
    dir.write(
        "corpus/e_broken_utf8.txt",
        b"Caf\xC3\xA9 society \xE2\x80\x94 then \xFF\xFE garbage".as_slice(),
    );
    dir.write(
        "corpus/f_lines.jsonl",
        "{\"text\": \"The library will open late on Sunday.\"}\nnot json at all\n{\"title\": \"no text\"}\n",
    );
    let huge = dir.path.join("corpus/g_huge.txt");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(200 * 1024 * 1024))
        .expect("sparse 200 MB file");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path.join("corpus"), dir.path.join("corpus/h_loop"))
            .expect("symlink loop");
        std::os::unix::fs::symlink(dir.path.join("nowhere"), dir.path.join("corpus/i_dangling"))
            .expect("dangling symlink");
    }
    let run = dir.run(&["extract", "corpus", "missing.txt"]);
    run.expect_code(1);
    let records = run.records();
    assert_eq!(
        records.len(),
        2,
        "good file and good JSONL line: {}",
        run.stdout()
    );
    let stderr = run.stderr();
    let expect_line = |name: &str, reason: &str| {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(name) && l.contains(reason)),
            "no error line for {name} ({reason}):\n{stderr}"
        );
    };
    expect_line("b_empty.txt", "empty");
    expect_line("c_image.png", "binary");
    expect_line("d_nul.txt", "binary");
    expect_line("e_broken_utf8.txt", "UTF-8");
    expect_line("f_lines.jsonl:2", "not a JSON object");
    expect_line("f_lines.jsonl:3", "\"text\"");
    expect_line("g_huge.txt", "limit");
    expect_line("missing.txt", "");
    #[cfg(unix)]
    {
        expect_line("h_loop", "loop");
        expect_line("i_dangling", "");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn nothing_readable_still_exits_cleanly() {
    let dir = Dir::new("none");
    dir.write("empty.txt", "");
    let run = dir.run(&["extract", "empty.txt"]);
    run.expect_code(1);
    assert!(run.records().is_empty());
}

#[test]
fn odd_but_valid_text_never_panics() {
    let dir = Dir::new("odd");
    let cases: &[&str] = &[
        "\"",
        "“unbalanced quote opens and never closes",
        "...",
        "1,000,000,000,000,000,000,000,000 troops",
        "A\n\n\n\nB",
        "\u{feff}\u{200b}Zero width",
        "Ünïcödé ünd émojis 😀 said Zoë.",
    ];
    for (i, case) in cases.iter().enumerate() {
        dir.write(&format!("odd/{i}.txt"), case);
    }
    let run = dir.run(&["extract", "odd"]);
    run.expect_code(0);
    assert_eq!(run.records().len(), cases.len());
}

#[test]
fn one_bad_jsonl_line_costs_that_line_only() {
    let dir = Dir::new("jsonl-lines");
    let mut bytes = Vec::new();
    for i in 1..=1000 {
        if i == 500 {
            bytes.extend_from_slice(b"{\"text\": \"Bad \xC3\xA9 then \xFF byte.\"}\n");
        } else if i == 600 {
            bytes.extend_from_slice(b"{\"text\": [\"not\", \"a string\"]}\n");
        } else {
            let line = format!("{{\"text\": \"Story {i}: the caf\u{e9} reopened on Monday.\"}}\n");
            bytes.extend_from_slice(line.as_bytes());
        }
    }
    dir.write("lines.jsonl", &bytes);
    dir.write("content.txt", &bytes);
    let run = dir.run(&["extract", "lines.jsonl", "content.txt"]);
    run.expect_code(1);
    assert_eq!(run.records().len(), 2 * 998);
    let stderr = run.stderr();
    for name in ["lines.jsonl", "content.txt"] {
        assert!(
            stderr.contains(&format!("{name}:500: invalid text encoding")),
            "{stderr}"
        );
        assert!(
            stderr.contains(&format!("{name}:600: JSON field of the wrong type")),
            "{stderr}"
        );
    }
}

#[test]
fn garbage_after_a_gzip_member_keeps_the_member() {
    use std::io::Write;
    let dir = Dir::new("gz-garbage");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(b"The ferry resumed on Monday after the storm, the operator said.")
        .expect("compress");
    let mut bytes = enc.finish().expect("finish");
    bytes.extend_from_slice(b"this is not gzip at all");
    dir.write("story.txt.gz", &bytes);
    let run = dir.run(&["extract", "story.txt.gz"]);
    run.expect_code(1);
    let records = run.records();
    assert_eq!(records.len(), 1, "{}", run.stderr());
    assert!(
        run.stderr().contains("story.txt.gz: bad gzip data"),
        "{}",
        run.stderr()
    );
}
