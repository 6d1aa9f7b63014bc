//! What a person meets first: the compare table at 80 columns (pinned by a golden file), the
//! first run in a folder of articles with no claims.toml, `claims init`, the shell completions
//! and the man page, `--help` examples, `show` by fingerprint, colour decided once (clap's own
//! errors included), and GitHub annotations within GitHub's limits.

use crate::common::*;
use unicode_width::UnicodeWidthStr;

/// `compare` in this process as on a terminal of `width` columns, without colour.
fn compare_on_terminal(width: u16) -> String {
    use clap::Parser;
    let config = Path::new(MANIFEST_DIR).join("claims.toml");
    let cli = claims::cli::Cli::try_parse_from([
        "claims".into(),
        "--config".into(),
        config.into_os_string(),
        "--color".into(),
        "never".into(),
        "compare".into(),
    ])
    .unwrap();
    let term = claims::Terminal {
        stdout_tty: true,
        width: Some(width),
        no_color: true,
        progress: false,
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = claims::run(&cli, &term, &mut std::io::empty(), &mut out, &mut err).unwrap();
    assert_eq!(status.code(), 0, "{}", String::from_utf8_lossy(&err));
    String::from_utf8(out).unwrap()
}

#[test]
fn golden_compare_table_at_80_columns() {
    let table = compare_on_terminal(80);
    for line in table.lines() {
        assert!(line.width() <= 80, "{} columns: {line}", line.width());
    }
    // Labels come from the measure, not from sentence fragments.
    assert!(table.contains("count of countries — Rome"), "{table}");
    assert!(!table.contains("date: In "), "{table}");
    golden("compare.table80.txt", &table);
}

#[test]
fn wide_terminals_use_their_width_and_narrow_ones_still_fit() {
    let wide = compare_on_terminal(200);
    assert!(wide.lines().all(|l| l.width() <= 200));
    assert!(
        wide.lines().any(|l| l.width() > 120),
        "the table uses the width"
    );
    let narrow = compare_on_terminal(60);
    assert!(narrow.lines().all(|l| l.width() <= 60), "{narrow}");
}

/// Two reports of one flood that disagree on the toll, with an address and a dateline.
fn flood_folder(tag: &str) -> TempDir {
    let dir = TempDir::new(tag);
    dir.write(
        "wire/a.txt",
        "Flood kills 1,200 in Derna\n\nBy Jane Roe\nBENGHAZI, Libya (AFP) September 13, 2023\n\n\
         The Storm Daniel flood in Derna killed 1,200 people on Sunday, the Wadi Derna mayor \
         said.\n",
    );
    dir.write(
        "b.txt",
        "Derna toll rises\n\nThe Storm Daniel flood in Derna killed 1,500 people on Sunday, the \
         Wadi Derna mayor said.\n\nOriginal url: https://www.example-news.com/2023/09/14/derna-toll\n",
    );
    dir
}

#[test]
fn first_run_compares_the_current_folder_without_claims_toml() {
    let dir = flood_folder("first-run");
    let out = dir.claims().args(["compare"]).run();
    out.code(0)
        .stdout_has("conflict")
        .stdout_has("1,200")
        .stdout_has("1,500");
    // show and report read it too.
    dir.claims()
        .args(["show", "g1"])
        .run()
        .code(0)
        .stdout_has("»1,200«");
    let empty = TempDir::new("first-run-empty");
    empty
        .claims()
        .args(["compare"])
        .run()
        .code(2)
        .stderr_has("no article file");
}

#[test]
fn init_writes_a_commented_claims_toml_and_never_overwrites_it() {
    let dir = flood_folder("init");
    dir.claims()
        .args(["init"])
        .run()
        .code(0)
        .stdout_has("wrote ./claims.toml: 2 sources; outlet found for 2, publication date for 2");
    let toml = fs::read_to_string(dir.path().join("claims.toml")).unwrap();
    assert!(
        toml.starts_with("# claims.toml: written by `claims init`"),
        "{toml}"
    );
    assert!(toml.contains("file = \"wire/a.txt\""), "{toml}");
    // What compare now reads from it: the outlets and dates the texts gave.
    let doc = dir
        .claims()
        .args(["compare", "--format", "json"])
        .run()
        .json();
    let sources: Vec<(String, String, String)> = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                str_of(&s["outlet"]),
                str_of(&s["published"]),
                str_of(&s["published_from"]),
            )
        })
        .collect();
    assert_eq!(
        sources,
        [
            ("AFP".into(), "2023-09-13".into(), "config".into()),
            (
                "example-news.com".into(),
                "2023-09-14".into(),
                "config".into()
            )
        ]
    );
    // Never over an existing file without --force.
    let before = toml.clone();
    dir.claims()
        .args(["init"])
        .run()
        .code(2)
        .stderr_has("claims.toml exists; `claims init --force` replaces it");
    assert_eq!(
        fs::read_to_string(dir.path().join("claims.toml")).unwrap(),
        before
    );
    dir.claims().args(["init", "--force"]).run().code(0);
    // Another folder, named.
    let other = flood_folder("init-dir");
    let parent = other.path().parent().unwrap();
    Test::new()
        .current_dir(parent)
        .args(["init".into(), other.path().as_os_str().to_owned()])
        .run()
        .code(0);
    assert!(other.path().join("claims.toml").is_file());
}

#[test]
fn init_takes_a_datelines_year_from_the_other_articles_and_keeps_a_month_alone() {
    let dir = TempDir::new("init-years");
    dir.write(
        "a.txt",
        "Crush toll rises\n\nSEOUL, Nov. 14 (Yonhap) -- The death toll rose to 158 on Monday.\n",
    );
    dir.write(
        "b.txt",
        "Crush in Seoul\n\nThe toll reached 156 people, officials said.\n\n\
         Original url: https://www.example-news.com/2022/10/31/seoul-crush\n",
    );
    dir.write(
        "c.txt",
        "Seoul mourns\n\nThe toll reached 154 people, officials said.\n\n\
         Original url: https://other.example/2022/11/seoul-mourns.html\n",
    );
    dir.claims()
        .args(["init"])
        .run()
        .code(0)
        .stdout_has("publication date for 2 (the month only for 1 more)");
    let toml = fs::read_to_string(dir.path().join("claims.toml")).unwrap();
    assert!(
        toml.contains(
            "published = 2022-11-14  # from the dateline, line 3, its year from the other \
             articles' dates"
        ),
        "{toml}"
    );
    assert!(
        toml.contains("published = \"2022-11\"  # the month only, from the address"),
        "{toml}"
    );
    // compare reads the month as the article's month, not as a day.
    let doc = dir
        .claims()
        .args(["compare", "--format", "json"])
        .run()
        .code(0)
        .json();
    let published: Vec<String> = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["published"].as_str().unwrap_or("none").to_string())
        .collect();
    assert_eq!(published, ["2022-11-14", "2022-10-31", "none"]);
}

#[test]
fn completions_parse_in_their_shells() {
    for shell in ["bash", "zsh", "fish"] {
        let out = Test::new().args(["completions", shell]).run();
        out.code(0);
        for word in ["compare", "report", "init", "--format"] {
            assert!(out.stdout.contains(word), "{shell}: {word}");
        }
        let file = TempDir::new("completions");
        let script = file.write(&format!("claims.{shell}"), &out.stdout);
        let check: &[&str] = match shell {
            "bash" => &["-n"],
            "zsh" => &["-n"],
            _ => &["--no-execute"],
        };
        match Command::new(shell).args(check).arg(&script).output() {
            Ok(o) => assert!(
                o.status.success(),
                "{shell} rejects the script: {}",
                String::from_utf8_lossy(&o.stderr)
            ),
            // bash is everywhere CI runs; zsh and fish may not be installed.
            Err(e) if shell != "bash" => eprintln!("note: {shell} not checked: {e}"),
            Err(e) => panic!("bash: {e}"),
        }
    }
}

#[test]
fn man_page_names_every_command_and_renders() {
    let out = Test::new().args(["man"]).run();
    out.code(0);
    assert!(out.stdout.starts_with(".ie \\n(.g .ds Aq") || out.stdout.contains(".TH claims 1"));
    for cmd in [
        "compare",
        "report",
        "init",
        "completions",
        "check",
        "baseline",
    ] {
        assert!(out.stdout.contains(cmd), "{cmd}");
    }
    let dir = TempDir::new("man");
    let page = dir.write("claims.1", &out.stdout);
    match Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .arg(&page)
        .output()
    {
        Ok(o) => assert!(
            o.status.success() && o.stderr.is_empty(),
            "groff warns: {}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => eprintln!("note: the man page was not rendered (no groff: {e})"),
    }
    // One page per command into a folder.
    let pages = TempDir::new("man-dir");
    Test::new()
        .args([
            "man".into(),
            "--dir".into(),
            pages.path().as_os_str().to_owned(),
        ])
        .run()
        .code(0);
    for name in [
        "claims.1",
        "claims-compare.1",
        "claims-report.1",
        "claims-baseline-accept.1",
    ] {
        assert!(pages.path().join(name).is_file(), "{name}");
    }
}

#[test]
fn help_has_examples_for_every_command_and_lists_the_kinds() {
    let top = Test::new().args(["--help"]).run();
    top.code(0)
        .stdout_has("Examples:")
        .stdout_has("claims report -o report.html");
    for cmd in [
        "extract",
        "compare",
        "show",
        "check",
        "baseline",
        "export",
        "report",
        "init",
        "completions",
        "man",
    ] {
        Test::new()
            .args([cmd, "--help"])
            .run()
            .code(0)
            .stdout_has("Examples:");
    }
    for cmd in ["compare", "extract", "report"] {
        let help = Test::new().args([cmd, "--help"]).run().stdout;
        let flat = help.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(
                "count, money, percent, fraction, ordinal, rank, date, duration, distance, \
                 area, mass, volume, speed, temperature, angle, data, number"
            ),
            "{cmd}: {help}"
        );
    }
}

#[test]
fn show_takes_a_fingerprint_or_a_unique_prefix() {
    let by_id = Test::in_repo().args(["show", "g34"]).run();
    by_id.code(0);
    let doc = Test::in_repo()
        .args(["compare", "--format", "json"])
        .run()
        .json();
    let fp = doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == "g34")
        .map(|g| str_of(&g["fingerprint"]))
        .unwrap();
    let hex = fp.strip_prefix("v1:").unwrap();
    for want in [fp.as_str(), &fp[..10], &hex[..8]] {
        let out = Test::in_repo().args(["show", want]).run();
        out.code(0);
        assert_eq!(out.stdout, by_id.stdout, "{want}");
    }
    Test::in_repo()
        .args(["show", "v1:"])
        .run()
        .code(2)
        .stderr_has("give more of it");
    Test::in_repo()
        .args(["show", "zzz"])
        .run()
        .code(2)
        .stderr_has("no group `zzz`, and no fingerprint starts with it");
}

#[test]
fn colour_is_decided_once_for_the_report_and_for_clap() {
    const ESC: &str = "\x1b[";
    // clap's own error, coloured only when asked.
    let bad = |env: &[(&str, &str)], flag: Option<&str>| {
        let mut t = Test::new();
        for (k, v) in env {
            t = t.env(k, v);
        }
        if let Some(f) = flag {
            t = t.args(["--color", f]);
        }
        t.args(["compare", "--bogus"]).run()
    };
    assert!(bad(&[], Some("always")).stderr.contains(ESC));
    assert!(
        !bad(&[("CLICOLOR_FORCE", "1")], Some("never"))
            .stderr
            .contains(ESC)
    );
    assert!(bad(&[("CLICOLOR_FORCE", "1")], None).stderr.contains(ESC));
    assert!(
        !bad(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], None)
            .stderr
            .contains(ESC)
    );
    // The report on a pipe: plain unless forced.
    let table = |env: &[(&str, &str)]| {
        let mut t = Test::in_repo();
        for (k, v) in env {
            t = t.env(k, v);
        }
        t.args(["compare"]).run().stdout
    };
    assert!(!table(&[]).contains(ESC));
    assert!(table(&[("CLICOLOR_FORCE", "1")]).contains(ESC));
    assert!(!table(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains(ESC));
    assert!(!table(&[("TERM", "dumb")]).contains(ESC));
}

/// Pseudo-names for `n` unrelated stories (rare words the event clustering keys on).
fn story_name(n: usize) -> String {
    let syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi"];
    format!(
        "{}{}{}",
        syllables[n % 8].to_uppercase(),
        syllables[(n / 8) % 8],
        syllables[(n * 3 + 1) % 8]
    )
}

#[test]
fn github_annotations_are_one_per_conflict_and_within_githubs_limits() {
    let dir = TempDir::new("github-limits");
    let stories = 12;
    for n in 0..stories {
        let (place, river) = (story_name(n), story_name(n + 40));
        for (side, toll) in [("a", "1,200"), ("b", "1,500")] {
            dir.write(
                &format!("corpus/{n:02}{side}.txt"),
                format!(
                    "Flood\n\nThe Storm {river} flood in {place} killed {toll} people, the \
                     {place} {river} mayor said.\n"
                ),
            );
        }
    }
    dir.write("claims.toml", "[corpus]\npaths = [\"corpus\"]\n");
    let out = dir.claims().args(["check", "--format", "github"]).run();
    out.code(1);
    let errors = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("::error "))
        .count();
    let plain = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("New conflict v1:"))
        .count();
    assert_eq!(errors, 10, "{}", out.stdout);
    assert_eq!(errors + plain, stories, "{}", out.stdout);
    let last = out.stdout.lines().last().unwrap();
    assert!(
        last.starts_with("12 new, 0 accepted, 0 stale (2 not annotated"),
        "{last}"
    );
    // One annotation per conflict, naming the other claim with its place.
    let first = out.stdout.lines().next().unwrap();
    assert!(first.contains("%0AAlso: corpus/00"), "{first}");
}

/// Facts of one measure that the matcher kept apart are named together: `see also` in the
/// table, the Markdown explanation and `show`, the same ids as the JSON's `related`. Read from
/// a real event of the dev set (../shared, at run time).
#[test]
fn related_facts_are_named_in_table_markdown_and_show() {
    let event = Path::new(MANIFEST_DIR).join("../shared/eval/dev/hajj-heat-deaths-2024");
    let dir = TempDir::new("related");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&event).expect("the dev set beside the repository") {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            dir.write(&name, std::fs::read(&p).unwrap());
            names.push(name);
        }
    }
    names.sort();
    let json = dir
        .claims()
        .args(["compare", "--format", "json", "--all"])
        .args(names.iter())
        .run();
    let doc: serde_json::Value = serde_json::from_str(&json.code(0).stdout).unwrap();
    let groups = doc["groups"].as_array().unwrap();
    let with_related: Vec<&serde_json::Value> = groups
        .iter()
        .filter(|g| g["related"].as_array().is_some_and(|r| !r.is_empty()))
        .collect();
    assert!(!with_related.is_empty(), "no related facts in the event");
    let g = with_related[0];
    let id = g["id"].as_str().unwrap();
    let first = g["related"][0].as_str().unwrap();
    let show = dir.claims().args(["show", id]).args(names.iter()).run();
    show.code(0).stdout_has(&format!("see also {first}"));
    let table = dir
        .claims()
        .args(["compare", "--all"])
        .args(names.iter())
        .run();
    table.code(0).stdout_has(&format!("{id} see also {first}"));
    let md = dir
        .claims()
        .args(["compare", "--all", "--format", "markdown"])
        .args(names.iter())
        .run();
    md.code(0).stdout_has(&format!("see also {first}"));
}

/// The README's layout names every module of `src/` (each file and folder at the top, and
/// each folder one level down), so the map a newcomer reads cannot fall behind the tree.
#[test]
fn readme_layout_names_every_module() {
    let root = std::path::Path::new(MANIFEST_DIR);
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let layout = &readme[readme.find("## Layout").expect("a Layout section")..];
    let mut missing = Vec::new();
    let mut entries: Vec<String> = Vec::new();
    for e in std::fs::read_dir(root.join("src")).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type().unwrap().is_dir() {
            // Folders of tests only (src/copies/, src/names/) belong to their file.
            let only_tests = std::fs::read_dir(e.path())
                .unwrap()
                .all(|f| f.unwrap().file_name() == "tests.rs");
            if !only_tests {
                entries.push(format!("src/{name}/"));
            }
        } else if name.ends_with(".rs") {
            entries.push(format!("src/{name}"));
        }
    }
    for sub in ["src/extract", "src/report", "src/lang"] {
        for e in std::fs::read_dir(root.join(sub)).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                entries.push(format!("{}/", e.file_name().to_string_lossy()));
            }
        }
    }
    for entry in entries {
        if !layout.contains(&entry) {
            missing.push(entry);
        }
    }
    missing.sort();
    assert!(missing.is_empty(), "README layout lacks {missing:?}");
}
