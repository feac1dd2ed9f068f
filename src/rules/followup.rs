//! The rules of the follow-up (R13): when it may start, who may take part, and what its
//! entries must hold. Pure: the commands `rt plan`, `rt stafett`, `rt logg` and `rt close`
//! change a [`Followup`], and [`check`] (part of every case's check) judges the result.

use chrono::NaiveDate;

use super::Finding;
use super::case::{RuleContext, check_text, check_unit, latest_date};
use super::consent::{self, Lapse};
use super::text::{MAX_NAME, MAX_TEXT};
use crate::model::{Case, Field, Followup, Status, User};
use crate::problem::Problem;

/// Whether a follow-up may start: after the user's decision (R9, R13).
pub fn may_start(case: &Case) -> Result<(), Problem> {
    match case.status {
        Status::Decided => Ok(()),
        Status::Closed => Err(Problem::FollowupOnClosed),
        status => Err(Problem::FollowupBeforeDecision { status }),
    }
}

/// Whether the user's consent covers a service joining the follow-up on a day (R2, R13): the
/// referring unit always; another unit only when the consent names it and still holds.
pub fn consent_covers(case: &Case, unit: &str, on: NaiveDate) -> Result<(), Problem> {
    if unit == case.referrer.unit {
        return Ok(());
    }
    let named = |why| Problem::ConsentDoesNotCover { unit: unit.to_string(), why };
    match (&case.user, &case.consent, consent::lapse(case, on)) {
        (User::Known { .. }, _, Some(Lapse::Withdrawn(_))) => Err(named(ConsentGap::Withdrawn)),
        (User::Known { .. }, _, Some(Lapse::Expired(_))) => Err(named(ConsentGap::Expired)),
        (User::Known { .. }, Some(c), None) if c.units.iter().any(|u| u == unit) => Ok(()),
        (User::Known { .. }, ..) => Err(named(ConsentGap::NotNamed)),
        // Anonymous and guidance cases carry no consent: no other service joins by name.
        _ => Err(named(ConsentGap::NoConsent)),
    }
}

/// Why the consent does not cover a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsentGap {
    /// The consent does not name the unit.
    NotNamed,
    /// The consent was withdrawn.
    Withdrawn,
    /// The consent has expired.
    Expired,
    /// The case has no consent (anonymous, or no user).
    NoConsent,
}

/// Every finding on a case's follow-up.
pub fn check(case: &Case, cx: &RuleContext, out: &mut Vec<Finding>) {
    let Some(f) = &case.followup else { return };
    if matches!(case.status, Status::Referred | Status::Scheduled | Status::Discussed) {
        out.push(Finding::error(Field::Holder, Problem::FollowupBeforeDecision { status: case.status }));
    }
    check_text(Field::Holder, &f.holder, MAX_NAME, out);
    let latest = latest_date(cx.today);
    let within = |field: Field, date: NaiveDate, to: NaiveDate, out: &mut Vec<Finding>| {
        if date < f.started || date > to {
            out.push(Finding::error(field, Problem::DateOutOfRange { date, from: f.started, to }));
        }
    };
    for (i, g) in f.goals.iter().enumerate() {
        check_text(Field::Goal(i), &g.text, MAX_TEXT, out);
    }
    for (i, m) in f.measures.iter().enumerate() {
        if let Some(bank) = cx.measures
            && !bank.knows(&m.measure)
        {
            let suggestion = crate::suggest::closest(&m.measure, bank.measures.iter().map(|m| m.id.as_str()));
            out.push(Finding::error(
                Field::PlanMeasure(i),
                Problem::UnknownMeasure { id: m.measure.clone(), suggestion },
            ));
        }
        check_text(Field::Responsible(i), &m.responsible, MAX_NAME, out);
        within(Field::PlanEvaluate(i), m.evaluate, latest, out);
        if let Some(n) = m.goal.filter(|n| *n as usize > f.goals.len() || *n == 0) {
            out.push(Finding::error(
                Field::PlanGoal(i),
                Problem::NoSuchGoal { number: n, goals: f.goals.len() },
            ));
        }
    }
    for (i, p) in f.participants.iter().enumerate() {
        check_unit(&p.unit, Field::Participant(i), cx, out);
        // Judged on the day it joined; an anonymised case keeps no consent to judge by.
        if cx.config.unit(&p.unit).is_some()
            && case.anonymised.is_none()
            && let Err(problem) = consent_covers(case, &p.unit, p.joined)
        {
            out.push(Finding::error(Field::Participant(i), problem));
        }
        check_text(Field::Task(i), &p.task, MAX_TEXT, out);
        within(Field::Participant(i), p.joined, cx.today, out);
    }
    for (i, h) in f.handovers.iter().enumerate() {
        check_text(Field::HandoverTo(i), &h.to, MAX_NAME, out);
    }
    for (i, e) in f.log.iter().enumerate() {
        check_text(Field::LogText(i), &e.text, MAX_TEXT, out);
        check_text(Field::LogBy(i), &e.by, MAX_NAME, out);
        within(Field::LogDate(i), e.date, cx.today, out);
    }
    for (i, e) in f.evaluations.iter().enumerate() {
        if !f.measures.iter().any(|m| m.measure == e.measure) {
            out.push(Finding::error(Field::Evaluated(i), Problem::NotInPlan { measure: e.measure.clone() }));
        }
        check_text(Field::EvaluationNote(i), &e.note, MAX_TEXT, out);
    }
    if let Some((date, _)) = f.ended {
        within(Field::FollowupClosed, date, latest, out);
    }
}

/// The holder a follow-up starts with: the coordinator the team named, else the referrer.
pub fn first_holder(case: &Case) -> String {
    case.outcome
        .as_ref()
        .map(|o| o.coordinator.clone())
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| case.referrer.name.clone())
}

/// The case's follow-up, started now if it has none (after the decision only).
pub fn started(case: &mut Case, today: NaiveDate) -> Result<&mut Followup, Problem> {
    if case.followup.is_none() {
        may_start(case)?;
        case.followup = Some(Followup::new(today, &first_holder(case)));
    }
    let f = case.followup.as_mut().expect("just made sure");
    if f.ended.is_some() {
        return Err(Problem::FollowupEnded);
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Consent, ConsentBy};
    use crate::testing::{bti_case, d};

    fn consented(units: &[&str]) -> Case {
        let mut case = bti_case();
        case.consent = Some(Consent {
            given_by: ConsentBy::Guardian,
            date: d(2027, 1, 5),
            units: units.iter().map(|u| u.to_string()).collect(),
            expires: Some(d(2027, 6, 30)),
            withdrawn: None,
        });
        case
    }

    #[test]
    fn consent_covers_the_referring_unit_and_the_units_it_names_while_it_holds() {
        let case = consented(&["barnevern"]);
        assert_eq!(consent_covers(&case, &case.referrer.unit.clone(), d(2027, 3, 1)), Ok(()));
        assert_eq!(consent_covers(&case, "barnevern", d(2027, 3, 1)), Ok(()));
        let gap = |unit: &str, on| match consent_covers(&case, unit, on) {
            Err(Problem::ConsentDoesNotCover { why, .. }) => Some(why),
            _ => None,
        };
        assert_eq!(gap("nav", d(2027, 3, 1)), Some(ConsentGap::NotNamed));
        assert_eq!(gap("barnevern", d(2027, 7, 1)), Some(ConsentGap::Expired));
        let mut withdrawn = case.clone();
        withdrawn.consent.as_mut().unwrap().withdrawn = Some(d(2027, 2, 1));
        assert!(matches!(
            consent_covers(&withdrawn, "barnevern", d(2027, 3, 1)),
            Err(Problem::ConsentDoesNotCover { why: ConsentGap::Withdrawn, .. })
        ));
    }

    #[test]
    fn a_follow_up_starts_after_the_decision_with_the_coordinator_as_holder() {
        let mut case = consented(&[]);
        assert!(matches!(started(&mut case, d(2027, 2, 1)), Err(Problem::FollowupBeforeDecision { .. })));
        case.status = Status::Decided;
        let f = started(&mut case, d(2027, 2, 1)).unwrap();
        assert_eq!(f.holder, first_holder(&bti_case()));
        assert_eq!(f.started, d(2027, 2, 1));
    }
}
