//! Tests of cross-article entity resolution, from sentences in several beats.

use super::*;
use crate::testutil::Rec;

fn names_of(index: &EntityIndex, name: &str) -> Option<String> {
    index
        .find(name)
        .and_then(|id| index.get(id))
        .map(|e| e.name.clone())
}

#[test]
fn transliterations_merge_across_outlets() {
    let a = Rec::new(
        "a",
        Some("Wire"),
        Some("2023-03-01"),
        "Foreign Minister Sergey Lavrov met envoys in Moscow.",
    )
    .entity(
        "Sergey Lavrov",
        "PERSON",
        &["Lavrov"],
        Some("Foreign Minister"),
    )
    .entity("Moscow", "PLACE", &[], None);
    let b = Rec::new(
        "b",
        Some("Daily"),
        Some("2023-03-02"),
        "Sergei Lavrov spoke in Moscow. Lavrov smiled.",
    )
    .entity("Sergei Lavrov", "PERSON", &["Lavrov"], None)
    .entity("Moscow", "PLACE", &[], None);
    let c = Rec::new(
        "c",
        Some("Post"),
        Some("2023-03-02"),
        "Lavrov, the foreign minister, left Moscow.",
    )
    .entity("Lavrov", "PERSON", &[], Some("foreign minister"))
    .entity("Moscow", "PLACE", &[], None);
    let idx = EntityIndex::build(&[a.0, b.0, c.0]);
    let id = idx.of_record_entity(0, 0);
    assert_eq!(idx.of_record_entity(1, 0), id);
    assert_eq!(idx.of_record_entity(2, 0), id);
    assert_eq!(
        idx.get(id.unwrap_or(EntityId(99)))
            .map(|e| e.articles.len()),
        Some(3)
    );
    assert_eq!(
        names_of(&idx, "Sergei Lavrov").as_deref(),
        Some("Sergey Lavrov")
    );
    assert_eq!(names_of(&idx, "Lavrov").as_deref(), Some("Sergey Lavrov"));
}

#[test]
fn country_and_city_variants_merge() {
    let a = Rec::new("a", None, None, "Britain and the U.S. sent aid to Kiev.")
        .entity("Britain", "PLACE", &[], None)
        .entity("U.S.", "PLACE", &[], None)
        .entity("Kiev", "PLACE", &[], None);
    let b = Rec::new(
        "b",
        None,
        None,
        "The United Kingdom, the United States and Kyiv agreed.",
    )
    .entity("United Kingdom", "PLACE", &["UK"], None)
    .entity("United States", "PLACE", &["US"], None)
    .entity("Kyiv", "PLACE", &[], None);
    let idx = EntityIndex::build(&[a.0, b.0]);
    for i in 0..3 {
        assert_eq!(idx.of_record_entity(0, i), idx.of_record_entity(1, i));
    }
    assert_eq!(names_of(&idx, "Britain").as_deref(), Some("United Kingdom"));
    assert_eq!(names_of(&idx, "Kiev").as_deref(), Some("Kyiv"));
}

#[test]
fn shared_surname_with_other_given_name_stays_apart() {
    let a = Rec::new(
        "a",
        Some("Sport"),
        Some("2023-05-01"),
        "Serena Williams won in Rome.",
    )
    .entity(
        "Serena Williams",
        "PERSON",
        &["Williams"],
        Some("tennis player"),
    )
    .entity("Rome", "PLACE", &[], None);
    let b = Rec::new(
        "b",
        Some("Biz"),
        Some("2023-05-01"),
        "Rowan Williams spoke in Canterbury.",
    )
    .entity(
        "Rowan Williams",
        "PERSON",
        &["Williams"],
        Some("archbishop"),
    )
    .entity("Canterbury", "PLACE", &[], None);
    let c = Rec::new(
        "c",
        Some("Sport"),
        Some("2023-05-02"),
        "Williams beat her rival in Rome.",
    )
    .entity("Williams", "PERSON", &[], None)
    .entity("Rome", "PLACE", &[], None);
    let idx = EntityIndex::build(&[a.0, b.0, c.0]);
    assert_ne!(idx.of_record_entity(0, 0), idx.of_record_entity(1, 0));
    // The surname alone has two candidates; only one shares the article's co-mentions,
    // but a single shared place is not enough evidence, so it stays on its own.
    let c_id = idx.of_record_entity(2, 0);
    assert_ne!(c_id, idx.of_record_entity(1, 0));
}

#[test]
fn near_spellings_merge_only_with_evidence() {
    let a = Rec::new(
        "a",
        Some("Wire"),
        Some("2022-01-20"),
        "Kremlin spokesman Dmitry Peskov spoke to Interfax in Moscow about Washington.",
    )
    .entity("Dmitry Peskov", "PERSON", &[], Some("Kremlin spokesman"))
    .entity("Interfax", "ORG", &[], None)
    .entity("Moscow", "PLACE", &[], None);
    let b = Rec::new(
        "b",
        Some("Blog"),
        Some("2022-01-21"),
        "Kremlin Spokesman Dmitry Pesko said so.",
    )
    .entity("Dmitry Pesko", "PERSON", &[], Some("Kremlin Spokesman"));
    let c = Rec::new(
        "c",
        Some("Lab"),
        Some("2022-01-21"),
        "Chemist Dmitry Pesko of Tomsk published a paper.",
    )
    .entity("Dmitry Pesko", "PERSON", &[], Some("chemist"))
    .entity("Tomsk", "PLACE", &[], None);
    let idx = EntityIndex::build(&[a.0.clone(), b.0]);
    assert_eq!(idx.of_record_entity(0, 0), idx.of_record_entity(1, 0));
    let idx = EntityIndex::build(&[a.0, c.0]);
    assert_ne!(idx.of_record_entity(0, 0), idx.of_record_entity(1, 0));
}

#[test]
fn empty_and_odd_input_never_panics() {
    let a = Rec::new("a", None, None, "")
        .entity("", "PERSON", &[], None)
        .entity("...", "PERSON", &[""], Some(""))
        .entity("Ωμέγα", "WHATEVER", &[], None);
    let idx = EntityIndex::build(&[a.0]);
    assert_eq!(idx.by_article.first().map(Vec::len), Some(3));
    assert!(EntityIndex::build(&[]).entities.is_empty());
}

#[test]
fn the_lookup_is_written_in_key_order_and_reads_back() {
    let a = Rec::new(
        "a",
        Some("Wire"),
        Some("2023-03-01"),
        "Zoe Adler met Maria Bauer in Oslo and Bergen.",
    )
    .entity("Zoe Adler", "PERSON", &[], None)
    .entity("Maria Bauer", "PERSON", &[], None)
    .entity("Oslo", "PLACE", &[], None)
    .entity("Bergen", "PLACE", &[], None);
    let idx = EntityIndex::build(&[a.0]);
    let text = serde_json::to_string(idx.lookup()).unwrap_or_default();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let keys: Vec<&String> = value["by_key"]
        .as_object()
        .map(|m| m.keys().collect())
        .unwrap_or_default();
    assert!(keys.len() >= 4, "{text}");
    // serde_json's map keeps keys sorted too, so compare the text's own order.
    let positions: Vec<usize> = keys
        .iter()
        .filter_map(|k| text.find(&format!("\"{k}\":")))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
    let back: EntityLookup = serde_json::from_str(&text).unwrap_or_default();
    assert_eq!(back.find("Bauer"), idx.find("Bauer"));
    assert!(back.find("Bauer").is_some());
}
