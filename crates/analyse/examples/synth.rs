//! Synthetic news corpus for the store benchmark: `NUM_ARTICLES` JSONL input lines (`text`,
//! `url`, `title`, `outlet`, `published`) recombined from sentence templates of several beats
//! (labour, weather, sport, business, politics, science, courts) with renamed people, places,
//! organisations, numbers and dates, so that ids, stories and figures differ.
//!
//! `cargo run --release -p storyline-analyse --example synth -- NUM_ARTICLES [SEED] > corpus.jsonl`
//!
//! Shape of the corpus, chosen to look like a news feed rather than random text:
//! - about 20 articles per story (a story is a beat, two people, a place, an organisation and
//!   a start date; its articles spread over two weeks, from many outlets);
//! - about 1 in 20 articles is a syndicated copy of the one before it (another outlet, one
//!   line added), 1 in 100 a corrected revision (same URL, changed figure);
//! - 17 to 25 sentences (about 350 words) in paragraphs of one to three, with quotes,
//!   numbers and roles.
//!
//! The generator is deterministic for a given `SEED`. On stderr it prints one `probe` line of
//! names that occur in the corpus (a person, a surname, a place, a counted noun, a search
//! word), which the benchmark uses as query arguments.

use std::io::{self, BufWriter, Write};

/// Given names of the people in the corpus.
const GIVEN: &[&str] = &[
    "Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira",
    "Luis", "Maya", "Nikolai", "Omar", "Priya", "Ruth", "Samuel", "Tomas", "Ulrike", "Vera", "Wei",
    "Yusuf", "Zofia",
];
/// Surname stems; a syllable is appended, so thousands of distinct surnames exist.
const SURNAMES: &[&str] = &[
    "Keller", "Ivanov", "Okafor", "Santos", "Tanaka", "Novak", "Haddad", "Larsen", "Moreau",
    "Petrov", "Quinn", "Rossi", "Schmidt", "Weber", "Yilmaz", "Zhou", "Brandt", "Castillo",
    "Dufour", "Eriksen",
];
/// Place-name stems; syllables are appended.
const PLACES: &[&str] = &[
    "Arden", "Belmar", "Corvo", "Dunmore", "Eskra", "Falun", "Gorsk", "Halden", "Irvale", "Jorvik",
    "Kestrel", "Lunder", "Marrow", "Norvik", "Oldham", "Penrith",
];
/// Name endings that multiply stems into distinct names.
const SYLLABLES: &[&str] = &[
    "an", "bel", "cor", "dan", "ev", "for", "gal", "hem", "ist", "jor", "kan", "lem", "mor", "nes",
    "ost", "pra", "rin", "sal", "tov", "ulm", "vik", "wen",
];
/// Outlets; each article's outlet is drawn from these.
const OUTLETS: &[&str] = &[
    "Valley Courier",
    "Northern Wire",
    "Harbour Gazette",
    "Daily Ledger",
    "Coastal Times",
    "Metro Observer",
    "Evening Standardbearer",
    "River Post",
    "Highland Herald",
    "Union Chronicle",
    "Capital Dispatch",
    "Morning Record",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// One beat: how its stories are titled and told.
struct Beat {
    /// The organisation's kind ("Harbour Authority"): the story's organisation is `{place} {kind}`.
    orgs: &'static [&'static str],
    /// Roles of the two people: `role` of `{P}`, `role2` of `{Q}`.
    roles: (&'static str, &'static str),
    titles: &'static [&'static str],
    /// Body sentences; placeholders are listed on [`fill`].
    body: &'static [&'static str],
}

/// Sentences any story may use.
const GENERAL: &[&str] = &[
    "Officials in {C} said more details would be released later in the week.",
    "The {O} did not respond to a request for comment on {D}.",
    "Local residents said the mood in {C} had changed sharply since last month.",
    "{S} is expected to brief reporters again on {D}.",
    "Figures published by the {O} showed about {N} people were affected across the region.",
    "It was not immediately clear how long the situation in {C} would last.",
    "\"Nobody here has seen anything like this before,\" said one resident who asked not to be named.",
    "The {O} said it had received more than {M} complaints since the start of the month.",
    "Critics accused {P} of ignoring earlier warnings from the {O}.",
    "{Q} said on {D} that the {O} would publish a full review by the end of the year.",
    "The last comparable episode, in {C} {M2} years ago, cost the region an estimated {MONEY}.",
    "A spokesperson for the {O} said the figures were provisional and could still change.",
    "\"We owe people straight answers, and they will get them,\" {S} said in a statement.",
    "Opposition politicians called for an independent inquiry into how the {O} had handled the matter.",
    "According to a survey published on {D}, {X}% of residents in {C} said they were worried.",
    "{QS} declined to say whether further measures were being considered.",
    "Businesses in the centre of {C} reported a fall in trade of around {X}% over the week.",
    "Volunteers handed out {N} meals in {C} over the weekend, organisers said.",
    "The {O} has faced criticism before, most recently over a {MONEY} contract awarded last year.",
    "\"It is too early to say what this means for the rest of the year,\" {Q} told a local radio station.",
];

const BEATS: &[Beat] = &[
    Beat {
        orgs: &["Transit Authority", "Port Company", "Hospital Trust", "Postal Service"],
        roles: ("union leader", "Chief Executive"),
        titles: &[
            "{C} workers walk out over pay",
            "Strike at {O} enters day {M}",
        ],
        body: &[
            "About {N} workers at the {O} in {C} walked out on {D}, demanding a {X}% pay rise.",
            "\"We have been patient for two years and that patience has run out,\" said {P}, who leads the union.",
            "{R2} {Q} said the offer of {X}% was final and the {O} could not afford more.",
            "Union members voted by {X2}% to reject the latest proposal, {S} told reporters.",
            "\"Our door remains open, but the numbers have to add up,\" {QS} said.",
            "The walkout has cancelled at least {M} services a day, according to the {O}.",
            "Talks between {S} and {QS} broke down late on {D} after nine hours.",
            "Commuters in {C} faced long queues as only {M} of the usual services ran.",
        ],
    },
    Beat {
        orgs: &["Flood Agency", "Fire Service", "River Board", "Emergency Office"],
        roles: ("Mayor", "Fire Chief"),
        titles: &["Floods force {N} from homes in {C}", "{C} braces for more rain"],
        body: &[
            "Floodwater forced some {N} residents of {C} from their homes on {D} as the river burst its banks.",
            "{R} {P} declared a state of emergency and said {M} shelters had been opened.",
            "\"The next 48 hours will be critical,\" {S} said at a briefing outside the town hall.",
            "The {O} said {M} millimetres of rain had fallen in a single day, a record for the month.",
            "{R2} {Q} said crews had rescued {M} people from flooded cars overnight.",
            "\"If you are told to leave, please leave now,\" {QS} urged residents.",
            "Damage to roads and bridges could exceed {MONEY}, the {O} estimated.",
            "Forecasters warned that up to {M} more millimetres could fall by {D}.",
        ],
    },
    Beat {
        orgs: &["Rovers", "City", "Athletic", "United"],
        roles: ("striker", "coach"),
        titles: &[
            "{C} {O} win {M2}-1 as {S} scores twice",
            "{S} keeps {C} {O} in title race",
        ],
        body: &[
            "{P} scored twice as {C} {O} beat their rivals {M2}-1 in front of {N} fans on {D}.",
            "\"The lads showed real character after going behind,\" said {R2} {Q}.",
            "The win lifts {C} {O} to third in the table, {M} points behind the leaders.",
            "{S} has now scored {M} goals this season, the most of any player in the league.",
            "\"I just try to be in the right place when the ball comes,\" {S} told reporters.",
            "{QS} said the squad would rest {M2} players before the cup tie next week.",
            "Attendance at the ground has risen by {X}% since the club was promoted.",
            "The visitors had {M} shots but found the goalkeeper in fine form.",
        ],
    },
    Beat {
        orgs: &["Northern Bank", "Energy Group", "Freight Lines", "Chip Works"],
        roles: ("Chief Executive", "analyst"),
        titles: &[
            "{C} {O} profit rises {X}%",
            "Shares in {C} {O} jump after results",
        ],
        body: &[
            "{C} {O} reported a {X}% rise in annual profit to {MONEY} on {D}, beating forecasts.",
            "{R} {P} said the company would hire {N} staff over the next three years.",
            "\"Demand has held up far better than we feared,\" {S} said on a call with investors.",
            "Shares in the company rose {X}% in early trading.",
            "{Q}, an {r2} at a broker in {C}, said the results were the strongest in a decade.",
            "\"The question is whether they can keep this pace,\" {QS} said.",
            "The {O} will pay a dividend of {M} cents a share, up from {M2} cents a year ago.",
            "Revenue grew to {MONEY}, helped by higher prices and {X}% more customers.",
        ],
    },
    Beat {
        orgs: &["City Council", "Regional Assembly", "Planning Board", "School Board"],
        roles: ("councillor", "council leader"),
        titles: &[
            "{C} council approves {MONEY} housing plan",
            "Vote on {C} budget split {O}",
        ],
        body: &[
            "The {O} of {C} voted {M}-{M2} on {D} to approve a plan for {N} new homes.",
            "{R} {P}, who opposed the plan, said it ignored the views of residents.",
            "\"We were elected to listen, and we did not listen,\" {S} said after the vote.",
            "{R2} {Q} said the scheme would cost {MONEY} and be finished within five years.",
            "\"This is the biggest investment in housing this city has seen,\" {QS} said.",
            "A petition against the plan gathered {N} signatures in two weeks.",
            "About {X}% of the new homes will be offered at below-market rents.",
            "Opposition members said they would ask the {O} to reconsider the decision.",
        ],
    },
    Beat {
        orgs: &["Institute of Marine Science", "University Hospital", "Climate Centre"],
        roles: ("Professor", "researcher"),
        titles: &[
            "Study finds {X}% drop in {C} fish stocks",
            "{C} scientists report new findings",
        ],
        body: &[
            "Fish stocks off {C} have fallen by {X}% in a decade, a study published on {D} found.",
            "{R} {P} of the {O} led the team, which surveyed {N} sites along the coast.",
            "\"The decline is faster than any model predicted,\" {S} said.",
            "The researchers tagged {M} fish and followed them for {M2} months.",
            "{Q}, a {r2} who was not involved in the work, called the results worrying.",
            "\"We need longer records before drawing firm conclusions,\" {QS} cautioned.",
            "Water temperatures rose by about {M2} degrees over the same period.",
            "The {O} said it would share its data with {M} other laboratories.",
        ],
    },
    Beat {
        orgs: &["Crown Court", "District Court", "Appeals Court"],
        roles: ("Judge", "prosecutor"),
        titles: &[
            "{C} fraud trial hears of {MONEY} losses",
            "Verdict due in {C} fraud case",
        ],
        body: &[
            "A trial at {C} {O} heard on {D} that investors lost {MONEY} in the scheme.",
            "{R2} {Q} told the jury that {N} people had been persuaded to invest.",
            "\"They were promised returns of {X}% a year, and they lost everything,\" {QS} said.",
            "{R} {P} reminded jurors to consider only the evidence heard in court.",
            "The defendants deny {M} counts of fraud and the trial is expected to last {M2} weeks.",
            "\"My client has always maintained his innocence,\" a lawyer for the accused said.",
            "{S} adjourned the hearing until {D} after a witness fell ill.",
            "Police seized {M} computers and {MONEY} in cash during raids in {C}.",
        ],
    },
];

/// A tiny deterministic generator (xorshift), so a seed always builds the same corpus.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // xorshift is stuck at zero; any other state works.
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// A number in `lo..hi` (`lo` when the range is empty).
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % hi.saturating_sub(lo).max(1)
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v.get((self.next() % v.len().max(1) as u64) as usize)
            .copied()
            .unwrap_or("")
    }
}

/// The fixed cast of one story.
struct Story {
    beat: &'static Beat,
    person: String,
    surname: String,
    other: String,
    other_surname: String,
    place: String,
    org: String,
    /// First day, counted from 2021-01-01.
    day: u64,
}

impl Story {
    fn new(index: u64, seed: u64) -> Story {
        let mut r = Rng::new(index.wrapping_mul(7_919).wrapping_add(seed));
        let beat = BEATS
            .get((r.next() % BEATS.len() as u64) as usize)
            .unwrap_or(&BEATS[0]);
        let surname = format!("{}{}", r.pick(SURNAMES), r.pick(SYLLABLES));
        let other_surname = format!("{}{}", r.pick(SURNAMES), r.pick(SYLLABLES));
        let place = format!(
            "{}{}{}",
            r.pick(PLACES),
            r.pick(SYLLABLES),
            r.pick(SYLLABLES)
        );
        let org = r.pick(beat.orgs).to_string();
        Story {
            beat,
            person: format!("{} {surname}", r.pick(GIVEN)),
            other: format!("{} {other_surname}", r.pick(GIVEN)),
            surname,
            other_surname,
            place,
            org,
            day: r.range(0, 1_000),
        }
    }
}

/// Draws one value for a placeholder.
type Draw = fn(&mut Rng) -> String;

/// A money figure as news writes it: "$4.2 million", "€310,000".
fn money(r: &mut Rng) -> String {
    let currency = r.pick(&["$", "€", "£"]);
    if r.next() & 1 == 0 {
        format!("{currency}{}.{} million", r.range(1, 900), r.range(1, 10))
    } else {
        format!("{currency}{},000", r.range(10, 999))
    }
}

/// Fills a template: `{P}`/`{S}`/`{R}` the first person (full name, surname, role; `{r}` the
/// role in lower case), `{Q}`/`{QS}`/`{R2}`/`{r2}` the second, `{C}` place, `{O}`
/// organisation, `{D}` weekday, `{N}` a count in the thousands, `{M}`/`{M2}` small counts,
/// `{X}`/`{X2}` percentages, `{MONEY}` a sum.
fn fill(template: &str, s: &Story, r: &mut Rng) -> String {
    let mut out = template
        .replace("{QS}", &s.other_surname)
        .replace("{Q}", &s.other)
        .replace("{P}", &s.person)
        .replace("{S}", &s.surname)
        .replace("{R2}", &capitalised(s.beat.roles.1))
        .replace("{R}", &capitalised(s.beat.roles.0))
        .replace("{r2}", s.beat.roles.1)
        .replace("{r}", s.beat.roles.0)
        .replace("{C}", &s.place)
        .replace("{O}", &s.org);
    // Each occurrence gets its own value: the numbers are what differ between articles.
    let values: [(&str, Draw); 7] = [
        ("{D}", |r| r.pick(WEEKDAYS).to_string()),
        ("{N}", |r| group_thousands(r.range(12, 500) * 100)),
        ("{M2}", |r| r.range(2, 9).to_string()),
        ("{M}", |r| r.range(2, 99).to_string()),
        ("{X2}", |r| r.range(51, 99).to_string()),
        ("{X}", |r| r.range(2, 30).to_string()),
        ("{MONEY}", money),
    ];
    for (key, value) in values {
        while let Some(at) = out.find(key) {
            let v = value(r);
            out.replace_range(at..at + key.len(), &v);
        }
    }
    out
}

/// "chief executive" → "Chief executive": roles open sentences.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// 12500 → "12,500".
fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        let left = digits.len() - i;
        if i > 0 && left == left / 3 * 3 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// `2021-01-01` plus `day` days, in a 12 × 28-day calendar: valid dates are all we need.
fn date(day: u64) -> String {
    let year = 2021 + day / 336;
    let month = 1 + (day % 336) / 28;
    format!("{year}-{month:02}-{:02}", 1 + day % 28)
}

/// "Harbour Gazette" → "harbour-gazette".
fn slug(s: &str) -> String {
    s.to_ascii_lowercase().replace(' ', "-")
}

/// One input line of the corpus.
struct Line {
    url: String,
    title: String,
    outlet: String,
    published: String,
    text: String,
}

impl Line {
    fn json(&self) -> String {
        serde_json::json!({
            "url": self.url, "title": self.title, "outlet": self.outlet,
            "published": self.published, "text": self.text,
        })
        .to_string()
    }
}

/// A fresh article of `story`.
fn article(i: usize, story: &Story, r: &mut Rng) -> Line {
    let outlet = r.pick(OUTLETS);
    let day = story.day + r.range(0, 14);
    let title = fill(r.pick(story.beat.titles), story, r);
    // The lede names the cast in full; the rest is a shuffle of the beat's other sentences
    // and general ones, each used once, so articles of one story share facts, not wording.
    let (lede, rest) = story.beat.body.split_first().unwrap_or((&"", &[]));
    let mut pool: Vec<&str> = rest.iter().chain(GENERAL).copied().collect();
    for k in (1..pool.len()).rev() {
        pool.swap(k, r.range(0, k as u64 + 1) as usize);
    }
    pool.truncate(r.range(16, 25) as usize);
    let mut text = String::new();
    let mut in_paragraph = 0;
    for template in std::iter::once(*lede).chain(pool) {
        if !text.is_empty() {
            text.push_str(if in_paragraph == 0 { "\n\n" } else { " " });
        }
        text.push_str(&fill(template, story, r));
        in_paragraph = (in_paragraph + 1) % r.range(1, 4) as usize;
    }
    Line {
        url: format!(
            "https://{}.example/{}/{}-{i}",
            slug(outlet),
            date(day).replace('-', "/"),
            slug(&story.place)
        ),
        title,
        outlet: outlet.to_string(),
        published: date(day),
        text,
    }
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(num_articles) = args.first().and_then(|a| a.parse::<usize>().ok()) else {
        eprintln!("usage: synth NUM_ARTICLES [SEED] > corpus.jsonl");
        std::process::exit(2);
    };
    let seed: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    // About 20 articles per story, as a developing story gets over its first two weeks.
    let num_stories = (num_articles as u64 / 20).max(1);
    let mut r = Rng::new(seed);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut previous: Option<Line> = None;
    // The story of `previous`, which its copies and revisions belong to.
    let mut story = Story::new(0, seed);
    for i in 0..num_articles {
        let roll = r.next() % 100;
        let line = match previous.take() {
            // A syndicated copy: another outlet runs the same wire text, its last paragraph
            // cut and one sentence of its own added (a mere credit line would be cleaned away
            // and the copy stored as the same article).
            Some(prev) if roll < 5 => {
                let outlet = r.pick(OUTLETS);
                let kept = prev.text.rsplit_once("\n\n").map_or(&*prev.text, |(head, _)| head);
                let extra = fill(r.pick(GENERAL), &story, &mut r);
                Line {
                    url: format!("https://{}.example/wire/{i}", slug(outlet)),
                    text: format!("{kept}\n\n{extra}"),
                    outlet: outlet.to_string(),
                    ..prev
                }
            }
            // A corrected revision: the same URL, one figure changed.
            Some(prev) if roll < 6 => Line {
                text: format!(
                    "{}\n\nCorrection: an earlier version of this article misstated a figure; {} people were affected.",
                    prev.text,
                    group_thousands(r.range(12, 500) * 100)
                ),
                ..prev
            },
            _ => {
                story = Story::new(r.next() % num_stories, seed);
                article(i, &story, &mut r)
            }
        };
        writeln!(out, "{}", line.json())?;
        previous = Some(line);
    }
    out.flush()?;
    // Query arguments that exist in every corpus: story 0's cast.
    let probe = Story::new(0, seed);
    eprintln!(
        "probe\tperson={}\tsurname={}\tplace={}\tnoun=signatures\tword={}",
        probe.person,
        probe.surname,
        probe.place,
        probe.place.to_lowercase()
    );
    Ok(())
}
