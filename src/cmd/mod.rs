//! The subcommands, one module each: its flags (as clap `Args`, whose doc comments are the
//! help) and a thin `run` that glues `store`, `rules` and output together.

pub mod agenda;
pub mod check;
pub mod completions;
pub mod consent;
pub mod followup;
pub mod frister;
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
use crate::error::Error;
use crate::session::{Early, Globals, Session, Setup};
use crate::store::transaction::{Done, GitOutcome, Transaction};

/// Runs a subcommand and returns the exit code; an error is told in the session's language.
pub fn dispatch(command: Command, globals: &Globals, early: Early) -> i32 {
    let name = command.name();
    let outside = |run: &dyn Fn(&Setup) -> Result<i32, Error>| {
        let setup = Setup::new(globals, globals.lang.unwrap_or(early.lang()), name);
        finish(run(&setup), &setup)
    };
    match command {
        Command::Init(args) => return outside(&|s| init::run(&args, s)),
        Command::Completions(args) => return outside(&|s| completions::run(&args, s)),
        Command::Man(args) => return outside(&|s| man::run(&args, s)),
        _ => {}
    }
    let fallback = globals.lang.unwrap_or(early.lang());
    let session = match Session::open(early, globals, name) {
        Ok(s) => s,
        Err(e) => return finish(Err(e), &Setup::new(globals, fallback, name)),
    };
    let result = match command {
        Command::Refer(args) => refer::run(*args, &session),
        Command::List(args) => list::run(args, &session),
        Command::Show(args) => show::run(args, &session),
        Command::Schedule(args) => schedule::run(args, &session),
        Command::Agenda(args) => agenda::run(args, &session),
        Command::Minutes(args) => minutes::run(args, &session),
        Command::Record(args) => outcome::record(args, &session),
        Command::Decide(args) => outcome::decide(args, &session),
        Command::Close(args) => outcome::close(args, &session),
        Command::Plan(args) => followup::plan(args, &session),
        Command::Stafett(args) => followup::stafett(args, &session),
        Command::Logg(args) => followup::logg(args, &session),
        Command::Frister(args) => frister::run(args, &session),
        Command::Tiltak(args) => tiltak::run(args, &session),
        Command::Report(args) => report::run(args, &session),
        Command::Purge(args) => purge::run(args, &session),
        Command::Consent(args) => consent::run(args, &session),
        Command::Check(args) => check::run(args, &session),
        Command::Sync(args) => sync::run(args, &session),
        Command::Init(_) | Command::Completions(_) | Command::Man(_) => unreachable!("handled above"),
    };
    finish(result, &session)
}

/// The exit code of a command's result, with the error told (a closed pipe ends quietly).
fn finish(result: Result<i32, Error>, setup: &Setup) -> i32 {
    match result {
        Ok(code) => code,
        Err(e) => {
            if !matches!(e, Error::BrokenPipe) {
                setup.note(e.render(setup.lang));
            }
            e.exit_code()
        }
    }
}

/// Commits a transaction and tells what git made of it; returns the files written.
pub fn commit(setup: &Setup, tx: Transaction<'_>) -> Result<Vec<String>, Error> {
    let Done { written, git } = tx.commit()?;
    tell_git(setup, git);
    Ok(written)
}

/// Tells the person what happened with git after a change.
pub fn tell_git(setup: &Setup, git: GitOutcome) {
    use crate::problem::Problem;
    match git {
        GitOutcome::Off | GitOutcome::Nothing => {}
        GitOutcome::Committed(message) => setup.note(format!("git: {message}")),
        GitOutcome::NoGit => setup.warn(&Problem::GitNotRunnable),
        GitOutcome::Failed(e) => setup.warn(&Problem::NotCommitted { action: e.action, detail: e.detail }),
    }
}

/// Writes a document to `--out` (whole or not at all) and says so, or prints it.
pub fn write_or_print(
    setup: &Setup,
    out: Option<&std::path::Path>,
    text: &str,
    privacy: crate::store::atomic::Privacy,
) -> Result<(), Error> {
    match out {
        Some(path) => {
            crate::store::paths::write_output(path, text.as_bytes(), privacy)?;
            setup.note(
                setup
                    .lang
                    .pick(format!("Skrevet: {}", path.display()), format!("Written: {}", path.display())),
            );
            Ok(())
        }
        None => setup.print(text),
    }
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
/// missing from a list, an invitation or a report must never go unnoticed.
pub fn warn_unreadable_cases(setup: &Setup, diags: &[crate::diagnostic::Diagnostic], how: LeftOut) {
    let broken: std::collections::BTreeSet<&str> =
        diags.iter().filter(|d| d.is_error()).map(|d| d.file.as_str()).collect();
    if !broken.is_empty() {
        setup.warn(&crate::problem::Problem::CaseFilesLeftOut { count: broken.len(), how });
    }
}

/// The cases of a meeting that `rt check` finds no error in, each other one named in a
/// warning: nothing invalid is ever rendered (initials that are not initials must never
/// reach a mail). Files too broken to read are named too when they say they belong to the
/// meeting; `diags` are the problems met while loading.
pub fn valid_cases_of_meeting<T>(
    setup: &Setup,
    team: &crate::store::TeamDir,
    config: &crate::model::Config,
    meeting: chrono::NaiveDate,
    loaded: Vec<crate::store::load::Loaded<T>>,
    diags: &[crate::diagnostic::Diagnostic],
) -> Result<Vec<T>, Error> {
    let bank = crate::store::load::tiltaksbank_for_rules(team, Some(config))?;
    let mut kept = Vec::with_capacity(loaded.len());
    for l in loaded {
        if check::case_file_errors(team, &l.rel, config, bank.as_ref(), setup.today).is_empty() {
            kept.push(l.case);
        } else {
            setup.warn(&crate::problem::Problem::CaseLeftOut { file: l.rel });
        }
    }
    let broken: std::collections::BTreeSet<&str> =
        diags.iter().filter(|d| d.is_error()).map(|d| d.file.as_str()).collect();
    let mut elsewhere = 0;
    for file in broken {
        if crate::store::load::meeting_of_file(team, file) == Some(meeting) {
            setup.warn(&crate::problem::Problem::CaseLeftOut { file: file.to_string() });
        } else {
            elsewhere += 1;
        }
    }
    if elsewhere > 0 {
        setup.warn(&crate::problem::Problem::CaseFilesLeftOut { count: elsewhere, how: LEFT_OUT });
    }
    Ok(kept)
}

pub use crate::problem::LeftOut;

/// What happens to a case file with errors in most commands.
pub const LEFT_OUT: LeftOut = LeftOut::LeftOut;
