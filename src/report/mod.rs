//! The only place that writes output. A command hands [`render`] a [`Format`] and the
//! [`Report`] it has to show; `render` picks the renderer, one file per format: [`table`],
//! [`markdown`], [`csv`], [`text`], [`json`] (one document or JSON lines, of the [`wire`]
//! structs), [`github`] and [`sarif`]. How values read for people is in [`values`]. No renderer
//! decides an exit code.

pub mod csv;
pub mod github;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod table;
pub mod text;
pub mod values;
pub mod wire;

use crate::baseline::Diff;
use crate::compare::{Comparison, Fact, Filter, Summary};
use crate::corpus::Corpus;
use std::io::{self, Write};
use std::path::Path;

pub use table::TableStyle;

/// Every output format of every command. The command line offers each command the ones that
/// apply to it (see `cli`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Terminal tables.
    Table,
    /// A Markdown table.
    Markdown,
    /// Comma-separated values, one row per claim.
    Csv,
    /// Plain text for people.
    Text,
    /// One JSON document.
    Json,
    /// JSON lines: one `{"type", "data"}` object per line.
    Jsonl,
    /// GitHub Actions workflow commands.
    Github,
    /// SARIF 2.1.0.
    Sarif,
}

/// A comparison held against a baseline: the diff and the file's path for people.
#[derive(Debug, Clone, Copy)]
pub struct Held<'a> {
    /// The comparison's conflicts against the baseline.
    pub diff: &'a Diff,
    /// The baseline file, as the command was given or found it.
    pub path: &'a Path,
}

/// What a command has to show.
#[derive(Debug, Clone, Copy)]
pub enum Report<'a> {
    /// `claims extract`: every source's claims.
    Extract {
        /// The sources and their claims.
        corpus: &'a Corpus,
        /// For the table.
        style: TableStyle,
    },
    /// `claims compare` and `claims export`: the facts the filter keeps.
    Compare {
        /// The facts and their verdicts.
        comparison: &'a Comparison,
        /// Which facts to show.
        filter: &'a Filter,
        /// The baseline, when one was read (the JSON forms carry it).
        held: Option<Held<'a>>,
        /// For the table.
        style: TableStyle,
    },
    /// `claims check`: every conflict against the baseline.
    Check {
        /// The facts and their verdicts.
        comparison: &'a Comparison,
        /// The baseline's diff.
        held: Held<'a>,
        /// Stale entries fail the check too (they are errors, not warnings).
        deny_stale: bool,
    },
    /// `claims show`: one fact with each claim's sentence.
    Show {
        /// The facts and their verdicts.
        comparison: &'a Comparison,
        /// The fact to show.
        fact: &'a Fact,
        /// Mark the values with terminal colour rather than with » «.
        color: bool,
    },
}

/// Write `report` to `out` in `format`: the one place a format picks its renderer. A format
/// the command line does not offer for that report is an `Unsupported` error.
pub fn render(out: &mut dyn Write, format: Format, report: Report) -> io::Result<()> {
    match (format, report) {
        (Format::Table, Report::Extract { corpus, style }) => {
            table::extract(out, &corpus.articles, style)
        }
        (Format::Json, Report::Extract { corpus, .. }) => json::extract_document(out, corpus),
        (Format::Jsonl, Report::Extract { corpus, .. }) => json::extract_lines(out, corpus),
        (
            Format::Table,
            Report::Compare {
                comparison,
                filter,
                style,
                ..
            },
        ) => table::compare(out, comparison, filter, style),
        (
            Format::Markdown,
            Report::Compare {
                comparison, filter, ..
            },
        ) => markdown::compare(out, comparison, filter),
        (
            Format::Csv,
            Report::Compare {
                comparison, filter, ..
            },
        ) => csv::compare(out, comparison, filter),
        (
            Format::Json,
            Report::Compare {
                comparison,
                filter,
                held,
                ..
            },
        ) => json::compare_document(out, comparison, filter, held),
        (
            Format::Jsonl,
            Report::Compare {
                comparison,
                filter,
                held,
                ..
            },
        ) => json::compare_lines(out, comparison, filter, held),
        (
            Format::Text,
            Report::Check {
                comparison, held, ..
            },
        ) => text::check(out, comparison, held),
        (
            Format::Github,
            Report::Check {
                comparison,
                held,
                deny_stale,
            },
        ) => github::check(out, comparison, held, deny_stale),
        (
            Format::Sarif,
            Report::Check {
                comparison,
                held,
                deny_stale,
            },
        ) => sarif::check(out, comparison, held, deny_stale),
        (
            Format::Json,
            Report::Check {
                comparison, held, ..
            },
        ) => json::compare_document(out, comparison, &Filter::default(), Some(held)),
        (
            Format::Text,
            Report::Show {
                comparison,
                fact,
                color,
            },
        ) => text::show(out, comparison, fact, color),
        (format, _) => Err(io::Error::new(
            io::ErrorKind::Unsupported,
            format!("this command has no {format:?} output"),
        )),
    }
}

/// A path as the reports write it: '/'-separated on every platform.
pub fn slash_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The summary line under the compare table and the Markdown table.
pub fn summary_line(s: &Summary) -> String {
    format!(
        "{} facts: {} agree, {} compatible, {} conflict; {} single-source",
        s.facts, s.agree, s.compatible, s.conflict, s.single
    )
}

/// What each source says about a fact, in the order of `f.sources`: its claims' texts, each
/// once, joined. One pass over the fact's claims, whatever the number of its sources.
fn said_by_each(c: &Comparison, f: &Fact) -> Vec<String> {
    let mut texts: Vec<Vec<&str>> = vec![Vec::new(); f.sources.len()];
    for (a, cl) in c.claims_of(f) {
        // `f.sources` is sorted (see `Fact::sources`).
        if let Ok(i) = f.sources.binary_search(&a.source.id) {
            // A source's distinct texts are few: a scan keeps them in order.
            if !texts[i].contains(&cl.text.as_str()) {
                texts[i].push(&cl.text);
            }
        }
    }
    texts.into_iter().map(|t| t.join("; ")).collect()
}
