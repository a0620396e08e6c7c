//! Named mentions of the GUM corpus (Georgetown University Multilayer), read from the
//! `Entity=` brackets of its CoNLL-U MISC column as CoNLL-2003 would mark them.
//!
//! GUM brackets every mention, named or not ("(3-organization-new-…" opens mention 3 at a
//! word, "3)" closes it), with its type. A mention is a name when its head word (the word
//! whose syntactic head lies outside the mention) is a proper noun; the name is then the run
//! of proper nouns (and capitalised words of other classes) around that head, across "of", "and", "&", "for", "de" and "the" between
//! two proper nouns ("Bank of England"), so that titles and determiners before it ("President
//! Obama", "the NATO alliance") stay out, as CoNLL-2003 annotates. Persons, places and
//! organisations become PER, LOC and ORG; named events, objects and abstractions (works,
//! products, languages, creeds) become MISC, which the tagger learns and never reports; named
//! times ("Friday"), substances, animals and plants are no names. Nested names keep the
//! outermost.

use storyline_lexicon::Lexicon;
use storyline_record::Upos;
use storyline_syntax::conllu::{self, Sentence};

use crate::corpus::{CorpusError, Document, Domain, LabeledSentence};
use crate::labels::{Kind, Mention};

/// Words that may join two proper nouns inside one name.
const JOINERS: [&str; 6] = ["of", "and", "&", "for", "de", "the"];

/// Reads one GUM CoNLL-U file as one document (its sentences with their named mentions),
/// and the lines skipped as malformed.
pub fn read_gum(text: &str) -> (Document, Vec<CorpusError>) {
    let (sentences, errors) = conllu::read(text);
    let errors = errors
        .into_iter()
        .map(|e| CorpusError {
            line: e.line,
            reason: e.reason,
        })
        .collect();
    let doc = Document {
        sentences: sentences.iter().map(labeled).collect(),
        domain: Domain::Other,
    };
    (doc, errors)
}

/// One sentence with its named mentions.
fn labeled(s: &Sentence) -> LabeledSentence {
    let mut found: Vec<Mention> = brackets(s)
        .into_iter()
        .filter_map(|(start, end, ty)| name_in(s, start, end, ty))
        .collect();
    // Outermost first; a name inside a kept one is dropped.
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut mentions: Vec<Mention> = Vec::new();
    for m in found {
        if mentions.last().is_none_or(|last| m.start >= last.end) {
            mentions.push(m);
        }
    }
    LabeledSentence {
        forms: s.words.iter().map(|w| w.form.clone()).collect(),
        upos: vec![Upos::X; s.words.len()],
        mentions,
    }
}

/// The mentions bracketed in a sentence: word range `[start, end)` and GUM type.
fn brackets(s: &Sentence) -> Vec<(usize, usize, String)> {
    let mut open: Vec<(String, usize, String)> = Vec::new();
    let mut out = Vec::new();
    for (i, w) in s.words.iter().enumerate() {
        let Some(value) = w.misc.split('|').find_map(|f| f.strip_prefix("Entity=")) else {
            continue;
        };
        let mut rest = value;
        while !rest.is_empty() {
            if let Some(body) = rest.strip_prefix('(') {
                let end = body.find(['(', ')']).unwrap_or(body.len());
                let mut parts = body[..end].split('-');
                let id = parts.next().unwrap_or("").to_string();
                let ty = parts.next().unwrap_or("").to_string();
                rest = &body[end..];
                if let Some(after) = rest.strip_prefix(')') {
                    out.push((i, i + 1, ty));
                    rest = after;
                } else {
                    open.push((id, i, ty));
                }
            } else {
                let end = rest.find(')').unwrap_or(rest.len());
                let id = &rest[..end];
                if let Some(k) = open.iter().rposition(|(o, _, _)| o == id) {
                    let (_, start, ty) = open.remove(k);
                    out.push((start, i + 1, ty));
                }
                rest = rest.get(end + 1..).unwrap_or("");
            }
        }
    }
    out
}

/// The name a mention holds, if its head is a proper noun.
fn name_in(s: &Sentence, start: usize, end: usize, ty: String) -> Option<Mention> {
    let heads = s.heads();
    let inside = |k: Option<usize>| k.is_some_and(|k| (start..end).contains(&k));
    let head = (start..end).find(|&k| !inside(heads[k]))?;
    if s.words[head].upos != "PROPN" {
        return None;
    }
    // A word of the name: a proper noun, or a capitalised adjective or verb inside one
    // ("Democratic Party"; GUM tags the "United" of "United States" a verb).
    let propn = |k: usize| {
        let w = &s.words[k];
        w.upos == "PROPN"
            || (matches!(w.upos.as_str(), "ADJ" | "VERB" | "NOUN" | "NUM")
                && w.form.chars().next().is_some_and(char::is_uppercase))
    };
    // Titles before the name stay out ("President Obama", "Dr. Smith").
    let title = |k: usize| Lexicon::get().is_title_word(&s.words[k].form);
    let mut a = head;
    while a > start && propn(a - 1) && !title(a - 1) {
        a -= 1;
    }
    if title(a) && a < head {
        a += 1;
    }
    let mut b = head + 1;
    loop {
        if b < end && propn(b) {
            b += 1;
        } else if b + 1 < end
            && JOINERS.contains(&s.words[b].form.to_lowercase().as_str())
            && propn(b + 1)
        {
            b += 2;
        } else {
            break;
        }
    }
    let kind = match ty.as_str() {
        "person" => Kind::Person,
        "place" => Kind::Place,
        // GUM types a country that acts ("Sweden voted") as an organisation; CoNLL-2003 and
        // the record keep a known place a place.
        "organization" if is_known_place(s, a, b) => Kind::Place,
        "organization" => Kind::Org,
        // Events, works, products, languages, creeds: CoNLL-2003's MISC.
        "event" | "object" | "abstract" => Kind::Misc,
        // Days and months ("Friday", "July"), substances, animals, plants: no names there.
        _ => return None,
    };
    Some(Mention {
        start: a,
        end: b,
        kind,
    })
}

/// Whether words `[a, b)` name a place of the gazetteer that is no organisation's name.
fn is_known_place(s: &Sentence, a: usize, b: usize) -> bool {
    let name = s.words[a..b]
        .iter()
        .map(|w| w.form.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let lex = Lexicon::get();
    lex.place_folded(&name).is_some() && lex.org(&name).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: usize, form: &str, upos: &str, head: usize, misc: &str) -> String {
        format!("{id}\t{form}\t_\t{upos}\t_\t_\t{head}\t_\t_\t{misc}\n")
    }

    #[test]
    fn reads_names_not_titles_nor_common_nouns() {
        let text = [
            row(1, "President", "PROPN", 2, "Entity=(1-person-new-x"),
            row(2, "Obama", "PROPN", 3, "Entity=1)"),
            row(3, "visited", "VERB", 0, "_"),
            row(4, "the", "DET", 5, "Entity=(2-organization-new-x"),
            row(5, "Bank", "PROPN", 3, "_"),
            row(6, "of", "ADP", 7, "_"),
            row(7, "England", "PROPN", 5, "Entity=(3-place-new-x)2)"),
            row(8, "and", "CCONJ", 10, "_"),
            row(9, "a", "DET", 10, "Entity=(4-place-new-x"),
            row(10, "farm", "NOUN", 5, "Entity=4)"),
            row(11, "in", "ADP", 12, "_"),
            row(12, "Sweden", "PROPN", 10, "Entity=(5-organization-new-x)"),
        ]
        .concat();
        let (doc, errors) = read_gum(&text);
        assert!(errors.is_empty());
        let s = &doc.sentences[0];
        let got: Vec<(usize, usize, Kind)> = s
            .mentions
            .iter()
            .map(|m| (m.start, m.end, m.kind))
            .collect();
        assert_eq!(
            got,
            [
                (1, 2, Kind::Person),
                (4, 7, Kind::Org),
                (11, 12, Kind::Place)
            ]
        );
    }

    #[test]
    fn other_named_things_are_misc() {
        let text = [
            row(1, "Wimbledon", "PROPN", 2, "Entity=(1-event-new-x)"),
            row(2, "ended", "VERB", 0, "_"),
        ]
        .concat();
        let (doc, _) = read_gum(&text);
        assert_eq!(doc.sentences[0].mentions[0].kind, Kind::Misc);
    }
}
