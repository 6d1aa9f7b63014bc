//! The `claims` binary: parse arguments, call the library, map the outcome to an exit code. A
//! closed pipe on stdout (`claims extract | head`) ends the run quietly with exit 0.

use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

/// mimalloc instead of the system allocator: extraction makes about a dozen small allocations
/// per claim (ids, terms, names), and glibc's malloc spent ~12% of extraction time on them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match claims::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let stdout = io::stdout();
    let term = claims::Terminal {
        stdout_tty: stdout.is_terminal(),
        width: terminal_width(),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        // A progress line on a terminal's stderr, never in a CI log.
        progress: io::stderr().is_terminal() && std::env::var_os("CI").is_none(),
    };
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

/// Width from $COLUMNS when the shell exports it; comfy-table asks the terminal otherwise.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS").ok()?.parse().ok()
}
