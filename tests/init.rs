//! `rt init`: a new team folder that works at once, and never overwrites one.

mod common;

use common::*;

#[test]
fn init_then_refer_then_check_then_list() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("nytt-team");
    let out = rt_bare().args(["init", folder.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("Ny team-mappe"), "{}", stderr(&out));
    for name in ["rt.toml", "tiltaksbank.toml", ".gitignore"] {
        assert!(folder.join(name).is_file(), "{name}");
    }
    assert!(folder.join("cases").is_dir());
    let config = std::fs::read_to_string(folder.join("rt.toml")).unwrap();
    assert!(config.contains("# Møtene (R6)"), "the config is commented: {config}");

    let dir_arg = folder.to_str().unwrap();
    let mut args = vec!["--dir".to_string(), dir_arg.to_string()];
    args.extend(referral_with(&[], &["--unit", "helsestasjon"]));
    let out = rt_bare().args(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();

    // A fresh folder has no leader yet: a warning, not an error.
    let out = rt_bare().args(["--dir", dir_arg, "check", "--today", TODAY]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("advarsel: rt.toml har ingen leder ([leader])"), "{}", stdout(&out));

    let out = rt_bare().args(["--dir", dir_arg, "list", "--format", "json"]).output().unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["id"], id.as_str());
    // Placed at once in the first meeting after the referral deadline (7 days): a new
    // folder meets from the first Tuesday of the half-year, 5 January, every third week.
    assert_eq!(rows[0]["status"], "scheduled");
    assert_eq!(rows[0]["meeting"], "2027-01-26");
    assert_eq!(rows[0]["way_in"], "bti");
}

#[test]
fn init_with_a_leader_gives_a_folder_with_no_findings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    rt_bare()
        .args([
            "init",
            d,
            "--team",
            "Ressursteam Nordby",
            "--leader",
            "Ingrid Dahl",
            "--email",
            "ingrid@nordby.example",
        ])
        .assert()
        .success();
    let out = rt_bare().args(["--dir", d, "check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
    let config = std::fs::read_to_string(dir.path().join("rt.toml")).unwrap();
    assert!(config.contains("team = \"Ressursteam Nordby\""));
    // The leader is also the team's first standing member.
    assert!(
        config.contains("[[members]]\nname = \"Ingrid Dahl\"\nemail = \"ingrid@nordby.example\""),
        "{config}"
    );
}

#[test]
fn init_refuses_to_overwrite() {
    let team = Team::new();
    let before = team.snapshot();
    let out = rt_bare().args(["init", team.root().to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("finnes allerede; rt init overskriver ingenting"), "{}", stderr(&out));
    assert_eq!(team.snapshot(), before);
}

#[test]
fn a_leader_needs_an_address() {
    let dir = tempfile::tempdir().unwrap();
    let out = rt_bare().args(["init", dir.path().to_str().unwrap(), "--leader", "Ingrid"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_gitignore_of_the_folders_own_keeps_its_lines_and_gains_rts() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".gitignore"), "target/\n*.bak").unwrap();
    let out = rt_bare().arg("init").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join(".gitignore")).unwrap();
    assert_eq!(
        text,
        "target/\n*.bak\n# Midlertidige filer fra en avbrutt skriving (rt check melder dem).\n*.rt-tmp\n# Låsefil mens rt skriver.\n.rt.lock\n"
    );
    // One that has them already is left as it is.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".gitignore"), ".rt.lock\n*.rt-tmp\n").unwrap();
    assert_eq!(rt_bare().arg("init").arg(dir.path()).output().unwrap().status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(dir.path().join(".gitignore")).unwrap(), ".rt.lock\n*.rt-tmp\n");
}
