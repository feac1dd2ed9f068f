//! The team's configuration (`rt.toml`): who the team is, how it meets, and its settings.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime, Weekday};

use super::dates::Half;
use crate::lang::Lang;

/// The schema version of `rt.toml` this `rt` understands.
pub const CONFIG_SCHEMA: u32 = 1;

/// A named person with an e-mail address and a unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Full name (an employee, never a user).
    pub name: String,
    /// E-mail address.
    pub email: String,
    /// Unit id.
    pub unit: String,
}

/// A standing member of the team.
pub type Member = Person;

/// A unit (enhet) of the family centre, or an invited one like NAV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Short id used in files and flags, e.g. `barnevern`.
    pub id: String,
    /// Full name, e.g. `Barneverntjenesten`.
    pub name: String,
    /// Whether the unit has standing members (false: invited when needed, like NAV).
    pub standing: bool,
}

/// A service outside the team that offers measures (kulturskole, PPT, frivilligsentral …):
/// named under `[[providers]]` of `rt.toml`, so the tiltaksbank can hold everything the
/// municipality offers while the team's own units stay distinct.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provider {
    /// Short id used in files and flags, e.g. `kulturskole`; never the same as a unit's.
    pub id: String,
    /// Full name, e.g. `Eikvik kulturskole`.
    pub name: String,
    /// How to reach it, when given.
    pub contact: String,
    /// Its web page, when given.
    pub link: String,
}

/// What happens to a meeting that falls on a holiday.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HolidayRule {
    /// Drop the meeting (members keep only the fixed weekday free).
    #[default]
    Skip,
    /// Move it to the nearest working day of the same week.
    Move,
}

/// The team's meeting rules (R6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingRules {
    /// The fixed weekday.
    pub weekday: Weekday,
    /// Start time, Europe/Oslo.
    pub start: NaiveTime,
    /// Length in minutes (R6: 90).
    pub minutes: u32,
    /// Weeks between meetings (R6: 3).
    pub every_weeks: u32,
    /// How many cases fit in one meeting.
    pub cases_per_meeting: u32,
    /// How many days before a meeting a case must be referred to be placed in it.
    pub referral_deadline_days: u32,
    /// Where the team meets.
    pub place: String,
    /// What to do with a meeting on a holiday.
    pub on_holiday: HolidayRule,
    /// The first meeting of a half-year, where the leader has fixed it.
    pub first: BTreeMap<Half, NaiveDate>,
    /// Extra days without meetings (e.g. a planning day).
    pub closed: Vec<NaiveDate>,
}

impl Default for MeetingRules {
    fn default() -> Self {
        MeetingRules {
            weekday: Weekday::Tue,
            start: NaiveTime::from_hms_opt(12, 30, 0).expect("valid time"),
            minutes: 90,
            every_weeks: 3,
            cases_per_meeting: 3,
            referral_deadline_days: 7,
            place: String::new(),
            on_holiday: HolidayRule::Skip,
            first: BTreeMap::new(),
            closed: Vec::new(),
        }
    }
}

/// When a school holiday is: whole ISO weeks of a year, or a date range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HolidaySpan {
    /// ISO weeks of a year, e.g. week 8 of 2027.
    Weeks {
        /// The ISO week-numbering year.
        year: i32,
        /// ISO week numbers.
        weeks: Vec<u32>,
    },
    /// From and to, both days included.
    Dates {
        /// First day.
        from: NaiveDate,
        /// Last day.
        to: NaiveDate,
    },
}

/// A school holiday, set by the municipality (so configured, not computed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchoolHoliday {
    /// Its name, e.g. `Høstferie`.
    pub name: String,
    /// When it is.
    pub span: HolidaySpan,
}

/// The whole team configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The team's name.
    pub team: String,
    /// The language of messages and documents.
    pub language: Lang,
    /// The team leader (kommunepsykolog), who receives every referral; set after `rt init`.
    pub leader: Option<Person>,
    /// The units.
    pub units: Vec<Unit>,
    /// Services outside the team that offer measures.
    pub providers: Vec<Provider>,
    /// The standing members.
    pub members: Vec<Member>,
    /// Other employees of the centre who may be invited as a user's contact person, so the
    /// invitation can reach them (by name, e-mail and unit).
    pub contacts: Vec<Person>,
    /// R6.
    pub meetings: MeetingRules,
    /// School holidays.
    pub school_holidays: Vec<SchoolHoliday>,
    /// Days after closing before `rt purge` anonymises a case.
    pub retention_days: u32,
    /// The age from which a young person may consent alone (R2: 15 or 16).
    pub self_consent_age: u8,
    /// Whether reports hide counts of 1–2 people, and every figure that would give one away.
    pub small_numbers: bool,
    /// Whether every change `rt` makes is committed, when the team folder is in git.
    pub auto_commit: bool,
    /// How many days after the meeting the user's decision is awaited before `rt frister`
    /// says it is late (R14).
    pub decision_days: u32,
    /// The mail server `rt agenda --send` uses, when one is set.
    pub mail: Option<MailServer>,
}

/// How the connection to the mail server is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailSecurity {
    /// Plain connection upgraded with STARTTLS (port 587); refused if the server cannot.
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same machine or a closed network.
    None,
}

impl MailSecurity {
    /// The code used in `rt.toml`.
    pub fn code(self) -> &'static str {
        match self {
            MailSecurity::StartTls => "starttls",
            MailSecurity::Tls => "tls",
            MailSecurity::None => "none",
        }
    }

    /// The usual port.
    pub fn default_port(self) -> u16 {
        match self {
            MailSecurity::StartTls => 587,
            MailSecurity::Tls => 465,
            MailSecurity::None => 25,
        }
    }
}

/// The SMTP server for sending the invitation. The password is never in the file: it is
/// read from the environment variable named here when the mail is sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailServer {
    /// Host name.
    pub host: String,
    /// Port.
    pub port: u16,
    /// Encryption.
    pub security: MailSecurity,
    /// User name for logging in, if the server wants one.
    pub user: Option<String>,
    /// The environment variable that holds the password.
    pub password_env: Option<String>,
}

impl Config {
    /// The unit with this id.
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The ids of every unit, in the file's order.
    pub fn unit_ids(&self) -> impl Iterator<Item = &str> {
        self.units.iter().map(|u| u.id.as_str())
    }

    /// The name of a unit, or its id when unknown.
    pub fn unit_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.unit(id).map_or(id, |u| u.name.as_str())
    }

    /// The ids of every unit and then every other provider, in the file's order.
    pub fn provider_ids(&self) -> impl Iterator<Item = &str> {
        self.unit_ids().chain(self.providers.iter().map(|p| p.id.as_str()))
    }

    /// Whether an id names a unit or another provider.
    pub fn knows_provider(&self, id: &str) -> bool {
        self.provider_ids().any(|p| p == id)
    }

    /// The name of a unit or another provider, or the id when unknown.
    pub fn provider_name<'a>(&'a self, id: &'a str) -> &'a str {
        match self.unit(id) {
            Some(u) => &u.name,
            None => self.providers.iter().find(|p| p.id == id).map_or(id, |p| p.name.as_str()),
        }
    }

    /// Where a provider stands in `rt.toml`: the units first, then the other providers;
    /// an unknown one last.
    pub fn provider_rank(&self, id: &str) -> usize {
        self.provider_ids().position(|p| p == id).unwrap_or(usize::MAX)
    }

    /// The standing member with this name (case-insensitive).
    pub fn member(&self, name: &str) -> Option<&Member> {
        let name = name.trim().to_lowercase();
        self.members.iter().find(|m| m.name.to_lowercase() == name)
    }

    /// The person of `rt.toml` with this name (case-insensitive): a standing member, the
    /// leader, or a contact under `[[contacts]]` — the only people an invitation can reach.
    pub fn person(&self, name: &str) -> Option<&Person> {
        let name = name.trim().to_lowercase();
        self.members
            .iter()
            .chain(self.leader.as_ref())
            .chain(&self.contacts)
            .find(|p| p.name.to_lowercase() == name)
    }

    /// The names of every person of `rt.toml` (for "did you mean").
    pub fn person_names(&self) -> impl Iterator<Item = &str> {
        self.members.iter().chain(self.leader.as_ref()).chain(&self.contacts).map(|p| p.name.as_str())
    }
}
