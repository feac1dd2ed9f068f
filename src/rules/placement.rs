//! Whether a case may be placed in a meeting: the team's weekday, the referral deadline
//! (so the invitation can go out in time, R7), and room in the meeting (R6).

use chrono::{Datelike, Duration, NaiveDate};

use super::Finding;
use crate::model::MeetingRules;
use crate::problem::Problem;

/// Findings on placing a case in the meeting on `date`, where `placed` cases already are.
pub fn check(date: NaiveDate, today: NaiveDate, rules: &MeetingRules, placed: usize) -> Vec<Finding> {
    let mut out = Vec::new();
    if date.weekday() != rules.weekday {
        out.push(Finding::error("meeting", Problem::MeetingWrongWeekday { weekday: rules.weekday }));
    }
    let earliest = today + Duration::days(i64::from(rules.referral_deadline_days));
    if date < earliest {
        out.push(Finding::error(
            "meeting",
            Problem::MeetingTooSoon { earliest, days: rules.referral_deadline_days },
        ));
    }
    if placed >= rules.cases_per_meeting as usize {
        out.push(Finding::error("meeting", Problem::MeetingFull { capacity: rules.cases_per_meeting }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::d;

    #[test]
    fn a_tuesday_after_the_deadline_with_room_is_fine() {
        let rules = MeetingRules::default(); // tuesdays, 7 days, 3 cases
        assert!(check(d(2027, 1, 19), d(2027, 1, 5), &rules, 2).is_empty());
    }

    #[test]
    fn weekday_deadline_and_capacity() {
        let rules = MeetingRules::default();
        let problems: Vec<Problem> =
            check(d(2027, 1, 14), d(2027, 1, 10), &rules, 3).into_iter().map(|f| f.problem).collect();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.contains(&Problem::MeetingWrongWeekday { weekday: chrono::Weekday::Tue }));
        assert!(problems.contains(&Problem::MeetingTooSoon { earliest: d(2027, 1, 17), days: 7 }));
        assert!(problems.contains(&Problem::MeetingFull { capacity: 3 }));
    }
}
