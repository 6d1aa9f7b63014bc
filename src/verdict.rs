//! Group → verdict and a one-line explanation, by interval arithmetic on the claims' `bounds`.
//!
//! For the claims of one group:
//!
//! - **single**: fewer than two sources state it;
//! - **conflict**: two claims from different sources have disjoint comparison intervals
//!   ("largest investor" rank 1 vs "second-largest" rank 2);
//! - **agree**: every claim states the same value with the same qualifier ("20th" ×4);
//! - **compatible**: otherwise — the values differ in precision but every cross-source pair of
//!   intervals overlaps ("more than 4,000" vs "4,500"; "October 12" vs "October 12-13").
//!
//! Dates compare as intervals of days. Money compares in one currency: the group's most common
//! one, through a claim's parenthetical equivalent when it is stated in another. The explanation
//! names each source (its outlet when known, else its id) with the values as written; for a
//! conflict it says which side lies below the other and, when the two sources were published on
//! different dates, which is later (the figure may have been updated since).

use crate::calendar::Ymd;
use crate::claim::{Claim, Dimension, Flag, Interval, Kind, Qualifier};
use std::collections::BTreeMap;
use std::fmt;

/// What the sources say about one fact, taken together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// Every claim states the same value.
    Agree,
    /// The values differ in precision but all cross-source intervals overlap.
    Compatible,
    /// Two sources state values whose intervals are disjoint.
    Conflict,
    /// Only one source states it.
    Single,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Compatible => "compatible",
            Verdict::Conflict => "conflict",
            Verdict::Single => "single",
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        [
            Verdict::Agree,
            Verdict::Compatible,
            Verdict::Conflict,
            Verdict::Single,
        ]
        .into_iter()
        .find(|v| v.as_str() == s)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the verdict needs to know about a source.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceInfo {
    /// How to name the source to a person: its outlet when known, else its id.
    pub name: String,
    /// Publication date, when known.
    pub published: Option<Ymd>,
}

/// A verdict with the sentence that justifies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub verdict: Verdict,
    /// One line naming the sources and their values as written.
    pub explanation: String,
}

/// The interval a claim is compared by, in currency `currency` for money (through the
/// parenthetical equivalent when the claim is in another currency).
/// A vague magnitude ("thousands") says only at least so many: its upper end is open.
fn comparison(c: &Claim, currency: &str) -> Interval {
    let bounds = if c.dimension == Dimension::Money
        && c.unit != currency
        && let Some(e) = &c.equivalent
        && e.unit == currency
    {
        e.bounds
    } else {
        c.bounds
    };
    if c.flags.contains(&Flag::Vague) {
        Interval::new(bounds.lo(), None)
    } else {
        bounds
    }
}

/// True when a claim states its value in `currency`, itself or through its parenthetical
/// equivalent.
fn states_in(c: &Claim, currency: &str) -> bool {
    c.unit == currency || c.equivalent.as_ref().is_some_and(|e| e.unit == currency)
}

/// The currency two claims are compared in: `preferred` (the group's) when both state it, else
/// the first claim's own, else its equivalent's; `None` when two money claims share no
/// currency ("₹615 crore" and "$75 million": the articles give no rate between them). Other
/// dimensions always compare (in their own unit: the empty string here).
fn pair_currency<'a>(a: &'a Claim, b: &Claim, preferred: &'a str) -> Option<&'a str> {
    // Times of day in two zones the text names ("08:30 GMT", "2 pm IST") are not compared;
    // a time without a zone is read in the other's.
    if a.dimension == Dimension::TimeOfDay {
        let one_zone = a.unit.is_empty() || b.unit.is_empty() || a.unit == b.unit;
        return one_zone.then_some("");
    }
    if a.dimension != Dimension::Money {
        return Some("");
    }
    let own =
        std::iter::once(a.unit.as_str()).chain(a.equivalent.as_ref().map(|e| e.unit.as_str()));
    std::iter::once(preferred)
        .chain(own)
        .find(|cur| !cur.is_empty() && states_in(a, cur) && states_in(b, cur))
}

/// The currency a claim is shown in: the group's when it can be, else its own.
fn shown_in<'a>(c: &'a Claim, reference: &'a str) -> &'a str {
    if c.dimension == Dimension::Money && !states_in(c, reference) {
        &c.unit
    } else {
        reference
    }
}

/// The currency most claims of the group can be compared in (ties: alphabetical).
fn reference_currency(claims: &[&Claim]) -> String {
    let mut n: BTreeMap<&str, usize> = BTreeMap::new();
    for c in claims {
        *n.entry(c.unit.as_str()).or_default() += 1;
        if let Some(e) = &c.equivalent
            && e.unit != c.unit
        {
            *n.entry(e.unit.as_str()).or_default() += 1;
        }
    }
    n.into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(u, _)| u.to_string())
        .unwrap_or_default()
}

/// True when two stated values are the same statement (same interval, same qualifier up to
/// more-than/at-least).
fn same_value(a: &Claim, b: &Claim, currency: &str) -> bool {
    let q = |q: Qualifier| match q {
        Qualifier::MoreThan => Qualifier::AtLeast,
        Qualifier::LessThan => Qualifier::AtMost,
        q => q,
    };
    let value = |c: &Claim| {
        if c.dimension == Dimension::Money
            && c.unit != currency
            && let Some(e) = &c.equivalent
        {
            return e.value;
        }
        c.value
    };
    let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    };
    let (va, vb) = (value(a), value(b));
    q(a.qualifier) == q(b.qualifier) && close(va.lo(), vb.lo()) && close(va.hi(), vb.hi())
}

/// Number for people: thousands separated, at most four decimals.
fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let s = format!("{}", v.abs() as i64);
        let mut out = String::new();
        for (i, ch) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if v < 0.0 { format!("-{out}") } else { out }
    } else {
        // At most five significant digits (and four decimals): "325.89 km", not "325.8922".
        let int_digits = (v.abs().log10().floor() as i32 + 1).max(1);
        let decimals = (5 - int_digits).clamp(0, 4) as usize;
        let s = format!("{v:.decimals$}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// An interval for people: "2023-10-12", "≥4,450", "18–22 km"; a duration in the unit it was
/// written in ("18 years", "2 weeks"), not in days.
fn describe(i: &Interval, c: &Claim, currency: &str) -> String {
    let written = c.written();
    let (i, unit) = match written_factor(c) {
        Some(k) => (i.scale(k), written.unit.as_str()),
        None if c.dimension == Dimension::Money => (*i, currency),
        None => (*i, c.unit.as_str()),
    };
    let end = |v: f64| {
        if c.kind == Kind::Date {
            Ymd::from_days(v.round() as i64).to_string()
        } else {
            num(v)
        }
    };
    let v = match (i.lo(), i.hi()) {
        (Some(a), Some(b)) if a.total_cmp(&b).is_eq() => end(a),
        (Some(a), Some(b)) => format!("{}–{}", end(a), end(b)),
        (Some(a), None) => format!("≥{}", end(a)),
        (None, Some(b)) => format!("≤{}", end(b)),
        (None, None) => "any".to_string(),
    };
    if unit.is_empty() || c.kind == Kind::Date {
        v
    } else if v.trim_start_matches(['≥', '≤']) == "1" {
        // "1 day", not "1 days".
        let one = unit.strip_suffix(crate::lang::en::nouns::PLURAL);
        format!("{v} {}", one.unwrap_or(unit))
    } else {
        format!("{v} {unit}")
    }
}

/// For a duration written in another unit than days, the factor from days to that unit.
fn written_factor(c: &Claim) -> Option<f64> {
    let w = c.written();
    if c.dimension != Dimension::Duration || w.unit.is_empty() || w.unit == c.unit {
        return None;
    }
    let (days, written) = c
        .value
        .lo()
        .zip(w.value.lo())
        .or(c.value.hi().zip(w.value.hi()))?;
    (days != 0.0 && written != 0.0).then(|| written / days)
}

/// "IWPR: “second-largest”".
fn said(c: &Claim, info: &SourceInfo) -> String {
    match &c.derived {
        Some(d) => format!("{} (derived): {}", info.name, d.arithmetic),
        None => format!("{}: “{}”", info.name, c.text),
    }
}

/// Whether two claims speak with different voices: different sources, or one source's stated
/// value and a value derived from what it states (a total and the sum of its listed parts).
fn voices_differ(a: &Claim, b: &Claim) -> bool {
    a.source != b.source || a.derived.is_some() != b.derived.is_some()
}

/// True when two comparison intervals share more than a boundary: "$3 billion" (±0.5) and
/// "$4 billion" (±0.5) touch at 3.5 billion, which is the rounding of two different figures,
/// not a value both allow. A single point on the other's boundary ("October 12" and "October
/// 12-13") still meets it.
fn meets(a: &Interval, b: &Interval) -> bool {
    if !a.overlaps(b) {
        return false;
    }
    let lo = match (a.lo(), b.lo()) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    };
    let hi = match (a.hi(), b.hi()) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    let width = matches!((lo, hi), (Some(l), Some(h)) if l < h) || lo.is_none() || hi.is_none();
    width || a.is_point() || b.is_point()
}

/// Judge one group of claims. `sources` names a source id and gives its publication date.
pub fn judge(claims: &[&Claim], sources: &dyn Fn(&str) -> SourceInfo) -> Judgement {
    let mut claims: Vec<&Claim> = claims.to_vec();
    claims.sort_by(|a, b| {
        (&a.source, a.span.start(), &a.id).cmp(&(&b.source, b.span.start(), &b.id))
    });
    let mut info: BTreeMap<&str, SourceInfo> = BTreeMap::new();
    for c in &claims {
        info.entry(c.source.as_str())
            .or_insert_with(|| sources(&c.source));
    }
    let list = |claims: &[&Claim]| {
        claims
            .iter()
            .map(|c| said(c, &info[c.source.as_str()]))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let stated: Vec<&Claim> = claims
        .iter()
        .copied()
        .filter(|c| c.derived.is_none())
        .collect();
    let stated_sources = stated
        .iter()
        .map(|c| c.source.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let conflict = conflict(&claims, &info);
    if conflict.is_none() && info.len() < 2 {
        let name = claims
            .first()
            .map(|c| info[c.source.as_str()].name.clone())
            .unwrap_or_default();
        let what = if claims.len() > 1 {
            format!("{} mentions", claims.len())
        } else {
            "no other source states it".to_string()
        };
        return Judgement {
            verdict: Verdict::Single,
            explanation: format!("Only {name}: {} ({what}).", quoted_values(&claims)),
        };
    }
    // Figures of how far a count had gone differ by when they were taken.
    let progress = claims
        .iter()
        .all(|c| crate::lang::en::measure::is_progress_role(&c.measure.role));
    if conflict.is_some() && progress {
        return Judgement {
            verdict: Verdict::Compatible,
            explanation: format!(
                "{} — a count in progress: each source gives the stage it had reached when its \
                 figures were taken.",
                list(&claims)
            ),
        };
    }
    if let Some(explanation) = conflict {
        return Judgement {
            verdict: Verdict::Conflict,
            explanation,
        };
    }
    // Values derived from what the sources state may find a conflict, and may make a second
    // voice where only one source states the fact; they never make stated values that agree
    // merely compatible.
    if stated_sources >= 2 {
        claims = stated;
    }
    let currency = reference_currency(&claims);

    let same = |c: &&Claim| {
        pair_currency(claims[0], c, &currency).is_some_and(|cur| same_value(claims[0], c, cur))
    };
    if claims.iter().all(same) {
        let names: Vec<&str> = info.values().map(|s| s.name.as_str()).collect();
        return Judgement {
            verdict: Verdict::Agree,
            explanation: format!(
                "{} sources state the same value ({}): {}.",
                names.len(),
                describe(&claims[0].value, claims[0], shown_in(claims[0], &currency)),
                list(&claims)
            ),
        };
    }
    let described: Vec<String> = claims
        .iter()
        .map(|c| {
            format!(
                "{} ({})",
                said(c, &info[c.source.as_str()]),
                describe(
                    &comparison(c, shown_in(c, &currency)),
                    c,
                    shown_in(c, &currency)
                )
            )
        })
        .collect();
    Judgement {
        verdict: Verdict::Compatible,
        explanation: format!(
            "{} — values differ in precision but overlap{}.",
            described.join("; "),
            uncompared(&claims)
        ),
    }
}

/// The first pair of claims, in source order, speaking with different voices
/// ([`voices_differ`]) whose intervals are disjoint, explained.
fn conflict(claims: &[&Claim], info: &BTreeMap<&str, SourceInfo>) -> Option<String> {
    let currency = reference_currency(claims);
    for (x, a) in claims.iter().enumerate() {
        for b in &claims[x + 1..] {
            if !voices_differ(a, b) {
                continue;
            }
            let Some(cur) = pair_currency(a, b, &currency) else {
                continue;
            };
            let (ia, ib) = (comparison(a, cur), comparison(b, cur));
            if meets(&ia, &ib) {
                continue;
            }
            let (sa, sb) = (&info[a.source.as_str()], &info[b.source.as_str()]);
            let below = matches!((ia.hi(), ib.lo()), (Some(h), Some(l)) if h < l);
            let voice = |c: &Claim, i: &SourceInfo| match (&c.derived, a.source == b.source) {
                (Some(_), true) => format!("{} (derived)", i.name),
                (None, true) => format!("{} (stated)", i.name),
                _ => i.name.clone(),
            };
            let (low, high) = if below {
                (voice(a, sa), voice(b, sb))
            } else {
                (voice(b, sb), voice(a, sa))
            };
            let relation = match a.kind {
                Kind::Date => format!("{low}'s date is earlier than {high}'s"),
                Kind::Rank => format!("{low} ranks it higher than {high}"),
                _ => format!("{low}'s value is below {high}'s"),
            };
            let mut line = format!(
                "{} ({}) vs {} ({}) — disjoint: {relation}",
                said(a, sa),
                describe(&ia, a, cur),
                said(b, sb),
                describe(&ib, b, cur),
            );
            if let (Some(pa), Some(pb)) = (sa.published, sb.published)
                && pa != pb
            {
                let (later, date) = if pa > pb { (sa, pa) } else { (sb, pb) };
                line.push_str(&format!(
                    "; {} is later ({date}), so the figure may have been updated",
                    later.name
                ));
            }
            line.push('.');
            return Some(line);
        }
    }
    None
}

/// "; figures in INR and USD are not compared (no rate between them is given)", when two
/// sources state the value in currencies the claims give no rate between.
fn uncompared(claims: &[&Claim]) -> String {
    let mut pairs: BTreeMap<(&str, &str), ()> = BTreeMap::new();
    for (x, a) in claims.iter().enumerate() {
        for b in &claims[x + 1..] {
            if a.source != b.source && pair_currency(a, b, "").is_none() {
                let (p, q) = (a.unit.as_str(), b.unit.as_str());
                pairs.insert((p.min(q), p.max(q)), ());
            }
        }
    }
    let Some(((p, q), _)) = pairs.first_key_value() else {
        return String::new();
    };
    if claims[0].dimension == Dimension::TimeOfDay {
        return format!(
            "; times in {p} and {q} are not compared (no offset between the zones is applied)"
        );
    }
    format!("; figures in {p} and {q} are not compared (no rate between them is given)")
}

/// Every pair of sources (ids, each pair once, sorted) with claims in the group whose values
/// are disjoint by the rules of [`judge`]: what `copies` reads to tell a copy differing from
/// its original from an independent contradiction.
pub fn disjoint_pairs<'a>(claims: &[&'a Claim]) -> Vec<(&'a str, &'a str)> {
    let preferred = reference_currency(claims);
    let mut out = Vec::new();
    for (x, a) in claims.iter().enumerate() {
        for b in &claims[x + 1..] {
            let Some(currency) = pair_currency(a, b, &preferred) else {
                continue;
            };
            if a.source != b.source && !meets(&comparison(a, currency), &comparison(b, currency)) {
                let (p, q) = (a.source.as_str(), b.source.as_str());
                out.push((p.min(q), p.max(q)));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The scope prefix of a part of a sum stated on its own ("$4 billion in cash", "an
/// additional $3 billion in restricted stock").
const PART: &str = "part:";
/// The scope prefix of a figure that is not a fact yet ("could reach", "should the deal fail").
const MODALITY: &str = "modality:";

/// The parts of sums stated as facts among `claims`: what [`explaining_part`] may name.
pub fn stated_parts<'a>(claims: &[&'a Claim]) -> Vec<&'a Claim> {
    claims
        .iter()
        .copied()
        .filter(|c| {
            c.kind == Kind::Money
                && c.measure.scope().iter().any(|s| s.starts_with(PART))
                && !c.measure.scope().iter().any(|s| s.starts_with(MODALITY))
        })
        .collect()
}

/// The claims of a money group whose figures differ by a part ([`explaining_part`]), split
/// by whether they count it: the larger figures (with the part) and the smaller (without), each
/// in the group's order. Then they are two facts, each of which the sources may agree on ("$19
/// billion" with the restricted stock, "$16 billion" without). `None` unless every figure is
/// stated in the group's currency, the figures of each side meet one another and none meets a
/// figure of the other side.
pub fn split_by_part<'c>(claims: &[&'c Claim]) -> Option<(Vec<&'c Claim>, Vec<&'c Claim>)> {
    let currency = reference_currency(claims);
    if claims.iter().any(|c| !states_in(c, &currency)) {
        return None;
    }
    let intervals: Vec<Interval> = claims.iter().map(|c| comparison(c, &currency)).collect();
    let middles: Vec<f64> = intervals
        .iter()
        .map(|i| Some((i.lo()? + i.hi()?) / 2.0))
        .collect::<Option<_>>()?;
    // The cut: the middle of the widest gap between two figures next to each other.
    let mut sorted = middles.clone();
    sorted.sort_by(f64::total_cmp);
    let (below, above) = sorted
        .windows(2)
        .map(|w| (w[0], w[1]))
        .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)))?;
    let cut = (below + above) / 2.0;
    let (with, without): (Vec<usize>, Vec<usize>) =
        (0..claims.len()).partition(|&k| middles[k] > cut);
    let all_meet = |side: &[usize]| {
        side.iter()
            .all(|&a| side.iter().all(|&b| meets(&intervals[a], &intervals[b])))
    };
    let apart = with.iter().all(|&a| {
        without
            .iter()
            .all(|&b| !meets(&intervals[a], &intervals[b]))
    });
    let split = !with.is_empty() && !without.is_empty() && all_meet(&with) && all_meet(&without);
    let pick = |side: &[usize]| side.iter().map(|&k| claims[k]).collect();
    (split && apart).then(|| (pick(&with), pick(&without)))
}

/// A stated part that explains why the figures of a money group differ (see
/// [`explaining_part`]): the part's claim, and what it is a part of in words ("restricted
/// stock").
pub struct ExplainingPart<'p> {
    part: &'p Claim,
    what: String,
}

/// The compatible judgement of a group whose figures differ by `part` ([`explaining_part`]).
pub fn part_judgement(
    claims: &[&Claim],
    part: &ExplainingPart,
    sources: &dyn Fn(&str) -> SourceInfo,
) -> Judgement {
    let mut sorted = claims.to_vec();
    sorted.sort_by(|a, b| (&a.source, a.span.start()).cmp(&(&b.source, b.span.start())));
    let list = sorted
        .iter()
        .map(|c| said(c, &sources(&c.source)))
        .collect::<Vec<_>>()
        .join("; ");
    Judgement {
        verdict: Verdict::Compatible,
        explanation: format!(
            "{list} — they differ by the {} that {} states on its own (“{}”): one figure counts it, the other does not.",
            part.what,
            sources(&part.part.source).name,
            part.part.text
        ),
    }
}

/// What the figures of one side of a [`split_by_part`] do with the part that explains the
/// split, for its explanation: "They count the restricted stock that X states on its own
/// (“$3 billion”); without it the figure is another fact (g1b)." `counts` tells the side;
/// `other` is the other side's fact id.
pub fn part_note(
    part: &ExplainingPart,
    sources: &dyn Fn(&str) -> SourceInfo,
    counts: bool,
    other: &str,
) -> String {
    let (verb, other_side) = if counts {
        ("count", "without")
    } else {
        ("leave out", "with")
    };
    format!(
        "They {verb} the {} that {} states on its own (“{}”); {other_side} it the figure is another fact ({other}).",
        part.what,
        sources(&part.part.source).name,
        part.part.text
    )
}

/// A part that one of a money conflict's sources states on its own and that explains the
/// conflict: every two disjoint figures of the group differ by its amount ("$16 billion" and
/// "$19 billion" beside "an additional $3 billion in restricted stock units"). Then the figures
/// count different things, one with the part and one without, and the group is compatible
/// ([`part_judgement`]) or two facts ([`split_by_part`]), not a contradiction. `parts` are the
/// corpus's [`stated_parts`]. `None` when the group is no money group or some disjoint pair is
/// not explained by one part, or when every figure of the group is stated as one same part
/// (`one_part`: "$12 billion in stock", "$15 billion in Facebook stock"): figures of one
/// part that differ contradict each other, whatever other part a source states ("$4 billion
/// in cash").
pub fn explaining_part<'p>(claims: &[&Claim], parts: &[&'p Claim]) -> Option<ExplainingPart<'p>> {
    if claims.iter().any(|c| c.dimension != Dimension::Money) || one_part(claims).is_some() {
        return None;
    }
    let currency = reference_currency(claims);
    let members: std::collections::BTreeSet<&str> = claims.iter().map(|c| c.id.as_str()).collect();
    let speakers: std::collections::BTreeSet<&str> =
        claims.iter().map(|c| c.source.as_str()).collect();
    // The differences between disjoint figures, as stated (the middles of their intervals).
    let middle = |i: &Interval| Some((i.lo()? + i.hi()?) / 2.0);
    let mut gaps = Vec::new();
    for (x, a) in claims.iter().enumerate() {
        for b in &claims[x + 1..] {
            let (ia, ib) = (comparison(a, &currency), comparison(b, &currency));
            if a.source == b.source || meets(&ia, &ib) {
                continue;
            }
            gaps.push((middle(&ia)? - middle(&ib)?).abs());
        }
    }
    if gaps.is_empty() {
        return None;
    }
    // The part's own interval (its rounding) holds every gap.
    let part = parts.iter().copied().find(|p| {
        let i = comparison(p, &currency);
        !members.contains(p.id.as_str())
            && speakers.contains(p.source.as_str())
            && p.dimension == Dimension::Money
            && states_in(p, &currency)
            && gaps.iter().all(|&g| i.overlaps(&Interval::point(g)))
    })?;
    let what = part
        .measure
        .scope()
        .iter()
        .find_map(|s| s.strip_prefix(PART))
        .unwrap_or_default()
        .replace('_', " ");
    Some(ExplainingPart { part, what })
}

/// The part of a sum every claim of `claims` is stated as ("stock" for "$12 billion in
/// stock" and "$15 billion in Facebook stock"), when they all name the same one.
fn one_part<'c>(claims: &[&'c Claim]) -> Option<&'c str> {
    let part_of = |c: &'c Claim| c.measure.scope().iter().find_map(|s| s.strip_prefix(PART));
    let first = part_of(claims.first()?)?;
    claims
        .iter()
        .all(|c| part_of(c) == Some(first))
        .then_some(first)
}

/// "“first”, “first”".
fn quoted_values(claims: &[&Claim]) -> String {
    claims
        .iter()
        .map(|c| format!("“{}”", c.text))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounded_figures_that_only_touch_do_not_meet() {
        let i = |lo: f64, hi: f64| Interval::new(Some(lo), Some(hi));
        // "$3 billion" and "$4 billion", each ± half a billion.
        assert!(!meets(&i(2.5, 3.5), &i(3.5, 4.5)));
        // A point on the boundary still meets: "October 12" and "October 12-13".
        assert!(meets(&i(12.0, 12.0), &i(12.0, 13.0)));
        assert!(meets(&i(12.0, 12.0), &i(12.0, 12.0)));
        // Open ends: "more than 4,500" and "4,500" (± 50).
        assert!(meets(
            &Interval::new(Some(4500.0), None),
            &i(4450.0, 4550.0)
        ));
        assert!(!meets(&i(1.0, 2.0), &i(3.0, 4.0)));
    }
    use crate::extract::{Context, extract};

    fn claim(source: &str, text: &str) -> Claim {
        let ctx = Context {
            source,
            published: Ymd::new(2023, 10, 13),
            ..Context::default()
        };
        let mut v = extract(text, &ctx);
        assert_eq!(v.len(), 1, "{text}: {v:#?}");
        v.remove(0)
    }

    /// `compare` counts a group of one claim as a fact of one source without judging it when
    /// such facts are not kept: true of every claim, a range stated backwards, a derived one
    /// and an open interval alike.
    #[test]
    fn one_claim_alone_is_a_fact_of_one_source() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = crate::config::Config::load(&root.join("claims.toml")).expect("claims.toml");
        let inputs = crate::corpus::inputs(&[], "-", &config).expect("inputs");
        let mut corpus =
            crate::corpus::load(&inputs, &config, &mut std::io::empty()).expect("corpus");
        crate::corpus::derive_all(&mut corpus.articles, &config);
        let mut claims: Vec<Claim> = corpus.articles.into_iter().flat_map(|a| a.claims).collect();
        let ctx = Context {
            source: "a",
            published: Ymd::new(2023, 10, 13),
            ..Context::default()
        };
        for text in [
            "Between 5,000 and 3,000 people marched.",
            "More than 4,500 police officers were deployed.",
            "The deal is worth at most $2 billion, up from about $1.5bn in 2022.",
        ] {
            claims.extend(extract(text, &ctx));
        }
        assert!(claims.iter().any(|c| c.derived.is_some()));
        for c in &claims {
            assert_eq!(judge(&[c], &info).verdict, Verdict::Single, "{c:#?}");
        }
    }

    fn info(id: &str) -> SourceInfo {
        SourceInfo {
            name: match id {
                "a" => "Daily A".into(),
                other => other.into(),
            },
            published: match id {
                "a" => Ymd::new(2023, 10, 13),
                "b" => Ymd::new(2023, 10, 15),
                _ => None,
            },
        }
    }

    #[test]
    fn verdicts_by_interval() {
        let a = claim("a", "More than 4,000 officers were deployed.");
        let b = claim("b", "Some 4,500 officers were deployed.");
        let j = judge(&[&a, &b], &info);
        assert_eq!(j.verdict, Verdict::Compatible, "{}", j.explanation);
        assert!(
            j.explanation.contains("Daily A: “More than 4,000”"),
            "{}",
            j.explanation
        );

        let c = claim("c", "Exactly 4,500 officers were deployed.");
        let d = claim("d", "A total of 4,500 officers were deployed.");
        let j = judge(&[&c, &d], &info);
        assert_eq!(j.verdict, Verdict::Agree, "{}", j.explanation);

        let e = claim("a", "The flood killed 1,200 people.");
        let f = claim("b", "The flood killed 1,500 people.");
        let j = judge(&[&e, &f], &info);
        assert_eq!(j.verdict, Verdict::Conflict);
        assert!(
            j.explanation.contains("Daily A's value is below b's"),
            "{}",
            j.explanation
        );
        assert!(
            j.explanation
                .contains("b is later (2023-10-15), so the figure may have been updated"),
            "{}",
            j.explanation
        );

        let j = judge(&[&e], &info);
        assert_eq!(j.verdict, Verdict::Single);
        assert!(
            j.explanation.starts_with("Only Daily A"),
            "{}",
            j.explanation
        );
    }

    #[test]
    fn a_whole_percentage_is_rounded_and_a_decimal_one_is_not() {
        let a = claim("a", "Turnout was 37% at the polls.");
        let b = claim("b", "Turnout was 37.39% at the polls.");
        assert_eq!(judge(&[&a, &b], &info).verdict, Verdict::Compatible);
        let c = claim("c", "Turnout was 49.8% at the polls.");
        let d = claim("d", "Turnout was 50.2% at the polls.");
        assert_eq!(judge(&[&c, &d], &info).verdict, Verdict::Conflict);
        let e = claim("e", "Turnout was 38% at the polls.");
        assert_eq!(judge(&[&a, &e], &info).verdict, Verdict::Conflict);
    }

    #[test]
    fn a_round_figure_is_read_to_two_significant_digits() {
        let a = claim("a", "The city has 100,000 residents.");
        let b = claim("b", "The city has 90,000 residents.");
        assert_eq!(judge(&[&a, &b], &info).verdict, Verdict::Conflict);
        let c = claim("c", "The city has 104,000 residents.");
        assert_eq!(judge(&[&a, &c], &info).verdict, Verdict::Compatible);
        let d = claim("d", "The city has 110,000 residents.");
        assert_eq!(judge(&[&a, &d], &info).verdict, Verdict::Conflict);
    }

    #[test]
    fn times_of_day_compare_within_one_zone() {
        let a = claim("a", "The lander touched down at 6:04 pm IST.");
        let b = claim("b", "The lander touched down at 6:04 pm.");
        assert_eq!(judge(&[&a, &b], &info).verdict, Verdict::Agree);
        let c = claim("c", "The lander touched down at 6:35 pm.");
        assert_eq!(judge(&[&a, &c], &info).verdict, Verdict::Conflict);
        let d = claim("d", "The lander touched down at around 6:15 pm.");
        assert_eq!(judge(&[&a, &d], &info).verdict, Verdict::Compatible);
        // The same instant in another zone is never held against it.
        let e = claim("e", "The lander touched down at 12:34 GMT.");
        let j = judge(&[&a, &e], &info);
        assert_eq!(j.verdict, Verdict::Compatible, "{}", j.explanation);
        assert!(
            j.explanation
                .contains("times in GMT and IST are not compared"),
            "{}",
            j.explanation
        );
    }

    #[test]
    fn dates_compare_as_day_intervals() {
        let a = claim("a", "He arrived on October 12.");
        let b = claim("b", "The visit ran October 12-13.");
        assert_eq!(judge(&[&a, &b], &info).verdict, Verdict::Compatible);
        let c = claim("c", "He arrived on October 14.");
        assert_eq!(judge(&[&b, &c], &info).verdict, Verdict::Conflict);
    }

    #[test]
    fn disjoint_pairs_name_each_contradicting_pair_of_sources_once() {
        let a = claim("a", "The flood killed 1,200 people.");
        let b = claim("b", "The flood killed 1,500 people.");
        let c = claim("c", "The flood killed 1,500 people.");
        let a2 = claim("a", "The flood killed 1,210 people.");
        assert_eq!(disjoint_pairs(&[&c, &a, &b, &a2]), [("a", "b"), ("a", "c")]);
        assert!(disjoint_pairs(&[&b, &c]).is_empty());
    }

    #[test]
    fn one_source_never_conflicts_with_itself() {
        let a = claim("a", "The flood killed 1,200 people.");
        let b = claim("a", "The flood killed 1,500 people.");
        assert_eq!(judge(&[&a, &b], &info).verdict, Verdict::Single);
    }

    /// `c` as a value derived from `from` (see `derive`), stating `value`.
    fn derived(mut c: Claim, value: Interval, arithmetic: &str) -> Claim {
        c.pin_written();
        c.value = value;
        c.bounds = value;
        c.derived = Some(Box::new(crate::claim::Derivation {
            rule: crate::claim::Rule::Total,
            from: vec![c.id.clone()],
            arithmetic: arithmetic.into(),
        }));
        c
    }

    #[test]
    fn a_derived_value_may_contradict_its_own_source() {
        let total = claim("a", "The festival drew 26 guests.");
        let sum = derived(total.clone(), Interval::point(16.0), "5 + 4×2 + 3 = 16");
        let j = judge(&[&total, &sum], &info);
        assert_eq!(j.verdict, Verdict::Conflict, "{}", j.explanation);
        assert!(
            j.explanation
                .contains("Daily A (derived): 5 + 4×2 + 3 = 16"),
            "{}",
            j.explanation
        );
        // A sum that adds up leaves one source's fact single.
        let fine = derived(total.clone(), Interval::point(26.0), "10 + 16 = 26");
        assert_eq!(judge(&[&total, &fine], &info).verdict, Verdict::Single);
    }

    #[test]
    fn a_derived_value_never_turns_agreement_into_compatible() {
        let a = claim("a", "The festival drew 26 guests.");
        let b = claim("b", "The festival drew 26 guests.");
        let at_least = derived(b.clone(), Interval::new(Some(9.0), None), "5 + 4 = 9");
        assert_eq!(judge(&[&a, &b, &at_least], &info).verdict, Verdict::Agree);
        // Where one source states it, a value derived in another is a second voice.
        let other = derived(
            claim("b", "The festival drew 26 guests."),
            Interval::new(Some(20.0), Some(30.0)),
            "20..30",
        );
        assert_eq!(judge(&[&a, &other], &info).verdict, Verdict::Compatible);
    }

    #[test]
    fn money_compares_pair_by_pair_in_a_currency_both_state() {
        let rupees = claim("a", "The mission cost Rs 615 crore.");
        let dollars = claim("b", "The mission cost $75 million.");
        // No rate between them: never a conflict, and the explanation says why.
        let j = judge(&[&rupees, &dollars], &info);
        assert_eq!(j.verdict, Verdict::Compatible, "{}", j.explanation);
        assert!(
            j.explanation
                .contains("figures in INR and USD are not compared"),
            "{}",
            j.explanation
        );
        // The same currency on two sides still conflicts, whatever else the group holds.
        let more = claim("c", "The mission cost Rs 650 crore.");
        let j = judge(&[&rupees, &dollars, &more], &info);
        assert_eq!(j.verdict, Verdict::Conflict, "{}", j.explanation);
        assert!(j.explanation.contains("INR"), "{}", j.explanation);
        // A parenthetical equivalent gives the rate.
        let ctx = Context {
            source: "d",
            ..Context::default()
        };
        let both = extract("The mission cost Rs 615 crore ($90 million).", &ctx).remove(0);
        assert_eq!(both.unit, "INR");
        let j = judge(&[&both, &dollars], &info);
        assert_eq!(j.verdict, Verdict::Conflict, "{}", j.explanation);
    }

    /// The judgement of a group whose figures a stated part explains, as `compare` makes it.
    fn explained_by_part(
        claims: &[&Claim],
        parts: &[&Claim],
        sources: &dyn Fn(&str) -> SourceInfo,
    ) -> Option<Judgement> {
        let part = explaining_part(claims, parts)?;
        Some(part_judgement(claims, &part, sources))
    }

    #[test]
    fn a_part_stated_on_its_own_explains_two_sums() {
        let ctx = |source| Context {
            source,
            ..Context::default()
        };
        let mut a = extract(
            "Acme will buy Zapchat for $19 billion. Acme will pay an additional $3 billion in \
             restricted stock to the staff.",
            &ctx("a"),
        );
        let (with, part) = (a.remove(0), a.remove(0));
        assert!(
            part.measure
                .scope()
                .iter()
                .any(|s| s == "part:restricted_stock")
        );
        let without = claim("b", "Acme will buy Zapchat for $16 billion.");
        assert_eq!(judge(&[&with, &without], &info).verdict, Verdict::Conflict);
        let j = explained_by_part(&[&with, &without], &[&part], &info).expect("explained");
        assert_eq!(j.verdict, Verdict::Compatible);
        assert!(
            j.explanation
                .contains("restricted stock that Daily A states on its own (“$3 billion”)"),
            "{}",
            j.explanation
        );
        // A part of another amount explains nothing; nor does one no source of the group states.
        let four = extract(
            "Acme will buy Zapchat for $19 billion. Acme will pay $4 billion in cash.",
            &ctx("a"),
        )
        .remove(1);
        assert!(explained_by_part(&[&with, &without], &[&four], &info).is_none());
        let elsewhere = extract(
            "Acme will pay an additional $3 billion in restricted stock.",
            &ctx("c"),
        )
        .remove(0);
        assert!(explained_by_part(&[&with, &without], &[&elsewhere], &info).is_none());
    }

    #[test]
    fn figures_of_one_part_are_not_explained_by_another_part() {
        let ctx = |source| Context {
            source,
            ..Context::default()
        };
        // Two figures for the stock part of one price: the cash one source states beside its
        // stock figure does not make them two facts.
        let mut a = extract(
            "Acme will pay $16 billion in stock and $4 billion in cash for Zapchat.",
            &ctx("a"),
        );
        let (stock, cash) = (a.remove(0), a.remove(0));
        assert!(stock.measure.scope().iter().any(|s| s == "part:stock"));
        assert!(cash.measure.scope().iter().any(|s| s == "part:cash"));
        let other = extract(
            "Acme will pay $4 billion in cash and $12 billion in stock for Zapchat.",
            &ctx("b"),
        )
        .remove(1);
        assert!(other.measure.scope().iter().any(|s| s == "part:stock"));
        assert_eq!(judge(&[&stock, &other], &info).verdict, Verdict::Conflict);
        assert!(explained_by_part(&[&stock, &other], &[&cash], &info).is_none());
        assert_eq!(one_part(&[&stock, &other]), Some("stock"));
        // Figures of no part, or of different parts, are not one part: the cash still explains
        // two totals that differ by it.
        let total = claim("c", "Acme will buy Zapchat for $20 billion.");
        let smaller = claim("d", "Acme will buy Zapchat for $16 billion.");
        assert_eq!(one_part(&[&total, &smaller]), None);
        assert_eq!(one_part(&[&stock, &total]), None);
        assert_eq!(one_part(&[&stock, &cash]), None);
        assert!(explained_by_part(&[&total, &smaller], &[&cash], &info).is_none());
        let mut e = extract(
            "Acme will buy Zapchat for $20 billion. Acme will pay $4 billion in cash.",
            &ctx("d"),
        );
        let own_cash = e.remove(1);
        assert!(explained_by_part(&[&total, &smaller], &[&own_cash], &info).is_some());
    }

    #[test]
    fn a_group_whose_figures_differ_by_a_part_splits_by_whether_they_count_it() {
        let with = claim("a", "Acme will buy Zapchat for $19 billion.");
        let also = claim("c", "Acme agreed to pay $19bn for Zapchat.");
        let without = claim("b", "Acme will buy Zapchat for $16 billion.");
        let (w, wo) = split_by_part(&[&with, &without, &also]).expect("two sides");
        let ids = |v: &[&Claim]| v.iter().map(|c| c.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(&w), ids(&[&with, &also]));
        assert_eq!(ids(&wo), ids(&[&without]));
        // A figure between the two sides meets both: no split.
        let between = claim("d", "Acme will buy Zapchat for about $17.5 billion.");
        assert!(split_by_part(&[&with, &without, &between]).is_none());
        // Two figures of one side that do not meet each other: no split.
        let apart = claim("e", "Acme will buy Zapchat for $20 billion.");
        assert!(split_by_part(&[&with, &without, &apart]).is_none());
    }

    #[test]
    fn stages_of_a_count_are_moments_not_a_contradiction() {
        let a = claim("a", "The No side won, with 98.98% of the votes counted.");
        let b = claim(
            "b",
            "The No side won, with 99.79 percent of polling stations counted.",
        );
        assert_eq!(a.measure.role, "counted");
        let j = judge(&[&a, &b], &info);
        assert_eq!(j.verdict, Verdict::Compatible, "{}", j.explanation);
        assert!(
            j.explanation.contains("a count in progress"),
            "{}",
            j.explanation
        );
        // The shares themselves still conflict.
        let x = claim("a", "The No side won 50.2% of the vote.");
        let y = claim("b", "The No side won 53.1% of the vote.");
        assert_eq!(judge(&[&x, &y], &info).verdict, Verdict::Conflict);
    }
}
