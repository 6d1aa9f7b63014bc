//! Copies that are not confirmation: which sources repeat another source of the corpus, and
//! which carry a news agency, so that five outlets agreeing because four copied one count as
//! one voice, and a copy "conflicting" with its updated original reads as a timeline.
//!
//! **Near copies and retellings.** Each source's text becomes a set of shingles: every run of
//! [`CopySettings::shingle_words`] consecutive words of one sentence, folded (lowercase, no
//! diacritics) and hashed. The (shingle, source) postings of the whole corpus are sorted once, so
//! the shared shingles of every pair that shares any are counted in one pass over them, never
//! by comparing all pairs of texts; a shingle held by more than
//! [`CopySettings::max_posting`] sources is boilerplate and skipped. The *share* of source A in
//! source B is the part of A's shingles that B holds too. A is a **near copy** of B when that
//! share reaches [`CopySettings::near_copy`]; A **retells** B when the share reaches
//! [`CopySettings::retelling`] and A names B's outlet ("The Moscow Times reported, …"). When
//! two sources are near copies of each other, the earlier published one is the origin, else
//! the fuller one, else the one whose id sorts first.
//!
//! **Wire copies.** An article *carries* an agency when it says so in a credit: a dateline
//! "(AFP)", "(dpa/NAN)" in its first or last lines, a line that is only the agency's name, "—
//! Xinhua" closing a line, "(With PTI inputs)", "Reuters contributed to this report". It only
//! *cites* one when it names it as the teller of one thing ("Reuters reported", "according to
//! AFP", "told AFP"); citing changes nothing about its origin. The vocabulary is
//! `lang::en::wire`'s.
//!
//! **Independent origins.** A source's origin is the origin of what it copies, else the first
//! agency it carries, else itself. Deterministic: the same texts give the same origins in any
//! order.

use crate::calendar::Ymd;
use crate::lang::en::wire;
use crate::text::fold::{LONGEST_WORD, lower};
use crate::text::hash::WordHash;
use crate::text::words::{Word, fold, words};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{BuildHasher, Hasher};

/// The thresholds of copy detection, each named.
#[derive(Debug, Clone, PartialEq)]
pub struct CopySettings {
    /// Words per shingle: long enough that two reporters do not write the same run by chance.
    pub shingle_words: usize,
    /// Share of a source's shingles another source holds that makes it a near copy of it.
    pub near_copy: f64,
    /// Share that makes it a retelling when it also names the other source's outlet.
    pub retelling: f64,
    /// A text with fewer shingles is too short to be called a copy of anything.
    pub min_shingles: usize,
    /// A shingle that more sources than this hold is boilerplate, not copying.
    pub max_posting: usize,
}

impl Default for CopySettings {
    fn default() -> Self {
        CopySettings {
            shingle_words: 5,
            near_copy: 0.5,
            retelling: 0.12,
            min_shingles: 20,
            max_posting: 64,
        }
    }
}

/// What copy detection needs to know about one source.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    pub id: &'a str,
    pub text: &'a str,
    /// The outlet's name, when known: a source that names it retells it.
    pub outlet: Option<&'a str>,
    pub published: Option<Ymd>,
}

/// A source as copy detection knows it once its text is read ([`read`]): its id and outlet.
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    pub id: &'a str,
    pub outlet: Option<&'a str>,
}

/// The outlets of a corpus a text may name, so that a retelling is found without holding the
/// text: which of them a text names is found when it is read ([`read`]), in one pass over it
/// (a set of literal patterns), not by a search per outlet. An outlet shorter than three
/// characters names nothing (it would be found inside any word). Every outlet of the sources
/// compared must be in it; `claims compare` builds it from claims.toml's `[[source]]`
/// entries, where the outlets come from.
#[derive(Debug, Clone, Default)]
pub struct Outlets {
    /// Distinct, sorted: an outlet's number is its place here.
    names: Vec<String>,
    /// The names as one set of patterns; `None` when there are none, or when the set is too
    /// large to build (then each name is searched for alone).
    set: Option<regex::RegexSet>,
}

impl Outlets {
    pub fn new<'a>(outlets: impl IntoIterator<Item = &'a str>) -> Outlets {
        let mut names: Vec<String> = (outlets.into_iter())
            .filter(|o| o.chars().count() >= 3)
            .map(str::to_string)
            .collect();
        names.sort_unstable();
        names.dedup();
        let set = if names.is_empty() {
            None
        } else {
            regex::RegexSet::new(names.iter().map(|n| regex::escape(n))).ok()
        };
        Outlets { names, set }
    }

    /// The numbers of the outlets `text` names, in order.
    fn named_in(&self, text: &str) -> Box<[u32]> {
        match &self.set {
            Some(set) => set.matches(text).into_iter().map(|k| k as u32).collect(),
            None => (self.names.iter().enumerate())
                .filter(|(_, n)| text.contains(n.as_str()))
                .map(|(k, _)| k as u32)
                .collect(),
        }
    }

    /// Whether a text that names `named` (its [`Outlets::named_in`]) names `outlet`.
    fn names(&self, named: &[u32], outlet: &str) -> bool {
        (self.names.binary_search_by(|n| n.as_str().cmp(outlet)))
            .is_ok_and(|k| named.binary_search(&(k as u32)).is_ok())
    }
}

/// How a source repeats another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum How {
    /// Most of its text is the other's.
    NearCopy,
    /// It names the other's outlet and repeats a good part of its words.
    Retelling,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            How::NearCopy => "near_copy",
            How::Retelling => "retelling",
        }
    }
}

/// The source another one repeats.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyOf {
    pub source: String,
    pub how: How,
    /// Share of the copy's shingles the origin holds (0–1).
    pub share: f64,
}

/// Where one source's text comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    pub source: String,
    pub copy_of: Option<CopyOf>,
    /// Agencies it carries, by their shown names, in order of first credit.
    pub carries: Vec<&'static str>,
    /// Agencies it only cites, in order of first mention.
    pub cites: Vec<&'static str>,
    /// Its independent origin: `agency:<name>` or `source:<id>`.
    pub root: String,
}

impl Origin {
    /// True when the source is its own origin.
    pub fn independent(&self) -> bool {
        self.copy_of.is_none() && self.carries.is_empty()
    }
}

/// The origin of every source, in the order given.
pub fn origins(texts: &[Text], settings: &CopySettings) -> Vec<Origin> {
    let published: Vec<Option<Ymd>> = texts.iter().map(|t| t.published).collect();
    finish(evidence(texts, settings), &published, settings)
}

/// What copy detection learns from the texts alone, before any publication date is known:
/// each source's number of shingles, the agencies it credits, and the sources that may be its
/// origin (those holding enough of its shingles). `compare` finds it in a
/// first read of the texts, so that no text is held beside the claims; the dates come with
/// the claims, and [`finish`] settles the origins then.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// The source ids, in the order of the texts.
    pub ids: Vec<String>,
    counts: Vec<usize>,
    /// For each source, the sources that may be its origin, in order of index.
    candidates: Vec<Vec<Candidate>>,
    credits: Vec<(Vec<&'static str>, Vec<&'static str>)>,
}

/// A source `b` that may be the origin of a source `a`: the share of `a`'s shingles `b`
/// holds reaches [`CopySettings::near_copy`], or reaches [`CopySettings::retelling`] and `a`
/// names `b`'s outlet.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    b: usize,
    /// Share of `a`'s shingles `b` holds, and of `b`'s that `a` holds.
    ab: f64,
    ba: f64,
    /// `a` names `b`'s outlet (looked at only when `ab` makes it matter).
    names_outlet: bool,
}

/// What copy detection reads of one text: its shingles, its credits and the outlets it names,
/// and not the text. Read one text at a time ([`read`]), on any thread, from the words the
/// text is split into once for every stage that reads texts (copies and names);
/// [`evidence_of`] then compares them all.
#[derive(Debug, Clone, Default)]
pub struct Read {
    shingles: Vec<u64>,
    credits: (Vec<&'static str>, Vec<&'static str>),
    /// The numbers of the [`Outlets`] it names.
    named: Box<[u32]>,
}

/// What copy detection reads of `text`, `words` being its words ([`words`]) and `outlets`
/// those of the sources it is compared with.
pub fn read(text: &str, words: &[Word], outlets: &Outlets, settings: &CopySettings) -> Read {
    Read {
        shingles: shingles_of(text, words, settings.shingle_words),
        credits: credits_of(text, words),
        named: outlets.named_in(text),
    }
}

/// The [`Evidence`] of `texts` (their dates are not read).
pub fn evidence(texts: &[Text], settings: &CopySettings) -> Evidence {
    let outlets = Outlets::new(texts.iter().filter_map(|t| t.outlet));
    let reads = texts
        .iter()
        .map(|t| read(t.text, &words(t.text), &outlets, settings))
        .collect();
    let known: Vec<Known> = (texts.iter())
        .map(|t| Known {
            id: t.id,
            outlet: t.outlet,
        })
        .collect();
    evidence_of(&known, reads, &outlets, settings)
}

/// The [`Evidence`] of the sources `known`, `reads` holding what [`read`] gives of each text,
/// in order, with `outlets`.
pub fn evidence_of(
    known: &[Known],
    reads: Vec<Read>,
    outlets: &Outlets,
    settings: &CopySettings,
) -> Evidence {
    let mut named = Vec::with_capacity(reads.len());
    let (shingles, credits): (Vec<Vec<u64>>, Vec<_>) = (reads.into_iter())
        .map(|r| {
            named.push(r.named);
            (r.shingles, r.credits)
        })
        .unzip();
    let shared = shared_shingles(&shingles, settings.max_posting);
    // From here on only how many shingles each source has counts: the shingles go.
    let counts: Vec<usize> = shingles.iter().map(Vec::len).collect();
    drop(shingles);
    let share = |n: u32, x: usize| f64::from(n) / counts[x].max(1) as f64;
    let mut counter = Counter::new(known.len());
    let candidates = (0..known.len())
        .map(|a| {
            (counter.count(&shared, a).iter())
                .filter_map(|&(b, n)| {
                    let (ab, ba) = (share(n, a), share(n, b));
                    let near = ab >= settings.near_copy;
                    let names_outlet = !near
                        && ab >= settings.retelling
                        && names_outlet(known[a], &named[a], known[b], outlets);
                    (near || names_outlet).then_some(Candidate {
                        b,
                        ab,
                        ba,
                        names_outlet,
                    })
                })
                .collect()
        })
        .collect();
    Evidence {
        ids: known.iter().map(|t| t.id.to_string()).collect(),
        counts,
        candidates,
        credits,
    }
}

/// The origin of every source of `e`, `published` giving each source's publication date (in
/// the order of `e.ids`).
pub fn finish(e: Evidence, published: &[Option<Ymd>], settings: &CopySettings) -> Vec<Origin> {
    let copy_of: Vec<Option<CopyOf>> = (0..e.ids.len())
        .map(|a| best_origin(a, &e, published, settings))
        .collect();
    let index: HashMap<&str, usize> = (e.ids.iter().enumerate())
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    (0..e.ids.len())
        .map(|i| {
            let (carries, cites) = e.credits[i].clone();
            Origin {
                source: e.ids[i].clone(),
                copy_of: copy_of[i].clone(),
                carries,
                cites,
                root: root(i, &e.ids, &copy_of, &e.credits, &index),
            }
        })
        .collect()
}

/// The origin's origin, following copies (a cycle stops where it closes).
fn root(
    mut i: usize,
    ids: &[String],
    copy_of: &[Option<CopyOf>],
    credits: &[(Vec<&'static str>, Vec<&'static str>)],
    index: &HashMap<&str, usize>,
) -> String {
    let mut seen = BTreeSet::new();
    while seen.insert(i) {
        match copy_of[i]
            .as_ref()
            .and_then(|c| index.get(c.source.as_str()))
        {
            Some(&j) => i = j,
            None => break,
        }
    }
    match credits[i].0.first() {
        Some(agency) => format!("agency:{agency}"),
        None => format!("source:{}", ids[i]),
    }
}

/// The hashed shingles of a text, sorted and without duplicates. Shingles stay within a
/// sentence (a run of words not broken by `.`, `!`, `?` or a line break). Linear in the text:
/// each word is folded and hashed once, each shingle hashes `w` word hashes.
pub fn shingles(text: &str, w: usize) -> Vec<u64> {
    shingles_of(text, &words(text), w)
}

/// [`shingles`] of `text`, `words` being its words.
fn shingles_of(text: &str, words: &[Word], w: usize) -> Vec<u64> {
    let mut out = Vec::new();
    let mut run: Vec<u64> = Vec::with_capacity(w.max(1));
    let mut prev_end = 0;
    for &word in words {
        if breaks_sentence(&text[prev_end..word.start]) {
            run.clear();
        }
        prev_end = word.end;
        if run.len() == w.max(1) {
            run.remove(0);
        }
        run.push(word_hash(word.of(text)));
        if run.len() == w.max(1) {
            let mut h = WordHash.build_hasher();
            for part in &run {
                h.write_u64(*part);
            }
            out.push(spread(h.finish()));
        }
    }
    out.sort_unstable();
    out.dedup();
    // Every source's shingles are held at once: in a vector of exactly their number, not in
    // the room the repeats and the vector's doubling left (a fresh allocation, since the
    // allocator keeps a block that shrinks by less than half where it is).
    if out.capacity() == out.len() {
        return out;
    }
    let mut fit = Vec::with_capacity(out.len());
    fit.append(&mut out);
    fit
}

/// The hash of a word as [`fold`] writes it, eight bytes at a step ([`WordHash`]); a short ASCII
/// word (most words) is lowercased on the stack ([`lower`]), not folded into a string of its
/// own.
fn word_hash(word: &str) -> u64 {
    let mut h = WordHash.build_hasher();
    let mut buf = [0u8; LONGEST_WORD];
    match lower(word, &mut buf) {
        Some(low) => h.write(low.as_bytes()),
        None => h.write(fold(word).as_bytes()),
    }
    h.finish()
}

/// A shingle's hash with every bit of it spread over all bits (the finalizer of MurmurHash3):
/// the passes of [`shared_shingles`] split the hash space in even ranges, so shingle hashes
/// are to be even over it.
fn spread(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ h >> 33
}

/// True when the characters between two words end a sentence.
fn breaks_sentence(gap: &str) -> bool {
    gap.bytes().any(|b| matches!(b, b'.' | b'!' | b'?' | b'\n'))
}

/// The shingles two sources or more share, each numbered, with the sources that hold it.
/// Sorts of (shingle, source) postings, then one pass over runs of equal shingles: the cost
/// grows with the corpus's size, not with the square of its number of sources. A shingle held
/// by more than `max_posting` sources is boilerplate and skipped.
///
/// The postings are taken a range of shingle hashes at a time, each range holding about
/// [`per_pass`] of them (every source's shingles are sorted, so its part of a range is the
/// next run of them): all of them at once were the peak of a whole compare (108 MB of 10,000
/// articles). Runs of equal shingles never straddle two ranges, so the shared shingles are
/// the same.
///
/// How many shingles each pair of sources shares is counted from these, a source at a time
/// ([`Counter`]): a map of the counts of every pair that shares a shingle outgrew the caches
/// (an entry a pair, looked up once a shared shingle and pair) and grew 7 times for 4 times
/// the articles.
fn shared_shingles(shingles: &[Vec<u64>], max_posting: usize) -> Shared {
    let total: usize = shingles.iter().map(Vec::len).sum();
    shared_shingles_in(shingles, max_posting, per_pass(total))
}

/// Postings per pass for `total` postings: a [`PASSES`]th of them, and at least
/// [`MIN_POSTINGS_PER_PASS`]. Each pass walks every source (its next run of shingles), so
/// ranges of a fixed size made the walks grow with the square of the corpus (at most 64 passes
/// still grew 9 times for 4 times the articles, from 33 passes to 64): with a fixed number of
/// passes from some 2,000 articles on, the walks are linear, and the buffer a fixed part of
/// the shingles held beside it.
fn per_pass(total: usize) -> usize {
    MIN_POSTINGS_PER_PASS.max(total.div_ceil(PASSES))
}

/// [`shared_shingles`], about `per_pass` postings at a time (tests take small ranges).
fn shared_shingles_in(shingles: &[Vec<u64>], max_posting: usize, per_pass: usize) -> Shared {
    let total: usize = shingles.iter().map(Vec::len).sum();
    let passes = total.div_ceil(per_pass.max(1)).max(1) as u128;
    // The end (exclusive) of range `p` of the hash space, `p` in 1..=passes.
    let end = |p: u128| (p << 64) / passes;
    let mut next: Vec<usize> = vec![0; shingles.len()];
    let mut postings: Vec<(u64, usize)> =
        Vec::with_capacity(total.min(per_pass.saturating_add(per_pass / 4)));
    let mut shared = Shared {
        of: vec![Vec::new(); shingles.len()],
        starts: vec![0],
        holders: Vec::new(),
    };
    for p in 1..=passes {
        let hi = end(p);
        postings.clear();
        for (i, s) in shingles.iter().enumerate() {
            // A source's shingles are sorted: its part of the range ends where a search finds.
            let taken = s[next[i]..].partition_point(|&h| u128::from(h) < hi);
            postings.extend(s[next[i]..next[i] + taken].iter().map(|&h| (h, i)));
            next[i] += taken;
        }
        postings.sort_unstable();
        for run in postings.chunk_by(|x, y| x.0 == y.0) {
            if run.len() < 2 || run.len() > max_posting {
                continue;
            }
            let number = (shared.starts.len() - 1) as u32;
            for &(_, i) in run {
                shared.holders.push(i as u32);
                shared.of[i].push(number);
            }
            shared.starts.push(shared.holders.len() as u32);
        }
    }
    for of in &mut shared.of {
        of.shrink_to_fit();
    }
    shared
}

/// The shingles sources share (see [`shared_shingles`]).
#[derive(Debug, PartialEq)]
struct Shared {
    /// The numbers of each source's shared shingles.
    of: Vec<Vec<u32>>,
    /// The sources holding shared shingle `k` are `holders[starts[k]..starts[k + 1]]`, in
    /// order. Numbers and indices below 2^32, in 4 bytes: a corpus of more sources or shared
    /// postings is not held.
    starts: Vec<u32>,
    holders: Vec<u32>,
}

impl Shared {
    fn holders(&self, k: u32) -> &[u32] {
        let k = k as usize;
        &self.holders[self.starts[k] as usize..self.starts[k + 1] as usize]
    }
}

/// Counts of the shingles one source shares with each other source, in a vector of every
/// source (reset after each source), so a count is one add, not a look-up in a map of pairs.
struct Counter {
    counts: Vec<u32>,
    met: Vec<usize>,
    out: Vec<(usize, u32)>,
}

impl Counter {
    fn new(sources: usize) -> Counter {
        Counter {
            counts: vec![0; sources],
            met: Vec::new(),
            out: Vec::new(),
        }
    }

    /// Each source that shares a shingle with source `a`, in order of index, with how many.
    fn count(&mut self, shared: &Shared, a: usize) -> &[(usize, u32)] {
        self.met.clear();
        self.out.clear();
        for &k in &shared.of[a] {
            for &b in shared.holders(k) {
                let b = b as usize;
                if b != a {
                    if self.counts[b] == 0 {
                        self.met.push(b);
                    }
                    self.counts[b] += 1;
                }
            }
        }
        self.met.sort_unstable();
        for &b in &self.met {
            self.out.push((b, std::mem::take(&mut self.counts[b])));
        }
        &self.out
    }
}

/// How many passes copy detection makes over the sources (see [`per_pass`]): a pass sorts a
/// 64th of the postings (16 bytes each, and the room left for a range's spread: 2.5 MB of
/// 10,000 articles, 25 MB of 100,000, beside their 700 MB of shingles; a 32nd was 25 MB more
/// at the peak of a compare of 100,000 articles).
const PASSES: usize = 64;

/// The fewest postings a pass sorts: a small corpus is read in one or a few passes.
const MIN_POSTINGS_PER_PASS: usize = 1 << 16;

/// The source `a` copies, if any: of its candidates, the one that holds the largest share of
/// its shingles.
fn best_origin(
    a: usize,
    e: &Evidence,
    published: &[Option<Ymd>],
    s: &CopySettings,
) -> Option<CopyOf> {
    if e.counts[a] < s.min_shingles {
        return None;
    }
    let mut best: Option<CopyOf> = None;
    for c in &e.candidates[a] {
        let b = c.b;
        if e.counts[b] < s.min_shingles {
            continue;
        }
        let how = if c.ab >= s.near_copy {
            // Near copies of each other: the later, shorter one is the copy.
            if c.ba >= s.near_copy
                && first_is_origin(
                    (&e.ids[a], published[a], e.counts[a]),
                    (&e.ids[b], published[b], e.counts[b]),
                )
            {
                continue;
            }
            How::NearCopy
        } else if c.ab >= s.retelling && c.names_outlet {
            How::Retelling
        } else {
            continue;
        };
        let better = best
            .as_ref()
            .is_none_or(|o| match c.ab.total_cmp(&o.share) {
                std::cmp::Ordering::Equal => e.ids[b] < o.source,
                o => o.is_gt(),
            });
        if better {
            best = Some(CopyOf {
                source: e.ids[b].clone(),
                how,
                share: c.ab,
            });
        }
    }
    best
}

/// Of two near copies of each other, each given as its id, publication date and number of
/// shingles, whether `a` is the origin: published earlier, else fuller, else first by id.
fn first_is_origin(a: (&str, Option<Ymd>, usize), b: (&str, Option<Ymd>, usize)) -> bool {
    match (a.1, b.1) {
        (Some(x), Some(y)) if x != y => return x < y,
        _ => {}
    }
    if a.2 != b.2 {
        return a.2 > b.2;
    }
    a.0 < b.0
}

/// True when `a`'s text, which names the outlets `a_named` ([`Read::named`]), names `b`'s
/// outlet (and the two outlets differ).
fn names_outlet(a: Known, a_named: &[u32], b: Known, outlets: &Outlets) -> bool {
    match (a.outlet, b.outlet) {
        (_, None) => false,
        (Some(x), Some(y)) if x == y => false,
        (_, Some(y)) => outlets.names(a_named, y),
    }
}

/// The agencies a text carries and those it only cites, each in order of first mention.
pub fn credits(text: &str) -> (Vec<&'static str>, Vec<&'static str>) {
    credits_of(text, &words(text))
}

/// [`credits`] of `text`, `words` being its words. A line's words are the run of them between
/// its ends: a word never spans a line break, nor the spaces that end a line.
fn credits_of(text: &str, words: &[Word]) -> (Vec<&'static str>, Vec<&'static str>) {
    let lines = lines(text);
    let (head, foot) = (
        lines.len().min(wire::HEAD_LINES),
        lines.len().saturating_sub(wire::FOOT_LINES),
    );
    let mut carries: Vec<&'static str> = Vec::new();
    let mut cites: Vec<&'static str> = Vec::new();
    // The first word not before the line being read.
    let mut line_start = 0;
    for (n, &(ls, le)) in lines.iter().enumerate() {
        let edge = n < head || n >= foot;
        let from = line_start + words[line_start..].partition_point(|w| w.start < ls);
        line_start = from + words[from..].partition_point(|w| w.end <= le);
        let ws = &words[from..line_start];
        let mut k = 0;
        while k < ws.len() {
            let Some((agency, len)) = wire::agency_at(&text[ws[k].start..le]) else {
                k += 1;
                continue;
            };
            let end = ws[k].start + len;
            let next = ws[k..]
                .iter()
                .position(|w| w.start >= end)
                .map_or(ws.len(), |p| p + k);
            let at = Mention {
                text,
                line: (ls, le),
                words: ws,
                first: k,
                next,
                end,
            };
            if at.carried(edge) {
                push_once(&mut carries, agency);
            } else if at.cited() && agency != wire::GENERIC {
                push_once(&mut cites, agency);
            }
            k = next;
        }
    }
    cites.retain(|c| !carries.contains(c));
    (carries, cites)
}

fn push_once(list: &mut Vec<&'static str>, agency: &'static str) {
    if !list.contains(&agency) {
        list.push(agency);
    }
}

/// The non-empty lines of a text that are not its own address, as byte ranges.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.trim_end().len();
        let trimmed = line.trim();
        let address = wire::ADDRESS_LINE_STARTS
            .iter()
            .any(|p| trimmed.starts_with(p));
        if !trimmed.is_empty() && !address {
            out.push((start, end));
        }
        start += line.len();
    }
    out
}

/// One mention of an agency in a line: its words `first..next`, ending at byte `end`.
struct Mention<'a> {
    text: &'a str,
    line: (usize, usize),
    words: &'a [Word],
    first: usize,
    next: usize,
    end: usize,
}

impl Mention<'_> {
    fn before(&self) -> &str {
        self.text[self.line.0..self.words[self.first].start].trim_end()
    }

    fn after(&self) -> &str {
        self.text[self.end..self.line.1].trim_start()
    }

    fn word(&self, k: usize) -> Option<&str> {
        self.words.get(k).map(|w| w.of(self.text))
    }

    /// The words before the mention, nearest last, as many as `n`.
    fn words_before(&self, n: usize) -> Vec<&str> {
        let from = self.first.saturating_sub(n);
        (from..self.first).filter_map(|k| self.word(k)).collect()
    }

    fn words_after(&self, n: usize) -> Vec<&str> {
        (self.next..self.next + n)
            .filter_map(|k| self.word(k))
            .collect()
    }

    /// A credit: the article carries the agency.
    fn carried(&self, edge: bool) -> bool {
        let (before, after) = (self.before(), self.after());
        let only_marks = |s: &str| s.chars().all(|c| wire::CREDIT_MARKS.contains(&c));
        let credit_word = |w: &[&str], list: &[&str]| w.last().is_some_and(|x| list.contains(x));
        // "Reuters contributed to this report."
        if self
            .words_after(1)
            .first()
            .is_some_and(|w| wire::CREDIT_AFTER.contains(w))
        {
            return true;
        }
        if !edge {
            return false;
        }
        // "(AFP)", "(dpa/NAN)", "SEOUL, Nov. 14 (Yonhap) --", not "Associated Press (AP)".
        let parenthesised = (before.ends_with('(') || before.ends_with('/'))
            && (after.starts_with(')') || after.starts_with('/'));
        // A line that is only agencies and marks: "Reuters", "— Xinhua", "AFP/Reuters".
        let whole_line = only_marks(before) && self.rest_is_agencies(after);
        // "... lines of text. — Xinhua" closing a line.
        let closing = (before.ends_with('—') || before.ends_with("--") || before.ends_with('–'))
            && only_marks(after);
        // "(With PTI inputs)", "— with AP".
        let with = credit_word(&self.words_before(1), wire::CREDIT_WITH)
            && (self
                .words_after(1)
                .first()
                .is_some_and(|w| wire::CREDIT_INPUTS.contains(w))
                || only_marks(after));
        // "By Dounia MAHIEDDINE | AFP".
        let byline = self
            .words
            .first()
            .is_some_and(|w| wire::BYLINE_WORDS.contains(&w.of(self.text)))
            && before.ends_with(['|', ',', '/', '—'])
            && only_marks(after);
        (parenthesised && !self.defines_acronym()) || whole_line || closing || with || byline
    }

    /// True when what follows on the line is only other agencies and marks.
    fn rest_is_agencies(&self, mut rest: &str) -> bool {
        loop {
            rest = rest.trim_start_matches(|c| wire::CREDIT_MARKS.contains(&c));
            if rest.is_empty() {
                return true;
            }
            match wire::agency_at(rest) {
                Some((_, n)) => rest = &rest[n..],
                None => return false,
            }
        }
    }

    /// "Agence France-Presse (AFP)": the parentheses define the short form, they credit
    /// nothing.
    fn defines_acronym(&self) -> bool {
        let before = self.before().trim_end_matches('(').trim_end();
        let Some(agency) = wire::agency_at(&self.text[self.words[self.first].start..self.end])
        else {
            return false;
        };
        wire::AGENCIES
            .iter()
            .filter(|(_, shown)| *shown == agency.0)
            .flat_map(|(forms, _)| forms.iter())
            .any(|f| f.len() > agency.1 && before.ends_with(f))
    }

    /// A citation: "according to AFP", "Reuters reported".
    fn cited(&self) -> bool {
        let lower = |v: Vec<&str>| v.iter().map(|w| fold(w)).collect::<Vec<_>>();
        let before = lower(self.words_before(3));
        let after = lower(self.words_after(3));
        let ends_with = |p: &[&str]| {
            before.len() >= p.len()
                && before[before.len() - p.len()..]
                    .iter()
                    .zip(p)
                    .all(|(a, b)| a == b)
        };
        let starts_with =
            |p: &[&str]| after.len() >= p.len() && after.iter().zip(p).all(|(a, b)| a == b);
        wire::CITE_BEFORE.iter().any(|p| ends_with(p))
            || wire::CITE_AFTER.iter().any(|p| starts_with(p))
    }
}

/// The origins of sources that share a fact: how many independent ones, and the copy
/// relations among them ("004 retells 000").
pub fn independent<'a>(sources: &[&str], origins: &'a [Origin]) -> (usize, Vec<&'a Origin>) {
    let of: BTreeMap<&str, &Origin> = origins.iter().map(|o| (o.source.as_str(), o)).collect();
    voices(sources, &|s| of.get(s).copied())
}

/// [`independent`] through a lookup: how many independent origins `sources` have, and which
/// of them are copies or carriers, in the order given.
fn voices<'o>(
    sources: &[&str],
    of: &dyn Fn(&str) -> Option<&'o Origin>,
) -> (usize, Vec<&'o Origin>) {
    let mut roots: BTreeSet<String> = BTreeSet::new();
    let mut copies = Vec::new();
    for &s in sources {
        match of(s) {
            Some(o) => {
                roots.insert(o.root.clone());
                if !o.independent() {
                    copies.push(o);
                }
            }
            None => {
                roots.insert(format!("source:{s}"));
            }
        }
    }
    (roots.len(), copies)
}

/// How a fact's explanation names the copies among its sources: "Daily Aggregator copies The
/// Valley Courier (78% of its text)", "Wire Site carries AFP".
fn describe(o: &Origin, name: &dyn Fn(&str) -> String) -> String {
    match &o.copy_of {
        Some(c) => format!(
            "{} {} {} ({}% of its text)",
            name(&o.source),
            match c.how {
                How::NearCopy => "copies",
                How::Retelling => "retells",
            },
            name(&c.source),
            (c.share * 100.0).round()
        ),
        None => format!("{} carries {}", name(&o.source), o.carries.join(" and ")),
    }
}

/// The sentence a fact's explanation gets when copies are among its sources, or `None`.
///
/// - Sources that state the fact alike (agree or compatible): when fewer independent origins
///   than sources state it, "3 sources, 2 independent: b copies a (78% of its text)."
/// - Sources that contradict each other (`disjoint` lists every cross-source pair of source ids
///   whose values are disjoint): when every such pair has one origin, "The differing sources
///   have one origin (b copies a (78% of its text)): a copy that differs from its original is
///   an update of one of them, not an independent contradiction." The verdict stays a conflict
///   (a stale copy is worth seeing); only its reading changes. When any disjoint pair has two
///   origins, nothing is said: that contradiction is independent.
pub fn note<'o>(
    conflict: bool,
    sources: &[&str],
    disjoint: &[(&str, &str)],
    of: &dyn Fn(&str) -> Option<&'o Origin>,
    name: &dyn Fn(&str) -> String,
) -> Option<String> {
    let root = |s: &str| of(s).map_or_else(|| format!("source:{s}"), |o| o.root.clone());
    if conflict {
        if disjoint.is_empty() || disjoint.iter().any(|(a, b)| root(a) != root(b)) {
            return None;
        }
        let involved: BTreeSet<&str> = disjoint.iter().flat_map(|&(a, b)| [a, b]).collect();
        let involved: Vec<&str> = involved.into_iter().collect();
        let (_, copies) = voices(&involved, of);
        let how: Vec<String> = copies.iter().map(|o| describe(o, name)).collect();
        return Some(format!(
            "The differing sources have one origin ({}): a copy that differs from its original \
             is an update of one of them, not an independent contradiction.",
            how.join("; ")
        ));
    }
    let (n, copies) = voices(sources, of);
    if n >= sources.len() || copies.is_empty() {
        return None;
    }
    let how: Vec<String> = copies.iter().map(|o| describe(o, name)).collect();
    Some(format!(
        "{} sources, {n} independent: {}.",
        sources.len(),
        how.join("; ")
    ))
}

#[cfg(test)]
mod tests;
