//! Digit notations every language writes alike, read by the tokenizer: exponents ("1e10",
//! "1.3x10^6", "×10^-4") and Indian digit grouping ("12,34,567"); and the decimal digits of a
//! whole number, written without the formatting machinery (claim ids, JSON Lines numbers).

/// An exponent written right after the digits ending at `at` (the tokenizer asks): "e10",
/// "E+14", "e-1", "^23", "^-1", "^--23", "x10^6", "×10^-4". Returns the end of the exponent and
/// the value of `mantissa` with it. Nothing may be glued after the exponent's digits ("3e8f" is
/// an identifier), and "e" needs digits right after it (with at most one sign).
pub fn power_suffix(bytes: &[u8], at: usize, mantissa: f64) -> Option<(usize, f64)> {
    let digits_from = |k: usize| -> Option<(usize, f64)> {
        let mut e = k;
        while e < bytes.len() && bytes[e].is_ascii_digit() {
            e += 1;
        }
        if e == k || e - k > 3 {
            return None;
        }
        let v: f64 = std::str::from_utf8(&bytes[k..e]).ok()?.parse().ok()?;
        Some((e, v))
    };
    let signs = |mut k: usize| -> (usize, f64) {
        let mut sign = 1.0;
        while k < bytes.len() && matches!(bytes[k], b'+' | b'-') {
            if bytes[k] == b'-' {
                sign = -sign;
            }
            k += 1;
        }
        (k, sign)
    };
    let (end, value) = match bytes.get(at)? {
        b'e' | b'E' => {
            let (k, sign) = match bytes.get(at + 1)? {
                b'+' => (at + 2, 1.0),
                b'-' => (at + 2, -1.0),
                _ => (at + 1, 1.0),
            };
            let (e, x) = digits_from(k)?;
            (e, mantissa * 10f64.powf(sign * x))
        }
        b'^' => {
            let (k, sign) = signs(at + 1);
            if k > at + 3 {
                return None;
            }
            let (e, x) = digits_from(k)?;
            (e, mantissa.powf(sign * x))
        }
        _ => {
            // "x10^6", "×10^6" (U+00D7 is two bytes).
            let k = if bytes[at] == b'x' {
                at + 1
            } else if bytes[at..].starts_with("×".as_bytes()) {
                at + 2
            } else {
                return None;
            };
            if !bytes[k..].starts_with(b"10^") {
                return None;
            }
            let (k, sign) = signs(k + 3);
            let (e, x) = digits_from(k)?;
            (e, mantissa * 10f64.powf(sign * x))
        }
    };
    let glued_after = bytes
        .get(end)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80);
    (!glued_after && value.is_finite()).then_some((end, value))
}

/// Indian digit grouping after the leading digits `[i, j)`: one or two digits, then one or more
/// groups of two, then one group of three ("12,34,567", "1,50,000"). Returns the end of the
/// last group when the whole run is grouped that way and no digit follows.
pub fn indian_grouping(bytes: &[u8], i: usize, j: usize) -> Option<usize> {
    if !(1..=2).contains(&(j - i)) {
        return None;
    }
    let group = |k: usize, n: usize| -> bool {
        bytes.len() > k + n
            && bytes[k] == b','
            && bytes[k + 1..k + 1 + n].iter().all(u8::is_ascii_digit)
    };
    let mut k = j;
    let mut pairs = 0;
    while group(k, 2) && !bytes.get(k + 3).is_some_and(u8::is_ascii_digit) {
        k += 3;
        pairs += 1;
    }
    if pairs == 0 || !group(k, 3) || bytes.get(k + 4).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some(k + 4)
}

/// European digit grouping after the leading digits `[i, j)`: one to three digits, then one or
/// more groups of three after a dot, then a decimal comma with one or two digits ("1.111,11",
/// "12.500,5"). No English number reads that way: a decimal is never followed by a comma and
/// two digits. Returns where the decimal comma stands when the whole run is written that way
/// and no digit, nor another group, follows.
pub fn european_grouping(bytes: &[u8], i: usize, j: usize) -> Option<usize> {
    if !(1..=3).contains(&(j - i)) || bytes.get(j) != Some(&b'.') {
        return None;
    }
    let digits_at = |k: usize| {
        bytes[k.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut k = j;
    while bytes.get(k) == Some(&b'.') && digits_at(k + 1) == 3 {
        k += 4;
    }
    if k == j || bytes.get(k) != Some(&b',') {
        return None;
    }
    let decimals = digits_at(k + 1);
    let after = k + 1 + decimals;
    let more = matches!(bytes.get(after), Some(b',' | b'.')) && digits_at(after + 1) > 0;
    ((1..=2).contains(&decimals) && !more).then_some(k)
}

/// The decimal digits of `n`, written into the end of `buf` (room for any `u64`).
pub fn decimal(n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    let mut rest = n;
    loop {
        at -= 1;
        buf[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    &buf[at..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_digits_of_whole_numbers() {
        for n in [0, 7, 10, 4_500, u64::MAX] {
            let mut buf = [0u8; 20];
            assert_eq!(decimal(n, &mut buf), n.to_string().as_bytes());
        }
    }

    #[test]
    fn european_grouping_needs_groups_of_three_and_a_short_decimal_comma() {
        // (text, where the leading digits end, where the decimal comma stands)
        let cases: &[(&str, usize, Option<usize>)] = &[
            ("1.111,11", 1, Some(5)),
            ("12.500,5 euros", 2, Some(6)),
            ("1.234.567,89", 1, Some(9)),
            // A decimal, a version, a list, thousands after the comma: not European.
            ("1.5", 1, None),
            ("1.111", 1, None),
            ("1.11,11", 1, None),
            ("1.111,111", 1, None),
            ("1.111,11,12", 1, None),
            ("1.111,11.5", 1, None),
            ("1234.567,1", 4, None),
        ];
        for &(text, j, want) in cases {
            assert_eq!(european_grouping(text.as_bytes(), 0, j), want, "{text}");
        }
    }

    #[test]
    fn power_suffix_table() {
        // (text, where the mantissa ends, mantissa, expected (end, value))
        type Case<'a> = (&'a str, usize, f64, Option<(usize, f64)>);
        let cases: &[Case] = &[
            ("1e10", 1, 1.0, Some((4, 1e10))),
            ("12.32e+14", 5, 12.32, Some((9, 1.232e15))),
            ("12e-1", 2, 12.0, Some((5, 1.2))),
            ("1.1^23", 3, 1.1, Some((6, 1.1f64.powf(23.0)))),
            ("2.5^-1", 3, 2.5, Some((6, 0.4))),
            ("1.1^--23", 3, 1.1, Some((8, 1.1f64.powf(23.0)))),
            ("1.3x10^6", 3, 1.3, Some((8, 1.3e6))),
            ("6.23×10^-4", 4, 6.23, Some((11, 6.23e-4))),
            // Identifiers and words stay as they are.
            ("3e8f", 1, 3.0, None),
            ("5em", 1, 5.0, None),
            ("3x faster", 1, 3.0, None),
            ("4 e", 1, 4.0, None),
            ("10e", 2, 10.0, None),
        ];
        for &(text, at, mantissa, want) in cases {
            let got = power_suffix(text.as_bytes(), at, mantissa);
            match (got, want) {
                (Some((e, v)), Some((we, wv))) => {
                    assert_eq!(e, we, "{text}");
                    assert!((v - wv).abs() <= wv.abs() * 1e-12, "{text}: {v} vs {wv}");
                }
                (g, w) => assert_eq!(g, w, "{text}"),
            }
        }
    }

    #[test]
    fn indian_grouping_table() {
        // (text, end of the leading digits, expected end)
        let cases: &[(&str, usize, Option<usize>)] = &[
            ("12,34,567.89", 2, Some(9)),
            ("1,50,000 rupees", 1, Some(8)),
            ("1,234,567", 1, None),
            ("12,34", 2, None),
            ("1,3", 1, None),
            ("123,45,678", 3, None),
            ("12,34,5678", 2, None),
        ];
        for &(text, j, want) in cases {
            assert_eq!(indian_grouping(text.as_bytes(), 0, j), want, "{text}");
        }
    }
}
