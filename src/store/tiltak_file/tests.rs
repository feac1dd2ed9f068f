//! Reading and writing the catalogue: problems by position, the new fields, old files, and
//! rewrites that keep what a person wrote.

use super::*;
use crate::lang::Lang;
use crate::testing::{config, d};

fn shown(diags: &[Diagnostic]) -> String {
    diags.iter().map(|d| d.render(Lang::Nb).to_string()).collect::<Vec<_>>().join("\n")
}

#[test]
fn reads_measures_and_reports_bad_ones() {
    let text = r#"schema = 1

[[measures]]
id = "icdp"
name = "ICDP"
unit = "helsestasjon"
access = "open"
age_min = 0
age_max = 18

[[measures]]
id = "icdp"
name = "Kopi"
unit = "barnvern"
access = "via-teams"
age_min = 12
age_max = 6
level = "gul"
"#;
    let (bank, diags) = read("tiltaksbank.toml", text, Some(&config()));
    assert_eq!(bank.measures.len(), 1);
    let all = shown(&diags);
    assert!(all.contains("tiltaksbank.toml:12:6: feil: `icdp` finnes allerede (linje 4)"), "{all}");
    assert!(all.contains("tiltaksbank.toml:14:8: feil: ukjent tilbyder `barnvern`"), "{all}");
    assert!(all.contains("hjelp: mente du `barnevern`?"), "{all}");
    assert!(
        all.contains("tiltaksbank.toml:15:10: feil: `measures.access` kan ikke være `via-teams`"),
        "{all}"
    );
    assert!(all.contains("tiltaksbank.toml:17:11: feil: aldersspennet 12–6 går baklengs"), "{all}");
    assert!(all.contains("tiltaksbank.toml:18:9: feil: `measures.level` kan ikke være `gul`"), "{all}");
}

#[test]
fn the_new_fields_and_providers_outside_the_team() {
    let text = r#"schema = 1

[[measures]]
id = "kor"
name = "Barnekor"
provider = "kulturskole"
access = "referral"
referral_from = "fastlege"
level = "universal"
target = "Småbarnsforeldre"
age_min = 0
age_max = 6
parents = true

[measures.imported]
date = 2027-01-05
name = "1c9a2f04"

[[measures]]
id = "kurs"
name = "Kurs"
provider = "skolen"
unit = "nav"
access = "decision"
referral_from = "lege"
"#;
    let (bank, diags) = read("tiltaksbank.toml", text, Some(&config()));
    let kor = bank.get("kor").unwrap();
    assert_eq!(
        (kor.provider.as_str(), kor.access, kor.referral_from.as_str()),
        ("kulturskole", Access::Referral, "fastlege")
    );
    assert_eq!(
        (kor.level, kor.target.as_str(), kor.parents),
        (Some(Level::Universal), "Småbarnsforeldre", true)
    );
    let record = kor.imported.as_ref().unwrap();
    assert_eq!(record.date, Some(d(2027, 1, 5)));
    assert_eq!(record.fields.get(&Field::Name).map(String::as_str), Some("1c9a2f04"));
    let all = shown(&diags);
    assert!(all.contains("tiltaksbank.toml:23:8: feil: tiltaket har både `unit` og `provider`"), "{all}");
    assert!(all.contains("tiltaksbank.toml:22:12: feil: ukjent tilbyder `skolen`"), "{all}");
    assert!(
        all.contains(
            "tiltaksbank.toml:25:17: advarsel: `referral_from` gjelder bare når `access = \"referral\"`"
        ),
        "{all}"
    );
    assert_eq!(bank.measures.len(), 1);
}

#[test]
fn an_old_entry_is_read_as_it_is_and_rewritten_with_provider_in_its_place() {
    let text = "schema = 1\n\n# Helsestasjonen\n[[measures]]\nid = \"a\"  # den første\nname = \"A\"\nunit = \"helsestasjon\"\naccess = \"open\"\nage_min = 0\nage_max = 18\nmine = 1\n\n[[measures]]\nid = \"b\"\nname = \"B\"\nunit = \"nav\"\naccess = \"via-team\"\n";
    let (bank, diags) = read("t.toml", text.replace("mine = 1\n", "").as_str(), Some(&config()));
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(bank.get("a").unwrap().provider, "helsestasjon");
    let mut a = bank.get("a").unwrap().clone();
    a.level = Some(Level::Selective);
    let mut doc: DocumentMut = text.parse().unwrap();
    upsert(&mut doc, &a);
    assert_eq!(
        doc.to_string(),
        "schema = 1\n\n# Helsestasjonen\n[[measures]]\nid = \"a\"  # den første\nname = \"A\"\nprovider = \"helsestasjon\"\naccess = \"open\"\nlevel = \"selective\"\nage_min = 0\nage_max = 18\nmine = 1\n\n[[measures]]\nid = \"b\"\nname = \"B\"\nunit = \"nav\"\naccess = \"via-team\"\n",
        "only the entry rt rewrites changes; a person's own key stays where it was"
    );
}

#[test]
fn adding_keeps_the_files_comments_and_order_and_the_record_follows_its_measure() {
    let text = "# Vår tiltaksbank\nschema = 1\n\n# Helsestasjonen\n[[measures]]\nid = \"a\"  # den første\nname = \"A\"\nprovider = \"helsestasjon\"\naccess = \"open\"\n\n[[measures]]\nid = \"c\"\nname = \"C\"\nprovider = \"nav\"\naccess = \"open\"\n";
    let mut doc: DocumentMut = text.parse().unwrap();
    let mut m = Measure {
        id: "b".into(),
        name: "B".into(),
        provider: "ppt".into(),
        access: Access::Referral,
        referral_from: "skolen".into(),
        age_max: 18,
        description: "Beskrivelse".into(),
        tags: vec!["x".into()],
        ..Measure::default()
    };
    m.imported = Some(Imported {
        date: Some(d(2027, 1, 5)),
        fields: [(Field::Name, crate::model::measure::fingerprint("B"))].into_iter().collect(),
    });
    upsert(&mut doc, &m);
    let out = doc.to_string();
    assert!(out.starts_with(text), "{out}");
    assert!(out.ends_with("[[measures]]\nid = \"b\"\nname = \"B\"\nprovider = \"ppt\"\naccess = \"referral\"\nreferral_from = \"skolen\"\nage_min = 0\nage_max = 18\ndescription = \"Beskrivelse\"\ntags = [\"x\"]\n\n[measures.imported]\ndate = 2027-01-05\nname = \"c70bfb85\"\n"), "{out}");
    let (bank, diags) = read("t.toml", &out, Some(&config()));
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(bank.get("b"), Some(&m));
    // A record added to a measure in the middle stays with it.
    let mut a = bank.get("a").unwrap().clone();
    a.name = "A2".into();
    a.imported = m.imported.clone();
    upsert(&mut doc, &a);
    let out = doc.to_string();
    assert!(out.contains("id = \"a\"  # den første\nname = \"A2\""), "{out}");
    let (bank, diags) = read("t.toml", &out, Some(&config()));
    assert!(diags.is_empty(), "{diags:?}\n{out}");
    assert_eq!(bank.get("a").unwrap().imported, m.imported);
    assert_eq!(bank.get("c").unwrap().imported, None, "{out}");
}

#[test]
fn slugs() {
    assert!(is_slug("foreldreveiledning-icdp"));
    assert!(is_slug("nav"));
    assert!(!is_slug("Nav"));
    assert!(!is_slug("-x"));
    assert!(!is_slug("a--b"));
    assert!(!is_slug("bø"));
    assert!(!is_slug(""));
}
