//! Git, through the user's own `git` (their credentials, hooks and config; no library).
//!
//! Two uses: committing exactly the files a command wrote (when `rt.toml` says
//! `[git] auto_commit = true`), and `rt sync`'s pull-with-rebase and push. Where `git` is not
//! installed or the team folder is not in a repository, committing quietly does nothing, so
//! no command ever breaks for want of git.
//!
//! Commit messages name the command and the files' stems — case ids, half-years, the
//! catalogue — which carry no personal data; the caller never passes free text.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::TeamDir;

/// Where a team folder stands with git.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repo {
    /// `git` cannot be run here.
    NoGit,
    /// The folder is not inside a repository.
    NotARepo,
    /// Inside the repository with this top folder.
    At(PathBuf),
}

/// What went wrong running git, with git's own words.
#[derive(Debug)]
pub struct GitError {
    /// The git command, e.g. `git push`.
    pub action: String,
    /// What git said on standard error (or the reason it could not be run).
    pub detail: String,
}

/// Runs git in a folder, never asking for anything on the terminal unless `interactive`.
fn git(dir: &Path, args: &[&str], interactive: bool) -> std::io::Result<Output> {
    let mut cmd = Command::new("git");
    cmd.arg("-C").arg(dir).args(args);
    if !interactive {
        cmd.env("GIT_TERMINAL_PROMPT", "0").stdin(std::process::Stdio::null());
    }
    cmd.output()
}

/// Runs git and gives its standard output, or what went wrong.
fn run(dir: &Path, args: &[&str], interactive: bool) -> Result<String, GitError> {
    let action = format!("git {}", args.first().copied().unwrap_or_default());
    match git(dir, args, interactive) {
        Ok(out) if out.status.success() => Ok(String::from_utf8_lossy(&out.stdout).into_owned()),
        Ok(out) => {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let stdout = String::from_utf8_lossy(&out.stdout);
            let detail = if stderr.trim().is_empty() { stdout.trim() } else { stderr.trim() };
            Err(GitError { action, detail: detail.to_string() })
        }
        Err(e) => Err(GitError { action, detail: e.to_string() }),
    }
}

/// Where the team folder stands with git.
pub fn repo(team: &TeamDir) -> Repo {
    match git(team.root(), &["rev-parse", "--show-toplevel"], false) {
        Err(_) => Repo::NoGit,
        Ok(out) if !out.status.success() => Repo::NotARepo,
        Ok(out) => Repo::At(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())),
    }
}

/// Whether a repository is plainly meant here (a `.git` in the team folder or above it), so
/// that git's absence is worth a word; a folder on a share without git is simply not in git.
pub fn repository_meant(team: &TeamDir) -> bool {
    team.root().ancestors().any(|d| d.join(".git").exists())
}

/// The message of an automatic commit: `rt refer: 2027-01-05-k7q2`, naming at most five
/// files by their stems (`2027H1`, `tiltaksbank`) and counting the rest. Only a stem that is
/// a case id, a half-year or one of the team's own files is named: a misnamed file (a copy
/// called by a person's name, say) is only counted, so no personal data reaches the history.
pub fn message(command: &str, files: &[String]) -> String {
    let safe = |stem: &str| {
        crate::model::CaseId::parse(stem).is_ok()
            || crate::model::dates::Half::parse(stem).is_some()
            || matches!(stem, "tiltaksbank" | "rt" | ".gitignore")
    };
    let mut stems: Vec<&str> = files
        .iter()
        .map(|f| {
            let name = f.rsplit('/').next().unwrap_or(f);
            let stem = name.strip_suffix(".toml").unwrap_or(name);
            if safe(stem) { stem } else { "…" }
        })
        .collect();
    stems.dedup();
    let shown = stems.iter().take(5).copied().collect::<Vec<_>>().join(", ");
    match stems.len() {
        0 => format!("rt {command}"),
        n if n > 5 => format!("rt {command}: {shown} (+{})", n - 5),
        _ => format!("rt {command}: {shown}"),
    }
}

/// Commits exactly these files (paths relative to the team folder) and nothing else the
/// user may have staged, with a [`message`] for `command` naming the files committed.
/// `Ok(None)` when none of them is new or changed for git; else the message.
pub fn commit_files(team: &TeamDir, files: &[String], command: &str) -> Result<Option<String>, GitError> {
    let dir = team.root();
    let mut given: Vec<&str> = files.iter().map(String::as_str).collect();
    given.sort_unstable();
    given.dedup();
    // Only what git would take: new or changed files it does not ignore (a team may keep
    // `cases/` out of git and the rest in), and what is staged already. Paths come back
    // relative to the team folder.
    let mut changed = vec!["ls-files", "-z", "--modified", "--others", "--exclude-standard", "--"];
    changed.extend(&given);
    let mut staged = vec!["diff", "-z", "--cached", "--name-only", "--relative", "--"];
    staged.extend(&given);
    let mut paths: Vec<String> = run(dir, &changed, false)?
        .split('\0')
        .chain(run(dir, &staged, false)?.split('\0'))
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    paths.sort_unstable();
    paths.dedup();
    if paths.is_empty() {
        return Ok(None);
    }
    // In the order the command wrote them, for the message.
    paths.sort_by_key(|p| files.iter().position(|f| f == p));
    let message = message(command, &paths);
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let mut add = vec!["add", "--"];
    add.extend(&paths);
    run(dir, &add, false)?;
    // With paths, `git commit` takes only them (`--only`), whatever else is staged.
    let mut commit = vec!["commit", "--quiet", "-m", &message, "--"];
    commit.extend(&paths);
    run(dir, &commit, false)?;
    Ok(Some(message))
}

/// How many commits hold a version of these files (relative to the team folder), when the
/// folder is in a repository and git runs; `None` otherwise.
pub fn commits_holding(team: &TeamDir, files: &[&str]) -> Option<usize> {
    run(team.root(), &["rev-parse", "--is-inside-work-tree"], false).ok()?;
    let mut args = vec!["log", "--format=%H", "--"];
    args.extend(files);
    Some(run(team.root(), &args, false).ok()?.lines().count())
}

/// The current branch and its upstream (`origin/main`), if one is set.
pub fn upstream(team: &TeamDir) -> Result<(String, Option<String>), GitError> {
    let branch = run(team.root(), &["branch", "--show-current"], false)?.trim().to_string();
    let up = run(team.root(), &["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"], false)
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    Ok((branch, up))
}

/// The names of the remotes.
pub fn remotes(team: &TeamDir) -> Vec<String> {
    run(team.root(), &["remote"], false).map(|s| s.lines().map(str::to_string).collect()).unwrap_or_default()
}

/// The git operation left unfinished in the team folder's repository — `rebase`, `merge`,
/// `cherry-pick` or `revert` — found by looking in the repository's own folder (no git
/// process: every write asks this, and it must be cheap).
pub fn operation_in_progress(team: &TeamDir) -> Option<&'static str> {
    let git_dir = git_dir(team.root())?;
    const MARKS: [(&str, &str); 5] = [
        ("rebase-merge", "rebase"),
        ("rebase-apply", "rebase"),
        ("MERGE_HEAD", "merge"),
        ("CHERRY_PICK_HEAD", "cherry-pick"),
        ("REVERT_HEAD", "revert"),
    ];
    MARKS.iter().find(|(name, _)| git_dir.join(name).exists()).map(|(_, op)| *op)
}

/// The repository folder of the nearest `.git` at or above `dir`: a folder, or a file
/// `gitdir: PATH` (a worktree or submodule).
fn git_dir(dir: &Path) -> Option<PathBuf> {
    let dot_git = dir.ancestors().map(|d| d.join(".git")).find(|p| p.exists())?;
    if dot_git.is_dir() {
        return Some(dot_git);
    }
    let text = super::load::read_capped(&dot_git).ok()?;
    let target = text.lines().find_map(|l| l.strip_prefix("gitdir:"))?.trim();
    let target = PathBuf::from(target);
    Some(if target.is_absolute() { target } else { dot_git.parent()?.join(target) })
}

/// Files under the team folder with changes not committed, relative to the team folder.
pub fn uncommitted(team: &TeamDir) -> Result<Vec<String>, GitError> {
    // `-z`: every path as it is (no quoting of non-ASCII letters, spaces or ` -> `), each
    // entry ended by NUL; a rename or copy is `XY new` followed by the old path.
    let out = run(team.root(), &["status", "--porcelain", "-z", "--untracked-files=all", "--", "."], false)?;
    let prefix = run(team.root(), &["rev-parse", "--show-prefix"], false)?.trim_end_matches('\n').to_string();
    let mut files = Vec::new();
    let mut entries = out.split('\0');
    while let Some(entry) = entries.next() {
        let (Some(xy), Some(path)) = (entry.get(..2), entry.get(3..)) else { continue };
        if xy.starts_with(['R', 'C']) {
            entries.next(); // the old path
        }
        files.push(path.strip_prefix(prefix.as_str()).unwrap_or(path).to_string());
    }
    Ok(files)
}

/// The files rt keeps (`rt.toml`, `tiltaksbank.toml`, `cases/`, `meetings/`, `templates/`)
/// that git does not hold as they are: new, changed or removed since the last commit.
/// Relative to the team folder, as they are spelled; a rename is named by its new path.
pub fn uncommitted_state_files(team: &TeamDir) -> Result<Vec<String>, GitError> {
    const STATE: [&str; 5] = ["rt.toml", "tiltaksbank.toml", "cases/", "meetings/", "templates/"];
    Ok(uncommitted(team)?
        .into_iter()
        .filter(|f| STATE.iter().any(|s| if s.ends_with('/') { f.starts_with(s) } else { f == s }))
        .filter(|f| !f.ends_with(".rt-tmp"))
        .collect())
}

/// Fetches from the upstream, quietly, with the user's credentials.
pub fn fetch(team: &TeamDir) -> Result<(), GitError> {
    run(team.root(), &["fetch", "--quiet"], true).map(|_| ())
}

/// How many commits are only upstream (to fetch) and only here (to send).
pub fn ahead_behind(team: &TeamDir) -> Result<(usize, usize), GitError> {
    let out = run(team.root(), &["rev-list", "--left-right", "--count", "@{upstream}...HEAD"], false)?;
    let mut parts = out.split_whitespace().map(|n| n.parse::<usize>().unwrap_or(0));
    Ok((parts.next().unwrap_or(0), parts.next().unwrap_or(0)))
}

/// How a rebase onto the upstream went.
#[derive(Debug, PartialEq, Eq)]
pub enum Rebased {
    /// Done.
    Clean,
    /// Stopped in a conflict between commits, in these files (the rebase is left for the user).
    Conflict(Vec<String>),
    /// Done, but the uncommitted changes put back afterwards clashed in these files (git left
    /// markers in them and kept the changes in its stash).
    StashConflict(Vec<String>),
}

/// Puts this branch's own commits on top of the upstream's, keeping uncommitted changes.
pub fn rebase(team: &TeamDir) -> Result<Rebased, GitError> {
    let unmerged = || {
        run(team.root(), &["diff", "--name-only", "--diff-filter=U", "--relative"], false)
            .map(|s| s.lines().map(str::to_string).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let stashes = || run(team.root(), &["stash", "list"], false).map(|s| s.lines().count()).unwrap_or(0);
    let before = stashes();
    match run(team.root(), &["rebase", "--autostash", "--quiet", "@{upstream}"], false) {
        Ok(_) => {
            let clashed = unmerged();
            // git says "Applying autostash resulted in conflicts" and exits 0.
            if !clashed.is_empty() || stashes() > before {
                let files = if clashed.is_empty() { uncommitted(team).unwrap_or_default() } else { clashed };
                return Ok(Rebased::StashConflict(files));
            }
            Ok(Rebased::Clean)
        }
        Err(e) => {
            let conflicts = unmerged();
            if conflicts.is_empty() { Err(e) } else { Ok(Rebased::Conflict(conflicts)) }
        }
    }
}

/// Sends this branch's commits to its upstream.
pub fn push(team: &TeamDir) -> Result<(), GitError> {
    run(team.root(), &["push", "--quiet"], true).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_command_and_the_files_only() {
        let files = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            message("refer", &files(&["cases/2027/2027-01-05-k7q2.toml"])),
            "rt refer: 2027-01-05-k7q2"
        );
        assert_eq!(
            message("schedule", &files(&["meetings/2027H1.toml", "cases/2027/2027-01-05-k7q2.toml"])),
            "rt schedule: 2027H1, 2027-01-05-k7q2"
        );
        let many: Vec<String> = (1..=7).map(|i| format!("cases/2027/2027-01-0{i}-aaaa.toml")).collect();
        assert!(message("purge", &many).ends_with("2027-01-05-aaaa (+2)"), "{}", message("purge", &many));
        assert_eq!(message("init", &[]), "rt init");
        // A misnamed file is never named.
        assert_eq!(message("close", &files(&["cases/2027/Kari Nordmann.toml"])), "rt close: …");
    }
}
