//! A small learning library for storyline's linguistic models: an averaged perceptron over
//! hashed features, with sparse, quantised weights and a versioned model file.
//!
//! - [`Clusters`] learns word clusters (Brown clusters) from unlabelled text.
//! - [`FeatureHasher`] turns feature templates and their atoms into 64-bit keys.
//! - [`Trainer`] learns a multiclass averaged perceptron (Collins 2002; lazy averaging)
//!   deterministically: the same examples in the same order give the same model, bit for bit.
//! - [`Model`] is the frozen result: only the features and classes that carry weight, weights
//!   quantised to 16 bits, integer scoring; read from and written to a model file whose header
//!   names the model kind, a format version, a hash of the feature templates and a checksum
//!   ([`ModelFile`]).
//!
//! ```
//! use storyline_learn::{FeatureHasher, Trainer};
//!
//! // Learn "is the word capitalised?" from one feature per example.
//! let h = FeatureHasher::new(1);
//! let examples = [("Kyiv", 1), ("troops", 0), ("NATO", 1), ("said", 0)];
//! let mut trainer = Trainer::new(2);
//! for _ in 0..5 {
//!     for (word, class) in examples {
//!         let cap = word.chars().next().unwrap().is_uppercase();
//!         let feats = [h.feature(0, &[cap as u64])];
//!         trainer.learn(&feats, class);
//!     }
//! }
//! let model = trainer.finish(0.0);
//! assert_eq!(model.best(&[h.feature(0, &[1])], |_| true), Some(1));
//! ```
#![deny(missing_docs)]

pub mod clusters;
mod file;
mod hash;
mod model;
mod perceptron;

pub use clusters::{ClusterOptions, Clusters, ClustersError};
pub use file::{ModelError, ModelFile, FORMAT_VERSION};
pub use hash::{hash_str, FeatureHasher};
pub use model::Model;
pub use perceptron::{Fold, KeyHasher, KeyMap, Trainer};
