//! The one integration test binary: every case drives the real `claims` executable or the
//! library end to end. `cli` covers bad input, claims.toml, output formats, compare and show;
//! `check` the CI gate, the baseline, the export and its JSON Schema; `properties` proptest
//! invariants of extraction on arbitrary input, and compare's bytes across thread counts and
//! input orders; `hostile` hostile inputs (many files, loops, unreadable files, folders for
//! files, deep nesting, long digit runs, invisible marks in numbers); `writes` the baseline and
//! export writes interrupted at every stage. `common` is the harness. The quality floors (gold,
//! peer specs, dev set) live with the measuring code in `crates/claims-dev/tests/`.

mod check;
mod cli;
mod common;
mod copies;
mod corpus;
mod derive;
mod faults;
mod hostile;
mod html;
mod names;
mod parts;
mod properties;
mod shards;
mod ux;
mod writes;
