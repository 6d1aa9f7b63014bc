//! `claims-dev`: how `claims` is measured, kept out of the installed product. Quality is
//! precision and recall of the extractor against a hand annotation (the gold file), grouping
//! and verdicts against the gold groups, and the pass rate on a peer's test specs; speed is
//! `claims-bench`. Used by the `claims-eval` binary and by the floors the test suite gates.
//!
//! Everything here is a pure function of its inputs: the binaries read files and run the
//! extractor, these modules score what they are handed and render plain text into a writer.

pub mod dev;
pub mod gold;
pub mod groups;
pub mod peer;
pub mod stories;

use std::path::{Path, PathBuf};

/// The repository's root (where claims.toml, corpus/ and tests/eval/ are), for the tests.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The bundled seed corpus, read through the repository's claims.toml as `claims compare`
/// reads it.
pub fn seed_corpus() -> Result<claims::corpus::Corpus, String> {
    let config = claims::config::Config::load(&repo_root().join("claims.toml"))
        .map_err(|e| e.to_string())?;
    let inputs = claims::corpus::inputs(&[], "-", &config).map_err(|e| e.to_string())?;
    claims::corpus::load(&inputs, &config, &mut std::io::empty()).map_err(|e| e.to_string())
}

/// Outlet (else id) and publication date of each source of a corpus, as the verdicts name them.
pub fn source_info(
    corpus: &claims::corpus::Corpus,
) -> impl Fn(&str) -> claims::verdict::SourceInfo + '_ {
    move |id: &str| {
        let a = corpus.articles.iter().find(|a| a.source.id == id);
        claims::verdict::SourceInfo {
            name: a
                .and_then(|a| a.outlet.clone())
                .unwrap_or_else(|| id.to_string()),
            published: a.and_then(|a| a.published),
        }
    }
}

/// Relative difference test: `|a - b| <= tol * max(|a|, |b|)` (exact equality when both are 0).
// TODO(issue 10, lead): remove once this passes clippy::float_cmp (outer-rooms branch added
// the workspace lint; this is the crate root, so the allow sits on the item, not the file).
#[allow(clippy::float_cmp)]
pub fn close(a: f64, b: f64, tol: f64) -> bool {
    if a == b {
        return true;
    }
    (a - b).abs() <= tol * a.abs().max(b.abs())
}

/// True when the byte ranges `[a0, a1)` and `[b0, b1)` share at least one byte. An empty range
/// overlaps a range that strictly contains its position.
pub fn overlaps(a0: usize, a1: usize, b0: usize, b1: usize) -> bool {
    a0 < b1.max(b0 + 1) && b0 < a1.max(a0 + 1)
}

/// Ratio as a number in 0..=1, or `None` when the denominator is zero.
pub fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// "83.3%" or "—" when undefined.
pub fn pct(r: Option<f64>) -> String {
    r.map_or_else(|| "-".to_string(), |r| format!("{:.1}%", r * 100.0))
}

/// A bare claim of `kind` over the first occurrence of `surface` in `text`, for the scoring
/// tests of `gold` and `peer`.
#[cfg(test)]
pub(crate) fn test_claim(
    text: &str,
    surface: &str,
    kind: claims::claim::Kind,
    value: claims::claim::Interval,
    unit: &str,
) -> claims::claim::Claim {
    use claims::claim::{Claim, Dimension, Qualifier, Span, Subject};
    let start = text.find(surface).expect("surface in text");
    Claim {
        id: "s#1".into(),
        source: "s".into(),
        span: Span::new(start, start + surface.len(), 1, start + 1),
        text: surface.into(),
        sentence: Span::default(),
        kind,
        dimension: Dimension::Number,
        value,
        bounds: value,
        unit: unit.into(),
        qualifier: Qualifier::Exact,
        written_as: None,
        subject: Subject::default(),
        measure: Default::default(),
        date: None,
        equivalent: None,
        change: claims::claim::Change::None,
        flags: claims::claim::Flags::default(),
        derived: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_and_overlap() {
        assert!(close(1000.0, 1000.9, 1e-3));
        assert!(!close(1000.0, 1002.0, 1e-3));
        assert!(close(0.0, 0.0, 1e-6));
        assert!(overlaps(0, 5, 4, 10));
        assert!(!overlaps(0, 5, 5, 10));
        assert!(overlaps(3, 3, 0, 10));
    }
}
