//! The commands, one file each: [`extract`], [`compare`] (and `show`), [`check`],
//! [`baseline`], [`export`] and [`schema`]. Each takes the run's [`Ctx`] (flags, config,
//! terminal, the three streams, the write hook) and its own arguments, reads what it needs
//! through the helpers here, hands the result to `report::render`, and returns the exit status.

pub(crate) mod baseline;
pub(crate) mod check;
pub(crate) mod compare;
pub(crate) mod export;
pub(crate) mod extract;
pub(crate) mod progress;
pub(crate) mod schema;

use crate::atomic_write::Hook;
use crate::baseline::{self as accepted, Baseline, Diff};
use crate::cli::{BaselineFile, Cli, Color, InputArgs};
use crate::compare::Comparison;
use crate::config::Config;
use crate::corpus::{self, Article, Corpus};
use crate::error::{Error, ExitStatus};
use crate::report::TableStyle;
use crate::source::{Skipped, SourceError};
use progress::Progress;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

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

    /// The progress line of a command (see [`progress`]): on when stderr may show it and `-q`
    /// is not given.
    pub(crate) fn progress(&self) -> Progress {
        Progress::new(self.term.progress && !self.cli.quiet)
    }

    /// Read the named inputs (none: the corpus of claims.toml) and say on stderr what could not
    /// be read; `true` beside the corpus when something failed (the run exits 2 at the end).
    pub(crate) fn read_corpus(
        &mut self,
        input: Option<&InputArgs>,
    ) -> Result<(Corpus, bool), Failure> {
        let progress = self.progress();
        self.read_corpus_with(input, &progress)
    }

    /// [`Ctx::read_corpus`], counting sources and claims on `progress`.
    fn read_corpus_with(
        &mut self,
        input: Option<&InputArgs>,
        progress: &Progress,
    ) -> Result<(Corpus, bool), Failure> {
        let (paths, stdin_name) = input.map_or((&[][..], "stdin"), |i| {
            (i.paths.as_slice(), i.stdin_name.as_str())
        });
        let inputs = corpus::inputs(paths, stdin_name, &self.config)?;
        let threads = corpus::thread_count(self.cli.threads);
        let mut articles = Vec::new();
        let read = corpus::load_each(
            &inputs,
            &self.config,
            self.stdin,
            threads,
            |n, _| {
                progress.read(n);
                Ok::<(), std::convert::Infallible>(())
            },
            |a| {
                progress.extracted(a.claims.len());
                articles.push(a);
                Ok(())
            },
        )?;
        let Ok(problems) = read;
        let corpus = Corpus {
            articles,
            skipped: problems.skipped,
            errors: problems.errors,
        };
        let failed = progress.suspend(|| self.report_problems(&corpus))?;
        Ok((corpus, failed))
    }

    /// [`Ctx::read_corpus`], handing each article to `each` as soon as it is extracted (in
    /// input order) rather than keeping them: what could not be read is said on stderr first.
    /// The problems come back for the report; an error of `each` (a closed pipe) stops the run.
    pub(crate) fn read_each(
        &mut self,
        input: &InputArgs,
        each: impl FnMut(&mut dyn Write, Article) -> io::Result<()>,
    ) -> Result<corpus::Problems, Failure> {
        let inputs = corpus::inputs(&input.paths, &input.stdin_name, &self.config)?;
        let threads = corpus::thread_count(self.cli.threads);
        let progress = self.progress();
        let (cli, out, err) = (self.cli, &mut *self.out, &mut *self.err);
        let mut each = each;
        let read = corpus::load_each(
            &inputs,
            &self.config,
            self.stdin,
            threads,
            |n, p| {
                progress.read(n);
                progress
                    .suspend(|| say_problems(cli, err, &p.skipped, &p.errors))
                    .map(drop)
            },
            |a| {
                progress.extracted(a.claims.len());
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
        let progress = self.progress();
        let (corpus, failed) = self.read_corpus_with(input, &progress)?;
        Ok((self.compare(corpus, &progress), failed))
    }

    /// Group and judge the claims in `files` (`extract --format jsonl` output; see
    /// [`crate::claims_input`]) rather than articles: `--claims`.
    pub(crate) fn compare_claims(
        &mut self,
        files: &[PathBuf],
    ) -> Result<(Comparison, bool), Failure> {
        let progress = self.progress();
        let corpus = crate::claims_input::read(files, self.stdin)?;
        let failed = self.report_problems(&corpus)?;
        Ok((self.compare(corpus, &progress), failed))
    }

    /// `compare_corpus` when `claims` is empty, else `compare_claims`.
    pub(crate) fn compare_input(
        &mut self,
        input: Option<&InputArgs>,
        claims: &[PathBuf],
    ) -> Result<(Comparison, bool), Failure> {
        if claims.is_empty() {
            self.compare_corpus(input)
        } else {
            self.compare_claims(claims)
        }
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
        let c = crate::compare::compare_on(corpus, &self.config, threads, &matched);
        progress.finish();
        c
    }

    /// Say what could not be read; `true` when something failed (exit 2 at the end).
    fn report_problems(&mut self, corpus: &Corpus) -> io::Result<bool> {
        say_problems(self.cli, self.err, &corpus.skipped, &corpus.errors)
    }
}

/// Say on `err` what could not be read; `true` when something failed (exit 2 at the end).
fn say_problems(
    cli: &Cli,
    err: &mut dyn Write,
    skipped: &[Skipped],
    errors: &[SourceError],
) -> io::Result<bool> {
    for e in errors {
        writeln!(err, "error: {e}")?;
    }
    if cli.verbose {
        for s in skipped {
            writeln!(err, "note: {s}")?;
        }
    } else if !cli.quiet {
        // Oversized files are worth a word even without -v; binary and extension skips are
        // not.
        for s in skipped.iter().filter(|s| s.too_large) {
            writeln!(err, "warning: {s}")?;
        }
    }
    Ok(!errors.is_empty())
}

/// The exit status of a run that reported what it found: 2 when an input failed.
pub(crate) fn done(failed: bool) -> ExitStatus {
    if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    }
}

/// `path` names one file to read or write: a folder there is a usage error, said up front.
pub(crate) fn not_a_folder(path: &Path, what: &str) -> Result<(), Error> {
    if path.is_dir() {
        return Err(Error::Usage {
            message: format!("{}: is a folder; {what}", path.display()),
        });
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
    not_a_folder(&path, "a baseline is a file")?;
    Ok(path)
}

/// The comparison held against the baseline at `path`, when that file exists.
pub(crate) fn diff_if_present(c: &Comparison, path: &Path) -> Result<Option<Diff>, Error> {
    Ok(Baseline::load(path)?.map(|b| accepted::diff(c, &b)))
}
