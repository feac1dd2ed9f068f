//! Test support: a temporary team folder and the real `rt` binary run inside it.
//!
//! `Team::new()` is a small, fully known folder (units of the seeds, one member, no cases);
//! `Team::demo()` copies the repository's demo folder. `team.rt([...])` runs the binary with
//! `--dir` set and a clean environment, so the developer's own `RT_*` settings never leak in.

#![allow(dead_code)]

pub mod national_ids;
pub mod skatteetaten;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub const CONFIG: &str = r#"schema = 1
team = "Ressursteam Testby"

[leader]
name = "Ingrid Leder"
email = "ingrid.leder@testby.example"
unit = "kommunepsykolog"

[[units]]
id = "helsestasjon"
name = "Helsestasjon og skolehelsetjeneste"

[[units]]
id = "psykisk-helse-rus"
name = "Psykisk helse- og rustjeneste"

[[units]]
id = "barnevern"
name = "Barneverntjenesten"

[[units]]
id = "fysio-ergo"
name = "Fysioterapi- og ergoterapitjenesten"

[[units]]
id = "kommunepsykolog"
name = "Kommunepsykolog"

[[units]]
id = "nav"
name = "NAV"
standing = false

[[members]]
name = "Marit Haugen"
email = "marit.haugen@testby.example"
unit = "helsestasjon"

[meetings]
weekday = "tirsdag"
start = "12:30"
minutes = 90
every_weeks = 3
cases_per_meeting = 3
referral_deadline_days = 7
place = "Møterommet"

[privacy]
retention_days = 180
consent_age = 16
"#;

pub const TILTAKSBANK: &str = r#"schema = 1

[[measures]]
id = "foreldreveiledning-icdp"
name = "Foreldreveiledning (ICDP)"
unit = "helsestasjon"
access = "open"
age_min = 0
age_max = 18

[[measures]]
id = "hjemmebasert-veiledning"
name = "Hjemmebasert foreldreveiledning"
unit = "barnevern"
access = "via-team"
age_min = 0
age_max = 18
"#;

/// The day most tests run on: Tuesday 5 January 2027.
pub const TODAY: &str = "2027-01-05";

pub struct Team {
    dir: tempfile::TempDir,
}

impl Team {
    /// A small known team folder with no cases.
    pub fn new() -> Team {
        let team = Team { dir: tempfile::tempdir().expect("temp dir") };
        team.write("rt.toml", CONFIG).write("tiltaksbank.toml", TILTAKSBANK);
        std::fs::create_dir_all(team.path("cases")).unwrap();
        team
    }

    /// A copy of the repository's demo team folder (config, tiltaksbank, cases, meetings).
    pub fn demo() -> Team {
        let team = Team { dir: tempfile::tempdir().expect("temp dir") };
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for name in ["rt.toml", "tiltaksbank.toml"] {
            std::fs::copy(root.join(name), team.path(name)).unwrap();
        }
        for entry in ["cases", "meetings"].iter().flat_map(|d| walkdir::WalkDir::new(root.join(d))) {
            let entry = entry.unwrap();
            let rel = entry.path().strip_prefix(root).unwrap();
            let to = team.path(rel.to_str().unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(entry.path(), &to).unwrap();
            }
            // A git checkout does not keep file modes; give the copies the ones rt writes.
            #[cfg(unix)]
            if rel.starts_with("cases") {
                use std::os::unix::fs::PermissionsExt;
                let mode = if entry.file_type().is_dir() { 0o700 } else { 0o600 };
                std::fs::set_permissions(&to, std::fs::Permissions::from_mode(mode)).unwrap();
            }
        }
        team
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes a file; a case file gets the mode rt gives case files (a hand edit in an editor
    /// keeps the mode of the file it edits).
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        #[cfg(unix)]
        if rel.starts_with("cases/") {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Every file of the folder with its content: to prove that nothing was written.
    pub fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        walkdir::WalkDir::new(self.root())
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(self.root()).unwrap().to_string_lossy().replace('\\', "/");
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect()
    }

    /// The relative paths of the case files.
    pub fn case_files(&self) -> Vec<String> {
        self.snapshot().into_keys().filter(|k| k.starts_with("cases/") && k.ends_with(".toml")).collect()
    }

    /// `rt` with `--dir` pointing here and a clean environment.
    pub fn rt<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = rt_bare();
        cmd.arg("--dir").arg(self.root()).args(args);
        cmd
    }
}

/// `rt` with a clean environment and no `--dir`.
pub fn rt_bare() -> Command {
    let mut cmd = Command::cargo_bin("rt").expect("the rt binary");
    // Also what steers clap's colour and line width, which a CI machine may set.
    for var in ["RT_DIR", "RT_TODAY", "RT_LANG", "RT_INTERACTIVE", "NO_COLOR", "CLICOLOR_FORCE", "COLUMNS"] {
        cmd.env_remove(var);
    }
    cmd
}

/// The flags of a complete, valid BTI referral (a 7-year-old, guardian consents).
pub fn valid_referral() -> Vec<String> {
    [
        "refer",
        "--today",
        TODAY,
        "--way",
        "bti",
        "--initials",
        "A.B.",
        "--born",
        "2019-04-12",
        "--consent",
        "--copy-to",
        "barnevern",
        "--leader-consulted",
        "--referrer",
        "Marit Haugen",
        "--concern",
        "Uro i barnehagen.",
        "--tried",
        "Samtaler med foreldrene.",
        "--wishes",
        "Ro hjemme.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// `valid_referral()` with a flag (and its value) replaced, removed or added.
pub fn referral_with(remove: &[&str], add: &[&str]) -> Vec<String> {
    let mut args = valid_referral();
    for flag in remove {
        if let Some(i) = args.iter().position(|a| a == flag) {
            let takes_value = args.get(i + 1).is_some_and(|v| !v.starts_with("--"));
            args.drain(i..if takes_value { i + 2 } else { i + 1 });
        }
    }
    args.extend(add.iter().map(|s| s.to_string()));
    args
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A valid fødselsnummer for a fictional date (day + 40 for a D-number), with check digits
/// computed by the tests' own implementation so no number is written into the repository.
pub fn fake_national_id(date_ddmmyy: &str, individual: &str) -> String {
    skatteetaten::fake(date_ddmmyy, individual, 0)
}

/// Says that a test cannot run for want of an external tool (pandoc, Chromium, groff, an SMTP
/// sink). On CI (`RT_REQUIRE_TOOLS=1`, set by `.ci/run`, which installs them all) that is a
/// failure, never a silent pass; elsewhere the test says why it skips.
pub fn missing_tool(what: &str) {
    assert!(
        std::env::var_os("RT_REQUIRE_TOOLS").is_none(),
        "{what} is required here (RT_REQUIRE_TOOLS is set); .ci/run installs it"
    );
    println!("skipped: {what} is not installed (.ci/run installs it)");
}

/// The file of a scheduled, consented BTI case of 2027-01-05 placed in `meeting`: a 7-year-old
/// A.B. referred by the standing member Marit Haugen, guardian consent with a copy to barnevern.
/// Tests change it with `str::replace`.
pub fn scheduled_case(id: &str, meeting: &str) -> String {
    format!(
        r#"schema = 1
id = "{id}"
way_in = "bti"
status = "scheduled"
referred = 2027-01-05
meeting = {meeting}
bti_level = 1
leader_consulted = 2027-01-05

[referrer]
name = "Marit Haugen"
unit = "helsestasjon"

[user]
initials = "A.B."
born = 2019-04-12

[consent]
given_by = "guardian"
date = 2027-01-05
units = ["barnevern"]

[situation]
concern = "Uro i barnehagen."
tried = "Samtaler med foreldrene."
wishes = "Ro hjemme."
"#
    )
}
