//! The byte-level readers the date forms are built on, language-free: white space (with
//! no-break spaces and at most one line break) forwards and backwards, the ASCII word before or
//! at a position, and whether a token is glued into a URL, path, code or amount. Every read is
//! bounded, so the scan stays linear.

/// How far back context look-ups skip whitespace, in bytes.
const WS_LOOKBACK: usize = 32;
/// The context readers read a word's letters up to one past this many (no context word is
/// that long): bounded look-ups.
const WORD_LOOK: usize = 12;

/// Skip spaces, tabs, no-break spaces and at most one line break.
pub(super) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    let mut newline = false;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'\r' => i += 1,
            b'\n' if !newline => {
                newline = true;
                i += 1;
            }
            0xC2 if b.get(i + 1) == Some(&0xA0) => i += 2,
            _ => break,
        }
    }
    i
}

/// Like [`skip_ws`], backwards from `i`; bounded.
pub(super) fn skip_ws_back(b: &[u8], mut i: usize) -> usize {
    let stop = i.saturating_sub(WS_LOOKBACK);
    let mut newline = false;
    while i > stop {
        match b[i - 1] {
            b' ' | b'\t' | b'\r' => i -= 1,
            b'\n' if !newline => {
                newline = true;
                i -= 1;
            }
            0xA0 if i >= 2 && b[i - 2] == 0xC2 => i -= 2,
            _ => break,
        }
    }
    i
}

/// The word (ASCII letters) ending just before `i`, across whitespace.
pub(super) fn word_before(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let j = skip_ws_back(b, i);
    let mut k = j;
    while k > 0 && j - k <= WORD_LOOK && b[k - 1].is_ascii_alphabetic() {
        k -= 1;
    }
    if k == j || (k > 0 && b[k - 1].is_ascii_alphanumeric()) {
        return None;
    }
    Some((k, j))
}

/// The word starting at `i` (after whitespace), with its end.
pub(super) fn word_at(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let k = skip_ws(b, i);
    let mut e = k;
    while e < b.len() && e - k <= WORD_LOOK && b[e].is_ascii_alphabetic() {
        e += 1;
    }
    if e == k || (e < b.len() && b[e].is_ascii_alphanumeric()) {
        return None;
    }
    Some((k, e))
}

pub(super) fn is_digit_at(b: &[u8], i: usize) -> bool {
    i < b.len() && b[i].is_ascii_digit()
}

/// The number the ASCII digits `d` write.
pub(super) fn digits_value(d: &[u8]) -> i32 {
    d.iter().fold(0, |acc, &c| acc * 10 + i32::from(c - b'0'))
}

/// Bytes that glue a token into a URL, path, handle, code or amount.
fn is_glue(c: u8) -> bool {
    matches!(
        c,
        b'/' | b'\\' | b'@' | b'_' | b'=' | b'#' | b'$' | b'&' | b'+' | b'~' | b'|' | b'*'
    ) || matches!(c, 0xA3 | 0xA5 | 0xAC) // last byte of £, ¥, €
}

/// True when the token starting at `s` is glued to what precedes it ("/2023", "x.com", "$2000").
pub(super) fn glued_before(b: &[u8], s: usize) -> bool {
    if s == 0 {
        return false;
    }
    let p = b[s - 1];
    if p.is_ascii_alphanumeric() || is_glue(p) {
        return true;
    }
    matches!(p, b'.' | b',' | b':' | b'-') && s >= 2 && b[s - 2].is_ascii_alphanumeric()
}

/// True when the token ending at `e` runs on into a URL, path, code or larger number.
pub(super) fn glued_after(b: &[u8], e: usize) -> bool {
    if e >= b.len() {
        return false;
    }
    let c = b[e];
    if c.is_ascii_alphanumeric() || is_glue(c) || c == b'%' {
        return true;
    }
    matches!(c, b'.' | b',' | b':' | b'-' | b'(') && is_digit_at(b, e + 1)
}

/// The en dash, as a range sign between dates ("12–13", "2020–22").
pub(super) const EN_DASH: &[u8] = "\u{2013}".as_bytes();

/// Where a dash (hyphen or en dash) at `i` ends, if there is one.
pub(super) fn dash_at(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i) == Some(&b'-') {
        Some(i + 1)
    } else if b[i.min(b.len())..].starts_with(EN_DASH) {
        Some(i + EN_DASH.len())
    } else {
        None
    }
}

/// Skip a URL, e-mail domain or handle: up to whitespace or a closing bracket or quote.
pub(super) fn skip_link(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b')' | b']' | b'>' | b'"') {
        i += 1;
    }
    i
}

/// The ASCII word `s..e` is part of a longer word with non-ASCII letters ("éOct", "Mayé"):
/// not a month or weekday name.
pub(super) fn letter_around(text: &str, s: usize, e: usize) -> bool {
    let before = text.get(..s).and_then(|t| t.chars().next_back());
    let after = text.get(e..).and_then(|t| t.chars().next());
    before.is_some_and(|c| !c.is_ascii() && c.is_alphabetic())
        || after.is_some_and(|c| !c.is_ascii() && c.is_alphabetic())
}
