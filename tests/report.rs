//! `rt report`: every figure over a generated folder with known counts, the comparison with
//! the previous half-year, the small-number rule, anonymised cases, the team's notes,
//! snapshots of the demo report, and the HTML printed by a real headless Chromium.

mod common;

use chrono::NaiveDate;
use common::*;
use rt::model::{
    Case, CaseId, Consent, ConsentBy, Decision, Outcome, Proposal, Referrer, Situation, Status, User, WayIn,
};
use serde_json::{Value, json};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// How a case was discussed: the meeting, the proposals (measure, owner unit), level 2.
type Discussed = (&'static str, &'static [(&'static str, &'static str)], bool);

/// A case with just what the report reads.
struct Spec {
    id: &'static str,
    way: WayIn,
    unit: &'static str,
    user: User,
    discussed: Option<Discussed>,
    accepted: &'static [&'static str],
    status: Status,
    anonymised: bool,
}

fn case(s: &Spec) -> Case {
    let referred = d(&s.id[..10]);
    let known = matches!(s.user, User::Known { .. });
    Case {
        schema: 1,
        id: CaseId::parse(s.id).unwrap(),
        way_in: s.way,
        status: s.status,
        referred,
        meeting: s.discussed.map(|(m, _, _)| d(m)),
        bti_level: (s.way == WayIn::Bti).then_some(1),
        leader_consulted: known.then_some(referred),
        invite: vec![],
        closed: (s.status == Status::Closed).then(|| d("2027-06-20")),
        closed_reason: String::new(),
        anonymised: s.anonymised.then(|| d("2027-06-25")),
        age_band: None,
        referrer: Referrer { name: "Marit Haugen".into(), unit: s.unit.into() },
        user: s.user.clone(),
        consent: known.then(|| Consent {
            given_by: ConsentBy::Guardian,
            date: referred,
            units: vec![],
            expires: None,
            withdrawn: None,
        }),
        situation: Situation {
            concern: "x".into(),
            tried: "y".into(),
            wishes: "z".into(),
            question: String::new(),
        },
        outcome: s.discussed.map(|(m, proposed, level2)| Outcome {
            date: d(m),
            assessment: "a".into(),
            next_step: "b".into(),
            proposed: proposed
                .iter()
                .map(|(measure, unit)| Proposal {
                    measure: (*measure).into(),
                    unit: (*unit).into(),
                    evaluate: None,
                })
                .collect(),
            level2,
            follow_up: Some(d("2027-08-01")),
            coordinator: "Marit Haugen".into(),
        }),
        decision: (!s.accepted.is_empty()).then(|| Decision {
            date: d("2027-06-01"),
            accepted: s.accepted.iter().map(|a| a.to_string()).collect(),
            declined: vec![],
        }),
    }
}

fn known(born: &str) -> User {
    User::Known { initials: "A.B.".into(), born: d(born) }
}

const ICDP: (&str, &str) = ("foreldreveiledning-icdp", "helsestasjon");
const HJEM: (&str, &str) = ("hjemmebasert-veiledning", "barnevern");

/// 2027H1: 7 referrals and 1 referred in 2026H2 but discussed in 2027H1; 2026H2: 3.
/// The team meets every third Tuesday from 5 January: 9 meetings, 9 March cancelled.
fn folder(small_numbers: bool) -> Team {
    let team = Team::new();
    if !small_numbers {
        team.write("rt.toml", &CONFIG.replace("consent_age = 16", "consent_age = 16\nsmall_numbers = false"));
    }
    use Status::*;
    use WayIn::*;
    let specs = [
        // 2026H2 (the previous half-year)
        Spec {
            id: "2026-09-01-aaaa",
            way: Bti,
            unit: "helsestasjon",
            user: known("2020-01-01"),
            discussed: Some(("2026-09-22", &[ICDP], false)),
            accepted: &["foreldreveiledning-icdp"],
            status: Closed,
            anonymised: false,
        },
        Spec {
            id: "2026-10-01-aaab",
            way: UserCase,
            unit: "barnevern",
            user: User::Anonymous { age: Some(40) },
            discussed: Some(("2026-10-13", &[], false)),
            accepted: &[],
            status: Discussed,
            anonymised: false,
        },
        // referred in 2026H2, discussed in 2027H1: in both populations
        Spec {
            id: "2026-12-20-aaac",
            way: Bti,
            unit: "helsestasjon",
            user: known("2024-05-05"),
            discussed: Some(("2027-01-05", &[ICDP, HJEM], true)),
            accepted: &["hjemmebasert-veiledning"],
            status: Decided,
            anonymised: false,
        },
        // 2027H1
        Spec {
            id: "2027-01-10-aaad",
            way: Bti,
            unit: "helsestasjon",
            user: known("2016-03-03"),
            discussed: Some(("2027-01-26", &[ICDP], true)),
            accepted: &["foreldreveiledning-icdp"],
            status: Decided,
            anonymised: false,
        },
        Spec {
            id: "2027-01-12-aaae",
            way: Bti,
            unit: "barnevern",
            user: known("2012-02-02"),
            discussed: Some(("2027-01-26", &[HJEM], false)),
            accepted: &[],
            status: Discussed,
            anonymised: false,
        },
        Spec {
            id: "2027-02-01-aaaf",
            way: UserCase,
            unit: "psykisk-helse-rus",
            user: known("1990-01-01"),
            discussed: Some(("2027-02-16", &[ICDP, HJEM], false)),
            accepted: &["foreldreveiledning-icdp", "hjemmebasert-veiledning"],
            status: Closed,
            anonymised: false,
        },
        Spec {
            id: "2027-02-02-aaag",
            way: UserCase,
            unit: "psykisk-helse-rus",
            user: User::Anonymous { age: Some(70) },
            discussed: None,
            accepted: &[],
            status: Referred,
            anonymised: true,
        },
        Spec {
            id: "2027-03-01-aaah",
            way: Guidance,
            unit: "fysio-ergo",
            user: User::Nobody,
            discussed: None,
            accepted: &[],
            status: Referred,
            anonymised: false,
        },
        Spec {
            id: "2027-03-02-aaai",
            way: Guidance,
            unit: "fysio-ergo",
            user: User::Anonymous { age: None },
            discussed: None,
            accepted: &[],
            status: Referred,
            anonymised: false,
        },
        Spec {
            id: "2027-05-03-aaaj",
            way: Bti,
            unit: "helsestasjon",
            user: known("2025-01-01"),
            discussed: None,
            accepted: &[],
            status: Referred,
            anonymised: false,
        },
    ];
    for s in &specs {
        let c = case(s);
        team.write(&format!("cases/{}/{}.toml", &s.id[..4], s.id), &rt::store::case_file::new_text(&c));
    }
    // 2027H1 published with 8 meetings, one of them cancelled.
    team.rt(["schedule", "--publish", "--half", "2027H1", "--today", "2026-12-01"]).assert().success();
    let meetings = team.read("meetings/2027H1.toml").replacen(
        "date = 2027-03-09\n",
        "date = 2027-03-09\ncancelled = \"Kurs\"\n",
        1,
    );
    team.write("meetings/2027H1.toml", &meetings);
    team
}

fn report_json(team: &Team) -> Value {
    let out = team
        .rt(["report", "--half", "2027H1", "--format", "json", "--today", "2027-07-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_figure_of_a_known_folder() {
    let team = folder(false);
    let r = report_json(&team);
    let now = &r["current"];
    // The population: 7 referred in 2027H1 + 1 referred earlier and discussed now.
    assert_eq!(now["cases"], 8);
    assert_eq!(now["referred"], 7, "2027-01-10 … 2027-05-03: seven referrals");
    assert_eq!(now["discussed"], 4);
    assert_eq!(now["by_way"], json!([["bti", 4], ["user-case", 2], ["guidance", 2]]));
    assert_eq!(
        now["by_unit"],
        json!([
            ["helsestasjon", 3],
            ["psykisk-helse-rus", 2],
            ["barnevern", 1],
            ["fysio-ergo", 2],
            ["kommunepsykolog", 0],
            ["nav", 0]
        ])
    );
    // Ages at referral: 2 (2024-05-05 → 2026-12-20), 10, 14, 37, 70 (anonymous), unknown ×2, 2.
    assert_eq!(
        now["by_age"],
        json!([
            ["0-5", 2],
            ["6-12", 1],
            ["13-18", 1],
            ["19-25", 0],
            ["26-66", 1],
            ["67+", 1],
            ["unknown", 2]
        ])
    );
    assert_eq!(
        now["by_month"],
        json!([
            ["2027-01", 2],
            ["2027-02", 2],
            ["2027-03", 2],
            ["2027-04", 0],
            ["2027-05", 1],
            ["2027-06", 0]
        ])
    );
    assert_eq!(now["anonymous"], 2, "the anonymised case is counted, as anonymous");
    assert_eq!(now["anonymous_share"], 25);
    assert_eq!(now["bti"], 4);
    assert_eq!(now["level2"], 2);
    assert_eq!(now["proposed"], 6);
    assert_eq!(
        now["proposed_by_unit"],
        json!([
            ["helsestasjon", 3],
            ["psykisk-helse-rus", 0],
            ["barnevern", 3],
            ["fysio-ergo", 0],
            ["kommunepsykolog", 0],
            ["nav", 0]
        ])
    );
    assert_eq!(now["accepted"], 4);
    // Days: 2026-12-20 → 2027-01-05 = 16; 16; 14; 15 → median 15.5, longest 16.
    assert_eq!(now["days_median"], 15.5);
    assert_eq!(now["days_max"], 16);
    assert_eq!(now["meetings_planned"], 9);
    assert_eq!(now["meetings_cancelled"], 1);
    assert_eq!(now["meetings_held"], 3, "5 Jan, 26 Jan and 16 Feb had cases");
    assert_eq!(now["cases_per_meeting"], 1.3);
    assert_eq!(now["capacity"], 3);
    assert_eq!(now["waiting_decision"], 1);
    assert_eq!(now["in_follow_up"], 2);

    // The previous half-year, side by side.
    let before = &r["previous"];
    assert_eq!(r["previous_half"], "2026H2");
    assert_eq!(before["cases"], 3);
    assert_eq!(before["referred"], 3);
    assert_eq!(before["discussed"], 2);
    assert_eq!(before["anonymous"], 1);
    assert_eq!(before["proposed"], 1);
    assert_eq!(before["accepted"], 1);
    assert_eq!(before["days_median"], 16.5);
}

#[test]
fn small_numbers_are_hidden_everywhere_by_default() {
    let team = folder(true);
    let r = report_json(&team);
    let now = &r["current"];
    assert_eq!(r["small_numbers_hidden"], true);
    assert_eq!(now["anonymous"], "< 3");
    assert_eq!(now["anonymous_share"], "< 3", "the share would give the count away");
    assert_eq!(now["level2"], "< 3");
    assert_eq!(now["by_way"], json!([["bti", 4], ["user-case", "< 3"], ["guidance", "< 3"]]));
    assert_eq!(now["cases"], 8);
    assert_eq!(now["proposed"], 6, "measures are not people");
    let md = stdout(&team.rt(["report", "--half", "2027H1", "--today", "2027-07-01"]).output().unwrap());
    assert!(md.contains("| Anonyme | < 3 | < 3 |"), "{md}");
    assert!(md.contains("| Andel anonyme | < 3 | < 3 |"), "{md}");
    let html = stdout(
        &team
            .rt(["report", "--half", "2027H1", "--format", "html", "--today", "2027-07-01"])
            .output()
            .unwrap(),
    );
    assert!(html.contains("&lt; 3") && !html.contains(">2</td>"), "no 1 or 2 in a count cell");
}

#[test]
fn the_default_is_the_half_year_just_ended_and_notes_are_folded_in() {
    let team = folder(false);
    let notes = team.path("svar.txt");
    std::fs::write(&notes, "Evaluering\n\n## Hva har vært bra?\nFaste tider.\n\n## Hvorfor?\nAlle kommer.\n\n## Hva kan bli bedre?\nKortere saker.\n\n## Hvordan?\nBedre meldinger.\n").unwrap();
    let out =
        team.rt(["report", "--today", "2027-07-01", "--notes", notes.to_str().unwrap()]).output().unwrap();
    let md = stdout(&out);
    assert!(md.contains("# Halvårsevaluering januar–juni 2027"), "{md}");
    assert!(md.contains("### Hva har vært bra?\n\nFaste tider."), "{md}");
    assert!(md.contains("### Hvordan?\n\nBedre meldinger."), "{md}");
    let out = team.rt(["report", "--today", "2027-07-01", "--current", "--format", "json"]).output().unwrap();
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["half"], "2027H2");
}

#[test]
fn snapshots_of_the_demo_report() {
    let team = Team::demo();
    for format in ["md", "html"] {
        let out = team
            .rt(["report", "--half", "2026H2", "--format", format, "--today", "2026-11-23"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        insta::assert_snapshot!(format!("report_demo_{format}"), stdout(&out));
    }
}

fn chromium() -> Option<std::process::Command> {
    let found = ["chromium", "chromium-browser", "google-chrome"].into_iter().find(|c| {
        std::process::Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success())
    })?;
    let mut cmd = std::process::Command::new(found);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]);
    Some(cmd)
}

#[test]
fn a_real_browser_prints_the_html_report_on_four_a4_pages_with_its_charts() {
    let Some(_) = chromium() else {
        println!("skipped: no Chromium (.ci/run installs Debian's chromium)");
        return;
    };
    let team = Team::demo();
    let html = team.path("rapport.html");
    team.rt([
        "report",
        "--half",
        "2026H2",
        "--format",
        "html",
        "--today",
        "2026-11-23",
        "--out",
        html.to_str().unwrap(),
    ])
    .assert()
    .success();
    let url = format!("file://{}", html.display());
    let profile = |name: &str| format!("--user-data-dir={}", team.path(name).display());

    let pdf = team.path("rapport.pdf");
    let out = chromium()
        .unwrap()
        .arg(profile("p1"))
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(&url)
        .output()
        .unwrap();
    assert!(pdf.exists(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&pdf).unwrap();
    let count = |pattern: &[u8]| bytes.windows(pattern.len()).filter(|w| *w == pattern).count();
    let pages = count(b"/Type /Page") - count(b"/Type /Pages");
    assert_eq!(pages, 4, "facts, charts, breakdowns, pattern");

    let png = team.path("rapport.png");
    chromium()
        .unwrap()
        .arg(profile("p2"))
        .arg("--window-size=900,1300")
        .arg(format!("--screenshot={}", png.display()))
        .arg(&url)
        .output()
        .unwrap();
    let shot = std::fs::read(&png).unwrap();
    assert!(shot.starts_with(b"\x89PNG") && shot.len() > 20_000, "a real screenshot");

    let out = chromium().unwrap().arg(profile("p3")).arg("--dump-dom").arg(&url).output().unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    assert_eq!(dom.matches("<svg").count(), 4, "four charts in the rendered DOM");
    assert!(dom.matches("<rect").count() >= 17, "a bar per row of every chart");
    assert!(dom.contains("class=\"masked\""), "hidden small numbers are drawn as such");
}
