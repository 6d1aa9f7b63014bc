//! English abbreviations written with a period that need not end a sentence ("Dr.", "No.",
//! "U.S.", "etc."), in two kinds: those that always bind to the word after them (titles before
//! a name, words before a number, month names before a day), and the others, which end a
//! sentence when a capital follows. The month and weekday abbreviations come from
//! [`super::calendar`]. One sorted table of packed words answers both questions in a binary
//! search.

use super::calendar::{MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS};

/// Titles before a name: "Dr. Smith", "Gen. Ivanov".
pub const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
    "pres",
];

/// Abbreviations before a number: "No. 5", "Fig. 3", "vs. 2", and currencies ("Rs. 615
/// crore").
pub const BEFORE_NUMBER: &[&str] = &["no", "nos", "vol", "fig", "vs", "rs"];

/// Other abbreviations: they end a sentence when a capital follows ("… and Co. The next"),
/// unless they have inner periods ("U.S.").
pub const OTHER: &[&str] = &[
    "jr", "sr", "etc", "inc", "ltd", "corp", "co", "approx", "est", "ft", "mt", "ave", "dept",
    "univ", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "cf", "al", "op", "pp",
];

/// No abbreviation is longer than this, in bytes (without its final period).
pub const LONGEST: usize = 6;

/// What a word before a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    /// A title, a word before a number or a month: it binds to the word after it.
    Binding,
    /// Any other abbreviation.
    Other,
}

/// The ASCII word `w` of at most eight bytes (and no NUL), lowercased and packed into a number
/// (first byte highest, so that numbers sort as the words do); `None` for anything else.
const fn pack(w: &[u8]) -> Option<u64> {
    if w.len() > 8 {
        return None;
    }
    let mut k = 0u64;
    let mut i = 0;
    while i < 8 {
        let c = if i < w.len() { w[i] } else { 0 };
        if c >= 0x80 || (c == 0 && i < w.len()) {
            return None;
        }
        k = k << 8 | c.to_ascii_lowercase() as u64;
        i += 1;
    }
    Some(k)
}

const COUNT: usize = TITLES.len()
    + BEFORE_NUMBER.len()
    + MONTH_ABBREVIATIONS.len()
    + OTHER.len()
    + WEEKDAY_ABBREVIATIONS.len();

/// Every abbreviation packed ([`pack`]) with its kind, sorted for a binary search.
const PACKED: ([u64; COUNT], [Abbreviation; COUNT]) = {
    let mut keys = [0u64; COUNT];
    let mut kinds = [Abbreviation::Other; COUNT];
    let mut n = 0;
    let mut i = 0;
    while i < TITLES.len() {
        (keys[n], kinds[n]) = (packed(TITLES[i]), Abbreviation::Binding);
        (n, i) = (n + 1, i + 1);
    }
    i = 0;
    while i < BEFORE_NUMBER.len() {
        (keys[n], kinds[n]) = (packed(BEFORE_NUMBER[i]), Abbreviation::Binding);
        (n, i) = (n + 1, i + 1);
    }
    i = 0;
    while i < MONTH_ABBREVIATIONS.len() {
        (keys[n], kinds[n]) = (packed(MONTH_ABBREVIATIONS[i].0), Abbreviation::Binding);
        (n, i) = (n + 1, i + 1);
    }
    i = 0;
    while i < OTHER.len() {
        (keys[n], kinds[n]) = (packed(OTHER[i]), Abbreviation::Other);
        (n, i) = (n + 1, i + 1);
    }
    i = 0;
    while i < WEEKDAY_ABBREVIATIONS.len() {
        (keys[n], kinds[n]) = (packed(WEEKDAY_ABBREVIATIONS[i]), Abbreviation::Other);
        (n, i) = (n + 1, i + 1);
    }
    // Insertion sort; a word written twice is an error.
    i = 1;
    while i < COUNT {
        let mut j = i;
        while j > 0 && keys[j - 1] >= keys[j] {
            assert!(keys[j - 1] != keys[j], "an abbreviation written twice");
            (keys[j - 1], keys[j]) = (keys[j], keys[j - 1]);
            (kinds[j - 1], kinds[j]) = (kinds[j], kinds[j - 1]);
            j -= 1;
        }
        i += 1;
    }
    (keys, kinds)
};

const fn packed(w: &str) -> u64 {
    assert!(w.len() <= LONGEST, "an abbreviation longer than LONGEST");
    match pack(w.as_bytes()) {
        Some(k) => k,
        None => panic!("an abbreviation of other than ASCII"),
    }
}

/// The kind of abbreviation `word` (without its final period) is, in any case; `None` when it
/// is none.
#[inline]
pub fn abbreviation(word: &str) -> Option<Abbreviation> {
    let k = pack(word.as_bytes())?;
    let i = PACKED.0.binary_search(&k).ok()?;
    Some(PACKED.1[i])
}

/// Every abbreviation with its kind, as the lists write them.
pub fn all() -> impl Iterator<Item = (&'static str, Abbreviation)> {
    let binding = TITLES
        .iter()
        .chain(BEFORE_NUMBER)
        .copied()
        .chain(MONTH_ABBREVIATIONS.iter().map(|m| m.0));
    let other = OTHER.iter().copied().chain(WEEKDAY_ABBREVIATIONS);
    binding
        .map(|w| (w, Abbreviation::Binding))
        .chain(other.map(|w| (w, Abbreviation::Other)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packed look-up agrees with the lists read one by one.
    #[test]
    fn lookup_is_the_lists() {
        let reference = |w: &str| {
            all()
                .find(|(a, _)| a.eq_ignore_ascii_case(w))
                .map(|(_, kind)| kind)
        };
        let mut words: Vec<String> = all().map(|(a, _)| a.to_string()).collect();
        for w in words.clone() {
            words.push(w.to_ascii_uppercase());
            words.push(format!("{w}x"));
            words.push(w[1..].to_string());
        }
        words.extend(["", "a", "mr\u{0}", "\u{e9}", "abcdefghi"].map(String::from));
        for w in &words {
            assert_eq!(abbreviation(w), reference(w), "{w:?}");
        }
        assert_eq!(abbreviation("Oct"), Some(Abbreviation::Binding));
        assert_eq!(abbreviation("U.S"), Some(Abbreviation::Other));
    }
}
