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
    /// The mention of the speaker this quote was attributed through.
    pub speaker_span: Option<Span>,
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
}

/// An actor–action–target event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The acting entity's canonical name.
    pub source: Option<String>,
    /// PLOVER event type ("MOBILIZE").
    pub action: String,
    /// The entity acted upon.
    pub target: Option<String>,
    /// Whether the sentence denies the event.
    pub negated: bool,
    /// Whether the event is conditional, future or proposed.
    pub hypothetical: bool,
    /// The sentence that reports it.
    pub span: Span,
}
