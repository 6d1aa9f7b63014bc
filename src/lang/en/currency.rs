//! Currencies: names written after a number ("dollars", "yuan"), country adjectives that settle
//! which dollar or pound ("Hong Kong dollars"), ISO codes as written in capitals and in
//! lowercase, currency signs, hundredth parts ("cents", "pence"), the letters glued before "$"
//! ("US$", "HK$"), and the spellings that settle an article's dollar. Codes are ISO 4217.

use crate::text::packed::{WordIndex, slots_for};
use crate::text::rows::{find, find_in, indexed};

/// Currency names written after the number: (code, ambiguous). Dollars and pesos without a
/// country are USD and MXN but ambiguous.
pub const WORDS: &[(&[&str], (&str, bool))] = &[
    (&["dollar", "dollars"], ("USD", true)),
    (&["euro", "euros"], ("EUR", false)),
    (&["pound", "pounds", STERLING], ("GBP", false)),
    (&["yuan", "renminbi", "rmb"], ("CNY", false)),
    (&["ruble", "rubles", "rouble", "roubles"], ("RUB", false)),
    (&["som", "soms"], ("KGS", false)),
    (&["tenge"], ("KZT", false)),
    (&["sum", "sums"], ("UZS", false)),
    (&["somoni"], ("TJS", false)),
    (&["manat", "manats"], ("AZN", false)),
    (&["dram", "drams"], ("AMD", false)),
    (&["lari"], ("GEL", false)),
    (&["hryvnia", "hryvnias", "hryvnas"], ("UAH", false)),
    (&["yen"], ("JPY", false)),
    (&["won"], ("KRW", false)),
    (&["rupee", "rupees"], ("INR", false)),
    (&["lira", "liras", "lire"], ("TRY", false)),
    (&["franc", "francs"], ("CHF", false)),
    (&["peso", "pesos"], ("MXN", true)),
    (&["real", "reais"], ("BRL", false)),
    (&["rand"], ("ZAR", false)),
    (&["dirham", "dirhams"], ("AED", false)),
    (&["riyal", "riyals"], ("SAR", false)),
    (&["shekel", "shekels"], ("ILS", false)),
    (&["zloty", "zlotys"], ("PLN", false)),
    (&["krona", "kronor"], ("SEK", false)),
    (&["krone", "kroner"], ("NOK", false)),
    (&["markka", "markkaa"], ("FIM", false)),
    (&["bitcoin", "bitcoins", "btc"], ("XBT", false)),
    (&["satoshi", "satoshis"], ("SAT", false)),
    (&["guilder", "guilders"], ("NLG", false)),
    (&["peseta", "pesetas"], ("ESP", false)),
    (&["kip"], ("LAK", false)),
    (&["kuai"], ("CNY", false)),
];

/// "sterling": a pound of money, not of weight ("200 pounds sterling").
pub const STERLING: &str = "sterling";

/// Currency names that are also a weight: "200 pounds" is a weight unless it is millions or
/// sterling.
pub const ALSO_WEIGHTS: &[&str] = &["pound", "pounds"];

/// Country adjectives (lowercase; two-word ones spaced) before a currency name that settle
/// which one it is: (base code of the name, code).
pub const COUNTRIES: &[(&[&str], (&str, &str))] = &[
    (&["us", US_DOTTED_LOWER, "american", "usd"], ("USD", "USD")),
    (&["canadian"], ("USD", "CAD")),
    (&["australian"], ("USD", "AUD")),
    (&["singapore"], ("USD", "SGD")),
    (&["taiwan", "taiwanese"], ("USD", "TWD")),
    (&["zimbabwe", "zimbabwean"], ("USD", "ZWL")),
    (&["british"], ("GBP", "GBP")),
    (&["egyptian"], ("GBP", "EGP")),
    (&["kyrgyz"], ("KGS", "KGS")),
    (&["russian"], ("RUB", "RUB")),
    (&["chinese"], ("CNY", "CNY")),
    (&["japanese"], ("JPY", "JPY")),
    (&["swiss"], ("CHF", "CHF")),
    (&["mexican"], ("MXN", "MXN")),
    (&["indian"], ("INR", "INR")),
    (&["turkish"], ("TRY", "TRY")),
    (&["finnish"], ("FIM", "FIM")),
    (&["south", "south korean", "korean"], ("KRW", "KRW")),
    (&["hong kong"], ("USD", "HKD")),
    (&["new zealand"], ("USD", "NZD")),
    (&["dutch"], ("NLG", "NLG")),
    (&["spanish"], ("ESP", "ESP")),
    (&["georgian"], ("GEL", "GEL")),
];

/// "U.S." as written: the country of "U.S. dollars" and, with "$", the sign "U.S.$". It is
/// four tokens ("U", ".", "S", "."), five with the "$".
pub const US_DOTTED: &str = "U.S.";
pub const US_DOTTED_DOLLAR: &str = "U.S.$";
pub const US_DOTTED_TOKENS: usize = 4;
/// The first token of [`US_DOTTED`].
pub const US_DOTTED_FIRST: &str = "U";
/// [`US_DOTTED`] as a country key of [`COUNTRIES`].
pub const US_DOTTED_LOWER: &str = "u.s.";

/// Currency codes as written in capitals ("USD", "RMB", "Rs"), each with its ISO 4217 code.
pub const CODES: &[(&str, &str)] = &[
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
    ("RM", "MYR"),
    ("MYR", "MYR"),
    ("PKR", "PKR"),
    ("BDT", "BDT"),
    ("NZD", "NZD"),
    ("HKD", "HKD"),
    ("SGD", "SGD"),
    ("ZAR", "ZAR"),
    ("CHF", "CHF"),
    ("CAD", "CAD"),
    ("AUD", "AUD"),
    ("TRY", "TRY"),
    ("UAH", "UAH"),
];

/// Lowercase ISO codes read before or after a number ("20 usd", "rmb 10", "115USD" once
/// lowercased), each with its ISO 4217 code. Codes that are also English words ("try", "cad",
/// "all") are left out.
pub const CODES_LOWER: &[(&str, &str)] = &[
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

/// The letter glued before a code that makes it millions: "30 MUSD", "120 MEUR".
pub const MILLIONS_PREFIX: char = 'm';

/// What [`MILLIONS_PREFIX`] multiplies by.
pub const MILLIONS: f64 = 1e6;

/// Finance shorthand for millions glued to an amount after a currency: "US$ 1MM", "$2MM"
/// (after digits alone "9mm" is millimetres).
pub const MILLIONS_AFTER_AMOUNT: &str = "mm";

/// Currency signs, before or after a number: (code, ambiguous).
pub const SYMBOLS: &[(char, (&str, bool))] = &[
    ('$', ("USD", true)),
    ('€', ("EUR", false)),
    ('£', ("GBP", false)),
    ('¥', ("JPY", true)),
    ('₽', ("RUB", false)),
    ('₹', ("INR", false)),
    ('₩', ("KRW", false)),
    ('₴', ("UAH", false)),
    ('₸', ("KZT", false)),
    ('₺', ("TRY", false)),
    ('₡', ("CRC", false)),
    ('₾', ("GEL", false)),
    ('₭', ("LAK", false)),
    ('₿', ("XBT", false)),
];

/// Currency signs that the tokenizer reads as words or that are rare: (code, ambiguous).
pub const SIGN_WORDS: &[(&str, (&str, bool))] = &[
    ("元", ("CNY", false)),
    ("₡", ("CRC", false)),
    ("₾", ("GEL", false)),
    ("₭", ("LAK", false)),
    ("₿", ("XBT", false)),
    ("ரூ", ("LKR", false)),
];

/// A currency word written before a number is a code or sign of at most this many bytes
/// ("USD", "U", "元"): longer words, nearly all of them, are no currency prefix.
pub const LONGEST_PREFIX: usize = 4;

/// A hundredth part of a currency: (code, written unit, ambiguous).
pub type Subunit = (&'static str, &'static str, bool);

/// Hundredth parts of a currency written after the number. Cents without a named dollar or
/// euro are read as US cents, flagged.
pub const SUBUNITS: &[(&[&str], Subunit)] = &[
    (CENTS, ("USD", "cents", true)),
    (&["pence"], ("GBP", "pence", false)),
    (&["penny", "pennies"], ("GBP", "penny", false)),
];

/// The hundredth of a dollar or euro: "3 dollars 50 cents".
pub const CENTS: &[&str] = &["cent", "cents"];

/// Sub-unit signs: "50¢".
pub const SUBUNIT_SIGNS: &[(&str, Subunit)] = &[("¢", ("USD", "cents", true))];

/// Letters glued before "$" that name the dollar ("US$", "HK$"), in capitals.
pub const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("US", "USD"),
    (US_DOTTED, "USD"),
    ("A", "AUD"),
    ("AU", "AUD"),
    ("C", "CAD"),
    ("CA", "CAD"),
    ("HK", "HKD"),
    ("S", "SGD"),
    ("SG", "SGD"),
    ("NZ", "NZD"),
    ("NT", "TWD"),
    ("R", "BRL"),
    ("MEX", "MXN"),
    ("MXN", "MXN"),
    ("USD", "USD"),
    ("AUD", "AUD"),
    ("CAD", "CAD"),
    ("HKD", "HKD"),
    ("SGD", "SGD"),
    ("NZD", "NZD"),
];

/// The one-letter dollar prefixes also read spaced from the "$" ("c $ 1.34"): spaced, the
/// others are words ("a $5 fee").
pub const SPACED_LETTER_PREFIXES: &[&str] = &["C"];

/// The code of the dollar sign, which a country glued after it may settle ("$US", "$A").
pub const DOLLAR: &str = "USD";

/// The abbreviation point after a currency written before the number: "Rs. 615 crore".
pub const ABBREVIATION_POINT: char = '.';

/// Spellings that say an article counts its money in rupees: a crore or lakh amount with no
/// currency of its own there is in rupees ("around 1,200 crore").
pub const RUPEE_SETTLERS: &[&str] = &["Rs", "₹", "rupee", "INR"];

/// The rupee of [`RUPEE_SETTLERS`].
pub const RUPEE: &str = "INR";

/// Spellings that settle which dollar an article means: "US$", "USD", "US dollar", "U.S.
/// dollar". Each begins with [`US_DOTTED_FIRST`].
pub const DOLLAR_SETTLERS: &[&str] = &["US$", "USD", "US dollar", "U.S. dollar"];

/// How many names [`WORDS`] holds.
const NAMES: usize = {
    let (mut n, mut k) = (0, 0);
    while k < WORDS.len() {
        n += WORDS[k].0.len();
        k += 1;
    }
    n
};

static WORD_INDEX: WordIndex<{ slots_for(NAMES) }> = WordIndex::of_aliases(WORDS);

/// A currency name written after the number: (code, ambiguous).
pub fn word(w: &str) -> Option<(&'static str, bool)> {
    indexed(&WORD_INDEX, WORDS, w)
}

/// The currency `base` (a name's code) settled by the country adjective `country`.
pub fn of_country(country: &str, base: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|r| r.1.0 == base && r.0.contains(&country))
        .map(|r| r.1.1)
}

/// Whether `w` is the first word of a two-word country adjective ("hong", "new").
pub fn opens_two_word_country(w: &str) -> bool {
    TWO_WORD_OPENERS.contains(&w)
}

/// How many country adjectives of [`COUNTRIES`] have two words.
const TWO_WORD_COUNTRIES: usize = {
    let mut n = 0;
    let mut r = 0;
    while r < COUNTRIES.len() {
        let mut k = 0;
        while k < COUNTRIES[r].0.len() {
            if first_of_two(COUNTRIES[r].0[k]).is_some() {
                n += 1;
            }
            k += 1;
        }
        r += 1;
    }
    n
};

/// The first words of the two-word country adjectives, built from [`COUNTRIES`].
const TWO_WORD_OPENERS: [&str; TWO_WORD_COUNTRIES] = {
    let mut out = [""; TWO_WORD_COUNTRIES];
    let (mut n, mut r) = (0, 0);
    while r < COUNTRIES.len() {
        let mut k = 0;
        while k < COUNTRIES[r].0.len() {
            if let Some(first) = first_of_two(COUNTRIES[r].0[k]) {
                out[n] = first;
                n += 1;
            }
            k += 1;
        }
        r += 1;
    }
    out
};

/// The first word of a name of two or more words: the bytes before its first space, when
/// more follow.
const fn first_of_two(name: &str) -> Option<&str> {
    let b = name.as_bytes();
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b' ' {
            return match core::str::from_utf8(b.split_at(i).0) {
                Ok(first) => Some(first),
                Err(_) => None,
            };
        }
        i += 1;
    }
    None
}

/// A currency code as written in capitals.
pub fn code(w: &str) -> Option<&'static str> {
    find(CODES, w)
}

/// A currency code as written in lowercase.
pub fn code_lower(w: &str) -> Option<&'static str> {
    find(CODES_LOWER, w)
}

/// A currency sign: (code, ambiguous).
pub fn symbol(c: char) -> Option<(&'static str, bool)> {
    SYMBOLS.iter().find(|r| r.0 == c).map(|r| r.1)
}

/// A currency sign read as a word: (code, ambiguous).
pub fn sign_word(raw: &str) -> Option<(&'static str, bool)> {
    find(SIGN_WORDS, raw)
}

/// A hundredth part written after the number: (code, written unit, ambiguous).
pub fn subunit(w: &str) -> Option<Subunit> {
    find_in(SUBUNITS, w)
}

/// A hundredth part's sign, as written: (code, written unit, ambiguous).
pub fn subunit_sign(raw: &str) -> Option<Subunit> {
    find(SUBUNIT_SIGNS, raw)
}

/// The dollar named by the capitals glued before "$".
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    find(DOLLAR_PREFIXES, w)
}

/// "cent"/"cents".
pub fn is_cents(w: &str) -> bool {
    CENTS.contains(&w)
}

/// Whether `text` names a specific dollar somewhere ([`DOLLAR_SETTLERS`]).
pub fn dollar_settled(text: &str) -> bool {
    let b = text.as_bytes();
    let first = US_DOTTED_FIRST.as_bytes()[0];
    memchr::memchr_iter(first, b).any(|i| {
        let rest = &b[i..];
        DOLLAR_SETTLERS
            .iter()
            .any(|s| rest.starts_with(s.as_bytes()))
    })
}

/// Whether `text` counts its money in rupees somewhere ([`RUPEE_SETTLERS`]).
pub fn rupee_settled(text: &str) -> bool {
    RUPEE_SETTLERS
        .iter()
        .any(|s| memchr::memmem::find(text.as_bytes(), s.as_bytes()).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settlers_begin_with_the_letter_searched_for() {
        for s in DOLLAR_SETTLERS {
            assert!(s.starts_with(US_DOTTED_FIRST), "{s}");
        }
        assert!(US_DOTTED.starts_with(US_DOTTED_FIRST));
        assert_eq!(US_DOTTED.to_ascii_lowercase(), US_DOTTED_LOWER);
        assert_eq!(US_DOTTED_DOLLAR, format!("{US_DOTTED}$"));
    }

    #[test]
    fn two_word_countries_open_with_their_first_word() {
        for w in ["hong", "new", "south"] {
            assert!(opens_two_word_country(w), "{w}");
        }
        for w in ["kong", "korean", "us", "", "hong kong"] {
            assert!(!opens_two_word_country(w), "{w}");
        }
    }
}
