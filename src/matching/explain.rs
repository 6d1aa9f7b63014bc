//! Why two claims were not grouped: the first rule of the matcher that keeps them apart, in
//! words ("different events", "roles differ: deaths / injured", "similarity 0.21 below
//! min_similarity 0.40"). For people tuning a corpus (`claims-eval groups --pairs`) and for
//! tests; the grouping itself never calls it.

use super::features::{Idf, Prepared, similarity};
use super::measure::{MeasureKey, attributions_differ, happening_years_differ};
use super::{
    Alias, Node, Settings, blocking::too_far_apart, by_event, datelines, own_scopes, position,
};
use crate::claim::{Claim, Sym};
use std::collections::{BTreeSet, HashMap};

/// The reason the claims with ids `a` and `b` may not share a group, judged as
/// [`super::group`] judges them over `claims`. Unknown ids say so.
pub fn why_apart(
    claims: &[&Claim],
    a: &str,
    b: &str,
    settings: &Settings,
    aliases: &[Alias],
) -> String {
    let mut sorted: Vec<&Claim> = claims.to_vec();
    sorted.sort_by(|x, y| position(x).cmp(&position(y)));
    sorted.dedup_by(|x, y| x.id == y.id);
    let mut nodes = super::nodes_of(&sorted, aliases);
    let (Some(ia), Some(ib)) = (
        nodes.iter().position(|n| n.claim.id == a),
        nodes.iter().position(|n| n.claim.id == b),
    ) else {
        return format!("no claim {a} or {b}");
    };
    let all: Vec<usize> = (0..nodes.len()).collect();
    let events = by_event(&nodes, &all, settings);
    let event = |i: usize| events.iter().position(|e| e.contains(&i));
    if event(ia) != event(ib) {
        return "different events".to_string();
    }
    let free = event(ia).map(|e| events[e].clone()).unwrap_or_default();
    let own = own_scopes(&nodes, &free, &datelines(&nodes));
    for &i in &free {
        nodes[i].measure.drop_scopes(&own);
    }
    super::measure::keep_single_things(&mut nodes, &free);
    let (na, nb) = (&nodes[ia], &nodes[ib]);
    if let Some(reason) = link_barrier(na, nb) {
        return reason;
    }
    if too_far_apart(na.claim, nb.claim, settings) {
        return "one source, too far apart (same_source_window)".to_string();
    }
    // Token weights over the event, as blocking computes them.
    let mut df: HashMap<Sym, usize> = HashMap::new();
    for &i in &free {
        let uniq: BTreeSet<&Sym> = nodes[i].features.all().collect();
        for t in uniq {
            *df.entry(t.clone()).or_default() += 1;
        }
    }
    let idf = Idf {
        df,
        n: free.len() as f64,
    };
    let (pa, pb) = (
        Prepared::new(&na.features, &idf),
        Prepared::new(&nb.features, &idf),
    );
    let scored = idf.settings(settings);
    let sim = super::measure::lifted(na, nb, similarity(&pa, &pb, &scored), settings);
    let min = if na.claim.source == nb.claim.source {
        settings.min_same_source.max(settings.min_similarity)
    } else {
        settings.min_similarity
    };
    if sim < min {
        format!("similarity {sim:.2} below {min:.2}")
    } else {
        format!("similarity {sim:.2}, kept apart by average linkage (their clusters differ)")
    }
}

/// The hard rule that forbids the pair, if any (see [`super::cannot_link`]).
fn link_barrier(a: &Node, b: &Node) -> Option<String> {
    if a.claim.dimension != b.claim.dimension || !a.classes.iter().any(|k| b.classes.contains(k)) {
        return Some(format!(
            "not comparable: {} / {}",
            a.classes.join(","),
            b.classes.join(",")
        ));
    }
    let (ma, mb): (&MeasureKey, &MeasureKey) = (&a.measure, &b.measure);
    if super::measure::roles_differ(&ma.role, &mb.role) {
        return Some(format!("roles differ: {} / {}", ma.role, mb.role));
    }
    if ma.scope != mb.scope {
        return Some(format!(
            "scopes differ: [{}] / [{}]",
            ma.scope.join(" "),
            mb.scope.join(" ")
        ));
    }
    if happening_years_differ(ma, mb) {
        let show =
            |y: Option<i32>| y.map_or_else(|| "the event's own".to_string(), |y| y.to_string());
        return Some(format!(
            "happenings of different years: {} / {}",
            show(ma.happening_year),
            show(mb.happening_year)
        ));
    }
    if attributions_differ(ma, mb) {
        let show = |m: &MeasureKey| [m.names.join(" "), m.nouns.join(" ")].join("|");
        return Some(format!("attributions differ: {} / {}", show(ma), show(mb)));
    }
    if a.claim.source == b.claim.source
        && a.claim.sentence.start() == b.claim.sentence.start()
        && !super::restates(a.claim, b.claim)
    {
        return Some("one sentence of one source".to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Context, extract};

    fn claims_of(texts: &[(&str, &str)]) -> Vec<Claim> {
        texts
            .iter()
            .flat_map(|(id, t)| {
                let ctx = Context {
                    source: id,
                    ..Context::default()
                };
                extract(t, &ctx)
            })
            .collect()
    }

    #[test]
    fn a_role_difference_is_named() {
        // One article, so that one event holds both.
        let claims = claims_of(&[(
            "a",
            "The floods in Derna killed 11,300 people, officials said. \
             The floods in Derna injured 2,000 people, officials said.",
        )]);
        let refs: Vec<&Claim> = claims.iter().collect();
        let why = why_apart(
            &refs,
            &claims[0].id,
            &claims[1].id,
            &Settings::default(),
            &[],
        );
        assert!(why.starts_with("roles differ"), "{why}");
    }

    #[test]
    fn a_happening_of_another_year_is_named() {
        // Two landings, one of the story's own year (2023, which most reports name) and one
        // of 2019: kept apart by their years, and the reason says so.
        let claims = claims_of(&[
            ("a", "The probe landed on August 23, 2023, near the pole."),
            ("b", "The probe landed on August 23, 2023, officials said."),
            (
                "c",
                "An earlier probe landed on September 7, 2019, and crashed.",
            ),
        ]);
        let refs: Vec<&Claim> = claims.iter().collect();
        let id = |src: &str| &claims.iter().find(|c| c.source == src).expect(src).id;
        let s = Settings::default();
        let why = why_apart(&refs, id("a"), id("c"), &s, &[]);
        assert_eq!(why, "happenings of different years: the event's own / 2019");
        let same = why_apart(&refs, id("a"), id("b"), &s, &[]);
        assert!(!same.starts_with("happenings"), "{same}");
    }

    #[test]
    fn unknown_ids_are_said() {
        let why = why_apart(&[], "x", "y", &Settings::default(), &[]);
        assert_eq!(why, "no claim x or y");
    }
}
