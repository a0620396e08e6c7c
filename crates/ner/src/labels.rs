//! The tagger's classes: BILOU labels (Begin, Inside, Last, Unit, Outside) over four kinds,
//! the transitions they allow, and the mentions a label sequence spells.

/// What a mention names. CoNLL-2003's MISC (nationalities, events, works) is learned as its
/// own kind, so that the model does not have to call those words "outside", and dropped
/// from what the tagger reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A place.
    Place,
    /// Any other name (CoNLL MISC): learned, never reported.
    Misc,
}

impl Kind {
    /// Every kind, in class order.
    pub const ALL: [Kind; 4] = [Kind::Person, Kind::Org, Kind::Place, Kind::Misc];

    /// The CoNLL name of the kind.
    pub fn conll(self) -> &'static str {
        match self {
            Kind::Person => "PER",
            Kind::Org => "ORG",
            Kind::Place => "LOC",
            Kind::Misc => "MISC",
        }
    }

    /// The kind of a CoNLL type name (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn from_conll(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.conll() == name)
    }
}

/// Where a word stands in a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// First word of a mention of two words or more.
    Begin,
    /// Inner word.
    Inside,
    /// Last word of a mention of two words or more.
    Last,
    /// A one-word mention.
    Unit,
}

const PARTS: [Part; 4] = [Part::Begin, Part::Inside, Part::Last, Part::Unit];

/// Number of classes: outside, and the four parts of each of the four kinds.
pub const N_CLASSES: usize = 1 + 4 * 4;

/// The label of class `c`: `None` for outside.
#[inline]
pub fn label(c: usize) -> Option<(Kind, Part)> {
    (1..N_CLASSES)
        .contains(&c)
        .then(|| (Kind::ALL[(c - 1) / 4], PARTS[(c - 1) % 4]))
}

/// The class of a label.
#[inline]
pub fn class(kind: Kind, part: Part) -> usize {
    1 + kind as usize * 4 + part as usize
}

/// The name of class `c` ("O", "B-PER", "U-LOC").
pub fn class_name(c: usize) -> String {
    match label(c) {
        None => "O".to_string(),
        Some((k, p)) => {
            let p = match p {
                Part::Begin => "B",
                Part::Inside => "I",
                Part::Last => "L",
                Part::Unit => "U",
            };
            format!("{p}-{}", k.conll())
        }
    }
}

/// Whether class `c` may follow class `prev` (0, outside, at the start of a sentence); a
/// mention left open at the sentence's end is not allowed (`last`: `c` is its last word).
#[inline]
pub fn allowed(prev: usize, c: usize, last: bool) -> bool {
    let open = |x: usize| matches!(label(x), Some((_, Part::Begin | Part::Inside)));
    if last && open(c) {
        return false;
    }
    match (label(prev), label(c)) {
        (Some((k, Part::Begin | Part::Inside)), Some((k2, Part::Inside | Part::Last))) => k == k2,
        (Some((_, Part::Begin | Part::Inside)), _) => false,
        (_, Some((_, Part::Inside | Part::Last))) => false,
        _ => true,
    }
}

/// A mention: words `start..end` of a sentence, of `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mention {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// What it names.
    pub kind: Kind,
}

/// The mentions a class sequence spells (ill-formed sequences are read leniently: a mention
/// ends where its kind changes or an outside word comes).
pub fn mentions(classes: &[usize]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (i, &c) in classes.iter().enumerate() {
        let l = label(c);
        if let Some((start, kind)) = open {
            let continues = matches!(l, Some((k, Part::Inside | Part::Last)) if k == kind);
            if !continues {
                out.push(Mention {
                    start,
                    end: i,
                    kind,
                });
                open = None;
            }
        }
        match l {
            Some((kind, Part::Unit)) => out.push(Mention {
                start: i,
                end: i + 1,
                kind,
            }),
            Some((kind, Part::Begin)) => open = Some((i, kind)),
            Some((kind, Part::Inside | Part::Last)) if open.is_none() => open = Some((i, kind)),
            Some((_, Part::Last)) => {
                if let Some((start, kind)) = open.take() {
                    out.push(Mention {
                        start,
                        end: i + 1,
                        kind,
                    });
                }
            }
            _ => {}
        }
    }
    if let Some((start, kind)) = open {
        out.push(Mention {
            start,
            end: classes.len(),
            kind,
        });
    }
    out
}

/// The classes of a sentence of `n` words holding `spans` (non-overlapping, in order).
pub fn encode(n: usize, spans: &[Mention]) -> Vec<usize> {
    let mut out = vec![0; n];
    for m in spans.iter().filter(|m| m.start < m.end && m.end <= n) {
        if m.end - m.start == 1 {
            out[m.start] = class(m.kind, Part::Unit);
            continue;
        }
        out[m.start] = class(m.kind, Part::Begin);
        for c in &mut out[m.start + 1..m.end - 1] {
            *c = class(m.kind, Part::Inside);
        }
        out[m.end - 1] = class(m.kind, Part::Last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_and_decodes_mentions() {
        let spans = [
            Mention {
                start: 0,
                end: 1,
                kind: Kind::Org,
            },
            Mention {
                start: 2,
                end: 5,
                kind: Kind::Person,
            },
        ];
        let classes = encode(6, &spans);
        assert_eq!(class_name(classes[0]), "U-ORG");
        assert_eq!(class_name(classes[3]), "I-PER");
        assert_eq!(mentions(&classes), spans);
    }

    #[test]
    fn transitions_keep_mentions_well_formed() {
        let b = class(Kind::Person, Part::Begin);
        let l = class(Kind::Person, Part::Last);
        let l_org = class(Kind::Org, Part::Last);
        assert!(allowed(0, b, false));
        assert!(!allowed(0, b, true));
        assert!(allowed(b, l, true));
        assert!(!allowed(b, l_org, false));
        assert!(!allowed(b, 0, false));
        assert!(!allowed(0, l, false));
    }

    #[test]
    fn lenient_reading_of_broken_sequences() {
        let i = class(Kind::Place, Part::Inside);
        let got = mentions(&[0, i, i]);
        assert_eq!(
            got,
            [Mention {
                start: 1,
                end: 3,
                kind: Kind::Place
            }]
        );
    }
}
