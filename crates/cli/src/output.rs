//! Writers for article records: JSONL, a JSON array, or readable text.

use std::io::Write;

use anyhow::Result;
use storyline_record::terminal::{escape, Breaks};
use storyline_record::Record;

use crate::args::Format;

/// Writes records in one format, one at a time.
pub struct RecordWriter<W: Write> {
    out: W,
    format: Format,
    num_written: usize,
}

impl<W: Write> RecordWriter<W> {
    /// A writer of `format` onto `out`.
    pub fn new(out: W, format: Format) -> RecordWriter<W> {
        RecordWriter {
            out,
            format,
            num_written: 0,
        }
    }

    /// Writes one record.
    pub fn write(&mut self, record: &Record) -> Result<()> {
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, record)?;
                self.out.write_all(b"\n")?;
            }
            Format::Json => {
                self.out.write_all(if self.num_written == 0 {
                    b"[\n"
                } else {
                    b",\n"
                })?;
                serde_json::to_writer_pretty(&mut self.out, record)?;
            }
            Format::Text => write_text(&mut self.out, record)?,
        }
        self.num_written += 1;
        Ok(())
    }

    /// Closes the output (the JSON array's bracket) and flushes it.
    pub fn finish(mut self) -> Result<()> {
        if self.format == Format::Json {
            self.out.write_all(if self.num_written == 0 {
                b"[]\n"
            } else {
                b"\n]\n"
            })?;
        }
        self.out.flush()?;
        Ok(())
    }
}

/// The readable summary of one record. Every string from the article is written with control
/// characters escaped (this output is meant for a terminal): on one line for fields, line
/// breaks kept for the body.
fn write_text(out: &mut impl Write, r: &Record) -> Result<()> {
    let one_line = |v: &str| escape(v, Breaks::Escape).into_owned();
    let or_dash = |v: &Option<String>| v.as_deref().map_or_else(|| "-".to_string(), one_line);
    writeln!(out, "== {} ({})", one_line(&r.source), r.id)?;
    writeln!(out, "title:     {}", or_dash(&r.title))?;
    writeln!(
        out,
        "outlet:    {}   published: {}   author: {}   language: {}",
        or_dash(&r.outlet),
        or_dash(&r.published),
        or_dash(&r.author),
        or_dash(&r.language)
    )?;
    writeln!(
        out,
        "counts:    {} sentences, {} entities, {} quotes, {} claims, {} events, {} removed",
        r.sentences.len(),
        r.entities.len(),
        r.quotes.len(),
        r.claims.len(),
        r.events.len(),
        r.removed.len()
    )?;
    for e in &r.entities {
        let role = e
            .role
            .as_deref()
            .map(|x| format!(" [{}]", one_line(x)))
            .unwrap_or_default();
        writeln!(
            out,
            "entity:    {} {}{} x{}",
            e.kind,
            one_line(&e.name),
            role,
            e.mentions.len()
        )?;
    }
    for q in &r.quotes {
        writeln!(
            out,
            "quote:     {} ({}, {}): \"{}\"",
            or_dash(&q.speaker),
            q.kind,
            or_dash(&q.cue),
            one_line(&q.text)
        )?;
    }
    for c in &r.claims {
        writeln!(
            out,
            "claim:     {} = {} ({})",
            one_line(&c.text),
            c.value,
            or_dash(&c.claimant)
        )?;
    }
    for f in &r.framing {
        let voice = match &f.speaker {
            Some(s) => format!("{}: {}", f.voice, one_line(s)),
            None => f.voice.clone(),
        };
        writeln!(
            out,
            "framing:   {} ({voice}): {}",
            f.kind,
            one_line(&f.text)
        )?;
    }
    if let Some(t) = r.tone {
        writeln!(out, "tone:      {:.2} over {} words", t.tone, t.words)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", escape(&r.text, Breaks::Keep))?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_record::Article;

    fn record() -> Record {
        let mut a = Article::new("a.txt", "Body.");
        a.set_text("Body.".into());
        Record::from_article(&a)
    }

    #[test]
    fn json_array_is_valid_for_zero_one_and_two_records() {
        for n in 0..3 {
            let mut buf = Vec::new();
            let mut w = RecordWriter::new(&mut buf, Format::Json);
            for _ in 0..n {
                w.write(&record()).expect("write");
            }
            w.finish().expect("finish");
            let parsed: Vec<Record> = serde_json::from_slice(&buf).expect("valid JSON");
            assert_eq!(parsed.len(), n);
        }
    }

    #[test]
    fn jsonl_is_one_line_per_record() {
        let mut buf = Vec::new();
        let mut w = RecordWriter::new(&mut buf, Format::Jsonl);
        w.write(&record()).expect("write");
        w.write(&record()).expect("write");
        w.finish().expect("finish");
        let text = String::from_utf8(buf).expect("utf8");
        assert_eq!(text.lines().count(), 2);
    }

    #[test]
    fn text_escapes_control_characters_from_the_article() {
        let mut a = Article::new("evil\x1b]0;x\x07.txt", "Body.");
        a.set_text("First \x1b[2J line.\nSecond \u{202e}line.".into());
        a.meta.title = Some("Title\nforged: line".into());
        let mut buf = Vec::new();
        write_text(&mut buf, &Record::from_article(&a)).expect("write");
        let text = String::from_utf8(buf).expect("utf8");
        assert!(!text.contains(['\x1b', '\x07', '\u{202e}']), "{text}");
        assert!(text.starts_with("== evil\\x1b]0;x\\x07.txt ("), "{text}");
        assert!(text.contains("title:     Title\\nforged: line\n"), "{text}");
        assert!(
            text.contains("First \\x1b[2J line.\nSecond \\u{202e}line."),
            "{text}"
        );
    }

    #[test]
    fn text_lists_framing_markers_with_their_voice() {
        let mut r = record();
        r.framing.push(storyline_record::RecordFraming {
            kind: "loaded".into(),
            text: "regime".into(),
            span: [0, 6],
            term: Some("regime".into()),
            category: None,
            voice: "quote".into(),
            speaker: Some("Kuleba".into()),
        });
        let mut buf = Vec::new();
        write_text(&mut buf, &r).expect("write");
        let text = String::from_utf8(buf).expect("utf8");
        assert!(
            text.contains("framing:   loaded (quote: Kuleba): regime"),
            "{text}"
        );
    }
}
