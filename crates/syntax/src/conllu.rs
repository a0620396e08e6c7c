//! CoNLL-U: reading treebanks (training data, gold-tokenised input) and writing parses.
//!
//! A sentence is its comment lines, its words (ID `1..n`) and the lines kept verbatim between
//! them (multiword tokens `1-2`, empty nodes `1.1`), so that a file read and written back keeps
//! its words and sentences exactly. A malformed line makes its sentence an error naming the
//! line; the reader goes on with the next sentence.

use std::fmt::Write as _;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    /// FORM.
    pub form: String,
    /// LEMMA (`_` when unknown).
    pub lemma: String,
    /// UPOS.
    pub upos: String,
    /// XPOS.
    pub xpos: String,
    /// FEATS, kept as written.
    pub feats: String,
    /// HEAD: 0 for the root, else the 1-based ID of the head word.
    pub head: usize,
    /// DEPREL.
    pub deprel: String,
    /// DEPS, kept as written.
    pub deps: String,
    /// MISC, kept as written (`SpaceAfter=No`…).
    pub misc: String,
}

impl Word {
    /// A word with only its form known (every other column `_`, head 0).
    pub fn new(form: &str) -> Word {
        let blank = || "_".to_string();
        Word {
            form: form.to_string(),
            lemma: blank(),
            upos: blank(),
            xpos: blank(),
            feats: blank(),
            head: 0,
            deprel: blank(),
            deps: blank(),
            misc: blank(),
        }
    }

    /// Whether MISC says no space follows the word.
    pub fn no_space_after(&self) -> bool {
        self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
}

/// One sentence: comments, words, and verbatim lines before given words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    /// Comment lines, without the leading `#`.
    pub comments: Vec<String>,
    /// The words, in order; word `i` has ID `i + 1`.
    pub words: Vec<Word>,
    /// Multiword-token and empty-node lines, each with the index of the word it precedes.
    pub verbatim: Vec<(usize, String)>,
}

impl Sentence {
    /// The value of comment `# key = value`, if present.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let (k, v) = c.split_once('=')?;
            (k.trim() == key).then(|| v.trim())
        })
    }

    /// Gold heads as 0-based word indices, `None` for the root.
    pub fn heads(&self) -> Vec<Option<usize>> {
        self.words.iter().map(|w| w.head.checked_sub(1)).collect()
    }
}

/// A malformed part of a CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct ConlluError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// Reads every sentence of `text`; malformed sentences become errors and are skipped.
pub fn read(text: &str) -> (Vec<Sentence>, Vec<ConlluError>) {
    let mut out = Collector::default();
    let mut start_line = 1;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            out.flush(start_line);
            start_line = n + 1;
        } else if out.broken.is_some() {
            continue;
        } else if let Some(c) = line.strip_prefix('#') {
            out.current.comments.push(c.trim_start().to_string());
        } else if let Err(reason) = read_line(line, &mut out.current) {
            out.broken = Some(ConlluError { line: n, reason });
        }
    }
    out.flush(start_line);
    (out.sentences, out.errors)
}

/// The reader's state: the sentence being read, and what has been read so far.
#[derive(Default)]
struct Collector {
    current: Sentence,
    broken: Option<ConlluError>,
    sentences: Vec<Sentence>,
    errors: Vec<ConlluError>,
}

impl Collector {
    /// Ends the current sentence, which started on line `start_line`.
    fn flush(&mut self, start_line: usize) {
        let sentence = std::mem::take(&mut self.current);
        if let Some(e) = self.broken.take() {
            self.errors.push(e);
        } else if let Err(reason) = check_heads(&sentence) {
            self.errors.push(ConlluError {
                line: start_line,
                reason,
            });
        } else if !sentence.words.is_empty() {
            self.sentences.push(sentence);
        }
    }
}

/// Reads one token line into the sentence.
fn read_line(line: &str, sentence: &mut Sentence) -> Result<(), String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 10 {
        return Err(format!(
            "expected 10 tab-separated columns, found {}",
            cols.len()
        ));
    }
    let id = cols[0];
    if id.contains('-') || id.contains('.') {
        sentence
            .verbatim
            .push((sentence.words.len(), line.to_string()));
        return Ok(());
    }
    let expected = sentence.words.len() + 1;
    match id.parse::<usize>() {
        Ok(v) if v == expected => {}
        _ => return Err(format!("word ID {id:?}, expected {expected}")),
    }
    if cols[1].is_empty() {
        return Err("empty FORM".into());
    }
    let head = match cols[6] {
        "_" => 0,
        h => h
            .parse::<usize>()
            .map_err(|_| format!("HEAD {h:?} is not a number"))?,
    };
    sentence.words.push(Word {
        form: cols[1].to_string(),
        lemma: cols[2].to_string(),
        upos: cols[3].to_string(),
        xpos: cols[4].to_string(),
        feats: cols[5].to_string(),
        head,
        deprel: cols[7].to_string(),
        deps: cols[8].to_string(),
        misc: cols[9].to_string(),
    });
    Ok(())
}

/// Every head points at a word of the sentence or the root.
fn check_heads(sentence: &Sentence) -> Result<(), String> {
    let n = sentence.words.len();
    match sentence.words.iter().position(|w| w.head > n) {
        Some(i) => Err(format!(
            "word {} has HEAD {} but the sentence has {n} words",
            i + 1,
            sentence.words[i].head
        )),
        None => Ok(()),
    }
}

/// Writes sentences as CoNLL-U (each followed by a blank line).
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        write_sentence(s, &mut out);
    }
    out
}

/// Appends one sentence as CoNLL-U to `out`.
pub fn write_sentence(s: &Sentence, out: &mut String) {
    for c in &s.comments {
        let _ = writeln!(out, "# {c}");
    }
    let mut verbatim = s.verbatim.iter().peekable();
    for (i, w) in s.words.iter().enumerate() {
        while let Some((_, line)) = verbatim.next_if(|(at, _)| *at == i) {
            out.push_str(line);
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            i + 1,
            w.form,
            w.lemma,
            w.upos,
            w.xpos,
            w.feats,
            w.head,
            w.deprel,
            w.deps,
            w.misc
        );
    }
    for (_, line) in verbatim {
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = 1\n# text = NATO won't.\n1\tNATO\tNATO\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\two\twill\tAUX\tMD\t_\t3\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    #[test]
    fn reads_and_writes_back_unchanged() {
        let (s, e) = read(SAMPLE);
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 4);
        assert_eq!(s[0].comment("sent_id"), Some("1"));
        assert_eq!(s[0].heads()[0], Some(2));
        assert!(s[0].words[2].no_space_after());
        // The multiword line sits before word index 1 (ID 2).
        let out = write(&s);
        let mwt = out.lines().position(|l| l.starts_with("2-3")).unwrap();
        let w2 = out.lines().position(|l| l.starts_with("2\t")).unwrap();
        assert_eq!(mwt + 1, w2);
        assert_eq!(out.replace("# ", "#"), SAMPLE.replace("# ", "#"));
    }

    #[test]
    fn a_broken_sentence_is_reported_by_line_and_the_rest_is_kept() {
        let text = "1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n\n1\tb\t_\t_\n\n1\tc\t_\t_\t_\t_\t5\tx\t_\t_\n\n1\td\t_\t_\t_\t_\t0\troot\t_\t_\n";
        let (s, e) = read(text);
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].words[0].form, "d");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].line, 3);
        assert!(e[0].reason.contains("10 tab-separated"));
        assert_eq!(e[1].line, 5);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "[0-9\\t_a-z#\\n.-]{0,300}") {
            let _ = read(&text);
        }
    }
}
