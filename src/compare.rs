//! Claims → groups → verdicts for a whole corpus: the main job. Adds the claims the stated ones
//! imply (`corpus::derive_all`), groups every claim with
//! `matching::group`, judges each group with `verdict::judge`, and keeps what the report needs
//! (the group's kind, its sources in corpus order, its verdict and explanation). Filtering for
//! display lives here too, so every renderer shows the same rows.

use crate::claim::{Claim, Kind};
use crate::config::Config;
use crate::copies::{self, CopySettings, Origin};
use crate::corpus::{Article, Corpus};
use crate::fingerprint::{self, Identity};
use crate::matching::{self, Group};
use crate::names::{self, NameGroup, NameSettings};
use crate::sym::Sym;
use crate::text::hash::WordHash;
use crate::verdict::{self, Judgement, SourceInfo, Verdict};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One fact: a group of claims with its verdict.
#[derive(Debug, Clone)]
pub struct Fact {
    pub group: Group,
    pub judgement: Judgement,
    pub kind: Kind,
    /// Distinct source ids that state it, sorted (independent of input order); the claims'
    /// shared copies of them, not one copy per fact.
    pub sources: Vec<Sym>,
    /// Position-free fingerprint and fact key (see [`crate::fingerprint`]).
    pub identity: Identity,
}

impl Fact {
    /// The group's label without its `kind: ` prefix: the fact as people read it.
    pub fn subject_phrase(&self) -> String {
        let prefix = format!("{}: ", self.kind);
        self.group
            .label
            .strip_prefix(&prefix)
            .unwrap_or(&self.group.label)
            .to_string()
    }
}

/// The result of comparing a corpus.
#[derive(Debug)]
pub struct Comparison {
    pub corpus: Corpus,
    pub facts: Vec<Fact>,
    /// Source id → index in `corpus.articles`, so looking up every claim of every fact costs
    /// linear time, not articles × claims (100,000 files with `--all` took 45 s without it).
    /// Hashed a word at a time: every claim a report shows is found through it.
    by_source: HashMap<String, usize, WordHash>,
    /// Where each article's text comes from (see [`crate::copies`]), in `corpus.articles` order.
    pub origins: Vec<Origin>,
    /// People and organisations two sources or more name (see [`crate::names`]).
    pub names: Vec<NameGroup>,
    /// Facts only one source states that were not kept (see [`Keep::single`]): counted in the
    /// summary, shown nowhere.
    pub single_not_kept: usize,
}

/// What a comparison keeps for the report beyond its claims and the facts it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keep {
    /// Each article's whole text (the HTML page and `show` quote it), rather than only its
    /// claims' sentences ([`Article::let_text_go`]).
    pub text: bool,
    /// The sentences of the claims, when the text is not kept: the JSON forms quote each
    /// claim's; the table, Markdown and CSV quote none ([`Article::let_text_go`]).
    pub sentences: bool,
    /// The facts only one source states (verdict `single`), which a report shows only with
    /// `--all`: most facts of an archive are such (about 106,000 of 130,000 at 10,000
    /// articles), and without them only their number is kept, for the summary.
    pub single: bool,
}

impl Keep {
    /// Everything: what a library caller or a command that looks facts up gets.
    pub const ALL: Keep = Keep {
        text: true,
        sentences: true,
        single: true,
    };
}

/// Counts for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Facts that two sources or more state.
    pub facts: usize,
    pub agree: usize,
    pub compatible: usize,
    pub conflict: usize,
    /// Facts only one source states.
    pub single: usize,
}

/// What to show.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub only: Option<Verdict>,
    pub kinds: Vec<Kind>,
    /// Least number of distinct sources (1 shows single-source facts too).
    pub min_sources: usize,
}

impl Filter {
    /// A conflict within one source (a total its listed parts do not add up to) is shown as
    /// any conflict is.
    pub fn keeps(&self, f: &Fact) -> bool {
        (f.sources.len() >= self.min_sources.max(1) || f.judgement.verdict == Verdict::Conflict)
            && self.only.is_none_or(|v| f.judgement.verdict == v)
            && (self.kinds.is_empty() || self.kinds.contains(&f.kind))
    }
}

impl Comparison {
    /// Where a source's text comes from: whom it copies, which agencies it carries.
    pub fn origin(&self, source: &str) -> Option<&Origin> {
        self.origins.get(*self.by_source.get(source)?)
    }

    pub fn article(&self, source: &str) -> Option<&Article> {
        let i = *self.by_source.get(source)?;
        self.corpus.articles.get(i)
    }

    pub fn claim(&self, id: &str) -> Option<(&Article, &Claim)> {
        let (a, c) = self.place_of(id)?;
        let a = &self.corpus.articles[a];
        Some((a, &a.claims[c]))
    }

    /// Where claim `id` is held: its article's index in `corpus.articles`, and its place among
    /// that article's claims.
    fn place_of(&self, id: &str) -> Option<(usize, usize)> {
        let (source, ordinal) = split_id(id);
        let i = *self.by_source.get(source)?;
        let claims = &self.corpus.articles.get(i)?.claims;
        place_in(claims, id, ordinal).map(|c| (i, c))
    }

    /// The fact's claims, in group order.
    pub fn claims_of<'a>(&'a self, f: &Fact) -> Vec<(&'a Article, &'a Claim)> {
        f.group
            .claim_ids
            .iter()
            .filter_map(|id| self.claim(id))
            .collect()
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            single: self.single_not_kept,
            ..Summary::default()
        };
        for f in &self.facts {
            match f.judgement.verdict {
                Verdict::Single => s.single += 1,
                v => {
                    s.facts += 1;
                    match v {
                        Verdict::Agree => s.agree += 1,
                        Verdict::Compatible => s.compatible += 1,
                        Verdict::Conflict => s.conflict += 1,
                        Verdict::Single => {}
                    }
                }
            }
        }
        s
    }

    /// Let go of every claim no fact that `filter` keeps holds: what a report that shows only
    /// those facts' claims needs (the table, Markdown and CSV). Most claims of an archive are
    /// in facts only one source states, which such a report counts and does not show; its
    /// rendering takes their room, as do their sentences when the texts were let go
    /// ([`Article::keep_only_claims_sentences`]). Claims are then found by a scan of their
    /// article ([`Comparison::claim`]).
    pub fn keep_only_shown_claims(&mut self, filter: &Filter) {
        // Each shown claim is marked where it is held, found as `claim` finds it: the claims
        // kept are those the reports find, and no claim of an archive is hashed (a set of the
        // shown ids, looked up once per claim, took a second at 100,000 articles).
        let mut first = Vec::with_capacity(self.corpus.articles.len());
        let mut total = 0;
        for a in &self.corpus.articles {
            first.push(total);
            total += a.claims.len();
        }
        let mut shown = vec![false; total];
        for f in self.facts.iter().filter(|f| filter.keeps(f)) {
            for id in &f.group.claim_ids {
                if let Some((a, c)) = self.place_of(id) {
                    shown[first[a] + c] = true;
                }
            }
        }
        for (a, &first) in self.corpus.articles.iter_mut().zip(&first) {
            // `retain` visits the claims once each, in order.
            let mut marks = shown[first..first + a.claims.len()].iter();
            a.claims.retain(|_| marks.next().copied().unwrap_or(false));
            a.claims.shrink_to_fit();
            a.keep_only_claims_sentences();
        }
    }

    /// How a source is named to people: its outlet when known, else its id.
    pub fn source_name(&self, id: &str) -> String {
        self.article(id)
            .and_then(|a| a.outlet.clone())
            .unwrap_or_else(|| id.to_string())
    }
}

/// Groups judged by one thread at a time: enough that handing out work costs nothing, few
/// enough that both threads stay busy to the end.
const JUDGED_PER_TASK: usize = 1024;

/// Groups judged before their facts are made: a few tasks for each thread, and few enough that
/// what a batch holds (its groups, their judgements) is nothing beside the claims (a batch of
/// 32 tasks held some 12 MB at 10,000 articles).
const JUDGED_PER_BATCH: usize = 4 * JUDGED_PER_TASK;

/// Group and judge every claim of the corpus.
pub fn compare(corpus: Corpus, config: &Config) -> Comparison {
    compare_on(corpus, config, 1, &|_, _| {}, Keep::ALL)
}

/// [`compare`], matching on up to `threads` threads (the same result for any number), with
/// `matched(done, total)` called as events are matched. Without `keep.text`, each article's
/// text is let go once the steps that read it are done, keeping only its claims' sentences
/// ([`Article::let_text_go`]): enough for every report but the HTML page and `show`.
/// Without `keep.single`, the facts only one source states are counted, not kept.
pub fn compare_on(
    corpus: Corpus,
    config: &Config,
    threads: usize,
    matched: matching::EventHook,
    keep: Keep,
) -> Comparison {
    // Copies and names read the texts only: found first, so that their working memory is
    // given back before the claims are matched (the peak of a large run).
    let texts: Vec<copies::Text> = corpus.articles.iter().map(copy_text).collect();
    let found = find(&texts, threads);
    drop(texts);
    compare_found(corpus, config, threads, matched, keep, found)
}

/// The text of an article as copy detection reads it.
fn copy_text(a: &Article) -> copies::Text<'_> {
    copies::Text {
        id: &a.source.id,
        text: &a.source.text,
        outlet: a.outlet.as_deref(),
        published: a.published,
    }
}

/// What a comparison finds in the texts alone (see [`find`]).
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// What copy detection learns of each text ([`copies::Evidence`]), in the order of the
    /// texts.
    pub evidence: copies::Evidence,
    /// The names two sources or more give.
    pub names: Vec<NameGroup>,
}

/// What `texts` give a comparison before their claims are known: the evidence of copies
/// ([`copies::evidence`]) and the names two sources or more give ([`names::names`]), found
/// side by side with two threads or more. The texts must be those of the corpus compared, in
/// the order of its articles (by id, as `claims compare` sorts them). `claims compare` finds
/// them in a first read instead ([`Reader`], [`found_in`]), so that no text is held beside
/// the claims of an archive, nor beside the others in that read.
pub fn find(texts: &[copies::Text], threads: usize) -> Found {
    let reader = Reader::new(texts.iter().filter_map(|t| t.outlet));
    let runs: Vec<&[copies::Text]> = texts.chunks(READ_PER_TASK).collect();
    let found = crate::parallel::parallel_map(&runs, threads, |run| {
        run.iter().map(|t| reader.read(t.text)).collect::<Vec<_>>()
    });
    drop(runs);
    let known: Vec<copies::Known> = (texts.iter())
        .map(|t| copies::Known {
            id: t.id,
            outlet: t.outlet,
        })
        .collect();
    found_in(
        &reader,
        &known,
        found.into_iter().flatten().collect(),
        threads,
    )
}

/// [`compare_on`] with what the texts gave found already ([`find`], on the texts of
/// `corpus`'s articles in their order). An article whose text was let go
/// ([`Article::let_text_go`]) had its claims derived before.
pub fn compare_found(
    mut corpus: Corpus,
    config: &Config,
    threads: usize,
    matched: matching::EventHook,
    keep: Keep,
    found: Found,
) -> Comparison {
    let Found { evidence, names } = found;
    let published: Vec<_> = corpus.articles.iter().map(|a| a.published).collect();
    let origins = copies::finish(evidence, &published, &CopySettings::default());
    crate::corpus::derive_all(&mut corpus.articles, config);
    if !keep.text {
        corpus
            .articles
            .iter_mut()
            .for_each(|a| a.let_text_go(keep.sentences));
    }
    let claims: Vec<&Claim> = corpus.articles.iter().flat_map(|a| &a.claims).collect();
    let by_id = ClaimIndex::new(&corpus.articles, &claims);
    let info: BTreeMap<&str, SourceInfo> = corpus
        .articles
        .iter()
        .map(|a| {
            (
                a.source.id.as_str(),
                SourceInfo {
                    name: a.outlet.clone().unwrap_or_else(|| a.source.id.clone()),
                    published: a.published,
                },
            )
        })
        .collect();
    let lookup = |id: &str| {
        info.get(id).cloned().unwrap_or_else(|| SourceInfo {
            name: id.to_string(),
            published: None,
        })
    };
    let origin_of: HashMap<&str, &Origin> = origins
        .iter()
        .rev()
        .map(|o| (o.source.as_str(), o))
        .collect();
    // Parts of sums stated on their own ("$4 billion in cash"), which may explain why two
    // figures of one sum differ.
    let parts = verdict::stated_parts(&claims);
    let judge = Judge {
        by_id: &by_id,
        parts: &parts,
        lookup: &lookup,
        origin_of: &origin_of,
        keep_single: keep.single,
    };
    // Each group is judged alone, as grouping makes it: on the threads there are, a batch at a
    // time (what is judged waits for its group only that long; the groups of an archive are
    // never all held, only the facts kept of them), the facts in group order.
    let mut kept = Kept::default();
    let mut batch: Vec<Group> = Vec::with_capacity(JUDGED_PER_BATCH);
    matching::group_each(
        &claims,
        &config.matching,
        &config.aliases(),
        &config.facts(),
        threads,
        matched,
        &mut |group| {
            batch.push(group);
            if batch.len() == JUDGED_PER_BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(JUDGED_PER_BATCH));
                judge.batch(full, threads, &mut kept);
            }
        },
    );
    judge.batch(batch, threads, &mut kept);
    let Kept {
        facts,
        single_not_kept,
    } = kept;
    let mut by_source = HashMap::with_capacity_and_hasher(corpus.articles.len(), WordHash);
    for (i, a) in corpus.articles.iter().enumerate() {
        // The first article with an id wins, as a scan would find it.
        by_source.entry(a.source.id.clone()).or_insert(i);
    }
    Comparison {
        corpus,
        facts,
        by_source,
        origins,
        names,
        single_not_kept,
    }
}

/// Every claim of the corpus by its id: its article by the id's source part, then the claim by
/// the id's ordinal ([`Comparison::claim`]'s way; an index of every claim by id was 1.6
/// million entries of 100,000 articles). An id that is not found so (claims read back with
/// other ids) is looked up in an index of every claim, made the first time one is needed.
struct ClaimIndex<'a> {
    by_source: HashMap<&'a str, &'a Article>,
    claims: &'a [&'a Claim],
    all: std::sync::OnceLock<HashMap<&'a str, &'a Claim>>,
}

impl<'a> ClaimIndex<'a> {
    fn new(articles: &'a [Article], claims: &'a [&'a Claim]) -> ClaimIndex<'a> {
        let mut by_source = HashMap::with_capacity(articles.len());
        for a in articles {
            by_source.entry(a.source.id.as_str()).or_insert(a);
        }
        ClaimIndex {
            by_source,
            claims,
            all: std::sync::OnceLock::new(),
        }
    }

    fn get(&self, id: &str) -> Option<&'a Claim> {
        let (source, ordinal) = split_id(id);
        let found = (self.by_source.get(source))
            .and_then(|a| Some(&a.claims[place_in(&a.claims, id, ordinal)?]));
        found.or_else(|| {
            let all = self
                .all
                .get_or_init(|| (self.claims.iter()).map(|c| (c.id.as_str(), *c)).collect());
            all.get(id).copied()
        })
    }
}

/// A claim id's source and ordinal: `<source>#<n>`.
fn split_id(id: &str) -> (&str, &str) {
    id.rsplit_once('#').unwrap_or((id, ""))
}

/// Where claim `id`, whose id names `ordinal`, is among its article's `claims`: the
/// `ordinal`-th, else found by a scan, only if that ever changes (a scan per claim is
/// quadratic on an article of 50,000 claims).
fn place_in(claims: &[Claim], id: &str, ordinal: &str) -> Option<usize> {
    let nth = (ordinal.parse::<usize>().ok())
        .and_then(|n| n.checked_sub(1))
        .filter(|&n| claims.get(n).is_some_and(|c| c.id == id));
    nth.or_else(|| claims.iter().position(|c| c.id == id))
}

/// What judging a group reads: every claim by id, the stated parts of sums, each source's name
/// and date, and each source's origin.
struct Judge<'a> {
    by_id: &'a ClaimIndex<'a>,
    parts: &'a [&'a Claim],
    lookup: &'a (dyn Fn(&str) -> SourceInfo + Sync),
    origin_of: &'a HashMap<&'a str, &'a Origin>,
    /// Whether facts only one source states are kept (see [`Keep::single`]).
    keep_single: bool,
}

/// What judging a group gives.
enum Judged {
    /// The fact: its verdict, kind, distinct sources (sorted) and identity.
    Fact(Judgement, Kind, Vec<Sym>, Identity),
    /// A fact only one source states, not kept.
    SingleNotKept,
    /// None of the group's claims is known.
    Unknown,
}

/// What judging a group makes: one fact, or two when its figures differ by a part one of its
/// sources states on its own ([`verdict::split_by_part`]).
enum Judging {
    Whole(Judged),
    Split(Vec<(Group, Judged)>),
}

/// The id suffix of the second fact a group is split into (`g7` and `g7b`).
const SPLIT_SUFFIX: &str = "b";

/// What the judged groups give a comparison: the facts kept, in group order, and the number
/// of facts only one source states that were not.
#[derive(Default)]
struct Kept {
    facts: Vec<Fact>,
    single_not_kept: usize,
}

impl Judge<'_> {
    /// Judge `batch` (groups in order) on up to `threads` threads, in chunks (the threads hand
    /// back one vector a chunk, not one a group), and add what is kept of it to `kept`.
    fn batch(&self, batch: Vec<Group>, threads: usize, kept: &mut Kept) {
        if batch.is_empty() {
            return;
        }
        let chunks: Vec<&[Group]> = batch.chunks(JUDGED_PER_TASK).collect();
        let judged = crate::parallel::parallel_map(&chunks, threads, |chunk| {
            chunk.iter().map(|g| self.group(g)).collect::<Vec<_>>()
        });
        drop(chunks);
        for (group, judged) in batch.into_iter().zip(judged.into_iter().flatten()) {
            let mut place = |group, judged| match judged {
                Judged::Fact(judgement, kind, sources, identity) => kept.facts.push(Fact {
                    identity,
                    kind,
                    sources,
                    judgement: Judgement {
                        explanation: crate::sym::exact_string(judgement.explanation),
                        ..judgement
                    },
                    group: fitted(group),
                }),
                Judged::SingleNotKept => kept.single_not_kept += 1,
                Judged::Unknown => {}
            };
            match judged {
                Judging::Whole(judged) => place(group, judged),
                Judging::Split(sides) => {
                    for (group, judged) in sides {
                        place(group, judged);
                    }
                }
            }
        }
    }

    /// The verdict of `group` and what the fact (or the two facts) keep of its claims.
    fn group(&self, group: &Group) -> Judging {
        // One claim is one source, and one source is a fact of one source (`verdict::judge`
        // finds no conflict without a pair): most groups of an archive, judged for nothing when
        // such facts are not kept.
        if let [id] = &group.claim_ids[..]
            && !self.keep_single
        {
            return Judging::Whole(match self.by_id.get(id) {
                Some(_) => Judged::SingleNotKept,
                None => Judged::Unknown,
            });
        }
        let members: Vec<&Claim> = group
            .claim_ids
            .iter()
            .filter_map(|id| self.by_id.get(id))
            .collect();
        if members.is_empty() {
            return Judging::Whole(Judged::Unknown);
        }
        let lookup = self.lookup;
        let mut judgement = verdict::judge(&members, lookup);
        if judgement.verdict == Verdict::Single && !self.keep_single {
            return Judging::Whole(Judged::SingleNotKept);
        }
        if judgement.verdict == Verdict::Conflict
            && let Some(part) = verdict::explaining_part(&members, self.parts)
        {
            if let Some(sides) = self.split(group, &members, &part) {
                return Judging::Split(sides);
            }
            judgement = verdict::part_judgement(&members, &part, lookup);
        }
        Judging::Whole(self.keep(&members, judgement))
    }

    /// The two facts of a group whose figures differ by a part one of its sources states on its
    /// own: the figures with the part keep the group's id, those without it take the id with
    /// [`SPLIT_SUFFIX`]; each is judged alone, says what it does with the part and is related
    /// to the other.
    fn split(
        &self,
        group: &Group,
        members: &[&Claim],
        part: &verdict::ExplainingPart,
    ) -> Option<Vec<(Group, Judged)>> {
        let (with, without) = verdict::split_by_part(members)?;
        let second = format!("{}{SPLIT_SUFFIX}", group.id);
        let sides = [
            (with, true, group.id.clone(), second.clone()),
            (without, false, second, group.id.clone()),
        ];
        let lookup = self.lookup;
        let judged = sides.into_iter().map(|(side, counts, id, other)| {
            let mut judgement = verdict::judge(&side, lookup);
            let single = judgement.verdict == Verdict::Single && !self.keep_single;
            let note = verdict::part_note(part, lookup, counts, &other);
            judgement.explanation = format!("{} {note}", judgement.explanation);
            let mut related = group.related.clone();
            related.push(other);
            related.sort();
            let g = Group {
                id,
                label: group.label.clone(),
                claim_ids: side.iter().map(|c| c.id.clone()).collect(),
                fact: group.fact.clone(),
                related,
            };
            let judged = if single {
                Judged::SingleNotKept
            } else {
                self.keep(&side, judgement)
            };
            (g, judged)
        });
        Some(judged.collect())
    }

    /// What the fact of `members` keeps beside its judgement: the note on copies among its
    /// sources, its kind, its distinct sources (sorted) and its identity.
    fn keep(&self, members: &[&Claim], mut judgement: Judgement) -> Judged {
        let lookup = self.lookup;
        let distinct: BTreeSet<&Sym> = members.iter().map(|c| &c.source).collect();
        let sources: Vec<&str> = distinct.iter().map(|s| s.as_str()).collect();
        let conflict = judgement.verdict == Verdict::Conflict;
        let disjoint = if conflict {
            verdict::disjoint_pairs(members)
        } else {
            Vec::new()
        };
        if judgement.verdict != Verdict::Single
            && let Some(note) = copies::note(
                conflict,
                &sources,
                &disjoint,
                &|s| self.origin_of.get(s).copied(),
                &|s| lookup(s).name,
            )
        {
            judgement.explanation = format!("{} {note}", judgement.explanation);
        }
        let identity = fingerprint::identity(members[0].kind, members);
        let sources = distinct.into_iter().cloned().collect();
        Judged::Fact(judgement, members[0].kind, sources, identity)
    }
}

/// `g` with its strings and lists in allocations of exactly their length: every fact kept
/// of an archive is held to the report.
fn fitted(g: Group) -> Group {
    use crate::sym::{exact_string, exact_vec};
    Group {
        id: exact_string(g.id),
        label: exact_string(g.label),
        claim_ids: exact_vec(g.claim_ids),
        fact: g.fact.map(exact_string),
        related: exact_vec(g.related.into_iter().map(exact_string).collect()),
    }
}

/// Texts read per task by [`find`]: enough that handing out work costs nothing, few enough
/// that both threads stay busy to the end.
const READ_PER_TASK: usize = 256;

/// What a comparison reads in a text before its claims: what copy detection and names need
/// of it ([`copies::read`], [`names::read`]), with their settings and the outlets the texts
/// may name. Each text is split into words once, for both; what is read of it is kept, not
/// the text, so a first read of an archive holds no text once it is read.
#[derive(Debug, Clone, Default)]
pub struct Reader {
    copy: CopySettings,
    names: NameSettings,
    outlets: copies::Outlets,
}

/// What [`Reader::read`] keeps of one text.
#[derive(Debug, Clone, Default)]
pub struct TextFound {
    copies: copies::Read,
    names: names::Read,
}

impl Reader {
    /// A reader for texts whose sources' outlets are among `outlets` (see [`copies::Outlets`]).
    pub fn new<'a>(outlets: impl IntoIterator<Item = &'a str>) -> Reader {
        Reader {
            outlets: copies::Outlets::new(outlets),
            ..Reader::default()
        }
    }

    /// What copies and names read of `text`, on any thread.
    pub fn read(&self, text: &str) -> TextFound {
        let words = crate::text::words::words(text);
        TextFound {
            copies: copies::read(text, &words, &self.outlets, &self.copy),
            names: names::read(text, &words, &self.names),
        }
    }
}

/// The evidence of copies ([`copies::evidence`]) and the names two sources or more give
/// ([`names::names`]) of the sources `known`, `found` holding what `reader` read of each text,
/// in the same order: all texts are compared for copies while their names are grouped, side
/// by side with two threads or more. (Each stage splitting every text on its own thread was
/// three splits of every text, and the longer stage, names, ran alone at its end: 3 s of
/// 40,000 articles.)
pub fn found_in(
    reader: &Reader,
    known: &[copies::Known],
    found: Vec<TextFound>,
    threads: usize,
) -> Found {
    let (copy_reads, name_reads): (Vec<copies::Read>, Vec<names::Read>) =
        found.into_iter().map(|f| (f.copies, f.names)).unzip();
    let ids: Vec<&str> = known.iter().map(|k| k.id).collect();
    // Taken by whichever thread groups the names (a helper that was refused never ran).
    let name_reads = std::sync::Mutex::new(Some(name_reads));
    let find_names = || {
        let reads = (name_reads.lock())
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
            .unwrap_or_default();
        names::grouped(&ids, reads, &reader.names)
    };
    let evidence = || copies::evidence_of(known, copy_reads, &reader.outlets, &reader.copy);
    let (evidence, names) = if threads < 2 {
        (evidence(), find_names())
    } else {
        std::thread::scope(|scope| {
            // A helper refused (a process limit): this thread finds both.
            let helper = std::thread::Builder::new().spawn_scoped(scope, find_names);
            let origins = evidence();
            let names = match helper.map(|h| h.join()) {
                Ok(Ok(names)) => names,
                Ok(Err(panic)) => std::panic::resume_unwind(panic),
                Err(_) => find_names(),
            };
            (origins, names)
        })
    };
    Found { evidence, names }
}
