//! Disjoint sets with path halving and union by size: the grouping step shared by entity
//! resolution, near-duplicate marking and story clustering, all near-linear in their inputs.

/// Disjoint sets over `0..n`.
#[derive(Debug, Clone)]
pub struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    /// `n` singleton sets.
    pub fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    /// Adds a singleton set and returns its element.
    pub fn push(&mut self) -> usize {
        self.parent.push(self.parent.len() as u32);
        self.size.push(1);
        self.parent.len() - 1
    }

    /// The representative of `x`'s set.
    pub fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            let p = p as usize;
            if p == x {
                break;
            }
            let gp = self.parent.get(p).copied().unwrap_or(p as u32);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = gp;
            }
            x = gp as usize;
        }
        x
    }

    /// Joins the sets of `a` and `b`; returns whether they were apart.
    pub fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let size = |s: &Self, r: usize| s.size.get(r).copied().unwrap_or(1);
        let (big, small) = if size(self, ra) >= size(self, rb) {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let total = size(self, big) + size(self, small);
        if let Some(p) = self.parent.get_mut(small) {
            *p = big as u32;
        }
        if let Some(s) = self.size.get_mut(big) {
            *s = total;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_transitively() {
        let mut u = UnionFind::new(5);
        assert!(u.union(0, 1));
        assert!(u.union(3, 1));
        assert!(!u.union(0, 3));
        assert_eq!(u.find(3), u.find(0));
        assert_ne!(u.find(2), u.find(0));
        let x = u.push();
        assert_eq!(u.find(x), x);
    }
}
