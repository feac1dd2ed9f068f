//! `rt`: the command-line tool of a Norwegian municipal *ressursteam*.
//!
//! Cases are plain TOML files in a git-friendly team folder; commands register, schedule
//! and document them under the team's rules (R1–R15, explained in `docs/rutine.md`).
//!
//! Data flows one way: arguments → [`cli`] → [`session`] (folder, `rt.toml`, today,
//! language, output) → [`store`] (files → [`model`] types plus [`diagnostic`]s) → [`rules`]
//! (pure judgements) → a command in [`cmd`] → output, or a [`store::transaction`] that writes.
//! Only `session` reads the clock and the environment; only `store` touches the file system
//! and runs git. A test (`layering`) keeps it so.

pub mod cli;
pub mod cmd;
pub mod diagnostic;
pub mod error;
pub mod help_en;
pub mod lang;
pub mod mail;
pub mod model;
pub mod output;
pub mod problem;
pub mod prompt;
pub mod render;
pub mod report;
pub mod rules;
pub mod schedule;
pub mod session;
pub mod store;
pub mod suggest;
pub mod table;
pub mod tiltak;
pub mod usage_error;
pub mod views;

#[cfg(test)]
mod testing;

use std::ffi::OsString;

use clap::FromArgMatches;

use crate::session::{Early, Globals};

/// Runs `rt` with these arguments and returns the process exit code: 0 done, 1 refused or
/// failed (with a message), 2 a wrong command line.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    // The language for help and usage errors: `--lang`, `RT_LANG`, or the team's `rt.toml`
    // (read here once, and handed to the session).
    let early = Early::resolve(&args);
    let early_lang = early.lang();
    cli::set_args_language(early_lang);
    let parsed =
        cli::command(early_lang).try_get_matches_from(&args).and_then(|m| cli::Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version are clap's to print; a usage error is told in rt's words.
            let told = e.use_stderr().then(|| {
                let typed = usage_error::command_path(&cli::command(early_lang), &args);
                usage_error::render(&e, early_lang, &typed)
            });
            match told.flatten() {
                Some(text) => session::Setup::new(&Globals::default(), early_lang, "rt").note(text),
                None => {
                    let _ = e.print();
                }
            }
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let globals = Globals { dir: cli.dir.clone(), today: cli.today, lang: cli.lang };
    cmd::dispatch(cli.command, &globals, early)
}
