//! Nouns: the nouns that count people (their unit is "people"), the role nouns a rank applies
//! to ("investor", "partner"), the words that make a following number a name ("number seven",
//! "version two"), and the plural morphology of English nouns: which words are plurals, and
//! the plural that names a counted unit ("20-car" counts cars).

use crate::text::packed::{PackedWords, slots_for};
use crate::text::rows::{has, in_set, in_set_flags};

/// The ending of a regular plural ("cars", "thirds").
pub const PLURAL: char = 's';

/// The unit of counted people.
pub const PEOPLE: &str = "people";

/// Singular nouns of one person that make a lone "one" before them a count of one ("one
/// person died", "one officer was hurt"); a source noun ("one official said") is not among
/// them: it says who spoke, not what happened. Sorted.
pub const ONE_PERSON_NOUNS: &[&str] = &[
    "adult",
    "baby",
    "boy",
    "child",
    "citizen",
    "civilian",
    "doctor",
    "firefighter",
    "foreigner",
    "girl",
    "journalist",
    "man",
    "migrant",
    "officer",
    "passenger",
    "person",
    "pilgrim",
    "policeman",
    "refugee",
    "resident",
    "soldier",
    "student",
    "teenager",
    "tourist",
    "victim",
    "visitor",
    "woman",
    "worker",
];

/// A singular noun of one person ([`ONE_PERSON_NOUNS`]).
pub fn is_one_person_noun(w: &str) -> bool {
    has(ONE_PERSON_NOUNS, w)
}

/// Nouns that count people: their unit is [`PEOPLE`].
pub const PERSON_NOUNS: &[&str] = &[
    "people",
    "persons",
    "person",
    "individuals",
    "officers",
    "officials",
    "citizens",
    "residents",
    "soldiers",
    "troops",
    "civilians",
    "workers",
    "employees",
    "students",
    "children",
    "kids",
    "adults",
    "men",
    "women",
    "voters",
    "migrants",
    "refugees",
    "tourists",
    "visitors",
    "protesters",
    "demonstrators",
    "police",
    "policemen",
    "personnel",
    "staff",
    "members",
    "fighters",
    "servicemen",
    "journalists",
    "deputies",
    "delegates",
    "patients",
    "victims",
    "casualties",
    "dead",
    "deaths",
    "wounded",
    "injured",
    "prisoners",
    "detainees",
    "inhabitants",
    "nationals",
    "immigrants",
    "emigrants",
    "pensioners",
    "teachers",
    "doctors",
    "nurses",
    "volunteers",
    "guards",
    "agents",
    "passengers",
    "fans",
    "spectators",
    "participants",
    "users",
    "subscribers",
    "customers",
    "recruits",
    "conscripts",
    "reservists",
    "mercenaries",
    "militants",
    "lawmakers",
    "ministers",
    "diplomats",
    "experts",
    "analysts",
    "researchers",
    "scientists",
    "specialists",
    "ethnic",
    "laborers",
    "labourers",
    "miners",
    "farmers",
    "survivors",
    "hostages",
    "suspects",
    "peacekeepers",
    "servicemembers",
    "evacuees",
    "asylum",
];

/// Nouns that count people: their unit is [`PEOPLE`].
pub fn is_person_noun(w: &str) -> bool {
    in_set(&PERSON_SET, w)
}

static PERSON_SET: PackedWords<{ slots_for(PERSON_NOUNS.len()) }> =
    PackedWords::empty().with_words(PERSON_NOUNS, 1);

/// Endings of agent nouns ("investor", "exporter", "economist", "migrant"), on words of more
/// than [`AGENT_MIN_LEN`] letters.
pub const AGENT_SUFFIXES: &[&str] = &[
    "er", "or", "ers", "ors", "ist", "ists", "ant", "ants", "ent", "ents",
];

/// Agent nouns are longer than this.
pub const AGENT_MIN_LEN: usize = 4;

/// Words with an agent ending that are no agent noun ("order", "border", "percent").
pub const NOT_AGENT_NOUNS: &[&str] = &[
    "order",
    "border",
    "corridor",
    "percent",
    "event",
    "extent",
    "content",
    "other",
    "others",
    "however",
    "after",
    "under",
    "over",
    "never",
    "number",
    "matter",
    "together",
    "whether",
    "winter",
    "summer",
    "quarter",
    "center",
    "centre",
    "meter",
    "metre",
    "letter",
    "paper",
    "power",
    "water",
    "factor",
    "sector",
    "error",
    "honor",
    "honour",
    "floor",
    "door",
    "terror",
    "favor",
    "favour",
    "behavior",
    "element",
    "statement",
    "agreement",
    "government",
    "moment",
    "parliament",
    "development",
    "investment",
    "movement",
    "equipment",
    "environment",
    "department",
    "management",
    "payment",
    "document",
    "settlement",
    "percents",
    "events",
    "documents",
    "agreements",
];

/// Other nouns a rank applies to ("partner", "economy", "airport").
pub const ROLE_NOUNS: &[&str] = &[
    "partner",
    "partners",
    "ally",
    "allies",
    "source",
    "sources",
    "market",
    "markets",
    "economy",
    "economies",
    "city",
    "cities",
    "country",
    "countries",
    "company",
    "companies",
    "bank",
    "banks",
    "party",
    "parties",
    "destination",
    "recipient",
    "beneficiary",
    "shareholder",
    "donor",
    "creditor",
    "investor",
    "employer",
    "airport",
    "port",
    "state",
    "states",
    "nation",
    "nations",
    "province",
    "region",
    "firm",
    "group",
    "oilfield",
    "field",
    "mine",
];

/// Role nouns that a rank applies to ("investor", "partner"): agent nouns and
/// [`ROLE_NOUNS`].
pub fn is_role_noun(w: &str) -> bool {
    if w.len() > AGENT_MIN_LEN && AGENT_SUFFIXES.iter().any(|s| w.ends_with(s)) {
        return !has(NOT_AGENT_NOUNS, w);
    }
    has(ROLE_NOUNS, w)
}

/// Words before a number that make it a name, not a value: "number seven", "version two".
pub const NAME_NOUNS: &[&str] = &["number", "no", "version", "chapter", "part"];

/// Plurals without a regular "-s", and nouns that count as plurals ("police", "staff").
pub const PLURAL_NOUNS: &[&str] = &[
    "people",
    "police",
    "children",
    "men",
    "women",
    "staff",
    "personnel",
    "cattle",
    "livestock",
    "troops",
    "sheep",
    "dead",
    "wounded",
    "injured",
    "data",
    "media",
    "feet",
    "teeth",
    "mice",
    "geese",
    "aircraft",
    "fish",
    "deer",
    "headquarters",
    "series",
    "species",
    "crew",
    "military",
];

/// Words in "-s" that are no plural noun.
pub const NOT_PLURALS: &[&str] = &[
    "was",
    "has",
    "does",
    "its",
    "this",
    "thus",
    "always",
    "perhaps",
    "whereas",
    "besides",
    "news",
    "across",
    "towards",
    "afterwards",
    "nearby",
];

/// Endings of words in "-s" that are no plural: "class", "status", "analysis", "Putin's".
pub const NOT_PLURAL_ENDINGS: &[&str] = &["ss", "us", "is", "'s", "’s"];

/// A regular plural is longer than this.
const PLURAL_MIN_LEN: usize = 3;

/// Is this word a plural noun? Regular "-s" plurals (not [`NOT_PLURAL_ENDINGS`]) and
/// [`PLURAL_NOUNS`]. `w` is the lowercase word, empty when it is not ASCII or too long; `raw`
/// the word as written.
pub fn is_plural(w: &str, raw: &str) -> bool {
    if w.is_empty() {
        // Non-ASCII or long words: a capitalized "-s" word still counts ("Kyrgyzstanis").
        return raw.ends_with('s') && raw.chars().count() > PLURAL_MIN_LEN;
    }
    // One look-up answers both lists (the grammar asks it of every noun after a count).
    let listed = in_set_flags(&PLURAL_SET, w);
    if listed & LISTED_PLURAL != 0 {
        return true;
    }
    w.len() > PLURAL_MIN_LEN
        && w.ends_with('s')
        && !NOT_PLURAL_ENDINGS.iter().any(|e| w.ends_with(e))
        && listed & LISTED_NOT_PLURAL == 0
}

/// [`PLURAL_NOUNS`] (flag [`LISTED_PLURAL`]) and [`NOT_PLURALS`] (flag [`LISTED_NOT_PLURAL`]).
static PLURAL_SET: PackedWords<{ slots_for(PLURAL_NOUNS.len() + NOT_PLURALS.len()) }> =
    PackedWords::empty()
        .with_words(PLURAL_NOUNS, LISTED_PLURAL)
        .with_words(NOT_PLURALS, LISTED_NOT_PLURAL);
const LISTED_PLURAL: u8 = 1;
const LISTED_NOT_PLURAL: u8 = 2;

/// Endings of capitalised plurals that name people ("Russians", "Chinese", "Kyrgyzstanis",
/// "Uzbeks").
pub const DEMONYM_ENDINGS: &[&str] = &["ans", "ese", "is", "ks", "ians"];

/// The unit of a count from its head noun: people for person nouns and demonyms, otherwise the
/// noun's plural.
pub fn unit_for_noun(w: &str, raw: &str) -> String {
    if is_person_noun(w) {
        return PEOPLE.into();
    }
    let capital = raw.chars().next().is_some_and(char::is_uppercase);
    if capital && DEMONYM_ENDINGS.iter().any(|e| w.ends_with(e)) {
        return PEOPLE.into();
    }
    if w.is_empty() {
        return raw.to_lowercase();
    }
    plural(w)
}

/// Endings that take "-es" in the plural ("churches", "boxes").
pub const ES_ENDINGS: &[&str] = &["ch", "sh", "x", "z"];

/// Vowels before a final "y" that keep it in the plural ("days", not "daies").
pub const VOWELS_BEFORE_Y: [char; 4] = ['a', 'e', 'o', 'u'];

/// Irregular plurals.
pub const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("person", PEOPLE),
    ("man", "men"),
    ("woman", "women"),
    ("child", "children"),
];

/// English plural of a (lowercase) noun, for units named by a hyphen compound ("20-car").
pub fn plural(w: &str) -> String {
    if w.ends_with('s') || w == PEOPLE {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix('y')
        && !stem.ends_with(VOWELS_BEFORE_Y)
    {
        return format!("{stem}ies");
    }
    if ES_ENDINGS.iter().any(|e| w.ends_with(e)) {
        return format!("{w}es");
    }
    match IRREGULAR_PLURALS.iter().find(|r| r.0 == w) {
        Some(r) => r.1.into(),
        None => format!("{w}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_units() {
        for (w, p) in [
            ("car", "cars"),
            ("city", "cities"),
            ("day", "days"),
            ("church", "churches"),
            ("box", "boxes"),
            ("person", "people"),
            ("child", "children"),
            ("people", "people"),
            ("cars", "cars"),
        ] {
            assert_eq!(plural(w), p, "{w}");
        }
        assert!(is_plural("officers", "officers") && is_plural("police", "police"));
        assert!(!is_plural("status", "status") && !is_plural("news", "news"));
        assert_eq!(unit_for_noun("russians", "Russians"), PEOPLE);
        assert_eq!(unit_for_noun("officers", "officers"), PEOPLE);
        assert_eq!(unit_for_noun("cars", "cars"), "cars");
        assert!(is_role_noun("investor") && is_role_noun("partner") && !is_role_noun("border"));
    }
}
