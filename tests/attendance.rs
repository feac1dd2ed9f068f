//! Meetings remember who was there: the attendance of a held meeting (present, absent,
//! guests) is stored in its entry of `meetings/H.toml` the first time its referat is made, or
//! by `rt minutes --absent/--guest`, and every later referat of the meeting uses it. The
//! employee who brought a case is among those present in that case's referat. And a draft
//! the leader has edited is never replaced without `--force`.

use crate::common::*;

const DAY: &str = "2026-12-08";
const KEFO: &str = "cases/2026/2026-11-19-kefo.toml";

fn run(team: &Team, args: &[&str]) -> std::process::Output {
    team.rt(args).output().unwrap()
}

fn present_line(referat: &str) -> &str {
    referat.lines().find(|l| l.starts_with("**Til stede:**")).expect("a line of those present")
}

#[test]
fn the_attendance_of_a_meeting_is_kept_for_every_later_referat() {
    let team = Team::demo();
    let dir = team.path("referater");
    let out = run(
        &team,
        &[
            "minutes",
            "--meeting",
            DAY,
            "--today",
            DAY,
            "--out",
            dir.to_str().unwrap(),
            "--absent",
            "Eirik Moen",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meetings = team.read("meetings/2026H2.toml");
    assert!(
        meetings.contains(
            "[meetings.attendance]\npresent = [\"Marit Haugen\", \"Jonas Lie Berg\", \"Samira Khan\", \"Hanne Vik\", \"Ingrid Solberg\"]\nabsent = [\"Eirik Moen\"]\n"
        ),
        "{meetings}"
    );
    // The file still reads, and is still valid.
    let out = run(&team, &["check", "--today", DAY]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    // After the outcome is recorded the referat is made again, without --absent.
    let out = run(
        &team,
        &[
            "record",
            "2026-11-16-mcax",
            "--today",
            "2026-12-09",
            "--assessment",
            "Vurdert.",
            "--next-step",
            "Ring.",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let referat = stdout(&run(&team, &["minutes", "2026-11-16-mcax", "--today", "2026-12-09"]));
    assert!(!present_line(&referat).contains("Eirik Moen"), "{referat}");
    assert!(referat.contains("**Forfall:** Eirik Moen"), "{referat}");
    // An absence given later changes what is stored.
    let out = run(&team, &["minutes", "2026-11-16-mcax", "--today", "2026-12-09", "--absent", "Hanne Vik"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let referat = stdout(&run(&team, &["minutes", "2026-11-20-ung2", "--today", "2026-12-10"]));
    assert!(referat.contains("**Forfall:** Eirik Moen, Hanne Vik"), "{referat}");
}

#[test]
fn the_employee_who_brings_a_case_is_present_in_its_referat_only() {
    let team = Team::demo();
    team.write(KEFO, &team.read(KEFO).replace("name = \"Jonas Lie Berg\"", "name = \"Line Dahl\""));
    let referat = stdout(&run(&team, &["minutes", "2026-11-19-kefo", "--today", DAY]));
    assert!(
        present_line(&referat).ends_with(", Line Dahl (Helsestasjon og skolehelsetjeneste, meldte saken)"),
        "{referat}"
    );
    let meetings = team.read("meetings/2026H2.toml");
    assert!(meetings.contains("guests = [\"Line Dahl\"]"), "{meetings}");
    let other = stdout(&run(&team, &["minutes", "2026-11-16-mcax", "--today", DAY]));
    assert!(!other.contains("Line Dahl"), "a guest is in the referat of their own case only: {other}");
    // The guest did not come after all.
    let out = run(&team, &["minutes", "2026-11-19-kefo", "--today", DAY, "--absent", "Line Dahl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let referat = stdout(&out);
    assert!(!present_line(&referat).contains("Line Dahl"), "{referat}");
    assert!(referat.contains("**Forfall:** Line Dahl"), "{referat}");
    // A guest must be a person of rt.toml; a standing member is no guest.
    let out = run(&team, &["minutes", "2026-11-19-kefo", "--today", DAY, "--guest", "Line Dhal"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("mente du `Line Dahl`?"), "{}", stderr(&out));
    let out = run(&team, &["minutes", "2026-11-19-kefo", "--today", DAY, "--guest", "Hanne Vik"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Hanne Vik er fast medlem"), "{}", stderr(&out));
    let out = run(&team, &["minutes", "2026-11-19-kefo", "--today", DAY, "--guest", "Line Dahl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        present_line(&stdout(&out)).contains("Line Dahl (Helsestasjon og skolehelsetjeneste, meldte saken)")
    );
}

#[test]
fn a_referat_made_before_the_meeting_stores_nothing() {
    let team = Team::demo();
    let before = team.read("meetings/2026H2.toml");
    let out = run(&team, &["minutes", "2026-11-16-mcax", "--today", "2026-12-01"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(team.read("meetings/2026H2.toml"), before);
}

#[test]
fn an_unpublished_half_year_is_said_instead_of_pretending() {
    let team = Team::new();
    team.write("cases/2027/2027-01-05-aaaa.toml", &scheduled_case("2027-01-05-aaaa", "2027-01-26"));
    let out =
        run(&team, &["minutes", "2027-01-05-aaaa", "--today", "2027-01-26", "--absent", "Marit Haugen"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("advarsel: oppmøtet er ikke lagret: halvåret 2027H1 er ikke publisert"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("rt schedule --publish --half 2027H1"), "{}", stderr(&out));
    assert!(!team.path("meetings").exists());
}

#[test]
fn an_edited_draft_is_never_replaced_without_force() {
    let team = Team::demo();
    let dir = team.path("referater");
    let args = ["minutes", "--meeting", DAY, "--today", DAY, "--out", dir.to_str().unwrap()];
    let out = run(&team, &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The same drafts again: nothing to refuse.
    let out = run(&team, &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let draft = dir.join("referat-2026-12-08-2026-11-16-mcax.md");
    let edited = std::fs::read_to_string(&draft).unwrap().replace("*Fylles ut i møtet.*", "Teamet mener ...");
    std::fs::write(&draft, &edited).unwrap();
    let other = dir.join("referat-2026-12-08-2026-11-19-kefo.md");
    let other_before = std::fs::read(&other).unwrap();
    // The outcome of another case is recorded: its draft changes, the edited one is kept.
    let out = run(
        &team,
        &["record", "2026-11-19-kefo", "--today", DAY, "--assessment", "Vurdert.", "--next-step", "Ring."],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(&team, &args);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("referat-2026-12-08-2026-11-16-mcax.md"), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), edited, "the edit is kept");
    assert_eq!(std::fs::read(&other).unwrap(), other_before, "nothing at all was written");
    let out = run(&team, &[&args[..], &["--force"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!std::fs::read_to_string(&draft).unwrap().contains("Teamet mener"));
    assert!(std::fs::read_to_string(&other).unwrap().contains("Vurdert."));
}

/// Line Dahl (a contact of rt.toml, no member) refers kefo and is mcax's contact person; the
/// third case of the meeting, ung2, she did not come for.
fn line_dahl_in_two_cases(team: &Team) {
    team.write(KEFO, &team.read(KEFO).replace("name = \"Jonas Lie Berg\"", "name = \"Line Dahl\""));
    let mcax = "cases/2026/2026-11-16-mcax.toml";
    team.write(
        mcax,
        &team
            .read(mcax)
            .replace("meeting = 2026-12-08\n", "meeting = 2026-12-08\ninvite = [\"Line Dahl\"]\n"),
    );
}

fn close_and_purge_her_cases(team: &Team) {
    for id in ["2026-11-19-kefo", "2026-11-16-mcax"] {
        let out = run(team, &["close", id, "--reason", "Trukket", "--today", "2026-12-09"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let out = run(team, &["purge", "--today", "2027-07-01"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("2026-11-19-kefo\n2026-11-16-mcax\n")
            || stdout(&out).contains("2026-11-16-mcax\n2026-11-19-kefo\n"),
        "{}",
        stdout(&out)
    );
}

/// Her cases purged, Line Dahl is named no more in the meeting's attendance (the purge takes
/// a case's people out of the meetings files too); what another case's referat says is kept.
#[test]
fn a_purge_takes_out_the_guest_who_came_for_its_cases_and_changes_no_other_referat() {
    let team = Team::demo();
    line_dahl_in_two_cases(&team);
    let before = stdout(&run(&team, &["minutes", "2026-11-20-ung2", "--today", DAY]));
    assert!(!before.contains("Line Dahl"), "{before}");
    let meetings = team.read("meetings/2026H2.toml");
    assert!(
        meetings.contains(
            "guests = [\"Line Dahl\"]\n\n[meetings.attendance.came_for]\n\"Line Dahl\" = [\"2026-11-16-mcax\", \"2026-11-19-kefo\"]\n"
        ),
        "{meetings}"
    );
    close_and_purge_her_cases(&team);
    let after = stdout(&run(&team, &["minutes", "2026-11-20-ung2", "--today", "2027-07-01"]));
    assert_eq!(present_line(&after), present_line(&before), "the purge changes nothing in another referat");
    let without_her = meetings.replace(
        "guests = [\"Line Dahl\"]\n\n[meetings.attendance.came_for]\n\"Line Dahl\" = [\"2026-11-16-mcax\", \"2026-11-19-kefo\"]\n",
        "guests = []\n",
    );
    assert_ne!(without_her, meetings);
    assert_eq!(team.read("meetings/2026H2.toml"), without_her, "the members' attendance is kept");
    let out = run(&team, &["check", "--today", "2027-07-01"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn a_guest_stored_by_an_older_rt_is_left_out_once_a_case_she_may_have_come_for_is_purged() {
    let team = Team::demo();
    line_dahl_in_two_cases(&team);
    // The attendance as an older rt stored it: the guest without her cases.
    let entry = "uid = \"20261208-60d6fb46@ressursteam.rt\"\nsequence = 0\n";
    let old = team.read("meetings/2026H2.toml").replace(
        entry,
        &format!("{entry}\n[meetings.attendance]\npresent = [\"Marit Haugen\"]\nabsent = []\nguests = [\"Line Dahl\"]\n"),
    );
    assert_ne!(old, team.read("meetings/2026H2.toml"));
    team.write("meetings/2026H2.toml", &old);
    let out = run(&team, &["check", "--today", DAY]);
    assert_eq!(out.status.code(), Some(0), "the older file still reads: {}", stdout(&out));
    // Judged as today: she came for the cases that invite her.
    let mcax = stdout(&run(&team, &["minutes", "2026-11-16-mcax", "--today", DAY]));
    assert!(
        present_line(&mcax)
            .ends_with("Line Dahl (Helsestasjon og skolehelsetjeneste, brukerens kontaktperson)"),
        "{mcax}"
    );
    let ung2 = stdout(&run(&team, &["minutes", "2026-11-20-ung2", "--today", DAY]));
    assert_eq!(present_line(&ung2), "**Til stede:** Marit Haugen (Helsestasjon og skolehelsetjeneste)");
    close_and_purge_her_cases(&team);
    let ung2 = stdout(&run(&team, &["minutes", "2026-11-20-ung2", "--today", "2027-07-01"]));
    assert_eq!(present_line(&ung2), "**Til stede:** Marit Haugen (Helsestasjon og skolehelsetjeneste)");
}

/// The team folder's files but git's own: what a command may change.
#[cfg(unix)]
fn files_but_git(team: &Team) -> std::collections::BTreeMap<String, Vec<u8>> {
    team.snapshot().into_iter().filter(|(rel, _)| !rel.starts_with(".git/")).collect()
}

/// Git for a test team folder, with a private config so the developer's never leaks in.
#[cfg(unix)]
struct Git {
    home: tempfile::TempDir,
}

#[cfg(unix)]
impl Git {
    /// The team folder in git, every file committed, with `auto_commit = true`.
    fn init(team: &Team) -> Git {
        let git = Git { home: tempfile::tempdir().unwrap() };
        std::fs::write(
            git.home.path().join("gitconfig"),
            "[user]\n\tname = Test Bruker\n\temail = test@testby.example\n[init]\n\tdefaultBranch = main\n",
        )
        .unwrap();
        let config = team.read("rt.toml");
        assert!(config.contains("auto_commit = false"), "{config}");
        team.write("rt.toml", &config.replace("auto_commit = false", "auto_commit = true"));
        git.run(team, &["init", "--quiet"]);
        git.run(team, &["add", "-A"]);
        git.run(team, &["commit", "--quiet", "-m", "demo"]);
        git
    }

    fn envs(&self) -> [(&'static str, std::ffi::OsString); 3] {
        [
            ("GIT_CONFIG_GLOBAL", self.home.path().join("gitconfig").into_os_string()),
            ("GIT_CONFIG_NOSYSTEM", "1".into()),
            ("GIT_TERMINAL_PROMPT", "0".into()),
        ]
    }

    /// Runs git in the team folder and insists it works; gives its standard output.
    fn run(&self, team: &Team, args: &[&str]) -> String {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(team.root())
            .args(args)
            .envs(self.envs())
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// `rt` in the team folder, with this git.
    fn rt(&self, team: &Team, args: &[&str]) -> std::process::Output {
        team.rt(args).envs(self.envs()).output().unwrap()
    }
}

/// A refused `rt minutes` stores nothing: every check that can refuse (more than one referat
/// without a folder, `--out` that is no folder, a folder where a draft goes, an edited draft)
/// comes before the attendance is written and committed.
#[cfg(unix)]
#[test]
fn a_refused_referat_stores_no_attendance_and_commits_nothing() {
    let team = Team::demo();
    let git = Git::init(&team);
    team.write("notat.txt", "ikke en mappe\n");
    let taken = team.path("referater/referat-2026-12-08-2026-11-16-mcax.md");
    std::fs::create_dir_all(&taken).unwrap();
    let head = git.run(&team, &["rev-parse", "HEAD"]);
    let before = files_but_git(&team);
    let base = ["minutes", "--meeting", DAY, "--today", DAY, "--absent", "Eirik Moen"];
    let not_a_folder = team.path("notat.txt/referater");
    let taken_folder = team.path("referater");
    for (extra, first_line) in [
        (vec![], "feil: 3 referater trenger en mappe å skrives til".to_string()),
        (
            vec!["--out", not_a_folder.to_str().unwrap()],
            format!("feil: {} finnes, men er ikke en mappe", team.path("notat.txt").display()),
        ),
        (
            vec!["--out", taken_folder.to_str().unwrap(), "--force"],
            format!("feil: {} er en mappe; referatet kan ikke skrives der", taken.display()),
        ),
    ] {
        let out = git.rt(&team, &[&base[..], &extra].concat());
        assert_eq!(out.status.code(), Some(1), "{extra:?}: {}", stderr(&out));
        assert_eq!(stderr(&out).lines().next(), Some(first_line.as_str()), "{extra:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{extra:?}: nothing said to be committed");
        assert!(files_but_git(&team) == before, "{extra:?}: a file changed");
        assert_eq!(git.run(&team, &["rev-parse", "HEAD"]), head, "{extra:?}: a commit was made");
    }
    // Given a folder, the same stores the attendance and commits it.
    std::fs::remove_dir(&taken).unwrap();
    let out = git.rt(&team, &[&base[..], &["--out", taken_folder.to_str().unwrap()]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(team.read("meetings/2026H2.toml").contains("absent = [\"Eirik Moen\"]"));
    assert_eq!(git.run(&team, &["log", "-1", "--format=%s"]), "rt minutes: 2026H2\n");
}

/// A meeting whose attendance is stored was held, on its own day too: it is neither cancelled
/// nor moved (its cases would move on and their referat show another meeting).
#[test]
fn a_meeting_with_its_attendance_stored_is_neither_cancelled_nor_moved() {
    let team = Team::demo();
    let dir = team.path("referater");
    let out = run(&team, &["minutes", "--meeting", DAY, "--today", DAY, "--out", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let before = team.snapshot();
    for args in [
        &["schedule", "--cancel", DAY, "--reason", "syk", "--today", DAY][..],
        &["schedule", "--move", DAY, "--to", "2026-12-10", "--today", DAY][..],
    ] {
        let out = run(&team, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&out),
            "feil: møtet 2026-12-08 er allerede holdt, og kan ikke avlyses eller flyttes\n\
             hjelp: et holdt møte står som det var; det som ble gjort for en sak der, føres med `rt record`\n",
            "{args:?}"
        );
    }
    assert_eq!(team.snapshot(), before, "nothing written");
}
