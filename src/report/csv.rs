//! `claims compare --format csv`: one row per claim of each shown fact (RFC 4180 quoting), for
//! spreadsheets.

use super::values::fmt_value;
use crate::compare::{Comparison, Filter};
use std::io::{self, Write};

/// A field, quoted when it holds a comma, a quote or a line break.
fn csv_field(s: &str) -> String {
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
                cl.id.clone(),
                cl.span.line.to_string(),
                cl.span.column.to_string(),
                cl.text.clone(),
                cl.kind.to_string(),
                fmt_value(cl),
                cl.unit.clone(),
                cl.qualifier.to_string(),
            ];
            let row: Vec<String> = fields.iter().map(|s| csv_field(s)).collect();
            writeln!(out, "{}", row.join(","))?;
        }
    }
    Ok(())
}
