//! The accepted baseline of `claims check`: position-free fingerprints of facts, the baseline
//! file (load with `path:line:col` on a parse error, save as stable bytes), the diff of a
//! comparison against it (new / accepted / stale, and which accepted entry a new conflict grew
//! out of), and the atomic write that the baseline commands and `claims export` share.
//!
//! A fingerprint is `v1:` and the first 16 hex digits of the SHA-256 of a canonical text made of
//! the fact's kind, its subject terms (the stemmed terms at least half of its sources use,
//! sorted) and its sorted, deduplicated `(source id, normalized value)` pairs. Nothing in it is
//! a position, so editing an unrelated paragraph, moving paragraphs or reflowing an article
//! changes no fingerprint; a new value or a new source does. The value-free *fact key* (kind,
//! terms, source ids) recognises a fact whose values changed. This module never prints.

use crate::calendar::Ymd;
use crate::claim::{Claim, Dimension, Kind};
use crate::compare::{Comparison, Fact};
use crate::error::Error;
use crate::verdict::Verdict;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Version of the baseline file layout.
pub const SCHEMA_VERSION: u32 = 1;
/// Version of the fingerprint recipe; it prefixes every fingerprint.
pub const FINGERPRINT_VERSION: &str = "v1";
/// The baseline's file name beside claims.toml unless `[check] baseline` says otherwise.
pub const DEFAULT_FILE: &str = "claims-baseline.json";
/// Hex digits of the SHA-256 kept in a fingerprint (64 bits).
const FINGERPRINT_HEX: usize = 16;

/// What identifies a fact across runs, computed from its claims alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// `v1:` + hex: kind, terms and every (source, value) pair.
    pub fingerprint: String,
    /// `v1:` + hex: kind, terms and the source ids, without values.
    pub fact_key: String,
    pub kind: Kind,
    /// Sorted, deduplicated subject terms the group's sources share.
    pub terms: Vec<String>,
    /// Sorted, deduplicated `(source id, normalized value)`.
    pub pairs: Vec<(String, String)>,
}

fn short_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("{FINGERPRINT_VERSION}:{}", &hex[..FINGERPRINT_HEX])
}

/// The subject terms of a group: those used by at least half of its sources (rounded up), or,
/// when no term reaches that, those used by the most sources.
pub fn subject_terms(claims: &[&Claim]) -> Vec<String> {
    let mut by_source: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for c in claims {
        let set = by_source.entry(c.source.as_str()).or_default();
        set.extend(c.subject.terms.iter().map(String::as_str));
    }
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
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
        .map(|(t, _)| t.to_string())
        .collect()
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A claim's value as the fingerprint sees it: the stated interval in the canonical unit
/// (`123..123 countries`, `2023-10-12..2023-10-13`, `4500..* people`), without the
/// rounding tolerance (a setting) or the words around it.
pub fn normalized_value(c: &Claim) -> String {
    if c.value.lo.is_none()
        && c.value.hi.is_none()
        && let Some(p) = c.date.as_ref().and_then(|d| d.partial.as_ref())
    {
        return format!("partial {p}");
    }
    let end = |v: Option<f64>| match v {
        None => "*".to_string(),
        Some(v) if c.dimension == Dimension::Time => Ymd::from_days(v as i64).to_string(),
        Some(v) => number(v),
    };
    let body = format!("{}..{}", end(c.value.lo), end(c.value.hi));
    if c.unit.is_empty() {
        body
    } else {
        format!("{body} {}", c.unit)
    }
}

/// The identity of the fact a group of claims states.
pub fn identity(kind: Kind, claims: &[&Claim]) -> Identity {
    let terms = subject_terms(claims);
    let pairs: BTreeSet<(String, String)> = claims
        .iter()
        .map(|c| (c.source.clone(), normalized_value(c)))
        .collect();
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
        pairs: pairs.into_iter().collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// The file
// ---------------------------------------------------------------------------------------------

/// `claims-baseline.json`. Field order here is the key order in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema_version: u32,
    /// Sorted by fingerprint.
    pub entries: Vec<Entry>,
}

/// One accepted conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    /// The value-free fact key: recognises this fact when its values change.
    pub fact: String,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryValue {
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
    /// and the line:col of the problem.
    pub fn load(path: &Path) -> Result<Option<Baseline>, Error> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(Error::Io {
                    path: path.to_path_buf(),
                    source: e,
                });
            }
        };
        Baseline::parse(&text)
            .map(Some)
            .map_err(|(line, column, message)| Error::Config {
                path: path.to_path_buf(),
                line,
                column,
                message,
            })
    }

    /// Parse the file's text; errors carry line and column when known.
    pub fn parse(text: &str) -> Result<Baseline, (Option<usize>, Option<usize>, String)> {
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
        if b.schema_version != SCHEMA_VERSION {
            return Err((
                None,
                None,
                format!(
                    "baseline schema_version {} is not the one this claims writes ({SCHEMA_VERSION})",
                    b.schema_version
                ),
            ));
        }
        let mut seen = BTreeSet::new();
        for e in &b.entries {
            if !seen.insert(e.fingerprint.as_str()) {
                return Err((
                    None,
                    None,
                    format!("fingerprint {} appears twice", e.fingerprint),
                ));
            }
        }
        Ok(b)
    }

    /// The file's bytes: entries sorted by fingerprint, 2-space indent, trailing newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut sorted = self.clone();
        sorted
            .entries
            .sort_by(|a, b| a.fingerprint.cmp(&b.fingerprint));
        let mut out = serde_json::to_vec_pretty(&sorted).expect("baseline serializes");
        out.push(b'\n');
        out
    }

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
}

/// The baseline entry for a fact as it stands now.
pub fn entry_for(c: &Comparison, f: &Fact, reason: &str) -> Entry {
    let mut values: Vec<EntryValue> = Vec::new();
    for (s, v) in &f.identity.pairs {
        let text = c
            .claims_of(f)
            .into_iter()
            .find(|(_, cl)| &cl.source == s && &normalized_value(cl) == v)
            .map(|(_, cl)| cl.text.clone())
            .unwrap_or_default();
        values.push(EntryValue {
            source: s.clone(),
            value: v.clone(),
            text,
        });
    }
    Entry {
        fingerprint: f.identity.fingerprint.clone(),
        fact: f.identity.fact_key.clone(),
        kind: f.kind.to_string(),
        subject: subject_phrase(f),
        terms: f.identity.terms.clone(),
        values,
        reason: reason.to_string(),
    }
}

/// The group's label without its `kind: ` prefix.
pub fn subject_phrase(f: &Fact) -> String {
    let prefix = format!("{}: ", f.kind);
    f.group
        .label
        .strip_prefix(&prefix)
        .unwrap_or(&f.group.label)
        .to_string()
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
    pub state: State,
    /// For a new conflict that grew out of an accepted one (it gained a value or a source, or
    /// the same sources now say other values): that entry's fingerprint.
    pub was: Option<String>,
    /// `(source, value)` pairs it has that the accepted entry did not.
    pub gained: Vec<(String, String)>,
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
}

impl Diff {
    pub fn new_count(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.state == State::New)
            .count()
    }

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
        let now: BTreeSet<(&str, &str)> = id
            .pairs
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
            id.pairs
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
    Diff { findings, stale }
}

// ---------------------------------------------------------------------------------------------
// Atomic writes
// ---------------------------------------------------------------------------------------------

/// The steps of an atomic write, for fault injection in tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The temp file exists in the target's folder and is empty.
    Created,
    /// The first half of the bytes is in the temp file, not synced: a write cut short.
    Partial,
    /// The bytes are written and synced to the temp file.
    Written,
    /// The temp file has replaced the target.
    Renamed,
}

impl Stage {
    /// Every stage, in the order a write passes them (for tests that interrupt each one).
    pub const ALL: [Stage; 4] = [
        Stage::Created,
        Stage::Partial,
        Stage::Written,
        Stage::Renamed,
    ];
}

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The file already held these bytes; nothing was touched.
    Unchanged,
    Written,
}

/// No fault: the hook `write_atomic` is called with outside of tests.
pub fn no_fault(_: Stage) -> io::Result<()> {
    Ok(())
}

/// Write `bytes` to `path` atomically: a temp file in the same folder, synced, then renamed
/// over the target, so a reader sees the old file or the new one, never half of one. Skipped
/// when the file already holds exactly these bytes. `hook` runs after each stage; an error
/// from it aborts the write there (the temp file is removed), which lets tests interrupt it.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    hook: &dyn Fn(Stage) -> io::Result<()>,
) -> io::Result<Written> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(Written::Unchanged);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "claims-output".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        hook(Stage::Created)?;
        let (first, rest) = bytes.split_at(bytes.len() / 2);
        file.write_all(first)?;
        hook(Stage::Partial)?;
        file.write_all(rest)?;
        file.sync_all()?;
        drop(file);
        hook(Stage::Written)?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    // Make the rename durable where the platform allows syncing a folder.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    hook(Stage::Renamed)?;
    Ok(Written::Written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("claims-baseline-{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

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
    fn atomic_write_skips_identical_bytes_and_cleans_up_after_a_fault() {
        let d = tmp("atomic");
        let p = d.join("b.json");
        assert_eq!(
            write_atomic(&p, b"one", &no_fault).unwrap(),
            Written::Written
        );
        assert_eq!(
            write_atomic(&p, b"one", &no_fault).unwrap(),
            Written::Unchanged
        );
        for stage in Stage::ALL {
            let fail = |s: Stage| {
                if s == stage {
                    Err(io::Error::other("injected"))
                } else {
                    Ok(())
                }
            };
            std::fs::write(&p, b"one").unwrap();
            assert!(write_atomic(&p, b"two", &fail).is_err());
            // Before the rename the old bytes stand; after it, all of the new ones.
            let want: &[u8] = if stage == Stage::Renamed {
                b"two"
            } else {
                b"one"
            };
            assert_eq!(std::fs::read(&p).unwrap(), want, "{stage:?}");
            let left: Vec<_> = std::fs::read_dir(&d).unwrap().collect();
            assert_eq!(left.len(), 1, "temp file left behind at {stage:?}");
        }
        let _ = std::fs::remove_dir_all(&d);
    }
}
