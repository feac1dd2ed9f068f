//! The subcommands, one module each: its flags (as clap `Args`, whose doc comments are the
//! help) and a thin `run` that glues `store`, `rules` and output together.

pub mod agenda;
pub mod check;
pub mod completions;
pub mod consent;
pub mod init;
pub mod list;
pub mod man;
pub mod minutes;
pub mod outcome;
pub mod purge;
pub mod refer;
pub mod report;
pub mod schedule;
pub mod show;
pub mod sync;
pub mod tiltak;

use crate::cli::Command;
use crate::context::{Context, Globals};
use crate::error::Error;
use crate::lang::Lang;

/// Runs a subcommand. On failure, also returns the language the command had settled on
/// (from `rt.toml`), so the error is shown in it.
pub fn dispatch(command: Command, globals: &Globals) -> Result<i32, (Error, Option<Lang>)> {
    let name = command.name();
    match command {
        Command::Init(args) => init::run(args, globals).map_err(|e| (e, None)),
        Command::Refer(args) => in_team(globals, name, |ctx| refer::run(*args, ctx)),
        Command::List(args) => in_team(globals, name, |ctx| list::run(args, ctx)),
        Command::Show(args) => in_team(globals, name, |ctx| show::run(args, ctx)),
        Command::Schedule(args) => in_team(globals, name, |ctx| schedule::run(args, ctx)),
        Command::Agenda(args) => in_team(globals, name, |ctx| agenda::run(args, ctx)),
        Command::Minutes(args) => in_team(globals, name, |ctx| minutes::run(args, ctx)),
        Command::Record(args) => in_team(globals, name, |ctx| outcome::record(args, ctx)),
        Command::Decide(args) => in_team(globals, name, |ctx| outcome::decide(args, ctx)),
        Command::Close(args) => in_team(globals, name, |ctx| outcome::close(args, ctx)),
        Command::Tiltak(args) => in_team(globals, name, |ctx| tiltak::run(args, ctx)),
        Command::Report(args) => in_team(globals, name, |ctx| report::run(args, ctx)),
        Command::Purge(args) => in_team(globals, name, |ctx| purge::run(args, ctx)),
        Command::Consent(args) => in_team(globals, name, |ctx| consent::run(args, ctx)),
        Command::Check(args) => in_team(globals, name, |ctx| check::run(args, ctx)),
        Command::Sync(args) => in_team(globals, name, |ctx| sync::run(args, ctx)),
        Command::Completions(args) => completions::run(args, globals).map_err(|e| (e, None)),
        Command::Man(args) => man::run(args, globals).map_err(|e| (e, None)),
    }
}

/// Runs a command inside a team folder; then commits what it wrote, if the team wants that
/// (see [`sync::commit_written`]) — also after a failure, so history matches the files.
fn in_team(
    globals: &Globals,
    name: &str,
    command: impl FnOnce(&mut Context) -> Result<i32, Error>,
) -> Result<i32, (Error, Option<Lang>)> {
    let mut ctx = Context::resolve(globals).map_err(|e| (e, None))?;
    let result = command(&mut ctx);
    sync::commit_written(&ctx.team, ctx.lang, name);
    result.map_err(|e| (e, Some(ctx.lang)))
}

/// `--format` for commands that print text or JSON.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextOrJson {
    /// Readable text.
    #[default]
    Text,
    /// JSON for scripts (stable English field names).
    Json,
}

/// Serialises a view as pretty JSON with a final newline.
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("views always serialise");
    text.push('\n');
    text
}

/// Says how many case files a command had to leave out because they have errors — a case
/// missing from a list, an invitation or a report must never go unnoticed. `what` is what
/// happened to them, e.g. `("er utelatt", "are left out")`.
pub fn warn_unreadable_cases(diags: &[crate::diagnostic::Diagnostic], lang: Lang, what: (&str, &str)) {
    let broken: std::collections::BTreeSet<&str> =
        diags.iter().filter(|d| d.is_error()).map(|d| d.file.as_str()).collect();
    if broken.is_empty() {
        return;
    }
    let n = broken.len();
    crate::output::note(&lang.pick(
        format!(
            "advarsel: {} feil og {}; kjør `rt check`",
            crate::lang::count(n, "saksfil har", "saksfiler har"),
            what.0
        ),
        format!(
            "warning: {} with errors {}; run `rt check`",
            crate::lang::count(n, "case file", "case files"),
            what.1
        ),
    ));
}

/// What happens to a case file with errors in most commands.
pub const LEFT_OUT: (&str, &str) = ("er utelatt", "left out");
