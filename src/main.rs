//! The `claims` binary: decide colour and width once, parse arguments, call the library, map
//! the outcome to an exit code. A closed pipe on stdout (`claims extract | head`) ends the run
//! quietly with exit 0.
//!
//! Colour is decided once for the whole process, clap's own help and errors included:
//! `--color always|never` wins; else `NO_COLOR` (non-empty) turns it off, `CLICOLOR_FORCE`
//! (non-empty, not `0`) turns it on even on a pipe, `TERM=dumb` turns it off; else each stream
//! is coloured when it is a terminal. Width: `$COLUMNS` when set, else the terminal's own.

use claims::cli::{Cli, Color};
use clap::{ColorChoice, CommandFactory, FromArgMatches};
use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

/// mimalloc instead of the system allocator: extraction makes about a dozen small allocations
/// per claim (ids, terms, names), and glibc's malloc spent ~12% of extraction time on them.
/// Built without transparent huge pages (Cargo.toml: mimalloc's `no_thp`): a compare of an
/// archive frees what its first read held and fills the room again, and huge pages made each
/// refill zero and split 2 MiB at a time (8 s of system time of a 39 s run at 100,000
/// articles, 3.5 s without them).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let env = |k: &str| std::env::var_os(k).map(|v| v.to_string_lossy().into_owned());
    let choice = color_choice(color_flag(&args), &env);
    let stdout = io::stdout();
    let stderr_tty = io::stderr().is_terminal();
    let clap_color = match choice {
        Choice::Always => ColorChoice::Always,
        Choice::Never => ColorChoice::Never,
        Choice::Auto if stderr_tty => ColorChoice::Auto,
        Choice::Auto => ColorChoice::Never,
    };
    let parsed = Cli::command()
        .color(clap_color)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let mut cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let stdout_tty = stdout.is_terminal();
    let color = match choice {
        Choice::Always => true,
        Choice::Never => false,
        Choice::Auto => stdout_tty,
    };
    // The library reads only this: the decision is made here, once.
    cli.color = if color { Color::Always } else { Color::Never };
    let term = claims::Terminal {
        stdout_tty,
        width: terminal_width(&env, stdout_tty),
        no_color: !color,
        // A progress line on a terminal's stderr, never in a CI log.
        progress: stderr_tty && env("CI").is_none(),
    };
    widen_pipe(&stdout);
    let mut out = io::BufWriter::new(stdout.lock());
    // Not locked for the whole run: the progress line draws from other threads.
    let mut err = io::stderr();
    let mut stdin = io::stdin().lock();
    let result = claims::run(&cli, &term, &mut stdin, &mut out, &mut err)
        .and_then(|status| out.flush().map(|()| status));
    match result {
        Ok(status) => ExitCode::from(status.code() as u8),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "error: writing output: {e}");
            ExitCode::from(2)
        }
    }
}

/// The colour decision before any stream is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Always,
    Never,
    /// Colour a stream when it is a terminal.
    Auto,
}

/// `--color` as given on the command line (the last one wins, as clap reads it), before clap
/// parses anything: clap's own errors must already know it.
fn color_flag(args: &[OsString]) -> Option<Color> {
    let mut flag = None;
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--color") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        flag = match value.as_deref() {
            Some("always") => Some(Color::Always),
            Some("never") => Some(Color::Never),
            Some("auto") => Some(Color::Auto),
            _ => flag,
        };
    }
    flag
}

/// The flag, else the environment's conventions (NO_COLOR, CLICOLOR_FORCE, TERM=dumb).
fn color_choice(flag: Option<Color>, env: &dyn Fn(&str) -> Option<String>) -> Choice {
    match flag {
        Some(Color::Always) => return Choice::Always,
        Some(Color::Never) => return Choice::Never,
        Some(Color::Auto) | None => {}
    }
    let set = |k: &str| env(k).filter(|v| !v.is_empty());
    if set("NO_COLOR").is_some() {
        Choice::Never
    } else if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
        Choice::Always
    } else if env("TERM").as_deref() == Some("dumb") {
        Choice::Never
    } else {
        Choice::Auto
    }
}

/// What a pipe on stdout is widened to: `extract --format jsonl` writes about three bytes of
/// JSON per byte of text, in pieces of 256 KB, and a pipe of the kernel's default 64 KB makes
/// the writer wait for its reader four times per piece (a switch of core each time). 1 MiB is
/// the most an unprivileged process may ask for by default (`/proc/sys/fs/pipe-max-size`).
#[cfg(any(target_os = "linux", target_os = "android"))]
const PIPE_BYTES: usize = 1 << 20;

/// Widen stdout when it is a pipe narrower than [`PIPE_BYTES`] (Linux only). Best effort: a
/// refusal (a lower system limit, a file, a terminal) leaves stdout as it was.
fn widen_pipe(stdout: &io::Stdout) {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    if rustix::pipe::fcntl_getpipe_size(stdout).is_ok_and(|n| n < PIPE_BYTES) {
        let _ = rustix::pipe::fcntl_setpipe_size(stdout, PIPE_BYTES);
    }
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    let _ = stdout;
}

/// `$COLUMNS` when the shell exports it, else the width of the terminal stdout is.
fn terminal_width(env: &dyn Fn(&str) -> Option<String>, stdout_tty: bool) -> Option<u16> {
    if let Some(n) = env("COLUMNS").and_then(|c| c.trim().parse().ok()) {
        return Some(n);
    }
    if !stdout_tty {
        return None;
    }
    terminal_size::terminal_size_of(io::stdout()).map(|(w, _)| w.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_flag_wins_then_no_color_then_force_then_dumb_terminals() {
        let none = env_of(&[]);
        assert_eq!(color_choice(None, &none), Choice::Auto);
        assert_eq!(
            color_choice(Some(Color::Never), &env_of(&[("CLICOLOR_FORCE", "1")])),
            Choice::Never
        );
        assert_eq!(
            color_choice(Some(Color::Always), &env_of(&[("NO_COLOR", "1")])),
            Choice::Always
        );
        assert_eq!(
            color_choice(None, &env_of(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")])),
            Choice::Never
        );
        assert_eq!(
            color_choice(None, &env_of(&[("NO_COLOR", "")])),
            Choice::Auto
        );
        assert_eq!(
            color_choice(None, &env_of(&[("CLICOLOR_FORCE", "1")])),
            Choice::Always
        );
        assert_eq!(
            color_choice(None, &env_of(&[("CLICOLOR_FORCE", "0")])),
            Choice::Auto
        );
        assert_eq!(
            color_choice(None, &env_of(&[("TERM", "dumb")])),
            Choice::Never
        );
    }

    #[test]
    fn the_color_flag_is_read_before_parsing() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            color_flag(&args(&["claims", "--color", "never", "x"])),
            Some(Color::Never)
        );
        assert_eq!(
            color_flag(&args(&["claims", "x", "--color=always"])),
            Some(Color::Always)
        );
        assert_eq!(color_flag(&args(&["claims", "--", "--color=always"])), None);
        assert_eq!(color_flag(&args(&["claims", "x"])), None);
    }

    #[test]
    fn columns_wins_over_the_terminal() {
        assert_eq!(
            terminal_width(&env_of(&[("COLUMNS", "80")]), false),
            Some(80)
        );
        assert_eq!(terminal_width(&env_of(&[]), false), None);
    }
}
