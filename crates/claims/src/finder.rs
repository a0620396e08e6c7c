//! The stage itself: walks each sentence's number phrases and turns the ones that count
//! something into [`Claim`]s, one per distinct value, unit and counted thing per article.

use crate::carried::{carried_to, Carried};
use crate::context::Context;
use crate::exclude::excluded;
use crate::lex::{is_capitalised, is_possessive, lex_article, sentence_ranges, text_of, Tok};
use crate::noun::{counted_noun, Noun};
use crate::nouns::{currency_word, is_concrete, is_person_noun, singular};
use crate::number::{hedge_before, is_word, parse, word_at, NumPhrase};
use crate::parsed::{
    measured_noun, modified_head, parsed_noun, singular_head, superlative_at, tagged_no_noun,
};
use crate::tally::{paired_at, Paired};
use crate::verbs::{is_casualty_verb, is_change_verb};
use crate::words::is_time_unit;
use std::collections::HashSet;
use storyline_lexicon::{is_abstract_count_noun, is_claim_word, ClaimClass};
use storyline_record::{Article, Claim, Span};

/// Finds numeric claims: value, unit, counted noun, subject, place, hedge and claimant.
#[derive(Debug, Default, Clone)]
pub struct ClaimFinder {}

impl ClaimFinder {
    /// Builds the stage; its word lists are static, so this costs nothing.
    pub fn new() -> ClaimFinder {
        ClaimFinder {}
    }

    /// Fills `article.claims` from `article.text`, reading entities, quotes and sentences
    /// when earlier stages set them.
    pub fn annotate(&self, article: &mut Article) {
        article.claims = find(article);
    }
}

/// The longest run of tokens read as one sentence.
const WINDOW: usize = 160;

/// All claims of an article, in text order.
fn find(article: &Article) -> Vec<Claim> {
    let text = article.text.as_str();
    let toks = lex_article(article);
    let sentences = sentence_ranges(text, &toks, &article.sentences);
    let ctx = Context::new(article, &toks);
    let mut out: Vec<Claim> = Vec::new();
    let mut seen: HashSet<Key> = HashSet::new();
    let mut carried: Option<Carried> = None;
    // Windows of at most `WINDOW` tokens: every per-claim scan of its sentence stays bounded
    // on text with no sentence breaks (tables, run-on dumps).
    let windows = sentences.iter().flat_map(|&(floor, ceil)| {
        (floor..ceil)
            .step_by(WINDOW)
            .map(move |f| (f, ceil.min(f + WINDOW)))
    });
    for (floor, ceil) in windows {
        let mut i = floor;
        while i < ceil {
            let paired = paired_at(text, &toks, i, (floor, ceil), |k| {
                modified_head(article, &toks, k)
            });
            if let Some(last) = paired.iter().map(|q| q.last).max() {
                let key = i;
                out.extend(paired.into_iter().enumerate().filter_map(|(side, q)| {
                    paired_claim(&ctx, &q, (key, side), (floor, ceil), &mut seen)
                }));
                i = last + 1;
                continue;
            }
            let Some(p) = parse(text, &toks, i).filter(|p| p.last < ceil) else {
                i += 1;
                continue;
            };
            i = p.last + 1;
            let read = claim_at(&ctx, &toks, &p, (floor, ceil), carried.as_ref(), &mut seen);
            if let Some((claim, noun)) = read {
                carried = noun.map(|noun| Carried {
                    floor,
                    last: p.last.max(noun.end),
                    noun,
                    unit: claim.unit.clone(),
                });
                // A range closed here ("from 5,425 to 5,641 points") holds the claim its
                // lower end made when read alone.
                while out.last().is_some_and(|c| claim.span.contains(c.span)) {
                    out.pop();
                }
                out.push(claim);
            }
        }
    }
    out
}

/// What makes a claim distinct within an article: its value, unit and counted head.
type Key = (u64, Option<String>, String);

/// The claim made by number phrase `p` in the sentence `floor..ceil`, unless `seen` already
/// holds its key (checked before the costlier context is read), and the noun it counts.
/// `carried` is the claim read just before in the sentence, whose noun and unit a bare figure
/// after "from" or "another" takes.
fn claim_at(
    ctx: &Context<'_>,
    toks: &[Tok],
    p: &NumPhrase,
    (floor, ceil): (usize, usize),
    carried: Option<&Carried>,
    seen: &mut HashSet<Key>,
) -> Option<(Claim, Option<Noun>)> {
    let text = ctx.article.text.as_str();
    let hedge = hedge_before(text, toks, p.first, floor);
    let lead = hedge.as_ref().map_or(p.first, |h| h.0);
    if excluded(text, toks, p, lead, floor) || in_name(ctx, p) {
        return None;
    }
    // A figure with a unit of its own carries only a claim in the same unit.
    let carried = carried_to(text, toks, lead, floor, carried)
        .filter(|c| p.unit.is_none() || p.unit == c.unit);
    let mut p = p.clone();
    if let Some(c) = carried.filter(|_| p.unit.is_none()) {
        p.unit = c.unit.clone();
    }
    let p = &p;
    let measured = p.unit.is_some();
    // Word order first; the parse where word order finds no noun after the number ("12
    // confirmed deaths", "40 others injured", "nine of the patients").
    let noun = match counted_noun(text, toks, p, lead, floor, ceil) {
        Some(n) if n.after => Some(n),
        before => parsed_noun(ctx.article, text, toks, p, ceil).or(before),
    };
    // An amount or a percentage stands without a noun: one word after it that the tagger
    // reads as an adjective, adverb or function word is not what it measures ("1.8% late on
    // Monday"); a comparison ("20% less likely") is read as one on purpose.
    // "up from 900 million last year": a time after the figure says when, not what.
    let when = |n: &Noun| {
        let deictic = word_at(text, toks, n.start)
            .is_some_and(|w| matches!(w.as_ref(), "last" | "this" | "next" | "previous"));
        n.after && deictic && is_time_unit(&n.head)
    };
    let noun = noun
        .filter(|n| {
            let lone = n.after && n.start == n.end;
            let next = n.start == p.last + 1;
            // A word read before the figure must be a noun too: "prices start at $2,199" does
            // not measure "start", nor "the watch is priced at $399" "priced".
            let verb_before = measured
                && !n.after
                && n.start == n.end
                && tagged_no_noun(ctx.article, toks, n.end, true);
            !(when(n)
                || verb_before
                || measured && lone && tagged_no_noun(ctx.article, toks, n.end, next))
        })
        .or_else(|| {
            carried.map(|c| Noun {
                after: false,
                ..c.noun.clone()
            })
        })
        .or_else(|| {
            measured
                .then(|| measured_noun(ctx.article, toks, p))
                .flatten()
        });
    if noun.is_none() && !measured {
        return None;
    }
    if let Some(n) = &noun {
        if is_time_unit(&n.head) || is_time_unit(&n.head.replace('-', "")) {
            return None;
        }
        let casualty = is_casualty_verb(&n.head) || n.head == "died";
        // Small counts of things are claims ("six ministries"); of abstractions, rhetoric
        // ("two key points").
        let abstract_noun = !is_concrete(&n.head) && is_abstract_count_noun(singular(&n.head));
        if !measured && n.measure.is_none() && p.value < 10.0 && abstract_noun && !casualty {
            return None;
        }
        if !measured && hedge.is_none() && identifying(text, toks, p, n, lead, floor, ceil) {
            return None;
        }
        if n.measure.is_some() && lead > floor && is_word(text, toks, lead - 1, "the") {
            // "won the 400 metres", "the 10km": a race or a named distance, not a measurement.
            return None;
        }
        if p.year_like()
            && n.after
            && n.measure.is_none()
            && singular_head(ctx.article, toks, n.end)
        {
            // "its planned 2024 crewed moon shot", "the 2016 election": a count of two
            // thousand things would take a plural noun; a year before a singular one names it.
            return None;
        }
        // "the world's two largest economies", "China's three biggest airlines": a small
        // number between an owner and a superlative picks members out, as after "the".
        let owner =
            lead > floor && word_at(text, toks, lead - 1).is_some_and(|w| is_possessive(&w));
        if !measured && p.value < 100.0 && owner && superlative_at(ctx.article, toks, p.last + 1) {
            return None;
        }
        let named = toks
            .get(n.start)
            .is_some_and(|t| is_capitalised(text_of(text, t)));
        if p.year_like() && n.after && named && n.country.is_none() {
            // "2019 Apple AirPods": a year before a name is a model year; two thousand
            // people of a nation ("2000 Americans") stay a count.
            return None;
        }
        if !measured && p.value == 1.0 {
            // "one man", "a dozen" aside, a single thing is a mention, not a quantity.
            return None;
        }
    }
    let range = range_before(text, toks, p, lead, floor);
    let mut start = toks[range.map_or(lead, |r| r.0)].start;
    let mut end = toks[p.last].end;
    let (noun_text, head) = match &noun {
        Some(n) => {
            let (a, b) = (toks[n.start].start, toks[n.end].end);
            if n.after {
                end = end.max(b);
            } else if n.end + 1 == lead || n.end + 2 == lead && is_word(text, toks, lead - 1, "of")
            {
                // "crowd of 52,000", "killed at least 39"; a noun read across a verb stays
                // out of the span.
                start = start.min(a);
            }
            (text.get(a..b).unwrap_or("").to_string(), n.head.clone())
        }
        None => {
            let name = unit_name(p.unit.as_deref().unwrap_or(""));
            (name.to_string(), name.to_string())
        }
    };
    let unit = p
        .unit
        .clone()
        .or_else(|| noun.as_ref().and_then(|n| n.measure.clone()))
        .or_else(|| currency_word(&head).map(str::to_string));
    if !seen.insert((p.value.to_bits(), unit.clone(), head)) {
        return None;
    }
    let span = Span::new(start, end);
    let after = noun
        .as_ref()
        .filter(|n| n.after)
        .map_or(p.last + 1, |n| n.end + 1);
    let claim = Claim {
        value: range.map_or(p.value, |r| r.1),
        unit,
        noun: noun_text,
        // Money and percentages are about the company the sentence reports on, even when
        // it is only "the company" or "its".
        subject: ctx.subject(floor, lead, noun.as_ref()).or_else(|| {
            measured
                .then(|| ctx.measured_subject(floor, ceil))
                .flatten()
        }),
        place: ctx.place(after, ceil),
        hedge: p
            .vague
            .clone()
            .or(hedge.map(|h| h.1))
            .or(range.and_then(|r| r.2).map(str::to_string)),
        claimant: ctx.claimant(floor, ceil, span),
        span,
        vague: p.vague.is_some(),
        // "hundreds of" is at least 100 and fewer than 1,000; "dozens of" fewer than 100.
        upper: match (&p.vague, range) {
            (_, Some(_)) => Some(p.value),
            (Some(_), None) => Some(if p.value < 100.0 {
                100.0
            } else {
                p.value * 10.0
            }),
            (None, None) => None,
        },
    };
    Some((claim, noun))
}

/// The lower end of a range closed by the number at `lead` ("between 200 and 300 homes",
/// "from 40 to 60 jobs", and without an opening word "four to six services"): the token that
/// opens it, its value and the opening word, if any.
fn range_before(
    text: &str,
    toks: &[Tok],
    p: &NumPhrase,
    lead: usize,
    floor: usize,
) -> Option<(usize, f64, Option<&'static str>)> {
    let joiner = lead.checked_sub(1).filter(|&j| j > floor)?;
    let opener = match word_at(text, toks, joiner)?.as_ref() {
        "and" => "between",
        "to" => "from",
        _ => return None,
    };
    // The lower number is one or two tokens ("200", "two hundred").
    (joiner.saturating_sub(2).max(floor)..joiner).find_map(|k| {
        let low = parse(text, toks, k).filter(|l| l.last + 1 == joiner)?;
        if k > floor && is_word(text, toks, k - 1, opener) {
            return Some((k - 1, low.value, Some(opener)));
        }
        // "four to six services": a bare range rises and keeps one unit; after a verb of
        // change or "by" the first figure is the change ("rose 5 to 30"), not a bound.
        let before = k
            .checked_sub(1)
            .filter(|&b| b >= floor)
            .and_then(|b| word_at(text, toks, b));
        let change = before.is_some_and(|w| is_change_verb(&w) || w == "by");
        let unit = low.unit.is_none() || low.unit == p.unit;
        (opener == "from" && low.value < p.value && unit && !change).then_some((k, low.value, None))
    })
}

/// The claim of a tally side, margin or duration `q` in the sentence `floor..ceil`. Both
/// sides of one tally stay ("1-1"), so the key holds the tally's first token and the side.
fn paired_claim(
    ctx: &Context<'_>,
    q: &Paired,
    (at, side): (usize, usize),
    (floor, ceil): (usize, usize),
    seen: &mut HashSet<Key>,
) -> Option<Claim> {
    let key = (
        q.value.to_bits(),
        q.unit.clone(),
        format!("{} {at} {side}", q.noun),
    );
    if !seen.insert(key) {
        return None;
    }
    let span = Span::new(ctx.toks[q.first].start, ctx.toks[q.last].end);
    Some(Claim {
        value: q.value,
        unit: q.unit.clone(),
        noun: q.noun.clone(),
        subject: ctx.subject(floor, q.first, None),
        place: ctx.place(q.last + 1, ceil),
        hedge: None,
        claimant: ctx.claimant(floor, ceil, span),
        span,
        vague: false,
        upper: None,
    })
}

/// "Two men have been charged": a small count of people as the sentence's subject names who
/// acted rather than claiming a quantity, unless the sentence counts harm ("Three people were
/// killed").
fn identifying(
    text: &str,
    toks: &[Tok],
    p: &NumPhrase,
    n: &Noun,
    lead: usize,
    floor: usize,
    ceil: usize,
) -> bool {
    if p.value >= 10.0 || !n.after || !is_person_noun(&n.head) || lead != floor {
        return false;
    }
    let harm = (floor..ceil).any(|k| {
        word_at(text, toks, k)
            .is_some_and(|w| is_casualty_verb(&w) || is_claim_word(ClaimClass::HarmWord, &w))
    });
    !harm
}

/// What a bare amount measures when the sentence names nothing ("up 3%").
fn unit_name(unit: &str) -> &'static str {
    match unit {
        "%" => "per cent",
        "percentage points" => "percentage points",
        "EUR" => "euros",
        "GBP" => "pounds",
        "JPY" => "yen",
        "RUB" => "roubles",
        "CNY" => "yuan",
        "INR" => "rupees",
        "UAH" => "hryvnias",
        "CHF" => "francs",
        "KRW" => "won",
        "°C" => "degrees Celsius",
        "°F" => "degrees Fahrenheit",
        "km" => "kilometres",
        "kg" => "kilograms",
        "mph" => "miles per hour",
        "kph" => "kilometres per hour",
        "mw" => "megawatts",
        "gw" => "gigawatts",
        "kw" => "kilowatts",
        "sq km" => "square kilometres",
        _ => "dollars",
    }
}

/// A number written in words inside a name the entities stage found ("Erik ten Hag",
/// "Three Mile Island", "Group of Seven"): part of the name, not a quantity.
fn in_name(ctx: &Context<'_>, p: &NumPhrase) -> bool {
    p.shape.is_none() && p.unit.is_none() && (p.first..=p.last).all(|k| ctx.entity_at(k).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_record::{Entity, EntityType, Quote, QuoteKind};

    fn article(text: &str) -> Article {
        let mut a = Article::new("t.txt", text);
        a.set_text(text.to_string());
        a.meta.outlet = Some("Daily Bugle".into());
        a
    }

    fn entity(a: &mut Article, name: &str, kind: EntityType, mention: &str) {
        let start = a.text.find(mention).expect("mention");
        a.entities.push(Entity {
            name: name.into(),
            kind,
            aliases: vec![],
            role: None,
            mentions: vec![Span::new(start, start + mention.len())],
        });
    }

    fn run(a: &mut Article) -> Vec<(f64, String, String)> {
        ClaimFinder::new().annotate(a);
        a.claims
            .iter()
            .map(|c| (c.value, c.noun.clone(), c.span.slice(&a.text).to_string()))
            .collect()
    }

    #[test]
    fn a_year_before_a_name_is_a_model_year() {
        let mut a = article("Shoppers bought 2019 Apple AirPods. Some 2000 Americans signed it.");
        let got = run(&mut a);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0, got[0].1.as_str()), (2000.0, "Americans"));
    }

    #[test]
    fn wire_copy_with_entities_and_attribution() {
        let text = "Police said at least 12 people were killed in Lagos on Friday. \
                    The army has sent some 3,000 Nigerian soldiers to the border with Niger.";
        let mut a = article(text);
        entity(&mut a, "Lagos", EntityType::Place, "Lagos");
        entity(&mut a, "Niger", EntityType::Place, "Niger.");
        let got = run(&mut a);
        assert_eq!(got[0], (12.0, "people".into(), "at least 12 people".into()));
        assert_eq!(got[1].2, "some 3,000 Nigerian soldiers");
        let c = &a.claims;
        assert_eq!(c[0].hedge.as_deref(), Some("at least"));
        assert_eq!(c[0].claimant.as_deref(), Some("Police"));
        assert_eq!(c[1].subject.as_deref(), Some("Nigeria"));
        assert_eq!(c[1].place.as_deref(), Some("the border with Niger"));
        assert_eq!(c[1].claimant.as_deref(), Some("Daily Bugle"));
    }

    #[test]
    fn a_number_word_inside_a_name_is_no_claim() {
        let text = "Erik ten Hag said his side \"must be braver with the ball\" after they held \
                    Liverpool to a draw. They managed nine shots.";
        let parsed = |named: bool| -> Vec<f64> {
            let mut a = article(text);
            storyline_segment::Segmenter::new().annotate(&mut a);
            storyline_syntax::SyntaxAnnotator::new().annotate(&mut a);
            // As a parser may read it: "ten" a number counting "Hag".
            let at = |w: &str| a.tokens.iter().position(|t| t.span.slice(text) == w);
            let (ten, hag) = (at("ten").expect("ten"), at("Hag").expect("Hag"));
            let t = &mut a.tokens[ten];
            t.upos = storyline_record::Upos::parse("NUM").expect("NUM");
            t.xpos = storyline_record::Xpos::parse("CD").expect("CD");
            t.deprel = storyline_record::Deprel::parse("nummod").expect("nummod");
            t.head = Some(hag as u32);
            let t = &mut a.tokens[hag];
            t.upos = storyline_record::Upos::parse("NOUN").expect("NOUN");
            t.xpos = storyline_record::Xpos::parse("NN").expect("NN");
            if named {
                entity(&mut a, "Erik ten Hag", EntityType::Person, "Erik ten Hag");
            }
            run(&mut a).into_iter().map(|c| c.0).collect()
        };
        let (without, with) = (parsed(false), parsed(true));
        assert_eq!(without, [10.0, 9.0]);
        assert_eq!(with, [9.0]);
    }

    #[test]
    fn quoted_numbers_belong_to_the_speaker() {
        let text = "\"We lost 1,500 jobs this year,\" the chief executive said.";
        let mut a = article(text);
        let start = 1;
        let end = text.find(",\"").expect("end");
        a.quotes.push(Quote {
            span: Span::new(start, end),
            speaker: Some("Jane Doe".into()),
            speaker_span: None,
            speaker_entity: None,
            cue: Some("said".into()),
            kind: QuoteKind::Direct,
        });
        let got = run(&mut a);
        assert_eq!(got, vec![(1500.0, "jobs".into(), "1,500 jobs".into())]);
        assert_eq!(a.claims[0].claimant.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn according_to_and_subject_entity() {
        let text =
            "According to Western intelligence, Moscow has massed about 70k troops near Kharkiv.";
        let mut a = article(text);
        entity(&mut a, "Moscow", EntityType::Place, "Moscow");
        entity(&mut a, "Kharkiv", EntityType::Place, "Kharkiv");
        run(&mut a);
        let c = &a.claims[0];
        assert_eq!((c.value, c.hedge.as_deref()), (70_000.0, Some("about")));
        assert_eq!(c.claimant.as_deref(), Some("Western intelligence"));
        assert_eq!(c.subject.as_deref(), Some("Moscow"));
        assert_eq!(c.place.as_deref(), Some("Kharkiv"));
    }

    #[test]
    fn business_sport_and_science() {
        let mut a = article(
            "Revenue rose 3.5% to $5bn. The club paid a reported £80m fee before a crowd of \
             52,000. The trial enrolled 1,200 patients in 14 countries.",
        );
        let got = run(&mut a);
        let values: Vec<f64> = got.iter().map(|g| g.0).collect();
        assert_eq!(values, vec![3.5, 5e9, 80e6, 52_000.0, 1_200.0, 14.0]);
        assert_eq!(a.claims[0].unit.as_deref(), Some("%"));
        assert_eq!(a.claims[1].unit.as_deref(), Some("USD"));
        assert_eq!(a.claims[1].noun, "Revenue");
        assert_eq!(got[3].2, "crowd of 52,000");
    }

    #[test]
    fn counts_of_people_votes_and_measures() {
        let mut a = article(
            "Two men have been charged. Three people were killed in the crash. \
             The vote was 70-29. Twenty-two Republicans joined Democrats. \
             Temperatures hit 45.6 degrees Celsius in Seville. \
             Floods have killed at least 39, officials said. Dozens of residents fled.",
        );
        let got: Vec<(f64, String, String)> = run(&mut a);
        let texts: Vec<&str> = got.iter().map(|g| g.2.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Three people",
                "70-29",
                "70-29",
                "Twenty-two Republicans",
                "45.6 degrees Celsius",
                "killed at least 39",
                "Dozens of residents"
            ]
        );
        let mut r = article("Between 200 and 300 homes were flooded. From 40 to 60 jobs will go.");
        let got = run(&mut r);
        assert_eq!(got[0].2, "Between 200 and 300 homes");
        assert_eq!((r.claims[0].value, r.claims[0].upper), (200.0, Some(300.0)));
        assert_eq!((r.claims[1].value, r.claims[1].upper), (40.0, Some(60.0)));
        // A range read across its verb is one claim, not also its lower end alone.
        let mut r =
            article("Sales rose from 5,425 to 5,641 units. The gap is between 1.2 and 1.5 metres.");
        run(&mut r);
        let got: Vec<_> = r.claims.iter().map(|c| (c.value, c.upper)).collect();
        assert_eq!(
            got,
            [(5425.0, Some(5641.0)), (1.2, Some(1.5))],
            "{:?}",
            r.claims
        );
        // Without an opening word, a rising pair in one unit is a range; after a verb of
        // change the first figure is the change.
        let mut r =
            article("Disney will offer four to six services. The index rose 5 to 30 points.");
        run(&mut r);
        let got: Vec<_> = r
            .claims
            .iter()
            .map(|c| (c.value, c.upper, c.noun.as_str()))
            .collect();
        assert_eq!(got, [(4.0, Some(6.0), "services"), (30.0, None, "points")]);
        // A vague quantity is a claim with its bounds, marked vague.
        let dozens = a.claims.last().expect("claim");
        assert!(dozens.vague && dozens.upper == Some(100.0));
        assert!(!a.claims[0].vague && a.claims[0].upper.is_none());
        assert_eq!(a.claims[4].unit.as_deref(), Some("°C"));
        assert_eq!(a.claims[5].noun, "killed");
        assert_eq!(a.claims[5].claimant.as_deref(), Some("officials"));
    }

    #[test]
    fn a_count_read_across_its_verb_takes_the_head_it_counts() {
        let mut a = article(
            "The death toll from the floods rose to 42 on Tuesday. \
             The number of confirmed cases doubled to 1,200. The bill passed 52-48.",
        );
        let nouns: Vec<(f64, String)> = run(&mut a).into_iter().map(|g| (g.0, g.1)).collect();
        let want = |v: f64, n: &str| (v, n.to_string());
        assert_eq!(
            nouns,
            vec![
                want(42.0, "toll"),
                want(1200.0, "cases"),
                want(52.0, "votes"),
                want(48.0, "votes")
            ]
        );
    }

    #[test]
    fn role_and_company_claimants() {
        let mut a = article(
            "Mayor Ann Rowe backed Acme Corp. The mayor said 40 schools will close. \
             Revenue in the cloud unit rose to $2 billion, the company said.",
        );
        entity(&mut a, "Ann Rowe", EntityType::Person, "Ann Rowe");
        a.entities[0].role = Some("Mayor".into());
        entity(&mut a, "Acme Corp", EntityType::Org, "Acme Corp");
        run(&mut a);
        assert_eq!(a.claims[0].claimant.as_deref(), Some("Ann Rowe"));
        let c = &a.claims[1];
        assert_eq!(c.noun, "Revenue");
        assert_eq!(c.claimant.as_deref(), Some("Acme Corp"));
        assert_eq!(c.subject.as_deref(), Some("Acme Corp"));
    }

    #[test]
    fn not_claims() {
        let mut a = article(
            "1. Skip to content\nOn 10 February 2022, at 08:06 PM, flight MH17 and F-16 jets \
             were discussed under Article 5. The 45-year-old, who served for five years, \
             saw United win. One of the two leaders called +7 495 645 6601. \
             See https://example.com/2022/01/story-1092823560.html for the 21st report.",
        );
        assert_eq!(run(&mut a), vec![]);
    }

    #[test]
    fn repeated_claims_are_reported_once() {
        let mut a = article("About 100,000 troops are massed. Those 100,000 troops are ready.");
        assert_eq!(run(&mut a).len(), 1);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "",
            "   ",
            "\u{0}\u{1}12",
            "“",
            "$",
            "$bn 5%",
            "1,",
            ",000",
            "tens of",
            "half a",
            "€€€ 3",
        ] {
            let mut a = article(text);
            run(&mut a);
        }
        let mut a = article(&"12 people. ".repeat(2000));
        assert_eq!(run(&mut a).len(), 1);
    }

    #[test]
    fn never_panics_on_random_mixtures() {
        // A fixed pseudo-random walk over the characters the rules care about.
        const PIECES: &[&str] = &[
            "1",
            "0",
            "7",
            ",",
            ".",
            "%",
            "$",
            "€",
            "£",
            "-",
            "–",
            "—",
            " ",
            "\n",
            "a",
            "of",
            " tens",
            " thousands",
            " half",
            " million",
            " bn",
            "k",
            "m",
            "“",
            "\"",
            "'",
            "’s",
            "(",
            ")",
            " troops",
            " people",
            " Russia",
            " said",
            " the",
            "é",
            "🙂",
            "+",
            ":",
            "/",
            " according to",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..60 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            let mut a = article(&text);
            a.sentences = vec![Span::new(0, text.len() / 2)];
            ClaimFinder::new().annotate(&mut a);
            for c in &a.claims {
                assert!(a.text.get(c.span.range()).is_some(), "bad span in {text:?}");
            }
        }
    }
}
