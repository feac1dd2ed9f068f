//! A fast tokenizer for plainly written case files, feeding the one decoder
//! ([`super::decode`]).
//!
//! Commands read thousands of case files, and a full TOML parse costs most of their time. The
//! files `rt` writes are plain: one `key = value` per line, strings without escapes (texts as
//! multi-line strings), dates, small integers, booleans and one-line arrays of strings, under
//! the tables a case has. This tokenizer takes exactly that and nothing more. Anything else — an
//! escape, a dotted or quoted key, an inline table, `[extra]`, an unknown key, a wrong type, a
//! missing value, a newer schema — makes it give up, and the full reader, which reports
//! problems with their positions, decides. The decoding itself is shared, so the two cannot
//! read a value differently; a property test holds them to the same case and positions.

use chrono::NaiveDate;

use super::decode::{GiveUp, Got, Source, decode};
use crate::diagnostic::Severity;
use crate::model::Case;
use crate::problem::Problem;

/// A value as written.
#[derive(Clone, Debug)]
enum Value<'t> {
    Str(&'t str),
    Int(i64),
    Date(NaiveDate),
    Bool(bool),
    Strs(Vec<&'t str>),
}

/// One `key = value`, with where its value starts.
struct Entry<'t> {
    key: &'t str,
    at: usize,
    value: Value<'t>,
}

/// A table: its header's name (empty for the top) and where the header starts.
struct Table<'t> {
    name: &'static str,
    at: usize,
    entries: Vec<Entry<'t>>,
}

/// The tables a case file may have, as headers.
const TABLES: [&str; 15] = [
    "referrer",
    "user",
    "consent",
    "situation",
    "outcome",
    "outcome.proposed",
    "decision",
    "decision.changes",
    "followup",
    "followup.goals",
    "followup.measures",
    "followup.participants",
    "followup.handovers",
    "followup.log",
    "followup.evaluations",
];

/// The lists of tables (`[[…]]`), each with the table it belongs under.
const ARRAYS: [(&str, &str); 8] = [
    ("outcome.proposed", "outcome"),
    ("decision.changes", "decision"),
    ("followup.goals", "followup"),
    ("followup.measures", "followup"),
    ("followup.participants", "followup"),
    ("followup.handovers", "followup"),
    ("followup.log", "followup"),
    ("followup.evaluations", "followup"),
];

/// Whether a table name is one of the lists.
fn is_array(name: &str) -> bool {
    ARRAYS.iter().any(|(a, _)| *a == name)
}

/// Where each value and table header of a file read by this reader starts, by name, to place
/// later findings without parsing the file again.
#[derive(Clone, Debug, Default)]
pub struct Spans {
    /// (table, key, offset); the key is empty for a table's header.
    entries: Vec<(&'static str, &'static str, usize)>,
}

impl Spans {
    /// Where a field path (`id`, `consent.expires`) starts, as the full reader's
    /// [`super::toml_read::locate`] would say: the value, or else the nearest table that
    /// exists. `None` when only the full parse can tell (an index, `outcome.proposed`).
    pub fn locate(&self, path: &str) -> Option<Option<usize>> {
        if path.contains('[') || ARRAYS.iter().any(|(a, _)| path.starts_with(a)) {
            return None;
        }
        let find = |table: &str, key: &str| {
            self.entries.iter().find(|(t, k, _)| *t == table && *k == key).map(|(_, _, at)| *at)
        };
        let mut parts = path.split('.');
        let first = parts.next().unwrap_or_default();
        if let Some(at) = find("", first) {
            return Some(Some(at));
        }
        let Some(header) = find(first, "") else { return Some(None) };
        Some(Some(parts.next().and_then(|key| find(first, key)).unwrap_or(header)))
    }
}

/// The case in a text, with where its parts are, when the text is written plainly and holds
/// a valid case; `None` sends it to the full reader.
pub fn read(text: &str) -> Option<(Case, Spans)> {
    // Control characters (but tab and newline) and carriage returns have rules of their own in
    // TOML; a byte-order mark too.
    if text.bytes().any(|b| (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7f)
        || text.starts_with('\u{feff}')
    {
        return None;
    }
    let tables = tables(text)?;
    let mut quick = Quick { tables: &tables, spans: Spans::default() };
    match decode(&mut quick) {
        Ok((Some(case), false)) => Some((case, quick.spans)),
        _ => None,
    }
}

/// The tables of a text, in order; `None` at the first thing this reader does not take.
fn tables(text: &str) -> Option<Vec<Table<'_>>> {
    let mut tables = vec![Table { name: "", at: 0, entries: Vec::with_capacity(12) }];
    let mut pos = 0;
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..line_end];
        let body = line.trim_start_matches([' ', '\t']);
        let start = pos + (line.len() - body.len());
        pos = line_end + 1;
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        if body.starts_with('[') {
            let (name, after) = match body.strip_prefix("[[") {
                Some(rest) => rest.split_once("]]").filter(|(n, _)| is_array(n))?,
                None => body.strip_prefix('[')?.split_once(']').filter(|(n, _)| !is_array(n))?,
            };
            let name = *TABLES.iter().find(|t| **t == name)?;
            let parent = ARRAYS.iter().find(|(a, _)| *a == name).map(|(_, p)| *p);
            let defined = tables.iter().any(|t| t.name == name);
            if !is_rest_of_line(after)
                || (defined && parent.is_none())
                || parent.is_some_and(|p| !tables.iter().any(|t| t.name == p))
            {
                return None;
            }
            tables.push(Table { name, at: start, entries: Vec::with_capacity(6) });
            continue;
        }
        let (key, rest) = body.split_once('=')?;
        let key = key.trim_end_matches([' ', '\t']);
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
            return None;
        }
        let value_text = rest.trim_start_matches([' ', '\t']);
        let at = start + (body.len() - value_text.len());
        let (value, used) = value(&text[at..])?;
        // What follows the value on its (last) line.
        let after_end = text[at + used..].find('\n').map_or(text.len(), |i| at + used + i);
        if !is_rest_of_line(&text[at + used..after_end]) {
            return None;
        }
        pos = after_end + 1;
        tables.last_mut()?.entries.push(Entry { key, at, value });
    }
    Some(tables)
}

/// Whether what follows a value or a table header is only blanks and maybe a comment.
fn is_rest_of_line(after: &str) -> bool {
    let after = after.trim_start_matches([' ', '\t']);
    after.is_empty() || after.starts_with('#')
}

/// The value at the start of `text`, and how many bytes it takes.
fn value(text: &str) -> Option<(Value<'_>, usize)> {
    match *text.as_bytes().first()? {
        b'"' | b'\'' => {
            let (s, used) = string(text)?;
            Some((Value::Str(s), used))
        }
        b'[' => {
            let mut items = Vec::new();
            let mut pos = 1;
            let skip_blanks =
                |pos: usize| pos + (text[pos..].len() - text[pos..].trim_start_matches([' ', '\t']).len());
            loop {
                pos = skip_blanks(pos);
                if text[pos..].starts_with(']') {
                    return Some((Value::Strs(items), pos + 1));
                }
                let (s, used) =
                    string(&text[pos..]).filter(|(_, used)| !text[pos..pos + used].contains('\n'))?;
                items.push(s);
                pos = skip_blanks(pos + used);
                if text[pos..].starts_with(',') {
                    pos += 1;
                } else if !text[pos..].starts_with(']') {
                    return None;
                }
            }
        }
        _ => {
            let end = text.find([' ', '\t', '#', '\n']).unwrap_or(text.len());
            let token = &text[..end];
            let value = match token {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => scalar(token)?,
            };
            Some((value, end))
        }
    }
}

/// A string without escapes: basic or literal, on one line or multi-line. Returns its
/// content and how many bytes it takes, quotes included.
fn string(text: &str) -> Option<(&str, usize)> {
    let quote = text.chars().next().filter(|q| matches!(q, '"' | '\''))?;
    let triple = if quote == '"' { "\"\"\"" } else { "'''" };
    let (content, used) = if let Some(rest) = text.strip_prefix(triple) {
        // A newline right after the opening quotes is not part of the string.
        let skip = usize::from(rest.starts_with('\n'));
        let body = &rest[skip..];
        let end = body.find(triple)?;
        if body[end + 3..].starts_with(quote) {
            return None; // quotes right before the closing ones
        }
        (&body[..end], 3 + skip + end + 3)
    } else {
        let end = text[1..].find(quote)?;
        let content = &text[1..1 + end];
        if content.contains('\n') {
            return None;
        }
        (content, end + 2)
    };
    if quote == '"' && content.contains('\\') {
        return None; // escapes: left to the full reader
    }
    Some((content, used))
}

/// A date (`2027-01-05`) or a plain decimal integer without sign, underscores or leading zero.
fn scalar(token: &str) -> Option<Value<'static>> {
    let b = token.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
        };
        let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        return NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d).map(Value::Date);
    }
    if b.is_empty() || b.len() > 18 || !b.iter().all(u8::is_ascii_digit) || (b[0] == b'0' && b.len() > 1) {
        return None;
    }
    token.parse().ok().map(Value::Int)
}

/// A table of the tokenized text being decoded: which one, and how many of its values were
/// taken (so [`Source::finish`] can tell an unknown key).
pub struct QTable {
    index: usize,
    used: usize,
}

/// The tokenized text as a [`Source`] for the one decoder: values by key, noting where each
/// is; anything irregular gives up.
struct Quick<'a, 't> {
    tables: &'a [Table<'t>],
    spans: Spans,
}

impl<'t> Quick<'_, 't> {
    /// The table named `name` (`outcome.proposed` for an entry of that list).
    fn named(&self, name: &str) -> impl Iterator<Item = usize> + '_ {
        let name = name.to_string();
        (0..self.tables.len()).filter(move |&i| self.tables[i].name == name)
    }

    fn open(&mut self, index: usize) -> QTable {
        let table = &self.tables[index];
        // Spans are noted for the tables and values a finding may point at; the entries of
        // the lists only the full parse places.
        if !is_array(table.name) && !table.name.is_empty() {
            self.spans.entries.push((table.name, "", table.at));
        }
        QTable { index, used: 0 }
    }

    fn get(&mut self, t: &mut QTable, key: &'static str) -> Option<&Value<'t>> {
        let table = &self.tables[t.index];
        let entry = table.entries.iter().find(|e| e.key == key)?;
        t.used += 1;
        if !is_array(table.name) {
            self.spans.entries.push((table.name, key, entry.at));
        }
        Some(&entry.value)
    }

    fn sub(parent: &QTable, tables: &[Table<'_>], key: &str) -> String {
        let name = tables[parent.index].name;
        if name.is_empty() { key.to_string() } else { format!("{name}.{key}") }
    }
}

impl Source for Quick<'_, '_> {
    type Table = QTable;

    fn root(&mut self) -> QTable {
        self.open(0)
    }
    fn has(&self, t: &QTable, key: &'static str) -> bool {
        self.tables[t.index].entries.iter().any(|e| e.key == key)
    }
    fn skip(&mut self, t: &mut QTable, key: &'static str) -> Got<()> {
        // Only `[extra]` is skipped, and this reader takes no `[extra]`: nothing to count.
        let _ = (t, key);
        Ok(())
    }
    fn table(&mut self, t: &mut QTable, key: &'static str) -> Got<Option<QTable>> {
        let name = Self::sub(t, self.tables, key);
        let found = self.named(&name).next();
        Ok(found.map(|i| self.open(i)))
    }
    fn req_table(&mut self, t: &mut QTable, key: &'static str) -> Got<Option<QTable>> {
        self.table(t, key)?.map(Some).ok_or(GiveUp)
    }
    fn tables(&mut self, t: &mut QTable, key: &'static str) -> Got<Vec<QTable>> {
        let name = Self::sub(t, self.tables, key);
        let found: Vec<usize> = self.named(&name).collect();
        Ok(found.into_iter().map(|i| self.open(i)).collect())
    }
    fn string(&mut self, t: &mut QTable, key: &'static str) -> Got<Option<String>> {
        match self.get(t, key) {
            None => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.to_string())),
            Some(_) => Err(GiveUp),
        }
    }
    fn req_string(&mut self, t: &mut QTable, key: &'static str) -> Got<Option<String>> {
        self.string(t, key)?.map(Some).ok_or(GiveUp)
    }
    fn strings(&mut self, t: &mut QTable, key: &'static str) -> Got<Vec<String>> {
        match self.get(t, key) {
            None => Ok(Vec::new()),
            Some(Value::Strs(items)) => Ok(items.iter().map(|s| s.to_string()).collect()),
            Some(_) => Err(GiveUp),
        }
    }
    fn date(&mut self, t: &mut QTable, key: &'static str) -> Got<Option<NaiveDate>> {
        match self.get(t, key) {
            None => Ok(None),
            Some(Value::Date(d)) => Ok(Some(*d)),
            Some(_) => Err(GiveUp),
        }
    }
    fn req_date(&mut self, t: &mut QTable, key: &'static str) -> Got<Option<NaiveDate>> {
        self.date(t, key)?.map(Some).ok_or(GiveUp)
    }
    fn int(&mut self, t: &mut QTable, key: &'static str, min: i64, max: i64) -> Got<Option<i64>> {
        match self.get(t, key) {
            None => Ok(None),
            Some(Value::Int(n)) if (min..=max).contains(n) => Ok(Some(*n)),
            Some(_) => Err(GiveUp),
        }
    }
    fn req_int(&mut self, t: &mut QTable, key: &'static str, min: i64, max: i64) -> Got<Option<i64>> {
        self.int(t, key, min, max)?.map(Some).ok_or(GiveUp)
    }
    fn bool(&mut self, t: &mut QTable, key: &'static str) -> Got<Option<bool>> {
        match self.get(t, key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(GiveUp),
        }
    }
    fn choice<T: Copy>(
        &mut self,
        t: &mut QTable,
        key: &'static str,
        choices: &[(&'static str, T)],
    ) -> Got<Option<T>> {
        match self.string(t, key)? {
            None => Ok(None),
            Some(s) => choices.iter().find(|(code, _)| *code == s).map(|(_, v)| Some(*v)).ok_or(GiveUp),
        }
    }
    fn req_choice<T: Copy>(
        &mut self,
        t: &mut QTable,
        key: &'static str,
        choices: &[(&'static str, T)],
    ) -> Got<Option<T>> {
        self.choice(t, key, choices)?.map(Some).ok_or(GiveUp)
    }
    fn report(&mut self, _: &QTable, _: &'static str, _: Severity, _: Problem) -> Got<()> {
        Err(GiveUp) // the full reader says what is wrong, and where
    }
    fn finish(&mut self, t: QTable) -> Got<()> {
        // A key nobody asked for is the full reader's to report.
        (t.used == self.tables[t.index].entries.len()).then_some(()).ok_or(GiveUp)
    }
    fn errors(&self) -> usize {
        0
    }
    fn tolerate_unknown(&mut self) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::User;

    const PLAIN: &str = "# a comment\nschema = 1\nid = \"2027-01-05-k7q2\"\nway_in = \"bti\"  # bti | user-case\n\
        status = \"referred\"\nreferred = 2027-01-05\nbti_level = 1\ninvite = [\"Nina Berg\", 'Ola Nordmann',]\n\n\
        [referrer]\nname = \"Kari Lie\"\nunit = \"helsestasjon\"\n\n[user]\ninitials = \"A.B.\"\nborn = 2019-03-02\n\n\
        [consent]\ngiven_by = \"guardian\"\ndate = 2027-01-05\nunits = []\n\n\
        [situation]\nconcern = \"\"\"\nTo linjer,\nmed \"sitat\".\"\"\"\ntried = '''Kurs'''\n\n\
        [outcome]\ndate = 2027-01-19\nlevel2 = false\n\n[[outcome.proposed]]\nmeasure = \"kurs\"\nunit = \"nav\"\n\n\
        [decision]\ndate = 2027-01-26\naccepted = [\"kurs\"]\n";

    fn read_plain(text: &str) -> Option<Case> {
        read(text).map(|(case, _)| case)
    }

    #[test]
    fn a_plain_file_is_read() {
        let case = read_plain(PLAIN).expect("plain");
        assert_eq!(case.id.to_string(), "2027-01-05-k7q2");
        assert_eq!(case.invite, ["Nina Berg", "Ola Nordmann"]);
        assert_eq!(case.bti_level, Some(1));
        assert_eq!(case.referrer.unit, "helsestasjon");
        assert!(matches!(case.user, User::Known { ref initials, .. } if initials == "A.B."));
        assert_eq!(case.situation.concern, "To linjer,\nmed \"sitat\".");
        assert_eq!(case.situation.tried, "Kurs");
        let outcome = case.outcome.expect("outcome");
        assert_eq!((outcome.proposed.len(), outcome.proposed[0].unit.as_str()), (1, "nav"));
        assert_eq!(case.decision.expect("decision").accepted, ["kurs"]);
    }

    #[test]
    fn spans_point_at_values_and_headers() {
        let (_, spans) = read(PLAIN).unwrap();
        let at = |path: &str| spans.locate(path).unwrap().map(|i| &PLAIN[i..i + 6]);
        assert_eq!(at("id"), Some("\"2027-"));
        assert_eq!(at("consent.units"), Some("[]\n\n[s"));
        assert_eq!(at("consent.expires"), Some("[conse"));
        assert_eq!(at("extra.x"), None);
        assert_eq!(spans.locate("outcome.proposed[0].unit"), None);
    }

    #[test]
    fn anything_unusual_goes_to_the_full_reader() {
        for (from, to) in [
            ("\"Kari Lie\"", "\"Kari \\\"Lie\\\"\""),                 // an escape
            ("'''Kurs'''", "'''Kurs''''"),                            // a quote before the closing ones
            ("\"Kari Lie\"", "\"Kari\nLie\""),                        // a line break in a one-line string
            ("bti_level = 1", "bti_level = 01"),                      // a leading zero
            ("bti_level = 1", "bti_level = 4"),                       // out of range
            ("bti_level = 1", "bti_level = +1"),                      // a sign
            ("referred = 2027-01-05", "referred = 2027-02-30"),       // no such day
            ("referred = 2027-01-05", "referred = 2027-01-05 10:00"), // a date-time
            ("referred = 2027-01-05", "referred = \"2027-01-05\""),   // a date as a string
            ("way_in = \"bti\"", "way_in = \"btx\""),                 // not a choice
            ("way_in = \"bti\"", "way.in = \"bti\""),                 // a dotted key
            ("schema = 1", "schema = 99"),                            // a newer schema
            ("schema = 1\n", "schema = 1\nschema = 1\n"),             // a key twice
            ("unit = \"helsestasjon\"\n", "unit = \"helsestasjon\"\nphone = \"1\"\n"), // unknown key
            ("born = 2019-03-02\n", "born = 2019-03-02\nanonymous = true\n"), // identity on anonymous
            ("born = 2019-03-02\n", ""),                              // missing birth date
            ("[user]", "[user]\n[user]"),                             // a table twice
            ("[decision]", "[extra]\nx = 1\n[decision]"),             // the team's own fields
            ("[outcome]\ndate = 2027-01-19\n", ""),                   // proposals without outcome
            ("units = []", "units = [\n]"),                           // a multi-line array
            ("[[outcome.proposed]]", "[outcome.proposed]"),           // a table, not a list
            ("# a comment", "# a \u{1} comment"),                     // a control character
            ("\n", "\r\n"),                                           // CRLF
        ] {
            let text = PLAIN.replacen(from, to, 1);
            assert_ne!(text, PLAIN, "{from:?} is in the text");
            assert_eq!(read_plain(&text), None, "{to:?} must go to the full reader");
        }
    }

    #[test]
    fn a_guidance_case_and_an_anonymous_user() {
        let guidance = PLAIN.replace("[user]\ninitials = \"A.B.\"\nborn = 2019-03-02\n", "");
        assert_eq!(read_plain(&guidance).unwrap().user, User::Nobody);
        let anonymous =
            PLAIN.replace("initials = \"A.B.\"\nborn = 2019-03-02\n", "anonymous = true\nage = 7\n");
        assert_eq!(read_plain(&anonymous).unwrap().user, User::Anonymous { age: Some(7) });
        let removed = PLAIN.replace("initials = \"A.B.\"\nborn = 2019-03-02\n", "removed = true\n");
        assert_eq!(read_plain(&removed).unwrap().user, User::Removed);
    }

    #[test]
    fn every_demo_case_takes_the_fast_path_and_reads_the_same() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("cases/2026");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let (fast, _) = read(&text).expect("a file rt wrote is plain");
            assert_eq!(Some(fast), super::super::read_full("x.toml", &text).case);
            n += 1;
        }
        assert!(n >= 8, "{n} demo cases");
    }
}
