//! From the rules to meetings: the planned schedule of a half-year that is not published.

use super::calendar::Closures;
use super::series::series;
use crate::model::dates::Half;
use crate::model::meeting::uid_for;
use crate::model::{Config, Meeting, Schedule};

/// The meetings the rules give for a half-year, with the team's time and place.
pub fn planned(half: Half, config: &Config) -> Schedule {
    let rules = &config.meetings;
    let meetings = series(half, rules, &Closures::of(config))
        .planned
        .into_iter()
        .map(|p| Meeting {
            date: p.date,
            start: rules.start,
            minutes: rules.minutes,
            place: rules.place.clone(),
            uid: uid_for(&config.team, p.date),
            sequence: 0,
            cancelled: None,
            moved_from: None,
            attendance: None,
        })
        .collect();
    Schedule { half, published: None, meetings }
}
