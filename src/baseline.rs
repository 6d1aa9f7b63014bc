//! The accepted baseline of `claims check`: the baseline file (load with `path:line:col` on
//! every error, a UTF-8 BOM allowed as in articles, anything but a regular file refused before
//! it is opened; save as stable bytes through [`crate::atomic_write`], under the lock the
//! baseline commands hold from reading it to writing it), and the diff of a comparison against
//! it (new / accepted / stale, and which accepted entry a new conflict grew out of). Facts are
//! recognised by their [`crate::fingerprint`]. The file's default name is
//! [`crate::config::DEFAULT_BASELINE_FILE`]. This module never prints.
//!
//! Name variants editors accepted ("Temur Umarov" / "Timur Umarov", see [`crate::names`]) are
//! kept beside the conflicts, in `names`, by their [`name_fingerprint`]; the field is left out
//! of a file that accepts none, so a baseline written before names were gated loads, and is
//! written back byte for byte.

use crate::atomic_write::{self, Lock, Outcome};
use crate::compare::{Comparison, Fact};
use crate::error::Error;
use crate::fingerprint::{name_fingerprint, normalized_value};
use crate::names::{NameGroup, NameVerdict};
use crate::sym::Sym;
use crate::verdict::Verdict;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::io;
use std::path::Path;

/// Version of the baseline file layout.
pub const SCHEMA_VERSION: u32 = 1;

// ---------------------------------------------------------------------------------------------
// The file
// ---------------------------------------------------------------------------------------------

/// `claims-baseline.json`. Field order here is the key order in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// [`SCHEMA_VERSION`]: a file of another version is refused, not guessed at.
    pub schema_version: u32,
    /// Sorted by fingerprint.
    pub entries: Vec<Entry>,
    /// Accepted name variants, sorted by fingerprint; absent when there are none (and from
    /// files written before names were gated).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<NameEntry>,
}

/// One accepted name variant: a name the sources spell differently, as they spelled it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameEntry {
    /// The name's fingerprint when it was accepted ([`name_fingerprint`]).
    pub fingerprint: String,
    /// `person` or `organisation`.
    pub kind: String,
    /// The spelling most sources used.
    pub name: String,
    /// Each source's spelling, sorted by source then spelling.
    pub spellings: Vec<NameEntrySpelling>,
    /// Why the editor accepted it.
    pub reason: String,
}

/// One source's spelling of an accepted name variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameEntrySpelling {
    /// The source id.
    pub source: String,
    /// The name as the source wrote it.
    pub text: String,
}

/// One accepted conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The fact's fingerprint when it was accepted (see [`crate::fingerprint`]).
    pub fingerprint: String,
    /// The value-free fact key: recognises this fact when its values change.
    pub fact: String,
    /// The fact's kind (`count`, `money`, …).
    pub kind: String,
    /// The fact as people read it ("investor after China").
    pub subject: String,
    /// The subject terms in the fingerprint.
    pub terms: Vec<String>,
    /// What each source says, sorted by source then value.
    pub values: Vec<EntryValue>,
    /// Why the editor accepted it.
    pub reason: String,
}

/// One value of an accepted conflict: who said what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryValue {
    /// The source id.
    pub source: String,
    /// The normalized value in the fingerprint.
    pub value: String,
    /// The value as the source wrote it (first occurrence).
    pub text: String,
}

impl Default for Baseline {
    fn default() -> Self {
        Baseline {
            schema_version: SCHEMA_VERSION,
            entries: Vec::new(),
            names: Vec::new(),
        }
    }
}

impl Entry {
    fn pairs(&self) -> BTreeSet<(&str, &str)> {
        self.values
            .iter()
            .map(|v| (v.source.as_str(), v.value.as_str()))
            .collect()
    }
}

impl Baseline {
    /// Read a baseline. `Ok(None)` when the file does not exist; a parse error names the file
    /// and the line:col of the problem. A FIFO or a device is refused before it is opened (a
    /// FIFO nobody writes to would block the run forever).
    pub fn load(path: &Path) -> Result<Option<Baseline>, Error> {
        let error = |line, column, message: String| Error::Config {
            path: path.to_path_buf(),
            line,
            column,
            message,
        };
        let io = |e| Error::Io {
            path: path.to_path_buf(),
            source: e,
        };
        match std::fs::metadata(path) {
            Ok(m) if !m.is_file() => {
                return Err(error(None, None, "not a regular file".into()));
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io(e)),
        }
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                return Err(error(None, None, "not UTF-8 text".into()));
            }
            Err(e) => return Err(io(e)),
        };
        Baseline::parse(&text)
            .map(Some)
            .map_err(|(line, column, message)| error(line, column, message))
    }

    /// Parse the file's text (a leading UTF-8 BOM is skipped, as in articles); errors carry
    /// line and column when known.
    pub fn parse(text: &str) -> Result<Baseline, (Option<usize>, Option<usize>, String)> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let b: Baseline = serde_json::from_str(text).map_err(|e| {
            let full = e.to_string();
            let message = match full.rfind(" at line ") {
                Some(i) => full[..i].to_string(),
                None => full,
            };
            (
                Some(e.line()),
                Some(e.column()),
                format!("not a valid baseline: {message}"),
            )
        })?;
        let at = |offset: Option<usize>| {
            offset.map_or((None, None), |o| {
                let (l, c) = crate::source::line_col(text, o);
                (Some(l), Some(c))
            })
        };
        if b.schema_version != SCHEMA_VERSION {
            let (line, column) = at(key_offset(text, "schema_version", None, 0));
            return Err((
                line,
                column,
                format!(
                    "baseline schema_version {} is not the one this claims writes ({SCHEMA_VERSION})",
                    b.schema_version
                ),
            ));
        }
        let mut seen = BTreeSet::new();
        let fingerprints = b.entries.iter().map(|e| &e.fingerprint);
        for fp in fingerprints.chain(b.names.iter().map(|n| &n.fingerprint)) {
            if !seen.insert(fp.as_str()) {
                let (line, column) = at(key_offset(text, "fingerprint", Some(fp), 1));
                return Err((line, column, format!("fingerprint {fp} appears twice")));
            }
        }
        Ok(b)
    }

    /// The file's bytes: entries and names sorted by fingerprint, 2-space indent, trailing
    /// newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut sorted = self.clone();
        sorted
            .entries
            .sort_by(|a, b| a.fingerprint.cmp(&b.fingerprint));
        sorted
            .names
            .sort_by(|a, b| a.fingerprint.cmp(&b.fingerprint));
        let mut out = serde_json::to_vec_pretty(&sorted).expect("baseline serializes");
        out.push(b'\n');
        out
    }

    /// Write the file's bytes atomically to the file `lock` holds (see [`atomic_write`]);
    /// `hook` is called at each stage of the write. `path`: the file as the user named it, for
    /// the error.
    pub fn save(
        &self,
        lock: &Lock,
        path: &Path,
        hook: atomic_write::Hook,
    ) -> Result<Outcome, Error> {
        lock.write(&self.to_bytes(), hook).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: e,
        })
    }

    /// The entry with this fingerprint.
    pub fn get(&self, fingerprint: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.fingerprint == fingerprint)
    }

    /// Add or replace an entry.
    pub fn put(&mut self, entry: Entry) {
        self.entries.retain(|e| e.fingerprint != entry.fingerprint);
        self.entries.push(entry);
        self.entries
            .sort_by(|a, b| a.fingerprint.cmp(&b.fingerprint));
    }

    /// The accepted name variant with this fingerprint.
    pub fn get_name(&self, fingerprint: &str) -> Option<&NameEntry> {
        self.names.iter().find(|e| e.fingerprint == fingerprint)
    }

    /// Add or replace an accepted name variant.
    pub fn put_name(&mut self, entry: NameEntry) {
        self.names.retain(|e| e.fingerprint != entry.fingerprint);
        self.names.push(entry);
        self.names.sort_by(|a, b| a.fingerprint.cmp(&b.fingerprint));
    }

    /// `N entries` and, when it holds names, `, N names`: what the file holds, for people.
    pub fn counts(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let entries = plural(self.entries.len(), "entry", "entries");
        if self.names.is_empty() {
            entries
        } else {
            format!("{entries}, {}", plural(self.names.len(), "name", "names"))
        }
    }
}

/// Byte offset of the `n`-th `"key": ` in a JSON text (with this string value, when given),
/// for errors the parser cannot place. A key inside a string value is not one: the text is
/// a baseline that parsed, so keys are where a `"` opens a name followed by `:`.
fn key_offset(text: &str, key: &str, value: Option<&str>, n: usize) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    let value = value.map(|v| serde_json::to_string(v).unwrap_or_default());
    text.match_indices(&quoted)
        .filter(|(i, _)| {
            let rest = text[i + quoted.len()..].trim_start();
            let Some(rest) = rest.strip_prefix(':') else {
                return false;
            };
            value
                .as_ref()
                .is_none_or(|v| rest.trim_start().starts_with(v.as_str()))
        })
        .nth(n)
        .map(|(i, _)| i)
}

/// The sorted, deduplicated `(source id, normalized value)` pairs of a fact that its
/// fingerprint hashes ([`crate::fingerprint::value_pairs`]).
pub fn pairs_of(c: &Comparison, f: &Fact) -> Vec<(String, String)> {
    if let Some(pairs) = &f.identity.pairs {
        return pairs.clone();
    }
    let members: Vec<&crate::claim::Claim> = c.claims_of(f).into_iter().map(|(_, cl)| cl).collect();
    crate::fingerprint::value_pairs(&members)
}

/// The baseline entry for a fact as it stands now.
pub fn entry_for(c: &Comparison, f: &Fact, reason: &str) -> Entry {
    let mut values: Vec<EntryValue> = Vec::new();
    let claims = c.claims_of(f);
    for (s, v) in &pairs_of(c, f) {
        let text = claims
            .iter()
            .find(|(_, cl)| &cl.source == s && &normalized_value(cl) == v)
            .map(|(_, cl)| cl.text.to_string())
            .unwrap_or_default();
        values.push(EntryValue {
            source: s.clone(),
            value: v.clone(),
            text,
        });
    }
    Entry {
        fingerprint: f.identity.fingerprint.to_string(),
        fact: f.identity.fact_key.to_string(),
        kind: f.kind.to_string(),
        subject: f.subject_phrase(),
        terms: f.identity.terms.iter().map(Sym::to_string).collect(),
        values,
        reason: reason.to_string(),
    }
}

/// The baseline entry for a name variant as it stands now.
pub fn name_entry_for(g: &NameGroup, reason: &str) -> NameEntry {
    let spellings: BTreeSet<(&str, &str)> = g
        .spellings
        .iter()
        .map(|s| (s.source.as_str(), s.text.as_str()))
        .collect();
    NameEntry {
        fingerprint: name_fingerprint(g),
        kind: g.kind.as_str().to_string(),
        name: g.name.clone(),
        spellings: spellings
            .into_iter()
            .map(|(source, text)| NameEntrySpelling {
                source: source.to_string(),
                text: text.to_string(),
            })
            .collect(),
        reason: reason.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// The diff
// ---------------------------------------------------------------------------------------------

/// Where a conflict stands against the baseline (SARIF's `baselineState` words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    /// Not in the baseline: fails `claims check`.
    New,
    /// In the baseline with the same fingerprint.
    Unchanged,
}

impl State {
    /// The SARIF word: `new` or `unchanged`.
    pub fn as_str(self) -> &'static str {
        match self {
            State::New => "new",
            State::Unchanged => "unchanged",
        }
    }
}

/// One conflict of the comparison, held against the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Index into `Comparison::facts`.
    pub fact: usize,
    /// New or accepted.
    pub state: State,
    /// For a new conflict that grew out of an accepted one (it gained a value or a source, or
    /// the same sources now say other values): that entry's fingerprint.
    pub was: Option<String>,
    /// `(source, value)` pairs it has that the accepted entry did not.
    pub gained: Vec<(String, String)>,
    /// The accepted entry's reason, for `Unchanged`.
    pub reason: Option<String>,
}

/// One name variant of the comparison, held against the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct NameFinding {
    /// Index into `Comparison::names`.
    pub name: usize,
    /// The name's fingerprint ([`name_fingerprint`]).
    pub fingerprint: String,
    /// New or accepted.
    pub state: State,
    /// The accepted entry's reason, for `Unchanged`.
    pub reason: Option<String>,
}

/// A comparison held against a baseline.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diff {
    /// Every conflict, new ones first, then in fact order.
    pub findings: Vec<Finding>,
    /// Entries whose conflict is no longer found.
    pub stale: Vec<Entry>,
    /// Every name variant, new ones first, then in name order.
    pub names: Vec<NameFinding>,
    /// Accepted name variants no longer found (the spelling was fixed, or a source dropped).
    pub stale_names: Vec<NameEntry>,
}

impl Diff {
    /// Conflicts the baseline does not hold.
    pub fn new_count(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.state == State::New)
            .count()
    }

    /// Conflicts the baseline holds.
    pub fn accepted_count(&self) -> usize {
        self.findings.len() - self.new_count()
    }

    /// The baseline state of a fact, when it is a conflict.
    pub fn state_of(&self, fact: usize) -> Option<State> {
        self.findings
            .iter()
            .find(|f| f.fact == fact)
            .map(|f| f.state)
    }

    /// Name variants the baseline does not hold.
    pub fn new_names(&self) -> usize {
        self.names.iter().filter(|n| n.state == State::New).count()
    }

    /// The baseline state of a name, when it is a variant.
    pub fn name_state_of(&self, name: usize) -> Option<State> {
        self.names.iter().find(|n| n.name == name).map(|n| n.state)
    }

    /// `names: N new variants, N accepted, N stale`.
    pub fn names_summary(&self) -> String {
        let new = self.new_names();
        format!(
            "names: {new} new {}, {} accepted, {} stale",
            if new == 1 { "variant" } else { "variants" },
            self.names.len() - new,
            self.stale_names.len()
        )
    }

    /// `N new, N accepted, N stale`.
    pub fn summary(&self) -> String {
        format!(
            "{} new, {} accepted, {} stale",
            self.new_count(),
            self.accepted_count(),
            self.stale.len()
        )
    }
}

/// The conflicts of `reference` (the same corpus compared with the default settings) that
/// `configured` does not report, as indices into `reference.facts`. A conflict counts as
/// reported when a conflict of `configured` holds two or more of its claims that are, by
/// themselves, a conflict (the configured group may be larger or smaller, and named
/// otherwise). What is left, `claims check` reports as hidden by the settings.
pub fn hidden(configured: &Comparison, reference: &Comparison) -> Vec<usize> {
    use std::collections::{HashMap, HashSet};
    let mut conflicts_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, f) in configured.facts.iter().enumerate() {
        if f.judgement.verdict == Verdict::Conflict {
            for id in &f.group.claim_ids {
                conflicts_of.entry(id.as_str()).or_default().push(i);
            }
        }
    }
    let lookup = |id: &str| crate::verdict::SourceInfo {
        name: reference.source_name(id),
        published: reference.article(id).and_then(|a| a.published),
    };
    let mut hidden = Vec::new();
    for (r, fact) in reference.facts.iter().enumerate() {
        if fact.judgement.verdict != Verdict::Conflict {
            continue;
        }
        let candidates: BTreeSet<usize> = fact
            .group
            .claim_ids
            .iter()
            .filter_map(|id| conflicts_of.get(id.as_str()))
            .flatten()
            .copied()
            .collect();
        let reported = candidates.into_iter().any(|c| {
            let theirs: HashSet<&str> = configured.facts[c]
                .group
                .claim_ids
                .iter()
                .map(|id| id.as_str())
                .collect();
            let shared: Vec<&crate::claim::Claim> = fact
                .group
                .claim_ids
                .iter()
                .filter(|id| theirs.contains(id.as_str()))
                .filter_map(|id| reference.claim(id).map(|(_, cl)| cl))
                .collect();
            shared.len() >= 2
                && crate::verdict::judge(&shared, &lookup).verdict == Verdict::Conflict
        });
        if !reported {
            hidden.push(r);
        }
    }
    hidden
}

/// Hold every conflict of the comparison against the baseline.
pub fn diff(c: &Comparison, baseline: &Baseline) -> Diff {
    let mut findings = Vec::new();
    let mut found: BTreeSet<&str> = BTreeSet::new();
    for (i, f) in c.facts.iter().enumerate() {
        if f.judgement.verdict != Verdict::Conflict {
            continue;
        }
        let id = &f.identity;
        if let Some(e) = baseline.get(&id.fingerprint) {
            found.insert(e.fingerprint.as_str());
            findings.push(Finding {
                fact: i,
                state: State::Unchanged,
                was: None,
                gained: Vec::new(),
                reason: Some(e.reason.clone()),
            });
            continue;
        }
        let pairs = pairs_of(c, f);
        let now: BTreeSet<(&str, &str)> = pairs
            .iter()
            .map(|(s, v)| (s.as_str(), v.as_str()))
            .collect();
        let was = baseline.entries.iter().find(|e| {
            e.kind == id.kind.as_str()
                && (e.fact == id.fact_key || {
                    let before = e.pairs();
                    before.len() < now.len() && before.is_subset(&now)
                })
        });
        let gained = was.map_or_else(Vec::new, |e| {
            let before = e.pairs();
            pairs
                .iter()
                .filter(|(s, v)| !before.contains(&(s.as_str(), v.as_str())))
                .cloned()
                .collect()
        });
        findings.push(Finding {
            fact: i,
            state: State::New,
            was: was.map(|e| e.fingerprint.clone()),
            gained,
            reason: None,
        });
    }
    findings.sort_by_key(|f| (f.state, f.fact));
    let stale = baseline
        .entries
        .iter()
        .filter(|e| !found.contains(e.fingerprint.as_str()))
        .cloned()
        .collect();
    let (names, stale_names) = diff_names(&c.names, baseline);
    Diff {
        findings,
        stale,
        names,
        stale_names,
    }
}

/// Hold every name variant against the baseline's accepted ones: each new or accepted, and the
/// accepted entries no variant has now.
fn diff_names(names: &[NameGroup], baseline: &Baseline) -> (Vec<NameFinding>, Vec<NameEntry>) {
    let mut found: BTreeSet<&str> = BTreeSet::new();
    let mut findings: Vec<NameFinding> = names
        .iter()
        .enumerate()
        .filter(|(_, g)| g.verdict == NameVerdict::Variant)
        .map(|(i, g)| {
            let fingerprint = name_fingerprint(g);
            let accepted = baseline.get_name(&fingerprint);
            if let Some(e) = accepted {
                found.insert(e.fingerprint.as_str());
            }
            NameFinding {
                name: i,
                state: if accepted.is_some() {
                    State::Unchanged
                } else {
                    State::New
                },
                reason: accepted.map(|e| e.reason.clone()),
                fingerprint,
            }
        })
        .collect();
    findings.sort_by_key(|n| (n.state, n.name));
    let stale = baseline
        .names
        .iter()
        .filter(|e| !found.contains(e.fingerprint.as_str()))
        .cloned()
        .collect();
    (findings, stale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_errors_carry_line_and_column() {
        let (line, col, msg) =
            Baseline::parse("{\n  \"schema_version\": 1,\n  \"entries\": [,]\n}").unwrap_err();
        assert_eq!((line, col), (Some(3), Some(15)));
        assert!(msg.starts_with("not a valid baseline: "), "{msg}");
        assert!(!msg.contains(" at line "), "{msg}");
    }

    #[test]
    fn bytes_are_sorted_indented_and_end_with_a_newline() {
        let entry = |fp: &str| Entry {
            fingerprint: fp.into(),
            fact: "v1:0".into(),
            kind: "count".into(),
            subject: "s".into(),
            terms: vec![],
            values: vec![],
            reason: String::new(),
        };
        let b = Baseline {
            schema_version: 1,
            entries: vec![entry("v1:b"), entry("v1:a")],
            names: Vec::new(),
        };
        let text = String::from_utf8(b.to_bytes()).unwrap();
        assert!(text.ends_with("}\n"));
        assert!(text.starts_with("{\n  \"schema_version\": 1,\n  \"entries\": [\n    {\n"));
        assert!(text.find("v1:a").unwrap() < text.find("v1:b").unwrap());
        assert_eq!(
            Baseline::parse(&text).unwrap().entries[0].fingerprint,
            "v1:a"
        );
    }

    #[test]
    fn a_baseline_without_names_loads_and_is_written_back_byte_for_byte() {
        // A file written before names were gated: no `names` key.
        let old = "{\n  \"schema_version\": 1,\n  \"entries\": []\n}\n";
        let b = Baseline::parse(old).unwrap();
        assert!(b.names.is_empty());
        assert_eq!(String::from_utf8(b.to_bytes()).unwrap(), old);
        assert_eq!(b.counts(), "0 entries");
    }

    #[test]
    fn accepted_names_round_trip_sorted_and_a_duplicate_is_refused() {
        let name = |fp: &str| NameEntry {
            fingerprint: fp.into(),
            kind: "person".into(),
            name: "Temur Umarov".into(),
            spellings: vec![NameEntrySpelling {
                source: "a".into(),
                text: "Temur Umarov".into(),
            }],
            reason: "transliteration".into(),
        };
        let mut b = Baseline::default();
        b.put_name(name("v1:b"));
        b.put_name(name("v1:a"));
        b.put_name(name("v1:a"));
        assert_eq!(b.names.len(), 2);
        assert_eq!(b.counts(), "0 entries, 2 names");
        let text = String::from_utf8(b.to_bytes()).unwrap();
        assert!(text.find("v1:a").unwrap() < text.find("v1:b").unwrap());
        assert_eq!(Baseline::parse(&text).unwrap(), b);
        assert!(b.get_name("v1:a").is_some() && b.get("v1:a").is_none());
        let twice = text.replace("v1:b", "v1:a");
        let (_, _, msg) = Baseline::parse(&twice).unwrap_err();
        assert_eq!(msg, "fingerprint v1:a appears twice");
    }

    #[test]
    fn a_bom_is_skipped_and_version_and_duplicate_errors_have_positions() {
        let b = Baseline::parse("\u{feff}{\"schema_version\": 1, \"entries\": []}").unwrap();
        assert_eq!(b, Baseline::default());
        let (line, col, msg) =
            Baseline::parse("{\n  \"schema_version\": 7,\n  \"entries\": []\n}").unwrap_err();
        assert_eq!((line, col), (Some(2), Some(3)), "{msg}");
        let entry = |fp: &str| {
            format!(
                "{{\"fingerprint\": \"{fp}\", \"fact\": \"f\", \"kind\": \"count\", \"subject\": \
                 \"fingerprint\", \"terms\": [], \"values\": [], \"reason\": \"\"}}"
            )
        };
        let text = format!(
            "{{\n\"schema_version\": 1,\n\"entries\": [\n{},\n{},\n{}\n]}}",
            entry("v1:a"),
            entry("v1:b"),
            entry("v1:a")
        );
        let (line, col, msg) = Baseline::parse(&text).unwrap_err();
        assert_eq!(msg, "fingerprint v1:a appears twice");
        assert_eq!((line, col), (Some(6), Some(2)));
    }
}
