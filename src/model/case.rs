//! A case (sak): one referral to the team, from the referral form to the user's decision.
//!
//! The fields follow the referral form of the seeds (R1–R4): the way in, the referring
//! employee, the user or the anonymous marker, consent, the unit-leader check, and the
//! situation texts. The outcome of the meeting and the user's decision are added later by
//! `rt record` and `rt decide`; they have their place here from the start.

use chrono::NaiveDate;

use super::CaseId;
use crate::lang::Lang;

/// The schema version this `rt` writes and fully understands.
pub const CASE_SCHEMA: u32 = 1;

/// R1: the three ways a case comes to the team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WayIn {
    /// BTI nivå 1: concern about pregnant women, children, youth or their parents.
    Bti,
    /// Brukersak utenom BTI: a user outside the BTI model, measures from several units.
    UserCase,
    /// Veiledning for ansatte: guidance for an employee; there may be no user at all.
    Guidance,
}

impl WayIn {
    /// Every way in, in the order of the seeds.
    pub const ALL: [WayIn; 3] = [WayIn::Bti, WayIn::UserCase, WayIn::Guidance];

    /// The code used in files, flags and JSON.
    pub fn code(self) -> &'static str {
        match self {
            WayIn::Bti => "bti",
            WayIn::UserCase => "user-case",
            WayIn::Guidance => "guidance",
        }
    }

    /// Reads a code (and the Norwegian words a user may type).
    pub fn parse(text: &str) -> Option<WayIn> {
        match text.trim().to_lowercase().as_str() {
            "bti" | "1" => Some(WayIn::Bti),
            "user-case" | "brukersak" | "2" => Some(WayIn::UserCase),
            "guidance" | "veiledning" | "3" => Some(WayIn::Guidance),
            _ => None,
        }
    }

    /// The name a user reads for a case at a BTI level: a BTI case is named by the level it
    /// stands at ("BTI nivå 2"), every other case by its way in.
    pub fn label_at(self, bti_level: Option<u8>, lang: Lang) -> String {
        match (self, bti_level) {
            (WayIn::Bti, Some(level)) => lang.pick(format!("BTI nivå {level}"), format!("BTI level {level}")),
            _ => self.label(lang).to_string(),
        }
    }

    /// The short name a user reads in a table column ("BTI", "brukersak", "veiledning").
    pub fn short(self, lang: Lang) -> &'static str {
        match self {
            WayIn::Bti => "BTI",
            WayIn::UserCase => lang.pick("brukersak", "user case"),
            WayIn::Guidance => lang.pick("veiledning", "guidance"),
        }
    }

    /// The name a user reads.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            WayIn::Bti => lang.pick("BTI nivå 1", "BTI level 1"),
            WayIn::UserCase => lang.pick("brukersak utenom BTI", "user case outside BTI"),
            WayIn::Guidance => lang.pick("veiledning for ansatte", "guidance for employees"),
        }
    }
}

/// Where a case stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Registered, not yet placed in a meeting.
    Referred,
    /// Placed in a meeting.
    Scheduled,
    /// Discussed; the team's outcome is recorded.
    Discussed,
    /// The user has decided on the proposals (R9).
    Decided,
    /// Ended.
    Closed,
}

impl Status {
    /// Every status, in the order a case passes through them.
    pub const ALL: [Status; 5] =
        [Status::Referred, Status::Scheduled, Status::Discussed, Status::Decided, Status::Closed];

    /// The code used in files, flags and JSON.
    pub fn code(self) -> &'static str {
        match self {
            Status::Referred => "referred",
            Status::Scheduled => "scheduled",
            Status::Discussed => "discussed",
            Status::Decided => "decided",
            Status::Closed => "closed",
        }
    }

    /// Reads a code (and the Norwegian word).
    pub fn parse(text: &str) -> Option<Status> {
        match text.trim().to_lowercase().as_str() {
            "referred" | "meldt" => Some(Status::Referred),
            "scheduled" | "satt-opp" | "satt opp" => Some(Status::Scheduled),
            "discussed" | "drøftet" => Some(Status::Discussed),
            "decided" | "besluttet" => Some(Status::Decided),
            "closed" | "avsluttet" => Some(Status::Closed),
            _ => None,
        }
    }

    /// The word a user reads.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Referred => lang.pick("meldt", "referred"),
            Status::Scheduled => lang.pick("satt opp", "scheduled"),
            Status::Discussed => lang.pick("drøftet", "discussed"),
            Status::Decided => lang.pick("besluttet", "decided"),
            Status::Closed => lang.pick("avsluttet", "closed"),
        }
    }
}

/// Who the case is about (R3): a known user, an anonymous one, or nobody (guidance).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum User {
    /// Identified by initials and birth date only — never a full name or national id.
    Known {
        /// Normalised initials, e.g. `A.B.`.
        initials: String,
        /// Date of birth.
        born: NaiveDate,
    },
    /// Discussed anonymously: no identity, at most an age for the statistics.
    Anonymous {
        /// Age in years when referred, if the referrer gave one.
        age: Option<u8>,
    },
    /// A guidance case about the employee's own work, with no user (R1, way 3).
    Nobody,
    /// The user's identity was removed by `rt purge` after the retention period; only what
    /// the statistics need is left (the age band is kept on the case).
    Removed,
}

/// Who gave consent (R2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsentBy {
    /// The user, an adult.
    User,
    /// A parent or guardian (for a child, or an adult under guardianship).
    Guardian,
    /// A young person old enough to consent alone (the age set in `rt.toml`).
    SelfConsent,
}

impl ConsentBy {
    /// Every choice.
    pub const ALL: [ConsentBy; 3] = [ConsentBy::User, ConsentBy::Guardian, ConsentBy::SelfConsent];

    /// The code used in files, flags and JSON.
    pub fn code(self) -> &'static str {
        match self {
            ConsentBy::User => "user",
            ConsentBy::Guardian => "guardian",
            ConsentBy::SelfConsent => "self",
        }
    }

    /// Reads a code (and the Norwegian word).
    pub fn parse(text: &str) -> Option<ConsentBy> {
        match text.trim().to_lowercase().as_str() {
            "user" | "bruker" => Some(ConsentBy::User),
            "guardian" | "foresatt" | "foresatte" | "verge" => Some(ConsentBy::Guardian),
            "self" | "selv" | "ungdom" => Some(ConsentBy::SelfConsent),
            _ => None,
        }
    }

    /// The words a user reads.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ConsentBy::User => lang.pick("brukeren", "the user"),
            ConsentBy::Guardian => lang.pick("foresatte/verge", "guardian"),
            ConsentBy::SelfConsent => lang.pick("ungdommen selv", "the young person"),
        }
    }
}

/// The user's consent (R2): given to units, not to named employees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Consent {
    /// Who gave it.
    pub given_by: ConsentBy,
    /// When it was given.
    pub date: NaiveDate,
    /// The units that may receive a copy of the minutes (R10). May be empty.
    pub units: Vec<String>,
    /// When it runs out, if it does.
    pub expires: Option<NaiveDate>,
    /// When it was withdrawn, if it was.
    pub withdrawn: Option<NaiveDate>,
}

/// The employee who brings the case (R4: they know it well).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Referrer {
    /// The employee's name.
    pub name: String,
    /// Their unit (an id from `rt.toml`).
    pub unit: String,
}

/// The situation texts of the referral form (R4). Empty means not given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Situation {
    /// The user's or family's situation: what the concern is.
    pub concern: String,
    /// What has been tried before.
    pub tried: String,
    /// What matters to the user ("Hva er viktig for deg?").
    pub wishes: String,
    /// What the referrer wants the team to help with.
    pub question: String,
}

/// One measure the team proposes (R8), with the unit that would own it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// A measure id from the tiltaksbank.
    pub measure: String,
    /// The unit that gets the assignment (R9: its leader decides who does it).
    pub unit: String,
    /// When the measure is to be evaluated.
    pub evaluate: Option<NaiveDate>,
}

/// What the team concluded in the meeting (R8), written by `rt record`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The meeting date the case was discussed.
    pub date: NaiveDate,
    /// The team's assessment.
    pub assessment: String,
    /// The next step.
    pub next_step: String,
    /// The proposed measures.
    pub proposed: Vec<Proposal>,
    /// BTI: lifted to instansmøte (level 2).
    pub level2: bool,
    /// The agreed follow-up date.
    pub follow_up: Option<NaiveDate>,
    /// Who coordinates (stafettholder).
    pub coordinator: String,
}

/// The user's own decision on the proposals (R9), written by `rt decide`: answers given one
/// measure at a time add up; an answer changed later is kept as a dated change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// When the user last answered.
    pub date: NaiveDate,
    /// Accepted measure ids.
    pub accepted: Vec<String>,
    /// Declined measure ids.
    pub declined: Vec<String>,
    /// Answers the user changed afterwards (`rt decide --change`), oldest first.
    pub changes: Vec<DecisionChange>,
}

/// The user's answer to one proposed measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Yes to the measure.
    Accepted,
    /// No to the measure.
    Declined,
}

impl Answer {
    /// The code used in files and JSON.
    pub fn code(self) -> &'static str {
        match self {
            Answer::Accepted => "accepted",
            Answer::Declined => "declined",
        }
    }

    /// The word a user reads ("ja"/"nei").
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Answer::Accepted => lang.pick("ja", "yes"),
            Answer::Declined => lang.pick("nei", "no"),
        }
    }
}

/// An answer the user changed: to what, and when (the earlier answer was the other one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionChange {
    /// When the answer was changed.
    pub date: NaiveDate,
    /// The measure.
    pub measure: String,
    /// The answer it was changed to.
    pub to: Answer,
}

impl Decision {
    /// The user's answer to a measure, if any.
    pub fn answer(&self, measure: &str) -> Option<Answer> {
        if self.accepted.iter().any(|m| m == measure) {
            Some(Answer::Accepted)
        } else if self.declined.iter().any(|m| m == measure) {
            Some(Answer::Declined)
        } else {
            None
        }
    }
}

/// A case, as the team keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// The schema version of the file it came from (or [`CASE_SCHEMA`]).
    pub schema: u32,
    /// The case id.
    pub id: CaseId,
    /// R1.
    pub way_in: WayIn,
    /// Where the case stands.
    pub status: Status,
    /// When it was referred.
    pub referred: NaiveDate,
    /// The meeting it is placed in, if any.
    pub meeting: Option<NaiveDate>,
    /// BTI level (0–3) for BTI cases.
    pub bti_level: Option<u8>,
    /// R2: the date the referral was discussed with the referrer's unit leader.
    pub leader_consulted: Option<NaiveDate>,
    /// The user's contact persons at the centre to invite (R7), by name.
    pub invite: Vec<String>,
    /// When the case was closed.
    pub closed: Option<NaiveDate>,
    /// Why, when it was closed before the user's decision (withdrawn, moved elsewhere).
    pub closed_reason: String,
    /// When the case was anonymised by `rt purge`.
    pub anonymised: Option<NaiveDate>,
    /// The user's age band at referral, kept by `rt purge` when it removes the birth date.
    pub age_band: Option<String>,
    /// When the case went on anonymously because the consent lapsed (withdrawn or expired):
    /// its identity was removed then (R2, R3).
    pub anonymous_since: Option<NaiveDate>,
    /// Who refers.
    pub referrer: Referrer,
    /// Who the case is about.
    pub user: User,
    /// R2 consent, for cases that are not anonymous.
    pub consent: Option<Consent>,
    /// R4.
    pub situation: Situation,
    /// R8, once recorded.
    pub outcome: Option<Outcome>,
    /// R9, once decided.
    pub decision: Option<Decision>,
    /// R13, once the follow-up has started.
    pub followup: Option<super::Followup>,
}

impl User {
    /// The user's age on a day, when known (from the birth date or the anonymous age).
    pub fn age_on(&self, on: NaiveDate) -> Option<i32> {
        match self {
            User::Known { born, .. } => Some(super::dates::age_on(*born, on)),
            User::Anonymous { age } => age.map(i32::from),
            User::Nobody | User::Removed => None,
        }
    }
}

impl Case {
    /// The user's age on a day, when known (from the birth date or the anonymous age).
    pub fn age_on(&self, on: NaiveDate) -> Option<i32> {
        self.user.age_on(on)
    }

    /// The age band at referral, for statistics: kept on an anonymised case, else computed.
    pub fn age_band_at_referral(&self) -> &str {
        match &self.age_band {
            Some(band) => band,
            None => super::dates::age_band(self.age_on(self.referred)),
        }
    }

    /// Whether the case is discussed without identity.
    pub fn is_anonymous(&self) -> bool {
        matches!(self.user, User::Anonymous { .. })
    }
}

/// What lists, schedules and invitations need of a case: who, when, where it stands, and the
/// consent that decides whether its identity may be shown — no texts, no outcome, no decision.
/// It is read from the top of a case file only, and there is no way to write one back: only
/// a whole [`Case`] is ever written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseSummary {
    /// The case id.
    pub id: CaseId,
    /// R1.
    pub way_in: WayIn,
    /// Where the case stands.
    pub status: Status,
    /// When it was referred.
    pub referred: NaiveDate,
    /// The meeting it is placed in, if any.
    pub meeting: Option<NaiveDate>,
    /// BTI level (0–3) for BTI cases.
    pub bti_level: Option<u8>,
    /// The user's contact persons at the centre to invite (R7), by name.
    pub invite: Vec<String>,
    /// When the case was closed.
    pub closed: Option<NaiveDate>,
    /// When the case was anonymised by `rt purge`.
    pub anonymised: Option<NaiveDate>,
    /// The user's age band at referral, when kept.
    pub age_band: Option<String>,
    /// Who refers.
    pub referrer: Referrer,
    /// Who the case is about.
    pub user: User,
    /// R2 consent.
    pub consent: Option<Consent>,
    /// The stafettholder of a follow-up that has not ended (R13).
    pub holder: Option<String>,
}

impl From<Case> for CaseSummary {
    fn from(c: Case) -> CaseSummary {
        CaseSummary {
            id: c.id,
            way_in: c.way_in,
            status: c.status,
            referred: c.referred,
            meeting: c.meeting,
            bti_level: c.bti_level,
            invite: c.invite,
            closed: c.closed,
            anonymised: c.anonymised,
            age_band: c.age_band,
            referrer: c.referrer,
            user: c.user,
            consent: c.consent,
            holder: c.followup.filter(|f| f.ended.is_none()).map(|f| f.holder),
        }
    }
}

impl CaseSummary {
    /// The age band at referral, for statistics: kept on an anonymised case, else computed.
    pub fn age_band_at_referral(&self) -> &str {
        match &self.age_band {
            Some(band) => band,
            None => super::dates::age_band(self.user.age_on(self.referred)),
        }
    }

    /// Whether the case is discussed without identity.
    pub fn is_anonymous(&self) -> bool {
        matches!(self.user, User::Anonymous { .. })
    }
}
