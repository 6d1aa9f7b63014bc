//! Terminal tables (comfy-table): one table of claims per source for `claims extract`.

use super::fmt_value;
use crate::corpus::Article;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use std::io::{self, Write};

/// Table options the caller decides from the terminal and flags.
#[derive(Debug, Clone, Copy)]
pub struct TableStyle {
    pub color: bool,
    /// Terminal width, when writing to one.
    pub width: Option<u16>,
}

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
        let mut t = Table::new();
        t.load_style(UTF8_FULL_CONDENSED);
        t.set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(w) = style.width {
            t.set_width(w);
        } else {
            t.set_width(160);
        }
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
