//! English calendar words: month and weekday names and their abbreviations, the words that make
//! a month or a number a date ("in March", "since 2022"), the relative words ("last year"), the
//! parts of a period ("early October"), range and list words, and the words of a dateline
//! ("Published: …"). Each list is written once, here; the date scanner and the sentence
//! splitter ask the lookups below. From the names a compile-time bit table of anchor prefixes
//! is built (the first three letters of every word the date scanner stops at), which the
//! tokenizer and the live-sentence test read too.

use crate::claim::Qualifier;

/// The months in order, as written in full, each with whether its lowercase form is also an
/// everyday word ("may" a verb, "march" and "august" a verb and an adjective), so that only the
/// capitalized form is a month.
pub const MONTHS: [(&str, bool); 12] = [
    ("January", false),
    ("February", false),
    ("March", true),
    ("April", false),
    ("May", true),
    ("June", false),
    ("July", false),
    ("August", true),
    ("September", false),
    ("October", false),
    ("November", false),
    ("December", false),
];

/// Abbreviated month names and their month (1–12): "Oct. 12", "Sept 5". No abbreviation ends a
/// sentence.
pub const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// The weekdays, Monday first, as an unresolved weekday is written ("Thursday").
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Abbreviated weekday names (abbreviations to the sentence splitter; the date scanner does not
/// read them).
pub const WEEKDAY_ABBREVIATIONS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Words before a month, weekday, "year" or "month" that shift it: "last March" (-1), "this
/// month" (0), "next year" (1).
pub const RELATIVE_WORDS: [(&str, i32); 3] = [("last", -1), ("this", 0), ("next", 1)];

/// The periods a relative word counts in ("last year", "next month"): whether the word is the
/// month.
pub const RELATIVE_UNITS: [(&str, bool); 2] = [("year", false), ("month", true)];

/// The parts of a period, in order: "early October", "mid-2023", "late 1990s".
pub const PARTS: [&str; 3] = ["early", "mid", "late"];

/// Prepositions before a month or a year alone that make it a date ("in March", "since 2022").
pub const DATE_PREPOSITIONS: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "through", "during", "before", "after", "of",
    "between",
];

/// Further words before a bare four-digit number that make it a year ("for 2023", "2020 and
/// 2021", "around 1900"); a part of a period and the [`DATE_PREPOSITIONS`] do too.
pub const YEAR_CONTEXT: &[&str] = &["for", "to", "and", "or", "year", "around", "circa"];

/// Words that coordinate a second date with the one just before ("March and May").
pub const COORDINATORS: &[&str] = &["and", "or", "to", "through", "until", "till"];

/// Words between the two ends of a range ("12 to 13", "Thursday and Friday").
pub const RANGE_WORDS: &[&str] = &["and", "to", "through", "thru", "until", "till"];

/// Lowercase words that may follow a year; any other lowercase word makes the number a count
/// ("in 2000 people" is no year).
pub const YEAR_FOLLOWERS: &[&str] = &[
    "a", "after", "against", "ago", "alone", "also", "amid", "among", "an", "and", "are", "as",
    "at", "because", "before", "but", "by", "can", "could", "despite", "did", "does", "during",
    "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it",
    "its", "may", "might", "more", "most", "nor", "not", "of", "on", "onward", "onwards", "only",
    "or", "our", "over", "should", "since", "so", "some", "than", "that", "the", "their", "then",
    "there", "these", "they", "this", "those", "through", "to", "under", "until", "was", "we",
    "were", "when", "where", "which", "while", "who", "will", "with", "would", "yet", "you",
];

/// Determiners before a month used as an adjective of the noun after it: "in a December
/// interview", "the March report", "its January issue" (the month the article means).
pub const ATTRIBUTIVE_BEFORE: &[&str] = &["a", "an", "the", "its", "his", "her", "their"];

/// Words before a weekday that make it no particular day ("every Friday", "on a Monday").
pub const INDEFINITE: &[&str] = &["a", "an", "every", "each", "any"];

/// Prepositions that bound a date on one side: "before 2020", "after May", "by 2030".
pub const BOUNDS: [(&str, Qualifier); 3] = [
    ("before", Qualifier::LessThan),
    ("after", Qualifier::MoreThan),
    ("by", Qualifier::AtMost),
];

/// The article that makes "the last year" a duration rather than a date, and "the 2020's" a
/// decade rather than a possessive.
pub const DEFINITE_ARTICLE: &str = "the";

/// The word between a day and its month: "5th of May".
pub const DAY_OF_MONTH: &str = "of";

/// Suffixes of ordinal day numbers: "1st", "2nd", "3rd", "12th".
pub const ORDINAL_SUFFIXES: [&str; 4] = ["st", "nd", "rd", "th"];

/// The plural ending of a decade: "the 1990s", and glued to a whole number of tens, a decade of
/// a life or a century ("people in their 20s", "the 80s"), no count.
pub const DECADE_SUFFIX: &str = "s";

/// The largest two-digit decade ("the 90s"); a four-digit one ("the 1990s") is a date.
pub const SHORT_DECADE_MAX: f64 = 90.0;

/// The ending of a decade written with an apostrophe ("the 1980's", "the early 2000’s"), read
/// as a decade only after [`DEFINITE_ARTICLE`] or a part of a period ("in 2019's budget" is a
/// possessive).
pub const DECADE_APOSTROPHE_SUFFIXES: [&str; 2] = ["'s", "\u{2019}s"];

/// Words that introduce a dateline on its line ("Published: October 13, 2023").
pub const DATELINE_WORDS: &[&str] = &["published", "updated", "posted", "dated", "date"];

/// The preposition between a dateline word and its date ("Updated on Oct. 2, 2021"), written in
/// lowercase or capitalized.
pub const DATELINE_ON: &str = "on";

/// The preposition between a dateline's date and its clock time ("October 2, 2021 at 9:15").
pub const DATELINE_AT: &str = "at";

/// Not a word but the host prefix of web addresses ("www.example.com"): the date scanner stops
/// at it, as at the anchor words, to step over the address.
pub const LINK_HOST: &str = "www";

/// Whether `w` is one of `list`, in any case.
pub fn in_list(list: &[&str], w: &[u8]) -> bool {
    list.iter().any(|x| x.as_bytes().eq_ignore_ascii_case(w))
}

/// A month name, written out or abbreviated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthName {
    /// 1–12.
    pub month: u32,
    /// Abbreviated ("Oct").
    pub abbreviation: bool,
    /// Its lowercase form is also an everyday word ("may").
    pub everyday: bool,
}

/// What an anchor word (a word the date scanner stops at) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// A month.
    Month(MonthName),
    /// A weekday, 0 = Monday … 6 = Sunday.
    Weekday(u32),
    /// "last" (-1), "this" (0), "next" (1).
    Relative(i32),
    /// [`LINK_HOST`].
    Link,
}

/// The word of ASCII letters `w` (at most twelve), lowercased, five bits a letter, the first
/// highest: distinct words give distinct keys. `None` for anything else.
const fn key(w: &[u8]) -> Option<u64> {
    if w.len() > 12 {
        return None;
    }
    let mut k = 0u64;
    let mut i = 0;
    while i < w.len() {
        let c = w[i].to_ascii_lowercase();
        if !c.is_ascii_lowercase() {
            return None;
        }
        k = k << 5 | (c - b'a' + 1) as u64;
        i += 1;
    }
    Some(k)
}

const ANCHOR_COUNT: usize =
    MONTHS.len() + MONTH_ABBREVIATIONS.len() + WEEKDAYS.len() + RELATIVE_WORDS.len() + 1;

/// Every anchor word with what it is, sorted by [`key`] for a binary search.
const ANCHORS: [(u64, Anchor); ANCHOR_COUNT] = {
    let mut t = [(0u64, Anchor::Link); ANCHOR_COUNT];
    let mut n = 0;
    let mut i = 0;
    while i < MONTHS.len() {
        let anchor = Anchor::Month(MonthName {
            month: i as u32 + 1,
            abbreviation: false,
            everyday: MONTHS[i].1,
        });
        t[n] = (word_key(MONTHS[i].0), anchor);
        (n, i) = (n + 1, i + 1);
    }
    i = 0;
    while i < MONTH_ABBREVIATIONS.len() {
        let (w, month) = MONTH_ABBREVIATIONS[i];
        let anchor = Anchor::Month(MonthName {
            month,
            abbreviation: true,
            everyday: false,
        });
        t[n] = (word_key(w), anchor);
        (n, i) = (n + 1, i + 1);
    }
    i = 0;
    while i < WEEKDAYS.len() {
        t[n] = (word_key(WEEKDAYS[i]), Anchor::Weekday(i as u32));
        (n, i) = (n + 1, i + 1);
    }
    i = 0;
    while i < RELATIVE_WORDS.len() {
        let (w, offset) = RELATIVE_WORDS[i];
        t[n] = (word_key(w), Anchor::Relative(offset));
        (n, i) = (n + 1, i + 1);
    }
    t[n] = (word_key(LINK_HOST), Anchor::Link);
    // Insertion sort; a word written twice is an error.
    i = 1;
    while i < t.len() {
        let mut j = i;
        while j > 0 && t[j - 1].0 >= t[j].0 {
            assert!(t[j - 1].0 != t[j].0, "an anchor word written twice");
            (t[j - 1], t[j]) = (t[j], t[j - 1]);
            j -= 1;
        }
        i += 1;
    }
    t
};

const fn word_key(w: &str) -> u64 {
    match key(w.as_bytes()) {
        Some(k) => k,
        None => panic!("an anchor word of other than ASCII letters"),
    }
}

/// What the word `w` is to the date scanner, in any case: a month, a weekday, a relative word or
/// the web host prefix.
#[inline]
pub fn anchor(w: &[u8]) -> Option<Anchor> {
    let k = key(w)?;
    ANCHORS
        .binary_search_by_key(&k, |&(k, _)| k)
        .ok()
        .map(|i| ANCHORS[i].1)
}

/// The month the word `w` names, in any case.
pub fn month(w: &[u8]) -> Option<MonthName> {
    match anchor(w)? {
        Anchor::Month(m) => Some(m),
        _ => None,
    }
}

/// 0 = Monday … 6 = Sunday.
pub fn weekday(w: &[u8]) -> Option<u32> {
    match anchor(w)? {
        Anchor::Weekday(d) => Some(d),
        _ => None,
    }
}

/// "last", "this", "next": -1, 0, 1.
pub fn relative(w: &[u8]) -> Option<i32> {
    relative_word(w).map(|(_, offset)| offset)
}

/// "last", "this", "next" as the table spells them, with their offsets.
pub fn relative_word(w: &[u8]) -> Option<(&'static str, i32)> {
    RELATIVE_WORDS
        .iter()
        .find(|(r, _)| r.as_bytes().eq_ignore_ascii_case(w))
        .copied()
}

/// The unit of a relative date of a year ("last year"), as [`RELATIVE_UNITS`] spells it.
pub const YEAR_UNIT: &str = RELATIVE_UNITS[0].0;

/// Whether `w` before a month alone makes it a date: a date preposition, a part of a period or
/// a relative word ("in March", "early May", "last June").
pub fn is_month_context(w: &[u8]) -> bool {
    in_list(DATE_PREPOSITIONS, w) || in_list(&PARTS, w) || relative(w).is_some()
}

/// Whether `w` before a bare four-digit number makes it a year: a date preposition, a part of
/// a period or one of [`YEAR_CONTEXT`] ("in 2022", "mid 2023", "for 2024").
pub fn is_year_context(w: &[u8]) -> bool {
    in_list(DATE_PREPOSITIONS, w) || in_list(YEAR_CONTEXT, w) || in_list(&PARTS, w)
}

/// A month or weekday name written out ("March", "thursday"), any case: a date word, never a
/// name of a person or place.
pub fn is_calendar_name(word: &str) -> bool {
    matches!(
        anchor(word.as_bytes()),
        Some(
            Anchor::Month(MonthName {
                abbreviation: false,
                ..
            }) | Anchor::Weekday(_)
        )
    )
}

/// For each first and second letter (their low five bits), a bit per third letter that
/// completes the first three letters of an anchor word: three table look-ups decide any word.
const ANCHOR_TABLE: [[u32; 32]; 32] = {
    let mut t = [[0u32; 32]; 32];
    let mut k = 0;
    while k < ANCHORS.len() {
        // Every anchor word is an ASCII word of three letters or more (its key has fifteen
        // bits or more); its first three letters are the key's highest three five-bit codes.
        let key = ANCHORS[k].0;
        let mut top = key;
        let mut bits = 0;
        while top > 0 {
            top >>= 5;
            bits += 5;
        }
        assert!(bits >= 15, "an anchor word of fewer than three letters");
        let (a, b, c) = (key >> (bits - 5), key >> (bits - 10), key >> (bits - 15));
        t[(a & 31) as usize][(b & 31) as usize] |= 1 << (c & 31);
        k += 1;
    }
    t
};

/// Whether a word starting with the ASCII letters `a`, `b`, `c` (any case) may be an anchor
/// word: its first three letters are those of a month or weekday name, a relative word or the
/// web host prefix.
#[inline]
pub fn is_anchor_prefix(a: u8, b: u8, c: u8) -> bool {
    ANCHOR_TABLE[usize::from(a & 31)][usize::from(b & 31)] & (1 << (c & 31)) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchor_table_accepts_exactly_the_anchor_prefixes() {
        // The prefixes the table held when it was written by hand.
        const PREFIXES: [&[u8; 3]; 23] = [
            b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
            b"dec", b"mon", b"tue", b"wed", b"thu", b"fri", b"sat", b"sun", b"las", b"thi", b"nex",
            b"www",
        ];
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                for c in b'a'..=b'z' {
                    let want = PREFIXES.contains(&&[a, b, c]);
                    assert_eq!(is_anchor_prefix(a, b, c), want);
                    let up = (a.to_ascii_uppercase(), b, c.to_ascii_uppercase());
                    assert_eq!(is_anchor_prefix(up.0, up.1, up.2), want);
                }
            }
        }
    }

    /// The packed look-up agrees with the tables read one by one, for the words, their other
    /// cases, their prefixes and longer words.
    #[test]
    fn anchor_lookup_is_the_tables() {
        fn reference(w: &[u8]) -> Option<Anchor> {
            let eq = |x: &str| x.as_bytes().eq_ignore_ascii_case(w);
            if let Some(i) = MONTHS.iter().position(|(m, _)| eq(m)) {
                return Some(Anchor::Month(MonthName {
                    month: i as u32 + 1,
                    abbreviation: false,
                    everyday: MONTHS[i].1,
                }));
            }
            if let Some(&(_, month)) = MONTH_ABBREVIATIONS.iter().find(|(m, _)| eq(m)) {
                return Some(Anchor::Month(MonthName {
                    month,
                    abbreviation: true,
                    everyday: false,
                }));
            }
            if let Some(i) = WEEKDAYS.iter().position(|d| eq(d)) {
                return Some(Anchor::Weekday(i as u32));
            }
            if let Some(&(_, offset)) = RELATIVE_WORDS.iter().find(|(r, _)| eq(r)) {
                return Some(Anchor::Relative(offset));
            }
            eq(LINK_HOST).then_some(Anchor::Link)
        }
        let mut words: Vec<String> = MONTHS.iter().map(|m| m.0.to_string()).collect();
        words.extend(MONTH_ABBREVIATIONS.iter().map(|m| m.0.to_string()));
        words.extend(WEEKDAYS.iter().map(|d| d.to_string()));
        words.extend(RELATIVE_WORDS.iter().map(|r| r.0.to_string()));
        words.push(LINK_HOST.into());
        for w in words.clone() {
            words.push(w.to_ascii_uppercase());
            words.push(w.to_ascii_lowercase());
            words.push(format!("{w}s"));
            words.push(format!("{w}\u{e9}"));
            words.push(w[1..].to_string());
            words.push(w[..w.len() - 1].to_string());
        }
        words.extend(
            [
                "",
                "a",
                "mayday",
                "internationalization",
                "Jan.",
                "Ma-y",
                "\0",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(anchor(w.as_bytes()), reference(w.as_bytes()), "{w:?}");
        }
        assert!(is_calendar_name("march") && is_calendar_name("SUNDAY"));
        assert!(!is_calendar_name("Sept") && !is_calendar_name("last"));
    }
}
