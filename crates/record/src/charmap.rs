//! Byte offsets inside, character offsets at the edge.

/// Converts byte offsets of one text into character (Unicode scalar value) offsets.
///
/// Built once per text; each lookup is a binary search over the non-ASCII characters only,
/// so mostly-ASCII news text costs almost nothing.
#[derive(Debug, Clone)]
pub struct CharMap {
    /// Byte offset of every multi-byte character, with the bytes beyond one per character
    /// counted up to and including it (ascending in both fields).
    wide: Vec<(usize, usize)>,
}

impl CharMap {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharMap {
        let mut extra = 0;
        let wide = text
            .char_indices()
            .filter(|(_, c)| !c.is_ascii())
            .map(|(i, c)| {
                extra += c.len_utf8() - 1;
                (i, extra)
            })
            .collect();
        CharMap { wide }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let before = self.wide.partition_point(|&(at, _)| at < byte);
        let extra = before.checked_sub(1).map_or(0, |i| self.wide[i].1);
        byte - extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_scalar_values() {
        let text = "a–b “c” d";
        let map = CharMap::new(text);
        for (chars, (bytes, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_offset(bytes), chars);
        }
        assert_eq!(map.char_offset(text.len()), text.chars().count());
    }
}
