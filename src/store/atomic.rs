//! Writes that never leave a half-written file.
//!
//! Every write goes to a temporary file in the same folder, which is flushed to disk
//! (`fsync`) before it takes the real name; then the folder itself is flushed so the new
//! name survives a power cut. A crash at any point leaves the old file or the new one,
//! never a mix — at worst a stray temporary file, which `rt check` reports.
//!
//! New case files are created only if no file of that name exists (a hard link of the
//! finished temporary file, which fails if the name is taken), so two people registering
//! cases at once can never overwrite each other.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The suffix of temporary files; `rt check` reports stray ones and `.gitignore` skips them.
pub const TEMP_SUFFIX: &str = ".rt-tmp";

/// Who may read a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Privacy {
    /// Case files: only the owner (`0600`, folders `0700`) on Unix.
    Private,
    /// Config and catalogue: as the user's umask allows.
    Shared,
}

/// Why a replacing write did not happen.
#[derive(Debug)]
pub enum ReplaceError {
    /// The file changed on disk since it was read; nothing was written.
    Changed,
    /// The file system refused.
    Io(io::Error),
}

impl ReplaceError {
    /// The command's error for it: `shown` names the file as the user knows it.
    pub fn into_error(self, path: &Path, shown: &str) -> crate::error::Error {
        match self {
            ReplaceError::Changed => crate::problem::Problem::Changed { file: shown.to_string() }.into(),
            ReplaceError::Io(e) => crate::error::Error::write(path, e),
        }
    }
}

impl From<io::Error> for ReplaceError {
    fn from(e: io::Error) -> Self {
        ReplaceError::Io(e)
    }
}

/// Creates the folders of `dir` that are missing, private ones with mode `0700`.
pub fn create_dirs(dir: &Path, privacy: Privacy) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    if privacy == Privacy::Private {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    #[cfg(not(unix))]
    let _ = privacy;
    builder.create(dir)
}

/// Takes away what others than the owner may do with a private file or folder (`0600` /
/// `0700`); git, a copy or a restore from backup keep no modes. Whether it changed anything.
pub fn make_private(path: &Path) -> io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::symlink_metadata(path)?;
        let mode = meta.permissions().mode() & 0o777;
        if meta.file_type().is_symlink() || mode & 0o077 == 0 {
            return Ok(false);
        }
        fs::set_permissions(path, fs::Permissions::from_mode(mode & 0o700))?;
        Ok(true)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(false)
    }
}

/// The folder a file is in: `.` for a bare file name (`--out evaluering.html`), whose
/// parent is the empty path.
pub(super) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tag: String = (0..6).map(|_| fastrand::alphanumeric()).collect();
    path.with_file_name(format!(".{name}.{tag}{TEMP_SUFFIX}"))
}

fn open_new(path: &Path, privacy: Privacy) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(if privacy == Privacy::Private { 0o600 } else { 0o644 });
    }
    #[cfg(not(unix))]
    let _ = privacy;
    options.open(path)
}

/// A test seam for the crash tests: when `RT_TEST_CRASH_AT` names this point, the process
/// aborts right here, as a power cut or a kill would stop it. Costs one environment lookup.
pub(super) fn crash_point(point: &str) {
    if crate::session::crash_point().is_some_and(|p| p == point) {
        std::process::abort();
    }
}

/// Writes bytes to a fresh temporary file beside `path` and flushes it to disk.
pub(super) fn write_temp(path: &Path, bytes: &[u8], privacy: Privacy) -> io::Result<PathBuf> {
    let temp = temp_path(path);
    let result = (|| {
        let mut file = open_new(&temp, privacy)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    match result {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// Flushes a folder's entries to disk, so a rename or a new name survives a crash.
pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        match File::open(dir).and_then(|d| d.sync_all()) {
            Ok(()) => Ok(()),
            // Some file systems cannot sync a folder; the data itself is already on disk.
            Err(e) if e.kind() == io::ErrorKind::InvalidInput || e.raw_os_error() == Some(22) => Ok(()),
            Err(e) => Err(e),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Gives a finished temporary file the name `path`, only if that name is free (a hard link,
/// which fails when the name is taken; on a file system without hard links, a create-new
/// copy). The temporary file is removed either way.
pub(super) fn link_new(temp: &Path, path: &Path, bytes: &[u8], privacy: Privacy) -> io::Result<()> {
    let linked = fs::hard_link(temp, path);
    crash_point("linked");
    let _ = fs::remove_file(temp);
    match linked {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            let mut file = open_new(path, privacy)?;
            let written = file.write_all(bytes).and_then(|()| file.sync_all());
            if let Err(e) = written {
                let _ = fs::remove_file(path);
                return Err(e);
            }
            Ok(())
        }
    }
}

/// Creates `path` with `bytes`, complete or not at all, and only if it does not exist.
/// Fails with [`io::ErrorKind::AlreadyExists`] when the name is taken.
pub fn create_new(path: &Path, bytes: &[u8], privacy: Privacy) -> io::Result<()> {
    let dir = folder_of(path);
    create_dirs(dir, privacy)?;
    if path.exists() {
        return Err(io::ErrorKind::AlreadyExists.into());
    }
    let temp = write_temp(path, bytes, privacy)?;
    crash_point("temp-written");
    link_new(&temp, path, bytes, privacy)?;
    sync_dir(dir)
}

/// Replaces `path` with `bytes` atomically. With `expected`, the file must still hold
/// exactly those bytes (what the caller read); if someone changed it meanwhile, nothing is
/// written and [`ReplaceError::Changed`] is returned.
pub fn replace(
    path: &Path,
    bytes: &[u8],
    expected: Option<&[u8]>,
    privacy: Privacy,
) -> Result<(), ReplaceError> {
    let dir = folder_of(path);
    let temp = write_temp(path, bytes, privacy)?;
    if let Some(expected) = expected {
        let current = fs::read(path);
        if current.as_deref().ok() != Some(expected) {
            let _ = fs::remove_file(&temp);
            return match current {
                Ok(_) => Err(ReplaceError::Changed),
                Err(e) => Err(ReplaceError::Io(e)),
            };
        }
    }
    crash_point("temp-written");
    if let Err(e) = rename_with_retry(&temp, path) {
        let _ = fs::remove_file(&temp);
        return Err(e.into());
    }
    crash_point("renamed");
    sync_dir(dir).map_err(ReplaceError::Io)
}

/// Gives the finished temporary file `from` the name `to`, replacing what is there.
///
/// On Windows this is `MoveFileExW(REPLACE_EXISTING | WRITE_THROUGH)`: the move is on disk
/// when it returns. A file that another program has open without sharing it (Excel, an
/// editor, an indexer, an antivirus scan, another PC on the share) cannot be replaced until
/// it is let go, so a refusal of that kind (access denied, sharing or lock violation) is tried
/// again for a few seconds before it is reported. On Unix a rename replaces atomically
/// whatever has the file open.
pub(super) fn rename_with_retry(from: &Path, to: &Path) -> io::Result<()> {
    /// Waits of 50, 100, … ms: about 5 s in all.
    const ATTEMPTS: u64 = 13;
    let mut attempt = 0;
    loop {
        match replace_name(from, to) {
            Ok(()) => return Ok(()),
            Err(e) if held_elsewhere(&e) && attempt < ATTEMPTS => {
                attempt += 1;
                std::thread::sleep(std::time::Duration::from_millis(50 * attempt));
            }
            Err(e) => return Err(e),
        }
    }
}

#[cfg(not(windows))]
fn replace_name(from: &Path, to: &Path) -> io::Result<()> {
    fs::rename(from, to)
}

#[cfg(windows)]
fn replace_name(from: &Path, to: &Path) -> io::Result<()> {
    use std::os::windows::ffi::OsStrExt;
    use windows_sys::Win32::Storage::FileSystem::{
        MOVEFILE_REPLACE_EXISTING, MOVEFILE_WRITE_THROUGH, MoveFileExW,
    };
    let wide = |p: &Path| -> Vec<u16> { p.as_os_str().encode_wide().chain(Some(0)).collect() };
    let (from, to) = (wide(from), wide(to));
    // SAFETY: both are NUL-terminated UTF-16 strings that live across the call.
    let moved = unsafe {
        MoveFileExW(from.as_ptr(), to.as_ptr(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)
    };
    if moved != 0 { Ok(()) } else { Err(io::Error::last_os_error()) }
}

/// Whether a failed replace means another program holds the file (worth waiting for).
fn held_elsewhere(e: &io::Error) -> bool {
    #[cfg(windows)]
    {
        use windows_sys::Win32::Foundation::{
            ERROR_ACCESS_DENIED, ERROR_LOCK_VIOLATION, ERROR_SHARING_VIOLATION,
        };
        matches!(e.raw_os_error(), Some(c) if [ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION].contains(&(c as u32)))
    }
    #[cfg(not(windows))]
    {
        let _ = e;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_new_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/case.toml");
        create_new(&path, b"one", Privacy::Private).unwrap();
        let err = create_new(&path, b"two", Privacy::Private).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"one");
        // No temporary files are left behind.
        let names: Vec<_> =
            fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_0600_and_folders_0700() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cases/2027/x.toml");
        create_new(&path, b"x", Privacy::Private).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("cases")), 0o700);
        assert_eq!(mode(&dir.path().join("cases/2027")), 0o700);
    }

    /// A file another program holds open without sharing it (as Excel or an editor does) is
    /// replaced once it is let go, not refused at once.
    #[cfg(windows)]
    #[test]
    fn a_file_held_open_elsewhere_is_replaced_when_it_is_let_go() {
        use std::os::windows::fs::OpenOptionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.toml");
        fs::write(&path, b"old").unwrap();
        // Share mode 0: no one else may read, write or delete (rename over) it meanwhile.
        let held = OpenOptions::new().read(true).share_mode(0).open(&path).unwrap();
        let temp = write_temp(&path, b"new", Privacy::Shared).unwrap();
        let refused = replace_name(&temp, &path).unwrap_err();
        assert!(held_elsewhere(&refused), "{refused:?}");
        let (tx, rx) = std::sync::mpsc::channel();
        let holder = std::thread::spawn(move || {
            rx.recv().unwrap();
            drop(held);
        });
        // Let go only after the first refusal: the replace must wait for it.
        let waiter = std::thread::spawn({
            let (temp, path) = (temp.clone(), path.clone());
            move || rename_with_retry(&temp, &path)
        });
        std::thread::sleep(std::time::Duration::from_millis(120));
        tx.send(()).unwrap();
        holder.join().unwrap();
        waiter.join().unwrap().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[test]
    fn replace_refuses_when_the_file_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.toml");
        fs::write(&path, b"old").unwrap();
        replace(&path, b"new", Some(b"old"), Privacy::Shared).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        let err = replace(&path, b"newer", Some(b"old"), Privacy::Shared).unwrap_err();
        assert!(matches!(err, ReplaceError::Changed));
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
