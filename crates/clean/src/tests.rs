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

#[test]
fn broadcaster_page_with_caption_label_and_related_topics() {
    let raw = "Skip to content\nAccessibility Help\nHome\nNews\n\n\
               Inflation falls to 6.7% as food prices ease\n\nPublished\n18 October 2023\n\nShare\n\n\
               Image source, Getty Images\nImage caption,\nShoppers at a market in Leeds\n\n\
               By Jane Holt\nBusiness reporter\n\n\
               The rate at which prices are rising fell unexpectedly in September, official figures show.\n\n\
               \"This is welcome news for families,\" the chancellor said.\n\n\
               What is inflation?\n\n\
               Inflation is the rate at which prices rise over time.\n\n\
               Related Topics\nUK economy\nMore on this story\nHow much have prices gone up?\nPublished\n1 day ago";
    let a = clean(raw);
    assert!(a.text.starts_with("The rate at which prices"));
    assert!(a.text.contains("\n\nWhat is inflation?\n\n"));
    assert!(a.text.ends_with("rise over time."));
    assert_eq!(a.meta.author.as_deref(), Some("Jane Holt"));
    assert_eq!(a.meta.published.as_deref(), Some("2023-10-18"));
    assert_eq!(a.meta.outlet, None);
    assert!(reasons(&a).contains(&("Shoppers at a market in Leeds", "credit")));
}

#[test]
fn sports_page_with_wire_photo_and_teasers() {
    let raw = "Home > Football > Premier League\n\n\
               Late penalty earns Rovers draw at City\n\n\
               By Sam Wright, Sports Reporter\nSunday 8 October 2023 19:42 BST\n\n\
               Rovers' captain celebrates his second goal\nREUTERS/Peter Smith\n\n\
               LEEDS (Reuters) - Rovers came from behind to draw 2-2 at City on Sunday.\n\n\
               ADVERTISEMENT\n\n\
               Rovers are third in the table, one point behind the leaders.\n\n\
               READ MORE: Manager under pressure after defeat\n\n\
               Share this article\nComments (112)\nYou may also like\nStriker hails 'outstanding' teammate\n\
               © 2023 Example Sports Media Ltd";
    let a = clean(raw);
    assert_eq!(
        a.text,
        "LEEDS (Reuters) - Rovers came from behind to draw 2-2 at City on Sunday.\n\n\
         Rovers are third in the table, one point behind the leaders."
    );
    assert_eq!(a.meta.author.as_deref(), Some("Sam Wright"));
    assert_eq!(a.meta.outlet.as_deref(), Some("Example Sports Media"));
    assert_eq!(
        a.meta.published.as_deref(),
        Some("2023-10-08T19:42:00+01:00")
    );
    // The dateline stays in the body, for its place, as a span of its own.
    let datelines: Vec<&str> = a.datelines.iter().map(|d| d.slice(&a.text)).collect();
    assert_eq!(datelines, ["LEEDS (Reuters) -"]);
    assert!(!reasons(&a)
        .iter()
        .any(|r| r.1 == "dateline" && r.0.contains("LEEDS")));
}

#[test]
fn a_place_and_date_line_stays_as_a_dateline() {
    let raw = "Rovers sign striker\n\nLONDON 2023-10-08\n\n\
               Rovers have signed the striker from a second-tier club for an undisclosed fee, the club said.";
    let a = clean(raw);
    assert_eq!(a.meta.published.as_deref(), Some("2023-10-08"));
    assert!(a
        .text
        .starts_with("LONDON 2023-10-08\n\nRovers have signed"));
    let datelines: Vec<&str> = a.datelines.iter().map(|d| d.slice(&a.text)).collect();
    assert_eq!(datelines, ["LONDON 2023-10-08"]);
    // A date without a place is no part of the body.
    let a = clean("Rovers sign striker\n\nOctober 8, 2023\n\nRovers have signed the striker for an undisclosed fee, the club said.");
    assert!(a.text.starts_with("Rovers have signed") && a.datelines.is_empty());
}

#[test]
fn a_table_of_results_is_content() {
    let raw = "Results of league matches\n\n\
               Bradford 1 Tranmere 0\nGrimsby 0 Portsmouth 1\nHuddersfield 1 Crystal Palace 1\n\
               Norwich 1 Wolverhampton 0\n\n\
               Postponed: Birmingham v Barnsley, the league said on its website on Saturday evening.";
    let a = clean(raw);
    assert!(
        a.text
            .starts_with("Bradford 1 Tranmere 0\nGrimsby 0 Portsmouth 1\n"),
        "{}",
        a.text
    );
    assert!(a.text.contains("Norwich 1 Wolverhampton 0"));
}

#[test]
fn wire_page_names_its_agency_from_dateline_and_standards_line() {
    let raw = "World | Americas\n\n\
               Shipping firms reroute vessels as canal drought deepens\n\n\
               By Ana Ruiz\n\nMarch 3, 2024\n\n\
               Shipping companies are rerouting vessels away from the canal as a drought cuts traffic.\n\n\
               The canal authority said on Friday that it would limit daily transits until the rainy season.\n\n\
               Reporting by Ana Ruiz; Editing by Tom Lee\n\n\
               Our Standards: The Thomson Reuters Trust Principles.";
    let a = clean(raw);
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Shipping firms reroute vessels as canal drought deepens")
    );
    assert_eq!(a.meta.outlet.as_deref(), Some("Reuters"));
    assert_eq!(a.meta.author.as_deref(), Some("Ana Ruiz"));
    assert!(a.text.starts_with("Shipping companies are rerouting"));
    assert!(a.text.ends_with("until the rainy season."));
}

#[test]
fn agency_dateline_is_the_last_resort_for_the_outlet() {
    let raw = "Farm exports hit record as harvest recovers\n\n\
               CANBERRA (AP) — Australia's farm exports reached a record high in the year to June, the agriculture department said.\n\n\
               Wheat and barley shipments to Asia led the rise, officials said on Tuesday.";
    let a = clean(raw);
    assert_eq!(a.meta.outlet.as_deref(), Some("AP"));
    assert!(a
        .text
        .starts_with("CANBERRA (AP) — Australia's farm exports"));
}

#[test]
fn copyright_line_names_the_publisher_and_wire_credits_go() {
    let raw = "Storm knocks out power to 50,000 homes\n\n\
               Crews worked through the night to restore power after the storm brought down lines across the county.\n\n\
               Image caption, A fallen tree blocks a road in the north of the county after the storm\n\n\
               The utility said most customers would be reconnected by Friday evening.\n\n\
               Associated Press writer Jo Kim contributed to this report.\n\n\
               Have a news tip? Email tips@example-herald.com or call 555-0100.\n\n\
               Copyright 2024 The Associated Press. All rights reserved.";
    let a = clean(raw);
    assert_eq!(
        a.text,
        "Crews worked through the night to restore power after the storm brought down lines across the county.\n\n\
         The utility said most customers would be reconnected by Friday evening."
    );
    assert_eq!(a.meta.outlet.as_deref(), Some("The Associated Press"));
    let r = reasons(&a);
    assert!(r.contains(&(
        "Associated Press writer Jo Kim contributed to this report.",
        "signoff"
    )));
    assert!(r.contains(&(
        "Have a news tip? Email tips@example-herald.com or call 555-0100.",
        "prompt"
    )));
}

#[test]
fn a_comment_section_goes_but_one_statement_intro_stays() {
    let body = "Storm knocks out power to 50,000 homes\n\n\
                Crews worked through the night to restore power after the storm brought down lines across the county.\n\n\
                The utility said most customers would be reconnected by Friday evening.\n\n";
    let comments = "MortimerInMiami says:\n\nTypical Chargers, always the same.\n\n\
                    C. M. says:\n\nMaybe Mexico City is an option?\n\n\
                    jbaxt says:\n\nFire Lynn now.";
    let a = clean(&format!("{body}{comments}"));
    assert_eq!(
        a.text,
        "Crews worked through the night to restore power after the storm brought down lines across the county.\n\n\
         The utility said most customers would be reconnected by Friday evening."
    );
    let statement = "The minister says:\n\n\
                     \"We will restore every home by Friday and compensate every family.\"";
    let a = clean(&format!("{body}{statement}"));
    assert!(a.text.contains("The minister says:"), "{}", a.text);
}

#[test]
fn a_copyright_line_in_a_closing_menu_names_the_publisher_but_a_photo_credit_does_not() {
    let raw = "Storm knocks out power to 50,000 homes\n\n\
               Crews worked through the night to restore power after the storm brought down lines across the county.\n\n\
               © 2024 Getty Images\n\n\
               The utility said most customers would be reconnected by Friday evening.\n\n\
               1. Contact Us\n\n2. Work With Us\n\n3. Advertise\n\n4. © 2024 The Riverside Herald Company";
    let a = clean(raw);
    assert_eq!(a.meta.outlet.as_deref(), Some("The Riverside Herald"));
    let raw = "Storm knocks out power to 50,000 homes\n\n\
               Crews worked through the night to restore power after the storm brought down lines across the county.\n\n\
               Photo: © 2024 Getty Images\n\n\
               The utility said most customers would be reconnected by Friday evening.";
    assert_eq!(clean(raw).meta.outlet, None);
}

#[test]
fn extracted_html_text_keeps_lists_and_repeated_lines() {
    // Text as an HTML extractor hands it over: no header, every block its own paragraph.
    let raw = "The band will play 20 dates across the country next summer, its first tour in a decade.\n\n\
               \"We can't wait to see everyone again,\" the singer said in a statement on Monday.\n\n\
               Tour dates:\n\n\
               June 9 -- Riverside Arena, Springfield\n\n\
               June 12 -- Harbour Hall, Bayport\n\n\
               July 2 -- City Park, Lakeside";
    let a = clean(raw);
    assert_eq!(a.text, raw);
    let raw = "Results from Saturday's regional league games follow, with the leading scorers.\n\n\
               GIRLS BASKETBALL\n\n\
               Northside d. Eastfield 61-40\n\n\
               Northside (2-0): Ames 20 points. Roy 12 points.\n\n\
               Hill Academy d. Westbrook 48-45\n\n\
               Hill Academy (1-1): Diaz 18 points.";
    assert_eq!(clean(raw).text, raw);
    let raw = "What inspired you to start cooking online?\n\n\
               I started posting recipes for friends, and it grew from there over a couple of years.\n\n\
               What food do you love most, and is there anything you would never eat at all?\n\n\
               Anything with fresh herbs, but I have never liked olives in any form at all, sadly.\n\n\
               What inspired you to start cooking online?\n\n\
               My grandmother cooked for the whole street, and I wanted to share her recipes widely.\n\n\
               What food do you love most, and is there anything you would never eat at all?\n\n\
               Spicy food above all, though I still cannot bring myself to eat raw oysters at all.";
    // HTML pages give their title, so no line of the body is taken for it.
    let mut a = Article::new("page.html", raw);
    a.meta.title = Some("Meet the city's favourite food bloggers".into());
    Cleaner::new().annotate(&mut a);
    assert_eq!(a.text, raw);
}

#[test]
fn teaser_headlines_after_the_body_go_but_not_a_closing_list() {
    let raw = "The council will vote next week on plans to close two libraries to save money.\n\n\
               Campaigners have collected 4,000 signatures against the closures, they said.\n\n\
               Bus lane cameras catch 900 drivers in first month\n\n\
               Why the high street is fighting back against online shopping";
    let a = clean(raw);
    assert!(a.text.ends_with("they said."));
    let raw = "The recipe makes about six jars of jam and keeps for a year in a cool cupboard.\n\n\
               Ingredients\n\n\
               8 ripe pears, peeled\n\n\
               1 lemon\n\n\
               cinnamon\n\n\
               ground ginger";
    assert_eq!(clean(raw).text, raw);
}

#[test]
fn japanese_text_is_measured_as_prose() {
    let raw =
        "先日、改造した携帯電話を販売したとして男性が逮捕されたというニュースがありました。\n\n\
               なぜ商標権の侵害になるのでしょうか。\n\n\
               まず設定画面を開き、\n\n\
               ショートカットの欄を空欄にします。";
    assert_eq!(clean(raw).text, raw);
}

#[test]
fn tag_list_under_its_label_goes() {
    let raw = "The league confirmed the 12-race calendar for next season on Monday, with two new circuits.\n\n\
               Tags\n\n\
               Stock car 2024, racing calendar, Interlagos, motorsport";
    let a = clean(raw);
    assert!(a.text.ends_with("two new circuits."));
    assert!(reasons(&a).contains(&(
        "Stock car 2024, racing calendar, Interlagos, motorsport",
        "metadata"
    )));
}

#[test]
fn a_date_glued_to_a_photo_credit_is_the_dateline() {
    let raw = "Council approves new cycle lanes for city centre\n\n\
               Photo: John Harris/Reuters March 14, 2023\n\
               The city council voted on Tuesday to build eight kilometres of protected cycle lanes through the centre.\n\n\
               Councillors who opposed the plan said it would hurt shops that depend on car traffic.";
    let a = clean(raw);
    assert_eq!(a.meta.published.as_deref(), Some("2023-03-14"));
    assert!(a.text.starts_with("The city council voted"));
    // A date inside a credit, with words after it, is not taken.
    let raw = "Council approves new cycle lanes for city centre\n\n\
               Photo: the square on March 14, 2023, before the works\n\
               The city council voted on Tuesday to build eight kilometres of protected cycle lanes through the centre.";
    assert_eq!(clean(raw).meta.published, None);
}

#[test]
fn a_section_label_above_the_headline_is_not_the_title() {
    for label in ["WORLD NEWS", "Politics", "Business | Markets"] {
        let raw = format!(
            "{label}\nSenate passes budget after all-night session\n\
             Lawmakers approved the spending plan early on Friday by 52 votes to 48, ending a standoff over offices.\n\n\
             The bill now goes to the lower house, where leaders said they expected a vote within days."
        );
        let a = clean(&raw);
        assert_eq!(
            a.meta.title.as_deref(),
            Some("Senate passes budget after all-night session"),
            "{label}"
        );
    }
}

#[test]
fn a_pull_quote_credit_is_not_the_byline() {
    let raw = "Dockworkers walk out over pay at the eastern terminal\n\n\
               The strike began at dawn on Monday, when about 400 workers left the cranes idle at the gates.\n\n\
               “We have waited three years for a fair offer and we will not wait any longer.”\n\
               — Maria Kowalski, union steward\n\n\
               Shipping companies said the stoppage would delay deliveries of grain and fuel for a week.";
    assert_eq!(clean(raw).meta.author, None);
}

#[test]
fn the_last_paragraph_of_a_cut_off_article_stays() {
    let raw = "The airline said on Thursday that it would begin flights to the three towns in May.\n\n\
               The company expects the routes to carry about 40,000 passengers in their first year.\n\n\
               The chief executive told reporters the airline was also considering flights to two inland cities, but that it would need";
    assert_eq!(clean(raw).text, raw);
}

#[test]
fn the_dateline_of_a_body_that_resumes_after_a_box_of_other_stories_counts() {
    // The body starts, a box of other stories interrupts it, and the article's own date line
    // and paragraphs follow: the box is a tail, the date after it is the article's.
    let raw = "Port strike halts grain exports\n\n\
               Dock workers at the country's largest port walked out on Tuesday, halting grain shipments.\n\n\
               The union said the strike would last until the government honoured its pay deal.\n\n\
               Most Popular\n\n\
               Farmers protest fuel prices in the capital as harvest costs climb\n\n\
               September 12, 2023\n\n\
               Ships queued outside the harbour as the walkout entered its second day on Wednesday.\n\n\
               Traders said grain prices rose on the news, with wheat futures up three percent.";
    let a = clean(raw);
    assert_eq!(a.meta.published.as_deref(), Some("2023-09-12"));
    assert!(!a.text.contains("Farmers protest"));
    assert!(a.text.contains("Ships queued"));
}

#[test]
fn the_site_after_the_headline_on_its_title_line_is_the_outlet() {
    // The copyright line names the parent company; the title line names the site itself.
    let raw = "Port strike halts grain exports at the largest harbour | Harbour Daily News\n\n\
               Dock workers at the country's largest port walked out on Tuesday, halting grain shipments.\n\n\
               The union said the strike would last until the government honoured its pay deal.\n\n\
               © 2023 Example Media Holdings. All rights reserved.";
    let a = clean(raw);
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Port strike halts grain exports at the largest harbour")
    );
    assert_eq!(a.meta.outlet.as_deref(), Some("Harbour Daily News"));
}

#[test]
fn the_date_of_the_day_in_a_sites_header_is_not_the_articles() {
    let raw = "1. Home\n2. Politics\n3. Business\n\nWednesday, November 20, 2019\n\n\
               1. Newsletters\n2. Magazine\n3. Podcasts\n4. Events\n\n\
               Senate passes the farm bill after a long night of votes\n\n\
               November 18, 2019 12:01 PM\n\n\
               The Senate passed the farm bill early on Monday after a long night of votes on amendments.\n\n\
               Its sponsors said the bill would help growers hit by the drought across the plains.";
    let a = clean(raw);
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Senate passes the farm bill after a long night of votes")
    );
    assert_eq!(a.meta.published.as_deref(), Some("2019-11-18"));
    // A date right above the headline heads the article: it is the one.
    let raw = "1. Home\n2. News\n3. Sport\n\nOctober 9, 2018\n\nTweet\n\n\
               Senate adjourns to honour two members who died this week\n\n\
               The Senate adjourned on Tuesday to honour two of its members who died this week.\n\n\
               Its leader moved the motion and members stood for a minute of silence in the chamber.\n\n\
               Other stories\n\nNovember 19, 2019";
    assert_eq!(clean(raw).meta.published.as_deref(), Some("2018-10-09"));
}
