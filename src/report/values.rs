//! How values are shown to people, the same in every renderer: numbers with thousands
//! separators, ISO dates at the precision the text gave, intervals with their qualifier and unit
//! ("≥4,500 people", "~20 km", "2023-10-12..2023-10-13").
//!
//! [`readable`] is the form for reading beside the words of the article: the value in the unit
//! the writer used, large numbers with their scale word, and a conversion only where it says
//! something, rounded to [`CONVERTED_DIGITS`] significant digits ("225 mi ≈ 362 km", "18
//! years", "1.8 million people", "125 °F ≈ 51.7 °C"). [`said`] puts it after the text as
//! written when the text does not already show it ("Six (6)", "Thursday (2023-10-12)").

use crate::calendar::Ymd;
use crate::claim::{Claim, DatePrecision, Dimension, Interval, Qualifier};
use crate::fingerprint::as_whole;
use crate::lang::en::{nouns, numbers};

/// From this magnitude on, a number for people is shown in exponent form (`1e15`).
const EXPONENT_FROM: f64 = 1e15;
/// Decimals a number for people keeps at most (trailing zeros dropped).
const DECIMALS: usize = 4;
/// Significant digits of a converted value ("≈ 362 km", not "≈ 362.1035 km").
pub const CONVERTED_DIGITS: i32 = 3;
/// Significant digits a readable number keeps before its scale word ("6.15 billion").
const SCALED_DIGITS: i32 = 3;
/// From this magnitude on, a readable number is written with its scale word.
const SCALE_FROM: f64 = 1e6;

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

/// A time of day, minutes since midnight, as "HH:MM" (with seconds when it has them).
pub fn fmt_clock(minutes: f64) -> String {
    let s = (minutes * 60.0).round().clamp(0.0, 86_400.0) as u32;
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{h:02}:{m:02}")
    } else {
        format!("{h:02}:{m:02}:{sec:02}")
    }
}

/// One end of a claim's interval as text: a number, an ISO date for dates, "HH:MM" for times
/// of day.
pub fn fmt_end(claim: &Claim, v: f64) -> String {
    if claim.dimension == Dimension::TimeOfDay {
        return fmt_clock(v);
    }
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
    let w = claim.written();
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
    let body = match (iv.lo(), iv.hi()) {
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

/// A number rounded to `digits` significant digits, for people ("362", "51.7", "0.0333").
pub fn fmt_significant(v: f64, digits: i32) -> String {
    if !v.is_finite() || v == 0.0 {
        return fmt_number(v);
    }
    let magnitude = v.abs().log10().floor() as i32;
    let step = 10f64.powi(magnitude + 1 - digits);
    fmt_number((v / step).round() * step)
}

/// A number for reading: from a million on with its scale word when that is exact to
/// `SCALED_DIGITS` significant digits ("1.8 million", "6.15 billion"), else as
/// [`fmt_number`].
pub fn fmt_readable_number(v: f64) -> String {
    let a = v.abs();
    if a.is_finite() && a >= SCALE_FROM {
        let scale = numbers::SCALES
            .iter()
            .filter(|(_, k)| *k >= SCALE_FROM && is_power_of_thousand(*k) && *k <= a)
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((word, k)) = scale {
            let scaled = v / k;
            let rounded = fmt_significant(scaled, SCALED_DIGITS);
            let back: f64 = rounded.replace(',', "").parse().unwrap_or(f64::NAN);
            if (back - scaled).abs() <= 1e-9 * scaled.abs().max(1.0) {
                return format!("{rounded} {word}");
            }
        }
    }
    fmt_number(v)
}

fn is_power_of_thousand(k: f64) -> bool {
    let e = k.log10();
    (e - e.round()).abs() < 1e-9 && (e.round() as i64) % 3 == 0
}

/// The value for reading beside the article's words: in the writer's unit, with the canonical
/// value after "≈" for physical units ("225 mi ≈ 362 km"), durations in their own unit ("18
/// years", "1 day"), large numbers with their scale word ("1.8 million people").
pub fn readable(claim: &Claim) -> String {
    if matches!(claim.dimension, Dimension::Time | Dimension::TimeOfDay) {
        return fmt_value(claim);
    }
    let w = claim.written();
    let converted = !w.unit.is_empty() && w.unit != claim.unit;
    if converted && claim.dimension != Dimension::Money {
        let written = readable_interval(claim, &w.value, &w.unit);
        if claim.dimension == Dimension::Duration {
            return written;
        }
        let canonical = canonical_rounded(claim);
        if canonical.is_empty() || canonical == written {
            return written;
        }
        return format!("{written} ≈ {canonical}");
    }
    readable_interval(claim, &claim.value, &claim.unit)
}

/// The claim's canonical value rounded to [`CONVERTED_DIGITS`] significant digits ("362 km").
fn canonical_rounded(claim: &Claim) -> String {
    let iv = &claim.value;
    let f = |v: f64| fmt_significant(v, CONVERTED_DIGITS);
    let body = match (iv.lo(), iv.hi()) {
        (Some(a), Some(b)) if f(a) == f(b) => f(a),
        (Some(a), Some(b)) => format!("{}–{}", f(a), f(b)),
        (Some(a), None) => format!("≥{}", f(a)),
        (None, Some(b)) => format!("≤{}", f(b)),
        (None, None) => return String::new(),
    };
    with_unit(body, &claim.unit)
}

/// An interval in `unit` with readable numbers and the claim's qualifier.
fn readable_interval(claim: &Claim, iv: &Interval, unit: &str) -> String {
    let q = claim.qualifier;
    let body = match (iv.lo(), iv.hi()) {
        (Some(a), Some(_)) if iv.is_point() => {
            let prefix = if q == Qualifier::Approx { "~" } else { "" };
            format!("{prefix}{}", fmt_readable_number(a))
        }
        (Some(_), Some(b)) if matches!(q, Qualifier::LessThan | Qualifier::AtMost) => {
            let op = if q == Qualifier::LessThan { "<" } else { "≤" };
            format!("{op}{}", fmt_readable_number(b))
        }
        (Some(a), Some(b)) => format!("{}–{}", fmt_readable_number(a), fmt_readable_number(b)),
        (Some(a), None) => {
            let op = if q == Qualifier::MoreThan { ">" } else { "≥" };
            format!("{op}{}", fmt_readable_number(a))
        }
        (None, Some(b)) => {
            let op = if q == Qualifier::LessThan { "<" } else { "≤" };
            format!("{op}{}", fmt_readable_number(b))
        }
        (None, None) => "?".into(),
    };
    with_unit(body, unit)
}

/// `body` and its unit: "%" glued, a plural unit in the singular for exactly one ("1 day").
fn with_unit(body: String, unit: &str) -> String {
    if unit.is_empty() {
        return body;
    }
    if unit == "%" {
        return format!("{body}%");
    }
    let one = body.trim_start_matches(['~', '<', '>', '≤', '≥']) == "1";
    let unit = if one {
        unit.strip_suffix(nouns::PLURAL).unwrap_or(unit)
    } else {
        unit
    };
    format!("{body} {unit}")
}

/// The claim as written, with its readable form after it when that tells the reader more
/// than the text does: another number ("Six (6)"), a resolved date ("Thursday (2023-10-12)"),
/// a conversion ("225 miles (225 mi ≈ 362 km)").
pub fn said(claim: &Claim) -> String {
    let form = readable(claim);
    if adds_to(&claim.text, &form, claim) {
        format!("{} ({form})", claim.text)
    } else {
        claim.text.to_string()
    }
}

/// True when `form` says more than `text`: its digits are not all in the text, or it
/// converts into another unit.
fn adds_to(text: &str, form: &str, claim: &Claim) -> bool {
    if form.contains('≈') {
        return true;
    }
    // "first", "second-largest": the words are the value.
    if matches!(claim.dimension, Dimension::Ordinal | Dimension::Rank) {
        return false;
    }
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let (t, f) = (digits(text), digits(form));
    if f.is_empty() {
        return false;
    }
    if claim.dimension == Dimension::Time {
        return !t.contains(&f);
    }
    // "1.8 million" written, "1.8 million people" read: nothing new.
    t != f && !t.contains(&f)
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

    #[test]
    fn readable_numbers_round_conversions_and_use_scale_words() {
        assert_eq!(fmt_significant(362.1035, 3), "362");
        assert_eq!(fmt_significant(51.666, 3), "51.7");
        assert_eq!(fmt_significant(6574.365, 3), "6,570");
        assert_eq!(fmt_readable_number(1.8e6), "1.8 million");
        assert_eq!(fmt_readable_number(6.15e9), "6.15 billion");
        assert_eq!(fmt_readable_number(34_899_945.0), "34,899,945");
        assert_eq!(fmt_readable_number(4500.0), "4,500");
    }

    fn claim(text: &str) -> Claim {
        let ctx = crate::extract::Context {
            source: "a",
            published: Ymd::new(2023, 10, 13),
            ..crate::extract::Context::default()
        };
        let mut v = crate::extract::extract(text, &ctx);
        assert_eq!(v.len(), 1, "{text}: {v:#?}");
        v.remove(0)
    }

    #[test]
    fn readable_forms_keep_the_writers_unit_and_round_the_conversion() {
        for (sentence, want) in [
            ("The road is 225 miles long.", "225 mi ≈ 362 km"),
            ("He served 18 years in prison.", "18 years"),
            ("Some 1.8 million pilgrims came.", "~1.8 million pilgrims"),
            ("The talks took one day.", "1 day"),
        ] {
            let c = claim(sentence);
            assert_eq!(readable(&c), want, "{sentence}");
            assert!(!readable(&c).contains(".0"), "{sentence}");
        }
    }

    #[test]
    fn said_adds_the_readable_form_only_when_it_tells_more() {
        assert_eq!(said(&claim("Six people died.")), "Six (6 people)");
        assert_eq!(
            said(&claim("More than 4,500 officers came.")),
            "More than 4,500"
        );
        assert_eq!(
            said(&claim("The road is 225 miles long.")),
            "225 miles (225 mi ≈ 362 km)"
        );
    }
}
