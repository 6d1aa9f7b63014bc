//! Qualifiers: the words before a value that bound it ("more than", "at least", "up to",
//! "about", "nearly"), comparison signs ("x>10", "<= -30"), those after it ("10 or more",
//! "65 or older"), and two bounds joined into one range ("more than 10 and less than 20"). The patterns are the
//! rows of [`qualifiers::QUALIFIERS`]; the look-up buckets that make the test cheap are built
//! from those rows at compile time.

use super::cursor::Grammar;
use super::found::{Found, Qty, Qual};
use crate::claim::{Kind, Qualifier};
use crate::lang::en::qualifiers::{self, QUALIFIERS};
use crate::text::fold;

/// A word of at most 16 bytes as one number ([`fold::pack16`]); 0 for the empty word and for
/// longer ones, which are no qualifier word.
const fn pack16(w: &str) -> u128 {
    match fold::pack16(w.as_bytes(), false) {
        Some(p) => p,
        None => 0,
    }
}

/// One of 64 buckets for a packed word.
const fn bloom_index(p: u128) -> usize {
    ((p as u64 ^ (p >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58) as usize
}

/// The last word of each qualifier, packed.
const QUALIFIER_LAST: [u128; QUALIFIERS.len()] = {
    let mut last = [0; QUALIFIERS.len()];
    let mut k = 0;
    while k < QUALIFIERS.len() {
        let words = QUALIFIERS[k].0;
        last[k] = pack16(words[words.len() - 1]);
        k += 1;
    }
    last
};

/// For each bucket of [`bloom_index`], a bit per qualifier whose last word falls in it: most
/// words before a value find none, the others one or two patterns to compare.
const QUALIFIERS_BY_BIT: [u64; 64] = {
    assert!(QUALIFIERS.len() <= 64);
    let mut by_bit = [0u64; 64];
    let mut k = 0;
    while k < QUALIFIERS.len() {
        by_bit[bloom_index(QUALIFIER_LAST[k])] |= 1 << k;
        k += 1;
    }
    by_bit
};

impl Grammar<'_> {
    /// The qualifier written right before token `i` (none before `from`).
    pub(super) fn qualifier_before(&self, i: usize, from: usize) -> Qual {
        // Every pattern ends with the word right before `i`: compared first, as one number,
        // it rejects nearly every pattern without reading further back.
        let prev = if i > from { self.w(i - 1) } else { "" };
        let p = pack16(prev);
        if p == 0 {
            return self.sign_before(i, from);
        }
        // The patterns whose last word has the bloom bit of `prev`, in order.
        let mut patterns = QUALIFIERS_BY_BIT[bloom_index(p)];
        while patterns != 0 {
            let k = patterns.trailing_zeros() as usize;
            patterns &= patterns - 1;
            let (words, q, below) = &QUALIFIERS[k];
            let n = words.len();
            if QUALIFIER_LAST[k] != p || i < from + n {
                continue;
            }
            let s = i - n;
            if (0..n - 1).all(|k| self.is(s + k, words[k])) && !self.blocked[s] {
                return Qual {
                    qualifier: *q,
                    first: s,
                    below: *below,
                };
            }
        }
        Qual::exact(i)
    }

    /// A comparison sign right before `i`: "x>10", "<= -30", "< = 100", "≥ 5".
    fn sign_before(&self, i: usize, from: usize) -> Qual {
        let at = |k: usize| if k >= from { self.punct(k) } else { None };
        // The minus of "<-30" stands between the sign and the digits.
        let i =
            if i > from + 1 && i < self.toks.len() && self.minus_before(i) && self.is_dash(i - 1) {
                i - 1
            } else {
                i
            };
        // "<>30", "=>30": no comparison a reader writes.
        let stray = |k: usize| {
            k > from
                && self.glued(k)
                && at(k - 1)
                    .is_some_and(|c| c == qualifiers::OR_EQUAL || qualifiers::sign(c).is_some())
        };
        if i > from
            && let Some(c) = at(i - 1)
        {
            if c == qualifiers::OR_EQUAL
                && i > from + 1
                && let Some(q) = at(i - 2).and_then(qualifiers::sign)
                && !stray(i - 2)
            {
                let q = match q {
                    Qualifier::MoreThan => Qualifier::AtLeast,
                    Qualifier::LessThan => Qualifier::AtMost,
                    q => q,
                };
                return Qual::new(q, i - 2);
            }
            if let Some(q) = qualifiers::sign(c)
                && !stray(i - 1)
            {
                return Qual::new(q, i - 1);
            }
        }
        Qual::exact(i)
    }

    /// A lower bound `a` and an upper bound `b` (or the other way round) joined by "and",
    /// "but" or a comma, as one range: "more than 10 and less than 20" is (10, 20), "at most
    /// 100 and at least 20 apples" [20, 100]. Only when the bounds make a range (lo below hi)
    /// and measure the same thing or one of them is a bare number.
    pub(super) fn joined_bounds(&self, a: &Found, b: &Found) -> Option<Found> {
        let joined = b.first == a.last + 1
            && (self.is_in(a.last, qualifiers::BOUND_JOINERS) || self.punct(a.last) == Some(','));
        if !joined {
            return None;
        }
        let lower = |f: &Found| matches!(f.qualifier, Qualifier::MoreThan | Qualifier::AtLeast);
        let upper = |f: &Found| matches!(f.qualifier, Qualifier::LessThan | Qualifier::AtMost);
        let (lo, hi) = if lower(a) && upper(b) {
            (a, b)
        } else if upper(a) && lower(b) {
            (b, a)
        } else {
            return None;
        };
        let (l, h) = (lo.lo?, hi.hi?);
        if l >= h {
            return None;
        }
        let bare = |f: &Found| f.kind == Kind::Number;
        let unit = if bare(a) { b } else { a };
        if !(bare(a) || bare(b) || (a.kind == b.kind && a.unit == b.unit)) {
            return None;
        }
        Some(Found {
            first: a.first,
            last: b.last,
            lo: Some(l),
            hi: Some(h),
            qualifier: Qualifier::Range,
            ..unit.clone()
        })
    }

    /// The qualifier of the quantity `q` read at `num_at` for a value starting at `i` (before
    /// a currency sign, say): a range, or the qualifier written before it, or one written
    /// after it ("10 or more people", "aged 65 or older"); and the token after it.
    pub(super) fn qualifier_of(&self, q: &Qty, i: usize, num_at: usize) -> (Qual, usize) {
        let mut qual = if q.range && (q.first < num_at || self.is(q.first, qualifiers::BETWEEN)) {
            Qual::new(Qualifier::Range, q.first.min(i))
        } else {
            let before = self.qualifier_before(i, self.sentence_from.get());
            if q.range {
                Qual {
                    qualifier: Qualifier::Range,
                    ..before
                }
            } else {
                before
            }
        };
        let mut j = q.end;
        // "10 or more people", "aged 65 or older", "about five hundred or less".
        if matches!(qual.qualifier, Qualifier::Exact | Qualifier::Approx)
            && !q.range
            && let Some(post) = qualifiers::after(self.w(j), self.w(j + 1))
        {
            // "10 or more than 20" compares on; "200 or greater than" ends there.
            let than = self.is(j + 2, qualifiers::THAN);
            if !than || self.number(j + 3, self.toks.len()).is_none() {
                qual = Qual::new(post, qual.first);
                j += if than { 3 } else { 2 };
            }
        }
        (qual, j)
    }
}
