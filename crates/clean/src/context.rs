//! Context rules: decisions that depend on a line's position and neighbours rather than its
//! text alone: the header above the body, captions above credits, the tail of other stories
//! after the body, and short lines sandwiched between furniture.

use std::ops::Range;

use storyline_dates::month_number;
use storyline_record::RemovalReason;

use crate::lines::{
    bare_list_number, ends_period, ends_sentence, is_prose, is_sentence, list_number, Line, Verdict,
};
use crate::metadata::title::is_headline;

/// Whether a line is still in the body (not removed whole).
fn kept(line: &Line<'_>) -> bool {
    !line.verdict.is_drop()
}

/// Whether no rule has decided the line yet.
fn open(line: &Line<'_>) -> bool {
    line.verdict == Verdict::Open
}

/// Where the body starts: the first kept line that reads as prose and that more prose follows
/// within [`BODY_GAP`] kept lines (a body is a run of paragraphs; a lone prose-like line among
/// menus, a form's thank-you note or a line of tracking data, is not its start); failing
/// that, the first prose line.
pub fn body_start(lines: &[Line<'_>]) -> usize {
    let mut prose = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| kept(l))
        .enumerate()
        .filter(|(_, (_, l))| is_prose(l));
    let Some((mut rank, (mut at, _))) = prose.next() else {
        return lines.len();
    };
    let first = at;
    for (next_rank, (next_at, _)) in prose {
        if next_rank - rank <= BODY_GAP {
            return at;
        }
        (rank, at) = (next_rank, next_at);
    }
    first
}

/// Most kept lines between two paragraphs of a body (captions, subheads, credits).
const BODY_GAP: usize = 4;

/// Rows of a table or of a list of results ("Bradford 1 Tranmere 0", "NEW YORK 75 59 .560",
/// "Saqlain Mushtaq b Hollioake 0"): a run of at least [`TABLE_ROWS`] consecutive open lines,
/// each short, no sentence, with a capitalised word and a number, is article content, kept
/// whatever the header, sandwich and tail rules would make of its short lines.
pub fn tables(lines: &mut [Line<'_>]) {
    let row = |l: &Line<'_>| {
        let named = l.text.split_whitespace().any(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        });
        open(l) && (2..=16).contains(&l.words) && !is_sentence(l, 6) && named && numbers(l.text) > 0
    };
    let mut i = 0;
    while i < lines.len() {
        let start = i;
        while i < lines.len() && row(&lines[i]) {
            i += 1;
        }
        if i - start >= TABLE_ROWS {
            for line in &mut lines[start..i] {
                line.verdict = Verdict::Keep;
            }
        }
        i = i.max(start + 1);
    }
}

/// Fewest consecutive rows that make a table.
const TABLE_ROWS: usize = 3;

/// Header leftovers: above the headline, short lines are site chrome (kickers, menus);
/// between the headline and the body, very short lines are labels (section names, site names).
/// Without a headline line in the text nothing is decided here.
pub fn header(lines: &mut [Line<'_>], title: Option<usize>, body_start: usize) {
    for (i, line) in lines.iter_mut().enumerate().take(body_start) {
        if !open(line) || is_prose(line) {
            continue;
        }
        match title {
            Some(t) if i < t && line.words < 12 => {
                line.verdict = Verdict::Drop(RemovalReason::Navigation);
            }
            // Only under a headline found in the text: without one (text extracted from HTML
            // starts with the body), short lines before the first paragraph are the body's
            // own subheads and list items.
            Some(t) if i > t && line.words <= 5 && !ends_sentence(line.text) => {
                line.verdict = Verdict::Drop(RemovalReason::Metadata);
            }
            _ => {}
        }
    }
}

/// The item of a numbered list that starts at `lines[i]`: its number, whether it is a menu
/// entry, and how many lines it takes. An item is a numbered line ("3. Business"), or a bare
/// number with its text on the next line ("3." / "Business"), as a page dump writes a list
/// item holding blocks. A menu entry is a short label that is no sentence, or another story's
/// headline of five words or more (a "most read" list: "2. Dollar rises as US-China relations
/// worsen over HK"), with no figure in it (a numbered row of results, "1. Samuel Matete
/// (Zambia) 48.34", is content).
fn numbered(lines: &[Line<'_>], i: usize) -> Option<(u32, bool, usize)> {
    let line = lines.get(i).filter(|l| open(l))?;
    let entry = |label: &str, words: usize, whole: &Line<'_>| {
        let label_like = words <= 6 && !ends_sentence(label);
        let headline = words >= 5 && is_headline(whole);
        !label.is_empty()
            && !label.contains(|c: char| c.is_ascii_digit())
            && (label_like || headline)
    };
    if let Some((n, label)) = list_number(line.text) {
        return Some((n, entry(label, line.words.saturating_sub(1), line), 1));
    }
    let n = bare_list_number(line.text)?;
    let next = lines.get(i + 1).filter(|l| {
        open(l) && list_number(l.text).is_none() && bare_list_number(l.text).is_none()
    })?;
    Some((n, entry(next.text, next.words, next), 2))
}

/// Menus: a page's lists of links come out of a page dump as numbered lines ("1. Home" /
/// "2. News" / "3. Business"). A run of at least [`MENU_ITEMS`] numbered lines, two in three
/// of them short labels or other stories' headlines, is navigation, whatever the headline and
/// entity rules would make of its entries, when it lies before the first prose paragraph or
/// after the last one, or when its numbering starts over (several lists one after another: a
/// site's menus). One list
/// counted from 1 between prose paragraphs is the article's own and stays, as does a run of
/// mostly longer or figured lines (a ranking: "16. Germany (Group C): 13th appearance"). A
/// page without prose is left alone (its numbered lines may be all there is).
pub fn menus(lines: &mut [Line<'_>]) {
    let first = body_start(lines);
    let Some(last) = lines.iter().rposition(|l| kept(l) && is_prose(l)) else {
        return;
    };
    let mut i = 0;
    while i < lines.len() {
        let start = i;
        let mut numbers = Vec::new();
        let mut entries = 0;
        loop {
            if let Some((n, entry, len)) = numbered(lines, i) {
                numbers.push(n);
                entries += usize::from(entry);
                i += len;
                continue;
            }
            // Labels and bare numbers between the lists of one menu ("2." / "Policy" /
            // "1. Defense"): up to two lines, where a numbered line follows.
            let gap = lines[i.min(lines.len())..]
                .iter()
                .take(2)
                .take_while(|l| menu_gap(l))
                .count();
            if numbers.is_empty() || gap == 0 || numbered(lines, i + gap).is_none() {
                break;
            }
            i += gap;
        }
        let one_list = numbers.iter().zip(1..).all(|(&n, k)| n == k);
        let outside = i <= first || start > last;
        let labels = entries >= MENU_ITEMS && 3 * entries >= 2 * numbers.len();
        if labels && (outside || !one_list) {
            for line in &mut lines[start..i] {
                line.verdict = Verdict::Drop(RemovalReason::Navigation);
            }
        }
        i = i.max(start + 1);
    }
}

/// Whether a line may stand between two lists of one menu: a bare list number ("2."), a
/// short label of up to three words that is no sentence ("Policy", "Sports & Outdoors"), or a
/// line already read as the site's interface ("3 hours ago" under another story's headline).
fn menu_gap(line: &Line<'_>) -> bool {
    let label =
        bare_list_number(line.text).is_some() || (line.words <= 3 && !ends_sentence(line.text));
    (open(line) && label) || line.verdict == Verdict::Drop(RemovalReason::Navigation)
}

/// Fewest entries that make a numbered run a menu.
const MENU_ITEMS: usize = 3;

/// The line under a bare tag label ("Tags" / "stock car 2024, Interlagos, racing") is the
/// tag list, whatever its case, when it is a list and no sentence.
pub fn tag_lists(lines: &mut [Line<'_>], label: impl Fn(&Line<'_>) -> bool) {
    for i in 1..lines.len() {
        let under_label = lines[i - 1].verdict.is_drop() && label(&lines[i - 1]);
        let line = &lines[i];
        let list = line.text.contains([',', ';', '|', '#']) || line.words <= 4;
        if under_label && open(line) && list && !ends_sentence(line.text) && line.words <= 80 {
            lines[i].verdict = Verdict::Drop(RemovalReason::Metadata);
        }
    }
}

/// A lowercase phrase on a line of its own is a tag in a page dump, where its neighbours are
/// dump lines too; next to short open lines it is an item of the article's own list
/// ("Arrowhead bottled water" / "baby carrier" / "camera") and stays. Chains are followed
/// both ways, so a list of several lowercase items comes back whole.
pub fn list_items(lines: &mut [Line<'_>], tag: impl Fn(&Line<'_>) -> bool) {
    let item = |l: &Line<'_>| open(l) && l.words <= 8 && !ends_sentence(l.text);
    let candidate = |l: &Line<'_>| l.verdict == Verdict::Drop(RemovalReason::Metadata) && tag(l);
    for i in 1..lines.len() {
        if candidate(&lines[i]) && item(&lines[i - 1]) {
            lines[i].verdict = Verdict::Open;
        }
    }
    for i in (0..lines.len().saturating_sub(1)).rev() {
        if candidate(&lines[i]) && item(&lines[i + 1]) {
            lines[i].verdict = Verdict::Open;
        }
    }
}

/// A caption is the line after a caption label, or the line right above a credit (no blank line between), without a final full
/// stop: "Firefighters at the scene on Monday" / "Photo: J. Smith/AP".
pub fn captions(lines: &mut [Line<'_>]) {
    // A credit label awaiting its text ("Image caption,", "Caption:") takes the next line.
    for i in 1..lines.len() {
        let prev = &lines[i - 1];
        let label = prev.verdict == Verdict::Drop(RemovalReason::Credit)
            && prev.words <= 3
            && prev.text.ends_with([',', ':']);
        if label && open(&lines[i]) && lines[i].words <= 40 {
            lines[i].verdict = Verdict::Drop(RemovalReason::Credit);
        }
    }
    for i in 1..lines.len() {
        let credit = lines[i].verdict == Verdict::Drop(RemovalReason::Credit);
        if !credit || lines[i].blank_before {
            continue;
        }
        let prev = &lines[i - 1];
        if open(prev) && !ends_period(prev.text) && prev.words <= 40 {
            lines[i - 1].verdict = Verdict::Drop(RemovalReason::Credit);
        }
    }
}

/// Cards of other stories after the body has started: a headline, its author's name, its
/// date and perhaps the opening of its text (one paragraph), card after card, each perhaps
/// under a bare list number. Two cards in a row or more are teasers, whatever the body rules
/// make of their excerpts' prose. The article's own headline is no open line by then, and a
/// live blog's entries carry no author line each.
pub fn cards(lines: &mut [Line<'_>], body_start: usize) {
    let n = lines.len();
    // The end of the card whose headline is `lines[h]`, if one starts there.
    let card = |lines: &[Line<'_>], h: usize| -> Option<usize> {
        lines.get(h).filter(|l| open(l) && is_headline(l))?;
        lines.get(h + 1).filter(|l| open(l) && name_line(l.text))?;
        lines.get(h + 2).filter(|l| l.verdict.is_dateline())?;
        let excerpt = lines
            .get(h + 3)
            .is_some_and(|l| open(l) && !is_headline(l) && bare_list_number(l.text).is_none());
        Some(h + 3 + usize::from(excerpt))
    };
    let mut i = body_start + 1;
    while i < n {
        let mut ends = 0;
        let mut j = i;
        loop {
            let h = if lines
                .get(j)
                .is_some_and(|l| bare_list_number(l.text).is_some())
            {
                j + 1
            } else {
                j
            };
            match card(lines, h) {
                Some(end) => {
                    ends += 1;
                    j = end;
                }
                None => break,
            }
        }
        if ends >= 2 {
            for line in lines[i..j].iter_mut().filter(|l| open(l)) {
                line.verdict = Verdict::Drop(RemovalReason::Teaser);
            }
            i = j;
        } else {
            i += 1;
        }
    }
}

/// Whether a line is only a personal name as bylines set it: two to four capitalised words,
/// no sentence ("Rob Crilly", "Sen. David Perdue").
fn name_line(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && !ends_sentence(text)
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether a line heads a reader's comment: a short name and "says:", "wrote:" or "commented
/// on" ("MortimerInMiami says:", "Colin Rust commented on"). Only a page that holds
/// [`COMMENT_HEADERS`] of them or more has a comment section.
pub fn comment_header(line: &Line<'_>) -> bool {
    let text = line.text.trim_end_matches(':').trim_end();
    let head = ["says", "wrote", "replied", "commented on", "commented"]
        .iter()
        .find_map(|verb| text.strip_suffix(verb))
        .filter(|head| head.ends_with(' '));
    line.words <= 6
        && (line.text.ends_with(':') || text.ends_with("commented on"))
        && head.is_some_and(|h| h.trim().chars().count() >= 2)
}

/// Fewest comment headers that make a comment section.
pub const COMMENT_HEADERS: usize = 3;

/// The tail: after a section header of other stories, a sign-off or a copyright notice that
/// follows the body, the page holds teasers. Every open line after it is a teaser, unless the
/// body visibly resumes (two full sentences in a row); where it resumes, the next end marker
/// starts another tail (a page may set a "Related" box inside the article and its footer
/// after it). Returns the tails, each from its end marker to its last teaser where the body
/// resumes (to the end of the page where it does not), in order.
pub fn tail(lines: &mut [Line<'_>], ends: &[bool], body_start: usize) -> Vec<Range<usize>> {
    let full = |l: &Line<'_>| open(l) && is_sentence(l, 12);
    let mut tails = Vec::new();
    let mut i = body_start + 1;
    while i < lines.len() {
        if !ends.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        let start = i;
        // A marker still open (a comment's header) goes with its tail.
        if open(&lines[i]) {
            lines[i].verdict = Verdict::Drop(RemovalReason::Teaser);
        }
        let mut end = i + 1;
        i += 1;
        while i < lines.len() {
            if full(&lines[i]) && lines.get(i + 1).is_some_and(full) {
                break;
            }
            if open(&lines[i]) {
                lines[i].verdict = Verdict::Drop(RemovalReason::Teaser);
                end = i + 1;
            }
            i += 1;
        }
        // Where the body resumes, the lines after the last teaser (a dateline, a byline) head it.
        tails.push(start..if i < lines.len() { end } else { i });
    }
    tails
}

/// After the last prose paragraph, a run of headline-shaped lines is the headlines of other
/// stories (or labels and widgets). Lists end articles too (tour dates, results, products,
/// ingredients), so the run goes only when every open line in it reads as a teaser: any
/// sentence, list item or list intro, or numbers in most lines, mean the body goes on, and
/// the whole run is kept.
pub fn trailing(lines: &mut [Line<'_>]) {
    let Some(last) = lines.iter().rposition(|l| kept(l) && is_prose(l)) else {
        return;
    };
    let run: Vec<&Line<'_>> = lines.iter().skip(last + 1).filter(|l| open(l)).collect();
    // Results, prices and dates put numbers in most items; a teaser headline may hold one.
    let numbered = run.iter().filter(|l| numbers(l.text) > 0).count();
    // "England (Group A): 10th appearance": most items keyed by a label and a colon.
    let keyed = run.iter().filter(|l| keyed(l.text)).count();
    let list = (numbered >= 2 && numbered * 2 > run.len())
        || (keyed >= 3 && keyed * 2 > run.len())
        || run.iter().any(|l| numbers(l.text) >= 2 || list_item(l));
    if run.is_empty()
        || list
        || !run.iter().all(|l| teaser_like(l))
        || !run.iter().any(|l| is_headline(l))
    {
        return;
    }
    for line in lines.iter_mut().skip(last + 1) {
        if open(line) {
            line.verdict = Verdict::Drop(RemovalReason::Teaser);
        }
    }
}

/// Whether a line after the body could be a teaser headline or a label: headline-shaped or
/// a bare label of up to three words, and not a sentence.
fn teaser_like(line: &Line<'_>) -> bool {
    let first = line.text.chars().next();
    !is_sentence(line, 4)
        && (is_headline(line) || (line.words <= 3 && first.is_some_and(char::is_uppercase)))
}

/// Whether a line is shaped as an item of a list: bulleted or numbered, led by a date
/// ("June 9 -- Arena, City"), or introducing a list (a final colon).
fn list_item(line: &Line<'_>) -> bool {
    let first = line.text.chars().next();
    let bullet = first.is_some_and(|c| !c.is_alphanumeric() && !"'\"‘“".contains(c));
    let numbered = first.is_some_and(|c| c.is_ascii_digit());
    let mut words = line.text.split_whitespace();
    let month = words.next().is_some_and(|w| month_number(w).is_some());
    let dated = month
        && words
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    bullet || numbered || dated || line.text.ends_with(':')
}

/// Whether the text opens with a short key and a colon ("Spain (Group F): …").
fn keyed(text: &str) -> bool {
    text.split_whitespace()
        .take(5)
        .any(|w| w.ends_with(':') && w.len() > 1)
}

/// How many numbers the text holds as words of their own ("4 points", "(0-1)", "10th",
/// "60,000"); digits inside names ("WIRED25", "Covid-19") do not count.
fn numbers(text: &str) -> usize {
    text.split(|c: char| c.is_whitespace() || "()[]:,;/".contains(c))
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .count()
}

/// Runs of up to three short non-sentence lines between removed lines take the reason of
/// the furniture above them (site names, publisher lines and labels inside page dumps).
pub fn sandwich(lines: &mut [Line<'_>]) {
    let short = |l: &Line<'_>| open(l) && l.words <= 6 && !ends_sentence(l.text);
    let mut i = 0;
    while i < lines.len() {
        if !short(&lines[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && short(&lines[i]) {
            i += 1;
        }
        let above = start.checked_sub(1).and_then(|j| match lines[j].verdict {
            Verdict::Dateline(_) => Some(RemovalReason::Dateline),
            v => v.reason(),
        });
        let below_dropped = i >= lines.len() || lines[i].verdict.is_drop();
        let bounded_above = start == 0 || above.is_some();
        if i - start > 3 || !below_dropped || !bounded_above || (start == 0 && i >= lines.len()) {
            continue;
        }
        let reason = match above {
            Some(RemovalReason::Title | RemovalReason::Dateline | RemovalReason::Duplicate)
            | None => RemovalReason::Metadata,
            Some(r) => r,
        };
        for line in &mut lines[start..i] {
            line.verdict = Verdict::Drop(reason);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn drop(lines: &mut [Line<'_>], i: usize, r: RemovalReason) {
        lines[i].verdict = Verdict::Drop(r);
    }

    #[test]
    fn caption_above_credit_goes_with_it() {
        let raw = "The mayor opened the bridge on Friday, ending two years of works.\n\n\
                   Crowds gather on the new bridge\nPhoto: Evening Herald\n\n\
                   Traffic is expected to ease from Monday, the council said.";
        let mut lines = split_lines(raw);
        drop(&mut lines, 2, RemovalReason::Credit);
        captions(&mut lines);
        assert_eq!(lines[1].verdict, Verdict::Drop(RemovalReason::Credit));
        assert_eq!(lines[0].verdict, Verdict::Open);
    }

    /// The indices of the lines with verdict `verdict`.
    fn with_verdict(lines: &[Line<'_>], verdict: Verdict) -> Vec<usize> {
        (0..lines.len())
            .filter(|&i| lines[i].verdict == verdict)
            .collect()
    }

    #[test]
    fn cards_of_other_stories_after_the_body_are_teasers() {
        let raw = "Senators questioned the envoy for six hours on Tuesday, aides said.\n\
                   November 20, 2019\n\
                   The hearing resumes on Thursday with two more witnesses, the committee said.\n\
                   1.\nCarlos Ghosn and the dark side of Japanese justice\nAnthony Ghosn\n\
                   November 20, 2019\n\
                   Our family always celebrates anniversaries, but not this week, they wrote.\n\
                   2.\nPrince Andrew struggles to dispel allegations\nRob Crilly\n\
                   November 20, 2019\n\
                   The television interview was devised as an opportunity to set the record straight.";
        let mut lines = split_lines(raw);
        for i in [1, 6, 11] {
            drop(&mut lines, i, RemovalReason::Dateline);
        }
        let start = body_start(&lines);
        cards(&mut lines, start);
        let teaser = Verdict::Drop(RemovalReason::Teaser);
        assert!(lines[..3].iter().all(|l| l.verdict != teaser));
        assert_eq!(with_verdict(&lines, teaser), [3, 4, 5, 7, 8, 9, 10, 12]);
    }

    #[test]
    fn comment_headers() {
        for header in [
            "MortimerInMiami says:",
            "Bob. Just Bob. says:",
            "Colin Rust commented on",
            "jbaxt wrote:",
        ] {
            assert!(comment_header(&split_lines(header)[0]), "{header}");
        }
        for line in [
            "The minister says:",
            "The minister says",
            "Nobody commented on the plan before the vote was held on Friday.",
            "says:",
        ] {
            let l = &split_lines(line)[0];
            assert_eq!(comment_header(l), line == "The minister says:", "{line}");
        }
    }

    #[test]
    fn a_lone_prose_line_among_menus_does_not_start_the_body() {
        let raw = "Thanks for contacting us. We've received your submission.\n\
                   News\n\
                   Sport\n\
                   Weather\n\
                   Business\n\
                   Culture\n\
                   The council approved the budget for next year after a long debate on Tuesday.\n\
                   Its leader said the plan would protect libraries and bus routes in the county.";
        assert_eq!(body_start(&split_lines(raw)), 6);
        // With nothing after it, the only prose line is where the body starts.
        let raw = "Home\nThe council approved the budget for next year after a long debate.\nShare";
        assert_eq!(body_start(&split_lines(raw)), 1);
    }

    #[test]
    fn tail_after_a_sign_off_is_teasers() {
        let raw = "United won 3-0 at home on Saturday, their fifth straight league win.\n\
                   The manager praised the defence after the game.\n\
                   jb/pl (Reuters)\n\
                   Transfer news: City close in on winger\n\
                   Fans queue overnight for cup final tickets as demand soars across the region";
        let mut lines = split_lines(raw);
        drop(&mut lines, 2, RemovalReason::SignOff);
        let ends = [false, false, true, false, false];
        let start = body_start(&lines);
        assert_eq!(tail(&mut lines, &ends, start), vec![2..5]);
        assert_eq!(lines[3].verdict, Verdict::Drop(RemovalReason::Teaser));
        assert_eq!(lines[4].verdict, Verdict::Drop(RemovalReason::Teaser));
        assert_eq!(lines[1].verdict, Verdict::Open);
    }

    #[test]
    fn body_resuming_after_a_marker_is_kept() {
        let raw = "The company reported a record profit of $2bn for the third quarter.\n\
                   Related\n\
                   Its shares rose 5% in early trading in New York on Thursday morning.\n\
                   The chief executive said demand for its chips remained strong in Asia.";
        let mut lines = split_lines(raw);
        drop(&mut lines, 1, RemovalReason::Teaser);
        tail(&mut lines, &[false, true, false, false], 0);
        assert_eq!(lines[2].verdict, Verdict::Open);
        assert_eq!(lines[3].verdict, Verdict::Open);
    }

    #[test]
    fn a_later_end_marker_starts_another_tail() {
        let raw = "The company reported a record profit of $2bn for the third quarter.\n\
                   Related\n\
                   Its shares rose 5% in early trading in New York on Thursday morning.\n\
                   The chief executive said demand for its chips remained strong in Asia.\n\
                   © 2024 Example Media Group\n\
                   Markets close higher as oil prices slide\n\
                   Traders brace for a busy week of central bank decisions across Europe and Asia\n\
                   2H ago";
        let mut lines = split_lines(raw);
        drop(&mut lines, 1, RemovalReason::Teaser);
        drop(&mut lines, 4, RemovalReason::Metadata);
        let ends = [false, true, false, false, true, false, false, false];
        // The first tail ends where the body resumes; the second runs to the end.
        assert_eq!(tail(&mut lines, &ends, 0), vec![1..2, 4..8]);
        assert_eq!(lines[3].verdict, Verdict::Open);
        for line in &lines[5..] {
            assert_eq!(
                line.verdict,
                Verdict::Drop(RemovalReason::Teaser),
                "{}",
                line.text
            );
        }
    }

    #[test]
    fn header_and_sandwich_rules() {
        let raw = "Business\nBank Raises Rates Again\nMarkets\nThe central bank raised its key rate by a quarter point on Thursday, its tenth rise in a row.\n\
                   x_widget\nGazette Media\ny_widget\nCrossheads Stay Here\nThe decision was widely expected by economists, who had forecast the move.";
        let mut lines = split_lines(raw);
        drop(&mut lines, 1, RemovalReason::Title);
        header(&mut lines, Some(1), 3);
        assert_eq!(lines[0].verdict, Verdict::Drop(RemovalReason::Navigation));
        assert_eq!(lines[1].verdict, Verdict::Drop(RemovalReason::Title));
        assert_eq!(lines[2].verdict, Verdict::Drop(RemovalReason::Metadata));
        drop(&mut lines, 4, RemovalReason::Metadata);
        drop(&mut lines, 6, RemovalReason::Metadata);
        sandwich(&mut lines);
        assert_eq!(lines[5].verdict, Verdict::Drop(RemovalReason::Metadata));
        assert_eq!(lines[7].verdict, Verdict::Open);
    }

    #[test]
    fn numbered_link_lists_outside_the_body_are_menus() {
        let raw = "1. Home\n2. News\n3. Business\n4. Sport\n\
                   Council approves new library\n\
                   The council approved plans for a new library on Tuesday, the mayor said.\n\
                   The shortlist names three sites:\n1. Mill Lane\n2. Station Road\n3. Market Square\n\
                   Work is expected to start next spring, officials said on Tuesday.\n\
                   1. Facebook\n2. Twitter\n1. Terms\n2. Privacy\n\
                   The library will open in 2026, the council said in a statement on Tuesday.\n\
                   1. About us\n2. Contact\n3. Advertise";
        let mut lines = split_lines(raw);
        menus(&mut lines);
        let nav = Verdict::Drop(RemovalReason::Navigation);
        assert_eq!(
            with_verdict(&lines, nav),
            [0, 1, 2, 3, 11, 12, 13, 14, 16, 17, 18]
        );
    }

    #[test]
    fn lists_of_one_menu_between_labels_are_navigation() {
        let raw = "The council approved plans for a new library on Tuesday, the mayor said.\n\
                   Politics\n1. White House\n2. Congress\n3. Campaigns\n\
                   2.\nPolicy\n1. Defense\n2. Energy\n3. Healthcare\n\
                   The library will open in 2026, the council said in a statement on Tuesday.\n\
                   The shortlist names three sites:\n1. Mill Lane\n2. Station Road\n3. Market Square\n\
                   Work is expected to start next spring, officials said on Tuesday.";
        let mut lines = split_lines(raw);
        menus(&mut lines);
        let nav = Verdict::Drop(RemovalReason::Navigation);
        assert_eq!(with_verdict(&lines, nav), [2, 3, 4, 5, 6, 7, 8, 9]);
    }

    #[test]
    fn a_list_of_other_stories_headlines_after_the_body_is_navigation() {
        let raw = "The council approved plans for a new library on Tuesday, the mayor said.\n\
                   Work is expected to start next spring, officials said on Tuesday.\n\
                   1. Irked by China, India signals turnaround on Dalai Lama\n\
                   2. Dollar rises as US-China relations worsen over HK\n\
                   3. Tech major Infosys lodges complaint over job racket";
        let mut lines = split_lines(raw);
        menus(&mut lines);
        let nav = Verdict::Drop(RemovalReason::Navigation);
        assert!(lines[2..].iter().all(|l| l.verdict == nav));
        assert!(lines[..2].iter().all(|l| l.verdict == Verdict::Open));
        // Cards of other stories: a bare number, the headline, its site and its age.
        let raw = "Work is expected to start next spring, officials said on Tuesday.\n\
                   1.\nIrked by China, India signals turnaround on Dalai Lama\nDeccan Herald\n\
                   3 hours ago\n\
                   2.\nDollar rises as US-China relations worsen over HK\nReuters\n2 hours ago\n\
                   3.\nTech major Infosys lodges complaint over job racket\nMint\n1 hour ago";
        let mut lines = split_lines(raw);
        for i in [4, 8, 12] {
            drop(&mut lines, i, RemovalReason::Navigation);
        }
        menus(&mut lines);
        assert!(lines[1..=10].iter().all(|l| l.verdict == nav));
        // The same list written as bare numbers over their items.
        let raw = "Work is expected to start next spring, officials said on Tuesday.\n\
                   1.\nIrked by China, India signals turnaround on Dalai Lama\n\
                   2.\nDollar rises as US-China relations worsen over HK\n\
                   3.\nTech major Infosys lodges complaint over job racket";
        let mut lines = split_lines(raw);
        menus(&mut lines);
        assert!(lines[1..].iter().all(|l| l.verdict == nav));
        assert_eq!(lines[0].verdict, Verdict::Open);
        // The article's own list of steps between its paragraphs stays.
        let raw = "Here is how to keep a sourdough starter alive through the winter months.\n\
                   1. Feed it with equal weights of flour and water\n\
                   2. Keep the jar somewhere warm but out of the sun\n\
                   3. Discard half of it before every single feeding\n\
                   A starter kept this way will stay lively for years, bakers say.";
        let mut lines = split_lines(raw);
        menus(&mut lines);
        assert!(lines.iter().all(|l| l.verdict == Verdict::Open));
    }

    #[test]
    fn numbered_results_and_pages_without_prose_are_no_menus() {
        let raw = "1. Samuel Matete (Zambia) 48.34\n2. Bryan Bronson (U.S.) 48.86\n\
                   3. Rohan Robinson (Australia) 49.05\n\
                   Matete won the race in the second-fastest time of the season on Friday.";
        let mut lines = split_lines(raw);
        menus(&mut lines);
        assert!(lines.iter().all(|l| l.verdict == Verdict::Open));
        let mut lines = split_lines("1. Home\n2. News\n3. Business");
        menus(&mut lines);
        assert!(lines.iter().all(|l| l.verdict == Verdict::Open));
        // A ranking after the last paragraph, some of its lines without figures.
        let raw = "Twenty teams have booked their places at the finals after Tuesday's games.\n\
                   1. Belgium (Group I): 13th appearance\n2. Italy (Group J): 10th appearance\n\
                   3. Russia (Group I): 12th appearance\n4. Poland (Group G): Fourth appearance\n\
                   5. Ukraine (Group B): Third appearance\n6. Wales (Group E): Second appearance";
        let mut lines = split_lines(raw);
        menus(&mut lines);
        assert!(lines.iter().all(|l| l.verdict == Verdict::Open));
    }
}
