//! A fast reader for plainly written case files.
//!
//! Commands read thousands of case files, and a full TOML parse costs most of their time. The
//! files `rt` writes are plain: one `key = value` per line, strings without escapes (texts as
//! multi-line strings), dates, small integers, booleans and one-line arrays of strings, under
//! the tables a case has. This reader takes exactly that and nothing more. Anything else — an
//! escape, a dotted or quoted key, an inline table, `[extra]`, an unknown key, a wrong type, a
//! missing value, a newer schema — makes it give up (`None`), and the full reader, which
//! reports problems with their positions, decides. So it never accepts what the full reader
//! rejects and never reads a value differently; a property test holds it to that, positions
//! included.

use chrono::NaiveDate;

use super::{AGE_BANDS, CONSENT_BY, STATUSES, WAYS};
use crate::model::case::CASE_SCHEMA;
use crate::model::{Case, CaseId, Consent, Decision, Outcome, Proposal, Referrer, Situation, User};

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
const TABLES: [&str; 7] =
    ["referrer", "user", "consent", "situation", "outcome", "outcome.proposed", "decision"];

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
        if path.contains('[') || path.starts_with("outcome.proposed") {
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
    let mut spans = Spans::default();
    let case = build(&tables, &mut spans)?;
    Some((case, spans))
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
                Some(rest) => rest.split_once("]]").filter(|(n, _)| *n == "outcome.proposed")?,
                None => body.strip_prefix('[')?.split_once(']').filter(|(n, _)| *n != "outcome.proposed")?,
            };
            let name = *TABLES.iter().find(|t| **t == name)?;
            let is_array = name == "outcome.proposed";
            let defined = tables.iter().any(|t| t.name == name);
            if !is_rest_of_line(after)
                || (defined && !is_array)
                || (is_array && !tables.iter().any(|t| t.name == "outcome"))
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

/// Takes a table's values out by key, noting where each is; the `Option<Option<_>>` getters
/// give `Some(None)` for an absent key and `None` for a value of the wrong type.
struct Take<'a, 't> {
    table: &'a Table<'t>,
    used: usize,
    spans: &'a mut Spans,
    /// Whether to note spans (not for the entries of `[[outcome.proposed]]`, which only the
    /// full parse places).
    note: bool,
}

impl<'a, 't> Take<'a, 't> {
    fn new(table: &'a Table<'t>, spans: &'a mut Spans, note: bool) -> Self {
        if note && !table.name.is_empty() {
            spans.entries.push((table.name, "", table.at));
        }
        Take { table, used: 0, spans, note }
    }

    fn get(&mut self, key: &'static str) -> Option<&'a Value<'t>> {
        let entry = self.table.entries.iter().find(|e| e.key == key)?;
        self.used += 1;
        if self.note {
            self.spans.entries.push((self.table.name, key, entry.at));
        }
        Some(&entry.value)
    }

    fn str(&mut self, key: &'static str) -> Option<Option<&'t str>> {
        match self.get(key) {
            None => Some(None),
            Some(Value::Str(s)) => Some(Some(s)),
            Some(_) => None,
        }
    }

    fn text(&mut self, key: &'static str) -> Option<String> {
        self.str(key).map(|s| s.unwrap_or_default().to_string())
    }

    fn strs(&mut self, key: &'static str) -> Option<Vec<String>> {
        match self.get(key) {
            None => Some(Vec::new()),
            Some(Value::Strs(items)) => Some(items.iter().map(|s| s.to_string()).collect()),
            Some(_) => None,
        }
    }

    fn date(&mut self, key: &'static str) -> Option<Option<NaiveDate>> {
        match self.get(key) {
            None => Some(None),
            Some(Value::Date(d)) => Some(Some(*d)),
            Some(_) => None,
        }
    }

    fn int(&mut self, key: &'static str, min: i64, max: i64) -> Option<Option<i64>> {
        match self.get(key) {
            None => Some(None),
            Some(Value::Int(n)) if (min..=max).contains(n) => Some(Some(*n)),
            Some(_) => None,
        }
    }

    fn bool(&mut self, key: &'static str) -> Option<Option<bool>> {
        match self.get(key) {
            None => Some(None),
            Some(Value::Bool(b)) => Some(Some(*b)),
            Some(_) => None,
        }
    }

    fn choice<T: Copy>(&mut self, key: &'static str, choices: &[(&str, T)]) -> Option<Option<T>> {
        match self.str(key)? {
            None => Some(None),
            Some(s) => choices.iter().find(|(code, _)| *code == s).map(|(_, v)| Some(*v)),
        }
    }

    /// `Some(())` when every value was taken (an unknown key is the full reader's to report).
    fn done(self) -> Option<()> {
        (self.used == self.table.entries.len()).then_some(())
    }
}

fn build(tables: &[Table<'_>], spans: &mut Spans) -> Option<Case> {
    let table = |name: &str| tables.iter().find(|t| t.name == name);

    let mut r = Take::new(&tables[0], spans, true);
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
    let invite = r.strs("invite")?;
    let closed = r.date("closed")?;
    let closed_reason = r.text("closed_reason")?;
    let anonymised = r.date("anonymised")?;
    let age_band = r.choice("age_band", &AGE_BANDS)?.map(str::to_string);
    r.done()?;

    let mut t = Take::new(table("referrer")?, spans, true);
    let referrer = Referrer { name: t.str("name")??.to_string(), unit: t.str("unit")??.to_string() };
    t.done()?;

    let user = match table("user") {
        None => User::Nobody,
        Some(user) => {
            let mut t = Take::new(user, spans, true);
            let anonymous = t.bool("anonymous")?.unwrap_or(false);
            let removed = t.bool("removed")?.unwrap_or(false);
            let user = if removed {
                User::Removed
            } else if anonymous {
                User::Anonymous { age: t.int("age", 0, 130)?.map(|n| n as u8) }
            } else {
                User::Known { initials: t.str("initials")??.to_string(), born: t.date("born")?? }
            };
            t.done()?; // also identity left on an anonymous or removed user
            user
        }
    };

    let consent = match table("consent") {
        None => None,
        Some(consent) => {
            let mut t = Take::new(consent, spans, true);
            let consent = Consent {
                given_by: t.choice("given_by", &CONSENT_BY)??,
                date: t.date("date")??,
                units: t.strs("units")?,
                expires: t.date("expires")?,
                withdrawn: t.date("withdrawn")?,
            };
            t.done()?;
            Some(consent)
        }
    };

    let situation = match table("situation") {
        None => Situation::default(),
        Some(situation) => {
            let mut t = Take::new(situation, spans, true);
            let situation = Situation {
                concern: t.text("concern")?,
                tried: t.text("tried")?,
                wishes: t.text("wishes")?,
                question: t.text("question")?,
            };
            t.done()?;
            situation
        }
    };

    let outcome = match table("outcome") {
        None => None,
        Some(outcome) => {
            let mut t = Take::new(outcome, spans, true);
            let date = t.date("date")??;
            let assessment = t.text("assessment")?;
            let next_step = t.text("next_step")?;
            let level2 = t.bool("level2")?.unwrap_or(false);
            let follow_up = t.date("follow_up")?;
            let coordinator = t.text("coordinator")?;
            t.done()?;
            let mut proposed = Vec::new();
            for p in tables.iter().filter(|t| t.name == "outcome.proposed") {
                let mut t = Take::new(p, spans, false);
                let proposal = Proposal {
                    measure: t.str("measure")??.to_string(),
                    unit: t.str("unit")??.to_string(),
                    evaluate: t.date("evaluate")?,
                };
                t.done()?;
                proposed.push(proposal);
            }
            Some(Outcome { date, assessment, next_step, proposed, level2, follow_up, coordinator })
        }
    };

    let decision = match table("decision") {
        None => None,
        Some(decision) => {
            let mut t = Take::new(decision, spans, true);
            let decision = Decision {
                date: t.date("date")??,
                accepted: t.strs("accepted")?,
                declined: t.strs("declined")?,
            };
            t.done()?;
            Some(decision)
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
        consent,
        situation,
        outcome,
        decision,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
