//! Placing cases in meetings: the earliest meeting after the referral deadline that has
//! room (R6, R7), a requested meeting checked, and the cases of a cancelled meeting moved on.
//!
//! The load of a meeting is the number of cases whose `meeting` is its date. Callers hold
//! the team lock while they count and write, so two referrals can never both take the last
//! place.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};

use crate::model::{Case, Meeting};
use crate::problem::Problem;
use crate::rules::Finding;

/// Cases placed per meeting date.
#[derive(Clone, Debug, Default)]
pub struct Load {
    counts: BTreeMap<NaiveDate, usize>,
}

impl Load {
    /// The load the cases give.
    pub fn of<'a>(cases: impl IntoIterator<Item = &'a Case>) -> Load {
        let mut counts = BTreeMap::new();
        for c in cases {
            if let Some(m) = c.meeting {
                *counts.entry(m).or_insert(0) += 1;
            }
        }
        Load { counts }
    }

    /// Counts one more case in the meeting on a date.
    pub fn add(&mut self, date: NaiveDate) {
        *self.counts.entry(date).or_insert(0) += 1;
    }

    /// Cases placed in the meeting on a date.
    pub fn on(&self, date: NaiveDate) -> usize {
        self.counts.get(&date).copied().unwrap_or(0)
    }

    /// Moves one case's place from one meeting to another.
    pub fn shift(&mut self, from: Option<NaiveDate>, to: Option<NaiveDate>) {
        if let Some(f) = from
            && let Some(n) = self.counts.get_mut(&f)
        {
            *n = n.saturating_sub(1);
        }
        if let Some(t) = to {
            *self.counts.entry(t).or_insert(0) += 1;
        }
    }
}

/// The first day a case referred on `referred` can be discussed: the deadline after it.
pub fn earliest_day(referred: NaiveDate, deadline_days: u32) -> NaiveDate {
    referred + Duration::days(i64::from(deadline_days))
}

/// Open meetings on or after `from` with room, in date order.
pub fn with_room<'m>(
    meetings: &'m [Meeting],
    from: NaiveDate,
    capacity: u32,
    load: &Load,
) -> impl Iterator<Item = &'m Meeting> {
    let mut v: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| m.is_open() && m.date >= from && load.on(m.date) < capacity as usize)
        .collect();
    v.sort_by_key(|m| m.date);
    v.into_iter()
}

/// The default follow-up of an outcome recorded at the meeting on `date`: `days` later —
/// unless a cancelled meeting is on that day, then the next open meeting (or, when none is
/// known, the day itself).
pub fn follow_up_day(meetings: &[Meeting], date: NaiveDate, days: i64) -> NaiveDate {
    let from = date + Duration::days(days);
    if meetings.iter().any(|m| m.date == from && !m.is_open()) {
        return with_room(meetings, from, u32::MAX, &Load::default()).next().map_or(from, |m| m.date);
    }
    from
}

/// The meetings with room from `from` that a consent valid through `expires` still reaches
/// (R2 in time), at most three.
pub fn before_expiry(
    meetings: &[Meeting],
    from: NaiveDate,
    expires: NaiveDate,
    capacity: u32,
    load: &Load,
) -> Vec<NaiveDate> {
    with_room(meetings, from, capacity, load)
        .take_while(|m| m.date <= expires)
        .take(3)
        .map(|m| m.date)
        .collect()
}

/// Checks a meeting a referrer asked for. An unknown, cancelled, past or full meeting is an
/// error naming the next free dates; one inside the referral deadline only a warning (the
/// referrer chose it, but the invitation may already be out).
pub fn check_requested(
    date: NaiveDate,
    meetings: &[Meeting],
    today: NaiveDate,
    deadline_days: u32,
    capacity: u32,
    load: &Load,
) -> Vec<Finding> {
    // Suggest only meetings a new case can go to: those after the referral deadline.
    let earliest = earliest_day(today, deadline_days);
    let next: Vec<NaiveDate> =
        with_room(meetings, earliest, capacity, load).take(3).map(|m| m.date).collect();
    let meeting = meetings.iter().find(|m| m.date == date);
    let problem = match meeting {
        None => Some(Problem::MeetingUnknown { date, next }),
        Some(m) if !m.is_open() => {
            Some(Problem::MeetingCancelled { date, reason: m.cancelled.clone().unwrap_or_default() })
        }
        Some(_) if date < today => Some(Problem::MeetingPast { date }),
        Some(_) if load.on(date) >= capacity as usize => Some(Problem::MeetingFull { capacity, next }),
        Some(_) => None,
    };
    if let Some(p) = problem {
        return vec![Finding::error(crate::model::Field::Meeting, p)];
    }
    if date < earliest {
        return vec![Finding::warning(
            crate::model::Field::Meeting,
            Problem::MeetingTooSoon { earliest, days: deadline_days },
        )];
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{bti_case, d, meeting};

    #[test]
    fn the_follow_up_falls_on_an_open_meeting() {
        let mut meetings: Vec<Meeting> =
            [d(2027, 1, 26), d(2027, 3, 9), d(2027, 3, 30)].map(meeting).to_vec();
        assert_eq!(follow_up_day(&meetings, d(2027, 1, 26), 42), d(2027, 3, 9));
        meetings[1].cancelled = Some("Kurs".into());
        assert_eq!(follow_up_day(&meetings, d(2027, 1, 26), 42), d(2027, 3, 30), "not a cancelled one");
        assert_eq!(follow_up_day(&meetings, d(2027, 3, 30), 42), d(2027, 5, 11), "none known: six weeks");
        assert_eq!(
            follow_up_day(&meetings, d(2027, 1, 20), 42),
            d(2027, 3, 3),
            "no meeting that day: six weeks"
        );
    }

    #[test]
    fn only_meetings_the_consent_reaches_fit() {
        let meetings: Vec<Meeting> = [d(2027, 1, 26), d(2027, 2, 16), d(2027, 3, 9)].map(meeting).to_vec();
        let load = Load::of(&placed(d(2027, 1, 26), 3));
        assert_eq!(
            before_expiry(&meetings, d(2027, 1, 12), d(2027, 2, 16), 3, &Load::default()),
            [d(2027, 1, 26), d(2027, 2, 16)]
        );
        assert_eq!(
            before_expiry(&meetings, d(2027, 1, 12), d(2027, 2, 16), 3, &load),
            [d(2027, 2, 16)],
            "not a full one"
        );
        assert!(before_expiry(&meetings, d(2027, 1, 12), d(2027, 1, 20), 3, &Load::default()).is_empty());
    }

    fn placed(date: NaiveDate, n: usize) -> Vec<Case> {
        (0..n).map(|_| Case { meeting: Some(date), ..bti_case() }).collect()
    }

    #[test]
    fn the_earliest_meeting_after_the_deadline_with_room() {
        let ms = vec![meeting(d(2027, 1, 12)), meeting(d(2027, 2, 2)), meeting(d(2027, 3, 16))];
        let cases = placed(d(2027, 2, 2), 3);
        let load = Load::of(&cases);
        // Referred 8 January: 12 January is inside the 7-day deadline; 2 February is full.
        let from = earliest_day(d(2027, 1, 8), 7);
        assert_eq!(with_room(&ms, from, 3, &load).next().map(|m| m.date), Some(d(2027, 3, 16)));
        let from = earliest_day(d(2027, 1, 5), 7);
        assert_eq!(with_room(&ms, from, 3, &load).next().map(|m| m.date), Some(d(2027, 1, 12)));
    }

    #[test]
    fn a_requested_meeting_is_checked_with_the_next_free_dates() {
        let mut ms = vec![meeting(d(2027, 1, 12)), meeting(d(2027, 2, 2)), meeting(d(2027, 3, 16))];
        ms[2].cancelled = Some("Planleggingsdag".into());
        let cases = placed(d(2027, 1, 12), 3);
        let load = Load::of(&cases);
        let today = d(2027, 1, 5);
        let problem =
            |date| check_requested(date, &ms, today, 7, 3, &load).into_iter().next().map(|f| f.problem);
        assert_eq!(
            problem(d(2027, 1, 19)),
            Some(Problem::MeetingUnknown { date: d(2027, 1, 19), next: vec![d(2027, 2, 2)] })
        );
        assert_eq!(
            problem(d(2027, 1, 12)),
            Some(Problem::MeetingFull { capacity: 3, next: vec![d(2027, 2, 2)] })
        );
        assert_eq!(
            problem(d(2027, 3, 16)),
            Some(Problem::MeetingCancelled { date: d(2027, 3, 16), reason: "Planleggingsdag".into() })
        );
        assert_eq!(problem(d(2027, 2, 2)), None);
        let late = check_requested(d(2027, 2, 2), &ms, d(2027, 1, 30), 7, 3, &load);
        assert_eq!(late.len(), 1);
        assert_eq!(late[0].severity, crate::diagnostic::Severity::Warning);
    }
}
