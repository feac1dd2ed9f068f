//! Which days the team cannot meet: weekends, public holidays, the municipality's school
//! holidays (whole ISO weeks or date ranges from `rt.toml`), and extra closed days.

use chrono::{Datelike, NaiveDate, Weekday};

use super::holidays::public_holiday;
use crate::lang::Lang;
use crate::model::team::HolidaySpan;
use crate::model::{Config, SchoolHoliday};

/// Why a day is closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Closure {
    /// Saturday or Sunday.
    Weekend,
    /// A public holiday, by its Norwegian name.
    PublicHoliday(&'static str),
    /// A school holiday, by the name in `rt.toml`.
    SchoolHoliday(String),
    /// One of `meetings.closed` in `rt.toml`.
    Closed,
}

impl Closure {
    /// Why, in words.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Closure::Weekend => lang.pick("helg", "weekend").to_string(),
            Closure::PublicHoliday(name) => name.to_string(),
            Closure::SchoolHoliday(name) => name.clone(),
            Closure::Closed => lang.pick("stengt dag", "closed day").to_string(),
        }
    }
}

/// The closed days of a team.
#[derive(Clone, Copy, Debug)]
pub struct Closures<'a> {
    school: &'a [SchoolHoliday],
    closed: &'a [NaiveDate],
}

impl<'a> Closures<'a> {
    /// The closures a config sets.
    pub fn of(config: &'a Config) -> Closures<'a> {
        Closures { school: &config.school_holidays, closed: &config.meetings.closed }
    }

    /// Why the team cannot meet on a date, or `None` when it can.
    pub fn closure(&self, date: NaiveDate) -> Option<Closure> {
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            return Some(Closure::Weekend);
        }
        if let Some(name) = public_holiday(date) {
            return Some(Closure::PublicHoliday(name));
        }
        if let Some(h) = self.school.iter().find(|h| in_school_holiday(h, date)) {
            return Some(Closure::SchoolHoliday(h.name.clone()));
        }
        self.closed.contains(&date).then_some(Closure::Closed)
    }
}

/// Whether `rt.toml` names a school holiday that starts in the half-year. A half-year without
/// one (a juleferie that runs into January does not count) is most likely one the leader has
/// not filled in yet, and its meetings would land in the holidays.
pub fn knows_school_holidays(config: &Config, half: crate::model::dates::Half) -> bool {
    config.school_holidays.iter().any(|h| match &h.span {
        HolidaySpan::Weeks { year, weeks } => weeks.iter().any(|&w| {
            NaiveDate::from_isoywd_opt(*year, w, Weekday::Mon).is_some_and(|monday| half.contains(monday))
        }),
        HolidaySpan::Dates { from, .. } => half.contains(*from),
    })
}

fn in_school_holiday(holiday: &SchoolHoliday, date: NaiveDate) -> bool {
    match &holiday.span {
        HolidaySpan::Weeks { year, weeks } => {
            let w = date.iso_week();
            w.year() == *year && weeks.contains(&w.week())
        }
        HolidaySpan::Dates { from, to } => (*from..=*to).contains(&date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{config, d};

    #[test]
    fn closures() {
        let mut cfg = config(); // vinterferie: week 8 of 2027
        cfg.school_holidays.push(SchoolHoliday {
            name: "Påskeferie".into(),
            span: HolidaySpan::Dates { from: d(2027, 3, 22), to: d(2027, 3, 29) },
        });
        cfg.meetings.closed.push(d(2027, 4, 27));
        let c = Closures::of(&cfg);
        assert_eq!(c.closure(d(2027, 2, 23)), Some(Closure::SchoolHoliday("Vinterferie".into())));
        assert_eq!(c.closure(d(2027, 2, 16)), None);
        assert_eq!(c.closure(d(2027, 3, 23)), Some(Closure::SchoolHoliday("Påskeferie".into())));
        // 2. påskedag is both; the public holiday is named first.
        assert_eq!(c.closure(d(2027, 3, 29)), Some(Closure::PublicHoliday("2. påskedag")));
        assert_eq!(c.closure(d(2027, 3, 30)), None);
        assert_eq!(c.closure(d(2027, 4, 27)), Some(Closure::Closed));
        assert_eq!(c.closure(d(2027, 4, 24)), Some(Closure::Weekend));
        assert_eq!(c.closure(d(2027, 5, 6)), Some(Closure::PublicHoliday("Kristi himmelfartsdag")));
    }

    #[test]
    fn a_half_year_knows_its_school_holidays_by_week_or_by_date() {
        use crate::model::dates::Half;
        let half = |s: &str| Half::parse(s).unwrap();
        let mut cfg = config(); // vinterferie: week 8 of 2027
        assert!(knows_school_holidays(&cfg, half("2027H1")));
        assert!(!knows_school_holidays(&cfg, half("2027H2")));
        assert!(!knows_school_holidays(&cfg, half("2026H2")));
        // A juleferie over the new year belongs to the half-year it starts in.
        cfg.school_holidays.push(SchoolHoliday {
            name: "Juleferie".into(),
            span: HolidaySpan::Dates { from: d(2027, 12, 21), to: d(2028, 1, 2) },
        });
        assert!(knows_school_holidays(&cfg, half("2027H2")));
        assert!(!knows_school_holidays(&cfg, half("2028H1")));
        // ISO week 53 of 2026 runs 28 Dec 2026 – 3 Jan 2027.
        cfg.school_holidays = vec![SchoolHoliday {
            name: "Juleferie".into(),
            span: HolidaySpan::Weeks { year: 2026, weeks: vec![53] },
        }];
        assert!(knows_school_holidays(&cfg, half("2026H2")) && !knows_school_holidays(&cfg, half("2027H1")));
    }
}
