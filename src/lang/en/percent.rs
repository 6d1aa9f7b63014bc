//! Percent words: after a number ("5 percent", "5 pct", "5 percentage points", "5 per cent")
//! and before "of" and a number ("percent of 10", "per cent of twenty-two").

use crate::text::rows::has;

/// "percent".
pub const PERCENT: &str = "percent";

/// "percents": read as "percent" after a number, but ends no spelled scale before it.
pub const PERCENTS: &str = "percents";

/// Percent words written after a number.
pub const AFTER_NUMBER: &[&str] = &[PERCENT, PERCENTS, "pct", "percentage"];

/// Percent words that may also open "percent of 10".
pub const BEFORE_OF: &[&str] = &[PERCENT, PERCENTS];

/// The two words of "per cent".
pub const PER: &str = "per";
pub const CENT: &str = "cent";

/// "percentage points", "percent point": part of the percent.
pub const POINTS: &[&str] = &["points", "point"];

/// A percent word after a number.
pub fn is_after_number(w: &str) -> bool {
    has(AFTER_NUMBER, w)
}

/// A percent word that opens "percent of", or the "per" of "per cent of".
pub fn opens_percent_of(w: &str) -> bool {
    has(BEFORE_OF, w) || w == PER
}

/// A percent word (or "per") that makes the number before it a value of its own: "$2 million
/// and 15 percent" is no "2 million and 15".
pub fn is_unit_after(w: &str) -> bool {
    w == PER || (is_after_number(w) && w != PERCENTS)
}

/// "40 basis points", "a 25-basis-point cut": hundredths of a percentage point.
pub const BASIS: &str = "basis";
pub const BASIS_POINT_UNIT: &str = "bp";
pub const PERCENT_PER_BASIS_POINT: f64 = 0.01;

/// The canonical unit of percentages.
pub const PERCENT_SIGN: &str = "%";

/// "points"/"point".
pub fn is_points(w: &str) -> bool {
    has(POINTS, w)
}
