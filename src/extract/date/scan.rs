//! The token walk: one pass over the tokenizer's tokens that stops only at the ASCII letter
//! runs of anchor words (month and weekday names, "last"/"this"/"next", "www"), the four-digit
//! runs of numbers, and the `://` and `@` of links, and hands each anchor to its form. A hit or
//! a link moves the scan past its end, even into the middle of a token. A token the tokenizer
//! did not flag as a possible stop costs one flag test; a plain word three table look-ups.

use super::bytes::{is_digit_at, letter_around, skip_link};
use super::month::month_expr;
use super::number::{event_year, number_expr};
use super::raw::{Raw, push};
use super::relative::relative_expr;
use super::weekday::weekday_expr;
use crate::extract::token::{Tok, TokKind, ascii_letters};
use crate::lang::en::calendar::{self, Anchor, is_anchor_prefix};

/// Anchor words are this long, in letters.
const ANCHOR_LEN: std::ops::RangeInclusive<usize> = 3..=9;
/// The digits of a year.
const YEAR_DIGITS: usize = 4;

/// The scan from position `i` over `toks` with the hits so far in `out`; the position it
/// stopped at.
/// Years that name an event ("the 2008 quake", no date themselves) go to `named`.
pub(super) fn scan_from(
    text: &str,
    toks: &[Tok],
    mut i: usize,
    out: &mut Vec<Raw>,
    named: &mut Vec<(usize, i32)>,
) -> usize {
    let b = text.as_bytes();
    for t in toks {
        // Passed already, or read from its start and marked by the tokenizer as nothing to
        // stop at.
        if t.end <= i || !t.date_stop() && t.start >= i {
            continue;
        }
        let s = t.start.max(i);
        match t.kind {
            TokKind::Word => {
                let n = t.end - s;
                if n < *ANCHOR_LEN.start() {
                    continue;
                }
                // Most words: all ASCII letters (the tokenizer says so), read from their start.
                if t.plain() && s == t.start {
                    if n <= *ANCHOR_LEN.end()
                        && is_anchor_prefix(b[s], b[s + 1], b[s + 2])
                        && let Some(end) = anchor_word(text, s, t.end, out)
                    {
                        i = i.max(end);
                    }
                    continue;
                }
                // The common case, a word of ASCII letters only, decided here; words with
                // apostrophes or other letters go through each of their runs.
                let (letters, anchor) = ascii_word(b, s, t.end);
                if letters {
                    if anchor
                        && n <= *ANCHOR_LEN.end()
                        && let Some(end) = anchor_word(text, s, t.end, out)
                    {
                        i = i.max(end);
                    }
                } else if let Some(end) = word_runs(text, s, t.end, out) {
                    i = i.max(end);
                }
            }
            TokKind::Num(_) => {
                if t.end - s >= YEAR_DIGITS
                    && let Some(end) = year_runs(b, s, t.end, out, named)
                {
                    i = i.max(end);
                }
            }
            TokKind::Punct(':') if b[t.start + 1..].starts_with(b"//") => {
                i = skip_link(b, t.start + 1);
            }
            TokKind::Punct('@') => i = skip_link(b, t.start + 1),
            TokKind::Punct(_) => {}
        }
    }
    i
}

/// Whether the word `b[s..e]` (at least three bytes) is all ASCII letters, and whether its
/// first three bytes are an anchor prefix ([`is_anchor_prefix`]). For a word of at most eight
/// bytes, one eight-byte read from `s` (see [`ascii_letters`]) with the bytes past the word
/// masked off.
#[inline(always)]
fn ascii_word(b: &[u8], s: usize, e: usize) -> (bool, bool) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let n = e - s;
    if (3..=8).contains(&n)
        && let Some(chunk) = b.get(s..s + 8)
    {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let w = u64::from_le_bytes(w);
        // Clearing bit 7 first keeps the additions from carrying into the next byte.
        let x = (w & !HIGH) | 0x2020_2020_2020_2020;
        let letters = x.wrapping_add(0x1f1f_1f1f_1f1f_1f1f)
            & !x.wrapping_add(0x0505_0505_0505_0505)
            & !w
            & HIGH;
        // Bit 7 of each of the word's bytes (the first in the lowest).
        let word = HIGH >> (8 * (8 - n));
        let anchor = is_anchor_prefix(w as u8, (w >> 8) as u8, (w >> 16) as u8);
        return (letters & word == word, anchor);
    }
    (
        ascii_letters(&b[s..]) >= n,
        is_anchor_prefix(b[s], b[s + 1], b[s + 2]),
    )
}

/// Whether the scan could read a date at the ASCII letter run `s..e` of `text`: a month or
/// weekday name, or "last"/"this"/"next" before "year" or "month". A superset of what the scan
/// reads there, for deciding cheaply which sentences need tokens at all.
pub fn may_anchor(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    if !ANCHOR_LEN.contains(&(e - s)) || !is_anchor_prefix(b[s], b[s + 1], b[s + 2]) {
        return false;
    }
    match calendar::anchor(&b[s..e]) {
        Some(Anchor::Month(_) | Anchor::Weekday(_)) => true,
        Some(Anchor::Relative(offset)) => relative_expr(b, s, e, offset).is_some(),
        Some(Anchor::Link) | None => false,
    }
}

/// Each ASCII letter run of the word `s..e`; the position the scan goes on from after the last
/// date read.
#[inline(never)]
fn word_runs(text: &str, mut p: usize, e: usize, out: &mut Vec<Raw>) -> Option<usize> {
    let b = text.as_bytes();
    let mut past = None;
    while p < e {
        let len = ascii_letters(&b[p..]).min(e - p);
        if len == 0 {
            // A non-ASCII letter or an apostrophe inside the word.
            p += text[p..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let mut next = p + len;
        if let Some(end) = anchor_word(text, p, p + len, out) {
            next = next.max(end);
            past = Some(next);
        }
        p = next;
    }
    past
}

/// Each four-digit run of the number `s..e` that reads as a year in context; the position the
/// scan goes on from after the last date read.
#[inline(never)]
fn year_runs(
    b: &[u8],
    mut p: usize,
    e: usize,
    out: &mut Vec<Raw>,
    named: &mut Vec<(usize, i32)>,
) -> Option<usize> {
    let mut past = None;
    while p < e {
        let len = b[p..e].iter().take_while(|c| c.is_ascii_digit()).count();
        let mut next = p + len.max(1);
        if len == YEAR_DIGITS {
            let last_end = out.last().map_or(0, |r| r.end);
            if let Some(r) = number_expr(b, p, p + YEAR_DIGITS, last_end) {
                next = next.max(r.end);
                past = Some(next);
                push(out, r);
            } else if let Some(y) = event_year(b, p, p + YEAR_DIGITS) {
                named.push((p, y));
            }
        }
        p = next;
    }
    past
}

/// Read a date at the ASCII letter run `s..e` when it is an anchor word; the position the scan
/// goes on from when it read one (or skipped a "www." link).
#[inline(never)]
fn anchor_word(text: &str, s: usize, e: usize, out: &mut Vec<Raw>) -> Option<usize> {
    let b = text.as_bytes();
    if !ANCHOR_LEN.contains(&(e - s)) {
        return None;
    }
    // Every anchor word starts with an anchor prefix: a cheap first filter.
    if !is_anchor_prefix(b[s], b[s + 1], b[s + 2])
        || (s > 0 && b[s - 1].is_ascii_digit())
        || is_digit_at(b, e)
        || letter_around(text, s, e)
    {
        return None;
    }
    let last_end = out.last().map_or(0, |r| r.end);
    let hit = match calendar::anchor(&b[s..e])? {
        Anchor::Month(name) => month_expr(b, s, e, name, last_end),
        Anchor::Weekday(wd) => weekday_expr(b, s, e, wd),
        Anchor::Relative(offset) => relative_expr(b, s, e, offset),
        Anchor::Link if b.get(e) == Some(&b'.') => return Some(skip_link(b, e)),
        Anchor::Link => None,
    };
    let r = hit?;
    let end = r.end;
    push(out, r);
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The masked eight-byte test agrees with the letter run, for words of every length at
    /// every position of texts of letters, apostrophes, digits, spaces and non-ASCII letters.
    #[test]
    fn ascii_word_is_a_whole_letter_run() {
        let pieces: [&[u8]; 11] = [
            b"a",
            b"Z",
            b"'",
            b"5",
            b" ",
            "\u{e9}".as_bytes(),
            b"@",
            b"`",
            b"Oct",
            b"may",
            b"thi",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut checked = 0;
        for _ in 0..3000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let mut b = Vec::new();
            for _ in 0..(state >> 40) % 24 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                b.extend_from_slice(pieces[(state >> 60) as usize % pieces.len()]);
            }
            for s in 0..b.len() {
                for e in s + 3..=b.len() {
                    let want = (
                        ascii_letters(&b[s..]) >= e - s,
                        is_anchor_prefix(b[s], b[s + 1], b[s + 2]),
                    );
                    assert_eq!(ascii_word(&b, s, e), want, "{:?}", &b[s..e]);
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000, "{checked}");
    }
}
