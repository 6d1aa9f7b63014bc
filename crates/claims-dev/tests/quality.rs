//! Quality floors: the extractor against the hand annotation of the seed corpus
//! (tests/eval/seeds-gold.toml) and against the peer's test specs (tests/eval/recognizers-text).
//! The floors sit just below what the extractor reaches today, so a change that loses recall or
//! precision fails here; `cargo run --release --bin claims-eval -- gold --misses` and
//! `-- peer --failures` show what changed.

use claims_dev::gold;
use std::path::PathBuf;

fn root() -> PathBuf {
    claims_dev::repo_root()
}

#[test]
fn gold_recall_and_precision_floors() {
    let text = std::fs::read_to_string(root().join("tests/eval/seeds-gold.toml")).unwrap();
    let gold_file = gold::parse_gold(&text).unwrap();
    let extras_text = std::fs::read_to_string(root().join("tests/eval/seeds-extra.toml")).unwrap();
    let extras = gold::parse_extras(&extras_text).unwrap();
    let (docs, dated) = gold::load_docs(&root().join("claims.toml")).unwrap();
    assert_eq!(docs.len(), 5);
    assert_eq!(dated, 2, "000 and 001 carry publication dates");
    let report = gold::score(&gold_file, &extras, &docs);
    let t = &report.total;
    let recall = t.correct as f64 / t.gold as f64;
    let precision = t.matched as f64 / t.reported as f64;
    let mut listing = Vec::new();
    gold::render(&report, &mut listing, true).unwrap();
    let listing = String::from_utf8_lossy(&listing);
    assert!(t.gold >= 79, "numeric gold claims: {}", t.gold);
    assert!(
        recall >= 0.97,
        "recall {recall:.3} below the floor\n{listing}"
    );
    assert!(
        precision >= 0.97,
        "precision {precision:.3} below the floor\n{listing}"
    );
}

/// Floors per peer spec file: just below today's pass rates (see tests/eval/DIVERGENCES.md for
/// the cases we deliberately do not follow).
#[test]
fn peer_spec_floors() {
    use claims::extract::{Context, extract};
    use claims_dev::peer;
    let floors = [
        (peer::Model::Number, 0.90),
        (peer::Model::NumberRange, 0.91),
        (peer::Model::Ordinal, 0.40),
        (peer::Model::Percent, 0.90),
        (peer::Model::Currency, 0.92),
        (peer::Model::Dimension, 0.90),
    ];
    let run = |text: &str| extract(text, &Context::default());
    for (model, floor) in floors {
        let path = root()
            .join("tests/eval/recognizers-text")
            .join(model.file_name());
        let cases = peer::parse_cases(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let report = peer::run_file(model, &cases, &run);
        let rate = report.passed as f64 / report.cases as f64;
        assert!(
            rate >= floor,
            "{}: {}/{} = {rate:.3} below the floor {floor}",
            model.file_name(),
            report.passed,
            report.cases
        );
    }
}

/// The dev set of real events (`../shared/eval/dev`), read at run time; `None` (with a message)
/// when it is not beside the repository.
fn dev_set() -> Option<PathBuf> {
    let dir = root().join("../shared/eval/dev");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} is absent (the dev set of real events)",
            dir.display()
        );
        None
    }
}

/// Floors on the dev set, pooled over its six events: just below what the matcher reaches
/// today (`claims-eval groups --events ../shared/eval/dev` prints every miss and false
/// conflict). Raise them as it improves.
#[test]
fn dev_set_conflict_and_grouping_floors() {
    use claims_dev::dev;
    let Some(dir) = dev_set() else { return };
    let mut pooled = dev::Scores::default();
    let mut reports = Vec::new();
    for event in dev::event_dirs(&dir).unwrap() {
        let r = dev::evaluate_event(&event).unwrap();
        pooled.add(&r.scores);
        reports.push(r);
    }
    let mut listing = Vec::new();
    dev::render(&reports, &mut listing, dev::Detail::default()).unwrap();
    let listing = String::from_utf8_lossy(&listing);
    let floors = [
        ("conflict precision", pooled.conflict_precision(), 0.92),
        ("conflict recall", pooled.conflict_recall(), 0.86),
        ("pairwise F1", pooled.pair_f1(), 0.88),
        ("verdict accuracy", pooled.verdict_accuracy(), 0.68),
    ];
    for (name, got, floor) in floors {
        let got = got.unwrap_or(0.0);
        assert!(got >= floor, "{name} {got:.3} below {floor}\n{listing}");
    }
    // Every event, not only the pool: grouping F1 of at least 0.85 and at most one false
    // conflict (issue 11).
    for r in &reports {
        let f1 = r.scores.pair_f1().unwrap_or(0.0);
        assert!(f1 >= 0.85, "{}: pairwise F1 {f1:.3}\n{listing}", r.event);
        assert!(
            r.false_conflicts.len() <= 1,
            "{}: {} false conflicts\n{listing}",
            r.event,
            r.false_conflicts.len()
        );
    }
}

/// Two articles compared alone meet on facts they share, and articles of two different events
/// compared together never share a fact.
#[test]
fn dev_articles_compared_two_at_a_time() {
    use claims_dev::dev;
    let Some(dir) = dev_set() else { return };
    let r = dev::evaluate_alone(&dev::event_dirs(&dir).unwrap()).unwrap();
    let mut listing = Vec::new();
    dev::render_alone(&r, &mut listing).unwrap();
    let listing = String::from_utf8_lossy(&listing);
    assert!(r.cross_facts.is_empty(), "{listing}");
    let (shared, found) = r
        .events
        .iter()
        .fold((0, 0), |(s, f), e| (s + e.shared, f + e.found));
    assert!(
        found as f64 >= 0.80 * shared as f64,
        "{found}/{shared} shared facts found\n{listing}"
    );
    for e in &r.events {
        assert!(
            e.found > 0,
            "{}: no pair of its {} finds a fact\n{listing}",
            e.event,
            e.pairs
        );
    }
}
