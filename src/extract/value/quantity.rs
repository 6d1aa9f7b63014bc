//! Quantities: a number or range with what it measures, decided from what follows it — a
//! percent, a currency, a hundredth part, a hyphen compound ("20-month war", "two-day visit",
//! "a 10-dollar bill", "20-car motorcade"), a time unit, a physical unit, or a counted noun —
//! and the currency or qualifier before it. Above the dimensions it dispatches to.

use super::cursor::Grammar;
use super::found::{Found, Measured, Qty, Qual};
use super::measure::duration;
use crate::claim::Qualifier;
use crate::lang::en::{calendar, currency, nouns, numbers, units, words};

impl Grammar<'_> {
    /// A quantity starting at `i`, with a currency before it or not.
    pub(super) fn try_quantity(&self, i: usize, to: usize) -> Option<Found> {
        let prefix = self.currency_prefix(i);
        let num_at = prefix.as_ref().map_or(i, |p| i + p.tokens);
        if num_at >= to {
            return None;
        }
        // "more than a month", "for a week", "a week of mourning": "a" as one before a time
        // unit, only after a qualifier or a word that makes it a span of time.
        if prefix.is_none()
            && numbers::is_article(self.w(num_at))
            && let Some((name, days)) = units::time_unit(self.w(num_at + 1))
        {
            let qual = self.qualifier_before(num_at, self.sentence_from.get());
            let span = self.one_unit_is_span(num_at);
            if (qual.qualifier != Qualifier::Exact || span)
                && !self.w(num_at + 1).ends_with(nouns::PLURAL)
            {
                let q = Qty {
                    lone_one: true,
                    ..Qty::exact(num_at, num_at + 1, 1.0, true)
                };
                return Some(Found::of(q, qual, duration(name, days, num_at + 2)));
            }
        }
        let mut q = self.qty(num_at, to)?;
        let (qual, j) = self.qualifier_of(&q, i, num_at);
        if let Some(p) = prefix {
            let mut end = j;
            // "US$ 1MM", "$2MM": millions in finance shorthand.
            if q.end == j
                && j < to
                && self.glued(j)
                && self.usable(j)
                && self.w(j) == currency::MILLIONS_AFTER_AMOUNT
            {
                q.lo *= currency::MILLIONS;
                q.hi *= currency::MILLIONS;
                q.round *= currency::MILLIONS;
                q.end = j + 1;
                end = j + 1;
            }
            // "$5 billion dollars" would be odd; accept a trailing currency word silently.
            if currency::word(self.w(end)).is_some() {
                end += 1;
            }
            let flags = self.currency_flags(p.ambiguous);
            return Some(Found::of(q, qual, Measured::money(p.code, end, flags)));
        }
        self.after_quantity(q, qual, j, to)
    }

    /// "a week" at `a` (the article) is one week of time: a word before it ("for a week",
    /// "within a month") or after it ("a week of mourning", "a year later", "a month-long")
    /// says so. Never "a second" (an ordinal: "for a second term").
    fn one_unit_is_span(&self, a: usize) -> bool {
        let u = a + 1;
        if numbers::ordinal(self.w(u)).is_some() {
            return false;
        }
        let before = a > self.sentence_from.get() && self.is_in(a - 1, units::ONE_UNIT_AFTER);
        let after = if self.is_dash(u + 1) && self.glued(u + 1) {
            self.is(u + 2, units::OLD) || self.is_in(u + 2, units::ONE_UNIT_BEFORE)
        } else {
            self.is_in(u + 1, units::ONE_UNIT_BEFORE)
        };
        before || after
    }

    /// "said Ahmad Bahaa, 37, an engineer", "Smith, 45.": a bare whole number between commas
    /// after a capitalized name, and not before another name or number, is an age in years.
    fn age_in_apposition(&self, q: Qty, qual: Qual, j: usize, to: usize) -> Option<Found> {
        let bare = !q.spelled && !q.range && q.lo.fract() == 0.0;
        if !bare || !(1.0..=units::OLDEST_AGE).contains(&q.lo) || qual.qualifier != Qualifier::Exact
        {
            return None;
        }
        let from = self.sentence_from.get();
        let (name, days) = units::time_unit(units::AGE_UNIT)?;
        let age = || Some(Found::of(q, qual, duration(name, days, j)));
        if q.first > from && self.is_in(q.first - 1, units::AGE_BEFORE) {
            return age();
        }
        if q.first < from + 2 || self.punct(q.first - 1) != Some(',') {
            return None;
        }
        // "Brazil 12, Argentina, 10": a list of figures, not an age.
        if q.first >= from + 4 && self.punct(q.first - 3) == Some(',') && self.is_num(q.first - 4) {
            return None;
        }
        let capital = self.raw(q.first - 2);
        if !self.toks[q.first - 2].is_word()
            || !capital.chars().next().is_some_and(char::is_uppercase)
        {
            return None;
        }
        let ends = match self.punct(j) {
            _ if j >= to => true,
            Some('.' | ';') => true,
            Some(',') => {
                let next = self.raw(j + 1);
                self.toks.get(j + 1).is_some_and(|t| t.is_word())
                    && !next.chars().next().is_some_and(char::is_uppercase)
                    && numbers::cardinal(self.w(j + 1)).is_none()
            }
            _ => false,
        };
        if ends { age() } else { None }
    }

    /// Decide what the quantity measures from what follows it at `j`.
    pub(super) fn after_quantity(&self, q: Qty, qual: Qual, j: usize, to: usize) -> Option<Found> {
        if let Some(f) = self.percent_after(q, qual, j) {
            return Some(f);
        }
        if let Some(f) = self.money_after(q, qual, j, to) {
            return Some(f);
        }
        if let Some(f) = self.subunit_after(q, qual, j, to) {
            return Some(f);
        }
        if let Some(decided) = self.compound_after(q, qual, j, to) {
            return decided;
        }
        if let Some(decided) = self.duration_after(q, qual, j) {
            return decided;
        }
        // "5G network": a generation of mobile network, no quantity.
        if self.glued(j) && units::glued_not_unit(self.raw(j)) {
            return None;
        }
        // "people in their 20s", "the 80s": a decade, no count.
        if self.glued(j) && self.raw(j) == calendar::DECADE_SUFFIX && is_decade(&q) {
            return None;
        }
        if let Some(f) = self.measure_after(q, qual, j, to) {
            return Some(f);
        }
        if let Some(f) = self.age_in_apposition(q, qual, j, to) {
            return Some(f);
        }
        self.count_or_number(q, qual, j, to)
    }

    /// Hyphen compounds: "20-month war", "two-day visit", "3-inch", "a one-yen bid", "20-car
    /// motorcade". `None` when no compound follows at `j`; `Some(None)` for a compound that is
    /// no value (a lone "one-", a function word).
    fn compound_after(&self, q: Qty, qual: Qual, j: usize, to: usize) -> Option<Option<Found>> {
        if !(self.is_dash(j) && self.glued(j) && self.glued(j + 1) && !self.w(j + 1).is_empty()) {
            return None;
        }
        let uw = self.w(j + 1);
        if let Some((name, days)) = units::time_unit(uw) {
            let mut end = j + 2;
            // "20-year-old": an age, still a duration of years.
            if self.is_dash(end) && self.is(end + 1, units::OLD) {
                end += 2;
            }
            let m = duration(name, days, end).noun(self.noun_after(end, to));
            return Some(Some(Found::of(q, qual, m)));
        }
        if let Some(p) = units::phys_unit(uw, true) {
            return Some(Some(self.phys(q, qual, p, j + 2, to)));
        }
        // "a one-yen bid", "a 10-dollar bill": money.
        if let Some((code, amb)) = currency::word(uw) {
            let flags = self.currency_flags(amb);
            let m = Measured::money(code, j + 2, flags).noun(self.noun_after(j + 2, to));
            return Some(Some(Found::of(q, qual, m)));
        }
        if q.lone_one {
            return Some(None);
        }
        // Any other noun: a count of that thing ("20-car motorcade" counts cars).
        if !words::is_stopword(uw) && numbers::cardinal(uw).is_none() {
            let unit = nouns::plural(uw);
            let m = Measured::count(&unit, j + 2, Some((j + 1, j + 2)));
            return Some(Some(Found::of(q, qual, m)));
        }
        Some(None)
    }
}

/// A whole number of tens up to [`calendar::SHORT_DECADE_MAX`], in digits: what a glued
/// [`calendar::DECADE_SUFFIX`] makes a decade.
fn is_decade(q: &Qty) -> bool {
    !q.spelled && !q.range && q.lo > 0.0 && q.lo <= calendar::SHORT_DECADE_MAX && q.lo % 10.0 == 0.0
}
