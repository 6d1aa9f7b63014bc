//! `claims check`: the CI gate. Holds the conflicts of the config's corpus against the accepted
//! baseline and fails (exit 1) on a new one, on a stale entry with `--deny-stale`, or on a name
//! spelled differently across sources with `--deny-variants` (each named on stderr). It never
//! writes the baseline; `claims baseline` does.
//!
//! It never passes by mistake: an article the corpus expects and did not read (exit 2, unless
//! `--allow-unread`), a `[corpus]` path or glob that matches nothing (exit 2), and a conflict
//! the default settings find that claims.toml's `[match]`, `[[alias]]` or `[[fact]]` hide (a
//! conflict like any other, unless `[check] compare_with_defaults = false`) all fail it; see
//! [`Ctx::gate_corpus`]. With `--claims FILE...` it holds the claims `extract --format jsonl`
//! wrote (a sharded run, merged) instead of reading the corpus, under the same rules
//! ([`Ctx::gate_input`]).

use super::{Ctx, Failure, baseline_file};
use crate::baseline::{self as accepted, Baseline};
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
    let variants = if args.deny_variants {
        report::names::variant_lines(&comparison, &crate::compare::Filter::default())
    } else {
        Vec::new()
    };
    for line in &variants {
        writeln!(ctx.err, "error: name {}", escape_human(line))?;
    }
    Ok(if failed {
        ExitStatus::Error
    } else if diff.new_count() > 0
        || (args.deny_stale && !diff.stale.is_empty())
        || !variants.is_empty()
    {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}
