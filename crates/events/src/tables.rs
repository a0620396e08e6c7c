//! The actor tables of the lexicon (`storyline_lexicon::actor_tables`), parsed once into hash maps: country codes,
//! capitals and institutions, international bodies, demonyms, sector nouns and offices.

use std::collections::HashMap;
use std::sync::LazyLock;

use storyline_lexicon::{Lexicon, PlaceKind};

/// Every actor table, parsed once per process.
#[derive(Debug)]
pub(crate) struct Tables {
    /// Canonical country name → ISO alpha-3.
    countries: HashMap<&'static str, &'static str>,
    /// Name as written → actor code (aliases, capitals, institutions, IGOs, movements).
    actors: HashMap<&'static str, &'static str>,
    /// Extra demonyms → ISO alpha-3.
    demonyms: HashMap<&'static str, &'static str>,
    /// Lower-case head noun or title → sector.
    sectors: HashMap<&'static str, &'static str>,
    /// ISO alpha-3 → the first canonical country name with that code.
    country_names: HashMap<&'static str, &'static str>,
    /// Full name of an office holder → actor code.
    leaders: HashMap<&'static str, &'static str>,
    /// Surname of an office holder → actor code, when no two holders share it with
    /// different codes.
    surnames: HashMap<&'static str, &'static str>,
    /// First word of a multi-word actor name → its largest word count.
    multi: HashMap<&'static str, usize>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(Tables::build);

/// Data rows of a TSV file: non-empty, non-comment lines split on tabs.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Two-column rows as a map (first row wins).
fn pairs(data: &'static str) -> HashMap<&'static str, &'static str> {
    let mut map = HashMap::new();
    for r in rows(data) {
        if let [k, v, ..] = r[..] {
            map.entry(k).or_insert(v);
        }
    }
    map
}

impl Tables {
    /// The shared tables.
    pub(crate) fn get() -> &'static Tables {
        &TABLES
    }

    fn build() -> Tables {
        let data = storyline_lexicon::actor_tables();
        let actors = pairs(data.actors);
        let leaders = pairs(data.leaders);
        let mut surnames: HashMap<&str, &str> = HashMap::new();
        let mut clash = Vec::new();
        for (name, code) in &leaders {
            let Some(last) = name
                .rsplit(' ')
                .next()
                .filter(|l| l.len() > 2 && *l != *name)
            else {
                continue;
            };
            match surnames.get(last) {
                Some(c) if c != code => clash.push(last),
                _ => {
                    surnames.insert(last, code);
                }
            }
        }
        for c in clash {
            surnames.remove(c);
        }
        let mut multi: HashMap<&str, usize> = HashMap::new();
        for name in actors.keys() {
            let n = name.split(' ').count();
            if let (true, Some(first)) = (n > 1, name.split(' ').next()) {
                let e = multi.entry(first).or_insert(0);
                *e = (*e).max(n);
            }
        }
        let mut country_names = HashMap::new();
        for r in rows(data.countries) {
            if let [name, code, ..] = r[..] {
                country_names.entry(code).or_insert(name);
            }
        }
        Tables {
            country_names,
            countries: pairs(data.countries),
            actors,
            demonyms: pairs(data.demonyms),
            sectors: pairs(data.sectors),
            leaders,
            surnames,
            multi,
        }
    }

    /// ISO alpha-3 of a canonical country name ("United Kingdom" → "GBR").
    pub(crate) fn country_code(&self, canonical: &str) -> Option<&'static str> {
        self.countries.get(canonical).copied()
    }

    /// The canonical name of the country with ISO alpha-3 `code` ("GBR" → "United Kingdom").
    pub(crate) fn country_name(&self, code: &str) -> Option<&'static str> {
        self.country_names.get(code).copied()
    }

    /// The actor code of a name as written: a curated alias, capital, institution or body,
    /// else a country the gazetteer knows ("Kremlin" → "RUSGOV", "Britain" → "GBR").
    pub(crate) fn name_code(&self, name: &str, lex: &Lexicon) -> Option<&'static str> {
        if let Some(c) = self.actors.get(name) {
            return Some(c);
        }
        let place = lex.place(name)?;
        match place.kind {
            PlaceKind::Country => self.country_code(place.canonical),
            // Capitals stand for their government; other cities are not actors by themselves.
            _ => self.actors.get(place.canonical).copied(),
        }
    }

    /// ISO alpha-3 of a demonym or nationality word ("Russian" → "RUS", "Fijian" → "FJI").
    pub(crate) fn demonym_code(&self, word: &str, lex: &Lexicon) -> Option<&'static str> {
        if let Some(c) = self.demonyms.get(word) {
            return Some(c);
        }
        lex.country_of_demonym(word)
            .and_then(|c| self.country_code(c))
    }

    /// The PLOVER sector of a lower-case head noun or title ("troops" → "MIL").
    pub(crate) fn sector(&self, lower: &str) -> Option<&'static str> {
        self.sectors.get(lower).copied()
    }

    /// The actor code of a named office holder, by full name or unambiguous surname.
    pub(crate) fn leader(&self, name: &str) -> Option<&'static str> {
        self.leaders
            .get(name)
            .or_else(|| self.surnames.get(name))
            .copied()
    }

    /// The largest word count of a curated multi-word actor name starting with `first`.
    pub(crate) fn max_words_from(&self, first: &str) -> usize {
        self.multi.get(first).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_countries_capitals_and_bodies() {
        let t = Tables::get();
        let lex = Lexicon::get();
        assert_eq!(t.name_code("Ukraine", lex), Some("UKR"));
        assert_eq!(t.name_code("Britain", lex), Some("GBR"));
        assert_eq!(t.name_code("Moscow", lex), Some("RUSGOV"));
        assert_eq!(t.name_code("Kremlin", lex), Some("RUSGOV"));
        assert_eq!(t.name_code("NATO", lex), Some("IGONATO"));
        assert_eq!(t.name_code("Springfield", lex), None);
        assert_eq!(t.demonym_code("Russian", lex), Some("RUS"));
        assert_eq!(t.demonym_code("Fijian", lex), Some("FJI"));
        assert_eq!(t.sector("troops"), Some("MIL"));
        assert_eq!(t.leader("Angela Merkel"), Some("DEUGOV"));
        assert_eq!(t.leader("Merkel"), Some("DEUGOV"));
        assert!(t.max_words_from("White") >= 2);
    }

    #[test]
    fn every_lexicon_country_has_a_code() {
        let t = Tables::get();
        let lex = Lexicon::get();
        for name in [
            "Ivory Coast",
            "North Korea",
            "Czechia",
            "Soviet Union",
            "Vietnam",
        ] {
            assert!(t.name_code(name, lex).is_some(), "{name}");
        }
    }
}
