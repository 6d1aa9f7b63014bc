//! The tokenizer: one pass over the text into words, numbers and punctuation, each with its byte
//! range and whether white space precedes it; words of ASCII letters only are marked `plain`,
//! and the tokens the date scan must look at `date_stop`, so it steps over the rest unread
//! and needs no second look at a plain word's bytes. Numbers keep their written form's
//! facts (thousands separators, decimals, trailing zeros) for the rounding tolerance. Tokens
//! inside URLs, e-mail addresses and identifiers glued to letters ("a82755", "C5", "501(c)(3)")
//! are marked `inert` so the grammar never reads a value from them. Each word is looked up in
//! the lexicon once, here, where its bytes are at hand (`Tok::lex`: its word classes and roles
//! from `lang::en::measure`, its function- and number-word flags, and its case); the later
//! stages read that, not the word again. The marks (white space before, `plain`, `date_stop`,
//! `inert`) are bits of the same `Tok::lex`, so that a token is 40 bytes.
// TODO(issue 10, lead): remove once this file passes clippy::float_cmp (outer-rooms branch
// added the workspace lint; this file belongs to another branch).
#![allow(clippy::float_cmp)]

use crate::lang::en::calendar::is_anchor_prefix;
#[cfg(doc)]
use crate::lang::en::words;
use crate::lang::en::{currency, measure, numbers};
use crate::text::fold::pack16_in;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TokKind {
    /// Letters, with inner apostrophes ("Putin's").
    Word,
    /// Digits with optional thousands separators and decimals.
    Num(NumTok),
    /// Any other single character.
    Punct(char),
}

/// A number as written in digits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumTok {
    pub value: f64,
    /// Digits after the decimal point.
    pub decimals: u8,
    /// Zeros at the end of the integer part when there are no decimals ("4,500" → 2).
    pub trailing_zeros: u8,
    /// Thousands separators were used ("4,500").
    pub grouped: bool,
    /// Count of integer digits.
    pub int_digits: u16,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// What the lexicon knows of a word, looked up once here where its bytes are at hand,
    /// for every later stage to read: its word classes and roles ([`measure::word_bits`], the
    /// bits of [`LEX_WORD_BITS`]), [`LEX_CAPITAL`] and [`LEX_ACRONYM`], and its word-table
    /// flags ([`Tok::word_flags`]), and whether a value may start on it or it may follow "a"
    /// in one ([`Tok::is_start_word`], [`Tok::may_follow_a`], [`Tok::may_start_word`]); and, for every token, its marks
    /// from [`LEX_SPACE_BEFORE`]
    /// up. The marks live here, not in fields of their own, so that a token takes
    /// 40 bytes, not 48: the token buffer is the extractor's largest stream of writes.
    pub lex: u64,
}

/// The bits of [`Tok::lex`] that are the lexicon's word classes ([`measure::word_bits`]).
pub const LEX_WORD_BITS: u64 = (1 << 30) - 1;
/// A bit of [`Tok::lex`]: the word begins with a capital letter.
pub const LEX_CAPITAL: u64 = 1 << 30;
/// A bit of [`Tok::lex`]: a capitalized word of two letters or more, all capitals ("WHO",
/// "UN"): a name, never a function word.
pub const LEX_ACRONYM: u64 = 1 << 31;
/// A mark in [`Tok::lex`]: white space (or the start of text) comes right before this token.
pub const LEX_SPACE_BEFORE: u64 = 1 << 40;
/// A mark in [`Tok::lex`]: part of a URL, e-mail address, code or identifier: never a value.
pub const LEX_INERT: u64 = 1 << 41;
/// A mark in [`Tok::lex`]: a word of ASCII letters only (no apostrophe or other letter): the
/// date scan decides it from its first three bytes.
pub const LEX_PLAIN: u64 = 1 << 42;
/// A mark in [`Tok::lex`]: the date scan, reading this token from its start, stops at it: a
/// word of three letters or more but no plain one that cannot be an anchor
/// ([`is_anchor_prefix`], three to nine letters), a number, a `:` or an `@`. Every other token
/// it steps over.
pub const LEX_DATE_STOP: u64 = 1 << 43;
/// A mark in [`Tok::lex`]: a number, a "$", a currency sign or vulgar fraction, or a word of at
/// most [`currency::LONGEST_PREFIX`] bytes right before a "$" (a dollar prefix, "US$5"): with
/// the lexicon's start bits, the tokens the start scan asks more of ([`Tok::may_start_value`]).
pub const LEX_MAY_START: u64 = 1 << 47;
const _: () = assert!(
    (measure::WORD_FLAGS_SHIFT + 8) as u64 <= 40,
    "the word-table flags end below the marks"
);
const _: () = assert!(std::mem::size_of::<Tok>() == 40);

/// The marks of a token, as bits of [`Tok::lex`].
const fn marks(space_before: bool, inert: bool, plain: bool, date_stop: bool) -> u64 {
    (if space_before { LEX_SPACE_BEFORE } else { 0 })
        | (if inert { LEX_INERT } else { 0 })
        | (if plain { LEX_PLAIN } else { 0 })
        | (if date_stop { LEX_DATE_STOP } else { 0 })
}

const _: () = assert!(
    measure::WORD_BITS_USED as u64 & !LEX_WORD_BITS == 0 && measure::WORD_FLAGS_SHIFT >= 32
);
const _: () = assert!(
    (measure::STARTER_BIT | measure::FOLLOWS_A_BIT | measure::SHORT_START_BIT)
        & (LEX_WORD_BITS
            | LEX_CAPITAL
            | LEX_ACRONYM
            | 0xff << measure::WORD_FLAGS_SHIFT
            | LEX_SPACE_BEFORE
            | LEX_INERT
            | LEX_PLAIN
            | LEX_DATE_STOP
            | LEX_MAY_START)
        == 0,
    "the lexicon's start bits are clear of every other bit of a token"
);

impl Tok {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word)
    }
    pub fn num(&self) -> Option<NumTok> {
        match self.kind {
            TokKind::Num(n) => Some(n),
            _ => None,
        }
    }
    pub fn punct(&self) -> Option<char> {
        match self.kind {
            TokKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// The word-table flags of a word ([`words::STOPWORD`], [`words::NUMBER_WORD`]), as the
    /// lexicon gave them ([`Tok::lex`]); 0 for any other token.
    #[inline]
    pub fn word_flags(&self) -> u8 {
        (self.lex >> measure::WORD_FLAGS_SHIFT) as u8
    }
    /// A word a value may start on, in any case ([`measure::STARTER_BIT`], the lexicon's).
    #[inline]
    pub fn is_start_word(&self) -> bool {
        self.lex & measure::STARTER_BIT != 0
    }
    /// A word that may follow "a"/"an" in a value, in any case ([`measure::FOLLOWS_A_BIT`]).
    #[inline]
    pub fn may_follow_a(&self) -> bool {
        self.lex & measure::FOLLOWS_A_BIT != 0
    }
    /// A word a value may start on ([`Tok::is_start_word`]) or a short word the start scan
    /// reads as written, in some case ([`measure::SHORT_START_BIT`]: a currency code, an
    /// article).
    #[inline]
    pub fn may_start_word(&self) -> bool {
        self.lex & (measure::STARTER_BIT | measure::SHORT_START_BIT) != 0
    }
    /// A value may start on this token as far as the tokenizer can tell: a number, a sign
    /// ([`LEX_MAY_START`]), or a word with one of the lexicon's start bits
    /// ([`Tok::may_start_word`]). The start scan asks nothing more of any other token.
    #[inline]
    pub fn may_start_value(&self) -> bool {
        self.lex & (LEX_MAY_START | measure::STARTER_BIT | measure::SHORT_START_BIT) != 0
    }
    /// White space (or the start of text) comes right before this token ([`LEX_SPACE_BEFORE`]).
    #[inline]
    pub fn space_before(&self) -> bool {
        self.lex & LEX_SPACE_BEFORE != 0
    }
    /// Never a value ([`LEX_INERT`]).
    #[inline]
    pub fn inert(&self) -> bool {
        self.lex & LEX_INERT != 0
    }
    /// A word of ASCII letters only ([`LEX_PLAIN`]).
    #[inline]
    pub fn plain(&self) -> bool {
        self.lex & LEX_PLAIN != 0
    }
    /// The date scan stops at this token ([`LEX_DATE_STOP`]).
    #[inline]
    pub fn date_stop(&self) -> bool {
        self.lex & LEX_DATE_STOP != 0
    }
}

fn is_word_char(c: char) -> bool {
    // General punctuation (U+2000 to U+203F: dashes, quotation marks, spaces) holds no letter
    // (a test checks): the common ones are spared the look-up in Unicode's tables.
    !('\u{2000}'..='\u{203f}').contains(&c) && c.is_alphabetic()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Characters that are invisible inside numbers and words (zero-width space and joiners,
/// direction marks, soft hyphen): skipped like white space but without breaking adjacency.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Tokenize `text` in one pass.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, 0, text.len(), &mut toks);
    toks
}

/// Append the tokens of `text[start..end]` to `toks`, with offsets into `text`. The range
/// should begin and end at white space or the ends of the text (a sentence does): tokens,
/// identifiers and URLs never cross white space, so the tokens are those `tokenize(text)`
/// gives for that range.
pub fn tokenize_into(text: &str, start: usize, end: usize, toks: &mut Vec<Tok>) {
    let first = toks.len();
    // Only chains of tokens with a number in them can be inert: marks are looked for from
    // the chain of the first number on, and not at all without one.
    if let Some(k) = push_tokens(text, start, end, toks) {
        let mut chain = first + k;
        while chain > first && !toks[chain].space_before() {
            chain -= 1;
        }
        mark_inert(text, &mut toks[chain..]);
    }
}

/// Byte classes of the tokenizer: ASCII is decided by one look-up.
const SPACE: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const PUNCT: u8 = 3;
const NON_ASCII: u8 = 4;

const CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut c = 0;
    while c < 0x80 {
        let b = c as u8;
        // The vertical tab is white space to `char::is_whitespace` too.
        t[c] = if b.is_ascii_whitespace() || b == 0x0b {
            SPACE
        } else if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii_digit() {
            DIGIT
        } else {
            PUNCT
        };
        c += 1;
    }
    t
};

/// The tokens of `text[start..end]` (offsets into `text`), without the inert marks; the index
/// (among the new tokens) of the first number, if any.
fn push_tokens(full: &str, start: usize, end: usize, toks: &mut Vec<Tok>) -> Option<usize> {
    let all = full.as_bytes();
    // The text up to the end of the range: nothing is read past it.
    let text = &full[..end];
    let bytes = text.as_bytes();
    let first = toks.len();
    let mut first_number = None;
    let mut i = start;
    let mut space = true;
    while i < end {
        let b = bytes[i];
        // Most tokens are words: their test comes first, on its own (a branch the predictor
        // learns), not as one target of the jump on the byte's class.
        if b.is_ascii_alphabetic() {
            // A run of ASCII letters, its first eight bytes read at once, is most of a
            // word; an apostrophe or another letter after it goes on the slow way.
            let w = load8(bytes, all, i);
            let stop = non_letters(w);
            let (mut e, mut next) = if stop != 0 {
                let stop_bit = stop.trailing_zeros();
                (i + (stop_bit / 8) as usize, (w >> (stop_bit - 7)) as u8)
            } else {
                let e = i + 8 + ascii_letters(&bytes[i + 8..]);
                (e, bytes.get(e).copied().unwrap_or(0))
            };
            let run_end = e;
            if next >= 0x80 || next == b'\'' {
                e = scan_word(text, e);
                next = bytes.get(e).copied().unwrap_or(0);
            }
            toks.push(Tok {
                start: i,
                end: e,
                kind: TokKind::Word,
                lex: marks(
                    space,
                    false,
                    e == run_end,
                    e - i >= 3
                        && (e != run_end
                            || e - i <= 9
                                && is_anchor_prefix(w as u8, (w >> 8) as u8, (w >> 16) as u8)),
                ) | if e == run_end {
                    letters_lex(all, i, e, w)
                } else {
                    word_lex(text, i, e)
                },
            });
            // The space after a word is stepped over here.
            space = next == b' ';
            i = e + usize::from(space);
            continue;
        }
        match CLASS[usize::from(b)] {
            SPACE => {
                space = true;
                i += 1;
                continue;
            }
            DIGIT => {
                first_number.get_or_insert(toks.len() - first);
                i = push_number(bytes, i, space, toks);
                space = false;
                continue;
            }
            PUNCT => {
                let mut lex = marks(space, false, false, matches!(b, b':' | b'@'));
                if b == b'$' {
                    mark_dollar_prefix(&mut toks[first..]);
                    lex |= LEX_MAY_START;
                }
                toks.push(Tok {
                    start: i,
                    end: i + 1,
                    kind: TokKind::Punct(char::from(b)),
                    lex,
                });
                // As after a word, the space after a mark (", ", ". ") is stepped over here.
                space = bytes.get(i + 1) == Some(&b' ');
                i += 1 + usize::from(space);
                continue;
            }
            _ => {}
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if is_word_char(c) {
            let e = scan_word(text, i);
            toks.push(Tok {
                start: i,
                end: e,
                kind: TokKind::Word,
                lex: marks(space, false, false, e - i >= 3) | word_lex(text, i, e),
            });
            space = false;
            i = e;
            continue;
        }
        let len = c.len_utf8();
        if c.is_whitespace() {
            space = true;
            i += len;
            continue;
        }
        if is_invisible(c) {
            i += len;
            continue;
        }
        toks.push(Tok {
            start: i,
            end: i + len,
            kind: TokKind::Punct(c),
            lex: marks(space, false, false, false) | sign_start(c),
        });
        space = false;
        i += len;
    }
    first_number
}

/// A character beyond ASCII a value may start on: a currency sign or a vulgar fraction.
pub fn is_value_sign(c: char) -> bool {
    currency::symbol(c).is_some() || numbers::vulgar_fraction(c).is_some()
}

/// [`LEX_MAY_START`] for a character beyond ASCII ([`is_value_sign`]).
fn sign_start(c: char) -> u64 {
    if is_value_sign(c) { LEX_MAY_START } else { 0 }
}

/// Before a "$": marks the last of `toks` (the tokens of the range so far) when it is a word
/// short enough to be a dollar prefix ("US$5", "hk $ 3").
fn mark_dollar_prefix(toks: &mut [Tok]) {
    if let Some(t) = toks.last_mut()
        && t.is_word()
        && t.end - t.start <= currency::LONGEST_PREFIX
    {
        t.lex |= LEX_MAY_START;
    }
}

/// [`Tok::lex`] of the run of ASCII letters `text[s..e]`, whose first eight bytes `w` holds
/// (the first lowest): a run of at most sixteen letters is read lowercase in place, not
/// copied.
#[inline(always)]
fn letters_lex(text: &[u8], s: usize, e: usize, w: u64) -> u64 {
    // Every byte is a letter: setting its bit 5 lowercases it.
    let n = e - s;
    let bits = if n <= 8 {
        measure::lexicon_bits_short((w | LOWER_BITS as u64) & u64::MAX >> (64 - 8 * n), n)
    } else {
        pack16_in(text, s, e).map_or(0, |p| {
            measure::lexicon_bits_packed(p | LOWER_BITS >> (8 * (16 - n)), n)
        })
    };
    bits | letters_case(text, s, e)
}

/// Bit 5 of every byte of a packed word.
const LOWER_BITS: u128 = 0x2020_2020_2020_2020_2020_2020_2020_2020;

/// [`Tok::lex`] of the word `text[s..e]` (any word: apostrophes, letters beyond ASCII).
fn word_lex(text: &str, s: usize, e: usize) -> u64 {
    measure::lexicon_bits_any_case(&text.as_bytes()[s..e]) | word_case(text, s, e)
}

/// [`word_case`] of a run of ASCII letters: its first byte, and for a capital its second.
#[inline(always)]
fn letters_case(text: &[u8], s: usize, e: usize) -> u64 {
    if !text[s].is_ascii_uppercase() {
        0
    } else if e - s >= 2
        && text[s + 1].is_ascii_uppercase()
        && text[s..e].iter().all(u8::is_ascii_uppercase)
    {
        LEX_CAPITAL | LEX_ACRONYM
    } else {
        LEX_CAPITAL
    }
}

/// [`LEX_CAPITAL`] and [`LEX_ACRONYM`] of the word `text[s..e]`: most words are told by their
/// first byte, most capitalized ones by their second.
#[inline(always)]
fn word_case(text: &str, s: usize, e: usize) -> u64 {
    let raw = &text.as_bytes()[s..e];
    let capital = match raw[0] {
        b if b.is_ascii() => b.is_ascii_uppercase(),
        _ => starts_uppercase(&text[s..e]),
    };
    if !capital {
        0
    } else if raw.len() >= 2 && !raw[1].is_ascii_lowercase() && is_acronym(&text[s..e]) {
        LEX_CAPITAL | LEX_ACRONYM
    } else {
        LEX_CAPITAL
    }
}

/// Whether the non-ASCII word `w` begins with an uppercase letter.
#[cold]
#[inline(never)]
fn starts_uppercase(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A word with no lowercase letter and two ASCII letters or more ("WHO", "UN").
fn is_acronym(raw: &str) -> bool {
    let lower = if raw.is_ascii() {
        raw.bytes().any(|c| c.is_ascii_lowercase())
    } else {
        raw.chars().any(char::is_lowercase)
    };
    !lower && raw.bytes().filter(u8::is_ascii_alphabetic).count() >= 2
}

/// Push the number written from byte `i` of `bytes`; where it ends.
fn push_number(bytes: &[u8], i: usize, space: bool, toks: &mut Vec<Tok>) -> usize {
    let (end, parts) = scan_number(bytes, i);
    match parts {
        NumScan::One(n) => toks.push(Tok {
            start: i,
            end,
            kind: TokKind::Num(n),
            lex: marks(space, false, false, true) | LEX_MAY_START,
        }),
        NumScan::Dotted => {
            // "192.168.1.2", "version 1.2.3", "section 4.2.1": an address, version or section
            // number, not a quantity. Each part is its own integer token, marked inert so that
            // none is read as a value.
            let mut k = i;
            let mut first = true;
            while k < end {
                let mut e = k;
                while e < end && bytes[e].is_ascii_digit() {
                    e += 1;
                }
                toks.push(Tok {
                    start: k,
                    end: e,
                    kind: TokKind::Num(digits_tok(&bytes[k..e])),
                    lex: marks(space && first, true, false, true) | LEX_MAY_START,
                });
                first = false;
                if e < end {
                    toks.push(Tok {
                        start: e,
                        end: e + 1,
                        kind: TokKind::Punct('.'),
                        lex: marks(false, false, false, false),
                    });
                }
                k = e + 1;
            }
        }
    }
    end
}

/// End of the word starting at (or going on from) `i`: letters, with apostrophes inside
/// ("Putin's"). ASCII runs are measured eight bytes at a time; other characters one `char` at
/// a time.
fn scan_word(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = i;
    loop {
        end += ascii_letters(&bytes[end..]);
        // Most words end at an ASCII byte other than an apostrophe: no decoding needed.
        match bytes.get(end) {
            None => break,
            Some(&b) if b < 0x80 && b != b'\'' => break,
            _ => {}
        }
        let rest = &text[end..];
        let Some(n) = rest.chars().next() else { break };
        // An apostrophe is no letter: asked first, it spares the look-up in Unicode's tables.
        if is_apostrophe(n) {
            let after = rest[n.len_utf8()..].chars().next();
            if after.is_some_and(is_word_char) {
                end += n.len_utf8();
            } else {
                break;
            }
        } else if is_word_char(n) {
            end += n.len_utf8();
        } else {
            break;
        }
    }
    end
}

const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` that is not an ASCII letter: a byte is a letter when, with
/// bit 5 set (lowercase), it lies in `a..=z`; bytes at or above 0x80 never are.
#[inline(always)]
pub fn non_letters(w: u64) -> u64 {
    // Clearing bit 7 first keeps every byte below 0x80, so the additions never carry into the
    // next byte.
    let x = (w & !HIGH) | 0x2020_2020_2020_2020;
    let at_least_a = x.wrapping_add(0x1f1f_1f1f_1f1f_1f1f);
    let past_z = x.wrapping_add(0x0505_0505_0505_0505);
    !(at_least_a & !past_z & !w) & HIGH
}

/// The eight bytes of `bytes` from `i` (`i < bytes.len()`), the first in the low byte, zeros
/// past its end. `bytes` is a start of `text` (a sentence's end cuts it), from which the last
/// bytes are read in one load where the text goes on.
#[inline(always)]
pub fn load8(bytes: &[u8], text: &[u8], i: usize) -> u64 {
    match bytes.get(i..i + 8) {
        Some(chunk) => {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            u64::from_le_bytes(w)
        }
        None => load_partial(bytes.len(), text, i),
    }
}

/// [`load8`] within eight bytes of `end`.
#[inline(never)]
fn load_partial(end: usize, text: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    match text.get(i..i + 8) {
        Some(chunk) => w.copy_from_slice(chunk),
        None => {
            let rest = &text[i.min(text.len())..];
            w[..rest.len()].copy_from_slice(rest);
        }
    }
    u64::from_le_bytes(w) & (u64::MAX >> (8 * (i + 8 - end)))
}

/// Length of the run of ASCII letters that starts `b`, eight bytes at a time.
#[inline(always)]
pub fn ascii_letters(b: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = b.get(n..n + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let stop = non_letters(u64::from_le_bytes(w));
        if stop != 0 {
            return n + (stop.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + b[n..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count()
}

enum NumScan {
    One(NumTok),
    Dotted,
}

/// The end of the run of invisible marks (see [`is_invisible`]) that starts at `j`, if any.
fn invisible_run(bytes: &[u8], mut j: usize) -> Option<usize> {
    let start = j;
    while let Some(&b) = bytes.get(j) {
        if b < 0x80 {
            break;
        }
        let len = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let c = bytes
            .get(j..j + len)
            .and_then(|s| std::str::from_utf8(s).ok())
            .and_then(|s| s.chars().next());
        if !c.is_some_and(is_invisible) {
            break;
        }
        j += len;
    }
    (j > start).then_some(j)
}

/// Digits summed as an integer before the float takes over: below 10^15 < 2^53 the float sum
/// is exact too, so both give the same value.
const EXACT_DIGITS: usize = 15;

/// A whole number from its digit bytes (thousands separators skipped), without allocating.
fn digits_tok(raw: &[u8]) -> NumTok {
    // The first digits are summed as an integer (a shorter dependency chain per digit than a
    // float multiply-add); the rest, as a float.
    let mut whole = 0u64;
    let mut value = 0.0f64;
    let mut count = 0usize;
    let mut zeros = 0usize;
    for &b in raw.iter().filter(|b| b.is_ascii_digit()) {
        let d = b - b'0';
        if count < EXACT_DIGITS {
            whole = whole * 10 + u64::from(d);
        } else if count < 40 {
            // Past 40 digits only the magnitude grows (the value is no quantity anyone writes):
            // a multiply-add per digit would make a megabyte of digits slow.
            if count == EXACT_DIGITS {
                value = whole as f64;
            }
            value = value * 10.0 + f64::from(d);
        }
        count += 1;
        zeros = if d == 0 { zeros + 1 } else { 0 };
    }
    if count <= EXACT_DIGITS {
        value = whole as f64;
    }
    if count > 40 {
        value *= 10f64.powi(i32::try_from(count - 40).unwrap_or(i32::MAX));
    }
    if (16..=40).contains(&count) {
        // Past 15 digits the running sum rounds at each step: parse the digits once instead,
        // for the nearest f64 ("100000000000000001" is 1e17, not 1.0000000000000002e17).
        // Longer runs are no quantity anyone writes; parsing them would only cost time.
        let digits: String = raw
            .iter()
            .filter(|b| b.is_ascii_digit())
            .map(|&b| char::from(b))
            .collect();
        value = digits.parse().unwrap_or(value);
    }
    NumTok {
        value,
        decimals: 0,
        trailing_zeros: if value == 0.0 {
            0
        } else {
            zeros.min(255) as u8
        },
        grouped: false,
        int_digits: count.min(u16::MAX as usize) as u16,
    }
}

/// A decimal comma at `j`, as much of the world writes a share: one or two digits after it,
/// then a percent sign ("50,23%", "49,76 %"); or two digits after it, the first a zero, and no
/// other group after them ("5,00", "3,05"): no thousands group nor list item is written so.
/// Elsewhere a comma before one or two digits is a list ("articles 1,2", "12,13"), never read
/// as a decimal.
fn decimal_comma(bytes: &[u8], j: usize) -> bool {
    if bytes.get(j) != Some(&b',') {
        return false;
    }
    let digits = bytes[j + 1..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let k = j + 1 + digits;
    let percent = match bytes.get(k) {
        Some(b'%') => true,
        Some(b' ') => bytes.get(k + 1) == Some(&b'%'),
        _ => false,
    };
    let zero_led = digits == 2
        && bytes[j + 1] == b'0'
        && !(matches!(bytes.get(k), Some(b',' | b'.'))
            && bytes.get(k + 1).is_some_and(u8::is_ascii_digit));
    (1..=2).contains(&digits) && (percent || zero_led)
}

/// Scan digits, `,ddd` groups and one `.d+` decimal part starting at `i`. A run with two or more
/// dots between digits ("192.168.1.2") is reported as `Dotted`.
fn scan_number(bytes: &[u8], i: usize) -> (usize, NumScan) {
    let mut j = i;
    loop {
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        // Invisible marks between two digits ("4\u{200B}500") render as nothing: the reader
        // sees 4500, so the digits go on.
        match invisible_run(bytes, j) {
            Some(k) if k > j && bytes.get(k).is_some_and(u8::is_ascii_digit) => j = k,
            _ => break,
        }
    }
    let mut grouped = false;
    // "12,34,567": consistent Indian grouping.
    if let Some(e) = crate::text::digits::indian_grouping(bytes, i, j) {
        grouped = true;
        j = e;
    }
    // "1.111,11": consistent European grouping, with a decimal comma.
    let european = if grouped || bytes.get(j) != Some(&b'.') {
        None
    } else {
        crate::text::digits::european_grouping(bytes, i, j)
    };
    if let Some(e) = european {
        grouped = true;
        j = e;
    }
    // Thousands groups: exactly three digits after each comma, not followed by another digit.
    while j + 4 <= bytes.len()
        && bytes[j] == b','
        && bytes[j + 1..j + 4].iter().all(u8::is_ascii_digit)
        && !(j + 4 < bytes.len() && bytes[j + 4].is_ascii_digit())
    {
        grouped = true;
        j += 4;
    }
    let int_end = j;
    let mut decimals = 0usize;
    let decimal_mark =
        european.is_some() || bytes.get(j) == Some(&b'.') || (!grouped && decimal_comma(bytes, j));
    if j + 1 < bytes.len() && decimal_mark && bytes[j + 1].is_ascii_digit() {
        let mut k = j + 1;
        while k < bytes.len() && bytes[k].is_ascii_digit() {
            k += 1;
        }
        // Another ".digit" after the decimals: a dotted sequence (IP address, version).
        if !grouped && k + 1 < bytes.len() && bytes[k] == b'.' && bytes[k + 1].is_ascii_digit() {
            let mut e = k;
            while e + 1 < bytes.len() && bytes[e] == b'.' && bytes[e + 1].is_ascii_digit() {
                e += 1;
                while e < bytes.len() && bytes[e].is_ascii_digit() {
                    e += 1;
                }
            }
            return (e, NumScan::Dotted);
        }
        decimals = k - j - 1;
        j = k;
    }
    // The number's parts are kept apart and the token built once at the end: fields written
    // one by one into a struct and then copied whole stall the copy (the store of each part
    // must land before the wider load that reads them together).
    let whole = digits_tok(&bytes[i..int_end]);
    let int_digits = whole.int_digits;
    let (mut value, mut decimals_out, mut trailing_zeros) =
        (whole.value, 0u8, whole.trailing_zeros);
    if decimals > 0 {
        // Whole digits and decimals parsed together so that 3.15 is the nearest f64 to 3.15.
        let mut buf = [0u8; 40];
        let frac = &bytes[int_end + 1..j];
        let ints = bytes[i..int_end].iter().filter(|b| b.is_ascii_digit());
        let len = int_digits as usize + 1 + frac.len();
        if len <= buf.len() {
            for (d, s) in buf
                .iter_mut()
                .zip(ints.chain(std::iter::once(&b'.')).chain(frac))
            {
                *d = *s;
            }
            if let Some(v) = std::str::from_utf8(&buf[..len])
                .ok()
                .and_then(|t| t.parse().ok())
            {
                value = v;
            }
        } else {
            value += frac
                .iter()
                .rev()
                .fold(0.0, |acc, d| (acc + f64::from(d - b'0')) / 10.0);
        }
        decimals_out = decimals.min(255) as u8;
        trailing_zeros = 0;
    }
    // "1e10", "12.32e+14", "1.1^23", "1.3x10^6": an exponent, read as written (exact).
    if let Some((e, v)) = crate::text::digits::power_suffix(bytes, j, value) {
        (j, value, decimals_out, trailing_zeros) = (e, v, 0, 0);
    }
    let n = NumTok {
        value,
        decimals: decimals_out,
        trailing_zeros,
        grouped,
        int_digits,
    };
    (j, NumScan::One(n))
}

/// Mark tokens that belong to URLs, e-mail addresses, identifiers and legal codes.
fn mark_inert(text: &str, toks: &mut [Tok]) {
    let mut from = 0;
    // Only chains with a number in them are looked at: each is found from its first number,
    // which spares a walk over every chain of words (a branch per token that no predictor
    // learns).
    while let Some(p) = toks[from..].iter().position(|t| t.num().is_some()) {
        // A chain: tokens with no white space between them.
        let mut i = from + p;
        while i > from && !toks[i].space_before() {
            i -= 1;
        }
        let mut j = from + p + 1;
        while j < toks.len() && !toks[j].space_before() {
            j += 1;
        }
        let chain = &text[toks[i].start..toks[j - 1].end];
        // "1,3": commas between digits that are not thousands groups: not a number as written,
        // unless whole numbers make a list ("22,24,26,31", read as "22, 24, 26, 31" is).
        let malformed = toks[i..j]
            .windows(3)
            .any(|w| w[0].num().is_some() && w[1].punct() == Some(',') && w[2].num().is_some())
            && !comma_list(&toks[i..j]);
        // Each address pattern below holds a '.' or a '/': most chains (a number, a number and
        // a comma) hold neither and are told in one pass over their bytes.
        let marked = chain.bytes().any(|c| c == b'.' || c == b'/');
        let urlish = malformed
            || marked
                && (chain.contains("://")
                    || chain.contains("www.")
                    || (chain.contains('@') && chain.contains('.'))
                    || chain.contains(".com")
                    || chain.contains(".org")
                    || chain.contains(".ru/")
                    || chain.matches('/').count() >= 2);
        if urlish {
            for t in &mut toks[i..j] {
                t.lex |= LEX_INERT;
            }
        } else {
            for k in i..j {
                let Some(_) = toks[k].num() else { continue };
                // Letters glued before the digits: an identifier ("C5", "a82755", "G20").
                let glued_word = k > i
                    && toks[k - 1].is_word()
                    && !(k == i + 1 && glued_currency_code(text, &toks[i]))
                    && !(k == i + 2 && glued_dollar_country(text, &toks[i], &toks[i + 1]));
                // Digits followed by "(": a legal code ("501(c)(3)"); "+" between digits: "C5+1".
                let code = (k + 1 < j && toks[k + 1].punct() == Some('('))
                    || (k > i && toks[k - 1].punct() == Some(')'))
                    || (k > i && toks[k - 1].punct() == Some('+') && k >= i + 2);
                // Colon-joined digits: clock times and ratios ("10:30", "3:1").
                let clock = (k + 2 <= j.saturating_sub(1) && toks[k + 1].punct() == Some(':'))
                    || (k > i + 1
                        && toks[k - 1].punct() == Some(':')
                        && toks[k - 2].num().is_some());
                if glued_word || code || clock {
                    for t in &mut toks[i..j] {
                        if t.num().is_some() {
                            t.lex |= LEX_INERT;
                        }
                    }
                    break;
                }
            }
        }
        from = j;
    }
}

/// Whether a chain of glued tokens is a list of whole numbers joined by commas,
/// [`LEAST_LIST_NUMBERS`] to [`MOST_LIST_NUMBERS`] of them, with punctuation around it at most ("22,24,26,31."): no
/// European decimal has two commas, so each number is its own.
fn comma_list(chain: &[Tok]) -> bool {
    let first = chain.iter().position(|t| t.num().is_some()).unwrap_or(0);
    let last = chain.iter().rposition(|t| t.num().is_some()).unwrap_or(0);
    let whole = |t: &Tok| t.num().is_some_and(|n| n.decimals == 0 && !n.grouped);
    chain[..first].iter().all(|t| t.punct().is_some())
        && chain[last + 1..].iter().all(|t| t.punct().is_some())
        && (LEAST_LIST_NUMBERS..=MOST_LIST_NUMBERS).contains(&((last - first) / 2 + 1))
        && chain[first..=last].iter().enumerate().all(|(k, t)| {
            if k % 2 == 0 {
                whole(t)
            } else {
                t.punct() == Some(',')
            }
        })
}

/// A chain of numbers joined by commas is a list from this many numbers on ("1,3" may be a
/// decimal written the European way) up to this many (a longer glued run is data or noise,
/// not prose).
const LEAST_LIST_NUMBERS: usize = 3;
const MOST_LIST_NUMBERS: usize = 12;

/// An ISO currency code glued before digits ("USD115", "EUR50"): money, not an identifier.
fn glued_currency_code(text: &str, t: &Tok) -> bool {
    crate::lang::en::currency::code(&text[t.start..t.end]).is_some()
}

/// A dollar sign with its country glued after it, before digits ("$US55,931,000", "$A82"):
/// money, not an identifier.
fn glued_dollar_country(text: &str, sign: &Tok, country: &Tok) -> bool {
    use crate::lang::en::currency;
    sign.punct() == Some('$')
        && currency::dollar_prefix(&text[country.start..country.end]).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(text: &str) -> Vec<(String, f64, bool)> {
        tokenize(text)
            .into_iter()
            .filter_map(|t| {
                t.num()
                    .map(|n| (text[t.start..t.end].to_string(), n.value, t.inert()))
            })
            .collect()
    }

    /// The tokenizer without its fast paths: one character at a time, every chain looked at
    /// for inert marks.
    fn reference(text: &str) -> Vec<Tok> {
        let b = text.as_bytes();
        let mut toks = Vec::new();
        let (mut i, mut space) = (0, true);
        while i < b.len() {
            if b[i].is_ascii_digit() {
                i = push_number(b, i, space, &mut toks);
                space = false;
                continue;
            }
            let c = text[i..].chars().next().unwrap();
            let len = c.len_utf8();
            if is_word_char(c) {
                let e = scan_word(text, i);
                toks.push(Tok {
                    start: i,
                    end: e,
                    kind: TokKind::Word,
                    lex: marks(
                        space,
                        false,
                        b[i..e].iter().all(u8::is_ascii_alphabetic),
                        e - i >= 3
                            && (!b[i..e].iter().all(u8::is_ascii_alphabetic)
                                || e - i <= 9 && is_anchor_prefix(b[i], b[i + 1], b[i + 2])),
                    ) | measure::lexicon_bits_any_case(&b[i..e])
                        | word_case(text, i, e),
                });
                (i, space) = (e, false);
            } else if c.is_whitespace() {
                (i, space) = (i + len, true);
            } else if is_invisible(c) {
                i += len;
            } else {
                toks.push(Tok {
                    start: i,
                    end: i + len,
                    kind: TokKind::Punct(c),
                    lex: marks(space, false, false, matches!(c, ':' | '@')),
                });
                (i, space) = (i + len, false);
            }
        }
        // The start marks, from the finished tokens: signs, and short words before a "$".
        for k in 0..toks.len() {
            let sign = toks[k].punct().is_some_and(|c| {
                c == '$' || currency::symbol(c).is_some() || numbers::vulgar_fraction(c).is_some()
            });
            let prefix = toks[k].is_word()
                && toks[k].end - toks[k].start <= currency::LONGEST_PREFIX
                && toks.get(k + 1).is_some_and(|u| u.punct() == Some('$'));
            if sign || prefix {
                toks[k].lex |= LEX_MAY_START;
            }
        }
        mark_inert(text, &mut toks);
        toks
    }

    #[test]
    fn words_end_where_letters_and_inner_apostrophes_do() {
        assert!((0x2000..=0x203f).all(|c| !char::from_u32(c).is_some_and(char::is_alphabetic)));
        let pieces = [
            "ab", "É", "é", "'", "’", "‘", "”", "—", "–", "…", "\u{2071}", "\u{200b}", "x", " ",
            ".", "Ж", "'s", "’s",
        ];
        let mut state = 99u64;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..6 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                t.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            for (i, c) in t.char_indices().filter(|&(_, c)| is_word_char(c)) {
                // The definition: letters, and apostrophes with a letter after them.
                let mut want = i;
                let mut chars = t[i..].chars().peekable();
                while let Some(c) = chars.next() {
                    let inner = is_apostrophe(c) && chars.peek().is_some_and(|&n| is_word_char(n));
                    if !(is_word_char(c) || inner) {
                        break;
                    }
                    want += c.len_utf8();
                }
                assert_eq!(scan_word(&t, i), want, "{t:?} from {i} ({c})");
            }
        }
    }

    #[test]
    fn fast_paths_agree_with_the_reference() {
        const PIECES: &[&str] = &[
            "word",
            "Words",
            "internationalization",
            "Putin's",
            "Putin’s",
            "it'",
            "'s",
            "naïve",
            "éOct",
            "Москва",
            "a",
            "I",
            "4,500",
            "1.2.3",
            "3.5",
            "10:30",
            "C5",
            "a82755",
            "501(c)",
            "USD115",
            "x@y.com",
            "http://a.b/1/2",
            "www.x.org",
            "1,1,1",
            "2023",
            " ",
            "  ",
            "\t",
            "\n",
            "\u{b}",
            "\u{a0}",
            "\u{200b}",
            "\u{ad}",
            ".",
            ",",
            "-",
            "—",
            "“",
            "$",
            "€",
            "½",
            "(",
            ")",
            ":",
            "/",
            "+",
            "\u{0}",
            "e10",
        ];
        let mut state = 0x1234_5678_9abc_def1u64;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        let mut count = 0;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..next() % 30 {
                t.push_str(PIECES[next() % PIECES.len()]);
                if next() % 3 == 0 {
                    t.push(' ');
                }
            }
            assert_eq!(tokenize(&t), reference(&t), "{t:?}");
            // Any range (inside words too) gives the tokens of its text.
            let (mut a, mut b) = (next() % (t.len() + 1), next() % (t.len() + 1));
            while !t.is_char_boundary(a) {
                a -= 1;
            }
            while !t.is_char_boundary(b) {
                b -= 1;
            }
            let (a, b) = (a.min(b), a.max(b));
            let mut got = Vec::new();
            tokenize_into(&t, a, b, &mut got);
            let mut want = reference(&t[a..b]);
            for tok in &mut want {
                tok.start += a;
                tok.end += a;
            }
            assert_eq!(got, want, "{:?} in {t:?}", &t[a..b]);
            count += want.len();
        }
        assert!(count > 50_000, "{count} tokens");
    }

    #[test]
    fn numbers_table() {
        type Case<'a> = (&'a str, &'a [(&'a str, f64, bool)]);
        let cases: &[Case] = &[
            ("4,500 officers", &[("4,500", 4500.0, false)]),
            ("1.03 million", &[("1.03", 1.03, false)]),
            ("120,000.", &[("120,000", 120000.0, false)]),
            // Two numbers joined by a comma: a list or a European decimal, unread; three or
            // more whole numbers: a list.
            ("1,3", &[("1", 1.0, true), ("3", 3.0, true)]),
            (
                "1,1,1",
                &[("1", 1.0, false), ("1", 1.0, false), ("1", 1.0, false)],
            ),
            (
                "1,1.5,1",
                &[("1", 1.0, true), ("1.5", 1.5, true), ("1", 1.0, true)],
            ),
            // Decimal commas no thousands group nor list writes.
            (
                "5,00 or 3,05",
                &[("5,00", 5.0, false), ("3,05", 3.05, false)],
            ),
            ("1.111,11", &[("1.111,11", 1111.11, false)]),
            ("2019,20", &[("2019", 2019.0, true), ("20", 20.0, true)]),
            (
                "192.168.1.2",
                &[
                    ("192", 192.0, true),
                    ("168", 168.0, true),
                    ("1", 1.0, true),
                    ("2", 2.0, true),
                ],
            ),
            ("C5+1", &[("5", 5.0, true), ("1", 1.0, true)]),
            ("501(c)(3)", &[("501", 501.0, true), ("3", 3.0, true)]),
            (
                "https://x.com/2023/10/13/a82755",
                &[
                    ("2023", 2023.0, true),
                    ("10", 10.0, true),
                    ("13", 13.0, true),
                    ("82755", 82755.0, true),
                ],
            ),
            ("at 10:30 today", &[("10", 10.0, true), ("30", 30.0, true)]),
            ("US$5 billion", &[("5", 5.0, false)]),
            ("1,234,567", &[("1,234,567", 1234567.0, false)]),
        ];
        for (input, want) in cases {
            let got = nums(input);
            let want: Vec<(String, f64, bool)> = want
                .iter()
                .map(|(s, v, i)| (s.to_string(), *v, *i))
                .collect();
            assert_eq!(got, want, "input: {input:?}");
        }
    }

    #[test]
    fn ascii_letter_runs_match_the_byte_by_byte_definition() {
        let mut all: Vec<u8> = (0..=255u8).collect();
        all.extend_from_slice(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        for start in 0..all.len() {
            for len in 0..20.min(all.len() - start) {
                let b = &all[start..start + len];
                let want = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
                assert_eq!(ascii_letters(b), want, "{b:?}");
            }
        }
        let long = "internationalization and".as_bytes();
        assert_eq!(ascii_letters(long), 20);
    }

    #[test]
    fn long_integers_are_the_nearest_float() {
        let n = tokenize("100000000000000001").remove(0).num().unwrap();
        assert_eq!(n.value, 1e17);
        let n = tokenize("123,456,789,012,345,678").remove(0).num().unwrap();
        assert_eq!(n.value, 123_456_789_012_345_678.0);
    }

    #[test]
    fn written_form_facts() {
        let n = tokenize("4,500").remove(0).num().unwrap();
        assert_eq!((n.trailing_zeros, n.grouped, n.decimals), (2, true, 0));
        let n = tokenize("3.50").remove(0).num().unwrap();
        assert_eq!((n.trailing_zeros, n.decimals), (0, 2));
    }

    #[test]
    fn words_keep_inner_apostrophes_and_digits_go_on_across_invisible_marks() {
        let text = "Putin's 4\u{200B}500 and 7\u{200F}\u{FEFF}25 but 3\u{200B} 4";
        let toks = tokenize(text);
        assert_eq!(&text[toks[0].start..toks[0].end], "Putin's");
        let values: Vec<f64> = toks
            .iter()
            .filter_map(|t| t.num())
            .map(|n| n.value)
            .collect();
        assert_eq!(values, [4500.0, 725.0, 3.0, 4.0]);
        assert_eq!(toks[1].num().map(|n| n.int_digits), Some(4));
    }

    /// `plain` marks exactly the words of ASCII letters only.
    #[test]
    fn plain_is_a_word_of_ascii_letters() {
        const PIECES: &[&str] = &[
            "word",
            "Putin's",
            "Putin’s",
            "rock'",
            "'n'",
            "café",
            "éOct",
            "naïve",
            "a",
            "ab",
            "abcdefgh",
            "abcdefghijklmnop",
            "x1",
            "5",
            "4,500",
            "-",
            "—",
            "“",
            "”",
            "\u{200b}",
            "\u{ad}",
            "'",
            "’",
            "https://x.org/a",
            "e@x.com",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let (mut plain, mut other) = (0, 0);
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
                if seed & 3 != 0 {
                    text.push(' ');
                }
            }
            for t in tokenize(&text) {
                let want = t.is_word()
                    && text.as_bytes()[t.start..t.end]
                        .iter()
                        .all(u8::is_ascii_alphabetic);
                assert_eq!(t.plain(), want, "{text:?} {:?}", &text[t.start..t.end]);
                if t.is_word() {
                    if want {
                        plain += 1;
                    } else {
                        other += 1;
                    }
                }
            }
        }
        assert!(plain > 1000 && other > 1000);
    }
}
