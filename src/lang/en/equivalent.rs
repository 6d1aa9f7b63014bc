//! The words that may stand between a value and its restatement in other units: "Rs 615 crore
//! (about $75 million)", "$19bn, or roughly £11.4bn", "51.8 degrees Celsius (125 degrees
//! Fahrenheit)". Read by `extract::equivalent`; sorted for binary search.

/// Words allowed between a value and its parenthetical or "or" equivalent, besides the
/// brackets, commas and slashes themselves.
pub const EQUIVALENT_GLUE: &[&str] = &[
    "about",
    "almost",
    "approx",
    "approximately",
    "around",
    "equal",
    "equivalent",
    "just",
    "nearly",
    "or",
    "over",
    "roughly",
    "some",
    "to",
    "under",
    "worth",
];

/// The glue word that, like a bracket or a slash, marks a restatement ("$19bn, or £11.4bn").
pub const OR: &str = "or";

/// True when `w` (lowercase) may stand between a value and its equivalent.
pub fn is_equivalent_glue(w: &str) -> bool {
    EQUIVALENT_GLUE.binary_search(&w).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glue_is_sorted_for_binary_search() {
        assert!(EQUIVALENT_GLUE.windows(2).all(|w| w[0] < w[1]));
        assert!(is_equivalent_glue("roughly"));
        assert!(!is_equivalent_glue("including"));
    }
}
