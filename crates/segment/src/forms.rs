//! A token's normalised form and shape, from its characters alone.

use storyline_record::Shape;

/// The normalised form of `token`: lowercase, with typographic marks made plain ASCII:
/// apostrophes and single quotes → `'`, double quotes and guillemets → `"`, hyphens, en
/// dashes and the minus sign → `-`, em dashes → `--`, "…" → `...`.
pub(crate) fn norm(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        match c {
            '’' | '‘' | 'ʼ' | '‛' | '‚' | '`' | '‹' | '›' => out.push('\''),
            '“' | '”' | '„' | '‟' | '«' | '»' | '＂' => out.push('"'),
            '‐' | '‑' | '‒' | '–' | '−' => out.push('-'),
            '—' | '―' => out.push_str("--"),
            '…' => out.push_str("..."),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The shape of `token`. Letters without case (Chinese, Arabic) count as lower case.
pub(crate) fn shape(token: &str) -> Shape {
    let (mut upper, mut lower, mut digits) = (0usize, 0usize, false);
    let mut first_upper = None;
    for c in token.chars() {
        if c.is_numeric() {
            digits = true;
        } else if c.is_alphabetic() {
            let up = c.is_uppercase();
            first_upper.get_or_insert(up);
            if up {
                upper += 1;
            } else {
                lower += 1;
            }
        }
    }
    let letters = upper + lower;
    match (letters > 0, digits) {
        (true, true) => Shape::Alnum,
        (false, true) => Shape::Digits,
        (false, false) => Shape::Symbol,
        (true, false) if upper == 0 => Shape::Lower,
        (true, false) if lower == 0 && upper >= 2 => Shape::Upper,
        (true, false) if upper == 1 && first_upper == Some(true) => Shape::Title,
        (true, false) => Shape::Mixed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_lowercases_and_makes_marks_plain() {
        assert_eq!(norm("Kremlin’s"), "kremlin's");
        assert_eq!(norm("N’T"), "n't");
        assert_eq!(norm("“"), "\"");
        assert_eq!(norm("»"), "\"");
        assert_eq!(norm("–"), "-");
        assert_eq!(norm("—"), "--");
        assert_eq!(norm("…"), "...");
        assert_eq!(norm("ZÜRICH"), "zürich");
        assert_eq!(norm("U.S."), "u.s.");
    }

    #[test]
    fn shapes_follow_case_and_digits() {
        assert_eq!(shape("troops"), Shape::Lower);
        assert_eq!(shape("'s"), Shape::Lower);
        assert_eq!(shape("Kyiv"), Shape::Title);
        assert_eq!(shape("Mr."), Shape::Title);
        assert_eq!(shape("I"), Shape::Title);
        assert_eq!(shape("NATO"), Shape::Upper);
        assert_eq!(shape("U.S."), Shape::Upper);
        assert_eq!(shape("N'T"), Shape::Upper);
        assert_eq!(shape("McCain"), Shape::Mixed);
        assert_eq!(shape("iPhone"), Shape::Mixed);
        assert_eq!(shape("100,000"), Shape::Digits);
        assert_eq!(shape("MH17"), Shape::Alnum);
        assert_eq!(shape("70k"), Shape::Alnum);
        assert_eq!(shape("$"), Shape::Symbol);
        assert_eq!(shape("'"), Shape::Symbol);
        assert_eq!(shape("東京"), Shape::Lower);
    }
}
