//! `rt report`: every figure of a folder counted by hand — now, as it ended, and looking back
//! from the middle of a half-year — each event in the half-year it happened, the team's
//! notes, snapshots of the demo report, and the HTML printed by a real headless Chromium.
//! What may be published, and the checker that tries to undo it, are in `report/privacy.rs`.

#[path = "report/build.rs"]
mod build;
#[path = "report/checker.rs"]
mod checker;
mod common;
#[path = "report/formats.rs"]
mod formats;
#[path = "report/generated.rs"]
mod generated;
#[path = "report/privacy.rs"]
mod privacy;

use build::*;
use common::*;
use rt::model::{User, WayIn};
use serde_json::{Value, json};

const ICDP: (&str, &str) = ("foreldreveiledning-icdp", "helsestasjon");
const HJEM: (&str, &str) = ("hjemmebasert-veiledning", "barnevern");

/// 2026H2: four referrals, one of them discussed in January and lifted there, one decided in
/// January and closed in March. 2027H1: seven referrals. Dates of every event are given.
fn specs() -> Vec<Spec> {
    use WayIn::*;
    let (icdp, hjem) = (ICDP.0, HJEM.0);
    vec![
        Spec::new("2026-09-01-aaaa", Bti, "helsestasjon", known("2020-01-01"))
            .discussed("2026-09-22", &[ICDP], false)
            .decided("2026-09-29", &[icdp])
            .closed("2026-12-01"),
        Spec::new("2026-10-01-aaab", UserCase, "barnevern", User::Anonymous { age: Some(40) }).discussed(
            "2026-10-13",
            &[],
            false,
        ),
        Spec::new("2026-11-02-aaak", UserCase, "barnevern", known("1985-06-06"))
            .discussed("2026-11-24", &[HJEM], false)
            .decided("2027-01-08", &[hjem])
            .closed("2027-03-15"),
        // Referred in 2026H2, discussed and lifted at the first meeting of 2027H1.
        Spec::new("2026-12-20-aaac", Bti, "helsestasjon", known("2024-05-05"))
            .discussed("2027-01-05", &[ICDP, HJEM], true)
            .decided("2027-01-19", &[hjem]),
        Spec::new("2027-01-10-aaad", Bti, "helsestasjon", known("2016-03-03"))
            .discussed("2027-01-26", &[ICDP], true)
            .decided("2027-02-02", &[icdp]),
        Spec::new("2027-01-12-aaae", Bti, "barnevern", known("2012-02-02")).discussed(
            "2027-01-26",
            &[HJEM],
            false,
        ),
        Spec::new("2027-02-01-aaaf", UserCase, "psykisk-helse-rus", known("1990-01-01"))
            .discussed("2027-02-16", &[ICDP, HJEM], false)
            .decided("2027-03-02", &[icdp, hjem])
            .closed("2027-05-10"),
        Spec::new("2027-02-02-aaag", UserCase, "psykisk-helse-rus", User::Anonymous { age: Some(70) })
            .anonymised("2027-06-25"),
        Spec::new("2027-03-01-aaah", Guidance, "fysio-ergo", User::Nobody),
        Spec::new("2027-03-02-aaai", Guidance, "fysio-ergo", User::Anonymous { age: None }),
        Spec::new("2027-05-03-aaaj", Bti, "helsestasjon", known("2025-01-01")),
    ]
}

/// The folder of [`specs`], with 2027H1's meetings published (every third Tuesday from
/// 5 January, 9 March cancelled).
fn folder(small_numbers: bool) -> Team {
    let team = team_with(&specs(), small_numbers);
    team.rt(["schedule", "--publish", "--half", "2027H1", "--today", "2026-12-01"]).assert().success();
    let meetings = team.read("meetings/2027H1.toml").replacen(
        "date = 2027-03-09\n",
        "date = 2027-03-09\ncancelled = \"Kurs\"\n",
        1,
    );
    team.write("meetings/2027H1.toml", &meetings);
    team
}

/// Picks figures out of a half-year's JSON, to compare with a hand count in one go.
fn pick(half: &Value, keys: &[&str]) -> Value {
    Value::Object(keys.iter().map(|k| (k.to_string(), half[*k].clone())).collect())
}

const STATE: [&str; 11] = [
    "cases",
    "referred",
    "discussed",
    "anonymous",
    "bti",
    "level2",
    "proposed",
    "accepted",
    "waiting_decision",
    "in_follow_up",
    "closed",
];

#[test]
fn every_figure_of_a_known_folder() {
    let r = report_json(&folder(false), "2027H1", "2027-07-01");
    let now = &r["current"];
    // 7 referred in 2027H1 + 2026-12-20, discussed on 5 January.
    assert_eq!(
        pick(now, &STATE),
        json!({
            "cases": 8, "referred": 7, "discussed": 4, "anonymous": 2, "bti": 4,
            // 2026-12-20 on 5 January and 2027-01-10 on 26 January.
            "level2": 2,
            "proposed": 6,
            // Decided in 2027H1: 8 Jan (1), 19 Jan (1), 2 Feb (1), 2 Mar (2).
            "accepted": 5,
            // At 30 June: 2027-01-12 waits; 2026-12-20 and 2027-01-10 are followed up.
            "waiting_decision": 1, "in_follow_up": 2,
            // 15 March (a 2026H2 case) and 10 May.
            "closed": 2,
        })
    );
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
    assert_eq!(now["anonymous_share"], 25, "the anonymised case is counted, as anonymous");
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
    // Days: 2026-12-20 → 2027-01-05 = 16; 16; 14; 15 → median 15.5, longest 16.
    assert_eq!((now["days_median"].clone(), now["days_max"].clone()), (json!(15.5), json!(16)));
    assert_eq!(
        pick(
            now,
            &["meetings_planned", "meetings_cancelled", "meetings_held", "cases_per_meeting", "capacity"]
        ),
        // Held: 5 Jan (1 case), 26 Jan (2), 16 Feb (1); the others had no cases.
        json!({"meetings_planned": 9, "meetings_cancelled": 1, "meetings_held": 3, "cases_per_meeting": 1.3, "capacity": 3})
    );
}

#[test]
fn the_previous_half_year_stands_as_it_ended_and_each_event_counts_once() {
    let r = report_json(&folder(false), "2027H1", "2027-07-01");
    let before = &r["previous"];
    assert_eq!(r["previous_half"], "2026H2");
    assert_eq!(
        pick(before, &STATE),
        json!({
            "cases": 4, "referred": 4, "discussed": 3, "anonymous": 1, "bti": 2,
            // 2026-12-20 was lifted in January: counted in 2027H1 only.
            "level2": 0,
            "proposed": 2,
            // 2026-11-02's decision of 8 January counts in 2027H1.
            "accepted": 1,
            // At 31 December 2026-10-01 and 2026-11-02 waited; 2026-09-01 was closed.
            "waiting_decision": 2, "in_follow_up": 0,
            "closed": 1,
        })
    );
    assert_eq!(before["by_month"][0], json!(["2026-07", 0]), "its own months");
    assert_eq!(before["by_month"][5], json!(["2026-12", 1]));
    // The same half-year in its own report, made after it ended, says the same.
    let own = report_json(&folder(false), "2026H2", "2027-03-01");
    assert_eq!(own["current"], *before);
    // Every event of both half-years is counted once.
    let now = &r["current"];
    for (key, events) in [("level2", 2), ("accepted", 6), ("closed", 3)] {
        assert_eq!(now[key].as_i64().unwrap() + before[key].as_i64().unwrap(), events, "{key}");
    }
}

#[test]
fn looking_back_from_the_middle_of_a_half_year() {
    // 26 January 2027 is a meeting day: its two cases are not discussed yet.
    let r = report_json(&folder(false), "2027H1", "2027-01-26");
    let now = &r["current"];
    assert_eq!(
        pick(now, &STATE),
        json!({
            // Referred by then: 2027-01-10 and 2027-01-12; discussed: 2026-12-20 on 5 January.
            "cases": 3, "referred": 2, "discussed": 1, "anonymous": 0, "bti": 3,
            "level2": 1,
            "proposed": 2,
            // Decided by then: 8 and 19 January.
            "accepted": 2,
            "waiting_decision": 0, "in_follow_up": 1,
            "closed": 0,
        })
    );
    assert_eq!(
        now["by_month"],
        json!([
            ["2027-01", 2],
            ["2027-02", 0],
            ["2027-03", 0],
            ["2027-04", 0],
            ["2027-05", 0],
            ["2027-06", 0]
        ])
    );
    assert_eq!(now["proposed_by_unit"][0], json!(["helsestasjon", 1]));
    assert_eq!(now["proposed_by_unit"][2], json!(["barnevern", 1]));
    assert_eq!(
        pick(now, &["meetings_held", "cases_per_meeting", "days_median", "days_max"]),
        json!({"meetings_held": 1, "cases_per_meeting": 1.0, "days_median": 16.0, "days_max": 16})
    );
    // 2026H2 as it ended, as in the report made in July.
    assert_eq!(r["previous"], report_json(&folder(false), "2027H1", "2027-07-01")["previous"]);
}

#[test]
fn looking_back_at_a_half_year_from_the_day_of_a_meeting() {
    // On 5 January 2027 the meeting of that day has not been held: 2026-12-20 is only referred.
    let r = report_json(&folder(false), "2026H2", "2027-01-05");
    assert_eq!(
        pick(&r["current"], &STATE),
        json!({
            "cases": 4, "referred": 4, "discussed": 3, "anonymous": 1, "bti": 2, "level2": 0,
            "proposed": 2, "accepted": 1, "waiting_decision": 2, "in_follow_up": 0, "closed": 1,
        })
    );
    // Nothing of 2027H1 had happened by then: the decision of 8 January is still to come.
    let now = report_json(&folder(false), "2027H1", "2027-01-05");
    assert_eq!(
        pick(&now["current"], &["cases", "discussed", "level2", "accepted", "meetings_held"]),
        json!({"cases": 0, "discussed": 0, "level2": 0, "accepted": 0, "meetings_held": 0})
    );
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

#[cfg(unix)]
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

/// Needs Chromium: Unix only (the Windows run of the tests, under Wine, has none).
#[cfg(unix)]
#[test]
fn a_real_browser_prints_the_html_report_on_four_a4_pages_with_its_charts() {
    let Some(_) = chromium() else {
        return missing_tool("Chromium");
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
    assert_eq!(dom.matches("role=\"img\"").count(), 4, "four charts in the rendered DOM");
    assert!(dom.matches("<rect").count() >= 17, "a bar per row of every chart");
    assert!(dom.contains("class=\"masked\""), "hidden figures are drawn as such");
    assert!(dom.contains("<pattern id=\"skravert\""), "with the hatching they refer to");
}
