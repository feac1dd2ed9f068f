//! National id numbers: the checker agrees with an independent implementation written from
//! Skatteetaten's description (tests/common/skatteetaten.rs), and the scanner finds every
//! spelling in the table (tests/common/national_ids.rs) and none of the near-misses. That
//! `rt` refuses them without echoing them is tests/national_id_echo.rs.

use crate::common::national_ids::{near_misses, numbers, spellings};
use crate::common::skatteetaten;
use rt::rules::national_id::{contains_national_id, find, is_national_id, redact};

fn digits(s: &str) -> [u32; 11] {
    let v: Vec<u32> = s.chars().map(|c| c.to_digit(10).unwrap()).collect();
    v.try_into().unwrap()
}

#[test]
fn the_independent_implementation_follows_the_published_worked_example() {
    // fnrinfo.no works the check digits of 311299567 by hand: the first sum is 241
    // (remainder 10, k1 = 1), the second 215 (remainder 6, k2 = 5).
    let nine = [3, 1, 1, 2, 9, 9, 5, 6, 7];
    assert_eq!(skatteetaten::k1_sum(&nine), 241);
    assert_eq!(skatteetaten::k1(&nine, 0), Some(1));
    assert_eq!(skatteetaten::k2_sum(&nine, 1), 215);
    assert_eq!(skatteetaten::k2(&nine, 1), Some(5));
    let number: String = nine.iter().map(|d| d.to_string()).collect::<String>() + "15";
    assert!(skatteetaten::is_valid(&number) && is_national_id(&digits(&number)));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]

    /// Any eleven digits: both implementations say the same. Biased towards dates and
    /// towards numbers one digit away from a valid one, where a wrong weight would show.
    #[test]
    fn rt_agrees_with_the_independent_implementation(
        day in 0u32..80, month in 0u32..60, rest in "[0-9]{7}", seed: u64, how in 0u8..4,
    ) {
        let mut s = format!("{day:02}{month:02}{rest}");
        if how > 0 {
            let mut rng = fastrand::Rng::with_seed(seed);
            let (valid, _, _) = skatteetaten::random(&mut rng);
            s = valid;
            if how == 2 {
                // One digit changed.
                let i = rng.usize(0..11);
                let mut b = s.into_bytes();
                b[i] = b'0' + (b[i] - b'0' + rng.u8(1..10)) % 10;
                s = String::from_utf8(b).unwrap();
            } else if how == 3 {
                // Two neighbours swapped.
                let i = rng.usize(0..10);
                let mut b = s.into_bytes();
                b.swap(i, i + 1);
                s = String::from_utf8(b).unwrap();
            }
        }
        proptest::prop_assert_eq!(is_national_id(&digits(&s)), skatteetaten::is_valid(&s), "{}", s);
    }
}

#[test]
fn every_number_the_independent_generator_makes_is_found() {
    let mut rng = fastrand::Rng::with_seed(14);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..50_000 {
        let (n, kind, r) = skatteetaten::random(&mut rng);
        assert!(is_national_id(&digits(&n)), "{n} ({kind:?}, k1 rule {r})");
        assert!(contains_national_id(&n), "{n}");
        seen.insert((format!("{kind:?}"), r));
    }
    assert_eq!(seen.len(), 12, "every kind by every k1 rule: {seen:?}");
}

#[test]
fn every_spelling_is_found_and_every_near_miss_passes() {
    let numbers = numbers();
    let mut found = 0;
    for n in &numbers {
        let spellings = spellings(n);
        assert!(spellings.len() >= 40);
        for (name, text) in spellings {
            let range = find(&text).unwrap_or_else(|| panic!("{name}: not found in {text:?}"));
            // Redacted, not a digit of the number is left.
            let redacted = redact(&text);
            assert!(!contains_national_id(&redacted), "{name}: {redacted:?}");
            assert!(redacted.contains("•••") && range.len() >= 11, "{name}: {redacted:?}");
            found += 1;
        }
        let misses = near_misses(n);
        assert!(misses.len() >= 40);
        for (name, text) in misses {
            assert_eq!(find(&text), None, "{name}: {text:?}");
            assert_eq!(redact(&text), text);
        }
    }
    assert_eq!(found, numbers.len() * spellings(&numbers[0]).len());
}
