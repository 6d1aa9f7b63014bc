//! The article's own dateline or byline date near its top: a full date alone on its line
//! ("October 13, 2023"), after a byline and a separator ("Written by X | October 22, 2023"),
//! after a dateline word ("Published: 5 March 2024 10:30") or a weekday ("Friday, October 13,
//! 2023"), after the place a wire story opens with ("SEOUL, Nov. 14 (Yonhap) --", "Mina, Saudi
//! Arabia (AFP) June 17, 2024"), and followed by nothing, a news agency, a separator or a clock
//! time. After a place the day may come without its year: it is still the article's date, whose
//! year comes from elsewhere.

use super::raw::{NoYear, Raw, RawKind};
use crate::calendar::Ymd;
use crate::claim::DatePrecision;
use crate::lang::en::calendar::{self, DATELINE_AT, DATELINE_ON, DATELINE_WORDS};

/// The article's dateline: where it is, and its day when the text or the resolution gave the
/// year; `month_day` when the text gave only a month and a day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dateline {
    pub start: usize,
    pub end: usize,
    pub date: Option<Ymd>,
    pub month_day: Option<(u32, u32)>,
}

/// The place a wire dateline opens with has at most this many words ("Mina, Saudi Arabia").
const PLACE_WORDS: usize = 5;
/// A news agency in brackets after the place or the date is at most this long ("(Yonhap)").
const LONGEST_AGENCY: usize = 24;

/// How far into the article a dateline may be, in bytes.
const DATELINE_WINDOW: usize = 1500;
/// How much further the line at the window's edge may run on, in bytes.
const LINE_RUN_ON: usize = 200;

/// The dateline among the dates `raws` of `text`.
pub(super) fn dateline_of(text: &str, raws: &[Raw]) -> Option<Dateline> {
    let mut lim = text.len().min(DATELINE_WINDOW);
    while lim < text.len() && lim < DATELINE_WINDOW + LINE_RUN_ON && text.as_bytes()[lim] != b'\n' {
        lim += 1;
    }
    while !text.is_char_boundary(lim) {
        lim -= 1;
    }
    let head = &text[..lim];
    for r in raws.iter().take_while(|r| r.end <= lim) {
        let (date, month_day) = match r.kind {
            RawKind::Explicit {
                lo,
                hi,
                precision: DatePrecision::Day,
                ..
            } if lo == hi => (Some(lo), None),
            RawKind::NoYear(NoYear {
                m1,
                d1,
                m2,
                d2,
                day: true,
                rel: 0,
            }) if (m1, d1) == (m2, d2) => (None, Some((m1, d1))),
            _ => continue,
        };
        let ls = head[..r.start].rfind('\n').map_or(0, |p| p + 1);
        let le = head[r.end..].find('\n').map_or(head.len(), |p| r.end + p);
        let before = head[ls..r.start].trim();
        let after = head[r.end..le].trim();
        let place = place_before(before);
        let before_ok = place || (date.is_some() && dateline_before_ok(before));
        if before_ok && (dateline_after_ok(after) || place && agency_then_end(after)) {
            return Some(Dateline {
                start: r.start,
                end: r.end,
                date,
                month_day,
            });
        }
    }
    None
}

/// The place a wire story opens with, before its date: capitalized words ending in a comma
/// ("SEOUL,", "Mina, Saudi Arabia,") or in a news agency in brackets ("Mina, Saudi Arabia
/// (AFP)").
fn place_before(before: &str) -> bool {
    let place = if let Some(rest) = before.strip_suffix(')') {
        match rest.rfind('(') {
            Some(p) if agency_ok(&rest[p + 1..]) => rest[..p].trim_end(),
            _ => return false,
        }
    } else if let Some(rest) = before.strip_suffix(',') {
        rest
    } else {
        return false;
    };
    let words: Vec<&str> = place.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    !words.is_empty()
        && words.len() <= PLACE_WORDS
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
        })
}

/// A news agency's name as written in brackets: a few letters, no digits.
fn agency_ok(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= LONGEST_AGENCY
        && name.chars().next().is_some_and(char::is_uppercase)
        && name
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
}

/// What may follow a wire dateline's date: a news agency in brackets, then nothing or a
/// separator ("(Yonhap) --").
fn agency_then_end(after: &str) -> bool {
    let Some(rest) = after.strip_prefix('(') else {
        return false;
    };
    let Some(close) = rest.find(')') else {
        return false;
    };
    agency_ok(&rest[..close]) && dateline_after_ok(rest[close + 1..].trim())
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
