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
pub mod paths;
pub mod spreadsheet;
pub mod tiltak_file;
pub mod toml_read;

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

/// A team folder on disk, and the files of it a command has written (for the commit).
#[derive(Clone, Debug)]
pub struct TeamDir {
    root: PathBuf,
    written: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl TeamDir {
    /// A team folder at `root` (not checked).
    pub fn new(root: impl Into<PathBuf>) -> TeamDir {
        TeamDir { root: root.into(), written: Default::default() }
    }

    /// Notes that a file of the team's own state (a case, the meetings, the catalogue, the
    /// config) was written, so an automatic commit takes exactly these. Outputs a user asked
    /// for (`--out`) are never noted.
    pub fn wrote(&self, path: &Path) {
        let rel = load::relative(self, path);
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        if !written.contains(&rel) {
            written.push(rel);
        }
    }

    /// The files noted by [`TeamDir::wrote`], relative, in the order written.
    pub fn written(&self) -> Vec<String> {
        self.written.lock().unwrap_or_else(|e| e.into_inner()).clone()
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

    /// The relative path of a case file: `cases/2027/2027-01-05-k7q2.toml`.
    pub fn case_rel(id: &CaseId) -> String {
        format!("{CASES_DIR}/{:04}/{id}.toml", chrono::Datelike::year(&id.date()))
    }
}
