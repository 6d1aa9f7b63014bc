//! `claims report` and `claims compare --format html`: one self-contained HTML page for editors
//! (inline CSS and a little JS, no network, works from `file://`). A header with the summary
//! and the sources (outlet, date, link to the URL); filters by verdict and kind, a search box
//! and keyboard navigation (in `script.js`); one card per fact, conflicts first, each with its
//! label from the measure, the verdict as a word and an icon (never colour alone), the
//! explanation, and the sources side by side, each with its sentence, the value marked, and a
//! link to its line in the source text, which the page carries at its end. After the facts,
//! one card per name the sources spell differently (`names.rs`).
//!
//! Every piece of text that comes from an article or from claims.toml is escaped ([`esc`]); a
//! link to a source's address is made only for `http:` and `https:` addresses. The page has
//! no timestamp: the same corpus gives the same bytes.

mod names;

use super::display::{self, Said};
use super::summary_line;
use super::values;
use crate::compare::{Comparison, Fact, Filter};
use crate::corpus::Article;
use crate::verdict::Verdict;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::{self, Write};

/// The page's style sheet, inlined.
const STYLE: &str = include_str!("style.css");
/// The page's script (filters, search, keys), inlined.
const SCRIPT: &str = include_str!("script.js");

/// The order cards appear in: conflicts first.
const VERDICT_ORDER: [Verdict; 4] = [
    Verdict::Conflict,
    Verdict::Compatible,
    Verdict::Agree,
    Verdict::Single,
];

/// The icon beside each verdict word (the word is always there too).
fn icon(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "✖",
        Verdict::Compatible => "≈",
        Verdict::Agree => "✔",
        Verdict::Single => "•",
    }
}

/// Text for HTML: `&`, `<`, `>`, `"` and `'` escaped, so article text stays text in element
/// content and in attribute values alike. Written where it is formatted ([`Esc`]), not built
/// as a string of its own first: the page of an archive carries every cited text.
pub fn esc(s: &str) -> Esc<'_> {
    Esc(s)
}

/// [`esc`]'s text: the runs between the five marked characters are written as they are.
pub struct Esc<'a>(&'a str);

impl std::fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.0;
        let mut run = 0;
        // The marked characters are ASCII: a byte equal to one is that character.
        for (i, b) in s.bytes().enumerate() {
            let entity = match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#39;",
                _ => continue,
            };
            f.write_str(&s[run..i])?;
            f.write_str(entity)?;
            run = i + 1;
        }
        f.write_str(&s[run..])
    }
}

/// An address a link may point at: `http:` or `https:` only (no `javascript:`).
fn safe_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let scheme = u.split_once(':')?.0.to_ascii_lowercase();
    (scheme == "http" || scheme == "https").then_some(u)
}

/// What a link to an address shows: its host ("www.themoscowtimes.com").
fn url_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// The page for the facts the filter keeps.
pub fn compare(out: &mut dyn Write, c: &Comparison, filter: &Filter) -> io::Result<()> {
    let shown: Vec<&Fact> = VERDICT_ORDER
        .iter()
        .flat_map(|v| {
            c.facts
                .iter()
                .filter(move |f| f.judgement.verdict == *v && filter.keeps(f))
        })
        .collect();
    // Each article's place on the page (`s3`), and the sources the shown facts cite.
    let place: HashMap<&str, usize> = c
        .corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.source.id.as_str(), i + 1))
        .collect();
    let name_cards = names::shown(c, filter);
    let cited: BTreeSet<usize> = shown
        .iter()
        .flat_map(|f| f.sources.iter().map(|s| s.as_str()))
        .chain(
            name_cards
                .iter()
                .flat_map(|g| g.spellings.iter().map(|s| s.source.as_str())),
        )
        .filter_map(|s| place.get(s).copied())
        .collect();
    let summary = summary_line(&c.summary());
    head(out, c, &summary, shown.len())?;
    sources_table(out, c, &cited)?;
    controls(out, &shown)?;
    writeln!(out, "<main id=\"facts\">")?;
    let mut cited_lines: HashMap<usize, BTreeSet<usize>> = HashMap::new();
    let on_page: HashSet<&str> = shown.iter().map(|f| f.group.id.as_str()).collect();
    for f in &shown {
        card(out, c, f, &place, &on_page, &mut cited_lines)?;
    }
    writeln!(
        out,
        "<p id=\"none\" class=\"empty\"{}>No fact matches these filters.</p>",
        if shown.is_empty() { "" } else { " hidden" }
    )?;
    writeln!(out, "</main>")?;
    names::section(out, c, &name_cards, &place, &mut cited_lines)?;
    texts(out, c, &cited, &cited_lines)?;
    writeln!(
        out,
        "<footer>Made by claims {} from {} sources. Verdicts: agree (every source states the \
         same value), compatible (values differ in precision but overlap), conflict (two \
         sources state values that cannot both be true), single (one source).</footer>",
        esc(env!("CARGO_PKG_VERSION")),
        c.corpus.articles.len()
    )?;
    writeln!(out, "<script>\n{SCRIPT}</script>\n</body>\n</html>")
}

/// `<head>`, the title and the summary.
fn head(out: &mut dyn Write, c: &Comparison, summary: &str, shown: usize) -> io::Result<()> {
    let s = c.summary();
    let title = format!(
        "claims: {} facts, {} conflict{}",
        s.facts,
        s.conflict,
        if s.conflict == 1 { "" } else { "s" }
    );
    writeln!(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        out,
        "<meta name=\"generator\" content=\"claims {}\">",
        esc(env!("CARGO_PKG_VERSION"))
    )?;
    writeln!(out, "<title>{}</title>", esc(&title))?;
    writeln!(out, "<style>\n{STYLE}</style>\n</head>\n<body>")?;
    writeln!(out, "<header>")?;
    writeln!(
        out,
        "<h1>Facts across {} source{}</h1>",
        c.corpus.articles.len(),
        if c.corpus.articles.len() == 1 {
            ""
        } else {
            "s"
        }
    )?;
    writeln!(
        out,
        "<p class=\"summary\" id=\"summary\">{}</p>",
        esc(summary)
    )?;
    writeln!(
        out,
        "<p class=\"status\">{shown} fact{} on this page, conflicts first.</p>",
        if shown == 1 { "" } else { "s" }
    )
}

/// The sources the shown facts cite: outlet, date, address, file.
fn sources_table(out: &mut dyn Write, c: &Comparison, cited: &BTreeSet<usize>) -> io::Result<()> {
    writeln!(
        out,
        "<details class=\"sources\" open><summary>Sources ({})</summary>",
        cited.len()
    )?;
    writeln!(
        out,
        "<table class=\"sources\"><thead><tr><th scope=\"col\">source</th>\
         <th scope=\"col\">published</th><th scope=\"col\">address</th>\
         <th scope=\"col\">file</th><th scope=\"col\">claims</th></tr></thead><tbody>"
    )?;
    for &n in cited {
        let a = &c.corpus.articles[n - 1];
        let date = match (a.published, a.published_from) {
            (Some(d), Some("dateline")) => format!("{d} <span class=\"kind\">(dateline)</span>"),
            (Some(d), _) => d.to_string(),
            (None, _) => "<span class=\"kind\">unknown</span>".into(),
        };
        let url = match a.url.as_deref().and_then(safe_url) {
            Some(u) => format!(
                "<a href=\"{}\" rel=\"noopener noreferrer\" title=\"{}\">{}</a>",
                esc(u),
                esc(u),
                esc(url_host(u))
            ),
            None => match &a.url {
                Some(u) => esc(u).to_string(),
                None => String::new(),
            },
        };
        writeln!(
            out,
            "<tr id=\"src-s{n}\"><td><strong>{}</strong>{}</td><td class=\"date\">{date}</td><td>{url}</td>\
             <td><a href=\"#s{n}\">{}</a></td><td>{}</td></tr>",
            esc(&c.source_name(&a.source.id)),
            if a.outlet.is_some() {
                format!(" <span class=\"kind\">{}</span>", esc(&a.source.id))
            } else {
                String::new()
            },
            esc(&super::slash_path(&a.rel_path)),
            a.claims.len()
        )?;
    }
    writeln!(out, "</tbody></table></details>")
}

/// The filters: verdicts (with counts), kinds, search, and the keys.
fn controls(out: &mut dyn Write, shown: &[&Fact]) -> io::Result<()> {
    writeln!(out, "<nav class=\"controls\" aria-label=\"Filters\">")?;
    writeln!(out, "<fieldset><legend>Verdict</legend>")?;
    for v in VERDICT_ORDER {
        let n = shown.iter().filter(|f| f.judgement.verdict == v).count();
        if n == 0 {
            continue;
        }
        writeln!(
            out,
            "<label><input type=\"checkbox\" name=\"verdict\" value=\"{v}\" checked> \
             <span aria-hidden=\"true\">{}</span> {v} ({n})</label>",
            icon(v)
        )?;
    }
    writeln!(out, "</fieldset>")?;
    let kinds: BTreeSet<&str> = shown.iter().map(|f| f.kind.as_str()).collect();
    writeln!(
        out,
        "<label>Kind <select id=\"kind\"><option value=\"\">all kinds</option>"
    )?;
    for k in kinds {
        writeln!(out, "<option value=\"{k}\">{k}</option>")?;
    }
    writeln!(out, "</select></label>")?;
    writeln!(
        out,
        "<label>Search <input type=\"search\" id=\"q\" placeholder=\"words, outlets, values\" \
         autocomplete=\"off\"></label>"
    )?;
    writeln!(
        out,
        "<p id=\"status\" class=\"status\" role=\"status\" aria-live=\"polite\">Showing {n} of \
         {n} facts</p>",
        n = shown.len()
    )?;
    writeln!(
        out,
        "<p class=\"keys\"><kbd>j</kbd>/<kbd>k</kbd> next/previous fact · <kbd>/</kbd> search · \
         <kbd>Esc</kbd> clear</p>"
    )?;
    writeln!(out, "</nav>\n</header>")
}

/// One fact's card.
fn card(
    out: &mut dyn Write,
    c: &Comparison,
    f: &Fact,
    place: &HashMap<&str, usize>,
    on_page: &HashSet<&str>,
    cited_lines: &mut HashMap<usize, BTreeSet<usize>>,
) -> io::Result<()> {
    let said = Said::of(c, f);
    let v = f.judgement.verdict;
    let id = esc(&f.group.id);
    writeln!(
        out,
        "<article class=\"fact v-{v}\" id=\"{id}\" data-verdict=\"{v}\" data-kind=\"{}\" \
         tabindex=\"-1\">",
        f.kind
    )?;
    writeln!(
        out,
        "<h2><span class=\"verdict\"><span class=\"icon\" aria-hidden=\"true\">{}</span> {v}\
         </span> <span class=\"label\">{}</span> <span class=\"kind\">{}</span> \
         <a class=\"gid\" href=\"#{id}\">{id}</a></h2>",
        icon(v),
        esc(&display::label(f, &said)),
        f.kind
    )?;
    writeln!(
        out,
        "<p class=\"explanation\">{}</p>",
        esc(&f.judgement.explanation)
    )?;
    writeln!(out, "<div class=\"quotes\">")?;
    for (a, claims) in &said.by_source {
        let n = place.get(a.source.id.as_str()).copied().unwrap_or(0);
        for cl in claims {
            cited_lines.entry(n).or_default().insert(cl.span.line());
            quote(out, c, a, cl, n)?;
        }
    }
    writeln!(out, "</div>")?;
    if !f.group.related.is_empty() {
        // Same measure, another source gives the figure: shown beside it, never a conflict.
        let links: Vec<String> = f
            .group
            .related
            .iter()
            .map(|r| {
                if on_page.contains(r.as_str()) {
                    format!("<a href=\"#{0}\">{0}</a>", esc(r))
                } else {
                    esc(r).to_string()
                }
            })
            .collect();
        writeln!(
            out,
            "<p class=\"related\">The same measure from other sources (not compared): {}</p>",
            links.join(", ")
        )?;
    }
    if v == Verdict::Conflict {
        writeln!(
            out,
            "<p class=\"fingerprint\">fingerprint {}</p>",
            esc(&f.identity.fingerprint)
        )?;
    }
    writeln!(out, "</article>")
}

/// One claim in its sentence, the value marked, with its source and a link to its line.
fn quote(
    out: &mut dyn Write,
    c: &Comparison,
    a: &Article,
    cl: &crate::claim::Claim,
    n: usize,
) -> io::Result<()> {
    let text = &a.source.text;
    let (s0, s1) = (
        cl.sentence.start().min(text.len()),
        cl.sentence.end().min(text.len()),
    );
    let (v0, v1) = (cl.span.start().clamp(s0, s1), cl.span.end().clamp(s0, s1));
    let piece = |from: usize, to: usize| {
        text.get(from..to)
            .map(|t| esc(&t.split_whitespace().collect::<Vec<_>>().join(" ")).to_string())
            .unwrap_or_default()
    };
    let space = |t: Option<&str>, at_end: bool| {
        let ws = t.is_some_and(|t| {
            if at_end {
                t.ends_with(char::is_whitespace)
            } else {
                t.starts_with(char::is_whitespace)
            }
        });
        if ws { " " } else { "" }
    };
    let before = text.get(s0..v0);
    let after = text.get(v1..s1);
    let date = a.published.map(|d| format!(" · {d}")).unwrap_or_default();
    let by = display::attribution(cl)
        .map(|b| format!(" · according to {}", esc(&b)))
        .unwrap_or_default();
    writeln!(
        out,
        "<figure class=\"quote\"><figcaption><a class=\"outlet\" href=\"#src-s{n}\">{}</a>{} · \
         <a href=\"#s{n}-L{line}\">line {line}</a></figcaption>",
        esc(&c.source_name(&a.source.id)),
        esc(&date),
        line = cl.span.line()
    )?;
    writeln!(
        out,
        "<blockquote>{}{}<mark>{}</mark>{}{}</blockquote>",
        piece(s0, v0),
        space(before, true),
        piece(v0, v1),
        space(after, false),
        piece(v1, s1)
    )?;
    let said = values::said(cl);
    if said != cl.text || !by.is_empty() {
        writeln!(out, "<p class=\"value\">{}{by}</p>", esc(&said))?;
    }
    writeln!(out, "</figure>")
}

/// The text of every cited source, one list item per line, each line an anchor.
fn texts(
    out: &mut dyn Write,
    c: &Comparison,
    cited: &BTreeSet<usize>,
    cited_lines: &HashMap<usize, BTreeSet<usize>>,
) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"texts\" aria-label=\"Source texts\"><h2>Source texts</h2>"
    )?;
    for &n in cited {
        let a = &c.corpus.articles[n - 1];
        let lines = cited_lines.get(&n);
        writeln!(
            out,
            "<details id=\"s{n}\"><summary>{} — {}</summary><ol>",
            esc(&c.source_name(&a.source.id)),
            esc(&super::slash_path(&a.rel_path))
        )?;
        for (i, line) in a.source.text.lines().enumerate() {
            let no = i + 1;
            let class = if lines.is_some_and(|l| l.contains(&no)) {
                " class=\"cited\""
            } else {
                ""
            };
            writeln!(out, "<li id=\"s{n}-L{no}\"{class}>{}</li>", esc(line))?;
        }
        writeln!(out, "</ol></details>")?;
    }
    writeln!(out, "</section>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_markup_as_text() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\"").to_string(),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        // Characters beyond ASCII beside the marks, at either end, and no mark at all.
        assert_eq!(esc("é<ü>’'«").to_string(), "é&lt;ü&gt;’&#39;«");
        assert_eq!(esc("&").to_string(), "&amp;");
        assert_eq!(esc("").to_string(), "");
        assert_eq!(esc("Ünïcode only").to_string(), "Ünïcode only");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            safe_url(" https://a.example/x "),
            Some("https://a.example/x")
        );
        assert_eq!(safe_url("HTTP://a.example"), Some("HTTP://a.example"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,x"), None);
        assert_eq!(safe_url("no scheme"), None);
    }
}
