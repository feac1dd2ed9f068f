//! Crash safety: a write stopped at any point leaves the old file or the new one, never a
//! mix — at worst a stray temporary file that `rt check` reports. Two ways: the process
//! aborted at each named point of every write path (`RT_TEST_CRASH_AT`), and `rt refer`
//! killed with SIGKILL at random moments, many times.

#![cfg(unix)]

use crate::common::*;

/// `rt check` finds nothing but (perhaps) stray temporary files.
fn clean_but_for_temp_files(team: &Team, today: &str) {
    let out = team.rt(["check", "--today", today]).output().unwrap();
    let text = stdout(&out);
    for line in text.lines().filter(|l| !l.starts_with(' ')) {
        assert!(
            line.contains("midlertidig fil etter en avbrutt skriving"),
            "not clean after a crash:\n{text}"
        );
    }
    assert_eq!(out.status.code(), Some(0), "{text}");
}

fn crash(team: &Team, point: &str, args: &[&str]) {
    let out = team.rt(args).env("RT_TEST_CRASH_AT", point).output().unwrap();
    assert_ne!(out.status.code(), Some(0), "{args:?} should have been stopped at {point}");
}

#[test]
fn every_crash_point_of_every_write_leaves_a_whole_file() {
    let mut tried = 0;
    // Creating a case: stopped after the temporary file, and after the link.
    for point in ["temp-written", "linked"] {
        let team = Team::demo();
        let mut args = vec!["--today".to_string(), "2026-11-23".to_string()];
        args.extend(referral_with(&["--today"], &[]));
        let before = team.case_files().len();
        crash(&team, point, &args.iter().map(String::as_str).collect::<Vec<_>>());
        let after = team.case_files();
        // The new case is there whole, or not at all.
        assert!(after.len() == before || after.len() == before + 1, "{point}");
        for rel in &after {
            let read = rt::store::case_file::read(rel, &team.read(rel));
            assert!(read.case.is_some(), "{point}: {rel} is not a whole case");
        }
        clean_but_for_temp_files(&team, "2026-11-23");
        tried += 1;
    }
    // Changing a case and a meetings file: stopped before and after the rename.
    for point in ["temp-written", "renamed"] {
        for args in [
            vec![
                "record",
                "2026-11-16-mcax",
                "--assessment",
                "Vurdering",
                "--next-step",
                "Steg",
                "--today",
                "2026-12-08",
            ],
            vec!["schedule", "--cancel", "2026-12-08", "--reason", "Kurs", "--today", "2026-11-23"],
            vec!["tiltak", "add", "--name", "Nytt tiltak", "--unit", "nav", "--access", "open"],
            vec!["purge", "--today", "2027-06-01"],
        ] {
            let team = Team::demo();
            crash(&team, point, &args);
            // Checked on the day the command ran (an outcome is not dated ahead of it).
            let day = if args[0] == "record" { "2026-12-08" } else { "2026-11-23" };
            clean_but_for_temp_files(&team, day);
            // And every file is either its old self or its new self: the folder reads whole.
            for rel in team.case_files() {
                assert!(
                    rt::store::case_file::read(&rel, &team.read(&rel)).case.is_some(),
                    "{point} {args:?}: {rel}"
                );
            }
            tried += 1;
        }
    }
    println!("crash points tried: {tried}, corrupt files: 0");
}

#[test]
fn referrals_killed_at_random_moments_never_leave_a_broken_file() {
    let team = Team::demo();
    let bin = assert_cmd::cargo::cargo_bin("rt");
    let mut args = vec![
        "--dir".to_string(),
        team.root().to_str().unwrap().to_string(),
        "--today".into(),
        "2026-11-23".into(),
    ];
    args.extend(referral_with(&["--today"], &[]));
    // The kill moments spread over twice the time one referral takes on this machine, so
    // about half are killed mid-run however fast or slow it is (no fixed timing to flake).
    let started = std::time::Instant::now();
    let out = std::process::Command::new(&bin).args(&args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let span = (started.elapsed().as_micros() as u64 * 2).max(100);
    // A fixed seed, so a failure can be repeated.
    let mut seed: u64 = 0x2027_0105;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % span
    };
    let (mut killed, mut finished) = (0, 0);
    for _ in 0..200 {
        let mut child = std::process::Command::new(&bin)
            .args(&args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(next()));
        match child.try_wait().unwrap() {
            Some(_) => finished += 1,
            None => {
                child.kill().unwrap();
                child.wait().unwrap();
                killed += 1;
            }
        }
    }
    for rel in team.case_files() {
        let read = rt::store::case_file::read(&rel, &team.read(&rel));
        assert!(read.case.is_some() && read.diags.is_empty(), "{rel} was left broken");
    }
    clean_but_for_temp_files(&team, "2026-11-23");
    assert!(killed >= 10, "the test must actually kill: {killed} killed, {finished} finished");
    println!("random kills: {killed} killed mid-run, {finished} finished, 0 corrupt files");
}
