//! Candidate pairs: an inverted index from (comparison class, consonant skeleton of a key
//! token) to claims, so only claims that share a block are scored, and a block larger than
//! `max_block` compares each claim with its next neighbours only (sorted neighbourhood).
//!
//! The pairs are found claim by claim: for each claim `a`, the claims after it within
//! `max_block` places in each block it sits in, each once (a count per claim, no set of pairs),
//! at most `max_candidates` of them (those in the most of its blocks, then the nearest: in an
//! event of thousands of articles every block is full, and a claim's blocks together offer
//! hundreds). So they come out sorted by `(a, b)` with no map to hold them, and are stored as
//! one row of `(b, similarity)` per claim ([`Pairs`]): twelve bytes a pair. Claims with the
//! same features (an article copied, a wire story reprinted) score alike, so their scores are
//! computed once per pair of feature sets.

use super::features::{Idf, Prepared, push_unique, similarity, skeleton};
use super::measure::lifted;
use super::{Node, Settings, cannot_link};
use crate::claim::{Claim, Sym};
use crate::parallel::parallel_map;
use std::collections::{BTreeSet, HashMap};

/// The memo of similarities by pair of feature sets is dropped when it holds this many entries
/// (a memo only saves work, so dropping it changes no score), which bounds its memory on an
/// event of all-different claims.
const MEMO_MAX: usize = 1 << 22;

/// Scored candidate pairs, as rows: for each claim position `a` (into the `free` list being
/// clustered), the positions `b > a` it was scored against, ascending, with their similarity.
///
/// The rows are kept in the chunks they were found in (on threads, `ROW_CHUNKS_PER_THREAD`
/// per thread), each of `chunk_rows` rows but the last: joined into one, the pairs of a huge
/// event were held twice over while the chunks were copied (400 MB of 25,000 articles of one
/// story).
#[derive(Debug, Default, Clone)]
pub(super) struct Pairs {
    chunks: Vec<Rows>,
    /// Rows per chunk (the last may have fewer); at least 1.
    chunk_rows: usize,
}

/// The rows of a range of claims: local row `r` is `to[start[r]..start[r + 1]]`.
#[derive(Debug, Default, Clone)]
struct Rows {
    start: Vec<usize>,
    to: Vec<u32>,
    sim: Vec<f64>,
}

impl Rows {
    fn with_rows(n: usize) -> Rows {
        let mut start = Vec::with_capacity(n + 1);
        start.push(0);
        Rows {
            start,
            to: Vec::new(),
            sim: Vec::new(),
        }
    }

    fn row(&self, r: usize) -> (&[u32], &[f64]) {
        match (self.start.get(r), self.start.get(r + 1)) {
            (Some(&s), Some(&e)) => (&self.to[s..e], &self.sim[s..e]),
            _ => (&[], &[]),
        }
    }

    fn len(&self) -> usize {
        self.start.len().saturating_sub(1)
    }
}

/// Two sets of pairs are equal when they hold the same rows, however they are chunked.
impl PartialEq for Pairs {
    fn eq(&self, other: &Pairs) -> bool {
        self.iter()
            .map(|(a, b, v)| (a, b, v.to_bits()))
            .eq(other.iter().map(|(a, b, v)| (a, b, v.to_bits())))
    }
}

impl Pairs {
    /// Pairs from `(a, b) → similarity` with `a < b` (tests build them by hand).
    #[cfg(test)]
    pub(super) fn from_map(
        n: usize,
        map: &std::collections::BTreeMap<(usize, usize), f64>,
    ) -> Pairs {
        let mut p = Rows::with_rows(n);
        for a in 0..n {
            for (&(_, b), &v) in map.range((a, 0)..(a + 1, 0)) {
                p.to.push(b as u32);
                p.sim.push(v);
            }
            p.start.push(p.to.len());
        }
        Pairs {
            chunks: vec![p],
            chunk_rows: n.max(1),
        }
    }

    /// The similarity of the pair `{a, b}` when it was scored.
    pub(super) fn get(&self, a: usize, b: usize) -> Option<f64> {
        let (a, b) = (a.min(b), a.max(b));
        let (to, sim) = self.row(a);
        to.binary_search(&(b as u32)).ok().map(|i| sim[i])
    }

    /// The later claims `a` was scored against, ascending, and their similarities.
    pub(super) fn row(&self, a: usize) -> (&[u32], &[f64]) {
        match self.chunks.get(a / self.chunk_rows) {
            Some(rows) => rows.row(a % self.chunk_rows),
            None => (&[], &[]),
        }
    }

    /// Every pair `(a, b, similarity)`, in order of `(a, b)`.
    pub(super) fn iter(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        self.chunks.iter().enumerate().flat_map(move |(k, rows)| {
            let first = k * self.chunk_rows;
            (0..rows.len()).flat_map(move |r| {
                let (to, sim) = rows.row(r);
                to.iter()
                    .zip(sim)
                    .map(move |(&b, &v)| (first + r, b as usize, v))
            })
        })
    }
}

/// Candidate pairs (i < j, as indices into `free`) with their similarity, from the blocks.
/// With `threads` over 1, a large event's rows are found on that many threads (the pairs are
/// the same).
pub(super) fn candidate_pairs(
    nodes: &[Node],
    free: &[usize],
    s: &Settings,
    threads: usize,
) -> Pairs {
    candidate_pairs_in(nodes, free, s, threads, PARALLEL_ROWS_MIN)
}

/// [`candidate_pairs`], on threads from `min_rows` claims on (tests split small events).
pub(super) fn candidate_pairs_in(
    nodes: &[Node],
    free: &[usize],
    s: &Settings,
    threads: usize,
    min_rows: usize,
) -> Pairs {
    // Document frequency over the claims being clustered.
    let mut df: HashMap<Sym, usize> = HashMap::new();
    for &i in free {
        let uniq: BTreeSet<&Sym> = nodes[i].features.all().collect();
        for t in uniq {
            *df.entry(t.clone()).or_default() += 1;
        }
    }
    let idf = Idf {
        df,
        n: free.len() as f64,
    };
    // The bars of scoring, as they stand in an event of this many claims.
    let s = &idf.settings(s);
    // Inverted index (class, skeleton of one of the claim's rarest tokens) → positions in
    // `free`, in order; and, for each claim, where it sits in each of its blocks.
    let mut block_ids: HashMap<(&str, String), u32> = HashMap::new();
    let mut blocks: Vec<Vec<u32>> = Vec::new();
    let mut places: Vec<(u32, u32)> = Vec::new();
    let mut places_start: Vec<usize> = Vec::with_capacity(free.len() + 1);
    places_start.push(0);
    for (k, &i) in free.iter().enumerate() {
        let f = &nodes[i].features;
        let mut keys: Vec<String> = f.subject().iter().map(|t| skeleton(t)).collect();
        let mut names: Vec<&Sym> = f.names.iter().collect();
        names.sort_by(|a, b| idf.weight(b).total_cmp(&idf.weight(a)).then(a.cmp(b)));
        for t in names.into_iter().take(s.block_keys) {
            push_unique(&mut keys, skeleton(t));
        }
        for k in nodes[i].measure.block_keys() {
            push_unique(&mut keys, k);
        }
        if let Some(k) = &nodes[i].figure {
            push_unique(&mut keys, k.clone());
        }
        for class in nodes[i].classes.iter() {
            for key in &keys {
                let next = blocks.len() as u32;
                let id = *block_ids
                    .entry((class.as_str(), key.clone()))
                    .or_insert(next);
                if id == next {
                    blocks.push(Vec::new());
                }
                let list = &mut blocks[id as usize];
                places.push((id, list.len() as u32));
                list.push(k as u32);
            }
        }
        places_start.push(places.len());
    }
    drop(block_ids);
    // Claims with the same features get the same prepared tokens and score alike.
    let (feature_of, prepared, shared) = feature_sets(nodes, free, &idf);
    let index = Index {
        blocks: &blocks,
        places: &places,
        places_start: &places_start,
        feature_of: &feature_of,
        prepared: &prepared,
        shared: &shared,
    };
    // Rows are independent: on threads, in chunks, kept in order.
    let n = free.len();
    let chunks: Vec<(usize, usize)> = if threads > 1 && n >= min_rows {
        let size = n.div_ceil(threads * ROW_CHUNKS_PER_THREAD);
        (0..n)
            .step_by(size)
            .map(|a| (a, (a + size).min(n)))
            .collect()
    } else {
        vec![(0, n)]
    };
    let mut parts = parallel_map(&chunks, threads, |range: &(usize, usize)| {
        index.rows(nodes, free, range.0..range.1, s)
    });
    // Each chunk's spare room (its vectors grew by doubling) is given back.
    for rows in &mut parts {
        rows.to.shrink_to_fit();
        rows.sim.shrink_to_fit();
    }
    Pairs {
        chunks: parts,
        chunk_rows: chunks.first().map_or(1, |&(a, e)| (e - a).max(1)),
    }
}

/// Claims at fewer positions than this are paired on one thread.
const PARALLEL_ROWS_MIN: usize = 4096;

/// Chunks of rows per thread, so that a thread that drew cheap rows takes another chunk.
const ROW_CHUNKS_PER_THREAD: usize = 8;

/// The blocks and what scoring needs, shared by the threads that find the pairs.
struct Index<'a, 'n> {
    /// The claims of each block, as positions, ascending.
    blocks: &'a [Vec<u32>],
    /// (block, place in it) of each claim: claim `a`'s are `places[places_start[a]..][..]`.
    places: &'a [(u32, u32)],
    places_start: &'a [usize],
    /// The feature set of each claim, each set's prepared tokens, and whether it is shared.
    feature_of: &'a [u32],
    prepared: &'a [Prepared<'n>],
    shared: &'a [bool],
}

impl Index<'_, '_> {
    /// The rows of the claims at positions `range`.
    fn rows(
        &self,
        nodes: &[Node],
        free: &[usize],
        range: std::ops::Range<usize>,
        s: &Settings,
    ) -> Rows {
        let mut memo: HashMap<(u32, u32), f64> = HashMap::new();
        let mut pairs = Rows::with_rows(range.len());
        // `seen[b]`: how many times `b` turned up in the blocks of the claim being paired (0:
        // not a candidate); set back to 0 after each claim.
        let mut seen: Vec<u16> = vec![0; free.len()];
        let mut candidates: Vec<u32> = Vec::new();
        for a in range {
            // An oversized block compares each claim with its next `max_block` neighbours only.
            for &(block, at) in &self.places[self.places_start[a]..self.places_start[a + 1]] {
                let list = &self.blocks[block as usize];
                for &b in list[at as usize + 1..].iter().take(s.max_block) {
                    // A claim is listed twice in a block when two of its keys share a
                    // skeleton; it never pairs with itself.
                    if b as usize != a {
                        let n = &mut seen[b as usize];
                        if *n == 0 {
                            candidates.push(b);
                        }
                        *n = n.saturating_add(1);
                    }
                }
            }
            keep_best(&mut candidates, &mut seen, s.max_candidates);
            let na = &nodes[free[a]];
            for &b in &candidates {
                let nb = &nodes[free[b as usize]];
                if cannot_link(na, nb)
                    || super::same_source(na, nb) && too_far_apart(na.claim, nb.claim, s)
                {
                    continue;
                }
                let (fa, fb) = (self.feature_of[a], self.feature_of[b as usize]);
                let score =
                    || similarity(&self.prepared[fa as usize], &self.prepared[fb as usize], s);
                // Only a pair of feature sets that more than one claim has can come back.
                let sim = if self.shared[fa as usize] || self.shared[fb as usize] {
                    if memo.len() >= MEMO_MAX {
                        memo.clear();
                    }
                    *memo.entry((fa, fb)).or_insert_with(score)
                } else {
                    score()
                };
                let sim = lifted(na, nb, sim, s);
                if sim > 0.0 {
                    pairs.to.push(b);
                    pairs.sim.push(sim);
                }
            }
            candidates.clear();
            pairs.start.push(pairs.to.len());
        }
        pairs
    }
}

/// The candidates of one claim cut to the `max` that turned up in the most of its blocks
/// (`seen`), the nearest (the least position) first among equals, in ascending order; `seen` is
/// set back to 0 for every candidate, kept or not.
fn keep_best(candidates: &mut Vec<u32>, seen: &mut [u16], max: usize) {
    if candidates.len() > max {
        let key = |b: &u32| (std::cmp::Reverse(seen[*b as usize]), *b);
        candidates.select_nth_unstable_by_key(max, key);
        for &b in &candidates[max..] {
            seen[b as usize] = 0;
        }
        candidates.truncate(max);
    }
    for &b in candidates.iter() {
        seen[b as usize] = 0;
    }
    candidates.sort_unstable();
}

/// The distinct feature sets of the claims at `free`: the set of each claim, each set's prepared
/// tokens, and whether more than one claim has it.
fn feature_sets<'n>(
    nodes: &'n [Node],
    free: &[usize],
    idf: &Idf,
) -> (Vec<u32>, Vec<Prepared<'n>>, Vec<bool>) {
    type Key<'n> = (&'n [Sym], Option<&'n Sym>, &'n [Sym]);
    let mut ids: HashMap<Key<'n>, u32> = HashMap::with_capacity(free.len());
    let mut prepared = Vec::new();
    let mut shared = Vec::new();
    let feature_of = free
        .iter()
        .map(|&i| {
            let f = &nodes[i].features;
            let key = (&*f.terms, f.head.as_ref(), &*f.names);
            let next = prepared.len() as u32;
            let id = *ids.entry(key).or_insert(next);
            if id == next {
                prepared.push(Prepared::new(f, idf));
                shared.push(false);
            } else {
                shared[id as usize] = true;
            }
            id
        })
        .collect();
    (feature_of, prepared, shared)
}

/// Two claims of one source more than [`Settings::same_source_window`] bytes apart.
pub(super) fn too_far_apart(a: &Claim, b: &Claim, s: &Settings) -> bool {
    a.source == b.source && a.span.start().abs_diff(b.span.start()) > s.same_source_window
}

#[cfg(test)]
mod tests {
    use super::super::measure::same_figure;
    use super::*;

    /// [`same_figure`] of two claims.
    fn same(a: &Claim, b: &Claim) -> bool {
        same_figure(&Node::new(a, &[]), &Node::new(b, &[]))
    }
    use crate::extract::{Context, extract};

    fn first_of(source: &str, text: &str) -> Claim {
        let ctx = Context {
            source,
            ..Context::default()
        };
        extract(text, &ctx).into_iter().next().expect("a claim")
    }

    /// The first claim of `text`, each call from a source of its own.
    fn first(text: &str) -> Claim {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        first_of(&format!("s{}", NEXT.fetch_add(1, Ordering::Relaxed)), text)
    }

    #[test]
    fn a_specific_figure_in_digits_is_shared() {
        let a = first("Facebook paid $19 billion for the company.");
        let b = first("The deal was worth $19 billion in all.");
        assert!(same(&a, &b));
        // Another figure, and figures too plain to say which fact they are, are not.
        let c = first("The deal was worth $16 billion in all.");
        assert!(!same(&a, &c));
        let d = first("About a third of the people left.");
        let e = first("One-third of the people left.");
        assert!(!same(&d, &e));
        let f = first("Police arrested 2 men.");
        let g = first("Officers arrested 2 men.");
        assert!(!same(&f, &g));
        // A calendar day is specific; a year is not; one source saying it twice is no match.
        let h = first("The probe was launched on July 14, 2023.");
        let i = first("It lifted off on 14 July 2023 from Sriharikota.");
        assert!(same(&h, &i));
        let j = first_of("x", "The visit was in 2021.");
        let k = first_of("y", "Planning began in 2021.");
        assert!(!same(&j, &k));
        let l = first_of("x", "Talks were held on July 14, 2023.");
        let m = first_of("x", "A treaty was signed on July 14, 2023.");
        assert!(!same(&l, &m));
    }
}
