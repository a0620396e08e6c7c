//! Tests of cutting runs of capitalised words into candidate pieces.

use super::*;
use crate::words::of_text;

fn run(text: &str) -> Vec<(String, Option<String>)> {
    let w = of_text(text);
    let skip = vec![false; w.last().map_or(1, |w| w.line + 1)];
    pieces(&w, &skip, text)
        .into_iter()
        .map(|p| (p.span.slice(text).to_string(), p.role))
        .collect()
}

#[test]
fn splits_titles_from_names() {
    let got = run("Later, NATO Secretary-General Jens Stoltenberg spoke.");
    assert_eq!(got[0].0, "NATO");
    assert_eq!(
        got[1],
        (
            "Jens Stoltenberg".into(),
            Some("NATO Secretary-General".into())
        )
    );
    let got = run("It was Russian Foreign Minister Sergey Lavrov who spoke.");
    assert_eq!(got[0].0, "Sergey Lavrov");
    assert_eq!(got[0].1.as_deref(), Some("Russian Foreign Minister"));
}

#[test]
fn role_nouns_before_names() {
    let got = run("United signed striker Rasmus Hojlund from Atalanta.");
    assert!(got.contains(&("Rasmus Hojlund".into(), Some("striker".into()))));
    let got = run("Shares of Nvidia rose after chief executive Jensen Huang spoke.");
    assert!(got.contains(&("Jensen Huang".into(), Some("chief executive".into()))));
}

#[test]
fn a_demonym_that_is_a_given_name_opens_a_name() {
    let got = run("It ended when Christian Cullen scored for the Christian Democrats.");
    assert!(got.iter().any(|(n, _)| n == "Christian Cullen"), "{got:?}");
}

#[test]
fn an_ordinal_opens_a_companys_name_inside_a_sentence() {
    let got = run("Buyers include First Bank System Inc. and First Albany Corp. today.");
    assert!(
        got.iter().any(|(n, _)| n == "First Bank System Inc."),
        "{got:?}"
    );
    assert!(
        got.iter().any(|(n, _)| n == "First Albany Corp."),
        "{got:?}"
    );
    let got = run("First Bank fell. First, Acme Corp. said so.");
    assert!(!got.iter().any(|(n, _)| n.starts_with("First")), "{got:?}");
    // An ordinal before no name at all, or before lower-case words only.
    for text in [
        "Shares of First",
        "It came First of",
        "at the First of the",
        "First",
    ] {
        run(text);
    }
}

#[test]
fn a_contraction_before_a_name_is_no_part_of_it() {
    let got = run("Gaming is me and Isabel, I'm Mario J. Lucero. We've met Don't Panic.");
    assert!(got.iter().any(|(n, _)| n == "Mario J. Lucero"), "{got:?}");
    assert!(!got.iter().any(|(n, _)| n.contains('\'')), "{got:?}");
}

#[test]
fn two_particles_inside_a_name() {
    let got = run("It ended when Joost van der Westhuizen scored twice.");
    assert!(
        got.iter().any(|(n, _)| n == "Joost van der Westhuizen"),
        "{got:?}"
    );
}

#[test]
fn an_adjective_and_a_demonym_opening_the_sentence_describe_the_person() {
    let got = run("It ended. Controversial Australian Anthony Hill called him a cheat.");
    assert!(got.iter().any(|(n, _)| n == "Anthony Hill"), "{got:?}");
    let got = run("It ended. Veteran coach Anna Berg left.");
    assert!(got.iter().any(|(n, _)| n == "Anna Berg"), "{got:?}");
}

#[test]
fn a_describing_noun_opening_the_sentence_is_no_part_of_the_name() {
    let got = run("It is out. Developer Valve called it a flagship game.");
    assert!(got.iter().any(|(n, _)| n == "Valve"), "{got:?}");
    assert!(!got.iter().any(|(n, _)| n.contains("Developer")));
}

#[test]
fn org_runs_take_connectors() {
    let got = run("Researchers at the University of Oxford and Acme Corp agreed.");
    let names: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
    assert!(names.contains(&"University of Oxford"));
    assert!(names.contains(&"Acme Corp"));
    let got = run("Peace between Russia and Ukraine");
    let names: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(names, ["Peace", "Russia", "Ukraine"]);
}

#[test]
fn known_multiword_names_and_possessives() {
    let got = run("He told Sky News that Britain's Prime Minister Boris Johnson agreed.");
    let names: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(names, ["Sky News", "Britain", "Boris Johnson"]);
}
