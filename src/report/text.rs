//! Plain text for people: `claims check` (each conflict with its baseline state and quotes, new
//! ones first, then the stale entries and the summary line) and `claims show GROUP` (the
//! verdict, then each claim's sentence with the value marked).

use super::Held;
use crate::baseline::State;
use crate::compare::{Comparison, Fact};
use crate::fingerprint::normalized_value;
use std::io::{self, Write};

/// Marks around the value in `claims show` with colour: bold and underlined.
const MARK_COLOR: (&str, &str) = ("\x1b[1;4m", "\x1b[0m");
/// Marks around the value in `claims show` without colour.
const MARK_PLAIN: (&str, &str) = ("»", "«");

/// `claims check` for people.
pub fn check(out: &mut dyn Write, c: &Comparison, held: Held) -> io::Result<()> {
    let diff = held.diff;
    for finding in &diff.findings {
        let f = &c.facts[finding.fact];
        let what = match finding.state {
            State::New => "new conflict",
            State::Unchanged => "accepted conflict",
        };
        writeln!(
            out,
            "{what} {} ({}): {}",
            f.identity.fingerprint, f.group.id, f.group.label
        )?;
        writeln!(out, "  {}", f.judgement.explanation)?;
        for (a, cl) in c.claims_of(f) {
            writeln!(
                out,
                "  {}:{}:{}: {}: “{}”",
                a.rel_path.display(),
                cl.span.line,
                cl.span.column,
                c.source_name(&a.source.id),
                cl.text
            )?;
        }
        if let Some(was) = &finding.was {
            let gained: Vec<String> = finding
                .gained
                .iter()
                .map(|(s, v)| {
                    let said = c
                        .claims_of(f)
                        .into_iter()
                        .find(|(_, cl)| &cl.source == s && &normalized_value(cl) == v)
                        .map_or_else(|| v.clone(), |(_, cl)| format!("“{}”", cl.text));
                    format!("{}: {said}", c.source_name(s))
                })
                .collect();
            writeln!(
                out,
                "  note: the accepted conflict {was} changed; now also {}",
                gained.join("; ")
            )?;
        }
        if let Some(r) = finding.reason.as_deref().filter(|r| !r.is_empty()) {
            writeln!(out, "  accepted because: {r}")?;
        }
    }
    for e in &diff.stale {
        writeln!(
            out,
            "stale entry {} ({}: {}): no longer found; `claims baseline prune` removes it",
            e.fingerprint, e.kind, e.subject
        )?;
    }
    writeln!(out, "{}", diff.summary())
}

/// `claims show GROUP`.
pub fn show(out: &mut dyn Write, c: &Comparison, f: &Fact, color: bool) -> io::Result<()> {
    writeln!(
        out,
        "{} {} — {}",
        f.group.id, f.judgement.verdict, f.group.label
    )?;
    writeln!(out, "{}", f.judgement.explanation)?;
    for (a, cl) in c.claims_of(f) {
        writeln!(out)?;
        let name = a.outlet.clone().unwrap_or_else(|| a.source.id.clone());
        writeln!(
            out,
            "  {} ({}) {}:{}:{}",
            name,
            a.source.id,
            a.rel_path.display(),
            cl.span.line,
            cl.span.column
        )?;
        let text = &a.source.text;
        let (s0, s1) = (cl.sentence.start, cl.sentence.end);
        let (v0, v1) = (cl.span.start.clamp(s0, s1), cl.span.end.clamp(s0, s1));
        let (open, close) = if color { MARK_COLOR } else { MARK_PLAIN };
        let quote = format!(
            "{}{open}{}{close}{}",
            &text[s0..v0],
            &text[v0..v1],
            &text[v1..s1]
        );
        let quote = quote.split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(out, "    {quote}")?;
    }
    Ok(())
}
