//! `claims check --format github`: GitHub Actions workflow commands, one annotation per
//! conflict. A new conflict is an `::error`, an accepted one a `::notice`, a stale baseline
//! entry a `::warning` (an `::error` with `--deny-stale`). Each conflict's annotation sits on
//! the claim that stands out (the value the fewest sources state; its first claim on a tie),
//! and its message names every other claim with its `file:line:col`.
//!
//! GitHub shows at most [`MAX_PER_LEVEL`] annotations of each level per step; the ones past
//! that are printed as plain log lines (so the log still has every conflict), and a summary
//! line closes the output. Writes only; the exit code is decided by the caller.

use super::display::{self, Said};
use super::{Held, slash_path};
use crate::baseline::State;
use crate::claim::Claim;
use crate::compare::{Comparison, Fact};
use crate::corpus::Article;
use crate::fingerprint::normalized_value;
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

/// Annotations of one level (error, warning, notice) GitHub shows per step.
pub const MAX_PER_LEVEL: usize = 10;
/// The most other claims one annotation's message lists ("and 12 more").
const MAX_OTHERS: usize = 20;

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

/// Annotations written so far, per level, to keep within [`MAX_PER_LEVEL`].
#[derive(Default)]
struct Budget {
    used: HashMap<&'static str, usize>,
    over: HashMap<&'static str, usize>,
}

impl Budget {
    /// True when one more annotation of `level` is shown; counts it either way.
    fn take(&mut self, level: &'static str) -> bool {
        let used = self.used.entry(level).or_default();
        if *used < MAX_PER_LEVEL {
            *used += 1;
            true
        } else {
            *self.over.entry(level).or_default() += 1;
            false
        }
    }
}

/// `claims check --format github`: workflow commands, then the summary line.
pub fn check(out: &mut dyn Write, c: &Comparison, held: Held, deny_stale: bool) -> io::Result<()> {
    let diff = held.diff;
    let mut budget = Budget::default();
    for finding in &diff.findings {
        let f = &c.facts[finding.fact];
        let (level, title) = match finding.state {
            State::New => ("error", "New conflict"),
            State::Unchanged => ("notice", "Accepted conflict"),
        };
        let said = Said::of(c, f);
        let claims: Vec<(&Article, &Claim)> = said
            .by_source
            .iter()
            .flat_map(|(a, cl)| cl.iter().map(move |cl| (*a, *cl)))
            .collect();
        let Some(&(a, cl)) = standing_out(&claims) else {
            continue;
        };
        let mut message = format!(
            "{} says “{}”. {}",
            c.source_name(&a.source.id),
            cl.text,
            f.judgement.explanation
        );
        let others: Vec<String> = claims
            .iter()
            .filter(|(_, o)| o.id != cl.id)
            .map(|(oa, o)| {
                format!(
                    "{}:{}:{}: {} says “{}”",
                    slash_path(&oa.rel_path),
                    o.span.line(),
                    o.span.column(),
                    c.source_name(&oa.source.id),
                    o.text
                )
            })
            .collect();
        if !others.is_empty() {
            message.push_str("\nAlso: ");
            message.push_str(&others[..others.len().min(MAX_OTHERS)].join("; "));
            if others.len() > MAX_OTHERS {
                message.push_str(&format!("; and {} more", others.len() - MAX_OTHERS));
            }
            message.push('.');
        }
        message.push_str(&format!("\n[{}]", f.identity.fingerprint));
        if let Some(was) = &finding.was {
            message.push_str(&format!(" The accepted conflict {was} changed."));
        }
        if let Some(r) = finding.reason.as_deref().filter(|r| !r.is_empty()) {
            message.push_str(&format!(" Accepted because: {r}"));
        }
        let label = display::label(f, &said);
        if budget.take(level) {
            writeln!(
                out,
                "::{level} file={},line={},col={},title={}::{}",
                property(&slash_path(&a.rel_path)),
                cl.span.line(),
                cl.span.column(),
                property(&format!("{title}: {label}")),
                data(&message)
            )?;
        } else {
            plain_line(out, c, f, a, cl, title, &label)?;
        }
    }
    let level = if deny_stale { "error" } else { "warning" };
    for e in &diff.stale {
        let message = format!(
            "{} ({}: {}) is no longer found; `claims baseline prune` removes it",
            e.fingerprint, e.kind, e.subject
        );
        if budget.take(level) {
            writeln!(
                out,
                "::{level} file={},title={}::{}",
                property(&slash_path(held.path)),
                property(&format!("Stale baseline entry: {}", e.subject)),
                data(&message)
            )?;
        } else {
            writeln!(out, "Stale baseline entry: {message}")?;
        }
    }
    let mut summary = diff.summary();
    let over: usize = budget.over.values().sum();
    if over > 0 {
        summary.push_str(&format!(
            " ({over} not annotated: GitHub shows {MAX_PER_LEVEL} annotations of each level \
             per step; they are listed above and by `claims check`)"
        ));
    }
    writeln!(out, "{summary}")
}

/// A conflict past the annotation limit, as a plain log line.
fn plain_line(
    out: &mut dyn Write,
    c: &Comparison,
    f: &Fact,
    a: &Article,
    cl: &Claim,
    title: &str,
    label: &str,
) -> io::Result<()> {
    writeln!(
        out,
        "{title} {} ({label}): {}:{}:{}: {} says “{}”. {}",
        f.identity.fingerprint,
        slash_path(&a.rel_path),
        cl.span.line(),
        cl.span.column(),
        c.source_name(&a.source.id),
        cl.text,
        data(&f.judgement.explanation)
    )
}

/// The claim to annotate: the first one of the value the fewest sources state.
fn standing_out<'a>(claims: &'a [(&Article, &Claim)]) -> Option<&'a (&'a Article, &'a Claim)> {
    let values: Vec<String> = claims.iter().map(|(_, c)| normalized_value(c)).collect();
    let pairs: HashSet<(&str, &str)> = claims
        .iter()
        .zip(&values)
        .map(|((a, _), v)| (v.as_str(), a.source.id.as_str()))
        .collect();
    let mut sources: HashMap<&str, usize> = HashMap::new();
    for (v, _) in pairs {
        *sources.entry(v).or_default() += 1;
    }
    let fewest = sources.values().copied().min()?;
    claims
        .iter()
        .zip(&values)
        .find(|(_, v)| sources[v.as_str()] == fewest)
        .map(|(pair, _)| pair)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_workflow_command_rules() {
        assert_eq!(data("50% of\na"), "50%25 of%0Aa");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn each_level_keeps_within_githubs_limit() {
        let mut b = Budget::default();
        let shown = (0..25).filter(|_| b.take("error")).count();
        assert_eq!(shown, MAX_PER_LEVEL);
        assert!(b.take("notice"));
        assert_eq!(b.over.get("error"), Some(&15));
    }
}
