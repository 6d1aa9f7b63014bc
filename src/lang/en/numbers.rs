//! Number words: spelled cardinals, scales and their abbreviations, dozens, ordinals and the
//! suffixes of "21st", fraction denominators, the words that join a spelled number ("and",
//! "point"), minus words, and the vulgar fraction characters. Each table is written once: the
//! look-ups below, the number-word flag of the subject terms and the start sieves
//! (`extract::starts`) are all built from these rows.

use super::nouns::PLURAL;
use crate::text::packed::{WordIndex, slots_for};
use crate::text::rows::{find, has, indexed};

/// Spelled cardinals and their values.
pub const CARDINALS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Scale words and what they multiply by. Indian English: 1 lakh = 100,000; 1 crore = 10
/// million.
pub const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
];

/// Scales that open a number alone, with no number or "a" before them, when a larger scale
/// follows: "hundred thousand dollars" is 100,000 ("hundred" alone is a name: "the Hundred
/// Years' War").
pub const BARE_SCALES: &[&str] = &["hundred"];

/// Words before a bare scale that multiply it vaguely: "a few hundred thousand", "a couple
/// hundred thousand" are not 100,000.
pub const NOT_BEFORE_BARE_SCALE: &[&str] = &["few", "several", "many", "couple"];

/// Scale shorthand written after digits ("5bn", "3.5 mln", "$3m", "20k"): (value, read only
/// when glued to the digits). Single letters, and "billions", are read only glued.
pub const SCALE_ABBREVIATIONS: &[(&str, (f64, bool))] = &[
    ("bn", (1e9, false)),
    ("bln", (1e9, false)),
    ("billions", (1e9, true)),
    ("mn", (1e6, false)),
    ("mln", (1e6, false)),
    ("mil", (1e6, false)),
    ("tn", (1e12, false)),
    ("trn", (1e12, false)),
    ("tln", (1e12, false)),
    ("m", (1e6, true)),
    ("b", (1e9, true)),
    ("k", (1e3, true)),
];

/// The SI scale letters read spaced after digits, only in their SI case and only after a
/// decimal, a thousands group or a currency sign: "1,674,200.5 M", "$5 M" are millions, as
/// "1.5M" is; "2.33 k" is 2,330 and "1,674.5 G" is 1,674.5 billion. A spaced lowercase "12 m"
/// is metres and "the 100 M sprint" may be; a whole "10 k" is a race in kilometres; a capital
/// "K" is kelvin ("273.15 K") and a lowercase "g" grams.
pub const SPACED_SCALE_LETTERS: &[(&str, f64)] = &[("k", 1e3), ("M", 1e6), ("G", 1e9)];

/// "dozen": the word that follows "a" ("a dozen", "half a dozen").
pub const DOZEN: &str = "dozen";

/// "dozen" and its abbreviations ("3 dz", "five dozs"): twelve.
pub const DOZENS: &[&str] = &[DOZEN, "dozens", "dz", "dzs", "doz", "dozs"];

/// What a dozen counts.
pub const DOZEN_VALUE: f64 = 12.0;

/// "could one day be used": "one day" right after a modal verb is "someday", no duration.
pub const SOMEDAY: [&str; 2] = ["one", "day"];
pub const SOMEDAY_AFTER: &[&str] = &[
    "can", "could", "may", "might", "must", "shall", "should", "will", "would",
];

/// Zero, read only in numeric context ("nought point five"): "came to naught" is an idiom.
pub const NOUGHTS: &[&str] = &["nought", "naught"];

/// Spelled ordinals and their values.
pub const ORDINALS: &[(&str, u64)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    // A misspelling common enough in print ("Nineth Meeting").
    ("nineth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("thousandth", 1000),
    ("millionth", 1_000_000),
    ("billionth", 1_000_000_000),
    ("trillionth", 1_000_000_000_000),
];

/// The smallest ordinal that is also a fraction's denominator ("a third", "two fifths"):
/// "first" and "second(s)" never are.
pub const FIRST_DENOMINATOR: u64 = 3;

/// "half": a denominator, a fraction of a scale ("half a million") and a fraction of a whole
/// ("half of", "half the").
pub const HALF: &str = "half";

/// "quarter": a denominator and a fraction of a scale ("a quarter million").
pub const QUARTER: &str = "quarter";

/// Denominators that are no ordinal: (denominator, plural).
pub const HALVES_AND_QUARTERS: &[(&str, (f64, bool))] = &[
    (HALF, (2.0, false)),
    ("halves", (2.0, true)),
    (QUARTER, (4.0, false)),
    ("quarters", (4.0, true)),
];

/// Fractions written before a scale word: "half a million", "quarter million".
pub const FRACTIONS_OF_SCALE: &[(&str, f64)] = &[(HALF, 0.5), (QUARTER, 0.25)];

/// Joins the parts of a spelled number ("one hundred and five", "one and a half", "3 hundred
/// and 21").
pub const AND: &str = "and";

/// The decimal point, spelled: "five point five".
pub const POINT: &str = "point";

/// Words of a negative number: "minus five", "negative 3.5".
pub const NEGATIVES: &[&str] = &["minus", "negative"];

/// The articles, read as one before a scale, a fraction or a unit ("a million", "a third", "a
/// month").
pub const ARTICLES: &[&str] = &["a", "an"];

/// The words after "half" that make it half of a whole: "half of", "half the", "half its".
pub const HALF_OF: &[&str] = &["of", "the", "its", "their"];

/// "half past ten": after "half", a time of day, no share ("at about half past ten").
pub const HALF_PAST: &str = "past";

/// The words between the two numbers of a ratio: "one in five", "two out of five", "1 over 3".
pub const RATIO_JOINERS: &[&[&str]] = &[&["in"], &[QUOTIENT], &["out", "of"]];

/// "1 over 3": a quotient, read only between two bare numbers that end the clause.
pub const QUOTIENT: &str = "over";

/// The word between the two sides of a ratio written "two-to-one", "3 to 1".
pub const RATIO_TO: &str = "to";

/// Nouns a ratio "two-to-one", "3-1", "3:1" stands before to be one ("a two-to-one split", "by
/// a 3-to-1 margin"): without one, "3-1" is a score and "2 to 3" a range.
pub const RATIO_NOUNS: &[&str] = &["margin", "majority", "split", "ratio", "edge", "advantage"];

/// The words before a ratio that make it one ("a ratio of 3:1", "by a margin of two to one").
pub const RATIO_OF: &[&str] = &["ratio", "margin"];

/// The unit of a ratio read as a multiple: "two-to-one" is 2 times, as "about four times" is.
pub const TIMES: &str = "times";

/// Vulgar fraction characters: (numerator, denominator).
pub const VULGAR_FRACTIONS: &[(char, (f64, f64))] = &[
    ('½', (1.0, 2.0)),
    ('⅓', (1.0, 3.0)),
    ('⅔', (2.0, 3.0)),
    ('¼', (1.0, 4.0)),
    ('¾', (3.0, 4.0)),
    ('⅕', (1.0, 5.0)),
    ('⅖', (2.0, 5.0)),
    ('⅗', (3.0, 5.0)),
    ('⅘', (4.0, 5.0)),
    ('⅙', (1.0, 6.0)),
    ('⅚', (5.0, 6.0)),
    ('⅛', (1.0, 8.0)),
    ('⅜', (3.0, 8.0)),
    ('⅝', (5.0, 8.0)),
    ('⅞', (7.0, 8.0)),
];

static CARDINAL_INDEX: WordIndex<{ slots_for(CARDINALS.len()) }> = WordIndex::of_keys(CARDINALS);
static SCALE_INDEX: WordIndex<{ slots_for(SCALES.len()) }> = WordIndex::of_keys(SCALES);
static ORDINAL_INDEX: WordIndex<{ slots_for(ORDINALS.len()) }> = WordIndex::of_keys(ORDINALS);

/// A spelled cardinal: "one" … "ninety".
pub fn cardinal(w: &str) -> Option<u32> {
    indexed(&CARDINAL_INDEX, CARDINALS, w)
}

/// "one", the cardinal.
pub fn is_one(w: &str) -> bool {
    cardinal(w) == Some(1)
}

/// The South Asian scales: an amount in them with no currency is in the article's rupees.
pub const INDIAN_SCALES: &[&str] = &["crore", "crores", "lakh", "lakhs"];

/// A scale word: "hundred", "thousand", "million", "billion", "trillion", "lakh", "crore".
pub fn scale(w: &str) -> Option<f64> {
    indexed(&SCALE_INDEX, SCALES, w)
}

/// Scale shorthand written after digits: "5bn", "3.5 mln", "$3m", "20k". `glued` is true when
/// no space separates it from the digits.
pub fn scale_abbr(w: &str, glued: bool) -> Option<f64> {
    find(SCALE_ABBREVIATIONS, w).and_then(|(v, glued_only)| (glued || !glued_only).then_some(v))
}

/// A scale letter spaced after digits, `raw` as written ([`SPACED_SCALE_LETTERS`]).
pub fn spaced_scale_letter(raw: &str) -> Option<f64> {
    find(SPACED_SCALE_LETTERS, raw)
}

/// A scale that opens a number alone before a larger one ("hundred thousand").
pub fn is_bare_scale(w: &str) -> bool {
    has(BARE_SCALES, w)
}

/// "dozen" and its abbreviations.
pub fn is_dozen(w: &str) -> bool {
    has(DOZENS, w)
}

/// "nought"/"naught".
pub fn is_nought(w: &str) -> bool {
    has(NOUGHTS, w)
}

/// "a"/"an".
pub fn is_article(w: &str) -> bool {
    has(ARTICLES, w)
}

/// "minus"/"negative".
pub fn is_negative(w: &str) -> bool {
    has(NEGATIVES, w)
}

/// A spelled ordinal: "first" … "twentieth", "thirtieth" … "hundredth", "thousandth" …
/// "trillionth".
pub fn ordinal(w: &str) -> Option<u64> {
    indexed(&ORDINAL_INDEX, ORDINALS, w)
}

/// The suffix that makes the digits of `v` an ordinal: "1st", "22nd", "13th".
pub fn ordinal_suffix(v: u32) -> &'static str {
    match (v % 100, v % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    }
}

/// A fraction's denominator: (denominator, plural). "half" = 2, "quarter" = 4, and every
/// ordinal from [`FIRST_DENOMINATOR`] up, singular or plural ("third", "twelfths",
/// "trillionth").
pub fn denominator(w: &str) -> Option<(f64, bool)> {
    if let Some(d) = find(HALVES_AND_QUARTERS, w) {
        return Some(d);
    }
    let (stem, plural) = match w.strip_suffix(PLURAL) {
        Some(stem) => (stem, true),
        None => (w, false),
    };
    ordinal(stem)
        .filter(|&o| o >= FIRST_DENOMINATOR)
        .map(|o| (o as f64, plural))
}

/// A fraction of a scale word: "half" → 0.5, "quarter" → 0.25.
pub fn fraction_of_scale(w: &str) -> Option<f64> {
    find(FRACTIONS_OF_SCALE, w)
}

/// A vulgar fraction character: "½" → (1, 2).
pub fn vulgar_fraction(c: char) -> Option<(f64, f64)> {
    VULGAR_FRACTIONS.iter().find(|r| r.0 == c).map(|r| r.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn denominators_and_ordinals() {
        assert_eq!(denominator("thirds"), Some((3.0, true)));
        assert_eq!(denominator("trillionth"), Some((1e12, false)));
        assert_eq!(denominator("twelfths"), Some((12.0, true)));
        assert_eq!(denominator("second"), None);
        assert_eq!(denominator("firsts"), None);
        assert_eq!(ordinal("trillionth"), Some(1_000_000_000_000));
        assert!(is_dozen("dzs") && is_dozen("doz") && !is_dozen("dozer"));
        assert!(is_nought("naught") && !is_nought("nothing"));
    }

    #[test]
    fn scale_abbreviations_of_one_letter_need_the_digits() {
        assert_eq!(scale_abbr("m", true), Some(1e6));
        assert_eq!(scale_abbr("m", false), None);
        assert_eq!(scale_abbr("billions", false), None);
        assert_eq!(scale_abbr("bn", false), Some(1e9));
    }

    #[test]
    fn spaced_scale_letters_only_in_capitals_and_bare_scales_only_hundred() {
        assert_eq!(spaced_scale_letter("M"), Some(1e6));
        assert_eq!(spaced_scale_letter("m"), None);
        assert_eq!(spaced_scale_letter("k"), Some(1e3));
        assert_eq!(spaced_scale_letter("K"), None);
        assert_eq!(spaced_scale_letter("G"), Some(1e9));
        assert_eq!(spaced_scale_letter("g"), None);
        assert!(is_bare_scale("hundred") && !is_bare_scale("thousand"));
        assert!(BARE_SCALES.iter().all(|w| scale(w).is_some()));
    }

    #[test]
    fn ordinal_suffixes() {
        for (v, s) in [
            (1, "st"),
            (2, "nd"),
            (3, "rd"),
            (4, "th"),
            (11, "th"),
            (12, "th"),
        ] {
            assert_eq!(ordinal_suffix(v), s, "{v}");
        }
        for (v, s) in [(13, "th"), (21, "st"), (112, "th"), (101, "st"), (0, "th")] {
            assert_eq!(ordinal_suffix(v), s, "{v}");
        }
    }
}
