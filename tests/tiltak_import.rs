//! `rt tiltak import` on a sheet made the way municipalities make them — a title and a date
//! above the header, the seeds' column names, services in merged cells, section rows in the
//! pyramid's colours, services outside the family centre, a row twice — and what it writes:
//! every measure right, the preview a checklist, hand edits kept, skipped rows told.

#[path = "fixtures/municipal_sheet.rs"]
mod municipal_sheet;

use crate::common::*;
use municipal_sheet::workbook;

/// A measure as it should be: id, provider, access, referral from, level, youngest, oldest,
/// for parents.
type Expected = (&'static str, &'static str, &'static str, &'static str, &'static str, u64, u64, bool);

fn measure_json(team: &Team, id: &str) -> serde_json::Value {
    let out = team.rt(["tiltak", "show", id, "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{id}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_municipal_sheet_imports_with_every_row_right() {
    let team = Team::new();
    let xlsx = team.path("Forebyggende tiltak.xlsx");
    workbook(&xlsx, |_| {});
    let before = team.snapshot();
    let out = team.rt(["tiltak", "import", xlsx.to_str().unwrap(), "--add-providers"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("municipal_sheet_preview", stdout(&out));
    assert_eq!(
        stderr(&out),
        "14 nye, 0 endret, 0 uendret, 1 doble rader telt én gang, 0 hoppet over.\nIngenting er skrevet; kjør med --apply for å skrive.\n"
    );
    assert_eq!(team.snapshot(), before, "nothing written without --apply");

    let out =
        team.rt(["tiltak", "import", xlsx.to_str().unwrap(), "--add-providers", "--apply"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("3 nye tilbydere skrevet til rt.toml."), "{}", stderr(&out));
    let config = team.read("rt.toml");
    assert!(
        config.contains("[[providers]]\nid = \"kulturskolen\"\nname = \"Kulturskolen\"\n\n[[providers]]\nid = \"frivilligsentralen\"\nname = \"Frivilligsentralen\"\n\n[[providers]]\nid = \"ppt\"\nname = \"PPT\"\n"),
        "{config}"
    );
    assert!(
        config.starts_with(CONFIG.split("[meetings]").next().unwrap()),
        "the rest of rt.toml is as it was"
    );
    team.rt(["check"]).assert().success();

    // (id, provider, access, referral from, level, youngest, oldest, for parents)
    let expected: [Expected; 16] = [
        ("helsestasjon-for-ungdom", "helsestasjon", "open", "", "universal", 13, 20, false),
        ("barselgruppe", "helsestasjon", "open", "", "universal", 0, 1, true),
        ("skolehelsetjenesten", "helsestasjon", "open", "", "universal", 6, 15, false),
        ("kulturverksted", "kulturskolen", "open", "", "universal", 6, 18, false),
        ("leksehjelp", "frivilligsentralen", "open", "", "universal", 10, 15, false),
        ("apen-moteplass", "frivilligsentralen", "open", "", "universal", 0, 6, true),
        ("rask-psykisk-helsehjelp", "psykisk-helse-rus", "open", "", "selective", 16, 120, false),
        ("de-utrolige-arene", "kommunepsykolog", "via-team", "", "selective", 3, 8, true),
        ("ungdomskontakt", "nav", "referral", "NAV-veileder", "selective", 16, 25, false),
        ("sakkyndig-vurdering", "ppt", "referral", "barnehage eller skole", "selective", 1, 18, false),
        ("sansemotorisk-gruppe", "fysio-ergo", "via-team", "", "selective", 3, 7, false),
        ("psykomotorisk-fysioterapi", "fysio-ergo", "referral", "fastlege", "selective", 13, 120, false),
        ("foreldreveiledning-i-hjemmet", "barnevern", "decision", "", "indicated", 0, 18, true),
        ("avlastning-i-besokshjem", "barnevern", "decision", "", "indicated", 0, 18, false),
        // The two measures the test team had before are untouched.
        ("foreldreveiledning-icdp", "helsestasjon", "open", "", "", 0, 18, false),
        ("hjemmebasert-veiledning", "barnevern", "via-team", "", "", 0, 18, false),
    ];
    for (id, provider, access, from, level, min, max, parents) in expected {
        let m = measure_json(&team, id);
        let got = (
            m["provider"].as_str().unwrap(),
            m["access"].as_str().unwrap(),
            m["referral_from"].as_str().unwrap(),
            m["level"].as_str().unwrap_or(""),
            m["age_min"].as_u64().unwrap(),
            m["age_max"].as_u64().unwrap(),
            m["parents"].as_bool().unwrap(),
        );
        assert_eq!(got, (provider, access, from, level, min, max, parents), "{id}");
    }
    // Contacts written once per service are filled down within it, not beyond.
    assert_eq!(measure_json(&team, "barselgruppe")["contact"], "Helsestasjonen, 00 00 10 00");
    assert_eq!(measure_json(&team, "psykomotorisk-fysioterapi")["contact"], "00 00 30 00");
    assert_eq!(measure_json(&team, "kulturverksted")["target"], "Barn 6-12 år og ungdom 13-18");
    let list = team.rt(["tiltak", "list", "--format", "json"]).output().unwrap();
    let all: Vec<serde_json::Value> = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(all.len(), 2 + 14, "the duplicate row is one measure");

    // The filters use the new fields.
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["tiltak", "list", "--format", "json"];
        all.extend(args);
        let out = team.rt(&all).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        rows.iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(ids(&["--provider", "frivilligsentralen"]), ["leksehjelp", "apen-moteplass"]);
    assert_eq!(
        ids(&["--access", "referral"]),
        ["ungdomskontakt", "sakkyndig-vurdering", "psykomotorisk-fysioterapi"]
    );
    assert_eq!(ids(&["--level", "indicated"]), ["foreldreveiledning-i-hjemmet", "avlastning-i-besokshjem"]);
    assert_eq!(
        ids(&["--level", "universal", "--age", "4"]),
        ["apen-moteplass"],
        "barselgruppe is for parents of 0–1"
    );
    assert_eq!(
        ids(&["--level", "universal", "--age", "30"]),
        ["barselgruppe", "apen-moteplass"],
        "parents are adults"
    );
    // The referat of a case about a child of 7 offers what fits, the services outside the team
    // after the team's units.
    let out = team.rt(valid_referral()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    let out = team.rt(["--today", TODAY, "minutes", &id]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let referat = stdout(&out);
    let start = referat.find("## Tiltak som passer brukerens alder").expect(&referat);
    let end = referat.find("## Videre arbeid").expect(&referat);
    let shortlist: Vec<&str> =
        referat[start..end].lines().filter(|l| l.starts_with('#') || l.starts_with("- [ ]")).collect();
    assert_eq!(
        shortlist,
        [
            "## Tiltak som passer brukerens alder",
            "### Helsestasjon og skolehelsetjeneste",
            "- [ ] Foreldreveiledning (ICDP) (åpent)",
            "- [ ] Skolehelsetjenesten (åpent, universelt)",
            "### Barneverntjenesten",
            "- [ ] Hjemmebasert foreldreveiledning (via ressursteamet)",
            "- [ ] Foreldreveiledning i hjemmet (vedtak, indikert, foreldre til barn 0–18 år)",
            "- [ ] Avlastning i besøkshjem (vedtak, indikert)",
            "### Fysioterapi- og ergoterapitjenesten",
            "- [ ] Sansemotorisk gruppe (via ressursteamet, selektivt)",
            "### Kommunepsykolog",
            "- [ ] De utrolige årene (via ressursteamet, selektivt, foreldre til barn 3–8 år)",
            "### Kulturskolen (utenfor familiesenteret)",
            "- [ ] Kulturverksted (åpent, universelt)",
            "### PPT (utenfor familiesenteret)",
            "- [ ] Sakkyndig vurdering (henvisning fra barnehage eller skole, selektivt)",
        ]
    );

    // Importing the same sheet again changes nothing.
    let out = team.rt(["tiltak", "import", xlsx.to_str().unwrap(), "--apply"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("0 nye, 0 endret, 14 uendret, 1 doble rader telt én gang, 0 hoppet over.\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn reimport_after_a_hand_edit_keeps_the_edit() {
    let team = Team::new();
    let xlsx = team.path("tiltak.xlsx");
    workbook(&xlsx, |_| {});
    team.rt(["tiltak", "import", xlsx.to_str().unwrap(), "--add-providers", "--apply"]).assert().success();

    // Someone edits the catalogue by hand: Leksehjelp's contact and Kulturverksted's level.
    let text = team.read("tiltaksbank.toml");
    let edited = text
        .replacen("contact = \"Frivilligsentralen, 00 00 60 00\"", "contact = \"Ring Kari, 00 00 60 01\"", 1)
        .replacen(
            "level = \"universal\"\ntarget = \"Barn 6-12 år og ungdom 13-18\"",
            "level = \"selective\"\ntarget = \"Barn 6-12 år og ungdom 13-18\"",
            1,
        );
    assert_ne!(edited, text);
    team.write("tiltaksbank.toml", &edited);
    team.rt(["check"]).assert().success();

    // The municipality's next sheet: Leksehjelp now from 4. trinn and a new phone number.
    workbook(&xlsx, |cells| {
        if cells[1] == "Leksehjelp" {
            cells[3] = "Elever på 4.–10. trinn";
            cells[5] = "Frivilligsentralen, 00 00 60 99";
        }
    });
    let out = team.rt(["tiltak", "import", xlsx.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let preview = stdout(&out);
    let at = preview.find("~ rad 10   Leksehjelp [leksehjelp]").expect(&preview);
    let entry: String = preview[at..].lines().take(5).collect::<Vec<_>>().join("\n");
    assert_eq!(
        entry,
        "~ rad 10   Leksehjelp [leksehjelp]
           Frivilligsentralen · åpent · universelt · 9–15 år
           målgruppe: «Elever på 5.–10. trinn» → «Elever på 4.–10. trinn»
           alder: 10–15 år → 9–15 år
           kontakt: beholdt «Ring Kari, 00 00 60 01», endret for hånd; arket sier «Frivilligsentralen, 00 00 60 99» (--overwrite-edited tar arkets)"
    );
    assert!(
        preview.contains("= rad 9    Kulturverksted [kulturverksted]\n           Kulturskolen · åpent · selektivt · 6–18 år\n           nivå: beholdt selektivt, endret for hånd; arket sier universelt (--overwrite-edited tar arkets)\n"),
        "{preview}"
    );
    // Åpen møteplass has its contact from the row above, in the same service: it follows.
    assert!(preview.contains("~ rad 11   Åpen møteplass [apen-moteplass]\n"), "{preview}");
    assert!(
        stderr(&out).starts_with("0 nye, 2 endret, 12 uendret, 1 doble rader telt én gang, 2 felt beholdt (endret for hånd), 0 hoppet over.\n"),
        "{}",
        stderr(&out)
    );

    team.rt(["tiltak", "import", xlsx.to_str().unwrap(), "--apply"]).assert().success();
    let m = measure_json(&team, "leksehjelp");
    assert_eq!((m["contact"].as_str(), m["age_min"].as_u64()), (Some("Ring Kari, 00 00 60 01"), Some(9)));
    assert_eq!(measure_json(&team, "kulturverksted")["level"], "selective");
    // And again: the edit is still an edit.
    let out = team.rt(["tiltak", "import", xlsx.to_str().unwrap(), "--apply"]).output().unwrap();
    assert!(
        stderr(&out).starts_with("0 nye, 0 endret, 14 uendret, 1 doble rader telt én gang, 2 felt beholdt"),
        "{}",
        stderr(&out)
    );
    assert_eq!(measure_json(&team, "leksehjelp")["contact"], "Ring Kari, 00 00 60 01");

    // Only when asked, the sheet wins.
    team.rt(["tiltak", "import", xlsx.to_str().unwrap(), "--apply", "--overwrite-edited"]).assert().success();
    assert_eq!(measure_json(&team, "leksehjelp")["contact"], "Frivilligsentralen, 00 00 60 99");
    assert_eq!(measure_json(&team, "kulturverksted")["level"], "universal");
}

#[test]
fn a_column_missing_from_the_sheet_leaves_its_field_alone() {
    let team = Team::new();
    let csv = team.path("kort.csv");
    std::fs::write(&csv, "Tiltak;Enhet;Målgruppe\nFamilieråd;Barneverntjenesten;Barn 0-18 år\n").unwrap();
    team.write(
        "tiltaksbank.toml",
        "schema = 1\n\n[[measures]]\nid = \"familierad\"\nname = \"Familieråd\"\nprovider = \"barnevern\"\naccess = \"via-team\"\nage_min = 0\nage_max = 18\ndescription = \"Familien lager en plan\"\ncontact = \"Ressursteamet\"\ntags = [\"nettverk\"]\n",
    );
    let out = team.rt(["tiltak", "import", csv.to_str().unwrap(), "--apply"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("~ rad 2    Familieråd [familierad]\n           Barneverntjenesten · via ressursteamet · uten nivå · 0–18 år\n           målgruppe: (tomt) → «Barn 0-18 år»\n"),
        "an empty field is filled: {}",
        stdout(&out)
    );
    let after = team.read("tiltaksbank.toml");
    assert!(
        after.contains("access = \"via-team\"\ntarget = \"Barn 0-18 år\"\nage_min = 0\nage_max = 18\ndescription = \"Familien lager en plan\"\ncontact = \"Ressursteamet\"\ntags = [\"nettverk\"]\n\n[measures.imported]\ndate = "),
        "no column for the description, contact or tags: left alone\n{after}"
    );
    let m = measure_json(&team, "familierad");
    assert_eq!(
        (m["description"].as_str(), m["access"].as_str()),
        (Some("Familien lager en plan"), Some("via-team"))
    );
}

#[test]
fn bad_rows_are_skipped_told_and_the_good_ones_still_written() {
    let team = Team::new();
    let csv = team.path("tiltak.csv");
    std::fs::write(
        &csv,
        "Oversikt over tiltak\n\
         Tiltak;Tjeneste;Målgruppe;Henvisning\n\
         Babysang;Helsestasjonen;Småbarnsforeldre;Ta kontakt\n\
         Råd;Barnevernstjenesten;Barn;Ta kontakt\n\
         Kor;Helsestasjonen;for de fleste;Ta kontakt\n\
         Kurs;NAV;Voksne;\n\
         Babysang;Helsestasjonen;Foreldre;Ta kontakt\n",
    )
    .unwrap();
    let out = team.rt(["tiltak", "import", csv.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "tiltak.csv, rad 4, kolonne B (Tjeneste): feil: ukjent tilbyder `Barnevernstjenesten`
  hjelp: mente du `Barneverntjenesten`?
tiltak.csv, rad 5, kolonne C (Målgruppe): feil: kan ikke lese målgruppen `for de fleste` som alder
  hjelp: skriv f.eks. «6–12 år», «1.–4. trinn», «Foreldre til barn 0–6 år», «Ungdom 13–18», «Voksne» eller «Alle», eller gi alderen i kolonnene Alder fra / Alder til
tiltak.csv, rad 6: feil: raden sier ikke hvordan man får tiltaket
  hjelp: fyll inn hvordan man får tiltaket (f.eks. «Ta kontakt», «Henvisning fra fastlege», «Via vedtak»), eller oppgi --default-access
tiltak.csv, rad 7, kolonne A (Tiltak): feil: `babysang` står allerede på rad 3, med noe annet innhold
  hjelp: slå radene sammen i arket, eller gi den ene en egen id i en Id-kolonne
1 nye, 0 endret, 0 uendret, 4 hoppet over.
Ingenting er skrevet; kjør med --apply for å skrive.
feil: 4 rader hoppet over: ukjent tilbyder (1), uleselig målgruppe (1), uten tilgang (1), dobbel rad (1)
hjelp: rett radene over i arket; med --apply skrives de andre radene likevel
"
    );
    assert!(
        stdout(&out)
            .contains("! rad 4    Råd: hoppet over – ukjent tilbyder `Barnevernstjenesten` (kolonne B)\n"),
        "{}",
        stdout(&out)
    );
    let out = team.rt(["tiltak", "import", csv.to_str().unwrap(), "--apply"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("1 tiltak skrevet til tiltaksbank.toml.\nfeil: 4 rader hoppet over: "), "{err}");
    assert!(
        err.ends_with("\nhjelp: de andre radene er skrevet; rett radene over i arket og importer igjen\n"),
        "{err}"
    );
    assert_eq!(measure_json(&team, "babysang")["parents"], true);
    team.rt(["check"]).assert().success();

    // With a default for rows that do not say, and in English.
    let out = team
        .rt(["--lang", "en", "tiltak", "import", csv.to_str().unwrap(), "--default-access", "open"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "error: 3 rows skipped: unknown provider (1), unreadable target group (1), duplicate row (1)"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_csv_from_norwegian_excel_with_its_header_found_or_mapped() {
    let team = Team::demo();
    let csv = team.path("tiltak.csv");
    // "Hva" is no header rt knows; --map points to it. No access column: a default.
    let mut bytes = b"Hva;Enhet;Alder\r\n".to_vec();
    bytes.extend_from_slice(b"\xd8konomikurs;NAV;18-67\r\nS\xf8vnskole;Helsestasjon;0-6\r\n");
    std::fs::write(&csv, bytes).unwrap();
    let out = team.rt(["tiltak", "import", csv.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "feil: fant ingen overskriftsrad med tiltakets navn blant de første 15 radene\nhjelp: oppgi raden med overskriftene med --header-row N, og pek eventuelt på navnekolonnen med --map \"KOLONNE=name\"\n"
    );
    let out = team
        .rt([
            "tiltak",
            "import",
            csv.to_str().unwrap(),
            "--map",
            "Hva=name",
            "--default-access",
            "open",
            "--apply",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("+ rad 2    Økonomikurs [okonomikurs]\n           NAV Eikvik («NAV» i arket) · åpent · uten nivå · 18–67 år\n"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("+ rad 3    Søvnskole [sovnskole]"), "{}", stdout(&out));
    let out = team
        .rt(["tiltak", "import", csv.to_str().unwrap(), "--header-row", "3", "--map", "Hva=name"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("feil: fant ingen kolonne med tiltakets navn"), "{}", stderr(&out));
}

#[test]
fn empty_cells_taken_from_the_row_above_are_told_on_the_row() {
    let team = Team::new();
    let csv = team.path("tiltak.csv");
    std::fs::write(
        &csv,
        "Tiltak;Tjeneste;Tilgang;Kontakt\nBabysang;Helsestasjonen;Ta kontakt;00 00 10 00\nTom;;;\nKor;;Drop-in;\n",
    )
    .unwrap();
    let out = team.rt(["tiltak", "import", csv.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let checklist = stdout(&out);
    let rows = &checklist[checklist.find("+ rad 2").expect(&checklist)..];
    assert_eq!(
        rows,
        "+ rad 2    Babysang [babysang]
           Helsestasjon og skolehelsetjeneste («Helsestasjonen» i arket) · åpent · uten nivå · alle aldre
+ rad 3    Tom [tom]
           Helsestasjon og skolehelsetjeneste («Helsestasjonen» i arket) · åpent · uten nivå · alle aldre
           tilbyder, tilgang, kontakt fra raden over (tomt i arket)
+ rad 4    Kor [kor]
           Helsestasjon og skolehelsetjeneste («Helsestasjonen» i arket) · åpent · uten nivå · alle aldre
           tilbyder, kontakt fra raden over (tomt i arket)
"
    );
}

/// A name that breaks a line (a quoted CSV cell) is skipped, and the preview shows the break
/// as ⏎ so its rows keep their shape.
#[test]
fn a_line_break_in_a_name_is_shown_as_a_sign_in_the_preview() {
    let team = Team::new();
    team.write("x.csv", "Tiltak;Enhet;Tilgang\n\"Multi\nline\";helsestasjon;open\nGod;helsestasjon;open\n");
    let csv = team.path("x.csv");
    let out = team.rt(["tiltak", "import", csv.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let all = format!("{}{}", stdout(&out), stderr(&out));
    let rows: Vec<&str> = all.lines().filter(|l| l.starts_with("! ")).collect();
    assert_eq!(
        rows,
        ["! rad 2    Multi⏎line: hoppet over – `name` skal stå på én linje (kolonne A)"],
        "{all}"
    );
}

/// A file that is no spreadsheet is told as such, not as text in the wrong encoding.
#[test]
fn a_file_that_is_no_spreadsheet_is_told_so() {
    let team = Team::new();
    let path = team.path("tiltaksbank.toml");
    let out = team.rt(["tiltak", "import", path.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "feil: kan ikke lese {} som regneark\nhjelp: bruk et regneark (.xlsx, .xls, .ods) eller en .csv-fil; \
             lagre arket på nytt fra regnearkprogrammet hvis det er skadet\n",
            path.display()
        )
    );
}
