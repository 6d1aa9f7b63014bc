//! `claims compare --format markdown`: one table row per shown fact (its label from the
//! measure, what each source says, the verdict, conflicts in bold, the explanation), then the
//! summary line. Linear in the shown facts and their claims. Cells are escaped: control and
//! BiDi characters ([`super::escape_human`]), pipes, and `<`, `>`, `&` (a Markdown table is read
//! as HTML: an article's `<script>` must stay text).

use super::display::{self, Said};
use super::{escape_human, summary_line};
use crate::compare::{Comparison, Filter};
use crate::verdict::Verdict;
use std::io::{self, Write};

/// A table cell's text: line breaks as spaces, other controls and BiDi marks escaped, pipes
/// and HTML's `<`, `>`, `&` escaped.
fn md_escape(s: &str) -> String {
    escape_human(&s.replace('\n', " "))
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
}

/// The facts the filter keeps, as a Markdown table.
pub fn compare(out: &mut dyn Write, c: &Comparison, filter: &Filter) -> io::Result<()> {
    writeln!(out, "| group | fact | sources | verdict | explanation |")?;
    writeln!(out, "|---|---|---|---|---|")?;
    for f in c.facts.iter().filter(|f| filter.keeps(f)) {
        let said = Said::of(c, f);
        let lines: Vec<String> = said
            .by_source
            .iter()
            .map(|(a, claims)| {
                md_escape(&format!(
                    "{}: {}",
                    c.source_name(&a.source.id),
                    display::distinct_texts(claims)
                ))
            })
            .collect();
        let verdict = match f.judgement.verdict {
            Verdict::Conflict => "**conflict**".to_string(),
            v => v.as_str().to_string(),
        };
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            f.group.id,
            md_escape(&display::label(f, &said)),
            lines.join("<br>"),
            verdict,
            md_escape(&match display::related_note(f) {
                Some(note) => format!("{} ({note}.)", f.judgement.explanation),
                None => f.judgement.explanation.clone(),
            })
        )?;
    }
    writeln!(out)?;
    let names = super::names::variant_lines(c, filter);
    for line in &names {
        writeln!(out, "- {}", md_escape(line))?;
    }
    if !names.is_empty() {
        writeln!(out)?;
    }
    writeln!(out, "{}", summary_line(&c.summary()))
}
