//! The value grammar over tokens: quantities (digits, spelled numbers, scales, ranges, vague
//! magnitudes), what they measure (currency, percent, physical and time units, hyphen compounds,
//! the counted noun), ordinals, ranks and fractions, and the qualifier in front ("more than",
//! "about", "up to"). It returns [`Found`] values with token ranges; `extract/mod.rs` turns them
//! into claims. Every rule looks at a bounded window of tokens, so the scan is linear.

use super::starts;
use super::token::{Tok, TokKind};
use crate::claim::{Dimension, Flag, Kind, Qualifier};
use crate::lang::en::qualifiers::QUALIFIERS;
use crate::lang::en::units::{self, PhysUnit};
use crate::lang::en::{currency, nouns, numbers, rank, words};
use crate::text::fold;
use std::cell::Cell;

/// How wide the rounding tolerance is for a number written with `tz` trailing zeros and `dec`
/// decimals, times `scale`: half of the last written place. Whole numbers below 1,000 without a
/// scale word are taken as exact ("20 cars" is twenty).
fn rounding(value: f64, tz: u8, dec: u8, scale: f64) -> f64 {
    if dec > 0 {
        0.5 * 10f64.powi(-i32::from(dec)) * scale
    } else if scale > 1.0 {
        0.5 * 10f64.powi(i32::from(tz)) * scale
    } else if tz >= 2 && value >= 1000.0 {
        0.5 * 10f64.powi(i32::from(tz))
    } else {
        0.0
    }
}

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

/// A value the grammar recognised.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Token range of the whole expression, qualifier and unit included (end exclusive).
    pub first: usize,
    pub last: usize,
    pub kind: Kind,
    pub dim: Dimension,
    /// Stated interval in the written unit.
    pub lo: Option<f64>,
    pub hi: Option<f64>,
    /// Written unit spelling and the factor to the canonical unit.
    pub written_unit: String,
    pub unit: String,
    pub factor: f64,
    pub qualifier: Qualifier,
    /// Half-width of the rounding tolerance, in the written unit.
    pub round: f64,
    /// "nearly", "almost": the true value lies below the stated one.
    pub approx_below: bool,
    pub flags: Vec<Flag>,
    /// Token range of the counted noun or the noun the value qualifies, when it follows.
    pub noun: Option<(usize, usize)>,
}

/// A bare quantity before its unit is known.
#[derive(Debug, Clone, Copy)]
struct Qty {
    first: usize,
    /// Exclusive end token.
    end: usize,
    lo: f64,
    hi: f64,
    round: f64,
    range: bool,
    /// Spelled "one"/"a"/"an" alone.
    lone_one: bool,
    /// Spelled small number ("two", "five"), not digits.
    spelled: bool,
}

/// The lowercase words of a batch of tokens: the batch's text is lowercased once as a whole,
/// and each token's word is cut from it on first use.
pub struct Words<'a> {
    /// The text from byte `base` on, ASCII letters lowercased.
    low: &'a str,
    base: usize,
    /// Each token's lowercase word once read.
    memo: Vec<Cell<Option<&'a str>>>,
}

impl<'a> Words<'a> {
    /// The words of `toks` (tokens of `text` in order); `buf` holds their lowercased text.
    pub fn new(text: &str, toks: &[Tok], buf: &'a mut String) -> Words<'a> {
        let (base, end) = toks
            .first()
            .zip(toks.last())
            .map_or((0, 0), |(a, b)| (a.start, b.end));
        buf.clear();
        buf.push_str(&text[base..end]);
        buf.make_ascii_lowercase();
        Words {
            low: buf,
            base,
            memo: vec![Cell::new(None); toks.len()],
        }
    }
}

pub struct Grammar<'a> {
    text: &'a str,
    toks: &'a [Tok],
    /// The batch's lowercased text from byte `base` on, and the words of `toks` read from it
    /// so far.
    low: &'a str,
    base: usize,
    memo: &'a [Cell<Option<&'a str>>],
    /// Tokens that belong to a date or another claimed span.
    blocked: &'a [bool],
    /// The article names a specific dollar ("US$", "USD", "US dollars").
    pub dollar_settled: bool,
    /// First token of the sentence being scanned: no look-behind crosses it.
    sentence_from: Cell<usize>,
    /// The last number and ordinal read, with the (start, end limit) they were read at.
    last_number: Cell<Option<(usize, usize, Number)>>,
    last_ordinal: Cell<Option<(usize, usize, Ordinal)>>,
}

/// A number read at a token: (value, end, round, lone_one, spelled).
type Number = Option<(f64, usize, f64, bool, bool)>;

/// An ordinal read at a token: (value, end).
type Ordinal = Option<(f64, usize)>;

impl<'a> Grammar<'a> {
    /// A grammar over the tokens `toks` of `text` (one sentence): the tokens `from..` of the
    /// batch whose words are `words`.
    pub fn new(
        text: &'a str,
        toks: &'a [Tok],
        blocked: &'a [bool],
        words: &'a Words<'a>,
        from: usize,
    ) -> Grammar<'a> {
        Grammar {
            text,
            toks,
            low: words.low,
            base: words.base,
            memo: &words.memo[from..from + toks.len()],
            sentence_from: Cell::new(0),
            last_number: Cell::new(None),
            last_ordinal: Cell::new(None),
            blocked,
            dollar_settled: false,
        }
    }

    /// Lowercase word at `i` when it is an ASCII word of at most 24 bytes, or "" for anything
    /// else.
    #[inline]
    fn w(&self, i: usize) -> &'a str {
        let Some(memo) = self.memo.get(i) else {
            return "";
        };
        memo.get().unwrap_or_else(|| {
            let w = self.read_word(i);
            memo.set(Some(w));
            w
        })
    }

    /// [`Self::w`] read from the lowercased text.
    fn read_word(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        if !t.is_word() || t.end - t.start > 24 {
            return "";
        }
        match self.low.get(t.start - self.base..t.end - self.base) {
            Some(w) if w.is_ascii() => w,
            _ => "",
        }
    }

    /// The token's text as written.
    fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    fn punct(&self, i: usize) -> Option<char> {
        self.toks.get(i).and_then(Tok::punct)
    }

    /// Token `i` follows token `i - 1` with no space.
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn usable(&self, i: usize) -> bool {
        i < self.toks.len() && !self.toks[i].inert && !self.blocked[i]
    }

    fn is_dash(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('-' | '–' | '—'))
    }

    /// Every value in the grammar's tokens (one sentence), tried at the tokens `starts` (in
    /// increasing order) only: they must include every token where [`Self::try_at`] finds a
    /// value (`extract::starts_of` gives them). A value found moves the scan past its end.
    pub fn scan(&self, starts: &[u32], out: &mut Vec<Found>) {
        let to = self.toks.len();
        self.sentence_from.set(0);
        let mut next = 0;
        for i in starts.iter().map(|&i| i as usize) {
            if i < next || !self.usable(i) {
                continue;
            }
            if let Some(f) = self.try_at(i, to) {
                next = f.last.max(i + 1);
                out.push(f);
            }
        }
        merge_equivalents(self, out);
    }

    fn try_at(&self, i: usize, to: usize) -> Option<Found> {
        let t = &self.toks[i];
        match t.kind {
            // "COVID-19", "MH-17", "Su-27": a name with a number, not a value.
            TokKind::Num(_)
                if i >= 2
                    && self.is_dash(i - 1)
                    && self.glued(i)
                    && self.glued(i - 1)
                    && self.toks[i - 2].is_word() =>
            {
                None
            }
            // "+1-222-2222/2222", "555-0134-22": phone numbers and codes carry no value.
            TokKind::Num(_) if self.in_number_chain(i) => None,
            TokKind::Num(_) => self
                .try_rank(i, to)
                .or_else(|| self.try_ordinal(i, to))
                .or_else(|| self.try_fraction(i, to))
                .or_else(|| self.try_quantity(i, to)),
            TokKind::Word => {
                let w = self.w(i);
                if w.is_empty() {
                    return None;
                }
                if self.currency_prefix(i).is_some()
                    && let Some(f) = self.try_quantity(i, to)
                {
                    return Some(f);
                }
                if matches!(w, "percent" | "percents" | "per") {
                    return self.try_percent_of(i, to);
                }
                let starter = starts::is_starter(w);
                if !starter {
                    return None;
                }
                self.try_rank(i, to)
                    .or_else(|| self.try_fraction(i, to))
                    .or_else(|| self.try_vague(i, to))
                    .or_else(|| self.try_ordinal(i, to))
                    .or_else(|| self.try_quantity(i, to))
            }
            TokKind::Punct(c) => {
                if numbers::vulgar_fraction(c).is_some() {
                    self.try_ratio(i, to)
                } else if currency::symbol(c).is_some() {
                    self.try_quantity(i, to)
                } else {
                    None
                }
            }
        }
    }

    /// The number after the percent word: "percent of 10", "per cent of twenty-two" (10 %,
    /// 22 %). Only when no number comes before the percent word and the number is bare, no
    /// year, and ends the clause: "the percent of 18-year-olds who vote" is no 18 %.
    fn try_percent_of(&self, i: usize, to: usize) -> Option<Found> {
        let k = if self.w(i) == "per" {
            if self.w(i + 1) != "cent" {
                return None;
            }
            i + 2
        } else {
            i + 1
        };
        if self.w(k) != "of" || k + 1 >= to {
            return None;
        }
        if i > self.sentence_from.get() {
            let p = i - 1;
            let w = self.w(p);
            if self.toks[p].num().is_some()
                || numbers::cardinal(w).is_some()
                || numbers::scale(w).is_some()
                || numbers::is_dozen(w)
                || matches!(w, "a" | "an" | "few" | "several" | "many")
            {
                return None;
            }
        }
        let n_at = k + 1;
        if self.toks[n_at]
            .num()
            .is_some_and(|n| n.decimals == 0 && n.int_digits == 4)
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
        Some(self.finish(
            q,
            (Qualifier::Exact, i, false),
            Kind::Percent,
            Dimension::Percent,
            "%",
            "%",
            1.0,
            end,
            None,
            vec![],
        ))
    }

    /// Whether the number at `i` is one of three or more numbers glued together by "-" or "/"
    /// (a phone number or a code). Dates like "5/17/2018" are read before this.
    fn in_number_chain(&self, i: usize) -> bool {
        let joined = |k: usize| {
            matches!(self.punct(k), Some('-' | '/'))
                && self.glued(k)
                && self
                    .toks
                    .get(k + 1)
                    .is_some_and(|t| t.num().is_some() && !t.space_before)
        };
        if !(joined(i + 1) || (i > 0 && joined(i - 1))) {
            return false;
        }
        let mut a = i;
        while a >= 2 && joined(a - 1) && self.toks[a - 2].num().is_some() {
            a -= 2;
        }
        let mut b = i;
        while joined(b + 1) {
            b += 2;
        }
        b - a >= 4
    }

    // ----- qualifiers ---------------------------------------------------------------------

    /// The qualifier written right before token `i`: (qualifier, first token, approx_below).
    fn qualifier_before(&self, i: usize, from: usize) -> (Qualifier, usize, bool) {
        // Every pattern ends with the word right before `i`: compared first, as one number,
        // it rejects nearly every pattern without reading further back.
        let prev = if i > from { self.w(i - 1) } else { "" };
        let p = pack16(prev);
        if p == 0 {
            return (Qualifier::Exact, i, false);
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
            if (0..n - 1).all(|k| self.w(s + k) == words[k]) && !self.blocked[s] {
                return (*q, s, *below);
            }
        }
        (Qualifier::Exact, i, false)
    }

    // ----- quantities ---------------------------------------------------------------------

    /// A number at `i`: digits (with scale words) or spelled words: (value, end, round,
    /// lone_one, spelled). The rules of one start ask for the same number again and again
    /// (a ratio, then a quantity): the last answer is kept.
    fn number(&self, i: usize, to: usize) -> Number {
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
    fn read_number(&self, i: usize, to: usize) -> Number {
        // (value, end, round, lone_one, spelled)
        if !self.usable(i) {
            return None;
        }
        if let Some(n) = self.toks[i].num() {
            if !n.value.is_finite() || n.int_digits > 18 {
                return None;
            }
            let (mut value, mut j, tz, dec) = self.digit_groups(i, n, to);
            let mut scale = 1.0;
            while j < to {
                let w = self.w(j);
                let s = numbers::scale(w)
                    .or_else(|| numbers::scale_abbr(w, self.glued(j)))
                    .or_else(|| numbers::is_dozen(w).then_some(12.0));
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
            return Some((value, j, round, false, false));
        }
        // "half a million", "a quarter million", "two thirds of a million", "half a dozen".
        let k = if matches!(self.w(i), "a" | "an") {
            i + 1
        } else {
            i
        };
        if let Some((v, end)) = self.fraction_of_scale(k, to) {
            return Some((v, end, 0.0, false, true));
        }
        // Spelled.
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
                if let Some(prev) = last_card {
                    // Only "twenty five" / "twenty-five" continue a cardinal.
                    if !(prev >= 20 && prev % 10 == 0 && c < 10 && c > 0) {
                        break;
                    }
                }
                cur += f64::from(c);
                last_card = Some(c);
                any = true;
                j += 1;
            } else if numbers::is_dozen(w) && (any || (lead_a && w == "dozen")) {
                cur = cur.max(1.0) * 12.0;
                last_card = None;
                any = true;
                j += 1;
            } else if let Some(s) = numbers::scale(w) {
                if !any && !lead_a {
                    break;
                }
                if s == 100.0 {
                    cur = cur.max(1.0) * 100.0;
                } else if cur == 0.0 && total > 0.0 && s > last_scale {
                    // "three lakh crore", "a thousand million": a scale of a scale.
                    total *= s;
                } else {
                    total += cur.max(1.0) * s;
                    cur = 0.0;
                }
                last_scale = s;
                last_card = None;
                any = true;
                j += 1;
            } else if (w == "a" || w == "an") && j == i {
                lead_a = true;
                j += 1;
            } else if self.joins_number(j, any, last_card) {
                j += 1;
            } else {
                break;
            }
        }
        if !any {
            return None;
        }
        // Do not end on a dangling "and".
        while j > i && (self.w(j - 1) == "and" || self.is_dash(j - 1)) {
            j -= 1;
        }
        let mut value = total + cur;
        // "two hundred point zero three", "five point five".
        if self.w(j) == "point"
            && let Some((frac, end)) = self.spelled_decimals(j + 1, to)
        {
            value += frac;
            j = end;
        }
        let lone_one = value == 1.0 && j == i + 1;
        let round = if last_scale >= 1000.0 {
            0.5 * last_scale
        } else {
            0.0
        };
        Some((value, j, round, lone_one, true))
    }

    /// Digits at `i`, with following groups of three written with spaces ("40 000", "1 234
    /// 567.89", "40\u{202f}000"): (value, end, trailing zeros, decimals). A plain space only
    /// groups when two or more groups follow or the group starts with "0", so "in 2019 100
    /// people" and "give 5 100-page reports" stay apart; a no-break or thin space always groups.
    fn digit_groups(&self, i: usize, n: super::token::NumTok, to: usize) -> (f64, usize, u8, u8) {
        let plain = (n.value, i + 1, n.trailing_zeros, n.decimals);
        if n.grouped || n.decimals > 0 || n.int_digits > 3 {
            return plain;
        }
        let mut groups: Vec<(super::token::NumTok, bool)> = Vec::new();
        let mut j = i + 1;
        while j < to && groups.len() < 6 {
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
        (numbers::is_nought(self.w(j)) && self.w(j + 1) == "point").then_some(0)
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
        if scale < 100.0 || j >= to || !numbers::scale(self.w(j - 1)).is_some_and(|s| s >= 100.0) {
            return None;
        }
        let last_scale = numbers::scale(self.w(j - 1))?;
        let and = self.w(j) == "and";
        if and && i > 0 && self.w(i - 1) == "between" {
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
        let (v2, end2, _, _, _) = self.number(k, to)?;
        let own_scale = (k..end2).any(|t| numbers::scale(self.w(t)).is_some());
        // "$2 million and 15 percent": the second number is a value of its own.
        let unit_after = self.punct(end2) == Some('%')
            || matches!(self.w(end2), "percent" | "per" | "pct" | "percentage");
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

    /// A fraction of a scale word: "half a million", "half million", "quarter million", "three
    /// quarters billion", "two thirds of a million", "half a dozen": (value, end).
    fn fraction_of_scale(&self, k: usize, to: usize) -> Option<(f64, usize)> {
        let w = self.w(k);
        let (frac, mut j) = match w {
            "half" => (0.5, k + 1),
            "quarter" => (0.25, k + 1),
            _ => {
                let c = numbers::cardinal(w).filter(|&c| c >= 2)?;
                let (den, plural) = numbers::denominator(self.w(k + 1))?;
                if !plural {
                    return None;
                }
                (f64::from(c) / den, k + 2)
            }
        };
        if self.w(j) == "of" {
            j += 1;
        }
        if matches!(self.w(j), "a" | "an") {
            j += 1;
        }
        let s = numbers::scale(self.w(j)).or_else(|| (self.w(j) == "dozen").then_some(12.0))?;
        if j >= to || !self.usable(j) || s < 12.0 {
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
        if self.w(j) == "and" {
            // Not "six million and two thirds": that "and" starts a mixed number's fraction.
            return last_card.is_none()
                && numbers::cardinal(self.w(j + 1)).is_some()
                && self.proper_fraction(j + 1, self.toks.len()).is_none();
        }
        // "twenty-five", or spaced on both sides "fifty - two".
        let dash_ok = self.glued(j) && self.glued(j + 1)
            || (!self.glued(j) && self.toks.get(j + 1).is_some_and(|t| t.space_before));
        self.is_dash(j)
            && dash_ok
            && last_card.is_some_and(|c| c >= 20 && c % 10 == 0)
            && numbers::cardinal(self.w(j + 1)).is_some_and(|c| c > 0 && c < 10)
    }

    /// A quantity: a number, or a range of two ("between 20 and 30", "20-30", "3 to 5 million").
    fn qty(&self, i: usize, to: usize) -> Option<Qty> {
        let (mut v, mut end, round, mut lone_one, spelled) = self.number(i, to)?;
        // Mixed numbers: "one and a half", "3 million and a half", "2 1/4", "five and a half
        // million".
        if let Some((frac, end2)) = self.mixed_fraction(end, to, !spelled) {
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
            round,
            range: false,
            lone_one,
            spelled,
        };
        // Second end of a range.
        let between = i > 0 && self.w(i - 1) == "between";
        let sep_ok = |j: usize| -> bool {
            if between {
                self.w(j) == "and"
            } else {
                (self.is_dash(j)
                    && !(self.glued(j)
                        && self.w(j + 1).is_empty()
                        && self.toks.get(j + 1).is_some_and(|t| t.is_word())))
                    || self.w(j) == "to"
                    || self.w(j) == "through"
            }
        };
        if end < to && sep_ok(end) {
            let j = end + 1;
            let digits_ok =
                self.toks[i].num().is_some() == self.toks.get(j).is_some_and(|t| t.num().is_some());
            if digits_ok && let Some((v2, end2, round2, _, _)) = self.number(j, to) {
                // Phone numbers and codes: a third dash- or slash-joined number, before or
                // after ("+1-222-2222/2222").
                let joined = |k: usize| {
                    (self.is_dash(k) || self.punct(k) == Some('/'))
                        && self.glued(k)
                        && self.glued(k + 1)
                };
                if joined(end2) && self.toks.get(end2 + 1).is_some_and(|t| t.num().is_some())
                    || self.toks[i].num().is_some()
                        && i >= 2
                        && joined(i - 1)
                        && self.toks[i - 2].num().is_some()
                {
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
                    q.round = round.max(round2);
                    q.range = true;
                    q.lone_one = false;
                    let from_to = i > 0 && self.w(i - 1) == "from" && self.w(end) == "to";
                    if between || from_to {
                        q.first = i - 1;
                    }
                }
            }
        }
        self.signed(i, &mut q);
        Some(q)
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
            && self.toks[i - 1].space_before
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
    fn minus_before(&self, p: usize) -> bool {
        if p == 0 || !self.usable(p - 1) {
            return false;
        }
        let minus_sign = matches!(self.punct(p - 1), Some('-' | '\u{2212}'))
            && self.toks[p].num().is_some()
            && !self.toks[p].space_before
            && self.toks[p - 1].space_before
            && !(p >= 2 && self.toks[p - 2].num().is_some());
        minus_sign || matches!(self.w(p - 1), "minus" | "negative")
    }

    /// The fraction that completes a mixed number at `j`: "and a half", "and three fifths",
    /// "and one fourth", or with digits " 1/4" ("2 1/4"): (value, end).
    fn mixed_fraction(&self, j: usize, to: usize, digits: bool) -> Option<(f64, usize)> {
        if digits
            && let Some(n) = self.toks.get(j).and_then(Tok::num)
            && let Some(d) = self.toks.get(j + 2).and_then(Tok::num)
        {
            let ok = self.toks[j].space_before
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
                && d.value <= 100.0
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
        if self.w(j) != "and" || j + 2 >= to {
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
        let num = match nw {
            "a" | "an" | "one" => 1.0,
            _ => {
                let mut c = numbers::cardinal(nw).filter(|&c| c >= 2)?;
                if c >= 20 && c % 10 == 0 {
                    let u_at = if self.is_dash(d_at) { d_at + 1 } else { d_at };
                    if let Some(u) = numbers::cardinal(self.w(u_at)).filter(|&u| u > 0 && u < 10) {
                        c += u;
                        d_at = u_at + 1;
                    }
                }
                f64::from(c)
            }
        };
        let (den, plural) = numbers::denominator(self.w(d_at))?;
        if d_at >= to || !self.usable(d_at) || plural != (num > 1.0) || num >= den {
            return None;
        }
        Some((num / den, d_at + 1))
    }

    /// Currency written before the number: "$", "US$", "€", "USD".
    fn currency_prefix(&self, i: usize) -> Option<(&'static str, bool, usize)> {
        // (code, ambiguous, tokens)
        let raw = self.raw(i);
        if let Some(c) = self.punct(i).and_then(currency::symbol) {
            return Some((c.0, c.1, 1));
        }
        // Every currency word written before a number is a code or sign of at most four bytes
        // ("USD", "U", "元"): longer words, nearly all of them, stop here.
        if raw.len() > 4 {
            return None;
        }
        // …and is followed by "$" or by the number ("USD 5 billion", "rmb 10"), or is the "U"
        // of "U.S.$".
        let next_dollar = self.punct(i + 1) == Some('$');
        let next_number = self.toks.get(i + 1).is_some_and(|t| t.num().is_some());
        if !next_dollar && !next_number && raw != "U" {
            return None;
        }
        let mut upper = [0u8; 4];
        upper[..raw.len()].copy_from_slice(raw.as_bytes());
        upper.make_ascii_uppercase();
        let upper = std::str::from_utf8(&upper[..raw.len()]).unwrap_or("");
        // "US$", "HK$", "aud$", "C$"; spaced as "c $", "hk $" in tokenized text, except a
        // lone "A"/"a" which is the article ("a $5 fee").
        if let Some(code) = currency::dollar_prefix(upper)
            && self.punct(i + 1) == Some('$')
            && (self.glued(i + 1) || raw.len() >= 2 || raw.eq_ignore_ascii_case("c"))
        {
            return Some((code, false, 2));
        }
        // "U.S.$"
        if raw == "U"
            && self
                .text
                .get(self.toks[i].start..)
                .is_some_and(|s| s.starts_with("U.S.$"))
        {
            return Some(("USD", false, 5));
        }
        if let Some(code) = currency::code(raw)
            .or_else(|| currency::code_lower(raw).filter(|_| raw.len() == 3))
            .or_else(|| currency::sign_word(raw).map(|c| c.0))
        {
            return Some((code, false, 1));
        }
        // "MAUD 60", "MUSD 5": millions, handled by the caller through the written word.
        None
    }

    fn try_quantity(&self, i: usize, to: usize) -> Option<Found> {
        let (cur, num_at) = match self.currency_prefix(i) {
            Some((code, amb, n)) => (Some((code, amb)), i + n),
            None => (None, i),
        };
        if num_at >= to {
            return None;
        }
        // "more than a month": "a" as one before a time unit, only after a qualifier.
        let w0 = self.w(num_at);
        if cur.is_none()
            && (w0 == "a" || w0 == "an")
            && let Some((uname, days)) = units::time_unit(self.w(num_at + 1))
        {
            let (q, qfirst, below) = self.qualifier_before(num_at, self.sentence_from.get());
            if q != Qualifier::Exact && !self.w(num_at + 1).ends_with('s') {
                return Some(self.finish(
                    Qty {
                        first: num_at,
                        end: num_at + 1,
                        lo: 1.0,
                        hi: 1.0,
                        round: 0.0,
                        range: false,
                        lone_one: true,
                        spelled: true,
                    },
                    (q, qfirst, below),
                    Kind::Duration,
                    Dimension::Duration,
                    uname,
                    "days",
                    days,
                    num_at + 2,
                    None,
                    Vec::new(),
                ));
            }
        }
        let q = self.qty(num_at, to)?;
        let mut qual = if q.range && (q.first < num_at || self.w(q.first) == "between") {
            (Qualifier::Range, q.first.min(i), false)
        } else {
            let (qq, qf, below) = self.qualifier_before(i, self.sentence_from.get());
            let qq = if q.range { Qualifier::Range } else { qq };
            (qq, qf, below)
        };
        let mut j = q.end;
        // "10 or more people", "aged 65 or older", "about five hundred or less".
        if matches!(qual.0, Qualifier::Exact | Qualifier::Approx)
            && !q.range
            && matches!(self.w(j), "or" | "and")
            && let Some(post) = match self.w(j + 1) {
                "more" | "greater" | "higher" | "above" | "over" | "older" => {
                    Some(Qualifier::AtLeast)
                }
                "less" | "fewer" | "lower" | "below" | "under" | "younger" => {
                    Some(Qualifier::AtMost)
                }
                _ => None,
            }
            && (self.w(j) == "or" || post == Qualifier::AtLeast)
            && self.w(j + 2) != "than"
        {
            qual = (post, qual.1, false);
            j += 2;
        }
        if let Some((code, amb)) = cur {
            // "$5 billion dollars" would be odd; accept a trailing currency word silently.
            let mut end = j;
            if currency::word(self.w(end)).is_some() {
                end += 1;
            }
            let mut flags = Vec::new();
            if amb && !self.dollar_settled {
                flags.push(Flag::AmbiguousCurrency);
            }
            return Some(self.finish(
                q,
                qual,
                Kind::Money,
                Dimension::Money,
                code,
                code,
                1.0,
                end,
                None,
                flags,
            ));
        }
        self.after_quantity(q, qual, j, to)
    }

    /// Decide what the quantity measures from what follows it.
    fn after_quantity(
        &self,
        q: Qty,
        qual: (Qualifier, usize, bool),
        j: usize,
        to: usize,
    ) -> Option<Found> {
        let w = self.w(j);
        // Percent.
        if self.punct(j) == Some('%') {
            return Some(self.finish(
                q,
                qual,
                Kind::Percent,
                Dimension::Percent,
                "%",
                "%",
                1.0,
                j + 1,
                None,
                vec![],
            ));
        }
        if matches!(w, "percent" | "percents" | "pct" | "percentage") {
            let end = if self.w(j + 1) == "points" || self.w(j + 1) == "point" {
                j + 2
            } else {
                j + 1
            };
            return Some(self.finish(
                q,
                qual,
                Kind::Percent,
                Dimension::Percent,
                "%",
                "%",
                1.0,
                end,
                None,
                vec![],
            ));
        }
        if w == "per" && self.w(j + 1) == "cent" {
            return Some(self.finish(
                q,
                qual,
                Kind::Percent,
                Dimension::Percent,
                "%",
                "%",
                1.0,
                j + 2,
                None,
                vec![],
            ));
        }
        // Currency after the number: "three billion US dollars", "200 million yuan", "30 MUSD",
        // "10 €".
        if let Some((code, end, amb)) = self.currency_after(j, q.lo.max(q.hi)) {
            let mut q = q;
            // "30 MUSD", "120 MEUR": millions of the currency.
            if self.w(end - 1).len() == 4 && self.w(end - 1).starts_with('m') {
                q.lo *= 1e6;
                q.hi *= 1e6;
                q.round *= 1e6;
            }
            // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50.".
            let mut end = end;
            // "75 USD million": a scale after the code.
            if self.raw(end - 1).len() == 3
                && self.raw(end - 1).chars().all(|c| c.is_ascii_uppercase())
                && let Some(s) = numbers::scale(self.w(end)).filter(|&s| s >= 1e3)
            {
                q.lo *= s;
                q.hi *= s;
                q.round *= s;
                end += 1;
            }
            if !q.range
                && let Some((cents, cend)) =
                    self.cents_after(end, to, self.punct(end - 1).is_some())
            {
                q.lo += cents;
                q.hi += cents;
                end = cend;
            }
            let mut flags = Vec::new();
            if amb && !self.dollar_settled {
                flags.push(Flag::AmbiguousCurrency);
            }
            return Some(self.finish(
                q,
                qual,
                Kind::Money,
                Dimension::Money,
                code,
                code,
                1.0,
                end,
                None,
                flags,
            ));
        }
        // Sub-units: "50 cents", "470 pence", "one penny", "12-cent dividend".
        let sub_at = if self.is_dash(j) && self.glued(j) && self.glued(j + 1) {
            j + 1
        } else {
            j
        };
        if let Some((code, written, amb)) = currency::subunit(self.w(sub_at))
            .or_else(|| (self.raw(sub_at) == "¢").then_some(("USD", "cents", true)))
        {
            let mut flags = Vec::new();
            if amb && !self.dollar_settled {
                flags.push(Flag::AmbiguousCurrency);
            }
            let mut f = self.finish(
                q,
                qual,
                Kind::Money,
                Dimension::Money,
                written,
                code,
                0.01,
                sub_at + 1,
                None,
                flags,
            );
            if sub_at > j {
                f.noun = self.noun_after(sub_at + 1, to);
            }
            return Some(f);
        }
        // Hyphen compounds: "20-month war", "20-car motorcade", "two-day visit", "3-inch".
        if self.is_dash(j) && self.glued(j) && self.glued(j + 1) && !self.w(j + 1).is_empty() {
            let uw = self.w(j + 1);
            if let Some((uname, days)) = units::time_unit(uw) {
                let mut end = j + 2;
                // "20-year-old": an age, still a duration of years.
                if self.is_dash(end) && self.w(end + 1) == "old" {
                    end += 2;
                }
                return Some(self.finish(
                    q,
                    qual,
                    Kind::Duration,
                    Dimension::Duration,
                    uname,
                    "days",
                    days,
                    end,
                    self.noun_after(end, to),
                    vec![],
                ));
            }
            if let Some(p) = units::phys_unit(uw, true) {
                return Some(self.phys(q, qual, p, j + 2, to));
            }
            // "a one-yen bid", "a 10-dollar bill": money.
            if let Some((code, amb)) = currency::word(uw) {
                let mut flags = Vec::new();
                if amb && !self.dollar_settled {
                    flags.push(Flag::AmbiguousCurrency);
                }
                let mut f = self.finish(
                    q,
                    qual,
                    Kind::Money,
                    Dimension::Money,
                    code,
                    code,
                    1.0,
                    j + 2,
                    None,
                    flags,
                );
                f.noun = self.noun_after(j + 2, to);
                return Some(f);
            }
            if q.lone_one {
                return None;
            }
            // Any other noun: a count of that thing ("20-car motorcade" counts cars).
            if !words::is_stopword(uw) && numbers::cardinal(uw).is_none() {
                let unit = nouns::plural(uw);
                return Some(self.finish(
                    q,
                    qual,
                    Kind::Count,
                    Dimension::Count,
                    &unit,
                    &unit,
                    1.0,
                    j + 2,
                    Some((j + 1, j + 2)),
                    vec![],
                ));
            }
            return None;
        }
        // Time units: "for five years", "more than a month".
        if let Some((uname, days)) = units::time_unit(w) {
            // "30 years ago" is a date; "30 years old" an age, a duration like "30-year-old".
            if self.w(j + 1) == "ago" {
                return None;
            }
            return Some(self.finish(
                q,
                qual,
                Kind::Duration,
                Dimension::Duration,
                uname,
                "days",
                days,
                j + 1,
                None,
                vec![],
            ));
        }
        // Physical units, glued ("10km") or spaced.
        if !w.is_empty() {
            let glued = self.glued(j);
            if matches!(w, "square" | "sq")
                && let Some(p) = units::square_unit(self.w(j + 1))
            {
                return Some(self.phys(q, qual, p, j + 2, to));
            }
            if w == "cubic"
                && let Some(p) = units::cubic_unit(self.w(j + 1))
            {
                return Some(self.phys(q, qual, p, j + 2, to));
            }
            if matches!(w, "degrees" | "degree") {
                let unit = self.w(j + 1);
                let (name, end) = match unit {
                    "celsius" | "c" | "centigrade" => ("°C", j + 2),
                    "fahrenheit" | "f" => ("°F", j + 2),
                    _ => ("°", j + 1),
                };
                if name != "°" {
                    return Some(self.temperature(q, qual, name, end));
                }
            }
            // "190 km2", "40 m²": a square unit written with its exponent glued.
            if (self.raw(j + 1) == "2" || self.raw(j + 1) == "²")
                && self.glued(j + 1)
                && !self
                    .toks
                    .get(j + 2)
                    .is_some_and(|t| !t.space_before && t.punct().is_none())
                && let Some(p) = units::square_unit(w)
            {
                return Some(self.phys(q, qual, p, j + 2, to));
            }
            if let Some(p) = units::phys_unit(w, glued) {
                return Some(self.phys(q, qual, p, j + 1, to));
            }
        }
        if self.punct(j) == Some('°') {
            let end = j + 1;
            match self.raw(end) {
                "C" => return Some(self.temperature(q, qual, "°C", end + 1)),
                "F" => return Some(self.temperature(q, qual, "°F", end + 1)),
                _ => {}
            }
        }
        // A count: the noun phrase after the number names what is counted.
        if q.lone_one {
            return None;
        }
        if self.w(j) == "of" && q.spelled && q.lo < 20.0 {
            // "one of the few", "two of them": partitive, not a count claim.
            return None;
        }
        if let Some((h0, h1)) = self.counted_noun(j, to) {
            // "the two leaders", "the three countries'": anaphora to things already named.
            if q.spelled && q.lo <= 10.0 && q.first > 0 && self.w(q.first - 1) == "the" {
                let after = self.w(h1);
                let possessive = self.punct(h1).is_some_and(|c| c == '’' || c == '\'');
                if possessive
                    || !matches!(
                        after,
                        "of" | "which" | "that" | "who" | "whose" | "in" | "from"
                    )
                {
                    return None;
                }
            }
            let head = self.w(h1 - 1);
            let head_raw = self.raw(h1 - 1);
            let unit = nouns::unit_for_noun(head, head_raw);
            return Some(self.finish(
                q,
                qual,
                Kind::Count,
                Dimension::Count,
                &unit,
                &unit,
                1.0,
                j,
                Some((h0, h1)),
                vec![],
            ));
        }
        if q.spelled && q.lo.abs() < 100.0 && !q.range && !self.bare_spelled_ok(&q, j, to) {
            // A small spelled number with nothing counted ("one of", "the two").
            return None;
        }
        Some(self.finish(
            q,
            qual,
            Kind::Number,
            Dimension::Number,
            "",
            "",
            1.0,
            j,
            None,
            vec![],
        ))
    }

    /// A small spelled number with nothing counted is a value only at the end of a clause and
    /// when no determiner makes it a pronoun: "rose to seven.", "fifty-two", but not "the two
    /// met", "said the two.", "one of the few" (partitives are refused before this), and never
    /// a lone "one" (a determiner or pronoun in news text).
    fn bare_spelled_ok(&self, q: &Qty, j: usize, to: usize) -> bool {
        if q.lone_one || (q.lo == 0.0 && !matches!(self.w(q.first), "zero" | "minus" | "negative"))
        {
            return false;
        }
        // "nought point nought three", "one and a half": a decimal or mixed number is never a
        // determiner or pronoun.
        if q.lo.fract() != 0.0 {
            return true;
        }
        let clause_end = j >= to
            || j >= self.toks.len()
            || matches!(
                self.punct(j),
                Some('.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '”' | '\'' | '’')
            );
        if !clause_end {
            return false;
        }
        if q.first > 0 {
            let prev = self.w(q.first - 1);
            if words::is_determiner(prev) || matches!(prev, "each" | "all" | "both") {
                return false;
            }
            // "number seven", "version two", "Apollo Eleven": a name, not a value.
            let raw = self.raw(q.first - 1);
            if matches!(prev, "number" | "no" | "version" | "chapter" | "part")
                || raw.chars().next().is_some_and(char::is_uppercase)
                    && self
                        .raw(q.first)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            {
                return false;
            }
        }
        true
    }

    /// Cents after a whole amount: "[and] 50 cents", "[and] forty-five cents", or a bare
    /// "[and] 50" at the end of a clause: (amount in the main unit, end).
    fn cents_after(&self, j: usize, to: usize, need_word: bool) -> Option<(f64, usize)> {
        let k = if self.w(j) == "and" { j + 1 } else { j };
        if k >= to
            || self
                .toks
                .get(k)
                .is_some_and(|t| t.num().is_some_and(|n| n.decimals > 0))
        {
            return None;
        }
        let (v, end, _, _, _) = self.number(k, to)?;
        if !(1.0..100.0).contains(&v) || v.fract() != 0.0 {
            return None;
        }
        if matches!(self.w(end), "cent" | "cents") {
            return Some((v / 100.0, end + 1));
        }
        let clause_end = !need_word && end >= to
            || !need_word
                && matches!(self.punct(end), Some('.' | ',' | ';' | '!' | '?'))
                && self
                    .toks
                    .get(end + 1)
                    .is_none_or(|t| t.space_before && t.num().is_none());
        clause_end.then_some((v / 100.0, end))
    }

    /// Currency after the number, with an optional country adjective: returns (code, end,
    /// ambiguous).
    fn currency_after(&self, j: usize, magnitude: f64) -> Option<(&'static str, usize, bool)> {
        let w = self.w(j);
        // A symbol after the number ("10 €", "100元"), unless it is the prefix of the next
        // amount ("10 $5").
        if j < self.toks.len() && self.usable(j) {
            let sym = self
                .punct(j)
                .and_then(currency::symbol)
                .or_else(|| currency::sign_word(self.raw(j)));
            let next_glued_num = self
                .toks
                .get(j + 1)
                .is_some_and(|t| t.num().is_some() && !t.space_before);
            if let Some((code, amb)) = sym
                && !next_glued_num
            {
                return Some((code, j + 1, amb));
            }
        }
        // ISO codes, also with the "M" of millions: "20 usd", "115USD", "30 MUSD"; not a code
        // glued to the next amount ("3 USD50 cards").
        let glued_next = self
            .toks
            .get(j + 1)
            .is_some_and(|t| t.num().is_some() && !t.space_before);
        if glued_next {
            return None;
        }
        if let Some(code) =
            currency::code_lower(w).or_else(|| w.strip_prefix('m').and_then(currency::code_lower))
        {
            return Some((code, j + 1, false));
        }
        if let Some((base, amb)) = currency::word(w) {
            // "200 pounds" is a weight; "200 million pounds" money.
            if base == "GBP"
                && w.starts_with("pound")
                && magnitude < 1e6
                && self.w(j + 1) != "sterling"
            {
                return None;
            }
            return Some((base, j + 1, amb));
        }
        // "US dollars", "U.S. dollars", "Hong Kong dollars", "Kyrgyz som": the currency word
        // after the country words is found first, so the country is spelled out only then.
        let us = self.raw(j) == "U"
            && self
                .text
                .get(self.toks[j].start..)
                .is_some_and(|s| s.starts_with("U.S."));
        // "Hong Kong dollars", "New Zealand dollars".
        let two_words = !us && matches!(w, "hong" | "new" | "south") && !self.w(j + 1).is_empty();
        let k = if us {
            j + 4
        } else if two_words {
            j + 2
        } else if !w.is_empty() {
            // Lowercase too ("australian dollars"): only the table's country words match.
            j + 1
        } else {
            return None;
        };
        let (base, _) = currency::word(self.w(k))?;
        let mut country = String::new();
        if us {
            country.push_str("u.s.");
        } else if two_words {
            country.push_str(w);
            country.push(' ');
            country.push_str(self.w(j + 1));
        } else {
            country.push_str(w);
        }
        let code = currency::of_country(&country, base)?;
        Some((code, k + 1, false))
    }

    fn phys(
        &self,
        q: Qty,
        qual: (Qualifier, usize, bool),
        p: PhysUnit,
        end: usize,
        to: usize,
    ) -> Found {
        // "km/h", "miles per hour": a speed.
        let (mut p, mut end) = (p, end);
        if p.dim == Dimension::Length {
            let per_hour = (self.punct(end) == Some('/')
                && matches!(self.w(end + 1), "h" | "hr" | "hour"))
                || (self.w(end) == "per" && matches!(self.w(end + 1), "hour" | "h"))
                || (self.w(end) == "an" && self.w(end + 1) == "hour");
            if per_hour {
                let name = if p.name == "mi" { "mph" } else { "km/h" };
                p = PhysUnit {
                    name,
                    dim: Dimension::Speed,
                    factor: p.factor,
                };
                end += 2;
            }
        }
        let kind = match p.dim {
            Dimension::Length => Kind::Distance,
            Dimension::Area => Kind::Area,
            Dimension::Mass => Kind::Mass,
            Dimension::Volume => Kind::Volume,
            Dimension::Speed => Kind::Speed,
            _ => Kind::Number,
        };
        let canon = match p.dim {
            Dimension::Length => "km",
            Dimension::Area => "ha",
            Dimension::Mass => "kg",
            Dimension::Volume => "l",
            Dimension::Speed => "km/h",
            _ => "",
        };
        let noun = if self.is_dash(end.saturating_sub(1)) {
            self.noun_after(end, to)
        } else {
            None
        };
        self.finish(
            q,
            qual,
            kind,
            p.dim,
            p.name,
            canon,
            p.factor,
            end,
            noun,
            vec![],
        )
    }

    fn temperature(&self, q: Qty, qual: (Qualifier, usize, bool), name: &str, end: usize) -> Found {
        let mut f = self.finish(
            q,
            qual,
            Kind::Temperature,
            Dimension::Temperature,
            name,
            "°C",
            1.0,
            end,
            None,
            vec![],
        );
        if name == "°F" {
            // Not a linear factor: convert the ends.
            f.factor = f64::NAN;
        }
        f
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        q: Qty,
        qual: (Qualifier, usize, bool),
        kind: Kind,
        dim: Dimension,
        written_unit: &str,
        unit: &str,
        factor: f64,
        end: usize,
        noun: Option<(usize, usize)>,
        flags: Vec<Flag>,
    ) -> Found {
        let (qualifier, qfirst, below) = qual;
        let (lo, hi) = match qualifier {
            Qualifier::MoreThan | Qualifier::AtLeast => (Some(q.lo), None),
            Qualifier::LessThan | Qualifier::AtMost if q.hi < 0.0 => (None, Some(q.hi)),
            Qualifier::LessThan | Qualifier::AtMost => (Some(0.0), Some(q.hi)),
            _ => (Some(q.lo), Some(q.hi)),
        };
        Found {
            first: qfirst.min(q.first),
            last: end,
            kind,
            dim,
            lo,
            hi,
            written_unit: written_unit.to_string(),
            unit: unit.to_string(),
            factor,
            qualifier,
            round: q.round,
            approx_below: below,
            flags,
            noun,
        }
    }

    // ----- counted nouns ------------------------------------------------------------------

    /// The counted noun after a number: token range of the noun phrase up to and including its
    /// head (the last plural of the first run of plurals within four words).
    fn counted_noun(&self, j: usize, to: usize) -> Option<(usize, usize)> {
        let mut k = j;
        // "tens of thousands of Russians", "a million of"…: skip one "of".
        if self.w(k) == "of" {
            k += 1;
            if words::is_determiner(self.w(k)) {
                k += 1;
            }
        }
        let start = k;
        let mut head: Option<usize> = None;
        while k < to && k < start + 4 {
            let t = &self.toks[k];
            if !t.is_word() {
                // Hyphenated modifiers ("full-scale") continue the phrase.
                if self.is_dash(k) && self.glued(k) && self.glued(k + 1) && head.is_none() {
                    k += 1;
                    continue;
                }
                break;
            }
            let w = self.w(k);
            let raw = self.raw(k);
            if (words::ends_noun_phrase(w) && head.is_none() && k > start)
                || (w.is_empty() && raw.len() > 24)
            {
                break;
            }
            if words::ends_noun_phrase(w) {
                break;
            }
            if nouns::is_plural(w, raw) {
                head = Some(k);
            } else if head.is_some() {
                break;
            }
            k += 1;
        }
        head.map(|h| (start, h + 1))
    }

    /// The noun a compound qualifies: "20-month war in Ukraine" → "war".
    fn noun_after(&self, end: usize, to: usize) -> Option<(usize, usize)> {
        let mut k = end;
        while k < to && k < end + 3 {
            let w = self.w(k);
            if w.is_empty() && !self.is_dash(k) {
                break;
            }
            if words::ends_noun_phrase(w) {
                break;
            }
            k += 1;
        }
        (k > end).then_some((end, k))
    }

    // ----- ordinals, ranks, fractions, vague magnitudes -----------------------------------

    /// An ordinal at `i`: "20th", "first", "twenty-first", "one hundred twenty fifth", "two
    /// hundredth", "three trillionth"; returns (value, end).
    fn ordinal_at(&self, i: usize, to: usize) -> Ordinal {
        // A rank and an ordinal both start by reading the ordinal: the last answer is kept.
        if let Some((ci, cto, o)) = self.last_ordinal.get()
            && (ci, cto) == (i, to)
        {
            return o;
        }
        let o = self.read_ordinal(i, to);
        self.last_ordinal.set(Some((i, to, o)));
        o
    }

    /// [`Self::ordinal_at`], read.
    fn read_ordinal(&self, i: usize, to: usize) -> Ordinal {
        if !self.usable(i) {
            return None;
        }
        if let Some(n) = self.toks[i].num() {
            let suffix = self.w(i + 1);
            if self.glued(i + 1)
                && matches!(suffix, "st" | "nd" | "rd" | "th")
                && n.decimals == 0
                && n.value < 1e6
            {
                let v = n.value as u32;
                let want = match (v % 100, v % 10) {
                    (11..=13, _) => "th",
                    (_, 1) => "st",
                    (_, 2) => "nd",
                    (_, 3) => "rd",
                    _ => "th",
                };
                if suffix == want {
                    return Some((f64::from(v), i + 2));
                }
            }
            return None;
        }
        if let Some(o) = numbers::ordinal(self.w(i)) {
            return Some((o as f64, i + 1));
        }
        match self.spelled_ordinal(i, to) {
            Some((v, end, false)) => Some((v, end)),
            _ => None,
        }
    }

    /// A spelled ordinal of more than one word, maybe plural (a fraction's denominator):
    /// "twenty-first", "twenty firsts", "one hundred and fifth", "two hundredth", "a hundred
    /// trillionth", "twenty-one trillion and three hundred twenty second": (value, end, plural).
    /// The cardinal before the ordinal word must leave room for it: "twenty" + "fifth" = 25,
    /// "one hundred" + "fifth" = 105, "two" + "hundredth" = 200; "three fifths" is no ordinal.
    fn spelled_ordinal(&self, i: usize, to: usize) -> Option<(f64, usize, bool)> {
        let w = self.w(i);
        let a_scale = matches!(w, "a" | "an") && numbers::scale(self.w(i + 1)).is_some();
        if numbers::cardinal(w).is_none() && !a_scale {
            return None;
        }
        let (p, end, _, _, _) = self.number(i, to)?;
        if p.fract() != 0.0 || p <= 0.0 {
            return None;
        }
        let dash = self.is_dash(end) && self.glued(end) && self.glued(end + 1);
        let and = self.w(end) == "and";
        let k = if dash || and { end + 1 } else { end };
        if k >= to || !self.usable(k) {
            return None;
        }
        let ow = self.w(k);
        let (stem, plural) = match numbers::ordinal(ow) {
            Some(_) => (ow, false),
            // "seconds" is a time unit even after a number ("twenty seconds").
            None if ow != "seconds" => (ow.strip_suffix('s')?, true),
            None => return None,
        };
        let o = numbers::ordinal(stem)? as f64;
        let p = p as u64;
        let v = if o >= 100.0 && !dash && !and {
            // A scale ordinal multiplies the group before it: "two hundredth", "three
            // trillionth"; "one thousand two hundredth" = 1,200.
            if o == 100.0 && p % 1000 < 10 {
                (p - p % 1000) as f64 + (p % 1000) as f64 * 100.0
            } else if o >= 1000.0 && p < 1000 {
                p as f64 * o
            } else {
                return None;
            }
        } else if (o < 10.0 && p % 100 >= 20 && p.is_multiple_of(10) && !and)
            || (o < 100.0 && p.is_multiple_of(100) && !dash)
        {
            p as f64 + o
        } else {
            return None;
        };
        Some((v, k + 1, plural))
    }

    fn attributive_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let prev = self.w(i - 1);
        if words::is_determiner(prev) {
            return true;
        }
        let raw = self.raw(i - 1);
        // "Putin's first", "Russia's largest", "countries' largest".
        raw.ends_with("'s") || raw.ends_with("’s") || matches!(self.punct(i - 1), Some('\'' | '’'))
    }

    fn try_rank(&self, i: usize, to: usize) -> Option<Found> {
        let (rank, sup_at) = match self.ordinal_at(i, to) {
            Some((o, e)) => {
                let s = if self.is_dash(e) && self.glued(e) {
                    e + 1
                } else {
                    e
                };
                (o, s)
            }
            None => (1.0, i),
        };
        let sw = self.w(sup_at);
        let top = rank::superlative(sw)?;
        if !self.attributive_before(i) {
            return None;
        }
        if sw == "most" || sw == "least" {
            // "the most populous country": needs an adjective after.
            if self.w(sup_at + 1).is_empty() {
                return None;
            }
        }
        if sw == "top" && self.toks.get(sup_at + 1).is_some_and(|t| t.num().is_some()) {
            return None;
        }
        // A role noun within three words: "largest investor", "biggest trading partner".
        let mut k = sup_at + 1;
        let mut role = None;
        while k < to && k <= sup_at + 3 {
            let w = self.w(k);
            if w.is_empty() || words::ends_noun_phrase(w) {
                break;
            }
            if nouns::is_role_noun(w) {
                role = Some(k);
                break;
            }
            k += 1;
        }
        let role = role?;
        let mut f = self.finish(
            Qty {
                first: i,
                end: sup_at + 1,
                lo: rank,
                hi: rank,
                round: 0.0,
                range: false,
                lone_one: false,
                spelled: true,
            },
            (Qualifier::Exact, i, false),
            Kind::Rank,
            Dimension::Rank,
            if top { "" } else { "from bottom" },
            "",
            1.0,
            sup_at + 1,
            Some((sup_at + 1, role + 1)),
            vec![],
        );
        f.written_unit = if top {
            String::new()
        } else {
            "from bottom".into()
        };
        Some(f)
    }

    /// A spelled ordinal with no determiner before it is a claim when it stands alone at the end
    /// of a clause: "He finished eleventh.", "twenty-fifth", "two hundredth". "first" and
    /// "second" only after a verb of placing ("She finished second!"): elsewhere they are the
    /// time unit ("a split second") or a discourse marker. A sentence-initial ordinal before a
    /// comma is a discourse marker ("Third, …").
    fn bare_ordinal_ok(&self, i: usize, end: usize, v: f64, to: usize) -> bool {
        let clause_end = end >= to
            || matches!(
                self.punct(end),
                Some('.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '”')
            );
        if !clause_end || (i == self.sentence_from.get() && self.punct(end) == Some(',')) {
            return false;
        }
        let prev = if i > self.sentence_from.get() {
            self.w(i - 1)
        } else {
            ""
        };
        if v <= 2.0 && end == i + 1 {
            return matches!(
                prev,
                "finished" | "finishes" | "finish" | "placed" | "ranked" | "ranks" | "came"
            );
        }
        // "a third", "one fifth" are fractions, read before this.
        !matches!(prev, "a" | "an" | "one")
    }

    fn try_ordinal(&self, i: usize, to: usize) -> Option<Found> {
        let (v, mut end) = self.ordinal_at(i, to)?;
        let is_word = self.toks[i].is_word();
        let attributive = !is_word || self.attributive_before(i);
        if !attributive && !self.bare_ordinal_ok(i, end, v, to) {
            return None;
        }
        // "first-ever".
        if self.is_dash(end) && self.glued(end) && self.w(end + 1) == "ever" {
            end += 2;
        }
        let next = self.w(end);
        // A period of something, not an ordinal claim: "the first half", "the second quarter".
        if matches!(next, "half" | "quarter" | "place") {
            return None;
        }
        // Vague idiom: "for the first time in years".
        if next == "time"
            && self.w(end + 1) == "in"
            && matches!(
                self.w(end + 2),
                "years" | "decades" | "months" | "weeks" | "ages" | "a"
            )
        {
            return None;
        }
        if end >= to && is_word && attributive {
            return None;
        }
        let noun = self.noun_after(end, to);
        Some(self.finish(
            Qty {
                first: i,
                end,
                lo: v,
                hi: v,
                round: 0.0,
                range: false,
                lone_one: false,
                spelled: is_word,
            },
            (Qualifier::Exact, i, false),
            Kind::Ordinal,
            Dimension::Ordinal,
            "",
            "",
            1.0,
            end,
            noun,
            vec![],
        ))
    }

    fn try_fraction(&self, i: usize, to: usize) -> Option<Found> {
        if let Some(f) = self.try_ratio(i, to) {
            return Some(f);
        }
        let w = self.w(i);
        let fraction = |num: f64, den: f64, end: usize| -> Found {
            let qual = self.qualifier_before(i, self.sentence_from.get());
            let mut v = num / den;
            let mut first = i;
            // "minus three fifths", "-4/5".
            if self.minus_before(i) {
                v = -v;
                first = i - 1;
            }
            let noun = if self.w(end) == "of" {
                self.noun_after(end + 1, to)
                    .map(|(a, b)| (end + 1, b.max(a)))
            } else {
                None
            };
            self.finish(
                Qty {
                    first,
                    end,
                    lo: v,
                    hi: v,
                    round: 0.0,
                    range: false,
                    lone_one: false,
                    spelled: true,
                },
                qual,
                Kind::Fraction,
                Dimension::Fraction,
                "",
                "",
                1.0,
                end,
                noun,
                vec![],
            )
        };
        // "half of", "half the".
        if w == "half" {
            if i > 0
                && (numbers::ordinal(self.w(i - 1)).is_some()
                    || matches!(self.w(i - 1), "a" | "an" | "one"))
            {
                return None;
            }
            let next = self.w(i + 1);
            if next == "of" || next == "the" || next == "its" || next == "their" {
                return Some(fraction(1.0, 2.0, i + 1));
            }
            return None;
        }
        // The numerator's last token: "twenty-three fifths", "one hundred thirty two fifths".
        let mut nl = i;
        let a_scale = matches!(w, "a" | "an") && numbers::scale(self.w(i + 1)).is_some();
        let num = if ((w == "a" || w == "an") && !a_scale)
            || (w == "one"
                && numbers::cardinal(self.w(i + 1)).is_none()
                && numbers::scale(self.w(i + 1)).is_none())
        {
            1.0
        } else if numbers::cardinal(w).is_some() || a_scale {
            let (v, end, _, _, _) = self.number(i, to)?;
            if v.fract() != 0.0 || end <= i {
                return None;
            }
            nl = end - 1;
            v
        } else if let Some(n) = self.toks[i].num() {
            // "1/2", "3/4".
            if self.punct(i + 1) == Some('/')
                && self.glued(i + 1)
                && self.glued(i + 2)
                && let Some(d) = self.toks.get(i + 2).and_then(Tok::num)
                && d.decimals == 0
                && n.decimals == 0
                && d.value >= 2.0
                && d.value <= 100.0
                && n.value < d.value
            {
                return Some(fraction(n.value, d.value, i + 3));
            }
            return None;
        } else {
            return None;
        };
        // "two-thirds", or spaced on both sides "one - fourth".
        let hyphen = self.is_dash(nl + 1)
            && (self.glued(nl + 1) && self.glued(nl + 2)
                || self.toks[nl + 1].space_before
                    && self.toks.get(nl + 2).is_some_and(|t| t.space_before));
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
        let of_follows = self.w(end) == "of";
        // "a fifth." / "one eighth,": nothing after, so not an ordinal ("a fifth term").
        let alone = end >= to
            || matches!(
                self.punct(end),
                Some('.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '”')
            );
        let ok = match w {
            _ if compound => {
                if plural_den {
                    num >= 2.0
                } else {
                    num == 1.0 && nl == i && (of_follows || alone)
                }
            }
            "a" | "an" if a_scale => num >= 2.0 && plural_den,
            "a" | "an" => {
                !plural_den && (of_follows || alone || den == 2.0 && self.w(end) != "dozen")
            }
            "one" if nl == i => !plural_den && (hyphen || of_follows || alone || den == 2.0),
            // "twenty-fifth(s)" is a compound ordinal, not 20/5; a singular denominator after
            // a larger numerator is an ordinal too ("one hundred twenty-fifth").
            _ => {
                let tens = numbers::cardinal(self.w(nl)).is_some_and(|c| c >= 20 && c % 10 == 0);
                num >= 2.0 && plural_den && !(hyphen && tens && den < 10.0)
            }
        };
        if !ok {
            return None;
        }
        // "a half million": a number, not a fraction.
        if numbers::scale(self.w(end)).is_some() {
            return None;
        }
        Some(fraction(num, den, end))
    }

    /// "one in five adults", "1 in 21", "two out of five hundred", and the vulgar fractions
    /// "½", "¾": a fraction. The first number must be the smaller, the second a whole number,
    /// and no unit may follow either ("3 in 10 days" is not a ratio). "1 over 3" is a quotient
    /// only when the second number ends the clause and is no year.
    fn try_ratio(&self, i: usize, to: usize) -> Option<Found> {
        let (v, end) = if let Some((n, d)) = self.punct(i).and_then(numbers::vulgar_fraction) {
            if !self.usable(i) || self.toks.get(i + 1).is_some_and(|t| !t.space_before) {
                return None;
            }
            (n / d, i + 1)
        } else {
            let (a, aend, _, _, _) = self.number(i, to)?;
            let over = self.w(aend) == "over";
            let b_at = match self.w(aend) {
                "in" | "over" => aend + 1,
                "out" if self.w(aend + 1) == "of" => aend + 2,
                _ => return None,
            };
            if b_at >= to || words::is_determiner(self.w(b_at)) {
                return None;
            }
            let (b, bend, _, _, _) = self.number(b_at, to)?;
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
                    .is_some_and(|n| n.int_digits == 4 && (1000.0..3000.0).contains(&n.value));
                let clause_end = bend >= to
                    || matches!(self.punct(bend), Some('.' | ',' | ';' | '!' | '?' | ')'));
                if a <= 0.0 || b <= 0.0 || year || !clause_end {
                    return None;
                }
            } else if a <= 0.0 || b <= a || b.fract() != 0.0 || a.fract() != 0.0 || unit_after(bend)
            {
                return None;
            }
            (a / b, bend)
        };
        let qual = self.qualifier_before(i, self.sentence_from.get());
        let noun = self.counted_noun(end, to);
        // "negative one over 20".
        let (v, first) = if self.minus_before(i) {
            (-v, i - 1)
        } else {
            (v, i)
        };
        Some(self.finish(
            Qty {
                first,
                end,
                lo: v,
                hi: v,
                round: 0.0,
                range: false,
                lone_one: false,
                spelled: true,
            },
            qual,
            Kind::Fraction,
            Dimension::Fraction,
            "",
            "",
            1.0,
            end,
            noun,
            vec![],
        ))
    }

    fn try_vague(&self, i: usize, to: usize) -> Option<Found> {
        let w = self.w(i);
        // "double-digit growth", "single digits".
        if matches!(w, "single" | "double" | "triple") {
            let d_at = if self.is_dash(i + 1) { i + 2 } else { i + 1 };
            if !matches!(self.w(d_at), "digit" | "digits") {
                return None;
            }
            let (lo, hi) = match w {
                "single" => (1.0, 9.0),
                "double" => (10.0, 99.0),
                _ => (100.0, 999.0),
            };
            let end = d_at + 1;
            let q = Qty {
                first: i,
                end,
                lo,
                hi,
                round: 0.0,
                range: true,
                lone_one: false,
                spelled: true,
            };
            let qual = (Qualifier::Range, i, false);
            let rate = matches!(
                self.w(end),
                "growth"
                    | "increase"
                    | "increases"
                    | "rise"
                    | "rises"
                    | "decline"
                    | "declines"
                    | "drop"
                    | "drops"
                    | "fall"
                    | "falls"
                    | "inflation"
                    | "rate"
                    | "rates"
                    | "gain"
                    | "gains"
                    | "percent"
                    | "percentage"
                    | "unemployment"
                    | "interest"
            );
            if rate {
                let noun = self.noun_after(end, to);
                return Some(self.finish(
                    q,
                    qual,
                    Kind::Percent,
                    Dimension::Percent,
                    "%",
                    "%",
                    1.0,
                    end,
                    noun,
                    vec![],
                ));
            }
            return self.after_quantity(q, qual, end, to);
        }
        let unit = match w {
            "tens" => 10.0,
            "hundreds" => 100.0,
            "thousands" => 1e3,
            "millions" => 1e6,
            "billions" => 1e9,
            "dozens" => 12.0,
            _ => return None,
        };
        let mut end = i + 1;
        let mut lo = if w == "dozens" { 24.0 } else { unit };
        if self.w(end) == "of" {
            if let Some(s) = match self.w(end + 1) {
                "thousands" => Some(1e3),
                "millions" => Some(1e6),
                "billions" => Some(1e9),
                _ => None,
            } {
                lo *= s;
                end += 2;
            }
        } else {
            return None;
        }
        let hi = if w == "dozens" {
            143.0 * (lo / 24.0)
        } else {
            lo * 10.0 - 1.0
        };
        let q = Qty {
            first: i,
            end,
            lo,
            hi,
            round: 0.0,
            range: true,
            lone_one: false,
            spelled: true,
        };
        let (qq, qf, _) = self.qualifier_before(i, self.sentence_from.get());
        let qual = if qq == Qualifier::Exact {
            (Qualifier::Range, i, false)
        } else {
            (qq, qf, false)
        };
        // Money: "tens of millions of dollars".
        if self.w(end) == "of"
            && let Some((code, cend, amb)) = self.currency_after(end + 1, lo)
        {
            let mut flags = Vec::new();
            if amb && !self.dollar_settled {
                flags.push(Flag::AmbiguousCurrency);
            }
            return Some(self.finish(
                q,
                qual,
                Kind::Money,
                Dimension::Money,
                code,
                code,
                1.0,
                cend,
                None,
                flags,
            ));
        }
        if let Some((h0, h1)) = self.counted_noun(end, to) {
            let unit = nouns::unit_for_noun(self.w(h1 - 1), self.raw(h1 - 1));
            return Some(self.finish(
                q,
                qual,
                Kind::Count,
                Dimension::Count,
                &unit,
                &unit,
                1.0,
                end,
                Some((h0, h1)),
                vec![],
            ));
        }
        Some(self.finish(
            q,
            qual,
            Kind::Number,
            Dimension::Number,
            "",
            "",
            1.0,
            end,
            None,
            vec![],
        ))
    }

    pub fn text(&self) -> &str {
        self.text
    }
}

/// A parenthetical equivalent right after a money value ("200 million yuan ($28.18 million)")
/// belongs to it: keep one claim, remembered in `Found::noun`-free form by the caller.
fn merge_equivalents(g: &Grammar, out: &mut [Found]) {
    let _ = (g, out);
}

#[cfg(test)]
mod tests {
    use crate::extract::{Context, extract};

    /// (text, kind, written lo, written hi, written unit, qualifier) of every non-date claim.
    type Row = (String, String, Option<f64>, Option<f64>, String, String);

    fn claims_of(input: &str) -> Vec<Row> {
        extract(input, &Context::default())
            .into_iter()
            .filter(|c| c.kind != crate::claim::Kind::Date)
            .map(|c| {
                let r = |v: Option<f64>| v.map(|v| (v * 1e6).round() / 1e6);
                (
                    c.text,
                    c.kind.as_str().to_string(),
                    r(c.written.value.lo),
                    r(c.written.value.hi),
                    c.written.unit,
                    c.qualifier.as_str().to_string(),
                )
            })
            .collect()
    }

    type Want<'a> = (&'a str, &'a str, Option<f64>, Option<f64>, &'a str, &'a str);

    #[test]
    fn number_forms_table() {
        let p = Some;
        let cases: &[(&str, &[Want])] = &[
            // Bare spelled numbers at the end of a clause.
            ("three", &[("three", "number", p(3.0), p(3.0), "", "exact")]),
            (
                "It rose to seventy.",
                &[("seventy", "number", p(70.0), p(70.0), "", "exact")],
            ),
            (
                "fifty-two",
                &[("fifty-two", "number", p(52.0), p(52.0), "", "exact")],
            ),
            (
                "fifty - two",
                &[("fifty - two", "number", p(52.0), p(52.0), "", "exact")],
            ),
            // Dozens, fractions of scales.
            (
                "a dozen",
                &[("a dozen", "number", p(12.0), p(12.0), "", "exact")],
            ),
            (
                "3 dozen eggs",
                &[("3 dozen", "count", p(36.0), p(36.0), "eggs", "exact")],
            ),
            (
                "half a dozen",
                &[("half a dozen", "number", p(6.0), p(6.0), "", "exact")],
            ),
            (
                "half a million people",
                &[("half a million", "count", p(5e5), p(5e5), "people", "exact")],
            ),
            (
                "two thirds of a million",
                &[(
                    "two thirds of a million",
                    "number",
                    p(666_666.666_667),
                    p(666_666.666_667),
                    "",
                    "exact",
                )],
            ),
            // Negative numbers and a leading decimal point.
            ("-1", &[("-1", "number", p(-1.0), p(-1.0), "", "exact")]),
            (
                "minus 5",
                &[("minus 5", "number", p(-5.0), p(-5.0), "", "exact")],
            ),
            (".08", &[(".08", "number", p(0.08), p(0.08), "", "exact")]),
            // Fractions and mixed numbers.
            (
                "one eighth",
                &[("one eighth", "fraction", p(0.125), p(0.125), "", "exact")],
            ),
            (
                "a fifth.",
                &[("a fifth", "fraction", p(0.2), p(0.2), "", "exact")],
            ),
            (
                "one and a half",
                &[("one and a half", "number", p(1.5), p(1.5), "", "exact")],
            ),
            (
                "two and a half years",
                &[(
                    "two and a half years",
                    "duration",
                    p(2.5),
                    p(2.5),
                    "years",
                    "exact",
                )],
            ),
            (
                "2 1/4",
                &[("2 1/4", "number", p(2.25), p(2.25), "", "exact")],
            ),
            (
                "twenty and three fifths",
                &[(
                    "twenty and three fifths",
                    "number",
                    p(20.6),
                    p(20.6),
                    "",
                    "exact",
                )],
            ),
            (
                "twenty-three fifths",
                &[(
                    "twenty-three fifths",
                    "fraction",
                    p(4.6),
                    p(4.6),
                    "",
                    "exact",
                )],
            ),
            (
                "3 million and a half",
                &[(
                    "3 million and a half",
                    "number",
                    p(3.5e6),
                    p(3.5e6),
                    "",
                    "exact",
                )],
            ),
            (
                "one in five adults",
                &[("one in five", "fraction", p(0.2), p(0.2), "", "exact")],
            ),
            (
                "the result is ¾",
                &[("¾", "fraction", p(0.75), p(0.75), "", "exact")],
            ),
            // Spelled decimals and digit groups.
            (
                "two hundred point zero three",
                &[(
                    "two hundred point zero three",
                    "number",
                    p(200.03),
                    p(200.03),
                    "",
                    "exact",
                )],
            ),
            (
                "40 000",
                &[("40 000", "number", p(40000.0), p(40000.0), "", "exact")],
            ),
            (
                "1 234 567",
                &[(
                    "1 234 567",
                    "number",
                    p(1234567.0),
                    p(1234567.0),
                    "",
                    "exact",
                )],
            ),
            (
                "13 lakh",
                &[("13 lakh", "number", p(1.3e6), p(1.3e6), "", "exact")],
            ),
            // Percent and money.
            (
                "one hundred percents",
                &[(
                    "one hundred percents",
                    "percent",
                    p(100.0),
                    p(100.0),
                    "%",
                    "exact",
                )],
            ),
            (
                "50 cents",
                &[("50 cents", "money", p(50.0), p(50.0), "cents", "exact")],
            ),
            (
                "at 470 pence",
                &[("470 pence", "money", p(470.0), p(470.0), "pence", "exact")],
            ),
            (
                "10 €",
                &[("10 €", "money", p(10.0), p(10.0), "EUR", "exact")],
            ),
            (
                "125 million australian dollars",
                &[(
                    "125 million australian dollars",
                    "money",
                    p(1.25e8),
                    p(1.25e8),
                    "AUD",
                    "exact",
                )],
            ),
            (
                "c $ 1.34",
                &[("c $ 1.34", "money", p(1.34), p(1.34), "CAD", "exact")],
            ),
            (
                "30 MUSD",
                &[("30 MUSD", "money", p(3e7), p(3e7), "USD", "exact")],
            ),
            (
                "3 dollars 50 cents",
                &[(
                    "3 dollars 50 cents",
                    "money",
                    p(3.5),
                    p(3.5),
                    "USD",
                    "exact",
                )],
            ),
            // Exponents, Indian grouping, codes glued to digits.
            ("1e10", &[("1e10", "number", p(1e10), p(1e10), "", "exact")]),
            (
                "-12e-1",
                &[("-12e-1", "number", p(-1.2), p(-1.2), "", "exact")],
            ),
            (
                "1.3x10^6",
                &[("1.3x10^6", "number", p(1.3e6), p(1.3e6), "", "exact")],
            ),
            (
                "12,34,567.89",
                &[(
                    "12,34,567.89",
                    "number",
                    p(1_234_567.89),
                    p(1_234_567.89),
                    "",
                    "exact",
                )],
            ),
            (
                "USD115.5",
                &[("USD115.5", "money", p(115.5), p(115.5), "USD", "exact")],
            ),
            // Digits with spelled scales continued by a smaller number.
            (
                "4 thousand 3 hundred and 21",
                &[(
                    "4 thousand 3 hundred and 21",
                    "number",
                    p(4321.0),
                    p(4321.0),
                    "",
                    "exact",
                )],
            ),
            (
                "6 crore and two hundred",
                &[(
                    "6 crore and two hundred",
                    "number",
                    p(60_000_200.0),
                    p(60_000_200.0),
                    "",
                    "exact",
                )],
            ),
            (
                "between 3 hundred and 400",
                &[(
                    "between 3 hundred and 400",
                    "number",
                    p(300.0),
                    p(400.0),
                    "",
                    "range",
                )],
            ),
            // Compound denominators, proper mixed parts, the half of the next scale.
            (
                "three twenty-firsts",
                &[(
                    "three twenty-firsts",
                    "fraction",
                    p(0.142_857),
                    p(0.142_857),
                    "",
                    "exact",
                )],
            ),
            (
                "twenty twenty fifths",
                &[(
                    "twenty twenty fifths",
                    "fraction",
                    p(0.8),
                    p(0.8),
                    "",
                    "exact",
                )],
            ),
            (
                "a hundred millionths",
                &[(
                    "a hundred millionths",
                    "fraction",
                    p(1e-4),
                    p(1e-4),
                    "",
                    "exact",
                )],
            ),
            (
                "one hundred and thirty fifths",
                &[(
                    "one hundred and thirty fifths",
                    "fraction",
                    p(26.0),
                    p(26.0),
                    "",
                    "exact",
                )],
            ),
            (
                "two and fifty-four hundredths",
                &[(
                    "two and fifty-four hundredths",
                    "number",
                    p(2.54),
                    p(2.54),
                    "",
                    "exact",
                )],
            ),
            (
                "two million and one half",
                &[(
                    "two million and one half",
                    "number",
                    p(2.5e6),
                    p(2.5e6),
                    "",
                    "exact",
                )],
            ),
            (
                "one billion and a half million",
                &[(
                    "one billion and a half million",
                    "number",
                    p(1_000_500_000.0),
                    p(1_000_500_000.0),
                    "",
                    "exact",
                )],
            ),
            (
                "-4/5",
                &[("-4/5", "fraction", p(-0.8), p(-0.8), "", "exact")],
            ),
            // "nought" only before or after "point"; dozen abbreviations.
            (
                "nine point nought four",
                &[(
                    "nine point nought four",
                    "number",
                    p(9.04),
                    p(9.04),
                    "",
                    "exact",
                )],
            ),
            (
                "3 dzs",
                &[("3 dzs", "number", p(36.0), p(36.0), "", "exact")],
            ),
            // "over" between bare numbers, the percent word first, post-qualifiers.
            (
                "2000 over 3",
                &[(
                    "2000 over 3",
                    "fraction",
                    p(666.666_667),
                    p(666.666_667),
                    "",
                    "exact",
                )],
            ),
            (
                "per cent of twenty-two",
                &[(
                    "per cent of twenty-two",
                    "percent",
                    p(22.0),
                    p(22.0),
                    "%",
                    "exact",
                )],
            ),
            (
                "10 or more people",
                &[("10 or more", "count", p(10.0), None, "people", "at_least")],
            ),
            (
                "less than or equal to 40",
                &[(
                    "less than or equal to 40",
                    "number",
                    p(0.0),
                    p(40.0),
                    "",
                    "at_most",
                )],
            ),
            (
                "20 through 100",
                &[("20 through 100", "number", p(20.0), p(100.0), "", "range")],
            ),
            (
                "its one-yen bid",
                &[("one-yen", "money", p(1.0), p(1.0), "JPY", "exact")],
            ),
            (
                "190 km2.",
                &[("190 km2", "area", p(190.0), p(190.0), "km²", "exact")],
            ),
            (
                "about five hundred or more",
                &[(
                    "about five hundred or more",
                    "number",
                    p(500.0),
                    None,
                    "",
                    "at_least",
                )],
            ),
            // Spelled ordinals standing alone.
            (
                "He finished eleventh.",
                &[("eleventh", "ordinal", p(11.0), p(11.0), "", "exact")],
            ),
            (
                "She finished second!",
                &[("second", "ordinal", p(2.0), p(2.0), "", "exact")],
            ),
            (
                "one hundred twenty-fifth",
                &[(
                    "one hundred twenty-fifth",
                    "ordinal",
                    p(125.0),
                    p(125.0),
                    "",
                    "exact",
                )],
            ),
            (
                "three trillionth",
                &[("three trillionth", "ordinal", p(3e12), p(3e12), "", "exact")],
            ),
        ];
        for (input, want) in cases {
            let got = claims_of(input);
            let want: Vec<Row> = want
                .iter()
                .map(|(t, k, lo, hi, u, q)| {
                    (
                        t.to_string(),
                        k.to_string(),
                        *lo,
                        *hi,
                        u.to_string(),
                        q.to_string(),
                    )
                })
                .collect();
            assert_eq!(got, want, "input: {input:?}");
        }
    }

    #[test]
    fn news_negatives_table() {
        // (input, kinds that must not appear)
        let nf: &[&str] = &["number", "fraction", "count"];
        let cases: &[(&str, &[&str])] = &[
            ("He is one of the few who stayed.", nf),
            ("The two leaders met on Friday.", nf),
            ("It has tax-exempt status under Section 501(c)(3).", nf),
            ("The C5+1 summit opened.", nf),
            ("The COVID-19 pandemic hit trade.", nf),
            (
                "For the first time in years, exports grew.",
                &["ordinal", "number"],
            ),
            ("Only one came.", nf),
            ("The talks between the two ended, said the two.", nf),
            ("a fifth term in office", &["fraction"]),
            ("He won 3 in 10 days.", &["fraction"]),
            ("Version two.", nf),
            // "nought"/"naught" outside numeric context, bare "first"/"second".
            ("The plan came to naught.", nf),
            ("It took a split second.", &["ordinal"]),
            ("Third, the talks failed.", &["ordinal"]),
            ("Safety first.", &["ordinal"]),
            // "over" before a year or a counted noun is a qualifier, not a quotient; the
            // percent word before a compound; phone numbers.
            ("Exports rose 12 over 2022.", &["fraction"]),
            ("He scored 12 over 3 games.", &["fraction"]),
            ("the percent of 18-year-olds who vote", &["percent"]),
            ("Call +1-222-2222/2222 now.", nf),
            // A percent after "and" is its own value.
            (
                "It lost $2 million and 15 percent of its staff.",
                &["number"],
            ),
        ];
        for (input, forbidden) in cases {
            let got = claims_of(input);
            assert!(
                got.iter().all(|c| !forbidden.contains(&c.1.as_str())),
                "input: {input:?} got {got:?}"
            );
        }
    }

    /// The texts of the `.txt` files in `dir`, in name order (none when it cannot be read).
    /// Pieces of generated text: many kinds of token.
    const BROAD: &[&str] = &[
        "a",
        "an",
        "A",
        "An",
        "AN",
        "-",
        "–",
        "—",
        "$",
        "€",
        "£",
        "¥",
        "½",
        "¾",
        "%",
        "US",
        "us",
        "Us",
        "U",
        "U.S.",
        "U.S.$",
        "HK",
        "hk",
        "C",
        "c",
        "CA",
        "S",
        "SG",
        "NZ",
        "NT",
        "R",
        "MEX",
        "Mex",
        "MXN",
        "mxn",
        "USD",
        "usd",
        "Usd",
        "uSD",
        "EUR",
        "eur",
        "Rs",
        "RS",
        "rs",
        "TRY",
        "try",
        "rmb",
        "RMB",
        "MUSD",
        "元",
        "AUD",
        "aud",
        "au",
        "sg",
        "5",
        "12",
        "4,500",
        "2023",
        "1.5",
        "0",
        "3/4",
        "1/2",
        "per",
        "cent",
        "percent",
        "percents",
        "Percent",
        "pct",
        "of",
        "half",
        "Half",
        "quarter",
        "quarters",
        "third",
        "thirds",
        "fifth",
        "fifths",
        "hundredth",
        "hundredths",
        "one",
        "One",
        "two",
        "twenty",
        "five",
        "zero",
        "nought",
        "naught",
        "point",
        "dozen",
        "dozens",
        "dz",
        "hundred",
        "thousand",
        "million",
        "billion",
        "lakh",
        "crore",
        "tens",
        "hundreds",
        "thousands",
        "millions",
        "single",
        "double",
        "digit",
        "digits",
        "first",
        "second",
        "largest",
        "most",
        "top",
        "least",
        "investor",
        "partner",
        "the",
        "The",
        "its",
        "their",
        "Russia's",
        "countries'",
        "’",
        "'",
        "and",
        "or",
        "to",
        "between",
        "from",
        "in",
        "out",
        "over",
        "more",
        "than",
        "about",
        "nearly",
        "up",
        "at",
        "least",
        "year",
        "years",
        "month",
        "day",
        "week",
        "ago",
        "old",
        "km",
        "miles",
        "square",
        "degrees",
        "Celsius",
        "°",
        "people",
        "troops",
        "cars",
        "dollars",
        "yuan",
        "pounds",
        "som",
        "Hong",
        "Kong",
        "Kyrgyz",
        "minus",
        "negative",
        "finished",
        "placed",
        "ever",
        "time",
        "officials",
        "said",
        "October",
        "May",
        "12",
        ".",
        ",",
        ";",
        "(",
        ")",
        "\"",
        "x@y.com",
        "http://a.b/1",
        "C5",
        "COVID",
    ];

    /// Few pieces, so that short runs of the tricky starts ("a - third.", "US $ 5", "per cent
    /// of 5", "a a hundred fifth") occur often.
    const NARROW: &[&str] = &[
        "a", "an", "-", "$", "US", "half", "third", "fifths", "of", "hundred", "one", "twenty",
        "point", "nought", "per", "cent", "percent", "5", ".", "the", "largest", "investor",
        "month", "dozen",
    ];

    /// Generated news-like text from pieces that start values or sit next to a start: codes,
    /// dollar prefixes, signs, spelled numbers, fraction words, "a"/"an", dashes, glued and
    /// spaced.
    fn generated_texts(n: usize, pieces: &[&str]) -> Vec<String> {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..n)
            .map(|_| {
                let mut t = String::new();
                for _ in 0..next() % 30 {
                    let r = next();
                    t.push_str(pieces[(r >> 8) as usize % pieces.len()]);
                    // Mostly spaced, sometimes glued, now and then a sentence break.
                    match r % 16 {
                        0..=2 => {}
                        3 => t.push_str(". "),
                        _ => t.push(' '),
                    }
                }
                t
            })
            .collect()
    }

    /// `qualifier_before` (packed last words in buckets) finds what trying every pattern in
    /// order finds, at every token of texts made of qualifier words, numbers and others.
    #[test]
    fn qualifier_buckets_agree_with_every_pattern() {
        use super::{Grammar, QUALIFIERS, Words};
        use crate::claim::Qualifier;
        use crate::extract::token;
        let reference = |g: &Grammar, i: usize| {
            for (words, q, below) in QUALIFIERS {
                let n = words.len();
                if i < n {
                    continue;
                }
                let s = i - n;
                if (0..n).all(|k| g.w(s + k) == words[k]) && !g.blocked[s] {
                    return (*q, s, *below);
                }
            }
            (Qualifier::Exact, i, false)
        };
        let mut pieces: Vec<&str> = QUALIFIERS
            .iter()
            .flat_map(|p| p.0.iter().copied())
            .collect();
        pieces.extend([
            "5",
            "the",
            "More",
            "THAN",
            "than,",
            "Über",
            "approximatelyy",
            "-",
        ]);
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut compared = 0;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..12 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                t.push_str(pieces[(state >> 33) as usize % pieces.len()]);
                t.push(' ');
            }
            let toks = token::tokenize(&t);
            let blocked: Vec<bool> = (0..toks.len()).map(|k| k % 7 == 3).collect();
            let mut low = String::new();
            let words = Words::new(&t, &toks, &mut low);
            let g = Grammar::new(&t, &toks, &blocked, &words, 0);
            for i in 0..=toks.len() {
                assert_eq!(g.qualifier_before(i, 0), reference(&g, i), "{t:?} at {i}");
                compared += 1;
            }
        }
        assert!(compared > 30_000);
    }

    /// `starts_of` holds every token where `Grammar::try_at` finds a value, on the bundled
    /// articles, the fixtures and generated text: the scan tries only those tokens, so they
    /// must be a superset of the grammar's starts, token by token.
    #[test]
    fn starts_of_holds_wherever_the_grammar_starts() {
        use super::{Grammar, Words};
        use crate::extract::{date, sentence, starts_of, token};
        let mut texts = crate::extract::texts_in("corpus");
        texts.extend(crate::extract::texts_in("tests/fixtures"));
        texts.extend(crate::extract::texts_in("tests/fixtures/conflicts"));
        assert!(texts.len() >= 8, "the bundled texts are missing");
        texts.extend(generated_texts(20_000, BROAD));
        texts.extend(generated_texts(40_000, NARROW));
        let (mut starts, mut skipped) = (0, 0);
        for t in &texts {
            let sentences = sentence::split(t);
            let mut toks = Vec::new();
            for &(a, b) in &sentences {
                token::tokenize_into(t, a, b, &mut toks);
            }
            let mut scan = date::DateScan::default();
            scan.feed(t, &toks);
            let (_, dates) = scan.finish(t, None);
            let mut blocked = vec![false; toks.len()];
            for d in &dates {
                let a = toks.partition_point(|x| x.end <= d.start);
                let b = toks.partition_point(|x| x.start < d.end);
                blocked[a..b].fill(true);
            }
            let mut from = 0;
            let mut low = String::new();
            let words = Words::new(t, &toks, &mut low);
            for &(_, s_end) in &sentences {
                let to = from + toks[from..].partition_point(|x| x.start < s_end);
                let (st, sb) = (&toks[from..to], &blocked[from..to]);
                let g = Grammar::new(t, st, sb, &words, from);
                from = to;
                g.sentence_from.set(0);
                let mut cands = Vec::new();
                starts_of(t, st, sb, &mut cands);
                for i in 0..st.len() {
                    let may = cands.contains(&(i as u32));
                    if g.usable(i) && g.try_at(i, st.len()).is_some() {
                        starts += 1;
                        assert!(
                            may,
                            "no start at {:?} in {:?}",
                            &t[st[i].start..st[i].end],
                            &t[st[0].start..st[st.len() - 1].end]
                        );
                    } else if !may {
                        skipped += 1;
                    }
                }
            }
        }
        assert!(
            starts > 20_000 && skipped > 100_000,
            "{starts} starts, {skipped} tokens skipped"
        );
    }
}
