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
    let dir = path.parent().unwrap_or(Path::new("."));
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
    let dir = path.parent().unwrap_or(Path::new("."));
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

/// Renames, retrying briefly on Windows where an indexer or antivirus may hold the file.
pub(super) fn rename_with_retry(from: &Path, to: &Path) -> io::Result<()> {
    let mut attempt = 0;
    loop {
        match fs::rename(from, to) {
            Ok(()) => return Ok(()),
            Err(e) if cfg!(windows) && e.kind() == io::ErrorKind::PermissionDenied && attempt < 10 => {
                attempt += 1;
                std::thread::sleep(std::time::Duration::from_millis(50 * attempt));
            }
            Err(e) => return Err(e),
        }
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
