//! `claims compare` (the main job: facts across sources with their verdicts) and `claims show`
//! (one fact with each claim's sentence).

use super::{Ctx, Failure, diff_if_present, done};
use crate::cli::{CompareArgs, ShowArgs};
use crate::compare::Filter;
use crate::error::{Error, ExitStatus};
use crate::report::{self, Format, Held, Report};
use crate::verdict::Verdict;

/// Compare, filter, report; exit 1 with `--exit-code` when a conflict is shown.
pub(crate) fn run(ctx: &mut Ctx, args: &CompareArgs) -> Result<ExitStatus, Failure> {
    let (comparison, failed) = ctx.compare_input(Some(&args.input), &args.claims)?;
    let filter = Filter {
        only: args.only.map(Verdict::from),
        kinds: args.kind.clone(),
        min_sources: if args.all { 1 } else { args.min_sources },
    };
    let format = Format::from(args.format);
    // The JSON forms carry each conflict's baseline state; the others never read the baseline.
    let path = ctx.config.baseline_path();
    let diff = match format {
        Format::Json | Format::Jsonl => diff_if_present(&comparison, &path)?,
        _ => None,
    };
    let held = diff.as_ref().map(|diff| Held { diff, path: &path });
    let shown = Report::Compare {
        comparison: &comparison,
        filter: &filter,
        held,
        style: ctx.table_style(),
    };
    report::render(ctx.out, format, shown)?;
    let conflict_shown = comparison
        .facts
        .iter()
        .any(|f| filter.keeps(f) && f.judgement.verdict == Verdict::Conflict);
    Ok(if failed {
        ExitStatus::Error
    } else if args.exit_code && conflict_shown {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}

/// `claims show GROUP`: a group id that does not exist is a usage error.
pub(crate) fn show(ctx: &mut Ctx, args: &ShowArgs) -> Result<ExitStatus, Failure> {
    let (comparison, failed) = ctx.compare_corpus(Some(&args.input))?;
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
    let shown = Report::Show {
        comparison: &comparison,
        fact,
        color: ctx.color(),
    };
    report::render(ctx.out, Format::Text, shown)?;
    Ok(done(failed))
}
