//! The dates of a case's meeting and of its outcome (R6, R8).
//!
//! A case's meeting is a day of the team's schedule: never far ahead (a year from today at
//! most, like every other date — `9999-05-11` is a typo, and no schedule would show the case).
//! Its outcome is what the team said *in* a meeting: never dated before the case's own
//! meeting, and — when the half-year of the date is published — only on a meeting that took
//! place (not cancelled). `rt record --date` is refused with the meeting dates that would fit;
//! `rt check` flags an outcome dated before its meeting in a hand-edited file.

use chrono::NaiveDate;

use super::Finding;
use super::case::latest_date;
use crate::model::dates::Half;
use crate::model::{Case, Field, Schedule};
use crate::problem::Problem;

/// How many fitting meeting dates a refusal names.
const FITS_SHOWN: usize = 5;

/// Findings on the meeting and outcome dates of a case file, judged on `today`.
pub fn check(case: &Case, today: NaiveDate, out: &mut Vec<Finding>) {
    let latest = latest_date(today);
    if let Some(meeting) = case.meeting.filter(|m| *m > latest) {
        out.push(Finding::error(
            Field::Meeting,
            Problem::DateOutOfRange { date: meeting, from: case.referred, to: latest },
        ));
    }
    if let (Some(meeting), Some(outcome)) = (case.meeting, &case.outcome)
        && outcome.date < meeting
    {
        out.push(Finding::error(
            Field::OutcomeDate,
            Problem::OutcomeBeforeMeeting { date: outcome.date, meeting, fits: Vec::new() },
        ));
    }
}

/// Whether a finding only follows from an outcome date out of range among `all`: the
/// follow-up and evaluation dates lie weeks after the outcome date (`rt record` derives them
/// from it), so they are out of range with it, and saying so again names a flag never given.
pub fn follows_from_outcome_date(finding: &Finding, all: &[Finding]) -> bool {
    let date_wrong =
        |f: &Finding| f.field == Field::OutcomeDate && matches!(f.problem, Problem::DateOutOfRange { .. });
    matches!(finding.field, Field::FollowUp | Field::ProposedEvaluate(_))
        && matches!(finding.problem, Problem::DateOutOfRange { .. })
        && all.iter().any(date_wrong)
}

/// The meetings an outcome of `case` could be dated on: the open meetings of the published
/// half-years in `published`, from the case's meeting up to today (or the meeting, if later).
pub fn fitting_meetings(case: &Case, published: &[Schedule], today: NaiveDate) -> Vec<NaiveDate> {
    let Some(meeting) = case.meeting else { return Vec::new() };
    let mut dates: Vec<NaiveDate> = published
        .iter()
        .filter(|s| s.published.is_some())
        .flat_map(|s| s.meetings.iter())
        .filter(|m| m.is_open() && m.date >= meeting && m.date <= today.max(meeting))
        .map(|m| m.date)
        .collect();
    dates.sort();
    dates.dedup();
    dates.truncate(FITS_SHOWN);
    dates
}

/// Whether an outcome of `case` may be dated `date`: not before the case's meeting, and on an
/// open meeting when the half-year of `date` is published (among `published`).
pub fn outcome_date(
    case: &Case,
    date: NaiveDate,
    published: &[Schedule],
    today: NaiveDate,
) -> Result<(), Problem> {
    let Some(meeting) = case.meeting else { return Ok(()) };
    let fits = || fitting_meetings(case, published, today);
    if date < meeting {
        return Err(Problem::OutcomeBeforeMeeting { date, meeting, fits: fits() });
    }
    let half = published.iter().find(|s| s.half == Half::of(date) && s.published.is_some());
    if let Some(schedule) = half
        && !schedule.on(date).is_some_and(|m| m.is_open())
    {
        return Err(Problem::OutcomeNotOnMeeting { date, fits: fits() });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::plan::planned;
    use crate::testing::{bti_case, config, d};

    fn published() -> Schedule {
        let mut s = planned(Half::parse("2027H1").unwrap(), &config());
        s.published = Some(d(2026, 11, 23));
        s
    }

    fn in_meeting(date: NaiveDate) -> Case {
        Case { meeting: Some(date), ..bti_case() }
    }

    #[test]
    fn a_meeting_far_ahead_and_an_outcome_before_the_meeting_are_flagged() {
        let mut case = in_meeting(d(9999, 5, 11));
        let mut out = Vec::new();
        check(&case, d(2027, 1, 20), &mut out);
        assert_eq!(
            out,
            [Finding::error(
                Field::Meeting,
                Problem::DateOutOfRange { date: d(9999, 5, 11), from: case.referred, to: d(2028, 1, 20) }
            )]
        );
        case.meeting = Some(d(2027, 3, 9));
        case.outcome = Some(crate::model::Outcome {
            date: d(2027, 1, 20),
            assessment: "Vurdert.".into(),
            next_step: "Ring.".into(),
            proposed: Vec::new(),
            level2: false,
            follow_up: None,
            coordinator: String::new(),
        });
        let mut out = Vec::new();
        check(&case, d(2027, 3, 10), &mut out);
        assert_eq!(
            out,
            [Finding::error(
                Field::OutcomeDate,
                Problem::OutcomeBeforeMeeting { date: d(2027, 1, 20), meeting: d(2027, 3, 9), fits: vec![] }
            )]
        );
    }

    #[test]
    fn an_outcome_is_dated_on_a_held_meeting_from_the_case_s_own_on() {
        let schedule = published();
        let meetings: Vec<NaiveDate> = schedule.by_date().iter().map(|m| m.date).collect();
        let (first, second, third) = (meetings[0], meetings[1], meetings[2]);
        let case = in_meeting(second);
        let today = third;
        let all = [schedule.clone()];
        assert_eq!(outcome_date(&case, second, &all, today), Ok(()));
        assert_eq!(outcome_date(&case, third, &all, today), Ok(()), "discussed again later");
        assert_eq!(
            outcome_date(&case, first, &all, today),
            Err(Problem::OutcomeBeforeMeeting { date: first, meeting: second, fits: vec![second, third] })
        );
        let off = second + chrono::Duration::days(1);
        assert_eq!(
            outcome_date(&case, off, &all, today),
            Err(Problem::OutcomeNotOnMeeting { date: off, fits: vec![second, third] })
        );
        // A cancelled meeting is no meeting.
        let mut cancelled = schedule.clone();
        cancelled.meetings.iter_mut().find(|m| m.date == third).unwrap().cancelled = Some("Syk".into());
        assert_eq!(
            outcome_date(&case, third, &[cancelled], today),
            Err(Problem::OutcomeNotOnMeeting { date: third, fits: vec![second] })
        );
        // Not published: only the lower bound holds.
        assert_eq!(outcome_date(&case, off, &[], today), Ok(()));
        assert!(outcome_date(&case, first, &[], today).is_err());
    }
}
