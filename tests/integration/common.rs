//! The harness every integration test uses: a builder around the real `claims` binary
//! (`env!("CARGO_BIN_EXE_claims")`) that asserts the exit code, stdout and stderr together (the
//! ruff/just style), temp folders that are removed afterwards, and golden files.
//!
//! Golden files live in `tests/golden/`. When a change to the output is intended, rewrite them
//! and review the diff before committing:
//!
//! ```text
//! CLAIMS_UPDATE_GOLDEN=1 cargo test --test integration golden
//! git diff tests/golden
//! ```
//!
//! Without the variable the golden tests only compare; they never write.
#![allow(dead_code)]

pub use serde_json::Value;
pub use std::collections::BTreeSet;
pub use std::ffi::OsString;
pub use std::fs;
pub use std::io::{BufRead, BufReader, Write};
pub use std::path::{Path, PathBuf};
pub use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_claims");
pub(crate) const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
pub(crate) const UPDATE_GOLDEN: &str = "CLAIMS_UPDATE_GOLDEN";

/// One run of `claims` in this process, through `claims::run_with_write_hook` (everything the
/// binary does but `main`): stdout is not a terminal, no colour, no stdin. `argv` starts with
/// the program name. Returns (exit code, stdout, stderr).
pub(crate) fn run_in_process(
    argv: Vec<OsString>,
    hook: claims::WriteHook,
) -> (i32, String, String) {
    use clap::Parser;
    let cli = claims::cli::Cli::try_parse_from(argv).expect("arguments parse");
    let term = claims::Terminal {
        stdout_tty: false,
        width: None,
        no_color: true,
        progress: false,
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status =
        claims::run_with_write_hook(&cli, &term, &mut std::io::empty(), &mut out, &mut err, hook)
            .unwrap();
    (
        status.code(),
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// A one-sentence article with exactly one claim ("More than 4,500").
pub(crate) const GOOD: &str = "More than 4,500 police officers were on duty.\n";

/// A fresh empty folder under the system temp dir, removed on drop.
pub(crate) struct TempDir(pub(crate) PathBuf);

impl TempDir {
    pub(crate) fn new(tag: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let base = std::env::temp_dir();
        // A claims.toml above the temp dir would be discovered by every run and change results.
        if let Some(found) = base
            .ancestors()
            .map(|d| d.join("claims.toml"))
            .find(|p| p.is_file())
        {
            panic!(
                "{} would be discovered by every test run; remove it",
                found.display()
            );
        }
        let dir = base.join(format!(
            "claims-cli-{}-{}-{tag}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }

    /// Write `bytes` to `rel` (parents created); returns the full path.
    pub(crate) fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }

    pub(crate) fn mkdir(&self, rel: &str) -> PathBuf {
        let path = self.0.join(rel);
        fs::create_dir_all(&path).unwrap();
        path
    }

    /// A `claims` run with this folder as the current folder.
    pub(crate) fn claims(&self) -> Test {
        Test::new().current_dir(self.path())
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// One run of the binary, built up like `Command` (after `just`'s test builder).
pub(crate) struct Test {
    pub(crate) args: Vec<OsString>,
    pub(crate) stdin: Option<Vec<u8>>,
    pub(crate) dir: Option<PathBuf>,
    pub(crate) env: Vec<(String, String)>,
}

impl Test {
    pub(crate) fn new() -> Test {
        Test {
            args: Vec::new(),
            stdin: None,
            dir: None,
            env: Vec::new(),
        }
    }

    pub(crate) fn arg(mut self, arg: impl Into<OsString>) -> Test {
        self.args.push(arg.into());
        self
    }

    pub(crate) fn args<I: IntoIterator<Item = S>, S: Into<OsString>>(mut self, args: I) -> Test {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    pub(crate) fn stdin(mut self, bytes: impl AsRef<[u8]>) -> Test {
        self.stdin = Some(bytes.as_ref().to_vec());
        self
    }

    /// Run in the crate's folder (its claims.toml and corpus).
    pub(crate) fn in_repo() -> Test {
        Test::new().current_dir(MANIFEST_DIR)
    }

    pub(crate) fn env(mut self, key: &str, value: &str) -> Test {
        self.env.push((key.into(), value.into()));
        self
    }

    pub(crate) fn current_dir(mut self, dir: impl AsRef<Path>) -> Test {
        self.dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// The command, with an environment that does not depend on the caller's shell.
    pub(crate) fn command(&self, dir: &Path) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.args(&self.args)
            .current_dir(dir)
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS")
            .env_remove("CLICOLOR_FORCE")
            .env_remove(UPDATE_GOLDEN);
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        cmd
    }

    pub(crate) fn run(self) -> Output {
        // Without an explicit folder, run in an empty one of our own.
        let own = self.dir.is_none().then(|| TempDir::new("run"));
        let dir = self
            .dir
            .clone()
            .unwrap_or_else(|| own.as_ref().unwrap().path().to_path_buf());
        let mut child = self
            .command(&dir)
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn claims");
        if let Some(bytes) = &self.stdin {
            let mut pipe = child.stdin.take().unwrap();
            // The binary may stop reading early (it caps stdin); a closed pipe is fine here.
            let _ = pipe.write_all(bytes);
        }
        let out = child.wait_with_output().expect("wait for claims");
        Output {
            code: out.status.code().expect("claims killed by a signal"),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
            args: self.args,
        }
    }
}

/// What a run gave. The assertions print the whole run when they fail.
pub(crate) struct Output {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
    pub(crate) args: Vec<OsString>,
}

impl Output {
    #[track_caller]
    pub(crate) fn fail(&self, what: &str) -> ! {
        panic!(
            "{what}\n--- claims {:?}\n--- exit code: {}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.args, self.code, self.stdout, self.stderr
        );
    }

    /// Exit code, stdout and stderr at once; `None` leaves that stream unchecked.
    #[track_caller]
    pub(crate) fn check(&self, code: i32, stdout: Option<&str>, stderr: Option<&str>) -> &Output {
        self.code(code);
        if let Some(s) = stdout {
            self.stdout_is(s);
        }
        if let Some(s) = stderr {
            self.stderr_is(s);
        }
        self
    }

    #[track_caller]
    pub(crate) fn code(&self, code: i32) -> &Output {
        if self.code != code {
            self.fail(&format!("expected exit code {code}"));
        }
        self
    }

    #[track_caller]
    pub(crate) fn stdout_is(&self, want: &str) -> &Output {
        if self.stdout != want {
            self.fail(&format!("expected stdout:\n{want}"));
        }
        self
    }

    #[track_caller]
    pub(crate) fn stderr_is(&self, want: &str) -> &Output {
        if self.stderr != want {
            self.fail(&format!("expected stderr:\n{want}"));
        }
        self
    }

    #[track_caller]
    pub(crate) fn stdout_has(&self, part: &str) -> &Output {
        if !self.stdout.contains(part) {
            self.fail(&format!("expected stdout to contain {part:?}"));
        }
        self
    }

    #[track_caller]
    pub(crate) fn stderr_has(&self, part: &str) -> &Output {
        if !self.stderr.contains(part) {
            self.fail(&format!("expected stderr to contain {part:?}"));
        }
        self
    }

    #[track_caller]
    pub(crate) fn stderr_starts(&self, prefix: &str) -> &Output {
        if !self.stderr.starts_with(prefix) {
            self.fail(&format!("expected stderr to start with {prefix:?}"));
        }
        self
    }

    /// Exactly one line on stderr (one message, nothing else).
    #[track_caller]
    pub(crate) fn stderr_one_line(&self) -> &Output {
        if self.stderr.lines().count() != 1 || !self.stderr.ends_with('\n') {
            self.fail("expected exactly one line on stderr");
        }
        self
    }

    #[track_caller]
    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| self.fail(&format!("stdout is not JSON: {e}")))
    }

    /// stdout as JSON lines, each `{"type", "data"}`.
    #[track_caller]
    pub(crate) fn jsonl(&self) -> Vec<(String, Value)> {
        self.stdout
            .lines()
            .map(|line| {
                let v: Value = serde_json::from_str(line)
                    .unwrap_or_else(|e| self.fail(&format!("not JSON ({e}): {line}")));
                let obj = v.as_object().unwrap_or_else(|| self.fail("not an object"));
                let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
                if keys != ["data", "type"] {
                    self.fail(&format!(
                        "a line has keys {keys:?}, not type and data: {line}"
                    ));
                }
                (
                    obj["type"].as_str().unwrap().to_string(),
                    obj["data"].clone(),
                )
            })
            .collect()
    }

    /// `(source, text)` of every claim in jsonl output.
    #[track_caller]
    pub(crate) fn jsonl_claims(&self) -> Vec<(String, String)> {
        self.jsonl()
            .into_iter()
            .filter(|(t, _)| t == "claim")
            .map(|(_, d)| (line_source(&d), str_of(&d["text"])))
            .collect()
    }

    /// Ids of the sources in jsonl output.
    #[track_caller]
    pub(crate) fn jsonl_sources(&self) -> Vec<String> {
        self.jsonl()
            .into_iter()
            .filter(|(t, _)| t == "source")
            .map(|(_, d)| str_of(&d["id"]))
            .collect()
    }
}

/// The source of a claim line: the id before its `#` (claim lines have no `source` field).
pub(crate) fn line_source(claim: &Value) -> String {
    let id = str_of(&claim["id"]);
    match id.rsplit_once('#') {
        Some((source, _)) => source.to_string(),
        None => panic!("a claim id without #: {id}"),
    }
}

pub(crate) fn str_of(v: &Value) -> String {
    v.as_str()
        .unwrap_or_else(|| panic!("not a string: {v}"))
        .to_string()
}

pub(crate) fn usize_of(v: &Value) -> usize {
    v.as_u64().unwrap_or_else(|| panic!("not a number: {v}")) as usize
}

pub(crate) fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// `text` as UTF-16 with a BOM.
pub(crate) fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut out = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        out.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

/// `rel` under a folder, as the binary prints it (platform separators).
pub(crate) fn shown(dir: &str, file: &str) -> String {
    Path::new(dir).join(file).display().to_string()
}

/// Check every claim of an extract document against the decoded texts of its sources:
/// `text` is the source text at `span`, line:col agree with the offset, the sentence holds the
/// span and its `text` is the source at `sentence`. Returns the number of claims checked.
pub(crate) fn check_spans(doc: &Value, text_of: &dyn Fn(&str) -> String) -> usize {
    let claims = doc["claims"].as_array().expect("claims array");
    for c in claims {
        let id = str_of(&c["id"]);
        let text = text_of(&str_of(&c["source"]));
        let (start, end) = (usize_of(&c["span"]["start"]), usize_of(&c["span"]["end"]));
        let at = text
            .get(start..end)
            .unwrap_or_else(|| panic!("{id}: span {start}..{end} is not a char range"));
        assert_eq!(at, str_of(&c["text"]), "{id}: text differs from the source");
        let before = &text[..start];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!(
            (usize_of(&c["span"]["line"]), usize_of(&c["span"]["column"])),
            (line, column),
            "{id}: line:col of the span"
        );
        let s = &c["sentence"];
        let (s_start, s_end) = (usize_of(&s["start"]), usize_of(&s["end"]));
        assert!(
            s_start <= start && end <= s_end,
            "{id}: span {start}..{end} outside its sentence {s_start}..{s_end}"
        );
        assert_eq!(
            text.get(s_start..s_end),
            Some(str_of(&s["text"]).as_str()),
            "{id}: sentence text"
        );
    }
    claims.len()
}

/// Compare `actual` with `tests/golden/<name>`, or rewrite the file when CLAIMS_UPDATE_GOLDEN=1.
#[track_caller]
pub(crate) fn golden(name: &str, actual: &str) {
    let path = Path::new(MANIFEST_DIR).join("tests/golden").join(name);
    if std::env::var_os(UPDATE_GOLDEN).is_some_and(|v| v == "1") {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let hint =
        format!("to accept the new output: {UPDATE_GOLDEN}=1 cargo test --test integration golden");
    let expected =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}\n{hint}", path.display()));
    if expected == actual {
        return;
    }
    let (want, got): (Vec<&str>, Vec<&str>) =
        (expected.lines().collect(), actual.lines().collect());
    let first = want
        .iter()
        .zip(&got)
        .position(|(a, b)| a != b)
        .unwrap_or(want.len().min(got.len()));
    panic!(
        "{} differs from the output, first at line {}:\n  golden: {:?}\n  actual: {:?}\n\
         ({} lines golden, {} actual)\n{hint}",
        path.display(),
        first + 1,
        want.get(first).unwrap_or(&"<end of file>"),
        got.get(first).unwrap_or(&"<end of output>"),
        want.len(),
        got.len()
    );
}
