//! Language detection by stopword ratio: English news prose is about a third function words;
//! other languages and non-prose score far lower. Only English is claimed; else unknown.

/// Common English function words.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in",
    "into", "is", "it", "its", "more", "not", "of", "on", "one", "or", "our", "said", "she", "so",
    "than", "that", "the", "their", "there", "they", "this", "to", "was", "we", "were", "what",
    "when", "which", "who", "will", "with", "would", "you",
];

/// `Some("en")` when the text reads as English prose, else `None`.
pub fn detect(text: &str) -> Option<String> {
    let mut words = 0usize;
    let mut stop = 0usize;
    for w in text
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let lower = w.to_lowercase();
        if STOPWORDS.binary_search(&lower.as_str()).is_ok() {
            stop += 1;
        }
        if words >= 2000 {
            break;
        }
    }
    (words >= 8 && stop * 100 >= words * 18).then(|| "en".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_english_only() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            detect("The mayor said the new tram line would open in the spring, and that it was on budget.").as_deref(),
            Some("en")
        );
        assert_eq!(
            detect(
                "Der Bürgermeister sagte, die neue Straßenbahnlinie werde im Frühjahr eröffnet."
            ),
            None
        );
        assert_eq!(detect("NATO UK"), None);
    }
}
