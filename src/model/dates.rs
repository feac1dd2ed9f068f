//! Calendar helpers the domain needs: ages, half-years (`2027H1`), and weekday names.
//!
//! Pure functions over `chrono::NaiveDate`; "today" is always passed in, never read here.

use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::lang::Lang;

/// Whole years between `born` and `on` (the age a person has on that day).
pub fn age_on(born: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - born.year();
    if (on.month(), on.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age
}

/// The age band statistics use (R3: anonymous cases keep at most this).
pub fn age_band(age: Option<i32>) -> &'static str {
    match age {
        None => "unknown",
        Some(a) if a < 0 => "unknown",
        Some(0..=5) => "0-5",
        Some(6..=12) => "6-12",
        Some(13..=18) => "13-18",
        Some(19..=25) => "19-25",
        Some(26..=66) => "26-66",
        Some(_) => "67+",
    }
}

/// A half-year: `2027H1` is January–June, `2027H2` July–December.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Half {
    /// The calendar year.
    pub year: i32,
    /// `1` or `2`.
    pub part: u8,
}

impl Half {
    /// The half-year a date falls in.
    pub fn of(date: NaiveDate) -> Half {
        Half { year: date.year(), part: if date.month() <= 6 { 1 } else { 2 } }
    }

    /// Reads `2027H1` / `2027h2`.
    pub fn parse(text: &str) -> Option<Half> {
        let text = text.trim();
        let (year, part) = text.split_once(['H', 'h'])?;
        let year: i32 = year.parse().ok()?;
        let part: u8 = part.parse().ok()?;
        ((1..=2).contains(&part) && (1900..=2200).contains(&year)).then_some(Half { year, part })
    }

    /// The first day of the half-year.
    pub fn first_day(self) -> NaiveDate {
        let month = if self.part == 1 { 1 } else { 7 };
        NaiveDate::from_ymd_opt(self.year, month, 1).expect("valid half-year start")
    }

    /// The last day of the half-year.
    pub fn last_day(self) -> NaiveDate {
        let (month, day) = if self.part == 1 { (6, 30) } else { (12, 31) };
        NaiveDate::from_ymd_opt(self.year, month, day).expect("valid half-year end")
    }

    /// Whether a date falls in this half-year.
    pub fn contains(self, date: NaiveDate) -> bool {
        Half::of(date) == self
    }

    /// The half-year after this one.
    pub fn next(self) -> Half {
        if self.part == 1 { Half { year: self.year, part: 2 } } else { Half { year: self.year + 1, part: 1 } }
    }

    /// The half-year before this one.
    pub fn previous(self) -> Half {
        if self.part == 2 { Half { year: self.year, part: 1 } } else { Half { year: self.year - 1, part: 2 } }
    }
}

impl fmt::Display for Half {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}H{}", self.year, self.part)
    }
}

/// Reads a weekday written in Norwegian or English (`tirsdag`, `tuesday`, `tue`).
pub fn parse_weekday(text: &str) -> Option<Weekday> {
    let t = text.trim().to_lowercase();
    let days = [
        (Weekday::Mon, "mandag", "monday"),
        (Weekday::Tue, "tirsdag", "tuesday"),
        (Weekday::Wed, "onsdag", "wednesday"),
        (Weekday::Thu, "torsdag", "thursday"),
        (Weekday::Fri, "fredag", "friday"),
        (Weekday::Sat, "lørdag", "saturday"),
        (Weekday::Sun, "søndag", "sunday"),
    ];
    days.iter()
        .find(|(_, nb, en)| t == *nb || t == *en || (t.len() >= 3 && en.starts_with(&t)))
        .map(|(d, _, _)| *d)
}

/// The name of a weekday, lower case, in the user's language.
pub fn weekday_name(day: Weekday, lang: Lang) -> &'static str {
    let (nb, en) = match day {
        Weekday::Mon => ("mandag", "Monday"),
        Weekday::Tue => ("tirsdag", "Tuesday"),
        Weekday::Wed => ("onsdag", "Wednesday"),
        Weekday::Thu => ("torsdag", "Thursday"),
        Weekday::Fri => ("fredag", "Friday"),
        Weekday::Sat => ("lørdag", "Saturday"),
        Weekday::Sun => ("søndag", "Sunday"),
    };
    lang.pick(nb, en)
}

/// Reads an ISO date `YYYY-MM-DD` as given on the command line.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn age_turns_on_the_birthday() {
        assert_eq!(age_on(d(2010, 5, 17), d(2026, 5, 16)), 15);
        assert_eq!(age_on(d(2010, 5, 17), d(2026, 5, 17)), 16);
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28)), 17);
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 3, 1)), 18);
    }

    #[test]
    fn age_bands_follow_the_report() {
        assert_eq!(age_band(Some(0)), "0-5");
        assert_eq!(age_band(Some(6)), "6-12");
        assert_eq!(age_band(Some(18)), "13-18");
        assert_eq!(age_band(Some(25)), "19-25");
        assert_eq!(age_band(Some(66)), "26-66");
        assert_eq!(age_band(Some(67)), "67+");
        assert_eq!(age_band(None), "unknown");
    }

    #[test]
    fn half_years() {
        let h = Half::parse("2027H1").unwrap();
        assert_eq!(h.first_day(), d(2027, 1, 1));
        assert_eq!(h.last_day(), d(2027, 6, 30));
        assert_eq!(Half::of(d(2027, 7, 1)).to_string(), "2027H2");
        assert_eq!(h.previous().to_string(), "2026H2");
        assert_eq!(h.next().to_string(), "2027H2");
        assert_eq!(h.next().next().to_string(), "2028H1");
        assert_eq!(Half::parse("2027h2").unwrap().previous().to_string(), "2027H1");
        assert!(Half::parse("2027H3").is_none());
        assert!(Half::parse("H1").is_none());
        assert!(h.contains(d(2027, 6, 30)) && !h.contains(d(2027, 7, 1)));
    }

    #[test]
    fn weekdays_in_both_languages() {
        assert_eq!(parse_weekday("Tirsdag"), Some(Weekday::Tue));
        assert_eq!(parse_weekday("thursday"), Some(Weekday::Thu));
        assert_eq!(parse_weekday("wed"), Some(Weekday::Wed));
        assert_eq!(parse_weekday("tis"), None);
        assert_eq!(weekday_name(Weekday::Fri, Lang::Nb), "fredag");
    }

    #[test]
    fn dates_are_strict_iso() {
        assert_eq!(parse_date("2027-01-05"), Some(d(2027, 1, 5)));
        assert_eq!(parse_date("2027-1-5"), None);
        assert_eq!(parse_date("05.01.2027"), None);
        assert_eq!(parse_date("2027-02-29"), None);
    }
}
