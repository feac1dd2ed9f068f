//! What is due (R14): one list for the leader and for each stafettholder of what needs doing
//! — invitations a week before each meeting (R7), outcomes not yet recorded after a meeting,
//! decisions awaited longer than the team's `decision_days`, evaluations reached, hand-overs
//! not yet accepted, consents about to expire, and cases due for purging. Pure: the cases,
//! meetings and settings are handed in, with today and how many days ahead to look.

use chrono::{Duration, NaiveDate};

use crate::model::{Case, CaseId, Config, Meeting, Status, User};

/// What is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueKind {
    /// The invitation to a meeting is to go out (a week before, R7).
    Invitation,
    /// A meeting has passed and the case's outcome is not recorded.
    OutcomeMissing,
    /// The user's decision is awaited longer than `decision_days`.
    DecisionLate,
    /// A measure of a follow-up plan is to be evaluated.
    Evaluation,
    /// A hand-over of the stafett waits for the new holder's answer.
    Handover,
    /// The user's consent runs out.
    ConsentExpires,
    /// A closed case is due for anonymisation.
    Purge,
}

impl DueKind {
    /// The code used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            DueKind::Invitation => "invitation",
            DueKind::OutcomeMissing => "outcome-missing",
            DueKind::DecisionLate => "decision-late",
            DueKind::Evaluation => "evaluation",
            DueKind::Handover => "handover",
            DueKind::ConsentExpires => "consent-expires",
            DueKind::Purge => "purge",
        }
    }
}

/// One thing that is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    /// The day it is due (in the past: overdue).
    pub date: NaiveDate,
    /// What it is.
    pub kind: DueKind,
    /// The case, where it concerns one.
    pub case: Option<CaseId>,
    /// The meeting, where it concerns one.
    pub meeting: Option<NaiveDate>,
    /// The measure, for an evaluation.
    pub measure: Option<String>,
    /// The stafettholder it falls to (or the proposed new holder, for a hand-over).
    pub holder: Option<String>,
    /// How many cases (for an invitation).
    pub count: usize,
}

impl Due {
    fn new(date: NaiveDate, kind: DueKind) -> Due {
        Due { date, kind, case: None, meeting: None, measure: None, holder: None, count: 0 }
    }

    fn of(date: NaiveDate, kind: DueKind, case: &Case) -> Due {
        let holder = case.followup.as_ref().filter(|f| f.ended.is_none()).map(|f| f.holder.clone());
        Due { case: Some(case.id), holder, ..Due::new(date, kind) }
    }
}

/// An evaluation made this many days before its date counts as made.
const EARLY_EVALUATION_DAYS: i64 = 30;

/// Everything due up to `today + within` days (overdue included), sorted by date.
pub fn due(cases: &[Case], meetings: &[Meeting], config: &Config, today: NaiveDate, within: u32) -> Vec<Due> {
    // Past the last date there is, everything is within reach.
    let until = today.checked_add_signed(Duration::days(i64::from(within))).unwrap_or(NaiveDate::MAX);
    let mut out = Vec::new();
    // R7: the invitation a week before each coming meeting that has cases.
    for m in meetings.iter().filter(|m| m.is_open() && m.date >= today) {
        let count =
            cases.iter().filter(|c| c.meeting == Some(m.date) && c.status == Status::Scheduled).count();
        let send = m.date - Duration::days(7);
        if count > 0 && send <= until {
            out.push(Due { meeting: Some(m.date), count, ..Due::new(send, DueKind::Invitation) });
        }
    }
    for case in cases {
        if case.status == Status::Scheduled
            && let Some(m) = case.meeting.filter(|m| *m < today)
        {
            out.push(Due { meeting: Some(m), ..Due::of(m, DueKind::OutcomeMissing, case) });
        }
        // A guidance case with no user has no user's decision to wait for.
        if case.status == Status::Discussed
            && case.user != User::Nobody
            && let Some(o) = &case.outcome
        {
            let late = o.date + Duration::days(i64::from(config.decision_days));
            if late <= until {
                out.push(Due::of(late, DueKind::DecisionLate, case));
            }
        }
        if let Some(f) = case.followup.as_ref().filter(|f| f.ended.is_none()) {
            for m in f.measures.iter().filter(|m| m.evaluate <= until && f.is_running(&m.measure)) {
                let done = f.evaluations.iter().any(|e| {
                    e.measure == m.measure && e.date >= m.evaluate - Duration::days(EARLY_EVALUATION_DAYS)
                });
                if !done {
                    out.push(Due {
                        measure: Some(m.measure.clone()),
                        ..Due::of(m.evaluate, DueKind::Evaluation, case)
                    });
                }
            }
            if let Some(h) = f.pending() {
                out.push(Due { holder: Some(h.to.clone()), ..Due::of(h.proposed, DueKind::Handover, case) });
            }
        }
        if case.status != Status::Closed
            && let Some(c) = case.consent.as_ref().filter(|c| c.withdrawn.is_none())
            && let Some(expires) = c.expires.filter(|e| *e <= until)
        {
            out.push(Due::of(expires, DueKind::ConsentExpires, case));
        }
        if case.status == Status::Closed
            && case.anonymised.is_none()
            && let Some(closed) = case.closed
        {
            let at = closed + Duration::days(i64::from(config.retention_days) + 1);
            if at <= until {
                out.push(Due { holder: None, ..Due::of(at, DueKind::Purge, case) });
            }
        }
    }
    out.sort_by(|a, b| (a.date, a.kind, a.case, &a.measure).cmp(&(b.date, b.kind, b.case, &b.measure)));
    out
}

/// What falls to a stafettholder: the cases they hold, and a hand-over proposed to them.
pub fn for_holder(all: Vec<Due>, name: &str) -> Vec<Due> {
    let name = name.trim().to_lowercase();
    all.into_iter().filter(|d| d.holder.as_deref().is_some_and(|h| h.to_lowercase() == name)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::followup::{Handover, PlannedMeasure};
    use crate::model::{Decision, Followup, Outcome};
    use crate::testing::{bti_case, config, d, meeting};

    /// However far ahead one looks, the end is a date (no overflow past the last one).
    #[test]
    fn looking_further_than_the_calendar_goes_is_looking_to_its_end() {
        let mut case = bti_case();
        case.status = Status::Scheduled;
        case.meeting = Some(d(2027, 3, 9));
        let far = due(&[case.clone()], &[meeting(d(2027, 3, 9))], &config(), d(2027, 3, 1), u32::MAX);
        let near = due(&[case], &[meeting(d(2027, 3, 9))], &config(), d(2027, 3, 1), 3660);
        assert!(!far.is_empty());
        assert_eq!(far.len(), near.len());
    }

    #[test]
    fn each_kind_is_due_on_its_day() {
        let today = d(2027, 3, 1);
        let mut scheduled = bti_case();
        scheduled.status = Status::Scheduled;
        scheduled.meeting = Some(d(2027, 3, 9));
        let mut missed = bti_case();
        missed.status = Status::Scheduled;
        missed.meeting = Some(d(2027, 2, 16));
        let outcome = Outcome {
            date: d(2027, 2, 16),
            assessment: "a".into(),
            next_step: "b".into(),
            proposed: vec![],
            level2: false,
            follow_up: None,
            coordinator: "Kari".into(),
        };
        let mut waiting = bti_case();
        waiting.status = Status::Discussed;
        waiting.outcome = Some(outcome.clone());
        let mut followed = bti_case();
        followed.status = Status::Decided;
        followed.outcome = Some(outcome);
        followed.decision =
            Some(Decision { date: d(2027, 2, 20), accepted: vec![], declined: vec![], changes: vec![] });
        let mut f = Followup::new(d(2027, 2, 21), "Kari");
        f.measures.push(PlannedMeasure {
            measure: "kurs".into(),
            responsible: "Nina".into(),
            evaluate: d(2027, 3, 5),
            goal: None,
        });
        f.handovers.push(Handover {
            from: "Kari".into(),
            to: "Per".into(),
            proposed: d(2027, 2, 28),
            answer: None,
        });
        followed.followup = Some(f);
        let cases = [scheduled, missed, waiting, followed];
        let all = due(&cases, &[meeting(d(2027, 3, 9))], &config(), today, 7);
        let kinds: Vec<(NaiveDate, DueKind)> = all.iter().map(|d| (d.date, d.kind)).collect();
        assert_eq!(
            kinds,
            [
                (d(2027, 2, 16), DueKind::OutcomeMissing),
                (d(2027, 2, 28), DueKind::Handover),
                (d(2027, 3, 2), DueKind::Invitation),
                (d(2027, 3, 2), DueKind::DecisionLate),
                (d(2027, 3, 5), DueKind::Evaluation),
            ]
        );
        // Looking less far ahead leaves out what comes later.
        assert_eq!(due(&cases, &[meeting(d(2027, 3, 9))], &config(), today, 0).len(), 2);
        // Per holder: the evaluation is Kari's; the hand-over is Per's to answer.
        let kari: Vec<DueKind> = for_holder(all.clone(), "kari").iter().map(|d| d.kind).collect();
        assert_eq!(kari, [DueKind::Evaluation]);
        let per: Vec<DueKind> = for_holder(all, "Per").iter().map(|d| d.kind).collect();
        assert_eq!(per, [DueKind::Handover]);
    }
}
