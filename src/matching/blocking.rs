//! Candidate pairs: an inverted index from (comparison class, consonant skeleton of a key
//! token) to claims, so only claims that share a block are scored, and a block larger than
//! `max_block` compares each claim with its next neighbours only (sorted neighbourhood).

use super::features::{Idf, Prepared, push_unique, similarity, skeleton};
use super::measure::{agree, figure_token};
use super::{Node, Settings, cannot_link};
use crate::claim::Claim;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Candidate pairs (i < j, as indices into `free`) with their similarity, from the blocks.
pub(super) fn candidate_pairs(
    nodes: &[Node],
    free: &[usize],
    s: &Settings,
) -> BTreeMap<(usize, usize), f64> {
    // Document frequency over the claims being clustered.
    let mut df: HashMap<String, usize> = HashMap::new();
    for &i in free {
        let uniq: BTreeSet<&String> = nodes[i].features.all().collect();
        for t in uniq {
            *df.entry(t.clone()).or_default() += 1;
        }
    }
    let idf = Idf {
        df,
        n: free.len() as f64,
    };
    // Inverted index (class, skeleton of one of the claim's rarest tokens) → positions in `free`.
    let mut index: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (k, &i) in free.iter().enumerate() {
        let f = &nodes[i].features;
        let mut keys: Vec<String> = f.subject().iter().map(|t| skeleton(t)).collect();
        let mut names: Vec<&String> = f.names.iter().collect();
        names.sort_by(|a, b| idf.weight(b).total_cmp(&idf.weight(a)).then(a.cmp(b)));
        for t in names.into_iter().take(s.block_keys) {
            push_unique(&mut keys, skeleton(t));
        }
        if let Some(k) = nodes[i].measure.block_key() {
            push_unique(&mut keys, k);
        }
        if let Some(k) = figure_token(nodes[i].claim) {
            push_unique(&mut keys, k);
        }
        for class in &nodes[i].classes {
            for key in &keys {
                index
                    .entry((class.clone(), key.clone()))
                    .or_default()
                    .push(k);
            }
        }
    }
    let prepared: Vec<Prepared> = free
        .iter()
        .map(|&i| Prepared::new(&nodes[i].features, &idf))
        .collect();
    let mut pairs = BTreeMap::new();
    for list in index.values() {
        // An oversized block compares each claim with its next `max_block` neighbours only.
        for (x, &a) in list.iter().enumerate() {
            for &b in list[x + 1..].iter().take(s.max_block) {
                let key = (a.min(b), a.max(b));
                if pairs.contains_key(&key) {
                    continue;
                }
                let (na, nb) = (&nodes[free[key.0]], &nodes[free[key.1]]);
                if cannot_link(na, nb) || too_far_apart(na.claim, nb.claim, s) {
                    continue;
                }
                let mut sim = similarity(&prepared[key.0], &prepared[key.1], s);
                // The same specific role or restriction, and nothing of the measure differing, in
                // one event: one fact however the sentences word it ("136 Indonesian pilgrims
                // had died", "165 Indonesians have died").
                if agree(&na.measure, &nb.measure) {
                    sim = sim.max(s.role_similarity);
                }
                // The same specific figure: "$165 million" twice.
                if same_figure(na.claim, nb.claim) {
                    sim = sim.max(s.figure_similarity);
                }
                if sim > 0.0 {
                    pairs.insert(key, sim);
                }
            }
        }
    }
    pairs
}

/// True when two sources state the same specific figure (see [`figure_token`]). Within one
/// article a figure said twice is as often two facts ("Thursday" for the visit and for the
/// talks) as one.
pub(super) fn same_figure(a: &Claim, b: &Claim) -> bool {
    a.source != b.source
        && matches!((figure_token(a), figure_token(b)), (Some(x), Some(y)) if x == y)
}

/// Two claims of one source more than [`Settings::same_source_window`] bytes apart.
pub(super) fn too_far_apart(a: &Claim, b: &Claim, s: &Settings) -> bool {
    a.source == b.source && a.span.start.abs_diff(b.span.start) > s.same_source_window
}

#[cfg(test)]
mod tests {
    use super::*;
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
        assert!(same_figure(&a, &b));
        // Another figure, and figures too plain to say which fact they are, are not.
        let c = first("The deal was worth $16 billion in all.");
        assert!(!same_figure(&a, &c));
        let d = first("About a third of the people left.");
        let e = first("One-third of the people left.");
        assert!(!same_figure(&d, &e));
        let f = first("Police arrested 2 men.");
        let g = first("Officers arrested 2 men.");
        assert!(!same_figure(&f, &g));
        // A calendar day is specific; a year is not; one source saying it twice is no match.
        let h = first("The probe was launched on July 14, 2023.");
        let i = first("It lifted off on 14 July 2023 from Sriharikota.");
        assert!(same_figure(&h, &i));
        let j = first_of("x", "The visit was in 2021.");
        let k = first_of("y", "Planning began in 2021.");
        assert!(!same_figure(&j, &k));
        let l = first_of("x", "Talks were held on July 14, 2023.");
        let m = first_of("x", "A treaty was signed on July 14, 2023.");
        assert!(!same_figure(&l, &m));
    }
}
