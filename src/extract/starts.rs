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

use super::token::{Tok, TokKind, is_value_sign};
use crate::lang::en::{currency, numbers, starts};
use crate::text::fold::pack16_fast;
use crate::text::packed::{LONGEST_SHAPE, PackedBits, PackedWords, WordShapes, slots_for};

pub use crate::lang::en::starts::{EN, EN_WORDS, StartTables, StartWords, start_words};

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
    FOLLOWS_A.bits_of(w.as_bytes()) != 0
}

/// [`follows_a`] of a word in any case, as written.
pub fn follows_a_any_case(w: &[u8]) -> bool {
    FOLLOWS_A.bits_of_any_case(w) != 0
}

/// The words [`follows_a`] accepts ([`starts::with_follows_a`]), packed.
static FOLLOWS_A: PackedBits<{ slots_for(starts::FOLLOWS_A_WORDS) }> =
    starts::with_follows_a(PackedBits::empty(), &EN, EN_WORDS.as_slice(), 1);

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
        // Most tokens are told by the tokenizer's marks alone.
        if !b && t.may_start_value() && may_start(text, toks, i, t) {
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
        TokKind::Punct(c) => is_value_sign(c),
        // The tokenizer's look-up marked the start words and the short words read as written
        // below: any other word starts a value only as a dollar prefix ("hk $ 3"). Most words
        // are decided here.
        TokKind::Word if !t.may_start_word() => {
            before_dollar(toks, i) && t.end - t.start <= currency::LONGEST_PREFIX
        }
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
                if may_be_currency_code_bytes(raw) || before_dollar(toks, i) {
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
                    return next.is_some_and(|u| u.is_word() && u.may_follow_a());
                }
            }
            // The tokenizer's look-up of the word marked it.
            t.is_start_word()
        }
    }
}

/// Whether token `i` comes right before a "$".
#[inline(always)]
fn before_dollar(toks: &[Tok], i: usize) -> bool {
    toks.get(i + 1).is_some_and(|u| u.punct() == Some('$'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::en::units;

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
    /// The tokenizer's lexicon bits say what the start tables say: on the start words, the
    /// words that may follow "a", their prefixes, plurals and case variants, and every word of
    /// the bundled articles, a word token is a start word exactly when [`is_starter_any_case`]
    /// says so, and may follow "a" exactly when [`follows_a_any_case`] does.
    #[test]
    fn token_bits_are_the_start_tables() {
        let mut words: Vec<String> = vec!["x".repeat(17), "a".repeat(40)];
        let listed = start_words()
            .iter()
            .copied()
            .chain(numbers::ORDINALS.iter().map(|r| r.0))
            .chain(units::TIME_UNITS.iter().flat_map(|r| r.0.iter().copied()));
        for w in listed {
            for n in 1..=w.len() {
                words.push(w[..n].to_string());
            }
            words.push(format!("{w}s"));
            words.push(w.to_ascii_uppercase());
            words.push(w[..1].to_ascii_uppercase() + &w[1..]);
        }
        for t in crate::extract::texts_in("corpus") {
            words.extend(t.split_whitespace().map(String::from));
        }
        let mut toks = Vec::new();
        let mut checked = 0;
        for w in &words {
            toks.clear();
            crate::extract::token::tokenize_into(w, 0, w.len(), &mut toks);
            for t in toks.iter().filter(|t| t.is_word()) {
                let raw = &w.as_bytes()[t.start..t.end];
                assert_eq!(t.is_start_word(), is_starter_any_case(raw), "{w:?}");
                assert_eq!(t.may_follow_a(), follows_a_any_case(raw), "{w:?}");
                checked += 1;
            }
        }
        assert!(checked > 3000, "{checked}");
    }

    /// [`may_start`] of a word without the tokenizer's marks: every short word asked as
    /// written.
    fn word_may_start_unmarked(text: &str, toks: &[Tok], i: usize, t: &Tok) -> bool {
        let raw = &text.as_bytes()[t.start..t.end];
        let n = raw.len();
        if n > LONGEST_SHAPE {
            return false;
        }
        if n <= currency::LONGEST_PREFIX {
            if may_be_currency_code_bytes(raw) || before_dollar(toks, i) {
                return true;
            }
            if is_article_any_case(raw) {
                let next = match toks.get(i + 1) {
                    Some(u) if matches!(u.punct(), Some('-' | '–' | '—')) => toks.get(i + 2),
                    u => u,
                };
                return next.is_some_and(|u| u.is_word() && u.may_follow_a());
            }
        }
        t.is_start_word()
    }

    /// The marks of the tokenizer's look-up decide no word the start scan would not: on the
    /// bundled articles and on generated text dense with codes, articles and dollar prefixes
    /// in every case, each word is a start exactly when it is without them. And a word without
    /// a mark is never a code or an article, nor a token [`Tok::may_start_value`] passes over
    /// a start.
    #[test]
    fn the_start_marks_lose_no_start() {
        const PIECES: &[&str] = &[
            "USD", "usd", "Usd", "uSD", "EUR", "eur", "Eur", "TRY", "try", "Try", "Rs", "RS", "rs",
            "rS", "RM", "rm", "U", "u", "S", "US", "us", "HK", "hk", "MXN", "Mex", "a", "A", "an",
            "An", "AN", "aN", "the", "of", "and", "in", "third", "month", "dozen", "one", "first",
            "largest", "$", "-", "—", ".", "5", "4,500", "'s", "’", "naïve", "U.S.", "U.S.$",
            "Rs.", "percent", "per", "cent",
        ];
        let mut texts = crate::extract::texts_in("corpus");
        let mut state = 0x51_7cc1_b727_220au64;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..12 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                t.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
                if state >> 62 != 0 {
                    t.push(' ');
                }
            }
            texts.push(t);
        }
        let (mut words, mut starts) = (0, 0);
        for text in &texts {
            let toks = crate::extract::token::tokenize(text);
            for (i, t) in toks.iter().enumerate() {
                // No token the marks pass over may start a value.
                if !t.may_start_value() {
                    assert!(!may_start(text, &toks, i, t), "{text:?} at {i}");
                }
                if !t.is_word() || t.inert() {
                    continue;
                }
                let want = word_may_start_unmarked(text, &toks, i, t);
                assert_eq!(may_start(text, &toks, i, t), want, "{text:?} at {i}");
                let raw = &text.as_bytes()[t.start..t.end];
                if !t.may_start_word() {
                    assert!(!may_be_currency_code_bytes(raw) && !is_article_any_case(raw));
                }
                words += 1;
                starts += usize::from(want);
            }
        }
        assert!(
            words > 20_000 && starts > 3000,
            "{words} words, {starts} starts"
        );
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
