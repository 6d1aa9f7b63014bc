//! `claims check --format github`: GitHub Actions workflow commands. Each claim of a new
//! conflict becomes an `::error` at its line and column in its article, each claim of an
//! accepted conflict a `::notice`, each stale baseline entry a `::warning` (an `::error` with
//! `--deny-stale`); the summary line closes the output. Writes only; the exit code is decided
//! by the caller.

use super::{Held, slash_path};
use crate::baseline::State;
use crate::compare::Comparison;
use std::io::{self, Write};

/// Escape the message part of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value (`file=`, `title=`) of a workflow command.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `claims check --format github`: workflow commands, then the summary line.
pub fn check(out: &mut dyn Write, c: &Comparison, held: Held, deny_stale: bool) -> io::Result<()> {
    let diff = held.diff;
    for finding in &diff.findings {
        let f = &c.facts[finding.fact];
        let (level, title) = match finding.state {
            State::New => ("error", "New conflict"),
            State::Unchanged => ("notice", "Accepted conflict"),
        };
        let mut note = format!(" [{}]", f.identity.fingerprint);
        if let Some(was) = &finding.was {
            note.push_str(&format!(" The accepted conflict {was} changed."));
        }
        if let Some(r) = finding.reason.as_deref().filter(|r| !r.is_empty()) {
            note.push_str(&format!(" Accepted because: {r}"));
        }
        for (a, cl) in c.claims_of(f) {
            let message = format!(
                "{} says “{}”. {}{note}",
                c.source_name(&a.source.id),
                cl.text,
                f.judgement.explanation
            );
            writeln!(
                out,
                "::{level} file={},line={},col={},title={}::{}",
                property(&slash_path(&a.rel_path)),
                cl.span.line,
                cl.span.column,
                property(&format!("{title}: {}", f.group.label)),
                data(&message)
            )?;
        }
    }
    let level = if deny_stale { "error" } else { "warning" };
    for e in &diff.stale {
        writeln!(
            out,
            "::{level} file={},title={}::{}",
            property(&slash_path(held.path)),
            property(&format!("Stale baseline entry: {}", e.subject)),
            data(&format!(
                "{} ({}: {}) is no longer found; `claims baseline prune` removes it",
                e.fingerprint, e.kind, e.subject
            ))
        )?;
    }
    writeln!(out, "{}", diff.summary())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_workflow_command_rules() {
        assert_eq!(data("50% of\na"), "50%25 of%0Aa");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
