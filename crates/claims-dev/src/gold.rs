//! Scoring the extractor against the hand annotation of the seed corpus (`seeds-gold.toml`).
//!
//! Recall: a gold claim of a numeric kind is *found* when a reported claim of the same kind has a
//! span overlapping one occurrence of the gold quote in the same source, and *correct* when that
//! claim also has the right value in the right canonical unit. Precision: a reported claim is
//! *matched* when it corresponds to some gold claim, or overlaps an entry of the extra
//! annotation (`seeds-extra.toml`: genuine values the gold left out) of the same kind.
//! Qualifier agreement is counted separately and never affects correctness.
//!
//! Value rules. Gold numbers are converted to the canonical unit (durations → days with a month
//! of 30.436875 and a year of 365.2425 days; distances → km; areas → ha) and compared with a
//! relative tolerance of [`VALUE_TOLERANCE`]: `exact`/`approx` against every finite end of the
//! claim's stated interval, `at_least` against its low end, `at_most` against its high end,
//! `range` against both. Gold dates ("2023-10-12", "2023-03", "2022", "a..b", or a weekday with
//! `resolved`) become their first and last day and must equal the claim's ends exactly.
// TODO(issue 10, lead): remove once this file passes clippy::float_cmp (outer-rooms branch
// added the workspace lint; this file belongs to another branch).
#![allow(clippy::float_cmp)]

use super::{close, overlaps, pct, ratio};
use claims::calendar::{Ymd, days_in_month};
use claims::claim::{Claim, Kind, Qualifier};
use claims::source::LineIndex;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

/// Relative tolerance for numeric values (gold writes "a third" as 0.3333).
pub const VALUE_TOLERANCE: f64 = 1e-3;

/// Days in a month and a year when a gold duration is converted to days.
pub const DAYS_PER_MONTH: f64 = 30.436875;
pub const DAYS_PER_YEAR: f64 = 365.2425;

/// The kinds the gold metric scores (attribution and other are not the extractor's job here).
pub const GOLD_KINDS: [Kind; 10] = [
    Kind::Count,
    Kind::Money,
    Kind::Percent,
    Kind::Fraction,
    Kind::Ordinal,
    Kind::Rank,
    Kind::Date,
    Kind::Duration,
    Kind::Distance,
    Kind::Area,
];

/// The whole gold file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    #[serde(default, rename = "claim")]
    pub claims: Vec<GoldClaim>,
    #[serde(default, rename = "group")]
    pub groups: Vec<GoldGroup>,
}

/// A number or a string: gold values are `4500`, `0.3333`, `"2023-10-12"`, `"10..99"`, ...
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum GoldValue {
    Number(f64),
    Text(String),
}

impl std::fmt::Display for GoldValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GoldValue::Number(v) => write!(f, "{v}"),
            GoldValue::Text(s) => f.write_str(s),
        }
    }
}

/// One annotated claim.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldClaim {
    pub id: String,
    pub source: String,
    pub quote: String,
    pub kind: String,
    pub subject: String,
    pub value: GoldValue,
    pub unit: String,
    pub qualifier: String,
    pub value_min: Option<GoldValue>,
    pub value_max: Option<GoldValue>,
    pub resolved: Option<String>,
    pub note: Option<String>,
}

/// One cross-source group of gold claims.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldGroup {
    pub id: String,
    pub subject: String,
    pub claims: Vec<String>,
    pub verdict: String,
    pub note: Option<String>,
}

/// A genuine value the gold left out; counts toward precision only.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extra {
    pub source: String,
    pub quote: String,
    pub kind: String,
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtraFile {
    #[serde(default)]
    extra: Vec<Extra>,
}

/// One article and what the extractor reported for it.
#[derive(Debug, Clone)]
pub struct Doc {
    pub id: String,
    pub text: String,
    pub claims: Vec<Claim>,
}

/// Parse a gold file.
pub fn parse_gold(text: &str) -> Result<Gold, String> {
    let gold: Gold = toml::from_str(text).map_err(|e| e.to_string())?;
    for c in &gold.claims {
        if c.kind != "attribution" && c.kind != "other" && Kind::parse(&c.kind).is_none() {
            return Err(format!("claim {}: unknown kind {:?}", c.id, c.kind));
        }
        if Qualifier::parse(&c.qualifier).is_none() {
            return Err(format!(
                "claim {}: unknown qualifier {:?}",
                c.id, c.qualifier
            ));
        }
    }
    Ok(gold)
}

/// Parse an extra-annotation file; every entry needs a known kind and a non-empty note.
pub fn parse_extras(text: &str) -> Result<Vec<Extra>, String> {
    let file: ExtraFile = toml::from_str(text).map_err(|e| e.to_string())?;
    for e in &file.extra {
        if Kind::parse(&e.kind).is_none() {
            return Err(format!("extra {:?}: unknown kind {:?}", e.quote, e.kind));
        }
        if e.note.trim().is_empty() {
            return Err(format!("extra {:?}: a note is required", e.quote));
        }
    }
    Ok(file.extra)
}

/// Counts for one kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindRow {
    /// Gold claims of this kind.
    pub gold: usize,
    /// Gold claims with a corresponding reported claim (same kind, overlapping the quote).
    pub found: usize,
    /// Gold claims with a corresponding claim of the right value and unit.
    pub correct: usize,
    /// Found gold claims whose (best) corresponding claim has an agreeing qualifier.
    pub qualifier_ok: usize,
    /// Reported claims of this kind.
    pub reported: usize,
    /// Reported claims that correspond to a gold claim or overlap an extra entry.
    pub matched: usize,
}

impl KindRow {
    pub fn recall(&self) -> Option<f64> {
        ratio(self.correct, self.gold)
    }

    pub fn precision(&self) -> Option<f64> {
        ratio(self.matched, self.reported)
    }

    fn add(&mut self, o: &KindRow) {
        self.gold += o.gold;
        self.found += o.found;
        self.correct += o.correct;
        self.qualifier_ok += o.qualifier_ok;
        self.reported += o.reported;
        self.matched += o.matched;
    }
}

/// A gold claim that was not reported with the right value.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub gold_id: String,
    pub source: String,
    pub kind: String,
    pub quote: String,
    /// The expected value in canonical form ("[608.7, 608.7] days", "2023-10-12..2023-10-12").
    pub expected: String,
    /// False when the quote is not in the source text (or the source was not given).
    pub quote_found: bool,
    /// Every reported claim overlapping the quote, any kind, described for people.
    pub reported: Vec<String>,
}

/// A reported claim that matches neither the gold nor the extras.
#[derive(Debug, Clone, PartialEq)]
pub struct Unmatched {
    pub source: String,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub kind: Kind,
    pub value: String,
}

/// The outcome of [`score`].
#[derive(Debug, Clone, Default)]
pub struct GoldReport {
    pub rows: BTreeMap<Kind, KindRow>,
    pub total: KindRow,
    pub misses: Vec<Miss>,
    pub unmatched: Vec<Unmatched>,
}

/// Which ends of the claim's stated interval a gold value pins down.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Ends {
    /// exact/approx number: every finite end of the claim equals it (and one end is finite).
    Point(f64),
    Lo(f64),
    Hi(f64),
    Both(f64, f64),
}

/// A gold value in the claim's terms.
#[derive(Debug, Clone, PartialEq)]
struct Expected {
    ends: Ends,
    /// Canonical unit the claim must carry; `None` for dates.
    unit: Option<String>,
    tol: f64,
    date: bool,
}

impl Expected {
    fn matches(&self, c: &Claim) -> bool {
        if let Some(u) = &self.unit
            && *u != c.unit
        {
            return false;
        }
        let eq = |want: f64, got: Option<f64>| got.is_some_and(|g| close(want, g, self.tol));
        match self.ends {
            Ends::Point(v) => {
                (c.value.lo().is_some() || c.value.hi().is_some())
                    && c.value.lo().is_none_or(|g| close(v, g, self.tol))
                    && c.value.hi().is_none_or(|g| close(v, g, self.tol))
            }
            Ends::Lo(v) => eq(v, c.value.lo()),
            Ends::Hi(v) => eq(v, c.value.hi()),
            Ends::Both(a, b) => eq(a, c.value.lo()) && eq(b, c.value.hi()),
        }
    }

    fn describe(&self) -> String {
        let f = |v: f64| {
            if self.date {
                Ymd::from_days(v.round() as i64).to_string()
            } else {
                fmt_num(v)
            }
        };
        let v = match self.ends {
            Ends::Point(v) => f(v),
            Ends::Lo(v) => format!("lo {}", f(v)),
            Ends::Hi(v) => format!("hi {}", f(v)),
            Ends::Both(a, b) if a == b => f(a),
            Ends::Both(a, b) => format!("{}..{}", f(a), f(b)),
        };
        match &self.unit {
            Some(u) if !u.is_empty() => format!("{v} {u}"),
            _ => v,
        }
    }
}

/// Factor to the canonical unit and the canonical unit's name, for a gold kind and unit.
fn canonical_unit(kind: Kind, unit: &str) -> Option<(f64, String)> {
    let u = unit.trim().to_ascii_lowercase();
    let (k, canon) = match kind {
        Kind::Duration => (
            match u.as_str() {
                "years" | "year" => DAYS_PER_YEAR,
                "months" | "month" => DAYS_PER_MONTH,
                "weeks" | "week" => 7.0,
                "days" | "day" => 1.0,
                "hours" | "hour" => 1.0 / 24.0,
                _ => return None,
            },
            "days",
        ),
        Kind::Distance => (
            match u.as_str() {
                "km" | "kilometres" | "kilometers" => 1.0,
                "miles" | "mile" | "mi" => 1.609344,
                "m" | "metres" | "meters" => 0.001,
                _ => return None,
            },
            "km",
        ),
        Kind::Area => (
            match u.as_str() {
                "ha" | "hectares" => 1.0,
                "km2" | "km²" => 100.0,
                "acres" | "acre" => 0.404_685_642_24,
                "m2" | "m²" => 1e-4,
                _ => return None,
            },
            "ha",
        ),
        _ => return Some((1.0, unit.to_string())),
    };
    Some((k, canon.to_string()))
}

fn gold_number(v: &GoldValue) -> Option<f64> {
    match v {
        GoldValue::Number(n) => Some(*n),
        GoldValue::Text(s) => s.trim().parse().ok(),
    }
}

/// "a..b" → (a, b).
fn split_range(s: &str) -> Option<(&str, &str)> {
    s.split_once("..").map(|(a, b)| (a.trim(), b.trim()))
}

/// First and last day of "2023", "2023-03" or "2023-10-12".
pub fn date_period(s: &str) -> Option<(i64, i64)> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    match parts.len() {
        1 => Some((Ymd::new(year, 1, 1)?.days(), Ymd::new(year, 12, 31)?.days())),
        2 => {
            let m: u32 = parts[1].parse().ok()?;
            Some((
                Ymd::new(year, m, 1)?.days(),
                Ymd::new(year, m, days_in_month(year, m))?.days(),
            ))
        }
        3 => {
            let d = Ymd::parse_iso(s.trim())?.days();
            Some((d, d))
        }
        _ => None,
    }
}

/// First and last day of a date or a range of dates "a..b".
fn date_span(s: &str) -> Option<(i64, i64)> {
    match split_range(s) {
        Some((a, b)) => Some((date_period(a)?.0, date_period(b)?.1)),
        None => date_period(s),
    }
}

/// What a gold claim expects of a reported claim, or why it cannot be understood.
fn expected(g: &GoldClaim) -> Result<Expected, String> {
    let kind = Kind::parse(&g.kind).ok_or_else(|| format!("unknown kind {}", g.kind))?;
    let q =
        Qualifier::parse(&g.qualifier).ok_or_else(|| format!("bad qualifier {}", g.qualifier))?;
    if kind == Kind::Date {
        let text = match (&g.resolved, &g.value) {
            (Some(r), _) => r.clone(),
            (None, GoldValue::Text(s)) => s.clone(),
            (None, GoldValue::Number(n)) => format!("{n}"),
        };
        let (lo, hi) = date_span(&text).ok_or_else(|| format!("bad date {text:?}"))?;
        let (lo, hi) = (lo as f64, hi as f64);
        let ends = match q {
            Qualifier::AtLeast | Qualifier::MoreThan => Ends::Lo(lo),
            Qualifier::AtMost | Qualifier::LessThan => Ends::Hi(hi),
            _ => Ends::Both(lo, hi),
        };
        return Ok(Expected {
            ends,
            unit: None,
            tol: 0.0,
            date: true,
        });
    }
    let (k, unit) = canonical_unit(kind, &g.unit)
        .ok_or_else(|| format!("unknown {} unit {:?}", g.kind, g.unit))?;
    let bad = || format!("bad value {}", g.value);
    let ends = if q == Qualifier::Range {
        let (a, b) = match (&g.value_min, &g.value_max) {
            (Some(a), Some(b)) => (
                gold_number(a).ok_or_else(bad)?,
                gold_number(b).ok_or_else(bad)?,
            ),
            _ => match &g.value {
                GoldValue::Text(s) => {
                    let (a, b) = split_range(s).ok_or_else(bad)?;
                    (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?)
                }
                GoldValue::Number(n) => (*n, *n),
            },
        };
        Ends::Both(a * k, b * k)
    } else {
        let v = gold_number(&g.value).ok_or_else(bad)? * k;
        match q {
            Qualifier::AtLeast | Qualifier::MoreThan => Ends::Lo(v),
            Qualifier::AtMost | Qualifier::LessThan => Ends::Hi(v),
            _ => Ends::Point(v),
        }
    };
    Ok(Expected {
        ends,
        unit: Some(unit),
        tol: VALUE_TOLERANCE,
        date: false,
    })
}

/// Gold writes "more than" as at_least; a claim's more_than/less_than agree with
/// at_least/at_most.
pub fn qualifier_agrees(gold: &str, claim: Qualifier) -> bool {
    let norm = |q: Qualifier| match q {
        Qualifier::MoreThan => Qualifier::AtLeast,
        Qualifier::LessThan => Qualifier::AtMost,
        q => q,
    };
    Qualifier::parse(gold).is_some_and(|g| norm(g) == norm(claim))
}

/// Every byte range where `quote` occurs in `text` (overlapping occurrences included).
pub fn find_all(text: &str, quote: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if quote.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(quote) {
        let s = from + i;
        out.push((s, s + quote.len()));
        from = s + text[s..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A claim's stated value for people: "[4500, ∞) people", "2023-10-12..2023-10-13".
pub fn describe_value(c: &Claim) -> String {
    let end = |v: Option<f64>, inf: &str| match v {
        None => inf.to_string(),
        Some(v) if c.kind == Kind::Date => Ymd::from_days(v.round() as i64).to_string(),
        Some(v) => fmt_num(v),
    };
    let v = if c.value.is_point() {
        end(c.value.lo(), "")
    } else if c.kind == Kind::Date {
        format!("{}..{}", end(c.value.lo(), "-∞"), end(c.value.hi(), "∞"))
    } else {
        format!("[{}, {}]", end(c.value.lo(), "-∞"), end(c.value.hi(), "∞"))
    };
    if c.unit.is_empty() || c.kind == Kind::Date {
        v
    } else {
        format!("{v} {}", c.unit)
    }
}

fn describe_claim(c: &Claim) -> String {
    format!(
        "{} {} ({}) {:?}",
        c.kind,
        describe_value(c),
        c.qualifier,
        c.text
    )
}

fn claim_overlaps(c: &Claim, occ: &[(usize, usize)]) -> bool {
    occ.iter()
        .any(|&(s, e)| overlaps(c.span.start(), c.span.end(), s, e))
}

/// Score the reported claims in `docs` against the gold and the extra annotation.
pub fn score(gold: &Gold, extras: &[Extra], docs: &[Doc]) -> GoldReport {
    let by_id: BTreeMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    // (doc index, claim index) of every reported claim that is matched.
    let mut matched: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut rows: BTreeMap<Kind, KindRow> = BTreeMap::new();
    let mut misses = Vec::new();

    for g in &gold.claims {
        let Some(kind) = Kind::parse(&g.kind).filter(|k| GOLD_KINDS.contains(k)) else {
            continue;
        };
        let row = rows.entry(kind).or_default();
        row.gold += 1;
        let doc = by_id.get(g.source.as_str()).map(|&i| (i, &docs[i]));
        let occ = doc.map_or_else(Vec::new, |(_, d)| find_all(&d.text, &g.quote));
        let exp = expected(g);
        let mut corresponding = Vec::new();
        let mut overlapping = Vec::new();
        if let Some((di, d)) = doc {
            for (ci, c) in d.claims.iter().enumerate() {
                if claim_overlaps(c, &occ) {
                    overlapping.push(c);
                    if c.kind == kind {
                        matched.insert((di, ci));
                        corresponding.push(c);
                    }
                }
            }
        }
        let correct = exp
            .as_ref()
            .ok()
            .and_then(|e| corresponding.iter().find(|c| e.matches(c)));
        if let Some(best) = correct.or(corresponding.first()) {
            row.found += 1;
            if qualifier_agrees(&g.qualifier, best.qualifier) {
                row.qualifier_ok += 1;
            }
        }
        if correct.is_some() {
            row.correct += 1;
        } else {
            let expected = match &exp {
                Ok(e) => format!("{} ({})", e.describe(), g.qualifier),
                Err(why) => format!("gold value not understood: {why}"),
            };
            misses.push(Miss {
                gold_id: g.id.clone(),
                source: g.source.clone(),
                kind: g.kind.clone(),
                quote: g.quote.clone(),
                expected,
                quote_found: !occ.is_empty(),
                reported: overlapping.iter().map(|c| describe_claim(c)).collect(),
            });
        }
    }

    for x in extras {
        let Some(kind) = Kind::parse(&x.kind) else {
            continue;
        };
        let Some(&di) = by_id.get(x.source.as_str()) else {
            continue;
        };
        let occ = find_all(&docs[di].text, &x.quote);
        for (ci, c) in docs[di].claims.iter().enumerate() {
            if c.kind == kind && claim_overlaps(c, &occ) {
                matched.insert((di, ci));
            }
        }
    }

    let mut unmatched = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        let lines = LineIndex::new(&d.text);
        for (ci, c) in d.claims.iter().enumerate() {
            let row = rows.entry(c.kind).or_default();
            row.reported += 1;
            if matched.contains(&(di, ci)) {
                row.matched += 1;
            } else {
                let (line, column) = lines.line_col(&d.text, c.span.start());
                unmatched.push(Unmatched {
                    source: d.id.clone(),
                    line,
                    column,
                    text: c.text.to_string(),
                    kind: c.kind,
                    value: describe_value(c),
                });
            }
        }
    }

    let mut total = KindRow::default();
    for r in rows.values() {
        total.add(r);
    }
    GoldReport {
        rows,
        total,
        misses,
        unmatched,
    }
}

/// Write the report as plain text: a table per kind, then (with `details`) every miss and every
/// unmatched reported claim.
pub fn render(report: &GoldReport, out: &mut dyn Write, details: bool) -> io::Result<()> {
    writeln!(
        out,
        "{:<12} {:>5} {:>5} {:>7} {:>7} {:>5} {:>8} {:>7} {:>9} {:>5}",
        "kind",
        "gold",
        "found",
        "correct",
        "recall",
        "qual",
        "reported",
        "matched",
        "precision",
        "F1"
    )?;
    let line = |out: &mut dyn Write, name: &str, r: &KindRow| -> io::Result<()> {
        let f1 = match (r.recall(), r.precision()) {
            (Some(p), Some(q)) if p + q > 0.0 => Some(2.0 * p * q / (p + q)),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        };
        writeln!(
            out,
            "{:<12} {:>5} {:>5} {:>7} {:>7} {:>5} {:>8} {:>7} {:>9} {:>5}",
            name,
            r.gold,
            r.found,
            r.correct,
            pct(r.recall()),
            r.qualifier_ok,
            r.reported,
            r.matched,
            pct(r.precision()),
            pct(f1),
        )
    };
    for (k, r) in &report.rows {
        line(out, k.as_str(), r)?;
    }
    line(out, "total", &report.total)?;
    writeln!(
        out,
        "{} misses, {} unmatched reported claims{}",
        report.misses.len(),
        report.unmatched.len(),
        if details {
            ""
        } else {
            " (--misses lists them)"
        }
    )?;
    if !details {
        return Ok(());
    }
    if !report.misses.is_empty() {
        writeln!(
            out,
            "\nmisses (gold claims without a correct reported claim):"
        )?;
    }
    for m in &report.misses {
        writeln!(
            out,
            "  {} {} {} {:?}{}",
            m.gold_id,
            m.source,
            m.kind,
            m.quote,
            if m.quote_found {
                ""
            } else {
                " [QUOTE NOT FOUND]"
            }
        )?;
        writeln!(out, "      expected {}", m.expected)?;
        if m.reported.is_empty() {
            writeln!(out, "      got nothing there")?;
        }
        for r in &m.reported {
            writeln!(out, "      got {r}")?;
        }
    }
    if !report.unmatched.is_empty() {
        writeln!(out, "\nunmatched reported claims (neither gold nor extra):")?;
    }
    for u in &report.unmatched {
        writeln!(
            out,
            "  {}:{}:{} {} {} {:?}",
            u.source, u.line, u.column, u.kind, u.value, u.text
        )?;
    }
    Ok(())
}

/// The documents to score, read exactly as `claims extract` reads them: the corpus and
/// publication dates of the claims.toml at `config` (with the dateline fallback), one [`Doc`]
/// per source. Also returns how many sources have a publication date.
pub fn load_docs(config: &std::path::Path) -> Result<(Vec<Doc>, usize), String> {
    let config = claims::config::Config::load(config).map_err(|e| e.to_string())?;
    let inputs = claims::corpus::inputs(&[], "stdin", &config).map_err(|e| e.to_string())?;
    let corpus =
        claims::corpus::load(&inputs, &config, &mut std::io::empty()).map_err(|e| e.to_string())?;
    let dated = corpus
        .articles
        .iter()
        .filter(|a| a.published.is_some())
        .count();
    let docs = corpus
        .articles
        .into_iter()
        .map(|a| Doc {
            id: a.source.id,
            text: a.source.text,
            claims: a.claims,
        })
        .collect();
    Ok((docs, dated))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_claim as claim;
    use claims::claim::Interval;

    fn gold(toml_claims: &str) -> Gold {
        parse_gold(toml_claims).expect("gold parses")
    }

    fn doc(text: &str, claims: Vec<Claim>) -> Vec<Doc> {
        vec![Doc {
            id: "s".into(),
            text: text.into(),
            claims,
        }]
    }

    const TEXT: &str = "In a 20-car motorcade, more than 4,500 officers stood by. \
        The 20-month war went on. Planning lasted more than a month. \
        It happened in March 2023 and on October 12.";

    fn one(kind: &str, quote: &str, value: &str, unit: &str, qualifier: &str) -> Gold {
        gold(&format!(
            "[[claim]]\nid = \"c1\"\nsource = \"s\"\nquote = \"{quote}\"\nkind = \"{kind}\"\n\
             subject = \"x\"\nvalue = {value}\nunit = \"{unit}\"\nqualifier = \"{qualifier}\"\n"
        ))
    }

    #[test]
    fn correct_match() {
        let g = one("count", "a 20-car motorcade", "20", "cars", "exact");
        let c = claim(TEXT, "20-car", Kind::Count, Interval::point(20.0), "cars");
        let r = score(&g, &[], &doc(TEXT, vec![c]));
        let row = r.rows[&Kind::Count];
        assert_eq!((row.gold, row.found, row.correct), (1, 1, 1));
        assert_eq!((row.reported, row.matched), (1, 1));
        assert_eq!(row.qualifier_ok, 1);
        assert!(r.misses.is_empty() && r.unmatched.is_empty());
    }

    #[test]
    fn wrong_value_is_found_but_not_correct() {
        let g = one("count", "a 20-car motorcade", "20", "cars", "exact");
        let c = claim(TEXT, "20-car", Kind::Count, Interval::point(21.0), "cars");
        let r = score(&g, &[], &doc(TEXT, vec![c]));
        let row = r.rows[&Kind::Count];
        assert_eq!((row.found, row.correct, row.matched), (1, 0, 1));
        assert_eq!(r.misses.len(), 1);
        assert_eq!(r.misses[0].reported.len(), 1);
        assert!(r.misses[0].quote_found);
    }

    #[test]
    fn wrong_unit_is_not_correct() {
        let g = one("count", "a 20-car motorcade", "20", "cars", "exact");
        let c = claim(TEXT, "20-car", Kind::Count, Interval::point(20.0), "people");
        let r = score(&g, &[], &doc(TEXT, vec![c]));
        assert_eq!(r.rows[&Kind::Count].correct, 0);
    }

    #[test]
    fn wrong_kind_neither_found_nor_matched() {
        let g = one("count", "a 20-car motorcade", "20", "cars", "exact");
        let c = claim(TEXT, "20", Kind::Number, Interval::point(20.0), "");
        let r = score(&g, &[], &doc(TEXT, vec![c]));
        assert_eq!(r.rows[&Kind::Count].found, 0);
        let num = r.rows[&Kind::Number];
        assert_eq!((num.reported, num.matched), (1, 0));
        assert_eq!(r.unmatched.len(), 1);
        assert_eq!(r.unmatched[0].kind, Kind::Number);
        // The miss still shows what was reported there.
        assert_eq!(r.misses[0].reported.len(), 1);
        assert_eq!(r.total.precision(), Some(0.0));
    }

    #[test]
    fn date_precision_month_and_day() {
        let g = one("date", "March 2023", "\"2023-03\"", "", "exact");
        let march = |lo: (u32, u32), hi: (u32, u32)| {
            Interval::new(
                Some(Ymd::new(2023, lo.0, lo.1).unwrap().days() as f64),
                Some(Ymd::new(2023, hi.0, hi.1).unwrap().days() as f64),
            )
        };
        let ok = claim(TEXT, "March 2023", Kind::Date, march((3, 1), (3, 31)), "");
        let r = score(&g, &[], &doc(TEXT, vec![ok]));
        assert_eq!(r.rows[&Kind::Date].correct, 1);
        // A single day of March is the wrong precision.
        let day = claim(TEXT, "March 2023", Kind::Date, march((3, 1), (3, 1)), "");
        let r = score(&g, &[], &doc(TEXT, vec![day]));
        assert_eq!(r.rows[&Kind::Date].correct, 0);
        assert!(r.misses[0].expected.contains("2023-03-01..2023-03-31"));
        // Year precision and ranges.
        assert_eq!(
            date_period("2022"),
            Some((
                Ymd::new(2022, 1, 1).unwrap().days(),
                Ymd::new(2022, 12, 31).unwrap().days()
            ))
        );
        assert_eq!(date_span("2023-10-12..2023-10-13"), Some((19642, 19643)));
    }

    #[test]
    fn weekday_uses_resolved() {
        let g = gold(
            "[[claim]]\nid = \"c1\"\nsource = \"s\"\nquote = \"October 12\"\nkind = \"date\"\n\
             subject = \"x\"\nvalue = \"Thursday\"\nunit = \"\"\nqualifier = \"exact\"\n\
             resolved = \"2023-10-12\"\n",
        );
        let d = Ymd::new(2023, 10, 12).unwrap().days() as f64;
        let c = claim(TEXT, "October 12", Kind::Date, Interval::point(d), "");
        let r = score(&g, &[], &doc(TEXT, vec![c]));
        assert_eq!(r.rows[&Kind::Date].correct, 1);
    }

    #[test]
    fn duration_months_to_days() {
        let g = one("duration", "20-month war", "20", "months", "exact");
        let v = Interval::point(20.0 * DAYS_PER_MONTH);
        let c = claim(TEXT, "20-month", Kind::Duration, v, "days");
        let r = score(&g, &[], &doc(TEXT, vec![c]));
        assert_eq!(r.rows[&Kind::Duration].correct, 1);
        // Still in months: wrong unit.
        let c = claim(
            TEXT,
            "20-month",
            Kind::Duration,
            Interval::point(20.0),
            "months",
        );
        let r = score(&g, &[], &doc(TEXT, vec![c]));
        assert_eq!(r.rows[&Kind::Duration].correct, 0);
    }

    #[test]
    fn at_least_compares_low_end_and_qualifier_separately() {
        let g = one(
            "count",
            "more than 4,500 officers",
            "4500",
            "people",
            "at_least",
        );
        let mut c = claim(
            TEXT,
            "more than 4,500",
            Kind::Count,
            Interval::new(Some(4500.0), None),
            "people",
        );
        c.qualifier = Qualifier::MoreThan;
        let r = score(&g, &[], &doc(TEXT, vec![c.clone()]));
        let row = r.rows[&Kind::Count];
        assert_eq!((row.correct, row.qualifier_ok), (1, 1));
        // Stated as exact 4500: the value is right, the qualifier is not.
        c.pin_written();
        c.value = Interval::point(4500.0);
        c.qualifier = Qualifier::Exact;
        let r = score(&g, &[], &doc(TEXT, vec![c.clone()]));
        let row = r.rows[&Kind::Count];
        assert_eq!((row.correct, row.qualifier_ok), (1, 0));
        // Only an upper bound: the low end is missing.
        c.value = Interval::new(None, Some(4500.0));
        let r = score(&g, &[], &doc(TEXT, vec![c]));
        assert_eq!(r.rows[&Kind::Count].correct, 0);
    }

    #[test]
    fn at_least_duration_in_days() {
        let g = one(
            "duration",
            "lasted more than a month",
            "1",
            "months",
            "at_least",
        );
        let mut c = claim(
            TEXT,
            "more than a month",
            Kind::Duration,
            Interval::new(Some(30.436875), None),
            "days",
        );
        c.qualifier = Qualifier::MoreThan;
        let r = score(&g, &[], &doc(TEXT, vec![c]));
        assert_eq!(r.rows[&Kind::Duration].correct, 1);
    }

    #[test]
    fn range_value_compares_both_ends() {
        let g = gold(
            "[[claim]]\nid = \"c1\"\nsource = \"s\"\nquote = \"20-car\"\nkind = \"count\"\n\
             subject = \"x\"\nvalue = \"10..99\"\nunit = \"cars\"\nqualifier = \"range\"\n\
             value_min = 10\nvalue_max = 99\n",
        );
        let iv = Interval::new(Some(10.0), Some(99.0));
        let c = claim(TEXT, "20-car", Kind::Count, iv, "cars");
        let r = score(&g, &[], &doc(TEXT, vec![c]));
        assert_eq!(r.rows[&Kind::Count].correct, 1);
    }

    #[test]
    fn extra_entry_counts_toward_precision_only() {
        let g = one("count", "a 20-car motorcade", "20", "cars", "exact");
        let extra = parse_extras(
            "[[extra]]\nsource = \"s\"\nquote = \"The 20-month war\"\nkind = \"duration\"\n\
             note = \"test\"\n",
        )
        .unwrap();
        let c = claim(
            TEXT,
            "20-month",
            Kind::Duration,
            Interval::point(608.7375),
            "days",
        );
        let r = score(&g, &extra, &doc(TEXT, vec![c.clone()]));
        let row = r.rows[&Kind::Duration];
        assert_eq!((row.gold, row.reported, row.matched), (0, 1, 1));
        assert!(r.unmatched.is_empty());
        assert_eq!(r.rows[&Kind::Count].correct, 0);
        // Without the extra it is unmatched.
        let r = score(&g, &[], &doc(TEXT, vec![c]));
        assert_eq!(r.unmatched.len(), 1);
        // Extras need a note.
        assert!(
            parse_extras(
                "[[extra]]\nsource = \"s\"\nquote = \"q\"\nkind = \"count\"\nnote = \"\"\n"
            )
            .is_err()
        );
    }

    #[test]
    fn missing_quote_is_flagged_and_render_works() {
        let g = one("count", "not in the text", "3", "cars", "exact");
        let r = score(&g, &[], &doc(TEXT, vec![]));
        assert!(!r.misses[0].quote_found);
        let mut out = Vec::new();
        render(&r, &mut out, true).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("QUOTE NOT FOUND"), "{s}");
        assert!(s.contains("total"));
    }

    fn manifest_path(rel: &str) -> std::path::PathBuf {
        crate::repo_root().join(rel)
    }

    #[test]
    fn real_gold_quotes_are_verbatim_in_corpus() {
        let text = std::fs::read_to_string(manifest_path("tests/eval/seeds-gold.toml")).unwrap();
        let g = parse_gold(&text).unwrap();
        assert_eq!(g.claims.len(), 106);
        assert_eq!(g.groups.len(), 20);
        let mut numeric = 0;
        for c in &g.claims {
            let path = manifest_path(&format!("corpus/{}.txt", c.source));
            let doc = std::fs::read_to_string(&path).unwrap();
            assert!(
                !find_all(&doc, &c.quote).is_empty(),
                "{}: quote {:?} not in {}",
                c.id,
                c.quote,
                path.display()
            );
            if Kind::parse(&c.kind).is_some_and(|k| GOLD_KINDS.contains(&k)) {
                numeric += 1;
                assert!(expected(c).is_ok(), "{}: {:?}", c.id, expected(c));
            }
        }
        assert_eq!(numeric, 106 - 13 - 14);
    }

    #[test]
    fn real_extras_parse_and_are_found() {
        let text = std::fs::read_to_string(manifest_path("tests/eval/seeds-extra.toml")).unwrap();
        for x in parse_extras(&text).unwrap() {
            let doc = std::fs::read_to_string(manifest_path(&format!("corpus/{}.txt", x.source)))
                .unwrap();
            assert!(!find_all(&doc, &x.quote).is_empty(), "{:?}", x.quote);
        }
    }

    #[test]
    fn real_gold_against_no_claims_scores_zero() {
        let text = std::fs::read_to_string(manifest_path("tests/eval/seeds-gold.toml")).unwrap();
        let g = parse_gold(&text).unwrap();
        let r = score(&g, &[], &[]);
        assert_eq!(r.total.gold, 79);
        assert_eq!(r.total.correct, 0);
        assert_eq!(r.misses.len(), 79);
    }
}
