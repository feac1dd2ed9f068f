//! Guidance cases (R1, way 3: veiledning for ansatte) have their own shape: a referat with
//! the employee's question, what was tried and the team's advice — no user sections, no
//! shortlist by age, no user decision — and `rt close` without a reason once the advice is
//! recorded.

use crate::common::*;

fn run(team: &Team, args: &[&str]) -> std::process::Output {
    team.rt(args).output().unwrap()
}

#[test]
fn a_guidance_referat_in_its_own_shape() {
    let team = Team::demo();
    let out = run(&team, &["minutes", "2026-09-22-2p7h", "--today", "2026-10-06"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("guidance_referat_md_nb", stdout(&out));
    let out = run(&team, &["minutes", "2026-09-22-2p7h", "--today", "2026-10-06", "--lang", "en"]);
    insta::assert_snapshot!("guidance_referat_md_en", stdout(&out));
}

#[test]
fn before_the_advice_no_user_sections_and_no_shortlist() {
    let team = Team::demo();
    for format in ["md", "html"] {
        let out = run(&team, &["minutes", "2026-11-20-ung2", "--today", "2026-12-08", "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let referat = stdout(&out);
        for user_part in [
            "Brukerens/familiens situasjon",
            "Tiltak som passer brukerens alder",
            "Møtet ble holdt uten brukeren",
            "Brukerens beslutning",
            "Hva er viktig for brukeren",
        ] {
            assert!(
                !referat.contains(user_part),
                "{format}: `{user_part}` in a guidance referat:\n{referat}"
            );
        }
        for own in ["Spørsmålet fra den ansatte", "Hva er forsøkt", "Teamets råd"] {
            assert!(referat.contains(own), "{format}: `{own}` missing:\n{referat}");
        }
    }
}

#[test]
fn no_user_decision_and_closing_once_advised() {
    let team = Team::demo();
    let before = team.read("cases/2026/2026-09-22-2p7h.toml");
    let out =
        run(&team, &["decide", "2026-09-22-2p7h", "--accept", "veiledning-ansatte", "--today", "2026-10-20"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("en veiledningssak har ingen brukerbeslutning"), "{}", stderr(&out));
    assert_eq!(team.read("cases/2026/2026-09-22-2p7h.toml"), before);
    // Not yet advised: closing early needs a reason, as for any case.
    let out = run(&team, &["close", "2026-11-20-ung2", "--today", "2026-11-25"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("krever en grunn"), "{}", stderr(&out));
    // Advised: closed without a reason.
    let out = run(&team, &["close", "2026-09-22-2p7h", "--today", "2026-10-20"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = team.read("cases/2026/2026-09-22-2p7h.toml");
    assert!(text.contains("status = \"closed\"") && !text.contains("closed_reason"), "{text}");
}
