//! The extraction corpus: `tests/corpus/<lang>/<name>.toml`, examples of what the extractor
//! must find in a text and negatives where it must find nothing, one file per dimension (as
//! duckling keeps a Corpus and a negative corpus per dimension). One table-driven test reads
//! every file and reports every failing case at once, with its file and text.
//!
//! A file selects the kinds it speaks for, with `kinds = [...]` or `exclude_kinds = [...]`;
//! claims of other kinds in a case are ignored. A case may select its own kinds the same way,
//! in place of the file's (a negative that forbids one kind in a file of several). Each
//! `[[case]]` has `text`, an optional `published` date (ISO) and `claims`: every claim of the
//! selected kinds, in text order (`claims = []` is a negative). A claim is `{ text, kind, lo, hi, unit, qualifier }`, with
//! `lo`/`hi` the written value (the number in the unit the writer used; omitted for an open
//! end) and `unit` the written unit; a date claim is `{ text, kind = "date", lo, hi, precision,
//! resolution, qualifier }` with ISO days, or `lo` the partial form ("--10-12", "Thursday")
//! when the year could not be resolved, and `dateline = true` when it is the article's own
//! date. `change` (`increase`, `decrease`, `none`) says whether the sentence gives the value as a
//! change ("rose 5%"). `unit` defaults to "", `qualifier` to "exact", `change` to "none",
//! `dateline` to false.

use claims::calendar::Ymd;
use claims::claim::{Claim, DatePrecision, Kind};
use claims::extract::{Context, extract};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    exclude_kinds: Vec<String>,
    #[serde(rename = "case")]
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    note: Option<String>,
    /// The case's own selection, in place of the file's when either is given.
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    exclude_kinds: Vec<String>,
    claims: Vec<Want>,
}

/// Which kinds a file or a case speaks for.
struct Selection<'a> {
    kinds: &'a [String],
    exclude_kinds: &'a [String],
}

impl<'a> Selection<'a> {
    /// The case's own selection if it has one, else the file's.
    fn of(file: &'a File, case: &'a Case) -> Selection<'a> {
        if case.kinds.is_empty() && case.exclude_kinds.is_empty() {
            Selection {
                kinds: &file.kinds,
                exclude_kinds: &file.exclude_kinds,
            }
        } else {
            Selection {
                kinds: &case.kinds,
                exclude_kinds: &case.exclude_kinds,
            }
        }
    }

    /// Both lists are known kinds, and at most one is given.
    fn check(&self, path: &Path) {
        assert!(
            self.kinds.is_empty() || self.exclude_kinds.is_empty(),
            "{}: kinds or exclude_kinds, not both",
            path.display()
        );
        for k in self.kinds.iter().chain(self.exclude_kinds) {
            assert!(
                Kind::parse(k).is_some(),
                "{}: unknown kind {k}",
                path.display()
            );
        }
    }
}

#[derive(Deserialize, Debug, Clone, PartialEq)]
#[serde(untagged)]
enum Bound {
    Number(f64),
    Text(String),
}

#[derive(Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
struct Want {
    text: String,
    kind: String,
    #[serde(default)]
    lo: Option<Bound>,
    #[serde(default)]
    hi: Option<Bound>,
    #[serde(default)]
    unit: String,
    #[serde(default = "exact")]
    qualifier: String,
    #[serde(default = "none")]
    change: String,
    #[serde(default)]
    precision: Option<String>,
    #[serde(default)]
    resolution: Option<String>,
    #[serde(default)]
    dateline: bool,
}

fn exact() -> String {
    "exact".into()
}

fn none() -> String {
    "none".into()
}

fn precision(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
        DatePrecision::Decade => "decade",
    }
}

/// A claim as the corpus files write it.
fn got(c: &Claim) -> Want {
    let round = |v: Option<f64>| v.map(|v| Bound::Number((v * 1e6).round() / 1e6));
    if let Some(d) = &c.date {
        let iso = |v: Option<f64>| v.map(|d| Bound::Text(Ymd::from_days(d as i64).to_string()));
        let (lo, hi) = match &d.partial {
            Some(p) => (Some(Bound::Text(p.clone())), None),
            None => (iso(c.value.lo()), iso(c.value.hi())),
        };
        return Want {
            text: c.text.to_string(),
            kind: c.kind.as_str().into(),
            lo,
            hi,
            unit: String::new(),
            qualifier: c.qualifier.as_str().into(),
            change: c.change.as_str().into(),
            precision: Some(precision(d.precision).into()),
            resolution: Some(d.resolution.as_str().into()),
            dateline: d.dateline,
        };
    }
    Want {
        text: c.text.to_string(),
        kind: c.kind.as_str().into(),
        lo: round(c.written().value.lo()),
        hi: round(c.written().value.hi()),
        unit: c.written().unit.to_string(),
        qualifier: c.qualifier.as_str().into(),
        change: c.change.as_str().into(),
        precision: None,
        resolution: None,
        dateline: false,
    }
}

fn selected(sel: &Selection, kind: Kind) -> bool {
    let k = kind.as_str();
    if !sel.kinds.is_empty() {
        sel.kinds.iter().any(|s| s == k)
    } else {
        !sel.exclude_kinds.iter().any(|s| s == k)
    }
}

fn corpus_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files = Vec::new();
    for lang in std::fs::read_dir(&root).unwrap().flatten() {
        for f in std::fs::read_dir(lang.path()).unwrap().flatten() {
            if f.path().extension().is_some_and(|e| e == "toml") {
                files.push(f.path());
            }
        }
    }
    files.sort();
    files
}

/// Every failing case of one corpus file, described.
fn failures(path: &Path) -> (usize, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Selection {
        kinds: &file.kinds,
        exclude_kinds: &file.exclude_kinds,
    }
    .check(path);
    let mut out = Vec::new();
    for (n, case) in file.cases.iter().enumerate() {
        let sel = Selection::of(&file, case);
        sel.check(path);
        let published = case.published.as_deref().map(|p| {
            Ymd::parse_iso(p).unwrap_or_else(|| panic!("{}: bad date {p}", path.display()))
        });
        let ctx = Context {
            published,
            ..Context::default()
        };
        let claims: Vec<Want> = extract(&case.text, &ctx)
            .iter()
            .filter(|c| selected(&sel, c.kind))
            .map(got)
            .collect();
        if claims != case.claims {
            out.push(format!(
                "{} case {} {:?}{}\n  want {:?}\n  got  {:?}",
                path.display(),
                n + 1,
                case.text,
                case.note
                    .as_deref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default(),
                case.claims,
                claims
            ));
        }
    }
    (file.cases.len(), out)
}

#[test]
fn extraction_corpus_examples_and_negatives() {
    let files = corpus_files();
    let mut all = Vec::new();
    let mut cases = 0;
    for f in &files {
        let (n, fails) = failures(f);
        cases += n;
        all.extend(fails);
    }
    assert!(
        all.is_empty(),
        "{} of {cases} corpus cases fail:\n{}",
        all.len(),
        all.join("\n")
    );
}
