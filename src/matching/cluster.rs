//! Clustering one event's claims: connected components of the candidate pairs, restatements of
//! one source merged into units, then average linkage with Lance-Williams updates and a lazy
//! heap, refusing merges that would put incomparable claims or two claims of one sentence in
//! one group, and merges carried by one member (no chaining).
//!
//! Memory grows with the scored pairs, at a few dozen bytes each: the pairs are rows of
//! [`Pairs`] that each component reads in place, a cluster's links are a sorted list of its
//! neighbours, and the heap holds one entry per cluster (its best merge), not one per link.

use super::blocking::{Pairs, candidate_pairs, too_far_apart};
use super::union_find::find;
use super::{Node, Settings, cannot_link};
use crate::claim::{Claim, Sym};
use crate::parallel::parallel_map;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};

/// What `run` makes of every event (`run(event, threads)`: its clusters), events on up to
/// `threads` threads: an event of more than [`LARGE_EVENT`] claims alone on all of them (its
/// pairs and its components spread over the threads), the others each on one. The results are
/// the same, in event order, whatever the thread count: one vector per event, never copied into
/// one vector of them all (which held every cluster of an archive twice while it was filled).
pub(super) fn cluster_events<R: Send>(
    events: &[Vec<usize>],
    threads: usize,
    matched: super::EventHook,
    run: impl Fn(&[usize], usize) -> Vec<R> + Sync,
) -> Vec<Vec<R>> {
    let large = |e: &Vec<usize>| e.len() > LARGE_EVENT;
    let small: Vec<&Vec<usize>> = events.iter().filter(|e| !large(e)).collect();
    let count = std::sync::atomic::AtomicUsize::new(0);
    let one_more = || {
        let n = count.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        matched(n, events.len());
    };
    matched(0, events.len());
    let mut done = parallel_map(&small, threads, |free| {
        let clusters = run(free, 1);
        one_more();
        clusters
    })
    .into_iter();
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        if large(e) {
            out.push(run(e, threads));
            one_more();
        } else {
            out.push(done.next().unwrap_or_default());
        }
    }
    out
}

/// An event of more claims than this is clustered with every thread (see [`cluster_events`]).
pub(super) const LARGE_EVENT: usize = 20_000;

/// Average-linkage clustering of the claims at `free` (indices into `nodes`), its pairs found
/// and its components agglomerated on up to `threads` threads.
pub(super) fn cluster(
    nodes: &[Node],
    free: &[usize],
    s: &Settings,
    threads: usize,
) -> Vec<Vec<usize>> {
    let pairs = candidate_pairs(nodes, free, s, threads);
    // Connected components over pairs that could ever contribute.
    let mut parent: Vec<usize> = (0..free.len()).collect();
    // Every merge needs a pair at least this similar, so weaker pairs cannot connect clusters.
    let floor = s.min_similarity.min(s.min_restated);
    for (a, b, _) in pairs.iter().filter(|&(_, _, v)| v >= floor) {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    // Components in order of their least member (the root), members ascending.
    let mut component_of: Vec<u32> = vec![u32::MAX; free.len()];
    let mut components: Vec<Vec<usize>> = Vec::new();
    for k in 0..free.len() {
        let r = find(&mut parent, k);
        if component_of[r] == u32::MAX {
            component_of[r] = components.len() as u32;
            components.push(Vec::new());
        }
        component_of[k] = component_of[r];
        components[component_of[r] as usize].push(k);
    }
    drop(parent);
    // The largest components first, so that no thread is left with a large one at the end.
    let mut order: Vec<usize> = (0..components.len())
        .filter(|&c| components[c].len() > 1)
        .collect();
    order.sort_by_key(|&c| Reverse(components[c].len()));
    let agglomerated = parallel_map(&order, threads, |&c| {
        let own = Component {
            pairs: &pairs,
            component_of: Some(&component_of),
            id: c as u32,
        };
        agglomerate_in(nodes, free, &components[c], &own, s)
    });
    let mut by_component: Vec<Vec<Vec<usize>>> = vec![Vec::new(); components.len()];
    for (c, clusters) in order.into_iter().zip(agglomerated) {
        by_component[c] = clusters;
    }
    let mut out = Vec::new();
    for (members, clusters) in components.iter().zip(by_component) {
        if members.len() == 1 {
            out.push(vec![free[members[0]]]);
            continue;
        }
        for cl in clusters {
            out.push(cl.into_iter().map(|k| free[k]).collect());
        }
    }
    out
}

/// The scored pairs of one connected component: those of [`Pairs`] with both ends in it (a
/// pair across two components scored below the floor and is never looked at).
struct Component<'p> {
    pairs: &'p Pairs,
    /// The component of each position; `None`: every pair is the component's.
    component_of: Option<&'p [u32]>,
    id: u32,
}

impl Component<'_> {
    /// The similarity of `{a, b}`, both members, when it was scored.
    fn get(&self, a: usize, b: usize) -> Option<f64> {
        self.pairs.get(a, b)
    }

    /// The pairs of member `a` with later members, ascending.
    fn row(&self, a: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let (to, sim) = self.pairs.row(a);
        to.iter()
            .zip(sim)
            .filter(|(b, _)| self.component_of.is_none_or(|c| c[**b as usize] == self.id))
            .map(|(&b, &v)| (b as usize, v))
    }
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

/// [`agglomerate_in`] over every pair of `pairs` (one component: tests build them by hand).
#[cfg(test)]
pub(super) fn agglomerate(
    nodes: &[Node],
    free: &[usize],
    members: &[usize],
    pairs: &Pairs,
    s: &Settings,
) -> Vec<Vec<usize>> {
    let own = Component {
        pairs,
        component_of: None,
        id: 0,
    };
    agglomerate_in(nodes, free, members, &own, s)
}

/// What a cluster needs for the cannot-link test: the comparison classes all its claims
/// share, its claims by source, and one claim of each distinct measure it holds.
struct Shape {
    classes: Vec<Sym>,
    /// Source number (see `agglomerate_in`) → the cluster's claims of that source.
    by_source: BTreeMap<u32, Vec<usize>>,
    /// A claim (position into `free`) of each distinct measure of the cluster: two clusters
    /// whose measures differ (another role, scope or source of the figure) never merge, however
    /// similar most of their other pairs are.
    measures: Vec<usize>,
}

/// Add claim `k` to `measures` unless a claim of the same measure is there.
fn add_measure(nodes: &[Node], free: &[usize], measures: &mut Vec<usize>, k: usize) {
    let m = &nodes[free[k]].measure;
    if !measures.iter().any(|&j| nodes[free[j]].measure == *m) {
        measures.push(k);
    }
}

/// A cluster's links: (neighbour, what the two know of each other), sorted by neighbour.
/// Sixteen bytes a link, where a hash map took about 26 (its control bytes and free buckets),
/// and the links of two clusters merge in one pass over both.
#[derive(Debug, Default, Clone)]
struct Links(Vec<(u32, Link)>);

impl Links {
    /// Links for `n` neighbours, to be pushed in ascending order.
    fn with_capacity(n: usize) -> Links {
        Links(Vec::with_capacity(n))
    }

    /// The link to `z`, replaced or added.
    fn set(&mut self, z: u32, link: Link) {
        match self.0.binary_search_by_key(&z, |e| e.0) {
            Ok(i) => self.0[i].1 = link,
            Err(i) => self.0.insert(i, (z, link)),
        }
    }

    /// The link to `z`, when there is one.
    fn get(&self, z: u32) -> Option<&Link> {
        self.0
            .binary_search_by_key(&z, |e| e.0)
            .ok()
            .map(|i| &self.0[i].1)
    }

    fn remove(&mut self, z: u32) {
        if let Ok(i) = self.0.binary_search_by_key(&z, |e| e.0) {
            self.0.remove(i);
        }
    }

    fn iter(&self) -> impl Iterator<Item = (u32, &Link)> {
        self.0.iter().map(|(z, l)| (*z, l))
    }
}

/// Average-linkage agglomeration of one connected component (positions into `free`).
///
/// First, restatements (two claims of one source, same words, similarity at least
/// [`Settings::min_restated`]) merge into *units*: one voice of one article. Then clusters of
/// units merge by average linkage, where two units are as similar as their most similar pair of
/// members (an article's best-described mention speaks for its restatements).
fn agglomerate_in(
    nodes: &[Node],
    free: &[usize],
    members: &[usize],
    pairs: &Component,
    s: &Settings,
) -> Vec<Vec<usize>> {
    let claim = |k: usize| nodes[free[k]].claim;
    let units = restatement_units(nodes, free, members, pairs, s);
    // Sources as numbers (the claims at `members` are in order of source): comparing ids of a
    // common prefix is most of the cost of the cannot-link test on a large component.
    let source_number = source_numbers(members, claim);
    let source_of = |k: usize| {
        members
            .binary_search(&k)
            .map_or(u32::MAX, |i| source_number[i])
    };
    let unit_sim = unit_similarities(&units, members, pairs);
    let shape = |unit: &[usize]| {
        let mut classes = nodes[free[unit[0]]].classes.to_vec();
        let mut by_source: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        let mut measures = Vec::new();
        for &k in unit {
            classes.retain(|c| nodes[free[k]].classes.contains(c));
            by_source.entry(source_of(k)).or_default().push(k);
            add_measure(nodes, free, &mut measures, k);
        }
        Shape {
            classes,
            by_source,
            measures,
        }
    };
    // Whether two clusters may never merge: see `shapes_blocked`.
    let blocked = |x: &Shape, y: &Shape| shapes_blocked(nodes, free, pairs, s, x, y);
    let mut shapes: Vec<Shape> = units.iter().map(|u| shape(u)).collect();

    // Average linkage with Lance-Williams updates and a lazy max-heap: cost grows with the
    // number of scored pairs, not with the square of the component.
    let n = units.len();
    let mut size = vec![1usize; n];
    let mut alive = vec![true; n];
    let mut version = vec![0u32; n];
    // Each unit's links, pushed in ascending order of neighbour (the pairs are sorted).
    let mut degree = vec![0usize; n];
    for &(x, y, _) in &unit_sim {
        degree[x as usize] += 1;
        degree[y as usize] += 1;
    }
    let mut links: Vec<Links> = degree.into_iter().map(Links::with_capacity).collect();
    let mut members = units;
    let eligible = |link: &Link, cross: usize| {
        let avg = link.sum() / cross as f64;
        // Most cross pairs must be similar on their own: no chaining through one member.
        (!link.blocked() && 2 * link.strong() as usize > cross && avg >= s.min_similarity)
            .then_some(avg)
    };
    for &(x, y, v) in &unit_sim {
        let link = Link::new(
            v,
            u32::from(v >= s.min_similarity),
            blocked(&shapes[x as usize], &shapes[y as usize]),
        );
        links[x as usize].0.push((y, link));
        links[y as usize].0.push((x, link));
    }
    drop(unit_sim);
    // The heap holds one entry per cluster: its best merge (see `best_merge`) when it was last
    // worked out, stamped with the cluster's version. Every eligible pair is at most the
    // current entry of one of its two clusters (the one whose best was worked out after the
    // pair last changed), so an entry popped that is still exact is the best pair of all;
    // one that is not is worked out again and pushed back. The heap stays as large as the
    // clusters, where an entry per changed link filled it with stale ones.
    let mut heap: BinaryHeap<Candidate> = BinaryHeap::with_capacity(n);
    let best_of = |c: usize, links: &[Links], size: &[usize]| {
        best_merge(c, &links[c], |z, link| eligible(link, size[c] * size[z]))
    };
    for c in 0..n {
        if let Some((avg, a, b)) = best_of(c, &links, &size) {
            heap.push((avg, Reverse(a), Reverse(b), c as u32, 0));
        }
    }
    while let Some((avg, Reverse(a), Reverse(b), owner, v)) = heap.pop() {
        let o = owner as usize;
        if !alive[o] || version[o] != v {
            continue; // a newer entry of this cluster is in the heap, or it merged away
        }
        let (x, y) = (a as usize, b as usize);
        let exact = alive[x]
            && alive[y]
            && links[x]
                .get(b)
                .and_then(|link| eligible(link, size[x] * size[y]))
                .is_some_and(|now| now.to_bits() == avg);
        if !exact {
            // The owner's best changed since (a neighbour merged): work it out again.
            version[o] = version[o].wrapping_add(1);
            if let Some((avg, a, b)) = best_of(o, &links, &size) {
                heap.push((avg, Reverse(a), Reverse(b), owner, version[o]));
            }
            continue;
        }
        // Merge y into x.
        merge_links(&mut links, &alive, x, y, &|c, z| {
            blocked(&shapes[c], &shapes[z])
        });
        let moved = std::mem::take(&mut members[y]);
        members[x].extend(moved);
        absorb(&mut shapes, x, y, &|m, k| add_measure(nodes, free, m, k));
        size[x] += size[y];
        alive[y] = false;
        version[x] = version[x].wrapping_add(1);
        if let Some((avg, a, b)) = best_of(x, &links, &size) {
            heap.push((avg, Reverse(a), Reverse(b), x as u32, version[x]));
        }
    }
    survivors(members, &alive)
}

/// The members of each cluster still alive, each sorted.
fn survivors(members: Vec<Vec<usize>>, alive: &[bool]) -> Vec<Vec<usize>> {
    members
        .into_iter()
        .zip(alive)
        .filter(|(_, a)| **a)
        .map(|(mut v, _)| {
            v.sort_unstable();
            v
        })
        .collect()
}

/// Each claim's source as a number, for `members` (positions whose claims are in order of
/// source): equal numbers for equal sources.
fn source_numbers<'a>(members: &[usize], claim: impl Fn(usize) -> &'a Claim) -> Vec<u32> {
    let mut source_number: Vec<u32> = Vec::with_capacity(members.len());
    for (i, &k) in members.iter().enumerate() {
        let same = i > 0 && claim(members[i - 1]).source == claim(k).source;
        let last = source_number.last().copied().unwrap_or(0);
        source_number.push(if same || i == 0 { last } else { last + 1 });
    }
    source_number
}

/// Two clusters may never merge when they share no comparison class, when their measures
/// differ, or when two of their claims from one source may not share a group.
fn shapes_blocked(
    nodes: &[Node],
    free: &[usize],
    pairs: &Component,
    s: &Settings,
    x: &Shape,
    y: &Shape,
) -> bool {
    if !x.classes.iter().any(|c| y.classes.contains(c)) {
        return true;
    }
    let differ = |a: usize, b: usize| {
        super::measure::measures_differ(&nodes[free[a]].measure, &nodes[free[b]].measure)
    };
    if x.measures
        .iter()
        .any(|&a| y.measures.iter().any(|&b| differ(a, b)))
    {
        return true;
    }
    // Symmetric in x and y: walk the one with fewer sources.
    let (x, y) = if x.by_source.len() <= y.by_source.len() {
        (x, y)
    } else {
        (y, x)
    };
    x.by_source.iter().any(|(src, xs)| {
        y.by_source.get(src).is_some_and(|ys| {
            xs.iter().any(|&a| {
                ys.iter().any(|&b| {
                    let (na, nb) = (&nodes[free[a]], &nodes[free[b]]);
                    pairs
                        .get(a, b)
                        .is_none_or(|v| v < same_source_floor(na.claim, nb.claim, s))
                        || cannot_link(na, nb)
                })
            })
        })
    })
}

/// Cluster `y`'s shape merged into `x`'s: the classes both have, the claims of each source,
/// the distinct measures of both (`add_measure` adds one unless it is there).
fn absorb(shapes: &mut [Shape], x: usize, y: usize, add_measure: &dyn Fn(&mut Vec<usize>, usize)) {
    let gone = std::mem::replace(
        &mut shapes[y],
        Shape {
            classes: Vec::new(),
            by_source: BTreeMap::new(),
            measures: Vec::new(),
        },
    );
    shapes[x].classes.retain(|c| gone.classes.contains(c));
    for (src, ks) in gone.by_source {
        shapes[x].by_source.entry(src).or_default().extend(ks);
    }
    for k in gone.measures {
        add_measure(&mut shapes[x].measures, k);
    }
}

/// The links of cluster `y` merged into `x`'s (Lance-Williams for average linkage: sums and
/// counts add, a block holds if either side's does), each neighbour's link to `x` set to the
/// merged one and its link to `y` removed. `blocked(c, z)` says whether cluster `c` (`x` or
/// `y`) may not merge with `z`, for a neighbour it has no link to.
///
/// The two sorted lists merge in one pass. Every merged-away cluster leaves its neighbours'
/// lists, so a list holds live neighbours only and memory stays with the live links.
fn merge_links(
    links: &mut [Links],
    alive: &[bool],
    x: usize,
    y: usize,
    blocked: &dyn Fn(usize, usize) -> bool,
) {
    let (xu, yu) = (x as u32, y as u32);
    let lx = std::mem::take(&mut links[x]);
    let ly = std::mem::take(&mut links[y]);
    // One side's link to `z` joined with the other's, or with none (0, 0, and blocked as
    // `blocked` says of cluster `c`; not asked when the one side blocks already).
    let join = |a: Link, b: Option<Link>, c: usize, z: usize| {
        let b = b.unwrap_or_else(|| Link::new(0.0, 0, !a.blocked() && blocked(c, z)));
        Link::new(
            a.sum() + b.sum(),
            a.strong() + b.strong(),
            a.blocked() || b.blocked(),
        )
    };
    let mut merged: Vec<(u32, Link)> = Vec::with_capacity(lx.0.len() + ly.0.len());
    let (mut i, mut j) = (0, 0);
    while i < lx.0.len() || j < ly.0.len() {
        let zx = lx.0.get(i).map_or(u32::MAX, |e| e.0);
        let zy = ly.0.get(j).map_or(u32::MAX, |e| e.0);
        let z = zx.min(zy);
        let (a, b) = ((zx == z).then(|| lx.0[i].1), (zy == z).then(|| ly.0[j].1));
        i += usize::from(a.is_some());
        j += usize::from(b.is_some());
        if z == xu || z == yu || !alive[z as usize] {
            continue;
        }
        let link = match (a, b) {
            (Some(a), b) => join(a, b, y, z as usize),
            (None, Some(b)) => join(b, None, x, z as usize),
            (None, None) => continue,
        };
        merged.push((z, link));
    }
    merged.shrink_to_fit();
    // The neighbours of y drop their link to it; every neighbour's link to x is the merged one.
    for (z, _) in ly.iter() {
        if z != xu {
            links[z as usize].remove(yu);
        }
    }
    for &(z, link) in &merged {
        links[z as usize].set(xu, link);
    }
    links[x] = Links(merged);
}

/// Restatements of one source merged into units (one voice of one article): claims of one
/// source stating the value in the same words, at least [`Settings::min_restated`] similar and
/// within [`Settings::same_source_window`] of each other, and a value with the equivalent that
/// restates it in another unit right after it ("$19 billion (£11.4bn)": one figure, told twice;
/// [`super::restates`]), as similar as that. Positions into `free`.
fn restatement_units(
    nodes: &[Node],
    free: &[usize],
    members: &[usize],
    pairs: &Component,
    s: &Settings,
) -> Vec<Vec<usize>> {
    let sim = |a: usize, b: usize| pairs.get(a, b);
    let claim = |k: usize| nodes[free[k]].claim;
    // Units: restatements of one source (candidates share source and words).
    let mut units: Vec<Vec<usize>> = Vec::new();
    let mut by_words: HashMap<(&str, String), Vec<usize>> = HashMap::new();
    // The member before and its unit.
    let mut prev: Option<(usize, usize)> = None;
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
        // The value an equivalent restates is the member before it (members are in order of
        // source, then position); its unit speaks for both.
        let restating = prev.filter(|&(m, _)| {
            super::restates(claim(m), c)
                && !cannot_link(&nodes[free[m]], &nodes[free[k]])
                && sim(m, k).is_some_and(|v| v >= s.min_restated)
        });
        match joins.or(restating.map(|(_, u)| u)) {
            Some(i) => {
                units[i].push(k);
                prev = Some((k, i));
            }
            None => {
                same.push(units.len());
                prev = Some((k, units.len()));
                units.push(vec![k]);
            }
        }
    }
    units
}

/// The best member-pair similarity of each pair of units, as `(unit, unit, similarity)` sorted
/// by the two units (the first the smaller): an article's best-described mention speaks for its
/// restatements.
fn unit_similarities(
    units: &[Vec<usize>],
    members: &[usize],
    pairs: &Component,
) -> Vec<(u32, u32, f64)> {
    // The unit of each member, by its place in `members` (ascending).
    let mut unit_of: Vec<u32> = vec![0; members.len()];
    for (u, ks) in units.iter().enumerate() {
        for &k in ks {
            if let Ok(i) = members.binary_search(&k) {
                unit_of[i] = u as u32;
            }
        }
    }
    let mut all: Vec<(u32, u32, f64)> = Vec::new();
    for (i, &a) in members.iter().enumerate() {
        for (b, v) in pairs.row(a) {
            let Ok(j) = members.binary_search(&b) else {
                continue;
            };
            let (ua, ub) = (unit_of[i], unit_of[j]);
            if ua != ub {
                all.push((ua.min(ub), ua.max(ub), v));
            }
        }
    }
    all.sort_unstable_by_key(|&(x, y, _)| (x, y));
    // The best of each unit pair (max is order-free).
    let mut out: Vec<(u32, u32, f64)> = Vec::with_capacity(all.len());
    for (x, y, v) in all {
        match out.last_mut() {
            Some(last) if (last.0, last.1) == (x, y) => last.2 = last.2.max(v),
            _ => out.push((x, y, v)),
        }
    }
    out
}

/// A merge waiting in the heap: average linkage (as ordered bits of a non-negative f64), the
/// two clusters (smaller index first wins ties), the cluster whose best merge it is and that
/// cluster's version when it was pushed.
type Candidate = (u64, Reverse<u32>, Reverse<u32>, u32, u32);

/// The best merge of cluster `c` among its `links` (live neighbours only): the greatest
/// `(average, smaller cluster first, then the other)` in the heap's order, over the links
/// `eligible` gives an average for; `None` when there is none.
fn best_merge(
    c: usize,
    links: &Links,
    eligible: impl Fn(usize, &Link) -> Option<f64>,
) -> Option<(u64, u32, u32)> {
    let cu = c as u32;
    let mut best: Option<(u64, Reverse<u32>, Reverse<u32>)> = None;
    for (z, link) in links.iter() {
        if let Some(avg) = eligible(z as usize, link) {
            let key = (avg.to_bits(), Reverse(cu.min(z)), Reverse(cu.max(z)));
            if best.is_none_or(|b| key > b) {
                best = Some(key);
            }
        }
    }
    best.map(|(avg, Reverse(a), Reverse(b))| (avg, a, b))
}

/// What two clusters know of each other: the sum of their unit pairs' similarities, how many
/// of those pairs reach `min_similarity`, and whether some pair of claims may never group.
///
/// Packed into 12 bytes aligned to 4 (the sum's bits as two halves, the block in the count's
/// top bit), so that an entry of [`Links`] (neighbour, link) takes 16 bytes rather than 24:
/// the links are most of a huge event's memory (336 MB of 5,000 articles of one story). The
/// sum is stored bit for bit, so every average is the same.
#[derive(Debug, Clone, Copy)]
pub(super) struct Link {
    sum: [u32; 2],
    strong_blocked: u32,
}

/// The bit of a link's `strong_blocked` that says the clusters may never merge.
const BLOCKED_BIT: u32 = 1 << 31;

impl Link {
    /// A link of this sum, count of strong pairs (below 2^31: a count of unit pairs, each
    /// counted once) and block.
    fn new(sum: f64, strong: u32, blocked: bool) -> Link {
        let bits = sum.to_bits();
        Link {
            sum: [bits as u32, (bits >> 32) as u32],
            strong_blocked: (strong & !BLOCKED_BIT) | if blocked { BLOCKED_BIT } else { 0 },
        }
    }

    fn sum(&self) -> f64 {
        f64::from_bits(u64::from(self.sum[0]) | (u64::from(self.sum[1]) << 32))
    }

    fn strong(&self) -> u32 {
        self.strong_blocked & !BLOCKED_BIT
    }

    fn blocked(&self) -> bool {
        self.strong_blocked & BLOCKED_BIT != 0
    }
}

#[cfg(test)]
mod best_merge_tests {
    use super::{Link, Links, best_merge};

    fn links(of: &[(u32, f64)]) -> Links {
        Links(
            of.iter()
                .map(|&(z, v)| (z, Link::new(v, 1, false)))
                .collect(),
        )
    }

    #[test]
    fn best_merge_takes_the_highest_average_then_the_smaller_clusters() {
        let all = |_: usize, l: &Link| Some(l.sum());
        // Highest average wins wherever it is in the list.
        let l = links(&[(1, 0.5), (4, 0.9), (7, 0.7)]);
        assert_eq!(best_merge(3, &l, all), Some((0.9f64.to_bits(), 3, 4)));
        // A tie goes to the pair whose smaller cluster is smaller, then whose other is.
        let l = links(&[(1, 0.8), (4, 0.8), (7, 0.8)]);
        assert_eq!(best_merge(3, &l, all), Some((0.8f64.to_bits(), 1, 3)));
        let l = links(&[(4, 0.8), (7, 0.8)]);
        assert_eq!(best_merge(3, &l, all), Some((0.8f64.to_bits(), 3, 4)));
        // Links that are not eligible are never the best; none eligible, no merge.
        let only_7 = |z: usize, l: &Link| (z == 7).then(|| l.sum());
        let l = links(&[(1, 0.9), (7, 0.2)]);
        assert_eq!(best_merge(3, &l, only_7), Some((0.2f64.to_bits(), 3, 7)));
        assert_eq!(best_merge(3, &links(&[(1, 0.9)]), only_7), None);
    }
}
