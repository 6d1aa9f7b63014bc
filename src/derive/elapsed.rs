//! [`Rule::Elapsed`] and [`Rule::Anniversary`]: a span of time that runs to a known date gives
//! the date it began. "Its 20-month war" in an article of 2023-10-13 began around 2022-02;
//! "has led the university for 30 years" around 1993; "the 20th anniversary of its opening",
//! marked on 2023-10-12, says it opened in 2003; "the 45-year-old director", in an article of
//! 2024-05-12, was born between 1978-05-13 and 1979-05-12.

use super::{
    Article, Settings, Word, ahead, behind, date_claim, is, months_before, span_at, words,
};
use crate::calendar::Ymd;
use crate::claim::{Claim, DatePrecision, Derivation, Kind, Qualifier, Resolution, Rule, Sym};
use crate::lang::en::derive::{AGE, ANNIVERSARY, ENDED, FOR, ONGOING, PERFECT};
use crate::lang::en::measure::START_ROLE;

/// Days in one of a written duration's units, and how it reads; `None` for units too short to
/// reach back to a start date (hours, minutes).
fn unit(written: &str) -> Option<(f64, &'static str, DatePrecision)> {
    Some(match written {
        "years" => (365.2425, "year", DatePrecision::Year),
        "months" => (30.436875, "month", DatePrecision::Month),
        "weeks" => (7.0, "week", DatePrecision::Day),
        "days" => (1.0, "day", DatePrecision::Day),
        _ => return None,
    })
}

/// How many words after a duration its ongoing noun may come ("20-month full-scale war").
const NOUN_WINDOW: usize = 3;
/// How many words around the duration and its noun are read for "ended", "former", "was".
const ENDED_WINDOW: usize = 2;

/// The ongoing noun a duration qualifies ("20-month war"), or the "for" of a perfect tense
/// ("has been a leader for 30 years"): the end of the words the start is derived from.
fn runs_to_now(text: &str, c: &Claim) -> Option<(usize, String)> {
    let after = words(
        text,
        c.span.end(),
        ahead(text, c.span.end(), c.sentence.end()),
    );
    let before = words(
        text,
        behind(text, c.sentence.start(), c.span.start()),
        c.span.start(),
    );
    let w = |&(s, e): &Word| &text[s..e];
    let ended = |ws: &[Word]| ws.iter().any(|x| is(ENDED, w(x)));
    // "20-month war", "two-year-long campaign": the noun within a few words, before any
    // punctuation or verb of a clause of its own.
    for (i, x) in after.iter().take(NOUN_WINDOW).enumerate() {
        let word = w(x);
        if !word.chars().next().is_some_and(char::is_alphanumeric) {
            break;
        }
        if is(ONGOING, word) {
            let next = &after[i + 1..(i + 1 + ENDED_WINDOW).min(after.len())];
            let prev = &before[before.len().saturating_sub(ENDED_WINDOW)..];
            if ended(next) || ended(prev) {
                return None;
            }
            return Some((x.1, word.to_string()));
        }
    }
    // "has been a leader in higher education for 30 years" (not "was", not "for 30 years
    // until 2010").
    let prev = before.last()?;
    if !is(FOR, w(prev)) || ended(&after[..after.len().min(ENDED_WINDOW)]) {
        return None;
    }
    let perfect = before.iter().any(|x| is(PERFECT, w(x)));
    perfect.then(|| (c.span.end(), String::new()))
}

/// Start dates from durations of ongoing things and the article's date.
pub(super) fn elapsed(a: Article<'_>, s: &Settings) -> Vec<Claim> {
    let Some(published) = a.published else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in a.claims {
        if c.kind != Kind::Duration
            || c.derived.is_some()
            || !matches!(c.qualifier, Qualifier::Exact | Qualifier::Approx)
            || !c.written().value.is_point()
        {
            continue;
        }
        let (Some((days, name, precision)), Some(n)) =
            (unit(&c.written().unit), c.written().value.lo())
        else {
            continue;
        };
        if n < 1.0 || n.fract() != 0.0 {
            continue;
        }
        if name == "year"
            && let Some(age) = age(a, c, n, published)
        {
            out.push(age);
            continue;
        }
        let Some((end, noun)) = runs_to_now(a.text, c) else {
            continue;
        };
        let center = match name {
            "year" => months_before(published, n as i64 * 12),
            "month" => months_before(published, n as i64),
            _ => Ymd::from_days(published.days() - (n * days) as i64),
        };
        let mid = center.days() as f64;
        let half = (s.slack * days).round();
        let shown = match precision {
            DatePrecision::Year => center.year.to_string(),
            DatePrecision::Month => format!("{:04}-{:02}", center.year, center.month),
            _ => center.to_string(),
        };
        let plural = if (s.slack - 1.0).abs() < f64::EPSILON {
            ""
        } else {
            "s"
        };
        let what = if noun.is_empty() {
            c.text.to_string()
        } else {
            format!("{} {noun}", c.text)
        };
        let arithmetic = format!(
            "{what}, article of {published} → began {shown} ± {} {name}{plural}",
            fmt_num(s.slack)
        );
        let span = span_at(a.text, &c.span, c.span.start(), end);
        let base = if noun.is_empty() {
            c.clone()
        } else {
            began(a.text, c, &noun, end)
        };
        out.push(date_claim(
            &base,
            a.text,
            span,
            (Some(mid - half), Some(mid + half)),
            precision,
            (
                START_ROLE,
                Derivation {
                    rule: Rule::Elapsed,
                    from: vec![c.id.clone()],
                    arithmetic,
                },
            ),
        ));
    }
    out
}

/// A birth date from an age: "the 45-year-old director", "he is 45 years old", in an article
/// of 2024-05-12 → born between 1978-05-13 and 1979-05-12.
fn age(a: Article<'_>, c: &Claim, n: f64, published: Ymd) -> Option<Claim> {
    let after = words(
        a.text,
        c.span.end(),
        ahead(a.text, c.span.end(), c.sentence.end()),
    );
    let w = |&(s, e): &Word| &a.text[s..e];
    let end = if c.text.rsplit(['-', ' ']).next().is_some_and(|t| is(AGE, t)) {
        c.span.end()
    } else {
        after.first().filter(|x| is(AGE, w(x)))?.1
    };
    let latest = months_before(published, n as i64 * 12);
    let earliest = Ymd::from_days(months_before(published, (n as i64 + 1) * 12).days() + 1);
    let arithmetic = format!(
        "{}, article of {published} → born {earliest} to {latest}",
        &a.text[c.span.start()..end]
    );
    let span = span_at(a.text, &c.span, c.span.start(), end);
    Some(date_claim(
        c,
        a.text,
        span,
        (Some(earliest.days() as f64), Some(latest.days() as f64)),
        DatePrecision::Day,
        (
            "",
            Derivation {
                rule: Rule::Elapsed,
                from: vec![c.id.clone()],
                arithmetic,
            },
        ),
    ))
}

/// How many words after the ongoing noun may name where or on whom it goes on ("war in
/// Ukraine", "campaign against the Houthis").
const PLACE_WINDOW: usize = 4;

/// The claim `c` with the subject of what began: the ongoing noun and the names right after it
/// ("20-month war in Ukraine make allies uneasy" → "war in Ukraine"), not the rest of the
/// sentence, which speaks of something else.
fn began(text: &str, c: &Claim, noun: &str, noun_end: usize) -> Claim {
    let mut phrase_end = noun_end;
    let mut names = Vec::new();
    for (i, &(s, e)) in words(text, noun_end, ahead(text, noun_end, c.sentence.end()))
        .iter()
        .take(PLACE_WINDOW)
        .enumerate()
    {
        let word = &text[s..e];
        let upper = word.chars().next().is_some_and(char::is_uppercase);
        if upper {
            names.push(word.to_string());
            phrase_end = e;
        } else if i > 0 && !names.is_empty()
            || !word.chars().next().is_some_and(char::is_alphabetic)
        {
            break;
        }
    }
    let mut base = c.clone();
    let noun_stem = crate::lang::en::stem::stem(&noun.to_lowercase());
    let mut terms = vec![noun_stem.clone()];
    for n in &names {
        let t = crate::lang::en::stem::stem(&n.to_lowercase());
        if !terms.contains(&t) {
            terms.push(t);
        }
    }
    let start = c.span.end().min(noun_end);
    base.subject.phrase = text[start..phrase_end]
        .trim_start_matches(|ch: char| !ch.is_alphabetic())
        .into();
    base.subject.terms = Sym::all(&terms).into();
    base.subject.head = Some(Sym::from(noun_stem));
    base
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The date an anniversary in `c`'s sentence is marked on: the sentence's own resolved date
/// nearest to it, else the article's date.
fn marked_on(a: Article<'_>, c: &Claim) -> Option<(Ymd, bool)> {
    let in_sentence = a
        .claims
        .iter()
        .filter(|d| {
            d.kind == Kind::Date
                && d.derived.is_none()
                && d.sentence == c.sentence
                && d.date.as_ref().is_some_and(|i| {
                    i.resolution != Resolution::Unresolved && i.precision <= DatePrecision::Month
                })
        })
        .min_by_key(|d| d.span.start().abs_diff(c.span.start()));
    match in_sentence.and_then(|d| d.value.lo()) {
        Some(day) => Some((Ymd::from_days(day as i64), true)),
        None => a.published.map(|p| (p, false)),
    }
}

/// Start years from "the Nth anniversary" and the date it is marked on.
pub(super) fn anniversaries(a: Article<'_>) -> Vec<Claim> {
    let mut out = Vec::new();
    for c in a.claims {
        if c.kind != Kind::Ordinal || c.derived.is_some() || !c.value.is_point() {
            continue;
        }
        let after = words(
            a.text,
            c.span.end(),
            ahead(a.text, c.span.end(), c.sentence.end()),
        );
        let Some(&(_, end)) = after
            .first()
            .filter(|&&(s, e)| is(ANNIVERSARY, &a.text[s..e]))
        else {
            continue;
        };
        let Some(n) = c.value.lo().filter(|n| *n >= 1.0 && n.fract() == 0.0) else {
            continue;
        };
        let Some((on, stated)) = marked_on(a, c) else {
            continue;
        };
        let year = on.year - n as i32;
        let (Some(first), Some(last)) = (Ymd::new(year, 1, 1), Ymd::new(year, 12, 31)) else {
            continue;
        };
        let whence = if stated { "marked" } else { "article of" };
        let arithmetic = format!(
            "{}, {whence} {on} → began in {year}",
            &a.text[c.span.start()..end]
        );
        let span = span_at(a.text, &c.span, c.span.start(), end);
        // The derived fact is when it began, not the anniversary: "anniversary" leaves the
        // subject ("anniversary of its opening" → "opening").
        let mut base = c.clone();
        let noun = crate::lang::en::stem::stem(&a.text[after[0].0..end].to_lowercase());
        let mut terms = std::mem::take(&mut base.subject.terms).into_vec();
        terms.retain(|t| *t != noun);
        base.subject.terms = crate::sym::exact_slice(terms);
        if base.subject.head.as_deref() == Some(noun.as_str()) {
            base.subject.head = base.subject.terms.first().cloned();
        }
        out.push(date_claim(
            &base,
            a.text,
            span,
            (Some(first.days() as f64), Some(last.days() as f64)),
            DatePrecision::Year,
            (
                "",
                Derivation {
                    rule: Rule::Anniversary,
                    from: vec![c.id.clone()],
                    arithmetic,
                },
            ),
        ));
    }
    out
}
