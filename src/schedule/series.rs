//! The meeting series of a half-year (R6): the team's weekday, every N weeks from a start
//! date, to the end of the half-year.
//!
//! The cadence is fixed by the start date: a slot that falls on a closed day is skipped, or
//! (when `on_holiday = "move"`) moved to the nearest open working day of the same ISO week,
//! but the next slot is still counted from the start, so a skip or a move never makes the
//! series drift.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::calendar::{Closure, Closures};
use crate::model::dates::Half;
use crate::model::{HolidayRule, MeetingRules};

/// A meeting of the series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    /// The day of the meeting.
    pub date: NaiveDate,
    /// The day the cadence gave; differs from `date` when the meeting was moved.
    pub slot: NaiveDate,
}

/// A slot with no meeting, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The day the cadence gave.
    pub slot: NaiveDate,
    /// Why the team cannot meet then.
    pub why: Closure,
}

/// The meetings of a half-year and the slots that had to go.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Series {
    /// The meetings, in date order.
    pub planned: Vec<Planned>,
    /// The slots without a meeting, in date order.
    pub skipped: Vec<Skipped>,
}

/// The first slot of a half-year: the leader's date, or the first open meeting weekday of
/// the half-year (so, after the school holidays that open it).
pub fn start(half: Half, rules: &MeetingRules, closures: &Closures) -> Option<NaiveDate> {
    if let Some(first) = rules.first.get(&half) {
        return Some(*first);
    }
    let mut day = half.first_day();
    while day <= half.last_day() {
        if day.weekday() == rules.weekday && closures.closure(day).is_none() {
            return Some(day);
        }
        day += Duration::days(1);
    }
    None
}

/// The series of a half-year.
pub fn series(half: Half, rules: &MeetingRules, closures: &Closures) -> Series {
    let mut out = Series::default();
    let Some(first) = start(half, rules, closures) else { return out };
    let step = Duration::weeks(i64::from(rules.every_weeks.max(1)));
    let mut slot = first;
    while slot <= half.last_day() {
        if slot >= half.first_day() {
            match closures.closure(slot) {
                None => out.planned.push(Planned { date: slot, slot }),
                Some(why) => match moved_within_week(slot, half, rules, closures) {
                    Some(date) => out.planned.push(Planned { date, slot }),
                    None => out.skipped.push(Skipped { slot, why }),
                },
            }
        }
        slot += step;
    }
    out
}

/// The nearest open working day in the same ISO week (earlier wins a tie), inside the
/// half-year — when the rule says to move rather than skip.
fn moved_within_week(
    slot: NaiveDate,
    half: Half,
    rules: &MeetingRules,
    closures: &Closures,
) -> Option<NaiveDate> {
    if rules.on_holiday != HolidayRule::Move {
        return None;
    }
    let monday = slot - Duration::days(i64::from(slot.weekday().num_days_from_monday()));
    let mut days: Vec<NaiveDate> =
        (0..5).map(|i| monday + Duration::days(i)).filter(|d| *d != slot).collect();
    days.sort_by_key(|d| ((*d - slot).num_days().abs(), *d));
    days.into_iter().find(|d| {
        half.contains(*d)
            && !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
            && closures.closure(*d).is_none()
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::model::SchoolHoliday;
    use crate::model::team::HolidaySpan;
    use crate::testing::{config, d};

    fn demo_like() -> crate::model::Config {
        let mut cfg = config();
        cfg.school_holidays = vec![
            SchoolHoliday {
                name: "Juleferie".into(),
                span: HolidaySpan::Dates { from: d(2026, 12, 21), to: d(2027, 1, 1) },
            },
            SchoolHoliday {
                name: "Vinterferie".into(),
                span: HolidaySpan::Weeks { year: 2027, weeks: vec![8] },
            },
            SchoolHoliday {
                name: "Påskeferie".into(),
                span: HolidaySpan::Dates { from: d(2027, 3, 22), to: d(2027, 3, 29) },
            },
            SchoolHoliday {
                name: "Sommerferie".into(),
                span: HolidaySpan::Dates { from: d(2027, 6, 19), to: d(2027, 8, 15) },
            },
        ];
        cfg
    }

    #[test]
    fn tuesdays_every_third_week_from_the_first_open_tuesday() {
        let cfg = demo_like();
        let s = series(Half::parse("2027H1").unwrap(), &cfg.meetings, &Closures::of(&cfg));
        let dates: Vec<NaiveDate> = s.planned.iter().map(|p| p.date).collect();
        // The first open Tuesday after the Christmas break is 5 January; 16 February is in
        // week 7, so this cadence never meets the winter break (week 8).
        assert_eq!(
            dates,
            [
                d(2027, 1, 5),
                d(2027, 1, 26),
                d(2027, 2, 16),
                d(2027, 3, 9),
                d(2027, 3, 30),
                d(2027, 4, 20),
                d(2027, 5, 11),
                d(2027, 6, 1)
            ]
        );
        assert_eq!(
            s.skipped,
            vec![Skipped { slot: d(2027, 6, 22), why: Closure::SchoolHoliday("Sommerferie".into()) }]
        );
    }

    #[test]
    fn a_configured_start_date_wins_and_the_winter_break_is_skipped() {
        let mut cfg = demo_like();
        cfg.meetings.first.insert(Half::parse("2027H1").unwrap(), d(2027, 1, 12));
        let s = series(Half::parse("2027H1").unwrap(), &cfg.meetings, &Closures::of(&cfg));
        let dates: Vec<NaiveDate> = s.planned.iter().map(|p| p.date).collect();
        assert_eq!(&dates[..3], [d(2027, 1, 12), d(2027, 2, 2), d(2027, 3, 16)]);
        assert_eq!(
            s.skipped[0],
            Skipped { slot: d(2027, 2, 23), why: Closure::SchoolHoliday("Vinterferie".into()) }
        );
    }

    #[test]
    fn a_thursday_team_moves_off_kristi_himmelfart_within_the_week() {
        let mut cfg = demo_like();
        cfg.meetings.weekday = Weekday::Thu;
        cfg.meetings.first.insert(Half::parse("2027H1").unwrap(), d(2027, 4, 15));
        cfg.meetings.on_holiday = HolidayRule::Move;
        let s = series(Half::parse("2027H1").unwrap(), &cfg.meetings, &Closures::of(&cfg));
        let moved =
            s.planned.iter().find(|p| p.slot == d(2027, 5, 6)).expect("the slot on Kristi himmelfart");
        assert_eq!(moved.date, d(2027, 5, 5), "Wednesday is as near as Friday, and earlier");
        // The cadence goes on from the slot, not from the moved date.
        assert!(s.planned.iter().any(|p| p.date == d(2027, 5, 27)));
        // With the default rule the slot is skipped instead.
        cfg.meetings.on_holiday = HolidayRule::Skip;
        let s = series(Half::parse("2027H1").unwrap(), &cfg.meetings, &Closures::of(&cfg));
        assert!(s.skipped.iter().any(|k| k.slot == d(2027, 5, 6)));
        assert!(s.planned.iter().all(|p| p.date != d(2027, 5, 6) && p.date != d(2027, 5, 5)));
    }

    fn holidays() -> impl Strategy<Value = Vec<SchoolHoliday>> {
        proptest::collection::vec(
            prop_oneof![
                (proptest::collection::vec(1u32..53, 1..3)).prop_map(|weeks| (Some(weeks), 0i64, 0i64)),
                (0i64..180, 0i64..20).prop_map(|(from, len)| (None, from, len)),
            ],
            0..5,
        )
        .prop_map(|specs| specs.into_iter().enumerate().collect::<Vec<_>>())
        .prop_map(|specs| {
            specs
                .into_iter()
                .map(|(i, (weeks, from, len))| SchoolHoliday {
                    name: format!("ferie {i}"),
                    span: match weeks {
                        Some(weeks) => HolidaySpan::Weeks { year: 0, weeks },
                        None => HolidaySpan::Dates {
                            from: d(2000, 1, 1) + Duration::days(from),
                            to: d(2000, 1, 1) + Duration::days(from + len),
                        },
                    },
                })
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn every_series_keeps_its_rules(
            year in 1950i32..2150,
            part in 1u8..=2,
            weekday in 0u32..5,
            every in 1u32..5,
            move_rule in any::<bool>(),
            holidays in holidays(),
        ) {
            let half = Half { year, part };
            let mut cfg = config();
            cfg.meetings.weekday = Weekday::try_from(weekday as u8).unwrap();
            cfg.meetings.every_weeks = every;
            cfg.meetings.on_holiday = if move_rule { HolidayRule::Move } else { HolidayRule::Skip };
            // Shift the generated holidays into this half-year.
            let shift = half.first_day() - d(2000, 1, 1);
            cfg.school_holidays = holidays.into_iter().map(|mut h| {
                h.span = match h.span {
                    HolidaySpan::Weeks { weeks, .. } => HolidaySpan::Weeks { year, weeks },
                    HolidaySpan::Dates { from, to } => HolidaySpan::Dates { from: from + shift, to: to + shift },
                };
                h
            }).collect();
            let closures = Closures::of(&cfg);
            let s = series(half, &cfg.meetings, &closures);

            let mut slots: Vec<NaiveDate> = s.planned.iter().map(|p| p.slot).chain(s.skipped.iter().map(|k| k.slot)).collect();
            slots.sort();
            for p in &s.planned {
                // Inside the half-year, on an open day, on the weekday or moved within the week.
                prop_assert!(half.contains(p.date), "{:?}", p);
                prop_assert!(closures.closure(p.date).is_none(), "{:?} is closed", p);
                prop_assert_eq!(p.slot.weekday(), cfg.meetings.weekday);
                prop_assert_eq!(p.date.iso_week(), p.slot.iso_week());
                if !move_rule {
                    prop_assert_eq!(p.date, p.slot);
                }
            }
            for k in &s.skipped {
                prop_assert!(closures.closure(k.slot).is_some());
            }
            // Consecutive slots exactly N weeks apart: the cadence never drifts.
            for w in slots.windows(2) {
                prop_assert_eq!((w[1] - w[0]).num_days(), 7 * i64::from(every));
            }
            // Meetings in date order, never two on one day.
            for w in s.planned.windows(2) {
                prop_assert!(w[0].date < w[1].date);
            }
            // Nothing is lost: the slots reach the end of the half-year.
            if let Some(last) = slots.last() {
                prop_assert!(*last + Duration::weeks(i64::from(every)) > half.last_day());
            }
        }
    }
}
