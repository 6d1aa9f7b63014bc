//! The words a value may start on, gathered from the tables the grammar's rules read: one field
//! of [`StartTables`] per rule, the English tables in [`EN`], their words each once in
//! [`start_words`]; and the words that may follow "a"/"an" in a value ([`with_follows_a`]).
//! This is data only: `extract::starts` owns the question "may a value start here" and the
//! sieves built from these lists, and the lexicon the tokenizer asks once per word
//! (`super::measure`) marks both kinds of word, so that no later stage looks a word up again.
//! Adding a word to a table adds it here, and so to every sieve.

use super::{currency, magnitudes, nouns, numbers, percent, rank, units};
use crate::text::packed::PackedBits;

/// The tables whose words the grammar's rules begin a value on, one field per rule.
#[derive(Clone, Copy)]
pub struct StartTables<'t> {
    /// "a"/"an" as one: "a third", "a million", "a dozen" (see [`with_follows_a`]).
    pub articles: &'t [&'t str],
    /// Spelled numbers, fractions' numerators and ratios: "twenty-five", "three fifths", "one
    /// in five".
    pub cardinals: &'t [(&'t str, u32)],
    /// "nought point five".
    pub noughts: &'t [&'t str],
    /// A scale alone before a larger one: "hundred thousand dollars".
    pub bare_scales: &'t [&'t str],
    /// Ordinals, and ranks after them: "twentieth", "second-largest".
    pub ordinals: &'t [(&'t str, u64)],
    /// Fractions of a scale and of a whole: "half a million", "quarter million", "half of".
    pub fractions_of_scale: &'t [(&'t str, f64)],
    /// Vague magnitudes: "tens of thousands".
    pub magnitudes: &'t [(&'t str, (f64, Option<f64>))],
    /// Digit counts: "double-digit growth".
    pub digit_counts: &'t [(&'t str, (f64, f64))],
    /// Vague shares, on their noun: "a small percentage", "the majority of".
    pub shares: &'t [(&'t str, [Option<magnitudes::ShareRange>; 3])],
    /// Superlatives that rank alone: "largest investor".
    pub superlatives: &'t [(&'t str, bool)],
    /// The percent word first: "percent of 10", and the "per" of "per cent of 22".
    pub percent_of: &'t [&'t str],
    pub per: &'t str,
}

/// The English start tables.
pub const EN: StartTables<'static> = StartTables {
    articles: numbers::ARTICLES,
    cardinals: numbers::CARDINALS,
    noughts: numbers::NOUGHTS,
    bare_scales: numbers::BARE_SCALES,
    ordinals: numbers::ORDINALS,
    fractions_of_scale: numbers::FRACTIONS_OF_SCALE,
    magnitudes: magnitudes::VAGUE,
    digit_counts: magnitudes::DIGIT_COUNTS,
    shares: magnitudes::SHARES,
    superlatives: rank::SUPERLATIVES,
    percent_of: percent::BEFORE_OF,
    per: percent::PER,
};

/// At most this many start words.
pub const MOST_START_WORDS: usize = 256;

/// The start words of some [`StartTables`], each once, in table order.
pub struct StartWords<'t> {
    words: [&'t str; MOST_START_WORDS],
    pub len: usize,
}

impl<'t> StartWords<'t> {
    /// The words of every table of `t`.
    pub const fn of(t: &StartTables<'t>) -> Self {
        let mut s = StartWords {
            words: [""; MOST_START_WORDS],
            len: 0,
        };
        s.push_all(t.articles);
        s.push_keys(t.cardinals);
        s.push_all(t.noughts);
        s.push_all(t.bare_scales);
        s.push_keys(t.ordinals);
        s.push_keys(t.fractions_of_scale);
        s.push_keys(t.magnitudes);
        s.push_keys(t.digit_counts);
        s.push_keys(t.shares);
        s.push_keys(t.superlatives);
        s.push_all(t.percent_of);
        s.push(t.per);
        s
    }

    /// Adds every word of `words`.
    const fn push_all(&mut self, words: &[&'t str]) {
        let mut k = 0;
        while k < words.len() {
            self.push(words[k]);
            k += 1;
        }
    }

    /// Adds the word of every row of `rows`.
    const fn push_keys<T>(&mut self, rows: &[(&'t str, T)]) {
        let mut k = 0;
        while k < rows.len() {
            self.push(rows[k].0);
            k += 1;
        }
    }

    /// Adds `w` unless it is there already.
    const fn push(&mut self, w: &'t str) {
        let mut k = 0;
        while k < self.len {
            if self.words[k].len() == w.len() && eq(self.words[k].as_bytes(), w.as_bytes()) {
                return;
            }
            k += 1;
        }
        assert!(
            self.len < MOST_START_WORDS,
            "more start words than MOST_START_WORDS"
        );
        self.words[self.len] = w;
        self.len += 1;
    }

    /// The words.
    pub const fn as_slice(&self) -> &[&'t str] {
        self.words.split_at(self.len).0
    }
}

/// Byte equality, at compile time.
const fn eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// The start words of the English tables.
pub const EN_WORDS: StartWords<'static> = StartWords::of(&EN);
static START_WORDS: StartWords<'static> = EN_WORDS;

/// The words the grammar may start a value on (all lowercase ASCII letters, 1 to 12 bytes; a
/// test checks it).
pub fn start_words() -> &'static [&'static str] {
    START_WORDS.as_slice()
}

/// `table` with the words that may follow "a"/"an" in a value given the bits `bits`: the time
/// units, scales, cardinals and fraction denominators (`numbers::denominator`: halves and
/// quarters, and the ordinals from [`numbers::FIRST_DENOMINATOR`] up, singular and plural),
/// "dozen" and the start words, for the start tables `t` and their start words.
pub const fn with_follows_a<const SLOTS: usize>(
    table: PackedBits<SLOTS>,
    t: &StartTables,
    start_words: &[&str],
    bits: u64,
) -> PackedBits<SLOTS> {
    let mut table = table
        .with_aliases(units::TIME_UNITS, bits)
        .with_keys(numbers::SCALES, bits)
        .with_keys(t.cardinals, bits)
        .with_keys(numbers::HALVES_AND_QUARTERS, bits)
        .with_words(&[numbers::DOZEN], bits)
        .with_words(start_words, bits);
    let mut k = 0;
    while k < t.ordinals.len() {
        let (w, o) = t.ordinals[k];
        if o >= numbers::FIRST_DENOMINATOR {
            table = table
                .with_words(&[w], bits)
                .with_suffixed(w, nouns::PLURAL as u8, bits);
        }
        k += 1;
    }
    table
}

/// `table` with the short words the start scan reads as written given the bits `bits`, each in
/// any case: the currency codes ([`currency::CODES`], [`currency::CODES_LOWER`]), the first
/// word of "U.S.$" ([`currency::US_DOTTED_FIRST`]) and the articles. The scan checks their case
/// itself; the bit spares every other word that question.
pub const fn with_short_starts<const SLOTS: usize>(
    table: PackedBits<SLOTS>,
    bits: u64,
) -> PackedBits<SLOTS> {
    table
        .with_keys_any_case(currency::CODES, bits)
        .with_keys_any_case(currency::CODES_LOWER, bits)
        .with_words_any_case(&[currency::US_DOTTED_FIRST], bits)
        .with_words_any_case(numbers::ARTICLES, bits)
}

/// How many words [`with_short_starts`] adds.
pub const SHORT_START_WORDS: usize =
    currency::CODES.len() + currency::CODES_LOWER.len() + 1 + numbers::ARTICLES.len();

/// At most how many words [`with_follows_a`] adds.
pub const FOLLOWS_A_WORDS: usize = {
    let (units, mut n, mut k) = (units::TIME_UNITS, 0, 0);
    while k < units.len() {
        n += units[k].0.len();
        k += 1;
    }
    n + numbers::SCALES.len()
        + numbers::CARDINALS.len()
        + numbers::HALVES_AND_QUARTERS.len()
        + 1
        + EN_WORDS.len
        + 2 * numbers::ORDINALS.len()
};
