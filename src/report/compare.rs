//! Renderers for `claims compare` (table, markdown, json, jsonl, csv), `claims show` and the
//! text form of `claims check`, and the wire structs of the compare/export document. They only
//! write what `compare::Comparison` (and the baseline `Diff`, when one was read) holds; none
//! decides an exit code.

use super::json::{self, ClaimJson, ProblemJson, SourceJson, ToolJson};
use super::table::TableStyle;
use crate::baseline::{Diff, Entry, State};
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
    /// `g1`, `g2`, …: stable within one run only; use `fingerprint` across runs.
    pub id: String,
    /// Position-free id of the fact and its values (see the README's fingerprint section).
    pub fingerprint: String,
    pub label: String,
    pub subject: GroupSubjectJson,
    pub fact: Option<String>,
    pub kind: String,
    pub sources: Vec<String>,
    pub claim_ids: Vec<String>,
    pub verdict: String,
    pub explanation: String,
    /// For conflicts when a baseline was read: `new` or `unchanged`; else null.
    pub baseline_state: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupSubjectJson {
    /// The fact as people read it (the label without its kind).
    pub phrase: String,
    /// The stemmed subject terms the fingerprint uses.
    pub terms: Vec<String>,
}

/// The baseline the document was held against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaselineJson {
    /// The baseline file, as the command was given or found it.
    pub path: String,
    pub new: usize,
    pub accepted: usize,
    /// Accepted entries whose conflict is no longer found.
    pub stale: Vec<Entry>,
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
    /// Null when no baseline was read.
    pub baseline: Option<BaselineJson>,
    pub summary: SummaryJson,
}

/// A comparison held against a baseline: the diff and the file's path for people.
#[derive(Debug, Clone, Copy)]
pub struct Held<'a> {
    pub diff: &'a Diff,
    pub path: &'a std::path::Path,
}

fn group_json(f: &Fact, state: Option<State>) -> GroupJson {
    GroupJson {
        id: f.group.id.clone(),
        fingerprint: f.identity.fingerprint.clone(),
        label: f.group.label.clone(),
        subject: GroupSubjectJson {
            phrase: crate::baseline::subject_phrase(f),
            terms: f.identity.terms.clone(),
        },
        fact: f.group.fact.clone(),
        kind: f.kind.to_string(),
        sources: f.sources.clone(),
        claim_ids: f.group.claim_ids.clone(),
        verdict: f.judgement.verdict.to_string(),
        explanation: f.judgement.explanation.clone(),
        baseline_state: state.map(|s| s.as_str().to_string()),
    }
}

/// The document: every source and claim, and the groups the filter keeps.
pub fn doc(c: &Comparison, filter: &Filter, held: Option<Held>) -> CompareDoc {
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
            .enumerate()
            .filter(|(_, f)| filter.keeps(f))
            .map(|(i, f)| group_json(f, held.and_then(|h| h.diff.state_of(i))))
            .collect(),
        skipped,
        errors,
        baseline: held.map(|h| BaselineJson {
            path: h.path.to_string_lossy().replace('\\', "/"),
            new: h.diff.new_count(),
            accepted: h.diff.accepted_count(),
            stale: h.diff.stale.clone(),
        }),
        summary: SummaryJson {
            facts: s.facts,
            agree: s.agree,
            compatible: s.compatible,
            conflict: s.conflict,
            single: s.single,
        },
    }
}

pub fn write_json(out: &mut dyn Write, doc: &CompareDoc) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, doc)?;
    writeln!(out)
}

/// The head line of the JSON lines form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeaderJson {
    pub schema_version: u32,
    pub tool: ToolJson,
}

/// JSON lines: `{"type": "header"|"source"|"claim"|"group"|"skipped"|"error"|"baseline"|
/// "summary", "data": …}`, one per line in that order, the summary last.
pub fn write_jsonl(out: &mut dyn Write, doc: &CompareDoc) -> io::Result<()> {
    #[derive(Serialize)]
    struct Line<'a, T: Serialize> {
        #[serde(rename = "type")]
        kind: &'a str,
        data: &'a T,
    }
    fn line<T: Serialize>(out: &mut dyn Write, kind: &str, data: &T) -> io::Result<()> {
        serde_json::to_writer(&mut *out, &Line { kind, data })?;
        writeln!(out)
    }
    let header = HeaderJson {
        schema_version: doc.schema_version,
        tool: doc.tool.clone(),
    };
    line(out, "header", &header)?;
    for s in &doc.sources {
        line(out, "source", s)?;
    }
    for c in &doc.claims {
        line(out, "claim", c)?;
    }
    for g in &doc.groups {
        line(out, "group", g)?;
    }
    for s in &doc.skipped {
        line(out, "skipped", s)?;
    }
    for e in &doc.errors {
        line(out, "error", e)?;
    }
    if let Some(b) = &doc.baseline {
        line(out, "baseline", b)?;
    }
    line(out, "summary", &doc.summary)
}

/// `claims check` for people: each conflict with its state and quotes (new ones first), the
/// stale entries, then the summary line.
pub fn check_text(out: &mut dyn Write, c: &Comparison, held: Held) -> io::Result<()> {
    let diff = held.diff;
    for finding in &diff.findings {
        let f = &c.facts[finding.fact];
        let what = match finding.state {
            State::New => "new conflict",
            State::Unchanged => "accepted conflict",
        };
        writeln!(
            out,
            "{what} {} ({}): {}",
            f.identity.fingerprint, f.group.id, f.group.label
        )?;
        writeln!(out, "  {}", f.judgement.explanation)?;
        for (a, cl) in c.claims_of(f) {
            writeln!(
                out,
                "  {}:{}:{}: {}: “{}”",
                a.rel_path.display(),
                cl.span.line,
                cl.span.column,
                c.source_name(&a.source.id),
                cl.text
            )?;
        }
        if let Some(was) = &finding.was {
            let gained: Vec<String> = finding
                .gained
                .iter()
                .map(|(s, v)| {
                    let said = c
                        .claims_of(f)
                        .into_iter()
                        .find(|(_, cl)| {
                            &cl.source == s && &crate::baseline::normalized_value(cl) == v
                        })
                        .map_or_else(|| v.clone(), |(_, cl)| format!("“{}”", cl.text));
                    format!("{}: {said}", c.source_name(s))
                })
                .collect();
            writeln!(
                out,
                "  note: the accepted conflict {was} changed; now also {}",
                gained.join("; ")
            )?;
        }
        if let Some(r) = finding.reason.as_deref().filter(|r| !r.is_empty()) {
            writeln!(out, "  accepted because: {r}")?;
        }
    }
    for e in &diff.stale {
        writeln!(
            out,
            "stale entry {} ({}: {}): no longer found; `claims baseline prune` removes it",
            e.fingerprint, e.kind, e.subject
        )?;
    }
    writeln!(out, "{}", diff.summary())
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
