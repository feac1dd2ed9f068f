//! The dates of a case's meeting and outcome: a meeting a year or more ahead is a typo that
//! `rt check` flags; an outcome is dated with a meeting the case was in — `rt record --date`
//! refuses a day before the case's meeting, or (in a published half-year) a day without a
//! meeting, and names the meetings that fit; `rt check` flags an outcome before the meeting.

use crate::common::*;

const ID: &str = "2027-01-05-aaaa";
const REL: &str = "cases/2027/2027-01-05-aaaa.toml";

fn run(team: &Team, args: &[&str]) -> std::process::Output {
    team.rt(args).output().unwrap()
}

/// A case placed in the meeting of 9 March 2027, the half-year published.
fn team() -> Team {
    let team = Team::new();
    let out = run(&team, &["schedule", "--publish", "--half", "2027H1", "--today", "2026-12-01"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    team.write(REL, &scheduled_case(ID, "2027-03-09"));
    team
}

fn record(team: &Team, date: &str) -> std::process::Output {
    run(
        team,
        &[
            "record",
            ID,
            "--date",
            date,
            "--today",
            "2027-03-24",
            "--assessment",
            "Vurdert.",
            "--next-step",
            "Ring.",
        ],
    )
}

#[test]
fn an_outcome_before_the_case_s_meeting_or_on_no_meeting_is_refused_naming_the_meetings_that_fit() {
    let team = team();
    let before = team.read(REL);
    let out = record(&team, "2027-01-20");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "feil: utfallet er datert 2027-01-20, før sakens møte 2027-03-09\n\
         hjelp: møter som passer: 2027-03-09; bruk --date med ett av dem\n"
    );
    let out = record(&team, "2027-03-10");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "feil: teamet hadde ikke møte 2027-03-10: utfallet dateres med møtet der saken ble drøftet\n\
         hjelp: møter som passer: 2027-03-09; bruk --date med ett av dem\n"
    );
    assert_eq!(team.read(REL), before, "nothing written");
    // A cancelled meeting is no meeting either.
    let out =
        run(&team, &["schedule", "--cancel", "2027-03-30", "--reason", "Sykdom", "--today", "2027-03-20"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = record(&team, "2027-03-30");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("feil: teamet hadde ikke møte 2027-03-30"), "{}", stderr(&out));
    assert_eq!(team.read(REL), before, "nothing written");
    let out = record(&team, "2027-03-09");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(team.read(REL).contains("[outcome]\ndate = 2027-03-09\n"), "{}", team.read(REL));
}

#[test]
fn check_flags_a_meeting_far_ahead_and_an_outcome_before_the_meeting() {
    let team = team();
    team.write(REL, &scheduled_case(ID, "9999-05-11"));
    let out = run(&team, &["check", "--today", "2027-01-20"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(&format!(
            "{REL}:6:11: feil: datoen 9999-05-11 er før saken ble meldt eller mer enn ett år fram i tid\n  hjelp: bruk en dato fra 2027-01-05 til 2028-01-20\n"
        )),
        "{}",
        stdout(&out)
    );
    let discussed = scheduled_case(ID, "2027-03-09")
        .replace("status = \"scheduled\"", "status = \"discussed\"")
        + "\n[outcome]\ndate = 2027-01-20\nassessment = \"Vurdert.\"\nnext_step = \"Ring.\"\n";
    team.write(REL, &discussed);
    let out = run(&team, &["check", "--today", "2027-03-24"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(&format!(
            "{REL}:29:8: feil: utfallet er datert 2027-01-20, før sakens møte 2027-03-09\n  hjelp: dater utfallet 2027-03-09 eller senere, med møtet der saken ble drøftet\n"
        )),
        "{}",
        stdout(&out)
    );
}
