//! `rt minutes`, `rt record`, `rt decide`, `rt close`: the referat in both formats and
//! languages, who gets a copy, the shortlist, every status step, and a case from discussion
//! to closed.

use crate::common::*;

const DAY: &str = "2026-12-08";

fn minutes(team: &Team, args: &[&str]) -> std::process::Output {
    let mut all = vec!["minutes", "--today", DAY];
    all.extend(args);
    team.rt(&all).output().unwrap()
}

#[test]
fn snapshots_of_a_referat_in_markdown_and_html_in_both_languages() {
    let team = Team::demo();
    for (format, lang) in [("md", "nb"), ("md", "en"), ("html", "nb"), ("html", "en")] {
        let out = minutes(&team, &["2026-11-02-4mvl", "--format", format, "--lang", lang]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        insta::assert_snapshot!(format!("minutes_{format}_{lang}"), stdout(&out));
    }
}

#[test]
fn copies_go_only_to_consented_units() {
    let team = Team::demo();
    // Every demo case: the "Kopi til" line names only units in the case's consent.
    let names = [
        ("helsestasjon", "Helsestasjon og skolehelsetjeneste"),
        ("psykisk-helse-rus", "Psykisk helse- og rustjeneste"),
        ("barnevern", "Barneverntjenesten"),
        ("fysio-ergo", "Fysioterapi- og ergoterapitjenesten"),
        ("kommunepsykolog", "Kommunepsykolog"),
        ("nav", "NAV Eikvik"),
    ];
    for rel in team.case_files() {
        let case = rt::store::case_file::read(&rel, &team.read(&rel)).case.unwrap();
        let out = minutes(&team, &[&case.id.to_string()]);
        assert_eq!(out.status.code(), Some(0), "{rel}: {}", stderr(&out));
        let text = stdout(&out);
        let line = text.lines().find(|l| l.starts_with("**Kopi til:**")).expect("a distribution line");
        let consented: Vec<&str> =
            case.consent.iter().flat_map(|c| c.units.iter().map(String::as_str)).collect();
        for (id, name) in names {
            if line.contains(name) {
                assert!(consented.contains(&id), "{rel}: {name} gets a copy without consent: {line}");
                assert_ne!(id, case.referrer.unit, "{rel}: the archive unit is not a copy: {line}");
            }
        }
        assert!(text.contains(&format!(
            "**Arkiveres hos:** {}",
            names.iter().find(|(i, _)| *i == case.referrer.unit).unwrap().1
        )));
    }
}

#[test]
fn an_anonymous_case_has_no_identity_and_no_copies() {
    let team = Team::demo();
    let out = minutes(&team, &["2026-10-13-pbtn"]);
    let text = stdout(&out);
    assert!(text.contains("| Bruker | Anonym drøfting (14 år) |"), "{text}");
    assert!(text.contains("**Kopi til:** ingen (anonym drøfting)"), "{text}");
    assert!(!text.contains("født"), "{text}");
}

#[test]
fn withdrawn_consent_means_no_copies() {
    let team = Team::demo();
    let rel = "cases/2026/2026-11-19-kefo.toml";
    team.write(
        rel,
        &team.read(rel).replace(
            "units = [\"psykisk-helse-rus\"]",
            "units = [\"psykisk-helse-rus\"]\nwithdrawn = 2026-11-30",
        ),
    );
    let text = stdout(&minutes(&team, &["2026-11-19-kefo"]));
    assert!(text.contains("**Kopi til:** ingen (samtykket er trukket tilbake)"), "{text}");
    assert!(!text.contains("Kopi til:** Psykisk"), "{text}");
}

#[test]
fn before_the_outcome_the_shortlist_fits_the_users_age() {
    let team = Team::demo();
    // R.O. is 24 on 8 December 2026: measures for adults, and for parents (labelled so), none
    // only for children or for the elderly; the providers outside the team after the units.
    let text = stdout(&minutes(&team, &["2026-11-19-kefo"]));
    assert!(text.contains("## Tiltak som passer brukerens alder"), "{text}");
    assert!(text.contains("- [ ] Kurs i depresjonsmestring (KiD) (åpent, selektivt)\n"), "{text}");
    assert!(text.contains("- [ ] Oppfølgingssamtaler om rus (via ressursteamet, indikert)\n"), "{text}");
    assert!(text.contains("- [ ] Ungdomskontakt i NAV (henvisning fra NAV-veileder, selektivt)\n"), "{text}");
    assert!(text.contains("- [ ] Barselgruppe (åpent, universelt, foreldre til barn 0–1 år)\n"), "{text}");
    assert!(
        text.contains("### Eikvik frivilligsentral (utenfor familiesenteret)\n\n- [ ] Åpen møteplass for småbarnsforeldre"),
        "{text}"
    );
    let nav = text.find("### NAV Eikvik").unwrap();
    assert!(nav < text.find("### Eikvik frivilligsentral").unwrap(), "{text}");
    for not_for_24 in ["Sansemotorisk gruppe", "Sterk og stødig", "Leksehjelp", "Friplass i kulturskolen"] {
        assert!(!text.contains(not_for_24), "{not_for_24} does not fit a 24-year-old:\n{text}");
    }
    // Once the outcome is recorded, the proposals take the shortlist's place.
    let text = stdout(&minutes(&team, &["2026-11-02-4mvl"]));
    assert!(!text.contains("## Tiltak som passer"), "{text}");
    assert!(
        text.contains("| Samspillsveiledning (Circle of Security) | Helsestasjon og skolehelsetjeneste |"),
        "{text}"
    );
}

#[test]
fn a_meeting_writes_one_file_per_case_named_without_personal_data() {
    let team = Team::demo();
    let dir = team.path("referater");
    let out = minutes(
        &team,
        &["--meeting", "2026-12-08", "--out", dir.to_str().unwrap(), "--absent", "Eirik Moen"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "referat-2026-12-08-2026-11-16-mcax.md",
            "referat-2026-12-08-2026-11-19-kefo.md",
            "referat-2026-12-08-2026-11-20-ung2.md"
        ]
    );
    let text = std::fs::read_to_string(dir.join(&names[0])).unwrap();
    assert!(text.contains("**Forfall:** Eirik Moen"), "{text}");
    assert!(!text.lines().find(|l| l.starts_with("**Til stede:**")).unwrap().contains("Eirik"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(dir.join(&names[0])).unwrap().permissions().mode() & 0o777, 0o600);
    }
    // Several cases without --out cannot go to one screen.
    let out = minutes(&team, &["--meeting", "2026-12-08"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("3 referater trenger en mappe"), "{}", stderr(&out));
    // An absent name that is no member is refused, with a suggestion.
    let out = minutes(&team, &["2026-11-16-mcax", "--absent", "Erik Moen"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("`Erik Moen` er ikke et fast medlem")
            && stderr(&out).contains("mente du `Eirik Moen`?")
    );
}

/// Needs pandoc: Unix only (the Windows run of the tests, under Wine, has none).
#[cfg(unix)]
#[test]
fn pandoc_turns_the_markdown_into_docx() {
    let Ok(version) = std::process::Command::new("pandoc").arg("--version").output() else {
        return missing_tool("pandoc");
    };
    assert!(version.status.success());
    let team = Team::demo();
    let md = team.path("referat.md");
    std::fs::write(&md, minutes(&team, &["2026-11-02-4mvl"]).stdout).unwrap();
    let docx = team.path("referat.docx");
    let out = std::process::Command::new("pandoc").arg(&md).arg("-o").arg(&docx).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&docx).unwrap();
    assert!(bytes.starts_with(b"PK"), "a DOCX is a zip file");
    // Back to plain text: the title from the metadata block and the tables survive.
    let text = std::process::Command::new("pandoc")
        .arg(&docx)
        .args(["-t", "plain", "--wrap=none"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Referat fra ressursteamet"), "{text}");
    assert!(text.contains("Samspillsveiledning (Circle of Security)"), "{text}");
}

/// Needs pandoc: Unix only (the Windows run of the tests, under Wine, has none).
#[cfg(unix)]
#[test]
fn a_free_text_cannot_forge_a_section_of_the_markdown_referat() {
    let Ok(_) = std::process::Command::new("pandoc").arg("--version").output() else {
        return missing_tool("pandoc");
    };
    let team = Team::demo();
    let rel = "cases/2026/2026-11-02-4mvl.toml";
    let forged = "Uro.\n\n**Kopi til:** NAV Eikvik, Politiet\n\n## Vedtak\n\n- Barnet flyttes\n1. Straks\n\n> sitat\n\n    kode\n\n<b>fet</b> [lenke](http://x.example) `kode` $x$";
    let text = team.read(rel);
    let concern_line = text.lines().find(|l| l.starts_with("concern = ")).unwrap().to_string();
    team.write(rel, &text.replace(&concern_line, &format!("concern = {}", toml_edit::Value::from(forged))));
    let out = minutes(&team, &["2026-11-02-4mvl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = team.path("referat.md");
    std::fs::write(&md, &out.stdout).unwrap();
    let html = std::process::Command::new("pandoc")
        .arg(&md)
        .args(["-f", "markdown", "-t", "html"])
        .output()
        .unwrap();
    assert!(html.status.success(), "{}", String::from_utf8_lossy(&html.stderr));
    let html = String::from_utf8_lossy(&html.stdout);
    // The template's own sections are there once each; the text made none of its own.
    assert_eq!(html.matches("<strong>Kopi til:</strong>").count(), 1, "{html}");
    for forged in [
        "Vedtak</h2>",
        "<li>Barnet",
        "<li>Straks",
        "<blockquote>",
        "<pre>",
        "<b>fet",
        "<a href",
        "<code>kode",
        "class=\"math",
    ] {
        assert!(!html.contains(forged), "{forged} in:\n{html}");
    }
    // The words are all still there, as text.
    for words in
        ["Kopi til:** NAV Eikvik, Politiet", "## Vedtak", "- Barnet flyttes", "[lenke](http://x.example)"]
    {
        assert!(html.contains(&words.replace('>', "&gt;")), "{words} in:\n{html}");
    }
}

/// The case file, for checking it did not change.
fn case_text(team: &Team, id: &str) -> String {
    team.read(&format!("cases/2026/{id}.toml"))
}

#[test]
fn every_illegal_status_step_is_refused_and_changes_nothing() {
    let team = Team::demo();
    let refuse = |args: &[&str], id: &str, message: &str| {
        let before = case_text(&team, id);
        let mut all = vec!["--today", DAY];
        all.extend(args);
        let out = team.rt(&all).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert_eq!(case_text(&team, id), before, "{args:?} changed the file");
    };
    // scheduled: no decision before an outcome; no closing without a reason
    refuse(
        &["decide", "2026-11-16-mcax", "--accept", "kid-kurs"],
        "2026-11-16-mcax",
        "`rt decide` kan ikke brukes på en sak som står som «satt opp»",
    );
    refuse(
        &["close", "2026-11-16-mcax"],
        "2026-11-16-mcax",
        "å avslutte før brukerens beslutning krever en grunn",
    );
    // decided: no new outcome
    refuse(
        &["record", "2026-09-01-nknk", "--assessment", "x", "--next-step", "y"],
        "2026-09-01-nknk",
        "`rt record` kan ikke brukes på en sak som står som «besluttet»",
    );
    // closed: nothing at all
    for args in [
        vec!["record", "2026-08-11-q46y", "--assessment", "x", "--next-step", "y"],
        vec!["decide", "2026-08-11-q46y", "--accept", "motorisk-kartlegging"],
        vec!["close", "2026-08-11-q46y", "--reason", "igjen"],
    ] {
        refuse(&args, "2026-08-11-q46y", "på en sak som står som «avsluttet»");
    }
    // discussed: a decision only on proposed measures, never both ways, never empty
    refuse(
        &["decide", "2026-10-13-pbtn", "--accept", "kid-kurs"],
        "2026-10-13-pbtn",
        "tiltaket `kid-kurs` ble ikke foreslått i saken [--accept]",
    );
    refuse(
        &[
            "decide",
            "2026-10-13-pbtn",
            "--accept",
            "samtaler-helsesykepleier",
            "--decline",
            "samtaler-helsesykepleier",
        ],
        "2026-10-13-pbtn",
        "`samtaler-helsesykepleier` kan ikke både takkes ja og nei til",
    );
    refuse(&["decide", "2026-10-13-pbtn"], "2026-10-13-pbtn", "oppgi hvilke tiltak brukeren takker ja");
    // record: unknown measures, level 2 outside BTI, a national id in the text
    refuse(
        &[
            "record",
            "2026-11-16-mcax",
            "--propose",
            "oppfolging-russ",
            "--assessment",
            "x",
            "--next-step",
            "y",
        ],
        "2026-11-16-mcax",
        "ukjent tiltak `oppfolging-russ` [--propose]",
    );
    refuse(
        &[
            "record",
            "2026-11-16-mcax",
            "--propose",
            "leksehjelp:frivilligsentral",
            "--assessment",
            "x",
            "--next-step",
            "y",
        ],
        "2026-11-16-mcax",
        "`frivilligsentral` er en tilbyder utenfor teamet og kan ikke få oppdraget [--propose]",
    );
    refuse(
        &["record", "2026-11-16-mcax", "--level2", "--assessment", "x", "--next-step", "y"],
        "2026-11-16-mcax",
        "bare BTI-saker kan løftes til instansmøte (nivå 2) [--level2]",
    );
    let fnr = fake_national_id("010190", "123");
    let text = format!("Se {fnr}");
    refuse(
        &["record", "2026-11-16-mcax", "--assessment", &text, "--next-step", "y"],
        "2026-11-16-mcax",
        "teamets vurdering inneholder noe som ligner et fødselsnummer [--assessment]",
    );
}

#[test]
fn a_case_from_discussion_to_closed() {
    let team = Team::demo();
    let id = "2026-11-16-mcax";
    let rt = |args: &[&str]| {
        let mut all = vec!["--today", DAY];
        all.extend(args);
        let out = team.rt(&all).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        out
    };
    let out = rt(&[
        "record",
        id,
        "--propose",
        "oppfolging-rus,samtaler-helsesykepleier,leksehjelp",
        "--assessment",
        "Angst og begynnende rusbruk;\ntrenger én fast voksen.",
        "--next-step",
        "Samira avtaler møte med ungdommen.",
    ]);
    assert!(
        stderr(&out).contains("er drøftet: 3 tiltak foreslått; oppfølging 2027-01-19 (Samira Khan)"),
        "{}",
        stderr(&out)
    );
    let text = case_text(&team, id);
    assert!(text.contains("status = \"discussed\""), "{text}");
    assert!(
        text.contains("measure = \"oppfolging-rus\"\nunit = \"psykisk-helse-rus\"\nevaluate = 2027-01-19"),
        "{text}"
    );
    // A measure of a provider outside the team is followed up by the referring unit.
    assert!(text.contains("measure = \"leksehjelp\"\nunit = \"psykisk-helse-rus\"\n"), "{text}");
    // The referat now shows the outcome, with the assessment's line break kept for Pandoc.
    let referat = stdout(&minutes(&team, &[id]));
    assert!(referat.contains("Angst og begynnende rusbruk;\\\ntrenger én fast voksen."), "{referat}");
    assert!(
        referat.contains(
            "| Oppfølgingssamtaler om rus | Psykisk helse- og rustjeneste | tirsdag 19. januar 2027 |"
        ),
        "{referat}"
    );

    let out = rt(&[
        "decide",
        id,
        "--accept",
        "oppfolging-rus,leksehjelp",
        "--decline",
        "samtaler-helsesykepleier",
        "--date",
        "2026-12-15",
    ]);
    assert!(stderr(&out).contains("ja til 2, nei til 1"), "{}", stderr(&out));
    let referat = stdout(&minutes(&team, &[id]));
    assert!(referat.contains("## Brukerens beslutning (tirsdag 15. desember 2026)"), "{referat}");
    assert!(referat.contains("- Takket ja til: Oppfølgingssamtaler om rus"), "{referat}");

    rt(&["close", id, "--date", "2027-02-01"]);
    let text = case_text(&team, id);
    assert!(text.contains("status = \"closed\"") && text.contains("closed = 2027-02-01"), "{text}");
    assert!(text.contains("[decision]\ndate = 2026-12-15"), "{text}");
    team.rt(["check", "--today", "2027-02-01"]).assert().success();
}

#[test]
fn closing_early_needs_a_reason_and_frees_the_meeting() {
    let team = Team::demo();
    let id = "2026-11-20-ung2";
    let out = team
        .rt(["close", id, "--reason", "Trukket av den som meldte", "--today", "2026-11-30"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = case_text(&team, id);
    assert!(text.contains("closed_reason = \"Trukket av den som meldte\""), "{text}");
    assert!(!text.contains("meeting ="), "the place in the meeting is given back: {text}");
    // The meeting of 8 December has room again.
    let s = team.rt(["schedule", "--format", "json", "--today", "2026-11-30"]).output().unwrap();
    let s: serde_json::Value = serde_json::from_slice(&s.stdout).unwrap();
    let dec8 = s["meetings"].as_array().unwrap().iter().find(|m| m["date"] == "2026-12-08").unwrap();
    assert_eq!(dec8["placed"], 2);
}

#[test]
fn the_html_referat_escapes_every_text() {
    let team = Team::demo();
    let rel = "cases/2026/2026-11-19-kefo.toml";
    team.write(
        rel,
        &team.read(rel).replace("Gravid i uke 24", "<script>alert('x')</script> & <b>Gravid</b> i uke 24"),
    );
    let html = stdout(&minutes(&team, &["2026-11-19-kefo", "--format", "html"]));
    assert!(html.contains("&lt;script&gt;") && html.contains("&amp; &lt;b&gt;Gravid"), "{html}");
    assert!(!html.contains("<script>") && !html.contains("<b>Gravid"), "{html}");
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.contains("<style>") && !html.contains("<link"),
        "self-contained"
    );
}

#[test]
fn an_empty_shortlist_and_an_empty_room_are_said_in_words() {
    let team = Team::new();
    team.write("tiltaksbank.toml", "schema = 1\n");
    let out = team.rt(valid_referral()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    for (format, lang, none, nobody) in [
        (
            "md",
            "nb",
            "*Ingen tiltak i tiltaksbanken passer brukerens alder",
            "**Til stede:** *(ingen ført opp)*",
        ),
        ("md", "en", "*No measure in the tiltaksbank fits the user's age", "**Present:** *(nobody listed)*"),
        (
            "html",
            "nb",
            "<p><em>Ingen tiltak i tiltaksbanken passer",
            "<strong>Til stede:</strong> <em>(ingen ført opp)</em>",
        ),
        (
            "html",
            "en",
            "<p><em>No measure in the tiltaksbank fits",
            "<strong>Present:</strong> <em>(nobody listed)</em>",
        ),
    ] {
        let out = team
            .rt([
                "minutes",
                &id,
                "--today",
                TODAY,
                "--format",
                format,
                "--lang",
                lang,
                "--absent",
                "Marit Haugen",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains(none) && text.contains(nobody), "{format} {lang}:\n{text}");
    }
}

#[test]
fn an_outcome_recorded_before_the_meeting_is_warned_about() {
    let team = Team::demo();
    let record = ["record", "2026-11-16-mcax", "--assessment", "Vurdering", "--next-step", "Steg"];
    // Today is 23 November; the case's meeting is 8 December.
    let out = team.rt(record.iter().copied().chain(["--today", "2026-11-23"])).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let warning = "advarsel: teamets vurdering er datert 2026-12-08, som ikke har kommet ennå";
    assert!(stderr(&out).contains(warning), "{}", stderr(&out));
    let out = team.rt(["check", "--today", "2026-11-23"]).output().unwrap();
    assert!(
        stdout(&out).contains(&format!("cases/2026/2026-11-16-mcax.toml:31:8: {warning}")),
        "{}",
        stdout(&out)
    );
    // On the day of the meeting, all is well.
    let out = team.rt(["check", "--today", "2026-12-08"]).output().unwrap();
    assert!(!stdout(&out).contains("har ikke kommet ennå"), "{}", stdout(&out));

    // Recorded after the meeting: no warning.
    let team = Team::demo();
    let out = team.rt(record.iter().copied().chain(["--today", "2026-12-09"])).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!stderr(&out).contains("har ikke kommet ennå"), "{}", stderr(&out));
}

#[test]
fn the_default_follow_up_skips_a_cancelled_meeting() {
    let team = Team::new();
    let rel = "cases/2027/2027-01-05-ffff.toml";
    team.write(rel, &scheduled_case("2027-01-05-ffff", "2027-01-26"));
    // Six weeks after 26 January is the meeting of 9 March, which is cancelled.
    for args in [
        vec!["schedule", "--publish", "--half", "2027H1", "--today", TODAY],
        vec!["schedule", "--cancel", "2027-03-09", "--reason", "Kurs", "--today", TODAY],
    ] {
        let out = team.rt(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
    let out = team
        .rt([
            "record",
            "2027-01-05-ffff",
            "--today",
            "2027-01-26",
            "--assessment",
            "Vurdert.",
            "--next-step",
            "Ring.",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(team.read(rel).contains("follow_up = 2027-03-30"), "{}", team.read(rel));
    assert!(stderr(&out).contains("oppfølging 2027-03-30"), "{}", stderr(&out));
}

#[test]
fn status_names_are_norwegian_in_norwegian_messages() {
    let team = Team::demo();
    let out =
        team.rt(["decide", "2026-11-16-mcax", "--accept", "kid-kurs", "--today", DAY]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("`rt decide` kan ikke brukes på en sak som står som «satt opp»"), "{err}");
    assert!(!err.contains("`scheduled`"), "{err}");
    let out = team.rt(["close", "2026-11-16-mcax", "--today", DAY]).output().unwrap();
    assert!(stderr(&out).contains("saken står som «satt opp»; å avslutte"), "{}", stderr(&out));
    let out = team
        .rt(["decide", "2026-11-16-mcax", "--accept", "kid-kurs", "--today", DAY, "--lang", "en"])
        .output()
        .unwrap();
    assert!(stderr(&out).contains("with status `scheduled`"), "{}", stderr(&out));
}
