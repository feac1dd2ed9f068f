//! Only true, relevant messages: a refusal says what is wrong once, with the flag that is
//! wrong, and no second message that follows from the first (or from a placeholder).

use crate::common::*;

use crate::decisions::{ID, REL, team as discussed};

/// The team's files, but the lock file a writing command leaves (empty) behind.
fn files(team: &Team) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut all = team.snapshot();
    all.remove(".rt.lock");
    all
}

fn refused(team: &Team, args: &[&str]) -> String {
    let before = files(team);
    let out = team.rt(args).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
    assert!(files(team) == before, "{args:?} wrote nothing");
    stderr(&out)
}

#[test]
fn recording_again_without_a_measure_the_user_accepted_says_so() {
    let team = discussed();
    let out = team
        .rt(["decide", ID, "--accept", "foreldreveiledning-icdp", "--today", "2027-01-28"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = refused(
        &team,
        &[
            "record",
            ID,
            "--propose",
            "hjemmebasert-veiledning",
            "--assessment",
            "Ny.",
            "--next-step",
            "Ring.",
            "--today",
            "2027-01-28",
        ],
    );
    assert_eq!(
        err,
        "feil: brukeren har allerede takket ja til `foreldreveiledning-icdp`, så tiltaket kan ikke tas ut av forslagene [--propose]\n\
         hjelp: ta med `foreldreveiledning-icdp` i --propose; et svar brukeren har gitt, endres med `rt decide ID --change`\n\
         feil: saken er ikke endret (1 feil å rette)\n"
    );
}

#[test]
fn a_measure_both_accepted_and_declined_is_one_error() {
    let team = discussed();
    let err = refused(
        &team,
        &[
            "decide",
            ID,
            "--accept",
            "foreldreveiledning-icdp",
            "--decline",
            "foreldreveiledning-icdp",
            "--today",
            "2027-01-28",
        ],
    );
    assert_eq!(
        err,
        "feil: `foreldreveiledning-icdp` kan ikke både takkes ja og nei til [--accept]\nfeil: saken er ikke endret (1 feil å rette)\n"
    );
}

/// An outcome date out of range is one error: the follow-up rt would derive from it (six
/// weeks on) is not told again under a flag the user never gave.
#[test]
fn an_outcome_date_out_of_range_is_not_told_again_as_its_follow_up() {
    let team = Team::new();
    team.write(REL, &scheduled_case(ID, "2027-01-26"));
    let err = refused(
        &team,
        &[
            "record",
            ID,
            "--date",
            "9999-01-01",
            "--assessment",
            "a",
            "--next-step",
            "b",
            "--today",
            "2027-01-26",
        ],
    );
    assert_eq!(
        err,
        "feil: datoen 9999-01-01 er før saken ble meldt eller mer enn ett år fram i tid [--date]\n\
         hjelp: bruk en dato fra 2027-01-05 til 2028-01-26\n\
         feil: saken er ikke endret (1 feil å rette)\n"
    );
}

/// The refusal of a referral that differs from a valid one by `remove` and `add`.
fn referral_refused(team: &Team, remove: &[&str], add: &[&str]) -> String {
    let args = referral_with(remove, add);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    refused(team, &args)
}

const NOT_REGISTERED: &str =
    "feil: saken er ikke registrert (1 feil å rette)\nhjelp: rett punktene over og kjør kommandoen på nytt\n";

#[test]
fn bad_initials_say_nothing_of_a_placeholder_age() {
    let team = Team::new();
    // An adult who consents herself: no word about a 0-year-old.
    let err = referral_refused(
        &team,
        &["--initials", "--born", "--consent", "--copy-to"],
        &["--initials", "A", "--born", "1990-04-12", "--consent", "--consent-by", "user"],
    );
    assert_eq!(
        err,
        format!(
            "feil: initialene skal skrives som A.B. (2–4 bokstaver) [--initials]\n\
             hjelp: bare initialene, aldri fullt navn: f.eks. K.N.\n{NOT_REGISTERED}"
        )
    );
}

#[test]
fn a_referrer_without_a_unit_is_told_the_unit_is_missing_once() {
    let team = Team::new();
    let err = referral_refused(&team, &["--referrer"], &["--referrer", "Per Ukjent"]);
    assert_eq!(err, format!("feil: mangler enheten til den som melder [--unit]\n{NOT_REGISTERED}"));
}

#[test]
fn a_line_break_in_a_one_line_value_is_called_a_line_break() {
    for (leader, expected) in [
        (
            "Ingrid\nDahl",
            "feil: `leader.name` skal stå på én linje, men inneholder linjeskift\nhjelp: skriv det på én linje\n",
        ),
        (
            "Ingrid\tDahl",
            "feil: `leader.name` inneholder kontrolltegn\n\
             hjelp: fjern kontrolltegnene (usynlige tegn, ofte fra innliming); skriv vanlig tekst\n",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("team");
        let out = rt_bare()
            .args(["init", folder.to_str().unwrap(), "--leader", leader, "--email", "ingrid@testby.example"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert_eq!(stderr(&out), expected);
        assert!(!folder.exists(), "nothing is written");
    }
}

#[test]
fn r5_says_each_word_once_and_whole() {
    let team = Team::new();
    let concern = "Han SLÅR, Slår, sla\u{30a}r og SLÅR igjen.";
    let err = referral_refused(&team, &["--concern"], &["--concern", concern]);
    assert_eq!(
        err,
        "feil: teksten nevner «Han SLÅR, Slår»: gjelder saken mistanke om vold eller seksuelle overgrep? (R5)\n\
         hjelp: ved mistanke: kontakt barnevernet eller politiet direkte, og meld ikke saken hit; har du vurdert \
         det og det ikke er mistanke, legg til --no-violence-concern\n"
    );
}

#[test]
fn a_range_that_cannot_hold_any_date_says_why() {
    let team = Team::new();
    let text =
        scheduled_case(ID, "2027-01-26").replace("status = \"scheduled\"", "status = \"closed\"").replace(
            "meeting = 2027-01-26",
            "meeting = 2027-01-26\nclosed = 2027-02-01\nclosed_reason = \"Trukket\"",
        );
    team.write(REL, &text);
    // Checked on a day more than a year before the referral: no date of the case can fit.
    let out = team.rt(["check", "--today", "2025-11-29"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let hint = "  hjelp: ingen dato kan passe før 2027-01-05 er rettet: den er mer enn ett år fram i tid \
                (seneste tillatte dato er 2026-11-29); rett først den datoen, eller --today\n";
    assert_eq!(
        stdout(&out),
        format!(
            "{REL}:5:12: feil: meldedatoen er fram i tid\n\
             {REL}:6:11: feil: datoen 2027-01-26 er før saken ble meldt eller mer enn ett år fram i tid\n{hint}\
             {REL}:7:10: feil: datoen 2027-02-01 er før saken ble meldt eller mer enn ett år fram i tid\n{hint}\
             {REL}:22:8: feil: samtykket er datert fram i tid\n"
        )
    );
}

#[test]
fn a_toml_syntax_error_is_told_in_the_readers_language_with_a_hint() {
    let team = Team::new();
    let config = team.read("rt.toml").replace("team = \"Ressursteam Testby\"", "team = \"Ressursteam Testby");
    team.write("rt.toml", &config);
    let out = team.rt(["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        "rt.toml:2:27: feil: ugyldig TOML: en tekst mangler anførselstegnet som avslutter den\n  \
         hjelp: skriv teksten mellom to \" på samme linje, f.eks. name = \"Kari Nilsen\"; tekst over flere linjer \
         står mellom \"\"\" og \"\"\"\n"
    );
    let out = team.rt(["--lang", "en", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "rt.toml:2:27: error: invalid TOML: a text lacks the quotation mark that ends it\n  \
         help: write the text between two \" on the same line, e.g. name = \"Kari Nilsen\"; text on several lines \
         goes between \"\"\" and \"\"\"\n\
         error: rt.toml has 1 error, so the command stops\n\
         help: fix the problems above; `rt check` shows them all\n"
    );
}
