//! `rt sync`: fetches the others' changes, puts this clone's commits on top (rebase) and
//! sends them. (The automatic commit after a change is part of every write transaction; see
//! `store::transaction`.)
//!
//! Cases are one file each with ids that never collide, so two clones that each refer cases
//! join without a conflict. A conflict needs two people changing the same case or the same
//! half-year's meetings; then `rt sync` stops, names the files and says what to do.

use crate::error::Error;
use crate::problem::Problem;
use crate::session::Session;
use crate::store::git::{self, Repo};
use crate::store::load;
use crate::store::lock::TeamLock;

/// Flags of `rt sync`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Eksempler:\n  rt sync                 hent de andres endringer og send dine\n  rt --dir ~/ressursteam sync\n\nTeam-mappen må være et git-depot med en upstream (git clone URL, eller git push -u origin main\nførste gang). Git bruker dine egne innloggingsopplysninger."
)]
pub struct Args {}

/// Runs `rt sync`.
pub fn run(_args: Args, ctx: &Session) -> Result<i32, Error> {
    let lang = ctx.lang;
    let team = &ctx.team;
    match git::repo(team) {
        Repo::NoGit => return Err(Problem::NoGit.into()),
        Repo::NotARepo => return Err(Problem::NotARepo.into()),
        Repo::At(_) => {}
    }
    if git::operation_in_progress(team).is_some() {
        return Err(Problem::SyncUnfinished.into());
    }
    // The whole sync holds the team lock: no other `rt` writes while git rewrites the files.
    let _lock = TeamLock::acquire(team, ctx.command)?;
    let (branch, upstream) = git::upstream(team).map_err(failed)?;
    let Some(upstream) = upstream else {
        let remote = git::remotes(team).into_iter().next();
        return Err(Problem::NoUpstream { branch, remote }.into());
    };
    let pending = git::uncommitted(team).map_err(failed)?;

    git::fetch(team).map_err(failed)?;
    let (incoming, _) = git::ahead_behind(team).map_err(failed)?;
    if incoming > 0 {
        match git::rebase(team).map_err(failed)? {
            git::Rebased::Clean => {}
            git::Rebased::Conflict(files) => return Err(Problem::SyncConflict { files }.into()),
            // The others' changes are in, but the uncommitted changes put back on top of them
            // clash: git left markers in these files and kept the changes in its stash.
            git::Rebased::StashConflict(files) => {
                return Err(Problem::StashConflict { files }.into());
            }
        }
    }
    let (_, outgoing) = git::ahead_behind(team).map_err(failed)?;
    if outgoing > 0 {
        git::push(team).map_err(|e| {
            if e.detail.contains("rejected") || e.detail.contains("fetch first") {
                Problem::PushRaced
            } else {
                failed(e)
            }
        })?;
    }

    // Git keeps no file modes: case files that came in are readable by others until made
    // private again.
    let restricted = load::make_cases_private(team)?;

    ctx.note(match (incoming, outgoing) {
        (0, 0) => lang.pick(
            format!("Alt er i takt med {upstream}."),
            format!("Everything is in step with {upstream}."),
        ),
        (i, o) => {
            let changes = |n| lang.count(n, ("endring", "endringer"), ("change", "changes"));
            let (i, o) = (changes(i), changes(o));
            lang.pick(
                format!("Hentet {i} og sendte {o} ({upstream})."),
                format!("Fetched {i} and sent {o} ({upstream})."),
            )
        }
    });
    if restricted > 0 {
        let items = lang.count(
            restricted,
            ("saksfil eller mappe", "saksfiler og mapper"),
            ("case file or folder is", "case files and folders are"),
        );
        ctx.note(lang.pick(
            format!("{items} kan igjen bare leses av deg (git tar ikke vare på rettigheter)."),
            format!("{items} readable by you alone again (git keeps no file modes)."),
        ));
    }
    if !pending.is_empty() {
        ctx.warn(&Problem::NotSent { files: pending });
    }
    // Cases from two clones may together overfill a meeting; the check says so.
    let errors = crate::cmd::check::count_errors(ctx);
    if errors > 0 {
        ctx.warn(&Problem::ErrorsAfterSync { errors });
    }
    Ok(0)
}

/// Git's own failure, said as a problem.
fn failed(e: git::GitError) -> Problem {
    Problem::GitFailed { action: e.action, detail: e.detail }
}
