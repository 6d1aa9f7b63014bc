//! The closed word lists of the grammar: spelled numbers, scales, ordinals, fraction
//! denominators, superlatives, qualifiers, currencies and units with their canonical
//! conversion. Lookups take a lowercase ASCII word; callers lowercase into a stack buffer so the
//! hot path never allocates. The starter words are also a table of words packed into numbers,
//! built at compile time, that reads a word in any case.

use crate::claim::Dimension;
pub use crate::text::fold::{fold_swar, lower, pack_buf, pack16, pack16_fast};
use crate::text::packed::{PackedWords, WordShapes};

/// The words [`is_starter`] accepts (all lowercase, 1 to 12 bytes).
pub const STARTER_WORDS: &[&str] = &[
    "a",
    "an",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "dozens",
    "dozen",
    "single",
    "double",
    "triple",
    "half",
    "largest",
    "biggest",
    "greatest",
    "main",
    "leading",
    "top",
    "highest",
    "richest",
    "strongest",
    "busiest",
    "most",
    "smallest",
    "lowest",
    "poorest",
    "weakest",
    "least",
    "quarter",
    "quarters",
    "thirds",
    "halves",
    "fourths",
    "fifths",
    "sixths",
    "sevenths",
    "eighths",
    "ninths",
    "tenths",
    "hundredths",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
    "thousandth",
    "millionth",
    "billionth",
    "trillionth",
    "nought",
    "naught",
    // Not value starters themselves: "percent of 10" is read from the percent word.
    "percent",
    "percents",
    "per",
];

/// Words that can begin a value: spelled numbers, scales, ordinals, superlatives, fraction
/// words and vague magnitudes. One table look-up per word on the hot path instead of a cascade
/// of string matches.
pub fn is_starter(w: &str) -> bool {
    pack16_fast(w.as_bytes(), false).is_some_and(|p| STARTERS.contains(p))
}

/// [`is_starter`] of a word in any case ("One", "FIRST"), as written.
pub fn is_starter_any_case(w: &[u8]) -> bool {
    pack16_fast(w, true).is_some_and(|p| STARTERS.contains(p))
}

/// [`STARTER_WORDS`], packed.
static STARTERS: PackedWords<256> = PackedWords::new(&[(STARTER_WORDS, 1)]);

/// Whether some starter word of 2 to 12 letters has length `n`, first letter `first` and last
/// letter `last` (lowercase): a necessary condition that rejects most words with three table
/// look-ups and no hashing.
#[inline]
pub fn has_starter_shape(n: usize, first: u8, last: u8) -> bool {
    SHAPES.contains(n, first, last)
}

/// The shapes of [`STARTER_WORDS`], built at compile time.
static SHAPES: WordShapes = WordShapes::of(STARTER_WORDS);

/// Whether `w` (lowercase) can follow "a"/"an" in a value: a time unit ("a month"), a scale
/// ("a lakh"), a number or fraction word ("a third"), or another starter ("a dozen").
pub fn follows_a(w: &str) -> bool {
    time_unit(w).is_some()
        || scale(w).is_some()
        || cardinal(w).is_some()
        || denominator(w).is_some()
        || is_starter(w)
}

/// "one" … "ninety".
pub fn cardinal(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// "dozen" and its abbreviations ("3 dz", "five dozs"): twelve.
pub fn dozen(w: &str) -> bool {
    matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs")
}

/// Scale words: "hundred", "thousand", "million", "billion", "trillion".
pub fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        // Indian English: 1 lakh = 100,000; 1 crore = 10 million.
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Scale shorthand written after digits: "5bn", "3.5 mln", "$3m", "20k". `glued` is true when
/// no space separates it from the digits; single letters are accepted only glued.
pub fn scale_abbr(w: &str, glued: bool) -> Option<f64> {
    Some(match w {
        "bn" | "bln" | "billions" if glued || w != "billions" => 1e9,
        "mn" | "mln" | "mil" => 1e6,
        "tn" | "trn" | "tln" => 1e12,
        "m" if glued => 1e6,
        "b" if glued => 1e9,
        "k" if glued => 1e3,
        _ => return None,
    })
}

/// "first" … "twentieth", "thirtieth" … "hundredth", "thousandth" … "trillionth".
pub fn ordinal(w: &str) -> Option<u64> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        "thousandth" => 1000,
        "millionth" => 1_000_000,
        "billionth" => 1_000_000_000,
        "trillionth" => 1_000_000_000_000,
        _ => return None,
    })
}

/// Fraction denominators: ("third", 3, singular), ("thirds", 3, plural), "half" = 2,
/// "quarter" = 4, and every ordinal from "third" up ("twelfths", "trillionth"). "first" and
/// "second(s)" are never denominators.
pub fn denominator(w: &str) -> Option<(f64, bool)> {
    match w {
        "half" => return Some((2.0, false)),
        "halves" => return Some((2.0, true)),
        "quarter" => return Some((4.0, false)),
        "quarters" => return Some((4.0, true)),
        _ => {}
    }
    let (stem, plural) = match w.strip_suffix('s') {
        Some(stem) => (stem, true),
        None => (w, false),
    };
    ordinal(stem)
        .filter(|&o| o >= 3)
        .map(|o| (o as f64, plural))
}

/// "nought"/"naught": zero, read only in numeric context ("nought point five"); "came to
/// naught" is an idiom.
pub fn is_nought(w: &str) -> bool {
    matches!(w, "nought" | "naught")
}

/// Vulgar fraction characters: "½" → (1, 2).
pub fn vulgar_fraction(c: char) -> Option<(f64, f64)> {
    Some(match c {
        '½' => (1.0, 2.0),
        '⅓' => (1.0, 3.0),
        '⅔' => (2.0, 3.0),
        '¼' => (1.0, 4.0),
        '¾' => (3.0, 4.0),
        '⅕' => (1.0, 5.0),
        '⅖' => (2.0, 5.0),
        '⅗' => (3.0, 5.0),
        '⅘' => (4.0, 5.0),
        '⅙' => (1.0, 6.0),
        '⅚' => (5.0, 6.0),
        '⅛' => (1.0, 8.0),
        '⅜' => (3.0, 8.0),
        '⅝' => (5.0, 8.0),
        '⅞' => (7.0, 8.0),
        _ => return None,
    })
}

/// Superlatives that rank the subject among its peers; `true` when the scale runs from the
/// top ("largest"), `false` for the bottom ("smallest").
pub fn superlative(w: &str) -> Option<bool> {
    Some(match w {
        "largest" | "biggest" | "greatest" | "main" | "leading" | "top" | "highest" | "major"
        | "richest" | "strongest" | "busiest" | "most" => true,
        "smallest" | "lowest" | "poorest" | "weakest" | "least" => false,
        _ => return None,
    })
}

/// Role nouns that a rank applies to ("investor", "partner"): agent nouns and a few others.
pub fn is_role_noun(w: &str) -> bool {
    let agent = [
        "er", "or", "ers", "ors", "ist", "ists", "ant", "ants", "ent", "ents",
    ];
    if w.len() > 4 && agent.iter().any(|s| w.ends_with(s)) {
        // Not agent nouns: "order", "border", "corridor", "percent", "event", "extent".
        return !matches!(
            w,
            "order"
                | "border"
                | "corridor"
                | "percent"
                | "event"
                | "extent"
                | "content"
                | "other"
                | "others"
                | "however"
                | "after"
                | "under"
                | "over"
                | "never"
                | "number"
                | "matter"
                | "together"
                | "whether"
                | "winter"
                | "summer"
                | "quarter"
                | "center"
                | "centre"
                | "meter"
                | "metre"
                | "letter"
                | "paper"
                | "power"
                | "water"
                | "factor"
                | "sector"
                | "error"
                | "honor"
                | "honour"
                | "floor"
                | "door"
                | "terror"
                | "favor"
                | "favour"
                | "behavior"
                | "element"
                | "statement"
                | "agreement"
                | "government"
                | "moment"
                | "parliament"
                | "development"
                | "investment"
                | "movement"
                | "equipment"
                | "environment"
                | "department"
                | "management"
                | "payment"
                | "document"
                | "settlement"
                | "percents"
                | "events"
                | "documents"
                | "agreements"
        );
    }
    matches!(
        w,
        "partner"
            | "partners"
            | "ally"
            | "allies"
            | "source"
            | "sources"
            | "market"
            | "markets"
            | "economy"
            | "economies"
            | "city"
            | "cities"
            | "country"
            | "countries"
            | "company"
            | "companies"
            | "bank"
            | "banks"
            | "party"
            | "parties"
            | "destination"
            | "recipient"
            | "beneficiary"
            | "shareholder"
            | "donor"
            | "creditor"
            | "investor"
            | "employer"
            | "airport"
            | "port"
            | "state"
            | "states"
            | "nation"
            | "nations"
            | "province"
            | "region"
            | "firm"
            | "group"
            | "oilfield"
            | "field"
            | "mine"
    )
}

/// Time units for durations, in days.
pub fn time_unit(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "year" | "years" | "yr" | "yrs" => ("years", 365.2425),
        "month" | "months" => ("months", 30.436875),
        "week" | "weeks" => ("weeks", 7.0),
        "day" | "days" => ("days", 1.0),
        "hour" | "hours" | "hr" | "hrs" => ("hours", 1.0 / 24.0),
        "minute" | "minutes" | "min" | "mins" => ("minutes", 1.0 / 1440.0),
        "second" | "seconds" | "sec" | "secs" => ("seconds", 1.0 / 86_400.0),
        "decade" | "decades" => ("decades", 3652.425),
        "century" | "centuries" => ("centuries", 36_524.25),
        "fortnight" | "fortnights" => ("weeks", 14.0),
        _ => return None,
    })
}

/// A physical unit: written canonical spelling, dimension, factor to the dimension's canonical
/// unit (km, ha, kg, l, km/h).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhysUnit {
    pub name: &'static str,
    pub dim: Dimension,
    pub factor: f64,
}

const fn pu(name: &'static str, dim: Dimension, factor: f64) -> PhysUnit {
    PhysUnit { name, dim, factor }
}

/// Single-word physical units. `glued` is true when written right after the digits ("10km");
/// ambiguous short forms ("m", "l", "in", "t") are accepted only then.
pub fn phys_unit(w: &str, glued: bool) -> Option<PhysUnit> {
    use Dimension::*;
    Some(match w {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => {
            pu("km", Length, 1.0)
        }
        "mile" | "miles" | "mi" => pu("mi", Length, 1.609_344),
        "metre" | "metres" | "meter" | "meters" => pu("m", Length, 0.001),
        "m" if glued => pu("m", Length, 0.001),
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => {
            pu("cm", Length, 1e-5)
        }
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => {
            pu("mm", Length, 1e-6)
        }
        "ft" | "foot" | "feet" => pu("ft", Length, 0.000_304_8),
        "inch" | "inches" => pu("in", Length, 0.000_025_4),
        "in" if glued => pu("in", Length, 0.000_025_4),
        "yard" | "yards" | "yd" | "yds" => pu("yd", Length, 0.000_914_4),
        "nmi" => pu("nmi", Length, 1.852),
        "hectare" | "hectares" | "ha" => pu("ha", Area, 1.0),
        "acre" | "acres" => pu("acre", Area, 0.404_685_642_24),
        "km²" | "km2" | "sqkm" => pu("km²", Area, 100.0),
        "m²" | "m2" => pu("m²", Area, 1e-4),
        "kg" | "kgs" | "kilogram" | "kilograms" | "kilo" | "kilos" => pu("kg", Mass, 1.0),
        "g" | "gr" if glued => pu("g", Mass, 0.001),
        "gram" | "grams" | "gramme" | "grammes" => pu("g", Mass, 0.001),
        "mg" | "milligram" | "milligrams" => pu("mg", Mass, 1e-6),
        "tonne" | "tonnes" | "ton" | "tons" => pu("t", Mass, 1000.0),
        "t" if glued => pu("t", Mass, 1000.0),
        "lb" | "lbs" => pu("lb", Mass, 0.453_592_37),
        "ounce" | "ounces" | "oz" => pu("oz", Mass, 0.028_349_523_125),
        "litre" | "litres" | "liter" | "liters" => pu("l", Volume, 1.0),
        "l" if glued => pu("l", Volume, 1.0),
        "ml" | "millilitre" | "millilitres" | "milliliter" | "milliliters" => {
            pu("ml", Volume, 0.001)
        }
        "gallon" | "gallons" | "gal" => pu("gal", Volume, 3.785_411_784),
        "barrel" | "barrels" | "bbl" => pu("bbl", Volume, 158.987_294_928),
        "kph" | "kmh" => pu("km/h", Speed, 1.0),
        "mph" => pu("mph", Speed, 1.609_344),
        "knot" | "knots" => pu("kn", Speed, 1.852),
        _ => return None,
    })
}

/// Two-word physical units: ("square", "kilometres"), ("miles", "per"…) handled by the caller;
/// this maps the second word after "square"/"cubic".
pub fn square_unit(w: &str) -> Option<PhysUnit> {
    use Dimension::*;
    Some(match w {
        "kilometre" | "kilometres" | "kilometer" | "kilometers" | "km" => pu("km²", Area, 100.0),
        "mile" | "miles" | "mi" => pu("sq mi", Area, 258.998_811_033_6),
        "metre" | "metres" | "meter" | "meters" | "m" => pu("m²", Area, 1e-4),
        "foot" | "feet" | "ft" => pu("sq ft", Area, 9.290_304e-6),
        _ => return None,
    })
}

pub fn cubic_unit(w: &str) -> Option<PhysUnit> {
    use Dimension::*;
    Some(match w {
        "metre" | "metres" | "meter" | "meters" | "m" => pu("m³", Volume, 1000.0),
        "foot" | "feet" | "ft" => pu("cu ft", Volume, 28.316_846_592),
        _ => return None,
    })
}

/// Currency names written after the number ("dollars", "yuan"), as ISO 4217 codes. Dollars
/// without a country are USD but ambiguous.
pub fn currency_word(w: &str) -> Option<(&'static str, bool)> {
    Some(match w {
        "dollar" | "dollars" => ("USD", true),
        "euro" | "euros" => ("EUR", false),
        "pound" | "pounds" | "sterling" => ("GBP", false),
        "yuan" | "renminbi" | "rmb" => ("CNY", false),
        "ruble" | "rubles" | "rouble" | "roubles" => ("RUB", false),
        "som" | "soms" => ("KGS", false),
        "tenge" => ("KZT", false),
        "sum" | "sums" => ("UZS", false),
        "somoni" => ("TJS", false),
        "manat" | "manats" => ("AZN", false),
        "dram" | "drams" => ("AMD", false),
        "lari" => ("GEL", false),
        "hryvnia" | "hryvnias" | "hryvnas" => ("UAH", false),
        "yen" => ("JPY", false),
        "won" => ("KRW", false),
        "rupee" | "rupees" => ("INR", false),
        "lira" | "liras" | "lire" => ("TRY", false),
        "franc" | "francs" => ("CHF", false),
        "peso" | "pesos" => ("MXN", true),
        "real" | "reais" => ("BRL", false),
        "rand" => ("ZAR", false),
        "dirham" | "dirhams" => ("AED", false),
        "riyal" | "riyals" => ("SAR", false),
        "shekel" | "shekels" => ("ILS", false),
        "zloty" | "zlotys" => ("PLN", false),
        "krona" | "kronor" => ("SEK", false),
        "krone" | "kroner" => ("NOK", false),
        "markka" | "markkaa" => ("FIM", false),
        "bitcoin" | "bitcoins" | "btc" => ("XBT", false),
        "satoshi" | "satoshis" => ("SAT", false),
        "guilder" | "guilders" => ("NLG", false),
        "peseta" | "pesetas" => ("ESP", false),
        "kip" => ("LAK", false),
        "kuai" => ("CNY", false),
        _ => return None,
    })
}

/// Country adjectives that settle which dollar or pound ("US dollars", "Hong Kong dollars").
pub fn currency_country(country: &str, base: &str) -> Option<&'static str> {
    Some(match (country, base) {
        ("us" | "u.s." | "american" | "usd", "USD") => "USD",
        ("canadian", "USD") => "CAD",
        ("australian", "USD") => "AUD",
        ("singapore", "USD") => "SGD",
        ("taiwan" | "taiwanese", "USD") => "TWD",
        ("zimbabwe" | "zimbabwean", "USD") => "ZWL",
        ("british", "GBP") => "GBP",
        ("egyptian", "GBP") => "EGP",
        ("kyrgyz", "KGS") => "KGS",
        ("russian", "RUB") => "RUB",
        ("chinese", "CNY") => "CNY",
        ("japanese", "JPY") => "JPY",
        ("swiss", "CHF") => "CHF",
        ("mexican", "MXN") => "MXN",
        ("indian", "INR") => "INR",
        ("turkish", "TRY") => "TRY",
        ("finnish", "FIM") => "FIM",
        ("south" | "south korean" | "korean", "KRW") => "KRW",
        ("hong kong", "USD") => "HKD",
        ("new zealand", "USD") => "NZD",
        ("dutch", "NLG") => "NLG",
        ("spanish", "ESP") => "ESP",
        ("georgian", "GEL") => "GEL",
        _ => return None,
    })
}

/// ISO codes and symbols written before the number ("USD 5 billion", "€20").
/// Currency codes as written in capitals ("USD", "RMB", "Rs"), each with its ISO 4217 code.
pub const CURRENCY_CODES: &[(&str, &str)] = &[
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("RUB", "RUB"),
    ("KGS", "KGS"),
    ("KZT", "KZT"),
    ("UZS", "UZS"),
    ("JPY", "JPY"),
    ("INR", "INR"),
    ("Rs", "INR"),
    ("CHF", "CHF"),
    ("CAD", "CAD"),
    ("AUD", "AUD"),
    ("TRY", "TRY"),
    ("UAH", "UAH"),
];

pub fn currency_code(w: &str) -> Option<&'static str> {
    CURRENCY_CODES
        .iter()
        .find(|&&(k, _)| k == w)
        .map(|&(_, code)| code)
}

pub fn currency_symbol(c: char) -> Option<(&'static str, bool)> {
    Some(match c {
        '$' => ("USD", true),
        '€' => ("EUR", false),
        '£' => ("GBP", false),
        '¥' => ("JPY", true),
        '₽' => ("RUB", false),
        '₹' => ("INR", false),
        '₩' => ("KRW", false),
        '₴' => ("UAH", false),
        '₸' => ("KZT", false),
        '₺' => ("TRY", false),
        '₡' => ("CRC", false),
        '₾' => ("GEL", false),
        '₭' => ("LAK", false),
        '₿' => ("XBT", false),
        _ => return None,
    })
}

/// Lowercase ISO codes read before or after a number ("20 usd", "rmb 10", "115USD" once
/// lowercased). Codes that are also English words ("try", "cad", "all") are left out.
/// Currency codes as written in lowercase ("usd", "btc"), each with its ISO 4217 code.
pub const CURRENCY_CODES_LOWER: &[(&str, &str)] = &[
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("cny", "CNY"),
    ("rmb", "CNY"),
    ("jpy", "JPY"),
    ("chf", "CHF"),
    ("aud", "AUD"),
    ("nzd", "NZD"),
    ("hkd", "HKD"),
    ("sgd", "SGD"),
    ("mxn", "MXN"),
    ("inr", "INR"),
    ("rub", "RUB"),
    ("kgs", "KGS"),
    ("kzt", "KZT"),
    ("btc", "XBT"),
    ("xbt", "XBT"),
];

pub fn currency_code_lower(w: &str) -> Option<&'static str> {
    CURRENCY_CODES_LOWER
        .iter()
        .find(|&&(k, _)| k == w)
        .map(|&(_, code)| code)
}

/// Currency signs that the tokenizer reads as words or that are rare: "元", "₡", "₾", "₭", "₿",
/// "ரூ".
pub fn currency_sign_word(raw: &str) -> Option<(&'static str, bool)> {
    Some(match raw {
        "元" => ("CNY", false),
        "₡" => ("CRC", false),
        "₾" => ("GEL", false),
        "₭" => ("LAK", false),
        "₿" => ("XBT", false),
        "ரூ" => ("LKR", false),
        _ => return None,
    })
}

/// Hundredth parts of a currency written after the number: (ISO code, written unit,
/// ambiguous). Cents without a named dollar or euro are read as US cents, flagged.
pub fn currency_subunit(w: &str) -> Option<(&'static str, &'static str, bool)> {
    Some(match w {
        "cent" | "cents" => ("USD", "cents", true),
        "pence" => ("GBP", "pence", false),
        "penny" | "pennies" => ("GBP", "penny", false),
        _ => return None,
    })
}

/// Letters glued before "$" that name the dollar ("US$", "HK$").
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "US" | "U.S." => "USD",
        "A" | "AU" => "AUD",
        "C" | "CA" => "CAD",
        "HK" => "HKD",
        "S" | "SG" => "SGD",
        "NZ" => "NZD",
        "NT" => "TWD",
        "R" => "BRL",
        "MEX" | "MXN" => "MXN",
        "USD" => "USD",
        "AUD" => "AUD",
        "CAD" => "CAD",
        "HKD" => "HKD",
        "SGD" => "SGD",
        "NZD" => "NZD",
        _ => return None,
    })
}

/// Nouns that count people: their unit is "people".
pub fn is_person_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "persons"
            | "person"
            | "individuals"
            | "officers"
            | "officials"
            | "citizens"
            | "residents"
            | "soldiers"
            | "troops"
            | "civilians"
            | "workers"
            | "employees"
            | "students"
            | "children"
            | "kids"
            | "adults"
            | "men"
            | "women"
            | "voters"
            | "migrants"
            | "refugees"
            | "tourists"
            | "visitors"
            | "protesters"
            | "demonstrators"
            | "police"
            | "policemen"
            | "personnel"
            | "staff"
            | "members"
            | "fighters"
            | "servicemen"
            | "journalists"
            | "deputies"
            | "delegates"
            | "patients"
            | "victims"
            | "casualties"
            | "dead"
            | "deaths"
            | "wounded"
            | "injured"
            | "prisoners"
            | "detainees"
            | "inhabitants"
            | "nationals"
            | "immigrants"
            | "emigrants"
            | "pensioners"
            | "teachers"
            | "doctors"
            | "nurses"
            | "volunteers"
            | "guards"
            | "agents"
            | "passengers"
            | "fans"
            | "spectators"
            | "participants"
            | "users"
            | "subscribers"
            | "customers"
            | "recruits"
            | "conscripts"
            | "reservists"
            | "mercenaries"
            | "militants"
            | "lawmakers"
            | "ministers"
            | "diplomats"
            | "experts"
            | "analysts"
            | "researchers"
            | "scientists"
            | "specialists"
            | "ethnic"
            | "laborers"
            | "labourers"
            | "miners"
            | "farmers"
            | "survivors"
            | "hostages"
            | "suspects"
            | "peacekeepers"
            | "servicemembers"
            | "evacuees"
            | "asylum"
    )
}

/// Determiners and possessives after which an ordinal or superlative is attributive.
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
            | "whose"
    )
}

/// Function words: never part of a counted noun phrase, never a subject term. One probe of
/// [`WORD_TABLE`] instead of a match over the whole list.
pub fn is_stopword(w: &str) -> bool {
    pack16_fast(w.as_bytes(), false).is_some_and(|p| word_flags(p) & STOPWORD != 0)
}

/// Prepositions and other words that end a counted noun phrase.
pub fn ends_noun_phrase(w: &str) -> bool {
    is_stopword(w) && !matches!(w, "more" | "most" | "other" | "own")
}

/// The words [`is_stopword`] accepts, as written (lowercase; "than," and "an estimated" are
/// kept from the original list although no single word token spells them).
pub const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "for",
    "to",
    "from",
    "with",
    "by",
    "about",
    "as",
    "into",
    "over",
    "under",
    "and",
    "or",
    "but",
    "nor",
    "which",
    "who",
    "whom",
    "that",
    "this",
    "these",
    "those",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "do",
    "does",
    "did",
    "not",
    "no",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "you",
    "i",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "him",
    "them",
    "us",
    "me",
    "than",
    "then",
    "so",
    "such",
    "if",
    "when",
    "while",
    "where",
    "since",
    "until",
    "after",
    "before",
    "during",
    "through",
    "between",
    "against",
    "per",
    "also",
    "more",
    "most",
    "some",
    "all",
    "any",
    "each",
    "both",
    "other",
    "another",
    "up",
    "out",
    "around",
    "nearly",
    "almost",
    "roughly",
    "there",
    "here",
    "what",
    "whose",
    "said",
    "says",
    "say",
    "told",
    "according",
    "least",
    "only",
    "just",
    "even",
    "still",
    "very",
    "many",
    "much",
    "own",
    "via",
    "upon",
    "across",
    "among",
    "amid",
    "within",
    "without",
    "toward",
    "towards",
    "onto",
    "including",
    "like",
    "than,",
    "an estimated",
    "now",
    "again",
    "already",
    "yet",
    "ever",
    "because",
    "however",
    "whether",
];

/// The words [`cardinal`] or [`scale`] reads: a subject term is never a number word.
pub const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "lakh",
    "lakhs",
    "crore",
    "crores",
];

/// [`WORD_TABLE`] flag: the word is in [`STOPWORDS`].
pub const STOPWORD: u8 = 1;
/// [`WORD_TABLE`] flag: the word is in [`NUMBER_WORDS`].
pub const NUMBER_WORD: u8 = 2;

/// [`STOPWORDS`] and [`NUMBER_WORDS`] with their flags.
static WORD_TABLE: PackedWords<512> =
    PackedWords::new(&[(STOPWORDS, STOPWORD), (NUMBER_WORDS, NUMBER_WORD)]);

/// The [`STOPWORD`] and [`NUMBER_WORD`] flags of the [`pack16`]ed word `p` (0 when it is in
/// neither list).
#[inline]
pub fn word_flags(p: u128) -> u8 {
    WORD_TABLE.flags(p)
}

/// [`is_stopword`] of the word lowercased as [`lower`] would (ASCII only): `false` for a
/// non-ASCII word as for one `lower` refuses.
#[inline]
pub fn is_stopword_folded(w: &[u8]) -> bool {
    pack16_fast(w, true).is_some_and(|p| word_flags(p) & STOPWORD != 0)
}

/// [`is_stopword_folded`] of the word `text[start..end]`, read as one eight-byte load when it
/// is that short and eight bytes are there to load.
#[inline]
pub fn is_stopword_folded_in(text: &[u8], start: usize, end: usize) -> bool {
    let n = end - start;
    match text.get(start..start + 8) {
        Some(eight) if (1..=8).contains(&n) => {
            let mut b = [0u8; 8];
            b.copy_from_slice(eight);
            let lo = fold_swar(u64::from_le_bytes(b) & u64::MAX >> (64 - 8 * n));
            word_flags(u128::from(lo)) & STOPWORD != 0
        }
        _ => is_stopword_folded(&text[start..end]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packed starter table answers exactly the word list: for the list itself, every
    /// prefix, plural and case variant of its words, long words and the words of the bundled
    /// articles.
    #[test]
    fn starter_table_is_the_starter_list() {
        let mut words: Vec<String> = vec![String::new(), "x".repeat(17), "a".repeat(40)];
        for w in STARTER_WORDS {
            for n in 0..=w.len() {
                words.push(w[..n].to_string());
                words.push(w[n..].to_string());
            }
            words.push(format!("{w}s"));
            words.push(format!("{w}{w}"));
            words.push(w.to_ascii_uppercase());
            words.push(w[..1].to_ascii_uppercase() + &w[1..]);
        }
        for entry in std::fs::read_dir("corpus").into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            words.extend(
                text.split(|c: char| !c.is_alphabetic() && c != '\'')
                    .map(String::from),
            );
        }
        assert!(words.len() > 3000);
        for w in &words {
            let lower = w.to_ascii_lowercase();
            assert_eq!(is_starter(w), STARTER_WORDS.contains(&w.as_str()), "{w:?}");
            assert_eq!(
                is_starter_any_case(w.as_bytes()),
                STARTER_WORDS.contains(&lower.as_str()),
                "{w:?}"
            );
        }
    }

    #[test]
    fn denominators_and_ordinals() {
        assert_eq!(denominator("thirds"), Some((3.0, true)));
        assert_eq!(denominator("trillionth"), Some((1e12, false)));
        assert_eq!(denominator("twelfths"), Some((12.0, true)));
        assert_eq!(denominator("second"), None);
        assert_eq!(denominator("firsts"), None);
        assert_eq!(ordinal("trillionth"), Some(1_000_000_000_000));
        assert!(dozen("dzs") && dozen("doz") && !dozen("dozer"));
        assert!(is_nought("naught") && !is_nought("nothing"));
    }
}

#[cfg(test)]
mod word_table_tests {
    use super::*;

    /// Every listed word, its case variants, prefixes, suffixes and neighbours, the starter
    /// words and the words of the bundled corpus.
    fn probes() -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for w in STOPWORDS.iter().chain(NUMBER_WORDS).chain(STARTER_WORDS) {
            out.push(w.to_string());
            out.push(w.to_uppercase());
            let mut cap = w.to_string();
            cap[..1].make_ascii_uppercase();
            out.push(cap);
            for k in 0..w.len() {
                out.push(w[..k].to_string());
                out.push(w[k..].to_string());
            }
            for suffix in ["s", "e", "x", "’", "é", " ", ","] {
                out.push(format!("{w}{suffix}"));
            }
        }
        for entry in std::fs::read_dir("corpus").into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                out.extend(text.split(|c: char| !c.is_alphabetic()).map(str::to_string));
            }
        }
        assert!(out.len() > 5000, "the bundled corpus is missing");
        out
    }

    #[test]
    fn the_word_table_agrees_with_the_lists() {
        for w in probes() {
            let want_stop = STOPWORDS.contains(&w.as_str());
            assert_eq!(is_stopword(&w), want_stop, "{w:?}");
            let mut buf = [0u8; 24];
            let folded = lower(&w, &mut buf).is_some_and(|l| STOPWORDS.contains(&l));
            assert_eq!(is_stopword_folded(w.as_bytes()), folded, "{w:?}");
            let number = cardinal(&w).is_some() || scale(&w).is_some();
            assert_eq!(NUMBER_WORDS.contains(&w.as_str()), number, "{w:?}");
            let flags = pack16(w.as_bytes(), false).map_or(0, word_flags);
            assert_eq!(flags & NUMBER_WORD != 0, number, "{w:?}");
            assert_eq!(flags & STOPWORD != 0, want_stop, "{w:?}");
            let padded = format!("{w}   {w}        ");
            assert_eq!(
                is_stopword_folded_in(padded.as_bytes(), 0, w.len()),
                folded,
                "{w:?}"
            );
            let at = w.len() + 3;
            assert_eq!(
                is_stopword_folded_in(padded.as_bytes(), at, at + w.len()),
                folded,
                "{w:?}"
            );
            // At the end of the text, with no eight bytes to load.
            let end = format!("x{w}");
            assert_eq!(
                is_stopword_folded_in(end.as_bytes(), 1, end.len()),
                folded,
                "{w:?}"
            );
            if let Some(l) = lower(&w, &mut buf)
                && !l.is_empty()
                && l.len() <= 16
            {
                let mut b = [0u8; 24];
                b[..l.len()].copy_from_slice(l.as_bytes());
                assert_eq!(Some(pack_buf(&b)), pack16(w.as_bytes(), true), "{w:?}");
            }
        }
    }
}
