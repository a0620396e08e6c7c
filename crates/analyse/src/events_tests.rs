//! Tests of event grouping over small corpora written for the purpose: a border deployment
//! reported by three outlets, its denial, unrelated events, and a harbour strike.

use super::*;
use crate::stories::StoryBuilder;
use crate::testutil::{find_span, Rec};

/// What one article reports about an event.
struct Ev<'a> {
    action: &'a str,
    source: Option<(&'a str, &'a str)>,
    target: Option<(&'a str, &'a str)>,
    negated: bool,
    hypothetical: bool,
    date: Option<&'a str>,
    sentence: &'a str,
}

impl<'a> Ev<'a> {
    fn new(action: &'a str, sentence: &'a str) -> Ev<'a> {
        Ev {
            action,
            source: None,
            target: None,
            negated: false,
            hypothetical: false,
            date: None,
            sentence,
        }
    }
    fn from(mut self, name: &'a str, code: &'a str) -> Self {
        self.source = Some((name, code));
        self
    }
    fn to(mut self, name: &'a str, code: &'a str) -> Self {
        self.target = Some((name, code));
        self
    }
    fn on(mut self, date: &'a str) -> Self {
        self.date = Some(date);
        self
    }
    fn denied(mut self) -> Self {
        self.negated = true;
        self
    }
    fn conditional(mut self) -> Self {
        self.hypothetical = true;
        self
    }
}

/// A border article: shared background so the articles form one story, then `extra`.
fn border(id: &str, outlet: &str, published: Option<&str>, extra: &str, evs: &[Ev]) -> Record {
    let text = format!(
        "Tensions rose at the Jarinje crossing between Serbia and Kosovo over licence plates. \
         Kosovo police closed the road near Jarinje. {extra}"
    );
    let mut rec = Rec::new(id, Some(outlet), published, &text)
        .entity("Serbia", "PLACE", &[], None)
        .entity("Kosovo", "PLACE", &[], None)
        .entity("Jarinje", "PLACE", &[], None);
    // Further entities the extra sentences name; a surname alone only when the full name is absent.
    let more: [(&str, &str, &[&str]); 6] = [
        ("Belgrade", "PLACE", &[]),
        ("Pristina", "PLACE", &[]),
        ("Aleksandar Vucic", "PERSON", &["Vucic"]),
        ("Milos Vucevic", "PERSON", &[]),
        ("EU", "ORG", &[]),
        ("Vucic", "PERSON", &[]),
    ];
    for (name, kind, aliases) in more {
        let named = rec
            .0
            .entities
            .iter()
            .any(|e| e.aliases.iter().any(|a| a == name));
        if text.contains(name) && !named {
            rec = rec.entity(name, kind, aliases, None);
        }
    }
    for e in evs {
        let text = &rec.0.text;
        rec.0.events.push(RecordEvent {
            source: e.source.map(|s| s.0.to_string()),
            source_actor: e.source.map(|s| s.1.to_string()),
            action: e.action.into(),
            mode: None,
            cameo: None,
            target: e.target.map(|t| t.0.to_string()),
            target_actor: e.target.map(|t| t.1.to_string()),
            negated: e.negated,
            hypothetical: e.hypothetical,
            date: e.date.or(published).map(str::to_string),
            place: None,
            span: find_span(text, e.sentence),
            trigger: None,
        });
    }
    rec.0
}

fn run(records: &[Record]) -> Vec<EventGroup> {
    let idx = EntityIndex::build(records);
    let stories = StoryBuilder::default().build(records, &idx);
    group_events(records, &idx, &stories)
}

const DEPLOY_WIRE: &str = "Serbia deployed troops to the Kosovo border on Monday.";
const DEPLOY_DAILY: &str = "Belgrade sent soldiers and armoured vehicles towards Kosovo.";
const DEPLOY_POST: &str = "Serbian troops massed near the border with Kosovo this week.";

fn three_reports() -> Vec<Record> {
    vec![
        border(
            "w1",
            "Wire",
            Some("2024-03-04"),
            DEPLOY_WIRE,
            &[Ev::new("MOBILIZE", DEPLOY_WIRE)
                .from("Serbia", "SRBGOV")
                .to("Kosovo", "XKX")
                .on("2024-03-04")],
        ),
        border(
            "d1",
            "Balkan Daily",
            Some("2024-03-05T08:00:00+01:00"),
            DEPLOY_DAILY,
            &[Ev::new("MOBILIZE", DEPLOY_DAILY)
                .from("Belgrade", "SRBGOV")
                .to("Kosovo", "XKX")],
        ),
        border(
            "p1",
            "Euro Post",
            Some("2024-03-06"),
            DEPLOY_POST,
            &[Ev::new("mobilize", DEPLOY_POST)
                .from("Serbia", "SRB")
                .to("Kosovo", "XKX")],
        ),
    ]
}

#[test]
fn three_outlets_reporting_one_deployment_count_once() {
    let groups = run(&three_reports());
    assert_eq!(groups.len(), 1, "{groups:#?}");
    let g = &groups[0];
    assert_eq!(g.action, "MOBILIZE");
    assert_eq!(g.num_mentions, 3);
    assert_eq!(g.outlets, ["Wire", "Balkan Daily", "Euro Post"]);
    assert_eq!(g.source.as_deref(), Some("Serbia"));
    assert_eq!(g.target.as_deref(), Some("Kosovo"));
    assert_eq!(
        g.first_date.map(|d| d.to_string()).as_deref(),
        Some("2024-03-04")
    );
    assert_eq!(g.mentions[1].text, DEPLOY_DAILY);
    assert!(g.mentions[0].date_stated || g.mentions[0].published == g.mentions[0].date);
    assert!(g.is_asserted() && g.conflicts.is_empty());
    assert!(
        g.id.starts_with(&g.story) && g.id.ends_with("-1"),
        "{}",
        g.id
    );
}

#[test]
fn a_denial_is_kept_apart_and_listed_as_conflicting() {
    let denial = "Serbia did not send troops to Kosovo, the defence ministry insisted.";
    let mut records = three_reports();
    records.push(border(
        "n1",
        "Belgrade Radio",
        Some("2024-03-05"),
        denial,
        &[Ev::new("MOBILIZE", denial)
            .from("Serbia", "SRBGOV")
            .to("Kosovo", "XKX")
            .denied()],
    ));
    let groups = run(&records);
    assert_eq!(groups.len(), 2, "{groups:#?}");
    let asserted = groups.iter().find(|g| g.is_asserted()).expect("asserted");
    let denied = groups.iter().find(|g| !g.is_asserted()).expect("denied");
    assert_eq!(asserted.num_mentions, 3);
    assert_eq!(denied.num_mentions, 1);
    assert_eq!(denied.modality, Modality::Negated);
    assert_eq!(denied.mentions[0].text, denial);
    assert_eq!(asserted.conflicts, std::slice::from_ref(&denied.id));
    assert_eq!(denied.conflicts, std::slice::from_ref(&asserted.id));
}

#[test]
fn unrelated_events_and_later_repeats_are_separate() {
    let threat = "Kosovo warned Serbia of a firm response.";
    let march = "Hundreds of people marched in Pristina against the closure.";
    let again = "Serbia sent more troops to the Kosovo border on Thursday.";
    let would = "Serbia would send troops to Kosovo if police entered the north, Vucic said.";
    let mut records = three_reports();
    records.push(border(
        "u1",
        "Wire",
        Some("2024-03-06"),
        &format!("{threat} {march} {would}"),
        &[
            Ev::new("THREATEN", threat)
                .from("Kosovo", "XKXGOV")
                .to("Serbia", "SRBGOV"),
            Ev::new("PROTEST", march),
            Ev::new("MOBILIZE", would)
                .from("Serbia", "SRBGOV")
                .to("Kosovo", "XKX")
                .conditional(),
        ],
    ));
    records.push(border(
        "u2",
        "Balkan Daily",
        Some("2024-03-15"),
        again,
        &[Ev::new("MOBILIZE", again)
            .from("Serbia", "SRBGOV")
            .to("Kosovo", "XKX")
            .on("2024-03-14")],
    ));
    let groups = run(&records);
    let mobilize: Vec<&EventGroup> = groups.iter().filter(|g| g.action == "MOBILIZE").collect();
    assert_eq!(mobilize.len(), 3, "{groups:#?}");
    assert_eq!(mobilize[0].num_mentions, 3, "{mobilize:#?}");
    assert!(mobilize
        .iter()
        .any(|g| g.modality == Modality::Hypothetical && g.num_mentions == 1));
    // A hypothetical deployment does not contradict an asserted one.
    assert!(mobilize.iter().all(|g| g.conflicts.is_empty()));
    assert!(mobilize
        .iter()
        .any(|g| g.first_date.map(|d| d.to_string()).as_deref() == Some("2024-03-14")));
    assert_eq!(groups.iter().filter(|g| g.action == "THREATEN").count(), 1);
    let protest = groups
        .iter()
        .find(|g| g.action == "PROTEST")
        .expect("protest");
    assert_eq!(
        (protest.source.as_deref(), protest.target.as_deref()),
        (None, None)
    );
}

#[test]
fn people_are_keyed_by_entity_not_by_their_government_code() {
    let met_pres = "President Aleksandar Vucic met envoys from Brussels on Tuesday.";
    let met_pres2 = "Vucic held talks with EU envoys.";
    let met_pm = "Prime Minister Milos Vucevic met EU envoys in Belgrade.";
    let records = vec![
        border(
            "a",
            "Wire",
            Some("2024-03-05"),
            met_pres,
            &[Ev::new("CONSULT", met_pres)
                .from("Aleksandar Vucic", "SRBGOV")
                .to("EU", "IGOEU")],
        ),
        border(
            "b",
            "Euro Post",
            Some("2024-03-06"),
            met_pres2,
            &[Ev::new("CONSULT", met_pres2)
                .from("Vucic", "SRBGOV")
                .to("EU", "IGOEU")],
        ),
        border(
            "c",
            "Euro Post",
            Some("2024-03-06"),
            met_pm,
            &[Ev::new("CONSULT", met_pm)
                .from("Milos Vucevic", "SRBGOV")
                .to("EU", "IGOEU")],
        ),
    ];
    let groups = run(&records);
    assert_eq!(groups.len(), 2, "{groups:#?}");
    let pres = groups
        .iter()
        .find(|g| g.source.as_deref() == Some("Aleksandar Vucic"))
        .expect("president");
    assert_eq!(pres.num_mentions, 2);
    assert_eq!(pres.outlets, ["Wire", "Euro Post"]);
}

#[test]
fn undated_reports_and_empty_corpora_do_not_panic() {
    assert!(run(&[]).is_empty());
    let strike = "Dock workers walked out at the harbour.";
    let strike_ev = || [Ev::new("PROTEST", strike).from("dock workers", "")];
    let records = vec![
        border("x", "Harbour News", None, strike, &strike_ev()),
        border("y", "Coast FM", None, strike, &strike_ev()),
    ];
    let groups = run(&records);
    assert_eq!(groups.len(), 1, "{groups:#?}");
    assert_eq!(groups[0].num_mentions, 2);
    assert_eq!(groups[0].first_date, None);
    assert_eq!(groups[0].source.as_deref(), Some("dock workers"));
}

#[test]
fn undated_mentions_join_the_earliest_dated_event() {
    let mut records = three_reports();
    let undated = "Serbia has moved troops to the Kosovo border.";
    records.push(border(
        "z",
        "Blog",
        None,
        undated,
        &[Ev::new("MOBILIZE", undated)
            .from("Serbia", "SRBGOV")
            .to("Kosovo", "XKX")],
    ));
    let groups = run(&records);
    let first = groups
        .iter()
        .find(|g| g.action == "MOBILIZE")
        .expect("group");
    assert_eq!(first.num_mentions, 4, "{groups:#?}");
    assert_eq!(first.outlets.last().map(String::as_str), Some("Blog"));
}

#[test]
fn modality_labels() {
    assert_eq!(Modality::of(true, true), Modality::NegatedHypothetical);
    assert!(Modality::of(true, true).is_negated());
    assert_eq!(Modality::of(false, true).as_str(), "hypothetical");
    assert!(is_state_code("RUS") && is_state_code("USAMIL") && !is_state_code("RUSBUS"));
}

#[test]
fn groups_come_in_the_same_order_on_every_run() {
    // The same action and shown names, keyed apart (a state code and a plain entity): only the
    // bucket order can tell the two groups apart, and it must not follow the hash map's.
    let coded = "Serbia sent troops to Kosovo.";
    let plain = "Serbia moved troops to Kosovo.";
    let records = vec![
        border(
            "c1",
            "Wire",
            Some("2024-03-04"),
            coded,
            &[Ev::new("MOBILIZE", coded)
                .from("Serbia", "SRBGOV")
                .to("Kosovo", "XKX")],
        ),
        border(
            "c2",
            "Post",
            Some("2024-03-04"),
            plain,
            &[Ev::new("MOBILIZE", plain)
                .from("Serbia", "")
                .to("Kosovo", "")],
        ),
    ];
    let order = |groups: Vec<EventGroup>| -> Vec<(String, String)> {
        groups
            .into_iter()
            .map(|g| (g.id, g.mentions[0].article.clone()))
            .collect()
    };
    let first = order(run(&records));
    assert_eq!(first.len(), 2, "{first:?}");
    for _ in 0..16 {
        assert_eq!(order(run(&records)), first);
    }
}
