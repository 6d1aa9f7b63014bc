//! The JSON wire format: its own structs, so the internal model can change without breaking
//! editors' tools, and the functions that fill them from a corpus or a comparison. Field names
//! are a contract (see the README and `schemas/claims-compare.schema.json`): `id`, `source`,
//! `span`, `text`, `sentence`, `kind`, `value`, `bounds`, `unit`, `qualifier`, `change`,
//! `subject`, …
//! Values are numbers in the canonical unit, ISO dates for dates (at the precision the text
//! gave for `value`, as days for `bounds`), null for an open end. `report::json` writes these
//! structs as one document or as JSON lines.
#![deny(missing_docs)]

use super::Held;
use super::slash_path;
use super::values::fmt_day;
use crate::baseline::State;
use crate::claim::{Change, Claim, DatePrecision, Dimension, Interval, Span, Sym};
use crate::compare::{Comparison, Fact, Filter};
use crate::copies::Origin;
use crate::corpus::{Article, Corpus};
use crate::fingerprint::{as_whole, sha256_hex};
use crate::names::NameGroup;
use crate::source::{Skipped, SourceError};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Version of the documents' layout; it is the `schema_version` of every document.
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON Schema of the compare/export document (`claims schema`).
pub const SCHEMA: &str = include_str!("../../schemas/claims-compare.schema.json");

/// A sentence longer than this is carried as an excerpt around its claim: a run-on "sentence"
/// of 64 KiB holding thousands of values would otherwise be copied into every one of them.
pub const SENTENCE_TEXT_MAX: usize = 2048;

/// The program that wrote a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolJson {
    /// `claims`.
    pub name: String,
    /// The version of `claims` (Cargo.toml's).
    pub version: String,
}

/// One source (article) that was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceJson {
    /// Source id: the `[[source]]` id, else the file stem (the path when stems collide).
    pub id: String,
    /// The path relative to claims.toml's folder when it lies below it, '/'-separated.
    pub path: String,
    /// Where the file really is when that lies outside claims.toml's folder (a `..` path, an
    /// absolute path, a symbolic link leading out), else `None`.
    pub outside: Option<String>,
    /// The outlet's name, from claims.toml.
    pub outlet: Option<String>,
    /// Publication date, ISO 8601.
    pub published: Option<String>,
    /// Where `published` came from: `config`, `dateline` or `url` (the date the article's own
    /// address files it under).
    pub published_from: Option<String>,
    /// The article's address, from claims.toml.
    pub url: Option<String>,
    /// SHA-256 (hex) of the decoded text, the text every offset refers to; for a UTF-8 file
    /// without a BOM, the file's own SHA-256.
    pub sha256: String,
    /// Size of the file in bytes before decoding.
    pub bytes: u64,
    /// How many claims were extracted from it.
    pub claims: usize,
    /// The source of the corpus its text repeats, or null (always null in `extract`, which
    /// reads each article alone).
    pub copies: Option<CopiesJson>,
    /// The news agencies it says it carries ("(AFP)", "— Xinhua"), by their short names.
    pub carries: Vec<String>,
}

/// The source another source's text repeats.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopiesJson {
    /// The id of the source it repeats.
    pub source: String,
    /// `near_copy` (most of its text is the other's) or `retelling` (it names the other's
    /// outlet and repeats a good part of its words).
    pub how: String,
    /// Share of its text (five-word runs) the other source holds too, 0 to 1, to 3 decimals.
    pub share: f64,
}

/// Where a claim's value is: byte offsets in the decoded text, 1-based line and column (in
/// characters).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpanJson {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
}

/// The sentence that holds a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceJson {
    /// Byte offset of the sentence's first byte.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
    /// The sentence as written; over [`SENTENCE_TEXT_MAX`] bytes, an excerpt around the claim.
    /// Absent from the claim lines of JSON lines, where the `sentence` line of the same source
    /// and `start`, written before the sentence's first claim, carries it once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A `sentence` line of the JSON lines forms: the text of a sentence that holds claims, written
/// once before its first claim (whose `sentence` has the same `start`). Positions in JSON lines
/// are byte offsets only: lines and columns follow from the text the lines carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceLineJson {
    /// The source id.
    pub source: String,
    /// Byte offset of the sentence's first byte.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// The whole sentence as written (the claims' excerpts of a long one are cut from it).
    pub text: String,
}

/// A `text` line of `extract`'s JSON lines: a part of a source's text that no `sentence` line
/// carries. With the sentence lines of the source they tile its whole text, which `compare
/// --claims` reads as a read of the article would (copies, agency credits, the address's date).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextLineJson {
    /// The source id.
    pub source: String,
    /// Byte offset of the part's first byte.
    pub start: usize,
    /// The part as written.
    pub text: String,
}

/// An interval: schema.org QuantitativeValue's minValue (`lo`) and maxValue (`hi`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntervalJson {
    /// The low end: a number in the canonical unit, an ISO date for dates, the partial date as
    /// written when it could not be resolved, or null for an open end.
    pub lo: Value,
    /// The high end, written like `lo`.
    pub hi: Value,
}

/// The value in the unit the writer used ("5 years", "10 mi"), before conversion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WrittenJson {
    /// The low end, written like [`IntervalJson::lo`].
    pub lo: Value,
    /// The high end, written like [`IntervalJson::lo`].
    pub hi: Value,
    /// The writer's unit.
    pub unit: String,
}

/// The phrase a claim's value quantifies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubjectJson {
    /// The phrase as written.
    pub phrase: String,
    /// Lowercase, stemmed content terms of the phrase, in order, without duplicates.
    pub terms: Vec<Sym>,
    /// The head noun's stem, when the phrase has one.
    pub head: Option<Sym>,
    /// Capitalized names in the sentence.
    pub names: Vec<Sym>,
}

/// What a date claim's text gave and where its missing parts came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateJson {
    /// `day`, `month`, `year` or `decade`.
    pub precision: String,
    /// `explicit`, `publication`, `sentence`, `inferred`, `event` or `unresolved`.
    pub resolution: String,
    /// The partial date as written when it could not be resolved ("--10-12", "Thursday").
    pub partial: Option<String>,
    /// True when the date is the source's own dateline (its publication date).
    pub dateline: bool,
}

/// One claim: one value said about one subject in one sentence of one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimJson {
    /// `<source id>#<n>`: the n-th claim of its source.
    pub id: String,
    /// The source id.
    pub source: String,
    /// Where the value's text is.
    pub span: SpanJson,
    /// The value as written ("more than 4,500", "US$5 billion").
    pub text: String,
    /// The sentence that holds it.
    pub sentence: SentenceJson,
    /// What is counted or measured (`count`, `money`, `date`, …).
    pub kind: String,
    /// The quantity of the canonical unit (`count`, `time`, `length`, …).
    pub dimension: String,
    /// The interval the text states, in the canonical unit.
    pub value: IntervalJson,
    /// The interval used for comparison, after rounding and approximation tolerance.
    pub bounds: IntervalJson,
    /// The canonical unit (schema.org unitCode/unitText).
    pub unit: String,
    /// `exact`, `approx`, `more_than`, `at_least`, `less_than`, `at_most` or `range`.
    pub qualifier: String,
    /// `increase`, `decrease` or `none`: whether the sentence gives the value as a change
    /// ("rose 5%", "fell to 275", "down from $89 billion"), as CQE and NewsQuant annotate it.
    /// Absent in documents written before it was added, read as `none`.
    #[serde(default = "no_change")]
    pub change: String,
    /// The value in the writer's unit.
    pub written: WrittenJson,
    /// The phrase the value quantifies.
    pub subject: SubjectJson,
    /// What the value measures: only claims with the same measure speak of one fact.
    pub measure: MeasureJson,
    /// For dates: precision and resolution; null otherwise.
    pub date: Option<DateJson>,
    /// What a reader should know about the claim (`ambiguous_currency`).
    pub flags: Vec<String>,
    /// A parenthetical equivalent of the value in another currency or unit ("200 million yuan
    /// ($28.18 million)"), or null.
    pub equivalent: Option<EquivalentJson>,
    /// How the value follows from other claims when no sentence states it (see
    /// [`crate::derive`](mod@crate::derive)), or null: the claim is stated.
    #[serde(default)]
    pub derived: Option<DerivedJson>,
}

/// How a derived claim follows from the claims it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DerivedJson {
    /// `elapsed`, `anniversary`, `total` or `deadline`.
    pub rule: String,
    /// Ids of the claims it came from (the stated total first for `total`).
    pub from: Vec<String>,
    /// The arithmetic, for people ("20-month war, article of 2023-10-13 → began 2022-02 ± 1
    /// month").
    pub arithmetic: String,
}

/// The `change` of a claim read from a document that has none.
fn no_change() -> String {
    Change::None.as_str().to_string()
}

/// A parenthetical equivalent of a claim's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EquivalentJson {
    /// The equivalent as written ("$28.18 million").
    pub text: String,
    /// Where it is.
    pub span: SpanJson,
    /// Its interval, in its canonical unit.
    pub value: IntervalJson,
    /// Its interval for comparison.
    pub bounds: IntervalJson,
    /// Its canonical unit.
    pub unit: String,
}

/// Byte offsets of a span in JSON lines, where its line and column are left to the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OffsetsJson {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// A claim line of the JSON lines forms: [`ClaimJson`] made compact, as it is written once per
/// claim of an archive. Its source is the one its id names (`<source id>#<n>`, the source line
/// before it in `extract`'s lines); `span` and `sentence` are byte offsets (the sentence line of
/// the same start carries the sentence; lines and columns follow from the text); and a field
/// at its default is left out: `bounds` when it is written as `value` is, `written` when its
/// ends are written as `value`'s and its unit is `unit`, an empty `unit`, `qualifier` `exact`,
/// `change` `none`, null `date`, `equivalent` and `derived`, no `flags`, and the empty fields of
/// `subject`, `measure` and `date`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimLineJson {
    /// `<source id>#<n>`: the n-th claim of its source.
    pub id: String,
    /// Where the value's text is.
    pub span: OffsetsJson,
    /// The value as written.
    pub text: String,
    /// Where the sentence that holds it is.
    pub sentence: OffsetsJson,
    /// What is counted or measured.
    pub kind: String,
    /// The quantity of the canonical unit.
    pub dimension: String,
    /// The interval the text states.
    pub value: IntervalJson,
    /// The interval used for comparison; absent when written as `value` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bounds: Option<IntervalJson>,
    /// The canonical unit; absent when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// The qualifier; absent when `exact`.
    #[serde(default = "exact", skip_serializing_if = "is_exact")]
    pub qualifier: String,
    /// The change; absent when `none`.
    #[serde(default = "no_change", skip_serializing_if = "is_no_change")]
    pub change: String,
    /// The value in the writer's unit; absent when its ends are written as `value`'s and its
    /// unit is `unit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<WrittenJson>,
    /// The phrase the value quantifies.
    pub subject: SubjectLineJson,
    /// What the value measures.
    pub measure: MeasureLineJson,
    /// For dates: precision and resolution; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateLineJson>,
    /// What a reader should know about the claim; absent when nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
    /// A parenthetical equivalent; absent when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equivalent: Option<EquivalentLineJson>,
    /// How a derived claim follows from others; absent for a stated claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<DerivedJson>,
}

/// [`SubjectJson`] in a claim line: empty fields left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubjectLineJson {
    /// The phrase as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phrase: String,
    /// Lowercase, stemmed content terms of the phrase.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<Sym>,
    /// The head noun's stem.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<Sym>,
    /// Capitalized names in the sentence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<Sym>,
}

/// [`MeasureJson`] in a claim line: empty fields left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureLineJson {
    /// What is counted or measured.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quantity: String,
    /// The event role the sentence gives the value.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Who gives the figure, as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub attribution: String,
    /// The attribution's key words, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attribution_key: Vec<String>,
    /// Restrictions that make it another fact, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope: Vec<String>,
}

/// [`DateJson`] in a claim line: `partial` left out when null, `dateline` when false.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateLineJson {
    /// `day`, `month`, `year` or `decade`.
    pub precision: String,
    /// Where the missing parts came from.
    pub resolution: String,
    /// The partial date as written when it could not be resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<String>,
    /// True when the date is the source's own dateline.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dateline: bool,
}

/// [`EquivalentJson`] in a claim line: its span as byte offsets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EquivalentLineJson {
    /// The equivalent as written.
    pub text: String,
    /// Where it is.
    pub span: OffsetsJson,
    /// Its interval, in its canonical unit.
    pub value: IntervalJson,
    /// Its interval for comparison.
    pub bounds: IntervalJson,
    /// Its canonical unit.
    pub unit: String,
}

fn exact() -> String {
    crate::claim::Qualifier::Exact.as_str().to_string()
}

fn is_exact(q: &str) -> bool {
    q == crate::claim::Qualifier::Exact.as_str()
}

fn is_no_change(c: &str) -> bool {
    c == Change::None.as_str()
}

fn offsets(s: &SpanJson) -> OffsetsJson {
    OffsetsJson {
        start: s.start,
        end: s.end,
    }
}

impl ClaimLineJson {
    /// The claim line of a claim on the wire (the definition `report::jsonl` writes by
    /// hand).
    pub fn from_claim(j: ClaimJson) -> ClaimLineJson {
        let written =
            (j.written.lo != j.value.lo || j.written.hi != j.value.hi || j.written.unit != j.unit)
                .then_some(j.written);
        ClaimLineJson {
            id: j.id,
            span: offsets(&j.span),
            text: j.text,
            sentence: OffsetsJson {
                start: j.sentence.start,
                end: j.sentence.end,
            },
            kind: j.kind,
            dimension: j.dimension,
            bounds: (j.bounds != j.value).then_some(j.bounds),
            value: j.value,
            unit: j.unit,
            qualifier: j.qualifier,
            change: j.change,
            written,
            subject: SubjectLineJson {
                phrase: j.subject.phrase,
                terms: j.subject.terms,
                head: j.subject.head,
                names: j.subject.names,
            },
            measure: MeasureLineJson {
                quantity: j.measure.quantity,
                role: j.measure.role,
                attribution: j.measure.attribution,
                attribution_key: j.measure.attribution_key,
                scope: j.measure.scope,
            },
            date: j.date.map(|d| DateLineJson {
                precision: d.precision,
                resolution: d.resolution,
                partial: d.partial,
                dateline: d.dateline,
            }),
            flags: j.flags,
            equivalent: j.equivalent.map(|e| EquivalentLineJson {
                text: e.text,
                span: offsets(&e.span),
                value: e.value,
                bounds: e.bounds,
                unit: e.unit,
            }),
            derived: j.derived,
        }
    }
}

/// What a value measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureJson {
    /// What is counted or measured: `people` for any noun that counts people, the counted
    /// noun, or the dimension (`money`, `percent`, `time`, …).
    pub quantity: String,
    /// The event role the sentence gives the value (`deaths`, `injured`, `votes_against`,
    /// `deal_value`, `temperature`, `width`; for a date what happened on it: `launch`,
    /// `landing`, …; for a count no table word names, the predicate after it:
    /// `predicate:squeezed`), or "".
    pub role: String,
    /// Who gives the figure, as written ("the Saudi health ministry"), or "".
    pub attribution: String,
    /// The attribution's key words (`name:who`, `noun:mayor`, `country:iran`; `via:reuters`
    /// for a news medium that relays the figure rather than counts it), sorted.
    pub attribution_key: Vec<String>,
    /// Restrictions that make it another fact (`country:indonesia`, `subset:women`,
    /// `year:2014`, `modality:projection`, `part:cash`, `place:elsewhere`, `of:heat`,
    /// `object:instagram` for a sum that is the price of something else), sorted.
    pub scope: Vec<String>,
}

/// A file that was skipped or could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProblemJson {
    /// The file, as given or found.
    pub path: String,
    /// 1-based line of the problem, when it has one.
    pub line: Option<usize>,
    /// 1-based column of the problem, when it has one.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

/// `claims extract --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractDoc {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The program that wrote it.
    pub tool: ToolJson,
    /// Every source read, in input order.
    pub sources: Vec<SourceJson>,
    /// Every claim of every source.
    pub claims: Vec<ClaimJson>,
    /// Files left out (binary, too large, not an article).
    pub skipped: Vec<ProblemJson>,
    /// Files that could not be read.
    pub errors: Vec<ProblemJson>,
}

/// One group of claims that state the same fact, with its verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupJson {
    /// `g1`, `g2`, …: stable within one run only; use `fingerprint` across runs.
    pub id: String,
    /// Position-free id of the fact and its values (see the README's fingerprint section).
    pub fingerprint: String,
    /// The fact as `kind: subject`.
    pub label: String,
    /// The fact's subject.
    pub subject: GroupSubjectJson,
    /// The `[[fact]]` name when the group is a tracked fact.
    pub fact: Option<String>,
    /// The kind of its claims.
    pub kind: String,
    /// Distinct source ids that state it, sorted.
    pub sources: Vec<String>,
    /// Its claims' ids.
    pub claim_ids: Vec<String>,
    /// `agree`, `compatible`, `conflict` or `single`.
    pub verdict: String,
    /// Why, in a sentence.
    pub explanation: String,
    /// For conflicts when a baseline was read: `new` or `unchanged`; else null.
    pub baseline_state: Option<String>,
    /// Groups of the same measure that differ only by who gives the figure: different facts,
    /// shown side by side, never a conflict (ids of this document).
    pub related: Vec<String>,
}

/// The subject of a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupSubjectJson {
    /// The fact as people read it (the label without its kind).
    pub phrase: String,
    /// The stemmed subject terms the fingerprint uses.
    pub terms: Vec<String>,
}

/// One person or organisation two sources or more name (see `claims::names`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NameJson {
    /// `n1`, `n2`, … in order of first mention: stable within one run only.
    pub id: String,
    /// `person` or `organisation`.
    pub kind: String,
    /// The spelling most sources use.
    pub name: String,
    /// `agree` (every source spells it the same) or `variant` (the spellings differ).
    pub verdict: String,
    /// Position-free id of the name and its spellings (`v1:` + 16 hex digits), what `claims
    /// baseline accept` takes to accept a variant.
    pub fingerprint: String,
    /// For a variant held against a baseline: `new` or `unchanged` (accepted); else null.
    pub baseline_state: Option<String>,
    /// The first mention of each spelling in each source.
    pub spellings: Vec<NameSpellingJson>,
}

/// One source's spelling of a name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NameSpellingJson {
    /// The source id.
    pub source: String,
    /// The name as written, titles and a possessive taken off.
    pub text: String,
    /// Where it is.
    pub span: SpanJson,
}

/// The baseline the document was held against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaselineJson {
    /// The baseline file, as the command was given or found it.
    pub path: String,
    /// Conflicts the baseline does not hold.
    pub new: usize,
    /// Conflicts the baseline holds.
    pub accepted: usize,
    /// Accepted entries whose conflict is no longer found.
    pub stale: Vec<crate::baseline::Entry>,
    /// Accepted name variants no longer found.
    pub stale_names: Vec<crate::baseline::NameEntry>,
}

/// Counts of facts by verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryJson {
    /// Facts that two sources or more state.
    pub facts: usize,
    /// Of those, facts every source states alike.
    pub agree: usize,
    /// Of those, facts stated with different precision but no contradiction.
    pub compatible: usize,
    /// Of those, facts whose sources contradict each other.
    pub conflict: usize,
    /// Facts only one source states.
    pub single: usize,
}

/// `claims compare --format json`, `claims export`, `claims check --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareDoc {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The program that wrote it.
    pub tool: ToolJson,
    /// Every source read, in source id order.
    pub sources: Vec<SourceJson>,
    /// Every claim of every source.
    pub claims: Vec<ClaimJson>,
    /// The groups the command's filter keeps.
    pub groups: Vec<GroupJson>,
    /// People and organisations two sources or more name.
    pub names: Vec<NameJson>,
    /// Files left out (binary, too large, not an article).
    pub skipped: Vec<ProblemJson>,
    /// Files that could not be read.
    pub errors: Vec<ProblemJson>,
    /// Null when no baseline was read.
    pub baseline: Option<BaselineJson>,
    /// Counts over every group, filtered or not.
    pub summary: SummaryJson,
}

/// The head line of the JSON lines form of the compare document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeaderJson {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The program that wrote it.
    pub tool: ToolJson,
}

fn num(v: f64) -> Value {
    match as_whole(v) {
        Some(n) => Value::from(n),
        None => serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number),
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
        && iv.lo().is_none()
        && iv.hi().is_none()
        && precision != DatePrecision::Day
    {
        return IntervalJson {
            lo: Value::String(p.clone()),
            hi: Value::String(p.clone()),
        };
    }
    IntervalJson {
        lo: end(claim, iv.lo(), precision),
        hi: end(claim, iv.hi(), precision),
    }
}

/// The claim's sentence as written, or, when it is longer than [`SENTENCE_TEXT_MAX`], the claim
/// with up to half that many bytes of the sentence on each side, cut at white space, with "…"
/// where the sentence goes on. `within` is what holds the sentence and the offset of its first
/// byte in the source's text ([`Article::text_around`]).
fn sentence_text(within: Option<(&str, usize)>, c: &Claim) -> String {
    let Some((text, base)) = within else {
        return String::new();
    };
    // Offsets in the source's text, as offsets in `text`.
    let at = |i: usize| i.saturating_sub(base);
    let (s, e) = (c.sentence.start(), c.sentence.end());
    let Some(sentence) = text.get(at(s)..at(e)) else {
        return String::new();
    };
    if sentence.len() <= SENTENCE_TEXT_MAX {
        return sentence.to_string();
    }
    let half = SENTENCE_TEXT_MAX / 2;
    let mut a = c.span.start().saturating_sub(half).max(s);
    while !text.is_char_boundary(at(a)) {
        a += 1;
    }
    let mut b = (c.span.end() + half).min(e);
    while !text.is_char_boundary(at(b)) {
        b -= 1;
    }
    if a > s
        && let Some(ws) = text[at(a)..at(c.span.start().max(a))].find(char::is_whitespace)
    {
        a += ws;
    }
    if b < e
        && let Some(ws) = text[at(c.span.end().min(b))..at(b)].rfind(char::is_whitespace)
    {
        b = c.span.end().min(b) + ws;
    }
    let mut out = String::with_capacity(b - a + 8);
    if a > s {
        out.push('…');
    }
    out.push_str(text[at(a)..at(b)].trim());
    if b < e {
        out.push('…');
    }
    out
}

/// A claim on the wire; `within` holds its sentence ([`Article::text_around`]).
pub fn claim_json(c: &Claim, within: Option<(&str, usize)>) -> ClaimJson {
    let precision = c.date.as_ref().map_or(DatePrecision::Day, |d| d.precision);
    let value = match c.date.as_ref().and_then(|d| d.partial.as_ref()) {
        Some(p) if c.value.lo().is_none() && c.value.hi().is_none() => IntervalJson {
            lo: Value::String(p.clone()),
            hi: Value::String(p.clone()),
        },
        _ => interval(c, &c.value, precision),
    };
    ClaimJson {
        id: c.id.to_string(),
        source: c.source.to_string(),
        span: SpanJson {
            start: c.span.start(),
            end: c.span.end(),
            line: c.span.line(),
            column: c.span.column(),
        },
        text: c.text.to_string(),
        sentence: SentenceJson {
            start: c.sentence.start(),
            end: c.sentence.end(),
            line: c.sentence.line(),
            column: c.sentence.column(),
            text: Some(sentence_text(within, c)),
        },
        kind: c.kind.to_string(),
        dimension: c.dimension.as_str().to_string(),
        value,
        bounds: interval(c, &c.bounds, DatePrecision::Day),
        unit: c.unit.to_string(),
        qualifier: c.qualifier.to_string(),
        change: c.change.as_str().to_string(),
        written: WrittenJson {
            lo: end(c, c.written().value.lo(), precision),
            hi: end(c, c.written().value.hi(), precision),
            unit: c.written().unit.to_string(),
        },
        measure: MeasureJson {
            quantity: c.measure.quantity.to_string(),
            role: c.measure.role.to_string(),
            attribution: c.measure.attribution().to_string(),
            attribution_key: c.measure.attribution_key().to_vec(),
            scope: c.measure.scope().to_vec(),
        },
        subject: SubjectJson {
            phrase: c.subject.phrase.to_string(),
            terms: c.subject.terms.to_vec(),
            head: c.subject.head.clone(),
            names: c.subject.names.to_vec(),
        },
        date: c.date.as_ref().map(|d| DateJson {
            precision: format!("{:?}", d.precision).to_lowercase(),
            resolution: d.resolution.as_str().to_string(),
            partial: d.partial.clone(),
            dateline: d.dateline,
        }),
        flags: c.flags.iter().map(|f| f.as_str().to_string()).collect(),
        equivalent: c.equivalent.as_ref().map(|e| EquivalentJson {
            text: e.text.clone(),
            span: span_json(&e.span),
            value: number_interval(&e.value),
            bounds: number_interval(&e.bounds),
            unit: e.unit.clone(),
        }),
        derived: c.derived.as_ref().map(|d| DerivedJson {
            rule: d.rule.as_str().to_string(),
            from: d.from.iter().map(Sym::to_string).collect(),
            arithmetic: d.arithmetic.clone(),
        }),
    }
}

fn span_json(s: &Span) -> SpanJson {
    SpanJson {
        start: s.start(),
        end: s.end(),
        line: s.line(),
        column: s.column(),
    }
}

/// An interval of numbers (an equivalent is never a date).
fn number_interval(iv: &Interval) -> IntervalJson {
    let end = |v: Option<f64>| v.map_or(Value::Null, num);
    IntervalJson {
        lo: end(iv.lo()),
        hi: end(iv.hi()),
    }
}

/// The `sentence` line of claim `c` of a source whose text is `text`: the whole sentence,
/// however long (it is written once, not once per claim).
pub fn sentence_line(a: &Article, c: &Claim) -> SentenceLineJson {
    SentenceLineJson {
        source: c.source.to_string(),
        start: c.sentence.start(),
        end: c.sentence.end(),
        text: a.sentence_of(c).unwrap_or_default().to_string(),
    }
}

/// An article on the wire, with where its text comes from when that was looked for.
pub fn source_json(a: &Article, origin: Option<&Origin>) -> SourceJson {
    SourceJson {
        id: a.source.id.clone(),
        path: slash_path(&a.rel_path),
        outside: a.source.outside.as_deref().map(slash_path),
        outlet: a.outlet.clone(),
        published: a.published.map(|d| d.to_string()),
        published_from: a.published_from.map(str::to_string),
        url: a.url.clone(),
        sha256: a
            .sha256
            .clone()
            .unwrap_or_else(|| sha256_hex(a.source.text.as_bytes())),
        bytes: a.source.bytes,
        claims: a.claims.len(),
        copies: origin.and_then(|o| o.copy_of.as_ref()).map(|c| CopiesJson {
            source: c.source.clone(),
            how: c.how.as_str().to_string(),
            share: (c.share * 1000.0).round() / 1000.0,
        }),
        carries: origin.map_or_else(Vec::new, |o| {
            o.carries.iter().map(|s| (*s).to_string()).collect()
        }),
    }
}

/// This program.
pub fn tool() -> ToolJson {
    ToolJson {
        name: env!("CARGO_PKG_NAME").into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }
}

/// The corpus's skipped files and errors, in that order.
pub fn problems(corpus: &Corpus) -> (Vec<ProblemJson>, Vec<ProblemJson>) {
    problem_lists(&corpus.skipped, &corpus.errors)
}

/// Skipped files and errors on the wire, in that order.
pub fn problem_lists(
    skipped: &[Skipped],
    errors: &[SourceError],
) -> (Vec<ProblemJson>, Vec<ProblemJson>) {
    let skipped = skipped
        .iter()
        .map(|s| ProblemJson {
            path: s.path.to_string_lossy().into_owned(),
            line: None,
            column: None,
            message: s.reason.clone(),
        })
        .collect();
    let errors = errors
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

/// Every source of `articles` on the wire, in order, with where its text comes from when `c`
/// looked for it (compare; `None` for extract, which reads each article alone).
pub fn sources<'a>(
    articles: &'a [Article],
    c: Option<&'a Comparison>,
) -> impl Iterator<Item = SourceJson> + 'a {
    articles
        .iter()
        .map(move |a| source_json(a, c.and_then(|c| c.origin(&a.source.id))))
}

/// Every claim of every article on the wire, in order.
pub fn claims(articles: &[Article]) -> impl Iterator<Item = ClaimJson> + '_ {
    articles
        .iter()
        .flat_map(|a| a.claims.iter().map(|c| claim_json(c, a.text_around(c))))
}

/// The extract document of a corpus. The renderers stream the same fields
/// ([`super::json`]); this builds it whole, for library users and tests.
pub fn extract_doc(corpus: &Corpus) -> ExtractDoc {
    let (skipped, errors) = problems(corpus);
    ExtractDoc {
        schema_version: SCHEMA_VERSION,
        tool: tool(),
        sources: sources(&corpus.articles, None).collect(),
        claims: claims(&corpus.articles).collect(),
        skipped,
        errors,
    }
}

fn group_json(f: &Fact, state: Option<State>) -> GroupJson {
    GroupJson {
        id: f.group.id.clone(),
        fingerprint: f.identity.fingerprint.to_string(),
        label: f.group.label.clone(),
        subject: GroupSubjectJson {
            phrase: f.subject_phrase(),
            terms: f.identity.terms.iter().map(Sym::to_string).collect(),
        },
        fact: f.group.fact.clone(),
        kind: f.kind.to_string(),
        sources: f.sources.iter().map(Sym::to_string).collect(),
        claim_ids: f.group.claim_ids.iter().map(Sym::to_string).collect(),
        verdict: f.judgement.verdict.to_string(),
        explanation: f.judgement.explanation.clone(),
        baseline_state: state.map(|s| s.as_str().to_string()),
        related: f.group.related.clone(),
    }
}

/// A group of names across sources, as the export writes it, with its baseline state when it
/// is a variant held against a baseline.
pub fn name_json(g: &NameGroup, state: Option<State>) -> NameJson {
    NameJson {
        id: g.id.clone(),
        kind: g.kind.as_str().to_string(),
        name: g.name.clone(),
        verdict: g.verdict.as_str().to_string(),
        fingerprint: crate::fingerprint::name_fingerprint(g),
        baseline_state: state.map(|s| s.as_str().to_string()),
        spellings: g
            .spellings
            .iter()
            .map(|s| NameSpellingJson {
                source: s.source.to_string(),
                text: s.text.to_string(),
                span: SpanJson {
                    start: s.span.start(),
                    end: s.span.end(),
                    line: s.span.line(),
                    column: s.span.column(),
                },
            })
            .collect(),
    }
}

/// The groups the filter keeps, with their baseline state when a baseline was read.
pub fn groups<'a>(
    c: &'a Comparison,
    filter: &'a Filter,
    held: Option<Held<'a>>,
) -> impl Iterator<Item = GroupJson> + 'a {
    c.facts
        .iter()
        .enumerate()
        .filter(|(_, f)| filter.keeps(f))
        .map(move |(i, f)| group_json(f, held.and_then(|h| h.diff.state_of(i))))
}

/// Every name two sources or more give, each variant with its baseline state when held.
pub fn names<'a>(c: &'a Comparison, held: Option<Held<'a>>) -> impl Iterator<Item = NameJson> + 'a {
    c.names
        .iter()
        .enumerate()
        .map(move |(i, g)| name_json(g, held.and_then(|h| h.diff.name_state_of(i))))
}

/// The baseline a comparison was held against.
pub fn baseline(held: Held) -> BaselineJson {
    BaselineJson {
        path: slash_path(held.path),
        new: held.diff.new_count(),
        accepted: held.diff.accepted_count(),
        stale: held.diff.stale.clone(),
        stale_names: held.diff.stale_names.clone(),
    }
}

/// Counts of the comparison's facts by verdict.
pub fn summary(c: &Comparison) -> SummaryJson {
    let s = c.summary();
    SummaryJson {
        facts: s.facts,
        agree: s.agree,
        compatible: s.compatible,
        conflict: s.conflict,
        single: s.single,
    }
}

/// The compare document: every source and claim, and the groups the filter keeps; the
/// baseline's diff when one was read. The renderers stream the same fields
/// ([`super::json`]); this builds it whole, for library users and tests.
pub fn compare_doc(c: &Comparison, filter: &Filter, held: Option<Held>) -> CompareDoc {
    let (skipped, errors) = problems(&c.corpus);
    CompareDoc {
        schema_version: SCHEMA_VERSION,
        tool: tool(),
        sources: sources(&c.corpus.articles, Some(c)).collect(),
        claims: claims(&c.corpus.articles).collect(),
        groups: groups(c, filter, held).collect(),
        names: names(c, held).collect(),
        skipped,
        errors,
        baseline: held.map(baseline),
        summary: summary(c),
    }
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
            let j = claim_json(c, Some((text, 0)));
            let sentence = &text[c.sentence.start()..c.sentence.end()];
            // The sentence alone, kept when the text was let go, gives the same excerpt.
            let alone = claim_json(c, Some((sentence, c.sentence.start())));
            assert_eq!(alone.sentence.text, j.sentence.text);
            let said = j.sentence.text.expect("the document carries the sentence");
            if excerpt {
                assert!(said.len() <= SENTENCE_TEXT_MAX + 8);
                assert!(said.starts_with('…') && said.ends_with('…'));
                assert!(said.contains("police said 4,500 officers"));
                // The span still names the whole sentence.
                assert_eq!(
                    (j.sentence.start, j.sentence.end),
                    (c.sentence.start(), c.sentence.end())
                );
            } else {
                assert_eq!(said, sentence);
            }
        }
    }
}
