//! The only layer that touches the file system: the team folder's layout, reading its
//! files into domain types (with diagnostics), and writing them back atomically.
//!
//! ```text
//! rt.toml              team config
//! tiltaksbank.toml     the catalogue of measures
//! cases/YYYY/ID.toml   one file per case
//! meetings/H.toml      a published half-year of meetings
//! templates/           overrides of the built-in templates
//! ```

pub mod atomic;
pub mod case_file;
pub mod cases;
pub mod config_edit;
pub mod config_file;
pub mod edit;
pub mod git;
pub mod load;
pub mod lock;
pub mod meetings_file;
pub mod national_ids;
pub mod paths;
pub mod site;
pub mod spreadsheet;
pub mod text;
pub mod tiltak_file;
pub mod toml_read;
pub mod transaction;

use std::path::{Path, PathBuf};

use crate::model::CaseId;

/// The team configuration file.
pub const CONFIG_FILE: &str = "rt.toml";
/// The tiltaksbank file.
pub const TILTAK_FILE: &str = "tiltaksbank.toml";
/// The folder of case files.
pub const CASES_DIR: &str = "cases";
/// The folder of published meeting schedules.
pub const MEETINGS_DIR: &str = "meetings";
/// The folder of template overrides.
pub const TEMPLATES_DIR: &str = "templates";
/// The team's own additions to R5's word list (see `rules::r5`).
pub const R5_WORDS_FILE: &str = "r5-words.txt";

/// A team folder on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamDir {
    root: PathBuf,
}

/// Why a path inside the team folder is not used: `rt` never reads or writes through a
/// symbolic link inside the folder, nor treats anything but a regular file as a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsafe {
    /// This part of the path (relative, `/`-separated) is a symbolic link.
    Link(String),
    /// The path is there but is no regular file (a folder, a pipe, a device).
    NotAFile(String),
}

impl Unsafe {
    /// The problem to tell.
    pub fn problem(&self) -> crate::problem::Problem {
        match self {
            Unsafe::Link(path) => crate::problem::Problem::LinkNotFollowed { path: path.clone() },
            Unsafe::NotAFile(path) => crate::problem::Problem::NotARegularFile { path: path.clone() },
        }
    }
}

impl TeamDir {
    /// A team folder at `root` (not checked).
    pub fn new(root: impl Into<PathBuf>) -> TeamDir {
        TeamDir { root: root.into() }
    }

    /// The nearest folder at or above `start` that holds `rt.toml`, like cargo finds
    /// `Cargo.toml`.
    pub fn find_upwards(start: &Path) -> Option<TeamDir> {
        start.ancestors().find(|d| d.join(CONFIG_FILE).is_file()).map(TeamDir::new)
    }

    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// A path inside the folder, from a relative path with `/` separators.
    pub fn path(&self, rel: &str) -> PathBuf {
        rel.split('/').fold(self.root.clone(), |p, part| p.join(part))
    }

    /// The path of `rel`, checked: no part of it below the team folder is a symbolic link,
    /// and what is there at its end (if anything) is a regular file. Parts that do not exist
    /// yet are fine (a write creates them). The folder itself may be reached through links.
    pub fn checked(&self, rel: &str) -> Result<PathBuf, Unsafe> {
        let parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
        let mut path = self.root.clone();
        for (i, part) in parts.iter().enumerate() {
            if *part == ".." || *part == "." {
                return Err(Unsafe::NotAFile(rel.to_string()));
            }
            path.push(part);
            let shown = || parts[..=i].join("/");
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if meta.file_type().is_symlink() => return Err(Unsafe::Link(shown())),
                Ok(meta) if i + 1 < parts.len() && !meta.is_dir() => return Err(Unsafe::NotAFile(shown())),
                Ok(meta) if i + 1 == parts.len() && !meta.is_file() => return Err(Unsafe::NotAFile(shown())),
                Ok(_) => {}
                Err(_) => break, // not there (yet): nothing below it can be a link
            }
        }
        Ok(self.path(rel))
    }

    /// The relative path of a case file: `cases/2027/2027-01-05-k7q2.toml`.
    pub fn case_rel(id: &CaseId) -> String {
        format!("{CASES_DIR}/{:04}/{id}.toml", chrono::Datelike::year(&id.date()))
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_inside_the_folder_are_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let team = TeamDir::new(dir.path());
        std::fs::create_dir_all(dir.path().join("cases")).unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("cases/2027")).unwrap();
        assert_eq!(team.checked("cases/2027/a.toml"), Err(Unsafe::Link("cases/2027".into())));
        assert_eq!(team.checked("cases/2028/a.toml"), Ok(dir.path().join("cases/2028/a.toml")));
        std::fs::create_dir_all(dir.path().join("cases/2029/a.toml")).unwrap();
        assert_eq!(team.checked("cases/2029/a.toml"), Err(Unsafe::NotAFile("cases/2029/a.toml".into())));
        assert!(team.checked("cases/../rt.toml").is_err());
    }
}
