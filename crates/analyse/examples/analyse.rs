//! Runs the whole analysis over a JSONL file of article records and prints a summary:
//! `storyline extract examples/seeds > /tmp/seeds.jsonl &&
//!  cargo run -p storyline-analyse --example analyse -- /tmp/seeds.jsonl`

use storyline_analyse::Analysis;
use storyline_record::Record;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: analyse RECORDS.jsonl")?;
    let text = std::fs::read_to_string(&path)?;
    let records: Vec<Record> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let a = Analysis::run(&records);
    for s in &a.stories.stories {
        let outlets: Vec<String> = s
            .articles
            .iter()
            .map(|x| {
                format!(
                    "{}@{}",
                    x.outlet.as_deref().unwrap_or("?"),
                    x.published.map_or("undated".into(), |d| d.to_string())
                )
            })
            .collect();
        println!(
            "story {} phase {} (earlier {:?}): {:?} {:?}",
            s.id, s.phase, s.earlier_phase, outlets, s.top_entities
        );
    }
    for d in &a.disagreements {
        println!("disagreement {} {} {:?}:", d.subject, d.noun, d.place);
        for c in &d.claims {
            println!(
                "  {} {:?} {:?} {:?} {:?}",
                c.value,
                c.hedge,
                c.claimant,
                c.outlet,
                c.date.map(|d| d.to_string())
            );
        }
        for c in &d.earlier_phases {
            println!(
                "  earlier: {} {:?} {:?} {:?}",
                c.value,
                c.hedge,
                c.outlet,
                c.date.map(|d| d.to_string())
            );
        }
    }
    for e in a
        .entities
        .entities
        .iter()
        .filter(|e| e.articles.len() > 1 || e.variants.len() > 1)
    {
        println!(
            "entity {} [{}] {:?} in {}",
            e.name,
            e.kind,
            e.variants,
            e.articles.len()
        );
    }
    for g in a.quotes.iter().filter(|g| !g.repetitions.is_empty()) {
        println!(
            "reused quote by {:?}: {} (+{})",
            g.speaker,
            g.text,
            g.repetitions.len()
        );
    }
    for t in &a.timeline {
        if t.resolved_from.is_some() {
            println!(
                "{:?} {:?} {:?}: {}",
                t.date.map(|d| d.to_string()),
                t.resolved_from,
                t.who,
                t.text.chars().take(60).collect::<String>()
            );
        }
    }
    Ok(())
}
