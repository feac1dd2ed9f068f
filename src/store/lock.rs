//! The team folder's lock: held for the short moments where reading and writing must not
//! interleave with another `rt` (placing a case in a meeting with room, cancelling a
//! meeting), so a meeting is never filled past its capacity by two people at once.
//!
//! The lock is an OS file lock on `.rt.lock` (released when the process ends, even by a
//! crash, so it never goes stale). The file records who holds it, for the message shown to
//! someone who has waited too long. Where the file system cannot lock, `rt` says so rather
//! than silently going on.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::time::{Duration, Instant};

use super::TeamDir;
use crate::error::Error;

/// The lock file, relative to the team folder.
pub const LOCK_FILE: &str = ".rt.lock";

/// How long to wait for another `rt` before giving up.
const PATIENCE: Duration = Duration::from_secs(15);

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct TeamLock {
    file: File,
}

impl TeamLock {
    /// Waits for the lock (up to 15 seconds) and takes it.
    pub fn acquire(team: &TeamDir) -> Result<TeamLock, Error> {
        let path = team.path(LOCK_FILE);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| Error::write(&path, e))?;
        let deadline = Instant::now() + PATIENCE;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_micros(500 + fastrand::u64(0..2000)));
                }
                Err(TryLockError::WouldBlock) => {
                    let mut holder = String::new();
                    let _ = file.read_to_string(&mut holder);
                    return Err(Error::Locked { path, holder: holder.trim().to_string() });
                }
                Err(TryLockError::Error(e)) => return Err(Error::LockUnsupported { path, source: e }),
            }
        }
        // Who holds it, for whoever waits next. Failing to write this is no reason to stop.
        let user = std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_default();
        let args: Vec<String> = std::env::args().skip(1).take(2).collect();
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(file, "rt {} (pid {}, {user})", args.join(" "), std::process::id());
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
    fn a_second_holder_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let team = TeamDir::new(dir.path());
        let first = TeamLock::acquire(&team).unwrap();
        let started = Instant::now();
        let t = std::thread::spawn({
            let team = team.clone();
            move || TeamLock::acquire(&team).map(|_| Instant::now())
        });
        std::thread::sleep(Duration::from_millis(150));
        drop(first);
        let got = t.join().unwrap().unwrap();
        assert!(got - started >= Duration::from_millis(140), "the second waited for the first");
    }
}
