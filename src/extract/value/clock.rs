//! Times of day: "6:04 pm IST", "06:05 PM", "08:30 GMT", "4.30pm local time", "0830 GMT",
//! "at 10 a.m.", "18:00:30". The value is the minutes since midnight in the zone written (the
//! unit: "IST", "GMT", "local", or empty when the text names none), so two articles giving
//! different times for one event conflict like any other figures.
//!
//! A form is a time of day only when something says so: am/pm, a zone, "hrs", or, for a bare
//! "10:30", a word before it that takes a time ("at", "by", "until"). Scores ("2-0"), ratios
//! ("3:1"), verses ("John 3:16"), "24/7" and "at 10 of the 12 sites" say nothing of the kind.

use super::cursor::Grammar;
use super::found::{Found, Measured, Qty};
use crate::claim::{Dimension, Kind};
use crate::lang::en::clock;

/// Minutes in an hour, and the most minutes a written minute may show.
const MINUTES_PER_HOUR: u32 = 60;

/// The last hour of a 24-hour clock and of a 12-hour one.
const LAST_HOUR_24: u32 = 23;
const LAST_HOUR_12: u32 = 12;

/// Digits of the minutes in "6:04", "4.30pm", and of a 24-hour "0830".
const MINUTE_DIGITS: u16 = 2;
const MILITARY_DIGITS: u16 = 4;

/// How the hour and minutes are written.
#[derive(Clone, Copy, PartialEq)]
enum Form {
    /// "6:04", "18:00:30".
    Colon,
    /// "4.30" (needs am/pm or a zone).
    Dotted,
    /// "0830" (needs a zone or "hrs").
    Military,
    /// "10" (needs am/pm).
    Hour,
}

impl Grammar<'_> {
    /// Whether token `i` is digits with a colon glued after them and digits glued after that:
    /// the tokenizer keeps such tokens from every other rule ("10:30", "3:1"); this one reads
    /// them.
    pub(super) fn colon_digits(&self, i: usize) -> bool {
        self.is_num(i)
            && self.punct(i + 1) == Some(':')
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.is_num(i + 2)
    }

    /// A time of day starting at the number at `i`.
    pub(super) fn try_clock(&self, i: usize, to: usize) -> Option<Found> {
        let n = self.toks[i].num()?;
        if self.blocked[i] || n.grouped {
            return None;
        }
        let from = self.sentence_from.get();
        // Glued to what comes before ("v1:30", "3-10:30", "/10:30"): part of a code or a chain.
        if i > from && self.glued(i) && !matches!(self.punct(i - 1), Some('(' | '"' | '“' | '['))
        {
            return None;
        }
        let (form, hour, minute, mut j) = self.clock_digits(i, to)?;
        // Glued on after the digits ("10:30/11", "4.30.5"): not a time.
        let glued_on =
            j < to && self.glued(j) && (self.is_num(j) || self.punct(j).is_some_and(|c| c != ','));
        let period_at_end = self.punct(j) == Some('.') && j + 1 >= to;
        if glued_on && !period_at_end {
            return None;
        }
        let mut hour = hour;
        let mer = self.meridiem(j, to);
        // "20 people", "3.50": most numbers end here, before any look at a zone.
        if mer.is_none() && matches!(form, Form::Hour) {
            return None;
        }
        if let Some((add, end)) = mer {
            if hour == 0 || hour > LAST_HOUR_12 || form == Form::Military {
                return None;
            }
            hour = hour % LAST_HOUR_12 + add;
            j = end;
        }
        let (zone, end) = self.zone(j, to).unwrap_or(("", j));
        let leading_zero = self.raw(i).starts_with('0');
        let hrs = zone.is_empty()
            && mer.is_none()
            && j < to
            && (self.is(j, clock::HRS) || (leading_zero && self.is(j, clock::HOURS)));
        let said = mer.is_some() || !zone.is_empty();
        let ok = match form {
            Form::Colon => said || hrs || (i > from && self.is_in(i - 1, clock::BEFORE_BARE)),
            Form::Dotted => said,
            Form::Military => !zone.is_empty() || hrs,
            Form::Hour => mer.is_some(),
        };
        if !ok || hour > LAST_HOUR_24 {
            return None;
        }
        let end = if hrs { j + 1 } else { end };
        let minutes = f64::from(hour * MINUTES_PER_HOUR) + minute;
        let qual = self.qualifier_before(i, from);
        let q = Qty::exact(i, end, minutes, false);
        let m = Measured::new(Kind::TimeOfDay, Dimension::TimeOfDay, end).unit(zone, zone, 1.0);
        Some(Found::of(q, qual, m))
    }

    /// The hour and minutes written at `i`, how, and the token after them.
    fn clock_digits(&self, i: usize, to: usize) -> Option<(Form, u32, f64, usize)> {
        let n = self.toks[i].num()?;
        let two = |k: usize| {
            self.toks.get(k).and_then(|t| t.num()).filter(|m| {
                m.int_digits == MINUTE_DIGITS
                    && m.decimals == 0
                    && m.value < f64::from(MINUTES_PER_HOUR)
            })
        };
        if n.decimals == 0 && n.int_digits <= MINUTE_DIGITS && self.colon_digits(i) {
            let m = two(i + 2)?;
            let mut minute = m.value;
            let mut j = i + 3;
            if j + 1 < to && self.punct(j) == Some(':') && self.glued(j) && self.glued(j + 1) {
                minute += two(j + 1)?.value / f64::from(MINUTES_PER_HOUR);
                j += 2;
            }
            return Some((Form::Colon, n.value as u32, minute, j.min(to)));
        }
        if self.toks[i].inert() {
            return None;
        }
        let raw = self.raw(i);
        if n.decimals == MINUTE_DIGITS as u8 && n.int_digits <= MINUTE_DIGITS {
            let (h, m) = raw.split_once('.')?;
            let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
            return (m < MINUTES_PER_HOUR).then_some((Form::Dotted, h, f64::from(m), i + 1));
        }
        if n.decimals == 0 && n.int_digits == MILITARY_DIGITS && raw.len() == 4 {
            let v: u32 = raw.parse().ok()?;
            let (h, m) = (v / 100, v % 100);
            return (m < MINUTES_PER_HOUR).then_some((Form::Military, h, f64::from(m), i + 1));
        }
        if n.decimals == 0 && n.int_digits <= MINUTE_DIGITS {
            return Some((Form::Hour, n.value as u32, 0.0, i + 1));
        }
        None
    }

    /// "pm", "PM", "p.m.", "p.m" at `j`: the hours it adds and the token after it.
    fn meridiem(&self, j: usize, to: usize) -> Option<(u32, usize)> {
        if j >= to {
            return None;
        }
        if let Some(add) = clock::meridiem(self.w(j)) {
            // "4.30pm." at the end: the period belongs to the sentence.
            return Some((add, j + 1));
        }
        let add = clock::meridiem_dotted(self.w(j))?;
        let dotted = self.punct(j + 1) == Some('.')
            && self.glued(j + 1)
            && self.is(j + 2, clock::MERIDIEM_M)
            && self.glued(j + 2)
            && j + 2 < to;
        if !dotted {
            return None;
        }
        let end = if self.punct(j + 3) == Some('.') && self.glued(j + 3) && j + 3 < to {
            j + 4
        } else {
            j + 3
        };
        Some((add, end))
    }

    /// A zone at `j` ("IST", "GMT", "local time") and the token after it.
    fn zone(&self, j: usize, to: usize) -> Option<(&'static str, usize)> {
        if j >= to {
            return None;
        }
        if self.toks[j].is_word()
            && let Some(z) = clock::zone(self.raw(j))
        {
            return Some((z, j + 1));
        }
        (self.is(j, clock::LOCAL) && j + 1 < to && self.is(j + 1, clock::LOCAL_TIME))
            .then_some((clock::LOCAL_UNIT, j + 2))
    }
}

#[cfg(test)]
mod tests {
    use crate::claim::{Claim, Kind};
    use crate::extract::{Context, extract};

    fn times(text: &str) -> Vec<(String, f64, String)> {
        extract(text, &Context::default())
            .into_iter()
            .filter(|c: &Claim| c.kind == Kind::TimeOfDay)
            .map(|c| {
                (
                    c.text.to_string(),
                    c.value.lo().unwrap(),
                    c.unit.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn times_of_day_with_their_zone() {
        let t = |s: &str| times(s);
        assert_eq!(
            t("The lander touched down at 6:04 pm IST on Wednesday."),
            [("6:04 pm IST".into(), 1084.0, "IST".into())]
        );
        assert_eq!(
            t("It landed at around 06:05 PM."),
            [("around 06:05 PM".into(), 1085.0, "".into())]
        );
        assert_eq!(
            t("Trading opened at 08:30 GMT."),
            [("08:30 GMT".into(), 510.0, "GMT".into())]
        );
        assert_eq!(
            t("It began at 4.30pm local time in Kabul."),
            [("4.30pm local time".into(), 990.0, "local".into())]
        );
        assert_eq!(
            t("The blast came at 0830 GMT."),
            [("0830 GMT".into(), 510.0, "GMT".into())]
        );
        assert_eq!(
            t("He spoke at 10 a.m. on Monday."),
            [("10 a.m.".into(), 600.0, "".into())]
        );
        assert_eq!(
            t("He spoke at 12 a.m. and 12 pm."),
            [
                ("12 a.m.".into(), 0.0, "".into()),
                ("12 pm".into(), 720.0, "".into())
            ]
        );
        assert_eq!(
            t("Polls close at 18:00:30."),
            [("18:00:30".into(), 1080.5, "".into())]
        );
        assert_eq!(
            t("He addressed the nation at 8 p.m. EST."),
            [("8 p.m. EST".into(), 1200.0, "EST".into())]
        );
    }

    #[test]
    fn not_times_of_day() {
        for s in [
            "The team won 2-0 at home.",
            "The ratio was 3:1 in favour.",
            "He quoted John 3:16 to the crowd.",
            "The shop is open 24/7.",
            "Police arrived at 10 of the 12 sites.",
            "The vote was 10:30 in the chamber.",
            "They met at 13 pm.",
            "Version 1:30:45:10 shipped.",
            "He ran for 1400 hours.",
        ] {
            assert!(times(s).is_empty(), "{s}: {:?}", times(s));
        }
    }
}
