//! The entity tagger storyline ships (`models/ner.stlm`), loaded once per process on first
//! use and shared by every thread.

use std::sync::OnceLock;

use crate::tagger::NerTagger;

static BYTES: &[u8] = include_bytes!("../../../models/ner.stlm");

static SHIPPED: OnceLock<NerTagger> = OnceLock::new();

/// The shipped entity tagger, loaded on first call and shared afterwards.
///
/// # Panics
/// If the shipped model file does not load: it is part of the binary and tested, so this is
/// a build defect, never an input error.
pub fn shipped() -> &'static NerTagger {
    SHIPPED.get_or_init(|| NerTagger::from_bytes(BYTES).expect("the shipped entity model loads"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DocumentMemory, NerWord};
    use storyline_record::Upos;

    #[test]
    fn shipped_model_loads_once_and_finds_names() {
        let tagger = shipped();
        assert!(std::ptr::eq(tagger, shipped()));
        let forms = [
            ("Angela", Upos::Propn),
            ("Merkel", Upos::Propn),
            ("visited", Upos::Verb),
            ("Paris", Upos::Propn),
            (".", Upos::Punct),
        ];
        let words: Vec<NerWord> = forms
            .iter()
            .map(|&(form, upos)| NerWord { form, upos })
            .collect();
        let found = tagger.tag(&words, &mut DocumentMemory::new());
        let kinds: Vec<_> = found.iter().map(|m| (m.start, m.end, m.kind)).collect();
        use crate::labels::Kind;
        assert_eq!(kinds, [(0, 2, Kind::Person), (3, 4, Kind::Place)]);
    }
}
