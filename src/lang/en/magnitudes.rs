//! Vague magnitudes: "tens of thousands", "hundreds", "dozens of millions", and digit counts
//! ("double-digit growth", "single digits") with the rate nouns that make a digit count a
//! percentage.

use crate::text::rows::{find, has};

/// Plural magnitudes and the range they stand for: (least value, greatest value at that
/// least). Without a greatest value, a magnitude runs to just under ten times its least
/// ("tens" is 10 to 99); "dozens" runs from two dozen to 143.
pub const VAGUE: &[(&str, (f64, Option<f64>))] = &[
    ("tens", (10.0, None)),
    ("hundreds", (100.0, None)),
    ("thousands", (1e3, None)),
    ("millions", (1e6, None)),
    ("billions", (1e9, None)),
    ("dozens", (24.0, Some(143.0))),
];

/// The magnitudes that may follow "of" and multiply the first one ("tens of thousands") are
/// those of [`VAGUE`] from this value up.
pub const LEAST_MULTIPLIER: f64 = 1e3;

/// Digit counts: "single", "double", "triple" digits and the range each stands for.
pub const DIGIT_COUNTS: &[(&str, (f64, f64))] = &[
    ("single", (1.0, 9.0)),
    ("double", (10.0, 99.0)),
    ("triple", (100.0, 999.0)),
];

/// "digit(s)" after a digit count.
pub const DIGITS: &[&str] = &["digit", "digits"];

/// Nouns after a digit count that make it a percentage: "double-digit growth".
pub const RATE_NOUNS: &[&str] = &[
    "growth",
    "increase",
    "increases",
    "rise",
    "rises",
    "decline",
    "declines",
    "drop",
    "drops",
    "fall",
    "falls",
    "inflation",
    "rate",
    "rates",
    "gain",
    "gains",
    "percent",
    "percentage",
    "unemployment",
    "interest",
];

/// A vague magnitude: (least value, greatest value at that least).
pub fn vague(w: &str) -> Option<(f64, Option<f64>)> {
    find(VAGUE, w)
}

/// A magnitude after "of" that multiplies the one before: "thousands" → 1,000.
pub fn multiplier(w: &str) -> Option<f64> {
    find(VAGUE, w)
        .filter(|&(lo, most)| most.is_none() && lo >= LEAST_MULTIPLIER)
        .map(|(lo, _)| lo)
}

/// A digit count: its range.
pub fn digit_count(w: &str) -> Option<(f64, f64)> {
    find(DIGIT_COUNTS, w)
}

/// "digit"/"digits".
pub fn is_digits(w: &str) -> bool {
    has(DIGITS, w)
}

/// A rate noun.
pub fn is_rate_noun(w: &str) -> bool {
    has(RATE_NOUNS, w)
}

/// How big a size word says a share is: "a small percentage", "the vast majority".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareSize {
    /// No size word: "the majority of".
    Plain,
    /// "small", "tiny", "slim", "narrow".
    Small,
    /// "large", "vast", "overwhelming".
    Big,
}

/// Size words before a share noun.
pub const SHARE_SIZES: &[(&str, ShareSize)] = &[
    ("small", ShareSize::Small),
    ("tiny", ShareSize::Small),
    ("minor", ShareSize::Small),
    ("slim", ShareSize::Small),
    ("slight", ShareSize::Small),
    ("narrow", ShareSize::Small),
    ("bare", ShareSize::Small),
    ("thin", ShareSize::Small),
    ("low", ShareSize::Small),
    ("modest", ShareSize::Small),
    ("large", ShareSize::Big),
    ("big", ShareSize::Big),
    ("vast", ShareSize::Big),
    ("overwhelming", ShareSize::Big),
    ("huge", ShareSize::Big),
    ("great", ShareSize::Big),
    ("high", ShareSize::Big),
    ("substantial", ShareSize::Big),
    ("sizeable", ShareSize::Big),
    ("sizable", ShareSize::Big),
    ("considerable", ShareSize::Big),
];

/// A share in percent, as a closed range.
pub type ShareRange = (f64, f64);

/// Vague shares, as percentages: the share noun and its range with no size word, after a
/// small one and after a big one. A share noun without a range of its own ("a percentage of")
/// states a share only with a size word: "a small percentage" is at most a fifth, "a large
/// share" at least one. "the majority" is more than half, "the vast majority" about two
/// thirds or more, "a slim majority" at most three fifths; a minority mirrors it.
pub const SHARES: &[(&str, [Option<ShareRange>; 3])] = &[
    (
        "majority",
        [Some((50.0, 100.0)), Some((50.0, 60.0)), Some((65.0, 100.0))],
    ),
    (
        "minority",
        [Some((0.0, 50.0)), Some((0.0, 20.0)), Some((20.0, 50.0))],
    ),
    ("percentage", [None, Some((0.0, 20.0)), Some((20.0, 100.0))]),
    ("percent", [None, Some((0.0, 20.0)), Some((20.0, 100.0))]),
    ("proportion", [None, Some((0.0, 20.0)), Some((20.0, 100.0))]),
    ("share", [None, Some((0.0, 20.0)), Some((20.0, 100.0))]),
    ("fraction", [None, Some((0.0, 20.0)), Some((20.0, 100.0))]),
    ("portion", [None, Some((0.0, 20.0)), Some((20.0, 100.0))]),
];

/// The size a size word gives a share.
pub fn share_size(w: &str) -> Option<ShareSize> {
    find(SHARE_SIZES, w)
}

/// The range of the share noun `w` after a size word of `size`, if it states one.
pub fn share(w: &str, size: ShareSize) -> Option<ShareRange> {
    let ranges = find(SHARES, w)?;
    ranges[size as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipliers_are_thousands_millions_billions() {
        let m: Vec<_> = VAGUE.iter().filter_map(|r| multiplier(r.0)).collect();
        assert_eq!(m, [1e3, 1e6, 1e9]);
    }
}
