//! Tests of merging the learned tagger's names into the rules' pieces.

use super::*;
use crate::words::of_text;

/// The span of the first `w` in `text`.
fn span_of(text: &str, w: &str) -> Span {
    let s = text.find(w).unwrap_or(0);
    Span::new(s, s + w.len())
}

/// The names `merge` keeps of `typed` and `tagged` (dropped pieces left out), and the
/// merged pieces.
fn merged(
    mut typed: Vec<(Piece, Guess)>,
    tagged: &[(Span, EntityType)],
    words: &[Word<'_>],
    lines: &LineFlags,
) -> (Vec<String>, Vec<(Piece, Guess)>) {
    merge(
        &mut typed,
        tagged,
        words,
        lines,
        Context::default(),
        Lexicon::get(),
    );
    let names = typed
        .iter()
        .filter(|(_, g)| *g != Guess::Drop)
        .map(|(p, _)| p.surface.clone())
        .collect();
    (names, typed)
}

#[test]
fn the_tagger_adds_names_but_no_word_the_rules_know_is_none() {
    let text = "In a Nov. 6 letter, Kestrel wrote.";
    let words = of_text(text);
    let at = |w: &str| span_of(text, w);
    let tagged = [
        (at("Nov"), EntityType::Org),
        (at("Kestrel"), EntityType::Org),
    ];
    let (names, _) = merged(Vec::new(), &tagged, &words, &LineFlags::default());
    assert_eq!(names, ["Kestrel"]);
}

#[test]
fn an_ordinary_word_alone_is_no_person_unless_a_surname() {
    let text = "Tim Cook spoke. Crystal is the best model, Cook said.";
    let words = of_text(text);
    let at = |w: &str| span_of(text, w);
    let cook = text.rfind("Cook").unwrap_or(0);
    let tagged = [
        (at("Crystal"), EntityType::Person),
        (Span::new(cook, cook + 4), EntityType::Person),
    ];
    let typed = vec![(
        piece(&words, 0, 2, Lexicon::get()),
        Guess::Is(EntityType::Person),
    )];
    let (names, _) = merged(typed, &tagged, &words, &LineFlags::default());
    assert_eq!(names, ["Tim Cook", "Cook"]);
}

#[test]
fn a_place_before_a_plural_is_a_team_the_tagger_may_name() {
    let text = "The Florida Marlins beat Elizabeth Warren.";
    let words = of_text(text);
    let lex = Lexicon::get();
    let person = Guess::Is(EntityType::Person);
    let typed = vec![
        (piece(&words, 1, 3, lex), person),
        (piece(&words, 4, 6, lex), person),
    ];
    let tagged = [
        (span_of(text, "Florida Marlins"), EntityType::Org),
        (span_of(text, "Elizabeth Warren"), EntityType::Org),
    ];
    let (_, typed) = merged(typed, &tagged, &words, &LineFlags::default());
    let kinds: Vec<_> = typed.iter().map(|(_, g)| *g).collect();
    assert_eq!(kinds, [Guess::Is(EntityType::Org), person]);
}

#[test]
fn a_place_the_tagger_reads_as_a_surname_is_one() {
    let text = "Finalist MaliVai Washington lost in Moscow John Sullivan's city.";
    let words = of_text(text);
    let lex = Lexicon::get();
    let place = Guess::Is(EntityType::Place);
    let typed = vec![
        (piece(&words, 1, 2, lex), Guess::Unknown),
        (piece(&words, 2, 3, lex), place),
        (piece(&words, 5, 6, lex), place),
        (piece(&words, 6, 8, lex), Guess::Is(EntityType::Person)),
    ];
    let tagged = [
        (span_of(text, "MaliVai Washington"), EntityType::Person),
        (span_of(text, "Moscow John Sullivan"), EntityType::Person),
    ];
    let (kept, _) = merged(typed, &tagged, &words, &LineFlags::default());
    assert_eq!(kept, ["MaliVai Washington", "Moscow", "John Sullivan"]);
}

#[test]
fn the_surname_of_a_person_the_tagger_added_is_that_person() {
    let text = "Captain Billie Jean King spoke. King said the team was ready.";
    let words = of_text(text);
    let s = text.find("Billie").unwrap_or(0);
    let k = text.rfind("King").unwrap_or(0);
    let tagged = [
        (
            Span::new(s, s + "Billie Jean King".len()),
            EntityType::Person,
        ),
        (Span::new(k, k + 4), EntityType::Person),
    ];
    let (names, _) = merged(Vec::new(), &tagged, &words, &LineFlags::default());
    assert_eq!(names, ["Billie Jean King", "King"]);
}

#[test]
fn a_persons_titles_stay_out_of_the_name_the_tagger_adds() {
    let text = "Later, Chief Justice Roberts said the museum mattered.";
    let words = of_text(text);
    let s = text.find("Justice").unwrap_or(0);
    let tagged = [(
        Span::new(s, s + "Justice Roberts".len()),
        EntityType::Person,
    )];
    let (names, typed) = merged(Vec::new(), &tagged, &words, &LineFlags::default());
    assert_eq!(names, ["Roberts"]);
    assert!(typed[0].0.titled);
}

#[test]
fn an_organisation_the_tagger_reads_whole_replaces_its_parts() {
    let text = "He sued in the Eastern District of New York, and Jane Roe of Boston Globe.";
    let words = of_text(text);
    let lex = Lexicon::get();
    let from_to = |a: &str, b: &str| Span::new(span_of(text, a).start(), span_of(text, b).end());
    let org = Guess::Is(EntityType::Org);
    let place = Guess::Is(EntityType::Place);
    let typed = vec![
        (piece(&words, 4, 6, lex), place),
        (piece(&words, 7, 9, lex), place),
        (piece(&words, 10, 12, lex), Guess::Is(EntityType::Person)),
        (piece(&words, 13, 15, lex), org),
    ];
    let tagged = [
        (from_to("Eastern", "York"), EntityType::Org),
        (from_to("Jane", "Globe"), EntityType::Org),
    ];
    let (kept, _) = merged(typed, &tagged, &words, &LineFlags::default());
    // A person among the parts keeps the rules' reading.
    assert_eq!(
        kept,
        ["Eastern District of New York", "Jane Roe", "Boston Globe"]
    );
}

#[test]
fn a_connector_inside_a_part_does_not_stop_the_whole_name() {
    let text = "Talks of the Organisation for Security and Cooperation in Europe went on.";
    let words = of_text(text);
    let lex = Lexicon::get();
    let typed = vec![
        (piece(&words, 3, 8, lex), Guess::Is(EntityType::Org)),
        (piece(&words, 9, 10, lex), Guess::Is(EntityType::Place)),
    ];
    let whole = Span::new(
        span_of(text, "Organisation").start(),
        span_of(text, "Europe").end(),
    );
    let (kept, _) = merged(
        typed,
        &[(whole, EntityType::Org)],
        &words,
        &LineFlags::default(),
    );
    assert_eq!(
        kept,
        ["Organisation for Security and Cooperation in Europe"]
    );
}

#[test]
fn a_place_and_a_word_the_rules_could_not_type_make_the_taggers_organisation() {
    let text = "It was the San Diego Padres who won.";
    let words = of_text(text);
    let lex = Lexicon::get();
    let typed = vec![
        (piece(&words, 3, 5, lex), Guess::Is(EntityType::Place)),
        (piece(&words, 5, 6, lex), Guess::Unknown),
    ];
    let tagged = [(span_of(text, "San Diego Padres"), EntityType::Org)];
    let (kept, _) = merged(typed, &tagged, &words, &LineFlags::default());
    assert_eq!(kept, ["San Diego Padres"]);
    // Two untyped words stay the rules' reading.
    let typed = vec![
        (piece(&words, 3, 5, lex), Guess::Unknown),
        (piece(&words, 5, 6, lex), Guess::Unknown),
    ];
    let (_, typed) = merged(typed, &tagged, &words, &LineFlags::default());
    assert_eq!(typed.len(), 2);
}

#[test]
fn on_a_headline_in_capitals_the_tagger_names_what_the_rules_dropped() {
    let text = "SOCCER - WALES BEAT SAN MARINO";
    let words = of_text(text);
    let at = |w: &str| span_of(text, w);
    let tagged = [
        (at("WALES"), EntityType::Place),
        (at("SAN MARINO"), EntityType::Place),
    ];
    let dropped = || vec![(piece(&words, 1, 5, Lexicon::get()), Guess::Drop)];
    let names = |shouting: bool| {
        let lines = LineFlags {
            shouting: vec![shouting],
            ..LineFlags::default()
        };
        merged(dropped(), &tagged, &words, &lines).0
    };
    assert_eq!(names(true), ["WALES", "SAN MARINO"]);
    assert!(names(false).is_empty());
}
