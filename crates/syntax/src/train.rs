//! What training the tagger and the parser share: options, per-epoch reports, shuffling.

/// Settings of one training run. The same settings and data give the same model.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the per-epoch shuffle.
    pub seed: u64,
    /// Averaged weights below this magnitude are dropped from the model (smaller files).
    pub prune: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 1,
            prune: 0.0,
        }
    }
}

/// What one epoch achieved, for progress lines.
#[derive(Debug, Clone, Default)]
pub struct EpochReport {
    /// 1-based epoch number.
    pub epoch: usize,
    /// Accuracy on the training data during the epoch (by the weights of the moment).
    pub train_accuracy: f64,
    /// Figures on the dev sentences with the averaged model of this epoch, by name
    /// ("UPOS", "XPOS", "UAS", "LAS").
    pub dev: Vec<(&'static str, f64)>,
    /// Wall-clock seconds of the epoch (training and dev scoring).
    pub seconds: f64,
}

/// A deterministic permutation of `0..n` for epoch `epoch` (Fisher–Yates over a fixed
/// linear congruential generator: no dependency on a random-number crate's version).
pub fn shuffled(n: usize, seed: u64, epoch: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = seed ^ (epoch as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x2545_f491;
    for i in (1..n).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = ((state >> 33) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffles_deterministically() {
        let a = shuffled(100, 7, 1);
        assert_eq!(a, shuffled(100, 7, 1));
        assert_ne!(a, shuffled(100, 7, 2));
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, (0..100).collect::<Vec<_>>());
    }
}
