//! Words of change: the verbs and adverbs that say a value went up or down ("rose 5%", "fell
//! by 3 points", "up 19 cents at $58.24", "plummeted 40.8 per cent to $2.06", "down from $89
//! billion"), and the prepositions that tie a change to its amount ("by"), its end ("to") and
//! its start ("from"). Each word is one row; the grammar asks [`direction`].

use crate::claim::Change;
use crate::text::packed::{WordIndex, slots_for};
use crate::text::rows::indexed;

/// Words of change and the direction they give, sorted for the look-up.
pub const CHANGE_WORDS: &[(&str, Change)] = &[
    ("added", Change::Increase),
    ("advanced", Change::Increase),
    ("advancing", Change::Increase),
    ("boosted", Change::Increase),
    ("climb", Change::Increase),
    ("climbed", Change::Increase),
    ("climbing", Change::Increase),
    ("climbs", Change::Increase),
    ("cut", Change::Decrease),
    ("decline", Change::Decrease),
    ("declined", Change::Decrease),
    ("declines", Change::Decrease),
    ("declining", Change::Decrease),
    ("decrease", Change::Decrease),
    ("decreased", Change::Decrease),
    ("decreases", Change::Decrease),
    ("decreasing", Change::Decrease),
    ("dipped", Change::Decrease),
    ("down", Change::Decrease),
    ("drop", Change::Decrease),
    ("dropped", Change::Decrease),
    ("dropping", Change::Decrease),
    ("drops", Change::Decrease),
    ("eased", Change::Decrease),
    ("fall", Change::Decrease),
    ("fallen", Change::Decrease),
    ("falling", Change::Decrease),
    ("falls", Change::Decrease),
    ("fell", Change::Decrease),
    ("gain", Change::Increase),
    ("gained", Change::Increase),
    ("gaining", Change::Increase),
    ("gains", Change::Increase),
    ("grew", Change::Increase),
    ("grow", Change::Increase),
    ("growing", Change::Increase),
    ("grown", Change::Increase),
    ("grows", Change::Increase),
    ("hiked", Change::Increase),
    ("increase", Change::Increase),
    ("increased", Change::Increase),
    ("increases", Change::Increase),
    ("increasing", Change::Increase),
    ("jump", Change::Increase),
    ("jumped", Change::Increase),
    ("jumping", Change::Increase),
    ("jumps", Change::Increase),
    ("lost", Change::Decrease),
    ("lowered", Change::Decrease),
    ("narrowed", Change::Decrease),
    ("plummeted", Change::Decrease),
    ("plunged", Change::Decrease),
    ("plunges", Change::Decrease),
    ("plunging", Change::Decrease),
    ("raised", Change::Increase),
    ("rallied", Change::Increase),
    ("reduce", Change::Decrease),
    ("reduced", Change::Decrease),
    ("reducing", Change::Decrease),
    ("retreated", Change::Decrease),
    ("rise", Change::Increase),
    ("risen", Change::Increase),
    ("rises", Change::Increase),
    ("rising", Change::Increase),
    ("rose", Change::Increase),
    ("sank", Change::Decrease),
    ("shed", Change::Decrease),
    ("shrank", Change::Decrease),
    ("shrinking", Change::Decrease),
    ("shrunk", Change::Decrease),
    ("slashed", Change::Decrease),
    ("slid", Change::Decrease),
    ("sliding", Change::Decrease),
    ("slipped", Change::Decrease),
    ("slumped", Change::Decrease),
    ("slumping", Change::Decrease),
    ("soared", Change::Increase),
    ("soaring", Change::Increase),
    ("spiked", Change::Increase),
    ("surged", Change::Increase),
    ("surging", Change::Increase),
    ("swelled", Change::Increase),
    ("tumbled", Change::Decrease),
    ("tumbling", Change::Decrease),
    ("up", Change::Increase),
    ("widened", Change::Increase),
];

/// "rose by 5%", "fell by one": the amount of a change.
pub const BY: &str = "by";

/// "rose to 398": the value a change ends at.
pub const TO: &str = "to";

/// "down from $89 billion", "grew from 4.8 percent": the value a change starts from.
pub const FROM: &str = "from";

/// The prepositions that tie a value to a word of change before them: "fell by 3 points",
/// "rose to 398", "down from $89 billion", "a rise of 5%".
pub const LINKS: &[&str] = &[BY, TO, FROM, "of"];

/// The prepositions that tie a value to the changed value before it, whose change it carries
/// on: "plummeted 40.8 per cent to $2.06", "up 19 cents at $58.24".
pub const CARRIES: &[&str] = &[TO, "at"];

/// Nouns of change after the value, and the direction they give: "a 5% rise", "a 3-point
/// drop", "a 40 basis point cut". Kept sorted.
pub const CHANGE_NOUNS: &[(&str, Change)] = &[
    ("climb", Change::Increase),
    ("cut", Change::Decrease),
    ("decline", Change::Decrease),
    ("decrease", Change::Decrease),
    ("dip", Change::Decrease),
    ("drop", Change::Decrease),
    ("fall", Change::Decrease),
    ("gain", Change::Increase),
    ("hike", Change::Increase),
    ("increase", Change::Increase),
    ("jump", Change::Increase),
    ("loss", Change::Decrease),
    ("plunge", Change::Decrease),
    ("reduction", Change::Decrease),
    ("rise", Change::Increase),
    ("slump", Change::Decrease),
    ("surge", Change::Increase),
];

/// Whether `w` (lowercase) is an adverb that may stand between a word of change and its
/// preposition: "rose sharply to 398", "fell slightly from".
pub fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
}

/// The direction a noun of change after a value gives it ("a 5% rise").
pub fn noun_direction(w: &str) -> Option<Change> {
    indexed(&CHANGE_NOUN_INDEX, CHANGE_NOUNS, w)
}

/// [`CHANGE_NOUNS`] packed: the word after every value is asked.
static CHANGE_NOUN_INDEX: WordIndex<{ slots_for(CHANGE_NOUNS.len()) }> =
    WordIndex::of_keys(CHANGE_NOUNS);

/// Words that say a value did not change: "unchanged at 5%", "held steady at".
pub const UNCHANGED: &[&str] = &["flat", "steady", "unchanged"];

/// The direction the word `w` (lowercase) gives a value after it, if it is a word of change.
pub fn direction(w: &str) -> Option<Change> {
    indexed(&CHANGE_INDEX, CHANGE_WORDS, w)
}

/// [`CHANGE_WORDS`] packed for the look-up every value makes.
static CHANGE_INDEX: WordIndex<{ slots_for(CHANGE_WORDS.len()) }> =
    WordIndex::of_keys(CHANGE_WORDS);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_read() {
        assert!(CHANGE_WORDS.windows(2).all(|p| p[0].0 < p[1].0));
        assert_eq!(direction("rose"), Some(Change::Increase));
        assert_eq!(direction("plummeted"), Some(Change::Decrease));
        assert_eq!(direction("said"), None);
        assert!(CHANGE_NOUNS.windows(2).all(|p| p[0].0 < p[1].0));
        assert_eq!(noun_direction("rise"), Some(Change::Increase));
        assert!(is_adverb("sharply") && !is_adverb("only"));
    }
}
