//! The map/reduce recipe of the README: `extract --format jsonl` on shards of an archive, then
//! `compare --claims` (and `check --claims`) on the merged claims, give the bytes a run on the
//! whole corpus gives; and bad lines of a claims file are errors at `path:line:col`.

use crate::common::*;

/// The seed corpus and the planted-conflict articles, in two shards.
const SHARDS: [&[&str]; 2] = [
    &[
        "corpus/000_39325c9a37323967.txt",
        "corpus/001_e813ee348409d74f.txt",
        "tests/fixtures/conflicts/c-wire.txt",
        "corpus/003_db096c9901c0e0ce.txt",
    ],
    &[
        "tests/fixtures/conflicts/a-herald.txt",
        "corpus/002_66c81adcedb12ad6.txt",
        "tests/fixtures/conflicts/b-valley-post.txt",
        "corpus/004_ccd57c960e5e7f8f.txt",
    ],
];

/// Each shard's `extract --format jsonl`, written to a file of `dir`.
fn extract_shards(dir: &TempDir) -> Vec<PathBuf> {
    SHARDS
        .iter()
        .enumerate()
        .map(|(i, shard)| {
            let out = Test::in_repo()
                .args(["extract", "--format", "jsonl"])
                .args(shard.iter().copied())
                .run();
            out.check(0, None, Some(""));
            dir.write(&format!("shard-{i}.jsonl"), &out.stdout)
        })
        .collect()
}

#[test]
fn comparing_merged_shard_claims_gives_the_bytes_of_the_whole_corpus() {
    let dir = TempDir::new("shards");
    let shards = extract_shards(&dir);
    // The merge is a concatenation (`cat shard-*.jsonl`); files named one by one work too.
    let merged: Vec<u8> = shards.iter().flat_map(|p| fs::read(p).unwrap()).collect();
    let merged = dir.write("merged.jsonl", &merged);
    let whole: Vec<&str> = SHARDS.iter().flat_map(|s| s.iter().copied()).collect();
    for format in ["json", "jsonl", "table", "markdown", "csv"] {
        for threads in ["1", "2"] {
            let want = Test::in_repo()
                .args(["-j", threads, "compare", "--all", "--format", format])
                .args(whole.iter().copied())
                .run();
            want.check(0, None, Some(""));
            for claims in [vec![merged.clone()], shards.clone()] {
                let got = Test::in_repo()
                    .args(["-j", threads, "compare", "--all", "--format", format])
                    .arg("--claims")
                    .args(claims.iter())
                    .run();
                got.check(0, None, Some(""));
                assert!(
                    got.stdout == want.stdout,
                    "--format {format} -j{threads} {claims:?}: the merged claims compare \
                     differently from the whole corpus"
                );
            }
        }
    }
    // Something to compare: the planted conflict is found across the two shards.
    let table = Test::in_repo()
        .args(["compare", "--only", "conflict", "--claims"])
        .arg(&merged)
        .run();
    assert!(table.stdout.contains("conflict"), "{}", table.stdout);
}

#[test]
fn check_reads_claims_too() {
    let dir = TempDir::new("shards-check");
    let all = Test::in_repo().args(["extract", "--format", "jsonl"]).run();
    all.code(0);
    let file = dir.write("all.jsonl", &all.stdout);
    let want = Test::in_repo().arg("check").run();
    let got = Test::in_repo().args(["check", "--claims"]).arg(&file).run();
    assert_eq!(got.code, want.code);
    assert_eq!(got.stdout, want.stdout);
}

#[test]
fn a_bad_claims_line_is_an_error_at_its_place_and_the_rest_is_read() {
    let dir = TempDir::new("shards-bad");
    let shards = extract_shards(&dir);
    let good = fs::read_to_string(&shards[0]).unwrap();
    let mut lines: Vec<&str> = good.lines().collect();
    lines.insert(2, r#"{"type": "claim", "data": {"id": 12 "x"}}"#);
    lines.push(r#"{"type": "group", "data": {}}"#);
    let bad = dir.write("bad.jsonl", lines.join("\n") + "\n");
    let out = Test::in_repo()
        .args(["compare", "--format", "json", "--claims"])
        .arg(&bad)
        .run();
    out.code(2);
    let at = |line: usize, col: usize| format!("error: {}:{line}:{col}: ", bad.display());
    assert!(out.stderr.contains(&at(3, 37)), "{}", out.stderr);
    assert!(
        out.stderr
            .contains(&(at(lines.len(), 1) + "a `group` line")),
        "{}",
        out.stderr
    );
    // The good lines were compared.
    let doc = out.json();
    assert_eq!(doc["sources"].as_array().unwrap().len(), SHARDS[0].len());
    // Nothing readable at all is the usual no-source error.
    let empty = dir.write("empty.jsonl", "\n");
    let out = Test::in_repo()
        .args(["compare", "--claims"])
        .arg(&empty)
        .run();
    out.code(2);
    assert!(out.stderr.contains("no readable source"), "{}", out.stderr);
    // An article named as a claims file: one error at its first line of text (the third).
    let out = Test::in_repo()
        .args(["compare", "--claims", "corpus/000_39325c9a37323967.txt"])
        .run();
    out.code(2);
    assert!(
        out.stderr
            .contains("000_39325c9a37323967.txt:3:1: not the JSON lines of `claims extract"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
}

#[test]
fn streamed_extract_lines_do_not_depend_on_threads() {
    let files: Vec<&str> = SHARDS.iter().flat_map(|s| s.iter().copied()).collect();
    let run = |threads: &str| {
        let out = Test::in_repo()
            .args(["-j", threads, "extract", "--format", "jsonl"])
            .args(files.iter().copied())
            .arg("missing.txt")
            .run();
        out.code(2);
        out
    };
    let one = run("1");
    // Sources in the order named, each followed by its sentences and claims; the error last.
    let kinds: Vec<String> = one.jsonl().into_iter().map(|(t, _)| t).collect();
    assert_eq!(kinds.first().map(String::as_str), Some("source"));
    assert_eq!(kinds.last().map(String::as_str), Some("error"));
    let ids: Vec<String> = one
        .jsonl()
        .into_iter()
        .filter(|(t, _)| t == "source")
        .map(|(_, d)| d["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, files);
    for threads in ["2", "8"] {
        let other = run(threads);
        assert!(other.stdout == one.stdout, "-j{threads} differs from -j1");
        assert_eq!(other.stderr, one.stderr);
    }
}

#[test]
fn a_claims_file_that_does_not_give_back_a_text_is_an_error() {
    let dir = TempDir::new("shards-cut");
    let shards = extract_shards(&dir);
    let good = fs::read_to_string(&shards[0]).unwrap();
    // Without one of its text lines, a source's text does not come back whole.
    let cut = good.lines().position(|l| l.contains(r#""type":"text""#));
    let mut lines: Vec<&str> = good.lines().collect();
    lines.remove(cut.expect("a text line"));
    let bad = dir.write("cut.jsonl", lines.join("\n") + "\n");
    let out = Test::in_repo()
        .args(["compare", "--format", "json", "--claims"])
        .arg(&bad)
        .run();
    out.code(2);
    assert!(
        out.stderr
            .contains("000_39325c9a37323967`: its sentence and text lines do not give"),
        "{}",
        out.stderr
    );
    // An edited text line: the digest tells.
    let edited = good.replacen("Bishkek", "Bishkak", 1);
    assert_ne!(edited, good);
    let bad = dir.write("edited.jsonl", edited);
    let out = Test::in_repo()
        .args(["compare", "--format", "json", "--claims"])
        .arg(&bad)
        .run();
    out.code(2);
    assert!(
        out.stderr.contains("do not give back the text"),
        "{}",
        out.stderr
    );
}

/// Claims files written before claim lines were made compact (every field of the document's
/// claim, `source`, lines and columns) read as the compact ones do: the same bytes out.
#[test]
fn claim_lines_written_in_full_read_as_compact_ones() {
    let dir = TempDir::new("shards-full");
    let shard = SHARDS[0];
    let lines = Test::in_repo()
        .args(["extract", "--format", "jsonl"])
        .args(shard.iter().copied())
        .run();
    lines.check(0, None, Some(""));
    let doc = Test::in_repo()
        .args(["extract", "--format", "json"])
        .args(shard.iter().copied())
        .run();
    doc.check(0, None, Some(""));
    let doc = doc.json();
    let full: std::collections::HashMap<String, Value> = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let mut c = c.clone();
            c["sentence"].as_object_mut().unwrap().remove("text");
            (str_of(&c["id"]), c)
        })
        .collect();
    let mut old = String::new();
    let mut replaced = 0;
    for line in lines.stdout.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        if v["type"] == "claim" {
            let c = &full[&str_of(&v["data"]["id"])];
            // The compact line says less than the document's claim, never something else.
            assert_ne!(&v["data"], c);
            old.push_str(&serde_json::json!({"type": "claim", "data": c}).to_string());
            replaced += 1;
        } else {
            old.push_str(line);
        }
        old.push('\n');
    }
    assert!(replaced > 10, "{replaced}");
    let compact = dir.write("compact.jsonl", &lines.stdout);
    let old = dir.write("full.jsonl", &old);
    let compare = |file: &PathBuf| {
        let out = Test::in_repo()
            .args(["compare", "--all", "--format", "json", "--claims"])
            .arg(file)
            .run();
        out.check(0, None, Some(""));
        out.stdout
    };
    assert!(compare(&old) == compare(&compact));
}
