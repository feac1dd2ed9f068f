//! `rt refer`: one test per rule (exit code, message, and that nothing was written on
//! refusal), the success path, and the dialogue.

use crate::common::*;

/// Runs a referral that must be refused: exit 1, the folder unchanged. Returns stderr.
fn refused(team: &Team, args: &[String]) -> String {
    let before = team.snapshot();
    let out = team.rt(args).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "stdout: {}\nstderr: {err}", stdout(&out));
    assert_eq!(stdout(&out), "", "nothing on stdout when refused");
    assert_eq!(team.snapshot(), before, "a refused referral writes nothing");
    assert!(err.contains("saken er ikke registrert") || err.contains("R5"), "{err}");
    err
}

#[test]
fn a_valid_referral_prints_only_the_id_and_writes_a_valid_private_file() {
    let team = Team::new();
    let out = team.rt(valid_referral()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = stdout(&out);
    let id = id.strip_suffix('\n').expect("one line");
    assert!(id.starts_with("2027-01-05-") && id.len() == 15, "{id:?}");
    assert!(rt::model::CaseId::parse(id).is_ok());
    assert!(stderr(&out).contains(&format!("Saken er registrert: {id}")));

    let rel = format!("cases/2027/{id}.toml");
    assert_eq!(team.case_files(), vec![rel.clone()]);
    let text = team.read(&rel);
    assert!(text.contains("initials = \"A.B.\"") && text.contains("born = 2019-04-12"), "{text}");
    assert!(text.contains("given_by = \"guardian\""), "a 7-year-old's guardian consents: {text}");
    assert!(text.contains("units = [\"barnevern\"]"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(team.path(&rel)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    team.rt(["check", "--today", TODAY]).assert().success();
}

#[test]
fn r1_the_way_in_is_required_and_must_be_one_of_three() {
    let team = Team::new();
    let err = refused(&team, &referral_with(&["--way"], &[]));
    assert!(err.contains("mangler vei inn (R1) [--way]"), "{err}");
    // A way that does not exist is a command-line error (exit 2).
    let out = team.rt(referral_with(&["--way"], &["--way", "bti2"])).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bruk bti, user-case eller guidance"), "{}", stderr(&out));
    assert!(team.case_files().is_empty());
}

#[test]
fn r2_consent_is_required_for_a_known_user() {
    let team = Team::new();
    let err = refused(&team, &referral_with(&["--consent", "--copy-to"], &[]));
    assert!(err.contains("brukerens samtykke mangler (R2) [--consent]"), "{err}");
    assert!(err.contains("eller drøft saken anonymt"), "{err}");
}

#[test]
fn r2_copies_without_consent_are_refused() {
    let team = Team::new();
    let err = refused(&team, &referral_with(&["--consent"], &[]));
    assert!(err.contains("krever at brukeren har samtykket [--copy-to]"), "{err}");
}

#[test]
fn r2_the_unit_leader_must_have_been_consulted() {
    let team = Team::new();
    let err = refused(&team, &referral_with(&["--leader-consulted"], &[]));
    assert!(err.contains("ikke drøftet med enhetsleder (R2) [--leader-consulted]"), "{err}");
}

#[test]
fn r2_who_consents_must_fit_the_age() {
    let team = Team::new();
    // A 7-year-old cannot consent alone (consent age 16).
    let err = refused(&team, &referral_with(&[], &["--consent-by", "self"]));
    assert!(err.contains("er 7 år og kan ikke samtykke alene før 16 år (R2) [--consent-by]"), "{err}");
    // A 17-year-old: self or guardian must be said.
    let err = refused(&team, &referral_with(&["--born"], &["--born", "2009-06-01"]));
    assert!(err.contains("brukeren er 17 år: oppgi om samtykket"), "{err}");
    team.rt(referral_with(&["--born"], &["--born", "2009-06-01", "--consent-by", "self"])).assert().success();
}

#[test]
fn r3_an_anonymous_case_carries_no_identity() {
    let team = Team::new();
    let err = refused(&team, &referral_with(&[], &["--anonymous"]));
    assert!(err.contains("en anonym sak kan ikke ha initialer eller fødselsdato (R3) [--initials]"), "{err}");
    assert!(err.contains("(R3) [--born]"), "{err}");

    // Without identity, consent or copies, it is fine, and the file holds no identity.
    let args = referral_with(
        &["--initials", "--born", "--consent", "--copy-to", "--leader-consulted"],
        &["--anonymous", "--age", "7"],
    );
    let out = team.rt(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = team.read(&team.case_files()[0]);
    assert!(text.contains("anonymous = true\nage = 7"), "{text}");
    assert!(!text.contains("initials") && !text.contains("born") && !text.contains("[consent]"), "{text}");
    assert!(stderr(&out).contains("Anonym drøfting"), "{}", stderr(&out));
}

#[test]
fn r3_copies_on_an_anonymous_case_are_refused() {
    let team = Team::new();
    let args = referral_with(&["--initials", "--born", "--leader-consulted"], &["--anonymous"]);
    let err = refused(&team, &args);
    assert!(err.contains("en anonym sak har ikke samtykke eller kopimottakere (R3) [--consent]"), "{err}");
}

#[test]
fn r4_the_situation_and_what_was_tried_are_required() {
    let team = Team::new();
    let err = refused(&team, &referral_with(&["--concern", "--tried", "--wishes"], &[]));
    assert!(err.contains("brukerens/familiens situasjon (bekymringen) mangler (R4) [--concern]"), "{err}");
    assert!(err.contains("hva som er forsøkt tidligere mangler (R4) [--tried]"), "{err}");
    assert!(err.contains("hva som er viktig for brukeren mangler (R4) [--wishes]"), "{err}");
    assert!(err.contains("saken er ikke registrert (3 feil å rette)"), "{err}");
}

#[test]
fn r4_a_guidance_case_needs_no_user_and_no_wishes() {
    let team = Team::new();
    let args = [
        "refer",
        "--today",
        TODAY,
        "--way",
        "guidance",
        "--referrer",
        "Nina Fysio",
        "--unit",
        "fysio-ergo",
        "--concern",
        "Foreldrene er uenige om oppfølgingen.",
        "--tried",
        "Samtaler med begge.",
    ];
    let out = team.rt(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = team.read(&team.case_files()[0]);
    assert!(text.contains("way_in = \"guidance\"") && !text.contains("[user]"), "{text}");
    assert!(!text.contains("bti_level"), "{text}");
}

#[test]
fn r5_violence_is_refused_with_the_instruction_and_nothing_else() {
    let team = Team::new();
    let err = refused(&team, &referral_with(&[], &["--violence"]));
    assert!(
        err.contains("kontakte barnevernet eller politiet direkte, uten at det drøftes med foreldrene først"),
        "{err}"
    );
    assert!(err.contains("(R5)"), "{err}");
    // R5 wins even over a referral that is otherwise incomplete.
    let err = refused(&team, &["refer".to_string(), "--violence".to_string()]);
    assert!(err.contains("(R5)") && !err.contains("mangler"), "{err}");
}

#[test]
fn a_text_mentioning_violence_is_asked_about_not_guessed() {
    let team = Team::new();
    let args = referral_with(&["--concern"], &["--concern", "Ingen mistanke om vold, men mye uro."]);
    let out = team.rt(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "without a terminal R5 must be answered: {}", stderr(&out));
    assert!(stderr(&out).contains("feil: teksten nevner «om vold, men»"), "{}", stderr(&out));
    let args = referral_with(
        &["--concern"],
        &["--concern", "Ingen mistanke om vold, men mye uro.", "--no-violence-concern"],
    );
    let out = team.rt(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn units_must_exist_with_a_suggestion() {
    let team = Team::new();
    let err = refused(&team, &referral_with(&[], &["--unit", "helsestasjn"]));
    assert!(err.contains("ukjent enhet `helsestasjn` [--unit]"), "{err}");
    assert!(err.contains("mente du `helsestasjon`?"), "{err}");
    let err = refused(&team, &referral_with(&["--copy-to"], &["--copy-to", "barnevern,politi"]));
    assert!(err.contains("ukjent enhet `politi` [--copy-to]"), "{err}");
}

#[test]
fn a_standing_member_needs_no_unit_but_others_do() {
    let team = Team::new();
    let args = referral_with(&["--referrer"], &["--referrer", "Ola Utenfor"]);
    let err = refused(&team, &args);
    assert!(err.contains("mangler enheten til den som melder [--unit]"), "{err}");
}

#[test]
fn birth_dates_must_be_plausible() {
    let team = Team::new();
    let err = refused(&team, &referral_with(&["--born"], &["--born", "2027-02-01"]));
    assert!(err.contains("fødselsdatoen er fram i tid [--born]"), "{err}");
    let err = refused(&team, &referral_with(&["--born"], &["--born", "1915-01-01"]));
    assert!(err.contains("fødselsdatoen er mer enn 110 år tilbake [--born]"), "{err}");
    // A malformed date is a command-line error.
    let out = team.rt(referral_with(&["--born"], &["--born", "12.04.2019"])).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn initials_must_be_initials() {
    let team = Team::new();
    for bad in ["Kari", "Kari Nordmann", "A.", "A.B.C.D.E."] {
        let err = refused(&team, &referral_with(&["--initials"], &["--initials", bad]));
        assert!(
            err.contains("initialene skal skrives som A.B. (2–4 bokstaver) [--initials]"),
            "{bad}: {err}"
        );
    }
    // Lower case and missing dots are normalised.
    team.rt(referral_with(&["--initials"], &["--initials", "kn"])).assert().failure();
    team.rt(referral_with(&["--initials"], &["--initials", "k. n."])).assert().success();
    assert!(team.read(&team.case_files()[0]).contains("initials = \"K.N.\""));
}

#[test]
fn a_national_id_in_any_text_is_refused_and_never_echoed() {
    let team = Team::new();
    let fnr = fake_national_id("150690", "123");
    let d_number = fake_national_id("550690", "123");
    let spaced = format!("{} {}", &fnr[..6], &fnr[6..]);
    for (flag, text) in [
        ("--concern", format!("Gutt, fnr {fnr}, bor hos mor.")),
        ("--tried", format!("Se journal {d_number}.")),
        ("--wishes", format!("nr {spaced}")),
        ("--referrer", format!("Kari {fnr}")),
    ] {
        let mut args = referral_with(&[flag], &[]);
        args.extend([flag.to_string(), text.clone()]);
        let err = refused(&team, &args);
        assert!(err.contains("inneholder noe som ligner et fødselsnummer"), "{flag}: {err}");
        assert!(err.contains(&format!("[{flag}]")), "{flag}: {err}");
        assert!(!err.contains(&fnr) && !err.contains(&d_number) && !err.contains(&fnr[6..]), "echoed: {err}");
    }
    // A number with a wrong check digit is not an id.
    let mut wrong = fnr.clone().into_bytes();
    wrong[10] = if wrong[10] == b'9' { b'0' } else { wrong[10] + 1 };
    let wrong = String::from_utf8(wrong).unwrap();
    team.rt(referral_with(&["--concern"], &["--concern", &format!("Sak {wrong}")])).assert().success();
}

#[test]
fn missing_flags_are_all_listed_at_once() {
    let team = Team::new();
    let err = refused(&team, &["refer".to_string(), "--today".into(), TODAY.into()]);
    for flag in [
        "[--way]",
        "[--referrer]",
        "[--unit]",
        "[--initials]",
        "[--born]",
        "[--consent]",
        "[--leader-consulted]",
        "[--concern]",
        "[--tried]",
        "[--wishes]",
    ] {
        assert!(err.contains(flag), "{flag} missing in:\n{err}");
    }
}

/// The meeting a new case file was placed in.
fn meeting_of(team: &Team, out: &std::process::Output) -> String {
    let id = stdout(out).trim().to_string();
    let text = team.read(&format!("cases/2027/{id}.toml"));
    text.lines().find_map(|l| l.strip_prefix("meeting = ")).unwrap_or("none").to_string()
}

#[test]
fn a_new_case_goes_to_the_first_meeting_after_the_deadline_with_room() {
    // The test team meets every third Tuesday from 5 January 2027: 5 and 26 January,
    // 16 February … Referred on 5 January with a 7-day deadline, the first is 26 January.
    let team = Team::new();
    for _ in 0..3 {
        let out = team.rt(valid_referral()).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(meeting_of(&team, &out), "2027-01-26");
        assert!(stderr(&out).contains("Satt opp på møtet tirsdag 2027-01-26."), "{}", stderr(&out));
    }
    let out = team.rt(valid_referral()).output().unwrap();
    assert_eq!(meeting_of(&team, &out), "2027-02-16", "26 January is full");
    let text = team.read(&format!("cases/2027/{}.toml", stdout(&out).trim()));
    assert!(text.contains("status = \"scheduled\""), "{text}");
}

#[test]
fn a_requested_meeting_must_exist_be_open_and_have_room() {
    let team = Team::new();
    let err = refused(&team, &referral_with(&[], &["--meeting", "2027-01-19"]));
    assert!(err.contains("teamet har ikke møte 2027-01-19 [--meeting]"), "{err}");
    assert!(err.contains("neste møter med plass: 2027-01-26, 2027-02-16, 2027-03-09"), "{err}");
    for _ in 0..3 {
        team.rt(referral_with(&[], &["--meeting", "2027-02-16"])).assert().success();
    }
    let err = refused(&team, &referral_with(&[], &["--meeting", "2027-02-16"]));
    assert!(err.contains("møtet er fullt (3 saker) [--meeting]"), "{err}");
    assert!(err.contains("neste møter med plass: 2027-01-26, 2027-03-09"), "{err}");
    // A meeting inside the deadline may be chosen, with a warning.
    let out = team.rt(referral_with(&[], &["--meeting", "2027-01-05"])).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("advarsel: meldefristen er 7 dager før møtet"), "{}", stderr(&out));
    // A held meeting is refused.
    let err =
        refused(&team, &referral_with(&["--today"], &["--today", "2027-01-27", "--meeting", "2027-01-26"]));
    assert!(err.contains("møtet 2027-01-26 er allerede holdt"), "{err}");
}

#[test]
fn a_dry_run_shows_the_file_and_writes_nothing() {
    let team = Team::new();
    let before = team.snapshot();
    let out = team.rt(referral_with(&[], &["--dry-run"])).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("[situation]\nconcern = \"Uro i barnehagen.\""), "{}", stdout(&out));
    assert_eq!(team.snapshot(), before);
}

#[test]
fn english_messages_with_lang_en() {
    let team = Team::new();
    let out = team.rt(referral_with(&["--consent", "--copy-to"], &["--lang", "en"])).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error: the user's consent is missing (R2) [--consent]"), "{err}");
    assert!(err.contains("the case was not registered"), "{err}");
}

#[test]
fn a_broken_config_stops_the_referral_with_its_findings() {
    let team = Team::new();
    team.write("rt.toml", &CONFIG.replace("name = \"Barneverntjenesten\"", "nmae = \"Barneverntjenesten\""));
    let out = team.rt(valid_referral()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("rt.toml:17:1: feil: mangler `units.name`"), "{err}");
    assert!(err.contains("rt.toml:19:1: feil: ukjent nøkkel `units.nmae`"), "{err}");
    assert!(err.contains("feil: rt.toml har 2 feil, så kommandoen stopper"), "{err}");
    assert!(err.contains("mente du `name`?"), "{err}");
    assert!(team.case_files().is_empty());
}

#[test]
fn the_dialogue_asks_for_what_is_missing() {
    let team = Team::new();
    // R5 no; way 1; name (a standing member, so the unit is known); not anonymous;
    // initials; a bad date then a good one; consent yes; copies; leader yes; the texts, each
    // ended by an empty line; no question; no contact persons.
    let answers = "n\n1\nMarit Haugen\nn\nA.B.\n2019-13-01\n2019-04-12\nj\nbarnevern\nj\nUro i barnehagen.\n\nSamtaler.\n\nRo hjemme.\n\n\n\n";
    let out = team
        .rt(["refer", "--today", TODAY])
        .env("RT_INTERACTIVE", "1")
        .write_stdin(answers)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("Gjelder saken mistanke om vold eller seksuelle overgrep?"), "{err}");
    assert!(err.contains("skriv datoen som ÅÅÅÅ-MM-DD"), "a bad answer is explained: {err}");
    assert!(!err.contains("Din enhet") && !err.contains("BTI-nivå"), "nothing known is asked: {err}");
    let text = team.read(&team.case_files()[0]);
    assert!(text.contains("unit = \"helsestasjon\"") && text.contains("units = [\"barnevern\"]"), "{text}");
}

#[test]
fn the_dialogue_refuses_at_once_on_violence_and_aborts_cleanly_at_end_of_input() {
    let team = Team::new();
    let out = team.rt(["refer"]).env("RT_INTERACTIVE", "1").write_stdin("ja\n").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("(R5)"));
    let out = team.rt(["refer"]).env("RT_INTERACTIVE", "1").write_stdin("n\n1\n").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("avbrutt; ingenting er skrevet"), "{}", stderr(&out));
    assert!(team.case_files().is_empty());
}

#[test]
fn without_a_terminal_nothing_is_asked() {
    let team = Team::new();
    let out = team.rt(["refer", "--today", TODAY]).write_stdin("n\n").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).contains("Gjelder saken mistanke"), "{}", stderr(&out));
}

#[test]
fn the_team_language_setting_gives_english_and_the_flag_beats_it() {
    let team = Team::new();
    team.write(
        "rt.toml",
        &CONFIG.replace("team = \"Ressursteam Testby\"", "team = \"Ressursteam Testby\"\nlanguage = \"en\""),
    );
    let out = team.rt(valid_referral()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("The case is registered:"), "{}", stderr(&out));
    let out = team.rt(referral_with(&["--tried"], &[])).output().unwrap();
    assert!(
        stderr(&out).contains("error: what has been tried is missing (R4) [--tried]"),
        "{}",
        stderr(&out)
    );
    let out = team.rt(referral_with(&["--tried"], &["--lang", "nb"])).output().unwrap();
    assert!(
        stderr(&out).contains("feil: hva som er forsøkt tidligere mangler (R4) [--tried]"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_bti_level_given_is_the_level_confirmed() {
    let team = Team::new();
    let out = team.rt(referral_with(&[], &["--bti-level", "2"])).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("(BTI nivå 2, Helsestasjon og skolehelsetjeneste)"), "{}", stderr(&out));
    let out = team.rt(valid_referral()).output().unwrap();
    assert!(stderr(&out).contains("(BTI nivå 1, Helsestasjon og skolehelsetjeneste)"), "{}", stderr(&out));
}
