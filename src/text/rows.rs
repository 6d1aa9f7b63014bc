//! Look-ups in const row tables, whose first column is the word (or a list of words): the
//! tables stay plain data, one row per word or per unit, and every look-up reads them the same
//! way. Small tables are scanned; a long or hot one is read through its [`WordIndex`] or a
//! [`PackedWords`] set built from it at compile time.

use super::fold::pack16_fast;
use super::packed::{PackedWords, WordIndex};

/// The value of the row whose word is `key`.
#[inline]
pub fn find<T: Copy>(rows: &[(&str, T)], key: &str) -> Option<T> {
    rows.iter().find(|r| r.0 == key).map(|r| r.1)
}

/// The value of the first row whose words hold `key`.
#[inline]
pub fn find_in<T: Copy>(rows: &[(&[&str], T)], key: &str) -> Option<T> {
    rows.iter().find(|r| r.0.contains(&key)).map(|r| r.1)
}

/// The value of the row of `key` in `rows`, through the table's `index`.
#[inline]
pub fn indexed<K, T: Copy, const SLOTS: usize>(
    index: &WordIndex<SLOTS>,
    rows: &[(K, T)],
    key: &str,
) -> Option<T> {
    index.row(key).map(|i| rows[i].1)
}

/// Whether `key` is one of `words`.
#[inline]
pub fn has(words: &[&str], key: &str) -> bool {
    words.contains(&key)
}

/// The flags of `key` in the packed set `set` (0 when it is in none of its lists).
#[inline]
pub fn in_set_flags<const SLOTS: usize>(set: &PackedWords<SLOTS>, key: &str) -> u8 {
    pack16_fast(key.as_bytes(), false).map_or(0, |p| set.flags(p))
}

/// Whether `key` is in the packed set `set`.
#[inline]
pub fn in_set<const SLOTS: usize>(set: &PackedWords<SLOTS>, key: &str) -> bool {
    pack16_fast(key.as_bytes(), false).is_some_and(|p| set.contains(p))
}
