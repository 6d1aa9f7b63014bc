//! `claims compare --format csv`: one row per claim of each shown fact (RFC 4180 quoting), for
//! spreadsheets. Each field is escaped ([`escape_human`]) first: a line break or an ESC in an
//! article's text or a file name shows as `\n` or `\x1b`, so no row of the file can start a CI
//! workflow command or reach a terminal that prints it.

use super::escape_human;
use super::values::fmt_value;
use crate::compare::{Comparison, Filter};
use std::io::{self, Write};

/// A field, escaped, then quoted when it holds a comma or a quote (no line break is left).
fn csv_field(s: &str) -> String {
    let s = escape_human(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One row per claim of each group the filter keeps.
pub fn compare(out: &mut dyn Write, c: &Comparison, filter: &Filter) -> io::Result<()> {
    writeln!(
        out,
        "group,fact,verdict,source,outlet,claim,line,column,text,kind,value,unit,qualifier"
    )?;
    for f in c.facts.iter().filter(|f| filter.keeps(f)) {
        for (a, cl) in c.claims_of(f) {
            let fields = [
                f.group.id.clone(),
                f.group.label.clone(),
                f.judgement.verdict.to_string(),
                a.source.id.clone(),
                a.outlet.clone().unwrap_or_default(),
                cl.id.to_string(),
                cl.span.line().to_string(),
                cl.span.column().to_string(),
                cl.text.to_string(),
                cl.kind.to_string(),
                fmt_value(cl),
                cl.unit.to_string(),
                cl.qualifier.to_string(),
            ];
            let row: Vec<String> = fields.iter().map(|s| csv_field(s)).collect();
            writeln!(out, "{}", row.join(","))?;
        }
    }
    Ok(())
}
