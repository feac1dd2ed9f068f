//! The one write path for the team folder: every change of a state file (a case, a
//! half-year's meetings, the tiltaksbank, `rt.toml`) is a [`Transaction`], the way jj's
//! `start_transaction()` or a database's BEGIN … COMMIT is.
//!
//! 1. **Begin**: refuse while a git rebase or merge in the folder's repository is unfinished
//!    (a write then would land on a detached HEAD and be lost by `git rebase --abort`), then
//!    take the team lock (see [`super::lock`]). Everything from here on happens while no
//!    other `rt` can read-then-write.
//! 2. **Read and judge**: the command reads what it changes *through the transaction*, so the
//!    read happens under the lock — there is no gap between looking and writing in which
//!    another `rt`'s change could be lost.
//! 3. **Stage**: each new or changed file is staged with the bytes it must replace.
//! 4. **Commit**: every staged file is searched for a national id number — one typed into
//!    a file by hand is refused here, before it can reach git, where `rt purge` cannot remove
//!    it — and every staged path is checked (inside the folder, no symbolic link on
//!    the way, a regular file, unchanged since it was read, a new file's name still free);
//!    then every file is written to a temporary file and flushed; only when all are on disk do
//!    they take their names. If any check or temporary write fails, nothing is written. A
//!    rename failing half-way (rare: a disk pulled out) is reported naming exactly what was and
//!    was not written. Then the files are committed to git when the team wants that, still
//!    under the lock, and the lock is released.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::atomic::{self, Privacy};
use super::git::{self, GitError, Repo};
use super::lock::TeamLock;
use super::text::{self, Layout};
use super::{TeamDir, load};
use crate::error::Error;
use crate::problem::Problem;

/// What a staged file must find on disk when it is written.
#[derive(Clone, Debug)]
enum Expect {
    /// Nothing: the file is new.
    Nothing,
    /// Exactly these bytes: what the command read.
    Bytes(Vec<u8>),
    /// A folder, made if missing.
    Folder,
}

/// A file (or, with no bytes and [`Expect::Folder`], a folder) waiting to be written.
#[derive(Clone, Debug)]
struct Staged {
    rel: String,
    bytes: Vec<u8>,
    expect: Expect,
    privacy: Privacy,
}

/// The folders on the way to `dir` that do not exist yet, outermost first.
fn missing_folders(dir: &Path) -> Vec<PathBuf> {
    let mut missing: Vec<PathBuf> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && std::fs::symlink_metadata(d).is_err())
        .map(Path::to_path_buf)
        .collect();
    missing.reverse();
    missing
}

/// Refuses a change that would write a national id number into the team folder (and so into
/// git): the command's own input was scanned before it came this far, so a number found here
/// was typed into the file by hand, and the file must be mended first.
fn refuse_national_ids(staged: &[Staged]) -> Result<(), Error> {
    for s in staged {
        let Ok(text) = std::str::from_utf8(&s.bytes) else { continue };
        let findings = super::national_ids::in_file(&s.rel, text);
        if !findings.is_empty() {
            return Err(Problem::InvalidFile { file: s.rel.clone(), findings }.into());
        }
    }
    Ok(())
}

/// A change of the team folder in progress; see the module documentation.
pub struct Transaction<'t> {
    team: &'t TeamDir,
    command: &'static str,
    auto_commit: bool,
    staged: Vec<Staged>,
    _lock: TeamLock,
}

/// What happened with git after a change was written.
#[derive(Debug)]
pub enum GitOutcome {
    /// The team does not commit automatically, or the folder is not in a repository.
    Off,
    /// Nothing git would take changed (e.g. the files are ignored).
    Nothing,
    /// Committed with this message.
    Committed(String),
    /// `auto_commit` is on and a repository is plainly there, but git cannot be run.
    NoGit,
    /// Git refused; the files are written but not committed.
    Failed(GitError),
}

/// What a committed transaction wrote.
#[derive(Debug)]
pub struct Done {
    /// The files written, relative to the team folder, in the order staged.
    pub written: Vec<String>,
    /// What git made of it.
    pub git: GitOutcome,
}

impl<'t> Transaction<'t> {
    /// Begins a change of the team folder for `command`; see the module documentation.
    pub fn begin(team: &'t TeamDir, command: &'static str, auto_commit: bool) -> Result<Self, Error> {
        if let Some(operation) = git::operation_in_progress(team) {
            return Err(Problem::GitUnfinished { operation }.into());
        }
        let lock = TeamLock::acquire(team, command)?;
        // Again under the lock: an `rt sync` that held it may have stopped in a conflict.
        if let Some(operation) = git::operation_in_progress(team) {
            return Err(Problem::GitUnfinished { operation }.into());
        }
        Ok(Transaction { team, command, auto_commit, staged: Vec::new(), _lock: lock })
    }

    /// The team folder.
    pub fn team(&self) -> &TeamDir {
        self.team
    }

    /// Reads a text file of the team folder under the lock (never through a link); `None`
    /// when it does not exist.
    pub fn read(&self, rel: &str) -> Result<Option<String>, Error> {
        load::read_text(self.team, rel)
    }

    /// Whether a file exists, on disk or staged in this transaction.
    pub fn exists(&self, rel: &str) -> bool {
        self.staged.iter().any(|s| s.rel == rel) || std::fs::symlink_metadata(self.team.path(rel)).is_ok()
    }

    /// Stages a new file; committing fails (writing nothing) if its name is taken by then.
    pub fn create(&mut self, rel: &str, bytes: impl Into<Vec<u8>>, privacy: Privacy) {
        self.stage(Staged { rel: rel.to_string(), bytes: bytes.into(), expect: Expect::Nothing, privacy });
    }

    /// Stages a new version of a file that held exactly `read` when it was read; committing
    /// fails (writing nothing) if it holds anything else by then. Staging the same bytes as
    /// read stages nothing.
    pub fn replace(&mut self, rel: &str, read: &str, bytes: impl Into<Vec<u8>>, privacy: Privacy) {
        let bytes = bytes.into();
        if bytes == read.as_bytes() {
            return;
        }
        self.stage(Staged {
            rel: rel.to_string(),
            bytes,
            expect: Expect::Bytes(read.as_bytes().to_vec()),
            privacy,
        });
    }

    /// Stages a folder, made (if missing) before any file takes its name.
    pub fn create_folder(&mut self, rel: &str, privacy: Privacy) {
        self.stage(Staged { rel: rel.to_string(), bytes: Vec::new(), expect: Expect::Folder, privacy });
    }

    fn stage(&mut self, staged: Staged) {
        match self.staged.iter_mut().find(|s| s.rel == staged.rel) {
            // A second change of the same file builds on the first: it keeps what the file
            // must hold on disk.
            Some(earlier) => earlier.bytes = staged.bytes,
            None => self.staged.push(staged),
        }
    }

    /// The files staged so far, relative.
    pub fn staged(&self) -> Vec<String> {
        self.staged.iter().map(|s| s.rel.clone()).collect()
    }

    /// Checks every staged file, writes them all or none, commits them to git when the team
    /// wants that, and releases the lock.
    pub fn commit(self) -> Result<Done, Error> {
        // 1. Every path checked before anything is written.
        let (folders, files): (Vec<Staged>, Vec<Staged>) =
            self.staged.iter().cloned().partition(|s| matches!(s.expect, Expect::Folder));
        for f in &folders {
            let path = self.team.path(&f.rel);
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    return Err(Problem::LinkNotFollowed { path: f.rel.clone() }.into());
                }
                Ok(meta) if !meta.is_dir() => {
                    return Err(Problem::NotARegularFile { path: f.rel.clone() }.into());
                }
                _ => {}
            }
        }
        let mut staged = files;
        refuse_national_ids(&staged)?;
        let mut paths: Vec<PathBuf> = Vec::with_capacity(staged.len());
        for s in &mut staged {
            let path = self.team.checked(&s.rel).map_err(|u| Error::Stop(u.problem()))?;
            let current = match std::fs::symlink_metadata(&path) {
                Ok(_) => Some(load::read_capped_raw(&path).map_err(|e| Error::read(&path, e))?),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => return Err(Error::read(&path, e)),
            };
            // What was read is the plain text (see `text`); what is written takes the file's
            // own layout — its line endings and BOM — or, for a new file, its neighbours'.
            let layout = match (&s.expect, current) {
                (Expect::Nothing, None) => self.neighbours_layout(&s.rel),
                (Expect::Nothing, Some(_)) => {
                    return Err(Error::write(&path, std::io::ErrorKind::AlreadyExists.into()));
                }
                (Expect::Bytes(read), Some(now)) => {
                    let layout = Layout::of(&now);
                    if read.as_slice() != layout.plain(&now).as_bytes() {
                        return Err(Problem::Changed { file: s.rel.clone() }.into());
                    }
                    layout
                }
                (Expect::Bytes(_), None) => return Err(Problem::Changed { file: s.rel.clone() }.into()),
                (Expect::Folder, _) => unreachable!("folders are apart"),
            };
            if layout != Layout::default()
                && let Ok(plain) = std::str::from_utf8(&s.bytes)
            {
                s.bytes = layout.on_disk(plain).into_bytes();
            }
            paths.push(path);
        }
        // 2. Every file flushed to a temporary file beside its place; any failure removes them
        // all, and the folders made for them, and nothing has been written.
        let mut made: Vec<PathBuf> = Vec::new();
        let mut temps: Vec<PathBuf> = Vec::with_capacity(paths.len());
        let undo = |temps: &[PathBuf], made: &[PathBuf]| {
            for t in temps {
                let _ = std::fs::remove_file(t);
            }
            for dir in made.iter().rev() {
                let _ = std::fs::remove_dir(dir); // only ever empty: rt made it just now
            }
        };
        for f in &folders {
            let path = self.team.path(&f.rel);
            made.extend(missing_folders(&path));
            if let Err(e) = atomic::create_dirs(&path, f.privacy) {
                undo(&temps, &made);
                return Err(Error::write(&path, e));
            }
        }
        for (s, path) in staged.iter().zip(&paths) {
            let dir = atomic::folder_of(path);
            made.extend(missing_folders(dir));
            let written = atomic::create_dirs(dir, s.privacy)
                .and_then(|()| atomic::write_temp(path, &s.bytes, s.privacy));
            match written {
                Ok(temp) => temps.push(temp),
                Err(e) => {
                    undo(&temps, &made);
                    return Err(Error::write(path, e));
                }
            }
        }
        atomic::crash_point("temp-written");
        // 3. Every file takes its name.
        let mut written: Vec<String> = Vec::with_capacity(paths.len());
        for (i, (s, path)) in staged.iter().zip(&paths).enumerate() {
            let result = match s.expect {
                Expect::Nothing => atomic::link_new(&temps[i], path, &s.bytes, s.privacy),
                Expect::Bytes(_) | Expect::Folder => atomic::rename_with_retry(&temps[i], path),
            };
            if s.privacy == Privacy::Private {
                let _ = atomic::make_private(path);
            }
            if let Err(e) = result {
                for t in &temps[i..] {
                    let _ = std::fs::remove_file(t);
                }
                if written.is_empty() {
                    return Err(Error::write(path, e));
                }
                let not_written = staged[i..].iter().map(|s| s.rel.clone()).collect();
                return Err(Problem::PartlyWritten { written, not_written, detail: e.to_string() }.into());
            }
            atomic::crash_point("renamed");
            written.push(s.rel.clone());
        }
        let dirs: BTreeSet<&Path> = paths.iter().filter_map(|p| p.parent()).collect();
        for dir in dirs {
            atomic::sync_dir(dir).map_err(|e| Error::write(dir, e))?;
        }
        // 4. Git, still under the lock, so two `rt`s committing do not trip over the index.
        let git = if self.auto_commit && !written.is_empty() {
            commit_to_git(self.team, &written, self.command)
        } else {
            GitOutcome::Off
        };
        Ok(Done { written, git })
    }
}

impl Transaction<'_> {
    /// The layout a new file takes: that of most `.toml` files already in its folder (a few
    /// looked at, their first line only), else that of the team's `rt.toml`.
    fn neighbours_layout(&self, rel: &str) -> Layout {
        const LOOKED_AT: usize = 16;
        let start = |path: &Path| -> Option<Layout> {
            use std::io::Read;
            let mut head = Vec::with_capacity(512);
            std::fs::File::open(path).ok()?.take(4096).read_to_end(&mut head).ok()?;
            Layout::of_start(&head)
        };
        let dir = self.team.path(rel).parent().map(Path::to_path_buf).unwrap_or_default();
        let layouts: Vec<Layout> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .filter(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.ends_with(".toml") && !name.starts_with('.') && e.file_type().is_ok_and(|t| t.is_file())
            })
            .take(LOOKED_AT)
            .filter_map(|e| start(&e.path()))
            .collect();
        if layouts.is_empty() {
            return start(&self.team.path(super::CONFIG_FILE)).unwrap_or_default();
        }
        text::majority(&layouts)
    }
}

/// Commits exactly the files written, when the folder is in a repository.
fn commit_to_git(team: &TeamDir, files: &[String], command: &str) -> GitOutcome {
    match git::repo(team) {
        Repo::NotARepo => GitOutcome::Off,
        // Only worth a word where a repository is plainly meant to be.
        Repo::NoGit if git::repository_meant(team) => GitOutcome::NoGit,
        Repo::NoGit => GitOutcome::Off,
        Repo::At(_) => match git::commit_files(team, files, command) {
            Ok(Some(message)) => GitOutcome::Committed(message),
            Ok(None) => GitOutcome::Nothing,
            Err(e) => GitOutcome::Failed(e),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team() -> (tempfile::TempDir, TeamDir) {
        let dir = tempfile::tempdir().unwrap();
        let team = TeamDir::new(dir.path());
        (dir, team)
    }

    #[test]
    fn all_files_are_written_or_none() {
        let (dir, team) = team();
        std::fs::write(dir.path().join("a.toml"), "a = 1\n").unwrap();
        std::fs::write(dir.path().join("b.toml"), "b = 1\n").unwrap();
        let mut tx = Transaction::begin(&team, "test", false).unwrap();
        tx.replace("a.toml", "a = 1\n", "a = 2\n", Privacy::Shared);
        tx.replace("b.toml", "b = 1\n", "b = 2\n", Privacy::Shared);
        // Someone changes b before the commit: neither a nor b is written.
        std::fs::write(dir.path().join("b.toml"), "b = 9\n").unwrap();
        assert!(matches!(tx.commit(), Err(Error::Stop(Problem::Changed { file })) if file == "b.toml"));
        assert_eq!(std::fs::read_to_string(dir.path().join("a.toml")).unwrap(), "a = 1\n");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            3,
            "a, b and the lock; no temporary files"
        );

        let mut tx = Transaction::begin(&team, "test", false).unwrap();
        tx.replace("a.toml", "a = 1\n", "a = 2\n", Privacy::Shared);
        tx.create("cases/2027/c.toml", "c = 1\n", Privacy::Private);
        let done = tx.commit().unwrap();
        assert_eq!(done.written, ["a.toml", "cases/2027/c.toml"]);
        assert_eq!(std::fs::read_to_string(dir.path().join("a.toml")).unwrap(), "a = 2\n");
        assert_eq!(std::fs::read_to_string(dir.path().join("cases/2027/c.toml")).unwrap(), "c = 1\n");
    }

    /// A write that fails half-way through step 2 (here: a folder that would have to be made
    /// where a file is) leaves no temporary file and none of the folders made before it.
    #[test]
    fn a_refused_change_removes_the_folders_it_made() {
        let (dir, team) = team();
        std::fs::write(dir.path().join("blocker"), "a file, not a folder\n").unwrap();
        let mut tx = Transaction::begin(&team, "test", false).unwrap();
        tx.create_folder("meetings/old", Privacy::Shared);
        tx.create_folder("blocker/x", Privacy::Shared);
        tx.create("cases/2028/a.toml", "a = 1\n", Privacy::Private);
        assert!(tx.commit().is_err());
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".rt.lock", "blocker"], "no meetings/ or cases/ left behind");
    }

    #[test]
    fn a_new_file_never_replaces_one_that_appeared() {
        let (dir, team) = team();
        let mut tx = Transaction::begin(&team, "test", false).unwrap();
        tx.create("n.toml", "mine\n", Privacy::Private);
        std::fs::write(dir.path().join("n.toml"), "theirs\n").unwrap();
        assert!(tx.commit().is_err());
        assert_eq!(std::fs::read_to_string(dir.path().join("n.toml")).unwrap(), "theirs\n");
    }

    #[cfg(unix)]
    #[test]
    fn nothing_is_written_through_a_link() {
        let (dir, team) = team();
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("cases")).unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("cases/2027")).unwrap();
        let mut tx = Transaction::begin(&team, "test", false).unwrap();
        tx.create("cases/2027/x.toml", "x\n", Privacy::Private);
        let err = tx.commit().unwrap_err();
        assert!(
            matches!(err, Error::Stop(Problem::LinkNotFollowed { ref path }) if path == "cases/2027"),
            "{err:?}"
        );
        assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
    }
}
