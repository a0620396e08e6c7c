//! The quotation finder on sentences of its own: marks, cues, speakers and lending.

use super::*;
use storyline_record::EntityType;

/// An entity whose mentions are every occurrence of each surface form.
fn entity(text: &str, name: &str, kind: EntityType, surfaces: &[&str]) -> Entity {
    let mut mentions: Vec<Span> = surfaces
        .iter()
        .flat_map(|s| {
            text.match_indices(s)
                .map(|(i, _)| Span::new(i, i + s.len()))
        })
        .collect();
    mentions.sort_by_key(|m| m.start());
    mentions.dedup_by(|b, a| a.contains(*b));
    Entity {
        name: name.into(),
        kind,
        aliases: surfaces.iter().map(|s| s.to_string()).collect(),
        role: None,
        mentions,
    }
}

fn quotes(text: &str, entities: &[Entity]) -> Vec<Quote> {
    crate::tok::with_page(text, |page| {
        find_quotes(page, &Tree::new(page.tokens, text), entities, &[])
    })
}

fn run(text: &str, entities: &[Entity]) -> Vec<(String, String, QuoteKind)> {
    quotes(text, entities)
        .into_iter()
        .map(|q| {
            (
                q.span.slice(text).to_string(),
                q.speaker.unwrap_or_default(),
                q.kind,
            )
        })
        .collect()
}

/// The quotes of `text` with the shipped models' parse.
fn parsed_quotes(text: &str) -> Vec<(String, Option<String>)> {
    let a = crate::attribution::testing::parsed(text);
    let page = Page {
        text,
        tokens: &a.tokens,
    };
    find_quotes(page, &Tree::new(&a.tokens, text), &[], &[])
        .into_iter()
        .map(|q| (q.span.slice(text).to_string(), q.speaker))
        .collect()
}

#[test]
fn any_verb_right_after_a_quotation_with_a_short_subject_is_its_cue() {
    let text =
        "Maria Lindqvist read the report. “The budget is a mess,” she sighs. “We start again.”";
    let a = crate::attribution::testing::parsed(text);
    let e = [entity(
        text,
        "Maria Lindqvist",
        EntityType::Person,
        &["Maria Lindqvist"],
    )];
    let page = Page {
        text,
        tokens: &a.tokens,
    };
    let q = find_quotes(page, &Tree::new(&a.tokens, text), &e, &[]);
    assert_eq!(q[0].cue.as_deref(), Some("sighs"), "{q:?}");
    assert_eq!(q[0].speaker.as_deref(), Some("Maria Lindqvist"));
}

#[test]
fn a_description_after_a_postposed_cue_speaks() {
    let q = parsed_quotes("“Rents will keep rising,” says a narrator in the advert.");
    assert_eq!(q[0].1.as_deref(), Some("a narrator"));
    let q = parsed_quotes("“The bridge must close,” the inspection report said.");
    assert_eq!(q[0].1.as_deref(), Some("the inspection report"));
    // A phrase the cue window cuts before its noun names no one.
    let q = parsed_quotes("“The bridge must close,” wrote the authors of the “Safer Roads” study.");
    assert_ne!(q[0].1.as_deref(), Some("the authors of the"));
}

#[test]
fn a_quotation_without_a_cue_is_its_clause_subjects() {
    let q = parsed_quotes(
        "Moore thanked the president for “stepping up and taking action when Congress won't.”",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Moore"));
    // The parse may read the first quotation's words as the subject the second hangs
    // from: quoted words are no one's source.
    let q = parsed_quotes(
        "\"We all miss Steve so much,\" Benioff weighed in, telling Cook, \"since he passed, you have been so true to him and his values.\"",
    );
    assert!(q.iter().all(|(_, s)| s.as_deref() != Some("We")), "{q:?}");
}

#[test]
fn a_run_in_head_is_no_part_of_the_cue_sentence() {
    let text = "The senator asked Dr. Oz to testify.\n\nCONGRESS HAS INVESTIGATED HIM — Oz appeared at a hearing for saying that green coffee was a “magic weight loss cure.”";
    let e = [entity(text, "Mehmet Oz", EntityType::Person, &["Oz"])];
    let q = run(text, &e);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Mehmet Oz");
}

#[test]
fn a_dash_and_a_name_ending_the_line_name_the_speaker() {
    let text = "Readers wrote in about the bridge.\n\n“The new bridge changed my commute completely.” ― Dana Whitfield\n\n“It is far too loud at night.” — Omar Reyes.\n\n“We love it,” — and so on, for now.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 3, "{q:?}");
    assert_eq!(q[0].1, "Dana Whitfield");
    assert_eq!(q[1].1, "Omar Reyes");
    let cues: Vec<Option<String>> = quotes(text, &[]).into_iter().map(|q| q.cue).collect();
    assert_eq!(cues[0].as_deref(), Some("―"));
    assert_ne!(
        cues[2].as_deref(),
        Some("—"),
        "a dash before words is no byline"
    );
}

#[test]
fn a_pull_quote_credit_under_the_quote_names_the_speaker() {
    let text = "The strike began at dawn on Monday at the gates of the terminal.\n\n“We have waited three years for a fair offer and we will not wait any longer.”\n— Maria Kowalski, union steward\n\nShipping companies said the stoppage would delay deliveries.";
    let q = run(text, &[]);
    assert_eq!(q[0].1, "Maria Kowalski", "{q:?}");
    // A dash line of prose under a quote is no credit.
    let text = "“We have waited three years for a fair offer and we will not wait any longer.”\n— and the union said it would strike again next month if talks failed.";
    let q = run(text, &[]);
    assert_ne!(q.first().map(|x| x.1.as_str()), Some("and"), "{q:?}");
    // After a blank line, and with a hyphen opening the credit's line.
    let text = "The debate turned to the banks.\n\n\"I will look into it. I do not know the status, but I will certainly look into it.\"\n\n- Hillary Clinton\n\nThe moderators moved on.";
    let q = run(text, &[]);
    assert_eq!(q[0].1, "Hillary Clinton", "{q:?}");
    // A hyphen inside a line is no dash.
    let text = "\"We will not wait any longer for a fair offer from the company.\" - and so on.";
    let q = run(text, &[]);
    assert_ne!(q.first().map(|x| x.1.as_str()), Some("and"), "{q:?}");
}

#[test]
fn sport_split_quote_and_pronoun() {
    let text = "Manchester United manager Erik ten Hag was blunt after the defeat.\n\n\"We were poor,\" he said. \"The second half was not acceptable.\"";
    let e = [entity(
        text,
        "Erik ten Hag",
        EntityType::Person,
        &["Erik ten Hag"],
    )];
    let q = run(text, &e);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].0, "We were poor");
    assert_eq!(q[1].0, "The second half was not acceptable.");
    assert!(q
        .iter()
        .all(|x| x.1 == "Erik ten Hag" && x.2 == QuoteKind::Direct));
}

#[test]
fn a_split_quote_keeps_its_speaker_over_a_later_turn() {
    // The two people of each text, named as written.
    let people = |text: &str| {
        ["Alastair Osman", "Maria Lopez"]
            .map(|name| entity(text, name, EntityType::Person, &[name]))
    };
    let text = "Alastair Osman spoke on Sunday. \"He is a new dad,\" Alastair Osman said. \"A dad for the second time.\" Others paid tribute online. \"He was kind,\" wrote Maria Lopez.";
    let q = run(text, &people(text));
    let piece = q
        .iter()
        .find(|x| x.0.starts_with("A dad"))
        .expect("the second piece");
    assert_eq!(piece.1, "Alastair Osman");
    // With no narration between, the quote after names the speaker.
    let text = "Alastair Osman spoke on Sunday. \"A dad for the second time.\" \"He was kind,\" Maria Lopez said.";
    let q = run(text, &people(text));
    assert_eq!(q[0].1, "Maria Lopez");
}

#[test]
fn business_role_phrase_with_canonical_possessor() {
    let text = "Shares in Tesco fell after chief executive Ken Murphy spoke.\n\"Trading was tough in every region,\" Murphy's spokesman said.";
    let e = [
        entity(
            text,
            "Ken Murphy",
            EntityType::Person,
            &["Ken Murphy", "Murphy"],
        ),
        entity(text, "Tesco", EntityType::Org, &["Tesco"]),
    ];
    let q = run(text, &e);
    assert_eq!(q[0].1, "Ken Murphy's spokesman");
}

#[test]
fn wire_partial_quote_and_gendered_pronoun() {
    let text = "Finance Minister Anna Berg met Prime Minister Jonas Holm on Monday. Berg, however, said the budget was \"deeply flawed\".\n\"We will not sign it,\" she said.";
    let e = [
        entity(
            text,
            "Anna Berg",
            EntityType::Person,
            &["Anna Berg", "Berg"],
        ),
        entity(text, "Jonas Holm", EntityType::Person, &["Jonas Holm"]),
    ];
    let q = run(text, &e);
    assert_eq!(
        q[0],
        (
            "deeply flawed".into(),
            "Anna Berg".into(),
            QuoteKind::Partial
        )
    );
    assert_eq!(q[1].1, "Anna Berg");
}

#[test]
fn organisation_speaker_through_what_it_called() {
    let text = "Last week the European Commission warned that what it called \"unfair subsidies\" would hurt rival carmakers.";
    let e = [entity(
        text,
        "European Commission",
        EntityType::Org,
        &["European Commission"],
    )];
    let q = run(text, &e);
    assert_eq!(q[0].0, "unfair subsidies");
    assert_eq!(q[0].1, "European Commission");
}

#[test]
fn local_news_run_of_quote_paragraphs() {
    let text = "Council leader Priya Shah said the library would stay open.\n\n\"We listened to residents and we heard them loud and clear,\" Shah said.\n\n\"Nobody wants to lose a service like this one.\"\n\nThe decision follows a petition.";
    let e = [entity(
        text,
        "Priya Shah",
        EntityType::Person,
        &["Priya Shah", "Shah"],
    )];
    let q = run(text, &e);
    assert_eq!(q.len(), 2);
    assert!(q.iter().all(|x| x.1 == "Priya Shah"), "{q:?}");
}

#[test]
fn scare_quotes_and_titles_are_not_quotes() {
    let text = "Residents call the junction 'the death trap'. The mayor appeared on the programme \"Morning Live\" and said the \"improvements\" were late.";
    assert!(run(text, &[]).is_empty(), "{:?}", run(text, &[]));
}

#[test]
fn speaker_without_entities_falls_back_to_the_written_name() {
    let text = "\"It is a fantastic result for the town,\" said Councillor Maria Lopez.";
    assert_eq!(run(text, &[])[0].1, "Maria Lopez");
}

#[test]
fn never_panics() {
    for text in [
        "",
        "\"",
        "“”",
        "said \"",
        "\"a\" said he",
        "\n\n\"\n\"x",
        "'x' 'y",
        "é\"ü\"ö said",
    ] {
        let _ = quotes(text, &[]);
    }
}
