//! Numbers: digits with their groups, scale words and shorthand ("4,500", "40 000", "3.5bn",
//! "6 crore and two hundred"), spelled numbers ("twenty-five", "a thousand million", "five
//! point five", "half a million"), mixed numbers ("one and a half", "2 1/4"), ranges ("between
//! 20 and 30", "3-5 million") and signs ("-1", "minus five", ".08"). The bottom of the grammar:
//! it reads only the cursor, and every dimension above reads numbers through it.

// TODO(issue 10, lead): exact comparisons of parsed small integers; replace the file-level
// allow by one per function with its reason.
#![allow(clippy::float_cmp, clippy::float_cmp_const)]

use super::cursor::Grammar;
use super::found::{NumberReading, Qty};
use crate::extract::token::{NumTok, Tok};
use crate::lang::en::{currency, numbers, percent, qualifiers, units, words};

/// How wide the rounding tolerance is for a number written with `tz` trailing zeros and `dec`
/// decimals, times `scale`: half of the last written place, and for a round figure at most
/// half of its [`ROUNDED_FIGURES`]th significant digit's place. Whole numbers below
/// [`ROUND_FROM`] without a scale word are taken as exact ("20 cars" is twenty).
fn rounding(value: f64, tz: u8, dec: u8, scale: f64) -> f64 {
    if dec > 0 {
        0.5 * 10f64.powi(-i32::from(dec)) * scale
    } else if scale > 1.0 {
        let digits = if value >= 1.0 {
            value.log10().floor() as i32 + 1
        } else {
            1
        };
        let place = i32::from(tz).min(digits - ROUNDED_FIGURES);
        0.5 * 10f64.powi(place) * scale
    } else if tz >= 2 && value >= ROUND_FROM {
        // A round figure in digits is read to [`ROUNDED_FIGURES`] significant digits at least:
        // "100,000" residents is 95,000 to 105,000, not anything from 50,000 ("90,000" is
        // another figure to a fact-checker).
        let digits = value.log10().floor() as i32 + 1;
        let place = i32::from(tz).min(digits - ROUNDED_FIGURES);
        0.5 * 10f64.powi(place)
    } else {
        0.0
    }
}

/// How far a fraction written in words may stand from its exact value, as a share of it: "a
/// half-century" for a 52-year war, "half a million" for 520,000, are what news writes.
const FRACTION_WORD_ROUNDING: f64 = 0.1;

/// The least significant digits a round figure written in digits is read to.
const ROUNDED_FIGURES: i32 = 2;

/// Whole numbers from this value on, with two trailing zeros or more, are taken as rounded.
const ROUND_FROM: f64 = 1000.0;

/// Digits with more integer digits than this are no number (an identifier, a code).
const MOST_DIGITS: u16 = 18;

/// A hundred multiplies the group before it ("three hundred"); larger scales close a group.
const HUNDRED: f64 = 100.0;

/// A spelled number ending in a scale at least this large ("five thousand") is rounded to half
/// that scale.
const ROUNDED_SCALE: f64 = 1000.0;

/// At most this many space-separated groups of three digits continue a number ("1 234 567").
const MOST_DIGIT_GROUPS: usize = 6;

/// The denominator of a digit fraction in a mixed number ("2 1/4") is at most this.
const MOST_DENOMINATOR: f64 = 100.0;

/// Whether the spelled cardinal `c` may follow `prev` in one number: only units after a round
/// ten ("twenty five", "twenty-five").
fn continues_tens(prev: u32, c: u32) -> bool {
    prev >= 20 && prev.is_multiple_of(10) && c < 10 && c > 0
}

impl Grammar<'_> {
    /// A number at `i`: digits (with scale words) or spelled words. The rules of one start ask
    /// for the same number again and again (a ratio, then a quantity): the last answer is kept.
    pub(super) fn number(&self, i: usize, to: usize) -> Option<NumberReading> {
        if let Some((ci, cto, n)) = self.last_number.get()
            && (ci, cto) == (i, to)
        {
            return n;
        }
        let n = self.read_number(i, to);
        self.last_number.set(Some((i, to, n)));
        n
    }

    /// [`Self::number`], read.
    fn read_number(&self, i: usize, to: usize) -> Option<NumberReading> {
        if !self.usable(i) {
            return None;
        }
        if let Some(n) = self.toks[i].num() {
            return self.read_digits(i, n, to);
        }
        // "half a million", "a quarter million", "two thirds of a million", "half a dozen".
        let k = if numbers::is_article(self.w(i)) {
            i + 1
        } else {
            i
        };
        if let Some((value, end)) = self
            .fraction_of_scale(k, to)
            .or_else(|| self.fraction_of_unit(k, to))
        {
            return Some(NumberReading {
                value,
                end,
                round: value.abs() * FRACTION_WORD_ROUNDING,
                lone_one: false,
                spelled: true,
            });
        }
        self.read_spelled(i, to)
    }

    /// Digits at `i` with the scale words after them and a smaller number that continues
    /// them.
    fn read_digits(&self, i: usize, n: NumTok, to: usize) -> Option<NumberReading> {
        if !n.value.is_finite() || n.int_digits > MOST_DIGITS {
            return None;
        }
        let (mut value, mut j, tz, dec) = self.digit_groups(i, n, to);
        let mut scale = 1.0;
        while j < to {
            let w = self.w(j);
            // "1.8m tall": metres, not millions.
            let metres = w == units::METRE_SHORT && self.is_in(j + 1, units::SIZE_WORDS);
            let s = numbers::scale(w)
                .or_else(|| numbers::scale_abbr(w, self.glued(j)).filter(|_| !metres))
                .or_else(|| {
                    numbers::spaced_scale_letter(self.raw(j))
                        .filter(|_| !metres && self.spaced_scale_ok(i, n))
                })
                .or_else(|| numbers::is_dozen(w).then_some(numbers::DOZEN_VALUE));
            match s {
                Some(s) if self.usable(j) => {
                    scale *= s;
                    j += 1;
                }
                _ => break,
            }
        }
        let mut round = rounding(value, tz, dec, scale);
        value *= scale;
        // "3 hundred and 21", "4 thousand 3 hundred", "6 crore and two hundred": a smaller
        // number continues one that ends in a scale word.
        if let Some((v2, end2)) = self.scale_continuation(i, j, scale, to) {
            value += v2;
            j = end2;
            round = 0.0;
        }
        Some(NumberReading {
            value,
            end: j,
            round,
            lone_one: false,
            spelled: false,
        })
    }

    /// Whether a spaced SI scale letter after the digits `n` at `i` is one: "1.5 M",
    /// "1,674,200.5 M", "$5 M" are millions, "2.33 k" thousands; a whole number with no
    /// currency before it ("the 100 M sprint", "a 10 k race") may be a length, and stays as
    /// before.
    fn spaced_scale_ok(&self, i: usize, n: NumTok) -> bool {
        n.decimals > 0
            || n.grouped
            || (i > 0
                && self
                    .punct(i - 1)
                    .is_some_and(|c| currency::symbol(c).is_some()))
    }

    /// A spelled number at `i`: cardinals, dozens and scales ("twenty-five", "a thousand
    /// million", "three lakh crore"), with spelled decimals after "point".
    fn read_spelled(&self, i: usize, to: usize) -> Option<NumberReading> {
        let mut total = 0.0f64;
        let mut cur = 0.0f64;
        let mut j = i;
        let mut any = false;
        let mut last_card: Option<u32> = None;
        let mut lead_a = false;
        let mut last_scale = 1.0;
        while j < to && self.usable(j) {
            let w = self.w(j);
            if let Some(c) = numbers::cardinal(w).or_else(|| self.nought_at(j)) {
                if let Some(prev) = last_card
                    && !continues_tens(prev, c)
                {
                    break;
                }
                cur += f64::from(c);
                last_card = Some(c);
            } else if numbers::is_dozen(w) && (any || (lead_a && w == numbers::DOZEN)) {
                cur = cur.max(1.0) * numbers::DOZEN_VALUE;
                last_card = None;
            } else if let Some(s) = numbers::scale(w) {
                let bare = j == i && self.bare_scale(i, s);
                if !(any || lead_a || bare) {
                    break;
                }
                if s == HUNDRED {
                    cur = cur.max(1.0) * HUNDRED;
                } else if cur == 0.0 && total > 0.0 && s > last_scale {
                    // "three lakh crore", "a thousand million": a scale of a scale.
                    total *= s;
                } else {
                    total += cur.max(1.0) * s;
                    cur = 0.0;
                }
                last_scale = s;
                last_card = None;
            } else if numbers::is_article(w) && j == i {
                lead_a = true;
                j += 1;
                continue;
            } else if self.joins_number(j, any, last_card) {
                j += 1;
                continue;
            } else {
                break;
            }
            any = true;
            j += 1;
        }
        if !any {
            return None;
        }
        // Do not end on a dangling "and".
        while j > i && (self.is(j - 1, numbers::AND) || self.is_dash(j - 1)) {
            j -= 1;
        }
        let mut value = total + cur;
        // "two hundred point zero three", "five point five".
        if self.is(j, numbers::POINT)
            && let Some((frac, end)) = self.spelled_decimals(j + 1, to)
        {
            value += frac;
            j = end;
        }
        let round = if last_scale >= ROUNDED_SCALE {
            0.5 * last_scale
        } else {
            0.0
        };
        Some(NumberReading {
            value,
            end: j,
            round,
            lone_one: value == 1.0 && j == i + 1,
            spelled: true,
        })
    }

    /// Whether the scale word at `i` (of value `s`) opens a number alone: "hundred thousand
    /// dollars", not "a few hundred thousand".
    fn bare_scale(&self, i: usize, s: f64) -> bool {
        numbers::is_bare_scale(self.w(i))
            && self.usable(i + 1)
            && numbers::scale(self.w(i + 1)).is_some_and(|next| next > s)
            && !(i > self.sentence_from.get() && self.is_in(i - 1, numbers::NOT_BEFORE_BARE_SCALE))
    }

    /// Digits at `i`, with following groups of three written with spaces ("40 000", "1 234
    /// 567.89", "40\u{202f}000"): (value, end, trailing zeros, decimals). A plain space only
    /// groups when two or more groups follow or the group starts with "0", so "in 2019 100
    /// people" and "give 5 100-page reports" stay apart; a no-break or thin space always groups.
    fn digit_groups(&self, i: usize, n: NumTok, to: usize) -> (f64, usize, u8, u8) {
        let plain = (n.value, i + 1, n.trailing_zeros, n.decimals);
        if n.grouped || n.decimals > 0 || n.int_digits > 3 {
            return plain;
        }
        let mut groups: Vec<(NumTok, bool)> = Vec::new();
        let mut j = i + 1;
        while j < to && groups.len() < MOST_DIGIT_GROUPS {
            let Some(g) = self.toks[j].num() else { break };
            if !self.usable(j) || g.int_digits != 3 || g.grouped {
                break;
            }
            let gap = &self.text[self.toks[j - 1].end..self.toks[j].start];
            let strong = matches!(gap, "\u{a0}" | "\u{202f}" | "\u{2009}");
            if !strong && gap != " " {
                break;
            }
            let zero_lead = self.raw(j).starts_with('0');
            groups.push((g, strong || zero_lead));
            j += 1;
            if g.decimals > 0 {
                break;
            }
        }
        // A following glued "-" or "/" makes it a code or a phone number: no grouping.
        if groups.is_empty()
            || (groups.len() == 1 && !groups[0].1)
            || self.punct(j).is_some_and(|c| c == '-' || c == '/') && self.glued(j)
        {
            return plain;
        }
        let mut value = n.value;
        let mut dec = 0;
        for (g, _) in &groups {
            value = value * 1000.0 + g.value;
            dec = g.decimals;
        }
        let tz = if dec > 0 {
            0
        } else {
            let mut v = value as u64;
            let mut tz = 0u8;
            while v > 0 && v.is_multiple_of(10) {
                v /= 10;
                tz += 1;
            }
            tz
        };
        (value, i + 1 + groups.len(), tz, dec)
    }

    /// "nought"/"naught" as zero, only before "point" ("nought point five"): elsewhere the
    /// words are idioms ("came to naught").
    fn nought_at(&self, j: usize) -> Option<u32> {
        (numbers::is_nought(self.w(j)) && self.is(j + 1, numbers::POINT)).then_some(0)
    }

    /// The smaller number that continues digits with a scale word ending at `j` ("3 hundred
    /// and 21", "4 thousand 3 hundred", "6 crore and two hundred"): (value, end). Without
    /// "and" the continuation needs its own scale word; it must be positive and below the
    /// smallest scale written; "between 3 hundred and 400" stays a range.
    fn scale_continuation(
        &self,
        i: usize,
        j: usize,
        scale: f64,
        to: usize,
    ) -> Option<(f64, usize)> {
        if scale < HUNDRED
            || j >= to
            || !numbers::scale(self.w(j - 1)).is_some_and(|s| s >= HUNDRED)
        {
            return None;
        }
        let last_scale = numbers::scale(self.w(j - 1))?;
        let and = self.is(j, numbers::AND);
        if and && i > 0 && self.is(i - 1, qualifiers::BETWEEN) {
            return None;
        }
        let k = if and { j + 1 } else { j };
        let starts = self.toks.get(k).is_some_and(|t| {
            t.num().is_some_and(|n| n.decimals == 0 && !n.grouped)
                || numbers::cardinal(self.w(k)).is_some()
        });
        if k >= to || !starts {
            return None;
        }
        let n = self.number(k, to)?;
        let (v2, end2) = (n.value, n.end);
        let own_scale = (k..end2).any(|t| numbers::scale(self.w(t)).is_some());
        // "$2 million and 15 percent": the second number is a value of its own.
        let unit_after = self.punct(end2) == Some('%') || percent::is_unit_after(self.w(end2));
        (v2 > 0.0 && v2 < last_scale && (and || own_scale) && v2.fract() == 0.0 && !unit_after)
            .then_some((v2, end2))
    }

    /// Spelled digits after "point": "zero three" → 0.03, "seventy-one" → 0.71, "five" → 0.5.
    fn spelled_decimals(&self, k: usize, to: usize) -> Option<(f64, usize)> {
        let digit = |j: usize| {
            numbers::cardinal(self.w(j)).or_else(|| numbers::is_nought(self.w(j)).then_some(0))
        };
        let first = digit(k)?;
        if k >= to || !self.usable(k) {
            return None;
        }
        if first < 10 {
            let mut digits = String::new();
            let mut j = k;
            while j < to
                && self.usable(j)
                && let Some(d) = digit(j).filter(|&d| d < 10)
            {
                digits.push(char::from(b'0' + d as u8));
                j += 1;
            }
            let v: f64 = format!("0.{digits}").parse().ok()?;
            return Some((v, j));
        }
        let mut v = first;
        let mut j = k + 1;
        if first >= 20 && first % 10 == 0 {
            let unit_at = if self.is_dash(j) { j + 1 } else { j };
            if let Some(u) = numbers::cardinal(self.w(unit_at)).filter(|&u| u > 0 && u < 10) {
                v += u;
                j = unit_at + 1;
            }
        }
        if v >= 100 {
            return None;
        }
        Some((f64::from(v) / 100.0, j))
    }

    /// The token after a fraction word at `k` and what joins it to the next word: "of", "a"
    /// or a glued dash ("half a", "quarter-", "two thirds of a"): (fraction, next token).
    fn fraction_word(&self, k: usize) -> Option<(f64, usize)> {
        let w = self.w(k);
        let (frac, mut j) = match numbers::fraction_of_scale(w) {
            Some(f) => (f, k + 1),
            None => {
                let c = numbers::cardinal(w).filter(|&c| c >= 2)?;
                let (den, plural) = numbers::denominator(self.w(k + 1))?;
                if !plural {
                    return None;
                }
                (f64::from(c) / den, k + 2)
            }
        };
        if self.is_dash(j) && self.glued(j) && self.glued(j + 1) {
            return Some((frac, j + 1));
        }
        if self.is(j, words::OF) {
            j += 1;
        }
        if numbers::is_article(self.w(j)) {
            j += 1;
        }
        Some((frac, j))
    }

    /// A fraction of a unit: "half a century", "a half-century", "a quarter-hour", "half a
    /// percentage point", "three quarters of a mile": the fraction, ending before the unit
    /// that the quantity rules then read.
    pub(super) fn fraction_of_unit(&self, k: usize, to: usize) -> Option<(f64, usize)> {
        let (frac, j) = self.fraction_word(k)?;
        let w = self.w(j);
        let unit = units::time_unit(w).is_some()
            || units::phys_unit(w, false).is_some()
            || percent::is_after_number(w)
            || (self.is_in(j, units::TURNS) && self.about_angle())
            || (self.is(j, percent::PER) && self.is(j + 1, percent::CENT));
        // "half a century", "a half-century", "a half turn"; not "the first half year".
        let joined = j > k + 1 || (k > 0 && numbers::is_article(self.w(k - 1)));
        (unit && j < to && joined && self.usable(j)).then_some((frac, j))
    }

    /// A fraction of a scale word: "half a million", "half million", "quarter million", "three
    /// quarters billion", "two thirds of a million", "half a dozen", "a quarter-million":
    /// (value, end).
    pub(super) fn fraction_of_scale(&self, k: usize, to: usize) -> Option<(f64, usize)> {
        let (frac, j) = self.fraction_word(k)?;
        let s = numbers::scale(self.w(j))
            .or_else(|| self.is(j, numbers::DOZEN).then_some(numbers::DOZEN_VALUE))?;
        if j >= to || !self.usable(j) || s < numbers::DOZEN_VALUE {
            return None;
        }
        Some((frac * s, j + 1))
    }

    /// "and" in "one hundred and five", "-" in "twenty-five": joins two parts of a spelled
    /// number.
    fn joins_number(&self, j: usize, any: bool, last_card: Option<u32>) -> bool {
        if !any {
            return false;
        }
        if self.is(j, numbers::AND) {
            // Not "six million and two thirds": that "and" starts a mixed number's fraction.
            return last_card.is_none()
                && numbers::cardinal(self.w(j + 1)).is_some()
                && self.proper_fraction(j + 1, self.toks.len()).is_none();
        }
        // "twenty-five", or spaced on both sides "fifty - two".
        let dash_ok = self.glued(j) && self.glued(j + 1)
            || (!self.glued(j) && self.toks.get(j + 1).is_some_and(|t| t.space_before()));
        self.is_dash(j)
            && dash_ok
            && last_card.is_some_and(|c| c >= 20 && c % 10 == 0)
            && numbers::cardinal(self.w(j + 1)).is_some_and(|c| c > 0 && c < 10)
    }

    /// A quantity: a number, or a range of two ("between 20 and 30", "20-30", "3 to 5 million").
    pub(super) fn qty(&self, i: usize, to: usize) -> Option<Qty> {
        let n = self.number(i, to)?;
        let (mut v, mut end, mut lone_one) = (n.value, n.end, n.lone_one);
        // Mixed numbers: "one and a half", "3 million and a half", "2 1/4", "five and a half
        // million".
        if let Some((frac, end2)) = self.mixed_fraction(end, to, !n.spelled) {
            let s = numbers::scale(self.w(end - 1)).filter(|&s| s >= 1000.0);
            let s2 = numbers::scale(self.w(end2)).filter(|&s2| s2 >= 1000.0 && self.usable(end2));
            match (s, s2) {
                // "one billion and a half million": the half is of the scale after it.
                (Some(_), Some(s2)) => v += frac * s2,
                (None, Some(s2)) => v = (v + frac) * s2,
                (s, None) => v += frac * s.unwrap_or(1.0),
            }
            end = if s2.is_some() { end2 + 1 } else { end2 };
            lone_one = false;
        }
        let mut q = Qty {
            first: i,
            end,
            lo: v,
            hi: v,
            round: n.round,
            range: false,
            lone_one,
            spelled: n.spelled,
        };
        self.range_end(i, &mut q, to)?;
        self.signed(i, &mut q);
        Some(q)
    }

    /// The second end of a range after the quantity `q` read at `i`: "20-30", "3 to 5
    /// million", "between 20 and 30", "from 3 to 5". `None` when the second number makes the
    /// whole a phone number or a code (a third number joined by a dash or slash, before or
    /// after: "+1-222-2222/2222"), which is no quantity.
    fn range_end(&self, i: usize, q: &mut Qty, to: usize) -> Option<()> {
        let end = q.end;
        let between = i > 0 && self.is(i - 1, qualifiers::BETWEEN);
        let sep_ok = |j: usize| -> bool {
            if between {
                self.is(j, qualifiers::BETWEEN_AND)
            } else {
                self.punct(j)
                    .is_some_and(|c| qualifiers::RANGE_MARKS.contains(&c))
                    || (self.is_dash(j)
                        && !(self.glued(j)
                            && self.w(j + 1).is_empty()
                            && self.toks.get(j + 1).is_some_and(|t| t.is_word())))
                    || qualifiers::is_range_separator(self.w(j))
            }
        };
        if end >= to || !sep_ok(end) {
            return Some(());
        }
        // "rose by 12 to 158": a change, then the level it led to.
        if i > 0 && self.is(i - 1, qualifiers::BY) && !self.is_dash(end) {
            return Some(());
        }
        let j = end + 1;
        let digits_ok = self.toks[i].num().is_some() == self.is_num(j);
        if !digits_ok {
            return Some(());
        }
        let Some(n2) = self.number(j, to) else {
            return Some(());
        };
        let (v, v2, end2) = (q.lo, n2.value, n2.end);
        if self.in_code(i, end2) {
            return None;
        }
        let (mut lo, hi) = (v, v2);
        // "3-5 million": the scale written once applies to both ends.
        let s1 = end - i;
        let s2 = end2 - j;
        if s1 == 1 && s2 > 1 && self.toks[i].num().is_some() {
            lo = v
                * (v2
                    / self.toks[j]
                        .num()
                        .map_or(v2, |n| n.value)
                        .max(f64::MIN_POSITIVE));
        }
        if lo <= hi {
            q.lo = lo;
            q.hi = hi;
            q.end = end2;
            q.round = q.round.max(n2.round);
            q.range = true;
            q.lone_one = false;
            let from_to =
                i > 0 && self.is(i - 1, qualifiers::FROM) && self.is(end, qualifiers::FROM_TO);
            if between || from_to {
                q.first = i - 1;
            }
        }
        Some(())
    }

    /// Whether the range `i..end2` is part of a phone number or a code: a third number dash-
    /// or slash-joined to it, before or after.
    fn in_code(&self, i: usize, end2: usize) -> bool {
        let joined = |k: usize| {
            (self.is_dash(k) || self.punct(k) == Some('/')) && self.glued(k) && self.glued(k + 1)
        };
        joined(end2) && self.is_num(end2 + 1)
            || self.toks[i].num().is_some()
                && i >= 2
                && joined(i - 1)
                && self.toks[i - 2].num().is_some()
    }

    /// A leading decimal point (".08", " .5 million") and a minus sign ("-1", "minus five",
    /// "negative 3.5") written before the number at `i`. A hyphen is a minus only when white
    /// space precedes it and none follows, and no number comes right before ("75 -300" is a
    /// range, "COVID-19" a name).
    fn signed(&self, i: usize, q: &mut Qty) {
        if q.first != i || i == 0 {
            return;
        }
        if let Some(n) = self.toks[i].num()
            && n.decimals == 0
            && !n.grouped
            && n.value > 0.0
            && !q.range
            && self.punct(i - 1) == Some('.')
            && self.glued(i)
            && self.toks[i - 1].space_before()
            && self.usable(i - 1)
        {
            let f = 10f64.powi(-i32::from(n.int_digits));
            let scale = q.lo / n.value;
            q.lo *= f;
            q.hi *= f;
            q.round = 0.5 * f * scale;
            q.first = i - 1;
        }
        let p = q.first;
        if self.minus_before(p) {
            let (lo, hi) = (-q.lo, if q.range { q.hi } else { -q.hi });
            q.lo = lo.min(hi);
            q.hi = lo.max(hi);
            q.first = p - 1;
            q.lone_one = false;
        }
    }

    /// A minus written right before token `p`: a hyphen or U+2212 glued to digits with white
    /// space before it and no number before that ("-1", "−4/5"), or "minus", "negative".
    pub(super) fn minus_before(&self, p: usize) -> bool {
        if p == 0 || !self.usable(p - 1) {
            return false;
        }
        let after_sign = p >= 2
            && self.glued(p - 1)
            && self
                .punct(p - 2)
                .is_some_and(|c| c == qualifiers::OR_EQUAL || qualifiers::sign(c).is_some());
        let minus_sign = matches!(self.punct(p - 1), Some('-' | '\u{2212}'))
            && self.toks[p].num().is_some()
            && !self.toks[p].space_before()
            && (self.toks[p - 1].space_before() || after_sign)
            && !(p >= 2 && self.toks[p - 2].num().is_some());
        minus_sign || numbers::is_negative(self.w(p - 1))
    }

    /// The fraction that completes a mixed number at `j`: "and a half", "and three fifths",
    /// "and one fourth", or with digits " 1/4" ("2 1/4"): (value, end).
    fn mixed_fraction(&self, j: usize, to: usize, digits: bool) -> Option<(f64, usize)> {
        if digits
            && let Some(n) = self.toks.get(j).and_then(Tok::num)
            && let Some(d) = self.toks.get(j + 2).and_then(Tok::num)
        {
            let ok = self.toks[j].space_before()
                && self.punct(j + 1) == Some('/')
                && self.glued(j + 1)
                && self.glued(j + 2)
                && j + 2 < to
                && self.usable(j)
                && self.usable(j + 2)
                && n.decimals == 0
                && d.decimals == 0
                && n.value >= 1.0
                && n.value < d.value
                && d.value <= MOST_DENOMINATOR
                && !(self.punct(j + 3) == Some('/') && self.glued(j + 3));
            if ok {
                return Some((n.value / d.value, j + 3));
            }
        }
        // "1½": a vulgar fraction glued to the digits.
        if digits
            && let Some((n, d)) = self.punct(j).and_then(numbers::vulgar_fraction)
            && self.glued(j)
            && self.usable(j)
        {
            return Some((n / d, j + 1));
        }
        if !self.is(j, numbers::AND) || j + 2 >= to {
            return None;
        }
        self.proper_fraction(j + 1, to)
    }

    /// A spelled proper fraction at `k`, the part after "and" of a mixed number: "a half", "one
    /// half", "three fifths", "fifty-four hundredths", "a thirtieth": (value, end). An improper
    /// one ("thirty fifths") is not a mixed number's part: "one hundred and thirty fifths" is
    /// 130/5.
    fn proper_fraction(&self, k: usize, to: usize) -> Option<(f64, usize)> {
        let nw = self.w(k);
        let mut d_at = k + 1;
        let num = if numbers::is_article(nw) || numbers::is_one(nw) {
            1.0
        } else {
            let mut c = numbers::cardinal(nw).filter(|&c| c >= 2)?;
            if c >= 20 && c % 10 == 0 {
                let u_at = if self.is_dash(d_at) { d_at + 1 } else { d_at };
                if let Some(u) = numbers::cardinal(self.w(u_at)).filter(|&u| u > 0 && u < 10) {
                    c += u;
                    d_at = u_at + 1;
                }
            }
            f64::from(c)
        };
        let (den, plural) = numbers::denominator(self.w(d_at))?;
        if d_at >= to || !self.usable(d_at) || plural != (num > 1.0) || num >= den {
            return None;
        }
        Some((num / den, d_at + 1))
    }

    /// Whether the number at `i` is one of three or more numbers glued together by "-" or "/"
    /// (a phone number or a code). Dates like "5/17/2018" are read before this.
    pub(super) fn in_number_chain(&self, i: usize) -> bool {
        if !(self.chain_link(i + 1) || (i > 0 && self.chain_link(i - 1))) {
            return false;
        }
        let mut a = i;
        while a >= 2 && self.chain_link(a - 1) && self.toks[a - 2].num().is_some() {
            a -= 2;
        }
        self.number_chain_end(i).is_some_and(|b| b - a >= 4)
    }

    /// The last number of the chain of numbers joined by '-' or '/' that runs on from token
    /// `i` ("555-0134-22": the "22"), or `None` when none is joined after it. The scan skips a
    /// whole chain at once, so a line of `1-1-1-…` costs linear time.
    pub(super) fn number_chain_end(&self, i: usize) -> Option<usize> {
        let mut b = i;
        while self.chain_link(b + 1) {
            b += 2;
        }
        (b > i).then_some(b)
    }

    /// Token `k` is a '-' or '/' glued between two numbers of a chain.
    fn chain_link(&self, k: usize) -> bool {
        matches!(self.punct(k), Some('-' | '/'))
            && self.glued(k)
            && self
                .toks
                .get(k + 1)
                .is_some_and(|t| t.num().is_some() && !t.space_before())
    }
}
