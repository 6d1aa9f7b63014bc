//! Claims read back from `claims extract --format jsonl`: the reduce side of a sharded run.
//! `compare --claims FILE...` and `check --claims FILE...` match claims extracted elsewhere
//! (shards of an archive on other machines, a CI matrix) without reading any article again.
//!
//! Each file is JSON lines as `extract` writes them: `source` lines, each followed by its
//! `text`, `sentence` and `claim` lines, then `skipped` and `error` lines. Every claim comes
//! back as the extractor made it (the wire carries every field matching and judging read), and
//! each source's text comes back whole from its `sentence` and `text` lines (checked against
//! its digest): copy detection, agency credits and the years an undated article takes from the
//! others of its event ([`crate::corpus::dates_from_event`], given here, once every shard is
//! read) see what a run on the articles sees, so the report is the one that run gives, byte
//! for byte. A line that is not such JSON is an error at `path:line:col`,
//! and the run goes on with the other lines (exit 2 at the end), as an unreadable article does.

use crate::calendar::{Ymd, days_in_month};
use crate::claim::{
    Change, Claim, DateInfo, DatePrecision, Dimension, Equivalent, Flag, Interval, Kind, Measure,
    Qualifier, Resolution, Span, Subject, Sym, Written,
};
use crate::corpus::{Article, Corpus};
use crate::error::Error;
use crate::report::wire::{
    ClaimLineJson, IntervalJson, OffsetsJson, ProblemJson, SentenceLineJson, SourceJson,
    TextLineJson,
};
use crate::source::{LineIndex, SkipKind, Skipped, Source, SourceError};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One line: `{"type": …, "data": …}`.
#[derive(Deserialize)]
struct Line {
    #[serde(rename = "type")]
    kind: String,
    data: Value,
}

/// A source being read back: its wire line, the parts of its text (from its sentence and text
/// lines) and its claims.
struct Pending {
    json: SourceJson,
    /// Where the source line is, for messages.
    at: (PathBuf, usize),
    /// (offset, text) of each part.
    parts: Vec<(usize, String)>,
    claims: Vec<Claim>,
}

/// Read the claims files at `paths` (`-`: standard input) into a corpus, sources in the order
/// first seen. Fails only when no source at all could be read.
pub fn read(paths: &[PathBuf], stdin: &mut dyn Read) -> Result<Corpus, Error> {
    let mut r = Reader::default();
    for path in paths {
        if path.as_os_str() == "-" {
            r.file(Path::new("-"), BufReader::new(&mut *stdin));
            continue;
        }
        match std::fs::File::open(path) {
            Ok(f) => r.file(path, BufReader::new(f)),
            Err(e) => r.errors.push(SourceError {
                path: path.clone(),
                message: e.to_string(),
                line: None,
                column: None,
            }),
        }
    }
    let mut articles = Vec::with_capacity(r.sources.len());
    for p in r.sources {
        let (path, line) = p.at.clone();
        let (a, whole) = article(p);
        if !whole {
            r.errors.push(SourceError {
                path,
                message: format!(
                    "source `{}`: its sentence and text lines do not give back the text its \
                     sha256 names (a cut or edited claims file?); copies, agency credits and \
                     dates are read from what they give",
                    a.source.id
                ),
                line: Some(line),
                column: Some(1),
            });
        }
        articles.push(a);
    }
    if articles.is_empty() {
        let mut reasons: Vec<String> = r.errors.iter().map(ToString::to_string).collect();
        reasons.extend(r.skipped.iter().map(ToString::to_string));
        let detail = if reasons.is_empty() {
            "the claims files hold no source".to_string()
        } else {
            reasons.join("; ")
        };
        return Err(Error::NoSources { detail });
    }
    // Every article of the run is here, whichever shard extracted it: the years an article
    // without a date of its own takes from the others are given now, as a read of the whole
    // corpus gives them (`extract --format jsonl` leaves them to this step).
    crate::corpus::dates_from_event(&mut articles);
    Ok(Corpus {
        articles,
        skipped: r.skipped,
        errors: r.errors,
        unmatched: Vec::new(),
    })
}

#[derive(Default)]
struct Reader {
    sources: Vec<Pending>,
    /// Source id → its place in `sources`.
    by_id: HashMap<String, usize>,
    /// The source the last `source` line opened (claims belong to it), when it was kept.
    open: Option<usize>,
    skipped: Vec<Skipped>,
    errors: Vec<SourceError>,
}

impl Reader {
    fn error(&mut self, path: &Path, line: usize, column: usize, message: String) {
        self.errors.push(SourceError {
            path: path.to_path_buf(),
            message,
            line: Some(line),
            column: Some(column),
        });
    }

    fn file(&mut self, path: &Path, mut input: impl BufRead) {
        self.open = None;
        let mut buf = String::new();
        let mut n = 0;
        let mut started = false;
        loop {
            buf.clear();
            n += 1;
            match input.read_line(&mut buf) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    self.error(path, n, 1, e.to_string());
                    break;
                }
            }
            let text = buf.trim_end_matches(['\n', '\r']);
            if text.trim().is_empty() {
                continue;
            }
            let first = !started;
            started = true;
            if let Err((column, message)) = self.line(path, n, text) {
                if first && serde_json::from_str::<Line>(text).is_err() {
                    // Not a claims file at all (an article, a JSON document): one error for
                    // the file, not one per line.
                    let message = format!(
                        "not the JSON lines of `claims extract --format jsonl` ({message})"
                    );
                    self.error(path, n, column, message);
                    break;
                }
                self.error(path, n, column, message);
            }
        }
    }

    /// One line; an error is (1-based column, message).
    fn line(&mut self, path: &Path, n: usize, text: &str) -> Result<(), (usize, String)> {
        let at = |e: serde_json::Error| (e.column().max(1), message(&e));
        let line: Line = serde_json::from_str(text).map_err(at)?;
        // Errors inside `data` have no position of their own: the line's start.
        let data = |e: serde_json::Error| (1, format!("{} line: {}", line.kind, message(&e)));
        match line.kind.as_str() {
            "source" => {
                let json: SourceJson = serde_json::from_value(line.data.clone()).map_err(data)?;
                if let Some(&i) = self.by_id.get(&json.id) {
                    let (p, l) = &self.sources[i].at;
                    self.open = None;
                    return Err((
                        1,
                        format!(
                            "source `{}` again (first at {}:{l}); its claims are left out",
                            json.id,
                            p.display()
                        ),
                    ));
                }
                self.by_id.insert(json.id.clone(), self.sources.len());
                self.open = Some(self.sources.len());
                self.sources.push(Pending {
                    json,
                    at: (path.to_path_buf(), n),
                    parts: Vec::new(),
                    claims: Vec::new(),
                });
            }
            "sentence" | "text" | "claim" => {
                let Some(open) = self.open else {
                    return Err((1, format!("a {} line before its source line", line.kind)));
                };
                let source = &mut self.sources[open];
                // A claim line names its source in its id (`<source id>#<n>`); lines written
                // before claim lines lost their `source` field still have it.
                let of = line.data.get("source").and_then(Value::as_str).or_else(|| {
                    let id = line.data.get("id").and_then(Value::as_str)?;
                    id.rsplit_once('#').map(|(s, _)| s)
                });
                if of != Some(source.json.id.as_str()) {
                    return Err((
                        1,
                        format!(
                            "a {} line of source `{}` after the source line of `{}`",
                            line.kind,
                            of.unwrap_or(""),
                            source.json.id
                        ),
                    ));
                }
                if line.kind == "sentence" {
                    let s: SentenceLineJson =
                        serde_json::from_value(line.data.clone()).map_err(data)?;
                    if s.text.len() != s.end.saturating_sub(s.start) {
                        return Err((1, "a sentence line whose text is not its span".into()));
                    }
                    source.parts.push((s.start, s.text));
                } else if line.kind == "text" {
                    let t: TextLineJson =
                        serde_json::from_value(line.data.clone()).map_err(data)?;
                    source.parts.push((t.start, t.text));
                } else {
                    let json: ClaimLineJson =
                        serde_json::from_value(line.data.clone()).map_err(data)?;
                    // A derived claim (from `compare --format jsonl`) is derived again from
                    // the stated ones when the corpus is compared; read back, it would count
                    // twice.
                    if json.derived.is_none() {
                        let c = claim(&json, &source.json.id).map_err(|m| (1, m))?;
                        source.claims.push(c);
                    }
                }
            }
            "skipped" => {
                let p: ProblemJson = serde_json::from_value(line.data.clone()).map_err(data)?;
                let path = PathBuf::from(p.path);
                self.skipped.push(Skipped {
                    kind: skip_kind(&path, &p.message),
                    path,
                    reason: p.message,
                });
            }
            "error" => {
                let p: ProblemJson = serde_json::from_value(line.data.clone()).map_err(data)?;
                self.errors.push(SourceError {
                    path: PathBuf::from(p.path),
                    message: p.message,
                    line: p.line,
                    column: p.column,
                });
            }
            other => {
                return Err((
                    1,
                    format!(
                        "a `{other}` line: claims files are the output of `claims extract \
                         --format jsonl` (source, sentence, claim, skipped and error lines)"
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// Why a file was skipped, for programs, from the reason `extract` wrote for people (see
/// [`crate::source`]): what the gate of `check --claims` needs to know of it.
fn skip_kind(path: &Path, reason: &str) -> SkipKind {
    let starts = |p: &str| reason.starts_with(p);
    if starts("too large") {
        SkipKind::TooLarge
    } else if starts("binary") {
        SkipKind::Binary
    } else if starts("unresolvable symbolic link") {
        if crate::source::has_article_extension(path) {
            SkipKind::Dangling
        } else {
            SkipKind::NotRegular
        }
    } else if starts("symlink loop") {
        SkipKind::SymlinkLoop
    } else if starts("not a text article extension") {
        SkipKind::Extension
    } else {
        SkipKind::NotRegular
    }
}

/// serde_json's message without its own " at line L column C" (the error says where).
fn message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// The article of a source read back, and whether its text came back whole: its sentence and
/// text lines tile it and it has the digest extraction took. Otherwise its text is what the
/// lines give at their offsets, blanks elsewhere.
fn article(mut p: Pending) -> (Article, bool) {
    p.parts.sort_by_key(|(start, _)| *start);
    let mut whole = true;
    let mut at = 0;
    for (start, t) in &p.parts {
        whole &= *start == at;
        at = start + t.len();
    }
    let text = if whole {
        let mut text = String::with_capacity(at);
        for (_, t) in &p.parts {
            text.push_str(t);
        }
        whole = crate::fingerprint::sha256_hex(text.as_bytes()) == p.json.sha256;
        text
    } else {
        let end = p.parts.iter().map(|(s, t)| s + t.len()).max().unwrap_or(0);
        let mut text = vec![b' '; end];
        for (s, t) in &p.parts {
            text[*s..s + t.len()].copy_from_slice(t.as_bytes());
        }
        // Parts are whole UTF-8 sequences placed at char boundaries, between ASCII blanks.
        String::from_utf8(text).unwrap_or_default()
    };
    let lines = LineIndex::new(&text);
    // Claim lines give byte offsets; lines and columns are the text's, as extraction found them.
    let at = |s: &mut Span| {
        let (line, column) = lines.line_col(&text, s.start());
        *s = Span::new(s.start(), s.end(), line, column);
    };
    for c in &mut p.claims {
        at(&mut c.span);
        at(&mut c.sentence);
        if let Some(e) = &mut c.equivalent {
            at(&mut e.span);
        }
    }
    let j = p.json;
    let article = Article {
        rel_path: PathBuf::from(&j.path),
        outlet: j.outlet,
        url: j.url,
        published: j.published.as_deref().and_then(Ymd::parse_iso),
        published_from: match j.published_from.as_deref() {
            Some("config") => Some("config"),
            Some("dateline") => Some("dateline"),
            Some("url") => Some("url"),
            _ => None,
        },
        // As a read of the article finds it (`corpus::article`): only an undated one has it.
        filed: match j.published {
            None => match crate::extract::date::url_date(&text) {
                Some((d, false)) => Some(d),
                _ => None,
            },
            Some(_) => None,
        },
        sha256: Some(j.sha256),
        claims: p.claims,
        quoted: None,
        source: Source {
            id: j.id,
            path: PathBuf::from(j.path),
            bytes: j.bytes,
            text,
            outside: j.outside.map(PathBuf::from),
            file_id: None,
        },
    };
    (article, whole)
}

/// A span at byte offsets; its line and column are set once the text is whole ([`article`]).
fn span(s: &OffsetsJson) -> Span {
    Span::new(s.start, s.end, 0, 0)
}

/// A claim as the extractor made it, from its claim line (the fields left out at their
/// defaults, lines and columns to come from the text).
fn claim(j: &ClaimLineJson, source: &str) -> Result<Claim, String> {
    let kind = Kind::parse(&j.kind).ok_or_else(|| format!("unknown kind `{}`", j.kind))?;
    let dimension = Dimension::parse(&j.dimension)
        .ok_or_else(|| format!("unknown dimension `{}`", j.dimension))?;
    let qualifier = Qualifier::parse(&j.qualifier)
        .ok_or_else(|| format!("unknown qualifier `{}`", j.qualifier))?;
    let date = match &j.date {
        None => None,
        Some(d) => Some(DateInfo {
            precision: match d.precision.as_str() {
                "day" => DatePrecision::Day,
                "month" => DatePrecision::Month,
                "year" => DatePrecision::Year,
                "decade" => DatePrecision::Decade,
                other => return Err(format!("unknown date precision `{other}`")),
            },
            resolution: match d.resolution.as_str() {
                "explicit" => Resolution::Explicit,
                "publication" => Resolution::Publication,
                "sentence" => Resolution::Sentence,
                "inferred" => Resolution::Inferred,
                "event" => Resolution::Event,
                "unresolved" => Resolution::Unresolved,
                other => return Err(format!("unknown date resolution `{other}`")),
            },
            partial: d.partial.clone(),
            dateline: d.dateline,
        }),
    };
    let precision = date.as_ref().map_or(DatePrecision::Day, |d| d.precision);
    let time = dimension == Dimension::Time;
    let read = |iv: &IntervalJson, p: DatePrecision| -> Result<Interval, String> {
        Ok(Interval::new(
            end(&iv.lo, time, p, false)?,
            end(&iv.hi, time, p, true)?,
        ))
    };
    let flags = j
        .flags
        .iter()
        .map(|f| match f.as_str() {
            "ambiguous_currency" => Ok(Flag::AmbiguousCurrency),
            "vague" => Ok(Flag::Vague),
            other => Err(format!("unknown flag `{other}`")),
        })
        .collect::<Result<crate::claim::Flags, _>>()?;
    let equivalent = match &j.equivalent {
        None => None,
        Some(e) => Some(Box::new(Equivalent {
            text: e.text.clone(),
            span: span(&e.span),
            value: read_numbers(&e.value)?,
            bounds: read_numbers(&e.bounds)?,
            unit: e.unit.clone(),
        })),
    };
    // Left out, `bounds` is written as `value` is, and `written` has `value`'s ends and `unit`.
    let written = match &j.written {
        Some(w) => Written {
            value: read(
                &IntervalJson {
                    lo: w.lo.clone(),
                    hi: w.hi.clone(),
                },
                precision,
            )?,
            unit: Sym::from(&w.unit),
        },
        None => Written {
            value: read(&j.value, precision)?,
            unit: Sym::from(&j.unit),
        },
    };
    let value = read(&j.value, precision)?;
    let unit = Sym::from(&j.unit);
    Ok(Claim {
        id: Sym::unique(&j.id),
        source: Sym::from(source),
        span: span(&j.span),
        text: Sym::unique(&j.text),
        sentence: span(&j.sentence),
        kind,
        dimension,
        written_as: written.unless_as(&value, &unit),
        value,
        bounds: read(j.bounds.as_ref().unwrap_or(&j.value), DatePrecision::Day)?,
        unit,
        qualifier,
        change: Change::parse(&j.change).ok_or_else(|| format!("unknown change `{}`", j.change))?,
        subject: Subject {
            phrase: j.subject.phrase.as_str().into(),
            terms: j.subject.terms.as_slice().into(),
            head: j.subject.head.clone(),
            names: j.subject.names.as_slice().into(),
        },
        measure: Measure::new(
            Sym::from(j.measure.quantity.as_str()),
            Sym::from(j.measure.role.as_str()),
            j.measure.attribution.clone(),
            j.measure.attribution_key.clone(),
            j.measure.scope.clone(),
        ),
        date: date.map(Box::new),
        equivalent,
        flags,
        // Derived claims are skipped when read and derived again when compared.
        derived: None,
    })
}

fn read_numbers(iv: &IntervalJson) -> Result<Interval, String> {
    Ok(Interval::new(
        end(&iv.lo, false, DatePrecision::Day, false)?,
        end(&iv.hi, false, DatePrecision::Day, true)?,
    ))
}

/// One end of an interval: a number; for dates an ISO date at `precision` (the first day of
/// the month, year or decade it names for a low end, the last for a high end), or the partial
/// date as written, which has no day; null for an open end.
fn end(v: &Value, time: bool, precision: DatePrecision, high: bool) -> Result<Option<f64>, String> {
    match v {
        Value::Null => Ok(None),
        Value::Number(n) => n
            .as_f64()
            .map(Some)
            .ok_or_else(|| format!("`{n}` is not a number")),
        Value::String(s) if time => Ok(date(s, precision, high).map(|d| d.days() as f64)),
        other => Err(format!("`{other}` is not a number")),
    }
}

/// The day an ISO date at `precision` stands for; `None` for a partial date ("--10-12").
fn date(s: &str, precision: DatePrecision, high: bool) -> Option<Ymd> {
    let mut parts = s.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    match precision {
        DatePrecision::Day => Ymd::parse_iso(s),
        DatePrecision::Month => {
            let month: u32 = parts.next()?.parse().ok()?;
            let day = if high { days_in_month(year, month) } else { 1 };
            Ymd::new(year, month, day)
        }
        DatePrecision::Year | DatePrecision::Decade => {
            if high {
                Ymd::new(year, 12, 31)
            } else {
                Ymd::new(year, 1, 1)
            }
        }
    }
}
