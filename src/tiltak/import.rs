//! Reading a spreadsheet of measures (the municipality's "Forebyggende tiltak" workbook, or a
//! CSV export of it) into measures, row by row. Columns are found by their Norwegian headers
//! ("Tiltak", "Enhet", "Alder", "Målgruppe", "Beskrivelse", "Kontakt" …) or by `--map`; a
//! bad row is reported by sheet, row and column and left out, never half-taken.

use std::collections::BTreeMap;

use super::search::{fold, slug};
use crate::model::{Access, Config, Measure};
use crate::problem::Problem;
use crate::rules::national_id::contains_national_id;
use crate::rules::text::has_control_characters;
use crate::store::config_file::is_slug;
use crate::store::spreadsheet::{Sheet, column_letter};
use crate::suggest;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Id,
    Name,
    Unit,
    Access,
    /// An age range in one cell ("0-18", "13+", "alle").
    Ages,
    /// A target group that may give the ages ("Barn 0–6 år og foreldre").
    Target,
    AgeMin,
    AgeMax,
    Description,
    Contact,
    Link,
    Tags,
}

impl Field {
    /// The field a `--map COLUMN=field` names.
    pub fn parse(text: &str) -> Option<Field> {
        Some(match fold(text.trim()).as_str() {
            "id" => Field::Id,
            "name" | "navn" | "tiltak" => Field::Name,
            "unit" | "enhet" => Field::Unit,
            "access" | "tilgang" => Field::Access,
            "age" | "ages" | "alder" => Field::Ages,
            "age_min" | "alder_fra" => Field::AgeMin,
            "age_max" | "alder_til" => Field::AgeMax,
            "description" | "beskrivelse" => Field::Description,
            "contact" | "kontakt" => Field::Contact,
            "link" | "lenke" => Field::Link,
            "tags" | "stikkord" => Field::Tags,
            _ => return None,
        })
    }

    /// The field a column header means, by the words a municipality's sheet uses.
    pub fn for_header(header: &str) -> Option<Field> {
        let h = fold(header.trim());
        let h = h.trim_end_matches(':');
        Some(match h {
            "id" => Field::Id,
            "tiltak" | "navn" | "tilbud" | "name" | "navn pa tiltak" | "tiltakets navn" => Field::Name,
            "enhet" | "tjeneste" | "virksomhet" | "unit" | "ansvarlig enhet" => Field::Unit,
            "tilgang" | "access" | "apent" | "apent / via ressursteam" | "apent eller via ressursteam" => {
                Field::Access
            }
            "alder" | "age" | "ages" | "aldersgruppe" => Field::Ages,
            "malgruppe" | "for hvem" => Field::Target,
            "alder fra" | "fra alder" | "age_min" => Field::AgeMin,
            "alder til" | "til alder" | "age_max" => Field::AgeMax,
            "beskrivelse" | "description" | "innhold" | "om tiltaket" => Field::Description,
            "kontakt" | "contact" | "kontaktperson" | "slik far du tiltaket" | "hvordan fa tiltaket" => {
                Field::Contact
            }
            "lenke" | "link" | "nettside" | "url" => Field::Link,
            "stikkord" | "tags" | "emneord" => Field::Tags,
            _ => return None,
        })
    }
}

/// Reads an age range the ways people write one: `0-18`, `6–12 år`, `13+`, `fra 13`,
/// `over 65`, `under 18`, `alle`, `voksne`, or a single age.
pub fn parse_ages(text: &str) -> Option<(u8, u8)> {
    let t = fold(text.trim());
    if t.is_empty() || t.contains("alle") {
        return Some((0, 120));
    }
    let numbers: Vec<u8> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse::<u16>().ok())
        .filter(|n| *n <= 120)
        .map(|n| n as u8)
        .collect();
    let ranged = t.contains('-') || t.contains('–') || t.contains('—') || t.contains(" til ");
    match numbers.as_slice() {
        [a, b, ..] if ranged || numbers.len() == 2 => Some((*a, *b)),
        [a] if t.contains('+') || t.contains("fra ") || t.contains("over ") || t.contains("eldre") => {
            Some((if t.contains("over ") { a.saturating_add(1) } else { *a }, 120))
        }
        [a] if t.contains("under ") => Some((0, a.saturating_sub(1))),
        [a] if t.starts_with('-') => Some((0, *a)),
        [a] => Some((*a, *a)),
        [] if t.contains("voksn") => Some((18, 120)),
        [] if t.contains("eldre") => Some((65, 120)),
        _ => None,
    }
}

/// Reads open / via the team as a sheet writes it.
pub fn parse_access(text: &str) -> Option<Access> {
    let t = fold(text.trim());
    let t = t.as_str();
    if t.contains("via")
        || t.contains("ressursteam")
        || t == "nei"
        || t.contains("for noen")
        || t.contains("henvis")
    {
        Some(Access::ViaTeam)
    } else if t.starts_with("apen")
        || t.starts_with("apent")
        || t.starts_with("apne")
        || t == "open"
        || t == "ja"
        || t.contains("for alle")
        || t == "alle"
    {
        Some(Access::Open)
    } else {
        None
    }
}

/// The unit a cell means: its id or name, or the one unit whose name starts with or holds it.
pub fn resolve_unit(text: &str, config: &Config) -> Result<String, Option<String>> {
    let t = fold(text.trim());
    if t.is_empty() {
        return Err(None);
    }
    if let Some(u) = config.units.iter().find(|u| fold(&u.id) == t || fold(&u.name) == t) {
        return Ok(u.id.clone());
    }
    for test in [|name: &str, t: &str| name.starts_with(t), |name: &str, t: &str| name.contains(t)] {
        let found: Vec<&str> =
            config.units.iter().filter(|u| test(&fold(&u.name), &t)).map(|u| u.id.as_str()).collect();
        if let [only] = found.as_slice() {
            return Ok(only.to_string());
        }
    }
    Err(suggest::closest(text.trim(), config.unit_ids()))
}

/// A problem with a cell of the sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// Spreadsheet row, from 1.
    pub row: usize,
    /// Column letter and header, when the problem is in one cell.
    pub column: Option<(String, String)>,
    /// What is wrong.
    pub problem: Problem,
}

/// What a sheet gave.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The good rows: spreadsheet row and measure.
    pub measures: Vec<(usize, Measure)>,
    /// The bad rows, each with its first problem.
    pub problems: Vec<RowProblem>,
    /// Headers no field was found for (shown so nothing is silently dropped).
    pub unused: Vec<String>,
}

/// How columns map to fields: by header, with `--map` overrides (`HEADER=field`; HEADER may
/// also be a column letter).
pub fn mapping(
    sheet: &Sheet,
    maps: &[(String, Field)],
) -> Result<(BTreeMap<Field, usize>, Vec<String>), Problem> {
    let header: Vec<&str> =
        sheet.rows.first().map(|r| r.iter().map(String::as_str).collect()).unwrap_or_default();
    let mut columns: BTreeMap<Field, usize> = BTreeMap::new();
    let mut unused = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let mapped = maps.iter().find(|(name, _)| {
            fold(name) == fold(h) || name.eq_ignore_ascii_case(&column_letter(sheet.first_col + i))
        });
        match mapped.map(|(_, f)| *f).or_else(|| Field::for_header(h)) {
            Some(field) => {
                columns.entry(field).or_insert(i);
            }
            None if !h.trim().is_empty() => unused.push(h.to_string()),
            None => {}
        }
    }
    for (name, _) in maps {
        let known = header.iter().enumerate().any(|(i, h)| {
            fold(h) == fold(name) || name.eq_ignore_ascii_case(&column_letter(sheet.first_col + i))
        });
        if !known {
            return Err(Problem::NoSuchColumn { column: name.clone() });
        }
    }
    if !columns.contains_key(&Field::Name) {
        return Err(Problem::NoNameColumn);
    }
    Ok((columns, unused))
}

/// Reads every row under the header into a measure, or a problem.
pub fn parse(
    sheet: &Sheet,
    config: &Config,
    maps: &[(String, Field)],
    default_access: Option<Access>,
) -> Result<Parsed, Problem> {
    let (columns, unused) = mapping(sheet, maps)?;
    let header = sheet.rows.first().cloned().unwrap_or_default();
    let mut parsed = Parsed { unused, ..Parsed::default() };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (n, row) in sheet.rows.iter().enumerate().skip(1) {
        let row_no = sheet.first_row + n;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |f: Field| columns.get(&f).and_then(|i| row.get(*i)).map(|s| s.trim()).unwrap_or("");
        let at = |f: Field| {
            columns
                .get(&f)
                .map(|i| (column_letter(sheet.first_col + i), header.get(*i).cloned().unwrap_or_default()))
        };
        match measure(&get, config, default_access, &columns) {
            Ok(m) => {
                if let Some(first) = seen.get(&m.id) {
                    let problem = Problem::DuplicateEntry { id: m.id.clone(), first_line: *first };
                    parsed.problems.push(RowProblem {
                        row: row_no,
                        column: at(Field::Id).or(at(Field::Name)),
                        problem,
                    });
                    continue;
                }
                seen.insert(m.id.clone(), row_no);
                parsed.measures.push((row_no, m));
            }
            Err((field, problem)) => {
                parsed.problems.push(RowProblem { row: row_no, column: at(field), problem })
            }
        }
    }
    Ok(parsed)
}

fn measure<'r>(
    get: &dyn Fn(Field) -> &'r str,
    config: &Config,
    default_access: Option<Access>,
    columns: &BTreeMap<Field, usize>,
) -> Result<Measure, (Field, Problem)> {
    let name = get(Field::Name).to_string();
    if name.is_empty() {
        return Err((Field::Name, Problem::Missing { key: "name".into() }));
    }
    let id = if get(Field::Id).is_empty() { slug(&name) } else { get(Field::Id).to_string() };
    if !is_slug(&id) {
        return Err((Field::Id, Problem::BadSlug { key: "id".into(), value: id }));
    }
    let unit = resolve_unit(get(Field::Unit), config).map_err(|suggestion| {
        let unit = get(Field::Unit).to_string();
        if unit.is_empty() {
            (Field::Unit, Problem::Missing { key: "unit".into() })
        } else {
            (Field::Unit, Problem::UnknownUnit { unit, suggestion })
        }
    })?;
    let access = match get(Field::Access) {
        "" => default_access.ok_or((Field::Access, Problem::BadAccess { value: String::new() }))?,
        text => parse_access(text)
            .ok_or_else(|| (Field::Access, Problem::BadAccess { value: text.to_string() }))?,
    };
    let (age_min, age_max) = if columns.contains_key(&Field::AgeMin) || columns.contains_key(&Field::AgeMax) {
        let read = |f: Field, default: u8| match get(f) {
            "" => Ok(default),
            t => t
                .parse::<u8>()
                .ok()
                .filter(|n| *n <= 120)
                .ok_or((f, Problem::BadAges { value: t.to_string() })),
        };
        (read(Field::AgeMin, 0)?, read(Field::AgeMax, 120)?)
    } else {
        let (field, text) = if columns.contains_key(&Field::Ages) {
            (Field::Ages, get(Field::Ages))
        } else {
            (Field::Target, get(Field::Target))
        };
        parse_ages(text).ok_or((field, Problem::BadAges { value: text.to_string() }))?
    };
    if age_min > age_max {
        let field = if columns.contains_key(&Field::AgeMax) { Field::AgeMax } else { Field::Ages };
        return Err((field, Problem::AgesReversed { min: age_min, max: age_max }));
    }
    let text_fields = [Field::Name, Field::Description, Field::Contact, Field::Link, Field::Tags];
    for f in text_fields {
        if contains_national_id(get(f)) {
            return Err((
                f,
                Problem::NationalId { field: crate::model::Field::Key(format!("{f:?}").to_lowercase()) },
            ));
        }
        if has_control_characters(get(f)) {
            return Err((
                f,
                Problem::ControlCharacters {
                    field: crate::model::Field::Key(format!("{f:?}").to_lowercase()),
                },
            ));
        }
    }
    Ok(Measure {
        id,
        name,
        unit,
        access,
        age_min,
        age_max,
        description: get(Field::Description).to_string(),
        contact: get(Field::Contact).to_string(),
        link: get(Field::Link).to_string(),
        tags: get(Field::Tags)
            .split([',', ';'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::config;

    #[test]
    fn ages_as_people_write_them() {
        for (text, ages) in [
            ("0-18", Some((0, 18))),
            ("6–12 år", Some((6, 12))),
            ("Barn 0–6 år og foreldre", Some((0, 6))),
            ("13+", Some((13, 120))),
            ("fra 16 år", Some((16, 120))),
            ("over 65", Some((66, 120))),
            ("under 18", Some((0, 17))),
            ("alle", Some((0, 120))),
            ("", Some((0, 120))),
            ("Voksne", Some((18, 120))),
            ("16", Some((16, 16))),
            ("ungdom", None),
        ] {
            assert_eq!(parse_ages(text), ages, "{text:?}");
        }
    }

    #[test]
    fn access_and_units_as_sheets_write_them() {
        assert_eq!(parse_access("Åpent"), Some(Access::Open));
        assert_eq!(parse_access("Via ressursteam"), Some(Access::ViaTeam));
        assert_eq!(parse_access("for noen"), Some(Access::ViaTeam));
        assert_eq!(parse_access("kanskje"), None);
        let c = config();
        assert_eq!(resolve_unit("Barneverntjenesten", &c), Ok("barnevern".into()));
        assert_eq!(resolve_unit("helsestasjon", &c), Ok("helsestasjon".into()));
        assert_eq!(resolve_unit("Fysioterapi", &c), Ok("fysio-ergo".into()));
        assert_eq!(resolve_unit("NAV", &c), Ok("nav".into()));
        assert_eq!(resolve_unit("barnvern", &c), Err(Some("barnevern".into())));
        assert_eq!(resolve_unit("Skolen", &c), Err(None));
    }

    #[test]
    fn bad_rows_are_named_and_good_ones_kept() {
        let rows = vec![
            vec!["Tiltak", "Enhet", "Alder", "Tilgang", "Notat"],
            vec!["Foreldrekurs", "Helsestasjon", "0-18", "Åpent", "x"],
            vec!["", "", "", "", ""],
            vec!["Leksehjelp", "Skolen", "6-12", "Åpent", ""],
            vec!["Kurs", "NAV", "18-6", "Åpent", ""],
            vec!["Foreldrekurs", "NAV", "18+", "Åpent", ""],
        ];
        let sheet = Sheet {
            name: "Ark1".into(),
            first_row: 1,
            first_col: 0,
            rows: rows.into_iter().map(|r| r.into_iter().map(String::from).collect()).collect(),
        };
        let parsed = parse(&sheet, &config(), &[], None).unwrap();
        assert_eq!(parsed.measures.len(), 1);
        assert_eq!(parsed.measures[0].1.id, "foreldrekurs");
        assert_eq!(parsed.unused, ["Notat"]);
        let p: Vec<(usize, Option<String>)> =
            parsed.problems.iter().map(|p| (p.row, p.column.as_ref().map(|c| c.0.clone()))).collect();
        assert_eq!(p, [(4, Some("B".into())), (5, Some("C".into())), (6, Some("A".into()))]);
    }
}
