//! Articles → events: which articles report on one event, so that claims are matched only
//! within an event (the usual first step of multi-document event analysis).
//!
//! Subject words say *what* is counted, names say *which event*: "the 123 countries which have
//! ratified the Rome Statute" and "the 129 countries which have ratified the Lenzorin Lentiti"
//! share every subject word and no name. So before any claim is matched, articles are
//! clustered by the names they use.
//!
//! 1. **Profiles.** An article's profile is the set of name tokens of its claims' sentences (the
//!    matcher's name features: stemmed words of capitalized names, aliases applied, calendar
//!    and glue words dropped), each weighted by inverse document frequency over *articles*,
//!    `ln(1 + N / df)`: a name in every article still counts (ln 2), a name of one event in a
//!    large archive counts for much more.
//! 2. **Blocking.** An inverted index maps each name to the articles that use it (in article
//!    order). Only articles that share a name are compared; a name used by more than
//!    [`Settings::event_window`] articles only pairs each article with its next
//!    `event_window` articles of that list (sorted neighbourhood), so cost grows with the
//!    number of name mentions, not with the square of the archive.
//! 3. **Linking.** Two articles report one event when they share at least
//!    [`Settings::event_min_shared`] names and the shared names carry at least
//!    [`Settings::event_min_overlap`] of the idf weight of the smaller profile. Events are the
//!    connected components of those links. One shared name is never enough, so a name that two
//!    events happen to share (two men called Ivanov) does not join them. An article that names
//!    fewer than `event_min_shared` things (a wire of three paragraphs naming only the town)
//!    joins the event of the article whose names it overlaps most, but links nothing: it
//!    cannot chain two events through its one name.
//!
//! Articles whose claims name nothing cannot be told apart: they form one event together.
//! The matcher hands articles over in order of source id, so the events depend only on the set
//! of articles, not on the order they were read in.
// TODO(issue 10, lead): remove once this file passes clippy::float_cmp (outer-rooms branch
// added the workspace lint; this file belongs to another branch).
#![allow(clippy::float_cmp)]

use super::Settings;

/// The first character of a profile token too common in news to tell events apart: it counts
/// towards the share of names two articles have in common, not towards their rare names.
pub const COMMON_MARK: char = '~';
use super::union_find::find;
use std::collections::HashMap;

/// The event of each article: `cluster(profiles, s)[i]` is the event number of article `i`.
/// Events are numbered 0.. in order of their first article. `profiles[i]` holds the name tokens
/// of article `i` (repeats are ignored).
pub fn cluster<T: AsRef<str>>(profiles: &[Vec<T>], s: &Settings) -> Vec<usize> {
    let n = profiles.len();
    // Intern the names; each profile becomes a sorted list of name ids.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut postings: Vec<Vec<u32>> = Vec::new();
    let mut profs: Vec<Vec<u32>> = Vec::with_capacity(n);
    // Where each article stands in the posting list of each of its names.
    let mut places: Vec<Vec<u32>> = Vec::with_capacity(n);
    for (a, p) in profiles.iter().enumerate() {
        let mut v: Vec<u32> = p
            .iter()
            .map(|t| {
                let next = ids.len() as u32;
                let id = *ids.entry(t.as_ref()).or_insert(next);
                if id == next {
                    postings.push(Vec::new());
                }
                id
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        let mut at = Vec::with_capacity(v.len());
        for &t in &v {
            at.push(postings[t as usize].len() as u32);
            postings[t as usize].push(a as u32);
        }
        profs.push(v);
        places.push(at);
    }
    let weight: Vec<f64> = postings
        .iter()
        .map(|l| (1.0 + n as f64 / l.len() as f64).ln())
        .collect();
    // Each token's rarity in 0..=1 for the shared-weight test: its idf over at least
    // `event_prior_articles` articles, relative to a token only two articles use (the rarest a
    // shared token can be: two reports that alone share two such names weigh 2). A handful of
    // articles says nothing about how rare a name is, so a name all six reports of one story use
    // still counts as a name of that story; in an archive, a name of thousands of articles
    // counts little.
    let k = (n as f64).max(s.event_prior_articles);
    let rarest = (1.0 + k / 2.0).ln();
    let mut rarity: Vec<f64> = postings
        .iter()
        .map(|l| ((1.0 + k / l.len() as f64).ln() / rarest).min(1.0))
        .collect();
    for (t, &id) in &ids {
        if t.starts_with(COMMON_MARK) {
            rarity[id as usize] = 0.0;
        }
    }
    let total: Vec<f64> = profs
        .iter()
        .map(|p| p.iter().map(|&t| weight[t as usize]).sum())
        .collect();
    // The names two articles share: how many, and their weight over the smaller profile's.
    // `mine` marks the names of the article `a` whose candidates are scored (its number plus
    // one), so each candidate's profile is read once, in order: the same sums, in the same
    // order, as a walk of both sorted profiles, without reading `a`'s again for each of them.
    let mut mine = vec![0u32; postings.len()];
    let overlap = |mine: &[u32], a: usize, b: usize| {
        let (mut count, mut shared, mut rare) = (0usize, 0.0, 0.0);
        for &t in &profs[b] {
            if mine[t as usize] == a as u32 + 1 {
                count += 1;
                shared += weight[t as usize];
                rare += rarity[t as usize];
            }
        }
        let least = total[a].min(total[b]);
        let share = if least > 0.0 { shared / least } else { 0.0 };
        (count, share, rare)
    };
    // An article naming fewer names than `event_min_shared` cannot link two others: it joins
    // the event of the article it overlaps most and connects nothing.
    let min_shared = s.event_min_shared.max(1);
    // Two articles report one event when they share enough names and figures: a large share
    // of the smaller profile, or several rare ones.
    let small = n <= s.event_small_corpus;
    let linked = |(count, share, weight): (usize, f64, f64)| {
        count >= min_shared
            && (share >= s.event_min_overlap || small && weight >= s.event_min_weight)
    };
    let small = |a: usize| profs[a].len() < min_shared;
    let mut attach: Vec<Option<(f64, usize)>> = vec![None; n];

    let mut parent: Vec<usize> = (0..n).collect();
    let window = s.event_window.max(1);
    // Candidates of each article: the later articles within `window` of it in the posting list
    // of one of its names, with how many such names they meet under (a cheap filter before
    // the exact overlap).
    let mut met = vec![0u32; n];
    let mut touched: Vec<usize> = Vec::new();
    for a in 0..n {
        for &t in &profs[a] {
            mine[t as usize] = a as u32 + 1;
        }
        for (&t, &at) in profs[a].iter().zip(&places[a]) {
            let list = &postings[t as usize];
            for &b in list[at as usize + 1..].iter().take(window) {
                let b = b as usize;
                if met[b] == 0 {
                    touched.push(b);
                }
                met[b] += 1;
            }
        }
        // In the order they were first met: each pair is scored alone, links only join (a pair
        // skipped as joined already would have joined nothing), and the best attachment is
        // the best in any order (ties to the earlier article), so the events are the same.
        for &b in &touched {
            let meets = std::mem::take(&mut met[b]) as usize;
            match (small(a), small(b)) {
                (false, false) => {
                    if meets < min_shared {
                        continue;
                    }
                    let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                    // Components only grow: a pair already connected needs no score.
                    if ra != rb && linked(overlap(&mine, a, b)) {
                        parent[ra.max(rb)] = ra.min(rb);
                    }
                }
                (true, false) | (false, true) => {
                    let (x, y) = if small(a) { (a, b) } else { (b, a) };
                    let (count, share, _) = overlap(&mine, a, b);
                    // Best overlap wins; ties go to the earlier article.
                    let better = attach[x]
                        .is_none_or(|(best, at)| share > best || (share == best && y < at));
                    if count > 0 && share >= s.event_min_overlap && better {
                        attach[x] = Some((share, y));
                    }
                }
                (true, true) => {}
            }
        }
        touched.clear();
    }
    join_small_and_nameless(&mut parent, &attach, &profs);
    // Number events by first article; roots are each component's least member.
    let mut number: HashMap<usize, usize> = HashMap::new();
    (0..n)
        .map(|a| {
            let r = find(&mut parent, a);
            let next = number.len();
            *number.entry(r).or_insert(next)
        })
        .collect()
}

/// Join each article that names too little to link to the one it overlaps most (`attach`),
/// and every article that names nothing into one event.
fn join_small_and_nameless(
    parent: &mut [usize],
    attach: &[Option<(f64, usize)>],
    profs: &[Vec<u32>],
) {
    for (x, to) in attach.iter().enumerate() {
        if let Some((_, y)) = *to {
            let (rx, ry) = (find(parent, x), find(parent, y));
            parent[rx.max(ry)] = rx.min(ry);
        }
    }
    // Articles that name nothing share one event.
    let nameless: Vec<usize> = (0..profs.len()).filter(|&a| profs[a].is_empty()).collect();
    if let Some((&first, rest)) = nameless.split_first() {
        for &a in rest {
            let (ra, rf) = (find(parent, a), find(parent, first));
            parent[ra.max(rf)] = ra.min(rf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(names: &str) -> Vec<String> {
        names.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn two_reports_alone_meet_on_two_rare_names_of_long_profiles() {
        // Two reports of one referendum that name many other things each: the names they share
        // are a small share of either profile, but two rare names and a common one are enough
        // when the two are compared alone. One rare name is not.
        let s = Settings::default();
        let a = p("~colombia farc ~president juan manuel santo timoleon jimenez #a #b");
        let b = p("~colombia farc santo ~colombian #c #d revolutionary armed force brevet");
        assert_eq!(cluster(&[a.clone(), b], &s), vec![0, 0]);
        let one = p("~colombia farc ~colombian #c #d revolutionary armed force brevet ~union");
        assert_eq!(cluster(&[a, one], &s), vec![0, 1]);
    }

    #[test]
    fn shared_names_link_and_one_name_does_not() {
        let s = Settings::default();
        let profiles = vec![
            p("putin kyrgyzstan bishkek kant japarov"),
            p("lenzorin tavika morulo selkan"),
            p("putin kyrgyzstan bishkek icc"),
            p("lenzorin tavika morulo dunfe"),
            // One name in common with the first event only.
            p("kant ostira velumar ranefo"),
            p(""),
            p(""),
            // Names one thing: joins the first event, and cannot chain the second to it.
            p("japarov"),
            p("lenzorin tavika bishkek"),
        ];
        let e = cluster(&profiles, &s);
        assert_eq!(e, vec![0, 1, 0, 1, 2, 3, 3, 0, 1]);
        // Order does not matter.
        let mut rev = profiles.clone();
        rev.reverse();
        let mut r = cluster(&rev, &s);
        r.reverse();
        for a in 0..profiles.len() {
            for b in 0..profiles.len() {
                assert_eq!(e[a] == e[b], r[a] == r[b], "{a} {b}");
            }
        }
    }
}
