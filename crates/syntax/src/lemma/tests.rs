use super::*;

fn tags(upos: &str, xpos: &str) -> (Upos, Xpos) {
    (Upos::parse(upos).unwrap(), Xpos::parse(xpos).unwrap())
}

fn rules(form: &str, upos: &str, xpos: &str) -> String {
    let (u, x) = tags(upos, xpos);
    Lemmatizer::rules_only().lemma(form, u, x)
}

#[test]
fn nouns_lose_their_plural() {
    for (form, lemma) in [
        ("troops", "troop"),
        ("countries", "country"),
        ("boxes", "box"),
        ("churches", "church"),
        ("cases", "case"),
        ("policemen", "policeman"),
        ("wolves", "wolf"),
        ("heroes", "hero"),
        ("glass", "glass"),
        ("Officials", "official"),
    ] {
        assert_eq!(rules(form, "NOUN", "NNS"), lemma, "{form}");
    }
    assert_eq!(rules("Americans", "PROPN", "NNPS"), "American");
    assert_eq!(rules("NATO", "PROPN", "NNP"), "NATO");
}

#[test]
fn verbs_lose_their_inflection() {
    for (form, xpos, lemma) in [
        ("walked", "VBD", "walk"),
        ("hoped", "VBD", "hope"),
        ("stopped", "VBD", "stop"),
        ("changed", "VBN", "change"),
        ("related", "VBN", "relate"),
        ("visited", "VBD", "visit"),
        ("studied", "VBD", "study"),
        ("agreed", "VBD", "agree"),
        ("used", "VBN", "use"),
        ("realized", "VBD", "realize"),
        ("required", "VBN", "require"),
        ("happened", "VBD", "happen"),
        ("called", "VBD", "call"),
        ("travelled", "VBD", "travel"),
        ("questioned", "VBD", "question"),
        ("running", "VBG", "run"),
        ("making", "VBG", "make"),
        ("trying", "VBG", "try"),
        ("seeing", "VBG", "see"),
        ("sends", "VBZ", "send"),
        ("carries", "VBZ", "carry"),
        ("watches", "VBZ", "watch"),
        ("uses", "VBZ", "use"),
        ("goes", "VBZ", "go"),
    ] {
        assert_eq!(rules(form, "VERB", xpos), lemma, "{form}");
    }
}

#[test]
fn degrees_numbers_and_case() {
    assert_eq!(rules("bigger", "ADJ", "JJR"), "big");
    assert_eq!(rules("larger", "ADJ", "JJR"), "large");
    assert_eq!(rules("happiest", "ADJ", "JJS"), "happy");
    assert_eq!(rules("cheaper", "ADJ", "JJR"), "cheap");
    assert_eq!(rules("3,000", "NUM", "CD"), "3000");
    assert_eq!(rules("Two", "NUM", "CD"), "two");
    assert_eq!(rules("II", "NUM", "CD"), "II");
    assert_eq!(rules("The", "DET", "DT"), "the");
    assert_eq!(rules("’", "PUNCT", "''"), "'");
}

#[test]
fn learns_exceptions_and_known_lemmas() {
    let text = "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
                2\twere\tbe\tAUX\tVBD\t_\t0\troot\t_\t_\n\
                3\tunited\tunite\tVERB\tVBN\t_\t2\txcomp\t_\t_\n\
                4\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_\n\
                5\tgave\tgive\tVERB\tVBD\t_\t3\tconj\t_\t_\n\
                6\tme\tI\tPRON\tPRP\t_\t5\tobj\t_\t_\n\n";
    let (s, e) = crate::conllu::read(text);
    assert!(e.is_empty());
    let l = Lemmatizer::learn(&s);
    let (aux, vbd) = tags("AUX", "VBD");
    assert_eq!(l.lemma("Were", aux, vbd), "be");
    let (verb, vbd) = tags("VERB", "VBD");
    assert_eq!(l.lemma("gave", verb, vbd), "give");
    let (pron, prp) = tags("PRON", "PRP");
    assert_eq!(l.lemma("me", pron, prp), "I");
    // "unite" is a known verb: the rule picks it over "unit".
    let (_, vbn) = tags("VERB", "VBN");
    assert_eq!(l.lemma("united", verb, vbn), "unite");
    assert_eq!(Lemmatizer::rules_only().lemma("united", verb, vbn), "unit");
    let back = Lemmatizer::from_json(&l.to_json()).unwrap();
    assert_eq!(back.lemma("me", pron, prp), "I");
    assert_eq!(back.n_exceptions(), l.n_exceptions());
}

proptest::proptest! {
    /// Any form with any tags gets a lemma, without panicking on multi-byte letters.
    #[test]
    fn any_form_gets_a_lemma(form in "\\PC{1,12}", u in 0usize..17, x in 0usize..50) {
        let (upos, xpos) = (Upos::from_index(u).unwrap(), Xpos::from_index(x).unwrap());
        let lemma = Lemmatizer::rules_only().lemma(&form, upos, xpos);
        proptest::prop_assert!(!lemma.is_empty());
    }
}
