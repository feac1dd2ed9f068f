//! `rt` on Windows paths: a team folder behind a drive letter (`M:\Ressursteam`) or on a
//! network share (`\\server\share\Ressursteam`), given by `--dir` or `RT_DIR`, read, locked,
//! written and named in messages as the user gave it.
//!
//! Runs where the tests are built for Windows: `.ci/run` runs them under Wine, where
//! `RT_TEST_SHARE` names a share (`\\fileserver\ressurs`, which Wine maps to a folder) and
//! `RT_TEST_SHARE_LOCAL` the same folder by a local path. On a Windows PC, point them at any
//! share you can write to.

#![cfg(windows)]

mod common;

use std::path::{Component, Path, Prefix};

use common::{Team, missing_tool, referral_with, rt_bare, stderr, stdout};

/// A referral on a day of the demo's half-year, and the case file it made.
fn refer_in(dir: &str) -> String {
    let out = rt_bare()
        .arg("--dir")
        .arg(dir)
        .args(referral_with(&["--today"], &["--today", "2026-11-24"]))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// Every kind of use through `dir`: read, a new file under the lock, a rewrite, the check.
fn works_through(dir: &str, local: &Path) {
    let id = refer_in(dir);
    assert!(local.join(format!("cases/2026/{id}.toml")).is_file(), "{id} written through {dir}");
    let out = rt_bare()
        .args(["--dir", dir, "--today", "2026-11-30", "consent", "2026-11-19-kefo", "--withdraw"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let case = std::fs::read_to_string(local.join("cases/2026/2026-11-19-kefo.toml")).unwrap();
    assert!(case.contains("withdrawn = 2026-11-30"), "{case}");
    let out = rt_bare().args(["--dir", dir, "--today", "2026-11-30", "check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    // RT_DIR works the same as --dir.
    let out = rt_bare().env("RT_DIR", dir).args(["list", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(&id), "{}", stdout(&out));
}

#[test]
fn a_team_folder_behind_a_drive_letter() {
    let team = Team::demo();
    let root = team.root().to_str().unwrap().to_string();
    assert!(
        matches!(team.root().components().next(), Some(Component::Prefix(p)) if matches!(p.kind(), Prefix::Disk(_))),
        "{root} starts with a drive letter"
    );
    works_through(&root, team.root());
    // The form Windows' canonical paths take (`\\?\C:\…`) works as well.
    let verbatim = format!(r"\\?\{root}");
    let out = rt_bare().args(["--dir", &verbatim, "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_missing_folder_is_named_as_the_user_wrote_it() {
    for dir in [r"M:\Ressursteam", r"\\fileserver\ressurs\finnes-ikke"] {
        let out = rt_bare().args(["--dir", dir, "list"]).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            stderr(&out).lines().next().unwrap(),
            format!("feil: {dir} er ikke en team-mappe (mangler rt.toml)")
        );
    }
}

#[test]
fn a_team_folder_on_a_network_share() {
    let (Ok(share), Ok(local)) = (std::env::var("RT_TEST_SHARE"), std::env::var("RT_TEST_SHARE_LOCAL"))
    else {
        return missing_tool("a network share (RT_TEST_SHARE, RT_TEST_SHARE_LOCAL)");
    };
    // A fresh folder on the share, filled through its local path.
    let here = tempfile::Builder::new().prefix("rt-").tempdir_in(&local).unwrap();
    let demo = Team::demo();
    for entry in walkdir::WalkDir::new(demo.root()) {
        let entry = entry.unwrap();
        let to = here.path().join(entry.path().strip_prefix(demo.root()).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    let name = here.path().file_name().unwrap().to_str().unwrap();
    let dir = format!(r"{}\{name}", share.trim_end_matches('\\'));
    assert!(dir.starts_with(r"\\"), "{dir}");
    works_through(&dir, here.path());
}

#[test]
fn output_is_utf8_whatever_the_code_page() {
    let out = rt_bare().arg("--help").output().unwrap();
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("Møtene i et halvår"), "{text}");
    assert!(text.contains("Bruk: rt [OPTIONS]"), "`rt`, not `rt.exe`: {text}");
}
