//! Privacy: purge keeps the statistics and nothing else, consent can be withdrawn, case
//! files stay private, and nothing outside the rules is read or written.

use crate::common::*;

const LATER: &str = "2027-06-01"; // 2026-10-20 + 180 days has passed

fn report(team: &Team) -> serde_json::Value {
    let out = team.rt(["report", "--half", "2026H2", "--format", "json", "--today", LATER]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn purge_keeps_every_figure_and_no_personal_data() {
    let team = Team::demo();
    // Close a second case, with a decision, long enough ago.
    team.rt(["close", "2026-09-01-nknk", "--reason", "goal-reached", "--today", "2026-11-30"])
        .assert()
        .success();
    let rel = "cases/2026/2026-08-11-q46y.toml";
    team.write(rel, &format!("# Mor ringte 12. august; far vet ikke om saken.\n{}\n[extra]\nnotat = \"Søsteren går i 3. klasse\"\n", team.read(rel)));

    let out = team.rt(["check", "--today", LATER]).output().unwrap();
    assert!(stdout(&out).contains("cases/2026/2026-08-11-q46y.toml:13:10: advarsel: saken ble avsluttet 2026-10-20, mer enn 180 dager siden, og skal anonymiseres"), "{}", stdout(&out));
    let before = report(&team);

    // A dry run names them and writes nothing.
    let snapshot = team.snapshot();
    let out = team.rt(["purge", "--dry-run", "--today", LATER]).output().unwrap();
    assert_eq!(stdout(&out), "2026-08-11-q46y\n2026-09-01-nknk\n");
    assert!(stderr(&out).contains("2 saker ville blitt anonymisert"), "{}", stderr(&out));
    assert_eq!(team.snapshot(), snapshot);

    let out = team.rt(["purge", "--today", LATER]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "2026-08-11-q46y\n2026-09-01-nknk\n");
    assert_eq!(report(&team), before, "the report's figures are the same after the purge");

    for (rel, gone) in [
        (
            "cases/2026/2026-08-11-q46y.toml",
            &[
                "E.N.",
                "2020-03-14",
                "Marit Haugen",
                "Barnehagen melder",
                "Mor ringte",
                "Søsteren",
                "\n[extra]",
                "\n[consent]",
                "samspill og rutiner",
            ][..],
        ),
        (
            "cases/2026/2026-09-01-nknk.toml",
            &[
                "T.S.",
                "1992-06-02",
                "Samira Khan",
                "Alenemor",
                "Jonas Lie Berg",
                "Sammensatt belastning",
                "Veileder i NAV Eikvik",
                "Mor har oversikt",
                "Første samtale",
                "Budsjettet holder",
                "budsjett",
            ][..],
        ),
    ] {
        let text = team.read(rel);
        for word in gone {
            assert!(!text.contains(word), "{rel} still holds `{word}`:\n{text}");
        }
        assert!(
            text.contains("anonymised = 2027-06-01") && text.contains("[user]\nremoved = true"),
            "{text}"
        );
    }
    let q = team.read("cases/2026/2026-08-11-q46y.toml");
    assert!(q.contains("age_band = \"6-12\"") && q.contains("measure = \"motorisk-kartlegging\""), "{q}");
    // The folder checks clean, and a second purge finds nothing.
    let out = team.rt(["check", "--today", LATER]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(!stdout(&out).contains("skal anonymiseres"), "{}", stdout(&out));
    let out = team.rt(["purge", "--today", LATER]).output().unwrap();
    assert_eq!(stdout(&out), "");
    // The minutes of a purged case carry no identity and no copies.
    let referat = stdout(&team.rt(["minutes", "2026-08-11-q46y", "--today", LATER]).output().unwrap());
    assert!(
        referat.contains("Anonymisert (personopplysningene er fjernet)")
            && referat.contains("ingen (saken er anonymisert)"),
        "{referat}"
    );
}

/// Needs git: Unix only (the Windows run of the tests, under Wine, has none).
#[cfg(unix)]
#[test]
fn purge_in_a_git_repository_warns_about_the_history() {
    let team = Team::demo();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(team.root())
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
            .args(args)
            .output()
            .expect("git");
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "Ressursteamet"]);
    let out = team.rt(["purge", "--today", LATER]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains("advarsel: 1 commit i git-historikken har fortsatt de fjernede opplysningene"),
        "{err}"
    );
    assert!(err.contains("git filter-repo") && err.contains("README"), "{err}");
}

#[test]
fn withdrawn_consent_stops_every_copy() {
    let team = Team::demo();
    let out =
        team.rt(["consent", "2026-11-19-kefo", "--withdraw", "--today", "2026-11-30"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(team.read("cases/2026/2026-11-19-kefo.toml").contains("withdrawn = 2026-11-30"));
    let referat = stdout(&team.rt(["minutes", "2026-11-19-kefo"]).output().unwrap());
    assert!(referat.contains("**Kopi til:** ingen (samtykket er trukket tilbake)"), "{referat}");
    let again = team.rt(["consent", "2026-11-19-kefo", "--withdraw"]).output().unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("samtykket ble allerede trukket 2026-11-30"));
    let anonymous = team.rt(["consent", "2026-10-13-pbtn", "--withdraw"]).output().unwrap();
    assert!(stderr(&anonymous).contains("saken har ikke noe samtykke å trekke"));
    let out = team.rt(["consent", "2026-11-19-kefo"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "--withdraw is the only thing consent does");
}

#[cfg(unix)]
#[test]
fn check_warns_about_a_case_file_others_can_read() {
    use std::os::unix::fs::PermissionsExt;
    let team = Team::demo();
    let path = team.path("cases/2026/2026-11-19-kefo.toml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = team.rt(["check", "--today", "2026-11-23"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "a warning, not an error");
    assert!(
        stdout(&out).contains(
            "cases/2026/2026-11-19-kefo.toml: advarsel: filen kan leses av andre enn eieren (rettigheter 644)"
        ),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("chmod 600"), "{}", stdout(&out));
}

/// A fresh clone keeps no file modes: every case file is readable by others. That is one
/// finding, told once with the command that fixes them all; `--verbose` lists each file.
#[cfg(unix)]
#[test]
fn many_case_files_others_can_read_are_one_finding() {
    use std::os::unix::fs::PermissionsExt;
    let team = Team::demo();
    let files = team.case_files();
    for rel in &files {
        std::fs::set_permissions(team.path(rel), std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let out = team.rt(["check", "--today", "2026-11-23"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "a warning, not an error");
    assert_eq!(
        stdout(&out),
        format!(
            "cases/2026: advarsel: {} saksfiler i cases/2026/ kan leses av andre enn eieren (rettigheter 644)\n  \
             hjelp: saker er helseopplysninger: `chmod -R go-rwx cases` retter alle; `rt check --verbose` viser hver fil\n",
            files.len()
        )
    );
    assert_eq!(stderr(&out), format!("0 feil og {} advarsler i 12 filer.\n", files.len()), "each is counted");
    let verbose = team.rt(["check", "--today", "2026-11-23", "--verbose"]).output().unwrap();
    let lines: Vec<String> =
        stdout(&verbose).lines().filter(|l| !l.starts_with(' ')).map(String::from).collect();
    let expected: Vec<String> = files
        .iter()
        .map(|f| format!("{f}: advarsel: filen kan leses av andre enn eieren (rettigheter 644)"))
        .collect();
    assert_eq!(lines, expected);
    // The command in the help does fix them all.
    let chmod =
        std::process::Command::new("chmod").args(["-R", "go-rwx", "cases"]).current_dir(team.root()).status();
    assert!(chmod.unwrap().success());
    let out = team.rt(["check", "--today", "2026-11-23"]).output().unwrap();
    assert_eq!(stdout(&out), "");
}

#[test]
fn a_huge_file_is_refused_not_read() {
    let team = Team::demo();
    let big = format!("schema = 1\nid = \"2026-11-30-aaaa\"\n# {}\n", "x".repeat(5 * 1024 * 1024));
    team.write("cases/2026/2026-11-30-aaaa.toml", &big);
    let out = team.rt(["check", "--today", "2026-11-30"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out)
            .contains("cases/2026/2026-11-30-aaaa.toml: feil: filen er større enn 4 MiB; rt leser den ikke"),
        "{}",
        stdout(&out)
    );
    let out = team.rt(["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("1 saksfil har feil"), "{}", stderr(&out));
    team.write("rt.toml", &format!("{}\n# {}\n", team.read("rt.toml"), "y".repeat(5 * 1024 * 1024)));
    let out = team.rt(["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn deep_nesting_is_a_message_not_a_crash() {
    let team = Team::demo();
    team.write(
        "cases/2026/2026-11-30-aaab.toml",
        &format!("a = {}1{}\n", "[".repeat(50_000), "]".repeat(50_000)),
    );
    let out = team.rt(["check", "--today", "2026-11-30"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("cases/2026/2026-11-30-aaab.toml:1:"), "{}", stdout(&out));
    assert!(!stderr(&out).contains("panicked") && !stderr(&out).contains("overflow"));
}

#[test]
fn output_paths_that_are_device_names_are_refused() {
    let team = Team::demo();
    for args in [
        vec!["agenda", "--out", "CON"],
        vec!["report", "--half", "2026H2", "--out", "nul.txt"],
        vec!["schedule", "--format", "ics", "--out", "ut/COM1.ics"],
        vec!["minutes", "--meeting", "2026-12-08", "--out", "aux"],
        vec!["tiltak", "export", "--out", "PRN.csv"],
    ] {
        let out = team.rt(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains("kan ikke brukes som filnavn"), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn a_case_id_never_becomes_a_path() {
    let team = Team::demo();
    for id in ["../../rt", "/etc/passwd", "..\\..\\rt", "2026-11-19-kefo/../../x"] {
        let out = team.rt(["show", id]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{id}");
        assert!(stderr(&out).contains(&format!("fant ingen sak `{id}`")), "{id}: {}", stderr(&out));
    }
}

#[test]
fn a_document_never_lands_on_the_team_folders_own_files() {
    let team = Team::demo();
    let case = team.case_files().into_iter().next().unwrap();
    let absolute_meetings = team.path("meetings/2026H2.toml").display().to_string();
    let in_team = |args: &[&str]| rt_bare().current_dir(team.root()).args(args).output().unwrap();
    let mut before = team.snapshot();
    before.remove(".rt.lock");
    for (args, path) in [
        (vec!["report", "--half", "2026H2", "--out", "rt.toml"], "rt.toml".to_string()),
        (vec!["report", "--half", "2026H2", "--out", "./Tiltaksbank.toml"], "./Tiltaksbank.toml".to_string()),
        (vec!["report", "--half", "2026H2", "--out", &case], case.clone()),
        (vec!["schedule", "--format", "ics", "--out", &absolute_meetings], absolute_meetings.clone()),
        (vec!["minutes", "--meeting", "2026-11-17", "--out", "cases/2026"], "cases/2026/".to_string()),
        (vec!["tiltak", "export", "--out", "templates/x.csv"], "templates/x.csv".to_string()),
        (
            vec!["report", "--half", "2026H2", "--out", "meetings/../cases/ny.toml"],
            "meetings/../cases/ny.toml".into(),
        ),
    ] {
        let out = in_team(&args);
        let e = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {e}");
        let said = format!("feil: {}", path.trim_end_matches('/'));
        assert!(
            e.lines().any(|l| l.starts_with(&said)
                && l.ends_with(
                    "er en av team-mappens egne filer eller mapper; rt skriver ikke dokumenter dit"
                )),
            "{args:?}: {e}"
        );
        let mut after = team.snapshot();
        after.remove(".rt.lock");
        let changed: Vec<&String> =
            after.keys().chain(before.keys()).filter(|k| after.get(*k) != before.get(*k)).collect();
        assert!(changed.is_empty(), "{args:?}: nothing written, but {changed:?} changed");
    }
    // A plain file name in the team folder (not one of its own) is written, and told.
    let out = in_team(&["report", "--half", "2026H2", "--out", "evaluering.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "Skrevet: evaluering.md\n");
    assert!(team.read("evaluering.md").starts_with("---\ntitle: \"Halvårsevaluering av ressursteamet\"\n"));
}

/// The attendance part of the 2026-12-08 meeting in the meetings file.
fn attendance_of_dec_8(team: &Team) -> String {
    let text = team.read("meetings/2026H2.toml");
    let start = text.find("[meetings.attendance]").expect("an attendance");
    text[start..].to_string()
}

/// Who a referat names: its lines of those present and absent.
fn people_of(referat: &str) -> Vec<&str> {
    referat.lines().filter(|l| l.starts_with("**Til stede:**") || l.starts_with("**Forfall:**")).collect()
}

const MEMBERS_THERE: &str = "**Til stede:** Marit Haugen (Helsestasjon og skolehelsetjeneste), Jonas Lie Berg (Helsestasjon og skolehelsetjeneste), Samira Khan (Psykisk helse- og rustjeneste), Hanne Vik (Fysioterapi- og ergoterapitjenesten), Ingrid Solberg (Kommunepsykolog)\\";

/// Staff tied to a case — the employee who referred it, the user's contact person — are guests
/// of the meeting with the case they came for. Once the case goes anonymous or is purged,
/// they are named no more: not in the meetings file, not in its referat; a guest who also
/// came for another case stays there, and the standing members' attendance is kept.
#[test]
fn an_anonymous_or_purged_case_takes_its_guests_out_of_the_meetings() {
    let team = Team::demo();
    team.write(
        "rt.toml",
        &team.read("rt.toml").replace(
            "[[contacts]]\nname = \"Line Dahl\"",
            "[[contacts]]\nname = \"Nina Berg\"\nemail = \"nina.berg@eikvik.kommune.example\"\nunit = \"helsestasjon\"\n\n[[contacts]]\nname = \"Line Dahl\"",
        ),
    );
    let kefo = "cases/2026/2026-11-19-kefo.toml";
    team.write(
        kefo,
        &team
            .read(kefo)
            .replace("name = \"Jonas Lie Berg\"", "name = \"Nina Berg\"")
            .replace("invite = [\"Marit Haugen\"]", "invite = [\"Marit Haugen\", \"Line Dahl\"]"),
    );
    let mcax = "cases/2026/2026-11-16-mcax.toml";
    team.write(
        mcax,
        &team
            .read(mcax)
            .replace("meeting = 2026-12-08\n", "meeting = 2026-12-08\ninvite = [\"Line Dahl\"]\n"),
    );
    let dir = team.path("referater");
    let out = team
        .rt(["minutes", "--meeting", "2026-12-08", "--today", "2026-12-08", "--out", dir.to_str().unwrap()])
        .args(["--absent", "Eirik Moen", "--absent", "Line Dahl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let members = "[meetings.attendance]\npresent = [\"Marit Haugen\", \"Jonas Lie Berg\", \"Samira Khan\", \"Hanne Vik\", \"Ingrid Solberg\"]\n";
    assert_eq!(
        attendance_of_dec_8(&team),
        format!(
            "{members}absent = [\"Eirik Moen\", \"Line Dahl\"]\nguests = [\"Nina Berg\"]\n\n[meetings.attendance.came_for]\n\"Line Dahl\" = [\"2026-11-16-mcax\", \"2026-11-19-kefo\"]\n\"Nina Berg\" = [\"2026-11-19-kefo\"]\n"
        )
    );
    let referat =
        |id: &str, today: &str| stdout(&team.rt(["minutes", id, "--today", today]).output().unwrap());
    let kefo_before = referat("2026-11-19-kefo", "2026-12-09");
    assert_eq!(
        people_of(&kefo_before),
        [
            MEMBERS_THERE
                .replace(
                    "Kommunepsykolog)\\",
                    "Kommunepsykolog), Nina Berg (Helsestasjon og skolehelsetjeneste, meldte saken)\\"
                )
                .as_str(),
            "**Forfall:** Eirik Moen, Line Dahl",
        ]
    );

    // The consent in kefo is withdrawn and the case goes on anonymously: Line Dahl, invited as
    // the user's contact, keeps only mcax; Nina Berg, who referred kefo and is still named in
    // it as its referrer, stays with it.
    let out = team
        .rt([
            "consent",
            "2026-11-19-kefo",
            "--withdraw",
            "--then",
            "anonymous",
            "--date",
            "2026-12-09",
            "--today",
            "2026-12-09",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .ends_with("Gjestene som kom bare for saken, er tatt ut av oppmøtet i meetings/2026H2.toml.\n"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        attendance_of_dec_8(&team),
        format!(
            "{members}absent = [\"Eirik Moen\", \"Line Dahl\"]\nguests = [\"Nina Berg\"]\n\n[meetings.attendance.came_for]\n\"Line Dahl\" = [\"2026-11-16-mcax\"]\n\"Nina Berg\" = [\"2026-11-19-kefo\"]\n"
        )
    );
    let with_nina = MEMBERS_THERE.replace(
        "Kommunepsykolog)\\",
        "Kommunepsykolog), Nina Berg (Helsestasjon og skolehelsetjeneste, meldte saken)\\",
    );
    assert_eq!(
        people_of(&referat("2026-11-19-kefo", "2026-12-09")),
        [with_nina.as_str(), "**Forfall:** Eirik Moen"]
    );
    let mcax_before = referat("2026-11-16-mcax", "2026-12-09");
    assert_eq!(people_of(&mcax_before), [MEMBERS_THERE, "**Forfall:** Eirik Moen, Line Dahl"]);

    // mcax is closed, and purged once its time is out: Line Dahl goes too, all in one change.
    let out = team
        .rt(["close", "2026-11-16-mcax", "--reason", "Trukket", "--today", "2026-12-09"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let figures = report(&team);
    // A meetings file with errors that names the case stops the purge: nothing is written.
    let meetings = team.read("meetings/2026H2.toml");
    team.write(
        "meetings/2026H2.toml",
        &meetings
            .replace("sequence = 0\n\n[meetings.attendance]", "sequence = \"x\"\n\n[meetings.attendance]"),
    );
    let snapshot = team.snapshot();
    let out = team.rt(["purge", "--today", "2027-07-01"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).lines().nth(1),
        Some("feil: meetings/2026H2.toml har 1 feil, så kommandoen stopper"),
        "{}",
        stderr(&out)
    );
    assert_eq!(team.snapshot(), snapshot, "a refused purge writes nothing");
    team.write("meetings/2026H2.toml", &meetings);
    let out = team.rt(["purge", "--today", "2027-07-01"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("2026-11-16-mcax\n"), "{}", stdout(&out));
    assert_eq!(
        attendance_of_dec_8(&team),
        format!(
            "{members}absent = [\"Eirik Moen\"]\nguests = [\"Nina Berg\"]\n\n[meetings.attendance.came_for]\n\"Nina Berg\" = [\"2026-11-19-kefo\"]\n"
        )
    );
    let purged = referat("2026-11-16-mcax", "2027-07-01");
    assert_eq!(people_of(&purged), [MEMBERS_THERE, "**Forfall:** Eirik Moen"]);
    // Who referred it is said to be removed, not left as an empty name before the unit.
    let referred_by: Vec<&str> = purged.lines().filter(|l| l.starts_with("| Meldt av |")).collect();
    assert_eq!(referred_by, ["| Meldt av | (fjernet ved anonymisering), Psykisk helse- og rustjeneste |"]);
    assert_eq!(report(&team), figures, "the report's figures are the same after the purge");
    for (rel, bytes) in team.snapshot().iter().filter(|(rel, _)| rel.starts_with("meetings/")) {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("Line Dahl"), "{rel} still names a guest of the purged case");
    }
    let out = team.rt(["check", "--today", "2027-07-01"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}
