//! What `rt.toml` may say about the meetings: pure judgements the reader of the file
//! (`store::config_file`) applies with the position of each value.
//!
//! Meetings are on working days (mandag–fredag) and end before midnight; a first meeting
//! of a half-year lies in that half-year, on the meeting day; and a date the team writes in `rt.toml` (a closed
//! day, a first meeting) lies between 2000 and 2100 — the file is read before any "today" is
//! known, so the bound is fixed rather than a year from today as in a case.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

use crate::problem::Problem;

/// The working days, as `rt.toml` spells them.
pub const WORKING_DAYS: [&str; 5] = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"];

/// The years a date in `rt.toml` may fall in.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A meeting day that is no working day.
pub fn meeting_day(day: Weekday, written: &str) -> Result<(), Problem> {
    match day {
        Weekday::Sat | Weekday::Sun => {
            Err(Problem::MeetingDayNotWorkingDay { value: written.trim().to_string() })
        }
        _ => Ok(()),
    }
}

/// A meeting that would not end before midnight (its end, 00:00 or later, would come before
/// its start on the clock).
pub fn meeting_length(start: NaiveTime, minutes: u32) -> Result<(), Problem> {
    let (_, wrapped) = start.overflowing_add_signed(chrono::Duration::minutes(i64::from(minutes)));
    if wrapped != 0 {
        Err(Problem::MeetingPastMidnight { start: start.format("%H:%M").to_string(), minutes })
    } else {
        Ok(())
    }
}

/// A first meeting of a half-year on another day than the team's meeting day: the series
/// would run on that day, under the meeting day's name.
pub fn first_meeting_day(date: NaiveDate, weekday: Weekday) -> Result<(), Problem> {
    if date.weekday() == weekday {
        Ok(())
    } else {
        Err(Problem::FirstMeetingNotOnMeetingDay { date, weekday })
    }
}

/// A date of `rt.toml` (under `key`) outside [`YEARS`].
pub fn date_in_range(key: &str, date: NaiveDate) -> Result<(), Problem> {
    if YEARS.contains(&date.year()) {
        Ok(())
    } else {
        Err(Problem::ConfigDateOutOfRange { key: key.to_string(), date })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::d;

    #[test]
    fn a_first_meeting_is_on_the_meeting_day() {
        assert_eq!(first_meeting_day(d(2026, 8, 25), Weekday::Tue), Ok(()));
        assert_eq!(
            first_meeting_day(d(2026, 7, 8), Weekday::Tue),
            Err(Problem::FirstMeetingNotOnMeetingDay { date: d(2026, 7, 8), weekday: Weekday::Tue })
        );
        assert_eq!(
            Problem::FirstMeetingNotOnMeetingDay { date: d(2026, 7, 8), weekday: Weekday::Tue }
                .message(crate::lang::Lang::Nb),
            "det første møtet, 2026-07-08, er en onsdag, men teamet møtes på tirsdag"
        );
    }

    #[test]
    fn meetings_are_on_working_days_and_end_the_day_they_start() {
        assert_eq!(meeting_day(Weekday::Fri, "fredag"), Ok(()));
        assert_eq!(
            meeting_day(Weekday::Sat, "lørdag "),
            Err(Problem::MeetingDayNotWorkingDay { value: "lørdag".into() })
        );
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(meeting_length(at(22, 29), 90), Ok(()), "ends a minute before midnight");
        assert!(meeting_length(at(22, 30), 90).is_err(), "an end at 00:00 would come before the start");
        assert_eq!(
            meeting_length(at(23, 30), 90),
            Err(Problem::MeetingPastMidnight { start: "23:30".into(), minutes: 90 })
        );
    }

    #[test]
    fn dates_lie_between_2000_and_2100() {
        assert_eq!(date_in_range("meetings.closed", d(2027, 5, 17)), Ok(()));
        assert_eq!(
            date_in_range("meetings.closed", d(9999, 1, 1)),
            Err(Problem::ConfigDateOutOfRange { key: "meetings.closed".into(), date: d(9999, 1, 1) })
        );
    }
}
