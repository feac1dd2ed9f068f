//! Norwegian national id numbers in free text: fødselsnummer, D-number and H-number.
//!
//! A case file must never hold one (only initials and a birth date), so every free text a
//! user writes is scanned, and a hit is refused without echoing the number back.
//!
//! The number is `DDMMYYIIIKK`. A D-number adds 4 to the first digit (day + 40), an
//! H-number adds 4 to the third (month + 40). The check digits follow Skatteetaten:
//! `k2` makes the weighted sum (5 4 3 2 7 6 5 4 3 2 1) divisible by 11, and `k1` makes
//! the weighted sum (3 7 6 1 8 9 4 5 2 1) leave remainder 0 — or, for numbers issued from
//! 1 January 2032, remainder 0, 1, 2 or 3. We cannot know when a number was issued, so we
//! accept both rules: a false alarm costs a rewording, a miss leaks an identity.

const W1: [u32; 10] = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1];
const W2: [u32; 11] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

/// Whether eleven digits form a valid fødselsnummer, D-number or H-number.
pub fn is_national_id(d: &[u32; 11]) -> bool {
    if d.iter().any(|&x| x > 9) {
        return false;
    }
    let mut day = d[0] * 10 + d[1];
    let mut month = d[2] * 10 + d[3];
    if day > 40 {
        day -= 40; // D-number
    }
    if month > 40 {
        month -= 40; // H-number
    }
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 29, // the century is not known for sure; accept 29 February
        _ => return false,
    };
    if day == 0 || day > days_in_month {
        return false;
    }
    let s1: u32 = W1.iter().zip(d).map(|(w, x)| w * x).sum::<u32>() % 11;
    let s2: u32 = W2.iter().zip(d).map(|(w, x)| w * x).sum::<u32>() % 11;
    s1 <= 3 && s2 == 0
}

/// Whether a text holds a national id number: eleven digits in a row, or six and five
/// digits split by one space, dot or hyphen (`DDMMYY IIIKK`), not part of a longer number.
pub fn contains_national_id(text: &str) -> bool {
    // Digits and separators are ASCII, so bytes will do: a byte of a multi-byte character is
    // never an ASCII digit. One pass over the runs of digits.
    let b = text.as_bytes();
    let run_end = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let as_number = |parts: [&[u8]; 2]| {
        let mut d = [0u32; 11];
        for (slot, byte) in d.iter_mut().zip(parts.into_iter().flatten()) {
            *slot = u32::from(byte - b'0');
        }
        is_national_id(&d)
    };
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        i = run_end(i);
        match i - start {
            11 if as_number([&b[start..i], &[]]) => return true,
            // `DDMMYY IIIKK`: six digits, one separator, five digits.
            6 if i + 1 < b.len() && matches!(b[i], b' ' | b'.' | b'-') => {
                let end = run_end(i + 1);
                if end - (i + 1) == 5 && as_number([&b[start..i], &b[i + 1..end]]) {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Completes nine digits (date and individual number) with the check digits of the rule
/// before 2032, or `None` when no valid number exists for them. For tests and fixtures:
/// it lets them build valid numbers without writing one into the repository.
pub fn with_check_digits(nine: &[u32; 9]) -> Option<[u32; 11]> {
    let mut d = [0u32; 11];
    d[..9].copy_from_slice(nine);
    let s1: u32 = W1[..9].iter().zip(nine).map(|(w, x)| w * x).sum::<u32>() % 11;
    d[9] = (11 - s1) % 11;
    if d[9] == 10 {
        return None;
    }
    let s2: u32 = W2[..10].iter().zip(&d[..10]).map(|(w, x)| w * x).sum::<u32>() % 11;
    d[10] = (11 - s2) % 11;
    if d[10] == 10 {
        return None;
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> [u32; 11] {
        let v: Vec<u32> = s.chars().map(|c| c.to_digit(10).unwrap()).collect();
        v.try_into().unwrap()
    }

    fn text(d: &[u32]) -> String {
        d.iter().map(|x| char::from_digit(*x, 10).unwrap()).collect()
    }

    /// A valid number for a fictional date and individual number, with its check digits
    /// computed here rather than written into the repository.
    fn valid(date: &str, individual: &str) -> String {
        let mut nine = [0u32; 9];
        for (i, c) in date.chars().chain(individual.chars()).enumerate() {
            nine[i] = c.to_digit(10).unwrap();
        }
        let full = (0..)
            .find_map(|k: u32| {
                let mut n = nine;
                n[8] = (n[8] + k) % 10;
                with_check_digits(&n)
            })
            .unwrap();
        text(&full)
    }

    /// The first, obvious version: from every start of a run of digits, read on.
    fn oracle(text: &str) -> bool {
        // Digits and separators are ASCII, so bytes will do (a byte of a multi-byte character is
        // never an ASCII digit), and a text with fewer than 11 digits needs no look at all.
        let bytes = text.as_bytes();
        if bytes.iter().filter(|b| b.is_ascii_digit()).count() < 11 {
            return false;
        }
        let digit = |i: usize| bytes.get(i).filter(|b| b.is_ascii_digit()).map(|b| u32::from(b - b'0'));
        for start in 0..bytes.len() {
            if digit(start).is_none() || (start > 0 && digit(start - 1).is_some()) {
                continue;
            }
            let mut found = [0u32; 11];
            let mut i = start;
            let mut n = 0;
            let mut separated = false;
            while n < 11 {
                match digit(i) {
                    Some(x) => {
                        found[n] = x;
                        n += 1;
                        i += 1;
                    }
                    None if n == 6
                        && !separated
                        && matches!(bytes.get(i), Some(b' ' | b'.' | b'-'))
                        && digit(i + 1).is_some() =>
                    {
                        separated = true;
                        i += 1;
                    }
                    None => break,
                }
            }
            if n == 11 && digit(i).is_none() && is_national_id(&found) {
                return true;
            }
        }
        false
    }

    proptest::proptest! {
        #[test]
        fn the_one_pass_scan_agrees_with_the_obvious_one(
            parts in proptest::collection::vec(("[0-9]{1,12}", "[ .\\-a/]{0,2}"), 0..6),
            seed in 0u32..1000,
        ) {
            // Mix in valid numbers so hits are common.
            let mut text = String::new();
            for (n, (digits, sep)) in parts.iter().enumerate() {
                if (seed + n as u32).is_multiple_of(3) {
                    let v = valid("150690", &format!("{:03}", (seed + n as u32) % 1000));
                    if seed.is_multiple_of(2) { text.push_str(&v[..6]); text.push(' '); text.push_str(&v[6..]); } else { text.push_str(&v); }
                } else {
                    text.push_str(digits);
                }
                text.push_str(sep);
            }
            proptest::prop_assert_eq!(contains_national_id(&text), oracle(&text), "{}", text);
        }
    }

    #[test]
    fn accepts_a_valid_fodselsnummer() {
        let n = valid("150690", "123");
        assert!(is_national_id(&digits(&n)));
        assert!(contains_national_id(&format!("gutt, fnr {n}, bor hos mor")));
    }

    #[test]
    fn refuses_a_wrong_check_digit() {
        let n = valid("150690", "123");
        let mut d = digits(&n);
        d[10] = (d[10] + 1) % 10;
        assert!(!is_national_id(&d));
        assert!(!contains_national_id(&text(&d)));
    }

    #[test]
    fn accepts_d_numbers_and_h_numbers() {
        let d_number = valid("550690", "123"); // day 15 + 40
        assert!(is_national_id(&digits(&d_number)));
        let h_number = valid("154690", "123"); // month 6 + 40
        assert!(is_national_id(&digits(&h_number)));
        let not_a_date = valid("159990", "123");
        assert!(!is_national_id(&digits(&not_a_date)));
    }

    /// The number for nine digits whose first check sum leaves `remainder` (0 is the rule
    /// before 2032; 1–3 are allowed for numbers issued from 2032), if one exists.
    fn with_remainder(nine: [u32; 9], remainder: u32) -> Option<[u32; 11]> {
        let s: u32 = W1[..9].iter().zip(&nine).map(|(w, x)| w * x).sum();
        let k1 = (remainder + 11 - s % 11) % 11;
        if k1 == 10 {
            return None;
        }
        let mut d = [0u32; 11];
        d[..9].copy_from_slice(&nine);
        d[9] = k1;
        let s2: u32 = W2[..10].iter().zip(&d[..10]).map(|(w, x)| w * x).sum::<u32>() % 11;
        d[10] = (11 - s2) % 11;
        (d[10] != 10).then_some(d)
    }

    #[test]
    fn accepts_the_2032_rule_for_the_first_check_digit() {
        // Skatteetaten: from 2032 the first check sum may leave remainder 0, 1, 2 or 3.
        for remainder in 0..=4 {
            let mut tried = 0;
            for individual in 900..1000u32 {
                let nine = [0, 2, 0, 1, 3, 2, individual / 100, individual / 10 % 10, individual % 10];
                let Some(d) = with_remainder(nine, remainder) else { continue };
                tried += 1;
                assert_eq!(is_national_id(&d), remainder <= 3, "remainder {remainder}: {}", text(&d));
            }
            assert!(tried > 10, "remainder {remainder}: only {tried} numbers");
        }
    }

    #[test]
    fn finds_numbers_written_with_a_space_or_dash() {
        let n = valid("010203", "456");
        let spaced = format!("{} {}", &n[..6], &n[6..]);
        let dashed = format!("{}-{}", &n[..6], &n[6..]);
        assert!(contains_national_id(&format!("nr: {spaced}.")));
        assert!(contains_national_id(&dashed));
    }

    #[test]
    fn ignores_longer_numbers_and_ordinary_text() {
        let n = valid("010203", "456");
        assert!(!contains_national_id(&format!("1{n}")));
        assert!(!contains_national_id(&format!("{n}0")));
        assert!(!contains_national_id("ringte 12345678 den 2027-01-05 kl 12:30"));
        assert!(!contains_national_id(""));
        // Eleven zeros: the right shape, no real date.
        assert!(!contains_national_id(&"0".repeat(11)));
    }
}
