//! The names section of the HTML page: one card per name the sources spell differently
//! (verdict `variant`), like a fact's card: the name, the verdict as a word and an icon, the
//! spellings with the sources that use each, and each source's first mention in its line of
//! text, the name marked, with a link to that line.

use super::esc;
use crate::compare::{Comparison, Filter};
use crate::names::{NameGroup, NameVerdict};
use std::collections::{BTreeSet, HashMap};
use std::io::{self, Write};

/// How many bytes of the line either side of a name a card quotes.
const CONTEXT_BYTES: usize = 120;

/// The names the page shows: the variants, unless the filter asks for some kinds or one
/// verdict of facts only (names are neither).
pub(super) fn shown<'a>(c: &'a Comparison, filter: &Filter) -> Vec<&'a NameGroup> {
    if !filter.kinds.is_empty() || filter.only.is_some() {
        return Vec::new();
    }
    c.names
        .iter()
        .filter(|g| g.verdict == NameVerdict::Variant)
        .collect()
}

/// The section of name cards, noting the lines they cite.
pub(super) fn section(
    out: &mut dyn Write,
    c: &Comparison,
    names: &[&NameGroup],
    place: &HashMap<&str, usize>,
    cited_lines: &mut HashMap<usize, BTreeSet<usize>>,
) -> io::Result<()> {
    if names.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "<section id=\"names\"><h2 class=\"section\">Names spelled differently</h2>"
    )?;
    for g in names {
        card(out, c, g, place, cited_lines)?;
    }
    writeln!(out, "</section>")
}

fn card(
    out: &mut dyn Write,
    c: &Comparison,
    g: &NameGroup,
    place: &HashMap<&str, usize>,
    cited_lines: &mut HashMap<usize, BTreeSet<usize>>,
) -> io::Result<()> {
    let id = esc(&g.id);
    let kind = g.kind.as_str();
    writeln!(
        out,
        "<article class=\"name v-variant\" id=\"{id}\" data-verdict=\"variant\" \
         data-kind=\"{kind}\" tabindex=\"-1\">"
    )?;
    writeln!(
        out,
        "<h2><span class=\"verdict\"><span class=\"icon\" aria-hidden=\"true\">≠</span> \
         variant</span> <span class=\"label\">{}</span> <span class=\"kind\">{kind}</span> \
         <a class=\"gid\" href=\"#{id}\">{id}</a></h2>",
        esc(&g.name)
    )?;
    let spellings = super::super::names::spellings(c, g);
    writeln!(
        out,
        "<p class=\"explanation\">Spelled {} ways: {}.</p>",
        spellings.len(),
        esc(&spellings.join(" / "))
    )?;
    writeln!(out, "<div class=\"quotes\">")?;
    for s in &g.spellings {
        let Some(a) = c.article(&s.source) else {
            continue;
        };
        let n = place.get(s.source.as_str()).copied().unwrap_or(0);
        cited_lines.entry(n).or_default().insert(s.span.line());
        let text = &a.source.text;
        let (v0, v1) = (s.span.start().min(text.len()), s.span.end().min(text.len()));
        let line_start = text[..v0].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[v1..].find('\n').map_or(text.len(), |i| v1 + i);
        let mut from = line_start.max(v0.saturating_sub(CONTEXT_BYTES));
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let mut to = line_end.min(v1 + CONTEXT_BYTES);
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        writeln!(
            out,
            "<figure class=\"quote\"><figcaption><a class=\"outlet\" href=\"#src-s{n}\">{}</a> · \
             <a href=\"#s{n}-L{line}\">line {line}</a></figcaption>",
            esc(&c.source_name(&s.source)),
            line = s.span.line()
        )?;
        writeln!(
            out,
            "<blockquote>{}{}<mark>{}</mark>{}{}</blockquote></figure>",
            if from > line_start { "… " } else { "" },
            esc(&text[from..v0]),
            esc(&text[v0..v1]),
            esc(&text[v1..to]),
            if to < line_end { " …" } else { "" }
        )?;
    }
    writeln!(out, "</div>\n</article>")
}
