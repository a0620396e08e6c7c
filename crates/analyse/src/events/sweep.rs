//! Splitting a bucket of mentions into events by date, and linking the events of one bucket
//! whose modalities disagree (an event and its denial) as conflicting reports.

use super::{Item, PUBLICATION_WINDOW_DAYS, STATED_WINDOW_DAYS};
use storyline_dates::Date;

/// Date and tolerance of a mention.
fn when(item: &Item) -> (Option<i32>, i32) {
    let window = if item.mention.date_stated {
        STATED_WINDOW_DAYS
    } else {
        PUBLICATION_WINDOW_DAYS
    };
    (item.mention.date.map(Date::num_days), window)
}

/// Splits one bucket's mentions of one modality into events: sorted by date (stated dates
/// first on a tie, so they anchor), a mention joins the current group while it falls within
/// the window of the group's first mention. Undated mentions join the first group.
pub(super) fn sweep(items: &[Item], list: &mut [usize], out: &mut Vec<Vec<usize>>) {
    list.sort_by_key(|&i| {
        let it = items.get(i);
        let (d, _) = it.map_or((None, 0), when);
        // Undated last; stated before publication-dated on the same day.
        (
            d.is_none(),
            d,
            !it.is_some_and(|x| x.mention.date_stated),
            i,
        )
    });
    let start = out.len();
    let mut anchor: Option<(i32, i32)> = None;
    for &i in list.iter() {
        let Some(item) = items.get(i) else { continue };
        let (d, window) = when(item);
        let open = out.len() > start;
        match (d, anchor, out.last_mut()) {
            (None, _, Some(group)) if open => group.push(i),
            (Some(d), Some((a, aw)), Some(group)) if open && d - a <= window.max(aw) => {
                group.push(i)
            }
            _ => {
                anchor = d.map(|d| (d, window));
                out.push(vec![i]);
            }
        }
    }
    // Undated mentions, sorted last, sit at the tail of the last group; they belong with the
    // earliest event instead.
    if out.len() > start + 1 {
        let undated = out.last_mut().map_or_else(Vec::new, |g| {
            let keep = g
                .iter()
                .position(|&i| items.get(i).is_some_and(|x| x.mention.date.is_none()))
                .unwrap_or(g.len());
            g.split_off(keep)
        });
        if let Some(g) = out.get_mut(start) {
            g.extend(undated);
        }
    }
}

/// Date range of a raw group, widened by its mentions' windows; `None` when undated.
fn range(items: &[Item], group: &[usize]) -> Option<(i32, i32)> {
    group
        .iter()
        .filter_map(|&i| items.get(i))
        .filter_map(|it| {
            let (d, w) = when(it);
            d.map(|d| (d - w, d + w))
        })
        .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
}

/// Links groups `first..` of one bucket whose modalities disagree on negation and whose
/// dates overlap. A bucket holds few groups (its events differ by date or modality), so the
/// pairs are few; very large buckets are checked only against neighbours by date.
pub(super) fn link_conflicts(
    items: &[Item],
    raw: &[Vec<usize>],
    first: usize,
    out: &mut Vec<(usize, usize)>,
) {
    /// Groups of one bucket compared pairwise; beyond this only ordered neighbours.
    const MAX_PAIRWISE: usize = 64;
    let modality = |g: usize| {
        raw.get(g)
            .and_then(|v| v.first())
            .and_then(|&i| items.get(i))
            .map(|it| it.modality)
    };
    let mut groups: Vec<(usize, Option<(i32, i32)>)> = (first..raw.len())
        .map(|g| (g, raw.get(g).and_then(|v| range(items, v))))
        .collect();
    if groups.len() < 2 {
        return;
    }
    groups.sort_by_key(|&(g, r)| (r.map(|x| x.0), g));
    for (k, &(g, rg)) in groups.iter().enumerate() {
        let rest = groups.iter().skip(k + 1);
        let limit = if groups.len() > MAX_PAIRWISE {
            8
        } else {
            usize::MAX
        };
        for &(h, rh) in rest.take(limit) {
            let overlap = match (rg, rh) {
                (Some((a, b)), Some((c, d))) => a <= d && c <= b,
                _ => true,
            };
            let (Some(mg), Some(mh)) = (modality(g), modality(h)) else {
                continue;
            };
            if overlap && mg.is_negated() != mh.is_negated() {
                out.push((g, h));
            }
        }
    }
}
