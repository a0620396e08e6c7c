//! The headline: a headline-shaped line before the body starts (title-cased or
//! sentence-like, no final full stop, three to twenty-five words; no short numbered menu
//! entry). Where the body's prose repeats the content words of some of them (a headline sums
//! up its lede), only those are in the running. Of those in the running: the one just above a
//! dateline or byline, else one the page repeats (page dumps repeat their title), else the
//! first of five words or more (site labels are short), else the first; with none there, the
//! headline-shaped line just above the first dateline or byline.

use storyline_lexicon::{is_metadata_word, is_story_keyword, MetadataClass};

use crate::lines::{ends_period, is_prose, is_space, list_number, lowercase_ratio, Line, Verdict};

/// Whether a line is shaped like a headline.
pub fn is_headline(line: &Line<'_>) -> bool {
    let first = line.text.chars().next();
    let letters = line.text.chars().filter(|c| c.is_alphabetic()).count();
    // Sentence-case headlines are short; title-cased ones may run longer.
    let max_words = if lowercase_ratio(line.text) > 0.5 {
        16
    } else {
        25
    };
    (3..=max_words).contains(&line.words)
        && line.text.len() <= 220
        && !ends_period(line.text)
        && !line.text.ends_with([':', ',', ';', '|', '•'])
        && !ends_on_fragment_word(line.text)
        && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "'\"‘“".contains(c))
        && letters * 2 >= line.text.chars().filter(|c| !is_space(*c)).count()
}

/// Whether the last word of `text` is one no headline ends on ("and", "the", "of"): the line
/// is a sentence broken by a line wrap.
fn ends_on_fragment_word(text: &str) -> bool {
    text.split(is_space)
        .rfind(|w| !w.is_empty())
        .is_some_and(|w| is_metadata_word(MetadataClass::FragmentEnd, &w.to_lowercase()))
}

/// Normalised form for comparing repeated lines.
pub fn norm(text: &str) -> String {
    text.split(is_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Index of the title line among `lines[..header_end]`, if any; failing that, the
/// headline-shaped line right above the page's first dateline or byline further down (a
/// site's tagline or a cookie notice can read as the first prose paragraph, above the
/// headline).
pub fn find(lines: &[Line<'_>], header_end: usize) -> Option<usize> {
    let open = |l: &Line<'_>| matches!(l.verdict, Verdict::Open | Verdict::Keep);
    let candidate = |l: &Line<'_>| {
        open(l) && is_headline(l) && !(list_number(l.text).is_some() && l.words <= 5)
    };
    // A line broken off a sentence ("Leading money winners on the") is where the body
    // begins: no line from there on is the headline.
    let body = (0..header_end.min(lines.len()))
        .find(|&i| open(&lines[i]) && ends_on_fragment_word(lines[i].text))
        .unwrap_or(header_end.min(lines.len()));
    let candidates: Vec<usize> = (0..body).filter(|&i| candidate(&lines[i])).collect();
    // A candidate just above a dateline or byline is the headline (menus come earlier).
    let above_dateline = |i: &usize| {
        lines
            .iter()
            .skip(i + 1)
            .take(3)
            .any(|l| l.verdict.is_dateline())
    };
    // Else a candidate the page repeats (dumps repeat og:title and the headline).
    let repeated = |&i: &usize| {
        let n = norm(lines[i].text);
        lines
            .iter()
            .enumerate()
            .any(|(j, l)| j != i && l.words == lines[i].words && norm(l.text) == n)
    };
    let first_dateline = lines.iter().position(|l| l.verdict.is_dateline());
    let below = || {
        (body..first_dateline?)
            .rev()
            .take(3)
            .find(|&i| candidate(&lines[i]))
    };
    if candidates.is_empty() {
        return below();
    }
    // A headline sums up its lede: where some candidates do, the others are labels, menu
    // entries or taglines.
    let echoed = echoed_by_lede(lines, &candidates, header_end);
    if !echoed.is_empty() {
        // Of the echoed, the first of a headline's length unless one sits above a dateline
        // or byline; a repeated line among them is a teaser the page shows twice as often
        // as its own headline.
        return echoed
            .iter()
            .copied()
            .find(above_dateline)
            .or_else(|| {
                echoed.iter().copied().find(|&i| {
                    lines[i].words >= FULL_HEADLINE && list_number(lines[i].text).is_none()
                })
            })
            .or_else(|| echoed.first().copied());
    }
    candidates
        .iter()
        .copied()
        .find(above_dateline)
        .or_else(|| candidates.iter().copied().find(repeated))
        // Else the first candidate of a headline's length: a site's labels ("Customize Your
        // Weather", "Follow NBC News") are shorter.
        .or_else(|| {
            candidates
                .iter()
                .copied()
                // Not a row of results ("Red Star (Yugoslavia) beat Dinamo (Russia) 92-90") nor
                // a list ("Wood, Loren Roberts, Steve Stricker, Brian Claar").
                .find(|&i| {
                    let text = lines[i].text;
                    lines[i].words >= FULL_HEADLINE
                        && lines[i].verdict == Verdict::Open
                        && !text.contains(|c: char| c.is_ascii_digit())
                        && text.matches(',').count() < 3
                })
        })
        .or_else(|| candidates.first().copied())
}

/// The candidates whose content words the body's opening repeats: a headline sums up its
/// lede, while a site's label, a menu entry or a tagline shares a word with it at most by
/// chance (teasers of related stories may share words too, so this only narrows the choice).
/// At least [`ECHOED_WORDS`] of a candidate's content words, and a third of them, must come
/// back in the first [`LEDE_WORDS`] words of the body's prose (a page of results repeats its
/// section labels in its rows); a row kept as a table's is never an echo.
fn echoed_by_lede(lines: &[Line<'_>], candidates: &[usize], body: usize) -> Vec<usize> {
    let mut lede = Vec::new();
    let mut words = 0;
    for line in lines.iter().skip(body) {
        if words >= LEDE_WORDS {
            break;
        }
        if !line.verdict.is_drop() && is_prose(line) {
            words += line.words;
            lede.extend(stems(line.text));
        }
    }
    lede.sort_unstable();
    lede.dedup();
    candidates
        .iter()
        .copied()
        // A table's rows repeat each other's names: a row is no headline however it echoes.
        .filter(|&i| lines[i].verdict == Verdict::Open)
        .filter(|&i| {
            let own = stems(lines[i].text);
            let shared = own.iter().filter(|w| lede.binary_search(w).is_ok()).count();
            shared >= ECHOED_WORDS && shared * 3 >= own.len()
        })
        .collect()
}

/// The content words of `text`, each cut to its first five letters (so that "tariff" and
/// "tariffs" meet), lower case, once each: the words that can say which story an article
/// tells (`is_story_keyword`: five bytes or more, not function or calendar words).
fn stems(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| is_story_keyword(w))
        .map(|w| w.chars().take(5).collect())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Fewest content words a headline shares with its lede.
const ECHOED_WORDS: usize = 2;

/// Words of the body's opening that a headline is compared with.
const LEDE_WORDS: usize = 120;

/// The headline without the site's name that a page's title line may end with
/// ("Snooze cruise: Study sees future for hibernating astronauts | CTV News", "… – Rolling
/// Stone"): after a bar or a dash, up to five words, each capitalised or a number, behind a
/// headline of four words or more. A headline's own second half has lowercase words ("Milan
/// Design Week 2018 | Michael Anastassiades’ light installation for FLOS").
pub fn without_site(text: &str) -> &str {
    split_site(text).0
}

/// The site's name a page's title line ends with, as [`without_site`] reads it ("CTV News"
/// of "Snooze cruise: … | CTV News").
pub fn site(text: &str) -> Option<&str> {
    split_site(text).1
}

/// A title line as headline and site name (`None` when it names no site).
fn split_site(text: &str) -> (&str, Option<&str>) {
    let cut = [" | ", " – ", " — ", " - "]
        .iter()
        .filter_map(|sep| text.rfind(sep).map(|i| (i, sep.len())))
        .max_by_key(|&(i, _)| i);
    let Some((i, len)) = cut else {
        return (text, None);
    };
    let (head, site) = (text[..i].trim_end(), &text[i + len..]);
    let site_words: Vec<&str> = site.split_whitespace().collect();
    let named = (1..=5).contains(&site_words.len())
        && site_words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
    if named && head.split_whitespace().count() >= 4 {
        (head, Some(site.trim()))
    } else {
        (text, None)
    }
}

/// Fewest words of a headline, as against a site's label.
const FULL_HEADLINE: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    #[test]
    fn a_site_name_after_the_headline_goes() {
        for (line, headline) in [
            (
                "Snooze cruise: Study sees future for hibernating astronauts | CTV News",
                "Snooze cruise: Study sees future for hibernating astronauts",
            ),
            (
                "Video Shows Dramatic Rescue of Kidnapped Girl - NBC 5 Dallas-Fort Worth",
                "Video Shows Dramatic Rescue of Kidnapped Girl",
            ),
            (
                "Doobie Brothers Unite With Michael McDonald for Tour – Rolling Stone",
                "Doobie Brothers Unite With Michael McDonald for Tour",
            ),
            (
                "Milan Design Week 2018 | Michael Anastassiades’ light installation for FLOS",
                "Milan Design Week 2018 | Michael Anastassiades’ light installation for FLOS",
            ),
            ("Obama - The Early Years", "Obama - The Early Years"),
            (
                "Brexit talks stall again - what happens next",
                "Brexit talks stall again - what happens next",
            ),
        ] {
            assert_eq!(without_site(line), headline);
            assert_eq!(site(line).is_some(), line != headline, "{line}");
        }
        assert_eq!(
            site("Study sees future for hibernating astronauts | CTV News"),
            Some("CTV News")
        );
    }

    #[test]
    fn finds_the_headline_before_the_body() {
        let raw = "Rovers sign striker on three-year deal\n\nMarch 4, 2023\n\n\
                   Rovers have signed the striker from a second-tier club for an undisclosed fee, the club said.";
        let lines = split_lines(raw);
        assert_eq!(find(&lines, 2), Some(0));
    }

    #[test]
    fn prefers_a_repeated_line_and_rejects_sentences() {
        let raw = "Markets\nFed Holds Rates Steady as Inflation Cools\nFed Holds Rates Steady as Inflation Cools";
        let lines = split_lines(raw);
        assert_eq!(find(&lines, 3), Some(1));
        // A byline run into a bar is no headline.
        let raw = "By Jane Example |\nThe council approved the budget.";
        assert_eq!(find(&split_lines(raw), 2), None);
        let raw = "The council approved the budget.\nshort";
        assert_eq!(find(&split_lines(raw), 2), None);
    }

    #[test]
    fn a_line_broken_off_a_sentence_is_no_headline() {
        let raw = "Australia won the toss and\nchose to bat on a dry pitch at Headingley.";
        assert_eq!(find(&split_lines(raw), 2), None);
        let raw =
            "Leading money winners on the\nEuropean Tour after the Masters won by Allenby on\n\
                   Saturday.";
        assert_eq!(find(&split_lines(raw), 3), None);
        let raw = "Storm Leaves Thousands Without Power\nThe storm hit the coast overnight.";
        assert_eq!(find(&split_lines(raw), 2), Some(0));
    }

    #[test]
    fn a_short_numbered_line_is_a_menu_entry() {
        let raw = "1. Top Stories\nCouncil approves new library plan\n\
                   The council approved plans for a new library on Tuesday, the mayor said.";
        assert_eq!(find(&split_lines(raw), 2), Some(1));
    }

    #[test]
    fn a_headline_under_a_tagline_is_found_above_its_byline() {
        let raw = "Express. Home of the Daily and Sunday Express.\n\
                   Hong Kong chaos: China deploys troops to the city\n\
                   By Laura Mowat\n\
                   China has sent troops to Hong Kong in a bid to restore order, officials said.";
        let mut lines = split_lines(raw);
        lines[2].verdict = Verdict::Drop(storyline_record::RemovalReason::Dateline);
        assert_eq!(find(&lines, 0), Some(1));
    }

    #[test]
    fn the_headline_is_the_line_its_lede_echoes() {
        // A tagline is as long as a headline and comes first; only the headline shares its
        // words with the body's opening.
        let raw = "Daily Herald\n\
                   Your trusted source for local news and weather updates\n\
                   City council approves new riverside library plan\n\
                   More from Daily Herald\n\
                   The city council approved plans on Tuesday for a library beside the river, \
                   after months of debate about its cost.";
        assert_eq!(find(&split_lines(raw), 4), Some(2));
        // Without prose after them, rows of results echo each other: no echo decides.
        let raw = "Results of the weekend games\n\
                   Rovers 2 United 1 after extra time\n\
                   United 3 Rovers 0 in the second leg\n\
                   Athletic 1 Town 1 in the final round";
        assert_eq!(find(&split_lines(raw), 2), Some(0));
    }

    #[test]
    fn a_site_label_is_shorter_than_the_headline() {
        let raw = "Customize Your Weather\n\
                   Doobie Brothers to reunite with Michael McDonald for Blossom show\n\
                   The Doobie Brothers will tour North America next summer with Michael McDonald.";
        assert_eq!(find(&split_lines(raw), 2), Some(1));
        // Results and lists are no headlines, however long.
        let raw = "Results in European basketball\n\
                   Red Star ( Yugoslavia ) beat Dinamo ( Russia ) 92-90 ( halftime 47-47 )\n\
                   Wood , Loren Roberts , Steve Stricker , Brian Claar , Russ Cochran\n\
                   The Yugoslav champions led for most of the game in Belgrade on Thursday.";
        assert_eq!(find(&split_lines(raw), 3), Some(0));
    }
}
