//! Measures: durations ("for five years", "more than a month") and physical quantities with
//! their units, glued or spaced ("10km", "20 square kilometres", "40 m²", "3 cubic metres",
//! "60 miles per hour"), and temperatures ("30 degrees Celsius", "86 °F"). Units come from
//! [`units`]; a new unit there is read here with no other change.

use super::cursor::Grammar;
use super::found::{Found, Measured, Qty, Qual};
use crate::claim::{Dimension, Kind};
use crate::lang::en::numbers;
use crate::lang::en::units::{self, PhysUnit};

/// What a duration of `days` days per `name` measures, ending before `end`.
pub(super) fn duration(name: &str, days: f64, end: usize) -> Measured<'_> {
    Measured::new(Kind::Duration, Dimension::Duration, end).unit(name, units::DAYS, days)
}

/// The kind of claim a physical dimension makes.
fn kind_of(dim: Dimension) -> Kind {
    match dim {
        Dimension::Length => Kind::Distance,
        Dimension::Area => Kind::Area,
        Dimension::Mass => Kind::Mass,
        Dimension::Volume => Kind::Volume,
        Dimension::Speed => Kind::Speed,
        Dimension::Angle => Kind::Angle,
        Dimension::Data => Kind::Data,
        _ => Kind::Number,
    }
}

impl Grammar<'_> {
    /// The quantity `q` as a duration when a time unit follows it at `j`: `None` when no
    /// time unit does, `Some(None)` for "30 years ago" (a date, not a duration).
    pub(super) fn duration_after(&self, q: Qty, qual: Qual, j: usize) -> Option<Option<Found>> {
        let (name, days) = units::time_unit(self.w(j))?;
        // "30 years ago" is a date; "30 years old" an age, a duration like "30-year-old".
        if self.is(j + 1, units::AGO) {
            return Some(None);
        }
        Some(Some(Found::of(q, qual, duration(name, days, j + 1))))
    }

    /// The quantity `q` as a physical quantity or a temperature when a unit follows it at `j`:
    /// a square or cubic unit, degrees, a square exponent, a single-word unit, a degree sign.
    pub(super) fn measure_after(&self, q: Qty, qual: Qual, j: usize, to: usize) -> Option<Found> {
        let w = self.w(j);
        if !w.is_empty() {
            let glued = self.glued(j);
            if units::is_square(w)
                && let Some(p) = units::square_unit(self.w(j + 1))
            {
                return Some(self.phys(q, qual, p, j + 2, to));
            }
            if units::is_cubic(w)
                && let Some(p) = units::cubic_unit(self.w(j + 1))
            {
                return Some(self.phys(q, qual, p, j + 2, to));
            }
            if units::is_degree(w) {
                if let Some(name) = units::temperature_scale(self.w(j + 1)) {
                    return Some(temperature(q, qual, name, j + 2));
                }
                // "rotate 90 degrees", "tilted 30 degrees": an angle.
                if self.about_angle() {
                    return Some(self.phys(q, qual, units::DEGREE_UNIT, j + 1, to));
                }
                // "the temperature reached 125 degrees": Fahrenheit above any weather in
                // Celsius, else the scale the article settles, else as written.
                if self.about_temperature() {
                    let name = (q.hi > units::HOTTEST_CELSIUS)
                        .then_some(units::FAHRENHEIT)
                        .or_else(|| self.settled.and_then(|s| s.scale(self.text)))
                        .unwrap_or(units::DEGREES_UNSETTLED);
                    return Some(temperature(q, qual, name, j + 1));
                }
            }
            // "(125.2 Fahrenheit)": the scale written in full right after the number.
            if let Some(name) = units::temperature_name(w) {
                return Some(temperature(q, qual, name, j + 1));
            }
            // "51.8C (125.2F)", "the temperature was 46C", "46C heat": the scale's letter
            // glued to the number, with temperature said just before or right after it (not
            // "apartment 5F, and the heat was bad").
            if glued
                && let Some(name) = units::temperature_letter(self.raw(j))
                && !self
                    .toks
                    .get(j + 1)
                    .is_some_and(|t| !t.space_before() && t.punct().is_none())
                && self.temperature_near(qual.first.min(q.first), j + 1)
            {
                return Some(temperature(q, qual, name, j + 1));
            }
            // "190 km2", "40 m²": a square unit written with its exponent glued.
            if units::SQUARE_EXPONENTS.contains(&self.raw(j + 1))
                && self.glued(j + 1)
                && !self
                    .toks
                    .get(j + 2)
                    .is_some_and(|t| !t.space_before() && t.punct().is_none())
                && let Some(p) = units::square_unit(w)
            {
                return Some(self.phys(q, qual, p, j + 2, to));
            }
            if let Some(p) = units::phys_unit(w, glued) {
                return Some(self.feet_and_inches(q, qual, p, j + 1, to));
            }
            // "100 MB", "100 Mb": bytes and bits as written.
            if let Some(p) = units::data_abbreviation(self.raw(j)) {
                return Some(self.phys(q, qual, p, j + 1, to));
            }
            // "rotate 3 turns".
            if self.is_in(j, units::TURNS) && self.about_angle() {
                return Some(self.phys(q, qual, units::TURN_UNIT, j + 1, to));
            }
            // "16,000 metric tons".
            if w == units::METRIC
                && let Some(p) = units::phys_unit(self.w(j + 1), false)
                && p.dim == Dimension::Mass
            {
                return Some(self.phys(q, qual, p, j + 2, to));
            }
            // "12 m 2 dm": metres spaced after a bare number.
            if w == units::METRE_SHORT
                && !q.spelled
                && self
                    .toks
                    .get(j + 1)
                    .is_none_or(|t| t.space_before() || t.punct().is_some())
                && let Some(p) = units::phys_unit(w, true)
            {
                return Some(self.phys(q, qual, p, j + 1, to));
            }
        }
        // "20 (kg)", "20 [kg]".
        if let Some(open) = self.punct(j)
            && let Some(&(_, close)) = units::UNIT_BRACKETS.iter().find(|b| b.0 == open)
            && self.punct(j + 2) == Some(close)
            && let Some(p) = units::phys_unit(self.w(j + 1), false)
        {
            return Some(self.phys(q, qual, p, j + 3, to));
        }
        // "120 μg": a unit spelled beyond ASCII.
        if self.toks.get(j).is_some_and(|t| t.is_word())
            && w.is_empty()
            && let Some(p) = units::phys_unit(self.raw(j), false)
        {
            return Some(self.phys(q, qual, p, j + 1, to));
        }
        // "a pen 10\" long": the inch mark before a word of size.
        if self
            .punct(j)
            .is_some_and(|c| units::INCH_MARKS.contains(&c))
            && self.is_in(j + 1, units::SIZE_WORDS)
            && let Some(p) = units::phys_unit(units::INCH_WORDS[1], false)
        {
            return Some(self.phys(q, qual, p, j + 1, to));
        }
        // "30 °C", "100° Celsius".
        if self.punct(j) == Some('°')
            && let Some(name) = units::temperature_letter(self.raw(j + 1))
                .or_else(|| units::temperature_name(self.w(j + 1)))
        {
            return Some(temperature(q, qual, name, j + 2));
        }
        None
    }

    /// The quantity `q` in the unit `p` written up to `end`, and the inches after feet: "5 ft
    /// 2 in", "5 feet and 2 inches" are 5 1/6 feet.
    fn feet_and_inches(&self, q: Qty, qual: Qual, p: PhysUnit, end: usize, to: usize) -> Found {
        if p.name == units::FOOT && !q.range {
            let k = if self.is(end, numbers::AND) {
                end + 1
            } else {
                end
            };
            if let Some(n) = self.toks.get(k).and_then(|t| t.num())
                && n.value < units::INCHES_PER_FOOT
                && k + 1 < to
                && self.is_in(k + 1, units::INCH_WORDS)
            {
                let add = n.value / units::INCHES_PER_FOOT;
                let q = Qty {
                    lo: q.lo + add,
                    hi: q.hi + add,
                    round: 0.0,
                    ..q
                };
                return self.phys(q, qual, p, k + 2, to);
            }
        }
        self.phys(q, qual, p, end, to)
    }

    /// The quantity `q` in the physical unit `p` written up to `end`: a length per hour is a
    /// speed ("km/h", "miles per hour", "km an hour").
    pub(super) fn phys(&self, q: Qty, qual: Qual, p: PhysUnit, end: usize, to: usize) -> Found {
        let (mut p, mut end) = (p, end);
        if p.dim == Dimension::Length && self.per_hour(end) {
            p = PhysUnit {
                name: units::speed_of(p.name),
                dim: Dimension::Speed,
                factor: p.factor,
            };
            end += 2;
        }
        let noun = if self.is_dash(end.saturating_sub(1)) {
            self.noun_after(end, to)
        } else {
            None
        };
        let m = Measured::new(kind_of(p.dim), p.dim, end)
            .unit(p.name, units::canonical_unit(p.dim), p.factor)
            .noun(noun);
        Found::of(q, qual, m)
    }

    /// Whether the sentence speaks of an angle ([`units::ANGLE_CUES`]).
    pub(super) fn about_angle(&self) -> bool {
        (self.sentence_from.get()..self.toks.len()).any(|k| units::is_angle_cue(self.w(k)))
    }

    /// Whether the sentence speaks of temperature ([`units::TEMPERATURE_CUES`]).
    fn about_temperature(&self) -> bool {
        (self.sentence_from.get()..self.toks.len()).any(|k| units::is_temperature_cue(self.w(k)))
    }

    /// Whether temperature is said within [`units::TEMPERATURE_CUE_BEFORE`] tokens before
    /// `first` or by the word at `after`, or the number is one of a pair of temperatures with
    /// glued letters, the second in brackets ("51.8C (125.2F)").
    fn temperature_near(&self, first: usize, after: usize) -> bool {
        let from = first
            .saturating_sub(units::TEMPERATURE_CUE_BEFORE)
            .max(self.sentence_from.get());
        let bracketed = first >= from + 2
            && self.punct(first - 1) == Some('(')
            && self.glued(first - 2)
            && units::temperature_letter(self.raw(first - 2)).is_some();
        let brackets = self.punct(after) == Some('(')
            && self.glued(after + 2)
            && units::temperature_letter(self.raw(after + 2)).is_some();
        bracketed
            || brackets
            || (from..first).any(|k| units::is_temperature_cue(self.w(k)))
            || units::is_temperature_cue(self.w(after))
    }

    /// Whether "per hour" (in one of its forms) is written at `end`.
    fn per_hour(&self, end: usize) -> bool {
        (self.punct(end) == Some('/') && self.is_in(end + 1, units::PER_HOUR_AFTER_SLASH))
            || units::PER_HOUR
                .iter()
                .any(|&(first, hour)| self.is(end, first) && self.is_in(end + 1, hour))
    }
}

/// The quantity `q` in degrees of the scale `name`: Fahrenheit converts by its formula (the
/// factor is NaN), Celsius is canonical; degrees of no known scale stay as written.
fn temperature(q: Qty, qual: Qual, name: &str, end: usize) -> Found {
    let factor = if name == units::FAHRENHEIT {
        f64::NAN
    } else {
        1.0
    };
    let canonical = if name == units::DEGREES_UNSETTLED {
        units::DEGREES_UNSETTLED
    } else {
        units::CELSIUS
    };
    let m =
        Measured::new(Kind::Temperature, Dimension::Temperature, end).unit(name, canonical, factor);
    Found::of(q, qual, m)
}
