//! The tiltaksbank (R11): the catalogue of measures the municipality offers — the team's own
//! units and other services (kulturskole, PPT, NAV, frivilligsentral …) alike.
//!
//! A measure has a *provider* (a unit of the team or a service under `[[providers]]` of
//! `rt.toml`), a way to get it ([`Access`]), a level of the BTS pyramid ([`Level`]), and a
//! target group as written beside the ages it was read as. Where a measure came from an
//! import, [`Imported`] remembers what the sheet said, so a later import can tell a hand edit
//! from its own earlier work.

use std::collections::BTreeMap;

use chrono::NaiveDate;

/// From this age a person is an adult: a measure for parents fits them.
pub const ADULT: i32 = 18;

/// How a citizen gets a measure (R11).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Access {
    /// Citizens apply directly at the provider.
    #[default]
    Open,
    /// Only the team composes or sets it in.
    ViaTeam,
    /// Needs a referral, e.g. from a GP, the school or the kindergarten (from whom: the
    /// measure's `referral_from`).
    Referral,
    /// Needs an administrative decision (vedtak), e.g. barnevern's or NAV's.
    Decision,
}

impl Access {
    /// Every way in, in the order of the docs.
    pub const ALL: [Access; 4] = [Access::Open, Access::ViaTeam, Access::Referral, Access::Decision];

    /// The code used in files and flags.
    pub fn code(self) -> &'static str {
        match self {
            Access::Open => "open",
            Access::ViaTeam => "via-team",
            Access::Referral => "referral",
            Access::Decision => "decision",
        }
    }

    /// Reads a code (or its Norwegian word).
    pub fn parse(text: &str) -> Option<Access> {
        match text.trim().to_lowercase().as_str() {
            "open" | "åpen" | "apen" | "åpent" | "apent" => Some(Access::Open),
            "via-team" | "via-ressursteam" | "via ressursteam" => Some(Access::ViaTeam),
            "referral" | "henvisning" => Some(Access::Referral),
            "decision" | "vedtak" => Some(Access::Decision),
            _ => None,
        }
    }
}

/// The level of the BTS pyramid a measure belongs to: the sheets' traffic lights.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Green: for everyone (tiltaksnivå 0, "allmenne tjenester").
    Universal,
    /// Yellow: for some (tiltaksnivå 1 and 2).
    Selective,
    /// Red: for a few, individually (tiltaksnivå 3).
    Indicated,
}

impl Level {
    /// Every level, from the pyramid's base up.
    pub const ALL: [Level; 3] = [Level::Universal, Level::Selective, Level::Indicated];

    /// The code used in files and flags.
    pub fn code(self) -> &'static str {
        match self {
            Level::Universal => "universal",
            Level::Selective => "selective",
            Level::Indicated => "indicated",
        }
    }

    /// Reads a code (or its Norwegian word or colour).
    pub fn parse(text: &str) -> Option<Level> {
        match text.trim().to_lowercase().as_str() {
            "universal" | "universell" | "universelt" | "grønn" | "green" => Some(Level::Universal),
            "selective" | "selektiv" | "selektivt" | "gul" | "yellow" => Some(Level::Selective),
            "indicated" | "indikert" | "rød" | "red" => Some(Level::Indicated),
            _ => None,
        }
    }
}

/// The fields of a measure an import sets, each remembered on its own (see [`Imported`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Name,
    Provider,
    /// The way in and, for a referral, from whom.
    Access,
    Level,
    /// The target group as written.
    Target,
    /// `age_min`, `age_max` and `parents` together: what the target group was read as.
    Ages,
    Description,
    Contact,
    Link,
    Tags,
}

impl Field {
    /// Every field, in the file's order.
    pub const ALL: [Field; 10] = [
        Field::Name,
        Field::Provider,
        Field::Access,
        Field::Level,
        Field::Target,
        Field::Ages,
        Field::Description,
        Field::Contact,
        Field::Link,
        Field::Tags,
    ];

    /// The key under `[measures.imported]`.
    pub fn code(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Provider => "provider",
            Field::Access => "access",
            Field::Level => "level",
            Field::Target => "target",
            Field::Ages => "ages",
            Field::Description => "description",
            Field::Contact => "contact",
            Field::Link => "link",
            Field::Tags => "tags",
        }
    }

    /// The field with this key.
    pub fn parse(code: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// What the last import wrote into a measure: per field a short fingerprint of the value
/// (see [`fingerprint`]). A field whose value no longer matches was edited by hand since.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// The day of that import.
    pub date: Option<NaiveDate>,
    /// The fingerprint of each field the import set.
    pub fields: BTreeMap<Field, String>,
}

/// A short, stable fingerprint of a text: FNV-1a, 32 bits, as 8 hex digits. Enough to tell
/// that a value changed; not meant to hide it (the value is in the same file anyway).
pub fn fingerprint(text: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{hash:08x}")
}

/// One measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measure {
    /// Stable id (a slug), e.g. `foreldreveiledning-icdp`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Who offers it: a unit id or a provider id of `rt.toml`.
    pub provider: String,
    /// How one gets it.
    pub access: Access,
    /// For a referral: from whom ("fastlege", "NAV-veileder"); may be empty.
    pub referral_from: String,
    /// Its level of the BTS pyramid, where known.
    pub level: Option<Level>,
    /// The target group as written ("Barn 6–12 år og ungdom 13–18").
    pub target: String,
    /// Youngest age it is for (of the child, when `parents`).
    pub age_min: u8,
    /// Oldest age it is for (of the child, when `parents`).
    pub age_max: u8,
    /// For the parents of children of these ages: it is for adults, and fits a case about
    /// such a child.
    pub parents: bool,
    /// What it is.
    pub description: String,
    /// How to get it: who to contact.
    pub contact: String,
    /// A link to read more.
    pub link: String,
    /// Search words.
    pub tags: Vec<String>,
    /// What the last import wrote, when one did.
    pub imported: Option<Imported>,
}

impl Default for Measure {
    fn default() -> Self {
        Measure {
            id: String::new(),
            name: String::new(),
            provider: String::new(),
            access: Access::Open,
            referral_from: String::new(),
            level: None,
            target: String::new(),
            age_min: 0,
            age_max: 120,
            parents: false,
            description: String::new(),
            contact: String::new(),
            link: String::new(),
            tags: Vec::new(),
            imported: None,
        }
    }
}

/// Whether a measure's link may be published: empty, or `http://`, `https://` or `mailto:`
/// and nothing that is not part of an address — never `javascript:` or `data:`, which a page
/// or a catalogue built from it would run.
pub fn is_safe_link(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    link.is_empty()
        || (["https://", "http://", "mailto:"].iter().any(|s| lower.starts_with(s) && lower.len() > s.len())
            && !link
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '`')))
}

impl Measure {
    /// Whether it fits a person of this age: the age is in its range, or it is for parents
    /// and the person is an adult.
    pub fn fits_age(&self, age: i32) -> bool {
        (i32::from(self.age_min)..=i32::from(self.age_max)).contains(&age) || (self.parents && age >= ADULT)
    }

    /// A field's value as one canonical text (for fingerprints and for comparing).
    pub fn field_text(&self, field: Field) -> String {
        match field {
            Field::Name => self.name.clone(),
            Field::Provider => self.provider.clone(),
            Field::Access if self.referral_from.is_empty() => self.access.code().to_string(),
            Field::Access => format!("{}:{}", self.access.code(), self.referral_from),
            Field::Level => self.level.map_or("", Level::code).to_string(),
            Field::Target => self.target.clone(),
            Field::Ages => {
                format!("{}-{}{}", self.age_min, self.age_max, if self.parents { "+p" } else { "" })
            }
            Field::Description => self.description.clone(),
            Field::Contact => self.contact.clone(),
            Field::Link => self.link.clone(),
            Field::Tags => self.tags.join("\n"),
        }
    }

    /// Whether a field holds nothing a person could lose (empty text, no level, all ages).
    pub fn field_is_blank(&self, field: Field) -> bool {
        match field {
            Field::Level => self.level.is_none(),
            Field::Ages => self.age_min == 0 && self.age_max == 120 && !self.parents,
            Field::Tags => self.tags.is_empty(),
            Field::Name | Field::Provider | Field::Access => false,
            _ => self.field_text(field).is_empty(),
        }
    }

    /// Whether a field was set by hand since the last import (or never came from one).
    pub fn edited_by_hand(&self, field: Field) -> bool {
        match &self.imported {
            None => true,
            Some(record) => record.fields.get(&field) != Some(&fingerprint(&self.field_text(field))),
        }
    }

    /// Copies one field's value from another measure.
    pub fn take(&mut self, field: Field, from: &Measure) {
        match field {
            Field::Name => self.name = from.name.clone(),
            Field::Provider => self.provider = from.provider.clone(),
            Field::Access => {
                self.access = from.access;
                self.referral_from = from.referral_from.clone();
            }
            Field::Level => self.level = from.level,
            Field::Target => self.target = from.target.clone(),
            Field::Ages => {
                self.age_min = from.age_min;
                self.age_max = from.age_max;
                self.parents = from.parents;
            }
            Field::Description => self.description = from.description.clone(),
            Field::Contact => self.contact = from.contact.clone(),
            Field::Link => self.link = from.link.clone(),
            Field::Tags => self.tags = from.tags.clone(),
        }
    }
}

/// The whole catalogue, in the file's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tiltaksbank {
    /// The measures.
    pub measures: Vec<Measure>,
    /// The ids of measures the file holds but that were left out for their errors (told
    /// where they are): a case naming one is not wrong for it.
    pub left_out: Vec<String>,
}

impl Tiltaksbank {
    /// The measure with this id.
    pub fn get(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// Whether the catalogue knows this id: a measure, or one left out for its errors.
    pub fn knows(&self, id: &str) -> bool {
        self.get(id).is_some() || self.left_out.iter().any(|l| l == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_tell_values_apart() {
        // FNV-1a's published test vectors: the empty text and "a".
        assert_eq!(fingerprint(""), "811c9dc5");
        assert_eq!(fingerprint("a"), "e40c292c");
        assert_ne!(fingerprint("open"), fingerprint("open:fastlege"));
    }

    #[test]
    fn parents_measures_fit_the_child_and_any_adult() {
        let m = Measure { age_min: 0, age_max: 6, parents: true, ..Measure::default() };
        assert!(m.fits_age(3) && m.fits_age(35));
        assert!(!m.fits_age(9) && !m.fits_age(16));
        let teen = Measure { age_min: 13, age_max: 18, ..Measure::default() };
        assert!(teen.fits_age(13) && !teen.fits_age(35));
    }

    #[test]
    fn hand_edits_are_what_differs_from_the_record() {
        let mut m = Measure { name: "A".into(), provider: "nav".into(), ..Measure::default() };
        assert!(m.edited_by_hand(Field::Name), "never imported: all by hand");
        let fields =
            [Field::Name, Field::Provider].into_iter().map(|f| (f, fingerprint(&m.field_text(f)))).collect();
        m.imported = Some(Imported { date: None, fields });
        assert!(!m.edited_by_hand(Field::Name));
        m.name = "B".into();
        assert!(m.edited_by_hand(Field::Name) && !m.edited_by_hand(Field::Provider));
        assert!(m.edited_by_hand(Field::Tags), "a field the import never set");
    }
}
