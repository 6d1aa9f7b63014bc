//! Facts implied by other facts: a small set of rules on the claim model, each turning claims
//! an article states into a claim it does not state but implies, so that the implied value is
//! grouped and judged like any stated one ("its 20-month war", in an article of 2023-10-13,
//! says the war began around February 2022, which another outlet states).
//!
//! The rules (the words that signal each are data in [`crate::lang::en::derive`]):
//!
//! | rule | from | derived claim |
//! |---|---|---|
//! | [`Rule::Elapsed`] | a duration of something ongoing ("20-month war", "has led it for 30 years") and the article's date | the date it began, ± [`Settings::slack`] units, a start date (role [`START_ROLE`](crate::lang::en::measure::START_ROLE)) that meets the stated start dates whose words meet its own |
//! | [`Rule::Elapsed`] (age) | "the 45-year-old director" and the article's date | the birth date's range (a year wide) |
//! | [`Rule::Anniversary`] | "the Nth anniversary" and the date it is marked (a date in the sentence, else the article's) | the year it began |
//! | [`Rule::Total`] | a count and the counts listed as its parts in the same sentence ("26 foreigners: five from Iran, four each from China and Russia…"), or in the next sentences of its paragraph when they break it down by place ("26 foreigners died. Five were from Iran, …") | the sum of the parts: exactly it when the list spells the total out, at most the total when the parts are "including" some of it (or an open list across sentences) |
//! | [`Rule::Deadline`] | "in time for" / "ahead of" an event whose date the article gives elsewhere | on or before that date |
//!
//! A derived claim carries a [`Derivation`]: the rule, the ids of the claims it came from and
//! the arithmetic for people. Its span is the words it derives from, its id continues its
//! source's numbering. The verdicts hold a derived value against the stated ones, its own
//! source's included: a total that does not add up is a conflict of the article with itself.
//! Derivation runs per article, after extraction and before matching; it reads only the claim
//! model, the calendar and the language data.

mod deadline;
mod elapsed;
mod total;

use crate::calendar::Ymd;
use crate::claim::{Claim, DateInfo, DatePrecision, Derivation, Dimension, Interval, Kind};
use crate::claim::{Qualifier, Resolution, Rule, Span, Sym};

/// The thresholds of derivation, each a `[match]` key of claims.toml (see `config`).
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// `derive_slack`: how many of its own units a derived start date may lie either side of
    /// the stated duration's arithmetic ("20-month war" → ± 1 month): a duration is rounded
    /// to whole units, and the article may have been written a while before its date.
    pub slack: f64,
    /// `derive_min_parts`: the least number of parts a list after a colon or dash must have
    /// to spell a total out (one part "including" is checked alone).
    pub min_parts: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            slack: 1.0,
            min_parts: 2,
        }
    }
}

/// One article, as derivation reads it.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    pub text: &'a str,
    /// The article's publication date, when known.
    pub published: Option<Ymd>,
    /// Its stated claims, in text order.
    pub claims: &'a [Claim],
}

/// Every claim the rules derive from one article's stated claims, numbered after them.
pub fn derive(a: Article<'_>, s: &Settings) -> Vec<Claim> {
    let mut out = Vec::new();
    out.extend(elapsed::elapsed(a, s));
    out.extend(elapsed::anniversaries(a));
    out.extend(total::totals(a, s));
    out.extend(deadline::deadlines(a));
    out.sort_by_key(|c| (c.span.start(), c.span.end(), c.kind));
    let stated = a.claims.iter().filter(|c| c.derived.is_none()).count();
    let source = a
        .claims
        .first()
        .map(|c| c.source.clone())
        .unwrap_or_default();
    for (i, c) in out.iter_mut().enumerate() {
        c.id = Sym::unique(&format!("{source}#{}", stated + i + 1));
        c.source.clone_from(&source);
    }
    out
}

/// What the total↔parts checks of some claims found: how many ran, and how many of them add up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TotalChecks {
    /// Totals checked against their listed parts.
    pub checks: usize,
    /// Parts counted over all checks.
    pub parts: usize,
    /// Checks whose sum lies within the total's interval (or at most the total, for "including").
    pub add_up: usize,
    /// Checks whose sum contradicts the total.
    pub do_not: usize,
    /// Checks whose parts follow in later sentences of the total's paragraph.
    pub across: usize,
}

/// Count the total↔parts checks among `claims` (stated and derived, any sources) and what they
/// found: each derived [`Rule::Total`] claim held against the total it came from.
pub fn total_checks(claims: &[&Claim]) -> TotalChecks {
    let by_id: std::collections::HashMap<&str, &Claim> =
        claims.iter().map(|c| (c.id.as_str(), *c)).collect();
    let mut t = TotalChecks::default();
    for c in claims {
        let Some(d) = c.derived.as_ref().filter(|d| d.rule == Rule::Total) else {
            continue;
        };
        let Some(total) = d.from.first().and_then(|id| by_id.get(id.as_str())) else {
            continue;
        };
        t.checks += 1;
        t.parts += d.from.len() - 1;
        t.across += usize::from(c.span.end() > total.sentence.end());
        if c.bounds.overlaps(&total.bounds) {
            t.add_up += 1;
        } else {
            t.do_not += 1;
        }
    }
    t
}

/// A word of the text: its byte range.
pub(crate) type Word = (usize, usize);

/// The words of `text[from..to]`: runs of letters, digits, hyphens and apostrophes, and each
/// other non-space character on its own (so ":" and "—" are words too).
pub(crate) fn words(text: &str, from: usize, to: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let joins = |ch: char| ch.is_alphanumeric() || matches!(ch, '-' | '\'' | '’' | '.' | ',');
    let Some(piece) = text.get(from..to) else {
        return out;
    };
    let mut iter = piece.char_indices().peekable();
    while let Some((i, ch)) = iter.next() {
        let next_alnum = iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        // "." and "," join only inside a number or a word ("1,301", "U.S."), never at its end.
        let inner = matches!(ch, '.' | ',') && !(start.is_some() && next_alnum);
        if joins(ch) && !inner {
            start.get_or_insert(from + i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push((s, from + i));
        }
        if !ch.is_whitespace() {
            out.push((from + i, from + i + ch.len_utf8()));
        }
    }
    if let Some(s) = start {
        out.push((s, to));
    }
    out
}

/// How far (bytes) from a claim the rules read its sentence: every rule's words sit close to
/// the value, and a sentence of 64 KiB with thousands of values must not be read once per value.
pub(crate) const WINDOW_BYTES: usize = 400;

/// `to`, or the char boundary [`WINDOW_BYTES`] after `from` when that comes first.
pub(crate) fn ahead(text: &str, from: usize, to: usize) -> usize {
    let mut end = to.min(from.saturating_add(WINDOW_BYTES)).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end.max(from.min(end))
}

/// `from`, or the char boundary [`WINDOW_BYTES`] before `to` when that comes later.
pub(crate) fn behind(text: &str, from: usize, to: usize) -> usize {
    let mut start = from.max(to.saturating_sub(WINDOW_BYTES)).min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    start
}

/// True when `word` is one of `list` (ASCII case ignored; multi-word entries are not words).
pub(crate) fn is(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The byte offset just after `phrase` when `text[at..]` starts with it (ASCII case ignored).
pub(crate) fn starts_with_at(text: &str, at: usize, phrase: &str) -> Option<usize> {
    let end = at + phrase.len();
    let piece = text.get(at..end)?;
    piece.eq_ignore_ascii_case(phrase).then_some(end)
}

/// The span of `text[start..end]` when `base` (a span on the same line) starts at
/// `base_start`: line and column counted from it.
pub(crate) fn span_at(text: &str, base: &Span, start: usize, end: usize) -> Span {
    let (line, column) = if start >= base.start() {
        let between = &text[base.start()..start];
        match between.rfind('\n') {
            Some(nl) => (
                base.line() + between.matches('\n').count(),
                between[nl + 1..].chars().count() + 1,
            ),
            None => (base.line(), base.column() + between.chars().count()),
        }
    } else {
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let lines_back = text[start..base.start()].matches('\n').count();
        (
            base.line() - lines_back,
            text[line_start..start].chars().count() + 1,
        )
    };
    Span::new(start, end, line, column)
}

/// A date claim derived from `base` (its subject, measure and sentence): `lo..hi` in days
/// since 1970-01-01, said in `text`, at `span`, with the date role `role` (what happened on
/// it: a start date's [`START_ROLE`](crate::lang::en::measure::START_ROLE), else none).
pub(crate) fn date_claim(
    base: &Claim,
    text: &str,
    span: Span,
    (lo, hi): (Option<f64>, Option<f64>),
    precision: DatePrecision,
    (role, derivation): (&'static str, Derivation),
) -> Claim {
    let interval = Interval::new(lo, hi);
    let qualifier = match (lo, hi) {
        (None, Some(_)) => Qualifier::AtMost,
        (Some(_), None) => Qualifier::AtLeast,
        (Some(a), Some(b)) if a < b => Qualifier::Range,
        _ => Qualifier::Exact,
    };
    let mut measure = base.measure.clone();
    measure.quantity = Sym::from("time");
    measure.role = Sym::from(role);
    Claim {
        id: Sym::default(),
        source: base.source.clone(),
        span,
        text: Sym::unique(&text[span.range()]),
        sentence: base.sentence,
        kind: Kind::Date,
        dimension: Dimension::Time,
        value: interval,
        bounds: interval,
        unit: Sym::default(),
        qualifier,
        change: base.change,
        written_as: None,
        subject: base.subject.clone(),
        measure,
        date: Some(Box::new(DateInfo {
            precision,
            resolution: Resolution::Publication,
            partial: None,
            dateline: false,
        })),
        equivalent: None,
        flags: crate::claim::Flags::default(),
        derived: Some(Box::new(derivation)),
    }
}

/// The day `months` calendar months before `d` (the day clamped to the month's length).
pub(crate) fn months_before(d: Ymd, months: i64) -> Ymd {
    let index = i64::from(d.year) * 12 + i64::from(d.month) - 1 - months;
    let year = index.div_euclid(12) as i32;
    let month = (index.rem_euclid(12) + 1) as u32;
    let day = d.day.min(crate::calendar::days_in_month(year, month));
    Ymd { year, month, day }
}

#[cfg(test)]
mod tests;
