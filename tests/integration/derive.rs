//! Issue 15's fixture through the real binary: `tests/fixtures/derive/` holds four invented
//! articles that plant a misspelled name (Evening Post's "Halvorsson"), a wrong anniversary
//! (Coast Radio's 25th, against Harbour Herald's opening in 2004), a total that does not add
//! up (Coast Radio's 26 foreign guests, listed as 5 + 4×2 + 3) and a near copy (Aggregator
//! Daily of Harbour Herald). All four are found, and nothing else is flagged.

use crate::common::*;

fn fixture() -> Test {
    Test::new().current_dir(format!("{MANIFEST_DIR}/tests/fixtures/derive"))
}

#[test]
fn the_four_planted_errors_are_found_and_nothing_else() {
    let out = fixture().args(["compare", "--format", "json"]).run();
    out.code(0);
    let doc = out.json();
    let claims = doc["claims"].as_array().unwrap();
    let claim = |id: &str| claims.iter().find(|c| c["id"] == id).unwrap();

    // Exactly two conflicts, each with a derived claim, and each the one planted.
    let conflicts: Vec<&Value> = doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["verdict"] == "conflict")
        .collect();
    assert_eq!(conflicts.len(), 2, "{conflicts:#?}");
    let rules: Vec<(String, String)> = conflicts
        .iter()
        .map(|g| {
            let derived = g["claim_ids"]
                .as_array()
                .unwrap()
                .iter()
                .map(|id| claim(id.as_str().unwrap()))
                .find(|c| !c["derived"].is_null())
                .expect("a derived claim in the conflict");
            (
                str_of(&derived["derived"]["rule"]),
                str_of(&derived["derived"]["arithmetic"]),
            )
        })
        .collect();
    assert!(
        rules.contains(&(
            "anniversary".into(),
            "25th anniversary, marked 2024-05-11 → began in 1999".into()
        )),
        "{rules:?}"
    );
    assert!(
        rules.contains(&(
            "total".into(),
            "5 + 4×2 + 3 = 16 (the parts of “26”)".into()
        )),
        "{rules:?}"
    );
    // No other verdict than agree among the rest.
    for g in doc["groups"].as_array().unwrap() {
        let v = str_of(&g["verdict"]);
        assert!(
            ["agree", "conflict", "single"].contains(&v.as_str()),
            "{g:#?}"
        );
    }

    // One name variant: the misspelled director.
    let variants: Vec<&Value> = doc["names"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["verdict"] == "variant")
        .collect();
    assert_eq!(variants.len(), 1, "{variants:#?}");
    assert_eq!(variants[0]["name"], "Ingrid Halvorsen");

    // One copy: Aggregator Daily of Harbour Herald.
    let copies: Vec<(String, String)> = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !s["copies"].is_null())
        .map(|s| (str_of(&s["id"]), str_of(&s["copies"]["source"])))
        .collect();
    assert_eq!(copies, pairs(&[("d", "a")]));
    let carriers = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !s["carries"].as_array().unwrap().is_empty())
        .count();
    assert_eq!(carriers, 0);

    // The gate fails on the two conflicts.
    let check = fixture().args(["check"]).run();
    check.code(1);
    check.stdout_has("2 new, 0 accepted, 0 stale");
}

#[test]
fn check_fails_on_a_name_variant_only_with_deny_variants() {
    Test::in_repo().args(["check"]).run().code(0);
    let out = Test::in_repo().args(["check", "--deny-variants"]).run();
    out.code(1);
    out.stderr_has("error: new name variant v1:")
        .stderr_has("(n4): Temur Umarov (The Moscow Times, IWPR) / Timur Umarov");
    out.stdout_has("0 new, 1 accepted, 0 stale");
}

#[test]
fn the_html_report_shows_each_name_variant_as_a_card() {
    let out = Test::in_repo().args(["compare", "--format", "html"]).run();
    out.code(0);
    let html = &out.stdout;
    let names = html
        .split("<section id=\"names\">")
        .nth(1)
        .expect("a names section");
    assert_eq!(
        names.matches("<article class=\"name v-variant\"").count(),
        2
    );
    assert!(names.contains("id=\"n4\""), "{names}");
    assert!(names.contains("<mark>Timur Umarov</mark>"), "{names}");
    assert!(names.contains("<mark>Temur Umarov</mark>"), "{names}");
    // Each quote's line link points at a line the page carries.
    assert!(
        html.contains("id=\"s1-L19\""),
        "the cited line is on the page"
    );
    // A page filtered to one verdict of facts shows no names.
    let only = Test::in_repo()
        .args(["compare", "--format", "html", "--only", "conflict"])
        .run();
    assert!(!only.stdout.contains("<section id=\"names\">"));
}
