//! Case ids: `YYYY-MM-DD-xxxx`, the referral date and four random lowercase base32 characters.
//!
//! There is no counter, so two clones of a team folder that each register a case never
//! collide on a shared number; the store creates a case file only if it does not exist yet
//! and draws a new suffix when it does, so a collision on the same day is also harmless.

use std::fmt;

use chrono::NaiveDate;

/// The RFC 4648 base32 alphabet in lowercase: the characters a suffix may hold.
pub const SUFFIX_ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

/// The id of a case, e.g. `2027-01-05-k7q2`. Orders by date, then suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CaseId {
    date: NaiveDate,
    suffix: [u8; 4],
}

/// Why a text is not a case id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdError {
    /// Not of the shape `YYYY-MM-DD-xxxx`.
    Shape,
    /// The date part is not a real date.
    Date,
    /// The suffix holds a character outside the base32 alphabet.
    Suffix,
}

impl CaseId {
    /// A case id from its parts; `None` if the suffix is not base32.
    pub fn new(date: NaiveDate, suffix: [u8; 4]) -> Option<CaseId> {
        suffix.iter().all(|c| SUFFIX_ALPHABET.contains(c)).then_some(CaseId { date, suffix })
    }

    /// A fresh id for a case referred on `date`, drawn from `rng`.
    pub fn random(date: NaiveDate, rng: &mut fastrand::Rng) -> CaseId {
        let mut suffix = [0u8; 4];
        for c in &mut suffix {
            *c = SUFFIX_ALPHABET[rng.usize(..SUFFIX_ALPHABET.len())];
        }
        CaseId { date, suffix }
    }

    /// Reads an id written as `YYYY-MM-DD-xxxx`.
    pub fn parse(text: &str) -> Result<CaseId, IdError> {
        let bytes = text.as_bytes();
        if !text.is_ascii() || bytes.len() != 15 || bytes[10] != b'-' {
            return Err(IdError::Shape);
        }
        let shaped = bytes[..10]
            .iter()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
        if !shaped {
            return Err(IdError::Shape);
        }
        let number =
            |r: std::ops::Range<usize>| bytes[r].iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
        let year = i32::try_from(number(0..4)).map_err(|_| IdError::Date)?;
        let date = NaiveDate::from_ymd_opt(year, number(5..7), number(8..10)).ok_or(IdError::Date)?;
        let mut suffix = [0u8; 4];
        suffix.copy_from_slice(&bytes[11..]);
        CaseId::new(date, suffix).ok_or(IdError::Suffix)
    }

    /// The referral date the id carries.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The four-character suffix.
    pub fn suffix(&self) -> &str {
        // Always ASCII from the alphabet, checked on construction.
        std::str::from_utf8(&self.suffix).unwrap_or("????")
    }
}

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Ids are made and parsed with four-digit years, which `NaiveDate` shows as `YYYY-MM-DD`.
        write!(f, "{}-{}", self.date, self.suffix())
    }
}

impl serde::Serialize for CaseId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_and_prints_the_contract_example() {
        let id = CaseId::parse("2027-01-05-k7q2").unwrap();
        assert_eq!(id.date(), date(2027, 1, 5));
        assert_eq!(id.suffix(), "k7q2");
        assert_eq!(id.to_string(), "2027-01-05-k7q2");
    }

    #[test]
    fn refuses_malformed_ids() {
        assert_eq!(CaseId::parse("2027-01-05-k7q"), Err(IdError::Shape));
        assert_eq!(CaseId::parse("2027-01-05_k7q2"), Err(IdError::Shape));
        assert_eq!(CaseId::parse("2027-02-30-k7q2"), Err(IdError::Date));
        assert_eq!(CaseId::parse("2027-01-05-K7Q2"), Err(IdError::Suffix));
        assert_eq!(CaseId::parse("2027-01-05-k1q0"), Err(IdError::Suffix));
        assert_eq!(CaseId::parse("abcd-01-05-k7q2"), Err(IdError::Shape));
        assert_eq!(CaseId::parse("2027-01-05-kø2"), Err(IdError::Shape));
        assert_eq!(CaseId::parse("202ø-01-05-k7q"), Err(IdError::Shape));
    }

    #[test]
    fn orders_by_date_then_suffix() {
        let a = CaseId::parse("2027-01-05-zzzz").unwrap();
        let b = CaseId::parse("2027-01-06-aaaa").unwrap();
        let c = CaseId::parse("2027-01-06-aaab").unwrap();
        assert!(a < b && b < c);
    }

    #[test]
    fn many_ids_of_one_day_are_distinct_enough() {
        // 32^4 = 1 048 576 suffixes a day; a few hundred cases a day rarely collide, and the
        // store retries when they do. This checks the generator uses the whole alphabet.
        let mut rng = fastrand::Rng::with_seed(7);
        let mut seen = std::collections::HashSet::new();
        for _ in 0..2000 {
            seen.insert(CaseId::random(date(2027, 1, 5), &mut rng));
        }
        assert!(seen.len() >= 1995, "only {} distinct of 2000", seen.len());
        let chars: std::collections::HashSet<char> =
            seen.iter().flat_map(|id| id.suffix().chars().collect::<Vec<_>>()).collect();
        assert_eq!(chars.len(), 32);
    }

    proptest! {
        #[test]
        fn random_ids_round_trip(seed in any::<u64>(), days in 0i64..100_000) {
            let d = date(1970, 1, 1) + chrono::Duration::days(days);
            let id = CaseId::random(d, &mut fastrand::Rng::with_seed(seed));
            prop_assert_eq!(CaseId::parse(&id.to_string()), Ok(id));
        }

        #[test]
        fn parse_never_panics(text in "\\PC{0,20}") {
            let _ = CaseId::parse(&text);
        }
    }
}
