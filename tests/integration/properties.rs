//! Properties of extraction on arbitrary input (proptest): it never panics; every span lies on
//! char boundaries, inside its sentence and inside the document; every interval has lo ≤ hi;
//! claim ids are unique; a claim's `text` is the document at its span; extract → JSON → parse
//! round-trips. Inputs mix words that trigger the grammar (numbers, scales, units, months,
//! qualifiers) with punctuation, separators, invisible characters and arbitrary Unicode, so
//! the generator reaches the grammar's corners rather than only random noise.
//!
//! And properties of the whole run: `compare` gives the same bytes (json and table) whatever
//! the thread count (`-j`) and whatever the order the files are named in, on the seed corpus
//! plus the planted-conflict fixture — through the real binary, and as a proptest over random
//! orders and thread counts through `claims::run`.

use claims::calendar::Ymd;
use claims::claim::{Claim, Interval};
use claims::extract::{Context, extract};
use proptest::prelude::*;

use crate::common::*;

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
    if let (Some(lo), Some(hi)) = (iv.lo(), iv.hi()) {
        prop_assert!(lo <= hi, "{what}: lo {lo} > hi {hi}");
    }
    for v in [iv.lo(), iv.hi()].into_iter().flatten() {
        prop_assert!(!v.is_nan(), "{what}: NaN");
    }
    Ok(())
}

fn check_claims(text: &str, claims: &[Claim]) -> Result<(), TestCaseError> {
    let mut ids = std::collections::BTreeSet::new();
    for c in claims {
        prop_assert!(ids.insert(c.id.clone()), "duplicate id {}", c.id);
        let (s, e) = (c.span.start(), c.span.end());
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
        let (ss, se) = (c.sentence.start(), c.sentence.end());
        prop_assert!(
            ss <= s && e <= se && se <= text.len(),
            "span {s}..{e} outside its sentence {ss}..{se}"
        );
        prop_assert!(text.is_char_boundary(ss) && text.is_char_boundary(se));
        check_interval(&c.value, "value")?;
        check_interval(&c.bounds, "bounds")?;
        check_interval(&c.written().value, "written")?;
        prop_assert!(c.span.line() >= 1 && c.span.column() >= 1);
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
        use claims::report::wire::{ClaimJson, claim_json};
        let claims = extract(&text, &Context { source: "p", ..Context::default() });
        for c in &claims {
            let wire = claim_json(c, Some((&text, 0)));
            let encoded = serde_json::to_string(&wire).unwrap();
            let decoded: ClaimJson = serde_json::from_str(&encoded).unwrap();
            prop_assert_eq!(&decoded, &wire);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// compare: same bytes across thread counts and input orders
// ---------------------------------------------------------------------------------------------

/// The seed corpus and the three planted-conflict articles, as paths relative to the repo.
const COMPARE_INPUTS: &[&str] = &[
    "corpus/000_39325c9a37323967.txt",
    "corpus/001_e813ee348409d74f.txt",
    "corpus/002_66c81adcedb12ad6.txt",
    "corpus/003_db096c9901c0e0ce.txt",
    "corpus/004_ccd57c960e5e7f8f.txt",
    "tests/fixtures/conflicts/a-herald.txt",
    "tests/fixtures/conflicts/b-valley-post.txt",
    "tests/fixtures/conflicts/c-wire.txt",
];

/// Orders the files are named in: as listed, reversed, and interleaved from both ends.
fn orders() -> Vec<Vec<&'static str>> {
    let forward = COMPARE_INPUTS.to_vec();
    let reversed: Vec<&str> = forward.iter().rev().copied().collect();
    let mut mixed = Vec::new();
    let (mut i, mut j) = (0, forward.len());
    while i < j {
        j -= 1;
        mixed.push(forward[j]);
        if i < j {
            mixed.push(forward[i]);
        }
        i += 1;
    }
    vec![forward, reversed, mixed]
}

#[test]
fn compare_bytes_do_not_depend_on_threads_or_input_order() {
    for format in ["json", "table"] {
        let mut first: Option<(String, String)> = None;
        for order in orders() {
            for threads in ["1", "2", "8"] {
                let out = Test::in_repo()
                    .args(["-j", threads, "compare", "--all", "--format", format])
                    .args(order.iter().copied())
                    .run();
                out.check(0, None, Some(""));
                let what = format!("-j{threads} {order:?}");
                match &first {
                    None => first = Some((what, out.stdout.clone())),
                    Some((base, want)) => {
                        if &out.stdout != want {
                            out.fail(&format!("{format} output differs from that of {base}"));
                        }
                    }
                }
            }
        }
        // The planted conflicts are in the output compared, not an empty report.
        let (_, text) = first.unwrap();
        assert!(text.contains("a-herald") && text.contains("Moscow Times"));
        assert!(
            text.contains("conflict"),
            "{format}: no conflict in\n{text}"
        );
    }
}

#[test]
fn threads_flag_is_global_and_checked() {
    // Before or after the command, long or short; 0 means one per core.
    for args in [
        &["--threads", "3", "compare"][..],
        &["compare", "-j", "0"],
        &["compare", "-j1"],
    ] {
        Test::in_repo().args(args.iter().copied()).run().code(0);
    }
    Test::new()
        .args(["-j", "many", "compare", "x.txt"])
        .run()
        .code(2)
        .stderr_has("invalid value 'many' for '--threads <N>'");
}

/// One `compare` run in this process ([`run_in_process`]: everything but `main`), with the
/// repo's claims.toml named explicitly so the test's current folder does not matter.
fn compare_in_process(threads: usize, format: &str, files: &[&str]) -> String {
    let config = Path::new(MANIFEST_DIR).join("claims.toml");
    let mut args: Vec<OsString> = vec!["claims".into(), "--config".into(), config.into()];
    args.extend(["-j".into(), threads.to_string().into()]);
    args.extend(["compare", "--all", "--format", format].map(OsString::from));
    args.extend(
        files
            .iter()
            .map(|f| Path::new(MANIFEST_DIR).join(f).into_os_string()),
    );
    let (code, out, err) = run_in_process(args, &claims::atomic_write::no_fault);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    out
}

proptest! {
    // Each case runs the whole pipeline on eight articles, twice: a few cases suffice to vary
    // orders and thread counts; the binary test above pins the fixed ones.
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn compare_is_the_same_for_any_order_and_thread_count(
        order in Just(COMPARE_INPUTS.to_vec()).prop_shuffle(),
        threads in 1usize..9,
        json in any::<bool>(),
    ) {
        let format = if json { "json" } else { "table" };
        let want = compare_in_process(1, format, COMPARE_INPUTS);
        prop_assert_eq!(compare_in_process(threads, format, &order), want);
    }
}
