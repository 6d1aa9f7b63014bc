//! Unit tests of name finding and grouping: variants found, and the look-alikes that are not.

use super::*;

fn run(texts: &[(&str, &str)]) -> Vec<NameGroup> {
    let texts: Vec<Text> = texts.iter().map(|&(id, text)| Text { id, text }).collect();
    names(&texts, &NameSettings::default())
}

fn found(text: &str) -> Vec<(NameKind, String)> {
    let mut out = Vec::new();
    find(text, &words(text), &NameSettings::default(), &mut out);
    out.into_iter()
        .map(|m| (m.kind, m.words().collect::<Vec<_>>().join(" ")))
        .collect()
}

fn person(s: &str) -> (NameKind, String) {
    (NameKind::Person, s.to_string())
}

#[test]
fn titles_countries_and_possessives_come_off_a_person_s_name() {
    assert_eq!(
        found("Russian President Vladimir Putin's visit was brief."),
        [person("Vladimir Putin")]
    );
    assert_eq!(
        found("He met the Kyrgyz President, Sadyr Japarov, on Thursday."),
        [person("Sadyr Japarov")]
    );
    assert_eq!(
        found("Osama bin Laden was killed in May."),
        [person("Osama bin Laden")]
    );
    // No person: one capitalised word, a place, a month, a headline.
    assert!(found("Putin said so in Central Asia in March.").is_empty());
    assert!(found("the Moscow-led Commonwealth and the Rome Statute.").is_empty());
    assert!(found("Putin Seeks To Restore Influence Among Allies\nText.").is_empty());
}

#[test]
fn organisations_keep_their_joiners() {
    assert_eq!(
        found("a fellow at the Carnegie Center for Russia and Eurasia Studies in Berlin"),
        [(
            NameKind::Organisation,
            "Carnegie Center for Russia and Eurasia Studies".to_string()
        )]
    );
    assert_eq!(
        found("as The Moscow Times reported."),
        [(NameKind::Organisation, "Moscow Times".to_string())]
    );
}

#[test]
fn transliterations_of_one_name_are_a_variant() {
    let g = run(&[
        ("a", "said Temur Umarov, a fellow in Berlin."),
        ("b", "as expert Timur Umarov put it."),
        ("c", "Temur Umarov said."),
    ]);
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!(g[0].verdict, NameVerdict::Variant);
    assert_eq!(g[0].name, "Temur Umarov");
    assert_eq!(
        g[0].by_spelling(),
        [
            ("Temur Umarov", vec!["a", "c"]),
            ("Timur Umarov", vec!["b"])
        ]
    );
    let g = run(&[
        ("a", "Defence Minister Sergei Shoigu spoke."),
        ("b", "Defence Minister Sergei Shoygu spoke."),
    ]);
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!(g[0].verdict, NameVerdict::Variant);
    let g = run(&[
        ("a", "President Abdel Fattah el-Sisi spoke."),
        ("b", "President Abdel Fattah al-Sisi spoke."),
    ]);
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!(g[0].verdict, NameVerdict::Variant);
}

#[test]
fn the_same_spelling_agrees_and_a_middle_name_is_no_variant() {
    let g = run(&[
        ("a", "Vladimir Putin arrived."),
        ("b", "Vladimir Vladimirovich Putin arrived."),
        ("c", "Only Vladimir Putin spoke."),
    ]);
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!(g[0].verdict, NameVerdict::Agree);
}

#[test]
fn one_surname_with_other_given_names_is_two_people() {
    let g = run(&[
        ("a", "Vladimir Putin and Lyudmila Putina met."),
        ("b", "Lyudmila Putina spoke, then Vladimir Putin."),
    ]);
    assert_eq!(g.len(), 2, "{g:#?}");
    assert!(g.iter().all(|g| g.verdict == NameVerdict::Agree), "{g:#?}");
    let g = run(&[
        ("a", "Hillary Clinton spoke."),
        ("b", "Bill Clinton spoke."),
    ]);
    assert!(g.is_empty(), "{g:#?}");
    // Two titles with no word in common: not one person even if spelled alike but one letter.
    let g = run(&[
        ("a", "Coach Dan Smyth won."),
        ("b", "Archbishop Dan Smith prayed."),
    ]);
    assert!(g.is_empty(), "{g:#?}");
}

#[test]
fn a_name_one_source_gives_is_not_reported() {
    assert!(run(&[("a", "Temur Umarov said."), ("b", "Nobody said.")]).is_empty());
}

#[test]
fn british_and_american_spellings_of_one_organisation_are_a_variant() {
    let g = run(&[
        (
            "a",
            "a fellow at the Carnegie Center for Russia and Eurasia Studies in Berlin",
        ),
        (
            "b",
            "a fellow of the Carnegie Russia Eurasia Centre in Berlin",
        ),
    ]);
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!(g[0].kind, NameKind::Organisation);
    assert_eq!(g[0].verdict, NameVerdict::Variant);
    // A shorter name of two words is another body, not a variant.
    let g = run(&[
        ("a", "the Ministry of Defence said"),
        ("b", "the Ministry of Defence of Ukraine said"),
    ]);
    assert!(g.is_empty(), "{g:#?}");
}

#[test]
fn spans_point_at_the_name_and_order_is_that_of_first_mention() {
    let text = "Intro line.\nThen Timur Umarov said.";
    let g = run(&[
        ("a", text),
        ("b", "Temur Umarov and Sadyr Japarov."),
        ("c", "Sadyr Japarov."),
    ]);
    assert_eq!(
        g.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(),
        ["Timur Umarov", "Sadyr Japarov"]
    );
    let s = &g[0].spellings[0];
    assert_eq!(&text[s.span.start()..s.span.end()], "Timur Umarov");
    assert_eq!((s.span.line(), s.span.column()), (2, 6));
}

#[test]
fn skeletons_fold_vowels_and_transliterations() {
    assert_eq!(
        skeleton(&translit("Temur", false)),
        skeleton(&translit("Timur", false))
    );
    assert_eq!(translit("Shoygu", true), translit("Shoigu", true));
    assert_eq!(translit("El-Sisi", true), "sisi");
    assert_ne!(
        skeleton(&translit("Vladimir", false)),
        skeleton(&translit("Lyudmila", false))
    );
    assert_ne!(
        skeleton(&translit("Putin", true)),
        skeleton(&translit("Putina", true))
    );
}

#[test]
fn name_words_are_capitalised_and_the_fast_path_agrees_with_the_parts() {
    for w in [
        "Umarov",
        "McDonald",
        "Al-Sisi",
        "al-Sisi",
        "el-Sisi",
        "da'Silva",
        "bin’Salman",
    ] {
        assert!(is_name_word(w), "{w}");
    }
    for w in ["Ünal", "Şahin", "Élysée", "O’Neill", "Jean‑Luc"] {
        assert!(is_name_word(w), "{w} (beyond ASCII)");
    }
    let not = [
        "umarov",
        "UN",
        "WHO",
        "A",
        "20th",
        "Moscow-led",
        "Berlin‑based",
        "al-sisi",
        "x-Ray",
        "",
        "ÜBER",
        "über",
    ];
    for w in not {
        assert!(!is_name_word(w), "{w}");
    }
}

#[test]
fn a_possessive_joiner_splits_no_run_and_folding_once_finds_the_same_names() {
    // "and" separates two people; "Bank's" is an organisation word with its possessive, and
    // the run it is in is one organisation.
    assert_eq!(
        found("said Vladimir Putin and Lyudmila Putina at the World Bank's office"),
        [
            person("Vladimir Putin"),
            person("Lyudmila Putina"),
            (NameKind::Organisation, "World Bank".to_string())
        ]
    );
}
