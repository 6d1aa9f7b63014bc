//! `claims check`: the CI gate. Holds the conflicts of the config's corpus against the accepted
//! baseline and fails (exit 1) on a new one, or on a stale entry with `--deny-stale`. It never
//! writes the baseline; `claims baseline` does.

use super::{Ctx, Failure, baseline_file};
use crate::baseline::{self as accepted, Baseline};
use crate::cli::CheckArgs;
use crate::error::ExitStatus;
use crate::report::{self, Format, Held, Report};

/// Load the baseline (none: every conflict is new), compare, report, decide the exit status.
pub(crate) fn run(ctx: &mut Ctx, args: &CheckArgs) -> Result<ExitStatus, Failure> {
    let path = baseline_file(&args.file, &ctx.config)?;
    let accepted = match Baseline::load(&path)? {
        Some(b) => b,
        None => {
            if !ctx.cli.quiet {
                writeln!(
                    ctx.err,
                    "note: no baseline at {}; every conflict is new (`claims baseline init` creates it)",
                    path.display()
                )?;
            }
            Baseline::default()
        }
    };
    let (comparison, failed) = ctx.compare_input(None, &args.claims)?;
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
    Ok(if failed {
        ExitStatus::Error
    } else if diff.new_count() > 0 || (args.deny_stale && !diff.stale.is_empty()) {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}
