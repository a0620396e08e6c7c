//! Demonyms and the countries or blocs they name: "20,000 Russian troops" is about Russia.
//!
//! A small closed table (the lexicon crate may later publish a fuller one); words are
//! lowercase, plural forms ("Russians") are handled by the caller stripping a final "s".

/// Country (or bloc) named by a lowercase demonym adjective or noun.
pub(crate) fn country_of(w: &str) -> Option<&'static str> {
    let w = w.trim_end_matches("'s").trim_end_matches("’s");
    let found = lookup(w);
    if found.is_some() {
        return found;
    }
    w.strip_suffix('s').and_then(lookup)
}

/// Exact lookup.
fn lookup(w: &str) -> Option<&'static str> {
    DEMONYMS
        .binary_search_by(|&(d, _)| d.cmp(w))
        .ok()
        .and_then(|i| DEMONYMS.get(i))
        .map(|&(_, c)| c)
}

/// Sorted by demonym for binary search.
const DEMONYMS: &[(&str, &str)] = &[
    ("afghan", "Afghanistan"),
    ("albanian", "Albania"),
    ("algerian", "Algeria"),
    ("american", "United States"),
    ("argentine", "Argentina"),
    ("argentinian", "Argentina"),
    ("armenian", "Armenia"),
    ("australian", "Australia"),
    ("austrian", "Austria"),
    ("azerbaijani", "Azerbaijan"),
    ("bangladeshi", "Bangladesh"),
    ("belarusian", "Belarus"),
    ("belgian", "Belgium"),
    ("bolivian", "Bolivia"),
    ("bosnian", "Bosnia and Herzegovina"),
    ("brazilian", "Brazil"),
    ("british", "United Kingdom"),
    ("bulgarian", "Bulgaria"),
    ("burmese", "Myanmar"),
    ("cambodian", "Cambodia"),
    ("canadian", "Canada"),
    ("chilean", "Chile"),
    ("chinese", "China"),
    ("colombian", "Colombia"),
    ("congolese", "Congo"),
    ("croatian", "Croatia"),
    ("cuban", "Cuba"),
    ("cypriot", "Cyprus"),
    ("czech", "Czech Republic"),
    ("danish", "Denmark"),
    ("dutch", "Netherlands"),
    ("ecuadorian", "Ecuador"),
    ("egyptian", "Egypt"),
    ("emirati", "United Arab Emirates"),
    ("english", "England"),
    ("eritrean", "Eritrea"),
    ("estonian", "Estonia"),
    ("ethiopian", "Ethiopia"),
    ("european", "Europe"),
    ("filipino", "Philippines"),
    ("finnish", "Finland"),
    ("french", "France"),
    ("georgian", "Georgia"),
    ("german", "Germany"),
    ("ghanaian", "Ghana"),
    ("greek", "Greece"),
    ("guatemalan", "Guatemala"),
    ("haitian", "Haiti"),
    ("honduran", "Honduras"),
    ("hungarian", "Hungary"),
    ("icelandic", "Iceland"),
    ("indian", "India"),
    ("indonesian", "Indonesia"),
    ("iranian", "Iran"),
    ("iraqi", "Iraq"),
    ("irish", "Ireland"),
    ("israeli", "Israel"),
    ("italian", "Italy"),
    ("ivorian", "Ivory Coast"),
    ("jamaican", "Jamaica"),
    ("japanese", "Japan"),
    ("jordanian", "Jordan"),
    ("kazakh", "Kazakhstan"),
    ("kenyan", "Kenya"),
    ("korean", "Korea"),
    ("kosovar", "Kosovo"),
    ("kuwaiti", "Kuwait"),
    ("kyrgyz", "Kyrgyzstan"),
    ("latvian", "Latvia"),
    ("lebanese", "Lebanon"),
    ("libyan", "Libya"),
    ("lithuanian", "Lithuania"),
    ("malaysian", "Malaysia"),
    ("maltese", "Malta"),
    ("mexican", "Mexico"),
    ("moldovan", "Moldova"),
    ("mongolian", "Mongolia"),
    ("montenegrin", "Montenegro"),
    ("moroccan", "Morocco"),
    ("nepalese", "Nepal"),
    ("nigerian", "Nigeria"),
    ("norwegian", "Norway"),
    ("pakistani", "Pakistan"),
    ("palestinian", "Palestine"),
    ("peruvian", "Peru"),
    ("polish", "Poland"),
    ("portuguese", "Portugal"),
    ("qatari", "Qatar"),
    ("romanian", "Romania"),
    ("russian", "Russia"),
    ("rwandan", "Rwanda"),
    ("saudi", "Saudi Arabia"),
    ("scottish", "Scotland"),
    ("senegalese", "Senegal"),
    ("serbian", "Serbia"),
    ("slovak", "Slovakia"),
    ("slovenian", "Slovenia"),
    ("somali", "Somalia"),
    ("soviet", "Soviet Union"),
    ("spanish", "Spain"),
    ("sri lankan", "Sri Lanka"),
    ("sudanese", "Sudan"),
    ("swedish", "Sweden"),
    ("swiss", "Switzerland"),
    ("syrian", "Syria"),
    ("taiwanese", "Taiwan"),
    ("tajik", "Tajikistan"),
    ("thai", "Thailand"),
    ("tunisian", "Tunisia"),
    ("turkish", "Turkey"),
    ("turkmen", "Turkmenistan"),
    ("ugandan", "Uganda"),
    ("ukrainian", "Ukraine"),
    ("uruguayan", "Uruguay"),
    ("uzbek", "Uzbekistan"),
    ("venezuelan", "Venezuela"),
    ("vietnamese", "Vietnam"),
    ("welsh", "Wales"),
    ("yemeni", "Yemen"),
    ("zambian", "Zambia"),
    ("zimbabwean", "Zimbabwe"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(DEMONYMS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn adjectives_and_plurals() {
        assert_eq!(country_of("russian"), Some("Russia"));
        assert_eq!(country_of("americans"), Some("United States"));
        assert_eq!(country_of("ukrainians"), Some("Ukraine"));
        assert_eq!(country_of("troops"), None);
    }
}
