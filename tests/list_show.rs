//! `rt list` and `rt show` on the demo folder: filters, formats, and what is (not) shown.

mod common;

use common::*;

#[test]
fn list_shows_every_case_with_initials_but_no_birth_date() {
    let team = Team::demo();
    let out = team.rt(["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("ID               STATUS"), "{text}");
    assert_eq!(text.lines().count(), 1 + 9, "{text}");
    assert!(
        text.contains(
            "2026-09-01-nknk  besluttet  user-case  2026-09-01  2026-09-15  psykisk-helse-rus  T.S."
        ),
        "{text}"
    );
    assert!(text.contains("anonym"), "{text}");
    assert!(!text.contains("1992-06-02"), "no birth dates in a list: {text}");
    assert!(stderr(&out).contains("9 saker"));
}

#[test]
fn list_filters() {
    let team = Team::demo();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list", "--format", "json"];
        all.extend(args);
        let out = team.rt(&all).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        rows.iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(
        ids(&["--status", "scheduled"]),
        ["2026-11-16-mcax", "2026-11-19-kefo", "2026-11-20-ung2", "2026-11-23-6qqb"]
    );
    assert_eq!(ids(&["--meeting", "2026-12-08"]), ["2026-11-16-mcax", "2026-11-19-kefo", "2026-11-20-ung2"]);
    assert_eq!(ids(&["--way", "guidance"]), ["2026-09-22-2p7h", "2026-11-20-ung2"]);
    assert_eq!(ids(&["--half", "2026H2"]).len(), 9);
    assert!(ids(&["--half", "2027H1"]).is_empty());
    assert_eq!(ids(&["--status", "satt opp", "--way", "user-case"]), ["2026-11-16-mcax", "2026-11-23-6qqb"]);
    assert!(ids(&["--status", "referred"]).is_empty());
    let out = team.rt(["list", "--status", "open"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_meeting_date_the_team_does_not_meet_is_pointed_out() {
    let team = Team::demo();
    let out = team.rt(["list", "--meeting", "2026-12-09"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains("Ingen saker.\nadvarsel: teamet har ikke møte 2026-12-09\n"), "{err}");
    assert!(err.contains("hjelp: nærmeste møter: 2026-12-08 (se `rt schedule --half 2026H2`)"), "{err}");
    // A meeting that exists but holds nothing (of that status) is just empty.
    let out = team.rt(["list", "--meeting", "2026-12-08", "--status", "closed"]).output().unwrap();
    assert_eq!(stderr(&out), "Ingen saker.\n");
}

#[test]
fn list_json_has_stable_english_fields() {
    let team = Team::demo();
    let out = team.rt(["list", "--format", "json", "--way", "bti", "--status", "referred"]).output().unwrap();
    assert_eq!(stdout(&out), "[]\n");
    let out = team.rt(["list", "--format", "json", "--status", "closed"]).output().unwrap();
    let text = stdout(&out);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = &rows[0];
    let fields = [
        "id",
        "status",
        "way_in",
        "referred",
        "half",
        "meeting",
        "unit",
        "bti_level",
        "anonymous",
        "initials",
        "age_band",
    ];
    assert_eq!(row.as_object().unwrap().len(), fields.len());
    let positions: Vec<usize> = fields.iter().map(|f| text.find(&format!("\"{f}\":")).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "fields in a stable order: {text}");
    assert_eq!(row["age_band"], "6-12");
    assert_eq!(row["half"], "2026H2");
}

#[test]
fn list_reports_broken_files_without_failing() {
    let team = Team::demo();
    team.write("cases/2026/2026-11-30-zzzz.toml", "schema = 1\nid = ");
    let out = team.rt(["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("advarsel: 1 saksfil har feil og er utelatt; kjør `rt check`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn list_in_a_closed_pipe_exits_quietly() {
    let team = Team::demo();
    // `rt list | head -0`: the reader goes away; rt must neither panic nor complain.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("rt"))
        .args(["--dir", team.root().to_str().unwrap(), "list"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn show_gives_the_whole_case() {
    let team = Team::demo();
    let out = team.rt(["show", "2026-09-01-nknk", "--today", "2026-11-23"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for part in [
        "Sak 2026-09-01-nknk",
        "Bruker:          T.S., født 1992-06-02 (34 år)",
        "Samtykke:        gitt av brukeren 2026-09-01; kopi til NAV Eikvik, Psykisk helse- og rustjeneste",
        "Situasjonen\n  Alenemor med to barn",
        "Foreslåtte tiltak\n  okonomisk-radgivning (NAV Eikvik, evalueres 2026-11-10)",
        "Brukerens beslutning\n  2026-09-22: takket ja til okonomisk-radgivning, rask-psykisk-helsehjelp; nei til avlastning-besokshjem",
    ] {
        assert!(text.contains(part), "{part}\n---\n{text}");
    }
}

#[test]
fn show_json_and_english() {
    let team = Team::demo();
    let out = team.rt(["show", "2026-10-13-pbtn", "--format", "json"]).output().unwrap();
    let case: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(case["user"]["kind"], "anonymous");
    assert_eq!(case["user"]["age"], 14);
    assert!(case["user"]["initials"].is_null());
    assert_eq!(case["outcome"]["proposed"][0]["measure"], "samtaler-helsesykepleier");
    let out = team.rt(["show", "2026-10-13-pbtn", "--lang", "en"]).output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("User:            anonymous, age 14"), "{text}");
    assert!(!text.contains("Bruker"), "{text}");
}

#[test]
fn show_an_unknown_id_suggests_the_closest() {
    let team = Team::demo();
    let out = team.rt(["show", "2026-09-01-nknx"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("feil: fant ingen sak `2026-09-01-nknx`"), "{err}");
    assert!(err.contains("hjelp: mente du `2026-09-01-nknk`?"), "{err}");
}

#[test]
fn show_names_the_bti_level_only_when_it_is_not_the_way_ins_own() {
    let team = Team::new();
    for (level, shown) in
        [("1", "Vei inn:         BTI nivå 1\n"), ("2", "Vei inn:         BTI nivå 1 (nå nivå 2)\n")]
    {
        let out = team.rt(referral_with(&[], &["--bti-level", level])).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let id = stdout(&out).trim().to_string();
        let out = team.rt(["show", &id, "--today", TODAY]).output().unwrap();
        assert!(stdout(&out).contains(shown), "{}", stdout(&out));
    }
}

#[test]
fn every_command_that_reads_the_cases_says_when_a_broken_one_is_left_out() {
    let team = Team::demo();
    team.write("cases/2026/2026-11-30-zzzz.toml", "schema = 1\nid = ");
    for args in [
        &["agenda", "--today", "2026-11-23"][..],
        &["schedule", "--today", "2026-11-23"],
        &["minutes", "--meeting", "2026-12-08", "--today", "2026-12-08"],
    ] {
        let out = team.rt(args).output().unwrap();
        assert!(
            stderr(&out).contains("advarsel: 1 saksfil har feil og er utelatt; kjør `rt check`"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // A broken file may be due for purging: purge says it could not judge it, and fails.
    let out = team.rt(["purge", "--dry-run", "--today", "2026-11-23"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "feil: 1 saksfil kunne ikke vurderes for sletting og beholder opplysningene sine: cases/2026/2026-11-30-zzzz.toml"
        ),
        "{}",
        stderr(&out)
    );
    let out = team.rt(["report", "--half", "2026H2", "--lang", "en"]).output().unwrap();
    assert!(
        stderr(&out).contains("warning: 1 case file with errors not counted; run `rt check`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn control_characters_typed_into_a_file_reach_no_terminal() {
    let team = Team::new();
    let id = "2027-01-05-ctrl";
    let file = scheduled_case(id, "2027-01-26")
        .replace("\"Uro i barnehagen.\"", "\"Uro \\u001b[2J\\u001b]0;tittel\\u0007i barnehagen.\\u0000\"");
    team.write(&format!("cases/2027/{id}.toml"), &file);
    let out = team.rt(["show", id]).output().unwrap();
    let o = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{o}{}", stderr(&out));
    let line = o.lines().find(|l| l.contains("Uro")).expect("the concern is shown");
    assert_eq!(line.trim(), "Uro ␛[2J␛]0;tittel␇i barnehagen.␀", "{o}");
    for output in [&out.stdout, &out.stderr] {
        assert!(!output.iter().any(|&b| b < 0x20 && b != b'\n' && b != b'\t'), "{o}");
    }
    // rt check says where, so the file can be mended.
    let check = team.rt(["check", "--today", TODAY]).output().unwrap();
    let expected = format!(
        "cases/2027/{id}.toml:24:11: feil: brukerens/familiens situasjon (bekymringen) inneholder kontrolltegn\n"
    );
    assert!(stdout(&check).starts_with(&expected), "{}", stdout(&check));
}
