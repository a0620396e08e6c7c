//! Finds the cue that attributes a quote and the subject phrase of that cue.
//!
//! After the quote: `"…," he said`, `"…," said Patrushev, according to …`, `"…," Johnson's
//! spokesman said`, `"…," according to the club`. Before it, in the same sentence:
//! `Truss, however, said it was "…"`, `McFaul, the former ambassador, wrote on Twitter, "…"`,
//! `Lavrov, who said there was "…"`, `what it called "…"`. Subjects are phrases of tokens; the
//! speaker module turns them into names.

use storyline_lexicon::{is_quote_word, QuoteClass};
use storyline_record::{Span, Upos};

use crate::layout::{ceil_boundary, covering, paragraph_bounds, sentence_start};
use crate::tok::{Page, Tok};
use crate::words::{
    ends_inverted_subject, is_cue, is_determiner, is_naming_cue, is_skippable_before_cue, pronoun,
};

/// A cue and the phrase naming who speaks through it.
#[derive(Debug, Clone)]
pub(crate) struct Cue<'t> {
    /// The cue as written ("said", "according to"); `None` for a bare colon (`Smith: "…"`).
    pub word: Option<String>,
    /// The subject phrase (may be empty when the cue has no subject of its own).
    pub subject: Vec<Tok<'t>>,
}

/// Whether a token is a quotation mark.
fn is_mark(t: &Tok<'_>) -> bool {
    !t.word
        && matches!(
            t.text,
            "\"" | "“" | "”" | "„" | "'" | "‘" | "’" | "‚" | "«" | "»" | "''" | "``"
        )
}

/// Whether a token ends a clause for attribution purposes.
fn ends_clause(toks: &[Tok<'_>], i: usize) -> bool {
    let t = &toks[i];
    match t.text {
        "!" | "?" | ";" => true,
        // "U.S." tokenises as "U.S" + ".", the dot of "Mr." was kept in its token by the
        // segment stage, and one before a comma or a closing bracket ends an abbreviation
        // ("R-Ky.,", "(D-Md.)"): such a full stop ends nothing.
        "." => {
            !t.cut
                && toks
                    .get(i + 1)
                    .is_none_or(|n| !matches!(n.text, ")" | "]" | ","))
                && !toks
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| p.word && (p.text.contains('.') || p.text.len() == 1))
        }
        _ => is_mark(t),
    }
}

/// Words that stop a subject phrase read backwards from its cue.
fn stops_subject(w: &str) -> bool {
    is_quote_word(QuoteClass::SubjectStop, w)
}

/// The subject of the cue at `toks[c]`, read backwards: skips adverbs and auxiliaries, jumps
/// over a parenthetical between commas and over a relative pronoun.
pub(crate) fn subject_before<'t>(toks: &[Tok<'t>], c: usize) -> Vec<Tok<'t>> {
    let mut j = c;
    let skip = |j: &mut usize| {
        while *j > 0 && toks[*j - 1].word && is_skippable_before_cue(&toks[*j - 1].lower()) {
            *j -= 1;
        }
    };
    skip(&mut j);
    if j > 0 && toks[j - 1].text == "," {
        // "Truss, however, said" / "McFaul, the former ambassador, wrote".
        let from = j.saturating_sub(16);
        if let Some(k) = (from..j - 1).rev().find(|&k| toks[k].text == ",") {
            if !toks[k + 1..j - 1]
                .iter()
                .any(|t| t.word && is_cue(&t.lower()))
            {
                // "The club's chairman, John Allan, said": a name between the commas is the
                // speaker; anything else there is a parenthetical to step over.
                let inner = &toks[k + 1..j - 1];
                let lead = inner.first().is_some_and(|t| t.is_capitalized());
                if lead && inner.iter().all(|t| t.is_capitalized()) && inner.len() <= 4 {
                    return inner.to_vec();
                }
                j = k;
                skip(&mut j);
            }
        }
    }
    if j > 0 && is_quote_word(QuoteClass::RelativePronoun, &toks[j - 1].lower()) {
        j -= 1;
        if j > 0 && toks[j - 1].text == "," {
            j -= 1;
        }
    }
    let end = j;
    while j > 0 && end - j < 8 {
        let t = &toks[j - 1];
        let l = t.lower();
        if !t.word || stops_subject(&l) || (is_cue(&l) && !t.is_capitalized()) {
            break;
        }
        if l == "of" {
            let next_cap = toks.get(j).is_some_and(Tok::is_capitalized);
            let prev_cap = j >= 2 && toks[j - 2].is_capitalized();
            if !(next_cap && prev_cap) {
                break;
            }
        }
        j -= 1;
        if is_determiner(&l) {
            break;
        }
    }
    toks[j..end].to_vec()
}

/// The cue right after a quote's closing mark, in the same clause, with its subject.
///
/// `ended_sentence`: the quote closed its own sentence (`"We won."`), so a following clause
/// attributes it only when it is short (`"We won." Smith said.`), not a new statement.
pub(crate) fn cue_after<'t>(page: Page<'t>, close: usize, ended_sentence: bool) -> Option<Cue<'t>> {
    let text = page.text;
    let (_, para_end) = paragraph_bounds(text, close);
    let mut end = (close + 240).min(para_end);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let toks = page.words(close, end);
    let mut i = 0;
    while i < toks.len()
        && !toks[i].word
        && matches!(toks[i].text, "," | "—" | "–" | "-" | "." | "!" | "?" | "…")
    {
        i += 1;
    }
    let start = i;
    let stop = (start..toks.len())
        .find(|&k| ends_clause(&toks, k))
        .unwrap_or(toks.len());
    let clause = &toks[start..stop];
    if clause.is_empty() || (ended_sentence && (start == 0 || clause.len() > 8)) {
        return None;
    }
    // The cue is among the clause's first eight words (punctuation not counted), and not
    // the second word of a name ("the United States").
    let mut words = 0;
    let in_name = |k: usize| k > 0 && clause[k].is_capitalized() && clause[k - 1].is_capitalized();
    let Some(c) = clause
        .iter()
        .take_while(|t| {
            words += usize::from(t.word);
            words <= 8
        })
        .enumerate()
        .position(|(k, t)| {
            t.word && (cues_after_quote(&t.lower()) || t.lower() == "according") && !in_name(k)
        })
    else {
        return cue_after_aside(clause).or_else(|| quotative_frame(page, clause));
    };
    let cue = &clause[c];
    if cue.lower() == "according" {
        let to = clause.get(c + 1).filter(|t| t.lower() == "to")?;
        let subject = phrase_until_break(&clause[c + 2..]);
        return Some(Cue {
            word: Some(format!("{} {}", cue.text, to.text)),
            subject,
        });
    }
    let subject = if c == 0 {
        phrase_until_break(&clause[1..])
    } else {
        let before = &clause[..c];
        let cut = before
            .iter()
            .position(|t| t.text == ",")
            .unwrap_or(before.len());
        let mut subject = without_asides(&before[..cut]);
        while subject
            .last()
            .is_some_and(|t| is_skippable_before_cue(&t.lower()))
            && subject.len() > 1
        {
            subject.pop();
        }
        if subject.iter().any(|t| !t.word) {
            return None;
        }
        subject
    };
    Some(Cue {
        word: Some(cue.text.to_string()),
        subject,
    })
}

/// Whether `w` attributes the quotation before it (a naming verb, `called "…"`, does not).
fn cues_after_quote(w: &str) -> bool {
    is_cue(w) && !is_naming_cue(w)
}

/// `"…," he mocks.`, `"…," Bozell points out.`: right after a quotation, a short subject (a
/// pronoun, or a name of at most three capitalised words) and a finite verb that ends the
/// clause but for at most two lower-case words (`went on`): in that frame any verb says how
/// the quotation was said, listed cue or not.
fn quotative_frame<'t>(page: Page<'t>, clause: &[Tok<'t>]) -> Option<Cue<'t>> {
    let finite = |t: &Tok<'_>| {
        let at = page
            .tokens
            .partition_point(|x| x.span.start() < t.span.start());
        page.tokens.get(at).is_some_and(|x| {
            x.span.start() == t.span.start()
                && x.upos == Upos::Verb
                && matches!(x.xpos.name(), "VBD" | "VBZ" | "VBP")
        })
    };
    let v = (1..clause.len().min(4)).find(|&k| finite(&clause[k]))?;
    let subject = &clause[..v];
    let pronoun_subject = subject.len() == 1 && pronoun(&subject[0].lower()).is_some();
    if !pronoun_subject && !subject.iter().all(Tok::is_capitalized) {
        return None;
    }
    let rest = &clause[v + 1..];
    let particles = rest
        .iter()
        .all(|t| t.word && t.text.chars().all(|c| c.is_ascii_lowercase()));
    (rest.len() <= 2 && particles).then(|| Cue {
        word: Some(clause[v].text.to_string()),
        subject: subject.to_vec(),
    })
}

/// `NAME, a long aside, said`: a name of at most five words, then an aside between commas
/// (no cue verb in it: "United States" is a name), then the cue. The name is the subject.
fn cue_after_aside<'t>(clause: &[Tok<'t>]) -> Option<Cue<'t>> {
    let first = clause.iter().position(|t| t.text == ",")?;
    let name = without_asides(&clause[..first]);
    if name.is_empty() || name.len() > 5 || !name.iter().all(Tok::is_capitalized) {
        return None;
    }
    let c = (first + 2..clause.len().min(first + 40)).find(|&k| {
        clause[k - 1].text == "," && clause[k].word && cues_after_quote(&clause[k].lower())
    })?;
    let aside_has_cue = clause[first + 1..c - 1]
        .iter()
        .any(|t| t.word && !t.is_capitalized() && is_cue(&t.lower()));
    (!aside_has_cue).then(|| Cue {
        word: Some(clause[c].text.to_string()),
        subject: name,
    })
}

/// A subject phrase without the dots its abbreviations keep ("Mr. Clarke") and without a
/// bracketed aside ("Rep. Elijah E. Cummings (D-Md.)").
fn without_asides<'t>(phrase: &[Tok<'t>]) -> Vec<Tok<'t>> {
    let mut depth = 0usize;
    let mut out = Vec::with_capacity(phrase.len());
    for t in phrase {
        match t.text {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = depth.saturating_sub(1),
            "." if t.cut => {}
            _ if depth == 0 => out.push(*t),
            _ => {}
        }
    }
    out
}

/// A name set after a quote with a dash and ending its line (`“…” ― Sonya Herridge`), the
/// convention of pull quotes and reader comments: the dash is the cue, the name the speaker.
/// The credit may stand on the line under the quote, after a blank line too, and add a role
/// after a comma (`— Maria Kowalski, union steward`); opening its own line, a hyphen is a
/// dash (`- Hillary Clinton`).
pub(crate) fn dash_byline<'t>(page: Page<'t>, close: usize) -> Option<Cue<'t>> {
    let text = page.text;
    let reach = ceil_boundary(text, close.saturating_add(120));
    let line_end = |from: usize| {
        text.get(from..reach)
            .and_then(|t| t.find('\n'))
            .map_or(reach, |k| from + k)
    };
    let mut start = close;
    let mut end = line_end(close);
    let mut own_line = false;
    // The rest of the quote's line, then at most one blank line, may be empty.
    for _ in 0..2 {
        if end < reach && text.get(start..end).is_some_and(|t| t.trim().is_empty()) {
            start = end + 1;
            end = line_end(start);
            own_line = true;
        }
    }
    let toks = page.words(start, end);
    let (dash, rest) = toks.split_first()?;
    let is_dash = matches!(dash.text, "―" | "—" | "–") || own_line && dash.text == "-";
    if dash.word || !is_dash {
        return None;
    }
    let name: Vec<Tok<'t>> = rest.iter().take_while(|t| t.word).copied().collect();
    let tail = &rest[name.len()..];
    let is_name = (1..=4).contains(&name.len()) && name.iter().all(Tok::is_capitalized);
    let role = tail.first().is_some_and(|t| t.text == ",")
        && tail.len() <= 10
        && tail[1..]
            .iter()
            .all(|t| t.word || matches!(t.text, "," | "."));
    let ends_line =
        (end < reach || end == text.len()) && (tail.iter().all(|t| t.text == ".") || role);
    (is_name && ends_line).then(|| Cue {
        word: Some(dash.text.to_string()),
        subject: name,
    })
}

/// An inverted subject: words up to a comma or a word that starts an adjunct.
fn phrase_until_break<'t>(toks: &[Tok<'t>]) -> Vec<Tok<'t>> {
    toks.iter()
        .take_while(|t| t.word && (t.is_capitalized() || !ends_inverted_subject(&t.lower())))
        .take(8)
        .copied()
        .collect()
}

/// Cues before a quote in its own sentence, nearest first, with their subjects; also the
/// sentence's span (for the clause-subject fallback).
pub(crate) fn cues_before<'t>(
    page: Page<'t>,
    open: usize,
    masks: &[Span],
    own: Span,
) -> (Vec<Cue<'t>>, Span) {
    let (para_start, _) = paragraph_bounds(page.text, open);
    // The token layer also ends a sentence after a dateline or a run-in head, where no full
    // stop is.
    let start =
        sentence_start(page.text, open, para_start).max(page.start_after_head(open).unwrap_or(0));
    let toks: Vec<Tok<'t>> = page
        .words(start, open)
        .into_iter()
        .filter(|t| !is_mark(t) && covering(masks, t.span.start()).is_none_or(|m| m == own))
        .collect();
    let mut cues = Vec::new();
    for i in (0..toks.len()).rev() {
        let t = &toks[i];
        if !t.word {
            continue;
        }
        let l = t.lower();
        if l == "according" && toks.get(i + 1).is_some_and(|n| n.lower() == "to") {
            cues.push(Cue {
                word: Some(format!("{} {}", t.text, toks[i + 1].text)),
                subject: phrase_until_break(&toks[i + 2..]),
            });
        } else if is_cue(&l) && !t.is_capitalized() {
            // "called"/"dubbed" attribute speech in "what X called" and "called the plan",
            // not right before the quote ("a group called the").
            let what = i >= 2 && toks[i - 2].lower() == "what";
            let object = toks[i + 1..]
                .iter()
                .any(|o| o.word && !is_determiner(&o.lower()));
            if is_naming_cue(&l) && !what && !object {
                continue;
            }
            cues.push(Cue {
                word: Some(t.text.to_string()),
                subject: subject_before(&toks, i),
            });
        }
    }
    if cues.is_empty() && toks.last().is_some_and(|t| t.text == ":") {
        let subject = subject_before(&toks, toks.len() - 1);
        cues.push(Cue {
            word: None,
            subject,
        });
    }
    (cues, Span::new(start, open.max(start)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tok::with_page;

    fn words(toks: &[Tok<'_>]) -> String {
        toks.iter().map(|t| t.text).collect::<Vec<_>>().join(" ")
    }

    fn after(text: &str) -> Option<(String, String)> {
        let close = text.find("\" ").or_else(|| text.find("” "))? + 1;
        with_page(text, |page| {
            let c = cue_after(page, close, false)?;
            Some((c.word.unwrap_or_default(), words(&c.subject)))
        })
    }

    #[test]
    fn cue_after_with_subject_and_inversion() {
        assert_eq!(
            after("\"We were poor,\" said coach Erik ten Hag."),
            Some(("said".into(), "coach Erik ten Hag".into()))
        );
        assert_eq!(
            after("\"Costs will rise,\" the company's finance chief told analysts on Tuesday."),
            Some(("told".into(), "the company's finance chief".into()))
        );
        assert_eq!(
            after("\"The road stays shut,\" police said in a statement, the BBC reported."),
            Some(("said".into(), "police".into()))
        );
        assert_eq!(
            after("\"Prices fell,\" according to the statistics office."),
            Some(("according to".into(), "the statistics office".into()))
        );
        assert_eq!(after("\"We lost\" because the referee was poor."), None);
        // A cue word inside a name is no cue; a title-case cue after the mark is.
        assert_eq!(
            after("A \"phase one\" trade deal between the United States and China was signed."),
            None
        );
        assert_eq!(
            after("\"We Will Win,\" Says Coach Before Final"),
            Some(("Says".into(), "Coach Before Final".into()))
        );
    }

    #[test]
    fn present_tense_cues_of_feature_copy_invert_too() {
        assert_eq!(
            after("\"We are excited about the tour,\" comments Johnston in a statement."),
            Some(("comments".into(), "Johnston".into()))
        );
    }

    #[test]
    fn cue_after_a_titled_subject_with_an_aside() {
        assert_eq!(
            after("\"I am the guy,\" Mr. Clarke said."),
            Some(("said".into(), "Mr Clarke".into()))
        );
        assert_eq!(
            after("\"He would be great,\" Rep. Elijah E. Cummings (D-Md.) said in an interview."),
            Some(("said".into(), "Rep Elijah E Cummings".into()))
        );
        assert_eq!(
            after("\"It will pass,\" Senate Leader Mitch Reed, R-Ky., said Tuesday."),
            Some(("said".into(), "Senate Leader Mitch Reed".into()))
        );
        assert_eq!(
            after("\"It is clear,\" Michael Reed, a fellow at the Hoover Institution and a former United States envoy to Moscow, said of the network."),
            Some(("said".into(), "Michael Reed".into()))
        );
        // A sentence's own full stop still ends the clause.
        assert_eq!(
            after("\"We lost,\" he wrote. The club said nothing."),
            Some(("wrote".into(), "he".into()))
        );
    }

    fn before(text: &str) -> Vec<(String, String)> {
        let open = text.rfind('"').unwrap_or(0);
        let open = text[..open].rfind('"').unwrap_or(open);
        with_page(text, |page| {
            cues_before(page, open, &[], Span::default())
                .0
                .into_iter()
                .map(|c| (c.word.unwrap_or_default(), words(&c.subject)))
                .collect()
        })
    }

    #[test]
    fn cue_before_skips_adverbs_parentheticals_and_relatives() {
        assert_eq!(
            before("The mayor, however, said the plan was \"a disaster\".")[0].1,
            "The mayor"
        );
        assert_eq!(
            before("Jane Ode, the club's former captain, wrote on Twitter, \"Proud of them all.\"")
                [0]
            .1,
            "Jane Ode"
        );
        assert_eq!(before("It was praised by the chief executive, who said profits were \"simply outstanding\".")[0].1, "the chief executive");
        assert_eq!(
            before("The central bank has also said inflation was \"broadly under control\".")[0].1,
            "The central bank"
        );
    }

    #[test]
    fn naming_verbs_only_cue_in_what_x_called() {
        let cues =
            before("Regulators warned that what they called \"reckless lending\" would spread.");
        assert_eq!(cues[0], ("called".into(), "they".into()));
        assert_eq!(cues[1], ("warned".into(), "Regulators".into()));
        assert!(before("A man called \"the butcher of the east\" was arrested.").is_empty());
        let cues = before("Analysts at the bank called the results \"a clear beat\" on Monday.");
        assert_eq!(cues[0], ("called".into(), "the bank".into()));
    }
}
