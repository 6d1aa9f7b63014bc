//! `claims`: pull atomic factual claims out of news articles, group the claims that speak of the
//! same fact across sources, and say where the sources agree, are only vaguer, or contradict
//! each other.
//!
//! Data flows one way: sources → claims → groups → verdicts → baseline diff → report → exit code.
//! The library never prints (clippy's print lints are denied here); `report/` writes to the
//! writers it is handed, and only `main.rs` maps the outcome to a process exit code.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod baseline;
pub mod calendar;
pub mod claim;
pub mod cli;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod lang;
pub mod matching;
pub mod report;
pub mod source;
pub mod text;
pub mod verdict;

use baseline::Baseline;
use cli::{
    BaselineAction, BaselineFile, CheckArgs, CheckFormat, Cli, Command, CompareArgs, CompareFormat,
    ExportArgs, ExportFormat, ExtractArgs, ExtractFormat, ShowArgs,
};
use config::Config;
use error::{Error, ExitStatus};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The JSON Schema of the compare/export document (`claims schema`).
pub const SCHEMA: &str = include_str!("../schemas/claims-compare.schema.json");

/// What the process is connected to, decided by `main`.
pub struct Terminal {
    /// stdout is a terminal (colour and width apply).
    pub stdout_tty: bool,
    /// Terminal width in columns, when known.
    pub width: Option<u16>,
    /// NO_COLOR is set.
    pub no_color: bool,
}

/// Run one command. Reports go to `out`, diagnostics to `err`; the returned status is the
/// process's exit status. An `io::Error` from writing the report (a closed pipe) is returned
/// for `main` to handle.
pub fn run(
    cli: &Cli,
    term: &Terminal,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<ExitStatus> {
    run_with_write_hook(cli, term, stdin, out, err, &baseline::no_fault)
}

/// The hook [`baseline::write_atomic`] calls after each [`baseline::Stage`] of a write.
pub type WriteHook<'a> = &'a dyn Fn(baseline::Stage) -> io::Result<()>;

/// [`run`], with `hook` called at each stage of the files the command writes (the baseline,
/// the export): an error from it interrupts the write there, as a full disk or a crash would.
/// Tests use it to check that no interruption leaves a truncated file or a temp file behind.
pub fn run_with_write_hook(
    cli: &Cli,
    term: &Terminal,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
    hook: WriteHook,
) -> io::Result<ExitStatus> {
    match run_inner(cli, term, stdin, out, err, hook) {
        Ok(status) => Ok(status),
        Err(RunError::Io(e)) => Err(e),
        Err(RunError::Claims(e)) => {
            writeln!(err, "error: {e}")?;
            Ok(e.exit_status())
        }
    }
}

enum RunError {
    Claims(Error),
    Io(io::Error),
}

impl From<Error> for RunError {
    fn from(e: Error) -> Self {
        RunError::Claims(e)
    }
}

impl From<io::Error> for RunError {
    fn from(e: io::Error) -> Self {
        RunError::Io(e)
    }
}

/// The config named by `--config`, else the nearest claims.toml, else defaults rooted at the
/// current folder.
pub fn load_config(explicit: Option<&Path>) -> Result<Config, Error> {
    if let Some(p) = explicit {
        if p.is_dir() {
            return Err(Error::Config {
                path: p.to_path_buf(),
                line: None,
                column: None,
                message: format!("is a folder; `--config` names a {} file", config::FILE_NAME),
            });
        }
        return Config::load(p);
    }
    let cwd = std::env::current_dir().map_err(|e| Error::Io {
        path: ".".into(),
        source: e,
    })?;
    match Config::discover(&cwd) {
        Some(p) => {
            // Show paths relative to the current folder when the config is here.
            let rel = p
                .strip_prefix(&cwd)
                .map(Path::to_path_buf)
                .unwrap_or(p.clone());
            Config::load(&rel)
        }
        None => Ok(Config {
            root: ".".into(),
            ..Config::default()
        }),
    }
}

fn run_inner(
    cli: &Cli,
    term: &Terminal,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
    hook: WriteHook,
) -> Result<ExitStatus, RunError> {
    let config = load_config(cli.config.as_deref())?;
    match &cli.command {
        Command::Extract(args) => extract_cmd(cli, args, &config, term, stdin, out, err),
        Command::Compare(args) => compare_cmd(cli, args, &config, term, stdin, out, err),
        Command::Show(args) => show_cmd(cli, args, &config, term, stdin, out, err),
        Command::Check(args) => check_cmd(cli, args, &config, stdin, out, err),
        Command::Baseline(args) => baseline_cmd(cli, &args.action, &config, stdin, out, err, hook),
        Command::Export(args) => export_cmd(cli, args, &config, stdin, out, err, hook),
        Command::Schema => {
            out.write_all(SCHEMA.as_bytes())?;
            Ok(ExitStatus::Success)
        }
    }
}

/// Say what could not be read; `true` when something failed (exit 2 at the end).
fn report_problems(cli: &Cli, corpus: &corpus::Corpus, err: &mut dyn Write) -> io::Result<bool> {
    for e in &corpus.errors {
        writeln!(err, "error: {e}")?;
    }
    if cli.verbose {
        for s in &corpus.skipped {
            writeln!(err, "note: {s}")?;
        }
    } else if !cli.quiet {
        // Oversized files are worth a word even without -v; binary and extension skips are not.
        for s in corpus
            .skipped
            .iter()
            .filter(|s| s.reason.contains("too large"))
        {
            writeln!(err, "warning: {s}")?;
        }
    }
    Ok(!corpus.errors.is_empty())
}

fn use_color(cli: &Cli, term: &Terminal) -> bool {
    match cli.color {
        cli::Color::Always => true,
        cli::Color::Never => false,
        cli::Color::Auto => term.stdout_tty && !term.no_color,
    }
}

fn extract_cmd(
    cli: &Cli,
    args: &ExtractArgs,
    config: &Config,
    term: &Terminal,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus, RunError> {
    let (mut corpus, failed) = read_corpus(cli, Some(&args.input), config, stdin, err)?;
    if !args.kind.is_empty() {
        for a in &mut corpus.articles {
            a.claims.retain(|c| args.kind.contains(&c.kind));
        }
    }
    match args.format {
        ExtractFormat::Table => {
            let style = report::table::TableStyle {
                color: use_color(cli, term),
                width: if term.stdout_tty { term.width } else { None },
            };
            report::table::extract(out, &corpus.articles, style)?;
        }
        ExtractFormat::Json => {
            let doc = report::json::extract_doc(&corpus, &|_| true);
            report::json::write_extract(out, &doc)?;
        }
        ExtractFormat::Jsonl => {
            let doc = report::json::extract_doc(&corpus, &|_| true);
            report::json::write_extract_lines(out, &doc)?;
        }
    }
    Ok(done(failed))
}

fn table_style(cli: &Cli, term: &Terminal) -> report::table::TableStyle {
    report::table::TableStyle {
        color: use_color(cli, term),
        width: if term.stdout_tty { term.width } else { None },
    }
}

fn compare_cmd(
    cli: &Cli,
    args: &CompareArgs,
    config: &Config,
    term: &Terminal,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus, RunError> {
    let (comparison, failed) = compare_corpus(cli, Some(&args.input), config, stdin, err)?;
    let filter = compare::Filter {
        only: args.only.map(|o| match o {
            cli::OnlyVerdict::Conflict => verdict::Verdict::Conflict,
            cli::OnlyVerdict::Compatible => verdict::Verdict::Compatible,
            cli::OnlyVerdict::Agree => verdict::Verdict::Agree,
        }),
        kinds: args.kind.clone(),
        min_sources: if args.all { 1 } else { args.min_sources },
    };
    match args.format {
        CompareFormat::Table => {
            report::compare::table(out, &comparison, &filter, table_style(cli, term))?
        }
        CompareFormat::Markdown => report::compare::markdown(out, &comparison, &filter)?,
        CompareFormat::Json | CompareFormat::Jsonl => {
            let path = config.baseline_path();
            let held = Baseline::load(&path)?.map(|b| baseline::diff(&comparison, &b));
            let held = held
                .as_ref()
                .map(|diff| report::compare::Held { diff, path: &path });
            let doc = report::compare::doc(&comparison, &filter, held);
            if args.format == CompareFormat::Json {
                report::compare::write_json(out, &doc)?
            } else {
                report::compare::write_jsonl(out, &doc)?
            }
        }
        CompareFormat::Csv => report::compare::csv(out, &comparison, &filter)?,
    }
    let conflict_shown = comparison
        .facts
        .iter()
        .any(|f| filter.keeps(f) && f.judgement.verdict == verdict::Verdict::Conflict);
    Ok(if failed {
        ExitStatus::Error
    } else if args.exit_code && conflict_shown {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}

fn show_cmd(
    cli: &Cli,
    args: &ShowArgs,
    config: &Config,
    term: &Terminal,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus, RunError> {
    let (comparison, failed) = compare_corpus(cli, Some(&args.input), config, stdin, err)?;
    let Some(fact) = comparison.facts.iter().find(|f| f.group.id == args.group) else {
        return Err(Error::Usage {
            message: format!(
                "no group `{}` (claims compare --all lists them: g1 … g{})",
                args.group,
                comparison.facts.len()
            ),
        }
        .into());
    };
    report::compare::show(out, &comparison, fact, use_color(cli, term))?;
    Ok(done(failed))
}

/// The baseline file the command works on: `--baseline`, else the config's. A folder there is
/// an error before any work (else `init` would call it an existing baseline and the others
/// would read the whole corpus before failing on it).
fn baseline_file(file: &BaselineFile, config: &Config) -> Result<PathBuf, Error> {
    let path = file
        .baseline
        .clone()
        .unwrap_or_else(|| config.baseline_path());
    not_a_folder(&path, "a baseline is a file")?;
    Ok(path)
}

/// `path` names one file to read or write: a folder there is a usage error, said up front.
fn not_a_folder(path: &Path, what: &str) -> Result<(), Error> {
    if path.is_dir() {
        return Err(Error::Usage {
            message: format!("{}: is a folder; {what}", path.display()),
        });
    }
    Ok(())
}

/// Read the named inputs (none: the corpus of claims.toml) and say on `err` what could not be
/// read; `true` beside the corpus when something failed (the run exits 2 at the end).
fn read_corpus(
    cli: &Cli,
    input: Option<&cli::InputArgs>,
    config: &Config,
    stdin: &mut dyn Read,
    err: &mut dyn Write,
) -> Result<(corpus::Corpus, bool), RunError> {
    let (paths, stdin_name) = input.map_or((&[][..], "stdin"), |i| {
        (i.paths.as_slice(), i.stdin_name.as_str())
    });
    let inputs = corpus::inputs(paths, stdin_name, config)?;
    let threads = corpus::thread_count(cli.threads);
    let corpus = corpus::load_with(&inputs, config, stdin, threads)?;
    let failed = report_problems(cli, &corpus, err)?;
    Ok((corpus, failed))
}

/// [`read_corpus`], then group and judge.
fn compare_corpus(
    cli: &Cli,
    input: Option<&cli::InputArgs>,
    config: &Config,
    stdin: &mut dyn Read,
    err: &mut dyn Write,
) -> Result<(compare::Comparison, bool), RunError> {
    let (mut corpus, failed) = read_corpus(cli, input, config, stdin, err)?;
    // Sources in id order (unique by now), not in the order the paths were named: the same
    // files give the same report bytes however they were listed. `extract` keeps the order.
    corpus
        .articles
        .sort_by(|a, b| a.source.id.cmp(&b.source.id));
    Ok((compare::compare(corpus, config), failed))
}

/// The exit status of a run that reported what it found: 2 when an input failed.
fn done(failed: bool) -> ExitStatus {
    if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    }
}

fn check_cmd(
    cli: &Cli,
    args: &CheckArgs,
    config: &Config,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus, RunError> {
    let path = baseline_file(&args.file, config)?;
    let accepted = match Baseline::load(&path)? {
        Some(b) => b,
        None => {
            if !cli.quiet {
                writeln!(
                    err,
                    "note: no baseline at {}; every conflict is new (`claims baseline init` creates it)",
                    path.display()
                )?;
            }
            Baseline::default()
        }
    };
    let (comparison, failed) = compare_corpus(cli, None, config, stdin, err)?;
    let diff = baseline::diff(&comparison, &accepted);
    let held = report::compare::Held {
        diff: &diff,
        path: &path,
    };
    match args.format {
        CheckFormat::Text => report::compare::check_text(out, &comparison, held)?,
        CheckFormat::Github => report::github::check(out, &comparison, held, args.deny_stale)?,
        CheckFormat::Sarif => {
            report::sarif::check(out, &comparison, held, args.deny_stale)?;
            writeln!(err, "{}", diff.summary())?;
        }
        CheckFormat::Json => {
            let doc = report::compare::doc(&comparison, &compare::Filter::default(), Some(held));
            report::compare::write_json(out, &doc)?;
            writeln!(err, "{}", diff.summary())?;
        }
    }
    Ok(if failed {
        ExitStatus::Error
    } else if diff.new_count() > 0 || (args.deny_stale && !diff.stale.is_empty()) {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}

/// Write the baseline and say so.
fn save_baseline(
    path: &Path,
    b: &Baseline,
    out: &mut dyn Write,
    hook: WriteHook,
) -> Result<(), RunError> {
    let written = baseline::write_atomic(path, &b.to_bytes(), hook).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    let n = b.entries.len();
    let entries = if n == 1 { "entry" } else { "entries" };
    match written {
        baseline::Written::Written => writeln!(out, "wrote {}: {n} {entries}", path.display())?,
        baseline::Written::Unchanged => {
            writeln!(out, "{} unchanged: {n} {entries}", path.display())?
        }
    }
    Ok(())
}

fn baseline_cmd(
    cli: &Cli,
    action: &BaselineAction,
    config: &Config,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
    hook: WriteHook,
) -> Result<ExitStatus, RunError> {
    let file = match action {
        BaselineAction::Init { file, .. }
        | BaselineAction::Accept { file, .. }
        | BaselineAction::Prune { file } => file,
    };
    let path = baseline_file(file, config)?;
    if let BaselineAction::Init { force: false, .. } = action
        && path.exists()
    {
        return Err(Error::Usage {
            message: format!(
                "{} exists; `claims baseline accept` adds to it, `--force` replaces it",
                path.display()
            ),
        }
        .into());
    }
    if let BaselineAction::Accept {
        all: false,
        fingerprints,
        ..
    } = action
        && fingerprints.is_empty()
    {
        return Err(Error::Usage {
            message: "name the fingerprints to accept (as `claims check` prints them), or --all"
                .into(),
        }
        .into());
    }
    let current = match action {
        BaselineAction::Init { .. } => Baseline::default(),
        _ => Baseline::load(&path)?.unwrap_or_default(),
    };
    let (comparison, failed) = compare_corpus(cli, None, config, stdin, err)?;
    if failed {
        // A baseline written from part of the corpus would drop or miss entries.
        writeln!(
            err,
            "error: {} not written: some sources could not be read",
            path.display()
        )?;
        return Ok(ExitStatus::Error);
    }
    let diff = baseline::diff(&comparison, &current);
    let mut next = current.clone();
    match action {
        BaselineAction::Init { reason, .. } => {
            for f in &diff.findings {
                let fact = &comparison.facts[f.fact];
                let reason = reason.as_deref().unwrap_or("");
                next.put(baseline::entry_for(&comparison, fact, reason));
            }
        }
        BaselineAction::Accept {
            all,
            fingerprints,
            reason,
            ..
        } => {
            let chosen: Vec<&baseline::Finding> = if *all {
                diff.findings
                    .iter()
                    .filter(|f| f.state == baseline::State::New)
                    .collect()
            } else {
                let mut chosen = Vec::new();
                for want in fingerprints {
                    chosen.push(find_finding(&comparison, &diff, want)?);
                }
                chosen
            };
            for f in chosen {
                let fact = &comparison.facts[f.fact];
                let reason = reason
                    .clone()
                    .or_else(|| f.reason.clone())
                    .or_else(|| {
                        f.was
                            .as_ref()
                            .and_then(|w| current.get(w))
                            .map(|e| e.reason.clone())
                    })
                    .unwrap_or_default();
                next.put(baseline::entry_for(&comparison, fact, &reason));
            }
        }
        BaselineAction::Prune { .. } => {
            for e in &diff.stale {
                writeln!(out, "removed {} ({}: {})", e.fingerprint, e.kind, e.subject)?;
            }
            next.entries
                .retain(|e| !diff.stale.iter().any(|s| s.fingerprint == e.fingerprint));
        }
    }
    save_baseline(&path, &next, out, hook)?;
    Ok(ExitStatus::Success)
}

/// The current conflict whose fingerprint is `want` or starts with it (with or without `v1:`).
fn find_finding<'a>(
    c: &compare::Comparison,
    diff: &'a baseline::Diff,
    want: &str,
) -> Result<&'a baseline::Finding, Error> {
    let matches: Vec<&baseline::Finding> = diff
        .findings
        .iter()
        .filter(|f| {
            let fp = &c.facts[f.fact].identity.fingerprint;
            fp.starts_with(want)
                || fp
                    .split_once(':')
                    .is_some_and(|(_, hex)| !want.contains(':') && hex.starts_with(want))
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(Error::Usage {
            message: format!(
                "no current conflict has the fingerprint `{want}` (`claims check` lists them)"
            ),
        }),
        _ => Err(Error::Usage {
            message: format!(
                "`{want}` matches {} conflicts; give more of it",
                matches.len()
            ),
        }),
    }
}

fn export_cmd(
    cli: &Cli,
    args: &ExportArgs,
    config: &Config,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
    hook: WriteHook,
) -> Result<ExitStatus, RunError> {
    not_a_folder(&args.output, "`-o` names the file to write")?;
    let (comparison, failed) = compare_corpus(cli, Some(&args.input), config, stdin, err)?;
    let path = config.baseline_path();
    let held = Baseline::load(&path)?.map(|b| baseline::diff(&comparison, &b));
    let held = held
        .as_ref()
        .map(|diff| report::compare::Held { diff, path: &path });
    let filter = compare::Filter {
        min_sources: 1,
        ..compare::Filter::default()
    };
    let doc = report::compare::doc(&comparison, &filter, held);
    let mut bytes = Vec::new();
    match args.format {
        ExportFormat::Json => report::compare::write_json(&mut bytes, &doc)?,
        ExportFormat::Jsonl => report::compare::write_jsonl(&mut bytes, &doc)?,
    }
    baseline::write_atomic(&args.output, &bytes, hook).map_err(|e| Error::Io {
        path: args.output.clone(),
        source: e,
    })?;
    if !cli.quiet {
        writeln!(
            out,
            "wrote {}: {} sources, {} claims, {} groups",
            args.output.display(),
            doc.sources.len(),
            doc.claims.len(),
            doc.groups.len()
        )?;
    }
    Ok(done(failed))
}
