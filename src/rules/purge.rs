//! Keeping as little as the work needs, for as short as it needs (GDPR art. 5 and 9): a
//! case closed longer ago than the retention period is anonymised. Its identity, every name
//! and every free text go; what the half-year statistics need stays — way in, units, dates,
//! age band, BTI level, measures proposed and accepted, status — so `rt report` gives the
//! same figures before and after.

use chrono::{Duration, NaiveDate};

use crate::model::followup::{Evaluation, Goal, Participant, PlannedMeasure};
use crate::model::{Case, Followup, Outcome, Referrer, Situation, Status, User};

/// Whether a case is due to be anonymised on `today`.
pub fn due(case: &Case, retention_days: u32, today: NaiveDate) -> bool {
    case.status == Status::Closed
        && case.anonymised.is_none()
        && case.closed.is_some_and(|closed| closed + Duration::days(i64::from(retention_days)) < today)
}

/// The case with everything personal removed, marked with the day it was anonymised.
pub fn anonymise(case: &Case, today: NaiveDate) -> Case {
    Case {
        user: match case.user {
            User::Known { .. } | User::Removed => User::Removed,
            User::Anonymous { .. } => User::Anonymous { age: None },
            User::Nobody => User::Nobody,
        },
        age_band: Some(case.age_band_at_referral().to_string()),
        referrer: Referrer { name: String::new(), unit: case.referrer.unit.clone() },
        invite: Vec::new(),
        consent: None,
        leader_consulted: None,
        situation: Situation::default(),
        outcome: case.outcome.as_ref().map(|o| Outcome {
            assessment: String::new(),
            next_step: String::new(),
            coordinator: String::new(),
            ..o.clone()
        }),
        closed_reason: String::new(),
        anonymised: Some(today),
        // The follow-up keeps its dates, measures and verdicts (the report counts them) and
        // loses every name and text; the log and the hand-overs go.
        followup: case.followup.as_ref().map(|f| Followup {
            holder: String::new(),
            goals: f.goals.iter().map(|g| Goal { text: String::new(), ..g.clone() }).collect(),
            measures: f
                .measures
                .iter()
                .map(|m| PlannedMeasure { responsible: String::new(), ..m.clone() })
                .collect(),
            participants: f
                .participants
                .iter()
                .map(|p| Participant { task: String::new(), ..p.clone() })
                .collect(),
            handovers: Vec::new(),
            log: Vec::new(),
            evaluations: f
                .evaluations
                .iter()
                .map(|e| Evaluation { note: String::new(), ..e.clone() })
                .collect(),
            ..f.clone()
        }),
        ..case.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{bti_case, d};

    fn closed(on: NaiveDate) -> Case {
        Case { status: Status::Closed, closed: Some(on), ..bti_case() }
    }

    #[test]
    fn due_after_the_retention_period_only() {
        let c = closed(d(2027, 1, 1));
        assert!(!due(&c, 180, d(2027, 6, 30)), "day 180 is still inside");
        assert!(due(&c, 180, d(2027, 7, 1)));
        assert!(!due(&bti_case(), 180, d(2030, 1, 1)), "open cases are never purged");
        let done = anonymise(&c, d(2027, 7, 1));
        assert!(!due(&done, 180, d(2030, 1, 1)), "once is enough");
    }

    #[test]
    fn nothing_personal_is_left_and_the_statistics_stay() {
        let mut c = closed(d(2027, 1, 1));
        c.invite = vec!["Nina Berg".into()];
        c.closed_reason = "Flyttet".into();
        let a = anonymise(&c, d(2027, 7, 1));
        assert_eq!(a.user, User::Removed);
        assert_eq!(a.age_band.as_deref(), Some("6-12"), "7 years old at referral");
        assert!(a.referrer.name.is_empty() && a.invite.is_empty() && a.consent.is_none());
        assert_eq!(a.situation, Situation::default());
        assert!(a.closed_reason.is_empty());
        assert_eq!(
            (a.id, a.way_in, a.referred, a.bti_level, a.status),
            (c.id, c.way_in, c.referred, c.bti_level, c.status)
        );
        assert_eq!(a.referrer.unit, c.referrer.unit);
        assert_eq!(a.anonymised, Some(d(2027, 7, 1)));
    }
}
