//! Reading sheets as municipalities make them, row by row.

use super::*;
use crate::model::measure::Field;
use crate::model::{Access, Level};
use crate::testing::config;

fn sheet(rows: &[&[&str]]) -> Sheet {
    Sheet::plain("Ark1", rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect())
}

fn measures(parsed: &Parsed) -> Vec<(usize, &Incoming)> {
    parsed
        .rows
        .iter()
        .filter_map(|r| match &r.kind {
            RowKind::Measure(m) => Some((r.row, m.as_ref())),
            _ => None,
        })
        .collect()
}

fn skipped(parsed: &Parsed) -> Vec<(usize, Option<String>, Problem)> {
    parsed
        .rows
        .iter()
        .filter_map(|r| match &r.kind {
            RowKind::Skipped { problem, .. } => {
                Some((r.row, problem.column.as_ref().map(|c| c.0.clone()), problem.problem.clone()))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn the_header_is_found_below_a_title_and_a_date() {
    let s = sheet(&[
        &["Forebyggende tiltak barn, unge og deres familier", "", ""],
        &["Oppdatert 07.11.2022", "", ""],
        &["", "", ""],
        &["Tjeneste", "Tiltak", "Målgruppe"],
        &["Helsestasjon", "Barselgruppe", "Nybakte foreldre"],
    ]);
    let parsed = parse(&s, &config(), &Options::default()).unwrap();
    assert_eq!(parsed.header_row, 4);
    let cols: Vec<Column> = parsed.columns.iter().map(|(_, c)| *c).collect();
    assert_eq!(cols, [Column::Provider, Column::Name, Column::Target]);
    let m = &measures(&parsed)[0].1.measure;
    assert_eq!((m.provider.as_str(), m.age_min, m.age_max, m.parents), ("helsestasjon", 0, 1, true));

    // Said by hand; a row without a name column is refused with a way out.
    let given = Options { header_row: Some(4), ..Options::default() };
    assert_eq!(parse(&s, &config(), &given).unwrap().header_row, 4);
    let wrong = Options { header_row: Some(2), ..Options::default() };
    assert_eq!(parse(&s, &config(), &wrong).unwrap_err(), Problem::NoNameColumn);
    let headless = sheet(&[&["Hva", "Hvem"], &["Kurs", "NAV"]]);
    assert_eq!(
        parse(&headless, &config(), &Options::default()).unwrap_err(),
        Problem::HeaderNotFound { rows: 15 }
    );
    let mapped = Options { maps: vec![("Hva".into(), Column::Name)], ..Options::default() };
    assert_eq!(parse(&headless, &config(), &mapped).unwrap().header_row, 1);
}

#[test]
fn sections_set_the_level_and_services_fill_down() {
    let s = sheet(&[
        &["Tjeneste", "Tiltak", "Slik får du tilbudet", "Kontaktinformasjon"],
        &["Tiltak for alle", "", "", ""],
        &["Helsestasjon", "Barselgruppe", "Ta kontakt", "Ring 00 00 10 00"],
        &["", "Foreldrekurs", "", ""],
        &["Tiltak for noen", "", "", ""],
        &["", "Samspill", "Via ressursteam", ""],
        &["Kulturskolen", "", "", ""],
        &["", "Barnekor", "Drop-in", "kulturskolen@example.org"],
        &["", "", "", ""],
        &["Rødt nivå", "", "", ""],
        &["Barneverntjenesten", "Hjemmebasert veiledning", "Via vedtak", ""],
    ]);
    let parsed = parse(&s, &config(), &Options::default()).unwrap();
    let kinds: Vec<(usize, String)> = parsed
        .rows
        .iter()
        .map(|r| {
            let what = match &r.kind {
                RowKind::Section { title, level } => format!("section {title} {level:?}"),
                RowKind::Service { name } => format!("service {name}"),
                RowKind::Measure(m) => format!(
                    "{} {} {:?} {:?} {}",
                    m.measure.id, m.measure.provider, m.measure.access, m.measure.level, m.measure.contact
                ),
                other => format!("{other:?}"),
            };
            (r.row, what)
        })
        .collect();
    let expected: Vec<(usize, String)> = [
        (2, "section Tiltak for alle Some(Universal)"),
        (3, "barselgruppe helsestasjon Open Some(Universal) Ring 00 00 10 00"),
        (4, "foreldrekurs helsestasjon Open Some(Universal) Ring 00 00 10 00"),
        (5, "section Tiltak for noen Some(Selective)"),
        (6, "skipped"),
        (7, "service Kulturskolen"),
        (8, "barnekor kulturskole Open Some(Selective) kulturskolen@example.org"),
        (10, "section Rødt nivå Some(Indicated)"),
        (11, "hjemmebasert-veiledning barnevern Decision Some(Indicated) "),
    ]
    .into_iter()
    .map(|(r, s)| (r, s.to_string()))
    .collect();
    let mut got = kinds;
    if let Some(six) = got.iter_mut().find(|(r, _)| *r == 6) {
        six.1 = if six.1.contains("MissingProvider") { "skipped".into() } else { six.1.clone() };
    }
    assert_eq!(got, expected, "a service does not carry over a section heading");
    assert_eq!(skipped(&parsed), [(6, Some("A".into()), Problem::MissingProvider)]);
}

#[test]
fn providers_by_name_with_did_you_mean_or_added() {
    let s = sheet(&[
        &["Tiltak", "Enhet", "Tilgang"],
        &["Kurs", "Helsestasjon og skolehelsetjenesten", "Åpent"],
        &["Råd", "Barnevernstjenesten", "Åpent"],
        &["Korps", "Frivilligsentralen", "Åpent"],
        &["Leksehjelp", "Frivilligsentralen", "Åpent"],
        &["Ukjent", "Barnevernstjenesten", "kanskje"],
    ]);
    let parsed = parse(&s, &config(), &Options::default()).unwrap();
    assert_eq!(measures(&parsed).len(), 1);
    let problems = skipped(&parsed);
    assert_eq!(
        problems[0],
        (
            3,
            Some("B".into()),
            Problem::UnknownProvider {
                provider: "Barnevernstjenesten".into(),
                suggestion: Some("Barneverntjenesten".into())
            }
        )
    );
    assert_eq!(
        problems[1].2,
        Problem::UnknownProvider { provider: "Frivilligsentralen".into(), suggestion: None }
    );
    assert!(parsed.new_providers.is_empty());

    let add = Options { add_providers: true, ..Options::default() };
    let parsed = parse(&s, &config(), &add).unwrap();
    let ids: Vec<&str> = measures(&parsed).iter().map(|(_, m)| m.measure.provider.as_str()).collect();
    assert_eq!(ids, ["helsestasjon", "frivilligsentralen", "frivilligsentralen"]);
    let added: Vec<(&str, &str)> =
        parsed.new_providers.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    assert_eq!(added, [("frivilligsentralen", "Frivilligsentralen")], "a close spelling is never added");
}

#[test]
fn duplicates_same_twice_other_provider_or_conflict() {
    let s = sheet(&[
        &["Tiltak", "Enhet", "Tilgang", "Alder"],
        &["Foreldrekurs", "Helsestasjon", "Åpent", "0-6"],
        &["Foreldrekurs", "Helsestasjon", "Åpent", "0-6"],
        &["Foreldrekurs", "Barneverntjenesten", "Via vedtak", "0-18"],
        &["Foreldrekurs", "Helsestasjon", "Åpent", "0-18"],
    ]);
    let parsed = parse(&s, &config(), &Options::default()).unwrap();
    let ids: Vec<&str> = measures(&parsed).iter().map(|(_, m)| m.measure.id.as_str()).collect();
    assert_eq!(ids, ["foreldrekurs", "foreldrekurs-barnevern"]);
    assert!(matches!(parsed.rows[1].kind, RowKind::Duplicate { first_row: 2, .. }));
    assert_eq!(
        skipped(&parsed),
        [(5, Some("A".into()), Problem::DuplicateRow { id: "foreldrekurs".into(), first_row: 2 })]
    );
}

#[test]
fn missing_columns_leave_fields_alone_and_bad_cells_are_named() {
    let s = sheet(&[
        &["Tiltak", "Målgruppe", "Nivå", "Tilgang"],
        &["Kurs", "Foreldre", "gult", "Henvisning fra fastlege"],
        &["Gruppe", "for de fleste", "", ""],
        &["Samtaler", "", "lilla", ""],
        &["Treff", "", "", "kanskje"],
    ]);
    let parsed = parse(&s, &config(), &Options::default()).unwrap();
    let kurs = measures(&parsed)[0].1;
    let fields: Vec<Field> = kurs.present.iter().copied().collect();
    assert_eq!(fields, [Field::Name, Field::Access, Field::Level, Field::Target, Field::Ages]);
    assert_eq!(
        (kurs.measure.access, kurs.measure.referral_from.as_str(), kurs.measure.level),
        (Access::Referral, "fastlege", Some(Level::Selective))
    );
    let problems: Vec<(usize, Option<String>, Problem)> = skipped(&parsed);
    assert_eq!(
        problems,
        [
            (3, Some("B".into()), Problem::BadTarget { value: "for de fleste".into() }),
            (4, Some("C".into()), Problem::BadLevel { value: "lilla".into() }),
            (5, Some("D".into()), Problem::BadAccess { value: "kanskje".into() }),
        ]
    );
}

#[test]
fn rows_that_hold_a_national_id_are_refused() {
    // Computed, never written out: a valid national id number of a fictional person.
    let nine = [1, 2, 0, 3, 1, 9, 4, 5, 6];
    let id: String = (0..10u32)
        .find_map(|k| {
            let mut n = nine;
            n[8] = (n[8] + k) % 10;
            crate::rules::national_id::with_check_digits(&n)
        })
        .unwrap()
        .iter()
        .map(|d| char::from_digit(*d, 10).unwrap())
        .collect();
    let s = sheet(&[
        &["Tiltak", "Enhet", "Tilgang", "Kontakt"],
        &["Kurs", "NAV", "Åpent", &format!("Ring {id}")],
    ]);
    let parsed = parse(&s, &config(), &Options::default()).unwrap();
    assert_eq!(
        skipped(&parsed),
        [(2, Some("D".into()), Problem::NationalId { field: crate::model::Field::Key("contact".into()) })]
    );
}
