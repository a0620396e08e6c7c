//! The line model: the raw text cut into trimmed lines with byte spans, and the shape measures
//! (word counts, case, final punctuation) that every rule family reads.

use storyline_record::{RemovalReason, Span};

/// What cleaning decided for one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Not decided yet: kept unless a later rule claims it.
    Open,
    /// Kept in the body.
    Keep,
    /// Removed whole, for this reason.
    Drop(RemovalReason),
    /// The first bytes (up to this offset in raw) are removed for this reason; the rest is kept.
    DropPrefix(usize, RemovalReason),
    /// Kept whole; its first bytes (up to this offset in raw) are a dateline naming a place
    /// ("WASHINGTON (Reuters) —", or the whole line "LONDON 1996-08-31").
    Dateline(usize),
}

impl Verdict {
    /// Whether the line is removed whole.
    pub fn is_drop(&self) -> bool {
        matches!(self, Verdict::Drop(_))
    }

    /// Whether the line is or opens with a dateline, removed or kept.
    pub fn is_dateline(&self) -> bool {
        matches!(
            self,
            Verdict::Dateline(_) | Verdict::Drop(RemovalReason::Dateline)
        )
    }

    /// The removal reason, when the line is removed whole.
    pub fn reason(&self) -> Option<RemovalReason> {
        match self {
            Verdict::Drop(r) => Some(*r),
            _ => None,
        }
    }
}

/// One non-blank line of raw, trimmed of surrounding whitespace.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// Byte span of the trimmed line in raw.
    pub span: Span,
    /// The trimmed text.
    pub text: &'a str,
    /// Whether one or more blank lines separate it from the previous non-blank line.
    pub blank_before: bool,
    /// Number of whitespace-separated words.
    pub words: usize,
    /// What cleaning decided.
    pub verdict: Verdict,
}

/// Whitespace as news pages use it, including no-break and zero-width spaces.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{2060}')
}

/// Whether the character belongs to a script written without spaces between words (Han,
/// kana, Thai, Lao, Khmer, Myanmar), where a line's length in words must be estimated.
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // hiragana, katakana
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{f900}'..='\u{faff}' // CJK compatibility ideographs
        | '\u{0e00}'..='\u{0eff}' // Thai, Lao
        | '\u{1000}'..='\u{109f}' // Myanmar
        | '\u{1780}'..='\u{17ff}' // Khmer
    )
}

/// Number of words: whitespace-separated words, where a run of unspaced script counts one
/// word per two characters (about the length of a Chinese or Japanese word), so a line of
/// Japanese prose measures like a line of English prose.
pub fn count_words(text: &str) -> usize {
    text.split(is_space)
        .filter(|w| !w.is_empty())
        .map(|w| {
            let unspaced = w.chars().filter(|&c| is_unspaced(c)).count();
            unspaced.div_ceil(2).max(1)
        })
        .sum()
}

/// Cuts `raw` into its non-blank lines.
pub fn split_lines(raw: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut blank_before = false;
    for piece in raw.split_inclusive('\n') {
        let end = start + piece.len();
        let lead = piece.len() - piece.trim_start_matches(is_space).len();
        let trimmed = piece.trim_matches(is_space);
        if trimmed.is_empty() {
            blank_before = true;
        } else {
            let s = start + lead;
            let text = raw.get(s..s + trimmed.len()).unwrap_or("");
            out.push(Line {
                span: Span::new(s, s + text.len()),
                text,
                blank_before,
                words: count_words(text),
                verdict: Verdict::Open,
            });
            blank_before = false;
        }
        start = end;
    }
    out
}

/// The text without trailing spaces, closing quotes and closing brackets (Latin and CJK).
fn trim_closers(text: &str) -> &str {
    text.trim_end_matches(|c: char| {
        is_space(c)
            || matches!(
                c,
                '"' | '\''
                    | '”'
                    | '’'
                    | '»'
                    | ')'
                    | ']'
                    | '“'
                    | '」'
                    | '』'
                    | '）'
                    | '】'
                    | '〉'
                    | '》'
            )
    })
}

/// The number a line opens with as an item of a numbered list, and the item's text: one or
/// two digits, a full stop and a space ("3. Business" is 3 and "Business"), as page dumps
/// number a list's items.
pub fn list_number(text: &str) -> Option<(u32, &str)> {
    let (n, rest) = text.split_once(". ")?;
    Some((list_digits(n)?, rest.trim()))
}

/// The number of a line that is only a list number ("2."), as page dumps write an item whose
/// text follows on lines of its own.
pub fn bare_list_number(text: &str) -> Option<u32> {
    list_digits(text.strip_suffix('.')?)
}

/// One or two digits as a list item's number.
fn list_digits(n: &str) -> Option<u32> {
    let digits = (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit());
    n.parse().ok().filter(|_| digits)
}

/// Whether the text ends like a sentence: `.`, `!`, `?` or `…` (or their CJK forms),
/// possibly followed by closing quotes or brackets.
pub fn ends_sentence(text: &str) -> bool {
    trim_closers(text).ends_with(['.', '!', '?', '…', '。', '！', '？', '．', '।', '۔', '؟'])
}

/// Whether the text ends with a full stop (possibly inside closing quotes), the mark of prose.
pub fn ends_period(text: &str) -> bool {
    trim_closers(text).ends_with(['.', '…', '!', '。', '！', '．', '।', '۔'])
}

/// Share of words that start with a lowercase letter; a letter of a script without case
/// (Han, kana, Arabic, Hebrew, Thai…) counts as lowercase, since only capitals mark names and
/// headlines.
pub fn lowercase_ratio(text: &str) -> f32 {
    let mut words = 0usize;
    let mut lower = 0usize;
    for w in text.split(is_space).filter(|w| !w.is_empty()) {
        words += 1;
        let first = w.chars().find(|c| c.is_alphabetic());
        if first.is_some_and(|c| !c.is_uppercase()) {
            lower += 1;
        }
    }
    if words == 0 {
        0.0
    } else {
        lower as f32 / words as f32
    }
}

/// Whether a line reads as a paragraph of article prose: a sentence of eight words or more,
/// or a long run of mostly lowercase words (truncated paragraphs lose their final period).
pub fn is_prose(line: &Line<'_>) -> bool {
    let lower = lowercase_ratio(line.text);
    (line.words >= 8 && ends_period(line.text) && lower >= 0.3)
        || (line.words >= 20 && lower >= 0.4)
}

/// Whether a line is a full body sentence that the cleaner must never drop (except as a
/// duplicate): ends like a sentence and has at least `min_words` words, mostly lowercase.
pub fn is_sentence(line: &Line<'_>, min_words: usize) -> bool {
    line.words >= min_words && ends_sentence(line.text) && lowercase_ratio(line.text) >= 0.3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_trims_lines_with_spans() {
        let raw = "  Local council votes\u{a0}\n\n\nThe council voted 7-2 on Tuesday.\r\nNext";
        let lines = split_lines(raw);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].span.slice(raw), "Local council votes");
        assert!(!lines[0].blank_before);
        assert_eq!(lines[1].text, "The council voted 7-2 on Tuesday.");
        assert!(lines[1].blank_before);
        assert!(!lines[2].blank_before);
        assert_eq!(lines[1].words, 6);
    }

    #[test]
    fn tells_prose_from_headlines() {
        let raw = "Shares in Acme Corp fell sharply on Monday after the profit warning.\n\
                   Acme Shares Slump After Profit Warning\n\
                   \"We are disappointed,\" the chief executive told analysts on a call.";
        let lines = split_lines(raw);
        assert!(is_prose(&lines[0]));
        assert!(!is_prose(&lines[1]));
        assert!(is_prose(&lines[2]));
        assert!(is_sentence(&lines[2], 8));
    }

    #[test]
    fn measures_unspaced_scripts() {
        let raw = "東京で新しい図書館が開館しました。\nまず設定画面を開き、";
        let lines = split_lines(raw);
        assert_eq!(lines[0].words, 8);
        assert!(ends_sentence(lines[0].text) && ends_period(lines[0].text));
        assert!(!ends_sentence(lines[1].text));
        assert!(lowercase_ratio(lines[0].text) > 0.9);
        assert_eq!(count_words("Kindle for PCの起動"), 4);
    }

    #[test]
    fn reads_list_numbers() {
        assert_eq!(list_number("3.  Business"), Some((3, "Business")));
        assert_eq!(list_number("12. The Onion"), Some((12, "The Onion")));
        assert_eq!(list_number("2019. A year in review"), None);
        assert_eq!(list_number("U.S. stocks fell"), None);
        assert_eq!(list_number("Business"), None);
        assert_eq!(bare_list_number("2."), Some(2));
        assert_eq!(bare_list_number("2019."), None);
        assert_eq!(bare_list_number("2. Business"), None);
    }

    #[test]
    fn empty_and_blank_inputs_give_no_lines() {
        assert!(split_lines("").is_empty());
        assert!(split_lines("\n \n\t\n").is_empty());
    }
}
