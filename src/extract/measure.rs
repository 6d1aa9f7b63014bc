//! Measures: what each value measures, read from the words of its sentence after the values
//! are found. A measure is the quantity (what is counted: people, dams, money), the event role
//! the sentence gives the value (killed → deaths, injured → injured, paid → price), who gives
//! the figure (according to X, X said, an X tally) and the scope that makes it a different fact
//! (a subset such as women or Indonesians, another year, a projection, the cash part of a
//! price). The matcher compares only claims whose measures agree.
//!
//! The scan is shallow and local, over a sentence's words: the role is the word that governs
//! the value (the verb before it, "killing 151"; the verb or adjective after its noun phrase,
//! "11 Iranians have died", "10,100 missing"), else the nearest role word of its clause. Each
//! word was looked up once, by the tokenizer ([`Tok::lex`]: its classes, roles and case), and
//! is only read here; the words the scans look for are listed once per sentence, the sources
//! it attributes figures to are found once, and every scan of a value reads at most
//! `CLAUSE_REACH` words either side, so a sentence of any length costs linear time. Every word
//! it knows is in `lang::en::measure`; this file only walks.

use super::token::{LEX_ACRONYM, LEX_CAPITAL, LEX_WORD_BITS, Tok, TokKind};
use crate::claim::{Claim, DatePrecision, Dimension, Flag, Kind, Measure, Resolution};
use crate::lang::en::calendar::{self as lx_calendar, is_calendar_name};
use crate::lang::en::measure::{self as lx, class};
use crate::lang::en::words::OF;
use crate::sym::Sym;

/// How many words either side of a value any scan of its measure reads (its clause is cut
/// there).
const CLAUSE_REACH: usize = 40;
/// How far (in words) a role word may stand from the value in its clause and still give it
/// its role.
const ROLE_REACH: usize = 12;
/// How many words the scan steps over between a value and the verb that governs it.
const GOVERN_SKIP: usize = 4;
/// How many words after a length its noun may stand ("40-metre back alley").
const EXTENT_NOUN_REACH: usize = 3;
/// How many words a date that a bracketed date restates may have ("Tuesday (Sept 12)",
/// "September 12, 2023 (Tuesday)").
const RESTATED_DATE_WORDS: usize = 5;
/// How many words after the value (its noun phrase, auxiliaries) the right-hand scan reads.
const RIGHT_REACH: usize = 5;
/// How many words into a bracket after a sum its part may be named ("(excluding launch costs)").
const BRACKET_PART_WORDS: usize = 2;
/// How many words before a value a modality word makes it a projection.
const MODALITY_REACH: usize = 8;
/// The years a four-digit number may be read as.
const YEAR_MIN: i32 = 1800;
const YEAR_MAX: i32 = 2100;
/// How many words after a money value may name its part ("in Facebook stock").
const MONEY_PART_REACH: usize = 6;

/// How many words before a sum the relative pronoun of "X, which had a budget of $V" may come.
const RELATIVE_REACH: usize = 12;
/// How long a relative clause between a subject and its verb may be, in words ("X, which sent
/// an uncrewed capsule around the Moon and back, cost $V").
const RELATIVE_CLAUSE_REACH: usize = 20;
/// How many words (a determiner, adjectives, a noun) may stand between "the cost of" and the
/// name it is the cost of ("the budget for the local film 'Adipurush'").
const OWNER_NOUN_GAP: usize = 4;
/// How many words (a verb and its particle) may stand between that name and the sum ("… is
/// Rs 615 crore", "… stood at ₹700 crore").
const OWNER_VALUE_GAP: usize = 4;
/// How many space-separated words a name of what a sum is the cost of may hold.
const OWNER_WORDS: usize = 4;
/// How many letters a lowercase noun needs at least to be what a sum is the cost of.
const OWNER_NOUN_MIN: usize = 3;

/// How many words may stand between a sentence's opening pronoun and its attribution verb ("It
/// later said").
const PRONOUN_VERB_GAP: usize = 2;

/// True when the text between two sentences (bytes `end..start`) is only spaces and marks in
/// one paragraph: a pronoun of the second may name the first's source.
fn side_by_side(text: &str, end: usize, start: usize) -> bool {
    end <= start
        && text.get(end..start).is_some_and(|between| {
            between.chars().all(|c| !c.is_alphanumeric()) && between.matches('\n').count() < 2
        })
}

/// Of `list` (word positions with what stands there), what stands nearest the value at `at` in
/// its clause, outside the value (ties: the earlier word).
fn nearest_in_clause<T: Copy>(list: &[(usize, T)], at: Spot) -> Option<T> {
    let Spot { a, b, .. } = at;
    let (h0, h1) = at.hard;
    let gap = |k: usize| if k < a { a - k } else { k - b };
    list.iter()
        .filter(|&&(k, _)| (h0..h1).contains(&k) && !(a..b).contains(&k))
        .min_by_key(|&&(k, _)| (gap(k), k))
        .map(|&(_, v)| v)
}

/// True when the first word after byte `end` of `text`, past spaces and marks in the same
/// paragraph, is a pronoun that may name a source again ([`lx::is_source_pronoun`]): the
/// cheap test before a sentence's sources are carried to the next ([`side_by_side`] and
/// [`Sentence::opens_with_source_pronoun`] decide).
fn next_opens_with_source_pronoun(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    // One pass to the next word, counting the line breaks on the way: two end the paragraph.
    // ASCII bytes are told as bytes; any other character is decoded.
    let mut breaks = 0;
    let mut start = None;
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte.is_ascii() {
            if byte.is_ascii_alphanumeric() {
                start = Some(i);
                break;
            }
            if byte == b'\n' {
                breaks += 1;
                if breaks >= 2 {
                    return false;
                }
            }
            i += 1;
            continue;
        }
        let Some(c) = rest[i..].chars().next() else {
            break;
        };
        if c.is_alphanumeric() {
            start = Some(i);
            break;
        }
        i += c.len_utf8();
    }
    let Some(start) = start else {
        return false;
    };
    // The word is a pronoun when its run of ASCII letters is one and no letter follows it: a
    // run longer than every pronoun is none, and the rest of a longer word is never read.
    let word = &rest.as_bytes()[start..];
    let longest = lx::SOURCE_PRONOUNS
        .iter()
        .map(|p| p.len())
        .max()
        .unwrap_or(0);
    let run = word
        .iter()
        .take(longest + 1)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if run == 0 || run > longest {
        return false;
    }
    let ends = rest[start + run..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphabetic());
    ends && lx::SOURCE_PRONOUNS
        .iter()
        .any(|p| word[..run].eq_ignore_ascii_case(p.as_bytes()))
}

/// The scope prefix of the country whose people a figure counts.
const COUNTRY: &str = "country:";

/// The scope of a part of a group named before ("nine of them").
const PART_OF_GROUP: &str = "subset:part";

/// How many words may stand between a value's "of" and the word that closes its phrase ("98.98%
/// of the votes counted": "the votes").
const OF_PHRASE_WORDS: usize = 3;
/// How many capitalized words a margin verb's object may hold ("beat Jane Smith by 4,000").
const MARGIN_OBJECT_WORDS: usize = 3;

/// How many words before "by N" its change verb may come ("rose sharply by 5").
const CHANGE_VERB_REACH: usize = 2;

/// How many words after a value a rate marker may come ("$40 for each", "$3 a share per").
const RATE_REACH: usize = 3;

/// How many words after a rate marker its unit may come ("each of WhatsApp's users").
const RATE_UNIT_REACH: usize = 5;
/// How many words (a noun phrase and a conjunction) may separate two coordinated values.
const COORDINATION_GAP: usize = 5;
/// How many words of a noun phrase before an attribution verb name the attributed source.
const SOURCE_WORDS: usize = 8;
/// How many words an apposition between a source and its verb may hold ("Karwan Stoni,
/// official spokesperson for pilgrims from Iraq's autonomous Kurdistan region, told AFP").
const APPOSITION_WORDS: usize = 16;
/// How many words after a value its noun phrase may hold ("136 Indonesian pilgrims").
const NOUN_PHRASE_WORDS: usize = 4;

/// The most words between a period preposition and the number of its period ("for the two
/// busiest days": "the", "busiest" and none more than this).
const PERIOD_WORDS: usize = 3;
/// How many words before a value its clause's subject may name people by their country
/// ("Egyptians accounted for 658 deaths").
const DEMONYM_SUBJECT_REACH: usize = 6;
/// How many words after a value "… were women" may start.
const COPULA_REACH: usize = 6;
/// How many words around a role word its phrase reads ("the Egyptian dead", "the death toll
/// of Pakistani pilgrims").
const ROLE_PHRASE_BEFORE: usize = 2;
const ROLE_PHRASE_AFTER: usize = 4;
/// How many words on either side of a vote word may say which side it went to.
const VOTE_SIDE_REACH: usize = 2;
/// How many words before a "when" clause may name the year it is about.
const BACK_REFERENCE_WORDS: usize = 3;

/// What a value is, for the roles and scopes it may take: its dimension, and whether it
/// counts people (a count of people, a share, a bare number), which person roles ("deaths")
/// and restrictions ("women", "Indonesians") need.
#[derive(Debug, Clone, Copy)]
struct Dim {
    /// The dimension's bit among those roles apply to ([`lx::dimension_bit`]).
    bit: u32,
    people: bool,
    /// Some role applies to this dimension (no date or rank has a death toll).
    roles: bool,
}

impl Dim {
    fn of(c: &Claim, quantity: &str) -> Dim {
        let people = match c.dimension {
            Dimension::Count => quantity == lx::PEOPLE,
            Dimension::Percent | Dimension::Number => true,
            _ => false,
        };
        let bit = DIMENSION_BITS[c.dimension as usize];
        Dim {
            bit,
            people,
            roles: bit != 0,
        }
    }

    /// True when a value of this dimension can have a role of these facts.
    fn takes(self, role: lx::RoleFacts) -> bool {
        role.dims & self.bit != 0 && (self.people || !role.person)
    }
}

/// [`lx::dimension_bit`] of each dimension, by its discriminant: looked up once, not by name
/// for every claim.
static DIMENSION_BITS: std::sync::LazyLock<[u32; Dimension::ALL.len()]> =
    std::sync::LazyLock::new(|| {
        let mut bits = [0; Dimension::ALL.len()];
        for d in Dimension::ALL {
            bits[d as usize] = lx::dimension_bit(d.as_str());
        }
        bits
    });

/// A token of a sentence (a word, a number or a mark) as the scan reads it: what the
/// tokenizer's look-up found ([`Tok::lex`]) and its kind (its byte range is its token's).
#[derive(Debug, Clone, Copy)]
struct Word {
    /// What the scan knows of it ([`lx::word_bits`]): its [`class`] bits and its roles.
    bits: u32,
    /// A punctuation mark (the char), or `None` for a word.
    punct: Option<char>,
    capital: bool,
    digit: bool,
    /// Two letters or more, all capitals ("WHO", "UN"): a name, never a function word.
    acronym: bool,
}

impl Word {
    /// The token `t`, read.
    #[inline]
    fn of(t: &Tok) -> Word {
        // A word's bits, or none: masked, not branched on, as this is read for most tokens the
        // scans step over.
        let word = u64::from(t.is_word()).wrapping_neg();
        let lex = t.lex & word;
        Word {
            bits: (lex & LEX_WORD_BITS) as u32,
            punct: t.punct(),
            capital: lex & LEX_CAPITAL != 0,
            digit: matches!(t.kind, TokKind::Num(_)),
            acronym: lex & LEX_ACRONYM != 0,
        }
    }

    fn is(&self, c: char) -> bool {
        self.punct == Some(c)
    }

    /// Of class `bit` (function-word classes never hold an acronym: "WHO" is no pronoun).
    fn has(&self, bit: u16) -> bool {
        (lx::class_of(self.bits) & bit != 0) & !self.acronym
    }

    /// The role it gives a value near it.
    fn role(&self) -> Option<&'static str> {
        lx::role_of(self.bits)
    }

    /// The role it gives a value it governs from the left, with its facts.
    fn governs(&self) -> Option<(&'static str, lx::RoleFacts)> {
        lx::governor_role_facts_of(self.bits)
    }
}

/// A comma, a parenthesis or a bracket: the end of a phrase, not of a clause.
fn soft_break(c: char) -> bool {
    matches!(c, ',' | '(' | ')' | '[' | ']')
}

/// A semicolon, colon, dash or full stop: the end of a clause.
fn hard_break(c: char) -> bool {
    matches!(c, ';' | ':' | '—' | '–' | '.' | '!' | '?')
}

/// Where a value stands: its words `[a, b)`, and its clause within commas (`soft`) and within
/// hard breaks (`hard`), computed once for all the scans of its measure.
#[derive(Debug, Clone, Copy)]
struct Spot {
    a: usize,
    b: usize,
    soft: (usize, usize),
    hard: (usize, usize),
}

/// The buffers of one sentence's scan, reused from sentence to sentence.
#[derive(Debug, Default)]
pub struct Scratch {
    lists: Lists,
    values: Vec<(usize, usize)>,
    keyed: Vec<((usize, usize), usize)>,
    /// The last source of the sentence before, for a pronoun that names it again.
    previous: Option<Carried>,
    /// The one thing every sum of the sentence before is the cost of, and where that sentence
    /// ends, for "the mission" that names it again ([`carry_owner`]).
    owner: Option<(usize, String)>,
}

impl Scratch {
    /// Ready for a new article: what the last article's sentences carry to the next (a source
    /// a pronoun names again, the thing its sums are the cost of) is forgotten; the buffers
    /// keep their room.
    pub fn new_article(&mut self) {
        self.previous = None;
        self.owner = None;
    }
}

/// A sentence's lists of where the words its scans look for stand (see [`Sentence`]): they
/// stay in the [`Scratch`] and the sentence borrows them, so no buffer is moved per sentence.
#[derive(Debug, Default)]
struct Lists {
    /// The attributed sources of the sentence (word spans), in text order.
    sources: Vec<(usize, usize)>,
    /// Where the few words the per-value scans look for stand, in order, so that each value
    /// reads only those of its clause: role words, "elsewhere" words, modal words, "in", and
    /// four-digit numbers.
    roles: Vec<usize>,
    elsewhere: Vec<usize>,
    modal: Vec<usize>,
    conditionals: Vec<usize>,
    places: Vec<usize>,
    years: Vec<usize>,
    /// The marks that end a clause ([`hard_break`]), those that end a phrase or a clause
    /// ([`soft_break`] too) and the words that open a clause after a comma: a value's clause is
    /// read from these lists, never by walking its words.
    hard_stops: Vec<usize>,
    soft_stops: Vec<usize>,
    openers: Vec<usize>,
    /// The words [`Sentence::find_sources`] starts from: attribution leads, verbs and nouns.
    attributions: Vec<usize>,
    /// The dates of the sentence (their first word and year), however written ("last year's",
    /// "in June 2019"), listed when the article's year is known.
    dated: Vec<(usize, i32)>,
    /// The first words of the sentence's dates of another year that no year could be given
    /// ("unlike last year's, with over 200 deaths" in an article of unknown date), listed when
    /// the article's year is not known.
    relative_years: Vec<(usize, &'static str)>,
    /// Every bit of [`Tok::lex`] some token of the sentence has: a scan for words of a class
    /// the sentence holds none of is skipped.
    bits: u64,
}

impl Lists {
    /// Empty every list, keeping its room.
    fn clear(&mut self) {
        self.sources.clear();
        self.roles.clear();
        self.elsewhere.clear();
        self.modal.clear();
        self.conditionals.clear();
        self.places.clear();
        self.years.clear();
        self.hard_stops.clear();
        self.soft_stops.clear();
        self.openers.clear();
        self.attributions.clear();
        self.dated.clear();
        self.relative_years.clear();
        self.bits = 0;
    }

    /// List where the tokens `toks` of a sentence stand in the lists (see [`Sentence`]), and
    /// note in `bits` every bit some token of it has. A loop of its own, not inlined: the scan
    /// of every token of a sentence keeps its few values in registers.
    #[inline(never)]
    fn list(&mut self, toks: &[Tok]) {
        let mut bits = 0;
        for (k, t) in toks.iter().enumerate() {
            bits |= t.lex;
            // Most tokens are words the scans list nowhere: one test, of the kind and the bits
            // together, steps over them.
            let word = t.is_word();
            if word & (t.lex & NOTED == 0) {
                continue;
            }
            if word {
                self.note(k, &Word::of(t));
                continue;
            }
            match t.kind {
                TokKind::Punct(c) => {
                    if hard_break(c) {
                        self.hard_stops.push(k);
                        self.soft_stops.push(k);
                    } else if soft_break(c) {
                        self.soft_stops.push(k);
                    }
                }
                TokKind::Num(_) => {
                    if t.end - t.start == 4 {
                        self.years.push(k);
                    }
                }
                TokKind::Word => {}
            }
        }
        self.bits = bits;
    }

    /// List word `k` (`w`, a word with some bit of [`NOTED`]) where the scans look for it.
    fn note(&mut self, k: usize, w: &Word) {
        if lx::role_of(w.bits).is_some() {
            self.roles.push(k);
        }
        if w.has(class::ELSEWHERE) {
            self.elsewhere.push(k);
        }
        if w.has(class::MODALITY) {
            self.modal.push(k);
        }
        if w.bits & class::CONDITIONAL != 0 && !w.acronym {
            self.conditionals.push(k);
        }
        if w.has(class::PLACE) {
            self.places.push(k);
        }
        if w.has(class::OPENER) {
            self.openers.push(k);
        }
        if w.has(class::LEAD | class::ATTRIBUTION_VERB | class::ATTRIBUTION_NOUN) {
            self.attributions.push(k);
        }
    }
}

/// A sentence's last source, carried to the next sentence: "It later said …" is its source
/// again when the two sentences stand side by side in one paragraph.
#[derive(Debug, Default, Clone)]
struct Carried {
    /// Where the sentence that named the source ends (a byte of the article).
    end: usize,
    attribution: String,
    key: Vec<String>,
    /// The country the source reports for ("Jordan's foreign ministry"), or whose people
    /// the sentence counts.
    country: Option<String>,
}

/// A sentence's tokens, classified, and the sources it attributes figures to.
struct Sentence<'a, 's> {
    /// The article (token offsets are into it), and the batch's text with ASCII letters
    /// lowercased, which starts at byte `low_base` of the article.
    text: &'a str,
    low: &'a str,
    low_base: usize,
    /// The sentence's tokens (their words are read with [`Sentence::word`]).
    toks: &'a [Tok],
    /// Where the words the scans look for stand, and the sentence's sources.
    l: &'s mut Lists,
    /// The source of the sentence before, when this one opens with a pronoun that names it
    /// ("It later said …") and the two stand side by side.
    carried: Option<Carried>,
}

/// The bits of [`Tok::lex`] that put a word in some list of [`Lists`] ([`Sentence::note`]):
/// most words the scan knows (determiners, auxiliaries, prepositions) are in none.
const NOTED: u64 = (class::ELSEWHERE
    | class::MODALITY
    | class::PLACE
    | class::OPENER
    | class::LEAD
    | class::ATTRIBUTION_VERB
    | class::ATTRIBUTION_NOUN) as u64
    | class::CONDITIONAL as u64
    | lx::ROLE_BITS as u64;

/// The span `(lo, hi)` cut to `(floor, ceil)`.
fn clamped((lo, hi): (usize, usize), (floor, ceil): (usize, usize)) -> (usize, usize) {
    (lo.max(floor), hi.min(ceil))
}

/// The positions of `list` (sorted) within `[lo, hi)`.
fn within(list: &[usize], lo: usize, hi: usize) -> &[usize] {
    let from = list.partition_point(|&k| k < lo);
    let to = list.partition_point(|&k| k < hi);
    &list[from..to.max(from)]
}

impl<'a, 's> Sentence<'a, 's> {
    /// A sentence of `text` (`low` is the batch's lowercased text from byte `low_base` on), in
    /// the lists `l`, emptied: [`Sentence::classify`] reads its tokens.
    #[inline]
    fn new(text: &'a str, (low, low_base): (&'a str, usize), l: &'s mut Lists) -> Self {
        l.clear();
        Sentence {
            text,
            low,
            low_base,
            toks: &[],
            l,
            carried: None,
        }
    }

    /// List where the sentence's tokens `toks` stand in the lists the scans read, and find its
    /// sources (built in place: a sentence is never moved). Each word was looked up once, by
    /// the tokenizer ([`Tok::lex`]).
    fn classify(&mut self, toks: &'a [Tok]) {
        self.toks = toks;
        self.l.list(toks);
        self.find_sources();
    }

    /// Token `k`, read as a word.
    #[inline]
    fn word(&self, k: usize) -> Word {
        Word::of(&self.toks[k])
    }

    /// Token `k`, if the sentence has one.
    #[inline]
    fn word_at(&self, k: usize) -> Option<Word> {
        self.toks.get(k).map(Word::of)
    }

    /// The lowercase text of bytes `[start, end)` of the article (inside the batch).
    fn low_of(&self, start: usize, end: usize) -> &'a str {
        let low: &'a str = self.low;
        low.get(start.wrapping_sub(self.low_base)..end.wrapping_sub(self.low_base))
            .unwrap_or("")
    }

    /// The lowercase form of word `k` ("" for a mark or past the end).
    fn low(&self, k: usize) -> &'a str {
        match self.toks.get(k) {
            Some(t) if !matches!(t.kind, TokKind::Punct(_)) => self.low_of(t.start, t.end),
            _ => "",
        }
    }

    /// True when word `k` is `word` (lowercase): a token of another length is told without
    /// reading its text.
    fn low_is(&self, k: usize, word: &str) -> bool {
        self.toks
            .get(k)
            .is_some_and(|t| t.end - t.start == word.len())
            && self.low(k) == word
    }

    /// Word `k` without a possessive ending ("jordan's" → "jordan").
    fn bare(&self, k: usize) -> &'a str {
        lx::without_possessive(self.low(k))
    }

    /// True when word `k` is of class `bit`.
    fn has(&self, k: usize, bit: u16) -> bool {
        self.word_at(k).is_some_and(|w| w.has(bit))
    }

    /// The words `[a, b)` the byte range `[s, e)` of the sentence covers, found from word
    /// `from` on, which ends before `s` or is `a` (the claims of a sentence are read in text
    /// order, each from where the one before it starts).
    fn cover_from(&self, from: usize, s: usize, e: usize) -> (usize, usize) {
        let n = self.toks.len();
        // Tokens stand in text order, their ends rising: a search, not a walk, from `from`.
        let a = from.min(n) + self.toks[from.min(n)..].partition_point(|t| t.end <= s);
        let mut b = a;
        while b < n && self.toks[b].start < e {
            b += 1;
        }
        (a, b)
    }

    /// The words around `[a, b)` any scan of a value may read: [`CLAUSE_REACH`] either side.
    fn reach(&self, a: usize, b: usize) -> (usize, usize) {
        (
            a.saturating_sub(CLAUSE_REACH),
            (b + CLAUSE_REACH).min(self.toks.len()),
        )
    }

    /// The clause around words `[a, b)` within reach: up to hard breaks, and with `soft` also up
    /// to commas, parentheses and words that open a new clause after them.
    fn clause(&self, a: usize, b: usize, soft: bool) -> (usize, usize) {
        let reach = self.reach(a, b);
        if soft {
            clamped(
                self.opened(self.between(&self.l.soft_stops, a, b), a, b),
                reach,
            )
        } else {
            clamped(self.between(&self.l.hard_stops, a, b), reach)
        }
    }

    /// The clauses around words `[a, b)` within reach, within commas and without (as
    /// [`Sentence::clause`] gives each), found together: the reach is worked out once.
    fn clauses(&self, a: usize, b: usize) -> ((usize, usize), (usize, usize)) {
        let reach = self.reach(a, b);
        let soft = self.opened(self.between(&self.l.soft_stops, a, b), a, b);
        let hard = self.between(&self.l.hard_stops, a, b);
        (clamped(soft, reach), clamped(hard, reach))
    }

    /// After the last of `stops` before words `[a, b)`, up to the first from its end on.
    fn between(&self, stops: &[usize], a: usize, b: usize) -> (usize, usize) {
        let lo = stops
            .partition_point(|&j| j < a)
            .checked_sub(1)
            .map_or(0, |i| stops[i] + 1);
        let hi = stops
            .get(stops.partition_point(|&j| j < b))
            .map_or(self.toks.len(), |&j| j);
        (lo, hi)
    }

    /// The clause `(lo, hi)` around words `[a, b)` cut at the clause openers: one before the
    /// value starts its clause; one after it starts the next.
    fn opened(&self, (mut lo, mut hi): (usize, usize), a: usize, b: usize) -> (usize, usize) {
        let openers = &self.l.openers;
        if let Some(i) = openers.partition_point(|&j| j < a).checked_sub(1) {
            lo = lo.max(openers[i]);
        }
        if let Some(&j) = openers.get(openers.partition_point(|&j| j <= b)) {
            hi = hi.min(j);
        }
        (lo, hi)
    }

    fn role_at(&self, k: usize, dim: Dim) -> Option<&'static str> {
        lx::role_facts_of(self.word(k).bits)
            .filter(|&(_, f)| dim.takes(f))
            .map(|(r, _)| r)
    }

    /// Whether the word `j` is the group a part ending at word `b` is taken from: "19 of
    /// those injured", "the majority of the dead". Such a word is no role of the part, and
    /// the part does not keep it from a value further on ("the majority of those killed were
    /// women at 98").
    fn in_partitive_base(&self, b: usize, j: usize) -> bool {
        j > b && j <= b + 2 && self.low_is(b, OF) && {
            let w = self.low(j - 1);
            lx::is_partitive(w) || self.word(j - 1).has(class::DETERMINER)
        }
    }

    /// The role of the value at words `[a, b)`; `values` are the word spans of every value of
    /// the sentence, in text order (a role word of the clause goes to the value nearest it).
    fn role(&self, at: Spot, dim: Dim, values: &[(usize, usize)]) -> Option<(&'static str, usize)> {
        if !dim.roles {
            return None;
        }
        let Spot { a, b, .. } = at;
        let (s0, s1) = at.soft;
        // The verb or noun that governs it from the left: "killing 151", "deaths of five",
        // "a city of 100,000".
        let mut j = a;
        let mut skipped = 0;
        let mut level = false;
        while j > s0 && skipped <= GOVERN_SKIP {
            j -= 1;
            let w = self.word(j);
            if let Some((r, _)) = w.governs().filter(|&(_, f)| dim.takes(f)) {
                // "The difference with 98.98% of the votes counted was 54,000": the word closes
                // another value's "of" phrase and is that value's; the clause's subject is
                // this one's.
                let Some(x) = self.of_phrase_closed(j, values) else {
                    return Some((r, j));
                };
                let lo = self.phrase_start(x).max(at.hard.0);
                if let Some(r) = (lo..x).find_map(|k| self.role_at(k, dim).map(|r| (r, k))) {
                    return Some(r);
                }
                break;
            }
            level |= w.has(class::LEVEL);
            // "rose by one to 158": another value (the change) is stepped over too.
            let other_value = values.iter().any(|&(x, y)| (x..y).contains(&j));
            if !w.has(class::SKIP) && !other_value {
                // "won by 57,000 votes", "beat Smith by 4,000 votes": the margin.
                if let Some(k) = self
                    .margin_verb(j, a)
                    .filter(|_| dim.takes(*lx::MARGIN_FACTS))
                {
                    return Some((lx::MARGIN_ROLE, k));
                }
                break;
            }
            skipped += 1;
        }
        // "The death toll from the crowd crush in Seoul has risen to 154": the subject of the
        // level verb is the first role word of the clause.
        if level && let Some(r) = (s0..j).find_map(|k| self.role_at(k, dim).map(|r| (r, k))) {
            return Some(r);
        }
        // Its noun phrase and the verb or adjective after it: "11 Iranians have died"; a
        // generic role there gives way to a specific one after it ("50.2% of voters rejected"),
        // and so does the group a part is taken from ("19 of those injured were in critical
        // condition": the part's role is its own predicate's, read as far again).
        let mut generic = None;
        let mut reach = b + RIGHT_REACH;
        let mut j = b;
        while j < s1.min(reach) {
            if self.word(j).digit {
                break;
            }
            if let Some(r) = self.role_at(j, dim) {
                if self.in_partitive_base(b, j) {
                    reach = j + 1 + RIGHT_REACH;
                } else if !lx::is_generic_role(r) {
                    return Some((r, j));
                }
                generic = generic.or(Some((r, j)));
            }
            j += 1;
        }
        if generic.is_some() {
            return generic;
        }
        let gap = |j: usize, (x, y): (usize, usize)| {
            if j < x {
                x - j
            } else {
                (j + 1).saturating_sub(y)
            }
        };
        // The nearest role word of its clause, then of its sentence's clause, unless another
        // value stands nearer it.
        for (lo, hi) in [at.soft, at.hard] {
            let best = within(&self.l.roles, lo, hi)
                .iter()
                .copied()
                .filter(|&j| j < a || j >= b)
                .filter_map(|j| self.role_at(j, dim).map(|r| (r, j)))
                .map(|(r, j)| (gap(j, (a, b)), r, j))
                .filter(|&(d, _, _)| d <= ROLE_REACH)
                .filter(|&(d, _, j)| {
                    let from = values.partition_point(|v| v.1 + ROLE_REACH < j);
                    values[from..]
                        .iter()
                        .take_while(|v| v.0 <= j + ROLE_REACH)
                        .all(|&v| v == (a, b) || gap(j, v) >= d || self.in_partitive_base(v.1, j))
                })
                .min_by_key(|&(d, _, j)| (d, j));
            if let Some((_, r, j)) = best {
                return Some((r, j));
            }
        }
        None
    }

    /// The first word of the value whose "of" phrase the word at `j` closes ("98.98% of the
    /// votes counted"): between the "of" right after that value and `j` stand only at most
    /// [`OF_PHRASE_WORDS`] lowercase words.
    fn of_phrase_closed(&self, j: usize, values: &[(usize, usize)]) -> Option<usize> {
        let plain = |k: usize| {
            let w = self.word(k);
            w.punct.is_none() && !w.digit && !w.capital
        };
        values
            .iter()
            .find(|&&(_, y)| {
                y < j && j - y <= OF_PHRASE_WORDS + 1 && self.low_is(y, OF) && (y + 1..j).all(plain)
            })
            .map(|&(x, _)| x)
    }

    /// The first word after the last comma, parenthesis or hard break before word `x`.
    fn phrase_start(&self, x: usize) -> usize {
        let stops = &self.l.soft_stops;
        stops
            .partition_point(|&k| k < x)
            .checked_sub(1)
            .map_or(0, |i| stops[i] + 1)
    }

    /// The margin verb whose "by" governs a value ([`lx::MARGIN_VERBS`]: "won by 57,000",
    /// "beat Smith by 4,000"), when the left scan from the value stopped at word `j` right
    /// before that "by": `j` itself, or the word before a name of at most
    /// [`MARGIN_OBJECT_WORDS`] capitalized words ending at `j`.
    fn margin_verb(&self, j: usize, a: usize) -> Option<usize> {
        if j + 1 >= a || !self.low_is(j + 1, lx::BY) {
            return None;
        }
        let mut k = j;
        while !lx::is_margin_verb(self.low(k)) {
            if !self.word(k).capital || j - k >= MARGIN_OBJECT_WORDS || k == 0 {
                return None;
            }
            k -= 1;
        }
        Some(k)
    }

    /// Two shares joined as a result after the sides are named    /// Two shares joined as a result after the sides are named ("the 'No' vote edged out the
    /// 'Yes' vote, 50.2% to 49.7%"; "Colombians in the US were opposed, 61% to 39%"): the
    /// first share is the first side's, the second the next side's, or the first side's
    /// opposite when only one is named. Not a change ("from 40% to 45%").
    fn pair_sides(&self, claims: &mut [Claim], values: &[(usize, usize)]) {
        for k in 1..claims.len() {
            let ((a, b), (c, d)) = (values[k - 1], values[k]);
            let pair = claims[k - 1].kind == Kind::Percent
                && claims[k].kind == Kind::Percent
                && b + 1 == c
                && lx::is_pair_joiner(self.low(b))
                && !(a > 0 && self.low(a - 1) == crate::lang::en::change::FROM);
            let open =
                |r: &str| r.is_empty() || lx::is_generic_role(r) || lx::opposite_side(r).is_some();
            if !pair || !open(&claims[k - 1].measure.role) || !open(&claims[k].measure.role) {
                continue;
            }
            let (h0, _) = self.clause(a, b, false);
            let mut sides: Vec<&'static str> = Vec::new();
            for j in h0.max(a.saturating_sub(CLAUSE_REACH))..a {
                if let Some(side) = lx::pair_side(self.low(j))
                    && sides.last() != Some(&side)
                {
                    sides.push(side);
                }
            }
            // "voted 50.21 per cent to 49.78 per cent against the accord": a side right after
            // the pair is the first share's ("in favour of" too).
            if sides.is_empty() {
                let (_, h1) = self.clause(c, d, false);
                let mut j = d;
                if j < h1 && self.has(j, class::PLACE) {
                    j += 1;
                }
                if j < h1
                    && let Some(side) = lx::vote_side(self.low(j))
                {
                    sides.push(side);
                }
            }
            let first = sides.first().copied();
            let second = sides
                .get(1)
                .copied()
                .or_else(|| first.and_then(lx::opposite_side));
            if let (Some(x), Some(y)) = (first, second)
                && x != y
            {
                claims[k - 1].measure.role = Sym::from(x);
                claims[k].measure.role = Sym::from(y);
            }
        }
    }

    /// What happened on the date at `at`: the word that governs it from the left over at most
    /// [`GOVERN_SKIP`] words ("landed on August 23"), else the nearest word of its clause
    /// within [`ROLE_REACH`] ([`lx::DATE_EVENTS`]).
    fn date_event(&self, at: Spot) -> Option<&'static str> {
        // A sentence without a word of what happens on a date has no event for one.
        if self.l.bits & u64::from(class::DATE_EVENT) == 0 {
            return None;
        }
        let Spot { a, b, .. } = at;
        let (s0, s1) = at.soft;
        // A date in brackets or after a weekday and a comma restates the one before it
        // ("exploded on Tuesday (Sept 12)", "a touchdown on Wednesday, August 23"): the verb
        // governs both, over the first one's words too.
        let restated = a >= 1
            && (self.word(a - 1).is('(')
                || a >= 2
                    && self.word(a - 1).is(',')
                    && crate::lang::en::calendar::weekday(self.low(a - 2).as_bytes()).is_some());
        let skip = GOVERN_SKIP + 1 + if restated { RESTATED_DATE_WORDS } else { 0 };
        let from = if restated { at.hard.0 } else { s0 };
        let left = (a.saturating_sub(skip).max(from)..a).rev();
        if let Some(e) = left.clone().find_map(|k| self.date_event_at(k)) {
            return Some(e);
        }
        let lo = a.saturating_sub(ROLE_REACH).max(s0);
        let hi = s1.min(b + ROLE_REACH);
        (lo..hi)
            .filter(|&k| k < a || k >= b)
            .filter_map(|k| {
                self.date_event_at(k)
                    .map(|e| (k.abs_diff(a).min(k.abs_diff(b)), k, e))
            })
            .min()
            .map(|(_, _, e)| e)
    }

    /// What happened by word `k` ([`lx::date_event`]), looked up only when its classification
    /// says it is one of [`lx::DATE_EVENTS`]: most words of a date's clause are not.
    fn date_event_at(&self, k: usize) -> Option<&'static str> {
        if self.word(k).bits & class::DATE_EVENT == 0 {
            return None;
        }
        lx::date_event(self.low(k))
    }

    /// Which extent the length at words `[a, b)` measures: the adjective right after it
    /// ("5.7 meters long", "3.2-meter-wide") or the noun of "a depth of 10 km" before it.
    #[cold]
    fn extent(&self, a: usize, b: usize) -> Option<&'static str> {
        let mut k = b;
        if self.word_at(k).is_some_and(|w| w.is('-')) {
            k += 1;
        }
        lx::extent(self.low(k))
            .or_else(|| {
                (a >= 2 && self.low_is(a - 1, OF))
                    .then(|| lx::extent(self.low(a - 2)))
                    .flatten()
            })
            .or_else(|| self.extent_noun(k))
    }

    /// The extent the noun a length stands before gives it, over a few lowercase words ("a
    /// 40-metre back alley"): [`lx::EXTENT_NOUNS`].
    fn extent_noun(&self, from: usize) -> Option<&'static str> {
        (from..self.toks.len().min(from + EXTENT_NOUN_REACH))
            .take_while(|&j| {
                let w = self.word(j);
                w.punct.is_none() && !w.digit && !w.capital && !w.has(class::PREPOSITION)
            })
            .find_map(|j| lx::extent_of_noun(self.low(j)))
    }

    /// The predicate after a count's noun phrase (the first lowercase word that is no
    /// auxiliary, pronoun, determiner or person noun, before [`RIGHT_REACH`] words and the end
    /// of the clause, and before any preposition): "were squeezed" → "squeezed"; "were on
    /// duty" → none.
    fn predicate(&self, b: usize, s1: usize) -> Option<(usize, &'a str)> {
        let end = s1.min(b + RIGHT_REACH + 2);
        let mut j = b;
        while j < end {
            // "450 million people each month use it": a time adverbial, no verb.
            if self.each_period(j, s1) {
                j += 2;
                continue;
            }
            let w = self.word(j);
            // A mark, a number, a name or a preposition ("were on duty"): no verb follows.
            if w.punct.is_some() || w.digit || w.capital || w.has(class::PREPOSITION) {
                return None;
            }
            let low = self.low(j);
            let step = w.has(class::SKIP | class::PRONOUN | class::DETERMINER)
                || crate::lang::en::nouns::is_person_noun(low)
                || lx::is_generic_person(low)
                || lx::is_person_subset(low)
                || lx::country_of(low).is_some()
                || lx::subset_adjective(low).is_some();
            if !step {
                return Some((j, low));
            }
            j += 1;
        }
        None
    }

    /// Words `[lo, hi)` hold "on a path to", "on track to", "on course to" ([`lx::PATH_NOUNS`]):
    /// what follows is a goal on the way, not a count of what is.
    fn on_path(&self, lo: usize, hi: usize) -> bool {
        (lo + 1..hi.saturating_sub(1)).any(|k| {
            let t = &self.toks[k];
            t.is_word()
                && lx::PATH_NOUN_LENGTHS.contains(&(t.end - t.start))
                && self.low_is(k + 1, lx::TO)
                && lx::PATH_NOUNS.contains(&self.low(k))
                && (self.low_is(k - 1, lx::ON) || k >= lo + 2 && self.low_is(k - 2, lx::ON))
        })
    }

    /// Word `k` is a rate marker before a unit of time ("each month", "every year"): how often,
    /// not a rate per head nor a verb.
    fn each_period(&self, k: usize, s1: usize) -> bool {
        let t = &self.toks[k];
        k + 1 < s1
            && t.is_word()
            && lx::RATE_MARKER_LENGTHS.contains(&(t.end - t.start))
            && lx::is_rate_marker(self.low(k))
            && crate::lang::en::units::time_unit(self.low(k + 1)).is_some()
    }

    /// The period the count of claim `k` is restricted to ("577 deaths for the two busiest
    /// days" → `period:2 days`): the next value of the sentence states a number of days, hours,
    /// weeks or months ([`lx::PERIOD_UNITS`]), and between the two stand only the count's noun
    /// phrase, a period preposition ([`lx::PERIOD_PREPOSITIONS`]) and at most
    /// [`PERIOD_WORDS`] words.
    fn period_after(
        &self,
        claims: &[Claim],
        values: &[(usize, usize)],
        k: usize,
    ) -> Option<String> {
        let (next, &(c, _)) = (claims.get(k + 1)?, values.get(k + 1)?);
        let b = values[k].1;
        if !matches!(next.kind, Kind::Count | Kind::Duration) || !lx::is_period_unit(&next.unit) {
            return None;
        }
        let p = (b..c.min(b + NOUN_PHRASE_WORDS + 1))
            .find(|&j| lx::is_period_preposition(self.low(j)))?;
        let words = |x: usize, y: usize| {
            (x..y).all(|j| self.word(j).punct.is_none() && !self.word(j).digit)
        };
        if !(words(b, p) && c - p <= PERIOD_WORDS + 1 && words(p + 1, c)) {
            return None;
        }
        let length = next.value.lo()?;
        Some(tagged("period:", &format!("{length} {}", next.unit)))
    }

    /// The role a count's predicate gives it: a role of [`lx::PREDICATE_ROLES`] ("came",
    /// "took part" → attended), else the predicate itself as a role of its own.
    #[cold]
    fn predicate_role(&self, b: usize, s1: usize) -> Sym {
        let Some((j, p)) = self.predicate(b, s1) else {
            return Sym::from("");
        };
        let next = if j + 1 < s1 { self.low(j + 1) } else { "" };
        match lx::predicate_role(p, next) {
            Some(role) => Sym::from(role),
            None => Sym::from(format!("{}{p}", lx::PREDICATE_ROLE)),
        }
    }

    /// What the duration at `at` is the length of: a word of [`lx::DURATION_EVENTS`] among the
    /// few lowercase words after it ("52-year armed conflict", "four years of negotiations",
    /// "a half-century-long war") or a verb of [`lx::DURATION_VERBS`] governing it from the
    /// left ("negotiated over the last four years").
    #[cold]
    fn duration_of(&self, at: Spot) -> Option<&'static str> {
        let Spot { a, b, .. } = at;
        let (s0, s1) = at.soft;
        for k in b..s1.min(b + RIGHT_REACH) {
            let w = self.word(k);
            if w.is('-') {
                continue;
            }
            if w.punct.is_some() || w.digit || w.capital {
                break;
            }
            if let Some(e) = lx::duration_event(self.low(k)) {
                return Some(e);
            }
        }
        (a.saturating_sub(GOVERN_SKIP + 1).max(s0)..a)
            .rev()
            .find_map(|k| lx::duration_verb(self.low(k)))
    }

    /// Refine a generic vote role by the side the words next to it name ("voting against",
    /// "the 'yes' vote").
    fn vote_side(&self, role: &'static str, at: usize) -> &'static str {
        if !lx::is_generic_role(role) {
            return role;
        }
        let lo = at.saturating_sub(VOTE_SIDE_REACH);
        let hi = (at + VOTE_SIDE_REACH + 1).min(self.toks.len());
        (lo..hi)
            .filter(|&j| j != at)
            .find_map(|j| lx::vote_side(self.low(j)))
            .unwrap_or(role)
    }

    /// The scope of the value at words `[a, b)`.
    fn scope(
        &self,
        at: Spot,
        claim: &Claim,
        dim: Dim,
        reference_year: Option<i32>,
        scope: &mut Vec<String>,
    ) {
        let Spot { a, b, .. } = at;
        let (s0, s1) = at.soft;
        if dim.people {
            self.people_scope(at, claim.kind == Kind::Percent, scope);
        }
        // A count of people or the weather of another place ("170 others … elsewhere", "in
        // nearby Mina … the temperature was 46C").
        if (dim.people || claim.kind == Kind::Temperature) && self.is_elsewhere(at) {
            push(scope, "place:elsewhere".to_string());
        }
        // A value that opens a conjunct of its own ("are feared dead and 10,000 are missing",
        // "and the 10,000 missing") is outside the modal words of the conjunct before.
        let conjunct = (a.saturating_sub(2).max(s0)..a).rev().find(|&k| {
            self.word(k).has(class::COORDINATOR)
                && (k + 1 == a || self.word(k + 1).has(class::DETERMINER))
        });
        let m0 = a
            .saturating_sub(MODALITY_REACH)
            .max(s0)
            .max(conjunct.map_or(0, |k| k + 1));
        // A modal word or a goal on the way ("on a path to connect 1 billion people") before
        // the value. An indirect question opened after the modal word ("could not be reached
        // for comment on whether $19 billion was …") is a clause of its own: the modal word is
        // the asker's. The question is looked for only when there is something it may take
        // away.
        let modal_or_goal =
            |m0: usize| !within(&self.l.modal, m0, a).is_empty() || self.on_path(m0, a);
        let projected = modal_or_goal(m0)
            && modal_or_goal(
                (m0..a)
                    .rev()
                    .find(|&k| lx::QUESTION_OPENERS.iter().any(|w| self.low_is(k, w)))
                    .map_or(m0, |k| k + 1),
            );
        // A modal word of its own clause ("could reach 20,000"), or a condition clause before
        // its own ("should the deal fail, Facebook will pay $1bn"; but in "if he travels to one
        // of the 123 countries" the number is part of the condition, not its outcome).
        let conditioned = within(&self.l.conditionals, at.hard.0, a)
            .iter()
            .any(|&k| (k..a).any(|j| self.word(j).is(',')));
        // "will be joining the landing on August 23": the date of what is yet to happen is a
        // schedule, another fact than the date it happened on.
        // Anywhere in its clause: "will be joining the Chandrayaan-3 landing programme
        // virtually from South Africa on August 23".
        let f0 = s0.max(conjunct.map_or(0, |k| k + 1));
        let scheduled = claim.kind == Kind::Date
            && (f0..a).any(|k| {
                let t = &self.toks[k];
                t.end - t.start == lx::FUTURE_AUXILIARY_LEN && lx::is_future_auxiliary(self.low(k))
            });
        if projected || conditioned || scheduled {
            push(scope, "modality:projection".to_string());
        }
        // "Other unconfirmed and unofficial reports estimated that the death toll was as high
        // as 900": not the confirmed count.
        if dim.people
            && (at.hard.0..a).any(|k| {
                let t = &self.toks[k];
                t.end - t.start >= lx::UNCONFIRMED_MIN_LEN && lx::is_unconfirmed_word(self.low(k))
            })
        {
            push(scope, tagged("modality:", lx::UNCONFIRMED));
        }
        // "more than a dozen heat-related deaths": the count of one cause.
        if dim.people
            && b + 2 < s1
            && self.word(b + 1).is('-')
            && lx::is_cause_suffix(self.low(b + 2))
            && !self.word(b).digit
        {
            push(scope, tagged("cause:", self.low(b)));
        }
        if claim.kind == Kind::Money
            && let Some(p) = self
                .money_part(b, s1)
                .or_else(|| {
                    (a > s0 && lx::is_addition_word(self.low(a - 1))).then_some(lx::ADDITION_PART)
                })
                .or_else(|| self.bracketed_part(b))
        {
            push(scope, tagged("part:", p));
        }
        if claim.kind == Kind::Money
            && let Some(owner) = self.owner(at)
        {
            push(scope, tagged("object:", &owner));
        }
        if claim.kind != Kind::Date
            && let Some(unit) = self.rate_unit(b, s1)
        {
            push(scope, tagged("per:", &unit));
        }
        // "rose by one to 158", "fell by 3 points": the value is the change, not the level.
        if a >= 2
            && a > s0 + 1
            && self.low_is(a - 1, lx::BY)
            && (a.saturating_sub(1 + CHANGE_VERB_REACH)..a - 1)
                .any(|k| lx::is_change_verb(self.low(k)))
        {
            push(scope, "change:amount".to_string());
        }
        // "nine of them", "three of heat stroke": "of" right after the value, read once.
        let of_after = b + 1 < s1 && self.low_is(b, OF);
        // "nine of them were declared dead": a part of a group named before, not the whole.
        if claim.kind != Kind::Percent && of_after && lx::is_part_of_pronoun(self.low(b + 1)) {
            push(scope, PART_OF_GROUP.to_string());
        }
        // "three of heat stroke": what a bare number is of, when it is no partitive ("97 of
        // the dead") and no pronoun ("two of them").
        if of_after && claim.subject.head.is_none() {
            let next = self.word(b + 1);
            let bare = next.punct.is_none()
                && !next.digit
                && !next.capital
                && !next.has(class::DETERMINER)
                && !next.has(class::PRONOUN)
                && !lx::is_partitive(self.low(b + 1));
            // "50.2% of voters", "37 percent of the votes": the base every share of the
            // electorate or a population has, no restriction.
            // "four years of negotiations": what a duration is the length of is its role, no
            // restriction.
            let next_w = self.low(b + 1);
            let base = claim.kind == Kind::Duration && lx::duration_event(next_w).is_some()
                || claim.kind == Kind::Percent
                    && (crate::lang::en::nouns::is_person_noun(next_w)
                        || lx::is_generic_person(next_w)
                        || lx::role(next_w).is_some());
            if bare && !base {
                push(scope, tagged("of:", next_w));
            }
        }
        if claim.kind != Kind::Date {
            if let Some(year) = self.other_year(at, reference_year) {
                push(scope, format!("year:{year}"));
            } else if let Some(w) = self.relative_year(at) {
                // "last year": another year than the story's, whichever that is.
                push(scope, format!("year:{w}_{}", lx_calendar::YEAR_UNIT));
            }
        }
    }

    /// True when the clause of the value at `at` puts it in another place than the story's
    /// own ("170 others had been killed elsewhere"): an "elsewhere" word up to the clause that
    /// a word like "while" opens after the value, and not one that closes a list of places
    /// ("foreigners from China, Iran and elsewhere" counts them all).
    fn is_elsewhere(&self, at: Spot) -> bool {
        let (h0, h1) = at.hard;
        let next = self.l.openers.partition_point(|&j| j <= at.b);
        let end = self.l.openers.get(next).map_or(h1, |&j| h1.min(j));
        within(&self.l.elsewhere, h0, end).iter().any(|&k| {
            (k == 0 || !self.word(k - 1).has(class::COORDINATOR))
                // "nearby Mina", not "a nearby hospital".
                && (!lx::is_place_adjective(self.low(k))
                    || k + 1 < self.toks.len() && self.is_name(k + 1))
        })
    }

    /// The restrictions of a value that counts people: the adjectives and noun of its noun
    /// phrase ("136 Indonesian pilgrims", "26 foreigners"), "from X", "in X", "… were women".
    #[cold]
    fn people_scope(&self, at: Spot, share: bool, scope: &mut Vec<String>) {
        let Spot { a, b, .. } = at;
        let (_, s1) = at.soft;
        // The noun phrase after the value: adjectives and the counted noun.
        let mut j = b;
        while j < s1
            && j < b + NOUN_PHRASE_WORDS
            && self.word(j).punct.is_none()
            && !self.word(j).digit
        {
            if self.has(j, class::PREPOSITION) {
                break;
            }
            let w = self.low(j);
            if let Some(c) = self.word(j).capital.then(|| lx::country_of(w)).flatten() {
                push(scope, tagged("country:", c));
            } else if let Some(sub) = lx::subset_adjective(w) {
                push(scope, tagged("subset:", sub));
            } else if lx::is_person_subset(w) {
                push(scope, tagged("subset:", w));
            }
            if j > b && self.has(j, class::SKIP) {
                break;
            }
            j += 1;
        }
        // "… in the United States": a country the clause puts the figure in.
        let (h0, h1) = at.hard;
        for &k in within(&self.l.places, h0, h1) {
            if (a..b).contains(&k) {
                continue;
            }
            let at = if self.has(k + 1, class::DETERMINER) {
                k + 2
            } else {
                k + 1
            };
            if let Some(c) = self.country_at(at) {
                push(scope, tagged("in:", c));
            }
        }
        // "Egyptians accounted for 658 deaths": people named by their country leading the
        // value's clause.
        if !scope.iter().any(|x| x.starts_with("country:")) {
            let (s0, _) = at.soft;
            let lead = (s0.max(a.saturating_sub(DEMONYM_SUBJECT_REACH))..a).find_map(|k| {
                let w = self.low(k);
                let plural = w.strip_suffix(crate::lang::en::nouns::PLURAL)?;
                (self.word(k).capital && !lx::is_country_name(w))
                    .then(|| lx::country_of(plural))
                    .flatten()
            });
            if let Some(c) = lead {
                push(scope, tagged("country:", c));
            }
        }
        // "six in Madina, four in Mina": a place named right after the count that is no
        // country (the matcher drops a place most of the story's articles name).
        if j + 1 < s1 && lx::is_place_preposition(self.low(j)) {
            let at = if self.has(j + 1, class::DETERMINER) {
                j + 2
            } else {
                j + 1
            };
            if at < s1
                && self.is_source_name(at)
                && self.country_at(at).is_none()
                && lx::country_of(self.bare(at)).is_none()
            {
                push(scope, tagged("in:", self.bare(at)));
            }
        }
        // "… from Indonesia", "… from the United States"; "… from that country", the one named
        // before in the sentence.
        let named_at = if j + 2 < s1 && self.has(j + 1, class::DETERMINER) {
            j + 2
        } else {
            j + 1
        };
        if j + 1 < s1
            && lx::is_origin_preposition(self.low(j))
            && let Some(c) = self
                .country_at(named_at)
                .or_else(|| self.country_pointed_at(j + 1, at.hard.0, a))
        {
            push(scope, tagged("country:", c));
        }
        // "Ninety-seven of the dead were women", "Among the dead, 101 were women".
        let mut named = false;
        if let Some(k) = (b..s1.min(b + COPULA_REACH)).find(|&k| lx::is_copula(self.low(k)))
            && k + 1 < s1
        {
            let w = self.low(k + 1);
            if lx::is_person_subset(w) {
                push(scope, tagged("subset:", w));
                named = true;
            } else if let Some(c) = self
                .word(k + 1)
                .capital
                .then(|| lx::country_of(w))
                .flatten()
            {
                push(scope, tagged("country:", c));
                named = true;
            }
        }
        // "12 of the dead did not have permits": a part of a whole the sentence names, not the
        // whole, even when it does not say which part. (A share is always of a whole: "98.98%
        // of the votes counted" is no part.)
        if !named
            && !share
            && b + 1 < s1
            && self.low_is(b, OF)
            && self.has(b + 1, class::DETERMINER | class::PRONOUN)
            && !scope.iter().any(|x| x.starts_with("subset:"))
        {
            push(scope, PART_OF_GROUP.to_string());
        }
    }

    /// True when the value at `next` is coordinated with the one at `prev`: at most a few words
    /// between them (its noun phrase), then "and", "or" or a comma right before `next`.
    fn coordinated(&self, prev: (usize, usize), next: (usize, usize)) -> bool {
        if prev.1 > next.0 || next.0 - prev.1 > COORDINATION_GAP {
            return false;
        }
        let before = self.word(next.0 - 1);
        before.is(',') || before.has(class::COORDINATOR)
    }

    /// The scope the words around a role word add: "the Egyptian dead had risen to over 600",
    /// "the death toll of Pakistani pilgrims hit 58", "those killed were women".
    #[cold]
    fn role_phrase_scope(&self, at: usize, (a, b): (usize, usize), scope: &mut Vec<String>) {
        let (s0, s1) = self.clause(at, at + 1, true);
        // "The new deaths reported included 58": an increment, not the toll.
        if at > s0 && lx::is_increment(self.low(at - 1)) {
            push(scope, "change:increment".to_string());
        }
        let lo = at.saturating_sub(ROLE_PHRASE_BEFORE).max(s0);
        let hi = (at + ROLE_PHRASE_AFTER).min(s1);
        let has_country = scope.iter().any(|x| x.starts_with("country:"));
        for k in lo..hi {
            if (a..b).contains(&k) || self.word(k).digit {
                continue;
            }
            let w = self.low(k);
            if !has_country
                && self.word(k).capital
                && let Some(c) = lx::country_of(w)
            {
                push(scope, tagged("country:", c));
            } else if let Some(sub) = lx::subset_adjective(w) {
                push(scope, tagged("subset:", sub));
            } else if lx::is_person_subset(w) && !scope.iter().any(|x| x.starts_with("subset:")) {
                push(scope, tagged("subset:", w));
            }
        }
    }

    /// The country the words at `k` name ("Indonesia", "Indonesian", "South Korea", "US").
    fn country_at(&self, k: usize) -> Option<&'static str> {
        let w = self.word_at(k)?;
        if !w.capital {
            return None;
        }
        if self.word_at(k + 1).is_some_and(|n| n.punct.is_none())
            && let Some(c) = lx::country_phrase(self.low(k), self.low(k + 1))
        {
            return Some(c);
        }
        if w.acronym
            && let Some(c) = lx::country_acronym(self.low(k))
        {
            return Some(c);
        }
        lx::country_of(self.bare(k))
    }

    /// The country "that country" at words `k, k + 1` points back at: the last one named in
    /// the sentence (from `h0`) before the value at `a` ("58 from Egypt … of 658 total dead
    /// from that country").
    #[cold]
    fn country_pointed_at(&self, k: usize, h0: usize, a: usize) -> Option<&'static str> {
        if k + 1 >= self.toks.len() || !lx::is_country_anaphor(self.low(k), self.low(k + 1)) {
            return None;
        }
        (h0..a).rev().find_map(|j| self.country_at(j))
    }

    /// The part of a price named right after a money value ("$4 billion in cash"), unless two
    /// parts are joined ("$19 billion in cash and stock" is the whole).
    #[cold]
    fn money_part(&self, b: usize, s1: usize) -> Option<&'static str> {
        let hi = s1.min(b + MONEY_PART_REACH);
        let k = (b..hi).find(|&k| !self.word(k).digit && lx::money_part(self.low(k)).is_some())?;
        let joined = k + 2 < s1
            && self.has(k + 1, class::COORDINATOR)
            && lx::money_part(self.low(k + 2)).is_some();
        if joined || (b..k).any(|j| self.word(j).digit) {
            return None;
        }
        lx::money_part(self.low(k))
    }

    /// The part of a price a bracket right after a money value names ("Rs 250 crore
    /// (excluding launch vehicle costs)", "$4 billion (in cash)"), its first words only.
    #[cold]
    fn bracketed_part(&self, b: usize) -> Option<&'static str> {
        if !self.word_at(b).is_some_and(|w| w.is('(')) {
            return None;
        }
        let end = self.toks.len().min(b + 1 + BRACKET_PART_WORDS);
        (b + 1..end)
            .take_while(|&k| self.word(k).punct.is_none())
            .find_map(|k| lx::money_part(self.low(k)))
    }

    /// What the sum of money at `at` is the cost or price of, when the sentence names it: "Name
    /// ($V)", "Name's $V budget", "Name cost $V", "acquire Name for $V", "$V for Name", "Name,
    /// which had a budget of $V", "the cost of Name is $V" (the words are in
    /// [`lx::OWNED_VALUE_VERBS`] and its neighbours). The name as [`Self::name_before`] gives
    /// it.
    #[cold]
    fn owner(&self, at: Spot) -> Option<String> {
        let Spot { a, b, .. } = at;
        let (s0, s1) = at.soft;
        // "The Martian ($108 million)", "Chandrayaan-3's $75 million budget".
        // "“Aadipurush” (estimated at $88 million)": a few lowercase words may open the brackets.
        let open = (a.saturating_sub(OWNER_VALUE_GAP).max(s0.saturating_sub(1))..a)
            .rev()
            .take_while(|&k| {
                let w = self.word(k);
                w.is('(') || (w.punct.is_none() && !w.capital && !w.digit)
            })
            .find(|&k| self.word(k).is('('));
        if let Some(k) = open
            && k >= 1
        {
            return self.name_before(k - 1);
        }
        // "The Rs 650 crore Chandrayaan-3 mission", "the $19 billion WhatsApp deal": a sum that
        // modifies a name and the noun a report calls its subject by is that name's.
        if a > s0 && self.has(a - 1, class::DETERMINER) && b < s1 && self.is_name(b) {
            let mut e = self.run_of(b).1;
            while e < s1 && self.is_name(e) {
                e = self.run_of(e).1;
            }
            if e < s1
                && lx::is_own_subject_noun(self.low(e))
                && let Some(name) = self.name_before(e - 1)
            {
                return Some(name);
            }
        }
        if a >= 1 {
            let (rs, _) = self.run_of(a - 1);
            let run = &self.text[self.toks[rs].start..self.toks[a - 1].end];
            if lx::without_possessive(run) != run {
                return self.name_before(a - 1);
            }
        }
        // "'Interstellar' cost $165 million", "the film cost just $V".
        let mut v = a;
        while v > s0 && lx::is_owner_adverb(self.low(v - 1)) {
            v -= 1;
        }
        if v >= 2 && lx::is_owned_value_verb(self.low(v - 1)) {
            let mut n = v - 2;
            while n > s0 && lx::is_owner_adverb(self.low(n)) {
                n -= 1;
            }
            if let Some(name) = self.name_before(n) {
                return Some(name);
            }
            if let Some(name) = self.verb_subject_name(n, at.hard.0) {
                return Some(name);
            }
            // "the launch costs around Rs 365 crore": a thing of its own, unless it is the
            // story's own subject in other words ("the mission cost $75 million").
            if let Some(thing) = self.thing_at(n) {
                return Some(thing);
            }
        }
        // "the film's budget was $165 million": the possessor of the cost noun.
        if let Some(k) = (a.saturating_sub(OWNER_VALUE_GAP + 1).max(s0 + 1)..a)
            .find(|&k| lx::is_owned_value_noun(self.low(k)) && self.possessive(k - 1))
        {
            return self.name_before(k - 1).or_else(|| self.thing_at(k - 1));
        }
        // "acquire WhatsApp for $19 billion", "paid $1 billion for Instagram".
        if a >= 2
            && lx::is_price_preposition(self.low(a - 1))
            && let Some(name) = self.name_before(a - 2)
        {
            // "Zapchat was bought by Acme for $19bn": Acme buys; Zapchat is what is bought.
            return match self.agent_before(a - 2, s0) {
                Some(by) => self.passive_subject(by, s0),
                None => Some(name),
            };
        }
        if b + 1 < s1 && lx::is_price_preposition(self.low(b)) {
            let end = s1.min(b + 1 + OWNER_NOUN_GAP);
            if let Some(k) = (b + 1..end).find(|&k| self.is_name(k)) {
                let (_, e) = self.run_of(k);
                let mut e = e;
                while e < end && self.is_name(e) {
                    e = self.run_of(e).1;
                }
                if let Some(name) = self.name_before(e - 1) {
                    return Some(name);
                }
            }
        }
        // "Chandrayaan-2, which had a budget of $96.5 million".
        let lo = a.saturating_sub(RELATIVE_REACH);
        if let Some(k) = (lo.max(2)..a)
            .rev()
            .find(|&k| lx::is_relative_pronoun(self.low(k)))
        {
            let w = self.word(k - 1);
            if w.is(',') || w.is('-') || w.is('—') || w.is('–') {
                return self.name_before(k - 2);
            }
        }
        // "the total cost of Chandrayaan-3 is Rs. 615 crore".
        let first = a.saturating_sub(OWNER_VALUE_GAP + OWNER_NOUN_GAP + OWNER_WORDS + 2);
        let noun = (first.max(s0)..a).find(|&k| {
            lx::is_owned_value_noun(self.low(k)) && lx::is_owner_preposition(self.low(k + 1))
        })?;
        let end = a.min(noun + 2 + OWNER_NOUN_GAP + 1);
        let Some(k) = (noun + 2..end).find(|&k| self.is_name(k)) else {
            // "the cost of interstellar comes to 1,200 crore": a lowercase thing right after
            // the preposition (and a determiner), with a verb between it and the sum.
            let t = noun + 2 + usize::from(noun + 2 < a && self.has(noun + 2, class::DETERMINER));
            return (t + 1 < a && !lx::is_owner_adverb(self.low(t)))
                .then(|| self.thing_at(t))
                .flatten();
        };
        let mut e = self.run_of(k).1;
        while e < a && self.is_name(e) {
            e = self.run_of(e).1;
        }
        // A name that runs into the value ("SS$3") stands not before it.
        (e <= a && a - e <= OWNER_VALUE_GAP)
            .then(|| self.name_before(e - 1))
            .flatten()
    }

    /// The lowercase noun at word `j` (its possessive dropped, in the singular) as what a sum is
    /// the cost of ("the launch", "the flick's"), when it is a noun of its own: not a function
    /// word, a number or a name, and not one of the words a story calls its own subject by
    /// ([`lx::is_own_subject_noun`]: "the mission", "the deal").
    fn thing_at(&self, j: usize) -> Option<String> {
        let w = self.word(j);
        if w.punct.is_some()
            || w.digit
            || w.capital
            || w.has(class::DETERMINER | class::PRONOUN | class::SKIP | class::COORDINATOR)
        {
            return None;
        }
        let low = lx::without_possessive(self.low(j)).trim_end_matches(['\'', '’']);
        let low = lx::singular(low);
        (low.len() >= OWNER_NOUN_MIN && !lx::is_own_subject_noun(low)).then(|| low.to_string())
    }

    /// The agent preposition ("by") right before the name that ends at word `j`, if any.
    fn agent_before(&self, j: usize, s0: usize) -> Option<usize> {
        let mut k = j;
        while k > s0 && self.is_name(k - 1) {
            k -= 1;
        }
        (k > s0 && lx::is_agent_preposition(self.low(k - 1))).then(|| k - 1)
    }

    /// The name before the auxiliaries of the passive verb that stands right before the agent
    /// preposition at `by` ("Zapchat is being bought by"), if there are auxiliaries.
    fn passive_subject(&self, by: usize, s0: usize) -> Option<String> {
        let verb = by.checked_sub(1)?;
        let mut n = verb;
        while n > s0 && lx::is_passive_auxiliary(self.low(n - 1)) {
            n -= 1;
        }
        (n < verb && n > s0)
            .then(|| self.name_before(n - 1))
            .flatten()
    }

    /// The name heading the subject of a verb when a relative clause set off by commas ends at
    /// word `n`, right before the verb, within the sentence from `h0` ("NASA's Artemis I
    /// mission last year, which sent a capsule around the Moon, cost $4 billion"): the name
    /// before the clause, over the few lowercase words that may follow it in its noun phrase.
    fn verb_subject_name(&self, n: usize, h0: usize) -> Option<String> {
        if !self.word(n).is(',') {
            return None;
        }
        // The comma that opens the clause: the one right before a relative pronoun.
        let lo = n.saturating_sub(RELATIVE_CLAUSE_REACH).max(h0);
        let open = (lo..n)
            .rev()
            .find(|&k| self.word(k).is(',') && lx::is_relative_pronoun(self.low(k + 1)))?;
        let end = open.checked_sub(1)?;
        let lo = end.saturating_sub(OWNER_NOUN_GAP).max(h0);
        (lo..=end)
            .rev()
            .take_while(|&k| {
                let w = self.word(k);
                w.punct.is_none() && !w.digit
            })
            .find(|&k| self.is_name(k))
            .and_then(|k| self.name_before(k))
    }

    /// The space-free run of tokens that holds word `k` ("Chandrayaan-3's" is one run).
    fn run_of(&self, k: usize) -> (usize, usize) {
        let mut s = k;
        while s > 0 && self.toks[s - 1].end == self.toks[s].start {
            s -= 1;
        }
        let mut e = k + 1;
        while e < self.toks.len() && self.toks[e - 1].end == self.toks[e].start {
            e += 1;
        }
        (s, e)
    }

    /// The name whose last word is word `j` or ends the run of word `j` ("The Martian",
    /// "Chandrayaan-3's", "‘Interstellar’"), lowercased, without its quotes, possessive and
    /// leading determiner; `None` when no name ends there or it names a country or a month.
    fn name_before(&self, j: usize) -> Option<String> {
        let (mut s, run_end) = self.run_of(j);
        let mut e = run_end.min(j + 1);
        while e > s && self.word(e - 1).punct.is_some() {
            e -= 1;
        }
        while s < e && self.word(s).punct.is_some() {
            s += 1;
        }
        if s >= e || !self.is_name(s) {
            return None;
        }
        // Earlier words of the name: "The Martian", "Artemis I".
        for _ in 1..OWNER_WORDS {
            if s == 0 || self.toks[s - 1].end == self.toks[s].start {
                break;
            }
            let (ps, pe) = self.run_of(s - 1);
            let clean = (ps..pe).all(|k| self.word(k).punct.is_none());
            if !clean || !self.is_name(ps) || self.possessive(pe - 1) {
                break;
            }
            s = ps;
        }
        if self.word(s).punct.is_none() && self.has(s, class::DETERMINER) && s + 1 < e {
            s = self.run_of(s).1;
        }
        // A determiner's run may reach past the name's end ("(A(1?(1$"): then no name is left.
        if s >= e {
            return None;
        }
        let text = self.text[self.toks[s].start..self.toks[e - 1].end].to_lowercase();
        let name = lx::without_possessive(&text)
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        let known = lx::country_of(&name).is_some() || is_calendar_name(&name);
        (!name.is_empty() && !known).then_some(name)
    }

    /// The unit a figure is a rate of, when a rate marker follows it in its clause ("$40 for
    /// each of WhatsApp's users" → "user", "four each" → "each"). A rate per unit of time
    /// ("$3 billion per year") is none: news drops "a year" from a yearly total freely.
    fn rate_unit(&self, b: usize, s1: usize) -> Option<String> {
        let hi = s1.min(b + RATE_REACH);
        // A word of another length than a rate marker's is none, and a number is none either.
        let marker = |k: usize| {
            let t = &self.toks[k];
            t.is_word()
                && lx::RATE_MARKER_LENGTHS.contains(&(t.end - t.start))
                && lx::is_rate_marker(self.low(k))
        };
        let k = (b..hi).find(|&k| marker(k))?;
        if (b..k).any(|j| self.word(j).digit) {
            return None;
        }
        // "per user", "every user", "each of its users" name the unit; "four each came from
        // China", "$5 apiece" do not.
        let of_follows = k + 1 < s1 && self.low_is(k + 1, OF);
        // "used by 450 million people each month": how often, as "per month" is.
        if self.each_period(k, s1) {
            return None;
        }
        if !lx::rate_marker_names_unit(self.low(k)) && !of_follows {
            // "four each from China and Russia": each place's own count, no rate.
            if k + 1 < s1 && lx::is_origin_preposition(self.low(k + 1)) {
                return None;
            }
            return Some(lx::RATE_EACH.to_string());
        }
        let unit = (k + 1..s1.min(k + 1 + RATE_UNIT_REACH)).find(|&j| {
            let w = self.word(j);
            w.punct.is_none()
                && !w.digit
                && !w.capital
                && !w.has(class::DETERMINER)
                && !self.low_is(j, OF)
                && !self.possessive(j)
        });
        let Some(j) = unit else {
            return Some(lx::RATE_EACH.to_string());
        };
        let w = self.low(j);
        if crate::lang::en::units::time_unit(w).is_some() {
            return None;
        }
        Some(lx::singular(w).to_string())
    }

    /// Word `j` is a possessor ("the app's", "the app’s"): its apostrophe ends it or starts
    /// the next word.
    fn possessive(&self, j: usize) -> bool {
        let w = self.low(j);
        lx::without_possessive(w) != w
            || w.ends_with(['\'', '’'])
            || (j + 1 < self.toks.len() && self.low(j + 1).starts_with(['\'', '’']))
    }

    /// A year other than the reference year that the value's own clause names (outside the
    /// value): "the 2014 sinking killed 304", "In 2012, the site paid $1 billion", "since 2014,
    /// when the ferry sank and killed 304 people". The figure is about another time.
    fn other_year(&self, at: Spot, reference: Option<i32>) -> Option<i32> {
        let Spot { a, b, .. } = at;
        let (s0, s1) = at.soft;
        let year = |k: usize| {
            let w = self.low(k);
            (w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()))
                .then(|| w.parse::<i32>().ok())
                .flatten()
                .filter(|y| (YEAR_MIN..=YEAR_MAX).contains(y) && Some(*y) != reference)
        };
        let mut near = within(&self.l.years, s0, s1)
            .iter()
            .copied()
            .filter(|&k| k < a || k >= b);
        // "In 2012, …": a sentence's opening year sets the time of all of it.
        let opening = || {
            (self.toks.len() > 2 && self.word(2).is(',') && lx::is_year_opener(self.low(0)))
                .then_some(1)
        };
        // "…since 2014, when …": the clause a "when" opens is about the year before it.
        let back = || {
            if s0 >= 2 && lx::is_back_reference(self.low(s0)) {
                s0.saturating_sub(BACK_REFERENCE_WORDS)..s0
            } else {
                0..0
            }
        };
        // "…304 people died when a ferry sank in 2014": a "when" right after the value's
        // clause opens a clause that dates it.
        let forward = || {
            if s1 + 1 < self.toks.len() && lx::is_back_reference(self.low(s1)) {
                let (_, e) = self.clause(s1 + 1, s1 + 2, true);
                within(&self.l.years, s1, e)
            } else {
                &[]
            }
        };
        // In that order; the later places are read only when the earlier name no year, and
        // none when the sentence has no four-digit number (every year read is one).
        let by_year = if self.l.years.is_empty() {
            None
        } else {
            near.find_map(year)
                .or_else(|| opening().and_then(year))
                .or_else(|| back().find_map(year))
                .or_else(|| forward().iter().copied().find_map(year))
        };
        // The date nearest the value in its clause, when it is of another year, however
        // written ("unlike last year's, with over 200 deaths"; but "unlike last year, this
        // year's toll is 1,300" is this year's).
        by_year.or_else(|| nearest_in_clause(&self.l.dated, at).filter(|&y| Some(y) != reference))
    }

    /// The relative word ("last", "next") of the date of another year than the article's that
    /// is nearest the value at `at` in its clause, when that year is unknown ("unlike last
    /// year's, with over 200 deaths" in an undated article).
    fn relative_year(&self, at: Spot) -> Option<&'static str> {
        nearest_in_clause(&self.l.relative_years, at)
    }

    /// Who gives the figure at words `[a, b)`: the attributed source nearest to it, within
    /// reach.
    fn attribution(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let from = self.l.sources.partition_point(|s| s.1 + CLAUSE_REACH < a);
        self.l.sources[from..]
            .iter()
            .take_while(|s| s.0 <= b + CLAUSE_REACH)
            .map(|&span| {
                let d = if span.1 <= a {
                    a - span.1
                } else {
                    span.0.saturating_sub(b)
                };
                (d, span)
            })
            .min_by_key(|&(d, span)| (d, span))
            .map(|(_, span)| span)
    }

    /// Every attributed source of the sentence, found once: "according to X", "X said", "said
    /// X", "an X tally". In order of their first word.
    fn find_sources(&mut self) {
        let mut out = std::mem::take(&mut self.l.sources);
        for &k in &self.l.attributions {
            let w = self.word(k);
            // "according to X", "citing X".
            if w.has(class::LEAD)
                && let Some(len) = self.lead_at(k)
            {
                out.push(self.noun_phrase_right(k + len));
            }
            // "X said", "said X" (not "an estimated 170").
            let adjectival = k > 0 && self.has(k - 1, class::DETERMINER);
            if w.has(class::ATTRIBUTION_VERB) && !adjectival {
                let verb = self.low(k);
                let left = self.noun_phrase_left(k);
                let right = self.noun_phrase_right(k + 1);
                // "what experts say is …" names what they say, not a source of the figure.
                let left_names = left.0 < left.1
                    && self.names_a_source(left)
                    && !lx::is_free_relative(self.low(left.0));
                if lx::is_quoting_verb(verb) && self.names_a_source(right) {
                    out.push(right);
                } else if left_names {
                    out.push(left);
                } else if !lx::is_recipient_verb(verb) && self.names_a_source(right) {
                    out.push(right);
                }
            }
            // "an AFP tally", "WHO figures".
            if w.has(class::ATTRIBUTION_NOUN) && k > 0 && self.word(k - 1).capital {
                let mut s = k - 1;
                while s > 0
                    && k - s < SOURCE_WORDS
                    && self.word(s - 1).capital
                    && self.word(s - 1).punct.is_none()
                {
                    s -= 1;
                }
                out.push((s, k));
            }
        }
        out.retain(|s| s.0 < s.1);
        out.sort_unstable();
        self.l.sources = out;
    }

    /// True when the sentence opens with a pronoun that is the subject of an attribution verb
    /// ("It later said", "They said").
    fn opens_with_source_pronoun(&self) -> bool {
        !self.toks.is_empty()
            && self.word(0).punct.is_none()
            && lx::is_source_pronoun(self.low(0))
            && self.l.attributions.iter().any(|&k| {
                (1..=PRONOUN_VERB_GAP + 1).contains(&k)
                    && self.word(k).has(class::ATTRIBUTION_VERB)
                    && (1..k).all(|j| self.word(j).punct.is_none())
            })
    }

    /// What the next sentence may carry of this one's sources: its last source, or the source
    /// it carried itself ("It said … They added …").
    /// `known` gives the text and key words of a source a claim of the sentence took already.
    #[cold]
    fn last_source(
        &self,
        counted: Option<&str>,
        known: impl FnOnce((usize, usize)) -> Option<(String, Vec<String>)>,
    ) -> Option<Carried> {
        let end = self.toks.last()?.end;
        if let Some(&span) = self.l.sources.last() {
            let (attribution, key) = known(span).unwrap_or_else(|| self.attribution_key(span));
            return Some(Carried {
                end,
                attribution,
                key,
                country: self.reporting_country(span).or(counted).map(str::to_string),
            });
        }
        self.carried.clone().map(|c| Carried { end, ..c })
    }

    /// The length in words of an attribution lead ("according to") at `k`.
    fn lead_at(&self, k: usize) -> Option<usize> {
        lx::ATTRIBUTION_LEADS.iter().find_map(|lead| {
            let ok = lead
                .iter()
                .enumerate()
                .all(|(i, p)| self.low(k + i) == *p && self.word(k + i).punct.is_none());
            ok.then_some(lead.len())
        })
    }

    /// A noun phrase naming a source: it holds a name or a source noun.
    fn names_a_source(&self, (s, e): (usize, usize)) -> bool {
        (s..e).any(|k| self.is_source_name(k) || self.has(k, class::SOURCE_NOUN))
    }

    /// A name a source can have: a name that is no weekday or month.
    fn is_source_name(&self, k: usize) -> bool {
        self.is_name(k) && !is_calendar_name(self.low(k))
    }

    /// A capitalized word that is a name: not the sentence's first word unless an acronym or a
    /// word that is no function word.
    fn is_name(&self, k: usize) -> bool {
        let w = self.word(k);
        w.capital
            && w.punct.is_none()
            && !w.digit
            && (k > 0
                || w.acronym
                || !w.has(class::DETERMINER | class::SKIP | class::SOURCE_NOUN | class::PRONOUN))
    }

    /// The noun phrase ending right before `k`, stepping over an apposition ("X, currently in
    /// Saudi Arabia, said") and taking in who is in a place ("rescuers in the valley said").
    fn noun_phrase_left(&self, k: usize) -> (usize, usize) {
        // "Analysts also said": the words that go with the verb are not the source's.
        let mut k = k;
        while k > 1 && lx::is_verb_companion(self.low(k - 1)) {
            k -= 1;
        }
        let (s, e) = self.phrase_before(k);
        // "Rescuers in the Marlow valley said": the source is who is in the place.
        if s < e && s >= 2 && lx::is_place_preposition(self.low(s - 1)) {
            let (s2, _) = self.phrase_before(s - 1);
            if s2 < s - 1 {
                return (s2, e);
            }
        }
        if s < e {
            return (s, e);
        }
        if k > 0 && self.word(k - 1).is(',') {
            let back = (k.saturating_sub(APPOSITION_WORDS + 2)..k - 1)
                .rev()
                .find(|&j| self.word(j).is(','));
            if let Some(j) = back {
                return self.phrase_before(j);
            }
        }
        (k, k)
    }

    /// The words of a noun phrase ending right before `k` (at most [`SOURCE_WORDS`] words
    /// besides name glue).
    fn phrase_before(&self, k: usize) -> (usize, usize) {
        let mut s = k;
        let mut counted = 0;
        while s > 0 && counted < SOURCE_WORDS {
            let w = self.word(s - 1);
            counted += usize::from(w.punct.is_none() && !w.has(class::GLUE));
            let paren = w.is('(') || w.is(')');
            let stop = w.punct.is_some() && !paren
                || w.digit
                || w.role().is_some()
                || w.has(class::OPENER | class::PRONOUN)
                || w.has(class::PHRASE_END) && !self.joins_sources(s - 1, k)
                || w.has(class::PREPOSITION) && !self.inside_name(s - 1, k);
            if stop {
                break;
            }
            s -= 1;
        }
        (s, k)
    }

    /// True when the preposition at `p` joins two parts of one name before `k` ("the UN Office
    /// for the Coordination of Humanitarian Affairs"): a capitalized word before it and one
    /// after it (past a determiner).
    fn inside_name(&self, p: usize, k: usize) -> bool {
        let next = if p + 1 < k && self.word(p + 1).has(class::DETERMINER) {
            p + 2
        } else {
            p + 1
        };
        p > 0 && next < k && self.word(p - 1).capital && self.word(next).capital
    }

    /// True when the coordinator at `p` joins two source nouns before `k` ("data analysts and
    /// researchers said"): one source phrase.
    fn joins_sources(&self, p: usize, k: usize) -> bool {
        p > 0
            && p + 1 < k
            && self.word(p).has(class::COORDINATOR)
            && self.has(p - 1, class::SOURCE_NOUN)
            && self.has(p + 1, class::SOURCE_NOUN)
    }

    /// The noun phrase starting at `k` (at most [`SOURCE_WORDS`] words besides name glue).
    fn noun_phrase_right(&self, k: usize) -> (usize, usize) {
        let mut e = k;
        let mut counted = 0;
        while e < self.toks.len() && counted < SOURCE_WORDS {
            let w = self.word(e);
            counted += usize::from(w.punct.is_none() && !w.has(class::GLUE));
            let paren = w.is('(') || w.is(')');
            if w.punct.is_some() && !paren || w.digit || w.has(class::OPENER) {
                break;
            }
            let ends =
                class::PRONOUN | class::PREPOSITION | class::PHRASE_END | class::ATTRIBUTION_VERB;
            if e > k && w.has(ends) {
                break;
            }
            e += 1;
        }
        (k, e)
    }

    /// The country an attribution names by its name (not a demonym): "Iran", "Jordan's foreign
    /// ministry", or the people its apposition says it speaks for ("a spokesperson for pilgrims
    /// from Iraq").
    #[cold]
    fn reporting_country(&self, (s, e): (usize, usize)) -> Option<&'static str> {
        let country = |k: usize| {
            let bare = self.bare(k);
            (self.word(k).capital && lx::is_country_name(bare))
                .then(|| lx::country_of(bare))
                .flatten()
        };
        (s..e).find_map(country).or_else(|| {
            // "Karwan Stoni, spokesperson for pilgrims from Iraq's Kurdistan region, told AFP":
            // the apposition after the source says whose people it speaks for.
            if !self.word_at(e).is_some_and(|w| w.is(',')) {
                return None;
            }
            let end = self.toks.len().min(e + 1 + APPOSITION_WORDS);
            let close = (e + 1..end).find(|&k| self.word(k).is(','))?;
            (e + 1..close)
                .find(|&k| lx::is_origin_preposition(self.low(k)))
                .and_then(|k| country(k + 1))
        })
    }

    /// The attribution's text and its key words: names (demonyms as countries), acronyms of
    /// multi-word names, and the source noun when there is no name; words after "in" place the
    /// source and name none ("officials in Gansu").
    fn attribution_key(&self, (s, e): (usize, usize)) -> (String, Vec<String>) {
        let mut text = self.text[self.toks[s].start..self.toks[e - 1].end]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        if text.contains('(') && !text.contains(')') {
            text.push(')');
        }
        let mut key = Vec::new();
        let mut initials = String::new();
        let flush = |initials: &mut String, key: &mut Vec<String>| {
            if initials.chars().count() >= 2 {
                push(key, tagged("name:", initials));
            }
            initials.clear();
        };
        for k in s..e {
            let w = self.word(k);
            let bare = self.bare(k);
            // "Rescuers in the Marlow valley said": the place they are in names no source.
            if w.punct.is_none() && lx::is_place_preposition(bare) {
                break;
            }
            if self.is_source_name(k) && !w.has(class::DETERMINER) {
                match lx::country_of(bare) {
                    Some(c) => push(&mut key, tagged("country:", c)),
                    None => push(&mut key, tagged("name:", bare)),
                }
                for part in bare.split('-') {
                    if let Some(ch) = part.chars().next() {
                        initials.push(ch);
                    }
                }
            } else if w.punct.is_none() && w.has(class::GLUE) {
                continue;
            } else {
                flush(&mut initials, &mut key);
                if w.has(class::SOURCE_NOUN) && !lx::is_vague_source(bare) {
                    push(&mut key, tagged("noun:", lx::singular(bare)));
                }
            }
        }
        flush(&mut initials, &mut key);
        // Only names and nouns become relayed ones: a key of countries alone needs no test.
        let relayed = |k: &String| k.starts_with("name:") || k.starts_with("noun:");
        if key.iter().any(relayed) && self.relays((s, e)) {
            for k in &mut key {
                if let Some(rest) = k.strip_prefix("name:").or_else(|| k.strip_prefix("noun:")) {
                    *k = tagged(RELAY, rest);
                }
            }
        }
        key.sort();
        key.dedup();
        (text, key)
    }

    /// True when the source at words `[s, e)` is a news medium that relays a figure rather
    /// than counts it ("news agency Reuters said", "according to CNN Indonesia", "The
    /// Washington Post reported"): it names a medium ([`lx::is_media_word`],
    /// [`lx::is_agency_word`]) and no count of
    /// its own ([`lx::is_count_noun`], in the phrase or right after it: "an AFP tally").
    fn relays(&self, (s, e): (usize, usize)) -> bool {
        let after = (e < self.toks.len()).then_some(e);
        // Function words and marks name no medium: they are most of a source's words.
        let content = |k: usize| {
            let w = self.word(k);
            w.punct.is_none() && !w.digit && !w.has(class::DETERMINER | class::GLUE)
        };
        // Agencies write their names with a capital ("AFP", "Reuters").
        let media = |k: usize| {
            let bare = self.bare(k);
            lx::is_media_word(bare) || self.word(k).capital && lx::is_agency_word(bare)
        };
        (s..e).any(|k| content(k) && media(k))
            && !(s..e)
                .chain(after)
                .any(|k| content(k) && lx::is_count_noun(self.bare(k)))
    }
}

/// The key prefix of a name or noun of a source that relays the figure ([`Sentence::relays`]):
/// shown, but setting no figure apart from another source's.
const RELAY: &str = "via:";

/// `prefix` and `word` as one string ("country:" and "iran"), without the formatting
/// machinery (a scope or key word is made for most claims).
fn tagged(prefix: &str, word: &str) -> String {
    let mut s = String::with_capacity(prefix.len() + word.len());
    s.push_str(prefix);
    s.push_str(word);
    s
}

fn push(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}

/// The quantity a claim counts or measures, and the scope its counted noun adds.
fn quantity(claim: &Claim, scope: &mut Vec<String>) -> Sym {
    if claim.kind != Kind::Count {
        return Sym::from(claim.dimension.as_str());
    }
    let head = claim.subject.head.as_deref().unwrap_or("");
    let unit = claim.unit.as_str();
    let noun = if unit == lx::PEOPLE { head } else { unit };
    let plural = if noun.ends_with(crate::lang::en::nouns::PLURAL) {
        Sym::from(noun)
    } else {
        Sym::from(crate::lang::en::nouns::plural(noun))
    };
    // A noun already in the plural is looked up once.
    let country = lx::country_of(&plural)
        .or_else(|| (plural != noun).then(|| lx::country_of(noun)).flatten());
    if let Some(c) = country {
        push(scope, tagged("country:", c));
        return Sym::from(lx::PEOPLE);
    }
    if lx::is_person_subset(&plural) {
        push(scope, tagged("subset:", &plural));
        return Sym::from(lx::PEOPLE);
    }
    if unit == lx::PEOPLE || lx::is_generic_person(&plural) {
        return Sym::from(lx::PEOPLE);
    }
    match lx::quantity_synonym(unit) {
        Some(q) => Sym::from(q),
        None => Sym::from(unit.to_string()),
    }
}

/// Notes in `s` the years the sentence's `claims` (tokens `values`) state: with a
/// `reference_year`, the year of each date that is no dateline; without one (an article of
/// unknown date), the relative years ("last year", "next year"), still another year.
fn note_years(
    s: &mut Sentence,
    claims: &[Claim],
    values: &[(usize, usize)],
    reference_year: Option<i32>,
) {
    if reference_year.is_some() {
        for (c, &(a, _)) in claims.iter().zip(values.iter()) {
            let year = c
                .value
                .lo()
                .filter(|_| c.kind == Kind::Date && c.date.as_ref().is_none_or(|d| !d.dateline))
                .map(|d| crate::calendar::Ymd::from_days(d as i64).year);
            if let Some(y) = year {
                s.l.dated.push((a, y));
            }
        }
    } else {
        for (c, &(a, _)) in claims.iter().zip(values.iter()) {
            let unknown = c.kind == Kind::Date
                && c.date.as_ref().is_some_and(|d| {
                    d.resolution == Resolution::Unresolved && d.precision == DatePrecision::Year
                });
            if unknown
                && let Some((w, offset)) = lx_calendar::relative_word(s.low(a).as_bytes())
                && offset != 0
            {
                s.l.relative_years.push((a, w));
            }
        }
    }
}

/// A bare number `c` (tokens ending at `b`) that counts people becomes a count of people: a
/// person role governs it ("the death toll rose to 398"), or it is a country's people.
fn count_people(s: &Sentence, c: &mut Claim, b: usize) {
    // "five from Iran, four each from China and Russia": a bare number of a country's
    // people.
    let nationals = || {
        let from = if b + 1 < s.toks.len() && lx::is_rate_marker(s.low(b)) {
            b + 1
        } else {
            b
        };
        let of_country = c.measure.scope().iter().any(|x| x.starts_with("country:"));
        // "including 4 Chinese": a people's name right after it.
        let demonym = b < s.toks.len()
            && s.word(b).capital
            && !lx::is_country_name(s.low(b))
            && lx::country_of(s.low(b)).is_some();
        of_country && (demonym || from < s.toks.len() && lx::is_origin_preposition(s.low(from)))
    };
    if c.kind == Kind::Number && (lx::is_person_role(&c.measure.role) || nationals()) {
        c.kind = Kind::Count;
        c.dimension = Dimension::Count;
        c.pin_written();
        c.unit = lx::PEOPLE.into();
        c.measure.quantity = Sym::from(lx::PEOPLE);
    }
}

/// Fill in the measure of the claims of one sentence (`claims`, in any order), whose tokens
/// are `toks`; `lower` gives a word token's lowercase form. `reference_year` is the year the
/// article speaks from (its publication year): a figure tied to another year is about another
/// time. A bare number that a person role governs ("the death toll rose to 398") becomes a
/// count of people.
pub fn annotate(
    text: &str,
    low: (&str, usize),
    toks: &[Tok],
    claims: &mut [Claim],
    reference_year: Option<i32>,
    scratch: &mut Scratch,
) {
    if claims.is_empty() {
        return;
    }
    // The claims of a sentence come in order of position unless a date stands before a value
    // (dates are added after the values): a sort moves claims (large structs).
    let key = |c: &Claim| (c.span.start(), c.span.end());
    if !claims.is_sorted_by_key(key) {
        claims.sort_by_key(key);
    }
    let mut s = Sentence::new(text, low, &mut scratch.lists);
    s.classify(toks);
    if let Some(previous) = scratch.previous.take()
        && s.opens_with_source_pronoun()
        && side_by_side(text, previous.end, toks[0].start)
    {
        s.carried = Some(previous);
    }
    let values = &mut scratch.values;
    values.clear();
    // The sources whose key words a claim of the sentence holds already (the source's span,
    // the claim's index).
    let keyed = &mut scratch.keyed;
    keyed.clear();
    let mut from = 0;
    values.extend(claims.iter().map(|c| {
        let (a, b) = s.cover_from(from, c.span.start(), c.span.end());
        from = a;
        (a, b)
    }));
    note_years(&mut s, claims, values, reference_year);
    for k in 0..claims.len() {
        let (a, b) = values[k];
        if a >= b {
            continue;
        }
        let (mut m, source) = measure_of(&s, &claims[k], (a, b), values, reference_year);
        if let Some(span) = source {
            match keyed.iter().find(|&&(x, _)| x == span) {
                Some(&(_, j)) => {
                    let said = &claims[j].measure;
                    m.set_attribution(
                        said.attribution().to_string(),
                        said.attribution_key().to_vec(),
                    );
                }
                None => {
                    let (attribution, key) = s.attribution_key(span);
                    m.set_attribution(attribution, key);
                    keyed.push((span, k));
                }
            }
        }
        // "138 people from Indonesia and 35 from Tunisia": a value coordinated with the one
        // before it, of the same kind, shares its role.
        if m.role.is_empty()
            && k > 0
            && claims[k - 1].kind == claims[k].kind
            && s.coordinated(values[k - 1], (a, b))
        {
            m.role = claims[k - 1].measure.role.clone();
        }
        // "577 deaths for the two busiest days": a count of a stated period is another fact
        // than the whole.
        if Dim::of(&claims[k], &m.quantity).people
            && let Some(period) = s.period_after(claims, values, k)
        {
            push(m.scope_mut(), period);
            m.scope_mut().sort();
        }
        claims[k].measure = m;
        let c = &mut claims[k];
        // "Thousands of people": a vague magnitude says at least so many.
        // (A vague magnitude is a word: a number is never one.)
        if s.toks[a].is_word()
            && crate::lang::en::magnitudes::vague(s.low(a)).is_some()
            && !c.flags.contains(&Flag::Vague)
        {
            c.flags.push(Flag::Vague);
        }
        count_people(&s, c, b);
    }
    s.pair_sides(claims, values);
    carry_owner(&s, claims, values, toks, &mut scratch.owner);
    answer_role(text, toks, claims);
    // What the next sentence may carry of this one, read only when it opens with a pronoun
    // that may name this one's source: most sentences carry nothing.
    scratch.previous = None;
    if toks
        .last()
        .is_some_and(|t| next_opens_with_source_pronoun(text, t.end))
    {
        // The one country whose people the sentence counts, which "It later said the toll
        // had risen to 14" goes on counting.
        let mut countries = claims
            .iter()
            .flat_map(|c| c.measure.scope().iter())
            .filter_map(|x| x.strip_prefix(COUNTRY));
        let counted = countries
            .next()
            .filter(|first| countries.all(|c| c == *first));
        // A source a claim took already is not keyed again.
        let known = |span| {
            keyed.iter().find(|&&(x, _)| x == span).map(|&(_, j)| {
                let said = &claims[j].measure;
                (
                    said.attribution().to_string(),
                    said.attribution_key().to_vec(),
                )
            })
        };
        scratch.previous = s.last_source(counted, known);
    }
}

/// "… Chandrayaan-2, which had a budget of $96.5 million. The total cost of the mission was Rs
/// 978 crore.": a sum of no named thing whose sentence speaks of "the mission" ("this
/// project", [`lx::is_subject_anaphor`]) right after a sentence whose every sum is one named
/// thing's is that thing's. Then `owner` becomes the one thing this sentence's sums are of.
fn carry_owner(
    s: &Sentence,
    claims: &mut [Claim],
    values: &[(usize, usize)],
    toks: &[Tok],
    owner: &mut Option<(usize, String)>,
) {
    let of = |c: &Claim| {
        c.measure
            .scope()
            .iter()
            .find_map(|x| x.strip_prefix(OBJECT))
            .map(str::to_string)
    };
    let before = owner.take();
    if !claims.iter().any(|c| c.kind == Kind::Money) {
        return;
    }
    if let Some((end, name)) = before
        && side_by_side(s.text, end, toks[0].start)
    {
        for (c, &(a, _)) in claims.iter_mut().zip(values) {
            let anaphor = (1..a).any(|k| lx::is_subject_anaphor(s.low(k - 1), s.low(k)));
            if c.kind == Kind::Money && of(c).is_none() && anaphor {
                push(c.measure.scope_mut(), tagged(OBJECT, &name));
                c.measure.scope_mut().sort();
            }
        }
    }
    let mut sums = claims.iter().filter(|c| c.kind == Kind::Money).map(of);
    if let Some(Some(first)) = sums.next()
        && sums.all(|o| o.as_ref() == Some(&first))
        && let Some(last) = toks.last()
    {
        *owner = Some((last.end, first));
    }
}

/// The scope prefix of what a sum is the cost of.
const OBJECT: &str = "object:";

/// "The mission's budget? A modest ₹615 crore": the answer to a short question takes the role
/// it asks about ([`question_role`]), where no word of its own gives one.
fn answer_role(text: &str, toks: &[Tok], claims: &mut [Claim]) {
    if claims.iter().any(|c| c.measure.role.is_empty())
        && let Some(role) = question_role(text, toks[0].start)
    {
        for c in claims.iter_mut() {
            if c.measure.role.is_empty() && lx::role_applies(role, c.dimension.as_str()) {
                c.measure.role = Sym::from(role);
            }
        }
    }
}

/// The role a short question right before `start` asks about ("The mission's budget?", "The
/// toll?"): the last of its at most [`QUESTION_WORDS`] words that gives a role.
#[cold]
fn question_role(text: &str, start: usize) -> Option<&'static str> {
    // Most sentences follow no question: the last mark before the sentence, past ASCII white
    // space, tells it without decoding (any other character is left to the full test).
    let before = text.as_bytes().get(..start)?;
    let last = before
        .iter()
        .rev()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'));
    if last.is_none_or(|&b| b.is_ascii() && b != b'?') {
        return None;
    }
    let q = text.get(..start)?.trim_end().strip_suffix('?')?;
    let from = q.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let words: Vec<String> = q[from..]
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() > QUESTION_WORDS {
        return None;
    }
    words
        .iter()
        .rev()
        .find_map(|w| lx::role(lx::without_possessive(w)))
}

/// The most words of a question whose answer takes its role ([`question_role`]): a heading
/// or a rhetorical question, not a quoted one.
const QUESTION_WORDS: usize = 6;

/// The measure of claim `c` at words `[a, b)`, and the span of the source the sentence
/// attributes it to, whose text and key words the caller fills in (once for all the claims of
/// the sentence that source gives).
fn measure_of(
    s: &Sentence,
    c: &Claim,
    (a, b): (usize, usize),
    values: &[(usize, usize)],
    reference_year: Option<i32>,
) -> (Measure, Option<(usize, usize)>) {
    let mut scope = Vec::new();
    let quantity = quantity(c, &mut scope);
    let dim = Dim::of(c, &quantity);
    let (soft, hard) = s.clauses(a, b);
    let at = Spot { a, b, soft, hard };
    s.scope(at, c, dim, reference_year, &mut scope);
    let found = s.role(at, dim, values);
    // "19 of those injured were in critical condition": a part whose own predicate gives its
    // role is that role's figure, no restriction of it.
    if let Some((_, j)) = found
        && j > b + 2
        && s.low_is(b, OF)
        && (b + 1..b + 3).any(|k| s.role_at(k, dim).is_some())
    {
        scope.retain(|x| x != PART_OF_GROUP);
    }
    if let Some((_, at)) = found.filter(|_| dim.people) {
        s.role_phrase_scope(at, (a, b), &mut scope);
    }
    let role = if c.kind == Kind::Date {
        s.date_event(at).unwrap_or("")
    } else if c.kind == Kind::Temperature {
        lx::TEMPERATURE_ROLE
    } else if let Some(what) = (c.kind == Kind::Duration)
        .then(|| s.duration_of(at))
        .flatten()
    {
        what
    } else if let Some(extent) = (c.kind == Kind::Distance).then(|| s.extent(a, b)).flatten() {
        extent
    } else {
        found.map(|(r, at)| s.vote_side(r, at)).unwrap_or("")
    };
    let mut source = None;
    let (attribution, attribution_key) = match s.attribution(a, b) {
        Some(span) => {
            // A country that reports ("Iran reported", "Jordan's foreign ministry said")
            // reports on its own people.
            if dim.people
                && !scope.iter().any(|x| x.starts_with("country:"))
                && let Some(country) = s.reporting_country(span)
            {
                push(&mut scope, tagged("country:", country));
            }
            source = Some(span);
            (String::new(), Vec::new())
        }
        // "It later said …": the source of the sentence before.
        None => match &s.carried {
            Some(carried) => {
                if dim.people
                    && !scope.iter().any(|x| x.starts_with("country:"))
                    && let Some(country) = &carried.country
                {
                    push(&mut scope, tagged("country:", country));
                }
                (carried.attribution.clone(), carried.key.clone())
            }
            None => (String::new(), Vec::new()),
        },
    };
    scope.sort();
    // A count of people no table word gives a role: the predicate after it ("more than 300
    // people were squeezed", "10 people who were unconscious"), as the issue's fallback to the
    // governing word's lemma.
    let role: Sym = match (role.is_empty() && dim.people, c.kind) {
        (true, Kind::Count) => s.predicate_role(b, at.hard.1),
        _ => Sym::from(role),
    };
    let m = Measure::new(quantity, role, attribution, attribution_key, scope);
    (m, source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Context, extract};

    fn measures(text: &str) -> Vec<(String, Measure)> {
        extract(text, &Context::default())
            .into_iter()
            .map(|c| (c.text.to_string(), c.measure))
            .collect()
    }

    fn one<'a>(all: &'a [(String, Measure)], text: &str) -> &'a Measure {
        &all.iter()
            .find(|(t, _)| t == text)
            .unwrap_or_else(|| panic!("no claim {text:?} in {all:?}"))
            .1
    }

    /// The vague magnitudes are words of letters: a number token, whose text is digits, is
    /// never one, so `annotate` does not look it up.
    /// A short question before a sentence is found past any white space, and nothing is
    /// found after another mark or at the start of the text.
    #[test]
    fn a_question_before_a_sentence_is_found_past_white_space() {
        for (text, role) in [
            ("The toll?\n\n 12", Some("deaths")),
            ("The toll?\u{a0}12", Some("deaths")),
            ("The toll.  12", None),
            ("The toll?x 12", None),
            ("  12", None),
        ] {
            let start = text.rfind("12").unwrap_or(0);
            assert_eq!(question_role(text, start), role, "{text:?}");
        }
    }

    /// The clauses found together are those found one by one, in sentences with commas,
    /// openers and hard breaks around values anywhere.
    #[test]
    fn clauses_found_together_are_the_clauses_found_apart() {
        let texts = [
            "Officials said 12 people died, while 30 were hurt; 5 are missing.",
            "In 2019, which was dry, the toll (at least 40) rose - and 3 fled: 7 stayed.",
            "No stops here at all",
        ];
        for text in texts {
            let toks = crate::extract::token::tokenize(text);
            let low = text.to_ascii_lowercase();
            let mut lists = Lists::default();
            let mut s = Sentence::new(text, (&low, 0), &mut lists);
            s.classify(&toks);
            for a in 0..toks.len() {
                for b in a + 1..=toks.len().min(a + 3) {
                    let apart = (s.clause(a, b, true), s.clause(a, b, false));
                    assert_eq!(s.clauses(a, b), apart, "{text} {a}..{b}");
                }
            }
        }
    }

    /// The pronoun test after a sentence finds a pronoun in any case before a non-letter, and
    /// nothing in a longer word, past a paragraph or after a non-ASCII letter.
    #[test]
    fn the_next_sentence_opens_with_a_pronoun_only_when_its_word_is_one() {
        let yes = ["A. It said", "A. \"They’re", "A. SHE", "A.\nhe-", "A. it1"];
        let no = [
            "A. Items",
            "A. The",
            "A.\n\nIt said",
            "A. Heé",
            "A. ",
            "A. 12 it",
        ];
        for t in yes {
            assert!(next_opens_with_source_pronoun(t, 2), "{t}");
        }
        for t in no {
            assert!(!next_opens_with_source_pronoun(t, 2), "{t}");
        }
    }

    #[test]
    fn a_vague_magnitude_is_never_a_number() {
        for (w, _) in crate::lang::en::magnitudes::VAGUE {
            assert!(w.chars().all(char::is_alphabetic), "{w}");
        }
    }

    #[test]
    fn every_dimension_has_its_bit_by_discriminant() {
        for d in Dimension::ALL {
            assert_eq!(
                DIMENSION_BITS[d as usize],
                lx::dimension_bit(d.as_str()),
                "{d:?}"
            );
        }
        assert_ne!(DIMENSION_BITS[Dimension::Count as usize], 0);
        assert_eq!(DIMENSION_BITS[Dimension::Rank as usize], 0);
    }

    #[test]
    fn roles_from_the_governing_word() {
        let m = measures(
            "The crowd surged into a narrow alley, killing at least 151 people and injuring 82 others.",
        );
        assert_eq!(one(&m, "at least 151").role, "deaths");
        assert_eq!(one(&m, "82").role, "injured");
        let m = measures(
            "Eleven Iranians have died and 24 have been hospitalized during the pilgrimage.",
        );
        assert_eq!(one(&m, "Eleven").role, "deaths");
        assert_eq!(one(&m, "Eleven").scope(), vec!["country:iran"]);
        assert_eq!(one(&m, "24").role, "hospitalized");
        // The group a part is taken from is not its role; its own predicate is.
        let m = measures("The toll could rise as 19 of those injured were in critical condition.");
        assert_eq!(one(&m, "19").role, "serious_condition", "{m:?}");
        assert!(one(&m, "19").scope().is_empty(), "{m:?}");
        let m = measures("OCHA announced 11,300 dead and 10,100 missing in the city.");
        assert_eq!(one(&m, "11,300").role, "deaths");
        assert_eq!(one(&m, "10,100").role, "missing");
    }

    #[test]
    fn subsets_and_countries_are_scope() {
        let m = measures("Ninety-seven of the dead were women and 56 were men.");
        assert_eq!(one(&m, "Ninety-seven").scope(), vec!["subset:women"]);
        let m = measures("The dead also included 138 people from Indonesia.");
        assert_eq!(one(&m, "138").scope(), vec!["country:indonesia"]);
        assert_eq!(one(&m, "138").role, "deaths");
        let m = measures("136 Indonesian pilgrims had died during the hajj.");
        assert_eq!(one(&m, "136").scope(), vec!["country:indonesia"]);
        assert_eq!(one(&m, "136").quantity, "people");
        // A bare number from a country counts its people, the country after a determiner too.
        let m = measures("The victims include five from Iran and two from the United States.");
        assert_eq!(one(&m, "two").scope(), vec!["country:united states"]);
        assert_eq!(one(&m, "two").quantity, "people");
        assert_eq!(one(&m, "five").quantity, "people");
        // Not a number of people without a country.
        let m = measures("The index lost 3 from its peak.");
        assert_ne!(one(&m, "3").quantity, "people");
        // "four each from China and Russia" is China's own count, no rate; "including 4
        // Chinese" counts people too.
        let m = measures("The victims include four each from China and Russia.");
        assert_eq!(one(&m, "four").scope(), vec!["country:china"], "{m:?}");
        let m = measures("In all 156 people died, including 4 Chinese.");
        assert_eq!(one(&m, "4").quantity, "people", "{m:?}");
        assert_eq!(one(&m, "4").scope(), vec!["country:china"], "{m:?}");
        // "$5 each" stays a rate (of a ticket: what the sum is the cost of).
        let m = measures("The tickets cost $5 each.");
        assert_eq!(
            one(&m, "$5").scope(),
            vec!["object:ticket", "per:each"],
            "{m:?}"
        );
    }

    #[test]
    fn attribution_names_who_gives_the_figure() {
        let m = measures("The World Health Organization (WHO) said 3,958 people had died.");
        let w = one(&m, "3,958");
        assert!(
            w.attribution_key().contains(&"name:who".to_string()),
            "{w:?}"
        );
        assert_eq!(w.attribution(), "The World Health Organization (WHO)");
        let m = measures("According to an AFP tally, 577 people had died.");
        assert!(
            one(&m, "577")
                .attribution_key()
                .contains(&"name:afp".to_string())
        );
        // "X gave a toll of N", like "X put the toll at N".
        let m = measures("On Friday, a senior Saudi official gave a toll of 577 deaths.");
        assert_eq!(one(&m, "577").attribution(), "a senior Saudi official");
        let m = measures("Turnout was 37 percent.");
        assert!(one(&m, "37 percent").attribution().is_empty());
        // A preposition between two capitalized words is part of the name.
        let m = measures(
            "The toll rose to 11,300, the UN Office for the Coordination of Humanitarian Affairs (OCHA) said.",
        );
        assert_eq!(
            one(&m, "11,300").attribution(),
            "the UN Office for the Coordination of Humanitarian Affairs (OCHA)"
        );
        // ... but not one after a lowercase word.
        let m = measures("On Monday rescue workers for the Red Crescent said 40 people had died.");
        assert_eq!(one(&m, "40").attribution(), "the Red Crescent");
        // "also" goes with the verb; "and" joins two source nouns.
        let m = measures(
            "A group of Libyan data analysts and researchers also said there had been around 4,000 deaths.",
        );
        assert_eq!(
            one(&m, "around 4,000").attribution(),
            "A group of Libyan data analysts and researchers"
        );
    }

    #[test]
    fn a_pronoun_opening_the_next_sentence_names_its_source_again() {
        let said = "Six Jordanian citizens died of heat stroke, the foreign ministry said.";
        let later = "It later said the death toll had risen to 14.";
        let m = measures(&format!("{said} {later}"));
        let fourteen = one(&m, "14");
        assert_eq!(fourteen.attribution(), "the foreign ministry", "{m:?}");
        // The toll goes on counting the people the sentence before counted.
        assert_eq!(fourteen.scope(), vec!["country:jordan"], "{m:?}");
        // Not across a paragraph break, nor from a sentence further back.
        let m = measures(&format!("{said}\n\n{later}"));
        assert!(one(&m, "14").attribution().is_empty(), "{m:?}");
        let m = measures(&format!("{said} The heat was extreme. {later}"));
        assert!(one(&m, "14").attribution().is_empty(), "{m:?}");
    }

    #[test]
    fn projections_and_parts_are_scope() {
        let m = measures("The mayor said the death toll could reach 20,000.");
        assert!(
            one(&m, "20,000")
                .scope()
                .contains(&"modality:projection".to_string())
        );
        let m = measures("Facebook will pay $4 billion in cash and $12 billion in stock.");
        assert_eq!(one(&m, "$4 billion").scope(), vec!["part:cash"]);
        assert_eq!(one(&m, "$12 billion").scope(), vec!["part:stock"]);
        let m =
            measures("The remaining $3 billion will be paid out through restricted stock units.");
        assert_eq!(one(&m, "$3 billion").scope(), vec!["part:restricted_stock"]);
    }

    #[test]
    fn what_a_duration_is_of_is_its_role_not_a_restriction() {
        let agreed = "The deal was agreed on last week by President Juan Santos and rebel leader \
                      Rodrigo Londono (alias Timoleon Jimenez) after four years of";
        let m = measures(&format!("{agreed} negotiations."));
        let four = one(&m, "four years");
        assert_eq!(four.role, "negotiation", "{m:?}");
        assert!(four.scope().is_empty(), "{m:?}");
        // A noun that names no such event stays a restriction.
        let m = measures(&format!("{agreed} drought."));
        assert_eq!(one(&m, "four years").scope(), vec!["of:drought"], "{m:?}");
    }

    #[test]
    fn a_goal_on_the_way_is_a_projection() {
        let projection = |text: &str, value: &str| {
            let m = measures(text);
            one(&m, value)
                .scope()
                .contains(&"modality:projection".to_string())
        };
        assert!(projection(
            "He said the app is on a path to connect 1 billion people.",
            "1 billion"
        ));
        assert!(projection(
            "Sales are on track to reach 30,000 cars.",
            "30,000"
        ));
        // A path or a track that is no goal: no projection.
        assert!(!projection(
            "The storm's path to the coast killed 300 people.",
            "300"
        ));
        assert!(!projection("On the track, 300 runners started.", "300"));
    }

    #[test]
    fn an_indirect_question_is_outside_the_modal_words_before() {
        let m =
            measures("He could not be reached for comment on whether $19 billion was too much.");
        assert!(one(&m, "$19 billion").scope().is_empty(), "{m:?}");
        // A modal word inside the question still governs its figure.
        let m = measures("Officials asked whether the toll could reach 20,000.");
        assert!(
            one(&m, "20,000")
                .scope()
                .contains(&"modality:projection".to_string())
        );
        // Without the question word the modal word governs.
        let m = measures("He said the price could be $19 billion.");
        assert!(
            one(&m, "$19 billion")
                .scope()
                .contains(&"modality:projection".to_string())
        );
    }

    #[test]
    fn a_conjunct_of_its_own_is_outside_the_modal_words_before() {
        let m = measures("Thousands are feared dead and 9,000 are missing after the storm.");
        assert!(one(&m, "9,000").scope().is_empty(), "{m:?}");
        // Without the coordinator the modal word still governs.
        let m = measures("Officials feared 9,000 were missing after the storm.");
        assert!(
            one(&m, "9,000")
                .scope()
                .contains(&"modality:projection".to_string())
        );
    }

    #[test]
    fn elsewhere_is_read_in_the_values_own_clause() {
        // "while" opens the next clause: its "elsewhere" is not this figure's.
        let m = measures(
            "Another 8,200 were still missing in the port, while 140 other people had been killed elsewhere in the region.",
        );
        assert!(one(&m, "8,200").scope().is_empty(), "{m:?}");
        assert!(
            one(&m, "140")
                .scope()
                .contains(&"place:elsewhere".to_string())
        );
        // "… and elsewhere" closes a list of places: the figure counts them all.
        let m = measures("At least 20 of the dead are foreigners from Peru, Chile and elsewhere.");
        assert!(
            !one(&m, "At least 20")
                .scope()
                .contains(&"place:elsewhere".to_string())
        );
        // "nearby" before a name puts a count or the weather in that other place; before a
        // noun ("a nearby hospital") it does not.
        let elsewhere = |text: &str, value: &str| {
            one(&measures(text), value)
                .scope()
                .contains(&"place:elsewhere".to_string())
        };
        assert!(elsewhere(
            "In nearby Alton, where a spokesman said the temperature was 46C, crowds prayed.",
            "46C"
        ));
        assert!(elsewhere(
            "In neighbouring Chad, 200 people were killed.",
            "200"
        ));
        assert!(!elsewhere(
            "Fifty people were taken to a nearby hospital.",
            "Fifty"
        ));
        assert!(!elsewhere(
            "The temperature in the city reached 46C on Monday.",
            "46C"
        ));
    }

    #[test]
    fn a_winning_margin_has_its_own_role() {
        let role = |text: &str, value: &str| one(&measures(text), value).role.to_string();
        // A margin noun governing the figure, the subject of a gap's running verb, and a
        // contest verb's "by".
        let text = "The No side won the vote by a margin of some 50,000 votes.";
        assert_eq!(role(text, "some 50,000"), "margin");
        let text = "By late evening the difference had narrowed to 59,342 votes.";
        assert_eq!(role(text, "59,342"), "margin");
        let text = "The No camp won by about 57,000 votes, officials said.";
        assert_eq!(role(text, "about 57,000"), "margin");
        let text = "Jones beat Smith by 4,000 votes in the runoff.";
        assert_eq!(role(text, "4,000"), "margin");
        let text = "The governor leads by 12 points in the latest poll.";
        assert_eq!(role(text, "12"), "margin");
        // Not a margin: a side's own votes, a contest verb without "by", a poll's precision.
        let text = "The Yes side won 6.3 million votes.";
        assert_ne!(role(text, "6.3 million"), "margin");
        let text = "Turnout rose by 5,000 votes from the last election.";
        assert_ne!(role(text, "5,000"), "margin");
        let text = "The poll has a margin of error of 3 percentage points.";
        assert_eq!(role(text, "3 percentage points"), "margin_of_error");
    }

    #[test]
    fn a_word_closing_another_values_of_phrase_governs_that_value() {
        // "counted" closes the phrase of 98.98%; the figure after the verb is the subject's.
        let text = "The difference with 98.98% of the votes counted was less than 54,000 votes.";
        let m = measures(text);
        assert_eq!(one(&m, "98.98%").role, "counted", "{m:?}");
        assert_eq!(one(&m, "less than 54,000").role, "margin", "{m:?}");
        // With no value before it, the word governs as ever.
        let m = measures("By noon the ballots counted were 54,000 votes.");
        assert_eq!(one(&m, "54,000").role, "counted", "{m:?}");
        // Nor does a word past a name close the phrase: "killing" governs 5,000.
        let m = measures("The flood injured residents across 60% of Derna killing 5,000 people.");
        assert_eq!(one(&m, "5,000").role, "deaths", "{m:?}");
    }

    #[test]
    fn last_year_in_an_undated_article_is_another_year() {
        // No publication date: "last year" has no year, but it is not the story's.
        let m = measures("The heat is high, unlike last year's with over 200 deaths.");
        assert_eq!(one(&m, "over 200").scope(), vec!["year:last_year"], "{m:?}");
        let m = measures("Over 1.8 million pilgrims are taking part in this year's Hajj.");
        assert!(one(&m, "Over 1.8 million").scope().is_empty(), "{m:?}");
    }

    #[test]
    fn a_when_clause_after_the_value_dates_it() {
        let m = measures(
            "It was the worst disaster since 250 people died when a train crashed in 2009.",
        );
        assert_eq!(one(&m, "250").scope(), vec!["year:2009"]);
        // A "which" clause does not date the figure before it.
        let m = measures("Some 250 people died, which was reported in 2009.");
        assert!(one(&m, "Some 250").scope().is_empty(), "{m:?}");
    }

    #[test]
    fn a_date_of_another_year_in_the_clause_scopes_the_figure() {
        let ctx = Context {
            published: crate::calendar::Ymd::new(2024, 6, 18),
            ..Context::default()
        };
        let scope = |text: &str, value: &str| -> Vec<String> {
            extract(text, &ctx)
                .into_iter()
                .find(|c| c.text == value)
                .unwrap_or_else(|| panic!("no claim {value:?} in {text:?}"))
                .measure
                .scope()
                .to_vec()
        };
        let text = "Temperatures were high, unlike last year's season with over 200 deaths.";
        assert_eq!(scope(text, "over 200"), vec!["year:2023"]);
        // A date of the article's own year restricts nothing, and the nearest date decides.
        let text = "On Tuesday, the season saw over 200 deaths.";
        assert!(scope(text, "over 200").is_empty());
        let text = "Unlike last year, this year's season saw over 1,300 deaths.";
        assert!(scope(text, "over 1,300").is_empty());
    }

    #[test]
    fn what_someone_says_names_no_source() {
        let m = measures(
            "Most of those killed were women at 98, due largely to what experts say is their smaller frame.",
        );
        assert_eq!(one(&m, "98").attribution(), "", "{m:?}");
        let m = measures("Health experts say 98 of the dead were women.");
        assert_ne!(one(&m, "98").attribution(), "", "{m:?}");
    }

    #[test]
    fn a_side_after_a_pair_of_shares_is_the_first_shares() {
        let m = measures("Residents voted 52.4 per cent to 47.6 per cent against the plan.");
        assert_eq!(one(&m, "52.4 per cent").role, "votes_against", "{m:?}");
        assert_eq!(one(&m, "47.6 per cent").role, "votes_for", "{m:?}");
        let m = measures("Members voted 61% to 39% in favour of the merger.");
        assert_eq!(one(&m, "61%").role, "votes_for", "{m:?}");
        assert_eq!(one(&m, "39%").role, "votes_against", "{m:?}");
    }

    #[test]
    fn a_sum_names_what_it_is_the_cost_of() {
        let object = |text: &str, value: &str| -> Vec<String> {
            let m = measures(text);
            one(&m, value)
                .scope()
                .iter()
                .filter(|s| s.starts_with("object:"))
                .cloned()
                .collect()
        };
        let cases = [
            (
                "The film 'Heatwave' cost $165 million to make.",
                "$165 million",
                "heatwave",
            ),
            (
                "Such as “The Harvest” ($108 million) and others.",
                "$108 million",
                "harvest",
            ),
            (
                "Ranger-4's $75 million budget is small.",
                "$75 million",
                "ranger-4",
            ),
            (
                "Acme agreed to acquire Zapchat for $19 billion.",
                "$19 billion",
                "zapchat",
            ),
            (
                "It paid $1 billion for Picturely in 2012.",
                "$1 billion",
                "picturely",
            ),
            (
                "Its sibling, Ranger-3, which had a budget of $96.5 million.",
                "$96.5 million",
                "ranger-3",
            ),
            (
                "The total cost of Ranger-4 is Rs. 615 crore.",
                "Rs. 615 crore",
                "ranger-4",
            ),
            (
                "Take the epic Starfall, that cost $165m to make.",
                "$165m",
                "starfall",
            ),
            (
                "Even the film “Moonrise” (estimated at $88 million) cost more.",
                "$88 million",
                "moonrise",
            ),
            (
                "The agency's Orion II mission last year, which sent a capsule around the Moon \
                 and back, cost approximately $4 billion.",
                "approximately $4 billion",
                "orion ii",
            ),
            // A passive deal: what is bought is the subject, not the buyer after "by".
            (
                "The start-up Zapchat is being bought by Acme for $19bn.",
                "$19bn",
                "zapchat",
            ),
            // A thing without a name: the noun before the cost verb, the possessor of the
            // cost noun, the noun after "the cost of".
            (
                "The lander and the rover cost around Rs 215 crore.",
                "around Rs 215 crore",
                "rover",
            ),
            (
                "The launch costs around Rs 365 crore.",
                "around Rs 365 crore",
                "launch",
            ),
            (
                "The new stadium's budget was $40 million.",
                "$40 million",
                "stadium",
            ),
            (
                "Converted, the cost of the stadium comes to around Rs 1,200 crore.",
                "around Rs 1,200 crore",
                "stadium",
            ),
        ];
        for (text, value, want) in cases {
            assert_eq!(
                object(text, value),
                vec![format!("object:{want}")],
                "{text}"
            );
        }
        // Negatives: no name, a country, a payer rather than what is bought.
        assert!(
            object(
                "The mission has an estimated total cost of around $74 million.",
                "around $74 million"
            )
            .is_empty()
        );
        assert!(
            object(
                "The budget of India's moon mission is $75 million.",
                "$75 million"
            )
            .is_empty()
        );
        assert!(object("Facebook paid $19 billion.", "$19 billion").is_empty());
        // The story's own subject in other words, a pronoun, a qualifier: no thing of its own.
        for (text, value) in [
            ("The mission cost $75 million.", "$75 million"),
            ("The deal's budget was $5 million.", "$5 million"),
            ("It cost $75 million.", "$75 million"),
            (
                "It was built on a budget of just under $75 million.",
                "just under $75 million",
            ),
            (
                "The total cost of the mission was Rs. 978 crore.",
                "Rs. 978 crore",
            ),
        ] {
            assert!(object(text, value).is_empty(), "{text}");
        }
        // The buyer of a passive deal is not what is bought, even when no name says what is.
        assert!(object("It was bought by Acme for $19bn.", "$19bn").is_empty());
        // A clause before the verb that is no relative clause leaves the subject unknown.
        assert!(
            object(
                "Unlike Orion II, the probe, launched in May, cost $74 million.",
                "$74 million"
            )
            .is_empty()
        );
    }

    #[test]
    fn shares_of_a_result_take_their_sides() {
        let m = measures(
            "Results showed that the \"No\" vote edged out the \"Yes\" vote, 50.2% to 49.7%.",
        );
        assert_eq!(one(&m, "50.2%").role, "votes_against");
        assert_eq!(one(&m, "49.7%").role, "votes_for");
        let m = measures("Voters abroad were opposed, 61% to 39%, according to the paper.");
        assert_eq!(one(&m, "61%").role, "votes_against");
        assert_eq!(one(&m, "39%").role, "votes_for");
        let m = measures("In a surprise result, 50.2% of voters rejected the agreement.");
        assert_eq!(one(&m, "50.2%").role, "votes_against");
        // A change from one share to another names no sides.
        let m = measures("Support for the deal rose from 40% to 45%, the poll said.");
        assert_ne!(one(&m, "45%").role, "votes_for");
    }

    #[test]
    fn a_date_knows_what_happened_on_it() {
        let m =
            measures("The probe landed on August 23, six weeks after it was launched on July 14.");
        assert_eq!(one(&m, "August 23").role, "landing");
        assert_eq!(one(&m, "July 14").role, "launch");
        let m = measures("Development commenced in January 2020, with the launch planned in 2021.");
        assert_eq!(one(&m, "January 2020").role, "start");
        assert_eq!(one(&m, "2021").role, "launch");
        let m = measures("The two dams burst on Sunday night, officials said.");
        assert_eq!(one(&m, "Sunday").role, "disaster");
        // A date in brackets says which day the weekday before it is: the verb governs it.
        let m = measures("As the two dams exploded on Tuesday (Sept 12), the city split in two.");
        assert!(m.iter().all(|(t, _)| t != "Tuesday"), "{m:?}");
        assert_eq!(one(&m, "Sept 12").role, "disaster");
        let m = measures("It performed a soft touchdown near the pole on Wednesday, August 23.");
        assert_eq!(one(&m, "August 23").role, "landing");
        let m = measures("Confusion over the toll from the September 10 disaster emerged.");
        assert_eq!(one(&m, "September 10").role, "disaster");
        // Something ongoing until a date ends on it; a place seized on a date was captured.
        let m = measures("The agreement is valid until 2025, the aide said.");
        assert_eq!(one(&m, "2025").role, "end");
        let m = measures("Rebels seized the town on Monday.");
        assert_eq!(one(&m, "Monday").role, "capture");
        // Something ongoing since a date began on it.
        let m = measures("Prices have risen since March 2022, the bank said.");
        assert_eq!(one(&m, "March 2022").role, "start");
        let m = measures("The report was published on Monday.");
        assert_eq!(one(&m, "Monday").role, "announcement");
        // No happening named: no role.
        let m = measures("Officials spoke to reporters on Monday.");
        assert_eq!(one(&m, "Monday").role, "");
    }

    #[test]
    fn a_temperature_measures_the_heat() {
        let m = measures("Temperatures in the city climbed as high as 51.8C (125.2F) on Monday.");
        assert_eq!(one(&m, "51.8C").role, "temperature");
        assert_eq!(one(&m, "125.2F").role, "temperature");
        let m = measures("The forecast says it could reach 47 degrees Celsius.");
        assert_eq!(one(&m, "47 degrees Celsius").role, "temperature");
        assert!(
            one(&m, "47 degrees Celsius")
                .scope()
                .contains(&"modality:projection".to_string())
        );
    }

    #[test]
    fn a_length_says_which_extent() {
        let m =
            measures("In a narrow slope about 5.7 meters long and 3.2 meters wide, people fell.");
        assert_eq!(one(&m, "about 5.7 meters").role, "length");
        assert_eq!(one(&m, "3.2 meters").role, "width");
        let m = measures("The crowd packed a narrow 3.2-meter-wide alley.");
        assert_eq!(one(&m, "3.2-meter").role, "width");
        let m = measures("The quake struck at a depth of 10 km.");
        assert_eq!(one(&m, "10 km").role, "depth");
        // A length before a path is its length, before a tower its height.
        let m = measures("The site is a downhill 40-metre back alley.");
        assert_eq!(one(&m, "40-metre").role, "length");
        let m = measures("They built a 100-foot tower.");
        assert_eq!(one(&m, "100-foot").role, "height");
        // A preposition ends the noun phrase: the street is where, not what, is measured.
        let m = measures("The water rose 2 metres in the street.");
        assert_eq!(one(&m, "2 metres").role, "");
    }

    #[test]
    fn a_count_without_a_table_role_takes_its_predicate() {
        let m = measures("In a narrow slope, more than 300 people were squeezed into it.");
        assert_eq!(one(&m, "more than 300").role, "predicate:squeezed");
        let m = measures("Kim said she performed CPR on 10 people who were unconscious.");
        assert_eq!(one(&m, "10").role, "predicate:unconscious");
        // A table role wins.
        let m = measures("More than 550 pilgrims died during the hajj.");
        assert_eq!(one(&m, "More than 550").role, "deaths");
    }

    #[test]
    fn a_part_does_not_keep_its_base_role_from_a_value_after_it() {
        // "killed" is the group the share is taken from, not the share's role: it still
        // reaches the count after it.
        let m = measures("The majority of those killed were women at 98, police said.");
        assert_eq!(one(&m, "98").role, "deaths");
        assert_eq!(one(&m, "The majority").role, "");
        // A value nearer a role word that is its own keeps it from the one further away.
        let m = measures("Some 40 were killed in the blast and 98 at the market.");
        assert_eq!(one(&m, "Some 40").role, "deaths");
        assert_ne!(one(&m, "98").role, "deaths");
    }

    #[test]
    fn a_count_of_a_stated_period_is_scoped_to_it() {
        let m = measures(
            "An official gave a toll of 577 deaths for the two busiest days of the rites.",
        );
        assert!(
            one(&m, "577")
                .scope()
                .contains(&"period:2 days".to_string())
        );
        // A duration is read in its canonical unit: 24 hours are one day.
        let m = measures("Officials reported 40 deaths over the past 24 hours.");
        assert!(one(&m, "40").scope().contains(&"period:1 days".to_string()));
        // A period the clause states elsewhere, or a value of another unit, restricts nothing.
        let m = measures("The toll rose to 577 people, and two days later the rites ended.");
        assert!(
            !one(&m, "577")
                .scope()
                .iter()
                .any(|x| x.starts_with("period:"))
        );
        let m = measures("More than 550 pilgrims died during the 5 km walk.");
        assert!(
            !one(&m, "More than 550")
                .scope()
                .iter()
                .any(|x| x.starts_with("period:"))
        );
    }

    #[test]
    fn a_predicate_of_attendance_gives_its_count_the_attended_role() {
        let m = measures("Officials said 1.8 million pilgrims took part this year.");
        assert_eq!(one(&m, "1.8 million").role, "attended");
        let m = measures("Of the 1.8 million people who came to Mecca, 2,000 fell ill.");
        assert_eq!(one(&m, "1.8 million").role, "attended");
        let m = measures("Some 5,000 people joined the march on Sunday.");
        assert_eq!(one(&m, "Some 5,000").role, "attended");
        // "took" without "part" is a predicate of its own, not attendance.
        let m = measures("More than 300 people took shelter in the school.");
        assert_eq!(one(&m, "More than 300").role, "predicate:took");
    }

    #[test]
    fn a_duration_says_what_it_is_the_length_of() {
        let m = measures("They signed a deal to end the 52-year armed conflict.");
        assert_eq!(one(&m, "52-year").role, "conflict");
        let m = measures("The deal came after four years of negotiations in Havana.");
        assert_eq!(one(&m, "four years").role, "negotiation");
        let m = measures("The rebel group's half-century-long war claimed many lives.");
        assert_eq!(one(&m, "half-century").role, "conflict");
        let m = measures("It spent almost four years in Havana.");
        assert_eq!(one(&m, "almost four years").role, "");
    }

    #[test]
    fn a_spokesperson_for_a_country_s_people_reports_on_them() {
        let m = measures(
            "Karwan Stoni, official spokesperson for pilgrims from Iraq's Kurdistan region, told AFP that 13 pilgrims had died.",
        );
        assert!(
            one(&m, "13").scope().contains(&"country:iraq".to_string()),
            "{:?}",
            one(&m, "13")
        );
        // An apposition that only places the source says nothing of whose people.
        let m = measures("Ahmed, currently in Saudi Arabia, said that 13 pilgrims had died.");
        assert!(
            !one(&m, "13")
                .scope()
                .iter()
                .any(|s| s.starts_with("country:"))
        );
    }

    #[test]
    fn a_place_right_after_a_count_is_its_scope() {
        let m = measures(
            "He added that 20 pilgrims had died in Makkah, six in Madina and four in Mina.",
        );
        assert!(one(&m, "six").scope().contains(&"in:madina".to_string()));
        assert!(one(&m, "four").scope().contains(&"in:mina".to_string()));
        // A month is no place.
        let m = measures("Some 300 people died in June.");
        assert!(
            !one(&m, "Some 300")
                .scope()
                .iter()
                .any(|s| s.starts_with("in:"))
        );
    }

    /// Found by the `extract_bytes` fuzz target (issue 16): a name glued to the sum ran past it
    /// and the gap between them was computed below zero.
    #[test]
    fn a_name_glued_to_the_sum_is_no_owner() {
        let m = measures("budget of SS$3");
        assert!(
            m.iter()
                .all(|(_, m)| m.scope().iter().all(|s| !s.starts_with("object:")))
        );
    }

    /// Found by the `extract_bytes` fuzz target (issue 16): a determiner's run reached past
    /// the name it opened, and the name was read from beyond the sentence's words.
    #[test]
    fn a_determiner_glued_to_the_sum_leaves_no_name() {
        let m = measures("(A(1?(1$");
        assert!(
            m.iter()
                .all(|(_, m)| m.scope().iter().all(|s| !s.starts_with("object:")))
        );
    }

    #[test]
    fn an_additional_sum_is_a_part() {
        let m = measures("Staff get an additional $3 billion, and the total is $19 billion.");
        assert!(
            one(&m, "$3 billion")
                .scope()
                .contains(&"part:additional".to_string())
        );
        assert!(
            one(&m, "$19 billion")
                .scope()
                .iter()
                .all(|s| !s.starts_with("part:"))
        );
    }

    #[test]
    fn that_country_is_the_country_named_before() {
        let m = measures(
            "The toll included 58 from Peru, and of 658 total dead from that country, 630 were \
             unregistered.",
        );
        assert!(one(&m, "658").scope().contains(&"country:peru".to_string()));
        // No country before: nothing to point at.
        let m = measures("Of 658 total dead from that country, 630 were unregistered.");
        assert!(
            !one(&m, "658")
                .scope()
                .iter()
                .any(|s| s.starts_with("country:"))
        );
    }

    #[test]
    fn a_figure_per_unit_is_a_rate() {
        let m = measures("Facebook is paying about $40 for each of the app's users.");
        assert_eq!(one(&m, "about $40").scope(), vec!["per:user"]);
        let m = measures("Four each came from China and Russia.");
        assert_eq!(one(&m, "Four").scope(), vec!["country:china", "per:each"]);
        let m = measures("Shareholders get $5 apiece.");
        assert_eq!(one(&m, "$5").scope(), vec!["per:each"]);
        // A yearly figure is no rate: news drops "a year" freely.
        let m = measures("Remittances reach $3 billion per year.");
        assert!(one(&m, "$3 billion").scope().is_empty());
        let m = measures("Facebook paid $19 billion for the company.");
        assert!(one(&m, "$19 billion").scope().is_empty());
        // "each month" says how often, as "per month" does: no rate, and no verb.
        let m = measures("The app is used by over 450 million people each month.");
        let users = one(&m, "over 450 million");
        assert!(users.scope().is_empty(), "{m:?}");
        // What uses a thing are its users.
        assert_eq!(users.role, "users", "{m:?}");
        // Only of people: the things used are not users.
        let m = measures("Police used 300 canisters of tear gas.");
        assert_ne!(one(&m, "300").role, "users", "{m:?}");
        // "each" before anything else still shares a figure out.
        let m = measures("Shareholders get $5 each.");
        assert_eq!(one(&m, "$5").scope(), vec!["per:each"]);
    }

    #[test]
    fn a_change_and_a_part_of_a_group_are_scope() {
        let m = measures("The death toll rose by 12 to 158, officials said.");
        assert_eq!(one(&m, "12").scope(), vec!["change:amount"]);
        assert!(one(&m, "158").scope().is_empty());
        let m = measures("Exports fell by 3,000 tonnes.");
        assert_eq!(one(&m, "3,000 tonnes").scope(), vec!["change:amount"]);
        let m = measures("She treated 14 people and 11 of them died.");
        assert_eq!(one(&m, "11").scope(), vec!["subset:part"]);
        // "by" after no verb of change is no change: "killed by 2 gunmen".
        let m = measures("The victims were attacked by 25 gunmen.");
        assert!(one(&m, "25").scope().is_empty());
    }

    #[test]
    fn a_news_medium_relays_a_figure_unless_it_is_its_own_tally() {
        let m = measures(
            "Reuters said the mission cost $75 million. According to CNN Indonesia, 165 \
             Indonesians have died. According to an AFP tally, 577 people had died.",
        );
        let key = |t: &str| one(&m, t).attribution_key().to_vec();
        assert_eq!(key("$75 million"), vec!["via:reuters".to_string()], "{m:?}");
        assert!(key("165").iter().all(|k| !k.starts_with("name:")), "{m:?}");
        assert!(key("577").contains(&"name:afp".to_string()), "{m:?}");
        let m = measures("The UN refugee agency said 40,000 people were displaced.");
        assert!(
            one(&m, "40,000")
                .attribution_key()
                .iter()
                .any(|k| k.starts_with("name:")),
            "{m:?}"
        );
    }

    #[test]
    fn minor_injuries_are_not_all_the_injured() {
        let m = measures("A total of 116 others sustained minor injuries, officials said.");
        assert_eq!(one(&m, "116").role, "minor_injuries", "{m:?}");
    }

    #[test]
    fn a_sum_excluding_a_part_is_the_net_part() {
        let m = measures("The approved cost is Rs 250 crore (excluding launch vehicle costs).");
        assert!(
            one(&m, "Rs 250 crore")
                .scope()
                .contains(&"part:net".to_string()),
            "{m:?}"
        );
    }

    #[test]
    fn a_sum_before_a_name_and_its_mission_is_that_names() {
        let m = measures("The Rs 650 crore Chandrayaan-3 mission was launched on July 14.");
        assert!(
            one(&m, "Rs 650 crore")
                .scope()
                .iter()
                .any(|s| s.starts_with("object:chandrayaan")),
            "{m:?}"
        );
    }

    #[test]
    fn the_answer_to_a_short_question_takes_its_role() {
        let m = measures("The mission's budget? A modest $75 million, a bargain.");
        assert_eq!(one(&m, "$75 million").role, "cost", "{m:?}");
        let m = measures("Who won? A modest $75 million, a bargain.");
        assert_eq!(one(&m, "$75 million").role, "", "{m:?}");
    }

    #[test]
    fn the_mission_after_a_sum_of_another_named_mission_is_that_one() {
        let m = measures(
            "It is cheaper than Voyager, which had a budget of $96.5 million. The total cost \
             of the mission was $130 million.",
        );
        assert!(
            one(&m, "$130 million")
                .scope()
                .iter()
                .any(|s| s.starts_with("object:voyager")),
            "{m:?}"
        );
        // Two things' sums before: "the mission" is not told.
        let m = measures(
            "Gravity cost $100 million and Voyager cost $96.5 million. The total cost of the \
             mission was $130 million.",
        );
        assert!(
            one(&m, "$130 million")
                .scope()
                .iter()
                .all(|s| !s.starts_with("object:")),
            "{m:?}"
        );
    }

    #[test]
    fn a_date_of_what_will_happen_is_a_schedule() {
        let m = measures(
            "The prime minister will be joining the landing programme virtually from abroad on \
             August 23. The craft landed on August 24.",
        );
        assert!(
            one(&m, "August 23")
                .scope()
                .contains(&"modality:projection".to_string()),
            "{m:?}"
        );
        assert!(one(&m, "August 24").scope().is_empty(), "{m:?}");
        // Only dates: a price that will be paid is the price.
        let m = measures("Facebook will pay $19 billion for WhatsApp.");
        assert!(
            !one(&m, "$19 billion")
                .scope()
                .contains(&"modality:projection".to_string()),
            "{m:?}"
        );
    }

    #[test]
    fn an_unconfirmed_toll_and_a_count_of_one_cause_are_other_facts() {
        let m = measures(
            "Other unconfirmed and unofficial reports estimated that the death toll was as high \
             as 900.",
        );
        assert!(
            one(&m, "900")
                .scope()
                .contains(&"modality:unconfirmed".to_string()),
            "{m:?}"
        );
        let m =
            measures("Pilgrims wrapped up the hajj, with more than a dozen heat-related deaths.");
        assert!(
            one(&m, "more than a dozen")
                .scope()
                .contains(&"cause:heat".to_string()),
            "{m:?}"
        );
        let m = measures("At least 577 people had died, officials said.");
        assert!(one(&m, "At least 577").scope().is_empty(), "{m:?}");
    }

    #[test]
    fn bodies_are_counted_apart_from_the_toll() {
        let m =
            measures("The bodies of 24 foreign nationals have been sent to their home countries.");
        assert_eq!(one(&m, "24").role, "bodies", "{m:?}");
    }
}
