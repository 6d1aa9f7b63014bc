//! The light English stemmer of subject terms: lowercase, no possessive, no plural, spelling
//! variants folded (-our → -or, -tre → -ter, -ise → -ize), common suffixes (-ing, -ed) removed,
//! so "kilometres"/"kilometers" and "Honour"/"Honor" meet. An ASCII word is stemmed on the
//! stack ([`Lowered`]); any other through a `String` ([`stem_general`]), with the same rules.

use super::words;
use crate::text::fold::{HIGH_BITS, LONGEST_WORD, lower_ascii8, pack_buf};

/// A light English stem: lowercase, no possessive, no plural, spelling variants folded
/// (-our → -or, -tre → -ter, -ise → -ize), common suffixes (-ing, -ed) removed.
pub fn stem(word: &str) -> String {
    match Lowered::new(word) {
        Some(mut w) => {
            let (n, keep) = w.stem();
            w.to_string(word, n, keep)
        }
        None => stem_general(word),
    }
}

/// [`stem`] for any word, through a `String` (what every word took before [`Lowered::stem`]).
pub fn stem_general(word: &str) -> String {
    let mut w = word.to_lowercase();
    // Every change below cuts a suffix in place (and appends a shorter one): one allocation.
    let cut = |w: &mut String, suffix: &str, with: &str| -> bool {
        if w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            w.push_str(with);
            true
        } else {
            false
        }
    };
    let _ = ["'s", "’s", "'", "’"].iter().any(|p| cut(&mut w, p, ""));
    if w.len() > 4 && !cut(&mut w, "ies", "y") {
        if w.ends_with("sses") || w.ends_with("ches") || w.ends_with("shes") || w.ends_with("xes") {
            w.truncate(w.len() - 2);
        } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")
        {
            w.truncate(w.len() - 1);
        }
    }
    if w.len() > 6 && !cut(&mut w, "ing", "") {
        cut(&mut w, "ed", "");
    }
    if w.len() > 4 && !cut(&mut w, "our", "or") && !cut(&mut w, "tre", "ter") {
        cut(&mut w, "ise", "ize");
    }
    w
}

/// An ASCII word of at most [`LONGEST_WORD`] bytes lowercased on the stack, zero padded (what
/// [`lower`](crate::text::fold::lower) reads), so that its stop-word test and its stem cost no
/// allocation and no UTF-8 check.
pub struct Lowered {
    buf: [u8; LONGEST_WORD],
    n: usize,
    /// The word as written has a capital letter.
    upper: bool,
}

/// A suffix of at most four bytes as `(bytes, mask)` over the big-endian value of a word's
/// last four bytes ([`tail`]).
const fn suffix(s: &[u8]) -> (u32, u32) {
    let mut v = 0u32;
    let mut i = 0;
    while i < s.len() {
        v = v << 8 | s[i] as u32;
        i += 1;
    }
    let mask = if s.len() >= 4 {
        u32::MAX
    } else {
        (1 << (8 * s.len())) - 1
    };
    (v, mask)
}

/// The last four bytes of `buf[..n]`, big-endian (fewer when `n < 4`, zero above them).
#[inline]
fn tail(buf: &[u8; LONGEST_WORD], n: usize) -> u32 {
    match buf[..n].last_chunk::<4>() {
        Some(&last) => u32::from_be_bytes(last),
        None => buf[..n].iter().fold(0, |t, &c| t << 8 | u32::from(c)),
    }
}

/// Whether the word `buf[..n]` with [`tail`] `t` ends with the `(bytes, mask)` [`suffix`] of
/// `len` bytes.
#[inline]
fn ends(t: u32, n: usize, (bytes, mask): (u32, u32), len: usize) -> bool {
    n >= len && t & mask == bytes
}

impl Lowered {
    /// `word` lowercased, when it is ASCII and at most [`LONGEST_WORD`] bytes long. The bytes
    /// are tested and lowercased eight at a time, not one by one.
    #[inline]
    pub fn new(word: &str) -> Option<Lowered> {
        let b = word.as_bytes();
        if b.len() > LONGEST_WORD {
            return None;
        }
        let mut buf = [0u8; LONGEST_WORD];
        buf[..b.len()].copy_from_slice(b);
        let (mut all, mut upper) = (0u64, 0u64);
        for chunk in buf.as_chunks_mut::<8>().0 {
            let w = u64::from_le_bytes(*chunk);
            let (lowered, capitals) = lower_ascii8(w);
            all |= w;
            upper |= capitals;
            *chunk = lowered.to_le_bytes();
        }
        (all & HIGH_BITS == 0).then_some(Lowered {
            buf,
            n: b.len(),
            upper: upper != 0,
        })
    }

    /// The word's length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether the word is empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The first `n` bytes of the buffer: after [`Lowered::stem`], the stem when `n` is the
    /// length it returned.
    #[inline]
    pub fn bytes(&self, n: usize) -> &[u8] {
        &self.buf[..n]
    }

    /// The [`STOPWORD`](words::STOPWORD) and [`NUMBER_WORD`](words::NUMBER_WORD) flags of the
    /// word.
    #[inline]
    pub fn flags(&self) -> u8 {
        if self.n == 0 || self.n > 16 {
            return 0;
        }
        words::word_flags(pack_buf(&self.buf))
    }

    /// [`stem`] in place: the stem is `buf[..n]` of the returned `(n, keep)`, and its first
    /// `keep` bytes are the lowered word's own (the rest was appended by a rule). Every rule
    /// cuts a suffix and appends one no longer, so the buffer never overflows. Suffixes are
    /// compared on the last four bytes as one integer.
    pub fn stem(&mut self) -> (usize, usize) {
        macro_rules! ends {
            ($t:expr, $n:expr, $s:literal) => {
                ends($t, $n, const { suffix($s) }, $s.len())
            };
        }
        let buf = &mut self.buf;
        let mut n = self.n;
        let mut t = tail(buf, n);
        // ASCII: of the possessive endings only "'s" and "'" can match.
        if ends!(t, n, b"'s") {
            n -= 2;
            t = tail(buf, n);
        } else if ends!(t, n, b"'") {
            n -= 1;
            t = tail(buf, n);
        }
        let mut keep = n;
        if n > 4 {
            if ends!(t, n, b"ies") {
                n -= 3;
                keep = n;
                buf[n] = b'y';
                n += 1;
            } else if ends!(t, n, b"sses")
                || ends!(t, n, b"ches")
                || ends!(t, n, b"shes")
                || ends!(t, n, b"xes")
            {
                n -= 2;
                keep = n;
            } else if ends!(t, n, b"s")
                && !ends!(t, n, b"ss")
                && !ends!(t, n, b"us")
                && !ends!(t, n, b"is")
            {
                n -= 1;
                keep = n;
            }
            t = tail(buf, n);
        }
        if n > 6 {
            if ends!(t, n, b"ing") {
                n -= 3;
            } else if ends!(t, n, b"ed") {
                n -= 2;
            }
            keep = keep.min(n);
            t = tail(buf, n);
        }
        if n > 4 {
            let with: &[u8] = if ends!(t, n, b"our") {
                b"or"
            } else if ends!(t, n, b"tre") {
                b"ter"
            } else if ends!(t, n, b"ise") {
                b"ize"
            } else {
                b""
            };
            if !with.is_empty() {
                n -= 3;
                keep = keep.min(n);
                buf[n..n + with.len()].copy_from_slice(with);
                n += with.len();
            }
        }
        (n, keep)
    }

    /// The stem `buf[..n]` as a slice of the word as written, when it is one: the word has no
    /// capital and the stem is its first `n` bytes (`keep == n`: no rule appended an ending).
    /// Most terms are, and need no copy and no UTF-8 check.
    #[inline]
    pub fn stem_of<'w>(&self, word: &'w str, n: usize, keep: usize) -> Option<&'w str> {
        if self.upper || keep != n {
            return None;
        }
        word.get(..n)
    }

    /// The stem `buf[..n]` as a `String`: the first `keep` bytes copied from the word as
    /// written (lowercased only if it has a capital), then the ending a rule appended.
    pub fn to_string(&self, word: &str, n: usize, keep: usize) -> String {
        let mut s = String::with_capacity(n);
        s.push_str(&word[..keep]);
        if self.upper {
            s.make_ascii_lowercase();
        }
        match &self.buf[keep..n] {
            b"" => {}
            b"y" => s.push('y'),
            b"or" => s.push_str("or"),
            b"ter" => s.push_str("ter"),
            b"ize" => s.push_str("ize"),
            other => s.extend(other.iter().map(|&c| char::from(c))),
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_fold_spelling_variants() {
        let cases = [
            ("kilometres", "kilometer"),
            ("kilometers", "kilometer"),
            ("Honour", "honor"),
            ("Honor", "honor"),
            ("countries", "country"),
            ("Putin's", "putin"),
            ("officers", "officer"),
            ("ratified", "ratifi"),
            ("status", "status"),
        ];
        for (w, want) in cases {
            assert_eq!(stem(w), want, "{w}");
        }
    }

    /// The eight-at-a-time lowercasing agrees with the byte one for every byte value in
    /// every position, and refuses any word with a byte beyond ASCII.
    #[test]
    fn words_are_lowered_eight_bytes_at_a_time() {
        for c in 0u8..=255 {
            for len in [1, 7, 8, 9, 16, 23, 24] {
                for at in [0, len / 2, len - 1] {
                    let mut bytes = vec![b'k'; len];
                    bytes[at] = c;
                    let Ok(word) = std::str::from_utf8(&bytes) else {
                        continue;
                    };
                    let got = Lowered::new(word);
                    if !c.is_ascii() {
                        assert!(got.is_none(), "{c:#x}");
                        continue;
                    }
                    let l = got.expect("an ASCII word of at most 24 bytes");
                    assert_eq!(l.bytes(len), word.to_ascii_lowercase().as_bytes(), "{c:#x}");
                    assert_eq!(l.bytes(LONGEST_WORD)[len..], [0u8; LONGEST_WORD][len..]);
                    assert_eq!(l.upper, c.is_ascii_uppercase(), "{c:#x}");
                }
            }
        }
        assert!(Lowered::new("Élysée").is_none());
        assert!(Lowered::new(&"a".repeat(LONGEST_WORD + 1)).is_none());
        let l = Lowered::new("AZaz@[`{").unwrap();
        assert_eq!(l.bytes(8), b"azaz@[`{");
    }

    /// The stem as a slice of the word, when there is one, is the stem in the buffer; words
    /// with a capital or an ending a rule appended have none.
    #[test]
    fn a_stem_slice_is_the_stem() {
        let words = [
            "officers",
            "Officers",
            "countries",
            "putin's",
            "ratified",
            "status",
            "honour",
            "kilometres",
            "marching",
            "boxes",
            "a",
            "",
            "crowds",
        ];
        let mut sliced = 0;
        for w in words {
            let Some(mut l) = Lowered::new(w) else {
                continue;
            };
            let (n, keep) = l.stem();
            let want = std::str::from_utf8(l.bytes(n)).unwrap();
            if let Some(s) = l.stem_of(w, n, keep) {
                assert_eq!(s, want, "{w}");
                sliced += 1;
            }
        }
        assert!(sliced >= 5, "{sliced}");
        let mut l = Lowered::new("Officers").unwrap();
        let (n, keep) = l.stem();
        assert_eq!(l.stem_of("Officers", n, keep), None);
        let mut l = Lowered::new("countries").unwrap();
        let (n, keep) = l.stem();
        assert_eq!(l.stem_of("countries", n, keep), None);
    }
}
