//! `claims`: pull atomic factual claims out of news articles, group the claims that speak of the
//! same fact across sources, and say where the sources agree, are only vaguer, or contradict
//! each other.
//!
//! Data flows one way: sources → claims → groups → verdicts → baseline diff → report → exit code.
//! The library never prints (clippy's print lints are denied here); `report/` writes to the
//! writers it is handed, and only `main.rs` maps the outcome to a process exit code.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod claim;
pub mod cli;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod extract;
pub mod matching;
pub mod report;
pub mod source;
pub mod verdict;

use cli::{Cli, Command, CompareArgs, CompareFormat, ExtractArgs, ExtractFormat, ShowArgs};
use config::Config;
use error::{Error, ExitStatus};
use std::io::{self, Read, Write};
use std::path::Path;

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
    match run_inner(cli, term, stdin, out, err) {
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
) -> Result<ExitStatus, RunError> {
    let config = load_config(cli.config.as_deref())?;
    match &cli.command {
        Command::Extract(args) => extract_cmd(cli, args, &config, term, stdin, out, err),
        Command::Compare(args) => compare_cmd(cli, args, &config, term, stdin, out, err),
        Command::Show(args) => show_cmd(cli, args, &config, term, stdin, out, err),
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
    let inputs = corpus::inputs(&args.input.paths, &args.input.stdin_name, config)?;
    let mut corpus = corpus::load(&inputs, config, stdin)?;
    let failed = report_problems(cli, &corpus, err)?;
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
    Ok(if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    })
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
    let inputs = corpus::inputs(&args.input.paths, &args.input.stdin_name, config)?;
    let corpus = corpus::load(&inputs, config, stdin)?;
    let failed = report_problems(cli, &corpus, err)?;
    let comparison = compare::compare(corpus, config);
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
        CompareFormat::Json => report::compare::write_json(out, &comparison, &filter)?,
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
    let inputs = corpus::inputs(&args.input.paths, &args.input.stdin_name, config)?;
    let corpus = corpus::load(&inputs, config, stdin)?;
    let failed = report_problems(cli, &corpus, err)?;
    let comparison = compare::compare(corpus, config);
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
    Ok(if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    })
}
