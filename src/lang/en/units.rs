//! Units: time units for durations, physical units (length, area, mass, volume, speed) with
//! their factor to the dimension's canonical unit, the square and cubic forms, temperature
//! scales, the "per hour" of a speed, and the canonical spelling of each dimension's unit.
//! Adding a unit is one row of [`PHYSICAL_UNITS`] (or [`TIME_UNITS`]).

use crate::claim::Dimension;
use crate::text::packed::{WordIndex, slots_for};
use crate::text::rows::{find, find_in, has, indexed};

/// A physical unit: written canonical spelling, dimension, factor to the dimension's canonical
/// unit ([`CANONICAL_UNITS`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhysUnit {
    pub name: &'static str,
    pub dim: Dimension,
    pub factor: f64,
}

const fn pu(name: &'static str, dim: Dimension, factor: f64) -> PhysUnit {
    PhysUnit { name, dim, factor }
}

/// Time units for durations: the words, and the unit's name and length in days.
pub const TIME_UNITS: &[(&[&str], (&str, f64))] = &[
    (&["year", "years", "yr", "yrs"], ("years", 365.2425)),
    (&["month", "months"], ("months", 30.436875)),
    (&["week", "weeks"], ("weeks", 7.0)),
    (&["day", "days"], (DAYS, 1.0)),
    (&["hour", "hours", "hr", "hrs"], ("hours", 1.0 / 24.0)),
    (
        &["minute", "minutes", "min", "mins"],
        ("minutes", 1.0 / 1440.0),
    ),
    (
        &["second", "seconds", "sec", "secs"],
        ("seconds", 1.0 / 86_400.0),
    ),
    (&["decade", "decades"], ("decades", 3652.425)),
    (&["century", "centuries"], ("centuries", 36_524.25)),
    (&["fortnight", "fortnights"], ("weeks", 14.0)),
];

/// The canonical unit of durations.
pub const DAYS: &str = "days";

/// "30 years ago" is a date, not a duration.
pub const AGO: &str = "ago";

/// "a 20-year-old": an age, a duration of years.
pub const OLD: &str = "old";

/// The unit of an age: "said Ahmad Bahaa, 37," is 37 years.
pub const AGE_UNIT: &str = "year";

/// Words that make the bare number after them an age: "aged 15", "at age 67".
pub const AGE_BEFORE: &[&str] = &["aged", "age"];

/// An age in apposition is at most this many years ("Smith, 45,"); a larger number after a
/// name and a comma is something else.
pub const OLDEST_AGE: f64 = 120.0;

/// "a week" with no number is one week when a word before it makes it a span of time: "for a
/// week", "within a month", "lasted a year".
pub const ONE_UNIT_AFTER: &[&str] = &["for", "within", "lasted", "lasting", "spent", "took"];

/// … or a word after it: "a week of national mourning", "a year later", "a month-long".
pub const ONE_UNIT_BEFORE: &[&str] = &["of", "later", "long"];

const KILOMETRE: PhysUnit = pu("km", Dimension::Length, 1.0);
const METRE: PhysUnit = pu("m", Dimension::Length, 0.001);
const INCH: PhysUnit = pu("in", Dimension::Length, 0.000_025_4);
const GRAM: PhysUnit = pu("g", Dimension::Mass, 0.001);
const TONNE: PhysUnit = pu("t", Dimension::Mass, 1000.0);
const LITRE: PhysUnit = pu("l", Dimension::Volume, 1.0);

/// Single-word physical units, written spaced or glued to the digits ("10 km", "10km").
pub const PHYSICAL_UNITS: &[(&[&str], PhysUnit)] = {
    use Dimension::*;
    &[
        (
            &[
                "km",
                "kms",
                "kilometre",
                "kilometres",
                "kilometer",
                "kilometers",
            ],
            KILOMETRE,
        ),
        (&["mile", "miles", "mi"], pu("mi", Length, 1.609_344)),
        (&["metre", "metres", "meter", "meters"], METRE),
        (
            &[
                "cm",
                "centimetre",
                "centimetres",
                "centimeter",
                "centimeters",
            ],
            pu("cm", Length, 1e-5),
        ),
        (
            &[
                "mm",
                "millimetre",
                "millimetres",
                "millimeter",
                "millimeters",
            ],
            pu("mm", Length, 1e-6),
        ),
        (
            &["dm", "decimetre", "decimetres", "decimeter", "decimeters"],
            pu("dm", Length, 1e-4),
        ),
        (&["ft", "foot", "feet"], pu("ft", Length, 0.000_304_8)),
        (&["inch", "inches"], INCH),
        (
            &["yard", "yards", "yd", "yds"],
            pu("yd", Length, 0.000_914_4),
        ),
        (&["nmi"], pu("nmi", Length, 1.852)),
        (&["hectare", "hectares", "ha"], pu("ha", Area, 1.0)),
        (&["acre", "acres"], pu("acre", Area, 0.404_685_642_24)),
        (&["km²", "km2", "sqkm"], pu("km²", Area, 100.0)),
        (&["m²", "m2"], pu("m²", Area, 1e-4)),
        (
            &["kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"],
            pu("kg", Mass, 1.0),
        ),
        (&["gram", "grams", "gramme", "grammes"], GRAM),
        (&["mg", "milligram", "milligrams"], pu("mg", Mass, 1e-6)),
        (
            &[
                "mcg",
                "microgram",
                "micrograms",
                "microgramme",
                "microgrammes",
            ],
            pu("mcg", Mass, 1e-9),
        ),
        (&["tonne", "tonnes", "ton", "tons"], TONNE),
        (
            &["lb", "lbs", "pound", "pounds"],
            pu("lb", Mass, 0.453_592_37),
        ),
        (
            &["ounce", "ounces", "oz"],
            pu("oz", Mass, 0.028_349_523_125),
        ),
        (&["litre", "litres", "liter", "liters"], LITRE),
        (
            &[
                "ml",
                "millilitre",
                "millilitres",
                "milliliter",
                "milliliters",
            ],
            pu("ml", Volume, 0.001),
        ),
        (
            &["gallon", "gallons", "gal"],
            pu("gal", Volume, 3.785_411_784),
        ),
        (
            &["barrel", "barrels", "bbl"],
            pu("bbl", Volume, 158.987_294_928),
        ),
        (
            &["tablespoon", "tablespoons", "tbsp"],
            pu("tbsp", Volume, 0.014_786_764_781_25),
        ),
        (
            &["teaspoon", "teaspoons", "tsp"],
            pu("tsp", Volume, 0.004_928_921_593_75),
        ),
        (&["cup", "cups"], pu("cup", Volume, 0.236_588_236_5)),
        (&["kph", "kmh", "kmph"], pu("km/h", Speed, 1.0)),
        (
            &["rad", "rads", "radian", "radians"],
            pu("rad", Angle, 57.295_779_513_082_32),
        ),
        (&["bit", "bits"], pu("bit", Data, 0.125)),
        (&["byte", "bytes"], pu("B", Data, 1.0)),
        (&["kilobyte", "kilobytes"], pu("KB", Data, 1e3)),
        (&["megabyte", "megabytes"], pu("MB", Data, 1e6)),
        (&["gigabyte", "gigabytes"], pu("GB", Data, 1e9)),
        (&["terabyte", "terabytes"], pu("TB", Data, 1e12)),
        (&["megabit", "megabits"], pu("Mb", Data, 1.25e5)),
        (&["gigabit", "gigabits"], pu("Gb", Data, 1.25e8)),
        (&["µg", "μg"], pu("mcg", Mass, 1e-9)),
        (&["mph"], pu("mph", Speed, 1.609_344)),
        (&["knot", "knots"], pu("kn", Speed, 1.852)),
    ]
};

/// Short forms read as units only glued to the digits ("10m", "5in"): spaced, they are words.
pub const GLUED_UNITS: &[(&[&str], PhysUnit)] = &[
    (&["m"], METRE),
    (&["in"], INCH),
    (&["g", "gr"], GRAM),
    (&["t"], TONNE),
    (&["l"], LITRE),
];

/// Glued short forms that are no unit in capitals: "5G network", "4G" name a generation of
/// mobile network, while grams are written "5g".
pub const GLUED_NOT_IN_CAPITALS: &[&str] = &["G"];

/// Whether the glued short form `raw`, as written, is no unit ([`GLUED_NOT_IN_CAPITALS`]).
pub fn glued_not_unit(raw: &str) -> bool {
    GLUED_NOT_IN_CAPITALS.contains(&raw)
}

/// "metric tons": the word before a unit that only says which ton it is.
pub const METRIC: &str = "metric";

/// Brackets around a unit written after its number: "20 (kg)", `20 [kg]`: (open, close).
pub const UNIT_BRACKETS: &[(char, char)] = &[('(', ')'), ('[', ']'), ('{', '}'), ('<', '>')];

/// The short form of metres, spaced after a bare number ("12 m"), or glued before a word of
/// size ("1.8m tall"); glued and alone it is millions ("1.8m people").
pub const METRE_SHORT: &str = "m";

/// Words of size after a length: "1.8m tall", "5m deep".
pub const SIZE_WORDS: &[&str] = &["tall", "long", "high", "wide", "deep", "thick", "away"];

/// Feet and inches written together: "5 ft 2 in", "5 feet and 2 inches" (the feet's unit, the
/// inch words, and the inches in a foot).
pub const FOOT: &str = "ft";
pub const INCH_WORDS: &[&str] = &["in", "inch", "inches"];
pub const INCHES_PER_FOOT: f64 = 12.0;

/// The inch mark after a number: `10" long`, "10″".
pub const INCH_MARKS: &[char] = &['"', '″'];

/// Words that make the next unit a square one: "square kilometres", "sq mi".
pub const SQUARE: &[&str] = &["square", "sq"];

/// Units after [`SQUARE`], or glued to an exponent ("km2", "m²").
pub const SQUARE_UNITS: &[(&[&str], PhysUnit)] = {
    use Dimension::*;
    &[
        (
            &["kilometre", "kilometres", "kilometer", "kilometers", "km"],
            pu("km²", Area, 100.0),
        ),
        (
            &["mile", "miles", "mi"],
            pu("sq mi", Area, 258.998_811_033_6),
        ),
        (
            &["metre", "metres", "meter", "meters", "m"],
            pu("m²", Area, 1e-4),
        ),
        (&["foot", "feet", "ft"], pu("sq ft", Area, 9.290_304e-6)),
    ]
};

/// The exponent of a square unit written as its own token: "190 km2", "40 m²".
pub const SQUARE_EXPONENTS: &[&str] = &["2", "²"];

/// Words that make the next unit a cubic one: "cubic metres".
pub const CUBIC: &[&str] = &["cubic"];

/// Units after [`CUBIC`].
pub const CUBIC_UNITS: &[(&[&str], PhysUnit)] = {
    use Dimension::*;
    &[
        (
            &["metre", "metres", "meter", "meters", "m"],
            pu("m³", Volume, 1000.0),
        ),
        (&["foot", "feet", "ft"], pu("cu ft", Volume, 28.316_846_592)),
    ]
};

/// A length written with one of these after it is a speed: "km/h" (after "/"), "miles per
/// hour", "km an hour".
pub const PER_HOUR_AFTER_SLASH: &[&str] = &["h", "hr", "hour"];
pub const PER_HOUR: &[(&str, &[&str])] = &[("per", &["hour", "h"]), ("an", &["hour"])];

/// The speed unit of a length unit per hour, when it is not [`KM_PER_HOUR`].
pub const SPEEDS: &[(&str, &str)] = &[("mi", "mph")];

/// The canonical unit of speeds.
pub const KM_PER_HOUR: &str = "km/h";

/// The canonical unit of each physical dimension.
pub const CANONICAL_UNITS: &[(Dimension, &str)] = &[
    (Dimension::Length, "km"),
    (Dimension::Area, "ha"),
    (Dimension::Mass, "kg"),
    (Dimension::Volume, "l"),
    (Dimension::Speed, KM_PER_HOUR),
    (Dimension::Angle, DEGREE_OF_ARC),
    (Dimension::Data, "B"),
];

/// Degrees of arc, the canonical unit of angles.
pub const DEGREE_OF_ARC: &str = "°";

/// Words that make "degrees" an angle, not a temperature: "rotate 90 degrees", "tilted 30
/// degrees", "a 45-degree angle"; and "turns" a whole turn ("rotate 3 turns").
pub const ANGLE_CUES: &[&str] = &[
    "angle", "bank", "banked", "rotate", "rotated", "rotates", "rotating", "rotation", "spin",
    "spun", "tilt", "tilted", "tilting", "turn", "turned", "turning", "veer", "veered",
];

/// Whole turns, read as an angle only beside an [`ANGLE_CUES`] word.
pub const TURNS: &[&str] = &["turn", "turns", "revolution", "revolutions"];

/// Degrees in one turn.
pub const DEGREES_PER_TURN: f64 = 360.0;

/// Units of data written with a capital "B" are bytes, with a small "b" bits ("100 MB", "100
/// Mb"): the spelling of the byte ones, and the bit factor.
pub const DATA_ABBREVIATIONS: &[(&str, PhysUnit)] = {
    use Dimension::Data;
    &[
        ("KB", pu("KB", Data, 1e3)),
        ("kB", pu("KB", Data, 1e3)),
        ("MB", pu("MB", Data, 1e6)),
        ("GB", pu("GB", Data, 1e9)),
        ("TB", pu("TB", Data, 1e12)),
        ("PB", pu("PB", Data, 1e15)),
        ("kb", pu("Kb", Data, 125.0)),
        ("Kb", pu("Kb", Data, 125.0)),
        ("mb", pu("Mb", Data, 1.25e5)),
        ("Mb", pu("Mb", Data, 1.25e5)),
        ("gb", pu("Gb", Data, 1.25e8)),
        ("Gb", pu("Gb", Data, 1.25e8)),
        ("Tb", pu("Tb", Data, 1.25e11)),
    ]
};

/// A unit of data as written, case and all ([`DATA_ABBREVIATIONS`]).
pub fn data_abbreviation(raw: &str) -> Option<PhysUnit> {
    // Every row is two letters ending in "b" or "B": most words fail here.
    if raw.len() != 2 || !raw.ends_with(['b', 'B']) {
        return None;
    }
    DATA_ABBREVIATIONS.iter().find(|r| r.0 == raw).map(|r| r.1)
}

/// Whether `w` (lowercase) says the sentence speaks of an angle ([`ANGLE_CUES`]).
pub fn is_angle_cue(w: &str) -> bool {
    ANGLE_CUES.contains(&w)
}

/// A degree of arc.
pub const DEGREE_UNIT: PhysUnit = pu(DEGREE_OF_ARC, Dimension::Angle, 1.0);

/// A whole turn.
pub const TURN_UNIT: PhysUnit = pu("turn", Dimension::Angle, DEGREES_PER_TURN);

/// "degrees Celsius", "30 degree F".
pub const DEGREES: &[&str] = &["degrees", "degree"];

/// Degree Celsius, the canonical unit of temperatures.
pub const CELSIUS: &str = "°C";

/// Degree Fahrenheit: converted by its formula, not a factor.
pub const FAHRENHEIT: &str = "°F";

/// The scale after [`DEGREES`].
pub const TEMPERATURE_SCALES: &[(&[&str], &str)] = &[
    (&["celsius", "c", "centigrade"], CELSIUS),
    (&["fahrenheit", "f"], FAHRENHEIT),
];

/// The scale after a degree sign, as written: "30 °C"; also glued to the number in a sentence
/// about temperature ("51.8C (125.2F)").
pub const TEMPERATURE_LETTERS: &[(&str, &str)] = &[("C", CELSIUS), ("F", FAHRENHEIT)];

/// The scales written in full, read right after a number too ("(125.2 Fahrenheit)").
pub const TEMPERATURE_NAMES: &[&str] = &["celsius", "centigrade", "fahrenheit"];

/// How an article names each scale anywhere, as written: an article that names one scale
/// only settles the scale of its bare "degrees" ("the temperature reached 125 degrees").
pub const SCALE_SETTLERS: &[(&str, &str)] = &[
    ("Celsius", CELSIUS),
    ("celsius", CELSIUS),
    ("°C", CELSIUS),
    ("Fahrenheit", FAHRENHEIT),
    ("fahrenheit", FAHRENHEIT),
    ("°F", FAHRENHEIT),
];

/// Words that make a sentence about temperature: a bare "degrees" there is a temperature, and
/// a "C" or "F" glued to a number is a scale ("the temperature was 46C").
pub const TEMPERATURE_CUES: &[&str] = &[
    "celsius",
    "cold",
    "colder",
    "coldest",
    "cool",
    "fahrenheit",
    "heat",
    "heatwave",
    "high",
    "highs",
    "hot",
    "hotter",
    "hottest",
    "low",
    "lows",
    "mercury",
    "temperature",
    "temperatures",
    "thermometer",
    "warm",
    "warmer",
    "warmest",
    "weather",
];

/// How many tokens before a number a temperature word may stand for a letter glued to the
/// number to be a scale ("the temperature was 46C", "as high as 51.8C").
pub const TEMPERATURE_CUE_BEFORE: usize = 6;

/// Air temperatures on Earth stay below this many degrees Celsius: more "degrees" of weather
/// are Fahrenheit ("the temperature reached 125 degrees").
pub const HOTTEST_CELSIUS: f64 = 60.0;

/// The unit of a temperature whose scale nothing says: "degrees" as written.
pub const DEGREES_UNSETTLED: &str = "degrees";

/// How many words the rows of a table of units hold.
const fn words_of<T>(rows: &[(&[&str], T)]) -> usize {
    let (mut n, mut k) = (0, 0);
    while k < rows.len() {
        n += rows[k].0.len();
        k += 1;
    }
    n
}

static TIME_INDEX: WordIndex<{ slots_for(words_of(TIME_UNITS)) }> =
    WordIndex::of_aliases(TIME_UNITS);
static PHYSICAL_INDEX: WordIndex<{ slots_for(words_of(PHYSICAL_UNITS)) }> =
    WordIndex::of_aliases(PHYSICAL_UNITS);

/// A time unit: its name and length in days.
pub fn time_unit(w: &str) -> Option<(&'static str, f64)> {
    indexed(&TIME_INDEX, TIME_UNITS, w)
}

/// A single-word physical unit. `glued` is true when written right after the digits ("10km");
/// the ambiguous short forms ([`GLUED_UNITS`]) are accepted only then.
pub fn phys_unit(w: &str, glued: bool) -> Option<PhysUnit> {
    phys_unit_in(&PHYSICAL_INDEX, PHYSICAL_UNITS, w, glued)
}

/// [`phys_unit`] over the table `units` (of [`PHYSICAL_UNITS`]' shape) read through its
/// `index`, and the glued short forms.
pub fn phys_unit_in<const SLOTS: usize>(
    index: &WordIndex<SLOTS>,
    units: &[(&[&str], PhysUnit)],
    w: &str,
    glued: bool,
) -> Option<PhysUnit> {
    indexed(index, units, w).or_else(|| find_in(GLUED_UNITS, w).filter(|_| glued))
}

/// The unit after "square" (or before a square exponent).
pub fn square_unit(w: &str) -> Option<PhysUnit> {
    find_in(SQUARE_UNITS, w)
}

/// The unit after "cubic".
pub fn cubic_unit(w: &str) -> Option<PhysUnit> {
    find_in(CUBIC_UNITS, w)
}

/// "square"/"sq".
pub fn is_square(w: &str) -> bool {
    has(SQUARE, w)
}

/// "cubic".
pub fn is_cubic(w: &str) -> bool {
    has(CUBIC, w)
}

/// "degrees"/"degree".
pub fn is_degree(w: &str) -> bool {
    has(DEGREES, w)
}

/// The temperature scale after "degrees".
pub fn temperature_scale(w: &str) -> Option<&'static str> {
    find_in(TEMPERATURE_SCALES, w)
}

/// The temperature scale after a degree sign, as written.
pub fn temperature_letter(raw: &str) -> Option<&'static str> {
    find(TEMPERATURE_LETTERS, raw)
}

/// The scale a word names in full ("fahrenheit"), lowercase.
pub fn temperature_name(w: &str) -> Option<&'static str> {
    has(TEMPERATURE_NAMES, w)
        .then(|| temperature_scale(w))
        .flatten()
}

/// Whether the lowercase word `w` makes its sentence about temperature.
pub fn is_temperature_cue(w: &str) -> bool {
    has(TEMPERATURE_CUES, w)
}

/// The one scale `text` names, if it names exactly one ([`SCALE_SETTLERS`]).
pub fn settled_scale(text: &str) -> Option<&'static str> {
    let mut found: Option<&'static str> = None;
    for &(w, scale) in SCALE_SETTLERS {
        if memchr::memmem::find(text.as_bytes(), w.as_bytes()).is_some() {
            if found.is_some_and(|f| f != scale) {
                return None;
            }
            found = Some(scale);
        }
    }
    found
}

/// The speed unit of the length unit `name` per hour.
pub fn speed_of(name: &str) -> &'static str {
    find(SPEEDS, name).unwrap_or(KM_PER_HOUR)
}

/// The canonical unit of `dim` ("" for a dimension without one here).
pub fn canonical_unit(dim: Dimension) -> &'static str {
    CANONICAL_UNITS
        .iter()
        .find(|r| r.0 == dim)
        .map_or("", |r| r.1)
}
