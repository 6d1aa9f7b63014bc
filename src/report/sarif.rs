//! `claims check --format sarif`: SARIF 2.1.0, one result per conflict with every claim of it
//! as a location (the first is where code-scanning tools pin it), `baselineState` `new` or
//! `unchanged`, and one `absent` result per stale baseline entry. `partialFingerprints` carry
//! the fact's fingerprint so tools can track it across runs. Artifact `uri`s are relative URI
//! references, percent-encoded ([`uri`]): a space, `#` or `%` in a file name is data, not
//! syntax. Writes only.

use super::{Held, slash_path};
use crate::baseline::{Entry, Finding, State};
use crate::compare::Comparison;
use serde_json::{Value, json};
use std::io::{self, Write};
use std::path::Path;

/// The `$schema` of the log.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Rule id of a conflict.
const CONFLICT: &str = "claims/conflict";
/// Rule id of a baseline entry whose conflict is no longer found.
const STALE: &str = "claims/stale-baseline-entry";

/// A path as a relative URI reference (RFC 3986): '/'-separated, every byte but the
/// unreserved characters and '/' percent-encoded (so a ':' cannot make it look like a scheme).
pub fn uri(path: &Path) -> String {
    let mut out = String::new();
    for b in slash_path(path).bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One conflict: every claim is a location, the first is where tools pin it.
fn conflict_result(c: &Comparison, finding: &Finding) -> Value {
    let f = &c.facts[finding.fact];
    let locations: Vec<Value> = c
        .claims_of(f)
        .into_iter()
        .map(|(a, cl)| {
            json!({
                "physicalLocation": {
                    "artifactLocation": {
                        "uri": uri(&a.rel_path),
                    },
                    "region": {
                        "startLine": cl.span.line(),
                        "startColumn": cl.span.column(),
                        "snippet": { "text": cl.text },
                    },
                },
                "message": {
                    "text": format!("{} says “{}”", c.source_name(&a.source.id), cl.text),
                },
            })
        })
        .collect();
    let mut text = format!("{}: {}", f.group.label, f.judgement.explanation);
    if let Some(was) = &finding.was {
        text.push_str(&format!(" (the accepted conflict {was} changed)"));
    }
    let mut result = json!({
        "ruleId": CONFLICT,
        "level": if finding.state == State::New { "error" } else { "note" },
        "message": { "text": text },
        "baselineState": finding.state.as_str(),
        "locations": locations,
        "partialFingerprints": { "claimsFact/v1": f.identity.fingerprint },
        "properties": {
            "group": f.group.id,
            "kind": f.kind.as_str(),
            "verdict": f.judgement.verdict.as_str(),
        },
    });
    if let Some(r) = finding.reason.as_deref().filter(|r| !r.is_empty()) {
        result["suppressions"] = json!([{ "kind": "external", "justification": r }]);
    }
    result
}

/// One stale baseline entry: `absent`, pinned to the baseline file.
fn stale_result(e: &Entry, path: &Path, deny_stale: bool) -> Value {
    json!({
        "ruleId": STALE,
        "level": if deny_stale { "error" } else { "warning" },
        "message": {
            "text": format!(
                "{}: {} is accepted in the baseline but no longer found; `claims baseline prune` removes it",
                e.kind, e.subject
            ),
        },
        "baselineState": "absent",
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {
                    "uri": uri(path),
                },
            },
        }],
        "partialFingerprints": { "claimsFact/v1": e.fingerprint },
    })
}

/// The SARIF log of a comparison held against a baseline.
pub fn document(c: &Comparison, held: Held, deny_stale: bool) -> Value {
    let diff = held.diff;
    let mut results: Vec<Value> = diff
        .findings
        .iter()
        .map(|finding| conflict_result(c, finding))
        .collect();
    results.extend(
        diff.stale
            .iter()
            .map(|e| stale_result(e, held.path, deny_stale)),
    );
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": env!("CARGO_PKG_NAME"),
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": [
                        {
                            "id": CONFLICT,
                            "name": "Conflict",
                            "shortDescription": { "text": "Sources state values of one fact that cannot both be true" },
                            "defaultConfiguration": { "level": "error" },
                        },
                        {
                            "id": STALE,
                            "name": "StaleBaselineEntry",
                            "shortDescription": { "text": "An accepted conflict is no longer found" },
                            "defaultConfiguration": { "level": "warning" },
                        },
                    ],
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// `claims check --format sarif`: the SARIF log, pretty-printed.
pub fn check(out: &mut dyn Write, c: &Comparison, held: Held, deny_stale: bool) -> io::Result<()> {
    super::json::document(out, &document(c, held, deny_stale))
}

#[cfg(test)]
mod tests {
    use super::uri;
    use std::path::Path;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(
            uri(Path::new("corpus/a b#1%.txt")),
            "corpus/a%20b%231%25.txt"
        );
        assert_eq!(uri(Path::new("c:x\n.txt")), "c%3Ax%0A.txt");
        assert_eq!(uri(Path::new("é.txt")), "%C3%A9.txt");
        assert_eq!(uri(Path::new("plain/file-1_2~.md")), "plain/file-1_2~.md");
    }
}
