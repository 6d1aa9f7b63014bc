//! The language-free text engine the word tables run on: ASCII case folding, words packed into
//! integers, compile-time open-addressing tables and shape sieves, hashing, and the digit
//! notations every language writes alike; the words of a whole text for the stages that read
//! an article after extraction (`words`). Knows no word of any language.

pub mod digits;
pub mod fold;
pub mod hash;
pub mod packed;
pub mod rows;
pub mod words;
