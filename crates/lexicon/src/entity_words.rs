//! The word classes of the entities stage, read from `data/entity_words.tsv` (columns: word,
//! class; each class is documented where it opens in the file). Each class is a named
//! [`WordList`](crate::lists::WordList) (`entity_words.CLASS`), so its hits can be counted and
//! it can be switched off.

word_classes! {
    /// A word class of `data/entity_words.tsv`.
    pub enum EntityClass in "entity_words" {
        /// Lower-case particles inside personal names ("von", "van der", "de").
        NameParticle = "name_particle",
        /// Capitalised last words that make a run a place or venue, not a surname ("Lane",
        /// "Park").
        PlaceHead = "place_head",
        /// Sports roles that make the name before them a club ("Liverpool manager").
        TeamNoun = "team_noun",
        /// Verbs of a sports result whose subject and object are clubs ("beat", "drew").
        ResultVerb = "result_verb",
        /// Words before a club that is the other side of a result ("against", "vs").
        ResultObject = "result_object",
        /// Words before a name that make it a company ("rivals", "peers").
        CompanyCue = "company_cue",
        /// Nouns after a name that make it a company ("shares", "investors").
        CompanyNoun = "company_noun",
        /// Capitalised last words of newspaper names, as written ("Gazette", "Times").
        OutletWord = "outlet_word",
        /// Verbs of posting whose "on X" names a platform ("posted", "tweeted").
        PostingVerb = "posting_verb",
        /// Lower-case particles of place names ("Rio Grande do Sul", "Newcastle upon Tyne").
        PlaceParticle = "place_particle",
        /// Descriptor nouns that type the name beside them as an organisation ("the research
        /// firm X").
        OrgDescriptor = "org_descriptor",
        /// Nouns of publications ("X magazine").
        MediumNoun = "medium_noun",
        /// Verbs after which "on X" names a medium ("posted on X").
        PostVerb = "post_verb",
        /// Honorifics before a personal name, as written ("Mr", "Dr.").
        Honorific = "honorific",
        /// Capitalised modifiers of a role title, as written ("Foreign", "Deputy").
        TitleModifier = "title_modifier",
        /// Lower-case words that join the parts of an organisation name ("of", "for").
        OrgConnector = "org_connector",
        /// Prepositions that make the name after them a place ("in", "near").
        PlacePreposition = "place_preposition",
        /// First words of club names that are also compass or place words, as written ("North",
        /// "New").
        ClubNameHead = "club_name_head",
        /// First words of place names, as written ("San", "Santa", "Saint").
        PlacePrefix = "place_prefix",
        /// Legal-form suffixes that end a company name, as written ("Inc", "plc", "GmbH").
        CorporateSuffix = "corporate_suffix",
        /// Abbreviations whose dot stays with the word inside a name, as written ("Dr", "St"):
        /// a narrower variant of the segmenter's abbreviations.
        KeptDot = "kept_dot",
        /// Generational suffixes after a personal name, not its surname ("jr", "iii").
        GenerationalSuffix = "generational_suffix",
        /// Lower-case role words that do not tell one role from another ("former", "of").
        RoleFiller = "role_filler",
        /// Articles, as written: "the Dutchman said" is a description, never a name.
        Article = "article",
        /// Speech verbs, as written, before an inverted speaker ("said Hartley").
        SpeechBeforeName = "speech_before_name",
        /// Prepositions, as written, that end a name before a place ("Karolinska Institute in Stockholm").
        NameEndPreposition = "name_end_preposition",
        /// Prepositions, as written, after a title or an organisation head ("Minister of", "Ministry for").
        TitleConnector = "title_connector",
        /// Lower-case words, as written, inside the capitalised tail of a title ("Bank of England").
        TitleJoiner = "title_joiner",
        /// Word pairs before a name that make it a company ("shares of X", "analysts at X").
        CompanyCuePair = "company_cue_pair",
        /// Word pairs before a name that make it the source of figures ("according to X", "a survey by X").
        SourceCuePair = "source_cue_pair",
        /// Prepositions before a club's town that make it a place, not the club ("in Leeds").
        LocativePreposition = "locative_preposition",
        /// Nouns before a journal's name ("the journal Nature").
        JournalNoun = "journal_noun",
        /// Word pairs before a journal's name ("published in X").
        JournalCuePair = "journal_cue_pair",
        /// Words before an acronym that make it an organisation ("at NASA", "the WHO").
        AcronymOrgCue = "acronym_org_cue",
        /// Conjunctions that join two names into one list ("Smith and Jones").
        Coordinator = "coordinator",
        /// First words, as written, that make a name a storm or a military operation, not a
        /// person, organisation or place ("Hurricane Katrina", "Typhoon Haiyan").
        EventHead = "event_head",
        /// Words of other languages, as written, that make a capitalised name holding them an
        /// organisation wherever they stand ("Universidad de Chile", "Banco Santander").
        ForeignOrgWord = "foreign_org_word",
        /// Last words, as written, that make a place or nationality before them the name of a
        /// sports event, not the place ("U.S. Open", "Australian Open", "Asian Games").
        EventTail = "event_tail",
        /// Ordinals, as written, that open a company's name ending in an organisation word
        /// ("First Bank System Inc.", "First Republic Bank"), though they never open a name
        /// alone.
        OrgOrdinal = "org_ordinal",
        /// United States states as written after a city and a comma: names, AP abbreviations
        /// and postal codes ("Holmdel, NJ", "DeKalb, Ill.", "Tampa, Florida").
        UsState = "us_state",
        /// Interjections of transcribed speech that are also family names, as written ("Um",
        /// "Oh"): alone, without a title before or a speech verb after, they are no name.
        InterjectionName = "interjection_name",
    }

    /// Whether `word` (lower case, or as written for the classes that say so) is in `class`.
    ///
    /// ```
    /// use storyline_lexicon::{is_entity_word, EntityClass};
    /// assert!(is_entity_word(EntityClass::TeamNoun, "striker"));
    /// assert!(is_entity_word(EntityClass::Honorific, "Mrs"));
    /// assert!(!is_entity_word(EntityClass::OutletWord, "times"));
    /// ```
    pub fn is_entity_word;
}
