//! Running a peer's test specs: the English specs of Microsoft Recognizers-Text (NumberModel,
//! NumberRangeModel, OrdinalModel, PercentModel, CurrencyModel, DimensionModel; MIT licence,
//! copied under `tests/eval/recognizers-text/`).
//!
//! Each case has an input and the results the peer expects: `Text`, `TypeName`, a `Resolution`
//! (`value`, maybe `unit`) and `Start`/`End` as *inclusive character* offsets, which we turn into
//! a half-open byte range. The `NotSupported` fields are ignored: every case runs. A case passes
//! when every expected result has a relevant claim overlapping its span with the expected value
//! (relative tolerance [`PEER_TOLERANCE`]) and no relevant claim lies outside all expected spans.
//!
//! How our claims map onto each spec:
//! - Number: only bare numbers are judged: claims of kind count, number and fraction. A claim
//!   found in an unexpected place fails the case only when it is one of those kinds: the peer's
//!   number model leaves out numbers that belong to a unit glued to them ("the 180ml liquid",
//!   "29km Road") while we report those as volume and distance claims, and it never reports
//!   dates or ordinals. An expected number is found by a claim of any quantity kind (count,
//!   number, fraction, money, percent or a measurement, never date, ordinal or rank) that
//!   overlaps it and states the same number as written (either end of `written.value`): "3
//!   hundred and 21 yuan" is the number 321 said in yuan.
//! - NumberRange: claims qualified range/more_than/at_least/less_than/at_most, compared by the
//!   ends of `written.value`. Brackets are ignored: we treat every range as closed ("between 20
//!   and 30" is inclusive here). An empty low end ("(,30)") accepts an open end or 0, since
//!   "less than 30" of a quantity is stated as [0, 30]. An expected single point ("equals 20",
//!   `[20,20]`) is found by an exact claim of that value as well.
//! - Ordinal: ordinal claims by value. `ordinal.relative` results ("next", "last") are not
//!   supported; such cases fail and are counted as their own category.
//! - Percent: percent claims by value ("100%" → 100). A percentage without a number (value
//!   "null": "a small percent") is found by a vague share, a percent claim written without
//!   digits.
//! - Currency: money claims; the unit name comes from the ISO code (or the written unit, for
//!   cents and pence) via [`currency_names`]; a code without a name fails.
//! - Dimension: distance, area, mass, volume and speed claims, by the written value and the
//!   written unit's name ([`dimension_names`]). Durations and temperatures are not judged: the
//!   peer's dimension model has neither (they belong to its date-time and temperature models,
//!   and its spec expects nothing in "the temperature is 24 degrees").
//!
//! Where the product deliberately differs from the peer, see `tests/eval/DIVERGENCES.md`.

use super::{close, overlaps, pct, ratio};
use claims::claim::{Claim, Kind, Qualifier};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The value the peer gives a mention without a number ("a small percent").
pub const NO_VALUE: &str = "null";

/// Relative tolerance for the peer's values ("0.666666666666667").
pub const PEER_TOLERANCE: f64 = 1e-6;

/// One spec case.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    #[serde(rename = "Input")]
    pub input: String,
    #[serde(rename = "Results", default)]
    pub results: Vec<SpecResult>,
}

/// One result the peer expects.
#[derive(Debug, Clone, Deserialize)]
pub struct SpecResult {
    #[serde(rename = "Text", default)]
    pub text: String,
    #[serde(rename = "TypeName", default)]
    pub type_name: String,
    #[serde(rename = "Resolution", default)]
    pub resolution: serde_json::Map<String, serde_json::Value>,
    /// Inclusive character offsets.
    #[serde(rename = "Start")]
    pub start: usize,
    #[serde(rename = "End")]
    pub end: usize,
}

impl SpecResult {
    fn res_str(&self, key: &str) -> Option<&str> {
        self.resolution.get(key).and_then(|v| v.as_str())
    }
}

/// Which spec a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Model {
    Number,
    NumberRange,
    Ordinal,
    Percent,
    Currency,
    Dimension,
}

impl Model {
    pub const ALL: [Model; 6] = [
        Model::Number,
        Model::NumberRange,
        Model::Ordinal,
        Model::Percent,
        Model::Currency,
        Model::Dimension,
    ];

    /// The spec's file name.
    pub fn file_name(self) -> &'static str {
        match self {
            Model::Number => "NumberModel.json",
            Model::NumberRange => "NumberRangeModel.json",
            Model::Ordinal => "OrdinalModel.json",
            Model::Percent => "PercentModel.json",
            Model::Currency => "CurrencyModel.json",
            Model::Dimension => "DimensionModel.json",
        }
    }

    /// Whether a claim is one this spec judges: a claim of this sort outside every expected
    /// span fails the case.
    pub fn relevant(self, c: &Claim) -> bool {
        match self {
            Model::Number => matches!(c.kind, Kind::Count | Kind::Number | Kind::Fraction),
            Model::NumberRange => matches!(
                c.qualifier,
                Qualifier::Range
                    | Qualifier::MoreThan
                    | Qualifier::AtLeast
                    | Qualifier::LessThan
                    | Qualifier::AtMost
            ),
            Model::Ordinal => c.kind == Kind::Ordinal,
            Model::Percent => c.kind == Kind::Percent,
            Model::Currency => c.kind == Kind::Money,
            Model::Dimension => matches!(
                c.kind,
                Kind::Distance
                    | Kind::Area
                    | Kind::Mass
                    | Kind::Volume
                    | Kind::Speed
                    | Kind::Angle
                    | Kind::Data
            ),
        }
    }

    /// Whether a claim may give the value of an expected result (a superset of [`relevant`]).
    ///
    /// [`relevant`]: Model::relevant
    pub fn may_match(self, c: &Claim) -> bool {
        match self {
            Model::Number => !matches!(c.kind, Kind::Date | Kind::Ordinal | Kind::Rank),
            // "equals 20" is the range [20,20]: an exact value states it.
            Model::NumberRange => {
                self.relevant(c)
                    || (c.qualifier == Qualifier::Exact
                        && c.kind != Kind::Date
                        && c.written().value.lo() == c.written().value.hi())
            }
            _ => self.relevant(c),
        }
    }
}

/// Parse a spec file (a JSON array of cases, maybe with a BOM).
pub fn parse_cases(json: &str) -> Result<Vec<Case>, String> {
    serde_json::from_str(json.trim_start_matches('\u{feff}')).map_err(|e| e.to_string())
}

/// Half-open byte range of the inclusive character range `[start, end]` of `text`.
pub fn char_span_to_bytes(text: &str, start: usize, end: usize) -> (usize, usize) {
    let byte_at = |ci: usize| text.char_indices().nth(ci).map_or(text.len(), |(b, _)| b);
    (byte_at(start), byte_at(end + 1))
}

/// Peer unit names of a currency: from an ISO code, a symbol or a written sub-unit.
pub fn currency_names(unit: &str) -> &'static [&'static str] {
    match unit.trim().to_lowercase().as_str() {
        "usd" | "$" | "us$" | "dollar" | "dollars" => &["Dollar", "United States dollar"],
        "gbp" | "£" => &["British pound", "Pound"],
        "eur" | "€" => &["Euro"],
        "cny" | "rmb" | "yuan" => &["Chinese yuan"],
        "jpy" | "yen" => &["Japanese yen"],
        "aud" => &["Australian dollar"],
        "cad" => &["Canadian dollar"],
        "hkd" => &["Hong Kong dollar"],
        "nzd" => &["New Zealand dollar"],
        "chf" => &["Swiss franc", "Franc"],
        "frf" | "franc" | "francs" => &["Franc"],
        "inr" | "rupee" | "rupees" => &["Rupee"],
        "lkr" => &["Sri Lankan rupee"],
        "try" => &["Turkish lira"],
        "mxn" => &["Mexican peso"],
        "gel" => &["Georgian lari"],
        "lak" => &["Lao kip"],
        "crc" => &["Costa Rican colón"],
        "fim" => &["Finnish markka"],
        "nlg" => &["Netherlands guilder"],
        "esp" => &["Peseta"],
        "btc" | "xbt" => &["Bitcoin"],
        "cent" | "cents" | "¢" => &["Cent"],
        "pence" | "p" => &["Pence"],
        "penny" => &["Penny"],
        "satoshi" | "satoshis" | "sat" => &["Satoshi"],
        "sen" => &["Sen"],
        _ => &[],
    }
}

/// Peer unit names of a written measurement unit ("mi" → "Mile").
pub fn dimension_names(unit: &str) -> &'static [&'static str] {
    // Bytes and bits differ by the case of the "b" alone.
    match unit.trim() {
        "B" => return &["Byte"],
        "KB" => return &["Kilobyte"],
        "MB" => return &["Megabyte"],
        "GB" => return &["Gigabyte"],
        "TB" => return &["Terabyte"],
        "Kb" => return &["Kilobit"],
        "Mb" => return &["Megabit"],
        "Gb" => return &["Gigabit"],
        _ => {}
    }
    match unit.trim().to_lowercase().as_str() {
        "mi" | "mile" | "miles" => &["Mile"],
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => &["Kilometer"],
        "m" | "metre" | "metres" | "meter" | "meters" => &["Meter"],
        "dm" => &["Decimeter"],
        "cm" => &["Centimeter"],
        "mm" => &["Millimeter"],
        "pm" => &["Picometer"],
        "ft" | "foot" | "feet" => &["Foot"],
        "in" | "inch" | "inches" => &["Inch"],
        "yd" | "yard" | "yards" => &["Yard"],
        "lb" | "lbs" | "pound" | "pounds" => &["Pound"],
        "kg" => &["Kilogram"],
        "g" | "gram" | "grams" | "gramme" => &["Gram"],
        "mg" => &["Milligram"],
        "µg" | "μg" | "mcg" => &["Microgram"],
        "oz" | "ounce" | "ounces" => &["Ounce"],
        "t" | "tonne" | "tonnes" => &["Metric ton", "Ton"],
        "ton" | "tons" => &["Ton"],
        "ml" => &["Milliliter"],
        "l" | "litre" | "liter" => &["Liter"],
        "gal" | "gallon" | "gallons" => &["Gallon"],
        "bbl" | "barrel" | "barrels" => &["Barrel"],
        "cup" | "cups" => &["Cup"],
        "tbsp" | "tablespoon" => &["Tablespoon"],
        "tsp" | "teaspoon" => &["Teaspoon"],
        "cu ft" | "ft3" | "ft³" => &["Cubic foot"],
        "km/h" | "kph" | "kmh" => &["Kilometer per hour"],
        "mph" | "mi/h" => &["Mile per hour"],
        "m/s" => &["Meter per second"],
        "ac" | "acre" | "acres" => &["Acre"],
        "ha" | "hectare" | "hectares" => &["Hectare"],
        "km2" | "km²" | "sq km" => &["Square kilometer"],
        "m2" | "m²" | "sq m" => &["Square meter"],
        "°c" | "c" => &["C", "Degree Celsius"],
        "°" | "degree" | "degrees" => &["Degree"],
        "rad" | "radian" | "radians" => &["Radian"],
        "turn" | "turns" => &["Turn"],
        "bit" | "bits" => &["Bit"],
        "teaspoons" => &["Teaspoon"],
        "tablespoons" => &["Tablespoon"],
        "°f" | "f" => &["F", "Degree Fahrenheit"],
        _ => &[],
    }
}

fn num(s: &str) -> Option<f64> {
    s.trim().parse().ok()
}

fn eq_opt(want: f64, got: Option<f64>) -> bool {
    got.is_some_and(|g| close(want, g, PEER_TOLERANCE))
}

/// "[20,30)" → (Some(20), Some(30)); "(,30)" → (None, Some(30)).
pub fn parse_range(s: &str) -> Option<(Option<f64>, Option<f64>)> {
    let s = s.trim();
    let inner = s.strip_prefix(['[', '('])?.strip_suffix([']', ')'])?;
    let (a, b) = inner.split_once(',')?;
    let end = |x: &str| -> Option<Option<f64>> {
        if x.trim().is_empty() {
            Some(None)
        } else {
            num(x).map(Some)
        }
    };
    Some((end(a)?, end(b)?))
}

/// Whether claim `c` gives the value of expected result `r` under `model`.
pub fn result_matches(model: Model, r: &SpecResult, c: &Claim) -> bool {
    let value = r.res_str("value");
    match model {
        Model::Number => value.and_then(num).is_some_and(|v| {
            eq_opt(v, c.written().value.lo()) || eq_opt(v, c.written().value.hi())
        }),
        Model::NumberRange => {
            let Some((lo, hi)) = value.and_then(parse_range) else {
                return false;
            };
            let lo_ok = match lo {
                Some(v) => eq_opt(v, c.written().value.lo()),
                None => c.written().value.lo().is_none_or(|g| g == 0.0),
            };
            let hi_ok = match hi {
                Some(v) => eq_opt(v, c.written().value.hi()),
                None => c.written().value.hi().is_none(),
            };
            lo_ok && hi_ok
        }
        Model::Ordinal => {
            r.type_name == "ordinal" && value.and_then(num).is_some_and(|v| eq_opt(v, c.value.lo()))
        }
        // "null": a share without a number ("a small percent"), which only a vague share
        // states, not "10%".
        Model::Percent if value == Some(NO_VALUE) => {
            !c.text.as_str().bytes().any(|b| b.is_ascii_digit())
        }
        Model::Percent => value
            .and_then(|s| num(s.trim().trim_end_matches('%')))
            .is_some_and(|v| eq_opt(v, c.value.lo())),
        Model::Currency | Model::Dimension => {
            let Some(unit) = r.res_str("unit") else {
                return false;
            };
            let want = value.map(num);
            if want == Some(None) {
                return false; // a value we cannot read
            }
            let want = want.flatten();
            let names = if model == Model::Currency {
                currency_names
            } else {
                dimension_names
            };
            let written = c.written();
            let mut candidates = vec![(written.value.lo(), written.unit.as_str())];
            if model == Model::Currency {
                candidates.push((c.value.lo(), c.unit.as_str()));
            }
            candidates.into_iter().any(|(v, u)| {
                let unit_ok = names(u).iter().any(|n| n.eq_ignore_ascii_case(unit))
                    || (!u.is_empty() && u.eq_ignore_ascii_case(unit));
                unit_ok && want.is_none_or(|w| eq_opt(w, v))
            })
        }
    }
}

/// The outcome of one case.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseOutcome {
    pub input: String,
    pub passed: bool,
    /// A known unsupported category the case belongs to ("ordinal.relative").
    pub category: Option<String>,
    pub expected: Vec<String>,
    pub got: Vec<String>,
}

fn describe_claim(c: &Claim) -> String {
    let end = |v: Option<f64>| v.map_or_else(|| "∞".to_string(), |v| format!("{v}"));
    format!(
        "{:?} [{}..{}) {} {} {} written [{}, {}] {}",
        c.text,
        c.span.start(),
        c.span.end(),
        c.kind,
        c.qualifier,
        c.unit,
        end(c.written().value.lo()),
        end(c.written().value.hi()),
        c.written().unit
    )
}

/// Judge one case given the claims extracted from its input.
pub fn check_case(model: Model, case: &Case, claims: &[Claim]) -> CaseOutcome {
    let relevant: Vec<&Claim> = claims.iter().filter(|c| model.relevant(c)).collect();
    let candidates: Vec<&Claim> = claims.iter().filter(|c| model.may_match(c)).collect();
    let spans: Vec<(usize, usize)> = case
        .results
        .iter()
        .map(|r| char_span_to_bytes(&case.input, r.start, r.end))
        .collect();
    let category = case
        .results
        .iter()
        .find(|r| r.type_name == "ordinal.relative")
        .map(|r| r.type_name.clone());
    let all_found = case.results.iter().zip(&spans).all(|(r, &(s, e))| {
        candidates
            .iter()
            .any(|c| overlaps(c.span.start(), c.span.end(), s, e) && result_matches(model, r, c))
    });
    let no_extra = relevant.iter().all(|c| {
        spans
            .iter()
            .any(|&(s, e)| overlaps(c.span.start(), c.span.end(), s, e))
    });
    CaseOutcome {
        input: case.input.clone(),
        passed: category.is_none() && all_found && no_extra,
        category,
        expected: case
            .results
            .iter()
            .map(|r| {
                format!(
                    "{:?} [{}..={}] {} {}",
                    r.text,
                    r.start,
                    r.end,
                    r.type_name,
                    serde_json::Value::Object(r.resolution.clone())
                )
            })
            .collect(),
        got: candidates.iter().map(|c| describe_claim(c)).collect(),
    }
}

/// Pass rate of one spec file.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub model: Model,
    pub cases: usize,
    pub passed: usize,
    /// Unsupported categories: cases in each (all of them fail).
    pub categories: BTreeMap<String, usize>,
    pub failures: Vec<CaseOutcome>,
}

impl FileReport {
    pub fn pass_rate(&self) -> Option<f64> {
        ratio(self.passed, self.cases)
    }
}

/// Run every case of one spec through `extract`.
pub fn run_file(model: Model, cases: &[Case], extract: &dyn Fn(&str) -> Vec<Claim>) -> FileReport {
    let mut report = FileReport {
        model,
        cases: 0,
        passed: 0,
        categories: BTreeMap::new(),
        failures: Vec::new(),
    };
    for case in cases {
        let outcome = check_case(model, case, &extract(&case.input));
        report.cases += 1;
        if let Some(cat) = &outcome.category {
            *report.categories.entry(cat.clone()).or_default() += 1;
        }
        if outcome.passed {
            report.passed += 1;
        } else {
            report.failures.push(outcome);
        }
    }
    report
}

/// Write the pass rates (and with `failures`, every failing case) as plain text.
pub fn render(reports: &[FileReport], out: &mut dyn Write, failures: bool) -> io::Result<()> {
    writeln!(
        out,
        "{:<24} {:>6} {:>7} {:>8}",
        "spec", "cases", "passed", "rate"
    )?;
    let (mut cases, mut passed) = (0, 0);
    for r in reports {
        cases += r.cases;
        passed += r.passed;
        writeln!(
            out,
            "{:<24} {:>6} {:>7} {:>8}",
            r.model.file_name(),
            r.cases,
            r.passed,
            pct(r.pass_rate())
        )?;
        for (cat, n) in &r.categories {
            writeln!(out, "  unsupported {cat}: {n} cases (counted as failures)")?;
        }
        let unsupported: usize = r.categories.values().sum();
        if unsupported > 0 {
            writeln!(
                out,
                "  without unsupported: {} of {} ({})",
                r.passed,
                r.cases - unsupported,
                pct(ratio(r.passed, r.cases - unsupported))
            )?;
        }
    }
    writeln!(
        out,
        "{:<24} {:>6} {:>7} {:>8}",
        "total",
        cases,
        passed,
        pct(ratio(passed, cases))
    )?;
    if !failures {
        return Ok(());
    }
    for r in reports {
        if r.failures.is_empty() {
            continue;
        }
        writeln!(
            out,
            "\n== {} failures ({})",
            r.model.file_name(),
            r.failures.len()
        )?;
        for f in &r.failures {
            writeln!(out, "input: {:?}", f.input)?;
            if let Some(cat) = &f.category {
                writeln!(out, "  category: {cat} (unsupported)")?;
            }
            if f.expected.is_empty() {
                writeln!(out, "  expected: nothing")?;
            }
            for e in &f.expected {
                writeln!(out, "  expected: {e}")?;
            }
            if f.got.is_empty() {
                writeln!(out, "  got: nothing")?;
            }
            for g in &f.got {
                writeln!(out, "  got: {g}")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_claim as claim;
    use claims::claim::{Interval, Written};

    fn case(json: &str) -> Case {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn char_offsets_become_byte_offsets() {
        // "€" is three bytes: chars 2..=4 of "a €12 b" are "€12".
        assert_eq!(char_span_to_bytes("a €12 b", 2, 4), (2, 7));
        assert_eq!(char_span_to_bytes("abc", 0, 2), (0, 3));
    }

    #[test]
    fn number_case_passes_and_extra_claim_fails() {
        let c = case(
            r#"{"Input": "192.", "Results": [{"Text": "192", "TypeName": "number",
               "Resolution": {"subtype": "integer", "value": "192"}, "Start": 0, "End": 2}]}"#,
        );
        let ok = claim("192.", "192", Kind::Number, Interval::point(192.0), "");
        assert!(check_case(Model::Number, &c, std::slice::from_ref(&ok)).passed);
        let wrong = claim("192.", "192", Kind::Number, Interval::point(19.0), "");
        assert!(!check_case(Model::Number, &c, &[wrong]).passed);
        assert!(!check_case(Model::Number, &c, &[]).passed);
        // A claim outside every expected span fails the case.
        let empty = case(r#"{"Input": "no numbers", "Results": []}"#);
        let stray = claim("no numbers", "no", Kind::Count, Interval::point(0.0), "");
        assert!(!check_case(Model::Number, &empty, &[stray]).passed);
        assert!(check_case(Model::Number, &empty, &[]).passed);
        // E-notation values.
        let big = case(
            r#"{"Input": "1.5E+20", "Results": [{"Text": "1.5E+20", "TypeName": "number",
               "Resolution": {"value": "1.5E+20"}, "Start": 0, "End": 6}]}"#,
        );
        let c = claim(
            "1.5E+20",
            "1.5E+20",
            Kind::Number,
            Interval::point(1.5e20),
            "",
        );
        assert!(check_case(Model::Number, &big, &[c]).passed);
    }

    #[test]
    fn number_range_ignores_brackets() {
        assert_eq!(parse_range("[20,30)"), Some((Some(20.0), Some(30.0))));
        assert_eq!(parse_range("(,30)"), Some((None, Some(30.0))));
        let input = "The number is between 20 and 30.";
        let c = case(&format!(
            r#"{{"Input": "{input}", "Results": [{{"Text": "between 20 and 30",
               "TypeName": "numberrange", "Resolution": {{"value": "[20,30)"}},
               "Start": 14, "End": 30}}]}}"#
        ));
        let mut cl = claim(
            input,
            "between 20 and 30",
            Kind::Number,
            Interval::new(Some(20.0), Some(30.0)),
            "",
        );
        // An exact claim is not relevant to the range spec (unless it states one point).
        assert!(!check_case(Model::NumberRange, &c, std::slice::from_ref(&cl)).passed);
        cl.qualifier = Qualifier::Range;
        assert!(check_case(Model::NumberRange, &c, &[cl]).passed);
        let less = case(
            r#"{"Input": "less than 30", "Results": [{"Text": "less than 30",
               "TypeName": "numberrange", "Resolution": {"value": "(,30)"}, "Start": 0, "End": 11}]}"#,
        );
        let mut cl = claim(
            "less than 30",
            "less than 30",
            Kind::Number,
            Interval::new(None, Some(30.0)),
            "",
        );
        cl.qualifier = Qualifier::LessThan;
        assert!(check_case(Model::NumberRange, &less, std::slice::from_ref(&cl)).passed);
        let w = cl.written();
        cl.set_written(Written {
            value: w.value.with_lo(Some(0.0)),
            unit: w.unit,
        });
        assert!(check_case(Model::NumberRange, &less, &[cl]).passed);
    }

    #[test]
    fn ordinal_relative_is_a_failing_category() {
        let c = case(
            r#"{"Input": "delete last sentence", "Results": [{"Text": "last", "Start": 7,
               "End": 10, "TypeName": "ordinal.relative",
               "Resolution": {"offset": "0", "relativeTo": "end", "value": "end+0"}}]}"#,
        );
        let out = check_case(Model::Ordinal, &c, &[]);
        assert!(!out.passed);
        assert_eq!(out.category.as_deref(), Some("ordinal.relative"));
        let third = case(
            r#"{"Input": "the third one", "Results": [{"Text": "third", "Start": 4,
               "End": 8, "TypeName": "ordinal", "Resolution": {"offset": "3",
               "relativeTo": "start", "value": "3"}}]}"#,
        );
        let cl = claim(
            "the third one",
            "third",
            Kind::Ordinal,
            Interval::point(3.0),
            "",
        );
        assert!(check_case(Model::Ordinal, &third, &[cl]).passed);
        let report = run_file(Model::Ordinal, &[c, third], &|_: &str| Vec::new());
        assert_eq!((report.cases, report.passed), (2, 0));
        assert_eq!(report.categories.get("ordinal.relative"), Some(&1));
    }

    #[test]
    fn percent_currency_dimension_mapping() {
        let pc = case(
            r#"{"Input": "100%", "Results": [{"Text": "100%", "TypeName": "percentage",
               "Resolution": {"value": "100%"}, "Start": 0, "End": 3}]}"#,
        );
        let cl = claim("100%", "100%", Kind::Percent, Interval::point(100.0), "%");
        assert!(check_case(Model::Percent, &pc, &[cl]).passed);
        // A percentage without a number: a vague share states it, a number does not.
        let input = "Only a small percent attain the top ranks";
        let vague = case(&format!(
            r#"{{"Input": "{input}", "Results": [{{"Text": "percent", "TypeName": "percentage",
               "Resolution": {{"value": "null"}}, "Start": 13, "End": 19}}]}}"#
        ));
        let share = claim(
            input,
            "a small percent",
            Kind::Percent,
            Interval::new(Some(0.0), Some(20.0)),
            "%",
        );
        assert!(check_case(Model::Percent, &vague, &[share]).passed);
        let mut numbered = claim(
            input,
            "small percent",
            Kind::Percent,
            Interval::point(5.0),
            "%",
        );
        numbered.text = "5 percent".into();
        assert!(!check_case(Model::Percent, &vague, &[numbered]).passed);

        let input = "a bid of $ 75 million today";
        let cur = case(&format!(
            r#"{{"Input": "{input}", "Results": [{{"Text": "$ 75 million", "TypeName": "currency",
               "Resolution": {{"value": "75000000", "unit": "Dollar"}}, "Start": 9, "End": 20}}]}}"#
        ));
        let usd = claim(
            input,
            "$ 75 million",
            Kind::Money,
            Interval::point(75e6),
            "USD",
        );
        assert!(check_case(Model::Currency, &cur, std::slice::from_ref(&usd)).passed);
        let mut eur = usd.clone();
        eur.pin_written();
        eur.unit = "EUR".into();
        eur.set_written(Written {
            value: eur.written().value,
            unit: "EUR".into(),
        });
        assert!(!check_case(Model::Currency, &cur, &[eur]).passed);
        let mut xyz = usd;
        xyz.pin_written();
        xyz.unit = "XYZ".into();
        xyz.set_written(Written {
            value: xyz.written().value,
            unit: "XYZ".into(),
        });
        assert!(!check_case(Model::Currency, &cur, &[xyz]).passed);
        // Pence: canonical GBP 4.70, written 470 pence.
        let pence = case(
            r#"{"Input": "at 470 pence", "Results": [{"Text": "470 pence", "TypeName": "currency",
               "Resolution": {"value": "470", "unit": "Pence"}, "Start": 3, "End": 11}]}"#,
        );
        let mut p = claim(
            "at 470 pence",
            "470 pence",
            Kind::Money,
            Interval::point(4.7),
            "GBP",
        );
        p.set_written(Written {
            value: Interval::point(470.0),
            unit: "pence".into(),
        });
        assert!(check_case(Model::Currency, &pence, &[p]).passed);

        let dim = case(
            r#"{"Input": "You weight 200lbs.", "Results": [{"Text": "200lbs", "Start": 11,
               "End": 16, "TypeName": "dimension", "Resolution": {"unit": "Pound",
               "subtype": "Weight", "value": "200"}}]}"#,
        );
        let mut lb = claim(
            "You weight 200lbs.",
            "200lbs",
            Kind::Mass,
            Interval::point(90.718),
            "kg",
        );
        lb.set_written(Written {
            value: Interval::point(200.0),
            unit: "lb".into(),
        });
        assert!(check_case(Model::Dimension, &dim, std::slice::from_ref(&lb)).passed);
        lb.set_written(Written {
            value: lb.written().value,
            unit: "kg".into(),
        });
        assert!(!check_case(Model::Dimension, &dim, &[lb]).passed);
        assert_eq!(dimension_names("mi"), &["Mile"]);
        assert_eq!(dimension_names("km"), &["Kilometer"]);
    }

    #[test]
    fn real_specs_parse() {
        let dir = crate::repo_root().join("tests/eval/recognizers-text");
        let mut total = 0;
        for model in Model::ALL {
            let text = std::fs::read_to_string(dir.join(model.file_name())).unwrap();
            let cases = parse_cases(&text).unwrap();
            assert!(!cases.is_empty());
            for c in &cases {
                for r in &c.results {
                    let (s, e) = char_span_to_bytes(&c.input, r.start, r.end);
                    assert!(s <= e && e <= c.input.len());
                    assert!(c.input[s..e].eq_ignore_ascii_case(&r.text), "{:?}", r.text);
                }
            }
            total += cases.len();
        }
        assert_eq!(total, 676);
    }
}
