//! Plain text for people: `claims check` (each conflict with its baseline state and quotes, new
//! ones first, then the stale entries and the summary line) and `claims show GROUP` (the
//! verdict, then each claim's sentence with the value marked). Each line is escaped
//! ([`escape_human`]) before it is written: article text and file names never reach the
//! terminal or the CI log raw.

use super::{Held, escape_human};
use crate::baseline::State;
use crate::compare::{Comparison, Fact};
use crate::fingerprint::normalized_value;
use std::io::{self, Write};

/// Marks around the value in `claims show` with colour: bold and underlined.
const MARK_COLOR: (&str, &str) = ("\x1b[1;4m", "\x1b[0m");
/// Marks around the value in `claims show` without colour.
const MARK_PLAIN: (&str, &str) = ("»", "«");

/// Write `line` escaped, then a line break.
fn line(out: &mut dyn Write, line: &str) -> io::Result<()> {
    writeln!(out, "{}", escape_human(line))
}

/// `claims check` for people.
pub fn check(out: &mut dyn Write, c: &Comparison, held: Held) -> io::Result<()> {
    let diff = held.diff;
    for finding in &diff.findings {
        let f = &c.facts[finding.fact];
        let what = match finding.state {
            State::New => "new conflict",
            State::Unchanged => "accepted conflict",
        };
        line(
            out,
            &format!(
                "{what} {} ({}): {}",
                f.identity.fingerprint, f.group.id, f.group.label
            ),
        )?;
        line(out, &format!("  {}", f.judgement.explanation))?;
        for (a, cl) in c.claims_of(f) {
            line(
                out,
                &format!(
                    "  {}:{}:{}: {}: “{}”",
                    a.rel_path.display(),
                    cl.span.line(),
                    cl.span.column(),
                    c.source_name(&a.source.id),
                    cl.text
                ),
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
            line(
                out,
                &format!(
                    "  note: the accepted conflict {was} changed; now also {}",
                    gained.join("; ")
                ),
            )?;
        }
        if let Some(r) = finding.reason.as_deref().filter(|r| !r.is_empty()) {
            line(out, &format!("  accepted because: {r}"))?;
        }
    }
    for e in &diff.stale {
        line(
            out,
            &format!(
                "stale entry {} ({}: {}): no longer found; `claims baseline prune` removes it",
                e.fingerprint, e.kind, e.subject
            ),
        )?;
    }
    writeln!(out, "{}", diff.summary())
}

/// `claims show GROUP`.
pub fn show(out: &mut dyn Write, c: &Comparison, f: &Fact, color: bool) -> io::Result<()> {
    line(
        out,
        &format!("{} {} — {}", f.group.id, f.judgement.verdict, f.group.label),
    )?;
    line(out, &f.judgement.explanation)?;
    if let Some(note) = super::display::related_note(f) {
        line(out, &format!("{note} (`claims show` each)"))?;
    }
    for (a, cl) in c.claims_of(f) {
        writeln!(out)?;
        let name = a.outlet.clone().unwrap_or_else(|| a.source.id.clone());
        line(
            out,
            &format!(
                "  {} ({}) {}:{}:{}",
                name,
                a.source.id,
                a.rel_path.display(),
                cl.span.line(),
                cl.span.column()
            ),
        )?;
        let text = &a.source.text;
        let (s0, s1) = (cl.sentence.start(), cl.sentence.end());
        let (v0, v1) = (cl.span.start().clamp(s0, s1), cl.span.end().clamp(s0, s1));
        let (open, close) = if color { MARK_COLOR } else { MARK_PLAIN };
        // The sentence's white space folded to single spaces, then escaped piece by piece, so
        // the marks (ours) stay marks and nothing of the article's acts on the terminal.
        let fold = |s: &str| {
            escape_human(&s.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
        };
        let (before, value, after) = (&text[s0..v0], &text[v0..v1], &text[v1..s1]);
        let space = |s: &str, end: bool| {
            let edge = if end {
                s.ends_with(char::is_whitespace)
            } else {
                s.starts_with(char::is_whitespace)
            };
            if edge && !s.trim().is_empty() {
                " "
            } else {
                ""
            }
        };
        let quote = format!(
            "{}{}{open}{}{close}{}{}",
            fold(before),
            space(before, true),
            fold(value),
            space(after, false),
            fold(after)
        );
        writeln!(out, "    {}", quote.trim())?;
    }
    Ok(())
}
