//! Dates around a month name: "October 12", "October 12-13, 2023", "October 30 to November 2",
//! "12 October", "12-13 October 2023", "5th of May", "March 2023", "early October 2023", and a
//! month alone in date context ("in March", "early October", "last May", "March and May").

use super::bytes::{glued_after, glued_before, skip_ws, skip_ws_back, word_at, word_before};
use super::context::{
    coordinated, day_before, parse_day, parse_year, part_before, qualifier, range_sep,
    range_sep_before, rel_before, word_before_in,
};
use super::raw::{NoYear, Raw, RawKind, explicit_day};
use crate::calendar::{days_in_month, month_span};
use crate::claim::DatePrecision;
use crate::lang::en::calendar::{self, DAY_OF_MONTH, MonthName, PARTS};

/// Earliest month-day of each part of a month ([`PARTS`]: early, mid, late); day 0 means "last
/// day".
const MONTH_PARTS: [(u32, u32); PARTS.len()] = [(1, 10), (11, 20), (21, 0)];
/// A leap year: the most days a month can have, for a date without a year.
const LEAP_YEAR: i32 = 2000;

/// An expression around the month name at `s..e`; `last_end` is where the previous date ended.
pub(super) fn month_expr(
    b: &[u8],
    s: usize,
    e: usize,
    name: MonthName,
    last_end: usize,
) -> Option<Raw> {
    let m = name.month;
    if (glued_before(b, s) && part_before(b, s).is_none()) || glued_after(b, e) {
        return None;
    }
    // Lowercase everyday words ("may", "march") are no months; nor are lowercase abbreviations.
    if b[s].is_ascii_lowercase() && (name.abbreviation || name.everyday) {
        return None;
    }
    let dot = name.abbreviation && e < b.len() && b[e] == b'.';
    let after = if dot { e + 1 } else { e };
    let k = skip_ws(b, after);
    if let Some((d1, dend)) = parse_day(b, k) {
        return month_day(b, s, m, d1, dend);
    }
    if let Some((d2, ds)) = day_before_month(b, s) {
        return day_month(b, e, after, m, (d2, ds));
    }
    if let Some((y, ye)) = parse_year(b, k) {
        return Some(month_year(b, s, m, y, ye));
    }
    // An abbreviation alone is a date only with its period ("in Oct.").
    if name.abbreviation && !dot {
        return None;
    }
    month_alone(b, s, e, m, last_end)
}

/// Past a comma at `q`, if there is one.
fn past_comma(b: &[u8], q: usize) -> usize {
    if q < b.len() && b[q] == b',' {
        q + 1
    } else {
        q
    }
}

/// A day range's second end after the day `d1` of month `m` ending at `dend`: "-13", " to 13",
/// " - November 2"; the month, day and end of the range (those of `d1` when there is none).
fn second_end(b: &[u8], m: u32, d1: u32, dend: usize) -> (u32, u32, usize) {
    let Some(p) = range_sep(b, dend) else {
        return (m, d1, dend);
    };
    if let Some((dd, de)) = parse_day(b, p) {
        if dd > d1 {
            return (m, dd, de);
        }
    } else if let Some((ws, we)) = word_at(b, p)
        && let Some(second) = calendar::month(&b[ws..we])
        && second.month != m
    {
        let dot = second.abbreviation && b.get(we) == Some(&b'.');
        let q = skip_ws(b, if dot { we + 1 } else { we });
        if let Some((dd, de)) = parse_day(b, q) {
            return (second.month, dd, de);
        }
    }
    (m, d1, dend)
}

/// "October 12", "October 12-13, 2023", "October 30 - November 2": the month at `s`, its day
/// `d1` ending at `dend`.
fn month_day(b: &[u8], s: usize, m: u32, d1: u32, dend: usize) -> Option<Raw> {
    let (m2, d2, end) = second_end(b, m, d1, dend);
    let q = past_comma(b, end);
    let range = (m2, d2) != (m, d1);
    if let Some((y, ye)) = parse_year(b, skip_ws(b, q)) {
        return Some(Raw {
            start: s,
            end: ye,
            kind: explicit_day(y, m, d1, m2, d2)?,
            qualifier: qualifier(b, s, range),
        });
    }
    if d1 > days_in_month(LEAP_YEAR, m) || d2 > days_in_month(LEAP_YEAR, m2) {
        return None;
    }
    Some(Raw {
        start: s,
        end,
        kind: RawKind::NoYear(NoYear {
            m1: m,
            d1,
            m2,
            d2,
            day: true,
            rel: 0,
        }),
        qualifier: qualifier(b, s, range),
    })
}

/// The day before the month name at `s` ("12 October", "12th of October"): the day and its
/// start.
fn day_before_month(b: &[u8], s: usize) -> Option<(u32, usize)> {
    let mut j = skip_ws_back(b, s);
    if let Some((ws, we)) = word_before(b, s)
        && b[ws..we].eq_ignore_ascii_case(DAY_OF_MONTH.as_bytes())
    {
        j = skip_ws_back(b, ws);
    }
    if j < s { day_before(b, j) } else { None }
}

/// "12 October", "12-13 October 2023", "12th of October": the month ending at `e` (`after`
/// past its period), the day `d2` starting at `ds`.
fn day_month(b: &[u8], e: usize, after: usize, m: u32, (d2, ds): (u32, usize)) -> Option<Raw> {
    let (mut d1, mut start) = (d2, ds);
    if let Some(p) = range_sep_before(b, ds)
        && let Some((dd, dds)) = day_before(b, p)
        && dd < d2
    {
        (d1, start) = (dd, dds);
    }
    if start > 0 && b[start - 1] == b'-' || d2 > days_in_month(LEAP_YEAR, m) {
        return None;
    }
    let range = d1 != d2;
    let (kind, end) = match parse_year(b, skip_ws(b, past_comma(b, after))) {
        Some((y, ye)) => (explicit_day(y, m, d1, m, d2)?, ye),
        None => (
            RawKind::NoYear(NoYear {
                m1: m,
                d1,
                m2: m,
                d2,
                day: true,
                rel: 0,
            }),
            e,
        ),
    };
    Some(Raw {
        start,
        end,
        kind,
        qualifier: qualifier(b, start, range),
    })
}

/// "March 2023", "early October 2023": the month at `s`, the year `y` ending at `ye`.
fn month_year(b: &[u8], s: usize, m: u32, y: i32, ye: usize) -> Raw {
    let part = part_before(b, s);
    let start = part.map_or(s, |p| p.0);
    let (mut lo, mut hi) = month_span(y, m);
    if let Some((_, p)) = part {
        let (d1, d2) = MONTH_PARTS[p];
        lo.day = d1;
        if d2 != 0 {
            hi.day = d2;
        }
    }
    Raw {
        start,
        end: ye,
        kind: RawKind::Explicit {
            lo,
            hi,
            precision: if part.is_some() {
                DatePrecision::Day
            } else {
                DatePrecision::Month
            },
            month_year: true,
        },
        qualifier: qualifier(b, start, part.is_some()),
    }
}

/// A month alone at `s..e`, in date context: "in March", "early October", "last May", "March
/// and May".
fn month_alone(b: &[u8], s: usize, e: usize, m: u32, last_end: usize) -> Option<Raw> {
    let part = part_before(b, s);
    let mut start = part.map_or(s, |p| p.0);
    // "a December interview": the month as an adjective, a lowercase noun after it.
    let attributive = || {
        word_before_in(b, start, calendar::ATTRIBUTIVE_BEFORE)
            && word_at(b, e).is_some_and(|(ws, we)| {
                ws > e
                    && b[ws].is_ascii_lowercase()
                    && !calendar::in_list(calendar::YEAR_FOLLOWERS, &b[ws..we])
            })
    };
    let ok = part.is_some()
        || word_before(b, start).is_some_and(|(cs, ce)| calendar::is_month_context(&b[cs..ce]))
        || coordinated(b, start, last_end)
        || attributive();
    if !ok {
        return None;
    }
    let mut rel = 0;
    if part.is_none()
        && let Some((r, rs)) = rel_before(b, s)
    {
        rel = r;
        if r != 0 {
            start = rs;
        }
    }
    let (d1, d2) = part.map_or((1, 0), |(_, p)| MONTH_PARTS[p]);
    Some(Raw {
        start,
        end: e,
        kind: RawKind::NoYear(NoYear {
            m1: m,
            d1,
            m2: m,
            d2,
            day: part.is_some(),
            rel,
        }),
        qualifier: qualifier(b, start, part.is_some()),
    })
}
