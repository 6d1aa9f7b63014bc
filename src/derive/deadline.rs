//! [`Rule::Deadline`]: "the Kyrgyz parliament announced ratification in time for Putin's
//! arrival", and the arrival dated elsewhere in the article ("As Putin arrived in Bishkek early
//! Thursday"), say the ratification came on or before that day. The event is the first word
//! after the phrase that is neither a name nor a determiner ("arrival"); its date is the first
//! date of the article whose sentence holds a word of the same stem ("arrived") and every name
//! the phrase gives ("Putin").

use super::{Article, Word, ahead, behind, date_claim, span_at, starts_with_at, words};
use crate::calendar::Ymd;
use crate::claim::{Claim, DatePrecision, Derivation, Kind, Resolution, Rule, Subject, Sym};
use crate::lang::en::derive::BY_EVENT;
use crate::lang::en::stem::stem;
use crate::lang::en::words::{is_determiner, is_stopword};
use std::collections::HashMap;

/// How many words after the phrase its event noun may come ("ahead of the annual CIS summit").
const EVENT_WINDOW: usize = 5;

/// The phrase's event: the names before the noun, the noun's stem, and where the noun ends.
fn event(text: &str, from: usize, to: usize) -> Option<(Vec<String>, String, usize)> {
    let mut names = Vec::new();
    for &(s, e) in words(text, from, ahead(text, from, to))
        .iter()
        .take(EVENT_WINDOW)
    {
        let word = &text[s..e];
        let bare = word
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .trim_end_matches(['\'', '’']);
        if !bare.chars().next().is_some_and(char::is_alphabetic) {
            return None;
        }
        if bare.chars().next().is_some_and(char::is_uppercase) {
            names.push(bare.to_string());
        } else if !is_determiner(bare) && !is_stopword(bare) {
            return Some((names, stem(&bare.to_lowercase()), e));
        }
    }
    None
}

/// The least length of a stem that names an event ("arriv" of "arrived" and "arrival").
const MIN_STEM: usize = 4;

/// Two stems of one word family: one begins the other ("arriv", "arrival"; "visit",
/// "visits"), and the shorter is no mere prefix ("a", "in").
fn related(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= MIN_STEM && long.starts_with(short)
}

/// How many dated claims whose words begin like the event's noun are examined for one phrase
/// (the first ones in the text): an article of thousands of "ahead of" phrases stays linear.
const MAX_CANDIDATES: usize = 64;

/// The article's dated claims (one day, resolved, not its dateline), each with the stems of the
/// words around it, indexed by the first [`MIN_STEM`] characters of each stem.
struct Dated<'a> {
    claims: Vec<(&'a Claim, Vec<(String, Word)>)>,
    by_prefix: HashMap<String, Vec<usize>>,
}

impl<'a> Dated<'a> {
    fn of(a: Article<'a>) -> Dated<'a> {
        let mut claims = Vec::new();
        let mut by_prefix: HashMap<String, Vec<usize>> = HashMap::new();
        for d in a.claims {
            let day = d.date.as_ref().is_some_and(|i| {
                !i.dateline
                    && i.resolution != Resolution::Unresolved
                    && i.precision == DatePrecision::Day
            });
            if d.kind != Kind::Date || d.derived.is_some() || !day || d.value.lo() != d.value.hi() {
                continue;
            }
            let ws = words(
                a.text,
                behind(a.text, d.sentence.start(), d.span.start()),
                ahead(a.text, d.span.end(), d.sentence.end()),
            );
            let stems: Vec<(String, Word)> = ws
                .iter()
                .map(|w| (stem(&a.text[w.0..w.1].to_lowercase()), *w))
                .collect();
            let i = claims.len();
            for (t, _) in &stems {
                if let Some(p) = t.get(..MIN_STEM) {
                    let list = by_prefix.entry(p.to_string()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
            claims.push((d, stems));
        }
        Dated { claims, by_prefix }
    }

    /// The first dated claim whose words name the event: a word of its stem and each of its
    /// names, in another sentence than `not`'s.
    fn find(&self, text: &str, names: &[String], noun: &str, not: &Claim) -> Option<&'a Claim> {
        let list = self.by_prefix.get(noun.get(..MIN_STEM)?)?;
        list.iter().take(MAX_CANDIDATES).find_map(|&i| {
            let (d, stems) = &self.claims[i];
            let named = stems.iter().any(|(t, _)| related(t, noun))
                && names.iter().all(|n| {
                    stems
                        .iter()
                        .any(|(_, w)| text[w.0..w.1].starts_with(n.as_str()))
                });
            (named && d.sentence != not.sentence).then_some(*d)
        })
    }
}

/// The sentences of `a` that put what they tell on or before an event dated elsewhere.
pub(super) fn deadlines(a: Article<'_>) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut dated: Option<Dated<'_>> = None;
    for c in a.claims {
        // Each sentence once: a claim of it stands for the sentence (subject, measure).
        if !seen.insert(c.sentence.start()) {
            continue;
        }
        out.extend(in_sentence(a, c, &mut dated));
    }
    out
}

/// The deadline in `c`'s sentence, if any.
fn in_sentence<'a>(a: Article<'a>, c: &Claim, dated: &mut Option<Dated<'a>>) -> Option<Claim> {
    let sentence = c.sentence;
    let ws = words(a.text, sentence.start(), sentence.end());
    let (at, after) = ws.iter().find_map(|w| {
        BY_EVENT
            .iter()
            .find_map(|p| starts_with_at(a.text, w.0, p))
            .map(|end| (w.0, end))
    })?;
    let (names, noun, end) = event(a.text, after, sentence.end())?;
    let d = dated
        .get_or_insert_with(|| Dated::of(a))
        .find(a.text, &names, &noun, c)?;
    let day = d.value.hi()?;
    let on = Ymd::from_days(day as i64);
    // What happened by then: the words of the sentence before the phrase.
    let clause_start = sentence.start();
    let phrase = a.text[clause_start..at].trim_matches(|ch: char| !ch.is_alphanumeric());
    let span = span_at(a.text, &c.span, at, end);
    let base = Claim {
        subject: subject_of(phrase, &names),
        measure: Default::default(),
        ..c.clone()
    };
    let arithmetic = format!(
        "{}: {} on {on} → on or before {on}",
        &a.text[at..end],
        d.text
    );
    Some(date_claim(
        &base,
        a.text,
        span,
        (None, Some(day)),
        DatePrecision::Day,
        (
            "",
            Derivation {
                rule: Rule::Deadline,
                from: vec![d.id.clone()],
                arithmetic,
            },
        ),
    ))
}

/// The subject of what happened by the deadline: its content words, stemmed.
fn subject_of(phrase: &str, names: &[String]) -> Subject {
    let mut terms: Vec<String> = Vec::new();
    let mut head = None;
    let mut all_names = Vec::new();
    for w in phrase.split(|ch: char| !ch.is_alphanumeric() && ch != '-') {
        if w.is_empty() {
            continue;
        }
        if w.chars().next().is_some_and(char::is_uppercase) && !is_determiner(w) {
            all_names.push(w.to_string());
        }
        let lower = w.to_lowercase();
        if is_stopword(&lower) || is_determiner(&lower) {
            continue;
        }
        let t = stem(&lower);
        if !terms.contains(&t) {
            terms.push(t.clone());
        }
        head = Some(t);
    }
    all_names.extend(names.iter().cloned());
    Subject {
        phrase: phrase.into(),
        terms: Sym::all(&terms).into(),
        head: head.map(Sym::from),
        names: Sym::shared_all(&all_names),
    }
}
