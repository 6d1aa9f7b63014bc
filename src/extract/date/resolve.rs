//! Missing years and weekdays filled in. A month and day without a year take, in order: the
//! one year the same sentence names its event by ("May 12" beside "the 2008 quake"), unless
//! it is later than the publication date; the publication date
//! (a month after the publication month by more than [`FUTURE_MONTHS`] is last year's); the
//! latest year the article names with the same month ("June 9" in a piece that says "June
//! 2019"); the latest year the article names with any month. Else the date stays unresolved
//! and keeps its partial form ("--10-12", "Thursday") for [`resolve_from_event`], which gives
//! it the year of the other articles of the same event. Weekdays need the publication day.

use super::raw::{NoYear, Raw, RawKind};
use crate::calendar::{Ymd, days_in_month, month_span};
use crate::claim::{Claim, DatePrecision, Qualifier, Resolution};
use crate::lang::en::calendar::WEEKDAYS;

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

/// A month without a year that lies more than this many months after the publication month is
/// read as last year's ("in November" in a February article).
const FUTURE_MONTHS: u32 = 2;
/// A leap year: the last day a month can have, for the partial form of a date without a year.
const LEAP_YEAR: i32 = 2000;

/// What the dates of an article without a year resolve against: the day it was published
/// (`day`), or only the month (an address filed under `/2016/10/`), which dates weekdays not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reference {
    pub date: Ymd,
    pub day: bool,
}

/// What the article itself says about years, for its dates without one.
struct Years<'a> {
    reference: Option<Reference>,
    /// The latest year named with each month (index 0 = January), and with any month.
    by_month: [Option<i32>; 12],
    latest: Option<i32>,
    text: &'a str,
    sentences: &'a [(usize, usize)],
    /// Years that name an event ("the 2008 quake"), with their offsets, in order.
    named: &'a [(usize, i32)],
}

/// Every date of `raws` resolved against `reference`, else against what the article names: the
/// year of the same sentence, then of the same month, then the latest (see the module).
/// `sentences` are the article's sentence spans in order.
pub(super) fn resolve_all(
    raws: Vec<Raw>,
    named: &[(usize, i32)],
    reference: Option<Reference>,
    text: &str,
    sentences: &[(usize, usize)],
) -> Vec<DateHit> {
    let mut years = Years {
        reference,
        by_month: [None; 12],
        latest: None,
        text,
        sentences,
        named,
    };
    for r in &raws {
        if let RawKind::Explicit {
            lo,
            hi,
            month_year: true,
            ..
        } = r.kind
        {
            years.latest = years.latest.max(Some(hi.year));
            if lo.year == hi.year {
                for m in lo.month..=hi.month {
                    let slot = &mut years.by_month[m as usize - 1];
                    *slot = (*slot).max(Some(hi.year));
                }
            }
        }
    }
    raws.into_iter().map(|r| resolve(r, &years)).collect()
}

/// The one year the sentence around `at` names its event by ("the 2008 quake"); `None` when
/// it names none or several.
fn sentence_year(years: &Years, at: usize) -> Option<i32> {
    if years.named.is_empty() {
        return None;
    }
    let k = years.sentences.partition_point(|&(_, e)| e <= at);
    let &(s, e) = years.sentences.get(k).filter(|&&(s, _)| s <= at)?;
    let from = years.named.partition_point(|&(p, _)| p < s);
    let mut found = None;
    for &(p, y) in &years.named[from..] {
        if p >= e {
            break;
        }
        if found.is_some_and(|f| f != y) {
            return None;
        }
        found = Some(y);
    }
    found
}

/// The year of a month without one, from the publication date.
pub(super) fn year_from_publication(m: u32, rel: i32, p: Ymd) -> i32 {
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
    let d2 = if d2 == 0 {
        days_in_month(LEAP_YEAR, m2)
    } else {
        d2
    };
    if (m1, d1) == (m2, d2) {
        format!("--{m1:02}-{d1:02}")
    } else {
        format!("--{m1:02}-{d1:02}..--{m2:02}-{d2:02}")
    }
}

/// The hit resolved to the days `lo..=hi`.
fn set_days(hit: &mut DateHit, lo: Ymd, hi: Ymd, res: Resolution) {
    hit.lo = Some(lo.days());
    hit.hi = Some(hi.days());
    hit.resolution = res;
}

fn resolve(r: Raw, years: &Years) -> DateHit {
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
    let published = years.reference.map(|p| p.date);
    match r.kind {
        RawKind::Explicit {
            lo, hi, precision, ..
        } => {
            hit.precision = precision;
            set_days(&mut hit, lo, hi, Resolution::Explicit);
        }
        RawKind::NoYear(d) => no_year(&mut hit, d, years),
        RawKind::Relative { month, offset } => {
            hit.precision = if month {
                DatePrecision::Month
            } else {
                DatePrecision::Year
            };
            let written = || years.text[r.start..r.end].to_ascii_lowercase();
            relative(&mut hit, month, offset, published, years.latest, written);
        }
        RawKind::Weekday { w1, w2, rel } => {
            let day = years.reference.filter(|p| p.day).map(|p| p.date);
            weekday(&mut hit, w1, w2, rel, day);
        }
    }
    hit
}

/// Month(s) and day(s) without a year.
fn no_year(hit: &mut DateHit, d: NoYear, years: &Years) {
    let NoYear {
        m1,
        d1,
        m2,
        d2,
        day,
        rel,
    } = d;
    hit.precision = if day {
        DatePrecision::Day
    } else {
        DatePrecision::Month
    };
    let sentence = || sentence_year(years, hit.start).map(|y| (y, Resolution::Sentence));
    let published = || {
        years.reference.map(|p| {
            (
                year_from_publication(m1, rel, p.date),
                Resolution::Publication,
            )
        })
    };
    let inferred = || {
        years.by_month[m1 as usize - 1]
            .or(years.latest)
            .map(|y| (y, Resolution::Inferred))
    };
    // The sentence's year outranks the publication date only when it is no later.
    let year = sentence()
        .filter(|&(y, _)| years.reference.is_none_or(|p| y <= p.date.year))
        .or_else(published)
        .or_else(inferred);
    match year {
        Some((y, res)) => {
            let (lo, hi) = no_year_days(y, m1, d1, m2, d2);
            set_days(hit, lo, hi, res);
        }
        None => hit.partial = Some(partial_no_year(m1, d1, m2, d2, day)),
    }
}

/// The first and last day of days `d1` of `m1` to `d2` of `m2` (`d2` 0: the month's last day)
/// from year `y` on (the second end in the year after when the months wrap round).
fn no_year_days(y: i32, m1: u32, d1: u32, m2: u32, d2: u32) -> (Ymd, Ymd) {
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
    (lo, hi)
}

/// "last year", "this month" (`month`), shifted by `offset`; unresolved, the words as
/// `written`.
fn relative(
    hit: &mut DateHit,
    month: bool,
    offset: i32,
    published: Option<Ymd>,
    ref_year: Option<i32>,
    written: impl Fn() -> String,
) {
    match (published, ref_year, month) {
        (Some(p), _, false) => {
            let y = p.year + offset;
            set_days(
                hit,
                Ymd::new(y, 1, 1).unwrap_or(p),
                Ymd::new(y, 12, 31).unwrap_or(p),
                Resolution::Publication,
            );
        }
        (None, Some(y), false) => {
            let y = y + offset;
            let (lo, hi) = (month_span(y, 1).0, month_span(y, 12).1);
            set_days(hit, lo, hi, Resolution::Inferred);
        }
        (Some(p), _, true) => {
            let idx = p.year * 12 + p.month as i32 - 1 + offset;
            let (lo, hi) = month_span(idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1);
            set_days(hit, lo, hi, Resolution::Publication);
        }
        _ => hit.partial = Some(written()),
    }
}

/// A weekday `w1` (to `w2`), the one before (`rel` -1), after (1) or of the publication week.
fn weekday(hit: &mut DateHit, w1: u32, w2: Option<u32>, rel: i32, published: Option<Ymd>) {
    match published {
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
            let name = WEEKDAYS[w1 as usize];
            hit.partial = Some(match w2 {
                Some(w2) => format!("{name}..{}", WEEKDAYS[w2 as usize]),
                None => name.to_string(),
            });
        }
    }
}

/// The dates of an article with no date of its own, given `event`, the date of the other
/// articles of the same event: a dateline left without its year takes the event's and then
/// dates the rest of the article; every other date left unresolved, or given only the latest
/// year the article names with another month, takes the year of the event (or the dateline)
/// as a publication date would give it. Weekdays and relative words stay as they are.
pub fn resolve_from_event(claims: &mut [Claim], event: Reference) {
    let mut reference = event.date;
    if let Some(c) = claims
        .iter_mut()
        .find(|c| c.date.as_ref().is_some_and(|d| d.dateline))
        && let Some((m1, d1, m2, d2)) = partial_days(c)
    {
        let y = year_from_publication(m1, 0, reference);
        let (lo, hi) = no_year_days(y, m1, d1, m2, d2);
        set_claim_days(c, lo, hi);
        reference = lo;
    }
    // Years the article names with a month, each with its month: an inferred year that one of
    // them supports stays.
    let named: Vec<(i32, u32)> = claims
        .iter()
        .filter(|c| {
            c.date.as_ref().is_some_and(|d| {
                d.resolution == Resolution::Explicit && d.precision <= DatePrecision::Month
            })
        })
        .filter_map(|c| c.value.lo().map(|d| Ymd::from_days(d as i64)))
        .map(|d| (d.year, d.month))
        .collect();
    for c in claims.iter_mut() {
        let Some(d) = &c.date else { continue };
        let days = match d.resolution {
            Resolution::Unresolved => partial_days(c),
            Resolution::Inferred if d.precision <= DatePrecision::Month => {
                let lo = c.value.lo().map(|v| Ymd::from_days(v as i64));
                let hi = c.value.hi().map(|v| Ymd::from_days(v as i64));
                match (lo, hi) {
                    (Some(lo), Some(hi)) if !named.contains(&(lo.year, lo.month)) => {
                        let day = d.precision == DatePrecision::Day;
                        let (d1, d2) = if day { (lo.day, hi.day) } else { (1, 0) };
                        Some((lo.month, d1, hi.month, d2))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some((m1, d1, m2, d2)) = days {
            let y = year_from_publication(m1, 0, reference);
            let (lo, hi) = no_year_days(y, m1, d1, m2, d2);
            set_claim_days(c, lo, hi);
        }
    }
}

/// The months and days of a date claim's partial form ("--10-12", "--03",
/// "--10-30..--11-02"): (m1, d1, m2, d2), `d2` 0 for a whole month.
fn partial_days(c: &Claim) -> Option<(u32, u32, u32, u32)> {
    let p = c.date.as_ref()?.partial.as_deref()?;
    let one = |s: &str| -> Option<(u32, Option<u32>)> {
        let s = s.strip_prefix("--")?;
        let mut parts = s.split('-');
        let m: u32 = parts.next()?.parse().ok()?;
        let d = match parts.next() {
            Some(d) => Some(d.parse().ok()?),
            None => None,
        };
        ((1..=12).contains(&m) && parts.next().is_none()).then_some((m, d))
    };
    let (a, b) = p.split_once("..").unwrap_or((p, p));
    let ((m1, d1), (m2, d2)) = (one(a)?, one(b)?);
    Some((m1, d1.unwrap_or(1), m2, d2.unwrap_or(0)))
}

/// Give the date claim `c` the days `lo..=hi`, their year from the event.
fn set_claim_days(c: &mut Claim, lo: Ymd, hi: Ymd) {
    let value = crate::claim::Interval::new(Some(lo.days() as f64), Some(hi.days() as f64));
    c.value = value;
    let unit = c.written().unit;
    c.set_written(crate::claim::Written { value, unit });
    c.bounds = super::bounds(value, c.qualifier);
    if let Some(d) = &mut c.date {
        d.resolution = Resolution::Event;
        d.partial = None;
    }
}
