//! The one set of rules for the texts of a measure of the tiltaksbank, wherever they come
//! from: `rt tiltak add` (by flag), `rt tiltak import` (by sheet column) and the reading of
//! `tiltaksbank.toml` (by file position, for `rt check` and every `rt tiltak` command).
//!
//! Every text a measure holds is published (`rt tiltak site`), exported and printed into
//! referats, so none may hold a national id number; every one but the description is shown on
//! one line (a table row, a Markdown cell, a CSV field), so only the description may break
//! lines; and none may hold other control characters. The tags are also judged together, as
//! the outputs join them (`søvn, foreldre`): two tags can make one number.

use super::national_id::{contains_national_id, redact};
use super::text::has_control_characters;
use crate::model::{Field, Measure};
use crate::problem::Problem;

/// What is wrong with one text of a measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flaw {
    /// It holds what looks like a national id number.
    NationalId,
    /// A one-line text holds a line break.
    LineBreak,
    /// It holds a control character (other than a line break or a tab in the description).
    ControlCharacters,
}

impl Flaw {
    /// The problem, about the field as the caller names it (a flag, a column, a file path).
    pub fn problem(self, field: Field) -> Problem {
        match self {
            Flaw::NationalId => Problem::NationalId { field },
            Flaw::LineBreak => Problem::LineBreak { field },
            Flaw::ControlCharacters => Problem::ControlCharacters { field },
        }
    }
}

/// A flaw in one text of a measure: the key it has in `tiltaksbank.toml`, the tag's place
/// when it is in one tag, and what is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// `id`, `name`, `provider`, `referral_from`, `target`, `description`, `contact`,
    /// `link` or `tags`.
    pub key: &'static str,
    /// For a flaw in one tag: which one (a number made of several tags has none).
    pub index: Option<usize>,
    /// What is wrong.
    pub flaw: Flaw,
}

impl Found {
    /// The field's path in `tiltaksbank.toml` for the measure at `n`: `measures[3].tags[1]`.
    pub fn path(&self, n: usize) -> String {
        match self.index {
            Some(i) => format!("measures[{n}].{}[{i}]", self.key),
            None => format!("measures[{n}].{}", self.key),
        }
    }
}

/// Whether the text under this key may hold line breaks.
pub fn multiline(key: &str) -> bool {
    key == "description"
}

/// What is wrong with one text under a key of a measure (national id first).
pub fn flaws(key: &str, text: &str) -> Vec<Flaw> {
    let mut out = Vec::new();
    if contains_national_id(text) {
        out.push(Flaw::NationalId);
    }
    if !multiline(key) && text.contains(super::text::is_line_break) {
        out.push(Flaw::LineBreak);
    }
    let others = if multiline(key) {
        has_control_characters(text)
    } else {
        text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r'))
    };
    if others {
        out.push(Flaw::ControlCharacters);
    }
    out
}

/// Every flaw in every text of a measure, in the file's order of keys.
pub fn check(m: &Measure) -> Vec<Found> {
    let mut out = Vec::new();
    for (key, text) in [
        ("id", &m.id),
        ("name", &m.name),
        ("provider", &m.provider),
        ("referral_from", &m.referral_from),
        ("target", &m.target),
        ("description", &m.description),
        ("contact", &m.contact),
        ("link", &m.link),
    ] {
        out.extend(flaws(key, text).into_iter().map(|flaw| Found { key, index: None, flaw }));
    }
    for (i, tag) in m.tags.iter().enumerate() {
        out.extend(flaws("tags", tag).into_iter().map(|flaw| Found { key: "tags", index: Some(i), flaw }));
    }
    // Tags are shown joined; a number spread over several of them is one too.
    if !out.iter().any(|f| f.key == "tags" && f.flaw == Flaw::NationalId)
        && contains_national_id(&m.tags.join(", "))
    {
        out.push(Found { key: "tags", index: None, flaw: Flaw::NationalId });
    }
    out
}

/// The measure with every national id number in its texts masked (tags that only make one
/// when joined become one tag, masked).
pub fn masked(m: &Measure) -> Measure {
    let text = |s: &str| redact(s).into_owned();
    let mut tags: Vec<String> = m.tags.iter().map(|t| text(t)).collect();
    let joined = tags.join(", ");
    if contains_national_id(&joined) {
        tags = vec![text(&joined)];
    }
    Measure {
        id: text(&m.id),
        name: text(&m.name),
        provider: text(&m.provider),
        referral_from: text(&m.referral_from),
        target: text(&m.target),
        description: text(&m.description),
        contact: text(&m.contact),
        link: text(&m.link),
        tags,
        ..m.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::national_id::{REDACTED, with_check_digits};

    fn number() -> String {
        let d = (100..999)
            .find_map(|i| with_check_digits(&[1, 5, 0, 3, 1, 5, i / 100, i / 10 % 10, i % 10]))
            .unwrap();
        d.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn every_text_of_a_measure_is_judged_by_the_same_rules() {
        let n = number();
        let m = Measure {
            id: "kurs".into(),
            name: "Kurs\nfor alle".into(),
            provider: "nav".into(),
            description: "Linje én\nlinje to\tmed tabulator".into(),
            contact: format!("ring {n}"),
            link: "https://x.example/\u{1b}[31m".into(),
            tags: vec!["søvn".into(), n.clone()],
            ..Measure::default()
        };
        let found: Vec<(String, Flaw)> = check(&m).iter().map(|f| (f.path(2), f.flaw)).collect();
        assert_eq!(
            found,
            [
                ("measures[2].name".to_string(), Flaw::LineBreak),
                ("measures[2].contact".to_string(), Flaw::NationalId),
                ("measures[2].link".to_string(), Flaw::ControlCharacters),
                ("measures[2].tags[1]".to_string(), Flaw::NationalId),
            ]
        );
    }

    #[test]
    fn a_number_spread_over_tags_is_found_once_for_the_tags() {
        let n = number();
        let m = Measure { tags: vec![n[..6].to_string(), n[6..].to_string()], ..Measure::default() };
        assert_eq!(check(&m), [Found { key: "tags", index: None, flaw: Flaw::NationalId }]);
        let m = Measure { tags: vec!["a".into(), "b".into()], ..Measure::default() };
        assert_eq!(check(&m), []);
    }

    #[test]
    fn only_the_description_breaks_lines() {
        assert_eq!(flaws("description", "a\nb\tc"), []);
        assert_eq!(flaws("name", "a\r\nb"), [Flaw::LineBreak]);
        assert_eq!(flaws("name", "a\u{2028}b"), [Flaw::LineBreak]);
        assert_eq!(flaws("name", "a\tb"), [Flaw::ControlCharacters]);
        assert_eq!(flaws("description", "a\u{7}"), [Flaw::ControlCharacters]);
        assert_eq!(flaws("tags", "søvn"), []);
    }

    #[test]
    fn every_text_is_masked_and_nothing_else_changes() {
        let n = number();
        let m = Measure {
            id: "kurs".into(),
            name: "Kurs".into(),
            description: format!("Ring {n} i dag"),
            contact: format!("{} {}", &n[..6], &n[6..]),
            tags: vec!["søvn".into(), n[..6].into(), n[6..].into()],
            age_max: 12,
            ..Measure::default()
        };
        let got = masked(&m);
        assert_eq!(got.description, format!("Ring {REDACTED} i dag"));
        assert_eq!(got.contact, REDACTED);
        assert_eq!(got.tags, [format!("søvn, {REDACTED}")]);
        assert_eq!((got.id.as_str(), got.name.as_str(), got.age_max), ("kurs", "Kurs", 12));
        let clean = Measure { tags: vec!["a".into(), "b".into()], ..m.clone() };
        assert_eq!(masked(&masked(&clean)).tags, ["a", "b"]);
    }
}
