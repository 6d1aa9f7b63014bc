//! `claims-bench --archive`: the measurements of issue 13 ("a newsroom archive on one machine"),
//! taken on the real `claims` binary in child processes, as a user runs it.
//!
//! Corpora come from the story generator (five articles a story, one per seed article), written
//! once under `DIR/archive/` and reused while their manifest matches (same seeds, same
//! generator output); otherwise regenerated, deterministically. Each child is run under
//! GNU `time` when there is one (exact user and system time and peak RSS of that child), else
//! its peak RSS is sampled from /proc every 50 ms (marked `~`) and its CPU time read from this
//! process's children's totals in /proc/self/stat. A watchdog kills a child (its whole process
//! group) past `--timeout` or `--max-rss-mb`, and the row says so, with the figures it had.

use claims::cli::CompareFormat;
use claims_dev::stories::{fnv, story_article, story_copy, story_file_name};
use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const MB: f64 = 1024.0 * 1024.0;
/// The pattern the issue times ripgrep with: every run of digits and separators.
const RG_PATTERN: &str = r"\d[\d,.]*";
/// Bump when the layout or the generator's use changes, so old corpora are regenerated.
const ARCHIVE_VERSION: &str = "claims-bench archive v1";

/// Which measurements `--archive` takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Part {
    /// `compare` in each of the formats asked for (`--formats`) at each scale.
    Compare,
    /// `compare` on one story repeated (`--one-story-articles`).
    OneStory,
    /// `extract --format jsonl` on the largest scale: time to the first line, wall, peak RSS.
    Stream,
    /// `extract --format jsonl -j 1` and `rg -j1 -c` pinned to one core, side by side.
    Pinned,
}

pub struct Options {
    /// Where `archive/` goes.
    pub dir: PathBuf,
    pub seeds: Vec<(String, String)>,
    /// Stories per compare corpus (five articles a story with the bundled seeds).
    pub scales: Vec<usize>,
    /// Articles of the single-story corpus (0: skip).
    pub one_story_articles: usize,
    pub parts: Vec<Part>,
    /// The `compare --format`s timed at each scale.
    pub formats: Vec<CompareFormat>,
    pub timeout: Duration,
    pub max_rss_mb: u64,
    /// The `claims` binary; default: beside this executable.
    pub claims: Option<PathBuf>,
    /// Leave GNU time out even where it exists (to check the /proc fallback).
    pub no_time: bool,
    /// Runs of each measurement; the run of median wall time is reported (1: one run).
    pub repeat: usize,
}

/// The tools a measurement can lean on, found once.
struct Tools {
    claims: PathBuf,
    /// GNU time, for exact rusage of each child.
    time: Option<PathBuf>,
    taskset: bool,
    rg: bool,
}

/// What one child run cost.
#[derive(Clone, Debug, Default)]
struct Measured {
    wall: f64,
    user: Option<f64>,
    sys: Option<f64>,
    /// Peak resident set in KiB, and whether it is exact (GNU time) or sampled.
    peak_kb: Option<u64>,
    peak_exact: bool,
    out_bytes: u64,
    /// Seconds from spawn to the first newline on stdout.
    first_line: Option<f64>,
    /// Killed by the watchdog (why), or a failed exit (the code and the first stderr line).
    problem: Option<Problem>,
    /// The fastest and slowest wall time of the runs this one is the median of.
    spread: Option<(f64, f64)>,
}

#[derive(Clone, Debug, PartialEq)]
enum Problem {
    Timeout(f64),
    Memory(u64),
    Failed(String),
}

impl Measured {
    fn ok(&self) -> bool {
        self.problem.is_none()
    }
}

/// One generated corpus on disk.
struct Corpus {
    path: PathBuf,
    label: String,
    articles: usize,
    bytes: u64,
}

/// Everything a child needs besides its arguments.
struct Child<'a> {
    tools: &'a Tools,
    timeout: Duration,
    max_rss_kb: u64,
    repeat: usize,
}

pub fn run(opts: &Options) -> Result<(), String> {
    let tools = find_tools(opts.claims.as_deref(), opts.no_time)?;
    let root = opts.dir.join("archive");
    std::fs::create_dir_all(&root).map_err(|e| format!("{}: {e}", root.display()))?;
    // An empty claims.toml: defaults, and no `[corpus]` or `[[source]]` of the repository.
    let config = root.join("claims.toml");
    std::fs::write(
        &config,
        "# claims-bench --archive: defaults, inputs named on the command line\n",
    )
    .map_err(|e| format!("{}: {e}", config.display()))?;
    let config = std::fs::canonicalize(&config).map_err(|e| e.to_string())?;
    let child = Child {
        tools: &tools,
        timeout: opts.timeout,
        max_rss_kb: opts.max_rss_mb * 1024,
        repeat: opts.repeat.max(1),
    };
    let mut scales = opts.scales.clone();
    scales.sort_unstable();
    scales.dedup();
    scales.retain(|&s| s > 0);
    let wants = |p: Part| opts.parts.contains(&p);

    println!(
        "claims-bench --archive: {} ({}); {} cores; rusage: {}; timeout {} s, memory cap {} MB per run; {}",
        tools.claims.display(),
        claims_version(&tools.claims),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        tools.time.as_ref().map_or_else(
            || "sampled from /proc every 50 ms (~)".to_string(),
            |t| format!("{} (exact)", t.display())
        ),
        opts.timeout.as_secs(),
        opts.max_rss_mb,
        if child.repeat > 1 {
            format!(
                "each measured {} times, the run of median wall time shown (fastest-slowest beside it)",
                child.repeat
            )
        } else {
            "each measured once".to_string()
        },
    );
    println!();

    // compare at each scale. Every corpus is written (or found) first; then the runs are taken
    // in rounds, each scale and format once a round, so that a machine that slows down or
    // speeds up during the bench weighs on every scale alike: the growth between two scales
    // is the ratio of their times. (All runs of one scale back to back, then the next, measured
    // 4.7× per 4× from 40,000 to 100,000 articles for a build that measured 4.0× in rounds.)
    let mut corpora: Vec<Corpus> = Vec::new();
    let need_corpora = wants(Part::Compare) || wants(Part::Stream) || wants(Part::Pinned);
    for &stories in &scales {
        // Only the largest is needed when only the extract parts run.
        if (!wants(Part::Compare) && Some(&stories) != scales.last()) || !need_corpora {
            continue;
        }
        corpora.push(ensure_stories(&root, &opts.seeds, stories)?);
    }
    let formats: Vec<String> = opts.formats.iter().map(|&f| format_name(f)).collect();
    let measured: Vec<(usize, &String)> = if wants(Part::Compare) {
        (0..corpora.len())
            .flat_map(|c| formats.iter().map(move |f| (c, f)))
            .collect()
    } else {
        Vec::new()
    };
    let mut runs: Vec<Vec<Measured>> = measured.iter().map(|_| Vec::new()).collect();
    for _ in 0..child.repeat {
        for (&(c, format), runs) in measured.iter().zip(&mut runs) {
            let args = claims_args(&config, &["compare", "--format", format], &corpora[c].path);
            runs.push(child.run("claims", &args, false));
        }
    }
    let mut compare_rows: Vec<(Corpus, String, Measured)> = Vec::new();
    for ((c, format), runs) in measured.into_iter().zip(runs) {
        let m = median_of(runs);
        eprintln!(
            "  {}: compare --format {format}: {}",
            corpora[c].label,
            brief(&m)
        );
        compare_rows.push((corpora[c].clone_meta(), format.clone(), m));
    }
    let mut story_row = None;
    if wants(Part::OneStory) && opts.one_story_articles > 0 {
        let corpus = ensure_one_story(&root, &opts.seeds, opts.one_story_articles)?;
        let m = child.median(
            "claims",
            &claims_args(&config, &["compare", "--format", "table"], &corpus.path),
            false,
        );
        eprintln!("  {}: compare --format table: {}", corpus.label, brief(&m));
        story_row = Some((corpus, m));
    }
    if !compare_rows.is_empty() || story_row.is_some() {
        print_compare(&compare_rows, story_row.as_ref());
    }

    // extract on the largest corpus
    let mut stream = None;
    let mut pinned = None;
    if let Some(largest) = corpora.last() {
        if wants(Part::Stream) {
            let m = child.median(
                "claims",
                &claims_args(&config, &["extract", "--format", "jsonl"], &largest.path),
                false,
            );
            eprintln!("  {}: extract --format jsonl: {}", largest.label, brief(&m));
            stream = Some(m);
        }
        if wants(Part::Pinned) {
            let ours_args = claims_args(
                &config,
                &["-j", "1", "extract", "--format", "jsonl"],
                &largest.path,
            );
            let rg_args = rg_args(&largest.path);
            // Side by side: each run of ours followed by one of rg, so both meet the same load.
            let (mut ours, mut rg) = (Vec::new(), Vec::new());
            for _ in 0..child.repeat {
                ours.push(child.run("claims", &ours_args, true));
                if tools.rg {
                    rg.push(child.run("rg", &rg_args, true));
                }
            }
            let ours = median_of(ours);
            eprintln!(
                "  {}: pinned extract --format jsonl -j 1: {}",
                largest.label,
                brief(&ours)
            );
            let rg = tools.rg.then(|| {
                let m = median_of(rg);
                eprintln!("  {}: pinned rg: {}", largest.label, brief(&m));
                m
            });
            pinned = Some((ours, rg));
        }
        if stream.is_some() || pinned.is_some() {
            print_extract(largest, stream.as_ref(), pinned.as_ref(), &tools);
        }
    }
    print_done_when(
        &compare_rows,
        story_row.as_ref(),
        corpora.last(),
        stream.as_ref(),
        pinned.as_ref(),
    );
    Ok(())
}

impl Corpus {
    fn clone_meta(&self) -> Corpus {
        Corpus {
            path: self.path.clone(),
            label: self.label.clone(),
            articles: self.articles,
            bytes: self.bytes,
        }
    }
}

/// `--config CONFIG [global...] COMMAND [args...] PATH`, with the global flags (`-j`) first.
/// A format as `--format` names it.
/// The arguments of the rg run the issue compares with, over `path`. `--no-ignore`: every file
/// is searched even where a parent .gitignore names the folder (bench-data/ is ignored in the
/// repository); the work is the same.
fn rg_args(path: &Path) -> Vec<OsString> {
    let mut args: Vec<OsString> = ["-j1", "--no-ignore", "-c", RG_PATTERN]
        .iter()
        .map(OsString::from)
        .collect();
    args.push(path.into());
    args
}

fn format_name(f: CompareFormat) -> String {
    use clap::ValueEnum;
    f.to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

fn claims_args(config: &Path, args: &[&str], path: &Path) -> Vec<OsString> {
    let mut out: Vec<OsString> = vec!["--config".into(), config.into()];
    out.extend(args.iter().map(OsString::from));
    out.push(path.into());
    out
}

fn find_tools(claims: Option<&Path>, no_time: bool) -> Result<Tools, String> {
    let claims = match claims {
        Some(p) => p.to_path_buf(),
        None => {
            let exe = std::env::current_exe().map_err(|e| e.to_string())?;
            exe.with_file_name(format!("claims{}", std::env::consts::EXE_SUFFIX))
        }
    };
    if !claims.is_file() {
        return Err(format!(
            "no `claims` binary at {}: --archive runs the real binary; build it first with \
             `cargo build --release --workspace` and run `target/release/claims-bench --archive` \
             (or name one with --claims PATH)",
            claims.display()
        ));
    }
    if claims.components().any(|c| c.as_os_str() == "debug") {
        eprintln!(
            "claims-bench: warning: {} is a debug build; the numbers mean nothing for issue 13 \
             (use `cargo build --release --workspace`)",
            claims.display()
        );
    }
    let runs = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let time = Path::new("/usr/bin/time");
    let time = (!no_time
        && runs(
            "/usr/bin/time",
            &["-f", "%e %U %S %M", "-o", "/dev/null", "true"],
        ))
    .then(|| time.to_path_buf());
    Ok(Tools {
        claims,
        time,
        taskset: runs("taskset", &["-c", "0", "true"]),
        rg: runs("rg", &["--version"]),
    })
}

fn claims_version(claims: &Path) -> String {
    Command::new(claims)
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "version unknown".into())
}

// --- corpora ---------------------------------------------------------------------------------

/// The manifest that says a corpus folder is what these arguments would write: the layout
/// version, the size, each seed's fingerprint, and the fingerprint of one generated article (so a
/// change to the generator regenerates).
fn manifest(kind: &str, n: usize, seeds: &[(String, String)], sample: &str) -> String {
    let mut m = format!("{ARCHIVE_VERSION}\n{kind} = {n}\n");
    for (name, text) in seeds {
        m.push_str(&format!(
            "seed {name} {} {:016x}\n",
            text.len(),
            fnv(text.as_bytes())
        ));
    }
    m.push_str(&format!("sample {:016x}\n", fnv(sample.as_bytes())));
    m
}

/// `root/stories-NNNNN/`: `stories` stories of one article per seed, written unless its manifest
/// (beside it, so `claims` and `rg` never read it) matches.
fn ensure_stories(
    root: &Path,
    seeds: &[(String, String)],
    stories: usize,
) -> Result<Corpus, String> {
    let name = format!("stories-{stories:05}");
    let m = manifest("stories", stories, seeds, &story_article(&seeds[0].1, 1));
    let label = format!(
        "{} stories ({} articles",
        thousands(stories),
        thousands(stories * seeds.len())
    );
    ensure(
        root,
        &name,
        &m,
        label,
        stories,
        seeds,
        |story, (seed_name, text)| {
            (
                story_file_name(story, seed_name),
                story_article(text, story),
            )
        },
    )
}

/// `root/one-story-NNNNN/`: `articles` copies (rounded up to whole rounds of the seeds) of the
/// articles of story 0, each with its digits perturbed.
fn ensure_one_story(
    root: &Path,
    seeds: &[(String, String)],
    articles: usize,
) -> Result<Corpus, String> {
    let copies = articles.div_ceil(seeds.len());
    let name = format!("one-story-{:05}", copies * seeds.len());
    let firsts: Vec<String> = seeds.iter().map(|(_, t)| story_article(t, 0)).collect();
    let m = manifest(
        "one-story copies",
        copies,
        seeds,
        &story_copy(&firsts[0], &seeds[0].0, 1),
    );
    let label = format!(
        "one story: {} articles ({} copies of the {} articles of one story",
        thousands(copies * seeds.len()),
        thousands(copies),
        seeds.len()
    );
    let index: Vec<(&str, &str)> = seeds
        .iter()
        .zip(&firsts)
        .map(|((n, _), t)| (n.as_str(), t.as_str()))
        .collect();
    ensure(
        root,
        &name,
        &m,
        label,
        copies,
        seeds,
        |copy, (seed_name, _)| {
            let first = index
                .iter()
                .find(|(n, _)| *n == seed_name)
                .map_or("", |(_, t)| t);
            (
                format!("c{copy:05}-{seed_name}"),
                story_copy(first, seed_name, copy),
            )
        },
    )
}

/// Reuse `root/name/` when `root/name.manifest` equals `manifest`, else write it afresh on every
/// core: `rounds` rounds of one file per seed, `article(round, seed)` giving (file name, text).
fn ensure(
    root: &Path,
    name: &str,
    manifest: &str,
    label: String,
    rounds: usize,
    seeds: &[(String, String)],
    article: impl Fn(usize, &(String, String)) -> (String, String) + Sync,
) -> Result<Corpus, String> {
    let dir = root.join(name);
    let manifest_path = root.join(format!("{name}.manifest"));
    let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    let reuse = std::fs::read_to_string(&manifest_path).is_ok_and(|m| m == manifest);
    if !reuse {
        let _ = std::fs::remove_file(&manifest_path);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| io(&dir, e))?;
        }
        std::fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
        let start = Instant::now();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|t| {
                    let (dir, article) = (&dir, &article);
                    scope.spawn(move || -> Result<(), String> {
                        for round in (t..rounds).step_by(threads) {
                            for seed in seeds {
                                let (file, text) = article(round, seed);
                                let path = dir.join(file);
                                std::fs::write(&path, text).map_err(|e| io(&path, e))?;
                            }
                        }
                        Ok(())
                    })
                })
                .collect();
            workers.into_iter().try_for_each(|w| {
                w.join()
                    .map_err(|_| "generator thread panicked".to_string())?
            })
        })?;
        std::fs::write(&manifest_path, manifest).map_err(|e| io(&manifest_path, e))?;
        eprintln!(
            "generated {} in {:.1} s",
            dir.display(),
            start.elapsed().as_secs_f64()
        );
    } else {
        eprintln!("reusing {}", dir.display());
    }
    let (mut articles, mut bytes) = (0usize, 0u64);
    for entry in std::fs::read_dir(&dir).map_err(|e| io(&dir, e))?.flatten() {
        articles += 1;
        bytes += entry.metadata().map_or(0, |m| m.len());
    }
    let path = std::fs::canonicalize(&dir).map_err(|e| io(&dir, e))?;
    Ok(Corpus {
        path,
        label: format!("{label}, {:.0} MB)", bytes as f64 / MB),
        articles,
        bytes,
    })
}

// --- running a child ---------------------------------------------------------------------------

impl Child<'_> {
    /// The command line that runs `program args` under GNU time (when present, writing to the
    /// returned file) and pinned to core 0 when `pinned`.
    fn command_line(
        &self,
        program: &OsStr,
        args: &[OsString],
        pinned: bool,
    ) -> (Vec<OsString>, std::path::PathBuf) {
        let mut argv: Vec<OsString> = Vec::new();
        static RUNS: AtomicU64 = AtomicU64::new(0);
        let time_file = std::env::temp_dir().join(format!(
            "claims-bench-time-{}-{}",
            std::process::id(),
            RUNS.fetch_add(1, Ordering::Relaxed)
        ));
        if let Some(time) = &self.tools.time {
            argv.push(time.into());
            argv.extend(["-o".into(), time_file.clone().into()]);
            argv.extend(["-f".into(), "%e %U %S %M".into()]);
        }
        if pinned && self.tools.taskset {
            argv.extend(["taskset".into(), "-c".into(), "0".into()]);
        }
        argv.push(program.into());
        argv.extend(args.iter().cloned());
        (argv, time_file)
    }

    /// [`Child::run`] `repeat` times, back to back: the run of median wall time, with the
    /// spread (or the first run that failed).
    fn median(&self, program: &str, args: &[OsString], pinned: bool) -> Measured {
        median_of(
            (0..self.repeat)
                .map(|_| self.run(program, args, pinned))
                .collect(),
        )
    }

    /// Run `program args` (`claims` means the binary found beside the bench), pinned to core 0
    /// when `pinned` and taskset exists; stdout read and counted as it comes, stderr kept.
    fn run(&self, program: &str, args: &[OsString], pinned: bool) -> Measured {
        let program: &OsStr = if program == "claims" {
            self.tools.claims.as_os_str()
        } else {
            OsStr::new(program)
        };
        let (argv, time_file) = self.command_line(program, args, pinned);
        let _ = std::fs::remove_file(&time_file);
        let cpu_before = children_cpu();
        let start = Instant::now();
        let spawned = Command::new(&argv[0])
            .args(&argv[1..])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0)
            .spawn();
        let mut child = match spawned {
            Ok(c) => c,
            Err(e) => {
                return Measured {
                    problem: Some(Problem::Failed(format!(
                        "{}: {e}",
                        argv[0].to_string_lossy()
                    ))),
                    ..Measured::default()
                };
            }
        };
        let pid = child.id();
        let mut stdout = child.stdout.take();
        let mut stderr = child.stderr.take();
        let mut m = Measured::default();
        let mut sampled_kb = 0u64;
        let mut last = Sample::default();
        std::thread::scope(|scope| {
            let out = scope.spawn(move || {
                let (mut bytes, mut first) = (0u64, None);
                let mut buf = vec![0u8; 256 * 1024];
                if let Some(pipe) = stdout.as_mut() {
                    while let Ok(n) = pipe.read(&mut buf) {
                        if n == 0 {
                            break;
                        }
                        if first.is_none() && buf[..n].contains(&b'\n') {
                            first = Some(start.elapsed().as_secs_f64());
                        }
                        bytes += n as u64;
                    }
                }
                (bytes, first)
            });
            let err = scope.spawn(move || {
                let mut kept = Vec::new();
                if let Some(pipe) = stderr.as_mut() {
                    let _ = pipe.by_ref().take(64 * 1024).read_to_end(&mut kept);
                    let _ = std::io::copy(pipe, &mut std::io::sink());
                }
                String::from_utf8_lossy(&kept).into_owned()
            });
            let (tx, rx) = mpsc::channel();
            scope.spawn(move || {
                let status = child.wait();
                let _ = tx.send((status, start.elapsed().as_secs_f64()));
            });
            let (status, wall) = loop {
                match rx.recv_timeout(Duration::from_millis(50)) {
                    Ok(done) => break done,
                    Err(mpsc::RecvTimeoutError::Disconnected) => {
                        break (Err(std::io::Error::other("waiter gone")), f64::NAN);
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => {}
                }
                let now = sample_leaf(pid);
                sampled_kb = sampled_kb.max(now.hwm_kb);
                let rss = now.rss_kb;
                if now.hwm_kb > 0 {
                    last = now;
                }
                if m.problem.is_none() {
                    if start.elapsed() > self.timeout {
                        m.problem = Some(Problem::Timeout(self.timeout.as_secs_f64()));
                        kill_group(pid);
                    } else if rss > self.max_rss_kb {
                        m.problem = Some(Problem::Memory(rss));
                        kill_group(pid);
                    }
                }
            };
            m.wall = wall;
            let (bytes, first) = out.join().unwrap_or((0, None));
            m.out_bytes = bytes;
            m.first_line = first;
            let said = err.join().unwrap_or_default();
            if m.problem.is_none() {
                match status {
                    Ok(s) if s.success() => {}
                    // rg exits 1 when nothing matched: not a failure of the measurement.
                    Ok(s) if s.code() == Some(1) && program == "rg" => {}
                    Ok(s) => {
                        let line = said
                            .lines()
                            .rev()
                            .find(|l| !l.trim().is_empty() && !l.starts_with("Command "))
                            .unwrap_or("")
                            .trim();
                        m.problem = Some(Problem::Failed(format!("{s}: {line}")));
                    }
                    Err(e) => m.problem = Some(Problem::Failed(e.to_string())),
                }
            }
        });
        let timed = std::fs::read_to_string(&time_file)
            .ok()
            .and_then(|t| parse_time(&t));
        let _ = std::fs::remove_file(&time_file);
        settle_cpu_and_memory(&mut m, timed, &last, sampled_kb, cpu_before);
        m
    }
}

/// The CPU time and peak memory of a finished run: GNU time's when it wrote them, else the
/// last sample of a run that was killed, else the children's CPU and the sampled peak.
fn settle_cpu_and_memory(
    m: &mut Measured,
    timed: Option<(f64, f64, u64)>,
    last: &Sample,
    sampled_kb: u64,
    cpu_before: Option<(f64, f64)>,
) {
    match timed {
        Some((user, sys, kb)) => {
            m.user = Some(user);
            m.sys = Some(sys);
            m.peak_kb = Some(kb);
            m.peak_exact = true;
        }
        // Killed with its `time`: the CPU it had used at the last sample.
        None if matches!(m.problem, Some(Problem::Timeout(_) | Problem::Memory(_))) => {
            m.user = Some(last.user);
            m.sys = Some(last.sys);
            m.peak_kb = (sampled_kb > 0).then_some(sampled_kb);
        }
        None => {
            if let (Some((u0, s0)), Some((u1, s1))) = (cpu_before, children_cpu()) {
                m.user = Some(u1 - u0);
                m.sys = Some(s1 - s0);
            }
            m.peak_kb = (sampled_kb > 0).then_some(sampled_kb);
        }
    }
}

/// The last line of GNU time's `-f '%e %U %S %M'` output: (user s, system s, peak KiB). An
/// earlier line may say "Command exited with non-zero status N".
fn parse_time(text: &str) -> Option<(f64, f64, u64)> {
    let line = text.lines().rev().find(|l| !l.trim().is_empty())?;
    let f: Vec<&str> = line.split_whitespace().collect();
    if f.len() != 4 {
        return None;
    }
    Some((f[1].parse().ok()?, f[2].parse().ok()?, f[3].parse().ok()?))
}

/// User and system seconds of this process's waited-for children (cutime, cstime of
/// /proc/self/stat; the kernel reports them in USER_HZ, 100 a second on Linux).
fn children_cpu() -> Option<(f64, f64)> {
    parse_children_cpu(&std::fs::read_to_string("/proc/self/stat").ok()?)
}

fn parse_children_cpu(stat: &str) -> Option<(f64, f64)> {
    parse_cpu(stat, 13)
}

/// Two consecutive tick counts of a /proc/PID/stat line as seconds, `at` counted from the field
/// after "(comm)" (state is 0): utime and stime at 11, cutime and cstime at 13.
fn parse_cpu(stat: &str, at: usize) -> Option<(f64, f64)> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i)?.parse::<f64>().ok().map(|t| t / 100.0);
    Some((ticks(at)?, ticks(at + 1)?))
}

/// What /proc says of the deepest first descendant of `pid` (time → taskset/claims) while it
/// runs: VmHWM and VmRSS in KiB, user and system seconds so far; zeros when it cannot be read
/// (exited, or no /proc).
#[derive(Clone, Copy, Debug, Default)]
struct Sample {
    hwm_kb: u64,
    rss_kb: u64,
    user: f64,
    sys: f64,
}

fn sample_leaf(pid: u32) -> Sample {
    let mut leaf = pid;
    for _ in 0..4 {
        let children = std::fs::read_to_string(format!("/proc/{leaf}/task/{leaf}/children"));
        match children
            .ok()
            .and_then(|c| c.split_whitespace().next()?.parse().ok())
        {
            Some(c) => leaf = c,
            None => break,
        }
    }
    let status = std::fs::read_to_string(format!("/proc/{leaf}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            .unwrap_or(0)
    };
    let stat = std::fs::read_to_string(format!("/proc/{leaf}/stat")).unwrap_or_default();
    let (user, sys) = parse_cpu(&stat, 11).unwrap_or((0.0, 0.0));
    Sample {
        hwm_kb: field("VmHWM:"),
        rss_kb: field("VmRSS:"),
        user,
        sys,
    }
}

/// SIGKILL the child's process group (it was spawned as the leader of its own), so a `claims`
/// under `time` and `taskset` dies with them.
fn kill_group(pid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pid}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

// --- printing ------------------------------------------------------------------------------------

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn secs(s: f64) -> String {
    if !s.is_finite() {
        "?".into()
    } else if s < 10.0 {
        format!("{s:.2} s")
    } else if s < 100.0 {
        format!("{s:.1} s")
    } else {
        format!("{s:.0} s")
    }
}

fn size(bytes: f64) -> String {
    if bytes >= 1024.0 * MB {
        format!("{:.2} GB", bytes / 1024.0 / MB)
    } else if bytes >= 10.0 * MB {
        format!("{:.0} MB", bytes / MB)
    } else {
        format!("{:.1} MB", bytes / MB)
    }
}

/// Of several runs of one measurement: the first that failed, else the one of median wall time
/// (the upper median of an even count), with the fastest and slowest wall time beside it.
fn median_of(mut runs: Vec<Measured>) -> Measured {
    if let Some(failed) = runs.iter().position(|m| !m.ok()) {
        return runs.swap_remove(failed);
    }
    if runs.len() < 2 {
        return runs.pop().unwrap_or_default();
    }
    runs.sort_by(|a, b| a.wall.total_cmp(&b.wall));
    let spread = (runs[0].wall, runs[runs.len() - 1].wall);
    let mut m = runs.swap_remove(runs.len() / 2);
    m.spread = Some(spread);
    m
}

fn wall(m: &Measured) -> String {
    match &m.problem {
        None => match m.spread {
            Some((lo, hi)) => format!("{} ({}-{})", secs(m.wall), secs(lo), secs(hi)),
            None => secs(m.wall),
        },
        Some(Problem::Timeout(t)) => format!("**> {}** (killed)", secs(*t)),
        Some(Problem::Memory(kb)) => format!(
            "killed at {} after {}",
            size(*kb as f64 * 1024.0),
            secs(m.wall)
        ),
        Some(Problem::Failed(why)) => format!("failed ({why})"),
    }
}

fn cpu(m: &Measured) -> String {
    match (m.user, m.sys) {
        (Some(u), Some(s)) => format!("{:.1} s ({u:.1} user, {s:.1} sys)", u + s),
        _ => "?".into(),
    }
}

fn peak(m: &Measured) -> String {
    match m.peak_kb {
        Some(kb) => format!(
            "{}{}",
            if m.peak_exact { "" } else { "~" },
            size(kb as f64 * 1024.0)
        ),
        None => "?".into(),
    }
}

/// A one-line progress note for stderr.
fn brief(m: &Measured) -> String {
    format!(
        "{}, cpu {}, peak {}, {} out",
        wall(m),
        cpu(m),
        peak(m),
        size(m.out_bytes as f64)
    )
}

/// Time ratio `t1/t0` for `n1/n0` articles, and the same growth restated for 4× the articles
/// (`(t1/t0)^(ln 4 / ln(n1/n0))`), which the issue bounds by 4.5.
fn growth(t0: f64, t1: f64, n0: usize, n1: usize) -> Option<(f64, f64)> {
    if t0 <= 0.0 || n1 <= n0 || n0 == 0 {
        return None;
    }
    let r = t1 / t0;
    let a = n1 as f64 / n0 as f64;
    Some((r, r.powf(4f64.ln() / a.ln())))
}

fn print_compare(rows: &[(Corpus, String, Measured)], story: Option<&(Corpus, Measured)>) {
    println!("### compare (stdout counted through a pipe)");
    println!();
    println!(
        "| corpus | format | wall | user + sys | peak RSS | output | time vs previous scale |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (i, (corpus, format, m)) in rows.iter().enumerate() {
        let previous = rows[..i].iter().rev().find(|(_, f, _)| f == format);
        let vs = previous
            .and_then(|(c0, _, m0)| {
                if !m0.ok() {
                    return None;
                }
                let t1 = match &m.problem {
                    None => m.wall,
                    Some(Problem::Timeout(t)) => *t,
                    _ => return None,
                };
                let (r, r4) = growth(m0.wall, t1, c0.articles, corpus.articles)?;
                let more = if m.ok() { "" } else { "> " };
                Some(format!(
                    "{more}{r:.1}× for {:.1}× articles ({more}{r4:.1}× per 4×)",
                    corpus.articles as f64 / c0.articles as f64
                ))
            })
            .unwrap_or_default();
        println!(
            "| {} | {format} | {} | {} | {} | {} | {vs} |",
            corpus.label,
            wall(m),
            cpu(m),
            peak(m),
            size(m.out_bytes as f64)
        );
    }
    if let Some((corpus, m)) = story {
        println!(
            "| {} | table | {} | {} | {} | {} | |",
            corpus.label,
            wall(m),
            cpu(m),
            peak(m),
            size(m.out_bytes as f64)
        );
    }
    println!();
}

fn print_extract(
    corpus: &Corpus,
    stream: Option<&Measured>,
    pinned: Option<&(Measured, Option<Measured>)>,
    tools: &Tools,
) {
    println!("### extract --format jsonl on {}", corpus.label);
    println!();
    println!("| run | first line | wall | user + sys | peak RSS | output |");
    println!("|---|---|---|---|---|---|");
    let row = |name: &str, m: &Measured| {
        println!(
            "| {name} | {} | {} | {} | {} | {} |",
            m.first_line.map_or_else(|| "-".into(), secs),
            wall(m),
            cpu(m),
            peak(m),
            size(m.out_bytes as f64)
        );
    };
    if let Some(m) = stream {
        row("`claims extract --format jsonl` (all cores)", m);
    }
    let pin = if tools.taskset {
        "`taskset -c 0` "
    } else {
        "(taskset missing: not pinned) "
    };
    if let Some((ours, rg)) = pinned {
        row(&format!("{pin}`claims -j 1 extract --format jsonl`"), ours);
        match rg {
            Some(rg) => row(&format!("{pin}`rg -j1 -c '{RG_PATTERN}'`"), rg),
            None => println!("| rg: not on PATH | | | | | |"),
        }
    }
    println!();
    if let Some((ours, Some(rg))) = pinned
        && ours.ok()
        && rg.ok()
    {
        println!(
            "pinned to one core: claims extract takes {:.1}× the time of rg ({:.0} vs {:.0} MB/s of input)",
            ours.wall / rg.wall,
            corpus.bytes as f64 / MB / ours.wall,
            corpus.bytes as f64 / MB / rg.wall
        );
        println!();
    }
}

/// The "Done when" of issue 13, each line with what this run measured.
fn print_done_when(
    rows: &[(Corpus, String, Measured)],
    story: Option<&(Corpus, Measured)>,
    largest: Option<&Corpus>,
    stream: Option<&Measured>,
    pinned: Option<&(Measured, Option<Measured>)>,
) {
    let mark = |ok: bool| if ok { "yes" } else { "NO" };
    let gb = |m: &Measured| m.peak_kb.map_or(f64::NAN, |kb| kb as f64 / 1024.0 / 1024.0);
    println!("### issue 13, done when");
    println!();
    let full: Vec<_> = rows
        .iter()
        .filter(|(c, _, _)| c.articles >= 100_000)
        .collect();
    if full.is_empty() {
        println!(
            "- 100,000 articles through compare ≤ 60 s, ≤ 2 GB: not measured (add scale 20000)"
        );
    }
    // The issue bounds the table and JSON at 100,000 articles; the others are shown.
    for (c, format, m) in full {
        let bounded = ["table", "json"].contains(&format.as_str());
        println!(
            "- {} articles, compare --format {format} ≤ 60 s and ≤ 2 GB: {} ({}, {})",
            thousands(c.articles),
            if bounded {
                mark(m.ok() && m.wall <= 60.0 && gb(m) <= 2.0)
            } else {
                "not asked"
            },
            wall(m),
            peak(m)
        );
    }
    // Growth, for every format measured, in the order first measured.
    let mut formats: Vec<&str> = Vec::new();
    for (_, f, _) in rows {
        if !formats.contains(&f.as_str()) {
            formats.push(f);
        }
    }
    for format in formats {
        let of: Vec<_> = rows.iter().filter(|(_, f, _)| f == format).collect();
        // Per 4×, and whether it is only a lower bound (the larger run hit the timeout).
        let growths: Vec<Option<(f64, bool)>> = of
            .windows(2)
            .map(|w| {
                let (c0, _, m0) = w[0];
                let (c1, _, m1) = w[1];
                let t1 = match &m1.problem {
                    None => m1.wall,
                    Some(Problem::Timeout(t)) => *t,
                    _ => return None,
                };
                let g = growth(m0.wall, t1, c0.articles, c1.articles)?.1;
                m0.ok().then_some((g, !m1.ok()))
            })
            .collect();
        if !growths.is_empty() {
            let ok = growths.iter().all(|g| g.is_some_and(|(g, _)| g <= 4.5));
            let list: Vec<String> = growths
                .iter()
                .map(|g| {
                    g.map_or_else(
                        || "?".into(),
                        |(g, lower)| format!("{}{g:.1}×", if lower { "> " } else { "" }),
                    )
                })
                .collect();
            println!(
                "- 4× the articles ≤ 4.5× the time, compare --format {format}: {} ({} per 4×)",
                mark(ok),
                list.join(", ")
            );
        }
    }
    if let Some((c, m)) = story {
        println!(
            "- {} articles of one story ≤ 30 s and ≤ 1.5 GB: {} ({}, {})",
            thousands(c.articles),
            mark(m.ok() && m.wall <= 30.0 && gb(m) <= 1.5),
            wall(m),
            peak(m)
        );
    }
    if let (Some(m), Some(c)) = (stream, largest) {
        let first = m.first_line.unwrap_or(f64::INFINITY);
        println!(
            "- extract --format jsonl, first claim ≤ 1 s and peak ≤ 200 MB ({} articles): {} (first line {}, {})",
            thousands(c.articles),
            mark(m.ok() && first <= 1.0 && gb(m) * 1024.0 <= 200.0),
            m.first_line.map_or_else(|| "never".into(), secs),
            peak(m)
        );
    }
    if let Some((ours, rg)) = pinned {
        match rg {
            Some(rg) if ours.ok() && rg.ok() => println!(
                "- pinned extract ≤ 3× rg: {} ({:.1}×)",
                mark(ours.wall <= 3.0 * rg.wall),
                ours.wall / rg.wall
            ),
            Some(_) => println!("- pinned extract ≤ 3× rg: a run failed"),
            None => println!("- pinned extract ≤ 3× rg: rg: not on PATH"),
        }
    }
    println!(
        "- split test and byte-identical output across -j: checked by the test suite, not here"
    );
}

// --- end to end on the bench corpus ----------------------------------------------------------

/// `claims -j 1 extract --format jsonl DIR` beside `rg -j1 -c` over the same folder, both pinned
/// to core 0, alternating, `runs` times each: the issue's "end to end, pinned to one core, side
/// by side in one run". The claims lines are read through a pipe and counted, as a user's
/// `| gzip` or `> file` takes them. Prints one line per tool (the fastest run) and the ratio;
/// says why when it cannot run (no `claims` binary beside the bench, no rg).
pub fn end_to_end(dir: &Path, claims: Option<&Path>, runs: usize) -> Result<(), String> {
    let tools = find_tools(claims, false)?;
    if !tools.rg {
        println!("end to end: rg not on PATH, no side-by-side");
        return Ok(());
    }
    // An empty claims.toml: defaults, wherever the bench runs from.
    let config = std::env::temp_dir().join(format!("claims-bench-{}.toml", std::process::id()));
    std::fs::write(&config, "# claims-bench: defaults\n").map_err(|e| e.to_string())?;
    let child = Child {
        tools: &tools,
        timeout: Duration::from_secs(600),
        max_rss_kb: 12_000 * 1024,
        repeat: 1,
    };
    let ours_args = claims_args(&config, &["-j", "1", "extract", "--format", "jsonl"], dir);
    let rg_args = rg_args(dir);
    let best = |a: Option<Measured>, b: Measured| match a {
        Some(a) if !b.ok() || a.wall <= b.wall => Some(a),
        _ => Some(b),
    };
    let (mut ours, mut rg) = (None, None);
    for _ in 0..runs.max(1) {
        ours = best(ours, child.run("claims", &ours_args, true));
        rg = best(rg, child.run("rg", &rg_args, true));
    }
    let _ = std::fs::remove_file(&config);
    let (Some(ours), Some(rg)) = (ours, rg) else {
        return Ok(());
    };
    let pin = if tools.taskset {
        "taskset -c 0"
    } else {
        "(taskset missing: not pinned)"
    };
    println!(
        "end to end, {pin}, best of {runs}: claims -j 1 extract --format jsonl: {} ({}), {} of lines, first line {}",
        secs(ours.wall),
        cpu(&ours),
        size(ours.out_bytes as f64),
        ours.first_line.map_or_else(|| "-".into(), secs),
    );
    println!(
        "end to end, {pin}, best of {runs}: rg -j1 -c '{RG_PATTERN}': {} ({})",
        secs(rg.wall),
        cpu(&rg)
    );
    if let Some(p) = ours.problem.as_ref().or(rg.problem.as_ref()) {
        println!("end to end: a run failed ({p:?}), no ratio");
    } else {
        let cpu_of = |m: &Measured| m.user.zip(m.sys).map(|(u, s)| u + s);
        let by_cpu = match (cpu_of(&ours), cpu_of(&rg)) {
            (Some(a), Some(b)) if b > 0.0 => format!("; {:.1}× its CPU time", a / b),
            _ => String::new(),
        };
        println!(
            "end to end: claims extract takes {:.1}× the time of rg (issue 13: ≤ 3×){by_cpu}",
            ours.wall / rg.wall
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gnu_time_output_parses_after_an_exit_note() {
        assert_eq!(
            parse_time("Command exited with non-zero status 2\n6.50 4.10 0.90 456000\n"),
            Some((4.1, 0.9, 456_000))
        );
        assert_eq!(parse_time("Command terminated by signal 9\n"), None);
    }

    #[test]
    fn children_cpu_reads_cutime_and_cstime() {
        let stat = "123 (claims (x)) S 1 123 123 0 -1 4194560 100 0 0 0 5 6 250 75 20 0 1 0";
        assert_eq!(parse_children_cpu(stat), Some((2.5, 0.75)));
        assert_eq!(parse_cpu(stat, 11), Some((0.05, 0.06)));
    }

    #[test]
    fn several_runs_report_the_median_and_their_spread_and_a_failure_wins() {
        let run = |wall: f64| Measured {
            wall,
            ..Measured::default()
        };
        let m = median_of(vec![run(5.0), run(3.0), run(4.0)]);
        assert_eq!((m.wall, m.spread), (4.0, Some((3.0, 5.0))));
        assert_eq!(
            wall(&m),
            format!("{} ({}-{})", secs(4.0), secs(3.0), secs(5.0))
        );
        let one = median_of(vec![run(2.0)]);
        assert_eq!((one.wall, one.spread), (2.0, None));
        let failed = Measured {
            problem: Some(Problem::Failed("exit 2".into())),
            ..run(1.0)
        };
        let m = median_of(vec![run(3.0), failed, run(4.0)]);
        assert_eq!(m.problem, Some(Problem::Failed("exit 2".into())));
    }

    #[test]
    fn growth_restates_a_ratio_for_four_times_the_articles() {
        let (r, r4) = growth(10.0, 40.0, 10_000, 40_000).unwrap();
        assert!((r - 4.0).abs() < 1e-9 && (r4 - 4.0).abs() < 1e-9);
        // 2.5× the articles at exactly linear cost is 4× per 4×.
        let (_, r4) = growth(10.0, 25.0, 40_000, 100_000).unwrap();
        assert!((r4 - 4.0).abs() < 1e-9);
        assert_eq!(growth(0.0, 1.0, 1, 2), None);
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(2_500), "2,500");
    }
}
