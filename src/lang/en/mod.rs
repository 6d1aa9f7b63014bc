//! English: every word list the extractor and the matcher use, one module per concept. Each
//! table is data (a const slice, one row per word or unit, and the compile-time packed index
//! or set built from it when a look-up is hot) with the small look-ups that read it; nothing
//! here decides grammar. Each concept is written once: the start sieves of
//! `extract::starts`, the number-word flag of the subject terms and the grammar's look-ups are
//! all built from these rows.

pub mod abbreviations;
pub mod byline;
pub mod calendar;
pub mod change;
pub mod clock;
pub mod currency;
pub mod derive;
pub mod equivalent;
pub mod magnitudes;
pub mod measure;
pub mod names;
pub mod nouns;
pub mod numbers;
pub mod percent;
pub mod qualifiers;
pub mod rank;
pub mod starts;
pub mod stem;
pub mod units;
pub mod wire;
pub mod words;
