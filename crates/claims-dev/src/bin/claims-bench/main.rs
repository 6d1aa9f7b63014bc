//! `claims-bench`: extraction throughput on a scaled corpus. Builds (deterministically, once) a
//! corpus of at least `--mb` megabytes from the seed articles in `corpus/`, each copy with its
//! digits replaced by a fixed-seed generator (separators kept) so it is not byte-identical
//! repetition; then times single-threaded extraction over it and over three adversarial inputs,
//! reports peak memory, and compares with `rg -j1 -c '\d[\d,.]*'` when ripgrep is on PATH,
//! the kernel alone and end to end (the `claims` binary beside this one, `-j 1 extract
//! --format jsonl` with its output read through a pipe, both pinned to one core, side by side).
//! `--hostile` runs the whole `claims compare` (through `claims::run`, in a child process so
//! each run reports its own peak memory) on a 100 MB article with no newline: once under the
//! default size limit (skipped unread) and once with the limit raised so it is read.
//! `--archive` measures issue 13 on the real `claims` binary (see `archive.rs`): `compare` on
//! story corpora of 10,000 to 100,000 articles, one story repeated 25,000 times, and
//! `extract --format jsonl` streaming and pinned to one core beside ripgrep.
//! A benchmark, not a test: wall time with `std::time::Instant`.

mod archive;

use claims::extract::{Context, extract, extract_each};
use claims_dev::stories::{Lcg, fnv, perturb, read_seeds, story_article, story_file_name};
use clap::Parser;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

const MB: f64 = 1024.0 * 1024.0;
/// Size of each adversarial input.
const ADVERSARIAL_BYTES: usize = 10 * 1024 * 1024;
const MANIFEST: &str = "MANIFEST";

#[derive(Parser)]
#[command(name = "claims-bench", about = "Throughput of the claim extractor")]
struct Cli {
    /// Size of the generated corpus in MB (MiB).
    #[arg(long, default_value_t = 50)]
    mb: usize,
    /// Where the generated corpus lives (reused when its manifest matches).
    #[arg(long, default_value = "bench-data")]
    dir: PathBuf,
    /// Folder of seed articles.
    #[arg(long, default_value = "corpus")]
    seeds: PathBuf,
    /// Benchmark `compare` instead: corpora of many stories at 1×, 4× and 16× `--stories`.
    #[arg(long)]
    compare: bool,
    /// Stories at 1× (each story is one article per seed: 500 × 5 seeds = 2,500 articles).
    /// Default 500 for --compare and --write-stories, 2,000 for --archive.
    #[arg(long)]
    stories: Option<usize>,
    /// Issue 13's measurements on the real `claims` binary (release build beside this one:
    /// run `cargo build --release --workspace` first), one child process per run, printed as
    /// markdown tables: `compare` in each of `--formats` (default all six) on corpora of `--scales`
    /// stories (five articles a story; default 1×, 4×, 10× `--stories`: 10,000, 40,000 and
    /// 100,000 articles, ~54, ~215 and ~537 MB) with wall time, user+system CPU time, peak RSS,
    /// bytes of output and the time growth between scales; `compare` on one story repeated
    /// (`--one-story-articles`); `extract --format jsonl` on the largest corpus (time to the
    /// first line, wall, peak RSS); and `extract -j 1` beside `rg -j1 -c` pinned to core 0.
    ///
    /// Corpora are written once under DIR/archive/ (~810 MB for the default scales plus
    /// ~133 MB for the single story, ~15 s to generate) and reused. Each measurement is taken
    /// `--repeat` times (default 3) and the run of median wall time shown. Duration on this
    /// 2-core machine at the head of December 6: one pass of compare in all six formats at
    /// the three scales ~8 min, the single story ~20 s, the extract runs ~30 s; about 26 min
    /// with the default three runs each (`--repeat 1` for a quick look). Each run is killed
    /// at `--timeout` or `--max-rss-mb`, and its row says so.
    #[arg(long, verbatim_doc_comment)]
    archive: bool,
    /// --archive: the story counts to run (comma-separated), e.g. `--scales 2000,8000`.
    #[arg(long, value_delimiter = ',', value_name = "STORIES")]
    scales: Vec<usize>,
    /// --archive: articles of the single-story corpus (copies of one story's articles,
    /// digits perturbed); 0 skips it.
    #[arg(long, default_value_t = 25_000, value_name = "N")]
    one_story_articles: usize,
    /// --archive: which measurements to take (comma-separated; default all).
    #[arg(long, value_enum, value_delimiter = ',')]
    only: Vec<archive::Part>,
    /// --archive: the `compare --format`s timed at each scale (comma-separated; default every
    /// format compare has: issue 13 asks each to grow linearly).
    #[arg(long, value_enum, value_delimiter = ',')]
    formats: Vec<claims::cli::CompareFormat>,
    /// --archive: kill a run after this many seconds (its row says so).
    #[arg(long, default_value_t = 1200, value_name = "SECS")]
    timeout: u64,
    /// --archive: kill a run whose resident memory passes this many MB.
    #[arg(long, default_value_t = 12_000, value_name = "MB")]
    max_rss_mb: u64,
    /// --archive and the end-to-end line: the `claims` binary to measure (default: the one
    /// beside claims-bench).
    #[arg(long, value_name = "PATH")]
    claims: Option<PathBuf>,
    /// --archive: measure without GNU time even where it exists (peak RSS sampled from /proc).
    #[arg(long, hide = true)]
    no_time: bool,
    /// --archive: runs of each measurement (the compare runs in rounds over the scales and
    /// formats, the pinned extract and rg alternated, the others back to back); the run of
    /// median wall time is shown, with the fastest and slowest. On a shared machine one run of
    /// the same work varies by ±10%, as much as the growth bound's margin.
    #[arg(long, default_value_t = 3, value_name = "N")]
    repeat: usize,
    /// Write the generated story articles of `--stories` stories to this folder and stop (to
    /// look at them, or run `claims compare` on them).
    #[arg(long, value_name = "DIR")]
    write_stories: Option<PathBuf>,
    /// Run one compare scale in this process (used by --compare, one child per scale so each
    /// reports its own peak memory).
    #[arg(long, hide = true)]
    scale: Option<usize>,
    /// Time `claims compare` on a 100 MB article with no newline (built in `--dir`, reused).
    #[arg(long)]
    hostile: bool,
    /// Run `claims compare` with this claims.toml in this process and print time, MB/s and
    /// peak memory (used by --hostile, one child per run).
    #[arg(long, hide = true, value_name = "CONFIG")]
    hostile_run: Option<PathBuf>,
    /// The command `--hostile-run` runs: compare, or extract (as JSON lines).
    #[arg(long, hide = true, default_value = "compare")]
    hostile_command: String,
}

/// Size of the `--hostile` article.
const HOSTILE_BYTES: usize = 100 * 1024 * 1024;

/// The seed articles with their newlines turned into spaces and their digits perturbed, repeated
/// to `HOSTILE_BYTES`: a single 100 MB line of real news text (not one repeated pattern).
fn write_hostile(dir: &Path, seeds: &[(String, String)]) -> Result<PathBuf, String> {
    let path = dir.join("hostile-100mb-one-line.txt");
    if std::fs::metadata(&path).is_ok_and(|m| m.len() == HOSTILE_BYTES as u64) {
        return Ok(path);
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut rng = Lcg(7);
    let mut text = String::with_capacity(HOSTILE_BYTES + 64 * 1024);
    while text.len() < HOSTILE_BYTES {
        for (_, seed) in seeds {
            text.push_str(&perturb(&seed.replace(['\n', '\r'], " "), &mut rng));
            text.push(' ');
        }
    }
    let mut cut = HOSTILE_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    while text.len() < HOSTILE_BYTES {
        text.push(' ');
    }
    std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// `--hostile`: one child per limit, each printing its own line.
fn run_hostile(cli: &Cli, seeds: &[(String, String)]) -> Result<(), String> {
    let file = write_hostile(&cli.dir.join("hostile"), seeds)?;
    // Paths in the config are relative to its folder, `cli.dir`.
    let name = file
        .strip_prefix(&cli.dir)
        .unwrap_or(&file)
        .to_string_lossy()
        .into_owned();
    println!(
        "hostile input: {} ({} bytes, no newline)",
        file.display(),
        HOSTILE_BYTES
    );
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    for (label, limit, command) in [
        (
            "compare, default [input] max_bytes (16 MiB)",
            None,
            "compare",
        ),
        (
            "extract --format jsonl, max_bytes = 200 MiB",
            Some(200 * 1024 * 1024),
            "extract",
        ),
        (
            "compare, max_bytes = 200 MiB",
            Some(200 * 1024 * 1024),
            "compare",
        ),
    ] {
        let config = cli.dir.join(format!("hostile-{}.toml", limit.unwrap_or(0)));
        let mut toml = format!("[corpus]\npaths = [\"{name}\"]\n");
        if let Some(l) = limit {
            toml.push_str(&format!("[input]\nmax_bytes = {l}\n"));
        }
        std::fs::write(&config, toml).map_err(|e| format!("{}: {e}", config.display()))?;
        let out = Command::new(&exe)
            .arg("--hostile-run")
            .arg(&config)
            .arg("--hostile-command")
            .arg(command)
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| e.to_string())?;
        print!("{label}: {}", String::from_utf8_lossy(&out.stdout));
    }
    Ok(())
}

/// `--hostile-run CONFIG`: `claims --config CONFIG compare` (or `extract --format jsonl`) with
/// the report discarded.
fn hostile_run(config: &Path, command: &str) -> Result<(), String> {
    let config = config.to_string_lossy();
    let mut args = vec!["claims", "--config", &config, command];
    if command == "extract" {
        args.extend(["--format", "jsonl"]);
    }
    let cli = claims::cli::Cli::try_parse_from(args).map_err(|e| e.to_string())?;
    let term = claims::Terminal {
        stdout_tty: false,
        width: None,
        no_color: true,
        progress: false,
    };
    let mut err = Vec::new();
    let start = Instant::now();
    let status = claims::run(
        &cli,
        &term,
        &mut std::io::empty(),
        &mut std::io::sink(),
        &mut err,
    )
    .map_err(|e| e.to_string())?;
    let secs = start.elapsed().as_secs_f64();
    let said = String::from_utf8_lossy(&err);
    let said = said.lines().next().unwrap_or("").trim();
    println!(
        "exit {}, {secs:.2} s, {:.1} MB/s, peak memory {:.1} MB{}",
        status.code(),
        mbps(HOSTILE_BYTES, secs),
        peak_memory_mb().unwrap_or(f64::NAN),
        if said.is_empty() {
            String::new()
        } else {
            format!(" ({said})")
        }
    );
    Ok(())
}

/// One compare scale in this process: build `stories` stories from the seeds, extract and
/// compare them, print one line.
fn run_compare_scale(seeds: &[(String, String)], stories: usize) -> Result<(), String> {
    use claims::corpus::{Article, Corpus};
    let mut texts = Vec::with_capacity(stories * seeds.len());
    for story in 0..stories {
        for (name, text) in seeds {
            let stem = name.trim_end_matches(".txt");
            texts.push((format!("s{story:05}-{stem}"), story_article(text, story)));
        }
    }
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let config = claims::config::Config::default();
    let start = Instant::now();
    let articles: Vec<Article> = texts
        .into_iter()
        .map(|(id, text)| {
            let ctx = Context {
                source: &id,
                ..Context::default()
            };
            let claims = extract(&text, &ctx);
            bare_article(
                claims::source::from_text(&id, PathBuf::from(&id), text),
                claims,
            )
        })
        .collect();
    let extracted = start.elapsed().as_secs_f64();
    let n_claims: usize = articles.iter().map(|a| a.claims.len()).sum();
    let n_articles = articles.len();
    let corpus = Corpus {
        articles,
        skipped: Vec::new(),
        errors: Vec::new(),
        unmatched: Vec::new(),
    };
    let grouped = Instant::now();
    let comparison = claims::compare::compare(corpus, &config);
    let compared = grouped.elapsed().as_secs_f64();
    let total = start.elapsed().as_secs_f64();
    let s = comparison.summary();
    println!(
        "{stories} stories, {n_articles} articles, {:.1} MB, {n_claims} claims: extract {extracted:.2} s, \
         group+judge {compared:.2} s, total {total:.2} s; {} facts ({} conflict); peak {:.0} MB",
        bytes as f64 / MB,
        s.facts,
        s.conflict,
        peak_memory_mb().unwrap_or(f64::NAN)
    );
    Ok(())
}

/// `--compare`: one child process per scale; prints each line and the 16×/1× time ratio.
fn run_compare(cli: &Cli) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut totals = Vec::new();
    for factor in [1, 4, 16] {
        let stories = cli.stories.unwrap_or(500) * factor;
        let out = Command::new(&exe)
            .arg("--seeds")
            .arg(&cli.seeds)
            .arg("--scale")
            .arg(stories.to_string())
            .output()
            .map_err(|e| e.to_string())?;
        let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if !out.status.success() {
            return Err(format!(
                "scale {factor}×: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        println!("{factor:>2}×: {line}");
        let total = line
            .split("total ")
            .nth(1)
            .and_then(|t| t.split(' ').next())
            .and_then(|t| t.parse::<f64>().ok());
        totals.push(total);
    }
    if let (Some(Some(one)), Some(Some(sixteen))) = (totals.first(), totals.last()) {
        println!(
            "16× costs {:.1}× the time of 1× (linear would be 16×; the issue allows 20×)",
            sixteen / one
        );
    }
    Ok(())
}

/// Generate the corpus under `dir` unless a matching manifest says it is already there.
fn ensure_corpus(dir: &Path, seeds: &[(String, String)], mb: usize) -> Result<(), String> {
    let mut manifest = format!("claims-bench corpus v2\nmb = {mb}\n");
    for (name, text) in seeds {
        manifest.push_str(&format!(
            "seed {name} {} {:016x}\n",
            text.len(),
            fnv(text.as_bytes())
        ));
    }
    let manifest_path = dir.join(MANIFEST);
    if std::fs::read_to_string(&manifest_path).is_ok_and(|m| m == manifest) {
        eprintln!("reusing {}", dir.display());
        return Ok(());
    }
    let io = |e: std::io::Error| format!("{}: {e}", dir.display());
    std::fs::create_dir_all(dir).map_err(io)?;
    for entry in std::fs::read_dir(dir).map_err(io)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("bench-") && name.ends_with(".txt") || name == MANIFEST {
            std::fs::remove_file(entry.path()).map_err(io)?;
        }
    }
    let target = mb * 1024 * 1024;
    let mut rng = Lcg(0x5eed_c1a1_u64);
    let (mut written, mut i) = (0usize, 0usize);
    while written < target {
        let (_, seed) = &seeds[i % seeds.len()];
        let text = perturb(seed, &mut rng);
        std::fs::write(dir.join(format!("bench-{i:06}.txt")), &text).map_err(io)?;
        written += text.len();
        i += 1;
    }
    std::fs::write(&manifest_path, manifest).map_err(io)?;
    eprintln!(
        "generated {i} files, {:.1} MB in {}",
        written as f64 / MB,
        dir.display()
    );
    Ok(())
}

fn read_corpus(dir: &Path) -> Result<Vec<String>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display())))
        .collect()
}

/// Peak resident memory (VmHWM) in MB, when /proc says.
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Extract from every text on this thread, one at a time; (seconds, claims).
fn time_extract(texts: &[String]) -> (f64, usize) {
    let ctx = Context::default();
    let start = Instant::now();
    let claims: usize = texts
        .iter()
        .map(|t| std::hint::black_box(extract(std::hint::black_box(t), &ctx)).len())
        .sum();
    (start.elapsed().as_secs_f64(), claims)
}

/// Extract from every text on this thread in the groups the binary makes on one thread
/// ([`claims::corpus::groups`]); (seconds, claims).
fn time_extract_grouped(texts: &[String]) -> (f64, usize) {
    let ctx = Context::default();
    let start = Instant::now();
    let mut claims = 0;
    let articles: Vec<(&str, &Context)> = texts.iter().map(|t| (t.as_str(), &ctx)).collect();
    for group in claims::corpus::groups(articles, |a| a.0.len(), 1) {
        let each = extract_each(std::hint::black_box(&group));
        claims += std::hint::black_box(each)
            .iter()
            .map(Vec::len)
            .sum::<usize>();
    }
    (start.elapsed().as_secs_f64(), claims)
}

/// `source` with its `claims` as an article without metadata (no claims.toml entry), its
/// path as given.
fn bare_article(
    source: claims::source::Source,
    claims: Vec<claims::claim::Claim>,
) -> claims::corpus::Article {
    claims::corpus::Article {
        rel_path: source.path.clone(),
        source,
        outlet: None,
        url: None,
        published: None,
        published_from: None,
        filed: None,
        sha256: None,
        claims,
        quoted: None,
    }
}

/// Seconds of each stage of `claims -j 1 extract --format jsonl` over `dir`, in this process on
/// one thread, the fastest of [`RUNS`] runs each: what the binary's time is made of, beside
/// the end-to-end run (which adds the process, its page faults and the pipe).
struct Stages {
    /// The walk, each file opened, read and decoded (`source::walk`, as the binary reads).
    read: f64,
    /// The sources extracted in the groups the binary makes on one thread.
    extract: f64,
    /// Their `source`, `text`, `sentence` and `claim` lines made in a buffer handed on in
    /// pieces of [`claims::report::json::WRITE_BYTES`], as the binary does, but to nowhere
    /// (`io::sink`: no system call, no pipe).
    write: f64,
    /// The bytes of those lines.
    written: usize,
}

fn time_stages(dir: &Path) -> Result<Stages, String> {
    let config = claims::config::Config::default();
    let inputs = claims::corpus::inputs(&[dir.to_path_buf()], "stdin", &config)
        .map_err(|e| e.to_string())?;
    let read_all = || {
        let mut walk = claims::source::walk(
            &inputs,
            &claims::source::ReadOptions::default(),
            &mut std::io::empty(),
        );
        std::iter::from_fn(|| walk.next_source()).collect::<Vec<_>>()
    };
    let read = fastest_of(read_all);
    let sources = read_all();
    let extract_all = || {
        let contexts: Vec<Context> = (sources.iter())
            .map(|s| Context {
                source: &s.id,
                ..Context::default()
            })
            .collect();
        let articles: Vec<(&str, &Context)> = (sources.iter().zip(&contexts))
            .map(|(s, c)| (s.text.as_str(), c))
            .collect();
        (claims::corpus::groups(articles, |a| a.0.len(), 1).iter())
            .flat_map(|group| extract_each(group))
            .collect::<Vec<_>>()
    };
    let extract = fastest_of(extract_all);
    let claims = extract_all();
    let articles: Vec<claims::corpus::Article> = (sources.into_iter().zip(claims))
        .map(|(source, claims)| bare_article(source, claims))
        .collect();
    let mut written = 0;
    let write = fastest(|| {
        use claims::report::json::{Lines, WRITE_BYTES};
        let mut sink = CountingSink(0);
        let mut buf = Vec::with_capacity(2 * WRITE_BYTES);
        let start = Instant::now();
        for a in &articles {
            let mut lines = Lines::with_buffer(&mut sink, buf);
            // The sink takes everything.
            let _ = lines.buffer_extracted(a, &a.claims);
            let _ = lines.flush_over(WRITE_BYTES);
            buf = lines.into_buffer();
        }
        let _ = Lines::with_buffer(&mut sink, buf).flush_over(0);
        let secs = start.elapsed().as_secs_f64();
        written = sink.0;
        secs
    });
    Ok(Stages {
        read,
        extract,
        write,
        written,
    })
}

/// A writer that only counts the bytes it is given.
struct CountingSink(usize);

impl std::io::Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The fewest seconds of [`RUNS`] runs of `run`, which times itself.
fn fastest(mut run: impl FnMut() -> f64) -> f64 {
    (0..RUNS).map(|_| run()).fold(f64::INFINITY, f64::min)
}

/// The fewest seconds `work` takes in [`RUNS`] runs, what it makes dropped after the clock.
fn fastest_of<T>(mut work: impl FnMut() -> T) -> f64 {
    fastest(|| {
        let start = Instant::now();
        let made = std::hint::black_box(work());
        let secs = start.elapsed().as_secs_f64();
        drop(made);
        secs
    })
}

fn mbps(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / MB / secs.max(1e-9)
}

/// Seconds `rg -j1 -c '\d[\d,.]*' dir` takes, when rg is on PATH.
fn time_rg(dir: &Path) -> Option<f64> {
    let found = Command::new("rg")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        return None;
    }
    // The fastest of three runs (the first pays for the page cache), over the corpus files only
    // (`--max-depth 1`: not the hostile input kept in a subfolder).
    let mut best = f64::INFINITY;
    for _ in 0..RUNS {
        let start = Instant::now();
        let status = Command::new("rg")
            .args(["-j1", "--max-depth", "1", "-c", r"\d[\d,.]*"])
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()?;
        if status.code().is_none_or(|c| c > 1) {
            return None;
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    Some(best)
}

/// Timed runs of each measurement; the fastest is reported (the others wait on the machine).
const RUNS: usize = 3;

/// The three worst cases: one line of "1,1,1,…", digits without separators, words without
/// numbers.
fn adversarial() -> Vec<(&'static str, String)> {
    let commas = "1,".repeat(ADVERSARIAL_BYTES / 2);
    let mut rng = Lcg(42);
    let digits: String = (0..ADVERSARIAL_BYTES)
        .map(|_| char::from(rng.digit()))
        .collect();
    let words_list = [
        "the",
        "minister",
        "said",
        "talks",
        "would",
        "continue",
        "after",
        "a",
        "long",
        "visit",
        "officials",
        "declined",
        "to",
        "comment",
        "on",
        "reports",
    ];
    let mut words = String::with_capacity(ADVERSARIAL_BYTES + 16);
    let mut n = 0usize;
    while words.len() < ADVERSARIAL_BYTES {
        words.push_str(words_list[(rng.next_u64() as usize) % words_list.len()]);
        n += 1;
        words.push_str(match n % 97 {
            0 => ".\n",
            k if k % 13 == 0 => ". ",
            _ => " ",
        });
    }
    vec![
        ("\"1,1,1,...\" one line", commas),
        ("digits, no separators", digits),
        ("words, no numbers", words),
    ]
}

fn run(cli: &Cli) -> Result<(), String> {
    if let Some(config) = &cli.hostile_run {
        return hostile_run(config, &cli.hostile_command);
    }
    let seeds = read_seeds(&cli.seeds)?;
    if let Some(dir) = &cli.write_stories {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for story in 0..cli.stories.unwrap_or(500) {
            for (name, text) in &seeds {
                let path = dir.join(story_file_name(story, name));
                std::fs::write(&path, story_article(text, story))
                    .map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
        return Ok(());
    }
    if let Some(stories) = cli.scale {
        return run_compare_scale(&seeds, stories);
    }
    if cli.compare {
        return run_compare(cli);
    }
    if cli.archive {
        let one = cli.stories.unwrap_or(2_000);
        let scales = if cli.scales.is_empty() {
            vec![one, 4 * one, 10 * one]
        } else {
            cli.scales.clone()
        };
        let parts = if cli.only.is_empty() {
            vec![
                archive::Part::Compare,
                archive::Part::OneStory,
                archive::Part::Stream,
                archive::Part::Pinned,
            ]
        } else {
            cli.only.clone()
        };
        return archive::run(&archive::Options {
            dir: cli.dir.clone(),
            seeds,
            scales,
            one_story_articles: cli.one_story_articles,
            parts,
            formats: if cli.formats.is_empty() {
                clap::ValueEnum::value_variants().to_vec()
            } else {
                cli.formats.clone()
            },
            timeout: Duration::from_secs(cli.timeout),
            max_rss_mb: cli.max_rss_mb,
            claims: cli.claims.clone(),
            no_time: cli.no_time,
            repeat: cli.repeat,
        });
    }
    if cli.hostile {
        return run_hostile(cli, &seeds);
    }
    ensure_corpus(&cli.dir, &seeds, cli.mb)?;
    let texts = read_corpus(&cli.dir)?;
    let bytes: usize = texts.iter().map(String::len).sum();
    let best = |time: fn(&[String]) -> (f64, usize)| {
        (0..RUNS)
            .map(|_| time(&texts))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap_or((f64::NAN, 0))
    };
    let (one_secs, one_claims) = best(time_extract);
    let (secs, claims) = best(time_extract_grouped);
    let ours = mbps(bytes, secs);
    println!(
        "corpus: {} files, {:.1} MB in {}",
        texts.len(),
        bytes as f64 / MB,
        cli.dir.display()
    );
    println!("extract (1 thread): {secs:.3} s, {ours:.1} MB/s, {claims} claims");
    println!(
        "extract (1 thread, one article at a time): {one_secs:.3} s, {:.1} MB/s, {one_claims} claims",
        mbps(bytes, one_secs)
    );
    drop(texts);
    if let Some(peak) = peak_memory_mb() {
        println!("peak memory (VmHWM, corpus held in memory): {peak:.1} MB");
    }
    match time_rg(&cli.dir) {
        Some(rg_secs) => {
            let rg = mbps(bytes, rg_secs);
            println!(
                "rg -j1 -c '\\d[\\d,.]*': {rg_secs:.3} s, {rg:.1} MB/s; claims/rg speed ratio {:.3}",
                ours / rg
            );
        }
        None => println!("rg: not on PATH, no comparison"),
    }
    match time_stages(&cli.dir) {
        Ok(s) => println!(
            "extract --format jsonl by stage (this process, 1 thread): read {:.3} s (walk, open, \
             read, decode), extract {:.3} s, JSON lines {:.3} s ({:.0} MB, into memory); sum {:.3} s",
            s.read,
            s.extract,
            s.write,
            s.written as f64 / MB,
            s.read + s.extract + s.write
        ),
        Err(e) => println!("extract by stage: not measured ({e})"),
    }
    // The binary as a user runs it, beside rg: reading, extraction and the JSON lines written.
    if let Err(e) = archive::end_to_end(&cli.dir, cli.claims.as_deref(), RUNS) {
        println!("end to end: not measured ({e})");
    }
    for (name, text) in adversarial() {
        let (secs, claims) = (0..RUNS)
            .map(|_| time_extract(std::slice::from_ref(&text)))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap_or((f64::NAN, 0));
        println!(
            "adversarial {name} ({:.0} MB): {secs:.3} s, {:.1} MB/s, {claims} claims",
            text.len() as f64 / MB,
            mbps(text.len(), secs)
        );
    }
    if let Some(peak) = peak_memory_mb() {
        println!("peak memory (VmHWM, end): {peak:.1} MB");
    }
    Ok(())
}

/// mimalloc instead of the system allocator: extraction makes about a dozen small allocations
/// per claim (ids, terms, names), and glibc's malloc spent ~12% of extraction time on them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claims-bench: {e}");
            ExitCode::from(2)
        }
    }
}
