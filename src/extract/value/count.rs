//! Counts and bare numbers: the noun phrase after a number names what it counts ("4,500 police
//! officers" counts people, "20 cars" cars); a number with nothing counted is a bare number
//! only where it cannot be a pronoun or a name ("rose to seven.", not "the two met" or "version
//! two"). Also the noun a compound qualifies ("20-month war"), which the other dimensions ask
//! for.

use super::cursor::Grammar;
use super::found::{Found, Measured, Qty, Qual};
use crate::claim::{Flags, Qualifier};
use crate::lang::en::{change, currency, measure, nouns, numbers, words};
use crate::text::fold::LONGEST_WORD;

/// A counted noun phrase has its head within this many words.
const NOUN_PHRASE_WORDS: usize = 4;

/// "the two leaders": a spelled number up to this after "the" refers to things already named.
const ANAPHORA_UP_TO: f64 = 10.0;

/// A compound qualifies at most this many words after it.
const COMPOUND_NOUN_WORDS: usize = 3;

/// "one of the few", "two of them": a spelled number below this before "of" is a partitive.
const PARTITIVE_BELOW: f64 = 20.0;

/// A spelled number below this with nothing counted must pass [`Grammar::bare_spelled_ok`].
const BARE_SPELLED_BELOW: f64 = 100.0;

impl Grammar<'_> {
    /// The counted noun after a number: token range of the noun phrase up to and including its
    /// head (the last plural of the first run of plurals within four words).
    pub(super) fn counted_noun(&self, j: usize, to: usize) -> Option<(usize, usize)> {
        let mut k = j;
        // "tens of thousands of Russians", "a million of"…: skip one "of".
        if self.is(k, words::OF) {
            k += 1;
            if words::is_determiner(self.w(k)) {
                k += 1;
            }
        }
        let start = k;
        let mut head: Option<usize> = None;
        while k < to && k < start + NOUN_PHRASE_WORDS {
            let t = &self.toks[k];
            if !t.is_word() {
                // Hyphenated modifiers ("full-scale") continue the phrase.
                if self.is_dash(k) && self.glued(k) && self.glued(k + 1) && head.is_none() {
                    k += 1;
                    continue;
                }
                break;
            }
            let w = self.w(k);
            let raw = self.raw(k);
            if words::ends_noun_phrase(w) || (w.is_empty() && raw.len() > LONGEST_WORD) {
                break;
            }
            if nouns::is_plural(w, raw) {
                head = Some(k);
            } else if head.is_some() {
                break;
            }
            k += 1;
        }
        head.map(|h| (start, h + 1))
    }

    /// The noun a compound qualifies: "20-month war in Ukraine" → "war".
    pub(super) fn noun_after(&self, end: usize, to: usize) -> Option<(usize, usize)> {
        let mut k = end;
        while k < to && k < end + COMPOUND_NOUN_WORDS {
            let w = self.w(k);
            if w.is_empty() && !self.is_dash(k) {
                break;
            }
            if words::ends_noun_phrase(w) {
                break;
            }
            k += 1;
        }
        (k > end).then_some((end, k))
    }

    /// The quantity `q` (ending at `j`) as a count of the noun phrase after it, or else as a
    /// bare number; `None` where it is neither ("one of the few", "the one", "version two").
    /// A small spelled number its neighbours make a count of things named elsewhere is one:
    /// "three were missing", "six in Madina", "four each", "two of them", "all but one".
    pub(super) fn count_or_number(&self, q: Qty, qual: Qual, j: usize, to: usize) -> Option<Found> {
        let context = q.spelled && !q.range && self.counts_in_context(&q, qual, j);
        if q.lone_one && !context {
            // "one person died", "one American among the dead": a count of one person.
            return self
                .one_person(&q, j, to)
                .map(|noun| Found::of(q, qual, Measured::count(nouns::PEOPLE, j, Some(noun))));
        }
        if self.is(j, words::OF) && q.spelled && q.lo < PARTITIVE_BELOW {
            // A part of things named: "two of them", "three of the five launches", "nine of
            // the victims", "three of heat stroke"; never "one of the few".
            if q.lone_one && !self.all_but_before(q.first) {
                return None;
            }
            let m = match self.counted_noun(j, to) {
                Some((h0, h1)) => {
                    let unit = nouns::unit_for_noun(self.w(h1 - 1), self.raw(h1 - 1));
                    return Some(Found::of(
                        q,
                        qual,
                        Measured::count(&unit, j, Some((h0, h1))),
                    ));
                }
                None => Measured::number(j),
            };
            return Some(Found::of(q, qual, m));
        }
        if let Some((h0, h1)) = self.counted_noun(j, to) {
            // "the two leaders", "the three countries'": anaphora to things already named;
            // not the whole a partitive counts from ("three of the five launches").
            let of_the = q.first >= 2 && self.is(q.first - 2, words::OF);
            if q.spelled
                && q.lo <= ANAPHORA_UP_TO
                && q.first > 0
                && self.is(q.first - 1, words::THE)
                && !of_the
            {
                let possessive = self.punct(h1).is_some_and(|c| c == '’' || c == '\'');
                if possessive || !self.is_in(h1, words::PHRASE_CONTINUERS) {
                    return None;
                }
            }
            let unit = nouns::unit_for_noun(self.w(h1 - 1), self.raw(h1 - 1));
            return Some(Found::of(
                q,
                qual,
                Measured::count(&unit, j, Some((h0, h1))),
            ));
        }
        if q.spelled
            && q.lo.abs() < BARE_SPELLED_BELOW
            && !q.range
            && !context
            && !self.bare_spelled_ok(&q, j, to)
        {
            // A small spelled number with nothing counted ("one of", "the two").
            return None;
        }
        // "around 1,200 crore" in an article that counts in rupees: rupees.
        if (q.first..j).any(|k| self.is_in(k, numbers::INDIAN_SCALES))
            && self.settled.is_some_and(|s| s.rupee(self.text))
        {
            return Some(Found::of(
                q,
                qual,
                Measured::money(currency::RUPEE, j, Flags::default()),
            ));
        }
        Some(Found::of(q, qual, Measured::number(j)))
    }

    /// The noun of a lone "one" that counts one person: a singular noun of a person or a
    /// people's name ("one American") right after it, with no determiner before the "one" ("no
    /// one", "the one man who") and no attribution verb after the noun ("one man said" names
    /// a speaker, not a fact).
    fn one_person(&self, q: &Qty, j: usize, to: usize) -> Option<(usize, usize)> {
        let prev = self.prev_word(q.first);
        if !numbers::is_one(self.w(q.first))
            || j >= to
            || words::is_determiner(prev)
            || words::DISTRIBUTIVES.contains(&prev)
            || words::NEGATORS.contains(&prev)
        {
            return None;
        }
        let w = self.w(j);
        let capital = self.raw(j).chars().next().is_some_and(char::is_uppercase);
        let person = nouns::is_one_person_noun(w)
            || (capital && measure::country_of(w).is_some() && !measure::is_country_name(w));
        let speaks = j + 1 < to && measure::is_attribution_verb(self.w(j + 1));
        (person && !speaks).then_some((j, j + 1))
    }

    /// Whether "all but" comes right before `first`.
    fn all_but_before(&self, first: usize) -> bool {
        let from = self.sentence_from.get();
        first >= from + 2
            && self.is(first - 2, words::ALL_BUT[0])
            && self.is(first - 1, words::ALL_BUT[1])
    }

    /// Whether the words around a small spelled number `q` (ending at `j`) make it a count of
    /// things named elsewhere: a bound before it ("at least four"), "all but" ("all but one"),
    /// a change's "by" ("rose by one"), "into" ("split into two"); after it a share ("four
    /// each"), or, without a determiner before it, a verb it is the subject of ("three were
    /// missing") or a place in a list ("six in Madina"). A lone "one" only with a bound, "all
    /// but", a change or a share: elsewhere it is a determiner or a pronoun.
    fn counts_in_context(&self, q: &Qty, qual: Qual, j: usize) -> bool {
        // "a"/"an" alone is an article whatever surrounds it ("more than a little").
        if q.lone_one && !numbers::is_one(self.w(q.first)) {
            return false;
        }
        if !matches!(qual.qualifier, Qualifier::Exact | Qualifier::Range) {
            return true;
        }
        let from = self.sentence_from.get();
        let prev = self.prev_word(q.first);
        if self.all_but_before(q.first) || self.is_in(j, words::SHARES) {
            return true;
        }
        if prev == change::BY
            && q.first >= from + 2
            && change::direction(self.w(q.first - 2)).is_some()
        {
            return true;
        }
        if q.lone_one || words::is_determiner(prev) || words::DISTRIBUTIVES.contains(&prev) {
            return false;
        }
        let capitalized = |k: usize| self.raw(k).chars().next().is_some_and(char::is_uppercase);
        // "two from the United States": the article before a name.
        let place = if self.is(j + 1, words::THE) {
            j + 2
        } else {
            j + 1
        };
        prev == words::INTO
            || self.is_in(j, words::COUNT_VERBS)
            || (self.is_in(j, words::PLACE_PREPOSITIONS) && capitalized(place))
    }

    /// A small spelled number with nothing counted is a value only at the end of a clause and
    /// when no determiner makes it a pronoun: "rose to seven.", "fifty-two", but not "the two
    /// met", "said the two.", "one of the few" (partitives are refused before this), and never
    /// a lone "one" (a determiner or pronoun in news text).
    fn bare_spelled_ok(&self, q: &Qty, j: usize, to: usize) -> bool {
        let first = self.w(q.first);
        let zero_written = numbers::cardinal(first) == Some(0) || numbers::is_negative(first);
        if q.lone_one || (q.lo == 0.0 && !zero_written) {
            return false;
        }
        // "nought point nought three", "one and a half": a decimal or mixed number is never a
        // determiner or pronoun.
        if q.lo.fract() != 0.0 {
            return true;
        }
        let clause_end = j >= to
            || j >= self.toks.len()
            || matches!(
                self.punct(j),
                Some('.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '”' | '\'' | '’')
            );
        if !clause_end {
            return false;
        }
        if q.first > 0 {
            let prev = self.w(q.first - 1);
            if words::is_determiner(prev) || words::DISTRIBUTIVES.contains(&prev) {
                return false;
            }
            // "number seven", "version two", "Apollo Eleven": a name, not a value.
            let raw = self.raw(q.first - 1);
            if nouns::NAME_NOUNS.contains(&prev)
                || raw.chars().next().is_some_and(char::is_uppercase)
                    && self
                        .raw(q.first)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            {
                return false;
            }
        }
        true
    }
}
