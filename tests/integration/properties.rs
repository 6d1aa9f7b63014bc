//! Properties of extraction on arbitrary input (proptest): it never panics; every span lies on
//! char boundaries, inside its sentence and inside the document; every interval has lo ≤ hi;
//! claim ids are unique; a claim's `text` is the document at its span; extract → JSON → parse
//! round-trips. Inputs mix words that trigger the grammar (numbers, scales, units, months,
//! qualifiers) with punctuation, separators, invisible characters and arbitrary Unicode, so
//! the generator reaches the grammar's corners rather than only random noise.

use claims::claim::{Claim, Interval};
use claims::extract::{Context, date::Ymd, extract};
use proptest::prelude::*;

/// Pieces of news-like text the grammar reacts to.
const PIECES: &[&str] = &[
    "more than",
    "about",
    "up to",
    "between",
    "and",
    "to",
    "-",
    "–",
    ",",
    ".",
    ". ",
    "\n",
    "\n\n",
    "4,500",
    "3.5",
    "1,1,1",
    "0",
    "123",
    "2023",
    "1990s",
    "12-13",
    "½",
    "1/4",
    ".08",
    "-1",
    "three",
    "twenty-five",
    "a",
    "an",
    "one",
    "half",
    "third",
    "thirds",
    "dozen",
    "hundred",
    "thousand",
    "million",
    "billion",
    "bn",
    "m",
    "k",
    "percent",
    "per cent",
    "%",
    "$",
    "US$",
    "€",
    "£",
    "yuan",
    "rubles",
    "dollars",
    "km",
    "kilometres",
    "miles",
    "hectares",
    "years",
    "months",
    "days",
    "-month",
    "-car",
    "first",
    "20th",
    "second-largest",
    "largest",
    "tens of",
    "thousands",
    "double-digit",
    "October",
    "Oct.",
    "Thursday",
    "March",
    "May",
    "in",
    "since",
    "until",
    "last year",
    "early",
    "the",
    "officers",
    "countries",
    "Russians",
    "Putin's",
    "(",
    ")",
    "\"",
    "“",
    "”",
    "’",
    "\u{200B}",
    "\u{200F}",
    "\u{00A0}",
    "é",
    "Кыргыз",
    "中",
    "🙂",
    "http://x.com/2023/10/13",
    "C5+1",
    "501(c)(3)",
    "COVID-19",
    "10:30",
    "1e10",
];

fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "[0-9,. ]{1,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(8).collect()),
    ];
    proptest::collection::vec((piece, proptest::bool::ANY), 0..60).prop_map(|parts| {
        let mut s = String::new();
        for (p, space) in parts {
            s.push_str(&p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

fn check_interval(iv: &Interval, what: &str) -> Result<(), TestCaseError> {
    if let (Some(lo), Some(hi)) = (iv.lo, iv.hi) {
        prop_assert!(lo <= hi, "{what}: lo {lo} > hi {hi}");
    }
    for v in [iv.lo, iv.hi].into_iter().flatten() {
        prop_assert!(!v.is_nan(), "{what}: NaN");
    }
    Ok(())
}

fn check_claims(text: &str, claims: &[Claim]) -> Result<(), TestCaseError> {
    let mut ids = std::collections::BTreeSet::new();
    for c in claims {
        prop_assert!(ids.insert(c.id.clone()), "duplicate id {}", c.id);
        let (s, e) = (c.span.start, c.span.end);
        prop_assert!(
            s < e && e <= text.len(),
            "span {s}..{e} outside 0..{}",
            text.len()
        );
        prop_assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "span {s}..{e}"
        );
        prop_assert_eq!(&text[s..e], c.text.as_str());
        let (ss, se) = (c.sentence.start, c.sentence.end);
        prop_assert!(
            ss <= s && e <= se && se <= text.len(),
            "span {s}..{e} outside its sentence {ss}..{se}"
        );
        prop_assert!(text.is_char_boundary(ss) && text.is_char_boundary(se));
        check_interval(&c.value, "value")?;
        check_interval(&c.bounds, "bounds")?;
        check_interval(&c.written.value, "written")?;
        prop_assert!(c.span.line >= 1 && c.span.column >= 1);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn extraction_holds_its_invariants(text in text_strategy(), dated in any::<bool>()) {
        let ctx = Context {
            source: "p",
            published: dated.then(|| Ymd::new(2023, 10, 13)).flatten(),
            ..Context::default()
        };
        let claims = extract(&text, &ctx);
        check_claims(&text, &claims)?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        let claims = extract(&text, &Context::default());
        check_claims(&text, &claims)?;
    }

    #[test]
    fn claims_round_trip_through_json(text in text_strategy()) {
        use claims::report::json::{ClaimJson, claim_json};
        let claims = extract(&text, &Context { source: "p", ..Context::default() });
        for c in &claims {
            let wire = claim_json(c, &text);
            let encoded = serde_json::to_string(&wire).unwrap();
            let decoded: ClaimJson = serde_json::from_str(&encoded).unwrap();
            prop_assert_eq!(&decoded, &wire);
        }
    }
}
