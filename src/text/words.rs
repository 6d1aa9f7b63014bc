//! Words of a whole text with their byte offsets, for the stages that read an article after
//! extraction (copies, names): a word is a run of letters and digits, in any script, that may
//! hold an apostrophe or a hyphen between two of them ("Al-Assad", "O'Neill", "Putin's").
//! Also the case folding those stages compare words by: lowercase, with the common Latin
//! diacritics taken off ("Müller" → "muller"), so folding knows no word of any language.

/// One word: its byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    /// The word's text.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Characters that join two letters into one word: apostrophes and hyphens.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑')
}

/// Every word of `text[from..to]`, in order. Read a byte at a time: a run of ASCII letters and
/// digits (most of a news text) is stepped over in one loop, and only a byte beyond ASCII is
/// decoded.
pub fn words_in(text: &str, from: usize, to: usize) -> Vec<Word> {
    let slice = &text[from..to];
    let bytes = slice.as_bytes();
    // About one word in six bytes of English.
    let mut out = Vec::with_capacity(slice.len() / 6);
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_alphanumeric() {
            start.get_or_insert(i);
            i += 1;
            while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            last_end = i;
            continue;
        }
        let Some((c, len)) = char_at(slice, i) else {
            break;
        };
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            last_end = i + len;
        } else {
            let next_joins = start.is_some()
                && is_joiner(c)
                && char_at(slice, i + len).is_some_and(|(n, _)| n.is_alphanumeric());
            if !next_joins && let Some(s) = start.take() {
                out.push(Word {
                    start: from + s,
                    end: from + last_end,
                });
            }
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(Word {
            start: from + s,
            end: from + last_end,
        });
    }
    out
}

/// The character of `s` at byte `i` (a char boundary) and its length in bytes.
#[inline(always)]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some((char::from(b), 1)),
        Some(_) => s[i..].chars().next().map(|c| (c, c.len_utf8())),
        None => None,
    }
}

/// Every word of `text`.
pub fn words(text: &str) -> Vec<Word> {
    words_in(text, 0, text.len())
}

/// Latin letters with diacritics, by the base letter they fold to.
const DIACRITICS: &[(&str, char)] = &[
    ("àáâãäåāăą", 'a'),
    ("çćč", 'c'),
    ("ďđ", 'd'),
    ("èéêëēĕėęě", 'e'),
    ("ğģ", 'g'),
    ("ìíîïĩīĭįı", 'i'),
    ("ķ", 'k'),
    ("ĺļľł", 'l'),
    ("ñńņň", 'n'),
    ("òóôõöøōŏő", 'o'),
    ("ŕŗř", 'r'),
    ("śşšș", 's'),
    ("ţťț", 't'),
    ("ùúûüũūŭůűų", 'u'),
    ("ŵ", 'w'),
    ("ýÿŷ", 'y'),
    ("źżž", 'z'),
];

/// A Latin letter with a diacritic → its base letter; anything else unchanged.
fn base_letter(c: char) -> char {
    DIACRITICS
        .iter()
        .find(|(from, _)| from.contains(c))
        .map_or(c, |&(_, base)| base)
}

/// Lowercase, without diacritics, apostrophes and hyphens kept: "Müller-Lüdenscheidt" →
/// "muller-ludenscheidt".
pub fn fold(word: &str) -> String {
    // Most words are ASCII: lowercased in one pass, not pushed a character at a time.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                out.push(base_letter(l));
            }
        }
    }
    out
}

/// True when the word starts with an uppercase letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(text: &str) -> Vec<&str> {
        words(text).iter().map(|w| w.of(text)).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        assert_eq!(
            list("Al-Assad's men — 20-month war, O’Neill said: 'yes'."),
            [
                "Al-Assad's",
                "men",
                "20-month",
                "war",
                "O’Neill",
                "said",
                "yes"
            ]
        );
        assert_eq!(list("  -- "), Vec::<&str>::new());
        assert_eq!(list("end-"), ["end"]);
    }

    /// The words as the character-at-a-time reading found them before the byte-driven one.
    fn words_by_chars(text: &str) -> Vec<Word> {
        let mut out = Vec::new();
        let mut it = text.char_indices().peekable();
        let (mut start, mut last_end) = (None, 0);
        while let Some((i, c)) = it.next() {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
                last_end = i + c.len_utf8();
                continue;
            }
            let joins = start.is_some()
                && is_joiner(c)
                && it.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
            if !joins && let Some(s) = start.take() {
                out.push(Word {
                    start: s,
                    end: last_end,
                });
            }
        }
        if let Some(s) = start {
            out.push(Word {
                start: s,
                end: last_end,
            });
        }
        out
    }

    #[test]
    fn reading_bytes_finds_the_words_reading_characters_does() {
        let texts = [
            "Al-Assad's men — 20-month war, O’Neill said: 'yes'.",
            "Ünal met Şahin in Zürich‑Nord; naïve café-au-lait, 1,500 km²",
            "end- -start ’tis a--b a'-b ab’ 日本語のテキスト 42ème",
            "x",
            "",
            "—",
            "a\u{301}b c\u{200b}d",
        ];
        for t in texts {
            assert_eq!(words(t), words_by_chars(t), "{t}");
        }
    }

    #[test]
    fn offsets_are_bytes_of_the_whole_text() {
        let t = "Ünal met Şahin";
        let w = words_in(t, 0, t.len());
        assert_eq!(w[2].of(t), "Şahin");
        let inner = words_in(t, 2, t.len()); // "Ü" is two bytes
        assert_eq!(inner[0].of(t), "nal");
    }

    #[test]
    fn folding_takes_off_case_and_diacritics() {
        assert_eq!(fold("Müller-Lüdenscheidt"), "muller-ludenscheidt");
        assert_eq!(fold("ŞAHIN"), "sahin");
        assert_eq!(fold("Temur"), "temur");
        assert_eq!(fold("AL-ASSAD'S"), "al-assad's");
        assert!(is_capitalized("Ünal") && !is_capitalized("ünal") && !is_capitalized("20th"));
    }
}
