//! Test helpers shared by the rule modules' tests: run the whole recogniser on a sentence.

use crate::EntityRecognizer;
use storyline_record::{Article, EntityType};

/// The (name, type) of every entity found in `text`.
pub(crate) fn kinds(text: &str) -> Vec<(String, EntityType)> {
    let mut a = Article::new("t", "");
    a.set_text(text.to_string());
    EntityRecognizer::new().annotate(&mut a);
    a.entities.into_iter().map(|e| (e.name, e.kind)).collect()
}

/// Whether `got` holds `name` with type `kind`.
pub(crate) fn has(got: &[(String, EntityType)], name: &str, kind: EntityType) -> bool {
    got.iter().any(|(n, k)| n == name && *k == kind)
}
