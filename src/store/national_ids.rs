//! `rt check`'s search of every file `rt` reads (case files, `rt.toml`, the tiltaksbank, the
//! meetings) for national id numbers, wherever in the file a person could have typed one: every text value (`[extra]` and unknown keys included),
//! every key, every number, date or array as written, and — when none of those holds one —
//! the raw file, comments included. A finding names the field, or for a key only the table
//! it is in, and never repeats the number.

use std::ops::Range;

use toml_edit::{Item, TableLike, Value};

use crate::diagnostic::{Diagnostic, Position};
use crate::problem::Problem;
use crate::rules::national_id;
use crate::store::toml_read::Parsed;

/// The national id numbers found anywhere in one file of the team folder (its texts, keys,
/// numbers and comments), never repeating them; parsed only when it may hold one.
pub fn in_file(rel: &str, text: &str) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if text.contains('\\') || national_id::contains_national_id(text) {
        scan(rel, text, crate::store::toml_read::parse(rel, text).ok().as_ref(), &mut diags);
    }
    diags
}

/// Adds a diagnostic for every national id number found in a file (`doc`: the file parsed,
/// when it parses).
pub fn scan(rel: &str, text: &str, doc: Option<&Parsed>, diags: &mut Vec<Diagnostic>) {
    // Most files hold no candidate at all: then nothing in them can, unless an escape
    // (`\u0031`, a line continuation) hides digits from the raw text.
    if !text.contains('\\') && !national_id::contains_national_id(text) {
        return;
    }
    let mut walk = Walk { text, steps: Vec::new(), found: Vec::new() };
    if let Some(doc) = doc {
        walk.table(doc.as_table());
    }
    if walk.found.is_empty()
        && let Some(range) = national_id::find(text)
    {
        walk.found.push((Problem::NationalIdInFile, Some(range)));
    }
    for (problem, span) in walk.found {
        let pos = span.map(|s| Position::of_offset(text, s.start));
        diags.push(Diagnostic::error(rel, pos, problem));
    }
}

/// A step of the path to a value, joined into a field path only when needed.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `a.b[0].c` for the steps.
fn path(steps: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

struct Walk<'a> {
    text: &'a str,
    steps: Vec<Step<'a>>,
    found: Vec<(Problem, Option<Range<usize>>)>,
}

impl<'a> Walk<'a> {
    fn table(&mut self, table_like: &'a dyn TableLike) {
        for (key, item) in table_like.iter() {
            self.steps.push(Step::Key(key));
            // The path as written (`extra.DDDDDD.DDDDD`, D a digit, is one number in dotted keys). A key
            // that holds a number is reported once, by its table; what is under it goes with it.
            if let Some(table) = self.table_before_number() {
                let at = table_like.get_key_value(key).and_then(|(k, _)| k.span()).or_else(|| item.span());
                self.found.push((Problem::NationalIdInKey { table }, at));
            } else {
                self.item(item);
            }
            self.steps.pop();
        }
    }

    /// When the path to here holds a number: the path of the steps wholly before it (for
    /// `extra.DDDDDD.DDDDD`, `extra`), which shows nothing of the number.
    fn table_before_number(&self) -> Option<String> {
        let full = path(&self.steps);
        let start = national_id::find(&full)?.start;
        let before = (1..=self.steps.len()).take_while(|&n| path(&self.steps[..n]).len() <= start).last();
        Some(path(&self.steps[..before.unwrap_or(0)]))
    }

    fn item(&mut self, item: &'a Item) {
        match item {
            Item::Value(v) => self.value(v),
            Item::Table(t) => self.table(t),
            Item::ArrayOfTables(a) => {
                for (n, t) in a.iter().enumerate() {
                    self.steps.push(Step::Index(n));
                    self.table(t);
                    self.steps.pop();
                }
            }
            Item::None => {}
        }
    }

    fn value(&mut self, v: &'a Value) {
        let hit = match v {
            Value::String(s) => national_id::contains_national_id(s.value()),
            Value::InlineTable(t) => {
                self.table(t);
                false
            }
            Value::Array(a) => {
                let before = self.found.len();
                for (i, item) in a.iter().enumerate() {
                    self.steps.push(Step::Index(i));
                    self.value(item);
                    self.steps.pop();
                }
                // `[DDDD, DDDDDDD]`: no element holds it, the array as written does.
                self.found.len() == before && self.written(v)
            }
            // A number or date as written: `DDDDDDDDDDD`, `DDD_DDD_DDD_DD`, `DDDD.DDDDDDD`.
            _ => self.written(v),
        };
        if hit {
            self.found.push((
                Problem::NationalId { field: crate::model::Field::from_path(&path(&self.steps)) },
                v.span(),
            ));
        }
    }

    /// Whether a value's text in the file holds a number.
    fn written(&self, v: &Value) -> bool {
        v.span().and_then(|s| self.text.get(s)).is_some_and(national_id::contains_national_id)
    }
}
