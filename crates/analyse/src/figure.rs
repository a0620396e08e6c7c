//! How a figure is written for readers: thousands separated, no needless `.0`.

/// `100000.0` → `100,000`, `-2500.0` → `-2,500`, `2.5` → `2.5`.
pub fn figure(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return format!("{v}");
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::figure;

    #[test]
    fn separates_thousands_and_drops_needless_decimals() {
        assert_eq!(figure(100_000.0), "100,000");
        assert_eq!(figure(-2_500.0), "-2,500");
        assert_eq!(figure(999.0), "999");
        assert_eq!(figure(2.5), "2.5");
    }
}
