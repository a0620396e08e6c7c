//! Clustering benchmark on a synthetic corpus: 100,000 articles recombined from sentence
//! templates with renamed entities, numbers and dates, so that ids, stories and figures
//! differ. Reports entity resolution and story clustering time at 10k and 100k articles.
//!
//! `cargo run --release -p storyline-analyse --example cluster_bench [NUM_ARTICLES...]`

use std::time::Instant;

use storyline_analyse::{find_disagreements, EntityIndex, StoryBuilder};
use storyline_record::{Record, RecordClaim, RecordEntity};

const GIVEN: &[&str] = &[
    "Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira",
    "Luis", "Maya", "Nikolai", "Omar", "Priya",
];
const SURNAMES: &[&str] = &[
    "Keller", "Ivanov", "Okafor", "Santos", "Tanaka", "Novak", "Haddad", "Larsen", "Moreau",
    "Petrov", "Quinn", "Rossi", "Schmidt", "Weber", "Yilmaz", "Zhou",
];
const PLACES: &[&str] = &[
    "Arden", "Belmar", "Corvo", "Dunmore", "Eskra", "Falun", "Gorsk", "Halden", "Irvale", "Jorvik",
    "Kestrel", "Lunder",
];
const ORGS: &[&str] = &[
    "Harbour Authority",
    "Northern Bank",
    "City Council",
    "Red Cross",
    "Transit Union",
    "Health Agency",
    "Port Police",
    "Energy Board",
];
const SYLLABLES: &[&str] = &[
    "an", "bel", "cor", "dan", "ev", "for", "gal", "hem", "ist", "jor", "kan", "lem", "mor", "nes",
    "ost", "pra", "rin", "sal", "tov", "ulm",
];
const TEMPLATES: &[&str] = &[
    "{P} officials in {C} said {N} workers had walked out over pay.",
    "{P} told reporters that the {O} would review the decision.",
    "Talks between the {O} and {C} resumed on Monday after a week of protests.",
    "The {O} said about {N} people were affected across {C}.",
    "Critics in {C} accused {P} of ignoring the warnings of the {O}.",
    "{P} visited {C} on Friday to meet families and local businesses.",
    "Analysts expect the dispute in {C} to weigh on the {O} budget next month.",
];

/// A tiny deterministic generator (xorshift), so every run builds the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v.get((self.next() % v.len() as u64) as usize)
            .copied()
            .unwrap_or("")
    }
}

fn article(i: usize, rng: &mut Rng) -> Record {
    // A story is a (person, place, organisation) triple over a few weeks; thousands of them.
    let story = rng.next() % 5_000;
    let mut srng = Rng(story * 7_919 + 17);
    // Renamed entities: syllables make thousands of distinct names, as a real corpus has.
    let person = format!(
        "{} {}{}",
        srng.pick(GIVEN),
        srng.pick(SURNAMES),
        srng.pick(SYLLABLES)
    );
    let place = format!(
        "{}{}{}",
        srng.pick(PLACES),
        srng.pick(SYLLABLES),
        srng.pick(SYLLABLES)
    );
    let org = format!(
        "{} of {}{}",
        srng.pick(ORGS),
        srng.pick(PLACES),
        srng.pick(SYLLABLES)
    );
    let day = (story % 700) as i64 + (rng.next() % 10) as i64;
    let date = format!("2022-{:02}-{:02}", 1 + (day / 28) % 12, 1 + day % 28);
    let mut text = String::new();
    let mut claims = Vec::new();
    for _ in 0..8 {
        let n = 1_000 + (rng.next() % 50) * 100;
        let sentence = rng
            .pick(TEMPLATES)
            .replace("{P}", &person)
            .replace("{C}", &place)
            .replace("{O}", &org)
            .replace("{N}", &n.to_string());
        if sentence.contains(&n.to_string()) && claims.is_empty() {
            let start = text.chars().count() + sentence.find(&n.to_string()).unwrap_or(0);
            claims.push(RecordClaim {
                value: n as f64,
                unit: None,
                noun: "workers".into(),
                subject: Some(place.clone()),
                place: None,
                hedge: None,
                claimant: None,
                text: n.to_string(),
                span: [start, start + n.to_string().len()],
                vague: false,
                upper: None,
            });
        }
        text.push_str(&sentence);
        text.push(' ');
    }
    let ent = |name: &str, kind: &str| RecordEntity {
        name: name.into(),
        kind: kind.into(),
        aliases: vec![],
        role: None,
        mentions: vec![],
    };
    let json = serde_json::json!({"id": format!("{i:032x}"), "source": "synthetic", "outlet": format!("Outlet{}", i % 40),
        "title": null, "published": date, "author": null, "language": "en", "text": text, "removed": [],
        "entities": [], "quotes": [], "claims": [], "events": []});
    let mut r: Record =
        serde_json::from_value(json).unwrap_or_else(|e| panic!("synthetic record: {e}"));
    r.entities = vec![
        ent(&person, "PERSON"),
        ent(&place, "PLACE"),
        ent(&org, "ORG"),
    ];
    r.claims = claims;
    r
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    for n in sizes {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let records: Vec<Record> = (0..n).map(|i| article(i, &mut rng)).collect();
        let t0 = Instant::now();
        let entities = EntityIndex::build(&records);
        let t1 = Instant::now();
        let stories = StoryBuilder::default().build(&records, &entities);
        let t2 = Instant::now();
        let disagreements = find_disagreements(&records, &entities, &stories);
        let t3 = Instant::now();
        println!(
            "{n} articles: entities {:.2}s ({} canonical), stories {:.2}s ({} stories), disagreements {:.2}s ({}), total {:.2}s",
            (t1 - t0).as_secs_f64(),
            entities.entities.len(),
            (t2 - t1).as_secs_f64(),
            stories.stories.len(),
            (t3 - t2).as_secs_f64(),
            disagreements.len(),
            (t3 - t0).as_secs_f64()
        );
    }
}
