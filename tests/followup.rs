//! After the meeting (R13, R14): a BTI level-2 case walked from referral through the meeting
//! into a follow-up plan with two goals and three measures, a hand-over proposed and
//! accepted, log entries, an evaluation and a close; `rt frister` on chosen days; the
//! stafettlogg as a document; consent checked when a service joins.

use crate::common::*;

const BANK: &str = r#"schema = 1

[[measures]]
id = "foreldreveiledning-icdp"
name = "Foreldreveiledning (ICDP)"
unit = "helsestasjon"
access = "open"
age_min = 0
age_max = 18

[[measures]]
id = "hjemmebasert-veiledning"
name = "Hjemmebasert foreldreveiledning"
unit = "barnevern"
access = "via-team"
age_min = 0
age_max = 18

[[measures]]
id = "fysioterapi-barn"
name = "Fysioterapi for barn"
unit = "fysio-ergo"
access = "open"
age_min = 0
age_max = 18
"#;

/// A decided BTI case lifted to level 2; returns the team and the case id.
fn decided_case() -> (Team, String) {
    let team = Team::new();
    team.write("tiltaksbank.toml", BANK);
    let out = team.rt(referral_with(&[], &["--copy-to", "fysio-ergo"])).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    let ok = |args: &[&str]| {
        let out = team.rt(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        stderr(&out)
    };
    ok(&[
        "record",
        &id,
        "--today",
        "2027-01-27",
        "--level2",
        "--propose",
        "foreldreveiledning-icdp,hjemmebasert-veiledning",
        "--assessment",
        "Trenger samordnet hjelp.",
        "--next-step",
        "Instansmøte.",
        "--coordinator",
        "Marit Haugen",
    ]);
    ok(&[
        "decide",
        &id,
        "--today",
        "2027-02-01",
        "--accept",
        "foreldreveiledning-icdp,hjemmebasert-veiledning",
    ]);
    (team, id)
}

#[test]
fn a_level_two_case_from_the_decision_through_the_follow_up_to_its_close() {
    let (team, id) = decided_case();
    let run = |args: &[&str]| team.rt(args).output().unwrap();
    let ok = |args: &[&str]| {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        stderr(&out)
    };
    // The plan: two goals, three measures (the third from the tiltaksbank), a service joining.
    assert!(
        ok(&["plan", &id, "--today", "2027-02-02", "--goal", "Trygg hverdag hjemme"])
            .contains("Mål 1 er satt.")
    );
    ok(&["plan", &id, "--today", "2027-02-02", "--goal", "Barnet trives i barnehagen"]);
    ok(&[
        "plan",
        &id,
        "--today",
        "2027-02-02",
        "--measure",
        "foreldreveiledning-icdp",
        "--responsible",
        "Nina Berg",
        "--evaluate",
        "2027-03-15",
        "--goal",
        "1",
    ]);
    ok(&[
        "plan",
        &id,
        "--today",
        "2027-02-02",
        "--measure",
        "hjemmebasert-veiledning",
        "--responsible",
        "Ola Vik",
        "--evaluate",
        "2027-04-15",
        "--goal",
        "1",
    ]);
    ok(&[
        "plan",
        &id,
        "--today",
        "2027-02-02",
        "--measure",
        "fysioterapi-barn",
        "--responsible",
        "Per Fysio",
        "--evaluate",
        "2027-03-20",
        "--goal",
        "2",
    ]);
    ok(&[
        "plan",
        &id,
        "--today",
        "2027-02-02",
        "--participant",
        "fysio-ergo",
        "--task",
        "Motorisk kartlegging",
    ]);
    // A goal that is not there, and a service the consent does not cover, are refused.
    let before = team.snapshot();
    let out = run(&[
        "plan",
        &id,
        "--today",
        "2027-02-02",
        "--measure",
        "fysioterapi-barn",
        "--responsible",
        "Per",
        "--evaluate",
        "2027-03-20",
        "--goal",
        "3",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("det finnes ikke noe mål nummer 3 (planen har 2) [--goal]"),
        "{}",
        stderr(&out)
    );
    let out = run(&[
        "plan",
        &id,
        "--today",
        "2027-02-02",
        "--participant",
        "nav",
        "--task",
        "Økonomisk rådgivning",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "feil: samtykket omfatter ikke `nav` (R2)\nhjelp: innhent brukerens samtykke til at `nav` er med, skriv enheten under `units` i [consent] i saksfilen (og ny `date`), og prøv igjen\n"
    );
    assert_eq!(
        team.snapshot().into_iter().filter(|(k, _)| k != ".rt.lock").collect::<Vec<_>>(),
        before.into_iter().filter(|(k, _)| k != ".rt.lock").collect::<Vec<_>>()
    );

    // The stafett: proposed, not yet held by the new one; accepted, held.
    ok(&["stafett", &id, "--today", "2027-02-10", "--to", "Per Hansen"]);
    let list = |holder: &str| stdout(&run(&["list", "--holder", holder, "--format", "json"]));
    assert!(list("Marit Haugen").contains(&id), "until accepted the old holder holds it");
    assert!(!list("Per Hansen").contains(&id));
    let out = run(&["frister", "--today", "2027-02-11", "--holder", "Per Hansen", "--format", "json"]);
    let due: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(due.as_array().unwrap().len(), 1, "{due}");
    assert_eq!(due[0]["kind"], "handover");
    assert_eq!(due[0]["command"], format!("rt stafett {id} --accept"));
    ok(&["stafett", &id, "--today", "2027-02-11", "--accept"]);
    assert!(list("Per Hansen").contains(&id));
    assert!(!list("Marit Haugen").contains(&id));

    // The log: short dated entries; a national id is refused like in every other text.
    ok(&["logg", &id, "Samtale med mor; nytt møte avtalt.", "--by", "Per Hansen", "--today", "2027-02-20"]);
    ok(&[
        "logg",
        &id,
        "Instansmøte holdt.",
        "--by",
        "Per Hansen",
        "--date",
        "2027-02-25",
        "--today",
        "2027-02-26",
    ]);
    let number = fake_national_id("150315", "500");
    let out = run(&["logg", &id, &format!("Fnr {number}"), "--by", "Per Hansen", "--today", "2027-02-26"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).contains(&number));

    // What is due on 2027-03-14, a week ahead: the two evaluations of March, nothing else.
    let out = run(&["frister", "--today", "2027-03-14", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let due: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        due,
        serde_json::json!([
            {
                "date": "2027-03-15", "overdue": false, "kind": "evaluation", "case": id, "meeting": null,
                "measure": "foreldreveiledning-icdp", "holder": "Per Hansen",
                "what": format!("Evaluer tiltaket foreldreveiledning-icdp i {id}"),
                "command": format!("rt plan {id} --evaluated foreldreveiledning-icdp --result continue|change|stop --note …")
            },
            {
                "date": "2027-03-20", "overdue": false, "kind": "evaluation", "case": id, "meeting": null,
                "measure": "fysioterapi-barn", "holder": "Per Hansen",
                "what": format!("Evaluer tiltaket fysioterapi-barn i {id}"),
                "command": format!("rt plan {id} --evaluated fysioterapi-barn --result continue|change|stop --note …")
            }
        ])
    );
    ok(&[
        "plan",
        &id,
        "--today",
        "2027-03-15",
        "--evaluated",
        "foreldreveiledning-icdp",
        "--result",
        "continue",
        "--note",
        "Går bra.",
    ]);
    let out = run(&["frister", "--today", "2027-03-15", "--format", "json"]);
    let due: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let measures: Vec<&str> = due.as_array().unwrap().iter().filter_map(|d| d["measure"].as_str()).collect();
    assert_eq!(measures, ["fysioterapi-barn"], "the evaluated one is done");

    // The close: with the follow-up's reason; the log goes to the archive.
    let out = run(&["close", &id, "--today", "2027-06-01"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("saken er i oppfølging; si hvorfor oppfølgingen slutter"),
        "{}",
        stderr(&out)
    );
    let said = ok(&["close", &id, "--today", "2027-06-01", "--reason", "goal-reached"]);
    assert!(
        said.contains(
            "Oppfølgingen er avsluttet (målet er nådd). Stafettloggen arkiveres hos enheten som meldte saken"
        ),
        "{said}"
    );
    let out = run(&["logg", &id, "Etterpå.", "--by", "Per Hansen", "--today", "2027-06-02"]);
    assert_eq!(out.status.code(), Some(1), "an ended log takes no more entries");
    let check = run(&["check", "--today", "2027-06-02"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));

    // The half-year report's further-work facts (R12), small numbers shown for the count.
    team.write("rt.toml", &format!("{}small_numbers = false\n", team.read("rt.toml")));
    let report = |today: &str| -> serde_json::Value {
        let out = run(&["report", "--current", "--format", "json", "--today", today]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["current"].clone()
    };
    let facts = |r: &serde_json::Value| {
        ["in_follow_up", "with_stafettlogg", "evaluations_due", "evaluations_on_time", "followups_ended"]
            .map(|k| r[k].as_i64().unwrap())
    };
    // Looking back to 16 March: in follow-up with a log, one evaluation due and held on time.
    assert_eq!(facts(&report("2027-03-16")), [1, 1, 1, 1, 0]);
    // At the close: all three evaluations were due, one held on time; ended with the goal reached.
    let june = report("2027-06-02");
    assert_eq!(facts(&june), [0, 0, 3, 1, 1]);
    assert_eq!(june["ended_by_reason"][0], serde_json::json!(["goal-reached", 1]));

    // The stafettlogg as documents (the user named: the consent holds).
    let md = stdout(&run(&["logg", &id, "--format", "md", "--today", "2027-06-02"]));
    insta::assert_snapshot!("stafettlogg_md", md.replace(&id, "ID"));
    let html = stdout(&run(&["logg", &id, "--format", "html", "--lang", "en", "--today", "2027-06-02"]));
    insta::assert_snapshot!("stafettlogg_html_en", html.replace(&id, "ID"));
    let text = stdout(&run(&["logg", &id, "--today", "2027-06-02"]));
    assert!(
        text.contains("Stafettholder:   Per Hansen")
            && text.contains("Avsluttet:       2027-06-01: målet er nådd"),
        "{text}"
    );
}

#[test]
fn a_follow_up_waits_for_the_decision() {
    let team = Team::new();
    let out = team.rt(valid_referral()).output().unwrap();
    let id = stdout(&out).trim().to_string();
    let out = team.rt(["plan", &id, "--goal", "Noe", "--today", TODAY]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("feil: oppfølgingen starter etter brukerens beslutning; saken er satt opp"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn what_is_due_for_the_leader_as_a_calendar_without_a_name_in_it() {
    let (team, id) = decided_case();
    let ok = |args: &[&str]| {
        let out = team.rt(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        out
    };
    ok(&[
        "plan",
        &id,
        "--today",
        "2027-02-02",
        "--measure",
        "foreldreveiledning-icdp",
        "--responsible",
        "Nina Berg",
        "--evaluate",
        "2027-03-15",
    ]);
    ok(&["stafett", &id, "--today", "2027-02-10", "--to", "Per Hansen"]);
    // A second case placed in the meeting of 2027-03-09 needs an invitation.
    ok(&referral_with(&["--today", "--initials"], &["--today", "2027-02-14", "--initials", "C.D."])
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>());
    let out = ok(&["frister", "--today", "2027-03-01", "--within", "14", "--format", "ics"]);
    let text = stdout(&out);
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let cal = parser.next().expect("a calendar").expect("it parses");
    let summaries: Vec<String> = cal
        .events
        .iter()
        .map(|e| e.properties.iter().find(|p| p.name == "SUMMARY").and_then(|p| p.value.clone()).unwrap())
        .collect();
    assert_eq!(
        summaries,
        [
            format!("rt: Ta imot (eller avslå) stafetten i {id}"),
            "rt: Send innkallingen til møtet 2027-03-09 (1 sak)".to_string(),
            format!("rt: Evaluer tiltaket foreldreveiledning-icdp i {id}"),
        ]
    );
    for e in &cal.events {
        let prop = |name: &str| e.properties.iter().find(|p| p.name == name).unwrap();
        let (start, end) = (prop("DTSTART"), prop("DTEND"));
        for p in [start, end] {
            assert_eq!(
                p.params.as_ref().unwrap()[0],
                ("VALUE".to_string(), vec!["DATE".to_string()]),
                "all-day"
            );
        }
        // One day long: DTEND is the day after (RFC 5545 3.6.1).
        let day = |p: &ical::property::Property| {
            chrono::NaiveDate::parse_from_str(p.value.as_deref().unwrap(), "%Y%m%d").unwrap()
        };
        assert_eq!(day(end), day(start).succ_opt().unwrap(), "{text}");
    }
    for private in ["A.B.", "C.D.", "2019-04-12", "Uro i barnehagen"] {
        assert!(!text.contains(private), "{private} in the calendar");
    }
    assert_eq!(cal.events.len(), 3, "{text}");
}

#[test]
fn after_a_withdrawal_nothing_is_written_on_the_identified_case_until_it_is_anonymous_or_closed() {
    let (team, id) = decided_case();
    let run = |args: &[&str]| team.rt(args).output().unwrap();
    let ok = |args: &[&str]| {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        stderr(&out)
    };
    ok(&["plan", &id, "--today", "2027-02-02", "--goal", "Trygg hverdag hjemme"]);
    ok(&["consent", &id, "--withdraw", "--today", "2027-02-10"]);
    let rel = format!("cases/2027/{id}.toml");
    let before = team.read(&rel);
    let refusal = format!(
        "feil: samtykket i sak {id} ble trukket tilbake 2027-02-10: ingenting med brukerens identitet kan lagres etter det (R2)\nhjelp: `rt consent {id} --then anonymous` fjerner identiteten og drøfter saken videre anonymt; `rt consent {id} --then close` avslutter den\n"
    );
    for args in [
        &["plan", &id, "--today", "2027-02-11", "--goal", "Nytt mål"][..],
        &["logg", &id, "Ringte mor.", "--by", "Marit Haugen", "--today", "2027-02-11"],
        &["stafett", &id, "--to", "Ola Vik", "--today", "2027-02-11"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), refusal, "{args:?}");
        assert_eq!(team.read(&rel), before, "{args:?} wrote nothing");
    }
    // Going on anonymously, the follow-up goes on.
    ok(&["consent", &id, "--then", "anonymous", "--today", "2027-02-11"]);
    ok(&["logg", &id, "Ringte mor.", "--by", "Marit Haugen", "--today", "2027-02-11"]);
    // And the coordinator can end it: the user ended it.
    ok(&["close", &id, "--reason", "user-ended", "--today", "2027-02-12"]);
}

#[test]
fn a_follow_up_whose_consent_was_withdrawn_can_be_closed() {
    let (team, id) = decided_case();
    let ok = |args: &[&str]| {
        let out = team.rt(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    };
    ok(&["plan", &id, "--today", "2027-02-02", "--goal", "Trygg hverdag hjemme"]);
    ok(&["consent", &id, "--withdraw", "--today", "2027-02-10"]);
    ok(&["close", &id, "--reason", "user-ended", "--today", "2027-02-11"]);
    let text = team.read(&format!("cases/2027/{id}.toml"));
    assert!(text.contains("status = \"closed\""), "{text}");
}
