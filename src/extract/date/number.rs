//! Dates around a four-digit number: an ISO date ("2023-10-13"), a decade ("the 1990s", "the
//! early 2000s"), a year in date context ("in 2022", "mid-2023", "2020 and 2021") and a year
//! range ("2020-2022", "2024–26"). A number followed by a count's noun ("2000 people") or glued
//! into an amount, path or code is no year.

use super::bytes::{dash_at, digits_value, glued_after, glued_before, is_digit_at, word_before};
use super::context::{
    YEAR_MAX, YEAR_MIN, coordinated, part_before, prep_qualifier, qualifier, word_before_in,
    year_follow_ok,
};
use super::raw::{Raw, RawKind};
use crate::calendar::{Ymd, days_in_month};
use crate::claim::{DatePrecision, Qualifier};
use crate::lang::en::calendar::{
    self, DECADE_APOSTROPHE_SUFFIXES, DECADE_SUFFIX, DEFINITE_ARTICLE, PARTS,
};

/// Month ranges of each part of a year ([`PARTS`]: early, mid, late).
const YEAR_PARTS: [(u32, u32); PARTS.len()] = [(1, 4), (5, 8), (9, 12)];
/// Year offsets of each part of a decade.
const DECADE_PARTS: [(i32, i32); PARTS.len()] = [(0, 3), (4, 6), (7, 9)];
/// Bytes of "-10-13" after the year of an ISO date.
const ISO_TAIL: usize = 6;
/// Digits after the dash of a year range, at most ("2020-2022"); a range's second year is
/// written in four digits or two ("2024–26").
const RANGE_DIGITS: usize = 4;
const RANGE_SHORT_DIGITS: usize = 2;

/// An expression around the four-digit number at `s..e`: ISO date, decade, year or year range;
/// `last_end` is where the previous date ended.
pub(super) fn number_expr(b: &[u8], s: usize, e: usize, last_end: usize) -> Option<Raw> {
    let y = digits_value(&b[s..e]);
    let part = part_before(b, s);
    if part.is_none() && glued_before(b, s) {
        return None;
    }
    if is_iso(b, e) {
        return iso_date(b, s, e, y);
    }
    if !(YEAR_MIN..=YEAR_MAX).contains(&y) {
        return None;
    }
    let start = part.map_or(s, |p| p.0);
    // "2020's" is a possessive unless "the" or a part comes first.
    let apostrophe = part.is_some() || word_before_in(b, start, &[DEFINITE_ARTICLE]);
    if let Some(de) = decade_end(b, e, apostrophe) {
        return decade(b, y, start, de, part.map(|p| p.1));
    }
    let ctx_ok = part.is_some()
        || word_before(b, start).is_some_and(|(cs, ce)| calendar::is_year_context(&b[cs..ce]))
        || coordinated(b, start, last_end);
    if !ctx_ok {
        return None;
    }
    year(b, y, start, e, part.map(|p| p.1))
}

/// The year at `s..e` when it names an event, no date itself: "the 2008 quake", "the 2014
/// sinking" (the definite article before, a lowercase word after).
pub(super) fn event_year(b: &[u8], s: usize, e: usize) -> Option<i32> {
    let y = digits_value(&b[s..e]);
    let the = word_before(b, s)
        .is_some_and(|(ws, we)| b[ws..we].eq_ignore_ascii_case(DEFINITE_ARTICLE.as_bytes()));
    let noun = b.get(e) == Some(&b' ') && b.get(e + 1).is_some_and(u8::is_ascii_lowercase);
    ((YEAR_MIN..=YEAR_MAX).contains(&y) && the && noun).then_some(y)
}

/// "-10-13" after the year ending at `e` (then a time, "T08:00", or nothing glued).
fn is_iso(b: &[u8], e: usize) -> bool {
    e + ISO_TAIL <= b.len()
        && b[e] == b'-'
        && b[e + 3] == b'-'
        && b[e + 1..e + 3].iter().all(u8::is_ascii_digit)
        && b[e + 4..e + 6].iter().all(u8::is_ascii_digit)
        && (!glued_after(b, e + ISO_TAIL)
            || (b[e + ISO_TAIL] == b'T' && is_digit_at(b, e + ISO_TAIL + 1)))
}

/// The ISO date "2023-10-13" at `s`, its year `y` ending at `e`.
fn iso_date(b: &[u8], s: usize, e: usize, y: i32) -> Option<Raw> {
    let m = digits_value(&b[e + 1..e + 3]) as u32;
    let d = digits_value(&b[e + 4..e + 6]) as u32;
    let ymd = Ymd::new(y, m, d)?;
    Some(Raw {
        start: s,
        end: e + ISO_TAIL,
        kind: RawKind::Explicit {
            lo: ymd,
            hi: ymd,
            precision: DatePrecision::Day,
            month_year: true,
        },
        qualifier: prep_qualifier(b, s),
    })
}

/// Where the decade ending after the number ending at `e` ends ("1990s", and "1990's" when
/// `apostrophe`), if it is one.
fn decade_end(b: &[u8], e: usize, apostrophe: bool) -> Option<usize> {
    let rest = &b[e..];
    if rest.starts_with(DECADE_SUFFIX.as_bytes()) {
        return Some(e + DECADE_SUFFIX.len());
    }
    if !apostrophe {
        return None;
    }
    DECADE_APOSTROPHE_SUFFIXES
        .iter()
        .find(|x| rest.starts_with(x.as_bytes()))
        .map(|x| e + x.len())
}

/// The decade of `y` from `start` to `de`, or the part of it (an index in [`PARTS`]).
fn decade(b: &[u8], y: i32, start: usize, de: usize, part: Option<usize>) -> Option<Raw> {
    if y % 10 != 0 || (de < b.len() && b[de].is_ascii_alphanumeric()) {
        return None;
    }
    let (a, z) = part.map_or((0, 9), |p| DECADE_PARTS[p]);
    Some(Raw {
        start,
        end: de,
        kind: RawKind::Explicit {
            lo: Ymd::new(y + a, 1, 1)?,
            hi: Ymd::new(y + z, 12, 31)?,
            precision: DatePrecision::Decade,
            month_year: false,
        },
        qualifier: Qualifier::Range,
    })
}

/// The year range's second year after the year `y` ending at `e` ("-2022", "–26") and its end;
/// `Some(None)` when there is no range and the year stands alone, `None` when what follows
/// makes it no year.
fn range_end(b: &[u8], y: i32, e: usize) -> Option<Option<(i32, usize)>> {
    let Some(p) = dash_at(b, e) else {
        return (!glued_after(b, e) && year_follow_ok(b, e)).then_some(None);
    };
    let mut q = p;
    while q < b.len() && b[q].is_ascii_digit() && q - p <= RANGE_DIGITS {
        q += 1;
    }
    let v = digits_value(&b[p..q]);
    let v = match q - p {
        RANGE_DIGITS => v,
        RANGE_SHORT_DIGITS => y / 100 * 100 + v,
        _ => return None,
    };
    if v <= y || v > YEAR_MAX || glued_after(b, q) || !year_follow_ok(b, q) {
        return None;
    }
    Some(Some((v, q)))
}

/// The year `y` (or a range from it, or a part of it: an index in [`PARTS`]) from `start`, the
/// number ending at `e`.
fn year(b: &[u8], y: i32, start: usize, e: usize, part: Option<usize>) -> Option<Raw> {
    let (y2, end) = range_end(b, y, e)?.unwrap_or((y, e));
    let (lo, hi, precision, range) = match part {
        Some(p) if y2 == y => {
            let (m1, m2) = YEAR_PARTS[p];
            (
                Ymd::new(y, m1, 1)?,
                Ymd::new(y, m2, days_in_month(y, m2))?,
                DatePrecision::Month,
                true,
            )
        }
        _ => (
            Ymd::new(y, 1, 1)?,
            Ymd::new(y2, 12, 31)?,
            DatePrecision::Year,
            y2 != y,
        ),
    };
    Some(Raw {
        start,
        end,
        kind: RawKind::Explicit {
            lo,
            hi,
            precision,
            month_year: false,
        },
        qualifier: qualifier(b, start, range),
    })
}
