//! The closed word lists of the grammar: spelled numbers, scales, ordinals, fraction
//! denominators, superlatives, qualifiers, currencies and units with their canonical
//! conversion. Lookups take a lowercase ASCII word; callers lowercase into a stack buffer so the
//! hot path never allocates. The starter words are also a table of words packed into numbers,
//! built at compile time, that reads a word in any case.

use crate::claim::Dimension;

/// Lowercase an ASCII word of at most 24 bytes into `buf`; `None` for anything else (no lexicon
/// word is longer or non-ASCII).
pub fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// FNV-1a: a fast hash for short ASCII keys on the hot path (no DoS concern: the keys are
/// our own word list).
#[derive(Default, Clone, Copy)]
pub struct Fnv;

pub struct FnvHasher(u64);

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

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

/// [`pack16`] at run time: the bytes copied at once, and ASCII capitals lowercased sixteen at
/// a time (a byte is a capital when, below 0x80, it lies in `A..=Z`).
#[inline]
pub fn pack16_fast(w: &[u8], lower: bool) -> Option<u128> {
    const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
    const ONES: u128 = HIGH >> 7;
    if w.is_empty() || w.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..w.len()].copy_from_slice(w);
    let p = u128::from_le_bytes(buf);
    if !lower {
        return Some(p);
    }
    // Clearing bit 7 first keeps the additions from carrying into the next byte.
    let x = p & !HIGH;
    let at_least_a = x + ONES * (0x80 - u128::from(b'A'));
    let past_z = x + ONES * (0x80 - u128::from(b'Z') - 1);
    let capitals = at_least_a & !past_z & !p & HIGH;
    Some(p | capitals >> 2)
}

/// A word of 1 to 16 bytes as one number: its bytes, the first lowest, zero-padded
/// (lowercased when `lower`). `None` for the empty word and longer ones.
#[inline]
pub const fn pack16(w: &[u8], lower: bool) -> Option<u128> {
    if w.is_empty() || w.len() > 16 {
        return None;
    }
    let (mut lo, mut hi) = (0u64, 0u64);
    let mut j = 0;
    while j < w.len() {
        let c = if lower {
            w[j].to_ascii_lowercase()
        } else {
            w[j]
        } as u64;
        if j < 8 {
            lo |= c << (8 * j);
        } else {
            hi |= c << (8 * (j - 8));
        }
        j += 1;
    }
    Some((hi as u128) << 64 | lo as u128)
}

/// Words of at most 16 bytes, packed by [`pack16`] into an open-addressing table of `SLOTS`
/// (a power of two, at least twice the words) built at compile time, each with the flags of
/// the lists it came from: a look-up hashes the packed word and compares one or two numbers.
pub struct PackedWords<const SLOTS: usize> {
    keys: [u128; SLOTS],
    flags: [u8; SLOTS],
}

impl<const SLOTS: usize> PackedWords<SLOTS> {
    const fn slot(p: u128) -> usize {
        let h = (p as u64 ^ (p >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> (64 - SLOTS.trailing_zeros())) as usize
    }

    /// The words of each list with that list's flag (each word 1 to 16 bytes; longer ones are
    /// left out; a word in several lists gets each list's flag).
    pub const fn new(lists: &[(&[&str], u8)]) -> Self {
        let mut keys = [0u128; SLOTS];
        let mut flags = [0u8; SLOTS];
        let (mut l, mut used) = (0, 0);
        while l < lists.len() {
            let (words, flag) = lists[l];
            let mut k = 0;
            while k < words.len() {
                if let Some(p) = pack16(words[k].as_bytes(), false) {
                    let mut s = Self::slot(p);
                    while keys[s] != 0 && keys[s] != p {
                        s = (s + 1) % SLOTS;
                    }
                    if keys[s] == 0 {
                        used += 1;
                    }
                    keys[s] = p;
                    flags[s] |= flag;
                }
                k += 1;
            }
            l += 1;
        }
        assert!(SLOTS.is_power_of_two() && used * 2 <= SLOTS);
        PackedWords { keys, flags }
    }

    /// The flags of the packed word `p`: 0 when it is in no list.
    #[inline]
    pub fn flags(&self, p: u128) -> u8 {
        let mut s = Self::slot(p);
        loop {
            let k = self.keys[s];
            if k == p {
                return self.flags[s];
            }
            if k == 0 {
                return 0;
            }
            s = (s + 1) % SLOTS;
        }
    }

    /// Whether the packed word `p` is in any list.
    #[inline]
    pub fn contains(&self, p: u128) -> bool {
        self.flags(p) != 0
    }
}

/// [`STARTER_WORDS`], packed.
static STARTERS: PackedWords<256> = PackedWords::new(&[(STARTER_WORDS, 1)]);

/// Whether `w` (lowercase) can follow "a"/"an" in a value: a time unit ("a month"), a scale
/// ("a lakh"), a number or fraction word ("a third"), or another starter ("a dozen").
pub fn follows_a(w: &str) -> bool {
    time_unit(w).is_some()
        || scale(w).is_some()
        || cardinal(w).is_some()
        || denominator(w).is_some()
        || is_starter(w)
}

/// Whether some starter word of 2 to 12 letters has length `n`, first letter `first` and last
/// letter `last` (lowercase): a necessary condition that rejects most words with three table
/// look-ups and no hashing.
#[inline]
pub fn has_starter_shape(n: usize, first: u8, last: u8) -> bool {
    SHAPES.contains(n, first, last)
}

/// For each (length, first letter): a bit per last letter of the starter words of that shape.
pub struct StarterShapes([[u32; 26]; 13]);

impl StarterShapes {
    /// See [`has_starter_shape`].
    #[inline]
    pub fn contains(&self, n: usize, first: u8, last: u8) -> bool {
        (2..=12).contains(&n)
            && first.is_ascii_lowercase()
            && last.is_ascii_lowercase()
            && self.0[n][(first - b'a') as usize] & (1 << (last - b'a')) != 0
    }

    /// The shapes of [`STARTER_WORDS`].
    const fn of_starters() -> StarterShapes {
        let mut t = [[0u32; 26]; 13];
        let mut k = 0;
        while k < STARTER_WORDS.len() {
            let b = STARTER_WORDS[k].as_bytes();
            let n = b.len();
            if n >= 2 && n <= 12 && b[0].is_ascii_lowercase() && b[n - 1].is_ascii_lowercase() {
                t[n][(b[0] - b'a') as usize] |= 1 << (b[n - 1] - b'a');
            }
            k += 1;
        }
        StarterShapes(t)
    }
}

/// The shapes of [`STARTER_WORDS`], built at compile time.
static SHAPES: StarterShapes = StarterShapes::of_starters();

/// The shapes of [`STARTER_WORDS`].
pub fn starter_shapes() -> &'static StarterShapes {
    &SHAPES
}

/// "one" … "ninety".
pub fn cardinal(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// "dozen" and its abbreviations ("3 dz", "five dozs"): twelve.
pub fn dozen(w: &str) -> bool {
    matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs")
}

/// Scale words: "hundred", "thousand", "million", "billion", "trillion".
pub fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        // Indian English: 1 lakh = 100,000; 1 crore = 10 million.
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Scale shorthand written after digits: "5bn", "3.5 mln", "$3m", "20k". `glued` is true when
/// no space separates it from the digits; single letters are accepted only glued.
pub fn scale_abbr(w: &str, glued: bool) -> Option<f64> {
    Some(match w {
        "bn" | "bln" | "billions" if glued || w != "billions" => 1e9,
        "mn" | "mln" | "mil" => 1e6,
        "tn" | "trn" | "tln" => 1e12,
        "m" if glued => 1e6,
        "b" if glued => 1e9,
        "k" if glued => 1e3,
        _ => return None,
    })
}

/// "first" … "twentieth", "thirtieth" … "hundredth", "thousandth" … "trillionth".
pub fn ordinal(w: &str) -> Option<u64> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        "thousandth" => 1000,
        "millionth" => 1_000_000,
        "billionth" => 1_000_000_000,
        "trillionth" => 1_000_000_000_000,
        _ => return None,
    })
}

/// Fraction denominators: ("third", 3, singular), ("thirds", 3, plural), "half" = 2,
/// "quarter" = 4, and every ordinal from "third" up ("twelfths", "trillionth"). "first" and
/// "second(s)" are never denominators.
pub fn denominator(w: &str) -> Option<(f64, bool)> {
    match w {
        "half" => return Some((2.0, false)),
        "halves" => return Some((2.0, true)),
        "quarter" => return Some((4.0, false)),
        "quarters" => return Some((4.0, true)),
        _ => {}
    }
    let (stem, plural) = match w.strip_suffix('s') {
        Some(stem) => (stem, true),
        None => (w, false),
    };
    ordinal(stem)
        .filter(|&o| o >= 3)
        .map(|o| (o as f64, plural))
}

/// "nought"/"naught": zero, read only in numeric context ("nought point five"); "came to
/// naught" is an idiom.
pub fn is_nought(w: &str) -> bool {
    matches!(w, "nought" | "naught")
}

/// An exponent written right after the digits ending at `at` (the tokenizer asks): "e10",
/// "E+14", "e-1", "^23", "^-1", "^--23", "x10^6", "×10^-4". Returns the end of the exponent and
/// the value of `mantissa` with it. Nothing may be glued after the exponent's digits ("3e8f" is
/// an identifier), and "e" needs digits right after it (with at most one sign).
pub fn power_suffix(bytes: &[u8], at: usize, mantissa: f64) -> Option<(usize, f64)> {
    let digits_from = |k: usize| -> Option<(usize, f64)> {
        let mut e = k;
        while e < bytes.len() && bytes[e].is_ascii_digit() {
            e += 1;
        }
        if e == k || e - k > 3 {
            return None;
        }
        let v: f64 = std::str::from_utf8(&bytes[k..e]).ok()?.parse().ok()?;
        Some((e, v))
    };
    let signs = |mut k: usize| -> (usize, f64) {
        let mut sign = 1.0;
        while k < bytes.len() && matches!(bytes[k], b'+' | b'-') {
            if bytes[k] == b'-' {
                sign = -sign;
            }
            k += 1;
        }
        (k, sign)
    };
    let (end, value) = match bytes.get(at)? {
        b'e' | b'E' => {
            let (k, sign) = match bytes.get(at + 1)? {
                b'+' => (at + 2, 1.0),
                b'-' => (at + 2, -1.0),
                _ => (at + 1, 1.0),
            };
            let (e, x) = digits_from(k)?;
            (e, mantissa * 10f64.powf(sign * x))
        }
        b'^' => {
            let (k, sign) = signs(at + 1);
            if k > at + 3 {
                return None;
            }
            let (e, x) = digits_from(k)?;
            (e, mantissa.powf(sign * x))
        }
        _ => {
            // "x10^6", "×10^6" (U+00D7 is two bytes).
            let k = if bytes[at] == b'x' {
                at + 1
            } else if bytes[at..].starts_with("×".as_bytes()) {
                at + 2
            } else {
                return None;
            };
            if !bytes[k..].starts_with(b"10^") {
                return None;
            }
            let (k, sign) = signs(k + 3);
            let (e, x) = digits_from(k)?;
            (e, mantissa * 10f64.powf(sign * x))
        }
    };
    let glued_after = bytes
        .get(end)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80);
    (!glued_after && value.is_finite()).then_some((end, value))
}

/// Indian digit grouping after the leading digits `[i, j)`: one or two digits, then one or more
/// groups of two, then one group of three ("12,34,567", "1,50,000"). Returns the end of the
/// last group when the whole run is grouped that way and no digit follows.
pub fn indian_grouping(bytes: &[u8], i: usize, j: usize) -> Option<usize> {
    if !(1..=2).contains(&(j - i)) {
        return None;
    }
    let group = |k: usize, n: usize| -> bool {
        bytes.len() > k + n
            && bytes[k] == b','
            && bytes[k + 1..k + 1 + n].iter().all(u8::is_ascii_digit)
    };
    let mut k = j;
    let mut pairs = 0;
    while group(k, 2) && !bytes.get(k + 3).is_some_and(u8::is_ascii_digit) {
        k += 3;
        pairs += 1;
    }
    if pairs == 0 || !group(k, 3) || bytes.get(k + 4).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some(k + 4)
}

/// Vulgar fraction characters: "½" → (1, 2).
pub fn vulgar_fraction(c: char) -> Option<(f64, f64)> {
    Some(match c {
        '½' => (1.0, 2.0),
        '⅓' => (1.0, 3.0),
        '⅔' => (2.0, 3.0),
        '¼' => (1.0, 4.0),
        '¾' => (3.0, 4.0),
        '⅕' => (1.0, 5.0),
        '⅖' => (2.0, 5.0),
        '⅗' => (3.0, 5.0),
        '⅘' => (4.0, 5.0),
        '⅙' => (1.0, 6.0),
        '⅚' => (5.0, 6.0),
        '⅛' => (1.0, 8.0),
        '⅜' => (3.0, 8.0),
        '⅝' => (5.0, 8.0),
        '⅞' => (7.0, 8.0),
        _ => return None,
    })
}

/// Superlatives that rank the subject among its peers; `true` when the scale runs from the
/// top ("largest"), `false` for the bottom ("smallest").
pub fn superlative(w: &str) -> Option<bool> {
    Some(match w {
        "largest" | "biggest" | "greatest" | "main" | "leading" | "top" | "highest" | "major"
        | "richest" | "strongest" | "busiest" | "most" => true,
        "smallest" | "lowest" | "poorest" | "weakest" | "least" => false,
        _ => return None,
    })
}

/// Role nouns that a rank applies to ("investor", "partner"): agent nouns and a few others.
pub fn is_role_noun(w: &str) -> bool {
    let agent = [
        "er", "or", "ers", "ors", "ist", "ists", "ant", "ants", "ent", "ents",
    ];
    if w.len() > 4 && agent.iter().any(|s| w.ends_with(s)) {
        // Not agent nouns: "order", "border", "corridor", "percent", "event", "extent".
        return !matches!(
            w,
            "order"
                | "border"
                | "corridor"
                | "percent"
                | "event"
                | "extent"
                | "content"
                | "other"
                | "others"
                | "however"
                | "after"
                | "under"
                | "over"
                | "never"
                | "number"
                | "matter"
                | "together"
                | "whether"
                | "winter"
                | "summer"
                | "quarter"
                | "center"
                | "centre"
                | "meter"
                | "metre"
                | "letter"
                | "paper"
                | "power"
                | "water"
                | "factor"
                | "sector"
                | "error"
                | "honor"
                | "honour"
                | "floor"
                | "door"
                | "terror"
                | "favor"
                | "favour"
                | "behavior"
                | "element"
                | "statement"
                | "agreement"
                | "government"
                | "moment"
                | "parliament"
                | "development"
                | "investment"
                | "movement"
                | "equipment"
                | "environment"
                | "department"
                | "management"
                | "payment"
                | "document"
                | "settlement"
                | "percents"
                | "events"
                | "documents"
                | "agreements"
        );
    }
    matches!(
        w,
        "partner"
            | "partners"
            | "ally"
            | "allies"
            | "source"
            | "sources"
            | "market"
            | "markets"
            | "economy"
            | "economies"
            | "city"
            | "cities"
            | "country"
            | "countries"
            | "company"
            | "companies"
            | "bank"
            | "banks"
            | "party"
            | "parties"
            | "destination"
            | "recipient"
            | "beneficiary"
            | "shareholder"
            | "donor"
            | "creditor"
            | "investor"
            | "employer"
            | "airport"
            | "port"
            | "state"
            | "states"
            | "nation"
            | "nations"
            | "province"
            | "region"
            | "firm"
            | "group"
            | "oilfield"
            | "field"
            | "mine"
    )
}

/// Time units for durations, in days.
pub fn time_unit(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "year" | "years" | "yr" | "yrs" => ("years", 365.2425),
        "month" | "months" => ("months", 30.436875),
        "week" | "weeks" => ("weeks", 7.0),
        "day" | "days" => ("days", 1.0),
        "hour" | "hours" | "hr" | "hrs" => ("hours", 1.0 / 24.0),
        "minute" | "minutes" | "min" | "mins" => ("minutes", 1.0 / 1440.0),
        "second" | "seconds" | "sec" | "secs" => ("seconds", 1.0 / 86_400.0),
        "decade" | "decades" => ("decades", 3652.425),
        "century" | "centuries" => ("centuries", 36_524.25),
        "fortnight" | "fortnights" => ("weeks", 14.0),
        _ => return None,
    })
}

/// A physical unit: written canonical spelling, dimension, factor to the dimension's canonical
/// unit (km, ha, kg, l, km/h).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhysUnit {
    pub name: &'static str,
    pub dim: Dimension,
    pub factor: f64,
}

const fn pu(name: &'static str, dim: Dimension, factor: f64) -> PhysUnit {
    PhysUnit { name, dim, factor }
}

/// Single-word physical units. `glued` is true when written right after the digits ("10km");
/// ambiguous short forms ("m", "l", "in", "t") are accepted only then.
pub fn phys_unit(w: &str, glued: bool) -> Option<PhysUnit> {
    use Dimension::*;
    Some(match w {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => {
            pu("km", Length, 1.0)
        }
        "mile" | "miles" | "mi" => pu("mi", Length, 1.609_344),
        "metre" | "metres" | "meter" | "meters" => pu("m", Length, 0.001),
        "m" if glued => pu("m", Length, 0.001),
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => {
            pu("cm", Length, 1e-5)
        }
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => {
            pu("mm", Length, 1e-6)
        }
        "ft" | "foot" | "feet" => pu("ft", Length, 0.000_304_8),
        "inch" | "inches" => pu("in", Length, 0.000_025_4),
        "in" if glued => pu("in", Length, 0.000_025_4),
        "yard" | "yards" | "yd" | "yds" => pu("yd", Length, 0.000_914_4),
        "nmi" => pu("nmi", Length, 1.852),
        "hectare" | "hectares" | "ha" => pu("ha", Area, 1.0),
        "acre" | "acres" => pu("acre", Area, 0.404_685_642_24),
        "km²" | "km2" | "sqkm" => pu("km²", Area, 100.0),
        "m²" | "m2" => pu("m²", Area, 1e-4),
        "kg" | "kgs" | "kilogram" | "kilograms" | "kilo" | "kilos" => pu("kg", Mass, 1.0),
        "g" | "gr" if glued => pu("g", Mass, 0.001),
        "gram" | "grams" | "gramme" | "grammes" => pu("g", Mass, 0.001),
        "mg" | "milligram" | "milligrams" => pu("mg", Mass, 1e-6),
        "tonne" | "tonnes" | "ton" | "tons" => pu("t", Mass, 1000.0),
        "t" if glued => pu("t", Mass, 1000.0),
        "lb" | "lbs" => pu("lb", Mass, 0.453_592_37),
        "ounce" | "ounces" | "oz" => pu("oz", Mass, 0.028_349_523_125),
        "litre" | "litres" | "liter" | "liters" => pu("l", Volume, 1.0),
        "l" if glued => pu("l", Volume, 1.0),
        "ml" | "millilitre" | "millilitres" | "milliliter" | "milliliters" => {
            pu("ml", Volume, 0.001)
        }
        "gallon" | "gallons" | "gal" => pu("gal", Volume, 3.785_411_784),
        "barrel" | "barrels" | "bbl" => pu("bbl", Volume, 158.987_294_928),
        "kph" | "kmh" => pu("km/h", Speed, 1.0),
        "mph" => pu("mph", Speed, 1.609_344),
        "knot" | "knots" => pu("kn", Speed, 1.852),
        _ => return None,
    })
}

/// Two-word physical units: ("square", "kilometres"), ("miles", "per"…) handled by the caller;
/// this maps the second word after "square"/"cubic".
pub fn square_unit(w: &str) -> Option<PhysUnit> {
    use Dimension::*;
    Some(match w {
        "kilometre" | "kilometres" | "kilometer" | "kilometers" | "km" => pu("km²", Area, 100.0),
        "mile" | "miles" | "mi" => pu("sq mi", Area, 258.998_811_033_6),
        "metre" | "metres" | "meter" | "meters" | "m" => pu("m²", Area, 1e-4),
        "foot" | "feet" | "ft" => pu("sq ft", Area, 9.290_304e-6),
        _ => return None,
    })
}

pub fn cubic_unit(w: &str) -> Option<PhysUnit> {
    use Dimension::*;
    Some(match w {
        "metre" | "metres" | "meter" | "meters" | "m" => pu("m³", Volume, 1000.0),
        "foot" | "feet" | "ft" => pu("cu ft", Volume, 28.316_846_592),
        _ => return None,
    })
}

/// Currency names written after the number ("dollars", "yuan"), as ISO 4217 codes. Dollars
/// without a country are USD but ambiguous.
pub fn currency_word(w: &str) -> Option<(&'static str, bool)> {
    Some(match w {
        "dollar" | "dollars" => ("USD", true),
        "euro" | "euros" => ("EUR", false),
        "pound" | "pounds" | "sterling" => ("GBP", false),
        "yuan" | "renminbi" | "rmb" => ("CNY", false),
        "ruble" | "rubles" | "rouble" | "roubles" => ("RUB", false),
        "som" | "soms" => ("KGS", false),
        "tenge" => ("KZT", false),
        "sum" | "sums" => ("UZS", false),
        "somoni" => ("TJS", false),
        "manat" | "manats" => ("AZN", false),
        "dram" | "drams" => ("AMD", false),
        "lari" => ("GEL", false),
        "hryvnia" | "hryvnias" | "hryvnas" => ("UAH", false),
        "yen" => ("JPY", false),
        "won" => ("KRW", false),
        "rupee" | "rupees" => ("INR", false),
        "lira" | "liras" | "lire" => ("TRY", false),
        "franc" | "francs" => ("CHF", false),
        "peso" | "pesos" => ("MXN", true),
        "real" | "reais" => ("BRL", false),
        "rand" => ("ZAR", false),
        "dirham" | "dirhams" => ("AED", false),
        "riyal" | "riyals" => ("SAR", false),
        "shekel" | "shekels" => ("ILS", false),
        "zloty" | "zlotys" => ("PLN", false),
        "krona" | "kronor" => ("SEK", false),
        "krone" | "kroner" => ("NOK", false),
        "markka" | "markkaa" => ("FIM", false),
        "bitcoin" | "bitcoins" | "btc" => ("XBT", false),
        "satoshi" | "satoshis" => ("SAT", false),
        "guilder" | "guilders" => ("NLG", false),
        "peseta" | "pesetas" => ("ESP", false),
        "kip" => ("LAK", false),
        "kuai" => ("CNY", false),
        _ => return None,
    })
}

/// Country adjectives that settle which dollar or pound ("US dollars", "Hong Kong dollars").
pub fn currency_country(country: &str, base: &str) -> Option<&'static str> {
    Some(match (country, base) {
        ("us" | "u.s." | "american" | "usd", "USD") => "USD",
        ("canadian", "USD") => "CAD",
        ("australian", "USD") => "AUD",
        ("singapore", "USD") => "SGD",
        ("taiwan" | "taiwanese", "USD") => "TWD",
        ("zimbabwe" | "zimbabwean", "USD") => "ZWL",
        ("british", "GBP") => "GBP",
        ("egyptian", "GBP") => "EGP",
        ("kyrgyz", "KGS") => "KGS",
        ("russian", "RUB") => "RUB",
        ("chinese", "CNY") => "CNY",
        ("japanese", "JPY") => "JPY",
        ("swiss", "CHF") => "CHF",
        ("mexican", "MXN") => "MXN",
        ("indian", "INR") => "INR",
        ("turkish", "TRY") => "TRY",
        ("finnish", "FIM") => "FIM",
        ("south" | "south korean" | "korean", "KRW") => "KRW",
        ("hong kong", "USD") => "HKD",
        ("new zealand", "USD") => "NZD",
        ("dutch", "NLG") => "NLG",
        ("spanish", "ESP") => "ESP",
        ("georgian", "GEL") => "GEL",
        _ => return None,
    })
}

/// ISO codes and symbols written before the number ("USD 5 billion", "€20").
/// Currency codes as written in capitals ("USD", "RMB", "Rs"), each with its ISO 4217 code.
pub const CURRENCY_CODES: &[(&str, &str)] = &[
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("RUB", "RUB"),
    ("KGS", "KGS"),
    ("KZT", "KZT"),
    ("UZS", "UZS"),
    ("JPY", "JPY"),
    ("INR", "INR"),
    ("Rs", "INR"),
    ("CHF", "CHF"),
    ("CAD", "CAD"),
    ("AUD", "AUD"),
    ("TRY", "TRY"),
    ("UAH", "UAH"),
];

pub fn currency_code(w: &str) -> Option<&'static str> {
    CURRENCY_CODES
        .iter()
        .find(|&&(k, _)| k == w)
        .map(|&(_, code)| code)
}

pub fn currency_symbol(c: char) -> Option<(&'static str, bool)> {
    Some(match c {
        '$' => ("USD", true),
        '€' => ("EUR", false),
        '£' => ("GBP", false),
        '¥' => ("JPY", true),
        '₽' => ("RUB", false),
        '₹' => ("INR", false),
        '₩' => ("KRW", false),
        '₴' => ("UAH", false),
        '₸' => ("KZT", false),
        '₺' => ("TRY", false),
        '₡' => ("CRC", false),
        '₾' => ("GEL", false),
        '₭' => ("LAK", false),
        '₿' => ("XBT", false),
        _ => return None,
    })
}

/// Lowercase ISO codes read before or after a number ("20 usd", "rmb 10", "115USD" once
/// lowercased). Codes that are also English words ("try", "cad", "all") are left out.
/// Currency codes as written in lowercase ("usd", "btc"), each with its ISO 4217 code.
pub const CURRENCY_CODES_LOWER: &[(&str, &str)] = &[
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("cny", "CNY"),
    ("rmb", "CNY"),
    ("jpy", "JPY"),
    ("chf", "CHF"),
    ("aud", "AUD"),
    ("nzd", "NZD"),
    ("hkd", "HKD"),
    ("sgd", "SGD"),
    ("mxn", "MXN"),
    ("inr", "INR"),
    ("rub", "RUB"),
    ("kgs", "KGS"),
    ("kzt", "KZT"),
    ("btc", "XBT"),
    ("xbt", "XBT"),
];

pub fn currency_code_lower(w: &str) -> Option<&'static str> {
    CURRENCY_CODES_LOWER
        .iter()
        .find(|&&(k, _)| k == w)
        .map(|&(_, code)| code)
}

/// Currency signs that the tokenizer reads as words or that are rare: "元", "₡", "₾", "₭", "₿",
/// "ரூ".
pub fn currency_sign_word(raw: &str) -> Option<(&'static str, bool)> {
    Some(match raw {
        "元" => ("CNY", false),
        "₡" => ("CRC", false),
        "₾" => ("GEL", false),
        "₭" => ("LAK", false),
        "₿" => ("XBT", false),
        "ரூ" => ("LKR", false),
        _ => return None,
    })
}

/// Hundredth parts of a currency written after the number: (ISO code, written unit,
/// ambiguous). Cents without a named dollar or euro are read as US cents, flagged.
pub fn currency_subunit(w: &str) -> Option<(&'static str, &'static str, bool)> {
    Some(match w {
        "cent" | "cents" => ("USD", "cents", true),
        "pence" => ("GBP", "pence", false),
        "penny" | "pennies" => ("GBP", "penny", false),
        _ => return None,
    })
}

/// Letters glued before "$" that name the dollar ("US$", "HK$").
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "US" | "U.S." => "USD",
        "A" | "AU" => "AUD",
        "C" | "CA" => "CAD",
        "HK" => "HKD",
        "S" | "SG" => "SGD",
        "NZ" => "NZD",
        "NT" => "TWD",
        "R" => "BRL",
        "MEX" | "MXN" => "MXN",
        "USD" => "USD",
        "AUD" => "AUD",
        "CAD" => "CAD",
        "HKD" => "HKD",
        "SGD" => "SGD",
        "NZD" => "NZD",
        _ => return None,
    })
}

/// Nouns that count people: their unit is "people".
pub fn is_person_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "persons"
            | "person"
            | "individuals"
            | "officers"
            | "officials"
            | "citizens"
            | "residents"
            | "soldiers"
            | "troops"
            | "civilians"
            | "workers"
            | "employees"
            | "students"
            | "children"
            | "kids"
            | "adults"
            | "men"
            | "women"
            | "voters"
            | "migrants"
            | "refugees"
            | "tourists"
            | "visitors"
            | "protesters"
            | "demonstrators"
            | "police"
            | "policemen"
            | "personnel"
            | "staff"
            | "members"
            | "fighters"
            | "servicemen"
            | "journalists"
            | "deputies"
            | "delegates"
            | "patients"
            | "victims"
            | "casualties"
            | "dead"
            | "deaths"
            | "wounded"
            | "injured"
            | "prisoners"
            | "detainees"
            | "inhabitants"
            | "nationals"
            | "immigrants"
            | "emigrants"
            | "pensioners"
            | "teachers"
            | "doctors"
            | "nurses"
            | "volunteers"
            | "guards"
            | "agents"
            | "passengers"
            | "fans"
            | "spectators"
            | "participants"
            | "users"
            | "subscribers"
            | "customers"
            | "recruits"
            | "conscripts"
            | "reservists"
            | "mercenaries"
            | "militants"
            | "lawmakers"
            | "ministers"
            | "diplomats"
            | "experts"
            | "analysts"
            | "researchers"
            | "scientists"
            | "specialists"
            | "ethnic"
            | "laborers"
            | "labourers"
            | "miners"
            | "farmers"
            | "survivors"
            | "hostages"
            | "suspects"
            | "peacekeepers"
            | "servicemembers"
            | "evacuees"
            | "asylum"
    )
}

/// Determiners and possessives after which an ordinal or superlative is attributive.
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
            | "whose"
    )
}

/// Function words: never part of a counted noun phrase, never a subject term. One probe of
/// [`WORD_TABLE`] instead of a match over the whole list.
pub fn is_stopword(w: &str) -> bool {
    pack16_fast(w.as_bytes(), false).is_some_and(|p| word_flags(p) & STOPWORD != 0)
}

/// Prepositions and other words that end a counted noun phrase.
pub fn ends_noun_phrase(w: &str) -> bool {
    is_stopword(w) && !matches!(w, "more" | "most" | "other" | "own")
}

/// The words [`is_stopword`] accepts, as written (lowercase; "than," and "an estimated" are
/// kept from the original list although no single word token spells them).
pub const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "for",
    "to",
    "from",
    "with",
    "by",
    "about",
    "as",
    "into",
    "over",
    "under",
    "and",
    "or",
    "but",
    "nor",
    "which",
    "who",
    "whom",
    "that",
    "this",
    "these",
    "those",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "do",
    "does",
    "did",
    "not",
    "no",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "you",
    "i",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "him",
    "them",
    "us",
    "me",
    "than",
    "then",
    "so",
    "such",
    "if",
    "when",
    "while",
    "where",
    "since",
    "until",
    "after",
    "before",
    "during",
    "through",
    "between",
    "against",
    "per",
    "also",
    "more",
    "most",
    "some",
    "all",
    "any",
    "each",
    "both",
    "other",
    "another",
    "up",
    "out",
    "around",
    "nearly",
    "almost",
    "roughly",
    "there",
    "here",
    "what",
    "whose",
    "said",
    "says",
    "say",
    "told",
    "according",
    "least",
    "only",
    "just",
    "even",
    "still",
    "very",
    "many",
    "much",
    "own",
    "via",
    "upon",
    "across",
    "among",
    "amid",
    "within",
    "without",
    "toward",
    "towards",
    "onto",
    "including",
    "like",
    "than,",
    "an estimated",
    "now",
    "again",
    "already",
    "yet",
    "ever",
    "because",
    "however",
    "whether",
];

/// The words [`cardinal`] or [`scale`] reads: a subject term is never a number word.
pub const NUMBER_WORDS: &[&str] = &[
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
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "lakh",
    "lakhs",
    "crore",
    "crores",
];

/// [`WORD_TABLE`] flag: the word is in [`STOPWORDS`].
pub const STOPWORD: u8 = 1;
/// [`WORD_TABLE`] flag: the word is in [`NUMBER_WORDS`].
pub const NUMBER_WORD: u8 = 2;

/// [`pack16`] of a lowercase word held zero padded in the first 16 bytes of `buf`.
#[inline]
pub fn pack_buf(buf: &[u8; 24]) -> u128 {
    let mut b = [0u8; 16];
    b.copy_from_slice(&buf[..16]);
    u128::from_le_bytes(b)
}

/// [`STOPWORDS`] and [`NUMBER_WORDS`] with their flags.
static WORD_TABLE: PackedWords<512> =
    PackedWords::new(&[(STOPWORDS, STOPWORD), (NUMBER_WORDS, NUMBER_WORD)]);

/// The [`STOPWORD`] and [`NUMBER_WORD`] flags of the [`pack16`]ed word `p` (0 when it is in
/// neither list).
#[inline]
pub fn word_flags(p: u128) -> u8 {
    WORD_TABLE.flags(p)
}

/// [`is_stopword`] of the word lowercased as [`lower`] would (ASCII only): `false` for a
/// non-ASCII word as for one `lower` refuses.
#[inline]
pub fn is_stopword_folded(w: &[u8]) -> bool {
    pack16_fast(w, true).is_some_and(|p| word_flags(p) & STOPWORD != 0)
}

/// ASCII capitals of the eight bytes of `x` lowercased, eight at a time; other bytes
/// (non-ASCII ones included) unchanged.
#[inline]
pub fn fold_swar(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = x & (0x7f * ONES);
    // The high bit of each byte: its low seven bits are at least 'A', above 'Z'.
    let from_a = low7 + (0x80 - u64::from(b'A')) * ONES;
    let past_z = low7 + (0x80 - u64::from(b'Z') - 1) * ONES;
    let capital = from_a & !past_z & !x & (0x80 * ONES);
    x | capital >> 2
}

/// [`is_stopword_folded`] of the word `text[start..end]`, read as one eight-byte load when it
/// is that short and eight bytes are there to load.
#[inline]
pub fn is_stopword_folded_in(text: &[u8], start: usize, end: usize) -> bool {
    let n = end - start;
    match text.get(start..start + 8) {
        Some(eight) if (1..=8).contains(&n) => {
            let mut b = [0u8; 8];
            b.copy_from_slice(eight);
            let lo = fold_swar(u64::from_le_bytes(b) & u64::MAX >> (64 - 8 * n));
            word_flags(u128::from(lo)) & STOPWORD != 0
        }
        _ => is_stopword_folded(&text[start..end]),
    }
}

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

    /// The run-time packing agrees with the compile-time one on every case of every byte, at
    /// every position and length.
    #[test]
    fn fast_packing_is_packing() {
        let mut words: Vec<Vec<u8>> = vec![vec![], vec![b'a'; 16], vec![b'a'; 17]];
        for c in 0..=255u8 {
            for n in 1..=16 {
                let mut w = b"MiXeD-CaSe'WoRdZ".to_vec();
                w.truncate(n);
                w[n - 1] = c;
                words.push(w.clone());
                w[0] = c;
                words.push(w);
            }
        }
        for w in &words {
            for lower in [false, true] {
                assert_eq!(pack16_fast(w, lower), pack16(w, lower), "{w:?} {lower}");
            }
        }
    }

    #[test]
    fn power_suffix_table() {
        // (text, where the mantissa ends, mantissa, expected (end, value))
        type Case<'a> = (&'a str, usize, f64, Option<(usize, f64)>);
        let cases: &[Case] = &[
            ("1e10", 1, 1.0, Some((4, 1e10))),
            ("12.32e+14", 5, 12.32, Some((9, 1.232e15))),
            ("12e-1", 2, 12.0, Some((5, 1.2))),
            ("1.1^23", 3, 1.1, Some((6, 1.1f64.powf(23.0)))),
            ("2.5^-1", 3, 2.5, Some((6, 0.4))),
            ("1.1^--23", 3, 1.1, Some((8, 1.1f64.powf(23.0)))),
            ("1.3x10^6", 3, 1.3, Some((8, 1.3e6))),
            ("6.23×10^-4", 4, 6.23, Some((11, 6.23e-4))),
            // Identifiers and words stay as they are.
            ("3e8f", 1, 3.0, None),
            ("5em", 1, 5.0, None),
            ("3x faster", 1, 3.0, None),
            ("4 e", 1, 4.0, None),
            ("10e", 2, 10.0, None),
        ];
        for &(text, at, mantissa, want) in cases {
            let got = power_suffix(text.as_bytes(), at, mantissa);
            match (got, want) {
                (Some((e, v)), Some((we, wv))) => {
                    assert_eq!(e, we, "{text}");
                    assert!((v - wv).abs() <= wv.abs() * 1e-12, "{text}: {v} vs {wv}");
                }
                (g, w) => assert_eq!(g, w, "{text}"),
            }
        }
    }

    #[test]
    fn indian_grouping_table() {
        // (text, end of the leading digits, expected end)
        let cases: &[(&str, usize, Option<usize>)] = &[
            ("12,34,567.89", 2, Some(9)),
            ("1,50,000 rupees", 1, Some(8)),
            ("1,234,567", 1, None),
            ("12,34", 2, None),
            ("1,3", 1, None),
            ("123,45,678", 3, None),
            ("12,34,5678", 2, None),
        ];
        for &(text, j, want) in cases {
            assert_eq!(indian_grouping(text.as_bytes(), 0, j), want, "{text}");
        }
    }

    #[test]
    fn denominators_and_ordinals() {
        assert_eq!(denominator("thirds"), Some((3.0, true)));
        assert_eq!(denominator("trillionth"), Some((1e12, false)));
        assert_eq!(denominator("twelfths"), Some((12.0, true)));
        assert_eq!(denominator("second"), None);
        assert_eq!(denominator("firsts"), None);
        assert_eq!(ordinal("trillionth"), Some(1_000_000_000_000));
        assert!(dozen("dzs") && dozen("doz") && !dozen("dozer"));
        assert!(is_nought("naught") && !is_nought("nothing"));
    }
}

#[cfg(test)]
mod word_table_tests {
    use super::*;

    /// Every listed word, its case variants, prefixes, suffixes and neighbours, the starter
    /// words and the words of the bundled corpus.
    fn probes() -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for w in STOPWORDS.iter().chain(NUMBER_WORDS).chain(STARTER_WORDS) {
            out.push(w.to_string());
            out.push(w.to_uppercase());
            let mut cap = w.to_string();
            cap[..1].make_ascii_uppercase();
            out.push(cap);
            for k in 0..w.len() {
                out.push(w[..k].to_string());
                out.push(w[k..].to_string());
            }
            for suffix in ["s", "e", "x", "’", "é", " ", ","] {
                out.push(format!("{w}{suffix}"));
            }
        }
        for entry in std::fs::read_dir("corpus").into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                out.extend(text.split(|c: char| !c.is_alphabetic()).map(str::to_string));
            }
        }
        assert!(out.len() > 5000, "the bundled corpus is missing");
        out
    }

    #[test]
    fn fold_swar_lowercases_every_byte_as_to_ascii_lowercase() {
        for c in 0..=255u8 {
            for at in 0..8 {
                let x = u64::from(c) << (8 * at) | 0x4100_5a00_7a40_5b60 & !(0xff << (8 * at));
                let want = u64::from_le_bytes(x.to_le_bytes().map(|b| b.to_ascii_lowercase()));
                assert_eq!(fold_swar(x), want, "{c} at {at}");
            }
        }
    }

    #[test]
    fn the_word_table_agrees_with_the_lists() {
        for w in probes() {
            let want_stop = STOPWORDS.contains(&w.as_str());
            assert_eq!(is_stopword(&w), want_stop, "{w:?}");
            let mut buf = [0u8; 24];
            let folded = lower(&w, &mut buf).is_some_and(|l| STOPWORDS.contains(&l));
            assert_eq!(is_stopword_folded(w.as_bytes()), folded, "{w:?}");
            let number = cardinal(&w).is_some() || scale(&w).is_some();
            assert_eq!(NUMBER_WORDS.contains(&w.as_str()), number, "{w:?}");
            let flags = pack16(w.as_bytes(), false).map_or(0, word_flags);
            assert_eq!(flags & NUMBER_WORD != 0, number, "{w:?}");
            assert_eq!(flags & STOPWORD != 0, want_stop, "{w:?}");
            let padded = format!("{w}   {w}        ");
            assert_eq!(
                is_stopword_folded_in(padded.as_bytes(), 0, w.len()),
                folded,
                "{w:?}"
            );
            let at = w.len() + 3;
            assert_eq!(
                is_stopword_folded_in(padded.as_bytes(), at, at + w.len()),
                folded,
                "{w:?}"
            );
            // At the end of the text, with no eight bytes to load.
            let end = format!("x{w}");
            assert_eq!(
                is_stopword_folded_in(end.as_bytes(), 1, end.len()),
                folded,
                "{w:?}"
            );
            if let Some(l) = lower(&w, &mut buf)
                && !l.is_empty()
                && l.len() <= 16
            {
                let mut b = [0u8; 24];
                b[..l.len()].copy_from_slice(l.as_bytes());
                assert_eq!(Some(pack_buf(&b)), pack16(w.as_bytes(), true), "{w:?}");
            }
        }
    }
}
