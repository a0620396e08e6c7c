//! End-to-end tests of the cleaner on made-up pages from several kinds of outlet.

use super::*;

fn clean(raw: &str) -> Article {
    let mut a = Article::new("test.txt", raw);
    Cleaner::new().annotate(&mut a);
    a
}

fn reasons(a: &Article) -> Vec<(&str, &'static str)> {
    a.removed
        .iter()
        .map(|r| (r.span.slice(&a.raw), r.reason.as_str()))
        .collect()
}

#[test]
fn wire_story_with_sign_off_and_tail() {
    let raw = "1. Skip to content\n  2. Skip to main menu\n\n\
               Port strike halts grain exports\n\nSeptember 12, 2023\n\n\
               Dock workers at the country's largest port walked out on Tuesday, halting grain shipments.\n\n\
               Workers wait at the gates of the port\nImage: Jan Novak/AP/picture alliance\n\n\
               \"We will stay out until the deal is honoured,\" union leader Maria Costa told reporters.\n\n\
               ab/cd (Reuters, AFP)\n\n\
               Skip next section More stories\n\n\
               Farmers protest fuel prices in the capital as harvest costs climb\n\
               Go to homepage";
    let a = clean(raw);
    assert_eq!(
        a.text,
        "Dock workers at the country's largest port walked out on Tuesday, halting grain shipments.\n\n\
         \"We will stay out until the deal is honoured,\" union leader Maria Costa told reporters."
    );
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Port strike halts grain exports")
    );
    assert_eq!(a.meta.published.as_deref(), Some("2023-09-12"));
    assert_eq!(a.meta.language.as_deref(), Some("en"));
    let r = reasons(&a);
    assert!(r.contains(&("Workers wait at the gates of the port", "credit")));
    assert!(r.contains(&("ab/cd (Reuters, AFP)", "signoff")));
    assert!(r.contains(&(
        "Farmers protest fuel prices in the capital as harvest costs climb",
        "teaser"
    )));
    for &(t, raw_at) in &a.origin {
        assert_eq!(a.text.as_bytes().get(t), a.raw.as_bytes().get(raw_at));
    }
}

#[test]
fn indian_portal_page_with_team_byline() {
    let raw = "ad_slot_top\n\nCity Rail Fares To Rise From April, Says Minister\n\n\
               Metro Times Web Team\nMumbaiUpdated: Mar 02, 2023, 10:15 AM IST\nmain img\nPhotograph:(Reuters)\n\n\
               Story highlights\n\n\
               The railway minister said on Thursday that suburban fares would rise by 5% from April.\n\n\
               Commuter groups said the rise would hurt daily travellers the most.\n\n\
               (With inputs from agencies)";
    let a = clean(raw);
    assert_eq!(a.meta.outlet.as_deref(), Some("Metro Times"));
    assert_eq!(
        a.meta.published.as_deref(),
        Some("2023-03-02T10:15:00+05:30")
    );
    assert_eq!(a.meta.author, None);
    assert!(a.text.starts_with("The railway minister said"));
    assert!(a.text.ends_with("the most."));
}

#[test]
fn page_dump_with_duplicate_body() {
    let raw = "https://www.examplenews.com/20230301/mill-closes-123.html\n\
               Paper Mill to Close After 90 Years\nPaper Mill to Close After 90 Years\n\
               2023-03-01T08:00+0000\n2023-03-01T09:30+0000\nbusiness\nmanufacturing, jobs\n\
               /html/head/meta[@name='og:title']/@content\n\
               The town's paper mill will close in June, its owner said.About 300 jobs will go.The union said it would fight the decision.\n\
               Example News\nnewsdesk@examplenews.com\n+1 555 0100 200\n2023\nJoan Miller\n\
               https://cdn.examplenews.com/img/joan_100x100.jpg\nJoan Miller\nen_US\n\
               The town's paper mill will close in June, its owner said. About 300 jobs will go.\n\
               The union said it would fight the decision.";
    let a = clean(raw);
    assert_eq!(
        a.text,
        "The town's paper mill will close in June, its owner said. About 300 jobs will go.\n\
         The union said it would fight the decision."
    );
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Paper Mill to Close After 90 Years")
    );
    assert_eq!(a.meta.outlet.as_deref(), Some("Example"));
    assert_eq!(
        a.meta.published.as_deref(),
        Some("2023-03-01T08:00:00+00:00")
    );
    assert_eq!(a.meta.author.as_deref(), Some("Joan Miller"));
    assert!(reasons(&a).iter().any(|&(_, r)| r == "duplicate"));
}

#[test]
fn given_fields_win_and_unknown_stays_none() {
    let raw = "Scientists have found that a common garden beetle can survive being frozen for weeks without lasting harm\n\n\
               The team said the finding could help preserve donor organs.\n\n\
               Sign up to receive our latest news!\n\nBy submitting this form, I agree to the terms.";
    let mut a = Article::new("x", raw);
    a.meta.outlet = Some("Science Daily Gazette".into());
    Cleaner::new().annotate(&mut a);
    assert_eq!(a.meta.outlet.as_deref(), Some("Science Daily Gazette"));
    assert_eq!(a.meta.title, None);
    assert_eq!(a.meta.published, None);
    assert!(a.text.starts_with("Scientists have found"));
    assert!(a.text.ends_with("donor organs."));
    assert_eq!(
        reasons(&a).iter().filter(|(_, r)| *r == "prompt").count(),
        2
    );
}

#[test]
fn given_title_line_is_removed() {
    let mut a = Article::new(
        "x",
        "Derby ends in stalemate\nThe derby ended 0-0 in front of a crowd of 40,000 on Sunday.",
    );
    a.meta.title = Some("Derby ends in stalemate".into());
    Cleaner::new().annotate(&mut a);
    assert_eq!(
        a.text,
        "The derby ended 0-0 in front of a crowd of 40,000 on Sunday."
    );
    assert_eq!(a.removed[0].reason, RemovalReason::Title);
}

#[test]
fn never_panics_on_odd_input() {
    let cleaner = Cleaner::new();
    for raw in [
        "",
        "\n\n",
        "\u{feff}",
        "é",
        "“unbalanced",
        "\0\u{1}binary\u{fffd}\u{fffd}",
        "a\rb\r\nc",
        "12:31 GMT 07.02.2022 (Updated",
    ] {
        let mut a = Article::new("x", raw);
        cleaner.annotate(&mut a);
        assert!(a.text.len() <= raw.len() + 16);
    }
    let huge = "The mayor said the road would reopen on Monday after repairs. ".repeat(20_000);
    let mut a = Article::new("x", huge);
    cleaner.annotate(&mut a);
    assert!(!a.text.is_empty());
}
