//! The word classes of the events stage, read from `data/event_words.tsv` (columns: word,
//! class; each class is documented where it opens in the file). Each class is a named
//! [`WordList`](crate::lists::WordList) (`event_words.CLASS`), so its hits can be counted and it can be switched off.

word_classes! {
    /// A word class of `data/event_words.tsv`.
    pub enum EventClass in "event_words" {
        /// Adverbs that report an act without asserting it ("allegedly").
        ReportingAdverb = "reporting_adverb",
        /// Adjectives that put a noun event in doubt or in the future ("a possible invasion").
        HedgingAdjective = "hedging_adjective",
        /// Words that may stand in a verb group before a trigger without ending it.
        VerbGroup = "verb_group",
        /// Markers of an action announced or intended rather than done ("will", "plans").
        Intent = "intent",
        /// Openers of a leading adverbial phrase that ends at the first comma.
        AdverbialOpener = "adverbial_opener",
        /// Words after a comma that start a new clause: a target never lies beyond them.
        ClauseBreak = "clause_break",
        /// Words that open a subordinate clause even without a comma.
        Subordinator = "subordinator",
        /// Subject pronouns, resolved to the previous actor.
        SubjectPronoun = "subject_pronoun",
        /// Object pronouns that stand for an actor named before them ("provide *it* with").
        ObjectPronoun = "object_pronoun",
        /// Cue words of an attribution besides the lexicon's cue verbs ("according").
        Reporting = "reporting",
        /// Words that end an actor phrase's modifier run ("Russian *and* ...").
        ActorStop = "actor_stop",
        /// Sector words that make an actor only next to a country ("foreign minister"), never
        /// alone.
        BoundSector = "bound_sector",
        /// Prepositions that make a light verb's oblique its predicate ("under attack").
        LightCase = "light_case",
        /// Verbs whose subject undergoes the event their object names ("received death
        /// threats", "faced sanctions"): the subject is its target.
        UndergoVerb = "undergo_verb",
        /// Verbs whose subject reports, notices or records the event their object names
        /// ("acknowledged a troop build-up", "reported an attack"): someone else acts.
        WitnessVerb = "witness_verb",
        /// Prepositions of an oblique that sets a scene (time, place, manner), not what is
        /// acted upon.
        SceneCase = "scene_case",
        /// Words that open a reduced adverbial clause ("when asked", "if elected").
        ReducedMark = "reduced_mark",
        /// Words that make a clause an alternative to the act ("instead of", "without").
        AlternativeMark = "alternative_mark",
        /// Forms of "be" and "get" that make a participle after them passive ("were killed").
        PassiveAux = "passive_aux",
        /// Articles that may stand between a preposition and its actor ("by the army").
        Article = "article",
        /// Prepositions after the trigger that introduce the event's place ("in Kyiv").
        PlacePreposition = "place_preposition",
        /// Prepositions before an actor that make it the scene, not a target, when two sources act.
        ScenePreposition = "scene_preposition",
        /// Prepositions after an actor phrase that give its country ("rebels in the Ivory Coast").
        OriginPreposition = "origin_preposition",
        /// Forms of "deny": the act after them is denied ("denied sending troops").
        Denial = "denial",
        /// Words that open a condition clause ("if", "unless").
        ConditionMark = "condition_mark",
        /// Words besides condition marks that make a sentence conditional ("provided").
        ConditionWord = "condition_word",
        /// Words after "should" that open its subject, making it an inverted condition ("should the army ...").
        InvertedCondition = "inverted_condition",
        /// Words in a verb group that negate the act ("not", "never"); "n't" is a rule.
        Negator = "negator",
        /// Forms of "be" that announce a plan before "to" ("is to visit").
        PlanBe = "plan_be",
        /// Indefinite pronouns: a subject that names no actor ("anyone", "nobody").
        IndefinitePronoun = "indefinite_pronoun",
        /// First-person subject pronouns, which inside a quotation stand for its speaker.
        FirstPerson = "first_person",
        /// Conjunctions that join actors into one group ("Russia and China").
        Coordinator = "coordinator",
        /// Beginnings of assault words whose sides act on each other ("clashes", "fighting").
        MutualStem = "mutual_stem",
        /// Nouns of armed or security forces and their equipment ("troops", "warships"): a
        /// deployment whose object names none of them is no MOBILIZE.
        ForceNoun = "force_noun",
        /// Verbs of speaking whose refusal is a statement, not an event ("declined to
        /// comment"): a REJECT trigger whose complement is one of them is no event.
        WithheldSpeech = "withheld_speech",
    }

    /// Whether the lower-case `word` is in `class`.
    ///
    /// ```
    /// use storyline_lexicon::{is_event_word, EventClass};
    /// assert!(is_event_word(EventClass::ReportingAdverb, "allegedly"));
    /// assert!(is_event_word(EventClass::SceneCase, "during"));
    /// assert!(!is_event_word(EventClass::Intent, "attacked"));
    /// ```
    pub fn is_event_word;
}
