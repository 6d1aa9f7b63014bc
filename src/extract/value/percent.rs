//! Percentages: a number with "%", "percent", "pct", "percentage points" or "per cent" after
//! it, and the percent word first ("percent of 10", "per cent of twenty-two").

use super::cursor::Grammar;
use super::found::{Found, Measured, Qty, Qual};
use crate::claim::{Dimension, Kind};
use crate::lang::en::{numbers, percent, words};

/// A number of this many digits and no decimals after "percent of" is a year ("the percent of
/// 2019"), not the percentage.
const YEAR_DIGITS: u16 = 4;

impl Grammar<'_> {
    /// The quantity `q` as a percentage when a percent sign or word follows it at `j`.
    pub(super) fn percent_after(&self, q: Qty, qual: Qual, j: usize) -> Option<Found> {
        // "40 basis points", "a 25-basis-point cut".
        let k = if self.is_dash(j) && self.glued(j) {
            j + 1
        } else {
            j
        };
        if self.is(k, percent::BASIS) {
            let k2 = if self.is_dash(k + 1) && self.glued(k + 1) {
                k + 2
            } else {
                k + 1
            };
            if percent::is_points(self.w(k2)) {
                let m = Measured::new(Kind::Percent, Dimension::Percent, k2 + 1).unit(
                    percent::BASIS_POINT_UNIT,
                    percent::PERCENT_SIGN,
                    percent::PERCENT_PER_BASIS_POINT,
                );
                return Some(Found::of(q, qual, m));
            }
        }
        let end = if self.punct(j) == Some('%') {
            j + 1
        } else if percent::is_after_number(self.w(j)) {
            if percent::is_points(self.w(j + 1)) {
                j + 2
            } else {
                j + 1
            }
        } else if self.is(j, percent::PER) && self.is(j + 1, percent::CENT) {
            j + 2
        } else {
            return None;
        };
        Some(Found::of(q, qual, Measured::percent(end)))
    }

    /// The number after the percent word: "percent of 10", "per cent of twenty-two" (10 %,
    /// 22 %). Only when no number comes before the percent word and the number is bare, no
    /// year, and ends the clause: "the percent of 18-year-olds who vote" is no 18 %.
    pub(super) fn try_percent_of(&self, i: usize, to: usize) -> Option<Found> {
        let k = if self.is(i, percent::PER) {
            if !self.is(i + 1, percent::CENT) {
                return None;
            }
            i + 2
        } else {
            i + 1
        };
        if !self.is(k, words::OF) || k + 1 >= to {
            return None;
        }
        if i > self.sentence_from.get() {
            let p = i - 1;
            let w = self.w(p);
            if self.toks[p].num().is_some()
                || numbers::cardinal(w).is_some()
                || numbers::scale(w).is_some()
                || numbers::is_dozen(w)
                || numbers::is_article(w)
                || words::VAGUE_QUANTITIES.contains(&w)
            {
                return None;
            }
        }
        let n_at = k + 1;
        if self.toks[n_at]
            .num()
            .is_some_and(|n| n.decimals == 0 && n.int_digits == YEAR_DIGITS)
        {
            return None;
        }
        let q = self.qty(n_at, to)?;
        let end = q.end;
        let clause_end =
            end >= to || matches!(self.punct(end), Some('.' | ',' | ';' | '!' | '?' | ')'));
        if q.range || q.first != n_at || !clause_end {
            return None;
        }
        let q = Qty { first: i, ..q };
        Some(Found::of(q, Qual::exact(i), Measured::percent(end)))
    }
}
