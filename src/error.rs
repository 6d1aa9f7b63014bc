//! One error enum for everything that stops a command, with a hand-written `Display` that says
//! what is wrong and where (`path:line:col` when there is a position), and the process exit
//! status each maps to.

use std::fmt;
use std::path::PathBuf;

/// How a run ended; `main` turns it into the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing to report, or a report with no failing findings.
    Success,
    /// Findings that fail the run (`check`, `compare --exit-code`).
    Findings,
    /// Usage, configuration, I/O or input error.
    Error,
}

impl ExitStatus {
    pub fn code(self) -> i32 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Error => 2,
        }
    }
}

#[derive(Debug)]
pub enum Error {
    /// Bad arguments that clap could not catch.
    Usage { message: String },
    /// claims.toml is unreadable or invalid.
    Config {
        path: PathBuf,
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
    /// Reading or writing a file failed.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// No source in the corpus could be read.
    NoSources { detail: String },
}

impl Error {
    pub fn exit_status(&self) -> ExitStatus {
        ExitStatus::Error
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage { message } => write!(f, "{message}"),
            Error::Config {
                path,
                line,
                column,
                message,
            } => {
                write!(f, "{}", path.display())?;
                if let (Some(l), Some(c)) = (line, column) {
                    write!(f, ":{l}:{c}")?;
                }
                write!(f, ": {message}")
            }
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::NoSources { detail } => write!(f, "no readable source: {detail}"),
        }
    }
}

impl std::error::Error for Error {}
