//! Resource limits: worker threads are capped, and a text far longer than any article is
//! processed in parts so that memory stays within `--memory`.

use crate::util::Dir;

const STORY: &str = "The harbour reopened on Friday after repairs, the port authority said.\n";

#[test]
fn absurd_thread_counts_are_capped_with_a_message() {
    let dir = Dir::new("threads");
    dir.write("a.txt", STORY);
    let run = dir.run(&["extract", "-j", "30000", "a.txt"]);
    run.expect_code(0);
    assert_eq!(run.records().len(), 1);
    assert!(
        run.stderr().contains("-j 30000 is more than") && run.stderr().contains("using"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_text_longer_than_the_budget_allows_is_processed_in_parts() {
    let dir = Dir::new("parts");
    // About 150 KB of distinct paragraphs; --memory 3M allows parts of about 52 KB.
    let text: String = (0..1500)
        .map(|i| {
            format!(
                "Paragraph {i}: the council met for the {i}th time and approved {} new homes.\n\n",
                i * 7 + 3
            )
        })
        .collect();
    dir.write("dump.txt", &text);
    let run = dir.run(&["extract", "--memory", "3M", "dump.txt"]);
    run.expect_code(0);
    let records = run.records();
    assert_eq!(records.len(), 3, "{}", run.stderr());
    for (n, record) in records.iter().enumerate() {
        assert_eq!(record["source"], format!("dump.txt#part-{}", n + 1));
    }
    let last = records[2]["text"].as_str().unwrap_or_default();
    assert!(last.contains("Paragraph 1499:"), "{last}");
    let run = dir.run(&["extract", "--memory", "lots", "dump.txt"]);
    run.expect_code(2);
}
