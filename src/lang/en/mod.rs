//! English: every word list the extractor and the matcher use, one module per concept. Each
//! table is data (sorted const slices or compile-time packed tables built from them) with the
//! small lookups that read it; nothing here decides grammar.

pub mod currency;
pub mod magnitudes;
pub mod nouns;
pub mod numbers;
pub mod percent;
pub mod qualifiers;
pub mod rank;
pub mod stem;
pub mod units;
pub mod words;
