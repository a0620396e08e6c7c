//! Noun and verb classes for reading what a number counts: irregular plurals, concrete
//! countable things, currencies, measures, collectives, place words, and the verbs that sit
//! between a measured noun and its figure ("revenue rose 3.5%").

/// Plural or mass nouns that do not end in "s" but count people and things.
pub(crate) fn is_irregular_plural(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "men"
            | "women"
            | "children"
            | "police"
            | "staff"
            | "personnel"
            | "aircraft"
            | "crew"
            | "cattle"
            | "livestock"
            | "sheep"
            | "deer"
            | "fish"
            | "infantry"
            | "militia"
            | "dead"
            | "injured"
            | "wounded"
            | "homeless"
            | "unemployed"
            | "elderly"
            | "faithful"
            | "spacecraft"
            | "offspring"
            | "feet"
            | "teeth"
            | "mice"
            | "geese"
            | "youth"
    )
}

/// Nouns of concrete, countable things and people: small numbers ("two", "7") only count
/// these, since "two key provisions" or "three reasons" are rhetoric rather than quantities.
pub(crate) fn is_concrete(w: &str) -> bool {
    let w = singular(w);
    is_irregular_plural(w)
        || matches!(
            w,
            "person"
                | "man"
                | "woman"
                | "child"
                | "kid"
                | "baby"
                | "boy"
                | "girl"
                | "adult"
                | "teenager"
                | "soldier"
                | "troop"
                | "officer"
                | "policeman"
                | "civilian"
                | "resident"
                | "worker"
                | "employee"
                | "passenger"
                | "patient"
                | "student"
                | "pupil"
                | "teacher"
                | "doctor"
                | "nurse"
                | "player"
                // Sport: "managed just six shots", "made eight saves" are counts of events.
                | "shot"
                | "goal"
                | "save"
                | "point"
                | "assist"
                | "try"
                | "tries"
                | "wicket"
                | "run"
                | "corner"
                | "foul"
                | "medal"
                | "title"
                | "trophy"
                | "touchdown"
                | "rebound"
                | "lap"
                | "card"
                | "win"
                | "victory"
                | "game"
                | "match"
                | "race"
                | "defeat"
                | "fan"
                | "death"
                | "casualty"
                | "victim"
                | "refugee"
                | "migrant"
                | "prisoner"
                | "hostage"
                | "suspect"
                | "journalist"
                | "diplomat"
                | "member"
                | "tank"
                | "jet"
                | "plane"
                | "ship"
                | "vessel"
                | "boat"
                | "submarine"
                | "missile"
                | "rocket"
                | "drone"
                | "helicopter"
                | "vehicle"
                | "car"
                | "bus"
                | "truck"
                | "lorry"
                | "train"
                | "house"
                | "home"
                | "building"
                | "school"
                | "hospital"
                | "village"
                | "town"
                | "city"
                | "bomb"
                | "shell"
                | "gun"
                | "weapon"
                | "battalion"
                | "brigade"
                | "division"
                | "regiment"
                | "warship"
                | "fighter"
                | "bomber"
                | "seat"
                | "vote"
                | "job"
                | "case"
                | "store"
                | "shop"
                | "branch"
                | "factory"
                | "plant"
                | "mine"
                | "farm"
                | "animal"
                | "dog"
                | "horse"
                | "bird"
                | "tree"
                | "tonne"
                | "ton"
                | "barrel"
                | "site"
                | "base"
                | "company"
                | "firm"
                | "bank"
                | "candidate"
                | "athlete"
                | "runner"
                | "survivor"
                | "fatality"
                | "arrest"
                | "flight"
                | "country"
                | "nation"
                | "state"
                | "ally"
        )
}

/// Nouns for people, whose small counts as a sentence's subject identify rather than count.
pub(crate) fn is_person_noun(w: &str) -> bool {
    matches!(
        singular(w),
        "people"
            | "person"
            | "men"
            | "man"
            | "women"
            | "woman"
            | "children"
            | "child"
            | "boy"
            | "girl"
            | "teenager"
            | "suspect"
            | "brother"
            | "sister"
            | "friend"
            | "officer"
            | "student"
            | "player"
            | "adult"
            | "youth"
    )
}

/// A rough singular for list lookups ("casualties" → "casualty", "troops" → "troop").
pub(crate) fn singular(w: &str) -> &str {
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() > 2 {
            return match w {
                "casualties" => "casualty",
                "fatalities" => "fatality",
                "cities" => "city",
                "companies" => "company",
                "countries" => "country",
                "allies" => "ally",
                "babies" => "baby",
                _ => w,
            };
        }
    }
    if let Some(stem) = w.strip_suffix("es") {
        if stem.ends_with("ss") || stem.ends_with("sh") || stem.ends_with("ch") || stem == "bus" {
            return stem;
        }
    }
    match w.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && stem.len() > 1 => stem,
        _ => w,
    }
}

/// Whether a lowercase word looks like a regular plural noun ("troops", "jobs").
pub(crate) fn looks_plural(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        && !w.ends_with("’s")
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        || is_irregular_plural(w)
}

/// Nouns that never make a counted noun phrase after a number.
pub(crate) fn is_non_count(w: &str) -> bool {
    matches!(
        w,
        "ones" | "others" | "times" | "fold" | "odds" | "percent" | "cent" | "whereas"
    )
}

/// Currency words after a number ("5 billion dollars"), with their ISO codes.
pub(crate) fn currency_word(w: &str) -> Option<&'static str> {
    match w {
        "dollar" | "dollars" | "usd" => Some("USD"),
        "euro" | "euros" | "eur" => Some("EUR"),
        "pound" | "pounds" | "gbp" | "sterling" => Some("GBP"),
        "rouble" | "roubles" | "ruble" | "rubles" | "rub" => Some("RUB"),
        "yen" | "jpy" => Some("JPY"),
        "yuan" | "renminbi" | "cny" => Some("CNY"),
        "rupee" | "rupees" | "inr" => Some("INR"),
        "hryvnia" | "hryvnias" | "hryvnas" | "uah" => Some("UAH"),
        "franc" | "francs" | "chf" => Some("CHF"),
        "won" | "krw" => Some("KRW"),
        _ => None,
    }
}

/// Units of measure after a number ("300 tonnes of grain").
pub(crate) fn is_measure(w: &str) -> bool {
    matches!(
        w,
        "km" | "kilometres"
            | "kilometers"
            | "miles"
            | "mile"
            | "metres"
            | "meters"
            | "feet"
            | "tonnes"
            | "tons"
            | "kilograms"
            | "kg"
            | "litres"
            | "liters"
            | "gallons"
            | "barrels"
            | "acres"
            | "hectares"
            | "megawatts"
            | "gigawatts"
            | "mw"
            | "gw"
            | "mph"
            | "degrees"
            | "square"
            | "cubic"
    )
}

/// Collective nouns that name what a bare number counts in "a crowd of 52,000".
pub(crate) fn is_collective(w: &str) -> bool {
    matches!(
        w,
        "crowd"
            | "total"
            | "population"
            | "force"
            | "army"
            | "workforce"
            | "sample"
            | "audience"
            | "attendance"
            | "toll"
            | "fleet"
            | "contingent"
            | "garrison"
            | "turnout"
            | "membership"
            | "majority"
            | "capacity"
            | "circulation"
            | "readership"
            | "herd"
            | "flock"
            | "shipment"
            | "tally"
            | "buildup"
            | "build-up"
            | "deployment"
            | "staff"
            | "budget"
            | "deficit"
            | "surplus"
            | "debt"
    )
}

/// Words that make a phrase a place ("near the border", "in the region").
pub(crate) fn is_place_word(w: &str) -> bool {
    matches!(
        singular(w),
        "border"
            | "frontier"
            | "region"
            | "area"
            | "city"
            | "town"
            | "village"
            | "coast"
            | "country"
            | "capital"
            | "province"
            | "district"
            | "territory"
            | "zone"
            | "sea"
            | "island"
            | "peninsula"
            | "front"
            | "base"
            | "camp"
            | "county"
            | "neighbourhood"
            | "neighborhood"
            | "port"
            | "airport"
            | "stadium"
            | "street"
            | "square"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_singulars() {
        assert!(looks_plural("troops") && looks_plural("men") && looks_plural("peace-keepers"));
        assert!(!looks_plural("census") && !looks_plural("crisis") && !looks_plural("ukraine's"));
        assert_eq!(singular("casualties"), "casualty");
        assert_eq!(singular("buses"), "bus");
        assert_eq!(singular("tanks"), "tank");
    }

    #[test]
    fn classes() {
        assert!(is_concrete("soldiers") && is_concrete("ambulances") == is_concrete("ambulance"));
        assert!(!is_concrete("provisions") && !is_concrete("reasons"));
        assert_eq!(currency_word("roubles"), Some("RUB"));
        assert!(is_collective("crowd") && is_place_word("borders") && is_measure("tonnes"));
    }
}
