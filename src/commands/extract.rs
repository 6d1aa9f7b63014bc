//! `claims extract`: the claims of each source, in input order, optionally only some kinds.
//! JSON lines stream: each source's lines are written as soon as it is extracted, and the
//! source is dropped then, so the first claim comes out at once and memory does not grow with
//! the claims.

use super::{Ctx, Failure, done};
use crate::cli::{ExtractArgs, ExtractFormat};
use crate::error::ExitStatus;
use crate::report::json::{Lines, WRITE_BYTES};
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
    // The lines of several sources, written out in pieces of `WRITE_BYTES` or more (the first
    // source's at once, so the first line comes out as soon as it is made).
    let mut buf = Vec::with_capacity(2 * WRITE_BYTES);
    let mut first = true;
    let problems = ctx.read_each(&args.input, |out, mut a| {
        if !args.kind.is_empty() {
            a.claims.retain(|c| args.kind.contains(&c.kind));
        }
        let mut lines = Lines::with_buffer(out, std::mem::take(&mut buf));
        lines.buffer_extracted(&a, &a.claims)?;
        if first {
            lines.flush_through()?;
            first = false;
        } else {
            lines.flush_over(WRITE_BYTES)?;
        }
        buf = lines.into_buffer();
        Ok(())
    });
    // What was made goes out, whatever stopped the run.
    let mut lines = Lines::with_buffer(ctx.out, buf);
    let flushed = lines.flush_over(0);
    let problems = problems?;
    flushed?;
    let (skipped, errors) = wire::problem_lists(&problems.skipped, &problems.errors);
    lines.problems(&skipped, &errors)?;
    Ok(done(!problems.errors.is_empty()))
}
