//! Fact identity: what names a fact across runs, computed from its claims alone. The baseline
//! stores it, `compare` attaches it to every fact, the reports print it.
//!
//! A fingerprint is `v1:` and the first 16 hex digits of the SHA-256 of a canonical text made of
//! the fact's kind, its subject terms (the stemmed terms at least half of its sources use,
//! sorted) and its sorted, deduplicated `(source id, normalized value)` pairs. Nothing in it is
//! a position, so editing an unrelated paragraph, moving paragraphs or reflowing an article
//! changes no fingerprint; a new value or a new source does. The value-free *fact key* (kind,
//! terms, source ids) recognises a fact whose values changed.
//!
//! A name spelled differently across sources ([`crate::names`]) is fingerprinted the same way
//! ([`name_fingerprint`]): its kind and its sorted, deduplicated `(source id, spelling)` pairs,
//! so `baseline accept` can record a variant editors accept and `check --deny-variants` fails
//! only on a new one (a new spelling, or a source that spells it in a way of its own).

use crate::calendar::Ymd;
use crate::claim::{Claim, Dimension, Kind, Sym};
use crate::names::NameGroup;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// Version of the fingerprint recipe; it prefixes every fingerprint.
pub const FINGERPRINT_VERSION: &str = "v1";
/// Hex digits of the SHA-256 kept in a fingerprint (64 bits).
const FINGERPRINT_HEX: usize = 16;
/// Whole numbers below this magnitude are written as integers (`4500`, not `4500.0`): every
/// integer up to 2^53 (about 9.007e15) is exact in an `f64`.
const WHOLE_MAX: f64 = 9.0e15;

/// What identifies a fact across runs, computed from its claims alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// `v1:` + hex: kind, terms and every (source, value) pair. A [`Sym`], held inline: every
    /// fact kept of an archive (some 240,000 at 100,000 articles) holds two of these.
    pub fingerprint: Sym,
    /// `v1:` + hex: kind, terms and the source ids, without values.
    pub fact_key: Sym,
    /// The kind of every claim of the fact.
    pub kind: Kind,
    /// Sorted, deduplicated subject terms the group's sources share: the claims' shared
    /// symbols, not copies of their own.
    pub terms: Vec<Sym>,
    /// Its `(source id, normalized value)` pairs ([`value_pairs`]) when they cannot be worked
    /// out again from the comparison that holds the fact (a fact carried over from a
    /// comparison under other settings); `None`: ask [`value_pairs`] of its claims.
    pub pairs: Option<Vec<(String, String)>>,
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(digest.len() * 2);
    for b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out
}

fn short_hash(text: &str) -> Sym {
    let hex = sha256_hex(text.as_bytes());
    Sym::unique_joined(&[FINGERPRINT_VERSION, ":", &hex[..FINGERPRINT_HEX]])
}

/// `v` as an integer when it is a whole number small enough to be exact: how the fingerprint
/// and the JSON document write whole values.
pub fn as_whole(v: f64) -> Option<i64> {
    (v.fract() == 0.0 && v.abs() < WHOLE_MAX).then_some(v as i64)
}

/// The subject terms of a group: those used by at least half of its sources (rounded up), or,
/// when no term reaches that, those used by the most sources.
pub fn subject_terms(claims: &[&Claim]) -> Vec<Sym> {
    let mut by_source: BTreeMap<&str, BTreeSet<&Sym>> = BTreeMap::new();
    for c in claims {
        let set = by_source.entry(c.source.as_str()).or_default();
        set.extend(c.subject.terms.iter());
    }
    let mut count: BTreeMap<&Sym, usize> = BTreeMap::new();
    for terms in by_source.values() {
        for t in terms {
            *count.entry(t).or_default() += 1;
        }
    }
    let Some(&most) = count.values().max() else {
        return Vec::new();
    };
    let need = by_source.len().div_ceil(2).min(most).max(1);
    count
        .into_iter()
        .filter(|&(_, n)| n >= need)
        .map(|(t, _)| t.clone())
        .collect()
}

/// A number in the canonical text: an integer when whole, else Rust's shortest round-trip form.
fn canonical_number(v: f64) -> String {
    match as_whole(v) {
        Some(n) => n.to_string(),
        None => format!("{v}"),
    }
}

/// A claim's value as the fingerprint sees it: the stated interval in the canonical unit
/// (`123..123 countries`, `2023-10-12..2023-10-13`, `4500..* people`), without the
/// rounding tolerance (a setting) or the words around it.
pub fn normalized_value(c: &Claim) -> String {
    if c.value.lo().is_none()
        && c.value.hi().is_none()
        && let Some(p) = c.date.as_ref().and_then(|d| d.partial.as_ref())
    {
        return format!("partial {p}");
    }
    let end = |v: Option<f64>| match v {
        None => "*".to_string(),
        Some(v) if c.dimension == Dimension::Time => Ymd::from_days(v as i64).to_string(),
        Some(v) => canonical_number(v),
    };
    let body = format!("{}..{}", end(c.value.lo()), end(c.value.hi()));
    if c.unit.is_empty() {
        body
    } else {
        format!("{body} {}", c.unit)
    }
}

/// The identity of the fact a group of claims states.
pub fn identity(kind: Kind, claims: &[&Claim]) -> Identity {
    let terms = subject_terms(claims);
    let pairs = value_pairs(claims);
    let sources: BTreeSet<&str> = pairs.iter().map(|(s, _)| s.as_str()).collect();
    let mut head = format!(
        "claims-fact {FINGERPRINT_VERSION}\nkind {kind}\nterms {}\n",
        terms.join(" ")
    );
    let mut key = head.clone();
    for s in &sources {
        key.push_str(&format!("source {s}\n"));
    }
    for (s, v) in &pairs {
        head.push_str(&format!("value {s} {v}\n"));
    }
    Identity {
        fingerprint: short_hash(&head),
        fact_key: short_hash(&key),
        kind,
        terms,
        pairs: None,
    }
}

/// The sorted, deduplicated `(source id, normalized value)` pairs of a fact's claims, which its
/// fingerprint hashes. Worked out again when asked for (the baseline's entries and diff), not
/// kept with every fact: two strings a claim, and most facts are never held against a baseline.
pub fn value_pairs(claims: &[&Claim]) -> Vec<(String, String)> {
    let pairs: BTreeSet<(String, String)> = claims
        .iter()
        .map(|c| (c.source.to_string(), normalized_value(c)))
        .collect();
    pairs.into_iter().collect()
}

/// The fingerprint of a name across sources: `v1:` and the first hex digits of the SHA-256 of
/// its kind and its sorted, deduplicated `(source id, spelling)` pairs. No position, no group
/// id: moving a paragraph changes nothing, a new spelling or source does.
pub fn name_fingerprint(g: &NameGroup) -> String {
    let pairs: BTreeSet<(&str, &str)> = g
        .spellings
        .iter()
        .map(|s| (s.source.as_str(), s.text.as_str()))
        .collect();
    let mut text = format!(
        "claims-name {FINGERPRINT_VERSION}\nkind {}\n",
        g.kind.as_str()
    );
    for (source, spelling) in pairs {
        text.push_str(&format!("spelling {source} {spelling}\n"));
    }
    short_hash(&text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_fingerprint_ignores_positions_and_order_but_not_spellings() {
        use crate::claim::Span;
        use crate::names::{NameKind, NameVerdict, Spelling};
        let spelling = |source: &str, text: &str, start: usize| Spelling {
            source: source.into(),
            text: text.into(),
            span: Span::new(start, start + text.len(), 1, start + 1),
        };
        let group = |spellings: Vec<Spelling>| NameGroup {
            id: "n1".into(),
            kind: NameKind::Person,
            name: "Temur Umarov".into(),
            verdict: NameVerdict::Variant,
            spellings,
        };
        let a = group(vec![
            spelling("a", "Temur Umarov", 10),
            spelling("b", "Timur Umarov", 5),
        ]);
        let moved = group(vec![
            spelling("b", "Timur Umarov", 90),
            spelling("a", "Temur Umarov", 7),
        ]);
        let other = group(vec![
            spelling("a", "Temur Umarov", 10),
            spelling("b", "Timur Umarow", 5),
        ]);
        let fp = name_fingerprint(&a);
        assert!(
            fp.starts_with("v1:") && fp.len() == 3 + FINGERPRINT_HEX,
            "{fp}"
        );
        assert_eq!(fp, name_fingerprint(&moved));
        assert_ne!(fp, name_fingerprint(&other));
    }

    #[test]
    fn whole_values_are_integers_and_others_keep_their_shortest_form() {
        assert_eq!(canonical_number(4500.0), "4500");
        assert_eq!(canonical_number(-3.0), "-3");
        assert_eq!(canonical_number(0.1), "0.1");
        assert_eq!(canonical_number(1e16), "10000000000000000");
        assert_eq!(as_whole(9.1e15), None);
        assert_eq!(as_whole(f64::NAN), None);
    }

    #[test]
    fn sha256_hex_is_lowercase_and_64_digits() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
