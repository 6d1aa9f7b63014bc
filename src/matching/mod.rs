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
//!    one source stating the value in the same words, similar enough; a value and the
//!    equivalent right after it, "$19 billion (£11.4bn)") first become one unit, as similar to
//!    others as its best-described member. Then average linkage: the two clusters
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
use cluster::{cluster, cluster_events};
use features::{Features, features, label, matches_fact, name_features};
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
/// Held by every claim while it is matched: as [`Sym`]s (inline up to 15 bytes, nearly every
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

/// One cluster before it is a [`Group`]: its claims (indices into the sorted claims, ascending),
/// the tracked fact's name when it is one, its label, and the first claims of the clusters of
/// its event it is related to ([`measure::related`]). Empty once handed out.
///
/// Every claim of an archive is in one of these until its group is handed out, most of them
/// alone: each part is held in exactly its room (64 bytes and the parts, not 96 and vectors
/// grown by doubling), claim indices as `u32` (a run holds fewer than 2^32 claims).
#[derive(Default)]
struct Made {
    members: Box<[u32]>,
    fact: Option<Box<str>>,
    label: Box<str>,
    related: Box<[u32]>,
}

/// A claim's index in the sorted claims, as [`Made`] holds it.
fn index(i: usize) -> u32 {
    i as u32
}

/// [`group`], with events (and the components of a large one) clustered on up to `threads`
/// threads: the same groups for any thread count. `matched` hears of each event matched.
///
/// The matcher's view of a claim (a `Node`: its features, classes and measure) is made one
/// event at a time, and let go once the event's clusters, labels and relations are made: an
/// archive's claims are never all held as nodes at once (they were the peak of a compare of
/// 100,000 articles). Each node depends only on its claim and its event, so the groups are
/// those of nodes made all at once.
pub fn group_on(
    claims: &[&Claim],
    settings: &Settings,
    aliases: &[Alias],
    facts: &[Fact],
    threads: usize,
    matched: EventHook,
) -> Vec<Group> {
    let mut groups = Vec::new();
    group_each(
        claims,
        settings,
        aliases,
        facts,
        threads,
        matched,
        &mut |g| groups.push(g),
    );
    groups
}

/// [`group_on`], each group handed to `sink` as it is made, in order, rather than all returned
/// at once: a caller that keeps few of them (`compare` keeps the facts two sources state, some
/// 24,000 of 130,000 groups at 10,000 articles) never holds them all (some 20 MB at 10,000
/// articles, at the peak of a compare).
pub fn group_each(
    claims: &[&Claim],
    settings: &Settings,
    aliases: &[Alias],
    facts: &[Fact],
    threads: usize,
    matched: EventHook,
    sink: &mut dyn FnMut(Group),
) {
    let sorted = sorted_by_position(claims);

    let mut made: Vec<Made> = Vec::new();
    let mut free: Vec<usize> = Vec::new();
    let mut by_fact: BTreeMap<(usize, Sym), Vec<usize>> = BTreeMap::new();
    for (i, c) in sorted.iter().enumerate() {
        if is_dateline(c) {
            made.push(Made {
                members: Box::new([index(i)]),
                fact: None,
                label: label(&[&Node::new(c, aliases)]).into(),
                related: Box::default(),
            });
            continue;
        }
        let fact = if facts.is_empty() {
            None
        } else {
            let f = features(c, aliases);
            facts
                .iter()
                .position(|fact| matches_fact(fact, &f, c.kind, settings))
        };
        match fact {
            Some(fi) => by_fact
                .entry((fi, classes(c)[0].clone()))
                .or_default()
                .push(i),
            None => free.push(i),
        }
    }
    for ((fi, _), members) in by_fact {
        let name = facts[fi].name.clone();
        made.push(Made {
            members: members.into_iter().map(index).collect(),
            label: name.as_str().into(),
            fact: Some(name.into()),
            related: Box::default(),
        });
    }
    // Claims are matched only within their event, where the event's own year and country
    // restrict nothing. Events are independent: clustered on threads, in event order.
    let events = by_event_of(&sorted, &free, aliases, settings, threads);
    let dated = datelines_of(&sorted);
    let mut made_by = cluster_events(&events, threads, matched, |free, threads| {
        event_clusters(&sorted, free, &dated, aliases, settings, threads)
    });
    drop((dated, events, free));
    // The few clusters made before (datelines, tracked facts) are one more list beside the
    // events': the clusters of an archive stay in the lists they were made in, never copied
    // into one (which held them all twice while it was filled).
    made_by.push(made);
    for m in made_by.iter_mut().flatten() {
        m.members.sort_unstable();
    }
    // Every cluster as (its first claim, its list, its place in the list), in group order: a
    // claim is in one cluster, so no two clusters have one first claim.
    let mut order: Vec<(u32, u32, u32)> = Vec::with_capacity(made_by.iter().map(Vec::len).sum());
    for (e, list) in made_by.iter().enumerate() {
        for (i, m) in list.iter().enumerate() {
            order.push((m.members[0], e as u32, i as u32));
        }
    }
    order.sort_unstable();
    // The place of each cluster, by its first claim.
    let mut place: Vec<u32> = vec![u32::MAX; sorted.len()];
    for (k, &(first, _, _)) in order.iter().enumerate() {
        place[first as usize] = k as u32;
    }
    // Each cluster is taken out of its list as it is handed out, and a list is let go with its
    // last cluster, so that their room is given back as they go, as the sink lets most of its
    // groups go.
    let mut left: Vec<usize> = made_by.iter().map(Vec::len).collect();
    for (k, &(_, e, i)) in order.iter().enumerate() {
        let (e, i) = (e as usize, i as usize);
        let m = std::mem::take(&mut made_by[e][i]);
        left[e] -= 1;
        if left[e] == 0 {
            made_by[e] = Vec::new();
        }
        let mut related: Vec<u32> = (m.related.iter())
            .map(|&first| place[first as usize])
            .collect();
        related.sort_unstable();
        related.dedup();
        sink(Group {
            id: format!("g{}", k + 1),
            label: m.label.into(),
            claim_ids: (m.members.iter())
                .map(|&i| sorted[i as usize].id.clone())
                .collect(),
            fact: m.fact.map(String::from),
            related: related.iter().map(|r| format!("g{}", r + 1)).collect(),
        });
    }
}

/// `claims` in order of [`position`], repeats of an id after the first left out. Claims come
/// a source at a time, the sources in order, as `compare` hands them over: each source's run
/// is sorted alone, which is the whole order then, and the cost grows with the claims, not
/// with their number's logarithm as well (a sort of every claim of an archive at once grew 9
/// times for 4 times the articles, its comparisons missing the caches). In any other order,
/// all are sorted at once.
fn sorted_by_position<'a>(claims: &[&'a Claim]) -> Vec<&'a Claim> {
    let mut sorted: Vec<&Claim> = claims.to_vec();
    let by_position = |a: &&Claim, b: &&Claim| position(a).cmp(&position(b));
    let runs: Vec<&mut [&Claim]> = sorted.chunk_by_mut(|a, b| a.source == b.source).collect();
    let in_order = runs
        .windows(2)
        .all(|w| w[0][0].source.as_str() < w[1][0].source.as_str());
    if in_order {
        for run in runs {
            run.sort_by(by_position);
        }
    } else {
        drop(runs);
        sorted.sort_by(by_position);
    }
    sorted.dedup_by(|a, b| a.id == b.id);
    sorted
}

/// True for a source's own dateline: per-article metadata that never joins another claim.
fn is_dateline(c: &Claim) -> bool {
    c.date.as_ref().is_some_and(|d| d.dateline)
}

/// The clusters of one event (the claims of `sorted` at `free`, ascending), on up to `threads`
/// threads: its nodes are made, its scopes and single things settled, its claims clustered,
/// and each cluster labelled and related to the others of its measure; then the nodes go.
fn event_clusters(
    sorted: &[&Claim],
    free: &[usize],
    datelines: &Datelines,
    aliases: &[Alias],
    settings: &Settings,
    threads: usize,
) -> Vec<Made> {
    let own = own_scopes_of(sorted, free, datelines);
    let claims: Vec<&Claim> = free.iter().map(|&i| sorted[i]).collect();
    let mut nodes = nodes_of(&claims, aliases);
    drop(claims);
    number_classes(&mut nodes);
    let local: Vec<usize> = (0..nodes.len()).collect();
    for n in &mut nodes {
        n.measure.drop_scopes(&own);
    }
    measure::keep_single_things(&mut nodes, &local);
    let clusters: Vec<Vec<usize>> = cluster(&nodes, &local, settings, threads)
        .into_iter()
        .map(|mut members| {
            members.sort_unstable();
            members
        })
        .collect();
    let related = measure::related(&clusters, &nodes);
    clusters
        .iter()
        .zip(related)
        .map(|(members, related)| {
            let of: Vec<&Node> = members.iter().map(|&k| &nodes[k]).collect();
            Made {
                label: label(&of).into(),
                members: members.iter().map(|&k| index(free[k])).collect(),
                fact: None,
                related: (related.iter())
                    .map(|&r| index(free[clusters[r][0]]))
                    .collect(),
            }
        })
        .collect()
}

/// The claims at `free` split by event (see [`events`]).
fn by_event(nodes: &[Node], free: &[usize], s: &Settings) -> Vec<Vec<usize>> {
    let names = |i: usize| nodes[i].features.names.to_vec();
    let claims: Vec<&Claim> = nodes.iter().map(|n| n.claim).collect();
    split_by_event(&article_events(&claims, names, s, 1), free)
}

/// [`by_event`] on claims, whose name tokens are worked out one claim at a time.
fn by_event_of(
    claims: &[&Claim],
    free: &[usize],
    aliases: &[Alias],
    s: &Settings,
    threads: usize,
) -> Vec<Vec<usize>> {
    let names = |i: usize| name_features(claims[i], aliases);
    split_by_event(&article_events(claims, names, s, threads), free)
}

/// The indices at `free` by the event of their article, events in order.
fn split_by_event(
    (article_of, event): &(Vec<usize>, Vec<usize>),
    free: &[usize],
) -> Vec<Vec<usize>> {
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in free {
        out.entry(event[article_of[i]]).or_default().push(i);
    }
    out.into_values().collect()
}

/// The article of each claim and the event of each article: articles, in order of source id,
/// profiled by the name words of all their claims' sentences (`names` of each claim: its
/// name tokens) and the figures they state with a role. Each article's profile is its own,
/// made on up to `threads` threads (in article order whatever the count).
fn article_events(
    claims: &[&Claim],
    names: impl Fn(usize) -> Vec<Sym> + Sync,
    s: &Settings,
    threads: usize,
) -> (Vec<usize>, Vec<usize>) {
    // Claims are sorted by source id, so each source's claims are consecutive: an article is a
    // run of them.
    let mut article_of: Vec<usize> = Vec::with_capacity(claims.len());
    let mut articles: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        match articles.last_mut() {
            Some(run) if claims[i - 1].source == c.source => run.end = i + 1,
            _ => articles.push(i..i + 1),
        }
        article_of.push(articles.len() - 1);
    }
    let profiles = crate::parallel::parallel_map(&articles, threads, |run| {
        // The tokens of the article, repeats and all.
        let mut tokens: Vec<Sym> = Vec::new();
        for i in run.clone() {
            // Names too common in news to tell events apart ("Russia", "United Nations") are
            // marked: they count towards the share two articles have in common, never towards
            // how rare that is. The figures an article states with their role ("deaths 11300")
            // and its exact days say which event it reports.
            tokens.extend(names(i).into_iter().map(|t| {
                if measure::is_common_name(&t) {
                    Sym::unique(&format!("{}{t}", events::COMMON_MARK))
                } else {
                    t
                }
            }));
            if let Some(t) = measure::fact_token(claims[i]) {
                tokens.push(Sym::unique(&t));
            }
        }
        first_of_each(&mut tokens)
    });
    (article_of, events::cluster(&profiles, s))
}

/// The first of each token of `tokens`, in order, in a vector of exactly their number; `tokens`
/// is left empty. [`events::cluster`] ignores repeats, so an article's profile is the same
/// without them, and all the profiles of a corpus are held at once (every claim repeats its
/// sentence's names: kept, they were 40 MB of 10,000 articles' matching).
fn first_of_each(tokens: &mut Vec<Sym>) -> Vec<Sym> {
    let mut seen: HashSet<&str> = HashSet::with_capacity(tokens.len());
    let first: Vec<bool> = tokens.iter().map(|t| seen.insert(t.as_str())).collect();
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
    let names = |i: usize| name_features(sorted[i], aliases);
    let (article_of, event) = article_events(&sorted, names, settings, 1);
    sorted
        .iter()
        .zip(article_of)
        .map(|(c, a)| (c.source.to_string(), event[a]))
        .collect()
}

/// The claims of each source's datelines (indices into the sorted claims), by source id.
type Datelines<'a> = BTreeMap<&'a str, Vec<usize>>;

/// The datelines of `nodes`, by source.
fn datelines<'a>(nodes: &'a [Node]) -> Datelines<'a> {
    let claims: Vec<&'a Claim> = nodes.iter().map(|n| n.claim).collect();
    datelines_of(&claims)
}

/// The datelines of `claims`, by source.
fn datelines_of<'a>(claims: &[&'a Claim]) -> Datelines<'a> {
    let mut out = Datelines::new();
    for (i, c) in claims.iter().enumerate() {
        if is_dateline(c) {
            out.entry(c.source.as_str()).or_default().push(i);
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
    let claims: Vec<&Claim> = nodes.iter().map(|n| n.claim).collect();
    own_scopes_of(&claims, free, datelines)
}

/// [`own_scopes`] of the claims at `free` among `claims`.
fn own_scopes_of(
    claims: &[&Claim],
    free: &[usize],
    datelines: &Datelines,
) -> std::collections::BTreeSet<String> {
    let mut articles: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for &i in free {
        articles
            .entry(claims[i].source.as_str())
            .or_default()
            .push(claims[i]);
    }
    for (source, a) in &mut articles {
        a.extend(
            datelines
                .get(source)
                .into_iter()
                .flatten()
                .map(|&i| claims[i]),
        );
    }
    let articles: Vec<Vec<&Claim>> = articles.into_values().collect();
    measure::own_scopes(&articles)
}

#[cfg(test)]
mod tests;
