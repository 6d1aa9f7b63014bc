//! Each rule on small invented sentences, through the real extractor.
use super::*;
use crate::extract::{self, Context};

fn derived(text: &str, published: &str) -> Vec<Claim> {
    let published = Ymd::parse_iso(published);
    let ctx = Context {
        source: "s",
        published,
        tolerances: Default::default(),
    };
    let claims = extract::extract(text, &ctx);
    derive(
        Article {
            text,
            published,
            claims: &claims,
        },
        &Settings::default(),
    )
}

fn rules(cs: &[Claim]) -> Vec<(Rule, String)> {
    cs.iter()
        .map(|c| {
            let d = c.derived.as_ref().expect("derived");
            (d.rule, d.arithmetic.clone())
        })
        .collect()
}

#[test]
fn a_war_of_so_many_months_began_that_long_before_the_article() {
    let got = derived(
        "Russia pressed on with its 20-month war in Ukraine.",
        "2023-10-13",
    );
    assert_eq!(
        rules(&got),
        [(
            Rule::Elapsed,
            "20-month war, article of 2023-10-13 → began 2022-02 ± 1 month".to_string()
        )]
    );
    let d = &got[0];
    assert_eq!(d.kind, Kind::Date);
    assert_eq!(d.text, "20-month war");
    let (lo, hi) = (d.bounds.lo().unwrap(), d.bounds.hi().unwrap());
    let feb = Ymd::new(2022, 2, 13).unwrap().days() as f64;
    assert!(lo < feb && feb < hi);
}

#[test]
fn a_war_that_ended_or_a_visit_gives_no_start() {
    assert!(derived("The eight-year war ended in 1988.", "2023-10-13").is_empty());
    assert!(derived("The two-day visit went well.", "2023-10-13").is_empty());
}

#[test]
fn for_n_years_runs_to_now_only_in_a_perfect_tense() {
    let got = derived(
        "The university has led the field for 30 years.",
        "2023-10-13",
    );
    assert_eq!(rules(&got).len(), 1);
    assert!(derived("He worked there for 30 years.", "2023-10-13").is_empty());
}

#[test]
fn an_anniversary_gives_the_year_it_began() {
    let got = derived(
        "On October 12, 2023 they marked the 20th anniversary of the airbase.",
        "2023-10-13",
    );
    assert_eq!(
        rules(&got),
        [(
            Rule::Anniversary,
            "20th anniversary, marked 2023-10-12 → began in 2003".to_string()
        )]
    );
}

#[test]
fn a_list_after_a_colon_must_make_the_total() {
    let text = "The dead included 26 foreigners: five from Iran, four each from China and \
                Russia, and three from Turkey.";
    let got = derived(text, "2023-10-13");
    assert_eq!(rules(&got).len(), 1, "{got:#?}");
    let d = &got[0];
    assert_eq!(d.value, Interval::point(16.0));
    assert_eq!(d.derived.as_ref().unwrap().from.len(), 4);
}

#[test]
fn parts_said_to_be_some_of_the_total_give_a_lower_bound() {
    let text = "At least 1,301 pilgrims died, including 658 Egyptians and 165 Indonesians.";
    let got = derived(text, "2024-06-23");
    assert_eq!(rules(&got).len(), 1, "{got:#?}");
    assert_eq!(got[0].qualifier, Qualifier::AtLeast);
}

#[test]
fn in_time_for_an_event_dated_elsewhere_is_on_or_before_it() {
    let text = "Putin arrived in Bishkek on Thursday. \"The deal was due in 2022, but the \
                parliament announced ratification in time for Putin's arrival,\" he said.";
    let got = derived(text, "2023-10-13");
    assert_eq!(rules(&got).len(), 1, "{got:#?}");
    let d = &got[0];
    assert_eq!(d.text, "in time for Putin's arrival");
    assert_eq!(d.qualifier, Qualifier::AtMost);
    assert_eq!(
        d.bounds.hi(),
        Some(Ymd::new(2023, 10, 12).unwrap().days() as f64)
    );
}

#[test]
fn an_age_gives_a_birth_date_range() {
    let got = derived(
        "The 45-year-old director resigned. He is 45 years old.",
        "2024-05-12",
    );
    let arithmetic: Vec<String> = rules(&got).into_iter().map(|(_, a)| a).collect();
    assert_eq!(
        arithmetic,
        [
            "45-year-old, article of 2024-05-12 → born 1978-05-13 to 1979-05-12",
            "45 years old, article of 2024-05-12 → born 1978-05-13 to 1979-05-12"
        ]
    );
}

/// The itaewon breakdown, told in the sentence after its total: 5 + 4×2 + 2 + 2 + 1×9 = 26.
const BREAKDOWN: &str = "Five were from Iran, four each from China and Russia, two from the \
United States, two from Japan, and one each from France, Australia, Norway, Austria, Vietnam, \
Thailand, Kazakhstan, Uzbekistan, and Sri Lanka, officials said.";

#[test]
fn parts_in_the_next_sentence_of_the_paragraph_make_the_total() {
    let text = format!("The crush killed 26 foreigners. {BREAKDOWN}");
    let got = derived(&text, "2022-10-31");
    assert_eq!(rules(&got).len(), 1, "{got:#?}");
    let d = &got[0];
    assert_eq!(d.qualifier, Qualifier::Exact);
    assert_eq!(d.value, Interval::point(26.0));
    assert_eq!(d.derived.as_ref().unwrap().from.len(), 6);
    assert_eq!(
        d.derived.as_ref().unwrap().arithmetic,
        "5 + 4×2 + 2 + 2 + 1×9 = 26 (the parts of “26”)"
    );
    // A total the closed list does not make: the sum is exact, and disjoint from it.
    let got = derived(&text.replace("26", "28"), "2022-10-31");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].value, Interval::point(26.0));
    // The list may go on in the next sentence when that sentence opens with a part.
    let text = "The crush killed 26 foreigners. Five were from Iran and four from China. \
                Three were from Russia.";
    let got = derived(text, "2022-10-31");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].derived.as_ref().unwrap().from.len(), 4);
}

#[test]
fn an_open_list_or_one_said_to_be_some_of_the_total_across_sentences_gives_a_lower_bound() {
    for text in [
        // No closing "and": perhaps not every country.
        "The crush killed 26 foreigners. Five were from Iran, four from China.",
        "The crush killed 26 foreigners. Of them, five were from Iran and four from China.",
        "The crush killed 26 foreigners. Five were from Iran, four from China and others \
         from Russia.",
    ] {
        let got = derived(text, "2022-10-31");
        assert_eq!(got.len(), 1, "{text}: {got:#?}");
        assert_eq!(got[0].qualifier, Qualifier::AtLeast, "{text}");
        assert_eq!(got[0].bounds.lo(), Some(9.0), "{text}");
    }
}

#[test]
fn later_counts_that_are_not_parts_of_the_total_give_nothing() {
    for text in [
        // Counts of kinds of people that may overlap, not a breakdown by place.
        "The crush killed 154 people. 26 were foreigners and 12 were teenagers.",
        // Another paragraph.
        "The crush killed 26 foreigners.\n\nFive were from Iran, four from China and three \
         from Russia.",
        // Two counts in the total's sentence: which one the parts are of is a guess.
        "The crush killed 132 Koreans and 26 foreigners. Five were from Iran and four from \
         China.",
        // Another role.
        "The crush killed 26 foreigners. 19 were injured in Seoul and three in Busan.",
        // The count does not open its sentence.
        "The crush killed 26 foreigners. Officials said five were from Iran and four from \
         China.",
        // A count larger than the total is no part of it.
        "The crush killed 26 foreigners. 151 were from Seoul and 12 from Busan.",
    ] {
        let got: Vec<Claim> = derived(text, "2022-10-31")
            .into_iter()
            .filter(|c| c.derived.as_ref().is_some_and(|d| d.rule == Rule::Total))
            .collect();
        assert!(got.is_empty(), "{text}: {got:#?}");
    }
}
