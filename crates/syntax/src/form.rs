//! The word forms the models read: typographic apostrophes and quotation marks as the ASCII
//! forms the treebanks mostly use, so "Russia’s" and "Russia's" look alike to a model.

/// Appends `form` to `out` as the models read it.
pub fn push_model_form(form: &str, out: &mut String) {
    for c in form.chars() {
        out.push(match c {
            '’' | '‘' | '‛' | 'ʼ' | '′' => '\'',
            '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
            c => c,
        });
    }
}

/// The forms of `words` as the models read them, in one buffer: `(buffer, bounds)`.
pub fn model_forms<'w>(words: impl Iterator<Item = &'w str>) -> (String, Vec<(usize, usize)>) {
    let mut buf = String::new();
    let mut bounds = Vec::new();
    for w in words {
        let at = buf.len();
        push_model_form(w, &mut buf);
        bounds.push((at, buf.len()));
    }
    (buf, bounds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typographic_marks_become_ascii() {
        let (buf, bounds) = model_forms(["Russia", "’s", "“No”"].into_iter());
        let forms: Vec<&str> = bounds.iter().map(|&(a, b)| &buf[a..b]).collect();
        assert_eq!(forms, ["Russia", "'s", "\"No\""]);
    }
}
