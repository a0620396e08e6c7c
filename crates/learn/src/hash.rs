//! Feature hashing: a template id and its atoms (word ids, tags, distances…) become one
//! 64-bit key. Pure integer arithmetic, so keys are the same on every machine and run.

/// Multiplier of the mixing step (from FxHash; odd, high entropy).
const K: u64 = 0x517c_c1b7_2722_0a95;

/// Mixes one value into a running hash.
#[inline]
fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Final avalanche (from SplitMix64), so that nearby inputs spread over the whole table.
#[inline]
fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A stable 64-bit hash of a string (FNV-1a over its bytes, then an avalanche).
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    finish(h)
}

/// Builds feature keys for one model: `seed` keeps the key spaces of different models apart.
#[derive(Debug, Clone, Copy)]
pub struct FeatureHasher {
    seed: u64,
}

impl FeatureHasher {
    /// A hasher for the model whose key space is `seed`.
    pub fn new(seed: u64) -> FeatureHasher {
        FeatureHasher {
            seed: finish(seed ^ K),
        }
    }

    /// The key of template `template` with atoms `atoms`; never 0 (0 marks an empty slot).
    #[inline]
    pub fn feature(&self, template: u32, atoms: &[u64]) -> u64 {
        let mut h = mix(self.seed, template as u64);
        for &a in atoms {
            h = mix(h, a);
        }
        finish(h).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_and_distinct() {
        let h = FeatureHasher::new(7);
        assert_eq!(h.feature(1, &[2, 3]), h.feature(1, &[2, 3]));
        assert_ne!(h.feature(1, &[2, 3]), h.feature(1, &[3, 2]));
        assert_ne!(h.feature(1, &[2]), h.feature(2, &[2]));
        assert_ne!(
            FeatureHasher::new(1).feature(0, &[]),
            FeatureHasher::new(2).feature(0, &[])
        );
        assert_eq!(hash_str("troops"), hash_str("troops"));
        assert_ne!(hash_str("troops"), hash_str("troop"));
    }
}
