//! A date as the text states it, before missing years and weekdays are filled in: the forms
//! produce these, the scan keeps them sorted and non-overlapping, the resolver and the dateline
//! read them.

use crate::calendar::Ymd;
use crate::claim::{DatePrecision, Qualifier};

/// What a date expression states.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum RawKind {
    /// The text gave the year. `month_year` marks dates naming a month and a year, which set the
    /// reference year of undated articles.
    Explicit {
        lo: Ymd,
        hi: Ymd,
        precision: DatePrecision,
        month_year: bool,
    },
    /// Month(s) and day(s) without a year.
    NoYear(NoYear),
    /// "last year" (-1), "this month" (0), "next year" (1).
    Relative { month: bool, offset: i32 },
    /// A weekday or two ("Thursday and Friday"); `rel` as for `NoYear`.
    Weekday { w1: u32, w2: Option<u32>, rel: i32 },
}

/// Days `d1` of `m1` to `d2` of `m2`, without a year; `d2 == 0` means the last day of `m2`.
/// `day` when the text named days (else it named the month); `rel` is -1 for "last March", 1
/// for "next March".
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct NoYear {
    pub m1: u32,
    pub d1: u32,
    pub m2: u32,
    pub d2: u32,
    pub day: bool,
    pub rel: i32,
}

/// One date expression: its byte range, what it states and its qualifier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Raw {
    pub start: usize,
    pub end: usize,
    pub kind: RawKind,
    pub qualifier: Qualifier,
}

/// Days `d1` of `m1` to `d2` of `m2` in year `y` (the first in the year before when the months
/// wrap round, "December 30 to January 2, 2024").
pub(super) fn explicit_day(y: i32, m1: u32, d1: u32, m2: u32, d2: u32) -> Option<RawKind> {
    let y1 = if m2 < m1 { y - 1 } else { y };
    let lo = Ymd::new(y1, m1, d1)?;
    let hi = Ymd::new(y, m2, d2)?;
    Some(RawKind::Explicit {
        lo,
        hi,
        precision: DatePrecision::Day,
        month_year: true,
    })
}

/// Keep hits sorted and non-overlapping; on overlap the longer one wins.
pub(super) fn push(out: &mut Vec<Raw>, r: Raw) {
    while let Some(last) = out.last() {
        if r.start >= last.end {
            break;
        }
        if r.end - r.start > last.end - last.start {
            out.pop();
        } else {
            return;
        }
    }
    out.push(r);
}
