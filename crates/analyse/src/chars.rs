//! Character spans of a record back to text: records carry character offsets, Rust slices bytes.

/// Maps character offsets of one text to byte offsets, never panicking on stale offsets.
///
/// Keeps only the multi-byte characters, so mostly-ASCII news text costs almost nothing.
#[derive(Debug, Clone)]
pub struct CharText<'t> {
    text: &'t str,
    /// `(char index, extra bytes of wide chars before and including it)`, ascending.
    wide: Vec<(usize, usize)>,
}

impl<'t> CharText<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> CharText<'t> {
        let mut extra = 0;
        let wide = text
            .chars()
            .enumerate()
            .filter(|(_, c)| !c.is_ascii())
            .map(|(i, c)| {
                extra += c.len_utf8() - 1;
                (i, extra)
            })
            .collect();
        CharText { text, wide }
    }

    /// The byte offset of character offset `ch`.
    pub fn byte(&self, ch: usize) -> usize {
        let before = self.wide.partition_point(|&(at, _)| at < ch);
        let extra = before
            .checked_sub(1)
            .and_then(|i| self.wide.get(i))
            .map_or(0, |w| w.1);
        ch + extra
    }

    /// The text of character span `[start, end)`, or `""` when it does not fit.
    pub fn slice(&self, span: [usize; 2]) -> &'t str {
        self.text
            .get(self.byte(span[0])..self.byte(span[1]))
            .unwrap_or("")
    }
}

/// Lowercased words of `text` (letters and digits, inner apostrophes dropped), for matching
/// wording across articles regardless of quotation marks, case and punctuation.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
}

/// FNV-1a: a fast, stable 64-bit hash, so shingles hash the same in every run.
pub fn hash_str(s: &str, seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64 ^ seed;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// SplitMix64 finaliser: spreads the bits of a hash so its low bits are usable as buckets.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_character_spans() {
        let text = "“Kyiv” – Kiev";
        let t = CharText::new(text);
        assert_eq!(t.slice([1, 5]), "Kyiv");
        assert_eq!(t.slice([9, 13]), "Kiev");
        assert_eq!(t.slice([9, 99]), "");
    }

    #[test]
    fn words_ignore_case_and_quotes() {
        let w: Vec<String> = words("“We don’t want WAR,” he said").collect();
        assert_eq!(w, ["we", "dont", "want", "war", "he", "said"]);
    }
}
