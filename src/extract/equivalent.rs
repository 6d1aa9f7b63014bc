//! A value restated in other units right beside it: "Rs 615 crore ($75 million)", "$19bn, or
//! roughly £11.4bn", "51.8 degrees Celsius (125 degrees Fahrenheit)". Both stay claims of their
//! own (each is quoted by someone), and each carries the other as its [`Equivalent`]: the
//! matcher lets the two share a group although they are of one sentence, and the verdict
//! compares money across currencies through the rate the article itself gives.
//!
//! A restatement is the next value of the sentence, of the same dimension, after nothing but
//! brackets, commas, slashes and the glue words of [`crate::lang::en::equivalent`], with at
//! least a bracket, a slash or "or" among them. Money must change currency; a physical value
//! must come within [`PHYSICAL_TOLERANCE`] of the first in canonical units (so "5 km (3 km of
//! it paved)" is two facts). Counts, shares and dates never restate each other this way:
//! "20 people (15 civilians)" names a part, not an equivalent. A count in brackets right
//! after a share ("49.76% (6,369,008 ballots)") is no restatement either, but it counts the
//! share's group: it takes the share's role.

use crate::claim::{Claim, Dimension, Equivalent, Kind};
use crate::lang::en::equivalent::is_equivalent_glue;

/// The largest relative difference, in canonical units, between a physical value and its
/// restatement in other units ("51.8 °C (125 °F)" differ by 0.3 %; rounding to whole units of
/// the other system stays well inside).
pub const PHYSICAL_TOLERANCE: f64 = 0.1;

/// The longest gap, in bytes, between a value and its restatement.
const MAX_GAP: usize = 32;

/// Pair each claim of one sentence with the restatement that follows it, both ways.
pub(crate) fn pair(text: &str, claims: &mut [Claim]) {
    if claims.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| (claims[i].span.start(), claims[i].span.end()));
    for w in order.windows(2) {
        let (a, b) = (w[0], w[1]);
        if share_then_count(text, &claims[a], &claims[b]) && !claims[a].measure.role.is_empty() {
            // "49.76% (6,369,008 ballots)": the count of the share's group, its role too.
            claims[b].measure.role = claims[a].measure.role.clone();
            continue;
        }
        if !restates(text, &claims[a], &claims[b]) {
            continue;
        }
        let of = |c: &Claim| {
            Some(Box::new(Equivalent {
                text: c.text.to_string(),
                span: c.span,
                value: c.value,
                bounds: c.bounds,
                unit: c.unit.to_string(),
            }))
        };
        let (ea, eb) = (of(&claims[b]), of(&claims[a]));
        claims[a].equivalent = ea;
        claims[b].equivalent = eb;
        // The restatement measures what the first value measures.
        claims[b].measure = claims[a].measure.clone();
    }
}

/// True when `b`, the next value after `a`, restates `a` in other units.
fn restates(text: &str, a: &Claim, b: &Claim) -> bool {
    if a.kind == Kind::Date || b.kind == Kind::Date || a.dimension != b.dimension {
        return false;
    }
    let (from, to) = (a.span.end(), b.span.start());
    if from > to
        || to - from > MAX_GAP
        || !text.is_char_boundary(from)
        || !text.is_char_boundary(to)
    {
        return false;
    }
    if !is_glue(&text[from..to]) {
        return false;
    }
    match a.dimension {
        Dimension::Money => !a.unit.is_empty() && !b.unit.is_empty() && a.unit != b.unit,
        Dimension::Length
        | Dimension::Area
        | Dimension::Mass
        | Dimension::Volume
        | Dimension::Speed
        | Dimension::Temperature
        | Dimension::Angle
        | Dimension::Data => close(a, b),
        _ => false,
    }
}

/// True when `b` is a count in brackets right after the share `a` ("49.76% (6,369,008
/// ballots)", "50.2 per cent, or 6.4 million votes"): the same group counted, not restated.
fn share_then_count(text: &str, a: &Claim, b: &Claim) -> bool {
    if a.kind != Kind::Percent || b.kind != Kind::Count {
        return false;
    }
    let (from, to) = (a.span.end(), b.span.start());
    from <= to
        && to - from <= MAX_GAP
        && text.is_char_boundary(from)
        && text.is_char_boundary(to)
        && is_glue(&text[from..to])
}

/// True when the gap holds only brackets, commas, slashes, spaces and glue words, with a
/// bracket, a slash or a marker word ("or", "equivalent", "works out") among them.
fn is_glue(gap: &str) -> bool {
    let mut marker = false;
    for piece in gap.split(|c: char| c.is_whitespace() || c == ',') {
        let word = piece.trim_start_matches(['(', '[', '/']);
        marker |= word.len() < piece.len();
        if word.is_empty() {
            continue;
        }
        if !word.chars().all(char::is_alphabetic) {
            return false;
        }
        let low = word.to_lowercase();
        if !is_equivalent_glue(&low) {
            return false;
        }
        marker |= crate::lang::en::equivalent::is_marker(&low);
    }
    marker
}

/// True when two physical values agree within [`PHYSICAL_TOLERANCE`] in canonical units.
fn close(a: &Claim, b: &Claim) -> bool {
    let mid = |c: &Claim| match (c.value.lo(), c.value.hi()) {
        (Some(l), Some(h)) => Some((l + h) / 2.0),
        (l, h) => l.or(h),
    };
    let (Some(x), Some(y)) = (mid(a), mid(b)) else {
        return false;
    };
    (x - y).abs() <= PHYSICAL_TOLERANCE * x.abs().max(y.abs()).max(1.0)
}

#[cfg(test)]
mod tests {
    use crate::extract::{Context, extract};

    fn pairs(text: &str) -> Vec<(String, Option<String>)> {
        extract(text, &Context::default())
            .into_iter()
            .map(|c| (c.text.to_string(), c.equivalent.map(|e| e.text)))
            .collect()
    }

    #[test]
    fn restatements_in_other_units_pair_both_ways() {
        let p = pairs("The mission cost Rs 615 crore ($75 million) in all.");
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].1.as_deref(), Some(p[1].0.as_str()), "{p:?}");
        assert_eq!(p[1].1.as_deref(), Some(p[0].0.as_str()), "{p:?}");
        let p = pairs("Temperatures reached 51.8 degrees Celsius (125 degrees Fahrenheit).");
        assert!(p.iter().all(|(_, e)| e.is_some()), "{p:?}");
        let p = pairs("Facebook paid $19bn, or roughly £11.4bn, for the app.");
        assert!(p.iter().all(|(_, e)| e.is_some()), "{p:?}");
        // A conversion in words: "which works out at", "equivalent to".
        let p = pairs("The mission cost 6.15bn rupees, which works out at around $75 million.");
        assert!(p.iter().all(|(_, e)| e.is_some()), "{p:?}");
        let p = pairs("Facebook paid $19bn, equivalent to £11.4bn, for the app.");
        assert!(p.iter().all(|(_, e)| e.is_some()), "{p:?}");
    }

    #[test]
    fn parts_and_other_facts_are_not_equivalents() {
        for text in [
            "The flood killed 20 people (15 civilians) on Monday.",
            "The road is 5 km long (3 km of it paved).",
            "The mission cost $75 million and the film cost $165 million.",
            "It cost $75 million (up from $60 million a year earlier).",
            "Turnout was 37% (6.4 million votes).",
            // Glue words alone, with no bracket, slash or marker, restate nothing.
            "Acme raised its offer from $17bn to about £11.4bn.",
        ] {
            let p = pairs(text);
            assert!(p.iter().all(|(_, e)| e.is_none()), "{text}: {p:?}");
        }
    }

    #[test]
    fn a_count_in_brackets_after_a_share_takes_its_role() {
        let claims = extract(
            "The yes vote garnered 49.76% (6,369,008 ballots) in the count.",
            &Context::default(),
        );
        assert_eq!(claims.len(), 2, "{claims:?}");
        assert!(!claims[0].measure.role.is_empty(), "{claims:?}");
        assert_eq!(claims[1].measure.role, claims[0].measure.role);
        assert!(claims[1].equivalent.is_none());
        // Not across other words: "49.76%, while 6,369,008 ballots were cast".
        let claims = extract(
            "The yes vote garnered 49.76%, while 6,369,008 ballots were cast.",
            &Context::default(),
        );
        assert_ne!(claims[1].measure.role, claims[0].measure.role, "{claims:?}");
    }
}
