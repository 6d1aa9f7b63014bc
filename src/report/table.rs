//! Terminal tables (comfy-table): one table of claims per source for `claims extract`, and the
//! facts with what each source says and the verdict for `claims compare`. Tables fit the width
//! they are given (the terminal's, else `DEFAULT_WIDTH`): cells wrap inside the table, and the
//! conflict lines under it wrap at the same width, so no line is wider than the terminal.

use super::display::{self, Said};
use super::values::readable;
use super::{escape_human, summary_line};
use crate::compare::{Comparison, Fact, Filter};
use crate::corpus::Article;
use crate::verdict::Verdict;
use comfy_table::{
    Attribute, Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED,
};
use std::collections::HashSet;
use std::io::{self, Write};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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
            "{}{}{date}: {} claims",
            escape_human(&a.source.id),
            escape_human(&outlet),
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
                format!("{}:{}", c.span.line(), c.span.column()),
                c.kind.to_string(),
                escape_human(&c.text).into_owned(),
                readable(c),
                c.qualifier.to_string(),
                escape_human(&c.subject.phrase).into_owned(),
            ]);
        }
        write_table(out, &t)?;
    }
    Ok(())
}

/// Write the table as its `Display` does, and a newline, one line at a time: without the copy
/// of the whole table joined into one string (a table of an archive's facts is large).
fn write_table(out: &mut dyn Write, t: &Table) -> io::Result<()> {
    let mut any = false;
    for line in t.lines() {
        writeln!(out, "{line}")?;
        any = true;
    }
    if !any {
        writeln!(out)?;
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

/// Columns of the compare table besides the sources: its borders and padding, the group id,
/// the verdict and a fact label still worth reading.
const FIXED_COLUMNS_WIDTH: usize = 40;
/// Least width of one source's column for the sources to get a column each.
const MIN_SOURCE_COLUMN: usize = 16;
/// Indent of the continuation lines of a wrapped conflict line under the table.
const WRAP_INDENT: usize = 2;

/// `claims compare`: the facts the filter keeps, a line per shown conflict, the summary line.
/// Linear in the shown facts and their claims: each fact's claims are gathered by source
/// once, and the table's width is fitted once, by comfy-table, for all rows.
pub fn compare(
    out: &mut dyn Write,
    c: &Comparison,
    filter: &Filter,
    style: TableStyle,
) -> io::Result<()> {
    let shown: Vec<&Fact> = c.facts.iter().filter(|f| filter.keeps(f)).collect();
    let width = usize::from(style.width.unwrap_or(DEFAULT_WIDTH));
    if !shown.is_empty() {
        let stating: HashSet<&str> = shown
            .iter()
            .flat_map(|f| f.sources.iter().map(|s| s.as_str()))
            .collect();
        let sources: Vec<&str> = c
            .corpus
            .articles
            .iter()
            .map(|a| a.source.id.as_str())
            .filter(|s| stating.contains(s))
            .collect();
        let mut t = new_table(style);
        if style.color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        let columns = sources.len() <= MAX_SOURCE_COLUMNS
            && FIXED_COLUMNS_WIDTH + sources.len() * MIN_SOURCE_COLUMN <= width;
        let mut header = vec!["group".to_string(), "fact".to_string()];
        if columns {
            header.extend(
                sources
                    .iter()
                    .map(|s| escape_human(&c.source_name(s)).into_owned()),
            );
        } else {
            header.push("what each source says".into());
        }
        header.push("verdict".into());
        t.set_header(header);
        for f in &shown {
            let said = Said::of(c, f);
            let mut row = vec![
                Cell::new(escape_human(&f.group.id)),
                Cell::new(escape_human(&display::label(f, &said))),
            ];
            if columns {
                for s in &sources {
                    row.push(Cell::new(escape_human(&said.text_of(s))));
                }
            } else {
                let lines: Vec<String> = said
                    .by_source
                    .iter()
                    .map(|(a, claims)| {
                        format!(
                            "{}: {}",
                            escape_human(&c.source_name(&a.source.id)),
                            escape_human(&display::distinct_texts(claims))
                        )
                    })
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
        write_table(out, &t)?;
        for f in shown
            .iter()
            .filter(|f| f.judgement.verdict == Verdict::Conflict)
        {
            let line = format!("{} conflict: {}", f.group.id, f.judgement.explanation);
            for piece in wrap(&escape_human(&line), width, WRAP_INDENT) {
                writeln!(out, "{piece}")?;
            }
        }
        for f in &shown {
            if let Some(note) = display::related_note(f) {
                let line = format!("{} {note}", f.group.id);
                for piece in wrap(&escape_human(&line), width, WRAP_INDENT) {
                    writeln!(out, "{piece}")?;
                }
            }
        }
    }
    for line in super::names::variant_lines(c, filter) {
        for piece in wrap(&escape_human(&line), width, WRAP_INDENT) {
            writeln!(out, "{piece}")?;
        }
    }
    for piece in wrap(&summary_line(&c.summary()), width, WRAP_INDENT) {
        writeln!(out, "{piece}")?;
    }
    Ok(())
}

/// `text` broken at spaces into lines of at most `width` columns (display width), the lines
/// after the first indented by `indent`; a word longer than a line is broken inside.
pub fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    let width = width.max(indent + 1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(' ') {
        let w = UnicodeWidthStr::width(word);
        let room = if line.is_empty() { 0 } else { 1 };
        if used + room + w <= width {
            if room == 1 {
                line.push(' ');
            }
            line.push_str(word);
            used += room + w;
            continue;
        }
        if !line.trim().is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        line = " ".repeat(indent);
        used = indent;
        // A word wider than a line: cut it where the line is full.
        for ch in word.chars() {
            let cw = UnicodeWidthChar::width(ch).unwrap_or(0);
            if used + cw > width {
                lines.push(std::mem::take(&mut line));
                line = " ".repeat(indent);
                used = indent;
            }
            line.push(ch);
            used += cw;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn wrapped_lines_fit_the_width_and_keep_every_word() {
        let text = "g32 conflict: IWPR: “second-largest” (2) vs Foreign Affairs (unsigned): \
                    “largest” (1) — disjoint: Foreign Affairs (unsigned) ranks it higher than IWPR.";
        for width in [20, 40, 80] {
            let lines = wrap(text, width, 2);
            assert!(lines.iter().all(|l| l.width() <= width), "{lines:#?}");
            let words: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
            assert_eq!(words, text.split_whitespace().collect::<Vec<_>>());
        }
        let long = "x".repeat(50);
        assert!(wrap(&long, 20, 2).iter().all(|l| l.width() <= 20));
    }
}
