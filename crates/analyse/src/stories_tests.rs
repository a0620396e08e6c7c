//! Tests of story clustering on small corpora written for the purpose.

use super::*;
use crate::testutil::Rec;

fn flood(id: &str, outlet: &str, date: &str, extra: &str) -> Record {
    let text = format!(
        "Flood waters rose along the Danube as rescuers in Passau evacuated residents. \
         Mayor Anna Keller said the river peaked overnight. {extra}"
    );
    Rec::new(id, Some(outlet), Some(date), &text)
        .entity("Danube", "PLACE", &[], None)
        .entity("Passau", "PLACE", &[], None)
        .entity("Anna Keller", "PERSON", &["Keller"], Some("Mayor"))
        .0
}

fn transfer(id: &str, date: &str) -> Record {
    Rec::new(id, Some("Sport"), Some(date), "Striker Tomas Vidal joined Benfica from Porto for a club record fee, the clubs said. Vidal scored twenty league goals for Porto last season.")
        .entity("Tomas Vidal", "PERSON", &["Vidal"], Some("Striker"))
        .entity("Benfica", "ORG", &[], None)
        .entity("Porto", "ORG", &[], None)
        .0
}

#[test]
fn same_story_groups_and_other_topics_stay_apart() {
    let records = vec![
        flood(
            "a1",
            "Wire",
            "2024-06-03",
            "Sandbags ran short in the old town.",
        ),
        transfer("b1", "2024-06-04"),
        flood(
            "a2",
            "Local",
            "2024-06-05",
            "Schools stayed closed on Wednesday as the clean-up began.",
        ),
        flood(
            "a3",
            "Daily",
            "2023-01-10",
            "Officials ordered a review of flood defences after the last flood.",
        ),
    ];
    let idx = EntityIndex::build(&records);
    let set = StoryBuilder::default().build(&records, &idx);
    let story = |a: usize| set.story_of.get(a).copied();
    assert_eq!(story(0), story(2));
    assert_ne!(story(0), story(1));
    // Seventeen months earlier: its own story, linked as the earlier phase.
    assert_ne!(story(0), story(3));
    let later = set.stories.get(story(0).unwrap_or(0)).expect("story");
    let earlier = set.stories.get(story(3).unwrap_or(0)).expect("story");
    assert_eq!(later.earlier_phase.as_deref(), Some(earlier.id.as_str()));
    assert_eq!((earlier.phase, later.phase), (1, 2));
    assert_eq!(
        later.start.map(|d| d.to_string()).as_deref(),
        Some("2024-06-03")
    );
    assert!(later.top_entities.iter().any(|e| e == "Anna Keller"));
}

#[test]
fn syndicated_copy_is_marked() {
    let records = vec![
        flood("a1", "Wire", "2024-06-03", "Sandbags ran short."),
        flood("a2", "Herald", "2024-06-03", "Sandbags ran short."),
    ];
    let idx = EntityIndex::build(&records);
    let set = StoryBuilder::default().build(&records, &idx);
    assert_eq!(set.stories.len(), 1);
    let copy = set
        .stories
        .first()
        .and_then(|s| s.articles.iter().find(|a| a.id == "a2"))
        .expect("copy");
    assert_eq!(copy.duplicate_of.as_deref(), Some("a1"));
    assert!(copy.syndicated);
}

#[test]
fn undated_article_joins_without_bridging() {
    let mut undated = flood("u", "Blog", "x", "Volunteers filled sandbags.");
    undated.published = None;
    let records = vec![
        flood("a1", "Wire", "2024-06-03", ""),
        transfer("b1", "2024-06-04"),
        undated,
    ];
    let idx = EntityIndex::build(&records);
    let set = StoryBuilder::default().build(&records, &idx);
    assert_eq!(set.story_of.first(), set.story_of.get(2));
    assert_ne!(set.story_of.get(1), set.story_of.get(2));
    assert!(StoryBuilder::default()
        .build(&[], &EntityIndex::default())
        .stories
        .is_empty());
}
