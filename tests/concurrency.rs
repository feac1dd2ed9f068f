//! Many people referring at once (a shared drive, several terminals): no case may be lost
//! and no id may be used twice.

use crate::common::*;

#[test]
fn eight_concurrent_workers_refer_400_cases_and_400_distinct_valid_files_result() {
    // The issue asks for "8 processes, 25 cases each, 400 files"; 8 × 25 is 200, so each of
    // the 8 concurrent workers refers 50 cases, one `rt refer` process per case.
    let team = Team::new();
    // All on one day, so every id shares its date, and all compete for the same meetings and only the random suffix tells them
    // apart; a taken name must be detected and a new suffix drawn.
    let bin = assert_cmd::cargo::cargo_bin("rt");
    let dir = team.root().to_path_buf();
    let workers: Vec<_> = (0..8)
        .map(|w| {
            let bin = bin.clone();
            let dir = dir.clone();
            std::thread::spawn(move || {
                let mut ids = Vec::new();
                for i in 0..50 {
                    let mut args = vec!["--dir".to_string(), dir.to_str().unwrap().to_string()];
                    args.extend(referral_with(&["--concern"], &["--concern", &format!("Sak {w}-{i}.")]));
                    let out = std::process::Command::new(&bin)
                        .args(&args)
                        .env_remove("RT_INTERACTIVE")
                        .output()
                        .unwrap();
                    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
                    ids.push(String::from_utf8(out.stdout).unwrap().trim().to_string());
                }
                ids
            })
        })
        .collect();
    let ids: Vec<String> = workers.into_iter().flat_map(|w| w.join().unwrap()).collect();
    let distinct: std::collections::BTreeSet<&String> = ids.iter().collect();
    assert_eq!(ids.len(), 400);
    assert_eq!(distinct.len(), 400, "an id was handed out twice");
    assert_eq!(team.case_files().len(), 400);

    // Every concern made it, exactly once.
    let mut concerns: Vec<String> = team
        .case_files()
        .iter()
        .map(|f| {
            let text = team.read(f);
            text.lines().find(|l| l.starts_with("concern")).unwrap().to_string()
        })
        .collect();
    concerns.sort();
    concerns.dedup();
    assert_eq!(concerns.len(), 400);
    let out = team.rt(["check", "--today", TODAY]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    // No meeting got more than its 3 cases, and the meetings filled from the earliest on:
    // every meeting of this half-year and the next after the deadline is full, and the
    // cases that found no room wait, unplaced, for the leader.
    let mut per_meeting = std::collections::BTreeMap::new();
    let mut unplaced = 0;
    for f in team.case_files() {
        match team.read(&f).lines().find_map(|l| l.strip_prefix("meeting = ").map(str::to_string)) {
            Some(date) => *per_meeting.entry(date).or_insert(0) += 1,
            None => unplaced += 1,
        }
    }
    let out = team.rt(["schedule", "--half", "2027H1", "--format", "json"]).output().unwrap();
    let h1: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let out = team.rt(["schedule", "--half", "2027H2", "--format", "json"]).output().unwrap();
    let h2: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let meetings: Vec<String> = [h1, h2]
        .iter()
        .flat_map(|h| h["meetings"].as_array().unwrap().clone())
        .map(|m| m["date"].as_str().unwrap().to_string())
        .filter(|d| d.as_str() >= "2027-01-12")
        .collect();
    assert!(per_meeting.values().all(|n| *n <= 3), "{per_meeting:?}");
    assert_eq!(per_meeting.keys().cloned().collect::<Vec<_>>(), meetings, "{per_meeting:?}");
    assert!(per_meeting.values().all(|n| *n == 3), "{per_meeting:?}");
    assert_eq!(unplaced, 400 - 3 * meetings.len());
}
