//! `claims check`: the CI gate. Holds the conflicts of the config's corpus against the accepted
//! baseline and fails (exit 1) on a new one or, with `--deny-stale`, on a stale entry. With
//! `--deny-variants` it holds the names spelled differently across sources against the
//! baseline's accepted ones the same way: a new variant fails (and, with `--deny-stale`, an
//! accepted one no longer found), an accepted one passes; each is named on stderr with its
//! fingerprint, for `claims baseline accept`. It never writes the baseline; `claims baseline`
//! does.
//!
//! It never passes by mistake: an article the corpus expects and did not read (exit 2, unless
//! `--allow-unread`), a `[corpus]` path or glob that matches nothing (exit 2), and a conflict
//! the default settings find that claims.toml's `[match]`, `[[alias]]` or `[[fact]]` hide (a
//! conflict like any other, unless `[check] compare_with_defaults = false`) all fail it; see
//! [`Ctx::gate_corpus`]. With `--claims FILE...` it holds the claims `extract --format jsonl`
//! wrote (a sharded run, merged) instead of reading the corpus, under the same rules
//! ([`Ctx::gate_input`]).

use super::{Ctx, Failure, baseline_file};
use crate::baseline::{self as accepted, Baseline, State};
use crate::cli::CheckArgs;
use crate::error::ExitStatus;
use crate::report::escape_human;
use crate::report::{self, Format, Held, Report};

/// Load the baseline (none: every conflict is new), compare, report, decide the exit status.
pub(crate) fn run(ctx: &mut Ctx, args: &CheckArgs) -> Result<ExitStatus, Failure> {
    let path = baseline_file(&args.file, &ctx.config)?;
    let accepted = match Baseline::load(&path)? {
        Some(b) => b,
        None => {
            if !ctx.cli.quiet {
                let line = format!(
                    "note: no baseline at {}; every conflict is new (`claims baseline init` creates it)",
                    path.display()
                );
                writeln!(ctx.err, "{}", escape_human(&line))?;
            }
            Baseline::default()
        }
    };
    let (comparison, failed) = ctx.gate_input(&args.claims, args.file.allow_unread)?;
    let diff = accepted::diff(&comparison, &accepted);
    let format = Format::from(args.format);
    let shown = Report::Check {
        comparison: &comparison,
        held: Held {
            diff: &diff,
            path: &path,
        },
        deny_stale: args.deny_stale,
    };
    report::render(ctx.out, format, shown)?;
    // The machine formats carry no summary line of their own: it goes to stderr.
    if matches!(format, Format::Sarif | Format::Json) {
        writeln!(ctx.err, "{}", diff.summary())?;
    }
    let names_fail = args.deny_variants && names(ctx, &comparison, &diff, args.deny_stale)?;
    Ok(if failed {
        ExitStatus::Error
    } else if diff.new_count() > 0 || (args.deny_stale && !diff.stale.is_empty()) || names_fail {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}

/// Name each name variant on stderr, new ones as errors, accepted ones as notes (unless
/// `--quiet`), and the accepted entries no longer found (errors with `--deny-stale`), then the
/// names' summary line. True when they fail the check.
fn names(
    ctx: &mut Ctx,
    comparison: &crate::compare::Comparison,
    diff: &accepted::Diff,
    deny_stale: bool,
) -> Result<bool, Failure> {
    for n in &diff.names {
        let g = &comparison.names[n.name];
        let said = report::names::spellings(comparison, g).join(" / ");
        let (level, state) = match n.state {
            State::New => ("error", "new"),
            State::Unchanged if ctx.cli.quiet => continue,
            State::Unchanged => ("note", "accepted"),
        };
        let line = format!(
            "{level}: {state} name variant {} ({}): {said}",
            n.fingerprint, g.id
        );
        writeln!(ctx.err, "{}", escape_human(&line))?;
    }
    let level = if deny_stale { "error" } else { "note" };
    for e in &diff.stale_names {
        let line = format!(
            "{level}: stale name entry {}: {} (no longer spelled so)",
            e.fingerprint, e.name
        );
        writeln!(ctx.err, "{}", escape_human(&line))?;
    }
    writeln!(ctx.err, "{}", diff.names_summary())?;
    Ok(diff.new_names() > 0 || deny_stale && !diff.stale_names.is_empty())
}
