//! Dates as a letter writes them: "tirsdag 12. januar 2027", "Tuesday 12 January 2027".
//! Hand-written month names rather than a locale database: twelve words are cheaper than ICU.

use chrono::{Datelike, NaiveDate};

use crate::lang::Lang;
use crate::model::dates::weekday_name;

const MONTHS_NB: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A month's name (`month0`: 0 for January).
pub fn month(month0: usize, lang: Lang) -> &'static str {
    lang.pick(MONTHS_NB, MONTHS_EN)[month0.min(11)]
}

/// "tirsdag 12. januar 2027" / "Tuesday 12 January 2027".
pub fn long(date: NaiveDate, lang: Lang) -> String {
    let month = month(date.month0() as usize, lang);
    let day = weekday_name(date.weekday(), lang);
    match lang {
        Lang::Nb => format!("{day} {}. {month} {}", date.day(), date.year()),
        Lang::En => format!("{day} {} {month} {}", date.day(), date.year()),
    }
}

/// "12. januar 2027" / "12 January 2027" (no weekday), for birth dates.
pub fn plain(date: NaiveDate, lang: Lang) -> String {
    let month = month(date.month0() as usize, lang);
    match lang {
        Lang::Nb => format!("{}. {month} {}", date.day(), date.year()),
        Lang::En => format!("{} {month} {}", date.day(), date.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::d;

    #[test]
    fn long_dates_in_both_languages() {
        assert_eq!(long(d(2027, 1, 12), Lang::Nb), "tirsdag 12. januar 2027");
        assert_eq!(long(d(2027, 1, 12), Lang::En), "Tuesday 12 January 2027");
        assert_eq!(plain(d(2019, 4, 2), Lang::Nb), "2. april 2019");
    }
}
