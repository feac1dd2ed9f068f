//! The domain types of `rt`: a case, the team's configuration, the catalogue of measures.
//!
//! These are plain data. They know nothing about files, TOML, the clock or the terminal:
//! `store` turns files into these types (and back), `rules` judges them, `cmd` shows them.

pub mod case;
pub mod dates;
pub mod field;
pub mod followup;
pub mod id;
pub mod measure;
pub mod meeting;
pub mod team;

pub use case::{
    Answer, Case, CaseSummary, Consent, ConsentBy, Decision, DecisionChange, Outcome, Proposal, Referrer,
    Situation, Status, User, WayIn,
};
pub use field::Field;
pub use followup::{EndReason, Followup, Verdict};
pub use id::CaseId;
pub use measure::{Access, Imported, Level, Measure, Tiltaksbank};
pub use meeting::{Attendance, Meeting, Schedule};
pub use team::{
    Config, HolidayRule, MailSecurity, MailServer, MeetingRules, Member, Person, Provider, SchoolHoliday,
    Unit,
};
