//! JSONL: one article record per line, exactly as `storyline extract --format jsonl` prints it.

use storyline_record::Record;

/// The record as one JSON line.
pub fn line(record: &Record) -> String {
    // A record is plain data (strings, numbers, lists): serialising it cannot fail.
    let mut out = serde_json::to_string(record).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_record::Article;

    #[test]
    fn a_line_reads_back_as_the_record() {
        let mut article = Article::new("a.txt", "");
        article.set_text("The ferry resumed service.\nA second line.".into());
        let record = Record::from_article(&article);
        let text = line(&record);
        assert_eq!(text.matches('\n').count(), 1, "one line: {text}");
        let back: Record = serde_json::from_str(&text).expect("json");
        assert_eq!(back, record);
    }
}
