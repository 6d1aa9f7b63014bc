//! Which sentences can hold a claim at all, decided without tokens. Most sentences of an
//! article carry no number, date, currency or number word; this pass looks at their bytes and
//! ASCII letter runs only (eight bytes at a time), so the tokenizer, the date scan and the
//! grammar run on the sentences that may hold something. The test is a superset of what the
//! grammar and the date scan can start a value on: digits, currency signs and vulgar
//! fractions, starter words (spelled numbers, ordinals, superlatives, scales), currency codes,
//! "a"/"an" before a unit, scale or number word, and date anchors. A sentence it passes yields
//! exactly the claims it would if every sentence were read.

use super::date;
use super::lexicon;
use super::token::{ascii_letters, is_invisible};

/// Byte classes of the scan.
const OTHER: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
/// White space and "-": may stand between "a" and its noun.
const GAP: u8 = 3;
/// "$" and any other ASCII currency sign.
const SIGN: u8 = 4;
const NON_ASCII: u8 = 5;

const CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii_digit() {
            DIGIT
        } else if b.is_ascii_whitespace() || b == b'-' {
            GAP
        } else if b == b'$' {
            SIGN
        } else if b >= 0x80 {
            NON_ASCII
        } else {
            OTHER
        };
        c += 1;
    }
    t
};

/// Whether the sentence `text[start..end]` may hold a value or a date.
pub fn may_hold_value(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    // Most sentences that hold a value hold a digit: found eight bytes at a time, before any
    // word is looked at.
    if has_digit(&b[start..end]) {
        return true;
    }
    let shapes = lexicon::starter_shapes();
    let codes = super::three_letter_codes();
    let mut i = start;
    // The previous word was "a" or "an", with at most dashes and white space since.
    let mut after_a = false;
    while i < end {
        let c = b[i];
        match CLASS[usize::from(c)] {
            LETTER => {
                let e = (i + ascii_letters(&b[i..])).min(end);
                let w = &b[i..e];
                let n = w.len();
                let last = w[n - 1] | 0x20;
                let shape = shapes.contains(n, c | 0x20, last);
                let anchor = (3..=9).contains(&n) && date::is_anchor_prefix(c, w[1], w[2]);
                let code = n <= 4 && c.is_ascii_uppercase() || n == 3 && codes.contains(w);
                if (after_a || shape || anchor || code)
                    && word_may_start(text, i, e, after_a, shape, anchor)
                {
                    return true;
                }
                after_a = n <= 2 && c | 0x20 == b'a' && (n == 1 || last == b'n');
                // The space after a word is a gap: step over it here.
                i = if b.get(e) == Some(&b' ') { e + 1 } else { e };
            }
            DIGIT | SIGN => return true,
            GAP => i += 1,
            OTHER => {
                after_a = false;
                i += 1;
            }
            _ => {
                let Some(ch) = text[i..].chars().next() else {
                    return true;
                };
                if lexicon::currency_symbol(ch).is_some() || lexicon::vulgar_fraction(ch).is_some()
                {
                    return true;
                }
                after_a &= ch.is_whitespace() || is_invisible(ch) || matches!(ch, '–' | '—');
                i += ch.len_utf8();
            }
        }
    }
    false
}

/// Whether `b` holds an ASCII digit, eight bytes at a time: a byte is a digit when, below 0x80,
/// it lies in `0..=9`.
fn has_digit(b: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = b.chunks_exact(8);
    for chunk in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let w = u64::from_le_bytes(w);
        // Clearing bit 7 keeps the additions from carrying into the next byte.
        let x = w & !HIGH;
        let at_least_0 = x.wrapping_add(0x5050_5050_5050_5050);
        let past_9 = x.wrapping_add(0x4646_4646_4646_4646);
        if at_least_0 & !past_9 & !w & HIGH != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// Whether the grammar or the date scan may start at the ASCII letter run `s..e` (the exact
/// tests behind the table look-ups of [`may_hold_value`]): `shape` and `anchor` say whether
/// the word passed the starter-shape and date-anchor tables.
fn word_may_start(
    text: &str,
    s: usize,
    e: usize,
    after_a: bool,
    shape: bool,
    anchor: bool,
) -> bool {
    let w = &text.as_bytes()[s..e];
    let n = w.len();
    if n > 24 {
        return false;
    }
    let r = &text[s..e];
    if super::may_be_currency_code(r) {
        return true;
    }
    if anchor && date::may_anchor(text, s, e) {
        return true;
    }
    if !(after_a || shape) {
        return false;
    }
    let mut buf = [0u8; 24];
    let lw = lexicon::lower(r, &mut buf).unwrap_or("");
    (shape && lexicon::is_starter(lw)) || (after_a && lexicon::follows_a(lw))
}

#[cfg(test)]
mod tests {
    use super::*;

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
            ("", false),
        ];
        for (s, want) in cases {
            assert_eq!(may_hold_value(s, 0, s.len()), *want, "{s:?}");
        }
    }

    #[test]
    fn digits_are_found_eight_bytes_at_a_time() {
        let all: Vec<u8> = (0..=255u8).collect();
        for start in 0..all.len() {
            for len in 0..20.min(all.len() - start) {
                let b = &all[start..start + len];
                assert_eq!(has_digit(b), b.iter().any(u8::is_ascii_digit), "{b:?}");
            }
        }
    }

    #[test]
    fn starter_words_are_ascii_letters() {
        // `word_may_start` checks letter runs; a starter with other characters would slip by.
        for w in lexicon::STARTER_WORDS {
            assert!(w.bytes().all(|c| c.is_ascii_lowercase()), "{w}");
        }
    }
}
