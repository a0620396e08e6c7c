//! Word clusters as the entity tagger reads them: the shipped `models/clusters.tsv` (learnt by
//! `storyline train clusters` from unlabelled text; see `storyline_learn::clusters`), each
//! word's path cut to a few prefix lengths (coarse to fine groups), every prefix hashed into
//! an atom the feature templates combine.
//!
//! Words are clustered and looked up by their folded form ([`cluster_form`]: the model form,
//! lower case, digits as 0, as the part-of-speech tagger folds its words).

use std::sync::OnceLock;

use storyline_learn::{hash_str, Clusters, ClustersError, KeyMap};

use crate::form::push_model_form;
use crate::tagger::{fold_form, lower_key};

/// Prefix lengths of a path the features read (a shorter path is its own prefix).
pub const PREFIXES: [usize; 4] = [4, 6, 10, 20];

/// One atom per prefix length of [`PREFIXES`].
pub type ClusterAtoms = [u64; PREFIXES.len()];

/// The atoms of a word without a cluster.
pub const NO_CLUSTER: ClusterAtoms = [0x5eed_c105_0000_0001; PREFIXES.len()];

/// Words and the atoms of their cluster paths.
#[derive(Debug, Clone, Default)]
pub struct WordClusters {
    /// Folded form → atoms, by the form's word key.
    by_key: KeyMap<ClusterAtoms>,
    /// Identifies the clusters: models trained with other clusters do not load.
    hash: u64,
}

/// The form words are clustered and looked up by.
pub fn cluster_form(form: &str) -> String {
    let mut model = String::with_capacity(form.len());
    push_model_form(form, &mut model);
    fold_form(&model)
}

fn atoms_of(path: &str) -> ClusterAtoms {
    PREFIXES.map(|n| hash_str(&path[..n.min(path.len())]) ^ (n as u64) << 56)
}

impl WordClusters {
    /// Reads clusters in the `paths` format (`bits TAB word TAB count`).
    pub fn from_tsv(text: &str) -> Result<WordClusters, ClustersError> {
        Ok(WordClusters::new(
            &Clusters::from_tsv(text)?,
            hash_str(text),
        ))
    }

    fn new(clusters: &Clusters, hash: u64) -> WordClusters {
        let by_key = clusters
            .iter()
            .map(|(word, path)| (lower_key(&cluster_form(word)), atoms_of(path)))
            .collect();
        WordClusters { by_key, hash }
    }

    /// The cluster atoms of a word as written.
    pub fn atoms(&self, form: &str) -> ClusterAtoms {
        self.by_key
            .get(&lower_key(form))
            .copied()
            .unwrap_or(NO_CLUSTER)
    }

    /// Identifies the clusters (a hash of the file).
    pub fn hash(&self) -> u64 {
        self.hash
    }

    /// Number of words with a cluster.
    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    /// No words at all.
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }
}

static SHIPPED_TSV: &str = include_str!("../../../models/clusters.tsv");

/// The shipped clusters, read on first use and shared by every thread.
///
/// # Panics
/// If the shipped file does not read: it is part of the binary and tested, so this is a
/// build defect, never an input error.
pub fn shipped() -> &'static WordClusters {
    static SHIPPED: OnceLock<WordClusters> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        WordClusters::from_tsv(SHIPPED_TSV).expect("the shipped clusters file reads")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_looked_up_folded_and_prefixes_nest() {
        let c =
            WordClusters::from_tsv("0110\tmonday\t40\n0111\tfriday\t30\n10\t0,000\t9\n").unwrap();
        assert_eq!(c.len(), 3);
        assert_eq!(c.atoms("Monday"), c.atoms("MONDAY"));
        assert_eq!(c.atoms("5,600"), c.atoms("0,000"));
        let (m, f) = (c.atoms("monday"), c.atoms("friday"));
        // Paths of four bits or fewer: every prefix is the path itself.
        assert_ne!(m, f);
        assert_eq!(c.atoms("tuesday"), NO_CLUSTER);
        let long = WordClusters::from_tsv("0110101\ta\t1\n0110110\tb\t1\n").unwrap();
        let (a, b) = (long.atoms("a"), long.atoms("b"));
        assert_eq!(a[0], b[0]);
        assert_ne!(a[1], b[1]);
    }

    #[test]
    fn the_shipped_clusters_read() {
        let c = shipped();
        assert!(c.len() > 1000, "{}", c.len());
        assert_ne!(c.atoms("Monday"), NO_CLUSTER);
        assert_eq!(c.atoms("Monday"), c.atoms("monday"));
    }
}
