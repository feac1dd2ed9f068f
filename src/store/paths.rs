//! Paths a user gives for output (`--out`), checked before anything is written: a Windows
//! device name (`CON`, `nul.txt`, `COM1` …) as the file name would send the document to a
//! device instead of a file on a shared drive, and an empty or NUL-holding path is no path.
//! Names `rt` makes itself (case files, referat files) come from validated ids only.

use std::path::Path;

use crate::error::Error;
use crate::problem::Problem;

const DEVICES: [&str; 4] = ["con", "prn", "aux", "nul"];

/// Whether a file name is a Windows device name, with or without an extension.
pub fn is_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("").trim_end().to_ascii_lowercase();
    DEVICES.contains(&stem.as_str())
        || ((stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit()
            && stem.as_bytes()[3] != b'0')
}

/// Whether anything is at a path (a file, a folder, a link — not followed).
pub fn exists(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// What in a team folder belongs to rt's own commands: no document is ever written there.
const TEAM_OWN: [&str; 9] = [
    "rt.toml",
    "tiltaksbank.toml",
    "cases",
    "meetings",
    "templates",
    ".git",
    ".rt.lock",
    ".gitignore",
    "r5-words.txt",
];

/// Checks an output path the user gave: no device name, and none of a team folder's own
/// files (a report written over `rt.toml` or into `cases/` would destroy what rt keeps).
pub fn check_output(path: &Path) -> Result<(), Error> {
    let text = path.to_string_lossy();
    if text.trim().is_empty() || text.contains('\0') {
        return Err(Error::Stop(Problem::BadOutputPath { path: text.into_owned() }));
    }
    if path.components().any(|c| is_device_name(&c.as_os_str().to_string_lossy())) {
        return Err(Error::Stop(Problem::BadOutputPath { path: text.into_owned() }));
    }
    if in_a_team_folders_own(path) {
        return Err(Error::Stop(Problem::OutputIsTeamFile { path: text.into_owned() }));
    }
    Ok(())
}

/// Whether a path lies in what a team folder keeps for itself ([`TEAM_OWN`]): the nearest
/// folder above it that holds an `rt.toml` is a team folder. The path is made absolute and
/// its existing part resolved (links and `..`), so no spelling of it slips by.
fn in_a_team_folders_own(path: &Path) -> bool {
    let Ok(absolute) = std::path::absolute(path) else { return false };
    // The deepest part that exists, resolved; the rest as written.
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    let resolved = loop {
        match std::fs::canonicalize(existing) {
            Ok(p) => break p,
            Err(_) => match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    existing = parent;
                }
                _ => return false,
            },
        }
    };
    let mut full = resolved;
    for name in rest.iter().rev() {
        if name == ".." {
            full.pop();
        } else if name != "." {
            full.push(name);
        }
    }
    full.ancestors().skip(1).find(|dir| dir.join("rt.toml").is_file()).is_some_and(|team| {
        let inside = full.strip_prefix(team).ok().and_then(|rel| rel.components().next());
        inside.is_some_and(|first| TEAM_OWN.iter().any(|own| first.as_os_str().eq_ignore_ascii_case(own)))
    })
}

/// Writes a document to a path the user gave (checked first), whole or not at all.
pub fn write_output(path: &Path, bytes: &[u8], privacy: super::atomic::Privacy) -> Result<(), Error> {
    check_output(path)?;
    super::atomic::replace(path, bytes, None, privacy)
        .map_err(|e| e.into_error(path, &path.display().to_string()))
}

/// Whether a path the user gave is a folder that exists.
pub fn is_folder(path: &Path) -> bool {
    path.is_dir()
}

/// The text of a document a user's output path already holds (a draft written before), or
/// `None` when there is none. A file that is not text reads as empty, so it counts as changed.
pub fn existing_text(path: &Path) -> Result<Option<String>, Error> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::read(path, e)),
        Ok(_) => Ok(Some(super::load::read_capped(path).unwrap_or_default())),
    }
}

/// Checks, before anything is written, that documents named `names` can be written into
/// the folder `dir` the user gave: every path as [`check_output`] wants it, the nearest
/// existing part of `dir` a folder (the rest is made), and no folder where a document goes.
pub fn check_into<'n>(dir: &Path, names: impl IntoIterator<Item = &'n str>) -> Result<(), Error> {
    check_output(dir)?;
    let existing = dir.ancestors().filter(|p| !p.as_os_str().is_empty()).find(|p| exists(p));
    if let Some(part) = existing
        && !part.is_dir()
    {
        return Err(Problem::OutNotAFolder { path: part.display().to_string() }.into());
    }
    for name in names {
        let path = dir.join(name);
        check_output(&path)?;
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
            return Err(Problem::OutIsAFolder { path: path.display().to_string() }.into());
        }
    }
    Ok(())
}

/// Writes documents into a folder the user gave (made, for the owner only, when missing);
/// returns their paths.
pub fn write_into(
    dir: &Path,
    documents: &[(String, Vec<u8>)],
    privacy: super::atomic::Privacy,
) -> Result<Vec<std::path::PathBuf>, Error> {
    check_output(dir)?;
    super::atomic::create_dirs(dir, privacy).map_err(|e| Error::write(dir, e))?;
    let mut written = Vec::with_capacity(documents.len());
    for (name, bytes) in documents {
        let path = dir.join(name);
        write_output(&path, bytes, privacy)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_names() {
        for bad in ["CON", "con.txt", "NUL", "nul.txt", "COM1", "lpt9.md", "aux.html", "prn"] {
            assert!(is_device_name(bad), "{bad}");
        }
        for fine in ["console.txt", "com10", "com0", "nullish", "referat.md", "report.html", "LPT"] {
            assert!(!is_device_name(fine), "{fine}");
        }
        assert!(check_output(Path::new("ut/nul.txt")).is_err());
        assert!(check_output(Path::new("")).is_err());
        assert!(
            check_output(Path::new("../referater/referat.md")).is_ok(),
            "the user's own relative path is fine"
        );
    }
}
