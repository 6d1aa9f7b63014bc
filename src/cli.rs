//! The command line, as clap derive types: global flags, the commands and their options, and
//! the output formats each command accepts (each a subset of [`Format`], which it
//! converts into).

use crate::claim::Kind;
use crate::report::Format;
use crate::verdict::Verdict;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "claims",
    version,
    about = "Extract factual claims from news articles and compare them across sources",
    propagate_version = true,
    after_help = EXAMPLES
)]
pub struct Cli {
    /// claims.toml to use (default: the nearest one in this folder or above).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// When to colour the output (auto: on a terminal, unless NO_COLOR is set or TERM=dumb;
    /// CLICOLOR_FORCE=1 colours a pipe too).
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Also say which files were skipped and why.
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// Threads that extract claims from the sources: 1 extracts on the main thread alone;
    /// 0 or unset, one per available core. The output is the same whatever the number.
    #[arg(short = 'j', long, global = true, value_name = "N")]
    pub threads: Option<usize>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the claims of each source.
    #[command(after_help = EXTRACT_EXAMPLES)]
    Extract(ExtractArgs),
    /// Group claims across sources and say where they agree or conflict (the main job).
    #[command(after_help = COMPARE_EXAMPLES)]
    Compare(CompareArgs),
    /// One fact (by group id or fingerprint) with its verdict and each claim's sentence.
    #[command(after_help = SHOW_EXAMPLES)]
    Show(ShowArgs),
    /// CI gate on the corpus of claims.toml: exit 1 on a conflict the baseline has not
    /// accepted; never writes.
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// Create, extend or prune the accepted baseline (the only commands that write it).
    #[command(after_help = BASELINE_EXAMPLES)]
    Baseline(BaselineArgs),
    /// Write the JSON document of `compare --all --format json` to a file, atomically.
    #[command(after_help = EXPORT_EXAMPLES)]
    Export(ExportArgs),
    /// Print the JSON Schema of the compare/export document.
    Schema,
    /// Write the facts as one self-contained HTML page to open in a browser.
    #[command(after_help = REPORT_EXAMPLES)]
    Report(ReportArgs),
    /// Write a commented claims.toml for the articles in a folder (outlet, date, url from
    /// their text).
    #[command(after_help = INIT_EXAMPLES)]
    Init(InitArgs),
    /// Print a shell completion script.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per command into a folder.
    #[command(after_help = MAN_EXAMPLES)]
    Man(ManArgs),
}

/// Examples under `claims --help`.
const EXAMPLES: &str = "Examples:
  claims compare                      facts across the corpus of claims.toml (or this folder)
  claims compare --only conflict      only the contradictions
  claims report -o report.html        the same as a page for a browser
  claims show g32                     one fact with each source's sentence
  claims check --format github        the CI gate, as GitHub annotations
  claims init                         write claims.toml for the articles here";

const COMPARE_EXAMPLES: &str = "Examples:
  claims compare                            the corpus of claims.toml, else this folder
  claims compare articles/ --only conflict  contradictions among the files under articles/
  claims compare --kind count --kind money  only counts and sums of money
  claims compare --format html -o r.html    the HTML report (as `claims report`)
  claims compare --format json | jq .summary";

const EXTRACT_EXAMPLES: &str = "Examples:
  claims extract article.txt                every claim with its line, value and subject
  claims extract --kind date --format jsonl corpus/
  cat article.txt | claims extract - --stdin-name wire";

const SHOW_EXAMPLES: &str = "Examples:
  claims show g32                 by the group id compare prints
  claims show v1:33a5f865         by the fingerprint check prints, or a unique prefix of it";

const CHECK_EXAMPLES: &str = "Examples:
  claims check                    exit 1 on a conflict the baseline has not accepted
  claims check --deny-stale       also on an entry whose conflict is gone
  claims check --deny-variants    also on a name spelled differently that is not accepted
  claims check --format github    GitHub Actions annotations, one per conflict";

const BASELINE_EXAMPLES: &str = "Examples:
  claims baseline init --reason \"reviewed 2023-10-14\"
  claims baseline accept v1:272be600 --reason \"asked the ICC which count is current\"
  claims baseline prune";

const EXPORT_EXAMPLES: &str = "Examples:
  claims export -o claims.json
  claims export -o claims.jsonl --format jsonl corpus/";

const REPORT_EXAMPLES: &str = "Examples:
  claims report                   write claims-report.html for the corpus (or this folder)
  claims report -o story.html articles/ --all
  xdg-open claims-report.html     (macOS: open claims-report.html)";

const INIT_EXAMPLES: &str = "Examples:
  claims init                     claims.toml for the articles in this folder
  claims init stories/quake       for another folder (claims.toml is written there)
  claims init --force             replace an existing claims.toml";

const COMPLETIONS_EXAMPLES: &str = "Examples:
  claims completions bash > ~/.local/share/bash-completion/completions/claims
  claims completions zsh > ~/.zfunc/_claims
  claims completions fish > ~/.config/fish/completions/claims.fish";

const MAN_EXAMPLES: &str = "Examples:
  claims man | man -l -
  claims man --dir ~/.local/share/man/man1";

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// File to write (atomically).
    #[arg(short, long, value_name = "FILE", default_value = "claims-report.html")]
    pub output: PathBuf,

    /// Only facts of these kinds.
    #[arg(long, value_name = "KIND", value_parser = parse_kind, long_help = KIND_LONG_HELP)]
    pub kind: Vec<Kind>,

    /// Only facts that at least this many sources state.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_sources: usize,

    /// Show single-source facts too (same as --min-sources 1).
    #[arg(long)]
    pub all: bool,
}

const KIND_LONG_HELP: &str = concat!(
    "Only these kinds (repeat for several): count, money, percent, fraction, ",
    "ordinal, rank, date, duration, distance, area, mass, volume, speed, temperature, angle, data, number."
);

#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    /// Folder of the articles; claims.toml is written there.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    /// Replace an existing claims.toml.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

#[derive(Debug, Clone, Args)]
pub struct ManArgs {
    /// Write claims.1 and one claims-COMMAND.1 per command into this folder instead.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct BaselineFile {
    /// Baseline file (default: `[check] baseline` of claims.toml, else claims-baseline.json
    /// beside it).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Go on when an article the corpus expects was not read (binary, over `[input]
    /// max_bytes`, a `[[source]]` the corpus never reaches): each is still named, as a warning.
    /// Without it, `check` exits 2 and the baseline is not written.
    #[arg(long)]
    pub allow_unread: bool,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub file: BaselineFile,

    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,

    /// Fail (exit 1) when a baseline entry is stale, too.
    #[arg(long)]
    pub deny_stale: bool,

    /// Fail (exit 1) when a name is spelled differently across sources (a `variant`: "Temur
    /// Umarov" / "Timur Umarov") and the baseline has not accepted it, too; with
    /// `--deny-stale`, also when an accepted variant is no longer found. Each is named on
    /// stderr with its fingerprint, which `claims baseline accept` takes.
    #[arg(long)]
    pub deny_variants: bool,

    /// Check the claims in these files (the output of `claims extract --format jsonl`, `-` for
    /// standard input) instead of the corpus of claims.toml.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub claims: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Each conflict with its quotes and baseline state, then the summary.
    Text,
    /// GitHub Actions annotations (`::error file=…,line=…,col=…::…`).
    Github,
    /// SARIF 2.1.0 with a `baselineState` on each result.
    Sarif,
    /// The compare document with each group's `baseline_state`.
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct BaselineArgs {
    #[command(subcommand)]
    pub action: BaselineAction,
}

#[derive(Debug, Clone, Subcommand)]
pub enum BaselineAction {
    /// Accept every current conflict into a new baseline.
    Init {
        #[command(flatten)]
        file: BaselineFile,
        /// Overwrite an existing baseline.
        #[arg(long)]
        force: bool,
        /// Why these conflicts are accepted (kept in each entry).
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
    /// Accept new conflicts: all of them, or those with these fingerprints (or unique prefixes).
    Accept {
        #[command(flatten)]
        file: BaselineFile,
        /// Accept every new conflict.
        #[arg(long, conflicts_with = "fingerprints")]
        all: bool,
        /// Fingerprints as `claims check` prints them.
        #[arg(value_name = "FINGERPRINT")]
        fingerprints: Vec<String>,
        /// Why (kept in each entry; default: the reason of the entry it grew out of).
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
    /// Remove the entries whose conflict is no longer found (and only those).
    Prune {
        #[command(flatten)]
        file: BaselineFile,
    },
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// File to write (atomically: a temp file beside it, then a rename).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
    pub format: CompareFormat,

    /// Only facts with this verdict.
    #[arg(long, value_enum)]
    pub only: Option<OnlyVerdict>,

    /// Only facts of these kinds.
    #[arg(long, value_name = "KIND", value_parser = parse_kind, long_help = KIND_LONG_HELP)]
    pub kind: Vec<Kind>,

    /// Only facts that at least this many sources state.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_sources: usize,

    /// Show single-source facts too (same as --min-sources 1).
    #[arg(long)]
    pub all: bool,

    /// Exit 1 when a conflict is shown.
    #[arg(long)]
    pub exit_code: bool,

    /// Compare the claims in these files (the output of `claims extract --format jsonl`, `-`
    /// for standard input) instead of reading articles: shards extracted elsewhere, merged.
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "paths")]
    pub claims: Vec<PathBuf>,

    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Table,
    Markdown,
    Json,
    /// The JSON document as `{"type", "data"}` lines, the summary last.
    Jsonl,
    Csv,
    /// One self-contained HTML page (see `claims report`).
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnlyVerdict {
    Conflict,
    Compatible,
    Agree,
}

#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// Group id as `compare` prints it ("g12"), or a conflict's fingerprint as `check` prints
    /// it ("v1:33a5f865f280f7fc"), or a unique prefix of one.
    pub group: String,

    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Files or folders to read; `-` reads standard input. Default: the corpus of claims.toml.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Source id for standard input.
    #[arg(long, value_name = "ID", default_value = "stdin")]
    pub stdin_name: String,
}

#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
    pub format: ExtractFormat,

    /// Only claims of these kinds.
    #[arg(long, value_name = "KIND", value_parser = parse_kind, long_help = KIND_LONG_HELP)]
    pub kind: Vec<Kind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Table,
    Json,
    Jsonl,
}

pub fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::parse(s).ok_or_else(|| {
        let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind `{s}`; expected one of: {}", all.join(", "))
    })
}

impl From<ExtractFormat> for Format {
    fn from(f: ExtractFormat) -> Format {
        match f {
            ExtractFormat::Table => Format::Table,
            ExtractFormat::Json => Format::Json,
            ExtractFormat::Jsonl => Format::Jsonl,
        }
    }
}

impl From<CompareFormat> for Format {
    fn from(f: CompareFormat) -> Format {
        match f {
            CompareFormat::Table => Format::Table,
            CompareFormat::Markdown => Format::Markdown,
            CompareFormat::Json => Format::Json,
            CompareFormat::Jsonl => Format::Jsonl,
            CompareFormat::Csv => Format::Csv,
            CompareFormat::Html => Format::Html,
        }
    }
}

impl From<CheckFormat> for Format {
    fn from(f: CheckFormat) -> Format {
        match f {
            CheckFormat::Text => Format::Text,
            CheckFormat::Github => Format::Github,
            CheckFormat::Sarif => Format::Sarif,
            CheckFormat::Json => Format::Json,
        }
    }
}

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Format {
        match f {
            ExportFormat::Json => Format::Json,
            ExportFormat::Jsonl => Format::Jsonl,
        }
    }
}

impl From<OnlyVerdict> for Verdict {
    fn from(v: OnlyVerdict) -> Verdict {
        match v {
            OnlyVerdict::Conflict => Verdict::Conflict,
            OnlyVerdict::Compatible => Verdict::Compatible,
            OnlyVerdict::Agree => Verdict::Agree,
        }
    }
}
