//! Word classes the quote rules read: cue verbs, pronouns, role nouns, naming words, gender hints.
//!
//! Lists are closed-class or near closed-class English, so they hold across topics; each lookup is
//! a `match` on a lowercased word, compiled to a jump table, so no lexicon is built at run time.

/// How a pronoun constrains its antecedent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// he / him: a person not known to be female.
    Male,
    /// she / her: a person not known to be male.
    Female,
    /// it: an organisation or a place acting as a government.
    Neuter,
    /// they / we: an organisation, a group, or the previous speaker.
    Plural,
}

/// Gender evidence for a person, from given names, titles and role words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// Known male.
    Male,
    /// Known female.
    Female,
}

/// The subject pronoun `w` (lowercase), if it is one that can say something.
pub(crate) fn pronoun(w: &str) -> Option<Pronoun> {
    match w {
        "he" => Some(Pronoun::Male),
        "she" => Some(Pronoun::Female),
        "it" => Some(Pronoun::Neuter),
        "they" | "we" => Some(Pronoun::Plural),
        _ => None,
    }
}

/// Whether `w` (lowercase) is a verb or verb form that attributes speech or writing.
///
/// Deliberately excludes "reported" and "cited": in wire copy they name the outlet relaying a
/// quote ("…, Lavrov said, Reuters reported"), not the speaker.
pub(crate) fn is_cue(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "saying"
            | "told"
            | "tells"
            | "telling"
            | "added"
            | "adds"
            | "adding"
            | "warned"
            | "warns"
            | "warning"
            | "wrote"
            | "writes"
            | "writing"
            | "stated"
            | "states"
            | "stating"
            | "stressed"
            | "stresses"
            | "insisted"
            | "insists"
            | "insisting"
            | "noted"
            | "notes"
            | "noting"
            | "explained"
            | "explains"
            | "declared"
            | "declares"
            | "acknowledged"
            | "acknowledges"
            | "announced"
            | "announces"
            | "claimed"
            | "claims"
            | "argued"
            | "argues"
            | "asserted"
            | "asserts"
            | "admitted"
            | "admits"
            | "replied"
            | "replies"
            | "responded"
            | "asked"
            | "asks"
            | "urged"
            | "urges"
            | "suggested"
            | "suggests"
            | "recalled"
            | "recalls"
            | "remarked"
            | "commented"
            | "tweeted"
            | "tweets"
            | "posted"
            | "confirmed"
            | "confirms"
            | "denied"
            | "denies"
            | "conceded"
            | "concedes"
            | "maintained"
            | "maintains"
            | "predicted"
            | "predicts"
            | "promised"
            | "promises"
            | "vowed"
            | "vows"
            | "pledged"
            | "pledges"
            | "reiterated"
            | "reiterates"
            | "emphasised"
            | "emphasized"
            | "emphasises"
            | "emphasizes"
            | "described"
            | "describes"
            | "quipped"
            | "joked"
            | "exclaimed"
            | "shouted"
            | "boasted"
            | "complained"
            | "lamented"
            | "observed"
            | "cautioned"
            | "countered"
            | "clarified"
            | "continued"
            | "agreed"
            | "accused"
            | "accuses"
            | "believes"
            | "thinks"
            | "insist"
            | "hoped"
            | "feared"
            | "mused"
            | "wondered"
            | "testified"
            | "alleged"
            | "alleges"
            | "disclosed"
            | "revealed"
            | "reckoned"
            | "estimated"
            | "called"
            | "dubbed"
            | "branded"
            | "labelled"
            | "labeled"
            | "termed"
            | "blasted"
            | "slammed"
            | "praised"
            | "criticised"
            | "criticized"
    )
}

/// Cue verbs that usually introduce a name rather than speech when right before a quote
/// (`called "Londongrad"`); they only count as cues in `what X called "…"`.
pub(crate) fn is_naming_cue(w: &str) -> bool {
    matches!(
        w,
        "called" | "dubbed" | "branded" | "labelled" | "labeled" | "termed"
    )
}

/// Words that, right before a short quote, mark it as a name, a title or a term, not speech.
pub(crate) fn is_naming_word(w: &str) -> bool {
    matches!(
        w,
        "nicknamed"
            | "nickname"
            | "dubbed"
            | "called"
            | "call"
            | "calls"
            | "calling"
            | "so-called"
            | "titled"
            | "entitled"
            | "named"
            | "known"
            | "program"
            | "programme"
            | "show"
            | "book"
            | "film"
            | "movie"
            | "song"
            | "album"
            | "series"
            | "newspaper"
            | "magazine"
            | "operation"
            | "campaign"
            | "slogan"
            | "term"
            | "word"
            | "words"
            | "phrase"
            | "hashtag"
            | "motto"
            | "codenamed"
            | "code-named"
            | "brand"
            | "label"
            | "column"
            | "podcast"
            | "play"
            | "novel"
            | "exhibition"
            | "festival"
            | "initiative"
            | "project"
            | "plan"
            | "policy"
            | "doctrine"
            | "tagline"
            | "headline"
            | "banner"
            | "sign"
            | "signs"
    )
}

/// Determiners and possessives that open a noun phrase.
pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "your"
            | "another"
            | "one"
    )
}

/// Auxiliaries and verbs that follow a clause subject (`an "official request" had been sent`).
pub(crate) fn is_subject_verb(w: &str) -> bool {
    matches!(
        w,
        "had"
            | "has"
            | "have"
            | "was"
            | "were"
            | "is"
            | "are"
            | "would"
            | "will"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "did"
            | "does"
            | "do"
            | "being"
            | "been"
    )
}

/// Words that can sit between a subject and its cue verb ("Wallace has also said").
pub(crate) fn is_skippable_before_cue(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "also"
            | "previously"
            | "later"
            | "then"
            | "again"
            | "repeatedly"
            | "reportedly"
            | "publicly"
            | "recently"
            | "earlier"
            | "once"
            | "further"
            | "would"
            | "will"
            | "could"
            | "may"
            | "might"
            | "is"
            | "was"
            | "were"
            | "are"
            | "often"
            | "already"
            | "just"
            | "simply"
            | "bluntly"
            | "flatly"
            | "firmly"
            | "quickly"
            | "separately"
            | "privately"
            | "openly"
            | "calmly"
            | "angrily"
            | "frankly"
            | "subsequently"
            | "herself"
            | "himself"
            | "themselves"
            | "itself"
            | "not"
            | "never"
            | "always"
            | "today"
            | "yesterday"
            | "tonight"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "on"
            | "last"
            | "this"
            | "week"
            | "month"
            | "year"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
    )
}

/// Words that end an inverted subject ("said Patrushev, according to …", "said Smith on Monday").
pub(crate) fn ends_inverted_subject(w: &str) -> bool {
    matches!(
        w,
        "on" | "in"
            | "at"
            | "during"
            | "after"
            | "before"
            | "while"
            | "when"
            | "according"
            | "to"
            | "as"
            | "from"
            | "with"
            | "who"
            | "which"
            | "that"
            | "and"
            | "but"
            | "adding"
            | "saying"
            | "noting"
            | "citing"
            | "referring"
            | "speaking"
            | "late"
            | "earlier"
            | "later"
            | "today"
            | "yesterday"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "last"
            | "this"
            | "told"
    )
}

/// Role and group nouns that can head a speaker phrase ("Johnson's spokesman", "the coach").
pub(crate) fn is_role_noun(w: &str) -> bool {
    let w = w.strip_suffix('s').filter(|s| s.len() > 3).unwrap_or(w);
    matches!(
        w,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "spokesmen"
            | "spokeswomen"
            | "official"
            | "minister"
            | "secretary"
            | "president"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "director"
            | "chief"
            | "executive"
            | "ceo"
            | "head"
            | "leader"
            | "coach"
            | "manager"
            | "captain"
            | "adviser"
            | "advisor"
            | "aide"
            | "ambassador"
            | "envoy"
            | "diplomat"
            | "general"
            | "commander"
            | "officer"
            | "police"
            | "prosecutor"
            | "lawyer"
            | "attorney"
            | "judge"
            | "mayor"
            | "governor"
            | "senator"
            | "lawmaker"
            | "mp"
            | "councillor"
            | "councilor"
            | "source"
            | "analyst"
            | "expert"
            | "researcher"
            | "scientist"
            | "economist"
            | "author"
            | "statement"
            | "report"
            | "ministry"
            | "office"
            | "government"
            | "department"
            | "agency"
            | "team"
            | "club"
            | "company"
            | "firm"
            | "board"
            | "committee"
            | "council"
            | "union"
            | "witnesse"
            | "witness"
            | "resident"
            | "representative"
            | "negotiator"
            | "doctor"
            | "professor"
            | "teacher"
            | "student"
            | "fan"
            | "player"
            | "striker"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "owner"
            | "founder"
            | "investor"
            | "trader"
            | "banker"
            | "regulator"
            | "counterpart"
            | "premier"
            | "chancellor"
            | "alliance"
            | "bank"
            | "group"
            | "organisation"
            | "organization"
            | "court"
            | "military"
            | "army"
            | "administration"
            | "campaign"
            | "party"
            | "embassy"
            | "study"
            | "survey"
            | "paper"
            | "document"
            | "letter"
            | "boss"
            | "inspector"
            | "detective"
            | "sheriff"
            | "firefighter"
            | "paramedic"
            | "nurse"
            | "surgeon"
            | "engineer"
            | "worker"
            | "employee"
            | "activist"
            | "campaigner"
            | "protester"
            | "organiser"
            | "organizer"
            | "candidate"
            | "opponent"
            | "critic"
            | "supporter"
            | "observer"
            | "monitor"
            | "mediator"
            | "host"
            | "presenter"
            | "anchor"
            | "journalist"
            | "reporter"
            | "editor"
            | "publisher"
            | "producer"
            | "singer"
            | "actor"
            | "actress"
            | "artist"
            | "athlete"
            | "champion"
            | "referee"
            | "umpire"
            | "veteran"
            | "deputy"
            | "vice"
            | "staff"
            | "people"
            | "person"
            | "man"
            | "woman"
            | "parent"
            | "mother"
            | "father"
            | "pilot"
            | "soldier"
            | "commissioner"
            | "inspectorate"
            | "watchdog"
            | "citizen"
            | "voter"
            | "shopper"
            | "customer"
            | "patient"
            | "victim"
            | "survivor"
            | "neighbour"
            | "neighbor"
            | "landlord"
            | "tenant"
            | "farmer"
            | "dealer"
            | "broker"
            | "strategist"
            | "forecaster"
            | "insider"
            | "associate"
            | "colleague"
            | "friend"
            | "relative"
            | "son"
            | "daughter"
            | "wife"
            | "husband"
            | "brother"
            | "sister"
    )
}

/// Role nouns that refer back to the most recent organisation ("the company said").
pub(crate) fn is_org_anaphor(w: &str) -> bool {
    matches!(
        w,
        "company"
            | "firm"
            | "club"
            | "team"
            | "ministry"
            | "alliance"
            | "bank"
            | "group"
            | "agency"
            | "organisation"
            | "organization"
            | "union"
            | "party"
            | "council"
            | "committee"
            | "board"
            | "court"
            | "department"
            | "retailer"
            | "carrier"
            | "airline"
            | "automaker"
            | "carmaker"
            | "insurer"
            | "lender"
            | "broadcaster"
            | "network"
            | "university"
            | "school"
            | "hospital"
            | "charity"
            | "bloc"
            | "government"
            | "startup"
            | "regulator"
            | "watchdog"
            | "embassy"
            | "business"
    )
}

/// Gender carried by a title or role word ("Mrs", "spokeswoman", "father").
pub(crate) fn gender_of_word(w: &str) -> Option<Gender> {
    match w {
        "mrs" | "ms" | "miss" | "madam" | "madame" | "dame" | "lady" | "queen" | "princess"
        | "spokeswoman" | "chairwoman" | "businesswoman" | "congresswoman" | "actress"
        | "mother" | "wife" | "daughter" | "sister" | "grandmother" | "aunt" | "woman" | "girl"
        | "her" | "she" | "herself" | "mum" | "mom" | "widow" | "duchess" => Some(Gender::Female),
        "mr" | "sir" | "lord" | "king" | "prince" | "spokesman" | "chairman" | "businessman"
        | "congressman" | "actor" | "father" | "husband" | "son" | "brother" | "grandfather"
        | "uncle" | "man" | "boy" | "him" | "he" | "himself" | "his" | "dad" | "widower"
        | "duke" => Some(Gender::Male),
        _ => None,
    }
}

/// Gender of a common given name (lowercase), across the names frequent in international news.
pub(crate) fn gender_of_given_name(w: &str) -> Option<Gender> {
    match w {
        "mary" | "elizabeth" | "liz" | "anna" | "anne" | "ann" | "maria" | "marie" | "sarah"
        | "sara" | "emma" | "olivia" | "sophie" | "sophia" | "laura" | "julia" | "angela"
        | "ursula" | "kamala" | "hillary" | "nancy" | "theresa" | "margaret" | "jacinda"
        | "kate" | "katherine" | "catherine" | "helen" | "jane" | "jennifer" | "jessica"
        | "karen" | "linda" | "lisa" | "susan" | "patricia" | "barbara" | "michelle" | "emily"
        | "hannah" | "rachel" | "rebecca" | "victoria" | "alice" | "claire" | "christine"
        | "christina" | "annalena" | "giorgia" | "marine" | "priti" | "nicola" | "suella"
        | "natalia" | "olga" | "irina" | "tatiana" | "svetlana" | "yulia" | "elena"
        | "ekaterina" | "iryna" | "oksana" | "kaja" | "mette" | "sanna" | "roberta"
        | "kristalina" | "janet" | "gina" | "amy" | "megan" | "lauren" | "ashley" | "amanda"
        | "stephanie" | "nicole" | "serena" | "venus" | "simone" | "naomi" | "fatima" | "aisha"
        | "leila" | "priya" | "sonia" | "indira" | "aung" | "yuriko" | "tsai" | "carrie"
        | "beth" | "lucy" | "grace" | "chloe" | "charlotte" | "amelia" | "isabella" | "mia"
        | "ella" | "zoe" | "ruth" | "judith" | "diane" | "diana" | "joanna" | "kathleen"
        | "donna" | "heather" | "melissa" | "deborah" | "carol" | "sandra" | "sharon"
        | "cynthia" | "valerie" | "yvette" | "harriet" | "penny" | "andrea" | "monica"
        | "veronica" => Some(Gender::Female),
        "john" | "james" | "michael" | "david" | "robert" | "william" | "richard" | "joseph"
        | "joe" | "thomas" | "charles" | "daniel" | "matthew" | "mark" | "paul" | "peter"
        | "george" | "steven" | "stephen" | "andrew" | "kevin" | "brian" | "edward" | "ben"
        | "boris" | "vladimir" | "sergey" | "sergei" | "dmitry" | "dmitri" | "nikolai" | "jens"
        | "anders" | "emmanuel" | "olaf" | "antony" | "anthony" | "donald" | "barack" | "xi"
        | "narendra" | "recep" | "volodymyr" | "oleksii" | "oleksiy" | "denys" | "mateusz"
        | "andrzej" | "viktor" | "alexei" | "alexey" | "alexander" | "ivan" | "yuri"
        | "mikhail" | "igor" | "oleg" | "andriy" | "petro" | "arseniy" | "erik" | "jurgen"
        | "pep" | "mikel" | "jose" | "carlo" | "antonio" | "luis" | "carlos" | "juan" | "pedro"
        | "miguel" | "francois" | "jean" | "pierre" | "friedrich" | "karl" | "hans" | "klaus"
        | "wolfgang" | "helmut" | "gerhard" | "frank" | "jack" | "harry" | "oliver" | "jacob"
        | "noah" | "liam" | "ethan" | "mohammed" | "muhammad" | "ahmed" | "ali" | "omar"
        | "hassan" | "ibrahim" | "benjamin" | "bibi" | "naftali" | "yair" | "rishi" | "keir"
        | "nigel" | "jeremy" | "gordon" | "tony" | "tom" | "chris" | "christopher" | "jim"
        | "bill" | "bob" | "mike" | "dave" | "steve" | "tim" | "timothy" | "greg" | "gary"
        | "larry" | "scott" | "eric" | "jeff" | "jeffrey" | "elon" | "warren" | "jerome"
        | "lloyd" | "ron" | "ronald" | "kenneth" | "ken" | "justin" | "jacinto" | "rodrigo"
        | "ferdinand" | "shinzo" | "fumio" | "moon" | "kim" | "jair" | "lula" | "javier"
        | "gustavo" | "andres" | "sebastian" | "lewis" | "max" | "lionel" | "cristiano"
        | "kylian" | "neymar" | "roger" | "rafael" | "novak" | "andy" | "tiger" | "lebron"
        | "kobe" | "hakeem" | "chuck" | "mitch" | "ted" | "rand" | "marco" | "ryan" | "adam"
        | "aaron" | "patrick" | "sean" | "shane" | "simon" | "martin" | "hugh" | "ian" | "alan"
        | "neil" | "graham" | "philip" | "phil" | "sam" | "samuel" | "nick" | "nicholas"
        | "josh" | "joshua" | "luke" | "henry" | "arthur" | "alex" | "ramzan" | "yevgeny"
        | "sergiy" | "vitali" | "vitaliy" | "dmytro" | "kyrylo" | "valery" | "valeriy"
        | "herman" | "volker" | "josep" | "abdul" => Some(Gender::Male),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_classes_are_disjoint_where_it_matters() {
        assert!(is_cue("said") && is_cue("told") && is_cue("wrote"));
        assert!(
            !is_cue("reported"),
            "outlets relay quotes, they do not say them"
        );
        assert!(is_naming_cue("called") && !is_naming_cue("said"));
        assert!(is_role_noun("spokesman") && is_role_noun("officials"));
        assert!(!is_role_noun("troops"));
    }

    #[test]
    fn gender_hints() {
        assert_eq!(gender_of_given_name("kamala"), Some(Gender::Female));
        assert_eq!(gender_of_given_name("erik"), Some(Gender::Male));
        assert_eq!(gender_of_given_name("zzz"), None);
        assert_eq!(gender_of_word("spokeswoman"), Some(Gender::Female));
        assert_eq!(pronoun("she"), Some(Pronoun::Female));
    }
}
