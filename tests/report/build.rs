//! Case files with just what `rt report` reads, for folders whose figures are counted by hand
//! or generated at random; the report run on such a folder, as JSON.

use chrono::NaiveDate;
use rt::model::{
    Case, CaseId, Consent, ConsentBy, Decision, Outcome, Proposal, Referrer, Situation, Status, User, WayIn,
};
use serde_json::Value;

use crate::common::*;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A meeting's day, its proposals (measure, unit) and whether the case was lifted to level 2.
pub type Discussion = (NaiveDate, Vec<(String, String)>, bool);

/// A case: its id holds the referral date; the rest is dated where it happened.
#[derive(Clone, Debug)]
pub struct Spec {
    pub id: String,
    pub way: WayIn,
    pub unit: String,
    pub user: User,
    pub discussed: Option<Discussion>,
    /// The decision's day and the measures accepted.
    pub decided: Option<(NaiveDate, Vec<String>)>,
    pub closed: Option<NaiveDate>,
    pub anonymised: Option<NaiveDate>,
}

impl Spec {
    pub fn new(id: &str, way: WayIn, unit: &str, user: User) -> Spec {
        Spec {
            id: id.into(),
            way,
            unit: unit.into(),
            user,
            discussed: None,
            decided: None,
            closed: None,
            anonymised: None,
        }
    }

    pub fn discussed(mut self, on: &str, proposed: &[(&str, &str)], level2: bool) -> Spec {
        let p = proposed.iter().map(|(m, u)| (m.to_string(), u.to_string())).collect();
        self.discussed = Some((d(on), p, level2));
        self
    }

    pub fn decided(mut self, on: &str, accepted: &[&str]) -> Spec {
        self.decided = Some((d(on), accepted.iter().map(|a| a.to_string()).collect()));
        self
    }

    pub fn closed(mut self, on: &str) -> Spec {
        self.closed = Some(d(on));
        self
    }

    pub fn anonymised(mut self, on: &str) -> Spec {
        self.anonymised = Some(d(on));
        self
    }

    pub fn case(&self) -> Case {
        let referred = d(&self.id[..10]);
        let known = matches!(self.user, User::Known { .. });
        let status = if self.closed.is_some() {
            Status::Closed
        } else if self.decided.is_some() {
            Status::Decided
        } else if self.discussed.is_some() {
            Status::Discussed
        } else {
            Status::Referred
        };
        Case {
            schema: 1,
            id: CaseId::parse(&self.id).unwrap(),
            way_in: self.way,
            status,
            referred,
            meeting: self.discussed.as_ref().map(|(m, _, _)| *m),
            bti_level: (self.way == WayIn::Bti).then_some(1),
            leader_consulted: known.then_some(referred),
            invite: vec![],
            closed: self.closed,
            closed_reason: String::new(),
            anonymised: self.anonymised,
            age_band: None,
            anonymous_since: None,
            referrer: Referrer { name: "Marit Haugen".into(), unit: self.unit.clone() },
            user: self.user.clone(),
            consent: known.then(|| Consent {
                given_by: ConsentBy::Guardian,
                date: referred,
                units: vec![],
                expires: None,
                withdrawn: None,
            }),
            situation: Situation {
                concern: "x".into(),
                tried: "y".into(),
                wishes: "z".into(),
                question: String::new(),
            },
            outcome: self.discussed.as_ref().map(|(m, proposed, level2)| Outcome {
                date: *m,
                assessment: "a".into(),
                next_step: "b".into(),
                proposed: proposed
                    .iter()
                    .map(|(measure, unit)| Proposal {
                        measure: measure.clone(),
                        unit: unit.clone(),
                        evaluate: None,
                    })
                    .collect(),
                level2: *level2,
                follow_up: None,
                coordinator: "Marit Haugen".into(),
            }),
            decision: self.decided.as_ref().map(|(on, accepted)| Decision {
                date: *on,
                accepted: accepted.clone(),
                declined: vec![],
                changes: vec![],
            }),
            followup: None,
        }
    }
}

pub fn known(born: &str) -> User {
    User::Known { initials: "A.B.".into(), born: d(born) }
}

/// A team folder with these cases; small numbers hidden or not.
pub fn team_with(specs: &[Spec], small_numbers: bool) -> Team {
    let team = Team::new();
    set_small_numbers(&team, small_numbers);
    for s in specs {
        team.write(
            &format!("cases/{}/{}.toml", &s.id[..4], s.id),
            &rt::store::case_file::new_text(&s.case()),
        );
    }
    team
}

/// Turns hiding on or off in a folder made by [`team_with`].
pub fn set_small_numbers(team: &Team, on: bool) {
    let config = if on {
        CONFIG.to_string()
    } else {
        CONFIG.replace("consent_age = 16", "consent_age = 16\nsmall_numbers = false")
    };
    team.write("rt.toml", &config);
}

/// `rt report --format json` for a half-year as of a day, with any further flags.
pub fn report_json(team: &Team, half: &str, today: &str) -> Value {
    let out = team.rt(["report", "--half", half, "--format", "json", "--today", today]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}
