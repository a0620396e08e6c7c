//! Parsing of the shipped data files: one entry a line, `#` starts a comment line, tab-separated
//! columns. Malformed lines are skipped rather than fatal: the data is ours and tested.

/// Non-comment, non-empty lines of a data file, each split into its tab-separated columns.
pub(crate) fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// The first column of each row: for one-word-a-line lists.
pub(crate) fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    rows(data).filter_map(|r| r.first().copied())
}

/// Calls `f` with an ASCII-lower-cased copy of `word`, on the stack when it is short, so that
/// case-insensitive lookups do not allocate on the hot path.
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    let bytes = word.as_bytes();
    if bytes.len() <= buf.len() {
        let dst = &mut buf[..bytes.len()];
        dst.copy_from_slice(bytes);
        dst.make_ascii_lowercase();
        // Lower-casing ASCII bytes keeps UTF-8 valid, so this cannot fail.
        if let Ok(s) = std::str::from_utf8(dst) {
            return f(s);
        }
    }
    f(&word.to_lowercase())
}

/// `word` with its first letter in capitals and the rest in lower case ("WALES" → "Wales",
/// "ST" → "St"): how the gazetteers and the abbreviation lists spell a word written in capitals.
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

/// `name` lower-cased with the accents of Latin letters dropped ("São Paulo" → "sao paulo",
/// "PORTO ALEGRE" → "porto alegre"): the key of case- and accent-blind lookups.
pub(crate) fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        out.push(match lower {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ğ' | 'ģ' => 'g',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
            'ķ' => 'k',
            'ĺ' | 'ļ' | 'ľ' | 'ł' => 'l',
            'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ŕ' | 'ř' => 'r',
            'ś' | 'ş' | 'š' | 'ș' => 's',
            'ţ' | 'ť' | 'ț' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            '’' => '\'',
            other => other,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_and_blank_lines() {
        let r: Vec<_> = rows("# head\n\nA\tb\nC\n").collect();
        assert_eq!(r, vec![vec!["A", "b"], vec!["C"]]);
    }

    #[test]
    fn capitalises_words_in_capitals() {
        assert_eq!(capitalised("WALES"), "Wales");
        assert_eq!(capitalised("ST"), "St");
        assert_eq!(capitalised("ÉVORA"), "Évora");
        assert_eq!(capitalised(""), "");
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("São Paulo"), "sao paulo");
        assert_eq!(fold("PORTO ALEGRE"), "porto alegre");
        assert_eq!(fold("Haryāna"), "haryana");
    }

    #[test]
    fn lowers_without_losing_non_ascii() {
        assert_eq!(with_lower("Zoë", |s| s.to_string()), "zoë");
        let long = "X".repeat(100);
        assert_eq!(with_lower(&long, |s| s.len()), 100);
    }
}
