//! Repeated body text: page dumps often hold the body twice (once as a meta description or a
//! run-together copy without spaces between sentences). Lines whose text is mostly found in
//! other kept lines are dropped, worst copy first, so exactly one copy of each passage stays.
//!
//! Text is compared as a stream of lowercase letters and digits (spacing and punctuation
//! ignored, so a copy with sentences run together still matches), by hashed windows of
//! [`WINDOW`] characters: linear in the text, whatever the number of lines.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use storyline_record::RemovalReason;

use crate::lines::{is_prose, Line, Verdict};

/// Characters per compared window: long enough that shared stock phrases ("Russian President
/// Vladimir Putin") do not make two different paragraphs look alike.
const WINDOW: usize = 32;
/// Share of a line's windows found elsewhere that makes it a copy.
const COVERED: f32 = 0.6;
/// Consecutive copied paragraphs that make a copied block (unless glued or merged).
const MIN_BLOCK: usize = 3;

/// The candidates holding one window: up to four ids inline, then just "many" (a window
/// held by five lines is covered whatever is dropped).
#[derive(Default)]
struct Holders {
    ids: [u32; 4],
    n: u8,
    many: bool,
}

impl Holders {
    fn add(&mut self, k: u32) {
        if self.ids().last() == Some(&k) {
            return;
        }
        match self.ids.get_mut(self.n as usize) {
            Some(slot) => {
                *slot = k;
                self.n += 1;
            }
            None => self.many = true,
        }
    }

    fn ids(&self) -> &[u32] {
        &self.ids[..self.n as usize]
    }
}

/// Keys are already well-mixed hashes: hashing them again is wasted time.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A candidate line: its index, its window hashes and how glued its sentences are.
struct Candidate {
    line: usize,
    hashes: Vec<u64>,
    inside: Vec<u64>,
    judged: bool,
    glued: bool,
    merged: bool,
}

/// The part of a line that is still kept.
fn kept_text<'a>(line: &Line<'a>) -> &'a str {
    match line.verdict {
        Verdict::DropPrefix(at, _) | Verdict::Dateline(at) => {
            let off = at.saturating_sub(line.span.start());
            line.text.get(off..).unwrap_or("")
        }
        _ => line.text,
    }
}

/// Hashes of the sampled windows of `stream`, by start position (rolling hash, O(1) per
/// window; `None` for windows left out of the sample). The stream is all kept lines run together, so passages split over lines in one
/// copy still match the run-together other copy.
fn windows(stream: &[char]) -> Vec<Option<u64>> {
    if stream.len() < WINDOW {
        return Vec::new();
    }
    const B: u64 = 1_000_003;
    let pow = (0..WINDOW - 1).fold(1u64, |p, _| p.wrapping_mul(B));
    let mut h = 0u64;
    let mut out = Vec::with_capacity(stream.len());
    for (i, &c) in stream.iter().enumerate() {
        if i >= WINDOW {
            h = h.wrapping_sub((stream[i - WINDOW] as u64).wrapping_mul(pow));
        }
        h = h.wrapping_mul(B).wrapping_add(c as u64);
        if i + 1 >= WINDOW {
            // Content-defined sampling: a quarter of the windows, the same ones in every copy.
            let mixed = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            out.push((mixed >> 62 == 0).then_some(mixed));
        }
    }
    out
}

/// Whether sentences run together without spaces ("countries.The") more
/// ("UkraineThe") at least twice and more than once per 1,000 bytes: the mark of a copy
/// flattened from markup.
fn is_glued(text: &str) -> bool {
    let b = text.as_bytes();
    let glue = b
        .windows(4)
        .filter(|w| {
            let full_stop = w[1].is_ascii_lowercase()
                && matches!(w[2], b'.' | b'!' | b'?')
                && w[3].is_ascii_uppercase();
            let run_in = w[0].is_ascii_lowercase()
                && w[1].is_ascii_lowercase()
                && w[2].is_ascii_uppercase()
                && w[3].is_ascii_lowercase();
            full_stop || run_in
        })
        .count();
    glue >= 2 && glue * 1000 > text.len()
}

/// Marks repeated lines as `Duplicate`. Only lines still open, kept or partly kept compete.
pub fn mark(lines: &mut [Line<'_>]) {
    let live: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].verdict.is_drop())
        .collect();
    let mut stream: Vec<char> = Vec::new();
    let mut ranges = Vec::with_capacity(live.len());
    for &i in &live {
        let start = stream.len();
        stream.extend(
            kept_text(&lines[i])
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase),
        );
        ranges.push((start, stream.len()));
    }
    let all = windows(&stream);
    let mut cands: Vec<Candidate> = Vec::new();
    for (k, &i) in live.iter().enumerate() {
        let (a, b) = ranges[k];
        let sampled = |to: usize| -> Vec<u64> {
            let to = to.min(all.len());
            all.get(a.min(to)..to)
                .unwrap_or(&[])
                .iter()
                .flatten()
                .copied()
                .collect()
        };
        // A line holds every window starting in it (reading on into the next line, so split
        // passages match), but is judged on the windows wholly inside it: the ones reading on
        // into whatever follows say nothing about whether the line itself is a copy.
        let hashes = sampled(b);
        let inside = sampled((b + 1).saturating_sub(WINDOW));
        let judged = b - a >= 40 && inside.len() >= 4;
        cands.push(Candidate {
            line: i,
            judged,
            hashes,
            inside,
            glued: is_glued(kept_text(&lines[i])),
            merged: false,
        });
    }
    if cands.len() < 2 {
        return;
    }
    // Which candidates hold each window.
    let mut holders: HashMap<u64, Holders, BuildHasherDefault<Identity>> = HashMap::default();
    for (k, c) in cands.iter().enumerate() {
        for &h in &c.hashes {
            holders.entry(h).or_default().add(k as u32);
        }
    }
    // A line sharing passages with two or more other lines is a merged copy of them.
    for (k, cand) in cands.iter_mut().enumerate() {
        let mut partners: Vec<(u32, usize)> = Vec::new();
        for h in &cand.hashes {
            for &o in holders.get(h).map_or(&[][..], Holders::ids) {
                if o as usize == k {
                    continue;
                }
                match partners.iter_mut().find(|p| p.0 == o) {
                    Some(p) => p.1 += 1,
                    None => partners.push((o, 1)),
                }
            }
        }
        // Lines repeated whole (a stock question, a recipe used on two days) share everything
        // with each copy: merging means each partner holds only a part.
        let whole = partners
            .iter()
            .any(|p| p.1 as f32 >= COVERED * cand.hashes.len() as f32);
        cand.merged = !whole && partners.iter().filter(|p| p.1 >= 3).count() >= 2;
    }
    let mut alive = vec![true; cands.len()];
    let coverage = |k: usize, alive: &[bool]| -> f32 {
        let c = &cands[k];
        let hit = c
            .inside
            .iter()
            .filter(|h| {
                holders.get(h).is_some_and(|v| {
                    v.many
                        || v.ids()
                            .iter()
                            .any(|&o| o as usize != k && alive[o as usize])
                })
            })
            .count();
        hit as f32 / c.inside.len().max(1) as f32
    };
    let mut order: Vec<(usize, f32)> = (0..cands.len())
        .map(|k| (k, coverage(k, &alive)))
        .filter(|&(k, cov)| cands[k].judged && cov >= COVERED)
        .collect();
    // Worst copy first: glued text, a line merging several others, the most covered, the later.
    order.sort_by(|a, b| {
        cands[b.0]
            .glued
            .cmp(&cands[a.0].glued)
            .then(cands[b.0].merged.cmp(&cands[a.0].merged))
            .then(b.1.total_cmp(&a.1))
            .then(cands[b.0].line.cmp(&cands[a.0].line))
    });
    for (k, _) in order {
        if coverage(k, &alive) >= COVERED {
            alive[k] = false;
        }
    }
    // A copy of the body is a block of paragraphs (or one glued or merged line); a lone
    // repeated paragraph between distinct ones is the page's own repetition (a pull quote, a
    // question asked of every interviewee, a recipe used twice), which stays.
    // Outside the body (above its first paragraph or below its last), a copy is the page's
    // description or summary repeating the lede, and goes even alone.
    let prose = |k: &usize| alive[*k] && is_prose(&lines[cands[*k].line]);
    let first = (0..cands.len()).find(prose).unwrap_or(cands.len());
    let last = (0..cands.len()).rfind(prose).unwrap_or(0);
    let mut k = 0;
    while k < cands.len() {
        if alive[k] {
            k += 1;
            continue;
        }
        let start = k;
        while k < cands.len() && !alive[k] {
            k += 1;
        }
        let run = &cands[start..k];
        let outside = start < first || start > last;
        let block = outside || run.len() >= MIN_BLOCK || run.iter().any(|c| c.glued || c.merged);
        if block {
            for c in run {
                lines[c.line].verdict = Verdict::Drop(RemovalReason::Duplicate);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    #[test]
    fn keeps_the_spaced_copy_of_a_run_together_body() {
        let raw = "The city council approved the new cycle lanes on Tuesday. Work starts in May.Residents had campaigned for safer routes for two years.\n\
                   The city council approved the new cycle lanes on Tuesday.\n\
                   Work starts in May.\n\
                   Residents had campaigned for safer routes for two years.";
        let mut lines = split_lines(raw);
        mark(&mut lines);
        assert_eq!(lines[0].verdict, Verdict::Drop(RemovalReason::Duplicate));
        assert!(lines[1..].iter().all(|l| l.verdict == Verdict::Open));
    }

    #[test]
    fn keeps_one_of_two_identical_paragraphs_and_distinct_ones() {
        let raw = "Shares in the retailer jumped 14% after it raised its profit forecast for the year.\n\
                   Analysts said the upgrade reflected strong Christmas trading across its stores.\n\
                   Shares in the retailer jumped 14% after it raised its profit forecast for the year.";
        let mut lines = split_lines(raw);
        mark(&mut lines);
        assert_eq!(lines[0].verdict, Verdict::Open);
        assert_eq!(lines[1].verdict, Verdict::Open);
        assert_eq!(lines[2].verdict, Verdict::Drop(RemovalReason::Duplicate));
    }

    #[test]
    fn a_lone_repeat_inside_the_body_stays() {
        // A pull quote repeats a paragraph of the body; a copied body is a block.
        let raw = "The airport will open a second runway in 2027, the transport minister announced.\n\
                   \"This runway will double our capacity within five years,\" the chief executive said.\n\
                   Residents near the site have campaigned against night flights for a decade.\n\
                   \"This runway will double our capacity within five years,\" the chief executive said.\n\
                   A public inquiry into noise limits will open in the spring, officials said.";
        let mut lines = split_lines(raw);
        mark(&mut lines);
        assert!(lines.iter().all(|l| l.verdict == Verdict::Open));
    }

    #[test]
    fn a_copied_block_goes() {
        let raw = "The city council approved the new cycle lanes on Tuesday after a long debate.\n\
                   Work on the first route will start in May and take about six months.\n\
                   Residents had campaigned for safer routes for two years, the council said.\n\
                   The mayor said the lanes would be reviewed after a year of use.\n\
                   The city council approved the new cycle lanes on Tuesday after a long debate.\n\
                   Work on the first route will start in May and take about six months.\n\
                   Residents had campaigned for safer routes for two years, the council said.\n\
                   Shops on the high street said they were worried about losing parking spaces.";
        let mut lines = split_lines(raw);
        mark(&mut lines);
        let dup = Verdict::Drop(RemovalReason::Duplicate);
        assert!(lines[..4].iter().all(|l| l.verdict == Verdict::Open));
        assert!(lines[4..7].iter().all(|l| l.verdict == dup));
        assert_eq!(lines[7].verdict, Verdict::Open);
    }

    #[test]
    fn short_or_unrelated_lines_are_left_alone() {
        let mut lines =
            split_lines("Goal!\nGoal!\nA late penalty gave the visitors a 2-1 win at the stadium.");
        mark(&mut lines);
        assert!(lines.iter().all(|l| l.verdict == Verdict::Open));
    }
}
