//! Clustering one event's claims: connected components of the candidate pairs, restatements of
//! one source merged into units, then average linkage with Lance-Williams updates and a lazy
//! heap, refusing merges that would put incomparable claims or two claims of one sentence in
//! one group, and merges carried by one member (no chaining).

use super::blocking::{candidate_pairs, too_far_apart};
use super::union_find::find;
use super::{Node, Settings, cannot_link};
use crate::claim::Claim;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap};

/// Average-linkage clustering of the claims at `free` (indices into `nodes`).
pub(super) fn cluster(nodes: &[Node], free: &[usize], s: &Settings) -> Vec<Vec<usize>> {
    let pairs = candidate_pairs(nodes, free, s);
    // Connected components over pairs that could ever contribute.
    let mut parent: Vec<usize> = (0..free.len()).collect();
    // Every merge needs a pair at least this similar, so weaker pairs cannot connect clusters.
    let floor = s.min_similarity.min(s.min_restated);
    for (&(a, b), _) in pairs.iter().filter(|(_, v)| **v >= floor) {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut components: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for k in 0..free.len() {
        let r = find(&mut parent, k);
        components.entry(r).or_default().push(k);
    }
    // Each component gets only its own pairs.
    let mut component_pairs: BTreeMap<usize, BTreeMap<(usize, usize), f64>> = BTreeMap::new();
    for (&(a, b), &v) in &pairs {
        let r = find(&mut parent, a);
        if r == find(&mut parent, b) {
            component_pairs.entry(r).or_default().insert((a, b), v);
        }
    }
    let mut out = Vec::new();
    for (root, members) in components {
        if members.len() == 1 {
            out.push(vec![free[members[0]]]);
            continue;
        }
        let own = component_pairs.remove(&root).unwrap_or_default();
        for c in agglomerate(nodes, free, &members, &own, s) {
            out.push(c.into_iter().map(|k| free[k]).collect());
        }
    }
    out
}

/// True when two claims of one source state the value in the same words.
pub(super) fn restated(a: &Claim, b: &Claim) -> bool {
    a.source == b.source && a.text.to_lowercase() == b.text.to_lowercase()
}

/// The similarity two claims of one source need to share a group: [`Settings::min_restated`]
/// when they state the value in the same words ("20-month" twice: an article restating a fact),
/// else [`Settings::min_same_source`]. This only ever lowers a bar: values never keep claims
/// apart.
pub(super) fn same_source_floor(a: &Claim, b: &Claim, s: &Settings) -> f64 {
    if a.text.to_lowercase() == b.text.to_lowercase() {
        s.min_restated.min(s.min_same_source)
    } else {
        s.min_same_source
    }
}

/// Average-linkage agglomeration of one connected component (positions into `free`).
///
/// First, restatements (two claims of one source, same words, similarity at least
/// [`Settings::min_restated`]) merge into *units*: one voice of one article. Then clusters of
/// units merge by average linkage, where two units are as similar as their most similar pair of
/// members (an article's best-described mention speaks for its restatements).
pub(super) fn agglomerate(
    nodes: &[Node],
    free: &[usize],
    members: &[usize],
    pairs: &BTreeMap<(usize, usize), f64>,
    s: &Settings,
) -> Vec<Vec<usize>> {
    let sim = |a: usize, b: usize| pairs.get(&(a.min(b), a.max(b))).copied();
    let claim = |k: usize| nodes[free[k]].claim;
    let units = restatement_units(nodes, free, members, pairs, s);
    let unit_sim = unit_similarities(&units, pairs);
    // What a cluster needs for the cannot-link test: the comparison classes all its claims
    // share, and its claims by source.
    struct Shape<'n> {
        classes: Vec<String>,
        by_source: BTreeMap<&'n str, Vec<usize>>,
    }
    let shape = |unit: &[usize]| {
        let mut classes = nodes[free[unit[0]]].classes.clone();
        let mut by_source: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &k in unit {
            classes.retain(|c| nodes[free[k]].classes.contains(c));
            by_source
                .entry(claim(k).source.as_str())
                .or_default()
                .push(k);
        }
        Shape { classes, by_source }
    };
    // Two clusters may never merge when they share no comparison class, or when two of their
    // claims from one source may not share a group.
    let blocked = |x: &Shape, y: &Shape| {
        if !x.classes.iter().any(|c| y.classes.contains(c)) {
            return true;
        }
        x.by_source.iter().any(|(src, xs)| {
            y.by_source.get(src).is_some_and(|ys| {
                xs.iter().any(|&a| {
                    ys.iter().any(|&b| {
                        let (na, nb) = (&nodes[free[a]], &nodes[free[b]]);
                        sim(a, b).is_none_or(|v| v < same_source_floor(na.claim, nb.claim, s))
                            || cannot_link(na, nb)
                    })
                })
            })
        })
    };
    let mut shapes: Vec<Shape> = units.iter().map(|u| shape(u)).collect();

    // Average linkage with Lance-Williams updates and a lazy max-heap: cost grows with the
    // number of scored pairs, not with the square of the component.
    let n = units.len();
    let mut size = vec![1usize; n];
    let mut alive = vec![true; n];
    let mut version = vec![0u32; n];
    let mut links: Vec<BTreeMap<usize, Link>> = vec![BTreeMap::new(); n];
    for (&(x, y), &v) in &unit_sim {
        let link = Link {
            sum: v,
            strong: usize::from(v >= s.min_similarity),
            blocked: blocked(&shapes[x], &shapes[y]),
        };
        links[x].insert(y, link);
        links[y].insert(x, link);
    }
    let mut members = units;
    let eligible = |link: &Link, cross: usize| {
        let avg = link.sum / cross as f64;
        // Most cross pairs must be similar on their own: no chaining through one member.
        (!link.blocked && 2 * link.strong > cross && avg >= s.min_similarity).then_some(avg)
    };
    let mut heap: BinaryHeap<Candidate> = BinaryHeap::new();
    for &(x, y) in unit_sim.keys() {
        if let Some(avg) = eligible(&links[x][&y], 1) {
            heap.push((avg.to_bits(), Reverse(x), Reverse(y), 0, 0));
        }
    }
    while let Some((_, Reverse(x), Reverse(y), vx, vy)) = heap.pop() {
        if !alive[x] || !alive[y] || version[x] != vx || version[y] != vy {
            continue;
        }
        // Merge y into x.
        let lx = std::mem::take(&mut links[x]);
        let ly = std::mem::take(&mut links[y]);
        let mut merged: BTreeMap<usize, Link> = BTreeMap::new();
        let neighbours: BTreeSet<usize> = lx.keys().chain(ly.keys()).copied().collect();
        for z in neighbours {
            if z == x || z == y {
                continue;
            }
            let part = |l: Option<&Link>, c: &Shape| match l {
                Some(l) => *l,
                None => Link {
                    sum: 0.0,
                    strong: 0,
                    blocked: blocked(c, &shapes[z]),
                },
            };
            let (a, b) = (part(lx.get(&z), &shapes[x]), part(ly.get(&z), &shapes[y]));
            let link = Link {
                sum: a.sum + b.sum,
                strong: a.strong + b.strong,
                blocked: a.blocked || b.blocked,
            };
            links[z].remove(&y);
            links[z].insert(x, link);
            merged.insert(z, link);
        }
        links[x] = merged;
        let moved = std::mem::take(&mut members[y]);
        members[x].extend(moved);
        let gone = std::mem::replace(
            &mut shapes[y],
            Shape {
                classes: Vec::new(),
                by_source: BTreeMap::new(),
            },
        );
        shapes[x].classes.retain(|c| gone.classes.contains(c));
        for (src, ks) in gone.by_source {
            shapes[x].by_source.entry(src).or_default().extend(ks);
        }
        size[x] += size[y];
        alive[y] = false;
        version[x] += 1;
        for (&z, link) in &links[x] {
            if let Some(avg) = eligible(link, size[x] * size[z]) {
                let (a, b) = (x.min(z), x.max(z));
                heap.push((
                    avg.to_bits(),
                    Reverse(a),
                    Reverse(b),
                    version[a],
                    version[b],
                ));
            }
        }
    }
    members
        .into_iter()
        .zip(alive)
        .filter(|(_, a)| *a)
        .map(|(mut v, _)| {
            v.sort_unstable();
            v
        })
        .collect()
}

/// Restatements of one source merged into units (one voice of one article): claims of one
/// source stating the value in the same words, at least [`Settings::min_restated`] similar and
/// within [`Settings::same_source_window`] of each other. Positions into `free`.
fn restatement_units(
    nodes: &[Node],
    free: &[usize],
    members: &[usize],
    pairs: &BTreeMap<(usize, usize), f64>,
    s: &Settings,
) -> Vec<Vec<usize>> {
    let sim = |a: usize, b: usize| pairs.get(&(a.min(b), a.max(b))).copied();
    let claim = |k: usize| nodes[free[k]].claim;
    // Units: restatements of one source (candidates share source and words).
    let mut units: Vec<Vec<usize>> = Vec::new();
    let mut by_words: HashMap<(&str, String), Vec<usize>> = HashMap::new();
    for &k in members {
        let c = claim(k);
        let same = by_words
            .entry((c.source.as_str(), c.text.to_lowercase()))
            .or_default();
        // Units are made in source-then-position order: those whose first claim lies beyond
        // `same_source_window` (all before some point) can never be joined.
        let near = same
            .iter()
            .rposition(|&i| too_far_apart(claim(units[i][0]), c, s))
            .map_or(0, |p| p + 1);
        let joins = same[near..].iter().copied().find(|&i| {
            units[i].iter().all(|&m| {
                restated(claim(m), c)
                    && !cannot_link(&nodes[free[m]], &nodes[free[k]])
                    && sim(m, k).is_some_and(|v| v >= s.min_restated)
            })
        });
        match joins {
            Some(i) => units[i].push(k),
            None => {
                same.push(units.len());
                units.push(vec![k]);
            }
        }
    }
    units
}

/// The best member-pair similarity of each pair of units: an article's best-described mention
/// speaks for its restatements.
fn unit_similarities(
    units: &[Vec<usize>],
    pairs: &BTreeMap<(usize, usize), f64>,
) -> BTreeMap<(usize, usize), f64> {
    // Unit of each claim position, and the best member-pair similarity of each unit pair.
    let mut unit_of: HashMap<usize, usize> = HashMap::new();
    for (u, members) in units.iter().enumerate() {
        for &k in members {
            unit_of.insert(k, u);
        }
    }
    let mut unit_sim: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for (&(a, b), &v) in pairs {
        let (Some(&ua), Some(&ub)) = (unit_of.get(&a), unit_of.get(&b)) else {
            continue;
        };
        if ua != ub {
            let e = unit_sim.entry((ua.min(ub), ua.max(ub))).or_insert(v);
            *e = e.max(v);
        }
    }
    unit_sim
}

/// A merge waiting in the heap: average linkage (as ordered bits of a non-negative f64), the
/// two clusters (smaller index first wins ties) and their versions when it was pushed.
type Candidate = (u64, Reverse<usize>, Reverse<usize>, u32, u32);

/// What two clusters know of each other: the sum of their unit pairs' similarities, how many
/// of those pairs reach `min_similarity`, and whether some pair of claims may never group.
#[derive(Debug, Clone, Copy)]
pub(super) struct Link {
    sum: f64,
    strong: usize,
    blocked: bool,
}
