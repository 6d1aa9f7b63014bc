//! What the value grammar reads, as plain data: a number at a token, an ordinal, a bare
//! quantity (one number or a range), the qualifier before it, what it measures, and the
//! [`Found`] value they make together. No rule lives here.

use crate::claim::{Change, Dimension, Flags, Kind, Qualifier, Sym};

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
    /// Written unit spelling and the factor to the canonical unit (NaN for Fahrenheit, which
    /// converts by its formula): symbols, as the claim holds them (a unit is short, held
    /// inline: no allocation per value).
    pub written_unit: Sym,
    pub unit: Sym,
    pub factor: f64,
    pub qualifier: Qualifier,
    /// Whether the sentence gives the value as an increase or a decrease.
    pub change: Change,
    /// Half-width of the rounding tolerance, in the written unit.
    pub round: f64,
    /// "nearly", "almost": the true value lies below the stated one.
    pub approx_below: bool,
    pub flags: Flags,
    /// Token range of the counted noun or the noun the value qualifies, when it follows.
    pub noun: Option<(usize, usize)>,
}

/// A number read at a token: digits (with scale words) or spelled words.
#[derive(Debug, Clone, Copy)]
pub(super) struct NumberReading {
    pub value: f64,
    /// The token after the number.
    pub end: usize,
    /// Half-width of the rounding tolerance.
    pub round: f64,
    /// Spelled "one"/"a"/"an" alone.
    pub lone_one: bool,
    /// Spelled words, not digits.
    pub spelled: bool,
}

/// An ordinal read at a token: its value and the token after it.
#[derive(Debug, Clone, Copy)]
pub(super) struct OrdinalReading {
    pub value: f64,
    pub end: usize,
}

/// A bare quantity before its unit is known: one number or a range.
#[derive(Debug, Clone, Copy)]
pub(super) struct Qty {
    pub first: usize,
    /// Exclusive end token.
    pub end: usize,
    pub lo: f64,
    pub hi: f64,
    pub round: f64,
    pub range: bool,
    /// Spelled "one"/"a"/"an" alone.
    pub lone_one: bool,
    /// Spelled small number ("two", "five"), not digits.
    pub spelled: bool,
}

impl Qty {
    /// The exact quantity `v` at tokens `first..end`, spelled or not.
    pub fn exact(first: usize, end: usize, v: f64, spelled: bool) -> Qty {
        Qty {
            first,
            end,
            lo: v,
            hi: v,
            round: 0.0,
            range: false,
            lone_one: false,
            spelled,
        }
    }

    /// The range `lo..=hi` of a vague magnitude or digit count, spelled, at `first..end`.
    pub fn vague(first: usize, end: usize, lo: f64, hi: f64) -> Qty {
        Qty {
            lo,
            hi,
            range: true,
            ..Qty::exact(first, end, lo, true)
        }
    }
}

/// The qualifier of a value and the token it starts at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Qual {
    pub qualifier: Qualifier,
    pub first: usize,
    /// "nearly", "almost": the true value lies below the stated one.
    pub below: bool,
}

impl Qual {
    /// No qualifier: the value starts at `first`.
    pub fn exact(first: usize) -> Qual {
        Qual::new(Qualifier::Exact, first)
    }

    pub fn new(qualifier: Qualifier, first: usize) -> Qual {
        Qual {
            qualifier,
            first,
            below: false,
        }
    }
}

/// What a quantity measures and where its expression ends.
pub(super) struct Measured<'u> {
    pub kind: Kind,
    pub dim: Dimension,
    pub written_unit: &'u str,
    pub unit: &'u str,
    pub factor: f64,
    /// The token after the expression.
    pub end: usize,
    pub noun: Option<(usize, usize)>,
    pub flags: Flags,
}

impl<'u> Measured<'u> {
    /// A value of `kind` in `dim` without a unit, ending before `end`.
    pub fn new(kind: Kind, dim: Dimension, end: usize) -> Self {
        Measured {
            kind,
            dim,
            written_unit: "",
            unit: "",
            factor: 1.0,
            end,
            noun: None,
            flags: Flags::default(),
        }
    }

    /// A bare number.
    pub fn number(end: usize) -> Self {
        Measured::new(Kind::Number, Dimension::Number, end)
    }

    /// A percentage.
    pub fn percent(end: usize) -> Self {
        Measured::new(Kind::Percent, Dimension::Percent, end).unit(PERCENT, PERCENT, 1.0)
    }

    /// An amount of the currency `code`.
    pub fn money(code: &'u str, end: usize, flags: Flags) -> Self {
        Measured {
            flags,
            ..Measured::new(Kind::Money, Dimension::Money, end).unit(code, code, 1.0)
        }
    }

    /// A count of `unit`, the noun at `noun`.
    pub fn count(unit: &'u str, end: usize, noun: Option<(usize, usize)>) -> Self {
        Measured::new(Kind::Count, Dimension::Count, end)
            .unit(unit, unit, 1.0)
            .noun(noun)
    }

    /// With the written unit, the canonical one and the factor between them.
    pub fn unit(self, written_unit: &'u str, unit: &'u str, factor: f64) -> Self {
        Measured {
            written_unit,
            unit,
            factor,
            ..self
        }
    }

    /// With the noun it counts or qualifies.
    pub fn noun(self, noun: Option<(usize, usize)>) -> Self {
        Measured { noun, ..self }
    }
}

/// The unit of a percentage.
const PERCENT: &str = "%";

impl Found {
    /// The value of the quantity `q` with the qualifier `qual`, measuring `m`: a bound
    /// qualifier opens the interval on one side.
    pub(super) fn of(q: Qty, qual: Qual, m: Measured) -> Found {
        let (lo, hi) = match qual.qualifier {
            Qualifier::MoreThan | Qualifier::AtLeast => (Some(q.lo), None),
            Qualifier::LessThan | Qualifier::AtMost if q.hi < 0.0 => (None, Some(q.hi)),
            Qualifier::LessThan | Qualifier::AtMost => (Some(0.0), Some(q.hi)),
            _ => (Some(q.lo), Some(q.hi)),
        };
        Found {
            first: qual.first.min(q.first),
            last: m.end,
            kind: m.kind,
            dim: m.dim,
            lo,
            hi,
            written_unit: Sym::interned(m.written_unit),
            unit: Sym::interned(m.unit),
            factor: m.factor,
            qualifier: qual.qualifier,
            change: Change::None,
            round: q.round,
            approx_below: qual.below,
            flags: m.flags,
            noun: m.noun,
        }
    }
}
