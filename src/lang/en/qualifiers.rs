//! Qualifiers: the words before a value that bound it ("more than", "at least", "up to",
//! "about", "nearly"), those after it ("10 or more", "65 or older"), and the words of a range
//! ("between 20 and 30", "from 3 to 5", "20 through 100"). Each pattern is one row; the grammar
//! iterates the rows and its look-up buckets are built from them.

use crate::claim::Qualifier;
use crate::text::rows::{find, has};

/// The qualifiers written before a value, as word sequences, longest first: (words,
/// qualifier, the true value lies below the stated one as with "nearly").
pub const QUALIFIERS: &[(&[&str], Qualifier, bool)] = {
    use Qualifier::*;
    &[
        (&["less", "than", "or", "equal", "to"], AtMost, false),
        (&["greater", "than", "or", "equal", "to"], AtLeast, false),
        (&["more", "than", "or", "equal", "to"], AtLeast, false),
        (&["at", "least", "or", "equal", "to"], AtLeast, false),
        (&["smaller", "or", "equal", "than"], AtMost, false),
        (&["less", "or", "equal", "than"], AtMost, false),
        (&["lower", "or", "equal", "than"], AtMost, false),
        (&["bigger", "or", "equal", "than"], AtLeast, false),
        (&["larger", "or", "equal", "than"], AtLeast, false),
        (&["higher", "or", "equal", "than"], AtLeast, false),
        (&["greater", "or", "equal", "than"], AtLeast, false),
        (&["in", "excess", "of"], MoreThan, false),
        (&["no", "fewer", "than"], AtLeast, false),
        (&["no", "less", "than"], AtLeast, false),
        (&["not", "less", "than"], AtLeast, false),
        (&["a", "minimum", "of"], AtLeast, false),
        (&["no", "more", "than"], AtMost, false),
        (&["not", "more", "than"], AtMost, false),
        (&["a", "maximum", "of"], AtMost, false),
        (&["as", "many", "as"], AtMost, false),
        (&["as", "much", "as"], AtMost, false),
        (&["more", "than"], MoreThan, false),
        (&["greater", "than"], MoreThan, false),
        (&["larger", "than"], MoreThan, false),
        (&["higher", "than"], MoreThan, false),
        (&["just", "over"], MoreThan, false),
        (&["well", "over"], MoreThan, false),
        (&["upwards", "of"], MoreThan, false),
        (&["at", "least"], AtLeast, false),
        (&["less", "than"], LessThan, false),
        (&["fewer", "than"], LessThan, false),
        (&["lower", "than"], LessThan, false),
        (&["smaller", "than"], LessThan, false),
        (&["just", "under"], LessThan, false),
        (&["up", "to"], AtMost, false),
        (&["at", "most"], AtMost, false),
        (&["an", "estimated"], Approx, false),
        (&["close", "to"], Approx, true),
        (&["over"], MoreThan, false),
        (&["exceeding"], MoreThan, false),
        (&["exceed"], MoreThan, false),
        (&["exceeds"], MoreThan, false),
        (&["exceeded"], MoreThan, false),
        (&["surpass"], MoreThan, false),
        (&["surpasses"], MoreThan, false),
        (&["surpassed"], MoreThan, false),
        (&["cross"], MoreThan, false),
        (&["crosses"], MoreThan, false),
        (&["crossed"], MoreThan, false),
        (&["above"], MoreThan, false),
        (&["under"], LessThan, false),
        (&["below"], LessThan, false),
        (&["about"], Approx, false),
        (&["some"], Approx, false),
        (&["around"], Approx, false),
        (&["roughly"], Approx, false),
        (&["approximately"], Approx, false),
        (&["approx"], Approx, false),
        (&["circa"], Approx, false),
        (&["estimated"], Approx, false),
        (&["nearly"], Approx, true),
        (&["almost"], Approx, true),
    ]
};

/// Words after a number and "or"/"and" that bound it: "10 or more", "aged 65 or older",
/// "five hundred or less".
pub const AFTER: &[(&str, Qualifier)] = &[
    ("more", Qualifier::AtLeast),
    ("greater", Qualifier::AtLeast),
    ("higher", Qualifier::AtLeast),
    ("above", Qualifier::AtLeast),
    ("over", Qualifier::AtLeast),
    ("older", Qualifier::AtLeast),
    ("less", Qualifier::AtMost),
    ("fewer", Qualifier::AtMost),
    ("lower", Qualifier::AtMost),
    ("below", Qualifier::AtMost),
    ("under", Qualifier::AtMost),
    ("younger", Qualifier::AtMost),
];

/// The words joining a number to an [`AFTER`] word, and whether the bound may be an upper one
/// ("five or less", but "five and more" only).
pub const AFTER_JOINERS: &[(&str, bool)] = &[("or", true), ("and", false)];

/// "than" after an [`AFTER`] word makes it a comparison of its own ("10 or more than 20").
pub const THAN: &str = "than";

/// Comparison signs before a number: "x>10", "< 20", "≥ 30"; with [`OR_EQUAL`] after "<" or
/// ">" ("<= -30", "> = 5") the bound includes the number.
pub const SIGNS: &[(char, Qualifier)] = &[
    ('>', Qualifier::MoreThan),
    ('<', Qualifier::LessThan),
    ('≥', Qualifier::AtLeast),
    ('≤', Qualifier::AtMost),
];

/// The "=" of "<=" and ">=".
pub const OR_EQUAL: char = '=';

/// The sign's qualifier, and what "=" after it makes of it.
pub fn sign(c: char) -> Option<Qualifier> {
    SIGNS.iter().find(|r| r.0 == c).map(|r| r.1)
}

/// Words that join a lower and an upper bound into one range: "more than 10 and less than
/// 20", "higher than the tenth but lower than the fifteenth" (a comma joins them too).
pub const BOUND_JOINERS: &[&str] = &["and", "but"];

/// "between 20 and 30": a range, whose ends "and" joins.
pub const BETWEEN: &str = "between";
pub const BETWEEN_AND: &str = "and";

/// "from 3 to 5": a range that begins at "from".
pub const FROM: &str = "from";
pub const FROM_TO: &str = "to";

/// "rose by 12 to 158": after "by", "N to M" is a change and the level it led to, no range.
pub const BY: &str = "by";

/// Marks between the two ends of a range besides a dash: "20~100".
pub const RANGE_MARKS: &[char] = &['~'];

/// Words between the two ends of a range ("3 to 5 million", "20 through 100"), besides a dash.
pub const RANGE_SEPARATORS: &[&str] = &["to", "through"];

/// The bound written after a number and `joiner`: `word` "more", "older" (at least), "less",
/// "younger" (at most).
pub fn after(joiner: &str, word: &str) -> Option<Qualifier> {
    let upper_ok = find(AFTER_JOINERS, joiner)?;
    find(AFTER, word).filter(|&q| upper_ok || q == Qualifier::AtLeast)
}

/// "to"/"through".
pub fn is_range_separator(w: &str) -> bool {
    has(RANGE_SEPARATORS, w)
}
