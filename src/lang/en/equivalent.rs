//! The words that may stand between a value and its restatement in other units: "Rs 615 crore
//! (about $75 million)", "$19bn, or roughly £11.4bn", "51.8 degrees Celsius (125 degrees
//! Fahrenheit)". Read by `extract::equivalent`; sorted for binary search.

/// Words allowed between a value and its parenthetical or "or" equivalent, besides the
/// brackets, commas and slashes themselves ("6.15bn rupees, which works out at around $75
/// million", "$19bn, equivalent to £11.4bn").
pub const EQUIVALENT_GLUE: &[&str] = &[
    "about",
    "almost",
    "approx",
    "approximately",
    "around",
    "at",
    "comes",
    "converts",
    "equal",
    "equivalent",
    "just",
    "nearly",
    "or",
    "out",
    "over",
    "roughly",
    "some",
    "to",
    "under",
    "which",
    "works",
    "worth",
];

/// The glue words that, like a bracket or a slash, mark a restatement ("$19bn, or £11.4bn",
/// "equivalent to £11.4bn", "which works out at $75 million", "which converts to"). Sorted.
pub const MARKERS: &[&str] = &["converts", "equivalent", "or", "works"];

/// True when `w` (lowercase) may stand between a value and its equivalent.
pub fn is_equivalent_glue(w: &str) -> bool {
    EQUIVALENT_GLUE.binary_search(&w).is_ok()
}

/// True when `w` (lowercase glue) marks a restatement ([`MARKERS`]).
pub fn is_marker(w: &str) -> bool {
    MARKERS.binary_search(&w).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glue_is_sorted_for_binary_search() {
        assert!(EQUIVALENT_GLUE.windows(2).all(|w| w[0] < w[1]));
        assert!(MARKERS.windows(2).all(|w| w[0] < w[1]));
        assert!(MARKERS.iter().all(|m| is_equivalent_glue(m)));
        assert!(is_marker("works") && !is_marker("which"));
        assert!(is_equivalent_glue("roughly"));
        assert!(!is_equivalent_glue("including"));
    }
}
