//! `tests/fixtures/parts/` through the real binary: three invented reports of one acquisition.
//! Two give the price with the restricted stock the first states on its own ($19 billion), one
//! without it ($16 billion). That is two facts, each of which its sources agree on, related to
//! each other; not a contradiction, so the gate passes. (`claims.toml` there names the
//! outlets.)

use crate::common::*;

fn fixture() -> Test {
    Test::new().current_dir(format!("{MANIFEST_DIR}/tests/fixtures/parts"))
}

#[test]
fn figures_that_differ_by_a_stated_part_are_two_related_facts() {
    let out = fixture()
        .args(["compare", "--all", "--format", "json"])
        .run();
    out.code(0);
    let doc = out.json();
    let groups = doc["groups"].as_array().unwrap();
    let group = |id: &str| {
        groups
            .iter()
            .find(|g| g["id"] == id)
            .unwrap_or_else(|| panic!("no group {id}: {groups:#?}"))
    };
    let ids = |g: &Value| -> Vec<String> {
        g["claim_ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(str_of)
            .collect()
    };
    let (with, without) = (group("g1"), group("g1b"));
    assert_eq!(ids(with), ["a-ledger#1", "c-gazette#1"]);
    assert_eq!(str_of(&with["verdict"]), "agree");
    assert!(
        str_of(&with["explanation"]).contains(
            "They count the restricted stock that The Ledger states on its own (“$3 billion”); \
             without it the figure is another fact (g1b)."
        ),
        "{with:#?}"
    );
    assert_eq!(ids(without), ["b-courier#1"]);
    assert!(
        str_of(&without["explanation"]).contains("They leave out the restricted stock"),
        "{without:#?}"
    );
    assert!(
        with["related"]
            .as_array()
            .unwrap()
            .contains(&Value::from("g1b"))
    );
    assert!(
        without["related"]
            .as_array()
            .unwrap()
            .contains(&Value::from("g1"))
    );
    assert!(
        groups.iter().all(|g| g["verdict"] != "conflict"),
        "{groups:#?}"
    );

    // The gate finds no contradiction.
    let check = fixture().arg("check").run();
    check.code(0);
    check.stdout_has("0 new, 0 accepted, 0 stale");
}
