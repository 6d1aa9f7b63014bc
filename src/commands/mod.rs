//! The commands, one file each: [`extract`], [`compare`] (and `show`, `report`), [`check`],
//! [`baseline`], [`export`], [`schema`], [`init`], and [`completions`] (and `man`). Each takes
//! the run's [`Ctx`] (flags, config, terminal, the three streams, the write hook) and its own
//! arguments, reads what it needs through the helpers here, hands the result to
//! `report::render`, and returns the exit status.
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
pub(crate) mod schema;

use crate::atomic_write::{self, Hook};
use crate::baseline::{self as accepted, Baseline, Diff};
use crate::cli::{BaselineFile, Cli, Color, InputArgs};
use crate::compare::Comparison;
use crate::config::Config;
use crate::corpus::{self, Corpus};
use crate::error::{Error, ExitStatus};
use crate::report::{TableStyle, escape_human};
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

    /// Read the named inputs (none: the corpus of claims.toml) and say on stderr what could not
    /// be read; `true` beside the corpus when something failed (the run exits 2 at the end).
    pub(crate) fn read_corpus(
        &mut self,
        input: Option<&InputArgs>,
    ) -> Result<(Corpus, bool), Failure> {
        self.read_with(input, Unread::Note)
    }

    fn read_with(
        &mut self,
        input: Option<&InputArgs>,
        unread: Unread,
    ) -> Result<(Corpus, bool), Failure> {
        let (paths, stdin_name) = input.map_or((&[][..], "stdin"), |i| {
            (i.paths.as_slice(), i.stdin_name.as_str())
        });
        let inputs = corpus::inputs(paths, stdin_name, &self.config)?;
        let threads = corpus::thread_count(self.cli.threads);
        let corpus = corpus::load_with(&inputs, &self.config, self.stdin, threads)?;
        let failed = self.report_problems(&corpus, unread)?;
        Ok((corpus, failed))
    }

    /// [`Ctx::read_corpus`], then group and judge.
    pub(crate) fn compare_corpus(
        &mut self,
        input: Option<&InputArgs>,
    ) -> Result<(Comparison, bool), Failure> {
        self.compare_with(input, Unread::Note)
    }

    fn compare_with(
        &mut self,
        input: Option<&InputArgs>,
        unread: Unread,
    ) -> Result<(Comparison, bool), Failure> {
        let (mut corpus, failed) = self.read_with(input, unread)?;
        // Sources in id order (unique by now), not in the order the paths were named: the same
        // files give the same report bytes however they were listed. `extract` keeps the order.
        corpus
            .articles
            .sort_by(|a, b| a.source.id.cmp(&b.source.id));
        Ok((crate::compare::compare(corpus, &self.config), failed))
    }

    /// The comparison `check` and the baseline commands hold against the baseline: the config's
    /// corpus, every article it expects read (else `true`, exit 2, unless `allow_unread`), and
    /// when claims.toml tunes matching, the conflicts the default settings find that these
    /// settings hide, each added as a fact of its own (id `d<N>`, its explanation saying so).
    pub(crate) fn gate_corpus(
        &mut self,
        allow_unread: bool,
    ) -> Result<(Comparison, bool), Failure> {
        let unread = if allow_unread {
            Unread::Allow
        } else {
            Unread::Fail
        };
        let (mut comparison, failed) = self.compare_with(None, unread)?;
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
        if defaults.matching.tolerances() != self.config.matching.tolerances() {
            let threads = corpus::thread_count(self.cli.threads);
            corpus::reextract(&mut articles, &defaults, threads);
        }
        let reference = crate::compare::compare(
            Corpus {
                articles,
                ..Corpus::default()
            },
            &defaults,
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
            fact.group.id = format!("d{}", fact.group.id.trim_start_matches('g'));
            fact.judgement.explanation = format!("{HIDDEN}{}", fact.judgement.explanation);
            comparison.facts.push(fact);
        }
        Ok((comparison, failed))
    }

    /// Say what could not be read; `true` when something failed (exit 2 at the end).
    fn report_problems(&mut self, corpus: &Corpus, unread: Unread) -> io::Result<bool> {
        let mut failed = !corpus.errors.is_empty();
        for e in &corpus.errors {
            writeln!(self.err, "error: {}", escape_human(&e.to_string()))?;
        }
        for s in &corpus.skipped {
            let line = escape_human(&s.to_string()).into_owned();
            match (unread, s.kind.unread_article()) {
                (Unread::Fail, true) => {
                    failed = true;
                    writeln!(
                        self.err,
                        "error: {line}; a gate cannot pass a corpus it did not read all of \
                         (`--allow-unread` passes anyway)"
                    )?;
                }
                (Unread::Allow, true) if !self.cli.quiet => {
                    writeln!(self.err, "warning: {line} (--allow-unread)")?;
                }
                // Oversized files are worth a word even without -v; the other skips are not.
                (Unread::Note, true) if s.too_large() && !self.cli.quiet => {
                    writeln!(self.err, "warning: {line}")?;
                }
                _ if self.cli.verbose => writeln!(self.err, "note: {line}")?,
                _ => {}
            }
        }
        if unread != Unread::Note {
            let config = self
                .config
                .path
                .as_deref()
                .map_or_else(|| "claims.toml".into(), |p| p.display().to_string());
            for id in &corpus.unmatched {
                let why = match self.config.source.iter().find(|m| &m.id == id) {
                    Some(m) if m.file.is_some() => "its file is not under the [corpus] paths",
                    _ => "no article read has this id",
                };
                let line = format!("{config}: source `{id}` was not read: {why}");
                let line = escape_human(&line);
                if unread == Unread::Fail {
                    failed = true;
                    writeln!(self.err, "error: {line} (`--allow-unread` passes anyway)")?;
                } else if !self.cli.quiet {
                    writeln!(self.err, "warning: {line} (--allow-unread)")?;
                }
            }
        }
        if self.cli.verbose {
            for a in corpus.articles.iter() {
                if let Some(real) = &a.source.outside {
                    let line = format!(
                        "{}: read from outside the project folder: {}",
                        a.source.path.display(),
                        real.display()
                    );
                    writeln!(self.err, "note: {}", escape_human(&line))?;
                }
            }
        }
        Ok(failed)
    }
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
