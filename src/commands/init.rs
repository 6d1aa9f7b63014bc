//! `claims init [DIR]`: write a commented claims.toml for the articles in a folder, one
//! `[[source]]` per article with what its text says about it: the outlet, the publication
//! date and the address. It never replaces an existing claims.toml without `--force`.
//!
//! What is read, from the article's own lines only (nothing is fetched):
//!
//! - **address**: a web address standing at the end of one of the first or last lines of the
//!   article ("Original url: https://…", a bare address under the text);
//! - **publication date**: a full date (day, month and year written) on one of the short
//!   lines under the title (a dateline, a byline line, a timestamp line), read by the
//!   extractor's own date grammar; else a date in the address (`/2023/10/13/`,
//!   `…-20230824`), the same one `compare` reads; else the dateline's day and month
//!   ("SEOUL, Nov. 14 (Yonhap) --") with the year `compare` gives it from the other
//!   articles' dates; else the month alone, written `"2016-10"`, when the address files the
//!   article under a month;
//! - **outlet**: the site the address belongs to; else the agency a dateline names in
//!   parentheses ("SEOUL, Nov. 14 (Yonhap) --").
//!
//! Each guess is written with a comment saying where it came from, for the editor to check.

use super::{Ctx, Failure};
use crate::atomic_write::write_atomic;
use crate::calendar::Ymd;
use crate::claim::{DatePrecision, Kind, Resolution};
use crate::cli::InitArgs;
use crate::config::Config;
use crate::config::FILE_NAME;
use crate::corpus::{self, Article};
use crate::error::{Error, ExitStatus};
use crate::extract::{self, Context};
use crate::lang::en::byline;
use crate::report::slash_path;
use crate::source::{Input, Source};
use std::fmt::Write as _;
use std::path::Path;

/// The lines under the title that may hold a dateline, a byline or a timestamp (line 1 is
/// the title).
const HEADER_LINES: std::ops::RangeInclusive<usize> = 2..=8;
/// A header line longer than this is body text, not a dateline or a byline.
const HEADER_LINE_MAX: usize = 100;
/// How many of the last non-empty lines may hold the article's address.
const TRAILER_LINES: usize = 3;
/// How far into a line a dateline's "(Agency)" may stand.
const DATELINE_AGENCY_REACH: usize = 60;
/// The most words an agency's name in a dateline has.
const AGENCY_MAX_WORDS: usize = 4;

/// What an article's text says about it.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Guess {
    pub(crate) outlet: Option<(String, String)>,
    pub(crate) published: Option<(Ymd, String)>,
    /// The month alone, when no day was found (an address filed under `/2016/10/`).
    pub(crate) month: Option<(Ymd, String)>,
    pub(crate) url: Option<String>,
    pub(crate) byline: Option<String>,
}

/// Read the folder, guess each article's metadata, write claims.toml.
pub(crate) fn run(ctx: &mut Ctx, args: &InitArgs) -> Result<ExitStatus, Failure> {
    let dir = &args.dir;
    if !dir.is_dir() {
        return Err(Error::Usage {
            message: format!(
                "{}: not a folder; `claims init DIR` names one",
                dir.display()
            ),
        }
        .into());
    }
    let target = dir.join(FILE_NAME);
    if target.exists() && !args.force {
        return Err(Error::Usage {
            message: format!(
                "{} exists; `claims init --force` replaces it",
                target.display()
            ),
        }
        .into());
    }
    let inputs = [Input::Path {
        path: dir.clone(),
        explicit: true,
    }];
    // The same reading as `compare`'s: the dateline and address dates the tool itself would
    // use, with the year of a dateline that gives none taken from the other articles.
    let corpus = corpus::load_with(
        &inputs,
        &Config::default(),
        &mut std::io::empty(),
        corpus::thread_count(ctx.cli.threads),
    )
    .map_err(|e| match e {
        Error::NoSources { .. } => Error::NoSources {
            detail: format!("no text article under {}", dir.display()),
        },
        e => e,
    })?;
    for e in &corpus.errors {
        writeln!(ctx.err, "error: {e}")?;
    }
    let guesses: Vec<Guess> = corpus.articles.iter().map(guess_article).collect();
    let sources: Vec<&Source> = corpus.articles.iter().map(|a| &a.source).collect();
    let text = config_text(dir, &sources, &guesses);
    write_atomic(&target, text.as_bytes(), ctx.hook).map_err(|e| Error::Io {
        path: target.clone(),
        source: e,
    })?;
    if !ctx.cli.quiet {
        let n = guesses.len();
        let outlets = guesses.iter().filter(|g| g.outlet.is_some()).count();
        let dates = guesses.iter().filter(|g| g.published.is_some()).count();
        let months = guesses
            .iter()
            .filter(|g| g.published.is_none() && g.month.is_some())
            .count();
        let urls = guesses.iter().filter(|g| g.url.is_some()).count();
        writeln!(
            ctx.out,
            "wrote {}: {n} sources; outlet found for {outlets}, publication date for {dates} \
             (the month only for {months} more), address for {urls} (check them: they were \
             read from the text)",
            target.display()
        )?;
    }
    Ok(if corpus.errors.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Error
    })
}

/// What an article read by the corpus says about it: [`guess`] on its text, then the
/// publication date the corpus settled on, a dateline whose year came from the other
/// articles of the folder.
fn guess_article(a: &Article) -> Guess {
    let mut g = guess(&a.source.text);
    if g.published.is_none()
        && a.published_from == Some("dateline")
        && let Some(d) = a.published
    {
        let dateline = a
            .claims
            .iter()
            .find_map(|c| Some((c.span.line(), c.date.as_ref().filter(|d| d.dateline)?)));
        let year = match dateline.map(|(_, d)| d.resolution) {
            Some(Resolution::Event) => ", its year from the other articles' dates",
            Some(Resolution::Inferred) => ", its year from the article's own dates",
            _ => "",
        };
        let line = dateline.map(|(l, _)| l);
        let at = line.map(|l| format!(", line {l}")).unwrap_or_default();
        g.published = Some((d, format!("the dateline{at}{year}")));
        g.month = None;
    }
    g
}

/// What the text of one article says about it.
pub(crate) fn guess(text: &str) -> Guess {
    let lines: Vec<&str> = text.lines().collect();
    let mut g = Guess {
        url: address(&lines),
        ..Guess::default()
    };
    for (i, line) in lines.iter().enumerate() {
        let no = i + 1;
        if !HEADER_LINES.contains(&no) {
            continue;
        }
        let t = line.trim();
        if t.is_empty() || t.len() > HEADER_LINE_MAX {
            continue;
        }
        if g.byline.is_none() {
            g.byline = byline::author(t).map(str::to_string);
        }
        if g.published.is_none()
            && let Some(d) = full_date(t)
        {
            g.published = Some((d, format!("line {no}: {t}")));
        }
    }
    if g.published.is_none()
        && let Some(url) = &g.url
        && let Some((d, day)) = extract::date::url_date(url)
    {
        let from = Some((d, "the address".to_string()));
        if day {
            g.published = from;
        } else {
            g.month = from;
        }
    }
    if let Some(url) = &g.url
        && let Some(host) = host(url)
    {
        g.outlet = Some((host, "the address".into()));
    }
    if g.outlet.is_none() {
        g.outlet = lines
            .iter()
            .enumerate()
            .take(*HEADER_LINES.end())
            .find_map(|(i, l)| {
                dateline_agency(l).map(|a| (a, format!("the dateline, line {}", i + 1)))
            });
    }
    g
}

/// A full date (day, month, year all written) in a short line, by the extractor's grammar.
fn full_date(line: &str) -> Option<Ymd> {
    let ctx = Context {
        source: "init",
        ..Context::default()
    };
    extract::extract(line, &ctx)
        .into_iter()
        .filter(|c| c.kind == Kind::Date)
        .find_map(|c| {
            let d = c.date.as_ref()?;
            let day = c.value.lo()?;
            (d.precision == DatePrecision::Day
                && d.resolution == Resolution::Explicit
                && c.value.hi() == Some(day))
            .then(|| Ymd::from_days(day as i64))
        })
}

/// The article's web address: one ending one of the first or last non-empty lines.
fn address(lines: &[&str]) -> Option<String> {
    let non_empty: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let tail = non_empty.len().saturating_sub(TRAILER_LINES);
    non_empty[tail..]
        .iter()
        .rev()
        .chain(non_empty.iter().take(*HEADER_LINES.end()))
        .find_map(|l| {
            let last = l.split_whitespace().last()?;
            let scheme = last.split_once("://")?.0.to_ascii_lowercase();
            (scheme == "http" || scheme == "https").then(|| last.to_string())
        })
}

/// Labels of the library proxies (EZproxy and the like) that rewrite an outlet's host into
/// one label of their own: `www-scmp-com.libproxy1.nus.edu.sg` is `www.scmp.com`.
const PROXY_LABELS: &[&str] = &["ezproxy", "libproxy", "proxy"];

/// The host of an address without `www.` ("themoscowtimes.com"), the outlet's own behind a
/// library proxy.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let mut labels = host.split('.');
    let first = labels.next().unwrap_or_default();
    let proxied = first.contains('-')
        && labels.any(|l| {
            PROXY_LABELS.iter().any(|p| {
                l.strip_prefix(p)
                    .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
            })
        });
    // The proxy writes the host's dots as dashes and its dashes as two.
    let host = if proxied {
        first
            .replace("--", "\u{0}")
            .replace('-', ".")
            .replace('\u{0}', "-")
    } else {
        host
    };
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (host.contains('.') && !host.starts_with('.')).then(|| host.to_string())
}

/// The agency a dateline names in parentheses near the start of a line: "SEOUL, Nov. 14
/// (Yonhap) --", "Mina, Saudi Arabia (AFP) June 17, 2024".
fn dateline_agency(line: &str) -> Option<String> {
    let open = line.find('(')?;
    if open == 0 || open > DATELINE_AGENCY_REACH || !line[..open].contains(',') {
        return None;
    }
    let close = open + line[open..].find(')')?;
    let name = line[open + 1..close].trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let named = !words.is_empty()
        && words.len() <= AGENCY_MAX_WORDS
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !name.chars().any(|c| c.is_ascii_digit());
    named.then(|| name.to_string())
}

/// The claims.toml text: a header comment, the corpus, one `[[source]]` per article.
fn config_text(dir: &Path, sources: &[&Source], guesses: &[Guess]) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# claims.toml: written by `claims init` for the {} articles in this folder.\n\
         # Outlets, dates and addresses were read from each article's own lines (title area,\n\
         # dateline, byline, address lines); check them. `published` is what \"on Thursday\" or\n\
         # \"in March\" in an article resolves against. Paths resolve against this file's folder.\n\
         # The other sections (`[match]`, `[[alias]]`, `[[fact]]`, `[check]`) are in the README.\n\
         \n\
         [corpus]\n\
         paths = [\".\"]",
        sources.len()
    );
    for (s, g) in sources.iter().zip(guesses) {
        let rel = s.path.strip_prefix(dir).unwrap_or(&s.path);
        let _ = writeln!(t, "\n[[source]]");
        let _ = writeln!(t, "id = {}", quoted(&s.id));
        let _ = writeln!(t, "file = {}", quoted(&slash_path(rel)));
        match &g.outlet {
            Some((o, from)) => {
                let _ = writeln!(t, "outlet = {}  # from {}", quoted(o), comment(from));
            }
            None => {
                let _ = writeln!(t, "# outlet = \"\"  # not found in the text");
            }
        }
        match (&g.published, &g.month) {
            (Some((d, from)), _) => {
                let _ = writeln!(t, "published = {d}  # from {}", comment(from));
            }
            (None, Some((d, from))) => {
                let month = &d.to_string()[..7];
                let _ = writeln!(
                    t,
                    "published = \"{month}\"  # the month only, from {}: give the day if known",
                    comment(from)
                );
            }
            (None, None) => {
                let _ = writeln!(t, "# published = YYYY-MM-DD  # not found in the text");
            }
        }
        if let Some(u) = &g.url {
            let _ = writeln!(t, "url = {}", quoted(u));
        }
        if let Some(b) = &g.byline {
            let _ = writeln!(t, "# byline: {}", comment(b));
        }
    }
    t
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Text for a `#` comment: on one line.
fn comment(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_give_the_site_and_their_dates() {
        let lines = [
            "Title",
            "",
            "Body text.",
            "",
            "Original url: https://www.example-news.com/2024/06/23/story-slug",
        ];
        let url = address(&lines).unwrap();
        assert_eq!(host(&url).as_deref(), Some("example-news.com"));
        let proxied = "https://www-scmp-com.libproxy1.nus.edu.sg/news/world/article/1";
        assert_eq!(host(proxied).as_deref(), Some("scmp.com"));
        let dashed = "https://www-example--news-com.ezproxy.lib.example.edu/a";
        assert_eq!(host(dashed).as_deref(), Some("example-news.com"));
        // A host with a dash and no proxy label is itself.
        assert_eq!(
            host("https://my-news.example.com/a").as_deref(),
            Some("my-news.example.com")
        );
        // The address's date is the one `compare` reads: the day, else the month alone.
        let dated = guess("T\n\nBody.\n\nOriginal url: https://a.example/news/2022/oct/30/slug/\n");
        assert_eq!(dated.published.map(|p| p.0), Ymd::new(2022, 10, 30));
        let month = guess("T\n\nBody.\n\nOriginal url: https://a.example/2016/10/slug.html\n");
        assert_eq!(month.published, None);
        assert_eq!(month.month.map(|p| p.0), Ymd::new(2016, 10, 1));
        let none = guess("T\n\nBody.\n\nOriginal url: https://a.example/archives/90222\n");
        assert_eq!((none.published, none.month), (None, None));
        // An address inside the body is a link, not the article's address.
        let body = [
            "Title",
            "",
            "a",
            "b",
            "c",
            "d",
            "e",
            "f",
            "g",
            "see https://x.example/y now.",
            "h",
            "i",
            "j",
            "k",
        ];
        assert_eq!(address(&body), None);
    }

    #[test]
    fn datelines_name_their_agency() {
        assert_eq!(
            dateline_agency("SEOUL, Nov. 14 (Yonhap) -- The toll rose").as_deref(),
            Some("Yonhap")
        );
        assert_eq!(
            dateline_agency("Mina, Saudi Arabia (AFP) June 17, 2024").as_deref(),
            Some("AFP")
        );
        assert_eq!(dateline_agency("The vote (held on Sunday) failed"), None);
        assert_eq!(dateline_agency("(AFP) no place"), None);
    }

    #[test]
    fn header_lines_give_a_full_date_and_a_byline() {
        let text = "A headline about 2023\n\nBy Jane Roe\nMina, Saudi Arabia (AFP) June 17, 2024\n\nBody on Monday.\n";
        let g = guess(text);
        assert_eq!(g.published.map(|p| p.0), Ymd::new(2024, 6, 17));
        assert_eq!(g.outlet.map(|o| o.0).as_deref(), Some("AFP"));
        assert_eq!(g.byline.as_deref(), Some("Jane Roe"));
        // A date without its year is not a publication date.
        assert_eq!(
            guess("Title\n\nSeoul, October 30\n\nText.\n").published,
            None
        );
    }

    #[test]
    fn the_written_config_parses_and_quotes_what_it_copies() {
        let sources = [&crate::source::from_text(
            "a",
            "dir/a.txt".into(),
            "T\n\nOriginal url: https://x.example/\"q\"\n".into(),
        )];
        let guesses: Vec<Guess> = sources.iter().map(|s| guess(&s.text)).collect();
        let text = config_text(Path::new("dir"), &sources, &guesses);
        let config = crate::config::Config::parse(&text).expect("parses");
        assert_eq!(config.source[0].file.as_deref(), Some("a.txt"));
        assert_eq!(
            config.source[0].url.as_deref(),
            Some("https://x.example/\"q\"")
        );
        assert_eq!(config.corpus.paths, ["."]);
    }
}
