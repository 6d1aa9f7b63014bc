//! The "names" section of the human-readable compare reports: one line per name the sources
//! spell differently, each spelling with the sources that use it ("n4 variant: Temur Umarov
//! (The Moscow Times, IWPR) / Timur Umarov (Front Page Detectives)"). Names every source
//! spells alike are in the JSON export only.

use crate::compare::{Comparison, Filter};
use crate::names::{NameGroup, NameVerdict};

/// The variant names' lines, in the order of the names; none when the filter asks for some
/// kinds of facts only (names are no kind of fact).
pub fn variant_lines(c: &Comparison, filter: &Filter) -> Vec<String> {
    if !filter.kinds.is_empty() {
        return Vec::new();
    }
    c.names
        .iter()
        .filter(|g| g.verdict == NameVerdict::Variant)
        .map(|g| format!("{} variant: {}", g.id, spellings(c, g).join(" / ")))
        .collect()
}

/// Each spelling of a name with the sources that use it ("Timur Umarov (Front Page
/// Detectives)"), as every report shows them.
pub fn spellings(c: &Comparison, g: &NameGroup) -> Vec<String> {
    g.by_spelling()
        .iter()
        .map(|(text, sources)| {
            let names: Vec<String> = sources.iter().map(|s| c.source_name(s)).collect();
            format!("{text} ({})", names.join(", "))
        })
        .collect()
}
