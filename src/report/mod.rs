//! The only place that writes output. A command hands [`render`] a [`Format`] and the
//! [`Report`] it has to show; `render` picks the renderer, one file per format: [`table`],
//! [`markdown`], [`html`], [`csv`], [`text`], [`json`] (one document or JSON lines, of the [`wire`]
//! structs), [`github`] and [`sarif`]. How values read for people is in [`values`]. No renderer
//! decides an exit code.
//!
//! Article text and file names are untrusted: every human-readable format passes them through
//! [`escape_human`], so an ESC sequence, a BiDi override or a newline in a file name reaches
//! the terminal or the CI log as visible text, never as a command. JSON and SARIF keep them, as
//! JSON encodes them.

pub mod csv;
pub mod display;
pub mod github;
pub mod html;
pub mod json;
mod jsonl;
pub mod markdown;
pub mod names;
pub mod sarif;
pub mod table;
pub mod text;
pub mod values;
pub mod wire;

use crate::baseline::Diff;
use crate::compare::{Comparison, Fact, Filter, Summary};
use crate::corpus::Corpus;
use std::borrow::Cow;
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
    /// One self-contained HTML page.
    Html,
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
            Format::Html,
            Report::Compare {
                comparison, filter, ..
            },
        ) => html::compare(out, comparison, filter),
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

/// `s` with every character that could act on a terminal or a CI log written as visible text,
/// as `ls` and ripgrep do: C0 controls (`\n`, `\r`, `\t`, else `\x1b`), DEL and C1 controls
/// (`\x7f`, `\x9b`), the line and paragraph separators, and the BiDi embeddings, overrides,
/// isolates and marks that reorder what a person sees (`\u{202e}`). Everything else, and any
/// text without such a character (nearly all), is returned as it is, borrowed.
pub fn escape_human(s: &str) -> Cow<'_, str> {
    // Every character escaped is below 0x20, 0x7F, or starts with one of these UTF-8 bytes
    // (C1: C2 80–9F; U+061C: D8 9C; U+200E–U+2069: E2 80/81 …), so most text passes on bytes.
    let suspect = |b: &u8| *b < 0x20 || matches!(*b, 0x7F | 0xC2 | 0xD8 | 0xE2);
    if !s.as_bytes().iter().any(suspect) || !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x100 && needs_escape(c) => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A character [`escape_human`] writes as an escape.
fn needs_escape(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // Line and paragraph separators: a line break to a log reader.
        | '\u{2028}' | '\u{2029}'
        // BiDi: Arabic letter mark, left-to-right and right-to-left marks, embeddings and
        // overrides (LRE RLE PDF LRO RLO), isolates (LRI RLI FSI PDI).
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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

#[cfg(test)]
mod tests {
    use super::escape_human;

    /// The table, Markdown and CSV quote no claim's sentence, so a compare for them keeps none
    /// ([`crate::compare::Keep::sentences`]): the same bytes as with every sentence kept.
    #[test]
    fn the_table_markdown_and_csv_are_the_same_without_the_sentences() {
        use super::{Format, Report, TableStyle, render};
        use crate::compare::{Filter, Keep, compare_on};
        use crate::config::Config;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = Config::load(&root.join("claims.toml")).expect("claims.toml");
        let inputs = crate::corpus::inputs(&[], "-", &config).expect("inputs");
        for format in [Format::Table, Format::Markdown, Format::Csv] {
            for filter in [
                Filter::default(),
                Filter {
                    min_sources: 1,
                    ..Filter::default()
                },
            ] {
                let render_with = |sentences: bool| {
                    let corpus = crate::corpus::load(&inputs, &config, &mut std::io::empty())
                        .expect("corpus");
                    let keep = Keep {
                        text: false,
                        sentences,
                        single: true,
                    };
                    let mut c = compare_on(corpus, &config, 1, &|_, _| {}, keep);
                    c.keep_only_shown_claims(&filter);
                    let quoted = (c.corpus.articles.iter())
                        .flat_map(|a| a.claims.iter().map(move |claim| a.sentence_of(claim)))
                        .filter(Option::is_some)
                        .count();
                    let style = TableStyle {
                        color: false,
                        width: None,
                    };
                    let shown = Report::Compare {
                        comparison: &c,
                        filter: &filter,
                        held: None,
                        style,
                    };
                    let mut out = Vec::new();
                    render(&mut out, format, shown).expect("render");
                    (String::from_utf8(out).expect("utf-8"), quoted)
                };
                let (with, quoted) = render_with(true);
                let (without, none) = render_with(false);
                assert!(quoted > 0, "{format:?}: the sentences are kept when asked");
                assert_eq!(none, 0, "{format:?}: no sentence is kept when not asked");
                assert!(with.lines().count() > 5, "{format:?}: {with}");
                assert_eq!(without, with, "{format:?}");
            }
        }
    }

    #[test]
    fn escape_human_makes_controls_and_bidi_visible_and_leaves_the_rest() {
        for plain in [
            "",
            "More than 4,500 — “Bishkek” €5bn",
            "tab\u{a0}free 中文 ١٢٣",
        ] {
            assert!(
                matches!(escape_human(plain), std::borrow::Cow::Borrowed(_)),
                "{plain}"
            );
        }
        let cases = [
            ("a\nb", "a\\nb"),
            ("x\r\n::warning file=a::hi", "x\\r\\n::warning file=a::hi"),
            (
                "\u{1b}[2J\u{1b}]8;;http://e\u{7}",
                "\\x1b[2J\\x1b]8;;http://e\\x07",
            ),
            ("\t\u{7f}\u{9b}", "\\t\\x7f\\x9b"),
            (
                "abc\u{202e}fed\u{2066}\u{2069}",
                "abc\\u{202e}fed\\u{2066}\\u{2069}",
            ),
            ("\u{200f}\u{61c}\u{2028}", "\\u{200f}\\u{061c}\\u{2028}"),
            // Characters that share the lead bytes but are harmless stay.
            (
                "\u{a0}\u{2014}\u{20ac}\u{600}",
                "\u{a0}\u{2014}\u{20ac}\u{600}",
            ),
        ];
        for (raw, want) in cases {
            assert_eq!(escape_human(raw), want, "{raw:?}");
        }
    }
}
