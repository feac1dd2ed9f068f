//! Every reported success stays true under races and hostile files (issue: "Every write is a
//! transaction, and nothing hostile gets in or out"): two commands changing one case at once
//! both land; a lock file, a year folder or a template that is a symbolic link is never
//! followed; nothing is written while a git rebase is unfinished; a change of many files is
//! written whole or not at all.

use std::path::Path;

use crate::common::*;

const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";

/// A case id of 2027-01-05 numbered `i`.
fn id(i: usize) -> String {
    let suffix: String = (0..4).map(|k| ALPHABET[(i >> (5 * (3 - k))) & 31] as char).collect();
    format!("2027-01-05-{suffix}")
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut cmd = rt_bare();
    cmd.arg("--dir").arg(dir).args(args);
    cmd.output().unwrap()
}

/// Runs pairs of commands at the same moment, `parallel` pairs at a time.
fn race<F>(count: usize, parallel: usize, pair: F)
where
    F: Fn(usize) -> [Vec<String>; 2] + Sync,
{
    let bin = assert_cmd::cargo::cargo_bin("rt");
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..parallel {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= count {
                        break;
                    }
                    let [a, b] = pair(i);
                    let spawn = |args: &[String]| {
                        std::process::Command::new(&bin)
                            .args(args)
                            .env_remove("RT_INTERACTIVE")
                            .stdout(std::process::Stdio::piped())
                            .stderr(std::process::Stdio::piped())
                            .spawn()
                            .unwrap()
                    };
                    let (first, second) = (spawn(&a), spawn(&b));
                    for (child, args) in [(first, &a), (second, &b)] {
                        let out = child.wait_with_output().unwrap();
                        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
                    }
                }
            });
        }
    });
}

#[test]
fn record_racing_a_consent_withdrawal_loses_neither_change() {
    const RUNS: usize = 300;
    let team = Team::new();
    for i in 0..RUNS {
        team.write(&format!("cases/2027/{}.toml", id(i)), &scheduled_case(&id(i), "2027-01-26"));
    }
    let dir = team.root().to_str().unwrap().to_string();
    race(RUNS, 4, |i| {
        let id = id(i);
        let record = [
            "--dir",
            &dir,
            "record",
            &id,
            "--today",
            "2027-01-27",
            "--propose",
            "foreldreveiledning-icdp",
            "--assessment",
            "Trenger veiledning.",
            "--next-step",
            "Marit ringer familien.",
        ];
        let withdraw = ["--dir", &dir, "consent", &id, "--withdraw", "--today", "2027-01-27"];
        [record.iter().map(|s| s.to_string()).collect(), withdraw.iter().map(|s| s.to_string()).collect()]
    });
    let lost: Vec<String> = (0..RUNS)
        .filter(|i| {
            let text = team.read(&format!("cases/2027/{}.toml", id(*i)));
            !(text.contains("status = \"discussed\"")
                && text.contains("[outcome]")
                && text.contains("withdrawn = 2027-01-27"))
        })
        .map(id)
        .collect();
    println!("record vs consent --withdraw: {} of {RUNS} runs lost an edit", lost.len());
    assert!(lost.is_empty(), "lost edits in {lost:?}");
}

#[test]
fn moving_a_meeting_while_its_case_is_closed_leaves_no_case_on_a_lost_date() {
    const RUNS: usize = 200;
    let template = Team::new();
    let out =
        template.rt(["schedule", "--publish", "--half", "2027H1", "--today", "2027-01-05"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(template.read("meetings/2027H1.toml").contains("date = 2027-01-26"));
    let worlds: Vec<tempfile::TempDir> = (0..RUNS)
        .map(|_| {
            let dir = tempfile::tempdir().unwrap();
            for (rel, bytes) in template.snapshot() {
                let to = dir.path().join(&rel);
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::write(to, bytes).unwrap();
            }
            let rel = format!("cases/2027/{}.toml", id(1));
            std::fs::create_dir_all(dir.path().join("cases/2027")).unwrap();
            std::fs::write(dir.path().join(&rel), scheduled_case(&id(1), "2027-01-26")).unwrap();
            dir
        })
        .collect();
    race(RUNS, 4, |i| {
        let dir = worlds[i].path().to_str().unwrap().to_string();
        let close = ["--dir", &dir, "close", &id(1), "--reason", "Trukket.", "--today", "2027-01-10"];
        let mv = [
            "--dir",
            &dir,
            "schedule",
            "--move",
            "2027-01-26",
            "--to",
            "2027-01-28",
            "--today",
            "2027-01-10",
        ];
        [close.iter().map(|s| s.to_string()).collect(), mv.iter().map(|s| s.to_string()).collect()]
    });
    let mut wrong = Vec::new();
    for (i, world) in worlds.iter().enumerate() {
        let case = std::fs::read_to_string(world.path().join(format!("cases/2027/{}.toml", id(1)))).unwrap();
        let meetings = std::fs::read_to_string(world.path().join("meetings/2027H1.toml")).unwrap();
        let closed = case.contains("status = \"closed\"") && case.contains("closed = 2027-01-10");
        let moved = meetings.contains("date = 2027-01-28") && !meetings.contains("date = 2027-01-26");
        // Closed before its meeting, the case gives its place back, whichever ran first.
        if !closed || !moved || case.contains("meeting = ") {
            wrong.push(i);
        }
        let check = run(world.path(), &["check", "--today", "2027-01-10"]);
        assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    }
    println!("schedule --move vs close: {} of {RUNS} runs went wrong", wrong.len());
    assert!(wrong.is_empty(), "runs {wrong:?}");
}

#[cfg(unix)]
#[test]
fn a_lock_file_that_links_elsewhere_is_refused_and_reported_never_truncated() {
    let team = Team::new();
    std::os::unix::fs::symlink(team.path("tiltaksbank.toml"), team.path(".rt.lock")).unwrap();
    let before = team.read("tiltaksbank.toml");
    let out = team.rt(valid_referral()).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).lines().filter(|l| l.starts_with("feil:")).collect::<Vec<_>>(),
        ["feil: låsefilen .rt.lock er en lenke til en annen fil, så rt bruker den ikke"]
    );
    assert_eq!(team.read("tiltaksbank.toml"), before);
    assert!(team.case_files().is_empty());
    let check = team.rt(["check", "--today", TODAY]).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stdout(&check).contains(".rt.lock: feil: låsefilen .rt.lock er en lenke til en annen fil"),
        "{}",
        stdout(&check)
    );
}

#[cfg(unix)]
#[test]
fn a_year_folder_that_links_outside_is_neither_written_nor_silently_skipped() {
    let team = Team::new();
    let outside = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), team.path("cases/2027")).unwrap();
    let out = team.rt(valid_referral()).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("feil: cases/2027 er en symbolsk lenke; rt leser og skriver aldri gjennom lenker"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0, "nothing landed outside");
    // A case that sits behind the link is reported, by check and by the commands that read.
    std::fs::write(outside.path().join(format!("{}.toml", id(7))), scheduled_case(&id(7), "2027-01-26"))
        .unwrap();
    let check = team.rt(["check", "--today", TODAY]).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stdout(&check).contains("cases/2027: feil: cases/2027 er en symbolsk lenke"),
        "{}",
        stdout(&check)
    );
    let list = team.rt(["list", "--today", TODAY]).output().unwrap();
    assert!(stderr(&list).contains("advarsel: 1 saksfil har feil og er utelatt"), "{}", stderr(&list));
}

#[cfg(unix)]
#[test]
fn a_cases_folder_that_is_a_link_is_read_by_no_one() {
    let team = Team::new();
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outside.path().join("2027")).unwrap();
    std::fs::write(outside.path().join(format!("2027/{}.toml", id(7))), scheduled_case(&id(7), "2027-01-26"))
        .unwrap();
    std::fs::remove_dir_all(team.path("cases")).ok();
    std::os::unix::fs::symlink(outside.path(), team.path("cases")).unwrap();
    let check = team.rt(["check", "--today", TODAY]).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(
        stdout(&check),
        "cases: feil: cases er en symbolsk lenke; rt leser og skriver aldri gjennom lenker i team-mappen\n\
         \x20 hjelp: flytt filene inn i team-mappen og slett lenken\n"
    );
    let list = team.rt(["list", "--today", TODAY]).output().unwrap();
    assert!(!stdout(&list).contains("2027-01-05"), "no case read through the link: {}", stdout(&list));
    let out = team.rt(valid_referral()).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(outside.path().join("2027")).unwrap().count(), 1, "nothing landed outside");
}

#[cfg(unix)]
#[test]
fn a_template_that_links_to_a_case_file_is_never_read() {
    let team = Team::demo();
    std::fs::create_dir_all(team.path("templates")).unwrap();
    std::os::unix::fs::symlink(
        team.path("cases/2026/2026-11-16-mcax.toml"),
        team.path("templates/agenda.nb.txt"),
    )
    .unwrap();
    let out = team.rt(["agenda", "--meeting", "2026-12-08", "--today", "2026-11-30"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).is_empty(), "nothing rendered: {}", stdout(&out));
    assert!(stderr(&out).contains("templates/agenda.nb.txt er en symbolsk lenke"), "{}", stderr(&out));
    let check = team.rt(["check", "--today", "2026-11-30"]).output().unwrap();
    assert!(
        stdout(&check)
            .contains("templates/agenda.nb.txt: feil: templates/agenda.nb.txt er en symbolsk lenke")
    );
}

#[test]
fn nothing_is_written_while_a_rebase_is_unfinished() {
    let team = Team::new();
    // What git leaves in its folder when a rebase stops in a conflict.
    std::fs::create_dir_all(team.path(".git/rebase-merge")).unwrap();
    let before = team.snapshot();
    let out = team.rt(valid_referral()).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "feil: en git rebase er ikke fullført i team-mappen, så rt skriver ingenting nå\n\
         hjelp: fullfør eller avbryt rebasen først: rett filene `git status` viser, `git add FIL` og `git rebase --continue`; eller `git rebase --abort`. Kjør så kommandoen på nytt\n"
    );
    assert_eq!(team.snapshot(), before, "not even a lock file");
    // A worktree's .git is a file naming its own folder in the main repository.
    let team = Team::new();
    let gitdir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(gitdir.path().join("MERGE_HEAD")).unwrap();
    team.write(".git", &format!("gitdir: {}\n", gitdir.path().display()));
    let out = team.rt(valid_referral()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("feil: en git merge er ikke fullført"), "{}", stderr(&out));
}

#[test]
fn cancelling_a_meeting_writes_every_file_or_none() {
    let team = Team::new();
    let out =
        team.rt(["schedule", "--publish", "--half", "2027H1", "--today", "2027-01-05"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    for i in 0..2 {
        team.write(&format!("cases/2027/{}.toml", id(i)), &scheduled_case(&id(i), "2027-01-26"));
    }
    // A broken case file might be one of the meeting's: the cancellation waits for it.
    team.write(&format!("cases/2027/{}.toml", id(2)), "schema = 1\nid = ");
    let before = team.snapshot();
    let out = team
        .rt(["schedule", "--cancel", "2027-01-26", "--reason", "Kurs", "--today", "2027-01-10"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        team.snapshot().into_iter().filter(|(k, _)| k != ".rt.lock").collect::<Vec<_>>(),
        before.into_iter().filter(|(k, _)| k != ".rt.lock").collect::<Vec<_>>()
    );
    // Fixed, it moves both cases and cancels the meeting in one go.
    std::fs::remove_file(team.path(&format!("cases/2027/{}.toml", id(2)))).unwrap();
    let out = team
        .rt(["schedule", "--cancel", "2027-01-26", "--reason", "Kurs", "--today", "2027-01-10"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("{}: 2027-01-26 → 2027-02-16\n{}: 2027-01-26 → 2027-02-16\n", id(0), id(1))
    );
    assert!(team.read("meetings/2027H1.toml").contains("cancelled = \"Kurs\""));
}

#[test]
fn dates_that_would_defeat_retention_are_refused_with_the_range() {
    let team = Team::new();
    let rel = format!("cases/2027/{}.toml", id(3));
    team.write(&rel, &scheduled_case(&id(3), "2027-01-26"));
    let before = team.snapshot();
    for (args, flag) in [
        (vec!["close", &id(3), "--reason", "Trukket.", "--date", "2001-01-01"], "[--date]"),
        (vec!["close", &id(3), "--reason", "Trukket.", "--date", "2099-01-01"], "[--date]"),
        (
            vec!["record", &id(3), "--assessment", "A.", "--next-step", "B.", "--follow-up", "2099-01-01"],
            "[--follow-up]",
        ),
    ] {
        let mut all = args.clone();
        all.extend(["--today", "2027-01-27"]);
        let out = team.rt(&all).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("er før saken ble meldt eller mer enn ett år fram i tid"), "{args:?}: {err}");
        assert!(err.contains(flag), "{args:?}: {err}");
        assert!(err.contains("bruk en dato fra 2027-01-05 til 2028-01-27"), "{args:?}: {err}");
        assert_eq!(
            team.snapshot().into_iter().filter(|(k, _)| k != ".rt.lock").collect::<Vec<_>>(),
            before
                .iter()
                .filter(|(k, _)| *k != ".rt.lock")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect::<Vec<_>>()
        );
    }
    // A closing date typed by hand before the referral is a check error, and purge keeps the
    // case (and says so) rather than deleting it at once.
    let closed = scheduled_case(&id(3), "2027-01-26")
        .replace("status = \"scheduled\"", "status = \"closed\"")
        .replace("meeting = 2027-01-26\n", "closed = 2001-01-01\nclosed_reason = \"Trukket.\"\n");
    team.write(&rel, &closed);
    let check = team.rt(["check", "--today", "2027-09-01"]).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    let purge = team.rt(["purge", "--today", "2027-09-01"]).output().unwrap();
    assert_eq!(purge.status.code(), Some(1), "{}", stderr(&purge));
    assert!(stderr(&purge).contains(&rel), "{}", stderr(&purge));
    assert_eq!(team.read(&rel), closed, "nothing deleted");
}

#[test]
fn rt_check_finds_a_national_id_in_every_file_a_person_types_into() {
    let team = Team::new();
    let number = fake_national_id("150315", "500");
    let spaced = format!("{} {}", &number[..6], &number[6..]);
    let out =
        team.rt(["schedule", "--publish", "--half", "2027H1", "--today", "2027-01-05"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // A cancellation's reason with one is refused before anything is written.
    let before = team.read("meetings/2027H1.toml");
    let reason = format!("Kurs {spaced}");
    let cancel = ["schedule", "--cancel", "2027-01-26", "--reason", &reason, "--today", "2027-01-10"];
    let out = team.rt(cancel).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).contains(&number[6..]));
    assert_eq!(team.read("meetings/2027H1.toml"), before);

    // Typed by hand into rt.toml, the tiltaksbank and the meetings: rt check finds each.
    team.write(
        "rt.toml",
        &CONFIG.replace("name = \"Marit Haugen\"", &format!("name = \"Marit Haugen {spaced}\"")),
    );
    let bank = TILTAKSBANK.replace(
        "name = \"Foreldreveiledning (ICDP)\"",
        &format!("name = \"ICDP\"\ndescription = \"Ring {spaced}\""),
    );
    team.write("tiltaksbank.toml", &bank);
    let cancelled =
        before.replacen("sequence = 0", &format!("sequence = 0\ncancelled = \"Syk {spaced}\""), 1);
    team.write("meetings/2027H1.toml", &cancelled);
    let out = team.rt(["check", "--today", "2027-01-05"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = format!("{}{}", stdout(&out), stderr(&out));
    for file in ["rt.toml:", "tiltaksbank.toml:", "meetings/2027H1.toml:"] {
        assert!(
            said.lines()
                .any(|l| l.starts_with(file) && l.contains("inneholder noe som ligner et fødselsnummer")),
            "{file} in:\n{said}"
        );
    }
    for part in [&number[..6], &number[6..], number.as_str()] {
        assert!(!said.contains(part), "the number is never shown:\n{said}");
    }
    // With one in rt.toml, no command goes on: a name from it would reach a mail.
    let out = team.rt(["agenda", "--today", "2027-01-19"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
}
