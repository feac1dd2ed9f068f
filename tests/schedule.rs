//! `rt schedule`: the half-year's meetings on the demo folder, the calendar export read back
//! by an independent parser, and the leader's publish, cancel and move.

use crate::common::*;
use serde_json::Value;

fn json(team: &Team, args: &[&str]) -> Value {
    let mut all = vec!["schedule", "--format", "json"];
    all.extend(args);
    let out = team.rt(&all).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn dates(schedule: &Value) -> Vec<String> {
    schedule["meetings"].as_array().unwrap().iter().map(|m| m["date"].as_str().unwrap().to_string()).collect()
}

#[test]
fn the_demo_2027h1_avoids_easter_ascension_whit_monday_and_school_holidays() {
    let team = Team::demo();
    let out = team.rt(["schedule", "--half", "2027H1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for day in
        ["2027-03-25", "2027-03-26", "2027-03-27", "2027-03-28", "2027-03-29", "2027-05-06", "2027-05-17"]
    {
        assert!(!text.contains(day), "{day} in\n{text}");
    }
    assert!(text.contains("2027-02-23  tirsdag  –            utgår  Vinterferie"), "{text}");
    let s = json(&team, &["--half", "2027H1"]);
    let d = dates(&s);
    assert_eq!(d, ["2027-01-12", "2027-02-02", "2027-03-16", "2027-04-06", "2027-05-18", "2027-06-08"]);
    // None in a school-holiday week: vinterferie is ISO week 8, påskeferie 22–29 March,
    // sommerferie from 19 June; the planning day 27 April is closed too.
    for m in &d {
        let date = chrono::NaiveDate::parse_from_str(m, "%Y-%m-%d").unwrap();
        use chrono::Datelike;
        assert_ne!(date.iso_week().week(), 8, "{m}");
        assert!(!(m.as_str() >= "2027-03-22" && m.as_str() <= "2027-03-29"), "{m}");
        assert!(m.as_str() < "2027-06-19", "{m}");
    }
    let skipped: Vec<&str> =
        s["skipped"].as_array().unwrap().iter().map(|k| k["reason"].as_str().unwrap()).collect();
    assert_eq!(skipped, ["Vinterferie", "stengt dag", "Sommerferie"]);
    // The case placed in January shows with its id and unit only.
    assert_eq!(s["meetings"][0]["cases"][0]["id"], "2026-11-23-6qqb");
    assert_eq!(s["meetings"][0]["cases"][0]["unit"], "fysio-ergo");
    assert_eq!(s["meetings"][0]["cases"][0].as_object().unwrap().len(), 2);
}

#[test]
fn the_current_half_is_the_default_and_published_dates_show_so() {
    let team = Team::demo();
    let out = team.rt(["schedule", "--today", "2026-11-23"]).output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("møter 2026H2 (publisert 2026-06-10)"), "{text}");
    assert!(
        text.contains("2026-12-08  tirsdag  12:30–14:00  3/3    2026-11-16-mcax (psykisk-helse-rus)"),
        "{text}"
    );
    assert!(!text.contains("E.N.") && !text.contains("K.B."), "no user data: {text}");
}

#[test]
fn the_calendar_parses_back_with_stable_uids_and_utc_times() {
    let team = Team::demo();
    let out = team
        .rt(["schedule", "--half", "2027H1", "--format", "ics", "--today", "2026-11-23"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.lines().count() > 10 && text.contains("\r\n"), "RFC 5545 lines end in CRLF");
    let parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendars: Vec<_> = parser.collect::<Result<_, _>>().expect("a valid calendar");
    assert_eq!(calendars.len(), 1);
    let events = &calendars[0].events;
    assert_eq!(events.len(), 6);
    let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
        e.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
    };
    let first = &events.iter().find(|e| prop(e, "DTSTART").starts_with("20270112")).expect("12 January");
    assert_eq!(prop(first, "DTSTART"), "20270112T113000Z", "12:30 in Oslo is 11:30 UTC in winter");
    assert_eq!(prop(first, "DTEND"), "20270112T130000Z");
    assert_eq!(prop(first, "SUMMARY"), "Ressursteam Familiesenteret i Eikvik");
    assert!(prop(first, "LOCATION").starts_with("Møterom Fjorden"));
    assert_eq!(prop(first, "SEQUENCE"), "0");
    assert_eq!(prop(first, "STATUS"), "CONFIRMED");
    assert_eq!(prop(first, "DTSTAMP"), "20261123T000000Z");
    let june = events.iter().find(|e| prop(e, "DTSTART").starts_with("20270608")).unwrap();
    assert_eq!(prop(june, "DTSTART"), "20270608T103000Z", "summer time");
    // Exporting again gives the same UIDs, so calendars update rather than duplicate.
    let again = team
        .rt(["schedule", "--half", "2027H1", "--format", "ics", "--today", "2026-11-23"])
        .output()
        .unwrap();
    assert_eq!(stdout(&again), text);
    let uids: std::collections::BTreeSet<String> = events.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids.len(), 6);
    // No case and no person in the calendar.
    assert!(!text.contains("2026-11-23-6qqb") && !text.contains("K.B.") && !text.contains("Hanne"), "{text}");
}

#[test]
fn publish_fixes_the_dates_against_later_rule_changes() {
    let team = Team::demo();
    let out =
        team.rt(["schedule", "--publish", "--half", "2027H1", "--today", "2026-11-23"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("Publisert: meetings/2027H1.toml (6 møter)"), "{}", stderr(&out));
    let file = team.read("meetings/2027H1.toml");
    assert!(file.contains("published = 2026-11-23") && file.contains("date = 2027-01-12"), "{file}");
    // The leader changes the weekday: the published half-year stays, an unpublished one moves.
    team.write("rt.toml", &team.read("rt.toml").replace("weekday = \"tirsdag\"", "weekday = \"onsdag\""));
    assert_eq!(dates(&json(&team, &["--half", "2027H1"]))[0], "2027-01-12");
    assert_eq!(dates(&json(&team, &["--half", "2027H2"]))[0], "2027-08-18");
    // Publishing twice is refused.
    let out = team.rt(["schedule", "--publish", "--half", "2027H1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("2027H1 er allerede publisert"), "{}", stderr(&out));
}

#[test]
fn cancelling_moves_the_cases_to_the_next_meeting_with_room() {
    let team = Team::demo();
    let before = team.rt(["check", "--today", "2026-11-23"]).output().unwrap();
    assert_eq!(before.status.code(), Some(0));
    let out = team
        .rt([
            "schedule",
            "--cancel",
            "2026-12-08",
            "--reason",
            "Kurs for hele teamet",
            "--today",
            "2026-11-23",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // 2026-12-08 held three cases; the next meeting (12 January) had one case, so room for two;
    // the third goes on to 2 February.
    assert_eq!(
        stdout(&out),
        "2026-11-16-mcax: 2026-12-08 → 2027-01-12\n2026-11-19-kefo: 2026-12-08 → 2027-01-12\n2026-11-20-ung2: 2026-12-08 → 2027-02-02\n"
    );
    assert!(stderr(&out).contains("Møtet 2026-12-08 er avlyst (Kurs for hele teamet). 3 saker flyttet."));
    let file = team.read("meetings/2026H2.toml");
    assert!(file.contains("cancelled = \"Kurs for hele teamet\""), "{file}");
    assert!(file.contains("# Ressursteamets faste møter i 2026H2"), "the file's comments stay: {file}");
    assert!(team.read("cases/2026/2026-11-20-ung2.toml").contains("meeting = 2027-02-02"));
    // The calendar says the meeting is cancelled, with a higher SEQUENCE, under the same UID.
    let ics = stdout(&team.rt(["schedule", "--format", "ics", "--today", "2026-11-23"]).output().unwrap());
    let event = ics.split("BEGIN:VEVENT").find(|e| e.contains("DTSTART:20261208")).unwrap();
    assert!(event.contains("STATUS:CANCELLED") && event.contains("SEQUENCE:1"), "{event}");
    assert!(event.contains("UID:20261208-"), "{event}");
    // A new referral cannot take the cancelled meeting.
    let out = team
        .rt(referral_with(&["--today"], &["--today", "2026-11-23", "--meeting", "2026-12-08"]))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("møtet 2026-12-08 er avlyst (Kurs for hele teamet)"), "{}", stderr(&out));
    team.rt(["check", "--today", "2026-11-23"]).assert().success();
}

#[test]
fn moving_a_meeting_takes_its_cases_along() {
    let team = Team::demo();
    let out = team
        .rt(["schedule", "--move", "2026-12-08", "--to", "2026-12-10", "--today", "2026-11-23"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("2026-11-16-mcax: 2026-12-08 → 2026-12-10"));
    let file = team.read("meetings/2026H2.toml");
    assert!(file.contains("date = 2026-12-10") && file.contains("moved_from = 2026-12-08"), "{file}");
    assert!(file.contains("uid = \"20261208-"), "the UID stays: {file}");
    let s = json(&team, &["--half", "2026H2"]);
    let moved = s["meetings"].as_array().unwrap().iter().find(|m| m["date"] == "2026-12-10").unwrap();
    assert_eq!(moved["sequence"], 1);
    assert_eq!(moved["placed"], 3);
    team.rt(["check", "--today", "2026-11-23"]).assert().success();

    // Not onto a holiday, not out of the half-year, not onto another meeting.
    let refuse = |to: &str, why: &str| {
        let out = team
            .rt(["schedule", "--move", "2026-12-10", "--to", to, "--today", "2026-11-23"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{to}");
        if why.ends_with('\n') {
            assert_eq!(stderr(&out), why, "{to}");
        } else {
            assert!(stderr(&out).contains(why), "{to}: {}", stderr(&out));
        }
    };
    refuse("2026-12-25", "(1. juledag)");
    refuse("2027-01-05", "kan bare flyttes innenfor halvåret 2026H2");
    refuse(
        "2026-11-17",
        "feil: 2026-11-17 er før i dag (2026-11-23); et møte kan bare flyttes til en dag som kommer\n\
         hjelp: velg en dato fra 2026-11-23 av\n",
    );
    // A meeting already held is neither cancelled nor moved.
    for args in
        [["--cancel", "2026-11-17", "--reason", "syk"], ["--move", "2026-11-17", "--to", "2026-12-01"]]
    {
        let out = team.rt([&["schedule"][..], &args, &["--today", "2026-11-23"]].concat()).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&out),
            "feil: møtet 2026-11-17 er allerede holdt, og kan ikke avlyses eller flyttes\n\
             hjelp: et holdt møte står som det var; det som ble gjort for en sak der, føres med `rt record`\n",
            "{args:?}"
        );
    }
    team.rt(["schedule", "--publish", "--half", "2027H1", "--today", "2026-11-23"]).assert().success();
    let out = team
        .rt(["schedule", "--move", "2027-01-12", "--to", "2027-02-02", "--today", "2026-11-23"])
        .output()
        .unwrap();
    assert!(stderr(&out).contains("det er allerede et møte 2027-02-02"), "{}", stderr(&out));
}

#[test]
fn cancel_and_move_need_a_published_half_year_and_a_real_meeting() {
    let team = Team::demo();
    let out = team
        .rt(["schedule", "--cancel", "2027-01-12", "--reason", "x", "--today", "2026-11-23"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("publiser først: `rt schedule --publish --half 2027H1`"),
        "{}",
        stderr(&out)
    );
    let out = team
        .rt(["schedule", "--cancel", "2026-12-09", "--reason", "x", "--today", "2026-11-23"])
        .output()
        .unwrap();
    assert_eq!(
        stderr(&out),
        "feil: teamet har ikke møte 2026-12-09\nhjelp: kommende møter: 2026-12-08 (se `rt schedule`)\n"
    );
    let out = team.rt(["schedule", "--cancel", "2026-12-08"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "--cancel needs --reason");
}

#[test]
fn check_reports_meetings_on_holidays_and_cases_in_cancelled_or_unknown_meetings() {
    let team = Team::demo();
    let meetings = team.read("meetings/2026H2.toml");
    team.write(
        "meetings/2026H2.toml",
        &meetings.replace("date = 2026-11-17", "date = 2026-12-24").replace(
            "date = 2026-10-27\nstart = \"12:30\"",
            "date = 2026-10-27\ncancelled = \"Sykdom\"\nstart = \"12:30\"",
        ),
    );
    let case = team.read("cases/2026/2026-11-19-kefo.toml");
    team.write(
        "cases/2026/2026-11-19-kefo.toml",
        &case.replace("meeting = 2026-12-08", "meeting = 2026-12-01"),
    );
    let case = team.read("cases/2026/2026-11-20-ung2.toml");
    team.write(
        "cases/2026/2026-11-20-ung2.toml",
        &case.replace("meeting = 2026-12-08", "meeting = 2026-10-27"),
    );
    team.write("meetings/2027-vår.toml", &meetings.replace("date = 2026-12-08", "date = 2026-12-15"));
    let out = team.rt(["check", "--today", "2026-11-23"]).output().unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("meetings/2026H2.toml:43:8: feil: møtet er på en dag teamet ikke møtes (Juleferie)"),
        "{text}"
    );
    assert!(
        text.contains("cases/2026/2026-11-19-kefo.toml:9:11: feil: teamet har ikke møte 2026-12-01"),
        "{text}"
    );
    assert!(
        text.contains("meetings/2027-vår.toml:6:8: feil: filnavnet stemmer ikke med halvåret 2026H2"),
        "{text}"
    );
    assert!(
        text.contains("cases/2026/2026-11-20-ung2.toml:9:11: feil: møtet 2026-10-27 er avlyst (Sykdom)"),
        "{text}"
    );
    // A case discussed in a meeting that was later marked cancelled is history, not an error.
    assert!(!text.contains("2026-10-13-pbtn"), "{text}");
}

#[test]
fn check_reports_a_meeting_over_capacity() {
    let team = Team::demo();
    let case = team.read("cases/2026/2026-11-23-6qqb.toml");
    team.write(
        "cases/2026/2026-11-23-6qqb.toml",
        &case.replace("meeting = 2027-01-12", "meeting = 2026-12-08"),
    );
    let out = team.rt(["check", "--today", "2026-11-23"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains(
            "cases/2026/2026-11-23-6qqb.toml:9:11: feil: møtet 2026-12-08 har 4 saker, men plass til 3"
        ),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_new_referral_on_the_demo_lands_in_the_right_meeting() {
    let team = Team::demo();
    // Referred 23 November 2026: the deadline puts it on or after 30 November; 8 December is
    // full, so 12 January 2027 (one case, room for two).
    let out = team.rt(referral_with(&["--today"], &["--today", "2026-11-23"])).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    assert!(team.read(&format!("cases/2026/{id}.toml")).contains("meeting = 2027-01-12"));
    assert!(stderr(&out).contains("Satt opp på møtet tirsdag 2027-01-12."), "{}", stderr(&out));
}

#[test]
fn the_calendar_can_be_written_to_a_file() {
    let team = Team::demo();
    let path = team.path("eikvik.ics");
    let out = team
        .rt(["schedule", "--half", "2027H1", "--format", "ics", "--out", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
    assert!(std::fs::read_to_string(path).unwrap().starts_with("BEGIN:VCALENDAR\r\n"));
}

#[test]
fn a_half_year_without_school_holidays_is_warned_about_until_published() {
    let team = Team::demo();
    let warning = "advarsel: rt.toml har ingen skoleferier i 2028H1";
    let out = team.rt(["schedule", "--half", "2028H1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains(warning), "{}", stderr(&out));
    assert!(stderr(&out).contains("[[school_holidays]]"), "{}", stderr(&out));
    // The demo's 2027H1 has its holidays; no warning.
    let out = team.rt(["schedule", "--half", "2027H1"]).output().unwrap();
    assert!(!stderr(&out).contains("skoleferier"), "{}", stderr(&out));
    // Publishing warns once more; after that the dates are fixed and the warning is done.
    let out = team.rt(["schedule", "--half", "2028H1", "--publish"]).output().unwrap();
    assert!(stderr(&out).contains(warning), "{}", stderr(&out));
    let out = team.rt(["schedule", "--half", "2028H1"]).output().unwrap();
    assert!(!stderr(&out).contains(warning), "{}", stderr(&out));
}
