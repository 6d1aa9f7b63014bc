//! `claims extract`: the claims of each source, in input order, optionally only some kinds.
//! JSON lines stream: each source's lines are written as soon as it is extracted, and the
//! source is dropped then, so the first claim comes out at once and memory does not grow with
//! the claims.

use super::{Ctx, Failure, done};
use crate::cli::{ExtractArgs, ExtractFormat};
use crate::error::ExitStatus;
use crate::report::json::Lines;
use crate::report::{self, Report, wire};

/// Read, extract, keep the asked-for kinds, report.
pub(crate) fn run(ctx: &mut Ctx, args: &ExtractArgs) -> Result<ExitStatus, Failure> {
    if args.format == ExtractFormat::Jsonl {
        return stream(ctx, args);
    }
    let (mut corpus, failed) = ctx.read_corpus(Some(&args.input))?;
    if !args.kind.is_empty() {
        for a in &mut corpus.articles {
            a.claims.retain(|c| args.kind.contains(&c.kind));
        }
    }
    let style = ctx.table_style();
    let shown = Report::Extract {
        corpus: &corpus,
        style,
    };
    report::render(ctx.out, args.format.into(), shown)?;
    Ok(done(failed))
}

/// `--format jsonl`: each source's `source`, `text`, `sentence` and `claim` lines as it comes,
/// then the `skipped` and `error` lines. The years the other articles would give the dates of
/// an article without a date of its own are left to `compare --claims`, which has every
/// article of the event (see [`crate::corpus::load_each`]).
fn stream(ctx: &mut Ctx, args: &ExtractArgs) -> Result<ExitStatus, Failure> {
    let problems = ctx.read_each(&args.input, |out, mut a| {
        if !args.kind.is_empty() {
            a.claims.retain(|c| args.kind.contains(&c.kind));
        }
        // The writer (stdout's buffer) sends lines on as it fills.
        Lines::new(out).extracted(&a, &a.claims)
    })?;
    let (skipped, errors) = wire::problem_lists(&problems.skipped, &problems.errors);
    Lines::new(ctx.out).problems(&skipped, &errors)?;
    Ok(done(!problems.errors.is_empty()))
}
