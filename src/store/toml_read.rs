//! Reading TOML into domain types while collecting every problem with its position.
//!
//! Serde stops at the first error; a team folder needs all of them, each as
//! `path:line:column`. So files are parsed once with `toml_edit` (which keeps the spans of
//! every key and value) and walked by hand through a [`Reader`]: each getter records which
//! keys it knows, reports a wrong type or a bad value as a [`Diagnostic`], and returns
//! `None` rather than stopping. [`Reader::finish`] then reports every key nobody asked for,
//! with "did you mean".

use std::ops::Range;

use chrono::{NaiveDate, NaiveTime};
use toml_edit::{Document, Item, TableLike, Value};

use crate::diagnostic::{Diagnostic, Position};
use crate::problem::{Problem, ValueKind};
use crate::suggest;

/// A parsed TOML file.
pub type Parsed = Document<String>;

/// Parses a file, or returns the syntax error as a diagnostic.
pub fn parse(file: &str, text: &str) -> Result<Parsed, Box<Diagnostic>> {
    Document::parse(text.to_string()).map_err(|e| {
        let pos = e.span().map(|s| Position::of_offset(text, s.start));
        let detail = e.message().trim().replace('\n', " ");
        Box::new(Diagnostic::error(file, pos, Problem::Syntax { detail }))
    })
}

/// A table being read: which keys were asked for, and where it is.
pub struct Table<'d> {
    inner: &'d dyn TableLike,
    /// Dotted path of the table (`""` for the root).
    path: String,
    span: Option<Range<usize>>,
    known: Vec<&'d str>,
}

impl<'d> Table<'d> {
    /// The root table of a document.
    pub fn root(doc: &'d Parsed) -> Table<'d> {
        Table { inner: doc.as_table(), path: String::new(), span: Some(0..0), known: Vec::new() }
    }

    fn full(&self, key: &str) -> String {
        if self.path.is_empty() { key.to_string() } else { format!("{}.{key}", self.path) }
    }

    /// The keys of the table, in the file's order.
    pub fn keys(&self) -> Vec<&'d str> {
        self.inner.iter().map(|(k, _)| k).collect()
    }

    /// Whether the table holds a key (without marking it known).
    pub fn has(&self, key: &str) -> bool {
        self.inner.get(key).is_some()
    }
}

/// Reads values out of one file's tables and collects what is wrong with them.
pub struct Reader<'f> {
    file: &'f str,
    text: &'f str,
    /// Findings so far.
    pub diags: Vec<Diagnostic>,
    /// When set, keys this `rt` does not know are not reported (a newer schema may add some).
    pub tolerate_unknown: bool,
}

fn kind(item: &Item) -> ValueKind {
    match item {
        Item::Value(v) => match v {
            Value::String(_) => ValueKind::String,
            Value::Integer(_) => ValueKind::Integer,
            Value::Float(_) => ValueKind::Float,
            Value::Boolean(_) => ValueKind::Bool,
            Value::Datetime(d) => {
                let d = d.value();
                match (d.date, d.time) {
                    (Some(_), None) => ValueKind::Date,
                    (None, Some(_)) => ValueKind::Time,
                    _ => ValueKind::DateTime,
                }
            }
            Value::Array(_) => ValueKind::Array,
            Value::InlineTable(_) => ValueKind::Table,
        },
        Item::Table(_) | Item::None => ValueKind::Table,
        Item::ArrayOfTables(_) => ValueKind::Array,
    }
}

impl<'f> Reader<'f> {
    /// A reader for one file.
    pub fn new(file: &'f str, text: &'f str) -> Reader<'f> {
        Reader { file, text, diags: Vec::new(), tolerate_unknown: false }
    }

    /// The number of errors found so far (to tell whether a part decoded cleanly).
    pub fn errors(&self) -> usize {
        self.diags.iter().filter(|d| d.is_error()).count()
    }

    /// The position of a byte span.
    pub fn pos(&self, span: Option<Range<usize>>) -> Option<Position> {
        span.map(|s| Position::of_offset(self.text, s.start))
    }

    /// Reports an error at a span.
    pub fn error_at(&mut self, span: Option<Range<usize>>, problem: Problem) {
        let pos = self.pos(span).or(Some(Position::START));
        self.diags.push(Diagnostic::error(self.file, pos, problem));
    }

    /// Reports a warning at a span.
    pub fn warning_at(&mut self, span: Option<Range<usize>>, problem: Problem) {
        let pos = self.pos(span).or(Some(Position::START));
        self.diags.push(Diagnostic::warning(self.file, pos, problem));
    }

    fn get<'d>(&mut self, t: &mut Table<'d>, key: &'d str) -> Option<&'d Item> {
        if !t.known.contains(&key) {
            t.known.push(key);
        }
        t.inner.get(key).filter(|i| !i.is_none())
    }

    /// Marks a key as known without reading it (e.g. `[extra]`).
    pub fn skip<'d>(&mut self, t: &mut Table<'d>, key: &'d str) {
        let _ = self.get(t, key);
    }

    fn missing(&mut self, t: &Table<'_>, key: &str) {
        let key = t.full(key);
        self.error_at(t.span.clone(), Problem::Missing { key });
    }

    fn wrong_type(&mut self, t: &Table<'_>, key: &str, item: &Item, expected: ValueKind) {
        let problem = Problem::WrongType { key: t.full(key), expected, found: kind(item) };
        self.error_at(item.span(), problem);
    }

    /// An optional string.
    pub fn string<'d>(&mut self, t: &mut Table<'d>, key: &'d str) -> Option<String> {
        let item = self.get(t, key)?;
        match item.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                self.wrong_type(t, key, item, ValueKind::String);
                None
            }
        }
    }

    /// A required string.
    pub fn req_string<'d>(&mut self, t: &mut Table<'d>, key: &'d str) -> Option<String> {
        if !t.has(key) {
            self.skip(t, key);
            self.missing(t, key);
            return None;
        }
        self.string(t, key)
    }

    /// An optional string that must be one of a set of codes.
    pub fn choice<'d, T: Copy>(
        &mut self,
        t: &mut Table<'d>,
        key: &'d str,
        choices: &[(&'static str, T)],
    ) -> Option<T> {
        let item = self.get(t, key)?;
        let Some(text) = item.as_str() else {
            self.wrong_type(t, key, item, ValueKind::String);
            return None;
        };
        if let Some((_, v)) = choices.iter().find(|(code, _)| *code == text) {
            return Some(*v);
        }
        let allowed: Vec<&'static str> = choices.iter().map(|(c, _)| *c).collect();
        let suggestion = suggest::closest(text, allowed.iter().copied());
        let problem = Problem::BadChoice { key: t.full(key), value: text.to_string(), allowed, suggestion };
        self.error_at(item.span(), problem);
        None
    }

    /// A required choice.
    pub fn req_choice<'d, T: Copy>(
        &mut self,
        t: &mut Table<'d>,
        key: &'d str,
        choices: &[(&'static str, T)],
    ) -> Option<T> {
        if !t.has(key) {
            self.skip(t, key);
            self.missing(t, key);
            return None;
        }
        self.choice(t, key, choices)
    }

    fn date_of(&mut self, t: &Table<'_>, key: &str, item: &Item) -> Option<NaiveDate> {
        if let Some(dt) = item.as_datetime()
            && let (Some(d), None) = (dt.date, dt.time)
        {
            return NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day));
        }
        if let Some(s) = item.as_str()
            && crate::model::dates::parse_date(s).is_some()
        {
            self.error_at(item.span(), Problem::QuotedDate { key: t.full(key) });
            return None;
        }
        self.wrong_type(t, key, item, ValueKind::Date);
        None
    }

    /// An optional date (a TOML local date).
    pub fn date<'d>(&mut self, t: &mut Table<'d>, key: &'d str) -> Option<NaiveDate> {
        let item = self.get(t, key)?;
        self.date_of(t, key, item)
    }

    /// A required date.
    pub fn req_date<'d>(&mut self, t: &mut Table<'d>, key: &'d str) -> Option<NaiveDate> {
        if !t.has(key) {
            self.skip(t, key);
            self.missing(t, key);
            return None;
        }
        self.date(t, key)
    }

    /// A list of dates.
    pub fn dates<'d>(&mut self, t: &mut Table<'d>, key: &'d str) -> Vec<NaiveDate> {
        self.list(t, key, |r, t, v| r.date_of(t, key, &Item::Value(v.clone())))
    }

    /// A list of dates, each with where it is (for a problem found after decoding).
    pub fn dates_at<'d>(
        &mut self,
        t: &mut Table<'d>,
        key: &'d str,
    ) -> Vec<(NaiveDate, Option<Range<usize>>)> {
        self.list(t, key, |r, t, v| r.date_of(t, key, &Item::Value(v.clone())).map(|d| (d, v.span())))
    }

    /// A time of day: `"12:30"` or a TOML local time `12:30:00`.
    pub fn time<'d>(&mut self, t: &mut Table<'d>, key: &'d str) -> Option<NaiveTime> {
        let item = self.get(t, key)?;
        if let Some(dt) = item.as_datetime()
            && let (None, Some(tm)) = (dt.date, dt.time)
        {
            return NaiveTime::from_hms_opt(u32::from(tm.hour), u32::from(tm.minute), 0);
        }
        if let Some(s) = item.as_str()
            && let Ok(tm) = NaiveTime::parse_from_str(s.trim(), "%H:%M")
        {
            return Some(tm);
        }
        self.error_at(item.span(), Problem::BadTime { key: t.full(key) });
        None
    }

    /// An optional integer within a range.
    pub fn int<'d>(&mut self, t: &mut Table<'d>, key: &'d str, min: i64, max: i64) -> Option<i64> {
        let item = self.get(t, key)?;
        let Some(n) = item.as_integer() else {
            self.wrong_type(t, key, item, ValueKind::Integer);
            return None;
        };
        if n < min || n > max {
            self.error_at(item.span(), Problem::OutOfRange { key: t.full(key), value: n, min, max });
            return None;
        }
        Some(n)
    }

    /// A required integer within a range.
    pub fn req_int<'d>(&mut self, t: &mut Table<'d>, key: &'d str, min: i64, max: i64) -> Option<i64> {
        if !t.has(key) {
            self.skip(t, key);
            self.missing(t, key);
            return None;
        }
        self.int(t, key, min, max)
    }

    /// A list of integers within a range.
    pub fn ints<'d>(&mut self, t: &mut Table<'d>, key: &'d str, min: i64, max: i64) -> Vec<i64> {
        self.list(t, key, |r, t, v| match v.as_integer() {
            Some(n) if (min..=max).contains(&n) => Some(n),
            Some(n) => {
                r.error_at(v.span(), Problem::OutOfRange { key: t.full(key), value: n, min, max });
                None
            }
            None => r.wrong_element(t, key, v, ValueKind::Integer),
        })
    }

    /// An optional boolean.
    pub fn bool<'d>(&mut self, t: &mut Table<'d>, key: &'d str) -> Option<bool> {
        let item = self.get(t, key)?;
        let b = item.as_bool();
        if b.is_none() {
            self.wrong_type(t, key, item, ValueKind::Bool);
        }
        b
    }

    /// A list of strings (an absent key is an empty list).
    pub fn strings<'d>(&mut self, t: &mut Table<'d>, key: &'d str) -> Vec<String> {
        self.list(t, key, |r, t, v| match v.as_str() {
            Some(s) => Some(s.to_string()),
            None => r.wrong_element(t, key, v, ValueKind::String),
        })
    }

    /// An array (an absent key is empty), each element read by `element`, which reports
    /// what is wrong with it and returns `None` to leave it out.
    fn list<'d, T>(
        &mut self,
        t: &mut Table<'d>,
        key: &'d str,
        mut element: impl FnMut(&mut Self, &Table<'_>, &Value) -> Option<T>,
    ) -> Vec<T> {
        let Some(item) = self.get(t, key) else { return Vec::new() };
        let Some(array) = item.as_array() else {
            self.wrong_type(t, key, item, ValueKind::Array);
            return Vec::new();
        };
        array.iter().filter_map(|v| element(self, t, v)).collect()
    }

    /// Reports an array element of the wrong type; returns `None` for the caller to pass on.
    fn wrong_element<T>(&mut self, t: &Table<'_>, key: &str, v: &Value, expected: ValueKind) -> Option<T> {
        let found = kind(&Item::Value(v.clone()));
        self.error_at(v.span(), Problem::WrongType { key: t.full(key), expected, found });
        None
    }

    /// An optional sub-table (a `[table]` or an inline `{ … }`).
    pub fn table<'d>(&mut self, t: &mut Table<'d>, key: &'d str) -> Option<Table<'d>> {
        let item = self.get(t, key)?;
        match item.as_table_like() {
            Some(inner) => Some(Table { inner, path: t.full(key), span: item.span(), known: Vec::new() }),
            None => {
                self.wrong_type(t, key, item, ValueKind::Table);
                None
            }
        }
    }

    /// A required sub-table.
    pub fn req_table<'d>(&mut self, t: &mut Table<'d>, key: &'d str) -> Option<Table<'d>> {
        if !t.has(key) {
            self.skip(t, key);
            self.missing(t, key);
            return None;
        }
        self.table(t, key)
    }

    /// An array of tables (`[[key]]`, or an array of inline tables).
    pub fn tables<'d>(&mut self, t: &mut Table<'d>, key: &'d str) -> Vec<Table<'d>> {
        let Some(item) = self.get(t, key) else { return Vec::new() };
        let path = t.full(key);
        if let Some(aot) = item.as_array_of_tables() {
            return aot
                .iter()
                .map(|inner| Table { inner, path: path.clone(), span: inner.span(), known: Vec::new() })
                .collect();
        }
        if let Some(array) = item.as_array() {
            let mut out = Vec::new();
            for v in array.iter() {
                match v.as_inline_table() {
                    Some(inner) => {
                        out.push(Table { inner, path: path.clone(), span: v.span(), known: Vec::new() })
                    }
                    None => {
                        let item = Item::Value(v.clone());
                        let problem = Problem::WrongType {
                            key: path.clone(),
                            expected: ValueKind::Table,
                            found: kind(&item),
                        };
                        self.error_at(v.span(), problem);
                    }
                }
            }
            return out;
        }
        self.wrong_type(t, key, item, ValueKind::Array);
        Vec::new()
    }

    /// The span of a key's value in a table, for problems found after decoding.
    pub fn value_span(&self, t: &Table<'_>, key: &str) -> Option<Range<usize>> {
        t.inner.get(key).and_then(Item::span).or_else(|| t.span.clone())
    }

    /// The span of the table's header (or its start).
    pub fn table_span(&self, t: &Table<'_>) -> Option<Range<usize>> {
        t.span.clone()
    }

    /// Reports every key of the table that no getter asked for.
    pub fn finish(&mut self, t: Table<'_>) {
        if self.tolerate_unknown {
            return;
        }
        for (key, item) in t.inner.iter() {
            if t.known.contains(&key) {
                continue;
            }
            let span = t.inner.key(key).and_then(|k| k.span()).or_else(|| item.span());
            let suggestion = suggest::closest(key, t.known.iter().copied());
            self.error_at(span, Problem::UnknownKey { key: t.full(key), suggestion });
        }
    }
}

/// The span of a field path (`consent.units[1]`, `outcome.proposed[0].measure`) in a
/// document, or of the nearest part of it that exists.
pub fn locate(doc: &Parsed, path: &str) -> Option<Range<usize>> {
    let mut table: &dyn TableLike = doc.as_table();
    let mut best: Option<Range<usize>> = None;
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((n, rest)) => (n, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        let Some((key, item)) = table.get_key_value(name) else { break };
        best = item.span().or_else(|| key.span()).or(best);
        let next: Option<&dyn TableLike> = match index {
            None => item.as_table_like(),
            Some(i) => {
                if let Some(t) = item.as_array_of_tables().and_then(|a| a.get(i)) {
                    best = t.span().or(best);
                    Some(t)
                } else if let Some(v) = item.as_array().and_then(|a| a.get(i)) {
                    best = v.span().or(best);
                    v.as_inline_table().map(|t| t as &dyn TableLike)
                } else {
                    None
                }
            }
        };
        match next {
            Some(t) => table = t,
            None => break,
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Reader<'_>, Parsed) {
        (Reader::new("f.toml", text), parse("f.toml", text).unwrap())
    }

    #[test]
    fn reports_every_problem_with_its_position() {
        let text = "name = 3\nborn = \"2019-01-02\"\nextra_key = 1\n[t]\nn = 400\n";
        let (mut r, doc) = read(text);
        let mut root = Table::root(&doc);
        assert_eq!(r.string(&mut root, "name"), None);
        assert_eq!(r.date(&mut root, "born"), None);
        assert_eq!(r.req_string(&mut root, "missing"), None);
        let mut t = r.table(&mut root, "t").unwrap();
        assert_eq!(r.int(&mut t, "n", 0, 100), None);
        r.finish(t);
        r.finish(root);
        let shown: Vec<String> =
            r.diags.iter().map(|d| d.render(crate::lang::Lang::En).to_string()).collect();
        let joined = shown.join("\n");
        assert!(joined.contains("f.toml:1:8: error: `name` must be a string, but is an integer"), "{joined}");
        assert!(joined.contains("f.toml:2:8: error: `born` is a date in quotes"), "{joined}");
        assert!(joined.contains("f.toml:1:1: error: missing `missing`"), "{joined}");
        assert!(joined.contains("f.toml:5:5: error: `t.n` = 400 is outside 0–100"), "{joined}");
        assert!(joined.contains("f.toml:3:1: error: unknown key `extra_key`"), "{joined}");
    }

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let (mut r, doc) = read("way_inn = \"bti\"\n");
        let mut root = Table::root(&doc);
        let _ = r.string(&mut root, "way_in");
        r.finish(root);
        assert_eq!(
            r.diags[0].problem,
            Problem::UnknownKey { key: "way_inn".into(), suggestion: Some("way_in".into()) }
        );
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let d = parse("f.toml", "a = 1\nb = \n").unwrap_err();
        assert_eq!(d.pos.map(|p| p.line), Some(2));
    }

    #[test]
    fn locates_nested_paths() {
        let text = "a = 1\n[c]\nunits = [\"x\", \"y\"]\n[[o.p]]\nm = \"a\"\n[[o.p]]\nm = \"b\"\n";
        let doc = parse("f", text).unwrap();
        let at = |p: &str| locate(&doc, p).map(|s| Position::of_offset(text, s.start));
        assert_eq!(at("c.units[1]"), Some(Position { line: 3, col: 15 }));
        assert_eq!(at("o.p[1].m"), Some(Position { line: 7, col: 5 }));
        assert_eq!(at("a"), Some(Position { line: 1, col: 5 }));
        // A missing leaf falls back to the nearest part that exists.
        assert_eq!(at("c.nope").map(|p| p.line), Some(2));
    }
}
