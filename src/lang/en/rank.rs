//! Ranks and ordinals in context: the superlatives that rank a subject among its peers
//! ("largest investor", "second-biggest partner"), the words around an ordinal that make it a
//! claim ("He finished second") or something else ("the first half", "for the first time in
//! years"), and the written unit of a rank counted from the bottom.

use crate::text::rows::{find, has};

/// Superlatives that rank the subject among its peers, alone ("the largest investor") or
/// after an ordinal: `true` when the scale runs from the top ("largest"), `false` for the
/// bottom ("smallest").
pub const SUPERLATIVES: &[(&str, bool)] = &[
    ("largest", true),
    ("biggest", true),
    ("greatest", true),
    ("main", true),
    ("leading", true),
    ("top", true),
    ("highest", true),
    ("richest", true),
    ("strongest", true),
    ("busiest", true),
    ("most", true),
    ("smallest", false),
    ("lowest", false),
    ("poorest", false),
    ("weakest", false),
    ("least", false),
];

/// Superlatives that rank only after an ordinal: "the second major partner" ("a major
/// partner" is no rank).
pub const SUPERLATIVES_AFTER_ORDINAL: &[(&str, bool)] = &[("major", true)];

/// Superlatives that need an adjective after them: "the most populous country".
pub const NEED_ADJECTIVE: &[&str] = &["most", "least"];

/// Superlatives that are no rank before a number: "the top 10".
pub const NOT_BEFORE_NUMBER: &[&str] = &["top"];

/// The written unit of a rank counted from the bottom ("the smallest").
pub const FROM_BOTTOM: &str = "from bottom";

/// Verbs of placing: "first" and "second" alone are an ordinal claim only after them ("She
/// finished second!"); elsewhere they are a time unit or a discourse marker.
pub const PLACING_VERBS: &[&str] = &[
    "finished", "finishes", "finish", "placed", "ranked", "ranks", "came",
];

/// Nouns after an ordinal that make it a period of something, not an ordinal claim: "the
/// first half", "the second quarter", "first place".
pub const PERIOD_NOUNS: &[&str] = &["half", "quarter", "place"];

/// Nouns of a numbered event: an ordinal before one is a claim with no determiner before it
/// and capitalized in a title ("Ninth Meeting of the …", "the Fifth Plenum", "20th
/// Anniversary"), where an ordinal before another capitalized word opens a name ("Third
/// Avenue", "Second World War").
pub const EVENT_NOUNS: &[&str] = &[
    "anniversary",
    "meeting",
    "session",
    "plenum",
    "plenary",
    "congress",
    "summit",
    "conference",
    "convention",
    "assembly",
    "edition",
    "round",
];

/// "first-ever".
pub const EVER: &str = "ever";

/// The idiom "for the first time in years": an ordinal, then [`TIME`], [`IN`] and one of
/// [`IDIOM_SPANS`].
pub const TIME: &str = "time";
pub const IN: &str = "in";
pub const IDIOM_SPANS: &[&str] = &["years", "decades", "months", "weeks", "ages", "a"];

/// A superlative, `after_ordinal` or alone: `Some(true)` when it ranks from the top.
pub fn superlative(w: &str, after_ordinal: bool) -> Option<bool> {
    find(SUPERLATIVES, w).or_else(|| find(SUPERLATIVES_AFTER_ORDINAL, w).filter(|_| after_ordinal))
}

/// A noun of a numbered event.
pub fn is_event_noun(w: &str) -> bool {
    has(EVENT_NOUNS, w)
}

/// A verb of placing.
pub fn is_placing_verb(w: &str) -> bool {
    has(PLACING_VERBS, w)
}
