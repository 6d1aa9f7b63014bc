//! How values are shown to people, the same in every renderer: numbers with thousands
//! separators, ISO dates at the precision the text gave, intervals with their qualifier and unit
//! ("≥4,500 people", "~20 km", "2023-10-12..2023-10-13").

use crate::calendar::Ymd;
use crate::claim::{Claim, DatePrecision, Dimension, Interval, Qualifier};
use crate::fingerprint::as_whole;

/// From this magnitude on, a number for people is shown in exponent form (`1e15`).
const EXPONENT_FROM: f64 = 1e15;
/// Decimals a number for people keeps at most (trailing zeros dropped).
const DECIMALS: usize = 4;

/// A number for people: thousands separators, at most `DECIMALS` decimals, no trailing zeros.
/// Whole numbers follow the same rule as the fingerprint and the JSON ([`as_whole`]).
pub fn fmt_number(v: f64) -> String {
    if !v.is_finite() {
        return if v > 0.0 { "∞".into() } else { "-∞".into() };
    }
    let neg = v < 0.0;
    let a = v.abs();
    let mut s = if a >= EXPONENT_FROM {
        format!("{a:e}")
    } else if let Some(whole) = as_whole(a) {
        group(&whole.to_string())
    } else {
        let raw = format!("{a:.DECIMALS$}");
        let raw = raw.trim_end_matches('0').trim_end_matches('.');
        match raw.split_once('.') {
            Some((i, f)) => format!("{}.{f}", group(i)),
            None => group(raw),
        }
    };
    if neg {
        s.insert(0, '-');
    }
    s
}

fn group(int: &str) -> String {
    let bytes = int.as_bytes();
    let mut out = String::with_capacity(int.len() + int.len() / 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 && (bytes.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(*b as char);
    }
    out
}

/// An ISO date at a precision ("2023-10-12", "2023-10", "2023").
pub fn fmt_day(day: f64, precision: DatePrecision) -> String {
    let d = Ymd::from_days(day as i64);
    match precision {
        DatePrecision::Day => d.to_string(),
        DatePrecision::Month => format!("{:04}-{:02}", d.year, d.month),
        DatePrecision::Year | DatePrecision::Decade => format!("{:04}", d.year),
    }
}

/// One end of a claim's interval as text: a number, or an ISO date for dates.
pub fn fmt_end(claim: &Claim, v: f64) -> String {
    if claim.dimension == Dimension::Time {
        let p = claim
            .date
            .as_ref()
            .map_or(DatePrecision::Day, |d| d.precision);
        fmt_day(v, p)
    } else {
        fmt_number(v)
    }
}

/// The stated value for people: "≥4,500 people", "2023-10-12..2023-10-13", "~20 km".
/// Durations and physical quantities show in the unit the writer used ("5 years", "10 mi");
/// JSON carries both that and the canonical value.
pub fn fmt_value(claim: &Claim) -> String {
    let w = &claim.written;
    if !w.unit.is_empty() && w.unit != claim.unit && claim.dimension != Dimension::Time {
        return fmt_interval_in(claim, &w.value, claim.qualifier, &w.unit);
    }
    fmt_interval(claim, &claim.value, claim.qualifier)
}

/// An interval of a claim for people, in the claim's canonical unit.
pub fn fmt_interval(claim: &Claim, iv: &Interval, q: Qualifier) -> String {
    fmt_interval_in(claim, iv, q, &claim.unit)
}

fn fmt_interval_in(claim: &Claim, iv: &Interval, q: Qualifier, unit: &str) -> String {
    if let Some(p) = claim.date.as_ref().and_then(|d| d.partial.as_ref()) {
        return format!("{p} (year unknown)");
    }
    let unit = if unit.is_empty() {
        String::new()
    } else if unit == "%" {
        "%".into()
    } else {
        format!(" {unit}")
    };
    let body = match (iv.lo, iv.hi) {
        (Some(a), Some(_)) if iv.is_point() => {
            let prefix = if q == Qualifier::Approx { "~" } else { "" };
            format!("{prefix}{}", fmt_end(claim, a))
        }
        (Some(a), Some(b)) if fmt_end(claim, a) == fmt_end(claim, b) => {
            // A month or a year: one period, shown once.
            fmt_end(claim, a)
        }
        (Some(a), Some(b)) => {
            if q == Qualifier::LessThan || q == Qualifier::AtMost {
                let op = if q == Qualifier::LessThan { "<" } else { "≤" };
                format!("{op}{}", fmt_end(claim, b))
            } else {
                format!("{}..{}", fmt_end(claim, a), fmt_end(claim, b))
            }
        }
        (Some(a), None) => {
            let op = if q == Qualifier::MoreThan { ">" } else { "≥" };
            format!("{op}{}", fmt_end(claim, a))
        }
        (None, Some(b)) => {
            let op = if q == Qualifier::LessThan { "<" } else { "≤" };
            format!("{op}{}", fmt_end(claim, b))
        }
        (None, None) => "?".into(),
    };
    format!("{body}{unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_numbers_group_thousands_keep_four_decimals_and_show_infinity() {
        for (v, want) in [
            (4500.0, "4,500"),
            (3e9, "3,000,000,000"),
            (0.3333333, "0.3333"),
            (1234567.5, "1,234,567.5"),
            (-20.0, "-20"),
            (f64::INFINITY, "∞"),
        ] {
            assert_eq!(fmt_number(v), want);
        }
    }
}
