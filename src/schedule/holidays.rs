//! Norwegian public holidays, computed for any year (1900–2200 is what the tool promises):
//! the fixed days and the Easter-based ones, with Easter by the Gregorian computus.

use chrono::{Duration, NaiveDate};

/// Easter Sunday of a year (the anonymous Gregorian algorithm, valid for any Gregorian year).
pub fn easter(year: i32) -> NaiveDate {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("the computus gives a real date")
}

/// The public holidays (helligdager og høytidsdager) of a year, in date order, with their
/// Norwegian names.
pub fn public_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let fixed = |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("a fixed holiday");
    let e = easter(year);
    let mut days = vec![
        (fixed(1, 1), "1. nyttårsdag"),
        (e - Duration::days(3), "Skjærtorsdag"),
        (e - Duration::days(2), "Langfredag"),
        (e, "1. påskedag"),
        (e + Duration::days(1), "2. påskedag"),
        (fixed(5, 1), "Offentlig høytidsdag"),
        (fixed(5, 17), "Grunnlovsdag"),
        (e + Duration::days(39), "Kristi himmelfartsdag"),
        (e + Duration::days(49), "1. pinsedag"),
        (e + Duration::days(50), "2. pinsedag"),
        (fixed(12, 25), "1. juledag"),
        (fixed(12, 26), "2. juledag"),
    ];
    days.sort();
    days
}

/// The public holiday on a date, if there is one.
pub fn public_holiday(date: NaiveDate) -> Option<&'static str> {
    use chrono::Datelike;
    public_holidays(date.year()).into_iter().find(|(d, _)| *d == date).map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::d;

    #[test]
    fn easter_against_known_dates() {
        let known = [
            (1900, 4, 15),
            (1913, 3, 23),
            (1943, 4, 25),
            (1961, 4, 2),
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2038, 4, 25),
            (2100, 3, 28),
            (2200, 4, 6),
        ];
        for (y, m, day) in known {
            assert_eq!(easter(y), d(y, m, day), "Easter {y}");
        }
    }

    #[test]
    fn the_worked_example_of_2027() {
        // domain.md: in 2027 Easter Sunday is 28 March, Kristi himmelfart 6 May, 2. pinsedag 17 May.
        let days = public_holidays(2027);
        let on = |date| days.iter().find(|(x, _)| *x == date).map(|(_, n)| *n);
        assert_eq!(on(d(2027, 3, 25)), Some("Skjærtorsdag"));
        assert_eq!(on(d(2027, 3, 26)), Some("Langfredag"));
        assert_eq!(on(d(2027, 3, 28)), Some("1. påskedag"));
        assert_eq!(on(d(2027, 3, 29)), Some("2. påskedag"));
        assert_eq!(on(d(2027, 5, 6)), Some("Kristi himmelfartsdag"));
        assert_eq!(on(d(2027, 5, 16)), Some("1. pinsedag"));
        // 2. pinsedag falls on Grunnlovsdag in 2027: the day is a holiday either way.
        assert!(on(d(2027, 5, 17)).is_some());
        assert_eq!(days.len(), 12);
        assert_eq!(public_holiday(d(2027, 5, 18)), None);
        assert_eq!(public_holiday(d(2026, 12, 26)), Some("2. juledag"));
    }

    #[test]
    fn easter_is_always_a_sunday_between_22_march_and_25_april() {
        use chrono::{Datelike, Weekday};
        for y in 1900..=2200 {
            let e = easter(y);
            assert_eq!(e.weekday(), Weekday::Sun, "{y}");
            assert!(e >= d(y, 3, 22) && e <= d(y, 4, 25), "{y}: {e}");
        }
    }
}
