//! `claims compare --format markdown`: one table row per shown fact (what each source says,
//! the verdict, conflicts in bold, the explanation), then the summary line.

use super::{said_by_each, summary_line};
use crate::compare::{Comparison, Filter};
use crate::verdict::Verdict;
use std::io::{self, Write};

/// A table cell's text: pipes escaped, line breaks as spaces.
fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The facts the filter keeps, as a Markdown table.
pub fn compare(out: &mut dyn Write, c: &Comparison, filter: &Filter) -> io::Result<()> {
    writeln!(out, "| group | fact | sources | verdict | explanation |")?;
    writeln!(out, "|---|---|---|---|---|")?;
    for f in c.facts.iter().filter(|f| filter.keeps(f)) {
        let said: Vec<String> = f
            .sources
            .iter()
            .zip(said_by_each(c, f))
            .map(|(s, said)| format!("{}: {said}", c.source_name(s)))
            .collect();
        let verdict = match f.judgement.verdict {
            Verdict::Conflict => "**conflict**".to_string(),
            v => v.as_str().to_string(),
        };
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            f.group.id,
            md_escape(&f.group.label),
            md_escape(&said.join("<br>")),
            verdict,
            md_escape(&f.judgement.explanation)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", summary_line(&c.summary()))
}
