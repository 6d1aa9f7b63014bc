//! The matcher on the seed corpus, the planted-conflict fixture and generated archives: which
//! claims group, which never do, and that grouping depends only on the set of claims.

use super::blocking::Pairs;
use super::cluster::agglomerate;
use super::features::{fuzzy_eq, mentions, skeleton};
use super::*;
use crate::calendar::Ymd;
use crate::config::Config;
use crate::corpus::{self, Corpus};
use crate::extract::{Context, extract};
use crate::lang::en::stem::stem;
use crate::verdict::{Judgement, SourceInfo, Verdict, judge};
use std::collections::BTreeSet;
use std::path::Path;

/// The bundled seed corpus with claims.toml's metadata.
fn seed_corpus() -> Corpus {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("claims.toml");
    let config = Config::load(&path).expect("claims.toml");
    let inputs = corpus::inputs(&[], "-", &config).expect("inputs");
    let mut corpus = corpus::load(&inputs, &config, &mut std::io::empty()).expect("corpus");
    // With the claims they imply, as `claims compare` groups them.
    corpus::derive_all(&mut corpus.articles, &config);
    corpus
}

/// Outlet (else id) and publication date of a seed source.
fn seed_sources(corpus: &Corpus) -> impl Fn(&str) -> SourceInfo + '_ {
    move |id: &str| {
        let a = corpus.articles.iter().find(|a| a.source.id == id);
        SourceInfo {
            name: a
                .and_then(|a| a.outlet.clone())
                .unwrap_or_else(|| id.to_string()),
            published: a.and_then(|a| a.published),
        }
    }
}

struct Seeds {
    corpus: Corpus,
}

impl Seeds {
    fn new() -> Seeds {
        Seeds {
            corpus: seed_corpus(),
        }
    }

    fn claims(&self) -> Vec<&Claim> {
        self.corpus
            .articles
            .iter()
            .flat_map(|a| &a.claims)
            .collect()
    }

    /// Every claim of source `src` (id prefix) whose text is `text`.
    fn find(&self, src: &str, text: &str) -> Vec<&Claim> {
        let found: Vec<&Claim> = self
            .claims()
            .into_iter()
            .filter(|c| c.source.starts_with(src) && c.text == text)
            .collect();
        assert!(!found.is_empty(), "no claim {text:?} in {src}");
        found
    }

    fn one(&self, src: &str, text: &str) -> &Claim {
        self.find(src, text)[0]
    }
}

fn group_of<'g>(groups: &'g [Group], id: &str) -> &'g Group {
    groups
        .iter()
        .find(|g| g.claim_ids.iter().any(|c| c == id))
        .unwrap_or_else(|| panic!("{id} in no group"))
}

fn judge_group(seeds: &Seeds, g: &Group) -> Judgement {
    let claims = seeds.claims();
    let members: Vec<&Claim> = g
        .claim_ids
        .iter()
        .map(|id| *claims.iter().find(|c| &c.id == id).unwrap())
        .collect();
    judge(&members, &seed_sources(&seeds.corpus))
}

fn seed_groups(seeds: &Seeds) -> Vec<Group> {
    group(&seeds.claims(), &Settings::default(), &[], &[])
}

/// An article restating a fact forms one group; the same two mentions further apart than
/// `same_source_window` are never compared, so they stay apart.
#[test]
fn restatements_further_apart_than_the_window_are_not_compared() {
    let fact = "More than 4,500 Bishkek police officers guarded the summit in Bishkek.";
    // Other claims give the officers' words their weight (idf within the event).
    let others = "The summit lasted two days. It cost US$5 million. Three ministers attended. \
                  About 40 journalists came. The road was 12 km long.";
    let filler = "The talks went on late into the night. ".repeat(100);
    let text = format!("{fact}\n\n{others}\n\n{filler}\n\n{fact}\n");
    let ctx = Context {
        source: "a",
        ..Context::default()
    };
    let claims = extract(&text, &ctx);
    let officers: Vec<&Claim> = claims.iter().filter(|c| c.text.contains("4,500")).collect();
    assert_eq!(officers.len(), 2);
    let gap = officers[1].span.start() - officers[0].span.start();
    let all: Vec<&Claim> = claims.iter().collect();
    let together = |window: usize| {
        let s = Settings {
            same_source_window: window,
            ..Settings::default()
        };
        let groups = group(&all, &s, &[], &[]);
        group_of(&groups, &officers[0].id) == group_of(&groups, &officers[1].id)
    };
    assert!(together(gap + 1));
    assert!(!together(gap - 1));
}

#[test]
fn rome_statute_countries_agree() {
    let seeds = Seeds::new();
    let groups = seed_groups(&seeds);
    let a = seeds.one("002", "123");
    let b = seeds.one("003", "123");
    let g = group_of(&groups, &a.id);
    assert_eq!(g, group_of(&groups, &b.id));
    assert_eq!(judge_group(&seeds, g).verdict, Verdict::Agree);
}

#[test]
fn kant_anniversary_is_one_agreeing_group() {
    let seeds = Seeds::new();
    let groups = seed_groups(&seeds);
    let ids: Vec<&str> = ["000", "001", "002", "004"]
        .iter()
        .map(|s| seeds.one(s, "20th").id.as_str())
        .collect();
    let g = group_of(&groups, ids[0]);
    for id in &ids {
        assert_eq!(group_of(&groups, id), g, "{id}");
    }
    assert_eq!(g.claim_ids.len(), 4, "{g:?}");
    assert_eq!(judge_group(&seeds, g).verdict, Verdict::Agree);
}

/// Gold g19: the start date "its 20-month war" gives (derived, role start) meets IWPR's "since
/// sending Russian troops into Ukraine in February 2022" (role start: "since"), whose words
/// meet its own; IWPR's "meetings held since February 2022", a start of something else whose
/// words meet nothing of the war's, stays apart.
#[test]
fn the_war_start_derived_from_its_length_meets_the_stated_start() {
    let seeds = Seeds::new();
    let groups = seed_groups(&seeds);
    let derived = seeds.one("000", "20-month war");
    assert!(derived.derived.is_some());
    let stated = seeds.find("002", "February 2022");
    assert_eq!(stated.len(), 2, "{stated:?}");
    assert_eq!(&*derived.measure.role, crate::lang::en::measure::START_ROLE);
    for c in &stated {
        assert_eq!(
            &*c.measure.role,
            crate::lang::en::measure::START_ROLE,
            "{c:?}"
        );
    }
    let g = group_of(&groups, &derived.id);
    assert_eq!(group_of(&groups, &stated[0].id), g, "{g:?}");
    assert_ne!(group_of(&groups, &stated[1].id), g, "{g:?}");
    assert_eq!(judge_group(&seeds, g).verdict, Verdict::Compatible);
}

#[test]
fn investor_rank_conflicts() {
    let seeds = Seeds::new();
    let groups = seed_groups(&seeds);
    let a = seeds.one("002", "second-largest");
    let b = seeds.one("003", "largest");
    let g = group_of(&groups, &a.id);
    assert_eq!(g, group_of(&groups, &b.id));
    let j = judge_group(&seeds, g);
    assert_eq!(j.verdict, Verdict::Conflict);
    assert!(j.explanation.contains("IWPR"), "{}", j.explanation);
    assert!(
        j.explanation.contains("second-largest"),
        "{}",
        j.explanation
    );
}

#[test]
fn visit_dates_are_one_compatible_group() {
    let seeds = Seeds::new();
    let groups = seed_groups(&seeds);
    let thursdays: Vec<&str> = seeds
        .find("000", "Thursday")
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    let oct12 = seeds.one("002", "October 12");
    let range = seeds.one("003", "October 12-13");
    let g = group_of(&groups, &oct12.id);
    assert_eq!(g, group_of(&groups, &range.id));
    assert!(
        thursdays.iter().any(|t| g.claim_ids.iter().any(|c| c == t)),
        "no Thursday of 000 in {g:?}"
    );
    assert_eq!(judge_group(&seeds, g).verdict, Verdict::Compatible);
}

#[test]
fn lookalike_numbers_stay_apart() {
    let seeds = Seeds::new();
    let groups = seed_groups(&seeds);
    let sets: [&[(&str, &str)]; 3] = [
        &[
            ("000", "20-month"),
            ("000", "20-car"),
            ("002", "about 20 kilometres"),
            ("000", "20th"),
        ],
        &[
            ("002", "five"),
            ("003", "five years"),
            ("003", "five hectares"),
            ("003", "US$5 billion"),
        ],
        &[("002", "about a third"), ("003", "one-third")],
    ];
    for set in sets {
        // Repeats of one text ("20-month" twice) may share a group; distinct texts may not.
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for &(src, text) in set {
            for c in seeds.find(src, text) {
                let g = group_of(&groups, &c.id).id.as_str();
                for (other, gid) in &seen {
                    assert!(
                        *other == text || *gid != g,
                        "{text:?} grouped with {other:?} in {g}"
                    );
                }
                seen.push((text, g));
            }
        }
    }
}

#[test]
fn only_the_investor_rank_conflicts() {
    let seeds = Seeds::new();
    let groups = seed_groups(&seeds);
    let conflicts: Vec<String> = groups
        .iter()
        .filter_map(|g| {
            let j = judge_group(&seeds, g);
            (j.verdict == Verdict::Conflict).then(|| format!("{}: {}", g.label, j.explanation))
        })
        .collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert!(conflicts[0].contains("largest"), "{conflicts:#?}");
}

#[test]
fn datelines_never_group() {
    let seeds = Seeds::new();
    let groups = seed_groups(&seeds);
    for c in seeds.claims() {
        if c.date.as_ref().is_some_and(|d| d.dateline) {
            assert_eq!(group_of(&groups, &c.id).claim_ids, vec![c.id.clone()]);
        }
    }
}

#[test]
fn output_does_not_depend_on_input_order() {
    let seeds = Seeds::new();
    let mut claims = seeds.claims();
    let a = group(&claims, &Settings::default(), &[], &[]);
    claims.reverse();
    let b = group(&claims, &Settings::default(), &[], &[]);
    assert_eq!(a, b);
    assert_eq!(a[0].id, "g1");
    // Every claim in exactly one group.
    let n: usize = a.iter().map(|g| g.claim_ids.len()).sum();
    assert_eq!(n, claims.len());
}

#[test]
fn tracked_facts_name_their_group() {
    let seeds = Seeds::new();
    let facts = [Fact {
        name: "Kant airbase anniversary".into(),
        terms: vec!["anniversary".into()],
        kind: Some(Kind::Ordinal),
    }];
    let groups = group(&seeds.claims(), &Settings::default(), &[], &facts);
    let g = group_of(&groups, &seeds.one("001", "20th").id);
    assert_eq!(g.fact.as_deref(), Some("Kant airbase anniversary"));
    assert_eq!(g.label, "Kant airbase anniversary");
    assert_eq!(g.claim_ids.len(), 4);
}

#[test]
fn fuzzy_tokens_and_skeletons() {
    let s = Settings::default();
    assert!(fuzzy_eq("temur", "timur", &s));
    assert!(fuzzy_eq("azerbaijan", "azerbaijani", &s));
    assert!(!fuzzy_eq("war", "was", &s));
    assert_eq!(skeleton("temur"), skeleton("timur"));
    assert_eq!(skeleton("honour"), skeleton("honor"));
    assert_eq!(stem("kilometres"), stem("kilometers"));
}

#[test]
fn aliases_apply_before_scoring() {
    let a = extract(
        "The ICC prosecutor has charged 12 suspects.",
        &Context {
            source: "a",
            ..Context::default()
        },
    );
    let b = extract(
        "The International Criminal Court has indicted 12 people.",
        &Context {
            source: "b",
            ..Context::default()
        },
    );
    let claims: Vec<&Claim> = a.iter().chain(&b).collect();
    assert_eq!(claims.len(), 2, "{claims:#?}");
    let alias = [Alias {
        name: "International Criminal Court".into(),
        aliases: vec!["ICC".into()],
    }];
    let fa = features(claims[0], &alias);
    assert!(fa.names.iter().any(|n| n == "criminal"), "{fa:?}");
    assert!(mentions("The ICC prosecutor", "ICC"));
    assert!(!mentions("The ICCA prosecutor", "ICC"));
}

#[test]
fn no_chaining_through_one_member() {
    let s = Settings::default();
    let seeds = Seeds::new();
    // Three comparable claims of different sources: the four "first" ordinals will do.
    let firsts: Vec<&Claim> = ["000", "001", "002"]
        .iter()
        .map(|src| seeds.find(src, "first")[0])
        .collect();
    let nodes: Vec<Node> = firsts.iter().map(|c| Node::new(c, &[])).collect();
    // A≈B and B≈C, A and C unlike.
    let mut pairs = BTreeMap::new();
    pairs.insert((0, 1), 0.9);
    pairs.insert((1, 2), 0.9);
    let out = agglomerate(
        &nodes,
        &[0, 1, 2],
        &[0, 1, 2],
        &Pairs::from_map(3, &pairs),
        &s,
    );
    assert_eq!(out.len(), 2, "{out:?}");
    pairs.insert((0, 2), 0.8);
    let out = agglomerate(
        &nodes,
        &[0, 1, 2],
        &[0, 1, 2],
        &Pairs::from_map(3, &pairs),
        &s,
    );
    assert_eq!(out, vec![vec![0, 1, 2]]);
}

#[test]
fn figures_of_two_sources_never_share_a_group_through_unattributed_ones() {
    let s = Settings::default();
    let seeds = Seeds::new();
    let firsts: Vec<&Claim> = ["000", "001", "002", "004"]
        .iter()
        .map(|src| seeds.find(src, "first")[0])
        .collect();
    let mut nodes: Vec<Node> = firsts.iter().map(|c| Node::new(c, &[])).collect();
    for n in &mut nodes {
        n.measure = measure::MeasureKey::default();
    }
    // 0 is the agency's figure, 3 the ministry's; 1 and 2 say nobody's. Every pair is alike
    // but the two attributed ones, which the blocking never scores.
    nodes[0].measure.names = vec!["afp".to_string()];
    nodes[3].measure.names = vec!["ministry".to_string()];
    let mut pairs = BTreeMap::new();
    for (a, b) in [(0, 1), (0, 2), (1, 2), (1, 3), (2, 3)] {
        pairs.insert((a, b), 0.9);
    }
    let out = agglomerate(
        &nodes,
        &[0, 1, 2, 3],
        &[0, 1, 2, 3],
        &Pairs::from_map(4, &pairs),
        &s,
    );
    assert!(
        !out.iter().any(|c| c.contains(&0) && c.contains(&3)),
        "{out:?}"
    );
}

/// The planted-conflict fixture: (source id, publication date, claims).
fn fixture() -> Vec<(String, Option<Ymd>, Vec<Claim>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/conflicts");
    [
        ("a-herald", Ymd::new(2024, 3, 8)),
        ("b-valley-post", Ymd::new(2024, 3, 10)),
        ("c-wire", None),
    ]
    .into_iter()
    .map(|(id, published)| {
        let text = std::fs::read_to_string(dir.join(format!("{id}.txt"))).unwrap();
        let ctx = Context {
            source: id,
            // The undated wire takes its year from the others' week.
            published: published.or(Ymd::new(2024, 3, 9)),
            ..Context::default()
        };
        (id.to_string(), published, extract(&text, &ctx))
    })
    .collect()
}

#[test]
fn conflict_fixture() {
    let docs = fixture();
    let claims: Vec<&Claim> = docs.iter().flat_map(|d| &d.2).collect();
    let sources = |id: &str| SourceInfo {
        name: id.to_string(),
        published: docs.iter().find(|d| d.0 == id).and_then(|d| d.1),
    };
    let groups = group(&claims, &Settings::default(), &[], &[]);
    let mut verdicts: BTreeMap<String, (Verdict, String)> = BTreeMap::new();
    let mut conflicts: BTreeSet<Kind> = BTreeSet::new();
    let mut report = String::new();
    for g in &groups {
        let members: Vec<&Claim> = g
            .claim_ids
            .iter()
            .map(|id| *claims.iter().find(|c| &c.id == id).unwrap())
            .collect();
        let j = judge(&members, &sources);
        report.push_str(&format!("{} {} {}\n", g.id, j.verdict, j.explanation));
        if j.verdict == Verdict::Conflict {
            assert!(
                conflicts.insert(members[0].kind),
                "two conflicts of kind {}:\n{report}",
                members[0].kind
            );
            assert!(
                j.explanation
                    .contains("b-valley-post is later (2024-03-10)"),
                "{}",
                j.explanation
            );
        }
        for c in &members {
            verdicts.insert(c.text.to_string(), (j.verdict, j.explanation.clone()));
        }
    }
    let want = BTreeSet::from([
        Kind::Count,
        Kind::Money,
        Kind::Date,
        Kind::Distance,
        Kind::Rank,
    ]);
    assert_eq!(conflicts, want, "{report}");
    let expect = [
        ("1,500", Verdict::Conflict),
        ("US$5 million", Verdict::Conflict),
        ("20 miles", Verdict::Conflict),
        ("March 5-6", Verdict::Conflict),
        ("second-largest", Verdict::Conflict),
        ("2,500,000 euros", Verdict::Agree),
        ("Some 4,200", Verdict::Compatible),
        ("Some 300", Verdict::Compatible),
        ("third", Verdict::Agree),
    ];
    for (text, v) in expect {
        assert_eq!(verdicts[text].0, v, "{text}: {report}");
    }
}

#[test]
fn seeds_and_fixture_are_one_event_each() {
    let seeds = Seeds::new();
    let docs = fixture();
    let mut claims = seeds.claims();
    claims.extend(docs.iter().flat_map(|d| &d.2));
    claims.sort_by(|a, b| position(a).cmp(&position(b)));
    let nodes: Vec<Node> = claims.iter().map(|c| Node::new(c, &[])).collect();
    let all: Vec<usize> = (0..nodes.len()).collect();
    let events = by_event(&nodes, &all, &Settings::default());
    let sources = |e: &[usize]| -> BTreeSet<&str> {
        e.iter().map(|&i| &nodes[i].claim.source[..1]).collect()
    };
    // Seed ids start with a digit, fixture ids with a letter.
    assert_eq!(events.len(), 2);
    assert_eq!(sources(&events[0]), BTreeSet::from(["0"]));
    assert_eq!(sources(&events[1]), BTreeSet::from(["a", "b", "c"]));
    // The articles' profiles are made on threads: the events are the same for any count.
    let refs: &[&Claim] = &claims;
    let names = |i: usize| nodes[i].features.names.to_vec();
    let one = article_events(refs, names, &Settings::default(), 1);
    for threads in [2, 3, 8] {
        assert_eq!(
            article_events(refs, names, &Settings::default(), threads),
            one
        );
    }
    assert_eq!(one.1.len(), 8, "{one:?}");
}

#[test]
fn another_event_in_the_archive_changes_no_seed_group() {
    let seeds = Seeds::new();
    let docs = fixture();
    let alone = seed_groups(&seeds);
    let mut claims = seeds.claims();
    claims.extend(docs.iter().flat_map(|d| &d.2));
    let with = group(&claims, &Settings::default(), &[], &[]);
    let seed_ids: BTreeSet<&str> = seeds.claims().iter().map(|c| c.id.as_str()).collect();
    let mixed: Vec<&Group> = with
        .iter()
        .filter(|g| g.claim_ids.iter().any(|c| seed_ids.contains(c.as_str())))
        .collect();
    assert_eq!(mixed.len(), alone.len());
    for (a, b) in alone.iter().zip(mixed) {
        assert_eq!(a, b);
    }
}

/// Cost grows with the corpus: the seed claims copied `n` times under new source ids.
/// Run by hand: `cargo test --release --lib scaling -- --ignored`. Quadratic cost would make
/// the time per claim grow 4× from 40 copies to 160; it must stay under 3.5×. Copies are an
/// adversarial corpus (every fact stated 160 times in the same words). On the development
/// machine: 3,160 claims 0.6 s, 12,640 claims 6.8 s.
#[test]
#[ignore]
fn scaling() {
    let seeds = Seeds::new();
    let mut times = Vec::new();
    let sizes: Vec<usize> = std::env::var("SIZES").map_or(vec![40, 160], |v| {
        v.split(',').map(|x| x.parse().unwrap()).collect()
    });
    for n in sizes {
        let copies: Vec<Claim> = (0..n)
            .flat_map(|k| {
                seeds.claims().into_iter().map(move |c| {
                    let mut c = c.clone();
                    c.source = format!("{k:04}-{}", c.source).into();
                    c.id = format!("{k:04}-{}", c.id).into();
                    c
                })
            })
            .collect();
        let refs: Vec<&Claim> = copies.iter().collect();
        let t = std::time::Instant::now();
        let groups = group(&refs, &Settings::default(), &[], &[]);
        times.push((refs.len(), groups.len(), t.elapsed()));
    }
    let per_claim = |t: &(usize, usize, std::time::Duration)| t.2.as_secs_f64() / t.0 as f64;
    let (first, last) = (&times[0], &times[times.len() - 1]);
    assert!(per_claim(last) < 3.5 * per_claim(first), "{times:?}");
}

#[test]
fn groups_pairs_and_clusters_do_not_depend_on_threads() {
    let seeds = Seeds::new();
    let copies: Vec<Claim> = (0..12)
        .flat_map(|k| {
            seeds.claims().into_iter().map(move |c| {
                let mut c = c.clone();
                c.source = format!("{k:02}-{}", c.source).into();
                c.id = format!("{k:02}-{}", c.id).into();
                c
            })
        })
        .collect();
    let refs: Vec<&Claim> = copies.iter().collect();
    let s = Settings::default();
    let heard = std::sync::Mutex::new(Vec::new());
    let hook = |done: usize, total: usize| heard.lock().unwrap().push((done, total));
    let one = group_on(&refs, &s, &[], &[], 1, &hook);
    let events = heard.lock().unwrap().last().copied().unwrap();
    assert_eq!(events.0, events.1, "every event is heard of");
    for threads in [2, 8] {
        assert_eq!(group_on(&refs, &s, &[], &[], threads, &|_, _| {}), one);
    }
    // One event of them all: its rows of pairs in chunks, its components on threads.
    let nodes: Vec<Node> = refs.iter().map(|c| Node::new(c, &[])).collect();
    let free: Vec<usize> = (0..nodes.len()).collect();
    let pairs = super::blocking::candidate_pairs_in(&nodes, &free, &s, 1, usize::MAX);
    assert!(pairs.iter().count() > 1000);
    let clusters = super::cluster::cluster(&nodes, &free, &s, 1);
    for threads in [2, 3, 8] {
        let chunked = super::blocking::candidate_pairs_in(&nodes, &free, &s, threads, 1);
        assert!(chunked == pairs, "{threads} threads");
        assert_eq!(
            super::cluster::cluster(&nodes, &free, &s, threads),
            clusters
        );
    }
}

#[test]
fn an_articles_dateline_counts_towards_the_events_own_year() {
    // Two of four articles recall an older disaster by its year; each of the four is dated by
    // its dateline or its own dates in the story's year. The older year must stay another
    // time (its figure a different fact), not become the story's own.
    let texts = [
        (
            "a",
            "SEOUL, Oct. 30, 2022 (Yonhap) -- At least 150 people died in the crush. It was the worst since 300 people died when a ferry sank in 2014.",
        ),
        (
            "b",
            "SEOUL, Oct. 30, 2022 (AP) -- The crush killed 153 people. In 2014, a ferry sinking killed 300 people.",
        ),
        ("c", "The crush on Oct. 29, 2022 killed 154 people."),
        (
            "d",
            "At least 151 people died in the crush on Oct. 29, 2022.",
        ),
    ];
    let docs = extract_each(&texts);
    let claims: Vec<&Claim> = docs.iter().flatten().collect();
    assert!(
        claims
            .iter()
            .filter(|c| c.date.as_ref().is_some_and(|d| d.dateline))
            .count()
            >= 2,
        "{claims:?}"
    );
    let groups = group(&claims, &Settings::default(), &[], &[]);
    let ferry: Vec<&Claim> = claims.iter().copied().filter(|c| c.text == "300").collect();
    assert_eq!(ferry.len(), 2);
    for f in ferry {
        let g = group_of(&groups, &f.id);
        for id in &g.claim_ids {
            let c = claims.iter().find(|c| &c.id == id).unwrap();
            assert!(c.text == "300", "{:?} grouped with {id}", f.id);
        }
    }
}

#[test]
fn roles_of_one_measure_in_other_words_never_differ() {
    use measure::roles_differ;
    // What was paid for a thing is its cost.
    assert!(!roles_differ("cost", "deal_value"));
    assert!(!roles_differ("deal_value", "cost"));
    // A generic role agrees with a specific one; two specific roles of different things differ.
    assert!(!roles_differ("votes", "votes_against"));
    assert!(roles_differ("deaths", "injured"));
    assert!(roles_differ("cost", "deaths"));
    // A winning margin is no side's figure: a generic vote role does not stand for it.
    assert!(roles_differ("votes", "margin"));
    assert!(roles_differ("margin", "voters"));
    assert!(!roles_differ("margin", "margin"));
}

#[test]
fn the_date_of_a_storys_one_happening_meets_however_worded_and_another_years_does_not() {
    // A landing is a happening a story has one of: two dates of it are one fact even when the
    // sentences share no word, and a landing of another year (an earlier mission's) is
    // another fact.
    let texts = [
        (
            "a",
            "The probe landed near the pole on August 23, 2023. The last probe landed on September 7, 2019.",
        ),
        (
            "b",
            "Touchdown came on 22 August 2023 for the lander and its rover.",
        ),
        ("c", "India's craft landed on August 23, 2023."),
    ];
    let docs = extract_each(&texts);
    let claims: Vec<&Claim> = docs.iter().flatten().collect();
    let id_of = |src: &str, text: &str| claim_of(&claims, src, text).id.clone();
    let groups = group(&claims, &Settings::default(), &[], &[]);
    let landing = group_of(&groups, &id_of("a", "August 23"));
    assert!(
        landing.claim_ids.contains(&id_of("b", "22 August")),
        "{groups:?}"
    );
    assert!(
        landing.claim_ids.contains(&id_of("c", "August 23")),
        "{groups:?}"
    );
    assert!(
        !landing.claim_ids.contains(&id_of("a", "2019")),
        "{groups:?}"
    );
}

#[test]
fn a_happenings_date_without_a_year_meets_the_dated_one() {
    // Report a gives the launch day with no year and nothing to infer one from; b dates it in
    // another year than the story's own (2023, which b and c name). a's date sets no year
    // apart: one launch.
    let texts = [
        ("a", "The probe was launched on July 14 from the coast."),
        (
            "b",
            "The probe was launched on 14 July 2020 and landed on August 23, 2023.",
        ),
        ("c", "It landed on August 23, 2023, near the pole."),
        ("d", "An earlier probe was launched on July 22, 2019."),
    ];
    let docs = extract_each(&texts);
    let claims: Vec<&Claim> = docs.iter().flatten().collect();
    let find = |src: &str, text: &str| claim_of(&claims, src, text);
    let (open, dated, other) = (
        find("a", "July 14"),
        find("b", "14 July"),
        find("d", "July 22"),
    );
    assert!(open.value.lo().is_none(), "{open:?}");
    assert!(measure::MeasureKey::of(open).year_open);
    assert!(!measure::MeasureKey::of(dated).year_open);
    assert!(!measure::MeasureKey::of(other).year_open);
    let groups = group(&claims, &Settings::default(), &[], &[]);
    let launch = group_of(&groups, &open.id);
    assert!(launch.claim_ids.contains(&dated.id), "{groups:?}");
    // Two launches dated in different years never meet, open date or not.
    assert!(
        !group_of(&groups, &dated.id).claim_ids.contains(&other.id),
        "{groups:?}"
    );
    // A date without a year of no happening (a weekday of a meeting) is not open.
    let meeting = extract_each(&[("e", "The ministers met on Tuesday.")]);
    assert!(!measure::MeasureKey::of(&meeting[0][0]).year_open);
}

#[test]
fn a_sum_of_the_storys_subject_takes_the_money_role_of_the_events_sums() {
    // No report gives the mission's own sum a role ("the Rs 650 crore Zorvan-2 mission"); the
    // other report's sum is a cost. The subject's sum is its cost: one fact with it.
    let a = "The Rs 650 crore Zorvan-2 mission of the Kelvari Space Agency was launched from \
             Darvona on July 14.";
    let b = "The Kelvari Space Agency spent Rs 615 crore, officials in Darvona said.";
    let docs = extract_each(&[("a", a), ("b", b)]);
    let articles: Vec<Vec<&Claim>> = docs.iter().map(|d| d.iter().collect()).collect();
    let sum = articles[0]
        .iter()
        .find(|c| c.text == "Rs 650 crore")
        .expect("the mission's sum");
    assert!(sum.measure.role.is_empty(), "{sum:?}");
    let cost = articles[1]
        .iter()
        .find(|c| c.text == "Rs 615 crore")
        .expect("the cost");
    assert_eq!(cost.measure.role, "cost");
    let own = measure::own_scopes(&articles);
    assert!(own.contains("topic-role:cost"), "{own:?}");
    let claims: Vec<&Claim> = docs.iter().flatten().collect();
    let groups = group(&claims, &Settings::default(), &[], &[]);
    assert!(
        group_of(&groups, &sum.id).claim_ids.contains(&cost.id),
        "{groups:?}"
    );
    // No sum with a money role: the subject's sum takes none.
    let c = "The Kelvari Space Agency's rover weighs 26 kg, officials in Darvona said.";
    let docs = extract_each(&[("a", a), ("c", c)]);
    let articles: Vec<Vec<&Claim>> = docs.iter().map(|d| d.iter().collect()).collect();
    let own = measure::own_scopes(&articles);
    assert!(!own.iter().any(|s| s.starts_with("topic-role:")), "{own:?}");
}

#[test]
fn a_restriction_meets_the_same_restriction_whose_sentence_names_no_role() {
    // "one American among the dead" has a role (deaths); "two from the United States" in a
    // list of victims by country has none. Their shared restriction must bring them together
    // even though their words do not meet. (The story's own country, South Korea, restricts
    // nothing; the United States, named by two of three articles, is no leader.)
    let texts = [
        (
            "a",
            "The crush in Seoul killed 150 people in South Korea. There is one American among the dead, the ministry said.",
        ),
        (
            "b",
            "The crush in Seoul killed 151 people in South Korea. The 26 foreign victims include five from Iran and two from the United States.",
        ),
        (
            "c",
            "At least 150 people died in the crush in Seoul, South Korea.",
        ),
    ];
    let docs = extract_each(&texts);
    let claims: Vec<&Claim> = docs.iter().flatten().collect();
    let find = |src: &str, text: &str| claim_of(&claims, src, text).id.clone();
    let groups = group(&claims, &Settings::default(), &[], &[]);
    let g = group_of(&groups, &find("a", "one"));
    assert!(g.claim_ids.contains(&find("b", "two")), "{groups:?}");
    assert!(!g.claim_ids.contains(&find("b", "five")), "{groups:?}");
}

#[test]
fn numbered_classes_link_exactly_as_their_strings_do() {
    let corpus = seed_corpus();
    let claims: Vec<&Claim> = corpus.articles.iter().flat_map(|a| &a.claims).collect();
    let plain: Vec<Node> = claims.iter().map(|c| Node::new(c, &[])).collect();
    let mut numbered: Vec<Node> = claims.iter().map(|c| Node::new(c, &[])).collect();
    number_classes(&mut numbered);
    assert!(numbered.iter().all(|n| n.class_id != UNNUMBERED));
    let distinct: BTreeSet<&str> = plain.iter().map(|n| n.classes[0].as_str()).collect();
    assert!(distinct.len() > 3, "{distinct:?}");
    for i in 0..plain.len() {
        for j in (i..plain.len()).step_by(7) {
            assert_eq!(
                share_class(&numbered[i], &numbered[j]),
                share_class(&plain[i], &plain[j])
            );
            assert_eq!(
                cannot_link(&numbered[i], &numbered[j]),
                cannot_link(&plain[i], &plain[j])
            );
        }
    }
}

/// The claims of each `(source id, text)`, extracted as `claims` would.
/// The claim of source `src` whose text is `text`, else the first whose text holds it.
fn claim_of<'c>(claims: &[&'c Claim], src: &str, text: &str) -> &'c Claim {
    let mine = || claims.iter().filter(|c| c.source == src);
    mine()
        .find(|c| c.text == text)
        .or_else(|| mine().find(|c| c.text.contains(text)))
        .unwrap_or_else(|| panic!("no {text:?} in {src}: {claims:?}"))
}

fn extract_each(texts: &[(&str, &str)]) -> Vec<Vec<Claim>> {
    texts
        .iter()
        .map(|(id, text)| {
            extract(
                text,
                &Context {
                    source: id,
                    ..Context::default()
                },
            )
        })
        .collect()
}

/// Claims of three invented reports of one flood, grouped as `claims compare` groups them.
fn flood_groups(reports: &[(&str, &str)]) -> (Vec<Claim>, Vec<Group>) {
    let claims: Vec<Claim> = reports
        .iter()
        .flat_map(|&(source, text)| {
            extract(
                text,
                &Context {
                    source,
                    ..Context::default()
                },
            )
        })
        .collect();
    let refs: Vec<&Claim> = claims.iter().collect();
    let groups = group(&refs, &Settings::default(), &[], &[]);
    (claims, groups)
}

#[test]
fn a_thing_each_report_counts_once_is_one_fact_however_worded() {
    let reports = [
        (
            "a",
            "Two dams burst above the Marlow port of Eastland on Sunday night.",
        ),
        (
            "b",
            "Floodwater hit Marlow in Eastland after two ageing dams gave way.",
        ),
        (
            "c",
            "Eastland engineers had reported cracks in two dams near Marlow for years.",
        ),
    ];
    let (claims, groups) = flood_groups(&reports);
    let dams: Vec<&str> = claims
        .iter()
        .filter(|c| c.measure.quantity == "dams")
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(dams.len(), 3, "{claims:#?}");
    assert!(
        groups
            .iter()
            .any(|g| dams.iter().all(|d| g.claim_ids.iter().any(|i| i == *d))),
        "{groups:#?}"
    );
    // A report that counts dams with two figures counts them for two facts: the thing alone
    // joins nothing.
    let mut reports = reports;
    reports[0].1 = "Two dams burst above the Marlow port of Eastland, one of 16 dams there.";
    let (claims, groups) = flood_groups(&reports);
    let b = claims.iter().find(|c| c.id == "b#1").expect("b's dams");
    let c = claims.iter().find(|c| c.id == "c#1").expect("c's dams");
    assert!(
        !groups
            .iter()
            .any(|g| g.claim_ids.contains(&b.id) && g.claim_ids.contains(&c.id)),
        "{groups:#?}"
    );
}

/// Three invented reports of one acquisition (the `claims compare` of /tmp-free texts).
const DEAL_REPORTS: [(&str, &str); 3] = [
    (
        "a",
        "Acme buys Zapchat\n\nAcme has acquired the mobile messaging service Zapchat for $19 \
         billion (£11.4bn).\n\nThe company said the deal would close next year. Zapchat has 30 \
         employees.\n",
    ),
    (
        "b",
        "Acme to purchase Zapchat for $19 billion\n\nAcme announced on Wednesday that the \
         company was snapping up the messaging service Zapchat for $19 billion.\n\nZapchat was \
         founded in 2009 by two engineers and employs 30 people.\n",
    ),
    (
        "c",
        "Acme agrees to buy Zapchat for $19 billion\n\nAcme has agreed to buy the popular \
         messaging app Zapchat for $19 billion in stock and cash.\n\nZapchat has 30 staff.\n",
    ),
];

/// A value and the equivalent that restates it in another unit ("$19 billion (£11.4bn)") are
/// one voice, and a sum of the story's own subject that no word gives a role ("snapping up
/// Zapchat for $19 billion") is that subject's price: every statement of the price is one
/// fact, where the equivalent and the lede without a role were left in a group of their own.
#[test]
fn an_equivalent_and_a_price_without_a_role_join_the_price() {
    let (claims, groups) = flood_groups(&DEAL_REPORTS);
    let price: Vec<&Claim> = claims
        .iter()
        .filter(|c| c.kind == Kind::Money && !c.text.contains("$19 billion in"))
        .collect();
    assert_eq!(price.len(), 6, "{claims:#?}");
    let g = group_of(&groups, &price[0].id);
    for c in &price {
        assert!(g.claim_ids.contains(&c.id), "{} not in {g:?}", c.id);
    }
}

/// A sum of the story's own subject without a role takes the role its other sums have; a sum
/// of another thing, or one with a role of its own, keeps its own.
#[test]
fn a_sum_of_the_topic_without_a_role_takes_the_topics_role() {
    let texts = [
        ("a", "Acme has acquired Zapchat for $19 billion."),
        ("b", "Acme agreed to buy Zapchat for $19 billion."),
        (
            "c",
            "Acme was snapping up Zapchat for $19 billion, after Instagram went for $1 billion.",
        ),
    ];
    let docs = extract_each(&texts);
    let articles: Vec<Vec<&Claim>> = docs.iter().map(|d| d.iter().collect()).collect();
    let own = measure::own_scopes(&articles);
    let key = |id: &str| {
        let c = docs.iter().flatten().find(|c| c.id == id).expect(id);
        let mut k = measure::MeasureKey::of(c);
        k.drop_scopes(&own);
        k
    };
    assert_eq!(key("a#1").role, "deal_value");
    let c = key("c#1");
    assert_eq!(c.role, "deal_value", "{own:?} {c:?}");
    assert!(c.event_role);
    // Instagram's price is another thing's: no role given.
    let other = key("c#2");
    assert!(other.role.is_empty() || other.scope.iter().any(|s| s.contains("instagram")));
    assert_ne!(other.role, "deal_value", "{other:?}");
}

/// A story's cost is one of its figures: two reports' sums of it meet however their sentences
/// word it, a sum of another thing ("the launch costs") stays apart, and a number in a
/// sentence about cost ("Falcon 9") is no sum of it.
#[test]
fn a_cost_is_one_figure_of_a_story_but_a_things_cost_is_its_own() {
    let reports = [
        (
            "a",
            "The Ruritanian Space Agency's Orbiter-7 reached the Moon on Wednesday. The mission \
             has an estimated total cost of around $74 million. The launch costs around $44 million.",
        ),
        (
            "b",
            "The Ruritanian Space Agency's Orbiter-7 reached the Moon on Wednesday, on a relatively \
             low budget of $75 million. A Falcon 9 launch costs about $67 million.",
        ),
        (
            "c",
            "The Ruritanian Space Agency's Orbiter-7 landed on the Moon on Wednesday. Its \
             launch cost $44 million, and Orbiter-7 carried 3 instruments.",
        ),
    ];
    let (claims, groups) = flood_groups(&reports);
    let id = |src: &str, text: &str| {
        claims
            .iter()
            .find(|c| c.source == src && c.text == text)
            .unwrap_or_else(|| panic!("{text} in {claims:#?}"))
            .id
            .clone()
    };
    let together =
        |x: &Sym, y: &Sym| group_of(&groups, x.as_str()) == group_of(&groups, y.as_str());
    let (a74, b75) = (id("a", "around $74 million"), id("b", "$75 million"));
    assert!(together(&a74, &b75), "{groups:#?}");
    assert!(
        !together(&a74, &id("a", "around $44 million")),
        "{groups:#?}"
    );
    assert!(
        !together(&b75, &id("b", "about $67 million")),
        "{groups:#?}"
    );
    assert!(!together(&id("b", "9"), &id("c", "3")), "{groups:#?}");
}

/// What a sum is the cost of is one thing however its name is transliterated ("Aadipurush",
/// "Adipurush"): doubled letters are written once before scopes are compared; another name
/// stays another thing.
#[test]
fn a_things_transliterations_are_one_thing() {
    let texts = [
        ("a", "The film “Aadipurush” cost $88 million."),
        ("b", "The film “Adipurush” cost $88 million."),
        ("c", "The film “Interstellar” cost $165 million."),
    ];
    let docs = extract_each(&texts);
    let key = |i: usize| {
        let mut k = measure::MeasureKey::of(&docs[i][0]);
        k.drop_scopes(&BTreeSet::new());
        k
    };
    let (a, b, c) = (key(0), key(1), key(2));
    assert!(a.scope.iter().any(|s| s.starts_with("object:")), "{a:?}");
    assert_eq!(a.scope, b.scope);
    assert!(!measure::measures_differ(&a, &b));
    assert!(measure::measures_differ(&a, &c), "{a:?} {c:?}");
}

#[test]
fn a_bound_states_its_figure() {
    let texts = [(
        "a",
        "At least 11,300 people died. Some 11,300 died. More than 550 were hurt. Up to 54,000 people fled. About 20 were missing.",
    )];
    let docs = extract_each(&texts);
    let token = |text: &str| {
        let c = docs[0]
            .iter()
            .find(|c| c.text == text)
            .unwrap_or_else(|| panic!("no {text:?}: {:?}", docs[0]));
        measure::figure_token(c)
    };
    // "at least 11,300" states the figure 11,300, as "some 11,300" does (with its tolerance).
    assert_eq!(
        token("At least 11,300"),
        Some("count:people:11300:11300".to_string())
    );
    assert_eq!(
        token("More than 550"),
        Some("count:people:550:550".to_string())
    );
    assert_eq!(
        token("Up to 54,000"),
        Some("count:people:54000:54000".to_string())
    );
    // A one-digit figure says nothing of which fact it is, bound or not.
    assert_eq!(token("About 20"), None);
}

#[test]
fn the_same_role_and_the_same_figure_weigh_more_than_either() {
    // Report a gives the agency's toll without naming it, then the WHO's; b gives the same
    // toll as a's first. The toll both state meets across the reports before a's two tolls
    // meet within a (the same role lifts both pairs alike; only one shares its figure), and
    // the WHO's toll never meets b's UN one.
    let texts = [
        (
            "a",
            "Floods in Port Velar: the agency announced 11,300 dead in Port Velar. Later, WHO figures showed that 3,958 people had died in Port Velar.",
        ),
        (
            "b",
            "The death toll in Port Velar has risen to at least 11,300, a UN report said on Saturday.",
        ),
    ];
    let docs = extract_each(&texts);
    let claims: Vec<&Claim> = docs.iter().flatten().collect();
    let id_of = |src: &str, text: &str| claim_of(&claims, src, text).id.clone();
    let groups = group(&claims, &Settings::default(), &[], &[]);
    let toll = group_of(&groups, &id_of("a", "11,300"));
    assert!(toll.claim_ids.contains(&id_of("b", "11,300")), "{groups:?}");
    assert!(!toll.claim_ids.contains(&id_of("a", "3,958")), "{groups:?}");
}

#[test]
fn words_order_pairs_of_one_lift_and_move_none_past_a_bar() {
    let texts = [
        ("a", "The crush in Seoul killed 151 people."),
        ("b", "At least 156 people died in the Seoul crush."),
    ];
    let docs = extract_each(&texts);
    let (a, b) = (Node::new(&docs[0][0], &[]), Node::new(&docs[1][0], &[]));
    assert!(measure::agree(&a.measure, &b.measure), "{docs:?}");
    let s = Settings::default();
    let (weak, strong) = (
        measure::lifted(&a, &b, 0.1, &s),
        measure::lifted(&a, &b, 0.3, &s),
    );
    // Both lifted to the role's level; the pair whose words agree more ranks first.
    assert!(
        weak >= s.role_similarity && strong > weak,
        "{weak} {strong}"
    );
    assert!(strong < s.role_similarity + 0.01, "{strong}");
    // Words that reach past the lift speak for themselves.
    assert!((measure::lifted(&a, &b, 0.8, &s) - 0.8).abs() < 1e-12);
}

#[test]
fn claims_sorted_a_source_at_a_time_are_sorted_as_a_whole() {
    let seeds = Seeds::new();
    let claims = seeds.claims();
    let whole = |c: &[&Claim]| {
        let mut v = c.to_vec();
        v.sort_by(|a, b| position(a).cmp(&position(b)));
        v.dedup_by(|a, b| a.id == b.id);
        v.iter().map(|c| c.id.to_string()).collect::<Vec<_>>()
    };
    let ids = |v: Vec<&Claim>| v.iter().map(|c| c.id.to_string()).collect::<Vec<_>>();
    // Sources in order, each source's claims out of order (the last first), one repeated.
    let mut by_source = claims.clone();
    by_source.sort_by(|a, b| a.source.as_str().cmp(b.source.as_str()));
    for run in by_source.chunk_by_mut(|a, b| a.source == b.source) {
        run.reverse();
    }
    by_source.insert(1, by_source[0]);
    assert!(by_source.len() > claims.len());
    assert_eq!(ids(sorted_by_position(&by_source)), whole(&by_source));
    // Sources not in order, or one source in two runs: sorted all at once, the same order.
    let mut reversed = by_source.clone();
    reversed.reverse();
    assert_eq!(ids(sorted_by_position(&reversed)), whole(&by_source));
    let mut split = by_source.clone();
    let last = split.pop().expect("claims");
    split.insert(0, last);
    assert_eq!(ids(sorted_by_position(&split)), whole(&by_source));
}
