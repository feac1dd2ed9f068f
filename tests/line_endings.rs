//! Files from Windows editors keep their layout: a rewrite of a CRLF file with a BOM (as
//! Notepad writes it, or git with `core.autocrlf` checks it out) changes exactly the bytes of
//! the changed values, and a new file takes the layout of the files beside it.

mod common;

use common::{Team, stderr};

const CASE: &str = "cases/2026/2026-11-19-kefo.toml";

/// `text` as Notepad would save it: a BOM, and CRLF line endings.
fn windows_layout(text: &str) -> Vec<u8> {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(text.replace('\n', "\r\n").into_bytes());
    bytes
}

#[test]
fn a_crlf_file_with_a_bom_is_rewritten_byte_for_byte_except_the_changed_value() {
    let withdraw = ["consent", "2026-11-19-kefo", "--withdraw", "--today", "2026-11-30"];
    // The same change on the file as rt writes it, for what the value must become.
    let plain = Team::demo();
    let out = plain.rt(withdraw).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (before, after) = (Team::demo().read(CASE), plain.read(CASE));
    let added: Vec<&str> = after.lines().filter(|l| !before.lines().any(|b| b == *l)).collect();
    let removed: Vec<&str> = before.lines().filter(|l| !after.lines().any(|a| a == *l)).collect();
    assert_eq!((added, removed), (vec!["withdrawn = 2026-11-30"], vec![]), "one line more");

    let team = Team::demo();
    let original = windows_layout(&before);
    std::fs::write(team.path(CASE), &original).unwrap();
    let out = team.rt(withdraw).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rewritten = std::fs::read(team.path(CASE)).unwrap();
    assert_eq!(rewritten, windows_layout(&after), "the BOM and every CRLF stay");
    // The bytes of the original are all there, in order, around the one new line.
    let new_line = b"withdrawn = 2026-11-30\r\n";
    let at = rewritten.windows(new_line.len()).position(|w| w == new_line).expect("the new line");
    assert_eq!([&rewritten[..at], &rewritten[at + new_line.len()..]].concat(), original);
    // `rt check` reads the file as any other.
    let out = team.rt(["check", "--today", "2026-11-30"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_new_case_file_follows_the_case_files_beside_it() {
    let team = Team::demo();
    for rel in team.case_files() {
        let text = team.read(&rel);
        std::fs::write(team.path(&rel), text.replace('\n', "\r\n")).unwrap();
    }
    let out = team.rt(common::referral_with(&["--today"], &["--today", "2026-11-24"])).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let bytes = std::fs::read(team.path(&format!("cases/2026/{id}.toml"))).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.starts_with('\u{feff}'), "no BOM where the others have none");
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count(), "CRLF like the others:\n{text}");
    assert!(text.matches('\n').count() > 10);

    // In a folder of LF files, a new file is LF.
    let plain = Team::demo();
    let out = plain.rt(common::referral_with(&["--today"], &["--today", "2026-11-24"])).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let text = plain.read(&format!("cases/2026/{id}.toml"));
    assert!(!text.contains('\r'), "{text}");
}
