//! `claims`: pull atomic factual claims out of news articles, group the claims that speak of the
//! same fact across sources, and say where the sources agree, are only vaguer, or contradict
//! each other.
//!
//! Data flows one way: sources → claims → groups → verdicts → baseline diff → report → exit code.
//! The library never prints (clippy's print lints are denied here); `report/` writes to the
//! writers it is handed, and only `main.rs` maps the outcome to a process exit code.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod claim;
pub mod eval;
pub mod extract;
pub mod source;
