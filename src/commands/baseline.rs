//! `claims baseline init | accept | prune`: the only commands that write the accepted baseline.
//! Each reads the config's corpus as `check` does ([`Ctx::gate_corpus`]), then takes the
//! baseline's lock, reads the baseline again under it, holds the comparison against it, works
//! out the next baseline and writes it atomically before letting go: two commands at once take
//! turns, and neither loses the other's entries. Never from a corpus that was only partly read.
//! Name variants ("Temur Umarov" / "Timur Umarov") are accepted the same way as conflicts: `init`
//! records every current one, `accept` takes their fingerprints (or `--all`), `prune` drops the
//! ones no longer found, so `check --deny-variants` fails on new variants only.

use super::{Ctx, Failure, baseline_file, removed_leftovers};
use crate::atomic_write::{Lock, Written};
use crate::baseline::{self as accepted, Baseline, Diff, Finding, NameFinding, State};
use crate::cli::BaselineAction;
use crate::compare::Comparison;
use crate::error::{Error, ExitStatus};
use crate::report::escape_human;
use std::io::Write;
use std::path::Path;

/// Check the arguments, compare, work out the next baseline, write it.
pub(crate) fn run(ctx: &mut Ctx, action: &BaselineAction) -> Result<ExitStatus, Failure> {
    let file = match action {
        BaselineAction::Init { file, .. }
        | BaselineAction::Accept { file, .. }
        | BaselineAction::Prune { file } => file,
    };
    let path = baseline_file(file, &ctx.config)?;
    refuse_bad_arguments(action, &path)?;
    if !matches!(action, BaselineAction::Init { .. }) {
        // A corrupt baseline is said before the corpus is read.
        Baseline::load(&path)?;
    }
    let (comparison, failed) = ctx.gate_corpus(file.allow_unread)?;
    if failed {
        // A baseline written from part of the corpus would drop or miss entries.
        writeln!(
            ctx.err,
            "error: {} not written: some sources could not be read",
            escape_human(&path.display().to_string())
        )?;
        return Ok(ExitStatus::Error);
    }
    let lock = Lock::acquire(&path).map_err(|e| Error::Io {
        path: path.clone(),
        source: e,
    })?;
    // Under the lock: what another command wrote while this one compared counts.
    refuse_bad_arguments(action, &path)?;
    let current = match action {
        BaselineAction::Init { .. } => Baseline::default(),
        _ => Baseline::load(&path)?.unwrap_or_default(),
    };
    let diff = accepted::diff(&comparison, &current);
    let next = next_baseline(ctx.out, action, &comparison, &diff, &current)?;
    save(ctx, &lock, &path, &next)?;
    Ok(ExitStatus::Success)
}

/// Usage errors said before any work: `init` over an existing file without `--force`, `accept`
/// with neither fingerprints nor `--all`.
fn refuse_bad_arguments(action: &BaselineAction, path: &Path) -> Result<(), Error> {
    if let BaselineAction::Init { force: false, .. } = action
        && path.exists()
    {
        return Err(Error::Usage {
            message: escape_human(&format!(
                "{} exists; `claims baseline accept` adds to it, `--force` replaces it",
                path.display()
            ))
            .into_owned(),
        });
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
        });
    }
    Ok(())
}

/// The baseline after the action: every conflict and name variant (`init`), the chosen new
/// ones added (`accept`), or the stale entries removed (`prune`, which names each on `out`).
fn next_baseline(
    out: &mut dyn Write,
    action: &BaselineAction,
    comparison: &Comparison,
    diff: &Diff,
    current: &Baseline,
) -> Result<Baseline, Failure> {
    let mut next = current.clone();
    match action {
        BaselineAction::Init { reason, .. } => {
            let reason = reason.as_deref().unwrap_or("");
            for f in &diff.findings {
                let fact = &comparison.facts[f.fact];
                next.put(accepted::entry_for(comparison, fact, reason));
            }
            for n in &diff.names {
                next.put_name(accepted::name_entry_for(&comparison.names[n.name], reason));
            }
        }
        BaselineAction::Accept {
            all,
            fingerprints,
            reason,
            ..
        } => {
            let chosen: Vec<Chosen> = if *all {
                let facts = diff.findings.iter().filter(|f| f.state == State::New);
                let names = diff.names.iter().filter(|n| n.state == State::New);
                facts
                    .map(Chosen::Conflict)
                    .chain(names.map(Chosen::Name))
                    .collect()
            } else {
                let mut chosen = Vec::new();
                for want in fingerprints {
                    chosen.push(find_finding(comparison, diff, want)?);
                }
                chosen
            };
            for c in chosen {
                let f = match c {
                    Chosen::Conflict(f) => f,
                    Chosen::Name(n) => {
                        // The reason given, else the one it was accepted with.
                        let reason = reason.clone().or_else(|| n.reason.clone());
                        let g = &comparison.names[n.name];
                        next.put_name(accepted::name_entry_for(g, reason.as_deref().unwrap_or("")));
                        continue;
                    }
                };
                let fact = &comparison.facts[f.fact];
                // The reason given, else the one kept with the finding, else that of the entry
                // it grew out of.
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
                next.put(accepted::entry_for(comparison, fact, &reason));
            }
        }
        BaselineAction::Prune { .. } => {
            for e in &diff.stale {
                let line = format!("removed {} ({}: {})", e.fingerprint, e.kind, e.subject);
                writeln!(out, "{}", escape_human(&line))?;
            }
            for e in &diff.stale_names {
                let line = format!("removed {} (name: {})", e.fingerprint, e.name);
                writeln!(out, "{}", escape_human(&line))?;
            }
            next.entries
                .retain(|e| !diff.stale.iter().any(|s| s.fingerprint == e.fingerprint));
            next.names.retain(|e| {
                !diff
                    .stale_names
                    .iter()
                    .any(|s| s.fingerprint == e.fingerprint)
            });
        }
    }
    Ok(next)
}

/// What `accept` takes: a current conflict or a current name variant.
#[derive(Debug, Clone, Copy)]
enum Chosen<'a> {
    Conflict(&'a Finding),
    Name(&'a NameFinding),
}

/// The current conflict or name variant whose fingerprint is `want` or starts with it (with or
/// without `v1:`).
fn find_finding<'a>(c: &Comparison, diff: &'a Diff, want: &str) -> Result<Chosen<'a>, Error> {
    let fits = |fp: &str| {
        fp.starts_with(want)
            || fp
                .split_once(':')
                .is_some_and(|(_, hex)| !want.contains(':') && hex.starts_with(want))
    };
    let conflicts = diff
        .findings
        .iter()
        .filter(|f| fits(&c.facts[f.fact].identity.fingerprint))
        .map(Chosen::Conflict);
    let names = diff
        .names
        .iter()
        .filter(|n| fits(&n.fingerprint))
        .map(Chosen::Name);
    let matches: Vec<Chosen> = conflicts.chain(names).collect();
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::Usage {
            message: format!(
                "no current conflict or name variant has the fingerprint `{want}` (`claims check \
                 --deny-variants` lists them)"
            ),
        }),
        _ => Err(Error::Usage {
            message: format!(
                "`{want}` matches {} conflicts or name variants; give more of it",
                matches.len()
            ),
        }),
    }
}

/// Write the baseline and say so.
fn save(ctx: &mut Ctx, lock: &Lock, path: &Path, b: &Baseline) -> Result<(), Failure> {
    let outcome = b.save(lock, path, ctx.hook)?;
    removed_leftovers(ctx.err, &outcome)?;
    let counts = b.counts();
    let shown = escape_human(&path.display().to_string()).into_owned();
    match outcome.written {
        Written::Written => writeln!(ctx.out, "wrote {shown}: {counts}")?,
        Written::Unchanged => writeln!(ctx.out, "{shown} unchanged: {counts}")?,
    }
    Ok(())
}
