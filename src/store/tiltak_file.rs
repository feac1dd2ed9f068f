//! Reading and writing `tiltaksbank.toml`, the catalogue of measures (R11).
//!
//! ```toml
//! schema = 1
//!
//! [[measures]]
//! id = "foreldreveiledning-icdp"   # stable slug, referenced by cases
//! name = "Foreldreveiledning (ICDP)"
//! provider = "helsestasjon"        # a unit id, or a provider id under [[providers]] of rt.toml
//! access = "referral"              # open | via-team | referral | decision
//! referral_from = "fastlege"       # only with access = "referral": from whom
//! level = "selective"              # universal | selective | indicated (optional)
//! target = "Foreldre til barn 0–6 år"   # the target group as written (optional)
//! age_min = 0                      # the ages (of the child, when parents = true)
//! age_max = 6
//! parents = true                   # for the parents of children of these ages
//! description = "…"
//! contact = "…"
//! link = "https://…"
//! tags = ["foreldre", "samspill"]
//!
//! [measures.imported]              # written by `rt tiltak import`; see docs/tiltaksbank.md
//! date = 2027-01-05
//! name = "1c9a2f04"                # per field: a fingerprint of what the sheet said
//! ```
//!
//! Older files name the provider `unit`; they are read as they are, and an entry `rt`
//! rewrites gets `provider` instead (nothing else of the file changes).

use std::collections::BTreeMap;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::config_file::is_slug;
use super::edit::{self, set};
use super::toml_read::{self, Reader};
use crate::diagnostic::Diagnostic;
use crate::model::measure::{Field, Imported};
use crate::model::{Access, Config, Level, Measure, Tiltaksbank};
use crate::problem::Problem;
use crate::rules::measure::Flaw;
use crate::suggest;

/// The schema version of `tiltaksbank.toml` this `rt` understands.
pub const TILTAK_SCHEMA: u32 = 1;

const ACCESS: [(&str, Access); 4] = [
    ("open", Access::Open),
    ("via-team", Access::ViaTeam),
    ("referral", Access::Referral),
    ("decision", Access::Decision),
];

const LEVELS: [(&str, Level); 3] =
    [("universal", Level::Universal), ("selective", Level::Selective), ("indicated", Level::Indicated)];

/// The keys of a measure in the order `rt` writes them.
const CANONICAL: [&str; 15] = [
    "id",
    "name",
    "provider",
    "access",
    "referral_from",
    "level",
    "target",
    "age_min",
    "age_max",
    "parents",
    "description",
    "contact",
    "link",
    "tags",
    "imported",
];

/// Reads the catalogue; measures with errors are left out (and reported), except that one
/// whose only error is a national id number is kept with the number masked.
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
    let mut left_out = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (n, mut t) in r.tables(&mut root, "measures").into_iter().enumerate() {
        let before = r.errors();
        let id = r.req_string(&mut t, "id");
        let name = r.req_string(&mut t, "name");
        let provider = read_provider(&mut r, &mut t, config);
        let access = r.req_choice(&mut t, "access", &ACCESS);
        let referral_from = r.string(&mut t, "referral_from").unwrap_or_default();
        let level = r.choice(&mut t, "level", &LEVELS);
        let target = r.string(&mut t, "target").unwrap_or_default();
        let age_min = r.int(&mut t, "age_min", 0, 120).unwrap_or(0) as u8;
        let age_max = r.int(&mut t, "age_max", 0, 120).unwrap_or(120) as u8;
        let parents = r.bool(&mut t, "parents").unwrap_or(false);
        let description = r.string(&mut t, "description").unwrap_or_default();
        let contact = r.string(&mut t, "contact").unwrap_or_default();
        let link = r.string(&mut t, "link").unwrap_or_default();
        if !crate::model::measure::is_safe_link(&link) {
            let span = r.value_span(&t, "link");
            r.error_at(span, Problem::BadLink { value: link.clone() });
        }
        let tags = r.strings(&mut t, "tags");
        let imported = r.table(&mut t, "imported").map(|i| read_imported(&mut r, i));
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
        if let Some(access) = access
            && access != Access::Referral
            && !referral_from.is_empty()
        {
            let span = r.value_span(&t, "referral_from");
            r.warning_at(span, Problem::ReferralFromWithoutReferral { access: access.code() });
        }
        if age_min > age_max {
            let span = r.value_span(&t, "age_max");
            r.error_at(span, Problem::AgesReversed { min: age_min, max: age_max });
        }
        r.finish(t);
        if r.errors() > before {
            left_out.extend(id);
            continue;
        }
        if let (Some(id), Some(name), Some(provider), Some(access)) = (id, name, provider, access) {
            let measure = Measure {
                id,
                name,
                provider,
                access,
                referral_from,
                level,
                target,
                age_min,
                age_max,
                parents,
                description,
                contact,
                link,
                tags,
                imported,
            };
            // Its texts by the rules of `rt tiltak add` and the import. A text that breaks
            // a line or holds control characters leaves the measure out, as any error does;
            // one with a national id number keeps it, masked (`•••`), so that it can still
            // be looked up while no command can show, publish or write the number (see
            // `crate::tiltak::privacy` for what each command does with the finding).
            let found = crate::rules::measure::check(&measure);
            for f in &found {
                let path = f.path(n);
                let span = toml_read::locate(&doc, &path);
                r.error_at(span, f.flaw.problem(crate::model::Field::from_path(&path)));
            }
            if found.iter().all(|f| f.flaw == Flaw::NationalId) {
                measures.push(crate::rules::measure::masked(&measure));
            } else {
                left_out.push(measure.id);
            }
        }
    }
    r.skip(&mut root, "extra");
    r.finish(root);
    (Tiltaksbank { measures, left_out }, r.diags)
}

/// `provider`, or in an older file `unit`: a unit or a provider of `rt.toml`.
fn read_provider<'d>(
    r: &mut Reader<'_>,
    t: &mut toml_read::Table<'d>,
    config: Option<&Config>,
) -> Option<String> {
    let key = match (t.has("provider"), t.has("unit")) {
        (true, true) => {
            let span = r.value_span(t, "unit");
            r.error_at(span, Problem::UnitAndProvider);
            r.skip(t, "unit");
            "provider"
        }
        (false, true) => "unit",
        _ => "provider",
    };
    let provider = r.req_string(t, key)?;
    if let Some(config) = config
        && !config.knows_provider(&provider)
    {
        let span = r.value_span(t, key);
        let suggestion = suggest::closest(&provider, config.provider_ids());
        r.error_at(span, Problem::UnknownProvider { provider: provider.clone(), suggestion });
    }
    Some(provider)
}

/// `[measures.imported]`: the day of the last import and a fingerprint per field.
fn read_imported(r: &mut Reader<'_>, mut t: toml_read::Table<'_>) -> Imported {
    let date = r.date(&mut t, "date");
    let mut fields = BTreeMap::new();
    for field in Field::ALL {
        if let Some(print) = r.string(&mut t, field.code()) {
            fields.insert(field, print);
        }
    }
    r.finish(t);
    Imported { date, fields }
}

/// Writes a measure's fields into its table, in the file's order, keeping comments. An
/// older entry's `unit` becomes `provider`.
fn apply_measure(t: &mut Table, m: &Measure) {
    let text = |s: &str| (!s.is_empty()).then(|| Value::from(s));
    let keys_before: Vec<String> = t.iter().map(|(k, _)| k.to_string()).collect();
    t.remove("unit");
    set(t, "id", Some(Value::from(m.id.as_str())));
    set(t, "name", Some(Value::from(m.name.as_str())));
    set(t, "provider", Some(Value::from(m.provider.as_str())));
    set(t, "access", Some(Value::from(m.access.code())));
    set(t, "referral_from", text(&m.referral_from));
    set(t, "level", m.level.map(|l| Value::from(l.code())));
    set(t, "target", text(&m.target));
    set(t, "age_min", Some(Value::from(i64::from(m.age_min))));
    set(t, "age_max", Some(Value::from(i64::from(m.age_max))));
    set(t, "parents", m.parents.then(|| Value::from(true)));
    set(t, "description", text(&m.description));
    set(t, "contact", text(&m.contact));
    set(t, "link", text(&m.link));
    set(t, "tags", (!m.tags.is_empty()).then(|| edit::strings(&m.tags)));
    match &m.imported {
        None => {
            t.remove("imported");
        }
        Some(record) => {
            if !t.contains_table("imported") {
                t.remove("imported");
                t.insert("imported", Item::Table(Table::new()));
            }
            if let Some(sub) = t.get_mut("imported").and_then(Item::as_table_mut) {
                set(sub, "date", record.date.map(edit::date));
                for field in Field::ALL {
                    set(sub, field.code(), record.fields.get(&field).map(|p| Value::from(p.as_str())));
                }
            }
        }
    }
    if t.iter().any(|(k, _)| !keys_before.iter().any(|b| b == k)) {
        edit::order_values(t, &CANONICAL);
    }
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
mod tests;
