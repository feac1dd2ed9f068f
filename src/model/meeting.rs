//! A team meeting, and the schedule of a half-year: planned from the rules, or published and
//! fixed in `meetings/H.toml` (R6).

use chrono::{Duration, NaiveDate, NaiveTime};

use super::CaseId;
use super::dates::Half;

/// The schema version of `meetings/H.toml` this `rt` understands.
pub const MEETINGS_SCHEMA: u32 = 1;

/// One meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meeting {
    /// The day.
    pub date: NaiveDate,
    /// Start time, Europe/Oslo.
    pub start: NaiveTime,
    /// Length in minutes.
    pub minutes: u32,
    /// Where.
    pub place: String,
    /// The calendar UID: stable through moves, so a calendar updates the event.
    pub uid: String,
    /// Bumped on every change, so calendars take the newer version (RFC 5545 SEQUENCE).
    pub sequence: u32,
    /// Why it was cancelled, if it was.
    pub cancelled: Option<String>,
    /// The day it was first set for, if it was moved.
    pub moved_from: Option<NaiveDate>,
    /// Who was there, once stored (by the first referat after the meeting, or
    /// `rt minutes --absent/--guest`).
    pub attendance: Option<Attendance>,
}

/// Who was at a held meeting, by name as `rt.toml` has them: the standing members present and
/// absent, and the guests (an employee who brought a case, a contact the user wanted there)
/// with the cases they came for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attendance {
    /// Standing members who were there.
    pub present: Vec<String>,
    /// Those expected who were not: standing members, or invited guests who did not come.
    pub absent: Vec<String>,
    /// Guests who were there.
    pub guests: Vec<String>,
    /// The case(s) each guest (present or absent) came for, by name; an empty list is the
    /// whole meeting. A guest missing here was stored by an older `rt` (see
    /// `rules::attendance`).
    pub came_for: Vec<(String, Vec<CaseId>)>,
}

impl Meeting {
    /// The end time.
    pub fn end(&self) -> NaiveTime {
        self.start + Duration::minutes(i64::from(self.minutes))
    }

    /// Whether the meeting takes place (is not cancelled).
    pub fn is_open(&self) -> bool {
        self.cancelled.is_none()
    }
}

/// The meetings of a half-year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// Which half-year.
    pub half: Half,
    /// When it was published; `None` while it is only planned from the rules.
    pub published: Option<NaiveDate>,
    /// The meetings, in the file's order (see [`Schedule::by_date`]).
    pub meetings: Vec<Meeting>,
}

impl Schedule {
    /// The meetings in date order.
    pub fn by_date(&self) -> Vec<&Meeting> {
        let mut v: Vec<&Meeting> = self.meetings.iter().collect();
        v.sort_by_key(|m| m.date);
        v
    }

    /// The meeting on a date.
    pub fn on(&self, date: NaiveDate) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.date == date)
    }
}

/// A calendar UID for a team's meeting first set for `date`: the date and a short hash of
/// the team's name, so two teams' calendars never clash. No personal data.
pub fn uid_for(team: &str, date: NaiveDate) -> String {
    // FNV-1a, 32 bits: stable across versions and platforms, unlike std's hasher.
    let hash = team.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    format!("{}-{hash:08x}@ressursteam.rt", date.format("%Y%m%d"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::d;

    #[test]
    fn uids_are_stable_and_differ_between_teams() {
        let a = uid_for("Ressursteam Eikvik", d(2027, 1, 12));
        assert_eq!(a, uid_for("Ressursteam Eikvik", d(2027, 1, 12)));
        assert!(a.starts_with("20270112-") && a.ends_with("@ressursteam.rt"), "{a}");
        assert_ne!(a, uid_for("Ressursteam Nordby", d(2027, 1, 12)));
    }
}
