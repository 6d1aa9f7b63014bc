//! Vague magnitudes: "tens of thousands of people", "hundreds", "dozens of millions of
//! dollars" as ranges, and digit counts: "double-digit growth" (a percentage), "single digits".
//! The top of the grammar's dimensions: a digit count may measure anything a quantity does.

use super::cursor::Grammar;
use super::found::{Found, Measured, Qty, Qual};
use crate::claim::Qualifier;
use crate::lang::en::{magnitudes, nouns, words};

impl Grammar<'_> {
    /// A vague magnitude or a digit count at `i`.
    pub(super) fn try_vague(&self, i: usize, to: usize) -> Option<Found> {
        if let Some(range) = magnitudes::digit_count(self.w(i)) {
            return self.digit_count(i, range, to);
        }
        let (least, most) = magnitudes::vague(self.w(i))?;
        let mut end = i + 1;
        let mut lo = least;
        if !self.is(end, words::OF) {
            return None;
        }
        if let Some(s) = magnitudes::multiplier(self.w(end + 1)) {
            lo *= s;
            end += 2;
        }
        let hi = match most {
            Some(most) => most * (lo / least),
            None => lo * 10.0 - 1.0,
        };
        let q = Qty::vague(i, end, lo, hi);
        let before = self.qualifier_before(i, self.sentence_from.get());
        let qual = if before.qualifier == Qualifier::Exact {
            Qual::new(Qualifier::Range, i)
        } else {
            Qual::new(before.qualifier, before.first)
        };
        // Money: "tens of millions of dollars".
        if self.is(end, words::OF)
            && let Some((code, cend, amb)) = self.currency_after(end + 1, lo)
        {
            let flags = self.currency_flags(amb);
            return Some(Found::of(q, qual, Measured::money(code, cend, flags)));
        }
        if let Some((h0, h1)) = self.counted_noun(end, to) {
            let unit = nouns::unit_for_noun(self.w(h1 - 1), self.raw(h1 - 1));
            return Some(Found::of(
                q,
                qual,
                Measured::count(&unit, end, Some((h0, h1))),
            ));
        }
        Some(Found::of(q, qual, Measured::number(end)))
    }

    /// "double-digit growth", "single digits": the range of numbers of that many digits, a
    /// percentage before a rate noun.
    fn digit_count(&self, i: usize, (lo, hi): (f64, f64), to: usize) -> Option<Found> {
        let d_at = if self.is_dash(i + 1) { i + 2 } else { i + 1 };
        if !magnitudes::is_digits(self.w(d_at)) {
            return None;
        }
        let end = d_at + 1;
        let q = Qty::vague(i, end, lo, hi);
        let qual = Qual::new(Qualifier::Range, i);
        if magnitudes::is_rate_noun(self.w(end)) {
            let noun = self.noun_after(end, to);
            return Some(Found::of(q, qual, Measured::percent(end).noun(noun)));
        }
        self.after_quantity(q, qual, end, to)
    }
}
