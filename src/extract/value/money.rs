//! Money: a currency written before the number ("$5", "US$5", "€20", "USD 5 billion", "rmb 10")
//! or after it ("200 million yuan", "three billion US dollars", "30 MUSD", "10 €"), with cents
//! ("3 dollars 50 cents") and hundredth parts alone ("50 cents", "470 pence"). Dollars and
//! pesos without a country are flagged ambiguous unless the article names its dollar.

use super::cursor::Grammar;
use super::found::{Found, Measured, Qty, Qual};
use crate::claim::{Dimension, Flag, Flags, Kind};
use crate::lang::en::{currency, numbers};

/// The length of an ISO 4217 code: lowercase codes are read as a prefix only at this length,
/// and a code in capitals may have a scale word after it ("75 USD million").
const ISO_CODE_LEN: usize = 3;

/// A scale word after a code in capitals multiplies the amount from this scale up.
const LEAST_SCALE_AFTER_CODE: f64 = 1e3;

/// "200 pounds" is a weight below this amount; "200 million pounds" is money.
const WEIGHT_BELOW: f64 = 1e6;

/// A whole unit holds this many hundredth parts ("3 dollars 50 cents").
const CENTS_PER_UNIT: f64 = 100.0;

/// The factor from a hundredth part to its currency.
const SUBUNIT_FACTOR: f64 = 0.01;

/// A currency written before the number: its code, whether it is ambiguous, and how many
/// tokens it takes.
pub(super) struct Prefix {
    pub code: &'static str,
    pub ambiguous: bool,
    pub tokens: usize,
}

impl Grammar<'_> {
    /// The flags of an amount in a currency that may be `ambiguous` (a dollar without a
    /// country, in an article that names none).
    pub(super) fn currency_flags(&self, ambiguous: bool) -> Flags {
        let mut flags = Flags::default();
        // Whether the article names a specific dollar is asked of its text only here, for an
        // amount that may be in one of several dollars.
        if ambiguous && !self.settled.is_some_and(|s| s.dollar(self.text)) {
            flags.push(Flag::AmbiguousCurrency);
        }
        flags
    }

    /// Currency written before the number: "$", "US$", "€", "USD".
    pub(super) fn currency_prefix(&self, i: usize) -> Option<Prefix> {
        let prefix = |code, ambiguous, tokens| {
            Some(Prefix {
                code,
                ambiguous,
                tokens,
            })
        };
        let raw = self.raw(i);
        if let Some((code, amb)) = self.punct(i).and_then(currency::symbol) {
            // "$US55,931,000", "$A82,615,680": the dollar's country glued after the sign.
            if self.glued(i + 1)
                && self.is_num(i + 2)
                && self.glued(i + 2)
                && let Some(c) = currency::dollar_prefix(self.raw(i + 1))
                && code == currency::DOLLAR
            {
                return prefix(c, false, 2);
            }
            return prefix(code, amb, 1);
        }
        if raw.len() > currency::LONGEST_PREFIX {
            return None;
        }
        // "Rs. 615 crore": the abbreviation point of a code before the number.
        let point = self.punct(i + 1) == Some(currency::ABBREVIATION_POINT)
            && self.glued(i + 1)
            && self.is_num(i + 2);
        if point && let Some(code) = currency::code(raw) {
            return prefix(code, false, 2);
        }
        // …and is followed by "$" or by the number ("USD 5 billion", "rmb 10"), or is the "U"
        // of "U.S.$".
        let next_dollar = self.punct(i + 1) == Some('$');
        let next_number = self.is_num(i + 1);
        if !next_dollar && !next_number && raw != currency::US_DOTTED_FIRST {
            return None;
        }
        let mut upper = [0u8; currency::LONGEST_PREFIX];
        upper[..raw.len()].copy_from_slice(raw.as_bytes());
        upper.make_ascii_uppercase();
        let upper = std::str::from_utf8(&upper[..raw.len()]).unwrap_or("");
        // "US$", "HK$", "aud$", "C$"; spaced as "c $", "hk $" in tokenized text, except a
        // lone "A"/"a" which is the article ("a $5 fee").
        let spaced_ok = raw.len() >= 2
            || currency::SPACED_LETTER_PREFIXES
                .iter()
                .any(|p| raw.eq_ignore_ascii_case(p));
        if let Some(code) = currency::dollar_prefix(upper)
            && next_dollar
            && (self.glued(i + 1) || spaced_ok)
        {
            return prefix(code, false, 2);
        }
        // "U.S.$"
        if raw == currency::US_DOTTED_FIRST
            && self
                .text
                .get(self.toks[i].start..)
                .is_some_and(|s| s.starts_with(currency::US_DOTTED_DOLLAR))
            && let Some(code) = currency::dollar_prefix(currency::US_DOTTED)
        {
            return prefix(code, false, currency::US_DOTTED_TOKENS + 1);
        }
        if let Some(code) = currency::code(raw)
            .or_else(|| currency::code_lower(raw).filter(|_| raw.len() == ISO_CODE_LEN))
            .or_else(|| currency::sign_word(raw).map(|c| c.0))
        {
            return prefix(code, false, 1);
        }
        // "MAUD 60", "MUSD 5": millions, handled by the caller through the written word.
        None
    }

    /// The quantity `q` (ending at `j`, qualified by `qual`) as an amount of the currency
    /// written after it: "three billion US dollars", "200 million yuan", "30 MUSD", "10 €",
    /// "3 dollars 50 cents".
    pub(super) fn money_after(&self, q: Qty, qual: Qual, j: usize, to: usize) -> Option<Found> {
        let (code, end, amb) = self.currency_after(j, q.lo.max(q.hi))?;
        let mut q = q;
        // "30 MUSD", "120 MEUR": millions of the currency.
        let written = self.w(end - 1);
        if written.len() == ISO_CODE_LEN + 1 && written.starts_with(currency::MILLIONS_PREFIX) {
            q.lo *= currency::MILLIONS;
            q.hi *= currency::MILLIONS;
            q.round *= currency::MILLIONS;
        }
        // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50.".
        let mut end = end;
        // "75 USD million": a scale after the code.
        if self.raw(end - 1).len() == ISO_CODE_LEN
            && self.raw(end - 1).chars().all(|c| c.is_ascii_uppercase())
            && let Some(s) = numbers::scale(self.w(end)).filter(|&s| s >= LEAST_SCALE_AFTER_CODE)
        {
            q.lo *= s;
            q.hi *= s;
            q.round *= s;
            end += 1;
        }
        if !q.range
            && let Some((cents, cend)) = self.cents_after(end, to, self.punct(end - 1).is_some())
        {
            q.lo += cents;
            q.hi += cents;
            end = cend;
        }
        let flags = self.currency_flags(amb);
        Some(Found::of(q, qual, Measured::money(code, end, flags)))
    }

    /// The quantity `q` as an amount of a currency's hundredth part written after it: "50
    /// cents", "470 pence", "one penny", "12-cent dividend".
    pub(super) fn subunit_after(&self, q: Qty, qual: Qual, j: usize, to: usize) -> Option<Found> {
        let sub_at = if self.is_dash(j) && self.glued(j) && self.glued(j + 1) {
            j + 1
        } else {
            j
        };
        let (code, written, amb) = currency::subunit(self.w(sub_at))
            .or_else(|| currency::subunit_sign(self.raw(sub_at)))?;
        let flags = self.currency_flags(amb);
        let noun = if sub_at > j {
            self.noun_after(sub_at + 1, to)
        } else {
            None
        };
        let m = Measured {
            flags,
            ..Measured::new(Kind::Money, Dimension::Money, sub_at + 1)
                .unit(written, code, SUBUNIT_FACTOR)
                .noun(noun)
        };
        Some(Found::of(q, qual, m))
    }

    /// Cents after a whole amount: "[and] 50 cents", "[and] forty-five cents", or a bare
    /// "[and] 50" at the end of a clause: (amount in the main unit, end).
    fn cents_after(&self, j: usize, to: usize, need_word: bool) -> Option<(f64, usize)> {
        let k = if self.is(j, numbers::AND) { j + 1 } else { j };
        if k >= to
            || self
                .toks
                .get(k)
                .is_some_and(|t| t.num().is_some_and(|n| n.decimals > 0))
        {
            return None;
        }
        let n = self.number(k, to)?;
        let (v, end) = (n.value, n.end);
        if !(1.0..CENTS_PER_UNIT).contains(&v) || v.fract() != 0.0 {
            return None;
        }
        if currency::is_cents(self.w(end)) {
            return Some((v / CENTS_PER_UNIT, end + 1));
        }
        let clause_end = !need_word && end >= to
            || !need_word
                && matches!(self.punct(end), Some('.' | ',' | ';' | '!' | '?'))
                && self
                    .toks
                    .get(end + 1)
                    .is_none_or(|t| t.space_before() && t.num().is_none());
        clause_end.then_some((v / CENTS_PER_UNIT, end))
    }

    /// Currency after the number, with an optional country adjective: returns (code, end,
    /// ambiguous).
    pub(super) fn currency_after(
        &self,
        j: usize,
        magnitude: f64,
    ) -> Option<(&'static str, usize, bool)> {
        let w = self.w(j);
        // A symbol after the number ("10 €", "100元"), unless it is the prefix of the next
        // amount ("10 $5").
        let glued_next = self
            .toks
            .get(j + 1)
            .is_some_and(|t| t.num().is_some() && !t.space_before());
        if j < self.toks.len() && self.usable(j) {
            let sym = self
                .punct(j)
                .and_then(currency::symbol)
                .or_else(|| currency::sign_word(self.raw(j)));
            if let Some((code, amb)) = sym
                && !glued_next
            {
                return Some((code, j + 1, amb));
            }
        }
        // ISO codes, also with the "M" of millions: "20 usd", "115USD", "30 MUSD"; not a code
        // glued to the next amount ("3 USD50 cards").
        if glued_next {
            return None;
        }
        if let Some(code) = currency::code_lower(w).or_else(|| {
            w.strip_prefix(currency::MILLIONS_PREFIX)
                .and_then(currency::code_lower)
        }) {
            return Some((code, j + 1, false));
        }
        if let Some((base, amb)) = currency::word(w) {
            // "200 pounds" is a weight; "200 million pounds" money.
            if currency::ALSO_WEIGHTS.contains(&w)
                && magnitude < WEIGHT_BELOW
                && !self.is(j + 1, currency::STERLING)
            {
                return None;
            }
            return Some((base, j + 1, amb));
        }
        self.currency_of_country(j)
    }

    /// A currency name after a country adjective at `j`: "US dollars", "U.S. dollars", "Hong
    /// Kong dollars", "Kyrgyz som": (code, end, ambiguous). The currency word after the country
    /// words is found first, so the country is spelled out only then.
    fn currency_of_country(&self, j: usize) -> Option<(&'static str, usize, bool)> {
        let w = self.w(j);
        let us = self.raw(j) == currency::US_DOTTED_FIRST
            && self
                .text
                .get(self.toks[j].start..)
                .is_some_and(|s| s.starts_with(currency::US_DOTTED));
        // "Hong Kong dollars", "New Zealand dollars".
        let two_words = !us && currency::opens_two_word_country(w) && !self.w(j + 1).is_empty();
        let k = if us {
            j + currency::US_DOTTED_TOKENS
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
            country.push_str(currency::US_DOTTED_LOWER);
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
}
