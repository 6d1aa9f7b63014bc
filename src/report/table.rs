//! Terminal tables (comfy-table): one table of claims per source for `claims extract`, and the
//! facts with what each source says and the verdict for `claims compare`.

use super::values::fmt_value;
use super::{said_by_each, summary_line};
use crate::compare::{Comparison, Fact, Filter};
use crate::corpus::Article;
use crate::verdict::Verdict;
use comfy_table::{
    Attribute, Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED,
};
use std::collections::HashSet;
use std::io::{self, Write};

/// Table width when the output is not a terminal of known width.
const DEFAULT_WIDTH: u16 = 160;
/// Up to this many sources get a column each; more are listed inside one cell.
const MAX_SOURCE_COLUMNS: usize = 4;

/// Table options the caller decides from the terminal and flags.
#[derive(Debug, Clone, Copy)]
pub struct TableStyle {
    /// Colour the verdicts (and let comfy-table style cells).
    pub color: bool,
    /// Terminal width, when writing to one.
    pub width: Option<u16>,
}

fn new_table(style: TableStyle) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t.set_width(style.width.unwrap_or(DEFAULT_WIDTH));
    t
}

/// `claims extract`: a heading line per source, then its claims.
pub fn extract(out: &mut dyn Write, articles: &[Article], style: TableStyle) -> io::Result<()> {
    for (n, a) in articles.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let outlet = a
            .outlet
            .as_deref()
            .map(|o| format!(" ({o})"))
            .unwrap_or_default();
        let date = a
            .published
            .map(|d| format!(", published {d}"))
            .unwrap_or_default();
        writeln!(
            out,
            "{}{outlet}{date}: {} claims",
            a.source.id,
            a.claims.len()
        )?;
        if a.claims.is_empty() {
            continue;
        }
        let mut t = new_table(style);
        if !style.color {
            t.force_no_tty();
        }
        t.set_header(vec![
            "line:col",
            "kind",
            "as written",
            "value",
            "qualifier",
            "subject",
        ]);
        for c in &a.claims {
            t.add_row(vec![
                format!("{}:{}", c.span.line, c.span.column),
                c.kind.to_string(),
                c.text.clone(),
                fmt_value(c),
                c.qualifier.to_string(),
                c.subject.phrase.clone(),
            ]);
        }
        writeln!(out, "{t}")?;
    }
    Ok(())
}

fn verdict_color(v: Verdict) -> Option<Color> {
    match v {
        Verdict::Conflict => Some(Color::Red),
        Verdict::Compatible => Some(Color::Yellow),
        Verdict::Agree => Some(Color::Green),
        Verdict::Single => None,
    }
}

/// `claims compare`: the facts the filter keeps, a line per shown conflict, the summary line.
pub fn compare(
    out: &mut dyn Write,
    c: &Comparison,
    filter: &Filter,
    style: TableStyle,
) -> io::Result<()> {
    let shown: Vec<&Fact> = c.facts.iter().filter(|f| filter.keeps(f)).collect();
    // The sources of the shown facts, in corpus order (a set, not a scan of the facts per
    // article: that was quadratic on an archive).
    let stating: HashSet<&str> = shown
        .iter()
        .flat_map(|f| f.sources.iter().map(String::as_str))
        .collect();
    let sources: Vec<&str> = c
        .corpus
        .articles
        .iter()
        .map(|a| a.source.id.as_str())
        .filter(|s| stating.contains(s))
        .collect();
    if !shown.is_empty() {
        let mut t = new_table(style);
        if style.color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        let columns = sources.len() <= MAX_SOURCE_COLUMNS;
        let mut header = vec!["group".to_string(), "fact".to_string()];
        if columns {
            header.extend(sources.iter().map(|s| c.source_name(s)));
        } else {
            header.push("what each source says".into());
        }
        header.push("verdict".into());
        t.set_header(header);
        for f in &shown {
            let mut row = vec![Cell::new(&f.group.id), Cell::new(&f.group.label)];
            let said = said_by_each(c, f);
            if columns {
                for s in &sources {
                    let i = f.sources.binary_search_by(|x| x.as_str().cmp(s));
                    row.push(Cell::new(i.map_or("", |i| said[i].as_str())));
                }
            } else {
                let lines: Vec<String> = f
                    .sources
                    .iter()
                    .zip(&said)
                    .map(|(s, said)| format!("{}: {said}", c.source_name(s)))
                    .collect();
                row.push(Cell::new(lines.join("\n")));
            }
            let v = f.judgement.verdict;
            let mut cell = Cell::new(v.as_str());
            if let Some(col) = verdict_color(v) {
                cell = cell.fg(col).add_attribute(Attribute::Bold);
            }
            row.push(cell);
            t.add_row(row);
        }
        writeln!(out, "{t}")?;
        for f in shown
            .iter()
            .filter(|f| f.judgement.verdict == Verdict::Conflict)
        {
            writeln!(out, "{} conflict: {}", f.group.id, f.judgement.explanation)?;
        }
    }
    writeln!(out, "{}", summary_line(&c.summary()))
}
