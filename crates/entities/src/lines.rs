//! What each line of an article's text is, for reading names: a credit line, a caption or a
//! bare one-word label such as "News" (no names there), a title-cased headline (capitals say nothing about names), a headline in
//! capitals, or a list of names (content, whatever its capitals).

use storyline_lexicon::{capitalised, credit_markers, Lexicon};

use crate::words::Word;

/// What each line of a text is, by line index.
#[derive(Debug, Default)]
pub(crate) struct LineFlags {
    /// A credit line or a caption: no names are read there.
    pub skip: Vec<bool>,
    /// Title-cased (a headline or teaser): capitals say nothing about names.
    pub headline: Vec<bool>,
    /// A headline in capitals only.
    pub shouting: Vec<bool>,
    /// A result or a row of a league table (sports copy).
    pub results: Vec<bool>,
}

impl LineFlags {
    /// Whether `flags` marks the line of `word`.
    pub fn on(flags: &[bool], word: Option<&Word<'_>>) -> bool {
        word.is_some_and(|w| flags.get(w.line).copied().unwrap_or(false))
    }
}

/// The flags of every line of `words`.
pub(crate) fn line_flags(words: &[Word<'_>], text: &str, lex: &Lexicon) -> LineFlags {
    let num_lines = words.last().map_or(0, |w| w.line + 1);
    let mut skip = vec![false; num_lines];
    let mut headline = vec![false; num_lines];
    let mut shouting = vec![false; num_lines];
    let mut results = vec![false; num_lines];
    let mut start = 0;
    while start < words.len() {
        let line = words[start].line;
        let mut end = start;
        while end < words.len() && words[end].line == line {
            end += 1;
        }
        let ws = &words[start..end];
        let (first, last) = (ws[0].span.start(), ws[ws.len() - 1].span.end());
        let line_text = text.get(first..last).unwrap_or("");
        // A bare label of one ordinary word on a line of its own ("News", "Magazine",
        // "Healthcare": a page's section names) names nothing.
        let label = ws.len() == 1 && ws[0].cap && lex.is_common_word(ws[0].text);
        skip[line] = label || credit_markers().iter().any(|m| line_text.contains(m));
        // Content words: four letters or more, not function words.
        let content: Vec<_> = ws
            .iter()
            .filter(|w| w.text.len() >= 4 && !lex.is_not_name(w.text))
            .collect();
        let caps = content.iter().filter(|w| w.cap).count();
        let ends_sentence = text
            .get(last..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| matches!(c, '.' | '"' | '”'));
        // A list of names (a line-up, results, a vote tally) is content, whatever its capitals;
        // a line in capitals only is none, since there every word looks like a name ("CRICKET -
        // ENGLAND BEAT PAKISTAN BY 107 RUNS": the tagger, which learnt such lines, reads it).
        let capitals = content
            .iter()
            .all(|w| !w.text.chars().any(char::is_lowercase));
        let list = !capitals && is_name_list(ws, lex);
        results[line] = is_results_line(ws);
        // A headline is one sentence, two at most ("Storm Hits Coast. Thousands Flee"); a
        // line of more is prose, however many of its words are names.
        let sentences = 1 + ws[1..].iter().filter(|w| w.sent_start).count();
        headline[line] = content.len() >= 3
            && caps * 10 >= content.len() * 8
            && !ends_sentence
            && !list
            && sentences <= 2
            && !content.iter().any(|w| is_lower_open_word(w.text, lex));
        shouting[line] = headline[line] && capitals;
        // A long line that ends without any punctuation is a photo caption left in the body.
        let bare_end = text
            .get(last..)
            .and_then(|rest| rest.chars().next())
            .is_none_or(|c| c == '\n' || c == '\r');
        let speech =
            ws.iter().any(|w| lex.is_cue_verb(w.text)) || line_text.contains(['"', '“', '”']);
        // Scores ("6-3 6-2", "15-10 15-6") mark results, which are content, not a caption.
        let scored = ws.iter().filter(|w| is_score(w.text)).count() >= 2;
        if ws.len() >= 12 && bare_end && !headline[line] && !speech && !list && !scored {
            skip[line] = true;
        }
        start = end;
    }
    LineFlags {
        skip,
        headline,
        shouting,
        results,
    }
}

/// Whether a line's words are a result or a row of a league table: a name, a score, a name,
/// a score ("Norwich 1 Wolverhampton 0", "Harlequins 75 Gloucester 19"), or a name and five
/// or more figures ("Port Vale 4 1 2 1 4 4 5": played, won, drawn, lost, for, against, points).
fn is_results_line(line: &[Word<'_>]) -> bool {
    let figure = |w: &Word<'_>| w.text.bytes().all(|b| b.is_ascii_digit());
    // The line as runs: names (capitalised words) and figures, nothing else.
    let mut runs: Vec<(bool, usize)> = Vec::new();
    for w in line {
        let is_figure = figure(w);
        if !is_figure && !w.cap {
            return false;
        }
        match runs.last_mut() {
            Some((f, n)) if *f == is_figure => *n += 1,
            _ => runs.push((is_figure, 1)),
        }
    }
    match runs.as_slice() {
        [(false, _), (true, 1), (false, _), (true, 1)] => true,
        [(false, _), (true, n)] => *n >= 5,
        _ => false,
    }
}

/// Whether `word` is a score of a game or a set: two numbers of one or two digits joined by
/// a hyphen ("6-3", "15-10"); never a year, a date or a range of years.
fn is_score(word: &str) -> bool {
    word.split_once('-').is_some_and(|(a, b)| {
        [a, b]
            .iter()
            .all(|n| (1..=2).contains(&n.len()) && n.bytes().all(|c| c.is_ascii_digit()))
    })
}

/// Whether `word` is written in lower case and is no function word: title case capitalises
/// every noun, verb, adjective and adverb (only articles, conjunctions and prepositions may
/// stay small: "Leaders Gather in Geneva amid Tension"), so such a word shows a line in
/// sentence case ("Wikinews interviews Mario J. Lucero"), where capitals mark names again.
fn is_lower_open_word(word: &str, lex: &Lexicon) -> bool {
    word.starts_with(char::is_lowercase)
        && !word.chars().any(char::is_uppercase)
        && !lex.is_not_name(&capitalised(word))
}

/// Whether the words of one line are a list or table row of names: runs of capitalised words,
/// none longer than four words, set apart by punctuation or numbers ("France - 1 - Bernard Lama
/// ; 2 - Lilian Thuram", "Did not bat: Dharmasena, Vaas, Muralitharan", "2. Samuel Matete
/// (Zambia) 48.34", "Hull 0 Barnet 0"): three runs or more, or two with a number on the line and
/// neither of ordinary words only. One run in four may follow a plain word ("Tim Henman
/// (Britain) beat Doug Flach (U.S.)", and so on for each result of a line of several). A
/// title-cased headline has long runs ("Leaders Gather In Geneva Amid Tension"), runs of
/// ordinary words ("Ukraine, Russia Hold Talks") or no separators at all.
fn is_name_list(ws: &[Word<'_>], lex: &Lexicon) -> bool {
    // A number or a score ("16", "6-1").
    let is_number = |w: &Word<'_>| {
        w.text.starts_with(|c: char| c.is_ascii_digit())
            && w.text.bytes().all(|b| b.is_ascii_digit() || b == b'-')
    };
    let (mut runs, mut ordinary_runs, mut longest, mut joined) = (0, 0, 0, 0);
    let mut i = 0;
    while i < ws.len() {
        if !ws[i].cap {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < ws.len() && ws[i].cap && !ws[i].gap_before {
            i += 1;
        }
        if start > 0 && !ws[start].gap_before && !is_number(&ws[start - 1]) {
            joined += 1;
        }
        runs += 1;
        longest = longest.max(i - start);
        // A country that is also a word ("Japan", "Turkey") is no ordinary run.
        if ws[start..i].iter().all(|w| {
            (lex.is_common_word(w.text) || lex.is_not_name(w.text)) && lex.place(w.text).is_none()
        }) {
            ordinary_runs += 1;
        }
    }
    let numbered = ws.iter().any(is_number);
    let enough = runs >= 3 || (runs == 2 && numbered && ordinary_runs == 0);
    enough && longest <= 4 && ordinary_runs <= 1 && joined * 4 <= runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::of_text;

    #[test]
    fn results_lines_are_names_and_scores_or_table_rows() {
        let results = |text: &str| {
            let words = of_text(text);
            words
                .chunk_by(|a, b| a.line == b.line)
                .map(|l| is_results_line(l))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            results("Norwich 1 Wolverhampton 0\nPort Vale 4 1 2 1 4 4 5\nNotts County 0 York 1"),
            [true, true, true]
        );
        assert_eq!(
            results("Norwich beat Wolverhampton 1-0\nPort Vale 4 1 2\nSmith 12 of 20"),
            [false, false, false]
        );
    }

    #[test]
    fn a_line_of_several_sentences_is_no_headline() {
        // A transcript's opening: the names of counsel, sentence after sentence.
        let text = "For the appellant: Julie Rosenthal, Mike Eizenga. For the intervener, British \
                    Columbia Lottery Corporation: Shannon Ramsey and Aubin Calvert. Miss Rosenthal?\n\
                    Storm Hits Coast. Thousands Flee Homes";
        let flags = line_flags(&of_text(text), text, Lexicon::get());
        assert_eq!(flags.headline, [false, true]);
    }

    #[test]
    fn a_bare_ordinary_word_is_a_label() {
        let text = "Healthcare\nBoeing\nThe hospital group said healthcare spending rose.";
        let flags = line_flags(&of_text(text), text, Lexicon::get());
        assert_eq!(flags.skip, [true, false, false]);
    }

    #[test]
    fn a_lower_case_verb_shows_sentence_case() {
        let text = "Wikinews interviews Mario Lucero and Isabel Ruiz of Heaven Sent Gaming\n\
                    Leaders Gather in Geneva amid Tension\n\
                    Apple Unveils Cheaper iPhone Models With Longer Battery Life";
        let flags = line_flags(&of_text(text), text, Lexicon::get());
        assert_eq!(flags.headline, [false, true, true]);
    }

    #[test]
    fn lists_of_names_are_no_headlines() {
        let text = "Did not bat: Dharmasena, Vaas, Muralitharan\nTalks Resume As Leaders Gather\n\
                    2. Samuel Matete (Zambia) 48.34\nTim Henman (Britain) beat Doug Flach (U.S.) 6-3\n\
                    Apple Unveils 3 New Phones\nTrump, Biden Trade Barbs In Debate\n\
                    SOCCER - WALES BEAT SAN MARINO";
        let flags = line_flags(&of_text(text), text, Lexicon::get());
        assert_eq!(
            flags.headline,
            [false, true, false, false, true, true, true]
        );
        assert_eq!(
            flags.shouting,
            [false, false, false, false, false, false, true]
        );
    }

    #[test]
    fn a_long_line_of_results_with_scores_is_no_caption() {
        let text =
            "Women's singles, third round and a long wait Lisa Raymond (U.S.) beat Kimberly \
                    Po of the U.S. 6-3 6-2\n\
                    Resolution 36-01 was sent to the board and the dean and the faculty senate \
                    today\n";
        let ws = of_text(text);
        assert_eq!(line_flags(&ws, text, Lexicon::get()).skip, [false, true]);
        assert!(is_score("15-10") && !is_score("2019-11") && !is_score("Covid-19"));
    }

    #[test]
    fn a_line_in_capitals_is_a_headline_not_a_list() {
        let text = "SOCCER - IRELAND BEAT LIECHTENSTEIN 5-0 IN WORLD CUP QUALIFIER\n\
                    Ireland beat Liechtenstein 5-0 on Saturday in a qualifier in Dublin.\n";
        let ws = of_text(text);
        let flags = line_flags(&ws, text, Lexicon::get());
        assert_eq!(flags.shouting, [true, false]);
    }

    #[test]
    fn a_line_of_several_results_is_a_list_not_a_caption() {
        let text =
            "Cedric Pioline (France) beat Roberto Carretero (Spain) 4-6 6-2 6-1 Alex Corretja \
                    (Spain) beat Filippo Veglio (Japan) 6-7 6-4 6-4 6-0 Anna Berg (Turkey) beat \
                    Petra Lund (Norway) 6-2 6-2\n\
                    President Anna Berg speaks with Chancellor Olaf Lund at the White House in \
                    Oslo on Friday\n";
        let ws = of_text(text);
        let lex = Lexicon::get();
        let lines: Vec<_> = ws.chunk_by(|a, b| a.line == b.line).collect();
        assert!(is_name_list(lines[0], lex));
        assert!(!is_name_list(lines[1], lex));
        assert_eq!(line_flags(&ws, text, lex).skip, [false, true]);
    }
}
