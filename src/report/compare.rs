//! Renderers for `claims compare` (table, markdown, json, csv) and `claims show`. They only
//! write what `compare::Comparison` holds; none decides an exit code.

use super::json::{self, ClaimJson, ProblemJson, SourceJson, ToolJson};
use super::table::TableStyle;
use crate::compare::{Comparison, Fact, Filter, Summary};
use crate::verdict::Verdict;
use comfy_table::{
    Attribute, Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED,
};
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

/// Up to this many sources get a column each; more are listed inside one cell.
const MAX_SOURCE_COLUMNS: usize = 4;

fn verdict_color(v: Verdict) -> Option<Color> {
    match v {
        Verdict::Conflict => Some(Color::Red),
        Verdict::Compatible => Some(Color::Yellow),
        Verdict::Agree => Some(Color::Green),
        Verdict::Single => None,
    }
}

/// What one source says about a fact: its claims' texts, joined.
fn said_by(c: &Comparison, f: &Fact, source: &str) -> String {
    let texts: Vec<String> = c
        .claims_of(f)
        .into_iter()
        .filter(|(a, _)| a.source.id == source)
        .map(|(_, cl)| cl.text.clone())
        .collect();
    let mut unique: Vec<String> = Vec::new();
    for t in texts {
        if !unique.contains(&t) {
            unique.push(t);
        }
    }
    unique.join("; ")
}

pub fn summary_line(s: &Summary) -> String {
    format!(
        "{} facts: {} agree, {} compatible, {} conflict; {} single-source",
        s.facts, s.agree, s.compatible, s.conflict, s.single
    )
}

pub fn table(
    out: &mut dyn Write,
    c: &Comparison,
    filter: &Filter,
    style: TableStyle,
) -> io::Result<()> {
    let shown: Vec<&Fact> = c.facts.iter().filter(|f| filter.keeps(f)).collect();
    let sources: Vec<&str> = c
        .corpus
        .articles
        .iter()
        .map(|a| a.source.id.as_str())
        .filter(|s| shown.iter().any(|f| f.sources.iter().any(|x| x == s)))
        .collect();
    if !shown.is_empty() {
        let mut t = Table::new();
        t.load_style(UTF8_FULL_CONDENSED);
        t.set_content_arrangement(ContentArrangement::Dynamic);
        t.set_width(style.width.unwrap_or(160));
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
            if columns {
                for s in &sources {
                    row.push(Cell::new(said_by(c, f, s)));
                }
            } else {
                let lines: Vec<String> = f
                    .sources
                    .iter()
                    .map(|s| format!("{}: {}", c.source_name(s), said_by(c, f, s)))
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

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn markdown(out: &mut dyn Write, c: &Comparison, filter: &Filter) -> io::Result<()> {
    writeln!(out, "| group | fact | sources | verdict | explanation |")?;
    writeln!(out, "|---|---|---|---|---|")?;
    for f in c.facts.iter().filter(|f| filter.keeps(f)) {
        let said: Vec<String> = f
            .sources
            .iter()
            .map(|s| format!("{}: {}", c.source_name(s), said_by(c, f, s)))
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupJson {
    pub id: String,
    pub label: String,
    pub fact: Option<String>,
    pub kind: String,
    pub sources: Vec<String>,
    pub claim_ids: Vec<String>,
    pub verdict: String,
    pub explanation: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryJson {
    pub facts: usize,
    pub agree: usize,
    pub compatible: usize,
    pub conflict: usize,
    pub single: usize,
}

/// `claims compare --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareDoc {
    pub schema_version: u32,
    pub tool: ToolJson,
    pub sources: Vec<SourceJson>,
    pub claims: Vec<ClaimJson>,
    pub groups: Vec<GroupJson>,
    pub skipped: Vec<ProblemJson>,
    pub errors: Vec<ProblemJson>,
    pub summary: SummaryJson,
}

/// The document: every source and claim, and the groups the filter keeps.
pub fn doc(c: &Comparison, filter: &Filter) -> CompareDoc {
    let (skipped, errors) = json::problems(&c.corpus);
    let s = c.summary();
    CompareDoc {
        schema_version: json::SCHEMA_VERSION,
        tool: json::tool(),
        sources: c.corpus.articles.iter().map(json::source_json).collect(),
        claims: c
            .corpus
            .articles
            .iter()
            .flat_map(|a| {
                a.claims
                    .iter()
                    .map(|cl| json::claim_json(cl, &a.source.text))
            })
            .collect(),
        groups: c
            .facts
            .iter()
            .filter(|f| filter.keeps(f))
            .map(|f| GroupJson {
                id: f.group.id.clone(),
                label: f.group.label.clone(),
                fact: f.group.fact.clone(),
                kind: f.kind.to_string(),
                sources: f.sources.clone(),
                claim_ids: f.group.claim_ids.clone(),
                verdict: f.judgement.verdict.to_string(),
                explanation: f.judgement.explanation.clone(),
            })
            .collect(),
        skipped,
        errors,
        summary: SummaryJson {
            facts: s.facts,
            agree: s.agree,
            compatible: s.compatible,
            conflict: s.conflict,
            single: s.single,
        },
    }
}

pub fn write_json(out: &mut dyn Write, c: &Comparison, filter: &Filter) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &doc(c, filter))?;
    writeln!(out)
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One row per claim of each shown group.
pub fn csv(out: &mut dyn Write, c: &Comparison, filter: &Filter) -> io::Result<()> {
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
                super::fmt_value(cl),
                cl.unit.clone(),
                cl.qualifier.to_string(),
            ];
            let row: Vec<String> = fields.iter().map(|s| csv_field(s)).collect();
            writeln!(out, "{}", row.join(","))?;
        }
    }
    Ok(())
}

/// `claims show GROUP`: the verdict, then each claim's sentence with the value marked.
pub fn show(out: &mut dyn Write, c: &Comparison, f: &Fact, color: bool) -> io::Result<()> {
    writeln!(
        out,
        "{} {} — {}",
        f.group.id, f.judgement.verdict, f.group.label
    )?;
    writeln!(out, "{}", f.judgement.explanation)?;
    for (a, cl) in c.claims_of(f) {
        writeln!(out)?;
        let name = a.outlet.clone().unwrap_or_else(|| a.source.id.clone());
        writeln!(
            out,
            "  {} ({}) {}:{}:{}",
            name,
            a.source.id,
            a.rel_path.display(),
            cl.span.line,
            cl.span.column
        )?;
        let text = &a.source.text;
        let (s0, s1) = (cl.sentence.start, cl.sentence.end);
        let (v0, v1) = (cl.span.start.clamp(s0, s1), cl.span.end.clamp(s0, s1));
        let (open, close) = if color {
            ("\x1b[1;4m", "\x1b[0m")
        } else {
            ("»", "«")
        };
        let quote = format!(
            "{}{open}{}{close}{}",
            &text[s0..v0],
            &text[v0..v1],
            &text[v1..s1]
        );
        let quote = quote.split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(out, "    {quote}")?;
    }
    Ok(())
}
