//! Scoring the whole pipeline on the development set of real events (`../shared/eval/dev/`):
//! one folder per event, its articles (`<source>.txt`) and a hand-written `gold.toml` of numeric
//! claims and cross-article groups (format in that folder's README). The articles are read at
//! run time, through the same code `claims compare <files>` runs (no claims.toml: sources are
//! the file stems, publication dates come from the articles' datelines).
//!
//! **Correspondence.** A gold claim corresponds to a reported claim whose span overlaps an
//! occurrence of the gold quote in the same source; among several, the one whose value matches
//! the gold value (as written or canonical) wins, then the first by offset. A gold claim is
//! *found* when it has a correspondent and *read* when that correspondent also has the gold
//! value (and, for money, percent and measures, the gold unit): the extraction recall of the
//! dev set. A claim that states the gold quantity in another unit of the same dimension ("1.5
//! tons" read as 1,500 kg, "a half-century" as 0.5 centuries for a gold 50 years, "almost
//! half" as the fraction 0.5 for a gold 50 %) has the gold value too: the gold unit is read
//! through the extractor's own unit tables. A gold time of day ("18:04", unit "IST") is read by
//! a time-of-day claim of those minutes since midnight in that zone, or in no zone when the
//! text names none.
//!
//! **Pairwise grouping.** Over gold claims with a correspondent, a gold pair is two claims of one
//! gold group, a reported pair two claims whose correspondents share a reported group.
//! Precision = shared / reported pairs, recall = shared / gold pairs, F1 their harmonic mean.
//!
//! **Conflicts.** A gold conflict group is *found* when some reported conflict holds
//! correspondents of its claims from two sources or more and those correspondents, judged
//! alone, are a conflict. A reported conflict is *true* when it holds such a gold conflict; every
//! other reported conflict is *false*. Conflict precision = true / reported conflicts, recall =
//! found / gold conflicts.
//!
//! **Verdicts.** For each gold group, the reported group holding most of its correspondents is
//! judged; the verdict is right when it equals the gold verdict.

use super::{pct, ratio};
use claims::calendar::Ymd;
use claims::claim::{Claim, Dimension, Kind};
use claims::compare::Comparison;
use claims::lang::en::units;
use claims::verdict::{self, SourceInfo, Verdict};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A gold value: a number, or a string (ISO date, "HH:MM").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Text(String),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Number(v) => write!(f, "{v}"),
            Value::Text(s) => f.write_str(s),
        }
    }
}

/// One gold claim of the dev set.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldClaim {
    pub id: String,
    pub source: String,
    pub quote: String,
    pub kind: String,
    pub subject: String,
    pub value: Value,
    pub unit: String,
    pub qualifier: String,
    pub value_min: Option<Value>,
    pub value_max: Option<Value>,
    pub norm_value: Option<Value>,
    pub norm_unit: Option<String>,
    pub note: Option<String>,
}

/// One gold group of the dev set.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldGroup {
    pub id: String,
    pub subject: String,
    pub claims: Vec<String>,
    pub verdict: String,
    pub note: Option<String>,
}

/// One event's gold file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventGold {
    pub event: String,
    pub title: String,
    pub sources: Vec<String>,
    #[serde(default, rename = "claim")]
    pub claims: Vec<GoldClaim>,
    #[serde(default, rename = "group")]
    pub groups: Vec<GoldGroup>,
}

/// Parse an event's gold file and check that every group names claims it has.
pub fn parse_event_gold(text: &str) -> Result<EventGold, String> {
    let gold: EventGold = toml::from_str(text).map_err(|e| e.to_string())?;
    let ids: BTreeSet<&str> = gold.claims.iter().map(|c| c.id.as_str()).collect();
    for g in &gold.groups {
        if let Some(missing) = g.claims.iter().find(|id| !ids.contains(id.as_str())) {
            return Err(format!("group {}: no claim {missing}", g.id));
        }
    }
    Ok(gold)
}

/// The event folders under `dir` (those holding a gold.toml), sorted.
pub fn event_dirs(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("gold.toml").is_file())
        .collect();
    out.sort();
    if out.is_empty() {
        return Err(format!(
            "{}: no event folder with a gold.toml",
            dir.display()
        ));
    }
    Ok(out)
}

/// The articles of an event folder (`*.txt`), sorted.
pub fn articles(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    out.sort();
    Ok(out)
}

/// Run `claims compare` on these files as the command line would (no claims.toml).
pub fn compare_files(files: &[PathBuf]) -> Result<Comparison, String> {
    let config = claims::config::Config {
        root: ".".into(),
        ..claims::config::Config::default()
    };
    let inputs = claims::corpus::inputs(files, "stdin", &config).map_err(|e| e.to_string())?;
    let corpus =
        claims::corpus::load(&inputs, &config, &mut std::io::empty()).map_err(|e| e.to_string())?;
    Ok(claims::compare::compare(corpus, &config))
}

/// How the pipeline did on one gold claim.
#[derive(Debug, Clone)]
pub struct ClaimRow {
    pub gold: GoldClaim,
    /// The corresponding reported claim's id.
    pub reported: Option<String>,
    /// Its text and measure, for people ("136: people deaths \[country:indonesia\] by …").
    pub measure: String,
    /// The correspondent has the gold value (and unit where it matters).
    pub read: bool,
}

/// A gold conflict the pipeline missed, or a reported conflict that is not one.
#[derive(Debug, Clone)]
pub struct ConflictLine {
    pub id: String,
    pub subject: String,
    pub detail: String,
}

/// A gold pair split, or a reported pair that is not a gold pair.
#[derive(Debug, Clone)]
pub struct PairLine {
    pub what: &'static str,
    pub a: String,
    pub b: String,
    pub detail: String,
}

/// Scores of one event (or of several, pooled).
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub gold_claims: usize,
    pub found: usize,
    pub read: usize,
    pub gold_pairs: usize,
    pub reported_pairs: usize,
    pub shared_pairs: usize,
    pub gold_conflicts: usize,
    pub found_conflicts: usize,
    pub reported_conflicts: usize,
    pub true_conflicts: usize,
    pub gold_groups: usize,
    pub right_verdicts: usize,
}

impl Scores {
    pub fn add(&mut self, o: &Scores) {
        self.gold_claims += o.gold_claims;
        self.found += o.found;
        self.read += o.read;
        self.gold_pairs += o.gold_pairs;
        self.reported_pairs += o.reported_pairs;
        self.shared_pairs += o.shared_pairs;
        self.gold_conflicts += o.gold_conflicts;
        self.found_conflicts += o.found_conflicts;
        self.reported_conflicts += o.reported_conflicts;
        self.true_conflicts += o.true_conflicts;
        self.gold_groups += o.gold_groups;
        self.right_verdicts += o.right_verdicts;
    }

    pub fn pair_precision(&self) -> Option<f64> {
        ratio(self.shared_pairs, self.reported_pairs)
    }

    pub fn pair_recall(&self) -> Option<f64> {
        ratio(self.shared_pairs, self.gold_pairs)
    }

    pub fn pair_f1(&self) -> Option<f64> {
        f1(self.pair_precision(), self.pair_recall())
    }

    pub fn conflict_precision(&self) -> Option<f64> {
        ratio(self.true_conflicts, self.reported_conflicts)
    }

    pub fn conflict_recall(&self) -> Option<f64> {
        ratio(self.found_conflicts, self.gold_conflicts)
    }

    pub fn verdict_accuracy(&self) -> Option<f64> {
        ratio(self.right_verdicts, self.gold_groups)
    }

    pub fn extraction_recall(&self) -> Option<f64> {
        ratio(self.read, self.gold_claims)
    }
}

fn f1(p: Option<f64>, r: Option<f64>) -> Option<f64> {
    match (p, r) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        // No pair reported and none in the gold: nothing to get wrong.
        (None, None) => None,
        (None, Some(_)) => Some(0.0),
        (Some(_), None) => Some(0.0),
    }
}

/// One event's evaluation.
#[derive(Debug, Clone, Default)]
pub struct EventReport {
    pub event: String,
    /// How many events the matcher split the event's articles into (1 is right).
    pub split_into: usize,
    /// The articles of each event when there are several.
    pub events_note: String,
    /// The gold groups, for listing.
    pub groups: Vec<GoldGroup>,
    pub articles: usize,
    pub scores: Scores,
    pub claims: Vec<ClaimRow>,
    pub missed_conflicts: Vec<ConflictLine>,
    pub false_conflicts: Vec<ConflictLine>,
    pub wrong_verdicts: Vec<ConflictLine>,
    pub pairs: Vec<PairLine>,
    /// The total↔parts checks the comparison ran ([`claims::derive::total_checks`]).
    pub totals: claims::derive::TotalChecks,
    /// Each of them, for reading: source, arithmetic, outcome.
    pub total_lines: Vec<String>,
    /// Derived claims per rule ("elapsed", "total", …).
    pub derived: BTreeMap<&'static str, usize>,
}

const REL_TOL: f64 = 1e-3;

fn close(a: f64, b: f64) -> bool {
    super::close(a, b, REL_TOL)
}

/// The numbers a claim could be said to state: written and canonical ends, and its
/// parenthetical equivalent's.
fn numbers(c: &Claim) -> Vec<f64> {
    let mut v = Vec::with_capacity(6);
    for i in [c.written().value, c.value] {
        v.extend(i.lo());
        v.extend(i.hi());
    }
    if let Some(e) = &c.equivalent {
        v.extend(e.value.lo());
        v.extend(e.value.hi());
    }
    v
}

/// True when the reported claim states the gold value.
fn value_matches(g: &GoldClaim, c: &Claim) -> bool {
    let want: Vec<&Value> = [Some(&g.value), g.value_max.as_ref(), g.norm_value.as_ref()]
        .into_iter()
        .flatten()
        .collect();
    want.iter().any(|w| match w {
        Value::Number(x) => numbers(c).iter().any(|&y| close(*x, y)),
        Value::Text(s) if c.kind == Kind::TimeOfDay => clock_minutes(s).is_some_and(|m| {
            [c.value.lo(), c.value.hi()]
                .into_iter()
                .flatten()
                .any(|y| close(m, y))
        }),
        Value::Text(s) => {
            if c.kind != Kind::Date {
                return false;
            }
            let day = |d: Option<f64>| d.map(|d| Ymd::from_days(d as i64).to_string());
            [day(c.value.lo()), day(c.value.hi())]
                .into_iter()
                .flatten()
                .any(|iso| iso.starts_with(s.as_str()))
        }
    })
}

/// A gold time of day, "HH:MM", as minutes since midnight.
fn clock_minutes(s: &str) -> Option<f64> {
    let (h, m) = s.split_once(':')?;
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    Some(f64::from(h * 60 + m))
}

/// The gold unit read through the extractor's own unit tables: the dimension it measures and
/// its factor to that dimension's canonical unit ("tons" is 1,000 kg, "m2" 1e-4 ha, "weeks" 7
/// days), so a claim that read the same quantity in another spelling or unit corresponds.
fn gold_unit(gu: &str) -> Option<(Dimension, f64)> {
    let low = gu.to_lowercase();
    if let Some((_, days)) = units::time_unit(&low) {
        return Some((Dimension::Duration, days));
    }
    if let Some(u) = units::phys_unit(&low, true) {
        return Some((u.dim, u.factor));
    }
    let base = low.strip_suffix('2').or_else(|| low.strip_suffix('²'))?;
    units::square_unit(base).map(|u| (u.dim, u.factor))
}

/// True when the claim states the gold quantity in its canonical unit (see [`gold_unit`]), or
/// a gold percentage as a fraction ("almost half" is 50 %).
fn same_quantity(g: &GoldClaim, c: &Claim) -> bool {
    let Value::Number(x) = g.value else {
        return false;
    };
    let (want, dim) = match gold_unit(&g.unit) {
        Some((dim, factor)) => (x * factor, dim),
        None if g.kind == "percent" && g.unit == "%" => (x / 100.0, Dimension::Fraction),
        None => return false,
    };
    c.dimension == dim
        && [c.value.lo(), c.value.hi()]
            .into_iter()
            .flatten()
            .any(|y| close(want, y))
}

/// Gold unit spellings that name a claim's written unit in other words: a multiple ("about
/// four times") is annotated "x".
const UNIT_ALIASES: &[(&str, &str)] = &[("x", "times")];

/// True when the reported claim has the gold unit where the unit decides what the value means
/// (currencies, percent, physical measures); counts may name what they count in any words.
fn unit_matches(g: &GoldClaim, c: &Claim) -> bool {
    let gu = g.unit.as_str();
    // A time of day the text gives without a zone: the gold's zone is the annotators'
    // convention for the event ("times of day are IST"), not a word the claim could read.
    if c.kind == Kind::TimeOfDay && c.unit.is_empty() {
        return true;
    }
    match g.kind.as_str() {
        "count" | "date" | "ordinal" => true,
        "money" => c.unit == gu || c.equivalent.as_ref().is_some_and(|e| e.unit == gu),
        "percent" => matches!(c.unit.as_str(), "%") || gu.starts_with("percentage"),
        _ => {
            gu.is_empty()
                || c.written().unit == gu
                || c.unit == gu
                || g.norm_unit.as_deref() == Some(c.unit.as_str())
                || c.written().unit.trim_end_matches('s') == gu.trim_end_matches('s')
                || UNIT_ALIASES.contains(&(gu, c.written().unit.as_str()))
                || gold_unit(gu).is_some_and(|(dim, _)| dim == c.dimension)
        }
    }
}

/// Every occurrence of `quote` in `text`.
fn occurrences(text: &str, quote: &str) -> Vec<(usize, usize)> {
    super::gold::find_all(text, quote)
}

/// The reported claim a gold claim corresponds to, and whether it reads the gold value.
fn correspond<'a>(g: &GoldClaim, text: &str, claims: &'a [Claim]) -> Option<(&'a Claim, bool)> {
    let occ = occurrences(text, &g.quote);
    // Derived claims are not extractions: a gold claim corresponds to a stated one.
    let over: Vec<&Claim> = claims
        .iter()
        .filter(|c| c.derived.is_none())
        .filter(|c| {
            occ.iter()
                .any(|&(s, e)| super::overlaps(c.span.start(), c.span.end(), s, e))
        })
        .collect();
    let ok = |c: &&&Claim| (value_matches(g, c) && unit_matches(g, c)) || same_quantity(g, c);
    if let Some(c) = over.iter().find(ok) {
        return Some((c, true));
    }
    if let Some(c) = over.iter().find(|c| value_matches(g, c)) {
        return Some((c, false));
    }
    over.first().map(|c| (*c, false))
}

/// One line per total↔parts check among `claims`: its source, arithmetic and outcome.
fn total_lines(claims: &[&Claim]) -> Vec<String> {
    let by_id: BTreeMap<&str, &Claim> = claims.iter().map(|c| (c.id.as_str(), *c)).collect();
    let mut out = Vec::new();
    for c in claims {
        let Some(d) = c
            .derived
            .as_ref()
            .filter(|d| d.rule == claims::claim::Rule::Total)
        else {
            continue;
        };
        let Some(total) = d.from.first().and_then(|id| by_id.get(id.as_str())) else {
            continue;
        };
        let outcome = if c.bounds.overlaps(&total.bounds) {
            "adds up"
        } else {
            "does not add up"
        };
        let place = if c.span.end() > total.sentence.end() {
            "later sentences"
        } else {
            "its sentence"
        };
        out.push(format!(
            "{}: {} (parts in {place}): {outcome}",
            c.source, d.arithmetic
        ));
    }
    out
}

/// Evaluate one event folder.
pub fn evaluate_event(dir: &Path) -> Result<EventReport, String> {
    let gold_path = dir.join("gold.toml");
    let text =
        std::fs::read_to_string(&gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let gold = parse_event_gold(&text).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let files = articles(dir)?;
    let comparison = compare_files(&files)?;
    let mut report = score_event(&gold, &comparison, files.len());
    let claims: Vec<&Claim> = comparison
        .corpus
        .articles
        .iter()
        .flat_map(|a| &a.claims)
        .collect();
    report.totals = claims::derive::total_checks(&claims);
    report.total_lines = total_lines(&claims);
    for c in &claims {
        if let Some(d) = &c.derived {
            *report.derived.entry(d.rule.as_str()).or_default() += 1;
        }
    }
    let events = claims::matching::events_of(&claims, &claims::matching::Settings::default(), &[]);
    report.split_into = events.values().collect::<BTreeSet<_>>().len();
    if report.split_into > 1 {
        let mut by: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
        for (src, e) in &events {
            by.entry(*e).or_default().push(src);
        }
        report.events_note = by
            .values()
            .map(|v| v.join(" "))
            .collect::<Vec<_>>()
            .join(" | ");
    }
    Ok(report)
}

/// Score a comparison of an event's articles against its gold.
pub fn score_event(gold: &EventGold, cmp: &Comparison, n_articles: usize) -> EventReport {
    let mut report = EventReport {
        event: gold.event.clone(),
        groups: gold.groups.clone(),
        articles: n_articles,
        ..EventReport::default()
    };
    // Gold claim id → reported claim.
    let mut corr: BTreeMap<&str, &Claim> = BTreeMap::new();
    for g in &gold.claims {
        let hit = cmp
            .article(&g.source)
            .and_then(|a| correspond(g, &a.source.text, &a.claims));
        if let Some((c, _)) = hit {
            corr.insert(g.id.as_str(), c);
        }
        report.claims.push(ClaimRow {
            gold: g.clone(),
            reported: hit.map(|(c, _)| c.id.to_string()),
            measure: hit.map_or_else(String::new, |(c, _)| describe_measure(c)),
            read: hit.is_some_and(|(_, read)| read),
        });
    }
    let s = &mut report.scores;
    s.gold_claims = gold.claims.len();
    s.found = report
        .claims
        .iter()
        .filter(|r| r.reported.is_some())
        .count();
    s.read = report.claims.iter().filter(|r| r.read).count();

    // Reported claim id → fact index.
    let mut fact_of: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, f) in cmp.facts.iter().enumerate() {
        for id in &f.group.claim_ids {
            fact_of.insert(id.as_str(), i);
        }
    }
    let mut gold_group_of: BTreeMap<&str, &GoldGroup> = BTreeMap::new();
    for g in &gold.groups {
        for id in &g.claims {
            gold_group_of.insert(id.as_str(), g);
        }
    }
    let all: Vec<&Claim> = cmp.corpus.articles.iter().flat_map(|a| &a.claims).collect();
    score_pairs(gold, &corr, &fact_of, &gold_group_of, &all, &mut report);
    score_conflicts(gold, cmp, &corr, &mut report);
    score_verdicts(gold, cmp, &corr, &fact_of, &mut report);
    report
}

/// A claim's value and measure on one line.
pub fn describe_measure(c: &Claim) -> String {
    let m = &c.measure;
    format!(
        "{:?} {}/{}{}{}",
        c.text,
        m.quantity,
        if m.role.is_empty() { "-" } else { &m.role },
        if m.scope().is_empty() {
            String::new()
        } else {
            format!(" [{}]", m.scope().join(" "))
        },
        if m.attribution().is_empty() {
            String::new()
        } else {
            format!(
                " by {:?} {{{}}}",
                m.attribution(),
                m.attribution_key().join(" ")
            )
        }
    )
}

fn describe(id: &str, corr: &BTreeMap<&str, &Claim>) -> String {
    match corr.get(id) {
        Some(c) => format!("{id}={} {:?}", c.id, c.text),
        None => id.to_string(),
    }
}

fn score_pairs(
    gold: &EventGold,
    corr: &BTreeMap<&str, &Claim>,
    fact_of: &BTreeMap<&str, usize>,
    gold_group_of: &BTreeMap<&str, &GoldGroup>,
    all: &[&Claim],
    report: &mut EventReport,
) {
    let ids: Vec<&str> = gold
        .claims
        .iter()
        .map(|c| c.id.as_str())
        .filter(|id| corr.contains_key(id))
        .collect();
    for (x, &a) in ids.iter().enumerate() {
        for &b in &ids[x + 1..] {
            let (ca, cb) = (corr[a], corr[b]);
            if ca.id == cb.id {
                continue;
            }
            let same_gold = matches!((gold_group_of.get(a), gold_group_of.get(b)),
                (Some(p), Some(q)) if p.id == q.id);
            let same_reported = fact_of.get(ca.id.as_str()) == fact_of.get(cb.id.as_str());
            let s = &mut report.scores;
            s.gold_pairs += usize::from(same_gold);
            s.reported_pairs += usize::from(same_reported);
            s.shared_pairs += usize::from(same_gold && same_reported);
            let what = match (same_gold, same_reported) {
                (true, false) => "split",
                (false, true) => "merged",
                _ => continue,
            };
            let gid = |id: &str| gold_group_of.get(id).map_or("-", |g| g.id.as_str());
            let mut detail = format!("gold {} / {}", gid(a), gid(b));
            if what == "split" {
                let settings = claims::matching::Settings::default();
                let why = claims::matching::why_apart(all, &ca.id, &cb.id, &settings, &[]);
                detail.push_str(&format!(": {why}"));
            }
            report.pairs.push(PairLine {
                what,
                a: describe(a, corr),
                b: describe(b, corr),
                detail,
            });
        }
    }
}

/// The correspondents of a gold group's claims inside one reported fact, when they come from
/// two sources or more. A claim restating a correspondent (the same source, kind and value as
/// written: a title or subheading repeating the body) stands for it too.
fn inside<'a>(
    g: &GoldGroup,
    members: &BTreeSet<&str>,
    corr: &BTreeMap<&str, &'a Claim>,
    cmp: &'a Comparison,
) -> Option<Vec<&'a Claim>> {
    let restates = |c: &Claim, m: &Claim| {
        m.source == c.source && m.kind == c.kind && m.written() == c.written() && m.unit == c.unit
    };
    let mut found: Vec<&Claim> = g
        .claims
        .iter()
        .filter_map(|id| corr.get(id.as_str()).copied())
        .filter_map(|c| {
            if members.contains(c.id.as_str()) {
                return Some(c);
            }
            members
                .iter()
                .filter_map(|id| cmp.claim(id).map(|(_, m)| m))
                .find(|m| restates(c, m))
        })
        .collect();
    found.sort_by(|a, b| a.id.cmp(&b.id));
    found.dedup_by(|a, b| a.id == b.id);
    let sources: BTreeSet<&str> = found.iter().map(|c| c.source.as_str()).collect();
    (sources.len() >= 2).then_some(found)
}

fn source_info(cmp: &Comparison) -> impl Fn(&str) -> SourceInfo + '_ {
    move |id: &str| SourceInfo {
        name: cmp.source_name(id),
        published: cmp.article(id).and_then(|a| a.published),
    }
}

fn score_conflicts(
    gold: &EventGold,
    cmp: &Comparison,
    corr: &BTreeMap<&str, &Claim>,
    report: &mut EventReport,
) {
    let info = source_info(cmp);
    let gold_conflicts: Vec<&GoldGroup> = gold
        .groups
        .iter()
        .filter(|g| g.verdict == "conflict")
        .collect();
    let reported: Vec<&claims::compare::Fact> = cmp
        .facts
        .iter()
        .filter(|f| f.judgement.verdict == Verdict::Conflict)
        .collect();
    let mut found: BTreeSet<&str> = BTreeSet::new();
    let mut true_facts = 0;
    for f in &reported {
        let members: BTreeSet<&str> = f.group.claim_ids.iter().map(|id| id.as_str()).collect();
        let mut is_true = false;
        for g in &gold_conflicts {
            if let Some(claims) = inside(g, &members, corr, cmp)
                && verdict::judge(&claims, &info).verdict == Verdict::Conflict
            {
                found.insert(g.id.as_str());
                is_true = true;
            }
        }
        if is_true {
            true_facts += 1;
        } else {
            report.false_conflicts.push(ConflictLine {
                id: f.group.id.clone(),
                subject: f.group.label.clone(),
                detail: f.judgement.explanation.clone(),
            });
        }
    }
    for g in &gold_conflicts {
        if found.contains(g.id.as_str()) {
            continue;
        }
        let lost: Vec<&str> = g
            .claims
            .iter()
            .filter(|id| !corr.contains_key(id.as_str()))
            .map(String::as_str)
            .collect();
        let detail = if lost.is_empty() {
            "every claim extracted; not grouped as a conflict".to_string()
        } else {
            format!("not extracted: {}", lost.join(", "))
        };
        report.missed_conflicts.push(ConflictLine {
            id: g.id.clone(),
            subject: g.subject.clone(),
            detail,
        });
    }
    let s = &mut report.scores;
    s.gold_conflicts = gold_conflicts.len();
    s.found_conflicts = found.len();
    s.reported_conflicts = reported.len();
    s.true_conflicts = true_facts;
}

fn score_verdicts(
    gold: &EventGold,
    cmp: &Comparison,
    corr: &BTreeMap<&str, &Claim>,
    fact_of: &BTreeMap<&str, usize>,
    report: &mut EventReport,
) {
    for g in &gold.groups {
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for id in &g.claims {
            if let Some(c) = corr.get(id.as_str())
                && let Some(&fi) = fact_of.get(c.id.as_str())
            {
                *counts.entry(fi).or_default() += 1;
            }
        }
        let best = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(&fi, _)| fi);
        let got = best.map(|fi| &cmp.facts[fi]);
        let ok = got.is_some_and(|f| f.judgement.verdict.as_str() == g.verdict);
        report.scores.gold_groups += 1;
        report.scores.right_verdicts += usize::from(ok);
        if !ok {
            report.wrong_verdicts.push(ConflictLine {
                id: g.id.clone(),
                subject: g.subject.clone(),
                detail: match got {
                    Some(f) => format!(
                        "expected {}, got {} ({}): {}",
                        g.verdict,
                        f.judgement.verdict.as_str(),
                        f.group.id,
                        f.judgement.explanation
                    ),
                    None => format!("expected {}, no claim extracted", g.verdict),
                },
            });
        }
    }
}

/// What `render` lists besides the scores.
#[derive(Debug, Clone, Copy, Default)]
pub struct Detail {
    /// Missed and false conflicts (always useful; on by default in `claims-eval`).
    pub conflicts: bool,
    /// Wrong verdicts and pair misses.
    pub pairs: bool,
    /// Gold claims not found or not read.
    pub claims: bool,
    /// Every gold group with the measure of each of its claims' correspondents.
    pub measures: bool,
}

fn row(out: &mut dyn Write, name: &str, articles: usize, s: &Scores) -> io::Result<()> {
    writeln!(
        out,
        "{name:<28} {articles:>3} {:>4} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>2}/{:<2} {:>6}  {:>2}/{:<2} {:>6}  {:>6}",
        s.gold_claims,
        pct(ratio(s.found, s.gold_claims)),
        pct(s.extraction_recall()),
        pct(s.pair_precision()),
        pct(s.pair_recall()),
        pct(s.pair_f1()),
        s.found_conflicts,
        s.gold_conflicts,
        pct(s.conflict_recall()),
        s.true_conflicts,
        s.reported_conflicts,
        pct(s.conflict_precision()),
        pct(s.verdict_accuracy()),
    )
}

/// Write the scores per event and pooled, then the lists `detail` asks for.
pub fn render(reports: &[EventReport], out: &mut dyn Write, detail: Detail) -> io::Result<()> {
    writeln!(
        out,
        "{:<28} {:>3} {:>4} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>12}  {:>12}  {:>6}",
        "event",
        "art",
        "gold",
        "found",
        "read",
        "pairP",
        "pairR",
        "pairF1",
        "confl. found",
        "confl. true",
        "verd."
    )?;
    let mut pooled = Scores::default();
    let mut articles = 0;
    for r in reports {
        row(out, &r.event, r.articles, &r.scores)?;
        pooled.add(&r.scores);
        articles += r.articles;
    }
    row(out, "pooled", articles, &pooled)?;
    writeln!(
        out,
        "pooled: conflict precision {} recall {}; pairwise F1 {} (worst event {}); verdicts {}; extraction recall {}",
        pct(pooled.conflict_precision()),
        pct(pooled.conflict_recall()),
        pct(pooled.pair_f1()),
        pct(reports
            .iter()
            .filter_map(|r| r.scores.pair_f1())
            .min_by(f64::total_cmp)),
        pct(pooled.verdict_accuracy()),
        pct(pooled.extraction_recall()),
    )?;
    let mut totals = claims::derive::TotalChecks::default();
    let mut derived: BTreeMap<&str, usize> = BTreeMap::new();
    for r in reports {
        totals.checks += r.totals.checks;
        totals.parts += r.totals.parts;
        totals.add_up += r.totals.add_up;
        totals.do_not += r.totals.do_not;
        totals.across += r.totals.across;
        for (k, v) in &r.derived {
            *derived.entry(k).or_default() += v;
        }
    }
    writeln!(
        out,
        "totals vs parts: {} checks ({} parts listed, {} in later sentences): {} add up, {} do \
         not; derived claims: {}",
        totals.checks,
        totals.parts,
        totals.across,
        totals.add_up,
        totals.do_not,
        if derived.is_empty() {
            "none".to_string()
        } else {
            derived
                .iter()
                .map(|(k, v)| format!("{v} {k}"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    )?;
    for r in reports {
        if r.totals.checks > 0 {
            writeln!(
                out,
                "  {}: {} checks, {} add up, {} do not",
                r.event, r.totals.checks, r.totals.add_up, r.totals.do_not
            )?;
            for line in &r.total_lines {
                writeln!(out, "    {line}")?;
            }
        }
        render_lists(r, out, detail)?;
    }
    Ok(())
}

fn render_lists(r: &EventReport, out: &mut dyn Write, detail: Detail) -> io::Result<()> {
    let section = |out: &mut dyn Write, title: &str, lines: &[ConflictLine]| {
        if lines.is_empty() {
            return Ok(());
        }
        writeln!(out, "\n{} — {title}:", r.event)?;
        for l in lines {
            writeln!(out, "  {:<5} {}: {}", l.id, l.subject, l.detail)?;
        }
        Ok::<(), io::Error>(())
    };
    if r.split_into > 1 {
        writeln!(
            out,
            "\n{} — split into {} events: {}",
            r.event, r.split_into, r.events_note
        )?;
    }
    if detail.conflicts {
        section(out, "missed conflicts", &r.missed_conflicts)?;
        section(out, "false conflicts", &r.false_conflicts)?;
    }
    if detail.pairs {
        section(out, "wrong verdicts", &r.wrong_verdicts)?;
        if !r.pairs.is_empty() {
            writeln!(out, "\n{} — pair misses:", r.event)?;
            for p in &r.pairs {
                writeln!(out, "  {:<7} {} | {}  ({})", p.what, p.a, p.b, p.detail)?;
            }
        }
    }
    if detail.measures {
        writeln!(out, "\n{} — measures of the gold groups:", r.event)?;
        let row_of: BTreeMap<&str, &ClaimRow> =
            r.claims.iter().map(|c| (c.gold.id.as_str(), c)).collect();
        for g in &r.groups {
            writeln!(out, "  {} [{}] {}", g.id, g.verdict, g.subject)?;
            for id in &g.claims {
                let row = row_of.get(id.as_str());
                writeln!(
                    out,
                    "    {:<24} {:<28} {}",
                    id,
                    row.and_then(|r| r.reported.as_deref()).unwrap_or("-"),
                    row.map_or("", |r| r.measure.as_str())
                )?;
            }
        }
    }
    if detail.claims {
        let missed: Vec<&ClaimRow> = r.claims.iter().filter(|c| !c.read).collect();
        if !missed.is_empty() {
            writeln!(out, "\n{} — gold claims not read:", r.event)?;
        }
        for c in missed {
            writeln!(
                out,
                "  {:<18} {:<8} {:>12} {:<8} {:?}{}",
                c.gold.id,
                c.gold.kind,
                c.gold.value.to_string(),
                c.gold.unit,
                c.gold.quote,
                match &c.reported {
                    Some(id) => format!("  (overlapped by {id}, other value or unit)"),
                    None => "  (no claim)".to_string(),
                }
            )?;
        }
    }
    Ok(())
}

/// How articles compared two at a time do: within an event, the gold facts each pair shares
/// and how many of them the pair's comparison finds; across events, facts that join articles
/// of two events (there should be none).
#[derive(Debug, Clone, Default)]
pub struct AloneReport {
    pub events: Vec<AloneEvent>,
    /// Pairs of articles of two events compared, and facts that joined them.
    pub cross_pairs: usize,
    pub cross_facts: Vec<String>,
}

/// One event's articles compared two at a time.
#[derive(Debug, Clone, Default)]
pub struct AloneEvent {
    pub event: String,
    /// Pairs of its articles compared.
    pub pairs: usize,
    /// Gold facts shared by a pair, counted once per pair.
    pub shared: usize,
    /// Of them, found by the pair's own comparison.
    pub found: usize,
    /// Of them, found by the comparison of all the event's articles together: what the pairs
    /// are measured against.
    pub found_whole: usize,
    /// The facts a pair's own comparison misses and the whole event's finds: "a + b: gold
    /// group (subject)".
    pub lost: Vec<String>,
}

/// A comparison scored against the gold, indexed for asking which reported fact each gold
/// claim landed in: built once per comparison, asked once per shared gold fact.
struct Landing<'r> {
    /// Gold claim id → its row (which reported claim read it).
    row_of: BTreeMap<&'r str, &'r ClaimRow>,
    /// Reported claim id → the fact (group id) it is in.
    fact_of: BTreeMap<&'r str, &'r str>,
}

impl<'r> Landing<'r> {
    /// `cmp` and `r`, its score against the gold.
    fn new(r: &'r EventReport, cmp: &'r Comparison) -> Self {
        Landing {
            row_of: r.claims.iter().map(|c| (c.gold.id.as_str(), c)).collect(),
            fact_of: cmp
                .facts
                .iter()
                .flat_map(|f| {
                    f.group
                        .claim_ids
                        .iter()
                        .map(move |id| (id.as_str(), f.group.id.as_str()))
                })
                .collect(),
        }
    }

    /// Whether the gold group `g` has a claim of source `sa` and one of `sb` that share one
    /// reported fact.
    fn meets(&self, g: &GoldGroup, (sa, sb): (&Option<String>, &Option<String>)) -> bool {
        let facts_of = |src: &Option<String>| -> BTreeSet<&str> {
            g.claims
                .iter()
                .filter_map(|id| self.row_of.get(id.as_str()))
                .filter(|row| Some(&row.gold.source) == src.as_ref())
                .filter_map(|row| row.reported.as_deref())
                .filter_map(|id| self.fact_of.get(id).copied())
                .collect()
        };
        facts_of(sa).intersection(&facts_of(sb)).next().is_some()
    }
}

/// Compare every pair of articles of each event alone, and every pair of articles of two
/// different events.
pub fn evaluate_alone(dirs: &[PathBuf]) -> Result<AloneReport, String> {
    let mut report = AloneReport::default();
    let mut all: Vec<(String, PathBuf)> = Vec::new();
    for dir in dirs {
        let gold_path = dir.join("gold.toml");
        let text = std::fs::read_to_string(&gold_path)
            .map_err(|e| format!("{}: {e}", gold_path.display()))?;
        let gold = parse_event_gold(&text).map_err(|e| format!("{}: {e}", gold_path.display()))?;
        let files = articles(dir)?;
        let whole = compare_files(&files)?;
        let whole_report = score_event(&gold, &whole, files.len());
        let whole_landing = Landing::new(&whole_report, &whole);
        let mut row = AloneEvent {
            event: gold.event.clone(),
            ..AloneEvent::default()
        };
        for (x, a) in files.iter().enumerate() {
            for b in &files[x + 1..] {
                let cmp = compare_files(&[a.clone(), b.clone()])?;
                let r = score_event(&gold, &cmp, 2);
                let landing = Landing::new(&r, &cmp);
                let stem = |p: &Path| p.file_stem().map(|s| s.to_string_lossy().to_string());
                let (sa, sb) = (stem(a), stem(b));
                let sources = |g: &GoldGroup| -> BTreeSet<String> {
                    g.claims
                        .iter()
                        .filter_map(|id| gold.claims.iter().find(|c| &c.id == id))
                        .map(|c| c.source.clone())
                        .collect()
                };
                let both = |set: &BTreeSet<String>| {
                    sa.as_ref().is_some_and(|s| set.contains(s))
                        && sb.as_ref().is_some_and(|s| set.contains(s))
                };
                for g in gold.groups.iter().filter(|g| both(&sources(g))) {
                    row.shared += 1;
                    // Found: two of its claims, one from each article, share a reported fact.
                    let alone = landing.meets(g, (&sa, &sb));
                    let together = whole_landing.meets(g, (&sa, &sb));
                    row.found += usize::from(alone);
                    row.found_whole += usize::from(together);
                    if together && !alone {
                        row.lost.push(format!(
                            "{} + {}: {} ({})",
                            sa.as_deref().unwrap_or("?"),
                            sb.as_deref().unwrap_or("?"),
                            g.id,
                            g.subject
                        ));
                    }
                }
                row.pairs += 1;
            }
        }
        report.events.push(row);
        for f in &files {
            all.push((gold.event.clone(), f.clone()));
        }
    }
    for (x, (ea, a)) in all.iter().enumerate() {
        for (eb, b) in &all[x + 1..] {
            if ea == eb {
                continue;
            }
            let cmp = compare_files(&[a.clone(), b.clone()])?;
            report.cross_pairs += 1;
            for f in cmp.facts.iter().filter(|f| f.sources.len() > 1) {
                report.cross_facts.push(format!(
                    "{} + {}: {} ({})",
                    a.display(),
                    b.display(),
                    f.group.label,
                    f.judgement.explanation
                ));
            }
        }
    }
    Ok(report)
}

/// Write the pairs-alone report.
pub fn render_alone(r: &AloneReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "articles compared two at a time:")?;
    let (mut shared, mut found, mut whole) = (0, 0, 0);
    for e in &r.events {
        writeln!(
            out,
            "  {:<28} {:>3} pairs: {}/{} shared gold facts found ({}); {} ({}) when all the \
             event's articles are compared together",
            e.event,
            e.pairs,
            e.found,
            e.shared,
            pct(ratio(e.found, e.shared)),
            e.found_whole,
            pct(ratio(e.found_whole, e.shared)),
        )?;
        for lost in &e.lost {
            writeln!(out, "    lost alone: {lost}")?;
        }
        shared += e.shared;
        found += e.found;
        whole += e.found_whole;
    }
    writeln!(
        out,
        "  pooled: {found}/{shared} ({}), {whole} ({}) together; across events: {} pairs, {} \
         facts joining two events",
        pct(ratio(found, shared)),
        pct(ratio(whole, shared)),
        r.cross_pairs,
        r.cross_facts.len()
    )?;
    for f in &r.cross_facts {
        writeln!(out, "    {f}")?;
    }
    Ok(())
}
