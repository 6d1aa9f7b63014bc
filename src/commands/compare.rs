//! `claims compare` (the main job: facts across sources with their verdicts), `claims report`
//! (the same as one HTML page, written to a file) and `claims show` (one fact with each claim's
//! sentence, by group id or by fingerprint).
//!
//! With no path and no claims.toml, `compare` and `report` read the current folder as `rg`
//! does (text files, recursively, with the usual binary and size rules): the first run in a
//! folder of articles needs no set-up.

use super::{Ctx, Failure, diff_if_present, done, writable_file};
use crate::atomic_write::write_atomic;
use crate::cli::{CompareArgs, InputArgs, ReportArgs, ShowArgs};
use crate::compare::{Comparison, Fact, Filter};
use crate::error::{Error, ExitStatus};
use crate::report::{self, Format, Held, Report};
use crate::verdict::Verdict;
use std::path::{Path, PathBuf};

/// The folder read when nothing names the inputs.
const CURRENT_FOLDER: &str = ".";

/// Compare, filter, report (to stdout or `-o FILE`); exit 1 with `--exit-code` when a conflict
/// is shown.
pub(crate) fn run(ctx: &mut Ctx, args: &CompareArgs) -> Result<ExitStatus, Failure> {
    if let Some(path) = &args.output {
        writable_file(path, "`-o` names the file to write")?;
    }
    let format = Format::from(args.format);
    let min_sources = if args.all { 1 } else { args.min_sources };
    // Only the HTML page and plain text quote more of an article than its claims' sentences;
    // a fact only one source states is shown only when the filter asks for them, in every
    // format (the page lists only the facts the filter keeps, as the others do).
    let whole = matches!(format, Format::Html | Format::Text);
    ctx.keep = crate::compare::Keep {
        text: whole,
        // These show no claim's sentence.
        sentences: !matches!(format, Format::Table | Format::Markdown | Format::Csv),
        single: min_sources <= 1,
    };
    let (mut comparison, failed) = if args.claims.is_empty() {
        let input = first_run_input(ctx, &args.input);
        ctx.compare_corpus(Some(&input))?
    } else {
        ctx.compare_claims(&args.claims)?
    };
    let filter = Filter {
        only: args.only.map(Verdict::from),
        kinds: args.kind.clone(),
        min_sources,
    };
    // These show the claims of the facts shown only.
    if matches!(format, Format::Table | Format::Markdown | Format::Csv) {
        comparison.keep_only_shown_claims(&filter);
    }
    // The JSON forms carry each conflict's baseline state; the others never read the baseline.
    let path = ctx.config.baseline_path();
    let diff = match format {
        Format::Json | Format::Jsonl => diff_if_present(&comparison, &path)?,
        _ => None,
    };
    let held = diff.as_ref().map(|diff| Held { diff, path: &path });
    let style = match args.output {
        // A file is not the terminal: no colour, the default width.
        Some(_) => report::TableStyle {
            color: false,
            width: None,
        },
        None => ctx.table_style(),
    };
    let shown = Report::Compare {
        comparison: &comparison,
        filter: &filter,
        held,
        style,
    };
    match &args.output {
        Some(file) => {
            let mut bytes = Vec::new();
            report::render(&mut bytes, format, shown)?;
            write_file(ctx, file, &bytes)?;
            wrote(ctx, file, &comparison, &filter)?;
        }
        None => report::render(ctx.out, format, shown)?,
    }
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

/// `claims report`: the HTML page of the facts, written to `-o FILE`.
pub(crate) fn report(ctx: &mut Ctx, args: &ReportArgs) -> Result<ExitStatus, Failure> {
    writable_file(&args.output, "`-o` names the file to write")?;
    let input = first_run_input(ctx, &args.input);
    let (comparison, failed) = ctx.compare_corpus(Some(&input))?;
    let filter = Filter {
        only: None,
        kinds: args.kind.clone(),
        min_sources: if args.all { 1 } else { args.min_sources },
    };
    let shown = Report::Compare {
        comparison: &comparison,
        filter: &filter,
        held: None,
        style: ctx.table_style(),
    };
    let mut bytes = Vec::new();
    report::render(&mut bytes, Format::Html, shown)?;
    write_file(ctx, &args.output, &bytes)?;
    wrote(ctx, &args.output, &comparison, &filter)?;
    Ok(done(failed))
}

/// The inputs to read: those named, else the corpus of claims.toml, else (no claims.toml, or
/// one without a `[corpus]`) the current folder.
fn first_run_input(ctx: &Ctx, input: &InputArgs) -> InputArgs {
    let mut input = input.clone();
    if input.paths.is_empty() && ctx.config.corpus.paths.is_empty() {
        input.paths.push(PathBuf::from(CURRENT_FOLDER));
    }
    input
}

/// Write a report file in one step (a temp file beside it, then a rename).
fn write_file(ctx: &Ctx, file: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_atomic(file, bytes, ctx.hook).map_err(|e| Error::Io {
        path: file.to_path_buf(),
        source: e,
    })?;
    Ok(())
}

/// Say what the written report holds (as `claims export` does).
fn wrote(ctx: &mut Ctx, file: &Path, c: &Comparison, filter: &Filter) -> Result<(), Failure> {
    if ctx.cli.quiet {
        return Ok(());
    }
    let shown: Vec<&Fact> = c.facts.iter().filter(|f| filter.keeps(f)).collect();
    let conflicts = shown
        .iter()
        .filter(|f| f.judgement.verdict == Verdict::Conflict)
        .count();
    writeln!(
        ctx.out,
        "wrote {}: {} facts, {conflicts} conflict{} (open it in a browser)",
        file.display(),
        shown.len(),
        if conflicts == 1 { "" } else { "s" }
    )?;
    Ok(())
}

/// `claims show GROUP`: a group id ("g32"), a fingerprint ("v1:33a5f865f280f7fc") or a unique
/// prefix of one (with or without `v1:`). One that matches nothing, or several facts, is a
/// usage error.
pub(crate) fn show(ctx: &mut Ctx, args: &ShowArgs) -> Result<ExitStatus, Failure> {
    let input = first_run_input(ctx, &args.input);
    let (comparison, failed) = ctx.compare_corpus(Some(&input))?;
    let fact = find_fact(&comparison, &args.group)?;
    let shown = Report::Show {
        comparison: &comparison,
        fact,
        color: ctx.color(),
    };
    report::render(ctx.out, Format::Text, shown)?;
    Ok(done(failed))
}

/// The fact `want` names: its group id, else the fact whose fingerprint is `want` or starts
/// with it.
fn find_fact<'a>(c: &'a Comparison, want: &str) -> Result<&'a Fact, Error> {
    if let Some(f) = c.facts.iter().find(|f| f.group.id == want) {
        return Ok(f);
    }
    let want = want.trim();
    let matches: Vec<&Fact> = if want.is_empty() {
        Vec::new()
    } else {
        c.facts
            .iter()
            .filter(|f| fingerprint_matches(&f.identity.fingerprint, want))
            .collect()
    };
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(Error::Usage {
            message: format!(
                "no group `{want}`, and no fingerprint starts with it (claims compare --all \
                 lists the groups: g1 … g{}; claims check prints the fingerprints)",
                c.facts.len()
            ),
        }),
        several => Err(Error::Usage {
            message: format!(
                "`{want}` starts {} fingerprints ({}); give more of it",
                several.len(),
                several
                    .iter()
                    .take(3)
                    .map(|f| f.group.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }),
    }
}

/// True when `want` is the fingerprint or a prefix of it, with or without its `v1:`.
fn fingerprint_matches(fingerprint: &str, want: &str) -> bool {
    fingerprint.starts_with(want)
        || fingerprint
            .split_once(':')
            .is_some_and(|(_, hex)| !want.contains(':') && hex.starts_with(want))
}

#[cfg(test)]
mod tests {
    use super::fingerprint_matches;

    #[test]
    fn fingerprints_match_whole_or_by_prefix_with_or_without_version() {
        let fp = "v1:33a5f865f280f7fc";
        for want in [fp, "v1:33a5", "33a5f865", "3"] {
            assert!(fingerprint_matches(fp, want), "{want}");
        }
        for want in ["v2:33a5", "33a6", "x"] {
            assert!(!fingerprint_matches(fp, want), "{want}");
        }
    }
}
