//! `claims-bench`: extraction throughput on a scaled corpus. Builds (deterministically, once) a
//! corpus of at least `--mb` megabytes from the seed articles in `corpus/`, each copy with its
//! digits replaced by a fixed-seed generator (separators kept) so it is not byte-identical
//! repetition; then times single-threaded extraction over it and over three adversarial inputs,
//! reports peak memory, and compares with `rg -j1 -c '\d[\d,.]*'` when ripgrep is on PATH.
//! A benchmark, not a test: wall time with `std::time::Instant`.

use claims::extract::{Context, extract};
use clap::Parser;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

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
}

/// A 64-bit linear congruential generator (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn digit(&mut self) -> u8 {
        b'0' + (self.next() % 10) as u8
    }
}

/// FNV-1a, to fingerprint the seeds in the manifest.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Replace digits with generated ones, keeping every separator and each number's shape: the
/// first digit of a run stays (so magnitudes stay and "October 13" stays a plausible day), a
/// 4-digit run starting 19/20 keeps its century (a year stays a year), a 2-digit run starting
/// with 3 gets 0 or 1 next (days stay valid). Everything else is kept, so the text stays UTF-8.
fn perturb(text: &str, rng: &mut Lcg) -> String {
    let mut out = text.as_bytes().to_vec();
    let mut i = 0;
    while i < out.len() {
        if !out[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < out.len() && out[i].is_ascii_digit() {
            i += 1;
        }
        let run = &mut out[start..i];
        let keep = if run.len() == 4 && (run.starts_with(b"19") || run.starts_with(b"20")) {
            2
        } else {
            1
        };
        let day_like = run.len() == 2 && run[0] == b'3';
        for b in run.iter_mut().skip(keep) {
            *b = if day_like {
                b'0' + (rng.next() % 2) as u8
            } else {
                rng.digit()
            };
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

fn read_seeds(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let mut seeds = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into());
            seeds.push((name, text));
        }
    }
    seeds.sort();
    if seeds.is_empty() {
        return Err(format!("{}: no seed articles (*.txt)", dir.display()));
    }
    Ok(seeds)
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

/// Extract from every text on this thread; (seconds, claims).
fn time_extract(texts: &[String]) -> (f64, usize) {
    let ctx = Context::default();
    let start = Instant::now();
    let claims: usize = texts
        .iter()
        .map(|t| std::hint::black_box(extract(std::hint::black_box(t), &ctx)).len())
        .sum();
    (start.elapsed().as_secs_f64(), claims)
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
    let start = Instant::now();
    let status = Command::new("rg")
        .args(["-j1", "-c", r"\d[\d,.]*"])
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?;
    let secs = start.elapsed().as_secs_f64();
    status.code().is_some_and(|c| c <= 1).then_some(secs)
}

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
        words.push_str(words_list[(rng.next() as usize) % words_list.len()]);
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
    let seeds = read_seeds(&cli.seeds)?;
    ensure_corpus(&cli.dir, &seeds, cli.mb)?;
    let texts = read_corpus(&cli.dir)?;
    let bytes: usize = texts.iter().map(String::len).sum();
    let (secs, claims) = time_extract(&texts);
    let ours = mbps(bytes, secs);
    println!(
        "corpus: {} files, {:.1} MB in {}",
        texts.len(),
        bytes as f64 / MB,
        cli.dir.display()
    );
    println!("extract (1 thread): {secs:.3} s, {ours:.1} MB/s, {claims} claims");
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
    for (name, text) in adversarial() {
        let (secs, claims) = time_extract(std::slice::from_ref(&text));
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
