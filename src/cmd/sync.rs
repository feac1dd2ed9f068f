//! `rt sync`: fetches the others' changes, puts this clone's commits on top (rebase) and
//! sends them. (The automatic commit after a change is part of every write transaction; see
//! `store::transaction`.)
//!
//! Cases are one file each with ids that never collide, so two clones that each refer cases
//! join without a conflict. A conflict needs two people changing the same case or the same
//! half-year's meetings; then `rt sync` stops, names the files and says what to do.

use crate::error::Error;
use crate::lang::Lang;
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
        Repo::NoGit => return Err(Error::Sync(SyncProblem::NoGit)),
        Repo::NotARepo => return Err(Error::Sync(SyncProblem::NotARepo)),
        Repo::At(_) => {}
    }
    if git::operation_in_progress(team).is_some() {
        return Err(Error::Sync(SyncProblem::Unfinished));
    }
    // The whole sync holds the team lock: no other `rt` writes while git rewrites the files.
    let _lock = TeamLock::acquire(team, ctx.command)?;
    let (branch, upstream) = git::upstream(team).map_err(SyncProblem::from)?;
    let Some(upstream) = upstream else {
        let remote = git::remotes(team).into_iter().next();
        return Err(Error::Sync(SyncProblem::NoUpstream { branch, remote }));
    };
    let pending = git::uncommitted(team).map_err(SyncProblem::from)?;

    git::fetch(team).map_err(SyncProblem::from)?;
    let (incoming, _) = git::ahead_behind(team).map_err(SyncProblem::from)?;
    if incoming > 0 {
        match git::rebase(team).map_err(SyncProblem::from)? {
            git::Rebased::Clean => {}
            git::Rebased::Conflict(files) => return Err(Error::Sync(SyncProblem::Conflict { files })),
            // The others' changes are in, but the uncommitted changes put back on top of them
            // clash: git left markers in these files and kept the changes in its stash.
            git::Rebased::StashConflict(files) => {
                return Err(Error::Sync(SyncProblem::StashConflict { files }));
            }
        }
    }
    let (_, outgoing) = git::ahead_behind(team).map_err(SyncProblem::from)?;
    if outgoing > 0 {
        git::push(team).map_err(|e| {
            if e.detail.contains("rejected") || e.detail.contains("fetch first") {
                SyncProblem::PushRaced
            } else {
                SyncProblem::from(e)
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
        ctx.warn(&crate::problem::Problem::NotSent { files: pending });
    }
    // Cases from two clones may together overfill a meeting; the check says so.
    let errors = crate::cmd::check::count_errors(ctx);
    if errors > 0 {
        ctx.warn(&crate::problem::Problem::ErrorsAfterSync { errors });
    }
    Ok(0)
}

/// Why `rt sync` stopped.
#[derive(Debug)]
pub enum SyncProblem {
    /// `git` cannot be run.
    NoGit,
    /// The team folder is not in a repository.
    NotARepo,
    /// A rebase or merge from before is not finished.
    Unfinished,
    /// The branch has no upstream to sync with.
    NoUpstream { branch: String, remote: Option<String> },
    /// The same files changed here and there.
    Conflict { files: Vec<String> },
    /// The others' changes are in, but putting back the uncommitted changes clashed.
    StashConflict { files: Vec<String> },
    /// Someone pushed between our fetch and our push.
    PushRaced,
    /// Git failed otherwise.
    Git(git::GitError),
}

impl From<git::GitError> for SyncProblem {
    fn from(e: git::GitError) -> Self {
        SyncProblem::Git(e)
    }
}

impl From<SyncProblem> for Error {
    fn from(p: SyncProblem) -> Self {
        Error::Sync(p)
    }
}

impl SyncProblem {
    /// What went wrong.
    pub fn message(&self, l: Lang) -> String {
        match self {
            SyncProblem::NoGit => l.pick("git kan ikke kjøres her".into(), "git cannot be run here".into()),
            SyncProblem::NotARepo => l.pick(
                "team-mappen er ikke et git-depot".into(),
                "the team folder is not a git repository".into(),
            ),
            SyncProblem::Unfinished => l.pick(
                "en tidligere synkronisering stoppet midt i en konflikt".into(),
                "an earlier sync stopped in the middle of a conflict".into(),
            ),
            SyncProblem::NoUpstream { branch, .. } => l.pick(
                format!("grenen `{branch}` har ingen upstream å synkronisere med"),
                format!("the branch `{branch}` has no upstream to sync with"),
            ),
            SyncProblem::Conflict { files } => {
                let list = files.iter().map(|f| format!("  {f}")).collect::<Vec<_>>().join("\n");
                l.pick(
                    format!("dine endringer og de andres gjelder de samme linjene i:\n{list}"),
                    format!("your changes and the others' touch the same lines in:\n{list}"),
                )
            }
            SyncProblem::StashConflict { files } => {
                let list = files.iter().map(|f| format!("  {f}")).collect::<Vec<_>>().join("\n");
                l.pick(
                    format!("de andres endringer er hentet, men dine endringer som ikke var committet, kolliderer med dem i:\n{list}"),
                    format!("the others' changes are in, but your uncommitted changes clash with them in:\n{list}"),
                )
            }
            SyncProblem::PushRaced => l.pick(
                "noen andre sendte endringer akkurat nå, så dine ble ikke sendt".into(),
                "someone else sent changes just now, so yours were not sent".into(),
            ),
            SyncProblem::Git(e) => l.pick(
                format!("{} virket ikke: {}", e.action, e.detail),
                format!("{} did not work: {}", e.action, e.detail),
            ),
        }
    }

    /// What to do about it.
    pub fn help(&self, l: Lang) -> Option<String> {
        Some(match self {
            SyncProblem::NoGit => l.pick(
                "installer git (https://git-scm.com), eller del team-mappen på en annen måte".into(),
                "install git (https://git-scm.com), or share the team folder another way".into(),
            ),
            SyncProblem::NotARepo => l.pick(
                "hent team-mappen med `git clone URL`, eller gjør den til et depot med `git init`".into(),
                "get the team folder with `git clone URL`, or make it a repository with `git init`".into(),
            ),
            SyncProblem::Unfinished => l.pick(
                "rett filene `git status` viser, kjør `rt check`, `git add FIL` og `git rebase --continue`, og så `rt sync` igjen; eller gå tilbake med `git rebase --abort`".into(),
                "fix the files `git status` lists, run `rt check`, `git add FILE` and `git rebase --continue`, then `rt sync` again; or go back with `git rebase --abort`".into(),
            ),
            SyncProblem::NoUpstream { branch, remote: Some(remote) } => l.pick(
                format!("send grenen første gang med `git push -u {remote} {branch}`"),
                format!("send the branch the first time with `git push -u {remote} {branch}`"),
            ),
            SyncProblem::NoUpstream { remote: None, .. } => l.pick(
                "legg til det delte depotet med `git remote add origin URL`, og send med `git push -u origin HEAD`".into(),
                "add the shared repository with `git remote add origin URL`, and send with `git push -u origin HEAD`".into(),
            ),
            SyncProblem::Conflict { .. } => l.pick(
                "ingenting er tapt. Åpne filene, velg hva som skal stå mellom <<<<<<< og >>>>>>>, og fjern merkene; kjør `rt check`, så `git add FIL` og `git rebase --continue`, og til slutt `rt sync` igjen. Vil du heller gå tilbake til slik det var: `git rebase --abort`".into(),
                "nothing is lost. Open the files, choose what should stand between <<<<<<< and >>>>>>>, and remove the markers; run `rt check`, then `git add FILE` and `git rebase --continue`, and finally `rt sync` again. To go back to how it was instead: `git rebase --abort`".into(),
            ),
            SyncProblem::StashConflict { .. } => l.pick(
                "ingenting er tapt: endringene dine ligger også i `git stash list`. Åpne filene, velg hva som skal stå mellom <<<<<<< og >>>>>>> og fjern merkene, kjør `rt check`, og så `git stash drop`".into(),
                "nothing is lost: your changes are also in `git stash list`. Open the files, choose what should stand between <<<<<<< and >>>>>>> and remove the markers, run `rt check`, then `git stash drop`".into(),
            ),
            SyncProblem::PushRaced => l.pick("kjør `rt sync` igjen".into(), "run `rt sync` again".into()),
            SyncProblem::Git(_) => l.pick(
                "rett det git sier (nett, innlogging, tilgang) og kjør `rt sync` igjen".into(),
                "fix what git says (network, login, access) and run `rt sync` again".into(),
            ),
        })
    }
}
