//! Tests of disagreement finding over small written corpora.

use super::*;
use crate::stories::StoryBuilder;
use crate::testutil::Rec;

fn quake(
    id: &str,
    outlet: &str,
    date: &str,
    figure: &str,
    value: f64,
    hedge: &str,
    claimant: Option<&str>,
) -> Record {
    let text = format!("The earthquake in Turkey near Gaziantep killed {figure} across Hatay, officials and rescuers said, as aid from the Red Crescent arrived in Gaziantep.");
    Rec::new(id, Some(outlet), Some(date), &text)
        .entity("Turkey", "PLACE", &[], None)
        .entity("Gaziantep", "PLACE", &[], None)
        .entity("Hatay", "PLACE", &[], None)
        .entity("Red Crescent", "ORG", &[], None)
        .claim(
            value,
            "people",
            Some("Turkey"),
            None,
            Some(hedge),
            claimant,
            figure,
        )
        .0
}

#[test]
fn differing_figures_are_listed_with_sources() {
    let records = vec![
        quake(
            "a",
            "Wire",
            "2023-02-06",
            "at least 1,500 people",
            1500.0,
            "at least",
            Some("officials"),
        ),
        quake(
            "b",
            "Daily",
            "2023-02-07",
            "more than 2,300 people",
            2300.0,
            "more than",
            Some("the disaster agency"),
        ),
        quake(
            "c",
            "Post",
            "2023-02-07",
            "at least 1,500 people",
            1500.0,
            "at least",
            None,
        ),
    ];
    let idx = EntityIndex::build(&records);
    let stories = StoryBuilder::default().build(&records, &idx);
    let found = find_disagreements(&records, &idx, &stories);
    assert_eq!(found.len(), 1, "{found:?}");
    let d = found.first().expect("one");
    assert_eq!((d.subject.as_str(), d.noun.as_str()), ("Turkey", "people"));
    let values: Vec<f64> = d.claims.iter().map(|c| c.value).collect();
    assert_eq!(values, [1500.0, 2300.0, 1500.0], "by date, then article");
    let b = d.claims.iter().find(|c| c.article == "b").expect("b");
    let text = &records.get(1).expect("b").text;
    assert_eq!(
        crate::CharText::new(text).slice(b.span),
        "more than 2,300 people"
    );
    assert_eq!(b.claimant.as_deref(), Some("the disaster agency"));
}

#[test]
fn agreeing_or_different_quantities_are_not_disagreements() {
    let records = vec![
        quake(
            "a",
            "Wire",
            "2023-02-06",
            "at least 1,500 people",
            1500.0,
            "at least",
            None,
        ),
        quake(
            "b",
            "Daily",
            "2023-02-07",
            "about 1,500 people",
            1500.0,
            "about",
            None,
        ),
    ];
    let idx = EntityIndex::build(&records);
    let stories = StoryBuilder::default().build(&records, &idx);
    assert!(find_disagreements(&records, &idx, &stories).is_empty());
}

#[test]
fn noun_classes_fold_synonyms() {
    assert_eq!(noun_class("Russian troops").as_deref(), Some("troops"));
    assert_eq!(
        noun_class("soldiers along the border").as_deref(),
        Some("troops")
    );
    assert_eq!(noun_class("people on board").as_deref(), Some("people"));
    assert_eq!(noun_class("new homes").as_deref(), Some("home"));
    assert_eq!(noun_class(""), None);
}
