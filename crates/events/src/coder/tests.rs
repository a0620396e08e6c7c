//! Tests of the event coder on sentences written in the style of wire, sport, business,
//! science and local news.

use storyline_entities::EntityRecognizer;
use storyline_quotes::QuoteFinder;
use storyline_record::{Article, Event};
use storyline_segment::Segmenter;
use storyline_syntax::SyntaxAnnotator;

use super::EventCoder;

fn code(text: &str) -> Vec<Event> {
    let mut a = Article::new("t", text);
    a.set_text(text.to_string());
    a.meta.published = Some("2022-01-30".into());
    Segmenter::new().annotate(&mut a);
    SyntaxAnnotator::new().annotate(&mut a);
    EntityRecognizer::new().annotate(&mut a);
    QuoteFinder::new().annotate(&mut a);
    EventCoder::new().annotate(&mut a);
    a.events
}

fn one(text: &str) -> Event {
    let mut ev = code(text);
    assert!(!ev.is_empty(), "no event in {text:?}");
    ev.swap_remove(0)
}

fn triple(e: &Event) -> (String, Option<String>, Option<String>) {
    let cut = |c: &Option<String>| c.as_ref().map(|c| c.chars().take(3).collect());
    (e.action.clone(), cut(&e.source_actor), cut(&e.target_actor))
}

fn t(action: &str, s: Option<&str>, g: Option<&str>) -> (String, Option<String>, Option<String>) {
    (action.into(), s.map(Into::into), g.map(Into::into))
}

#[test]
fn mobilisation_is_asserted() {
    let text = "Russia has sent over 100,000 troops to Ukraine's borders.";
    let e = one(text);
    assert_eq!(triple(&e), t("MOBILIZE", Some("RUS"), Some("UKR")));
    assert!(!e.negated && !e.hypothetical);
    assert_eq!(e.trigger.slice(text), "sent over 100,000 troops");
    assert_eq!(e.span.slice(text), text);
}

#[test]
fn refusal_under_condition_is_negated_and_hypothetical() {
    let e = one("NATO would not send troops should Russia invade.");
    assert_eq!(e.source_actor.as_deref(), Some("IGONATO"));
    assert!(e.negated && e.hypothetical);
}

#[test]
fn warning_of_sanctions_is_a_threat() {
    let e = one("Washington warned Moscow of devastating sanctions.");
    assert_eq!(triple(&e), t("THREATEN", Some("USA"), Some("RUS")));
    let e = one("The union warned the club of a strike if wages are cut.");
    assert_eq!(e.action, "THREATEN");
    assert!(!e.hypothetical && !e.negated);
}

#[test]
fn accusations_and_demands() {
    let e = one("Western leaders have accused Russia of providing the separatists with weapons.");
    assert_eq!(e.action, "ACCUSE");
    assert_eq!(e.target_actor.as_deref(), Some("RUS"));
    let e = one("On Thursday, the Kenyan government called on Uganda to reopen the border.");
    assert_eq!(triple(&e), t("REQUEST", Some("KEN"), Some("UGA")));
    assert_eq!(e.date.as_deref(), Some("2022-01-27"));
}

#[test]
fn announced_help_is_agree_and_hypothetical() {
    let e = one("Norway will provide Ghana with new hospital equipment, the ministry said.");
    assert_eq!(triple(&e), t("AGREE", Some("NOR"), Some("GHA")));
    assert!(e.hypothetical);
    let e = one("The city council is ready to lift the curfew in the old town.");
    assert_eq!(e.action, "AGREE");
}

#[test]
fn announced_coercion_is_a_threat() {
    let e = one("Chilean authorities plan to impose restrictions on fishing fleets from Peru.");
    assert_eq!(triple(&e), t("THREATEN", Some("CHL"), Some("PER")));
}

#[test]
fn passive_voice_swaps_roles() {
    let e = one("Two Malian soldiers were killed by rebels in Mali on Friday.");
    assert_eq!(e.action, "ASSAULT");
    assert_eq!(e.target_actor.as_deref(), Some("MLIMIL"));
}

#[test]
fn coordinated_actors_without_target_are_reciprocal() {
    let ev = code("Chile and Argentina signed a fisheries agreement in Santiago.");
    let got: Vec<_> = ev.iter().map(triple).collect();
    assert!(got.contains(&t("SUPPORT", Some("CHL"), Some("ARG"))));
    assert!(got.contains(&t("SUPPORT", Some("ARG"), Some("CHL"))));
}

#[test]
fn denials_negate_the_act() {
    let e = one("Belarus denied sending troops to the border.");
    assert_eq!(e.action, "MOBILIZE");
    assert!(e.negated);
}

#[test]
fn sport_business_and_science_sentences() {
    let e = one("Striking dock workers in Brazil blocked roads to the port of Santos.");
    assert_eq!(e.action, "PROTEST");
    assert_eq!(e.source_actor.as_deref(), Some("BRALAB"));
    let e = one("Japanese regulators fined the carmaker and imposed sanctions on two suppliers.");
    assert_eq!(e.action, "SANCTION");
    let e = one("The European Union praised Kenya's vaccination drive.");
    assert_eq!(triple(&e), t("SUPPORT", Some("IGO"), Some("KEN")));
    // A domestic arrest with no one else named is coded on the country itself.
    let e = one("Police in Nigeria arrested 12 fans after the derby, officials said Sunday.");
    assert_eq!(triple(&e), t("COERCE", Some("NGA"), Some("NGA")));
}

#[test]
fn attribution_tails_are_not_actors() {
    let e = one("Egypt expelled two diplomats, a Jordanian official confirmed.");
    assert_eq!(triple(&e), t("SANCTION", Some("EGY"), None));
}

#[test]
fn no_event_without_trigger() {
    assert!(code("The weather in Kyiv was mild and sunny.").is_empty());
}

#[test]
fn never_panics_on_odd_text() {
    for text in [
        "",
        "   ",
        "\u{0}\u{1}",
        "“unbalanced",
        "will not",
        "Russia",
        "by by by",
    ] {
        let _ = code(text);
    }
    let mut a = Article::new("t", "");
    a.set_text("Russia attacked Ukraine. \u{fffd}\u{fffd} ,,,".into());
    EventCoder::new().annotate(&mut a);
    assert!(!a.events.is_empty());
}

#[test]
fn hedged_and_asked_events_are_not_asserted() {
    let e = one("Rebels allegedly shelled the village of Kivu in Congo.");
    assert_eq!(e.action, "ASSAULT");
    assert!(e.hypothetical);
    let e = one("Has Ghana sent troops to Mali?");
    assert!(e.hypothetical);
}

#[test]
fn a_noun_inside_a_phrase_is_no_event() {
    let ev = code("Kenya has grown worried over the build-up of Somali forces near the border.");
    assert!(ev.iter().all(|e| e.action != "MOBILIZE"), "{ev:?}");
}

#[test]
fn an_adjective_describing_a_noun_is_no_event() {
    for text in [
        "Customers can sign up for a free seven-day trial before paying.",
        "The new store offers free delivery to every customer in Leeds.",
    ] {
        let ev = code(text);
        assert!(ev.iter().all(|e| e.action != "RETREAT"), "{text}: {ev:?}");
    }
}

#[test]
fn deploying_anything_but_forces_is_no_mobilisation() {
    let ev = code("The utility company is deploying new smart meters across the city.");
    assert!(ev.iter().all(|e| e.action != "MOBILIZE"), "{ev:?}");
    let e = one("Russia deployed 3,000 troops to the border with Ukraine.");
    assert_eq!(e.action, "MOBILIZE");
}

#[test]
fn declining_to_comment_is_no_rejection() {
    for text in [
        "A spokesperson for the ministry declined to comment.",
        "The Kremlin refused to say when the talks would resume.",
    ] {
        let ev = code(text);
        assert!(ev.iter().all(|e| e.action != "REJECT"), "{text}: {ev:?}");
    }
    let e = one("Iran refused to sign the agreement with the European Union.");
    assert_eq!(e.action, "REJECT");
}

#[test]
fn a_group_no_country_names_demands_at_home() {
    let e =
        one("Angry farmers demanded the resignation of the Bolivian energy minister on Monday.");
    assert_eq!(triple(&e), t("REQUEST", Some("BOL"), Some("BOL")));
    // A group's pronoun too; a person's pronoun is no group, and an attack with no one
    // named acting is not given the victims' country.
    let e = one(
        "Opposition activists continued their hunger strike to demand the resignation of the Ghanaian president.",
    );
    assert_eq!(triple(&e), t("PROTEST", Some("GHA"), Some("GHA")));
    let e = one("He sought refuge at the embassy to avoid a Swedish investigation.");
    assert_eq!(e.source_actor, None, "{e:?}");
    let e = one("A roadside bomb killed two Iraqi soldiers near Mosul.");
    assert_eq!(e.source_actor, None, "{e:?}");
}

#[test]
fn a_nominal_event_takes_its_possessor_as_actor() {
    let ev = code("Trade grew in the months after Morocco's blockade of Mauritania.");
    let got: Vec<_> = ev.iter().map(triple).collect();
    assert!(
        got.contains(&t("COERCE", Some("MAR"), Some("MRT"))),
        "{got:?}"
    );
}

#[test]
fn who_reports_an_event_does_not_do_it() {
    let ev = code("Ukrainian officials reported an attack on the village.");
    assert!(
        ev.iter()
            .all(|e| e.source_actor.as_deref() != Some("UKRGOV")),
        "{ev:?}"
    );
    // A verb that performs the act keeps its subject as the actor.
    let ev = code("Russian forces launched an attack on the village.");
    assert!(
        ev.iter()
            .any(|e| e.source_actor.as_deref().unwrap_or("").starts_with("RUS")),
        "{ev:?}"
    );
}

#[test]
fn an_airline_named_after_a_country_lends_no_nationality() {
    let ev = code("Gunmen attacked a Kenya Airways plane on the runway.");
    assert!(ev
        .iter()
        .all(|e| e.source_actor.as_deref() != Some("KENREB")));
    assert!(
        ev.iter()
            .all(|e| !e.source_actor.as_deref().unwrap_or("").starts_with("KEN")),
        "{ev:?}"
    );
}

#[test]
fn a_reduced_clause_and_an_indefinite_subject_name_no_actor() {
    let ev = code("When asked about the talks with Peru, the Chilean minister smiled.");
    assert!(ev.iter().all(|e| e.action != "REQUEST"), "{ev:?}");
    let ev = code("Ghana's president said it is unlikely that anyone will send troops into Mali.");
    assert!(ev.iter().all(|e| e.source_actor.is_none()), "{ev:?}");
}

#[test]
fn being_committed_is_the_subjects_own_stance() {
    let e = one("Norway is committed to the peace plan for Colombia.");
    assert_eq!(e.source_actor.as_deref().map(|c| &c[..3]), Some("NOR"));
}

#[test]
fn a_noun_event_takes_its_predicates_modality() {
    // Announced talks are coded as PLOVER codes intentions: an agreement to meet.
    let e = one("Talks on Sudan are set to take place in Cairo next month.");
    assert_eq!(e.action, "AGREE");
    assert!(e.hypothetical);
}

#[test]
fn a_threats_condition_names_its_target() {
    let e = one("Peru threatened to close the border if Chile goes ahead with the dam.");
    assert_eq!(triple(&e), t("THREATEN", Some("PER"), Some("CHL")));
}

#[test]
fn a_domestic_act_is_coded_on_the_country_where_it_happens() {
    let e = one("The army lifted the curfew in Kenya on Monday.");
    assert_eq!(e.target_actor.as_deref().map(|c| &c[..3]), Some("KEN"));
}

#[test]
fn coordinated_actors_acting_on_themselves_act_on_each_other() {
    let ev = code("Chile and Peru agreed to hold joint naval exercises in May.");
    let got: Vec<_> = ev.iter().map(triple).collect();
    assert!(
        got.contains(&t("AGREE", Some("CHL"), Some("PER"))),
        "{got:?}"
    );
    assert!(
        got.contains(&t("AGREE", Some("PER"), Some("CHL"))),
        "{got:?}"
    );
    // "in May" is a month, not the surname of a British prime minister.
    assert!(got.iter().all(|g| g.2.as_deref() != Some("GBR")), "{got:?}");
}

#[test]
fn ethnic_groups_take_the_country_they_live_in() {
    let e = one("Hundreds of ethnic Hungarians demonstrated on Friday in Romania.");
    assert_eq!(triple(&e), t("PROTEST", Some("ROU"), Some("ROU")));
}

#[test]
fn a_leading_country_is_the_actor_of_its_force() {
    let e = one("French-led troops attacked rebel positions in northern Mali.");
    assert_eq!(e.source_actor.as_deref().map(|c| &c[..3]), Some("FRA"));
}

#[test]
fn an_uncoded_person_in_apposition_adds_no_second_actor() {
    let ev = code("A member of the Kenyan parliament, Joseph Otieno, began a hunger strike.");
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].source_actor.as_deref().map(|c| &c[..3]), Some("KEN"));
}

#[test]
fn an_act_under_consideration_is_not_asserted() {
    let e = one("Russian officials are considering banning European airlines.");
    assert!(e.hypothetical, "{e:?}");
}

#[test]
fn a_pronoun_subject_is_the_reporting_verbs_subject() {
    // Not Peru, the first actor of the sentence.
    let e = one(
        "Positions hardened over Peru, even as Chile said it would not send troops should Bolivia invade.",
    );
    assert_eq!(e.source_actor.as_deref().map(|c| &c[..3]), Some("CHL"));
    assert!(e.negated);
}

#[test]
fn the_first_person_in_a_quotation_is_its_speaker() {
    let e = one(
        "Ana Costa is Brazil's foreign minister. \"We urge Argentina to withdraw its ships,\" Costa said.",
    );
    assert_eq!(e.action, "REQUEST");
    assert_eq!(e.source.as_deref(), Some("Ana Costa"));
    assert_eq!(e.target_actor.as_deref(), Some("ARG"));
}

#[test]
fn no_one_acts_on_themselves_and_curly_negations_count() {
    let e = one(
        "\u{201c}We won\u{2019}t allow our ships to be seized,\u{201d} Peru's navy chief said.",
    );
    assert!(e.negated, "{e:?}");
    assert!(e.source.is_none() || e.source != e.target, "{e:?}");
}

#[test]
fn a_fight_said_to_exist_has_no_actor() {
    let e = one("Chile said its troops would not be involved should there be an attack on Peru.");
    assert_eq!(e.action, "ASSAULT");
    assert_eq!(e.target.as_deref(), Some("Peru"));
    assert_eq!(e.source, None, "{e:?}");
}

#[test]
fn a_possible_invasion_is_not_asserted() {
    let e = one("Unfounded Claims About Possible Chinese 'Attack' on Taiwan");
    assert_eq!(e.action, "ASSAULT");
    assert!(e.hypothetical, "{e:?}");
    let e = one("The alleged attack on the convoy killed four soldiers.");
    assert!(e.hypothetical, "{e:?}");
}

#[test]
fn a_pronoun_object_stands_for_the_actor_named_before_it() {
    let e = one(
        "Because Chile is not a member of the alliance, NATO cannot provide it with the same aid.",
    );
    assert_eq!(e.source_actor.as_deref(), Some("IGONATO"));
    assert_eq!(e.target_actor.as_deref(), Some("CHL"), "{e:?}");
    assert!(e.negated);
}

#[test]
fn deployed_forces_are_not_the_target() {
    let e = one("Fears grew in the region, where Chile has deployed about 5,000 troops for weeks.");
    assert_eq!(e.action, "MOBILIZE");
    assert_eq!(e.target, None, "{e:?}");
}

#[test]
fn a_domestic_act_with_no_other_party_concerns_the_actors_own_country() {
    let e = one("Thousands of Chilean miners demonstrated on Monday.");
    assert_eq!(e.action, "PROTEST");
    assert_eq!(e.target_actor.as_deref(), Some("CHL"), "{e:?}");
    let e = one("Peru's government lifted the curfew on Friday.");
    assert_eq!(e.target_actor.as_deref(), Some("PER"), "{e:?}");
    // A concession in words is speech, not a lifted restriction.
    let e = one("Peru's foreign minister conceded that the talks had failed.");
    assert_eq!(e.target_actor, None, "{e:?}");
}

#[test]
fn a_withdrawal_is_not_done_to_the_place_it_leaves() {
    let e = one("Chilean troops withdrew from the town of Arica on Sunday.");
    assert_eq!(e.action, "RETREAT");
    assert_eq!(e.target_actor, None, "{e:?}");
}

#[test]
fn whoever_receives_or_faces_an_act_is_its_target() {
    let e = one("Russia faced new sanctions from the European Union on Monday.");
    assert_eq!(e.action, "SANCTION");
    assert_eq!(e.source.as_deref(), Some("European Union"), "{e:?}");
    assert_eq!(e.target_actor.as_deref(), Some("RUS"), "{e:?}");
    let e = one("Peru suffered an attack on its border post.");
    assert_eq!(e.source_actor, None, "{e:?}");
}

#[test]
fn a_demonstrative_or_a_disagreeing_pronoun_names_no_actor() {
    let ev = code("Chilean prosecutors charged the mayor. That promises a long trial.");
    assert!(
        ev.iter().skip(1).all(|e| e.source_actor.is_none()),
        "{ev:?}"
    );
    let ev = code("Chilean prosecutors charged the mayor. He said he received death threats.");
    assert!(
        ev.iter()
            .filter(|e| e.action == "THREATEN")
            .all(|e| e.source.as_deref() != Some("Chilean prosecutors")),
        "{ev:?}"
    );
}

#[test]
fn no_target_from_a_clause_past_a_comma() {
    let e = one(
        "Kremlin spokesman Dmitry Peskov acknowledged a troop build-up near its borders, \
         stating that it was a response to the US military's presence on the border.",
    );
    assert_eq!(e.action, "MOBILIZE");
    assert_eq!(e.target_actor, None, "{e:?}");
    // Without a comma the words after the trigger may still name the target, however the
    // parse cut the clause.
    let e = one(
        "Peru has granted diplomatic asylum to five Panamanian army officers holed up in a \
         diplomatic residence, the Peruvian embassy said.",
    );
    assert_eq!(
        e.target_actor.as_deref().map(|c| &c[..3]),
        Some("PAN"),
        "{e:?}"
    );
}
