//! The value grammar over tokens, one file per dimension over a shared cursor, each calling
//! only the files below it (as duckling keeps one `Rules.hs` per dimension):
//!
//! - `found`: what the grammar reads, as plain data (numbers, quantities, qualifiers, the
//!   [`Found`] value);
//! - `cursor`: the tokens as the rules read them ([`Grammar`], [`Words`]);
//! - `number`: digits, spelled numbers, scales, mixed numbers, ranges, signs;
//! - `qualifier`: "more than", "at least", "up to", "about", "10 or more";
//! - `change`: whether the value is given as an increase or a decrease ("rose 5%");
//! - `count`: counted nouns and bare numbers;
//! - `percent`, `money`, `measure`: percentages, currencies, durations and physical
//!   units;
//! - `quantity`: a quantity and what follows it, dispatched to the dimensions listed before;
//! - `ordinal`: ordinals and ranks;
//! - `clock`: times of day ("6:04 pm IST", "0830 GMT");
//! - `fraction`: fractions and ratios;
//! - `vague`: vague magnitudes, digit counts and vague shares.
//!
//! This file tries the rules at each token where a value may start
//! ([`crate::extract::starts`]). Every rule looks at a bounded window of tokens, so the scan
//! is linear. Words come from `lang::en`; no English word is written here.

mod change;
mod clock;
mod count;
mod cursor;
mod found;
mod fraction;
mod measure;
mod money;
mod number;
mod ordinal;
mod percent;
mod qualifier;
mod quantity;
mod vague;

pub use cursor::{Grammar, Settled, Words};
pub use found::Found;

use super::starts;
use super::token::TokKind;
use crate::lang::en::{currency, numbers, percent as percent_words};

impl Grammar<'_> {
    /// Every value in the grammar's tokens (one sentence), tried at the tokens `starts` (in
    /// increasing order) only: they must include every token where `try_at` finds a
    /// value ([`starts::starts_of`] gives them). A value found moves the scan past its end.
    pub fn scan(&self, starts: &[u32], out: &mut Vec<Found>) {
        let to = self.toks.len();
        self.sentence_from.set(0);
        let mut next = 0;
        let base = out.len();
        for i in starts.iter().map(|&i| i as usize) {
            // "10:30": the tokenizer keeps colon-joined digits from every rule but the clock's.
            if i < next || (!self.usable(i) && (self.blocked[i] || !self.colon_digits(i))) {
                continue;
            }
            // A chain of numbers joined by '-' or '/' long enough to be a code carries no
            // value anywhere in it: skip all of it at once.
            if self.toks[i].num().is_some()
                && self.in_number_chain(i)
                && let Some(end) = self.number_chain_end(i)
            {
                next = end + 1;
                continue;
            }
            if let Some(mut f) = self.try_at(i, to) {
                next = f.last.max(i + 1);
                if self.someday(&f) {
                    continue;
                }
                let before = out[base..].last().filter(|b| b.last <= f.first);
                f.change = self.change_of(&f, before);
                if let Some(joined) = before.and_then(|b| self.joined_bounds(b, &f)) {
                    out.pop();
                    out.push(joined);
                    continue;
                }
                out.push(f);
            }
        }
    }

    /// "could one day be used": the words [`numbers::SOMEDAY`] right after a modal verb are
    /// an adverb of time, no duration.
    fn someday(&self, f: &Found) -> bool {
        use crate::lang::en::numbers;
        f.last == f.first + 2
            && self.w(f.first) == numbers::SOMEDAY[0]
            && self.w(f.first + 1) == numbers::SOMEDAY[1]
            && numbers::SOMEDAY_AFTER.contains(&self.prev_word(f.first))
    }

    /// The value starting at token `i`, if any: each rule that may start on its kind of token,
    /// in order.
    fn try_at(&self, i: usize, to: usize) -> Option<Found> {
        let t = &self.toks[i];
        if t.inert() {
            return self.try_clock(i, to).or_else(|| self.try_to_ratio(i, to));
        }
        match t.kind {
            // "COVID-19", "MH-17", "Su-27": a name with a number, not a value.
            TokKind::Num(_)
                if i >= 2
                    && self.is_dash(i - 1)
                    && self.glued(i)
                    && self.glued(i - 1)
                    && self.toks[i - 2].is_word() =>
            {
                None
            }
            // "+1-222-2222/2222", "555-0134-22": phone numbers and codes carry no value.
            TokKind::Num(_) if self.in_number_chain(i) => None,
            TokKind::Num(_) => self
                .try_clock(i, to)
                .or_else(|| self.try_rank(i, to))
                .or_else(|| self.try_ordinal(i, to))
                .or_else(|| self.try_fraction(i, to))
                .or_else(|| self.try_quantity(i, to)),
            TokKind::Word => {
                let w = self.w(i);
                if w.is_empty() {
                    return None;
                }
                if self.currency_prefix(i).is_some()
                    && let Some(f) = self.try_quantity(i, to)
                {
                    return Some(f);
                }
                if percent_words::opens_percent_of(w) {
                    return self.try_percent_of(i, to).or_else(|| self.try_share(i));
                }
                if !starts::is_starter(w) {
                    return None;
                }
                self.try_rank(i, to)
                    .or_else(|| self.try_fraction(i, to))
                    .or_else(|| self.try_vague(i, to))
                    .or_else(|| self.try_ordinal(i, to))
                    .or_else(|| self.try_quantity(i, to))
                    .or_else(|| self.try_share(i))
            }
            TokKind::Punct(c) => {
                if numbers::vulgar_fraction(c).is_some() {
                    self.try_ratio(i, to)
                } else if currency::symbol(c).is_some() {
                    self.try_quantity(i, to)
                } else {
                    None
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// Pieces of generated text: many kinds of token.
    const BROAD: &[&str] = &[
        "a",
        "an",
        "A",
        "An",
        "AN",
        "-",
        "–",
        "—",
        "$",
        "€",
        "£",
        "¥",
        "½",
        "¾",
        "%",
        "US",
        "us",
        "Us",
        "U",
        "U.S.",
        "U.S.$",
        "HK",
        "hk",
        "C",
        "c",
        "CA",
        "S",
        "SG",
        "NZ",
        "NT",
        "R",
        "MEX",
        "Mex",
        "MXN",
        "mxn",
        "USD",
        "usd",
        "Usd",
        "uSD",
        "EUR",
        "eur",
        "Rs",
        "RS",
        "rs",
        "TRY",
        "try",
        "rmb",
        "RMB",
        "MUSD",
        "元",
        "AUD",
        "aud",
        "au",
        "sg",
        "5",
        "12",
        "4,500",
        "2023",
        "1.5",
        "0",
        "3/4",
        "1/2",
        "per",
        "cent",
        "percent",
        "percents",
        "Percent",
        "pct",
        "of",
        "half",
        "Half",
        "quarter",
        "quarters",
        "third",
        "thirds",
        "fifth",
        "fifths",
        "hundredth",
        "hundredths",
        "one",
        "One",
        "two",
        "twenty",
        "five",
        "zero",
        "nought",
        "naught",
        "point",
        "dozen",
        "dozens",
        "dz",
        "hundred",
        "thousand",
        "million",
        "billion",
        "lakh",
        "crore",
        "tens",
        "hundreds",
        "thousands",
        "millions",
        "single",
        "double",
        "digit",
        "digits",
        "first",
        "second",
        "largest",
        "most",
        "top",
        "least",
        "investor",
        "partner",
        "the",
        "The",
        "its",
        "their",
        "Russia's",
        "countries'",
        "’",
        "'",
        "and",
        "or",
        "to",
        "between",
        "from",
        "in",
        "out",
        "over",
        "more",
        "than",
        "about",
        "nearly",
        "up",
        "at",
        "least",
        "year",
        "years",
        "month",
        "day",
        "week",
        "ago",
        "old",
        "km",
        "miles",
        "square",
        "degrees",
        "Celsius",
        "°",
        "people",
        "troops",
        "cars",
        "dollars",
        "yuan",
        "pounds",
        "som",
        "Hong",
        "Kong",
        "Kyrgyz",
        "minus",
        "negative",
        "finished",
        "placed",
        "ever",
        "time",
        "officials",
        "said",
        "October",
        "May",
        "12",
        ".",
        ",",
        ";",
        "(",
        ")",
        "\"",
        "x@y.com",
        "http://a.b/1",
        "C5",
        "COVID",
    ];

    /// Few pieces, so that short runs of the tricky starts ("a - third.", "US $ 5", "per cent
    /// of 5", "a a hundred fifth") occur often.
    const NARROW: &[&str] = &[
        "a", "an", "-", "$", "US", "half", "third", "fifths", "of", "hundred", "one", "twenty",
        "point", "nought", "per", "cent", "percent", "5", ".", "the", "largest", "investor",
        "month", "dozen",
    ];

    /// Generated news-like text from pieces that start values or sit next to a start: codes,
    /// dollar prefixes, signs, spelled numbers, fraction words, "a"/"an", dashes, glued and
    /// spaced.
    fn generated_texts(n: usize, pieces: &[&str]) -> Vec<String> {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..n)
            .map(|_| {
                let mut t = String::new();
                for _ in 0..next() % 30 {
                    let r = next();
                    t.push_str(pieces[(r >> 8) as usize % pieces.len()]);
                    // Mostly spaced, sometimes glued, now and then a sentence break.
                    match r % 16 {
                        0..=2 => {}
                        3 => t.push_str(". "),
                        _ => t.push(' '),
                    }
                }
                t
            })
            .collect()
    }

    /// `qualifier_before` (packed last words in buckets) finds what trying every pattern in
    /// order finds, at every token of texts made of qualifier words, numbers and others.
    #[test]
    fn qualifier_buckets_agree_with_every_pattern() {
        use super::found::Qual;
        use super::{Grammar, Words};
        use crate::extract::token;
        use crate::lang::en::qualifiers::QUALIFIERS;
        let reference = |g: &Grammar, i: usize| {
            for (words, q, below) in QUALIFIERS {
                let n = words.len();
                if i < n {
                    continue;
                }
                let s = i - n;
                if (0..n).all(|k| g.w(s + k) == words[k]) && !g.blocked[s] {
                    return Qual {
                        qualifier: *q,
                        first: s,
                        below: *below,
                    };
                }
            }
            Qual::exact(i)
        };
        let mut pieces: Vec<&str> = QUALIFIERS
            .iter()
            .flat_map(|p| p.0.iter().copied())
            .collect();
        pieces.extend([
            "5",
            "the",
            "More",
            "THAN",
            "than,",
            "Über",
            "approximatelyy",
            "-",
        ]);
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut compared = 0;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..12 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                t.push_str(pieces[(state >> 33) as usize % pieces.len()]);
                t.push(' ');
            }
            let toks = token::tokenize(&t);
            let blocked: Vec<bool> = (0..toks.len()).map(|k| k % 7 == 3).collect();
            let mut low = String::new();
            let words = Words::new(&t, &toks, &mut low);
            let g = Grammar::new(&t, &toks, &blocked, &words);
            for i in 0..=toks.len() {
                assert_eq!(g.qualifier_before(i, 0), reference(&g, i), "{t:?} at {i}");
                compared += 1;
            }
        }
        assert!(compared > 30_000);
    }

    /// `starts_of` holds every token where `Grammar::try_at` finds a value, on the bundled
    /// articles, the fixtures and generated text: the scan tries only those tokens, so they
    /// must be a superset of the grammar's starts, token by token.
    #[test]
    fn starts_of_holds_wherever_the_grammar_starts() {
        use super::{Grammar, Words};
        use crate::extract::starts::starts_of;
        use crate::extract::{date, sentence, token};
        let mut texts = crate::extract::texts_in("corpus");
        texts.extend(crate::extract::texts_in("tests/fixtures"));
        texts.extend(crate::extract::texts_in("tests/fixtures/conflicts"));
        assert!(texts.len() >= 8, "the bundled texts are missing");
        texts.extend(generated_texts(20_000, BROAD));
        texts.extend(generated_texts(40_000, NARROW));
        let (mut starts, mut skipped) = (0, 0);
        for t in &texts {
            let sentences = sentence::split(t);
            let mut toks = Vec::new();
            for &(a, b) in &sentences {
                token::tokenize_into(t, a, b, &mut toks);
            }
            let mut scan = date::DateScan::default();
            scan.feed(t, &toks);
            let (_, dates) = scan.finish(t, None, &sentences);
            let mut blocked = vec![false; toks.len()];
            for d in &dates {
                let a = toks.partition_point(|x| x.end <= d.start);
                let b = toks.partition_point(|x| x.start < d.end);
                blocked[a..b].fill(true);
            }
            let mut from = 0;
            let mut low = String::new();
            let words = Words::new(t, &toks, &mut low);
            for &(_, s_end) in &sentences {
                let to = from + toks[from..].partition_point(|x| x.start < s_end);
                let (st, sb) = (&toks[from..to], &blocked[from..to]);
                let g = Grammar::new(t, st, sb, &words);
                from = to;
                g.sentence_from.set(0);
                let mut cands = Vec::new();
                starts_of(t, st, sb, &mut cands);
                for i in 0..st.len() {
                    let may = cands.contains(&(i as u32));
                    if g.usable(i) && g.try_at(i, st.len()).is_some() {
                        starts += 1;
                        assert!(
                            may,
                            "no start at {:?} in {:?}",
                            &t[st[i].start..st[i].end],
                            &t[st[0].start..st[st.len() - 1].end]
                        );
                    } else if !may {
                        skipped += 1;
                    }
                }
            }
        }
        assert!(
            starts > 20_000 && skipped > 100_000,
            "{starts} starts, {skipped} tokens skipped"
        );
    }
}
