//! Dates: "October 12", "12 October 2023", "Oct. 12", "October 12-13", "March 2023", "in
//! September", "since February 2022", "until 2025", bare years in date context, "last year",
//! "early October", weekdays ("on Thursday"). Missing years and weekdays resolve against the
//! publication date when it is known; otherwise against the latest year the article names
//! together with a month; otherwise the date stays unresolved and keeps its partial form.
//!
//! The grammar is a hand-written scanner, not regexes: one pass over the tokenizer's tokens
//! stops only at anchor words (month and weekday names, "last"/"this"/"next"), four-digit
//! numbers and link markers, and reads a few neighbouring tokens around each anchor. Cost is
//! linear in the text, with no backtracking; a token the tokenizer did not flag as a possible
//! stop costs one flag test. URLs, e-mail domains and tokens glued to paths, codes or amounts
//! are skipped.

use super::token::{Tok, TokKind, ascii_letters, tokenize};
use crate::calendar::{Ymd, days_in_month};
use crate::claim::{DatePrecision, Qualifier, Resolution};

/// One date expression found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateHit {
    /// Byte range of the date's surface text ("October 12-13", "Thursday", "2022").
    pub start: usize,
    pub end: usize,
    /// First and last day of the stated interval (days since 1970-01-01); `None` when
    /// unresolved or open.
    pub lo: Option<i64>,
    pub hi: Option<i64>,
    pub precision: DatePrecision,
    pub resolution: Resolution,
    /// The partial date as written when unresolved: "--10-12", "--03", "Thursday".
    pub partial: Option<String>,
    pub qualifier: Qualifier,
}

/// Earliest month-day of "early", "mid" and "late" parts of a month; day 0 means "last day".
const MONTH_PARTS: [(u32, u32); 3] = [(1, 10), (11, 20), (21, 0)];
/// Month ranges of "early", "mid" and "late" parts of a year.
const YEAR_PARTS: [(u32, u32); 3] = [(1, 4), (5, 8), (9, 12)];
/// Year offsets of "early", "mid" and "late" parts of a decade.
const DECADE_PARTS: [(i32, i32); 3] = [(0, 3), (4, 6), (7, 9)];
/// A month without a year that lies more than this many months after the publication month is
/// read as last year's ("in November" in a February article).
const FUTURE_MONTHS: u32 = 2;
/// Bare years outside this range are not read as years.
const YEAR_MIN: i32 = 1800;
const YEAR_MAX: i32 = 2100;
/// How far back context look-ups skip whitespace, in bytes.
const WS_LOOKBACK: usize = 32;

/// Words before a month name alone that make it a date ("in March", "since May").
const MONTH_CTX: &[&[u8]] = &[
    b"in", b"since", b"until", b"till", b"by", b"from", b"through", b"during", b"before", b"after",
    b"of", b"early", b"late", b"mid", b"last", b"next", b"this", b"between",
];
/// Words before a bare four-digit number that make it a year ("in 2022", "until 2025").
const YEAR_CTX: &[&[u8]] = &[
    b"in", b"since", b"until", b"till", b"by", b"for", b"from", b"to", b"through", b"during",
    b"before", b"after", b"of", b"between", b"and", b"or", b"early", b"late", b"mid", b"year",
    b"around", b"circa",
];
/// Words that coordinate a second date with the one just before ("March and May").
const COORD: &[&[u8]] = &[b"and", b"or", b"to", b"through", b"until", b"till"];
/// Lowercase words that may follow a year; any other lowercase word makes the number a count
/// ("in 2000 people" is not a year).
const YEAR_FOLLOW: &[&[u8]] = &[
    b"a", b"after", b"against", b"ago", b"alone", b"also", b"amid", b"among", b"an", b"and",
    b"are", b"as", b"at", b"because", b"before", b"but", b"by", b"can", b"could", b"despite",
    b"did", b"does", b"during", b"for", b"from", b"had", b"has", b"have", b"he", b"her", b"his",
    b"i", b"if", b"in", b"into", b"is", b"it", b"its", b"may", b"might", b"more", b"most", b"nor",
    b"not", b"of", b"on", b"onward", b"onwards", b"only", b"or", b"our", b"over", b"should",
    b"since", b"so", b"some", b"than", b"that", b"the", b"their", b"then", b"there", b"these",
    b"they", b"this", b"those", b"through", b"to", b"under", b"until", b"was", b"we", b"were",
    b"when", b"where", b"which", b"while", b"who", b"will", b"with", b"would", b"yet", b"you",
];
/// Words before a weekday that make it no particular day ("every Friday").
const INDEFINITE: &[&[u8]] = &[b"a", b"an", b"every", b"each", b"any"];
/// Separators between the two ends of a range ("12-13", "Thursday and Friday").
const RANGE_WORDS: &[&[u8]] = &[b"and", b"to", b"through", b"thru", b"until", b"till"];

fn in_list(list: &[&[u8]], w: &[u8]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// A month or weekday name written out ("March", "thursday"), any case: a date word, never a
/// name of a person or place.
pub fn is_calendar_name(word: &str) -> bool {
    let w = word.as_bytes();
    month_of(w).is_some_and(|(_, abbr)| !abbr) || weekday_of(w).is_some()
}

/// Month number and whether the word is an abbreviation.
fn month_of(w: &[u8]) -> Option<(u32, bool)> {
    let mut buf = [0u8; 9];
    if w.len() < 3 || w.len() > 9 {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    Some(match &buf[..w.len()] {
        b"january" => (1, false),
        b"february" => (2, false),
        b"march" => (3, false),
        b"april" => (4, false),
        b"may" => (5, false),
        b"june" => (6, false),
        b"july" => (7, false),
        b"august" => (8, false),
        b"september" => (9, false),
        b"october" => (10, false),
        b"november" => (11, false),
        b"december" => (12, false),
        b"jan" => (1, true),
        b"feb" => (2, true),
        b"mar" => (3, true),
        b"apr" => (4, true),
        b"jun" => (6, true),
        b"jul" => (7, true),
        b"aug" => (8, true),
        b"sep" | b"sept" => (9, true),
        b"oct" => (10, true),
        b"nov" => (11, true),
        b"dec" => (12, true),
        _ => return None,
    })
}

/// 0 = Monday … 6 = Sunday.
fn weekday_of(w: &[u8]) -> Option<u32> {
    const DAYS: [&[u8]; 7] = [
        b"monday",
        b"tuesday",
        b"wednesday",
        b"thursday",
        b"friday",
        b"saturday",
        b"sunday",
    ];
    if w.len() < 6 || w.len() > 9 {
        return None;
    }
    DAYS.iter()
        .position(|d| d.eq_ignore_ascii_case(w))
        .map(|p| p as u32)
}

const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Skip spaces, tabs, no-break spaces and at most one line break.
fn skip_ws(b: &[u8], mut i: usize) -> usize {
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
fn skip_ws_back(b: &[u8], mut i: usize) -> usize {
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
fn word_before(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let j = skip_ws_back(b, i);
    let mut k = j;
    while k > 0 && j - k <= 12 && b[k - 1].is_ascii_alphabetic() {
        k -= 1;
    }
    if k == j || (k > 0 && b[k - 1].is_ascii_alphanumeric()) {
        return None;
    }
    Some((k, j))
}

/// The word starting at `i` (after whitespace), with its end.
fn word_at(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let k = skip_ws(b, i);
    let mut e = k;
    while e < b.len() && e - k <= 12 && b[e].is_ascii_alphabetic() {
        e += 1;
    }
    if e == k || (e < b.len() && b[e].is_ascii_alphanumeric()) {
        return None;
    }
    Some((k, e))
}

fn is_digit_at(b: &[u8], i: usize) -> bool {
    i < b.len() && b[i].is_ascii_digit()
}

/// Bytes that glue a token into a URL, path, handle, code or amount.
fn is_glue(c: u8) -> bool {
    matches!(
        c,
        b'/' | b'\\' | b'@' | b'_' | b'=' | b'#' | b'$' | b'&' | b'+' | b'~' | b'|' | b'*'
    ) || matches!(c, 0xA3 | 0xA5 | 0xAC) // last byte of £, ¥, €
}

/// True when the token starting at `s` is glued to what precedes it ("/2023", "x.com", "$2000").
fn glued_before(b: &[u8], s: usize) -> bool {
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
fn glued_after(b: &[u8], e: usize) -> bool {
    if e >= b.len() {
        return false;
    }
    let c = b[e];
    if c.is_ascii_alphanumeric() || is_glue(c) || c == b'%' {
        return true;
    }
    matches!(c, b'.' | b',' | b':' | b'-' | b'(') && is_digit_at(b, e + 1)
}

/// A day of the month at `i`: "12", "3rd"; returns the day and the end.
fn parse_day(b: &[u8], i: usize) -> Option<(u32, usize)> {
    if !is_digit_at(b, i) || (i > 0 && b[i - 1].is_ascii_digit()) {
        return None;
    }
    let mut e = i;
    while e < b.len() && b[e].is_ascii_digit() && e - i < 3 {
        e += 1;
    }
    if e - i > 2 {
        return None;
    }
    let d: u32 = std::str::from_utf8(&b[i..e]).ok()?.parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut end = e;
    if e + 2 <= b.len() && is_ordinal_suffix(&b[e..e + 2]) {
        end = e + 2;
    }
    // "12-13" is a range of days, not a glued number.
    if b.get(end) != Some(&b'-') && glued_after(b, end) {
        return None;
    }
    Some((d, end))
}

fn is_ordinal_suffix(s: &[u8]) -> bool {
    [b"st", b"nd", b"rd", b"th"]
        .iter()
        .any(|x| x.eq_ignore_ascii_case(s))
}

/// A day of the month ending at `j` ("12", "12th"); returns the day and its start.
fn day_before(b: &[u8], j: usize) -> Option<(u32, usize)> {
    let mut e = j;
    if e >= 3 && is_ordinal_suffix(&b[e - 2..e]) && b[e - 3].is_ascii_digit() {
        e -= 2;
    }
    let mut k = e;
    while k > 0 && b[k - 1].is_ascii_digit() && e - k <= 2 {
        k -= 1;
    }
    if k == e || e - k > 2 {
        return None;
    }
    if k > 0 && b[k - 1] != b'-' && glued_before(b, k) {
        return None;
    }
    let d: u32 = std::str::from_utf8(&b[k..e]).ok()?.parse().ok()?;
    (1..=31).contains(&d).then_some((d, k))
}

/// A four-digit year at `i` that does not run on into something else.
fn parse_year(b: &[u8], i: usize) -> Option<(i32, usize)> {
    if !is_digit_at(b, i) || (i > 0 && b[i - 1].is_ascii_digit()) {
        return None;
    }
    let e = i + 4;
    if e > b.len() || !b[i..e].iter().all(u8::is_ascii_digit) || is_digit_at(b, e) {
        return None;
    }
    let y = year_value(&b[i..e]);
    if !(YEAR_MIN..=YEAR_MAX).contains(&y) || glued_after(b, e) || !year_follow_ok(b, e) {
        return None;
    }
    Some((y, e))
}

fn year_value(d: &[u8]) -> i32 {
    d.iter().fold(0, |acc, &c| acc * 10 + i32::from(c - b'0'))
}

/// What follows a year must not make it a count: "2000 people" is not a year.
fn year_follow_ok(b: &[u8], e: usize) -> bool {
    let k = skip_ws(b, e);
    if k == e || k >= b.len() || !b[k].is_ascii_lowercase() {
        return true;
    }
    let mut q = k;
    while q < b.len() && b[q].is_ascii_alphabetic() && q - k <= 12 {
        q += 1;
    }
    in_list(YEAR_FOLLOW, &b[k..q])
}

/// A range separator after `i`: "-", "–", "and", "to", "through"; returns where the second end
/// starts.
fn range_sep(b: &[u8], i: usize) -> Option<usize> {
    let k = skip_ws(b, i);
    if k < b.len() && b[k] == b'-' {
        return Some(skip_ws(b, k + 1));
    }
    if b[k..].starts_with("\u{2013}".as_bytes()) {
        return Some(skip_ws(b, k + 3));
    }
    let (ws, we) = word_at(b, k)?;
    (ws == k && in_list(RANGE_WORDS, &b[ws..we]) && skip_ws(b, we) > we).then(|| skip_ws(b, we))
}

/// A range separator ending at `j` (backwards); returns where it starts.
fn range_sep_before(b: &[u8], j: usize) -> Option<usize> {
    let k = skip_ws_back(b, j);
    if k > 0 && b[k - 1] == b'-' {
        return Some(skip_ws_back(b, k - 1));
    }
    if b[..k].ends_with("\u{2013}".as_bytes()) {
        return Some(skip_ws_back(b, k - 3));
    }
    let (ws, we) = word_before(b, k)?;
    (we == k && k < j && in_list(RANGE_WORDS, &b[ws..we])).then(|| skip_ws_back(b, ws))
}

/// "early", "mid" or "late" just before `s` ("early October", "mid-2023"); returns its start and
/// index into the parts tables.
fn part_before(b: &[u8], s: usize) -> Option<(usize, usize)> {
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
    let part = [&b"early"[..], b"mid", b"late"]
        .iter()
        .position(|p| p.eq_ignore_ascii_case(w))?;
    Some((ws, part))
}

/// True when the expression at `start` is the second of a list of dates: "March and May",
/// "in 2020, 2021".
fn coordinated(b: &[u8], start: usize, last_end: usize) -> bool {
    if last_end == 0 {
        return false;
    }
    let j = skip_ws_back(b, start);
    if j > 0 && b[j - 1] == b',' && j - 1 == last_end {
        return true;
    }
    word_before(b, start)
        .is_some_and(|(cs, ce)| in_list(COORD, &b[cs..ce]) && skip_ws_back(b, cs) == last_end)
}

/// The qualifier a preposition before `start` gives: "before" → less than, "after" → more
/// than, "by" → at most.
fn prep_qualifier(b: &[u8], start: usize) -> Qualifier {
    match word_before(b, start) {
        Some((s, e)) => {
            let w = &b[s..e];
            if w.eq_ignore_ascii_case(b"before") {
                Qualifier::LessThan
            } else if w.eq_ignore_ascii_case(b"after") {
                Qualifier::MoreThan
            } else if w.eq_ignore_ascii_case(b"by") {
                Qualifier::AtMost
            } else {
                Qualifier::Exact
            }
        }
        None => Qualifier::Exact,
    }
}

/// "last"/"next"/"this" before `s`: -1, 1, 0 and the word's start.
fn rel_before(b: &[u8], s: usize) -> Option<(i32, usize)> {
    let (ws, we) = word_before(b, s)?;
    let w = &b[ws..we];
    let rel = if w.eq_ignore_ascii_case(b"last") {
        -1
    } else if w.eq_ignore_ascii_case(b"next") {
        1
    } else if w.eq_ignore_ascii_case(b"this") {
        0
    } else {
        return None;
    };
    Some((rel, ws))
}

/// A date as the text states it, before missing parts are filled in.
#[derive(Debug, Clone, Copy, PartialEq)]
enum RawKind {
    /// The text gave the year. `month_year` marks dates naming a month and a year, which set the
    /// reference year of undated articles.
    Explicit {
        lo: Ymd,
        hi: Ymd,
        precision: DatePrecision,
        month_year: bool,
    },
    /// Month(s) and day(s) without a year; `d2 == 0` means the last day of `m2`. `rel` is -1 for
    /// "last March", 1 for "next March".
    NoYear {
        m1: u32,
        d1: u32,
        m2: u32,
        d2: u32,
        day: bool,
        rel: i32,
    },
    /// "last year" (-1), "this month" (0), "next year" (1).
    Relative { month: bool, offset: i32 },
    /// A weekday or two ("Thursday and Friday"); `rel` as for `NoYear`.
    Weekday { w1: u32, w2: Option<u32>, rel: i32 },
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Raw {
    start: usize,
    end: usize,
    kind: RawKind,
    qualifier: Qualifier,
}

fn explicit_day(y: i32, m1: u32, d1: u32, m2: u32, d2: u32) -> Option<RawKind> {
    let y1 = if m2 < m1 { y - 1 } else { y };
    let lo = Ymd::new(y1, m1, d1)?;
    let hi = Ymd::new(y, m2, d2)?;
    Some(RawKind::Explicit {
        lo,
        hi,
        precision: DatePrecision::Day,
        month_year: true,
    })
}

fn month_span(y: i32, m: u32) -> (Ymd, Ymd) {
    (
        Ymd {
            year: y,
            month: m,
            day: 1,
        },
        Ymd {
            year: y,
            month: m,
            day: days_in_month(y, m),
        },
    )
}

/// An expression around the month name at `s..e`.
fn month_expr(b: &[u8], s: usize, e: usize, m: u32, abbr: bool, last_end: usize) -> Option<Raw> {
    if (glued_before(b, s) && part_before(b, s).is_none()) || glued_after(b, e) {
        return None;
    }
    // Lowercase "may", "march" and "august" are a verb and adjectives; lowercase abbreviations
    // are other words.
    if b[s].is_ascii_lowercase() && (abbr || matches!(m, 3 | 5 | 8)) {
        return None;
    }
    let dot = abbr && e < b.len() && b[e] == b'.';
    let after = if dot { e + 1 } else { e };
    let range_q = |start: usize, range: bool| {
        if range {
            Qualifier::Range
        } else {
            prep_qualifier(b, start)
        }
    };

    // "October 12", "October 12-13, 2023", "October 30 - November 2".
    let k = skip_ws(b, after);
    if let Some((d1, dend)) = parse_day(b, k) {
        let (mut m2, mut d2, mut end) = (m, d1, dend);
        if let Some(p) = range_sep(b, dend) {
            if let Some((dd, de)) = parse_day(b, p) {
                if dd > d1 {
                    (d2, end) = (dd, de);
                }
            } else if let Some((ws, we)) = word_at(b, p)
                && let Some((mm, ab)) = month_of(&b[ws..we])
                && mm != m
            {
                let q = skip_ws(
                    b,
                    if ab && b.get(we) == Some(&b'.') {
                        we + 1
                    } else {
                        we
                    },
                );
                if let Some((dd, de)) = parse_day(b, q) {
                    (m2, d2, end) = (mm, dd, de);
                }
            }
        }
        let mut q = end;
        if q < b.len() && b[q] == b',' {
            q += 1;
        }
        let range = (m2, d2) != (m, d1);
        if let Some((y, ye)) = parse_year(b, skip_ws(b, q)) {
            if let Some(kind) = explicit_day(y, m, d1, m2, d2) {
                return Some(Raw {
                    start: s,
                    end: ye,
                    kind,
                    qualifier: range_q(s, range),
                });
            }
            return None;
        }
        if d1 > days_in_month(2000, m) || d2 > days_in_month(2000, m2) {
            return None;
        }
        return Some(Raw {
            start: s,
            end,
            kind: RawKind::NoYear {
                m1: m,
                d1,
                m2,
                d2,
                day: true,
                rel: 0,
            },
            qualifier: range_q(s, range),
        });
    }

    // "12 October", "12-13 October 2023", "12th of October".
    let mut j = skip_ws_back(b, s);
    if let Some((ws, we)) = word_before(b, s)
        && b[ws..we].eq_ignore_ascii_case(b"of")
    {
        j = skip_ws_back(b, ws);
    }
    if j < s
        && let Some((d2, ds)) = day_before(b, j)
    {
        let (mut d1, mut start) = (d2, ds);
        if let Some(p) = range_sep_before(b, ds)
            && let Some((dd, dds)) = day_before(b, p)
            && dd < d2
        {
            (d1, start) = (dd, dds);
        }
        if start > 0 && b[start - 1] == b'-' || d2 > days_in_month(2000, m) {
            return None;
        }
        let range = d1 != d2;
        let mut q = after;
        if q < b.len() && b[q] == b',' {
            q += 1;
        }
        let (kind, end) = match parse_year(b, skip_ws(b, q)) {
            Some((y, ye)) => (explicit_day(y, m, d1, m, d2)?, ye),
            None => (
                RawKind::NoYear {
                    m1: m,
                    d1,
                    m2: m,
                    d2,
                    day: true,
                    rel: 0,
                },
                e,
            ),
        };
        return Some(Raw {
            start,
            end,
            kind,
            qualifier: range_q(start, range),
        });
    }

    // "March 2023", "early October 2023".
    if let Some((y, ye)) = parse_year(b, k) {
        let part = part_before(b, s);
        let start = part.map_or(s, |p| p.0);
        let (mut lo, mut hi) = month_span(y, m);
        if let Some((_, p)) = part {
            let (d1, d2) = MONTH_PARTS[p];
            lo.day = d1;
            if d2 != 0 {
                hi.day = d2;
            }
        }
        return Some(Raw {
            start,
            end: ye,
            kind: RawKind::Explicit {
                lo,
                hi,
                precision: if part.is_some() {
                    DatePrecision::Day
                } else {
                    DatePrecision::Month
                },
                month_year: true,
            },
            qualifier: range_q(start, part.is_some()),
        });
    }

    // A month alone, in date context: "in March", "early October", "last May".
    if abbr && !dot {
        return None;
    }
    let part = part_before(b, s);
    let mut start = part.map_or(s, |p| p.0);
    let ctx = word_before(b, start);
    let ok = part.is_some()
        || ctx.is_some_and(|(cs, ce)| in_list(MONTH_CTX, &b[cs..ce]))
        || coordinated(b, start, last_end);
    if !ok {
        return None;
    }
    let mut rel = 0;
    if part.is_none()
        && let Some((r, rs)) = rel_before(b, s)
    {
        rel = r;
        if r != 0 {
            start = rs;
        }
    }
    let (d1, d2) = part.map_or((1, 0), |(_, p)| MONTH_PARTS[p]);
    Some(Raw {
        start,
        end: e,
        kind: RawKind::NoYear {
            m1: m,
            d1,
            m2: m,
            d2,
            day: part.is_some(),
            rel,
        },
        qualifier: range_q(start, part.is_some()),
    })
}

/// An expression around the weekday at `s..e`.
fn weekday_expr(b: &[u8], s: usize, e: usize, w1: u32) -> Option<Raw> {
    if glued_before(b, s) || glued_after(b, e) {
        return None;
    }
    // "Thursday, October 12": the date that follows says it all.
    let mut j = e;
    if j < b.len() && b[j] == b',' {
        j += 1;
    }
    let k = skip_ws(b, j);
    if is_digit_at(b, k) || word_at(b, k).is_some_and(|(ws, we)| month_of(&b[ws..we]).is_some()) {
        return None;
    }
    // "on a Monday", "every Friday": no particular day.
    if word_before(b, s).is_some_and(|(ps, pe)| in_list(INDEFINITE, &b[ps..pe])) {
        return None;
    }
    let mut start = s;
    let mut rel = 0;
    if let Some((r, rs)) = rel_before(b, s) {
        rel = r;
        if r != 0 {
            start = rs;
        }
    }
    let mut end = e;
    let mut w2 = None;
    if let Some(p) = range_sep(b, e)
        && let Some((ws, we)) = word_at(b, p)
        && ws == p
        && let Some(w) = weekday_of(&b[ws..we])
        && w != w1
    {
        w2 = Some(w);
        end = we;
    }
    Some(Raw {
        start,
        end,
        kind: RawKind::Weekday { w1, w2, rel },
        qualifier: if w2.is_some() {
            Qualifier::Range
        } else {
            prep_qualifier(b, start)
        },
    })
}

/// "last year", "this month", "next year" with the anchor word at `s..e`.
fn relative_expr(b: &[u8], s: usize, e: usize, offset: i32) -> Option<Raw> {
    if glued_before(b, s) {
        return None;
    }
    let (ws, we) = word_at(b, e)?;
    if ws == e || glued_after(b, we) {
        return None;
    }
    let w = &b[ws..we];
    let month = if w.eq_ignore_ascii_case(b"year") {
        false
    } else if w.eq_ignore_ascii_case(b"month") {
        true
    } else {
        return None;
    };
    // "the last year" is a duration, not a date.
    if word_before(b, s).is_some_and(|(ps, pe)| b[ps..pe].eq_ignore_ascii_case(b"the")) {
        return None;
    }
    Some(Raw {
        start: s,
        end: we,
        kind: RawKind::Relative { month, offset },
        qualifier: prep_qualifier(b, s),
    })
}

/// An expression around the four-digit number at `s..e`: ISO date, decade, year or year range.
fn number_expr(b: &[u8], s: usize, e: usize, last_end: usize) -> Option<Raw> {
    let y = year_value(&b[s..e]);
    let part = part_before(b, s);
    if part.is_none() && glued_before(b, s) {
        return None;
    }
    // ISO "2023-10-13".
    if e + 6 <= b.len()
        && b[e] == b'-'
        && b[e + 3] == b'-'
        && b[e + 1..e + 3].iter().all(u8::is_ascii_digit)
        && b[e + 4..e + 6].iter().all(u8::is_ascii_digit)
        && (!glued_after(b, e + 6) || (b[e + 6] == b'T' && is_digit_at(b, e + 7)))
    {
        let m = (b[e + 1] - b'0') as u32 * 10 + (b[e + 2] - b'0') as u32;
        let d = (b[e + 4] - b'0') as u32 * 10 + (b[e + 5] - b'0') as u32;
        let ymd = Ymd::new(y, m, d)?;
        return Some(Raw {
            start: s,
            end: e + 6,
            kind: RawKind::Explicit {
                lo: ymd,
                hi: ymd,
                precision: DatePrecision::Day,
                month_year: true,
            },
            qualifier: prep_qualifier(b, s),
        });
    }
    if !(YEAR_MIN..=YEAR_MAX).contains(&y) {
        return None;
    }
    let start = part.map_or(s, |p| p.0);
    // Decades: "the 1990s", "the early 2000s", "1990's".
    // "2020's" is a possessive unless "the" or a part comes first.
    let decade_apostrophe = part.is_some()
        || word_before(b, start).is_some_and(|(ws, we)| b[ws..we].eq_ignore_ascii_case(b"the"));
    let dec_end = if b.get(e) == Some(&b's') {
        Some(e + 1)
    } else if !decade_apostrophe {
        None
    } else if b.get(e) == Some(&b'\'') && b.get(e + 1) == Some(&b's') {
        Some(e + 2)
    } else if b[e..].starts_with("\u{2019}s".as_bytes()) {
        Some(e + 4)
    } else {
        None
    };
    if let Some(de) = dec_end {
        if y % 10 != 0 || (de < b.len() && b[de].is_ascii_alphanumeric()) {
            return None;
        }
        let (a, z) = part.map_or((0, 9), |(_, p)| DECADE_PARTS[p]);
        return Some(Raw {
            start,
            end: de,
            kind: RawKind::Explicit {
                lo: Ymd::new(y + a, 1, 1)?,
                hi: Ymd::new(y + z, 12, 31)?,
                precision: DatePrecision::Decade,
                month_year: false,
            },
            qualifier: Qualifier::Range,
        });
    }
    let ctx_ok = part.is_some()
        || word_before(b, start).is_some_and(|(cs, ce)| in_list(YEAR_CTX, &b[cs..ce]))
        || coordinated(b, start, last_end);
    if !ctx_ok {
        return None;
    }
    // Year ranges: "2020-2022", "2020–22".
    let mut y2 = y;
    let mut end = e;
    let dash = if b.get(e) == Some(&b'-') {
        Some(e + 1)
    } else if b[e..].starts_with("\u{2013}".as_bytes()) {
        Some(e + 3)
    } else {
        None
    };
    if let Some(p) = dash {
        let mut q = p;
        while q < b.len() && b[q].is_ascii_digit() && q - p < 5 {
            q += 1;
        }
        let v = year_value(&b[p..q]);
        let v = match q - p {
            4 => v,
            2 => y / 100 * 100 + v,
            _ => return None,
        };
        if v <= y || v > YEAR_MAX || glued_after(b, q) || !year_follow_ok(b, q) {
            return None;
        }
        (y2, end) = (v, q);
    } else if glued_after(b, e) || !year_follow_ok(b, e) {
        return None;
    }
    let (lo, hi, precision, range) = match part {
        Some((_, p)) if y2 == y => {
            let (m1, m2) = YEAR_PARTS[p];
            (
                Ymd::new(y, m1, 1)?,
                Ymd::new(y, m2, days_in_month(y, m2))?,
                DatePrecision::Month,
                true,
            )
        }
        _ => (
            Ymd::new(y, 1, 1)?,
            Ymd::new(y2, 12, 31)?,
            DatePrecision::Year,
            y2 != y,
        ),
    };
    Some(Raw {
        start,
        end,
        kind: RawKind::Explicit {
            lo,
            hi,
            precision,
            month_year: false,
        },
        qualifier: if range {
            Qualifier::Range
        } else {
            prep_qualifier(b, start)
        },
    })
}

/// Skip a URL, e-mail domain or handle: up to whitespace or a closing bracket or quote.
fn skip_link(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b')' | b']' | b'>' | b'"') {
        i += 1;
    }
    i
}

/// Keep hits sorted and non-overlapping; on overlap the longer one wins.
fn push(out: &mut Vec<Raw>, r: Raw) {
    while let Some(last) = out.last() {
        if r.start >= last.end {
            break;
        }
        if r.end - r.start > last.end - last.start {
            out.pop();
        } else {
            return;
        }
    }
    out.push(r);
}

/// The first three letters (lowercase) of every anchor word: months, weekdays, "last",
/// "this", "next" and "www".
const ANCHOR_PREFIXES: [&[u8; 3]; 23] = [
    b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec",
    b"mon", b"tue", b"wed", b"thu", b"fri", b"sat", b"sun", b"las", b"thi", b"nex", b"www",
];

/// For each first and second letter (their low five bits), a bit per third letter that
/// completes an anchor prefix: three table look-ups decide any word.
const ANCHOR_TABLE: [[u32; 32]; 32] = {
    let mut t = [[0u32; 32]; 32];
    let mut k = 0;
    while k < ANCHOR_PREFIXES.len() {
        let p = ANCHOR_PREFIXES[k];
        t[(p[0] & 31) as usize][(p[1] & 31) as usize] |= 1 << (p[2] & 31);
        k += 1;
    }
    t
};

/// Whether a word starting with the ASCII letters `a`, `b`, `c` (any case) may be an anchor.
#[inline]
pub fn is_anchor_prefix(a: u8, b: u8, c: u8) -> bool {
    ANCHOR_TABLE[usize::from(a & 31)][usize::from(b & 31)] & (1 << (c & 31)) != 0
}

/// The ASCII word `s..e` is part of a longer word with non-ASCII letters ("éOct", "Mayé"):
/// not a month or weekday name.
fn letter_around(text: &str, s: usize, e: usize) -> bool {
    let before = text.get(..s).and_then(|t| t.chars().next_back());
    let after = text.get(e..).and_then(|t| t.chars().next());
    before.is_some_and(|c| !c.is_ascii() && c.is_alphabetic())
        || after.is_some_and(|c| !c.is_ascii() && c.is_alphabetic())
}

/// Every date expression as written, in one pass over the tokens of `text`: it stops only at
/// the ASCII letter runs of words (anchor words: months, weekdays, "last"/"this"/"next",
/// "www"), the four-digit runs of numbers, and the `://` and `@` of links. A hit or a link moves
/// the scan past its end, even into the middle of a token.
fn scan(text: &str, toks: &[Tok]) -> Vec<Raw> {
    let mut scan = DateScan::default();
    scan.feed(text, toks);
    scan.raws
}

/// The date scan over an article's tokens given in consecutive pieces (batches of sentences),
/// then resolved once every piece is read: the same hits as one scan over all the tokens.
#[derive(Default)]
pub struct DateScan {
    /// Where the scan goes on: past the last hit or link.
    at: usize,
    raws: Vec<Raw>,
}

impl DateScan {
    /// Scan the next tokens of the article (they follow those of the previous call).
    pub fn feed(&mut self, text: &str, toks: &[Tok]) {
        self.at = scan_from(text, toks, self.at, &mut self.raws);
    }

    /// The article's dateline (see [`dateline`]) and every date; dates without a year resolve
    /// against `published`, else against the dateline.
    pub fn finish(
        self,
        text: &str,
        published: Option<Ymd>,
    ) -> (Option<(Ymd, usize, usize)>, Vec<DateHit>) {
        let dateline = dateline_of(text, &self.raws);
        let published = published.or(dateline.map(|(d, _, _)| d));
        (dateline, resolve_all(self.raws, published, text))
    }
}

/// [`scan`] from position `i` with the hits so far in `out`; the position it stopped at.
fn scan_from(text: &str, toks: &[Tok], mut i: usize, out: &mut Vec<Raw>) -> usize {
    let b = text.as_bytes();
    for t in toks {
        // Passed already, or read from its start and marked by the tokenizer as nothing to
        // stop at.
        if t.end <= i || !t.date_stop && t.start >= i {
            continue;
        }
        let s = t.start.max(i);
        match t.kind {
            TokKind::Word => {
                let n = t.end - s;
                if n < 3 {
                    continue;
                }
                // Most words: all ASCII letters (the tokenizer says so), read from their start.
                if t.plain && s == t.start {
                    if n <= 9
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
                        && n <= 9
                        && let Some(end) = anchor_word(text, s, t.end, out)
                    {
                        i = i.max(end);
                    }
                } else if let Some(end) = word_runs(text, s, t.end, out) {
                    i = i.max(end);
                }
            }
            TokKind::Num(_) => {
                if t.end - s >= 4
                    && let Some(end) = year_runs(b, s, t.end, out)
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
/// weekday name, or "last"/"this"/"next" before "year" or "month". A superset of what
/// [`scan`] reads there, for deciding cheaply which sentences need tokens at all.
pub fn may_anchor(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    if !(3..=9).contains(&(e - s)) || !is_anchor_prefix(b[s], b[s + 1], b[s + 2]) {
        return false;
    }
    let w = &b[s..e];
    month_of(w).is_some()
        || weekday_of(w).is_some()
        || [(&b"last", -1), (&b"this", 0), (&b"next", 1)]
            .iter()
            .any(|&(k, offset)| {
                w.eq_ignore_ascii_case(k.as_slice()) && relative_expr(b, s, e, offset).is_some()
            })
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
fn year_runs(b: &[u8], mut p: usize, e: usize, out: &mut Vec<Raw>) -> Option<usize> {
    let mut past = None;
    while p < e {
        let len = b[p..e].iter().take_while(|c| c.is_ascii_digit()).count();
        let mut next = p + len.max(1);
        if len == 4 {
            let last_end = out.last().map_or(0, |r| r.end);
            if let Some(r) = number_expr(b, p, p + 4, last_end) {
                next = next.max(r.end);
                past = Some(next);
                push(out, r);
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
    let len = e - s;
    if !(3..=9).contains(&len) {
        return None;
    }
    // Every anchor word (month, weekday, "last", "this", "next", "www") starts with one of
    // these three letters: a cheap first filter.
    if !is_anchor_prefix(b[s], b[s + 1], b[s + 2])
        || (s > 0 && b[s - 1].is_ascii_digit())
        || is_digit_at(b, e)
        || letter_around(text, s, e)
    {
        return None;
    }
    let w = &b[s..e];
    let last_end = out.last().map_or(0, |r| r.end);
    let hit = if let Some((m, abbr)) = month_of(w) {
        month_expr(b, s, e, m, abbr, last_end)
    } else if let Some(wd) = weekday_of(w) {
        weekday_expr(b, s, e, wd)
    } else if w.eq_ignore_ascii_case(b"last") {
        relative_expr(b, s, e, -1)
    } else if w.eq_ignore_ascii_case(b"this") {
        relative_expr(b, s, e, 0)
    } else if w.eq_ignore_ascii_case(b"next") {
        relative_expr(b, s, e, 1)
    } else if w.eq_ignore_ascii_case(b"www") && b.get(e) == Some(&b'.') {
        return Some(skip_link(b, e));
    } else {
        None
    };
    let r = hit?;
    let end = r.end;
    push(out, r);
    Some(end)
}

/// The year of a month without one, from the publication date.
fn year_from_publication(m: u32, rel: i32, p: Ymd) -> i32 {
    match rel {
        -1 if m < p.month => p.year,
        -1 => p.year - 1,
        1 if m > p.month => p.year,
        1 => p.year + 1,
        _ if m > p.month + FUTURE_MONTHS => p.year - 1,
        _ => p.year,
    }
}

fn partial_no_year(m1: u32, d1: u32, m2: u32, d2: u32, day: bool) -> String {
    if !day {
        return format!("--{m1:02}");
    }
    let d2 = if d2 == 0 { days_in_month(2000, m2) } else { d2 };
    if (m1, d1) == (m2, d2) {
        format!("--{m1:02}-{d1:02}")
    } else {
        format!("--{m1:02}-{d1:02}..--{m2:02}-{d2:02}")
    }
}

fn resolve(r: Raw, published: Option<Ymd>, ref_year: Option<i32>, text: &str) -> DateHit {
    let mut hit = DateHit {
        start: r.start,
        end: r.end,
        lo: None,
        hi: None,
        precision: DatePrecision::Day,
        resolution: Resolution::Unresolved,
        partial: None,
        qualifier: r.qualifier,
    };
    let resolved = |hit: &mut DateHit, lo: Ymd, hi: Ymd, res: Resolution| {
        hit.lo = Some(lo.days());
        hit.hi = Some(hi.days());
        hit.resolution = res;
    };
    match r.kind {
        RawKind::Explicit {
            lo, hi, precision, ..
        } => {
            hit.precision = precision;
            resolved(&mut hit, lo, hi, Resolution::Explicit);
        }
        RawKind::NoYear {
            m1,
            d1,
            m2,
            d2,
            day,
            rel,
        } => {
            hit.precision = if day {
                DatePrecision::Day
            } else {
                DatePrecision::Month
            };
            let year = match (published, ref_year) {
                (Some(p), _) => Some((year_from_publication(m1, rel, p), Resolution::Publication)),
                (None, Some(y)) => Some((y, Resolution::Inferred)),
                (None, None) => None,
            };
            match year {
                Some((y, res)) => {
                    let y2 = if m2 < m1 { y + 1 } else { y };
                    let lo = Ymd {
                        year: y,
                        month: m1,
                        day: d1.min(days_in_month(y, m1)),
                    };
                    let dim = days_in_month(y2, m2);
                    let hi = Ymd {
                        year: y2,
                        month: m2,
                        day: if d2 == 0 { dim } else { d2.min(dim) },
                    };
                    resolved(&mut hit, lo, hi, res);
                }
                None => hit.partial = Some(partial_no_year(m1, d1, m2, d2, day)),
            }
        }
        RawKind::Relative { month, offset } => {
            hit.precision = if month {
                DatePrecision::Month
            } else {
                DatePrecision::Year
            };
            match (published, ref_year, month) {
                (Some(p), _, false) => {
                    let y = p.year + offset;
                    resolved(
                        &mut hit,
                        Ymd::new(y, 1, 1).unwrap_or(p),
                        Ymd::new(y, 12, 31).unwrap_or(p),
                        Resolution::Publication,
                    );
                }
                (None, Some(y), false) => {
                    let y = y + offset;
                    let (lo, hi) = (month_span(y, 1).0, month_span(y, 12).1);
                    resolved(&mut hit, lo, hi, Resolution::Inferred);
                }
                (Some(p), _, true) => {
                    let idx = p.year * 12 + p.month as i32 - 1 + offset;
                    let (lo, hi) = month_span(idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1);
                    resolved(&mut hit, lo, hi, Resolution::Publication);
                }
                _ => hit.partial = Some(text[r.start..r.end].to_ascii_lowercase()),
            }
        }
        RawKind::Weekday { w1, w2, rel } => match published {
            Some(p) => {
                let today = p.days();
                let pw = p.weekday();
                let lo = match rel {
                    -1 => today - i64::from((pw + 6 - w1) % 7 + 1),
                    1 => today + i64::from((w1 + 6 - pw) % 7 + 1),
                    _ => today - i64::from((pw + 7 - w1) % 7),
                };
                let hi = lo + w2.map_or(0, |w2| i64::from((w2 + 7 - w1) % 7));
                hit.lo = Some(lo);
                hit.hi = Some(hi);
                hit.resolution = Resolution::Publication;
            }
            None => {
                let name = WEEKDAY_NAMES[w1 as usize];
                hit.partial = Some(match w2 {
                    Some(w2) => format!("{name}..{}", WEEKDAY_NAMES[w2 as usize]),
                    None => name.to_string(),
                });
            }
        },
    }
    hit
}

/// Every date expression in `text`, sorted by start, non-overlapping.
pub fn find_dates(text: &str, published: Option<Ymd>) -> Vec<DateHit> {
    resolve_all(scan(text, &tokenize(text)), published, text)
}

fn resolve_all(raws: Vec<Raw>, published: Option<Ymd>, text: &str) -> Vec<DateHit> {
    let ref_year = if published.is_none() {
        raws.iter()
            .filter_map(|r| match r.kind {
                RawKind::Explicit {
                    hi,
                    month_year: true,
                    ..
                } => Some(hi.year),
                _ => None,
            })
            .max()
    } else {
        None
    };
    raws.into_iter()
        .map(|r| resolve(r, published, ref_year, text))
        .collect()
}

/// How far into the article a dateline may be, in bytes.
const DATELINE_WINDOW: usize = 1500;
/// Words that introduce a dateline on its line ("Published: October 13, 2023").
const DATELINE_WORDS: &[&str] = &["published", "updated", "posted", "dated", "date"];

/// The article's own dateline or byline date, if it has one near the top:
/// ("October 13, 2023" alone on a line, "Written by X | October 22, 2023", "Published …").
/// Returns the date and the byte range of its text.
pub fn dateline(text: &str) -> Option<(Ymd, usize, usize)> {
    dateline_of(text, &scan(text, &tokenize(text)))
}

fn dateline_of(text: &str, raws: &[Raw]) -> Option<(Ymd, usize, usize)> {
    let mut lim = text.len().min(DATELINE_WINDOW);
    while lim < text.len() && lim < DATELINE_WINDOW + 200 && text.as_bytes()[lim] != b'\n' {
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

fn dateline_before_ok(before: &str) -> bool {
    if before.is_empty() || before.ends_with(is_separator) {
        return true;
    }
    let t = before.trim_end_matches([':', ',']).trim_end();
    let t = t
        .strip_suffix(" on")
        .or_else(|| t.strip_suffix(" On"))
        .unwrap_or(t);
    let last = t.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let rest = &t[..t.len() - last.len()];
    let rest_ok = rest.trim().is_empty() || rest.trim_end().ends_with(is_separator);
    rest_ok
        && (DATELINE_WORDS.iter().any(|w| last.eq_ignore_ascii_case(w))
            || weekday_of(last.as_bytes()).is_some())
}

/// "10:30", "9:05 AM".
fn is_clock(b: &[u8]) -> bool {
    b.len() >= 4
        && b[0].is_ascii_digit()
        && (b[1] == b':' || (b[1].is_ascii_digit() && b[2] == b':'))
}

fn dateline_after_ok(after: &str) -> bool {
    let b = after.as_bytes();
    after.is_empty()
        || after.starts_with(is_separator)
        || is_clock(b)
        || (b.len() > 3 && b[..3].eq_ignore_ascii_case(b"at ") && is_clock(&b[3..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use DatePrecision::{Day, Decade, Month, Year};
    use Qualifier::{AtMost, Exact, LessThan, MoreThan, Range};
    use Resolution::{Explicit, Inferred, Publication, Unresolved};

    #[test]
    fn anchor_table_accepts_exactly_the_anchor_prefixes() {
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                for c in b'a'..=b'z' {
                    let want = ANCHOR_PREFIXES.contains(&&[a, b, c]);
                    assert_eq!(is_anchor_prefix(a, b, c), want);
                    let up = (a.to_ascii_uppercase(), b, c.to_ascii_uppercase());
                    assert_eq!(is_anchor_prefix(up.0, up.1, up.2), want);
                }
            }
        }
    }

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

    #[test]
    fn days_round_trip() {
        for (y, m, d, days) in [(1970, 1, 1, 0), (2023, 10, 13, 19643), (2000, 2, 29, 11016)] {
            let ymd = Ymd::new(y, m, d).unwrap();
            assert_eq!(ymd.days(), days);
            assert_eq!(Ymd::from_days(days), ymd);
        }
        assert_eq!(Ymd::new(2023, 10, 13).unwrap().weekday(), 4); // Friday
    }

    /// (surface, lo, hi, precision, resolution, qualifier); lo/hi "" when unresolved, in which
    /// case `lo` holds the expected partial form.
    type Want = (
        &'static str,
        &'static str,
        &'static str,
        DatePrecision,
        Resolution,
        Qualifier,
    );

    const FRI: Option<&str> = Some("2023-10-13");

    fn check(text: &str, published: Option<&str>, want: &[Want]) {
        let published = published.map(|p| Ymd::parse_iso(p).unwrap());
        let hits = find_dates(text, published);
        for w in hits.windows(2) {
            assert!(w[0].end <= w[1].start, "overlap in {text:?}");
        }
        let got: Vec<Want> = hits
            .iter()
            .map(|h| {
                let iso = |d: Option<i64>| d.map(|d| Ymd::from_days(d).to_string());
                let (lo, hi) = match (iso(h.lo), iso(h.hi)) {
                    (Some(lo), Some(hi)) => (lo, hi),
                    _ => (h.partial.clone().unwrap_or_default(), String::new()),
                };
                (
                    &*text[h.start..h.end].to_string().leak(),
                    &*lo.leak(),
                    &*hi.leak(),
                    h.precision,
                    h.resolution,
                    h.qualifier,
                )
            })
            .collect();
        assert_eq!(got, want, "in {text:?}");
    }

    #[test]
    fn month_day_forms() {
        let cases: &[(&str, Option<&str>, &[Want])] = &[
            (
                "It opened on October 13, 2023 in Bishkek.",
                None,
                &[(
                    "October 13, 2023",
                    "2023-10-13",
                    "2023-10-13",
                    Day,
                    Explicit,
                    Exact,
                )],
            ),
            (
                "Talks resumed Oct. 12 after a pause.",
                FRI,
                &[(
                    "Oct. 12",
                    "2023-10-12",
                    "2023-10-12",
                    Day,
                    Publication,
                    Exact,
                )],
            ),
            (
                "Putin visited Kyrgyzstan on October 12-13 to discuss.",
                FRI,
                &[(
                    "October 12-13",
                    "2023-10-12",
                    "2023-10-13",
                    Day,
                    Publication,
                    Range,
                )],
            ),
            (
                "The summit ran October 12\u{2013}13, 2023.",
                None,
                &[(
                    "October 12\u{2013}13, 2023",
                    "2023-10-12",
                    "2023-10-13",
                    Day,
                    Explicit,
                    Range,
                )],
            ),
            (
                "Schools closed on October 12 and 13.",
                FRI,
                &[(
                    "October 12 and 13",
                    "2023-10-12",
                    "2023-10-13",
                    Day,
                    Publication,
                    Range,
                )],
            ),
            (
                "He arrived on 12 October 2023 and left on 13 October.",
                FRI,
                &[
                    (
                        "12 October 2023",
                        "2023-10-12",
                        "2023-10-12",
                        Day,
                        Explicit,
                        Exact,
                    ),
                    (
                        "13 October",
                        "2023-10-13",
                        "2023-10-13",
                        Day,
                        Publication,
                        Exact,
                    ),
                ],
            ),
            (
                "The forum is held 12-13 October.",
                FRI,
                &[(
                    "12-13 October",
                    "2023-10-12",
                    "2023-10-13",
                    Day,
                    Publication,
                    Range,
                )],
            ),
            (
                "It ran from October 30 to November 2.",
                FRI,
                &[(
                    "October 30 to November 2",
                    "2023-10-30",
                    "2023-11-02",
                    Day,
                    Publication,
                    Range,
                )],
            ),
            (
                "Signed on the 5th of May, 2021? No: signed on 5th of May.",
                FRI,
                &[
                    (
                        "5th of May, 2021",
                        "2021-05-05",
                        "2021-05-05",
                        Day,
                        Explicit,
                        Exact,
                    ),
                    (
                        "5th of May",
                        "2023-05-05",
                        "2023-05-05",
                        Day,
                        Publication,
                        Exact,
                    ),
                ],
            ),
            (
                "The parliament ratified it on October 11.",
                None,
                &[("October 11", "--10-11", "", Day, Unresolved, Exact)],
            ),
            (
                "Sept. 5, 2022 was a Monday.",
                None,
                &[(
                    "Sept. 5, 2022",
                    "2022-09-05",
                    "2022-09-05",
                    Day,
                    Explicit,
                    Exact,
                )],
            ),
            (
                "Due before October 20.",
                FRI,
                &[(
                    "October 20",
                    "2023-10-20",
                    "2023-10-20",
                    Day,
                    Publication,
                    LessThan,
                )],
            ),
        ];
        for (text, published, want) in cases {
            check(text, *published, want);
        }
    }

    #[test]
    fn month_forms() {
        let cases: &[(&str, Option<&str>, &[Want])] = &[
            (
                "issued a warrant against him in March 2023.",
                None,
                &[(
                    "March 2023",
                    "2023-03-01",
                    "2023-03-31",
                    Month,
                    Explicit,
                    Exact,
                )],
            ),
            (
                "charges in March \u{2014} the Russian leader",
                FRI,
                &[(
                    "March",
                    "2023-03-01",
                    "2023-03-31",
                    Month,
                    Publication,
                    Exact,
                )],
            ),
            (
                "In September, the military seized control.",
                FRI,
                &[(
                    "September",
                    "2023-09-01",
                    "2023-09-30",
                    Month,
                    Publication,
                    Exact,
                )],
            ),
            (
                "In November, talks stalled.",
                Some("2024-02-10"),
                &[(
                    "November",
                    "2023-11-01",
                    "2023-11-30",
                    Month,
                    Publication,
                    Exact,
                )],
            ),
            (
                "In December, talks stalled.",
                FRI,
                &[(
                    "December",
                    "2023-12-01",
                    "2023-12-31",
                    Month,
                    Publication,
                    Exact,
                )],
            ),
            (
                "meetings held since February 2022, signalling",
                None,
                &[(
                    "February 2022",
                    "2022-02-01",
                    "2022-02-28",
                    Month,
                    Explicit,
                    Exact,
                )],
            ),
            (
                "In early October, the bank urged caution.",
                FRI,
                &[(
                    "early October",
                    "2023-10-01",
                    "2023-10-10",
                    Day,
                    Publication,
                    Range,
                )],
            ),
            (
                "By mid-October the roads were closed; by late October 2022 they were open.",
                FRI,
                &[
                    (
                        "mid-October",
                        "2023-10-11",
                        "2023-10-20",
                        Day,
                        Publication,
                        Range,
                    ),
                    (
                        "late October 2022",
                        "2022-10-21",
                        "2022-10-31",
                        Day,
                        Explicit,
                        Range,
                    ),
                ],
            ),
            (
                "The plan dates from last March.",
                FRI,
                &[(
                    "last March",
                    "2023-03-01",
                    "2023-03-31",
                    Month,
                    Publication,
                    Exact,
                )],
            ),
            (
                "Prices rose after May and fell in June.",
                None,
                &[
                    ("May", "--05", "", Month, Unresolved, MoreThan),
                    ("June", "--06", "", Month, Unresolved, Exact),
                ],
            ),
            (
                "between March and May the talks stalled.",
                FRI,
                &[
                    (
                        "March",
                        "2023-03-01",
                        "2023-03-31",
                        Month,
                        Publication,
                        Exact,
                    ),
                    ("May", "2023-05-01", "2023-05-31", Month, Publication, Exact),
                ],
            ),
            (
                "In July, sanctions followed. Since January 2023, he stayed home.",
                None,
                &[
                    ("July", "2023-07-01", "2023-07-31", Month, Inferred, Exact),
                    (
                        "January 2023",
                        "2023-01-01",
                        "2023-01-31",
                        Month,
                        Explicit,
                        Exact,
                    ),
                ],
            ),
        ];
        for (text, published, want) in cases {
            check(text, *published, want);
        }
    }

    #[test]
    fn year_forms() {
        let cases: &[(&str, Option<&str>, &[Want])] = &[
            (
                "In 2022 Putin visited all five countries.",
                None,
                &[("2022", "2022-01-01", "2022-12-31", Year, Explicit, Exact)],
            ),
            (
                "The agreement was set for 2022, but it is valid until 2025 and since 1991.",
                None,
                &[
                    ("2022", "2022-01-01", "2022-12-31", Year, Explicit, Exact),
                    ("2025", "2025-01-01", "2025-12-31", Year, Explicit, Exact),
                    ("1991", "1991-01-01", "1991-12-31", Year, Explicit, Exact),
                ],
            ),
            (
                "Done before 2020, after 2010 and by 2030.",
                None,
                &[
                    ("2020", "2020-01-01", "2020-12-31", Year, Explicit, LessThan),
                    ("2010", "2010-01-01", "2010-12-31", Year, Explicit, MoreThan),
                    ("2030", "2030-01-01", "2030-12-31", Year, Explicit, AtMost),
                ],
            ),
            (
                "Growth slowed in early 2023 and late 2022.",
                None,
                &[
                    (
                        "early 2023",
                        "2023-01-01",
                        "2023-04-30",
                        Month,
                        Explicit,
                        Range,
                    ),
                    (
                        "late 2022",
                        "2022-09-01",
                        "2022-12-31",
                        Month,
                        Explicit,
                        Range,
                    ),
                ],
            ),
            (
                "Since the 1990s the region changed.",
                None,
                &[("1990s", "1990-01-01", "1999-12-31", Decade, Explicit, Range)],
            ),
            (
                "The plan ran in 2020-2022 and the period from 2024\u{2013}26.",
                None,
                &[
                    (
                        "2020-2022",
                        "2020-01-01",
                        "2022-12-31",
                        Year,
                        Explicit,
                        Range,
                    ),
                    (
                        "2024\u{2013}26",
                        "2024-01-01",
                        "2026-12-31",
                        Year,
                        Explicit,
                        Range,
                    ),
                ],
            ),
            (
                "Prices fell in mid-2023, in 2020, 2021 and 2022, and in 2019's budget.",
                None,
                &[
                    (
                        "mid-2023",
                        "2023-05-01",
                        "2023-08-31",
                        Month,
                        Explicit,
                        Range,
                    ),
                    ("2020", "2020-01-01", "2020-12-31", Year, Explicit, Exact),
                    ("2021", "2021-01-01", "2021-12-31", Year, Explicit, Exact),
                    ("2022", "2022-01-01", "2022-12-31", Year, Explicit, Exact),
                    ("2019", "2019-01-01", "2019-12-31", Year, Explicit, Exact),
                ],
            ),
            (
                "In May, June and July, and in the 1980\u{2019}s.",
                Some("2023-10-13"),
                &[
                    ("May", "2023-05-01", "2023-05-31", Month, Publication, Exact),
                    (
                        "June",
                        "2023-06-01",
                        "2023-06-30",
                        Month,
                        Publication,
                        Exact,
                    ),
                    (
                        "July",
                        "2023-07-01",
                        "2023-07-31",
                        Month,
                        Publication,
                        Exact,
                    ),
                    (
                        "1980\u{2019}s",
                        "1980-01-01",
                        "1989-12-31",
                        Decade,
                        Explicit,
                        Range,
                    ),
                ],
            ),
            (
                "Logged 2023-10-13T08:00:00Z.",
                None,
                &[(
                    "2023-10-13",
                    "2023-10-13",
                    "2023-10-13",
                    Day,
                    Explicit,
                    Exact,
                )],
            ),
            (
                "The report was filed 2023-10-13 at noon.",
                None,
                &[(
                    "2023-10-13",
                    "2023-10-13",
                    "2023-10-13",
                    Day,
                    Explicit,
                    Exact,
                )],
            ),
        ];
        for (text, published, want) in cases {
            check(text, *published, want);
        }
    }

    #[test]
    fn relative_and_weekdays() {
        let cases: &[(&str, Option<&str>, &[Want])] = &[
            (
                "fleeing the call-up since last year and next year.",
                FRI,
                &[
                    (
                        "last year",
                        "2022-01-01",
                        "2022-12-31",
                        Year,
                        Publication,
                        Exact,
                    ),
                    (
                        "next year",
                        "2024-01-01",
                        "2024-12-31",
                        Year,
                        Publication,
                        Exact,
                    ),
                ],
            ),
            (
                "Talks began last month; this month they end.",
                FRI,
                &[
                    (
                        "last month",
                        "2023-09-01",
                        "2023-09-30",
                        Month,
                        Publication,
                        Exact,
                    ),
                    (
                        "this month",
                        "2023-10-01",
                        "2023-10-31",
                        Month,
                        Publication,
                        Exact,
                    ),
                ],
            ),
            (
                "Since last year, in September 2023, things changed.",
                None,
                &[
                    (
                        "last year",
                        "2022-01-01",
                        "2022-12-31",
                        Year,
                        Inferred,
                        Exact,
                    ),
                    (
                        "September 2023",
                        "2023-09-01",
                        "2023-09-30",
                        Month,
                        Explicit,
                        Exact,
                    ),
                ],
            ),
            (
                "It rose since last year. Over the last year it fell.",
                None,
                &[("last year", "last year", "", Year, Unresolved, Exact)],
            ),
            (
                "As Putin arrived in Bishkek early Thursday, the network cut out.",
                FRI,
                &[(
                    "Thursday",
                    "2023-10-12",
                    "2023-10-12",
                    Day,
                    Publication,
                    Exact,
                )],
            ),
            (
                "talks on Thursday evening; the summit opened early Friday morning.",
                FRI,
                &[
                    (
                        "Thursday",
                        "2023-10-12",
                        "2023-10-12",
                        Day,
                        Publication,
                        Exact,
                    ),
                    (
                        "Friday",
                        "2023-10-13",
                        "2023-10-13",
                        Day,
                        Publication,
                        Exact,
                    ),
                ],
            ),
            (
                "classes remotely on Thursday and Friday.",
                FRI,
                &[(
                    "Thursday and Friday",
                    "2023-10-12",
                    "2023-10-13",
                    Day,
                    Publication,
                    Range,
                )],
            ),
            (
                "Putin on Thursday [met](#) with Japarov.",
                None,
                &[("Thursday", "Thursday", "", Day, Unresolved, Exact)],
            ),
            (
                "They met on Thursday, October 12, 2023.",
                FRI,
                &[(
                    "October 12, 2023",
                    "2023-10-12",
                    "2023-10-12",
                    Day,
                    Explicit,
                    Exact,
                )],
            ),
            (
                "He left last Friday and returns next Monday.",
                FRI,
                &[
                    (
                        "last Friday",
                        "2023-10-06",
                        "2023-10-06",
                        Day,
                        Publication,
                        Exact,
                    ),
                    (
                        "next Monday",
                        "2023-10-16",
                        "2023-10-16",
                        Day,
                        Publication,
                        Exact,
                    ),
                ],
            ),
        ];
        for (text, published, want) in cases {
            check(text, *published, want);
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "https://www.themoscowtimes.com/2023/10/13/anti-drone-protection-a82755",
            "<https://www.example.com/2023/october-13/story>",
            "Mail press2023@example.org or news@2023.example.org for 2023 plans.",
            "www.example.com/2023/10/13 is the address",
            "May I ask a question? Aliens May Have Found a Hiding Spot.",
            "Be the latter as it may, they march on the capital in august company.",
            "the 2000 people who came",
            "They sent 1999 troops and for 2023 rubles bought bread.",
            "a Section 501(c)(3) organisation",
            "the C5+1 format",
            "one of the 123 countries, more than 4,500 officers and 2,000 people",
            "It cost $2023 and 2023% and 2,023.",
            "a 20-month war and a 20-car motorcade",
            "12345678901234567890 2023456 in 20233",
            "Over the last year prices fell.",
            "March on, said the marchers.",
        ] {
            let hits = find_dates(text, Ymd::new(2023, 10, 13));
            assert!(hits.is_empty(), "{text:?} gave {hits:?}");
        }
    }

    #[test]
    fn seed_000_sentences() {
        let text = "By [Pyotr Kozlov](#)\n\nOctober 13, 2023\n\n\n\nPresident Vladimir Putin \
            arriving in Bishkek, Kyrgyzstan on Thursday. **Pavel Bednyakov, RIA Novosti / \
            kremlin.ru**\n\nThe agreement was set for 2022.\n\nOriginal article: \
            <https://www.themoscowtimes.com/2023/10/13/anti-drone-protection-a82755>\n";
        let published = dateline(text).map(|d| d.0);
        assert_eq!(published, Ymd::new(2023, 10, 13));
        let hits = find_dates(text, published);
        let surfaces: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(surfaces, ["October 13, 2023", "Thursday", "2022"]);
        assert_eq!(hits[1].lo, Some(Ymd::new(2023, 10, 12).unwrap().days()));
    }

    #[test]
    fn datelines() {
        let with = [
            (
                "Title\n\nBy [Pyotr Kozlov](#)\n\nOctober 13, 2023\n\nBody.",
                "2023-10-13",
            ),
            (
                "Written by Allan Millward | October 22, 2023\n\nBody text.",
                "2023-10-22",
            ),
            (
                "Headline\nPublished: 5 March 2024 10:30\nBody",
                "2024-03-05",
            ),
            ("Headline\nUpdated on Oct. 2, 2021\nBody", "2021-10-02"),
            (
                "Headline\nPosted October 2, 2021 at 9:15 AM EDT\nBody",
                "2021-10-02",
            ),
            ("Headline\n  Friday, October 13, 2023  \nBody", "2023-10-13"),
        ];
        for (text, want) in with {
            let (ymd, s, e) = dateline(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(ymd.to_string(), want);
            assert!(text[s..e].chars().next().unwrap().is_alphanumeric());
        }
        for text in [
            "By Myrzaiym Janybek kyzy\n\nPutin's visit on October 12 marked a trip since March 2023.",
            "Foreign Affairs\nThe republics gained independence since 1991.",
            "The summit opened on October 13, 2023 in Bishkek.",
            "",
        ] {
            assert_eq!(dateline(text), None, "{text:?}");
        }
        let far = format!("{}\nOctober 13, 2023\n", "x ".repeat(1000));
        assert_eq!(dateline(&far), None);
    }

    #[test]
    fn adversarial_input_is_linear() {
        let digits = "1".repeat(200_000);
        assert!(find_dates(&digits, None).is_empty());
        let words = "in May in March 2023 October ".repeat(20_000);
        let start = std::time::Instant::now();
        let hits = find_dates(&words, None);
        assert_eq!(hits.len(), 40_000);
        assert!(start.elapsed().as_secs() < 5);
        let spaces = format!("in{}2022", " ".repeat(100_000));
        assert!(find_dates(&spaces, None).len() <= 1);
    }

    #[test]
    fn random_token_soup_never_panics() {
        const TOKENS: &[&str] = &[
            "October",
            "Oct.",
            "May",
            "may",
            "12",
            "13th",
            "2023",
            "1990s",
            "-",
            "\u{2013}",
            "and",
            "in",
            "early",
            "mid-",
            "last",
            "year",
            "Thursday",
            ",",
            ".",
            "/",
            "\u{a0}",
            "\n",
            " ",
            "2023-10-13",
            "'s",
            "\u{2019}s",
            "of",
            "by",
            "https://",
            "@",
            "9999",
            "31",
            "Feb",
            "29",
            "2024",
            "to",
            "the",
            "people",
            "|",
            "Published",
            "é",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..24 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(TOKENS[(seed >> 33) as usize % TOKENS.len()]);
                if seed & 1 == 0 {
                    text.push(' ');
                }
            }
            for published in [None, Ymd::new(2024, 2, 29)] {
                let hits = find_dates(&text, published);
                for w in hits.windows(2) {
                    assert!(w[0].end <= w[1].start, "{text:?}");
                }
                for h in &hits {
                    assert!(
                        h.start < h.end && text.get(h.start..h.end).is_some(),
                        "{text:?}"
                    );
                    assert!(
                        h.lo.is_some() == h.hi.is_some() && h.lo <= h.hi,
                        "{text:?} {h:?}"
                    );
                }
            }
            let _ = dateline(&text);
        }
    }

    /// The fast paths on the tokenizer's marks (`plain`, `date_stop`) find what the general
    /// path finds with every token marked for a full look, on random token soup and the corpus.
    #[test]
    fn plain_words_scan_as_any_word() {
        const PIECES: &[&str] = &[
            "October",
            "Oct",
            "May",
            "may",
            "Mayé",
            "éOct",
            "12",
            "2023",
            "last",
            "this",
            "next",
            "year",
            "month",
            "Thursday",
            "Thu",
            "Sept",
            "www",
            "https://",
            "@",
            "'s",
            "’s",
            "O'",
            "Junes",
            "Septembers",
            "thirteen",
            "the",
            "a",
            ",",
            ".",
            "-",
            "\u{2013}",
            "1990s",
            "mid-",
            "early",
            "of",
            "é",
            "\u{a0}",
            "\n",
        ];
        let mut texts: Vec<String> = Vec::new();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..16 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
                if seed & 3 != 0 {
                    text.push(' ');
                }
            }
            texts.push(text);
        }
        for p in ["corpus", "tests/fixtures/conflicts"] {
            texts.extend(crate::extract::texts_in(p));
        }
        let mut plain = 0;
        for text in &texts {
            let toks = super::super::token::tokenize(text);
            let general: Vec<Tok> = toks
                .iter()
                .map(|&t| Tok {
                    plain: false,
                    date_stop: true,
                    ..t
                })
                .collect();
            plain += toks.iter().filter(|t| t.plain).count();
            assert_eq!(scan(text, &toks), scan(text, &general), "{text:?}");
        }
        assert!(plain > 1000);
    }
}
