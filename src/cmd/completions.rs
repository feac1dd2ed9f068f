//! `rt completions SHELL`: tab completion for bash, zsh, fish and PowerShell, generated from
//! the same clap definitions as the help, so it never falls behind the commands.

use clap::ValueEnum;

use crate::error::Error;
use crate::session::Setup;

/// The shells `rt` can complete in.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shell {
    /// bash
    Bash,
    /// zsh
    Zsh,
    /// fish
    Fish,
    /// PowerShell
    Powershell,
}

/// Flags of `rt completions`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:
  rt completions bash > ~/.local/share/bash-completion/completions/rt
  rt completions zsh > ~/.zfunc/_rt          (med fpath+=~/.zfunc i ~/.zshrc)
  rt completions fish > ~/.config/fish/completions/rt.fish
  rt completions powershell >> $PROFILE")]
pub struct Args {
    /// Skallet: bash, zsh, fish eller powershell
    #[arg(value_name = "SKALL")]
    pub shell: Shell,
}

/// The completion script for a shell.
pub fn script(shell: Shell, lang: crate::lang::Lang) -> String {
    let mut cmd = crate::cli::command(lang);
    let mut out = Vec::new();
    let generator = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    clap_complete::generate(generator, &mut cmd, "rt", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Runs `rt completions`.
pub fn run(args: &Args, setup: &Setup) -> Result<i32, Error> {
    setup.print(&script(args.shell, setup.lang))?;
    Ok(0)
}
