//! Writing to `rt.toml`, which people write and comment by hand: only `rt tiltak import
//! --add-providers` does, adding services under `[[providers]]` through `toml_edit`, so every
//! comment and the order of the file stay as they were. A new `[[providers]]` list goes right
//! after the units, members and contacts, before `[meetings]`.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::edit::set;
use crate::error::Error;
use crate::model::Provider;

/// `rt.toml`'s text with these providers added under `[[providers]]`.
pub fn with_providers(text: &str, providers: &[Provider]) -> Result<String, Error> {
    let mut doc: DocumentMut =
        text.parse().map_err(|_| Error::invalid_file(super::CONFIG_FILE, Vec::new()))?;
    let root = doc.as_table_mut();
    // The last document position of the lists a new [[providers]] follows.
    let anchor = ["units", "members", "contacts", "providers"]
        .iter()
        .filter_map(|k| root.get(k).and_then(Item::as_array_of_tables))
        .flat_map(|a| a.iter().filter_map(Table::position))
        .max();
    if !matches!(root.get("providers"), Some(Item::ArrayOfTables(_))) {
        root.insert("providers", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let Some(list) = root.get_mut("providers").and_then(Item::as_array_of_tables_mut) else {
        return Ok(doc.to_string());
    };
    for p in providers {
        let mut t = Table::new();
        t.set_position(anchor);
        set(&mut t, "id", Some(Value::from(p.id.as_str())));
        set(&mut t, "name", Some(Value::from(p.name.as_str())));
        if !p.contact.is_empty() {
            set(&mut t, "contact", Some(Value::from(p.contact.as_str())));
        }
        if !p.link.is_empty() {
            set(&mut t, "link", Some(Value::from(p.link.as_str())));
        }
        list.push(t);
    }
    Ok(doc.to_string())
}

/// Stages the providers added to `rt.toml` (read as `text`; the commit refuses if it changed
/// since).
pub fn add_providers(
    tx: &mut super::transaction::Transaction<'_>,
    text: &str,
    providers: &[Provider],
) -> Result<(), Error> {
    let new = with_providers(text, providers)?;
    tx.replace(super::CONFIG_FILE, text, new, super::atomic::Privacy::Shared);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provider(id: &str, name: &str) -> Provider {
        Provider { id: id.into(), name: name.into(), contact: String::new(), link: String::new() }
    }

    #[test]
    fn new_providers_follow_the_units_and_keep_every_comment() {
        let text = "# Teamet\nschema = 1\nteam = \"T\"\n\n# Enhetene\n[[units]]\nid = \"nav\"  # invitert\nname = \"NAV\"\n\n# Møtene\n[meetings]\nweekday = \"tirsdag\"\n";
        let out =
            with_providers(text, &[provider("kulturskole", "Kulturskolen"), provider("ppt", "PPT")]).unwrap();
        assert_eq!(
            out,
            "# Teamet\nschema = 1\nteam = \"T\"\n\n# Enhetene\n[[units]]\nid = \"nav\"  # invitert\nname = \"NAV\"\n\n[[providers]]\nid = \"kulturskole\"\nname = \"Kulturskolen\"\n\n[[providers]]\nid = \"ppt\"\nname = \"PPT\"\n\n# Møtene\n[meetings]\nweekday = \"tirsdag\"\n"
        );
        let (config, diags) = super::super::config_file::read("rt.toml", &out);
        assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
        assert_eq!(config.unwrap().providers.len(), 2);
        // More later: after the ones there.
        let again = with_providers(&out, &[provider("frivilligsentral", "Frivilligsentralen")]).unwrap();
        let (a, b) = (again.find("id = \"ppt\"").unwrap(), again.find("id = \"frivilligsentral\"").unwrap());
        assert!(a < b && b < again.find("[meetings]").unwrap(), "{again}");
    }
}
