//! What the renderers for people (the terminal table, Markdown, HTML) share about a fact: its
//! display label, built from what the claims measure (role, quantity, scope, attribution) and
//! the subject's head noun, never from a sentence fragment; and what each source says about
//! it, gathered in one pass over the fact's claims.
//!
//! The group label of `matching` (the subject phrase of one member) stays what the JSON and
//! the baseline carry; the label here is for reading. Both cost time linear in the fact's
//! claims, so a report of many facts costs time linear in its rows.

use crate::claim::{Claim, Kind};
use crate::compare::{Comparison, Fact};
use crate::corpus::Article;
use crate::lang::en::{calendar, measure as lx, units, words};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The most names a label quotes to say which fact it is ("— Rome Statute").
const MAX_LABEL_NAMES: usize = 2;
/// The most words of a name a label quotes (longer ones are a title and a name run together).
const MAX_NAME_WORDS: usize = 3;
/// Least number of sources that must share a name or a head noun for the label to use it.
const MIN_SHARED_SOURCES: usize = 2;

/// The claims of one fact by source, in the fact's source order (ids sorted).
pub struct Said<'a> {
    /// Source id → that source's article and claims, in text order.
    pub by_source: Vec<(&'a Article, Vec<&'a Claim>)>,
}

impl<'a> Said<'a> {
    /// Gather the fact's claims by source: one pass over them.
    pub fn of(c: &'a Comparison, f: &Fact) -> Said<'a> {
        let mut slot: HashMap<&str, usize> = HashMap::with_capacity(f.sources.len());
        let mut by_source: Vec<(&'a Article, Vec<&'a Claim>)> = Vec::with_capacity(f.sources.len());
        for (a, cl) in c.claims_of(f) {
            let i = *slot.entry(a.source.id.as_str()).or_insert_with(|| {
                by_source.push((a, Vec::new()));
                by_source.len() - 1
            });
            by_source[i].1.push(cl);
        }
        by_source.sort_by(|x, y| x.0.source.id.cmp(&y.0.source.id));
        Said { by_source }
    }

    /// What source `id` says: its claims' texts, each once, joined by "; ". A search of the
    /// sources, which are sorted by id: a row of source columns costs no scan per column.
    pub fn text_of(&self, id: &str) -> String {
        self.by_source
            .binary_search_by(|(a, _)| a.source.id.as_str().cmp(id))
            .map(|i| distinct_texts(&self.by_source[i].1))
            .unwrap_or_default()
    }

    /// Every claim of the fact, source by source.
    pub fn claims(&self) -> impl Iterator<Item = &'a Claim> + '_ {
        self.by_source.iter().flat_map(|(_, cl)| cl.iter().copied())
    }
}

/// Claims' texts as written, each distinct text once, with its readable form where that
/// adds something ("Six (6)", "225 miles (225 mi ≈ 362 km)"), joined by "; ".
pub fn distinct_texts(claims: &[&Claim]) -> String {
    let mut seen: HashSet<&str> = HashSet::with_capacity(claims.len());
    let mut out: Vec<String> = Vec::new();
    for cl in claims {
        if seen.insert(cl.text.as_str()) {
            out.push(super::values::said(cl));
        }
    }
    out.join("; ")
}

/// "see also g5, g9: the same measure in other sources", when the matcher kept facts of the
/// same event, role and scope in other sources apart from this one: a reader should look at
/// them together (they may be one fact worded too differently to group).
pub fn related_note(f: &Fact) -> Option<String> {
    (!f.group.related.is_empty()).then(|| {
        format!(
            "see also {}: the same measure in other sources",
            f.group.related.join(", ")
        )
    })
}

/// The fact's label for people: its tracked name when the user named it in claims.toml, else
/// the role or what is counted ("deaths", "count of countries", "rank: investor"), the scopes
/// the claims share ("— Jordan", "— in 2022"), and who gives the figure when every source that
/// says names the same one ("— according to the Saudi government"), or else the names every
/// source uses ("— Rome Statute"). Role and scope words are the lexicon's, as in matching's
/// group labels.
pub fn label(f: &Fact, said: &Said) -> String {
    if let Some(name) = &f.group.fact {
        return name.clone();
    }
    let claims: Vec<&Claim> = said.claims().collect();
    let n = claims.len();
    let role = majority(claims.iter().map(|c| c.measure.role.as_ref()), n);
    let quantity = majority(claims.iter().map(|c| c.measure.quantity.as_ref()), n);
    let head = shared_head(said);
    let mut label = match (role, f.kind) {
        (Some(role), _) => lx::role_label(role),
        (None, Kind::Count) => {
            let noun = match (quantity, &head) {
                (Some(q), Some(h)) if q == lx::PEOPLE => h.clone(),
                (Some(q), _) => q.to_string(),
                (None, Some(h)) => h.clone(),
                (None, None) => String::new(),
            };
            if noun.is_empty() {
                "count".to_string()
            } else {
                format!("count of {noun}")
            }
        }
        (None, kind) => match &head {
            Some(h) => format!("{kind}: {h}"),
            None => kind.to_string(),
        },
    };
    for scope in shared_scopes(&claims) {
        label.push_str(lx::LABEL_SEPARATOR);
        label.push_str(&scope);
    }
    if let Some(by) = shared_attribution(&claims) {
        label.push_str(lx::LABEL_SEPARATOR);
        label.push_str(lx::LABEL_ACCORDING_TO);
        label.push(' ');
        label.push_str(&by);
    } else {
        let names = shared_names(said, &label);
        if !names.is_empty() {
            label.push_str(lx::LABEL_SEPARATOR);
            label.push_str(&names.join(", "));
        }
    }
    label
}

/// Who gives this claim's figure, for people ("the Saudi health ministry"), when the sentence
/// says.
pub fn attribution(c: &Claim) -> Option<String> {
    let a = c.measure.attribution().trim();
    let a = a.strip_prefix("by ").unwrap_or(a).trim();
    (!a.is_empty()).then(|| a.to_string())
}

/// The value most of `values` take (non-empty, at least half of `n`; ties: alphabetical).
fn majority<'a>(values: impl Iterator<Item = &'a str>, n: usize) -> Option<&'a str> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for v in values.filter(|v| !v.is_empty()) {
        *count.entry(v).or_default() += 1;
    }
    let (best, k) =
        count
            .into_iter()
            .fold(None, |best: Option<(&str, usize)>, (v, k)| match best {
                Some((_, bk)) if bk >= k => best,
                _ => Some((v, k)),
            })?;
    (2 * k >= n).then_some(best)
}

/// The subject head most sources share, as a word of their phrases ("pilgrims", "investor"):
/// only a noun-like word (no level verb, role word or calendar name), used by at least
/// [`MIN_SHARED_SOURCES`] sources (or by the only one).
fn shared_head(said: &Said) -> Option<String> {
    let mut by_head: BTreeMap<&str, (usize, Option<String>)> = BTreeMap::new();
    for (_, claims) in &said.by_source {
        let mut seen: HashSet<&str> = HashSet::new();
        for c in claims {
            let Some(h) = c.subject.head.as_deref() else {
                continue;
            };
            if !seen.insert(h) {
                continue;
            }
            let e = by_head.entry(h).or_insert((0, None));
            e.0 += 1;
            if e.1.is_none() {
                e.1 = head_word(&c.subject.phrase, h);
            }
        }
    }
    let need = MIN_SHARED_SOURCES.min(said.by_source.len());
    let (_, (_, word)) = by_head
        .into_iter()
        .filter(|(_, (k, w))| *k >= need && w.is_some())
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(a.0)))?;
    word
}

/// The word of `phrase` whose lowercase form starts with the stem `head`, when it reads as a
/// noun.
fn head_word(phrase: &str, head: &str) -> Option<String> {
    phrase
        .split_whitespace()
        .map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric()))
        .find(|w| w.to_lowercase().starts_with(head))
        .filter(|w| {
            let low = w.to_lowercase();
            !low.is_empty()
                && !lx::is_level_verb(&low)
                && lx::role(&low).is_none()
                && !calendar::is_calendar_name(&low)
                && !words::is_stopword(&low)
                && !w.chars().any(|ch| ch.is_ascii_digit())
        })
        .map(str::to_string)
}

/// The scopes at least half of the claims carry, as the lexicon labels them ("Jordan",
/// "women", "in 2022").
fn shared_scopes(claims: &[&Claim]) -> Vec<String> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for c in claims {
        for s in c.measure.scope() {
            *count.entry(s.as_str()).or_default() += 1;
        }
    }
    count
        .into_iter()
        .filter(|(_, k)| 2 * k >= claims.len())
        .map(|(s, _)| lx::scope_label(s))
        .collect()
}

/// The attribution, when every claim that has one names the same source (by its key words)
/// and at least half of the claims have one.
fn shared_attribution(claims: &[&Claim]) -> Option<String> {
    let with: Vec<&&Claim> = claims
        .iter()
        .filter(|c| !c.measure.attribution_key().is_empty())
        .collect();
    let first = with.first()?;
    let same = with
        .iter()
        .all(|c| c.measure.attribution_key() == first.measure.attribution_key());
    (same && 2 * with.len() >= claims.len())
        .then(|| attribution(first))
        .flatten()
}

/// Names the sentences of at least [`MIN_SHARED_SOURCES`] sources share (not dates, not
/// countries or names every story uses, not a temperature scale, not words already in the
/// label), most shared first.
fn shared_names(said: &Said, label: &str) -> Vec<String> {
    if said.by_source.len() < MIN_SHARED_SOURCES {
        return Vec::new();
    }
    let label_low = label.to_lowercase();
    let mut by_name: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (_, claims) in &said.by_source {
        let mut seen: HashSet<String> = HashSet::new();
        for c in claims {
            for name in c.subject.names.iter() {
                let key = name.trim().to_lowercase();
                if key.is_empty() || !seen.insert(key.clone()) {
                    continue;
                }
                let e = by_name.entry(key).or_insert((0, name.trim().to_string()));
                e.0 += 1;
            }
        }
    }
    let mut names: Vec<(usize, String)> = by_name
        .into_iter()
        .filter(|(key, (k, _))| {
            *k >= MIN_SHARED_SOURCES
                && key.split_whitespace().count() <= MAX_NAME_WORDS
                && !key.split_whitespace().any(|w| {
                    calendar::is_calendar_name(w) || label_low.split_whitespace().any(|l| l == w)
                })
                && !(key.split_whitespace().count() == 1
                    && (lx::is_common_news_name(key) || units::temperature_scale(key).is_some()))
        })
        .map(|(_, v)| v)
        .collect();
    names.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.len().cmp(&a.1.len()))
            .then(a.1.cmp(&b.1))
    });
    names
        .into_iter()
        .take(MAX_LABEL_NAMES)
        .map(|(_, n)| n)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_words_skip_verbs_roles_and_dates() {
        assert_eq!(
            head_word("Jordanian pilgrims died", "pilgrim").as_deref(),
            Some("pilgrims")
        );
        assert_eq!(head_word("temperatures reached", "reach"), None);
        assert_eq!(head_word("the death toll had risen to", "risen"), None);
        assert_eq!(head_word("deaths during the Hajj", "death"), None);
        assert_eq!(head_word("In", "in"), None);
    }

    #[test]
    fn a_majority_needs_half_of_the_claims() {
        let v = ["deaths", "deaths", "", "injured"];
        assert_eq!(majority(v.into_iter(), 4), Some("deaths"));
        assert_eq!(majority(["a", "b", "", ""].into_iter(), 4), None);
    }
}
