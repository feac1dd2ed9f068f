//! The tiltaksbank (R11): the catalogue of measures the centre's units offer.

/// How a citizen gets a measure (R11).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Access {
    /// Citizens apply directly at the unit.
    Open,
    /// Only the team composes or sets it in.
    ViaTeam,
}

impl Access {
    /// The code used in files and flags.
    pub fn code(self) -> &'static str {
        match self {
            Access::Open => "open",
            Access::ViaTeam => "via-team",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Access> {
        match text.trim().to_lowercase().as_str() {
            "open" | "åpen" | "apen" => Some(Access::Open),
            "via-team" | "via-ressursteam" | "via ressursteam" => Some(Access::ViaTeam),
            _ => None,
        }
    }
}

/// One measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measure {
    /// Stable id (a slug), e.g. `foreldreveiledning-icdp`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The unit that offers it.
    pub unit: String,
    /// Open or via the team.
    pub access: Access,
    /// Youngest age it is for.
    pub age_min: u8,
    /// Oldest age it is for.
    pub age_max: u8,
    /// What it is.
    pub description: String,
    /// How to get it: who to contact.
    pub contact: String,
    /// A link to read more.
    pub link: String,
    /// Search words.
    pub tags: Vec<String>,
}

/// The whole catalogue, in the file's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tiltaksbank {
    /// The measures.
    pub measures: Vec<Measure>,
}

impl Tiltaksbank {
    /// The measure with this id.
    pub fn get(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }
}
