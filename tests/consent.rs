//! Consent governs identity everywhere (R2 in time): after a withdrawal, or once a consent has
//! expired by the meeting, no invitation, referat or list names the user; `rt record` and
//! `rt decide` refuse an identified outcome; `rt check` and `rt agenda` warn; `rt consent`
//! closes the case or lets it go on anonymously (identity removed, counted apart in the
//! report); `rt refer` refuses a consent that runs out before the meeting it would get.

use crate::common::*;

const KEFO: &str = "cases/2026/2026-11-19-kefo.toml";

fn run(team: &Team, args: &[&str]) -> std::process::Output {
    team.rt(args).output().unwrap()
}

#[test]
fn after_a_withdrawal_no_output_names_the_user_and_no_identified_outcome_is_saved() {
    let team = Team::demo();
    let out = run(&team, &["consent", "2026-11-19-kefo", "--withdraw", "--today", "2026-11-25"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    // Without a terminal the leader is told the two ways on, with the commands.
    assert!(
        err.contains("advarsel: saken 2026-11-19-kefo kan nå bare drøftes anonymt eller avsluttes (R2)"),
        "{err}"
    );
    assert!(err.contains("`rt consent 2026-11-19-kefo --then anonymous`"), "{err}");
    assert!(err.contains("`rt consent 2026-11-19-kefo --then close`"), "{err}");

    // The invitation: the case is there, without initials or birth date; the leader is warned.
    let out = run(&team, &["agenda", "--meeting", "2026-12-08", "--today", "2026-11-25"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mail = stdout(&out);
    assert!(!mail.contains("R.O.") && !mail.contains("30. september 2002"), "{mail}");
    assert!(mail.contains("Meldt av Jonas Lie Berg"), "the case is still on the agenda: {mail}");
    assert!(mail.contains("Bruker: M.H., født 8. mai 2010"), "other cases keep their identity: {mail}");
    assert!(
        stderr(&out).contains(
            "advarsel: sak 2026-11-19-kefo: samtykket ble trukket tilbake 2026-11-25, før møtet 2026-12-08; saken kan bare drøftes anonymt (R2)"
        ),
        "{}",
        stderr(&out)
    );
    let eml = run(&team, &["agenda", "--meeting", "2026-12-08", "--today", "2026-11-25", "--format", "eml"]);
    let body =
        mail_parser::MessageParser::default().parse(&eml.stdout).unwrap().body_text(0).unwrap().to_string();
    assert!(!body.contains("R.O."), "{body}");

    // The referat, the list and show.
    let referat = stdout(&run(&team, &["minutes", "2026-11-19-kefo", "--today", "2026-11-25"]));
    assert!(!referat.contains("R.O.") && !referat.contains("2002"), "{referat}");
    assert!(referat.contains("**Kopi til:** ingen (samtykket er trukket tilbake)"), "{referat}");
    let list = stdout(&run(&team, &["list", "--today", "2026-11-25"]));
    assert!(!list.contains("R.O."), "{list}");
    let list = stdout(&run(&team, &["list", "--today", "2026-11-25", "--format", "json"]));
    assert!(!list.contains("R.O."), "{list}");

    // rt check reports the scheduled case whose consent has lapsed by its meeting.
    let out = run(&team, &["check", "--today", "2026-11-25"]);
    let check = stdout(&out);
    assert!(
        check.contains("cases/2026/2026-11-19-kefo.toml:")
            && check.contains("advarsel: sak 2026-11-19-kefo: samtykket ble trukket tilbake 2026-11-25, før møtet 2026-12-08"),
        "{check}"
    );

    // No identified outcome is recorded; the file is untouched.
    let before = team.read(KEFO);
    let out = run(
        &team,
        &[
            "record",
            "2026-11-19-kefo",
            "--today",
            "2026-12-08",
            "--assessment",
            "Vurdert.",
            "--next-step",
            "Ring.",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("feil: samtykket i sak 2026-11-19-kefo ble trukket tilbake 2026-11-25"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--then anonymous"), "{}", stderr(&out));
    assert_eq!(team.read(KEFO), before);
}

#[test]
fn going_on_anonymously_removes_the_identity_and_counts_apart_in_the_report() {
    let team = Team::demo();
    team.write("rt.toml", &team.read("rt.toml").replace("small_numbers = true", "small_numbers = false"));
    let report = |team: &Team| -> serde_json::Value {
        let out = run(team, &["report", "--half", "2026H2", "--format", "json", "--today", "2026-12-31"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let before = report(&team);
    let out = run(
        &team,
        &["consent", "2026-11-19-kefo", "--withdraw", "--then", "anonymous", "--today", "2026-11-25"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = team.read(KEFO);
    assert!(!text.contains("R.O.") && !text.contains("2002-09-30"), "identity removed: {text}");
    assert!(text.contains("anonymous = true") && text.contains("anonymous_since = 2026-11-25"), "{text}");
    assert!(!text.contains("[consent]"), "an anonymous case has no consent: {text}");
    assert!(text.contains("age_band = \"19-25\""), "the statistics keep the age band: {text}");
    let out = run(&team, &["check", "--today", "2026-11-25"]);
    assert!(!stdout(&out).contains("2026-11-19-kefo"), "{}", stdout(&out));

    // The case goes on: the team records its outcome, anonymously.
    let out = run(
        &team,
        &[
            "record",
            "2026-11-19-kefo",
            "--today",
            "2026-12-08",
            "--assessment",
            "Vurdert.",
            "--next-step",
            "Ring.",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let after = report(&team);
    assert_eq!(after["current"]["anonymised_later"], 1, "{after}");
    assert_eq!(before["current"]["anonymised_later"], 0, "{before}");
    assert_eq!(after["current"]["anonymous"], before["current"]["anonymous"], "not anonymous from the start");
    assert_eq!(after["current"]["cases"], before["current"]["cases"]);
}

#[test]
fn closing_after_a_withdrawal_frees_the_meeting_and_needs_no_reason() {
    let team = Team::demo();
    let out =
        run(&team, &["consent", "2026-11-16-mcax", "--withdraw", "--then", "close", "--today", "2026-11-25"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = team.read("cases/2026/2026-11-16-mcax.toml");
    assert!(text.contains("status = \"closed\"") && text.contains("closed = 2026-11-25"), "{text}");
    assert!(text.contains("closed_reason = \"Samtykket er trukket tilbake 2026-11-25.\""), "{text}");
    assert!(!text.contains("meeting = 2026-12-08"), "its place in the meeting is given back: {text}");
    let mail = stdout(&run(&team, &["agenda", "--meeting", "2026-12-08", "--today", "2026-11-25"]));
    assert!(!mail.contains("M.H.") && !mail.contains("Meldt av Samira Khan"), "{mail}");

    // Withdrawn without a choice, then closed with plain `rt close`: the reason is known.
    let out = run(&team, &["consent", "2026-11-19-kefo", "--withdraw", "--today", "2026-11-25"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(&team, &["close", "2026-11-19-kefo", "--today", "2026-11-26"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(team.read(KEFO).contains("closed_reason = \"Samtykket er trukket tilbake 2026-11-25.\""));
}

#[test]
fn at_a_terminal_the_withdrawal_asks_what_happens_next() {
    let team = Team::demo();
    let out = team
        .rt(["consent", "2026-11-19-kefo", "--withdraw", "--today", "2026-11-25"])
        .env("RT_INTERACTIVE", "1")
        .write_stdin("kanskje\nanonym\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("Skal saken avsluttes, eller drøftes videre anonymt?"), "{err}");
    assert!(err.contains("svar avslutt eller anonym"), "a wrong answer is asked again: {err}");
    let text = team.read(KEFO);
    assert!(text.contains("anonymous_since = 2026-11-25") && !text.contains("R.O."), "{text}");
}

#[test]
fn the_choice_can_come_later_but_only_once_the_consent_has_lapsed() {
    let team = Team::demo();
    let out = run(&team, &["consent", "2026-11-19-kefo", "--then", "anonymous", "--today", "2026-11-25"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("samtykket i sak 2026-11-19-kefo gjelder fortsatt"), "{}", stderr(&out));
    // An expired consent: the case may go on anonymously without a withdrawal.
    team.write(
        KEFO,
        &team.read(KEFO).replace("date = 2026-11-19\n", "date = 2026-11-19\nexpires = 2026-11-24\n"),
    );
    let out = run(&team, &["consent", "2026-11-19-kefo", "--then", "anonymous", "--today", "2026-11-25"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(team.read(KEFO).contains("anonymous_since = 2026-11-25"));
    let out = run(&team, &["consent", "2026-11-19-kefo", "--then", "close", "--today", "2026-11-26"]);
    assert_eq!(out.status.code(), Some(1), "nothing left to lapse: {}", stderr(&out));
}

#[test]
fn a_consent_that_expires_before_its_meeting_hides_the_identity_and_is_reported() {
    let team = Team::new();
    let rel = "cases/2027/2027-01-05-aaaa.toml";
    team.write(
        rel,
        &scheduled_case("2027-01-05-aaaa", "2027-01-26")
            .replace("date = 2027-01-05\nunits", "date = 2027-01-05\nexpires = 2027-01-20\nunits"),
    );
    let out = run(&team, &["check", "--today", TODAY]);
    assert!(
        stdout(&out).contains(
            "advarsel: sak 2027-01-05-aaaa: samtykket gjelder bare til og med 2027-01-20, før møtet 2027-01-26; saken kan bare drøftes anonymt (R2)"
        ),
        "{}",
        stdout(&out)
    );
    // A week before the meeting the consent still holds, but not on the day: no identity.
    let out = run(&team, &["agenda", "--meeting", "2027-01-26", "--today", "2027-01-19"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stdout(&out).contains("A.B.") && !stdout(&out).contains("12. april 2019"), "{}", stdout(&out));
    assert!(stdout(&out).contains("Anonym drøfting"), "{}", stdout(&out));
    assert!(stderr(&out).contains("samtykket gjelder bare til og med 2027-01-20, før møtet 2027-01-26"));
    // The referat of that meeting has no identity either.
    let referat = stdout(&run(&team, &["minutes", "2027-01-05-aaaa", "--today", "2027-01-26"]));
    assert!(!referat.contains("A.B."), "{referat}");
}

#[test]
fn a_referral_whose_consent_runs_out_before_its_meeting_is_refused_naming_the_meetings_that_fit() {
    let team = Team::new();
    // The first meeting with room after the deadline is 2027-01-26.
    let out = team.rt(referral_with(&[], &["--consent-expires", "2027-01-20"])).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("feil: samtykket utløper 2027-01-20, før møtet 2027-01-26 (R2) [--consent-expires]"),
        "{err}"
    );
    assert!(err.contains("ingen møter med plass før samtykket utløper"), "{err}");
    assert!(team.case_files().is_empty());
    // A meeting asked for after the expiry: the earlier ones that fit are named.
    let out = team
        .rt(referral_with(&[], &["--consent-expires", "2027-02-20", "--meeting", "2027-03-09"]))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("samtykket utløper 2027-02-20, før møtet 2027-03-09"), "{err}");
    assert!(err.contains("møter før samtykket utløper: 2027-01-26, 2027-02-16"), "{err}");
    assert!(team.case_files().is_empty());
    // It fits the first meeting: placed there.
    let out = team.rt(referral_with(&[], &["--consent-expires", "2027-02-20"])).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("Satt opp på møtet tirsdag 2027-01-26."), "{}", stderr(&out));
}

#[test]
fn a_decision_after_the_withdrawal_is_refused() {
    let team = Team::new();
    let rel = "cases/2027/2027-01-05-bbbb.toml";
    let text = scheduled_case("2027-01-05-bbbb", "2027-01-26")
        .replace("status = \"scheduled\"", "status = \"discussed\"")
        .replace("units = [\"barnevern\"]", "units = [\"barnevern\"]\nwithdrawn = 2027-01-28")
        + "\n[outcome]\ndate = 2027-01-26\nassessment = \"Veiledning.\"\nnext_step = \"Ring.\"\n\n[[outcome.proposed]]\nmeasure = \"foreldreveiledning-icdp\"\nunit = \"helsestasjon\"\n";
    team.write(rel, &text);
    let out = run(
        &team,
        &["decide", "2027-01-05-bbbb", "--accept", "foreldreveiledning-icdp", "--today", "2027-01-30"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("samtykket i sak 2027-01-05-bbbb ble trukket tilbake 2027-01-28"),
        "{}",
        stderr(&out)
    );
    assert_eq!(team.read(rel), text);
}

#[test]
fn an_anonymous_case_has_no_named_contact_persons() {
    let team = Team::demo();
    team.write(KEFO, &team.read(KEFO).replace("invite = [\"Marit Haugen\"]", "invite = [\"Line Dahl\"]"));
    let out = run(
        &team,
        &["consent", "2026-11-19-kefo", "--withdraw", "--then", "anonymous", "--today", "2026-11-25"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = team.read(KEFO);
    assert!(!text.contains("invite") && !text.contains("Line Dahl"), "contacts removed: {text}");
    let agenda = stdout(&run(&team, &["agenda", "--meeting", "2026-12-08", "--today", "2026-11-25"]));
    assert!(!agenda.contains("Line Dahl"), "{agenda}");

    // A hand edit that puts one back is flagged.
    team.write(
        KEFO,
        &text.replace("meeting = 2026-12-08\n", "meeting = 2026-12-08\ninvite = [\"Line Dahl\"]\n"),
    );
    let out = run(&team, &["check", "--today", "2026-11-25"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(&format!("{KEFO}:10:10: feil: en anonym sak har ingen navngitte kontaktpersoner: et navn på brukerens kontaktperson snevrer inn hvem brukeren er (R3)\n  hjelp: ta bort kontaktpersonene")),
        "{}",
        stdout(&out)
    );

    // And a referral of an anonymous user with a contact person is refused.
    let mut args = vec![
        "refer",
        "--way",
        "user-case",
        "--anonymous",
        "--age",
        "34",
        "--referrer",
        "Samira Khan",
        "--concern",
        "Uro.",
        "--tried",
        "Samtaler.",
        "--wishes",
        "Ro.",
        "--invite-contact",
        "Line Dahl",
        "--today",
        "2026-11-25",
    ];
    let before = team.snapshot();
    let out = run(&team, &args);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("feil: en anonym sak har ingen navngitte kontaktpersoner: et navn på brukerens kontaktperson snevrer inn hvem brukeren er (R3) [--invite-contact]\nhjelp: ta bort kontaktpersonene"),
        "{}",
        stderr(&out)
    );
    assert_eq!(team.snapshot(), before, "nothing written");
    args.truncate(args.len() - 4);
    args.extend(["--today", "2026-11-25"]);
    let out = run(&team, &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
