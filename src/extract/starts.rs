//! Where a value may start: the one owner of that question, at every depth it is asked.
//!
//! The grammar ([`super::value`]) starts a value only on a number, a currency sign or code, a
//! vulgar fraction, or a start word: the words its rules begin on, gathered here from the
//! `lang::en` tables those rules read ([`StartTables`], one field per rule). From them, built
//! at compile time and never kept by hand:
//!
//! - the start words packed into a table read in any case, and the sieve of their shapes
//!   (length, first and last letter), which the sentence filter ([`super::live`]) and the token
//!   scan below ask first;
//! - what may follow "a"/"an" in a value ("a month", "a third", "a dozen");
//! - the currency codes as written, as a bit set over three letters;
//! - [`starts_of`]: the tokens of a sentence where the grammar may find a value, a superset of
//!   those where it does (a test checks it on articles and generated text).
//!
//! The qualifier buckets of the grammar (`value::qualifier`) are built from their table the
//! same way. Adding a word to a table adds it to every sieve here.

use super::token::{Tok, TokKind};
use crate::lang::en::{currency, magnitudes, nouns, numbers, percent, rank, units};
use crate::text::fold::{pack16_fast, pack16_with};
use crate::text::packed::{LONGEST_SHAPE, PackedWords, WordShapes, slots_for};

/// The tables whose words the grammar's rules begin a value on, one field per rule.
#[derive(Clone, Copy)]
pub struct StartTables<'t> {
    /// "a"/"an" as one: "a third", "a million", "a dozen" (see [`follows_a`]).
    pub articles: &'t [&'t str],
    /// Spelled numbers, fractions' numerators and ratios: "twenty-five", "three fifths", "one
    /// in five".
    pub cardinals: &'t [(&'t str, u32)],
    /// "nought point five".
    pub noughts: &'t [&'t str],
    /// Ordinals, and ranks after them: "twentieth", "second-largest".
    pub ordinals: &'t [(&'t str, u64)],
    /// Fractions of a scale and of a whole: "half a million", "quarter million", "half of".
    pub fractions_of_scale: &'t [(&'t str, f64)],
    /// Vague magnitudes: "tens of thousands".
    pub magnitudes: &'t [(&'t str, (f64, Option<f64>))],
    /// Digit counts: "double-digit growth".
    pub digit_counts: &'t [(&'t str, (f64, f64))],
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
    ordinals: numbers::ORDINALS,
    fractions_of_scale: numbers::FRACTIONS_OF_SCALE,
    magnitudes: magnitudes::VAGUE,
    digit_counts: magnitudes::DIGIT_COUNTS,
    superlatives: rank::SUPERLATIVES,
    percent_of: percent::BEFORE_OF,
    per: percent::PER,
};

/// At most this many start words.
pub const MOST_START_WORDS: usize = 256;

/// The start words of some [`StartTables`], each once, in table order.
pub struct StartWords<'t> {
    words: [&'t str; MOST_START_WORDS],
    len: usize,
}

impl<'t> StartWords<'t> {
    /// The words of every table of `t`.
    pub const fn of(t: &StartTables<'t>) -> Self {
        let mut s = StartWords {
            words: [""; MOST_START_WORDS],
            len: 0,
        };
        let mut k = 0;
        while k < t.articles.len() {
            s.push(t.articles[k]);
            k += 1;
        }
        k = 0;
        while k < t.cardinals.len() {
            s.push(t.cardinals[k].0);
            k += 1;
        }
        k = 0;
        while k < t.noughts.len() {
            s.push(t.noughts[k]);
            k += 1;
        }
        k = 0;
        while k < t.ordinals.len() {
            s.push(t.ordinals[k].0);
            k += 1;
        }
        k = 0;
        while k < t.fractions_of_scale.len() {
            s.push(t.fractions_of_scale[k].0);
            k += 1;
        }
        k = 0;
        while k < t.magnitudes.len() {
            s.push(t.magnitudes[k].0);
            k += 1;
        }
        k = 0;
        while k < t.digit_counts.len() {
            s.push(t.digit_counts[k].0);
            k += 1;
        }
        k = 0;
        while k < t.superlatives.len() {
            s.push(t.superlatives[k].0);
            k += 1;
        }
        k = 0;
        while k < t.percent_of.len() {
            s.push(t.percent_of[k]);
            k += 1;
        }
        s.push(t.per);
        s
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
const EN_WORDS: StartWords<'static> = StartWords::of(&EN);
static START_WORDS: StartWords<'static> = EN_WORDS;

/// The words the grammar may start a value on (all lowercase ASCII letters, 1 to 12 bytes; a
/// test checks it).
pub fn start_words() -> &'static [&'static str] {
    START_WORDS.as_slice()
}

/// Start words packed into a table, with the sieve of their shapes.
pub struct StartSet<const SLOTS: usize> {
    words: PackedWords<SLOTS>,
    shapes: WordShapes,
}

impl<const SLOTS: usize> StartSet<SLOTS> {
    /// The set of `words`.
    pub const fn of(words: &[&str]) -> Self {
        StartSet {
            words: PackedWords::empty().with_words(words, 1),
            shapes: WordShapes::of(words),
        }
    }

    /// Whether the lowercase word `w` is a start word.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        pack16_fast(w.as_bytes(), false).is_some_and(|p| self.words.contains(p))
    }

    /// Whether the word `w`, in any case ("One", "FIRST"), is a start word.
    #[inline]
    pub fn contains_any_case(&self, w: &[u8]) -> bool {
        pack16_fast(w, true).is_some_and(|p| self.words.contains(p))
    }

    /// Whether some start word of 2 to 12 letters has length `n`, first letter `first` and
    /// last letter `last` (lowercase): a necessary condition that rejects most words with
    /// three table look-ups and no hashing.
    #[inline]
    pub fn has_shape(&self, n: usize, first: u8, last: u8) -> bool {
        self.shapes.contains(n, first, last)
    }
}

/// The English start words, packed, and their shapes.
static STARTS: StartSet<{ slots_for(EN_WORDS.len) }> = StartSet::of(EN_WORDS.as_slice());

/// Words that can begin a value ([`start_words`]). One table look-up per word on the hot path
/// instead of a cascade of string matches.
pub fn is_starter(w: &str) -> bool {
    STARTS.contains(w)
}

/// [`is_starter`] of a word in any case ("One", "FIRST"), as written.
pub fn is_starter_any_case(w: &[u8]) -> bool {
    STARTS.contains_any_case(w)
}

/// See [`StartSet::has_shape`].
#[inline]
pub fn has_starter_shape(n: usize, first: u8, last: u8) -> bool {
    STARTS.has_shape(n, first, last)
}

/// An article ([`numbers::ARTICLES`], one or two letters) in any case, as a number: its bytes
/// with bit 5 set (lowercase for letters), the first lowest.
const fn article_key(w: &[u8]) -> Option<u16> {
    match *w {
        [a] => Some((a | 0x20) as u16),
        [a, b] => Some((a | 0x20) as u16 | ((b | 0x20) as u16) << 8),
        _ => None,
    }
}

/// The keys of [`numbers::ARTICLES`].
const ARTICLE_KEYS: [u16; numbers::ARTICLES.len()] = {
    let mut keys = [0; numbers::ARTICLES.len()];
    let mut k = 0;
    while k < keys.len() {
        keys[k] = match article_key(numbers::ARTICLES[k].as_bytes()) {
            Some(key) => key,
            None => panic!("an article of more than two letters"),
        };
        k += 1;
    }
    keys
};

/// Whether the letters `w` are "a" or "an" in any case: two byte tests, on the hot path of
/// the token scan and the sentence filter.
#[inline(always)]
pub fn is_article_any_case(w: &[u8]) -> bool {
    article_key(w).is_some_and(|k| ARTICLE_KEYS.contains(&k))
}

/// Whether `w` (lowercase) can follow "a"/"an" in a value: a time unit ("a month"), a scale
/// ("a lakh"), a number or fraction word ("a third"), "dozen", or a start word.
pub fn follows_a(w: &str) -> bool {
    pack16_fast(w.as_bytes(), false).is_some_and(|p| FOLLOWS_A.contains(p))
}

/// [`follows_a`] of a word in any case, as written.
pub fn follows_a_any_case(w: &[u8]) -> bool {
    pack16_fast(w, true).is_some_and(|p| FOLLOWS_A.contains(p))
}

/// The words [`follows_a`] accepts, packed: the time units, scales, cardinals and fraction
/// denominators ([`numbers::denominator`]: halves and quarters, and the ordinals from
/// [`numbers::FIRST_DENOMINATOR`] up, singular and plural), "dozen" and the start words.
static FOLLOWS_A: PackedWords<{ slots_for(FOLLOWS_A_WORDS) }> =
    follows_a_table(&EN, EN_WORDS.as_slice());

/// The table of [`follows_a`] for the start tables `t` and their start words.
pub const fn follows_a_table<const SLOTS: usize>(
    t: &StartTables,
    start_words: &[&str],
) -> PackedWords<SLOTS> {
    let mut table = PackedWords::empty()
        .with_aliases(units::TIME_UNITS, 1)
        .with_keys(numbers::SCALES, 1)
        .with_keys(t.cardinals, 1)
        .with_keys(numbers::HALVES_AND_QUARTERS, 1)
        .with_word(numbers::DOZEN, 1)
        .with_words(start_words, 1);
    let mut k = 0;
    while k < t.ordinals.len() {
        let (w, o) = t.ordinals[k];
        if o >= numbers::FIRST_DENOMINATOR {
            let plural = pack16_with(w.as_bytes(), nouns::PLURAL as u8);
            table = table.with_word(w, 1).with_packed(plural, 1);
        }
        k += 1;
    }
    table
}

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
        + 1
        + EN_WORDS.len
        + 2 * numbers::ORDINALS.len()
};

/// The three-letter words that are currency codes as written ("USD", "usd"), as a bit set over
/// (case, letter, letter, letter), built at compile time from the code tables of
/// `lang::en::currency` so that the common three-letter words ("the", "and") cost one look-up
/// instead of a string match each.
struct ThreeLetterCodes([u64; (1 << 16) / 64]);

impl ThreeLetterCodes {
    const fn key(w: &[u8]) -> Option<usize> {
        let [a, b, c] = *w else { return None };
        let upper = a.is_ascii_uppercase() && b.is_ascii_uppercase() && c.is_ascii_uppercase();
        let lower = a.is_ascii_lowercase() && b.is_ascii_lowercase() && c.is_ascii_lowercase();
        if !(upper || lower) {
            return None;
        }
        let k = ((a & 31) as usize) << 10 | ((b & 31) as usize) << 5 | (c & 31) as usize;
        Some(k | (upper as usize) << 15)
    }

    /// The codes of [`currency::CODES`] and [`currency::CODES_LOWER`].
    const fn of_codes() -> ThreeLetterCodes {
        let mut bits = [0u64; (1 << 16) / 64];
        let lists = [currency::CODES, currency::CODES_LOWER];
        let mut l = 0;
        while l < lists.len() {
            let mut k = 0;
            while k < lists[l].len() {
                if let Some(key) = Self::key(lists[l][k].0.as_bytes()) {
                    bits[key / 64] |= 1 << (key % 64);
                }
                k += 1;
            }
            l += 1;
        }
        ThreeLetterCodes(bits)
    }

    /// One bit test for any three letters (case from the first); the case of all three is
    /// checked only on a hit.
    #[inline]
    fn contains(&self, w: &[u8]) -> bool {
        let [a, b, c] = w else { return false };
        let k = usize::from(a.is_ascii_uppercase()) << 15
            | usize::from(a & 31) << 10
            | usize::from(b & 31) << 5
            | usize::from(c & 31);
        self.0[k / 64] & 1 << (k % 64) != 0 && Self::key(w) == Some(k)
    }
}

static THREE_LETTER_CODES: ThreeLetterCodes = ThreeLetterCodes::of_codes();

fn three_letter_codes() -> &'static ThreeLetterCodes {
    &THREE_LETTER_CODES
}

/// Whether the word `r` as written is a currency code the grammar starts on ("USD", "usd",
/// "Rs"), or the "U" of "U.S.$".
pub fn may_be_currency_code(r: &str) -> bool {
    may_be_currency_code_bytes(r.as_bytes())
}

/// [`may_be_currency_code`] of the word's bytes.
#[inline(always)]
fn may_be_currency_code_bytes(raw: &[u8]) -> bool {
    match raw.len() {
        3 => three_letter_codes().contains(raw),
        1 | 2 | 4 => {
            raw[0].is_ascii_uppercase()
                && (raw == currency::US_DOTTED_FIRST.as_bytes()
                    || currency::CODES.iter().any(|&(k, _)| k.as_bytes() == raw))
        }
        _ => false,
    }
}

/// The tokens of `toks` (one sentence) where the grammar could start a value, into `out`: a
/// superset of those where `Grammar::try_at` finds one. Numbers; currency symbols and vulgar
/// fractions; currency codes (and "U" of "U.S.$") and dollar prefixes ("US" of "US$");
/// starter words; "a"/"an" only before a time unit ("more than a month"), a scale ("a lakh"),
/// a number or fraction word or another starter ("a dozen", "a third of", "a quarter
/// million"). Never a token in a date (`blocked`).
#[inline]
pub fn starts_of(text: &str, toks: &[Tok], blocked: &[bool], out: &mut Vec<u32>) {
    out.clear();
    for (i, (t, &b)) in toks.iter().zip(blocked).enumerate() {
        if !b && may_start(text, toks, i, t) {
            out.push(i as u32);
        }
    }
}

/// Whether the grammar could start a value at token `i`, `t` (outside every date): see
/// [`starts_of`].
#[inline(always)]
fn may_start(text: &str, toks: &[Tok], i: usize, t: &Tok) -> bool {
    if t.inert() {
        // "10:30": colon-joined digits are inert to every rule but the time of day's.
        return t.num().is_some()
            && toks
                .get(i + 1)
                .is_some_and(|u| u.punct() == Some(':') && !u.space_before())
            && toks
                .get(i + 2)
                .is_some_and(|u| u.num().is_some() && !u.space_before());
    }
    match t.kind {
        TokKind::Num(_) => true,
        // "$" is the only ASCII sign or fraction.
        TokKind::Punct(c) if c.is_ascii() => c == '$',
        TokKind::Punct(c) => currency::symbol(c).is_some() || numbers::vulgar_fraction(c).is_some(),
        TokKind::Word => {
            let raw = &text.as_bytes()[t.start..t.end];
            let n = raw.len();
            // Currency codes and dollar prefixes have at most four letters, start words at most
            // twelve; the grammar reads only ASCII words.
            if n > LONGEST_SHAPE {
                return false;
            }
            if n <= currency::LONGEST_PREFIX {
                // A dollar prefix ("US$5", "hk $ 3", "MXN$"): a short word before "$".
                if may_be_currency_code_bytes(raw)
                    || toks.get(i + 1).is_some_and(|u| u.punct() == Some('$'))
                {
                    return true;
                }
                if is_article_any_case(raw) {
                    // The word after "a" (or after "a -"): a time unit, scale ("a lakh"),
                    // number or fraction word.
                    let next = match toks.get(i + 1) {
                        Some(u) if matches!(u.punct(), Some('-' | '–' | '—')) => {
                            toks.get(i + 2)
                        }
                        u => u,
                    };
                    return next.is_some_and(|u| {
                        u.is_word() && follows_a_any_case(&text.as_bytes()[u.start..u.end])
                    });
                }
            }
            has_starter_shape(n, raw[0] | 0x20, raw[n - 1] | 0x20) && is_starter_any_case(raw)
        }
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
        for w in start_words() {
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
            assert_eq!(is_starter(w), start_words().contains(&w.as_str()), "{w:?}");
            assert_eq!(
                is_starter_any_case(w.as_bytes()),
                start_words().contains(&lower.as_str()),
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
            .chain(start_words().iter().copied());
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
                || *w == numbers::DOZEN
                || is_starter(w);
            assert_eq!(follows_a(w), want, "{w:?}");
        }
    }
    /// `starts_of` reads an ASCII punctuation token as a start only when it is "$".
    #[test]
    fn the_only_ascii_sign_or_fraction_is_the_dollar() {
        for c in (0u8..128).map(char::from) {
            let start = currency::symbol(c).is_some() || numbers::vulgar_fraction(c).is_some();
            assert_eq!(start, c == '$', "{c:?}");
        }
    }

    #[test]
    fn three_letter_codes_agree_with_the_code_tables() {
        for w in [
            "USD", "usd", "EUR", "eur", "KGS", "kgs", "TRY", "try", "the", "Usd", "AND",
        ] {
            let want = currency::code(w).is_some()
                || w.bytes().all(|c| c.is_ascii_lowercase()) && currency::code_lower(w).is_some();
            assert_eq!(three_letter_codes().contains(w.as_bytes()), want, "{w}");
        }
    }

    /// The start words are lowercase ASCII letters of at most twelve: the sentence filter
    /// checks letter runs, and the shape sieve holds words up to that length.
    #[test]
    fn start_words_are_short_ascii_letters() {
        for w in start_words() {
            assert!(w.bytes().all(|c| c.is_ascii_lowercase()), "{w}");
            assert!(w.len() <= crate::text::packed::LONGEST_SHAPE, "{w}");
        }
    }

    /// The byte test of an article agrees with the articles' table on every word of one or
    /// two letters, in any case, and on longer ones.
    #[test]
    fn article_keys_are_the_articles() {
        let mut words: Vec<Vec<u8>> = vec![vec![], b"and".to_vec(), b"ANY".to_vec()];
        for a in 0..=255u8 {
            words.push(vec![a]);
            for b in 0..=255u8 {
                words.push(vec![a, b]);
            }
        }
        for w in &words {
            let want = std::str::from_utf8(w)
                .is_ok_and(|s| numbers::ARTICLES.contains(&s.to_ascii_lowercase().as_str()));
            // Letters only: the token scan and the filter ask it of letter runs.
            if w.iter().all(u8::is_ascii_alphabetic) {
                assert_eq!(is_article_any_case(w), want, "{w:?}");
            }
        }
    }
}
