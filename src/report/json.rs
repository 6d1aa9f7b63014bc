//! JSON and JSON lines: the wire documents of [`super::wire`] written as one pretty document, or
//! as one `{"type": …, "data": …}` object per line.

use super::wire::{CompareDoc, ExtractDoc, HeaderJson};
use serde::Serialize;
use std::io::{self, Write};

/// One document, pretty-printed, with a final newline.
pub fn document<T: Serialize>(out: &mut dyn Write, doc: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, doc)?;
    writeln!(out)
}

/// One line of the JSON lines form: `{"type": kind, "data": data}`.
fn line<T: Serialize>(out: &mut dyn Write, kind: &str, data: &T) -> io::Result<()> {
    #[derive(Serialize)]
    struct Line<'a, T: Serialize> {
        #[serde(rename = "type")]
        kind: &'a str,
        data: &'a T,
    }
    serde_json::to_writer(&mut *out, &Line { kind, data })?;
    writeln!(out)
}

/// A line of type `kind` for each of `items`.
fn lines<T: Serialize>(out: &mut dyn Write, kind: &str, items: &[T]) -> io::Result<()> {
    items.iter().try_for_each(|item| line(out, kind, item))
}

/// `claims extract --format jsonl`: `source`, `claim`, `skipped` and `error` lines, in that
/// order.
pub fn extract_lines(out: &mut dyn Write, doc: &ExtractDoc) -> io::Result<()> {
    lines(out, "source", &doc.sources)?;
    lines(out, "claim", &doc.claims)?;
    lines(out, "skipped", &doc.skipped)?;
    lines(out, "error", &doc.errors)
}

/// The compare document as JSON lines: `header`, `source`, `claim`, `group`, `skipped`,
/// `error`, `baseline` and `summary` lines, in that order, the summary last.
pub fn compare_lines(out: &mut dyn Write, doc: &CompareDoc) -> io::Result<()> {
    let header = HeaderJson {
        schema_version: doc.schema_version,
        tool: doc.tool.clone(),
    };
    line(out, "header", &header)?;
    lines(out, "source", &doc.sources)?;
    lines(out, "claim", &doc.claims)?;
    lines(out, "group", &doc.groups)?;
    lines(out, "name", &doc.names)?;
    lines(out, "skipped", &doc.skipped)?;
    lines(out, "error", &doc.errors)?;
    if let Some(b) = &doc.baseline {
        line(out, "baseline", b)?;
    }
    line(out, "summary", &doc.summary)
}
