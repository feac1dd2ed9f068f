//! Editing a TOML document in place so that a rewrite by `rt` keeps what a person wrote.
//!
//! Values that did not change are not touched at all (their formatting and comments stay
//! byte for byte); a changed value keeps the comments around it; keys `rt` does not manage
//! are never removed; and a table `rt` adds lands in its canonical place, before a team's
//! own `[extra]`.

use chrono::{Datelike, NaiveDate};
use toml_edit::{Array, Date, Datetime, Item, Table, Value};

/// A TOML date value.
pub fn date(d: NaiveDate) -> Value {
    Value::from(Datetime {
        date: Some(Date { year: d.year() as u16, month: d.month() as u8, day: d.day() as u8 }),
        time: None,
        offset: None,
    })
}

/// A TOML array of strings.
pub fn strings<S: AsRef<str>>(items: &[S]) -> Value {
    let mut a = Array::new();
    for s in items {
        a.push(s.as_ref());
    }
    Value::Array(a)
}

/// Whether two values are the same data (ignoring formatting and comments).
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.value() == y.value(),
        (Value::Integer(x), Value::Integer(y)) => x.value() == y.value(),
        (Value::Float(x), Value::Float(y)) => x.value() == y.value(),
        (Value::Boolean(x), Value::Boolean(y)) => x.value() == y.value(),
        (Value::Datetime(x), Value::Datetime(y)) => x.value() == y.value(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| same(a, b))
        }
        (Value::InlineTable(x), Value::InlineTable(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

/// Sets `key` to `value` (or removes it for `None`), keeping the comments around an existing
/// value and leaving an unchanged one untouched.
pub fn set(table: &mut Table, key: &str, value: Option<Value>) {
    let Some(mut value) = value else {
        table.remove(key);
        return;
    };
    match table.get_mut(key) {
        Some(Item::Value(old)) if same(old, &value) => {}
        Some(Item::Value(old)) => {
            let decor = old.decor().clone();
            *value.decor_mut() = decor;
            *old = value;
        }
        _ => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// Puts a table's values in canonical order after a rewrite added one. Keys not in
/// `canonical` (a person's own) stay right after the key they followed.
pub fn order_values(table: &mut Table, canonical: &[&str]) {
    // Rank = (canonical index of the last known key, how many own keys since it).
    let mut ranks = std::collections::HashMap::new();
    let (mut base, mut since) = (0usize, 0usize);
    for (key, _) in table.iter() {
        match canonical.iter().position(|k| *k == key) {
            Some(p) => (base, since) = (p, 0),
            None => since += 1,
        }
        ranks.insert(key.to_string(), (base, since));
    }
    table.sort_values_by(|a, _, b, _| ranks[a.get()].cmp(&ranks[b.get()]));
}

/// Like [`set`], and a new value gets a trailing comment (a hint for hand editing).
pub fn set_commented(table: &mut Table, key: &str, value: Value, comment: &str) {
    let existed = table.contains_key(key);
    set(table, key, Some(value));
    if !existed && let Some(Item::Value(v)) = table.get_mut(key) {
        v.decor_mut().set_suffix(format!("  # {comment}"));
    }
}

/// The sub-table `key`, created if absent. A new table is placed after the last of
/// `before` that exists, so tables keep their canonical order even in a hand-edited file.
pub fn table<'t>(parent: &'t mut Table, key: &str, before: &[&str]) -> &'t mut Table {
    if !parent.contains_table(key) {
        let mut t = Table::new();
        // After the whole subtree of the table before it (its [[nested]] tables included).
        let anchor = before.iter().rev().filter_map(|k| parent.get(k).and_then(last_position)).next();
        if let Some(pos) = anchor {
            t.set_position(Some(pos));
        }
        parent.insert(key, Item::Table(t));
    }
    parent[key].as_table_mut().expect("just made sure it is a table")
}

/// The last document position of a table and everything nested in it.
fn last_position(item: &Item) -> Option<isize> {
    match item {
        Item::Table(t) => {
            let nested = t.iter().filter_map(|(_, i)| last_position(i));
            t.position().into_iter().chain(nested).max()
        }
        Item::ArrayOfTables(a) => a.iter().filter_map(|t| last_position(&Item::Table(t.clone()))).max(),
        _ => None,
    }
}

/// Removes the managed keys of a sub-table, and the table itself if nothing else is left.
pub fn clear_table(parent: &mut Table, key: &str, managed: &[&str]) {
    if let Some(t) = parent.get_mut(key).and_then(Item::as_table_mut) {
        for k in managed {
            t.remove(k);
        }
        if t.is_empty() {
            parent.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml_edit::DocumentMut;

    #[test]
    fn unchanged_values_keep_their_formatting() {
        let mut doc: DocumentMut = "a = 'x'   # note\nb = 1\n".parse().unwrap();
        set(doc.as_table_mut(), "a", Some(Value::from("x")));
        set(doc.as_table_mut(), "b", Some(Value::from(2)));
        assert_eq!(doc.to_string(), "a = 'x'   # note\nb = 2\n");
    }

    #[test]
    fn changed_values_keep_their_comment() {
        let mut doc: DocumentMut = "a = \"x\"   # note\n".parse().unwrap();
        set(doc.as_table_mut(), "a", Some(Value::from("y")));
        assert_eq!(doc.to_string(), "a = \"y\"   # note\n");
    }

    #[test]
    fn ordering_keeps_own_keys_after_their_neighbour() {
        let mut doc: DocumentMut = "a = 1\nmine = 2\nmine2 = 3\nmine3 = 4\nc = 5\nb = 6\n".parse().unwrap();
        order_values(doc.as_table_mut(), &["a", "b", "c"]);
        assert_eq!(doc.to_string(), "a = 1\nmine = 2\nmine2 = 3\nmine3 = 4\nb = 6\nc = 5\n");
    }

    #[test]
    fn new_tables_go_before_extra() {
        let mut doc: DocumentMut = "[situation]\nconcern = \"c\"\n\n[extra]\nmine = 1\n".parse().unwrap();
        let t = table(doc.as_table_mut(), "outcome", &["referrer", "situation"]);
        t.insert("date", Item::Value(Value::from(1)));
        let text = doc.to_string();
        let (o, e) = (text.find("[outcome]").unwrap(), text.find("[extra]").unwrap());
        assert!(o < e, "{text}");
    }
}
