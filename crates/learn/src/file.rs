//! The model file: a small self-describing binary format.
//!
//! ```text
//! magic      8 bytes  "STLMODEL"
//! version    u32      FORMAT_VERSION
//! header     u32 length + JSON: {"kind", "templates" (hex), "tables": [{"classes", "scale"}], "meta"}
//! per table  features: u32 count, then per feature: key u64, entry count u16
//!            entries:  u32 count, then per entry: class u8, weight i16
//! checksum   u64      hash of every byte before it
//! ```
//! All integers little-endian. `kind` says which model it is ("tagger", "parser"); `templates`
//! is a hash of the feature templates of the code that trained it: a model is only loaded by
//! code with the same templates, since its keys mean nothing to any other. `meta` holds what
//! the model needs besides weights (class names, lookup tables) as the model's code defines. A file
//! holds one weight table or more (a parser keeps its transition and its label classifier).

use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::model::{Entry, Model};

/// Version of the file layout this code reads and writes.
pub const FORMAT_VERSION: u32 = 1;

const MAGIC: &[u8; 8] = b"STLMODEL";

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a storyline model file.
    #[error("not a storyline model file (bad magic bytes)")]
    BadMagic,
    /// Written by another version of the format.
    #[error("model file format version {found}, this storyline reads version {expected}")]
    Version {
        /// Version in the file.
        found: u32,
        /// Version this code reads.
        expected: u32,
    },
    /// A model of another kind.
    #[error("model kind {found:?}, expected {expected:?}")]
    Kind {
        /// Kind in the file.
        found: String,
        /// Kind asked for.
        expected: String,
    },
    /// Trained with other feature templates.
    #[error(
        "model trained with feature templates {found}, this storyline uses {expected}: retrain it"
    )]
    Templates {
        /// Template hash in the file (hex).
        found: String,
        /// Template hash of this code (hex).
        expected: String,
    },
    /// The file ends early or its sections do not add up.
    #[error("model file truncated or malformed: {0}")]
    Malformed(&'static str),
    /// The bytes do not match their checksum.
    #[error("model file corrupted (checksum mismatch)")]
    Checksum,
    /// The JSON header cannot be read.
    #[error("model header: {0}")]
    Header(#[from] serde_json::Error),
    /// Writing failed.
    #[error("writing model: {0}")]
    Io(#[from] std::io::Error),
}

#[derive(Serialize, Deserialize)]
struct Header {
    kind: String,
    templates: String,
    tables: Vec<TableHeader>,
    meta: serde_json::Value,
}

#[derive(Serialize, Deserialize)]
struct TableHeader {
    classes: usize,
    scale: f32,
}

/// A model with what its file says about it.
#[derive(Debug, Clone)]
pub struct ModelFile {
    /// Which model ("tagger", "parser").
    pub kind: String,
    /// Hash of the feature templates it was trained with.
    pub templates: u64,
    /// Model-specific data: class names, lookup tables, training facts.
    pub meta: serde_json::Value,
    /// The weights.
    pub model: Model,
    /// Further weight tables of the same model, in order (e.g. a parser's label classifier).
    pub more: Vec<Model>,
}

impl ModelFile {
    /// Wraps a trained model for writing.
    pub fn new(kind: &str, templates: u64, meta: serde_json::Value, model: Model) -> ModelFile {
        ModelFile {
            kind: kind.to_string(),
            templates,
            meta,
            model,
            more: Vec::new(),
        }
    }

    /// Adds a further weight table.
    pub fn with(mut self, table: Model) -> ModelFile {
        self.more.push(table);
        self
    }

    fn tables(&self) -> impl Iterator<Item = &Model> {
        std::iter::once(&self.model).chain(&self.more)
    }

    /// Writes the model file.
    pub fn write(&self, out: &mut impl Write) -> Result<(), ModelError> {
        let mut buf = Vec::new();
        buf.extend_from_slice(MAGIC);
        buf.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        let header = serde_json::to_vec(&Header {
            kind: self.kind.clone(),
            templates: format!("{:016x}", self.templates),
            tables: self
                .tables()
                .map(|m| TableHeader {
                    classes: m.n_classes(),
                    scale: m.scale(),
                })
                .collect(),
            meta: self.meta.clone(),
        })?;
        buf.extend_from_slice(&(header.len() as u32).to_le_bytes());
        buf.extend_from_slice(&header);
        for table in self.tables() {
            write_table(table, &mut buf);
        }
        let sum = checksum(&buf);
        buf.extend_from_slice(&sum.to_le_bytes());
        out.write_all(&buf)?;
        Ok(())
    }

    /// Reads a model file, checking that it is a `kind` model trained with `templates`.
    pub fn read(bytes: &[u8], kind: &str, templates: u64) -> Result<ModelFile, ModelError> {
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let body_len = bytes
            .len()
            .checked_sub(8)
            .ok_or(ModelError::Malformed("no checksum"))?;
        let mut r = Reader {
            bytes: &bytes[..body_len],
            at: 8,
        };
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(ModelError::Version {
                found: version,
                expected: FORMAT_VERSION,
            });
        }
        let stored = u64::from_le_bytes(bytes[body_len..].try_into().expect("8 bytes"));
        if checksum(&bytes[..body_len]) != stored {
            return Err(ModelError::Checksum);
        }
        let header_len = r.u32()? as usize;
        let header: Header = serde_json::from_slice(r.take(header_len)?)?;
        if header.kind != kind {
            return Err(ModelError::Kind {
                found: header.kind,
                expected: kind.to_string(),
            });
        }
        let expected = format!("{templates:016x}");
        if header.templates != expected {
            return Err(ModelError::Templates {
                found: header.templates,
                expected,
            });
        }
        let mut tables = Vec::with_capacity(header.tables.len());
        for t in &header.tables {
            if !(1..=256).contains(&t.classes) {
                return Err(ModelError::Malformed("class count out of range"));
            }
            tables.push(read_table(&mut r, t)?);
        }
        if r.at != r.bytes.len() {
            return Err(ModelError::Malformed("trailing bytes"));
        }
        let mut tables = tables.into_iter();
        let model = tables
            .next()
            .ok_or(ModelError::Malformed("no weight table"))?;
        Ok(ModelFile {
            kind: header.kind,
            templates,
            meta: header.meta,
            model,
            more: tables.collect(),
        })
    }
}

/// Appends one weight table's features and entries.
fn write_table(model: &Model, buf: &mut Vec<u8>) {
    let rows = model.rows_sorted();
    buf.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    for (key, entries) in &rows {
        buf.extend_from_slice(&key.to_le_bytes());
        buf.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    }
    let n: usize = rows.iter().map(|r| r.1.len()).sum();
    buf.extend_from_slice(&(n as u32).to_le_bytes());
    for (_, entries) in &rows {
        for e in entries.iter() {
            buf.push(e.class);
            buf.extend_from_slice(&e.weight.to_le_bytes());
        }
    }
}

/// Reads one weight table.
fn read_table(r: &mut Reader, t: &TableHeader) -> Result<Model, ModelError> {
    let n_features = r.u32()? as usize;
    let feats = r.take(
        n_features
            .checked_mul(10)
            .ok_or(ModelError::Malformed("size"))?,
    )?;
    let n_entries = r.u32()? as usize;
    let entries = r.take(
        n_entries
            .checked_mul(3)
            .ok_or(ModelError::Malformed("size"))?,
    )?;
    let mut keys = Vec::with_capacity(n_features);
    let mut total = 0usize;
    for f in feats.chunks_exact(10) {
        let key = u64::from_le_bytes(f[..8].try_into().expect("8 bytes"));
        let len = u16::from_le_bytes([f[8], f[9]]) as u32;
        if !(1..=t.classes as u32).contains(&len) {
            return Err(ModelError::Malformed("feature row length out of range"));
        }
        keys.push((key, len));
        total += len as usize;
    }
    if total != n_entries {
        return Err(ModelError::Malformed("feature rows and entries disagree"));
    }
    let mut parsed = Vec::with_capacity(n_entries);
    for e in entries.chunks_exact(3) {
        if e[0] as usize >= t.classes {
            return Err(ModelError::Malformed("class index out of range"));
        }
        parsed.push(Entry {
            class: e[0],
            weight: i16::from_le_bytes([e[1], e[2]]),
        });
    }
    Ok(Model::from_parts(t.classes, t.scale, keys, parsed))
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(ModelError::Malformed("unexpected end of file"))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
}

/// A fast 64-bit checksum: eight bytes a step through a multiply-rotate mix.
fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        h = (h.rotate_left(23) ^ v).wrapping_mul(0x2127_599b_f432_5c37);
    }
    for &b in chunks.remainder() {
        h = (h.rotate_left(23) ^ b as u64).wrapping_mul(0x2127_599b_f432_5c37);
    }
    h ^ (h >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{FeatureHasher, Trainer};

    fn small_model() -> Model {
        let h = FeatureHasher::new(1);
        let mut t = Trainer::new(4);
        for i in 0..200u64 {
            let class = (i % 4) as usize;
            t.learn(&[h.feature(0, &[i % 4]), h.feature(1, &[i % 7])], class);
        }
        t.finish(0.0)
    }

    #[test]
    fn round_trip_keeps_predictions() {
        let model = small_model();
        let file = ModelFile::new(
            "toy",
            0xabc,
            serde_json::json!({"classes": ["a", "b"]}),
            model,
        );
        let mut bytes = Vec::new();
        file.write(&mut bytes).unwrap();
        let back = ModelFile::read(&bytes, "toy", 0xabc).unwrap();
        assert_eq!(back.meta["classes"][1], "b");
        let h = FeatureHasher::new(1);
        for i in 0..50u64 {
            let f = [h.feature(0, &[i % 4]), h.feature(1, &[i % 7])];
            let (mut a, mut b) = ([0; 4], [0; 4]);
            file.model.scores(&f, &mut a);
            back.model.scores(&f, &mut b);
            assert_eq!(a, b);
        }
        let mut again = Vec::new();
        back.write(&mut again).unwrap();
        assert_eq!(bytes, again);
    }

    #[test]
    fn refuses_wrong_kind_templates_and_damage() {
        let file = ModelFile::new("toy", 7, serde_json::json!(null), small_model());
        let mut bytes = Vec::new();
        file.write(&mut bytes).unwrap();
        assert!(matches!(
            ModelFile::read(&bytes, "parser", 7),
            Err(ModelError::Kind { .. })
        ));
        assert!(matches!(
            ModelFile::read(&bytes, "toy", 8),
            Err(ModelError::Templates { .. })
        ));
        assert!(matches!(
            ModelFile::read(b"junk", "toy", 7),
            Err(ModelError::BadMagic)
        ));
        let mut flipped = bytes.clone();
        let mid = flipped.len() / 2;
        flipped[mid] ^= 0x40;
        assert!(matches!(
            ModelFile::read(&flipped, "toy", 7),
            Err(ModelError::Checksum)
        ));
        for cut in [9, 12, 20, bytes.len() - 1] {
            assert!(ModelFile::read(&bytes[..cut], "toy", 7).is_err());
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_arbitrary_bytes(tail in proptest::collection::vec(0u8..=255, 0..200)) {
            let mut bytes = MAGIC.to_vec();
            bytes.extend_from_slice(&tail);
            let _ = ModelFile::read(&bytes, "toy", 7);
        }
    }
}
