//! Ordinals and ranks: "20th", "first", "twenty-first", "one hundred twenty-fifth", "three
//! trillionth" after a determiner or standing alone at the end of a clause ("He finished
//! eleventh."), and ranks — a superlative, maybe after an ordinal, before a role noun ("the
//! largest investor", "Russia's second-biggest trading partner").

// TODO(issue 10, lead): exact comparisons of parsed small integers; replace the file-level
// allow by one per function with its reason.
#![allow(clippy::float_cmp, clippy::float_cmp_const)]

use super::cursor::Grammar;
use super::found::{Found, Measured, OrdinalReading, Qty, Qual};
use crate::claim::{Dimension, Kind};
use crate::lang::en::{nouns, numbers, rank, units, words};

/// Ordinals written in digits are below this ("20th", not "1000000th").
const DIGIT_ORDINAL_BELOW: f64 = 1e6;

/// "hundredth": a scale ordinal multiplies the group before it ("two hundredth").
const HUNDREDTH: f64 = 100.0;

/// "thousandth" and larger scale ordinals multiply a number below a thousand.
const THOUSANDTH: f64 = 1000.0;

/// Spelled ordinals up to this ("first", "second") alone are a claim only after a verb of
/// placing.
const PLACING_ONLY_UP_TO: f64 = 2.0;

/// A role noun follows a superlative within this many words ("biggest trading partner").
const ROLE_NOUN_WITHIN: usize = 3;

/// At most this many tokens of a bracketed apposition between a determiner and its ordinal
/// ("Organisation's (ISRO) third"), brackets included.
const APPOSITION_TOKENS: usize = 6;

/// Words of at least this many bytes tell title case from running text (short ones, "for",
/// "in", stay lowercase in a title).
const TITLE_WORD_LETTERS: usize = 4;

impl Grammar<'_> {
    /// An ordinal at `i`: "20th", "first", "twenty-first", "one hundred twenty fifth", "two
    /// hundredth", "three trillionth".
    pub(super) fn ordinal_at(&self, i: usize, to: usize) -> Option<OrdinalReading> {
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
    fn read_ordinal(&self, i: usize, to: usize) -> Option<OrdinalReading> {
        if !self.usable(i) {
            return None;
        }
        if let Some(n) = self.toks[i].num() {
            let ok = self.glued(i + 1)
                && n.decimals == 0
                && n.value < DIGIT_ORDINAL_BELOW
                && self.is(i + 1, numbers::ordinal_suffix(n.value as u32));
            return ok.then_some(OrdinalReading {
                value: f64::from(n.value as u32),
                end: i + 2,
            });
        }
        if let Some(o) = numbers::ordinal(self.w(i)) {
            return Some(OrdinalReading {
                value: o as f64,
                end: i + 1,
            });
        }
        match self.spelled_ordinal(i, to) {
            Some((value, end, false)) => Some(OrdinalReading { value, end }),
            _ => None,
        }
    }

    /// A spelled ordinal of more than one word, maybe plural (a fraction's denominator):
    /// "twenty-first", "twenty firsts", "one hundred and fifth", "two hundredth", "a hundred
    /// trillionth", "twenty-one trillion and three hundred twenty second": (value, end, plural).
    /// The cardinal before the ordinal word must leave room for it: "twenty" + "fifth" = 25,
    /// "one hundred" + "fifth" = 105, "two" + "hundredth" = 200; "three fifths" is no ordinal.
    pub(super) fn spelled_ordinal(&self, i: usize, to: usize) -> Option<(f64, usize, bool)> {
        let w = self.w(i);
        let a_scale = numbers::is_article(w) && numbers::scale(self.w(i + 1)).is_some();
        if numbers::cardinal(w).is_none() && !a_scale {
            return None;
        }
        let n = self.number(i, to)?;
        let (p, end) = (n.value, n.end);
        if p.fract() != 0.0 || p <= 0.0 {
            return None;
        }
        let dash = self.is_dash(end) && self.glued(end) && self.glued(end + 1);
        let and = self.is(end, numbers::AND);
        let k = if dash || and { end + 1 } else { end };
        if k >= to || !self.usable(k) {
            return None;
        }
        let ow = self.w(k);
        let (stem, plural) = match numbers::ordinal(ow) {
            Some(_) => (ow, false),
            // "seconds" is a time unit even after a number ("twenty seconds").
            None if units::time_unit(ow).is_none() => (ow.strip_suffix(nouns::PLURAL)?, true),
            None => return None,
        };
        let o = numbers::ordinal(stem)? as f64;
        let p = p as u64;
        let v = if o >= HUNDREDTH && !dash && !and {
            // A scale ordinal multiplies the group before it: "two hundredth", "three
            // trillionth"; "one thousand two hundredth" = 1,200.
            if o == HUNDREDTH && p % 1000 < 10 {
                (p - p % 1000) as f64 + (p % 1000) as f64 * HUNDREDTH
            } else if o >= THOUSANDTH && p < 1000 {
                p as f64 * o
            } else {
                return None;
            }
        } else if (o < 10.0 && p % 100 >= 20 && p.is_multiple_of(10) && !and)
            || (o < HUNDREDTH && p.is_multiple_of(100) && !dash)
        {
            p as f64 + o
        } else {
            return None;
        };
        Some((v, k + 1, plural))
    }

    /// Whether a determiner or a possessive comes right before `i`: "the first", "Putin's
    /// first", "Russia's largest", "countries' largest".
    fn attributive_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        // "the Organisation's (ISRO) third Moon mission": a bracket between the determiner
        // and the ordinal is an apposition; look before it.
        if self.punct(i - 1) == Some(')') {
            let from = self.sentence_from.get();
            let open = (i.saturating_sub(APPOSITION_TOKENS).max(from)..i - 1)
                .rev()
                .find(|&k| self.punct(k) == Some('('));
            return open.is_some_and(|k| k > from && self.attributive_before(k));
        }
        if words::is_determiner(self.w(i - 1)) {
            return true;
        }
        let raw = self.raw(i - 1);
        words::POSSESSIVES.iter().any(|p| raw.ends_with(p))
            || matches!(self.punct(i - 1), Some('\'' | '’'))
    }

    /// Whether the spelled ordinal at `i..end` opens a name: capitalized inside running text
    /// and followed by a capitalized word ("the Third Reich", "the First Lady", "the Second
    /// World War"). A lowercase ordinal before a capitalized noun ("ISRO's third Moon
    /// mission") and any ordinal of a title-case line ("Putin Arrives for First Foreign Trip")
    /// stay values.
    fn in_name(&self, i: usize, end: usize, to: usize) -> bool {
        let capital = |k: usize| {
            self.toks.get(k).is_some_and(|t| t.is_word())
                && self.raw(k).starts_with(|c: char| c.is_uppercase())
        };
        let from = self.sentence_from.get();
        if i == from || !capital(i) || end >= to || !capital(end) {
            return false;
        }
        // Running text has a longer word in lowercase; a title-case line has none.
        (from..to).any(|k| {
            self.toks[k].is_word()
                && self.raw(k).len() >= TITLE_WORD_LETTERS
                && self.raw(k).starts_with(|c: char| c.is_lowercase())
        })
    }

    /// A rank: a superlative, maybe after an ordinal, with a role noun within three words
    /// ("the largest investor", "its second-biggest trading partner").
    pub(super) fn try_rank(&self, i: usize, to: usize) -> Option<Found> {
        let ordinal = self.ordinal_at(i, to);
        let (rank, sup_at) = match ordinal {
            Some(o) => {
                let s = if self.is_dash(o.end) && self.glued(o.end) {
                    o.end + 1
                } else {
                    o.end
                };
                (o.value, s)
            }
            None => (1.0, i),
        };
        let sw = self.w(sup_at);
        let top = rank::superlative(sw, ordinal.is_some())?;
        if !self.attributive_before(i) {
            return None;
        }
        // "the most populous country": needs an adjective after.
        if rank::NEED_ADJECTIVE.contains(&sw) && self.w(sup_at + 1).is_empty() {
            return None;
        }
        if rank::NOT_BEFORE_NUMBER.contains(&sw) && self.is_num(sup_at + 1) {
            return None;
        }
        // A role noun within three words: "largest investor", "biggest trading partner".
        let mut k = sup_at + 1;
        let mut role = None;
        while k < to && k <= sup_at + ROLE_NOUN_WITHIN {
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
        let written = if top { "" } else { rank::FROM_BOTTOM };
        let m = Measured::new(Kind::Rank, Dimension::Rank, sup_at + 1)
            .unit(written, "", 1.0)
            .noun(Some((sup_at + 1, role + 1)));
        Some(Found::of(
            Qty::exact(i, sup_at + 1, rank, true),
            Qual::exact(i),
            m,
        ))
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
        let prev = self.prev_word(i);
        if v <= PLACING_ONLY_UP_TO && end == i + 1 {
            return rank::is_placing_verb(prev);
        }
        // "a third", "one fifth" are fractions, read before this.
        !(numbers::is_article(prev) || numbers::is_one(prev))
    }

    /// An ordinal claim: "the 20th anniversary", "its first-ever visit", "He finished
    /// eleventh."; not a period ("the first half") or the idiom "for the first time in years".
    pub(super) fn try_ordinal(&self, i: usize, to: usize) -> Option<Found> {
        let o = self.ordinal_at(i, to)?;
        let (v, mut end) = (o.value, o.end);
        let is_word = self.toks[i].is_word();
        // "Ninth Meeting of the …", "the Fifth Plenum": the ordinal of a numbered event needs
        // no determiner and opens no name.
        let event = rank::is_event_noun(self.w(end));
        let attributive = !is_word || event || self.attributive_before(i);
        if !attributive && !self.bare_ordinal_ok(i, end, v, to) {
            return None;
        }
        // "first-ever".
        if self.is_dash(end) && self.glued(end) && self.is(end + 1, rank::EVER) {
            end += 2;
        }
        // A period of something, not an ordinal claim: "the first half", "the second quarter".
        if self.is_in(end, rank::PERIOD_NOUNS) {
            return None;
        }
        // Vague idiom: "for the first time in years".
        if self.is(end, rank::TIME)
            && self.is(end + 1, rank::IN)
            && self.is_in(end + 2, rank::IDIOM_SPANS)
        {
            return None;
        }
        if end >= to && is_word && attributive {
            return None;
        }
        if is_word && !event && self.in_name(i, end, to) {
            return None;
        }
        let noun = self.noun_after(end, to);
        let m = Measured::new(Kind::Ordinal, Dimension::Ordinal, end).noun(noun);
        Some(Found::of(Qty::exact(i, end, v, is_word), Qual::exact(i), m))
    }
}
