//! A fast reader for the summary part of a plainly written case file.
//!
//! `rt list`, `rt schedule` and `rt agenda` read thousands of files for a few top-level
//! values each; a full TOML parse costs most of their time. The files `rt` writes are plain:
//! one `key = value` per line, strings without escapes, dates, small integers and one-line
//! arrays, under `[referrer]` and `[user]`. This reader takes exactly that and nothing more.
//! Anything else — an escape, a multi-line string, a dotted or quoted key, an unknown key, a
//! wrong type, a missing value, a newer schema — makes it give up (`None`), and the full
//! reader, which reports problems with their positions, decides. So it never accepts what the
//! full reader rejects, and never reads a value differently (a property test holds it to
//! that).

use chrono::NaiveDate;

use super::{AGE_BANDS, STATUSES, WAYS};
use crate::model::case::CASE_SCHEMA;
use crate::model::{Case, CaseId, Referrer, Situation, User};

/// A value as written on one line.
#[derive(Clone, Debug, PartialEq)]
enum Value<'t> {
    Str(&'t str),
    Int(i64),
    Date(NaiveDate),
    Bool(bool),
    Strs(Vec<&'t str>),
}

/// Which table a line belongs to.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Root,
    Referrer,
    User,
}

/// The case in a summary part (see [`super::summary_part`]), when it is written plainly and
/// is valid; `None` sends it to the full reader.
pub fn summary(text: &str) -> Option<Case> {
    // Control characters (but tab and newline) and carriage returns are rare and have rules of
    // their own in TOML; a byte-order mark too.
    if text.bytes().any(|b| (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7f)
        || text.starts_with('\u{feff}')
    {
        return None;
    }
    let mut root: Vec<(&str, Value)> = Vec::with_capacity(12);
    let mut referrer: Option<Vec<(&str, Value)>> = None;
    let mut user: Option<Vec<(&str, Value)>> = None;
    let mut part = Part::Root;
    for line in text.split('\n') {
        let line = line.trim_start_matches([' ', '\t']);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let (name, after) = rest.split_once(']')?;
            if !is_rest_of_line(after) {
                return None;
            }
            let slot = match name {
                "referrer" => (&mut referrer, Part::Referrer),
                "user" => (&mut user, Part::User),
                _ => return None,
            };
            if slot.0.is_some() {
                return None; // a table defined twice
            }
            *slot.0 = Some(Vec::with_capacity(4));
            part = slot.1;
            continue;
        }
        let (key, rest) = line.split_once('=')?;
        let key = key.trim_end_matches([' ', '\t']);
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
            return None;
        }
        let (value, after) = value(rest.trim_start_matches([' ', '\t']))?;
        if !is_rest_of_line(after) {
            return None;
        }
        let table = match part {
            Part::Root => &mut root,
            Part::Referrer => referrer.as_mut()?,
            Part::User => user.as_mut()?,
        };
        if table.iter().any(|(k, _)| *k == key) {
            return None; // a key defined twice
        }
        table.push((key, value));
    }
    build(&root, referrer.as_deref(), user.as_deref())
}

/// Whether what follows a value or a table header is only blanks and maybe a comment.
fn is_rest_of_line(after: &str) -> bool {
    let after = after.trim_start_matches([' ', '\t']);
    after.is_empty() || after.starts_with('#')
}

/// One value at the start of `text`, and what follows it.
fn value(text: &str) -> Option<(Value<'_>, &str)> {
    let first = *text.as_bytes().first()?;
    match first {
        b'"' | b'\'' => {
            let (s, rest) = string(text)?;
            Some((Value::Str(s), rest))
        }
        b'[' => {
            let mut items = Vec::new();
            let mut rest = text[1..].trim_start_matches([' ', '\t']);
            loop {
                if let Some(after) = rest.strip_prefix(']') {
                    return Some((Value::Strs(items), after));
                }
                let (s, after) = string(rest)?;
                items.push(s);
                rest = after.trim_start_matches([' ', '\t']);
                if let Some(after) = rest.strip_prefix(',') {
                    rest = after.trim_start_matches([' ', '\t']);
                } else if !rest.starts_with(']') {
                    return None;
                }
            }
        }
        _ => {
            let end = text.find([' ', '\t', '#']).unwrap_or(text.len());
            let (token, rest) = text.split_at(end);
            let value = match token {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => scalar(token)?,
            };
            Some((value, rest))
        }
    }
}

/// A basic string without escapes or a literal string, on one line.
fn string(text: &str) -> Option<(&str, &str)> {
    let quote = text.chars().next()?;
    if !matches!(quote, '"' | '\'') {
        return None;
    }
    let body = &text[1..];
    let end = body.find(quote)?;
    let s = &body[..end];
    if s.is_empty() && body[1..].starts_with(quote) {
        return None; // a multi-line string
    }
    if quote == '"' && s.contains('\\') {
        return None; // escapes: left to the full reader
    }
    Some((s, &body[end + 1..]))
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

/// Takes a table's values out by key; `None` if a value has the wrong type or a key is left.
struct Take<'a, 't> {
    values: &'a [(&'t str, Value<'t>)],
    used: usize,
}

impl<'a, 't> Take<'a, 't> {
    fn new(values: &'a [(&'t str, Value<'t>)]) -> Self {
        Take { values, used: 0 }
    }

    fn get(&mut self, key: &str) -> Option<&'a Value<'t>> {
        let v = self.values.iter().find(|(k, _)| *k == key).map(|(_, v)| v);
        self.used += usize::from(v.is_some());
        v
    }

    /// `Some(None)` when absent, `None` when of the wrong type.
    fn str(&mut self, key: &str) -> Option<Option<&'t str>> {
        match self.get(key) {
            None => Some(None),
            Some(Value::Str(s)) => Some(Some(s)),
            Some(_) => None,
        }
    }

    fn date(&mut self, key: &str) -> Option<Option<NaiveDate>> {
        match self.get(key) {
            None => Some(None),
            Some(Value::Date(d)) => Some(Some(*d)),
            Some(_) => None,
        }
    }

    fn int(&mut self, key: &str, min: i64, max: i64) -> Option<Option<i64>> {
        match self.get(key) {
            None => Some(None),
            Some(Value::Int(n)) if (min..=max).contains(n) => Some(Some(*n)),
            Some(_) => None,
        }
    }

    fn bool(&mut self, key: &str) -> Option<Option<bool>> {
        match self.get(key) {
            None => Some(None),
            Some(Value::Bool(b)) => Some(Some(*b)),
            Some(_) => None,
        }
    }

    fn choice<T: Copy>(&mut self, key: &str, choices: &[(&str, T)]) -> Option<Option<T>> {
        match self.str(key)? {
            None => Some(None),
            Some(s) => choices.iter().find(|(code, _)| *code == s).map(|(_, v)| Some(*v)),
        }
    }

    /// Whether every value was taken (an unknown key is the full reader's to report).
    fn done(&self) -> bool {
        self.used == self.values.len()
    }
}

fn build(
    root: &[(&str, Value)],
    referrer: Option<&[(&str, Value)]>,
    user: Option<&[(&str, Value)]>,
) -> Option<Case> {
    let mut r = Take::new(root);
    let schema = r.int("schema", 1, 9999)??;
    if schema > i64::from(CASE_SCHEMA) {
        return None; // a newer schema: the full reader warns about it
    }
    let id = CaseId::parse(r.str("id")??).ok()?;
    let way_in = r.choice("way_in", &WAYS)??;
    let status = r.choice("status", &STATUSES)??;
    let referred = r.date("referred")??;
    let meeting = r.date("meeting")?;
    let bti_level = r.int("bti_level", 0, 3)?.map(|n| n as u8);
    let leader_consulted = r.date("leader_consulted")?;
    let invite = match r.get("invite") {
        None => Vec::new(),
        Some(Value::Strs(items)) => items.iter().map(|s| s.to_string()).collect(),
        Some(_) => return None,
    };
    let closed = r.date("closed")?;
    let closed_reason = r.str("closed_reason")?.unwrap_or_default().to_string();
    let anonymised = r.date("anonymised")?;
    let age_band = r.choice("age_band", &AGE_BANDS)?.map(str::to_string);
    if !r.done() {
        return None;
    }

    let mut t = Take::new(referrer?);
    let referrer = Referrer { name: t.str("name")??.to_string(), unit: t.str("unit")??.to_string() };
    if !t.done() {
        return None;
    }

    let user = match user {
        None => User::Nobody,
        Some(values) => {
            let mut t = Take::new(values);
            let anonymous = t.bool("anonymous")?.unwrap_or(false);
            let removed = t.bool("removed")?.unwrap_or(false);
            let user = if removed {
                User::Removed
            } else if anonymous {
                User::Anonymous { age: t.int("age", 0, 130)?.map(|n| n as u8) }
            } else {
                User::Known { initials: t.str("initials")??.to_string(), born: t.date("born")?? }
            };
            if !t.done() {
                return None; // also identity left on an anonymous or removed user
            }
            user
        }
    };

    Some(Case {
        schema: schema as u32,
        id,
        way_in,
        status,
        referred,
        meeting,
        bti_level,
        leader_consulted,
        invite,
        closed,
        closed_reason,
        anonymised,
        age_band,
        referrer,
        user,
        consent: None,
        situation: Situation::default(),
        outcome: None,
        decision: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: &str = "# a comment\nschema = 1\nid = \"2027-01-05-k7q2\"\nway_in = \"bti\"  # bti | user-case\n\
        status = \"referred\"\nreferred = 2027-01-05\nbti_level = 1\ninvite = [\"Nina Berg\", 'Ola Nordmann',]\n\n\
        [referrer]\nname = \"Kari Lie\"\nunit = \"helsestasjon\"\n\n[user]\ninitials = \"A.B.\"\nborn = 2019-03-02\n";

    #[test]
    fn a_plain_summary_is_read() {
        let case = summary(PLAIN).expect("plain");
        assert_eq!(case.id.to_string(), "2027-01-05-k7q2");
        assert_eq!(case.invite, ["Nina Berg", "Ola Nordmann"]);
        assert_eq!(case.bti_level, Some(1));
        assert_eq!(case.referrer.unit, "helsestasjon");
        assert!(matches!(case.user, User::Known { ref initials, .. } if initials == "A.B."));
    }

    #[test]
    fn anything_unusual_goes_to_the_full_reader() {
        for (from, to) in [
            ("\"Kari Lie\"", "\"Kari \\\"Lie\\\"\""),                 // an escape
            ("\"Kari Lie\"", "\"\"\"Kari Lie\"\"\""),                 // a multi-line string
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
            ("unit = \"helsestasjon\"\n", "unit = \"helsestasjon\"\nphone = \"1\"\n"), // unknown
            ("born = 2019-03-02\n", "born = 2019-03-02\nanonymous = true\n"), // identity on anonymous
            ("born = 2019-03-02\n", ""),                              // missing birth date
            ("[user]", "[user]\n[user]"),                             // a table twice
            ("# a comment", "# a \u{1} comment"),                     // a control character
            ("\n", "\r\n"),                                           // CRLF: left to the full reader
        ] {
            let text = PLAIN.replacen(from, to, 1);
            assert_ne!(text, PLAIN, "{from:?} is in the text");
            assert_eq!(summary(&text), None, "{to:?} must go to the full reader");
        }
    }

    #[test]
    fn a_guidance_case_and_an_anonymous_user() {
        let guidance = PLAIN.split("[user]").next().unwrap();
        assert_eq!(summary(guidance).unwrap().user, User::Nobody);
        let anonymous =
            PLAIN.replace("initials = \"A.B.\"\nborn = 2019-03-02\n", "anonymous = true\nage = 7\n");
        assert_eq!(summary(&anonymous).unwrap().user, User::Anonymous { age: Some(7) });
        let removed = PLAIN.replace("initials = \"A.B.\"\nborn = 2019-03-02\n", "removed = true\n");
        assert_eq!(summary(&removed).unwrap().user, User::Removed);
    }

    #[test]
    fn every_demo_case_takes_the_fast_path_and_reads_the_same() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("cases/2026");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let part = super::super::summary_part(&text);
            let fast = summary(part).expect("a file rt wrote is plain");
            assert_eq!(Some(fast), super::super::read("x.toml", part).case);
            n += 1;
        }
        assert!(n >= 8, "{n} demo cases");
    }
}
