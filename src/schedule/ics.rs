//! The meetings as an iCalendar file (RFC 5545) for Outlook and Google Calendar.
//!
//! One VEVENT per meeting, with a UID that survives moves and a SEQUENCE that grows with
//! every change, so importing the file again updates the events instead of adding copies.
//! Times are written in UTC (converted from Europe/Oslo), which every calendar reads without
//! a VTIMEZONE. DTSTAMP is the export day, so the output is deterministic. No personal data:
//! the events carry the team's name, the place, and nothing about cases.

use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};

use crate::lang::Lang;
use crate::model::Meeting;

/// A time in Oslo as UTC.
pub fn oslo_to_utc(local: NaiveDateTime) -> chrono::DateTime<Utc> {
    let oslo = chrono_tz::Europe::Oslo;
    // A meeting never starts in the spring-forward gap; `earliest` covers the autumn overlap.
    let zoned = oslo.from_local_datetime(&local).earliest().unwrap_or_else(|| oslo.from_utc_datetime(&local));
    zoned.with_timezone(&Utc)
}

/// An empty calendar rt publishes, named: the properties every calendar of rt's starts with.
pub fn published(name: &str) -> Calendar {
    let mut cal = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//rt//Ressursteam//NO"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", name),
    ] {
        cal.append_property(Property::new(key, value));
    }
    cal
}

/// The calendar text (CRLF line ends, as RFC 5545 wants).
pub fn calendar(team: &str, meetings: &[&Meeting], stamp: NaiveDate, lang: Lang) -> String {
    let mut cal = published(team);
    cal.append_property(Property::new("X-WR-TIMEZONE", "Europe/Oslo"));
    let stamp = Utc.from_utc_datetime(&stamp.and_hms_opt(0, 0, 0).expect("midnight exists"));
    let description = lang.pick(
        "Fast møte i ressursteamet. Sakene står i innkallingen som kommer en uke før.",
        "Regular meeting of the resource team. The cases are in the invitation sent a week before.",
    );
    for m in meetings {
        let start = oslo_to_utc(m.date.and_time(m.start));
        let end = oslo_to_utc(m.date.and_time(m.end()));
        let mut event = Event::new();
        event
            .uid(&m.uid)
            .sequence(m.sequence)
            .timestamp(stamp)
            .starts(start)
            .ends(end)
            .summary(team)
            .description(description)
            .status(if m.is_open() { EventStatus::Confirmed } else { EventStatus::Cancelled });
        if !m.place.is_empty() {
            event.location(&m.place);
        }
        cal.push(event.done());
    }
    cal.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::d;

    #[test]
    fn oslo_times_become_utc_across_summer_time() {
        let at =
            |date: NaiveDate| oslo_to_utc(date.and_hms_opt(12, 30, 0).unwrap()).format("%H:%M").to_string();
        assert_eq!(at(d(2027, 1, 12)), "11:30", "winter: UTC+1");
        assert_eq!(at(d(2027, 6, 8)), "10:30", "summer: UTC+2");
        assert_eq!(at(d(2027, 3, 30)), "10:30", "the Tuesday after the change on 28 March");
    }
}
