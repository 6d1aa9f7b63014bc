//! Vague magnitudes: "tens of thousands of people", "hundreds", "dozens of millions of
//! dollars" as ranges, digit counts: "double-digit growth" (a percentage), "single digits",
//! and vague shares as ranges of percent: "a small percentage", "the vast majority of".
//! The top of the grammar's dimensions: a digit count may measure anything a quantity does.

use super::cursor::Grammar;
use super::found::{Found, Measured, Qty, Qual};
use crate::claim::Qualifier;
use crate::lang::en::magnitudes::ShareSize;
use crate::lang::en::{magnitudes, nouns, numbers, words};

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

    /// A vague share on its noun at `i`, as a range of percent: a size word and the noun after
    /// an article ("a small percentage", "the vast majority"), or "majority"/"minority" after
    /// an article and before "of" ("the majority of voters"). "Majority Leader", "a majority
    /// stake" and "a 60 percent majority" state no share.
    pub(super) fn try_share(&self, i: usize) -> Option<Found> {
        let from = self.sentence_from.get();
        let sized = (i > from)
            .then(|| magnitudes::share_size(self.w(i - 1)))
            .flatten();
        let (size, before) = match sized {
            Some(size) => (size, i - 1),
            None if self.is(i + 1, words::OF) => (ShareSize::Plain, i),
            None => return None,
        };
        let (lo, hi) = magnitudes::share(self.w(i), size)?;
        let article = before.checked_sub(1).filter(|&a| a >= from)?;
        let w = self.w(article);
        if !numbers::is_article(w) && w != words::THE {
            return None;
        }
        let q = Qty::vague(article, i + 1, lo, hi);
        Some(Found::of(
            q,
            Qual::new(Qualifier::Range, article),
            Measured::percent(i + 1),
        ))
    }
}
