//! From what the user named to extracted claims: resolve the inputs (command-line paths, else the
//! `[corpus]` of claims.toml with its globs), read them, attach each source's metadata from
//! `[[source]]`, and run the extractor on every source. Problems with single files are kept
//! beside the results so the run can go on and report them.

use crate::calendar::Ymd;
use crate::claim::Claim;
use crate::config::{Config, SourceMeta};
use crate::error::Error;
use crate::extract::{self, Context};
use crate::source::{self, Input, ReadOptions, Skipped, Source, SourceError};
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
    /// Where `published` came from: "config", "dateline", or none.
    pub published_from: Option<&'static str>,
    /// SHA-256 (hex) of the decoded text when it is known without the text (claims read back
    /// by [`crate::claims_input`]); `None`: hash `source.text`.
    pub sha256: Option<String>,
    pub claims: Vec<Claim>,
}

#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub skipped: Vec<Skipped>,
    pub errors: Vec<SourceError>,
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
    let mut out = Vec::new();
    for p in &config.corpus.paths {
        let full = config.root.join(p);
        if p.contains('*') || p.contains('?') {
            out.extend(glob(&full)?);
        } else {
            out.push(Input::Path {
                path: full,
                explicit: true,
            });
        }
    }
    Ok(out)
}

/// A glob in the last path component ("corpus/*.txt"): the matching files, sorted.
fn glob(pattern: &Path) -> Result<Vec<Input>, Error> {
    let dir = pattern.parent().unwrap_or(Path::new("."));
    let pat = pattern
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let entries = std::fs::read_dir(dir).map_err(|e| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    let mut names: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| wildcard(&pat, &e.file_name().to_string_lossy()))
        .map(|e| e.path())
        .collect();
    names.sort();
    Ok(names
        .into_iter()
        .map(|path| Input::Path {
            path,
            explicit: false,
        })
        .collect())
}

/// `*` and `?` matching, iterative (no backtracking blow-up).
fn wildcard(pat: &str, name: &str) -> bool {
    let p: Vec<char> = pat.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut i, mut j) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    while i < p.len() && p[i] == '*' {
        i += 1;
    }
    i == p.len()
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
/// same whatever the thread count. Fails only when no source at all could be read.
pub fn load_with(
    inputs: &[Input],
    config: &Config,
    stdin: &mut dyn std::io::Read,
    threads: usize,
) -> Result<Corpus, Error> {
    let mut articles = Vec::new();
    let read = load_each(
        inputs,
        config,
        stdin,
        threads,
        |_, _| Ok::<(), std::convert::Infallible>(()),
        |a| {
            articles.push(a);
            Ok(())
        },
    )?;
    let Ok(problems) = read;
    Ok(Corpus {
        articles,
        skipped: problems.skipped,
        errors: problems.errors,
    })
}

/// The article of a prepared source and its claims.
fn article(p: Prepared, claims: Vec<Claim>) -> Article {
    let Prepared {
        src,
        rel_path,
        meta,
        configured,
    } = p;
    // Without a configured date, the extractor read the article's dateline (if any).
    let dateline = claims
        .iter()
        .find(|c| c.date.as_ref().is_some_and(|d| d.dateline))
        .and_then(|c| c.value.lo)
        .map(|d| Ymd::from_days(d as i64));
    let (published, published_from) = match (configured, dateline) {
        (Some(d), _) => (Some(d), Some("config")),
        (None, Some(d)) => (Some(d), Some("dateline")),
        (None, None) => (None, None),
    };
    Article {
        rel_path,
        outlet: meta.as_ref().and_then(|m| m.outlet.clone()),
        url: meta.as_ref().and_then(|m| m.url.clone()),
        published,
        published_from,
        sha256: None,
        claims,
        source: src,
    }
}

/// What could not be read: the corpus without its articles.
#[derive(Debug, Default)]
pub struct Problems {
    pub skipped: Vec<Skipped>,
    pub errors: Vec<SourceError>,
}

/// [`load_with`], handing each article to `each` as soon as it and every article before it
/// are extracted (in input order, whatever the thread count), so a caller can write it out and
/// drop it: `extract --format jsonl` streams. `read` is called once, after reading and before
/// the first article, with the number of sources to extract and what could not be read. An
/// error from `read` or `each` stops the run and is returned as `Err(e)` inside the `Ok`.
pub fn load_each<E>(
    inputs: &[Input],
    config: &Config,
    stdin: &mut dyn std::io::Read,
    threads: usize,
    read: impl FnOnce(usize, &Problems) -> Result<(), E>,
    mut each: impl FnMut(Article) -> Result<(), E>,
) -> Result<Result<Problems, E>, Error> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Mutex, mpsc};
    let (prepared, read_problems) = prepare(inputs, config, stdin)?;
    if let Err(e) = read(prepared.len(), &read_problems) {
        return Ok(Err(e));
    }
    let tolerances = config.matching.tolerances();
    let n = prepared.len();
    // Each source is taken out of its slot by the thread that extracts it.
    let slots: Vec<Mutex<Option<Prepared>>> =
        prepared.into_iter().map(|p| Mutex::new(Some(p))).collect();
    let work = |i: usize| -> Option<Article> {
        let p = slots[i].lock().ok()?.take()?;
        let ctx = Context {
            source: &p.src.id,
            published: p.configured,
            tolerances: tolerances.clone(),
        };
        let claims = extract::extract(&p.src.text, &ctx);
        Some(article(p, claims))
    };
    let workers = threads.min(n);
    if workers <= 1 {
        for i in 0..n {
            if let Some(a) = work(i)
                && let Err(e) = each(a)
            {
                return Ok(Err(e));
            }
        }
        return Ok(Ok(read_problems));
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let outcome = std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, Option<Article>)>();
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, stop, work) = (&next, &stop, &work);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n || tx.send((i, work(i))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Articles that came before their turn wait here.
        let mut waiting: std::collections::BTreeMap<usize, Option<Article>> = Default::default();
        let mut turn = 0;
        for (i, a) in rx {
            waiting.insert(i, a);
            while let Some(a) = waiting.remove(&turn) {
                turn += 1;
                if let Some(a) = a
                    && let Err(e) = each(a)
                {
                    stop.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
        Ok(())
    });
    Ok(outcome.map(|()| read_problems))
}

/// Read the inputs and settle each source's id and metadata, in input order.
fn prepare(
    inputs: &[Input],
    config: &Config,
    stdin: &mut dyn std::io::Read,
) -> Result<(Vec<Prepared>, Problems), Error> {
    let opts = ReadOptions {
        max_bytes: config.input.max_bytes,
    };
    let collected = source::read_all(inputs, &opts, stdin);
    // Ids and metadata first, in order: they look at the config only.
    let mut prepared = Vec::with_capacity(collected.sources.len());
    for mut src in collected.sources {
        let rel_path = relative_to_root(&src.path, &config.root);
        if src.id.contains('/') {
            // A path-based id (stems collided): relative to the config's folder, not to
            // wherever the command runs.
            src.id = path_id(&rel_path, src.id.ends_with(&*ext_of(&src.path)));
        }
        let meta: Option<SourceMeta> = config.meta_for(&src.id, &src.path).cloned();
        if let Some(m) = &meta {
            src.id = m.id.clone();
        }
        let configured = meta.as_ref().and_then(|m| m.published.as_ref()?.ymd());
        prepared.push(Prepared {
            src,
            rel_path,
            meta,
            configured,
        });
    }
    // Before extraction, so claim ids are made from the final source ids.
    unique_ids(&mut prepared);
    if prepared.is_empty() {
        let mut reasons: Vec<String> = collected.errors.iter().map(ToString::to_string).collect();
        reasons.extend(collected.skipped.iter().map(ToString::to_string));
        let detail = if reasons.is_empty() {
            "the corpus is empty".to_string()
        } else {
            reasons.join("; ")
        };
        return Err(Error::NoSources { detail });
    }
    let problems = Problems {
        skipped: collected.skipped,
        errors: collected.errors,
    };
    Ok((prepared, problems))
}

/// A source read, with its id, metadata and configured date settled, ready to extract.
struct Prepared {
    src: Source,
    rel_path: PathBuf,
    meta: Option<SourceMeta>,
    /// The publication date claims.toml gives it.
    configured: Option<Ymd>,
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
    use super::wildcard;

    #[test]
    fn globs_match_star_and_question_mark_without_backtracking_blowup() {
        assert!(wildcard("*.txt", "a.txt"));
        assert!(wildcard("0?_*", "01_x"));
        assert!(!wildcard("*.txt", "a.md"));
        assert!(wildcard("*", ""));
        assert!(!wildcard(&"*a".repeat(20), &"a".repeat(19)));
    }
}
