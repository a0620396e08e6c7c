//! Spelling rules of English inflection the lemmatizer applies: where a silent `e` was lost,
//! where a consonant was doubled, and the case of a lemma.

/// Typographic apostrophes and quotation marks as ASCII (as the treebanks mostly write them).
pub(crate) fn ascii_quote(c: char) -> char {
    match c {
        '’' | '‘' | '‛' | 'ʼ' | '′' | '`' => '\'',
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
        c => c,
    }
}

pub(crate) fn normalise(form: &str) -> String {
    form.chars().map(ascii_quote).collect()
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn is_consonant(b: u8) -> bool {
    b.is_ascii_alphabetic() && !is_vowel(b)
}

/// Number of vowel groups (a rough syllable count).
pub(super) fn syllables(s: &str) -> usize {
    let mut n = 0;
    let mut prev = false;
    for &b in s.as_bytes() {
        let v = is_vowel(b) || b == b'y';
        if v && !prev {
            n += 1;
        }
        prev = v;
    }
    n
}

/// Whether a stem left by cutting `-ed`/`-ing`/`-er`/`-est` lost a silent `e`
/// ("hop" ← "hoped", "chang" ← "changed", but not "visit" ← "visited").
pub(super) fn needs_e(s: &str) -> bool {
    let b = s.as_bytes();
    let n = b.len();
    if n < 2 {
        return false;
    }
    let (last, prev) = (b[n - 1], b[n - 2]);
    let before = if n >= 3 { b[n - 3] } else { b' ' };
    match last {
        b'v' | b'z' | b'c' | b'u' => return true,
        b's' => return prev != b's',
        _ if !is_consonant(last) || matches!(last, b'h' | b'w' | b'x' | b'y' | b'j' | b'q') => {
            return false
        }
        _ => {}
    }
    if is_consonant(prev) {
        return match (prev, last) {
            (b'n', b'g') => matches!(before, b'a' | b'e' | b'u'),
            (b'r' | b'd' | b'l', b'g') | (b'r', b'c') => true,
            (b'b' | b'p' | b't' | b'd' | b'g' | b'k' | b'f' | b'z' | b'c', b'l') => true,
            _ => false,
        };
    }
    // A vowel before the final consonant: a vowel pair ("eat", "ain") takes no e, but the
    // u of "qu" is no vowel ("requir").
    let qu = before == b'u' && n >= 4 && b[n - 4] == b'q';
    if !is_vowel(prev) || (is_vowel(before) && !qu) {
        return false;
    }
    let one = syllables(s) == 1;
    match (prev, last) {
        (b'e', b'r' | b'l' | b'n' | b'm') => false,
        (b'o' | b'a', b'r' | b'n' | b'l' | b'm') => one,
        (b'i', b'r' | b'n' | b'l' | b'm') | (b'u', _) => true,
        (_, b'p') => one,
        (b'i', b't') => one,
        (b'e', b't') => !matches!(before, b'k' | b'g' | b'r'),
        _ => true,
    }
}

/// Whether the stem ends in a doubled consonant that inflection added ("stopp" ← "stopped").
pub(super) fn doubled(s: &str) -> bool {
    let b = s.as_bytes();
    let n = b.len();
    if n < 3 || b[n - 1] != b[n - 2] || !is_consonant(b[n - 1]) {
        return false;
    }
    match b[n - 1] {
        b's' | b'z' | b'f' => false,
        b'l' => {
            let ends = s.ends_with("ell") || s.ends_with("oll");
            ends && syllables(s) > 1
        }
        b'd' => s != "add" && s != "odd",
        _ => true,
    }
}

/// A number's lemma: digit-group commas dropped ("3,000" → "3000"); number words lowercase,
/// Roman numerals and other all-capital forms kept.
pub(super) fn number(form: &str) -> String {
    let digits = form.bytes().any(|b| b.is_ascii_digit());
    if digits
        && form
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return form.replace(',', "");
    }
    if digits || (form.len() > 1 && form.chars().all(|c| c.is_uppercase())) {
        return form.to_string();
    }
    form.to_lowercase()
}

/// A proper noun's lemma: as written, but a lowercase word capitalised ("boston" →
/// "Boston"), unless it is a name particle ("al", "de", "van") or not a plain word
/// (addresses, handles).
pub(super) fn proper(form: &str) -> String {
    let plain = form.chars().all(|c| c.is_lowercase() || c == '-');
    match form.chars().next() {
        Some(first) if plain && !storyline_lexicon::is_lemma_particle(form) => {
            first.to_uppercase().chain(form.chars().skip(1)).collect()
        }
        _ => form.to_string(),
    }
}

/// All capitals ("GISB", "X"): kept as written when not a known common noun.
pub(super) fn is_acronym(form: &str) -> bool {
    form.chars().all(|c| c.is_uppercase()) && !form.is_empty()
}

/// `lemma` (computed on `lower`) with the case of `form` where they share a prefix
/// ("Americans" → "American").
pub(super) fn with_case_of(form: &str, lower: &str, lemma: String) -> String {
    if !form.is_ascii() || form.len() != lower.len() {
        return lemma;
    }
    let common = lemma
        .bytes()
        .zip(lower.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    format!("{}{}", &form[..common], &lemma[common..])
}
