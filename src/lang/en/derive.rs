//! The words that signal a derivation (see `derive`): what is ongoing ("war", "campaign"),
//! "anniversary", "for" with a perfect tense, the words that introduce the parts of a total
//! ("including", "of whom"), the words that say a list of parts is not the whole ("others",
//! "the rest"), "each", and the words that put one event before another ("in time for",
//! "ahead of"). Data only; `derive` reads it.

/// Nouns of something that goes on until it stops: "its 20-month war", "a two-year campaign".
/// A duration written as their attribute runs to the article's date, unless the sentence says
/// it ended ([`ENDED`]).
pub const ONGOING: &[&str] = &[
    "war",
    "wars",
    "campaign",
    "conflict",
    "invasion",
    "offensive",
    "occupation",
    "siege",
    "blockade",
    "insurgency",
    "standoff",
    "stand-off",
    "crackdown",
    "lockdown",
    "strike",
    "protests",
    "presidency",
    "rule",
    "reign",
    "tenure",
];

/// Words that say the ongoing thing is over, so its duration does not run to the article's
/// date: "the eight-year war ended in 1988".
pub const ENDED: &[&str] = &[
    "ended", "ending", "end", "after", "lasted", "former", "previous", "past", "earlier", "then",
    "was", "were", "had",
];

/// The word that makes a duration in years an age: "the 45-year-old director", "45 years old".
pub const AGE: &[&str] = &["old"];

/// The noun that makes an ordinal an anniversary: "the 20th anniversary of its opening".
pub const ANNIVERSARY: &[&str] = &["anniversary", "jubilee"];

/// The preposition before a duration that runs to now in a perfect tense ("has led the
/// university for 30 years"), and the auxiliaries of that tense.
pub const FOR: &[&str] = &["for"];
pub const PERFECT: &[&str] = &["has", "have", "'s", "’s"];

/// Words between a total and its parts that say the parts are some of it: "26 foreigners,
/// including five from Iran"; the sum of such parts is at most the total.
pub const SOME_OF: &[&str] = &[
    "include",
    "including",
    "includes",
    "included",
    "among them",
    "among whom",
    "of whom",
    "of which",
    "of them",
];

/// Punctuation between a total and a list that says the list spells it out: "26 foreigners:
/// five from Iran, four each from China and Russia and three from Turkey".
pub const LIST_OPENERS: &[&str] = &[":", "—", "–"];

/// Words in a list of parts that say it is not the whole: "and 12 others", "the rest".
pub const NOT_ALL: &[&str] = &[
    "other",
    "others",
    "rest",
    "remaining",
    "remainder",
    "several",
    "some",
    "many",
    "more",
];

/// "four each from China and Russia": the part counts once per item that follows.
pub const EACH: &[&str] = &["each", "apiece"];

/// The words joining the items of a list.
pub const LIST_JOINERS: &[&str] = &["and", "&"];

/// Phrases that put what a sentence tells on or before another event: "ratified in time for
/// Putin's arrival", "ahead of the summit".
pub const BY_EVENT: &[&str] = &["in time for", "ahead of", "on the eve of", "just before"];
