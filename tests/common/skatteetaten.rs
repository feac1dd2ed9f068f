//! A second implementation of the Norwegian national id number, written for the tests from
//! Skatteetaten's description and sharing nothing with `rt::rules::national_id`: the tests
//! make their numbers here, and check that `rt` agrees, so a wrong weight in `rt` fails.
//!
//! From the description (Folkeregisteret; fnrinfo.no's worked example for the arithmetic;
//! "nytt fødselsnummer fra 2032" for the new rule):
//! - digits 1–6 are the birth date `DDMMYY`, 7–9 the individual number, 10–11 the check
//!   digits `k1` and `k2`;
//! - `k1 = 11 − ((3·d1 + 7·d2 + 6·m1 + 1·m2 + 8·y1 + 9·y2 + 4·i1 + 5·i2 + 2·i3) mod 11)`,
//!   where 11 becomes 0 and 10 means the individual number cannot be used;
//! - numbers issued from 2032 may also use `k1 = 11 + r − (the same sum mod 11)` for
//!   `r` = 1, 2 or 3 (less 11 when above 10; 10 still unusable);
//! - `k2 = 11 − ((5·d1 + 4·d2 + 3·m1 + 2·m2 + 7·y1 + 6·y2 + 5·i1 + 4·i2 + 3·i3 + 2·k1) mod 11)`,
//!   the same way;
//! - a D-number has 4 added to the first digit, an H-number 4 added to the third.

#![allow(dead_code)]

use chrono::{Datelike, NaiveDate};

/// Which kind of number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Fodselsnummer,
    DNumber,
    HNumber,
}

/// `11 − (sum mod 11)` as the description says: 11 becomes 0, 10 is no digit.
fn from_remainder(value: u32) -> Option<u32> {
    match value {
        11 => Some(0),
        10 => None,
        v => Some(v),
    }
}

/// The weighted sum for `k1` of the first nine digits.
pub fn k1_sum(d: &[u32]) -> u32 {
    let (d1, d2, m1, m2, y1, y2, i1, i2, i3) = (d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]);
    3 * d1 + 7 * d2 + 6 * m1 + m2 + 8 * y1 + 9 * y2 + 4 * i1 + 5 * i2 + 2 * i3
}

/// The weighted sum for `k2` of the first nine digits and `k1`.
pub fn k2_sum(d: &[u32], k1: u32) -> u32 {
    let (d1, d2, m1, m2, y1, y2, i1, i2, i3) = (d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]);
    5 * d1 + 4 * d2 + 3 * m1 + 2 * m2 + 7 * y1 + 6 * y2 + 5 * i1 + 4 * i2 + 3 * i3 + 2 * k1
}

/// `k1` for nine digits: `r` = 0 is the rule before 2032, 1–3 the extra values from 2032.
pub fn k1(d: &[u32], r: u32) -> Option<u32> {
    let mut k = 11 + r - k1_sum(d) % 11;
    if k > 11 {
        k -= 11;
    }
    from_remainder(k)
}

/// `k2` for nine digits and `k1`.
pub fn k2(d: &[u32], k1: u32) -> Option<u32> {
    from_remainder(11 - k2_sum(d, k1) % 11)
}

/// The eleven digits of a number, or `None` when a check digit comes out as 10.
pub fn number(born: NaiveDate, kind: Kind, individual: u32, r: u32) -> Option<String> {
    let (mut day, mut month, year) = (born.day(), born.month(), born.year() as u32 % 100);
    match kind {
        Kind::Fodselsnummer => {}
        Kind::DNumber => day += 40,
        Kind::HNumber => month += 40,
    }
    let nine = format!("{day:02}{month:02}{year:02}{individual:03}");
    let d: Vec<u32> = nine.chars().map(|c| c.to_digit(10).unwrap()).collect();
    let k1 = k1(&d, r)?;
    let k2 = k2(&d, k1)?;
    Some(format!("{nine}{k1}{k2}"))
}

/// Whether eleven characters are a valid number of any kind, by either rule for `k1`.
/// The century cannot be read from the number for sure, so the date must exist in some
/// year: checked in 2000, a leap year.
pub fn is_valid(s: &str) -> bool {
    let Some(d) = s.chars().map(|c| c.to_digit(10)).collect::<Option<Vec<u32>>>() else { return false };
    if d.len() != 11 {
        return false;
    }
    let mut day = d[0] * 10 + d[1];
    let mut month = d[2] * 10 + d[3];
    if d[0] >= 4 {
        day -= 40;
    }
    if d[2] >= 4 {
        month -= 40;
    }
    if NaiveDate::from_ymd_opt(2000, month, day).is_none() {
        return false;
    }
    (0..=3).any(|r| k1(&d, r) == Some(d[9])) && k2(&d, d[9]) == Some(d[10])
}

/// A random valid number: a date from 1900 to 2039, any kind, `k1` by either rule.
pub fn random(rng: &mut fastrand::Rng) -> (String, Kind, u32) {
    let first = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
    loop {
        let born = first + chrono::Duration::days(rng.i64(0..140 * 365));
        let kind = [Kind::Fodselsnummer, Kind::DNumber, Kind::HNumber][rng.usize(0..3)];
        let r = if rng.bool() { 0 } else { rng.u32(1..=3) };
        if let Some(n) = number(born, kind, rng.u32(0..1000), r) {
            return (n, kind, r);
        }
    }
}

/// A valid number for a fictional `DDMMYY` (day + 40 for a D-number, month + 40 for an
/// H-number) and individual number, with `k1` by rule `r` (0 before 2032), trying the next
/// individual numbers when a check digit comes out as 10.
pub fn fake(date_ddmmyy: &str, individual: &str, r: u32) -> String {
    let first: u32 = individual.parse().unwrap();
    (0..1000)
        .find_map(|k| {
            let nine = format!("{date_ddmmyy}{:03}", (first + k) % 1000);
            let d: Vec<u32> = nine.chars().map(|c| c.to_digit(10).unwrap()).collect();
            let k1 = k1(&d, r)?;
            let k2 = k2(&d, k1)?;
            Some(format!("{nine}{k1}{k2}"))
        })
        .unwrap_or_else(|| panic!("no valid number for {date_ddmmyy}"))
}
