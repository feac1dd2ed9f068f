//! Reading `tiltaksbank.toml`, the catalogue of measures (R11).
//!
//! ```toml
//! schema = 1
//!
//! [[measures]]
//! id = "foreldreveiledning-icdp"   # stable slug, referenced by cases
//! name = "Foreldreveiledning (ICDP)"
//! unit = "helsestasjon"            # a unit id from rt.toml
//! access = "open"                  # open | via-team
//! age_min = 0
//! age_max = 18
//! description = "…"
//! contact = "…"
//! link = "https://…"
//! tags = ["foreldre", "samspill"]
//! ```

use std::collections::BTreeMap;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::config_file::is_slug;
use super::edit::{self, set};
use super::toml_read::{self, Reader};
use crate::diagnostic::Diagnostic;
use crate::model::{Access, Config, Measure, Tiltaksbank};
use crate::problem::Problem;
use crate::suggest;

/// The schema version of `tiltaksbank.toml` this `rt` understands.
pub const TILTAK_SCHEMA: u32 = 1;

const ACCESS: [(&str, Access); 2] = [("open", Access::Open), ("via-team", Access::ViaTeam)];

/// Reads the catalogue; measures with errors are left out (and reported).
pub fn read(file: &str, text: &str, config: Option<&Config>) -> (Tiltaksbank, Vec<Diagnostic>) {
    let doc = match toml_read::parse(file, text) {
        Ok(doc) => doc,
        Err(d) => return (Tiltaksbank::default(), vec![*d]),
    };
    let mut r = Reader::new(file, text);
    let mut root = toml_read::Table::root(&doc);
    let schema = r.int(&mut root, "schema", 1, 9999).unwrap_or(1) as u32;
    if schema > TILTAK_SCHEMA {
        let span = r.value_span(&root, "schema");
        r.warning_at(span, Problem::NewerSchema { found: schema, known: TILTAK_SCHEMA });
        r.tolerate_unknown = true;
    }
    let mut measures = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for mut t in r.tables(&mut root, "measures") {
        let before = r.errors();
        let id = r.req_string(&mut t, "id");
        let name = r.req_string(&mut t, "name");
        let unit = r.req_string(&mut t, "unit");
        let access = r.req_choice(&mut t, "access", &ACCESS);
        let age_min = r.int(&mut t, "age_min", 0, 120).unwrap_or(0) as u8;
        let age_max = r.int(&mut t, "age_max", 0, 120).unwrap_or(120) as u8;
        let description = r.string(&mut t, "description").unwrap_or_default();
        let contact = r.string(&mut t, "contact").unwrap_or_default();
        let link = r.string(&mut t, "link").unwrap_or_default();
        let tags = r.strings(&mut t, "tags");
        if let Some(id) = &id {
            let span = r.value_span(&t, "id");
            if !is_slug(id) {
                r.error_at(span, Problem::BadSlug { key: "measures.id".into(), value: id.clone() });
            } else if let Some(first_line) = seen.get(id) {
                r.error_at(span, Problem::DuplicateEntry { id: id.clone(), first_line: *first_line });
            } else {
                seen.insert(id.clone(), r.pos(span).map_or(1, |p| p.line));
            }
        }
        if let (Some(u), Some(config)) = (&unit, config)
            && config.unit(u).is_none()
        {
            let span = r.value_span(&t, "unit");
            let suggestion = suggest::closest(u, config.unit_ids());
            r.error_at(span, Problem::UnknownUnit { unit: u.clone(), suggestion });
        }
        if age_min > age_max {
            let span = r.value_span(&t, "age_max");
            r.error_at(span, Problem::AgesReversed { min: age_min, max: age_max });
        }
        r.finish(t);
        if r.errors() > before {
            continue;
        }
        if let (Some(id), Some(name), Some(unit), Some(access)) = (id, name, unit, access) {
            measures.push(Measure {
                id,
                name,
                unit,
                access,
                age_min,
                age_max,
                description,
                contact,
                link,
                tags,
            });
        }
    }
    r.skip(&mut root, "extra");
    r.finish(root);
    (Tiltaksbank { measures }, r.diags)
}

/// Writes a measure's fields into its table, in the file's order, keeping comments.
fn apply_measure(t: &mut Table, m: &Measure) {
    let text = |s: &str| (!s.is_empty()).then(|| Value::from(s));
    set(t, "id", Some(Value::from(m.id.as_str())));
    set(t, "name", Some(Value::from(m.name.as_str())));
    set(t, "unit", Some(Value::from(m.unit.as_str())));
    set(t, "access", Some(Value::from(m.access.code())));
    set(t, "age_min", Some(Value::from(i64::from(m.age_min))));
    set(t, "age_max", Some(Value::from(i64::from(m.age_max))));
    set(t, "description", text(&m.description));
    set(t, "contact", text(&m.contact));
    set(t, "link", text(&m.link));
    set(t, "tags", (!m.tags.is_empty()).then(|| edit::strings(&m.tags)));
}

/// Stages the catalogue written back with these measures added or updated ([`upsert`]),
/// keeping everything else of `text`, the file as it was read; the commit refuses if it
/// changed since.
pub fn save(
    tx: &mut super::transaction::Transaction<'_>,
    text: &str,
    measures: &[&Measure],
) -> Result<(), crate::error::Error> {
    let mut doc: DocumentMut =
        text.parse().map_err(|_| crate::error::Error::invalid_file(super::TILTAK_FILE, Vec::new()))?;
    for m in measures {
        upsert(&mut doc, m);
    }
    tx.replace(super::TILTAK_FILE, text, doc.to_string(), super::atomic::Privacy::Shared);
    Ok(())
}

/// Adds a measure to the catalogue, or updates the one with its id, keeping everything else
/// of the file (comments, order, other measures) as it was.
pub fn upsert(doc: &mut DocumentMut, m: &Measure) {
    let root = doc.as_table_mut();
    if !matches!(root.get("measures"), Some(Item::ArrayOfTables(_))) {
        root.insert("measures", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let Some(aot) = root.get_mut("measures").and_then(Item::as_array_of_tables_mut) else { return };
    let existing = aot.iter().position(|t| t.get("id").and_then(Item::as_str) == Some(m.id.as_str()));
    match existing {
        Some(i) => {
            if let Some(t) = aot.get_mut(i) {
                apply_measure(t, m);
            }
        }
        None => {
            let mut t = Table::new();
            apply_measure(&mut t, m);
            aot.push(t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::testing::config;

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
"#;
        let (bank, diags) = read("tiltaksbank.toml", text, Some(&config()));
        assert_eq!(bank.measures.len(), 1);
        let shown: Vec<String> = diags.iter().map(|d| d.render(Lang::Nb).to_string()).collect();
        let all = shown.join("\n");
        assert!(all.contains("tiltaksbank.toml:12:6: feil: `icdp` finnes allerede (linje 4)"), "{all}");
        assert!(all.contains("tiltaksbank.toml:14:8: feil: ukjent enhet `barnvern`"), "{all}");
        assert!(all.contains("hjelp: mente du `barnevern`?"), "{all}");
        assert!(
            all.contains("tiltaksbank.toml:15:10: feil: `measures.access` kan ikke være `via-teams`"),
            "{all}"
        );
        assert!(all.contains("tiltaksbank.toml:17:11: feil: aldersspennet 12–6 går baklengs"), "{all}");
    }

    #[test]
    fn adding_keeps_the_files_comments_and_order() {
        let text = "# Vår tiltaksbank\nschema = 1\n\n# Helsestasjonen\n[[measures]]\nid = \"a\"  # den første\nname = \"A\"\nunit = \"helsestasjon\"\naccess = \"open\"\n";
        let mut doc: DocumentMut = text.parse().unwrap();
        let m = Measure {
            id: "b".into(),
            name: "B".into(),
            unit: "barnevern".into(),
            access: Access::ViaTeam,
            age_min: 0,
            age_max: 18,
            description: "Beskrivelse".into(),
            contact: String::new(),
            link: String::new(),
            tags: vec!["x".into()],
        };
        upsert(&mut doc, &m);
        let out = doc.to_string();
        assert!(out.starts_with(text), "{out}");
        assert!(out.ends_with("[[measures]]\nid = \"b\"\nname = \"B\"\nunit = \"barnevern\"\naccess = \"via-team\"\nage_min = 0\nage_max = 18\ndescription = \"Beskrivelse\"\ntags = [\"x\"]\n"), "{out}");
        let (bank, diags) = read("t.toml", &out, Some(&config()));
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(bank.get("b"), Some(&m));
        // Updating changes the fields and keeps the comment.
        let mut a = bank.get("a").unwrap().clone();
        a.name = "A2".into();
        upsert(&mut doc, &a);
        let out = doc.to_string();
        assert!(out.contains("id = \"a\"  # den første\nname = \"A2\""), "{out}");
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
}
