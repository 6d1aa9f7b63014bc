//! Names through the real binary (issue 15): a name one outlet misspells is one name with the
//! verdict `variant` in the export and a line in the table's names section; the negatives, a
//! relative with the same surname but another given name, and a name every outlet spells alike,
//! are no variant.

use crate::common::*;

const FIRST: &str = "Mayor opens new bridge

Mayor Katarzyna Wozniak opened the new river bridge on Monday, after three years of work that \
cost 40 million euros, the city council said.

Her husband, Tomasz Wozniak, who chairs the builders' guild, said 300 workers had taken part. \
Engineer Hugo Brandt designed the span.
";

const SECOND: &str = "Bridge opens after three years

The new river bridge was opened on Monday by Mayor Katarzyna Wozniak, after three years of \
work costing 40 million euros.

Engineer Hugo Brandt, who designed it, said it would carry 20,000 cars a day.
";

/// The same story with the mayor's given name misspelled.
const THIRD: &str = "City celebrates its bridge

Mayor Katarzina Wozniak cut the ribbon on the new river bridge on Monday. The work took three \
years and cost 40 million euros.

Hugo Brandt, the engineer, and Tomasz Wozniak of the builders' guild stood beside her.
";

fn corpus() -> TempDir {
    let tmp = TempDir::new("names");
    let mut toml = String::from("[corpus]\npaths = [\".\"]\n\n");
    for (id, text, outlet) in [
        ("a", FIRST, "City Gazette"),
        ("b", SECOND, "River Radio"),
        ("c", THIRD, "Evening Post"),
    ] {
        tmp.write(&format!("{id}.txt"), text);
        toml.push_str(&format!(
            "[[source]]\nid = \"{id}\"\nfile = \"{id}.txt\"\noutlet = \"{outlet}\"\n\n"
        ));
    }
    tmp.write("claims.toml", toml);
    tmp
}

#[test]
fn a_misspelled_name_is_one_variant_and_look_alikes_are_not() {
    let tmp = corpus();
    let out = tmp.claims().args(["compare", "--format", "json"]).run();
    assert!(matches!(out.code, 0 | 1), "{}", out.stderr);
    let doc = out.json();
    let names = doc["names"].as_array().unwrap();
    let variants: Vec<&Value> = names.iter().filter(|n| n["verdict"] == "variant").collect();
    assert_eq!(variants.len(), 1, "{names:#?}");
    let v = variants[0];
    assert_eq!(v["kind"], "person");
    assert_eq!(v["name"], "Katarzyna Wozniak");
    let spellings: Vec<(&str, &str)> = v["spellings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["source"].as_str().unwrap(), s["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        spellings,
        [
            ("a", "Katarzyna Wozniak"),
            ("b", "Katarzyna Wozniak"),
            ("c", "Katarzina Wozniak")
        ]
    );
    // The span points at the name in the file.
    let s = &v["spellings"][2]["span"];
    let (start, end) = (
        s["start"].as_u64().unwrap() as usize,
        s["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&THIRD[start..end], "Katarzina Wozniak");
    // The husband is another person, spelled alike; the engineer agrees.
    let agree = |name: &str| {
        names
            .iter()
            .any(|n| n["name"] == name && n["verdict"] == "agree")
    };
    assert!(agree("Tomasz Wozniak"), "{names:#?}");
    assert!(agree("Hugo Brandt"), "{names:#?}");

    let table = tmp.claims().args(["compare"]).run();
    let lines: Vec<&str> = table
        .stdout
        .lines()
        .filter(|l| l.contains(" variant: "))
        .collect();
    assert_eq!(
        lines,
        [format!(
            "{} variant: Katarzyna Wozniak (City Gazette, River Radio) / Katarzina Wozniak \
             (Evening Post)",
            v["id"].as_str().unwrap()
        )],
        "{}",
        table.stdout
    );
}
