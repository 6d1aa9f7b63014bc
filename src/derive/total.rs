//! [`Rule::Total`]: a count followed in its sentence by the counts it is made of. "26
//! foreigners: five from Iran, four each from China and Russia and three from Turkey" lists
//! the parts of 26 (a list opened by a colon or a dash spells the total out: the sum must be
//! it); "1,301 pilgrims died, including 658 Egyptians and 165 Indonesians" names some of them
//! (the sum must be at most the total). A part said "each" of several items ("four each from
//! China and Russia") counts once per item.

use super::{Article, Settings, Word, ahead, is, span_at, starts_with_at, words};
use crate::claim::{Claim, Derivation, Dimension, Flag, Interval, Qualifier, Rule};
use crate::lang::en::derive::{EACH, LIST_JOINERS, LIST_OPENERS, NOT_ALL, SOME_OF};

/// How the words between a total and its first part introduce the parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Parts {
    /// "26 foreigners: five from …": the parts make the total.
    All,
    /// "1,301 died, including …": the parts are some of it.
    Some,
}

/// The most parts one total is read with: a longer run of numbers is a table, not the parts
/// of a figure, and reading it once per number would be quadratic.
const MAX_PARTS: usize = 50;

/// How the words between a total and its first part introduce the parts, if they do. Only a
/// few words may stand between them ("26 foreigners were among the dead:").
const OPENER_WINDOW: usize = 8;

fn opener(text: &str, from: usize, to: usize) -> Option<Parts> {
    if to.saturating_sub(from) > super::WINDOW_BYTES {
        return None;
    }
    let ws = words(text, from, to);
    if ws.len() > OPENER_WINDOW {
        return None;
    }
    let w = |&(s, e): &Word| &text[s..e];
    // The opener must be the last thing before the part ("including five", "of whom 12").
    let last = ws.iter().rposition(|x| {
        is(LIST_OPENERS, w(x))
            || SOME_OF
                .iter()
                .any(|p| starts_with_at(text, x.0, p).is_some())
    })?;
    let x = ws[last];
    let rest = ws.len() - last - 1;
    if is(LIST_OPENERS, w(&x)) {
        return (rest == 0).then_some(Parts::All);
    }
    let phrase = SOME_OF
        .iter()
        .find_map(|p| starts_with_at(text, x.0, p))
        .unwrap_or(x.1);
    (words(text, phrase, to).is_empty()).then_some(Parts::Some)
}

/// The number of items a part counts once each: "four each from China and Russia" → 2.
fn times(text: &str, from: usize, to: usize) -> Option<u32> {
    let ws = words(text, from, ahead(text, from, to));
    let w = |&(s, e): &Word| &text[s..e];
    if !ws.first().is_some_and(|x| is(EACH, w(x))) {
        return Some(1);
    }
    // Items: capitalised words or word runs, split by "," and "and".
    let mut items = 0;
    let mut in_item = false;
    for x in &ws[1..] {
        let word = w(x);
        if word == "," || is(LIST_JOINERS, word) {
            in_item = false;
        } else if word.chars().next().is_some_and(char::is_uppercase) {
            if !in_item {
                items += 1;
            }
            in_item = true;
        }
    }
    (items >= 2).then_some(items)
}

/// Whether `p` can be a part of `total`: a count of the same unit (or a bare number), no
/// larger than it, not vague.
fn part_of(total: &Claim, p: &Claim) -> bool {
    matches!(p.dimension, Dimension::Count | Dimension::Number)
        && p.derived.is_none()
        && p.sentence == total.sentence
        && p.span.start >= total.span.end
        && (p.unit == total.unit || p.unit.is_empty() || p.unit == "people")
        && !p.flags.contains(&Flag::Vague)
        && p.value.is_point()
        && matches!((p.value.hi, total.value.lo), (Some(a), Some(b)) if a <= b)
}

/// The sums of listed parts held against their totals, one derived claim per total.
pub(super) fn totals(a: Article<'_>, s: &Settings) -> Vec<Claim> {
    let mut out = Vec::new();
    let claims = a.claims;
    for (i, total) in claims.iter().enumerate() {
        if total.dimension != Dimension::Count
            || total.derived.is_some()
            || total.flags.contains(&Flag::Vague)
        {
            continue;
        }
        let Some(first) = claims.get(i + 1).filter(|p| part_of(total, p)) else {
            continue;
        };
        let Some(how) = opener(a.text, total.span.end, first.span.start) else {
            continue;
        };
        let mut parts: Vec<(&Claim, u32)> = Vec::new();
        for (k, p) in claims[i + 1..].iter().take(MAX_PARTS).enumerate() {
            if !part_of(total, p) {
                break;
            }
            let next = claims
                .get(i + 2 + k)
                .filter(|n| n.sentence == total.sentence)
                .map_or(total.sentence.end, |n| n.span.start);
            let Some(n) = times(a.text, p.span.end, next) else {
                break;
            };
            parts.push((p, n));
        }
        // A list must have `min_parts` items to spell a total out; one part "including" is
        // already a check (no part exceeds its whole).
        if parts.is_empty() || (how == Parts::All && parts.len() < s.min_parts) {
            continue;
        }
        let last = parts[parts.len() - 1].0;
        let tail = words(a.text, first.span.start, last.span.end);
        let after_last = words(
            a.text,
            last.span.end,
            ahead(a.text, last.span.end, total.sentence.end),
        );
        let partial = how == Parts::Some
            || tail
                .iter()
                .chain(after_last.iter().take(3))
                .any(|&(x, y)| is(NOT_ALL, &a.text[x..y]));
        out.push(sum_claim(a, total, &parts, partial));
    }
    out
}

/// The derived claim: the parts' sum, exact when they make the total, else at least the sum.
fn sum_claim(a: Article<'_>, total: &Claim, parts: &[(&Claim, u32)], partial: bool) -> Claim {
    let mut lo = 0.0;
    let mut hi = 0.0;
    let mut terms = Vec::new();
    for (p, n) in parts {
        let k = f64::from(*n);
        lo += p.bounds.lo.unwrap_or(0.0) * k;
        hi += p.bounds.hi.unwrap_or(f64::INFINITY) * k;
        let v = p.value.lo.unwrap_or(0.0);
        terms.push(if *n > 1 {
            format!("{v}×{n}")
        } else {
            format!("{v}")
        });
    }
    let sum: f64 = parts
        .iter()
        .map(|(p, n)| p.value.lo.unwrap_or(0.0) * f64::from(*n))
        .sum();
    let first = parts[0].0;
    let last = parts[parts.len() - 1].0;
    let (value, bounds, qualifier, how) = if partial {
        (
            Interval::new(Some(sum), None),
            Interval::new(Some(lo), None),
            Qualifier::AtLeast,
            "some of",
        )
    } else {
        (
            Interval::point(sum),
            Interval::new(Some(lo), Some(hi)),
            Qualifier::Exact,
            "the parts of",
        )
    };
    let arithmetic = format!("{} = {sum} ({how} “{}”)", terms.join(" + "), total.text);
    let span = span_at(a.text, &first.span, first.span.start, last.span.end);
    let mut from = vec![total.id.clone()];
    from.extend(parts.iter().map(|(p, _)| p.id.clone()));
    let mut c = total.clone();
    c.id = String::new();
    c.span = span;
    c.text = a.text[span.start..span.end].to_string();
    c.value = value;
    c.bounds = bounds;
    c.qualifier = qualifier;
    c.written.value = value;
    c.equivalent = None;
    c.flags = Vec::new();
    c.derived = Some(Box::new(Derivation {
        rule: Rule::Total,
        from,
        arithmetic,
    }));
    c
}
