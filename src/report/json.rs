//! The JSON wire format, with its own structs so the internal model can change without
//! breaking editors' tools. Field names are a contract: `id`, `source`, `span`, `text`,
//! `sentence`, `kind`, `value`, `bounds`, `unit`, `qualifier`, `subject` (see README). Values
//! are numbers in the canonical unit, ISO dates for dates (at the precision the text gave for
//! `value`, as days for `bounds`), null for an open end.

use super::fmt_day;
use crate::claim::{Claim, DatePrecision, Dimension, Interval};
use crate::corpus::{Article, Corpus};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::io::{self, Write};

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpanJson {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceJson {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntervalJson {
    pub lo: Value,
    pub hi: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WrittenJson {
    pub lo: Value,
    pub hi: Value,
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubjectJson {
    pub phrase: String,
    pub terms: Vec<String>,
    pub head: Option<String>,
    pub names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateJson {
    pub precision: String,
    pub resolution: String,
    pub partial: Option<String>,
    pub dateline: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimJson {
    pub id: String,
    pub source: String,
    pub span: SpanJson,
    pub text: String,
    pub sentence: SentenceJson,
    pub kind: String,
    pub dimension: String,
    pub value: IntervalJson,
    pub bounds: IntervalJson,
    pub unit: String,
    pub qualifier: String,
    pub written: WrittenJson,
    pub subject: SubjectJson,
    pub date: Option<DateJson>,
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceJson {
    pub id: String,
    pub path: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub published_from: Option<String>,
    pub url: Option<String>,
    /// SHA-256 (hex) of the decoded text, the text every offset refers to; for a UTF-8 file
    /// without a BOM, the file's own SHA-256.
    pub sha256: String,
    pub bytes: u64,
    pub claims: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProblemJson {
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolJson {
    pub name: String,
    pub version: String,
}

/// `claims extract --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractDoc {
    pub schema_version: u32,
    pub tool: ToolJson,
    pub sources: Vec<SourceJson>,
    pub claims: Vec<ClaimJson>,
    pub skipped: Vec<ProblemJson>,
    pub errors: Vec<ProblemJson>,
}

fn num(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Value::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
    }
}

fn end(claim: &Claim, v: Option<f64>, precision: DatePrecision) -> Value {
    match v {
        None => Value::Null,
        Some(v) if claim.dimension == Dimension::Time => Value::String(fmt_day(v, precision)),
        Some(v) => num(v),
    }
}

fn interval(claim: &Claim, iv: &Interval, precision: DatePrecision) -> IntervalJson {
    if let Some(p) = claim.date.as_ref().and_then(|d| d.partial.as_ref())
        && iv.lo.is_none()
        && iv.hi.is_none()
        && precision != DatePrecision::Day
    {
        return IntervalJson {
            lo: Value::String(p.clone()),
            hi: Value::String(p.clone()),
        };
    }
    IntervalJson {
        lo: end(claim, iv.lo, precision),
        hi: end(claim, iv.hi, precision),
    }
}

/// A sentence longer than this is carried as an excerpt around its claim: a run-on "sentence"
/// of 64 KiB holding thousands of values would otherwise be copied into every one of them.
pub const SENTENCE_TEXT_MAX: usize = 2048;

/// The claim's sentence as written, or, when it is longer than [`SENTENCE_TEXT_MAX`], the claim
/// with up to half that many bytes of the sentence on each side, cut at white space, with "…"
/// where the sentence goes on.
fn sentence_text(text: &str, c: &Claim) -> String {
    let (s, e) = (c.sentence.start, c.sentence.end);
    let Some(sentence) = text.get(s..e) else {
        return String::new();
    };
    if sentence.len() <= SENTENCE_TEXT_MAX {
        return sentence.to_string();
    }
    let half = SENTENCE_TEXT_MAX / 2;
    let mut a = c.span.start.saturating_sub(half).max(s);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (c.span.end + half).min(e);
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    if a > s
        && let Some(ws) = text[a..c.span.start.max(a)].find(char::is_whitespace)
    {
        a += ws;
    }
    if b < e
        && let Some(ws) = text[c.span.end.min(b)..b].rfind(char::is_whitespace)
    {
        b = c.span.end.min(b) + ws;
    }
    let mut out = String::with_capacity(b - a + 8);
    if a > s {
        out.push('…');
    }
    out.push_str(text[a..b].trim());
    if b < e {
        out.push('…');
    }
    out
}

pub fn claim_json(c: &Claim, text: &str) -> ClaimJson {
    let precision = c.date.as_ref().map_or(DatePrecision::Day, |d| d.precision);
    let value = match c.date.as_ref().and_then(|d| d.partial.as_ref()) {
        Some(p) if c.value.lo.is_none() && c.value.hi.is_none() => IntervalJson {
            lo: Value::String(p.clone()),
            hi: Value::String(p.clone()),
        },
        _ => interval(c, &c.value, precision),
    };
    ClaimJson {
        id: c.id.clone(),
        source: c.source.clone(),
        span: SpanJson {
            start: c.span.start,
            end: c.span.end,
            line: c.span.line,
            column: c.span.column,
        },
        text: c.text.clone(),
        sentence: SentenceJson {
            start: c.sentence.start,
            end: c.sentence.end,
            line: c.sentence.line,
            column: c.sentence.column,
            text: sentence_text(text, c),
        },
        kind: c.kind.to_string(),
        dimension: c.dimension.as_str().to_string(),
        value,
        bounds: interval(c, &c.bounds, DatePrecision::Day),
        unit: c.unit.clone(),
        qualifier: c.qualifier.to_string(),
        written: WrittenJson {
            lo: end(c, c.written.value.lo, precision),
            hi: end(c, c.written.value.hi, precision),
            unit: c.written.unit.clone(),
        },
        subject: SubjectJson {
            phrase: c.subject.phrase.clone(),
            terms: c.subject.terms.clone(),
            head: c.subject.head.clone(),
            names: c.subject.names.clone(),
        },
        date: c.date.as_ref().map(|d| DateJson {
            precision: format!("{:?}", d.precision).to_lowercase(),
            resolution: d.resolution.as_str().to_string(),
            partial: d.partial.clone(),
            dateline: d.dateline,
        }),
        flags: c.flags.iter().map(|f| f.as_str().to_string()).collect(),
    }
}

pub fn source_json(a: &Article) -> SourceJson {
    SourceJson {
        id: a.source.id.clone(),
        path: a.rel_path.to_string_lossy().replace('\\', "/"),
        outlet: a.outlet.clone(),
        published: a.published.map(|d| d.to_string()),
        published_from: a.published_from.map(str::to_string),
        url: a.url.clone(),
        sha256: sha256_hex(a.source.text.as_bytes()),
        bytes: a.source.bytes,
        claims: a.claims.len(),
    }
}

/// Lowercase hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn tool() -> ToolJson {
    ToolJson {
        name: env!("CARGO_PKG_NAME").into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }
}

pub fn problems(corpus: &Corpus) -> (Vec<ProblemJson>, Vec<ProblemJson>) {
    let skipped = corpus
        .skipped
        .iter()
        .map(|s| ProblemJson {
            path: s.path.to_string_lossy().into_owned(),
            line: None,
            column: None,
            message: s.reason.clone(),
        })
        .collect();
    let errors = corpus
        .errors
        .iter()
        .map(|e| ProblemJson {
            path: e.path.to_string_lossy().into_owned(),
            line: e.line,
            column: e.column,
            message: e.message.clone(),
        })
        .collect();
    (skipped, errors)
}

pub fn extract_doc(corpus: &Corpus, keep: &dyn Fn(&Claim) -> bool) -> ExtractDoc {
    let (skipped, errors) = problems(corpus);
    ExtractDoc {
        schema_version: SCHEMA_VERSION,
        tool: tool(),
        sources: corpus.articles.iter().map(source_json).collect(),
        claims: corpus
            .articles
            .iter()
            .flat_map(|a| {
                a.claims
                    .iter()
                    .filter(|c| keep(c))
                    .map(|c| claim_json(c, &a.source.text))
            })
            .collect(),
        skipped,
        errors,
    }
}

pub fn write_extract(out: &mut dyn Write, doc: &ExtractDoc) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, doc)?;
    writeln!(out)
}

/// JSON lines: `{"type": "source"|"claim"|"skipped"|"error", "data": …}`.
pub fn write_extract_lines(out: &mut dyn Write, doc: &ExtractDoc) -> io::Result<()> {
    #[derive(Serialize)]
    struct Line<'a, T: Serialize> {
        #[serde(rename = "type")]
        kind: &'a str,
        data: &'a T,
    }
    for s in &doc.sources {
        serde_json::to_writer(
            &mut *out,
            &Line {
                kind: "source",
                data: s,
            },
        )?;
        writeln!(out)?;
    }
    for c in &doc.claims {
        serde_json::to_writer(
            &mut *out,
            &Line {
                kind: "claim",
                data: c,
            },
        )?;
        writeln!(out)?;
    }
    for s in &doc.skipped {
        serde_json::to_writer(
            &mut *out,
            &Line {
                kind: "skipped",
                data: s,
            },
        )?;
        writeln!(out)?;
    }
    for e in &doc.errors {
        serde_json::to_writer(
            &mut *out,
            &Line {
                kind: "error",
                data: e,
            },
        )?;
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Context, extract};

    #[test]
    fn long_sentences_are_carried_as_an_excerpt_around_the_claim() {
        let long = format!(
            "{} police said 4,500 officers were on duty {}.",
            "and then ".repeat(400),
            "and so on ".repeat(400)
        );
        let short = "Police said 4,500 officers were on duty.";
        for (text, excerpt) in [(long.as_str(), true), (short, false)] {
            let claims = extract(text, &Context::default());
            let c = claims.iter().find(|c| c.text == "4,500").expect("4,500");
            let j = claim_json(c, text);
            let sentence = &text[c.sentence.start..c.sentence.end];
            if excerpt {
                assert!(j.sentence.text.len() <= SENTENCE_TEXT_MAX + 8);
                assert!(j.sentence.text.starts_with('…') && j.sentence.text.ends_with('…'));
                assert!(j.sentence.text.contains("police said 4,500 officers"));
                // The span still names the whole sentence.
                assert_eq!(
                    (j.sentence.start, j.sentence.end),
                    (c.sentence.start, c.sentence.end)
                );
            } else {
                assert_eq!(j.sentence.text, sentence);
            }
        }
    }
}
