//! `claims extract`: the claims of each source, in input order, optionally only some kinds.

use super::{Ctx, Failure, done};
use crate::cli::ExtractArgs;
use crate::error::ExitStatus;
use crate::report::{self, Report};

/// Read, extract, keep the asked-for kinds, report.
pub(crate) fn run(ctx: &mut Ctx, args: &ExtractArgs) -> Result<ExitStatus, Failure> {
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
