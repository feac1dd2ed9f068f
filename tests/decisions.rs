//! Decisions accumulate (R9): families answer one measure at a time, so `rt decide` adds to
//! what the user already decided; changing an answer is explicit (`--change`), dated, and
//! shown by `rt show`; the case is `decided` once every proposed measure has an answer.

use crate::common::*;

pub(crate) const ID: &str = "2027-01-05-dddd";
pub(crate) const REL: &str = "cases/2027/2027-01-05-dddd.toml";

/// A case discussed on 26 January with two measures proposed (also the start of the
/// `messages` tests).
pub(crate) fn team() -> Team {
    let team = Team::new();
    let text = scheduled_case(ID, "2027-01-26").replace("status = \"scheduled\"", "status = \"discussed\"")
        + "\n[outcome]\ndate = 2027-01-26\nassessment = \"Trenger veiledning.\"\nnext_step = \"Ring.\"\n\n\
           [[outcome.proposed]]\nmeasure = \"foreldreveiledning-icdp\"\nunit = \"helsestasjon\"\n\n\
           [[outcome.proposed]]\nmeasure = \"hjemmebasert-veiledning\"\nunit = \"barnevern\"\n";
    team.write(REL, &text);
    team
}

fn decide(team: &Team, args: &[&str]) -> std::process::Output {
    let mut all = vec!["decide", ID];
    all.extend(args);
    team.rt(&all).output().unwrap()
}

#[test]
fn a_second_answer_adds_to_the_first() {
    let team = team();
    let out = decide(&team, &["--accept", "foreldreveiledning-icdp", "--today", "2027-01-28"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = team.read(REL);
    assert!(text.contains("status = \"discussed\""), "one measure still open: {text}");
    assert!(stderr(&out).contains("venter på svar på: hjemmebasert-veiledning"), "{}", stderr(&out));
    // --change on a measure not answered yet has nothing to change.
    let out = decide(&team, &["--decline", "hjemmebasert-veiledning", "--change", "--today", "2027-02-01"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("brukeren har ikke svart på `hjemmebasert-veiledning` ennå"),
        "{}",
        stderr(&out)
    );

    let out = decide(&team, &["--decline", "hjemmebasert-veiledning", "--today", "2027-02-02"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("advarsel"), "{}", stderr(&out));
    let text = team.read(REL);
    assert!(text.contains("accepted = [\"foreldreveiledning-icdp\"]"), "{text}");
    assert!(text.contains("declined = [\"hjemmebasert-veiledning\"]"), "{text}");
    assert!(text.contains("status = \"decided\""), "every measure answered: {text}");
    assert!(text.contains("[decision]\ndate = 2027-02-02"), "{text}");
    let out = team.rt(["check", "--today", "2027-02-02"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn changing_an_answer_is_explicit_dated_and_shown() {
    let team = team();
    decide(&team, &["--accept", "foreldreveiledning-icdp,hjemmebasert-veiledning", "--today", "2027-01-28"]);
    let before = team.read(REL);
    assert!(before.contains("status = \"decided\""), "{before}");
    // Without --change an answer given is not overwritten.
    let out = decide(&team, &["--decline", "hjemmebasert-veiledning", "--today", "2027-02-09"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("brukeren har allerede takket ja til `hjemmebasert-veiledning` (2027-01-28)"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--change"), "{}", stderr(&out));
    assert_eq!(team.read(REL), before);
    let out = decide(&team, &["--decline", "hjemmebasert-veiledning", "--change", "--today", "2027-02-09"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = team.read(REL);
    assert!(text.contains("accepted = [\"foreldreveiledning-icdp\"]"), "{text}");
    assert!(text.contains("declined = [\"hjemmebasert-veiledning\"]"), "{text}");
    assert!(
        text.contains("[[decision.changes]]\ndate = 2027-02-09\nmeasure = \"hjemmebasert-veiledning\"\nto = \"declined\""),
        "{text}"
    );
    let show = stdout(&team.rt(["show", ID, "--today", "2027-02-09"]).output().unwrap());
    assert!(show.contains("2027-02-09: endret hjemmebasert-veiledning fra ja til nei"), "{show}");
    let json = stdout(&team.rt(["show", ID, "--format", "json"]).output().unwrap());
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["decision"]["changes"][0]["to"], "declined", "{json}");
    let out = team.rt(["check", "--today", "2027-02-09"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}
