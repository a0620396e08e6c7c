//! Word lists of the lemmatiser (crates/syntax): the name particles a lower-case proper noun's
//! lemma keeps in lower case (`data/lemma_particles.txt`).

word_list!(PARTICLES = "lemma_particles");

/// Whether `form` (lower case, as written) is a name particle whose proper-noun lemma stays in
/// lower case ("al", "van"), unlike other lower-case proper nouns ("boston" → "Boston").
///
/// ```
/// assert!(storyline_lexicon::is_lemma_particle("von"));
/// assert!(!storyline_lexicon::is_lemma_particle("boston"));
/// ```
pub fn is_lemma_particle(form: &str) -> bool {
    PARTICLES.contains(form)
}
