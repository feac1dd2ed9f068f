//! `rt tiltak`: browse and search (Norwegian letters, ranking), add (comments survive),
//! import from a real XLSX workbook and a Windows-1252 CSV, export and round trip, HSDS.

mod common;

use common::*;

fn ids(out: &std::process::Output) -> Vec<String> {
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    rows.iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn search_foreldre_finds_the_parenting_measures_first() {
    let team = Team::demo();
    let out = team.rt(["tiltak", "search", "foreldre", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let found = ids(&out);
    for parenting in ["foreldreveiledning-icdp", "hjemmebasert-veiledning", "de-utrolige-arene"] {
        let at =
            found.iter().position(|i| i == parenting).unwrap_or_else(|| panic!("{parenting} in {found:?}"));
        assert!(at < 4, "{parenting} ranks {at} in {found:?}");
    }
    let text = stdout(&team.rt(["tiltak", "search", "foreldre"]).output().unwrap());
    assert!(text.starts_with("ID "), "{text}");
}

#[test]
fn search_is_case_and_accent_insensitive() {
    let team = Team::demo();
    let search = |q: &str| ids(&team.rt(["tiltak", "search", q, "--format", "json"]).output().unwrap());
    assert_eq!(search("okonomisk"), ["okonomisk-radgivning"]);
    assert_eq!(search("ØKONOMISK"), ["okonomisk-radgivning"]);
    assert_eq!(search("parorende"), ["parorendesamtaler"]);
    assert!(search("BARSEL").contains(&"barselgruppe".to_string()));
    assert!(search("stodig").contains(&"sterk-og-stodig".to_string()));
    let out = team.rt(["tiltak", "search", "politiet"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("Ingen tiltak passer «politiet»"), "{}", stderr(&out));
}

#[test]
fn list_filters_by_unit_access_and_age() {
    let team = Team::demo();
    let list = |args: &[&str]| {
        let mut all = vec!["tiltak", "list", "--format", "json"];
        all.extend(args);
        ids(&team.rt(&all).output().unwrap())
    };
    assert_eq!(list(&[]).len(), 22);
    assert_eq!(
        list(&["--unit", "barnevern", "--access", "via-team"]),
        ["hjemmebasert-veiledning", "familierad", "avlastning-besokshjem"]
    );
    let old = list(&["--age", "70"]);
    assert!(
        old.contains(&"sterk-og-stodig".to_string()) && !old.contains(&"barselgruppe".to_string()),
        "{old:?}"
    );
    let out = team.rt(["tiltak", "list", "--unit", "barnvern"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("mente du `barnevern`?"), "{}", stderr(&out));
}

#[test]
fn show_one_measure() {
    let team = Team::demo();
    let out = team.rt(["tiltak", "show", "familierad", "--format", "json"]).output().unwrap();
    let m: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(m["access"], "via-team");
    assert_eq!(m["unit"], "barnevern");
    let out = team.rt(["tiltak", "show", "familiraad"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("ukjent tiltak `familiraad`"), "{}", stderr(&out));
}

#[test]
fn add_appends_and_keeps_the_comments_and_refuses_what_is_wrong() {
    let team = Team::demo();
    let before = team.read("tiltaksbank.toml");
    let out = team
        .rt([
            "tiltak",
            "add",
            "--name",
            "Søvnkurs for foreldre",
            "--unit",
            "helsestasjon",
            "--access",
            "open",
            "--age-min",
            "0",
            "--age-max",
            "6",
            "--tag",
            "søvn,foreldre",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "sovnkurs-for-foreldre\n");
    let after = team.read("tiltaksbank.toml");
    assert!(after.starts_with(&before), "the old file is untouched, comments and all");
    assert!(after.ends_with("[[measures]]\nid = \"sovnkurs-for-foreldre\"\nname = \"Søvnkurs for foreldre\"\nunit = \"helsestasjon\"\naccess = \"open\"\nage_min = 0\nage_max = 6\ntags = [\"søvn\", \"foreldre\"]\n"), "{after}");
    team.rt(["check"]).assert().success();

    let refuse = |args: &[&str], message: &str| {
        let before = team.read("tiltaksbank.toml");
        let mut all = vec!["tiltak", "add"];
        all.extend(args);
        let out = team.rt(&all).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert_eq!(team.read("tiltaksbank.toml"), before);
    };
    refuse(
        &["--name", "Søvnkurs for foreldre", "--unit", "helsestasjon", "--access", "open"],
        "`sovnkurs-for-foreldre` finnes allerede [--id]",
    );
    refuse(&["--name", "Kurs", "--unit", "skolen", "--access", "open"], "ukjent enhet `skolen` [--unit]");
    refuse(
        &["--name", "Kurs", "--unit", "nav", "--access", "open", "--age-min", "18", "--age-max", "6"],
        "aldersspennet 18–6 går baklengs",
    );
    refuse(&["--name", "Kurs", "--unit", "nav"], "mangler `access` [--access]");
}

/// A workbook like a municipality's: 30 measures, two of them broken.
fn workbook(path: &std::path::Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Forebyggende tiltak").unwrap();
    let header = ["Tiltak", "Enhet", "Målgruppe", "Tilgang", "Beskrivelse", "Kontakt", "Merknad"];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let units = [
        "Helsestasjon",
        "Barneverntjenesten",
        "Psykisk helse- og rustjeneste",
        "Fysioterapi",
        "NAV",
        "Kommunepsykolog",
    ];
    for i in 0..30u32 {
        let row = i + 1;
        let unit = if i == 7 { "Skolen" } else { units[i as usize % units.len()] };
        let ages = if i == 19 {
            "for de fleste"
        } else {
            ["0–6 år", "6-12 år", "13+", "Voksne", "alle"][i as usize % 5]
        };
        let access = if i % 3 == 0 { "Via ressursteam" } else { "Åpent" };
        let cells = [
            format!("Tilbud nr. {i}"),
            unit.into(),
            ages.into(),
            access.into(),
            format!("Beskrivelse {i}"),
            "Ring 00 00 00 00".into(),
            "x".into(),
        ];
        for (c, v) in cells.iter().enumerate() {
            sheet.write_string(row, c as u16, v).unwrap();
        }
    }
    book.save(path).unwrap();
}

#[test]
fn importing_a_workbook_of_30_with_two_bad_rows_adds_28_and_names_the_two() {
    let team = Team::demo();
    let xlsx = team.path("Forebyggende_tiltak.xlsx");
    workbook(&xlsx);
    let before = team.read("tiltaksbank.toml");
    let out = team.rt(["tiltak", "import", xlsx.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let preview = stdout(&out);
    assert_eq!(preview.lines().filter(|l| l.starts_with("+ ")).count(), 28, "{preview}");
    assert!(
        preview.contains("+ tilbud-nr-0  Tilbud nr. 0 (Helsestasjon og skolehelsetjeneste)  [rad 2]"),
        "{preview}"
    );
    let err = stderr(&out);
    assert!(
        err.contains("feil: Forebyggende tiltak, rad 9, kolonne B (Enhet): ukjent enhet `Skolen`"),
        "{err}"
    );
    assert!(
        err.contains(
            "feil: Forebyggende tiltak, rad 21, kolonne C (Målgruppe): kan ikke lese alderen `for de fleste`"
        ),
        "{err}"
    );
    assert!(err.contains("Kolonner som ikke brukes: Merknad"), "{err}");
    assert!(err.contains("28 nye, 0 endret, 0 uendret, 2 rader med feil"), "{err}");
    assert!(err.contains("Ingenting er skrevet"), "{err}");
    assert_eq!(team.read("tiltaksbank.toml"), before, "nothing written without --apply");

    let out = team.rt(["tiltak", "import", xlsx.to_str().unwrap(), "--apply"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let list = ids(&team.rt(["tiltak", "list", "--format", "json"]).output().unwrap());
    assert_eq!(list.len(), 22 + 28);
    assert!(!list.contains(&"tilbud-nr-7".to_string()) && !list.contains(&"tilbud-nr-19".to_string()));
    let m: serde_json::Value = serde_json::from_slice(
        &team.rt(["tiltak", "show", "tilbud-nr-3", "--format", "json"]).output().unwrap().stdout,
    )
    .unwrap();
    assert_eq!(
        (m["unit"].as_str(), m["access"].as_str(), m["age_min"].as_u64(), m["age_max"].as_u64()),
        (Some("fysio-ergo"), Some("via-team"), Some(18), Some(120))
    );
    team.rt(["check"]).assert().success();
    // Importing again changes nothing.
    let out = team.rt(["tiltak", "import", xlsx.to_str().unwrap()]).output().unwrap();
    assert!(stderr(&out).contains("0 nye, 0 endret, 28 uendret"), "{}", stderr(&out));
}

#[test]
fn a_windows_1252_csv_with_semicolons_and_a_mapped_column() {
    let team = Team::demo();
    let csv = team.path("tiltak.csv");
    // "Navn på tilbud" is no header rt knows; --map points to it. No access column: a default.
    let mut bytes = b"Navn p\xe5 tilbud;Enhet;Alder\r\n".to_vec();
    bytes.extend_from_slice(b"\xd8konomikurs;NAV;18-67\r\nS\xf8vnskole;Helsestasjon;0-6\r\n");
    std::fs::write(&csv, bytes).unwrap();
    let out = team.rt(["tiltak", "import", csv.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("fant ingen kolonne med tiltakets navn"), "{}", stderr(&out));
    let out = team
        .rt([
            "tiltak",
            "import",
            csv.to_str().unwrap(),
            "--map",
            "Navn på tilbud=name",
            "--default-access",
            "open",
            "--apply",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("+ okonomikurs  Økonomikurs (NAV Eikvik)"), "{}", stdout(&out));
    assert!(stdout(&out).contains("+ sovnskole  Søvnskole"), "{}", stdout(&out));
}

#[test]
fn export_then_import_round_trips() {
    let team = Team::demo();
    let csv = team.path("eksport.csv");
    let out = team.rt(["tiltak", "export", "--out", csv.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read(&csv).unwrap().starts_with(b"\xEF\xBB\xBFId;Tiltak;Enhet"));
    // Into the same catalogue: nothing to do.
    let out = team.rt(["tiltak", "import", csv.to_str().unwrap()]).output().unwrap();
    assert!(stderr(&out).contains("0 nye, 0 endret, 22 uendret, 0 rader med feil"), "{}", stderr(&out));
    // Into an empty one: the same catalogue, field for field.
    let fresh = Team::new();
    fresh.write("rt.toml", &team.read("rt.toml"));
    fresh.write("tiltaksbank.toml", "schema = 1\n");
    fresh.rt(["tiltak", "import", csv.to_str().unwrap(), "--apply"]).assert().success();
    let a = stdout(&team.rt(["tiltak", "list", "--format", "json"]).output().unwrap());
    let b = stdout(&fresh.rt(["tiltak", "list", "--format", "json"]).output().unwrap());
    assert_eq!(a, b);
}

#[test]
fn hsds_service_records_for_a_directory() {
    let team = Team::demo();
    let out = team.rt(["tiltak", "export", "--format", "hsds"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let services: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(services.len(), 22);
    let kid = services.iter().find(|s| s["alternate_name"] == "kid-kurs").unwrap();
    assert_eq!(kid["name"], "Kurs i depresjonsmestring (KiD)");
    assert_eq!(kid["status"], "active");
    assert_eq!((kid["minimum_age"].as_u64(), kid["maximum_age"].as_u64()), (Some(18), Some(100)));
    assert_eq!(kid["url"], "https://eikvik.kommune.example/kid");
    assert!(
        kid["application_process"]
            .as_str()
            .unwrap()
            .starts_with("Søk direkte hos Psykisk helse- og rustjeneste")
    );
    assert_eq!(kid["organization"]["name"], "Psykisk helse- og rustjeneste");
    assert_eq!(kid["organization_id"], kid["organization"]["id"]);
    let uuid = kid["id"].as_str().unwrap();
    assert_eq!(uuid.len(), 36, "{uuid}");
    let via = services.iter().find(|s| s["alternate_name"] == "familierad").unwrap();
    assert!(via["application_process"].as_str().unwrap().starts_with("Settes inn av Ressursteam"), "{via}");
    // Only the open measures, for a public web site; the ids stay the same.
    let out = team.rt(["tiltak", "export", "--format", "hsds", "--open-only"]).output().unwrap();
    let open: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(open.len() < 22 && open.iter().all(|s| s["alternate_name"] != "familierad"));
    assert_eq!(open.iter().find(|s| s["alternate_name"] == "kid-kurs").unwrap()["id"].as_str(), Some(uuid));
}
