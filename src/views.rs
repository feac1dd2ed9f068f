//! What commands show of a case, as plain serialisable data with stable English field
//! names. Renderers (text tables, JSON) work from these, never from files.
//!
//! Each view carries only what its command needs: a list row has no birth date and no
//! texts; only `rt show` gives the whole case.

use serde::Serialize;

use crate::model::dates::Half;
use crate::model::{Case, CaseSummary, User};

/// One row of `rt list`.
#[derive(Serialize, Debug)]
pub struct CaseRow {
    pub id: String,
    pub status: &'static str,
    pub way_in: &'static str,
    pub referred: String,
    pub half: String,
    pub meeting: Option<String>,
    pub unit: String,
    pub bti_level: Option<u8>,
    pub anonymous: bool,
    /// Initials only (never the birth date), so the leader can recognise the case.
    pub initials: Option<String>,
    pub age_band: String,
}

impl CaseRow {
    /// The row of a case; ages are taken on the referral date. The initials are left out
    /// once the consent no longer holds on `today`.
    pub fn of(case: &CaseSummary, today: chrono::NaiveDate) -> CaseRow {
        CaseRow {
            id: case.id.to_string(),
            status: case.status.code(),
            way_in: case.way_in.code(),
            referred: case.referred.to_string(),
            half: Half::of(case.referred).to_string(),
            meeting: case.meeting.map(|d| d.to_string()),
            unit: case.referrer.unit.clone(),
            bti_level: case.bti_level,
            anonymous: case.is_anonymous(),
            initials: match &case.user {
                User::Known { initials, .. } if crate::rules::consent::identity_allowed(case, today) => {
                    Some(initials.clone())
                }
                _ => None,
            },
            age_band: case.age_band_at_referral().to_string(),
        }
    }
}

/// The whole case, for `rt show --format json`.
#[derive(Serialize, Debug)]
pub struct CaseDetail {
    pub schema: u32,
    pub id: String,
    pub way_in: &'static str,
    pub status: &'static str,
    pub referred: String,
    pub meeting: Option<String>,
    pub bti_level: Option<u8>,
    pub leader_consulted: Option<String>,
    pub invite: Vec<String>,
    pub closed: Option<String>,
    pub closed_reason: String,
    pub anonymised: Option<String>,
    pub referrer: ReferrerView,
    pub user: UserView,
    pub consent: Option<ConsentView>,
    pub situation: SituationView,
    pub outcome: Option<OutcomeView>,
    pub decision: Option<DecisionView>,
    /// When the case went on anonymously because the consent lapsed.
    pub anonymous_since: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct ReferrerView {
    pub name: String,
    pub unit: String,
}

#[derive(Serialize, Debug)]
pub struct UserView {
    pub kind: &'static str,
    pub initials: Option<String>,
    pub born: Option<String>,
    pub age: Option<u8>,
    /// A known user whose consent no longer holds: initials and birth date are left out.
    pub hidden: bool,
}

#[derive(Serialize, Debug)]
pub struct ConsentView {
    pub given_by: &'static str,
    pub date: String,
    pub units: Vec<String>,
    pub expires: Option<String>,
    pub withdrawn: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct SituationView {
    pub concern: String,
    pub tried: String,
    pub wishes: String,
    pub question: String,
}

#[derive(Serialize, Debug)]
pub struct ProposalView {
    pub measure: String,
    pub unit: String,
    pub evaluate: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct OutcomeView {
    pub date: String,
    pub assessment: String,
    pub next_step: String,
    pub proposed: Vec<ProposalView>,
    pub level2: bool,
    pub follow_up: Option<String>,
    pub coordinator: String,
}

#[derive(Serialize, Debug)]
pub struct DecisionView {
    pub date: String,
    pub accepted: Vec<String>,
    pub declined: Vec<String>,
    /// Answers changed later, oldest first.
    pub changes: Vec<ChangeView>,
}

#[derive(Serialize, Debug)]
pub struct ChangeView {
    pub date: String,
    pub measure: String,
    /// `accepted` or `declined`: the answer it was changed to.
    pub to: &'static str,
}

fn s<T: ToString>(v: Option<T>) -> Option<String> {
    v.map(|x| x.to_string())
}

impl CaseDetail {
    /// The full view of a case.
    pub fn of(c: &Case) -> CaseDetail {
        CaseDetail {
            schema: c.schema,
            id: c.id.to_string(),
            way_in: c.way_in.code(),
            status: c.status.code(),
            referred: c.referred.to_string(),
            meeting: s(c.meeting),
            bti_level: c.bti_level,
            leader_consulted: s(c.leader_consulted),
            invite: c.invite.clone(),
            closed: s(c.closed),
            closed_reason: c.closed_reason.clone(),
            anonymised: s(c.anonymised),
            referrer: ReferrerView { name: c.referrer.name.clone(), unit: c.referrer.unit.clone() },
            user: match &c.user {
                User::Known { initials, born } => UserView {
                    kind: "known",
                    initials: Some(initials.clone()),
                    born: Some(born.to_string()),
                    age: None,
                    hidden: false,
                },
                User::Anonymous { age } => {
                    UserView { kind: "anonymous", initials: None, born: None, age: *age, hidden: false }
                }
                User::Nobody => {
                    UserView { kind: "none", initials: None, born: None, age: None, hidden: false }
                }
                User::Removed => {
                    UserView { kind: "removed", initials: None, born: None, age: None, hidden: false }
                }
            },
            consent: c.consent.as_ref().map(|k| ConsentView {
                given_by: k.given_by.code(),
                date: k.date.to_string(),
                units: k.units.clone(),
                expires: s(k.expires),
                withdrawn: s(k.withdrawn),
            }),
            situation: SituationView {
                concern: c.situation.concern.clone(),
                tried: c.situation.tried.clone(),
                wishes: c.situation.wishes.clone(),
                question: c.situation.question.clone(),
            },
            outcome: c.outcome.as_ref().map(|o| OutcomeView {
                date: o.date.to_string(),
                assessment: o.assessment.clone(),
                next_step: o.next_step.clone(),
                proposed: o
                    .proposed
                    .iter()
                    .map(|p| ProposalView {
                        measure: p.measure.clone(),
                        unit: p.unit.clone(),
                        evaluate: s(p.evaluate),
                    })
                    .collect(),
                level2: o.level2,
                follow_up: s(o.follow_up),
                coordinator: o.coordinator.clone(),
            }),
            decision: c.decision.as_ref().map(|d| DecisionView {
                date: d.date.to_string(),
                accepted: d.accepted.clone(),
                declined: d.declined.clone(),
                changes: d
                    .changes
                    .iter()
                    .map(|c| ChangeView {
                        date: c.date.to_string(),
                        measure: c.measure.clone(),
                        to: c.to.code(),
                    })
                    .collect(),
            }),
            anonymous_since: s(c.anonymous_since),
        }
    }

    /// The view with the user's initials and birth date left out, when `hidden` (the consent
    /// no longer holds).
    pub fn hiding_identity(mut self, hidden: bool) -> CaseDetail {
        if hidden {
            self.user.initials = None;
            self.user.born = None;
            self.user.hidden = true;
        }
        self
    }
}
