//! A claim as the matcher sees it: a bag of tokens (the subject's stemmed terms, its head noun,
//! the stemmed words of the names in its sentence, user aliases applied), weighted by inverse
//! document frequency over the claims of one event, and the similarity of two such bags.

use super::{Alias, Fact, Node, Settings};
use crate::claim::Kind;
use crate::claim::{Claim, Sym};
use crate::lang::en::calendar::is_calendar_name;
use crate::lang::en::measure as lx;
use crate::lang::en::stem::stem;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// Words of a name or phrase, split on anything that is not a letter or digit.
pub(super) fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Consonant skeleton of a token, the blocking key: first letter kept, later vowels dropped,
/// doubled letters folded ("temur"/"timur" → "tmr", "honour"/"honor" → "hnr").
pub(super) fn skeleton(t: &str) -> String {
    let mut out = String::new();
    for (i, ch) in t.chars().enumerate() {
        if i > 0 && matches!(ch, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
            continue;
        }
        if out.ends_with(ch) {
            continue;
        }
        out.push(ch);
    }
    out
}

/// One claim's weighted tokens. Every claim of an archive has them at once while it is
/// matched: the terms are the claim's own when none is left out (most claims), and the name
/// tokens, the same for every claim of one sentence, are shared with the claim before it when
/// they are equal ([`Features::share_names`]).
#[derive(Debug)]
pub(super) struct Features<'c> {
    pub(super) terms: Cow<'c, [Sym]>,
    pub(super) head: Option<Sym>,
    pub(super) names: Arc<[Sym]>,
}

impl Features<'_> {
    /// The subject's terms and head, without repeats.
    pub(super) fn subject(&self) -> Vec<Sym> {
        let mut v = self.terms.to_vec();
        if let Some(h) = &self.head
            && !v.contains(h)
        {
            v.push(h.clone());
        }
        v
    }

    pub(super) fn all(&self) -> impl Iterator<Item = &Sym> {
        self.terms.iter().chain(&self.head).chain(self.names.iter())
    }

    /// Hold `before`'s name tokens instead of an equal copy of them.
    pub(super) fn share_names(&mut self, before: &Features) {
        if !Arc::ptr_eq(&self.names, &before.names) && self.names == before.names {
            self.names = Arc::clone(&before.names);
        }
    }
}

pub(super) fn push_unique<T: PartialEq + AsRef<str>>(v: &mut Vec<T>, s: T) {
    if !s.as_ref().is_empty() && !v.contains(&s) {
        v.push(s);
    }
}

/// Stemmed words of a name, without glue and calendar words.
pub(super) fn name_tokens(name: &str, out: &mut Vec<Sym>) {
    for w in words(name) {
        let lw = w.to_lowercase();
        if crate::lang::en::words::NAME_GLUE.contains(&lw.as_str()) || is_calendar_name(&lw) {
            continue;
        }
        if lw.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        push_unique(out, Sym::from(stem(w)));
    }
}

/// True when `form` occurs in `hay` as whole words (case-insensitive for forms of more than
/// one word or longer than 4 characters; acronyms match case-sensitively).
pub(super) fn mentions(hay: &str, form: &str) -> bool {
    if form.trim().is_empty() {
        return false;
    }
    let acronym = form.len() <= 4 && form.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
    let (h, f) = if acronym {
        (hay.to_string(), form.to_string())
    } else {
        (hay.to_lowercase(), form.to_lowercase())
    };
    let mut from = 0;
    while let Some(i) = h[from..].find(&f) {
        let s = from + i;
        let e = s + f.len();
        let before = h[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = h[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return true;
        }
        from = s + h[s..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

pub(super) fn features<'c>(c: &'c Claim, aliases: &[Alias]) -> Features<'c> {
    let mut terms: Vec<Sym> = Vec::new();
    for t in &c.subject.terms {
        if is_calendar_name(t) {
            continue;
        }
        push_unique(&mut terms, t.clone());
    }
    Features {
        // The claim's own terms when every one of them was kept, in order.
        terms: if terms.as_slice() == &*c.subject.terms {
            Cow::Borrowed(&*c.subject.terms)
        } else {
            Cow::Owned(terms)
        },
        head: c.subject.head.clone().filter(|h| !is_calendar_name(h)),
        names: name_features(c, aliases).into(),
    }
}

/// The name tokens of a claim's [`Features`]: the stemmed words of the names in its sentence,
/// and the words of every form of a user alias it mentions. What the events are told apart by,
/// worked out without the rest of the features.
pub(super) fn name_features(c: &Claim, aliases: &[Alias]) -> Vec<Sym> {
    let mut names: Vec<Sym> = Vec::new();
    for n in c.subject.names.iter() {
        name_tokens(n, &mut names);
    }
    // Aliases: a mention of any form brings in every form's words.
    for a in aliases {
        let forms = std::iter::once(&a.name).chain(&a.aliases);
        let hit = forms.clone().any(|form| {
            mentions(&c.subject.phrase, form) || c.subject.names.iter().any(|n| mentions(n, form))
        });
        if hit {
            for form in forms {
                name_tokens(form, &mut names);
            }
        }
    }
    names
}

/// Inverse document frequency of tokens over the claims being grouped.
pub(super) struct Idf {
    pub(super) df: HashMap<Sym, usize>,
    pub(super) n: f64,
}

impl Idf {
    pub(super) fn weight(&self, t: &str) -> f64 {
        let df = self.df.get(t).copied().unwrap_or(0) as f64;
        Self::weight_of(self.n, df)
    }

    /// The weight of a token `df` of `n` claims hold.
    fn weight_of(n: f64, df: f64) -> f64 {
        ((n + 1.0) / (df + 0.5)).ln().max(0.1)
    }

    /// `s` with [`Settings::min_evidence`] lowered for an event of fewer claims than
    /// [`Settings::evidence_full_claims`]: as the weight of a word one claim holds is lower in
    /// it than in an event of that many claims.
    pub(super) fn settings(&self, s: &Settings) -> Settings {
        let full = (s.evidence_full_claims as f64).max(self.n);
        let scale = Self::weight_of(self.n, 1.0) / Self::weight_of(full, 1.0);
        Settings {
            min_evidence: s.min_evidence * scale.min(1.0),
            ..s.clone()
        }
    }
}

pub(super) fn fuzzy_eq(a: &str, b: &str, s: &Settings) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la < s.min_fuzzy_len || lb < s.min_fuzzy_len {
        return false;
    }
    // Spelling variants keep their first letter; checking that first spares most string-metric
    // calls.
    if a.chars().next() != b.chars().next() {
        return false;
    }
    strsim::jaro_winkler(a, b) >= s.fuzzy_token
        || strsim::normalized_levenshtein(a, b) >= s.fuzzy_edit
}

/// A token with what scoring needs of it, computed once per claim.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub(super) text: &'a str,
    pub(super) weight: f64,
    pub(super) first: Option<char>,
    pub(super) chars: usize,
}

/// A claim's features, weighted by idf, ready for scoring.
pub(super) struct Prepared<'a> {
    pub(super) subject: Vec<Tok<'a>>,
    pub(super) head: Option<Tok<'a>>,
    pub(super) names: Vec<Tok<'a>>,
    pub(super) all: Vec<Tok<'a>>,
}

impl<'a> Prepared<'a> {
    pub(super) fn new(f: &'a Features<'_>, idf: &Idf) -> Prepared<'a> {
        let tok = |t: &'a Sym| Tok {
            text: t.as_str(),
            weight: idf.weight(t),
            first: t.chars().next(),
            chars: t.chars().count(),
        };
        let mut subject: Vec<Tok> = f.terms.iter().map(tok).collect();
        if let Some(h) = &f.head
            && !f.terms.contains(h)
        {
            subject.push(tok(h));
        }
        let names: Vec<Tok> = f.names.iter().map(tok).collect();
        let mut all = subject.clone();
        all.extend(names.iter().copied());
        Prepared {
            subject,
            head: f.head.as_ref().map(tok),
            names,
            all,
        }
    }
}

pub(super) fn fuzzy_tok(a: &Tok, b: &Tok, s: &Settings) -> bool {
    if a.text == b.text {
        return true;
    }
    // Spelling variants keep their first letter; checking that first spares most string-metric
    // calls.
    if a.chars < s.min_fuzzy_len || b.chars < s.min_fuzzy_len || a.first != b.first {
        return false;
    }
    strsim::jaro_winkler(a.text, b.text) >= s.fuzzy_token
        || strsim::normalized_levenshtein(a.text, b.text) >= s.fuzzy_edit
}

/// The weight of the tokens of `x` that have a fuzzy equal in `y`.
pub(super) fn found_in(x: &[Tok], y: &[Tok], s: &Settings) -> f64 {
    x.iter()
        .filter(|t| y.iter().any(|u| fuzzy_tok(t, u, s)))
        .map(|t| t.weight)
        .sum()
}

/// Soft weighted Dice overlap of two token lists: the idf weight of the tokens of each side
/// that have a fuzzy equal on the other, over the weight of both.
pub(super) fn soft_dice(a: &[Tok], b: &[Tok], s: &Settings) -> f64 {
    let total: f64 = a.iter().chain(b).map(|t| t.weight).sum();
    if total == 0.0 {
        return 0.0;
    }
    (found_in(a, b, s) + found_in(b, a, s)) / total
}

/// Subject similarity of two claims in 0–1, or 0 when the subjects share too little.
///
/// The subject part is the idf weight of each side's subject terms and head found anywhere in
/// the other claim (its subject or the names of its sentence: "the Nagorno-Karabakh region"
/// meets a sentence that names Nagorno-Karabakh), over the weight of both subjects. Below
/// [`Settings::min_subject`] (or [`Settings::min_one_sided`]) or [`Settings::min_evidence`]
/// the pair scores 0: names alone never make a match. The result is the weighted mean of the
/// subject part, the head nouns' agreement and the names' overlap, over the parts both claims
/// have.
pub(super) fn similarity(a: &Prepared, b: &Prepared, s: &Settings) -> f64 {
    let total: f64 = a.subject.iter().chain(&b.subject).map(|t| t.weight).sum();
    if total == 0.0 {
        return 0.0;
    }
    let found = found_in(&a.subject, &b.all, s) + found_in(&b.subject, &a.all, s);
    let subject = found / total;
    let gate = if a.subject.is_empty() || b.subject.is_empty() {
        s.min_one_sided
    } else {
        s.min_subject
    };
    if subject < gate || found < s.min_evidence {
        return 0.0;
    }
    let mut num = s.subject_weight * subject;
    let mut den = s.subject_weight;
    if let (Some(ha), Some(hb)) = (&a.head, &b.head) {
        den += s.head_weight;
        if fuzzy_tok(ha, hb, s) {
            num += s.head_weight;
        }
    }
    if !a.names.is_empty() && !b.names.is_empty() {
        den += s.names_weight;
        num += s.names_weight * soft_dice(&a.names, &b.names, s);
    }
    num / den
}

/// True when claim `f` holds every term of the tracked fact (and is of its kind, if set).
pub(super) fn matches_fact(fact: &Fact, f: &Features, kind: Kind, s: &Settings) -> bool {
    if fact.kind.is_some_and(|k| k != kind) || fact.terms.is_empty() {
        return false;
    }
    fact.terms.iter().all(|term| {
        let mut toks = Vec::new();
        name_tokens(term, &mut toks);
        !toks.is_empty()
            && toks
                .iter()
                .all(|t| f.all().any(|u| fuzzy_eq(t.as_str(), u, s)))
    })
}

/// A readable label: the subject phrase of the member that shares most terms with the others
/// (ties: the shorter phrase), cut to [`LABEL_WORDS`] words.
pub(super) fn label(members: &[&Node]) -> String {
    let mut best: Option<(usize, usize, String)> = None;
    for (i, m) in members.iter().enumerate() {
        let phrase = m.claim.subject.phrase.trim();
        if phrase.is_empty() {
            continue;
        }
        let shared = members
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, o)| {
                m.features
                    .terms
                    .iter()
                    .filter(|t| o.features.terms.contains(t))
                    .count()
            })
            .sum::<usize>();
        let cand = (shared, phrase.len(), phrase.to_string());
        let better = match &best {
            None => true,
            Some((s, l, _)) => shared > *s || (shared == *s && phrase.len() < *l),
        };
        if better {
            best = Some(cand);
        }
    }
    let kind = members[0].claim.kind;
    // What the group measures, when its claims say: its role, its scope, who gives it.
    let m = &members[0].measure;
    if !m.role.is_empty() && members.iter().all(|n| n.measure.role == m.role) {
        let mut label = format!("{kind}: {}", lx::role_label(&m.role));
        // A role a story has several figures of (many things begin) says which by its words.
        if lx::is_worded_role(&m.role)
            && let Some((_, _, p)) = &best
        {
            label.push_str(lx::LABEL_SEPARATOR);
            label.push_str(&short(p));
        }
        for s in &m.scope {
            label.push_str(lx::LABEL_SEPARATOR);
            label.push_str(&lx::scope_label(s));
        }
        let said = members
            .iter()
            .find(|n| !n.claim.measure.attribution().is_empty())
            .map(|n| n.claim.measure.attribution());
        if let Some(said) = said {
            label.push_str(lx::LABEL_SEPARATOR);
            label.push_str(lx::LABEL_ACCORDING_TO);
            label.push(' ');
            label.push_str(said);
        }
        return label;
    }
    match best {
        Some((_, _, p)) => format!("{kind}: {}", short(&p)),
        None => format!("{kind}: {}", members[0].claim.text),
    }
}

/// A subject phrase cut to [`LABEL_WORDS`] words.
fn short(phrase: &str) -> String {
    let words: Vec<&str> = phrase.split_whitespace().take(LABEL_WORDS).collect();
    words.join(" ")
}

/// How many words of a subject phrase a group's label shows.
const LABEL_WORDS: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;

    fn idf(n: usize) -> Idf {
        Idf {
            df: HashMap::new(),
            n: n as f64,
        }
    }

    #[test]
    fn the_evidence_bar_is_lowered_only_in_a_small_event() {
        let s = Settings::default();
        // Two articles compared alone: some 40 claims, where a word of two claims weighs about
        // 2.8, below the bar of a whole story; the bar comes down with it.
        let small = idf(40).settings(&s);
        assert!(small.min_evidence < s.min_evidence);
        assert!(small.min_evidence > 0.0);
        assert!(small.min_evidence < Idf::weight_of(40.0, 2.0));
        // The rest of the settings are kept.
        assert_eq!(
            Settings {
                min_evidence: s.min_evidence,
                ..small.clone()
            },
            s
        );
        // An event of `evidence_full_claims` claims or more keeps the bar as it is.
        assert_eq!(idf(s.evidence_full_claims).settings(&s), s);
        assert_eq!(idf(5000).settings(&s), s);
        // With no smaller event named, the bar is never lowered.
        let off = Settings {
            evidence_full_claims: 0,
            ..Settings::default()
        };
        assert_eq!(idf(40).settings(&off), off);
    }
}
