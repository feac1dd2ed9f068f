//! `rt check` over a folder seeded with many kinds of broken file: every finding is
//! reported with its `path:line:column`, all at once, and the exit code says whether any
//! was an error.

use crate::common::*;

/// A valid case file in the canonical format, for an id.
fn case(id: &str) -> String {
    format!(
        r#"schema = 1
id = "{id}"
way_in = "bti"
status = "referred"
referred = {date}
bti_level = 1
leader_consulted = {date}

[referrer]
name = "Marit Haugen"
unit = "helsestasjon"

[user]
initials = "A.B."
born = 2019-04-12

[consent]
given_by = "guardian"
date = {date}
units = ["barnevern"]

[situation]
concern = "Uro i barnehagen."
tried = "Samtaler."
wishes = "Ro hjemme."
"#,
        date = &id[..10]
    )
}

fn check(team: &Team) -> (i32, String) {
    let out = team.rt(["check", "--today", TODAY]).output().unwrap();
    (out.status.code().unwrap(), stdout(&out))
}

#[test]
fn a_clean_folder_passes() {
    let team = Team::new();
    team.write("cases/2027/2027-01-05-aaaa.toml", &case("2027-01-05-aaaa"));
    let out = team.rt(["check", "--today", TODAY]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("Alt i orden: 3 filer kontrollert."), "{}", stderr(&out));
}

#[test]
fn every_kind_of_problem_is_reported_with_its_position() {
    let team = Team::new();
    let c = |id: &str| case(id);
    let fnr = fake_national_id("010203", "456");
    let files: Vec<(&str, String)> = vec![
        // 1. not TOML at all
        (
            "cases/2027/2027-01-05-syn2.toml",
            c("2027-01-05-syn2").replace("tried = \"Samtaler.\"", "tried = Samtaler."),
        ),
        // 2. an unknown key, with a suggestion
        ("cases/2027/2027-01-05-unkn.toml", c("2027-01-05-unkn").replace("way_in =", "way_inn =")),
        // 3. a missing key
        ("cases/2027/2027-01-05-miss.toml", c("2027-01-05-miss").replace("referred = 2027-01-05\n", "")),
        // 4. a wrong type
        (
            "cases/2027/2027-01-05-type.toml",
            c("2027-01-05-type").replace("bti_level = 1", "bti_level = \"1\""),
        ),
        // 5. a date in quotes
        (
            "cases/2027/2027-01-05-quot.toml",
            c("2027-01-05-quot").replace("born = 2019-04-12", "born = \"2019-04-12\""),
        ),
        // 6. a file name that is not the id (and so a duplicate of 7)
        ("cases/2027/2027-01-05-name.toml", c("2027-01-05-dupl")),
        // 7. the id's own file
        ("cases/2027/2027-01-05-dupl.toml", c("2027-01-05-dupl")),
        // 8. the wrong year folder
        ("cases/2026/2027-01-05-year.toml", c("2027-01-05-year")),
        // 9. an unknown unit, with a suggestion
        (
            "cases/2027/2027-01-05-unit.toml",
            c("2027-01-05-unit").replace("unit = \"helsestasjon\"", "unit = \"helsestasjn\""),
        ),
        // 10. an unknown measure in the outcome
        (
            "cases/2027/2027-01-05-meas.toml",
            c("2027-01-05-meas").replace("status = \"referred\"", "status = \"discussed\"")
                + "\n[outcome]\ndate = 2027-01-05\n\n[[outcome.proposed]]\nmeasure = \"foreldreveiledning-icpd\"\nunit = \"helsestasjon\"\n",
        ),
        // 11. R2: no consent for a known user
        (
            "cases/2027/2027-01-05-cons.toml",
            c("2027-01-05-cons").replace(
                "[consent]\ngiven_by = \"guardian\"\ndate = 2027-01-05\nunits = [\"barnevern\"]\n",
                "",
            ),
        ),
        // 12. R3: identity on an anonymous case
        (
            "cases/2027/2027-01-05-anon.toml",
            c("2027-01-05-anon").replace("[user]\n", "[user]\nanonymous = true\n"),
        ),
        // 13. a national id in the team's own [extra] table
        (
            "cases/2027/2027-01-05-fnrx.toml",
            c("2027-01-05-fnrx") + &format!("\n[extra]\nnotat = \"ref {fnr}\"\n"),
        ),
        // 14. an unknown unit among the consented copies
        (
            "cases/2027/2027-01-05-copy.toml",
            c("2027-01-05-copy").replace("units = [\"barnevern\"]", "units = [\"barnevern\", \"politi\"]"),
        ),
        // 15. R4: the situation left empty
        (
            "cases/2027/2027-01-05-emty.toml",
            c("2027-01-05-emty").replace("concern = \"Uro i barnehagen.\"\n", ""),
        ),
        // 16. a status that needs what the case lacks
        (
            "cases/2027/2027-01-05-stat.toml",
            c("2027-01-05-stat").replace("status = \"referred\"", "status = \"scheduled\""),
        ),
        // 17. a newer schema: a warning, not an error
        (
            "cases/2027/2027-01-05-newr.toml",
            c("2027-01-05-newr").replace("schema = 1", "schema = 2\nfuture_field = true"),
        ),
    ];
    for (rel, text) in &files {
        team.write(rel, text);
    }
    // 18. a stray temporary file from an interrupted write
    team.write("cases/2027/.2027-01-05-aaaa.toml.x1y2z3.rt-tmp", "half");
    // 19. a bad value in rt.toml, 20. a duplicate measure id in the tiltaksbank
    team.write("rt.toml", &CONFIG.replace("weekday = \"tirsdag\"", "weekday = \"tirsdg\""));
    team.write("tiltaksbank.toml", &format!("{TILTAKSBANK}\n[[measures]]\nid = \"foreldreveiledning-icdp\"\nname = \"Kopi\"\nunit = \"helsestasjon\"\naccess = \"open\"\n"));

    let (code, out) = check(&team);
    assert_eq!(code, 1, "{out}");
    let expect = [
        "cases/2027/2027-01-05-syn2.toml:24:9: feil: ugyldig TOML",
        "cases/2027/2027-01-05-unkn.toml:1:1: feil: mangler `way_in`",
        "cases/2027/2027-01-05-unkn.toml:3:1: feil: ukjent nøkkel `way_inn`\n  hjelp: mente du `way_in`?",
        "cases/2027/2027-01-05-miss.toml:1:1: feil: mangler `referred`",
        "cases/2027/2027-01-05-type.toml:6:13: feil: `bti_level` skal være et heltall, men er tekst",
        "cases/2027/2027-01-05-quot.toml:15:8: feil: `user.born` er en dato i anførselstegn",
        "cases/2027/2027-01-05-name.toml:2:6: feil: filnavnet stemmer ikke med id-en `2027-01-05-dupl`",
        "cases/2027/2027-01-05-name.toml:2:6: feil: id-en `2027-01-05-dupl` brukes også i cases/2027/2027-01-05-dupl.toml",
        "cases/2026/2027-01-05-year.toml:2:6: feil: saken `2027-01-05-year` ligger i feil årsmappe\n  hjelp: flytt filen til cases/2027/2027-01-05-year.toml",
        "cases/2027/2027-01-05-unit.toml:11:8: feil: ukjent enhet `helsestasjn`\n  hjelp: mente du `helsestasjon`?",
        "cases/2027/2027-01-05-meas.toml:31:11: feil: ukjent tiltak `foreldreveiledning-icpd`\n  hjelp: mente du `foreldreveiledning-icdp`? (se `rt tiltak list`)",
        "cases/2027/2027-01-05-cons.toml:13:1: feil: brukerens samtykke mangler (R2)",
        "cases/2027/2027-01-05-anon.toml:15:12: feil: en anonym sak kan ikke ha initialer eller fødselsdato (R3)",
        "cases/2027/2027-01-05-anon.toml:16:8: feil: en anonym sak kan ikke ha initialer eller fødselsdato (R3)",
        "cases/2027/2027-01-05-fnrx.toml:28:9: feil: `extra.notat` inneholder noe som ligner et fødselsnummer",
        "cases/2027/2027-01-05-copy.toml:20:23: feil: ukjent enhet `politi`",
        "cases/2027/2027-01-05-emty.toml:22:1: feil: brukerens/familiens situasjon (bekymringen) mangler (R4)",
        "cases/2027/2027-01-05-stat.toml:4:10: feil: en sak som står som «satt opp» (`status = \"scheduled\"`) må ha `meeting`",
        "cases/2027/2027-01-05-newr.toml:1:10: advarsel: filen er skrevet av en nyere rt (schema 2",
        "cases/2027/.2027-01-05-aaaa.toml.x1y2z3.rt-tmp: advarsel: midlertidig fil etter en avbrutt skriving",
        "rt.toml:40:11: feil: `meetings.weekday` kan ikke være `tirsdg`",
        "tiltaksbank.toml:20:6: feil: `foreldreveiledning-icdp` finnes allerede (linje 4)",
    ];
    for e in expect {
        assert!(out.contains(e), "expected:\n{e}\n\nin:\n{out}");
    }
    assert!(!out.contains(&fnr), "the number is never shown");
    // The newer file's unknown key is tolerated.
    assert!(!out.contains("future_field"), "{out}");
    // Findings come sorted by file and position.
    let files_in_order: Vec<&str> =
        out.lines().filter(|l| !l.starts_with(' ')).map(|l| l.split(':').next().unwrap()).collect();
    let mut sorted = files_in_order.clone();
    sorted.sort();
    assert_eq!(files_in_order, sorted);
}

#[test]
fn warnings_alone_do_not_fail() {
    let team = Team::new();
    team.write(
        "cases/2027/2027-01-05-newr.toml",
        &case("2027-01-05-newr").replace("schema = 1", "schema = 2"),
    );
    let (code, out) = check(&team);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("advarsel"), "{out}");
}

#[test]
fn check_runs_from_a_subfolder_and_reports_relative_paths() {
    let team = Team::new();
    team.write(
        "cases/2027/2027-01-05-unit.toml",
        &case("2027-01-05-unit").replace("\"helsestasjon\"", "\"x\""),
    );
    let out =
        rt_bare().current_dir(team.path("cases/2027")).args(["check", "--today", TODAY]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("cases/2027/2027-01-05-unit.toml:11:8: feil: ukjent enhet `x`"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn no_team_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = rt_bare().current_dir(dir.path()).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("fant ingen team-mappe (rt.toml)"), "{err}");
    assert!(err.contains("hjelp: lag en med `rt init MAPPE`"), "{err}");
    let out = rt_bare().args(["--dir", dir.path().to_str().unwrap(), "list"]).output().unwrap();
    assert!(stderr(&out).contains("er ikke en team-mappe (mangler rt.toml)"), "{}", stderr(&out));
}

#[test]
fn the_demo_folder_is_valid_and_canonical() {
    let team = Team::demo();
    let (code, out) = check(&team);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "", "no warnings either");
    // Every demo case file is exactly what rt itself would write for it.
    for rel in team.case_files() {
        let text = team.read(&rel);
        let read = rt::store::case_file::read(&rel, &text);
        let case = read.case.expect("a valid case");
        let mut doc: toml_edit::DocumentMut = text.parse().unwrap();
        rt::store::case_file::apply(&case, &mut doc);
        assert_eq!(doc.to_string(), text, "{rel} is not in canonical form");
    }
}

#[test]
fn the_tiltaksbank_and_the_providers_outside_the_team_are_checked() {
    let team = Team::new();
    let config = CONFIG.replace(
        "[meetings]",
        "[[providers]]\nid = \"kulturskole\"\nname = \"Kulturskolen\"\n\n[[providers]]\nid = \"nav\"\nname = \"NAV-kontoret\"\n\n[[providers]]\nid = \"kulturskole\"\nname = \"Igjen\"\n\n[meetings]",
    );
    team.write("rt.toml", &config);
    team.write(
        "tiltaksbank.toml",
        r#"schema = 1

[[measures]]
id = "gammel"
name = "Skrevet før tilbydere fantes"
unit = "helsestasjon"
access = "open"

[[measures]]
id = "kor"
name = "Barnekor"
provider = "kulturskolen"
access = "referral"
referral_from = "skolen"
level = "grønn"
parents = "ja"

[[measures]]
id = "begge"
name = "Begge nøkler"
provider = "kulturskole"
unit = "helsestasjon"
access = "decision"
referral_from = "lege"

[measures.imported]
date = 2027-01-05
navn = "1c9a2f04"
"#,
    );
    // A proposal to the provider outside the team, not to a unit of it.
    team.write(
        "cases/2027/2027-01-05-prov.toml",
        &(case("2027-01-05-prov").replace("status = \"referred\"", "status = \"discussed\"")
            + "\n[outcome]\ndate = 2027-01-05\n\n[[outcome.proposed]]\nmeasure = \"gammel\"\nunit = \"kulturskole\"\n"),
    );
    let (code, out) = check(&team);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().filter(|l| !l.starts_with("  ")).collect();
    assert_eq!(
        lines,
        [
            "cases/2027/2027-01-05-prov.toml:32:8: feil: `kulturskole` er en tilbyder utenfor teamet og kan ikke få oppdraget",
            "rt.toml:44:6: feil: tilbyderen `nav` har samme id som en enhet (linje 30)",
            "rt.toml:48:6: feil: `kulturskole` finnes allerede (linje 40)",
            "tiltaksbank.toml:12:12: feil: ukjent tilbyder `kulturskolen`",
            "tiltaksbank.toml:15:9: feil: `measures.level` kan ikke være `grønn` (gyldig: universal, selective, indicated)",
            "tiltaksbank.toml:16:11: feil: `measures.parents` skal være true eller false, men er tekst",
            "tiltaksbank.toml:22:8: feil: tiltaket har både `unit` og `provider`",
            "tiltaksbank.toml:24:17: advarsel: `referral_from` gjelder bare når `access = \"referral\"` (her `decision`)",
            "tiltaksbank.toml:28:1: feil: ukjent nøkkel `measures.imported.navn`",
        ],
        "{out}"
    );
    assert!(out.contains("  hjelp: mente du `kulturskole`?"), "{out}");
    assert!(
        out.contains("  hjelp: behold `provider` og slett `unit` (den gamle nøkkelen for det samme)"),
        "{out}"
    );
    assert!(
        out.contains("  hjelp: gi oppdraget en enhet i teamet som følger opp tiltaket, f.eks. den som meldte saken (`helsestasjon`)"),
        "{out}"
    );
}

/// rt.toml with its meeting rules changed by `edit`; `rt check` must refuse it with these
/// findings, each at its line and with a hint.
fn config_refused(edit: impl Fn(&str) -> String, expect: &str) {
    let team = Team::new();
    team.write("rt.toml", &edit(CONFIG));
    let out = team.rt(["check", "--today", "2027-01-20"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains(expect), "expected:\n{expect}\n\nin:\n{}", stdout(&out));
    // Every command refuses the file.
    let out = team.rt(["list", "--today", "2027-01-20"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn meeting_rules_that_cannot_hold_are_refused_in_rt_toml() {
    for day in ["lørdag", "søndag"] {
        config_refused(
            |c| c.replace("weekday = \"tirsdag\"", &format!("weekday = \"{day}\"")),
            &format!(
                "rt.toml:40:11: feil: `meetings.weekday` kan ikke være `{day}`: møtene er på virkedager (gyldig: mandag, tirsdag, onsdag, torsdag, fredag)\n  hjelp: velg en virkedag, f.eks. weekday = \"tirsdag\"\n"
            ),
        );
    }
    config_refused(
        |c| c.replace("start = \"12:30\"", "start = \"23:30\""),
        "rt.toml:42:11: feil: et møte fra 23:30 som varer 90 minutter, slutter ikke før midnatt\n  hjelp: sett en tidligere `start` eller færre `minutes`, så møtet slutter samme dag\n",
    );
    config_refused(
        |c| c.replace("place = \"Møterommet\"", "place = \"Møterommet\"\nclosed = [2027-05-17, 9999-01-01]"),
        "rt.toml:47:23: feil: `meetings.closed`: datoen 9999-01-01 er utenfor årene 2000–2100\n  hjelp: rett årstallet (skrivefeil?)\n",
    );
    config_refused(
        |c| {
            c.replace(
                "place = \"Møterommet\"",
                "place = \"Møterommet\"\n\n[meetings.first]\n\"2027H2\" = 2027-06-01",
            )
        },
        "rt.toml:49:12: feil: det første møtet i 2027H2 ligger utenfor halvåret\n  hjelp: 2027H2 går fra 2027-07-01 til 2027-12-31; bruk en dato i det tidsrommet\n",
    );
    config_refused(
        |c| c.replace("team = \"Ressursteam Testby\"", "team = \"Ressursteam\\u2028Testby\""),
        "rt.toml:2:8: feil: `team` skal stå på én linje, men inneholder linjeskift\n  hjelp: skriv det på én linje\n",
    );
    config_refused(
        |c| c.replace("place = \"Møterommet\"", "place = \"Møte\\u0007rommet\""),
        "rt.toml:46:9: feil: `meetings.place` inneholder kontrolltegn",
    );
    config_refused(
        |c| c.replace("team = \"Ressursteam Testby\"", "team = \"  \""),
        "rt.toml:2:8: feil: `team` er tom: teamets navn står på hver innkalling og hvert referat\n  hjelp: skriv navnet, f.eks. team = \"Ressursteam Eikvik familiesenter\"\n",
    );
}

/// A tiltaksbank.toml that cannot be read whole is one error of its own: the cases naming its
/// measures are not also called wrong, and the invitation still holds them.
#[test]
fn a_broken_tiltaksbank_is_one_error_not_one_in_every_case() {
    let team = Team::demo();
    let bank = team.read("tiltaksbank.toml");
    let lines = bank.lines().count();
    team.write("tiltaksbank.toml", &format!("{bank}x = \n"));
    let out = team.rt(["check", "--today", "2026-11-29"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let errors: Vec<&str> = text.lines().filter(|l| l.contains(": feil: ")).collect();
    assert_eq!(errors.len(), 1, "{text}");
    assert!(errors[0].starts_with(&format!("tiltaksbank.toml:{}:", lines + 1)), "{}", errors[0]);
    let agenda = team.rt(["agenda", "--meeting", "2026-12-08", "--today", "2026-11-29"]).output().unwrap();
    assert_eq!(agenda.status.code(), Some(0), "{}", stderr(&agenda));
    assert!(!stderr(&agenda).contains("utelatt"), "no case left out: {}", stderr(&agenda));
}

/// A first meeting on another day than the meeting day is a warning (the series of a half-year
/// not yet published would follow it), not an error: after a change of `weekday` the first
/// dates of half-years gone by are history.
#[test]
fn a_first_meeting_off_the_meeting_day_is_a_warning() {
    let team = Team::new();
    // 2027-07-07 is a Wednesday; the team meets on Tuesdays.
    team.write(
        "rt.toml",
        &CONFIG.replace(
            "place = \"Møterommet\"",
            "place = \"Møterommet\"\n\n[meetings.first]\n\"2027H2\" = 2027-07-07",
        ),
    );
    let out = team.rt(["check", "--today", "2027-01-20"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        "rt.toml:49:12: advarsel: det første møtet, 2027-07-07, er en onsdag, men teamet møtes på tirsdag\n  \
         hjelp: møtene i et halvår som ikke er publisert, følger denne datoen og ikke `weekday`: velg en dato \
         på møtedagen; for et halvår som er publisert eller over, kan linjen fjernes\n"
    );
}

/// A measure left out of the catalogue for an error of its own is told there, once: the cases
/// that name it are not also told it is unknown.
#[test]
fn a_measure_with_an_error_is_told_once_not_again_in_the_cases_naming_it() {
    let team = Team::demo();
    let bank = team.read("tiltaksbank.toml");
    let broken = bank.replacen("\nname = \"", "\nname = \"Ny\\u2028", 1);
    assert_ne!(broken, bank);
    team.write("tiltaksbank.toml", &broken);
    let out = team.rt(["check", "--today", "2026-11-29"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let errors: Vec<&str> = text.lines().filter(|l| l.contains(": feil: ")).collect();
    assert_eq!(errors.len(), 1, "{text}");
    assert!(
        errors[0].starts_with("tiltaksbank.toml:") && errors[0].ends_with("skal stå på én linje"),
        "{text}"
    );
}
