//! `claims-eval`: measure the extractor. `gold` scores it against the hand annotation of the seed
//! corpus (precision and recall per kind); `peer` runs Microsoft Recognizers-Text's English specs
//! and reports the pass rate per spec file. Reads files, runs `claims::extract::extract`, hands
//! the results to `claims::eval` and prints its plain-text report.

use claims::eval::{gold, groups, peer};
use claims::extract::date::Ymd;
use claims::extract::{Context, extract};
use clap::{Parser, Subcommand};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "claims-eval", about = "Measure the claim extractor")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Precision and recall against the gold annotation of the seed corpus.
    Gold {
        #[arg(long, default_value = "tests/eval/seeds-gold.toml")]
        gold: PathBuf,
        #[arg(long, default_value = "tests/eval/seeds-extra.toml")]
        extra: PathBuf,
        /// Folder holding `<source id>.txt` for every gold source.
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// claims.toml with `[[source]]` publication dates (optional).
        #[arg(long, default_value = "claims.toml")]
        config: PathBuf,
        /// List every miss and every unmatched reported claim.
        #[arg(long)]
        misses: bool,
    },
    /// Pairwise precision and recall of grouping and verdict accuracy against the gold groups.
    Groups {
        #[arg(long, default_value = "tests/eval/seeds-gold.toml")]
        gold: PathBuf,
        /// Folder holding `<source id>.txt` for every gold source.
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// claims.toml with `[[source]]` outlets and publication dates (optional).
        #[arg(long, default_value = "claims.toml")]
        config: PathBuf,
        /// Also list every reported group of two claims or more with its verdict.
        #[arg(long)]
        list: bool,
    },
    /// Pass rate on the Recognizers-Text English specs.
    Peer {
        #[arg(long, default_value = "tests/eval/recognizers-text")]
        dir: PathBuf,
        /// Print every failing case with its input, the expected results and our claims.
        #[arg(long)]
        failures: bool,
    },
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Publication dates by source id from claims.toml's `[[source]]` tables, read loosely.
fn published_dates(config: &Path) -> BTreeMap<String, Ymd> {
    let mut out = BTreeMap::new();
    let Ok(text) = std::fs::read_to_string(config) else {
        return out;
    };
    let value: toml::Table = match toml::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            eprintln!(
                "warning: {}: {e}; ignoring publication dates",
                config.display()
            );
            return out;
        }
    };
    let sources = value.get("source").and_then(|s| s.as_array());
    for s in sources.into_iter().flatten() {
        let Some(id) = s.get("id").and_then(|v| v.as_str()) else {
            continue;
        };
        let date = match s.get("published") {
            Some(toml::Value::Datetime(dt)) => dt
                .date
                .and_then(|d| Ymd::new(i32::from(d.year), u32::from(d.month), u32::from(d.day))),
            Some(toml::Value::String(s)) => Ymd::parse_iso(s.trim()),
            _ => None,
        };
        if let Some(d) = date {
            out.insert(id.to_string(), d);
        }
    }
    out
}

fn run_gold(
    gold_path: &Path,
    extra_path: &Path,
    corpus: &Path,
    config: &Path,
    misses: bool,
) -> Result<(), String> {
    let gold_file =
        gold::parse_gold(&read(gold_path)?).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let extras = if extra_path.exists() {
        gold::parse_extras(&read(extra_path)?)
            .map_err(|e| format!("{}: {e}", extra_path.display()))?
    } else {
        Vec::new()
    };
    let published = published_dates(config);
    let ids: std::collections::BTreeSet<&str> =
        gold_file.claims.iter().map(|c| c.source.as_str()).collect();
    let mut docs = Vec::new();
    for id in ids {
        let path = corpus.join(format!("{id}.txt"));
        let text = match read(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("warning: {e}; its gold claims count as misses");
                continue;
            }
        };
        let ctx = Context {
            source: id,
            published: published.get(id).copied(),
            ..Context::default()
        };
        let claims = extract(&text, &ctx);
        docs.push(gold::Doc {
            id: id.to_string(),
            text,
            claims,
        });
    }
    let report = gold::score(&gold_file, &extras, &docs);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(
        out,
        "gold: {} ({} sources, {} publication dates from {})",
        gold_path.display(),
        docs.len(),
        published.len(),
        config.display()
    )
    .and_then(|()| gold::render(&report, &mut out, misses))
    .map_err(|e| e.to_string())
}

/// Outlets by source id from claims.toml's `[[source]]` tables, read loosely.
fn outlets(config: &Path) -> BTreeMap<String, String> {
    let Ok(text) = std::fs::read_to_string(config) else {
        return BTreeMap::new();
    };
    let Ok(value) = toml::from_str::<toml::Table>(&text) else {
        return BTreeMap::new();
    };
    let sources = value.get("source").and_then(|s| s.as_array());
    sources
        .into_iter()
        .flatten()
        .filter_map(|s| {
            Some((
                s.get("id")?.as_str()?.to_string(),
                s.get("outlet")?.as_str()?.to_string(),
            ))
        })
        .collect()
}

fn run_groups(gold_path: &Path, corpus: &Path, config: &Path, list: bool) -> Result<(), String> {
    let gold_file =
        gold::parse_gold(&read(gold_path)?).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let published = published_dates(config);
    let outlets = outlets(config);
    let ids: std::collections::BTreeSet<&str> =
        gold_file.claims.iter().map(|c| c.source.as_str()).collect();
    let mut docs = Vec::new();
    for id in ids {
        let path = corpus.join(format!("{id}.txt"));
        let text = match read(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("warning: {e}; its gold claims count as unextracted");
                continue;
            }
        };
        let ctx = Context {
            source: id,
            published: published.get(id).copied(),
            ..Context::default()
        };
        let claims = extract(&text, &ctx);
        docs.push(gold::Doc {
            id: id.to_string(),
            text,
            claims,
        });
    }
    let sources = |id: &str| claims::verdict::SourceInfo {
        name: outlets.get(id).cloned().unwrap_or_else(|| id.to_string()),
        published: published.get(id).copied(),
    };
    let report = groups::evaluate(
        &gold_file,
        &docs,
        &claims::matching::Settings::default(),
        &[],
        &[],
        &sources,
    );
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(
        out,
        "groups: {} ({} sources)",
        gold_path.display(),
        docs.len()
    )
    .and_then(|()| groups::render(&report, &mut out, list))
    .map_err(|e| e.to_string())
}

fn run_peer(dir: &Path, failures: bool) -> Result<(), String> {
    let mut reports = Vec::new();
    let run = |text: &str| extract(text, &Context::default());
    for model in peer::Model::ALL {
        let path = dir.join(model.file_name());
        let cases =
            peer::parse_cases(&read(&path)?).map_err(|e| format!("{}: {e}", path.display()))?;
        reports.push(peer::run_file(model, &cases, &run));
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    peer::render(&reports, &mut out, failures).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Gold {
            gold,
            extra,
            corpus,
            config,
            misses,
        } => run_gold(gold, extra, corpus, config, *misses),
        Command::Groups {
            gold,
            corpus,
            config,
            list,
        } => run_groups(gold, corpus, config, *list),
        Command::Peer { dir, failures } => run_peer(dir, *failures),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claims-eval: {e}");
            ExitCode::from(2)
        }
    }
}
