//! Interrupted writes: `baseline init`, `baseline init --force`, `baseline accept` and
//! `export -o`, each interrupted at every stage of the atomic write (temp file created, half
//! written, written and synced, renamed) by a failing hook passed to
//! `claims::run_with_write_hook` — the whole command as the binary runs it, minus `main`. Before
//! the rename the old file must be intact byte for byte (or still absent); after it, the new
//! file is complete; never a temp file left behind, never a truncated file, and exit 2 with the
//! file named.

use crate::common::*;
use claims::atomic_write::Stage;
use claims::baseline::Baseline;
use std::cell::RefCell;

/// A corpus with the planted conflicts (so the baseline has entries to write).
fn conflict_corpus(tag: &str) -> TempDir {
    let tmp = TempDir::new(tag);
    tmp.write("claims.toml", "[corpus]\npaths = [\"corpus\"]\n");
    for name in ["a-herald.txt", "b-valley-post.txt"] {
        let from = Path::new(MANIFEST_DIR)
            .join("tests/fixtures/conflicts")
            .join(name);
        tmp.write(&format!("corpus/{name}"), fs::read(from).unwrap());
    }
    tmp
}

/// Run `args` on `dir`'s claims.toml with `hook`; (exit code, stdout, stderr).
fn run_hooked(
    dir: &Path,
    args: &[String],
    hook: &dyn Fn(Stage) -> std::io::Result<()>,
) -> (i32, String, String) {
    let mut argv: Vec<OsString> = vec!["claims".into(), "--config".into()];
    argv.push(dir.join("claims.toml").into());
    argv.extend(args.iter().map(OsString::from));
    run_in_process(argv, hook)
}

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// One write to interrupt: the command, the file it writes (relative to the corpus folder) and
/// what that file holds before, if anything.
struct Case {
    what: &'static str,
    args: Vec<String>,
    target: &'static str,
    old: Option<Vec<u8>>,
}

fn cases(tmp: &TempDir) -> Vec<Case> {
    let strings = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let export = tmp.path().join("out.json").to_string_lossy().into_owned();
    // A real baseline with every current conflict, to be replaced with other reasons.
    let (code, _, _) = run_hooked(
        tmp.path(),
        &strings(&["baseline", "init"]),
        &claims::atomic_write::no_fault,
    );
    assert_eq!(code, 0);
    let accepted = fs::read(tmp.path().join("claims-baseline.json")).unwrap();
    fs::remove_file(tmp.path().join("claims-baseline.json")).unwrap();
    vec![
        Case {
            what: "baseline init, no baseline before",
            args: strings(&["baseline", "init"]),
            target: "claims-baseline.json",
            old: None,
        },
        Case {
            what: "baseline init --force over a baseline",
            args: strings(&["baseline", "init", "--force", "--reason", "checked again"]),
            target: "claims-baseline.json",
            old: Some(accepted),
        },
        Case {
            what: "baseline accept --all into an empty baseline",
            args: strings(&["baseline", "accept", "--all"]),
            target: "claims-baseline.json",
            old: Some(Baseline::default().to_bytes()),
        },
        Case {
            what: "export -o, no file before",
            args: vec!["export".into(), "-o".into(), export.clone()],
            target: "out.json",
            old: None,
        },
        Case {
            what: "export -o over an older export",
            args: vec!["export".into(), "-o".into(), export],
            target: "out.json",
            old: Some(b"{\"an\": \"older export\"}\n".to_vec()),
        },
    ]
}

#[test]
fn a_write_interrupted_at_any_stage_leaves_the_old_file_or_the_whole_new_one() {
    let tmp = conflict_corpus("writes");
    let before = listing(tmp.path());
    for case in cases(&tmp) {
        // What earlier cases wrote goes, so each case starts from the corpus alone.
        for name in ["claims-baseline.json", "out.json"] {
            let _ = fs::remove_file(tmp.path().join(name));
        }
        let target = tmp.path().join(case.target);
        let reset = || match &case.old {
            Some(bytes) => fs::write(&target, bytes).unwrap(),
            None => {
                let _ = fs::remove_file(&target);
            }
        };
        // The uninterrupted write: it passes every stage and changes the file.
        reset();
        let seen = RefCell::new(Vec::new());
        let record = |s: Stage| {
            seen.borrow_mut().push(s);
            Ok(())
        };
        let (code, _, err) = run_hooked(tmp.path(), &case.args, &record);
        assert_eq!((code, err.as_str()), (0, ""), "{}", case.what);
        assert_eq!(
            seen.into_inner(),
            Stage::ALL,
            "{}: stages passed",
            case.what
        );
        let new = fs::read(&target).unwrap();
        assert_ne!(
            Some(&new),
            case.old.as_ref(),
            "{}: nothing to write",
            case.what
        );

        for stage in Stage::ALL {
            reset();
            let fail = |s: Stage| {
                if s == stage {
                    Err(std::io::Error::other(format!("injected fault at {s:?}")))
                } else {
                    Ok(())
                }
            };
            let (code, out, err) = run_hooked(tmp.path(), &case.args, &fail);
            let what = format!("{} at {stage:?}", case.what);
            assert_eq!(code, 2, "{what}: exit code");
            assert_eq!(out, "", "{what}: nothing said written");
            assert_eq!(
                err,
                format!("error: {}: injected fault at {stage:?}\n", target.display()),
                "{what}"
            );
            let now = fs::read(&target).ok();
            if stage == Stage::Renamed {
                assert_eq!(now.as_ref(), Some(&new), "{what}: the whole new file");
            } else {
                assert_eq!(now, case.old, "{what}: the old file, byte for byte");
            }
            let mut want = before.clone();
            if now.is_some() {
                want.push(case.target.to_string());
                want.sort();
            }
            assert_eq!(listing(tmp.path()), want, "{what}: a temp file left behind");
        }
    }
}
