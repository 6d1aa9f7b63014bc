//! English words around the names of people and organisations (`crate::names`): the titles
//! and honorifics written before a name ("President", "Dr"), which are taken off the name and
//! kept as its role; the particles a name may hold in lowercase ("bin", "al", "van"); the
//! words that make a capitalised run an organisation ("Center", "Ministry", "Times"); the place
//! words that make it no person ("Asia", "Street"); and the transliteration equivalences that
//! fold two romanisations of one name together ("Shoygu" ~ "Shoigu", "El-Sisi" ~ "Al-Sisi").
//! Months, weekdays, countries and demonyms come from [`super::calendar`] and
//! [`super::measure`]. All rows are lowercase.

use super::measure::{COUNTRIES, COUNTRY_ACRONYMS, DEMONYMS};
use crate::text::packed::{PackedWords, slots_for};
use crate::text::rows::in_set_flags;

/// Titles, honorifics and the professions news writes before a person's name ("activist Greta
/// Thunberg", "Engineer Hugo Brandt" at a sentence's start). Taken off the name; they are its
/// role ("Russian President Vladimir Putin" → role `president`).
pub const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "emir",
    "sultan",
    "pope",
    "cardinal",
    "bishop",
    "archbishop",
    "rev",
    "reverend",
    "father",
    "imam",
    "rabbi",
    "general",
    "gen",
    "colonel",
    "col",
    "major",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "admiral",
    "marshal",
    "commander",
    "senator",
    "sen",
    "representative",
    "rep",
    "governor",
    "gov",
    "mayor",
    "judge",
    "justice",
    "ambassador",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "chief",
    "deputy",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "health",
    "leader",
    "officer",
    "inspector",
    "detective",
    "coach",
    "ceo",
    "founder",
    "expert",
    "analyst",
    "fellow",
    "doctor",
    "nurse",
    "engineer",
    "architect",
    "lawyer",
    "attorney",
    "activist",
    "journalist",
    "reporter",
    "writer",
    "author",
    "actor",
    "actress",
    "singer",
    "player",
];

/// Lowercase particles inside a person's name ("Osama bin Laden", "Ursula von der Leyen").
pub const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "abu", "van", "von", "der", "den", "de", "da", "di", "du",
    "la", "le",
];

/// Lowercase words that join the parts of an organisation's name ("Center for Russia and
/// Eurasia Studies", "International Federation of the Red Cross").
pub const ORG_JOINERS: &[&str] = &["of", "for", "and", "the", "on"];

/// Words that make a capitalised run the name of an organisation.
pub const ORG_WORDS: &[&str] = &[
    "academy",
    "agency",
    "alliance",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "center",
    "centre",
    "church",
    "club",
    "coalition",
    "college",
    "commission",
    "committee",
    "company",
    "conference",
    "congress",
    "corporation",
    "council",
    "court",
    "department",
    "embassy",
    "federation",
    "forces",
    "foundation",
    "front",
    "fund",
    "group",
    "guard",
    "herald",
    "hospital",
    "inc",
    "institute",
    "institution",
    "league",
    "ltd",
    "media",
    "ministry",
    "movement",
    "network",
    "news",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "post",
    "press",
    "programme",
    "program",
    "school",
    "service",
    "society",
    "societies",
    "tribune",
    "times",
    "union",
    "university",
];

/// Words that name places or regions, never part of a person's name ("Central Asia", "Wall
/// Street").
pub const PLACE_WORDS: &[&str] = &[
    "africa",
    "america",
    "americas",
    "asia",
    "europe",
    "east",
    "west",
    "north",
    "south",
    "central",
    "middle",
    "eastern",
    "western",
    "northern",
    "southern",
    "asian",
    "european",
    "african",
    "soviet",
    "republic",
    "kingdom",
    "city",
    "street",
    "avenue",
    "road",
    "square",
    "river",
    "sea",
    "ocean",
    "lake",
    "mountain",
    "mountains",
    "island",
    "islands",
    "valley",
    "province",
    "region",
    "district",
    "county",
    "state",
    "states",
    "airport",
    "base",
    "kremlin",
    "white",
    "house",
];

/// Words that are capitalised in news text without naming anyone: the start of a headline or
/// a sentence, a holiday, a web page's furniture, a document ("Rome Statute").
pub const NOT_NAME_WORDS: &[&str] = &[
    "god",
    "christmas",
    "easter",
    "ramadan",
    "eid",
    "covid",
    "internet",
    "breaking",
    "update",
    "live",
    "read",
    "more",
    "also",
    "photo",
    "video",
    "sign",
    "subscribe",
    "share",
    "follow",
    "click",
    "watch",
    "copyright",
    "accord",
    "agreement",
    "charter",
    "constitution",
    "convention",
    "declaration",
    "protocol",
    "statute",
    "treaty",
];

/// Prefixes taken off a surname before it is compared: the Arabic article in its
/// romanisations ("Al-Sisi", "El-Sisi").
pub const SURNAME_PREFIXES: &[&str] = &["al-", "el-", "al'", "el'", "ul-", "ad-", "ar-", "as-"];

/// Spellings one romanisation writes for another's letters, folded before two names are
/// compared: (written, folded to). Applied left to right, longest first, on lowercase ASCII.
/// Vowels are compared loosely anyway (see `crate::names`): "Temur" ~ "Timur".
pub const TRANSLITERATIONS: &[(&str, &str)] = &[
    ("dzh", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("ph", "f"),
    ("ck", "k"),
    ("ou", "u"),
    ("ye", "e"),
    ("yu", "u"),
    ("ya", "a"),
    ("iy", "i"),
    ("yy", "i"),
    ("y", "i"),
    ("w", "v"),
    ("q", "k"),
];

/// Spellings of one organisation word in British and American English: (written, folded to).
pub const ORG_SPELLINGS: &[(&str, &str)] = &[
    ("centre", "center"),
    ("organisation", "organization"),
    ("programme", "program"),
    ("defence", "defense"),
    ("labour", "labor"),
];

/// Every word the tests below look up, each with the flags of the lists it is in: names are
/// read at every capitalised word of every article of the corpus, so each test is one hashed
/// look-up instead of a scan of its list. Countries, their acronyms and peoples (demonyms) come
/// from [`super::measure`]; a people's plural counts too ([`PEOPLE`]).
static NAME_WORDS: PackedWords<
    {
        slots_for(
            TITLES.len()
                + PARTICLES.len()
                + ORG_JOINERS.len()
                + ORG_WORDS.len()
                + PLACE_WORDS.len()
                + NOT_NAME_WORDS.len()
                + COUNTRIES.len()
                + COUNTRY_ACRONYMS.len()
                + DEMONYMS.len(),
        )
    },
> = PackedWords::empty()
    .with_words(TITLES, TITLE)
    .with_words(PARTICLES, PARTICLE)
    .with_words(ORG_JOINERS, ORG_JOINER)
    .with_words(ORG_WORDS, ORG_WORD)
    .with_words(PLACE_WORDS, NOT_PERSON)
    .with_words(NOT_NAME_WORDS, NOT_PERSON)
    .with_words(COUNTRIES, NOT_PERSON)
    .with_keys(COUNTRY_ACRONYMS, NOT_PERSON)
    .with_keys(DEMONYMS, NOT_PERSON | PEOPLE);
/// [`NAME_WORDS`]'s flag of [`TITLES`].
const TITLE: u8 = 1;
/// [`NAME_WORDS`]'s flag of [`PARTICLES`].
const PARTICLE: u8 = 2;
/// [`NAME_WORDS`]'s flag of [`ORG_JOINERS`].
const ORG_JOINER: u8 = 4;
/// [`NAME_WORDS`]'s flag of [`ORG_WORDS`].
const ORG_WORD: u8 = 8;
/// [`NAME_WORDS`]'s flag of a place, a not-name word, a country or a people: never part of a
/// person's name.
const NOT_PERSON: u8 = 16;
/// [`NAME_WORDS`]'s flag of a people's name (a demonym), whose plural is no person either.
const PEOPLE: u8 = 32;

/// Whether the word `w` is in one of the lists flagged `flag`.
fn is(w: &str, flag: u8) -> bool {
    in_set_flags(&NAME_WORDS, w) & flag != 0
}

/// A title or honorific written before a name (`w` folded).
pub fn is_title(w: &str) -> bool {
    is(w.trim_end_matches('.'), TITLE)
}

/// A lowercase particle inside a person's name.
pub fn is_particle(w: &str) -> bool {
    is(w, PARTICLE)
}

/// A lowercase word inside an organisation's name.
pub fn is_org_joiner(w: &str) -> bool {
    is(w, ORG_JOINER)
}

/// A word that makes a run an organisation's name (`w` folded).
pub fn is_org_word(w: &str) -> bool {
    is(w, ORG_WORD)
}

/// A word that names a place, a country, a people, a month or a weekday, or is capitalised
/// without naming anyone (`w` folded): never part of a person's name.
pub fn is_not_person_word(w: &str) -> bool {
    is(w, NOT_PERSON)
        || w.strip_suffix('s').is_some_and(|d| is(d, PEOPLE))
        || super::calendar::is_calendar_name(w)
        || super::words::is_stopword(w)
}

/// `w` (folded) with an organisation word's British spelling made American.
pub fn org_spelling(w: &str) -> &str {
    ORG_SPELLINGS
        .iter()
        .find(|(from, _)| *from == w)
        .map_or(w, |(_, to)| to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_place_country_and_people_is_no_person_word() {
        let lists = [PLACE_WORDS, NOT_NAME_WORDS, COUNTRIES];
        for w in lists.iter().flat_map(|l| l.iter()) {
            assert!(is_not_person_word(w), "{w}");
        }
        for (w, _) in COUNTRY_ACRONYMS.iter().chain(DEMONYMS) {
            assert!(is_not_person_word(w), "{w}");
        }
        // A people's plural, not a country's or a place word's.
        let (people, _) = DEMONYMS[0];
        assert!(is_not_person_word(&format!("{people}s")));
        assert!(!is_not_person_word(&format!("{}s", PLACE_WORDS[0])));
        for w in ["putin", "maria", "smith", ""] {
            assert!(!is_not_person_word(w), "{w}");
        }
    }

    #[test]
    fn lists_are_lowercase_and_classify_words() {
        for list in [TITLES, PARTICLES, ORG_WORDS, PLACE_WORDS, NOT_NAME_WORDS] {
            assert!(list.iter().all(|w| *w == w.to_lowercase()), "{list:?}");
        }
        assert!(is_title("president") && is_title("dr.") && !is_title("putin"));
        assert!(is_not_person_word("russian") && is_not_person_word("kyrgyzstan"));
        assert!(is_not_person_word("march") && is_not_person_word("asia"));
        assert!(!is_not_person_word("umarov") && !is_not_person_word("temur"));
        assert!(is_org_word("centre") && !is_org_word("carnegie"));
        assert_eq!(org_spelling("centre"), "center");
        assert_eq!(org_spelling("carnegie"), "carnegie");
    }
}
