//! Copies through the real binary (issue 15): an article that repeats another is marked in the
//! export's source list, agreement with its original is not counted as independent, and a copy
//! that differs from its (updated) original reads as one origin, not an independent
//! contradiction. The negative: an article of its own on the same event, with the same names
//! and figures in its own words, is no copy and keeps an independent conflict.

use crate::common::*;

/// The original report; `{toll}` is its death toll.
const ORIGINAL: &str = "Floods kill {toll} in river valley

The floods that swept through the Marlow valley on Tuesday killed {toll} people, Governor Ana \
Ruiz of Westmark said on Wednesday, as rescue teams reached villages cut off by the water.

Emergency crews in small boats pulled survivors from rooftops through the night, and the army \
sent helicopters to drop food and drinking water to the worst hit towns.

The river crested at nearly eleven metres, the highest level recorded in a century, after \
three days of heavy rain broke a levee upstream of the main town.

Aid agencies said thousands of families had lost their homes and warned that the risk of \
disease would grow as long as the water stood in the streets.
";

/// Another outlet's own report of the same floods: same names and figures, its own prose.
const OWN: &str = "Valley death toll reaches 1,200

Rescuers in the Marlow valley said on Wednesday that 1,200 people had died in this week's \
floods, a figure Governor Ana Ruiz of Westmark confirmed at an evening briefing.

Helicopters from the army dropped supplies to villages where survivors waited on roofs, while \
volunteers in fishing boats ferried the injured to a field hospital.

Water levels reached close to eleven metres, a record for the century, after a levee gave way \
under days of rain, officials told our reporter.

Relief groups fear outbreaks of disease in flooded neighbourhoods and said many thousands of \
families were now homeless.
";

fn original(toll: &str) -> String {
    ORIGINAL.replace("{toll}", toll)
}

/// The copy: the original of the day before with a new headline.
fn copy(toll: &str) -> String {
    original(toll).replacen(
        &format!("Floods kill {toll} in river valley"),
        &format!("Marlow valley floods: {toll} dead"),
        1,
    )
}

/// A folder with claims.toml naming each (id, text, outlet, published day of March 2024).
fn corpus(tag: &str, sources: &[(&str, &str, &str, u32)]) -> TempDir {
    let tmp = TempDir::new(tag);
    let mut toml = String::from("[corpus]\npaths = [\".\"]\n\n");
    for (id, text, outlet, day) in sources {
        tmp.write(&format!("{id}.txt"), text);
        toml.push_str(&format!(
            "[[source]]\nid = \"{id}\"\nfile = \"{id}.txt\"\noutlet = \"{outlet}\"\n\
             published = 2024-03-{day:02}\n\n"
        ));
    }
    tmp.write("claims.toml", toml);
    tmp
}

fn export(tmp: &TempDir) -> Value {
    let out = tmp.claims().args(["compare", "--format", "json"]).run();
    assert!(matches!(out.code, 0 | 1), "{}", out.stderr);
    out.json()
}

fn source<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no source {id}"))
}

/// The group of the death toll (the fact every article states).
fn toll(doc: &Value) -> &Value {
    doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["label"].as_str().unwrap().starts_with("count: deaths"))
        .unwrap_or_else(|| panic!("no death toll group: {:#}", doc["groups"]))
}

#[test]
fn a_copy_is_marked_and_its_agreement_is_not_independent() {
    let tmp = corpus(
        "copies-agree",
        &[
            ("courier", &original("1,200"), "Valley Courier", 5),
            ("digest", &copy("1,200"), "Daily Digest", 6),
            ("radio", OWN, "River Radio", 6),
        ],
    );
    let doc = export(&tmp);
    let copies = &source(&doc, "digest")["copies"];
    assert_eq!(copies["source"], "courier", "{copies:#}");
    assert_eq!(copies["how"], "near_copy");
    assert!(copies["share"].as_f64().unwrap() > 0.8, "{copies:#}");
    // The original and the article of its own copy nothing.
    for id in ["courier", "radio"] {
        assert_eq!(source(&doc, id)["copies"], Value::Null, "{id}");
        assert_eq!(source(&doc, id)["carries"], serde_json::json!([]), "{id}");
    }
    let g = toll(&doc);
    assert_eq!(g["verdict"], "agree");
    let why = g["explanation"].as_str().unwrap();
    let percent = (copies["share"].as_f64().unwrap() * 100.0).round();
    let expected = format!(
        "3 sources, 2 independent: Daily Digest copies Valley Courier ({percent}% of its text)."
    );
    assert!(why.ends_with(&expected), "{why}");
}

#[test]
fn a_copy_differing_from_its_updated_original_is_one_origin() {
    let tmp = corpus(
        "copies-update",
        &[
            ("courier", &original("1,500"), "Valley Courier", 5),
            ("digest", &copy("1,200"), "Daily Digest", 6),
        ],
    );
    let doc = export(&tmp);
    assert_eq!(source(&doc, "digest")["copies"]["source"], "courier");
    let g = toll(&doc);
    assert_eq!(g["verdict"], "conflict");
    let why = g["explanation"].as_str().unwrap();
    assert!(
        why.contains("The differing sources have one origin (Daily Digest copies Valley Courier"),
        "{why}"
    );
    assert!(why.contains("not an independent contradiction"), "{why}");
}

#[test]
fn an_own_report_with_the_same_names_and_figures_is_no_copy() {
    let tmp = corpus(
        "copies-own",
        &[
            ("courier", &original("1,500"), "Valley Courier", 5),
            ("radio", OWN, "River Radio", 6),
        ],
    );
    let doc = export(&tmp);
    for id in ["courier", "radio"] {
        assert_eq!(source(&doc, id)["copies"], Value::Null, "{id}");
    }
    let g = toll(&doc);
    assert_eq!(g["verdict"], "conflict");
    let why = g["explanation"].as_str().unwrap();
    assert!(
        !why.contains("origin") && !why.contains("independent"),
        "{why}"
    );
}
