//! `claims completions SHELL` (clap_complete) and `claims man` (clap_mangen): shell completion
//! scripts and the man page, generated from the same clap definitions as the command line
//! itself, so they never drift from it.

use super::{Ctx, Failure};
use crate::cli::{Cli, CompletionsArgs, ManArgs, Shell};
use crate::error::{Error, ExitStatus};
use clap::CommandFactory;

/// The name the scripts complete: the installed binary's.
const BIN_NAME: &str = "claims";

/// Print the completion script for the shell.
pub(crate) fn completions(ctx: &mut Ctx, args: &CompletionsArgs) -> Result<ExitStatus, Failure> {
    use clap_complete::Shell as S;
    let shell = match args.shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
        Shell::Elvish => S::Elvish,
        Shell::Powershell => S::PowerShell,
    };
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, BIN_NAME, ctx.out);
    Ok(ExitStatus::Success)
}

/// Print the man page of `claims` (roff), or write `claims.1` and a `claims-COMMAND.1` for
/// each command into `--dir`.
pub(crate) fn man(ctx: &mut Ctx, args: &ManArgs) -> Result<ExitStatus, Failure> {
    let cmd = Cli::command();
    match &args.dir {
        None => clap_mangen::Man::new(cmd).render(ctx.out)?,
        Some(dir) => {
            if dir.exists() && !dir.is_dir() {
                return Err(Error::Usage {
                    message: format!("{}: not a folder; --dir names one", dir.display()),
                }
                .into());
            }
            let io = |e| Error::Io {
                path: dir.clone(),
                source: e,
            };
            std::fs::create_dir_all(dir).map_err(io)?;
            clap_mangen::generate_to(cmd, dir).map_err(io)?;
            if !ctx.cli.quiet {
                writeln!(ctx.out, "wrote the man pages into {}", dir.display())?;
            }
        }
    }
    Ok(ExitStatus::Success)
}
