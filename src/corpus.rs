//! From what the user named to extracted claims: resolve the inputs (command-line paths, else the
//! `[corpus]` of claims.toml with its globs), read them, attach each source's metadata from
//! `[[source]]`, and run the extractor on every source. Problems with single files are kept
//! beside the results so the run can go on and report them.

use crate::calendar::Ymd;
use crate::claim::Claim;
use crate::config::{Config, SourceMeta};
use crate::error::Error;
use crate::extract::{self, Context};
use crate::source::{self, FileId, Input, ReadOptions, Skipped, Source, SourceError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One article with its metadata and claims.
#[derive(Debug, Clone)]
pub struct Article {
    pub source: Source,
    /// The path relative to claims.toml's folder when it lies below it, else as given: what
    /// the export shows, so it does not depend on where the command runs.
    pub rel_path: PathBuf,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Publication date: from claims.toml, else the article's dateline.
    pub published: Option<Ymd>,
    /// Where `published` came from: "config", "dateline", "url" (the date the article's own
    /// address files it under), or none.
    pub published_from: Option<&'static str>,
    /// The month the article's own address files it under, when the address gives no day and
    /// nothing else dates the article: it places the article in time among the others of its
    /// event ([`dates_from_event`]) without being its publication date.
    pub filed: Option<Ymd>,
    /// SHA-256 (hex) of the decoded text when it is known without the text (claims read back
    /// by [`crate::claims_input`]); `None`: hash `source.text`.
    pub sha256: Option<String>,
    pub claims: Vec<Claim>,
    /// The sentences of its claims once its text was let go ([`Article::let_text_go`]), none
    /// when the report quotes none; `None` while `source.text` is whole.
    pub quoted: Option<Quoted>,
}

/// The sentences of an article's claims, kept when its text is let go: one string of them all,
/// and where each was in the text, sorted by position. One allocation an article, not one a
/// sentence (112,000 sentences at 10,000 articles, held from the read to the report).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Quoted {
    /// `(start, end, at)`: the sentence at `start..end` of the text is `text[at..at + end -
    /// start]`.
    spans: Vec<(u32, u32, u32)>,
    text: Box<str>,
}

impl Quoted {
    /// The sentences of `text` at `spans` (`(start, end)` pairs, sorted, without duplicates);
    /// a span that is not one of the text's (past its end, or not on character boundaries) is
    /// not kept.
    fn new(text: &str, spans: &[(usize, usize)]) -> Quoted {
        Quoted::packed(spans, |s, e| text.get(s..e))
    }

    /// Of these sentences, those at `spans` (sorted, without duplicates) that are kept.
    fn only(&self, spans: &[(usize, usize)]) -> Quoted {
        Quoted::packed(spans, |s, e| self.get(s, e))
    }

    /// The sentences `sentence(start, end)` gives at `spans`, in one string.
    fn packed<'t>(
        spans: &[(usize, usize)],
        sentence: impl Fn(usize, usize) -> Option<&'t str>,
    ) -> Quoted {
        let held = |v: usize| u32::try_from(v).ok();
        let kept: Vec<(u32, u32, &str)> = (spans.iter())
            .filter_map(|&(s, e)| Some((held(s)?, held(e)?, sentence(s, e)?)))
            .collect();
        let mut packed = String::with_capacity(kept.iter().map(|(_, _, t)| t.len()).sum());
        let mut out = Vec::with_capacity(kept.len());
        for (s, e, t) in kept {
            let Some(at) = held(packed.len()) else { break };
            out.push((s, e, at));
            packed.push_str(t);
        }
        Quoted {
            spans: out,
            text: packed.into_boxed_str(),
        }
    }

    /// The sentence at `start..end` of the text, if it was kept.
    pub fn get(&self, start: usize, end: usize) -> Option<&str> {
        let (s, e) = (u32::try_from(start).ok()?, u32::try_from(end).ok()?);
        let i = (self
            .spans
            .binary_search_by(|&(a, b, _)| (a, b).cmp(&(s, e))))
        .ok()?;
        let at = self.spans[i].2 as usize;
        self.text.get(at..at + (end - start))
    }
}

impl Article {
    /// The text of the sentence of claim `c`: from the whole text, or from the sentences kept
    /// when the text was let go. `None` when the span is not one of the text's.
    pub fn sentence_of(&self, c: &Claim) -> Option<&str> {
        let (start, end) = (c.sentence.start(), c.sentence.end());
        match &self.quoted {
            None => self.source.text.get(start..end),
            Some(kept) => kept.get(start, end),
        }
    }

    /// What holds the sentence of claim `c`, and the offset of its first byte in the source's
    /// text: the whole text (offset 0) while it is kept, else the sentence kept for `c`.
    pub fn text_around(&self, c: &Claim) -> Option<(&str, usize)> {
        match &self.quoted {
            None => Some((&self.source.text, 0)),
            Some(_) => self.sentence_of(c).map(|t| (t, c.sentence.start())),
        }
    }

    /// Let the text go, keeping what a report of claims and verdicts reads of it: its SHA-256
    /// and, when `sentences`, the sentences of its claims ([`Article::sentence_of`]; the JSON
    /// forms quote each claim's, the table, Markdown and CSV none, and the sentences of an
    /// archive's claims are a third of its text). The texts are held from the read to the
    /// report otherwise (560 MB of 100,000 articles). Call it only after every step that reads
    /// the text (copies, names, derived claims); the reports that quote whole texts (the page
    /// of `claims report`, `claims show`) keep them, or read them again once the facts are
    /// judged ([`texts_again`]).
    pub fn let_text_go(&mut self, sentences: bool) {
        if self.quoted.is_some() {
            return;
        }
        let text = std::mem::take(&mut self.source.text);
        if self.sha256.is_none() {
            self.sha256 = Some(crate::fingerprint::sha256_hex(text.as_bytes()));
        }
        self.quoted = Some(if sentences {
            Quoted::new(&text, &self.claim_sentences())
        } else {
            Quoted::default()
        });
    }

    /// Once its text was let go ([`Article::let_text_go`]) and some of its claims too,
    /// keep only the sentences of the claims left.
    pub fn keep_only_claims_sentences(&mut self) {
        if let Some(kept) = &self.quoted {
            self.quoted = Some(kept.only(&self.claim_sentences()));
        }
    }

    /// The spans of its claims' sentences, sorted, without duplicates.
    fn claim_sentences(&self) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for c in &self.claims {
            let span = (c.sentence.start(), c.sentence.end());
            if spans.last() != Some(&span) {
                spans.push(span);
            }
        }
        spans.sort_unstable();
        spans.dedup();
        spans
    }
}

#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub skipped: Vec<Skipped>,
    pub errors: Vec<SourceError>,
    /// The ids of claims.toml's `[[source]]` entries that no article read took: an article the
    /// config expects and the run did not read (`claims check` fails on one).
    pub unmatched: Vec<String>,
}

/// The inputs to read: explicit paths if any were given, else the config's corpus.
pub fn inputs(paths: &[PathBuf], stdin_name: &str, config: &Config) -> Result<Vec<Input>, Error> {
    if !paths.is_empty() {
        return Ok(paths
            .iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    Input::Stdin {
                        name: stdin_name.to_string(),
                    }
                } else {
                    Input::Path {
                        path: p.clone(),
                        explicit: true,
                    }
                }
            })
            .collect());
    }
    if config.corpus.paths.is_empty() {
        return Err(Error::Usage {
            message: "no input: name files or folders, or give claims.toml a [corpus] with paths"
                .into(),
        });
    }
    Ok(config
        .corpus
        .paths
        .iter()
        .map(|p| {
            let full = config.root.join(p);
            if p.contains('*') || p.contains('?') {
                Input::Glob { pattern: full }
            } else {
                Input::Path {
                    path: full,
                    explicit: true,
                }
            }
        })
        .collect())
}

/// The number of threads `threads` asks for: `None` or `Some(0)` mean one per available core
/// (the ripgrep habit), anything else is taken as given.
pub fn thread_count(threads: Option<usize>) -> usize {
    match threads {
        Some(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
    }
}

/// Read and extract everything with one thread per available core; see [`load_with`].
pub fn load(
    inputs: &[Input],
    config: &Config,
    stdin: &mut dyn std::io::Read,
) -> Result<Corpus, Error> {
    load_with(inputs, config, stdin, thread_count(None))
}

/// Read and extract everything. Sources are read in input order, then extracted on up to
/// `threads` threads (1: on this thread alone); each source's claims depend only on its own
/// text and metadata, and each result goes back to its source's place, so the corpus is the
/// same whatever the thread count. Then the articles without a date of their own take the
/// years of their dates from the others ([`dates_from_event`]). Fails only when no source at
/// all could be read.
pub fn load_with(
    inputs: &[Input],
    config: &Config,
    stdin: &mut dyn std::io::Read,
    threads: usize,
) -> Result<Corpus, Error> {
    load_counted(inputs, config, stdin, threads, |_| {}, |_| {})
}

/// [`load_with`], telling `read` how many sources were read (once, before extraction) and
/// `extracted` how many claims each article's text gave, as it is extracted (the progress
/// line counts them).
pub fn load_counted(
    inputs: &[Input],
    config: &Config,
    stdin: &mut dyn std::io::Read,
    threads: usize,
    read: impl FnOnce(usize),
    extracted: impl FnMut(usize),
) -> Result<Corpus, Error> {
    load_kept(inputs, config, stdin, threads, read, extracted, None)
}

/// A source's text as the first read of a lean comparison holds it ([`read_texts`]).
#[derive(Debug, Clone)]
pub struct TextRead {
    pub id: String,
    pub outlet: Option<String>,
    pub text: String,
    /// SHA-256 (hex) of the text: the second read must find the same.
    pub sha256: String,
}

/// Read every source's text, without extracting anything, and keep what `keep` makes of it
/// (on the threads there are, so a text can be let go as soon as it is read): the first read
/// of a lean comparison ([`load_lean`]), which finds in the texts what needs them whole
/// (copies, names) before the claims of the second read are held. In input order; what could
/// not be read is left to the second read to say.
pub fn read_texts<T: Send>(
    inputs: &[Input],
    config: &Config,
    stdin: &mut dyn std::io::Read,
    threads: usize,
    keep: &(impl Fn(TextRead) -> T + Sync),
) -> Result<Vec<T>, Error> {
    let work = |group: Vec<Prepared>| {
        let read = |p: Prepared| {
            keep(TextRead {
                sha256: crate::fingerprint::sha256_hex(p.src.text.as_bytes()),
                id: p.src.id,
                outlet: p.meta.and_then(|m| m.outlet),
                text: p.src.text,
            })
        };
        group.into_iter().map(read).collect()
    };
    let mut texts = Vec::new();
    let loaded = load_each_as(
        inputs,
        config,
        stdin,
        threads,
        &work,
        |_, _| Ok::<(), std::convert::Infallible>(()),
        |t| {
            texts.push(t);
            Ok(())
        },
    )?;
    let Ok(_) = loaded;
    Ok(texts)
}

/// [`load_counted`] for a report that quotes no more of an article than its claims'
/// sentences: each article's text is let go as soon as its claims are out and derived
/// ([`Article::let_text_go`], its claims' sentences kept when `lean.sentences`), but for an
/// article without a date of its own, whose derived claims wait for the date the others give
/// it ([`dates_from_event`]). `lean.first` gives the SHA-256 each source's text had in the
/// first read ([`read_texts`]): a text that changed since, or a source only one read found, is
/// an error (what was found in the first read would not be true of the second).
pub fn load_lean(
    inputs: &[Input],
    config: &Config,
    stdin: &mut dyn std::io::Read,
    threads: usize,
    read: impl FnOnce(usize),
    extracted: impl FnMut(usize),
    lean: Lean,
) -> Result<Corpus, Error> {
    load_kept(inputs, config, stdin, threads, read, extracted, Some(lean))
}

/// What a lean read ([`load_lean`]) checks and keeps.
#[derive(Debug, Clone, Copy)]
pub struct Lean<'a> {
    /// The SHA-256 of each source's text in the first read, by source id.
    pub first: &'a HashMap<&'a str, &'a str>,
    /// Whether the sentences of an article's claims are kept when its text is let go
    /// ([`Article::let_text_go`]).
    pub sentences: bool,
}

/// [`load_counted`], or [`load_lean`] when `first` is given.
fn load_kept(
    inputs: &[Input],
    config: &Config,
    stdin: &mut dyn std::io::Read,
    threads: usize,
    read: impl FnOnce(usize),
    mut extracted: impl FnMut(usize),
    lean: Option<Lean>,
) -> Result<Corpus, Error> {
    let first = lean.map(|l| l.first);
    let mut articles = Vec::new();
    let mut read = Some(read);
    let tolerances = config.matching.tolerances();
    let settings = derive_settings(config);
    // All that is done to one article alone is done on the threads, with its extraction:
    // derived and let go (lean), made compact (derivation on the thread that hands the articles
    // on in order left the other core idle for a fifth of the read).
    // With the article, how many claims its text gave (the progress line counts those).
    let each_article = |mut a: Article| {
        let stated = a.claims.len();
        if let Some(lean) = lean {
            a.sha256 = Some(crate::fingerprint::sha256_hex(a.source.text.as_bytes()));
            if a.published.or(a.filed).is_some() {
                derive_article(&mut a, &settings);
                a.let_text_go(lean.sentences);
            } else {
                // Its derived claims wait for the date the others give it: its text is read
                // again then ([`derive_undated`]), not held beside every claim.
                a.source.text = String::new();
            }
        }
        // Every article is kept to the end: what it keeps is made compact first (a streamed
        // `extract` writes each and lets it go, and is spared the work).
        share_names(&mut a.claims);
        (a, stated)
    };
    let work = |group: Vec<Prepared>| {
        let articles = extract_articles(group, &tolerances);
        articles.into_iter().map(each_article).collect()
    };
    let mut changed: Option<PathBuf> = None;
    let loaded = load_each_as(
        inputs,
        config,
        stdin,
        threads,
        &work,
        |n, _| {
            // Once: later calls only bring the problems of later batches, which the corpus
            // keeps.
            if let Some(read) = read.take() {
                read(n);
            }
            Ok::<(), std::convert::Infallible>(())
        },
        |(a, stated): (Article, usize)| {
            extracted(stated);
            if let Some(first) = first
                && first.get(a.source.id.as_str()).copied() != a.sha256.as_deref()
            {
                changed.get_or_insert_with(|| a.source.path.clone());
            }
            articles.push(a);
            Ok(())
        },
    )?;
    let Ok(problems) = loaded;
    if let Some(first) = first
        && (changed.is_some() || first.len() != articles.len())
    {
        let path = changed.unwrap_or_else(|| {
            (articles
                .iter()
                .find(|a| !first.contains_key(a.source.id.as_str())))
            .map_or_else(|| config.root.clone(), |a| a.source.path.clone())
        });
        return Err(Error::Io {
            path,
            source: std::io::Error::other(SOURCES_CHANGED),
        });
    }
    dates_from_event(&mut articles);
    if let Some(lean) = lean {
        derive_undated(&mut articles, &settings, threads, lean.sentences)?;
    }
    Ok(Corpus {
        articles,
        skipped: problems.skipped,
        errors: problems.errors,
        unmatched: problems.unmatched,
    })
}

/// The articles of a lean read ([`load_lean`]) whose text was let go before their claims were
/// derived, as they had no date of their own ([`dates_from_event`] gave them one since): each
/// read again from its file, checked against the SHA-256 of the text its claims came from,
/// derived and let go again ([`Article::let_text_go`], the sentences of its claims kept when
/// `sentences`), on up to `threads` threads. Two thirds of the texts of an archive may be such;
/// they were held to the end of the read (360 MB of 100,000 articles) before.
fn derive_undated(
    articles: &mut [Article],
    settings: &crate::derive::Settings,
    threads: usize,
    sentences: bool,
) -> Result<(), Error> {
    each_again(
        articles,
        threads,
        |a| a.quoted.is_none(),
        |a| derive_again(a, settings, sentences),
    )
}

/// The whole text of every article of a lean read ([`load_lean`]) whose text was let go, read
/// again from its file and checked against the SHA-256 of the text its claims came from, on
/// up to `threads` threads: for the reports that quote whole texts (the HTML page), once the
/// claims are matched and judged, so that no text was held beside the claims while they were.
pub fn texts_again(articles: &mut [Article], threads: usize) -> Result<(), Error> {
    each_again(
        articles,
        threads,
        |a| a.quoted.is_some(),
        |a| {
            a.source.text = text_again(a)?;
            a.quoted = None;
            Ok(())
        },
    )
}

/// `again` done to each of `articles` that `pick` picks, on up to `threads` threads; the first
/// failure in article order, whatever thread met it.
fn each_again(
    articles: &mut [Article],
    threads: usize,
    pick: impl Fn(&Article) -> bool,
    again: impl Fn(&mut Article) -> Result<(), Error> + Sync,
) -> Result<(), Error> {
    use std::sync::{Mutex, PoisonError};
    // Each article behind a lock of its own, which only the thread that takes it locks.
    let picked: Vec<Mutex<&mut Article>> = (articles.iter_mut())
        .filter(|a| pick(a))
        .map(Mutex::new)
        .collect();
    let done = crate::parallel::parallel_map(&picked, threads, |a| {
        again(&mut a.lock().unwrap_or_else(PoisonError::into_inner))
    });
    done.into_iter().collect()
}

/// One article of [`derive_undated`]: its text read again, derived from and let go.
fn derive_again(
    a: &mut Article,
    settings: &crate::derive::Settings,
    sentences: bool,
) -> Result<(), Error> {
    a.source.text = text_again(a)?;
    derive_article(a, settings);
    a.let_text_go(sentences);
    Ok(())
}

/// The text of `a` read again from its file: an error when it cannot be read, or is no longer
/// the text (by SHA-256) its claims came from.
fn text_again(a: &Article) -> Result<String, Error> {
    let path = &a.source.path;
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: path.clone(),
        source: e,
    })?;
    let text = source::decode_vec(bytes).ok().filter(|t| {
        a.sha256.as_deref() == Some(crate::fingerprint::sha256_hex(t.as_bytes()).as_str())
    });
    text.ok_or_else(|| Error::Io {
        path: path.clone(),
        source: std::io::Error::other(SOURCES_CHANGED),
    })
}

/// What a lean read says when a source changed between its reads.
const SOURCES_CHANGED: &str =
    "the sources changed while they were read (a text, or which sources there are); run again";

/// The claims of one sentence mostly name the same names: each claim whose names are those of
/// the claim before it holds that claim's copy of them, not one of its own. Every claim of an
/// archive is held until the report is written (1.6 million at 100,000 articles), so what each
/// holds counts.
pub fn share_names(claims: &mut [Claim]) {
    for i in 0..claims.len() {
        let (before, rest) = claims.split_at_mut(i);
        let c = &mut rest[0].subject;
        if let Some(prev) = before.last()
            && !std::sync::Arc::ptr_eq(&prev.subject.names, &c.names)
            && prev.subject.names == c.names
        {
            c.names = std::sync::Arc::clone(&prev.subject.names);
        }
    }
}

/// The article of a prepared source and its claims.
fn article(p: Prepared, claims: Vec<Claim>) -> Article {
    let Prepared {
        src,
        rel_path,
        meta,
        configured,
        configured_month,
    } = p;
    // Without a configured date, the extractor read the article's dateline (if any).
    let dateline = claims
        .iter()
        .find(|c| c.date.as_ref().is_some_and(|d| d.dateline))
        .and_then(|c| c.value.lo())
        .map(|d| Ymd::from_days(d as i64));
    let mut filed = None;
    let (published, published_from) = match (configured, dateline) {
        (Some(d), _) => (Some(d), Some("config")),
        (None, Some(d)) => (Some(d), Some("dateline")),
        (None, None) if configured_month.is_some() => {
            filed = configured_month;
            (None, None)
        }
        (None, None) => match extract::date::url_date(&src.text) {
            Some((d, true)) => (Some(d), Some("url")),
            Some((d, false)) => {
                filed = Some(d);
                (None, None)
            }
            None => (None, None),
        },
    };
    Article {
        rel_path,
        outlet: meta.as_ref().and_then(|m| m.outlet.clone()),
        url: meta.as_ref().and_then(|m| m.url.clone()),
        published,
        published_from,
        filed,
        sha256: None,
        claims,
        source: src,
        quoted: None,
    }
}

/// What could not be read: the corpus without its articles.
#[derive(Debug, Default)]
pub struct Problems {
    pub skipped: Vec<Skipped>,
    pub errors: Vec<SourceError>,
    /// See [`Corpus::unmatched`].
    pub unmatched: Vec<String>,
}

/// Read and extract, handing each article to `each` as soon as it and every article before it
/// are extracted (in input order, whatever the thread count), so a caller can write it out and
/// drop it: `extract --format jsonl` streams. Sources are read a batch at a time
/// ([`BATCH_SOURCES`], [`BATCH_BYTES`]) and each batch is extracted before the next is read, so
/// the first article comes out at once and memory holds one batch, not the archive; a batch's
/// files are read and decoded on the threads too, handed back in order. (When two
/// files' stems collide, or claims.toml's ids do, a source's id depends on which of them read
/// well: then everything is read first, as [`source::read_all`] does.) `read` is called before
/// the first article with the number of sources to extract and what could not be read so far,
/// and again, with the same number, with each later batch's problems. When no source at all
/// could be read, `read` is never called and the error is [`Error::NoSources`]. An error from
/// `read` or `each` stops the run and is returned as `Err(e)` inside the `Ok`.
///
/// Each article is handed on as its own text makes it: the years that [`dates_from_event`]
/// gives the dates of an article without a date of its own, from the other articles of the
/// run, are not applied here (they need every article first, and this hands each on before the
/// next is read). [`load_with`] applies them; so does `compare --claims` on the merged claims
/// of the shards, where every article of the event is at hand
/// ([`crate::claims_input::read`]).
///
/// Extraction runs on this thread and up to `threads - 1` helpers; when the system refuses a
/// helper (a process limit), the run goes on with those it has, down to this thread alone.
pub fn load_each<E>(
    inputs: &[Input],
    config: &Config,
    stdin: &mut dyn std::io::Read,
    threads: usize,
    read: impl FnMut(usize, &Problems) -> Result<(), E>,
    each: impl FnMut(Article) -> Result<(), E>,
) -> Result<Result<Problems, E>, Error> {
    let tolerances = config.matching.tolerances();
    let work = |group: Vec<Prepared>| extract_articles(group, &tolerances);
    load_each_as(inputs, config, stdin, threads, &work, read, each)
}

/// [`load_each`], making of each source what `work` makes of it (on the threads) rather than
/// its article: `work` is given a group of sources ([`groups`]) and gives back what it makes of
/// each, in order.
fn load_each_as<E, T: Send>(
    inputs: &[Input],
    config: &Config,
    stdin: &mut dyn std::io::Read,
    threads: usize,
    work: &(impl Fn(Vec<Prepared>) -> Vec<T> + Sync),
    mut read: impl FnMut(usize, &Problems) -> Result<(), E>,
    mut each: impl FnMut(T) -> Result<(), E>,
) -> Result<Result<Problems, E>, Error> {
    let opts = ReadOptions {
        max_bytes: config.input.max_bytes,
        root: Some(config.root.clone()),
    };
    let mut walk = source::walk(inputs, &opts, stdin);
    let metas = MetaIndex::new(config);
    let (streamed, total) = {
        let candidates = walk.candidates();
        (streams(&candidates, config, &metas), candidates.len())
    };
    if !streamed {
        let collected = walk.read_all_with(|unread| read_on(unread, threads));
        let (prepared, problems) = prepare(collected, config, &metas)?;
        if let Err(e) = read(prepared.len(), &problems) {
            return Ok(Err(e));
        }
        let outcome = work_in_order(prepared, threads, work, &mut each);
        return Ok(outcome.map(|()| problems));
    }
    let mut taken = vec![false; config.source.len()];
    // How many of the problems `read` has heard of; `None` before the first source.
    let mut said: Option<(usize, usize)> = None;
    let mut any = false;
    loop {
        let mut unread = Vec::new();
        let mut bytes = 0;
        while unread.len() < BATCH_SOURCES && bytes < BATCH_BYTES {
            let Some(u) = walk.next_unread() else { break };
            bytes += u.size();
            unread.push(u);
        }
        // Only a walk with nothing left ends the read: a batch whose every file was skipped
        // or failed is followed by the next.
        let walked = unread.is_empty();
        let mut batch = Vec::with_capacity(unread.len());
        for fetched in read_on(unread, threads) {
            if let Some(src) = walk.accept(fetched) {
                batch.push(prepare_one(src, config, &metas, &mut taken));
            }
        }
        if walked && !any {
            return Err(no_sources(&walk.errors, &walk.skipped));
        }
        any |= !batch.is_empty();
        // The problems are told once a source is read: until then, "no readable source" may
        // yet be the error that tells them all.
        let (s0, e0) = said.unwrap_or_default();
        if any && (said.is_none() || walk.skipped.len() > s0 || walk.errors.len() > e0) {
            let news = Problems {
                skipped: walk.skipped[s0..].to_vec(),
                errors: walk.errors[e0..].to_vec(),
                unmatched: Vec::new(),
            };
            said = Some((walk.skipped.len(), walk.errors.len()));
            if let Err(e) = read(total, &news) {
                return Ok(Err(e));
            }
        }
        if walked {
            break;
        }
        if let Err(e) = work_in_order(batch, threads, work, &mut each) {
            return Ok(Err(e));
        }
    }
    Ok(Ok(Problems {
        skipped: walk.skipped,
        errors: walk.errors,
        unmatched: unmatched(config, &taken),
    }))
}

/// Read `unread` on up to `threads` threads, in order. The files of a batch are read side by
/// side: read on the thread that hands the articles on, they left the other core idle (a
/// compare of an archive reads each text twice, and its first read does nothing else).
fn read_on(unread: Vec<source::Unread>, threads: usize) -> Vec<source::Fetched> {
    crate::parallel::parallel_map_owned(unread, threads, source::Unread::read)
}

/// Sources read before the extraction of a batch starts (a streamed run holds one batch).
pub const BATCH_SOURCES: usize = 256;
/// Bytes of text read before the extraction of a batch starts, at most (a batch of a few
/// sources when they are large).
pub const BATCH_BYTES: u64 = 16 << 20;

/// True when every source will have the id it would have were the whole corpus read first:
/// no two files to read share a stem (so no id is ever made longer), and claims.toml's
/// `[[source]]` ids collide with no other source's id.
/// `candidates` are the walk's ([`source::Walk::candidates`]).
fn streams(candidates: &[source::Candidate], config: &Config, metas: &MetaIndex) -> bool {
    use std::borrow::Cow;
    // The ids borrowed where they can be: a set of every stem copied was a page-faulting
    // allocation a source.
    let mut ids: std::collections::HashSet<Cow<str>> =
        std::collections::HashSet::with_capacity(candidates.len());
    candidates.iter().all(|c| {
        let id = if c.stem.contains('/') {
            // A stdin name with a '/': an id made from its path, as `prepare_one` makes it.
            let rel = relative_to_root(c.path, &config.root);
            Cow::Owned(path_id(&rel, c.stem.ends_with(&*ext_of(c.path))))
        } else {
            Cow::Borrowed(&*c.stem)
        };
        let id = match metas.find(c.file_id, &id) {
            Some(i) => Cow::Borrowed(config.source[i].id.as_str()),
            None => id,
        };
        ids.insert(id)
    })
}

/// The articles of a group of prepared sources, extracted together ([`extract::extract_each`]).
fn extract_articles(group: Vec<Prepared>, tolerances: &crate::extract::Tolerances) -> Vec<Article> {
    let claims = {
        let contexts: Vec<Context> = group
            .iter()
            .map(|p| Context {
                source: &p.src.id,
                published: p.configured,
                tolerances: tolerances.clone(),
            })
            .collect();
        let articles: Vec<(&str, &Context)> = group
            .iter()
            .zip(&contexts)
            .map(|(p, ctx)| (p.src.text.as_str(), ctx))
            .collect();
        extract::extract_each(&articles)
    };
    group
        .into_iter()
        .zip(claims)
        .map(|(p, c)| article(p, c))
        .collect()
}

/// The most bytes of text in a group of sources extracted together: enough
/// short articles that each stage of the extractor, and the writer after it, runs long enough
/// over them to keep its code in the processor's caches (`extract --format jsonl` over the
/// 9,763 short files of the bench corpus, pinned to one core: 0.66 s one at a time, 0.51 s in
/// groups of 512 KiB, 0.49 s of 1 MiB), few enough that their tokens stay within what a
/// thread keeps of its buffers.
pub const GROUP_BYTES: usize = 1 << 20;

/// `items` in runs of consecutive items of at most [`GROUP_BYTES`] of text together (or one
/// item), `bytes` giving an item's. On more than one thread the runs are smaller, about a
/// quarter of what each thread has to do, so that the threads share the work evenly.
pub fn groups<T>(items: Vec<T>, bytes: impl Fn(&T) -> usize, threads: usize) -> Vec<Vec<T>> {
    let limit = if threads > 1 {
        let total: usize = items.iter().map(&bytes).sum();
        GROUP_BYTES.min(total / (4 * threads))
    } else {
        GROUP_BYTES
    };
    let mut out: Vec<Vec<T>> = Vec::new();
    let mut filled = 0;
    for item in items {
        let len = bytes(&item);
        match out.last_mut() {
            Some(group) if filled + len <= limit => {
                filled += len;
                group.push(item);
            }
            _ => {
                filled = len;
                out.push(vec![item]);
            }
        }
    }
    out
}

/// Make something of each of `prepared` with `work` on up to `threads` threads, a group of
/// sources at a time ([`groups`]), handing each result to `each` in order.
fn work_in_order<E, T: Send>(
    prepared: Vec<Prepared>,
    threads: usize,
    work: &(impl Fn(Vec<Prepared>) -> Vec<T> + Sync),
    each: &mut impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Mutex, mpsc};
    let groups = groups(prepared, |p| p.src.text.len(), threads);
    let n = groups.len();
    if threads.min(n) <= 1 {
        // This thread alone: each in turn, without slots, channel or waiting room.
        return groups
            .into_iter()
            .try_for_each(|g| work(g).into_iter().try_for_each(&mut *each));
    }
    // Each group is taken out of its slot by the thread that works on it.
    let slots: Vec<Mutex<Option<Vec<Prepared>>>> =
        groups.into_iter().map(|g| Mutex::new(Some(g))).collect();
    let work = |i: usize| -> Option<Vec<T>> {
        let g = slots[i].lock().ok()?.take()?;
        Some(work(g))
    };
    let workers = threads.min(n);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, Option<Vec<T>>)>();
        for _ in 1..workers {
            let tx = tx.clone();
            let (next, stop, work) = (&next, &stop, &work);
            let helper = move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n || tx.send((i, work(i))).is_err() {
                        break;
                    }
                }
            };
            if std::thread::Builder::new()
                .spawn_scoped(scope, helper)
                .is_err()
            {
                // No more threads to be had: the helpers running and this thread do the rest.
                break;
            }
        }
        drop(tx);
        // Articles that came before their turn wait here; this thread extracts too, handing
        // on what is ready between two sources of its own.
        let mut waiting: BTreeMap<usize, Option<Vec<T>>> = BTreeMap::new();
        let mut turn = 0;
        let mut hand_on = |waiting: &mut BTreeMap<usize, Option<Vec<T>>>, turn: &mut usize| {
            while let Some(group) = waiting.remove(turn) {
                *turn += 1;
                for a in group.into_iter().flatten() {
                    if let Err(e) = each(a) {
                        stop.store(true, Ordering::Relaxed);
                        return Err(e);
                    }
                }
            }
            Ok(())
        };
        loop {
            while let Ok((i, a)) = rx.try_recv() {
                waiting.insert(i, a);
            }
            hand_on(&mut waiting, &mut turn)?;
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= n {
                break;
            }
            waiting.insert(i, work(i));
        }
        // The rest comes from the helpers, which end when every source is taken.
        for (i, a) in rx {
            waiting.insert(i, a);
            hand_on(&mut waiting, &mut turn)?;
        }
        hand_on(&mut waiting, &mut turn)
    })
}

/// Settle each source's id and metadata, in input order, from everything read.
fn prepare(
    collected: source::Collected,
    config: &Config,
    metas: &MetaIndex,
) -> Result<(Vec<Prepared>, Problems), Error> {
    let mut taken = vec![false; config.source.len()];
    // Ids and metadata first, in order: they look at the config only.
    let mut prepared = Vec::with_capacity(collected.sources.len());
    for src in collected.sources {
        prepared.push(prepare_one(src, config, metas, &mut taken));
    }
    // Before extraction, so claim ids are made from the final source ids.
    unique_ids(&mut prepared);
    if prepared.is_empty() {
        return Err(no_sources(&collected.errors, &collected.skipped));
    }
    let problems = Problems {
        skipped: collected.skipped,
        errors: collected.errors,
        unmatched: unmatched(config, &taken),
    };
    Ok((prepared, problems))
}

/// The error of a run that could read no source at all, with why.
fn no_sources(errors: &[SourceError], skipped: &[Skipped]) -> Error {
    let mut reasons: Vec<String> = errors.iter().map(ToString::to_string).collect();
    reasons.extend(skipped.iter().map(ToString::to_string));
    let detail = if reasons.is_empty() {
        "the corpus is empty".to_string()
    } else {
        reasons.join("; ")
    };
    Error::NoSources { detail }
}

/// The ids of claims.toml's `[[source]]` entries no source read took.
fn unmatched(config: &Config, taken: &[bool]) -> Vec<String> {
    config
        .source
        .iter()
        .zip(taken)
        .filter(|(_, taken)| !**taken)
        .map(|(m, _)| m.id.clone())
        .collect()
}

/// One source read: its id relative to the config's folder, its `[[source]]` metadata (marked
/// taken) and the date that gives.
fn prepare_one(
    mut src: Source,
    config: &Config,
    metas: &MetaIndex,
    taken: &mut [bool],
) -> Prepared {
    let rel_path = relative_to_root(&src.path, &config.root);
    if src.id.contains('/') {
        // A path-based id (stems collided): relative to the config's folder, not to
        // wherever the command runs.
        src.id = path_id(&rel_path, src.id.ends_with(&*ext_of(&src.path)));
    }
    let meta: Option<SourceMeta> = metas.find(src.file_id.as_ref(), &src.id).map(|i| {
        taken[i] = true;
        config.source[i].clone()
    });
    if let Some(m) = &meta {
        src.id = m.id.clone();
    }
    let configured = meta.as_ref().and_then(|m| m.published.as_ref()?.ymd());
    let configured_month = meta.as_ref().and_then(|m| m.published.as_ref()?.month());
    Prepared {
        src,
        rel_path,
        meta,
        configured,
        configured_month,
    }
}

/// claims.toml's `[[source]]` entries by the identity of their `file` (looked up once, not once
/// per article read: resolving every configured path for every article was articles ×
/// entries × path depth), and by id for those without a `file`.
struct MetaIndex<'a> {
    by_file: HashMap<FileId, usize>,
    by_id: HashMap<&'a str, usize>,
}

impl<'a> MetaIndex<'a> {
    fn new(config: &'a Config) -> MetaIndex<'a> {
        let mut by_file = HashMap::new();
        let mut by_id = HashMap::new();
        for (i, m) in config.source.iter().enumerate() {
            match &m.file {
                // A file that cannot be looked up is missing, which loading the config refused.
                Some(f) => {
                    if let Ok(id) = FileId::of_path(&config.root.join(f)) {
                        by_file.entry(id).or_insert(i);
                    }
                }
                None => {
                    by_id.entry(m.id.as_str()).or_insert(i);
                }
            }
        }
        MetaIndex { by_file, by_id }
    }

    /// The entry whose `file` is this source's file, else an entry without a `file` whose id
    /// is the source's id.
    fn find(&self, file_id: Option<&FileId>, id: &str) -> Option<usize> {
        file_id
            .and_then(|f| self.by_file.get(f))
            .or_else(|| self.by_id.get(id))
            .copied()
    }
}

/// Extract the claims of `articles` again under `config`'s tolerances (the dates claims.toml
/// gives stay; the datelines are read again): what `claims check` compares with when
/// claims.toml changes `approx_tolerance`. Claim ids do not change (they count claims in text
/// order, and a tolerance moves bounds only).
pub fn reextract(articles: &mut [Article], config: &Config, threads: usize) {
    let tolerances = config.matching.tolerances();
    let claims = crate::parallel::parallel_map(articles, threads, |a| {
        let ctx = Context {
            source: &a.source.id,
            published: a.published.filter(|_| a.published_from == Some("config")),
            tolerances: tolerances.clone(),
        };
        extract::extract(&a.source.text, &ctx)
    });
    for (a, claims) in articles.iter_mut().zip(claims) {
        a.claims = claims;
    }
    // Dates without a year take it from the event again, as loading did.
    dates_from_event(articles);
}

/// Add to each article the claims its stated claims imply ([`crate::derive`](mod@crate::derive)), after any it
/// had from an earlier call (so a corpus can be derived again, under other settings). An
/// article whose text was let go ([`Article::let_text_go`]) was derived before
/// ([`load_lean`]) and is left as it is.
pub fn derive_all(articles: &mut [Article], config: &Config) {
    let settings = derive_settings(config);
    for a in articles {
        if a.quoted.is_none() {
            derive_article(a, &settings);
        }
    }
}

/// The settings of derivation claims.toml gives.
fn derive_settings(config: &Config) -> crate::derive::Settings {
    crate::derive::Settings {
        slack: config.matching.derive_slack,
        min_parts: config.matching.derive_min_parts,
    }
}

/// Add to `a` the claims its stated claims imply, after any it had from an earlier call.
fn derive_article(a: &mut Article, settings: &crate::derive::Settings) {
    a.claims.retain(|c| c.derived.is_none());
    let derived = crate::derive::derive(
        crate::derive::Article {
            text: &a.source.text,
            published: a.published,
            claims: &a.claims,
        },
        settings,
    );
    // Exactly as many more: `extend` would double a vector shrunk to fit, and the claims
    // of every article are held until the report is written.
    if !derived.is_empty() {
        a.claims.reserve_exact(derived.len());
        a.claims.extend(derived);
    }
}

/// The articles of one corpus report one event: an article that gives no date of its own (no
/// publication date, no dated address) takes the years of its dates from the others' dates
/// ([`extract::date::resolve_from_event`]), their median, unless they lie more than
/// [`EVENT_SPAN_DAYS`] apart (then the corpus holds several stories, and no year is guessed).
/// When no article gives its date, each article's latest fully written day (`latest_stated_day`:
/// "July 14, 2023") stands in for it: a report is written after the days it dates, so two
/// reports of one event compared alone still agree on its year, as a third with a date would
/// make them.
pub fn dates_from_event(articles: &mut [Article]) {
    use extract::date::{Reference, resolve_from_event};
    let own: Vec<Option<Ymd>> = articles.iter().map(|a| a.published.or(a.filed)).collect();
    if own.iter().all(Option::is_some) {
        return;
    }
    let mut known: Vec<i64> = own.iter().flatten().map(|d| d.days()).collect();
    if known.is_empty() {
        known = articles
            .iter()
            .filter_map(|a| latest_stated_day(&a.claims))
            .collect();
    }
    known.sort_unstable();
    let (Some(&first), Some(&last)) = (known.first(), known.last()) else {
        return;
    };
    if last - first > EVENT_SPAN_DAYS {
        return;
    }
    let event = Reference {
        date: Ymd::from_days(known[(known.len() - 1) / 2]),
        day: true,
    };
    for (a, own) in articles.iter_mut().zip(own) {
        if own.is_some() {
            continue;
        }
        resolve_from_event(&mut a.claims, event);
        // A dateline that took the event's year is the article's publication date.
        if let Some(d) = a
            .claims
            .iter()
            .find(|c| c.date.as_ref().is_some_and(|d| d.dateline))
            .and_then(|c| c.value.lo())
        {
            a.published = Some(Ymd::from_days(d as i64));
            a.published_from = Some("dateline");
        }
    }
}

/// The dates of the articles of one event lie at most this many days apart.
pub const EVENT_SPAN_DAYS: i64 = 366;

/// The latest day an article's claims write in full, its year included ("July 14, 2023"; not
/// "July 14", "July 2023" or a dateline), in days: what stands in for the date of an article
/// that gives none when no article of its event does ([`dates_from_event`]).
fn latest_stated_day(claims: &[Claim]) -> Option<i64> {
    use crate::claim::{DatePrecision, Resolution};
    claims
        .iter()
        .filter(|c| {
            c.date.as_ref().is_some_and(|d| {
                !d.dateline
                    && d.resolution == Resolution::Explicit
                    && d.precision == DatePrecision::Day
            })
        })
        .filter_map(|c| Some((c.value.lo()?, c.value.hi()?)))
        // One day: the ends are less than a day apart.
        .filter(|(lo, hi)| (hi - lo).abs() < 0.5)
        .map(|(lo, _)| lo as i64)
        .max()
}

/// A source read, with its id, metadata and configured date settled, ready to extract.
struct Prepared {
    src: Source,
    rel_path: PathBuf,
    meta: Option<SourceMeta>,
    /// The publication date claims.toml gives it.
    configured: Option<Ymd>,
    /// The month claims.toml gives as its publication date, when it gives only the month.
    configured_month: Option<Ymd>,
}

/// Ids must be unique after claims.toml renamed sources: a source whose id came from its file
/// name and clashes with another's (say, a `[[source]]` id equal to its stem) takes its relative
/// path with extension, then a `~N` suffix ([`source::unique_ids`]). Sources named in
/// claims.toml keep their ids.
fn unique_ids(prepared: &mut [Prepared]) {
    let mut seen = std::collections::HashSet::with_capacity(prepared.len());
    if prepared.iter().all(|p| seen.insert(p.src.id.as_str())) {
        return; // Nothing collides (the usual case): nothing would move.
    }
    let candidates: Vec<Vec<String>> = prepared
        .iter()
        .map(|p| {
            if p.meta.is_some() {
                vec![p.src.id.clone()]
            } else {
                vec![p.src.id.clone(), path_id(&p.rel_path, true)]
            }
        })
        .collect();
    for (p, id) in prepared.iter_mut().zip(source::unique_ids(&candidates)) {
        p.src.id = id;
    }
}

/// `path` relative to `root` when it lies below it (`.` components dropped).
fn relative_to_root(path: &Path, root: &Path) -> PathBuf {
    let clean = |p: &Path| -> PathBuf {
        p.components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect()
    };
    let (p, r) = (clean(path), clean(root));
    match p.strip_prefix(&r) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.to_path_buf(),
        _ => p,
    }
}

fn ext_of(path: &Path) -> String {
    path.extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default()
}

/// A '/'-separated id from a relative path, without its extension unless `keep_ext`.
fn path_id(rel: &Path, keep_ext: bool) -> String {
    let p = if keep_ext {
        rel.to_path_buf()
    } else {
        rel.with_extension("")
    };
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use crate::source::wildcard;

    #[test]
    fn globs_match_star_and_question_mark_without_backtracking_blowup() {
        assert!(wildcard("*.txt", "a.txt"));
        assert!(wildcard("0?_*", "01_x"));
        assert!(!wildcard("*.txt", "a.md"));
        assert!(wildcard("*", ""));
        assert!(!wildcard(&"*a".repeat(20), &"a".repeat(19)));
    }

    /// Groups keep the sources in order and within [`super::GROUP_BYTES`] (a larger source
    /// alone); on threads they are smaller, so that each thread gets several.
    #[test]
    fn groups_are_runs_in_order_within_their_bytes() {
        use super::{GROUP_BYTES, groups};
        let sizes: Vec<usize> = (0..600)
            .map(|k| {
                if k == 300 {
                    3 * GROUP_BYTES
                } else {
                    5_000 + k * 7
                }
            })
            .collect();
        for threads in [1, 2, 8] {
            let grouped = groups(sizes.clone(), |&n| n, threads);
            assert_eq!(grouped.concat(), sizes, "{threads} threads");
            assert!(grouped.iter().all(|g| !g.is_empty()));
            for g in &grouped {
                let bytes: usize = g.iter().sum();
                assert!(g.len() == 1 || bytes <= GROUP_BYTES, "{bytes} bytes");
            }
            let alone = grouped.iter().find(|g| g.contains(&(3 * GROUP_BYTES)));
            assert_eq!(alone.map(Vec::len), Some(1));
            // Sources of 7 KB: on one thread as few groups as 1 MiB each allows, on more
            // threads at least four a thread.
            let even = groups(vec![7_000; 600], |&n| n, threads);
            let least = if threads == 1 {
                600 * 7_000 / GROUP_BYTES + 1
            } else {
                4 * threads
            };
            assert!(
                (least..=least + least / 4).contains(&even.len()),
                "{threads}: {}",
                even.len()
            );
        }
        assert!(groups(Vec::<usize>::new(), |&n| n, 2).is_empty());
    }

    /// The articles of `texts` (file stem, text), loaded as `claims compare` loads them.
    fn load_texts(texts: &[(&str, &str)]) -> Vec<super::Article> {
        let dir = tempfile::tempdir().expect("temp dir");
        let paths: Vec<std::path::PathBuf> = texts
            .iter()
            .map(|(stem, text)| {
                let p = dir.path().join(format!("{stem}.txt"));
                std::fs::write(&p, text).expect("write");
                p
            })
            .collect();
        let config = crate::config::Config {
            root: dir.path().to_path_buf(),
            ..crate::config::Config::default()
        };
        let inputs = super::inputs(&paths, "-", &config).expect("inputs");
        super::load(&inputs, &config, &mut std::io::empty())
            .expect("corpus")
            .articles
    }

    /// The day (`YYYY-MM-DD`) the claim of `a` written `text` resolves to.
    fn day_of(articles: &[super::Article], source: &str, text: &str) -> String {
        let a = articles
            .iter()
            .find(|a| a.source.id == source)
            .expect(source);
        let c = a.claims.iter().find(|c| c.text == text).expect(text);
        let d = crate::calendar::Ymd::from_days(c.value.lo().expect("resolved") as i64);
        format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
    }

    #[test]
    fn undated_reports_take_the_year_of_the_days_they_write_in_full() {
        // No report gives its date. b alone would read "July 14" in the year it names last
        // (2020); a writes the launch day in full, so the event is of 2023 for both.
        let launch = "The probe was launched on July 14, 2023, from the coast.";
        let b =
            "The mission was launched on July 14 from the coast. Work on it began in January 2020.";
        let articles = load_texts(&[("a", launch), ("b", b)]);
        assert_eq!(day_of(&articles, "b", "July 14"), "2023-07-14");
        assert_eq!(day_of(&articles, "a", "July 14, 2023"), "2023-07-14");
        // Alone, b keeps the year it infers.
        let alone = load_texts(&[("b", b)]);
        assert_eq!(day_of(&alone, "b", "July 14"), "2020-07-14");
        // Days written in full more than a year apart are of several stories: no year is
        // guessed; nor from a month or a day without its year.
        let old = "An earlier probe landed on September 7, 2019.";
        let apart = load_texts(&[("a", launch), ("b", b), ("c", old)]);
        assert_eq!(day_of(&apart, "b", "July 14"), "2020-07-14");
        let vague = "Its launch came in July 2023, weeks after May 2.";
        let vague = load_texts(&[("b", b), ("v", vague)]);
        assert_eq!(day_of(&vague, "b", "July 14"), "2020-07-14");
    }

    /// The articles of `texts` in `dir`, loaded as a lean `claims compare` loads them (its texts
    /// read first, then its claims: [`super::load_lean`]), and as [`load_texts`] does, derived.
    fn lean_and_whole(
        dir: &std::path::Path,
        texts: &[(&str, &str)],
    ) -> (Vec<super::Article>, Vec<super::Article>) {
        let paths: Vec<std::path::PathBuf> = (texts.iter())
            .map(|(stem, text)| {
                let p = dir.join(format!("{stem}.txt"));
                std::fs::write(&p, text).expect("write");
                p
            })
            .collect();
        let config = crate::config::Config {
            root: dir.to_path_buf(),
            ..crate::config::Config::default()
        };
        let inputs = super::inputs(&paths, "-", &config).expect("inputs");
        let read =
            super::read_texts(&inputs, &config, &mut std::io::empty(), 2, &|t| t).expect("texts");
        let first: std::collections::HashMap<&str, &str> = (read.iter())
            .map(|t| (t.id.as_str(), t.sha256.as_str()))
            .collect();
        let lean = super::load_lean(
            &inputs,
            &config,
            &mut std::io::empty(),
            2,
            |_| {},
            |_| {},
            super::Lean {
                first: &first,
                sentences: true,
            },
        )
        .expect("lean");
        let mut whole = super::load(&inputs, &config, &mut std::io::empty()).expect("whole");
        super::derive_all(&mut whole.articles, &config);
        (lean.articles, whole.articles)
    }

    #[test]
    fn an_article_without_a_date_is_read_again_to_derive_its_claims() {
        // b gives no date of its own: its anniversary takes the year a writes (2023), and
        // then it says when the airbase opened (2003).
        let dir = tempfile::tempdir().expect("temp dir");
        let a = "The probe was launched on July 14, 2023, from the coast.";
        let b = "On October 12 they marked the 20th anniversary of the airbase.";
        let (lean, whole) = lean_and_whole(dir.path(), &[("a", a), ("b", b)]);
        let b_of = |articles: &[super::Article]| {
            (articles.iter().find(|x| x.source.id == "b").expect("b")).clone()
        };
        let (lean_b, whole_b) = (b_of(&lean), b_of(&whole));
        assert!(lean_b.claims.iter().any(|c| c.derived.is_some()));
        assert_eq!(lean_b.claims, whole_b.claims);
        // Its text was let go, its claims' sentences kept.
        assert!(lean_b.source.text.is_empty());
        assert_eq!(
            lean_b.sentence_of(&lean_b.claims[0]),
            whole_b.sentence_of(&whole_b.claims[0])
        );
    }

    /// A whole batch of files that are skipped (binary here) or fail does not end the read:
    /// the readable file after them is read, and the problems of all are kept.
    #[test]
    fn a_batch_of_unreadable_files_is_followed_by_the_next() {
        let dir = tempfile::tempdir().expect("temp dir");
        for k in 0..super::BATCH_SOURCES + 10 {
            std::fs::write(dir.path().join(format!("a{k:04}.txt")), b"\0\x01\x02bin")
                .expect("write");
        }
        std::fs::write(
            dir.path().join("z.txt"),
            "The probe was launched on July 14, 2023, from the coast.",
        )
        .expect("write");
        let config = crate::config::Config {
            root: dir.path().to_path_buf(),
            ..crate::config::Config::default()
        };
        let inputs = super::inputs(&[dir.path().to_path_buf()], "-", &config).expect("inputs");
        for threads in [1, 2] {
            let corpus = super::load_with(&inputs, &config, &mut std::io::empty(), threads)
                .expect("the last file is read");
            let ids: Vec<&str> = (corpus.articles.iter())
                .map(|a| a.source.id.as_str())
                .collect();
            assert_eq!(ids, ["z"], "{threads} threads");
            assert_eq!(corpus.skipped.len(), super::BATCH_SOURCES + 10);
        }
        // With only such files, no sources is the error it was.
        std::fs::remove_file(dir.path().join("z.txt")).expect("remove");
        let err = super::load_with(&inputs, &config, &mut std::io::empty(), 2).expect_err("none");
        assert!(matches!(err, super::Error::NoSources { .. }), "{err}");
    }

    #[test]
    fn an_article_read_again_must_be_the_text_its_claims_came_from() {
        let dir = tempfile::tempdir().expect("temp dir");
        let b = "On October 12 they marked the 20th anniversary of the airbase.";
        let (_, whole) = lean_and_whole(dir.path(), &[("b", b)]);
        let settings = super::derive_settings(&crate::config::Config::default());
        let mut changed = whole[0].clone();
        changed.sha256 = Some(crate::fingerprint::sha256_hex(b"another text"));
        let err = super::derive_again(&mut changed, &settings, true).expect_err("changed");
        assert!(
            err.to_string().contains("changed while they were read"),
            "{err}"
        );
        // Gone since: an error too, not an article without claims.
        let mut gone = whole[0].clone();
        gone.sha256 = Some(crate::fingerprint::sha256_hex(b.as_bytes()));
        std::fs::remove_file(&gone.source.path).expect("remove");
        assert!(super::derive_again(&mut gone, &settings, true).is_err());
    }

    /// The reports that quote whole texts get them back after a lean read: the same texts
    /// and claims as a read that held them, the sentences kept no longer needed; a text that
    /// changed since, or is gone, is an error.
    #[test]
    fn whole_texts_come_back_after_a_lean_read_only_unchanged() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = "The probe was launched on July 14, 2023, from the coast.";
        let b = "On October 12 they marked the 20th anniversary of the airbase.";
        let (mut lean, whole) = lean_and_whole(dir.path(), &[("a", a), ("b", b)]);
        assert!(lean.iter().all(|x| x.source.text.is_empty()));
        for threads in [1, 2] {
            let mut again = lean.clone();
            super::texts_again(&mut again, threads).expect("unchanged");
            for (x, y) in again.iter().zip(&whole) {
                assert_eq!(x.source.text, y.source.text, "{threads} threads");
                assert_eq!(x.claims, y.claims);
                assert!(x.quoted.is_none());
            }
        }
        std::fs::write(dir.path().join("b.txt"), "On October 13 they marked it.").expect("write");
        let err = super::texts_again(&mut lean.clone(), 2).expect_err("changed");
        assert!(
            err.to_string().contains("changed while they were read"),
            "{err}"
        );
        std::fs::remove_file(dir.path().join("a.txt")).expect("remove");
        std::fs::write(dir.path().join("b.txt"), b).expect("write");
        assert!(super::texts_again(&mut lean, 2).is_err(), "a text gone");
    }

    #[test]
    fn quoted_sentences_are_found_by_their_span_and_only_those_kept() {
        let text = "One é two. Three four. Five.";
        let q = super::Quoted::new(text, &[(0, 11), (12, 23), (24, 29), (40, 45)]);
        assert_eq!(q.get(0, 11), Some("One é two."));
        assert_eq!(q.get(12, 23), Some("Three four."));
        assert_eq!(q.get(24, 29), Some("Five."));
        // Not kept: a span never asked for, one past the text's end, one inside a character.
        assert_eq!(q.get(0, 4), None);
        assert_eq!(q.get(40, 45), None);
        let split = super::Quoted::new(text, &[(0, 5)]);
        assert_eq!(split.get(0, 5), None);
        // Of those kept, some: the others go, and one never kept is not made up.
        let fewer = q.only(&[(12, 23), (24, 29), (30, 35)]);
        assert_eq!(fewer.get(12, 23), Some("Three four."));
        assert_eq!(fewer.get(24, 29), Some("Five."));
        assert_eq!(fewer.get(0, 11), None);
        assert_eq!(fewer.get(30, 35), None);
        assert_eq!(&*fewer.text, "Three four.Five.");
    }
}
