//! Fractions and ratios: "a third", "two-thirds", "three twenty-firsts", "half of", "3/4",
//! "-4/5", and ratios "one in five adults", "two out of five hundred", "1 over 3", "½". A
//! fraction reads its numerator as a number and its denominator as an ordinal, below it.

// TODO(issue 10, lead): exact comparisons of parsed small integers; replace the file-level
// allow by one per function with its reason.
#![allow(clippy::float_cmp)]

use super::cursor::Grammar;
use super::found::{Found, Measured, Qty, Qual};
use crate::claim::{Dimension, Kind, Qualifier};
use crate::extract::token::Tok;
use crate::lang::en::{currency, numbers, units, words};

/// A digit fraction's denominator ("3/4") lies in this range.
const DIGIT_DENOMINATORS: std::ops::RangeInclusive<f64> = 2.0..=100.0;

/// A number of this many digits in this range after "over" is a year ("up 5 over 2022").
const YEAR_DIGITS: u16 = 4;
const YEARS: std::ops::Range<f64> = 1000.0..3000.0;

/// A fraction's numerator: its value, its last token, and how it is written.
struct Numerator {
    value: f64,
    last: usize,
    /// "a"/"an" before a scale: "a hundred millionths".
    a_scale: bool,
}

impl Grammar<'_> {
    /// A fraction or ratio at `i`.
    pub(super) fn try_fraction(&self, i: usize, to: usize) -> Option<Found> {
        if let Some(f) = self.try_ratio(i, to).or_else(|| self.try_to_ratio(i, to)) {
            return Some(f);
        }
        // "a half-century", "half a percentage point": a fraction of a unit is a quantity.
        let k = if numbers::is_article(self.w(i)) {
            i + 1
        } else {
            i
        };
        if self.fraction_of_unit(k, to).is_some() {
            return None;
        }
        let w = self.w(i);
        // "half of", "half the".
        if w == numbers::HALF {
            if i > 0 && (numbers::ordinal(self.w(i - 1)).is_some() || self.is_one_word(i - 1)) {
                return None;
            }
            // "more than half were women", "nearly half voted": after a bound "half" is a
            // share whatever follows; not a time ("about half past ten"), a compound glued by
            // a dash ("half-time"), half of a scale ("nearly half a million") or half a
            // percent ("more than half percent").
            let after_bound = || {
                let compound = self.is_dash(i + 1) && self.glued(i + 1);
                let half = Qty::exact(i, i + 1, 0.5, true);
                !(compound || self.is(i + 1, numbers::HALF_PAST))
                    && self.fraction_of_scale(i, to).is_none()
                    && self.percent_after(half, Qual::exact(i), i + 1).is_none()
                    && self.qualifier_before(i, self.sentence_from.get()).qualifier
                        != Qualifier::Exact
            };
            if self.is_in(i + 1, numbers::HALF_OF) || after_bound() {
                return Some(self.fraction(i, 1.0, 2.0, i + 1, to));
            }
            return None;
        }
        if let Some(n) = self.toks[i].num() {
            // "1/2", "3/4".
            if self.punct(i + 1) == Some('/')
                && self.glued(i + 1)
                && self.glued(i + 2)
                && let Some(d) = self.toks.get(i + 2).and_then(Tok::num)
                && d.decimals == 0
                && n.decimals == 0
                && DIGIT_DENOMINATORS.contains(&d.value)
                && n.value < d.value
            {
                return Some(self.fraction(i, n.value, d.value, i + 3, to));
            }
            return None;
        }
        let num = self.numerator(i, to)?;
        self.spelled_fraction(i, num, to)
    }

    /// "a", "an" or "one": a numerator of one.
    fn is_one_word(&self, i: usize) -> bool {
        let w = self.w(i);
        numbers::is_article(w) || numbers::is_one(w)
    }

    /// The spelled numerator at `i`: "a", "one", "twenty-three", "one hundred thirty two", "a
    /// hundred".
    fn numerator(&self, i: usize, to: usize) -> Option<Numerator> {
        let w = self.w(i);
        let a_scale = numbers::is_article(w) && numbers::scale(self.w(i + 1)).is_some();
        let alone = |value| {
            Some(Numerator {
                value,
                last: i,
                a_scale,
            })
        };
        if (numbers::is_article(w) && !a_scale)
            || (numbers::is_one(w)
                && numbers::cardinal(self.w(i + 1)).is_none()
                && numbers::scale(self.w(i + 1)).is_none())
        {
            return alone(1.0);
        }
        if numbers::cardinal(w).is_none() && !a_scale {
            return None;
        }
        let n = self.number(i, to)?;
        if n.value.fract() != 0.0 || n.end <= i {
            return None;
        }
        Some(Numerator {
            value: n.value,
            last: n.end - 1,
            a_scale,
        })
    }

    /// A spelled fraction at `i` with the numerator `num`: "a fifth", "two-thirds", "one -
    /// fourth", "three twenty-firsts", "twenty twenty fifths", "one one hundred fifth".
    fn spelled_fraction(&self, i: usize, num: Numerator, to: usize) -> Option<Found> {
        let nl = num.last;
        // "two-thirds", or spaced on both sides "one - fourth".
        let hyphen = self.is_dash(nl + 1)
            && (self.glued(nl + 1) && self.glued(nl + 2)
                || self.toks[nl + 1].space_before()
                    && self.toks.get(nl + 2).is_some_and(|t| t.space_before()));
        let d_at = if hyphen { nl + 2 } else { nl + 1 };
        // A one-word denominator ("fifths"), or a spelled ordinal the numerator cannot absorb:
        // "three twenty-firsts" = 3/21, "twenty twenty fifths" = 20/25, "one one hundred
        // fifth" = 1/105.
        let (den, plural_den, end, compound) = match numbers::denominator(self.w(d_at)) {
            Some((den, plural)) => (den, plural, d_at + 1, false),
            None if !hyphen => {
                let (den, end, plural) = self.spelled_ordinal(d_at, to)?;
                (den, plural, end, true)
            }
            None => return None,
        };
        let of_follows = self.is(end, words::OF);
        // "a fifth." / "one eighth,": nothing after, so not an ordinal ("a fifth term").
        let alone = end >= to
            || matches!(
                self.punct(end),
                Some('.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '”')
            );
        let w = self.w(i);
        let n = num.value;
        let ok = if compound {
            if plural_den {
                n >= 2.0
            } else {
                n == 1.0 && nl == i && (of_follows || alone)
            }
        } else if numbers::is_article(w) && num.a_scale {
            n >= 2.0 && plural_den
        } else if numbers::is_article(w) {
            !plural_den && (of_follows || alone || den == 2.0 && !self.is(end, numbers::DOZEN))
        } else if numbers::is_one(w) && nl == i {
            !plural_den && (hyphen || of_follows || alone || den == 2.0)
        } else {
            // "twenty-fifth(s)" is a compound ordinal, not 20/5; a singular denominator after
            // a larger numerator is an ordinal too ("one hundred twenty-fifth").
            let tens = numbers::cardinal(self.w(nl)).is_some_and(|c| c >= 20 && c % 10 == 0);
            n >= 2.0 && plural_den && !(hyphen && tens && den < 10.0)
        };
        if !ok {
            return None;
        }
        // "a half million": a number, not a fraction.
        if numbers::scale(self.w(end)).is_some() {
            return None;
        }
        Some(self.fraction(i, n, den, end, to))
    }

    /// The fraction `num / den` written at `i..end`, with the qualifier and minus before it
    /// and the noun after "of".
    fn fraction(&self, i: usize, num: f64, den: f64, end: usize, to: usize) -> Found {
        let qual = self.qualifier_before(i, self.sentence_from.get());
        let mut v = num / den;
        let mut first = i;
        // "minus three fifths", "-4/5".
        if self.minus_before(i) {
            v = -v;
            first = i - 1;
        }
        let noun = if self.is(end, words::OF) {
            self.noun_after(end + 1, to)
                .map(|(a, b)| (end + 1, b.max(a)))
        } else {
            None
        };
        let q = Qty::exact(first, end, v, true);
        if let Some(f) = self.fraction_of_a_unit(q, qual, end, to) {
            return f;
        }
        let m = Measured::new(Kind::Fraction, Dimension::Fraction, end).noun(noun);
        Found::of(q, qual, m)
    }

    /// "1/4 mile", "½ teaspoon", "3/4 of a mile": a fraction before a unit is a quantity of it.
    fn fraction_of_a_unit(&self, q: Qty, qual: Qual, end: usize, to: usize) -> Option<Found> {
        let mut j = end;
        if self.is(j, words::OF) && numbers::is_article(self.w(j + 1)) {
            j += 2;
        }
        let w = self.w(j);
        if units::time_unit(w).is_none() && units::phys_unit(w, self.glued(j)).is_none() {
            return None;
        }
        self.after_quantity(Qty { end: j, ..q }, qual, j, to)
    }

    /// "one in five adults", "1 in 21", "two out of five hundred", and the vulgar fractions
    /// "½", "¾": a fraction. The first number must be the smaller, the second a whole number,
    /// and no unit may follow either ("3 in 10 days" is not a ratio). "1 over 3" is a quotient
    /// only when the second number ends the clause and is no year.
    pub(super) fn try_ratio(&self, i: usize, to: usize) -> Option<Found> {
        let (v, end) = if let Some((n, d)) = self.punct(i).and_then(numbers::vulgar_fraction) {
            if !self.usable(i) || self.toks.get(i + 1).is_some_and(|t| !t.space_before()) {
                return None;
            }
            (n / d, i + 1)
        } else {
            self.ratio(i, to)?
        };
        let qual = self.qualifier_before(i, self.sentence_from.get());
        let noun = self.counted_noun(end, to);
        // "negative one over 20".
        let (v, first) = if self.minus_before(i) {
            (-v, i - 1)
        } else {
            (v, i)
        };
        let q = Qty::exact(first, end, v, true);
        if let Some(f) = self.fraction_of_a_unit(q, qual, end, to) {
            return Some(f);
        }
        let m = Measured::new(Kind::Fraction, Dimension::Fraction, end).noun(noun);
        Some(Found::of(q, qual, m))
    }

    /// A ratio of two sides before a ratio noun or after "ratio of": "a two-to-one split", "a
    /// 3-to-1 margin", "a 2-1 majority", "a ratio of 3:1", "by a margin of three to one": the
    /// multiple (2, 3), counted in times as "about four times" is. "won 2-1", "3:16" and
    /// "from 2 to 3" have no such noun.
    pub(super) fn try_to_ratio(&self, i: usize, to: usize) -> Option<Found> {
        // "a two-to-one split": the ratio starts at its first number.
        if numbers::is_article(self.w(i)) {
            return None;
        }
        let (a, b_at, digits) = if self.toks[i].inert() {
            // "3:1": colon-joined digits, which only the clock and this rule read.
            let a = self.toks[i].num()?;
            let colon = self.punct(i + 1) == Some(':') && self.glued(i + 1) && self.glued(i + 2);
            (colon && a.decimals == 0).then_some((a.value, i + 2, true))?
        } else {
            let na = self.number(i, to)?;
            (na.value, na.end, !na.spelled)
        };
        let (b, bend) = if self.toks[i].inert() {
            let b = self.toks.get(b_at)?.num()?;
            if self.punct(b_at + 1) == Some(':') {
                return None;
            }
            (b.value, b_at + 1)
        } else {
            // "-to-", " to ", or a glued "-" between digits ("2-1").
            let k =
                if self.is_dash(b_at) && self.glued(b_at) && self.is(b_at + 1, numbers::RATIO_TO) {
                    (self.is_dash(b_at + 2) && self.glued(b_at + 2)).then_some(b_at + 3)?
                } else if self.is(b_at, numbers::RATIO_TO)
                    || (digits && self.is_dash(b_at) && self.glued(b_at) && self.glued(b_at + 1))
                {
                    b_at + 1
                } else {
                    return None;
                };
            if k >= to {
                return None;
            }
            let nb = self.number(k, to)?;
            (nb.value, nb.end)
        };
        if a <= 0.0 || b <= 0.0 || a.fract() != 0.0 || b.fract() != 0.0 {
            return None;
        }
        // The ratio noun after it, maybe after a hyphen ("a two-to-one split", "3-to-1-vote").
        let n = if self.is_dash(bend) && self.glued(bend) {
            bend + 1
        } else {
            bend
        };
        let noun_after = n < to && self.is_in(n, numbers::RATIO_NOUNS);
        let from = self.sentence_from.get();
        let of_before =
            i >= from + 2 && self.is(i - 1, words::OF) && self.is_in(i - 2, numbers::RATIO_OF);
        if !noun_after && !of_before {
            return None;
        }
        let qual = self.qualifier_before(i, from);
        let noun = noun_after.then_some((n, n + 1));
        let q = Qty::exact(i, bend, a / b, !digits);
        Some(Found::of(
            q,
            qual,
            Measured::count(numbers::TIMES, bend, noun),
        ))
    }

    /// Two numbers joined by "in", "out of" or "over" at `i`: (quotient, end).
    fn ratio(&self, i: usize, to: usize) -> Option<(f64, usize)> {
        let na = self.number(i, to)?;
        let (a, aend) = (na.value, na.end);
        let over = self.is(aend, numbers::QUOTIENT);
        let joiner = numbers::RATIO_JOINERS
            .iter()
            .find(|j| j.iter().enumerate().all(|(k, w)| self.is(aend + k, w)))?;
        let b_at = aend + joiner.len();
        if b_at >= to || words::is_determiner(self.w(b_at)) {
            return None;
        }
        let nb = self.number(b_at, to)?;
        let (b, bend) = (nb.value, nb.end);
        let unit_after = |k: usize| {
            let w = self.w(k);
            units::time_unit(w).is_some()
                || units::phys_unit(w, self.glued(k)).is_some()
                || currency::word(w).is_some()
                || numbers::scale(w).is_some()
                || self.punct(k).is_some_and(|c| c == '%' || c == '-')
        };
        if over {
            // "1 over 3", "2000 over 3": a quotient only between two bare numbers that end
            // the clause; "up 5 over 2022", "12 over 3 games", "over 3 million" are not.
            let year = self.toks[b_at]
                .num()
                .is_some_and(|n| n.int_digits == YEAR_DIGITS && YEARS.contains(&n.value));
            let clause_end =
                bend >= to || matches!(self.punct(bend), Some('.' | ',' | ';' | '!' | '?' | ')'));
            if a <= 0.0 || b <= 0.0 || year || !clause_end {
                return None;
            }
        } else if a <= 0.0 || b <= a || b.fract() != 0.0 || a.fract() != 0.0 || unit_after(bend) {
            return None;
        }
        Some((a / b, bend))
    }
}
