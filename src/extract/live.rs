//! Which sentences can hold a claim at all, decided without tokens. Most sentences of an
//! article carry no number, date, currency or number word; this pass looks at their bytes and
//! ASCII letter runs only, so the tokenizer, the date scan and the grammar run on the sentences
//! that may hold something. The test is a superset of what the grammar and the date scan can
//! start a value on: digits, currency signs and vulgar fractions, the start words and currency
//! codes of [`super::starts`] (which builds them from the `lang::en` tables), "a"/"an" before
//! what may follow it there, and date anchors. A sentence it passes yields exactly the claims
//! it would if every sentence were read.
//!
//! Two passes over the bytes. The first looks for a digit or a "$" only, a block of bytes at a
//! time with no branch per byte: half the sentences that hold something are decided there,
//! without reading a word. The second reads the rest sixty-four bytes at a time: one pass over
//! a block's eight-byte words gives a bit per ASCII letter (and says whether any byte is
//! beyond ASCII, whose characters are then read for a currency sign or a vulgar fraction);
//! each letter run, found from those bits with no branch per byte, costs one table load keyed
//! on its length and first letter (with its case) and two bit tests: on its last letter (the
//! ends of the starter words and currency codes) and on its second and third (the date anchor
//! prefixes). Only the few runs that pass go on to finer tables and then to the exact tests;
//! "a"/"an" itself only opens the word after it.

use super::date;
use super::starts;
use super::token::{ascii_letters, is_invisible, is_value_sign, load8, non_letters};
use crate::lang::en::currency;
use std::sync::LazyLock;

/// Letter runs longer than this are never candidates (no starter word or currency code is).
const LONGEST: usize = 12;

/// Bit tables over the letter runs the exact tests may accept. Filled from the starter words
/// (first letter in either case), the currency codes as written, "U" (of "U.S.$"), "a" (which
/// the next word may follow) and the date anchor prefixes ([`date::is_anchor_prefix`], any
/// case).
pub(super) struct Shapes {
    /// The sieve. For each length (`LONGEST + 1` standing for every longer run) and first
    /// letter (its low six bits, which keep its case): in the low half a bit per last letter
    /// (its low five bits) of the words, in the high half a bit per [`pair`] of second and
    /// third letters of the anchor prefixes (lengths 3 to 9; none for shorter runs). One load
    /// and two bit tests reject almost every run.
    rows: [[u64; 64]; LONGEST + 2],
    /// For each length, a bit per second and third letter of the words.
    inner: [[u32; 32]; LONGEST + 2],
}

/// Two letters (or any bytes) folded into five bits: the place of a bit in half a row.
#[inline(always)]
fn pair(a: u8, b: u8) -> u32 {
    (u32::from(a & 31) * 5 + u32::from(b & 31)) & 31
}

impl Shapes {
    fn insert(&mut self, w: &[u8]) {
        if let (1..=LONGEST, Some(&f), Some(&l)) = (w.len(), w.first(), w.last())
            && w.iter().all(u8::is_ascii_alphabetic)
        {
            let (n, f) = (w.len(), usize::from(f & 63));
            self.rows[n][f] |= 1 << (l & 31);
            if let [_, b, c, ..] = *w {
                self.inner[n][usize::from(b & 31)] |= 1 << (c & 31);
            }
        }
    }

    /// Whether a run of `n` letters starting with the bytes `first`, `second`, `third` (the
    /// latter two any bytes when the run is shorter) and ending with `last` may be a word or
    /// an anchor: the sieve. Anchors need no more than this; words need [`Shapes::is_candidate`].
    #[inline(always)]
    pub(super) fn may_be_candidate(
        &self,
        n: usize,
        [first, second, third]: [u8; 3],
        last: u8,
    ) -> bool {
        let row = self.rows[n.min(LONGEST + 1)][usize::from(first & 63)];
        (row >> (last & 31) | row >> (32 + pair(second, third))) & 1 != 0
    }

    /// Whether the run `w` of ASCII letters has the shape of a word (by its length, first,
    /// second, third and last letters) or starts with an anchor prefix.
    pub(super) fn is_candidate(&self, w: &[u8]) -> bool {
        let n = w.len();
        let word = match *w {
            [a, b, c, ..] => {
                let k = n.min(LONGEST + 1);
                self.rows[k][usize::from(a & 63)] >> (w[n - 1] & 31) & 1 != 0
                    && self.inner[k][usize::from(b & 31)] >> (c & 31) & 1 != 0
            }
            [a, ..] => self.rows[n][usize::from(a & 63)] >> (w[n - 1] & 31) & 1 != 0,
            [] => false,
        };
        word || (3..=9).contains(&n) && date::is_anchor_prefix(w[0], w[1], w[2])
    }
}

impl Shapes {
    /// The shapes of the start words `words` (lowercase; also with a capital first letter),
    /// the words `codes` as written (currency codes, the "U" of "U.S.$") and the date anchor
    /// prefixes.
    pub(super) fn of<'w>(words: &[&str], codes: impl IntoIterator<Item = &'w str>) -> Shapes {
        let mut t = Shapes {
            rows: [[0; 64]; LONGEST + 2],
            inner: [[0; 32]; LONGEST + 2],
        };
        for w in words {
            let mut w = w.as_bytes().to_vec();
            t.insert(&w);
            w[0] = w[0].to_ascii_uppercase();
            t.insert(&w);
        }
        for w in codes {
            t.insert(w.as_bytes());
        }
        // The prefixes are case-blind, and so is `pair`.
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                for c in (b'a'..=b'z').filter(|&c| date::is_anchor_prefix(a, b, c)) {
                    for row in &mut t.rows[3..=9] {
                        row[usize::from(a & 63)] |= 1 << (32 + pair(b, c));
                        row[usize::from(a.to_ascii_uppercase() & 63)] |= 1 << (32 + pair(b, c));
                    }
                }
            }
        }
        t
    }
}

/// The words written before a number that a value may start on, as written: the currency
/// codes and the "U" of "U.S.$".
pub(super) fn code_words() -> impl Iterator<Item = &'static str> {
    let codes = currency::CODES.iter().chain(currency::CODES_LOWER);
    codes.map(|&(w, _)| w).chain([currency::US_DOTTED_FIRST])
}

fn shapes() -> &'static Shapes {
    static SHAPES: LazyLock<Shapes> =
        LazyLock::new(|| Shapes::of(starts::start_words(), code_words()));
    &SHAPES
}

/// Whether the sentence `text[start..end]` may hold a value or a date.
pub fn may_hold_value(text: &str, start: usize, end: usize) -> bool {
    // Half the sentences that hold something hold a digit: a pass over their bytes alone
    // decides them without reading a word.
    has_digit_or_dollar(&text.as_bytes()[start..end]) || may_hold_word_value(text, start, end)
}

/// The bytes a pass of [`has_digit_or_dollar`] looks at together: a fixed block whose test
/// the compiler runs on all its bytes at once (in vector registers), with one branch a block.
const DIGIT_BLOCK: usize = 32;

/// Whether `b` holds an ASCII digit or a "$".
fn has_digit_or_dollar(b: &[u8]) -> bool {
    let block_has = |block: &[u8; DIGIT_BLOCK]| {
        block.iter().fold(0u8, |any, &c| {
            any | u8::from(c.is_ascii_digit() || c == b'$')
        }) != 0
    };
    let Some(last) = b.last_chunk::<DIGIT_BLOCK>() else {
        // Shorter than a block: a byte at a time.
        return b.iter().any(|&c| c.is_ascii_digit() || c == b'$');
    };
    // The blocks, and the last block's length of bytes (which overlaps the one before it
    // unless the length is a multiple of a block).
    let (blocks, _) = b.as_chunks::<DIGIT_BLOCK>();
    blocks.iter().any(block_has) || block_has(last)
}

/// The bytes the word scan classifies together, a bit each in a `u64`.
const BLOCK: usize = 64;

/// The high bit of each byte of a `u64`.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bits of the bytes of `x` (its other bits clear), gathered into its low byte: bit
/// `k` from byte `k`. The partial products of the multiplication fall on distinct bits, so
/// none carries into another.
#[inline(always)]
fn gather(x: u64) -> u64 {
    x.wrapping_mul(0x0002_0408_1020_4081) >> 56
}

/// A block of a sentence: its bytes from `at` ([`BLOCK`] of them and a few more past it, in
/// the text where it goes on that far, else copied into `tail` with zeros past its end), a bit
/// per ASCII letter among them (none past the sentence's `end`), and whether any of them is
/// beyond ASCII.
#[inline(always)]
fn letter_block<'a>(
    all: &'a [u8],
    at: usize,
    end: usize,
    tail: &'a mut [u8; BLOCK + 8],
) -> (&'a [u8; BLOCK + 8], u64, bool) {
    let bytes: &[u8; BLOCK + 8] = match all[at..].first_chunk() {
        Some(block) => block,
        None => {
            let rest = &all[at..];
            *tail = [0; BLOCK + 8];
            tail[..rest.len()].copy_from_slice(rest);
            tail
        }
    };
    let (mut letters, mut any) = (0, 0);
    for (k, w) in words_of(bytes) {
        letters |= gather(!non_letters(w) & HIGH) << (8 * k);
        any |= w;
    }
    let keep = u64::MAX >> (BLOCK - (end - at).min(BLOCK));
    // Bytes past `end` may be beyond ASCII: `any` may say so wrongly, never the other way.
    (bytes, letters & keep, any & HIGH != 0)
}

/// The first bytes of the characters beyond ASCII among the first `len` bytes of a block
/// (as [`letter_block`] gives them): the bytes from 0xc0 up.
#[inline(never)]
fn lead_bytes(bytes: &[u8; BLOCK + 8], len: usize) -> u64 {
    let mut leads = 0;
    for (k, w) in words_of(bytes) {
        leads |= gather(w & w << 1 & HIGH) << (8 * k);
    }
    leads & u64::MAX >> (BLOCK - len.min(BLOCK))
}

/// The first [`BLOCK`] bytes of a block as eight little-endian words, each with its number.
fn words_of(bytes: &[u8; BLOCK + 8]) -> impl Iterator<Item = (usize, u64)> + '_ {
    (bytes[..BLOCK].chunks_exact(8))
        .enumerate()
        .map(|(k, chunk)| {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            (k, u64::from_le_bytes(w))
        })
}

/// Whether a character beyond ASCII whose first byte is in `leads` (bits over the bytes from
/// `at`) is a currency sign or a vulgar fraction.
#[inline(never)]
fn has_value_sign(text: &str, at: usize, mut leads: u64) -> bool {
    let b = text.as_bytes();
    while leads != 0 {
        let p = at + leads.trailing_zeros() as usize;
        leads &= leads - 1;
        // General punctuation (U+2000 to U+203F: quotation marks, dashes, spaces) holds no
        // currency sign or fraction.
        if b[p] == 0xe2 && b.get(p + 1) == Some(&0x80) {
            continue;
        }
        if text[p..].chars().next().is_some_and(is_value_sign) {
            return true;
        }
    }
    false
}

/// Whether `c` may stand between "a" and its noun.
fn is_gap(c: char) -> bool {
    c.is_whitespace() || is_invisible(c) || matches!(c, '-' | '–' | '—')
}

/// After "a"/"an" ending at `e`: whether the next letter run of the sentence, with nothing
/// but gaps ([`is_gap`]) before it, may start a value after the article. Only that run is
/// read: one after it is the scan's again (an article there opens the next).
#[inline(never)]
fn after_article(text: &str, mut e: usize, end: usize) -> bool {
    let b = &text.as_bytes()[..end];
    while e < end {
        if b[e].is_ascii_alphabetic() {
            let n = ascii_letters(&b[e..]);
            // A run the exact test may accept alone has a candidate's shape (a test checks
            // it): any other may start a value here only as a word that follows "a".
            return if shapes().is_candidate(&b[e..e + n]) {
                word_may_start(text, e, e + n, true)
            } else {
                n <= MAX_WORD && starts::follows_a_any_case(&b[e..e + n])
            };
        }
        match text[e..].chars().next() {
            Some(c) if is_gap(c) => e += c.len_utf8(),
            _ => return false,
        }
    }
    false
}

/// [`may_hold_value`] for a sentence whose digits and "$" are already known absent: its
/// letter runs and the characters beyond ASCII decide. A block of bytes at a time: one pass
/// over its eight-byte words gives a bit per ASCII letter; then each run, found by its first
/// bit, costs one table load keyed on its length and first letter and two bit tests (the
/// sieve of [`Shapes`]). A run that reaches the end of the block is measured on and the next
/// block starts after it.
fn may_hold_word_value(text: &str, start: usize, end: usize) -> bool {
    let all = text.as_bytes();
    let shapes = shapes();
    let mut tail = [0u8; BLOCK + 8];
    let mut at = start;
    while at < end {
        let (bytes, letters, beyond_ascii) = letter_block(all, at, end, &mut tail);
        if beyond_ascii && has_value_sign(text, at, lead_bytes(bytes, end - at)) {
            return true;
        }
        let mut next = at + BLOCK;
        let mut runs = letters & !(letters << 1);
        while runs != 0 {
            let s = runs.trailing_zeros() as usize % BLOCK;
            runs &= runs - 1;
            let n = (!(letters >> s)).trailing_zeros() as usize;
            if s + n == BLOCK {
                // The last run of the block, which may go on past it.
                match last_run(text, shapes, at + s, end) {
                    Ok(()) => return true,
                    Err(e) => next = next.max(e),
                }
                break;
            }
            let head = [bytes[s], bytes[s + 1], bytes[s + 2]];
            if shapes.may_be_candidate(n, head, bytes[(s + n - 1) % BLOCK])
                && run_may_start(text, shapes, at + s, at + s + n, end)
            {
                return true;
            }
        }
        at = next;
    }
    false
}

/// The run of ASCII letters from `p` of the sentence ending at `end` (the last of a block,
/// measured here to its end): `Ok` when it may start a value, else `Err` with its end.
#[inline(never)]
fn last_run(text: &str, shapes: &Shapes, p: usize, end: usize) -> Result<(), usize> {
    let b = &text.as_bytes()[..end];
    let e = p + ascii_letters(&b[p..]);
    let w = load8(b, text.as_bytes(), p).to_le_bytes();
    if shapes.may_be_candidate(e - p, [w[0], w[1], w[2]], b[e - 1])
        && run_may_start(text, shapes, p, e, end)
    {
        Ok(())
    } else {
        Err(e)
    }
}

/// The exact tests behind the sieve for the run of ASCII letters `p..e` of the sentence ending
/// at `end`: an article opens the run after it ([`after_article`]).
#[inline(never)]
fn run_may_start(text: &str, shapes: &Shapes, p: usize, e: usize, end: usize) -> bool {
    let run = &text.as_bytes()[p..e];
    if is_a(run) {
        after_article(text, e, end)
    } else {
        shapes.is_candidate(run) && word_may_start(text, p, e, false)
    }
}

/// Letter runs longer than this are never read by the exact tests.
const MAX_WORD: usize = 24;

/// "a" or "an", in any case.
fn is_a(w: &[u8]) -> bool {
    starts::is_article_any_case(w)
}

/// Whether the grammar or the date scan may start at the ASCII letter run `s..e` (the exact
/// tests behind the bit tests of [`may_hold_value`]), `after_a` when it follows "a"/"an".
#[inline(never)]
fn word_may_start(text: &str, s: usize, e: usize, after_a: bool) -> bool {
    let w = &text.as_bytes()[s..e];
    let n = w.len();
    if n > MAX_WORD {
        return false;
    }
    let r = &text[s..e];
    if starts::may_be_currency_code(r) {
        return true;
    }
    if date::may_anchor(text, s, e) {
        return true;
    }
    // "a"/"an" starts a value only with the word after it ("a third"), as in `starts`: that
    // word is asked with `after_a`, so an article alone never makes a sentence live ("an
    // agreement" holds no value).
    let shape = starts::has_starter_shape(n, w[0] | 0x20, w[n - 1] | 0x20)
        && !starts::is_article_any_case(w);
    if !(after_a || shape) {
        return false;
    }
    (shape && starts::is_starter_any_case(w)) || (after_a && starts::follows_a_any_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::en::numbers;

    #[test]
    fn sentences_table() {
        let cases: &[(&str, bool)] = &[
            ("The talks went on late into the night.", false),
            ("Officials said they would meet again.", false),
            ("More than 4,500 officers were deployed.", true),
            ("It cost US$5 billion.", true),
            ("It cost €5.", true),
            ("About ½ of them left.", true),
            ("Three people died.", true),
            ("It was the second-largest investor.", true),
            ("They met on Thursday.", true),
            ("They met in October.", true),
            ("It happened last year.", true),
            ("This is the last word.", false),
            ("The visit took a day.", true),
            ("He paid a — million.", true),
            ("It is a good day.", false),
            ("Payments in USD rose.", true),
            ("The RMB fell.", true),
            ("Payments in usd rose.", true),
            ("He said it was a fine plan.", false),
            ("It took a\u{b}month.", true),
            ("It took a\u{a0}-\u{200b} month.", true),
            ("The Usd fell.", false),
            ("The US rose.", false),
            ("Rs fell.", true),
            ("", false),
        ];
        for (s, want) in cases {
            assert_eq!(may_hold_value(s, 0, s.len()), *want, "{s:?}");
        }
    }

    #[test]
    fn a_digit_or_dollar_is_found_in_any_block_and_in_the_rest() {
        let plain = "x".repeat(3 * DIGIT_BLOCK + 5);
        assert!(!has_digit_or_dollar(plain.as_bytes()));
        assert!(!has_digit_or_dollar(b""));
        // Letters, marks and bytes beyond ASCII are neither.
        assert!(!has_digit_or_dollar("a-b, c’d é/:@#%".as_bytes()));
        // Shorter than a block.
        assert!(
            has_digit_or_dollar(b"x7") && has_digit_or_dollar(b"$") && !has_digit_or_dollar(b"xy")
        );
        for at in [
            0,
            DIGIT_BLOCK - 1,
            DIGIT_BLOCK,
            2 * DIGIT_BLOCK + 7,
            plain.len() - 1,
        ] {
            for c in ["0", "9", "$"] {
                let mut t = plain.clone();
                t.replace_range(at..at + 1, c);
                assert!(has_digit_or_dollar(t.as_bytes()), "{c} at {at}");
            }
        }
    }

    /// The scan without its tables: the exact test on every letter run.
    fn reference(text: &str, start: usize, end: usize) -> bool {
        let b = text.as_bytes();
        if b[start..end]
            .iter()
            .any(|&c| c.is_ascii_digit() || c == b'$')
        {
            return true;
        }
        let mut after_a = false;
        let mut i = start;
        while i < end {
            let len = b[i..end]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            if len > 0 {
                if word_may_start(text, i, i + len, after_a) {
                    return true;
                }
                after_a = is_a(&b[i..i + len]);
                i += len;
                continue;
            }
            let ch = text[i..].chars().next().unwrap();
            if currency::symbol(ch).is_some() || numbers::vulgar_fraction(ch).is_some() {
                return true;
            }
            after_a &= ch.is_whitespace() || is_invisible(ch) || matches!(ch, '-' | '–' | '—');
            i += ch.len_utf8();
        }
        false
    }

    #[test]
    fn the_bit_tests_lose_no_word() {
        const PIECES: &[&str] = &[
            "a",
            "A",
            "an",
            "An",
            "AN",
            "aN",
            "the",
            "The",
            "THE",
            "He",
            "In",
            "It",
            "U",
            "S",
            "US",
            "USD",
            "Usd",
            "usd",
            "uSD",
            "Rs",
            "RS",
            "rs",
            "TRY",
            "try",
            "EUR",
            "eur",
            "May",
            "MAY",
            "may",
            "Oct",
            "October",
            "Octobers",
            "Thursday",
            "thu",
            "last",
            "Last",
            "this",
            "This",
            "next",
            "year",
            "month",
            "dozen",
            "Dozen",
            "third",
            "Thirds",
            "million",
            "lakh",
            "crore",
            "hundredths",
            "Hundredth",
            "largest",
            "Largest",
            "per",
            "percent",
            "one",
            "One",
            "ONE",
            "two",
            "twenty",
            "Twentieth",
            "second",
            "minute",
            "fortnight",
            "officials",
            "said",
            "internationalization",
            "www",
            "éOct",
            "Octé",
            "naïve",
            "’s",
            "'s",
            "-",
            "—",
            "–",
            "--",
            " ",
            "\n",
            "\t",
            "\u{b}",
            "\u{a0}",
            "\u{200b}",
            "\u{2003}",
            ",",
            ".",
            "(",
            "“",
            "”",
            "€",
            "£",
            "½",
            "⅞",
            "¢",
            "₿",
            "$",
            "7",
            "x",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        let mut texts: Vec<String> = Vec::new();
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..next() % 8 {
                t.push_str(PIECES[next() % PIECES.len()]);
                if next() % 3 != 0 {
                    t.push(' ');
                }
            }
            texts.push(t);
        }
        for p in ["corpus", "tests/fixtures/conflicts"] {
            texts.extend(crate::extract::texts_in(p));
        }
        let (mut live, mut dead) = (0, 0);
        for t in &texts {
            // The sentences, and ranges that end anywhere (inside a word too).
            let mut ranges = super::super::sentence::split(t);
            for _ in 0..4 {
                let (mut a, mut b) = (next() % (t.len() + 1), next() % (t.len() + 1));
                while !t.is_char_boundary(a) {
                    a -= 1;
                }
                while !t.is_char_boundary(b) {
                    b -= 1;
                }
                ranges.push((a.min(b), a.max(b)));
            }
            for (a, b) in ranges {
                let want = reference(t, a, b);
                assert_eq!(may_hold_value(t, a, b), want, "{:?}", &t[a..b]);
                if want {
                    live += 1;
                } else {
                    dead += 1;
                }
            }
        }
        assert!(live > 5000 && dead > 5000, "{live} live, {dead} dead");
    }

    #[test]
    fn gather_takes_each_high_bit_to_its_byte_index() {
        for k in 0..8 {
            assert_eq!(gather(0x80 << (8 * k)), 1 << k);
        }
        assert_eq!(gather(HIGH), 0xff);
        assert_eq!(gather(0), 0);
        assert_eq!(gather(0x8000_0080_0080_8000), 0b1001_0110);
    }

    #[test]
    fn runs_and_signs_across_blocks_are_read_as_every_byte_is() {
        // Each piece after fillers of every length, so that it falls on every place of a
        // block and across the end of one; and runs longer than a block.
        let pieces = [
            "Thursday",
            "one",
            "a month",
            "A — dozen",
            "an\u{a0}-\u{200b} month",
            "a",
            "a.",
            "usd",
            "€",
            "½",
            "’s",
            "naïve",
            "internationalization",
            &"x".repeat(70),
            &"y".repeat(130),
        ];
        let mut checked = 0;
        for piece in pieces {
            for fill in 0..(2 * BLOCK + 10) {
                for filler in ["x", " ", "é"] {
                    let mut t = filler.repeat(fill / filler.len().max(1) + 1);
                    t.push(' ');
                    t.push_str(piece);
                    t.push_str(" then it ended");
                    for (a, b) in [(0, t.len()), (0, t.len() - 14), (1, t.len())] {
                        if t.is_char_boundary(a) && t.is_char_boundary(b) {
                            assert_eq!(may_hold_value(&t, a, b), reference(&t, a, b), "{t:?}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 5000);
    }

    #[test]
    fn general_punctuation_holds_no_value() {
        for c in ('\u{2000}'..='\u{203f}').filter(|c| c.len_utf8() == 3) {
            assert!(!is_value_sign(c), "{c:?}");
            let mut t = String::from("The ");
            t.push(c);
            assert!(!may_hold_value(&t, 0, t.len()), "{c:?}");
        }
    }

    #[test]
    fn shapes_hold_every_word_the_exact_test_may_accept() {
        // Every start word and currency code, in the cases it may be written in.
        let mut words: Vec<String> = Vec::new();
        for w in starts::start_words() {
            words.push(w.to_string());
            words.push(w[..1].to_ascii_uppercase() + &w[1..]);
            words.push(w.to_ascii_uppercase());
        }
        let codes = currency::CODES.iter().chain(currency::CODES_LOWER);
        for &(w, _) in codes {
            words.push(w.to_string());
            words.push(w.to_ascii_lowercase());
            words.push(w.to_ascii_uppercase());
        }
        words.push("U".into());
        for w in &words {
            if word_may_start(w, 0, w.len(), false) {
                let b = w.as_bytes();
                // Past a short word, any byte.
                for after in [b' ', b'.', 0, 0xe2] {
                    let at = |k: usize| b.get(k).copied().unwrap_or(after);
                    let head = [b[0], at(1), at(2)];
                    assert!(
                        shapes().may_be_candidate(b.len(), head, b[b.len() - 1]),
                        "{w}"
                    );
                }
                assert!(shapes().is_candidate(b), "{w}");
            }
        }
    }

    #[test]
    fn starter_words_are_ascii_letters() {
        // `word_may_start` checks letter runs; a starter with other characters would slip by.
        for w in starts::start_words() {
            assert!(w.bytes().all(|c| c.is_ascii_lowercase()), "{w}");
        }
    }
}
