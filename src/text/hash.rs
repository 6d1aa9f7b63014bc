//! A fast hasher for words and short keys: interned strings, stems, source ids, and the words
//! and shingles of copy detection.

/// A hasher for whole words that reads eight bytes at a step, not one: the interned
/// strings of every claim ([`crate::sym::Sym`]) and every word of copy detection's shingles
/// are hashed on the hot path, and a byte loop was most of their cost. Its values are never
/// written anywhere, and nothing read in their order depends on it (copy detection counts
/// the shingles two texts share), so it may change without changing any output.
#[derive(Default, Clone, Copy)]
pub struct WordHash;

pub struct WordHasher(u64);

/// The multiplier of the word hasher (rustc-hash's: odd, with well spread bits).
const WORD_MUL: u64 = 0xf135_7aea_2e62_a9c5;

/// The rotation `finish` applies, so that the well-mixed high bits of the product reach the low
/// bits a hash table indexes by (as rustc-hash 2 does).
const WORD_ROTATE: u32 = 26;

impl std::hash::BuildHasher for WordHash {
    type Hasher = WordHasher;
    fn build_hasher(&self) -> WordHasher {
        WordHasher(0)
    }
}

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0 ^ word).wrapping_mul(WORD_MUL);
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0.rotate_left(WORD_ROTATE)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            // The length keeps "ab" and "ab\0" apart.
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
}

#[cfg(test)]
mod tests {
    use super::WordHash;
    use std::hash::BuildHasher;

    #[test]
    fn word_hash_tells_apart_lengths_and_tails() {
        let h = |s: &str| WordHash.hash_one(s);
        let words = [
            "",
            "a",
            "ab",
            "ab\0",
            "officers",
            "officers1",
            "officers2",
            "officer",
        ];
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                assert_ne!(h(a), h(b), "{a:?} and {b:?}");
            }
        }
        assert_eq!(h("officer"), h(&String::from("officer")));
    }
}
