//! `claims`: pull atomic factual claims out of news articles, group the claims that speak of the
//! same fact across sources, and say where the sources agree, are only vaguer, or contradict
//! each other.
//!
//! Data flows one way: sources → claims → groups → verdicts → baseline diff → report → exit code.
//! The modules in that order; each uses only modules above it in this list (rustfmt sorts the
//! declarations below alphabetically):
//!
//! | module | job |
//! |---|---|
//! | [`error`] | one error enum, its messages and exit statuses |
//! | [`source`] | reading articles: files, folders, decoding, byte offset → line:col |
//! | [`calendar`] | dates as values (`Ymd`) and date arithmetic |
//! | [`claim`] | the model: `Claim`, `Kind`, `Interval`, `Qualifier`, `Subject`, `Span` |
//! | [`sym`] | shared strings for the words many claims hold alike (terms, names) |
//! | [`text`], [`lang`] | the language-free table engine; language data (English) |
//! | [`extract`] | text → claims |
//! | [`derive`](mod@derive) | claims → the claims they imply (start dates, sums of parts, deadlines) |
//! | [`matching`] (events, then claims) | claims → groups |
//! | [`verdict`] | group → verdict and explanation |
//! | [`copies`] | which sources copy another or carry an agency: copies are not confirmation |
//! | [`fingerprint`] | fact identity: fingerprint and fact key |
//! | [`config`] | claims.toml: discovery, strict parsing, defaults |
//! | [`corpus`] | what the user named → articles with their metadata and claims |
//! | [`claims_input`] | claims read back from `extract --format jsonl` (`--claims`) |
//! | [`compare`] | a whole corpus → facts with verdicts |
//! | [`atomic_write`] | the one way files are written |
//! | [`parallel`] | independent work on threads, results in a fixed order |
//! | [`baseline`] | the accepted baseline: its file, and the diff of a comparison against it |
//! | [`report`] | the only place that writes output: one `Format`, one renderer each |
//! | [`cli`] | the command line (clap derive types) |
//! | `commands` | one handler per command over a shared context; [`run`] dispatches to them |
//!
//! The library never prints (clippy's print lints are denied here): `report/` writes to the
//! writers it is handed, and only `main.rs` maps the outcome to a process exit code.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod atomic_write;
pub mod baseline;
pub mod calendar;
pub mod claim;
pub mod claims_input;
pub mod cli;
mod commands;
pub mod compare;
pub mod config;
pub mod copies;
pub mod corpus;
pub mod derive;
pub mod error;
pub mod extract;
pub mod fingerprint;
pub mod lang;
pub mod matching;
pub mod names;
pub mod parallel;
pub mod report;
pub mod source;
pub mod sym;
pub mod text;
pub mod verdict;

pub use atomic_write::Hook as WriteHook;
pub use commands::Terminal;

use cli::{Cli, Command};
use commands::{Ctx, Failure};
use config::Config;
use error::ExitStatus;
use std::io::{self, Read, Write};

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
    run_with_write_hook(cli, term, stdin, out, err, &atomic_write::no_fault)
}

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
    let outcome = match Config::resolve(cli.config.as_deref()) {
        Ok(config) => dispatch(&mut Ctx {
            cli,
            config,
            term,
            stdin,
            out,
            err: &mut *err,
            hook,
            keep: compare::Keep::ALL,
        }),
        Err(e) => Err(Failure::Claims(e)),
    };
    match outcome {
        Ok(status) => Ok(status),
        Err(Failure::Io(e)) => Err(e),
        Err(Failure::Claims(e)) => {
            writeln!(err, "error: {}", report::escape_human(&e.to_string()))?;
            Ok(e.exit_status())
        }
    }
}

/// The command's handler in `commands/`.
fn dispatch(ctx: &mut Ctx) -> Result<ExitStatus, Failure> {
    let cli = ctx.cli;
    match &cli.command {
        Command::Extract(args) => commands::extract::run(ctx, args),
        Command::Compare(args) => commands::compare::run(ctx, args),
        Command::Show(args) => commands::compare::show(ctx, args),
        Command::Check(args) => commands::check::run(ctx, args),
        Command::Baseline(args) => commands::baseline::run(ctx, &args.action),
        Command::Export(args) => commands::export::run(ctx, args),
        Command::Schema => commands::schema::run(ctx),
        Command::Report(args) => commands::compare::report(ctx, args),
        Command::Init(args) => commands::init::run(ctx, args),
        Command::Completions(args) => commands::completions::completions(ctx, args),
        Command::Man(args) => commands::completions::man(ctx, args),
    }
}
