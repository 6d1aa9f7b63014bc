//! Claims → groups: which claims, across sources, speak of the same fact.
//!
//! First, articles are clustered into events by the names they use ([`events`]):
//! subject words say *what* is counted, names say *which event*, and "the 123 countries which
//! have ratified the Rome Statute" must not meet "the 129 countries which have ratified the
//! Lenzorin Lentiti" of another story. Claims are then matched only within their event, by
//! three steps, none of which looks at values (a contradiction must land in one group). Every
//! weight below is computed over the claims of one event, so the groups of a five-article
//! event are the same whatever else the archive holds.
//!
//! 1. **Features.** Each claim becomes a bag of tokens: the subject's stemmed terms, its head
//!    noun, and the stemmed words of the names in its sentence (weekday and month names, which
//!    leak into names from dates, are dropped). User [`Alias`]es apply first: a claim that
//!    mentions any form of an alias also carries the words of its canonical name, so "ICC" and
//!    "International Criminal Court" meet. Tokens are weighted by inverse document frequency over
//!    the claims of the event, so "Putin" in every sentence counts for little and "Rome
//!    Statute" for a lot.
//! 2. **Blocking.** An inverted index maps (comparison class, key) → claims, where the class is
//!    the dimension plus, for counts, the counted unit (money in any currency is one class:
//!    the verdict converts where the articles give a rate), and the keys are the consonant
//!    skeletons of the claim's subject terms and of the [`Settings::block_keys`] rarest names
//!    of its sentence (so "Temur"/"Timur" share a block, and "Putin", named in every sentence,
//!    need not make one). Only pairs that share a block are scored, and in a block of more than
//!    [`Settings::max_block`] claims each claim meets only its next `max_block` neighbours, so
//!    cost grows with the corpus rather than its square.
//! 3. **Clustering**, per connected component of mergeable pairs. Restatements (two claims of
//!    one source stating the value in the same words, similar enough) first become one unit,
//!    as similar to others as its best-described member. Then average linkage: the two clusters
//!    with the highest mean unit-pair similarity (unscored pairs count as 0) merge while that
//!    mean reaches [`Settings::min_similarity`] and most unit pairs reach it on their own — so
//!    nothing chains: A≈B and B≈C do not pull C in with A when A and C are unlike. A merge is
//!    refused when the clusters share no comparison class, or when two of their claims are of
//!    one sentence, or of one source and less similar than [`Settings::min_same_source`].
//!    Lance-Williams updates and a lazy heap keep each merge cheap.
//!
//! Datelines (a source's own publication date) are per-article metadata: they never join
//! another claim. Claims matching a tracked [`Fact`] are grouped under its name, one group per
//! comparison class, across events (the user named that fact). Every claim ends up in exactly one [`Group`]; the output depends only on
//! the set of claims, not their order.

//!
//! The stages live in their own files, each calling only the ones below it: `settings`
//! (every threshold), `features` (a claim's weighted tokens and the similarity of two),
//! `blocking` (candidate pairs from the inverted index), `cluster` (restatement units and
//! average linkage), [`events`] (articles → events) and `union_find`.

mod blocking;
mod cluster;
pub mod events;
mod explain;
mod features;
mod measure;
mod settings;
mod union_find;

pub use explain::why_apart;
pub use settings::Settings;

use crate::claim::{Claim, Dimension, Kind, Sym};
use cluster::cluster_events;
use features::{Features, features, label, matches_fact};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A user alias from claims.toml: `name` and every form in `aliases` denote one entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub name: String,
    pub aliases: Vec<String>,
}

/// A tracked fact from claims.toml: claims whose subject, head or names hold every term (after
/// stemming, fuzzily) and, when `kind` is set, of that kind, are grouped under `name`.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub name: String,
    pub terms: Vec<String>,
    pub kind: Option<Kind>,
}

/// Claims that speak of one fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// `g1`, `g2`, … in order of each group's first claim (source id, then offset).
    pub id: String,
    /// A readable label for the fact ("anniversary of its opening").
    pub label: String,
    /// Claim ids in order of source id, then offset.
    pub claim_ids: Vec<Sym>,
    /// The tracked fact's name when the group comes from a [`Fact`].
    pub fact: Option<String>,
    /// Groups of the same measure in the same event that differ only by who gives the figure
    /// ("the police: 338,000"; "the organisers: 2 million"): different facts, shown side by
    /// side, never a conflict. Ids, in order.
    pub related: Vec<String>,
}

/// The comparison classes a claim belongs to: the dimension, plus the counted unit for counts.
/// Money is one class whatever the currency: "₹615 crore" and "$75 million" may be one price,
/// and the verdict compares each pair in a currency both state (directly or through a
/// parenthetical equivalent).
///
/// Held by every claim while it is matched: as [`Sym`]s (inline up to 23 bytes, nearly every
/// class) in a slice of exactly their number, not a vector of `String`s (two allocations).
fn classes(c: &Claim) -> Box<[Sym]> {
    let class = match c.dimension {
        // What is counted: "people" for every noun that counts people.
        Dimension::Count if !c.measure.quantity.is_empty() => {
            Sym::interned(&format!("count:{}", c.measure.quantity))
        }
        Dimension::Count => Sym::interned(&format!("count:{}", c.unit)),
        d => Sym::interned(d.as_str()),
    };
    Box::new([class])
}

/// True when two claims' values may speak of one fact (same dimension; same counted unit; any
/// currencies).
pub fn comparable(a: &Claim, b: &Claim) -> bool {
    if a.dimension != b.dimension {
        return false;
    }
    let ca = classes(a);
    classes(b).iter().any(|k| ca.contains(k))
}

/// The matcher's view of one claim.
struct Node<'a> {
    claim: &'a Claim,
    features: Features<'a>,
    classes: Box<[Sym]>,
    /// Its one class as a number of one run of [`group_on`] (equal classes, equal numbers; see
    /// `number_classes`); [`UNNUMBERED`] until numbered, or when it has several classes: then
    /// the strings are compared.
    class_id: u32,
    /// What it measures, with its event's own year and country dropped from the scope.
    measure: measure::MeasureKey,
    /// Its specific figure ([`measure::figure_token`]), worked out once: every candidate pair
    /// asks for it.
    figure: Option<String>,
    /// A hash of its source id: two claims whose hashes differ are of different sources, told
    /// without comparing the ids (see [`same_source`]).
    source_hash: u64,
}

impl<'a> Node<'a> {
    fn new(claim: &'a Claim, aliases: &[Alias]) -> Node<'a> {
        Node {
            claim,
            features: features(claim, aliases),
            classes: classes(claim),
            class_id: UNNUMBERED,
            measure: measure::MeasureKey::of(claim),
            figure: measure::figure_token(claim),
            source_hash: {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                claim.source.hash(&mut h);
                h.finish()
            },
        }
    }
}

/// The nodes of `claims`, in order, each holding the name tokens of the node before it when
/// they are equal (the claims of one sentence), not a copy of its own.
fn nodes_of<'a>(claims: &[&'a Claim], aliases: &[Alias]) -> Vec<Node<'a>> {
    let mut nodes: Vec<Node<'a>> = Vec::with_capacity(claims.len());
    for c in claims {
        let mut n = Node::new(c, aliases);
        if let Some(before) = nodes.last() {
            n.features.share_names(&before.features);
        }
        nodes.push(n);
    }
    nodes
}

/// The class number of a node whose class is not numbered.
const UNNUMBERED: u32 = u32::MAX;

/// Number the classes of `nodes` with one class each (equal classes, equal numbers), so that
/// the cannot-link test of every candidate pair compares two numbers rather than two strings
/// (the strings were 5% of a compare of one story of 5,000 articles).
fn number_classes(nodes: &mut [Node]) {
    let mut ids: HashMap<String, u32> = HashMap::new();
    for n in nodes.iter_mut() {
        let [class] = &n.classes[..] else {
            continue;
        };
        n.class_id = match ids.get(class.as_str()) {
            Some(&id) => id,
            None => {
                let id = ids.len() as u32;
                ids.insert(class.to_string(), id);
                id
            }
        };
    }
}

/// True when two nodes share a comparison class: their numbers when both have one, else
/// their class strings.
fn share_class(a: &Node, b: &Node) -> bool {
    if a.class_id != UNNUMBERED && b.class_id != UNNUMBERED {
        return a.class_id == b.class_id;
    }
    a.classes.iter().any(|k| b.classes.contains(k))
}

/// True when two claims are of one source (the ids are compared only when their hashes agree).
fn same_source(a: &Node, b: &Node) -> bool {
    a.source_hash == b.source_hash && a.claim.source == b.claim.source
}

/// Two claims that may never share a group: incomparable values, different measures (another
/// role, scope or source), or two values of one sentence of one source (a sentence states each
/// fact once, though it may restate it in other units).
fn cannot_link(a: &Node, b: &Node) -> bool {
    if a.claim.dimension != b.claim.dimension || !share_class(a, b) {
        return true;
    }
    if measure::measures_differ(&a.measure, &b.measure) {
        return true;
    }
    a.claim.sentence.start() == b.claim.sentence.start()
        && same_source(a, b)
        && !restates(a.claim, b.claim)
}

/// True when one claim is the other restated in other units ("Rs 615 crore ($75 million)"),
/// or derived from it (the sum of the parts listed beside a total, see
/// [`crate::derive`](mod@crate::derive)): the pairs of values of one sentence that may share a group.
fn restates(a: &Claim, b: &Claim) -> bool {
    let from = |x: &Claim, y: &Claim| x.derived.as_ref().is_some_and(|d| d.from.contains(&y.id));
    a.equivalent.as_ref().is_some_and(|e| e.span == b.span) || from(a, b) || from(b, a)
}

/// Sort key: source id, then offset, then id.
fn position(c: &Claim) -> (&str, usize, usize, &str) {
    (
        c.source.as_str(),
        c.span.start(),
        c.span.end(),
        c.id.as_str(),
    )
}

/// Group the claims that speak of the same fact. Deterministic: the same set of claims gives
/// the same groups in any input order.
pub fn group(
    claims: &[&Claim],
    settings: &Settings,
    aliases: &[Alias],
    facts: &[Fact],
) -> Vec<Group> {
    group_on(claims, settings, aliases, facts, 1, &|_, _| {})
}

/// Called with (events matched, events) as events are matched, from any thread.
pub type EventHook<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// [`group`], with events (and the components of a large one) clustered on up to `threads`
/// threads: the same groups for any thread count. `matched` hears of each event matched.
pub fn group_on(
    claims: &[&Claim],
    settings: &Settings,
    aliases: &[Alias],
    facts: &[Fact],
    threads: usize,
    matched: EventHook,
) -> Vec<Group> {
    let mut sorted: Vec<&Claim> = claims.to_vec();
    sorted.sort_by(|a, b| position(a).cmp(&position(b)));
    sorted.dedup_by(|a, b| a.id == b.id);
    let mut nodes = nodes_of(&sorted, aliases);
    number_classes(&mut nodes);

    // Clusters as lists of node indices, plus the fact name when tracked.
    let mut clusters: Vec<(Vec<usize>, Option<String>)> = Vec::new();
    let mut free: Vec<usize> = Vec::new();
    let mut by_fact: BTreeMap<(usize, Sym), Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if n.claim.date.as_ref().is_some_and(|d| d.dateline) {
            clusters.push((vec![i], None));
            continue;
        }
        let fact = facts
            .iter()
            .position(|f| matches_fact(f, &n.features, n.claim.kind, settings));
        match fact {
            Some(fi) => by_fact
                .entry((fi, n.classes[0].clone()))
                .or_default()
                .push(i),
            None => free.push(i),
        }
    }
    for ((fi, _), members) in by_fact {
        clusters.push((members, Some(facts[fi].name.clone())));
    }
    // Claims are matched only within their event, where the event's own year and country
    // restrict nothing.
    let events = by_event(&nodes, &free, settings);
    let mut event_of: Vec<usize> = vec![usize::MAX; nodes.len()];
    let dated = datelines(&nodes);
    let owns: Vec<_> = events
        .iter()
        .map(|free| own_scopes(&nodes, free, &dated))
        .collect();
    drop(dated);
    for (e, (free, own)) in events.iter().zip(owns).enumerate() {
        for &i in free {
            nodes[i].measure.drop_scopes(&own);
            event_of[i] = e;
        }
        measure::keep_single_things(&mut nodes, free);
    }
    // Events are independent: clustered on threads, the clusters in event order.
    for members in cluster_events(&nodes, &events, settings, threads, matched) {
        clusters.push((members, None));
    }

    for (members, _) in &mut clusters {
        members.sort_unstable();
    }
    clusters.sort_by_key(|(m, _)| m[0]);
    let related = measure::related(&clusters, &nodes, &event_of);
    clusters
        .into_iter()
        .enumerate()
        .map(|(k, (members, fact))| {
            let of: Vec<&Node> = members.iter().map(|&i| &nodes[i]).collect();
            Group {
                id: format!("g{}", k + 1),
                label: fact.clone().unwrap_or_else(|| label(&of)),
                claim_ids: members.iter().map(|&i| nodes[i].claim.id.clone()).collect(),
                fact,
                related: related[k].iter().map(|r| format!("g{}", r + 1)).collect(),
            }
        })
        .collect()
}

/// The claims at `free` split by event (see [`events`]).
fn by_event(nodes: &[Node], free: &[usize], s: &Settings) -> Vec<Vec<usize>> {
    let (article_of, event) = article_events(nodes, s);
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in free {
        out.entry(event[article_of[i]]).or_default().push(i);
    }
    out.into_values().collect()
}

/// The article of each node and the event of each article: articles, in order of source id,
/// profiled by the name words of all their claims' sentences and the figures they state with a
/// role.
fn article_events(nodes: &[Node], s: &Settings) -> (Vec<usize>, Vec<usize>) {
    // Nodes are sorted by source id, so each source's claims are consecutive.
    let mut article_of: Vec<usize> = Vec::with_capacity(nodes.len());
    let mut profiles: Vec<Vec<Cow<str>>> = Vec::new();
    // The tokens of the article being read, repeats and all, and which it has already.
    let mut tokens: Vec<Cow<str>> = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        if i > 0 && nodes[i - 1].claim.source != n.claim.source {
            profiles.push(first_of_each(&mut tokens));
        }
        article_of.push(profiles.len());
        // Names too common in news to tell events apart ("Russia", "United Nations") are
        // marked: they count towards the share two articles have in common, never towards how
        // rare that is. The figures an article states with their role ("deaths 11300") and its
        // exact days say which event it reports.
        tokens.extend(n.features.names.iter().map(|t| {
            if measure::is_common_name(t) {
                Cow::Owned(format!("{}{t}", events::COMMON_MARK))
            } else {
                Cow::Borrowed(t.as_str())
            }
        }));
        if let Some(t) = measure::fact_token(n.claim) {
            tokens.push(Cow::Owned(t));
        }
    }
    if !nodes.is_empty() {
        profiles.push(first_of_each(&mut tokens));
    }
    (article_of, events::cluster(&profiles, s))
}

/// The first of each token of `tokens`, in order, in a vector of exactly their number; `tokens`
/// is left empty. [`events::cluster`] ignores repeats, so an article's profile is the same
/// without them, and all the profiles of a corpus are held at once (every claim repeats its
/// sentence's names: kept, they were 40 MB of 10,000 articles' matching).
fn first_of_each<'a>(tokens: &mut Vec<Cow<'a, str>>) -> Vec<Cow<'a, str>> {
    let mut seen: HashSet<&str> = HashSet::with_capacity(tokens.len());
    let first: Vec<bool> = tokens.iter().map(|t| seen.insert(t.as_ref())).collect();
    drop(seen);
    let mut out = Vec::with_capacity(first.iter().filter(|&&f| f).count());
    out.extend(
        tokens
            .drain(..)
            .zip(first)
            .filter_map(|(t, f)| f.then_some(t)),
    );
    out
}

/// The event each source's articles are matched in: source id → event number (0.., in order of
/// source id). Claims are only ever grouped within one event.
pub fn events_of(
    claims: &[&Claim],
    settings: &Settings,
    aliases: &[Alias],
) -> BTreeMap<String, usize> {
    let mut sorted: Vec<&Claim> = claims.to_vec();
    sorted.sort_by(|a, b| position(a).cmp(&position(b)));
    sorted.dedup_by(|a, b| a.id == b.id);
    let nodes = nodes_of(&sorted, aliases);
    let (article_of, event) = article_events(&nodes, settings);
    nodes
        .iter()
        .zip(article_of)
        .map(|(n, a)| (n.claim.source.to_string(), event[a]))
        .collect()
}

/// The nodes of each source's datelines, by source id.
type Datelines<'a> = BTreeMap<&'a str, Vec<usize>>;

/// The datelines of `nodes`, by source.
fn datelines<'a>(nodes: &'a [Node]) -> Datelines<'a> {
    let mut out = Datelines::new();
    for (i, n) in nodes.iter().enumerate() {
        if n.claim.date.as_ref().is_some_and(|d| d.dateline) {
            out.entry(n.claim.source.as_str()).or_default().push(i);
        }
    }
    out
}

/// The scopes every claim of one event shares (see [`measure::own_scopes`]): read from the
/// claims at `free` and the datelines of their articles (kept out of matching, but the surest
/// word on the year an article speaks from).
fn own_scopes(
    nodes: &[Node],
    free: &[usize],
    datelines: &Datelines,
) -> std::collections::BTreeSet<String> {
    let mut articles: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for &i in free {
        articles
            .entry(nodes[i].claim.source.as_str())
            .or_default()
            .push(nodes[i].claim);
    }
    for (source, a) in &mut articles {
        a.extend(
            datelines
                .get(source)
                .into_iter()
                .flatten()
                .map(|&i| nodes[i].claim),
        );
    }
    let articles: Vec<Vec<&Claim>> = articles.into_values().collect();
    measure::own_scopes(&articles)
}

#[cfg(test)]
mod tests;
