//! Text → claims. The stages run over decoded articles: sentences ([`sentence`]), the
//! sentences that may hold a value at all ([`live`], from the start sieves of [`starts`]),
//! tokens ([`token`]), dates first ([`date`]: so "October 12" is never also a count of 12),
//! then values ([`value`]: numbers with their scales, units, qualifiers and ranges, tried only
//! where [`starts`] says one may start), then the subject each value quantifies ([`subject`]).
//! Each stage runs over every article of a group before the next stage ([`extract_each`];
//! [`extract`] is a group of one), so that its code stays in the processor's caches. Every
//! stage works on byte offsets into the decoded text; nothing here allocates per byte or looks
//! at a sentence twice. The words every stage looks for are `lang::en`'s.

pub mod date;
pub mod equivalent;
pub mod live;
pub mod measure;
pub mod sentence;
pub mod starts;
pub mod subject;
pub mod token;
pub mod value;

use crate::calendar::Ymd;
use crate::claim::{
    Change, Claim, DateInfo, Dimension, Equivalent, Interval, Kind, Measure, Qualifier, Span,
    Subject, Sym, Written,
};
use crate::lang::en::words;
use crate::source::{LineCursor, LineIndex};
use date::DateHit;
use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::sync::Arc;
use token::Tok;
use value::{Found, Grammar, Settled, Words};

/// Tolerances the extractor applies when it turns a stated value into comparison bounds.
/// Each one has a `[match]` key in claims.toml.
#[derive(Debug, Clone, PartialEq)]
pub struct Tolerances {
    /// `approx_tolerance`: relative half-width added around "about"/"some"/"nearly" values.
    pub approx: f64,
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances { approx: 0.05 }
    }
}

/// What the extractor knows about the article beyond its text.
#[derive(Debug, Clone, Default)]
pub struct Context<'a> {
    /// Source id: claim ids are `<source>#<n>`.
    pub source: &'a str,
    /// Publication date from claims.toml; when `None` the dateline in the text is used.
    pub published: Option<Ymd>,
    pub tolerances: Tolerances,
}

/// Every claim in `text`, in order of position.
pub fn extract(text: &str, ctx: &Context) -> Vec<Claim> {
    extract_sentences(text, ctx, live::may_hold_value, BATCH_BYTES)
}

/// The claims of each article of `articles` (its text and context), as [`extract`] gives
/// them, in order. Each stage runs over every article of the list before the next stage
/// starts, so that a stage's code stays in the processor's caches from one article to the
/// next: the stages together run through more code than the first-level cache holds, and run
/// one article at a time, a news article of a few kilobytes fetched most of it again (17 times
/// the instruction-cache misses of the same bytes in long articles, about a third of the time
/// of `extract` over many short files).
pub fn extract_each(articles: &[(&str, &Context)]) -> Vec<Vec<Claim>> {
    extract_group(articles, live::may_hold_value, BATCH_BYTES)
}

/// The buffers an article's extraction fills and empties: its tokens, where its sentences'
/// tokens end, which tokens a date holds, its lowercased text, the values and starts of a
/// sentence, and the lists of the measure scan. Each thread keeps them for its next articles,
/// so that they are not allocated afresh (the large ones from the allocator's slow path) for
/// every article. The articles extracted together ([`extract_each`]) share them: each has its
/// own stretch of the tokens, flags, values and measured sentences, and a lowercased text of
/// its own.
#[derive(Default)]
struct Buffers {
    toks: Vec<Tok>,
    ends: Vec<usize>,
    blocked: Vec<bool>,
    lows: Vec<String>,
    found: Vec<Found>,
    /// For each sentence: the end of its values in `found`.
    found_ends: Vec<usize>,
    starts: Vec<u32>,
    measured: Vec<(Range<usize>, Range<usize>)>,
    measures: measure::Scratch,
}

/// The most tokens whose room a thread keeps after a group of articles (10 MiB of tokens, the
/// most a megabyte of text needs; a news article has a few thousand): the buffers of a larger
/// article are let go with it.
const KEEP_TOKENS: usize = 1 << 18;

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::default();
}

/// [`extract`], tokenizing only the sentences `live` passes, in batches of about
/// `batch_bytes`.
fn extract_sentences(
    text: &str,
    ctx: &Context,
    live: fn(&str, usize, usize) -> bool,
    batch_bytes: usize,
) -> Vec<Claim> {
    let mut claims = extract_group(&[(text, ctx)], live, batch_bytes);
    claims.pop().unwrap_or_default()
}

/// [`extract_each`] with the sieve `live` and batches of about `batch_bytes`, in this thread's
/// [`Buffers`].
fn extract_group(
    articles: &[(&str, &Context)],
    live: fn(&str, usize, usize) -> bool,
    batch_bytes: usize,
) -> Vec<Vec<Claim>> {
    BUFFERS.with(|kept| match kept.try_borrow_mut() {
        Ok(mut buffers) => {
            let claims = extract_in(articles, live, batch_bytes, &mut buffers);
            if buffers.toks.capacity() > KEEP_TOKENS {
                *buffers = Buffers::default();
            }
            claims
        }
        // Never while an extraction runs on this thread; fresh buffers would do.
        Err(_) => extract_in(articles, live, batch_bytes, &mut Buffers::default()),
    })
}

/// An article's lines and sentences, which of them may hold a value, and its batches.
struct Plan {
    lines: LineIndex,
    sentences: Vec<(usize, usize)>,
    live: Vec<bool>,
    batches: Vec<Range<usize>>,
}

impl Plan {
    fn new(text: &str, live: fn(&str, usize, usize) -> bool, batch_bytes: usize) -> Plan {
        let lines = LineIndex::new(text);
        let sentences = sentence::split_lines(text, lines.starts());
        // Only sentences that may hold a value are tokenized; the others have no tokens, so
        // the stages below skip them.
        let live: Vec<bool> = sentences.iter().map(|&(a, b)| live(text, a, b)).collect();
        let batches = batches(&sentences, batch_bytes);
        Plan {
            lines,
            sentences,
            live,
            batches,
        }
    }

    /// Appends the tokens of the live sentences of `batch` to `toks`, and for each of its
    /// sentences the end of its tokens, counted from `toks`'s length before, to `ends` (a dead
    /// sentence's are empty), so no sentence's tokens need searching for.
    fn tokenize(
        &self,
        text: &str,
        batch: Range<usize>,
        toks: &mut Vec<Tok>,
        ends: &mut Vec<usize>,
    ) {
        let first = toks.len();
        for k in batch {
            if self.live[k] {
                token::tokenize_into(text, self.sentences[k].0, self.sentences[k].1, toks);
            }
            ends.push(toks.len() - first);
        }
    }
}

/// What one article of a group ([`extract_each`]) holds between the stages: where its tokens,
/// its sentences' ends, its values and its measured sentences lie in the shared [`Buffers`],
/// and its dates.
struct Unit {
    toks: Range<usize>,
    ends: Range<usize>,
    dates: Vec<DateHit>,
    dateline: Option<date::Dateline>,
    /// Its stretch of `found_ends`, and where its values start in `found`.
    found_ends: Range<usize>,
    found_start: usize,
    measured: Range<usize>,
}

/// The year an article speaks from, for the measures: its publication date, else its dateline.
fn year_of(ctx: &Context, dateline: Option<date::Dateline>) -> Option<i32> {
    ctx.published
        .or(dateline.and_then(|d| d.date))
        .map(|d| d.year)
}

/// [`extract_group`] in the buffers `b`: the articles of one batch stage by stage, together;
/// an article of more batches alone, batch by batch ([`extract_batched`]), so that a huge
/// article's tokens never sit in memory at once.
fn extract_in(
    articles: &[(&str, &Context)],
    live: fn(&str, usize, usize) -> bool,
    batch_bytes: usize,
    b: &mut Buffers,
) -> Vec<Vec<Claim>> {
    let plans: Vec<Plan> = articles
        .iter()
        .map(|&(text, _)| Plan::new(text, live, batch_bytes))
        .collect();
    let together: Vec<usize> = (0..articles.len())
        .filter(|&k| plans[k].batches.len() <= 1)
        .collect();
    let mut claims = extract_together(articles, &plans, &together, b).into_iter();
    (0..articles.len())
        .map(|k| match plans[k].batches.len() {
            0 | 1 => claims.next().unwrap_or_default(),
            _ => extract_batched(articles[k], &plans[k], batch_bytes, b),
        })
        .collect()
}

/// The claims of the articles `which` of `articles`, each of one batch, every stage over all
/// of them before the next.
fn extract_together(
    articles: &[(&str, &Context)],
    plans: &[Plan],
    which: &[usize],
    b: &mut Buffers,
) -> Vec<Vec<Claim>> {
    let Buffers {
        toks,
        ends,
        blocked,
        lows,
        found,
        found_ends,
        starts,
        measured,
        measures,
    } = b;
    // Room for the tokens of the live sentences, so that the buffer does not grow (and is
    // copied) as it fills.
    let live: usize = which
        .iter()
        .map(|&k| live_bytes(&plans[k].sentences, &plans[k].live))
        .sum();
    toks.clear();
    toks.reserve(live / TOKEN_BYTES);
    ends.clear();
    // Tokens, and dates first: a date without a year resolves against the dateline or the
    // latest year the article names, wherever they are.
    let mut units: Vec<Unit> = which
        .iter()
        .map(|&k| {
            let ((text, ctx), plan) = (articles[k], &plans[k]);
            let (t0, e0) = (toks.len(), ends.len());
            plan.tokenize(text, 0..plan.sentences.len(), toks, ends);
            let mut scan = date::DateScan::default();
            scan.feed(text, &toks[t0..]);
            let (dateline, dates) = scan.finish(text, ctx.published, &plan.sentences);
            Unit {
                toks: t0..toks.len(),
                ends: e0..ends.len(),
                dates,
                dateline,
                found_ends: 0..0,
                found_start: 0,
                measured: 0..0,
            }
        })
        .collect();
    // Tokens inside a date are not read again as numbers.
    blocked.clear();
    for u in &units {
        block_dates(&toks[u.toks.clone()], &u.dates, blocked);
    }
    if lows.len() < units.len() {
        lows.resize_with(units.len(), String::new);
    }
    let words: Vec<Words> = units
        .iter()
        .zip(which)
        .zip(lows.iter_mut())
        .map(|((u, &k), low)| Words::new(articles[k].0, &toks[u.toks.clone()], low))
        .collect();
    let settled: Vec<Settled> = units.iter().map(|_| Settled::default()).collect();
    // The values of every article, in a pass of their own before any claim is built: the
    // grammar's code stays warm from one sentence and one article to the next (as the
    // measures' do below).
    found.clear();
    found_ends.clear();
    found.reserve(SENTENCE_VALUES);
    starts.reserve(SENTENCE_VALUES);
    for (((u, &k), w), s) in units.iter_mut().zip(which).zip(&words).zip(&settled) {
        (u.found_start, u.found_ends.start) = (found.len(), found_ends.len());
        let read = Batch {
            text: articles[k].0,
            sentences: &plans[k].sentences,
            ends: &ends[u.ends.clone()],
            toks: &toks[u.toks.clone()],
            blocked: &blocked[u.toks.clone()],
        };
        read.values(w, s, starts, found, found_ends);
        u.found_ends.end = found_ends.len();
    }
    measured.clear();
    let mut claims: Vec<Vec<Claim>> = units
        .iter_mut()
        .zip(which)
        .map(|(u, &k)| {
            let ((text, ctx), plan) = (articles[k], &plans[k]);
            let found_count = found_ends[u.found_ends.clone()]
                .last()
                .map_or(0, |&end| end - u.found_start);
            let mut claims = Vec::new();
            let batch_dates = batch_dates(&u.dates, 0, &plan.sentences);
            reserve_claims(&mut claims, found_count + batch_dates, true);
            let source = Sym::unique(ctx.source);
            let doc = Doc::new(
                text,
                &toks[u.toks.clone()],
                &plan.lines,
                LineCursor::default(),
                ctx,
                &source,
            );
            let m0 = measured.len();
            let mut next_date = 0;
            let batch = BatchClaims {
                sentences: &plan.sentences,
                ends: &ends[u.ends.clone()],
                found_ends: &found_ends[u.found_ends.clone()],
                found_start: u.found_start,
                dates: &u.dates,
                dateline: u.dateline,
            };
            batch.claims(&doc, found, &mut next_date, &mut claims, measured);
            u.measured = m0..measured.len();
            claims
        })
        .collect();
    // The measures of each article's claims, in a pass of their own once its values are read:
    // the measure scan's code and tables stay warm from one sentence to the next.
    for ((u, &k), (w, claims)) in units.iter().zip(which).zip(words.iter().zip(&mut claims)) {
        measures.new_article();
        let ((text, ctx), toks) = (articles[k], &toks[u.toks.clone()]);
        let year = year_of(ctx, u.dateline);
        measure_claims(
            text,
            w,
            toks,
            &measured[u.measured.clone()],
            claims,
            year,
            measures,
        );
    }
    measured.clear();
    claims
        .into_iter()
        .zip(which)
        .map(|(c, &k)| numbered(c, articles[k].1.source))
        .collect()
}

/// The claims of an article of more than one batch, tokenized batch by batch: once for its
/// dates, and again, batch by batch, for its values (batches of about `batch_bytes`).
fn extract_batched(
    (text, ctx): (&str, &Context),
    plan: &Plan,
    batch_bytes: usize,
    b: &mut Buffers,
) -> Vec<Claim> {
    let Buffers {
        toks,
        ends,
        blocked,
        lows,
        found,
        found_ends,
        starts,
        measured,
        measures,
    } = b;
    let sentences = &plan.sentences;
    // Room for the tokens of the live sentences of a batch and for the ends of its sentences,
    // so that neither grows (and is copied) as it fills.
    toks.clear();
    toks.reserve(live_bytes(sentences, &plan.live).min(batch_bytes) / TOKEN_BYTES);
    ends.clear();
    ends.reserve(
        plan.batches
            .iter()
            .map(|b| b.end - b.start)
            .max()
            .unwrap_or(0),
    );
    let tokenize = |batch: &Range<usize>, toks: &mut Vec<Tok>, ends: &mut Vec<usize>| {
        toks.clear();
        ends.clear();
        plan.tokenize(text, batch.clone(), toks, ends);
    };
    // Dates first, over every batch: a date without a year resolves against the dateline or the
    // latest year the article names, wherever they are.
    let mut scan = date::DateScan::default();
    for batch in &plan.batches {
        tokenize(batch, toks, ends);
        scan.feed(text, toks);
    }
    let (dateline, dates) = scan.finish(text, ctx.published, sentences);
    let year = year_of(ctx, dateline);
    let settled = Settled::default();
    // One copy for all the article's claims. An article's id is its own: it is not put in the
    // thread's set of shared strings ([`Sym::interned`]), where it would only be one more
    // entry for every article of the run, never asked for again.
    let source = Sym::unique(ctx.source);
    if lows.is_empty() {
        lows.push(String::new());
    }
    let mut claims = Vec::new();
    found.reserve(SENTENCE_VALUES);
    starts.reserve(SENTENCE_VALUES);
    let mut next_date = 0;
    let mut cursor = LineCursor::default();
    measures.new_article();
    for batch in &plan.batches {
        tokenize(batch, toks, ends);
        blocked.clear();
        block_dates(toks, &dates, blocked);
        let words = Words::new(text, toks, &mut lows[0]);
        let batch_sentences = &sentences[batch.clone()];
        let read = Batch {
            text,
            sentences: batch_sentences,
            ends,
            toks,
            blocked,
        };
        found.clear();
        found_ends.clear();
        read.values(&words, &settled, starts, found, found_ends);
        let batch_dates = batch_dates(&dates, next_date, batch_sentences);
        reserve_claims(&mut claims, found.len() + batch_dates, false);
        let doc = Doc::new(text, toks, &plan.lines, cursor, ctx, &source);
        let batch = BatchClaims {
            sentences: batch_sentences,
            ends,
            found_ends,
            found_start: 0,
            dates: &dates,
            dateline,
        };
        measured.clear();
        batch.claims(&doc, found, &mut next_date, &mut claims, measured);
        cursor = doc.cursor.get();
        measure_claims(text, &words, toks, measured, &mut claims, year, measures);
    }
    measured.clear();
    numbered(claims, ctx.source)
}

/// How many of `dates` from `next` on start before the end of `sentences`.
fn batch_dates(dates: &[DateHit], next: usize, sentences: &[(usize, usize)]) -> usize {
    let end = sentences.last().map_or(0, |s| s.1);
    dates[next..].partition_point(|d| d.start < end)
}

/// The sentences of a batch, where their tokens and values end, and the article's dates, for
/// building the claims of each sentence that holds a value or a date.
struct BatchClaims<'b> {
    sentences: &'b [(usize, usize)],
    /// `ends[k]` ends the tokens of `sentences[k]` (in the batch's tokens).
    ends: &'b [usize],
    /// `found_ends[k]` ends the values of `sentences[k]` in `found`, whose first value of the
    /// batch is at `found_start`.
    found_ends: &'b [usize],
    found_start: usize,
    dates: &'b [DateHit],
    dateline: Option<date::Dateline>,
}

impl BatchClaims<'_> {
    /// Appends the claims of the batch to `claims`, dates from `next_date` on, and for each
    /// sentence that holds one its tokens and claims to `measured`.
    fn claims(
        &self,
        doc: &Doc,
        found: &mut [Found],
        next_date: &mut usize,
        claims: &mut Vec<Claim>,
        measured: &mut Vec<(Range<usize>, Range<usize>)>,
    ) {
        let (mut at, mut found_at) = (0, self.found_start);
        let sentences_found = self.sentences.iter().zip(self.ends.iter());
        for ((&(s_start, s_end), &to), &found_end) in sentences_found.zip(self.found_ends) {
            let (from, found_from) = (at, found_at);
            (at, found_at) = (to, found_end);
            let dates = self.dates;
            let has_date = *next_date < dates.len() && dates[*next_date].start < s_end;
            // A sentence without a value or a date has no claim, and no measure to read
            // (`annotate` is nothing for it).
            if found_from == found_end && !has_date {
                continue;
            }
            let sentence = doc.span(s_start, s_end);
            let first_claim = claims.len();
            for f in &mut found[found_from..found_end] {
                f.first += from;
                f.last += from;
                f.noun = f.noun.map(|(a, b)| (a + from, b + from));
                // Built where it is kept: a claim made first and pushed after was copied.
                let claim = || doc.claim_from_found(f, sentence, from, to);
                claims.extend(std::iter::once_with(claim));
            }
            doc.push_dates(
                dates,
                next_date,
                self.dateline,
                sentence,
                (from, to),
                claims,
            );
            measured.push((from..to, first_claim..claims.len()));
        }
    }
}

/// The measures of the claims of each sentence of `measured` (its tokens in `toks`, its claims
/// in `claims`), and the equivalents among them.
fn measure_claims(
    text: &str,
    words: &Words,
    toks: &[Tok],
    measured: &[(Range<usize>, Range<usize>)],
    claims: &mut [Claim],
    year: Option<i32>,
    measures: &mut measure::Scratch,
) {
    for (stoks, mine) in measured {
        let mine = &mut claims[mine.clone()];
        measure::annotate(
            text,
            words.lowered(),
            &toks[stoks.clone()],
            mine,
            year,
            measures,
        );
        // `annotate` left its claims in text order (dates among values), so the
        // article's are in order too unless a sentence began inside another.
        equivalent::pair(text, mine);
    }
}

/// Room in `claims` for the `n` claims of a batch: exactly their number for an article of
/// one batch (the vector is then of the article's number of claims, which [`numbered`] keeps
/// as it is); in the batches of a huge article it grows as any vector does, so that the claims
/// of the batches before are not moved at every batch.
fn reserve_claims(claims: &mut Vec<Claim>, n: usize, one_batch: bool) {
    if one_batch {
        claims.reserve_exact(n);
    } else {
        claims.reserve(n);
    }
}

/// Appends to `blocked` a flag for each token of `toks`: whether it lies inside a date of
/// `dates` (sorted by position). Those tokens are not read again as numbers.
fn block_dates(toks: &[Tok], dates: &[DateHit], blocked: &mut Vec<bool>) {
    let first_flag = blocked.len();
    blocked.resize(first_flag + toks.len(), false);
    let blocked = &mut blocked[first_flag..];
    if let (Some(first), Some(last)) = (toks.first(), toks.last()) {
        let lo = dates.partition_point(|d| d.end <= first.start);
        let hi = dates.partition_point(|d| d.start < last.end);
        for d in &dates[lo..hi.max(lo)] {
            let a = toks.partition_point(|t| t.end <= d.start);
            let b = toks.partition_point(|t| t.start < d.end);
            for flag in &mut blocked[a..b] {
                *flag = true;
            }
        }
    }
}

/// One batch of an article's sentences with their tokens: `ends[k]` ends the tokens of
/// `sentences[k]` in `toks`, `blocked` flags the tokens inside a date.
struct Batch<'b> {
    text: &'b str,
    sentences: &'b [(usize, usize)],
    ends: &'b [usize],
    toks: &'b [Tok],
    blocked: &'b [bool],
}

impl<'b> Batch<'b> {
    /// The values of every sentence of the batch, appended to `found`; for each sentence,
    /// where its values end in `found`, appended to `found_ends`.
    fn values<'a>(
        &self,
        words: &'a Words<'a>,
        settled: &'a Settled,
        starts: &mut Vec<u32>,
        found: &mut Vec<Found>,
        found_ends: &mut Vec<usize>,
    ) where
        'b: 'a,
    {
        let mut at = 0;
        for (&(s_start, s_end), &to) in self.sentences.iter().zip(self.ends) {
            let from = at;
            at = to;
            debug_assert!(
                self.toks[from..to]
                    .iter()
                    .all(|t| (s_start..s_end).contains(&t.start))
            );
            // Where the grammar can start a value: most sentences hold no number, currency or
            // starter word and are never scanned, and the scan tries only these tokens.
            let (stoks, sblocked) = (&self.toks[from..to], &self.blocked[from..to]);
            starts::starts_of(self.text, stoks, sblocked, starts);
            if !starts.is_empty() {
                // Each sentence gets a grammar over exactly its own tokens: no look-behind or
                // look-ahead can reach into the neighbouring sentences.
                let mut grammar = Grammar::new(self.text, stoks, sblocked, words);
                grammar.settled = Some(settled);
                grammar.scan(starts, found);
            }
            found_ends.push(found.len());
        }
    }
}

/// The claims in text order, each with its id, and no room left over from the vector's growth
/// (claims are kept until matching ends; a sentence dense with values can double the vector
/// past what it holds).
fn numbered(mut claims: Vec<Claim>, source: &str) -> Vec<Claim> {
    in_order(&mut claims);
    for (n, c) in claims.iter_mut().enumerate() {
        c.id = claim_id(source, n + 1);
    }
    exact(claims)
}

/// `claims` sorted by their span (stably), left alone when already so: a sort moves claims
/// (large structs) even when few are out of place.
fn in_order(claims: &mut [Claim]) {
    let key = |c: &Claim| (c.span.start(), c.span.end());
    if !claims.is_sorted_by_key(key) {
        claims.sort_by_key(key);
    }
}

/// The most claims of one article [`exact`] copies into a fresh vector (a news article has
/// tens; a copy of a few thousand costs a few megabytes for a moment).
const EXACT_COPY_MAX_CLAIMS: usize = 4096;

/// `claims` in a vector of exactly their number. `shrink_to_fit` is not enough: the allocator
/// (mimalloc) keeps a block in place when it shrinks by less than half, so up to half the room
/// of the vector stayed allocated for the whole run; a fresh allocation of the exact size is
/// made and the claims moved into it.
///
/// The move holds both vectors for a moment: an article of more than [`EXACT_COPY_MAX_CLAIMS`]
/// claims (a pathological file, megabytes of figures) is shrunk in place instead, so that its
/// peak is not doubled.
fn exact(mut claims: Vec<Claim>) -> Vec<Claim> {
    if claims.capacity() == claims.len() {
        return claims;
    }
    if claims.len() > EXACT_COPY_MAX_CLAIMS {
        claims.shrink_to_fit();
        return claims;
    }
    let mut fit = Vec::with_capacity(claims.len());
    fit.append(&mut claims);
    fit
}

/// `<source>#<n>`, without the formatting machinery (it cost a thousand instructions a claim).
fn claim_id(source: &str, n: usize) -> Sym {
    let mut digits = [0u8; 20];
    let digits = crate::text::digits::decimal(n as u64, &mut digits);
    // Decimal digits are ASCII.
    let digits = std::str::from_utf8(digits).unwrap_or_default();
    Sym::unique_joined(&[source, "#", digits])
}

/// What `approx_tolerance` is a share of for a time of day, in minutes: at the default 5 %,
/// "around 6:05 pm" is 6:05 pm ± 15 minutes.
const CLOCK_APPROX_MINUTES: f64 = 300.0;

/// Half of the last digit of a whole number, the rounding of "37%" or "6 miles".
const HALF_LAST_DIGIT: f64 = 0.5;

/// Whether a whole number of this dimension is rounded to its last digit: percentages and
/// physical measures, not counts, money, durations, dates or ranks.
fn rounds_to_last_digit(dim: Dimension) -> bool {
    matches!(
        dim,
        Dimension::Percent
            | Dimension::Length
            | Dimension::Area
            | Dimension::Mass
            | Dimension::Volume
            | Dimension::Speed
            | Dimension::Temperature
            | Dimension::Angle
            | Dimension::Data
    )
}

/// The bytes of text per token the token buffer is sized for: the sentences of news that hold
/// values have a token (a word, a mark, a number) every four to six bytes.
const TOKEN_BYTES: usize = 4;

/// Room for the values (and the places one may start) of a sentence before its buffers grow:
/// most sentences have fewer.
const SENTENCE_VALUES: usize = 16;

/// Sentences are tokenized in batches of about this many bytes, so that the tokens of a huge
/// article (a 100 MB line holds tens of millions) never sit in memory at once. An article that
/// fits in one batch is tokenized once; a longer one twice, for its dates and then its values.
const BATCH_BYTES: usize = 1 << 20;

/// The bytes of the sentences `live` marks.
fn live_bytes(sentences: &[(usize, usize)], live: &[bool]) -> usize {
    sentences
        .iter()
        .zip(live)
        .filter(|&(_, &l)| l)
        .map(|(&(a, b), _)| b - a)
        .sum()
}

/// Consecutive runs of sentences spanning at most `limit` bytes each (or one sentence).
fn batches(sentences: &[(usize, usize)], limit: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut first = 0;
    for (k, &(_, end)) in sentences.iter().enumerate() {
        if k > first && end - sentences[first].0 > limit {
            out.push(first..k);
            first = k;
        }
    }
    if first < sentences.len() {
        out.push(first..sentences.len());
    }
    out
}

struct Doc<'a> {
    text: &'a str,
    toks: &'a [Tok],
    lines: &'a LineIndex,
    /// Positions are asked for in (nearly) increasing order: counting columns from the last
    /// one keeps long lines linear.
    cursor: Cell<LineCursor>,
    ctx: &'a Context<'a>,
    /// `ctx.source`, interned once for all the article's claims.
    source: Sym,
    /// The names of the last claim: the claims of one sentence mostly see the same names, and
    /// share one list instead of a list each.
    last_names: RefCell<Arc<[Sym]>>,
    /// The sentence start and name window `(from, a, b)` of `last_names`
    /// ([`subject::name_window`]): a claim with the same window has the same names.
    last_window: Cell<(usize, usize, usize)>,
    /// The names of the window being read ([`Doc::names_near`]): one vector for all claims.
    names: RefCell<Vec<&'a str>>,
}

impl<'a> Doc<'a> {
    /// The stages' view of the article's batch of tokens `toks`; `source` is `ctx.source`
    /// interned once for the whole article (every claim holds a copy).
    fn new(
        text: &'a str,
        toks: &'a [Tok],
        lines: &'a LineIndex,
        cursor: LineCursor,
        ctx: &'a Context<'a>,
        source: &Sym,
    ) -> Self {
        Doc {
            text,
            toks,
            lines,
            cursor: Cell::new(cursor),
            ctx,
            source: source.clone(),
            last_names: RefCell::new(Sym::no_names()),
            last_window: Cell::new((usize::MAX, 0, 0)),
            names: RefCell::new(Vec::new()),
        }
    }

    /// The names near tokens `[first, last)` of the sentence `[from, to)`
    /// ([`subject::name_window`], [`subject::names_in_window`]) as a shared list, scanned only when the window differs from
    /// the last claim's.
    fn names_near(&self, from: usize, to: usize, first: usize, last: usize) -> Arc<[Sym]> {
        let (a, b) = subject::name_window(self.text, self.toks, (from, to), first, last);
        if self.last_window.get() == (from, a, b) {
            return Arc::clone(&self.last_names.borrow());
        }
        self.last_window.set((from, a, b));
        let mut names = self.names.borrow_mut();
        subject::names_in_window(self.text, self.toks, from, (a, b), &mut names);
        self.shared_names(&names)
    }

    /// `names` as a shared list: the last claim's list when it holds the same names.
    fn shared_names(&self, names: &[&str]) -> Arc<[Sym]> {
        let mut last = self.last_names.borrow_mut();
        let same = last.len() == names.len() && last.iter().zip(names).all(|(a, &b)| **a == *b);
        if !same {
            *last = Sym::shared_all(names);
        }
        Arc::clone(&last)
    }

    /// The date claims of the sentence `sentence` (tokens `from..to`): every date hit that
    /// starts before its end. A claim lies inside its sentence, so a date the splitter cut
    /// through is no claim.
    fn push_dates(
        &self,
        dates: &[DateHit],
        next: &mut usize,
        dateline: Option<date::Dateline>,
        sentence: Span,
        (from, to): (usize, usize),
        claims: &mut Vec<Claim>,
    ) {
        while *next < dates.len() && dates[*next].start < sentence.end() {
            let d = &dates[*next];
            *next += 1;
            if d.end > sentence.end() {
                continue;
            }
            let is_dateline = dateline.is_some_and(|l| l.start == d.start && l.end == d.end);
            let claim = || self.claim_from_date(d, sentence, from, to, is_dateline);
            claims.extend(std::iter::once_with(claim));
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        let mut cursor = self.cursor.get();
        let (line, column) = self.lines.line_col_at(self.text, start, &mut cursor);
        self.cursor.set(cursor);
        Span::new(start, end, line, column)
    }

    fn subject_right(&self, a: usize, b: usize, to: usize, from: usize) -> Subject {
        let end = subject::extend_tail(self.text, self.toks, b, to);
        let phrase_toks = &self.toks[a..end];
        let phrase: Box<str> = self.text
            [phrase_toks[0].start..phrase_toks[phrase_toks.len() - 1].end]
            .trim_end_matches([',', '.'])
            .into();
        // The head is the last word of the noun, `b - 1` (`a < b <= end`).
        let (terms, head) = subject::terms_and_stem_at(self.text, phrase_toks, b - 1 - a);
        Subject {
            terms,
            phrase,
            head,
            names: self.names_near(from, to, a, b),
        }
    }

    fn subject_left(&self, first: usize, last: usize, from: usize, to: usize) -> Subject {
        let a = subject::left_window(self.toks, first, from);
        // A short tail after the value ("of the national gross domestic product", "east of
        // Bishkek") belongs to the subject too.
        let tail_end = if last < to && self.toks[last].punct().is_none() {
            subject::value_tail(self.text, self.toks, last, to)
        } else {
            last
        };
        let left = if a < first {
            &self.text[self.toks[a].start..self.toks[first - 1].end]
        } else {
            ""
        };
        let right = if last < tail_end {
            &self.text[self.toks[last].start..self.toks[tail_end - 1].end]
        } else {
            ""
        };
        // "{left} … {right}", or whichever side there is, trimmed of a final comma or full
        // stop, built once in a string of exactly its length (kept with the claim to the end).
        let sep = if !left.is_empty() && !right.is_empty() {
            " … "
        } else {
            ""
        };
        let trimmed = |s: &str| s.trim_end_matches([',', '.']).len();
        // The separator ends in a space: trimming stops there.
        let keep = if right.is_empty() {
            trimmed(left)
        } else if left.is_empty() {
            trimmed(right)
        } else {
            left.len() + sep.len() + trimmed(right)
        };
        let mut phrase = String::with_capacity(keep);
        for part in [left, sep, right] {
            let room = keep - phrase.len();
            phrase.push_str(&part[..part.len().min(room)]);
        }
        let (terms, head) =
            subject::terms_and_head(self.text, &self.toks[a..first], &self.toks[last..tail_end]);
        Subject {
            phrase: phrase.into_boxed_str(),
            terms,
            head,
            names: self.names_near(from, to, first, last),
        }
    }

    /// The claim of `f`, whose unit, written unit and flags it takes: the caller is done with
    /// `f`.
    fn claim_from_found(&self, f: &mut Found, sentence: Span, from: usize, to: usize) -> Claim {
        let start = self.toks[f.first].start;
        let end = self.toks[f.last - 1].end;
        let written = Interval::new(f.lo, f.hi);
        let convert = |v: f64| -> f64 {
            if f.factor.is_nan() {
                (v - 32.0) * 5.0 / 9.0
            } else {
                v * f.factor
            }
        };
        let value = Interval::new(f.lo.map(convert), f.hi.map(convert));
        let bounds = self.bounds(f, value);
        let subject = match f.noun {
            Some((a, b)) if b > a => self.subject_right(a, b, to, from),
            _ => self.subject_left(f.first, f.last, from, to),
        };
        let mut subject = subject;
        if f.kind == Kind::Rank {
            // The polarity of the ranking is part of what is ranked.
            let tag = if f.written_unit.is_empty() {
                "rank:top"
            } else {
                "rank:bottom"
            };
            let mut terms = Vec::with_capacity(subject.terms.len() + 1);
            terms.push(Sym::from(tag));
            terms.extend(std::mem::take(&mut subject.terms));
            subject.terms = terms.into_boxed_slice();
        }
        let unit = std::mem::take(&mut f.unit);
        Claim {
            id: Sym::default(),
            source: self.source.clone(),
            span: self.span(start, end),
            text: Sym::unique(&self.text[start..end]),
            sentence,
            kind: f.kind,
            dimension: f.dim,
            value,
            bounds,
            written_as: Written {
                value: written,
                unit: std::mem::take(&mut f.written_unit),
            }
            .unless_as(&value, &unit),
            unit,
            qualifier: f.qualifier,
            change: f.change,
            subject,
            measure: Measure::default(),
            date: None,
            equivalent: None::<Box<Equivalent>>,
            flags: f.flags,
            derived: None,
        }
    }

    /// Comparison bounds: the rounding tolerance of the written number, in the unit as written
    /// before conversion ("6 miles" is 5.5 to 6.5 miles, which covers 10 km), then the
    /// approximation tolerance for "about" values; "nearly" and "almost" put the value just
    /// below the one stated, never above it.
    fn bounds(&self, f: &Found, value: Interval) -> Interval {
        let k = if f.factor.is_nan() {
            5.0 / 9.0
        } else {
            f.factor
        };
        // A whole number of a measure or a percentage is rounded to its last digit ("37%" may
        // be 37.39 %); counts and money are exact unless written round ("4,000", "$3 billion");
        // a range states its own spread ("double-digit growth" is 10 to 99 %).
        let whole = |v: Option<f64>| v.is_none_or(|v| v.fract() == 0.0);
        let round = if f.round == 0.0
            && f.qualifier != Qualifier::Range
            && rounds_to_last_digit(f.dim)
            && whole(f.lo)
            && whole(f.hi)
        {
            HALF_LAST_DIGIT
        } else {
            f.round
        };
        let r = round * k;
        let tol = self.ctx.tolerances.approx;
        let mut lo = value.lo().map(|v| v - r);
        let mut hi = value.hi().map(|v| v + r);
        if f.qualifier == Qualifier::LessThan || f.qualifier == Qualifier::AtMost {
            lo = value.lo();
        }
        if f.qualifier == Qualifier::Approx {
            // A time of day is about a span of the clock, not a share of the minutes since
            // midnight: "around 6 pm" and "around 1 am" are as vague.
            let size = |v: f64| {
                if f.dim == Dimension::TimeOfDay {
                    CLOCK_APPROX_MINUTES
                } else {
                    v.abs()
                }
            };
            if f.approx_below {
                lo = value.lo().map(|v| v - tol * size(v));
                hi = value.hi();
            } else {
                lo = value.lo().map(|v| v - r - tol * size(v));
                hi = value.hi().map(|v| v + r + tol * size(v));
            }
        }
        Interval::new(lo, hi)
    }

    fn claim_from_date(
        &self,
        d: &DateHit,
        sentence: Span,
        from: usize,
        to: usize,
        is_dateline: bool,
    ) -> Claim {
        let first = self.toks.partition_point(|t| t.end <= d.start);
        let last = self
            .toks
            .partition_point(|t| t.start < d.end)
            .max(first + 1);
        let value = Interval::new(d.lo.map(|v| v as f64), d.hi.map(|v| v as f64));
        let bounds = date::bounds(value, d.qualifier);
        let subject = if is_dateline {
            Subject {
                phrase: words::DATELINE_PHRASE.into(),
                terms: words::DATELINE_TERMS.iter().map(|&t| t.into()).collect(),
                head: Some(words::DATELINE_HEAD.into()),
                names: Sym::no_names(),
            }
        } else {
            self.subject_left(first, last.min(to), from, to)
        };
        Claim {
            id: Sym::default(),
            source: self.source.clone(),
            span: self.span(d.start, d.end),
            text: Sym::unique(&self.text[d.start..d.end]),
            sentence,
            kind: Kind::Date,
            dimension: Dimension::Time,
            value,
            bounds,
            unit: Sym::default(),
            qualifier: d.qualifier,
            change: Change::None,
            // A date is written in its canonical form.
            written_as: None,
            subject,
            measure: Measure::default(),
            date: Some(Box::new(DateInfo {
                precision: d.precision,
                resolution: d.resolution,
                partial: d.partial.clone(),
                dateline: is_dateline,
            })),
            equivalent: None,
            flags: crate::claim::Flags::default(),
            derived: None,
        }
    }
}

/// The `.txt` articles in `dir` (relative to the crate root), in name order: the texts the
/// fast-path tests of every extraction stage run over.
#[cfg(test)]
pub(crate) fn texts_in(dir: &str) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentence filter changes nothing: reading every sentence gives the same claims, on
    /// the bundled articles, the conflict fixture and generated news-like text.
    #[test]
    fn the_live_sentence_filter_loses_no_claim() {
        let mut texts = super::texts_in("corpus");
        texts.extend(super::texts_in("tests/fixtures/conflicts"));
        assert!(texts.len() >= 5, "the bundled corpus is missing");
        const PIECES: &[&str] = &[
            "a",
            "an",
            "A",
            "year",
            "day",
            "million",
            "dozen",
            "third",
            "half",
            "one",
            "Two",
            "first",
            "largest",
            "USD",
            "usd",
            "Rs",
            "U",
            "S",
            "$",
            "€",
            "½",
            "4,500",
            "2023",
            "last",
            "this",
            "next",
            "month",
            "May",
            "Oct",
            "Thursday",
            "the",
            "officials",
            "said",
            "-",
            "—",
            ".",
            ",",
            "\n",
            "\n\n",
            "'s",
            "’",
            "www",
            "x@y.com",
            "http://a.b/1",
            "C5",
            "per",
            "cent",
            "more",
            "than",
            "about",
            "between",
            "and",
            "km",
            "some",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..3000 {
            let mut t = String::new();
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            for _ in 0..(state >> 40) % 40 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                t.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
                if state >> 62 != 0 {
                    t.push(' ');
                }
            }
            texts.push(t);
        }
        let ctx = Context::default();
        let (mut claims, mut dead) = (0, 0);
        for t in &texts {
            let kept = extract_sentences(t, &ctx, live::may_hold_value, BATCH_BYTES);
            let all = extract_sentences(t, &ctx, |_, _, _| true, BATCH_BYTES);
            assert_eq!(format!("{kept:?}"), format!("{all:?}"), "{t:?}");
            claims += all.len();
            let sentences = sentence::split(t);
            dead += sentences
                .iter()
                .filter(|&&(a, b)| !live::may_hold_value(t, a, b))
                .count();
        }
        // The comparison means something only if both sides have claims and sentences were
        // skipped.
        assert!(
            claims > 2000 && dead > 500,
            "{claims} claims, {dead} skipped sentences"
        );
    }

    /// Batches change nothing: the bundled articles (and all of them as one text, with dates
    /// that resolve against a year named far away) give the same claims in batches of a few
    /// hundred bytes as in one batch.
    #[test]
    fn batches_of_sentences_lose_no_claim() {
        let mut texts = super::texts_in("corpus");
        assert!(texts.len() >= 5, "the bundled corpus is missing");
        texts.push(texts.join("\n\n"));
        texts.push("On October 12 they met. ".repeat(50) + "It was March 2021.");
        let ctx = Context::default();
        for t in &texts {
            let whole = extract_sentences(t, &ctx, live::may_hold_value, usize::MAX);
            assert!(!whole.is_empty());
            for limit in [1, 300, 4096] {
                if limit < t.len() / 2 {
                    assert!(batches(&sentence::split(t), limit).len() > 1);
                }
                let batched = extract_sentences(t, &ctx, live::may_hold_value, limit);
                assert_eq!(
                    format!("{batched:?}"),
                    format!("{whole:?}"),
                    "limit {limit}"
                );
            }
        }
    }

    /// Articles extracted together give each the claims it gives alone: the bundled articles
    /// with and without a publication date, an empty one and the first again among them, in
    /// one batch each and, in batches of 2,000 bytes, the longer ones batch by batch among the
    /// short ones. Each article alone is extracted on a thread of its own, whose buffers
    /// hold nothing of another article.
    #[test]
    fn articles_together_give_what_each_gives_alone() {
        let mut texts = super::texts_in("corpus");
        assert!(texts.len() >= 5, "the bundled corpus is missing");
        texts.insert(2, String::new());
        texts.push(texts[0].clone());
        texts.push("It was founded in 1998 with 40 staff.".to_string());
        let ids: Vec<String> = (0..texts.len()).map(|k| format!("a{k}")).collect();
        let contexts: Vec<Context> = ids
            .iter()
            .enumerate()
            .map(|(k, id)| Context {
                source: id,
                published: (k % 2 == 0).then(|| Ymd::new(2019, 3, 4)).flatten(),
                tolerances: Tolerances::default(),
            })
            .collect();
        let articles: Vec<(&str, &Context)> =
            texts.iter().map(String::as_str).zip(&contexts).collect();
        let short = texts.iter().filter(|t| t.len() <= 2000).count();
        assert!(short >= 2 && short < texts.len(), "{short} short texts");
        for limit in [BATCH_BYTES, 2000] {
            let together = extract_group(&articles, live::may_hold_value, limit);
            assert_eq!(together.len(), articles.len());
            for ((text, ctx), claims) in articles.iter().zip(&together) {
                // On a thread of its own: nothing of another article is in its buffers.
                let alone = std::thread::scope(|scope| {
                    let alone = || extract_sentences(text, ctx, live::may_hold_value, limit);
                    scope.spawn(alone).join().expect("extraction panicked")
                });
                assert_eq!(
                    format!("{claims:?}"),
                    format!("{alone:?}"),
                    "{}",
                    ctx.source
                );
            }
            assert!(together.iter().filter(|c| !c.is_empty()).count() >= 6);
        }
    }

    /// Whole numbers of measures and percentages carry the rounding of their last digit, in
    /// the unit as written; counts stay exact; "nearly" stays below the value it states.
    #[test]
    fn bounds_round_in_the_written_unit_and_nearly_stays_below() {
        let text = "Turnout was 37% against 37.39%; nearly 4,000 came in 20 cars; it ran 6 miles, \
                    or 10 km, and about 200 people waited for double-digit growth.";
        let claims = extract(text, &Context::default());
        let b = |t: &str| {
            let c = claims.iter().find(|c| c.text == t).unwrap();
            let r = |v: Option<f64>| (v.unwrap() * 1e6).round() / 1e6;
            (r(c.bounds.lo()), r(c.bounds.hi()))
        };
        assert_eq!(b("37%"), (36.5, 37.5));
        assert_eq!(b("37.39%"), (37.385, 37.395));
        assert_eq!(b("nearly 4,000"), (3800.0, 4000.0));
        assert_eq!(b("20"), (20.0, 20.0));
        assert_eq!(b("6 miles"), (8.851392, 10.460736));
        assert_eq!(b("10 km"), (9.5, 10.5));
        assert_eq!(b("about 200"), (190.0, 210.0));
        assert_eq!(b("double-digit"), (10.0, 99.0));
        // 6 miles and 10 km may be the same distance.
        let (m, k) = (b("6 miles"), b("10 km"));
        assert!(m.0 <= k.1 && k.0 <= m.1);
    }

    #[test]
    fn claim_ids_are_source_hash_number() {
        for n in [1, 9, 10, 123, 4_500, usize::MAX] {
            assert_eq!(claim_id("002_x", n), format!("002_x#{n}"));
        }
    }

    /// Adding a number word is one row of `numbers::CARDINALS`, and every sieve follows it:
    /// built from the table plus a made-up word, the start words hold it, the packed start
    /// table and its shape sieve accept it in any case, the sentence filter's sieve passes it
    /// capitalised or not, it may follow "a", the tokenizer's lexicon marks it as both, the
    /// grammar's look-up finds its value, and the subject reader knows it is a number word,
    /// not a term.
    #[test]
    fn a_number_word_is_one_row_and_the_sieves_follow() {
        use super::live::{Shapes, code_words};
        use super::starts::{
            EN, StartSet, StartTables, StartWords, follows_a, has_starter_shape, start_words,
        };
        use crate::lang::en::{measure, numbers, starts, words};
        use crate::text::fold;
        use crate::text::packed::{PackedBits, PackedWords, WordIndex};
        use crate::text::rows::indexed;

        fn cardinals_with_zorp() -> Vec<(&'static str, u32)> {
            let mut cardinals = numbers::CARDINALS.to_vec();
            cardinals.push(("zorp", 7));
            cardinals
        }
        let cardinals = cardinals_with_zorp();
        let tables = StartTables {
            cardinals: &cardinals,
            ..EN
        };
        let start = StartWords::of(&tables);
        assert!(start.as_slice().contains(&"zorp"));
        assert!(!start_words().contains(&"zorp"));

        let set: StartSet<256> = StartSet::of(start.as_slice());
        assert!(set.contains("zorp") && set.contains_any_case(b"ZORP"));
        assert!(set.has_shape(4, b'z', b'p') && !has_starter_shape(4, b'z', b'p'));

        let shapes = Shapes::of(start.as_slice(), code_words());
        for w in ["zorp", "Zorp"] {
            let b = w.as_bytes();
            assert!(shapes.may_be_candidate(4, [b[0], b[1], b[2]], b[3]), "{w}");
            assert!(shapes.is_candidate(b), "{w}");
        }

        let after_a: PackedBits<1024> =
            starts::with_follows_a(PackedBits::empty(), &tables, start.as_slice(), 1);
        let packed = |w: &str| fold::pack16(w.as_bytes(), false).unwrap();
        assert!(after_a.bits(packed("zorp")) != 0 && !follows_a("zorp"));

        // The tokenizer's lexicon marks it as a start word and as a word after "a", in any case.
        // (Built on a thread of its own: an unoptimized build moves the table by value through
        // every step of its builder, more than a test thread's stack holds.)
        let bits: Vec<u64> = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(|| {
                let cardinals = cardinals_with_zorp();
                let tables = StartTables {
                    cardinals: &cardinals,
                    ..EN
                };
                let words = StartWords::of(&tables);
                // Room for the made-up word whatever the lexicon's size.
                let lexicon: Box<PackedBits<{ 2 * measure::LEXICON_SLOTS }>> =
                    Box::new(measure::lexicon(&tables, words.as_slice()));
                [&b"zorp"[..], b"Zorp", b"ZORP"]
                    .iter()
                    .map(|w| lexicon.bits_of_any_case(w))
                    .collect()
            })
            .unwrap()
            .join()
            .unwrap();
        for b in bits {
            assert_ne!(b & measure::STARTER_BIT, 0);
            assert_ne!(b & measure::FOLLOWS_A_BIT, 0);
        }
        assert_eq!(
            measure::lexicon_bits_any_case(b"zorp") & measure::STARTER_BIT,
            0
        );

        let index: WordIndex<64> = WordIndex::of_keys(&cardinals);
        assert_eq!(indexed(&index, &cardinals, "zorp"), Some(7));
        assert_eq!(
            indexed(&index, &cardinals, "seven"),
            numbers::cardinal("seven")
        );

        let flags: PackedWords<512> =
            words::word_table(words::STOPWORDS, &cardinals, numbers::SCALES);
        assert_ne!(flags.flags(packed("zorp")) & words::NUMBER_WORD, 0);
    }

    /// Adding a unit is one row of `units::PHYSICAL_UNITS`: the index built from the table
    /// plus a made-up unit finds it, spaced or glued, through the look-up the grammar's
    /// measures use, and every unit already there as before.
    #[test]
    fn a_unit_is_one_row() {
        use crate::claim::Dimension;
        use crate::lang::en::units::{PHYSICAL_UNITS, PhysUnit, phys_unit, phys_unit_in};
        use crate::text::packed::WordIndex;

        let zorp = PhysUnit {
            name: "zp",
            dim: Dimension::Length,
            factor: 2.5,
        };
        let mut rows = PHYSICAL_UNITS.to_vec();
        rows.push((&["zorp", "zorps", "zp"], zorp));
        let index: WordIndex<512> = WordIndex::of_aliases(&rows);
        for glued in [false, true] {
            assert_eq!(phys_unit_in(&index, &rows, "zorps", glued), Some(zorp));
            assert_eq!(phys_unit("zorps", glued), None);
            for (words, unit) in PHYSICAL_UNITS {
                for w in *words {
                    assert_eq!(phys_unit_in(&index, &rows, w, glued), Some(*unit), "{w}");
                }
            }
            assert_eq!(
                phys_unit_in(&index, &rows, "m", glued),
                phys_unit("m", glued)
            );
        }
    }
}
