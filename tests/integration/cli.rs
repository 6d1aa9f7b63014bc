//! Integration tests of the `claims` binary: every case runs the real executable
//! (`env!("CARGO_BIN_EXE_claims")`) through a small builder around `std::process::Command` and
//! asserts the exit code, stdout and stderr together (the ruff/just style).
//!
//! Each run happens in a fresh folder under the system temp dir (unique per process and case,
//! removed afterwards), so no claims.toml is picked up by accident; only the golden tests run
//! in the crate's own folder and use its claims.toml and `corpus/`.
//!
//! Groups: bad input (encodings, binary, empty, oversized, missing, stdin), claims.toml (strict
//! keys with positions, discovery), output (JSON contract, spans, jsonl, filters, usage errors,
//! colour, broken pipe) and golden outputs.
//!
//! Golden files: `tests/golden/extract.{table.txt,json,jsonl}` hold the output of
//! `claims extract --format …` on the bundled corpus, `tests/golden/compare.*` that of
//! `claims compare` in each of its formats, `show.conflict.txt` that of `claims show`. When a change to the output is intended,
//! rewrite them and review the diff before committing:
//!
//! ```text
//! CLAIMS_UPDATE_GOLDEN=1 cargo test --test integration golden
//! git diff tests/golden
//! ```
//!
//! Without the variable the golden tests only compare; they never write.

use crate::common::*;
// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

/// "Line one.\n" is 10 bytes, "About 20 km of " 15 more: the bad byte is at offset 25, 2:16.
const NOT_UTF8: &[u8] = b"Line one.\nAbout 20 km of \xff\xfe road.\n";

#[test]
fn not_utf8_is_an_error_naming_file_offset_and_position_and_others_still_extract() {
    let tmp = TempDir::new("not-utf8");
    tmp.write("good.txt", GOOD);
    tmp.write("bad.txt", NOT_UTF8);
    let out = tmp
        .claims()
        .args(["extract", "--format", "jsonl", "good.txt", "bad.txt"])
        .run();
    out.check(
        2,
        None,
        Some("error: bad.txt:2:16: invalid UTF-8 at byte offset 25\n"),
    );
    assert_eq!(out.jsonl_sources(), ["good"]);
    assert_eq!(out.jsonl_claims(), pairs(&[("good", "More than 4,500")]));
    // The error is in the report too, with its position.
    let (_, err) = out.jsonl().into_iter().find(|(t, _)| t == "error").unwrap();
    assert_eq!(
        err,
        serde_json::json!({"path": "bad.txt", "line": 2, "column": 16,
                           "message": "invalid UTF-8 at byte offset 25"})
    );

    // The table still lists the good file.
    tmp.claims()
        .args(["extract", "good.txt", "bad.txt"])
        .run()
        .code(2)
        .stdout_has("good: 1 claims")
        .stdout_has("More than 4,500")
        .stderr_is("error: bad.txt:2:16: invalid UTF-8 at byte offset 25\n");
}

#[test]
fn invalid_utf8_after_a_bom_counts_offset_in_file_bytes_and_column_without_bom() {
    let tmp = TempDir::new("bom-bad");
    tmp.write("bombad.txt", b"\xEF\xBB\xBFab\n\xFFc");
    tmp.claims().args(["extract", "bombad.txt"]).run().check(
        2,
        Some(""),
        Some("error: no readable source: bombad.txt:2:1: invalid UTF-8 at byte offset 6\n"),
    );
}

#[test]
fn invalid_utf16_is_an_error_with_byte_position() {
    let tmp = TempDir::new("utf16-bad");
    // BOM, "ab\ncd", then a lone high surrogate at byte 12 (line 2 starts at byte 8).
    let mut le = utf16("ab\ncd", true);
    le.extend([0x00, 0xD8, b'x', 0]);
    tmp.write("le.txt", le);
    let mut be = utf16("ab\ncd", false);
    be.extend([0xDC, 0x00]);
    tmp.write("be.txt", be);
    tmp.write("good.txt", GOOD);
    let out = tmp
        .claims()
        .args([
            "extract", "--format", "jsonl", "le.txt", "be.txt", "good.txt",
        ])
        .run();
    out.check(
        2,
        None,
        Some(
            "error: le.txt:2:5: invalid UTF-16 at byte offset 12\n\
             error: be.txt:2:5: invalid UTF-16 at byte offset 12\n",
        ),
    );
    assert_eq!(out.jsonl_sources(), ["good"]);
}

/// Non-ASCII before the claims (an em dash, a non-BMP clef) so byte offsets, UTF-16 units and
/// columns all differ.
const UNICODE_ARTICLE: &str =
    "Bishkek — 𝄞 report.\nPutin met about 4,500 officers; trade hit $5 billion in 2022.\n";

#[test]
fn bom_and_utf16_files_extract_like_plain_utf8_with_offsets_in_decoded_text() {
    let tmp = TempDir::new("encodings");
    tmp.write("plain.txt", UNICODE_ARTICLE);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(UNICODE_ARTICLE.as_bytes());
    tmp.write("bom8.txt", &bom);
    tmp.write("le16.txt", utf16(UNICODE_ARTICLE, true));
    tmp.write("be16.txt", utf16(UNICODE_ARTICLE, false));
    let out = tmp
        .claims()
        .args([
            "extract",
            "--format",
            "json",
            "plain.txt",
            "bom8.txt",
            "le16.txt",
            "be16.txt",
        ])
        .run();
    out.check(0, None, Some(""));
    let doc = out.json();
    let checked = check_spans(&doc, &|_| UNICODE_ARTICLE.to_string());
    assert!(
        checked >= 8,
        "expected claims in all four files, got {checked}"
    );

    // Same claims (spans, values, everything but the ids) whatever the encoding.
    let per_source = |id: &str| -> Vec<Value> {
        doc["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["source"] == id)
            .map(|c| {
                let mut c = c.clone();
                c.as_object_mut().unwrap().remove("id");
                c.as_object_mut().unwrap().remove("source");
                c
            })
            .collect()
    };
    let plain = per_source("plain");
    assert!(!plain.is_empty());
    for id in ["bom8", "le16", "be16"] {
        assert_eq!(per_source(id), plain, "{id} differs from the UTF-8 file");
    }
    // `bytes` is the size on disk, before decoding.
    let bytes: Vec<u64> = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["bytes"].as_u64().unwrap())
        .collect();
    assert_eq!(
        bytes,
        [
            UNICODE_ARTICLE.len() as u64,
            bom.len() as u64,
            utf16(UNICODE_ARTICLE, true).len() as u64,
            utf16(UNICODE_ARTICLE, false).len() as u64
        ]
    );
}

#[test]
fn binary_file_found_by_walking_is_skipped_quietly_and_said_with_verbose() {
    let tmp = TempDir::new("walk-binary");
    tmp.write("d/good.txt", GOOD);
    tmp.write("d/bin.txt", b"ab\0cd");
    let note = format!(
        "note: {}: skipped: binary (NUL byte at offset 2)\n",
        shown("d", "bin.txt")
    );

    let out = tmp
        .claims()
        .args(["extract", "--format", "jsonl", "d"])
        .run();
    out.check(0, None, Some(""));
    assert_eq!(out.jsonl_claims(), pairs(&[("good", "More than 4,500")]));
    // The report lists the skipped file whatever the verbosity.
    let (_, skipped) = out
        .jsonl()
        .into_iter()
        .find(|(t, _)| t == "skipped")
        .unwrap();
    assert_eq!(skipped["message"], "binary (NUL byte at offset 2)");

    let out = tmp.claims().args(["-v", "extract", "d"]).run();
    out.check(0, None, Some(&note)).stdout_has("good: 1 claims");
}

#[test]
fn binary_file_named_explicitly_is_an_error() {
    let tmp = TempDir::new("explicit-binary");
    tmp.write("good.txt", GOOD);
    tmp.write("bin.txt", b"ab\0cd");
    tmp.claims()
        .args(["extract", "good.txt", "bin.txt"])
        .run()
        .check(
            2,
            None,
            Some("error: bin.txt:1:3: binary file (NUL byte at offset 2)\n"),
        )
        .stdout_has("good: 1 claims");
    tmp.claims().args(["extract", "bin.txt"]).run().check(
        2,
        Some(""),
        Some("error: no readable source: bin.txt:1:3: binary file (NUL byte at offset 2)\n"),
    );
}

#[test]
fn empty_file_is_valid_with_zero_claims() {
    let tmp = TempDir::new("empty");
    tmp.write("empty.txt", "");
    tmp.claims()
        .args(["extract", "empty.txt"])
        .run()
        .check(0, Some("empty: 0 claims\n"), Some(""));
    let out = tmp
        .claims()
        .args(["extract", "--format", "json", "empty.txt"])
        .run();
    out.check(0, None, Some(""));
    let doc = out.json();
    assert_eq!(doc["sources"][0]["claims"], 0);
    assert_eq!(doc["sources"][0]["bytes"], 0);
    assert_eq!(doc["claims"], serde_json::json!([]));
}

#[test]
fn file_over_the_size_limit_is_skipped_naming_size_and_limit() {
    let tmp = TempDir::new("too-large");
    tmp.write("small.toml", "[input]\nmax_bytes = 100\n");
    tmp.write("big.txt", format!("{}\n", "x".repeat(150)));
    tmp.write("good.txt", GOOD);
    tmp.write("g/big.txt", format!("{}\n", "x".repeat(150)));
    let reason = "skipped: too large: 151 bytes, over the limit of 100 bytes";

    tmp.claims()
        .args(["--config", "small.toml", "extract", "big.txt", "good.txt"])
        .run()
        .check(0, None, Some(&format!("warning: big.txt: {reason}\n")))
        .stdout_has("good: 1 claims");
    // -q keeps stderr for errors only.
    tmp.claims()
        .args([
            "--config",
            "small.toml",
            "-q",
            "extract",
            "big.txt",
            "good.txt",
        ])
        .run()
        .check(0, None, Some(""));
    // Nothing else to read: an error, not an empty success.
    tmp.claims()
        .args(["--config", "small.toml", "extract", "big.txt"])
        .run()
        .code(2)
        .stdout_is("")
        .stderr_has(&format!("error: no readable source: big.txt: {reason}\n"));
    tmp.claims()
        .args(["--config", "small.toml", "extract", "g"])
        .run()
        .code(2)
        .stdout_is("")
        .stderr_has(&format!(
            "error: no readable source: {}: {reason}\n",
            shown("g", "big.txt")
        ));
    // The limit applies to stdin too.
    tmp.claims()
        .args(["--config", "small.toml", "extract", "-"])
        .stdin("y".repeat(200))
        .run()
        .check(
            2,
            Some(""),
            Some(
                "error: no readable source: stdin: skipped: too large: more than the limit of \
                 100 bytes\n",
            ),
        );
}

#[test]
fn missing_path_is_an_error_and_others_still_extract() {
    let tmp = TempDir::new("missing");
    tmp.write("good.txt", GOOD);
    let out = tmp
        .claims()
        .args(["extract", "--format", "jsonl", "good.txt", "missing.txt"])
        .run();
    out.code(2)
        .stderr_starts("error: missing.txt: ")
        .stderr_one_line();
    assert_eq!(out.jsonl_claims(), pairs(&[("good", "More than 4,500")]));

    tmp.claims()
        .args(["extract", "missing.txt"])
        .run()
        .code(2)
        .stdout_is("")
        .stderr_starts("error: no readable source: missing.txt: ")
        .stderr_one_line();
}

#[test]

fn every_missing_path_is_named_when_none_can_be_read() {
    let out = Test::new().args(["extract", "m1.txt", "m2.txt"]).run();
    out.code(2)
        .stdout_is("")
        .stderr_has("m1.txt")
        .stderr_has("m2.txt");
}

#[test]
fn folder_with_no_readable_article_is_an_error() {
    let tmp = TempDir::new("no-readable");
    tmp.mkdir("empty");
    tmp.write("bins/a.txt", b"x\0");
    tmp.write("other/photo.jpg", b"\xFF\xD8\xFF");

    tmp.claims().args(["extract", "empty"]).run().check(
        2,
        Some(""),
        Some("error: no readable source: empty: no article file in this folder\n"),
    );
    tmp.claims().args(["extract", "bins"]).run().check(
        2,
        Some(""),
        Some(&format!(
            "error: no readable source: {}: skipped: binary (NUL byte at offset 1)\n",
            shown("bins", "a.txt")
        )),
    );
    tmp.claims().args(["extract", "other"]).run().check(
        2,
        Some(""),
        Some(&format!(
            "error: no readable source: other: no article file in this folder; {}: skipped: \
             not a text article extension\n",
            shown("other", "photo.jpg")
        )),
    );
    // Never an empty success, whatever the format.
    tmp.claims()
        .args(["extract", "--format", "json", "empty"])
        .run()
        .check(
            2,
            Some(""),
            Some("error: no readable source: empty: no article file in this folder\n"),
        );
}

#[test]
fn corpus_of_only_unreadable_or_missing_files_is_an_error() {
    let tmp = TempDir::new("corpus-unreadable");
    tmp.write(
        "missing/claims.toml",
        "[corpus]\npaths = [\"nothere.txt\"]\n",
    );
    tmp.write(
        "undecodable/claims.toml",
        "[corpus]\npaths = [\"bad.txt\"]\n",
    );
    tmp.write("undecodable/bad.txt", NOT_UTF8);
    tmp.write("noglob/claims.toml", "[corpus]\npaths = [\"arts/*.md\"]\n");
    tmp.write("noglob/arts/a.txt", GOOD);

    for format in ["table", "json", "jsonl"] {
        Test::new()
            .current_dir(tmp.path().join("missing"))
            .args(["extract", "--format", format])
            .run()
            .code(2)
            .stdout_is("")
            .stderr_starts(&format!(
                "error: no readable source: {}: ",
                shown(".", "nothere.txt")
            ))
            .stderr_one_line();
    }
    Test::new()
        .current_dir(tmp.path().join("undecodable"))
        .arg("extract")
        .run()
        .check(
            2,
            Some(""),
            Some(&format!(
                "error: no readable source: {}:2:16: invalid UTF-8 at byte offset 25\n",
                shown(".", "bad.txt")
            )),
        );
    Test::new()
        .current_dir(tmp.path().join("noglob"))
        .arg("extract")
        .run()
        .check(
            2,
            Some(""),
            Some(&format!(
                "error: no readable source: {}: no article file matches this glob\n",
                shown(".", "arts/*.md")
            )),
        );
}

#[test]
fn stdin_is_read_with_its_stdin_name_as_source_id() {
    let wire = fs::read_to_string(Path::new(MANIFEST_DIR).join("tests/fixtures/wire.txt")).unwrap();
    let out = Test::new()
        .args(["extract", "--format", "json", "-", "--stdin-name", "wire"])
        .stdin(&wire)
        .run();
    out.check(0, None, Some(""));
    let doc = out.json();
    assert_eq!(doc["sources"][0]["id"], "wire");
    assert_eq!(doc["sources"][0]["path"], "wire");
    let claims = doc["claims"].as_array().unwrap();
    assert!(claims.len() >= 5, "{claims:?}");
    for (n, c) in claims.iter().enumerate() {
        assert_eq!(c["source"], "wire");
        assert_eq!(c["id"], format!("wire#{}", n + 1));
    }
    check_spans(&doc, &|_| wire.clone());

    // Without --stdin-name the source is `stdin`.
    Test::new()
        .args(["extract", "-"])
        .stdin(GOOD)
        .run()
        .check(0, None, Some(""))
        .stdout_has("stdin: 1 claims");
    // Bad bytes on stdin are reported under its name.
    Test::new()
        .args(["extract", "-", "--stdin-name", "wire"])
        .stdin(b"a\xFFb")
        .run()
        .check(
            2,
            Some(""),
            Some("error: no readable source: wire:1:2: invalid UTF-8 at byte offset 1\n"),
        );
}

// ---------------------------------------------------------------------------------------------
// claims.toml
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_key_is_an_error_with_position_and_did_you_mean() {
    let tmp = TempDir::new("unknown-key");
    tmp.write("a.txt", GOOD);
    tmp.write(
        "claims.toml",
        "[corpus]\npaths = [\"a.txt\"]\n\n[match]\naprox_tolerance = 0.2\n",
    );
    let want = "error: claims.toml:5:1: unknown key `aprox_tolerance` (did you mean \
                `approx_tolerance`?)\n";
    // Discovered in the current folder, and named with --config: same message.
    tmp.claims()
        .arg("extract")
        .run()
        .check(2, Some(""), Some(want));
    tmp.claims()
        .args(["--config", "claims.toml", "extract", "a.txt"])
        .run()
        .check(2, Some(""), Some(want));

    // In a table and at the top level, with the key's own position.
    tmp.write("source.toml", "[[source]]\nid = \"a\"\noutlett = \"x\"\n");
    tmp.claims()
        .args(["--config", "source.toml", "extract", "a.txt"])
        .run()
        .check(
            2,
            Some(""),
            Some("error: source.toml:3:1: unknown key `outlett` (did you mean `outlet`?)\n"),
        );
    tmp.write("top.toml", "[corpos]\npaths = []\n");
    // With nothing close enough to suggest, the keys that are allowed.
    tmp.write("far.toml", "[corpus]\nzzz = 1\n");
    tmp.claims()
        .args(["--config", "far.toml", "extract", "a.txt"])
        .run()
        .check(
            2,
            Some(""),
            Some("error: far.toml:2:1: unknown key `zzz`; expected one of: paths\n"),
        );
    tmp.claims()
        .args(["--config", "top.toml", "extract", "a.txt"])
        .run()
        .check(
            2,
            Some(""),
            Some("error: top.toml:1:2: unknown key `corpos` (did you mean `corpus`?)\n"),
        );
}

#[test]
fn wrong_type_is_an_error_with_position() {
    let tmp = TempDir::new("wrong-type");
    tmp.write("a.txt", GOOD);
    tmp.write("claims.toml", "[match]\napprox_tolerance = \"wide\"\n");
    tmp.claims()
        .args(["extract", "a.txt"])
        .run()
        .code(2)
        .stdout_is("")
        .stderr_starts("error: claims.toml:2:20: ")
        .stderr_has("\"wide\"")
        .stderr_has("invalid type")
        .stderr_one_line();
    // Right type, out of range: our own check, at the key.
    tmp.write("claims.toml", "[match]\napprox_tolerance = 1.5\n");
    tmp.claims().args(["extract", "a.txt"]).run().check(
        2,
        Some(""),
        Some(
            "error: claims.toml:2:1: `match.approx_tolerance` = 1.5 is outside its meaningful \
             range, 0 to 0.5: a wider margin makes \"about 100\" agree with nearly any value\n",
        ),
    );
}

#[test]
fn bad_published_date_is_an_error_with_position() {
    let tmp = TempDir::new("bad-published");
    tmp.write("a.txt", GOOD);
    tmp.write(
        "claims.toml",
        "[[source]]\nid = \"a\"\nfile = \"a.txt\"\npublished = \"last week\"\n",
    );
    tmp.claims().args(["extract", "a.txt"]).run().check(
        2,
        Some(""),
        Some(
            "error: claims.toml:4:1: source `a`: `published` must be a date like 2023-10-13 \
             (or a month, \"2023-10\")\n",
        ),
    );
    // Not a date even to the TOML parser: the position of the value.
    tmp.write(
        "claims.toml",
        "[[source]]\nid = \"a\"\npublished = 2023-13-45\n",
    );
    tmp.claims()
        .args(["extract", "a.txt"])
        .run()
        .code(2)
        .stdout_is("")
        .stderr_starts("error: claims.toml:3:13: ")
        .stderr_one_line();
}

#[test]
fn missing_config_file_is_an_error() {
    let tmp = TempDir::new("no-config");
    tmp.write("a.txt", GOOD);
    tmp.claims()
        .args(["--config", "nope.toml", "extract", "a.txt"])
        .run()
        .code(2)
        .stdout_is("")
        .stderr_starts("error: nope.toml: cannot read: ")
        .stderr_one_line();
}

#[test]
fn missing_corpus_path_is_an_error_naming_it() {
    let tmp = TempDir::new("corpus-missing");
    tmp.write("arts/a.txt", GOOD);
    tmp.write(
        "claims.toml",
        "[corpus]\npaths = [\"arts\", \"nothere.txt\"]\n",
    );
    let out = tmp.claims().args(["extract", "--format", "jsonl"]).run();
    out.code(2)
        .stderr_starts(&format!("error: {}: ", shown(".", "nothere.txt")))
        .stderr_one_line();
    // The readable part of the corpus is still reported.
    assert_eq!(out.jsonl_claims(), pairs(&[("a", "More than 4,500")]));
}

#[test]
fn no_input_and_no_corpus_is_a_usage_error() {
    Test::new().arg("extract").run().check(
        2,
        Some(""),
        Some("error: no input: name files or folders, or give claims.toml a [corpus] with paths\n"),
    );
}

#[test]
fn config_is_discovered_from_a_subfolder_and_paths_resolve_against_its_folder() {
    let tmp = TempDir::new("discovery");
    tmp.write("proj/arts/a.txt", GOOD);
    tmp.write(
        "proj/claims.toml",
        "[corpus]\npaths = [\"arts\"]\n\n[[source]]\nid = \"alpha\"\nfile = \"arts/a.txt\"\n\
         outlet = \"Wire\"\npublished = 2023-10-13\n",
    );
    let deep = tmp.mkdir("proj/sub/deep");

    // No paths: the parent's [corpus], resolved against the parent's folder.
    let out = Test::new()
        .current_dir(&deep)
        .args(["extract", "--format", "json"])
        .run();
    out.check(0, None, Some(""));
    let doc = out.json();
    let source = &doc["sources"][0];
    assert_eq!(doc["sources"].as_array().unwrap().len(), 1);
    assert_eq!(source["id"], "alpha");
    assert_eq!(source["outlet"], "Wire");
    assert_eq!(source["published"], "2023-10-13");
    assert_eq!(source["published_from"], "config");
    assert_eq!(doc["claims"][0]["id"], "alpha#1");

    // A path named relative to the current folder still finds its [[source]] metadata.
    let out = Test::new()
        .current_dir(&deep)
        .args(["extract", "--format", "jsonl", "../../arts/a.txt"])
        .run();
    out.check(0, None, Some(""));
    assert_eq!(out.jsonl_claims(), pairs(&[("alpha", "More than 4,500")]));

    // The nearest claims.toml wins.
    tmp.write("proj/sub/claims.toml", "[corpus]\npaths = [\"local\"]\n");
    tmp.write("proj/sub/local/b.txt", GOOD);
    let out = Test::new()
        .current_dir(&deep)
        .args(["extract", "--format", "jsonl"])
        .run();
    out.check(0, None, Some(""));
    assert_eq!(out.jsonl_sources(), ["b"]);

    // --config from elsewhere: its paths resolve against its own folder, not the current one.
    let out = tmp
        .claims()
        .args([
            "--config",
            "proj/claims.toml",
            "extract",
            "--format",
            "jsonl",
        ])
        .run();
    out.check(0, None, Some(""));
    assert_eq!(out.jsonl_sources(), ["alpha"]);
}

#[test]

fn source_ids_do_not_depend_on_the_current_folder() {
    let tmp = TempDir::new("ids-cwd");
    tmp.write("proj/arts/x/a.txt", GOOD);
    tmp.write("proj/arts/y/a.txt", GOOD);
    tmp.write("proj/claims.toml", "[corpus]\npaths = [\"arts\"]\n");
    let sub = tmp.mkdir("proj/sub");
    let want = ["arts/x/a", "arts/y/a"];
    for (dir, config) in [
        (tmp.path().join("proj"), None),
        (sub, None),
        (tmp.path().to_path_buf(), Some("proj/claims.toml")),
    ] {
        let mut test = Test::new().current_dir(&dir);
        if let Some(c) = config {
            test = test.args(["--config", c]);
        }
        let out = test.args(["extract", "--format", "jsonl"]).run();
        out.check(0, None, Some(""));
        assert_eq!(out.jsonl_sources(), want, "run in {}", dir.display());
    }
}

#[test]

fn duplicate_source_ids_in_config_are_an_error() {
    let tmp = TempDir::new("dup-ids");
    tmp.write("a.txt", GOOD);
    tmp.write("b.txt", GOOD);
    tmp.write(
        "claims.toml",
        "[[source]]\nid = \"x\"\nfile = \"a.txt\"\n\n[[source]]\nid = \"x\"\nfile = \"b.txt\"\n",
    );
    tmp.claims()
        .args(["extract", "a.txt", "b.txt"])
        .run()
        .code(2)
        .stdout_is("")
        .stderr_starts("error: claims.toml:6:")
        .stderr_has("x");
}

#[test]

fn source_metadata_goes_only_to_its_own_file() {
    let tmp = TempDir::new("meta-by-id");
    tmp.write("a.txt", GOOD);
    tmp.write("b.txt", GOOD);
    tmp.write(
        "claims.toml",
        "[[source]]\nid = \"b\"\nfile = \"a.txt\"\noutlet = \"Outlet A\"\n",
    );
    let out = tmp
        .claims()
        .args(["extract", "--format", "json", "a.txt", "b.txt"])
        .run();
    out.check(0, None, Some(""));
    let doc = out.json();
    let sources: Vec<(String, Value)> = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (str_of(&s["path"]), s["outlet"].clone()))
        .collect();
    assert_eq!(
        sources,
        [
            ("a.txt".to_string(), Value::from("Outlet A")),
            ("b.txt".to_string(), Value::Null)
        ]
    );
    let ids: BTreeSet<String> = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| str_of(&s["id"]))
        .collect();
    assert_eq!(ids.len(), 2, "source ids must be unique: {ids:?}");
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/// The decoded text of a bundled corpus source, by the `path` the JSON gives (relative to the
/// crate's folder).
fn corpus_text(doc: &Value, id: &str) -> String {
    let source = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no source {id}"));
    fs::read_to_string(Path::new(MANIFEST_DIR).join(str_of(&source["path"]))).unwrap()
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect()
}

#[track_caller]
fn assert_has_keys(v: &Value, want: &[&str], what: &str) {
    let have = keys(v);
    let missing: Vec<&&str> = want.iter().filter(|k| !have.contains(**k)).collect();
    assert!(missing.is_empty(), "{what}: missing {missing:?} in {v}");
}

#[test]
fn json_has_the_documented_shape() {
    let out = Test::in_repo().args(["extract", "--format", "json"]).run();
    out.check(0, None, Some(""));
    let doc = out.json();
    assert_eq!(
        keys(&doc),
        BTreeSet::from([
            "schema_version",
            "tool",
            "sources",
            "claims",
            "skipped",
            "errors"
        ])
    );
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["tool"]["name"], "claims");
    assert_eq!(doc["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(doc["skipped"], serde_json::json!([]));
    assert_eq!(doc["errors"], serde_json::json!([]));

    let sources = doc["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 5);
    for s in sources {
        assert_has_keys(
            s,
            &[
                "id",
                "path",
                "outlet",
                "published",
                "url",
                "bytes",
                "claims",
            ],
            "source",
        );
    }
    // Metadata from claims.toml reaches the export.
    assert_eq!(sources[0]["id"], "000_39325c9a37323967");
    assert_eq!(sources[0]["outlet"], "The Moscow Times");
    assert_eq!(sources[0]["published"], "2023-10-13");

    let claims = doc["claims"].as_array().unwrap();
    assert!(claims.len() > 20, "only {} claims", claims.len());
    let mut ids = BTreeSet::new();
    for c in claims {
        assert_has_keys(
            c,
            &[
                "id",
                "source",
                "span",
                "text",
                "sentence",
                "kind",
                "value",
                "bounds",
                "unit",
                "qualifier",
                "subject",
            ],
            "claim",
        );
        assert_has_keys(&c["span"], &["start", "end", "line", "column"], "span");
        assert_has_keys(&c["sentence"], &["start", "end"], "sentence");
        assert_has_keys(&c["value"], &["lo", "hi"], "value");
        assert_has_keys(&c["bounds"], &["lo", "hi"], "bounds");
        assert_has_keys(&c["subject"], &["phrase", "terms"], "subject");
        assert!(c["subject"]["terms"].is_array());
        assert!(c["unit"].is_string() && c["qualifier"].is_string() && c["kind"].is_string());
        // Ids are stable within a run: source id + ordinal, unique.
        let id = str_of(&c["id"]);
        assert!(
            id.starts_with(&format!("{}#", str_of(&c["source"]))),
            "{id}"
        );
        assert!(ids.insert(id.clone()), "duplicate id {id}");
    }
    // Every source's claim count matches the claims listed for it.
    for s in sources {
        let n = claims.iter().filter(|c| c["source"] == s["id"]).count();
        assert_eq!(s["claims"], n, "claims count of {}", s["id"]);
    }
}

#[test]
fn every_claim_text_is_the_source_text_at_its_span() {
    let out = Test::in_repo().args(["extract", "--format", "json"]).run();
    out.check(0, None, Some(""));
    let doc = out.json();
    let checked = check_spans(&doc, &|id| corpus_text(&doc, id));
    assert!(checked > 20);
}

/// A claim of a JSON document as its claim line says it (the README's rules): no `source`,
/// positions as byte offsets, and each field at its default left out.
fn claim_line(c: &Value) -> Value {
    let offsets = |s: &Value| serde_json::json!({"start": s["start"], "end": s["end"]});
    let mut c = c.as_object().unwrap().clone();
    c.remove("source");
    c["span"] = offsets(&c["span"]);
    c["sentence"] = offsets(&c["sentence"]);
    if c["bounds"] == c["value"] {
        c.remove("bounds");
    }
    let w = &c["written"];
    if w["lo"] == c["value"]["lo"] && w["hi"] == c["value"]["hi"] && w["unit"] == c["unit"] {
        c.remove("written");
    }
    let defaults = [
        ("unit", Value::from("")),
        ("qualifier", Value::from("exact")),
        ("change", Value::from("none")),
        ("date", Value::Null),
        ("flags", serde_json::json!([])),
        ("equivalent", Value::Null),
        ("derived", Value::Null),
    ];
    for (k, v) in defaults {
        if c[k] == v {
            c.remove(k);
        }
    }
    let empty = |v: &Value| {
        v.is_null() || v == "" || v == &serde_json::json!([]) || v == &Value::Bool(false)
    };
    for k in ["subject", "measure", "date"] {
        if let Some(o) = c.get_mut(k).and_then(Value::as_object_mut) {
            o.retain(|_, v| !empty(v));
        }
    }
    if let Some(e) = c.get_mut("equivalent") {
        e["span"] = offsets(&e["span"]);
    }
    Value::Object(c)
}

#[test]
fn jsonl_lines_each_have_a_type_and_data_and_match_the_json() {
    let lines = Test::in_repo().args(["extract", "--format", "jsonl"]).run();
    lines.check(0, None, Some(""));
    let lines = lines.jsonl();
    // The lines stream each source as it is extracted, so they hold what a read of that article
    // alone gives (the years other articles give an undated one's dates are `compare`'s): the
    // JSON document of each source read alone, record for record. Each source with its claims,
    // each sentence's text once before its first claim (the seed's sentences are all short, so
    // the document carries them whole too), and `text` lines for the rest of its text; then
    // skipped, then errors.
    let paths: Vec<String> = lines
        .iter()
        .filter(|(t, _)| t == "source")
        .map(|(_, d)| str_of(&d["path"]))
        .collect();
    assert_eq!(paths.len(), 5);
    let mut want = Vec::new();
    let mut texts = Vec::new();
    for path in &paths {
        let json = Test::in_repo()
            .args(["extract", "--format", "json", path])
            .run();
        json.check(0, None, Some(""));
        let doc = json.json();
        let source = &doc["sources"][0];
        want.push(("source".to_string(), source.clone()));
        let mut said = BTreeSet::new();
        for c in doc["claims"].as_array().unwrap() {
            let s = &c["sentence"];
            if said.insert(s["start"].as_u64()) {
                let line = serde_json::json!({
                    "source": source["id"],
                    "start": s["start"],
                    "end": s["end"],
                    "text": s["text"],
                });
                want.push(("sentence".to_string(), line));
            }
            want.push(("claim".to_string(), claim_line(c)));
        }
        texts.push((
            str_of(&source["id"]),
            corpus_text(&doc, &str_of(&source["id"])),
        ));
    }
    // The sentence and text lines of a source tile its text, in order.
    for (id, text) in &texts {
        let mut at = 0;
        let mut parts = String::new();
        for (t, d) in &lines {
            if (t == "text" || t == "sentence") && d["source"] == id.as_str() {
                assert_eq!(d["start"].as_u64(), Some(at as u64), "{id}: a gap at {at}");
                let part = str_of(&d["text"]);
                at += part.len();
                parts.push_str(&part);
            }
        }
        assert!(parts == *text, "{id}: the lines do not give back the text");
    }
    let lines: Vec<(String, Value)> = lines.into_iter().filter(|(t, _)| t != "text").collect();
    assert_eq!(lines, want);
}

#[test]
fn extract_kind_keeps_only_claims_of_the_named_kinds_and_lists_every_source() {
    let out = Test::in_repo()
        .args(["extract", "--format", "json", "--kind", "money"])
        .run();
    out.check(0, None, Some(""));
    let doc = out.json();
    let claims = doc["claims"].as_array().unwrap();
    assert!(!claims.is_empty());
    assert!(claims.iter().all(|c| c["kind"] == "money"), "{claims:?}");
    // All sources are still listed; their counts follow the filter.
    assert_eq!(doc["sources"].as_array().unwrap().len(), 5);
    let total: u64 = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["claims"].as_u64().unwrap())
        .sum();
    assert_eq!(total as usize, claims.len());

    // Repeated --kind is a union.
    let out = Test::new()
        .args([
            "extract", "--format", "jsonl", "--kind", "money", "--kind", "percent",
        ])
        .args(["-", "--stdin-name", "wire"])
        .stdin(fs::read(Path::new(MANIFEST_DIR).join("tests/fixtures/wire.txt")).unwrap())
        .run();
    out.check(0, None, Some(""));
    let kinds: BTreeSet<String> = out
        .jsonl()
        .into_iter()
        .filter(|(t, _)| t == "claim")
        .map(|(_, d)| str_of(&d["kind"]))
        .collect();
    assert_eq!(
        kinds,
        BTreeSet::from(["money".to_string(), "percent".to_string()])
    );
    // The table says how many claims are left.
    Test::new()
        .args(["extract", "--kind", "distance", "-"])
        .stdin(GOOD)
        .run()
        .check(0, Some("stdin: 0 claims\n"), Some(""));
}

#[test]
fn usage_errors_exit_2_with_clap_messages() {
    let tmp = TempDir::new("usage");
    tmp.write("a.txt", GOOD);
    tmp.claims()
        .args(["extract", "--format", "xml", "a.txt"])
        .run()
        .code(2)
        .stdout_is("")
        .stderr_starts("error: invalid value 'xml' for '--format <FORMAT>'\n")
        .stderr_has("[possible values: table, json, jsonl]");
    tmp.claims()
        .args(["extract", "--kind", "bogus", "a.txt"])
        .run()
        .code(2)
        .stdout_is("")
        .stderr_starts(
            "error: invalid value 'bogus' for '--kind <KIND>': unknown kind `bogus`; \
             expected one of: count, money, percent,",
        );
    tmp.claims()
        .args(["extract", "--colour", "a.txt"])
        .run()
        .code(2)
        .stdout_is("")
        .stderr_has("unexpected argument '--colour'");
    tmp.claims()
        .args(["-q", "-v", "extract", "a.txt"])
        .run()
        .code(2)
        .stdout_is("")
        .stderr_has("cannot be used with");
    // No command at all: usage on stderr.
    Test::new()
        .run()
        .code(2)
        .stdout_is("")
        .stderr_has("Usage: claims");
}

#[test]
fn help_and_version_exit_0_on_stdout() {
    Test::new()
        .arg("--help")
        .run()
        .check(0, None, Some(""))
        .stdout_has("Usage: claims")
        .stdout_has("extract");
    Test::new()
        .args(["extract", "--help"])
        .run()
        .check(0, None, Some(""))
        .stdout_has("--format <FORMAT>")
        .stdout_has("--kind <KIND>")
        .stdout_has("--stdin-name <ID>");
    Test::new().arg("--version").run().check(
        0,
        Some(&format!("claims {}\n", env!("CARGO_PKG_VERSION"))),
        Some(""),
    );
}

#[test]
fn no_ansi_escapes_with_no_color_or_without_a_terminal() {
    let tmp = TempDir::new("no-color");
    tmp.write("a.txt", GOOD);
    tmp.write("bad.txt", NOT_UTF8);
    let runs = [
        tmp.claims()
            .env("NO_COLOR", "1")
            .args(["extract", "a.txt", "bad.txt"])
            .run(),
        tmp.claims().args(["extract", "a.txt", "bad.txt"]).run(),
        tmp.claims()
            .args(["--color", "never", "extract", "a.txt", "bad.txt"])
            .run(),
        tmp.claims()
            .env("NO_COLOR", "1")
            .args(["extract", "--kind", "nope"])
            .run(),
    ];
    for out in &runs {
        if out.stdout.contains('\x1b') || out.stderr.contains('\x1b') {
            out.fail("ANSI escape in the output");
        }
    }
    runs[0]
        .code(2)
        .stdout_has("a: 1 claims")
        .stdout_has("More than 4,500");
    // The table is the same with and without NO_COLOR when stdout is not a terminal.
    assert_eq!(runs[0].stdout, runs[1].stdout);
    assert_eq!(runs[0].stdout, runs[2].stdout);
}

#[test]
fn broken_pipe_exits_0_quietly() {
    let tmp = TempDir::new("broken-pipe");
    // Enough claims that the report is far larger than a pipe's buffer.
    let sentence = "The ministry said 4,500 officers and about 20 km of road cost $5 billion. ";
    let line = format!("{}\n", sentence.repeat(10));
    tmp.write("big.txt", line.repeat(60));
    for format in ["json", "jsonl", "table"] {
        let mut child = Test::new()
            .command(tmp.path())
            .args(["extract", "--format", format, "big.txt"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        stdout.read_line(&mut first).unwrap();
        assert!(!first.is_empty(), "{format}: no output");
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: exit status {:?}, stderr: {stderr}",
            out.status
        );
        assert_eq!(stderr, "", "{format}: a closed pipe is not worth a message");
    }
}

/// A pipe on stdout is widened to 1 MiB (Linux), so `extract --format jsonl` does not wait for
/// its reader every 64 KB; the output through it is whole. A file on stdout is left alone.
#[cfg(target_os = "linux")]
#[test]
fn a_pipe_on_stdout_is_widened_and_a_file_is_left_alone() {
    use std::io::Read;
    let tmp = TempDir::new("wide-pipe");
    tmp.write("a.txt", "The ministry said 4,500 officers were deployed.\n");
    let mut child = Test::new()
        .command(tmp.path())
        .args(["extract", "--format", "jsonl", "a.txt"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let before = rustix::pipe::fcntl_getpipe_size(&stdout).unwrap();
    let mut lines = String::new();
    stdout.read_to_string(&mut lines).unwrap();
    let after = rustix::pipe::fcntl_getpipe_size(&stdout).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(lines.contains("4,500") && lines.ends_with("}\n"), "{lines}");
    // The system may cap pipes lower than 1 MiB; then the pipe keeps what it had.
    let cap: usize = std::fs::read_to_string("/proc/sys/fs/pipe-max-size")
        .map_or(1 << 20, |s| s.trim().parse().unwrap_or(1 << 20));
    let want = if cap >= 1 << 20 { 1 << 20 } else { before };
    assert_eq!(after, want, "pipe of {before} bytes, cap {cap}");

    let file = tmp.path().join("out.jsonl");
    let status = Test::new()
        .command(tmp.path())
        .args(["extract", "--format", "jsonl", "a.txt"])
        .stdout(std::fs::File::create(&file).unwrap())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), lines);
}

#[test]
fn extract_json_is_the_same_bytes_on_every_run() {
    let runs: Vec<Output> = (0..2)
        .map(|_| Test::in_repo().args(["extract", "--format", "json"]).run())
        .collect();
    runs[0].check(0, None, Some(""));
    assert!(
        runs[0].stdout == runs[1].stdout,
        "two runs of extract --format json differ"
    );
}

// ---------------------------------------------------------------------------------------------
// Golden outputs (see the top of this file for how to update them)
// ---------------------------------------------------------------------------------------------

fn golden_case(format: &str, file: &str) {
    let out = Test::in_repo().args(["extract", "--format", format]).run();
    out.check(0, None, Some(""));
    golden(file, &out.stdout);
}

#[test]
fn golden_extract_table() {
    golden_case("table", "extract.table.txt");
}

#[test]
fn golden_extract_json() {
    golden_case("json", "extract.json");
}

#[test]
fn golden_extract_jsonl() {
    golden_case("jsonl", "extract.jsonl");
}

// ---------------------------------------------------------------------------------------------
// compare and show
// ---------------------------------------------------------------------------------------------

fn compare_golden(args: &[&str], file: &str) {
    let out = Test::in_repo()
        .arg("compare")
        .args(args.iter().copied())
        .run();
    out.check(0, None, Some(""));
    golden(file, &out.stdout);
}

#[test]
fn golden_compare_table() {
    compare_golden(&[], "compare.table.txt");
}

#[test]
fn golden_compare_markdown() {
    compare_golden(&["--format", "markdown"], "compare.md");
}

#[test]
fn golden_compare_json() {
    compare_golden(&["--format", "json"], "compare.json");
}

#[test]
fn golden_compare_csv() {
    compare_golden(&["--format", "csv"], "compare.csv");
}

#[test]
fn golden_compare_html() {
    compare_golden(&["--format", "html"], "compare.html");
}

/// Id of the first group with this verdict in the bundled corpus's compare JSON.
fn first_group(verdict: &str) -> String {
    let out = Test::in_repo()
        .args(["compare", "--all", "--format", "json"])
        .run();
    out.check(0, None, Some(""));
    let doc = out.json();
    doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["verdict"] == verdict)
        .map(|g| str_of(&g["id"]))
        .unwrap_or_else(|| panic!("no {verdict} group"))
}

#[test]
fn golden_show_conflict() {
    let id = first_group("conflict");
    let out = Test::in_repo().args(["show", &id]).run();
    out.check(0, None, Some(""));
    golden("show.conflict.txt", &out.stdout);
}

#[test]
fn compare_reports_and_exits_zero_unless_asked() {
    let out = Test::in_repo().arg("compare").run();
    out.code(0)
        .stdout_has("conflict")
        .stdout_has("single-source");
    Test::in_repo()
        .args(["compare", "--exit-code"])
        .run()
        .code(1)
        .stderr_is("");
    // No conflict shown, no finding.
    Test::in_repo()
        .args(["compare", "--exit-code", "--only", "agree"])
        .run()
        .code(0);
    Test::in_repo()
        .args(["compare", "--exit-code", "--kind", "count"])
        .run()
        .code(0);
}

#[test]
fn compare_filters_by_verdict_kind_and_sources() {
    let doc = |args: &[&str]| {
        let out = Test::in_repo()
            .args(["compare", "--format", "json"])
            .args(args.iter().copied())
            .run();
        out.check(0, None, Some(""));
        out.json()
    };
    let only = doc(&["--only", "conflict"]);
    let groups = only["groups"].as_array().unwrap();
    assert!(!groups.is_empty());
    assert!(groups.iter().all(|g| g["verdict"] == "conflict"));
    let kinds = doc(&["--kind", "date"]);
    assert!(
        kinds["groups"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["kind"] == "date")
    );
    let default = doc(&[]);
    assert!(
        default["groups"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["sources"].as_array().unwrap().len() >= 2)
    );
    let all = doc(&["--all"]);
    let n_all = all["groups"].as_array().unwrap().len();
    assert_eq!(
        n_all,
        doc(&["--min-sources", "1"])["groups"]
            .as_array()
            .unwrap()
            .len()
    );
    assert!(n_all > default["groups"].as_array().unwrap().len());
    // Every claim is in exactly one group when all are shown.
    let mut seen = BTreeSet::new();
    for g in all["groups"].as_array().unwrap() {
        for id in g["claim_ids"].as_array().unwrap() {
            assert!(seen.insert(str_of(id)), "claim {id} in two groups");
        }
    }
    assert_eq!(seen.len(), all["claims"].as_array().unwrap().len());
}

#[test]
fn compare_is_deterministic_and_independent_of_input_order() {
    let ids = [
        "corpus/000_39325c9a37323967.txt",
        "corpus/001_e813ee348409d74f.txt",
        "corpus/002_66c81adcedb12ad6.txt",
        "corpus/003_db096c9901c0e0ce.txt",
        "corpus/004_ccd57c960e5e7f8f.txt",
    ];
    let run = |paths: &[&str]| {
        let out = Test::in_repo()
            .args(["compare", "--all", "--format", "json"])
            .args(paths.iter().copied())
            .run();
        out.check(0, None, Some(""));
        out.stdout.clone()
    };
    let forward = run(&ids);
    assert_eq!(forward, run(&ids), "same input, same bytes");
    let mut reversed = ids;
    reversed.reverse();
    let groups = |s: &str| -> Value {
        let v: Value = serde_json::from_str(s).unwrap();
        v["groups"].clone()
    };
    assert_eq!(groups(&forward), groups(&run(&reversed)));
}

#[test]
fn show_unknown_group_is_a_usage_error() {
    Test::in_repo()
        .args(["show", "g99999"])
        .run()
        .code(2)
        .stdout_is("")
        .stderr_starts("error: no group `g99999`");
}

#[test]
fn compare_json_round_trips_through_its_wire_structs() {
    let out = Test::in_repo()
        .args(["compare", "--all", "--format", "json"])
        .run();
    out.check(0, None, Some(""));
    let doc: claims::report::wire::CompareDoc = serde_json::from_str(&out.stdout).unwrap();
    let again = serde_json::to_string_pretty(&doc).unwrap() + "\n";
    assert_eq!(again, out.stdout);
    let s = doc.summary;
    let counted = doc.groups.iter().filter(|g| g.verdict != "single").count();
    assert_eq!(s.facts, counted);
    assert_eq!(s.facts, s.agree + s.compatible + s.conflict);
}

/// An article that gives no date takes the year of its dates from the other articles of the
/// corpus (they report one event): here from the date another's own address files it under,
/// so its wire dateline becomes its publication date. A corpus whose dates lie years apart
/// holds several stories, and no year is guessed. `extract --format jsonl` streams each article
/// as its own text dates it; `compare --claims` on those lines gives the event's years then,
/// as a read of the articles does.
#[test]
fn undated_articles_take_the_year_of_the_event() {
    let tmp = TempDir::new("event-year");
    tmp.write(
        "a.txt",
        "Moon landing\n\nThe lander touched down on Wednesday.\n\nOriginal url: https://site.example/news/2023/08/24/landing\n",
    );
    tmp.write(
        "b.txt",
        "Budget landing\n\nBENGALURU, Aug. 23 (PTI) -- The mission was launched on July 14 from Sriharikota.\n",
    );
    // The date claims of source b in a JSON document, and its source's date.
    type Dates = (Vec<(String, String, String)>, (String, String));
    let of_b = |doc: &Value| -> Dates {
        let claims = doc["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v["kind"] == "date" && v["source"] == "b")
            .map(|v| {
                (
                    str_of(&v["text"]),
                    str_of(&v["value"]["lo"]),
                    str_of(&v["date"]["resolution"]),
                )
            })
            .collect();
        let b = doc["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["id"] == "b")
            .unwrap();
        let or_none = |v: &Value| v.as_str().unwrap_or("none").to_string();
        (
            claims,
            (or_none(&b["published"]), or_none(&b["published_from"])),
        )
    };
    let dates = |files: &[&str]| -> Dates {
        let mut args = vec!["extract", "--format", "json"];
        args.extend(files);
        let out = tmp.claims().args(args).run();
        out.check(0, None, Some(""));
        of_b(&out.json())
    };
    let event = |text: &str, lo: &str| (text.to_string(), lo.to_string(), "event".to_string());
    let dated = (
        vec![
            event("Aug. 23", "2023-08-23"),
            event("July 14", "2023-07-14"),
        ],
        ("2023-08-23".to_string(), "dateline".to_string()),
    );
    assert_eq!(dates(&["a.txt", "b.txt"]), dated);
    // The map step leaves them; the reduce step gives them, as compare on the articles does.
    let lines = tmp
        .claims()
        .args(["extract", "--format", "jsonl", "a.txt", "b.txt"])
        .run();
    lines.check(0, None, Some(""));
    let streamed: Vec<String> = lines
        .jsonl()
        .into_iter()
        .filter(|(t, v)| t == "claim" && v["kind"] == "date" && line_source(v) == "b")
        .map(|(_, v)| str_of(&v["date"]["resolution"]))
        .collect();
    assert!(streamed.iter().all(|r| r != "event"), "{streamed:?}");
    let claims = tmp.write("claims.jsonl", &lines.stdout);
    let reduced = tmp
        .claims()
        .args(["compare", "--all", "--format", "json", "--claims"])
        .arg(&claims)
        .run();
    reduced.check(0, None, Some(""));
    assert_eq!(of_b(&reduced.json()), dated);
    let direct = tmp
        .claims()
        .args(["compare", "--all", "--format", "json", "a.txt", "b.txt"])
        .run();
    assert!(direct.stdout == reduced.stdout);
    // An address that gives only the month dates its article among the others too: the claims
    // lines carry the text it is in, so the reduce step sees it.
    tmp.write(
        "a.txt",
        "Moon landing\n\nThe lander touched down.\n\nOriginal url: https://site.example/news/2023/08/landing\n",
    );
    let lines = tmp
        .claims()
        .args(["extract", "--format", "jsonl", "a.txt", "b.txt"])
        .run();
    let claims = tmp.write("claims.jsonl", &lines.stdout);
    let reduced = tmp
        .claims()
        .args(["compare", "--all", "--format", "json", "--claims"])
        .arg(&claims)
        .run();
    reduced.check(0, None, Some(""));
    assert_eq!(of_b(&reduced.json()), dated);
    let direct = tmp
        .claims()
        .args(["compare", "--all", "--format", "json", "a.txt", "b.txt"])
        .run();
    assert!(direct.stdout == reduced.stdout);

    tmp.write(
        "c.txt",
        "Old landing\n\nIt failed.\n\nOriginal url: https://site.example/news/2019/09/07/crash\n",
    );
    let (unresolved, _) = dates(&["a.txt", "b.txt", "c.txt"]);
    assert!(
        unresolved.iter().all(|(_, _, r)| r == "unresolved"),
        "{unresolved:?}"
    );
}
