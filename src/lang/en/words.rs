//! Function words: the stop words that are never part of a counted noun phrase or a subject
//! term, determiners, and the single words the grammar and the subject reader look for in a
//! fixed role ("of", "the", the words that start a clause or join a name). The stop words and
//! the number words share one packed table, built from their lists, with a flag each.

use super::numbers;
use crate::text::fold::{fold_swar, pack16_fast};
use crate::text::packed::PackedWords;
use crate::text::rows::has;

/// "of": partitives ("one of the few"), "tens of thousands", "half of", "out of".
pub const OF: &str = "of";

/// "the": "the two leaders" (anaphora), "half the".
pub const THE: &str = "the";

/// Words that begin a new clause after a noun phrase: conjunctions and verbs of saying.
pub const CLAUSE_STARTERS: &[&str] = &["and", "but", "or", "said", "says", "told", "while", "as"];

/// Words that join two capitalised words into one name ("Bank of Russia", "Center for Russia
/// and Eurasia Studies").
pub const NAME_JOINERS: &[&str] = &["of", "for", "and", "on"];

/// Words after "the two leaders" that make the phrase more than a mention of things already
/// named: "the two countries which…", "the three cities in…", "the four nations to have
/// landed…".
pub const PHRASE_CONTINUERS: &[&str] = &["from", "in", "of", "that", "to", "which", "who", "whose"];

/// Words before a small number that make it a pronoun: "each one", "all three", "both two".
pub const DISTRIBUTIVES: &[&str] = &["each", "all", "both"];

/// Words that make a following "one" a pronoun, not a count ("no one", "any one man",
/// "every one", "not one"). Sorted.
pub const NEGATORS: &[&str] = &["any", "every", "no", "not"];

/// Verbs a bare count is the subject of: "three were missing", "at least four were
/// teenagers", "two died".
pub const COUNT_VERBS: &[&str] = &[
    "are", "died", "drowned", "had", "has", "have", "is", "remain", "remained", "remains",
    "survived", "was", "were",
];

/// Words after a small number that share it out: "four each from China and Russia".
pub const SHARES: &[&str] = &["apiece", "each"];

/// Prepositions that tie a bare count to a place in a list: "six in Madina", "five from Iran".
pub const PLACE_PREPOSITIONS: &[&str] = &["at", "from", "in"];

/// "all but one of the fatalities": the number after these words is a count.
pub const ALL_BUT: [&str; 2] = ["all", "but"];

/// "split into two": a bare number after this word counts the parts.
pub const INTO: &str = "into";

/// Vague quantities before a percent word: "a few percent of", "many percent of".
pub const VAGUE_QUANTITIES: &[&str] = &["few", "several", "many"];

/// The subject of the dateline's date claim: its phrase, terms and head.
pub const DATELINE_PHRASE: &str = "publication date";
pub const DATELINE_TERMS: &[&str] = &["publication", "date"];
pub const DATELINE_HEAD: &str = "date";

/// The possessive endings: "Putin's", "Russia’s".
pub const POSSESSIVES: &[&str] = &["'s", "’s"];

/// Determiners and possessives after which an ordinal or superlative is attributive.
pub fn is_determiner(w: &str) -> bool {
    has(DETERMINERS, w)
}

/// The words [`is_determiner`] accepts.
pub const DETERMINERS: &[&str] = &[
    THE, "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "whose",
];

/// Function words: never part of a counted noun phrase, never a subject term. One probe of
/// the word table instead of a match over the whole list.
pub fn is_stopword(w: &str) -> bool {
    pack16_fast(w.as_bytes(), false).is_some_and(|p| word_flags(p) & STOPWORD != 0)
}

/// Prepositions and other words that end a counted noun phrase: the stop words but
/// [`NOUN_PHRASE_STOPWORDS`].
pub fn ends_noun_phrase(w: &str) -> bool {
    is_stopword(w) && !has(NOUN_PHRASE_STOPWORDS, w)
}

/// Words inside a name that say nothing of which name it is ("Office for the Coordination of
/// Humanitarian Affairs", "Center for Russia and Eurasia Studies"): they join its parts.
pub const NAME_GLUE: &[&str] = &[
    "and", "as", "at", "de", "for", "in", "of", "on", "the", "to",
];

/// Stop words that do not end a counted noun phrase ("more people", "other countries").
pub const NOUN_PHRASE_STOPWORDS: &[&str] = &["more", "most", "other", "own"];

/// The words [`is_stopword`] accepts, as written (lowercase; "than," and "an estimated" are
/// kept from the original list although no single word token spells them).
pub const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "for",
    "to",
    "from",
    "with",
    "by",
    "about",
    "as",
    "into",
    "over",
    "under",
    "and",
    "or",
    "but",
    "nor",
    "which",
    "who",
    "whom",
    "that",
    "this",
    "these",
    "those",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "do",
    "does",
    "did",
    "not",
    "no",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "you",
    "i",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "him",
    "them",
    "us",
    "me",
    "than",
    "then",
    "so",
    "such",
    "if",
    "when",
    "while",
    "where",
    "since",
    "until",
    "after",
    "before",
    "during",
    "through",
    "between",
    "against",
    "per",
    "also",
    "more",
    "most",
    "some",
    "all",
    "any",
    "each",
    "both",
    "other",
    "another",
    "up",
    "out",
    "around",
    "nearly",
    "almost",
    "roughly",
    "there",
    "here",
    "what",
    "whose",
    "said",
    "says",
    "say",
    "told",
    "according",
    "least",
    "only",
    "just",
    "even",
    "still",
    "very",
    "many",
    "much",
    "own",
    "via",
    "upon",
    "across",
    "among",
    "amid",
    "within",
    "without",
    "toward",
    "towards",
    "onto",
    "including",
    "like",
    "than,",
    "an estimated",
    "now",
    "again",
    "already",
    "yet",
    "ever",
    "because",
    "however",
    "whether",
];

/// the word table flag: the word is in [`STOPWORDS`].
pub const STOPWORD: u8 = 1;
/// the word table flag: the word is a cardinal or a scale word ([`numbers::CARDINALS`],
/// [`numbers::SCALES`]): a subject term is never a number word.
pub const NUMBER_WORD: u8 = 2;
/// the word table flag: the word is in [`NAME_JOINERS`], in some case (a name scan compares
/// only the words that have it).
pub const NAME_JOINER: u8 = 4;

/// [`STOPWORDS`] and the number words with their flags.
static WORD_TABLE: PackedWords<512> = word_table(STOPWORDS, numbers::CARDINALS, numbers::SCALES);

/// The table of [`word_flags`] over these lists.
pub const fn word_table<const SLOTS: usize>(
    stopwords: &[&str],
    cardinals: &[(&str, u32)],
    scales: &[(&str, f64)],
) -> PackedWords<SLOTS> {
    PackedWords::empty()
        .with_words(stopwords, STOPWORD)
        .with_keys(cardinals, NUMBER_WORD)
        .with_keys(scales, NUMBER_WORD)
        .with_words(NAME_JOINERS, NAME_JOINER)
}

/// The [`STOPWORD`], [`NUMBER_WORD`] and [`NAME_JOINER`] flags of the [`pack16`](crate::text::fold::pack16)ed word `p` (0 when it is in
/// neither list).
#[inline]
pub fn word_flags(p: u128) -> u8 {
    WORD_TABLE.flags(p)
}

/// [`is_stopword`] of the word lowercased as [`lower`](crate::text::fold::lower) would (ASCII
/// only): `false` for a non-ASCII word as for one `lower` refuses.
#[inline]
pub fn is_stopword_folded(w: &[u8]) -> bool {
    pack16_fast(w, true).is_some_and(|p| word_flags(p) & STOPWORD != 0)
}

/// [`is_stopword_folded`] of the word `text[start..end]`, read as one eight-byte load when it
/// is that short and eight bytes are there to load.
#[inline]
pub fn is_stopword_folded_in(text: &[u8], start: usize, end: usize) -> bool {
    let n = end - start;
    match text.get(start..start + 8) {
        Some(eight) if (1..=8).contains(&n) => {
            let mut b = [0u8; 8];
            b.copy_from_slice(eight);
            let lo = fold_swar(u64::from_le_bytes(b) & u64::MAX >> (64 - 8 * n));
            word_flags(u128::from(lo)) & STOPWORD != 0
        }
        _ => is_stopword_folded(&text[start..end]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::{lower, pack_buf, pack16};

    /// Every listed word, its case variants, prefixes, suffixes and neighbours, the ordinals
    /// and the words of the bundled corpus.
    fn probes() -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let numbers = numbers::CARDINALS.iter().map(|r| r.0);
        let scales = numbers::SCALES.iter().map(|r| r.0);
        let ordinals = numbers::ORDINALS.iter().map(|r| r.0);
        let others = STOPWORDS.iter().chain(numbers::ARTICLES).copied();
        for w in others.chain(numbers).chain(scales).chain(ordinals) {
            out.push(w.to_string());
            out.push(w.to_uppercase());
            let mut cap = w.to_string();
            cap[..1].make_ascii_uppercase();
            out.push(cap);
            for k in 0..w.len() {
                out.push(w[..k].to_string());
                out.push(w[k..].to_string());
            }
            for suffix in ["s", "e", "x", "’", "é", " ", ","] {
                out.push(format!("{w}{suffix}"));
            }
        }
        for entry in std::fs::read_dir("corpus").into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                out.extend(text.split(|c: char| !c.is_alphabetic()).map(str::to_string));
            }
        }
        assert!(out.len() > 5000, "the bundled corpus is missing");
        out
    }

    #[test]
    fn the_word_table_agrees_with_the_lists() {
        for w in probes() {
            let want_stop = STOPWORDS.contains(&w.as_str());
            assert_eq!(is_stopword(&w), want_stop, "{w:?}");
            let mut buf = [0u8; 24];
            let folded = lower(&w, &mut buf).is_some_and(|l| STOPWORDS.contains(&l));
            assert_eq!(is_stopword_folded(w.as_bytes()), folded, "{w:?}");
            let number = numbers::cardinal(&w).is_some() || numbers::scale(&w).is_some();
            let flags = pack16(w.as_bytes(), false).map_or(0, word_flags);
            assert_eq!(flags & NUMBER_WORD != 0, number, "{w:?}");
            assert_eq!(flags & STOPWORD != 0, want_stop, "{w:?}");
            let padded = format!("{w}   {w}        ");
            assert_eq!(
                is_stopword_folded_in(padded.as_bytes(), 0, w.len()),
                folded,
                "{w:?}"
            );
            let at = w.len() + 3;
            assert_eq!(
                is_stopword_folded_in(padded.as_bytes(), at, at + w.len()),
                folded,
                "{w:?}"
            );
            // At the end of the text, with no eight bytes to load.
            let end = format!("x{w}");
            assert_eq!(
                is_stopword_folded_in(end.as_bytes(), 1, end.len()),
                folded,
                "{w:?}"
            );
            if let Some(l) = lower(&w, &mut buf)
                && !l.is_empty()
                && l.len() <= 16
            {
                let mut b = [0u8; 24];
                b[..l.len()].copy_from_slice(l.as_bytes());
                assert_eq!(Some(pack_buf(&b)), pack16(w.as_bytes(), true), "{w:?}");
            }
        }
    }
}
