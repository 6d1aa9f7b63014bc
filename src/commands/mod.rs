//! The commands, one file each: [`extract`], [`compare`] (and `show`, `report`), [`check`],
//! [`baseline`], [`export`], [`schema`], [`init`], and [`completions`] (and `man`). Each takes
//! the run's [`Ctx`] (flags, config, terminal, the three streams, the write hook) and its own
//! arguments, reads what it needs through the helpers here, hands the result to
//! `report::render`, and returns the exit status. A long run shows a [`progress`] line on a
//! terminal's stderr.
//!
//! `compare` and `check` read either articles or, with `--claims`, the claims `extract
//! --format jsonl` wrote ([`crate::claims_input`]): the reduce step of a sharded run.
//!
//! The gate's reading ([`Ctx::gate_corpus`], for `check` and the baseline commands) is stricter
//! than the others': an article the corpus expects and the run did not read (binary, over the
//! size limit, a `[[source]]` it never reached) fails it unless `--allow-unread` says so, and
//! when claims.toml tunes matching, the conflicts the default settings find and these settings
//! hide are added to what it holds against the baseline (unless `[check]
//! compare_with_defaults = false`). Every diagnostic that names a file or quotes a config
//! passes through [`escape_human`], so a file name cannot write to the terminal or start a CI
//! workflow command.

pub(crate) mod baseline;
pub(crate) mod check;
pub(crate) mod compare;
pub(crate) mod completions;
pub(crate) mod export;
pub(crate) mod extract;
pub(crate) mod init;
pub(crate) mod progress;
pub(crate) mod schema;

use crate::atomic_write::{self, Hook};
use crate::baseline::{self as accepted, Baseline, Diff};
use crate::cli::{BaselineFile, Cli, Color, InputArgs};
use crate::compare::Comparison;
use crate::config::Config;
use crate::corpus::{self, Article, Corpus};
use crate::error::{Error, ExitStatus};
use crate::report::{TableStyle, escape_human};
use crate::source::{Skipped, SourceError};
use progress::Progress;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// What a run makes of an article the corpus expects and did not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unread {
    /// A warning for one over the size limit, a `-v` note for the others (`extract`,
    /// `compare`, `show`, `export`: they report what they read).
    Note,
    /// An error: the run exits 2 (`check` and the baseline commands: a gate that did not read
    /// the whole corpus cannot pass it, nor write a baseline from it).
    Fail,
    /// A warning, and the run goes on (`--allow-unread`, the explicit opt-out).
    Allow,
}

/// The words added before the explanation of a conflict the default settings find and the
/// config's settings hide.
pub(crate) const HIDDEN: &str = "found with the default settings, hidden by claims.toml's \
                                 [match]/[[alias]]/[[fact]]: ";

/// What the process is connected to, decided by `main`.
pub struct Terminal {
    /// stdout is a terminal (colour and width apply).
    pub stdout_tty: bool,
    /// Terminal width in columns, when known.
    pub width: Option<u16>,
    /// NO_COLOR is set.
    pub no_color: bool,
    /// A progress line may show on stderr: it is a terminal, outside CI.
    pub progress: bool,
}

/// Everything a command works with: the same for every command of a run.
pub(crate) struct Ctx<'a> {
    /// The parsed command line (global flags and the command).
    pub(crate) cli: &'a Cli,
    /// claims.toml, or the defaults.
    pub(crate) config: Config,
    /// What stdout is connected to.
    pub(crate) term: &'a Terminal,
    /// Read when an input is `-`.
    pub(crate) stdin: &'a mut dyn Read,
    /// The report.
    pub(crate) out: &'a mut dyn Write,
    /// Diagnostics.
    pub(crate) err: &'a mut dyn Write,
    /// Called at each stage of the files a command writes (tests interrupt writes with it).
    pub(crate) hook: Hook<'a>,
    /// What a comparison keeps beyond what the report shows: each article's whole text (for
    /// the reports that quote it: the HTML page, `show`) rather than only its claims'
    /// sentences, and the facts only one source states.
    pub(crate) keep: crate::compare::Keep,
}

/// Why a command stopped: an error of `claims` (said on stderr, exit 2), or a failed write of
/// the report itself (a closed pipe), which `main` handles.
pub(crate) enum Failure {
    Claims(Error),
    Io(io::Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Claims(e)
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

impl Ctx<'_> {
    /// Colour the output: `--color`, else whether stdout is a terminal without NO_COLOR.
    pub(crate) fn color(&self) -> bool {
        match self.cli.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => self.term.stdout_tty && !self.term.no_color,
        }
    }

    /// Table colour and width: the terminal's width only when writing to one.
    pub(crate) fn table_style(&self) -> TableStyle {
        TableStyle {
            color: self.color(),
            width: if self.term.stdout_tty {
                self.term.width
            } else {
                None
            },
        }
    }

    /// Read the named inputs (none: the corpus of claims.toml) and say on stderr what could not
    /// be read; `true` beside the corpus when something failed (the run exits 2 at the end).
    pub(crate) fn read_corpus(
        &mut self,
        input: Option<&InputArgs>,
    ) -> Result<(Corpus, bool), Failure> {
        let progress = self.progress();
        self.read_with(input, Unread::Note, &progress)
    }

    /// The progress line of a command (see [`progress`]): on when stderr may show it and `-q`
    /// is not given.
    pub(crate) fn progress(&self) -> Progress {
        Progress::new(self.term.progress && !self.cli.quiet)
    }

    /// [`Ctx::read_corpus`] with what a run makes of an unread article, counting sources and
    /// claims on `progress`.
    fn read_with(
        &mut self,
        input: Option<&InputArgs>,
        unread: Unread,
        progress: &Progress,
    ) -> Result<(Corpus, bool), Failure> {
        let (paths, stdin_name) = input.map_or((&[][..], "stdin"), |i| {
            (i.paths.as_slice(), i.stdin_name.as_str())
        });
        let inputs = corpus::inputs(paths, stdin_name, &self.config)?;
        let threads = corpus::thread_count(self.cli.threads);
        let corpus = corpus::load_counted(
            &inputs,
            &self.config,
            self.stdin,
            threads,
            |n| progress.read(n),
            |n| progress.extracted(n),
        )?;
        let failed = progress.suspend(|| self.report_problems(&corpus, unread))?;
        Ok((corpus, failed))
    }

    /// [`Ctx::read_corpus`], handing each article to `each` as soon as it is extracted (in
    /// input order) rather than keeping them: what could not be read is said on stderr first.
    /// The problems come back for the report; an error of `each` (a closed pipe) stops the run.
    /// The years other articles give an undated one's dates are not applied (see
    /// [`corpus::load_each`]).
    pub(crate) fn read_each(
        &mut self,
        input: &InputArgs,
        each: impl FnMut(&mut dyn Write, Article) -> io::Result<()>,
    ) -> Result<corpus::Problems, Failure> {
        let inputs = corpus::inputs(&input.paths, &input.stdin_name, &self.config)?;
        let threads = corpus::thread_count(self.cli.threads);
        let progress = self.progress();
        let (cli, config, out) = (self.cli, &self.config, &mut *self.out);
        // Both callbacks write to stderr, one after the other.
        let err = std::cell::RefCell::new(&mut *self.err);
        let mut each = each;
        let read = corpus::load_each(
            &inputs,
            config,
            self.stdin,
            threads,
            |n, p| {
                progress.read(n);
                progress
                    .suspend(|| {
                        say_problems(cli, config, *err.borrow_mut(), p.into(), Unread::Note)
                    })
                    .map(drop)
            },
            |a| {
                progress.extracted(a.claims.len());
                if cli.verbose {
                    progress.suspend(|| say_outside(*err.borrow_mut(), &a))?;
                }
                each(out, a)
            },
        )?;
        Ok(read?)
    }

    /// [`Ctx::read_corpus`], then group and judge.
    pub(crate) fn compare_corpus(
        &mut self,
        input: Option<&InputArgs>,
    ) -> Result<(Comparison, bool), Failure> {
        self.compare_with(input, &[], Unread::Note)
    }

    /// Group and judge the claims in `files` (`extract --format jsonl` output; see
    /// [`crate::claims_input`]) rather than articles: `--claims`.
    pub(crate) fn compare_claims(
        &mut self,
        files: &[PathBuf],
    ) -> Result<(Comparison, bool), Failure> {
        self.compare_with(None, files, Unread::Note)
    }

    /// Read `input` (or, when `claims` names files, the claims in them), then group and judge.
    fn compare_with(
        &mut self,
        input: Option<&InputArgs>,
        claims: &[PathBuf],
        unread: Unread,
    ) -> Result<(Comparison, bool), Failure> {
        let progress = self.progress();
        if claims.is_empty()
            && let Some(lean) = self.compare_lean(input, unread, &progress)?
        {
            return Ok(lean);
        }
        let (corpus, failed) = if claims.is_empty() {
            self.read_with(input, unread, &progress)?
        } else {
            let mut corpus = crate::claims_input::read(claims, self.stdin)?;
            // The `[[source]]` entries whose id no source of the claims files has: extraction
            // gave each source its entry's id, so an entry no id names was not read.
            let ids: std::collections::HashSet<&str> = corpus
                .articles
                .iter()
                .map(|a| a.source.id.as_str())
                .collect();
            corpus.unmatched = (self.config.source.iter())
                .filter(|m| !ids.contains(m.id.as_str()))
                .map(|m| m.id.clone())
                .collect();
            let failed = progress.suspend(|| self.report_problems(&corpus, unread))?;
            (corpus, failed)
        };
        Ok((self.compare(corpus, &progress), failed))
    }

    /// Read `input` twice: first the texts alone, to find copies and names in them
    /// ([`crate::compare::find`]), then each article's claims, its text let go as soon as
    /// they are out ([`corpus::load_lean`]); then group and judge. An archive's texts are
    /// never held beside its claims while they are matched (560 MB and 1.3 GB of 100,000
    /// articles), nor the shingles of copy detection. A report that quotes whole texts (the
    /// HTML page, `keep.text`) has them read a third time once the facts are judged
    /// ([`corpus::texts_again`]). `None` when an input is stdin, which cannot be read twice.
    fn compare_lean(
        &mut self,
        input: Option<&InputArgs>,
        unread: Unread,
        progress: &Progress,
    ) -> Result<Option<(Comparison, bool)>, Failure> {
        let (paths, stdin_name) = input.map_or((&[][..], "stdin"), |i| {
            (i.paths.as_slice(), i.stdin_name.as_str())
        });
        let inputs = corpus::inputs(paths, stdin_name, &self.config)?;
        if (inputs.iter()).any(|i| matches!(i, crate::source::Input::Stdin { .. })) {
            return Ok(None);
        }
        let threads = corpus::thread_count(self.cli.threads);
        // What copies and names need of each text is read as the text is, on the threads: no
        // text is held once read.
        let outlets = (self.config.source.iter()).filter_map(|m| m.outlet.as_deref());
        let reader = crate::compare::Reader::new(outlets);
        let keep = |t: corpus::TextRead| ((t.id, t.outlet, t.sha256), reader.read(&t.text));
        let mut texts = corpus::read_texts(&inputs, &self.config, self.stdin, threads, &keep)?;
        // In the order `compare` sorts the articles in.
        texts.sort_by(|a, b| a.0.0.cmp(&b.0.0));
        let (heads, found): (Vec<_>, Vec<_>) = texts.into_iter().unzip();
        let known: Vec<crate::copies::Known> = (heads.iter())
            .map(|(id, outlet, _)| crate::copies::Known {
                id,
                outlet: outlet.as_deref(),
            })
            .collect();
        let found = crate::compare::found_in(&reader, &known, found, threads);
        drop(known);
        let digests: Vec<(String, String)> =
            heads.into_iter().map(|(id, _, sha)| (id, sha)).collect();
        let first: std::collections::HashMap<&str, &str> = (digests.iter())
            .map(|(id, sha)| (id.as_str(), sha.as_str()))
            .collect();
        let mut corpus = corpus::load_lean(
            &inputs,
            &self.config,
            self.stdin,
            threads,
            |n| progress.read(n),
            |n| progress.extracted(n),
            corpus::Lean {
                first: &first,
                // The whole texts come back for the reports that quote them.
                sentences: self.keep.sentences && !self.keep.text,
            },
        )?;
        drop(first);
        drop(digests);
        let failed = progress.suspend(|| self.report_problems(&corpus, unread))?;
        // The ids of both reads are the same (`load_lean` checked), so the articles sorted by
        // id are in the order of the texts `found` was found in.
        corpus
            .articles
            .sort_by(|a, b| a.source.id.cmp(&b.source.id));
        let matched = |done: usize, total: usize| progress.matched(done, total);
        let mut c = crate::compare::compare_found(
            corpus,
            &self.config,
            threads,
            &matched,
            self.keep,
            found,
        );
        if self.keep.text {
            corpus::texts_again(&mut c.corpus.articles, threads)?;
        }
        progress.finish();
        Ok(Some((c, failed)))
    }

    /// Group and judge a corpus read, counting matched events on `progress`, which is done
    /// then.
    fn compare(&self, mut corpus: Corpus, progress: &Progress) -> Comparison {
        // Sources in id order (unique by now), not in the order the paths were named: the same
        // files give the same report bytes however they were listed. `extract` keeps the order.
        corpus
            .articles
            .sort_by(|a, b| a.source.id.cmp(&b.source.id));
        let threads = corpus::thread_count(self.cli.threads);
        let matched = |done: usize, total: usize| progress.matched(done, total);
        let c = crate::compare::compare_on(corpus, &self.config, threads, &matched, self.keep);
        progress.finish();
        c
    }

    /// The comparison `check` and the baseline commands hold against the baseline: the config's
    /// corpus, every article it expects read (else `true`, exit 2, unless `allow_unread`), and
    /// when claims.toml tunes matching, the conflicts the default settings find that these
    /// settings hide, each added as a fact of its own (id `d<N>`, its explanation saying so).
    pub(crate) fn gate_corpus(
        &mut self,
        allow_unread: bool,
    ) -> Result<(Comparison, bool), Failure> {
        self.gate_input(&[], allow_unread)
    }

    /// [`Ctx::gate_corpus`] on the claims in `claims` when it names files (`check --claims`),
    /// else on the config's corpus. Claims read back cannot be extracted again: when
    /// claims.toml changes the tolerances, the default settings' comparison takes their bounds
    /// as they were extracted, and a note says so.
    pub(crate) fn gate_input(
        &mut self,
        claims: &[PathBuf],
        allow_unread: bool,
    ) -> Result<(Comparison, bool), Failure> {
        let unread = if allow_unread {
            Unread::Allow
        } else {
            Unread::Fail
        };
        let (mut comparison, failed) = self.compare_with(None, claims, unread)?;
        if !self.config.tunes_matching() {
            return Ok((comparison, failed));
        }
        if !self.config.check.compare_with_defaults {
            if !self.cli.quiet {
                writeln!(
                    self.err,
                    "note: [check] compare_with_defaults = false: conflicts the default \
                     settings would find and claims.toml's hide are not looked for"
                )?;
            }
            return Ok((comparison, failed));
        }
        let defaults = self.config.with_default_matching();
        let mut articles = comparison.corpus.articles.clone();
        let threads = corpus::thread_count(self.cli.threads);
        if defaults.matching.tolerances() != self.config.matching.tolerances() {
            if claims.is_empty() {
                corpus::reextract(&mut articles, &defaults, threads);
            } else if !self.cli.quiet {
                writeln!(
                    self.err,
                    "note: claims read back keep the tolerances they were extracted with: \
                     the conflicts claims.toml's [match] tolerances hide are looked for with \
                     those bounds"
                )?;
            }
        }
        let reference = crate::compare::compare_on(
            Corpus {
                articles,
                ..Corpus::default()
            },
            &defaults,
            threads,
            &|_, _| {},
            crate::compare::Keep::ALL,
        );
        let hidden = accepted::hidden(&comparison, &reference);
        if !hidden.is_empty() && !self.cli.quiet {
            let (s, is, they) = if hidden.len() == 1 {
                ("", "is", "it counts")
            } else {
                ("s", "are", "they count")
            };
            writeln!(
                self.err,
                "note: {} conflict{s} the default settings find {is} hidden by claims.toml's \
                 [match]/[[alias]]/[[fact]]; {they} as conflicts here (`[check] \
                 compare_with_defaults = false` turns this off)",
                hidden.len(),
            )?;
        }
        for i in hidden {
            let mut fact = reference.facts[i].clone();
            // Its claims are the reference's (another extraction, other derived claims).
            fact.identity.pairs = Some(crate::baseline::pairs_of(&reference, &fact));
            fact.group.id = format!("d{}", fact.group.id.trim_start_matches('g'));
            fact.judgement.explanation = format!("{HIDDEN}{}", fact.judgement.explanation);
            comparison.facts.push(fact);
        }
        Ok((comparison, failed))
    }

    /// Say what could not be read; `true` when something failed (exit 2 at the end).
    fn report_problems(&mut self, corpus: &Corpus, unread: Unread) -> io::Result<bool> {
        let failed = say_problems(self.cli, &self.config, self.err, corpus.into(), unread)?;
        if self.cli.verbose {
            for a in &corpus.articles {
                say_outside(self.err, a)?;
            }
        }
        Ok(failed)
    }
}

/// What could not be read, as [`say_problems`] tells it.
pub(crate) struct Unreadable<'a> {
    skipped: &'a [Skipped],
    errors: &'a [SourceError],
    unmatched: &'a [String],
}

impl<'a> From<&'a Corpus> for Unreadable<'a> {
    fn from(c: &'a Corpus) -> Self {
        Unreadable {
            skipped: &c.skipped,
            errors: &c.errors,
            unmatched: &c.unmatched,
        }
    }
}

impl<'a> From<&'a corpus::Problems> for Unreadable<'a> {
    fn from(p: &'a corpus::Problems) -> Self {
        Unreadable {
            skipped: &p.skipped,
            errors: &p.errors,
            unmatched: &p.unmatched,
        }
    }
}

/// Say on `err` what could not be read, as `unread` wants it; `true` when something failed
/// (exit 2 at the end).
fn say_problems(
    cli: &Cli,
    config: &Config,
    err: &mut dyn Write,
    problems: Unreadable,
    unread: Unread,
) -> io::Result<bool> {
    let mut failed = !problems.errors.is_empty();
    for e in problems.errors {
        writeln!(err, "error: {}", escape_human(&e.to_string()))?;
    }
    for s in problems.skipped {
        let line = escape_human(&s.to_string()).into_owned();
        match (unread, s.kind.unread_article()) {
            (Unread::Fail, true) => {
                failed = true;
                writeln!(
                    err,
                    "error: {line}; a gate cannot pass a corpus it did not read all of \
                     (`--allow-unread` passes anyway)"
                )?;
            }
            (Unread::Allow, true) if !cli.quiet => {
                writeln!(err, "warning: {line} (--allow-unread)")?;
            }
            // Oversized files are worth a word even without -v; the other skips are not.
            (Unread::Note, true) if s.too_large() && !cli.quiet => {
                writeln!(err, "warning: {line}")?;
            }
            _ if cli.verbose => writeln!(err, "note: {line}")?,
            _ => {}
        }
    }
    if unread != Unread::Note {
        let path = config
            .path
            .as_deref()
            .map_or_else(|| "claims.toml".into(), |p| p.display().to_string());
        for id in problems.unmatched {
            let why = match config.source.iter().find(|m| &m.id == id) {
                Some(m) if m.file.is_some() => "its file is not under the [corpus] paths",
                _ => "no article read has this id",
            };
            let line = format!("{path}: source `{id}` was not read: {why}");
            let line = escape_human(&line);
            if unread == Unread::Fail {
                failed = true;
                writeln!(err, "error: {line} (`--allow-unread` passes anyway)")?;
            } else if !cli.quiet {
                writeln!(err, "warning: {line} (--allow-unread)")?;
            }
        }
    }
    Ok(failed)
}

/// Under `-v`: a note for an article read from outside the project folder.
fn say_outside(err: &mut dyn Write, a: &Article) -> io::Result<()> {
    if let Some(real) = &a.source.outside {
        let line = format!(
            "{}: read from outside the project folder: {}",
            a.source.path.display(),
            real.display()
        );
        writeln!(err, "note: {}", escape_human(&line))?;
    }
    Ok(())
}

/// Say which temp files of interrupted earlier writes a write removed.
pub(crate) fn removed_leftovers(
    err: &mut dyn Write,
    outcome: &atomic_write::Outcome,
) -> io::Result<()> {
    for p in &outcome.removed {
        let line = format!(
            "{}: removed a temp file an interrupted earlier write left behind",
            p.display()
        );
        writeln!(err, "note: {}", escape_human(&line))?;
    }
    Ok(())
}

/// The exit status of a run that reported what it found: 2 when an input failed.
pub(crate) fn done(failed: bool) -> ExitStatus {
    if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    }
}

/// `path` names one file to write: a folder there, or anything else that is not a regular file
/// (a FIFO, a device, through symbolic links), is a usage error, said up front.
pub(crate) fn writable_file(path: &Path, what: &str) -> Result<(), Error> {
    let usage = |message: String| Error::Usage {
        message: escape_human(&message).into_owned(),
    };
    if path.is_dir() {
        return Err(usage(format!("{}: is a folder; {what}", path.display())));
    }
    let special = atomic_write::resolve(path).and_then(|t| atomic_write::refuse_special(&t));
    if let Err(e) = special {
        return Err(usage(format!("{}: {e}; {what}", path.display())));
    }
    Ok(())
}

/// The baseline file the command works on: `--baseline`, else the config's. A folder there is
/// an error before any work (else `init` would call it an existing baseline and the others
/// would read the whole corpus before failing on it).
pub(crate) fn baseline_file(file: &BaselineFile, config: &Config) -> Result<PathBuf, Error> {
    let path = file
        .baseline
        .clone()
        .unwrap_or_else(|| config.baseline_path());
    writable_file(&path, "a baseline is a file")?;
    Ok(path)
}

/// The comparison held against the baseline at `path`, when that file exists.
pub(crate) fn diff_if_present(c: &Comparison, path: &Path) -> Result<Option<Diff>, Error> {
    Ok(Baseline::load(path)?.map(|b| accepted::diff(c, &b)))
}
