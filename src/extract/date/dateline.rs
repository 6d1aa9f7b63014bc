//! The article's own dateline or byline date near its top: a full date alone on its line
//! ("October 13, 2023"), after a byline and a separator ("Written by X | October 22, 2023"),
//! after a dateline word ("Published: 5 March 2024 10:30") or a weekday ("Friday, October 13,
//! 2023"), and followed by nothing, a separator or a clock time.

use super::raw::{Raw, RawKind};
use crate::calendar::Ymd;
use crate::claim::DatePrecision;
use crate::lang::en::calendar::{self, DATELINE_AT, DATELINE_ON, DATELINE_WORDS};

/// How far into the article a dateline may be, in bytes.
const DATELINE_WINDOW: usize = 1500;
/// How much further the line at the window's edge may run on, in bytes.
const LINE_RUN_ON: usize = 200;

/// The dateline among the dates `raws` of `text`: its day and byte range.
pub(super) fn dateline_of(text: &str, raws: &[Raw]) -> Option<(Ymd, usize, usize)> {
    let mut lim = text.len().min(DATELINE_WINDOW);
    while lim < text.len() && lim < DATELINE_WINDOW + LINE_RUN_ON && text.as_bytes()[lim] != b'\n' {
        lim += 1;
    }
    while !text.is_char_boundary(lim) {
        lim -= 1;
    }
    let head = &text[..lim];
    for r in raws.iter().take_while(|r| r.end <= lim) {
        let RawKind::Explicit {
            lo,
            hi,
            precision: DatePrecision::Day,
            ..
        } = r.kind
        else {
            continue;
        };
        if lo != hi {
            continue;
        }
        let ls = head[..r.start].rfind('\n').map_or(0, |p| p + 1);
        let le = head[r.end..].find('\n').map_or(head.len(), |p| r.end + p);
        let before = head[ls..r.start].trim();
        let after = head[r.end..le].trim();
        if dateline_before_ok(before) && dateline_after_ok(after) {
            return Some((lo, r.start, r.end));
        }
    }
    None
}

fn is_separator(c: char) -> bool {
    matches!(c, '|' | '·' | '•' | '—' | '–' | '-' | '/')
}

/// `t` without a last word `word` (after a space), written in lowercase or capitalized.
fn strip_last_word<'a>(t: &'a str, word: &str) -> Option<&'a str> {
    let rest = t.strip_suffix(word.get(1..)?)?;
    let first = word.as_bytes()[0];
    let rest = rest
        .strip_suffix(char::from(first))
        .or_else(|| rest.strip_suffix(char::from(first.to_ascii_uppercase())))?;
    rest.strip_suffix(' ')
}

/// What comes before a dateline's date on its line: nothing, a separator, or a dateline word
/// or a weekday (after nothing or a separator), with a colon, a comma or "on".
fn dateline_before_ok(before: &str) -> bool {
    if before.is_empty() || before.ends_with(is_separator) {
        return true;
    }
    let t = before.trim_end_matches([':', ',']).trim_end();
    let t = strip_last_word(t, DATELINE_ON).unwrap_or(t);
    let last = t.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let rest = &t[..t.len() - last.len()];
    let rest_ok = rest.trim().is_empty() || rest.trim_end().ends_with(is_separator);
    rest_ok
        && (DATELINE_WORDS.iter().any(|w| last.eq_ignore_ascii_case(w))
            || calendar::weekday(last.as_bytes()).is_some())
}

/// "10:30", "9:05 AM".
fn is_clock(b: &[u8]) -> bool {
    b.len() >= 4
        && b[0].is_ascii_digit()
        && (b[1] == b':' || (b[1].is_ascii_digit() && b[2] == b':'))
}

/// What comes after a dateline's date on its line: nothing, a separator or a clock time (after
/// "at").
fn dateline_after_ok(after: &str) -> bool {
    let b = after.as_bytes();
    let at = DATELINE_AT.len();
    after.is_empty()
        || after.starts_with(is_separator)
        || is_clock(b)
        || (b.len() > at + 1
            && b[..at].eq_ignore_ascii_case(DATELINE_AT.as_bytes())
            && b[at] == b' '
            && is_clock(&b[at + 1..]))
}
