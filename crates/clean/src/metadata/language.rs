//! Language detection with `whatlang` (trigram profiles of 69 languages, no model to load),
//! named by its ISO 639-1 code where the language has one ("en", "de", "ru"), else ISO 639-3.
//! Only a detection that `whatlang` itself finds reliable is claimed: short or mixed text
//! (a few words, a list of names) gets no language rather than a guess.

use storyline_record::primary_subtag;

/// How much of the text is read: the first paragraphs decide, and the cost stays bounded.
const SAMPLE_BYTES: usize = 1024;

/// The language of `text` as an ISO 639 code, when it can be told reliably.
pub fn detect(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end]).filter(whatlang::Info::is_reliable)?;
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
