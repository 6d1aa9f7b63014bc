//! The value grammar over tokens, one file per dimension over a shared cursor, each calling
//! only the files below it (as duckling keeps one `Rules.hs` per dimension):
//!
//! - [`found`]: what the grammar reads, as plain data (numbers, quantities, qualifiers, the
//!   [`Found`] value);
//! - [`cursor`]: the tokens as the rules read them ([`Grammar`], [`Words`]);
//! - [`number`]: digits, spelled numbers, scales, mixed numbers, ranges, signs;
//! - [`qualifier`]: "more than", "at least", "up to", "about", "10 or more";
//! - [`count`]: counted nouns and bare numbers;
//! - [`percent`], [`money`], [`measure`]: percentages, currencies, durations and physical
//!   units;
//! - [`quantity`]: a quantity and what follows it, dispatched to the dimensions above;
//! - [`ordinal`]: ordinals and ranks;
//! - [`fraction`]: fractions and ratios;
//! - [`vague`]: vague magnitudes and digit counts.
//!
//! This file tries the rules at each token where a value may start
//! ([`crate::extract::starts`]). Every rule looks at a bounded window of tokens, so the scan
//! is linear. Words come from `lang::en`; no English word is written here.

mod count;
mod cursor;
mod found;
mod fraction;
mod measure;
mod money;
mod number;
mod ordinal;
mod percent;
mod qualifier;
mod quantity;
mod vague;

pub use cursor::{Grammar, Words};
pub use found::Found;

use super::starts;
use super::token::TokKind;
use crate::lang::en::{currency, numbers, percent as percent_words};

impl Grammar<'_> {
    /// Every value in the grammar's tokens (one sentence), tried at the tokens `starts` (in
    /// increasing order) only: they must include every token where [`Self::try_at`] finds a
    /// value (`extract::starts_of` gives them). A value found moves the scan past its end.
    pub fn scan(&self, starts: &[u32], out: &mut Vec<Found>) {
        let to = self.toks.len();
        self.sentence_from.set(0);
        let mut next = 0;
        for i in starts.iter().map(|&i| i as usize) {
            if i < next || !self.usable(i) {
                continue;
            }
            if let Some(f) = self.try_at(i, to) {
                next = f.last.max(i + 1);
                out.push(f);
            }
        }
    }

    /// The value starting at token `i`, if any: each rule that may start on its kind of token,
    /// in order.
    fn try_at(&self, i: usize, to: usize) -> Option<Found> {
        let t = &self.toks[i];
        match t.kind {
            // "COVID-19", "MH-17", "Su-27": a name with a number, not a value.
            TokKind::Num(_)
                if i >= 2
                    && self.is_dash(i - 1)
                    && self.glued(i)
                    && self.glued(i - 1)
                    && self.toks[i - 2].is_word() =>
            {
                None
            }
            // "+1-222-2222/2222", "555-0134-22": phone numbers and codes carry no value.
            TokKind::Num(_) if self.in_number_chain(i) => None,
            TokKind::Num(_) => self
                .try_rank(i, to)
                .or_else(|| self.try_ordinal(i, to))
                .or_else(|| self.try_fraction(i, to))
                .or_else(|| self.try_quantity(i, to)),
            TokKind::Word => {
                let w = self.w(i);
                if w.is_empty() {
                    return None;
                }
                if self.currency_prefix(i).is_some()
                    && let Some(f) = self.try_quantity(i, to)
                {
                    return Some(f);
                }
                if percent_words::opens_percent_of(w) {
                    return self.try_percent_of(i, to);
                }
                if !starts::is_starter(w) {
                    return None;
                }
                self.try_rank(i, to)
                    .or_else(|| self.try_fraction(i, to))
                    .or_else(|| self.try_vague(i, to))
                    .or_else(|| self.try_ordinal(i, to))
                    .or_else(|| self.try_quantity(i, to))
            }
            TokKind::Punct(c) => {
                if numbers::vulgar_fraction(c).is_some() {
                    self.try_ratio(i, to)
                } else if currency::symbol(c).is_some() {
                    self.try_quantity(i, to)
                } else {
                    None
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{Context, extract};

    /// (text, kind, written lo, written hi, written unit, qualifier) of every non-date claim.
    type Row = (String, String, Option<f64>, Option<f64>, String, String);

    fn claims_of(input: &str) -> Vec<Row> {
        extract(input, &Context::default())
            .into_iter()
            .filter(|c| c.kind != crate::claim::Kind::Date)
            .map(|c| {
                let r = |v: Option<f64>| v.map(|v| (v * 1e6).round() / 1e6);
                (
                    c.text,
                    c.kind.as_str().to_string(),
                    r(c.written.value.lo),
                    r(c.written.value.hi),
                    c.written.unit,
                    c.qualifier.as_str().to_string(),
                )
            })
            .collect()
    }

    type Want<'a> = (&'a str, &'a str, Option<f64>, Option<f64>, &'a str, &'a str);

    #[test]
    fn number_forms_table() {
        let p = Some;
        let cases: &[(&str, &[Want])] = &[
            // Bare spelled numbers at the end of a clause.
            ("three", &[("three", "number", p(3.0), p(3.0), "", "exact")]),
            (
                "It rose to seventy.",
                &[("seventy", "number", p(70.0), p(70.0), "", "exact")],
            ),
            (
                "fifty-two",
                &[("fifty-two", "number", p(52.0), p(52.0), "", "exact")],
            ),
            (
                "fifty - two",
                &[("fifty - two", "number", p(52.0), p(52.0), "", "exact")],
            ),
            // Dozens, fractions of scales.
            (
                "a dozen",
                &[("a dozen", "number", p(12.0), p(12.0), "", "exact")],
            ),
            (
                "3 dozen eggs",
                &[("3 dozen", "count", p(36.0), p(36.0), "eggs", "exact")],
            ),
            (
                "half a dozen",
                &[("half a dozen", "number", p(6.0), p(6.0), "", "exact")],
            ),
            (
                "half a million people",
                &[("half a million", "count", p(5e5), p(5e5), "people", "exact")],
            ),
            (
                "two thirds of a million",
                &[(
                    "two thirds of a million",
                    "number",
                    p(666_666.666_667),
                    p(666_666.666_667),
                    "",
                    "exact",
                )],
            ),
            // Negative numbers and a leading decimal point.
            ("-1", &[("-1", "number", p(-1.0), p(-1.0), "", "exact")]),
            (
                "minus 5",
                &[("minus 5", "number", p(-5.0), p(-5.0), "", "exact")],
            ),
            (".08", &[(".08", "number", p(0.08), p(0.08), "", "exact")]),
            // Fractions and mixed numbers.
            (
                "one eighth",
                &[("one eighth", "fraction", p(0.125), p(0.125), "", "exact")],
            ),
            (
                "a fifth.",
                &[("a fifth", "fraction", p(0.2), p(0.2), "", "exact")],
            ),
            (
                "one and a half",
                &[("one and a half", "number", p(1.5), p(1.5), "", "exact")],
            ),
            (
                "two and a half years",
                &[(
                    "two and a half years",
                    "duration",
                    p(2.5),
                    p(2.5),
                    "years",
                    "exact",
                )],
            ),
            (
                "2 1/4",
                &[("2 1/4", "number", p(2.25), p(2.25), "", "exact")],
            ),
            (
                "twenty and three fifths",
                &[(
                    "twenty and three fifths",
                    "number",
                    p(20.6),
                    p(20.6),
                    "",
                    "exact",
                )],
            ),
            (
                "twenty-three fifths",
                &[(
                    "twenty-three fifths",
                    "fraction",
                    p(4.6),
                    p(4.6),
                    "",
                    "exact",
                )],
            ),
            (
                "3 million and a half",
                &[(
                    "3 million and a half",
                    "number",
                    p(3.5e6),
                    p(3.5e6),
                    "",
                    "exact",
                )],
            ),
            (
                "one in five adults",
                &[("one in five", "fraction", p(0.2), p(0.2), "", "exact")],
            ),
            (
                "the result is ¾",
                &[("¾", "fraction", p(0.75), p(0.75), "", "exact")],
            ),
            // Spelled decimals and digit groups.
            (
                "two hundred point zero three",
                &[(
                    "two hundred point zero three",
                    "number",
                    p(200.03),
                    p(200.03),
                    "",
                    "exact",
                )],
            ),
            (
                "40 000",
                &[("40 000", "number", p(40000.0), p(40000.0), "", "exact")],
            ),
            (
                "1 234 567",
                &[(
                    "1 234 567",
                    "number",
                    p(1234567.0),
                    p(1234567.0),
                    "",
                    "exact",
                )],
            ),
            (
                "13 lakh",
                &[("13 lakh", "number", p(1.3e6), p(1.3e6), "", "exact")],
            ),
            // Percent and money.
            (
                "one hundred percents",
                &[(
                    "one hundred percents",
                    "percent",
                    p(100.0),
                    p(100.0),
                    "%",
                    "exact",
                )],
            ),
            (
                "50 cents",
                &[("50 cents", "money", p(50.0), p(50.0), "cents", "exact")],
            ),
            (
                "at 470 pence",
                &[("470 pence", "money", p(470.0), p(470.0), "pence", "exact")],
            ),
            (
                "10 €",
                &[("10 €", "money", p(10.0), p(10.0), "EUR", "exact")],
            ),
            (
                "125 million australian dollars",
                &[(
                    "125 million australian dollars",
                    "money",
                    p(1.25e8),
                    p(1.25e8),
                    "AUD",
                    "exact",
                )],
            ),
            (
                "c $ 1.34",
                &[("c $ 1.34", "money", p(1.34), p(1.34), "CAD", "exact")],
            ),
            (
                "30 MUSD",
                &[("30 MUSD", "money", p(3e7), p(3e7), "USD", "exact")],
            ),
            (
                "3 dollars 50 cents",
                &[(
                    "3 dollars 50 cents",
                    "money",
                    p(3.5),
                    p(3.5),
                    "USD",
                    "exact",
                )],
            ),
            // Exponents, Indian grouping, codes glued to digits.
            ("1e10", &[("1e10", "number", p(1e10), p(1e10), "", "exact")]),
            (
                "-12e-1",
                &[("-12e-1", "number", p(-1.2), p(-1.2), "", "exact")],
            ),
            (
                "1.3x10^6",
                &[("1.3x10^6", "number", p(1.3e6), p(1.3e6), "", "exact")],
            ),
            (
                "12,34,567.89",
                &[(
                    "12,34,567.89",
                    "number",
                    p(1_234_567.89),
                    p(1_234_567.89),
                    "",
                    "exact",
                )],
            ),
            (
                "USD115.5",
                &[("USD115.5", "money", p(115.5), p(115.5), "USD", "exact")],
            ),
            // Digits with spelled scales continued by a smaller number.
            (
                "4 thousand 3 hundred and 21",
                &[(
                    "4 thousand 3 hundred and 21",
                    "number",
                    p(4321.0),
                    p(4321.0),
                    "",
                    "exact",
                )],
            ),
            (
                "6 crore and two hundred",
                &[(
                    "6 crore and two hundred",
                    "number",
                    p(60_000_200.0),
                    p(60_000_200.0),
                    "",
                    "exact",
                )],
            ),
            (
                "between 3 hundred and 400",
                &[(
                    "between 3 hundred and 400",
                    "number",
                    p(300.0),
                    p(400.0),
                    "",
                    "range",
                )],
            ),
            // Compound denominators, proper mixed parts, the half of the next scale.
            (
                "three twenty-firsts",
                &[(
                    "three twenty-firsts",
                    "fraction",
                    p(0.142_857),
                    p(0.142_857),
                    "",
                    "exact",
                )],
            ),
            (
                "twenty twenty fifths",
                &[(
                    "twenty twenty fifths",
                    "fraction",
                    p(0.8),
                    p(0.8),
                    "",
                    "exact",
                )],
            ),
            (
                "a hundred millionths",
                &[(
                    "a hundred millionths",
                    "fraction",
                    p(1e-4),
                    p(1e-4),
                    "",
                    "exact",
                )],
            ),
            (
                "one hundred and thirty fifths",
                &[(
                    "one hundred and thirty fifths",
                    "fraction",
                    p(26.0),
                    p(26.0),
                    "",
                    "exact",
                )],
            ),
            (
                "two and fifty-four hundredths",
                &[(
                    "two and fifty-four hundredths",
                    "number",
                    p(2.54),
                    p(2.54),
                    "",
                    "exact",
                )],
            ),
            (
                "two million and one half",
                &[(
                    "two million and one half",
                    "number",
                    p(2.5e6),
                    p(2.5e6),
                    "",
                    "exact",
                )],
            ),
            (
                "one billion and a half million",
                &[(
                    "one billion and a half million",
                    "number",
                    p(1_000_500_000.0),
                    p(1_000_500_000.0),
                    "",
                    "exact",
                )],
            ),
            (
                "-4/5",
                &[("-4/5", "fraction", p(-0.8), p(-0.8), "", "exact")],
            ),
            // "nought" only before or after "point"; dozen abbreviations.
            (
                "nine point nought four",
                &[(
                    "nine point nought four",
                    "number",
                    p(9.04),
                    p(9.04),
                    "",
                    "exact",
                )],
            ),
            (
                "3 dzs",
                &[("3 dzs", "number", p(36.0), p(36.0), "", "exact")],
            ),
            // "over" between bare numbers, the percent word first, post-qualifiers.
            (
                "2000 over 3",
                &[(
                    "2000 over 3",
                    "fraction",
                    p(666.666_667),
                    p(666.666_667),
                    "",
                    "exact",
                )],
            ),
            (
                "per cent of twenty-two",
                &[(
                    "per cent of twenty-two",
                    "percent",
                    p(22.0),
                    p(22.0),
                    "%",
                    "exact",
                )],
            ),
            (
                "10 or more people",
                &[("10 or more", "count", p(10.0), None, "people", "at_least")],
            ),
            (
                "less than or equal to 40",
                &[(
                    "less than or equal to 40",
                    "number",
                    p(0.0),
                    p(40.0),
                    "",
                    "at_most",
                )],
            ),
            (
                "20 through 100",
                &[("20 through 100", "number", p(20.0), p(100.0), "", "range")],
            ),
            (
                "its one-yen bid",
                &[("one-yen", "money", p(1.0), p(1.0), "JPY", "exact")],
            ),
            (
                "190 km2.",
                &[("190 km2", "area", p(190.0), p(190.0), "km²", "exact")],
            ),
            (
                "about five hundred or more",
                &[(
                    "about five hundred or more",
                    "number",
                    p(500.0),
                    None,
                    "",
                    "at_least",
                )],
            ),
            // Spelled ordinals standing alone.
            (
                "He finished eleventh.",
                &[("eleventh", "ordinal", p(11.0), p(11.0), "", "exact")],
            ),
            (
                "She finished second!",
                &[("second", "ordinal", p(2.0), p(2.0), "", "exact")],
            ),
            (
                "one hundred twenty-fifth",
                &[(
                    "one hundred twenty-fifth",
                    "ordinal",
                    p(125.0),
                    p(125.0),
                    "",
                    "exact",
                )],
            ),
            (
                "three trillionth",
                &[("three trillionth", "ordinal", p(3e12), p(3e12), "", "exact")],
            ),
        ];
        for (input, want) in cases {
            let got = claims_of(input);
            let want: Vec<Row> = want
                .iter()
                .map(|(t, k, lo, hi, u, q)| {
                    (
                        t.to_string(),
                        k.to_string(),
                        *lo,
                        *hi,
                        u.to_string(),
                        q.to_string(),
                    )
                })
                .collect();
            assert_eq!(got, want, "input: {input:?}");
        }
    }

    #[test]
    fn news_negatives_table() {
        // (input, kinds that must not appear)
        let nf: &[&str] = &["number", "fraction", "count"];
        let cases: &[(&str, &[&str])] = &[
            ("He is one of the few who stayed.", nf),
            ("The two leaders met on Friday.", nf),
            ("It has tax-exempt status under Section 501(c)(3).", nf),
            ("The C5+1 summit opened.", nf),
            ("The COVID-19 pandemic hit trade.", nf),
            (
                "For the first time in years, exports grew.",
                &["ordinal", "number"],
            ),
            ("Only one came.", nf),
            ("The talks between the two ended, said the two.", nf),
            ("a fifth term in office", &["fraction"]),
            ("He won 3 in 10 days.", &["fraction"]),
            ("Version two.", nf),
            // "nought"/"naught" outside numeric context, bare "first"/"second".
            ("The plan came to naught.", nf),
            ("It took a split second.", &["ordinal"]),
            ("Third, the talks failed.", &["ordinal"]),
            ("Safety first.", &["ordinal"]),
            // "over" before a year or a counted noun is a qualifier, not a quotient; the
            // percent word before a compound; phone numbers.
            ("Exports rose 12 over 2022.", &["fraction"]),
            ("He scored 12 over 3 games.", &["fraction"]),
            ("the percent of 18-year-olds who vote", &["percent"]),
            ("Call +1-222-2222/2222 now.", nf),
            // A percent after "and" is its own value.
            (
                "It lost $2 million and 15 percent of its staff.",
                &["number"],
            ),
        ];
        for (input, forbidden) in cases {
            let got = claims_of(input);
            assert!(
                got.iter().all(|c| !forbidden.contains(&c.1.as_str())),
                "input: {input:?} got {got:?}"
            );
        }
    }

    /// Pieces of generated text: many kinds of token.
    const BROAD: &[&str] = &[
        "a",
        "an",
        "A",
        "An",
        "AN",
        "-",
        "–",
        "—",
        "$",
        "€",
        "£",
        "¥",
        "½",
        "¾",
        "%",
        "US",
        "us",
        "Us",
        "U",
        "U.S.",
        "U.S.$",
        "HK",
        "hk",
        "C",
        "c",
        "CA",
        "S",
        "SG",
        "NZ",
        "NT",
        "R",
        "MEX",
        "Mex",
        "MXN",
        "mxn",
        "USD",
        "usd",
        "Usd",
        "uSD",
        "EUR",
        "eur",
        "Rs",
        "RS",
        "rs",
        "TRY",
        "try",
        "rmb",
        "RMB",
        "MUSD",
        "元",
        "AUD",
        "aud",
        "au",
        "sg",
        "5",
        "12",
        "4,500",
        "2023",
        "1.5",
        "0",
        "3/4",
        "1/2",
        "per",
        "cent",
        "percent",
        "percents",
        "Percent",
        "pct",
        "of",
        "half",
        "Half",
        "quarter",
        "quarters",
        "third",
        "thirds",
        "fifth",
        "fifths",
        "hundredth",
        "hundredths",
        "one",
        "One",
        "two",
        "twenty",
        "five",
        "zero",
        "nought",
        "naught",
        "point",
        "dozen",
        "dozens",
        "dz",
        "hundred",
        "thousand",
        "million",
        "billion",
        "lakh",
        "crore",
        "tens",
        "hundreds",
        "thousands",
        "millions",
        "single",
        "double",
        "digit",
        "digits",
        "first",
        "second",
        "largest",
        "most",
        "top",
        "least",
        "investor",
        "partner",
        "the",
        "The",
        "its",
        "their",
        "Russia's",
        "countries'",
        "’",
        "'",
        "and",
        "or",
        "to",
        "between",
        "from",
        "in",
        "out",
        "over",
        "more",
        "than",
        "about",
        "nearly",
        "up",
        "at",
        "least",
        "year",
        "years",
        "month",
        "day",
        "week",
        "ago",
        "old",
        "km",
        "miles",
        "square",
        "degrees",
        "Celsius",
        "°",
        "people",
        "troops",
        "cars",
        "dollars",
        "yuan",
        "pounds",
        "som",
        "Hong",
        "Kong",
        "Kyrgyz",
        "minus",
        "negative",
        "finished",
        "placed",
        "ever",
        "time",
        "officials",
        "said",
        "October",
        "May",
        "12",
        ".",
        ",",
        ";",
        "(",
        ")",
        "\"",
        "x@y.com",
        "http://a.b/1",
        "C5",
        "COVID",
    ];

    /// Few pieces, so that short runs of the tricky starts ("a - third.", "US $ 5", "per cent
    /// of 5", "a a hundred fifth") occur often.
    const NARROW: &[&str] = &[
        "a", "an", "-", "$", "US", "half", "third", "fifths", "of", "hundred", "one", "twenty",
        "point", "nought", "per", "cent", "percent", "5", ".", "the", "largest", "investor",
        "month", "dozen",
    ];

    /// Generated news-like text from pieces that start values or sit next to a start: codes,
    /// dollar prefixes, signs, spelled numbers, fraction words, "a"/"an", dashes, glued and
    /// spaced.
    fn generated_texts(n: usize, pieces: &[&str]) -> Vec<String> {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..n)
            .map(|_| {
                let mut t = String::new();
                for _ in 0..next() % 30 {
                    let r = next();
                    t.push_str(pieces[(r >> 8) as usize % pieces.len()]);
                    // Mostly spaced, sometimes glued, now and then a sentence break.
                    match r % 16 {
                        0..=2 => {}
                        3 => t.push_str(". "),
                        _ => t.push(' '),
                    }
                }
                t
            })
            .collect()
    }

    /// `qualifier_before` (packed last words in buckets) finds what trying every pattern in
    /// order finds, at every token of texts made of qualifier words, numbers and others.
    #[test]
    fn qualifier_buckets_agree_with_every_pattern() {
        use super::found::Qual;
        use super::{Grammar, Words};
        use crate::extract::token;
        use crate::lang::en::qualifiers::QUALIFIERS;
        let reference = |g: &Grammar, i: usize| {
            for (words, q, below) in QUALIFIERS {
                let n = words.len();
                if i < n {
                    continue;
                }
                let s = i - n;
                if (0..n).all(|k| g.w(s + k) == words[k]) && !g.blocked[s] {
                    return Qual {
                        qualifier: *q,
                        first: s,
                        below: *below,
                    };
                }
            }
            Qual::exact(i)
        };
        let mut pieces: Vec<&str> = QUALIFIERS
            .iter()
            .flat_map(|p| p.0.iter().copied())
            .collect();
        pieces.extend([
            "5",
            "the",
            "More",
            "THAN",
            "than,",
            "Über",
            "approximatelyy",
            "-",
        ]);
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut compared = 0;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..12 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                t.push_str(pieces[(state >> 33) as usize % pieces.len()]);
                t.push(' ');
            }
            let toks = token::tokenize(&t);
            let blocked: Vec<bool> = (0..toks.len()).map(|k| k % 7 == 3).collect();
            let mut low = String::new();
            let words = Words::new(&t, &toks, &mut low);
            let g = Grammar::new(&t, &toks, &blocked, &words, 0);
            for i in 0..=toks.len() {
                assert_eq!(g.qualifier_before(i, 0), reference(&g, i), "{t:?} at {i}");
                compared += 1;
            }
        }
        assert!(compared > 30_000);
    }

    /// `starts_of` holds every token where `Grammar::try_at` finds a value, on the bundled
    /// articles, the fixtures and generated text: the scan tries only those tokens, so they
    /// must be a superset of the grammar's starts, token by token.
    #[test]
    fn starts_of_holds_wherever_the_grammar_starts() {
        use super::{Grammar, Words};
        use crate::extract::starts::starts_of;
        use crate::extract::{date, sentence, token};
        let mut texts = crate::extract::texts_in("corpus");
        texts.extend(crate::extract::texts_in("tests/fixtures"));
        texts.extend(crate::extract::texts_in("tests/fixtures/conflicts"));
        assert!(texts.len() >= 8, "the bundled texts are missing");
        texts.extend(generated_texts(20_000, BROAD));
        texts.extend(generated_texts(40_000, NARROW));
        let (mut starts, mut skipped) = (0, 0);
        for t in &texts {
            let sentences = sentence::split(t);
            let mut toks = Vec::new();
            for &(a, b) in &sentences {
                token::tokenize_into(t, a, b, &mut toks);
            }
            let mut scan = date::DateScan::default();
            scan.feed(t, &toks);
            let (_, dates) = scan.finish(t, None);
            let mut blocked = vec![false; toks.len()];
            for d in &dates {
                let a = toks.partition_point(|x| x.end <= d.start);
                let b = toks.partition_point(|x| x.start < d.end);
                blocked[a..b].fill(true);
            }
            let mut from = 0;
            let mut low = String::new();
            let words = Words::new(t, &toks, &mut low);
            for &(_, s_end) in &sentences {
                let to = from + toks[from..].partition_point(|x| x.start < s_end);
                let (st, sb) = (&toks[from..to], &blocked[from..to]);
                let g = Grammar::new(t, st, sb, &words, from);
                from = to;
                g.sentence_from.set(0);
                let mut cands = Vec::new();
                starts_of(t, st, sb, &mut cands);
                for i in 0..st.len() {
                    let may = cands.contains(&(i as u32));
                    if g.usable(i) && g.try_at(i, st.len()).is_some() {
                        starts += 1;
                        assert!(
                            may,
                            "no start at {:?} in {:?}",
                            &t[st[i].start..st[i].end],
                            &t[st[0].start..st[st.len() - 1].end]
                        );
                    } else if !may {
                        skipped += 1;
                    }
                }
            }
        }
        assert!(
            starts > 20_000 && skipped > 100_000,
            "{starts} starts, {skipped} tokens skipped"
        );
    }
}
