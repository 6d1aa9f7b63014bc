//! `claims export -o FILE`: the compare document of every fact (`compare --all --format json`,
//! or its JSON lines), written atomically through [`crate::atomic_write`] (a symbolic link is
//! written through, anything but a regular file refused), or to standard output with `-o -`.

use super::{Ctx, Failure, diff_if_present, done, removed_leftovers, writable_file};
use crate::atomic_write::write_atomic;
use crate::cli::ExportArgs;
use crate::compare::Filter;
use crate::error::{Error, ExitStatus};
use crate::report::{self, Held, Report, escape_human};

/// Compare, render into memory, write the file in one step, say what it holds.
pub(crate) fn run(ctx: &mut Ctx, args: &ExportArgs) -> Result<ExitStatus, Failure> {
    let stdout = args.output.as_os_str() == "-";
    if !stdout {
        writable_file(
            &args.output,
            "`-o` names the file to write (`-o -` writes to standard output)",
        )?;
    }
    let (comparison, failed) = ctx.compare_corpus(Some(&args.input))?;
    let path = ctx.config.baseline_path();
    let diff = diff_if_present(&comparison, &path)?;
    let held = diff.as_ref().map(|diff| Held { diff, path: &path });
    let filter = Filter {
        min_sources: 1,
        ..Filter::default()
    };
    let shown = Report::Compare {
        comparison: &comparison,
        filter: &filter,
        held,
        style: ctx.table_style(),
    };
    let mut bytes = Vec::new();
    report::render(&mut bytes, args.format.into(), shown)?;
    if stdout {
        ctx.out.write_all(&bytes)?;
        return Ok(done(failed));
    }
    let outcome = write_atomic(&args.output, &bytes, ctx.hook).map_err(|e| Error::Io {
        path: args.output.clone(),
        source: e,
    })?;
    removed_leftovers(ctx.err, &outcome)?;
    if !ctx.cli.quiet {
        let articles = &comparison.corpus.articles;
        writeln!(
            ctx.out,
            "wrote {}: {} sources, {} claims, {} groups",
            escape_human(&args.output.display().to_string()),
            articles.len(),
            articles.iter().map(|a| a.claims.len()).sum::<usize>(),
            comparison.facts.iter().filter(|f| filter.keeps(f)).count()
        )?;
    }
    Ok(done(failed))
}
