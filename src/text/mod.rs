//! The language-free text engine the word tables run on: ASCII case folding, words packed into
//! integers, compile-time open-addressing tables, hashing. Knows no word of any language.
