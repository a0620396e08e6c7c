//! Annotated text to learn from and score on: documents of sentences with their mentions,
//! read from CoNLL-2003 files (`word POS chunk NER` lines, IOB tags, `-DOCSTART-` between
//! documents).

use storyline_record::Upos;

use crate::atoms::NerWord;
use crate::labels::{Kind, Mention};

/// One annotated sentence.
#[derive(Debug, Clone, Default)]
pub struct LabeledSentence {
    /// The words.
    pub forms: Vec<String>,
    /// Their parts of speech (`X` until a tagger fills them).
    pub upos: Vec<Upos>,
    /// The named mentions, in order, not overlapping.
    pub mentions: Vec<Mention>,
}

impl LabeledSentence {
    /// The words as the tagger reads them.
    pub fn words(&self) -> Vec<NerWord<'_>> {
        self.forms
            .iter()
            .zip(&self.upos)
            .map(|(form, &upos)| NerWord { form, upos })
            .collect()
    }
}

/// Where a training document comes from: the domain the tagger is chosen for (news
/// annotated as CoNLL-2003 is), or another corpus whose conventions differ.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Domain {
    /// News in CoNLL-2003's conventions: what the shipped tagger reads.
    #[default]
    News,
    /// Another corpus (GUM): learned from through shared features only.
    Other,
}

/// One annotated document: the unit of the tagger's document memory.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The sentences, in order.
    pub sentences: Vec<LabeledSentence>,
    /// Where it comes from.
    pub domain: Domain,
}

/// A line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    /// 1-based line number.
    pub line: usize,
    /// Why.
    pub reason: String,
}

/// Reads CoNLL-2003 text: the documents, and the lines skipped as malformed.
pub fn read_conll2003(text: &str) -> (Vec<Document>, Vec<CorpusError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    let mut doc = Document::default();
    let mut sentence = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            sentence.close(&mut doc);
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.first() == Some(&"-DOCSTART-") {
            sentence.close(&mut doc);
            if !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let (Some(&form), Some(&tag)) = (cols.first(), cols.last()) else {
            continue;
        };
        if cols.len() < 2 {
            errors.push(CorpusError {
                line: n + 1,
                reason: "expected `word ... NER-tag` columns".to_string(),
            });
            continue;
        }
        match read_tag(tag) {
            Some(t) => sentence.push(form, t),
            None => errors.push(CorpusError {
                line: n + 1,
                reason: format!("unknown entity tag {tag:?}"),
            }),
        }
    }
    sentence.close(&mut doc);
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    (docs, errors)
}

/// An IOB tag: `None` inside the option for `O`; the bool says `B-` (a mention begins).
fn read_tag(tag: &str) -> Option<Option<(Kind, bool)>> {
    if tag == "O" {
        return Some(None);
    }
    let (prefix, kind) = tag.split_once('-')?;
    let kind = Kind::from_conll(kind)?;
    match prefix {
        "B" => Some(Some((kind, true))),
        "I" => Some(Some((kind, false))),
        _ => None,
    }
}

/// A sentence being read.
#[derive(Debug, Default)]
struct Sentence {
    out: LabeledSentence,
    open: Option<(usize, Kind)>,
}

impl Sentence {
    fn push(&mut self, form: &str, tag: Option<(Kind, bool)>) {
        let i = self.out.forms.len();
        let continues =
            matches!((tag, self.open), (Some((k, false)), Some((_, open))) if k == open);
        if !continues {
            self.end_mention(i);
            if let Some((kind, _)) = tag {
                self.open = Some((i, kind));
            }
        }
        self.out.forms.push(form.to_string());
        self.out.upos.push(Upos::X);
    }

    fn end_mention(&mut self, end: usize) {
        if let Some((start, kind)) = self.open.take() {
            self.out.mentions.push(Mention { start, end, kind });
        }
    }

    fn close(&mut self, doc: &mut Document) {
        self.end_mention(self.out.forms.len());
        if !self.out.forms.is_empty() {
            doc.sentences.push(std::mem::take(&mut self.out));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_sentences_and_mentions() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\
                    German JJ B-NP B-MISC\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\
                    Smith NNP I-NP B-PER\n\n-DOCSTART- -X- -X- O\n\nParis NNP B-NP I-LOC\n\
                    bad line X-Y\n";
        let (docs, errors) = read_conll2003(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        let s = &docs[0].sentences[1];
        assert_eq!(s.mentions.len(), 2);
        assert_eq!((s.mentions[0].start, s.mentions[0].end), (0, 2));
        assert_eq!(s.mentions[1].kind, Kind::Person);
        // IOB1: an I- tag after O begins a mention.
        assert_eq!(docs[1].sentences[0].mentions[0].kind, Kind::Place);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 14);
    }
}
