//! Subjects: the phrase a value quantifies and its normalized terms. Counts, ordinals and ranks
//! quantify the noun phrase that follows them ("4,500 Bishkek police officers", "the 20th
//! anniversary of its opening", "the largest investor in Kyrgyzstan"); money, percents,
//! durations and dates qualify what comes before them in their clause ("remittances account for
//! up to three billion US dollars"). Terms are lowercase light stems without function words,
//! so "kilometres"/"kilometers" and "Honour"/"Honor" meet; names are the capitalized phrases of
//! the sentence.

use super::lexicon as lx;
use super::token::Tok;

/// How many tokens a noun phrase may extend past its head ("… which have ratified the Rome
/// Statute").
const TAIL_TOKENS: usize = 8;
/// How many words of the clause before a value may describe it.
const LEFT_WORDS: usize = 6;

/// A light English stem: lowercase, no possessive, no plural, spelling variants folded
/// (-our → -or, -tre → -ter, -ise → -ize), common suffixes (-ing, -ed) removed.
pub fn stem(word: &str) -> String {
    let mut w = if word.is_ascii() {
        // Room for the longest ending a rule appends ("-ise" → "-ize" keeps the length).
        let mut w = String::with_capacity(word.len() + 1);
        w.push_str(word);
        w.make_ascii_lowercase();
        w
    } else {
        word.to_lowercase()
    };
    // Every change below cuts a suffix in place (and appends a shorter one): one allocation.
    let cut = |w: &mut String, suffix: &str, with: &str| -> bool {
        if w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            w.push_str(with);
            true
        } else {
            false
        }
    };
    let _ = ["'s", "’s", "'", "’"].iter().any(|p| cut(&mut w, p, ""));
    if w.len() > 4 && !cut(&mut w, "ies", "y") {
        if w.ends_with("sses") || w.ends_with("ches") || w.ends_with("shes") || w.ends_with("xes") {
            w.truncate(w.len() - 2);
        } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")
        {
            w.truncate(w.len() - 1);
        }
    }
    if w.len() > 6 && !cut(&mut w, "ing", "") {
        cut(&mut w, "ed", "");
    }
    if w.len() > 4 && !cut(&mut w, "our", "or") && !cut(&mut w, "tre", "ter") {
        cut(&mut w, "ise", "ize");
    }
    w
}

/// Content terms of a phrase: stems of its words that are not function words or numbers.
pub fn terms_of(text: &str, toks: &[Tok]) -> Vec<String> {
    terms_in(text, toks)
}

/// [`terms_of`] over the tokens of any sequence of token runs (a phrase with a gap).
pub fn terms_in<'t>(text: &str, toks: impl IntoIterator<Item = &'t Tok>) -> Vec<String> {
    let toks = toks.into_iter();
    let mut out: Vec<String> = Vec::with_capacity(toks.size_hint().0);
    for t in toks {
        if !t.is_word() {
            continue;
        }
        let raw = &text[t.start..t.end];
        let mut buf = [0u8; 24];
        let lw = lx::lower(raw, &mut buf).unwrap_or("");
        if !lw.is_empty()
            && (lx::is_stopword(lw)
                || lx::cardinal(lw).is_some()
                || lx::scale(lw).is_some()
                || lw.len() < 2)
        {
            continue;
        }
        let s = stem(raw);
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The noun phrase `[a, b)` and its tail (a prepositional phrase or relative clause) up to a
/// clause boundary.
pub fn extend_tail(text: &str, toks: &[Tok], b: usize, to: usize) -> usize {
    let mut k = b;
    while k < to && k < b + TAIL_TOKENS {
        let t = &toks[k];
        if let Some(c) = t.punct()
            && !matches!(c, '-' | '’' | '\'')
        {
            break;
        }
        if t.is_word() {
            let raw = &text[t.start..t.end];
            let mut buf = [0u8; 24];
            let lw = lx::lower(raw, &mut buf).unwrap_or("");
            // A new clause starts with a conjunction or a verb of saying.
            if matches!(
                lw,
                "and" | "but" | "or" | "said" | "says" | "told" | "while" | "as"
            ) && k > b
            {
                break;
            }
        }
        k += 1;
    }
    k
}

/// Start of the window of up to `LEFT_WORDS` words before token `first`, stopping at clause
/// punctuation.
pub fn left_window(toks: &[Tok], first: usize, from: usize) -> usize {
    let mut k = first;
    let mut words = 0;
    while k > from {
        let t = &toks[k - 1];
        if let Some(c) = t.punct()
            && matches!(
                c,
                ',' | ';' | ':' | '(' | ')' | '“' | '”' | '"' | '—' | '–' | '.' | '[' | ']'
            )
        {
            break;
        }
        if t.is_word() {
            words += 1;
            if words > LEFT_WORDS {
                break;
            }
        }
        k -= 1;
    }
    k
}

/// How many tokens on each side of a value are searched for names: bounded so that a
/// pathological sentence (megabytes without a full stop) stays linear.
const NAME_WINDOW: usize = 16;

/// Names in the window of the sentence `[from, to)` around tokens `[first, last)`.
pub fn names_near(
    text: &str,
    toks: &[Tok],
    from: usize,
    to: usize,
    first: usize,
    last: usize,
) -> Vec<String> {
    let a = first.saturating_sub(NAME_WINDOW).max(from);
    let b = (last + NAME_WINDOW).min(to);
    let mut out = names(text, toks, a, b);
    // The window may cut a name at its start; only the sentence's own first word is special.
    if a > from {
        out.retain(|n| !n.is_empty());
    }
    out
}

/// Capitalized phrases of a sentence ("International Criminal Court", "Putin"), joined across
/// "of", "for", "and" between capitalized words. The sentence's first word counts only when it
/// is part of a longer name.
pub fn names(text: &str, toks: &[Tok], from: usize, to: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut k = from;
    let cap = |t: &Tok| {
        t.is_word()
            && match text.as_bytes()[t.start] {
                b if b.is_ascii() => b.is_ascii_uppercase(),
                _ => text[t.start..t.end]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase),
            }
    };
    while k < to {
        if !cap(&toks[k]) {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k + 1;
        loop {
            if end < to && cap(&toks[end]) {
                end += 1;
                continue;
            }
            // "Center for Russia and Eurasia Studies".
            if end + 1 < to && toks[end].is_word() && cap(&toks[end + 1]) {
                let w = &text[toks[end].start..toks[end].end];
                if matches!(w, "of" | "for" | "and" | "on") {
                    end += 2;
                    continue;
                }
            }
            break;
        }
        let single_first = start == from && end == start + 1;
        let raw = &text[toks[start].start..toks[end - 1].end];
        let mut buf = [0u8; 24];
        let common = end == start + 1 && lx::lower(raw, &mut buf).is_some_and(lx::is_stopword);
        if !single_first && !common {
            let name = strip_possessive(raw).to_string();
            if !out.contains(&name) {
                out.push(name);
            }
        }
        k = end;
    }
    out
}

/// A name without its possessive ending ("Putin's" → "Putin"): every trailing "'s", then every
/// trailing "’s", as `trim_end_matches` would remove them, with byte comparisons instead of a
/// substring searcher.
fn strip_possessive(mut raw: &str) -> &str {
    while let Some(s) = raw.strip_suffix("'s") {
        raw = s;
    }
    while let Some(s) = raw.strip_suffix("’s") {
        raw = s;
    }
    raw
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    #[test]
    fn stems_fold_spelling_variants() {
        let cases = [
            ("kilometres", "kilometer"),
            ("kilometers", "kilometer"),
            ("Honour", "honor"),
            ("Honor", "honor"),
            ("countries", "country"),
            ("Putin's", "putin"),
            ("officers", "officer"),
            ("ratified", "ratifi"),
            ("status", "status"),
        ];
        for (w, want) in cases {
            assert_eq!(stem(w), want, "{w}");
        }
    }

    #[test]
    fn names_join_across_of_and_for() {
        let text = "He works at the Carnegie Center for Russia and Eurasia Studies in Berlin.";
        let toks = tokenize(text);
        assert_eq!(
            names(text, &toks, 0, toks.len()),
            vec!["Carnegie Center for Russia and Eurasia Studies", "Berlin"]
        );
    }

    #[test]
    fn terms_drop_function_words() {
        let text = "countries which have ratified the Rome Statute";
        let toks = tokenize(text);
        assert_eq!(
            terms_of(text, &toks),
            vec!["country", "ratifi", "rome", "statute"]
        );
    }
}
