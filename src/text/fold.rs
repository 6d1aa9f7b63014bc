//! ASCII case folding and words packed into one integer. Lookups in the word tables take a
//! lowercase ASCII word; callers lowercase into a stack buffer, or fold eight or sixteen bytes
//! at once, so the hot path never allocates.

/// The longest word [`lower`] folds: no table word is longer.
pub const LONGEST_WORD: usize = 24;

/// Lowercase an ASCII word of at most [`LONGEST_WORD`] bytes into `buf`; `None` for anything
/// else (no table word is longer or non-ASCII).
pub fn lower<'b>(word: &str, buf: &'b mut [u8; LONGEST_WORD]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// [`pack16`] at run time: the bytes copied at once, and ASCII capitals lowercased eight at a
/// time ([`lower_ascii8`]).
#[inline]
pub fn pack16_fast(w: &[u8], lower: bool) -> Option<u128> {
    if w.is_empty() || w.len() > 16 {
        return None;
    }
    let p = pack_loaded(w);
    if !lower {
        return Some(p);
    }
    let (lo, _) = lower_ascii8(p as u64);
    let (hi, _) = lower_ascii8((p >> 64) as u64);
    Some(u128::from(hi) << 64 | u128::from(lo))
}

/// The bytes of `w` (1 to 16 of them) as one number, the first lowest, zero-padded: read with
/// two loads that overlap (the first and the last two, four or eight bytes), not byte by byte,
/// and not through a buffer (whose stores the read would wait on). The overlapping bytes are
/// the same bytes at the same places, so or-ing the two loads joins them.
#[inline(always)]
fn pack_loaded(w: &[u8]) -> u128 {
    let n = w.len();
    debug_assert!((1..=16).contains(&n));
    let load2 = |k: usize| u64::from(u16::from_le_bytes([w[k], w[k + 1]]));
    let load4 = |k: usize| u64::from(u32::from_le_bytes([w[k], w[k + 1], w[k + 2], w[k + 3]]));
    let load8 = |k: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&w[k..k + 8]);
        u64::from_le_bytes(b)
    };
    let (lo, hi) = match n {
        9.. => (load8(0), load8(n - 8) >> (8 * (16 - n))),
        8 => (load8(0), 0),
        4.. => (load4(0) | load4(n - 4) << (8 * (n - 4)), 0),
        2.. => (load2(0) | load2(n - 2) << (8 * (n - 2)), 0),
        _ => (u64::from(w[0]), 0),
    };
    u128::from(hi) << 64 | u128::from(lo)
}

/// The high bit of each byte of a `u64`.
pub const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `w` with their ASCII capitals lowercased (every other byte as it is),
/// and a mask with the high bit of each byte that was a capital. On the low seven bits of each
/// byte (bit 7 cleared first, so that no addition carries into the next byte), adding 0x3f
/// sets the high bit from 'A' (0x41) up and adding 0x25 from past 'Z' (0x5b) up.
#[inline(always)]
pub fn lower_ascii8(w: u64) -> (u64, u64) {
    const ONES: u64 = HIGH_BITS >> 7;
    let low = w & !HIGH_BITS;
    let capitals = (low + 0x3f * ONES) & !(low + 0x25 * ONES) & !w & HIGH_BITS;
    // 0x80 >> 2 is 0x20, the case bit.
    (w | capitals >> 2, capitals)
}

/// [`pack16`] (not lowercased) of the word at bytes `[start, end)` of `text`, read as one
/// 16-byte load from `text` and masked to the word when 16 bytes follow `start`: no copy
/// through a buffer, whose store the load would wait on. `None` for an empty word, one longer
/// than 16 bytes or one outside `text`.
#[inline]
pub fn pack16_in(text: &[u8], start: usize, end: usize) -> Option<u128> {
    let n = end.checked_sub(start)?;
    if n == 0 || n > 16 {
        return None;
    }
    let Some(wide) = start.checked_add(16).and_then(|e| text.get(start..e)) else {
        return pack16_fast(text.get(start..end)?, false);
    };
    let mut b = [0u8; 16];
    b.copy_from_slice(wide);
    let p = u128::from_le_bytes(b);
    Some(if n == 16 {
        p
    } else {
        p & ((1u128 << (8 * n)) - 1)
    })
}

/// A word of 1 to 16 bytes as one number: its bytes, the first lowest, zero-padded
/// (lowercased when `lower`). `None` for the empty word and longer ones.
#[inline]
pub const fn pack16(w: &[u8], lower: bool) -> Option<u128> {
    if w.is_empty() || w.len() > 16 {
        return None;
    }
    let (mut lo, mut hi) = (0u64, 0u64);
    let mut j = 0;
    while j < w.len() {
        let c = if lower {
            w[j].to_ascii_lowercase()
        } else {
            w[j]
        } as u64;
        if j < 8 {
            lo |= c << (8 * j);
        } else {
            hi |= c << (8 * (j - 8));
        }
        j += 1;
    }
    Some((hi as u128) << 64 | lo as u128)
}

/// [`pack16`] of `w` followed by the byte `suffix` ("third" + `s`): `None` when that is
/// longer than 16 bytes.
pub const fn pack16_with(w: &[u8], suffix: u8) -> Option<u128> {
    if w.len() >= 16 {
        return None;
    }
    match pack16(w, false) {
        Some(p) => Some(p | (suffix as u128) << (8 * w.len())),
        None => None,
    }
}

/// [`pack16`] of a lowercase word held zero padded in the first 16 bytes of `buf`.
#[inline]
pub fn pack_buf(buf: &[u8; LONGEST_WORD]) -> u128 {
    let mut b = [0u8; 16];
    b.copy_from_slice(&buf[..16]);
    u128::from_le_bytes(b)
}

/// ASCII capitals of the eight bytes of `x` lowercased, eight at a time; other bytes
/// (non-ASCII ones included) unchanged.
#[inline]
pub fn fold_swar(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = x & (0x7f * ONES);
    // The high bit of each byte: its low seven bits are at least 'A', above 'Z'.
    let from_a = low7 + (0x80 - u64::from(b'A')) * ONES;
    let past_z = low7 + (0x80 - u64::from(b'Z') - 1) * ONES;
    let capital = from_a & !past_z & !x & (0x80 * ONES);
    x | capital >> 2
}

#[cfg(test)]
mod tests {
    #[test]
    fn eight_bytes_lower_as_each_byte_does() {
        for c in 0u8..=255 {
            for at in 0..8 {
                let mut bytes = *b"kKz@[`{Z";
                bytes[at] = c;
                let (lowered, capitals) = lower_ascii8(u64::from_le_bytes(bytes));
                let want: Vec<u8> = bytes.iter().map(u8::to_ascii_lowercase).collect();
                assert_eq!(
                    lowered.to_le_bytes().as_slice(),
                    want.as_slice(),
                    "{c:#x} at {at}"
                );
                let caps: Vec<bool> = bytes.iter().map(u8::is_ascii_uppercase).collect();
                let got: Vec<bool> = capitals.to_le_bytes().iter().map(|&b| b == 0x80).collect();
                assert_eq!(got, caps, "{c:#x} at {at}");
            }
        }
    }

    use super::*;

    /// The run-time packing agrees with the compile-time one on every case of every byte, at
    /// every position and length.
    #[test]
    fn fast_packing_is_packing() {
        let mut words: Vec<Vec<u8>> = vec![vec![], vec![b'a'; 16], vec![b'a'; 17]];
        for c in 0..=255u8 {
            for n in 1..=16 {
                let mut w = b"MiXeD-CaSe'WoRdZ".to_vec();
                w.truncate(n);
                w[n - 1] = c;
                words.push(w.clone());
                w[0] = c;
                words.push(w);
            }
        }
        // Every byte distinct, so that a byte read into the wrong place shows.
        words.extend((1..=16u8).map(|n| (0..n).map(|k| b'A' + k).collect()));
        for w in &words {
            for lower in [false, true] {
                assert_eq!(pack16_fast(w, lower), pack16(w, lower), "{w:?} {lower}");
            }
        }
    }

    /// Packing a word in place reads no byte past it into the number, wherever it stands.
    #[test]
    fn packing_in_place_is_packing() {
        let text = b"The ministry said 1,200 acknowledgements were counted; a";
        for start in 0..=text.len() + 1 {
            for end in start..=text.len() + 2 {
                let want = text.get(start..end).and_then(|w| pack16(w, false));
                assert_eq!(pack16_in(text, start, end), want, "{start}..{end}");
            }
        }
        assert_eq!(pack16_in(text, 5, 4), None);
    }

    #[test]
    fn packing_with_a_suffix_is_packing_the_longer_word() {
        for w in ["third", "a", "fifteen", "fifteenthsixtee"] {
            let longer = format!("{w}s");
            assert_eq!(
                pack16_with(w.as_bytes(), b's'),
                pack16(longer.as_bytes(), false)
            );
        }
        assert_eq!(pack16_with(&[b'x'; 16], b's'), None);
    }

    #[test]
    fn fold_swar_lowercases_every_byte_as_to_ascii_lowercase() {
        for c in 0..=255u8 {
            for at in 0..8 {
                let x = u64::from(c) << (8 * at) | 0x4100_5a00_7a40_5b60 & !(0xff << (8 * at));
                let want = u64::from_le_bytes(x.to_le_bytes().map(|b| b.to_ascii_lowercase()));
                assert_eq!(fold_swar(x), want, "{c} at {at}");
            }
        }
    }
}
