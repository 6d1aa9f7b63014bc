//! [`Rule::Total`]: a count followed in its sentence by the counts it is made of. "26
//! foreigners: five from Iran, four each from China and Russia and three from Turkey" lists
//! the parts of 26 (a list opened by a colon or a dash spells the total out: the sum must be
//! it); "1,301 pilgrims died, including 658 Egyptians and 165 Indonesians" names some of them
//! (the sum must be at most the total). A part said "each" of several items ("four each from
//! China and Russia") counts once per item.
//!
//! The parts may also follow in the next sentences of the total's paragraph: "26 foreigners
//! died. Five were from Iran, four each from China and Russia, and three from Turkey." Across
//! sentences nothing but the order of the text ties a count to the total, so the reading is
//! strict ([`across`]): the total is the one count of its sentence and ends it, the parts'
//! sentence follows it in the same paragraph and opens with a part (or with "of them", "among
//! them"), each part names where it is from (a capitalised word right after it: a breakdown by
//! country or place, not "12 were women and 3 children", which may overlap), no part has another
//! role ("19 were injured"), and the list is read as the whole only when it is closed ("…, and
//! three from Turkey") and says nothing of others; else its sum must only not exceed the total.

use super::{Article, Settings, Word, ahead, is, span_at, starts_with_at, words};
use crate::claim::{Claim, Derivation, Dimension, Flag, Interval, Qualifier, Rule, Sym};
use crate::lang::en::derive::{EACH, LIST_JOINERS, LIST_OPENERS, NOT_ALL, SOME_OF};

/// How the words between a total and its first part introduce the parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Parts {
    /// "26 foreigners: five from …": the parts make the total.
    All,
    /// "1,301 died, including …": the parts are some of it.
    Some,
}

/// The most parts one total is read with: a longer run of numbers is a table, not the parts
/// of a figure, and reading it once per number would be quadratic.
const MAX_PARTS: usize = 50;

/// How the words between a total and its first part introduce the parts, if they do. Only a
/// few words may stand between them ("26 foreigners were among the dead:").
const OPENER_WINDOW: usize = 8;

/// Across sentences, how many words after a part may name where it is from ("five were from
/// Iran", "two from the United States").
const PLACE_WINDOW: usize = 3;

fn opener(text: &str, from: usize, to: usize) -> Option<Parts> {
    if to.saturating_sub(from) > super::WINDOW_BYTES {
        return None;
    }
    let ws = words(text, from, to);
    if ws.len() > OPENER_WINDOW {
        return None;
    }
    let w = |&(s, e): &Word| &text[s..e];
    // The opener must be the last thing before the part ("including five", "of whom 12").
    let last = ws.iter().rposition(|x| {
        is(LIST_OPENERS, w(x))
            || SOME_OF
                .iter()
                .any(|p| starts_with_at(text, x.0, p).is_some())
    })?;
    let x = ws[last];
    let rest = ws.len() - last - 1;
    if is(LIST_OPENERS, w(&x)) {
        return (rest == 0).then_some(Parts::All);
    }
    let phrase = SOME_OF
        .iter()
        .find_map(|p| starts_with_at(text, x.0, p))
        .unwrap_or(x.1);
    (words(text, phrase, to).is_empty()).then_some(Parts::Some)
}

/// The number of items a part counts once each: "four each from China and Russia" → 2.
fn times(text: &str, from: usize, to: usize) -> Option<u32> {
    let ws = words(text, from, ahead(text, from, to));
    let w = |&(s, e): &Word| &text[s..e];
    if !ws.first().is_some_and(|x| is(EACH, w(x))) {
        return Some(1);
    }
    // Items: capitalised words or word runs, split by "," and "and".
    let mut items = 0;
    let mut in_item = false;
    for x in &ws[1..] {
        let word = w(x);
        if word == "," || is(LIST_JOINERS, word) {
            in_item = false;
        } else if word.chars().next().is_some_and(char::is_uppercase) {
            if !in_item {
                items += 1;
            }
            in_item = true;
        }
    }
    (items >= 2).then_some(items)
}

/// Whether `p` can be a part of `total`: a count of the same unit (or a bare number), no
/// larger than it, not vague.
fn part_of(total: &Claim, p: &Claim) -> bool {
    matches!(p.dimension, Dimension::Count | Dimension::Number)
        && p.derived.is_none()
        && p.sentence == total.sentence
        && p.span.start() >= total.span.end()
        && (p.unit == total.unit || p.unit.is_empty() || p.unit == "people")
        && !p.flags.contains(&Flag::Vague)
        && p.value.is_point()
        && matches!((p.value.hi(), total.value.lo()), (Some(a), Some(b)) if a <= b)
}

/// The sums of listed parts held against their totals, one derived claim per total: parts in
/// the total's sentence, else in the sentences after it in its paragraph ([`across`]).
pub(super) fn totals(a: Article<'_>, s: &Settings) -> Vec<Claim> {
    let mut out = Vec::new();
    let blank_lines = has_blank_line(a.text, 0, a.text.len());
    for (i, total) in a.claims.iter().enumerate() {
        if total.dimension != Dimension::Count
            || total.derived.is_some()
            || total.flags.contains(&Flag::Vague)
        {
            continue;
        }
        if let Some(c) = within(a, i, s).or_else(|| across(a, i, s, blank_lines)) {
            out.push(c);
        }
    }
    out
}

/// The sum of the parts listed after the total at `i` in its own sentence, if they are.
fn within(a: Article<'_>, i: usize, s: &Settings) -> Option<Claim> {
    let claims = a.claims;
    let total = &claims[i];
    let first = claims.get(i + 1).filter(|p| part_of(total, p))?;
    let how = opener(a.text, total.span.end(), first.span.start())?;
    let mut parts: Vec<(&Claim, u32)> = Vec::new();
    for (k, p) in claims[i + 1..].iter().take(MAX_PARTS).enumerate() {
        if !part_of(total, p) {
            break;
        }
        let next = claims
            .get(i + 2 + k)
            .filter(|n| n.sentence == total.sentence)
            .map_or(total.sentence.end(), |n| n.span.start());
        let Some(n) = times(a.text, p.span.end(), next) else {
            break;
        };
        parts.push((p, n));
    }
    // A list must have `min_parts` items to spell a total out; one part "including" is
    // already a check (no part exceeds its whole).
    if parts.is_empty() || (how == Parts::All && parts.len() < s.min_parts) {
        return None;
    }
    let partial = how == Parts::Some || says_others(a.text, &parts);
    Some(sum_claim(a, total, &parts, partial))
}

/// True when a list of parts says it is not the whole: a word of [`NOT_ALL`] in it or just
/// after it ("and 12 others", "the rest").
fn says_others(text: &str, parts: &[(&Claim, u32)]) -> bool {
    let (Some((first, _)), Some((last, _))) = (parts.first(), parts.last()) else {
        return false;
    };
    let tail = words(text, first.span.start(), last.span.end());
    let after = words(
        text,
        last.span.end(),
        ahead(text, last.span.end(), last.sentence.end()),
    );
    tail.iter()
        .chain(after.iter().take(3))
        .any(|&(x, y)| is(NOT_ALL, &text[x..y]))
}

/// True when `text[from..to]` holds a blank line (a line break, white space, a line break).
fn has_blank_line(text: &str, from: usize, to: usize) -> bool {
    let mut breaks = 0;
    for ch in text.get(from..to).unwrap_or("").chars() {
        match ch {
            '\n' => {
                breaks += 1;
                if breaks == 2 {
                    return true;
                }
            }
            c if c.is_whitespace() => {}
            _ => breaks = 0,
        }
    }
    false
}

/// True when the sentence ending at `end` and the one starting at `start` are consecutive
/// sentences of one paragraph: only white space between them, and no paragraph break (a blank
/// line; in a text without blank lines, any line break).
fn next_in_paragraph(text: &str, end: usize, start: usize, blank_lines: bool) -> bool {
    let Some(gap) = text.get(end..start) else {
        return false;
    };
    let new_paragraph = if blank_lines {
        has_blank_line(text, end, start)
    } else {
        gap.contains('\n')
    };
    gap.chars().all(char::is_whitespace) && !new_paragraph
}

/// How the words before a sentence's first part introduce it: nothing ("Five were from
/// Iran"), or words that say the parts are some of the total ("Of them, five were from Iran").
fn sentence_opener(text: &str, from: usize, to: usize) -> Option<Parts> {
    let ws = words(text, from, to);
    let Some(&(x, _)) = ws.first() else {
        return Some(Parts::All);
    };
    let end = SOME_OF.iter().find_map(|p| starts_with_at(text, x, p))?;
    let rest = words(text, end, to);
    rest.iter()
        .all(|&(x, y)| &text[x..y] == ",")
        .then_some(Parts::Some)
}

/// Whether `p`, in a sentence after `total`'s, can be one of its parts: a part by
/// [`part_of`]'s rules but for the sentence, with no role other than the total's, naming where
/// it is from (a capitalised word within [`PLACE_WINDOW`] words after it).
fn part_across(text: &str, total: &Claim, p: &Claim) -> bool {
    let mut same_sentence = p.clone();
    same_sentence.sentence = total.sentence;
    let roles_differ = !p.measure.role.is_empty()
        && !total.measure.role.is_empty()
        && p.measure.role != total.measure.role;
    let after = words(
        text,
        p.span.end(),
        ahead(text, p.span.end(), p.sentence.end()),
    );
    let placed = after
        .iter()
        .take(PLACE_WINDOW)
        .any(|&(x, _)| text[x..].chars().next().is_some_and(char::is_uppercase));
    part_of(total, &same_sentence)
        && p.sentence.start() >= total.sentence.end()
        && !roles_differ
        && placed
}

/// The sum of the parts listed after the total at `i` in the next sentences of its paragraph
/// (see the module's notes), if they are. `blank_lines`: the text marks paragraphs by blank
/// lines.
fn across(a: Article<'_>, i: usize, s: &Settings, blank_lines: bool) -> Option<Claim> {
    let claims = a.claims;
    let total = &claims[i];
    // The one count of its sentence: with two ("26 foreigners and 132 Koreans died"), which
    // the parts are of is a guess.
    let counts_in_sentence = claims
        .iter()
        .filter(|c| c.sentence == total.sentence && c.dimension == Dimension::Count)
        .count();
    if counts_in_sentence != 1 {
        return None;
    }
    let first = claims.get(i + 1)?;
    if !next_in_paragraph(
        a.text,
        total.sentence.end(),
        first.sentence.start(),
        blank_lines,
    ) || !part_across(a.text, total, first)
    {
        return None;
    }
    let how = sentence_opener(a.text, first.sentence.start(), first.span.start())?;
    let mut parts: Vec<(&Claim, u32)> = Vec::new();
    let mut sentence = first.sentence;
    for (k, p) in claims[i + 1..].iter().take(MAX_PARTS).enumerate() {
        if p.sentence != sentence {
            // The list goes on in the next sentence only when that sentence opens with a part.
            let opens = words(a.text, p.sentence.start(), p.span.start()).is_empty();
            if !opens || !next_in_paragraph(a.text, sentence.end(), p.sentence.start(), blank_lines)
            {
                break;
            }
            sentence = p.sentence;
        }
        if !part_across(a.text, total, p) {
            break;
        }
        let next = claims
            .get(i + 2 + k)
            .filter(|n| n.sentence == sentence)
            .map_or(sentence.end(), |n| n.span.start());
        let Some(n) = times(a.text, p.span.end(), next) else {
            break;
        };
        parts.push((p, n));
    }
    if parts.len() < s.min_parts.max(2) {
        return None;
    }
    Some(sum_claim(
        a,
        total,
        &parts,
        how == Parts::Some || !closed(a.text, &parts),
    ))
}

/// True when a list of parts is closed and says nothing of others: a joiner ("and") right
/// before its last part, and no word of [`NOT_ALL`] ([`says_others`]).
fn closed(text: &str, parts: &[(&Claim, u32)]) -> bool {
    let [.., (before, _), (last, _)] = parts else {
        return false;
    };
    let between = words(text, before.span.end(), last.span.start());
    let joined = between
        .iter()
        .rev()
        .take(2)
        .any(|&(x, y)| is(LIST_JOINERS, &text[x..y]));
    joined && !says_others(text, parts)
}

/// The derived claim: the parts' sum, exact when they make the total, else at least the sum.
fn sum_claim(a: Article<'_>, total: &Claim, parts: &[(&Claim, u32)], partial: bool) -> Claim {
    let mut lo = 0.0;
    let mut hi = 0.0;
    let mut terms = Vec::new();
    for (p, n) in parts {
        let k = f64::from(*n);
        lo += p.bounds.lo().unwrap_or(0.0) * k;
        hi += p.bounds.hi().unwrap_or(f64::INFINITY) * k;
        let v = p.value.lo().unwrap_or(0.0);
        terms.push(if *n > 1 {
            format!("{v}×{n}")
        } else {
            format!("{v}")
        });
    }
    let sum: f64 = parts
        .iter()
        .map(|(p, n)| p.value.lo().unwrap_or(0.0) * f64::from(*n))
        .sum();
    let first = parts[0].0;
    let last = parts[parts.len() - 1].0;
    let (value, bounds, qualifier, how) = if partial {
        (
            Interval::new(Some(sum), None),
            Interval::new(Some(lo), None),
            Qualifier::AtLeast,
            "some of",
        )
    } else {
        (
            Interval::point(sum),
            Interval::new(Some(lo), Some(hi)),
            Qualifier::Exact,
            "the parts of",
        )
    };
    let arithmetic = format!("{} = {sum} ({how} “{}”)", terms.join(" + "), total.text);
    let span = span_at(a.text, &first.span, first.span.start(), last.span.end());
    let mut from = vec![total.id.clone()];
    from.extend(parts.iter().map(|(p, _)| p.id.clone()));
    let mut c = total.clone();
    c.id = Sym::default();
    c.span = span;
    c.text = Sym::unique(&a.text[span.range()]);
    c.value = value;
    c.bounds = bounds;
    c.qualifier = qualifier;
    let unit = c.written().unit;
    c.set_written(crate::claim::Written { value, unit });
    c.equivalent = None;
    c.flags = crate::claim::Flags::default();
    c.derived = Some(Box::new(Derivation {
        rule: Rule::Total,
        from,
        arithmetic,
    }));
    c
}
