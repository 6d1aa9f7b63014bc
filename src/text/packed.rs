//! Compile-time word tables: words of at most sixteen bytes packed into one integer each
//! ([`super::fold::pack16`]) in an open-addressing table with a flag byte per word, and a
//! sieve of word shapes (length, first and last letter) that rejects most words with three
//! table look-ups and no hashing. Both are built by `const fn`s from the word lists they are
//! given, so a table is always exactly its lists: adding a word to a list adds it here.

use super::fold::{pack16, pack16_fast, pack16_in, pack16_with};

/// Slots for a table of `n` words: a power of two, at least twice `n`.
pub const fn slots_for(n: usize) -> usize {
    (2 * n).next_power_of_two()
}

/// An open-addressing table of `SLOTS` packed words (0 is an empty slot), each slot holding its
/// word and the word's value side by side: a look-up that finds its word reads one cache line,
/// not one in an array of keys and another in an array of values. The key is kept as two
/// `u64`s so that a slot is aligned to 8 bytes, not 16 (24 bytes with any value up to 8).
struct Slots<const SLOTS: usize, V: Copy> {
    entries: [Entry<V>; SLOTS],
    used: usize,
}

#[derive(Clone, Copy)]
struct Entry<V: Copy> {
    key: [u64; 2],
    value: V,
}

/// A packed word as the two halves a slot keeps.
#[inline(always)]
const fn halves(p: u128) -> [u64; 2] {
    [p as u64, (p >> 64) as u64]
}

impl<const SLOTS: usize, V: Copy> Slots<SLOTS, V> {
    /// The table of no word, every value `zero`.
    const fn new(zero: V) -> Self {
        assert!(SLOTS.is_power_of_two());
        Slots {
            entries: [Entry {
                key: [0, 0],
                value: zero,
            }; SLOTS],
            used: 0,
        }
    }

    const fn slot(p: u128) -> usize {
        let h = (p as u64 ^ (p >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> (64 - SLOTS.trailing_zeros())) as usize
    }

    // Both halves are compared without a branch between them: a look-up's branches should
    // be on the slot, not on the bytes of a word.
    const fn is_empty(k: [u64; 2]) -> bool {
        k[0] | k[1] == 0
    }

    const fn same(k: [u64; 2], p: [u64; 2]) -> bool {
        (k[0] ^ p[0]) | (k[1] ^ p[1]) == 0
    }

    /// The slot of the packed word `p`, taken for it if it had none, and whether it is new.
    const fn claim(&mut self, p: u128) -> (usize, bool) {
        let h = halves(p);
        let mut s = Self::slot(p);
        while !Self::is_empty(self.entries[s].key) && !Self::same(self.entries[s].key, h) {
            s = (s + 1) % SLOTS;
        }
        let new = Self::is_empty(self.entries[s].key);
        if new {
            self.used += 1;
            assert!(
                self.used * 2 <= SLOTS,
                "a packed table is more than half full"
            );
            self.entries[s].key = h;
        }
        (s, new)
    }

    /// The value of the packed word `p`, if it has a slot.
    #[inline]
    fn find(&self, p: u128) -> Option<V> {
        let h = halves(p);
        let mut s = Self::slot(p);
        loop {
            let e = &self.entries[s];
            // One branch per slot, taken on the word's slot and on an empty one alike (whether
            // the word is known is data, not a pattern a branch can learn).
            let same = Self::same(e.key, h);
            if same | Self::is_empty(e.key) {
                return same.then_some(e.value);
            }
            s = (s + 1) % SLOTS;
        }
    }
}

/// Words of at most 16 bytes, packed by [`pack16`] into an open-addressing table of `SLOTS`
/// (a power of two, at least twice the words) built at compile time, each with the flags of
/// the lists it came from: a look-up hashes the packed word and compares one or two numbers.
pub struct PackedWords<const SLOTS: usize> {
    slots: Slots<SLOTS, u8>,
}

impl<const SLOTS: usize> PackedWords<SLOTS> {
    /// The table of no word.
    pub const fn empty() -> Self {
        PackedWords {
            slots: Slots::new(0),
        }
    }

    /// The words of each list with that list's flag (each word 1 to 16 bytes; a word in
    /// several lists gets each list's flag).
    pub const fn new(lists: &[(&[&str], u8)]) -> Self {
        let mut t = Self::empty();
        let mut l = 0;
        while l < lists.len() {
            t = t.with_words(lists[l].0, lists[l].1);
            l += 1;
        }
        t
    }

    /// This table with `words` added under `flag`.
    pub const fn with_words(mut self, words: &[&str], flag: u8) -> Self {
        let mut k = 0;
        while k < words.len() {
            self = self.with_word(words[k], flag);
            k += 1;
        }
        self
    }

    /// This table with the words of the first column of `rows` added under `flag`.
    pub const fn with_keys<T>(mut self, rows: &[(&str, T)], flag: u8) -> Self {
        let mut k = 0;
        while k < rows.len() {
            self = self.with_word(rows[k].0, flag);
            k += 1;
        }
        self
    }

    /// This table with every word of the first column of `rows` added under `flag`.
    pub const fn with_aliases<T>(mut self, rows: &[(&[&str], T)], flag: u8) -> Self {
        let mut k = 0;
        while k < rows.len() {
            self = self.with_words(rows[k].0, flag);
            k += 1;
        }
        self
    }

    /// This table with `word` added under `flag`. A word that cannot be packed (empty, or
    /// longer than 16 bytes) is an error, at compile time for a static table.
    pub const fn with_word(self, word: &str, flag: u8) -> Self {
        let p = pack16(word.as_bytes(), false);
        assert!(p.is_some(), "a table word is empty or longer than 16 bytes");
        self.with_packed(p, flag)
    }

    /// This table with the word packed as `p` added under `flag` (nothing for `None`, a word
    /// too long to pack).
    pub const fn with_packed(mut self, p: Option<u128>, flag: u8) -> Self {
        if let Some(p) = p {
            let (s, _) = self.slots.claim(p);
            self.slots.entries[s].value |= flag;
        }
        self
    }

    /// The flags of the packed word `p`: 0 when it is in no list.
    #[inline]
    pub fn flags(&self, p: u128) -> u8 {
        self.slots.find(p).unwrap_or(0)
    }

    /// Whether the packed word `p` is in any list.
    #[inline]
    pub fn contains(&self, p: u128) -> bool {
        self.flags(p) != 0
    }
}

/// Words of at most 16 bytes, packed by [`pack16`] into an open-addressing table of `SLOTS`
/// built at compile time, each with 64 bits of payload: class bits OR'd from the lists it is
/// in, and the rows of tables it heads, so that one look-up answers every question a scan asks
/// of a word. The sieve of their shapes ([`WordShapes`]) answers most other words without
/// hashing ([`PackedBits::bits_of`]).
pub struct PackedBits<const SLOTS: usize> {
    slots: Slots<SLOTS, u64>,
    shapes: WordShapes,
}

impl<const SLOTS: usize> PackedBits<SLOTS> {
    /// The table of no word.
    pub const fn empty() -> Self {
        PackedBits {
            slots: Slots::new(0),
            shapes: WordShapes::empty(),
        }
    }

    const fn slot_of(&mut self, word: &str) -> usize {
        let Some(p) = pack16(word.as_bytes(), false) else {
            panic!("a table word is empty or longer than 16 bytes");
        };
        self.shapes.add(word.as_bytes());
        self.slots.claim(p).0
    }

    /// The slot of `word` read in any case (its ASCII capitals lowercased), as a word the
    /// table is asked in any case ([`PackedBits::bits_of_any_case`]) finds it.
    const fn slot_of_any_case(&mut self, word: &str) -> usize {
        let w = word.as_bytes();
        let Some(p) = pack16(w, true) else {
            panic!("a table word is empty or longer than 16 bytes");
        };
        if let [first, .., last] = *w {
            self.shapes.add_shape(
                w.len(),
                first.to_ascii_lowercase(),
                last.to_ascii_lowercase(),
            );
        }
        self.slots.claim(p).0
    }

    /// This table with the word of each row of `rows`, read in any case ("USD" as "usd"),
    /// given the bits `bits`.
    pub const fn with_keys_any_case<T>(mut self, rows: &[(&str, T)], bits: u64) -> Self {
        let mut k = 0;
        while k < rows.len() {
            let s = self.slot_of_any_case(rows[k].0);
            self.slots.entries[s].value |= bits;
            k += 1;
        }
        self
    }

    /// This table with every word of `words`, read in any case, given the bits `bits`.
    pub const fn with_words_any_case(mut self, words: &[&str], bits: u64) -> Self {
        let mut k = 0;
        while k < words.len() {
            let s = self.slot_of_any_case(words[k]);
            self.slots.entries[s].value |= bits;
            k += 1;
        }
        self
    }

    /// This table with every word of `words` given the bits `bits`.
    pub const fn with_words(mut self, words: &[&str], bits: u64) -> Self {
        let mut k = 0;
        while k < words.len() {
            let s = self.slot_of(words[k]);
            self.slots.entries[s].value |= bits;
            k += 1;
        }
        self
    }

    /// This table with the word of each row of `rows` given the bits `bits`.
    pub const fn with_keys<T>(mut self, rows: &[(&str, T)], bits: u64) -> Self {
        let mut k = 0;
        while k < rows.len() {
            let s = self.slot_of(rows[k].0);
            self.slots.entries[s].value |= bits;
            k += 1;
        }
        self
    }

    /// This table with the first word of each list of `lists` given the bits `bits` (the words
    /// a phrase of the lists may start on).
    pub const fn with_heads(mut self, lists: &[&[&str]], bits: u64) -> Self {
        let mut k = 0;
        while k < lists.len() {
            if !lists[k].is_empty() {
                let s = self.slot_of(lists[k][0]);
                self.slots.entries[s].value |= bits;
            }
            k += 1;
        }
        self
    }

    /// This table with every word of the first column of `rows` (a list of words each) given
    /// the bits `bits`.
    pub const fn with_aliases<T>(mut self, rows: &[(&[&str], T)], bits: u64) -> Self {
        let mut k = 0;
        while k < rows.len() {
            self = self.with_words(rows[k].0, bits);
            k += 1;
        }
        self
    }

    /// This table with `word` followed by the byte `suffix` ("third" + `s`) given the bits
    /// `bits`; nothing when that is longer than 16 bytes.
    pub const fn with_suffixed(mut self, word: &str, suffix: u8, bits: u64) -> Self {
        let w = word.as_bytes();
        if let Some(p) = pack16_with(w, suffix) {
            self.shapes.add_shape(w.len() + 1, w[0], suffix);
            let s = self.slots.claim(p).0;
            self.slots.entries[s].value |= bits;
        }
        self
    }

    /// This table with the word of each row of `rows` given its row number plus one, shifted
    /// left by `shift` (at most `mask` rows).
    pub const fn with_rows<T>(mut self, rows: &[(&str, T)], shift: u32, mask: u64) -> Self {
        assert!(
            rows.len() < mask as usize,
            "too many rows for the bits given them"
        );
        let mut k = 0;
        while k < rows.len() {
            let s = self.slot_of(rows[k].0);
            if self.slots.entries[s].value >> shift & mask == 0 {
                self.slots.entries[s].value |= ((k + 1) as u64) << shift;
            }
            k += 1;
        }
        self
    }

    /// The bits of the word packed as `p`: 0 when it is in no list.
    #[inline]
    pub fn bits(&self, p: u128) -> u64 {
        self.slots.find(p).unwrap_or(0)
    }

    /// The bits of the word `w` (its lowercase bytes): [`PackedBits::bits`], looked up only
    /// when some word of the table has its shape.
    #[inline]
    pub fn bits_of(&self, w: &[u8]) -> u64 {
        if !self.shapes.may_hold(w) {
            return 0;
        }
        pack16_fast(w, false).map_or(0, |p| self.bits(p))
    }

    /// [`PackedBits::bits_of`] the word `w` in any case (its ASCII capitals read lowercase).
    #[inline]
    pub fn bits_of_any_case(&self, w: &[u8]) -> u64 {
        match (w.first(), w.last()) {
            (Some(&first), Some(&last))
                if self.shapes.may_hold_shape(
                    w.len(),
                    first.to_ascii_lowercase(),
                    last.to_ascii_lowercase(),
                ) =>
            {
                pack16_fast(w, true).map_or(0, |p| self.bits(p))
            }
            _ => 0,
        }
    }

    /// [`PackedBits::bits_of`] the lowercase word of `n` bytes (1 to 16) packed as `p` (as
    /// [`pack16`] packs it, the first byte lowest): its shape is read from `p`, no bytes.
    #[inline]
    pub fn bits_of_packed(&self, p: u128, n: usize) -> u64 {
        let (first, last) = (p as u8, (p >> (8 * (n - 1))) as u8);
        if self.shapes.may_hold_shape(n, first, last) {
            self.bits(p)
        } else {
            0
        }
    }

    /// [`PackedBits::bits_of_packed`] of a word of at most eight bytes.
    #[inline]
    pub fn bits_of_short(&self, p: u64, n: usize) -> u64 {
        let (first, last) = (p as u8, (p >> (8 * (n - 1))) as u8);
        if self.shapes.may_hold_shape(n, first, last) {
            self.bits(u128::from(p))
        } else {
            0
        }
    }

    /// [`PackedBits::bits_of`] the word at bytes `[start, end)` of `text` (lowercase), packed
    /// in place ([`pack16_in`]). 0 for a word outside `text`.
    #[inline]
    pub fn bits_in(&self, text: &[u8], start: usize, end: usize) -> u64 {
        match text.get(start..end) {
            Some(w) if self.shapes.may_hold(w) => {
                pack16_in(text, start, end).map_or(0, |p| self.bits(p))
            }
            _ => 0,
        }
    }
}

/// The rows of a table by word: each word of a table's first column (a word, or a list of
/// words) packed into an open-addressing table of `SLOTS` with the index of the first row it
/// is in. Built at compile time from the table itself, so a look-up is one hash and one or two
/// comparisons however long the table grows.
pub struct WordIndex<const SLOTS: usize> {
    slots: Slots<SLOTS, u16>,
}

impl<const SLOTS: usize> WordIndex<SLOTS> {
    /// The index of no word.
    pub const fn empty() -> Self {
        WordIndex {
            slots: Slots::new(0),
        }
    }

    /// The index of a table whose rows begin with their word.
    pub const fn of_keys<T>(rows: &[(&str, T)]) -> Self {
        let mut t = Self::empty();
        let mut k = 0;
        while k < rows.len() {
            t.insert(rows[k].0, k);
            k += 1;
        }
        t
    }

    /// The index of a list of words: each word's row is its position in the list.
    pub const fn of_words(words: &[&str]) -> Self {
        let mut t = Self::empty();
        let mut k = 0;
        while k < words.len() {
            t.insert(words[k], k);
            k += 1;
        }
        t
    }

    /// The index of a table whose rows begin with a list of words.
    pub const fn of_aliases<T>(rows: &[(&[&str], T)]) -> Self {
        let mut t = Self::empty();
        let mut k = 0;
        while k < rows.len() {
            let mut a = 0;
            while a < rows[k].0.len() {
                t.insert(rows[k].0[a], k);
                a += 1;
            }
            k += 1;
        }
        t
    }

    const fn insert(&mut self, word: &str, row: usize) {
        let Some(p) = pack16(word.as_bytes(), false) else {
            panic!("a table word is empty or longer than 16 bytes");
        };
        assert!(row <= u16::MAX as usize);
        let (s, new) = self.slots.claim(p);
        if new {
            self.slots.entries[s].value = row as u16;
        }
    }

    /// The row of the word `w`, if the table has it.
    #[inline]
    pub fn row(&self, w: &str) -> Option<usize> {
        let p = pack16_fast(w.as_bytes(), false)?;
        self.row_packed(p)
    }

    /// The row of the word packed as `p` (by [`pack16`], lowercase), if the table has it.
    #[inline]
    pub fn row_packed(&self, p: u128) -> Option<usize> {
        self.slots.find(p).map(usize::from)
    }
}

/// The longest word [`WordShapes`] holds.
pub const LONGEST_SHAPE: usize = 12;

/// For each (length, first letter): a bit per last letter of the words of that shape (lowercase
/// words of 2 to [`LONGEST_SHAPE`] letters).
pub struct WordShapes([[u32; 26]; LONGEST_SHAPE + 1]);

impl WordShapes {
    /// Whether some word of length `n` begins with `first` and ends with `last` (lowercase):
    /// a necessary condition for being one of the words.
    #[inline]
    pub fn contains(&self, n: usize, first: u8, last: u8) -> bool {
        (2..=LONGEST_SHAPE).contains(&n)
            && first.is_ascii_lowercase()
            && last.is_ascii_lowercase()
            && self.0[n][(first - b'a') as usize] & (1 << (last - b'a')) != 0
    }

    /// Whether the word `w` (lowercase bytes) may be one of the words: false only when it has
    /// a shape the sieve holds (2 to [`LONGEST_SHAPE`] bytes, a lowercase ASCII letter at
    /// either end) and no word has that shape. Words of other shapes are never sieved out.
    #[inline]
    pub fn may_hold(&self, w: &[u8]) -> bool {
        match (w.first(), w.last()) {
            (Some(&first), Some(&last)) => self.may_hold_shape(w.len(), first, last),
            _ => true,
        }
    }

    /// [`WordShapes::may_hold`] of a word of `n` bytes (lowercase) that begins with `first`
    /// and ends with `last`.
    #[inline]
    pub fn may_hold_shape(&self, n: usize, first: u8, last: u8) -> bool {
        !((2..=LONGEST_SHAPE).contains(&n)
            && first.is_ascii_lowercase()
            && last.is_ascii_lowercase())
            || self.0[n][(first - b'a') as usize] & (1 << (last - b'a')) != 0
    }

    /// The sieve of no word.
    pub const fn empty() -> WordShapes {
        WordShapes([[0u32; 26]; LONGEST_SHAPE + 1])
    }

    /// Add the shape of the word `b` (nothing for a word of a shape the sieve does not hold).
    pub const fn add(&mut self, b: &[u8]) {
        if let [first, .., last] = *b {
            self.add_shape(b.len(), first, last);
        }
    }

    /// Add the shape of a word of `n` bytes that begins with `first` and ends with `last`.
    pub const fn add_shape(&mut self, n: usize, first: u8, last: u8) {
        if n >= 2 && n <= LONGEST_SHAPE && first.is_ascii_lowercase() && last.is_ascii_lowercase() {
            self.0[n][(first - b'a') as usize] |= 1 << (last - b'a');
        }
    }

    /// The shapes of `words`.
    pub const fn of(words: &[&str]) -> WordShapes {
        let mut t = WordShapes::empty();
        let mut k = 0;
        while k < words.len() {
            t.add(words[k].as_bytes());
            k += 1;
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERS: &[(&str, u32)] = &[("one", 1), ("two", 2)];
    static TABLE: PackedWords<16> = PackedWords::empty()
        .with_words(&["the", "a"], 1)
        .with_keys(NUMBERS, 2)
        .with_words(&["one"], 4);

    #[test]
    fn flags_come_from_every_list_of_a_word() {
        let flags = |w: &str| pack16(w.as_bytes(), false).map_or(0, |p| TABLE.flags(p));
        assert_eq!(flags("the"), 1);
        assert_eq!(flags("one"), 2 | 4);
        assert_eq!(flags("two"), 2);
        assert_eq!(flags("three"), 0);
        assert_eq!(flags("On"), 0);
    }

    #[test]
    fn an_index_finds_the_first_row_of_a_word() {
        const UNITS: &[(&[&str], u32)] = &[(&["km", "kms"], 1), (&["mi", "km"], 2)];
        static INDEX: WordIndex<8> = WordIndex::of_aliases(UNITS);
        assert_eq!(INDEX.row("kms"), Some(0));
        assert_eq!(INDEX.row("km"), Some(0));
        assert_eq!(INDEX.row("mi"), Some(1));
        assert_eq!(INDEX.row("m"), None);
        assert_eq!(INDEX.row(""), None);
        assert_eq!(INDEX.row("kilometres-and-more"), None);
    }

    #[test]
    fn packed_bits_sieve_only_words_of_a_shape_they_lack() {
        static BITS: PackedBits<16> = PackedBits::empty()
            .with_words(&["said", "a", "u.s.", "acknowledgements"], 1)
            .with_words(&["says"], 2);
        for w in ["said", "a", "u.s.", "acknowledgements"] {
            assert_eq!(BITS.bits_of(w.as_bytes()), 1, "{w}");
        }
        assert_eq!(BITS.bits_of(b"says"), 2);
        let text = b"he says u.s. said";
        assert_eq!(BITS.bits_in(text, 3, 7), 2);
        assert_eq!(BITS.bits_in(text, 8, 12), 1);
        assert_eq!(BITS.bits_in(text, 13, 17), 1);
        assert_eq!(BITS.bits_in(text, 13, 18), 0);
        assert_eq!(BITS.bits_in(text, 0, 2), 0);
        assert_eq!(BITS.bits_of(b"sand"), 0);
        assert_eq!(BITS.bits_of(b"b"), 0);
        assert_eq!(BITS.bits_of(b""), 0);
        assert!(BITS.shapes.may_hold(b"u.k.") && !BITS.shapes.may_hold(b"tilt"));
    }

    #[test]
    fn words_added_in_any_case_are_found_in_any_case() {
        const CODES: &[(&str, u8)] = &[("USD", 1), ("Rs", 2)];
        static BITS: PackedBits<16> = PackedBits::empty()
            .with_keys_any_case(CODES, 1)
            .with_words_any_case(&["U"], 2)
            .with_words(&["usd"], 4);
        for w in ["USD", "usd", "Usd", "uSD"] {
            assert_eq!(BITS.bits_of_any_case(w.as_bytes()), 1 | 4, "{w}");
        }
        for w in ["Rs", "rs", "RS", "rS"] {
            assert_eq!(BITS.bits_of_any_case(w.as_bytes()), 1, "{w}");
        }
        assert_eq!(BITS.bits_of_any_case(b"u"), 2);
        assert_eq!(BITS.bits_of(b"rs"), 1);
        assert_eq!(BITS.bits_of_any_case(b"USDA"), 0);
        assert_eq!(BITS.bits_of_any_case(b"r"), 0);
    }

    #[test]
    fn shapes_hold_their_words() {
        let s = WordShapes::of(&["one", "twelve", "a"]);
        assert!(s.contains(3, b'o', b'e') && s.contains(6, b't', b'e'));
        assert!(!s.contains(3, b't', b'e') && !s.contains(1, b'a', b'a'));
    }
}
