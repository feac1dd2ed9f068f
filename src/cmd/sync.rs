//! Git for the team folder: the automatic commit after a command that wrote, and `rt sync`,
//! which fetches the others' changes, puts this clone's commits on top (rebase) and sends
//! them.
//!
//! Cases are one file each with ids that never collide, so two clones that each refer cases
//! join without a conflict. A conflict needs two people changing the same case or the same
//! half-year's meetings; then `rt sync` stops, names the files and says what to do.

use crate::context::Context;
use crate::error::Error;
use crate::lang::Lang;
use crate::output;
use crate::store::git::{self, Repo};
use crate::store::lock::TeamLock;
use crate::store::{TeamDir, atomic, load};

/// Flags of `rt sync`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Eksempler:\n  rt sync                 hent de andres endringer og send dine\n  rt --dir ~/ressursteam sync\n\nTeam-mappen må være et git-depot med en upstream (git clone URL, eller git push -u origin main\nførste gang). Git bruker dine egne innloggingsopplysninger."
)]
pub struct Args {}

/// After a command: commits the files it wrote, when `rt.toml` says `[git] auto_commit = true`
/// and the folder is in git. Never fails the command: what was written stays written, and a
/// commit that cannot be made is a warning.
pub fn commit_written(team: &TeamDir, lang: Lang, command: &str) {
    let files = team.written();
    if files.is_empty() {
        return;
    }
    let Ok((Some(config), _)) = load::config(team) else { return };
    if !config.auto_commit {
        return;
    }
    match git::repo(team) {
        Repo::NotARepo => {}
        Repo::NoGit => {
            // Only worth a word where a repository is plainly meant to be.
            if team.root().ancestors().any(|d| d.join(".git").exists()) {
                output::note(&format!(
                    "{}: {}",
                    lang.warning_word(),
                    lang.pick(
                        "auto_commit er på, men git kan ikke kjøres her; endringen er lagret, men ikke committet",
                        "auto_commit is on, but git cannot be run here; the change is saved but not committed",
                    )
                ));
            }
        }
        Repo::At(_) => {
            // Under the team lock, so two rt's committing at once do not trip over git's index.
            let result = TeamLock::acquire(team)
                .map_err(|e| git::GitError { action: "git commit".into(), detail: e.message(lang) })
                .and_then(|_lock| git::commit_files(team, &files, command));
            match result {
                Ok(Some(message)) => output::note(&format!("git: {message}")),
                Ok(None) => {}
                Err(e) => output::note(&format!(
                    "{}: {}\n{}: {}",
                    lang.warning_word(),
                    lang.pick(
                        format!("endringen er lagret, men ikke committet ({}: {})", e.action, e.detail),
                        format!("the change is saved but not committed ({}: {})", e.action, e.detail),
                    ),
                    lang.help_word(),
                    lang.pick(
                        "rett det git sier, og commit filene selv, eller kjør kommandoen på nytt",
                        "fix what git says and commit the files yourself, or run the command again",
                    )
                )),
            }
        }
    }
}

/// Runs `rt sync`.
pub fn run(_args: Args, ctx: &mut Context) -> Result<i32, Error> {
    if let Ok((Some(config), _)) = load::config(&ctx.team) {
        ctx.adopt_language(config.language);
    }
    let lang = ctx.lang;
    let team = &ctx.team;
    match git::repo(team) {
        Repo::NoGit => return Err(Error::Sync(SyncProblem::NoGit)),
        Repo::NotARepo => return Err(Error::Sync(SyncProblem::NotARepo)),
        Repo::At(_) => {}
    }
    if git::unfinished(team) {
        return Err(Error::Sync(SyncProblem::Unfinished));
    }
    let (branch, upstream) = git::upstream(team).map_err(SyncProblem::from)?;
    let Some(upstream) = upstream else {
        let remote = git::remotes(team).into_iter().next();
        return Err(Error::Sync(SyncProblem::NoUpstream { branch, remote }));
    };
    let pending = git::uncommitted(team).map_err(SyncProblem::from)?;

    git::fetch(team).map_err(SyncProblem::from)?;
    let (incoming, _) = git::ahead_behind(team).map_err(SyncProblem::from)?;
    if incoming > 0
        && let Err(files) = git::rebase(team).map_err(SyncProblem::from)?
    {
        return Err(Error::Sync(SyncProblem::Conflict { files }));
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
    let (files, _) = load::case_files(team);
    let folders: std::collections::BTreeSet<_> =
        files.iter().filter_map(|f| f.path.parent().map(std::path::Path::to_path_buf)).collect();
    let mut restricted = 0;
    for path in folders.iter().chain(std::iter::once(&team.path(crate::store::CASES_DIR))) {
        restricted += usize::from(atomic::make_private(path).map_err(|e| Error::write(path, e))?);
    }
    for f in &files {
        restricted += usize::from(atomic::make_private(&f.path).map_err(|e| Error::write(&f.path, e))?);
    }

    output::note(&match (incoming, outgoing) {
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
        output::note(&lang.pick(
            format!("{items} kan igjen bare leses av deg (git tar ikke vare på rettigheter)."),
            format!("{items} readable by you alone again (git keeps no file modes)."),
        ));
    }
    if !pending.is_empty() {
        output::note(&format!(
            "{}: {}\n{}",
            lang.warning_word(),
            lang.pick(
                format!(
                    "{} endringer som ikke er committet, og ble ikke sendt:",
                    crate::lang::count(pending.len(), "fil har", "filer har")
                ),
                format!(
                    "{} changes that are not committed, and were not sent:",
                    crate::lang::count(pending.len(), "file has", "files have")
                ),
            ),
            pending.iter().map(|f| format!("  {f}")).collect::<Vec<_>>().join("\n")
        ));
    }
    // Cases from two clones may together overfill a meeting; the check says so.
    let errors = crate::cmd::check::count_errors(ctx);
    if errors > 0 {
        output::note(&format!(
            "{}: {}",
            lang.warning_word(),
            lang.pick(
                format!("team-mappen har {errors} feil etter synkroniseringen; kjør `rt check`"),
                format!("the team folder has {errors} error(s) after syncing; run `rt check`"),
            )
        ));
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
            SyncProblem::PushRaced => l.pick("kjør `rt sync` igjen".into(), "run `rt sync` again".into()),
            SyncProblem::Git(_) => l.pick(
                "rett det git sier (nett, innlogging, tilgang) og kjør `rt sync` igjen".into(),
                "fix what git says (network, login, access) and run `rt sync` again".into(),
            ),
        })
    }
}
