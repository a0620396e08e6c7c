//! Candidate names: known multi-word names and runs of capitalised words (each cut into pieces
//! by `segments`), what a piece's own words say of its type.

use storyline_lexicon::Lexicon;
use storyline_lexicon::{is_entity_word, EntityClass};
use storyline_record::Span;

use crate::dateline::dateline_at;
pub(crate) use crate::known::{known_multi, known_single, Known};
use crate::runs::{is_org_connector, run_end};
use crate::segments::split_run;
use crate::titled::title_of;
use crate::words::Word;

/// What the chunker already knows about a piece's type from its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Nothing in its words decides.
    Plain,
    /// Ends in an organisation word or starts with an organisation head ("Foreign Ministry").
    OrgWords,
    /// Ends in a place word ("Dnipro River", "Kherson Oblast").
    PlaceWords,
    /// Ends in a word naming an event, law or work ("Cold War"): never an entity.
    Other,
}

/// One candidate name: a span of words, what its words and its run say about it.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    /// First word index.
    pub first: usize,
    /// One past the last word index.
    pub end: usize,
    /// Byte span of the name.
    pub span: Span,
    /// The name's words joined by single spaces.
    pub surface: String,
    /// Gazetteer hit, if any.
    pub known: Option<Known>,
    /// Type evidence from the words themselves.
    pub shape: Shape,
    /// Title or role written before the name.
    pub role: Option<String>,
    /// A title, honorific or role noun stands right before it: it names a person.
    pub titled: bool,
    /// The place of a wire dateline ("WASHINGTON (AP) —"): a place whatever its words.
    pub dateline: bool,
}

/// "We've", "Don't", "I'm": a contraction is never a name nor part of one.
pub(crate) fn is_contraction(w: &str) -> bool {
    let w = w.replace('’', "'");
    ["'ve", "'re", "'ll", "n't", "'m", "'d"]
        .iter()
        .any(|s| w.ends_with(s))
}

/// Lower-case words that may join capitalised words inside one name.
pub(crate) fn is_particle(w: &str) -> bool {
    is_entity_word(EntityClass::NameParticle, w)
}

/// "London-based", "NBA-leading", "Australian-born", "Day-by-day": a capitalised word whose
/// last hyphenated part is lower case is a modifier in front of a name, not part of it. A
/// Korean given name is written the same way and is a name ("Kim Jong-un", "Ban Ki-moon").
pub(crate) fn is_hyphen_modifier(w: &str, lex: &Lexicon) -> bool {
    w.rsplit_once('-').is_some_and(|(_, tail)| {
        tail.starts_with(char::is_lowercase) && tail.len() > 1 && !is_korean_given_name(w, lex)
    })
}

/// "Jong-un", "Ki-moon", "Suk-yeol", "Myung-bak": two short syllables joined by a hyphen, the
/// first capitalised and no English word ("Real-time", "Self-made", "Post-war"), the second
/// lower case and no participle or bound word ("US-led", "EU-wide", "Iraq-era").
pub(crate) fn is_korean_given_name(w: &str, lex: &Lexicon) -> bool {
    const BOUND: [&str; 12] = [
        "led", "run", "made", "born", "wide", "bred", "fed", "held", "era", "area", "like", "only",
    ];
    let Some((head, tail)) = w.split_once('-') else {
        return false;
    };
    let mut chars = head.chars();
    let capitalised =
        chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_ascii_lowercase());
    capitalised
        && (2..=5).contains(&head.len())
        && (2..=4).contains(&tail.len())
        && tail.chars().all(|c| c.is_ascii_lowercase())
        && !BOUND.contains(&tail)
        && !lex.is_common_word(head)
}

/// Builds a piece over words `first..end`.
pub(crate) fn piece(words: &[Word<'_>], first: usize, end: usize, lex: &Lexicon) -> Piece {
    let span = Span::new(words[first].span.start(), words[end - 1].span.end());
    let mut surface = String::new();
    for (k, w) in words[first..end].iter().enumerate() {
        if k > 0 {
            // An inner possessive stays written: "King's College London".
            let prev = &words[first + k - 1];
            if prev.possessive {
                surface.push_str(if prev.apos.is_empty() {
                    "'s"
                } else {
                    prev.apos
                });
            }
            if w.amp.is_empty() {
                surface.push(' ');
            } else if w.amp.contains(char::is_whitespace) {
                surface.push_str(" & ");
            } else {
                surface.push('&');
            }
        }
        surface.push_str(w.text);
    }
    let last = words[end - 1].text;
    // "Moody's", "McDonald's": a name that ends in a possessive is looked up as written.
    let known = known_single(&surface, lex).or_else(|| {
        let apos = words[end - 1].possessive && !lex.is_given_name(words[first].text);
        apos.then(|| lex.org(&format!("{surface}'s")))
            .flatten()
            .map(Known::Org)
    });
    let head = words[first].text;
    // An organisation head joined to more words by a connector ("School of Economics").
    let headed = words[first..end].windows(2).any(|pair| {
        lex.is_org_head(pair[0].text) && !pair[1].cap && is_org_connector(pair[1].text)
    });
    // An organisation word followed by its city: "Imperial College London".
    let located =
        end - first >= 3 && lex.is_org_word(words[end - 2].text) && lex.place(last).is_some();
    // Names joined by an ampersand are a firm's ("Marks & Spencer", "Ernst & Young").
    let firm = words[first + 1..end].iter().any(|w| !w.amp.is_empty());
    // "Universidad de Chile", "Vrije Universiteit Amsterdam", "Banco Santander".
    let foreign = words[first..end]
        .iter()
        .any(|w| is_entity_word(EntityClass::ForeignOrgWord, w.text));
    let org =
        lex.is_org_word(last) || lex.is_org_head(head) || headed || located || firm || foreign;
    let shape = if end - first >= 2 && org {
        Shape::OrgWords
    } else if end - first >= 2 && lex.is_place_word(last) && !surname_like(words, first, end, lex) {
        Shape::PlaceWords
    } else if (lex.is_non_entity_word(last) || is_entity_word(EntityClass::EventHead, head))
        && known.is_none()
    {
        Shape::Other
    } else {
        Shape::Plain
    };
    Piece {
        first,
        end,
        span,
        surface,
        known,
        shape,
        role: None,
        titled: false,
        dateline: false,
    }
}

/// A given name and a place word that is also a surname ("Lois Lane", "Grace Park"): a
/// person's name, not a street.
fn surname_like(words: &[Word<'_>], first: usize, end: usize, lex: &Lexicon) -> bool {
    end - first == 2
        && lex.is_given_name(words[first].text)
        && is_entity_word(EntityClass::PlaceHead, words[end - 1].text)
}

/// An organisation whose name opens with an ordinal number: "9th Circuit", "82nd Airborne
/// Division" (the capitalised words after it end in an organisation word).
fn ordinal_org(words: &[Word<'_>], i: usize, text: &str, lex: &Lexicon) -> Option<Piece> {
    let w = words.get(i)?;
    let digits = w.text.trim_end_matches(char::is_alphabetic);
    let suffix = &w.text[digits.len()..];
    let ordinal = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th");
    let next = words.get(i + 1)?;
    if !ordinal || !next.cap || next.gap_before || next.line != w.line || w.possessive {
        return None;
    }
    let j = run_end(words, i + 1, text, lex);
    let p = piece(words, i, j, lex);
    (p.shape == Shape::OrgWords).then_some(p)
}

/// Finds every candidate piece of a text without datelines, in text order.
#[cfg(test)]
pub(crate) fn pieces(words: &[Word<'_>], skip_line: &[bool], text: &str) -> Vec<Piece> {
    pieces_with_datelines(words, skip_line, text, &[])
}

/// [`pieces`] of a text whose cleaning found `datelines` (ascending spans of `text`): the
/// capitalised place opening each is a dateline place whatever follows it ("LONDON
/// 1996-08-31"), even on a line read as a headline.
pub(crate) fn pieces_with_datelines(
    words: &[Word<'_>],
    skip_line: &[bool],
    text: &str,
    datelines: &[Span],
) -> Vec<Piece> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let opens_dateline = datelines
            .binary_search_by_key(&w.span.start(), |d| d.start())
            .is_ok();
        if opens_dateline {
            if let Some(p) = dateline_at(words, i, text, lex, true) {
                i = p.end;
                out.push(p);
                continue;
            }
        }
        if skip_line.get(w.line).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        if !w.cap {
            // "the 9th Circuit Court of Appeals", "the 82nd Airborne Division".
            if let Some(p) = ordinal_org(words, i, text, lex) {
                i = p.end;
                out.push(p);
                continue;
            }
            // A few names are written in lower case ("dpa").
            if let Some(Known::Org(c)) = known_single(w.text, lex) {
                if w.text.len() > 2 {
                    let mut p = piece(words, i, i + 1, lex);
                    p.known = Some(Known::Org(c));
                    out.push(p);
                }
            }
            i += 1;
            continue;
        }
        if i == 0 || words[i - 1].line != w.line {
            if let Some(p) = dateline_at(words, i, text, lex, false) {
                i = p.end;
                out.push(p);
                continue;
            }
        }
        if let Some((n, known)) = known_multi(words, i, lex) {
            // "Los Angeles Police Department": a place that opens an organisation's name.
            let j = run_end(words, i, text, lex);
            if matches!(known, Known::Place(_)) && j > i + n {
                let whole = piece(words, i, j, lex);
                if whole.shape == Shape::OrgWords && lex.is_org_word(words[j - 1].text) {
                    i = j;
                    out.push(whole);
                    continue;
                }
            }
            let mut p = piece(words, i, i + n, lex);
            p.known = Some(known);
            out.push(p);
            i += n;
            continue;
        }
        let j = run_end(words, i, text, lex);
        // "U.S. Secretary of State Antony Blinken": a title word with a complement ends
        // the run; what stands before it is read as usual ("U.S.").
        let mut named = Vec::new();
        let titled = (i..j)
            .take_while(|&t| words[t].cap)
            .find_map(|t| Some((t, title_of(words, t, text, lex, &mut named)?)));
        if let Some((t, end)) = titled {
            split_run(words, i, t + 1, text, lex, &mut out);
            out.append(&mut named);
            i = end;
            continue;
        }
        split_run(words, i, j, text, lex, &mut out);
        i = j;
    }
    out
}

#[cfg(test)]
mod tests;
