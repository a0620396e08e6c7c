//! Name keys that survive transliteration and spelling variants across outlets.
//!
//! Two mechanisms: a *skeleton* that folds the regular transliteration differences of names
//! (Sergey/Sergei, Zelensky/Zelenskyy, Oleksiy/Oleksii, Wladimir/Vladimir) and a small
//! gazetteer of *exonyms and official-name variants* that no letter rule can fold
//! (Kiev/Kyiv, Britain/United Kingdom, U.S./United States).

use std::collections::HashMap;
use std::sync::OnceLock;

use storyline_lexicon::{is_entity_word, is_name_title, name_variant_groups, EntityClass};

/// The canonical name of a gazetteer variant (`"Britain"` → `"United Kingdom"`), if listed.
pub fn variant_canonical(name: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = HashMap::new();
        for row in name_variant_groups() {
            if let Some(first) = row.first() {
                for v in row.iter() {
                    t.insert(skeleton(v), *first);
                }
            }
        }
        t
    });
    table.get(&skeleton(name)).copied()
}

/// Folds a name to the key that transliteration variants share: lowercase ASCII letters and
/// digits only, accents stripped, `yy`/`y`/`j`-after-vowel as `i`, `w` as `v`, `ph` as `f`,
/// `ck` as `k`, doubled letters single. Spaces separate words.
pub fn skeleton(name: &str) -> String {
    let mut raw = String::with_capacity(name.len());
    for c in name.chars() {
        match fold_char(c) {
            Some(f) => raw.push(f),
            None if c == '\'' || c == '’' || c == '.' => {}
            None => raw.push(' '),
        }
    }
    let raw = raw
        .replace("ph", "f")
        .replace("ck", "k")
        .replace("tch", "ch")
        .replace("sch", "sh")
        .replace('w', "v");
    let mut out = String::with_capacity(raw.len());
    let mut prev = ' ';
    for c in raw.chars() {
        let c = match c {
            'y' => 'i',
            'j' if matches!(prev, 'a' | 'e' | 'i' | 'o' | 'u') => 'i',
            c => c,
        };
        if c == ' ' && (prev == ' ' || out.is_empty()) {
            continue;
        }
        if c == prev && c != ' ' {
            continue;
        }
        out.push(c);
        prev = c;
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Lowercase ASCII for letters with common accents; `None` for separators.
fn fold_char(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Å' | 'ą' => 'a',
        'ç' | 'č' | 'ć' | 'Č' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ě' | 'ę' | 'É' | 'È' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'İ' | 'Í' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ö' | 'Ó' | 'Ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'Ü' | 'Ú' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' | 'ş' | 'Š' | 'Ş' => 's',
        'ž' | 'ź' | 'ż' | 'Ž' => 'z',
        'ř' => 'r',
        'ł' | 'Ł' => 'l',
        'ğ' => 'g',
        'ß' => 's',
        c if c.is_alphanumeric() => return c.to_lowercase().next(),
        _ => return None,
    };
    Some(folded)
}

/// A person's name split for comparison: skeletons of the first given name and the surname.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    /// Skeleton of the first given name, `None` for a surname alone ("Lavrov").
    pub given: Option<String>,
    /// Skeleton of the last word.
    pub surname: String,
}

impl PersonName {
    /// Splits a display name, dropping leading titles ("President Joe Biden" → joe / biden)
    /// and possessives; `None` when nothing name-like is left.
    pub fn parse(name: &str) -> Option<PersonName> {
        let skel = skeleton(name.trim_end_matches("'s").trim_end_matches("’s"));
        let mut words: Vec<&str> = skel.split(' ').filter(|w| !w.is_empty()).collect();
        while words.len() > 1 && words.first().is_some_and(|w| is_name_title(w)) {
            words.remove(0);
        }
        // Generational suffixes are not surnames.
        if words.len() > 1
            && words
                .last()
                .is_some_and(|w| is_entity_word(EntityClass::GenerationalSuffix, w))
        {
            words.pop();
        }
        let surname = words.last()?.to_string();
        let given = (words.len() > 1)
            .then(|| words.first().map(|w| w.to_string()))
            .flatten();
        Some(PersonName { given, surname })
    }
}

/// Whether `a` and `b` are the same or differ by one insertion, deletion or substitution.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short.get(prefix + 1..) == long.get(prefix + 1..)
    } else {
        short.get(prefix..) == long.get(prefix + 1..)
    }
}

/// The keys under which a surname is blocked: itself and, when long enough for a one-letter
/// slip to be a variant rather than another name, each one-letter deletion (so that
/// Pesko and Peskov meet in one block without comparing every pair of surnames).
pub fn surname_blocks(surname: &str) -> Vec<String> {
    let mut keys = vec![surname.to_string()];
    if surname.len() >= 5 && surname.is_ascii() {
        for i in 0..surname.len() {
            let mut k = String::with_capacity(surname.len() - 1);
            k.push_str(surname.get(..i).unwrap_or(""));
            k.push_str(surname.get(i + 1..).unwrap_or(""));
            keys.push(k);
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// The key of an organisation or place: its gazetteer canonical name, else its skeleton
/// without a leading "the".
pub fn place_org_key(name: &str) -> String {
    if let Some(c) = variant_canonical(name) {
        return skeleton(c);
    }
    let s = skeleton(name);
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeleton_folds_transliterations() {
        assert_eq!(skeleton("Sergey Lavrov"), skeleton("Sergei Lavrov"));
        assert_eq!(
            skeleton("Volodymyr Zelensky"),
            skeleton("Volodymyr Zelenskyy")
        );
        assert_eq!(skeleton("Oleksiy Reznikov"), skeleton("Oleksii Reznikov"));
        assert_eq!(skeleton("Wladimir Putin"), skeleton("Vladimir Putin"));
        assert_eq!(skeleton("Müller"), skeleton("Muller"));
        assert_ne!(skeleton("Maria Sharapova"), skeleton("Mario Sharapova"));
    }

    #[test]
    fn variants_map_to_one_name() {
        assert_eq!(variant_canonical("Britain"), Some("United Kingdom"));
        assert_eq!(variant_canonical("U.S."), Some("United States"));
        assert_eq!(variant_canonical("Kiev"), Some("Kyiv"));
        assert_eq!(place_org_key("the Kremlin"), "kremlin");
        assert_eq!(place_org_key("UK"), place_org_key("United Kingdom"));
        assert_eq!(variant_canonical("Manchester"), None);
    }

    #[test]
    fn person_names_split() {
        let p = PersonName::parse("President Joe Biden").expect("name");
        assert_eq!(
            (p.given.as_deref(), p.surname.as_str()),
            (Some("joe"), "biden")
        );
        let q = PersonName::parse("Lavrov").expect("name");
        assert_eq!((q.given, q.surname.as_str()), (None, "lavrov"));
        let r = PersonName::parse("Martin Luther King Jr.").expect("name");
        assert_eq!(r.surname, "king");
        assert!(PersonName::parse("...").is_none());
    }

    #[test]
    fn one_edit_and_blocks() {
        assert!(within_one_edit("pesko", "peskov"));
        assert!(within_one_edit("boris", "borish"));
        assert!(within_one_edit("smith", "smyth"));
        assert!(!within_one_edit("smith", "smythe"));
        let a = surname_blocks("pesko");
        let b = surname_blocks("peskov");
        assert!(a.iter().any(|k| b.contains(k)));
        assert_eq!(surname_blocks("li"), vec!["li".to_string()]);
    }
}
