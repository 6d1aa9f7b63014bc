//! Integration tests of `claims check`, `claims baseline`, `claims export` and `claims schema`,
//! driving the real binary.
//!
//! Most cases run on a temp copy of the seed corpus (corpus/, claims.toml and the committed
//! claims-baseline.json) and change it the way a newsroom would: an article that says 124
//! countries have ratified the Rome Statute (a new conflict), an edited unrelated paragraph,
//! moved and reflowed paragraphs, a deleted article, a corrupt baseline. Group ids are never
//! hard-coded; they and the fingerprints are looked up from JSON output.
//!
//! The JSON documents are validated against `schemas/claims-compare.schema.json` by a small
//! validator of the subset of JSON Schema the schema uses (type, properties, required,
//! additionalProperties: false, items, enum, oneOf, $ref, minimum); a drift test checks that
//! every object of the schema lists all its properties as required and forbids others, so a
//! field added to the wire structs without the schema, or the other way round, fails.
//!
//! Golden files `tests/golden/check.*` and `compare.jsonl` hold the outputs on the seed copy
//! with the 124-countries article added. Accept a deliberate change with
//! `CLAIMS_UPDATE_GOLDEN=1 cargo test --test integration golden` and review `git diff tests/golden`.

use crate::common::*;
use std::collections::BTreeMap;

// ---------------------------------------------------------------------------------------------
// The seed copy
// ---------------------------------------------------------------------------------------------

/// The article that contradicts the seed corpus: 124 countries, not 123. The claim is on line 5.
const ROME_124: &str = "Putin in Bishkek\n\nThe Kremlin leader flew to Kyrgyzstan on Thursday.\n\n\
An arrest warrant from the International Criminal Court hangs over him, yet 124 countries have \
ratified the Rome Statute, and Kyrgyzstan is not one of them.\n";
const ROME_FILE: &str = "corpus/005_rome.txt";

/// A temp copy of corpus/, claims.toml and claims-baseline.json.
fn seed_copy(tag: &str) -> TempDir {
    let dir = TempDir::new(tag);
    let root = Path::new(MANIFEST_DIR);
    for name in ["claims.toml", "claims-baseline.json"] {
        fs::copy(root.join(name), dir.path().join(name)).unwrap();
    }
    let mut files: Vec<PathBuf> = fs::read_dir(root.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    dir.mkdir("corpus");
    for f in files {
        fs::copy(&f, dir.path().join("corpus").join(f.file_name().unwrap())).unwrap();
    }
    dir
}

fn read(dir: &TempDir, rel: &str) -> String {
    fs::read_to_string(dir.path().join(rel)).unwrap()
}

/// `fingerprint -> (verdict, baseline_state)` of every group of `compare --all --format json`.
fn fingerprints(dir: &TempDir) -> BTreeMap<String, (String, Value)> {
    let out = dir
        .claims()
        .args(["compare", "--all", "--format", "json"])
        .run();
    out.check(0, None, Some(""));
    out.json()["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                str_of(&g["fingerprint"]),
                (str_of(&g["verdict"]), g["baseline_state"].clone()),
            )
        })
        .collect()
}

/// Groups of `check --format json` with this baseline state.
fn groups_in_state(dir: &TempDir, state: &str) -> Vec<Value> {
    let out = dir.claims().args(["check", "--format", "json"]).run();
    out.json()["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["baseline_state"] == state)
        .cloned()
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The gate
// ---------------------------------------------------------------------------------------------

#[test]
fn check_passes_with_the_committed_baseline() {
    let dir = seed_copy("pass");
    dir.claims()
        .arg("check")
        .run()
        .check(0, None, Some(""))
        .stdout_has("0 new, 1 accepted, 0 stale\n");
    // In the repository itself too (what .ci/run does).
    Test::in_repo()
        .arg("check")
        .run()
        .check(0, None, Some(""))
        .stdout_has("0 new, ");
}

#[test]
fn a_new_conflicting_article_fails_naming_the_fact_file_and_line_until_accepted() {
    let dir = seed_copy("rome");
    dir.write(ROME_FILE, ROME_124);
    let baseline_before = read(&dir, "claims-baseline.json");
    let out = dir.claims().arg("check").run();
    out.check(1, None, Some(""))
        .stdout_has("new conflict v1:")
        .stdout_has("Rome Statute")
        .stdout_has("corpus/005_rome.txt:5:")
        .stdout_has("“124”")
        .stdout_has("1 new, 1 accepted, 0 stale\n");
    // check never writes.
    assert_eq!(read(&dir, "claims-baseline.json"), baseline_before);
    let new = groups_in_state(&dir, "new");
    assert_eq!(new.len(), 1, "{new:?}");
    let fp = str_of(&new[0]["fingerprint"]);
    assert!(out.stdout.contains(&fp));
    // The GitHub annotation sits on the new claim's line.
    dir.claims()
        .args(["check", "--format", "github"])
        .run()
        .code(1)
        .stdout_has("::error file=corpus/005_rome.txt,line=5,col=");

    // Accept it by (a prefix of) its fingerprint, with a reason.
    let prefix = &fp[..10];
    dir.claims()
        .args([
            "baseline",
            "accept",
            prefix,
            "--reason",
            "checking with the ICC",
        ])
        .run()
        .check(0, Some("wrote claims-baseline.json: 2 entries\n"), Some(""));
    let b: Value = serde_json::from_str(&read(&dir, "claims-baseline.json")).unwrap();
    let entry = b["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["fingerprint"] == fp.as_str())
        .expect("accepted entry");
    assert_eq!(entry["reason"], "checking with the ICC");
    assert!(
        entry["values"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["source"] == "005_rome" && v["text"] == "124")
    );
    dir.claims()
        .arg("check")
        .run()
        .check(0, None, Some(""))
        .stdout_has("0 new, 2 accepted, 0 stale\n");
    // Accepting again changes nothing, not even the file's bytes.
    let bytes = read(&dir, "claims-baseline.json");
    dir.claims().args(["baseline", "accept", &fp]).run().check(
        0,
        Some("claims-baseline.json unchanged: 2 entries\n"),
        Some(""),
    );
    assert_eq!(read(&dir, "claims-baseline.json"), bytes);

    // Deleting the article makes its entry stale: reported, exit 0; --deny-stale fails.
    fs::remove_file(dir.path().join(ROME_FILE)).unwrap();
    dir.claims()
        .arg("check")
        .run()
        .check(0, None, Some(""))
        .stdout_has(&format!("stale entry {fp}"))
        .stdout_has("0 new, 1 accepted, 1 stale\n");
    dir.claims()
        .args(["check", "--deny-stale"])
        .run()
        .code(1)
        .stdout_has("1 stale");
    // prune removes exactly the stale entry.
    dir.claims()
        .args(["baseline", "prune"])
        .run()
        .code(0)
        .stdout_has(&format!("removed {fp}"));
    assert_eq!(
        read(&dir, "claims-baseline.json"),
        fs::read_to_string(Path::new(MANIFEST_DIR).join("claims-baseline.json")).unwrap()
    );
    dir.claims()
        .args(["check", "--deny-stale"])
        .run()
        .check(0, None, Some(""));
}

#[test]
fn an_accepted_conflict_that_gains_a_value_fails_and_leaves_its_entry_stale() {
    let dir = seed_copy("gain");
    dir.write(
        "corpus/006_third.txt",
        "Investors\n\nRussia is the third-largest investor in Kyrgyzstan after China.\n",
    );
    let out = dir.claims().arg("check").run();
    // The matcher joins it to the accepted conflict: reported as new, with a note naming the
    // entry it grew out of and what it gained; that entry is now stale.
    out.check(1, None, Some(""))
        .stdout_has("note: the accepted conflict v1:")
        .stdout_has("now also 006_third: “third-largest”")
        .stdout_has("1 new, 0 accepted, 1 stale\n");
    let stale = out.stdout.split("stale entry ").nth(1).unwrap()[..19].to_string();
    assert!(
        out.stdout
            .contains(&format!("accepted conflict {stale} changed"))
    );
    // Accepting it carries the old entry's reason over; prune then drops the old entry.
    dir.claims()
        .args(["baseline", "accept", "--all"])
        .run()
        .code(0);
    dir.claims().args(["baseline", "prune"]).run().code(0);
    let b: Value = serde_json::from_str(&read(&dir, "claims-baseline.json")).unwrap();
    let entries = b["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert!(str_of(&entries[0]["reason"]).starts_with("g14 of the gold"));
    dir.claims()
        .args(["check", "--deny-stale"])
        .run()
        .check(0, None, Some(""));
}

// ---------------------------------------------------------------------------------------------
// Name variants: accepted like conflicts, gated by --deny-variants
// ---------------------------------------------------------------------------------------------

/// An article that spells Putin's name in a way no seed article does: a new variant.
const PUTTIN: &str = "Putin in Bishkek\n\nRussian President Vladimir Puttin flew to Kyrgyzstan \
on Thursday, where Sadyr Japarov met him.\n";

/// `(id, name, fingerprint, baseline_state)` of every name variant `check --format json`
/// reports.
fn variants(dir: &TempDir) -> Vec<(String, String, String, Value)> {
    let out = dir.claims().args(["check", "--format", "json"]).run();
    out.json()["names"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["verdict"] == "variant")
        .map(|n| {
            (
                str_of(&n["id"]),
                str_of(&n["name"]),
                str_of(&n["fingerprint"]),
                n["baseline_state"].clone(),
            )
        })
        .collect()
}

#[test]
fn an_accepted_name_variant_passes_deny_variants_and_a_new_one_fails() {
    let dir = seed_copy("variants");
    // The committed baseline (written before names were gated) accepts no name: both seed
    // variants are new, and fail only behind the flag.
    dir.claims().arg("check").run().check(0, None, Some(""));
    let seeds = variants(&dir);
    assert_eq!(seeds.len(), 2, "{seeds:?}");
    assert!(seeds.iter().all(|v| v.3 == "new"), "{seeds:?}");
    let out = dir.claims().args(["check", "--deny-variants"]).run();
    out.code(1)
        .stdout_has("0 new, 1 accepted, 0 stale\n")
        .stderr_has("names: 2 new variants, 0 accepted, 0 stale\n");
    for (id, _, fp, _) in &seeds {
        out.stderr_has(&format!("error: new name variant {fp} ({id}): "));
    }

    // Editors accept both (one by a prefix of its fingerprint, as for conflicts).
    let umarov = seeds.iter().find(|v| v.1 == "Temur Umarov").expect("n4");
    let other = seeds.iter().find(|v| v.1 != "Temur Umarov").expect("n5");
    dir.claims()
        .args([
            "baseline",
            "accept",
            &umarov.2[..10],
            "--reason",
            "transliteration",
        ])
        .run()
        .check(
            0,
            Some("wrote claims-baseline.json: 1 entry, 1 name\n"),
            Some(""),
        );
    dir.claims()
        .args(["check", "--deny-variants"])
        .run()
        .code(1)
        .stderr_has(&format!(
            "note: accepted name variant {} ({}): ",
            umarov.2, umarov.0
        ))
        .stderr_has(&format!(
            "error: new name variant {} ({}): ",
            other.2, other.0
        ));
    dir.claims()
        .args(["baseline", "accept", &other.2])
        .run()
        .check(
            0,
            Some("wrote claims-baseline.json: 1 entry, 2 names\n"),
            Some(""),
        );
    let b: Value = serde_json::from_str(&read(&dir, "claims-baseline.json")).unwrap();
    let entry = b["names"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["fingerprint"] == umarov.2.as_str())
        .expect("the accepted name");
    assert_eq!(entry["reason"], "transliteration");
    assert!(
        entry["spellings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["text"] == "Timur Umarov")
    );
    // Accepted: the gate passes, quietly with -q.
    dir.claims()
        .args(["check", "--deny-variants"])
        .run()
        .code(0)
        .stderr_has("names: 0 new variants, 2 accepted, 0 stale\n");
    dir.claims()
        .args(["-q", "check", "--deny-variants"])
        .run()
        .check(
            0,
            None,
            Some("names: 0 new variants, 2 accepted, 0 stale\n"),
        );
    assert!(variants(&dir).iter().all(|v| v.3 == "unchanged"));

    // A new misspelling fails; the accepted ones still pass.
    dir.write("corpus/005_puttin.txt", PUTTIN);
    let out = dir.claims().args(["check", "--deny-variants"]).run();
    out.code(1)
        .stdout_has("0 new, 1 accepted, 0 stale\n")
        .stderr_has("Vladimir Puttin")
        .stderr_has(&format!("note: accepted name variant {}", umarov.2))
        .stderr_has("names: 1 new variant, 2 accepted, 0 stale\n");
    let new: Vec<_> = variants(&dir)
        .into_iter()
        .filter(|v| v.3 == "new")
        .collect();
    assert_eq!(new.len(), 1, "{new:?}");
    assert_eq!(new[0].1, "Vladimir Putin");
    // Without the flag names gate nothing.
    dir.claims().arg("check").run().check(0, None, Some(""));
}

#[test]
fn an_accepted_name_variant_no_longer_found_is_stale_and_pruned() {
    let dir = seed_copy("variant-stale");
    dir.claims()
        .args(["baseline", "init", "--force"])
        .run()
        .code(0);
    dir.claims()
        .args(["check", "--deny-variants", "--deny-stale"])
        .run()
        .code(0);
    let umarov = variants(&dir)
        .into_iter()
        .find(|v| v.1 == "Temur Umarov")
        .expect("n4");
    // Front Page Detectives corrects the spelling: the name agrees, its entry is stale.
    let file = "corpus/004_ccd57c960e5e7f8f.txt";
    dir.write(
        file,
        read(&dir, file).replace("Timur Umarov", "Temur Umarov"),
    );
    dir.claims()
        .args(["check", "--deny-variants"])
        .run()
        .code(0)
        .stderr_has(&format!(
            "note: stale name entry {}: Temur Umarov",
            umarov.2
        ))
        .stderr_has("names: 0 new variants, 1 accepted, 1 stale\n");
    // --deny-stale fails on it only where names are gated.
    dir.claims()
        .args(["check", "--deny-variants", "--deny-stale"])
        .run()
        .code(1)
        .stderr_has(&format!("error: stale name entry {}", umarov.2));
    dir.claims()
        .args(["check", "--deny-stale"])
        .run()
        .check(0, None, Some(""));
    // The JSON names it, and validates.
    let out = dir.claims().args(["check", "--format", "json"]).run();
    out.code(0);
    let stale = out.json()["baseline"]["stale_names"].clone();
    assert_eq!(stale.as_array().unwrap().len(), 1, "{stale}");
    assert_eq!(stale[0]["fingerprint"], umarov.2.as_str());
    assert_valid(&schema(), &out.json(), "check --format json, a stale name");
    // prune removes exactly it.
    dir.claims().args(["baseline", "prune"]).run().check(
        0,
        Some(&format!(
            "removed {} (name: Temur Umarov)\nwrote claims-baseline.json: 1 entry, 1 name\n",
            umarov.2
        )),
        Some(""),
    );
    dir.claims()
        .args(["check", "--deny-variants", "--deny-stale"])
        .run()
        .code(0);
}

#[test]
fn editing_and_moving_paragraphs_keep_every_fingerprint() {
    let dir = seed_copy("stable");
    let before = fingerprints(&dir);
    let file = "corpus/003_db096c9901c0e0ce.txt";
    let text = read(&dir, file);
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    assert!(paragraphs.len() > 4);

    // An unrelated paragraph edited: a paragraph with no digits gets a sentence more.
    let plain = paragraphs
        .iter()
        .position(|p| p.len() > 40 && !p.chars().any(|c| c.is_ascii_digit()))
        .expect("a paragraph without numbers");
    let mut edited: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
    edited[plain].push_str(" Officials declined to comment further on the matter.");
    dir.write(file, edited.join("\n\n"));
    assert_eq!(fingerprints(&dir), before, "editing an unrelated paragraph");

    // Paragraphs moved: the last one first.
    let mut moved: Vec<&str> = paragraphs.clone();
    let last = moved.pop().unwrap();
    moved.insert(1, last);
    dir.write(file, moved.join("\n\n"));
    assert_eq!(fingerprints(&dir), before, "moving paragraphs");

    dir.claims().arg("check").run().code(0);
}

/// Reflowing (hard-wrapping every paragraph) must keep every fingerprint too. It does not yet,
/// and not because of the fingerprint: the sentence splitter (`src/extract/sentence.rs`) ends a
/// sentence at a line break when the next line starts with a capital or a digit, so a wrap
/// before "123 countries" or "12-13" cuts a sentence, its claims get other subjects and the
/// matcher other groups. Run with `cargo test --test integration -- --ignored` once it joins soft
/// line breaks inside a paragraph.
#[test]

fn reflowing_an_article_keeps_every_fingerprint() {
    let dir = seed_copy("reflow");
    let before = fingerprints(&dir);
    let file = "corpus/003_db096c9901c0e0ce.txt";
    let text = read(&dir, file);
    let wrapped: Vec<String> = text.split("\n\n").map(|p| wrap(p, 72)).collect();
    dir.write(file, wrapped.join("\n\n"));
    assert_eq!(fingerprints(&dir), before, "reflowing");
}

fn wrap(p: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for w in p.split_whitespace() {
        if line > 0 && line + 1 + w.chars().count() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(w);
        line += w.chars().count();
    }
    out
}

#[test]
fn a_corrupt_baseline_exits_2_naming_the_file_and_position() {
    let dir = seed_copy("corrupt");
    dir.write(
        "claims-baseline.json",
        "{\n  \"schema_version\": 1,\n  \"entries\": [\n    {\"fingerprint\": }\n  ]\n}\n",
    );
    dir.claims()
        .arg("check")
        .run()
        .check(2, Some(""), None)
        .stderr_starts("error: claims-baseline.json:4:21: not a valid baseline: ")
        .stderr_one_line();
    // An unknown key is corrupt too (the format is strict).
    dir.write(
        "claims-baseline.json",
        "{\"schema_version\": 1, \"entries\": [], \"generated\": \"today\"}\n",
    );
    dir.claims()
        .arg("check")
        .run()
        .code(2)
        .stderr_has("claims-baseline.json:1:")
        .stderr_has("unknown field `generated`");
    // The baseline commands refuse it as well, and do not touch it.
    dir.claims()
        .args(["baseline", "accept", "--all"])
        .run()
        .code(2);
    assert!(read(&dir, "claims-baseline.json").contains("generated"));
}

#[test]
fn an_empty_or_unreadable_corpus_is_an_error_not_a_pass() {
    let dir = seed_copy("empty");
    for f in fs::read_dir(dir.path().join("corpus")).unwrap() {
        fs::remove_file(f.unwrap().path()).unwrap();
    }
    // The [[source]] entries name files that are gone: a config error, first.
    dir.claims()
        .arg("check")
        .run()
        .code(2)
        .stdout_is("")
        .stderr_has("does not exist");
    dir.write("claims.toml", "[corpus]\npaths = [\"corpus\"]\n");
    dir.claims()
        .arg("check")
        .run()
        .code(2)
        .stdout_is("")
        .stderr_has("no readable source");
    // One unreadable article among good ones: reported, exit 2, and no baseline is written.
    let dir = seed_copy("bad");
    dir.write("corpus/bad.txt", b"caf\xe9 4,000 people\n");
    dir.claims()
        .arg("check")
        .run()
        .code(2)
        .stderr_has("bad.txt");
    let before = read(&dir, "claims-baseline.json");
    dir.claims()
        .args(["baseline", "init", "--force"])
        .run()
        .code(2)
        .stderr_has("not written");
    assert_eq!(read(&dir, "claims-baseline.json"), before);
}

#[test]
fn init_refuses_to_overwrite_without_force_and_writes_stable_bytes() {
    let dir = seed_copy("init");
    dir.claims()
        .args(["baseline", "init"])
        .run()
        .code(2)
        .stderr_has("--force");
    let reason = read(&dir, "claims-baseline.json");
    let reason: Value = serde_json::from_str(&reason).unwrap();
    let reason = str_of(&reason["entries"][0]["reason"]);
    // init records the seed's two name variants too (Temur/Timur Umarov, the Carnegie centre).
    dir.claims()
        .args(["baseline", "init", "--force", "--reason", &reason])
        .run()
        .check(
            0,
            Some("wrote claims-baseline.json: 1 entry, 2 names\n"),
            Some(""),
        );
    let written = read(&dir, "claims-baseline.json");
    dir.claims()
        .args(["baseline", "init", "--force", "--reason", &reason])
        .run()
        .check(
            0,
            Some("claims-baseline.json unchanged: 1 entry, 2 names\n"),
            Some(""),
        );
    assert_eq!(read(&dir, "claims-baseline.json"), written);
    // The conflict entries are the committed file's, byte for byte (sorted, fixed key order,
    // 2-space indent), the names follow them.
    let committed =
        fs::read_to_string(Path::new(MANIFEST_DIR).join("claims-baseline.json")).unwrap();
    let body = committed.trim_end().trim_end_matches('}').trim_end();
    assert!(written.starts_with(body), "{written}");
    assert!(
        written[body.len()..].starts_with(",\n  \"names\": [\n"),
        "{written}"
    );
    assert!(written.ends_with("}\n"));
    // No temp file is left beside it.
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    // A missing baseline: every conflict is new, and check says where it looked.
    fs::remove_file(dir.path().join("claims-baseline.json")).unwrap();
    dir.claims()
        .arg("check")
        .run()
        .code(1)
        .stderr_has("no baseline at claims-baseline.json")
        .stdout_has("1 new, 0 accepted, 0 stale");
}

#[test]
fn accept_needs_a_fingerprint_or_all_and_rejects_unknown_ones() {
    let dir = seed_copy("accept");
    dir.claims()
        .args(["baseline", "accept"])
        .run()
        .code(2)
        .stderr_has("--all");
    dir.claims()
        .args(["baseline", "accept", "v1:0000000000000000"])
        .run()
        .code(2)
        .stderr_has(
            "no current conflict or name variant has the fingerprint `v1:0000000000000000`",
        );
    dir.write(ROME_FILE, ROME_124);
    // --all takes every new conflict and every new name variant.
    dir.claims()
        .args(["baseline", "accept", "--all"])
        .run()
        .check(
            0,
            Some("wrote claims-baseline.json: 2 entries, 2 names\n"),
            Some(""),
        );
    dir.claims().arg("check").run().code(0);
    dir.claims()
        .args(["check", "--deny-variants"])
        .run()
        .code(0);
}

#[test]
fn the_baseline_path_comes_from_the_config() {
    let dir = seed_copy("path");
    fs::rename(
        dir.path().join("claims-baseline.json"),
        dir.path().join("accepted.json"),
    )
    .unwrap();
    let toml = read(&dir, "claims.toml") + "\n[check]\nbaseline = \"accepted.json\"\n";
    dir.write("claims.toml", toml.clone());
    dir.claims().arg("check").run().check(0, None, Some(""));
    dir.write("claims.toml", toml.replace("baseline =", "baseline_file ="));
    dir.claims()
        .arg("check")
        .run()
        .code(2)
        .stderr_has("unknown key `baseline_file`");
}

// ---------------------------------------------------------------------------------------------
// Export and determinism
// ---------------------------------------------------------------------------------------------

#[test]
fn export_writes_the_compare_document_atomically() {
    let dir = seed_copy("export");
    let out = dir
        .claims()
        .args(["compare", "--all", "--format", "json"])
        .run();
    out.check(0, None, Some(""));
    dir.claims()
        .args(["export", "-o", "out/facts.json"])
        .run()
        .code(2)
        .stderr_has("out/facts.json");
    dir.mkdir("out");
    dir.claims()
        .args(["export", "-o", "out/facts.json"])
        .run()
        .check(0, None, Some(""))
        .stdout_has("wrote out/facts.json");
    assert_eq!(read(&dir, "out/facts.json"), out.stdout);
    dir.claims()
        .args(["export", "-o", "out/facts.jsonl", "--format", "jsonl"])
        .run()
        .code(0);
    let lines = read(&dir, "out/facts.jsonl");
    assert!(lines.starts_with("{\"type\":\"header\""));
    assert!(
        lines
            .lines()
            .last()
            .unwrap()
            .starts_with("{\"type\":\"summary\"")
    );
}

#[test]
fn output_does_not_depend_on_the_order_files_were_created() {
    let forward = seed_copy("fwd");
    let backward = TempDir::new("bwd");
    for name in ["claims.toml", "claims-baseline.json"] {
        fs::copy(forward.path().join(name), backward.path().join(name)).unwrap();
    }
    let mut files: Vec<PathBuf> = fs::read_dir(forward.path().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.reverse();
    backward.mkdir("corpus");
    for f in files {
        fs::copy(
            &f,
            backward.path().join("corpus").join(f.file_name().unwrap()),
        )
        .unwrap();
    }
    for args in [
        &["compare", "--all", "--format", "json"][..],
        &["check", "--format", "sarif"][..],
        &["check", "--format", "github"][..],
    ] {
        let a = forward.claims().args(args.iter().copied()).run();
        let b = backward.claims().args(args.iter().copied()).run();
        assert_eq!(a.stdout, b.stdout, "{args:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// The JSON Schema
// ---------------------------------------------------------------------------------------------

fn schema() -> Value {
    let text =
        fs::read_to_string(Path::new(MANIFEST_DIR).join("schemas/claims-compare.schema.json"))
            .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Errors of `v` against `s` (a subset of JSON Schema 2020-12), each with its JSON path.
fn validate(root: &Value, s: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("local $ref");
        let target = &root["$defs"][name];
        assert!(!target.is_null(), "dangling $ref {r}");
        return validate(root, target, v, at, errors);
    }
    if let Some(options) = s.get("oneOf").and_then(Value::as_array) {
        let ok = options
            .iter()
            .filter(|o| {
                let mut e = Vec::new();
                validate(root, o, v, at, &mut e);
                e.is_empty()
            })
            .count();
        if ok != 1 {
            errors.push(format!("{at}: matches {ok} of oneOf, not 1"));
        }
    }
    if let Some(t) = s.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => panic!("bad type at {at}"),
        };
        let fits = |t: &str| match t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_u64() || v.is_i64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            other => panic!("unknown type {other}"),
        };
        if !types.iter().any(|t| fits(t)) {
            errors.push(format!("{at}: {v} is not of type {types:?}"));
            return;
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array)
        && !e.contains(v)
    {
        errors.push(format!("{at}: {v} is not one of {e:?}"));
    }
    if let (Some(min), Some(n)) = (s.get("minimum").and_then(Value::as_f64), v.as_f64())
        && n < min
    {
        errors.push(format!("{at}: {n} < {min}"));
    }
    if let Some(obj) = v.as_object() {
        let props = s.get("properties").and_then(Value::as_object);
        for r in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let r = r.as_str().unwrap();
            if !obj.contains_key(r) {
                errors.push(format!("{at}: missing required `{r}`"));
            }
        }
        for (k, val) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => validate(root, ps, val, &format!("{at}.{k}"), errors),
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{at}: `{k}` is not in the schema"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (s.get("items"), v.as_array()) {
        for (i, item) in arr.iter().enumerate() {
            validate(root, items, item, &format!("{at}[{i}]"), errors);
        }
    }
}

#[track_caller]
fn assert_valid(s: &Value, v: &Value, what: &str) {
    let mut errors = Vec::new();
    validate(s, s, v, "$", &mut errors);
    if !errors.is_empty() {
        errors.truncate(20);
        panic!("{what} does not match the schema:\n{}", errors.join("\n"));
    }
}

#[test]
fn claims_schema_prints_the_committed_schema() {
    let out = Test::new().arg("schema").run();
    out.check(0, None, Some(""));
    assert_eq!(
        out.stdout,
        fs::read_to_string(Path::new(MANIFEST_DIR).join("schemas/claims-compare.schema.json"))
            .unwrap()
    );
}

#[test]
fn real_output_validates_against_the_schema() {
    let s = schema();
    let dir = seed_copy("schema");
    dir.write(ROME_FILE, ROME_124);
    // Some of everything: a skipped binary file next to the articles, a stale entry.
    dir.write("corpus/blob.txt", b"\x00\x01binary");
    let compare = dir
        .claims()
        .args(["compare", "--all", "--format", "json"])
        .run();
    compare.code(0);
    assert_valid(&s, &compare.json(), "compare --all --format json");
    let doc = compare.json();
    assert!(!doc["skipped"].as_array().unwrap().is_empty());
    assert!(
        doc["groups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["baseline_state"] == "new")
    );
    // The binary file is an article check cannot read: it fails (exit 2) unless allowed.
    dir.claims()
        .args(["check", "--format", "json"])
        .run()
        .code(2)
        .stderr_has("blob.txt: skipped: binary");
    let check = dir
        .claims()
        .args(["check", "--format", "json", "--allow-unread"])
        .run();
    check.code(1);
    assert_valid(&s, &check.json(), "check --format json");
    // A stale entry and an error.
    dir.claims()
        .args(["baseline", "accept", "--all", "--allow-unread"])
        .run()
        .code(0);
    fs::remove_file(dir.path().join(ROME_FILE)).unwrap();
    dir.write("corpus/bad.txt", b"caf\xe9\n");
    let stale = dir.claims().args(["check", "--format", "json"]).run();
    stale.code(2);
    let doc = stale.json();
    assert_eq!(doc["baseline"]["stale"].as_array().unwrap().len(), 1);
    assert_eq!(doc["errors"].as_array().unwrap().len(), 1);
    assert_valid(
        &s,
        &doc,
        "check --format json with a stale entry and an error",
    );
    // Without a baseline, `baseline` is null.
    fs::remove_file(dir.path().join("claims-baseline.json")).unwrap();
    fs::remove_file(dir.path().join("corpus/bad.txt")).unwrap();
    let none = dir.claims().args(["compare", "--format", "json"]).run();
    assert!(none.json()["baseline"].is_null());
    assert_valid(&s, &none.json(), "compare without a baseline");
    // Every JSON line against the $defs entry named by its type.
    let lines = dir
        .claims()
        .args(["compare", "--all", "--format", "jsonl"])
        .run();
    lines.check(0, None, Some(""));
    let mut types = Vec::new();
    for line in lines.stdout.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let t = str_of(&v["type"]);
        let def = match t.as_str() {
            "skipped" | "error" => "problem".to_string(),
            "sentence" => "sentence_line".to_string(),
            "claim" => "claim_line".to_string(),
            other => other.to_string(),
        };
        let sub = serde_json::json!({ "$ref": format!("#/$defs/{def}") });
        let mut errors = Vec::new();
        validate(&s, &sub, &v["data"], &format!("{t} line"), &mut errors);
        assert!(errors.is_empty(), "{}", errors.join("\n"));
        types.push(t);
    }
    assert_eq!(types.first().map(String::as_str), Some("header"));
    assert_eq!(types.last().map(String::as_str), Some("summary"));
    // And extract's lines, the claims files of a sharded run.
    let lines = dir.claims().args(["extract", "--format", "jsonl"]).run();
    lines.code(0);
    let mut types = BTreeSet::new();
    for line in lines.stdout.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let t = str_of(&v["type"]);
        let def = match t.as_str() {
            "skipped" | "error" => "problem".to_string(),
            "sentence" => "sentence_line".to_string(),
            "claim" => "claim_line".to_string(),
            "text" => "text_line".to_string(),
            other => other.to_string(),
        };
        let sub = serde_json::json!({ "$ref": format!("#/$defs/{def}") });
        let mut errors = Vec::new();
        validate(&s, &sub, &v["data"], &format!("{t} line"), &mut errors);
        assert!(errors.is_empty(), "{}", errors.join("\n"));
        types.insert(t);
    }
    let want = ["claim", "sentence", "skipped", "source", "text"];
    assert_eq!(types, want.map(String::from).into());
}

/// Every object in the schema names all its properties as required and forbids others, but for
/// the fields a claim line leaves out at their default, each of which says so (a `default`, or
/// a description of when it is absent): serde writes every other field, so this is what makes
/// the schema and the structs agree both ways.
#[test]
fn the_schema_is_closed_and_complete() {
    fn walk(v: &Value, at: &str, bad: &mut Vec<String>) {
        if let Some(o) = v.as_object() {
            if let Some(props) = o.get("properties").and_then(Value::as_object) {
                let says_absent = |p: &Value| {
                    p.get("default").is_some()
                        || p.get("description")
                            .and_then(Value::as_str)
                            .is_some_and(|d| d.starts_with("Absent "))
                };
                let keys: BTreeSet<&str> = props
                    .iter()
                    .filter(|(_, p)| !says_absent(p))
                    .map(|(k, _)| k.as_str())
                    .collect();
                let required: BTreeSet<&str> = o["required"]
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                if keys != required {
                    bad.push(format!(
                        "{at}: required {required:?} != properties {keys:?}"
                    ));
                }
                if o.get("additionalProperties") != Some(&Value::Bool(false)) {
                    bad.push(format!("{at}: additionalProperties is not false"));
                }
            }
            for (k, child) in o {
                walk(child, &format!("{at}/{k}"), bad);
            }
        } else if let Some(a) = v.as_array() {
            for (i, child) in a.iter().enumerate() {
                walk(child, &format!("{at}/{i}"), bad);
            }
        }
    }
    let mut bad = Vec::new();
    walk(&schema(), "#", &mut bad);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_validator_catches_drift() {
    let s = schema();
    let dir = seed_copy("drift");
    let mut doc = dir
        .claims()
        .args(["compare", "--format", "json"])
        .run()
        .json();
    doc["groups"][0]["invented"] = Value::from(1);
    doc["sources"][0].as_object_mut().unwrap().remove("sha256");
    doc["groups"][0]["verdict"] = Value::from("maybe");
    let mut errors = Vec::new();
    validate(&s, &s, &doc, "$", &mut errors);
    let all = errors.join("\n");
    assert!(all.contains("`invented` is not in the schema"), "{all}");
    assert!(all.contains("missing required `sha256`"), "{all}");
    assert!(all.contains("\"maybe\" is not one of"), "{all}");
}

// ---------------------------------------------------------------------------------------------
// Golden outputs
// ---------------------------------------------------------------------------------------------

/// The seed copy with the 124-countries article: one new conflict, one accepted.
fn golden_run(args: &[&str], code: i32, file: &str) {
    let dir = seed_copy("golden");
    dir.write(ROME_FILE, ROME_124);
    let out = dir.claims().args(args.iter().copied()).run();
    out.code(code);
    golden(file, &out.stdout);
}

#[test]
fn golden_check_text() {
    golden_run(&["check"], 1, "check.txt");
}

#[test]
fn golden_check_github() {
    golden_run(&["check", "--format", "github"], 1, "check.github.txt");
}

#[test]
fn golden_check_sarif() {
    golden_run(&["check", "--format", "sarif"], 1, "check.sarif");
}

#[test]
fn golden_check_json() {
    golden_run(&["check", "--format", "json"], 1, "check.json");
}

#[test]
fn golden_compare_jsonl() {
    golden_run(&["compare", "--format", "jsonl"], 0, "compare.jsonl");
}

#[test]
fn golden_compare_markdown_with_a_new_conflict() {
    golden_run(&["compare", "--format", "markdown"], 0, "check.compare.md");
}

#[test]
fn sarif_has_the_2_1_0_shape_and_baseline_states() {
    let dir = seed_copy("sarif");
    dir.write(ROME_FILE, ROME_124);
    dir.claims()
        .args(["baseline", "accept", "--all"])
        .run()
        .code(0);
    // An article goes, with its [[source]] entry (a [[source]] whose file is gone is an error).
    fs::remove_file(dir.path().join("corpus/002_66c81adcedb12ad6.txt")).unwrap();
    let config = read(&dir, "claims.toml");
    let entry = "[[source]]\nid = \"002_66c81adcedb12ad6\"\nfile = \"corpus/002_66c81adcedb12ad6.txt\"\noutlet = \"IWPR\"\n";
    assert!(config.contains(entry));
    dir.write("claims.toml", config.replace(entry, ""));
    dir.write(ROME_FILE, ROME_124.replace("124", "125"));
    let out = dir.claims().args(["check", "--format", "sarif"]).run();
    out.code(1).stderr_has("new, ");
    let doc = out.json();
    assert_eq!(doc["version"], "2.1.0");
    let results = doc["runs"][0]["results"].as_array().unwrap();
    let states: BTreeSet<String> = results
        .iter()
        .map(|r| str_of(&r["baselineState"]))
        .collect();
    assert!(states.contains("new"), "{states:?}");
    assert!(states.contains("absent"), "{states:?}");
    for r in results {
        assert!(r["partialFingerprints"]["claimsFact/v1"].is_string());
    }
}

/// The schema is itself valid where the metaschema is strict and our validator is lenient:
/// every `required` and `enum` list names each item once (`uniqueItems`).
#[test]
fn schema_lists_name_each_item_once() {
    fn walk(v: &Value, at: &str, errors: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    if let ("required" | "enum", Value::Array(items)) = (k.as_str(), x) {
                        let mut seen = std::collections::BTreeSet::new();
                        for i in items {
                            if !seen.insert(i.to_string()) {
                                errors.push(format!("{at}/{k}: {i} twice"));
                            }
                        }
                    }
                    walk(x, &format!("{at}/{k}"), errors);
                }
            }
            Value::Array(a) => {
                for (n, x) in a.iter().enumerate() {
                    walk(x, &format!("{at}/{n}"), errors);
                }
            }
            _ => {}
        }
    }
    let mut errors = Vec::new();
    walk(&schema(), "", &mut errors);
    assert!(errors.is_empty(), "{errors:#?}");
}
