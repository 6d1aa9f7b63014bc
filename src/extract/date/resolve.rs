//! Missing years and weekdays filled in: against the publication date when it is known
//! (a month after the publication month by more than [`FUTURE_MONTHS`] is last year's), else
//! against the latest year the article names together with a month; else the date stays
//! unresolved and keeps its partial form ("--10-12", "Thursday").

use super::raw::{NoYear, Raw, RawKind};
use crate::calendar::{Ymd, days_in_month, month_span};
use crate::claim::{DatePrecision, Qualifier, Resolution};
use crate::lang::en::calendar::WEEKDAYS;

/// One date expression found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateHit {
    /// Byte range of the date's surface text ("October 12-13", "Thursday", "2022").
    pub start: usize,
    pub end: usize,
    /// First and last day of the stated interval (days since 1970-01-01); `None` when
    /// unresolved or open.
    pub lo: Option<i64>,
    pub hi: Option<i64>,
    pub precision: DatePrecision,
    pub resolution: Resolution,
    /// The partial date as written when unresolved: "--10-12", "--03", "Thursday".
    pub partial: Option<String>,
    pub qualifier: Qualifier,
}

/// A month without a year that lies more than this many months after the publication month is
/// read as last year's ("in November" in a February article).
const FUTURE_MONTHS: u32 = 2;
/// A leap year: the last day a month can have, for the partial form of a date without a year.
const LEAP_YEAR: i32 = 2000;

/// Every date of `raws` resolved against `published`, else against the latest year named with a
/// month.
pub(super) fn resolve_all(raws: Vec<Raw>, published: Option<Ymd>, text: &str) -> Vec<DateHit> {
    let ref_year = if published.is_none() {
        raws.iter()
            .filter_map(|r| match r.kind {
                RawKind::Explicit {
                    hi,
                    month_year: true,
                    ..
                } => Some(hi.year),
                _ => None,
            })
            .max()
    } else {
        None
    };
    raws.into_iter()
        .map(|r| resolve(r, published, ref_year, text))
        .collect()
}

/// The year of a month without one, from the publication date.
fn year_from_publication(m: u32, rel: i32, p: Ymd) -> i32 {
    match rel {
        -1 if m < p.month => p.year,
        -1 => p.year - 1,
        1 if m > p.month => p.year,
        1 => p.year + 1,
        _ if m > p.month + FUTURE_MONTHS => p.year - 1,
        _ => p.year,
    }
}

fn partial_no_year(m1: u32, d1: u32, m2: u32, d2: u32, day: bool) -> String {
    if !day {
        return format!("--{m1:02}");
    }
    let d2 = if d2 == 0 {
        days_in_month(LEAP_YEAR, m2)
    } else {
        d2
    };
    if (m1, d1) == (m2, d2) {
        format!("--{m1:02}-{d1:02}")
    } else {
        format!("--{m1:02}-{d1:02}..--{m2:02}-{d2:02}")
    }
}

/// The hit resolved to the days `lo..=hi`.
fn set_days(hit: &mut DateHit, lo: Ymd, hi: Ymd, res: Resolution) {
    hit.lo = Some(lo.days());
    hit.hi = Some(hi.days());
    hit.resolution = res;
}

fn resolve(r: Raw, published: Option<Ymd>, ref_year: Option<i32>, text: &str) -> DateHit {
    let mut hit = DateHit {
        start: r.start,
        end: r.end,
        lo: None,
        hi: None,
        precision: DatePrecision::Day,
        resolution: Resolution::Unresolved,
        partial: None,
        qualifier: r.qualifier,
    };
    match r.kind {
        RawKind::Explicit {
            lo, hi, precision, ..
        } => {
            hit.precision = precision;
            set_days(&mut hit, lo, hi, Resolution::Explicit);
        }
        RawKind::NoYear(d) => no_year(&mut hit, d, published, ref_year),
        RawKind::Relative { month, offset } => {
            hit.precision = if month {
                DatePrecision::Month
            } else {
                DatePrecision::Year
            };
            let written = || text[r.start..r.end].to_ascii_lowercase();
            relative(&mut hit, month, offset, published, ref_year, written);
        }
        RawKind::Weekday { w1, w2, rel } => weekday(&mut hit, w1, w2, rel, published),
    }
    hit
}

/// Month(s) and day(s) without a year.
fn no_year(hit: &mut DateHit, d: NoYear, published: Option<Ymd>, ref_year: Option<i32>) {
    let NoYear {
        m1,
        d1,
        m2,
        d2,
        day,
        rel,
    } = d;
    hit.precision = if day {
        DatePrecision::Day
    } else {
        DatePrecision::Month
    };
    let year = match (published, ref_year) {
        (Some(p), _) => Some((year_from_publication(m1, rel, p), Resolution::Publication)),
        (None, Some(y)) => Some((y, Resolution::Inferred)),
        (None, None) => None,
    };
    match year {
        Some((y, res)) => {
            let y2 = if m2 < m1 { y + 1 } else { y };
            let lo = Ymd {
                year: y,
                month: m1,
                day: d1.min(days_in_month(y, m1)),
            };
            let dim = days_in_month(y2, m2);
            let hi = Ymd {
                year: y2,
                month: m2,
                day: if d2 == 0 { dim } else { d2.min(dim) },
            };
            set_days(hit, lo, hi, res);
        }
        None => hit.partial = Some(partial_no_year(m1, d1, m2, d2, day)),
    }
}

/// "last year", "this month" (`month`), shifted by `offset`; unresolved, the words as
/// `written`.
fn relative(
    hit: &mut DateHit,
    month: bool,
    offset: i32,
    published: Option<Ymd>,
    ref_year: Option<i32>,
    written: impl Fn() -> String,
) {
    match (published, ref_year, month) {
        (Some(p), _, false) => {
            let y = p.year + offset;
            set_days(
                hit,
                Ymd::new(y, 1, 1).unwrap_or(p),
                Ymd::new(y, 12, 31).unwrap_or(p),
                Resolution::Publication,
            );
        }
        (None, Some(y), false) => {
            let y = y + offset;
            let (lo, hi) = (month_span(y, 1).0, month_span(y, 12).1);
            set_days(hit, lo, hi, Resolution::Inferred);
        }
        (Some(p), _, true) => {
            let idx = p.year * 12 + p.month as i32 - 1 + offset;
            let (lo, hi) = month_span(idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1);
            set_days(hit, lo, hi, Resolution::Publication);
        }
        _ => hit.partial = Some(written()),
    }
}

/// A weekday `w1` (to `w2`), the one before (`rel` -1), after (1) or of the publication week.
fn weekday(hit: &mut DateHit, w1: u32, w2: Option<u32>, rel: i32, published: Option<Ymd>) {
    match published {
        Some(p) => {
            let today = p.days();
            let pw = p.weekday();
            let lo = match rel {
                -1 => today - i64::from((pw + 6 - w1) % 7 + 1),
                1 => today + i64::from((w1 + 6 - pw) % 7 + 1),
                _ => today - i64::from((pw + 7 - w1) % 7),
            };
            let hi = lo + w2.map_or(0, |w2| i64::from((w2 + 7 - w1) % 7));
            hit.lo = Some(lo);
            hit.hi = Some(hi);
            hit.resolution = Resolution::Publication;
        }
        None => {
            let name = WEEKDAYS[w1 as usize];
            hit.partial = Some(match w2 {
                Some(w2) => format!("{name}..{}", WEEKDAYS[w2 as usize]),
                None => name.to_string(),
            });
        }
    }
}
