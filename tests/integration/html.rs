//! The HTML report (`claims report`, `compare --format html`): its structure and escaping from
//! the bytes, and what a person sees in a real browser. The browser tests render the page in
//! headless Chromium (`--dump-dom`, which runs the page's script) and read the resulting
//! document: how many fact cards there are and which are hidden, the conflict card with both
//! quotes, the filter that hides agreeing facts, an article's `<script>` staying text. Without
//! Chromium they say so and pass; with `CI` set they fail instead (`.ci/run` installs
//! Debian's `chromium` first).

use crate::common::*;

/// Browsers to try, in order; `CLAIMS_CHROMIUM` names another.
const BROWSERS: &[&str] = &["chromium", "chromium-browser", "google-chrome", "chrome"];

/// The seed corpus's report: the facts compare shows (two sources or more).
fn seed_report(dir: &TempDir, extra: &[&str]) -> (PathBuf, String) {
    let out = dir.path().join("report.html");
    let mut args: Vec<String> = vec![
        "--config".into(),
        Path::new(MANIFEST_DIR)
            .join("claims.toml")
            .display()
            .to_string(),
        "report".into(),
        "-o".into(),
        out.display().to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    Test::new().args(args).run().code(0).stdout_has("wrote ");
    let html = fs::read_to_string(&out).unwrap();
    (out, html)
}

/// The facts `compare` shows for the seed corpus, as (group id, verdict).
fn seed_facts() -> Vec<(String, String)> {
    let doc = Test::in_repo()
        .args(["compare", "--format", "json"])
        .run()
        .json();
    doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (str_of(&g["id"]), str_of(&g["verdict"])))
        .collect()
}

/// The opening tags of the fact cards, in page order.
fn card_tags(dom: &str) -> Vec<&str> {
    dom.match_indices("<article class=\"fact")
        .map(|(i, _)| &dom[i..i + dom[i..].find('>').unwrap()])
        .collect()
}

/// The card with this id, from its opening tag to its end.
fn card<'a>(dom: &'a str, id: &str) -> &'a str {
    let start = dom
        .find(&format!("id=\"{id}\" data-verdict"))
        .unwrap_or_else(|| panic!("no card {id}"));
    let start = dom[..start].rfind("<article").unwrap();
    let end = start + dom[start..].find("</article>").unwrap();
    &dom[start..end]
}

#[test]
fn report_has_one_card_per_fact_conflicts_first_and_every_source() {
    let dir = TempDir::new("html-structure");
    let (_, html) = seed_report(&dir, &[]);
    let facts = seed_facts();
    let tags = card_tags(&html);
    assert_eq!(tags.len(), facts.len(), "{tags:#?}");
    // Conflicts first, then compatible, then agree.
    let order: Vec<&str> = tags
        .iter()
        .map(|t| {
            t.split("data-verdict=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
        })
        .collect();
    let rank = |v: &str| {
        ["conflict", "compatible", "agree", "single"]
            .iter()
            .position(|x| *x == v)
    };
    assert!(
        order.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "{order:?}"
    );
    assert_eq!(order[0], "conflict");
    // Self-contained: no external script, style sheet or font.
    for needle in ["<script src", "<link", "@import", "url(http"] {
        assert!(!html.contains(needle), "{needle}");
    }
    // The header names every source with its outlet, date and address.
    for part in [
        "The Moscow Times",
        "2023-10-13",
        "href=\"https://www.themoscowtimes.com/",
        "Foreign Affairs (unsigned)",
        "13 facts: 9 agree, 3 compatible, 1 conflict; 50 single-source",
    ] {
        assert!(html.contains(part), "{part}");
    }
    // Each quote links to its line in the source text the page carries.
    let g34 = card(&html, "g34");
    let link = g34
        .split("href=\"#s")
        .nth(2)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(html.contains(&format!("<li id=\"s{link}\"")), "{link}");
    // Verdicts are words and icons, not colour alone.
    assert!(g34.contains("✖</span> conflict"), "{g34}");
    // The same bytes every time.
    let (_, again) = seed_report(&dir, &[]);
    assert_eq!(html, again);
    // `compare --format html` is the same page.
    let piped = Test::in_repo().args(["compare", "--format", "html"]).run();
    piped.code(0);
    assert_eq!(piped.stdout, html);
}

/// A two-article corpus whose conflict quotes hostile markup.
fn hostile_corpus(tag: &str) -> TempDir {
    let dir = TempDir::new(tag);
    dir.write(
        "a.txt",
        "Flood report\n\nThe Storm Daniel flood in Derna killed 1,200 people \
         <script>document.title='pwned'</script> in the valley, the Wadi Derna mayor said.\n",
    );
    dir.write(
        "b.txt",
        "Flood update\n\nThe Storm Daniel flood in Derna killed 1,500 people \
         <img src=x onerror=\"document.title='pwned'\"> in the valley, the Wadi Derna mayor said.\n",
    );
    dir.write(
        "claims.toml",
        "[corpus]\npaths = [\".\"]\n\n[[source]]\nid = \"a\"\noutlet = \"<b>Bold</b> & Co\"\n\
         url = \"javascript:alert(1)\"\n",
    );
    dir
}

#[test]
fn article_text_and_config_values_stay_text() {
    let dir = hostile_corpus("html-escape");
    dir.claims().args(["report", "-o", "r.html"]).run().code(0);
    let html = fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(
        !html.contains("<script>document"),
        "raw script from an article"
    );
    assert!(!html.contains("<img src=x"), "raw img from an article");
    assert!(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
    assert!(html.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; Co"));
    assert!(
        !html.contains("href=\"javascript:"),
        "a javascript: address became a link"
    );
    assert_eq!(
        html.matches("<script>").count(),
        1,
        "only the page's own script"
    );
}

// ---------------------------------------------------------------------------------------------
// In a real browser
// ---------------------------------------------------------------------------------------------

/// The browser to use, or `None` (with a note) when there is none; in CI a missing browser
/// fails the test.
fn browser() -> Option<String> {
    let named = std::env::var("CLAIMS_CHROMIUM").ok();
    let found = named
        .into_iter()
        .chain(BROWSERS.iter().map(|s| s.to_string()))
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        });
    if found.is_none() {
        let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
        assert!(
            !ci,
            "CI is set but no Chromium was found (tried {BROWSERS:?}); .ci/run installs it"
        );
        eprintln!(
            "note: skipping the browser test: no Chromium found (tried {BROWSERS:?}, or set \
             CLAIMS_CHROMIUM); `apt-get install chromium` or run .ci/run"
        );
    }
    found
}

/// The document after the page's script ran, as headless Chromium dumps it.
fn dump_dom(browser: &str, file: &Path, query: &str) -> String {
    let profile = TempDir::new("chromium-profile");
    let url = format!("file://{}{query}", file.display());
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(&url)
        .stdin(Stdio::null())
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success() && dom.contains("</html>"),
        "chromium failed on {url}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    dom
}

#[test]
fn browser_shows_every_fact_and_the_conflict_with_both_quotes() {
    let Some(browser) = browser() else { return };
    let dir = TempDir::new("html-browser");
    let (file, _) = seed_report(&dir, &[]);
    let facts = seed_facts();
    let dom = dump_dom(&browser, &file, "");
    let tags = card_tags(&dom);
    assert_eq!(tags.len(), facts.len());
    assert!(tags.iter().all(|t| !t.contains("hidden")), "{tags:#?}");
    assert!(dom.contains(&format!("Showing {n} of {n} facts", n = facts.len())));
    // The conflict: both sources, each quote with its value marked.
    let (conflict, _) = facts.iter().find(|(_, v)| v == "conflict").unwrap();
    let g = card(&dom, conflict);
    assert!(
        g.contains("IWPR") && g.contains("Foreign Affairs (unsigned)"),
        "{g}"
    );
    assert!(
        g.contains("Russia is the <mark>second-largest</mark> investor after China"),
        "{g}"
    );
    assert!(
        g.contains("Russia is the <mark>largest</mark> investor in Kyrgyzstan"),
        "{g}"
    );
    assert!(g.contains("CONFLICT") || g.contains("conflict"), "{g}");
}

#[test]
fn browser_filter_hides_agreeing_facts() {
    let Some(browser) = browser() else { return };
    let dir = TempDir::new("html-filter");
    let (file, _) = seed_report(&dir, &[]);
    let facts = seed_facts();
    let dom = dump_dom(&browser, &file, "?verdict=conflict,compatible");
    let tags = card_tags(&dom);
    assert_eq!(tags.len(), facts.len());
    let mut visible = 0;
    for t in &tags {
        let agree = t.contains("data-verdict=\"agree\"");
        assert_eq!(t.contains("hidden"), agree, "{t}");
        visible += usize::from(!agree);
    }
    let want = facts.iter().filter(|(_, v)| v != "agree").count();
    assert_eq!(visible, want);
    assert!(dom.contains(&format!("Showing {want} of {} facts", facts.len())));
    // Search and kind filters compose: a kind with no conflict hides everything but its facts.
    let dom = dump_dom(&browser, &file, "?kind=rank");
    let tags = card_tags(&dom);
    let shown: Vec<&&str> = tags.iter().filter(|t| !t.contains("hidden")).collect();
    assert!(
        shown.iter().all(|t| t.contains("data-kind=\"rank\"")),
        "{shown:#?}"
    );
    assert!(!shown.is_empty());
}

#[test]
fn browser_runs_no_script_from_an_article() {
    let Some(browser) = browser() else { return };
    let dir = hostile_corpus("html-browser-escape");
    dir.claims()
        .args(["report", "-o", "r.html", "--all"])
        .run()
        .code(0);
    let dom = dump_dom(&browser, &dir.path().join("r.html"), "");
    let title = dom
        .split("<title>")
        .nth(1)
        .unwrap()
        .split("</title>")
        .next()
        .unwrap();
    assert!(!title.contains("pwned"), "an article's script ran: {title}");
    assert!(
        dom.contains("&lt;script&gt;document.title="),
        "the script is shown as text"
    );
}
