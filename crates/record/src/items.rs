//! The annotation layers: entities, quotes, claims and events.

use crate::Span;

/// The type of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person ("Jens Stoltenberg").
    Person,
    /// An organisation, government body, company, team or outlet ("NATO", "the Kremlin").
    Org,
    /// A country, city, region or named geographic feature ("Crimea").
    Place,
}

impl EntityType {
    /// The type's name in the JSON record.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Place => "PLACE",
        }
    }

    /// Parses a record's type name (also the common NER spellings).
    pub fn parse(name: &str) -> Option<EntityType> {
        match name.to_ascii_uppercase().as_str() {
            "PERSON" | "PER" => Some(EntityType::Person),
            "ORG" | "ORGANIZATION" => Some(EntityType::Org),
            "PLACE" | "GPE" | "LOC" | "LOCATION" => Some(EntityType::Place),
            _ => None,
        }
    }
}

/// One entity of an article, with every mention of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Canonical name: the fullest form used in the article ("Sergey Lavrov").
    pub name: String,
    /// Person, organisation or place.
    pub kind: EntityType,
    /// Other forms used in the article ("Lavrov").
    pub aliases: Vec<String>,
    /// Title or role given in the article ("Foreign Minister").
    pub role: Option<String>,
    /// Spans of every mention, in text order.
    pub mentions: Vec<Span>,
}

/// How a quotation is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// A whole quoted sentence or more: `"We don't want war," said Patrushev.`
    Direct,
    /// Quoted words inside the writer's sentence: `described them as "grains of rationality"`.
    Partial,
    /// Reported speech without quotation marks: `Lavrov said that talks were possible`.
    Indirect,
}

impl QuoteKind {
    /// The kind's name in the JSON record.
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words, without their quotation marks.
    pub span: Span,
    /// Canonical name of the speaker (an entity's name, or a role like "Johnson's spokesman").
    pub speaker: Option<String>,
    /// The local mention the cue attaches to, as the text has it ("he", "the spokesman",
    /// "Mr. Hale").
    pub speaker_span: Option<Span>,
    /// Index in `Article.entities` of the entity the speaker resolves to.
    pub speaker_entity: Option<usize>,
    /// The cue that attributes it ("said", "told", "according to").
    pub cue: Option<String>,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
}

/// A number claimed about the world.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The normalised value ("two million" → 2000000).
    pub value: f64,
    /// Unit, when there is one ("%", "USD").
    pub unit: Option<String>,
    /// The counted noun phrase ("Russian troops").
    pub noun: String,
    /// What the number is about ("Russia").
    pub subject: Option<String>,
    /// Where ("Ukraine's borders").
    pub place: Option<String>,
    /// Hedge ("about", "over", "up to").
    pub hedge: Option<String>,
    /// Who claims it: a speaker, a cited source, else the outlet.
    pub claimant: Option<String>,
    /// The claim as written ("over 100,000 troops").
    pub span: Span,
    /// A vague quantity ("hundreds of people"): `value` is only its lower bound.
    pub vague: bool,
    /// The upper bound of a range or vague quantity ("hundreds of" → 1000), when there is one.
    pub upper: Option<f64>,
}

/// An actor–action–target event, coded in the PLOVER ontology.
///
/// Actor codes are `CCCSSS`: an ISO 3166 alpha-3 country ("RUS") followed by a PLOVER sector
/// ("GOV", "MIL", "REB", "CVL", …) when known; international organisations use `IGO` (and
/// non-governmental ones `NGO`) followed by their acronym ("IGONATO", "IGOUN"), so that the
/// first three letters always name the country or the kind of organisation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Event {
    /// The acting entity's canonical name.
    pub source: Option<String>,
    /// The acting entity's code ("RUSGOV", "USA", "IGONATO").
    pub source_actor: Option<String>,
    /// PLOVER event type ("MOBILIZE").
    pub action: String,
    /// PLOVER mode of the action ("troops", "explosives", "demo-org"), when the trigger says.
    pub mode: Option<String>,
    /// CAMEO code of the trigger (root or full), when it maps to one.
    pub cameo: Option<String>,
    /// The entity acted upon.
    pub target: Option<String>,
    /// The target's code, in the same convention as `source_actor`.
    pub target_actor: Option<String>,
    /// Whether the sentence denies the event ("did not", "never", "would not").
    pub negated: bool,
    /// Whether the event is not asserted: conditional, future, proposed or only intended,
    /// hedged ("allegedly", "reportedly") or asked (a question, a question headline).
    pub hypothetical: bool,
    /// ISO date of the event: a weekday or relative date resolved against the publication
    /// date, else the publication date.
    pub date: Option<String>,
    /// Where it happened, when the sentence says ("Kabul").
    pub place: Option<String>,
    /// The sentence that reports it.
    pub span: Span,
    /// The word or phrase that names the action ("threatened", "imposed sanctions").
    pub trigger: Span,
}
