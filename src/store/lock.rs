//! The team folder's lock: held by every change of the team folder from its first read to
//! its last write (see [`super::transaction`]), so two `rt`s never interleave — a meeting is
//! never filled past its capacity, and no edit is lost to another made at the same moment.
//!
//! The lock is an OS file lock on `.rt.lock` (released when the process ends, even by a
//! crash, so it never goes stale). The file is a weapon if it is anything but a plain private
//! file of its own — a symbolic link (which can arrive through git from another clone) would
//! make writing the holder's name truncate whatever it points to — so it is opened without
//! following links, must be a regular file with one name, and is kept `0600`. It names only
//! the command and the process, for whoever waits; never arguments, which may hold a text
//! about a person.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::time::{Duration, Instant};

use super::TeamDir;
use crate::error::Error;
use crate::problem::Problem;

/// The lock file, relative to the team folder.
pub const LOCK_FILE: &str = ".rt.lock";

/// How long to wait for another `rt` before giving up. Another `rt` holds the lock for
/// milliseconds; only a process that hangs holds it this long.
const PATIENCE: Duration = Duration::from_secs(60);

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct TeamLock {
    file: File,
}

/// Opens the lock file without following a symbolic link, creating it `0600` if missing.
fn open(path: &std::path::Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        // FILE_FLAG_OPEN_REPARSE_POINT: open a link itself, never its target.
        options.custom_flags(0x0020_0000);
    }
    options.open(path)
}

/// Why the lock file cannot be used, if it is not a plain file of its own.
fn refuse_unsafe(path: &std::path::Path, file: &File) -> Result<(), Error> {
    let meta = file.metadata().map_err(|e| Error::read(path, e))?;
    let link = std::fs::symlink_metadata(path).map(|m| m.file_type().is_symlink()).unwrap_or(false);
    if link || !meta.file_type().is_file() {
        return Err(Problem::LockNotAFile { link }.into());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        if meta.nlink() > 1 {
            return Err(Problem::LockNotAFile { link: true }.into());
        }
        if meta.mode() & 0o077 != 0 {
            file.set_permissions(std::fs::Permissions::from_mode(0o600))
                .map_err(|e| Error::write(path, e))?;
        }
    }
    Ok(())
}

impl TeamLock {
    /// Waits for the lock (up to a minute) and takes it, for `command` (`refer`, …).
    pub fn acquire(team: &TeamDir, command: &str) -> Result<TeamLock, Error> {
        let path = team.path(LOCK_FILE);
        let mut file = match open(&path) {
            Ok(file) => file,
            // ELOOP: the name is a symbolic link.
            #[cfg(unix)]
            Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
                return Err(Problem::LockNotAFile { link: true }.into());
            }
            Err(e) => return Err(Error::write(&path, e)),
        };
        refuse_unsafe(&path, &file)?;
        let deadline = Instant::now() + PATIENCE;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_micros(500 + fastrand::u64(0..2000)));
                }
                Err(TryLockError::WouldBlock) => {
                    let mut holder = String::new();
                    let _ = file.take(200).read_to_string(&mut holder);
                    let holder: String = holder.chars().filter(|c| !c.is_control()).collect();
                    return Err(Problem::Locked { holder: holder.trim().to_string() }.into());
                }
                Err(TryLockError::Error(e)) => {
                    return Err(Problem::LockUnsupported { detail: e.to_string() }.into());
                }
            }
        }
        // Who holds it, for whoever waits next: the command and the process, nothing else.
        // Failing to write this is no reason to stop.
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(file, "rt {command} (pid {})", std::process::id());
        Ok(TeamLock { file })
    }
}

impl Drop for TeamLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_gets_the_lock_only_after_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let team = TeamDir::new(dir.path());
        let first = TeamLock::acquire(&team, "refer").unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let t = std::thread::spawn({
            let team = team.clone();
            move || {
                let got = TeamLock::acquire(&team, "close");
                tx.send(()).unwrap();
                got.map(|_| ())
            }
        });
        // While the first holds it, the second has not got it (no timing: it cannot have).
        assert!(rx.try_recv().is_err());
        assert_eq!(
            std::fs::read_to_string(dir.path().join(LOCK_FILE)).unwrap(),
            format!("rt refer (pid {})", std::process::id())
        );
        drop(first);
        t.join().unwrap().unwrap();
        rx.recv().unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_link_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("tiltaksbank.toml");
        std::fs::write(&target, "schema = 1\n").unwrap();
        std::os::unix::fs::symlink(&target, dir.path().join(LOCK_FILE)).unwrap();
        let err = TeamLock::acquire(&TeamDir::new(dir.path()), "refer").unwrap_err();
        assert!(matches!(err, Error::Stop(Problem::LockNotAFile { link: true })), "{err:?}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "schema = 1\n");
        // A hard link is a second name for another file: refused too.
        std::fs::remove_file(dir.path().join(LOCK_FILE)).unwrap();
        std::fs::hard_link(&target, dir.path().join(LOCK_FILE)).unwrap();
        assert!(TeamLock::acquire(&TeamDir::new(dir.path()), "refer").is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "schema = 1\n");
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(LOCK_FILE);
        std::fs::write(&path, "").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let lock = TeamLock::acquire(&TeamDir::new(dir.path()), "refer").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        drop(lock);
    }
}
