//! Where a value may start: the words the grammar can begin a value on, packed into a table
//! read in any case, and the sieve of their shapes that rejects most words with three look-ups.

use crate::lang::en::{nouns, numbers, units};
use crate::text::fold::{pack16_fast, pack16_with};
use crate::text::packed::{PackedWords, WordShapes, slots_for};

/// The words [`is_starter`] accepts (all lowercase, 1 to 12 bytes).
pub const STARTER_WORDS: &[&str] = &[
    "a",
    "an",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "dozens",
    "dozen",
    "single",
    "double",
    "triple",
    "half",
    "largest",
    "biggest",
    "greatest",
    "main",
    "leading",
    "top",
    "highest",
    "richest",
    "strongest",
    "busiest",
    "most",
    "smallest",
    "lowest",
    "poorest",
    "weakest",
    "least",
    "quarter",
    "quarters",
    "thirds",
    "halves",
    "fourths",
    "fifths",
    "sixths",
    "sevenths",
    "eighths",
    "ninths",
    "tenths",
    "hundredths",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
    "thousandth",
    "millionth",
    "billionth",
    "trillionth",
    "nought",
    "naught",
    // Not value starters themselves: "percent of 10" is read from the percent word.
    "percent",
    "percents",
    "per",
];

/// Words that can begin a value: spelled numbers, scales, ordinals, superlatives, fraction
/// words and vague magnitudes. One table look-up per word on the hot path instead of a cascade
/// of string matches.
pub fn is_starter(w: &str) -> bool {
    pack16_fast(w.as_bytes(), false).is_some_and(|p| STARTERS.contains(p))
}

/// [`is_starter`] of a word in any case ("One", "FIRST"), as written.
pub fn is_starter_any_case(w: &[u8]) -> bool {
    pack16_fast(w, true).is_some_and(|p| STARTERS.contains(p))
}

/// [`STARTER_WORDS`], packed.
static STARTERS: PackedWords<256> = PackedWords::new(&[(STARTER_WORDS, 1)]);

/// Whether some starter word of 2 to 12 letters has length `n`, first letter `first` and last
/// letter `last` (lowercase): a necessary condition that rejects most words with three table
/// look-ups and no hashing.
#[inline]
pub fn has_starter_shape(n: usize, first: u8, last: u8) -> bool {
    SHAPES.contains(n, first, last)
}

/// The shapes of [`STARTER_WORDS`], built at compile time.
static SHAPES: WordShapes = WordShapes::of(STARTER_WORDS);

/// Whether `w` (lowercase) can follow "a"/"an" in a value: a time unit ("a month"), a scale
/// ("a lakh"), a number or fraction word ("a third"), or another starter ("a dozen").
pub fn follows_a(w: &str) -> bool {
    pack16_fast(w.as_bytes(), false).is_some_and(|p| FOLLOWS_A.contains(p))
}

/// The words [`follows_a`] accepts, packed: the time units, scales, cardinals and fraction
/// denominators ([`numbers::denominator`]: halves and quarters, and the ordinals from
/// [`numbers::FIRST_DENOMINATOR`] up, singular and plural) and the starter words.
static FOLLOWS_A: PackedWords<{ slots_for(FOLLOWS_A_WORDS) }> = {
    let mut t = PackedWords::empty()
        .with_aliases(units::TIME_UNITS, 1)
        .with_keys(numbers::SCALES, 1)
        .with_keys(numbers::CARDINALS, 1)
        .with_keys(numbers::HALVES_AND_QUARTERS, 1)
        .with_words(STARTER_WORDS, 1);
    let ordinals = numbers::ORDINALS;
    let mut k = 0;
    while k < ordinals.len() {
        let (w, o) = ordinals[k];
        if o >= numbers::FIRST_DENOMINATOR {
            let plural = pack16_with(w.as_bytes(), nouns::PLURAL as u8);
            t = t.with_word(w, 1).with_packed(plural, 1);
        }
        k += 1;
    }
    t
};

/// At most how many words [`FOLLOWS_A`] holds.
const FOLLOWS_A_WORDS: usize = {
    let (units, mut n, mut k) = (units::TIME_UNITS, 0, 0);
    while k < units.len() {
        n += units[k].0.len();
        k += 1;
    }
    n + numbers::SCALES.len()
        + numbers::CARDINALS.len()
        + numbers::HALVES_AND_QUARTERS.len()
        + STARTER_WORDS.len()
        + 2 * numbers::ORDINALS.len()
};

#[cfg(test)]
mod tests {
    use super::*;

    /// The packed starter table answers exactly the word list: for the list itself, every
    /// prefix, plural and case variant of its words, long words and the words of the bundled
    /// articles.
    #[test]
    fn starter_table_is_the_starter_list() {
        let mut words: Vec<String> = vec![String::new(), "x".repeat(17), "a".repeat(40)];
        for w in STARTER_WORDS {
            for n in 0..=w.len() {
                words.push(w[..n].to_string());
                words.push(w[n..].to_string());
            }
            words.push(format!("{w}s"));
            words.push(format!("{w}{w}"));
            words.push(w.to_ascii_uppercase());
            words.push(w[..1].to_ascii_uppercase() + &w[1..]);
        }
        for entry in std::fs::read_dir("corpus").into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            words.extend(
                text.split(|c: char| !c.is_alphabetic() && c != '\'')
                    .map(String::from),
            );
        }
        assert!(words.len() > 3000);
        for w in &words {
            let lower = w.to_ascii_lowercase();
            assert_eq!(is_starter(w), STARTER_WORDS.contains(&w.as_str()), "{w:?}");
            assert_eq!(
                is_starter_any_case(w.as_bytes()),
                STARTER_WORDS.contains(&lower.as_str()),
                "{w:?}"
            );
        }
    }

    /// The packed table of what may follow "a" answers as the look-ups it is built from, on
    /// every word of those tables, their plurals, prefixes and case variants and the words of
    /// the bundled articles.
    #[test]
    fn follows_a_is_its_tables() {
        let mut words: Vec<String> = vec![String::new(), "x".repeat(17)];
        let tables = units::TIME_UNITS
            .iter()
            .flat_map(|r| r.0.iter().copied())
            .chain(numbers::SCALES.iter().map(|r| r.0))
            .chain(numbers::CARDINALS.iter().map(|r| r.0))
            .chain(numbers::ORDINALS.iter().map(|r| r.0))
            .chain(numbers::HALVES_AND_QUARTERS.iter().map(|r| r.0))
            .chain(STARTER_WORDS.iter().copied());
        for w in tables {
            for n in 0..=w.len() {
                words.push(w[..n].to_string());
            }
            words.push(format!("{w}s"));
            words.push(format!("{w}ss"));
            words.push(w.to_ascii_uppercase());
        }
        for t in crate::extract::texts_in("corpus") {
            words.extend(t.split(|c: char| !c.is_alphabetic()).map(String::from));
        }
        for w in &words {
            let want = units::time_unit(w).is_some()
                || numbers::scale(w).is_some()
                || numbers::cardinal(w).is_some()
                || numbers::denominator(w).is_some()
                || is_starter(w);
            assert_eq!(follows_a(w), want, "{w:?}");
        }
    }
}
