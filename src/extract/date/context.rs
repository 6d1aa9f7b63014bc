//! The neighbours of an anchor the date forms read: a day of the month ("12", "3rd"), a
//! four-digit year that does not run on into a count, a range separator ("-", "to"), a part of a
//! period ("early"), a relative word ("last"), the preposition that bounds a date ("before") and
//! whether a date is the second of a list ("March and May"). The words come from
//! [`crate::lang::en::calendar`].

use super::bytes::{
    EN_DASH, dash_at, digits_value, glued_after, glued_before, is_digit_at, skip_ws, skip_ws_back,
    word_at, word_before,
};
use crate::claim::Qualifier;
use crate::lang::en::calendar::{
    BOUNDS, COORDINATORS, ORDINAL_SUFFIXES, PARTS, RANGE_WORDS, YEAR_FOLLOWERS, in_list, relative,
};

/// Bare years outside this range are not read as years.
pub(super) const YEAR_MIN: i32 = 1800;
pub(super) const YEAR_MAX: i32 = 2100;
/// Digits of a day of the month, at most.
const DAY_DIGITS: usize = 2;
/// Longest word after a year that is read to decide whether the year is one.
const FOLLOWER_LOOK: usize = 12;

/// The length of an ordinal suffix ("st", "nd", "rd", "th").
const SUFFIX_LEN: usize = 2;

fn is_ordinal_suffix(s: &[u8]) -> bool {
    in_list(&ORDINAL_SUFFIXES, s)
}

/// A day of the month at `i`: "12", "3rd"; returns the day and the end.
pub(super) fn parse_day(b: &[u8], i: usize) -> Option<(u32, usize)> {
    if !is_digit_at(b, i) || (i > 0 && b[i - 1].is_ascii_digit()) {
        return None;
    }
    let mut e = i;
    while e < b.len() && b[e].is_ascii_digit() && e - i <= DAY_DIGITS {
        e += 1;
    }
    if e - i > DAY_DIGITS {
        return None;
    }
    let d = digits_value(&b[i..e]) as u32;
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut end = e;
    if e + SUFFIX_LEN <= b.len() && is_ordinal_suffix(&b[e..e + SUFFIX_LEN]) {
        end = e + SUFFIX_LEN;
    }
    // "12-13" is a range of days, not a glued number.
    if b.get(end) != Some(&b'-') && glued_after(b, end) {
        return None;
    }
    Some((d, end))
}

/// A day of the month ending at `j` ("12", "12th"); returns the day and its start.
pub(super) fn day_before(b: &[u8], j: usize) -> Option<(u32, usize)> {
    let mut e = j;
    if e > SUFFIX_LEN
        && is_ordinal_suffix(&b[e - SUFFIX_LEN..e])
        && b[e - SUFFIX_LEN - 1].is_ascii_digit()
    {
        e -= SUFFIX_LEN;
    }
    let mut k = e;
    while k > 0 && b[k - 1].is_ascii_digit() && e - k <= DAY_DIGITS {
        k -= 1;
    }
    if k == e || e - k > DAY_DIGITS {
        return None;
    }
    if k > 0 && b[k - 1] != b'-' && glued_before(b, k) {
        return None;
    }
    let d = digits_value(&b[k..e]) as u32;
    (1..=31).contains(&d).then_some((d, k))
}

/// A four-digit year at `i` that does not run on into something else.
pub(super) fn parse_year(b: &[u8], i: usize) -> Option<(i32, usize)> {
    if !is_digit_at(b, i) || (i > 0 && b[i - 1].is_ascii_digit()) {
        return None;
    }
    let e = i + 4;
    if e > b.len() || !b[i..e].iter().all(u8::is_ascii_digit) || is_digit_at(b, e) {
        return None;
    }
    let y = digits_value(&b[i..e]);
    if !(YEAR_MIN..=YEAR_MAX).contains(&y) || glued_after(b, e) || !year_follow_ok(b, e) {
        return None;
    }
    Some((y, e))
}

/// What follows a year must not make it a count: "2000 people" is not a year.
pub(super) fn year_follow_ok(b: &[u8], e: usize) -> bool {
    let k = skip_ws(b, e);
    if k == e || k >= b.len() || !b[k].is_ascii_lowercase() {
        return true;
    }
    let mut q = k;
    while q < b.len() && b[q].is_ascii_alphabetic() && q - k <= FOLLOWER_LOOK {
        q += 1;
    }
    in_list(YEAR_FOLLOWERS, &b[k..q])
}

/// A range separator after `i`: "-", "–", "and", "to", "through"; returns where the second end
/// starts.
pub(super) fn range_sep(b: &[u8], i: usize) -> Option<usize> {
    let k = skip_ws(b, i);
    if let Some(p) = dash_at(b, k) {
        return Some(skip_ws(b, p));
    }
    let (ws, we) = word_at(b, k)?;
    (ws == k && in_list(RANGE_WORDS, &b[ws..we]) && skip_ws(b, we) > we).then(|| skip_ws(b, we))
}

/// A range separator ending at `j` (backwards); returns where it starts.
pub(super) fn range_sep_before(b: &[u8], j: usize) -> Option<usize> {
    let k = skip_ws_back(b, j);
    if k > 0 && b[k - 1] == b'-' {
        return Some(skip_ws_back(b, k - 1));
    }
    if b[..k].ends_with(EN_DASH) {
        return Some(skip_ws_back(b, k - EN_DASH.len()));
    }
    let (ws, we) = word_before(b, k)?;
    (we == k && k < j && in_list(RANGE_WORDS, &b[ws..we])).then(|| skip_ws_back(b, ws))
}

/// A part of a period ("early", "mid", "late") just before `s` ("early October", "mid-2023");
/// returns its start and its index in [`PARTS`].
pub(super) fn part_before(b: &[u8], s: usize) -> Option<(usize, usize)> {
    let j = if s > 0 && b[s - 1] == b'-' {
        s - 1
    } else {
        skip_ws_back(b, s)
    };
    if j == s {
        return None;
    }
    let (ws, we) = word_before(b, j)?;
    if we != j {
        return None;
    }
    let w = &b[ws..we];
    let part = PARTS
        .iter()
        .position(|p| p.as_bytes().eq_ignore_ascii_case(w))?;
    Some((ws, part))
}

/// True when the expression at `start` is the second of a list of dates: "March and May",
/// "in 2020, 2021".
pub(super) fn coordinated(b: &[u8], start: usize, last_end: usize) -> bool {
    if last_end == 0 {
        return false;
    }
    let j = skip_ws_back(b, start);
    if j > 0 && b[j - 1] == b',' && j - 1 == last_end {
        return true;
    }
    word_before(b, start).is_some_and(|(cs, ce)| {
        in_list(COORDINATORS, &b[cs..ce]) && skip_ws_back(b, cs) == last_end
    })
}

/// The qualifier a preposition before `start` gives: "before" → less than, "after" → more
/// than, "by" → at most.
pub(super) fn prep_qualifier(b: &[u8], start: usize) -> Qualifier {
    word_before(b, start)
        .and_then(|(s, e)| {
            let w = &b[s..e];
            BOUNDS
                .iter()
                .find(|(p, _)| p.as_bytes().eq_ignore_ascii_case(w))
        })
        .map_or(Qualifier::Exact, |&(_, q)| q)
}

/// The qualifier of a date starting at `start`: a range, else what a preposition before it
/// gives.
pub(super) fn qualifier(b: &[u8], start: usize, range: bool) -> Qualifier {
    if range {
        Qualifier::Range
    } else {
        prep_qualifier(b, start)
    }
}

/// A relative word ("last", "next", "this") before `s`: its offset (-1, 1, 0) and its start.
pub(super) fn rel_before(b: &[u8], s: usize) -> Option<(i32, usize)> {
    let (ws, we) = word_before(b, s)?;
    Some((relative(&b[ws..we])?, ws))
}

/// Whether the word before `i` is one of `list`.
pub(super) fn word_before_in(b: &[u8], i: usize, list: &[&str]) -> bool {
    word_before(b, i).is_some_and(|(s, e)| in_list(list, &b[s..e]))
}
