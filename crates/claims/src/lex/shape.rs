//! Number shapes: the value, glued currency, scale, unit and percent sign of a number token
//! ("$5bn", "8,500", "3.5%", "2,000km").

/// The parsed shape of a number token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumShape {
    /// The digits' value, before any glued scale.
    pub value: f64,
    /// Glued scale ("bn" → 1e9), 1 when none.
    pub mult: f64,
    /// A glued "%".
    pub percent: bool,
    /// Currency code of a glued symbol ("$" → USD).
    pub currency: Option<&'static str>,
    /// A glued measure unit ("km").
    pub unit: Option<&'static str>,
    /// Thousands separators present ("8,500").
    pub grouped: bool,
    /// A decimal point present.
    pub decimal: bool,
    /// Number of digits before the decimal point.
    pub int_digits: usize,
}

impl NumShape {
    /// Whether nothing but bare digits was written ("2014", "45").
    pub fn is_bare(&self) -> bool {
        !self.decimal && self.is_plain()
    }

    /// Whether only digits were written, with a decimal point at most ("11", "3.0"): how
    /// model numbers and versions are written.
    pub fn is_plain(&self) -> bool {
        !self.grouped
            && !self.percent
            && self.mult == 1.0
            && self.currency.is_none()
            && self.unit.is_none()
    }
}

/// Parses a number core: optional currency symbol, digits with valid thousands groups, an
/// optional decimal part and an optional glued scale, unit or percent sign.
pub(crate) fn number_shape(core: &str) -> Option<NumShape> {
    let mut rest = core;
    let mut currency = None;
    if let Some((sym, code)) = storyline_lexicon::currency_symbol_prefix(rest) {
        currency = Some(code);
        rest = &rest[sym.len()..];
    }
    let bytes = rest.as_bytes();
    let mut i = 0;
    let mut digits = String::new();
    let mut group_len = 0;
    let mut grouped = false;
    let mut int_digits = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            digits.push(b as char);
            group_len += 1;
            int_digits += 1;
        } else if b == b',' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            // A separator must follow a 1–3 digit head or a full group of three.
            if (grouped && group_len != 3) || (!grouped && !(1..=3).contains(&group_len)) {
                return None;
            }
            grouped = true;
            group_len = 0;
        } else {
            break;
        }
        i += 1;
    }
    if int_digits == 0 || (grouped && group_len != 3) {
        return None;
    }
    let mut decimal = false;
    if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        decimal = true;
        digits.push('.');
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            digits.push(bytes[i] as char);
            i += 1;
        }
    }
    let suffix = rest.get(i..)?;
    let value: f64 = digits.parse().ok()?;
    let mut shape = NumShape {
        value,
        mult: 1.0,
        percent: false,
        currency,
        unit: None,
        grouped,
        decimal,
        int_digits,
    };
    if suffix.is_empty() {
        return Some(shape);
    }
    if suffix == "%" {
        shape.percent = true;
        return Some(shape);
    }
    let lower = suffix.to_ascii_lowercase();
    if let Some(m) = storyline_lexicon::glued_scale(&lower) {
        // "1.2m" and "3m people" are millions in news copy, but "400m", "5,000m" without a
        // currency are race distances in metres: identifiers, not counts.
        if lower == "m" && currency.is_none() && !decimal && (grouped || value >= 100.0) {
            return None;
        }
        shape.mult = m;
        return Some(shape);
    }
    if let Some(u) = storyline_lexicon::claim_word(storyline_lexicon::ClaimClass::GluedUnit, &lower)
    {
        shape.unit = Some(u);
        return Some(shape);
    }
    // "1.48C", "45°C", "113F": temperatures; only a capital letter, as "30c" is cents.
    shape.unit = match suffix.trim_start_matches(['°', 'º']) {
        "C" => Some("°C"),
        "F" => Some("°F"),
        _ => None,
    };
    shape.unit.map(|_| shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_parse_values() {
        let n = number_shape("8,500").expect("number");
        assert_eq!(n.value, 8500.0);
        assert!(n.grouped);
        let n = number_shape("£80m").expect("number");
        assert_eq!((n.value * n.mult, n.currency), (80e6, Some("GBP")));
        assert!(number_shape("10,00").is_none());
        assert!(number_shape("2,000km").is_some_and(|n| n.unit == Some("km")));
        assert!(number_shape("400m").is_none());
        assert!(number_shape("3m").is_some_and(|n| n.mult == 1e6));
        assert!(number_shape("1.48C").is_some_and(|n| n.unit == Some("°C")));
        assert!(number_shape("30c").is_none());
    }
}
