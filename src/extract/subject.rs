//! Subjects: the phrase a value quantifies and its normalized terms. Counts, ordinals and ranks
//! quantify the noun phrase that follows them ("4,500 Bishkek police officers", "the 20th
//! anniversary of its opening", "the largest investor in Kyrgyzstan"); money, percents,
//! durations and dates qualify what comes before them in their clause ("remittances account for
//! up to three billion US dollars"). Terms are lowercase light stems without function words,
//! so "kilometres"/"kilometers" and "Honour"/"Honor" meet; names are the capitalized phrases of
//! the sentence.

use super::token::{LEX_CAPITAL, Tok};
use crate::lang::en::stem::{Lowered, stem, stem_general};
use crate::lang::en::words;
use crate::sym::Sym;
use crate::text::fold::LONGEST_WORD;
use crate::text::hash::WordHash;
use std::cell::RefCell;
use std::hash::BuildHasher;

/// How many tokens a noun phrase may extend past its head ("… which have ratified the Rome
/// Statute").
const TAIL_TOKENS: usize = 8;
/// How many tokens after a value the clause it opens is searched for a figure of its own
/// ([`value_tail`]): bounded, so a sentence of thousands of "and"s stays linear.
const NEXT_CLAUSE_TOKENS: usize = 2 * TAIL_TOKENS;
/// How many words of the clause before a value may describe it.
const LEFT_WORDS: usize = 6;

/// Content terms of a phrase: stems of its words that are not function words or numbers.
pub fn terms_of(text: &str, toks: &[Tok]) -> Vec<Sym> {
    terms_in(text, toks)
}

/// [`terms_of`] over the tokens of any sequence of token runs (a phrase with a gap).
pub fn terms_in<'t>(text: &str, toks: impl IntoIterator<Item = &'t Tok>) -> Vec<Sym> {
    let mut toks = toks.into_iter();
    let mut out: Vec<Sym> = Vec::new();
    // A phrase read alone keeps no stems.
    let stems = &mut Stems::default();
    while let Some(t) = toks.next() {
        add_term(text, t, &mut out, toks.size_hint().0, stems);
    }
    out
}

/// The slots of the stem cache ([`Stems`]): a few thousand words are most of what the
/// subjects of a run of news articles are made of.
const STEM_SLOTS: usize = 1 << 12;

/// A word's stem as last made ([`Stems`]): the word as written, zero padded, its length, its
/// stem and the stem's [`stem_key`].
#[derive(Clone)]
struct Stemmed {
    word: [u8; LONGEST_WORD],
    len: usize,
    stem: Sym,
    key: u64,
}

/// The stems of the words stemmed last, in [`STEM_SLOTS`] slots indexed by a hash of the word
/// as written (a word takes its slot from the word there before): a word a subject held before
/// (a phrase's words recur in the claims of an article, and a run's common nouns in every
/// article) is not lowercased and stemmed again. A stem depends only on the word, so the cache
/// changes no term. Empty (no slot), it keeps nothing.
///
/// `keys` holds the [`stem_key`] of each term of the phrase being read, so that a term is
/// looked for among them by its key, and compared as a string only where the key is its own.
#[derive(Default)]
struct Stems {
    slots: Vec<Stemmed>,
    keys: Vec<u64>,
}

/// A hash of the stem `stem`: terms with different keys differ.
fn stem_key(stem: &str) -> u64 {
    WordHash.hash_one(stem)
}

impl Stems {
    /// The slot of the word `word` (zero padded, `len` bytes long).
    #[inline]
    fn slot(&mut self, word: &[u8; LONGEST_WORD], len: usize) -> Option<&mut Stemmed> {
        if self.slots.is_empty() {
            return None;
        }
        let mut h = len as u64;
        for chunk in word.as_chunks::<8>().0 {
            h = (h.rotate_left(21) ^ u64::from_le_bytes(*chunk)).wrapping_mul(STEM_HASH_MUL);
        }
        let i = (h >> (64 - STEM_SLOTS.trailing_zeros())) as usize;
        self.slots.get_mut(i)
    }
}

/// The multiplier of the stem cache's hash (rustc-hash's: odd, with well spread bits).
const STEM_HASH_MUL: u64 = 0xf135_7aea_2e62_a9c5;

thread_local! {
    /// The terms of the phrase being read, kept from one claim to the next: a claim's terms
    /// are then moved into one allocation of exactly their number.
    static TERMS: RefCell<Vec<Sym>> = const { RefCell::new(Vec::new()) };
    /// This thread's stems of the words read last.
    static STEMS: RefCell<Stems> = RefCell::default();
}

/// `f` over this thread's empty [`TERMS`] and its [`STEMS`] (a fresh vector and no stems
/// should they be in use).
fn with_terms<R>(f: impl FnOnce(&mut Vec<Sym>, &mut Stems) -> R) -> R {
    TERMS.with(|kept| {
        STEMS.with(
            |stems| match (kept.try_borrow_mut(), stems.try_borrow_mut()) {
                (Ok(mut out), Ok(mut stems)) => {
                    out.clear();
                    stems.keys.clear();
                    if stems.slots.is_empty() {
                        let empty = Stemmed {
                            word: [0; LONGEST_WORD],
                            // No word has this length: an empty slot matches none.
                            len: usize::MAX,
                            stem: Sym::default(),
                            key: 0,
                        };
                        stems.slots = vec![empty; STEM_SLOTS];
                    }
                    f(&mut out, &mut stems)
                }
                _ => f(&mut Vec::new(), &mut Stems::default()),
            },
        )
    })
}

/// The terms of the phrase `left … tail` (a value's clause before it and its tail after it)
/// and the head: the stem of the last word of `left` that is not a function word. One pass:
/// the head's stem is the one its term took.
pub fn terms_and_head(text: &str, left: &[Tok], tail: &[Tok]) -> (Box<[Sym]>, Option<Sym>) {
    with_terms(|out, stems| {
        let mut head = None;
        let mut rest = left.len() + tail.len();
        for t in left {
            rest -= 1;
            match add_term(text, t, out, rest, stems) {
                Word::Other | Word::Stop => {}
                w => head = Some((t, w)),
            }
        }
        for t in tail {
            rest -= 1;
            add_term(text, t, out, rest, stems);
        }
        let head = head.map(|(t, w): (&Tok, Word)| w.stem(text, t, out));
        (out.drain(..).collect(), head)
    })
}

/// The terms of `phrase` and the stem of its word at `at`, if that token is a word.
pub fn terms_and_stem_at(text: &str, phrase: &[Tok], at: usize) -> (Box<[Sym]>, Option<Sym>) {
    with_terms(|out, stems| {
        let mut head = None;
        for (i, t) in phrase.iter().enumerate() {
            let w = add_term(text, t, out, phrase.len() - i - 1, stems);
            if i == at && !matches!(w, Word::Other) {
                head = Some((t, w));
            }
        }
        let head = head.map(|(t, w)| w.stem(text, t, out));
        (out.drain(..).collect(), head)
    })
}

/// What [`add_term`] learned of a token.
#[derive(Clone, Copy)]
enum Word {
    /// Not a word token.
    Other,
    /// A function word.
    Stop,
    /// Any other word, with the index of its term in the terms when it has one.
    Content(Option<usize>),
}

impl Word {
    /// The stem of the word token `t`: a copy of its term when it has one.
    fn stem(self, text: &str, t: &Tok, terms: &[Sym]) -> Sym {
        match self {
            Word::Content(Some(i)) => terms[i].clone(),
            _ => Sym::from(stem(&text[t.start..t.end])),
        }
    }
}

/// Adds the term of token `t` to `out` unless it is no term (not a word, a function word, a
/// number word or a single letter) or already there; `left` tokens follow it. The tests that
/// turn most tokens away are inlined into the loops over a phrase; a term is stemmed out of
/// line ([`add_stem`]).
#[inline(always)]
fn add_term(text: &str, t: &Tok, out: &mut Vec<Sym>, left: usize, stems: &mut Stems) -> Word {
    if !t.is_word() {
        return Word::Other;
    }
    // The word-table flags the tokenizer's look-up gave (those of the lowercased word; none
    // for a word beyond ASCII or longer than any table word), asked before any lowercasing.
    let flags = t.word_flags();
    if flags & words::STOPWORD != 0 {
        return Word::Stop;
    }
    // A number word or a single letter.
    if flags != 0 || t.end - t.start < 2 {
        return Word::Content(None);
    }
    Word::Content(Some(add_stem(&text[t.start..t.end], out, left, stems)))
}

/// Adds the stem of the word `raw` to `out` unless it is there already, and gives its index;
/// `left` tokens follow it. The stem of a word stemmed lately is taken from `stems`; any other
/// is made straight from the stem on the stack (inline, not allocated, when short). Only the
/// first term reserves room for the rest.
#[inline(never)]
fn add_stem(raw: &str, out: &mut Vec<Sym>, left: usize, stems: &mut Stems) -> usize {
    let (stem, key) = if raw.len() <= LONGEST_WORD {
        let mut word = [0u8; LONGEST_WORD];
        word[..raw.len()].copy_from_slice(raw.as_bytes());
        let len = raw.len();
        match stems.slot(&word, len) {
            Some(slot) if slot.len == len && slot.word == word => (slot.stem.clone(), slot.key),
            slot => {
                let stem = stem_sym(raw);
                let key = stem_key(&stem);
                if let Some(slot) = slot {
                    *slot = Stemmed {
                        word,
                        len,
                        stem: stem.clone(),
                        key,
                    };
                }
                (stem, key)
            }
        }
    } else {
        let stem = stem_sym(raw);
        let key = stem_key(&stem);
        (stem, key)
    };
    let keys = &mut stems.keys;
    match (0..out.len()).find(|&i| keys[i] == key && out[i] == stem) {
        Some(i) => i,
        None => {
            reserve_once(out, left);
            out.push(stem);
            keys.push(key);
            out.len() - 1
        }
    }
}

/// The stem of the word `raw` as a symbol. An ASCII word of at most 24 bytes is stemmed on the
/// stack, and its stem (lowercase ASCII) is most often the word as written, cut; any other
/// word is no table word, and always a term.
fn stem_sym(raw: &str) -> Sym {
    let Some(mut w) = Lowered::new(raw) else {
        return Sym::from(stem_general(raw));
    };
    let (n, keep) = w.stem();
    match w.stem_of(raw, n, keep) {
        Some(stem) => Sym::interned(stem),
        None => match std::str::from_utf8(w.bytes(n)) {
            Ok(stem) => Sym::interned(stem),
            Err(_) => Sym::from(w.to_string(raw, n, keep)),
        },
    }
}

/// Room in an empty `out` for this term and as many more as there are tokens left, up to
/// [`TERMS_ROOM`]: one allocation for most phrases, none for a phrase without terms, and no
/// room for every token of a long clause kept with each of its claims until matching ends.
#[inline]
fn reserve_once(out: &mut Vec<Sym>, left: usize) {
    if out.capacity() == 0 {
        out.reserve_exact((left + 1).min(TERMS_ROOM));
    }
}

/// The terms a phrase's first allocation holds (most subjects have fewer).
const TERMS_ROOM: usize = 8;

/// The tail after a value `[b, …)` up to a clause boundary, as [`extend_tail`] gives it; none
/// when a clause that states a figure of its own (within `NEXT_CLAUSE_TOKENS`) starts right
/// after the value ("cost Rs 215 crore and the launch costs Rs 365 crore": the launch is what
/// the second sum qualifies, not the first). A clause without a figure stays ("valid until
/// 2025 and intends to extend it").
pub fn value_tail(text: &str, toks: &[Tok], b: usize, to: usize) -> usize {
    let opens_clause = toks
        .get(b)
        .is_some_and(|t| b < to && t.is_word() && starts_clause(&text.as_bytes()[t.start..t.end]));
    let clause_end = to.min(b + NEXT_CLAUSE_TOKENS);
    if opens_clause && toks[b..clause_end].iter().any(|t| t.num().is_some()) {
        return b;
    }
    extend_tail(text, toks, b, to)
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
        // A new clause starts with a conjunction or a verb of saying.
        if k > b && t.is_word() && starts_clause(&text.as_bytes()[t.start..t.end]) {
            break;
        }
        k += 1;
    }
    k
}

/// Whether the word `w` lowercased is one of [`words::CLAUSE_STARTERS`] (a conjunction or a
/// verb of saying), compared without lowercasing it first.
fn starts_clause(w: &[u8]) -> bool {
    words::CLAUSE_STARTERS
        .iter()
        .any(|s| w.eq_ignore_ascii_case(s.as_bytes()))
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
const NAME_WINDOW: usize = 24;

/// The names of the window `[a, b)` ([`name_window`]) of the sentence starting at `from`, in
/// `out` (emptied first: the caller keeps one vector for all its claims).
pub fn names_in_window<'t>(
    text: &'t str,
    toks: &[Tok],
    from: usize,
    (a, b): (usize, usize),
    out: &mut Vec<&'t str>,
) {
    out.clear();
    names_in(text, toks, a, b, a == from, out);
}

/// The window of the sentence `[from, to)` around tokens `[first, last)` whose names a claim
/// takes ([`names_in_window`]). A window that starts inside a name ("… the Shanghai
/// Cooperation | Organisation …") is widened to the name's first word, so no name is cut; only
/// the sentence's own first word is special. The claims of a short sentence share one window,
/// so their names are scanned once.
pub fn name_window(
    text: &str,
    toks: &[Tok],
    (from, to): (usize, usize),
    first: usize,
    last: usize,
) -> (usize, usize) {
    let mut a = first.saturating_sub(NAME_WINDOW).max(from);
    let b = (last + NAME_WINDOW).min(to);
    // At most one more window back, so a sentence of capitalised words stays linear.
    let floor = a.saturating_sub(NAME_WINDOW).max(from);
    while a > floor && toks.get(a).is_some_and(is_capitalized) {
        let joins =
            a >= floor + 2 && is_name_joiner(text, &toks[a - 1]) && is_capitalized(&toks[a - 2]);
        if is_capitalized(&toks[a - 1]) {
            a -= 1;
        } else if joins {
            a -= 2;
        } else {
            break;
        }
    }
    (a, b)
}

/// A word that begins with a capital letter, as the tokenizer found ([`LEX_CAPITAL`]): the
/// name scans ask it of every token of a window.
#[inline(always)]
fn is_capitalized(t: &Tok) -> bool {
    t.lex & LEX_CAPITAL != 0
}

/// "of", "for", "and", "on" ([`words::NAME_JOINERS`]): join two capitalised words into one
/// name. Only a word the lexicon marks ([`words::NAME_JOINER`], in any case) is compared.
fn is_name_joiner(text: &str, t: &Tok) -> bool {
    t.word_flags() & words::NAME_JOINER != 0 && t.is_word() && {
        let w = &text.as_bytes()[t.start..t.end];
        words::NAME_JOINERS.iter().any(|j| j.as_bytes() == w)
    }
}

/// Capitalized phrases of a sentence ("International Criminal Court", "Putin"), joined across
/// "of", "for", "and" between capitalized words. The sentence's first word counts only when it
/// is part of a longer name.
pub fn names(text: &str, toks: &[Tok], from: usize, to: usize) -> Vec<String> {
    let mut names = Vec::new();
    names_in(text, toks, from, to, true, &mut names);
    names.into_iter().map(str::to_string).collect()
}

/// The names of tokens `[from, to)`, added to `out`; `sentence_start` says whether `from` is
/// the first word of the sentence (which alone is no name). The names are slices of `text`: a
/// claim keeps them interned, so no copy is made here.
fn names_in<'t>(
    text: &'t str,
    toks: &[Tok],
    from: usize,
    to: usize,
    sentence_start: bool,
    out: &mut Vec<&'t str>,
) {
    let Some(w) = toks.get(from..to) else {
        return;
    };
    let cap = is_capitalized;
    let mut k = 0;
    while let Some(skip) = w[k..].iter().position(cap) {
        let start = k + skip;
        let mut end = start + 1;
        loop {
            if end < w.len() && cap(&w[end]) {
                end += 1;
                continue;
            }
            // "Center for Russia and Eurasia Studies".
            if end + 1 < w.len() && is_name_joiner(text, &w[end]) && cap(&w[end + 1]) {
                end += 2;
                continue;
            }
            break;
        }
        // The token at `end`, if any, is not capitalized: the next name starts after it.
        k = (end + 1).min(w.len());
        // A sentence's capitalized first word that is a function word opens no name ("But
        // Sunday's results", "In Derna"): the name starts after it.
        let mut start = start;
        if start == 0
            && sentence_start
            && end > start + 1
            && w[start].word_flags() & words::STOPWORD != 0
        {
            start += 1;
        }
        let single = end == start + 1;
        // The sentence's first word alone is no name; nor is a capitalized function word.
        if single && start == 0 && sentence_start {
            continue;
        }
        let (a, b) = (w[start].start, w[end - 1].end);
        if single && w[start].word_flags() & words::STOPWORD != 0 {
            continue;
        }
        let raw = &text[a..b];
        let name = strip_possessive(raw);
        if !out.contains(&name) {
            out.push(name);
        }
    }
}

/// A name without its possessive ending ("Putin's" → "Putin"): every trailing "'s", then every
/// trailing "’s", as `trim_end_matches` would remove them, with byte comparisons instead of a
/// substring searcher.
fn strip_possessive(mut raw: &str) -> &str {
    if !raw.ends_with('s') {
        return raw;
    }
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
    use crate::text::fold;

    /// The names a claim at tokens `[first, last)` of the sentence `[from, to)` takes.
    fn names_near<'t>(
        text: &'t str,
        toks: &[Tok],
        from: usize,
        to: usize,
        first: usize,
        last: usize,
    ) -> Vec<&'t str> {
        let mut out = vec!["stale"];
        let window = name_window(text, toks, (from, to), first, last);
        names_in_window(text, toks, from, window, &mut out);
        out
    }

    #[test]
    fn names_near_a_cut_window_keep_whole_names() {
        // The window starts NAME_WINDOW tokens before the value: on "Moscow", on "Cooperation"
        // and on "Russia". A single name there is a name, and a name the window cuts is whole.
        let filler = "and so it went on and on for weeks while the talks went on";
        let cases = [
            // (name, words between the name and "with 4,500")
            ("Moscow", NAME_WINDOW - 2),
            ("Shanghai Cooperation Organisation", NAME_WINDOW - 3),
            ("Bank of Russia", NAME_WINDOW - 2),
        ];
        for (name, gap) in cases {
            let between: Vec<&str> = filler.split(' ').cycle().take(gap).collect();
            let text = format!(
                "It was a slow day in {name} {} with 4,500 police.",
                between.join(" ")
            );
            let toks = tokenize(&text);
            let value = toks.iter().position(|t| t.num().is_some()).unwrap();
            let got = names_near(&text, &toks, 0, toks.len(), value, value + 1);
            assert_eq!(got, vec![name], "{text}");
        }
        // The sentence's own first word alone is still no name.
        let text = "Officials said 4,500 police were deployed.";
        let toks = tokenize(text);
        assert!(names_near(text, &toks, 0, toks.len(), 2, 3).is_empty());
        // A function word opening the sentence opens no name: the name is what follows it.
        let text = "But Maria Lopez said 4,500 police were deployed.";
        let toks = tokenize(text);
        assert_eq!(
            names_near(text, &toks, 0, toks.len(), 4, 5),
            vec!["Maria Lopez"]
        );
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

    /// The position of the token `w` in `toks`.
    fn after_in(text: &str, toks: &[Tok], w: &str) -> usize {
        toks.iter()
            .position(|t| &text[t.start..t.end] == w)
            .unwrap()
    }

    #[test]
    fn a_value_has_no_tail_when_a_clause_with_a_figure_follows_it() {
        let text = "The rover cost Rs 215 crore and the launch cost Rs 365 crore.";
        let toks = tokenize(text);
        let to = toks.len();
        // Right after "crore": "and" opens the next clause, which has a sum of its own.
        let b = after_in(text, &toks, "and");
        assert_eq!(value_tail(text, &toks, b, to), b);
        // A clause without a figure of its own stays the value's.
        let text = "The deal is valid until 2025 and Moscow intends to extend it.";
        let toks = tokenize(text);
        let b = after_in(text, &toks, "and");
        assert!(value_tail(text, &toks, b, toks.len()) > b);
        // A tail that opens no clause is kept: "… of the mission".
        let text = "It cost Rs 615 crore of public money.";
        let toks = tokenize(text);
        let b = toks
            .iter()
            .position(|t| &text[t.start..t.end] == "of")
            .unwrap();
        assert!(value_tail(text, &toks, b, toks.len()) > b + 1);
    }

    #[test]
    fn name_joiners_are_the_lowercase_joiner_words_only() {
        let text = "Bank of Russia and for On OF off one in 5 ; Andes";
        let toks = tokenize(text);
        let joiners: Vec<&str> = toks
            .iter()
            .filter(|t| is_name_joiner(text, t))
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(joiners, ["of", "and", "for"]);
        let mut got = Vec::new();
        names_in(text, &toks, 0, toks.len(), true, &mut got);
        assert_eq!(got, ["Bank of Russia", "On OF", "Andes"]);
    }

    /// The bundled articles and generated text with every stem ending, possessive, case and
    /// name pattern, with their tokens.
    fn samples() -> Vec<(String, Vec<Tok>)> {
        let mut texts: Vec<String> = std::fs::read_dir("corpus")
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        assert!(texts.len() >= 5, "the bundled corpus is missing");
        const STEMS: &[&str] = &["a", "ab", "cat", "hous", "Kilomet", "colo", "boxe", "ta"];
        const ENDS: &[&str] = &[
            "", "s", "'s", "’s", "'", "’", "ies", "sses", "ches", "shes", "xes", "ss", "us", "is",
            "ing", "ed", "our", "tre", "ise", "ours", "ised", "ies's", "é", "ÉS", "S", "ING",
        ];
        const WORDS: &[&str] = &[
            "The",
            "the",
            "of",
            "Of",
            "for",
            "and",
            "on",
            "On",
            "THE",
            "He",
            "Court",
            "Putin's",
            "Putin’s",
            "Élysée",
            "İstanbul",
            "one",
            "One",
            "Million",
            "lakhs",
            "said",
            "Said",
            "AND",
            "while",
            "as",
            ",",
            ".",
            "-",
            "’",
            "(",
            "4,500",
            "x",
            "I",
            "US",
            "Center",
            "International",
            "an",
            "estimated",
            "than",
            "Rome",
            "ñu",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut words = String::new();
        for s in STEMS {
            for e in ENDS {
                words.push_str(&format!("{s}{e} {} ", WORDS[next(WORDS.len())]));
            }
        }
        texts.push(words);
        for _ in 0..300 {
            let mut t = String::new();
            for _ in 0..next(60) {
                if next(4) == 0 {
                    t.push_str(STEMS[next(STEMS.len())]);
                    t.push_str(ENDS[next(ENDS.len())]);
                } else {
                    t.push_str(WORDS[next(WORDS.len())]);
                }
                t.push(' ');
            }
            texts.push(t);
        }
        texts
            .into_iter()
            .map(|t| {
                let toks = tokenize(&t);
                (t, toks)
            })
            .collect()
    }

    /// The subject code as it was before the stack-buffer fast paths, to compare against.
    mod reference {
        use super::super::{Tok, stem_general};
        use crate::lang::en::{numbers, words};
        use crate::text::fold;

        pub fn terms_in<'t>(text: &str, toks: impl IntoIterator<Item = &'t Tok>) -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for t in toks {
                if !t.is_word() {
                    continue;
                }
                let raw = &text[t.start..t.end];
                let mut buf = [0u8; 24];
                let lw = fold::lower(raw, &mut buf).unwrap_or("");
                if !lw.is_empty()
                    && (words::is_stopword(lw)
                        || numbers::cardinal(lw).is_some()
                        || numbers::scale(lw).is_some()
                        || lw.len() < 2)
                {
                    continue;
                }
                let s = stem_general(raw);
                if !out.contains(&s) {
                    out.push(s);
                }
            }
            out
        }

        pub fn names(text: &str, toks: &[Tok], from: usize, to: usize) -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            let mut k = from;
            let cap = |t: &Tok| {
                t.is_word()
                    && text[t.start..t.end]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
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
                    if end + 1 < to && toks[end].is_word() && cap(&toks[end + 1]) {
                        let w = &text[toks[end].start..toks[end].end];
                        if matches!(w, "of" | "for" | "and" | "on") {
                            end += 2;
                            continue;
                        }
                    }
                    break;
                }
                let mut start = start;
                let first = &text[toks[start].start..toks[start].end];
                let mut fb = [0u8; 24];
                if start == from
                    && end > start + 1
                    && fold::lower(first, &mut fb).is_some_and(words::is_stopword)
                {
                    start += 1;
                }
                let single_first = start == from && end == start + 1;
                let raw = &text[toks[start].start..toks[end - 1].end];
                let mut buf = [0u8; 24];
                let common =
                    end == start + 1 && fold::lower(raw, &mut buf).is_some_and(words::is_stopword);
                if !single_first && !common {
                    let name = raw
                        .trim_end_matches("'s")
                        .trim_end_matches("’s")
                        .to_string();
                    if !out.contains(&name) {
                        out.push(name);
                    }
                }
                k = end;
            }
            out
        }

        pub fn starts_clause(raw: &str) -> bool {
            let mut buf = [0u8; 24];
            matches!(
                fold::lower(raw, &mut buf).unwrap_or(""),
                "and" | "but" | "or" | "said" | "says" | "told" | "while" | "as"
            )
        }
    }

    #[test]
    fn stems_on_the_stack_agree_with_the_general_stem() {
        let mut n = 0;
        for (text, toks) in samples() {
            for t in toks.iter().filter(|t| t.is_word()) {
                let w = &text[t.start..t.end];
                assert_eq!(stem(w), stem_general(w), "{w:?}");
                n += 1;
            }
        }
        assert!(n > 10_000, "{n} words");
    }

    #[test]
    fn terms_names_and_clauses_agree_with_the_reference() {
        for (text, toks) in samples() {
            for t in toks.iter().filter(|t| t.is_word()) {
                let w = &text[t.start..t.end];
                assert_eq!(
                    starts_clause(w.as_bytes()),
                    reference::starts_clause(w),
                    "{w:?}"
                );
            }
            // Windows of every length up to 40 tokens at a spread of starts, and the gapped
            // phrases of subject_left.
            let n = toks.len();
            for from in (0..n).step_by(7) {
                for to in [from, from + 1, from + 2, from + 5, from + 17, from + 40] {
                    let to = to.min(n);
                    let window = &toks[from..to];
                    assert_eq!(
                        terms_of(&text, window),
                        reference::terms_in(&text, window),
                        "{:?}",
                        &text[window.first().map_or(0, |t| t.start)
                            ..window.last().map_or(0, |t| t.end)]
                    );
                    let mid = (from + to) / 2;
                    let gap = || toks[from..mid].iter().chain(&toks[(mid + 1).min(to)..to]);
                    assert_eq!(terms_in(&text, gap()), reference::terms_in(&text, gap()));
                    // subject_left's head: the last word of the left part that is no
                    // function word; subject_right's: the stem of the word at `at`.
                    let (left, tail) = (&toks[from..mid], &toks[(mid + 1).min(to)..to]);
                    let head = left
                        .iter()
                        .rev()
                        .find(|t| {
                            let mut buf = [0u8; 24];
                            t.is_word()
                                && !fold::lower(&text[t.start..t.end], &mut buf)
                                    .is_some_and(words::is_stopword)
                        })
                        .map(|t| Sym::from(stem_general(&text[t.start..t.end])));
                    let (terms, got_head) = terms_and_head(&text, left, tail);
                    assert_eq!(
                        (terms.to_vec(), got_head),
                        (Sym::all(&reference::terms_in(&text, gap())), head)
                    );
                    for at in [0, mid - from, (to - from).saturating_sub(1)] {
                        let stem_at = window
                            .get(at)
                            .filter(|t| t.is_word())
                            .map(|t| Sym::from(stem_general(&text[t.start..t.end])));
                        let (terms, got_stem) = terms_and_stem_at(&text, window, at);
                        assert_eq!(
                            (terms.to_vec(), got_stem),
                            (Sym::all(&reference::terms_in(&text, window)), stem_at)
                        );
                    }
                    assert_eq!(
                        names(&text, &toks, from, to),
                        reference::names(&text, &toks, from, to),
                        "{from}..{to}"
                    );
                }
            }
        }
    }
}
