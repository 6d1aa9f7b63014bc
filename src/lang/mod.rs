//! Language knowledge as data, one folder per language: the words a language uses for numbers,
//! scales, units, currencies, qualifiers, calendar names, abbreviations, stop words and event
//! roles, each concept written once. Logic files elsewhere hold no word of any language; they
//! ask these tables. Adding French is a new folder here with the same tables.

pub mod en;
