//! Language detection with `whatlang` (trigram profiles of 69 languages, no model to load),
//! named by its ISO 639-1 code where the language has one ("en", "de", "ru"), else ISO 639-3.
//! Only a detection that `whatlang` itself finds reliable is claimed: short or mixed text
//! (a few words, a list of names) gets no language rather than a guess.

use storyline_record::primary_subtag;

/// How much of the text is read: the first paragraphs decide, and the cost stays bounded.
const SAMPLE_BYTES: usize = 1024;
/// How far into the text the sample is gathered.
const SCAN_BYTES: usize = 16 * SAMPLE_BYTES;

/// Distinct words in lower case that tell the language of a text of mostly capitalised words.
const MIN_WORDS: usize = 20;

/// The language of `text` as an ISO 639 code, when it can be told reliably. Only the words
/// written in lower case are read: names say little about the language around them, and a
/// results table or a list of places ("Minnesota 6 MILWAUKEE 1", "Cincinnati 18 COLORADO 7")
/// read whole looks like French to the trigram profiles. A text where most words are
/// capitalised and fewer than [`MIN_WORDS`] distinct ones are not (a table with a line of
/// prose above it: "metres", "hurdles", "seconds" over and over) gets no language. Where the
/// words in lower case are too few to tell (a short text), its beginning read whole decides.
pub fn detect(text: &str) -> Option<String> {
    let mut sample = String::with_capacity(SAMPLE_BYTES + 64);
    let mut distinct = std::collections::HashSet::new();
    let (mut words, mut lower) = (0, 0);
    for word in prefix(text, SCAN_BYTES).split_whitespace() {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        if !word.chars().any(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if word.starts_with(char::is_uppercase) {
            continue;
        }
        lower += 1;
        distinct.insert(word);
        sample.push_str(word);
        sample.push(' ');
    }
    if distinct.len() < MIN_WORDS && 2 * lower < words {
        return None;
    }
    reliable(&sample).or_else(|| reliable(prefix(text, SAMPLE_BYTES)))
}

/// The first `max` bytes of `text` at most, cut on a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// What `whatlang` reliably reads `sample` as.
fn reliable(sample: &str) -> Option<String> {
    let info = whatlang::detect(sample).filter(whatlang::Info::is_reliable)?;
    let code = info.lang().code();
    let short = isolang::Language::from_639_3(code).and_then(|l| l.to_639_1());
    Some(short.unwrap_or(code).to_string())
}

/// The article's language: what its text reliably reads as, else what its input stated. The
/// text wins over a stated language because a page's markup (`<html lang>`) often names the
/// site's language, not the article's; a stated tag that agrees is kept as given (`en-GB`).
pub fn decide(stated: Option<String>, text: &str) -> Option<String> {
    match (stated, detect(text)) {
        (Some(stated), Some(found)) if primary_subtag(&stated) != found => Some(found),
        (stated, found) => stated.or(found),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_language_of_news_prose() {
        let cases = [
            ("en", "The mayor said the new tram line would open in the spring and that it was on budget. Officials added that construction had taken three years."),
            ("de", "Der Bürgermeister sagte, die neue Straßenbahnlinie werde im Frühjahr eröffnet. Die Bauarbeiten hätten drei Jahre gedauert."),
            ("fr", "Le maire a déclaré que la nouvelle ligne de tramway ouvrirait au printemps. Les travaux ont duré trois ans."),
            ("es", "El alcalde dijo que la nueva línea de tranvía abriría en primavera y que el proyecto estaba dentro del presupuesto. Las obras duraron tres años."),
            ("ru", "Мэр заявил, что новая линия трамвая откроется весной. Строительство заняло три года и обошлось дороже, чем ожидалось."),
        ];
        for (code, text) in cases {
            assert_eq!(detect(text).as_deref(), Some(code), "{text}");
        }
    }

    #[test]
    fn claims_nothing_for_a_few_names_or_no_text() {
        assert_eq!(detect("NATO UK"), None);
        assert_eq!(detect(""), None);
        assert_eq!(detect("12 34 56"), None);
    }

    #[test]
    fn a_results_table_with_a_line_of_prose_gets_no_language() {
        let text =
            "Baseball games played on Thursday (home team in CAPS):\nDETROIT 4 Kansas City 1\n\
                    Minnesota 6 MILWAUKEE 1\nCALIFORNIA 14 New York 3\nSEATTLE 9 Baltimore 6\n\
                    San Diego 3 NEW YORK 2\nChicago 4 HOUSTON 3\nCincinnati 18 COLORADO 7\n\
                    Atlanta 5 PITTSBURGH 1\nLos Angeles 2 MONTREAL 1\nFlorida 10 ST LOUIS 9";
        assert_eq!(detect(text), None);
    }

    #[test]
    fn reads_a_bounded_prefix_on_a_char_boundary() {
        let text = "é".repeat(SAMPLE_BYTES);
        let _ = detect(&text);
    }

    #[test]
    fn the_text_decides_over_a_stated_language_it_contradicts() {
        let english = "The mayor said the new tram line would open in the spring and that it was on budget. Officials added that construction had taken three years.";
        let stated = |l: &str| Some(l.to_string());
        assert_eq!(decide(stated("de"), english).as_deref(), Some("en"));
        assert_eq!(decide(stated("en-GB"), english).as_deref(), Some("en-GB"));
        assert_eq!(decide(None, english).as_deref(), Some("en"));
        assert_eq!(decide(stated("fr"), "NATO UK").as_deref(), Some("fr"));
        assert_eq!(decide(None, "NATO UK"), None);
    }
}
