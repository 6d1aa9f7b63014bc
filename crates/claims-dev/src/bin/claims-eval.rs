//! `claims-eval`: measure the extractor. `gold` scores it against the hand annotation of the seed
//! corpus (precision and recall per kind); `peer` runs Microsoft Recognizers-Text's English specs
//! and reports the pass rate per spec file. Reads files, runs `claims::extract::extract`, hands
//! the results to `claims::eval` and prints its plain-text report.

use claims::extract::{Context, extract};
use claims_dev::{dev, gold, groups, peer};
use clap::{Parser, Subcommand};
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
        /// claims.toml whose corpus holds the gold sources (read as `claims extract` reads it).
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
        /// claims.toml whose corpus holds the gold sources (read as `claims compare` reads it).
        #[arg(long, default_value = "claims.toml")]
        config: PathBuf,
        /// Also list every reported group of two claims or more with its verdict.
        #[arg(long)]
        list: bool,
        /// Score instead every event folder under DIR (each with its articles and a gold.toml),
        /// e.g. ../shared/eval/dev: per event and pooled conflict precision/recall, pairwise
        /// grouping precision/recall/F1, verdict accuracy and extraction recall, then every
        /// missed and false conflict.
        #[arg(long, value_name = "DIR")]
        events: Option<PathBuf>,
        /// With --events: also list wrong verdicts and every split or merged pair.
        #[arg(long)]
        pairs: bool,
        /// With --events: also list every gold claim not read (no claim, or another value).
        #[arg(long)]
        claims: bool,
        /// With --events: also list every gold group with the measure of each claim.
        #[arg(long)]
        measures: bool,
        /// With --events: compare every pair of articles alone, within events (the gold facts
        /// each pair shares, found or not) and across events (facts that join two events).
        #[arg(long)]
        alone: bool,
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

fn run_gold(
    gold_path: &Path,
    extra_path: &Path,
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
    let (docs, dated) = gold::load_docs(config)?;
    let report = gold::score(&gold_file, &extras, &docs);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(
        out,
        "gold: {} ({} sources read through {}, {dated} with a publication date)",
        gold_path.display(),
        docs.len(),
        config.display()
    )
    .and_then(|()| gold::render(&report, &mut out, misses))
    .map_err(|e| e.to_string())
}

fn run_groups(gold_path: &Path, config: &Path, list: bool) -> Result<(), String> {
    let gold_file =
        gold::parse_gold(&read(gold_path)?).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let cfg = claims::config::Config::load(config).map_err(|e| e.to_string())?;
    let inputs = claims::corpus::inputs(&[], "stdin", &cfg).map_err(|e| e.to_string())?;
    let mut corpus =
        claims::corpus::load(&inputs, &cfg, &mut std::io::empty()).map_err(|e| e.to_string())?;
    // As `compare` does: the claims the stated ones imply are grouped and judged too.
    claims::corpus::derive_all(&mut corpus.articles, &cfg);
    let info: std::collections::BTreeMap<String, claims::verdict::SourceInfo> = corpus
        .articles
        .iter()
        .map(|a| {
            let name = a.outlet.clone().unwrap_or_else(|| a.source.id.clone());
            (
                a.source.id.clone(),
                claims::verdict::SourceInfo {
                    name,
                    published: a.published,
                },
            )
        })
        .collect();
    let docs: Vec<gold::Doc> = corpus
        .articles
        .into_iter()
        .map(|a| gold::Doc {
            id: a.source.id,
            text: a.source.text,
            claims: a.claims,
        })
        .collect();
    let sources = |id: &str| {
        info.get(id)
            .cloned()
            .unwrap_or_else(|| claims::verdict::SourceInfo {
                name: id.to_string(),
                published: None,
            })
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

fn run_events(dir: &Path, pairs: bool, claims: bool, measures: bool) -> Result<(), String> {
    let mut reports = Vec::new();
    for event in dev::event_dirs(dir)? {
        reports.push(dev::evaluate_event(&event)?);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(out, "events: {} ({} events)", dir.display(), reports.len())
        .and_then(|()| {
            dev::render(
                &reports,
                &mut out,
                dev::Detail {
                    conflicts: true,
                    pairs,
                    claims,
                    measures,
                },
            )
        })
        .map_err(|e| e.to_string())
}

fn run_alone(dir: &Path) -> Result<(), String> {
    let report = dev::evaluate_alone(&dev::event_dirs(dir)?)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    dev::render_alone(&report, &mut out).map_err(|e| e.to_string())
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
            config,
            misses,
        } => run_gold(gold, extra, config, *misses),
        Command::Groups {
            events: Some(dir),
            pairs,
            claims,
            measures,
            alone: true,
            ..
        } => {
            let _ = (pairs, claims, measures);
            run_alone(dir)
        }
        Command::Groups {
            events: Some(dir),
            pairs,
            claims,
            measures,
            ..
        } => run_events(dir, *pairs, *claims, *measures),
        Command::Groups {
            gold, config, list, ..
        } => run_groups(gold, config, *list),
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
