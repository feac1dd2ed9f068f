//! `rt tiltak`: browse and search (Norwegian letters, ranking), filter by provider, way in,
//! level and age, add (comments survive), export and round trip, HSDS; the demo's target
//! groups read as their ages. The import of municipal sheets is in `tiltak_import.rs`.

use crate::common::*;

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
    assert_eq!(list(&[]).len(), 27);
    assert_eq!(list(&["--unit", "barnevern", "--access", "via-team"]), ["familierad"]);
    assert_eq!(
        list(&["--provider", "barnevern", "--access", "decision"]),
        ["hjemmebasert-veiledning", "avlastning-besokshjem"]
    );
    assert_eq!(list(&["--provider", "frivilligsentral"]), ["leksehjelp", "apen-moteplass-smabarn"]);
    assert_eq!(list(&["--access", "referral"]), ["ungdomskontakt-nav", "sakkyndig-vurdering-ppt"]);
    assert_eq!(
        list(&["--level", "indicated"]),
        ["oppfolging-rus", "hjemmebasert-veiledning", "avlastning-besokshjem", "sakkyndig-vurdering-ppt"]
    );
    assert_eq!(
        list(&["--age", "3", "--level", "universal"]),
        ["foreldreveiledning-icdp", "apen-moteplass-smabarn"],
        "for parents of children of 3, and nothing for adults only"
    );
    let old = list(&["--age", "70"]);
    assert!(
        old.contains(&"sterk-og-stodig".to_string()) && !old.contains(&"leksehjelp".to_string()),
        "{old:?}"
    );
    let out = team.rt(["tiltak", "list", "--unit", "barnvern"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("mente du `barnevern`?"), "{}", stderr(&out));
    let out = team.rt(["tiltak", "list", "--level", "grønn"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "the Norwegian word will do: {}", stderr(&out));
    let out = team.rt(["tiltak", "list", "--level", "lilla"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    // The table says who offers it, how to get it, its level and ages.
    let text = stdout(&team.rt(["tiltak", "list", "--provider", "ppt"]).output().unwrap());
    assert_eq!(
        text,
        "ID                       TILTAK                     TILBYDER                               TILGANG                                                         NIVÅ      ALDER\nsakkyndig-vurdering-ppt  Sakkyndig vurdering (PPT)  Pedagogisk-psykologisk tjeneste (PPT)  henvisning fra barnehage eller skole, med foreldrenes samtykke  indikert  1–18 år\n"
    );
}

#[test]
fn show_one_measure() {
    let team = Team::demo();
    let out = team.rt(["tiltak", "show", "familierad", "--format", "json"]).output().unwrap();
    let m: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(m["access"], "via-team");
    assert_eq!((m["provider"].as_str(), m["unit"].as_str()), (Some("barnevern"), Some("barnevern")));
    let out = team.rt(["tiltak", "show", "leksehjelp", "--format", "json"]).output().unwrap();
    let m: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (m["provider_name"].as_str(), m["unit"].as_str(), m["level"].as_str()),
        (Some("Eikvik frivilligsentral"), None, Some("universal")),
        "a provider outside the team is no unit"
    );
    let text = stdout(&team.rt(["tiltak", "show", "de-utrolige-arene"]).output().unwrap());
    assert_eq!(
        text,
        "De utrolige årene (foreldregruppe)
  Id:            de-utrolige-arene
  Tilbyder:      Kommunepsykolog
  Tilgang:       via ressursteamet
  Nivå:          selektivt (gult, for noen)
  Målgruppe:     Foreldre til barn 3–8 år med atferdsvansker
  Alder:         foreldre til barn 3–8 år
  Kontakt:       Ressursteamet
  Stikkord:      atferd, foreldre, gruppe

  Foreldregruppe over 14 uker for foreldre til barn med atferdsvansker.
"
    );
    let text = stdout(&team.rt(["tiltak", "show", "friplass-kulturskole"]).output().unwrap());
    assert!(
        text.contains("  Tilbyder:      Eikvik kulturskole (utenfor teamet)\n  Tilgang:       vedtak\n"),
        "{text}"
    );
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
            "--provider",
            "helsestasjon",
            "--access",
            "open",
            "--level",
            "universal",
            "--target",
            "Småbarnsforeldre",
            "--tag",
            "søvn,foreldre",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "sovnkurs-for-foreldre\n");
    let after = team.read("tiltaksbank.toml");
    assert!(after.starts_with(&before), "the old file is untouched, comments and all");
    assert!(after.ends_with("[[measures]]\nid = \"sovnkurs-for-foreldre\"\nname = \"Søvnkurs for foreldre\"\nprovider = \"helsestasjon\"\naccess = \"open\"\nlevel = \"universal\"\ntarget = \"Småbarnsforeldre\"\nage_min = 0\nage_max = 6\nparents = true\ntags = [\"søvn\", \"foreldre\"]\n"), "{after}");
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
    refuse(
        &["--name", "Kurs", "--provider", "skolen", "--access", "open"],
        "ukjent tilbyder `skolen` [--provider]",
    );
    refuse(
        &["--name", "Kurs", "--unit", "nav", "--access", "open", "--age-min", "18", "--age-max", "6"],
        "aldersspennet 18–6 går baklengs",
    );
    refuse(&["--name", "Kurs", "--unit", "nav"], "mangler `access` [--access]");
    refuse(
        &["--name", "Kurs", "--provider", "nav", "--access", "open", "--target", "for de fleste"],
        "kan ikke lese målgruppen `for de fleste` som alder [--target]",
    );
    refuse(
        &["--name", "Kurs", "--provider", "nav", "--access", "open", "--referral-from", "fastlege"],
        "`referral_from` gjelder bare når `access = \"referral\"` (her `open`) [--referral-from]",
    );

    // A provider outside the team, by referral, with explicit ages beside the target group.
    let out = team
        .rt([
            "tiltak",
            "add",
            "--name",
            "Logopedi",
            "--provider",
            "ppt",
            "--access",
            "referral",
            "--referral-from",
            "skole eller barnehage",
            "--target",
            "Barn med språkvansker",
            "--age-min",
            "2",
            "--age-max",
            "12",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(team.read("tiltaksbank.toml").ends_with("[[measures]]\nid = \"logopedi\"\nname = \"Logopedi\"\nprovider = \"ppt\"\naccess = \"referral\"\nreferral_from = \"skole eller barnehage\"\ntarget = \"Barn med språkvansker\"\nage_min = 2\nage_max = 12\n"));
    team.rt(["check"]).assert().success();
}

#[test]
fn export_then_import_round_trips() {
    let team = Team::demo();
    let csv = team.path("eksport.csv");
    let out = team.rt(["tiltak", "export", "--out", csv.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::read(&csv).unwrap().starts_with(
            "\u{feff}Id;Tiltak;Tilbyder;Tilgang;Nivå;Målgruppe;Alder fra;Alder til;For foreldre;Beskrivelse;Kontakt;Lenke;Stikkord\r\n".as_bytes()
        )
    );
    // Into the same catalogue: nothing to do.
    let out = team.rt(["tiltak", "import", csv.to_str().unwrap()]).output().unwrap();
    assert!(stderr(&out).starts_with("0 nye, 0 endret, 27 uendret, 0 hoppet over."), "{}", stderr(&out));
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
    assert_eq!(services.len(), 27);
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
    // The provider outside the team is the organisation; the way in and the level are told.
    let ppt = services.iter().find(|s| s["alternate_name"] == "sakkyndig-vurdering-ppt").unwrap();
    assert_eq!(ppt["organization"]["name"], "Pedagogisk-psykologisk tjeneste (PPT)");
    assert_eq!(
        ppt["application_process"],
        "Krever henvisning fra barnehage eller skole, med foreldrenes samtykke. PPT, 00 00 70 00"
    );
    assert_eq!(ppt["eligibility_description"], "Barnehagebarn og elever (1–18 år)");
    assert_eq!(ppt["attributes"][0]["taxonomy_term"]["code"], "indicated");
    let friplass = services.iter().find(|s| s["alternate_name"] == "friplass-kulturskole").unwrap();
    assert!(
        friplass["application_process"]
            .as_str()
            .unwrap()
            .starts_with("Tildeles etter vedtak fra Eikvik kulturskole.")
    );
    // A measure for parents is for adults; the children's ages are in the eligibility.
    let icdp = services.iter().find(|s| s["alternate_name"] == "foreldreveiledning-icdp").unwrap();
    assert_eq!((icdp["minimum_age"].as_u64(), icdp.get("maximum_age")), (Some(18), None));
    assert_eq!(icdp["eligibility_description"], "Foreldre til barn 0–18 år (foreldre til barn 0–18 år)");
    // Only the open measures, for a public web site; the ids stay the same.
    let out = team.rt(["tiltak", "export", "--format", "hsds", "--open-only"]).output().unwrap();
    let open: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(open.len() < 27 && open.iter().all(|s| s["alternate_name"] != "familierad"));
    assert_eq!(open.iter().find(|s| s["alternate_name"] == "kid-kurs").unwrap()["id"].as_str(), Some(uuid));
}

#[test]
fn the_demos_target_groups_read_as_their_ages() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tiltaksbank.toml")).unwrap();
    let (bank, diags) = rt::store::tiltak_file::read("tiltaksbank.toml", &text, None);
    assert!(diags.is_empty(), "{diags:?}");
    let mut read = 0;
    for m in bank.measures.iter().filter(|m| !m.target.is_empty()) {
        let ages = rt::tiltak::target::parse_target(&m.target).unwrap();
        assert_eq!(
            (ages.min, ages.max, ages.parents),
            (m.age_min, m.age_max, m.parents),
            "{}: {}",
            m.id,
            m.target
        );
        read += 1;
    }
    assert!(read >= 15, "{read}");
}

#[test]
fn exports_carry_no_formula_and_no_script_link() {
    let team = Team::demo();
    // A description a spreadsheet would run as a formula.
    let out = team
        .rt([
            "tiltak",
            "add",
            "--name",
            "Kurs",
            "--provider",
            "nav",
            "--access",
            "open",
            "--description",
            "=HYPERLINK(\"http://x.example\",\"Klikk\")",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = team.path("eksport.csv");
    team.rt(["tiltak", "export", "--out", csv.to_str().unwrap()]).assert().success();
    let text = String::from_utf8(std::fs::read(&csv).unwrap()).unwrap();
    let row = text.lines().find(|l| l.starts_with("kurs;")).unwrap();
    assert!(row.contains(";\"'=HYPERLINK(") || row.contains(";'=HYPERLINK("), "{row}");
    assert!(!text.lines().any(|l| l.split(';').any(|c| c.trim_matches('"').starts_with('='))), "{text}");
    // Imported back, the description is what was written.
    let fresh = Team::new();
    fresh.write("rt.toml", &team.read("rt.toml"));
    fresh.write("tiltaksbank.toml", "schema = 1\n");
    fresh.rt(["tiltak", "import", csv.to_str().unwrap(), "--apply"]).assert().success();
    let shown = stdout(&fresh.rt(["tiltak", "show", "kurs", "--format", "json"]).output().unwrap());
    assert!(shown.contains(r#""description": "=HYPERLINK(\"http://x.example\",\"Klikk\")""#), "{shown}");

    // A link that would run a script is refused when added, and found by rt check by hand.
    let out = team
        .rt([
            "tiltak",
            "add",
            "--name",
            "Kurs 2",
            "--provider",
            "nav",
            "--access",
            "open",
            "--link",
            "javascript:alert(1)",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("lenken `javascript:alert(1)` er ikke en nettadresse"), "{}", stderr(&out));
    let bank = team.read("tiltaksbank.toml");
    team.write("tiltaksbank.toml", &format!("{bank}link = \"javascript:alert(1)\"\n"));
    let check = team.rt(["check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stdout(&check).contains("feil: lenken `javascript:alert(1)` er ikke en nettadresse"),
        "{}",
        stdout(&check)
    );
    let out = team.rt(["tiltak", "export", "--format", "hsds"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the catalogue with an error is not exported");
    assert!(!stdout(&out).contains("javascript:"));
}
